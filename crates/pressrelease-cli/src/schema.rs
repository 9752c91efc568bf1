//! `pressrelease schema`: the JSON Schema of the record.

use std::io::{self, Write};
use std::process::ExitCode;

/// Prints the schema, pretty, to standard output.
pub(crate) fn run() -> ExitCode {
    let schema = pressrelease::json_schema();
    let text = match serde_json::to_string_pretty(&schema) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("pressrelease: cannot print the schema: {err}");
            return ExitCode::from(2);
        }
    };
    let mut out = io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("pressrelease: {err}");
            ExitCode::from(2)
        }
    }
}
