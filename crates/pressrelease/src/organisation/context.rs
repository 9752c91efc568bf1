//! Names without a cue word that their context marks as bodies: a
//! ticker, an `About` heading, a description, a list, an employer.

use std::ops::Range;
use std::sync::LazyLock;

use super::*;

/// Company names before a stock ticker: `Acme Widgets (NASDAQ: ACME)`.
pub(super) fn ticker_names(s: &str, toks: &[Tok]) -> Vec<(Found, String)> {
    let mut out = Vec::new();
    for (all, sym) in tickers(s) {
        let k = toks.partition_point(|t| t.start() < all.start);
        // Walk back over the capitalised words before the parenthesis.
        let mut end = k;
        if end > 0 && text(s, &toks[end - 1]) == "," {
            end -= 1;
        }
        let mut start = end;
        while start > 0 {
            let t = &toks[start - 1];
            let w = text(s, t);
            let capital = t.word && is_cap(w) && !t.is(VERB | TITLE | LEAD) && !is_connector(w);
            let joined = (matches!(w, "&" | "and" | "of" | "de")
                || (w == "," && start < end && is_legal(text(s, &toks[start]))))
                && start < end;
            if !(capital || joined) || (start < end && toks[start].brk) || end - start >= 8 {
                break;
            }
            start -= 1;
            if t.brk {
                break;
            }
        }
        while start < end && { !is_cap(text(s, &toks[start])) || toks[start].is(LEAD) } {
            start += 1;
        }
        if start < end {
            let range = toks[start].start()..toks[end - 1].end();
            out.push((
                Found {
                    range,
                    acronym: None,
                },
                s[sym].to_string(),
            ));
        }
    }
    out
}

/// Headings `About Acme Corp.`: the company the boilerplate describes,
/// with the short form in parentheses if the heading gives one.
pub(super) fn about_names(doc: &Doc) -> Vec<Found> {
    let mut out = Vec::new();
    for line in &doc.lines {
        let l = doc.slice(line.clone());
        // Most lines open with another printable ASCII byte: no `About`
        // after spaces there.
        if l.as_bytes()
            .first()
            .is_none_or(|&x| x.is_ascii_graphic() && x != b'A')
        {
            continue;
        }
        let lead = l.len() - l.trim_start().len();
        let Some(rest) = l[lead..].strip_prefix("About ") else {
            continue;
        };
        let mut start = line.start + lead + "About ".len();
        let mut name = rest.trim_end().trim_end_matches([':', '.']).trim_end();
        if let Some(n) = name
            .strip_prefix("the ")
            .or_else(|| name.strip_prefix("The "))
        {
            start += name.len() - n.len();
            name = n;
        }
        let mut acronym = None;
        if let Some(open) = name.rfind(" (") {
            if name.ends_with(')') {
                let a = start + open + 2..start + name.len() - 1;
                let short = doc.clean().get(a.clone()).unwrap_or("");
                if is_acronym(short) && !short.contains([':', ' ']) {
                    acronym = Some(a);
                }
                name = &name[..open];
            }
        }
        let n_words = name.split_whitespace().count();
        if n_words == 0 || n_words > 8 || !is_cap(name) {
            continue;
        }
        let capitalised = name
            .split_whitespace()
            .all(|w| is_cap(w) || is_connector(w) || !w.starts_with(char::is_alphabetic));
        if !capitalised || is_not_org(name) {
            continue;
        }
        if matches!(
            name.to_lowercase().as_str(),
            "us" | "author" | "this release" | "survey" | "study" | "report"
        ) {
            continue;
        }
        out.push(Found {
            range: start..start + name.len(),
            acronym,
        });
    }
    out
}

/// Names described as bodies: `Acme, a leading provider of ...`,
/// `Acme is a global company`, `Acme, the maker of ...`.
pub(super) fn described_names(s: &str, toks: &[Tok], runs: &[Run]) -> Vec<Found> {
    let mut out = Vec::new();
    for run in runs.iter().map(|r| r.range.clone()) {
        let k = run.end;
        let Some(next) = toks.get(k) else { continue };
        // Only `,` and `is` lead on: longer tokens need no reading.
        if next.len() > 2 {
            continue;
        }
        let det = match text(s, next) {
            "," => k + 1,
            "is" => k + 1,
            _ => continue,
        };
        if !toks
            .get(det)
            .is_some_and(|t| matches!(text(s, t), "a" | "an" | "the"))
        {
            continue;
        }
        // The describing phrase: a few words up to a comma or full stop.
        let described = toks[det + 1..]
            .iter()
            .take(8)
            .take_while(|t| t.word || text(s, t) == "-")
            .enumerate()
            .any(|(i, t)| t.is(KIND) && toks.get(det + 2 + i).is_none_or(|n| text(s, n) != "'"));
        if !described {
            continue;
        }
        // `Founded by Jo Bell, the firm ...` describes the firm, not Jo Bell.
        let led_by = run.start > 1
            && matches!(text(s, &toks[run.start - 1]), "by" | "By")
            && matches!(
                text(s, &toks[run.start - 2]).to_ascii_lowercase().as_str(),
                "founded" | "co-founded" | "led" | "chaired" | "headed" | "run" | "directed"
            );
        if led_by {
            continue;
        }
        // The name: the last few capitalised words, no leading stop words.
        let mut start = run.start.max(run.end.saturating_sub(6));
        while start < run.end {
            let w = text(s, &toks[start]);
            if is_connector(w) || toks[start].is(LEAD | VERB | TITLE) || !is_cap(w) {
                start += 1;
            } else {
                break;
            }
        }
        if start >= run.end {
            continue;
        }
        let range = toks[start].start()..toks[run.end - 1].end();
        let name = &s[range.clone()];
        let personal = toks[start..run.end]
            .iter()
            .any(|t| t.is(TITLE | LEAD) || text(s, t) == "and");
        let single = run.end - start == 1 && !toks[start].is(CUE);
        if personal || !(single || is_org_name(name)) {
            continue;
        }
        out.push(Found {
            range,
            acronym: None,
        });
    }
    out
}

/// The items of [`listed_names`]: capitalised runs, split at `and`,
/// trimmed of connectors; only those of runs that may hold a list.
fn list_items(s: &str, toks: &[Tok], runs: &[Run]) -> Vec<Range<usize>> {
    // Items join when two tokens or less, each `,` or `and`, part them and
    // no line starts the second; the tokens between two runs part their
    // items, with any connector trimmed off the second (a capitalised
    // one, not `and`). So only a group of runs so joined may hold a list,
    // and only if it can give three items. The other runs give no items:
    // the items either side of them are parted by their words, so no two
    // items join that would not have joined.
    let joinable = |a: usize, b: usize| {
        b - a <= 2 && !toks[b].brk && toks[a..b].iter().all(|t| is_list_mark(s, t))
    };
    let mut items: Vec<Range<usize>> = Vec::new();
    let mut g = 0;
    while g < runs.len() {
        // A run gives one item more than it has `and`s, at most.
        let mut h = g + 1;
        let mut room = 1 + runs[g].ands as usize;
        while h < runs.len() && joinable(runs[h - 1].range.end, runs[h].range.start) {
            room += 1 + runs[h].ands as usize;
            h += 1;
        }
        let group = g..h;
        g = h;
        if room < 3 {
            continue;
        }
        // (No room is taken for releases without a list.)
        if items.is_empty() {
            items.reserve(runs.len());
        }
        for run in &runs[group] {
            // Without a connector, the run is one item.
            if run.bits & CONNECTOR == 0 {
                items.push(run.range.clone());
                continue;
            }
            let run = run.range.clone();
            let mut a = run.start;
            for k in run.start..=run.end {
                let split = k == run.end || is_and(s, &toks[k]);
                if !split {
                    continue;
                }
                let mut b = k;
                while a < b && toks[a].is(CONNECTOR) {
                    a += 1;
                }
                while b > a && toks[b - 1].is(CONNECTOR) {
                    b -= 1;
                }
                if a < b {
                    items.push(a..b);
                }
                a = k + 1;
            }
        }
    }
    items
}

/// Lists of three or more names (`Acme Bank, Kite, Bolt Media and
/// Quill`) where one item is already known as an organisation: every
/// item is one.
pub(super) fn listed_names(s: &str, toks: &[Tok], runs: &[Run], found: &[Found]) -> Vec<Found> {
    let items = list_items(s, toks, runs);
    let mut out = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let mut j = i + 1;
        while j < items.len() {
            let gap = items[j - 1].end..items[j].start;
            let joined = gap.len() <= 2
                && !toks[items[j].start].brk
                && toks
                    .get(gap)
                    .unwrap_or(&[])
                    .iter()
                    .all(|t| is_list_mark(s, t));
            if !joined {
                break;
            }
            j += 1;
        }
        if j - i >= 3 {
            let name = |r: &Range<usize>| &s[toks[r.start].start()..toks[r.end - 1].end()];
            // An item with a cue word, or already found (the costlier
            // test, so only when needed).
            let has_org = || {
                items[i..j]
                    .iter()
                    .any(|r| r.clone().any(|k| toks[k].is(CUE)))
                    || items[i..j].iter().any(|r| has_found_key(s, found, name(r)))
            };
            // What leads into the list: `partners, including`, `with`.
            let first = items[i].start;
            let lead_in = || {
                (first.saturating_sub(5)..first)
                    .filter(|&k| !toks[k + 1..=first].iter().any(|t| t.brk))
                    .map(|k| &toks[k])
            };
            let noun = lead_in().any(|t| t.is(LIST_NOUN));
            let intro = lead_in().any(|t| {
                matches!(
                    text(s, t),
                    "including" | "include" | "includes" | "with" | "are" | ":" | "like" | "as"
                )
            });
            // `Jo Bell, President, and Al Roe, Chair`: a list of people.
            let titled = items[i..j]
                .iter()
                .any(|r| r.len() == 1 && toks[r.start].is(TITLE));
            if intro && !titled && (noun || has_org()) {
                for r in &items[i..j] {
                    // A middle initial (`Jo Q. Bell`) marks a person.
                    let initial = r.clone().skip(1).any(|k| {
                        let w = text(s, &toks[k]);
                        w.len() == 2 && w.ends_with('.') && is_cap(w)
                    });
                    let plain = !initial
                        && r.len() <= 5
                        && r.clone().all(|k| !toks[k].is(TITLE | VERB | LEAD));
                    if plain && !is_not_org(name(r)) {
                        out.push(Found {
                            range: toks[r.start].start()..toks[r.end - 1].end(),
                            acronym: None,
                        });
                    }
                }
            }
        }
        i = j;
    }
    out
}

/// Whether a token is `,` or `and`, which join the items of a list (bytes
/// compared: no slicing of the text).
fn is_list_mark(s: &str, t: &Tok) -> bool {
    is_mark(s, t, b',') || (t.len() == 3 && &s.as_bytes()[t.r()] == b"and")
}

/// Whether `name` has the [`key`] of a name in `found`.
fn has_found_key(s: &str, found: &[Found], name: &str) -> bool {
    let want = key(name);
    let mut k = String::new();
    found.iter().any(|f| {
        let other = &s[f.range.clone()];
        // An ASCII name's key is its start, lower-cased: a name that does
        // not start with `want` in any case has another key (no key is
        // worked out for it).
        let may = !other.is_ascii()
            || other
                .as_bytes()
                .get(..want.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(want.as_bytes()));
        may && {
            key_into(other, &mut k);
            k == want
        }
    })
}

/// Employers named after a role: `CEO of Acme`, `founder of Kite Labs`.
pub(super) fn employer_names(s: &str, toks: &[Tok]) -> Vec<Found> {
    let mut out = Vec::new();
    // The last title word (`Director`, `Head`) of the current sentence:
    // `Director for Kite Policy at Acme Labs` names an employer too.
    let mut title_at: Option<usize> = None;
    let b = s.as_bytes();
    let last = toks.len().saturating_sub(2);
    let mut next = 0;
    while next < last {
        let mut k = next;
        // Most tokens are neither a role nor a title, with no title close
        // before: a tight search over their bits skips them.
        if title_at.is_none() {
            match toks[k..last].iter().position(|t| t.is(TITLE | EMPLOYER)) {
                Some(d) => k += d,
                None => break,
            }
        }
        next = k + 1;
        let t = &toks[k];
        // A line break, `.`, `;` or `"` ends the sentence; a title eight
        // tokens back no longer counts either.
        if title_at.is_some_and(|a| {
            k - a >= 8
                || t.brk
                || (!t.word && t.len() == 1 && matches!(b[t.start()], b'.' | b';' | b'"'))
        }) {
            title_at = None;
        }
        if t.word && t.is(TITLE) && t.is(CAP) {
            title_at = Some(k);
        }
        let role = t.word && t.is(EMPLOYER);
        // Neither a role nor a title close before: nothing to read.
        if !role && title_at.is_none_or(|a| k - a >= 8) {
            continue;
        }
        let next = text(s, &toks[k + 1]);
        let titled_at = next == "at" && title_at.is_some_and(|a| k - a < 8);
        if !((role && matches!(next, "of" | "at")) || titled_at) {
            continue;
        }
        let mut start = k + 2;
        if toks
            .get(start)
            .is_some_and(|t| matches!(text(s, t), "the" | "The"))
        {
            start += 1;
        }
        let mut end = start;
        while end < toks.len() && end - start < 10 && !toks[end].brk {
            let w = text(s, &toks[end]);
            let ok = toks[end].word
                && !toks[end].is(TITLE | LEAD | VERB | CONNECTOR)
                && toks[end].is(CAP);
            // After a title, `and` starts the next role (`Director at
            // Acme and Kite Specialist at ...`).
            let joined = end > start
                && (matches!(w, "&" | "of")
                    || (w == "and" && !titled_at)
                    || (toks[end].is(CONNECTOR)
                        && !matches!(w, "the" | "for" | "on" | "in" | "to" | "and")));
            if !(ok || joined) {
                break;
            }
            end += 1;
        }
        while end > start && !toks[end - 1].is(CAP) {
            end -= 1;
        }
        // `at the Annual Meeting`: an event, not an employer.
        if end > start && end - start < 10 && !toks[end - 1].is(NONHEAD) {
            let range = toks[start].start()..toks[end - 1].end();
            if !is_not_org(&s[range.clone()]) {
                out.push(Found {
                    range,
                    acronym: paren_acronym(s, toks, end),
                });
            }
        }
    }
    out
}

/// Whether a match of [`TICKER`] may start at byte `i` of `b`: a `(`
/// right before the first letter of an exchange's name.
fn may_open_ticker(b: &[u8], i: usize) -> bool {
    b.get(i) == Some(&b'(')
        && matches!(
            b.get(i + 1),
            Some(b'N' | b'O' | b'T' | b'C' | b'A' | b'L' | b'E')
        )
}

/// Whether `s` may hold a match of [`TICKER`] (see [`may_open_ticker`]).
#[cfg(test)]
fn may_hold_ticker(s: &str) -> bool {
    memchr::memchr_iter(b'(', s.as_bytes()).any(|i| may_open_ticker(s.as_bytes(), i))
}

/// The matches of [`TICKER`] in `s`, as `captures_iter` gives them: the
/// whole match and the symbol.
///
/// The regex reads only from a `(` that may open one (most releases
/// have none) to the next `)`: a match ends at the first `)` after its
/// start, so none starting there reaches past it.
fn tickers(s: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    // Where the next match may start.
    let mut from = 0;
    for open in memchr::memchr_iter(b'(', b) {
        if open < from || !may_open_ticker(b, open) {
            continue;
        }
        let Some(close) = memchr::memchr(b')', &b[open..]).map(|p| open + p) else {
            break;
        };
        from = close + 1;
        // (`(` and `)` are ASCII: the window is on char boundaries.)
        let Some(m) = TICKER.captures(&s[open..=close]) else {
            continue;
        };
        let (Some(all), Some(sym)) = (m.get(0), m.get(1)) else {
            continue;
        };
        out.push((
            open + all.start()..open + all.end(),
            open + sym.start()..open + sym.end(),
        ));
    }
    out
}

/// Legislatures named by one word (`Congress`, `the Senate`) inside a
/// sentence.
///
/// `caps` lists the capitalised tokens (see [`capitalised`]).
pub(super) fn bare_names(s: &str, toks: &[Tok], caps: &[usize]) -> Vec<Found> {
    let mut out = Vec::new();
    for &k in caps {
        let t = &toks[k];
        if !t.is(BARE) || !t.word || t.brk || k == 0 || !t.is(CAP) {
            continue;
        }
        let w = text(s, t);
        let prev = text(s, &toks[k - 1]);
        let next_cap = toks
            .get(k + 1)
            .is_some_and(|n| !n.brk && n.word && n.is(CAP));
        // `the Congress` is more often an event than the legislature.
        let mid_sentence =
            (toks[k - 1].word && !toks[k - 1].is(CAP) && !(prev == "the" && w == "Congress"))
                || prev == ",";
        if mid_sentence && !next_cap {
            out.push(Found {
                range: t.r(),
                acronym: None,
            });
        }
    }
    out
}

/// The well-known names of `[known]`, without repeats, indexed by their
/// first byte.
struct Known {
    /// The distinct names, in list order.
    names: Vec<String>,
    /// For each `[known]` entry, its index in `names` (`None` if empty).
    of_list: Vec<Option<usize>>,
    /// For each byte, the names (indices in `names`) starting with it.
    by_first: Vec<Vec<usize>>,
    /// Whether every name starts with an ASCII capital.
    capital_first: bool,
    /// For each first byte, the second bytes of the names starting with
    /// it, as a bit set: most capitalised words start no name.
    seconds: Vec<[u64; 4]>,
}

impl Known {
    /// Whether some name starts with bytes `first`, `second`.
    fn may_start(&self, first: u8, second: u8) -> bool {
        let set = &self.seconds[usize::from(first)];
        set[usize::from(second >> 6)] >> (second & 63) & 1 != 0
    }
}

static KNOWN: LazyLock<Known> = LazyLock::new(|| {
    let mut names: Vec<String> = Vec::new();
    let mut of_list = Vec::new();
    for (name, _) in &LISTS.known {
        if name.is_empty() {
            of_list.push(None);
            continue;
        }
        let p = match names.iter().position(|n| n == name) {
            Some(p) => p,
            None => {
                names.push(name.clone());
                names.len() - 1
            }
        };
        of_list.push(Some(p));
    }
    let mut by_first = vec![Vec::new(); 256];
    for (p, name) in names.iter().enumerate() {
        by_first[usize::from(name.as_bytes()[0])].push(p);
    }
    let capital_first = names.iter().all(|n| n.as_bytes()[0].is_ascii_uppercase());
    let mut seconds = vec![[0u64; 4]; 256];
    for name in &names {
        let n = name.as_bytes();
        // A one-byte name needs no second byte: every second byte may
        // follow.
        let set = &mut seconds[usize::from(n[0])];
        match n.get(1) {
            Some(&x) => set[usize::from(x >> 6)] |= 1 << (x & 63),
            None => *set = [!0; 4],
        }
    }
    Known {
        names,
        of_list,
        by_first,
        capital_first,
        seconds,
    }
});

/// Well-known bodies named on their own (`the United Nations said`), not
/// as the start of a longer name (`United Nations Office of ...`).
///
/// `caps` lists the capitalised tokens (see [`capitalised`]).
pub(super) fn known_names(s: &str, toks: &[Tok], caps: &[usize]) -> Vec<Found> {
    let known = &*KNOWN;
    // Each name's own matches, left to right and not overlapping one
    // another (as `match_indices` gives them). A name counts only where a
    // token starts, so only token starts are tried; no name overlaps
    // itself, so matches elsewhere could not have hidden one.
    let mut starts: Vec<Vec<usize>> = vec![Vec::new(); known.names.len()];
    let mut last_end: Vec<usize> = vec![0; known.names.len()];
    let b = s.as_bytes();
    // A token starting with an ASCII capital is capitalised: when every
    // name starts with one, only capitalised tokens are tried.
    let every: Vec<usize>;
    let tried: &[usize] = if known.capital_first {
        caps
    } else {
        every = (0..toks.len()).collect();
        &every
    };
    for &k in tried {
        let at = toks[k].start();
        if b.get(at + 1).is_some_and(|&x| !known.may_start(b[at], x)) {
            continue;
        }
        for &p in &known.by_first[usize::from(b[at])] {
            let name = &known.names[p];
            let n = name.as_bytes();
            // The second byte first: most capitalised words miss there.
            if b.get(at + 1) == n.get(1) && at >= last_end[p] && b[at..].starts_with(n) {
                last_end[p] = at + name.len();
                starts[p].push(at);
            }
        }
    }
    let mut out = Vec::new();
    for &p in &known.of_list {
        let Some(p) = p else { continue };
        let name = &known.names[p];
        for &at in &starts[p] {
            let end = at + name.len();
            let k = toks.partition_point(|t| t.start() < end);
            if toks.get(k).is_some_and(|t| t.word && t.start() == end) {
                continue;
            }
            let next_cap = toks.get(k).is_some_and(|t| t.word && t.is(CAP) && !t.brk);
            if next_cap {
                continue;
            }
            let acronym = paren_acronym(s, toks, k).or_else(|| paren_alias(s, toks, name, k));
            out.push(Found {
                range: at..end,
                acronym,
            });
        }
    }
    out
}

/// How far into a release its headline may start, in bytes.
const HEADLINE_BYTES: usize = 600;

/// Bodies named as the subject of an announcement: a headline that opens
/// with a short name and a verb (`Kitewell Launches ...`, `Bramble SKY
/// Names ...`), or a sentence `KITE Labs today announced ...`. Two plain
/// capitalised words may be a person, so a longer name needs an
/// all-capital word.
///
/// `cap_toks` lists the capitalised tokens (see [`capitalised`]).
pub(super) fn subject_names(s: &str, toks: &[Tok], runs: &[Run], cap_toks: &[usize]) -> Vec<Found> {
    let lists = &*LISTS;
    // Token `k`'s word: letters only, in none of these lists (its bits
    // hold the lists' answers).
    let plain = |k: usize| {
        let w = text(s, &toks[k]);
        w.chars().all(char::is_alphabetic)
            && !(toks[k].is(TITLE | LEAD | GENERIC | PLACE | VERB) || is_connector(w))
    };
    // A country in a name (`Kite Australia`) is not in a person's name.
    let country = |k: usize| toks[k].is(COUNTRY);
    let caps = |k: usize| {
        let w = text(s, &toks[k]);
        w.len() > 1 && w.bytes().all(|b| b.is_ascii_uppercase())
    };
    let mut subjects: Vec<Range<usize>> = Vec::new();
    // Headlines: a line opening with up to three capitalised words and
    // a Title Case verb.
    for k in 0..toks.len() {
        // Headlines come first: the opening lines only, and a few of them
        // (each check below scans the text once).
        if toks[k].start() > HEADLINE_BYTES || subjects.len() >= 3 {
            break;
        }
        if !(toks[k].brk && toks[k].word) {
            continue;
        }
        let mut j = k;
        while j < toks.len()
            && j < k + 4
            && (j == k || !toks[j].brk)
            && toks[j].word
            && toks[j].is(CAP)
            && !toks[j].is(VERB)
        {
            j += 1;
        }
        let verb = toks.get(j).filter(|t| t.word && !t.brk);
        let verb = verb.is_some_and(|t| {
            let v = text(s, t);
            // `Jo Said, 40, was ...`: a surname, not a verb.
            t.is(VERB)
                && !matches!(v, "Said" | "Says")
                && (is_cap(v) || matches!(v, "launches" | "announces" | "unveils" | "names"))
        });
        // One word may be a surname (`Bell Signs Bill`): not when the body
        // puts a first name before it (`Jo Bell`).
        let surname = || {
            let w = text(s, &toks[k]);
            // A capitalised word, then `w`: only capitalised tokens can
            // start the pair.
            cap_toks.iter().any(|&c| {
                let (first, Some(next)) = (&toks[c], toks.get(c + 1)) else {
                    return false;
                };
                !next.brk
                    && first.word
                    && !first.is(LEAD)
                    && next.len() == w.len()
                    && text(s, next) == w
            })
        };
        if verb && j > k && j - k <= 3 && !(j == k + 1 && surname()) {
            subjects.push(k..j);
        }
    }
    // `KITE Labs today announced`.
    for run in runs.iter().map(|r| &r.range) {
        let today = toks.get(run.end).is_some_and(|t| text(s, t) == "today")
            && toks.get(run.end + 1).is_some_and(|t| {
                matches!(
                    text(s, t),
                    "announced" | "announces" | "announcing" | "launched" | "unveiled" | "released"
                )
            });
        if !today {
            continue;
        }
        let mut start = run.start;
        while start < run.end && toks[start].is(LEAD) {
            start += 1;
        }
        if start < run.end && run.end - start <= 4 {
            subjects.push(start..run.end);
        }
    }
    let mut out = Vec::new();
    for r in subjects {
        if !r.clone().all(plain) || !(r.len() == 1 || r.clone().any(caps) || r.clone().any(country))
        {
            continue;
        }
        let range = toks[r.start].start()..toks[r.end - 1].end();
        let name = &s[range.clone()];
        if in_set(&lists.countries, name) || is_not_org(name) {
            continue;
        }
        out.push(Found {
            range,
            acronym: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_of_names() {
        let cases: &[(&str, &[&str])] = &[
            (
                "It works with partners, including Kitewell, Bramblo and Quill.",
                &["Kitewell", "Bramblo", "Quill"],
            ),
            (
                "It works with partners, including Kitewell, Bramblo, and Quill.",
                &["Kitewell", "Bramblo", "Quill"],
            ),
            (
                "Partners are Kite Labs and Bolt Group and Quill Media.",
                &["Kite Labs", "Bolt Group", "Quill Media"],
            ),
            ("Partners are Kitewell,\nBramblo and Quill.", &[]),
            ("Partners are Kitewell, Bramblo. Quill and Harbly.", &[]),
            ("Partners are Kitewell, the Bramblo and Quill.", &[]),
            ("Partners are Kitewell, Bramblo And Quill.", &[]),
            ("Kitewell, Bramblo and Quill are partners.", &[]),
        ];
        for (text, want) in cases {
            let (toks, caps) = tokenize_with_caps(text);
            let runs = runs(text, &toks, &caps);
            let got: Vec<&str> = listed_names(text, &toks, &runs, &[])
                .into_iter()
                .map(|f| &text[f.range])
                .collect();
            assert_eq!(&got, want, "{text:?}");
        }
    }

    #[test]
    fn found_keys_agree_with_a_set_of_keys() {
        let s = "Kite Labs, Inc. and KITE BOLT and \u{c9}cole Kite and Quill Co";
        let found: Vec<Found> = [0..15, 20..29, 34..45, 50..58]
            .into_iter()
            .map(|range| Found {
                range,
                acronym: None,
            })
            .collect();
        let set: std::collections::HashSet<String> =
            found.iter().map(|f| key(&s[f.range.clone()])).collect();
        let names = [
            "Kite Labs",
            "kite labs",
            "KITE LABS LLC",
            "Kite",
            "Kite Labs Group",
            "Kite Bolt",
            "\u{c9}cole Kite",
            "\u{c9}COLE KITE",
            "Quill",
            "Quill Co",
            "",
        ];
        for name in names {
            let want = set.contains(&key(name));
            assert_eq!(has_found_key(s, &found, name), want, "{name:?}");
        }
    }

    #[test]
    fn tickers_are_the_regex_matches() {
        let cases = [
            "Kite Labs (NASDAQ: KITE) said",
            "Kite Labs (NASDAQ: KITE) and Bolt (NYSE: BLT), (Cboe: KT)",
            "Kite (NYSE (NASDAQ: KITE) said",
            "Kite (NASA) and (NYSE: KT",
            "(OTC: A)(TSX: B)",
            "((NYSE: KT))",
            "Kite (CEO) Jo (EU: X) (Euronext Lisle: KT)",
            "no parenthesis here",
            "Kite (NYSE:\nKT) (NYSE American: K.T)",
        ];
        for text in cases {
            let want: Vec<(Range<usize>, Range<usize>)> = TICKER
                .captures_iter(text)
                .filter_map(|m| Some((m.get(0)?.range(), m.get(1)?.range())))
                .collect();
            assert_eq!(tickers(text), want, "{text:?}");
        }
    }

    #[test]
    fn ticker_prefilter_keeps_every_regex_match() {
        // (text, may hold a ticker)
        let cases = [
            ("Kite Labs (NASDAQ: KITE) said", true),
            ("Kite Labs (Cboe: KT) said", true),
            ("Kite Labs (Euronext Lisle: KT)", true),
            ("Kite Labs (the Company) said", false),
            ("Kite Labs (KL) said", false),
            ("no parenthesis here", false),
            ("ends with (", false),
        ];
        for (text, want) in cases {
            assert_eq!(may_hold_ticker(text), want, "{text:?}");
            if TICKER.is_match(text) {
                assert!(may_hold_ticker(text), "{text:?}");
            }
        }
    }

    #[test]
    fn every_known_name_passes_the_two_byte_gate() {
        let known = &*KNOWN;
        for name in &known.names {
            let n = name.as_bytes();
            if let Some(&x) = n.get(1) {
                assert!(known.may_start(n[0], x), "{name}");
            }
        }
        // `Q` and a small letter that no name starts with.
        let none = (b'a'..=b'z').find(|&x| {
            !known
                .names
                .iter()
                .any(|n| n.as_bytes().starts_with(&[b'Q', x]))
        });
        if let Some(x) = none {
            assert!(!known.may_start(b'Q', x), "Q{}", char::from(x));
        }
    }

    #[test]
    fn no_known_name_overlaps_itself() {
        // `known_names` tries token starts only, which is exact only if
        // no name's start is also its end (`Kite Club Kite`).
        for name in &KNOWN.names {
            for n in (1..name.len()).filter(|&n| name.is_char_boundary(n)) {
                assert!(!name.ends_with(&name[..n]), "{name}");
            }
        }
    }

    #[test]
    fn known_names_stand_alone() {
        let cases: &[(&str, &[&str])] = &[
            ("the United Nations said", &["United Nations"]),
            ("the United Nations Kite Office said", &[]),
            ("Taliban and Hamas met", &["Taliban", "Hamas"]),
            ("the United Nations-led talks", &["United Nations"]),
        ];
        for (input, want) in cases {
            let toks = tokenize(input);
            let got: Vec<&str> = known_names(input, &toks, &capitalised(&toks))
                .into_iter()
                .map(|f| &input[f.range])
                .collect();
            assert_eq!(&got, want, "{input:?}");
        }
    }
}
