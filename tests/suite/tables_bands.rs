//! Fee and price tables whose row labels end in a band ("Enebolig 81 - 150", "151- 300",
//! "301 -600", "t.o.m. 80") and whose headers name the label column's parts before the
//! figure columns, on invented fixtures in `tests/fixtures/priced/`: the band is moved
//! into the label only where the bands tile and every row then reads one count of
//! figures; a glued minus in rows whose pairs do not tile stays a negative figure; the
//! header's capitalised words name one column each when their count is the label
//! column's parts and one per figure column; columns named with "kr." read "7.114" as
//! 7 114. The real excerpts (Gjemnes, Herning) are judged in `real_pdf.rs` (heldout14).

use crate::common;

fn fixture(name: &str) -> std::path::PathBuf {
    common::fixture_in("priced", name)
}

/// Eight rows, bands in four spellings, a row with no band among them: three figures a
/// row, the columns named from the header ("Gebyr fast", "Gebyr volum", "Årsgebyr"), and
/// Årsgebyr = Gebyr fast + Gebyr volum holds on every row. "Enebolig t.o.m. 80 950 2100
/// 3050" reads three figures as written too (80 950 as one): its band is a label because
/// it meets the next row's (t.o.m. 80, then 81 - 150).
#[test]
fn bands_that_tile_are_labels() {
    let text = common::tables_text(&fixture("avgift-intervall.txt"));
    insta::assert_snapshot!("bands_that_tile_are_labels", text);
    let json = common::lint_json(&fixture("avgift-intervall.txt"));
    common::assert_stat(&json, "tables", 1);
    common::assert_stat(&json, "cells", 24);
    common::assert_all_hold(&json, 8);
}

/// The same with two Årsgebyr misprinted: 1800 + 2600 = 4400 printed 4300, 2600 + 3700
/// = 6300 printed 6500; the relation holds on the six other rows.
#[test]
fn a_misprinted_sum_on_a_banded_row_is_found() {
    let json = common::lint_json(&fixture("avgift-intervall-feil.txt"));
    assert_eq!(
        common::claims(&json),
        [
            common::claim("REL002", "Enebolig 81 - 150", "Årsgebyr", "4400", "4300"),
            common::claim("REL002", "Verksted 151 - 300", "Årsgebyr", "6300", "6500"),
        ]
    );
}

/// "Skole 101 -300 401": pairs a < b whose bands do not tile (101 - 300, then 400 -
/// 700) are figures, the second negative: Avvik = Budsjett − Regnskap holds on every
/// row and the Sum holds in every column.
#[test]
fn glued_negatives_that_do_not_tile_stay_figures() {
    let json = common::lint_json(&fixture("avgift-negative.txt"));
    common::assert_stat(&json, "tables", 1);
    common::assert_stat(&json, "cells", 15);
    common::assert_all_hold(&json, 3);
}

/// A header naming each column with its band and "kr." ("Tilskudstype 0 - 3 år - kr.
/// 3 - 6 år - kr."): the columns are named, the table's unit is kroner, so "6.512" is
/// 6 512 and the I alt row's sums hold.
#[test]
fn columns_named_in_kroner_read_points_as_thousands() {
    let json = common::lint_json(&fixture("tilskud-aldersgrupper.txt"));
    common::assert_stat(&json, "tables", 1);
    common::assert_all_hold(&json, 2);
}

/// The same with the first I alt misprinted: 6 512 + 214 + 388 = 7 114, printed 7.141.
#[test]
fn a_misprinted_total_in_kroner_with_points_is_found() {
    let json = common::lint_json(&fixture("tilskud-aldersgrupper-fejl.txt"));
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "SUM001",
            "I alt pr. barn",
            "0 - 3 år - kr.",
            "7114",
            "7141"
        )]
    );
}

/// A band word's row in a run with no ranges to settle it ("Bolig t.o.m. 80 950 2100
/// 3050": the band 80 and three figures, or 80 950 and two): both readings are kept, and
/// the table's arithmetic, which does not weigh a relation between unstated columns
/// here, leaves it not decided (TAB001); nothing is claimed.
#[test]
fn a_band_word_row_read_either_way_is_not_decided() {
    let json = common::lint_json(&fixture("avgift-tom-uavklart.txt"));
    assert!(
        common::claims(&json).is_empty(),
        "{:?}",
        common::claims(&json)
    );
    let both = common::first_message(&json, "TAB001");
    assert!(
        both.contains("950 | 2100 | 3050") && both.contains("80 950 | 2100 | 3050"),
        "{both}"
    );
}
