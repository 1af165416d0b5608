//! Pipe tables written without their outer bars (transcripts of web pages: "2012 | 2013 |"
//! over "---|---|" over "Eget kapital | 351 024 | 374 709 |"), on invented fixtures in
//! `tests/fixtures/pipes/`: read as cells, and the table checks run on them.

use crate::common;
use serde_json::Value;

fn fixture(name: &str) -> std::path::PathBuf {
    common::fixture_in("pipes", name)
}

fn relations_checked(json: &Value) -> u64 {
    common::stat(json, "relations_checked")
}

#[test]
fn a_balanced_pipe_balance_sheet_is_checked_and_holds() {
    let json = common::lint_json(&fixture("br-balanserad.txt"));
    assert_eq!(common::claims(&json), [], "{json:#}");
    // Summa tillgångar and Summa eget kapital, avsättningar och skulder over their rows,
    // in each of the three years.
    assert!(relations_checked(&json) >= 6, "{}", json["stats"]);
}

#[test]
fn a_pipe_column_that_does_not_add_up_is_reported_in_its_column() {
    let json = common::lint_json(&fixture("driftbudget-summa-fel.txt"));
    let c = common::claims(&json);
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
    let c = common::claims(&json);
    assert!(c.iter().all(|(rule, ..)| rule.starts_with("TAB")), "{c:#?}");
    assert!(relations_checked(&json) >= 1, "{}", json["stats"]);
}
