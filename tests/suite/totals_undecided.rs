//! A total whose parts skip a row read as a total that is itself the sum of nothing
//! above it: which rows it closes is not certain, so a failing column is not decided
//! (info), never an error. The real case (LKF's resultaträkning 2015, "Resultat
//! fastighetsförsäljning 0,0 14,4" among the intäkter) is judged in `real_pdf.rs`.

use crate::common;
use std::path::PathBuf;

#[test]
fn a_result_named_line_among_the_parts_leaves_the_total_not_decided() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/totals/result-line-among-parts.txt");
    assert!(path.is_file(), "missing fixture {}", path.display());
    let json = common::lint_json(&path);
    let findings = json["findings"].as_array().expect("findings array");
    let sum001: Vec<&serde_json::Value> =
        findings.iter().filter(|f| f["rule"] == "SUM001").collect();
    // 2025 holds with the 0,0 line or without it; 2024 holds only with it
    // (498,0 + 7,1 + 22,5 + 1,4 = 529,0): the one SUM001 is information.
    assert_eq!(sum001.len(), 1, "{json}");
    assert_eq!(sum001[0]["severity"], "info", "{json}");
    let message = sum001[0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("\"Resultat fastighetsförsäljning\" between its parts"),
        "{message}"
    );
    assert!(
        !findings
            .iter()
            .any(|f| f["severity"] == "error" || f["severity"] == "warning"),
        "{json}"
    );
}

/// Cells written one per line and paired up wrongly leave a part whose label is a bare
/// figure ("652" over "2 945"): the parts are not the record's, so a total adding up in
/// no column is not decided (info), never an error. The real case (Bodens Energi's
/// balansräkning 2022, "Uppskjuten skattefordran / 486 / 3 157 / 511 / 3 182") is judged
/// in `real_pdf.rs` (precision set).
#[test]
fn a_figure_read_as_a_part_label_leaves_the_total_not_decided() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/totals/figure-label-among-parts.txt");
    assert!(path.is_file(), "missing fixture {}", path.display());
    let json = common::lint_json(&path);
    let findings = json["findings"].as_array().expect("findings array");
    let sum001: Vec<&serde_json::Value> =
        findings.iter().filter(|f| f["rule"] == "SUM001").collect();
    assert_eq!(sum001.len(), 1, "{json}");
    assert_eq!(sum001[0]["severity"], "info", "{json}");
    let message = sum001[0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("the row \"652\" among its parts has a figure for its label"),
        "{message}"
    );
    assert!(
        !findings
            .iter()
            .any(|f| f["severity"] == "error" || f["severity"] == "warning"),
        "{json}"
    );
}
