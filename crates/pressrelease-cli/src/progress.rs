//! Progress on standard error: a bar while running (only on a terminal)
//! and a summary at the end.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Counts of what the run did.
#[derive(Default)]
pub struct Stats {
    /// Inputs finished (read, failed or skipped).
    pub inputs: u64,
    /// Bytes of input read.
    pub bytes: u64,
    /// Records printed or written.
    pub records: u64,
    /// Inputs left alone by --skip-existing.
    pub skipped: u64,
    /// Failed inputs by error kind.
    pub errors: BTreeMap<&'static str, u64>,
}

impl Stats {
    pub fn failed(&self) -> u64 {
        self.errors.values().sum()
    }
}

/// The progress bar, hidden unless standard error is a terminal.
pub struct Progress {
    bar: ProgressBar,
    start: Instant,
    last: Instant,
}

impl Progress {
    pub fn new(visible: bool) -> Progress {
        let bar = if visible {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template("{spinner} {elapsed} {pos} files, {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner());
            bar.set_style(style);
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        } else {
            ProgressBar::hidden()
        };
        let now = Instant::now();
        Progress {
            bar,
            start: now,
            last: now,
        }
    }

    /// Shows `stats` after one more input.
    pub fn update(&mut self, stats: &Stats) {
        if self.bar.is_hidden() {
            return;
        }
        self.bar.set_position(stats.inputs);
        let now = Instant::now();
        if now.duration_since(self.last) >= Duration::from_millis(100) {
            self.last = now;
            let secs = now.duration_since(self.start).as_secs_f64().max(1e-3);
            self.bar.set_message(format!(
                "{:.0} files/s, {:.1} MB/s, {} errors",
                stats.inputs as f64 / secs,
                stats.bytes as f64 / 1e6 / secs,
                stats.failed()
            ));
        }
    }

    /// Prints a message line above the bar.
    pub fn message(&self, line: &str) {
        if self.bar.is_hidden() {
            eprintln!("{line}");
        } else {
            self.bar.println(line);
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }

    /// The one-line summary of the run.
    pub fn summary(&self, stats: &Stats) -> String {
        let secs = self.start.elapsed().as_secs_f64();
        let mut line = format!(
            "pressrelease: {} inputs, {:.1} MB read in {:.2} s ({:.1} MB/s), {} records written",
            stats.inputs,
            stats.bytes as f64 / 1e6,
            secs,
            stats.bytes as f64 / 1e6 / secs.max(1e-3),
            stats.records,
        );
        if stats.skipped > 0 {
            line.push_str(&format!(", {} skipped", stats.skipped));
        }
        let failed = stats.failed();
        line.push_str(&format!(", {failed} errors"));
        if failed > 0 {
            let kinds: Vec<String> = stats
                .errors
                .iter()
                .map(|(k, n)| format!("{k}: {n}"))
                .collect();
            line.push_str(&format!(" ({})", kinds.join(", ")));
        }
        line
    }
}
