//! The batch engine: runs jobs on a rayon pool and hands their results back
//! in input order (or as they finish), with a bounded number in flight.
//!
//! The calling thread pulls jobs from the (lazy) input stream, spawns them
//! in batches of up to `batch` jobs (one task each, so that small inputs do
//! not pay a thread wake-up each), and passes finished results to the sink.
//! At most `4 × threads` batches are spawned but not yet sunk, counting
//! results that wait for an earlier one, so memory stays bounded however
//! many inputs there are.

use std::collections::BTreeMap;
use std::io;
use std::sync::{Arc, mpsc};

/// Whether the sink wants more.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Stop,
}

/// Runs `work` over `jobs` on `threads` threads and gives each result to
/// `sink`, in input order unless `unordered`; `batch` jobs at most go to a
/// thread at once (1 when each result must come out before the next input
/// arrives). With one thread, runs on the calling thread. Stops early when
/// the sink says [`Flow::Stop`] or fails.
pub fn run<J, R, I, W, S>(
    jobs: I,
    threads: usize,
    batch: usize,
    unordered: bool,
    work: W,
    mut sink: S,
) -> io::Result<()>
where
    J: Send + 'static,
    R: Send + 'static,
    I: Iterator<Item = J>,
    W: Fn(J) -> R + Send + Sync + 'static,
    S: FnMut(R) -> io::Result<Flow>,
{
    if threads <= 1 {
        for job in jobs {
            if sink(work(job))? == Flow::Stop {
                break;
            }
        }
        return Ok(());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("pressrelease-{i}"))
        .build()
        .map_err(io::Error::other)?;
    let work = Arc::new(work);
    let window = threads * 4;
    let batch = batch.max(1);
    let (tx, rx) = mpsc::channel::<(u64, Vec<R>)>();
    let mut reorder = Reorder {
        pending: BTreeMap::new(),
        next: 0,
        in_flight: 0,
        unordered,
    };
    let mut jobs = jobs.peekable();
    let mut stopped = false;
    let mut seq = 0;
    while jobs.peek().is_some() {
        while reorder.in_flight >= window {
            // Cannot hang: the batch at `next` is spawned and not yet sunk.
            let Ok(done) = rx.recv() else { break };
            if reorder.take(done, &mut sink)? == Flow::Stop {
                stopped = true;
                break;
            }
        }
        while !stopped {
            let Ok(done) = rx.try_recv() else { break };
            stopped = reorder.take(done, &mut sink)? == Flow::Stop;
        }
        if stopped {
            break;
        }
        let chunk: Vec<J> = jobs.by_ref().take(batch).collect();
        reorder.in_flight += 1;
        let tx = tx.clone();
        let work = work.clone();
        pool.spawn(move || {
            let results = chunk.into_iter().map(|job| work(job)).collect();
            // The receiver is gone only when the run stopped early.
            let _ = tx.send((seq, results));
        });
        seq += 1;
    }
    drop(tx);
    while !stopped && reorder.in_flight > 0 {
        let Ok(done) = rx.recv() else { break };
        stopped = reorder.take(done, &mut sink)? == Flow::Stop;
    }
    Ok(())
}

/// Puts finished results back in input order.
struct Reorder<R> {
    pending: BTreeMap<u64, Vec<R>>,
    next: u64,
    in_flight: usize,
    unordered: bool,
}

impl<R> Reorder<R> {
    fn take(
        &mut self,
        (seq, results): (u64, Vec<R>),
        sink: &mut impl FnMut(R) -> io::Result<Flow>,
    ) -> io::Result<Flow> {
        if self.unordered {
            self.in_flight -= 1;
            return sink_all(results, sink);
        }
        self.pending.insert(seq, results);
        while let Some(results) = self.pending.remove(&self.next) {
            self.next += 1;
            self.in_flight -= 1;
            if sink_all(results, sink)? == Flow::Stop {
                return Ok(Flow::Stop);
            }
        }
        Ok(Flow::Continue)
    }
}

fn sink_all<R>(results: Vec<R>, sink: &mut impl FnMut(R) -> io::Result<Flow>) -> io::Result<Flow> {
    for result in results {
        if sink(result)? == Flow::Stop {
            return Ok(Flow::Stop);
        }
    }
    Ok(Flow::Continue)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(threads: usize, unordered: bool, n: u64, stop_at: Option<u64>) -> Vec<u64> {
        let mut got = Vec::new();
        run(
            0..n,
            threads,
            // A batch size that does not divide the number of jobs.
            3,
            unordered,
            move |k| {
                // Later jobs finish sooner, to shake the order.
                std::thread::sleep(std::time::Duration::from_micros((n - k) % 7 * 50));
                k
            },
            |k| {
                got.push(k);
                Ok(if Some(k) == stop_at {
                    Flow::Stop
                } else {
                    Flow::Continue
                })
            },
        )
        .unwrap();
        got
    }

    #[test]
    fn keeps_input_order() {
        let all: Vec<u64> = (0..500).collect();
        assert_eq!(collect(1, false, 500, None), all);
        assert_eq!(collect(3, false, 500, None), all);
    }

    #[test]
    fn unordered_loses_nothing() {
        let mut got = collect(3, true, 500, None);
        got.sort();
        assert_eq!(got, (0..500).collect::<Vec<_>>());
    }

    #[test]
    fn stops_when_asked() {
        assert_eq!(
            collect(3, false, 500, Some(40)),
            (0..=40).collect::<Vec<_>>()
        );
        assert_eq!(
            collect(1, false, 500, Some(40)),
            (0..=40).collect::<Vec<_>>()
        );
    }
}
