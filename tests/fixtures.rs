//! Data-driven fixtures: every `fixtures/<name>.txt` is run through
//! [`pressrelease::extract`] and compared with the blessed `fixtures/<name>.json`.
//!
//! - `FIXTURE=substr` runs only the fixtures whose name contains `substr`.
//! - `BLESS=1` rewrites the expected `.json` files from the current output.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// The fixture inputs, sorted by name, filtered by `FIXTURE`.
fn inputs() -> Vec<(String, PathBuf)> {
    let filter = std::env::var("FIXTURE").unwrap_or_default();
    let mut found: Vec<(String, PathBuf)> = fs::read_dir(fixtures_dir())
        .expect("fixtures/ directory is readable")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .filter_map(|path| {
            let name = path.file_stem()?.to_str()?.to_owned();
            Some((name, path))
        })
        .filter(|(name, _)| name.contains(&filter))
        .collect();
    found.sort();
    found
}

fn read_input(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn output(input: &str) -> Value {
    serde_json::to_value(pressrelease::extract(input)).expect("a release serialises")
}

/// The JSON path of the first difference between `want` and `got`, with both values.
fn first_difference(path: &str, want: &Value, got: &Value) -> Option<(String, Value, Value)> {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            let mut keys: Vec<&String> = w.keys().chain(g.keys()).collect();
            keys.sort();
            keys.dedup();
            keys.into_iter().find_map(|key| {
                let (w, g) = (
                    w.get(key).unwrap_or(&Value::Null),
                    g.get(key).unwrap_or(&Value::Null),
                );
                first_difference(&format!("{path}.{key}"), w, g)
            })
        }
        (Value::Array(w), Value::Array(g)) => {
            let found = w
                .iter()
                .zip(g)
                .enumerate()
                .find_map(|(i, (w, g))| first_difference(&format!("{path}[{i}]"), w, g));
            found.or_else(|| {
                (w.len() != g.len()).then(|| {
                    (
                        format!("{path}.length"),
                        Value::from(w.len()),
                        Value::from(g.len()),
                    )
                })
            })
        }
        _ => (want != got).then(|| (path.to_owned(), want.clone(), got.clone())),
    }
}

#[test]
fn fixtures_match_blessed_output() {
    let bless = std::env::var_os("BLESS").is_some_and(|v| !v.is_empty() && v != "0");
    let cases = inputs();
    assert!(
        !cases.is_empty() || std::env::var_os("FIXTURE").is_some(),
        "no fixtures/*.txt found"
    );
    let mut failures = String::new();
    for (name, path) in &cases {
        let input = read_input(path);
        let expected_path = path.with_extension("json");
        if bless {
            // Serialise the record itself, not a `Value`, to keep the schema's field order.
            let release = pressrelease::extract(&input);
            let mut text = serde_json::to_string_pretty(&release).expect("serialises");
            text.push('\n');
            fs::write(&expected_path, text)
                .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
            continue;
        }
        let got = output(&input);
        let Ok(expected_text) = fs::read_to_string(&expected_path) else {
            let _ = writeln!(
                failures,
                "{name}: no {name}.json (run with BLESS=1 to create it)"
            );
            continue;
        };
        let want: Value = match serde_json::from_str(&expected_text) {
            Ok(v) => v,
            Err(e) => {
                let _ = writeln!(failures, "{name}: {name}.json is not valid JSON: {e}");
                continue;
            }
        };
        if let Some((at, w, g)) = first_difference("$", &want, &got) {
            let _ = writeln!(
                failures,
                "{name}: at {at}\n  expected: {w}\n  got:      {g}"
            );
        }
    }
    assert!(
        failures.is_empty(),
        "fixture output differs (BLESS=1 cargo test --workspace fixtures to accept):\n{failures}"
    );
}

/// Checks every `{start, end}` object under `value`; a mention's `text` must be the slice.
fn check_spans(input: &str, path: &str, value: &Value, problems: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let (Some(start), Some(end)) = (
                map.get("start").and_then(Value::as_u64),
                map.get("end").and_then(Value::as_u64),
            ) {
                let (start, end) = (
                    usize::try_from(start).unwrap_or(usize::MAX),
                    usize::try_from(end).unwrap_or(usize::MAX),
                );
                match input.get(start..end) {
                    None => problems.push(format!(
                        "{path}: span {start}..{end} is not on char boundaries within {} bytes",
                        input.len()
                    )),
                    Some(slice) => {
                        if let Some(text) = map.get("text").and_then(Value::as_str) {
                            if text != slice {
                                problems.push(format!(
                                    "{path}: mention text {text:?} != input[{start}..{end}] {slice:?}"
                                ));
                            }
                        }
                    }
                }
            }
            for (key, child) in map {
                check_spans(input, &format!("{path}.{key}"), child, problems);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                check_spans(input, &format!("{path}[{i}]"), child, problems);
            }
        }
        _ => {}
    }
}

#[test]
fn fixture_spans_point_into_the_input() {
    let mut problems = Vec::new();
    for (name, path) in inputs() {
        let input = read_input(&path);
        let got = output(&input);
        check_spans(&input, &name, &got, &mut problems);
    }
    assert!(problems.is_empty(), "bad spans:\n{}", problems.join("\n"));
}

#[test]
fn span_checker_and_differ_catch_problems() {
    let input = "Café Nord opened.";
    let good = serde_json::json!({"mentions": [{"text": "Café", "start": 0, "end": 5}]});
    let wrong_text = serde_json::json!({"mentions": [{"text": "Caf", "start": 0, "end": 5}]});
    let mid_char = serde_json::json!({"span": {"start": 4, "end": 9}});
    let too_long = serde_json::json!({"span": {"start": 0, "end": 99}});
    for (value, expected_problems) in [(good, 0), (wrong_text, 1), (mid_char, 1), (too_long, 1)] {
        let mut problems = Vec::new();
        check_spans(input, "$", &value, &mut problems);
        assert_eq!(problems.len(), expected_problems, "{value}: {problems:?}");
    }
    let want = serde_json::json!({"people": [{"name": "Ana"}], "lists": []});
    let got = serde_json::json!({"people": [{"name": "Ana"}], "lists": [{"items": []}]});
    assert_eq!(
        first_difference("$", &want, &got).map(|d| d.0).as_deref(),
        Some("$.lists.length")
    );
    assert_eq!(first_difference("$", &want, &want), None);
}
