//! Table reading speed over corpus/: every seed text and corpus PDF is read and laid out
//! once (not timed), then `table::extract` runs over all of them repeatedly; prints rows
//! per second for text sources (delimited + flat) and PDF geometry.
//!
//! `cargo bench --bench tables` (add `-- --quick` for one round).

use justera::ingest::{read_file, IngestOptions, SourceKind};
use justera::layout::{lay_out, LaidOutFile};
use std::path::Path;
use std::time::{Duration, Instant};

fn load(dir: &Path, ext: &str) -> Vec<LaidOutFile> {
    let opts = IngestOptions {
        isolate: false,
        ..IngestOptions::default()
    };
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == ext));
    paths.sort();
    paths
        .iter()
        .filter_map(|p| read_file(p, &opts).ok())
        .map(lay_out)
        .collect()
}

fn measure(name: &str, files: &[LaidOutFile], min_time: Duration) {
    let lines: usize = files
        .iter()
        .flat_map(|f| &f.pages)
        .map(|p| p.lines.len())
        .sum();
    let start = Instant::now();
    let mut rounds = 0u32;
    let mut rows = 0usize;
    let mut tables = 0usize;
    while rounds == 0 || start.elapsed() < min_time {
        for f in files {
            let found =
                justera::table::extract(f, justera::grammar::vocab::Vocabulary::builtin_shared());
            tables += found.len();
            rows += found.iter().map(|t| t.rows.len()).sum::<usize>();
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{name:<6} {:>3} files {:>6} lines  {:>4} tables {:>5} rows per round  {:>9.0} rows/s  {:>9.0} lines/s  ({rounds} rounds, {secs:.2} s)",
        files.len(),
        lines,
        tables / rounds as usize,
        rows / rounds as usize,
        rows as f64 / secs,
        lines as f64 * f64::from(rounds) / secs,
    );
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --all-targets` runs this with no work to do.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let quick = std::env::args().any(|a| a == "--quick");
    let min_time = Duration::from_secs(if quick { 0 } else { 3 });
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let seeds = load(&root.join("seeds"), "txt");
    let pdfs = load(&root.join("pdf"), "pdf");
    assert!(seeds.iter().all(|f| f.kind != SourceKind::Pdf));
    println!("table::extract over corpus/ (layout done beforehand, not timed)");
    measure("text", &seeds, min_time);
    measure("pdf", &pdfs, min_time);
}
