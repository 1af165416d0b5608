//! Reading path faults of issue #15: time linear in the page count (10 000 pages), arrays
//! nested deeper than lopdf parses, and pages read in batches that must not share a font
//! name between pages where it means different fonts.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// A PDF built by hand: `pages` content streams, each page with its own resources dict.
fn write_pdf(path: &Path, pages: &[(&str, &str)], extra_objects: &[&str]) {
    let mut out: Vec<u8> = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    let obj = |out: &mut Vec<u8>, offsets: &mut Vec<usize>, body: &[u8]| {
        offsets.push(out.len());
        let n = offsets.len();
        out.extend_from_slice(format!("{n} 0 obj\n").as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    };
    // 1: catalog, 2: pages, then the extra objects, then per page: content, page.
    let first_page_obj = 3 + extra_objects.len();
    obj(&mut out, &mut offsets, b"<< /Type /Catalog /Pages 2 0 R >>");
    let kids: Vec<String> = (0..pages.len())
        .map(|i| format!("{} 0 R", first_page_obj + 2 * i + 1))
        .collect();
    obj(
        &mut out,
        &mut offsets,
        format!(
            "<< /Type /Pages /Count {} /Kids [{}] >>",
            pages.len(),
            kids.join(" ")
        )
        .as_bytes(),
    );
    for e in extra_objects {
        obj(&mut out, &mut offsets, e.as_bytes());
    }
    for (i, (content, resources)) in pages.iter().enumerate() {
        let body = format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len() + 1
        );
        obj(&mut out, &mut offsets, body.as_bytes());
        let page = format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources {resources} /Contents {} 0 R >>",
            first_page_obj + 2 * i
        );
        obj(&mut out, &mut offsets, page.as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes(),
    );
    for o in &offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        )
        .as_bytes(),
    );
    std::fs::write(path, out).expect("write pdf");
}

/// `justera text --format json` on one file: the text of each page, and stderr.
fn page_texts(path: &Path, timeout: u32) -> (Vec<String>, String) {
    let run = Command::new(env!("CARGO_BIN_EXE_justera"))
        .args([
            "text",
            "--format",
            "json",
            "--timeout",
            &timeout.to_string(),
        ])
        .arg(path)
        .output()
        .expect("run justera");
    let stderr = String::from_utf8_lossy(&run.stderr).to_string();
    let json: Value = serde_json::from_slice(&run.stdout)
        .unwrap_or_else(|e| panic!("JSON output: {e}; stderr: {stderr}"));
    let file = &json["files"][0];
    let pages = file["pages"]
        .as_array()
        .unwrap_or_else(|| panic!("no pages read: {file}; stderr: {stderr}"));
    let texts = pages
        .iter()
        .map(|p| {
            p["lines"]
                .as_array()
                .map(|ls| {
                    ls.iter()
                        .filter_map(|l| l["text"].as_str())
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .unwrap_or_default()
        })
        .collect();
    (texts, stderr)
}

const HELVETICA: &str =
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";

#[test]
fn ten_thousand_pages_are_read_within_the_time_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p10000.pdf");
    let contents: Vec<String> = (1..=10_000)
        .map(|p| format!("BT /F1 12 Tf 72 720 Td (Sida {p}: Kommunstyrelsen beslut) Tj ET"))
        .collect();
    let pages: Vec<(&str, &str)> = contents
        .iter()
        .map(|c| (c.as_str(), "<< /Font << /F1 3 0 R >> >>"))
        .collect();
    write_pdf(&path, &pages, &[HELVETICA]);
    // Reading was quadratic in the page count: 10 000 pages took minutes (the limit here
    // is the worker's, generous for a loaded CI machine; the speed itself is benched).
    let (texts, stderr) = page_texts(&path, 60);
    assert_eq!(texts.len(), 10_000, "{stderr}");
    assert_eq!(texts[0], "Sida 1: Kommunstyrelsen beslut");
    assert_eq!(texts[9_999], "Sida 10000: Kommunstyrelsen beslut");
}

#[test]
fn one_font_name_meaning_different_fonts_on_different_pages() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("names.pdf");
    // Page 2's /F1 maps code 65 ("A") to the glyph "Z": reading it with page 1's /F1
    // (shared by name) would give "A".
    let remapped = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica \
                    /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [65 /Z] >> >>";
    let content = "BT /F1 12 Tf 72 720 Td (ABBA) Tj ET";
    write_pdf(
        &path,
        &[
            (content, "<< /Font << /F1 3 0 R >> >>"),
            (content, "<< /Font << /F1 4 0 R >> >>"),
            (content, "<< /Font << /F1 3 0 R >> >>"),
        ],
        &[HELVETICA, remapped],
    );
    let (texts, stderr) = page_texts(&path, 20);
    assert_eq!(texts, ["ABBA", "ZBBZ", "ABBA"], "{stderr}");
}

#[test]
fn a_failing_page_in_a_batch_loses_only_itself() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fail.pdf");
    let good = "BT /F1 12 Tf 72 720 Td (Sida) Tj ET";
    // /F9 is in no resources: the page has a stand-in font or fails, never another
    // page's font; the pages after it are read.
    let bad = "BT /F1 12 Tf 72 720 Td (Fel) Tj /Nope 1 0 0 1 0 0 cm /X9 Do ET";
    write_pdf(
        &path,
        &[
            (good, "<< /Font << /F1 3 0 R >> >>"),
            (bad, "<< /Font << /F1 3 0 R >> >>"),
            (good, "<< /Font << /F1 3 0 R >> >>"),
        ],
        &[HELVETICA],
    );
    let (texts, stderr) = page_texts(&path, 20);
    assert_eq!(texts.len(), 3, "{stderr}");
    assert_eq!(texts[0], "Sida");
    assert_eq!(texts[2], "Sida");
    assert!(!stderr.contains("panicked at"), "{stderr}");
}

/// The depth 99/100/101 files of the reliability repro set: pdftotext reads each page.
#[test]
fn arrays_nested_a_hundred_deep_do_not_lose_the_page() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reliability/repro/files");
    for name in ["dict99.pdf", "dict100.pdf", "content101.pdf"] {
        let path = dir.join(name);
        assert!(path.exists(), "{} missing", path.display());
        let (texts, stderr) = page_texts(&path, 20);
        assert_eq!(
            texts,
            ["Sida 1: Kommunstyrelsen beslut"],
            "{name}: {stderr}"
        );
        assert!(!stderr.contains("panicked at"), "{name}: {stderr}");
    }
    // Depth 150 in a content stream (#15's test list).
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("deep-content.pdf");
    let deep = format!(
        "{}{} pop BT /F1 12 Tf 72 720 Td (Djup) Tj ET",
        "[".repeat(150),
        "]".repeat(150)
    );
    write_pdf(
        &path,
        &[(&deep, "<< /Font << /F1 3 0 R >> >>")],
        &[HELVETICA],
    );
    let (texts, stderr) = page_texts(&path, 20);
    assert_eq!(texts, ["Djup"], "{stderr}");
}
