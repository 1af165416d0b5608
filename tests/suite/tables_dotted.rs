//! Flat tables whose figures have a point between thousands (Norwegian and Danish:
//! "-79.488", "1.031.777"), on invented fixtures in `tests/fixtures/dotted/`: the rows are
//! read as figures where the point is certain to group thousands (a figure with two
//! points, or a table in kroner or tusen kroner), a wrong sum among them is found, and
//! where nothing tells "79.488" from 79,488 the cells are "not decided", never an error.

use crate::common;

fn fixture(name: &str) -> std::path::PathBuf {
    common::fixture_in("dotted", name)
}

/// Tusen kroner, glued "-" and "−" minus signs, "0" and a "-" empty cell, figures with
/// two points: one table, both sums checked in all three columns and holding, and the
/// figures read as whole thousands (1.204.310 is 1 204 310).
#[test]
fn point_grouped_thousands_are_read_and_checked() {
    let path = fixture("drift-punktum-holder.txt");
    let json = common::lint_json(&path);
    common::assert_all_hold(&json, 6);
    common::assert_stat(&json, "tables", 1);
    common::assert_stat(&json, "tables_unparsed", 0);
    insta::assert_snapshot!("dotted_holds", common::tables_text(&path));
}

/// Danish, "t.kr." and only one point per figure: the unit says the point groups
/// thousands; Sum indtægter 2023 printed 652.487 for 625.487 (398.112 + 183.505 +
/// 43.870) is found, with the figures as whole thousands.
#[test]
fn a_wrong_sum_of_point_grouped_figures_is_found() {
    let path = fixture("drift-punktum-fejl.txt");
    let json = common::lint_json(&path);
    let claims = common::claims(&json);
    assert_eq!(claims.len(), 1, "{claims:?}");
    let (rule, row, _column, expected, found) = &claims[0];
    assert!(rule.starts_with("SUM"), "{claims:?}");
    assert_eq!(
        (row.as_str(), expected.as_str(), found.as_str()),
        ("Sum indtægter", "625487", "652487")
    );
    insta::assert_snapshot!("dotted_misprint", common::tables_text(&path));
}

/// No unit, no figure with two points, and the whole numbers ("810") only in a column of
/// their own: no column mixes "79.488" with whole numbers under 1 000, so nothing tells
/// 79 488 from 79,488, and a relation between "810" and a point figure would hold in one
/// reading and fail in the other. Every "79.488" is "not decided" (information with the
/// reason), the table is still read, and nothing is claimed.
#[test]
fn point_figures_nothing_decides_are_not_decided() {
    let path = fixture("drift-punktum-uavklart.txt");
    let json = common::lint_json(&path);
    assert!(
        common::claims(&json).is_empty(),
        "{:?}",
        common::claims(&json)
    );
    common::assert_stat(&json, "tables", 1);
    common::assert_stat(&json, "relations_failed", 0);
    let notes = common::rule_fields(&json, "TAB003", &["message"]);
    let figures = [
        "79.488", "75.636", "161.612", "148.885", "241.100", "224.521",
    ];
    assert_eq!(notes.len(), figures.len(), "{notes:?}");
    for (note, figure) in notes.iter().zip(figures) {
        let head = format!("not decided: cell \"{figure}\" ");
        assert!(note[0].starts_with(&head), "{note:?}");
        assert!(note[0].contains("the table's \"810\""), "{note:?}");
    }
    insta::assert_snapshot!("dotted_undecided", common::tables_text(&path));
}

/// No unit and no figure with two points, but "810" in the same column as "79.488": read
/// with a decimal point, that column would write some figures to three decimals and one to
/// none, which no table does; read with points between thousands every figure is whole.
/// The points group thousands, both sums are checked (79 488 + 810 + 161 612 = 241 910)
/// and hold, nothing is left not decided.
#[test]
fn a_column_of_point_figures_and_small_whole_numbers_groups_thousands() {
    let path = fixture("drift-punktum-kolonne.txt");
    let json = common::lint_json(&path);
    common::assert_all_hold(&json, 2);
    common::assert_stat(&json, "tables_unparsed", 0);
    insta::assert_snapshot!("dotted_column_habit", common::tables_text(&path));
}

/// Netto driftsresultat = Brutto + Resultat finanstransaksjoner holds in the two budget
/// columns, where Motpost avskrivninger is 0; in Regnskap 2019 it holds only with Motpost
/// (-117.937 + 132.313 - 89.583 = -75.207). The budget columns cannot tell whether the
/// result takes Motpost, so the failure is not decided (REL003 info), never an error.
#[test]
fn a_result_that_takes_a_row_zero_where_it_holds_is_not_decided() {
    let json = common::lint_json(&fixture("netto-med-motpost.txt"));
    assert!(
        common::claims(&json).is_empty(),
        "{:?}",
        common::claims(&json)
    );
    let message = common::first_message(&json, "REL003");
    assert!(
        message.starts_with("not decided: the relation holds only in columns where the row \"Motpost avskrivninger\" is 0"),
        "{message}"
    );
}

/// The same with Motpost 0 in every column and Netto 2019 printed 15.376 for 14.376
/// (-117.937 + 132.313): no row explains the difference, the error stands.
#[test]
fn a_wrong_result_no_silent_row_explains_is_found() {
    let json = common::lint_json(&fixture("netto-feil.txt"));
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "REL003",
            "Netto driftsresultat",
            "Regnskap 2019",
            "14376",
            "15376"
        )]
    );
}

/// Danish, no unit, "231" among "6.512": no table alone tells the point, but the document
/// writes its decimals with a comma ("2,5 %") and every figure with a point has three
/// digits after it (the date 1.1.2021, the time kl. 10.30, § 3.1, the heading 4.2 and the
/// phone number 33.34.86.56 are no figures): the point groups thousands in the whole
/// document. I alt pr. barn Børnehave printed 4.316 for 4.306 (3.948 + 140 + 218) is found.
#[test]
fn the_document_s_comma_decimals_make_every_point_a_thousands_point() {
    let path = fixture("dokument-punktum-fejl.txt");
    let json = common::lint_json(&path);
    let claims = common::claims(&json);
    assert_eq!(claims.len(), 1, "{claims:?}");
    let (rule, row, _column, expected, found) = &claims[0];
    assert!(rule.starts_with("SUM"), "{claims:?}");
    assert_eq!(
        (row.as_str(), expected.as_str(), found.as_str()),
        ("I alt pr. barn", "4306", "4316")
    );
    common::assert_stat(&json, "tables_unparsed", 0);
    insta::assert_snapshot!("dotted_document_misprint", common::tables_text(&path));
}

/// The same table holding, the comma decimal in "1.234,50 kr.": every "6.512" read as
/// 6 512, both sums checked, nothing claimed, nothing left not decided.
#[test]
fn the_document_s_style_reads_a_holding_table_whole() {
    let path = fixture("dokument-punktum-holder.txt");
    let json = common::lint_json(&path);
    common::assert_all_hold(&json, 2);
    common::assert_stat(&json, "tables_unparsed", 0);
    insta::assert_snapshot!("dotted_document_holds", common::tables_text(&path));
}

/// A Swedish record writing "3.5 %" (a point decimal) beside "6.512" and "2,5 %": the
/// document uses both marks, so its style decides nothing; the table decides by its own
/// habit ("231" and "6.512" in one column: with a decimal point, three decimals and none in
/// one column). Both sums are read whole and hold, nothing claimed, nothing not decided.
#[test]
fn a_document_with_a_point_decimal_decides_no_point() {
    let path = fixture("dokument-punktum-svensk.txt");
    let json = common::lint_json(&path);
    common::assert_all_hold(&json, 2);
    assert!(common::rule_fields(&json, "TAB003", &["message"]).is_empty());
    insta::assert_snapshot!("dotted_document_point_decimal", common::tables_text(&path));
}
