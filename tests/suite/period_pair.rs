//! REL010, one amount stated for two periods: the wrong figure reported (with the likely
//! misprint named where a row has three periods), and the rows that are only "not decided"
//! (invented fixtures in `tests/fixtures/rules/REL010/` and `tests/fixtures/period_pair/`,
//! and a real page with one figure changed).

use crate::common;

/// Each REL010 finding as "severity row".
fn rel010_rows(json: &serde_json::Value) -> Vec<String> {
    common::rule_fields(json, "REL010", &["severity", "row"])
        .into_iter()
        .map(|f| format!("{} {}", f[0], f[1]))
        .collect()
}

/// The trigger: 2 912,50 / 12 = 242,7083 against 203,13; a year figure that breaks both
/// its termin and månad relations named as the misprint; a month figure rounded down to
/// make the monthly parts meet their total only not decided; a month figure rounded up
/// (77 329 / 12 = 6 444,08 printed 6 445) on a page whose other rows round to the nearest
/// both ways (3 810,67 to 3 811, 3 268,33 to 3 268); and in running text, "kr
/// 1 200,- pr. år, kr 125,- pr. mnd." (1 200 / 12 = 100) where two other such lines hold.
#[test]
fn the_trigger_reports_the_wrong_figure_and_names_the_misprint() {
    let json = common::lint_json(&common::fixture_in("rules/REL010", "triggers.txt"));
    assert_eq!(
        common::claims(&json),
        [
            common::claim(
                "REL010",
                "Avløp abonnement",
                "Pr. måned",
                "242.7083",
                "203.13"
            ),
            common::claim("REL010", "Næring", "Pr. år", "1200", "1560"),
            common::claim(
                "REL010",
                "Grundbelopp 6-9",
                "Per månad",
                "6444.0833",
                "6445"
            ),
            common::claim("REL010", "", "", "100", "125"),
        ],
        "{json}"
    );
    let infos = common::rule_fields(&json, "REL010", &["severity", "row"]);
    assert!(
        infos.contains(&vec!["info".to_string(), "Programafgift".to_string()]),
        "{infos:?}"
    );
}

/// Vonge Antennelaug's real price page with one figure changed (Koda/Copydan 54 kr. per
/// month written 45 kr.): the changed figure is the one claim.
#[test]
fn a_real_page_with_one_figure_changed_reports_that_figure() {
    let json = common::lint_json(&common::fixture_in(
        "period_pair",
        "vonge-one-figure-changed.txt",
    ));
    let claims: Vec<_> = common::claims(&json)
        .into_iter()
        .filter(|c| c.0 == "REL010")
        .collect();
    assert_eq!(
        claims,
        [common::claim(
            "REL010",
            "Koda/Copydan",
            "Pris/måned",
            "54",
            "45"
        )],
        "{json}"
    );
}

/// A seasonal fee (ratio 5 where the names give 12), fees paid for 11 months on a page
/// that states no count, columns of different things ("Inkomst per månad", "Avgift per
/// år"), terms whose count nothing decides, and month figures rounded up on a page whose
/// every row rounds up (no row rounded to the nearest downwards): nothing is claimed.
#[test]
fn uncertain_rows_are_not_decided() {
    let json = common::lint_json(&common::fixture_in("period_pair", "undecided.txt"));
    assert!(common::claims(&json).is_empty(), "{json}");
    assert_eq!(
        rel010_rows(&json),
        [
            "info Sesongplass båthavn",
            "info Hel plass",
            "info Halv plass",
            "info Kost",
            "info Grundbelopp B",
            "info Grundbelopp C"
        ],
        "{json}"
    );
}

/// The passes: 12 months where the names fix it, 11 where the page states it and the rows
/// bear it out, halvår × 2, 52 weeks from the rows; a frequency column is no period; and
/// two pairs in running text ("2 730 kroner per måned, og totalt 30 030 kroner per år" at
/// the page's 11 months, "600 kr per kvartal, dvs. 200 kr per måned").
#[test]
fn the_passes_claim_nothing() {
    let json = common::lint_json(&common::fixture_in("rules/REL010", "passes.txt"));
    common::assert_all_hold(&json, 15);
}

/// Flat text whose header names its columns by their periods, spaced, not tabbed ("Pr.
/// måned Pr. termin Pr. år"), and a price-example table under its own such header whose
/// rows write thousands without a space ("50 102,08 1225,00": 50 and 102,08): the
/// headers are read, the two tables kept apart, and the one wrong figure (1 300 / 12 =
/// 108,3333 against 100) is the one claim.
#[test]
fn spaced_period_headers_are_read_as_columns() {
    let json = common::lint_json(&common::fixture_in("period_pair", "spaced-header.txt"));
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "REL010",
            "Slam",
            "Pr. måned",
            "108.3333",
            "100"
        )],
        "{json}"
    );
    assert_eq!(json["stats"]["tables"], 2, "{json}");
    assert!(
        json["stats"]["relations_checked"].as_u64() >= Some(9),
        "{json}"
    );
}

/// Two small tables under one page's "Pr. måned Pr. termin Pr. år" header: the first has
/// two rows, too few to fix the count of terms; the page's rows read as one fix it at 4
/// (728,13 × 4 = 2 912,50), so each month figure that breaks both of its pairs while the
/// termin and år figures agree is reported, named as the likely misprint.
#[test]
fn the_pages_other_tables_fix_the_count_of_terms() {
    let json = common::lint_json(&common::fixture_in("period_pair", "page-rows.txt"));
    assert_eq!(
        common::claims(&json),
        [
            common::claim(
                "REL010",
                "Abonnement vann",
                "Pr. måned",
                "242.7083",
                "203.13"
            ),
            common::claim(
                "REL010",
                "Abonnement avløp",
                "Pr. måned",
                "258.75",
                "201.56"
            ),
        ],
        "{json}"
    );
}

/// The same two rows alone on their page: no row holds at 12 and nothing fixes the count
/// of terms, so a fee for part of the period is not ruled out; only "not decided".
#[test]
fn two_rows_alone_are_not_decided() {
    let json = common::lint_json(&common::fixture_in("period_pair", "page-rows-alone.txt"));
    assert!(common::claims(&json).is_empty(), "{json}");
    assert_eq!(
        rel010_rows(&json),
        ["info Abonnement vann", "info Abonnement avløp"],
        "{json}"
    );
}

/// A web page's table whose header cells were printed glued ("BidragÅrsbeloppPer månad")
/// and whose first line under it is a section heading carrying percents ("Förskoleklass
/// inkl moms 6 %, adm 3 %"): the header still names the two columns, and the month figure
/// rounded the wrong way (77 329 / 12 = 6 444,08 printed 6 445, where the page rounds to
/// the nearest both ways) is the one claim.
#[test]
fn a_glued_header_above_a_section_heading_names_the_columns() {
    let json = common::lint_json(&common::fixture_in("period_pair", "glued-header.txt"));
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "REL010",
            "Grundbelopp",
            "Per månad",
            "6444.0833",
            "6445"
        )],
        "{json}"
    );
}
