//! An unlabeled subtotal closing the rows under its heading in a resultaträkning that adds
//! up in no column: as a rule not decided (it may be a nested subtotal of some of the
//! rows), but reported when the statement's next line adds it in place of the group and
//! follows from it in every column, so it can only stand for the whole group. The real
//! case (AB Ystadbostäder 2022: Förvaltningskostnader left out of the cost subtotal, both
//! years) is judged in `real_pdf.rs` (realheldout6.tsv).

use crate::common;

#[test]
fn a_subtotal_the_next_result_line_takes_for_its_group_is_reported() {
    let json = common::lint_json(&common::fixture_in(
        "totals",
        "group-subtotal-statement-confirms.txt",
    ));
    assert_eq!(
        common::claims(&json),
        [
            common::claim("SUM003", "", "2024", "-46000", "-26000"),
            common::claim("SUM003", "", "2023", "-43700", "-24700"),
        ],
        "{json}"
    );
    let text = common::lint_stdout("tests/fixtures/totals/group-subtotal-statement-confirms.txt");
    let diagnostic = &common::diagnostics_starting(&text, "warning[SUM003]")[0];
    insta::assert_snapshot!(diagnostic);
}

/// The same subtotal where "Rörelseresultat" is the intäkter less Driftkostnader and the
/// subtotal (a nested subtotal of the last three rows would read so): the line does not
/// follow from the subtotal, and nothing is claimed.
#[test]
fn a_subtotal_the_next_line_does_not_confirm_claims_nothing() {
    let json = common::lint_json(&common::fixture_in("totals", "group-subtotal-nested.txt"));
    assert!(common::claims(&json).is_empty(), "{json}");
}
