//! PDF pages whose tables are set with single spaces: text excerpts of the repository's
//! own real fixtures (`tests/fixtures/real/`) printed to PDF by headless Chromium as a
//! monospaced `<pre>` page (7 pt, A3 landscape, as a report printed from text is), then
//! read back. The geometric reader finds no column gaps in such rows; the text readers
//! read the lines no geometric table took. Each PDF must give the same tables (every
//! row's label and values), the same number of relations checked and the same claims
//! as its text, and each claim must point at the PDF line that holds its row. One of
//! the excerpts runs over four pages, so its tables cross page breaks.
//!
//! Needs Chromium; without it the test is skipped with a note, unless
//! `JUSTERA_REQUIRE_BROWSER` is set (as `.ci/run` does), when it fails.

use crate::common;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// (fixture under tests/fixtures/real, rows with figures at least, relations at least).
/// The last runs over several pages: its tables cross page breaks. Umeå's fem år was read
/// as 75 rows of one figure each until its second row of years was taken for the
/// koncern's header (d8ccd0f): now 28 rows of five years each.
const EXCERPTS: &[(&str, usize, u64)] = &[
    ("heldout8/drift-askoy-2018.txt", 35, 18),
    ("heldout8/rr-br-ostersundsbostader-2010.txt", 32, 40),
    ("heldout3/br-lerum-2023.txt", 25, 36),
    ("heldout3/noter-burlov-2023.txt", 27, 12),
    ("heldout7/femar-umea-2017.txt", 28, 5),
];

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The excerpt without its source line, as it stands in the PDF, and the PDF Chromium
/// prints of it.
fn render(browser: &str, fixture: &Path, dir: &Path) -> (PathBuf, PathBuf) {
    let text = std::fs::read_to_string(fixture)
        .unwrap_or_else(|e| panic!("{}: cannot read: {e}", fixture.display()));
    let body = match text.split_once('\n') {
        Some((first, rest)) if first.starts_with("# K") => rest,
        _ => text.as_str(),
    };
    let name = fixture.file_stem().unwrap().to_string_lossy().into_owned();
    let txt = dir.join(format!("{name}.txt"));
    std::fs::write(&txt, body).unwrap();
    let html = dir.join(format!("{name}.html"));
    std::fs::write(
        &html,
        format!(
            "<!doctype html><meta charset=\"utf-8\"><style>@page{{size:A3 landscape;margin:10mm}} \
             pre{{font:7pt \"DejaVu Sans Mono\",monospace;white-space:pre;margin:0}}</style><pre>{}</pre>",
            escape(body)
        ),
    )
    .unwrap();
    let pdf = dir.join(format!("{name}.pdf"));
    let out = Command::new("timeout")
        .arg("90")
        .arg(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("browser runs");
    assert!(
        out.status.success() && pdf.is_file(),
        "{browser} printed no PDF of {}: {}",
        html.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    (txt, pdf)
}

/// Every table row as (label, values), in reading order.
fn rows(path: &Path) -> Vec<(String, Vec<Value>)> {
    let json: Value = serde_json::from_str(&common::tables_json(path)).expect("tables JSON");
    json["tables"]
        .as_array()
        .expect("tables")
        .iter()
        .flat_map(|t| t["rows"].as_array().expect("rows").iter())
        .map(|r| {
            let values = r["cells"]
                .as_array()
                .expect("cells")
                .iter()
                .map(|c| c["value"].clone())
                .collect();
            (r["label"].as_str().unwrap_or_default().to_string(), values)
        })
        .collect()
}

/// The PDF's lines as `justera text --format json` gives them: (page, line) → text.
fn pdf_lines(pdf: &Path) -> std::collections::HashMap<(u64, u64), String> {
    let out = Command::new(env!("CARGO_BIN_EXE_justera"))
        .args(["text", "--format", "json"])
        .arg(pdf)
        .output()
        .expect("run justera text");
    let json: Value = serde_json::from_slice(&out.stdout).expect("text JSON");
    let mut lines = std::collections::HashMap::new();
    for page in json["files"][0]["pages"].as_array().expect("pages") {
        for line in page["lines"].as_array().expect("lines") {
            lines.insert(
                (
                    page["number"].as_u64().unwrap(),
                    line["number"].as_u64().unwrap(),
                ),
                line["text"].as_str().unwrap_or_default().to_string(),
            );
        }
    }
    lines
}

#[test]
fn text_printed_to_pdf_gives_the_tables_relations_and_claims_of_its_text() {
    let Some(browser) = common::chromium() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    for &(name, min_rows, min_relations) in EXCERPTS {
        let (txt, pdf) = render(browser, &real.join(name), tmp.path());
        // The tables: every row with the same label and values, in the same order.
        let from_text = rows(&txt);
        let from_pdf = rows(&pdf);
        let with_figures = from_text
            .iter()
            .filter(|(_, v)| v.iter().any(|v| !v.is_null()))
            .count();
        assert!(
            with_figures >= min_rows,
            "{name}: only {with_figures} rows with figures read from the text"
        );
        assert_eq!(from_pdf, from_text, "{name}: the PDF's table rows");
        // The relations and the claims.
        let lint_text = common::lint_json(&txt);
        let lint_pdf = common::lint_json(&pdf);
        let relations = common::stat(&lint_text, "relations_checked");
        assert!(relations >= min_relations, "{name}: {}", lint_text["stats"]);
        for key in ["relations_checked", "relations_failed", "tables"] {
            assert_eq!(
                common::stat(&lint_pdf, key),
                common::stat(&lint_text, key),
                "{name}: stats.{key}: PDF {} vs text {}",
                lint_pdf["stats"],
                lint_text["stats"]
            );
        }
        let mut claims_text = common::claims(&lint_text);
        let mut claims_pdf = common::claims(&lint_pdf);
        claims_text.sort();
        claims_pdf.sort();
        assert_eq!(claims_pdf, claims_text, "{name}: claims");
        // Each finding about a row points at the PDF line that holds what the text's
        // finding points at (the PDF has no blank lines, so the numbers differ).
        let lines = pdf_lines(&pdf);
        let pages: std::collections::BTreeSet<u64> = lines.keys().map(|(p, _)| *p).collect();
        let written_text = std::fs::read_to_string(&txt).unwrap();
        let text_lines: Vec<&str> = written_text.lines().collect();
        let key = |f: &Value| {
            ["rule", "row", "column", "found"]
                .map(|k| f[k].as_str().unwrap_or_default().to_string())
        };
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut placed = 0;
        for f in lint_pdf["findings"].as_array().expect("findings") {
            if f["row"].as_str().is_none_or(str::is_empty) {
                continue;
            }
            let twin = lint_text["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .find(|t| key(t) == key(f))
                .unwrap_or_else(|| panic!("{name}: {f} has no twin in the text's findings"));
            let at = (f["page"].as_u64().unwrap(), f["line"].as_u64().unwrap());
            let line = lines.get(&at).map_or("", String::as_str);
            let written = twin["line"]
                .as_u64()
                .and_then(|l| text_lines.get(l as usize - 1))
                .copied()
                .unwrap_or_default();
            assert_eq!(
                words(&line.replace('\t', " ")),
                words(written),
                "{name}: {} about row {:?} points at page {} line {}",
                f["rule"],
                f["row"],
                at.0,
                at.1
            );
            placed += 1;
        }
        assert!(
            placed > 0 || common::claims(&lint_pdf).is_empty(),
            "{name}: no finding placed"
        );
        if name.contains("femar-umea") {
            assert!(
                pages.len() >= 3,
                "{name}: {} pages, not several",
                pages.len()
            );
        }
    }
}
