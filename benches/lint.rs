//! `justera lint` on one protocol-sized PDF, end to end as a nämndsekreterare runs it
//! (process start, isolated PDF extraction, tables, structure, every rule). Target: under
//! half a second. Prints the median of several runs: `cargo bench --bench lint`.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

fn median_run(file: &PathBuf, runs: usize) -> Option<(Duration, String)> {
    let mut times = Vec::with_capacity(runs);
    let mut summary = String::new();
    for _ in 0..runs {
        let start = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_justera"))
            .arg("lint")
            .arg(file)
            .output()
            .ok()?;
        times.push(start.elapsed());
        summary = String::from_utf8_lossy(&out.stdout)
            .lines()
            .last()
            .unwrap_or("")
            .to_string();
    }
    times.sort();
    Some((times[times.len() / 2], summary))
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --all-targets` runs this with no work to do.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus/pdf");
    for (name, pages) in [
        ("herrljunga-vargarda-itvt-2022-03-02-protokoll.pdf", 15),
        ("dalarna-skolskjuts-projektplan-v0-8.pdf", 19),
    ] {
        let file = root.join(name);
        match median_run(&file, 7) {
            Some((t, summary)) => println!(
                "lint {name} ({pages} pages): median {:.3} s over 7 runs (target < 0.5 s)\n    {summary}",
                t.as_secs_f64()
            ),
            None => println!("lint {name}: could not run justera"),
        }
    }
}
