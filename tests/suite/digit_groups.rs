//! A flat row whose digit groups split into cells more than one way (one space both the
//! thousands separator and the column gap, TAB001 with every split listed): a relation
//! between its columns (REL001, REL002) is checked under every split and decided when it
//! fails under each one; one the reader's own arithmetic settles is read one way; a failing
//! row of one-group figures under columns of thousands is not decided. Invented fixtures in
//! `tests/fixtures/digit_groups/`; the real pages are judged in `real_pdf.rs`'s groups set.

use crate::common;
use serde_json::Value;

const DIR: &str = "tests/fixtures/digit_groups";

fn lint(name: &str) -> Value {
    common::lint_json(&common::fixture_in("digit_groups", name))
}

/// REL001 findings: (severity, row, expected, found).
fn rel001(json: &Value) -> Vec<Vec<String>> {
    common::rule_fields(json, "REL001", &["severity", "row", "expected", "found"])
}

/// "Kommunstyrelsen 45 210 44 987 232": 45 210 | 44 987 | 232, 45 210 | 44 | 987 232 or
/// 45 | 210 | 44 987 232; Budget − Utfall is 223, 45 166 or −165, never the Avvikelse: an
/// error whichever split the record means.
#[test]
fn a_difference_failing_under_every_split_is_decided() {
    let json = lint("fails-under-every-split.txt");
    assert_eq!(
        rel001(&json),
        [["error", "Kommunstyrelsen", "223", "232"]
            .map(String::from)
            .to_vec()],
        "{json}"
    );
    let message = common::first_message(&json, "REL001");
    assert!(
        message.contains("fails under every one of its 3 readings (closest: 223 for 232)"),
        "{message}"
    );
}

/// The same table with 223 printed: the reader's arithmetic reads the row one way, and
/// nothing is reported.
#[test]
fn a_row_one_split_of_which_holds_is_read_that_way() {
    let json = lint("holds-under-one-split.txt");
    assert!(common::claims(&json).is_empty(), "{json}");
    assert!(rel001(&json).is_empty(), "{json}");
    assert!(
        common::rule_fields(&json, "TAB001", &["row"]).is_empty(),
        "{json}"
    );
}

/// "Miljö- och byggnämnden 115 531 116" under Budget and Utfall of five and six digits on
/// every other row: its groups may be fewer figures (a row cut short), so the failing
/// Avvikelse is not decided.
#[test]
fn a_row_of_one_group_figures_under_thousands_stays_not_decided() {
    let json = lint("cut-row-of-one-group-figures.txt");
    assert!(common::claims(&json).is_empty(), "{json}");
    assert_eq!(
        rel001(&json),
        [["info", "Miljö- och byggnämnden", "-416", "116"]
            .map(String::from)
            .to_vec()],
        "{json}"
    );
}

/// The whole diagnostic as `justera lint` prints it.
#[test]
fn the_certain_failure_reads_as_reviewed() {
    let text = common::lint_stdout(&format!("{DIR}/fails-under-every-split.txt"));
    let diagnostic = &common::diagnostics_starting(&text, "error[REL001]")[0];
    insta::assert_snapshot!("digit_groups_rel001", diagnostic);
}
