//! A failing sum that one figure's sign explains names the sign (SUM001, SUM003, SUM004):
//! flipping that figure alone makes the relation hold, and the same row has the other
//! sign in at least two columns where the relation holds. The real case (Gavlegårdarna's
//! Hyresintäkter netto 2021, printed −1 103,4) is judged in `real_pdf.rs`.

use crate::common;

#[test]
fn a_part_printed_without_its_minus_is_named() {
    let json = common::lint_json(&common::fixture_in("totals", "sign-misprint-part.txt"));
    assert_eq!(
        common::claims(&json),
        [common::claim("SUM001", "Summa", "2023", "660", "80")],
        "{json}"
    );
    let message = common::first_message(&json, "SUM001");
    assert!(
        message.contains("expected -290 on \"Övriga kostnader\" (printed 290)")
            && message.contains("the sign is the likely misprint"),
        "{message}"
    );
}

/// With one other column only, the row's sign elsewhere is no evidence: the failure is
/// reported without naming a sign.
#[test]
fn one_other_column_names_no_sign() {
    let json = common::lint_json(&common::fixture_in(
        "totals",
        "sign-misprint-two-columns.txt",
    ));
    let message = common::first_message(&json, "SUM001");
    assert!(!message.contains("sign"), "{message}");
}

/// A statement line (REL004) whose failure one figure's sign explains names it too.
#[test]
fn a_statement_line_names_the_sign() {
    let json = common::lint_json(&common::fixture_in("totals", "sign-misprint-statement.txt"));
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "REL004",
            "Årets resultat",
            "2023",
            "8600",
            "5600"
        )],
        "{json}"
    );
    let message = common::first_message(&json, "REL004");
    assert!(
        message.contains("expected -1500 on \"Skatt på årets resultat\" (printed 1500)"),
        "{message}"
    );
}
