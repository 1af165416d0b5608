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

#[test]
fn the_whole_area_standing_first_closes_the_rows_under_it() {
    // "Hele landet" (totals.vocab `whole_area`) over four fylke: 48 210 against 48 310 in
    // 2019, while the same four rows add up to it in 2020 and 2021.
    let json = lint("whole-area-misprint.txt");
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "SUM001",
            "Hele landet",
            "2019",
            "48210",
            "48310"
        )],
        "{json}"
    );
}

#[test]
fn the_whole_area_over_an_unnamed_failing_column_is_not_decided() {
    // The same misprint under a header whose words no delimiter splits: the failing column
    // has no name, so it may be a rate; only the holding columns are read.
    let json = lint("whole-area-unnamed.txt");
    assert!(common::claims(&json).is_empty(), "{json}");
}

#[test]
fn the_whole_area_over_a_hierarchy_or_an_average_stays_silent() {
    // "Hela riket" over two län and their kommuner: the rows under it count each person
    // twice, so no column adds up and nothing is read of it; "Riket" over kommuner's costs
    // per invånare is their average, no sum.
    for name in ["whole-area-hierarchy.txt", "whole-area-average.txt"] {
        let json = lint(name);
        assert!(common::claims(&json).is_empty(), "{name}: {json}");
        assert_eq!(
            common::rule_fields(&json, "SUM001", &["severity"]).len(),
            0,
            "{name}: {json}"
        );
    }
}

#[test]
fn a_first_figure_column_is_the_total_of_the_columns_right_of_it() {
    // "Årsverk totalt Legar Sjukepleiarar Hjelpepleiarar Anna personell": the header's words
    // are not split into columns, but the first figure column is the sum of the four after
    // it on every row (Nordre 80,1 + 104,3 + 101,0 + 27,2 = 312,6), and "Heile landet" closes
    // the fylke in every column: 5 row relations and 5 column sums, all holding.
    let json = lint("first-column.txt");
    common::assert_all_hold(&json, 10);
    // Søndre's total misprinted 298,1 for 288,1: the row fails while four rows hold.
    let json = lint("first-column-misprint.txt");
    assert_eq!(
        common::claims(&json),
        [common::claim("REL002", "Søndre", "", "288.1", "298.1")],
        "{json}"
    );
}
