//! Invented releases shared by the end-to-end tests, and the inputs they
//! read: every `fixtures/*.txt` plus `tests/data/*.txt`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The `pressrelease` binary under test.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pressrelease"))
}

/// Runs the binary with `args`, feeding `stdin` from a thread (so a large
/// input cannot dead-lock on full pipes) and collecting its output. A
/// broken pipe is ignored: the CLI may refuse before reading everything.
pub fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
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

/// Small invented inputs at the edges of the format, written to a fresh
/// temporary folder: empty, headline only, CRLF with a byte-order mark,
/// UTF-16LE, tabs and NBSPs, and Markdown markup.
pub fn edge_inputs(name: &str) -> Vec<PathBuf> {
    let dir = std::env::temp_dir().join(format!("pressrelease-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let utf16: Vec<u8> = b"\xFF\xFE"
        .iter()
        .copied()
        .chain(
            "PRESS RELEASE\n\nCafé 🎉 Night in Örebro\n\nÖREBRO, 1 May 2031 - The café opened.\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let cases: &[(&str, &[u8])] = &[
        ("empty.txt", b""),
        ("headline-only.txt", b"Mill Opens in Eastholm\n"),
        (
            "crlf-bom.txt",
            "\u{feff}PRESS RELEASE\r\n\r\nNew Ferry for Søby\r\n\r\nSØBY, 2 June 2031 \u{2013} A ferry sailed.\r\n"
                .as_bytes(),
        ),
        ("utf16.txt", &utf16),
        (
            "spaces.txt",
            "STATEMENT\n\n\tThe\u{a0}Board\u{a0}of\u{a0}Trade  met\ttoday.\n\n\u{a0}\n".as_bytes(),
        ),
        (
            "markdown.txt",
            "# **Hartwell Fund** Backs *New* Clinic\n\n**HARTWELL, 5 July 2031** - The [Hartwell Fund](https://fund.example) gave \\*two\\* grants.\n"
                .as_bytes(),
        ),
    ];
    cases
        .iter()
        .map(|(file, bytes)| {
            let path = dir.join(file);
            std::fs::write(&path, bytes).unwrap();
            path
        })
        .collect()
}
