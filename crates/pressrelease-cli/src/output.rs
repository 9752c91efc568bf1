//! Outputs: records and error lines as bytes, `.json` files under
//! --output-dir, and the plan that decides each input's output file.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use pressrelease::{Error, ErrorKind, Release};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::input::Job;

/// What became of one input.
pub enum Body {
    /// The record, serialised, ending with a newline.
    Record(Vec<u8>),
    /// The record went to its file under --output-dir.
    Written,
    /// The input was left alone (--skip-existing).
    Skipped,
    /// The input failed: its error line, ending with a newline.
    Failed {
        kind: &'static str,
        line: Vec<u8>,
        message: String,
    },
}

/// A record, with the NDJSON input's other fields under `input`.
#[derive(Serialize)]
struct RecordLine<'a> {
    #[serde(flatten)]
    release: &'a Release,
    #[serde(skip_serializing_if = "Option::is_none")]
    input: Option<&'a Map<String, Value>>,
}

/// The error line of the contract: `{"source", "error": {kind, message}}`.
#[derive(Serialize)]
struct ErrorLine<'a> {
    source: &'a str,
    error: ErrorBody<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    input: Option<&'a Map<String, Value>>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    kind: &'static str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    offset: Option<usize>,
}

/// Serialises `release` (pretty or compact), ending with a newline.
pub fn record(release: &Release, input: Option<&Map<String, Value>>, pretty: bool) -> Vec<u8> {
    let line = RecordLine { release, input };
    let mut out = Vec::with_capacity(4096);
    let written = if pretty {
        serde_json::to_writer_pretty(&mut out, &line)
    } else {
        serde_json::to_writer(&mut out, &line)
    };
    // Serialising our own types into memory cannot fail.
    debug_assert!(written.is_ok());
    out.push(b'\n');
    out
}

/// The failure of `source` as a [`Body::Failed`] with its compact error line.
pub fn failed(source: &str, err: &Error, input: Option<&Map<String, Value>>) -> Body {
    let message = format!("{source}: {err}");
    let line = ErrorLine {
        source,
        error: ErrorBody {
            kind: err.kind().as_str(),
            message: &message,
            offset: err.offset(),
        },
        input,
    };
    let mut out = serde_json::to_vec(&line).unwrap_or_default();
    out.push(b'\n');
    Body::Failed {
        kind: err.kind().as_str(),
        line: out,
        message,
    }
}

/// Writes `bytes` to `path` through a temporary file and a rename, so that
/// an interrupted run never leaves a half-written output that
/// --skip-existing would then keep.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let fail = |e: io::Error| {
        Error::new(
            ErrorKind::Io,
            format!("cannot write {}: {e}", path.display()),
        )
    };
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(fail)?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".part");
    fs::write(&tmp, bytes).map_err(fail)?;
    fs::rename(&tmp, path).map_err(fail)
}

/// Decides each input's output file under --output-dir, in input order.
pub struct Planner {
    dir: PathBuf,
    skip_existing: bool,
    taken: HashSet<PathBuf>,
}

impl Planner {
    pub fn new(dir: PathBuf, skip_existing: bool) -> Planner {
        Planner {
            dir,
            skip_existing,
            taken: HashSet::new(),
        }
    }

    /// The job to run for `job`, with its output file: `Skipped` when the
    /// output exists and --skip-existing is on, `Failed` when an earlier
    /// input already claimed the same output file.
    pub fn plan(&mut self, job: Job) -> (Job, Option<PathBuf>) {
        let Job::File { path, source, rel } = job else {
            return (job, None);
        };
        let out = self.dir.join(rel.with_extension("json"));
        if !self.taken.insert(out.clone()) {
            let message = format!(
                "its output {} is also the output of an earlier input",
                out.display()
            );
            let error = Error::new(ErrorKind::Io, message);
            return (Job::Failed { source, error }, None);
        }
        if self.skip_existing && out.exists() {
            return (Job::Skipped, None);
        }
        (Job::File { path, source, rel }, Some(out))
    }
}
