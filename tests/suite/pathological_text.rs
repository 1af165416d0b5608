//! Text built to hit the worst cases of each stage, read end to end through `lint`:
//! rows of forty figures with no consistent reading, thirty thousand §§, a page that is
//! one line of labels, a signature row of thirty thousand names, a line of sixty
//! thousand figures. Each once took minutes to hours (an exponential search of
//! digit groupings, quadratic scans); these inputs finish at once now. No timing is
//! asserted: a regression shows as a test that does not finish.

use std::fmt::Write as _;
use std::path::Path;

/// A small deterministic generator: the inputs must be the same on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

fn lint(dir: &Path, name: &str, text: &str) -> serde_json::Value {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_justera"))
        // The time limit is generous: a loaded machine must not turn a slow-but-finishing
        // read into a failure; a regression to minutes still shows.
        .args(["lint", "--format", "json", "--timeout", "600"])
        .arg(&path)
        .output()
        .expect("run justera");
    assert_ne!(out.status.code(), Some(101), "{name}: panicked");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{name}: no lint JSON ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

#[test]
fn worst_case_inputs_are_read_to_the_end() {
    let tmp = tempfile::tempdir().unwrap();
    let mut rng = Lcg(7);

    let mut rows = String::from("Verksamhet Budget 2021 Prognos 2021 Avvikelse\n");
    for i in 0..300 {
        let _ = write!(rows, "Rad {i}");
        for _ in 0..40 {
            let _ = write!(rows, " {}", rng.next(1000));
        }
        rows.push('\n');
    }
    let v = lint(tmp.path(), "rows.txt", &rows);
    assert_eq!(v["stats"]["files"], 1);

    let mut paragraphs = String::from(
        "Sammanträdesprotokoll\nKommunstyrelsen\nSammanträdesdatum 2020-01-15\nPlats och tid Kommunhuset kl. 09.00-12.00\nUtses att justera Anna Berg (S)\n\n",
    );
    for i in 0..30_000 {
        let _ = writeln!(paragraphs, "§ {} Ärende om vägar och parker", i % 500);
    }
    let v = lint(tmp.path(), "paragraphs.txt", &paragraphs);
    assert!(
        v["stats"]["paragraphs"].as_u64().unwrap_or(0) > 1000,
        "{}",
        v["stats"]
    );

    let labels = "Plats och tid Utses att justera Sekreterare Ordförande Justerande ANSLAG/BEVIS "
        .repeat(8_000);
    assert_eq!(lint(tmp.path(), "labels.txt", &labels)["stats"]["files"], 1);

    let names = format!(
        "Underskrifter Sekreterare Ordförande Justerande {}",
        "Anna Berg ".repeat(30_000)
    );
    assert_eq!(lint(tmp.path(), "names.txt", &names)["stats"]["files"], 1);

    let mut figures = String::from("Summa");
    for _ in 0..60_000 {
        let _ = write!(figures, " {}", rng.next(1000));
    }
    assert_eq!(
        lint(tmp.path(), "figures.txt", &figures)["stats"]["files"],
        1
    );
}
