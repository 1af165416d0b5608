//! Statistics tables as public pages give them: a bare total word ("I alt", "Totalt",
//! "Yhteensä") standing first over the regions it sums, a change column headed only by its
//! two periods ("2020/2021") that the table's arithmetic shows to be a change in percent
//! (never added), and the statistics offices' "." and ":" for a cell not applicable or not
//! published. The real pages are judged in `real_pdf.rs`'s stattables set. Fixtures in
//! `tests/fixtures/rules/SUM001/total-first/`, invented.

use crate::common;

fn lint(name: &str) -> serde_json::Value {
    common::lint_json(&common::fixture_in("rules/SUM001/total-first", name))
}

#[test]
fn a_bare_total_standing_first_closes_the_rows_under_it() {
    // I alt 14 620 = 3 214 + 5 108 + 4 376 + 1 922 and 15 352 = 3 380 + 5 322 + 4 655
    // + 1 995; "2020/2021" is (2021 − 2020) / 2020 × 100 on all five rows, so it is
    // checked as a change (REL007) and never added.
    let json = lint("holds.txt");
    common::assert_all_hold(&json, 7);
    assert_eq!(
        common::rule_fields(&json, "SUM001", &["severity"]).len(),
        0,
        "{json}"
    );
}

#[test]
fn a_bare_total_standing_first_misprinted_in_one_column_is_reported() {
    // 3 101 + 5 010 + 4 290 + 1 879 = 14 280, printed 14 380, while the same rows add up
    // to I alt in the two other amount columns.
    let json = lint("misprint.txt");
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "SUM001",
            "I alt",
            "Skatt 2019",
            "14280",
            "14380"
        )],
        "{json}"
    );
}

#[test]
fn points_and_colons_after_figures_are_empty_cells() {
    // "Østby 391 390 1 :" and "Vestby 539 538 1 .": the rows are read, their last cell
    // empty, and Plasser i alt = Sykehjem + Andre holds on every row.
    let json = lint("empty-marks.txt");
    common::assert_all_hold(&json, 5);
}
