//! Rows whose digit groups split into cells more than one way, and which the table's first
//! choice left tied (TAB001): the split is fixed from the table's own arithmetic in other
//! places (`table::flat::tied`) only when one reading makes a relation hold in two columns
//! or more, and the table's relations through the row in at least two places more, than
//! any other reading; a relation that fixed it is never its finding, and a finding through
//! it says how the split was fixed. Fixtures in `tests/fixtures/joint/`.

use crate::common;
use serde_json::Value;

const DIR: &str = "joint";

fn lint(name: &str) -> Value {
    common::lint_json(&common::fixture_in(DIR, name))
}

/// The TAB001 messages of a lint, by row.
fn tab001(json: &Value) -> Vec<String> {
    json["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["rule"] == "TAB001")
        .filter_map(|f| f["message"].as_str().map(str::to_string))
        .collect()
}

fn claims(json: &Value) -> Vec<String> {
    json["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["severity"] == "error" || f["severity"] == "warning")
        .map(|f| {
            format!(
                "{} {}",
                f["rule"].as_str().unwrap_or(""),
                f["message"].as_str().unwrap_or("")
            )
        })
        .collect()
}

/// "Nettoomsättning 1 113 1 062 998 964 914" is the three rows above it in every year
/// read one way only: read so, no TAB001, and nothing claimed.
#[test]
fn a_row_its_own_sum_fixes_is_read() {
    let json = lint("fixed-by-own-sum.txt");
    assert!(tab001(&json).is_empty(), "{json}");
    assert!(claims(&json).is_empty(), "{json}");
    let tables = common::tables_text(&common::fixture_in(DIR, "fixed-by-own-sum.txt"));
    let row = tables
        .lines()
        .find(|l| l.contains("Nettoomsättning"))
        .unwrap_or_default()
        .to_string();
    let cells: Vec<&str> = row.split('|').skip(1).map(str::trim).collect();
    assert_eq!(cells, ["1113", "1062", "998", "964", "914"], "{tables}");
}

/// The rows above add up to it in 2022 only: one relation in one column fixes nothing.
#[test]
fn a_split_one_column_would_fix_stays_not_decided() {
    let json = lint("one-column-only.txt");
    let tab = tab001(&json);
    assert_eq!(tab.len(), 1, "{json}");
    assert!(
        tab[0].contains("in one column only: one relation in one column is too little"),
        "{}",
        tab[0]
    );
    assert!(claims(&json).is_empty(), "{json}");
}

/// Two readings make the sum hold in two years each: a tie stays not decided.
#[test]
fn two_readings_that_tie_stay_not_decided() {
    let json = lint("tie.txt");
    let tab = tab001(&json);
    assert_eq!(tab.len(), 1, "{json}");
    assert!(
        tab[0].contains("2 of its readings make as many of the table's relations through it hold (2 places each)"),
        "{}",
        tab[0]
    );
    assert!(claims(&json).is_empty(), "{json}");
}

/// The glued result lines of an analys av bokslut, fixed together by the statement's
/// steps: a change in percent that their amounts do not give is reported, saying how the
/// row was split; the step that fixed "Rörelseresultat", failing where a row was left out,
/// is not decided.
#[test]
fn a_relation_failing_under_the_fixed_split_is_reported() {
    let json = lint("decided-percent.txt");
    let claimed = claims(&json);
    assert_eq!(claimed.len(), 1, "{claimed:#?}");
    assert!(claimed[0].starts_with("REL007 "), "{}", claimed[0]);
    assert!(
        claimed[0].contains("how the row \"Årets resultat\" was split into cells: the split 150 262 | 177 | 108 220 | 131 | 45,6 % | 151 725 | 175 is the only one"),
        "{}",
        claimed[0]
    );
    let fixing: Vec<String> = json["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["rule"] == "REL004")
        .filter_map(|f| f["message"].as_str())
        .filter(|m| m.contains("was fixed by this relation"))
        .map(str::to_string)
        .collect();
    assert_eq!(fixing.len(), 2, "{json}");
    assert!(
        fixing.iter().all(|m| m.starts_with("not decided")),
        "{fixing:#?}"
    );
}

#[test]
fn the_decided_failure_reads_as_reviewed() {
    let text = common::lint_stdout(&format!("tests/fixtures/{DIR}/decided-percent.txt"));
    let diagnostic = &common::diagnostics_starting(&text, "error[REL007]")[0];
    insta::assert_snapshot!("joint_decided_rel007", diagnostic);
}

#[test]
fn the_fixing_relation_reads_as_reviewed() {
    let text = common::lint_stdout(&format!("tests/fixtures/{DIR}/decided-percent.txt"));
    let diagnostic =
        &common::diagnostics_starting(&text, "info[REL004]: not decided: the split")[0];
    insta::assert_snapshot!("joint_fixing_rel004", diagnostic);
}

#[test]
fn the_tie_reads_as_reviewed() {
    let text = common::lint_stdout(&format!("tests/fixtures/{DIR}/tie.txt"));
    let diagnostic = &common::diagnostics_starting(&text, "info[TAB001]")[0];
    insta::assert_snapshot!("joint_tie_tab001", diagnostic);
}
