//! REL008, a price with VAT beside the price without it: the wrong price reported, and
//! the rows that are only "not decided" (invented fixtures in `tests/fixtures/rules/REL008/`
//! and `tests/fixtures/vat_pair/`).

use crate::common;

/// The trigger: 9,03 × 1,25 = 11,2875, printed 11,44, where six other rows hold at 25 %;
/// the compost row at 12 % is only not decided; in running text "pris exkl. moms 1 450 kr,
/// inkl. moms 1 850 kr" (1 450 × 1,25 = 1 812,50) where four other such lines hold at 25 %;
/// and under a header written one name a line ("Ydelse / Ekskl. moms / Inkl. moms"), rows
/// written one cell a line, the rate not printed: 536 × 1,25 = 670, printed 690, where the
/// five other pairs hold at 25 %.
#[test]
fn the_trigger_reports_the_one_wrong_price_with_vat() {
    let json = common::lint_json(&common::fixture_in("rules/REL008", "triggers.txt"));
    assert_eq!(
        common::claims(&json),
        [
            common::claim(
                "REL008",
                "Extra slang per 10 m",
                "Pris inkl. moms",
                "11.2875",
                "11.44"
            ),
            common::claim("REL008", "", "", "1812.5", "1850"),
            common::claim(
                "REL008",
                "Timepris for slamsuger, pr. time",
                "",
                "670",
                "690"
            ),
        ],
        "{json}"
    );
    let message = common::first_message(&json, "REL008");
    assert!(
        message.contains("the 6 other rows of the table hold at 25 %"),
        "{message}"
    );
    let infos = common::rule_fields(&json, "REL008", &["severity", "row"]);
    assert!(
        infos.contains(&vec!["info".to_string(), "Kompost 190 l".to_string()]),
        "{infos:?}"
    );
}

/// A price written with ",00" that holds in whole units, a gap within five units of the
/// last digit, a reduced-rate row, figures too far apart for a VAT pair, and a table where
/// only two rows hold (its failing row read as rows under the header: not decided, only two
/// other pairs): nothing is claimed.
#[test]
fn uncertain_rows_are_not_decided() {
    let json = common::lint_json(&common::fixture_in("vat_pair", "undecided.txt"));
    assert!(common::claims(&json).is_empty(), "{json}");
    let rows: Vec<String> = common::rule_fields(&json, "REL008", &["severity", "row"])
        .into_iter()
        .map(|f| format!("{} {}", f[0], f[1]))
        .collect();
    assert_eq!(
        rows,
        [
            "info Sluten tank",
            "info Extra slang",
            "info Kompostkärl",
            "info Kärl 660 l",
            "info Gjenåpning"
        ],
        "{json}"
    );
}

/// The passes: every row holds at 25 %; a budget table and a "Netto | Brutto" pair on a
/// page that says nothing of VAT are no VAT pairs.
#[test]
fn the_passes_claim_nothing() {
    let json = common::lint_json(&common::fixture_in("rules/REL008", "passes.txt"));
    common::assert_all_hold(&json, 4);
}

/// Pairs in running text: "1,80 e/m3 (alv 0 %) = 2,23 e/m3 (alv 24 %)" at the rate the line
/// states, "630,00 kr. ekskl. moms, 787,50 kr. inkl. moms (moms 25 %)"; "kr 300 + mva =
/// kr 375" states no rate and the page's pairs decide none: not checked.
#[test]
fn pairs_in_running_text_hold() {
    let json = common::lint_json(&common::fixture_in("vat_pair", "inline-passes.txt"));
    common::assert_all_hold(&json, 2);
}

/// VOR's real renovasjon price list with one figure changed (1/20402 Renov. storhushald
/// inkl. mva 5656,00 written 5565,00; 4 524,80 × 1,25 = 5 656): the changed figure is the
/// one claim.
#[test]
fn a_real_page_with_one_figure_changed_reports_that_figure() {
    let json = common::lint_json(&common::fixture_in(
        "vat_pair",
        "vor-one-figure-changed.txt",
    ));
    let claims = common::claims(&json);
    assert_eq!(claims.len(), 1, "{json}");
    assert_eq!(
        (
            claims[0].0.as_str(),
            claims[0].3.as_str(),
            claims[0].4.as_str()
        ),
        ("REL008", "5656", "5565"),
        "{json}"
    );
}

/// Lines of two figures with a "/" between them under a line naming their order ("Ekskl.
/// moms / Inkl. moms"): four pairs hold at 25 % (the page's own arithmetic), the momsfri
/// rykkergebyr 100,00 / 100,00 holds at 0 % and is only not decided.
#[test]
fn slash_pairs_under_a_header_naming_their_order() {
    let json = common::lint_json(&common::fixture_in("vat_pair", "slash-pairs.txt"));
    assert!(common::claims(&json).is_empty(), "{json}");
    assert_eq!(common::stat(&json, "relations_checked"), 5, "{json}");
    let infos = common::rule_fields(&json, "REL008", &["severity"]);
    assert_eq!(infos, [vec!["info".to_string()]], "{json}");
}

/// Rows the table reader does not take, and uncertain: a price a line ("Pris eksl. moms
/// i kr.: 67,00 kr." / "Pris inkl. moms i kr.: 83,00 kr.", which holds in whole kroner);
/// three pairs under a header with the rate not printed, one failing (only two others hold:
/// too few to take the rate from); and a line of years that ends the header's rows (the
/// rows below it are not read as prices): nothing is claimed.
#[test]
fn rows_under_a_header_that_are_uncertain_are_not_decided() {
    let json = common::lint_json(&common::fixture_in("vat_pair", "rows-undecided.txt"));
    assert!(common::claims(&json).is_empty(), "{json}");
    let reasons: Vec<String> = common::rule_fields(&json, "REL008", &["message"])
        .into_iter()
        .map(|f| f[0].split(" (").next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        reasons,
        [
            "not decided: the pair holds if a figure written with ,00 is a price in whole units",
            "not decided: the rate is not printed and only 2 other pairs under the header hold at 25 %",
        ],
        "{json}"
    );
}

/// Fjernvarme Fyn's real gebyr page with one figure changed ("Gebyr for refusionsopgørelse"
/// inkl. moms 375,00 written 357,00; 300,00 × 1,25 = 375): rows under a header, some one
/// cell a line, the rate not printed; the changed figure is the one claim.
#[test]
fn a_real_page_of_rows_with_one_figure_changed_reports_that_figure() {
    let json = common::lint_json(&common::fixture_in(
        "real/vatrows",
        "modified-fjernvarmefyn-gebyrer.txt",
    ));
    let claims = common::claims(&json);
    assert_eq!(claims.len(), 1, "{json}");
    assert_eq!(
        (
            claims[0].0.as_str(),
            claims[0].3.as_str(),
            claims[0].4.as_str()
        ),
        ("REL008", "375", "357"),
        "{json}"
    );
    let message = common::first_message(&json, "REL008");
    assert!(
        message
            .contains("the 8 other pairs under the header hold at 25 %; the rate is not printed"),
        "{message}"
    );
}
