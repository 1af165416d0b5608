//! PROD004, fee rows priced by a quantity or share in their label: what is decided (one
//! rate per unit naming the fee, another row of that rate holding), what is "not decided"
//! (several rates, m² of floor against a rate per m³, no other row confirming the rate)
//! and what is not read at all (area bands, bounds, a rate for another unit), on invented
//! tables.

use crate::common;
use serde_json::Value;

/// `justera lint --format json` on a text file holding `text`.
fn lint(text: &str) -> Value {
    common::lint_text("taxa.txt", text)
}

/// The PROD004 findings: (severity, expected, found, message).
fn prod004(json: &Value) -> Vec<(String, String, String, String)> {
    common::findings_of(json, "PROD004")
}

const HEAD: &str = "VA-taxa 2025 (invented)\n\nBrukningsavgift: | 2024: | 2025: |\n";

#[test]
fn a_rate_rounded_to_the_ore_allows_its_half_ore_times_the_quantity() {
    // 50 × 43,22 = 2 161, at most 2 161,25: 2 162 fails; 100 × 43,22 = 4 322 ± 0,5
    // meets 4 323 ± 0,5 at 4 322,5 and holds.
    let json = lint(&format!(
        "{HEAD}Förbrukningsavgift (kr/m³) | 27,73 | 43,22 |\n\
         Förbrukningsavgift stipulerad (50 m³) | 1 387 | 2 162 |\n\
         Förbrukningsavgift stipulerad (100 m³) | 2 773 | 4 323 |\n"
    ));
    let found = prod004(&json);
    assert_eq!(found.len(), 1, "{json}");
    assert_eq!(
        (
            found[0].0.as_str(),
            found[0].1.as_str(),
            found[0].2.as_str()
        ),
        ("error", "2161", "2162"),
        "{json}"
    );
    assert!(found[0].3.contains("line 4"), "{}", found[0].3);
    // 4 priced figures, all read.
    assert_eq!(common::stat(&json, "relations_checked"), 4, "{json}");
}

#[test]
fn several_rates_naming_the_fee_are_not_decided() {
    let json = lint(&format!(
        "{HEAD}Förbrukningsavgift vatten (kr/m³) | 8,00 | 8,00 |\n\
         Förbrukningsavgift (kr/m³) | 20,00 | 21,00 |\n\
         Förbrukningsavgift vatten (100 m³) | 800 | 900 |\n\
         Förbrukningsavgift vatten (150 m³) | 1 200 | 1 200 |\n"
    ));
    let found = prod004(&json);
    assert!(!found.is_empty(), "{json}");
    assert!(
        found
            .iter()
            .all(|f| f.0 == "info" && f.3.starts_with("not decided: 2 rates per m³")),
        "{found:#?}"
    );
}

#[test]
fn area_bands_and_bounds_are_no_quantity() {
    let json = lint(&format!(
        "{HEAD}Förbrukningsavgift (kr/m³) | 20,00 | 21,00 |\n\
         Förbrukningsavgift 0 - 70 m² | 999 | 999 |\n\
         Förbrukningsavgift över 170 m² | 999 | 999 |\n\
         Förbrukningsavgift upp till 4 m³ | 999 | 999 |\n\
         Förbrukningsavgift 0-4 m³ | 999 | 999 |\n\
         Förbrukningsavgift mellan 50 m³ och 100 m³ | 999 | 999 |\n"
    ));
    assert!(prod004(&json).is_empty(), "{json}");
    assert_eq!(common::stat(&json, "relations_checked"), 0, "{json}");
}

#[test]
fn floor_area_against_a_rate_per_cubic_metre_is_not_decided() {
    // 120 m² of floor is not 120 m³ of water, though a tariff may convert one to the other.
    let json = lint(&format!(
        "{HEAD}Förbrukningsavgift (kr/m³) | 20,00 | 21,00 |\n\
         Förbrukningsavgift bostad 120 m² | 2 500 | 2 600 |\n\
         Förbrukningsavgift bostad 100 m² | 2 100 | 2 200 |\n"
    ));
    let found = prod004(&json);
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(
        found.iter().all(|f| f.0 == "info"
            && f.3.starts_with("not decided: the quantity 120 m² is in m²")
            || f.3.starts_with("not decided: the quantity 100 m² is in m²")),
        "{found:#?}"
    );
}

#[test]
fn a_rate_for_another_unit_prices_nothing() {
    let json = lint(&format!(
        "{HEAD}Förbrukningsavgift (kr/m³) | 20,00 | 21,00 |\n\
         Förbrukningsavgift 15 000 kWh | 999 | 999 |\n\
         Förbrukningsavgift 20 kg | 999 | 999 |\n"
    ));
    assert!(prod004(&json).is_empty(), "{json}");
    assert_eq!(common::stat(&json, "relations_checked"), 0, "{json}");
}

#[test]
fn a_rate_of_another_fee_prices_nothing() {
    // The priced row must repeat every name word of the rate's label.
    let json = lint(&format!(
        "{HEAD}Rörlig avgift (kr/m³) | 20,00 | 21,00 |\n\
         Total årskostnad villa (150 m³) | 5 400 | 5 800 |\n"
    ));
    assert!(prod004(&json).is_empty(), "{json}");
}

#[test]
fn a_failure_no_other_row_of_the_rate_confirms_is_not_decided() {
    // Every priced row off by the same fixed part: the fee holds more than quantity × rate.
    let json = lint(&format!(
        "{HEAD}Förbrukningsavgift (kr/m³) | 20,00 | 21,00 |\n\
         Förbrukningsavgift villa (100 m³) | 4 400 | 4 700 |\n\
         Förbrukningsavgift villa (150 m³) | 5 400 | 5 750 |\n"
    ));
    let found = prod004(&json);
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(
        found
            .iter()
            .all(|f| f.0 == "info" && f.3.starts_with("not decided: no other row")),
        "{found:#?}"
    );
}

#[test]
fn a_share_of_a_named_fee_in_the_same_column() {
    // 80 % of 3 200 is 2 560, not 2 650; 60 % and 90 % of it hold.
    let json = lint(
        "Renhållningstaxa (invented)\n\nRenhållning: | 2024: | 2025: |\n\
         Helårsabonnemang, per hushåll | 3 000 | 3 200 |\n\
         Fritidshus (60 % av helårsabonnemang) | 1 800 | 1 920 |\n\
         Enpersonshushåll (80 % av helårsabonnemang) | 2 400 | 2 650 |\n\
         Hemkompost (90 % av helårsabonnemang) | 2 700 | 2 880 |\n",
    );
    let found = prod004(&json);
    assert_eq!(found.len(), 1, "{json}");
    assert_eq!(
        (
            found[0].0.as_str(),
            found[0].1.as_str(),
            found[0].2.as_str()
        ),
        ("error", "2560", "2650"),
    );
    assert_eq!(common::stat(&json, "relations_checked"), 6, "{json}");
}

#[test]
fn a_row_adding_a_fixed_part_or_stating_a_rate_is_not_priced() {
    // The 150 m³ row holds a fixed part as well; the 200 m³ row states the price per m³
    // of a stepped tariff at that volume. Neither is quantity × rate; the 100 m³ row is.
    let json = lint(&format!(
        "{HEAD}Förbrukningsavgift (kr/m³) | 20,00 | 21,00 |\n\
         Förbrukningsavgift villa (100 m³) | 2 000 | 2 100 |\n\
         Förbrukningsavgift villa inkl. fast avgift (150 m³) | 5 400 | 5 750 |\n\
         Förbrukningsavgift villa (200 m³) | 18,00 | 19,00 |\n"
    ));
    assert!(prod004(&json).is_empty(), "{json}");
    assert_eq!(common::stat(&json, "relations_checked"), 2, "{json}");
}

#[test]
fn a_share_of_a_fee_named_by_two_rows_is_not_read() {
    // "helårsabonnemang" names two rows: which one the share is taken of is not written.
    let json = lint(
        "Renhållningstaxa (invented)\n\nRenhållning: | 2024: | 2025: |\n\
         Helårsabonnemang, villa | 3 000 | 3 200 |\n\
         Helårsabonnemang, lägenhet | 2 000 | 2 100 |\n\
         Fritidshus (60 % av helårsabonnemang) | 1 500 | 1 600 |\n",
    );
    assert!(prod004(&json).is_empty(), "{json}");
    assert_eq!(common::stat(&json, "relations_checked"), 0, "{json}");
}
