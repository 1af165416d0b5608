//! REL007, a change in percent beside the amounts it is the change of: which readings
//! are taken, what other rules still say about the same cells, and the rows it must not
//! fail (invented fixtures in `tests/fixtures/percent_change/` and
//! `tests/fixtures/rules/REL007/`).

use crate::common;

fn lint(name: &str) -> serde_json::Value {
    common::lint_json(&common::fixture_in("percent_change", name))
}

/// Both trigger tables report their one wrong percentage, and nothing else is claimed.
#[test]
fn the_triggers_report_the_two_wrong_percentages_and_nothing_else() {
    let json = common::lint_json(&common::fixture_in("rules/REL007", "triggers.txt"));
    assert_eq!(
        common::claims(&json),
        [
            common::claim(
                "REL007",
                "Kultur- och fritidsnämnden",
                "Förändring %",
                "5",
                "7"
            ),
            common::claim(
                "REL007",
                "Kollektivtrafik",
                "Förändring i %",
                "3.1579",
                "2.3"
            ),
        ],
        "{json}"
    );
    let message = common::first_message(&json, "REL007");
    assert!(
        message.contains("holds on 4 of 5 rows as (Utfall 2023 − Utfall 2022) / Utfall 2022 × 100"),
        "{message}"
    );
}

/// The passes: a change column over a total row ("Utveckling %", a header no sum rule
/// knows as a change), a row in percentage points ("Soliditet, %"), magnitudes of a
/// deviation (Danish "Afvigelse i %"), and a "Förbrukat %" that is Utfall / Budget, no
/// change. Nothing is claimed by any rule: the percent column is never summed (before
/// REL007 the "Summa" row's 3,6 % was taken for the sum of the changes above it).
#[test]
fn the_passes_claim_nothing_and_the_change_column_is_no_sum() {
    let json = common::lint_json(&common::fixture_in("rules/REL007", "passes.txt"));
    common::assert_all_hold(&json, 20);
}

/// A total that is wrong makes the change on its row fail too; the change is computed
/// from the total the rows give, so it is one defect, reported once by SUM001.
#[test]
fn a_wrong_total_is_reported_once_not_again_as_its_change() {
    let json = lint("wrong-total.txt");
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "SUM001",
            "Summa",
            "Utfall 2023",
            "-623717",
            "-633717"
        )],
        "{json}"
    );
    // The change on the total row is still counted, as failed.
    common::assert_stat(&json, "relations_failed", 2);
}

/// Costs written negative, their change stated against the cost's magnitude (−10 % for
/// a cost that grew by 10 %), while every holding row has a positive base: only the sign
/// differs and no row shows the sign the table writes for a negative base, so not decided.
#[test]
fn a_sign_no_row_of_that_base_shows_is_not_decided() {
    let json = lint("sign-of-costs.txt");
    assert!(common::claims(&json).is_empty(), "{json}");
    let rel007 = common::rule_fields(&json, "REL007", &["severity", "message"]);
    assert_eq!(rel007.len(), 1, "{json}");
    assert_eq!(rel007[0][0], "info");
    assert!(
        rel007[0][1].starts_with("not decided: only the sign differs"),
        "{rel007:?}"
    );
}

/// The same table where another cost row holds with its sign as written (−800 → −880,
/// +10 %): the table shows its sign for negative bases, so the wrong sign is an error.
#[test]
fn a_sign_another_row_of_that_base_shows_is_an_error() {
    let json = lint("sign-of-costs-shown.txt");
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "REL007",
            "Personalkostnader",
            "Förändring %",
            "10",
            "-10"
        )],
        "{json}"
    );
}

/// Key figures of different measures (kronor, inhabitants, employees) each change by
/// their own ratio; one misprinted change (−9 / 52 = −17,3 %, written −12,0 %) is found.
#[test]
fn a_key_figure_list_reports_its_wrong_change() {
    let json = lint("key-figures.txt");
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "REL007",
            "Årets resultat",
            "Förändring %",
            "-17.3077",
            "-12"
        )],
        "{json}"
    );
}

/// A misprinted Avvikelse (−600 for 4 500 − 5 000) beside an "Avvikelse %" computed from
/// the amounts (−10,0 %): REL001 reports the Avvikelse; the percentage, which holds as
/// (Utfall − Budget) / Budget on every row, is not reported again.
#[test]
fn a_wrong_difference_is_reported_once_by_rel001() {
    let json = lint("wrong-difference.txt");
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "REL001",
            "VA-nät",
            "Avvikelse",
            "-500",
            "-600"
        )],
        "{json}"
    );
    // Five differences and five changes in percent checked, only the difference failing.
    common::assert_stat(&json, "relations_checked", 10);
    common::assert_stat(&json, "relations_failed", 1);
}

/// A "Förbrukat %" that is Utfall / Budget on four rows and not on the fifth: the ratio is
/// read from the rows (no change at all) and the one row it fails on is reported.
#[test]
fn a_ratio_column_reports_the_row_that_is_not_its_ratio() {
    let json = lint("wrong-ratio.txt");
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "REL007",
            "Samhällsbyggnad",
            "Förbrukat %",
            "54.5357",
            "58.7"
        )],
        "{json}"
    );
    let message = common::first_message(&json, "REL007");
    assert!(
        message.contains("is not the ratio its amounts give")
            && message.contains("holds on 4 of 5 rows as Utfall jan-jul / Budget 2025 × 100"),
        "{message}"
    );
}
