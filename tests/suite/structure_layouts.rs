//! Protocol headers in other municipalities' layouts (tests/fixtures/headers/README.md):
//! the same fields come out whatever the template, and lint raises no false formalia.

use crate::common;

use justera::document::{Document, ProtocolHeader};
use justera::ingest::IngestOptions;
use std::path::Path;

fn protocol(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/headers")
        .join(name);
    let opts = IngestOptions {
        isolate: false,
        ..IngestOptions::default()
    };
    let mut docs = justera::pipeline::process_file(
        &path,
        &opts,
        justera::grammar::vocab::Vocabulary::builtin_shared(),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
    .documents;
    assert_eq!(docs.len(), 1, "{name}: one protocol");
    docs.remove(0)
}

fn header(doc: &Document) -> &ProtocolHeader {
    doc.header.as_ref().expect("a protocol header")
}

fn names(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn iso(d: Option<chrono::NaiveDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

#[test]
fn signature_names_written_in_a_row_go_to_their_labels_in_order() {
    let doc = protocol("flat-label-row.txt");
    let h = header(&doc);
    assert_eq!(h.secretary.as_deref(), Some("Karin Sjöholm"));
    assert_eq!(h.chair.as_deref(), Some("Anna-Lena Dahl"));
    assert_eq!(names(&h.adjusters), ["Per Lindqvist", "Sara Holm"]);
    let adj = h.adjustment.as_ref().expect("justering");
    assert_eq!(iso(adj.date).as_deref(), Some("2019-05-06"));
    assert_eq!(adj.place.as_deref(), Some("Kommunkansliet, Norrby"));
    assert_eq!(h.place.as_deref(), Some("Älvsalen, kulturhuset i Norrby"));
    // The letterhead names the municipality; the storage place is only an office.
    assert_eq!(h.municipality.as_deref(), Some("Norrby kommun"));
    let notice = h.notice.as_ref().expect("anslag");
    assert_eq!(iso(notice.posted).as_deref(), Some("2019-05-07"));
    assert_eq!(iso(notice.removed).as_deref(), Some("2019-05-29"));
}

#[test]
fn dotted_signature_lines_and_paragraph_openings_with_dnr() {
    let doc = protocol("lines-dotted-signatures.txt");
    let h = header(&doc);
    assert_eq!(h.organ.as_deref(), Some("Kommunfullmäktige"));
    assert_eq!(iso(h.meeting_date).as_deref(), Some("2019-03-12"));
    assert_eq!(
        h.place.as_deref(),
        Some("Rådssalen"),
        "the weekday is not the place"
    );
    assert_eq!(h.time.as_deref(), Some("18:00–20:40"));
    assert_eq!(
        h.paragraphs.as_ref().map(|r| (r.from, r.to)),
        Some((21, 22)),
        "Paragrafer beside a signature line"
    );
    assert_eq!(h.secretary.as_deref(), Some("Lena Mårtensson"));
    assert_eq!(h.chair.as_deref(), Some("Gustav Hed"));
    assert_eq!(names(&h.adjusters), ["Jonas Björk", "Ulla-Britt Nord"]);
    let adj = h.adjustment.as_ref().expect("Tid och plats för justering");
    assert_eq!(iso(adj.date).as_deref(), Some("2019-03-19"));
    assert_eq!(adj.place, None, "a weekday and a date are no place");
    assert_eq!(h.municipality, None, "\"Kommunhuset\" is a building");
    let paras: Vec<_> = doc
        .paragraphs
        .iter()
        .map(|p| {
            (
                p.number,
                p.prefix.as_deref(),
                p.dnr.clone(),
                p.title.as_str(),
                p.decision.clone(),
            )
        })
        .collect();
    assert_eq!(
        paras,
        [
            (
                21,
                Some("KF"),
                vec!["KS.2019.12".to_string()],
                "Godkännande av dagordning",
                vec!["Dagordningen godkänns.".to_string()]
            ),
            (
                22,
                Some("KF"),
                vec!["KS.2019.14".to_string()],
                "Fråga om sammanträdet blivit i laga ordning kungjort",
                vec!["Sammanträdet har blivit i laga ordning kungjort.".to_string()]
            ),
        ]
    );
}

#[test]
fn page_markers_and_anslag_boilerplate_do_not_become_the_organ() {
    let doc = protocol("flat-page-marker.txt");
    let h = header(&doc);
    assert_eq!(h.organ.as_deref(), Some("Kommunfullmäktige"));
    assert_eq!(
        doc.title.as_deref(),
        Some("Sammanträdesprotokoll Kommunfullmäktige 2019-11-14")
    );
    assert_eq!(iso(h.meeting_date).as_deref(), Some("2019-11-14"));
    assert_eq!(h.place.as_deref(), Some("Stora salen, Rådhuset, Åsby"));
    assert_eq!(
        h.paragraphs.as_ref().map(|r| (r.from, r.to)),
        Some((88, 97))
    );
    assert_eq!(h.secretary.as_deref(), Some("Tove Ahl"));
    assert_eq!(h.chair.as_deref(), Some("Henrik Malm"));
    assert_eq!(names(&h.adjusters), ["Birgitta Lööf", "Jan-Olof Bäck"]);
}

#[test]
fn no_false_formalia_on_these_layouts() {
    for name in [
        "flat-label-row.txt",
        "lines-dotted-signatures.txt",
        "flat-page-marker.txt",
        "lines-attendance-no-commas.txt",
        "flat-genitive-organ.txt",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/headers")
            .join(name);
        let rules = common::lint_rules(&path);
        assert!(rules.is_empty(), "{name}: {rules:?}");
    }
}

type Seat<'a> = (
    &'a str,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    Option<(u32, u32)>,
);

fn seats(h: &ProtocolHeader) -> Vec<Seat<'_>> {
    h.attendance
        .iter()
        .map(|a| {
            (
                a.name.as_str(),
                a.role.as_str(),
                a.party.as_deref(),
                a.replaces.as_deref(),
                a.paragraphs.as_ref().map(|r| (r.from, r.to)),
            )
        })
        .collect()
}

#[test]
fn attendance_without_commas_with_abbreviated_roles() {
    let doc = protocol("lines-attendance-no-commas.txt");
    let h = header(&doc);
    assert_eq!(h.organ.as_deref(), Some("Kommunstyrelsen"));
    assert_eq!(iso(h.meeting_date).as_deref(), Some("2016-10-13"));
    assert_eq!(
        seats(h),
        [
            ("Ingrid Holm", "ordförande", Some("S"), None, None),
            ("Tomas Falk", "ledamot", Some("S"), None, None),
            ("Maria Ek", "ledamot", Some("S"), None, Some((101, 110))),
            ("Jan Öberg", "ersättare", Some("S"), Some("Lena Rask"), None),
            ("Karl Wiik", "ledamot", Some("V"), None, None),
            ("Stig Björn", "ledamot", Some("V"), None, Some((101, 108))),
            ("Eva Lind", "ledamot", Some("C"), None, None),
            (
                "Hans Dahl",
                "ej tjänstgörande ersättare",
                Some("S"),
                None,
                None
            ),
            (
                "Åsa Berg",
                "ej tjänstgörande ersättare",
                Some("M"),
                None,
                None
            ),
        ]
    );
    // Each person points at the line that names them.
    let lines: Vec<(&str, u32)> = h
        .attendance
        .iter()
        .map(|a| (a.name.as_str(), a.provenance.as_ref().map_or(0, |p| p.line)))
        .filter(|(n, _)| ["Ingrid Holm", "Jan Öberg", "Stig Björn", "Hans Dahl"].contains(n))
        .collect();
    assert_eq!(
        lines,
        [
            ("Ingrid Holm", 7),
            ("Jan Öberg", 9),
            ("Stig Björn", 11),
            ("Hans Dahl", 13)
        ]
    );
    let notice = h.notice.as_ref().expect("ANSLAGSBEVIS");
    assert_eq!(notice.organ.as_deref(), Some("Kommunstyrelsen"), "Forum");
    assert_eq!(iso(notice.posted).as_deref(), Some("2016-10-20"));
    assert_eq!(iso(notice.removed).as_deref(), Some("2016-11-11"));
    // "§ 101 Information från kommunchefen ... 4" is the innehållsförteckning.
    assert!(doc.paragraphs.is_empty(), "{:?}", doc.paragraphs);
}

#[test]
fn organ_in_the_genitive_and_staff_with_functions_in_parentheses() {
    let doc = protocol("flat-genitive-organ.txt");
    let h = header(&doc);
    assert_eq!(h.organ.as_deref(), Some("Kommunfullmäktige"));
    assert_eq!(iso(h.meeting_date).as_deref(), Some("2018-02-22"));
    assert_eq!(h.place.as_deref(), Some("Rådhuset, sessionssalen"));
    assert_eq!(h.secretary.as_deref(), Some("Greta Nyman"));
    assert_eq!(h.chair.as_deref(), Some("Bertil Ros"));
    assert_eq!(names(&h.adjusters), ["Olle Sund", "Mia Dahl"]);
    let staff: Vec<(&str, Option<&str>)> = h
        .attendance
        .iter()
        .map(|a| (a.name.as_str(), a.function.as_deref()))
        .collect();
    assert_eq!(
        staff,
        [
            ("Greta Nyman", Some("sekr")),
            ("Lars Hed", Some("kommundirektör")),
            ("Pia Ström", Some("ekonomichef")),
            ("Rut Alm", Some("kommunsekreterare")),
        ],
        "\"Se bilaga\" is no person"
    );
}

#[test]
fn all_members_but_some_is_not_an_attendance_list() {
    // "Kommunfullmäktiges samtliga ledamöter med undantag för …" names the absent.
    let doc = protocol("flat-page-marker.txt");
    let h = header(&doc);
    assert!(
        h.attendance.iter().all(|a| a.group != "beslutande"),
        "{:?}",
        h.attendance
    );
}

/// FORM005 findings of one header fixture: (severity, message).
fn form005(name: &str) -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/headers")
        .join(name);
    common::lint_json(&path)["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .filter(|f| f["rule"] == "FORM005")
        .map(|f| {
            (
                f["severity"].as_str().unwrap_or("").to_string(),
                f["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn flattened_signatures_with_two_dot_leaders_are_read() {
    // "Sekreterare Ordförande. Eva Strand.. Bo Lindgren Justerande.. Kim Ahlberg Lena
    // Bergsten": ".." is what a transcript leaves of a dotted signature line.
    let doc = protocol("flat-dotted-names.txt");
    let h = header(&doc);
    assert_eq!(h.secretary.as_deref(), Some("Eva Strand"));
    assert_eq!(h.chair.as_deref(), Some("Bo Lindgren"));
    assert_eq!(names(&h.adjusters), ["Kim Ahlberg", "Lena Bergsten"]);
    assert_eq!(form005("flat-dotted-names.txt"), Vec::new());
}

#[test]
fn the_secretary_named_only_in_the_attendance_is_the_secretary() {
    // Signature lines left for handwriting; "Maja Ström, nämndsekreterare" among the
    // staff; "Paragrafer 10 -- 14" with a doubled dash.
    let doc = protocol("flat-secretary-in-attendance.txt");
    let h = header(&doc);
    assert_eq!(h.secretary.as_deref(), Some("Maja Ström"));
    assert_eq!(h.chair.as_deref(), Some("Per Ekholm"));
    assert_eq!(names(&h.adjusters), ["Bo Stenberg"]);
    assert_eq!(
        h.paragraphs.as_ref().map(|r| (r.from, r.to)),
        Some((10, 14))
    );
    // "Organ Barn- och utbildningsnämndens arbetsutskott 2015-03-03": the date is not
    // part of the organ.
    assert_eq!(
        h.organ.as_deref(),
        Some("Barn- och utbildningsnämndens arbetsutskott")
    );
    assert_eq!(form005("flat-secretary-in-attendance.txt"), Vec::new());
}

#[test]
fn a_name_run_into_the_next_field_is_not_decided_missing() {
    // "Justerande Hans Berglund BEVIS Protokollet har anmälts …" on one flattened line:
    // the justerare is there, but where the name ends is a guess. FORM005 says so as
    // information, not as a missing justerare.
    let found = form005("flat-name-run-on.txt");
    assert_eq!(found.len(), 1, "{found:?}");
    let (severity, message) = &found[0];
    assert_eq!(severity, "info", "{message}");
    assert!(
        message.starts_with("not decided: no justerare read") && message.contains("flattened"),
        "{message}"
    );
}

#[test]
fn roles_written_under_the_names_are_not_decided_missing() {
    // An Åland-style header: "Anna Holm Dan Berg" over "Kfge-ordf, mötesordförande
    // Kommundirektör, mötessekreterare", and "Protokolljustering" as the justerare's
    // signature line (they are elected in § 13). No label justera reads names the
    // sekreterare or the justerare, but the header has their words: not decided (info).
    let found = form005("lines-titles-under-names.txt");
    assert_eq!(found.len(), 2, "{found:?}");
    for (severity, message) in &found {
        assert_eq!(severity, "info", "{message}");
        assert!(
            message.contains("the header has the role's word"),
            "{message}"
        );
    }
    assert!(
        found
            .iter()
            .any(|(_, m)| m.contains("\"mötessekreterare\"")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(_, m)| m.contains("\"protokolljustering\"")),
        "{found:?}"
    );
}

#[test]
fn a_list_of_items_read_where_the_body_would_stand_is_no_body() {
    // Only the föredragningslista follows the header: §§ 17–20 each a title line with no
    // text under it (§§ 15–16 on one line with "Ärenden:"). They number a list, not the
    // protocol: FORM001 and FORM006 say so as notes, never as defects.
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/headers/lines-agenda-only.txt");
    let json = common::lint_json(&path);
    assert!(common::claims(&json).is_empty(), "{json}");
    let notes = common::rule_fields(&json, "FORM006", &["severity", "message"]);
    assert_eq!(notes.len(), 1, "{json}");
    assert_eq!(notes[0][0], "info");
    assert!(notes[0][1].contains("a list of items"), "{}", notes[0][1]);
    let form001 = common::rule_fields(&json, "FORM001", &["severity", "message"]);
    assert!(!form001.is_empty(), "{json}");
    assert!(
        form001
            .iter()
            .all(|f| f[0] == "info" && f[1].starts_with("not decided")),
        "{form001:?}"
    );
}

#[test]
fn a_record_cut_inside_its_header_does_not_lack_its_ordforande() {
    // An excerpt that stops inside the header ("Justeringens plats Kommunkansliet och d"),
    // before the signature block and before any §: the ordförande may be named past the
    // cut, so FORM005 says not decided (info), never that the protocol names none.
    let found = form005("flat-cut-in-header.txt");
    assert!(!found.is_empty(), "{found:?}");
    for (severity, message) in &found {
        assert_eq!(severity, "info", "{message}");
        assert!(message.contains("stops before its first §"), "{message}");
    }
}

#[test]
fn a_record_cut_inside_its_last_paragraph_is_read_not_judged() {
    // The excerpt stops inside its last §, in a name ("… i bilagan. Bo Bertel"): that §
    // records no decision and the header lists §§ 10-18. The cut falls where no word
    // is in lower case, yet the record is not there whole: its §§ are read but not
    // judged, so neither FORM001 (§§ 12-18 missing) nor FORM006 (§ 11 without a
    // decision) is reported.
    let doc = protocol("lines-cut-in-last-paragraph.txt");
    assert!(doc.paragraphs.is_empty(), "{:?}", doc.paragraphs);
    let cut: Vec<u32> = doc.cut_paragraphs.iter().map(|p| p.number).collect();
    assert_eq!(cut, [10, 11]);
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/headers/lines-cut-in-last-paragraph.txt");
    let json = common::lint_json(&path);
    assert!(
        common::claims(&json).is_empty(),
        "{:?}",
        common::claims(&json)
    );
}

#[test]
fn a_last_paragraph_with_nothing_under_its_title_is_not_decided() {
    // The record's last § is a title and nothing else (an excerpt of the first pages
    // stops there): whether a decision is missing is not decided (info), no warning.
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/headers/lines-bare-last-paragraph.txt");
    let json = common::lint_json(&path);
    assert!(
        common::claims(&json).is_empty(),
        "{:?}",
        common::claims(&json)
    );
    let form006: Vec<&str> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "FORM006")
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert_eq!(form006.len(), 1, "{form006:?}");
    assert!(
        form006[0].contains("not decided whether the record stops there"),
        "{form006:?}"
    );
}
