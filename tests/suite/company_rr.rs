//! REL004 on a company's resultaträkning in the ÅRL form (kommunala bolag): each result
//! line (Rörelseresultat, Resultat efter finansiella poster, Resultat före skatt, Årets
//! resultat) is the result line before it plus the rows between, a group's "Summa …"
//! standing for its rows. Invented fixtures in `tests/fixtures/company_rr/`: one where
//! every relation holds, and a copy with one misprinted Rörelseresultat.

use crate::common;

/// (rule, severity, row) of every finding.
fn findings(json: &serde_json::Value) -> Vec<(String, String, String)> {
    common::rule_fields(json, "REL004", &["rule", "severity", "row"])
        .into_iter()
        .map(|f| (f[0].clone(), f[1].clone(), f[2].clone()))
        .collect()
}

#[test]
fn a_company_income_statement_holds_with_its_result_lines_checked() {
    let json = common::lint_json(&common::fixture_in("company_rr", "holds.txt"));
    // The two Summa rows (intäkter, kostnader), Summa finansiella poster, Summa
    // bokslutsdispositioner (SUM) and the four result lines (REL004), in four columns.
    assert_eq!(common::stat(&json, "relations_checked"), 32, "{json}");
    assert_eq!(common::stat(&json, "relations_failed"), 0, "{json}");
    assert!(
        json["findings"].as_array().expect("findings").is_empty(),
        "{json}"
    );
}

#[test]
fn a_misprinted_rorelseresultat_is_found() {
    let json = common::lint_json(&common::fixture_in("company_rr", "misprint.txt"));
    // 32 of the statement, and the header comment's "521 000 - 441 000 = 80 000" (PROD003,
    // holding).
    assert_eq!(common::stat(&json, "relations_checked"), 33, "{json}");
    let rel = findings(&json);
    assert!(
        rel.iter()
            .any(|f| f.1 == "error" && f.2 == "Rörelseresultat"),
        "{json}"
    );
    // Nothing else is claimed: the one misprint, seen from the line itself.
    assert!(
        common::claims(&json)
            .iter()
            .all(|c| c.0 == "REL004" && c.1 == "Rörelseresultat"),
        "{json}"
    );
}

/// A property company's resultaträkning: "Driftnetto" (rent less property costs) and
/// "Resultat efter räntenetto" are result lines of the chain, and a "- varav" line under
/// one is no part of the next. Without them as result lines no result adds up and
/// nothing is decided.
#[test]
fn a_property_company_chain_through_driftnetto_holds() {
    let json = common::lint_json(&common::fixture_in("company_rr", "driftnetto_holds.txt"));
    // Driftnetto, Rörelseresultat, Resultat efter räntenetto, Årets resultat in 3 columns.
    assert_eq!(common::stat(&json, "relations_checked"), 12, "{json}");
    assert_eq!(common::stat(&json, "relations_failed"), 0, "{json}");
    assert!(
        json["findings"].as_array().expect("findings").is_empty(),
        "{json}"
    );
}

#[test]
fn a_misprinted_result_after_driftnetto_is_found() {
    let json = common::lint_json(&common::fixture_in("company_rr", "driftnetto_misprint.txt"));
    assert_eq!(common::stat(&json, "relations_failed"), 1, "{json}");
    assert_eq!(
        common::claims(&json)
            .iter()
            .map(|c| (c.0.as_str(), c.1.as_str()))
            .collect::<Vec<_>>(),
        [("REL004", "Årets resultat")],
        "{json}"
    );
}
