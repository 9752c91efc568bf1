//! `extract --offsets chars,utf16`: every offset pair slices the same text
//! in bytes (Rust), chars (Python) and UTF-16 units (JavaScript).

use std::io::Write;
use std::process::{Command, Stdio};

use crate::invented::{edge_inputs, extract, inputs, objects, root};

/// The decoded text of an input, as the offsets index it.
fn text(path: &std::path::Path) -> String {
    pressrelease::decode(&std::fs::read(path).unwrap())
        .unwrap()
        .into_owned()
}

#[test]
fn every_pair_slices_alike_in_bytes_chars_and_utf16() {
    let mut paths = inputs();
    paths.extend(edge_inputs("offsets-rust"));
    let records = extract(&["--offsets", "chars,utf16"], &paths);
    let mut checked = 0;
    let mut failures = Vec::new();
    for (path, record) in paths.iter().zip(&records) {
        if record.get("error").is_some() {
            continue;
        }
        let text = text(path);
        let chars: Vec<char> = text.chars().collect();
        let units: Vec<u16> = text.encode_utf16().collect();
        objects(record, &mut |obj| {
            let (Some(start), Some(end)) = (obj.get("start"), obj.get("end")) else {
                return;
            };
            let n = |key: &str| obj.get(key).and_then(|v| v.as_u64()).map(|v| v as usize);
            let (start, end) = (
                start.as_u64().unwrap() as usize,
                end.as_u64().unwrap() as usize,
            );
            let by_bytes = &text[start..end];
            let (Some(cs), Some(ce), Some(us), Some(ue)) = (
                n("char_start"),
                n("char_end"),
                n("utf16_start"),
                n("utf16_end"),
            ) else {
                failures.push(format!(
                    "{}: pair {start}..{end} lacks units",
                    path.display()
                ));
                return;
            };
            let by_chars: String = chars[cs..ce].iter().collect();
            let by_units = String::from_utf16(&units[us..ue]).unwrap();
            if by_chars != by_bytes || by_units != by_bytes {
                failures.push(format!("{}: {start}..{end} differs", path.display()));
            }
            // An object with both `text` and offsets is a mention: verbatim.
            if obj
                .get("text")
                .is_some_and(|t| t.as_str() != Some(by_bytes))
            {
                failures.push(format!("{}: mention text differs", path.display()));
            }
            checked += 1;
        });
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 10, "only {checked} offset pairs checked");
}

#[test]
fn byte_offsets_only_by_default() {
    let path = root().join("tests/data/non-ascii.txt");
    let records = extract(&[], std::slice::from_ref(&path));
    let mut extra = 0;
    objects(&records[0], &mut |obj| {
        extra += obj
            .keys()
            .filter(|k| k.starts_with("char_") || k.starts_with("utf16_"))
            .count();
    });
    assert_eq!(extra, 0);
    let records = extract(&["--offsets", "chars"], &[path]);
    objects(&records[0], &mut |obj| {
        assert!(!obj.contains_key("utf16_start"));
        if obj.contains_key("start") {
            assert!(obj.contains_key("char_start") && obj.contains_key("char_end"));
        }
    });
}

/// What a Python consumer does: read the file as `str` and slice by the
/// char offsets. Skips where python3 is absent.
#[test]
fn char_offsets_slice_correctly_in_python() {
    let Ok(status) = Command::new("python3").arg("--version").output() else {
        eprintln!("SKIPPED char_offsets_slice_correctly_in_python: python3 is not installed");
        return;
    };
    assert!(status.status.success());
    let mut paths = inputs();
    paths.extend(edge_inputs("offsets-python"));
    let records = extract(&["--offsets", "chars"], &paths);
    let script = r#"
import json, sys
checked = 0
for line in sys.stdin:
    record = json.loads(line)
    if "error" in record:
        continue
    # Read bytes and decode as the tool does: a "\r\n" stays two chars.
    with open(record["source"], "rb") as f:
        raw = f.read()
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = raw.decode("utf-16")
    else:
        text = raw.decode("utf-8-sig")
    data = text.encode("utf-8")
    def walk(v):
        global checked
        if isinstance(v, dict):
            if "start" in v and "end" in v:
                by_chars = text[v["char_start"]:v["char_end"]]
                by_bytes = data[v["start"]:v["end"]].decode("utf-8")
                assert by_chars == by_bytes, (record["source"], by_chars, by_bytes)
                if "text" in v:
                    assert by_chars == v["text"], (by_chars, v["text"])
                checked += 1
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
    walk(record)
print(checked)
"#;
    let mut child = Command::new("python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut stdin = child.stdin.take().unwrap();
        for record in &records {
            writeln!(stdin, "{record}").unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "python slicing failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let checked: usize = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    assert!(checked >= 10, "python checked only {checked} pairs");
}
