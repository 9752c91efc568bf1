//! Invented releases shared by the end-to-end tests, and the inputs they
//! read: every `fixtures/*.txt` plus `tests/data/*.txt`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The `pressrelease` binary under test.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pressrelease"))
}

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `.txt` in `fixtures/` (when present) and `tests/data/`, sorted.
pub fn inputs() -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for dir in ["fixtures", "tests/data"] {
        let Ok(entries) = std::fs::read_dir(root().join(dir)) else {
            continue;
        };
        paths.extend(
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt")),
        );
    }
    paths.sort();
    paths
}

/// Runs `pressrelease extract --ndjson ARGS... PATHS...` and returns one
/// JSON value per line. An input the tool refuses (a fixture of bad bytes)
/// gives an error line, `{"source", "error"}`, which callers skip.
pub fn extract(args: &[&str], paths: &[PathBuf]) -> Vec<serde_json::Value> {
    let out = bin()
        .args(["extract", "--ndjson"])
        .args(args)
        .args(paths)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "extract failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// Calls `f` on every JSON object inside `value`, depth first.
pub fn objects<'a>(
    value: &'a serde_json::Value,
    f: &mut dyn FnMut(&'a serde_json::Map<String, serde_json::Value>),
) {
    match value {
        serde_json::Value::Object(map) => {
            f(map);
            map.values().for_each(|v| objects(v, f));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| objects(v, f)),
        _ => {}
    }
}
