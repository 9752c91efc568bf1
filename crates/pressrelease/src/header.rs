//! The header: the label line (`PRESS RELEASE`) and the headline.

use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::dateline::is_date_line;
use crate::segment::{Doc, trim_range};
use crate::text::{DOUBLE_SPACE, at_most_words, case_counts, fold_space};
use crate::wordhash::{Fnv, with_lower, word_list};

/// Non-blank lines at the top searched for the label and headline.
const HEADER_LINES: usize = 40;
/// Non-blank lines at the top searched for a label line.
const LABEL_LINES: usize = 12;
/// Longest line taken as a headline, in bytes.
const MAX_HEADLINE: usize = 400;

/// What the top of a release holds.
#[derive(Debug, Default)]
pub(crate) struct Header {
    /// The kind line, as written.
    pub(crate) label: Option<String>,
    /// The title, markup removed, whitespace folded.
    pub(crate) headline: Option<String>,
    /// Clean range of the headline.
    pub(crate) headline_range: Option<Range<usize>>,
    /// Index in [`Doc::lines`] of the headline's line.
    pub(crate) headline_line: Option<usize>,
    /// Clean offset where the body starts (after the headline).
    pub(crate) body_start: usize,
}

static LABELS: LazyLock<HashSet<&'static str, BuildHasherDefault<Fnv>>> = LazyLock::new(|| {
    word_list(include_str!("../data/labels.txt"))
        .into_iter()
        .collect()
});
/// Bit `n` set when some label is `n` bytes long (`n` < 64): a quick
/// rejection before upper-casing and hashing.
static LABEL_LENGTHS: LazyLock<u64> = LazyLock::new(|| {
    LABELS
        .iter()
        .filter(|l| l.len() < 64)
        .fold(0, |mask, l| mask | (1 << l.len()))
});
/// The first three bytes of every label, upper-cased: a label line starts
/// with one of them. `None` when a label is shorter, or not ASCII there.
static LABEL_HEADS: LazyLock<Option<Vec<[u8; 3]>>> = LazyLock::new(|| {
    LABELS
        .iter()
        .map(|l| match l.as_bytes() {
            [a, b, c, ..] if l.is_char_boundary(3) && l[..3].is_ascii() => Some([*a, *b, *c]),
            _ => None,
        })
        .collect::<Option<Vec<[u8; 3]>>>()
        .map(|mut heads| {
            heads.sort_unstable();
            heads.dedup();
            heads
        })
});
/// The first two bytes of every label head, as bits indexed by
/// `a * 128 + b`: most lines are ruled out by one look-up, before the
/// search among the heads.
static LABEL_PAIRS: LazyLock<[u64; 256]> = LazyLock::new(|| {
    let mut bits = [0u64; 256];
    for [a, b, _] in LABEL_HEADS.iter().flatten() {
        let k = usize::from(a & 0x7f) << 7 | usize::from(b & 0x7f);
        bits[k >> 6] |= 1 << (k & 63);
    }
    bits
});

/// Whether `t` (trimmed at the start) may start with a label: the first
/// three bytes of `t` upper-cased begin some label. A quick test before
/// [`is_label`] is asked of each prefix.
fn may_start_label(t: &str) -> bool {
    let Some(heads) = LABEL_HEADS.as_ref() else {
        return true;
    };
    let head = match t.as_bytes() {
        [a, b, c, ..] if a.is_ascii() && b.is_ascii() && c.is_ascii() => {
            [a, b, c].map(u8::to_ascii_uppercase)
        }
        // Outside ASCII (or short): upper-cased char by char, as
        // `is_label` does, up to three bytes.
        _ => {
            let mut head = [0u8; 3];
            let mut n = 0;
            let mut buf = [0u8; 4];
            for u in t.chars().flat_map(char::to_uppercase) {
                for &x in u.encode_utf8(&mut buf).as_bytes() {
                    if n < 3 {
                        head[n] = x;
                        n += 1;
                    }
                }
                if n == 3 {
                    break;
                }
            }
            // Shorter than any label.
            if n < 3 {
                return false;
            }
            head
        }
    };
    // A head not ASCII is no label's.
    let k = usize::from(head[0] & 0x7f) << 7 | usize::from(head[1] & 0x7f);
    // The heads are sorted.
    LABEL_PAIRS[k >> 6] & (1 << (k & 63)) != 0 && heads.binary_search(&head).is_ok()
}

/// Letterhead cues: those that mark any line, and those (after `[short]`)
/// that mark only a short one.
static LETTERHEAD: LazyLock<(ByFirstByte, ByFirstByte)> = LazyLock::new(|| {
    let text = include_str!("../data/letterhead.txt");
    let (any, short) = text.split_once("[short]").unwrap_or((text, ""));
    (
        by_first_byte(word_list(any)),
        by_first_byte(word_list(short)),
    )
});

/// Cues grouped by their first byte: a text can only start with the cues
/// of its own first byte.
type ByFirstByte = Vec<Vec<&'static str>>;

fn by_first_byte(cues: Vec<&'static str>) -> ByFirstByte {
    let mut groups = vec![Vec::new(); 256];
    for cue in cues {
        if let Some(&b) = cue.as_bytes().first() {
            groups[usize::from(b)].push(cue);
        }
    }
    groups
}

/// The cues of `groups` that `lower` may start with.
fn cues_for<'a>(groups: &'a ByFirstByte, lower: &str) -> &'a [&'static str] {
    lower
        .as_bytes()
        .first()
        .map_or(&[], |&b| groups[usize::from(b)].as_slice())
}
static BOILERPLATE: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    word_list(include_str!("../data/boilerplate.txt"))
        .into_iter()
        .collect()
});

/// A phone number, an e-mail address or a web address.
static CONTACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\+?\(?\d[\d\s().-]{6,}\d|\S@\S|https?://|www\.").expect("contact pattern")
});

/// A document symbol such as `SC/15000` or `SG/SM/21000-OBV/2000`.
static DOC_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Z]{1,8}(?:/[A-Z0-9.()-]+)+(?:\s+[A-Z]{1,8}(?:/[A-Z0-9.()-]+)+)*$")
        .expect("symbol pattern")
});

/// Whether `line` is a label such as `PRESS RELEASE` or `For Immediate
/// Release:`.
pub(crate) fn is_label(line: &str) -> bool {
    let t = line.trim().trim_end_matches([':', '.', ' ']);
    if t.len() > 40 {
        return false;
    }
    if t.is_ascii() {
        if (*LABEL_LENGTHS >> t.len()) & 1 == 0 {
            return false;
        }
        // No allocation: ASCII upper-cases byte for byte.
        let mut buf = [0u8; 40];
        let upper = &mut buf[..t.len()];
        upper.copy_from_slice(t.as_bytes());
        upper.make_ascii_uppercase();
        return std::str::from_utf8(upper).is_ok_and(|u| LABELS.contains(u));
    }
    // Upper-cased on the stack too, char by char (a char may become up to
    // three); a text too long for the buffer is no label.
    let mut buf = [0u8; 160];
    let mut len = 0;
    for u in t.chars().flat_map(char::to_uppercase) {
        let n = u.len_utf8();
        let Some(slot) = buf.get_mut(len..len + n) else {
            return false;
        };
        u.encode_utf8(slot);
        len += n;
    }
    std::str::from_utf8(&buf[..len]).is_ok_and(|u| LABELS.contains(u))
}

/// The label of a label line: the whole line, or its head before a `|` or
/// before a `:` that is not followed by a headline (`FOR RELEASE: 5 May`).
pub(crate) fn label_part(line: &str) -> Option<&str> {
    let t = line.trim();
    // Every label found below starts `t`.
    if !may_start_label(t) {
        return None;
    }
    if is_label(t) {
        return Some(t.trim_end_matches([':', '.', ' ']));
    }
    let window = head(t, 41);
    if let Some(cut) = window.find(['|', ':']) {
        let head = t[..cut].trim();
        if is_label(head) && (t.as_bytes()[cut] == b'|' || label_prefix(t).is_none()) {
            return Some(head);
        }
    }
    // `PRESS RELEASE No. 12/2021`, `Media Release - 5 May 2021`.
    head(t, 40)
        .match_indices(' ')
        .map(|(i, _)| i)
        .rfind(|&i| is_label(&t[..i]))
        .filter(|&i| is_numbered(&t[i..]))
        .map(|i| t[..i].trim_end_matches([':', '.', ' ']))
}

/// The first `n` bytes of `s`, or fewer to end on a character boundary.
fn head(s: &str, n: usize) -> &str {
    let mut cut = s.len().min(n);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    &s[..cut]
}

/// Whether what follows a label is only a number or a date.
fn is_numbered(rest: &str) -> bool {
    let r =
        rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | ',' | '|' | ':'));
    let r_lower = head(r, 4).to_lowercase();
    let numbered = (r.starts_with(|c: char| c.is_ascii_digit() || c == '#')
        || r_lower.starts_with("no.")
        || r_lower.starts_with("no ")
        || r_lower.starts_with("nr"))
        && r.len() <= 24;
    r.is_empty() || numbered || is_date_line(r)
}

/// Splits `LABEL: Headline` into the label's length and the headline's
/// start.
pub(crate) fn label_prefix(line: &str) -> Option<(usize, usize)> {
    if !may_start_label(line.trim_start()) {
        return None;
    }
    let colon = head(line, 41).find(':')?;
    if !is_label(&line[..colon]) {
        return None;
    }
    let rest = &line[colon + 1..];
    let start = colon + 1 + (rest.len() - rest.trim_start().len());
    // `FOR RELEASE: May 5, 2021` is a label and a date, not a headline.
    let titled = rest.trim().chars().any(char::is_alphabetic) && !is_date_line(rest);
    (start < line.len() && titled).then_some((colon, start))
}

/// Whether a word list entry starts `lower` as a whole word.
fn starts_with_cue(lower: &str, cue: &str) -> bool {
    lower.starts_with(cue) && !lower[cue.len()..].starts_with(char::is_alphanumeric)
}

/// `s` lower-cased: for ASCII text in the clean text, the same bytes of
/// [`Doc::lower`] (no copy); otherwise a new string.
fn lower_in<'d>(doc: &'d Doc, s: &str) -> Cow<'d, str> {
    // Where `s` starts in the clean text, if it lies in it.
    let at = (s.as_ptr() as usize).checked_sub(doc.clean().as_ptr() as usize);
    let end = at.and_then(|at| at.checked_add(s.len()));
    match (at, end) {
        (Some(at), Some(end)) if end <= doc.clean().len() && s.is_ascii() => {
            Cow::Borrowed(&doc.lower()[at..end])
        }
        _ => Cow::Owned(s.to_lowercase()),
    }
}

/// Whether a header line belongs to a letterhead or contact block.
fn is_letterhead(doc: &Doc, line: &str) -> bool {
    let lower = lower_in(doc, line.trim());
    let lower = lower.as_ref();
    let (any, short_cues) = &*LETTERHEAD;
    // Only whether the line is short matters: the count stops early.
    let short = at_most_words(lower, 6);
    // An `MP` word: looked for only where `mp` is written.
    let mp = lower.contains("mp") && lower.split_whitespace().any(|w| w == "mp");
    cues_for(any, lower)
        .iter()
        .any(|cue| starts_with_cue(lower, cue))
        || (short
            && cues_for(short_cues, lower)
                .iter()
                .any(|cue| starts_with_cue(lower, cue)))
        || mp
        || line.contains('|')
        || (short && may_be_contact(lower) && CONTACT.is_match(line))
}

/// Whether [`CONTACT`] may match a line (`lower` is the line lower-cased):
/// ASCII text needs a digit, an `@`, `://` or `www.` for it.
fn may_be_contact(lower: &str) -> bool {
    !lower.is_ascii()
        || lower.bytes().any(|b| b.is_ascii_digit() || b == b'@')
        || lower.contains("://")
        || lower.contains("www.")
}

static ISSUERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../data/issuers.txt")));

/// Whether a line only names an issuing body (`Federal Ministry of Water
/// Resources`): an issuer head word first, every other word capitalised or
/// a connector.
fn is_issuer_line(doc: &Doc, line: &str) -> bool {
    let t = line.trim().trim_start_matches("The ");
    // The word tests first: they rule out most lines without lower-casing.
    at_most_words(t, 12)
        && t.split_whitespace().all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(w, "of" | "for" | "the" | "and" | "on" | "&")
        })
        && {
            let lower = lower_in(doc, t);
            ISSUERS.iter().any(|cue| starts_with_cue(&lower, cue))
        }
}

/// Whether the lines after `lines[k]` are date lines and then a short
/// title-like line: what follows an issuer line in a letterhead.
fn title_follows_dates(doc: &Doc, lines: &[usize], k: usize) -> bool {
    let mut dates = 0;
    for &i in lines.iter().skip(k + 1).take(4) {
        let line = doc.line(i).trim();
        if is_date_line(line) {
            dates += 1;
            continue;
        }
        return dates > 0
            && line.len() <= 200
            && !line.ends_with('.')
            && !is_furniture(line)
            && !is_letterhead(doc, line);
    }
    false
}

/// Whether a header line is page furniture or carries no title.
fn is_furniture(line: &str) -> bool {
    let t = line.trim();
    !t.chars().any(char::is_alphabetic)
        || (at_most_words(t, 4) && is_boilerplate(t))
        || (t.starts_with("--") && t.ends_with("--"))
        || (may_be_symbol(t) && DOC_SYMBOL.is_match(t))
        || crate::dateline::is_date_or_dateline_line(t)
}

/// Whether a trimmed line, lower-cased and its spaces folded, is a
/// [`BOILERPLATE`] entry. Printable ASCII words with single spaces fold to
/// themselves: lower-cased on the stack, no string built.
fn is_boilerplate(t: &str) -> bool {
    let b = t.as_bytes();
    let simple =
        b.iter().all(|&c| c == b' ' || (c > b' ' && c < 0x80)) && DOUBLE_SPACE.find(b).is_none();
    if simple {
        return with_lower(t, |lower| BOILERPLATE.contains(lower));
    }
    BOILERPLATE.contains(fold_space(&t.to_lowercase()).as_str())
}

/// Whether [`DOC_SYMBOL`] may match: it starts with a capital and has a
/// `/`.
fn may_be_symbol(t: &str) -> bool {
    t.as_bytes().first().is_some_and(u8::is_ascii_uppercase) && t.contains('/')
}

/// Whether the original text of clean `range` is a Markdown heading or a
/// line in bold.
fn is_marked_title(doc: &Doc, range: Range<usize>) -> bool {
    let span = doc.text.span(range);
    let original = doc.text.original;
    let line_start = original[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = original[span.end..]
        .find('\n')
        .map_or(original.len(), |i| span.end + i);
    let line = original[line_start..line_end].trim();
    line.starts_with('#') || (line.starts_with("**") && line.ends_with("**"))
}

/// Whether a short line opens a contact block (a phone or e-mail follows).
fn is_contact_run(doc: &Doc, lines: &[usize], k: usize) -> bool {
    at_most_words(doc.line(lines[k]), 3)
        && lines[k + 1..]
            .iter()
            .take(3)
            .map(|&n| doc.line(n))
            .any(|l| at_most_words(l, 6) && CONTACT.is_match(l))
}

/// Reads the label and headline from the first lines.
pub(crate) fn read(doc: &Doc) -> Header {
    let mut header = Header::default();
    let lines: Vec<usize> = doc.non_blank_lines(0).take(HEADER_LINES).collect();
    // Where the label is, and whether the lines above it are a letterhead.
    // The label line's label, kept from the search.
    let mut label_of_line = None;
    let label_at = lines.iter().take(LABEL_LINES).position(|&i| {
        let line = doc.line(i);
        label_of_line = label_part(line);
        label_of_line.is_some() || label_prefix(line).is_some()
    });
    let mut from = 0;
    if let Some(p) = label_at {
        if let Some(label) = label_of_line {
            header.label = Some(fold_space(label));
        }
        let titled_above = lines[..p].iter().any(|&i| {
            is_marked_title(doc, doc.lines[i].clone())
                && !is_furniture(doc.line(i))
                && !is_letterhead(doc, doc.line(i))
        });
        if !titled_above {
            from = p;
        }
    }
    let mut pick = pick_headline(doc, &lines, from, lines.len(), &mut header.label);
    // A label with the body right under it: the headline was above it.
    let body_like = |range: &Range<usize>| {
        let t = doc.slice(range.clone()).trim_end();
        t.len() > 150 && t.ends_with(['.', '"'])
    };
    if from > 0 && pick.as_ref().is_some_and(|(_, r)| body_like(r)) {
        let mut unused = None;
        if let Some(above) = pick_headline(doc, &lines, 0, from, &mut unused)
            .filter(|(end, _)| !is_columned(doc.line(*end)))
        {
            pick = Some(above);
        }
    }
    if let Some((end, range)) = pick {
        set_headline(doc, &mut header, end, range);
    }
    header
}

/// Whether a line holds columns set apart by runs of spaces, as a
/// letterhead copied from a PDF does.
fn is_columned(line: &str) -> bool {
    line.trim().contains("  ")
}

/// The headline among `lines[from..to]`: its last line and its clean
/// range. Sets `label` from a label line met on the way.
fn pick_headline(
    doc: &Doc,
    lines: &[usize],
    from: usize,
    to: usize,
    label: &mut Option<String>,
) -> Option<(usize, Range<usize>)> {
    for k in from..to {
        let i = lines[k];
        let line = doc.line(i);
        if let Some((colon, start)) = label_prefix(line) {
            if label.is_none() {
                *label = Some(fold_space(&line[..colon]));
            }
            let base = doc.lines[i].start;
            return Some((i, base + start..base + line.len()));
        }
        if let Some(found) = label_part(line) {
            if label.is_none() {
                *label = Some(fold_space(found));
            }
            continue;
        }
        if is_furniture(line) {
            continue;
        }
        let marked = is_marked_title(doc, doc.lines[i].clone());
        if !marked
            && (is_letterhead(doc, line)
                || is_contact_run(doc, lines, k)
                || (is_issuer_line(doc, line) && title_follows_dates(doc, &lines[..to], k)))
        {
            continue;
        }
        if line.len() > MAX_HEADLINE && !marked {
            return None;
        }
        let end = if marked { i } else { continuation(doc, i) };
        return Some((end, doc.lines[i].start..doc.lines[end].end));
    }
    None
}

/// The last line of a headline that starts on line `first` and wraps onto
/// the next lines: a line starting in lower case, or capitals going on in
/// capitals.
fn continuation(doc: &Doc, first: usize) -> usize {
    let mut last = first;
    while last + 1 < doc.lines.len() && last < first + 2 {
        let cur = doc.line(last).trim();
        let next = doc.line(last + 1).trim();
        let caps = is_capitals_line(cur) && is_capitals_line(next);
        let lower = next.starts_with(char::is_lowercase);
        let stop = next.is_empty()
            || next.len() > MAX_HEADLINE
            || cur.ends_with(['.', '!', '?', ':'])
            || is_label(next)
            // (A dateline line is furniture.)
            || is_furniture(next);
        if stop || !(caps || lower) {
            break;
        }
        last += 1;
    }
    last
}

/// Whether a line is written in capitals.
fn is_capitals_line(s: &str) -> bool {
    let (upper, lower) = case_counts(s);
    upper >= 4 && lower * 10 <= upper
}

fn set_headline(doc: &Doc, header: &mut Header, line: usize, range: Range<usize>) {
    let range = trim_range(doc.clean(), range);
    header.headline = Some(fold_space(doc.slice(range.clone())));
    header.headline_range = Some(range.clone());
    header.headline_line = Some(line);
    header.body_start = doc.lines[line].end;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_lines() {
        let cases: &[(&str, bool)] = &[
            ("Share", true),
            ("COPY LINK", true),
            ("copy  link", true),
            ("Copy\tLink", true),
            ("copy\u{a0}link", true),
            ("Copy linked", false),
            ("Harbour Days", false),
            ("", false),
        ];
        for &(line, want) in cases {
            assert_eq!(is_boilerplate(line), want, "{line:?}");
            // The same answer as folding a lower-cased copy.
            let slow = BOILERPLATE.contains(fold_space(&line.to_lowercase()).as_str());
            assert_eq!(is_boilerplate(line), slow, "{line:?}");
        }
    }

    #[test]
    fn labels_match_upper_cased() {
        let long = "\u{e9}".repeat(20);
        let cases = [
            "PRESS RELEASE",
            "Press Release:",
            "joint communiqu\u{e9}",
            "JOINT COMMUNIQU\u{c9}",
            "Communiqu\u{e9} de presse",
            "communiqu\u{e9}.",
            "\u{df}tatement",
            "caf\u{e9}",
            long.as_str(),
            "",
        ];
        for line in cases {
            let t = line.trim().trim_end_matches([':', '.', ' ']);
            let want = t.len() <= 40 && LABELS.contains(t.to_uppercase().as_str());
            assert_eq!(is_label(line), want, "{line:?}");
        }
    }

    #[test]
    fn label_heads() {
        let cases: &[(&str, bool)] = &[
            ("PRESS RELEASE", true),
            ("press release: a title", true),
            ("For Immediate Release", true),
            ("The Acme Group opened a mill", false),
            ("Pr", false),
            ("", false),
            ("\u{e9}t\u{e9}", false),
            ("Media Statement", true),
            ("Mediator says", true),
            ("Ministry of Roads", false),
            ("JOint press release", true),
            ("~~~", false),
        ];
        for (input, want) in cases {
            assert_eq!(may_start_label(input), *want, "input {input:?}");
        }
        // The same answer as upper-casing the whole text.
        for t in [
            "\u{2022} support to the region",
            "communiqu\u{e9} de presse",
            "Comm",
            "\u{e9}t\u{e9}",
            "\u{fb00}oo",
            "\u{17f}tatement",
            "PR\u{c9}",
            "Pr",
            "pre",
        ] {
            let upper = t.to_uppercase();
            let want = LABELS
                .iter()
                .any(|l| upper.len() >= 3 && upper.as_bytes()[..3] == l.as_bytes()[..3]);
            assert_eq!(may_start_label(t), want, "{t:?}");
        }
        // The pair look-up rules out no head.
        for head in LABEL_HEADS.iter().flatten() {
            let text = std::str::from_utf8(head).unwrap();
            assert!(may_start_label(text), "{text:?}");
            assert!(may_start_label(&text.to_lowercase()), "{text:?}");
        }
    }

    #[test]
    fn lower_cases_lines() {
        let doc = Doc::new("Acme OPENS a Mill\nZ\u{dc}RICH Office\n");
        let cases: &[(&str, &str)] = &[
            (doc.line(0), "acme opens a mill"),
            (&doc.line(0)[5..10], "opens"),
            (doc.line(1), "z\u{fc}rich office"),
            ("Not In The Text", "not in the text"),
        ];
        for (s, want) in cases {
            assert_eq!(lower_in(&doc, s), *want, "{s:?}");
        }
    }

    #[test]
    fn contact_pre_filter() {
        // (line, may match): every line the regex matches must pass.
        let cases: &[(&str, bool)] = &[
            ("call 555 0100 now", true),
            ("jane@acme.test", true),
            ("see https://acme.test", true),
            ("www.acme.test", true),
            ("acme opens a mill", false),
            ("caf\u{e9} \u{663}\u{663}", true),
        ];
        for (line, want) in cases {
            assert_eq!(may_be_contact(line), *want, "{line:?}");
            if CONTACT.is_match(line) {
                assert!(may_be_contact(line), "{line:?}");
            }
        }
    }

    #[test]
    fn reads_headlines() {
        // (input, label, headline)
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            (
                "PRESS RELEASE\n\nAcme Opens a Mill\n",
                Some("PRESS RELEASE"),
                Some("Acme Opens a Mill"),
            ),
            (
                "MEDIA RELEASE\n\nMinistry of Roads and Bridges\n\nDate: 4 May 2020\n\n\
                 Minister Opens Two Bridges\n\nBody text.",
                Some("MEDIA RELEASE"),
                Some("Minister Opens Two Bridges"),
            ),
            (
                "Ministry of Roads Opens Two Bridges\n\n4 May 2020\n\nThe ministry opened.",
                None,
                Some("Ministry of Roads Opens Two Bridges"),
            ),
            (
                "## **PRESS RELEASE**\n\n## Acme Opens a Mill\n\nText.",
                Some("PRESS RELEASE"),
                Some("Acme Opens a Mill"),
            ),
            (
                "# Acme Opens a Mill\n\nPRESS RELEASE\n\nText.",
                Some("PRESS RELEASE"),
                Some("Acme Opens a Mill"),
            ),
            (
                "The Hon Jo Bloggs MP  Minister for Roads\n\nMEDIA RELEASE\n\n7 February 2020\n\nNew Roads for Everyone\n\nText.",
                Some("MEDIA RELEASE"),
                Some("New Roads for Everyone"),
            ),
            (
                "For Immediate Release: Council Opens a Park\n(Town) - Text",
                Some("For Immediate Release"),
                Some("Council Opens a Park"),
            ),
            (
                "For Immediate Release\nJuly 1, 2014\nJo Bloggs\nPress Officer\nOffice: 555-123-4567\nTOWN OPENS A NEW PARK\nTOWN - Text.",
                Some("For Immediate Release"),
                Some("TOWN OPENS A NEW PARK"),
            ),
            (
                "Share\n\nPrint\n\nCouncil Opens a Park\n\nText.",
                None,
                Some("Council Opens a Park"),
            ),
        ];
        for (input, label, headline) in cases {
            let doc = Doc::new(input);
            let h = read(&doc);
            assert_eq!(h.label.as_deref(), *label, "input {input:?}");
            assert_eq!(h.headline.as_deref(), *headline, "input {input:?}");
        }
    }
}
