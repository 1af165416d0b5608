//! REL002 over columns with no headers: what the columns mean is known only from the
//! table's own arithmetic, so a failing row is decided only where the relation holds on at
//! least four other rows read unambiguously with every figure of three or more significant
//! digits, and on three quarters of the rows; thinner evidence, small counts and total rows
//! stay not decided (info). Invented fixtures in `tests/fixtures/rel_unnamed/`; the real
//! case (Gjemnes' vann- og avløpsgebyr) is judged in `real_pdf.rs`'s fourteenth set.

use crate::common;
use serde_json::Value;

const DIR: &str = "tests/fixtures/rel_unnamed";

fn lint(name: &str) -> Value {
    common::lint_json(&common::fixture_in("rel_unnamed", name))
}

/// REL002 findings: (severity, row, expected, found).
fn rel002(json: &Value) -> Vec<Vec<String>> {
    common::rule_fields(json, "REL002", &["severity", "row", "expected", "found"])
}

fn row(severity: &str, label: &str, expected: &str, found: &str) -> Vec<String> {
    [severity, label, expected, found]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

/// Column 3 = column 1 + column 2 on six rows of four- and five-digit fees; "Verksamhet
/// stor" prints 19 876 for 8 029 + 11 747 = 19 776: the one claim, a warning.
#[test]
fn a_relation_holding_on_six_rows_decides_the_misprinted_one() {
    let json = lint("holds-on-six-rows.txt");
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "REL002",
            "Verksamhet stor",
            "",
            "19776",
            "19876"
        )],
        "{json}"
    );
    let message = common::first_message(&json, "REL002");
    assert!(message.contains("holds on 6 of the 7 rows"), "{message}");
}

/// The same misprint where the relation holds on three other rows only: not decided.
#[test]
fn a_relation_holding_on_three_rows_stays_not_decided() {
    let json = lint("holds-on-three-rows.txt");
    assert!(common::claims(&json).is_empty(), "{json}");
    assert_eq!(
        rel002(&json),
        [row("info", "Verksamhet stor", "19776", "19876")],
        "{json}"
    );
    let message = common::first_message(&json, "REL002");
    assert!(
        message.starts_with("not decided: the columns have no headers"),
        "{message}"
    );
    assert!(message.contains("holds on 3 other rows"), "{message}");
}

/// Two holding rows are no relation at all: nothing checked, nothing reported.
#[test]
fn a_relation_holding_on_two_rows_is_not_read() {
    let json = lint("holds-on-two-rows.txt");
    assert!(common::claims(&json).is_empty(), "{json}");
    assert!(rel002(&json).is_empty(), "{json}");
}

/// Seat counts 1–18 add up on six rows (12 + 3 = 15 …) and not on the seventh: small
/// counts coincide too easily to establish what the columns mean, so not decided.
#[test]
fn small_counts_do_not_establish_a_relation() {
    let json = lint("small-counts.txt");
    assert!(common::claims(&json).is_empty(), "{json}");
    assert_eq!(
        rel002(&json),
        [row("info", "Inlandskretsen", "10", "12")],
        "{json}"
    );
    let message = common::first_message(&json, "REL002");
    assert!(
        message.contains("holds on no other row read unambiguously"),
        "{message}"
    );
}

/// The relation holds on every part row; the "Summa" row fails it because its last
/// figure, 44 902, is not the sum of the rows above (44 802): that is SUM001's error, and
/// the REL002 on the same figure is not decided, folded into it, not a second claim.
#[test]
fn a_failing_total_row_is_left_to_the_column_total() {
    let json = lint("total-row.txt");
    assert_eq!(
        common::claims(&json),
        [common::claim("SUM001", "Summa", "", "44802", "44902")],
        "{json}"
    );
    assert!(rel002(&json).is_empty(), "{json}");
    let message = common::first_message(&json, "SUM001");
    assert!(
        message.contains("(also: not decided: the row is a total over the rows above it"),
        "{message}"
    );
}

/// The whole diagnostic as `justera lint` prints it.
#[test]
fn the_decided_failure_reads_as_reviewed() {
    let text = common::lint_stdout(&format!("{DIR}/holds-on-six-rows.txt"));
    let diagnostic = &common::diagnostics_starting(&text, "warning[REL002]")[0];
    insta::assert_snapshot!("rel_unnamed_rel002", diagnostic);
}
