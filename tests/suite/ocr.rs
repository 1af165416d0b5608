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

/// A scanned copy of a corpus PDF, made once per test binary (tests running at once
/// wait for the one making it).
fn scan_of(name: &str) -> PathBuf {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    static MAKING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let dir = DIR.get_or_init(|| tempfile::tempdir().expect("temp dir"));
    let out = dir.path().join(format!("scan-{name}"));
    let _making = MAKING.lock().unwrap_or_else(|e| e.into_inner());
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
    // Measured 2026-12-03: 108 of 110 (README "Scanned records"; 29 before the page
    // image was cleaned and words split by their ink). The target is 90 %.
    assert!(matched * 100 >= total * 95, "{matched} of {total}");

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
        let line = line.split(" (page read by OCR").next().unwrap_or(line);
        let rule_row = line.split(" on row ").nth(1).unwrap_or(line);
        assert!(
            original
                .lines()
                .any(|l| l.starts_with("error[") && l.contains(rule_row)),
            "false error on the scan: {line}\n{out}"
        );
    }
    // The findings the born-digital file has (FINDINGS.md F3) are found on the scan,
    // as errors: every figure they read was read with confidence.
    for (rule, row) in [
        ("error[SUM002]", "on row \"Ledning\""),
        ("error[SUM002]", "on row \"Enhetschefer\""),
        ("error[SUM001]", "in column \"Personalkostnader\""),
    ] {
        assert!(
            out.lines().any(|l| l.starts_with(rule) && l.contains(row)),
            "{rule} {row} not found on the scan:\n{out}"
        );
    }
    assert!(out.contains("3 errors"), "{out}");
    // Findings on OCR'd pages say so.
    for line in out
        .lines()
        .filter(|l| l.starts_with("error[") || l.starts_with("warning[") || l.starts_with("info["))
    {
        assert!(line.contains("OCR"), "{line}");
    }
}

/// One finding as compared between a born-digital file and its scan: rule, severity,
/// message (without what the scan adds: "(page read by OCR …)" and after), page, line.
type Compared = (String, String, String, u64, u64);

/// `justera lint --format json` of `path`: its findings as compared, and the full ones.
fn lint_findings(path: &Path) -> (Vec<Compared>, Vec<Value>) {
    let o = justera(
        &[
            "lint",
            "--format",
            "json",
            "--timeout",
            "600",
            &path.display().to_string(),
        ],
        &[],
    );
    // Read and checked (0: nothing found, 1: findings), not failed.
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}: {}",
        path.display(),
        text(&o.stderr)
    );
    let report: Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("lint json: {e}: {}", text(&o.stderr)));
    assert_eq!(report["stats"]["files"], 1, "{report}");
    let findings = report["findings"].as_array().cloned().unwrap_or_default();
    let mut compared: Vec<Compared> = findings
        .iter()
        .map(|f| {
            let message = f["message"].as_str().unwrap_or("");
            (
                f["rule"].as_str().unwrap_or("").to_string(),
                f["severity"].as_str().unwrap_or("").to_string(),
                message
                    .split(" (page read by OCR")
                    .next()
                    .unwrap_or(message)
                    .to_string(),
                f["page"].as_u64().unwrap_or(0),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    compared.sort();
    (compared, findings)
}

/// A scanned copy of seed protocol `name` linted gives the born-digital PDF's findings,
/// at the same places, with the same severity (issue 16: done when). Returns the
/// scan's findings.
fn scan_gives_the_born_digital_findings(name: &str) -> (Vec<Compared>, Vec<Value>) {
    let (original, _) = lint_findings(&Path::new("corpus/pdf").join(name));
    let scan = scan_of(name);
    let (scanned, full) = lint_findings(&scan);
    assert_eq!(
        scanned, original,
        "the scan of {name} does not give the born-digital findings:\n{full:#?}"
    );
    // Every finding on the scan says it was read by OCR.
    for f in &full {
        let message = f["message"].as_str().unwrap_or("");
        assert!(message.contains("(page read by OCR"), "{message}");
    }
    (original, full)
}

#[test]
fn scanned_seed_000_protocol_gives_the_born_digital_findings() {
    if !ocr_tools() {
        return;
    }
    // Seed 000: FINDINGS.md F5, "§ 9 Meddelanden" listed twice, the body's § 10.
    let (findings, full) =
        scan_gives_the_born_digital_findings("herrljunga-vargarda-itvt-2022-03-02-protokoll.pdf");
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(
        (findings[0].0.as_str(), findings[0].1.as_str()),
        ("FORM002", "error")
    );
    assert!(findings[0]
        .2
        .contains("is listed twice; the body has it as § 10"));
    // Tesseract read every "§" of it as "8" or "&": the finding names the signs read
    // from their shape it rests on (the list's line and the body's § 9).
    let message = full[0]["message"].as_str().unwrap_or("");
    assert!(
        message.contains("\"§\" read from its shape at page 2 line 12 (Tesseract read"),
        "{message}"
    );
}

#[test]
fn scanned_seed_003_protocol_gives_the_born_digital_findings() {
    if !ocr_tools() {
        return;
    }
    // Seed 003: FINDINGS.md F6 (FORM003, the anslag), F7 (FORM002, § 66's title; § 63 an
    // info), F8 (FORM007, § 67) and the two FORM008 placeholders.
    let (findings, _) =
        scan_gives_the_born_digital_findings("itsam-direktionen-2021-11-18-protokoll.pdf");
    let rules: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| (f.0.as_str(), f.1.as_str()))
        .collect();
    for expected in [
        ("FORM003", "error"),
        ("FORM002", "error"),
        ("FORM007", "error"),
        ("FORM002", "info"),
        ("FORM008", "warning"),
    ] {
        assert!(rules.contains(&expected), "{expected:?} not in {rules:?}");
    }
    assert_eq!(findings.len(), 6, "{findings:?}");
    assert!(findings
        .iter()
        .any(|f| f.0 == "FORM002" && f.2.starts_with("§ 66 is \"Kinda kommuns utträde")));
}

#[test]
fn audit_of_a_folder_with_born_digital_and_scanned_files_counts_ocr_pages() {
    if !ocr_tools() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    std::fs::create_dir(&archive).unwrap();
    std::fs::copy(
        Path::new("corpus/pdf").join(MEDLEMSBIDRAG),
        archive.join("born-digital.pdf"),
    )
    .unwrap();
    std::fs::copy(scan_of(MEDLEMSBIDRAG), archive.join("scanned.pdf")).unwrap();
    let out = tmp.path().join("out");
    let o = justera(
        &[
            "audit",
            "--no-cache",
            "--quiet",
            "--timeout",
            "600",
            "--out",
            &out.display().to_string(),
            &archive.display().to_string(),
        ],
        &[],
    );
    assert_ne!(o.status.code(), Some(2), "{}", text(&o.stderr));
    let report: Value =
        serde_json::from_slice(&std::fs::read(out.join("findings.json")).unwrap()).unwrap();
    let summary = &report["summary"];
    assert_eq!(summary["files"], 2, "{summary}");
    assert_eq!(summary["files_read"], 2, "{summary}");
    assert_eq!(summary["ocr_files"], 1, "{summary}");
    assert_eq!(summary["ocr_pages"], 3, "{summary}");
    // Both files' F3 errors are in the report.
    let findings = report["findings"].as_array().expect("findings");
    for file in ["born-digital.pdf", "scanned.pdf"] {
        let errors = findings
            .iter()
            .filter(|f| {
                f["severity"] == "error" && f["file"].as_str().is_some_and(|p| p.ends_with(file))
            })
            .count();
        assert_eq!(errors, 3, "{file}: {errors} errors");
    }
}
