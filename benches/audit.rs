//! Audit throughput (printed figures, not a timed test; each the median of three runs):
//! on a generated archive, pages/s and files/s with 1 and 2 jobs, the 2-job speed-up, the
//! audit process's peak memory at 400 and 800 files (it must stay flat: results are
//! streamed through the cache); on the generated archive and on the real producers' PDFs
//! of `../shared/realpdf/files` (when present), the ratio to `pdftotext -layout` over the
//! same files at the same job count, each pair run one right after the other.
//!
//!     cargo bench --bench audit            # JUSTERA_BENCH_FILES=400 by default

#[path = "../examples/gen_archive.rs"]
mod gen_archive;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Run {
    seconds: f64,
    pages: u64,
    files: u64,
    peak_kib: u64,
}

/// VmHWM of a running process: its peak resident memory so far.
fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn audit(archive: &Path, jobs: usize, out: &Path) -> Run {
    let _ = std::fs::remove_dir_all(out);
    let started = Instant::now();
    // No OCR: the reference reads text layers only, and Tesseract would dominate a scan.
    let mut child = Command::new(env!("CARGO_BIN_EXE_justera"))
        .arg("audit")
        .arg(archive)
        .args([
            "--quiet",
            "--no-cache",
            "--ocr",
            "never",
            "--jobs",
            &jobs.to_string(),
            "--out",
        ])
        .arg(out)
        .stdout(Stdio::null())
        .spawn()
        .expect("run justera");
    let mut peak = 0;
    loop {
        if let Some(k) = peak_kib(child.id()) {
            peak = peak.max(k);
        }
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let seconds = started.elapsed().as_secs_f64();
    let report: serde_json::Value = std::fs::read(out.join("findings.json"))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    Run {
        seconds,
        pages: report["summary"]["pages"].as_u64().unwrap_or(0),
        files: report["summary"]["files"].as_u64().unwrap_or(0),
        peak_kib: peak,
    }
}

/// `pdftotext -layout` over the same files, `jobs` processes at a time (one per file, as
/// a shell loop or `xargs -P` would run it): the reference at the same job count.
fn pdftotext(files: &[PathBuf], jobs: usize) -> Option<f64> {
    Command::new("pdftotext").arg("-v").output().ok()?;
    let started = Instant::now();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let ok = std::sync::atomic::AtomicBool::new(true);
    std::thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(f) = files.get(i) else { break };
                let status = Command::new("pdftotext")
                    .arg("-layout")
                    .arg(f)
                    .arg("/dev/null")
                    .stderr(Stdio::null())
                    .status();
                if status.is_err() {
                    ok.store(false, std::sync::atomic::Ordering::Relaxed);
                }
            });
        }
    });
    ok.into_inner().then(|| started.elapsed().as_secs_f64())
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` runs this with no work to do.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let n: usize = std::env::var("JUSTERA_BENCH_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400);
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let base = repo.join("target/bench-audit");
    let seeds = repo.join("corpus/seeds");
    let small = base.join(format!("archive-{n}"));
    let large = base.join(format!("archive-{}", 2 * n));
    let files = gen_archive::generate(&seeds, &small, n).expect("generate archive");
    gen_archive::generate(&seeds, &large, 2 * n).expect("generate archive");
    let out = base.join("out");

    // The median of three runs: on a 2-core machine one run's time varies by ±10 %.
    let median = |jobs: usize, archive: &Path| {
        let mut runs: Vec<Run> = (0..3).map(|_| audit(archive, jobs, &out)).collect();
        runs.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
        runs.swap_remove(1)
    };
    let one = median(1, &small);
    let two = median(2, &small);
    let double = median(2, &large);
    let rate = |r: &Run| (r.pages as f64 / r.seconds, r.files as f64 / r.seconds);
    println!(
        "audit of {} generated PDFs ({} pages):",
        one.files, one.pages
    );
    for (label, r) in [("1 job ", &one), ("2 jobs", &two)] {
        let (pages, files) = rate(r);
        println!(
            "  {label}: {:6.2} s  {pages:7.1} pages/s  {files:6.1} files/s  peak {:.0} MiB",
            r.seconds,
            r.peak_kib as f64 / 1024.0
        );
    }
    println!("  speed-up with 2 jobs: {:.2}x", one.seconds / two.seconds);
    println!(
        "  memory: peak {:.0} MiB at {} files, {:.0} MiB at {} files (2 jobs, {:.2} s)",
        two.peak_kib as f64 / 1024.0,
        two.files,
        double.peak_kib as f64 / 1024.0,
        double.files,
        double.seconds
    );
    // Like with like: the same files, the same number of processes at a time, each
    // audit run right after its pdftotext run so that both meet the same machine load.
    ratios("generated archive", &small, &files, &out);
    let real = repo.join("../shared/realpdf/files");
    match pdfs_in(&real) {
        Some(real_files) if !real_files.is_empty() => ratios(
            "real producers' PDFs (../shared/realpdf)",
            &real,
            &real_files,
            &out,
        ),
        _ => println!("  {} not found: no real-producer ratio", real.display()),
    }
}

/// The PDFs directly in `dir`, sorted.
fn pdfs_in(dir: &Path) -> Option<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("pdf")))
        .collect();
    files.sort();
    Some(files)
}

/// Three pairs per job count (pdftotext, then the audit); prints the median of each and
/// the median of the three per-pair ratios.
fn ratios(what: &str, archive: &Path, files: &[PathBuf], out: &Path) {
    println!(
        "{what}, {} files, audit / pdftotext -layout (target <= 1.0):",
        files.len()
    );
    for jobs in [1, 2] {
        let mut pairs = Vec::new();
        for _ in 0..3 {
            let Some(reference) = pdftotext(files, jobs) else {
                println!("  pdftotext not installed: apt-get install poppler-utils");
                return;
            };
            pairs.push((reference, audit(archive, jobs, out).seconds));
        }
        let median = |mut v: Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v[1]
        };
        let reference = median(pairs.iter().map(|p| p.0).collect());
        let audit = median(pairs.iter().map(|p| p.1).collect());
        let ratio = median(pairs.iter().map(|p| p.1 / p.0).collect());
        println!(
            "  {jobs} at a time: audit {audit:.2} s, pdftotext {reference:.2} s; ratio {ratio:.2}"
        );
    }
}
