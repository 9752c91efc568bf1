use serde::{Deserialize, Serialize};

/// A half-open range of byte offsets into the original input.
///
/// `&input[span.start..span.end]` is the text a field was read from. Both
/// offsets always fall on UTF-8 character boundaries.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// Byte offset of the first byte, inclusive.
    pub start: usize,
    /// Byte offset one past the last byte, exclusive.
    pub end: usize,
}

impl Span {
    /// Makes a span from its two offsets.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The text of this span in `input`, or `""` if the span does not fit.
    ///
    /// ```
    /// use pressrelease::Span;
    /// assert_eq!(Span::new(6, 11).text("Hello world"), "world");
    /// ```
    pub fn text<'a>(&self, input: &'a str) -> &'a str {
        input.get(self.start..self.end).unwrap_or("")
    }

    /// The number of bytes the span covers.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A verbatim occurrence of a field in the input: `text` equals
/// `input[start..end]` exactly.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Mention {
    /// The text as written in the input.
    pub text: String,
    /// Byte offset of the first byte, inclusive.
    pub start: usize,
    /// Byte offset one past the last byte, exclusive.
    pub end: usize,
}

impl Mention {
    /// The mention's offsets as a [`Span`].
    pub const fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
        }
    }
}
