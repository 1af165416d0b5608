//! A kassaflödesanalys line that fails in every column is decided only when another sum
//! of the statement, sharing no row but that line, agrees on its value
//! (`tests/fixtures/kfa/`, invented; the real case is the seventh held-out set's
//! stadsdelsnämnd, judged in `real_pdf.rs`).

use crate::common;

fn fixture(name: &str) -> std::path::PathBuf {
    common::fixture_in("kfa", name)
}

/// (column, expected, found) of every REL006 error.
fn rel006_errors(json: &serde_json::Value) -> Vec<(String, String, String)> {
    common::rule_fields(json, "REL006", &["severity", "column", "expected", "found"])
        .into_iter()
        .filter(|f| f[0] == "error")
        .map(|f| (f[1].clone(), f[2].clone(), f[3].clone()))
        .collect()
}

#[test]
fn a_consistent_cash_flow_statement_holds() {
    common::assert_all_hold(&common::lint_json(&fixture("holds.txt")), 20);
}

/// "Kassaflöde från den löpande verksamheten" printed without the "Medel från
/// verksamheten" line in every year, while "Förändring av likvida medel" and the cash at
/// the year's end follow the whole sum: the löpande line fails everywhere, and the
/// Förändring line holds once it has the value its parts give. Decided in every column,
/// with that value.
#[test]
fn a_line_failing_everywhere_is_decided_when_another_sum_agrees_on_its_value() {
    let json = common::lint_json(&fixture("lopande-misprinted.txt"));
    assert_eq!(
        rel006_errors(&json),
        [
            ("2024".to_string(), "1600".to_string(), "100".to_string()),
            ("2023".to_string(), "2100".to_string(), "-300".to_string()),
            ("2022".to_string(), "2000".to_string(), "200".to_string()),
        ],
        "{json}"
    );
    assert_eq!(common::claims(&json).len(), 3, "{json}");
    let message = common::first_message(&json, "REL006");
    assert!(
        message.contains("\"Förändring av likvida medel\" is not the cash flows of the sections either, and holds once this line has the value its parts give"),
        "{message}"
    );
}

/// The same löpande line, but the rest of the statement follows it (a template whose
/// löpande line leaves the Medel line out): nothing agrees with the failing sum, so it
/// stays not decided, never an error.
#[test]
fn a_line_failing_everywhere_that_nothing_corroborates_is_not_decided() {
    let json = common::lint_json(&fixture("lopande-without-medel.txt"));
    assert!(common::claims(&json).is_empty(), "{json}");
    let notes = common::rule_fields(&json, "REL006", &["severity"]);
    assert_eq!(notes.len(), 3, "{json}");
    assert!(notes.iter().all(|f| f[0] == "info"), "{json}");
}
