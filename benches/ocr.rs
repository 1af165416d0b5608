//! What OCR costs: seconds per scanned page, with 1 and 2 jobs, as a ratio to auditing
//! the born-digital originals of the same pages in the same run. Two scanned copies of
//! the Medlemsbidrag bilaga (3 pages each, made by `scripts/make-scan`) are audited.
//! Needs Tesseract, pdftoppm, img2pdf and Pillow: `cargo bench --bench ocr`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const NAME: &str = "ludvika-smedjebacken-gsn-2021-02-08-bilaga-medlemsbidrag-2022.pdf";

fn audit(dir: &Path, out: &Path, jobs: u32) -> Option<(f64, String)> {
    let start = Instant::now();
    let o = Command::new(env!("CARGO_BIN_EXE_justera"))
        .args(["audit", "--no-cache", "--timeout", "600", "--jobs"])
        .arg(jobs.to_string())
        .arg("--out")
        .arg(out)
        .arg(dir)
        .output()
        .ok()?;
    let secs = start.elapsed().as_secs_f64();
    let text =
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    let pages = text
        .lines()
        .find(|l| l.contains("files (") || l.contains("read by OCR"))
        .unwrap_or("")
        .to_string();
    o.status.code().filter(|c| *c <= 1)?;
    Some((secs, pages))
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().expect("temp dir");
    let (scans, born) = (tmp.path().join("scans"), tmp.path().join("born"));
    std::fs::create_dir_all(&scans).unwrap();
    std::fs::create_dir_all(&born).unwrap();
    let python = ["/usr/bin/python3", "python3"]
        .into_iter()
        .find(|p| {
            Command::new(p)
                .args(["-c", "import PIL, img2pdf"])
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .expect("python3 with Pillow and img2pdf");
    let src = root.join("corpus/pdf").join(NAME);
    for (i, seed) in ["1", "2"].iter().enumerate() {
        let ok = Command::new(python)
            .arg(root.join("scripts/make-scan"))
            .args(["--noise", "0.0005", "--seed", seed])
            .arg(&src)
            .arg(scans.join(format!("scan{i}.pdf")))
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "make-scan failed");
        std::fs::copy(&src, born.join(format!("born{i}.pdf"))).unwrap();
    }
    let pages = 6.0;
    for jobs in [1, 2] {
        let reference = audit(&born, &tmp.path().join("out-born"), jobs);
        let scanned = audit(&scans, &tmp.path().join("out-scan"), jobs);
        match (reference, scanned) {
            (Some((r, _)), Some((s, summary))) => println!(
                "ocr, {jobs} job(s): {:.2} s per scanned page ({s:.1} s for {pages} pages; \
                 born-digital originals {r:.2} s, ratio {:.0}x)\n    {summary}",
                s / pages,
                s / r.max(1e-3)
            ),
            _ => println!("ocr, {jobs} job(s): could not run the audit"),
        }
    }
}
