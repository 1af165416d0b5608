//! Tables whose rows are numbered in front of their labels, as the Norwegian KOSTRA
//! statements print them ("1 Rammetilskudd", "5 Sum driftsinntekter 1 5 566 721 …", a note
//! column between label and figures), on invented fixtures in `tests/fixtures/linenos/`:
//! the numbers are taken off the labels, so the sums are known by their words and the
//! note references told from the figures' first digit groups.

use crate::common;

fn fixture(name: &str) -> std::path::PathBuf {
    common::fixture_in("linenos", name)
}

/// Both sums in all three columns are read and hold; the labels carry no line number.
#[test]
fn numbered_rows_are_read_and_their_sums_checked() {
    let path = fixture("oversikt-drift-holder.txt");
    let json = common::lint_json(&path);
    common::assert_all_hold(&json, 6);
    common::assert_stat(&json, "tables_unparsed", 0);
    insta::assert_snapshot!("linenos_holds", common::tables_text(&path));
}

/// Sum driftsutgifter 2022 printed 4 530 706 for 4 503 706 (1 435 194 + 389 689 +
/// 2 678 823): found, in that column only.
#[test]
fn a_wrong_sum_of_numbered_rows_is_found() {
    let json = common::lint_json(&fixture("oversikt-drift-feil.txt"));
    let claims = common::claims(&json);
    assert_eq!(claims.len(), 1, "{claims:?}");
    let (rule, row, column, expected, found) = &claims[0];
    assert!(rule.starts_with("SUM"), "{claims:?}");
    assert_eq!(
        (
            row.as_str(),
            column.as_str(),
            expected.as_str(),
            found.as_str()
        ),
        ("Sum driftsutgifter", "Regnskap 2022", "4503706", "4530706")
    );
}
