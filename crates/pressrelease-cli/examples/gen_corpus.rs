//! Generates a large corpus for measuring the CLI: many files, made by
//! varying the project's own `fixtures/*.txt` (or, without fixtures, one
//! invented release), in folders of 100 files.
//!
//! ```text
//! cargo run --release -p pressrelease-cli --example gen_corpus -- [DIR] [MEGABYTES] [SEEDS]
//! ```
//!
//! DIR defaults to `bench-corpus` (ignored by git), MEGABYTES to 50, SEEDS
//! (the folder of `.txt` releases to vary) to `fixtures`. The output is the
//! same on every run.

use std::fs;
use std::path::{Path, PathBuf};

/// Used when there are no fixtures: invented names and places only.
const FALLBACK: &str = "PRESS RELEASE\n\nHarbour Trust Opens Pier 4\n\nPORT ELLIS, 3 May 2024 - \
The Harbour Trust (HT) opened pier 4 today, said Ms. Ada Quill, Director of the Trust. \"The pier \
doubles our capacity,\" she said.\n\nThe works were funded by:\n\n- the Coastal Fund;\n- the \
Ministry of Transport; and\n- local firms.\n\nMr. Bo Linden, Chair of the Ellis Council, \
welcomed the opening.\n\nMedia contact: Cy Ferro, Press Officer, press@example.org, +1 555 0100\n";

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "bench-corpus".into()));
    let megabytes: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(50);
    let seed_dir = args.next().unwrap_or_else(|| "fixtures".into());
    let seeds = seeds(Path::new(&seed_dir));
    let target = megabytes * 1_000_000;
    let (mut written, mut k) = (0, 0);
    while written < target {
        let seed = &seeds[k % seeds.len()];
        let text = vary(seed, k);
        let path = dir
            .join(format!("{:04}", k / 100))
            .join(format!("r{k:06}.txt"));
        if k % 100 == 0 {
            fs::create_dir_all(path.parent().unwrap_or(&dir)).expect("cannot create folder");
        }
        fs::write(&path, &text).expect("cannot write file");
        written += text.len();
        k += 1;
    }
    eprintln!(
        "gen_corpus: {k} files, {:.1} MB in {} (from {} seed releases)",
        written as f64 / 1e6,
        dir.display(),
        seeds.len()
    );
}

/// The fixture releases, sorted; the invented fallback when there are none.
fn seeds(dir: &Path) -> Vec<String> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    let seeds: Vec<String> = paths
        .iter()
        .filter_map(|p| fs::read_to_string(p).ok())
        .collect();
    if seeds.is_empty() {
        vec![FALLBACK.to_string()]
    } else {
        seeds
    }
}

/// Variant `k` of `seed`: digits shifted by `k`, paragraphs after the first
/// three rotated, so that no two files are the same.
fn vary(seed: &str, k: usize) -> String {
    let shifted: String = seed
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_digit((d + k as u32) % 10, 10).unwrap_or(c),
            None => c,
        })
        .collect();
    let mut paras: Vec<&str> = shifted.split("\n\n").collect();
    if paras.len() > 4 {
        let body = &mut paras[3..];
        let by = k % body.len();
        body.rotate_left(by);
    }
    paras.join("\n\n")
}
