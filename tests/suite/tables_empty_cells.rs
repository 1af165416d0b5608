//! Flat tables whose rows leave cells empty without marking them (no "–", no "0"), on
//! invented fixtures in `tests/fixtures/empty_cells/`: a vote table where parties without
//! a mandat write nothing in the Mandat column. The Summa row "4 798 2 143 44,66" under
//! five columns reads in full as 4 | 798 | 2 | 143 | 44,66; in a table that shows
//! unmarked empty cells its readings with thousands joined (4 798 | 2 143 | 44,66, the
//! empty cells placed) are readings too, and each figure stands where its decimals fit
//! the column (the % columns have two decimals in every row read one way, the counts
//! none). The real excerpt (Älvdalen 2014) is judged in `real_pdf.rs` (ninth held-out
//! set).

use crate::common;

fn fixture(name: &str) -> std::path::PathBuf {
    common::fixture_in("empty_cells", name)
}

/// Both sums hold (röster 4 798, personröster 2 143); nothing is claimed: no share
/// inferred from a misread Summa row, no sum of the personröster % column (rates of
/// each row, adding to more than 100).
#[test]
fn a_summa_row_with_thousands_is_read_under_unmarked_empty_cells() {
    let json = common::lint_json(&fixture("rostrakning-tomma-celler.txt"));
    assert_eq!(common::stat(&json, "tables"), 1, "{}", json["stats"]);
    assert_eq!(
        common::stat(&json, "tables_unparsed"),
        0,
        "{}",
        json["stats"]
    );
    common::assert_all_hold(&json, 2);
}

/// The same with the personröster total misprinted 2 134: found on that figure.
#[test]
fn a_wrong_summa_under_unmarked_empty_cells_is_found() {
    let json = common::lint_json(&fixture("rostrakning-tomma-celler-fel.txt"));
    let claims = common::claims(&json);
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!(
        (
            claims[0].0.as_str(),
            claims[0].3.as_str(),
            claims[0].4.as_str()
        ),
        ("SUM001", "2143", "2134"),
        "{claims:?}"
    );
}

/// An allocation key no header names, inferred only from the table's arithmetic, from
/// rows that hold loosely (keys of one digit: "1 of 5" allows from a tenth to a third of
/// the amount): the row outside even that (Öster, 20 of 520) is not decided, no warning.
#[test]
fn a_loosely_inferred_allocation_key_is_not_decided() {
    let json = common::lint_json(&fixture("gissad-nyckel.txt"));
    assert!(
        common::claims(&json).is_empty(),
        "{:?}",
        common::claims(&json)
    );
    let message = common::first_message(&json, "ALLOC001");
    assert!(
        message.starts_with("not decided:") && message.contains("Öster"),
        "{message}"
    );
}
