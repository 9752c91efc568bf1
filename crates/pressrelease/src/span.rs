//! Offsets into the input: [`Span`] for a field read from a stretch of
//! text, [`Mention`] for a verbatim occurrence.
//!
//! Offsets are always bytes into the decoded input (UTF-8). When the
//! extractor is built with [`ExtractorBuilder::char_offsets`] or
//! [`ExtractorBuilder::utf16_offsets`], every pair also carries the same
//! positions counted in Unicode scalar values (`char_start`/`char_end`,
//! what Python's `str` indexes by) or in UTF-16 code units
//! (`utf16_start`/`utf16_end`, what JavaScript's `String` indexes by).
//!
//! [`ExtractorBuilder::char_offsets`]: crate::ExtractorBuilder::char_offsets
//! [`ExtractorBuilder::utf16_offsets`]: crate::ExtractorBuilder::utf16_offsets

use serde::{Deserialize, Serialize};

/// A half-open range of byte offsets into the original input.
///
/// `&input[span.start..span.end]` is the text a field was read from. Both
/// offsets always fall on UTF-8 character boundaries.
///
/// The optional `char_*` and `utf16_*` offsets are the same positions in
/// other units; they are `None` (and left out of the JSON) unless the
/// extractor was asked for them. New units may be added, so build a span
/// with [`Span::new`].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Span {
    /// Byte offset of the first byte, inclusive.
    pub start: usize,
    /// Byte offset one past the last byte, exclusive.
    pub end: usize,
    /// `start` counted in Unicode scalar values (Python `str` index); `None`
    /// unless char offsets were asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_start: Option<usize>,
    /// `end` counted in Unicode scalar values; `None` unless char offsets
    /// were asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_end: Option<usize>,
    /// `start` counted in UTF-16 code units (JavaScript `String` index);
    /// `None` unless UTF-16 offsets were asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utf16_start: Option<usize>,
    /// `end` counted in UTF-16 code units; `None` unless UTF-16 offsets were
    /// asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utf16_end: Option<usize>,
}

impl Span {
    /// Makes a span from its two byte offsets, without other units.
    pub const fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end,
            char_start: None,
            char_end: None,
            utf16_start: None,
            utf16_end: None,
        }
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

    /// The byte offsets as a range, for slicing: `&input[span.range()]`.
    pub const fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// A verbatim occurrence of a field in the input: `text` equals
/// `input[start..end]` exactly.
///
/// Like [`Span`], it carries optional offsets in other units when the
/// extractor was asked for them; build one with [`Mention::new`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Mention {
    /// The text as written in the input, markup and all; never empty.
    pub text: String,
    /// Byte offset of the first byte, inclusive.
    pub start: usize,
    /// Byte offset one past the last byte, exclusive.
    pub end: usize,
    /// `start` counted in Unicode scalar values (Python `str` index); `None`
    /// unless char offsets were asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_start: Option<usize>,
    /// `end` counted in Unicode scalar values; `None` unless char offsets
    /// were asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub char_end: Option<usize>,
    /// `start` counted in UTF-16 code units (JavaScript `String` index);
    /// `None` unless UTF-16 offsets were asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utf16_start: Option<usize>,
    /// `end` counted in UTF-16 code units; `None` unless UTF-16 offsets were
    /// asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utf16_end: Option<usize>,
}

impl Mention {
    /// Makes a mention of `text` at byte offsets `start..end`, without other
    /// units.
    ///
    /// ```
    /// let input = "Dr. Ada Example spoke.";
    /// let m = pressrelease::Mention::new(&input[4..15], 4, 15);
    /// assert_eq!(m.span().text(input), m.text);
    /// ```
    pub fn new(text: impl Into<String>, start: usize, end: usize) -> Mention {
        Mention {
            text: text.into(),
            start,
            end,
            char_start: None,
            char_end: None,
            utf16_start: None,
            utf16_end: None,
        }
    }

    /// The mention's offsets (in every unit it carries) as a [`Span`].
    pub const fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
            char_start: self.char_start,
            char_end: self.char_end,
            utf16_start: self.utf16_start,
            utf16_end: self.utf16_end,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_without_absent_units() {
        let cases: &[(Span, &str)] = &[
            (Span::new(1, 4), r#"{"start":1,"end":4}"#),
            (
                Span {
                    char_start: Some(1),
                    char_end: Some(3),
                    ..Span::new(1, 4)
                },
                r#"{"start":1,"end":4,"char_start":1,"char_end":3}"#,
            ),
        ];
        for (span, want) in cases {
            assert_eq!(serde_json::to_string(span).unwrap(), *want);
            let back: Span = serde_json::from_str(want).unwrap();
            assert_eq!(back, *span);
        }
        let m = Mention::new("Zoë", 0, 4);
        assert_eq!(
            serde_json::to_string(&m).unwrap(),
            r#"{"text":"Zoë","start":0,"end":4}"#
        );
    }
}
