//! Body paragraphs.

use std::ops::Range;

use crate::contact::Contacts;
use crate::header::{Header, is_label};
use crate::record::Paragraph;
use crate::segment::{Doc, trim_range};
use crate::text::{DOUBLE_SPACE, fold_space, is_folded};

/// The body paragraphs: every block after the headline that is not part of
/// the contact section, split where a line ends a sentence and where a
/// collapsed line puts two or more spaces after a sentence end.
pub(crate) fn find(doc: &Doc, header: &Header, contacts: &Contacts) -> Vec<Paragraph> {
    let clean = doc.clean();
    // Most paragraphs are a block, some a few lines of one.
    let mut out = Vec::with_capacity(doc.blocks.len() + 4);
    for block in doc
        .blocks
        .iter()
        .filter(|b| b.range.end > header.body_start)
    {
        let in_contacts = contacts
            .blocks
            .iter()
            .any(|c| c.start <= block.range.start && block.range.end <= c.end);
        if in_contacts {
            continue;
        }
        // A block holding the headline goes on after it.
        let first = (block.first_line..block.end_line)
            .find(|&i| doc.lines[i].start >= header.body_start)
            .unwrap_or(block.end_line);
        let mut start = doc.lines.get(first).map_or(0, |l| l.start);
        for i in first..block.end_line {
            let line = doc.line(i);
            let last = i + 1 == block.end_line;
            if last || ends_sentence(line) {
                let end = doc.lines[i].end;
                // A stretch with single spaces only (most) has no collapsed
                // paragraphs to split, and folds to itself.
                let range = trim_range(clean, start..end);
                let text = &clean[range.clone()];
                if is_folded(text) {
                    keep(doc, &mut out, range, text.to_string());
                } else {
                    split_collapsed(clean, start..end, |piece| push(doc, &mut out, piece));
                }
                start = end;
            }
        }
    }
    // Sub-headlines and a dateline on its own line come before the first
    // paragraph that ends like a sentence.
    let lead = out
        .iter()
        .take(4)
        .take_while(|p| p.text.len() < 300 && !ends_sentence(&p.text))
        .count();
    if lead < out.len() {
        out.drain(..lead);
    }
    out
}

fn push(doc: &Doc, out: &mut Vec<Paragraph>, range: Range<usize>) {
    let range = trim_range(doc.clean(), range);
    let text = fold_space(doc.slice(range.clone()));
    keep(doc, out, range, text);
}

/// Adds the paragraph of trimmed clean `range`, folded to `text`, unless
/// it is empty, has no word, or is a label.
fn keep(doc: &Doc, out: &mut Vec<Paragraph>, range: Range<usize>, text: String) {
    if text.is_empty() || !text.chars().any(char::is_alphanumeric) || is_label(&text) {
        return;
    }
    out.push(Paragraph {
        text,
        span: doc.text.span(range),
    });
}

/// Whether a line ends with a sentence end, so the next line starts a new
/// paragraph.
fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end().trim_end_matches(['"', '\'', ')']);
    t.ends_with(['.', '!', '?', ':'])
}

/// Splits a range at a sentence end followed by two or more spaces and a
/// capital, the trace of paragraphs collapsed into one line; gives each
/// piece to `out` (no list is built: most ranges are one piece).
fn split_collapsed(clean: &str, range: Range<usize>, mut out: impl FnMut(Range<usize>)) {
    let text = &clean[range.clone()];
    let b = text.as_bytes();
    let mut start = 0;
    // The first two spaces of each run (later ones follow a space, never
    // a sentence end).
    for at in DOUBLE_SPACE.find_iter(b) {
        let Some(i) = at.checked_sub(1) else {
            continue;
        };
        if !matches!(b[i], b'.' | b'!' | b'?' | b'"') {
            continue;
        }
        let mut j = at;
        while j < b.len() && b[j] == b' ' {
            j += 1;
        }
        let capital =
            text[j..].starts_with(|c: char| c.is_uppercase() || c == '"' || c == '\u{2022}');
        if capital && (b[i] != b'"' || i > 0 && matches!(b[i - 1], b'.' | b'!' | b'?')) {
            out(range.start + start..range.start + i + 1);
            start = j;
        }
    }
    out(range.start + start..range.end);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contact::Contacts;

    #[test]
    fn splits_paragraphs() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Title\n\nOne line.\n\nTwo line.",
                &["One line.", "Two line."],
            ),
            (
                "Title\n\nWrapped\nsentence.\nNext one.",
                &["Wrapped sentence.", "Next one."],
            ),
            (
                "Title\n\nFirst ends.   Second starts.  Third.",
                &["First ends.", "Second starts.", "Third."],
            ),
            ("Title\n\nMr. Doe  said so.", &["Mr. Doe said so."]),
            ("Title\n\n---\n\nBody.", &["Body."]),
            ("Title\n\nA sub-headline\n\nBody.", &["Body."]),
            ("Title\nBody one.\nBody two.", &["Body one.", "Body two."]),
        ];
        for (input, want) in cases {
            let doc = Doc::new(input);
            let header = crate::header::read(&doc);
            let got: Vec<String> = find(&doc, &header, &Contacts::default())
                .into_iter()
                .map(|p| p.text)
                .collect();
            assert_eq!(&got, want, "input {input:?}");
        }
    }
}
