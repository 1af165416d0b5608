//! A total that adds up in none of its columns is, as a rule, a sign the rows were not read
//! as the record means them (not decided, info). It is reported when the reading leaves no
//! room for another: its parts all the rows between the header and it, each read whole
//! with a figure in every column, the table's unit stated, and every column off by less
//! than its smallest part and 2 % of the total. The real case (Herning's tilskud til
//! private institutioner 2020, "I alt pr. barn" 42 and 26 off) is judged in `real_pdf.rs`'s
//! heldout14 set. Fixtures in `tests/fixtures/rules/SUM001/every-column/`, invented.

use crate::common;

fn lint(name: &str) -> serde_json::Value {
    common::lint_json(&common::fixture_in("rules/SUM001/every-column", name))
}

/// Every SUM001 finding is information saying the total adds up in no column, and
/// nothing is claimed.
fn assert_not_decided(json: &serde_json::Value, findings: usize) {
    let sum001 = common::rule_fields(json, "SUM001", &["severity", "message"]);
    assert_eq!(sum001.len(), findings, "{json}");
    for f in &sum001 {
        assert_eq!(f[0], "info", "{json}");
        assert!(
            f[1].contains("adds up in none of its 2 columns"),
            "{}",
            f[1]
        );
    }
    assert!(common::claims(json).is_empty(), "{json}");
}

#[test]
fn a_total_misprinted_in_both_columns_over_rows_read_whole_is_reported() {
    // 11 240 + 337 + 912 = 12 489, printed 12 456; 7 385 + 222 + 604 = 8 211, printed 8 196.
    let json = lint("misprint-both-columns.txt");
    assert_eq!(
        common::claims(&json),
        [
            common::claim("SUM001", "Summa per barn", "1-3 år, kr", "12489", "12456"),
            common::claim("SUM001", "Summa per barn", "4-5 år, kr", "8211", "8196"),
        ],
        "{json}"
    );
    let message = common::first_message(&json, "SUM001");
    assert!(
        message.contains(
            "the 3 rows between the header and \"Summa per barn\" are all read, each with a figure in every column, and it fails in both its columns by little (33 and 15 off"
        ),
        "{message}"
    );
}

#[test]
fn a_key_figure_list_whose_total_counts_is_not_decided() {
    // "Totalt antal besök" under "Antal brukare" and "Antal beviljade timmar": 12 and 40
    // off, but the rows name counts of different things, no amounts of the table's unit.
    assert_not_decided(&lint("key-figure-list.txt"), 2);
}

#[test]
fn a_total_over_a_varav_row_is_not_decided() {
    // 48 310 + 9 450 + 6 280 = 64 040 against 64 020: the "varav" row between the parts
    // leaves which rows the total closes open.
    assert_not_decided(&lint("varav-row.txt"), 2);
}

#[test]
fn a_total_far_off_in_every_column_is_not_decided() {
    // 4 820 + 1 930 + 640 = 7 390 against 9 912: a third off, more than any part.
    assert_not_decided(&lint("far-off.txt"), 2);
}
