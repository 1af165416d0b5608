//! A total of a price per unit ("Summa förbrukningsavgift, per kubik") under a price list
//! that starts with fixed avgifter: it closes the rows directly above it priced per the
//! same unit, not the fixed avgifter before them. Invented fixtures in
//! `tests/fixtures/totals/`; the real case (Forshaga's "Summa avgift vatten, avlopp,
//! dagvatten, per kubik") is judged in `real_pdf.rs` (seventh held-out set).

use crate::common;

fn lint(name: &str) -> serde_json::Value {
    common::lint_json(&common::fixture_in("totals", name))
}

/// 8,35 + 13,47 = 21,82: checked and holding, nothing claimed.
#[test]
fn a_total_per_unit_closes_the_rows_priced_per_that_unit() {
    common::assert_all_hold(&lint("pris-per-kubik.txt"), 1);
}

/// The same with the Summa written 21,87: the one contradiction is found, with the sum
/// of the two per-kubik rows (21,82), not of the whole list.
#[test]
fn a_wrong_total_per_unit_is_found_with_its_own_rows() {
    let json = lint("pris-per-kubik-fel.txt");
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "SUM001",
            "Summa förbrukningsavgift, per kubik",
            "Kostnad",
            "21.82",
            "21.87"
        )]
    );
    let message = common::first_message(&json, "SUM001");
    assert!(message.contains("priced per the same unit"), "{message}");
}
