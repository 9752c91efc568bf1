//! Media contacts: `Media contact: Jane Doe, +1 555 0100, jane@acme.com`.

use std::ops::Range;

use crate::record::Contact;
use crate::segment::Doc;

/// The contacts and where the contact section lies.
#[derive(Debug, Default)]
pub(crate) struct Contacts {
    /// Each contact found.
    pub(crate) contacts: Vec<Contact>,
    /// Clean ranges of the contact blocks (excluded from paragraphs).
    pub(crate) blocks: Vec<Range<usize>>,
}

/// Finds the media contacts.
pub(crate) fn find(_doc: &Doc) -> Contacts {
    Contacts::default()
}
