//! The command line: inputs, outputs and exit codes.

use std::io::Write;
use std::process::Stdio;

use crate::invented::bin;

#[test]
fn stdin_to_pretty_json() {
    let mut child = bin()
        .arg("extract")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"PRESS RELEASE\n\nAcme Opens a Mill\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["headline"], "Acme Opens a Mill");
    assert_eq!(v["source"], "-");
}

#[test]
fn unreadable_input_gives_error_line_and_exit_1() {
    let out = bin()
        .args(["extract", "--ndjson", "no/such/file.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["source"], "no/such/file.txt");
    assert_eq!(v["error"]["kind"], "io");
}

#[test]
fn usage_error_exits_2() {
    let out = bin().args(["extract", "--no-such-flag"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
