//! Inputs: files, directory walks, standard input and NDJSON lines, as a
//! lazy stream of [`Job`]s in input order.
//!
//! Nothing is collected up front: a directory of a million files is walked
//! as the batch asks for more work. Whatever cannot be listed (a broken
//! symlink, an unreadable directory, a symlink loop) becomes a failed job,
//! so no input is dropped silently.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Component, Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use pressrelease::{Error, ErrorKind};
use walkdir::WalkDir;

/// One unit of work.
pub enum Job {
    /// A file to read; `rel` is its path relative to the directory it was
    /// found in (or as given), for mirroring under --output-dir.
    File {
        path: PathBuf,
        source: String,
        rel: PathBuf,
    },
    /// Standard input, read whole as one release.
    Stdin,
    /// One line of NDJSON input.
    Line { source: String, line: Vec<u8> },
    /// An input that failed before it could be read.
    Failed { source: String, error: Error },
    /// An input left alone (--skip-existing).
    Skipped,
}

/// How to walk directories.
pub struct Walk {
    pub globs: Option<GlobSet>,
    pub hidden: bool,
    /// A directory never to enter (the output directory).
    pub exclude: Option<PathBuf>,
}

/// Compiles the --glob patterns; `None` when there are none.
pub fn globs(patterns: &[String]) -> Result<Option<GlobSet>, globset::Error> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut set = GlobSetBuilder::new();
    for p in patterns {
        set.add(Glob::new(p)?);
    }
    set.build().map(Some)
}

fn io_error(e: &io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("cannot read: {e}"))
}

/// The text-mode jobs for `paths`, in order: "-" is standard input, a
/// directory is walked, anything else is a file.
pub fn text_jobs(paths: Vec<PathBuf>, walk: Walk) -> impl Iterator<Item = Job> {
    let walk = std::sync::Arc::new(walk);
    paths
        .into_iter()
        .flat_map(move |path| -> Box<dyn Iterator<Item = Job>> {
            if path.as_os_str() == "-" {
                return Box::new(std::iter::once(Job::Stdin));
            }
            let source = path.to_string_lossy().into_owned();
            if path.is_dir() {
                return Box::new(walk_dir(path, walk.clone()));
            }
            let rel = mirror_name(&path);
            Box::new(std::iter::once(Job::File { path, source, rel }))
        })
}

/// A file named on the command line keeps its relative path under the
/// output directory, unless it climbs out (`..`) or is absolute: then only
/// its name is kept.
fn mirror_name(path: &Path) -> PathBuf {
    let plain = path
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if plain {
        path.to_path_buf()
    } else {
        path.file_name().map(PathBuf::from).unwrap_or_default()
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

fn walk_dir(root: PathBuf, walk: std::sync::Arc<Walk>) -> impl Iterator<Item = Job> {
    let filter = walk.clone();
    WalkDir::new(&root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(move |e| {
            if e.depth() == 0 {
                return true;
            }
            if !filter.hidden && is_hidden(e.file_name()) {
                return false;
            }
            match &filter.exclude {
                Some(out) if e.file_type().is_dir() => {
                    e.path().canonicalize().map(|p| &p != out).unwrap_or(true)
                }
                _ => true,
            }
        })
        .filter_map(move |entry| {
            let relative = |p: &Path| p.strip_prefix(&root).unwrap_or(p).to_path_buf();
            let wanted = |rel: &Path| walk.globs.as_ref().is_none_or(|g| g.is_match(rel));
            match entry {
                Ok(e) if e.file_type().is_dir() => None,
                Ok(e) => {
                    let rel = relative(e.path());
                    if !wanted(&rel) {
                        return None;
                    }
                    let path = e.into_path();
                    let source = path.to_string_lossy().into_owned();
                    Some(Job::File { path, source, rel })
                }
                Err(err) => {
                    // A path the walk could not follow: a broken symlink, a
                    // loop, an unreadable directory. Report it unless the
                    // glob rules it out anyway.
                    let path = err
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| root.clone());
                    if path != root && !wanted(&relative(&path)) {
                        return None;
                    }
                    let source = path.to_string_lossy().into_owned();
                    let message = match err.io_error() {
                        Some(e) => format!("cannot read: {e}"),
                        None => format!("cannot read: {err}"),
                    };
                    let error = Error::new(ErrorKind::Io, message);
                    Some(Job::Failed { source, error })
                }
            }
        })
}

/// The NDJSON-mode jobs: every line of each input ("-" or no input at all
/// is standard input). A blank line is a `not_text` failure; a line longer
/// than `max_line` bytes is a `too_large` failure and is skipped to its end.
pub fn ndjson_jobs(paths: Vec<PathBuf>, max_line: usize) -> impl Iterator<Item = Job> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        paths
    };
    paths
        .into_iter()
        .flat_map(move |path| -> Box<dyn Iterator<Item = Job>> {
            let name = path.to_string_lossy().into_owned();
            let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
                Box::new(BufReader::with_capacity(1 << 16, io::stdin()))
            } else {
                match File::open(&path) {
                    Ok(f) => Box::new(BufReader::with_capacity(1 << 16, f)),
                    Err(e) => {
                        let error = io_error(&e);
                        return Box::new(std::iter::once(Job::Failed {
                            source: name,
                            error,
                        }));
                    }
                }
            };
            Box::new(Lines {
                reader,
                name,
                number: 0,
                max_line,
                done: false,
            })
        })
}

struct Lines {
    reader: Box<dyn BufRead>,
    name: String,
    number: u64,
    max_line: usize,
    done: bool,
}

impl Iterator for Lines {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        while !self.done {
            self.number += 1;
            let source = format!("{}:{}", self.name, self.number);
            let mut line = Vec::new();
            let limit = self.max_line as u64 + 1;
            match (&mut self.reader).take(limit).read_until(b'\n', &mut line) {
                Ok(0) => self.done = true,
                Ok(_) if line.len() > self.max_line && line.last() != Some(&b'\n') => {
                    // Skip the rest of the over-long line.
                    let mut sink = Vec::new();
                    loop {
                        sink.clear();
                        match (&mut self.reader)
                            .take(1 << 20)
                            .read_until(b'\n', &mut sink)
                        {
                            Ok(0) => break,
                            Ok(_) if sink.last() == Some(&b'\n') => break,
                            Ok(_) => {}
                            Err(_) => break,
                        }
                    }
                    let message =
                        format!("line is longer than the limit of {} bytes", self.max_line);
                    let error = Error::new(ErrorKind::TooLarge, message);
                    return Some(Job::Failed { source, error });
                }
                Ok(_) if line.iter().all(u8::is_ascii_whitespace) => {
                    // Still one line out for the line in, for engines that
                    // pair them up.
                    let error = Error::new(ErrorKind::NotText, "line is blank");
                    return Some(Job::Failed { source, error });
                }
                Ok(_) => return Some(Job::Line { source, line }),
                Err(e) => {
                    self.done = true;
                    return Some(Job::Failed {
                        source,
                        error: io_error(&e),
                    });
                }
            }
        }
        None
    }
}

/// Reads a whole file, refusing more than `max` bytes without reading them.
pub fn read_file(path: &Path, max: usize) -> Result<Vec<u8>, Error> {
    let file = File::open(path).map_err(|e| io_error(&e))?;
    let len = file.metadata().map_err(|e| io_error(&e))?.len();
    if len > max as u64 {
        return Err(too_large(Some(len), max));
    }
    read_bounded(file, len as usize, max)
}

/// Reads standard input whole, up to `max` bytes.
pub fn read_stdin(max: usize) -> Result<Vec<u8>, Error> {
    read_bounded(io::stdin().lock(), 0, max).map_err(|e| match e.kind() {
        ErrorKind::Io => Error::new(
            ErrorKind::Io,
            format!("cannot read standard input: {}", e.message()),
        ),
        _ => e,
    })
}

fn read_bounded(reader: impl Read, hint: usize, max: usize) -> Result<Vec<u8>, Error> {
    let mut buf = Vec::with_capacity(hint.min(max) + 1);
    reader
        .take(max as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|e| io_error(&e))?;
    if buf.len() > max {
        return Err(too_large(None, max));
    }
    Ok(buf)
}

pub fn too_large(len: Option<u64>, max: usize) -> Error {
    let message = match len {
        Some(len) => format!("input is {len} bytes, larger than the limit of {max} bytes"),
        None => format!("input is larger than the limit of {max} bytes"),
    };
    Error::new(ErrorKind::TooLarge, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mirror_names() {
        for (given, want) in [
            ("a.txt", "a.txt"),
            ("./news/a.txt", "./news/a.txt"),
            ("../a.txt", "a.txt"),
            ("/tmp/x/a.txt", "a.txt"),
            ("news/../a.txt", "a.txt"),
        ] {
            assert_eq!(
                mirror_name(Path::new(given)),
                PathBuf::from(want),
                "{given}"
            );
        }
    }

    #[test]
    fn ndjson_lines_flag_blanks_and_cap_length() {
        let input = b"{\"a\":1}\n\n   \n{\"b\":\"0123456789\"}\n{\"c\":3}".to_vec();
        let lines = Lines {
            reader: Box::new(io::Cursor::new(input)),
            name: "-".into(),
            number: 0,
            max_line: 12,
            done: false,
        };
        let got: Vec<String> = lines
            .map(|j| match j {
                Job::Line { source, .. } => source,
                Job::Failed { source, error } => format!("{source} {}", error.kind()),
                _ => "other".into(),
            })
            .collect();
        assert_eq!(
            got,
            [
                "-:1",
                "-:2 not_text",
                "-:3 not_text",
                "-:4 too_large",
                "-:5"
            ]
        );
    }
}
