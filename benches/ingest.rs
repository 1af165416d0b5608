//! Ingest speed over corpus/pdf: pages per second read and laid out in this process
//! (one thread), through the `justera text` command as a user runs it (worker
//! isolation and parallel reading included), and — where `pdftotext` is installed — the
//! same files through `pdftotext -layout`, with the ratio. Prints figures; not a test.
//!
//! Run: `cargo bench --bench ingest`

use justera::ingest::{read_file, IngestOptions};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn corpus_pdfs() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus/pdf");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "pdf"));
    files.sort();
    files
}

/// Repeats `pass` until at least `min` has elapsed; returns seconds per pass.
fn time_passes(min: Duration, mut pass: impl FnMut()) -> f64 {
    pass(); // warm the page cache
    let start = Instant::now();
    let mut n = 0u32;
    while start.elapsed() < min || n < 2 {
        pass();
        n += 1;
    }
    start.elapsed().as_secs_f64() / f64::from(n)
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --all-targets` runs this with no work to do.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let files = corpus_pdfs();
    if files.is_empty() {
        eprintln!("no PDFs in corpus/pdf");
        return;
    }
    let opts = IngestOptions {
        isolate: false,
        ..IngestOptions::default()
    };
    let mut pages = 0usize;
    for f in &files {
        match read_file(f, &opts) {
            Ok(file) => pages += file.pages.len(),
            Err(e) => eprintln!("{e}"),
        }
    }
    println!("corpus/pdf: {} files, {pages} pages", files.len());

    let in_process = time_passes(Duration::from_secs(5), || {
        for f in &files {
            if let Ok(file) = read_file(f, &opts) {
                std::hint::black_box(justera::layout::lay_out(file));
            }
        }
    });
    let pps = pages as f64 / in_process;
    println!(
        "ingest + layout, in process, 1 thread: {:.3} s per pass, {pps:.0} pages/s",
        in_process
    );

    let exe = env!("CARGO_BIN_EXE_justera");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus/pdf");
    let cli = time_passes(Duration::from_secs(5), || {
        let _ = Command::new(exe)
            .arg("text")
            .arg(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    });
    let cli_pps = pages as f64 / cli;
    println!(
        "`justera text corpus/pdf` (isolated workers, parallel): {cli:.3} s, {cli_pps:.0} pages/s"
    );

    let has_pdftotext = Command::new("pdftotext")
        .arg("-v")
        .stderr(Stdio::null())
        .stdout(Stdio::null())
        .status()
        .is_ok();
    if !has_pdftotext {
        println!("pdftotext not installed: no comparison (apt-get install poppler-utils)");
        return;
    }
    let poppler = time_passes(Duration::from_secs(5), || {
        for f in &files {
            let _ = Command::new("pdftotext")
                .arg("-layout")
                .arg(f)
                .arg("-")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
    });
    let poppler_pps = pages as f64 / poppler;
    println!("pdftotext -layout, one process per file: {poppler:.3} s, {poppler_pps:.0} pages/s");
    println!(
        "ratio: in-process ingest {:.2}× pdftotext's speed; justera text command {:.2}×",
        pps / poppler_pps,
        cli_pps / poppler_pps
    );
}
