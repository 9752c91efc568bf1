//! `--offsets`: which units to give beside the byte offsets.

use pressrelease::ExtractorBuilder;

/// One unit `--offsets` can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum OffsetUnit {
    /// Byte offsets only (always given; the default).
    Bytes,
    /// Also char_start/char_end: Unicode scalar values, as Python indexes.
    Chars,
    /// Also utf16_start/utf16_end: UTF-16 code units, as JavaScript indexes.
    Utf16,
}

impl OffsetUnit {
    /// Sets the builder to fill every unit in `units`.
    pub(crate) fn apply(units: &[OffsetUnit], builder: &mut ExtractorBuilder) {
        builder.char_offsets(units.contains(&OffsetUnit::Chars));
        builder.utf16_offsets(units.contains(&OffsetUnit::Utf16));
    }
}
