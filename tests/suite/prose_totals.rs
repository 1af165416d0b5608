//! TXT002 (a list of amounts and the sentence stating their total), TXT003 (a
//! comparison in words against the table row it restates) and TXT004 (a deviation from
//! budget in words against the named row) and TXT005 (the parts of a whole the text names,
//! "en hundralapp", against that whole), on the invented fixtures of
//! tests/fixtures/rules/TXT002 to TXT005: which statements are decided, which are
//! information, and what holds and is counted.

use crate::common;
use serde_json::Value;
use std::path::PathBuf;

fn lint(code: &str, stem: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rules")
        .join(code)
        .join(format!("{stem}.txt"));
    common::lint_json(&path)
}

/// The rule's findings: (severity, expected, found).
fn findings(json: &Value, code: &str) -> Vec<(String, String, String)> {
    let s = |f: &Value, k: &str| match &f[k] {
        Value::String(v) => v.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    };
    json["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["rule"] == code)
        .map(|f| (s(f, "severity"), s(f, "expected"), s(f, "found")))
        .collect()
}

fn t(a: &str, b: &str, c: &str) -> (String, String, String) {
    (a.into(), b.into(), c.into())
}

#[test]
fn a_list_total_off_by_ten_kronor_is_an_error_a_wider_gap_is_not_decided() {
    let json = lint("TXT002", "triggers");
    // 3 000 + 2 100 + 2 512,50 = 7 612,50, stated 7 622,50; 3 000 + 21 000 = 24 000,
    // stated in the list's last line 24 100; 3 000 + 1 675 = 4 675 against 5 500 (15 %
    // apart: "med anslutningen" may be a part not listed); the garage's 3 600 + 800 =
    // 4 400 against the 4 450 the sentence opening the list states; 12 000 + 5 000 =
    // 17 000 against "ungefär 17 100": an approximate total is not decided; under "2 400
    // kr/kvartal går till:" 900 + 400 + 700 − 200 + 590 = 2 390 (the list nested under
    // its head, the villas' list under the next head holding).
    assert_eq!(
        findings(&json, "TXT002"),
        [
            t("error", "7612.5", "7622.5"),
            t("error", "24000", "24100"),
            t("info", "4675", "5500"),
            t("error", "4400", "4450"),
            t("info", "17000", "17100"),
            t("error", "2390", "2400"),
        ],
        "{json}"
    );
}

#[test]
fn a_list_total_that_holds_is_counted_and_lists_not_read_are_silent() {
    let json = lint("TXT002", "passes");
    assert!(findings(&json, "TXT002").is_empty(), "{json}");
    // The småhus (7 612,50) and the rounded tkr list (1,4 + 2,3 = 3,7 ± 0,1 against
    // 3,8 ± 0,05) hold; the list with a rate, the line with two amounts and the total
    // after another year are not read. The other two relations are the småhus' products
    // in parentheses (PROD001). The villas' list under "1 500 kr/kvartal går till:"
    // holds; the list "går bland annat till" is not read; the skattekrona's list is
    // TXT005's (40 + 35 + 25 öre = 100 öre), counted once.
    assert_eq!(common::stat(&json, "relations_checked"), 6, "{json}");
}

#[test]
fn a_comparison_the_rows_change_column_contradicts_is_an_error() {
    let json = lint("TXT003", "triggers");
    // Intäkter 42,0 against 43,5 with Förändring -1,5: not "1,5 högre"; Kostnader 37,8
    // against 35,7 with Förändring 2,1: not "2,1 lägre"; Saldo 4,2 against 7,8 with
    // Förändring -3,6: not "en ökning med 3,6".
    assert_eq!(
        findings(&json, "TXT003"),
        [
            t("error", "-1.5", "1.5"),
            t("error", "2.1", "-2.1"),
            t("error", "-3.6", "3.6"),
        ],
        "{json}"
    );
}

#[test]
fn comparisons_that_hold_are_counted_and_unclear_ones_are_not_read() {
    let json = lint("TXT003", "passes");
    assert!(findings(&json, "TXT003").is_empty(), "{json}");
}

#[test]
fn a_deviation_in_words_another_than_the_rows_is_an_error_where_it_can_be_no_other_figure() {
    let json = lint("TXT004", "triggers");
    // Tekniska nämnden "3,4 mnkr sämre" against Avvikelse -3,9; Socialnämnden and Kultur-
    // och fritidsnämnden given each other's deviations (5,1 and 4,6 against -4,6 and
    // -5,1); Miljönämnden "1,2 mnkr sämre" against -0,6, but 1,2 is Kommunstyrelsen's
    // deviation: not decided.
    assert_eq!(
        findings(&json, "TXT004"),
        [
            t("error", "3.9", "3.4"),
            t("error", "4.6", "5.1"),
            t("error", "5.1", "4.6"),
            t("info", "0.6", "1.2"),
        ],
        "{json}"
    );
}

#[test]
fn deviations_in_words_that_hold_are_counted_and_unclear_ones_are_not_read() {
    let json = lint("TXT004", "passes");
    assert!(findings(&json, "TXT004").is_empty(), "{json}");
}

#[test]
fn parts_beyond_the_whole_the_text_names_are_an_error_parts_short_of_it_are_not_decided() {
    let json = lint("TXT005", "triggers");
    // The hundralapp's second column 30,8 + 25,1 + 12,9 + 10,2 + 8,7 + 6,3 + 4,4 + 3,8 =
    // 102,2 kr (8 parts to 0,1: ± 0,45), its first column 100,0 holds; twelve shares to 0,1
    // make 100,9 % (± 0,65); the skattekrona's 41 + 37 + 15 = 93 öre falls short of 100:
    // a part may be left out, not decided. The skattesats "består av" 21,16 + 11,86 + 0,28 =
    // 33,30 %, more than the whole 33,02 % the sentence before states (± 0,02).
    assert_eq!(
        findings(&json, "TXT005"),
        [
            t("error", "102.2", "100"),
            t("error", "100.9", "100"),
            t("info", "93", "100"),
            t("error", "33.3", "33.02"),
        ],
        "{json}"
    );
}

#[test]
fn parts_that_make_the_whole_are_counted_and_lists_not_the_whole_are_silent() {
    let json = lint("TXT005", "passes");
    assert!(findings(&json, "TXT005").is_empty(), "{json}");
    // The hundralapp's two columns (100,3 and 100,2 within ± 0,45) and the skattekrona
    // (100,1 öre within ± 2) hold; the "bland annat" list, the one closed by a Summa row
    // (TXT002's: 60 + 45 = 105, the fourth relation), the one with a varav line and the
    // age groups (no money divided) are not read. The skattesats "består av" 21,16 + 11,86
    // = 33,02 % holds (the fifth relation); the kostnad whose whole leaves out one of its
    // listed parts ("exklusive lokalerna") is not read.
    assert_eq!(common::stat(&json, "relations_checked"), 5, "{json}");
}
