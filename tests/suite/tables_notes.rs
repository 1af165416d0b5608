//! A "Not" column where only some rows carry a note reference (LKF's resultaträkning in
//! the sixth held-out set: "Not 2018 2017", half the rows without a note), on invented
//! fixtures in `tests/fixtures/notes/`: the note references are read as notes, never as
//! figures, the rows without one as their figures alone, and the table is one table.

use crate::common;

fn fixture(name: &str) -> std::path::PathBuf {
    common::fixture_in("notes", name)
}

/// Every row read in one table of a note column and two years, the totals checked and
/// holding; "Nettoomsättning 1 845 812" is note 1, 845, 812 (the sums say so).
#[test]
fn a_note_column_only_some_rows_fill_is_one_table() {
    let json = common::lint_json(&fixture("rr-not-ibland.txt"));
    assert!(
        common::claims(&json).is_empty(),
        "{:?}",
        common::claims(&json)
    );
    common::assert_stat(&json, "tables", 1);
    common::assert_stat(&json, "cells", 28);
    common::assert_stat(&json, "tables_unparsed", 0);
    // Summa intäkter and Summa rörelsens kostnader in both years at least.
    assert!(
        common::stat(&json, "relations_checked") >= 4,
        "{}",
        json["stats"]
    );
    let sums = common::rule_fields(&json, "SUM001", &["row"]);
    assert!(sums.is_empty(), "{sums:?}");
}

/// The same with Summa rörelsens kostnader 2023 written -616 for -661: the one
/// contradiction is found, with the sum the rows give.
#[test]
fn a_wrong_total_under_a_sparse_note_column_is_found() {
    let json = common::lint_json(&fixture("rr-not-ibland-fel.txt"));
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "SUM001",
            "Summa rörelsens kostnader",
            "2023",
            "-661",
            "-616"
        )]
    );
}
