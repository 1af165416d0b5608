//! `justera lint` of one flat table of 40 rows at 6, 12 and 24 columns (24 is the widest a
//! text table is read into; wider rows are reported as not read): seconds of CPU per
//! thousand cells at each width. The search for the relations between a table's columns
//! tries every pair of columns against every column, so the cost per cell grows with the
//! width; the check is that it stays near the narrow table's (the ratio printed, 1.00 =
//! linear in cells) and that the widest table lints well under a second.
//!
//!     cargo bench --bench wide_tables

use std::path::{Path, PathBuf};
use std::process::Command;

/// A table of `rows` rows of one-decimal figures under a header of `columns` years, with
/// a Summa row: figures no reading can split another way, so the width is certain.
fn table(columns: usize, rows: usize) -> String {
    let mut out = String::from("Utfall per år (invented)\n\nMkr");
    for year in 0..columns {
        out.push_str(&format!(" {}", 1990 + year));
    }
    out.push('\n');
    let mut sums = vec![0u64; columns];
    for r in 0..rows {
        out.push_str(&format!("Konto {r} kostnad"));
        for (c, sum) in sums.iter_mut().enumerate() {
            // Tenths, varied but fixed: 10,0 to 99,9.
            let tenths = 100 + ((r * 7919 + c * 104_729) % 900) as u64;
            *sum += tenths;
            out.push_str(&format!(" {},{}", tenths / 10, tenths % 10));
        }
        out.push('\n');
    }
    out.push_str("Summa");
    for sum in sums {
        out.push_str(&format!(" {},{}", sum / 10, sum % 10));
    }
    out.push('\n');
    out
}

/// CPU seconds (user + system) of the least of `rounds` lints of `file`, worker included.
fn lint_cpu(file: &Path, rounds: usize) -> Option<f64> {
    let timing = file.with_extension("time");
    let mut best: Option<f64> = None;
    for _ in 0..rounds {
        let status = Command::new("/usr/bin/time")
            .args(["-f", "%U %S", "-o"])
            .arg(&timing)
            .arg(env!("CARGO_BIN_EXE_justera"))
            .arg("lint")
            .arg(file)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .ok()?;
        // Exit 1 means findings with errors: the lint ran.
        if !matches!(status.code(), Some(0 | 1)) {
            return None;
        }
        let text = std::fs::read_to_string(&timing).ok()?;
        let cpu: f64 = text
            .lines()
            .last()?
            .split_whitespace()
            .filter_map(|t| t.parse::<f64>().ok())
            .sum();
        best = Some(best.map_or(cpu, |b: f64| b.min(cpu)));
    }
    best
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-wide-tables");
    std::fs::create_dir_all(&dir).expect("bench dir");
    let rows = 40;
    let mut per_cell = Vec::new();
    for columns in [6usize, 12, 24] {
        let file = dir.join(format!("wide-{columns}.txt"));
        std::fs::write(&file, table(columns, rows)).expect("write table");
        let cells = (columns * (rows + 1)) as f64;
        match lint_cpu(&file, 5) {
            Some(cpu) => {
                println!(
                    "lint of a {columns}-column table ({cells} cells): {cpu:.3} s CPU, {:.4} s per 1000 cells",
                    cpu / cells * 1000.0
                );
                per_cell.push(cpu / cells);
            }
            None => {
                println!("lint of a {columns}-column table: justera (or /usr/bin/time) did not run")
            }
        }
    }
    if let (Some(first), Some(last)) = (per_cell.first(), per_cell.last()) {
        println!(
            "  growth: CPU per cell at 24 columns is {:.2}x CPU per cell at 6 columns (1.00 = linear in cells)",
            last / first
        );
    }
}
