//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, and
//! legacy single-byte text (Windows-1252, Latin-1, and the other code pages
//! `chardetng` recognises).
//!
//! The order of the checks matters: a byte-order mark decides first; then
//! input with NUL bytes, or made mostly of control bytes, is binary; then
//! valid UTF-8 is UTF-8; then bytes that are not UTF-8 anywhere are legacy
//! text, whose code page `chardetng` guesses. Input that mixes valid UTF-8
//! sequences with invalid bytes is damaged UTF-8, not legacy text, and is a
//! `decode` error at the first bad byte.

use std::borrow::Cow;

use encoding_rs::{DecoderResult, Encoding};

use crate::error::{Error, ErrorKind};

/// Decoded text and the name of the encoding it was read from.
pub(crate) struct Decoded<'a> {
    pub(crate) text: Cow<'a, str>,
    pub(crate) encoding: &'static str,
}

/// How many leading bytes the control-byte test looks at.
const SNIFF_LEN: usize = 64 * 1024;

/// Decodes `bytes`, or says why they are not text.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded<'_>, Error> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        binary_check(rest).map_err(|e| shifted(e, 3))?;
        return utf8(rest, 3);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes, "UTF-16LE");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes, "UTF-16BE");
    }
    binary_check(bytes)?;
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: s.into(),
            encoding: "UTF-8",
        }),
        Err(e) => legacy(bytes, e.valid_up_to()),
    }
}

/// Fails with [`ErrorKind::NotText`] when `bytes` hold a NUL byte, or when
/// more than a tenth of their first 64 KiB are control bytes that text does
/// not use.
fn binary_check(bytes: &[u8]) -> Result<(), Error> {
    let sniff = &bytes[..bytes.len().min(SNIFF_LEN)];
    // Most text has no control byte but line ends and tabs: one
    // branch-free test per block (this vectorises) rules out NULs and
    // control bytes at once.
    let plain = sniff.chunks(256).all(|chunk| {
        !chunk.iter().fold(false, |odd, &b| {
            odd | ((b < 0x20) & (b != b'\n') & (b != b'\r') & (b != b'\t')) | (b == 0x7F)
        })
    });
    if plain && !bytes[sniff.len()..].contains(&0) {
        return Ok(());
    }
    // Control bytes and NUL bytes are counted in one pass over the sniffed
    // bytes, in byte-wide lanes, 240 bytes at a time (a `u8` holds up to
    // 255; 240 is a whole number of 16-byte vectors, so only the last
    // chunk has a scalar tail), branch-free, so the loop vectorises.
    let (controls, nuls) = sniff
        .chunks(240)
        .map(|chunk| {
            let (n, z) = chunk.iter().fold((0u8, 0u8), |(n, z), &b| {
                (n + control_count(b), z | u8::from(b == 0))
            });
            (usize::from(n), z)
        })
        .fold((0, 0), |(n, z), (cn, cz)| (n + cn, z | cz));
    // Past the sniffed bytes, `contains` (a vectorised memchr) looks for a
    // NUL.
    if nuls != 0 || bytes[sniff.len()..].contains(&0) {
        let at = bytes.iter().position(|&b| b == 0).unwrap_or(0);
        return Err(Error::at(
            ErrorKind::NotText,
            at,
            "input looks binary, not text: found a NUL byte",
        ));
    }
    if controls * 10 > sniff.len() {
        let at = sniff
            .iter()
            .position(|&b| is_binary_control(b))
            .unwrap_or(0);
        return Err(Error::at(
            ErrorKind::NotText,
            at,
            format!(
                "input looks binary, not text: {controls} of its first {} bytes are control bytes",
                sniff.len()
            ),
        ));
    }
    Ok(())
}

/// [`is_binary_control`] as a count, in wrapping byte arithmetic that
/// vectorises well: a byte below 0x20, less one for tab, line ends, form
/// feed and escape (all below 0x20), plus one for DEL.
fn control_count(b: u8) -> u8 {
    let low = u8::from(b < 0x20);
    let allowed = u8::from(b.wrapping_sub(0x09) < 5) | u8::from(b == 0x1B);
    low - allowed + u8::from(b == 0x7F)
}

/// Control bytes that text files do not contain (tab, line ends, form feed
/// and escape are allowed).
fn is_binary_control(b: u8) -> bool {
    // 0x00..=0x08, 0x0E..=0x1A, 0x1C..=0x1F and DEL, as plain comparisons
    // (which vectorise, where a bit-table shift does not).
    b <= 0x08 || (0x0E..=0x1A).contains(&b) || (0x1C..=0x1F).contains(&b) || b == 0x7F
}

fn utf8(bytes: &[u8], skipped: usize) -> Result<Decoded<'_>, Error> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: s.into(),
            encoding: "UTF-8",
        }),
        Err(e) => Err(Error::at(
            ErrorKind::Decode,
            skipped + e.valid_up_to(),
            "input is not valid UTF-8",
        )),
    }
}

/// Decodes bytes that are not valid UTF-8; `bad` is the offset of the first
/// invalid byte.
fn legacy(bytes: &[u8], bad: usize) -> Result<Decoded<'_>, Error> {
    // Valid multi-byte UTF-8 next to invalid bytes means damaged UTF-8:
    // reading it as a code page would turn every good accent into mojibake.
    if bytes.utf8_chunks().any(|chunk| !chunk.valid().is_ascii()) {
        return Err(Error::at(
            ErrorKind::Decode,
            bad,
            "input is not valid UTF-8, and its valid UTF-8 sequences rule out a legacy encoding",
        ));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    single_byte(bytes, encoding)
}

/// Decodes `bytes` as `encoding`, failing at the first malformed sequence.
fn single_byte(bytes: &[u8], encoding: &'static Encoding) -> Result<Decoded<'static>, Error> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut out = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        DecoderResult::InputEmpty => Ok(Decoded {
            text: out.into(),
            encoding: encoding.name(),
        }),
        DecoderResult::Malformed(len, extra) => {
            let at = read.saturating_sub(usize::from(len) + usize::from(extra));
            Err(Error::at(
                ErrorKind::Decode,
                at,
                format!("input is not valid UTF-8 nor {}", encoding.name()),
            ))
        }
        // The buffer was sized for the worst case, so this does not happen;
        // say so rather than return a truncated text.
        DecoderResult::OutputFull => Err(Error::new(
            ErrorKind::Decode,
            format!("input could not be decoded as {}", encoding.name()),
        )),
    }
}

/// Moves an error's offset past `skipped` leading bytes.
fn shifted(e: Error, skipped: usize) -> Error {
    match e.offset() {
        Some(at) => Error::at(e.kind(), at + skipped, e.message()),
        None => e,
    }
}

fn utf16(
    bytes: &[u8],
    unit: fn([u8; 2]) -> u16,
    name: &'static str,
) -> Result<Decoded<'static>, Error> {
    if bytes.len() % 2 != 0 {
        return Err(Error::at(
            ErrorKind::Decode,
            bytes.len() + 1,
            format!("input is not valid {name}: odd number of bytes"),
        ));
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut out = String::with_capacity(bytes.len() / 2);
    // Offsets count code units (two bytes each) after the two-byte BOM.
    let mut units_seen = 0;
    for r in char::decode_utf16(units) {
        match r {
            Ok('\0') => {
                return Err(Error::at(
                    ErrorKind::NotText,
                    2 + 2 * units_seen,
                    "input looks binary, not text: found a NUL character",
                ));
            }
            Ok(c) => {
                out.push(c);
                units_seen += c.len_utf16();
            }
            Err(_) => {
                return Err(Error::at(
                    ErrorKind::Decode,
                    2 + 2 * units_seen,
                    format!("input is not valid {name}: unpaired surrogate"),
                ));
            }
        }
    }
    Ok(Decoded {
        text: out.into(),
        encoding: name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (input, Ok((text, encoding)) or Err((kind, offset)))
    type Case = (
        &'static [u8],
        Result<(&'static str, &'static str), (ErrorKind, usize)>,
    );

    const CASES: &[Case] = &[
        (b"", Ok(("", "UTF-8"))),
        (b"plain text\n", Ok(("plain text\n", "UTF-8"))),
        (b"\xEF\xBB\xBFhi", Ok(("hi", "UTF-8"))),
        ("caf\u{e9} au lait".as_bytes(), Ok(("caf\u{e9} au lait", "UTF-8"))),
        (b"\xFF\xFEh\0i\0", Ok(("hi", "UTF-16LE"))),
        (b"\xFE\xFF\0h\0i", Ok(("hi", "UTF-16BE"))),
        (b"\xFF\xFEh\0i", Err((ErrorKind::Decode, 4))),
        (b"\xFF\xFE\x00\xD8a\0", Err((ErrorKind::Decode, 2))),
        // Windows-1252: e-acute, curly quotes and an en dash.
        (
            b"The caf\xE9 opened on Monday, said the mayor of Westbrook. \x93We are proud\x94 \x96 she added.",
            Ok((
                "The caf\u{e9} opened on Monday, said the mayor of Westbrook. \u{201c}We are proud\u{201d} \u{2013} she added.",
                "windows-1252",
            )),
        ),
        // Latin-1 text is read through its superset, Windows-1252.
        (
            b"Se\xF1or Dur\xE1n visited the harbour of Porto Verde on Tuesday.",
            Ok((
                "Se\u{f1}or Dur\u{e1}n visited the harbour of Porto Verde on Tuesday.",
                "windows-1252",
            )),
        ),
        // Good UTF-8 with one stray byte is damaged UTF-8.
        (b"caf\xC3\xA9 and \xFF", Err((ErrorKind::Decode, 10))),
        (b"ab\0cd", Err((ErrorKind::NotText, 2))),
        (b"\0", Err((ErrorKind::NotText, 0))),
        (b"\x01\x02\x03\0", Err((ErrorKind::NotText, 3))),
        (b"\x01\x02\x03\x04text", Err((ErrorKind::NotText, 0))),
        (b"a\tb\r\nc\x0C\x1B[1m", Ok(("a\tb\r\nc\x0C\x1B[1m", "UTF-8"))),
    ];

    #[test]
    fn utf16_offsets_count_code_units() {
        // `a`, an emoji (two units), `b`, then a lone high surrogate.
        let mut bytes = vec![0xFF, 0xFE];
        for unit in [0x61u16, 0xD83C, 0xDF89, 0x62, 0xD800] {
            bytes.extend(unit.to_le_bytes());
        }
        let e = decode(&bytes).err().unwrap();
        assert_eq!((e.kind(), e.offset()), (ErrorKind::Decode, Some(10)));
    }

    #[test]
    fn plain_text_passes_and_odd_bytes_are_counted() {
        // (input, passes): the quick test lets through only what the
        // count would.
        let long = "a line of text\r\n".repeat(40);
        let mut with_nul = long.clone().into_bytes();
        with_nul.push(0);
        let cases: &[(&[u8], bool)] = &[
            (long.as_bytes(), true),
            (b"tab\tand\x0cform feed\x1b[0m", true),
            (b"\x7f\x7fab", false),
            (b"a\x01bcdefghijklmnopqrstuvwxyz", true),
            (&with_nul, false),
        ];
        for (input, passes) in cases {
            assert_eq!(binary_check(input).is_ok(), *passes, "{input:?}");
        }
    }

    #[test]
    fn binary_controls() {
        for b in 0..=255u8 {
            let want = matches!(b, 0x00..=0x08 | 0x0E..=0x1A | 0x1C..=0x1F | 0x7F);
            assert_eq!(is_binary_control(b), want, "byte {b:#04x}");
            assert_eq!(control_count(b), u8::from(want), "byte {b:#04x}");
        }
    }

    #[test]
    fn nul_after_bom_is_not_text() {
        let e = decode(b"\xEF\xBB\xBFab\0cd").err().unwrap();
        assert_eq!((e.kind(), e.offset()), (ErrorKind::NotText, Some(5)));
        let e = decode(b"\xFF\xFEa\0\0\0b\0").err().unwrap();
        assert_eq!((e.kind(), e.offset()), (ErrorKind::NotText, Some(4)));
    }

    #[test]
    fn decodes() {
        for (k, (input, want)) in CASES.iter().enumerate() {
            let got = decode(input)
                .map(|d| (d.text.into_owned(), d.encoding))
                .map_err(|e| (e.kind(), e.offset().unwrap_or(usize::MAX)));
            let want = want.map(|(t, e)| (t.to_string(), e));
            assert_eq!(got, want, "case {k}: {:?}", String::from_utf8_lossy(input));
        }
    }

    #[test]
    fn guesses_cyrillic_code_page() {
        // "Press service of the ministry" in Russian, in Windows-1251.
        let text = "\u{41f}\u{440}\u{435}\u{441}\u{441}-\u{441}\u{43b}\u{443}\u{436}\u{431}\u{430} \u{43c}\u{438}\u{43d}\u{438}\u{441}\u{442}\u{435}\u{440}\u{441}\u{442}\u{432}\u{430}";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
        let d = decode(&bytes).unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), (text, "windows-1251"));
    }
}
