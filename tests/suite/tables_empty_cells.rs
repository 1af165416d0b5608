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
    common::assert_stat(&json, "tables", 1);
    common::assert_stat(&json, "tables_unparsed", 0);
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

/// A table with a "Förändring %" column after each amount column: rows with no budget
/// leave its two cells empty unmarked, only trailing spaces after the last figure ("Egen
/// skatt 27 415 1,2    "). Read as written the first empty cell comes last and the groups
/// make three figures (27 | 415 | 1,2), but the rows read one way with every cell written
/// settle whole figures in the first column and one decimal in the second: the row is
/// 27 415 | 1,2 with the two last cells empty, and "Summa skatter" holds (27 415 plus
/// 3 112 plus 1 121 is 31 648). The percent changes are never added (the changes of Avgifter,
/// Hyror and Bidrag do not make that of Summa intäkter).
#[test]
fn a_row_with_unmarked_empty_cells_is_read_as_its_columns_write_figures() {
    let path = fixture("bokslut-tomma-celler.txt");
    common::assert_all_hold(&common::lint_json(&path), 3);
    let tables: serde_json::Value =
        serde_json::from_str(&common::tables_json(&path)).expect("tables json");
    let rows = tables["tables"][0]["rows"]
        .as_array()
        .unwrap_or_else(|| panic!("no table in {tables}"));
    for (label, cells) in [
        ("Egen skatt", ["27415", "1.2", "", ""]),
        ("Fastighetsavgift", ["3112", "4.8", "", ""]),
        ("Övriga skatter", ["1121", "5.0", "", ""]),
        ("Summa skatter", ["31648", "1.7", "", ""]),
    ] {
        let row = rows
            .iter()
            .find(|r| r["label"] == label)
            .unwrap_or_else(|| panic!("no {label} row in {rows:?}"));
        let values: Vec<&str> = row["cells"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| c["value"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(values, cells, "{label}");
    }
    let json = common::tables_json(&path);
    insta::assert_snapshot!("empty_cells_bokslut_tables", json);
}

/// The same with "Summa skatter" misprinted 31 684 (the parts add to 31 648): found, on
/// that figure and nowhere else.
#[test]
fn a_wrong_sum_of_rows_with_unmarked_empty_cells_is_found() {
    let json = common::lint_json(&fixture("bokslut-tomma-celler-fel.txt"));
    let claims = common::claims(&json);
    assert_eq!(
        claims,
        [common::claim(
            "SUM001",
            "Summa skatter",
            "Utfall 2023",
            "31648",
            "31684"
        )],
        "{claims:?}"
    );
}

/// Columns "Utfall 2023 | Förändring 2023 % | Förändring 2022 % | Anställda" and rows
/// with an amount and one change only ("Egen skatt 27 415 1,2"): read as three figures
/// no placement fits the columns' decimals; 27 415 | 1,2 fits with the change of 2023
/// and with that of 2022 alike, and nothing written says which: not decided (TAB001),
/// never one of them taken.
#[test]
fn unmarked_empty_cells_that_fit_two_columns_are_not_decided() {
    let json = common::lint_json(&fixture("bokslut-tomma-celler-oplacerade.txt"));
    assert!(
        common::claims(&json).is_empty(),
        "{:?}",
        common::claims(&json)
    );
    let undecided = common::rule_fields(&json, "TAB001", &["message"]);
    for (label, figure) in [
        ("Egen skatt", "27 415"),
        ("Fastighetsavgift", "3 112"),
        ("Övriga skatter", "1 121"),
    ] {
        assert!(
            undecided
                .iter()
                .any(|m| m[0].contains(&format!("row \"{label}\""))
                    && m[0].contains(&format!("{figure} |  | "))
                    && m[0].contains(&format!("{figure} | "))),
            "{label}: {undecided:?}"
        );
    }
}
