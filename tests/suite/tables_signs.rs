//! How flat rows write their negatives and empty cells, on invented fixtures in
//! `tests/fixtures/signs/`: figures in parentheses ("(10 111)", "(987)", "(2,5)") are
//! negatives wherever one space or two set the cells apart, while "(1)" note references
//! (and "(42)" page counts), "(2019)" years, "(tkr)" units and "(30,34%)" shares are no
//! figures; a dash,
//! a space and a figure ("Derivat - 231 211") on a page that writes its negatives glued
//! ("-1 065") is an empty cell and the figure when only that fits the columns, and not
//! decided (TAB001) when both readings fit; a page that writes every negative apart
//! ("- 950") keeps them negative; U+2212 and the en dash are minus signs glued or apart.
//! A reading that joins digit groups into a figure wider than every certain figure of
//! its column ("1 | 271 698") is not taken because a misprinted total happens to meet it.
//! The real rows behind them (Hemsö's flerårsöversikt 2022) are judged in `real_pdf.rs`
//! (tenth held-out set).

use crate::common;

fn fixture(name: &str) -> std::path::PathBuf {
    common::fixture_in("signs", name)
}

/// One space between cells, negatives in parentheses: every result line of the
/// resultaträkning holds in both years (12 345 + 766 − 10 111 = 3 000, …).
#[test]
fn parenthesized_negatives_in_flat_rows_are_read_and_checked() {
    let path = fixture("parentes-platt.txt");
    let json = common::lint_json(&path);
    common::assert_all_hold(&json, 6);
    common::assert_stat(&json, "tables_unparsed", 0);
    insta::assert_snapshot!("signs_parentheses_flat", common::tables_text(&path));
}

/// The same with Årets resultat 2022 misprinted 2 412 for 1 588 (2 000 − 412): found,
/// with the tax counted negative.
#[test]
fn a_wrong_result_over_parenthesized_negatives_is_found() {
    let json = common::lint_json(&fixture("parentes-platt-fel.txt"));
    assert_eq!(
        common::claims(&json),
        vec![common::claim(
            "REL004",
            "Årets resultat",
            "2022",
            "1588",
            "2412"
        )]
    );
}

/// Columns set apart by two spaces or more, negatives in parentheses: read and holding.
#[test]
fn parenthesized_negatives_in_aligned_rows_are_read() {
    let path = fixture("parentes-spalter.txt");
    let json = common::lint_json(&path);
    common::assert_all_hold(&json, 4);
    common::assert_stat(&json, "tables", 1);
    insta::assert_snapshot!("signs_parentheses_aligned", common::tables_text(&path));
}

/// A loss with one decimal in parentheses ("Årets resultat (2,5) 3,1"): 5,0 − 7,5 = −2,5.
#[test]
fn a_parenthesized_decimal_is_a_negative() {
    let json = common::lint_json(&fixture("parentes-decimaler.txt"));
    common::assert_all_hold(&json, 4);
    common::assert_stat(&json, "cells", 6);
}

/// "(1)" and "(2)" note references, a "(2019)" year and a "(tkr)" unit stay in their
/// labels; "(120)" after a figure is −120. Every result holds only so (2 234 − 1 234 + 1 =
/// 1 001; 1 126 − 987 − 120 = 19).
#[test]
fn notes_years_and_units_in_parentheses_are_no_figures() {
    let path = fixture("parentes-noter-ar.txt");
    let json = common::lint_json(&path);
    common::assert_all_hold(&json, 4);
    let text = common::tables_text(&path);
    for label in [
        "Nettoomsättning (1) ",
        "Rörelsens kostnader (2) ",
        "Kostnader enligt avtal (2019) ",
        "Resultat efter finansiella poster (tkr) ",
    ] {
        assert!(text.contains(label), "{label}: {text}");
    }
    insta::assert_snapshot!("signs_parentheses_labels", text);
}

/// A page whose resultaträkning writes "-1 065": the balance sheet's "Derivat - 231 211"
/// is an empty 2022 and 231, 211 (only so three columns), and both sides hold.
#[test]
fn a_dash_apart_is_an_empty_cell_where_negatives_are_glued() {
    let path = fixture("streck-tom-cell.txt");
    let json = common::lint_json(&path);
    common::assert_all_hold(&json, 9);
    insta::assert_snapshot!("signs_dash_empty", common::tables_text(&path));
}

/// The same with Derivat 2020 misprinted 221: the liabilities side is found 10 off
/// (800 + 221 + 482 = 1 503), on the figures as written, not on a −231.
#[test]
fn a_wrong_sum_over_a_dash_as_empty_cell_is_found() {
    let json = common::lint_json(&fixture("streck-tom-cell-fel.txt"));
    assert_eq!(
        common::claims(&json),
        vec![common::claim(
            "REL005",
            "Summa eget kapital och skulder",
            "2020",
            "1503",
            "1493"
        )]
    );
}

/// A page with no negative figure at all: "Derivat - 231 211" under three years fits them
/// only as an empty 2022 and 231, 211 (read "- 231" it leaves two cells), so it is read so
/// and both sides hold (a false REL005 on 2021 before, with −231).
#[test]
fn a_dash_apart_that_fits_only_as_an_empty_cell_is_one_on_a_page_without_negatives() {
    common::assert_all_hold(
        &common::lint_json(&fixture("streck-tom-cell-utan-minus.txt")),
        9,
    );
}

/// Every negative written apart ("Kostnader - 950 - 840 - 730"): negatives still.
#[test]
fn a_page_writing_negatives_apart_keeps_them_negative() {
    common::assert_all_hold(&common::lint_json(&fixture("streck-minus.txt")), 6);
}

/// "Övrigt 5 - 231 211" under three columns on a page with glued negatives: 5 | −231 |
/// 211 or 5 | empty | 231 211, and no sum tells which: not decided, never guessed.
#[test]
fn a_dash_both_readings_fit_is_not_decided() {
    let json = common::lint_json(&fixture("streck-bada.txt"));
    assert!(
        common::claims(&json).is_empty(),
        "{:?}",
        common::claims(&json)
    );
    let message = common::first_message(&json, "TAB001");
    assert!(
        message.starts_with("not decided:")
            && message.contains("5 | - 231 | 211")
            && message.contains("5 | - | 231 211"),
        "{message}"
    );
}

/// U+2212 and en dash minus, glued ("−987") and apart ("– 10 111", "− 1 234"): read
/// negative, every result holds.
#[test]
fn unicode_minus_signs_glued_or_apart_are_read() {
    let path = fixture("minustecken.txt");
    let json = common::lint_json(&path);
    common::assert_all_hold(&json, 4);
    insta::assert_snapshot!("signs_unicode_minus", common::tables_text(&path));
}

/// Summa tillgångar 2021 and 2020 misprinted (78 589 and 64 800 for 79 859 and 65 285):
/// read "1 655 | 1 | 271 698" the 2021 sum would hold, but 271 698 is wider than every
/// figure read for certain in its column: the row is 1 655 | 1 271 | 698 and both
/// misprints are found, on the sums of the rows as written.
#[test]
fn a_misprinted_total_does_not_choose_a_figure_wider_than_its_column() {
    let json = common::lint_json(&fixture("bredd-fel.txt"));
    assert_eq!(
        common::claims(&json),
        vec![
            common::claim("REL005", "Summa tillgångar", "2021", "79859", "78589"),
            common::claim("REL005", "Summa tillgångar", "2020", "65285", "64800"),
        ]
    );
}

/// The same table with every sum right: read 1 271 | 698 and holding.
#[test]
fn the_same_table_with_right_sums_holds() {
    common::assert_all_hold(&common::lint_json(&fixture("bredd.txt")), 9);
}
