//! Batch use: directories, output folders, NDJSON in and out, and the
//! filter mode that engines such as Spark's `RDD.pipe` or `xargs -P` drive.
//!
//! Inputs are invented and written to a temporary folder per test.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::{Value, json};

use crate::invented::{bin, run_with_stdin};

/// A short invented release numbered `k`.
fn release(k: usize) -> String {
    format!(
        "PRESS RELEASE\n\nHarbour Trust Opens Pier {k}\n\nPORT ELLIS, 3 May 2024 - The Harbour \
         Trust opened pier {k} today, said Ms. Ada Quill, Director of the Trust.\n"
    )
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

/// The folder of the issue: good, empty, binary, Windows-1252, UTF-16 and a
/// broken symlink, named so that name order is input order.
fn mixed_folder(dir: &Path) {
    write(&dir.join("1-good.txt"), release(1));
    write(&dir.join("2-empty.txt"), "");
    write(
        &dir.join("3-binary.txt"),
        b"\x7fELF\x02\x01\x01\0\0\0\0\x03\0>\0",
    );
    write(
        &dir.join("4-legacy.txt"),
        b"Le caf\xe9 du port ouvre \x96 dit la mairie.\n",
    );
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(release(5).encode_utf16().flat_map(u16::to_le_bytes));
    write(&dir.join("5-utf16.txt"), utf16);
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("no-such-target.txt"), dir.join("6-broken.txt")).unwrap();
}

#[test]
fn mixed_folder_gives_one_line_per_input_in_order() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    mixed_folder(&dir);
    let want = [
        ("1-good.txt", Ok("UTF-8")),
        ("2-empty.txt", Ok("UTF-8")),
        ("3-binary.txt", Err("not_text")),
        ("4-legacy.txt", Ok("windows-1252")),
        ("5-utf16.txt", Ok("UTF-16LE")),
        ("6-broken.txt", Err("io")),
    ];
    for jobs in ["1", "3"] {
        let out = bin()
            .args(["extract", "-q", "--jobs", jobs])
            .arg(&dir)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "jobs {jobs}");
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let got: Vec<(String, Result<String, String>)> = lines(&out)
            .iter()
            .map(|v| {
                let source = v["source"].as_str().unwrap();
                let name = Path::new(source)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                let what = match v.get("error") {
                    Some(e) => Err(e["kind"].as_str().unwrap().to_string()),
                    None => Ok(v["encoding"].as_str().unwrap().to_string()),
                };
                (name, what)
            })
            .collect();
        let want: Vec<(String, Result<String, String>)> = want
            .iter()
            .map(|(n, w)| (n.to_string(), w.map(String::from).map_err(String::from)))
            .collect();
        assert_eq!(got, want, "jobs {jobs}");
        let records = lines(&out);
        assert_eq!(records[0]["headline"], "Harbour Trust Opens Pier 1");
        assert_eq!(records[1]["headline"], Value::Null);
        assert_eq!(
            records[3]["headline"],
            "Le caf\u{e9} du port ouvre - dit la mairie."
        );
        assert_eq!(records[4]["headline"], "Harbour Trust Opens Pier 5");
    }
}

#[test]
fn glob_and_hidden_filter_the_walk() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write(&dir.join("a.txt"), release(1));
    write(&dir.join("b.md"), release(2));
    write(&dir.join("sub/c.txt"), release(3));
    write(&dir.join(".cache/d.txt"), release(4));
    write(&dir.join(".e.txt"), release(5));
    let sources = |extra: &[&str]| -> Vec<String> {
        let out = bin().arg("extract").args(extra).arg(dir).output().unwrap();
        assert!(out.status.success());
        // Not a terminal: no progress bar, no summary.
        assert!(out.stderr.is_empty());
        lines(&out)
            .iter()
            .map(|v| {
                let s = v["source"].as_str().unwrap();
                Path::new(s)
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    };
    assert_eq!(sources(&["--glob", "*.txt"]), ["a.txt", "sub/c.txt"]);
    assert_eq!(sources(&[]), ["a.txt", "b.md", "sub/c.txt"]);
    assert_eq!(
        sources(&["--glob", "*.txt", "--hidden"]),
        [".cache/d.txt", ".e.txt", "a.txt", "sub/c.txt"]
    );
}

#[test]
fn output_dir_then_skip_existing_regenerates_exactly_the_missing() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("archive");
    let output = tmp.path().join("records");
    let names = [
        "2024/a.txt",
        "2024/b.txt",
        "2025/c.txt",
        "2025/deep/d.txt",
        "e.txt",
    ];
    for (k, name) in names.iter().enumerate() {
        write(&input.join(name), release(k));
    }
    let run = |extra: &[&str]| {
        let out = bin()
            .args(["extract", "-q", "--output-dir"])
            .arg(&output)
            .args(extra)
            .arg(&input)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stdout.is_empty());
    };
    run(&[]);
    let json = |name: &str| output.join(Path::new(name).with_extension("json"));
    for (k, name) in names.iter().enumerate() {
        let v: Value = serde_json::from_slice(&fs::read(json(name)).unwrap()).unwrap();
        assert_eq!(v["headline"], format!("Harbour Trust Opens Pier {k}"));
    }
    // Mark the outputs that stay, delete two, and resume.
    for name in names {
        fs::write(json(name), "kept").unwrap();
    }
    fs::remove_file(json("2024/b.txt")).unwrap();
    fs::remove_file(json("2025/deep/d.txt")).unwrap();
    run(&["--skip-existing", "--jobs", "2"]);
    for name in names {
        let got = fs::read_to_string(json(name)).unwrap();
        let regenerated = name == "2024/b.txt" || name == "2025/deep/d.txt";
        assert_eq!(got != "kept", regenerated, "{name}");
        if regenerated {
            let v: Value = serde_json::from_str(&got).unwrap();
            assert!(v["source"].as_str().unwrap().ends_with(name));
        }
    }
    // Nothing else was written: no temporary files, no extra outputs.
    let count = walk_count(&output);
    assert_eq!(count, names.len());
}

fn walk_count(dir: &Path) -> usize {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                walk_count(&e.path())
            } else {
                1
            }
        })
        .sum()
}

#[test]
fn ndjson_input_round_trips_other_fields() {
    let inputs = [
        json!({"id": 7, "url": "https://example.org/a", "tags": ["x", "y"], "meta": {"lang": "en", "n": 1.5}, "body": release(7)}),
        json!({"body": release(8), "id": "eight", "empty": null}),
        json!({"id": 9, "body": 42}),
        json!({"id": 10}),
    ];
    let stdin: String = inputs.iter().map(|v| format!("{v}\n")).collect();
    let out = run_with_stdin(
        &["extract", "-q", "--input", "ndjson", "--text-field", "body"],
        stdin.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert_eq!(got.len(), inputs.len());
    for (k, (input, got)) in inputs.iter().zip(&got).enumerate() {
        let mut rest = input.as_object().unwrap().clone();
        rest.remove("body");
        assert_eq!(got["input"], Value::Object(rest), "line {k}");
        assert_eq!(got["source"], format!("-:{}", k + 1));
    }
    assert_eq!(got[0]["headline"], "Harbour Trust Opens Pier 7");
    assert_eq!(got[1]["headline"], "Harbour Trust Opens Pier 8");
    assert_eq!(got[2]["error"]["kind"], "not_text");
    assert_eq!(got[3]["error"]["kind"], "not_text");
}

/// As Spark's `RDD.pipe` runs a command: one thread feeds records on stdin
/// while another reads stdout, one line out per line in, same order.
#[test]
fn filter_mode_as_an_engine_runs_it() {
    let n = 300;
    let mut child = bin()
        .args([
            "extract",
            "-q",
            "--input",
            "ndjson",
            "--text-field",
            "text",
            "--jobs",
            "2",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        for k in 0..n {
            let line = json!({"partition": k % 4, "row": k, "text": release(k)});
            match k % 100 {
                // A broken line and a blank one still get their line out.
                50 => writeln!(stdin, "{{\"row\": {k}, \"text\": trunc").unwrap(),
                99 => writeln!(stdin).unwrap(),
                _ => writeln!(stdin, "{line}").unwrap(),
            }
        }
        // Dropping stdin closes it, as the engine does at the partition end.
    });
    let mut rows = 0;
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let v: Value = serde_json::from_str(&line.unwrap()).unwrap();
        let k = rows;
        assert_eq!(v["source"], format!("-:{}", k + 1));
        match k % 100 {
            50 => assert_eq!(v["error"]["kind"], "decode"),
            99 => assert_eq!(v["error"]["kind"], "not_text"),
            _ => {
                assert_eq!(v["input"]["row"], k);
                assert_eq!(v["headline"], format!("Harbour Trust Opens Pier {k}"));
            }
        }
        rows += 1;
    }
    feeder.join().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(1));
    assert_eq!(rows, n);
    assert_eq!(stderr, "", "-q keeps stderr clean");
}

/// The `xargs -P` recipe of docs/batch.md: several processes over a file
/// list, each writing its own outputs.
#[test]
#[cfg(unix)]
fn xargs_recipe_covers_every_file() {
    let tmp = tempfile::tempdir().unwrap();
    let n = 40;
    for k in 0..n {
        write(
            &tmp.path().join(format!("archive/{:02}/r{k}.txt", k % 5)),
            release(k),
        );
    }
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "find archive -name '*.txt' -print0 | xargs -0 -P 2 -n 8 '{}' extract -q --output-dir records",
            env!("CARGO_BIN_EXE_pressrelease")
        ))
        .current_dir(tmp.path())
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(walk_count(&tmp.path().join("records/archive")), n);
}

#[test]
fn too_large_fail_fast_and_closed_stdout() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    for k in 0..50 {
        write(&dir.join(format!("r{k:02}.txt")), release(k));
    }
    write(&dir.join("r10.txt"), "x".repeat(5000));

    let out = bin()
        .args(["extract", "-q", "--max-bytes", "1000"])
        .arg(dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert_eq!(got.len(), 50);
    assert_eq!(got[10]["error"]["kind"], "too_large");

    let out = bin()
        .args([
            "extract",
            "-q",
            "--fail-fast",
            "-j",
            "2",
            "--max-bytes",
            "1000",
        ])
        .arg(dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let got = lines(&out);
    assert_eq!(got.len(), 11);
    assert_eq!(got[10]["error"]["kind"], "too_large");

    // `| head -n 1`: the reader goes away; the run ends quietly.
    let mut child = bin()
        .args(["extract", "-j", "2"])
        .args(std::iter::repeat_n(dir.join("r01.txt"), 3000))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("Pier 1"));
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["extract", "--skip-existing", "x.txt"][..],
        &["extract", "--jobs", "0", "x.txt"],
        &["extract", "--input", "ndjson", "--output-dir", "out"],
        &["extract", "--glob", "a[", "."],
    ] {
        let out = bin().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn output_dir_inside_the_input_is_not_read_back() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write(&dir.join("a.txt"), release(1));
    write(&dir.join("a.md"), release(2));
    for _ in 0..2 {
        let out = bin()
            .args(["extract", "-q", "--output-dir"])
            .arg(dir.join("out"))
            .arg(dir)
            .output()
            .unwrap();
        // a.md and a.txt both want out/a.json: the second gets an error
        // line instead of overwriting the first.
        assert_eq!(out.status.code(), Some(1));
        let got = lines(&out);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0]["source"].as_str().unwrap().ends_with("a.txt"));
        assert_eq!(got[0]["error"]["kind"], "io");
    }
    let v: Value = serde_json::from_slice(&fs::read(dir.join("out/a.json")).unwrap()).unwrap();
    assert!(v["source"].as_str().unwrap().ends_with("a.md"));
    assert_eq!(walk_count(&dir.join("out")), 1);
}
