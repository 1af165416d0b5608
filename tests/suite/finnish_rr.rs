//! REL004 on Finnish kunta statements, in Finnish and in Swedish (the form of the
//! kuntajaosto / kommunsektionen): toimintakate (verksamhetsbidrag), vuosikate
//! (årsbidrag), tilikauden tulos (räkenskapsperiodens resultat) and tilikauden ylijäämä
//! (räkenskapsperiodens överskott) are the result lines of the chain. Invented fixtures
//! in `tests/fixtures/finnish_rr/`: a Finnish tuloslaskelma with its group totals above
//! their rows (every relation holds) and a copy with one misprinted Vuosikate, a
//! Finland-Swedish resultaträkning with costs written without a minus, a käyttötalous
//! table with one Toimintakate per toimiala, and a tase (REL005: VASTAAVAA YHTEENSÄ =
//! VASTATTAVAA YHTEENSÄ) with a misprinted copy.

use crate::common;

#[test]
fn a_finnish_tuloslaskelma_holds_with_its_groups_and_result_lines_checked() {
    let json = common::lint_json(&common::fixture_in("finnish_rr", "kunta_holds.txt"));
    // TOIMINTAKATE, VUOSIKATE, TILIKAUDEN TULOS and TILIKAUDEN YLIJÄÄMÄ, and the three
    // groups written above their rows (Toimintatuotot, Toimintakulut, Henkilöstökulut),
    // in three columns (TP 2017, TA 2018, TS 2019).
    common::assert_stat(&json, "relations_checked", 21);
    common::assert_all_hold(&json, 21);
}

#[test]
fn a_misprinted_vuosikate_is_found_in_its_column() {
    let json = common::lint_json(&common::fixture_in("finnish_rr", "kunta_misprint.txt"));
    // −142 500 + 113 000 + 40 500 + 300 + 1 000 − 900 − 100 = 11 300, written 11 030; the
    // step holds in TP 2017 and TS 2019. Only the line itself is claimed.
    assert_eq!(
        common::claims(&json),
        vec![common::claim(
            "REL004",
            "VUOSIKATE",
            "TA 2018",
            "11300",
            "11030"
        )],
        "{json}"
    );
    let text = common::lint_stdout("tests/fixtures/finnish_rr/kunta_misprint.txt");
    let diagnostic = common::diagnostics_starting(&text, "error[REL004]").join("\n\n");
    insta::assert_snapshot!("finnish_rr_vuosikate", diagnostic);
}

#[test]
fn a_finland_swedish_resultatrakning_with_costs_without_a_minus_holds() {
    let json = common::lint_json(&common::fixture_in("finnish_rr", "kommun_holds.txt"));
    // VERKSAMHETSBIDRAG, ÅRSBIDRAG, RÄKENSKAPSPERIODENS RESULTAT and ÖVERSKOTT in BS
    // 2018, BU 2019 and EP 2020: costs subtracted, "Finansiella intäkter och kostnader"
    // (a net, not a cost) added.
    common::assert_stat(&json, "relations_checked", 12);
    common::assert_all_hold(&json, 12);
}

#[test]
fn one_toimintakate_per_toimiala_is_not_chained_to_the_one_above() {
    let json = common::lint_json(&common::fixture_in("finnish_rr", "kayttotalous_blocks.txt"));
    // Each Toimintakate is its own Toimintatuotot and Toimintakulut, not the one above
    // plus them: two relations in three columns, all holding.
    common::assert_stat(&json, "relations_checked", 6);
    common::assert_all_hold(&json, 6);
}

#[test]
fn a_finnish_tase_holds_with_its_sides_and_groups_checked() {
    let json = common::lint_json(&common::fixture_in("finnish_rr", "tase_holds.txt"));
    // VASTAAVAA YHTEENSÄ and VASTATTAVAA YHTEENSÄ as their sides' rows, the one equal to
    // the other, and the four groups written above their rows (PYSYVÄT VASTAAVAT,
    // VAIHTUVAT VASTAAVAT, OMA PÄÄOMA, VIERAS PÄÄOMA), in two columns.
    common::assert_stat(&json, "relations_checked", 14);
    common::assert_all_hold(&json, 14);
}

#[test]
fn a_misprinted_vastattavaa_yhteensa_is_found() {
    let json = common::lint_json(&common::fixture_in("finnish_rr", "tase_misprint.txt"));
    // 60 000 + 1 000 + 500 + 500 + 48 000 = 110 000 = VASTAAVAA YHTEENSÄ, written 111 000.
    let claims = common::claims(&json);
    assert_eq!(claims.len(), 1, "{json}");
    assert_eq!(
        (
            claims[0].0.as_str(),
            claims[0].1.as_str(),
            claims[0].4.as_str()
        ),
        ("REL005", "VASTATTAVAA YHTEENSÄ", "111000"),
        "{json}"
    );
}
