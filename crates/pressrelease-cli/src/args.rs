//! The command line's flags.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Turn press releases into JSON records.
///
/// Example:
///
///   pressrelease extract release.txt
///
///   pressrelease extract --glob '*.txt' archive/ > records.ndjson
///
///   pressrelease extract --output-dir records/ --skip-existing archive/
///
///   pressrelease extract --input ndjson --text-field body < scraped.ndjson
#[derive(Parser)]
#[command(name = "pressrelease", version, about, long_about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Extract the record of each input and print it as JSON.
    ///
    /// One file (or standard input) prints one pretty JSON record; several
    /// inputs, a directory, NDJSON input or --ndjson print one compact
    /// record per line with its "source", in input order. An input that
    /// cannot be read prints an error line instead, the run goes on, and the
    /// exit status is then 1 (2 for a usage error).
    Extract(ExtractArgs),
    /// Print the JSON Schema of the record that `extract` prints.
    Schema,
    /// Write one self-contained HTML page showing each release's text with
    /// every extracted span highlighted, beside a table of its record.
    Review(crate::review::ReviewArgs),
}

/// What the inputs hold.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Each file (or standard input) is one release.
    Text,
    /// Each line is a JSON object whose --text-field holds a release; the
    /// other fields pass through under "input".
    Ndjson,
}

/// How records are printed.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Pretty-printed JSON, one document per record.
    Json,
    /// One compact record per line.
    Ndjson,
}

#[derive(clap::Args)]
pub struct ExtractArgs {
    /// Files and directories to read; none, or "-", reads standard input.
    /// Directories are walked recursively, in name order.
    pub paths: Vec<PathBuf>,
    /// What the inputs hold.
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    pub input: InputFormat,
    /// With --input ndjson: the field that holds the release text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,
    /// In directories, read only files whose path (relative to the
    /// directory) matches this glob, e.g. '*.txt'; may be repeated. Files
    /// named on the command line are always read.
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    /// In directories, also read hidden files and directories (names
    /// starting with a dot).
    #[arg(long)]
    pub hidden: bool,
    /// Output format; by default pretty JSON for a single file or standard
    /// input and for --output-dir files, NDJSON otherwise.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Same as --format ndjson.
    #[arg(long, conflicts_with = "format")]
    pub ndjson: bool,
    /// Print a single input's record on one line (same as --format ndjson).
    #[arg(long, conflicts_with = "format")]
    pub compact: bool,
    /// Write one .json file per input under DIR, mirroring the input tree,
    /// instead of printing records; error lines still go to standard
    /// output.
    #[arg(long, value_name = "DIR")]
    pub output_dir: Option<PathBuf>,
    /// With --output-dir: leave inputs whose output file already exists
    /// (to resume an interrupted run).
    #[arg(long, requires = "output_dir")]
    pub skip_existing: bool,
    /// How many inputs to extract at once; by default, every core.
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Print records as they finish rather than in input order.
    #[arg(long)]
    pub unordered: bool,
    /// Flush standard output after every record (for co-processes that
    /// wait for each answer).
    #[arg(long)]
    pub line_buffered: bool,
    /// Stop at the first input that fails (after printing its error line).
    #[arg(long)]
    pub fail_fast: bool,
    /// Print no progress bar, summary or error messages on standard error.
    #[arg(short, long)]
    pub quiet: bool,
    /// Print the summary on standard error even when it is not a terminal.
    #[arg(long, conflicts_with = "quiet")]
    pub summary: bool,
    /// Refuse inputs larger than this many bytes (error kind "too_large").
    #[arg(long, value_name = "BYTES", default_value_t = 16 * 1024 * 1024)]
    pub max_bytes: usize,
    /// Offset units to give beside the byte offsets (always given):
    /// "chars" adds char_start/char_end (Unicode scalar values, as Python
    /// indexes), "utf16" adds utf16_start/utf16_end (as JavaScript
    /// indexes). Comma-separated or repeated.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub offsets: Vec<crate::offsets::OffsetUnit>,
}
