//! Segmentation of the clean text into lines, blocks and sentences.
//!
//! All ranges here are byte ranges into [`Text::clean`].

use std::ops::Range;

use crate::text::Text;

/// The clean text with its lines and blocks: what every field reader gets.
pub(crate) struct Doc<'a> {
    /// The text and its map back to the input.
    pub(crate) text: Text<'a>,
    /// Every line, without its `\n`, blank ones included.
    pub(crate) lines: Vec<Range<usize>>,
    /// Runs of non-blank lines separated by blank lines (or rules).
    pub(crate) blocks: Vec<Block>,
    /// The clean text ASCII-lower-cased, made on first use (see [`Doc::lower`]).
    lower: std::cell::OnceCell<String>,
}

/// A run of consecutive non-blank lines.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    /// Index of its first line in [`Doc::lines`].
    pub(crate) first_line: usize,
    /// Index one past its last line.
    pub(crate) end_line: usize,
    /// Byte range in the clean text, trimmed.
    pub(crate) range: Range<usize>,
}

impl<'a> Doc<'a> {
    /// Normalises and segments `input`.
    pub(crate) fn new(input: &'a str) -> Doc<'a> {
        let text = Text::new(input);
        let lines = split_lines(&text.clean);
        let blocks = split_blocks(&text.clean, &lines);
        Doc {
            text,
            lines,
            blocks,
            lower: std::cell::OnceCell::new(),
        }
    }

    /// The clean text with ASCII letters lower-cased, made once for the
    /// readers that search it case-blind. ASCII lower-casing keeps byte
    /// offsets, so ranges in it are ranges in [`Doc::clean`].
    pub(crate) fn lower(&self) -> &str {
        self.lower
            .get_or_init(|| self.text.clean.to_ascii_lowercase())
    }

    /// The clean text.
    pub(crate) fn clean(&self) -> &str {
        &self.text.clean
    }

    /// The clean text of a range.
    pub(crate) fn slice(&self, range: Range<usize>) -> &str {
        &self.text.clean[range]
    }

    /// The clean text of line `i`.
    pub(crate) fn line(&self, i: usize) -> &str {
        &self.text.clean[self.lines[i].clone()]
    }

    /// Indexes of the lines from line `from` on that are neither blank
    /// nor a rule (see [`is_blank_or_rule`]), in order: the lines of the
    /// blocks, found without testing a line again.
    pub(crate) fn non_blank_lines(&self, from: usize) -> impl Iterator<Item = usize> + '_ {
        let first = self.blocks.partition_point(|b| b.end_line <= from);
        self.blocks[first..]
            .iter()
            .flat_map(move |b| b.first_line.max(from)..b.end_line)
    }

    /// Index of the line holding clean offset `at`.
    pub(crate) fn line_of(&self, at: usize) -> usize {
        self.lines
            .partition_point(|l| l.end < at)
            .min(self.lines.len().saturating_sub(1))
    }
}

fn split_lines(clean: &str) -> Vec<Range<usize>> {
    // Releases have short lines (headlines, contacts, blank lines): sized
    // for lines of about 32 bytes, so most texts never grow it.
    let mut lines = Vec::with_capacity(clean.len() / 32 + 8);
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', clean.as_bytes()) {
        lines.push(start..i);
        start = i + 1;
    }
    lines.push(start..clean.len());
    lines
}

/// Whether a line is blank or a horizontal rule (`---`, `***`, `___`).
pub(crate) fn is_blank_or_rule(line: &str) -> bool {
    // Most lines start with a letter: neither blank nor a rule.
    if line
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
    {
        return false;
    }
    let t = line.trim();
    t.is_empty() || (t.len() >= 3 && t.chars().all(|c| matches!(c, '-' | '*' | '_' | '=' | ' ')))
}

fn split_blocks(clean: &str, lines: &[Range<usize>]) -> Vec<Block> {
    // Blocks are separated by blank lines: at most one per two lines.
    let mut blocks = Vec::with_capacity(lines.len() / 2 + 1);
    let mut first: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        let blank = is_blank_or_rule(&clean[line.clone()]);
        match (blank, first) {
            (false, None) => first = Some(i),
            (true, Some(f)) => {
                blocks.push(make_block(clean, lines, f, i));
                first = None;
            }
            _ => {}
        }
    }
    if let Some(f) = first {
        blocks.push(make_block(clean, lines, f, lines.len()));
    }
    blocks
}

fn make_block(clean: &str, lines: &[Range<usize>], first: usize, end: usize) -> Block {
    let range = trim_range(clean, lines[first].start..lines[end - 1].end);
    Block {
        first_line: first,
        end_line: end,
        range,
    }
}

/// Shrinks a range past whitespace at both ends.
pub(crate) fn trim_range(s: &str, r: Range<usize>) -> Range<usize> {
    // Most ranges start and end with a printable ASCII byte: a whole char,
    // not whitespace, so nothing to trim.
    let b = s.as_bytes();
    if r.start < r.end
        && b.get(r.start).is_some_and(u8::is_ascii_graphic)
        && b.get(r.end - 1).is_some_and(u8::is_ascii_graphic)
    {
        return r;
    }
    let t = &s[r.clone()];
    let start = r.start + (t.len() - t.trim_start().len());
    let end = r.end - (t.len() - t.trim_end().len());
    start..end.max(start)
}

/// Abbreviations after which a full stop does not end a sentence.
const NO_BREAK_AFTER: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "no", "gen",
    "lt", "col", "maj", "capt", "sen", "rep", "gov", "hon", "rev", "sgt", "cpl", "adm", "cmdr",
    "e.g", "i.e", "vs", "mt", "ft", "pres", "u.s", "u.k", "u.n", "h.e", "messrs", "mme", "dept",
    "est", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "fig", "op", "vol", "ph.d", "a.k.a", "s.a", "n.v", "l.p", "av", "ave", "blvd",
];

/// Splits `range` of `s` into sentences, each trimmed.
pub(crate) fn sentences(s: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let text = &s[range.clone()];
    let b = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        // Only a sentence end or a line break matters: on to the next one.
        i += b[i..]
            .iter()
            .position(|&c| matches!(c, b'.' | b'!' | b'?' | b'\n'))
            .unwrap_or(b.len() - i);
        let Some(&c) = b.get(i) else {
            break;
        };
        if matches!(c, b'.' | b'!' | b'?') {
            // Swallow closing quotes and brackets.
            let mut end = i + 1;
            while end < b.len() && matches!(b[end], b'"' | b'\'' | b')' | b']') {
                end += 1;
            }
            let next_ok = end >= b.len()
                || (b[end] == b' ' || b[end] == b'\n') && {
                    let rest = text[end..].trim_start();
                    rest.chars().next().is_none_or(|n| {
                        n.is_uppercase()
                            || n.is_numeric()
                            || matches!(n, '"' | '\'' | '(' | '\u{2022}' | '-')
                    })
                };
            if next_ok && (c != b'.' || !abbreviation_before(text, i)) {
                let r = trim_range(s, range.start + start..range.start + end);
                if !r.is_empty() {
                    out.push(r);
                }
                start = end;
                i = end;
                continue;
            }
        } else if c == b'\n' && b.get(i + 1) == Some(&b'\n') {
            let r = trim_range(s, range.start + start..range.start + i);
            if !r.is_empty() {
                out.push(r);
            }
            start = i;
        }
        i += 1;
    }
    let r = trim_range(s, range.start + start..range.end);
    if !r.is_empty() {
        out.push(r);
    }
    out
}

/// Whether the `.` at `dot` ends an abbreviation or an initial.
fn abbreviation_before(text: &str, dot: usize) -> bool {
    let head = &text[..dot];
    let word_start = head
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .map_or(0, |k| k + 1);
    let word = &head[word_start..];
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    // A single capital is an initial (`Ahmed S. Al-Thani`).
    if first.is_uppercase() && chars.next().is_none() {
        return true;
    }
    let lower = word.to_ascii_lowercase();
    NO_BREAK_AFTER.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            (
                "Mr. Doe met Dr. Roe. Then left.",
                &["Mr. Doe met Dr. Roe.", "Then left."],
            ),
            (
                "Ahmed S. Al-Thani spoke. Fine.",
                &["Ahmed S. Al-Thani spoke.", "Fine."],
            ),
            (
                "He said \"yes.\" She left.",
                &["He said \"yes.\"", "She left."],
            ),
            ("Acme Inc. is here", &["Acme Inc. is here"]),
            ("Costs 1.5 million. Next", &["Costs 1.5 million.", "Next"]),
        ];
        for (input, want) in cases {
            let got: Vec<&str> = sentences(input, 0..input.len())
                .into_iter()
                .map(|r| &input[r])
                .collect();
            assert_eq!(&got, want, "input {input:?}");
        }
    }

    #[test]
    fn trims_ranges() {
        let s = "  ab c \n\u{a0}d\u{3000}x";
        for start in 0..=s.len() {
            for end in start..=s.len() {
                if !s.is_char_boundary(start) || !s.is_char_boundary(end) {
                    continue;
                }
                let t = &s[start..end];
                let lead = t.len() - t.trim_start().len();
                let want = start + lead..(end - (t.len() - t.trim_end().len())).max(start + lead);
                assert_eq!(trim_range(s, start..end), want, "{start}..{end}");
            }
        }
    }

    #[test]
    fn blocks() {
        let doc = Doc::new("Title\n\nPara one\nstill one\n\n---\n\nPara two");
        let got: Vec<&str> = doc
            .blocks
            .iter()
            .map(|b| doc.slice(b.range.clone()))
            .collect();
        assert_eq!(got, ["Title", "Para one\nstill one", "Para two"]);
    }

    #[test]
    fn non_blank_lines_skip_blanks_and_rules() {
        let inputs = [
            "Title\n\nPara one\nstill one\n\n---\n\nPara two",
            "",
            "\n\n",
            "  \n***\nA\n  B  \n\n\nC\n",
            "* \n*\n=\n- x\n",
        ];
        for input in inputs {
            let doc = Doc::new(input);
            for from in 0..doc.lines.len() + 2 {
                let want: Vec<usize> = (from..doc.lines.len())
                    .filter(|&i| !is_blank_or_rule(doc.line(i)))
                    .collect();
                let got: Vec<usize> = doc.non_blank_lines(from).collect();
                assert_eq!(got, want, "{input:?} from {from}");
            }
        }
    }
}
