//! Five-year tables whose cells run together ("Vakanser, mnkr-9,3-9,2-7,7…", the header
//! "20242023202220212020"), on invented fixtures in `tests/fixtures/glued/`: the header's
//! years give the column count; a minus glued between two figures starts the second;
//! a label ending in a one-letter unit glued to its figures ("Lokaler, m2145 903…") may
//! keep the first digit as the unit's exponent, and where both splits read, both are
//! listed and nothing through the row is decided. The real excerpt (Gavlegårdarna) is
//! judged in `real_pdf.rs` (sixth held-out set).

use crate::common;

fn fixture(name: &str) -> std::path::PathBuf {
    common::fixture_in("glued", name)
}

/// One table of eight rows and five columns: the rows after a row whose label ends in
/// "m2" stay in it (that row reads one way only, the 2 an exponent), the sum holds in
/// every column; the row that reads both ways ("kr/m21 107…" as 1 107 or 21 107) is
/// listed with both readings.
#[test]
fn a_glued_five_year_table_is_read_whole() {
    let json = common::lint_json(&fixture("femar-hopskrivna.txt"));
    common::assert_stat(&json, "tables", 1);
    common::assert_stat(&json, "cells", 40);
    common::assert_all_hold(&json, 5);
    let both = common::first_message(&json, "TAB001");
    assert!(
        both.contains("1 107 | 1 097 | 1 029 | 996 | 987")
            && both.contains("21 107 | 1 097 | 1 029 | 996 | 987"),
        "{both}"
    );
}

/// The same with the sum's 2023 figure written "-610,0" glued after 625,9: read as a
/// minus (a minus between glued figures starts the next), and the contradiction found.
#[test]
fn a_minus_glued_between_figures_is_read_and_the_sign_contradiction_found() {
    let json = common::lint_json(&fixture("femar-hopskrivna-fel.txt"));
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "SUM001",
            "Summa hyresintäkter, mnkr",
            "2023",
            "610",
            "-610"
        )]
    );
}

/// Figures with cents glued to the next figure, the total rows without a label: a
/// decimal part is read with the two decimals every other cell has, not taken whole
/// ("800 000 000,011 004 654 321,00" is 800 000 000,01 | 1 004 654 321,00, not
/// ",011" and "004 654 321,00"; "133 733 299,59113 328 291,84" is 133 733 299,59 |
/// 113 328 291,84), and a row whose label stands apart ("Köpta tjänster
/// -1 267 057 674,51-1 172 720 418,21") is read the same way: every sum holds.
#[test]
fn glued_cents_are_split_after_the_tables_decimals() {
    let json = common::lint_json(&fixture("cent-hopskrivna.txt"));
    common::assert_stat(&json, "tables", 3);
    common::assert_stat(&json, "cells", 24);
    common::assert_all_hold(&json, 6);
}

/// The same with the finansiella total's 2022 figure ten cents off: found, on the
/// figure as printed.
#[test]
fn a_wrong_total_among_glued_cents_is_found() {
    let json = common::lint_json(&fixture("cent-hopskrivna-fel.txt"));
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "SUM003",
            "",
            "",
            "113328291.84",
            "113328291.94"
        )]
    );
}

/// A label ending in a unit with its exponent written flat and standing alone ("Bostad
/// 100 m2   2206 …") keeps the exponent: the row has three figures, not "2" glued to
/// them, and the sum holds in every column; a misprinted total is found in its column,
/// named from the header's capitalised words ("Kategori Abonnemang Förbrukning
/// Årsgebyr": the label column's name, then one per column).
#[test]
fn a_unit_exponent_ending_a_label_is_no_figure() {
    let json = common::lint_json(&fixture("enhet-m2-etikett.txt"));
    common::assert_stat(&json, "tables", 1);
    common::assert_stat(&json, "cells", 15);
    common::assert_all_hold(&json, 3);
    let json = common::lint_json(&fixture("enhet-m2-etikett-fel.txt"));
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "SUM001",
            "Summa",
            "Årsgebyr",
            "21289",
            "21389"
        )]
    );
}
