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
    assert_eq!(common::stat(&json, "tables"), 1, "{}", json["stats"]);
    assert_eq!(common::stat(&json, "cells"), 40, "{}", json["stats"]);
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
        [(
            "SUM001".to_string(),
            "Summa hyresintäkter, mnkr".to_string(),
            "2023".to_string(),
            "610".to_string(),
            "-610".to_string()
        )]
    );
}
