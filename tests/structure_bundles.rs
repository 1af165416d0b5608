//! Bundles (handlingar) split into their documents: seeds 001, 002 and 004, and the
//! corpus PDFs rendered from them give the same memos (title, date, dnr).

use chrono::NaiveDate;
use justera::document::{Document, DocumentKind};
use justera::ingest::IngestOptions;
use std::path::Path;

fn parse(path: &str) -> Vec<Document> {
    let opts = IngestOptions {
        isolate: false,
        ..IngestOptions::default()
    };
    match justera::pipeline::process_file(Path::new(path), &opts) {
        Ok(f) => f.documents,
        Err(e) => panic!("{path}: {e}"),
    }
}

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

type Summary = (DocumentKind, String, Option<NaiveDate>, Vec<String>);

fn summary(docs: &[Document]) -> Vec<Summary> {
    docs.iter()
        .map(|d| {
            (
                d.kind,
                d.title.clone().unwrap_or_default(),
                d.date,
                d.dnr.clone(),
            )
        })
        .collect()
}

fn memo(title: &str, d: &str, dnr: &[&str]) -> Summary {
    (
        DocumentKind::Tjansteskrivelse,
        title.to_string(),
        date(d),
        dnr.iter().map(|s| s.to_string()).collect(),
    )
}

const SEED_001: &str = "corpus/seeds/001_31bc0d7bae5a7ba2.txt";
const SEED_002: &str = "corpus/seeds/002_61e6c64d2e77feba.txt";
const SEED_004: &str = "corpus/seeds/004_56e90bca9d4a187d.txt";

#[test]
fn seed002_splits_into_its_nine_documents() {
    let docs = parse(SEED_002);
    let s = summary(&docs);
    assert_eq!(s.len(), 9, "{s:#?}");
    assert_eq!(
        (s[0].0, s[0].2),
        (DocumentKind::Presentation, date("2017-09-19"))
    );
    assert_eq!(
        s[1],
        memo(
            "Delårsrapport växel, telefoni och IT",
            "2017-09-12",
            &["ITVT 12/2017"]
        )
    );
    assert_eq!(
        s[2],
        (
            DocumentKind::Rapport,
            "Delårsrapport med årsprognos per den 2017-08-31 Servicenämnder Vårgårda och Herrljunga kommun".to_string(),
            date("2017-08-31"),
            vec![]
        )
    );
    assert_eq!(
        s[3],
        memo(
            "Budget 2018 Servicenämnden IT/Växel/Telefoni",
            "2017-09-12",
            &[]
        )
    );
    assert_eq!(s[4].0, DocumentKind::Rapport);
    assert!(s[4].1.starts_with("Budget 2018"));
    assert_eq!(
        s[5],
        memo("Internkontrollplan 2018", "2017-09-12", &["ITVT 13/2017"])
    );
    assert_eq!(
        s[6],
        memo("Sammanträdestider 2018", "2017-09-06", &["ITVT 11/2017"])
    );
    assert_eq!(
        s[7],
        memo(
            "Riktlinje gällande sekretess för medarbetar inom Servicenämnden IT/Växel telefoni (SNIT)",
            "2017-06-01",
            &[]
        )
    );

    // The memo's own fields.
    let m = docs[1].memo.as_ref().unwrap();
    assert_eq!(m.municipality.as_deref(), Some("Herrljunga kommun"));
    assert_eq!(m.handler.as_deref(), Some("Jan Pettersson"));
    let sig = m.signature.as_ref().unwrap();
    assert_eq!(
        (sig.name.as_str(), sig.title.as_deref()),
        ("Jan Pettersson", Some("IT-chef"))
    );
    let basis: Vec<_> = m.basis.iter().map(|b| (b.text.as_str(), b.date)).collect();
    assert_eq!(
        basis,
        [
            ("Tjänsteskrivelse daterad 2017-09-12", date("2017-09-12")),
            ("Delårsrapport per 2017-08-31", date("2017-08-31"))
        ]
    );
    assert_eq!(m.proposal, ["Servicenämnden godkänner delårsbokslutet."]);
    assert!(m
        .summary
        .as_deref()
        .unwrap()
        .starts_with("En redogörelse för delårsbokslutet 2017"));
    // The budget memo's Expedieras till.
    assert_eq!(
        docs[3].memo.as_ref().unwrap().dispatch,
        ["Ekonomiavdelningen"]
    );
}

#[test]
fn seed001_splits_memos_slides_and_report() {
    let s = summary(&parse(SEED_001));
    assert_eq!(s.len(), 5, "{s:#?}");
    assert_eq!(s[0], memo("IT-chefen informerar", "", &[]));
    assert_eq!(
        (s[1].0, s[1].1.as_str(), s[1].2),
        (
            DocumentKind::Presentation,
            "IT Enheten informerar",
            date("2021-10-20")
        )
    );
    assert_eq!(
        (s[2].0, s[2].1.as_str()),
        (
            DocumentKind::Tjansteskrivelse,
            "Delårsrapport per 2021-08-31 för servicenämnden, IT, växel och telefoni samt ekonomi/personal"
        )
    );
    assert_eq!(
        (s[4].0, s[4].1.as_str()),
        (
            DocumentKind::Tjansteskrivelse,
            "Internkontrollplan 2022 för gemensam servicenämnd för IT, växel och telefoni"
        )
    );
}

#[test]
fn seed004_kallelse_and_memos() {
    let docs = parse(SEED_004);
    let k = &docs[0];
    assert_eq!(k.kind, DocumentKind::Kallelse);
    assert_eq!(k.date, date("2021-02-08"));
    let agenda: Vec<_> = k.toc.iter().map(|e| (e.number, e.title.as_str())).collect();
    assert_eq!(agenda.len(), 11);
    assert_eq!(agenda[2], (3, "Budget 2022"));
    let memos: Vec<_> = docs
        .iter()
        .filter(|d| d.kind == DocumentKind::Tjansteskrivelse)
        .filter_map(|d| d.title.as_deref())
        .collect();
    for t in [
        "Budget 2022",
        "Uppdrag om att ta fram en digitaliseringsstrategi",
        "Revidering av samarbetsavtalet för den gemensamma servicenämnden",
        "Revidering av uppgifter för samordningsgrupp, digitaliseringsråd och IT-chef",
        "Konsekvensanalys av införande av identitetsplattform",
    ] {
        assert!(memos.contains(&t), "{t} missing from {memos:?}");
    }
}

#[test]
fn memo_pdfs_match_the_seed_documents() {
    let seeds: Vec<Summary> = [SEED_001, SEED_002]
        .iter()
        .flat_map(|p| summary(&parse(p)))
        .collect();
    for pdf in [
        "herrljunga-itvt-2017-09-12-ts-delarsrapport-2017.pdf",
        "herrljunga-itvt-2017-09-12-ts-budget-2018.pdf",
        "herrljunga-itvt-2017-09-12-ts-internkontrollplan-2018.pdf",
        "herrljunga-itvt-2017-09-06-ts-sammantradestider-2018.pdf",
        "herrljunga-itvt-2021-10-20-ts-it-chefen-informerar.pdf",
        "herrljunga-itvt-2021-10-12-ts-internkontrollplan-2022.pdf",
    ] {
        let docs = parse(&format!("corpus/pdf/{pdf}"));
        assert_eq!(docs.len(), 1, "{pdf}");
        let got = &summary(&docs)[0];
        assert_eq!(got.0, DocumentKind::Tjansteskrivelse, "{pdf}");
        assert!(
            seeds.iter().any(|s| s.1 == got.1 && s.3 == got.3),
            "{pdf}: {got:?} not among the seed documents"
        );
    }
}
