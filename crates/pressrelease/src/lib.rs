//! Turns the raw text of a press release into a typed, JSON-ready record.
//!
//! The principal function is [`extract`], which reads one release and
//! returns a [`Release`]: label, headline, dateline, people (with
//! honorifics, titles and organisations), organisations (with acronyms),
//! lists, contacts and paragraphs, each with byte [`Span`]s into the input.
//! An [`Extractor`], configured with an [`ExtractorBuilder`], does the same
//! with non-default settings; [`extract_bytes`] decodes bytes first.
//!
//! # Example
//!
//! ```
//! let input = "PRESS RELEASE\n\nAcme Opens a Mill\n\nLONDON, 3 May 2024 - Acme \
//!              opened a mill today.\n";
//! let release = pressrelease::extract(input);
//! assert_eq!(release.headline.as_deref(), Some("Acme Opens a Mill"));
//! let json = serde_json::to_string(&release)?;
//! assert!(json.starts_with("{\"schema_version\":1"));
//! # Ok::<(), serde_json::Error>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]
// Segmentation helpers land ahead of the readers that use them.
#![allow(dead_code)]

pub use crate::{
    error::{Error, ErrorKind},
    extract::{Extractor, ExtractorBuilder, extract, extract_bytes},
    record::{Contact, Dateline, List, Organisation, Paragraph, Person, Release, SCHEMA_VERSION},
    span::{Mention, Span},
};

mod contact;
mod dateline;
mod decode;
mod error;
mod extract;
mod header;
mod list;
mod organisation;
mod paragraph;
mod person;
mod record;
mod segment;
mod span;
mod text;
