//! The extractor: one pass from input text to a [`Release`].

use crate::decode::decode;
use crate::error::{Error, ErrorKind};
use crate::record::Release;
use crate::segment::Doc;
use crate::{contact, dateline, header, list, organisation, paragraph, person};

/// Settings of an [`Extractor`].
#[derive(Debug, Clone)]
struct Config {
    /// Inputs larger than this many bytes are refused.
    max_bytes: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_bytes: 16 * 1024 * 1024,
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
    /// error from [`Extractor::extract_bytes`]. By default, 16 MiB.
    pub fn max_bytes(&mut self, bytes: usize) -> &mut ExtractorBuilder {
        self.config.max_bytes = bytes;
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
        Release {
            label: header.label,
            headline: header.headline,
            dateline,
            people,
            organisations,
            lists,
            contacts: contacts.contacts,
            paragraphs,
            ..Release::default()
        }
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
