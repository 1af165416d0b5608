//! Yrkanden, omröstning and reservationer as protocols write them
//! (tests/fixtures/votes/): counts in figures and in words, under "Omröstning" or inside
//! "Beslutsgång", name lists per side, and reservations by person or by party.

use crate::common;

use justera::document::{Document, Paragraph};
use justera::ingest::IngestOptions;
use std::path::Path;

fn protocol() -> Document {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/votes/protokoll-omrostning.txt");
    let opts = IngestOptions {
        isolate: false,
        ..IngestOptions::default()
    };
    let mut docs = justera::pipeline::process_file(
        &path,
        &opts,
        justera::grammar::vocab::Vocabulary::builtin_shared(),
    )
    .expect("fixture reads")
    .documents;
    assert_eq!(docs.len(), 1);
    docs.remove(0)
}

fn paragraph(doc: &Document, n: u32) -> &Paragraph {
    doc.paragraphs
        .iter()
        .find(|p| p.number == n)
        .unwrap_or_else(|| panic!("§ {n} missing"))
}

#[test]
fn a_vote_in_words_with_the_names_of_each_side() {
    let doc = protocol();
    let p = paragraph(&doc, 31);
    assert_eq!(p.dnr, ["BUN 2019/88"]);
    let proposals: Vec<(&str, &str)> = p
        .proposals
        .iter()
        .map(|x| (x.by.as_str(), x.text.as_str()))
        .collect();
    assert_eq!(
        proposals,
        [
            ("Karin Ahl", "bifall till förvaltningens förslag."),
            ("Petter Lund", "att ärendet återremitteras."),
        ]
    );
    assert_eq!(p.votes.len(), 1, "{:?}", p.votes);
    let v = &p.votes[0];
    assert_eq!((v.yes, v.no, v.abstain), (Some(4), Some(3), None));
    assert_eq!(
        v.names_yes,
        ["Karin Ahl", "Sofia Berg", "Ali Hassan", "Maja Ström"]
    );
    assert_eq!(v.names_no, ["Petter Lund", "Olof Nyberg", "Eva Dahl"]);
    assert_eq!(p.reservations, ["Petter Lund", "Olof Nyberg"]);
    assert_eq!(
        p.decision,
        ["Skolorganisationen i norra kommundelen fastställs enligt förvaltningens förslag."]
    );
}

#[test]
fn a_vote_inside_beslutsgang_and_a_party_reservation() {
    let doc = protocol();
    let p = paragraph(&doc, 32);
    assert_eq!(p.votes.len(), 1, "{:?}", p.votes);
    let v = &p.votes[0];
    assert_eq!((v.yes, v.no, v.abstain), (Some(6), Some(1), Some(0)));
    assert_eq!(p.reservations, ["Sverigedemokraterna"]);
    assert_eq!(
        p.decision,
        ["Delegationsordningen revideras enligt bilaga."]
    );
}

#[test]
fn the_votes_fit_the_members_present() {
    // Seven beslutande; 4 + 3 and 6 + 1 + 0 votes: FORM010 stays silent.
    let rules = common::lint_rules(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/votes/protokoll-omrostning.txt"),
    );
    assert!(rules.is_empty(), "{rules:?}");
}
