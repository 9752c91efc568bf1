//! People: names with honorifics, titles, organisations and mentions.

use crate::contact::Contacts;
use crate::record::{Organisation, Person};
use crate::segment::Doc;

/// Finds every named person, once each.
pub(crate) fn find(
    _doc: &Doc,
    _organisations: &[Organisation],
    _contacts: &Contacts,
) -> Vec<Person> {
    Vec::new()
}
