//! The extractor: one pass from input text to a [`Release`].

use crate::decode::decode;
use crate::error::{Error, ErrorKind};
use crate::offsets::{self, Units};
use crate::record::Release;
use crate::segment::Doc;
use crate::{contact, dateline, header, list, organisation, paragraph, person};

/// Settings of an [`Extractor`].
#[derive(Debug, Clone)]
struct Config {
    /// Inputs larger than this many bytes are refused.
    max_bytes: usize,
    /// Extra offset units to fill beside the byte offsets.
    units: Units,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_bytes: 16 * 1024 * 1024,
            units: Units::default(),
        }
    }
}

/// Turns press-release text into [`Release`] records.
///
/// `Extractor::new()` gives the defaults; [`ExtractorBuilder`] changes them.
/// An extractor holds no state between calls and can be shared across
/// threads.
///
/// ```
/// let extractor = pressrelease::Extractor::new();
/// let release = extractor.extract("PRESS RELEASE\n\nAcme Opens a Mill\n");
/// assert_eq!(release.headline.as_deref(), Some("Acme Opens a Mill"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    config: Config,
}

/// Builds an [`Extractor`] with non-default settings.
///
/// ```
/// let extractor = pressrelease::ExtractorBuilder::new().max_bytes(1024).build();
/// let err = extractor.extract_bytes(&[b'a'; 2048]).unwrap_err();
/// assert_eq!(err.kind(), pressrelease::ErrorKind::TooLarge);
/// ```
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    config: Config,
}

impl ExtractorBuilder {
    /// A builder with the default settings.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Refuse inputs larger than `bytes` with an [`ErrorKind::TooLarge`]
    /// error from [`Extractor::extract_bytes`]. By default, 16 MiB. The
    /// organisations reader keeps 32-bit offsets, so a single release over
    /// 4 GiB gets no organisations.
    pub fn max_bytes(&mut self, bytes: usize) -> &mut ExtractorBuilder {
        self.config.max_bytes = bytes;
        self
    }

    /// Also give every offset pair (each [`Span`] and [`Mention`]) its
    /// position in Unicode scalar values, `char_start`/`char_end`: the
    /// index a Python `str` (or a Rust `Vec<char>`) slices by. By default,
    /// this is disabled and only byte offsets are given.
    ///
    /// ```
    /// let input = "PRESS RELEASE\n\nZürich Café Opens\n\nThe café opened today.\n";
    /// let release = pressrelease::ExtractorBuilder::new()
    ///     .char_offsets(true)
    ///     .build()
    ///     .extract(input);
    /// let span = release.paragraphs[0].span;
    /// let chars: Vec<char> = input.chars().collect();
    /// let by_chars: String = chars[span.char_start.unwrap()..span.char_end.unwrap()]
    ///     .iter()
    ///     .collect();
    /// assert_eq!(by_chars, span.text(input));
    /// ```
    ///
    /// [`Span`]: crate::Span
    /// [`Mention`]: crate::Mention
    pub fn char_offsets(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.config.units.chars = yes;
        self
    }

    /// Also give every offset pair its position in UTF-16 code units,
    /// `utf16_start`/`utf16_end`: the index JavaScript's `String.slice`,
    /// Java's `String.substring` and C#'s `Substring` use. A character
    /// outside the Basic Multilingual Plane (most emoji) counts as two
    /// units there and one `char`. By default, this is disabled.
    pub fn utf16_offsets(&mut self, yes: bool) -> &mut ExtractorBuilder {
        self.config.units.utf16 = yes;
        self
    }

    /// The extractor with these settings.
    pub fn build(&self) -> Extractor {
        Extractor {
            config: self.config.clone(),
        }
    }
}

impl Extractor {
    /// An extractor with the default settings.
    pub fn new() -> Extractor {
        Extractor::default()
    }

    /// Extracts the record of one release from its text.
    ///
    /// Never fails: a field that is not found is empty or `None`.
    pub fn extract(&self, input: &str) -> Release {
        let doc = Doc::new(input);
        let header = header::read(&doc);
        let dateline = dateline::find(&doc, &header);
        let contacts = contact::find(&doc);
        let lists = list::find(&doc);
        let organisations = organisation::find(&doc);
        let people = person::find(&doc, &organisations, &contacts);
        let paragraphs = paragraph::find(&doc, &header, &contacts);
        let mut release = Release {
            label: header.label,
            headline: header.headline,
            dateline,
            people,
            organisations,
            lists,
            contacts: contacts.contacts,
            paragraphs,
            ..Release::default()
        };
        offsets::fill(&mut release, input, self.config.units);
        release
    }

    /// Decodes `bytes` and extracts the record.
    ///
    /// Reads UTF-8 with or without a byte-order mark, UTF-16 with one, and
    /// legacy single-byte text (Windows-1252, Latin-1, ...); the record's
    /// `encoding` says which.
    /// Fails with [`ErrorKind::TooLarge`] past the size limit,
    /// [`ErrorKind::NotText`] for binary input and [`ErrorKind::Decode`]
    /// (with the byte offset) for bytes that are not valid text.
    pub fn extract_bytes(&self, bytes: &[u8]) -> Result<Release, Error> {
        if bytes.len() > self.config.max_bytes {
            return Err(Error::new(
                ErrorKind::TooLarge,
                format!(
                    "input is {} bytes, larger than the limit of {} bytes",
                    bytes.len(),
                    self.config.max_bytes
                ),
            ));
        }
        let decoded = decode(bytes)?;
        let mut release = self.extract(&decoded.text);
        release.encoding = Some(decoded.encoding.to_string());
        Ok(release)
    }
}

/// Extracts the record of one release with the default settings.
///
/// ```
/// let release = pressrelease::extract("PRESS RELEASE\n\nAcme Opens a Mill\n");
/// assert_eq!(release.label.as_deref(), Some("PRESS RELEASE"));
/// ```
pub fn extract(input: &str) -> Release {
    Extractor::new().extract(input)
}

/// Decodes `bytes` and extracts the record with the default settings.
///
/// ```
/// let err = pressrelease::extract_bytes(b"abc\0def").unwrap_err();
/// assert_eq!(err.offset(), Some(3));
/// ```
pub fn extract_bytes(bytes: &[u8]) -> Result<Release, Error> {
    Extractor::new().extract_bytes(bytes)
}
