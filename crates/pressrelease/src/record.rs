//! The record: what one press release becomes.
//!
//! These types serialise exactly to the contract in `SCHEMA.md` (version 1).
//! Every offset is a byte offset into the original input after decoding;
//! see [`Span`] for the optional offsets in other units.
//!
//! Every type is `#[non_exhaustive]`: later minor versions may add fields
//! (never remove or rename one), so match with `..` and read fields by name.

use serde::{Deserialize, Serialize};

use crate::span::{Mention, Span};

/// The version of the record contract these types serialise to.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything extracted from one press release.
///
/// # Wire format
///
/// Serialised with `serde_json`, a release is one object with the fields
/// below in this order. `null` and `[]` mean "not found"; every field but
/// `encoding` and the optional offset units is always written.
///
/// ```
/// let json = r#"{
///   "schema_version": 1,
///   "source": "releases/mill.txt",
///   "label": "PRESS RELEASE",
///   "headline": "Acme Opens a Mill",
///   "dateline": {
///     "text": "LONDON, 3 May 2024", "city": "London", "region": null,
///     "country": null, "country_code": "GB", "date": "2024-05-03",
///     "span": { "start": 34, "end": 52 }
///   },
///   "people": [{
///     "name": "Ada Example", "honorifics": ["Dr."],
///     "titles": ["Director of Acme"], "organisations": ["Acme"],
///     "mentions": [{ "text": "Dr. Ada Example", "start": 60, "end": 75 }]
///   }],
///   "organisations": [{
///     "name": "Acme", "acronym": null,
///     "mentions": [{ "text": "Acme", "start": 55, "end": 59 }]
///   }],
///   "lists": [],
///   "contacts": [],
///   "paragraphs": [{ "text": "LONDON, 3 May 2024 - Acme opened a mill.", "span": { "start": 34, "end": 74 } }]
/// }"#;
/// let release: pressrelease::Release = serde_json::from_str(json)?;
/// assert_eq!(release.people[0].mentions[0].span().len(), 15);
/// assert_eq!(release.encoding, None);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Release {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Where the text came from: a path as given to the CLI, `"-"` for
    /// standard input. The library leaves it `None`.
    pub source: Option<String>,
    /// The text encoding the input was decoded from (`"UTF-8"`,
    /// `"UTF-16LE"`, `"windows-1252"`, …); `None` when the library was given
    /// a `&str`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// The release's own kind line (`PRESS RELEASE`, `FOR IMMEDIATE
    /// RELEASE`, …) as written, without markup; `None` when there is none.
    pub label: Option<String>,
    /// The title, without markup and with whitespace folded; `None` when the
    /// release has none.
    pub headline: Option<String>,
    /// Where and when the release was issued; `None` when there is no
    /// dateline.
    pub dateline: Option<Dateline>,
    /// Every named person, once each; empty when the release names nobody.
    pub people: Vec<Person>,
    /// Every named organisation, once each; empty when none is named.
    pub organisations: Vec<Organisation>,
    /// Each bulleted or numbered list, in order; empty when there is none.
    pub lists: Vec<List>,
    /// Each media or press contact the release gives; empty when none.
    pub contacts: Vec<Contact>,
    /// The body paragraphs in order, markup removed; empty when the release
    /// has no body.
    pub paragraphs: Vec<Paragraph>,
}

impl Default for Release {
    fn default() -> Release {
        Release {
            schema_version: SCHEMA_VERSION,
            source: None,
            encoding: None,
            label: None,
            headline: None,
            dateline: None,
            people: Vec::new(),
            organisations: Vec::new(),
            lists: Vec::new(),
            contacts: Vec::new(),
            paragraphs: Vec::new(),
        }
    }
}

/// Where and when a release was issued: `DOHA, Qatar, 27 March 2022 --`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Dateline {
    /// The dateline as written (markup removed), without its trailing dash;
    /// never empty.
    pub text: String,
    /// The first place of the dateline, in title case when written in
    /// capitals (`NEW YORK` becomes `New York`); `None` when only a date is
    /// given.
    pub city: Option<String>,
    /// A state, province or region between city and country; `None` when
    /// there is none.
    pub region: Option<String>,
    /// The country as written; `None` when the dateline names none.
    pub country: Option<String>,
    /// ISO 3166-1 alpha-2 code of the country (`"QA"`), when the country (or
    /// a region that implies it) is known; `None` otherwise.
    pub country_code: Option<String>,
    /// The ISO 8601 date (`YYYY-MM-DD`); `None` for a partial or missing
    /// date.
    pub date: Option<String>,
    /// Where the dateline was read from in the input.
    pub span: Span,
}

/// A named person, with every place they are mentioned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Person {
    /// The fullest form of the name in the text, without honorifics or
    /// titles; never empty.
    pub name: String,
    /// Styles and ranks written before the name (`Mr.`, `H.E.`, `Major
    /// General`); empty when none.
    pub honorifics: Vec<String>,
    /// Each office or role the text gives the person, one entry per role;
    /// empty when none.
    pub titles: Vec<String>,
    /// Names of organisations the text ties the person to (in a title, or
    /// `from X`, `of X`); empty when none.
    pub organisations: Vec<String>,
    /// Every place the person is named, full or short; never empty.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub mentions: Vec<Mention>,
}

/// A named organisation, with every place it is mentioned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Organisation {
    /// The fullest form of the name, without a leading `the`; never empty.
    pub name: String,
    /// The short form the text ties to it (`UNOCT`); `None` when it has
    /// none.
    pub acronym: Option<String>,
    /// Every place the organisation is named, by name or acronym; never
    /// empty.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub mentions: Vec<Mention>,
}

/// A bulleted or numbered list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct List {
    /// The sentence that leads into the list; `None` when there is none.
    pub intro: Option<String>,
    /// The items in order, without markers and without the list's joining
    /// punctuation (`,` `;` `; and`); never empty. Items have no spans of
    /// their own: each lies inside `span`.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub items: Vec<String>,
    /// From the first marker to the end of the last item, in the input.
    pub span: Span,
}

/// A media or press contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Contact {
    /// The person's name; `None` for a desk or office with no person.
    pub name: Option<String>,
    /// Styles written before the name; empty when none.
    pub honorifics: Vec<String>,
    /// The contact's role (`Press Officer`); `None` when not given.
    pub title: Option<String>,
    /// The organisation the contact speaks for; `None` when not given.
    pub organisation: Option<String>,
    /// A place given with the contact (`Geneva`); `None` when not given.
    pub location: Option<String>,
    /// Email addresses as written; empty when none.
    pub emails: Vec<String>,
    /// Telephone numbers as written; empty when none.
    pub phones: Vec<String>,
    /// Web addresses given with the contact; empty when none.
    pub urls: Vec<String>,
    /// The contact block the fields were read from, in the input.
    pub span: Span,
}

/// One body paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Paragraph {
    /// The paragraph text, markup removed and whitespace folded; never
    /// empty.
    pub text: String,
    /// Where the paragraph was read from in the input.
    pub span: Span,
}
