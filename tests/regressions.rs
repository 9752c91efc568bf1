//! Replays every input in `fuzz/regressions/`: inputs that once crashed or
//! broke a rule, kept so they never do again (as regex keeps its fuzz
//! crashes). Each goes through `extract_bytes`, and through `extract` as
//! text, with all the record checks.

use std::path::{Path, PathBuf};

use crate::invariants::{check_bytes, check_str};

fn inputs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_none_or(|e| e != "md"))
        .collect();
    paths.sort();
    paths
}

#[test]
fn fuzz_regressions_hold() {
    let mut failures = Vec::new();
    let paths = inputs();
    assert!(!paths.is_empty(), "no regression inputs found");
    for path in &paths {
        let bytes = std::fs::read(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        // A panic in one input is reported with its name, not as a bare
        // abort of the whole test.
        let outcome = std::panic::catch_unwind(|| {
            check_bytes(&bytes)?;
            check_str(&String::from_utf8_lossy(&bytes)).map(|_| ())
        });
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(why)) => failures.push(format!("{name}: {why}")),
            Err(_) => failures.push(format!("{name}: panicked")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} regression inputs fail:\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n")
    );
}
