//! Turns the raw text of a press release into a typed, JSON-ready record.
//!
//! The principal function is [`extract`], which reads one release and
//! returns a [`Release`]: label, headline, dateline, people (with
//! honorifics, titles and organisations), organisations (with acronyms),
//! lists, contacts and paragraphs, each with byte [`Span`]s or verbatim
//! [`Mention`]s into the input. An [`Extractor`], configured with an
//! [`ExtractorBuilder`], does the same with non-default settings;
//! [`extract_bytes`] decodes bytes (UTF-8, UTF-16 with a byte-order mark)
//! first and fails with an [`Error`] that has an [`ErrorKind`] and, where
//! it applies, the byte offset of the problem.
//!
//! Absence is data, not error: a release without a dateline has
//! `dateline: None`, one without contacts has `contacts: []`. The record
//! types serialise with `serde` to the documented JSON contract (version
//! [`SCHEMA_VERSION`]); they are `#[non_exhaustive]`, so later versions can
//! add fields without breaking your code.
//!
//! # Example
//!
//! ```
//! let input = "PRESS RELEASE\n\nAcme Opens a Mill\n\nLONDON, 3 May 2024 - Acme \
//!              opened a mill today.\n";
//! let release = pressrelease::extract(input);
//! assert_eq!(release.label.as_deref(), Some("PRESS RELEASE"));
//! assert_eq!(release.headline.as_deref(), Some("Acme Opens a Mill"));
//!
//! // Every span points back into the input.
//! for paragraph in &release.paragraphs {
//!     assert!(input[paragraph.span.range()].contains("Acme"));
//! }
//!
//! let json = serde_json::to_string(&release)?;
//! assert!(json.starts_with("{\"schema_version\":1"));
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Offsets
//!
//! Every `start`/`end` pair is a half-open range of **byte** offsets into
//! the decoded input, always on character boundaries: `&input[start..end]`
//! in Rust, `data[start:end].decode()` on the UTF-8 bytes in Python.
//!
//! Consumers that index text by characters can ask for more units with
//! [`ExtractorBuilder::char_offsets`] (`pressrelease extract --offsets
//! chars`): every pair then also has `char_start`/`char_end`, counted in
//! Unicode scalar values, so Python's `text[char_start:char_end]` is the
//! same text. JavaScript, Java and C# index strings by UTF-16 code units,
//! where a character outside the Basic Multilingual Plane (most emoji,
//! some CJK) counts twice: neither bytes nor chars slice correctly there
//! once such a character precedes the span. Use
//! [`ExtractorBuilder::utf16_offsets`] (`--offsets utf16`) for
//! `utf16_start`/`utf16_end`, which `text.slice(utf16_start, utf16_end)`
//! takes as they are. Both are filled by one linear pass over the input
//! after extraction and are left out of the JSON unless asked for.
//!
//! ```
//! let input = "PRESS RELEASE\n\nA Day in Zürich 🎉\n\nZürich 🎉 hosts the fair.\n";
//! let release = pressrelease::ExtractorBuilder::new()
//!     .char_offsets(true)
//!     .utf16_offsets(true)
//!     .build()
//!     .extract(input);
//! let span = release.paragraphs[0].span;
//! let text = &input[span.start..span.end];
//! assert_eq!(text, "Zürich 🎉 hosts the fair.");
//! assert_eq!((span.start, span.end), (38, 66));
//! assert_eq!((span.char_start, span.char_end), (Some(34), Some(58)));
//! assert_eq!((span.utf16_start, span.utf16_end), (Some(35), Some(60)));
//!
//! // Python's `input[34:58]` and JavaScript's `input.slice(35, 60)`:
//! let chars: Vec<char> = input.chars().collect();
//! assert_eq!(chars[34..58].iter().collect::<String>(), text);
//! let units: Vec<u16> = input.encode_utf16().collect();
//! assert_eq!(String::from_utf16_lossy(&units[35..60]), text);
//! ```
//!
//! # Cargo features
//!
//! - `schema` (off by default): derives `schemars::JsonSchema` on the
//!   record types and adds `json_schema()`, the JSON Schema of
//!   [`Release`] (what `pressrelease schema` prints).
//!
//! # Examples
//!
//! The crate's `examples/` folder has three programs, each runnable with
//! `cargo run -p pressrelease --example NAME`: `extract_file` (one file to
//! JSON), `stream_folder` (every `.txt` file of a folder to NDJSON, errors
//! included) and `use_spans` (from record fields back to the input text).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub use crate::{
    error::{Error, ErrorKind},
    extract::{Extractor, ExtractorBuilder, extract, extract_bytes},
    record::{Contact, Dateline, List, Organisation, Paragraph, Person, Release, SCHEMA_VERSION},
    span::{Mention, Span},
};

/// Decodes `bytes` the way [`extract_bytes`] does (UTF-8 with or without a
/// byte-order mark, UTF-16 with one, otherwise a legacy single-byte code
/// page such as Windows-1252): the text every offset of the resulting
/// record indexes into.
///
/// ```
/// let bytes = b"\xEF\xBB\xBFCaf\xC3\xA9";
/// assert_eq!(pressrelease::decode(bytes)?, "Café");
/// // Good UTF-8 (`é`) beside a stray byte is damaged UTF-8, not a code page.
/// let err = pressrelease::decode(b"Caf\xC3\xA9 \xFFcd").unwrap_err();
/// assert_eq!((err.kind(), err.offset()), (pressrelease::ErrorKind::Decode, Some(6)));
/// # Ok::<(), pressrelease::Error>(())
/// ```
pub fn decode(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, Error> {
    decode::decode(bytes).map(|decoded| decoded.text)
}

/// The JSON Schema (draft 2020-12) of a [`Release`] as it serialises,
/// generated from the same types, with the field docs as descriptions.
///
/// It describes output: every field the serialiser always writes is
/// `required` (a `null` field included); the optional offset units are
/// not.
///
/// ```
/// let schema = pressrelease::json_schema();
/// assert_eq!(schema["title"], "Release");
/// assert!(schema["required"].as_array().unwrap().contains(&"people".into()));
/// ```
#[cfg(feature = "schema")]
pub fn json_schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    serde_json::to_value(generator.into_root_schema_for::<Release>()).unwrap_or_default()
}

mod contact;
mod dateline;
mod decode;
mod error;
mod extract;
mod header;
mod list;
mod offsets;
mod organisation;
mod paragraph;
mod person;
mod record;
mod segment;
mod span;
mod text;
mod wordhash;

#[cfg(test)]
mod test_rng;
