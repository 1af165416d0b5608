//! Row words that real records use for totals and results besides a leading "Summa":
//! a total word at the end of a label, closing the rows above it ("Skatteinkomster
//! sammanlagt", Danish "Udgifter i alt", Norwegian "Driftsinntekter totalt"), and the
//! budget-balance words of REL003's result rows ("Budgetsaldo", "Nettosaldo"), never a
//! balance carried between periods ("Saldo IB", "Saldo UB"). Invented fixtures in
//! `tests/fixtures/row_words/`; the real cases are judged in `real_pdf.rs` (Helsingfors'
//! notes in the eighth held-out set, ESV's månadsutfall in the tenth).

use crate::common;

fn lint(name: &str) -> serde_json::Value {
    common::lint_json(&common::fixture_in("row_words", name))
}

/// Every REL003 finding of a lint, whatever its severity.
fn rel003_findings(json: &serde_json::Value) -> Vec<&serde_json::Value> {
    json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "REL003")
        .collect()
}

/// Kommunalskatt + Samfundsskatt + Fastighetsskatt = 616 800 in "Prognos 2024", printed
/// 606 800 (the two other columns add up); 8 700 + 12 300 + 31 400 = 52 400 in "Regnskap
/// 2023", printed 53 400 (likewise).
#[test]
fn a_total_word_ending_a_label_closes_the_rows_above_it() {
    let json = lint("closing-total-fails.txt");
    assert_eq!(
        common::claims(&json),
        [
            common::claim(
                "SUM001",
                "Skatteinkomster sammanlagt",
                "Prognos 2024",
                "616800",
                "606800"
            ),
            common::claim(
                "SUM001",
                "Driftsinntekter totalt",
                "Regnskap 2023",
                "52400",
                "53400"
            ),
        ],
        "{json}"
    );
    let message = common::first_message(&json, "SUM001");
    assert!(message.contains("the rows above it"), "{message}");
    common::assert_stat(&json, "relations_checked", 6);
}

/// "Udgifter i alt" adding up in both columns (checked, holding); key-figure lists with
/// "Antal invånare totalt" first or last among figures of other measures (no sum: not
/// checked); "Kostnader totalt" adding up in one column of three (the failing two are
/// not decided, info): no error or warning.
#[test]
fn total_words_ending_labels_stay_silent_where_nothing_is_certain() {
    let json = lint("closing-total-silent.txt");
    assert!(
        common::claims(&json).is_empty(),
        "{:?}",
        common::claims(&json)
    );
    let findings = json["findings"].as_array().expect("findings");
    let undecided: Vec<&str> = findings
        .iter()
        .filter(|f| f["rule"] == "SUM001")
        .map(|f| f["message"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(undecided.len(), 2, "{undecided:?}");
    assert!(
        undecided
            .iter()
            .all(|m| m.starts_with("not decided: \"Kostnader totalt\"")),
        "{undecided:?}"
    );
    assert!(
        !findings.iter().any(|f| f["message"]
            .as_str()
            .unwrap_or_default()
            .contains("invånare")),
        "{json}"
    );
    // Udgifter i alt in 2 columns, Kostnader totalt in 3 (and what other rules read in
    // the key-figure tables, as before these words).
    assert!(
        common::stat(&json, "relations_checked") >= 5,
        "{}",
        json["stats"]
    );
}

/// Budgetsaldo = Totala inkomster − Totala utgifter: 1 251,3 − 1 270,1 = −18,8 in
/// "Prognos 2024", printed −8,8; the three other columns hold.
#[test]
fn a_budget_balance_is_a_result_row() {
    let json = lint("budget-balance-fails.txt");
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "REL003",
            "Budgetsaldo",
            "Prognos 2024",
            "-18.8",
            "-8.8"
        )],
        "{json}"
    );
    let message = common::first_message(&json, "REL003");
    assert!(
        message.contains("Totala inkomster − Totala utgifter"),
        "{message}"
    );
}

/// "Orealiserade vinster" under "Bokfört värde" and "Marknadsvärde" is named for their
/// difference (row_definitions.vocab): 2 022 − 1 920 = 102 holds in 2018, 2 047 − 1 840 =
/// 207 is printed 210 in 2017 (Region Uppsala's Tabell 7). The same rows holding in both
/// columns, a row below them aside, are silent.
#[test]
fn a_row_named_for_a_difference_is_that_difference() {
    let json = lint("named-difference-fails.txt");
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "REL003",
            "Orealiserade vinster",
            "2017",
            "207",
            "210"
        )],
        "{json}"
    );
    let message = common::first_message(&json, "REL003");
    assert!(
        message.contains("Marknadsvärde − Bokfört värde"),
        "{message}"
    );
    let json = lint("named-difference-holds.txt");
    assert!(common::claims(&json).is_empty(), "{json}");
    common::assert_stat(&json, "relations_failed", 0);
}

/// "Saldo UB" = "Saldo IB" + "Årets kassaflöde" fails in 2024 (55,0 against 56,0), but a
/// balance carried between periods is no result row (the balance rules' own): REL003
/// stays silent. "Nettosaldo" (a compound ending in "-saldo") holds in its three columns.
#[test]
fn carried_balances_are_no_result_rows() {
    let json = lint("balances-silent.txt");
    let rel003 = rel003_findings(&json);
    assert!(rel003.is_empty(), "{rel003:?}");
    assert!(
        common::claims(&json).is_empty(),
        "{:?}",
        common::claims(&json)
    );
    common::assert_stat(&json, "relations_failed", 0);
    assert!(
        common::stat(&json, "relations_checked") >= 3,
        "{}",
        json["stats"]
    );
}

/// A total row whose label runs into a note sentence glued to its figures by the
/// sentence's full stop ("… Skatterna visas brutto.499 840455 236") is read, not dropped,
/// and closes the rows above it: 412 935 + 86 905 = 499 840, 380 483 + 74 753 = 455 236.
#[test]
fn a_total_row_glued_to_a_note_sentence_is_read() {
    let path = common::fixture_in("row_words", "glued-note-total.txt");
    let tables: serde_json::Value =
        serde_json::from_str(&common::tables_json(&path)).expect("tables JSON");
    let rows = tables["tables"][0]["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 3, "{tables}");
    let last = &rows[2];
    assert!(
        last["label"]
            .as_str()
            .is_some_and(|l| l.starts_with("Skatteinkomster sammanlagt")),
        "{last}"
    );
    let values: Vec<&str> = last["cells"]
        .as_array()
        .expect("cells")
        .iter()
        .map(|c| c["value"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(values, ["499840", "455236"], "{last}");
    common::assert_all_hold(&common::lint_json(&path), 2);
}

/// The whole diagnostics of the two misprints as `justera lint` prints them.
#[test]
fn the_misprints_read_as_reviewed() {
    for (file, rule, name) in [
        (
            "closing-total-fails.txt",
            "error[SUM001]",
            "row_words_closing_sum001",
        ),
        (
            "budget-balance-fails.txt",
            "error[REL003]",
            "row_words_budget_rel003",
        ),
        (
            "named-difference-fails.txt",
            "error[REL003]",
            "row_words_named_difference_rel003",
        ),
    ] {
        let text = common::lint_stdout(&format!("tests/fixtures/row_words/{file}"));
        let diagnostics = common::diagnostics_starting(&text, rule);
        insta::assert_snapshot!(name, diagnostics.join("\n\n"));
    }
}

/// Brutto driftsresultat = Sum driftsinntekter − Sum driftsutgifter holds in the three
/// amount columns; the "Avvik" column signs each row better or worse than budget (the
/// costs' 131 290 over budget written −131 290), so its result row is the sum of the two
/// deviations, not their difference: not decided (info), never an error.
#[test]
fn a_result_row_in_a_deviation_column_is_not_decided() {
    let json = lint("avvik-column-undecided.txt");
    assert!(common::claims(&json).is_empty(), "{json}");
    let rel003 = rel003_findings(&json);
    assert_eq!(rel003.len(), 1, "{rel003:?}");
    assert_eq!(rel003[0]["severity"], "info");
    let message = rel003[0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("\"Avvik\" holds deviations"), "{message}");
    assert!(
        json["stats"]["relations_checked"].as_u64() >= Some(4),
        "{json}"
    );
}

/// "Moms 25%" names its row (the rate ends the label; its figures follow the cell gap),
/// and Danish "Ialt" closes the rows above it: 12,50 + 6,37 + 4,72 = 23,59 in 2024,
/// printed 24,59 (2023 holds: 12,00 + 6,37 + 4,59 = 22,96).
#[test]
fn a_vat_rate_ending_a_label_and_ialt_are_read() {
    let json = lint("moms-rate-ialt.txt");
    assert_eq!(
        common::claims(&json),
        [common::claim("SUM001", "Ialt", "2024", "23.59", "24.59")],
        "{json}"
    );
}
