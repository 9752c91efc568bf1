//! Extracts one release file and prints its record as pretty JSON.
//!
//! ```text
//! cargo run -p pressrelease --example extract_file -- path/to/release.txt
//! ```
//!
//! Without an argument it reads a sample release shipped with the crate.
//! A file that is not text exits with status 1 and says where it broke.

use std::process::ExitCode;

fn main() -> ExitCode {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/data/harbour-fair.txt"
        )
        .to_string()
    });
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("extract_file: cannot read {path}: {err}");
            return ExitCode::from(1);
        }
    };
    // `extract_bytes` decodes UTF-8 or UTF-16 first; `extract` takes a &str.
    match pressrelease::extract_bytes(&bytes) {
        Ok(mut release) => {
            release.source = Some(path);
            match serde_json::to_string_pretty(&release) {
                Ok(json) => {
                    println!("{json}");
                    ExitCode::SUCCESS
                }
                Err(err) => {
                    eprintln!("extract_file: {err}");
                    ExitCode::from(1)
                }
            }
        }
        Err(err) => {
            // e.g. "input is not valid UTF-8 at byte offset 1042" (kind: decode)
            eprintln!("extract_file: {path}: {err} (kind: {})", err.kind());
            ExitCode::from(1)
        }
    }
}
