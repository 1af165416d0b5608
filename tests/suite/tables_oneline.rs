//! Tables flattened into one line (transcripts of PDFs: "RESULTATRÄKNING … Belopp i mnkr
//! Verksamhetens intäkter...not 1 212,4 230,1 220,0 Verksamhetens kostnader...not
//! 2-1 402,6-1 466,3 …"), on invented fixtures in `tests/fixtures/oneline/`: the rows come
//! back with their figures, the statement and sum checks run on them, and prose written
//! on one line is left alone. The real excerpts are judged in `real_pdf.rs`.

use crate::common;

fn fixture(name: &str) -> std::path::PathBuf {
    common::fixture_in("oneline", name)
}

/// The file read as `tables` tables of `cells` cells with no claim, at least
/// `relations` relations checked, none failing and every table parsed whole.
fn assert_read_clean(json: &serde_json::Value, tables: u64, cells: u64, relations: u64) {
    assert!(
        common::claims(json).is_empty(),
        "{:?}",
        common::claims(json)
    );
    assert_eq!(common::stat(json, "tables"), tables, "{}", json["stats"]);
    assert_eq!(common::stat(json, "cells"), cells, "{}", json["stats"]);
    assert!(
        common::stat(json, "relations_checked") >= relations,
        "{}",
        json["stats"]
    );
    for key in ["relations_failed", "tables_unparsed"] {
        assert_eq!(common::stat(json, key), 0, "{}", json["stats"]);
    }
}

/// A resultaträkning on one line, glued minus signs, note references after dot leaders
/// and thousands grouped before decimals: one table of 11 rows and three columns named
/// from the header, every statement relation checked and holding.
#[test]
fn a_flattened_statement_is_read_and_checked() {
    let json = common::lint_json(&fixture("rr-en-rad-balanserad.txt"));
    assert_read_clean(&json, 1, 33, 9);
}

/// The same statement with one figure changed ("-1 281,1" written "-1 218,1"): the one
/// contradiction is found, in its column, with the value its rows give.
#[test]
fn a_contradiction_in_a_flattened_statement_is_found() {
    let json = common::lint_json(&fixture("rr-en-rad-summa-fel.txt"));
    let c = common::claims(&json);
    assert_eq!(
        c,
        [common::claim(
            "REL004",
            "Verksamhetens nettokostnader",
            "Utfall 2024",
            "-1281.1",
            "-1218.1"
        )],
        "{c:?}"
    );
}

/// Whole thousands grouped with the same space that separates the figures: the flat
/// reader's segmentation, chosen by the table's own sums, reads the rows; the column
/// names come from the header before the first row.
#[test]
fn a_flattened_table_of_grouped_integers_is_segmented_by_its_sums() {
    let path = fixture("drift-en-rad-tusental.txt");
    let json = common::lint_json(&path);
    assert_read_clean(&json, 1, 18, 3);
    let text = common::tables_json(&path);
    for figure in ["612400", "-6550", "1504000", "1504300", "-300"] {
        assert!(text.contains(figure), "{figure} not read: {text}");
    }
    for column in ["Budget 2024", "Prognos 2024", "Avvikelse"] {
        assert!(text.contains(column), "column {column} not named: {text}");
    }
}

/// A paragraph of prose written on one line, with many figures (some grouped in
/// thousands): no table.
#[test]
fn prose_on_one_line_is_no_table() {
    let json = common::lint_json(&fixture("prosa-en-rad.txt"));
    assert!(
        common::claims(&json).is_empty(),
        "{:?}",
        common::claims(&json)
    );
    common::assert_stat(&json, "tables", 0);
}

/// A resultaträkning on one line whose cells are glued to their labels and to each other,
/// one decimal in every figure ("Verksamhetens intäkter312,4298,0305,17,1", "kostnader-1
/// 402,6-1 390,0"): the same decimals split each run one way, so every row comes back
/// with its four figures and the statement and Avvikelse relations are checked.
#[test]
fn glued_cells_of_one_decimal_are_split_and_checked() {
    let path = fixture("rr-en-rad-hopslagna-decimaler.txt");
    let json = common::lint_json(&path);
    assert_read_clean(&json, 1, 40, 20);
    let text = common::tables_json(&path);
    for figure in [
        "312.4", "298.0", "305.1", "7.1", "-1402.6", "-21.8", "1120.5", "-12.6",
    ] {
        assert!(text.contains(figure), "{figure} not read: {text}");
    }
}

/// The same statement with one figure changed (Skatteintäkter "1 120,5" written
/// "1 102,5"): the one contradiction is found, in its column, with the value its rows give.
#[test]
fn a_contradiction_among_glued_decimals_is_found() {
    let json = common::lint_json(&fixture("rr-en-rad-hopslagna-decimaler-fel.txt"));
    let c = common::claims(&json);
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].0, "REL004", "{c:?}");
    assert_eq!(c[0].2, "Utfall 2023", "{c:?}");
}

/// Cells glued on each line of a table (one row a line), one decimal in every figure: a
/// run that the digits alone split several ways ("312,4298,0305,1": 312,42 | 98,0 | …)
/// reads one way when every figure has the same decimals; no row is left not decided.
#[test]
fn glued_rows_of_one_decimal_read_one_way() {
    let json = common::lint_json(&fixture("rr-rader-hopslagna-decimaler.txt"));
    assert!(
        common::claims(&json).is_empty(),
        "{:?}",
        common::claims(&json)
    );
    common::assert_stat(&json, "cells", 15);
    common::assert_stat(&json, "tables_unparsed", 0);
    let findings = json["findings"].as_array().expect("findings array");
    assert!(
        !findings.iter().any(|f| f["rule"] == "TAB001"),
        "{findings:?}"
    );
}
