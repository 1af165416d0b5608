//! A protocol whose line breaks were lost (the whole first page on one line, as archive
//! text dumps often are) still yields the header's facts.

use chrono::NaiveDate;
use justera::document::{DocumentKind, ParagraphRange};
use justera::ingest::IngestOptions;

const SEED_000: &str = "corpus/seeds/000_a72e3e401d4a911d.txt";

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Seed 000's first page (everything before the innehållsförteckning) on one line, with
/// every run of whitespace (tabs and line breaks included) made one space; the rest of
/// the protocol follows unchanged.
fn flattened_seed000() -> String {
    let text = std::fs::read_to_string(SEED_000).unwrap();
    let cut = text.find("## Innehållsförteckning").unwrap();
    let first_page = text[..cut].split_whitespace().collect::<Vec<_>>().join(" ");
    format!("{first_page}\n\n{}", &text[cut..])
}

#[test]
fn flattened_first_page_keeps_header_facts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("flat-000.txt");
    let flat = flattened_seed000();
    assert!(
        flat.lines().next().unwrap().len() > 1000,
        "first page is one line"
    );
    std::fs::write(&path, flat).unwrap();
    let opts = IngestOptions {
        isolate: false,
        ..IngestOptions::default()
    };
    let docs = justera::pipeline::process_file(
        &path,
        &opts,
        justera::grammar::vocab::Vocabulary::builtin_shared(),
    )
    .unwrap()
    .documents;
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d.kind, DocumentKind::Protokoll);
    let h = d.header.as_ref().unwrap();
    assert_eq!(h.organ.as_deref(), Some("Servicenämnd IT/Växel/Telefoni"));
    assert_eq!(h.meeting_date, date("2022-03-02"));
    assert_eq!(h.paragraphs, Some(ParagraphRange { from: 1, to: 10 }));
    assert_eq!(h.adjusters, vec!["Bengt Hilmersson".to_string()]);
    assert_eq!(h.secretary.as_deref(), Some("Michelle Lunne"));
    assert_eq!(h.chair.as_deref(), Some("Gunnar Andersson"));
    assert_eq!(h.time.as_deref(), Some("09:00–10:45"));
    let n = h.notice.as_ref().unwrap();
    assert_eq!(
        (n.posted, n.removed),
        (date("2022-03-03"), date("2022-03-25"))
    );
    assert_eq!(
        h.adjustment.as_ref().and_then(|a| a.date),
        date("2022-03-02")
    );
    // The body, still with its line breaks, parses as before.
    assert_eq!(d.paragraphs.len(), 10);
}

#[test]
fn whole_protocol_on_one_line_still_gives_header_and_paragraph_openings() {
    let text = std::fs::read_to_string(SEED_000).unwrap();
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("flat-all.txt");
    std::fs::write(&path, one_line).unwrap();
    let opts = IngestOptions {
        isolate: false,
        ..IngestOptions::default()
    };
    let docs = justera::pipeline::process_file(
        &path,
        &opts,
        justera::grammar::vocab::Vocabulary::builtin_shared(),
    )
    .unwrap()
    .documents;
    let h = docs[0].header.as_ref().unwrap();
    assert_eq!(h.meeting_date, date("2022-03-02"));
    assert_eq!(h.adjusters, vec!["Bengt Hilmersson".to_string()]);
    let n = h.notice.as_ref().unwrap();
    assert_eq!(
        (n.posted, n.removed),
        (date("2022-03-03"), date("2022-03-25"))
    );
}
