//! Document structure on the real seed protocols (000, 003): header, innehållsförteckning,
//! §§ with dnr, titles, sections, att-satser, yrkanden and expedieras-till.

use chrono::NaiveDate;
use justera::document::{Document, DocumentKind, Paragraph, ParagraphRange};
use justera::ingest::IngestOptions;
use std::path::Path;

fn parse(path: &str) -> Vec<Document> {
    let opts = IngestOptions {
        isolate: false,
        ..IngestOptions::default()
    };
    match justera::pipeline::process_file(
        Path::new(path),
        &opts,
        justera::grammar::vocab::Vocabulary::builtin_shared(),
    ) {
        Ok(f) => f.documents,
        Err(e) => panic!("{path}: {e}"),
    }
}

const SEED_000: &str = "corpus/seeds/000_a72e3e401d4a911d.txt";
const SEED_003: &str = "corpus/seeds/003_3f4b3a03317974c7.txt";

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn protocol(path: &str) -> Document {
    let docs = parse(path);
    assert_eq!(docs.len(), 1, "{path} is one protocol");
    let d = docs.into_iter().next().unwrap();
    assert_eq!(d.kind, DocumentKind::Protokoll);
    d
}

fn para(d: &Document, n: u32) -> &Paragraph {
    d.paragraphs
        .iter()
        .find(|p| p.number == n)
        .unwrap_or_else(|| panic!("§ {n} missing"))
}

#[test]
fn seed000_header() {
    let d = protocol(SEED_000);
    let h = d.header.as_ref().unwrap();
    assert_eq!(h.organ.as_deref(), Some("Servicenämnd IT/Växel/Telefoni"));
    assert_eq!(h.meeting_date, date("2022-03-02"));
    assert_eq!(
        h.place.as_deref(),
        Some("Vårgårda kommun, kommunhuset, Stora Ljungås")
    );
    assert_eq!(h.time.as_deref(), Some("09:00–10:45"));
    assert_eq!(h.chair.as_deref(), Some("Gunnar Andersson"));
    assert_eq!(h.secretary.as_deref(), Some("Michelle Lunne"));
    assert_eq!(h.adjusters, vec!["Bengt Hilmersson".to_string()]);
    assert_eq!(h.paragraphs, Some(ParagraphRange { from: 1, to: 10 }));
    let adj = h.adjustment.as_ref().unwrap();
    assert_eq!(adj.date, date("2022-03-02"));
    assert_eq!(adj.place.as_deref(), Some("Kommunhuset, Vårgårda kommun"));
    let n = h.notice.as_ref().unwrap();
    assert_eq!(n.posted, date("2022-03-03"));
    assert_eq!(n.removed, date("2022-03-25"));
    assert_eq!(n.storage.as_deref(), Some("Kommunhuset, Herrljunga kommun"));
    // Attendance: names without party or title; roles and groups kept apart.
    let chair = h
        .attendance
        .iter()
        .find(|a| a.role == "ordförande")
        .unwrap();
    assert_eq!(
        (chair.name.as_str(), chair.party.as_deref()),
        ("Gunnar Andersson", Some("M"))
    );
    let ersattare: Vec<_> = h
        .attendance
        .iter()
        .filter(|a| a.group == "ersättare")
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(ersattare, ["Mats Palm", "Tony Willner"]);
    assert_eq!(
        h.attendance.iter().filter(|a| a.group == "övriga").count(),
        9
    );
}

#[test]
fn seed000_paragraphs() {
    let d = protocol(SEED_000);
    let numbers: Vec<u32> = d.paragraphs.iter().map(|p| p.number).collect();
    assert_eq!(numbers, (1..=10).collect::<Vec<_>>());
    assert!(d
        .paragraphs
        .iter()
        .all(|p| p.prefix.as_deref() == Some("ITVT")));
    let dnr = |n| para(&d, n).dnr.clone();
    assert_eq!(dnr(1), ["ITVT 6/2022"]);
    assert_eq!(dnr(2), ["ITVT 5/2020"]);
    assert_eq!(dnr(3), ["ITVT 5/2022"]);
    assert_eq!(dnr(4), ["ITVT 7/2022"]);
    assert_eq!(dnr(7), ["ITVT 1/2022"]);
    assert!(dnr(6).is_empty() && dnr(10).is_empty());
    assert_eq!(para(&d, 1).title, "IT-chefen informerar");
    assert_eq!(para(&d, 4).title, "Hantering av över-och underskott 2021");
    assert_eq!(para(&d, 6).title, "Ändring av dagordning");
    assert_eq!(para(&d, 10).title, "Meddelanden");

    let p3 = para(&d, 3);
    let basis: Vec<_> = p3.basis.iter().map(|b| (b.text.as_str(), b.date)).collect();
    assert_eq!(
        basis,
        [
            ("Tjänsteskrivelse i ärendet daterad 2022-02-01", date("2022-02-01")),
            (
                "Bilaga 1, verksamhetsberättelse 2021-12-31 för gemensam servicenämnd för IT, växel och telefoni",
                date("2021-12-31")
            )
        ]
    );
    assert_eq!(
        p3.decision,
        ["Verksamhetsberättelse 2021 godkänns (bilaga 1, ITVT § 3/2022-03-02)."]
    );
    assert_eq!(
        p3.decision_heading.as_deref(),
        Some("Gemensam servicenämnd för IT, växel och telefonis beslut")
    );
    assert_eq!(p3.dispatch, ["Kommunfullmäktige"]);

    let p7 = para(&d, 7);
    assert_eq!(
        p7.decision,
        [
            "Gemensam servicenämnd för IT, växel och telefoni godkänner budget 2023 inklusive tillskott, fördelat enligt tabellen.",
            "Den ökade respektive minskade kostnaden tar respektive kommun med sig i kommande budgetarbete 2023."
        ]
    );
    assert_eq!(
        p7.dispatch,
        ["Kommunfullmäktige i Herrljunga och Vårgårda kommuner"]
    );
    assert_eq!(p7.recommendation.len(), 2);
    // Money in the prose, for checks of text against tables ("ökning med 5130 tkr").
    let money: Vec<_> = p7.figures.iter().map(|f| f.figure.raw.as_str()).collect();
    assert!(
        money.contains(&"5130 tkr") && money.contains(&"2 807 tkr"),
        "{money:?}"
    );
    assert_eq!(p7.tables.len(), 2);
    assert_eq!(para(&d, 2).dispatch, ["Kommunstyrelsen"]);
    assert_eq!(para(&d, 8).dispatch, ["Kommunfullmäktige"]);
    assert_eq!(
        para(&d, 10).decision,
        ["Meddelandena läggs till handlingarna."]
    );
    // § 1 has no decision heading; its closing formula is the decision.
    assert_eq!(
        para(&d, 1).decision,
        ["Informationen tas emot och läggs till handlingarna."]
    );
    assert_eq!(para(&d, 1).decision_heading, None);
}

#[test]
fn seed000_toc_lists_paragraph_9_twice() {
    let d = protocol(SEED_000);
    let toc: Vec<_> = d
        .toc
        .iter()
        .map(|e| (e.number, e.title.as_str(), e.page))
        .collect();
    assert_eq!(toc.len(), 10);
    assert_eq!(toc[0], (1, "IT-chefen informerar", Some(3)));
    assert_eq!(toc[8], (9, "Driftäskande 2023-2025", Some(13)));
    // FINDINGS F5: the list says "§ 9 Meddelanden"; the body has § 10.
    assert_eq!(toc[9], (9, "Meddelanden", Some(14)));
}

#[test]
fn seed003_header_and_attendance() {
    let d = protocol(SEED_003);
    let h = d.header.as_ref().unwrap();
    assert_eq!(h.organ.as_deref(), Some("Direktionen"));
    assert_eq!(h.municipality.as_deref(), Some("Kommunalförbundet Itsam"));
    assert_eq!(h.meeting_date, date("2021-11-18"));
    assert_eq!(h.place.as_deref(), Some("Zoom"));
    assert_eq!(h.time.as_deref(), Some("10:00–12:00"));
    assert_eq!(h.chair.as_deref(), Some("Jacob Käll"));
    assert_eq!(h.secretary.as_deref(), Some("Joakim Karlsson"));
    assert_eq!(h.adjusters, vec!["Annicki Oscarsson".to_string()]);
    assert_eq!(h.paragraphs, Some(ParagraphRange { from: 59, to: 67 }));
    // "Justeringens plats och tid" is there but empty (FINDINGS F6).
    let adj = h.adjustment.as_ref().unwrap();
    assert_eq!((adj.place.as_deref(), adj.date), (None, None));
    let n = h.notice.as_ref().unwrap();
    assert_eq!(n.posted, date("2021-12-17"));
    assert_eq!(n.removed, date("2022-01-07"));
    assert_eq!(n.storage.as_deref(), Some("Itsam"));

    let range = |from, to| Some(ParagraphRange { from, to });
    let conny: Vec<_> = h
        .attendance
        .iter()
        .filter(|a| a.name == "Conny Forsberg")
        .collect();
    assert_eq!(conny.len(), 1);
    assert_eq!(conny[0].paragraphs, range(59, 62));
    assert_eq!(conny[0].organisation.as_deref(), Some("Kinda kommun"));
    let christer: Vec<_> = h
        .attendance
        .iter()
        .filter(|a| a.name == "Christer Segerstéen")
        .map(|a| (a.role.as_str(), a.paragraphs.clone()))
        .collect();
    assert_eq!(
        christer,
        [
            ("ersättare", range(59, 62)),
            ("tjänstgörande ersättare", range(62, 67))
        ]
    );
    let serving: Vec<_> = h
        .attendance
        .iter()
        .filter(|a| a.group == "beslutande")
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(
        serving,
        [
            "Jacob Käll",
            "Annicki Oscarsson",
            "Conny Forsberg",
            "Elisabet Hagström",
            "Joakim Magnusson",
            "Gunnar Malgeryd"
        ]
    );
    let malin = h
        .attendance
        .iter()
        .find(|a| a.name == "Malin Vikström")
        .unwrap();
    assert_eq!(
        (malin.function.as_deref(), malin.paragraphs.clone()),
        (Some("ekonom"), range(62, 63))
    );
}

#[test]
fn seed003_paragraphs() {
    let d = protocol(SEED_003);
    let numbers: Vec<u32> = d.paragraphs.iter().map(|p| p.number).collect();
    assert_eq!(numbers, (59..=67).collect::<Vec<_>>());
    let dnr: Vec<_> = d.paragraphs.iter().map(|p| p.dnr.join(",")).collect();
    assert_eq!(
        dnr,
        [
            "2021/8", "2021/5", "2021/6", "2021/72", "2021/33", "2021/73", "2021/71", "2021/17",
            "2021/13"
        ]
    );
    let p62 = para(&d, 62);
    assert_eq!(p62.title, "Budget 2022 samt plan för 2022-2024");
    assert_eq!(p62.decision_heading.as_deref(), Some("Direktionens beslut"));
    assert_eq!(p62.decision.len(), 3);
    assert!(p62.decision[0].starts_with("att anta budget för år 2022"));
    assert!(p62.decision[1]
        .starts_with("att kommunalförbundet ITSAM får ett effektiviseringsuppdrag på 4,4%"));
    assert!(p62.decision[2].starts_with("att kommunalförbundet ITSAM till budget 2023"));
    let by: Vec<_> = p62.proposals.iter().map(|p| p.by.as_str()).collect();
    assert_eq!(by, ["Joakim Magnusson", "Jacob Käll"]);
    assert!(p62.proposals[0]
        .text
        .contains("effektiviseringsuppdrag på 4,4%"));
    assert!(p62.proposals[1]
        .text
        .contains("inklusive konsekvensbeskrivningar"));
    assert_eq!(p62.basis.len(), 3);
    assert_eq!(p62.basis[0].date, date("2021-11-11"));

    // F7: the body title of § 66 differs from the ärendelista.
    assert_eq!(
        para(&d, 66).title,
        "Utredning utträde ur kommunalförbundet Itsam"
    );
    let toc66 = d.toc.iter().find(|e| e.number == 66).unwrap();
    assert_eq!(
        toc66.title,
        "Kinda kommuns utträde ur kommunalförbundet Itsam - information"
    );
    assert_eq!(toc66.dnr.as_deref(), Some("ITSAM 2021/17"));
    assert_eq!(d.toc.len(), 9);
    assert_eq!((d.toc[0].page, d.toc[0].page_to), (Some(3), Some(4)));
    // F8: another organ's decision under the direktion's heading, kept as written.
    let p67 = para(&d, 67);
    assert_eq!(p67.decision_heading.as_deref(), Some("Direktionens beslut"));
    assert_eq!(
        p67.decision_text.as_deref(),
        Some("Kommunchefsberedningen beslutar föreslå direktionen att noterna informationen till protokollet.")
    );
    assert_eq!(p67.basis.len(), 5);
    assert_eq!(
        para(&d, 65).dispatch,
        ["Akt", "Direktionens ledamöter och ersättare"]
    );
    assert_eq!(para(&d, 59).dispatch, ["Akt"]);
}

/// The parse JSON for a protocol, reduced to what a reviewer can read: header, list,
/// and per § every extracted field with section headings and their line counts.
fn reviewable(d: &Document) -> serde_json::Value {
    let paragraphs: Vec<_> = d
        .paragraphs
        .iter()
        .map(|p| {
            serde_json::json!({
                "number": p.number, "prefix": p.prefix, "dnr": p.dnr, "title": p.title,
                "sections": p.sections.iter().map(|s| format!("{} [{}] {} lines", s.heading, s.kind, s.lines.len())).collect::<Vec<_>>(),
                "basis": p.basis.iter().map(|b| format!("{} ({})", b.text, b.date.map_or("-".into(), |d| d.to_string()))).collect::<Vec<_>>(),
                "recommendation": p.recommendation,
                "decision_heading": p.decision_heading, "decision": p.decision,
                "proposals": p.proposals.iter().map(|x| format!("{}: {}", x.by, x.text)).collect::<Vec<_>>(),
                "votes": p.votes.len(), "reservations": p.reservations, "dispatch": p.dispatch,
                "tables": p.tables, "line": p.provenance.line,
            })
        })
        .collect();
    let mut header = serde_json::to_value(&d.header).unwrap_or_default();
    if let Some(h) = header.as_object_mut() {
        h.remove("provenance");
        if let Some(n) = h.get_mut("notice").and_then(|n| n.as_object_mut()) {
            n.remove("provenance");
            n.remove("posted_at");
        }
        if let Some(a) = h.get_mut("adjustment").and_then(|a| a.as_object_mut()) {
            a.remove("provenance");
        }
        if let Some(a) = h.get_mut("attendance").and_then(|a| a.as_array_mut()) {
            for x in a.iter_mut().filter_map(|x| x.as_object_mut()) {
                x.remove("provenance");
            }
        }
    }
    serde_json::json!({
        "kind": d.kind, "title": d.title, "date": d.date, "pages": d.pages,
        "header": header,
        "toc": d.toc.iter().map(|e| format!("§ {} {} | {} | {:?}-{:?}", e.number, e.title, e.dnr.as_deref().unwrap_or("-"), e.page, e.page_to)).collect::<Vec<_>>(),
        "paragraphs": paragraphs,
    })
}

#[test]
fn snapshot_seed000() {
    insta::assert_json_snapshot!("seed000_structure", reviewable(&protocol(SEED_000)));
}

#[test]
fn snapshot_seed003() {
    insta::assert_json_snapshot!("seed003_structure", reviewable(&protocol(SEED_003)));
}
