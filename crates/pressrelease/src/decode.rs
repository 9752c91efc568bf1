//! Bytes to text: UTF-8 (with or without BOM) and UTF-16 with a BOM.

use crate::error::{Error, ErrorKind};

/// Decoded text and the name of the encoding it was read from.
pub(crate) struct Decoded<'a> {
    pub(crate) text: std::borrow::Cow<'a, str>,
    pub(crate) encoding: &'static str,
}

/// Decodes `bytes`, or says why they are not text.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded<'_>, Error> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest, 3);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes, "UTF-16LE");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes, "UTF-16BE");
    }
    if let Some(at) = memchr_nul(bytes) {
        return Err(Error::at(
            ErrorKind::NotText,
            at,
            "input looks binary, not text: found a NUL byte",
        ));
    }
    utf8(bytes, 0)
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
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
    for (k, r) in char::decode_utf16(units).enumerate() {
        match r {
            Ok(c) => out.push(c),
            Err(_) => {
                return Err(Error::at(
                    ErrorKind::Decode,
                    2 + 2 * k,
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

    #[test]
    fn decodes() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi").unwrap().text, "hi");
        assert_eq!(decode(b"\xFF\xFEh\0i\0").unwrap().text, "hi");
        assert_eq!(decode(b"\xFE\xFF\0h\0i").unwrap().encoding, "UTF-16BE");
        let e = decode(b"ab\xFFcd").err().unwrap();
        assert_eq!((e.kind(), e.offset()), (ErrorKind::Decode, Some(2)));
        let e = decode(b"ab\0cd").err().unwrap();
        assert_eq!(e.kind(), ErrorKind::NotText);
    }
}
