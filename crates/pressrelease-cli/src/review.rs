//! `pressrelease review`: one self-contained HTML page that shows each
//! release's text with every extracted span highlighted by kind, beside a
//! table of its record, so a person can check a conversion at a glance.
//!
//! The page loads nothing: CSS and JavaScript are inline and a
//! Content-Security-Policy forbids any fetch. Highlights are `<mark>`
//! elements with `class="hl k-KIND"` and `data-kind="KIND"`, KIND being one
//! of `person`, `title`, `organisation`, `date`, `place`, `item`,
//! `contact`, plus the outlines `dateline` and `list`.
//!
//! Where a highlight comes from:
//! - person and organisation: every mention in the record (exact spans);
//! - dateline, list, contact: the record's spans of those blocks;
//! - place: the dateline's city, region and country, searched (ignoring
//!   case) inside the dateline span;
//! - date: the date as written, found by pattern inside the dateline span;
//! - item: each list item, searched in order inside the list span;
//! - title: titles have no spans in the record, so each title is searched
//!   (ignoring case, quotes, dashes and markup) near each of the person's
//!   mentions, from 160 bytes before to 240 bytes after. A title found
//!   nowhere there is shown in the table only, marked "not located".

use std::cmp::Reverse;
use std::fmt::Write as _;
use std::io::{self, Write as _};
use std::ops::Range;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::LazyLock;

use pressrelease::{ExtractorBuilder, Release};
use regex::Regex;

/// Arguments of `pressrelease review`.
#[derive(clap::Args)]
#[command(after_help = "\
Example:

  pressrelease review releases/*.txt -o review.html

Highlights: person, title, organisation, date, place, list item, contact.
Titles have no spans in the record: each is searched near the person's
mentions, and one not found there is shown in the table as \"not located\".
The page loads nothing from the network. The exit status is 1 when an
input could not be read (it is shown as an error on the page).")]
pub(crate) struct ReviewArgs {
    /// Releases to show, in order; "-" reads standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Where to write the page; "-" or none writes to standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    max_bytes: usize,
}

/// One input: its name and either its text and record, or why it failed.
pub(crate) struct Entry {
    pub(crate) source: String,
    pub(crate) result: Result<(String, Release), String>,
}

/// Reads every input, writes the page; exit 1 when an input failed.
pub(crate) fn run(args: &ReviewArgs) -> ExitCode {
    let extractor = ExtractorBuilder::new().max_bytes(args.max_bytes).build();
    let mut failed = false;
    let entries: Vec<Entry> = args
        .paths
        .iter()
        .map(|path| {
            let source = path.to_string_lossy().into_owned();
            let result = read(path)
                .map_err(|e| format!("cannot read: {e}"))
                .and_then(|bytes| {
                    let mut release = extractor.extract_bytes(&bytes).map_err(|e| e.to_string())?;
                    let text = pressrelease::decode(&bytes).map_err(|e| e.to_string())?;
                    release.source = Some(source.clone());
                    Ok((text.into_owned(), release))
                });
            if let Err(err) = &result {
                failed = true;
                eprintln!("pressrelease: {source}: {err}");
            }
            Entry { source, result }
        })
        .collect();
    let html = page(&entries);
    let written = match &args.output {
        Some(path) if path.as_os_str() != "-" => {
            std::fs::write(path, &html).map_err(|e| format!("cannot write {}: {e}", path.display()))
        }
        _ => {
            let mut out = io::stdout().lock();
            match out.write_all(html.as_bytes()).and_then(|()| out.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.to_string()),
                _ => Ok(()),
            }
        }
    };
    match written {
        Err(err) => {
            eprintln!("pressrelease: {err}");
            ExitCode::from(2)
        }
        Ok(()) if failed => ExitCode::from(1),
        Ok(()) => ExitCode::SUCCESS,
    }
}

/// The bytes of a file, or of standard input for `-`.
fn read(path: &std::path::Path) -> io::Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::Read::read_to_end(&mut io::stdin(), &mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
}

/// What a highlight marks. The order is the nesting order when two marks
/// cover the same bytes: earlier kinds sit outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    List,
    Contact,
    Dateline,
    Item,
    Title,
    Organisation,
    Person,
    Place,
    Date,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::List => "list",
            Kind::Contact => "contact",
            Kind::Dateline => "dateline",
            Kind::Item => "item",
            Kind::Title => "title",
            Kind::Organisation => "organisation",
            Kind::Person => "person",
            Kind::Place => "place",
            Kind::Date => "date",
        }
    }
}

/// Kinds in the legend: (kind, label, colour).
const LEGEND: &[(Kind, &str, &str)] = &[
    (Kind::Person, "person", "#ffb870"),
    (Kind::Title, "title", "#f4e04d"),
    (Kind::Organisation, "organisation", "#8fe388"),
    (Kind::Date, "date", "#6fd6e8"),
    (Kind::Place, "place", "#8fb8ff"),
    (Kind::Item, "list item", "#c9b6ff"),
    (Kind::Contact, "contact", "#ffa8e0"),
];

/// One highlight: a byte range of the input, its kind, a tooltip and the
/// table row it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Mark {
    range: Range<usize>,
    kind: Kind,
    label: String,
    row: String,
}

/// The whole page.
pub(crate) fn page(entries: &[Entry]) -> String {
    let mut h = String::with_capacity(
        entries
            .iter()
            .map(|e| e.result.as_ref().map_or(0, |(t, _)| t.len() * 2))
            .sum::<usize>()
            + 8192,
    );
    h.push_str(concat!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ",
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<title>pressrelease review</title>\n<style>\n"
    ));
    h.push_str(CSS);
    for (kind, _, colour) in LEGEND {
        let _ = writeln!(
            h,
            ".k-{k}{{background:{colour}}} .sw-{k}{{background:{colour}}} \
             body.hide-{k} .k-{k}{{background:none}}",
            k = kind.name()
        );
    }
    h.push_str("</style>\n</head>\n<body>\n<header>\n<h1>pressrelease review</h1>\n");
    let ok = entries.iter().filter(|e| e.result.is_ok()).count();
    let _ = writeln!(
        h,
        "<p id=\"summary\">{} release{}, {} read, {} failed.</p>",
        entries.len(),
        if entries.len() == 1 { "" } else { "s" },
        ok,
        entries.len() - ok
    );
    h.push_str("<div class=\"legend\">");
    for (kind, label, _) in LEGEND {
        let _ = write!(
            h,
            "<label><input type=\"checkbox\" checked data-toggle=\"{k}\"> \
             <span class=\"swatch sw-{k}\"></span>{label}</label>",
            k = kind.name()
        );
    }
    h.push_str(
        "<span class=\"swatch outline\"></span>dateline / list block</div>\n\
         <p class=\"note\">Spans come from the record. Titles have none there: \
         each is searched near the person's mentions and is listed as \
         \u{201c}not located\u{201d} when it is not found. Hover a table row \
         to find its highlights.</p>\n</header>\n<main>\n",
    );
    if entries.len() > 1 {
        h.push_str("<nav><ol>");
        for (i, entry) in entries.iter().enumerate() {
            let failed = if entry.result.is_err() {
                " class=\"failed\""
            } else {
                ""
            };
            let _ = write!(
                h,
                "<li{failed}><a href=\"#r{i}\">{}</a></li>",
                esc(&entry.source)
            );
        }
        h.push_str("</ol></nav>\n");
    }
    for (i, entry) in entries.iter().enumerate() {
        release_section(&mut h, i, entry);
    }
    h.push_str("</main>\n<script>\n");
    h.push_str(JS);
    h.push_str("</script>\n</body>\n</html>\n");
    h
}

/// One release: highlighted text beside the record's table.
fn release_section(h: &mut String, i: usize, entry: &Entry) {
    let _ = write!(
        h,
        "<section class=\"release\" id=\"r{i}\">\n<h2>{}</h2>\n",
        esc(&entry.source)
    );
    let (text, release) = match &entry.result {
        Ok((text, release)) => (text, release),
        Err(err) => {
            let _ = writeln!(h, "<p class=\"error\">{}</p>\n</section>", esc(err));
            return;
        }
    };
    let (marks, unplaced) = marks(i, text, release);
    h.push_str("<div class=\"cols\">\n<pre class=\"text\">");
    render(h, text, &marks);
    h.push_str("</pre>\n<div class=\"record\">\n");
    table(h, i, release, &unplaced);
    h.push_str("</div>\n</div>\n</section>\n");
}

/// Every highlight of a release, and the (person, title) pairs whose title
/// was not found near the person.
fn marks(r: usize, text: &str, release: &Release) -> (Vec<Mark>, Vec<(usize, usize)>) {
    let mut marks = Vec::new();
    let mut push = |range: Range<usize>, kind: Kind, label: &str, row: String| {
        if range.start < range.end
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end)
        {
            marks.push(Mark {
                range,
                kind,
                label: format!("{}: {label}", kind.name()),
                row,
            });
        }
    };
    if let Some(d) = &release.dateline {
        let span = d.span.range();
        let row = format!("r{r}-dateline");
        push(span.clone(), Kind::Dateline, &d.text, row.clone());
        for place in [&d.city, &d.region, &d.country].into_iter().flatten() {
            if let Some(found) = find_fold(text, span.clone(), place) {
                push(found, Kind::Place, place, row.clone());
            }
        }
        if let Some(window) = text.get(span.clone()) {
            if let Some(m) = DATE.find(window) {
                let label = d.date.as_deref().unwrap_or(m.as_str());
                push(
                    span.start + m.start()..span.start + m.end(),
                    Kind::Date,
                    label,
                    row,
                );
            }
        }
    }
    let mut unplaced = Vec::new();
    for (p, person) in release.people.iter().enumerate() {
        let row = format!("r{r}-p{p}");
        let mut titles_found = vec![false; person.titles.len()];
        let mut seen: Vec<Range<usize>> = Vec::new();
        for (k, m) in person.mentions.iter().enumerate() {
            push(m.start..m.end, Kind::Person, &person.name, row.clone());
            // Titles sit next to the first mentions; a cap keeps a
            // release that names someone thousands of times fast.
            if k >= 50 {
                continue;
            }
            let window = floor(text, m.start.saturating_sub(160))..ceil(text, m.end + 240);
            for (t, title) in person.titles.iter().enumerate() {
                if let Some(found) = find_fold(text, window.clone(), title) {
                    titles_found[t] = true;
                    if !seen.contains(&found) {
                        seen.push(found.clone());
                        push(
                            found,
                            Kind::Title,
                            &format!("{title} ({})", person.name),
                            row.clone(),
                        );
                    }
                }
            }
        }
        unplaced.extend(
            titles_found
                .iter()
                .enumerate()
                .filter(|(_, f)| !**f)
                .map(|(t, _)| (p, t)),
        );
    }
    for (o, org) in release.organisations.iter().enumerate() {
        let row = format!("r{r}-o{o}");
        for m in &org.mentions {
            push(m.start..m.end, Kind::Organisation, &org.name, row.clone());
        }
    }
    for (l, list) in release.lists.iter().enumerate() {
        let row = format!("r{r}-l{l}");
        let span = list.span.range();
        push(
            span.clone(),
            Kind::List,
            list.intro.as_deref().unwrap_or("list"),
            row.clone(),
        );
        let mut from = span.start;
        for item in &list.items {
            if let Some(found) = find_fold(text, from..span.end, item) {
                from = found.end;
                push(found, Kind::Item, item, row.clone());
            }
        }
    }
    for (c, contact) in release.contacts.iter().enumerate() {
        let label = contact
            .name
            .as_deref()
            .or(contact.organisation.as_deref())
            .or(contact.emails.first().map(String::as_str))
            .unwrap_or("contact");
        push(
            contact.span.range(),
            Kind::Contact,
            label,
            format!("r{r}-c{c}"),
        );
    }
    (marks, unplaced)
}

/// A date as written in a dateline: `14 February 2023`, `March 3, 2024`,
/// `2024-03-03`, `3/3/2024`.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?";
    let day = r"\d{1,2}(?:st|nd|rd|th)?";
    Regex::new(&format!(
        r"(?i)\b(?:{day}\s+{month},?\s+\d{{4}}|{month}\s+{day},?\s+\d{{4}}|{month}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}})\b"
    ))
    .expect("date pattern is valid")
});

/// Writes `text` with `marks` as nested `<mark>` elements. Marks that
/// cross are split: the inner one is closed and reopened around the
/// boundary, so the HTML always nests.
fn render(h: &mut String, text: &str, marks: &[Mark]) {
    let mut order: Vec<&Mark> = marks.iter().collect();
    order.sort_by_key(|m| (m.range.start, Reverse(m.range.end), m.kind));
    let mut bounds: Vec<usize> = marks
        .iter()
        .flat_map(|m| [m.range.start, m.range.end])
        .collect();
    bounds.sort_unstable();
    bounds.dedup();
    let mut stack: Vec<&Mark> = Vec::new();
    let mut next = 0;
    let mut at = 0;
    for b in bounds {
        h.push_str(&esc(&text[at..b]));
        at = b;
        if let Some(first) = stack.iter().position(|m| m.range.end <= b) {
            let above: Vec<&Mark> = stack.drain(first..).collect();
            for _ in &above {
                h.push_str("</mark>");
            }
            for m in above.into_iter().filter(|m| m.range.end > b) {
                open(h, m);
                stack.push(m);
            }
        }
        while next < order.len() && order[next].range.start == b {
            open(h, order[next]);
            stack.push(order[next]);
            next += 1;
        }
    }
    h.push_str(&esc(&text[at..]));
}

fn open(h: &mut String, m: &Mark) {
    let _ = write!(
        h,
        "<mark class=\"hl k-{k}\" data-kind=\"{k}\" data-row=\"{row}\" title=\"{label}\">",
        k = m.kind.name(),
        row = m.row,
        label = esc(&m.label)
    );
}

/// The record as tables.
fn table(h: &mut String, r: usize, release: &Release, unplaced: &[(usize, usize)]) {
    h.push_str("<table class=\"fields\">\n");
    row(h, "label", release.label.as_deref().unwrap_or(""));
    row(h, "headline", release.headline.as_deref().unwrap_or(""));
    if let Some(d) = &release.dateline {
        let _ = writeln!(
            h,
            "<tr data-row=\"r{r}-dateline\"><th>dateline</th><td>{}<br><small>city {} · region {} \
             · country {} ({}) · date {}</small></td></tr>",
            esc(&d.text),
            opt(&d.city),
            opt(&d.region),
            opt(&d.country),
            opt(&d.country_code),
            opt(&d.date)
        );
    } else {
        row(h, "dateline", "");
    }
    let _ = writeln!(
        h,
        "<tr><th>paragraphs</th><td>{}</td></tr>",
        release.paragraphs.len()
    );
    h.push_str("</table>\n");

    let _ = writeln!(h, "<h3>People ({})</h3>", release.people.len());
    if !release.people.is_empty() {
        h.push_str(
            "<table class=\"list people\"><tr><th>name</th><th>honorifics</th><th>titles</th>\
             <th>organisations</th><th>mentions</th></tr>\n",
        );
        for (p, person) in release.people.iter().enumerate() {
            let titles: Vec<String> = person
                .titles
                .iter()
                .enumerate()
                .map(|(t, title)| {
                    if unplaced.contains(&(p, t)) {
                        format!("{} <em class=\"unplaced\">not located</em>", esc(title))
                    } else {
                        esc(title)
                    }
                })
                .collect();
            let _ = writeln!(
                h,
                "<tr data-row=\"r{r}-p{p}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&person.name),
                esc(&person.honorifics.join(", ")),
                titles.join("<br>"),
                esc(&person.organisations.join("; ")),
                person.mentions.len()
            );
        }
        h.push_str("</table>\n");
    }

    let _ = writeln!(
        h,
        "<h3>Organisations ({})</h3>",
        release.organisations.len()
    );
    if !release.organisations.is_empty() {
        h.push_str(
            "<table class=\"list orgs\"><tr><th>name</th><th>acronym</th><th>mentions</th></tr>\n",
        );
        for (o, org) in release.organisations.iter().enumerate() {
            let _ = writeln!(
                h,
                "<tr data-row=\"r{r}-o{o}\"><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&org.name),
                opt(&org.acronym),
                org.mentions.len()
            );
        }
        h.push_str("</table>\n");
    }

    let _ = writeln!(h, "<h3>Lists ({})</h3>", release.lists.len());
    for (l, list) in release.lists.iter().enumerate() {
        let _ = write!(
            h,
            "<div class=\"lst\" data-row=\"r{r}-l{l}\"><p>{}</p><ol>",
            opt(&list.intro)
        );
        for item in &list.items {
            let _ = write!(h, "<li>{}</li>", esc(item));
        }
        h.push_str("</ol></div>\n");
    }

    let _ = writeln!(h, "<h3>Contacts ({})</h3>", release.contacts.len());
    if !release.contacts.is_empty() {
        h.push_str(
            "<table class=\"list contacts\"><tr><th>name</th><th>title</th><th>organisation</th>\
             <th>location</th><th>emails</th><th>phones</th><th>urls</th></tr>\n",
        );
        for (c, contact) in release.contacts.iter().enumerate() {
            let name = match (&contact.name, contact.honorifics.is_empty()) {
                (Some(n), false) => format!("{} {n}", contact.honorifics.join(" ")),
                (Some(n), true) => n.clone(),
                (None, _) => String::new(),
            };
            let _ = writeln!(
                h,
                "<tr data-row=\"r{r}-c{c}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td>\
                 <td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&name),
                opt(&contact.title),
                opt(&contact.organisation),
                opt(&contact.location),
                esc(&contact.emails.join(", ")),
                esc(&contact.phones.join(", ")),
                esc(&contact.urls.join(", "))
            );
        }
        h.push_str("</table>\n");
    }
}

fn row(h: &mut String, name: &str, value: &str) {
    let value = if value.is_empty() {
        "<i>none</i>".to_string()
    } else {
        esc(value)
    };
    let _ = writeln!(h, "<tr><th>{name}</th><td>{value}</td></tr>");
}

fn opt(value: &Option<String>) -> String {
    value
        .as_deref()
        .map_or_else(|| "<i>none</i>".to_string(), esc)
}

/// Escapes text for HTML element content and quoted attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The nearest char boundary at or before `at`.
fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The nearest char boundary at or after `at`.
fn ceil(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// A cleaned-up string as the record gives it, folded for comparison with
/// the original text: lowercase, straight quotes, `-` for dashes, one space
/// for any whitespace run. `None` for characters that are markup in the
/// original and never in the record.
fn fold(c: char) -> Option<char> {
    match c {
        '*' | '_' | '\\' | '#' => None,
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' | '`' => Some('\''),
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => Some('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Some('-'),
        c if c.is_whitespace() => Some(' '),
        c => Some(c.to_lowercase().next().unwrap_or(c)),
    }
}

/// Where `needle` (as the record gives it) is written in `text` within
/// `window`, compared through [`fold`]: markup in the text is skipped and
/// a whitespace run matches a whitespace run. Windows past 64 KiB fall back
/// to an exact search, to stay linear on huge inputs.
fn find_fold(text: &str, window: Range<usize>, needle: &str) -> Option<Range<usize>> {
    let window = floor(text, window.start)..ceil(text, window.end);
    let hay = text.get(window.clone())?;
    let want: Vec<char> = fold_all(needle);
    if want.is_empty() {
        return None;
    }
    if hay.len() > 64 * 1024 {
        return hay
            .find(needle)
            .map(|i| window.start + i..window.start + i + needle.len());
    }
    for (i, c) in hay.char_indices() {
        if fold(c) != Some(want[0]) {
            continue;
        }
        if let Some(end) = match_at(&hay[i..], &want) {
            return Some(window.start + i..window.start + i + end);
        }
    }
    None
}

/// The needle folded, with whitespace runs collapsed and trimmed.
fn fold_all(s: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars().filter_map(fold) {
        if c == ' ' && (out.is_empty() || out.last() == Some(&' ')) {
            continue;
        }
        out.push(c);
    }
    while out.last() == Some(&' ') {
        out.pop();
    }
    out
}

/// The byte length of the shortest prefix of `hay` that folds to `want`.
fn match_at(hay: &str, want: &[char]) -> Option<usize> {
    let mut k = 0;
    let mut end = 0;
    let mut chars = hay.char_indices().peekable();
    while k < want.len() {
        let (i, c) = chars.next()?;
        match fold(c) {
            None => continue,
            Some(' ') if want[k] == ' ' => {
                while let Some(&(_, c)) = chars.peek() {
                    if fold(c) == Some(' ') || fold(c).is_none() {
                        chars.next();
                    } else {
                        break;
                    }
                }
                k += 1;
            }
            Some(f) if f == want[k] => {
                k += 1;
                end = i + c.len_utf8();
            }
            Some(_) => return None,
        }
    }
    Some(end)
}

const CSS: &str = r#"
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d1d1f;background:#f6f6f4}
header{background:#fff;border-bottom:1px solid #ddd;padding:.5rem 1rem;z-index:2}
h1{font-size:1.2rem;margin:.2rem 0}
h2{font-size:1rem;margin:0 0 .5rem;font-family:ui-monospace,monospace}
h3{font-size:.95rem;margin:.8rem 0 .3rem}
.legend{display:flex;flex-wrap:wrap;gap:.2rem 1rem;font-size:.9rem}
.legend label{cursor:pointer}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;margin:0 .3em;vertical-align:-.1em}
.swatch.outline{border:1px dashed #555}
.note{font-size:.8rem;color:#555;margin:.3rem 0}
main{padding:1rem}
.release{background:#fff;border:1px solid #ddd;border-radius:6px;padding:1rem;margin-bottom:1.5rem}
.cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1rem}
@media (max-width:900px){.cols{grid-template-columns:minmax(0,1fr)}}
pre.text{white-space:pre-wrap;overflow-wrap:anywhere;font:13px/1.6 ui-monospace,"DejaVu Sans Mono",monospace;margin:0;max-height:80vh;overflow:auto;border:1px solid #eee;padding:.5rem}
mark.hl{color:inherit;border-radius:2px}
.k-list,.k-dateline{background:none;outline:1px dashed #777;outline-offset:1px}
body.hide-item .k-item,body.hide-contact .k-contact{outline:none}
mark.focus{box-shadow:0 0 0 2px #d00}
tr.focus,div.focus{background:#fff3c4}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{border:1px solid #e3e3e3;padding:.2rem .35rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
.record{min-width:0;overflow-x:auto}
th{background:#fafafa;font-weight:600}
table.fields th{width:7em}
.unplaced{color:#a00;font-size:.8em}
.error{color:#a00;font-weight:600}
nav ol{columns:3 16em;font:12px ui-monospace,monospace;margin:0 0 1rem;padding-left:2.5em}
nav li.failed a{color:#a00}
.lst p{margin:.2rem 0;font-style:italic}
.lst ol{margin:.2rem 0 .6rem}
"#;

const JS: &str = r#"
(function () {
  document.querySelectorAll('input[data-toggle]').forEach(function (box) {
    box.addEventListener('change', function () {
      document.body.classList.toggle('hide-' + box.dataset.toggle, !box.checked);
    });
  });
  document.querySelectorAll('[data-row]').forEach(function (el) {
    if (el.tagName === 'MARK') return;
    var marks = document.querySelectorAll('mark[data-row="' + el.dataset.row + '"]');
    el.addEventListener('mouseenter', function () {
      el.classList.add('focus');
      marks.forEach(function (m) { m.classList.add('focus'); });
      if (marks.length) marks[0].scrollIntoView({block: 'nearest'});
    });
    el.addEventListener('mouseleave', function () {
      el.classList.remove('focus');
      marks.forEach(function (m) { m.classList.remove('focus'); });
    });
  });
  var counts = {};
  document.querySelectorAll('mark.hl').forEach(function (m) {
    counts[m.dataset.kind] = (counts[m.dataset.kind] || 0) + 1;
  });
  document.body.dataset.ready = 'yes';
  document.body.dataset.marks = Object.keys(counts).sort().map(function (k) {
    return k + ':' + counts[k];
  }).join(' ');
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    /// An invented release and a record for it written by hand, with one
    /// highlight of every kind.
    fn sample() -> (String, Release) {
        let text = "PRESS RELEASE\n\nFjordvik Council <Opens> a \u{201c}Quiet\u{201d} Library\n\n\
                    ØSTBY, Norland, 4 March 2031 \u{2013} The Director of Libraries, Dr. \
                    Åse Lindqvist, opened the library with the Fjordvik Council.\n\n\
                    The library offers:\n- reading rooms & study desks;\n- a children\u{2019}s corner.\n\n\
                    Media contact: Per Holm, press@fjordvik.example\n";
        let at = |s: &str| {
            let i = text.find(s).unwrap();
            serde_json::json!({"text": s, "start": i, "end": i + s.len()})
        };
        let span = |s: &str| {
            let i = text.find(s).unwrap();
            serde_json::json!({"start": i, "end": i + s.len()})
        };
        let i = text.rfind("Fjordvik Council").unwrap();
        let second = serde_json::json!({"text": "Fjordvik Council", "start": i, "end": i + 16});
        let record = serde_json::json!({
            "schema_version": 1, "source": null, "label": "PRESS RELEASE",
            "headline": "Fjordvik Council <Opens> a \"Quiet\" Library",
            "dateline": {"text": "ØSTBY, Norland, 4 March 2031", "city": "Østby",
                "region": null, "country": "Norland", "country_code": null,
                "date": "2031-03-04", "span": span("ØSTBY, Norland, 4 March 2031")},
            "people": [{"name": "Åse Lindqvist", "honorifics": ["Dr."],
                "titles": ["Director of Libraries", "Chief Archivist"],
                "organisations": [], "mentions": [at("Åse Lindqvist")]}],
            "organisations": [{"name": "Fjordvik Council", "acronym": null,
                "mentions": [at("Fjordvik Council"), second]}],
            "lists": [{"intro": "The library offers:",
                "items": ["reading rooms & study desks", "a children's corner"],
                "span": span("- reading rooms & study desks;\n- a children\u{2019}s corner.")}],
            "contacts": [{"name": "Per Holm", "honorifics": [], "title": null,
                "organisation": null, "location": null,
                "emails": ["press@fjordvik.example"], "phones": [], "urls": [],
                "span": span("Media contact: Per Holm, press@fjordvik.example")}],
            "paragraphs": []
        });
        (text.to_string(), serde_json::from_value(record).unwrap())
    }

    fn kinds(marks: &[Mark], text: &str) -> Vec<(&'static str, String)> {
        let mut v: Vec<_> = marks
            .iter()
            .map(|m| (m.kind.name(), text[m.range.clone()].to_string()))
            .collect();
        v.sort();
        v
    }

    #[test]
    fn finds_every_kind() {
        let (text, release) = sample();
        let (marks, unplaced) = marks(0, &text, &release);
        let got = kinds(&marks, &text);
        let want = [
            ("contact", "Media contact: Per Holm, press@fjordvik.example"),
            ("date", "4 March 2031"),
            ("dateline", "ØSTBY, Norland, 4 March 2031"),
            ("item", "a children\u{2019}s corner"),
            ("item", "reading rooms & study desks"),
            (
                "list",
                "- reading rooms & study desks;\n- a children\u{2019}s corner.",
            ),
            ("organisation", "Fjordvik Council"),
            ("organisation", "Fjordvik Council"),
            ("person", "Åse Lindqvist"),
            ("place", "Norland"),
            ("place", "ØSTBY"),
            ("title", "Director of Libraries"),
        ];
        let want: Vec<_> = want.iter().map(|(k, s)| (*k, s.to_string())).collect();
        assert_eq!(got, want);
        assert_eq!(
            unplaced,
            [(0, 1)],
            "the invented second title is not in the text"
        );
    }

    #[test]
    fn find_fold_cases() {
        // (text, needle, found)
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "the **Chief** Officer said",
                "Chief Officer",
                Some("Chief** Officer"),
            ),
            (
                "a children\u{2019}s corner",
                "children's corner",
                Some("children\u{2019}s corner"),
            ),
            ("Head of\n  Unit", "head of unit", Some("Head of\n  Unit")),
            ("Vice\u{2013}Chair", "Vice-Chair", Some("Vice\u{2013}Chair")),
            ("nothing here", "Chair", None),
            ("ÉCOLE", "école", Some("ÉCOLE")),
            ("x", "", None),
        ];
        for &(text, needle, want) in cases {
            let got = find_fold(text, 0..text.len(), needle).map(|r| &text[r]);
            assert_eq!(got, want, "{needle:?} in {text:?}");
        }
    }

    #[test]
    fn crossing_marks_nest_and_text_is_escaped() {
        let text = "a <b> & c \"d\" e";
        let mk = |s: usize, e: usize, kind: Kind| Mark {
            range: s..e,
            kind,
            label: "x\"<".into(),
            row: "r0".into(),
        };
        let mut h = String::new();
        render(
            &mut h,
            text,
            &[mk(0, 7, Kind::Person), mk(4, 11, Kind::Place)],
        );
        assert_eq!(
            h.replace(" data-row=\"r0\" title=\"x&quot;&lt;\"", ""),
            "<mark class=\"hl k-person\" data-kind=\"person\">a &lt;b\
             <mark class=\"hl k-place\" data-kind=\"place\">&gt; &amp;</mark></mark>\
             <mark class=\"hl k-place\" data-kind=\"place\"> c &quot;</mark>d&quot; e"
        );
        assert_eq!(
            esc("<script>'&'</script>"),
            "&lt;script&gt;&#39;&amp;&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn page_is_self_contained() {
        let (text, release) = sample();
        let html = page(&[
            Entry {
                source: "a<b>.txt".into(),
                result: Ok((text, release)),
            },
            Entry {
                source: "gone.txt".into(),
                result: Err("cannot read: <missing>".into()),
            },
        ]);
        for banned in ["<link", " src=", "href=\"http", "url(", "@import"] {
            assert!(!html.contains(banned), "page contains {banned}");
        }
        assert!(html.contains("<h2>a&lt;b&gt;.txt</h2>"));
        assert!(html.contains("cannot read: &lt;missing&gt;"));
        assert!(html.contains("Fjordvik Council &lt;Opens&gt;"));
        assert!(html.contains("not located"));
    }

    /// The sample page holds a highlight of every kind (the end-to-end test
    /// in `tests/review.rs` renders pages in headless chromium).
    #[test]
    fn marks_every_kind() {
        let (text, release) = sample();
        let html = page(&[Entry {
            source: "sample.txt".into(),
            result: Ok((text, release)),
        }]);
        for (kind, _, _) in LEGEND {
            let needle = format!("class=\"hl k-{}\"", kind.name());
            assert!(html.contains(&needle), "no {needle} in the page");
        }
    }
}
