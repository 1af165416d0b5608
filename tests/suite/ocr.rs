//! Scanned records read by OCR (issue 16). The scans are made here from corpus PDFs with
//! `scripts/make-scan` (300 dpi grey, skew, noise, image-only PDF). Tests that need
//! Tesseract fail when it is missing, unless `JUSTERA_ALLOW_SKIP=1` is set; CI installs
//! it (`.ci/run`).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

const MEDLEMSBIDRAG: &str = "ludvika-smedjebacken-gsn-2021-02-08-bilaga-medlemsbidrag-2022.pdf";
const REAL_SCAN: &str = "../shared/realpdf/files/se-gbg-rapportsammandrag-hedersrelaterat-vald.pdf";

fn justera(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_justera"));
    c.args(args);
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run justera")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// True when the OCR tools are here; without them the test fails, or is skipped with a
/// message when `JUSTERA_ALLOW_SKIP=1`.
fn ocr_tools() -> bool {
    let ok = |prog: &str, arg: &str| {
        Command::new(prog)
            .arg(arg)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    let langs = Command::new("tesseract")
        .arg("--list-langs")
        .output()
        .map(|o| text(&o.stdout))
        .unwrap_or_default();
    if ok("tesseract", "--version")
        && langs.lines().any(|l| l.trim() == "swe")
        && ok("pdftoppm", "-v")
    {
        return true;
    }
    if std::env::var("JUSTERA_ALLOW_SKIP").as_deref() == Ok("1") {
        eprintln!("skipped: tesseract-ocr, tesseract-ocr-swe or poppler-utils missing");
        return false;
    }
    panic!(
        "OCR tests need tesseract-ocr tesseract-ocr-swe poppler-utils (JUSTERA_ALLOW_SKIP=1 skips)"
    );
}

/// The Python that has Pillow and img2pdf (Debian's, when pyenv shadows it).
fn python() -> &'static str {
    for p in ["/usr/bin/python3", "python3"] {
        let has = Command::new(p)
            .args(["-c", "import PIL, img2pdf"])
            .output()
            .is_ok_and(|o| o.status.success());
        if has {
            return p;
        }
    }
    panic!("scripts/make-scan needs python3 with Pillow and img2pdf (python3-pil img2pdf)");
}

/// A scanned copy of a corpus PDF, made once per test run.
fn scan_of(name: &str) -> PathBuf {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = DIR.get_or_init(|| tempfile::tempdir().expect("temp dir"));
    let out = dir.path().join(format!("scan-{name}"));
    if !out.exists() {
        let src = Path::new("corpus/pdf").join(name);
        assert!(src.exists(), "{} missing", src.display());
        let o = Command::new(python())
            .arg("scripts/make-scan")
            .arg("--noise")
            .arg("0.0005")
            .arg(&src)
            .arg(&out)
            .output()
            .expect("run make-scan");
        assert!(o.status.success(), "make-scan: {}", text(&o.stderr));
    }
    out
}

#[test]
fn without_tesseract_a_scan_gets_one_line_and_the_run_goes_on() {
    let real = Path::new(REAL_SCAN);
    assert!(real.exists(), "{REAL_SCAN} missing");
    let born_digital = format!("corpus/pdf/{MEDLEMSBIDRAG}");
    let o = justera(
        &["lint", REAL_SCAN, &born_digital],
        &[("JUSTERA_TESSERACT", "/nonexistent/tesseract")],
    );
    let err = text(&o.stderr);
    let out = text(&o.stdout);
    let line = err
        .lines()
        .find(|l| l.contains("hedersrelaterat"))
        .unwrap_or_else(|| panic!("no line for the scan: {err}"));
    assert!(
        line.ends_with("scanned: install tesseract-ocr tesseract-ocr-swe to read it"),
        "{line}"
    );
    // The born-digital file was still checked: its three errors (F3).
    assert!(
        out.contains("3 errors") && out.contains("in 1 file"),
        "{out}"
    );
    assert_eq!(o.status.code(), Some(1), "{err}");
}

#[test]
fn real_image_only_pdf_gives_its_text() {
    if !ocr_tools() {
        return;
    }
    let o = justera(&["text", "--timeout", "600", REAL_SCAN], &[]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let page1 = text(&o.stdout);
    let page1 = page1.split('\u{c}').next().unwrap_or("");
    // As read by eye from the rendered page 1.
    for words in [
        "Missiv till granskningen av",
        "arbetet mot hedersrelaterat våld",
        "Revisorerna har avslutat granskningen av arbetet mot hedersrelaterat våld och förtryck.",
        "Göteborg den 19 september 2023",
        "Jonas Ransgård",
        "Torbjörn Rigemar",
    ] {
        assert!(page1.contains(words), "{words:?} not in page 1:\n{page1}");
    }
    let err = text(&o.stderr);
    assert!(err.contains("read by OCR (tesseract"), "{err}");
}

/// Cells of `corpus/pdf/tables.json` for `name` that the tables read from the scan give
/// too (same row label, same column, same text up to spacing): (matched, total).
fn table_cells_matched(name: &str, scan: &Path) -> (usize, usize) {
    let norm = |s: &str| {
        s.replace("<b>", "")
            .replace("</b>", "")
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == ',' || *c == '-')
            .collect::<String>()
            .to_lowercase()
    };
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string("corpus/pdf/tables.json").unwrap()).unwrap();
    let o = justera(
        &[
            "tables",
            "--format",
            "json",
            "--timeout",
            "600",
            &scan.display().to_string(),
        ],
        &[],
    );
    let got: Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("tables json: {e}: {}", text(&o.stderr)));
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    for t in got["tables"].as_array().into_iter().flatten() {
        for r in t["rows"].as_array().into_iter().flatten() {
            let cells = r["cells"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|c| norm(c["raw"].as_str().unwrap_or("")))
                .collect();
            rows.push((norm(r["label"].as_str().unwrap_or("")), cells));
        }
    }
    let (mut matched, mut total) = (0, 0);
    for t in expected[name].as_array().unwrap() {
        let header = t["header_rows"].as_u64().unwrap_or(0) as usize;
        for r in t["rows"].as_array().unwrap().iter().skip(header) {
            let r: Vec<String> = r
                .as_array()
                .unwrap()
                .iter()
                .map(|c| norm(c.as_str().unwrap_or("")))
                .collect();
            let Some((label, cells)) = r.split_first() else {
                continue;
            };
            for (j, cell) in cells.iter().enumerate().filter(|(_, c)| !c.is_empty()) {
                total += 1;
                if rows
                    .iter()
                    .any(|(l, cs)| l == label && cs.get(j) == Some(cell))
                {
                    matched += 1;
                }
            }
        }
    }
    (matched, total)
}

#[test]
fn scanned_medlemsbidrag_tables_and_lint() {
    if !ocr_tools() {
        return;
    }
    // The measure itself: the born-digital file's tables give nearly every cell.
    let born = Path::new("corpus/pdf").join(MEDLEMSBIDRAG);
    let (matched, total) = table_cells_matched(MEDLEMSBIDRAG, &born);
    eprintln!("born-digital table cells equal to tables.json: {matched} of {total}");
    assert!(
        total > 50 && matched * 100 >= total * 90,
        "{matched} of {total}"
    );
    let scan = scan_of(MEDLEMSBIDRAG);
    let (matched, total) = table_cells_matched(MEDLEMSBIDRAG, &scan);
    eprintln!("OCR table cells equal to tables.json: {matched} of {total}");
    // Measured 2026-12-03: 29 of 110 (README "Scanned records"); the target,
    // 90 %, is not reached yet. This floor catches the reading getting worse.
    assert!(matched * 100 >= total * 25, "{matched} of {total}");

    let o = justera(
        &["lint", "--timeout", "600", &scan.display().to_string()],
        &[],
    );
    let out = text(&o.stdout);
    let err = text(&o.stderr);
    // Read and checked: the summary counts relations checked on the scan.
    assert!(
        out.contains("in 1 file") && !out.contains(" 0 relations checked"),
        "{out}\n{err}"
    );
    // No false error: every error on the scan is one the born-digital file has (F3).
    let original = justera(&["lint", &format!("corpus/pdf/{MEDLEMSBIDRAG}")], &[]);
    let original = text(&original.stdout);
    for line in out.lines().filter(|l| l.starts_with("error[")) {
        let rule_row = line.split(" on row ").nth(1).unwrap_or(line);
        assert!(
            original
                .lines()
                .any(|l| l.starts_with("error[") && l.contains(rule_row)),
            "false error on the scan: {line}\n{out}"
        );
    }
    // Findings on OCR'd pages say so.
    for line in out
        .lines()
        .filter(|l| l.starts_with("error[") || l.starts_with("warning[") || l.starts_with("info["))
    {
        assert!(line.contains("OCR"), "{line}");
    }
}
