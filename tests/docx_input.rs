//! Word drafts: tests/fixtures/protocol_000.docx is seed 000 rendered by LibreOffice
//! (scripts/seed-to-docx). Reading it must give the seed's headings, paragraphs and table
//! rows, in order, split into pages at the protocol's page breaks.

use justera::ingest::{
    read_bytes, read_file, FailureReason, IngestOptions, RawContent, SourceKind,
};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture() -> PathBuf {
    root().join("tests/fixtures/protocol_000.docx")
}

fn pages_of(path: &Path) -> Vec<Vec<String>> {
    let file = read_file(path, &IngestOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(file.kind, SourceKind::Docx);
    file.pages
        .into_iter()
        .map(|p| match p.content {
            RawContent::Text(lines) => lines,
            RawContent::Glyphs(_) => panic!("a .docx gives text lines"),
        })
        .collect()
}

/// The seed's lines as a Word document holds them: "**A****B**" was two paragraphs, heading
/// text carries no ** markers, italics are not marked.
fn seed_lines_as_word_has_them() -> Vec<String> {
    let seed = std::fs::read_to_string(root().join("corpus/seeds/000_a72e3e401d4a911d.txt"))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut out = Vec::new();
    for line in seed.lines() {
        let line = line.trim_end_matches(' ');
        if line.trim().is_empty() {
            continue;
        }
        if let Some((a, b)) = line
            .strip_prefix("**")
            .and_then(|l| l.strip_suffix("**"))
            .and_then(|l| l.split_once("****"))
        {
            out.push(format!("**{a}**"));
            out.push(format!("**{b}**"));
        } else if line.starts_with('#') {
            out.push(line.replace("**", ""));
        } else {
            out.push(line.replace("<i>", "").replace("</i>", ""));
        }
    }
    out
}

#[test]
fn docx_gives_the_seed_text_in_order() {
    let pages = pages_of(&fixture());
    let docx: Vec<String> = pages
        .iter()
        .flatten()
        .filter(|l| !l.trim().is_empty())
        .cloned()
        .collect();
    let seed = seed_lines_as_word_has_them();
    for (i, (d, s)) in docx.iter().zip(&seed).enumerate() {
        assert_eq!(d, s, "line {i} differs");
    }
    assert_eq!(docx.len(), seed.len());
}

#[test]
fn docx_headings_tables_and_pages() {
    let pages = pages_of(&fixture());
    let all: Vec<&str> = pages.iter().flatten().map(String::as_str).collect();
    // Headings by style.
    for h in [
        "# SAMMANTRÄDESPROTOKOLL",
        "## Kommunbidrag 2023",
        "### Sammanfattning",
        "### Beslutsgång",
    ] {
        assert!(all.contains(&h), "missing heading {h:?}");
    }
    // Word tables as tab-separated rows, bold cells marked.
    assert!(all.contains(&"IT, växel, telefoni\t- 593\t- 3 867\t- 4 460"));
    assert!(all.contains(&"<b>TOTALT UB</b>\t<b>6 809</b>\t<b>- 2 686</b>\t<b>4 123</b>"));
    assert!(all.contains(&"<b>Summa</b>\t<b>14 267</b>\t<b>130</b>\t<b>0</b>\t<b>5 000</b>\t<b>5 130</b>\t<b>19 397</b>"));
    // Bold paragraphs as **…**, bullets as "- ".
    assert!(all.contains(&"**Beslutsunderlag**"));
    assert!(all.contains(&"- Licensproblematik"));
    // The page breaks before each § and the anslag page split the pages.
    assert_eq!(pages.len(), 13);
    assert_eq!(
        pages[1].first().map(String::as_str),
        Some("## ANSLAG/BEVIS")
    );
    assert_eq!(pages[3].first().map(String::as_str), Some("ITVT § 1"));
}

#[test]
fn docx_found_by_content_under_another_name() {
    let bytes = std::fs::read(fixture()).unwrap_or_else(|e| panic!("{e}"));
    let file = read_bytes(
        Path::new("utkast-från-mejl"),
        &bytes,
        &IngestOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(file.kind, SourceKind::Docx);
}

#[test]
fn damaged_docx_gives_a_reason_not_a_panic() {
    let bytes = std::fs::read(fixture()).unwrap_or_else(|e| panic!("{e}"));
    let opts = IngestOptions::default();
    let name = Path::new("utkast.docx");
    // Truncated anywhere (the central directory is at the end) and bytes flipped.
    for cut in [10, 100, bytes.len() / 2, bytes.len() - 1] {
        match read_bytes(name, &bytes[..cut], &opts) {
            Err(e) => assert!(
                matches!(e.reason, FailureReason::DamagedDocx(_)),
                "cut {cut}: {e}"
            ),
            Ok(_) => panic!("a cut archive read as fine"),
        }
    }
    let mut flipped = bytes.clone();
    for i in (200..flipped.len()).step_by(97) {
        flipped[i] ^= 0x55;
    }
    let _ = read_bytes(name, &flipped, &opts);
    let e = read_bytes(name, b"this is text, not a docx", &opts).err();
    assert!(e.is_some_and(|e| e.to_string().contains("utkast.docx")));
}

#[test]
fn auto_numbered_att_satser_keep_their_numbers() {
    // In the fixture the att-satser are a Word numbered list: the numbers are not text.
    let bytes = std::fs::read(fixture()).unwrap_or_else(|e| panic!("{e}"));
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip
            .by_name("word/document.xml")
            .unwrap_or_else(|e| panic!("{e}")),
        &mut xml,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(xml.contains("<w:numPr>"));
    assert!(!xml.contains(">2. Den ökade respektive"));
    let pages = pages_of(&fixture());
    let all: Vec<&str> = pages.iter().flatten().map(String::as_str).collect();
    let first = all.iter().position(|l| {
        l.starts_with("1. Gemensam servicenämnd för IT, växel och telefoni godkänner budget 2023")
    });
    let second = all
        .iter()
        .position(|l| l.starts_with("2. Den ökade respektive minskade kostnaden"));
    assert!(
        matches!((first, second), (Some(a), Some(b)) if b == a + 1),
        "{first:?} {second:?}"
    );
}
