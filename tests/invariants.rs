//! What every record must satisfy, whatever the input: the checks shared by
//! the property tests, the regression replay and the fuzz targets (which
//! include this file with `#[path]`).
//!
//! Each check returns a description of the first broken rule instead of
//! panicking, so callers can add the input to the message.

use pressrelease::{Error, ErrorKind, Mention, Release, Span};

/// Checks a record extracted from `input` (the text after decoding).
pub fn check_release(input: &str, release: &Release) -> Result<(), String> {
    if release.schema_version != pressrelease::SCHEMA_VERSION {
        return Err(format!("schema_version is {}", release.schema_version));
    }
    if let Some(d) = &release.dateline {
        check_span(input, d.span, "dateline.span")?;
    }
    for (i, p) in release.people.iter().enumerate() {
        if p.mentions.is_empty() {
            return Err(format!("people[{i}] ({:?}) has no mention", p.name));
        }
        if p.name.trim().is_empty() {
            return Err(format!("people[{i}] has an empty name"));
        }
        for (j, m) in p.mentions.iter().enumerate() {
            check_mention(input, m, &format!("people[{i}].mentions[{j}]"))?;
        }
    }
    for (i, o) in release.organisations.iter().enumerate() {
        if o.name.trim().is_empty() {
            return Err(format!("organisations[{i}] has an empty name"));
        }
        for (j, m) in o.mentions.iter().enumerate() {
            check_mention(input, m, &format!("organisations[{i}].mentions[{j}]"))?;
        }
    }
    for (i, l) in release.lists.iter().enumerate() {
        check_span(input, l.span, &format!("lists[{i}].span"))?;
    }
    for (i, c) in release.contacts.iter().enumerate() {
        check_span(input, c.span, &format!("contacts[{i}].span"))?;
    }
    let mut last = 0;
    for (i, p) in release.paragraphs.iter().enumerate() {
        check_span(input, p.span, &format!("paragraphs[{i}].span"))?;
        if p.span.start < last {
            return Err(format!(
                "paragraphs[{i}] starts at {} before the previous one at {last}",
                p.span.start
            ));
        }
        last = p.span.start;
    }
    check_json(release)
}

/// Checks that the record serialises, reads back equal, and that
/// serialising it again gives the same bytes.
pub fn check_json(release: &Release) -> Result<(), String> {
    let json = serde_json::to_string(release).map_err(|e| format!("cannot serialise: {e}"))?;
    let back: Release =
        serde_json::from_str(&json).map_err(|e| format!("cannot read back own JSON: {e}"))?;
    if &back != release {
        return Err("record changes on a JSON round trip".to_string());
    }
    if serde_json::to_string(&back).ok().as_deref() != Some(json.as_str()) {
        return Err("JSON differs on a second serialisation".to_string());
    }
    Ok(())
}

/// Checks that a span lies inside `input` on character boundaries.
pub fn check_span(input: &str, span: Span, what: &str) -> Result<(), String> {
    if span.start > span.end || span.end > input.len() {
        return Err(format!(
            "{what} {}..{} is outside the input of {} bytes",
            span.start,
            span.end,
            input.len()
        ));
    }
    if !input.is_char_boundary(span.start) || !input.is_char_boundary(span.end) {
        return Err(format!(
            "{what} {}..{} is not on character boundaries",
            span.start, span.end
        ));
    }
    Ok(())
}

/// Checks that a mention is verbatim: `text == input[start..end]`.
pub fn check_mention(input: &str, m: &Mention, what: &str) -> Result<(), String> {
    check_span(input, m.span(), what)?;
    let actual = &input[m.start..m.end];
    if actual != m.text {
        return Err(format!(
            "{what} text {:?} differs from input[{}..{}] = {actual:?}",
            m.text, m.start, m.end
        ));
    }
    if m.text.is_empty() {
        return Err(format!("{what} is empty at {}", m.start));
    }
    Ok(())
}

/// Extracts `input` twice and checks the record, and that both runs give
/// the same bytes of JSON.
pub fn check_str(input: &str) -> Result<Release, String> {
    let release = pressrelease::extract(input);
    if release.source.is_some() || release.encoding.is_some() {
        return Err("extract(&str) set source or encoding".to_string());
    }
    check_release(input, &release)?;
    let again = pressrelease::extract(input);
    if serde_json::to_string(&release).ok() != serde_json::to_string(&again).ok() {
        return Err("two runs on the same input give different records".to_string());
    }
    Ok(release)
}

/// The text the library should have decoded `bytes` to, for the encodings
/// whose decoding is unambiguous; `None` for any other encoding.
pub fn decoded_text(bytes: &[u8], encoding: &str) -> Option<String> {
    match encoding {
        "UTF-8" => {
            let rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            std::str::from_utf8(rest).ok().map(str::to_string)
        }
        "UTF-16LE" | "UTF-16BE" => {
            let rest = bytes.get(2..)?;
            if rest.len() % 2 != 0 {
                return None;
            }
            let le = encoding == "UTF-16LE";
            let units = rest.chunks_exact(2).map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            });
            char::decode_utf16(units)
                .collect::<Result<String, _>>()
                .ok()
        }
        _ => None,
    }
}

/// Checks what `extract_bytes` made of `bytes`: a record whose spans fit
/// the decoded text, or an error of a kind bytes can cause, with an offset
/// inside the input.
pub fn check_bytes(bytes: &[u8]) -> Result<(), String> {
    let result = pressrelease::extract_bytes(bytes);
    let again = pressrelease::extract_bytes(bytes);
    if result != again {
        return Err("two runs on the same bytes give different results".to_string());
    }
    match result {
        Ok(release) => {
            let Some(encoding) = release.encoding.clone() else {
                return Err("extract_bytes gave no encoding".to_string());
            };
            match decoded_text(bytes, &encoding) {
                Some(text) => {
                    check_release(&text, &release)?;
                    // Decoding must not change what is extracted.
                    let mut direct = pressrelease::extract(&text);
                    direct.encoding = Some(encoding);
                    if direct != release {
                        return Err("extract_bytes and extract differ on the same text".into());
                    }
                    Ok(())
                }
                None if encoding.starts_with("UTF-") => Err(format!(
                    "extract_bytes says {encoding} but the bytes are not valid {encoding}"
                )),
                // An encoding we cannot decode here: check what needs no text.
                None => check_json(&release),
            }
        }
        Err(err) => check_error(bytes, &err),
    }
}

/// Checks an error from `extract_bytes`.
pub fn check_error(bytes: &[u8], err: &Error) -> Result<(), String> {
    match err.kind() {
        ErrorKind::Decode | ErrorKind::NotText | ErrorKind::TooLarge => {}
        other => return Err(format!("extract_bytes failed with kind {other}: {err}")),
    }
    if err.kind() == ErrorKind::Decode && err.offset().is_none() {
        return Err(format!("decode error without an offset: {err}"));
    }
    if let Some(at) = err.offset() {
        if at > bytes.len() {
            return Err(format!(
                "error offset {at} is past the end of {} bytes",
                bytes.len()
            ));
        }
    }
    if err.message().is_empty() {
        return Err("error with an empty message".to_string());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(json: &str) -> Release {
        let base = r#"{"schema_version":1,"source":null,"label":null,"headline":null,
            "dateline":null,"people":[],"organisations":[],"lists":[],"contacts":[],
            "paragraphs":[]}"#;
        let mut v: serde_json::Value = serde_json::from_str(base).unwrap();
        let patch: serde_json::Value = serde_json::from_str(json).unwrap();
        for (k, x) in patch.as_object().unwrap() {
            v[k] = x.clone();
        }
        serde_json::from_value(v).unwrap()
    }

    /// The checks catch each kind of broken record.
    #[test]
    fn catches_broken_records() {
        let input = "Dr. \u{c9}mile Roe met.";
        let person = |m: &str| {
            format!(
                r#"{{"people":[{{"name":"Emile Roe","honorifics":[],"titles":[],"organisations":[],"mentions":[{m}]}}]}}"#
            )
        };
        let para =
            |a: usize, b: usize| format!(r#"{{"text":"x","span":{{"start":{a},"end":{b}}}}}"#);
        let cases: &[(String, Option<&str>)] = &[
            (person(r#"{"text":"\u00c9mile Roe","start":4,"end":14}"#), None),
            (person(r#"{"text":"mile Roe","start":5,"end":14}"#), Some("not on character boundaries")),
            (person(r#"{"text":"Emile Roe","start":4,"end":14}"#), Some("differs from input")),
            (person(r#"{"text":"Roe met.X","start":9,"end":99}"#), Some("outside the input")),
            (person(""), Some("has no mention")),
            (format!(r#"{{"paragraphs":[{}]}}"#, para(0, 19)), None),
            (format!(r#"{{"paragraphs":[{}]}}"#, para(3, 2)), Some("outside the input")),
            (format!(r#"{{"paragraphs":[{},{}]}}"#, para(4, 6), para(0, 2)), Some("before the previous")),
            (r#"{"dateline":{"text":"x","city":null,"region":null,"country":null,"country_code":null,"date":null,"span":{"start":0,"end":24}}}"#.to_string(), Some("outside the input")),
        ];
        for (json, want) in cases {
            let got = check_release(input, &record(json));
            match want {
                None => assert_eq!(got, Ok(()), "{json}"),
                Some(w) => assert!(
                    got.as_ref().is_err_and(|e| e.contains(w)),
                    "{json}: {got:?}"
                ),
            }
        }
    }
}
