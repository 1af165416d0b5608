//! `justera audit` of one long .txt (the corpus seeds written one after another to 1, 5
//! and 20 MB): seconds of CPU per MB at each size. The check is that the cost grows with
//! the size, not faster (the ratio of s/MB at 20 MB to s/MB at 1 MB stays near 1), and
//! the 20 MB figure is the one the reliability target names (under 10 s on 2 cores).
//!
//!     cargo bench --bench long_text

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Wall time and CPU time (user + system, the worker included) of one audit.
fn audit(file: &Path, out: &Path) -> Option<(f64, f64)> {
    let _ = std::fs::remove_dir_all(out);
    let started = Instant::now();
    let status = Command::new("/usr/bin/time")
        .args(["-f", "%U %S", "-o"])
        .arg(out.with_extension("time"))
        .arg(env!("CARGO_BIN_EXE_justera"))
        .arg("audit")
        .arg(file)
        .args(["--quiet", "--no-cache", "--out"])
        .arg(out)
        .stdout(std::process::Stdio::null())
        .status()
        .ok()?;
    let wall = started.elapsed().as_secs_f64();
    // Exit 1 means "findings with errors": the audit ran.
    if !matches!(status.code(), Some(0 | 1)) {
        return None;
    }
    let times = std::fs::read_to_string(out.with_extension("time")).ok()?;
    let cpu: f64 = times
        .lines()
        .last()?
        .split_whitespace()
        .filter_map(|t| t.parse::<f64>().ok())
        .sum();
    Some((wall, cpu))
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let seeds: Vec<PathBuf> = std::fs::read_dir(repo.join("corpus/seeds"))
        .expect("corpus/seeds")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    let mut text = Vec::new();
    for s in &seeds {
        text.extend(std::fs::read(s).expect("read seed"));
        text.push(b'\n');
    }
    let base = repo.join("target/bench-long-text");
    std::fs::create_dir_all(&base).expect("bench dir");
    let mut per_mb = Vec::new();
    for mb in [1usize, 5, 20] {
        let file = base.join(format!("long-{mb}mb.txt"));
        let mut body = Vec::with_capacity(mb << 20);
        while body.len() < mb * 1_000_000 {
            body.extend_from_slice(&text);
        }
        std::fs::write(&file, &body).expect("write long text");
        match audit(&file, &base.join(format!("out-{mb}"))) {
            Some((wall, cpu)) => {
                let size = body.len() as f64 / 1e6;
                println!(
                    "audit of a {size:.1} MB .txt: {wall:.2} s wall, {cpu:.2} s CPU, {:.2} s CPU/MB",
                    cpu / size
                );
                per_mb.push(cpu / size);
            }
            None => println!("audit of a {mb} MB .txt: justera (or /usr/bin/time) did not run"),
        }
    }
    if let (Some(first), Some(last)) = (per_mb.first(), per_mb.last()) {
        println!(
            "  growth: CPU/MB at 20 MB is {:.2}x CPU/MB at 1 MB (1.00 = linear)",
            last / first
        );
    }
}
