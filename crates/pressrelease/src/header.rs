//! The header: the label line (`PRESS RELEASE`) and the headline.

use std::ops::Range;

use crate::segment::Doc;
use crate::text::fold_space;

/// What the top of a release holds.
#[derive(Debug, Default)]
pub(crate) struct Header {
    /// The kind line, as written.
    pub(crate) label: Option<String>,
    /// The title, markup removed, whitespace folded.
    pub(crate) headline: Option<String>,
    /// Clean range of the headline.
    pub(crate) headline_range: Option<Range<usize>>,
    /// Clean offset where the body starts (after the headline).
    pub(crate) body_start: usize,
}

/// Reads the label and headline from the first blocks.
pub(crate) fn read(doc: &Doc) -> Header {
    let mut header = Header::default();
    for block in doc.blocks.iter().take(4) {
        let text = doc.slice(block.range.clone()).trim();
        let upper = text.to_ascii_uppercase();
        if header.label.is_none()
            && header.headline.is_none()
            && (upper == "PRESS RELEASE"
                || upper == "FOR IMMEDIATE RELEASE"
                || upper == "MEDIA RELEASE"
                || upper == "NEWS RELEASE")
        {
            header.label = Some(fold_space(text));
            header.body_start = block.range.end;
            continue;
        }
        header.headline = Some(fold_space(text));
        header.headline_range = Some(block.range.clone());
        header.body_start = block.range.end;
        break;
    }
    header
}
