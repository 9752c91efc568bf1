//! Extracts every `.txt` release in a folder and streams one JSON record
//! per line (NDJSON) as each is read, with an error line for any file that
//! cannot be read or decoded: nothing is dropped silently.
//!
//! ```text
//! cargo run -p pressrelease --example stream_folder -- path/to/folder > records.ndjson
//! ```
//!
//! Without an argument it reads the sample releases shipped with the crate.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use pressrelease::{ErrorKind, Extractor, ExtractorBuilder};

fn main() -> ExitCode {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data")));
    match run(&dir) {
        Ok((ok, failed)) => {
            eprintln!("stream_folder: {ok} records, {failed} errors");
            if failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(err) => {
            eprintln!("stream_folder: {}: {err}", dir.display());
            ExitCode::from(2)
        }
    }
}

fn run(dir: &PathBuf) -> io::Result<(usize, usize)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();

    // One extractor for every file: it holds no state between calls.
    let extractor: Extractor = ExtractorBuilder::new().max_bytes(4 * 1024 * 1024).build();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let (mut ok, mut failed) = (0, 0);
    for path in &paths {
        let source = path.display().to_string();
        let result = std::fs::read(path)
            .map_err(|err| pressrelease::Error::new(ErrorKind::Io, err.to_string()))
            .and_then(|bytes| extractor.extract_bytes(&bytes));
        let line = match result {
            Ok(mut release) => {
                ok += 1;
                release.source = Some(source);
                serde_json::to_string(&release).map_err(io::Error::other)?
            }
            Err(err) => {
                failed += 1;
                serde_json::json!({
                    "source": source,
                    "error": { "kind": err.kind().as_str(), "message": err.to_string() },
                })
                .to_string()
            }
        };
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok((ok, failed))
}
