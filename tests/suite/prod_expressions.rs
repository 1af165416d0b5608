//! PROD003, expressions written out with their result: what is read (parentheses, the
//! result on the next line, units converted), what is left "not decided" (units that
//! cannot be added, only dashes), and what is not read at all (dates, ranges, dnr, §,
//! page references, list numbers), on invented lines.

use crate::common;
use serde_json::Value;

/// `justera lint --format json` on a text file holding `text`.
fn lint(text: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("prisexempel.txt");
    std::fs::write(&path, text).unwrap();
    common::lint_json(&path)
}

/// The PROD003 findings: (severity, expected, found).
fn prod003(json: &Value) -> Vec<(String, String, String)> {
    let s = |f: &Value, k: &str| f[k].as_str().unwrap_or_default().to_string();
    json["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["rule"] == "PROD003")
        .map(|f| (s(f, "severity"), s(f, "expected"), s(f, "found")))
        .collect()
}

fn rules(json: &Value) -> Vec<String> {
    json["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["rule"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn dates_ranges_references_and_list_numbers_are_not_read() {
    let json = lint(
        "Sammanträde (invented)\n\n\
         Mötet 2024-01-01 = 3\n\
         Taxa 101 - 300 = 2 400 kr\n\
         Åren 2023 – 2024 = 2 år\n\
         Tel 08-123 45 67 = växel\n\
         Se § 12 + 13 = 30\n\
         Dnr 2023/145 = 7\n\
         Punkt 1-3 = 5\n\
         Se s. 12 + 13 = 30\n\
         Se sid 4 + 5 = 10\n\
         Ca 2 + 3 = ca 7\n\
         Kl. 10:30 + 2 = 15\n\
         Väg E4 + 2 = 9\n\
         Priset 10.000 + 2 = 30.000\n\
         Summan 2 + 100 = 200 + 50\n\
         Avgift + 2 000 + 500 = 2 500 kr\n",
    );
    assert!(prod003(&json).is_empty(), "{json}");
    assert_eq!(common::stat(&json, "relations_checked"), 0, "{json}");
}

#[test]
fn units_that_cannot_be_added_and_lone_dashes_are_not_decided() {
    let json = lint(
        "Prisexempel (invented)\n\n\
         Blandat 1 200 kr + 150 m³ = 1 450 kr\n\
         Abonnemang 100 kr/mån + 1 200 kr/år = 2 400 kr/år\n\
         Avgift 3 000 - 500 = 2 600 kr\n\
         Period 2 år + 6 mån = 30 mån\n\
         Med moms 1 200 + 25 % = 1 500 kr\n\
         Rabatt 1 200 kr - 20 % = 960 kr\n\
         Samverkan där 1 + 1 = 4\n",
    );
    let found = prod003(&json);
    assert_eq!(found.len(), 7, "{json}");
    assert!(found.iter().all(|(s, ..)| s == "info"), "{found:?}");
    assert!(common::claims(&json).is_empty(), "{json}");
    assert!(
        common::first_message(&json, "PROD003").starts_with("not decided: "),
        "{json}"
    );
}

#[test]
fn a_result_opening_the_next_line_is_read() {
    let json = lint(
        "Prisexempel (invented)\n\n\
         Avgifter 1 244 + 1 244 + 150 * 16,00\n\
         = 6 109 kr/år\n\
         Rörligt 500 + 250 × 2\n\
         = 1 000 kr\n",
    );
    assert_eq!(
        prod003(&json),
        [("error".to_string(), "4888".to_string(), "6109".to_string())],
        "{json}"
    );
    assert!(
        common::first_message(&json, "PROD003").contains("the result opens the next"),
        "{json}"
    );
    assert_eq!(common::stat(&json, "relations_checked"), 2, "{json}");
}

#[test]
fn parentheses_and_precedence_are_arithmetic_s() {
    let json = lint(
        "Prisexempel (invented)\n\n\
         Årskostnad (3 000 − 500) × 12 = 30 000 kr\n\
         Utan parentes 3 000 − 500 × 2 = 2 000 kr\n\
         Fel (1 200 + 300) / 3 = 700 kr\n\
         Andel 4 000 × 25 % + 100 = 1 200\n",
    );
    assert_eq!(
        prod003(&json),
        [
            ("error".to_string(), "500".to_string(), "700".to_string()),
            ("error".to_string(), "1100".to_string(), "1200".to_string())
        ],
        "{json}"
    );
    assert_eq!(common::stat(&json, "relations_checked"), 4, "{json}");
}

#[test]
fn rounding_and_units_are_allowed_for() {
    let json = lint(
        "Prisexempel (invented)\n\n\
         Avrundat 1 234,4 + 2,3 = 1 237\n\
         Elnät 1 500 kr + 2 000 kWh × 25 öre/kWh = 2 000 kr\n\
         Tillägg 2 tkr + 500 kr = 2 500 kr\n\
         Andel (5 000 − 4 000) / 4 000 = 25 %\n\
         Radnummer 12 500 + 200 = 700\n\
         Totalt per år blir = 6 524,06 + 1269 + 4450= 12 243,06 kr/år\n\
         Andel 4 000 × 25 % + 100 = 1 100\n",
    );
    common::assert_all_hold(&json, 7);
    assert!(prod003(&json).is_empty(), "{json}");
}

/// A plain "a x b = c" is PROD001's alone; a grouped figure after an operator is not cut
/// into a product of its last group ("+ 2 000 kWh × 25 öre/kWh" is not "000 kWh × …").
#[test]
fn a_plain_product_is_reported_once_by_prod001() {
    let json = lint(
        "Prisexempel (invented)\n\n\
         Förbrukning 150 m3 x 20,50 kr = 3 175 kr\n\
         Elnät 1 500 kr + 2 000 kWh × 25 öre/kWh = 2 200 kr\n",
    );
    let r = rules(&json);
    assert_eq!(r.iter().filter(|r| *r == "PROD001").count(), 1, "{r:?}");
    assert_eq!(
        prod003(&json),
        [("error".to_string(), "2000".to_string(), "2200".to_string())],
        "{json}"
    );
}

/// Figures beyond the decimal range and parentheses nested deeper than the grammar reads
/// give no claim and no crash.
#[test]
fn huge_figures_and_deep_parentheses_are_left_alone() {
    let json = lint(
        "Prisexempel (invented)\n\n\
         Stort 999 999 999 999 999 × 999 999 999 999 999 × 999 999 999 999 999 = 1\n\
         Djupt ((((((1 + 1)))))) = 3\n",
    );
    assert!(prod003(&json).is_empty(), "{json}");
    assert!(common::claims(&json).is_empty(), "{json}");
}
