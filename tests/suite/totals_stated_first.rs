//! A labeled total standing first over its parts ("Verksamhetens intäkter totalt" over
//! Försäljningsintäkter … Övriga intäkter, as Statistikcentralen's bokslut tables print
//! it), its label wrapped over two lines above its figures. Invented fixtures in
//! `tests/fixtures/totals/`; the real case is judged in `real_pdf.rs` (tenth held-out set).

use crate::common;

fn lint(name: &str) -> serde_json::Value {
    common::lint_json(&common::fixture_in("totals", name))
}

/// The wrapped label ("Verksamhetens intäkter" / "totalt") is the first row's label, not
/// header text.
#[test]
fn a_first_rows_label_wrapped_above_its_figures_is_its_label() {
    let tables = common::tables_json(&common::fixture_in("totals", "stated-first-holds.txt"));
    let json: serde_json::Value = serde_json::from_str(&tables).expect("tables JSON");
    let first = &json["tables"][0]["rows"][0];
    assert_eq!(first["label"], "Verksamhetens intäkter totalt", "{json}");
    assert_eq!(json["tables"][0]["columns"][0], "2019", "{json}");
}

/// 804 + 208 + 200 = 1 212 and so on in three columns: checked and holding.
#[test]
fn a_total_standing_first_is_the_sum_of_the_rows_under_it() {
    common::assert_all_hold(&lint("stated-first-holds.txt"), 3);
}

/// The same with 2021 printed 1 310: found in that column, the sum holding in the two others.
#[test]
fn a_misprinted_total_standing_first_is_found() {
    let json = lint("stated-first-misprint.txt");
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "SUM001",
            "Verksamhetens intäkter totalt",
            "2021",
            "1301",
            "1310"
        )]
    );
    let message = common::first_message(&json, "SUM001");
    assert!(message.contains("the rows under it"), "{message}");
}

/// A row of zeros after the parts: the total adds up with it and without it, so which
/// rows it closes is not certain and nothing is read, the misprint included.
#[test]
fn a_total_standing_first_over_an_uncertain_run_is_not_decided() {
    let json = lint("stated-first-ambiguous.txt");
    assert!(
        common::claims(&json).is_empty(),
        "{:?}",
        common::claims(&json)
    );
    common::assert_stat(&json, "relations_checked", 0);
}

/// Columns of changes in percent ("Förändring, %") never add: the two amount columns
/// are checked, the percent ones not.
#[test]
fn a_change_in_percent_is_not_added() {
    let json = lint("stated-first-change-percent.txt");
    common::assert_all_hold(&json, 2);
    common::assert_stat(&json, "relations_checked", 2);
}

/// A failing column no header names, where the sum holds in only one other column, may
/// be a rate or a change: not read as a relation, no claim.
#[test]
fn a_failure_in_an_unnamed_column_without_corroboration_is_not_claimed() {
    let json = lint("stated-first-unnamed-misprint.txt");
    assert!(
        common::claims(&json).is_empty(),
        "{:?}",
        common::claims(&json)
    );
    common::assert_stat(&json, "relations_checked", 1);
}

/// The whole diagnostic of the misprint as `justera lint` prints it.
#[test]
fn the_misprint_reads_as_reviewed() {
    let text = common::lint_stdout("tests/fixtures/totals/stated-first-misprint.txt");
    let diagnostic = &common::diagnostics_starting(&text, "error[SUM001]")[0];
    insta::assert_snapshot!("stated_first_sum001", diagnostic);
}
