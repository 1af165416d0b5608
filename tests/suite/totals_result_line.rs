//! A total that closes the previous total and the rows after a result line between them
//! (Summa kostnader = Summa driftkostnader + the rows after Driftöverskott, where
//! Driftöverskott = Summa intäkter + Summa driftkostnader): a relation of its own,
//! decided where the result line restates the totals above it in every column. The real
//! case (Östersundsbostäder 2010, Summa kostnader 2009) is judged in `real_pdf.rs`.

use crate::common;

/// The lint JSON of a fixture in `tests/fixtures/totals/`.
fn lint(name: &str) -> serde_json::Value {
    common::lint_json(&common::fixture_in("totals", name))
}

#[test]
fn a_total_past_a_result_line_that_fails_in_one_column_is_an_error() {
    let json = lint("result-line-between-totals.txt");
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "SUM001",
            "Summa kostnader",
            "2022",
            "-1345",
            "-1354"
        )],
        "{json}"
    );
    let message = common::first_message(&json, "SUM001");
    assert!(
        message.contains("less the result line between them"),
        "{message}"
    );
    assert!(message.contains("holds in 2 other columns"), "{message}");
}

#[test]
fn a_total_past_a_result_line_that_adds_up_is_silent() {
    common::assert_all_hold(&lint("result-line-between-totals-holds.txt"), 12);
}

/// The line between the totals is not their sum in one column: it restates nothing, so
/// which rows the total closes is not known and its failure is not decided (the misprint
/// still breaks Årets resultat = Summa intäkter + Summa kostnader, which REL003 reports).
#[test]
fn a_line_that_is_not_the_totals_sum_everywhere_is_no_result_line() {
    let json = lint("result-line-between-totals-unproven.txt");
    let sum001 = common::rule_fields(&json, "SUM001", &["severity"]);
    assert!(!sum001.is_empty(), "{json}");
    assert!(sum001.iter().all(|f| f[0] == "info"), "{json}");
    assert!(
        common::claims(&json).iter().all(|c| c.0 != "SUM001"),
        "{json}"
    );
}
