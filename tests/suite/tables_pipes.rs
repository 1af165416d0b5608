//! Pipe tables written without their outer bars (transcripts of web pages: "2012 | 2013 |"
//! over "---|---|" over "Eget kapital | 351 024 | 374 709 |"), on invented fixtures in
//! `tests/fixtures/pipes/`: read as cells, and the table checks run on them.

use crate::common;
use serde_json::Value;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pipes")
        .join(name);
    assert!(p.is_file(), "missing fixture {}", p.display());
    p
}

/// Errors and warnings: (rule, row, column, expected, found).
fn claims(json: &Value) -> Vec<(String, String, String, String, String)> {
    let s = |f: &Value, k: &str| f[k].as_str().unwrap_or_default().to_string();
    json["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .filter(|f| f["severity"] == "error" || f["severity"] == "warning")
        .map(|f| {
            (
                s(f, "rule"),
                s(f, "row"),
                s(f, "column"),
                s(f, "expected"),
                s(f, "found"),
            )
        })
        .collect()
}

fn relations_checked(json: &Value) -> u64 {
    json["stats"]["relations_checked"]
        .as_u64()
        .unwrap_or_else(|| panic!("no relations_checked in {}", json["stats"]))
}

#[test]
fn a_balanced_pipe_balance_sheet_is_checked_and_holds() {
    let json = common::lint_json(&fixture("br-balanserad.txt"));
    assert_eq!(claims(&json), [], "{json:#}");
    // Summa tillgångar and Summa eget kapital, avsättningar och skulder over their rows,
    // in each of the three years.
    assert!(relations_checked(&json) >= 6, "{}", json["stats"]);
}

#[test]
fn a_pipe_column_that_does_not_add_up_is_reported_in_its_column() {
    let json = common::lint_json(&fixture("driftbudget-summa-fel.txt"));
    let c = claims(&json);
    // 42 100 + 318 900 + 271 000 = 632 000, printed 642 000; Budget 2022 holds.
    assert_eq!(c.len(), 1, "{c:#?}");
    let (_, row, column, _, found) = &c[0];
    assert_eq!(row, "Summa");
    assert_eq!(column, "Budget 2023");
    assert_eq!(found, "642000", "{c:#?}");
    assert!(relations_checked(&json) >= 2, "{}", json["stats"]);
}

#[test]
fn a_cut_figure_in_a_pipe_cell_is_reported_not_kept_as_text() {
    let json = common::lint_json(&fixture("avskuren-siffra.txt"));
    let tab = json["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .filter(|f| f["rule"] == "TAB003")
        .count();
    assert!(tab >= 1, "{json:#}");
    assert!(
        json["stats"]["tables_unparsed"].as_u64() >= Some(1),
        "{}",
        json["stats"]
    );
    // The column that reads whole is still checked, and holds: no claim but the TAB one.
    let c = claims(&json);
    assert!(c.iter().all(|(rule, ..)| rule.starts_with("TAB")), "{c:#?}");
    assert!(relations_checked(&json) >= 1, "{}", json["stats"]);
}
