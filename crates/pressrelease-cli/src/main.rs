//! The `pressrelease` command: reads releases, calls the library, writes
//! JSON records.
//!
//! `args` defines the flags, `input` turns paths into a lazy stream of
//! jobs, `batch` runs them in parallel and hands results back in order,
//! `output` serialises records and error lines, `progress` reports on
//! standard error.

mod args;
mod batch;
mod input;
mod offsets;
mod output;
mod progress;
mod review;
mod schema;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use pressrelease::{Error, ErrorKind, Extractor, ExtractorBuilder};
use serde_json::{Map, Value};

use crate::args::{Cli, Command, ExtractArgs, Format, InputFormat};
use crate::batch::Flow;
use crate::input::Job;
use crate::output::{Body, Planner};
use crate::progress::{Progress, Stats};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(args) => match run_extract(args) {
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

/// What every job needs, shared by the worker threads.
struct Context {
    extractor: Extractor,
    pretty: bool,
    text_field: String,
    max_bytes: usize,
}

/// A job with its output file, if it has one.
type Planned = (Job, Option<PathBuf>);

/// A finished job: how many input bytes it read, and what became of it.
struct Done {
    bytes: u64,
    body: Body,
}

fn run_extract(args: ExtractArgs) -> io::Result<ExitCode> {
    let usage = |msg: String| io::Error::new(io::ErrorKind::InvalidInput, msg);
    let ndjson_input = args.input == InputFormat::Ndjson;
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths.clone()
    };
    let single = !ndjson_input && paths.len() == 1 && !paths[0].is_dir();
    let format = match args.format {
        Some(f) => f,
        None if args.ndjson || args.compact => Format::Ndjson,
        None if single || args.output_dir.is_some() => Format::Json,
        None => Format::Ndjson,
    };
    let mut planner = match &args.output_dir {
        Some(dir) => {
            if ndjson_input || paths.iter().any(|p| p.as_os_str() == "-") {
                return Err(usage(
                    "--output-dir needs files or directories, not standard input or --input ndjson"
                        .into(),
                ));
            }
            std::fs::create_dir_all(dir)
                .map_err(|e| usage(format!("cannot create {}: {e}", dir.display())))?;
            Some(Planner::new(dir.clone(), args.skip_existing))
        }
        None => None,
    };
    let walk = input::Walk {
        globs: input::globs(&args.glob).map_err(|e| usage(format!("bad --glob: {e}")))?,
        hidden: args.hidden,
        exclude: args.output_dir.as_ref().and_then(|d| d.canonicalize().ok()),
    };
    let jobs: Box<dyn Iterator<Item = Job>> = if ndjson_input {
        // A line holds the text escaped, so allow it some room.
        let max_line = args.max_bytes.saturating_mul(2).saturating_add(1 << 16);
        Box::new(input::ndjson_jobs(args.paths.clone(), max_line))
    } else {
        Box::new(input::text_jobs(paths, walk))
    };
    let planned = jobs.map(move |job| match planner.as_mut() {
        Some(p) => p.plan(job),
        None => (job, None),
    });

    let ctx = Arc::new(Context {
        extractor: {
            let mut builder = ExtractorBuilder::new();
            builder.max_bytes(args.max_bytes);
            offsets::OffsetUnit::apply(&args.offsets, &mut builder);
            builder.build()
        },
        pretty: format == Format::Json,
        text_field: args.text_field.clone(),
        max_bytes: args.max_bytes,
    });
    let threads = match args.jobs {
        Some(n) => usize::from(n),
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let terminal = io::stderr().is_terminal();
    let mut progress = Progress::new(terminal && !args.quiet);
    let mut stats = Stats::default();
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());

    let work = {
        let ctx = ctx.clone();
        move |planned: Planned| process(&ctx, planned)
    };
    // Batches amortise thread wake-ups over small inputs; a co-process that
    // waits for each answer (--line-buffered) needs them one at a time.
    let batch = if args.line_buffered { 1 } else { 16 };
    let result = batch::run(
        planned,
        threads,
        batch,
        args.unordered,
        work,
        |done: Done| {
            stats.inputs += 1;
            stats.bytes += done.bytes;
            let mut flow = Flow::Continue;
            match done.body {
                Body::Record(bytes) => {
                    stats.records += 1;
                    out.write_all(&bytes)?;
                }
                Body::Written => stats.records += 1,
                Body::Skipped => stats.skipped += 1,
                Body::Failed {
                    kind,
                    line,
                    message,
                } => {
                    *stats.errors.entry(kind).or_default() += 1;
                    out.write_all(&line)?;
                    if !args.quiet {
                        progress.message(&format!("pressrelease: {message}"));
                    }
                    if args.fail_fast {
                        flow = Flow::Stop;
                    }
                }
            }
            if args.line_buffered {
                out.flush()?;
            }
            progress.update(&stats);
            Ok(flow)
        },
    );
    progress.finish();
    result.and_then(|()| out.flush())?;
    if args.summary || (terminal && !args.quiet) {
        eprintln!("{}", progress.summary(&stats));
    }
    Ok(if stats.failed() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads, decodes and extracts one input, and serialises (or writes) what
/// came of it.
fn process(ctx: &Context, (job, out): Planned) -> Done {
    let (source, bytes) = match job {
        Job::Skipped => {
            return Done {
                bytes: 0,
                body: Body::Skipped,
            };
        }
        Job::Failed { source, error } => {
            return Done {
                bytes: 0,
                body: output::failed(&source, &error, None),
            };
        }
        Job::Line { source, line } => return process_line(ctx, source, &line),
        Job::Stdin => ("-".to_string(), input::read_stdin(ctx.max_bytes)),
        Job::File { path, source, .. } => {
            let bytes = input::read_file(&path, ctx.max_bytes);
            (source, bytes)
        }
    };
    let read = bytes.as_ref().map_or(0, |b| b.len() as u64);
    let result = bytes.and_then(|b| ctx.extractor.extract_bytes(&b));
    let body = match result {
        Ok(mut release) => {
            release.source = Some(source.clone());
            let bytes = output::record(&release, None, ctx.pretty);
            match out {
                Some(path) => match output::write_file(&path, &bytes) {
                    Ok(()) => Body::Written,
                    Err(err) => output::failed(&source, &err, None),
                },
                None => Body::Record(bytes),
            }
        }
        Err(err) => output::failed(&source, &err, None),
    };
    Done { bytes: read, body }
}

/// One NDJSON input line: the text field is extracted, the other fields
/// pass through under `input`.
fn process_line(ctx: &Context, source: String, line: &[u8]) -> Done {
    let bytes = line.len() as u64;
    let fail = |err: Error, input: Option<&Map<String, Value>>| Done {
        bytes,
        body: output::failed(&source, &err, input),
    };
    let mut fields = match serde_json::from_slice::<Value>(line) {
        Ok(Value::Object(fields)) => fields,
        Ok(_) => {
            return fail(
                Error::new(ErrorKind::Decode, "line is not a JSON object"),
                None,
            );
        }
        Err(e) => {
            return fail(
                Error::new(ErrorKind::Decode, format!("line is not valid JSON: {e}")),
                None,
            );
        }
    };
    let text = match fields.remove(&ctx.text_field) {
        Some(Value::String(text)) => text,
        Some(_) => {
            let message = format!("field \"{}\" is not a string", ctx.text_field);
            return fail(Error::new(ErrorKind::NotText, message), Some(&fields));
        }
        None => {
            let message = format!("line has no field \"{}\"", ctx.text_field);
            return fail(Error::new(ErrorKind::NotText, message), Some(&fields));
        }
    };
    if text.len() > ctx.max_bytes {
        return fail(
            input::too_large(Some(text.len() as u64), ctx.max_bytes),
            Some(&fields),
        );
    }
    let mut release = ctx.extractor.extract(&text);
    release.source = Some(source.clone());
    Done {
        bytes,
        body: Body::Record(output::record(&release, Some(&fields), ctx.pretty)),
    }
}
