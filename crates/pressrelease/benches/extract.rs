//! Library throughput in MB/s, single-threaded.
//!
//! Run with `cargo bench -p pressrelease --bench extract`. Each group
//! extracts every release of one folder per iteration and reports bytes per
//! second: `fixtures/*.txt`, and `../shared/corpus/dev/*.txt` when that
//! folder sits beside the workspace, and the folder named by the
//! environment variable `PRESSRELEASE_BENCH_DIR` if set. A missing or empty
//! folder is skipped.

use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The `.txt` files of `dir`, sorted, read as bytes.
fn releases(dir: &Path) -> Vec<Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

fn bench_folder(c: &mut Criterion, name: &str, dir: &Path) {
    let docs = releases(dir);
    if docs.is_empty() {
        eprintln!("bench {name}: no .txt files in {}, skipped", dir.display());
        return;
    }
    let bytes: usize = docs.iter().map(Vec::len).sum();
    let extractor = pressrelease::Extractor::new();
    let mut group = c.benchmark_group(name);
    // Decimal units (MB/s), as the goal in issue 4 is stated.
    group.throughput(Throughput::BytesDecimal(bytes as u64));
    group.bench_function("extract_bytes", |b| {
        b.iter(|| {
            for doc in &docs {
                let release = extractor.extract_bytes(std::hint::black_box(doc));
                std::hint::black_box(release.ok());
            }
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    bench_folder(c, "fixtures", &root.join("fixtures"));
    bench_folder(c, "dev-corpus", &root.join("../shared/corpus/dev"));
    if let Some(dir) = std::env::var_os("PRESSRELEASE_BENCH_DIR") {
        bench_folder(c, "extra", Path::new(&dir));
    }
}

criterion_group!(extract, benches);
criterion_main!(extract);
