//! `justera text` as a user runs it: the built binary on corpus PDFs and on broken files
//! the test makes itself (zero bytes, truncated PDF, text renamed .pdf, …).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn justera(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_justera"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run justera: {e}"))
}

fn corpus_pdf(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("corpus/pdf")
        .join(name)
}

const SMALL_PDF: &str = "ludvika-smedjebacken-gsn-2021-02-08-bilaga-fordelningsnyckel-2022.pdf";

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Writes the broken-file kinds into `dir` and returns (file, expected reason words).
fn broken_files(dir: &Path) -> Vec<(PathBuf, &'static str)> {
    let pdf = std::fs::read(corpus_pdf(SMALL_PDF)).unwrap_or_else(|e| panic!("{e}"));
    let files: Vec<(&str, Vec<u8>, &'static str)> = vec![
        ("empty.pdf", Vec::new(), "empty file"),
        // Cut inside the object stream: the cross-reference table and trailer are gone.
        (
            "truncated.pdf",
            pdf[..pdf.len() / 3].to_vec(),
            "damaged PDF",
        ),
        (
            "renamed-text.pdf",
            "Protokoll fört vid sammanträde med nämnden\n"
                .as_bytes()
                .to_vec(),
            "not a PDF: looks like plain text",
        ),
        (
            "webpage.pdf",
            b"<!DOCTYPE html><html><body>404</body></html>".to_vec(),
            "not a PDF: looks like an HTML page",
        ),
        (
            "draft.pdf",
            b"PK\x03\x04\x14\x00\x06\x00word/document.xml".to_vec(),
            "not a PDF: looks like a Word document",
        ),
    ];
    files
        .into_iter()
        .map(|(name, bytes, reason)| {
            let path = dir.join(name);
            std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
            (path, reason)
        })
        .collect()
}

#[test]
fn each_broken_file_kind_gives_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (path, reason) in broken_files(dir.path()) {
        let p = path.to_string_lossy().into_owned();
        let out = justera(&["text", &p]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{p}: {err}");
        assert_eq!(
            err.lines().count(),
            1,
            "{p}: one line expected, got {err:?}"
        );
        assert!(
            err.starts_with(&format!("error: {p}: {reason}")),
            "{p}: expected {reason:?}, got {err:?}"
        );
        assert!(stdout(&out).is_empty());
    }
}

#[test]
fn missing_file_is_a_one_line_error() {
    let out = justera(&["text", "/nonexistent/protokoll.pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("error: /nonexistent/protokoll.pdf: cannot read file"));
}

#[test]
fn directory_with_good_and_bad_files_reads_the_good_and_counts_the_bad() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    broken_files(dir.path());
    std::fs::copy(corpus_pdf(SMALL_PDF), dir.path().join("good.pdf"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(dir.path().join("notes.txt"), "Sida ett\n\u{c}Sida två\n")
        .unwrap_or_else(|e| panic!("{e}"));
    // Not an input kind: skipped in a directory walk.
    std::fs::write(dir.path().join("image.png"), b"\x89PNG").unwrap_or_else(|e| panic!("{e}"));
    let out = justera(&["text", &dir.path().to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Totalt Smedjebacken\t1258\t18,41%\t1236\t21,35%\t-22,00\t2,94%"));
    assert!(text.contains("Sida ett\n\u{c}Sida två"));
    let err = stderr(&out);
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(errors.len(), 5, "{err}");
    let summary = err.lines().last().unwrap_or("");
    assert_eq!(
        summary,
        "2 of 7 files read (4 pages); 5 failed: 1 damaged, 1 empty, 3 not-pdf"
    );
}

#[test]
fn pages_are_separated_by_form_feed() {
    let out = justera(&["text", &corpus_pdf(SMALL_PDF).to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let pages: Vec<&str> = text.split('\u{c}').collect();
    assert_eq!(pages.len(), 2);
    assert!(pages[0].contains("Förslag till förändring av fördelningsnyckel"));
    assert!(pages[1].contains("Fördelningsnyckel 2022, jämf 2021"));
}

#[test]
fn layout_mode_aligns_columns_by_x() {
    let out = justera(&["text", "--layout", &corpus_pdf(SMALL_PDF).to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(!text.contains('\t'));
    let col = |needle: &str, cell: &str| -> usize {
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(needle))
            .unwrap_or_else(|| panic!("no line {needle}"));
        line.find(cell)
            .unwrap_or_else(|| panic!("{cell} not in {line}"))
    };
    // Percentages of one column start within a character or two of each other.
    let a = col("KS LKA", "1,86%");
    let b = col("Totalt Smedjebacken", "18,41%");
    assert!(a.abs_diff(b) <= 2, "{a} vs {b}");
}

#[test]
fn json_has_spans_with_coordinates_furniture_and_the_read_report() {
    let name = "herrljunga-vargarda-servicenamnder-delarsrapport-2021-08-31.pdf";
    let out = justera(&[
        "text",
        "--format",
        "json",
        &corpus_pdf(name).to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let file = &json["files"][0];
    assert_eq!(file["kind"], "pdf");
    assert_eq!(file["report"]["pages_read"], 5);
    assert_eq!(file["report"]["pages_lost"], serde_json::json!([]));
    assert_eq!(file["report"]["repaired"], false);
    let lines: Vec<&serde_json::Value> = file["pages"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|p| p["lines"].as_array().into_iter().flatten())
        .collect();
    let row = lines
        .iter()
        .find(|l| {
            l["text"]
                .as_str()
                .is_some_and(|t| t.starts_with("2300 Nätverk\t"))
        })
        .unwrap_or_else(|| panic!("no Nätverk row"));
    let spans = row["spans"].as_array().map(Vec::as_slice).unwrap_or(&[]);
    let texts: Vec<&str> = spans.iter().filter_map(|s| s["text"].as_str()).collect();
    assert_eq!(texts, ["2300 Nätverk", "108", "1 278", "1 278", "0"]);
    for s in spans {
        let (x0, x1) = (s["x0"].as_f64(), s["x1"].as_f64());
        assert!(matches!((x0, x1), (Some(a), Some(b)) if a < b), "{s}");
        assert!(s["font_size"].as_f64().is_some_and(|f| f > 4.0));
    }
    assert!(lines
        .iter()
        .any(|l| l["furniture"] == true && l["text"] == "Ärende 4\tSida 2 (5)"));
    assert_eq!(json["failures"], serde_json::json!([]));
}
