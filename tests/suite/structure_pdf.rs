//! The corpus PDFs give the same structure as the seed texts they were rendered from:
//! header, attendance, innehållsförteckning and every § field, compared field by field.
//! (Tables are the table stage's and compared there: PDF geometry finds bullet lists as
//! two-column grids that the text dump does not have.)

use justera::document::Document;
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

/// Everything the structure stage extracts, without positions (pages and lines differ
/// between a text dump and a PDF).
fn comparable(d: &Document) -> serde_json::Value {
    let h = d.header.as_ref();
    serde_json::json!({
        "kind": d.kind, "title": d.title, "date": d.date,
        "header": h.map(|h| serde_json::json!({
            "organ": h.organ, "municipality": h.municipality, "meeting_date": h.meeting_date,
            "place": h.place, "time": h.time, "chair": h.chair, "secretary": h.secretary,
            "adjusters": h.adjusters, "paragraphs": h.paragraphs, "adjustment": h.adjustment.as_ref().map(|a| (&a.place, a.date)),
            "notice": h.notice.as_ref().map(|n| (n.posted, n.removed, &n.storage, &n.organ, n.meeting_date)),
            "attendance": h.attendance.iter().map(|a| (&a.name, &a.role, &a.group, &a.party, &a.paragraphs, &a.function, &a.organisation)).collect::<Vec<_>>(),
        })),
        "toc": d.toc.iter().map(|e| (e.number, &e.title, &e.dnr, e.page, e.page_to)).collect::<Vec<_>>(),
        "paragraphs": d.paragraphs.iter().map(|p| serde_json::json!({
            "number": p.number, "prefix": p.prefix, "dnr": p.dnr, "title": p.title,
            "decision_heading": p.decision_heading, "decision": p.decision,
            "decision_text": p.decision_text, "recommendation": p.recommendation,
            "basis": p.basis.iter().map(|b| (&b.text, b.date)).collect::<Vec<_>>(),
            "proposals": p.proposals.iter().map(|x| (&x.by, &x.text)).collect::<Vec<_>>(),
            "reservations": p.reservations, "dispatch": p.dispatch,
            "sections": p.sections.iter().map(|s| (&s.heading, &s.kind)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

fn same_structure(seed: &str, pdf: &str) {
    let t = parse(seed);
    let p = parse(pdf);
    assert_eq!(t.len(), 1);
    assert_eq!(p.len(), 1, "{pdf} is one document");
    let (a, b) = (comparable(&t[0]), comparable(&p[0]));
    if a != b {
        let (a, b) = (
            serde_json::to_string_pretty(&a).unwrap(),
            serde_json::to_string_pretty(&b).unwrap(),
        );
        let first = a
            .lines()
            .zip(b.lines())
            .position(|(x, y)| x != y)
            .unwrap_or(0);
        let show = |s: &str| {
            s.lines()
                .skip(first.saturating_sub(3))
                .take(8)
                .collect::<Vec<_>>()
                .join("\n")
        };
        panic!(
            "{seed} and {pdf} differ:\n--- text\n{}\n--- pdf\n{}",
            show(&a),
            show(&b)
        );
    }
    assert!(!t[0].paragraphs.is_empty());
}

#[test]
fn protocol_000_pdf_equals_seed_text() {
    same_structure(
        "corpus/seeds/000_a72e3e401d4a911d.txt",
        "corpus/pdf/herrljunga-vargarda-itvt-2022-03-02-protokoll.pdf",
    );
}

#[test]
fn protocol_003_pdf_equals_seed_text() {
    same_structure(
        "corpus/seeds/003_3f4b3a03317974c7.txt",
        "corpus/pdf/itsam-direktionen-2021-11-18-protokoll.pdf",
    );
}
