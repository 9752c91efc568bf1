//! The CLI on hostile input: every kind prints exactly one line with
//! `--ndjson` (a record or an error), exits 0 or 1, and never panics.

use std::process::Output;

use serde_json::Value;

use crate::invariants::{check_release, decoded_text};

use crate::invented::{bin, run_with_stdin};

/// Runs `pressrelease extract --ndjson [extra]` on `input` as standard
/// input.
fn run(input: &[u8], extra: &[&str]) -> Output {
    let mut args = vec!["extract", "--ndjson"];
    args.extend_from_slice(extra);
    run_with_stdin(&args, input)
}

/// What one hostile input should give.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Want {
    /// A record (exit 0).
    Record,
    /// A record with no field filled (exit 0).
    Empty,
    /// An error line of this kind (exit 1).
    Error(&'static str),
    /// Either a record or an error of this kind.
    RecordOr(&'static str),
}

/// Checks the contract of one run and returns its single JSON line.
fn one_line(name: &str, input: &[u8], out: &Output, want: Want) -> Value {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked"),
        "{name}: the CLI panicked: {stderr}"
    );
    let code = out.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "{name}: exit status {code:?}, stderr {stderr}"
    );
    let stdout = std::str::from_utf8(&out.stdout)
        .unwrap_or_else(|e| panic!("{name}: stdout is not UTF-8: {e}"));
    assert!(
        stdout.ends_with('\n') && stdout.matches('\n').count() == 1,
        "{name}: want exactly one line, got {} bytes: {:?}",
        stdout.len(),
        stdout.chars().take(300).collect::<String>()
    );
    let v: Value = serde_json::from_str(stdout)
        .unwrap_or_else(|e| panic!("{name}: line is not JSON ({e}): {stdout}"));
    assert_eq!(v["source"], "-", "{name}: {stdout}");
    let is_error = v.get("error").is_some();
    if is_error {
        assert_eq!(code, Some(1), "{name}: an error line must exit 1");
        let kind = v["error"]["kind"].as_str().unwrap_or_default();
        assert!(
            ["decode", "not_text", "too_large"].contains(&kind),
            "{name}: error kind {kind:?}"
        );
        assert!(
            !v["error"]["message"]
                .as_str()
                .unwrap_or_default()
                .is_empty(),
            "{name}: empty message"
        );
        match want {
            Want::Error(k) | Want::RecordOr(k) => assert_eq!(kind, k, "{name}: {stdout}"),
            Want::Record | Want::Empty => panic!("{name}: want a record, got {stdout}"),
        }
    } else {
        assert_eq!(code, Some(0), "{name}: a record must exit 0");
        assert_eq!(v["schema_version"], 1, "{name}: {stdout}");
        if let Want::Error(k) = want {
            panic!("{name}: want a {k} error, got {stdout}");
        }
        // The record's spans must fit the decoded input.
        let encoding = v["encoding"].as_str().unwrap_or("UTF-8");
        if let Some(text) = decoded_text(input, encoding) {
            let release: pressrelease::Release = serde_json::from_value(v.clone())
                .unwrap_or_else(|e| panic!("{name}: record does not read back: {e}"));
            if let Err(why) = check_release(&text, &release) {
                panic!("{name}: {why}");
            }
        }
        if want == Want::Empty {
            for field in ["label", "headline", "dateline"] {
                assert!(v[field].is_null(), "{name}: {field} in {stdout}");
            }
            for field in ["people", "organisations", "lists", "contacts", "paragraphs"] {
                assert_eq!(
                    v[field],
                    Value::Array(vec![]),
                    "{name}: {field} in {stdout}"
                );
            }
        }
    }
    v
}

/// Every kind of hostile input, named, with what it should give.
fn cases() -> Vec<(&'static str, Vec<u8>, Want)> {
    let prose = "Velmora City, 2 April 2033 - The Tidal Commission met today. \
                 Dr. Amara Velk said the plan will help.";
    let mut cases: Vec<(&'static str, Vec<u8>, Want)> = vec![
        ("empty", Vec::new(), Want::Empty),
        ("blank", b"  \n\t\n\r\n   \n\n".to_vec(), Want::Empty),
        ("only-bom", b"\xEF\xBB\xBF".to_vec(), Want::Empty),
        (
            "nul-junk",
            (0..4096u32)
                .map(|k| (k.wrapping_mul(2_654_435_761) >> 13) as u8)
                .chain([0, 0, 0])
                .collect(),
            Want::Error("not_text"),
        ),
        (
            "text-then-nul",
            [prose.as_bytes(), b"\0\0\0\x01\x02"].concat(),
            Want::Error("not_text"),
        ),
        (
            "elf-header",
            b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0>\0".to_vec(),
            Want::Error("not_text"),
        ),
        (
            "control-junk",
            (1..=31u8).cycle().take(2000).collect(),
            Want::RecordOr("not_text"),
        ),
        (
            "invalid-utf8",
            [b"Velmora City - ".as_slice(), b"\xC3\x28", b" more text"].concat(),
            Want::RecordOr("decode"),
        ),
        (
            "latin1-bytes",
            b"Caf\xe9 opening in S\xe3o Ald\xe9ry\n".to_vec(),
            Want::RecordOr("decode"),
        ),
        (
            "truncated-utf8",
            [prose.as_bytes(), b"\xE2\x80"].concat(),
            Want::RecordOr("decode"),
        ),
        (
            "utf16-odd",
            b"\xFF\xFEH\0i\0!".to_vec(),
            Want::Error("decode"),
        ),
        (
            "utf16-lone-surrogate",
            b"\xFF\xFEH\0\x00\xD8i\0".to_vec(),
            Want::Error("decode"),
        ),
        (
            "control-chars",
            format!("PRESS RELEASE\n\nA\x07 Headline\x1b[1m Here\x08\n\n{prose}\x7f\x01 end.\n")
                .into_bytes(),
            Want::Record,
        ),
        (
            "bidi-marks",
            format!(
                "\u{202b}PRESS RELEASE\u{202c}\n\n\u{200f}Harbour \u{5e0}\u{5de}\u{5dc} Talks\u{200e}\n\n\
                 {prose} \u{2067}\u{627}\u{644}\u{2069} \u{202e}reversed\u{202c}\n"
            )
            .into_bytes(),
            Want::Record,
        ),
        (
            "emoji",
            format!(
                "\u{1f4e2} PRESS RELEASE \u{1f4e2}\n\nSolar \u{2600}\u{fe0f} Mill Opens \
                 \u{1f468}\u{200d}\u{1f33e}\n\n{prose} \u{1f1fa}\u{1f1f3}\u{1f44d}\u{1f3fd}\n"
            )
            .into_bytes(),
            Want::Record,
        ),
        (
            "combining-marks",
            format!(
                "PRESS RELEASE\n\nZo\u{308}e Ha\u{30a}rrow\u{301}\u{302}\u{303}\u{304} Speaks\n\n\
                 {prose} Dr. A\u{301}mara Ve\u{301}lk\u{20dd}.\n"
            )
            .into_bytes(),
            Want::Record,
        ),
        (
            "cr-only",
            format!("PRESS RELEASE\r\rHarbour Talks\r\r{prose}\r\r* one\r* two\r").into_bytes(),
            Want::Record,
        ),
        (
            "form-feeds",
            format!("PRESS RELEASE\x0c\x0cHarbour Talks\x0c{prose}\x0c\x0b\u{2028}\u{2029}end\x0c")
                .into_bytes(),
            Want::Record,
        ),
        (
            "mojibake",
            "PRESS RELEASE\n\nThe Commission\u{e2}\u{20ac}\u{2122}s Plan \u{e2}\u{20ac}\u{201c} \
             Caf\u{c3}\u{a9}s\n\n\u{c3}\u{af}\u{c2}\u{82}\u{c2}\u{b7} first\n\u{e2}\u{20ac}\u{a2} second\n\
             \u{e2}\u{20ac}\u{c2}\u{c3}\u{e2}\n"
                .as_bytes()
                .to_vec(),
            Want::Record,
        ),
        (
            "utf16le-release",
            {
                let mut b = vec![0xFF, 0xFE];
                for u in format!("PRESS RELEASE\r\n\r\nHarbour \u{1f30a} Talks\r\n\r\n{prose}\r\n")
                    .encode_utf16()
                {
                    b.extend_from_slice(&u.to_le_bytes());
                }
                b
            },
            Want::Record,
        ),
        (
            "markup-soup",
            b"**__*_[[[[((((![](\\\\\\*## > > >#######\n---\n***\n___\n[a](b) ](".repeat(50),
            Want::Record,
        ),
        (
            "one-long-line",
            prose.replace('.', ";").repeat(3000).into_bytes(),
            Want::Record,
        ),
        (
            "replacement-chars",
            "\u{fffd}".repeat(500).into_bytes(),
            Want::Record,
        ),
    ];
    cases.push((
        "private-use-and-nonchars",
        "\u{f0b7} item\n\u{e000}\u{ffff}\u{10fffd}\u{fdd0}\n"
            .as_bytes()
            .to_vec(),
        Want::Record,
    ));
    cases
}

#[test]
fn each_hostile_input_gives_one_line() {
    for (name, input, want) in cases() {
        let out = run(&input, &[]);
        let v = one_line(name, &input, &out, want);
        if name == "invalid-utf8" && v.get("error").is_some() {
            assert_eq!(v["error"]["offset"], 15, "{name}: {v}");
        }
    }
}

#[test]
fn too_large_is_refused() {
    let input = b"Velmora City - The Tidal Commission met today.\n".repeat(10);
    let out = run(&input, &["--max-bytes", "100"]);
    one_line("too-large", &input, &out, Want::Error("too_large"));
    // At the limit it is read.
    let out = run(&input[..100], &["--max-bytes", "100"]);
    one_line("at-limit", &input[..100], &out, Want::Record);
}

#[test]

fn control_junk_is_not_text() {
    // Mostly control bytes, no NUL: binary by any reasonable measure.
    let input: Vec<u8> = (1..=31u8).cycle().take(2000).collect();
    let out = run(&input, &[]);
    one_line("control-junk", &input, &out, Want::Error("not_text"));
}

#[test]
fn every_file_gets_its_line() {
    // All hostile inputs as files in one run: one line each, in order, each
    // with its own source, and exit 1 because some fail.
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile-files");
    std::fs::create_dir_all(&dir).unwrap();
    let mut paths = Vec::new();
    for (name, input, _) in cases() {
        let path = dir.join(format!("{name}.txt"));
        std::fs::write(&path, input).unwrap();
        paths.push(path);
    }
    let out = bin().arg("extract").args(&paths).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), paths.len(), "{stdout}");
    for (line, path) in lines.iter().zip(&paths) {
        let v: Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["source"], path.to_string_lossy().as_ref(), "{line}");
    }
}
