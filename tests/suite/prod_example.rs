//! PROD005, an example fee worked as the page's fixed fee plus quantity × the page's rate:
//! decided where another example worked the same way holds, "not decided" where none
//! does, not read where the service has several rates, and read in rows written the
//! Norwegian way, each cell opening with "kr", on invented pages.

use crate::common;
use serde_json::Value;

/// `justera lint --format json` on a text file holding `text`.
fn lint(text: &str) -> Value {
    common::lint_text("gebyr.txt", text)
}

/// The PROD005 findings: (severity, expected, found, message).
fn prod005(json: &Value) -> Vec<(String, String, String, String)> {
    common::findings_of(json, "PROD005")
}

#[test]
fn cells_opening_with_kr_are_read_and_the_sibling_example_decides() {
    // Vann: 5 580 + 120 × 11,90 = 7 008, printed 7 226 in both years; avløp: 2 460 +
    // 120 × 7,08 = 3 309,60, printed 3 310 (holds). The area is taken as the volume.
    let json = lint(
        "Alle satser eks. mva.\n  2019 2020\n\
         Vann: Abonnementsgebyr husholdning  kr   5 580  kr   5 580\n\
         Vann: Årsavgift pr. m3  kr   11,90  kr   11,90\n\
         Vanngebyr bolig 120 m2  kr   7 226  kr   7 226\n\
         Avløp: Abonnementsgebyr husholdning  kr   2 460  kr   2 460\n\
         Avløp gebyr pr. m3  kr   7,08  kr   7,08\n\
         Avløpsgebyr bolig 120 m2  kr   3 310  kr   3 310\n",
    );
    let found = prod005(&json);
    let errors: Vec<_> = found.iter().filter(|f| f.0 == "error").collect();
    assert_eq!(errors.len(), 2, "{found:#?}");
    assert!(
        errors.iter().all(|f| f.1 == "7008" && f.2 == "7226"),
        "{errors:#?}"
    );
    assert!(
        errors[0].3.contains("the area taken as the volume in m³"),
        "{}",
        errors[0].3
    );
    // Two examples in two columns, each read.
    assert_eq!(common::stat(&json, "relations_checked"), 4, "{json}");
}

#[test]
fn without_a_sibling_that_holds_a_failure_is_not_decided() {
    let json = lint(
        "Gebyr bolig: | 2025: |\n\
         Vann: Abonnementsgebyr bolig | 2 100 |\n\
         Vann: Forbruksgebyr pr. m3 | 12,50 |\n\
         Vanngebyr bolig 150 m3 | 4 000 |\n",
    );
    let found = prod005(&json);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, "info", "{found:#?}");
    assert!(found[0].3.starts_with("not decided:"), "{}", found[0].3);
}

#[test]
fn a_service_with_two_rates_per_the_unit_is_not_read() {
    let json = lint(
        "Gebyr bolig: | 2024: | 2025: |\n\
         Vann: Abonnementsgebyr bolig | 2 000 | 2 100 |\n\
         Vann: Forbruksgebyr pr. m3 | 12,00 | 12,50 |\n\
         Vann: Tilleggsgebyr pr. m3 | 1,00 | 1,00 |\n\
         Vanngebyr bolig 150 m3 | 3 800 | 4 000 |\n\
         Avløp: Abonnementsgebyr bolig | 1 500 | 1 600 |\n\
         Avløp: Forbruksgebyr pr. m3 | 10,00 | 10,40 |\n\
         Avløpsgebyr bolig 150 m3 | 3 000 | 3 160 |\n",
    );
    let found = prod005(&json);
    assert!(found.is_empty(), "{found:#?}");
}
