//! Bulleted and numbered lists, with the sentence that leads in.
//!
//! A list is a run of lines that start with a marker (`-`, `*`, `•`, `o`,
//! `1.`, `1)`, `(a)`, `a.`, `i.`), possibly hard-wrapped or separated by
//! blank lines; markers of another kind inside the run are nested items of
//! the same list. PDF-extracted text also runs several `•` items on one
//! line, so a `•` inside an item line starts a new item.

use std::ops::Range;

use crate::record::List;
use crate::segment::{self, Doc};
use crate::text::fold_space;

/// The longest gap of blank lines allowed between two items of one list.
const MAX_BLANK_GAP: usize = 4;

/// Finds every list.
pub(crate) fn find(doc: &Doc) -> Vec<List> {
    let clean = doc.clean();
    let mut lists = Vec::new();
    let mut open: Option<Building> = None;
    let mut last_text_line: Option<Range<usize>> = None;
    // Blank lines and rules only part items: the walk goes over the lines
    // of the blocks, counting the blank ones between (a bare `*` is never
    // blank).
    let mut next = 0;
    for i in doc.non_blank_lines(0) {
        let gap = i - next;
        next = i + 1;
        let line = &doc.lines[i];
        let text = &clean[line.clone()];
        let marker = marker_at(clean, line.clone());
        if let Some(body) = marker {
            if is_rejected_line(text) {
                close(doc, &mut open, &mut lists);
                last_text_line = Some(line.clone());
                continue;
            }
            let (kind, first) = marker_kind(text.trim_start());
            // After a blank line, a numbering that starts afresh under a
            // list of another kind is a new list.
            let fresh = gap > 0 && first && open.as_ref().is_some_and(|b| b.kind != kind);
            match open.as_mut() {
                Some(b) if gap <= MAX_BLANK_GAP && !fresh => b.push_item(clean, body),
                _ => {
                    close(doc, &mut open, &mut lists);
                    // A list right after another has no intro of its own.
                    let intro = if fresh { None } else { last_text_line.clone() };
                    let mut b = Building::new(intro, line.start);
                    b.kind = kind;
                    b.push_item(clean, body);
                    open = Some(b);
                }
            }
            last_text_line = Some(line.clone());
            continue;
        }
        if let Some(b) = open.as_mut() {
            let trimmed = text.trim_start();
            let lower = trimmed.chars().next().is_some_and(|c| c.is_lowercase());
            let inline_bullet = trimmed.contains(" \u{2022} ");
            let prev = b.last_text(clean);
            // A hard-wrapped item: the line before is long and unfinished.
            let wrapped = gap == 0 && !ends_sentence(prev) && prev.len() >= 60;
            if gap <= MAX_BLANK_GAP && (lower || wrapped || (gap > 0 && inline_bullet)) {
                b.push_continuation(clean, line.clone());
                last_text_line = Some(line.clone());
                continue;
            }
            close(doc, &mut open, &mut lists);
        }
        if let Some((intro_end, item_start)) = glued_marker(text, || next_is_marker(doc, i)) {
            // `Key points:* First item` -- the first item glued to its intro.
            let intro = line.start..line.start + intro_end;
            let mut b = Building::new(Some(intro), line.start + item_start);
            let body = segment::trim_range(clean, line.start + item_start..line.end);
            b.push_item(clean, body);
            // Bullets flattened into prose: the last one ends with its
            // first sentence.
            if b.items.len() > 1
                && let Some(last) = b.items.last_mut().and_then(|i| i.last_mut())
            {
                if let Some(first) = segment::sentences(clean, last.clone()).first() {
                    *last = first.clone();
                }
            }
            open = Some(b);
        }
        last_text_line = Some(line.clone());
    }
    close(doc, &mut open, &mut lists);
    lists
}

/// A list being read: its intro line and the clean ranges of each item's
/// pieces.
struct Building {
    /// The marker kind of the first item.
    kind: char,
    intro: Option<Range<usize>>,
    start: usize,
    items: Vec<Vec<Range<usize>>>,
}

impl Building {
    fn new(intro: Option<Range<usize>>, start: usize) -> Building {
        Building {
            kind: '*',
            intro,
            start,
            items: Vec::new(),
        }
    }

    /// Adds an item whose body (after the marker) is `body`, splitting it
    /// at inline `•` bullets.
    fn push_item(&mut self, clean: &str, body: Range<usize>) {
        for piece in split_inline_bullets(clean, body) {
            self.items.push(vec![piece]);
        }
    }

    /// Adds a wrapped line: its text up to an inline bullet continues the
    /// last item, each inline bullet after that starts a new one.
    fn push_continuation(&mut self, clean: &str, line: Range<usize>) {
        let line = segment::trim_range(clean, line);
        let mut pieces = split_inline_bullets(clean, line.clone()).into_iter();
        let starts_with_bullet = clean[line.clone()].starts_with('\u{2022}');
        if !starts_with_bullet {
            if let Some(p) = pieces.next() {
                match self.items.last_mut() {
                    Some(item) => item.push(p),
                    None => self.items.push(vec![p]),
                }
            }
        }
        for p in pieces {
            self.items.push(vec![p]);
        }
    }

    fn last_text<'c>(&self, clean: &'c str) -> &'c str {
        self.items
            .last()
            .and_then(|i| i.last())
            .map_or("", |r| &clean[r.clone()])
    }
}

fn close(doc: &Doc, open: &mut Option<Building>, lists: &mut Vec<List>) {
    let Some(b) = open.take() else {
        return;
    };
    // Fewer than two items make no list: no text to build.
    if b.items.len() < 2 {
        return;
    }
    let clean = doc.clean();
    let mut items = Vec::new();
    let mut end = b.start;
    for pieces in &b.items {
        // Most items are one piece: folded as they stand, not joined.
        let folded = match pieces.as_slice() {
            [one] => fold_space(&clean[one.clone()]),
            _ => {
                let joined: Vec<&str> = pieces.iter().map(|r| &clean[r.clone()]).collect();
                fold_space(&joined.join(" "))
            }
        };
        let text = strip_joining(folded);
        if let Some(last) = pieces.last() {
            end = end.max(last.end);
        }
        if !text.is_empty() {
            items.push(text);
        }
    }
    if items.len() < 2 {
        return;
    }
    let intro = b.intro.map(|r| {
        let sentences = segment::sentences(clean, r.clone());
        let last = sentences.last().cloned().unwrap_or(r);
        fold_space(&clean[last])
    });
    lists.push(List {
        intro: intro.filter(|s| !s.is_empty()),
        items,
        span: doc.text.span(b.start..end),
    });
}

/// The body range after a line-start marker, if the line has one.
fn marker_at(clean: &str, line: Range<usize>) -> Option<Range<usize>> {
    let text = &clean[line.clone()];
    let lead = text.len() - text.trim_start().len();
    let t = &text[lead..];
    let len = marker_len(t)?;
    let body = segment::trim_range(clean, line.start + lead + len..line.end);
    Some(body)
}

/// The length of the marker (with its following space) at the start of
/// `t`.
fn marker_len(t: &str) -> Option<usize> {
    let b = t.as_bytes();
    // Most lines start with a letter or digit (`o` aside, a bullet) with no
    // `.` or `)` in the next four bytes: no marker.
    if let [first, rest @ ..] = b {
        let head = &rest[..rest.len().min(4)];
        if first.is_ascii_alphanumeric()
            && *first != b'o'
            && !head.iter().any(|&c| c == b'.' || c == b')')
        {
            return None;
        }
    }
    let mut chars = t.char_indices();
    let (_, c) = chars.next()?;
    let after = |k: usize| -> Option<usize> {
        let rest = &t[k..];
        let sp = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        (sp > 0 || rest.is_empty()).then_some(k + sp)
    };
    match c {
        '\u{2022}' | '\u{25aa}' | '\u{25e6}' | '\u{b7}' | '\u{25cf}' | '\u{27a2}' | '\u{2713}'
        | '\u{25a0}' | '\u{2023}' => {
            let k = c.len_utf8();
            let rest = &t[k..];
            let sp = rest.len() - rest.trim_start().len();
            Some(k + sp)
        }
        '-' | '*' | 'o' => {
            // `--` is a dateline or rule, not a bullet.
            if b.get(1) == Some(&b'-') {
                return None;
            }
            after(1)
        }
        '(' => {
            let close = t.bytes().take(6).position(|c| c == b')')?;
            let inner = &t[1..close];
            if is_ordinal(inner) {
                after(close + 1)
            } else {
                None
            }
        }
        _ => {
            // Only the first five bytes can hold the `.` or `)`.
            let end = b.iter().take(5).position(|&c| c == b'.' || c == b')')?;
            if end == 0 {
                return None;
            }
            let inner = &t[..end];
            if !is_ordinal(inner) {
                return None;
            }
            // `1.5 million` is not a marker.
            after(end + 1)
        }
    }
}

/// The kind of a line's marker (`*` bullet, `1` number, `a` letter, `(`
/// bracketed) and whether it is the first of its sequence (`1`, `a`, `i`).
fn marker_kind(t: &str) -> (char, bool) {
    let Some(c) = t.chars().next() else {
        return ('*', false);
    };
    if c == '(' {
        let inner = t[1..].split(')').next().unwrap_or("");
        return ('(', matches!(inner, "1" | "a" | "A" | "i" | "I"));
    }
    if c.is_ascii_digit() {
        return ('1', t.starts_with("1.") || t.starts_with("1)"));
    }
    if c.is_ascii_alphabetic() && c != 'o' {
        let first = t[1..].starts_with(['.', ')']) && matches!(c, 'a' | 'A' | 'i' | 'I');
        return ('a', first);
    }
    ('*', false)
}

/// Whether `s` is a list ordinal: `1`-`99`, one letter, or a roman numeral.
fn is_ordinal(s: &str) -> bool {
    if s.is_empty() || s.len() > 4 {
        return false;
    }
    if s.bytes().all(|c| c.is_ascii_digit()) {
        return s.len() <= 2;
    }
    if s.len() == 1 {
        return s.bytes().all(|c| c.is_ascii_alphabetic());
    }
    s.bytes().all(|c| matches!(c, b'i' | b'v' | b'x'))
        || s.bytes().all(|c| matches!(c, b'I' | b'V' | b'X'))
}

/// Lines that look like markers but are table rows.
fn is_rejected_line(text: &str) -> bool {
    text.matches('|').count() >= 2
}

/// `intro:* item`, `intro: • item`, or (when the next line is an item)
/// `Heading * item`: where the intro ends and the item body starts.
fn glued_marker(text: &str, next_is_marker: impl Fn() -> bool) -> Option<(usize, usize)> {
    // Most lines have neither a `*` nor a `•` (whose UTF-8 starts 0xE2).
    memchr::memchr2(b'*', 0xE2, text.as_bytes())?;
    for (k, m) in text.match_indices(['*', '\u{2022}']) {
        let after = k + m.len();
        let rest = &text[after..];
        if !rest.starts_with(' ') {
            continue;
        }
        let head = text[..k].trim_end();
        if head.is_empty() {
            continue;
        }
        let glued = head.ends_with(':') || (head.len() < k && next_is_marker());
        if glued {
            let sp = rest.len() - rest.trim_start().len();
            return Some((head.len(), after + sp));
        }
    }
    None
}

/// Whether the next non-blank line after line `i` starts with a marker.
fn next_is_marker(doc: &Doc, i: usize) -> bool {
    let clean = doc.clean();
    doc.lines
        .iter()
        .skip(i + 1)
        .take(MAX_BLANK_GAP + 1)
        .find(|l| !segment::is_blank_or_rule(&clean[(*l).clone()]))
        .is_some_and(|l| marker_len(clean[l.clone()].trim_start()).is_some())
}

/// Splits an item range at inline ` • ` bullets.
fn split_inline_bullets(clean: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let text = &clean[range.clone()];
    // Most items have no `•` (whose UTF-8 starts 0xE2): one piece.
    if memchr::memchr(0xE2, text.as_bytes()).is_none() {
        let piece = segment::trim_range(clean, range);
        return if piece.is_empty() {
            Vec::new()
        } else {
            vec![piece]
        };
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (k, _) in text.match_indices('\u{2022}') {
        let piece = segment::trim_range(clean, range.start + start..range.start + k);
        if !piece.is_empty() {
            out.push(piece);
        }
        start = k + '\u{2022}'.len_utf8();
    }
    let piece = segment::trim_range(clean, range.start + start..range.end);
    if !piece.is_empty() {
        out.push(piece);
    }
    out
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with(['.', '!', '?', ':', '"'])
}

/// Drops the list's joining punctuation from the end of an item.
fn strip_joining(mut s: String) -> String {
    let mut t = s.trim_end();
    loop {
        let before = t;
        for suffix in ["; and", ", and", "; or", ", or"] {
            if let Some(x) = t.strip_suffix(suffix) {
                t = x.trim_end();
            }
        }
        t = t.trim_end_matches([',', ';', '.', ' ']);
        if t == before {
            break;
        }
    }
    // `t` is a prefix of `s`: cut there, keeping the string.
    s.truncate(t.len());
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(input: &str) -> Vec<Vec<String>> {
        let doc = Doc::new(input);
        find(&doc).into_iter().map(|l| l.items).collect()
    }

    #[test]
    fn finds_lists() {
        let cases: &[(&str, &[&[&str]])] = &[
            (
                "We offer:\n\n* Apples,\n* Pears; and\n* Plums.\n",
                &[&["Apples", "Pears", "Plums"]],
            ),
            (
                "Steps:\n1. Open the door\n2. Walk in\n",
                &[&["Open the door", "Walk in"]],
            ),
            ("Notes:\n(a) one\n(b) two\n", &[&["one", "two"]]),
            (
                "Plan:\n- first item that wraps\nonto a second line\n- second\n\nAfter text.",
                &[&["first item that wraps onto a second line", "second"]],
            ),
            (
                "Key points:* Alpha grows.\n* Beta shrinks.\n",
                &[&["Alpha grows", "Beta shrinks"]],
            ),
            (
                "Key points:  * Alpha grows. Fast.\n* Beta shrinks.\n",
                &[&["Alpha grows. Fast", "Beta shrinks"]],
            ),
            (
                "Team list * Ann Roe, Coach\n* Bo Lee, Aide\n",
                &[&["Ann Roe, Coach", "Bo Lee, Aide"]],
            ),
            (
                "Goals: \u{2022} Grow. \u{2022} Build. \u{2022} Win. Other prose here.\n",
                &[&["Grow", "Build", "Win"]],
            ),
            (
                "Intro:\n\u{2022} One thing. \u{2022} Another thing.\n",
                &[&["One thing", "Another thing"]],
            ),
            (
                "Notes:\n1. Top\n- nested a\n- nested b\n2. Next\n",
                &[&["Top", "nested a", "nested b", "Next"]],
            ),
            (
                "Do:\n\n- Hire\n\n- Buy\n\n1. Plan\n2. Act\n",
                &[&["Hire", "Buy"], &["Plan", "Act"]],
            ),
            (
                "Do:\n\u{2022} One\no sub a\no sub b\n\u{2022} Two\n",
                &[&["One", "sub a", "sub b", "Two"]],
            ),
            ("Only one:\n- a single dash sentence.\n\nMore prose.", &[]),
            ("BOSTON -- Today the firm said.\n", &[]),
            ("| a | b |\n| c | d |\n", &[]),
            ("Cost was\n1.5 million\n2.5 million\n", &[]),
        ];
        for (input, want) in cases {
            let got = items(input);
            let want: Vec<Vec<String>> = want
                .iter()
                .map(|l| l.iter().map(|s| s.to_string()).collect())
                .collect();
            assert_eq!(got, want, "input {input:?}");
        }
    }

    #[test]
    fn survives_hostile_input() {
        let inputs = [
            "* a\n".repeat(50_000),
            "(\u{e9}\u{e9}\u{e9}\n".repeat(1_000),
            format!("Intro:* {}", "\u{2022} x ".repeat(50_000)),
            "1. \n\n".repeat(20_000),
        ];
        for input in inputs {
            let doc = Doc::new(&input);
            let _ = find(&doc);
        }
    }

    #[test]
    fn markers() {
        // (line start, marker length)
        let cases: &[(&str, Option<usize>)] = &[
            ("The plan", None),
            ("1. First", Some(3)),
            ("12) Twelfth", Some(4)),
            ("a. item", Some(3)),
            ("iv. item", Some(4)),
            ("o item", Some(2)),
            ("ok then", None),
            ("1.5 million", None),
            ("Dr. Roe", None),
            ("- item", Some(2)),
            ("\u{2022} item", Some(4)),
            ("(b) item", Some(4)),
            ("x", None),
            ("A", None),
            ("B) item", Some(3)),
        ];
        for (t, want) in cases {
            assert_eq!(marker_len(t), *want, "{t:?}");
        }
    }

    #[test]
    fn bare_bullets_are_not_blank() {
        // A line of only `*` counts as text, not a rule.
        for line in ["*", " * ", "\t*"] {
            assert!(!segment::is_blank_or_rule(line), "{line:?}");
        }
    }

    #[test]
    fn strips_joining() {
        for (input, want) in [
            ("apples, and", "apples"),
            ("pears;", "pears"),
            ("plums.", "plums"),
        ] {
            assert_eq!(strip_joining(input.to_string()), want);
        }
    }
}
