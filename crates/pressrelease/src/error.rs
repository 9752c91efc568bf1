use std::fmt;

/// An input that could not be turned into a record.
///
/// Absence of a field is never an error; this is kept for input that is not
/// text at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    offset: Option<usize>,
    message: String,
}

/// What kind of failure an [`Error`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input could not be read (reported by callers that do I/O).
    Io,
    /// The bytes are not valid in any encoding the library reads.
    Decode,
    /// The input is binary, not text.
    NotText,
    /// The input is larger than the configured limit.
    TooLarge,
}

impl ErrorKind {
    /// The name used in the record contract's error lines: `io`, `decode`,
    /// `not_text` or `too_large`.
    pub fn as_str(&self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Decode => "decode",
            ErrorKind::NotText => "not_text",
            ErrorKind::TooLarge => "too_large",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Error {
    /// Makes an error of `kind` with a lowercase message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            offset: None,
            message: message.into(),
        }
    }

    /// Makes an error of `kind` at a byte offset of the input.
    pub fn at(kind: ErrorKind, offset: usize, message: impl Into<String>) -> Error {
        Error {
            kind,
            offset: Some(offset),
            message: message.into(),
        }
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The byte offset in the input where the problem was found, if any.
    pub fn offset(&self) -> Option<usize> {
        self.offset
    }

    /// The message, without the offset.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.offset {
            Some(at) => write!(f, "{} at byte offset {at}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}
