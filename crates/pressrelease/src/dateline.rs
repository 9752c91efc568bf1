//! The dateline: `CITY, Region, Country, Date --` at the start of the body.

use crate::header::Header;
use crate::record::Dateline;
use crate::segment::Doc;

/// Finds the dateline, if any.
pub(crate) fn find(_doc: &Doc, _header: &Header) -> Option<Dateline> {
    None
}
