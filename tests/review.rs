//! `pressrelease review`: the page is written, self-contained, and renders
//! in Debian's headless chromium with a highlight for every span of the
//! records.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::invented::{bin, extract, inputs, objects, root};

/// The chromium binary, if installed.
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser"].into_iter().find(|name| {
        Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// Runs headless chromium on `page` with the flags that keep it off the
/// network; returns its standard output.
fn chromium_run(chromium: &str, page: &Path, profile: &Path, extra: &[String]) -> String {
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pressrelease-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Counts spans and mentions in records: (start/end pairs of people and
/// organisations mentions, all start/end pairs).
fn pairs(records: &[serde_json::Value]) -> (usize, usize) {
    let (mut mentions, mut all) = (0, 0);
    for record in records {
        objects(record, &mut |obj| {
            if obj.contains_key("start") {
                all += 1;
                mentions += usize::from(obj.contains_key("text"));
            }
        });
    }
    (mentions, all)
}

#[test]
fn review_page_renders_in_headless_chromium() {
    let dir = temp_dir("review");
    let page = dir.join("review.html");
    let mut paths = inputs();
    paths.push(root().join("tests/data/no-such-release.txt"));
    let out = bin()
        .arg("review")
        .args(&paths)
        .arg("-o")
        .arg(&page)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "one input is missing");
    let html = std::fs::read_to_string(&page).unwrap();
    for banned in ["<link", " src=", "href=\"http", "url(", "@import"] {
        assert!(!html.contains(banned), "page loads something: {banned}");
    }
    assert!(html.contains("Content-Security-Policy"));
    assert_eq!(
        html.matches("<section class=\"release\"").count(),
        paths.len()
    );
    // The release text is shown, escaped, with its non-ASCII intact.
    assert!(html.contains("Økobyen Ålesund"));
    assert!(html.contains("&quot;This plant doubles our output,&quot;"));

    let records = extract(&[], &paths[..paths.len() - 1]);
    let (mentions, all) = pairs(&records);
    // Every mention is a mark; blocks and dateline parts add more.
    let marks = html.matches("<mark class=\"hl k-").count();
    assert!(marks >= mentions, "{marks} marks for {mentions} mentions");
    let with_marks = html.matches("data-kind=\"person\"").count()
        + html.matches("data-kind=\"organisation\"").count();
    assert!(with_marks >= mentions);
    eprintln!(
        "review page: {marks} marks for {all} spans in {} records",
        records.len()
    );

    let Some(chromium) = chromium() else {
        eprintln!(
            "SKIPPED review_page_renders_in_headless_chromium (browser part): chromium is not installed; .ci/run installs it"
        );
        return;
    };
    let profile = dir.join("profile");
    let dom = chromium_run(chromium, &page, &profile, &["--dump-dom".into()]);
    assert!(
        dom.contains("data-ready=\"yes\""),
        "the page's script did not run"
    );
    // The script counted the marks by kind, people and organisations among them.
    assert!(dom.contains("data-marks=\"") && dom.contains(" person:"));
    assert_eq!(
        dom.matches("<mark class=\"hl k-").count(),
        marks,
        "DOM lost marks"
    );
    assert!(dom.contains("1 failed"));
    let shot = dir.join("review.png");
    chromium_run(
        chromium,
        &page,
        &profile,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1400,1200".into(),
        ],
    );
    let png = std::fs::read(&shot).expect("chromium wrote the screenshot");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "screenshot is empty"
    );
    if std::env::var_os("REVIEW_KEEP").is_some() {
        eprintln!("kept {}", dir.display());
    } else {
        std::fs::remove_dir_all(&dir).ok();
    }
}

#[test]
fn review_without_inputs_is_a_usage_error() {
    let out = bin().arg("review").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
