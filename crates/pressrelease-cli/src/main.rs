//! The `pressrelease` command: reads releases, calls the library, writes
//! JSON records.

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use pressrelease::{Error, ErrorKind, Extractor, ExtractorBuilder, Release};
use serde::Serialize;

mod offsets;
mod review;
mod schema;

/// Turn press releases into JSON records.
///
/// Example:
///
///   pressrelease extract release.txt
///
///   pressrelease extract --ndjson releases/*.txt > records.ndjson
#[derive(Parser)]
#[command(name = "pressrelease", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract the record of each input and print it as JSON.
    ///
    /// One input prints one pretty JSON record; several inputs, or
    /// --ndjson, print one compact record per line with its "source". An
    /// input that cannot be read prints an error line instead, and the exit
    /// status is then 1.
    Extract(ExtractArgs),
    /// Print the JSON Schema of the record that `extract` prints.
    Schema,
    /// Write one self-contained HTML page showing each release's text with
    /// every extracted span highlighted, beside a table of its record.
    Review(review::ReviewArgs),
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Files to read; none, or "-", reads standard input.
    paths: Vec<PathBuf>,
    /// Print one compact record per line (NDJSON).
    #[arg(long)]
    ndjson: bool,
    /// Print a single input's record on one line.
    #[arg(long)]
    compact: bool,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    max_bytes: usize,
    /// Offset units to give beside the byte offsets (always given):
    /// "chars" adds char_start/char_end (Unicode scalar values, as Python
    /// indexes), "utf16" adds utf16_start/utf16_end (as JavaScript
    /// indexes). Comma-separated or repeated.
    #[arg(long, value_enum, value_delimiter = ',')]
    offsets: Vec<offsets::OffsetUnit>,
}

/// The error line of the contract: `{"source", "error": {kind, message}}`.
#[derive(Serialize)]
struct ErrorLine<'a> {
    source: &'a str,
    error: ErrorBody<'a>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    kind: &'static str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    offset: Option<usize>,
    #[serde(skip)]
    _source: std::marker::PhantomData<&'a ()>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(args) => match run_extract(&args) {
            Ok(code) => code,
            Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("pressrelease: {err}");
                ExitCode::from(2)
            }
        },
        Command::Schema => schema::run(),
        Command::Review(args) => review::run(&args),
    }
}

fn run_extract(args: &ExtractArgs) -> io::Result<ExitCode> {
    let mut builder = ExtractorBuilder::new();
    builder.max_bytes(args.max_bytes);
    offsets::OffsetUnit::apply(&args.offsets, &mut builder);
    let extractor = builder.build();
    let paths: Vec<PathBuf> = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths.clone()
    };
    let ndjson = args.ndjson || paths.len() > 1;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for path in &paths {
        let source = path.to_string_lossy();
        let line = match extract_one(&extractor, path, &source) {
            Ok(release) => {
                if ndjson || args.compact {
                    serde_json::to_string(&release)
                } else {
                    serde_json::to_string_pretty(&release)
                }
            }
            Err(err) => {
                failed = true;
                eprintln!("pressrelease: {source}: {err}");
                serde_json::to_string(&ErrorLine {
                    source: &source,
                    error: ErrorBody {
                        kind: err.kind().as_str(),
                        message: format!("{source}: {err}"),
                        offset: err.offset(),
                        _source: std::marker::PhantomData,
                    },
                })
            }
        };
        writeln!(out, "{}", line.map_err(io::Error::other)?)?;
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn extract_one(extractor: &Extractor, path: &PathBuf, source: &str) -> Result<Release, Error> {
    let bytes = if source == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Error::new(ErrorKind::Io, format!("cannot read standard input: {e}")))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| Error::new(ErrorKind::Io, format!("cannot read: {e}")))?
    };
    let mut release = extractor.extract_bytes(&bytes)?;
    release.source = Some(source.to_string());
    Ok(release)
}
