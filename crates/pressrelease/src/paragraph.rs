//! Body paragraphs.

use crate::contact::Contacts;
use crate::header::Header;
use crate::record::Paragraph;
use crate::segment::Doc;
use crate::text::fold_space;

/// The body paragraphs: every block after the headline that is not part of
/// the contact section.
pub(crate) fn find(doc: &Doc, header: &Header, contacts: &Contacts) -> Vec<Paragraph> {
    doc.blocks
        .iter()
        .filter(|b| b.range.start >= header.body_start)
        .filter(|b| {
            !contacts
                .blocks
                .iter()
                .any(|c| c.start <= b.range.start && b.range.end <= c.end)
        })
        .map(|b| Paragraph {
            text: fold_space(doc.slice(b.range.clone())),
            span: doc.text.span(b.range.clone()),
        })
        .collect()
}
