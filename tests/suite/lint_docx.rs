//! A draft from Word gives the same findings as the seed text it was made from
//! (tests/fixtures/protocol_000.docx and protocol_003.docx, made from seeds 000 and 003).

use crate::common;

use serde_json::Value;
use std::path::PathBuf;

/// (rule, severity, §, found, expected) of one finding.
type Key = (String, String, Value, Value, Value);

/// The key of every finding, and the coverage counts.
fn lint(path: &std::path::Path) -> (Vec<Key>, Value) {
    let v: Value = common::lint_json(path);
    let findings = v["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or("").to_string(),
                f["severity"].as_str().unwrap_or("").to_string(),
                f["paragraph"].clone(),
                f["found"].clone(),
                f["expected"].clone(),
            )
        })
        .collect();
    let mut stats = v["stats"].clone();
    if let Value::Object(m) = &mut stats {
        m.remove("files");
    }
    (findings, stats)
}

#[test]
fn docx_drafts_lint_like_their_seed_texts() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for (docx, seed, must) in [
        (
            "tests/fixtures/protocol_000.docx",
            "corpus/seeds/000_a72e3e401d4a911d.txt",
            "FORM002",
        ),
        (
            "tests/fixtures/protocol_003.docx",
            "corpus/seeds/003_3f4b3a03317974c7.txt",
            "FORM003",
        ),
    ] {
        let (from_docx, docx_stats) = lint(&root.join(docx));
        let (from_text, text_stats) = lint(&root.join(seed));
        assert!(
            from_text.iter().any(|f| f.0 == must),
            "{seed}: {must} missing"
        );
        assert_eq!(from_docx, from_text, "{docx} vs {seed}");
        assert_eq!(docx_stats, text_stats, "{docx} vs {seed}: coverage");
    }
}

// ---------------------------------------------------------------------------------
// Diagnostics as a secretary reads them: the line that states the figure, with its
// unit; one finding per defect; a Word draft's places in Word's terms.

/// The human diagnostics of `justera lint --select RULES path`, without colour.
fn diagnostics(path: &std::path::Path, rules: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_justera"))
        .args(["lint", "--color", "never", "--select", rules])
        .arg(path)
        .output()
        .expect("justera runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "lint failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).replace(env!("CARGO_MANIFEST_DIR"), "<repo>")
}

/// A Word document of `text`, one paragraph per line (tabs as Word tabs), without any
/// page break: what a secretary's draft looks like before it becomes a PDF.
fn docx_of(text: &str, path: &std::path::Path) {
    use std::io::Write;
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut body = String::new();
    for line in text.lines() {
        body.push_str("<w:p><w:r>");
        for (i, part) in line.split('\t').enumerate() {
            if i > 0 {
                body.push_str("<w:tab/>");
            }
            body.push_str(&format!("<w:t xml:space=\"preserve\">{}</w:t>", esc(part)));
        }
        body.push_str("</w:r></w:p>");
    }
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap();
}

#[test]
fn late_justering_points_at_the_stated_date_and_a_repeated_paragraph_is_one_finding() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let fixture = root.join("tests/fixtures/rules/FORM001/triggers.txt");
    insta::assert_snapshot!(
        "text_form001_form003",
        diagnostics(&fixture, "FORM001,FORM003")
    );
}

#[test]
fn a_word_draft_without_page_breaks_is_placed_by_paragraph_and_heading() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let text =
        std::fs::read_to_string(root.join("tests/fixtures/rules/FORM001/triggers.txt")).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let docx = tmp.path().join("utkast.docx");
    docx_of(&text, &docx);
    let out = diagnostics(&docx, "FORM001,FORM003,FORM007")
        .replace(&*tmp.path().to_string_lossy(), "<tmp>");
    assert!(!out.contains("page 1:line"), "{out}");
    insta::assert_snapshot!("docx_places", out);
}

/// The machine formats place a Word draft's finding the way the human one does: JSON and
/// JSON Lines give `place`, SARIF names it in the message and in `properties.place`.
#[test]
fn a_word_draft_is_placed_by_paragraph_in_json_jsonl_and_sarif() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let text =
        std::fs::read_to_string(root.join("tests/fixtures/rules/FORM001/triggers.txt")).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let docx = tmp.path().join("utkast.docx");
    docx_of(&text, &docx);
    let human = diagnostics(&docx, "FORM001");
    let run = |format: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_justera"))
            .args(["lint", "--select", "FORM001", "--format", format])
            .arg(&docx)
            .output()
            .expect("justera runs");
        assert_eq!(out.status.code(), Some(1), "FORM001 is an error");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let json: Value = serde_json::from_str(&run("json")).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert!(!findings.is_empty(), "{json:#}");
    for f in findings {
        let place = f["place"]
            .as_str()
            .unwrap_or_else(|| panic!("no place: {f:#}"));
        assert!(place.starts_with('§'), "{place}");
        assert!(human.contains(place), "{place} not in\n{human}");
    }
    let jsonl: Vec<Value> = run("jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let places = |v: &[Value]| v.iter().map(|f| f["place"].clone()).collect::<Vec<_>>();
    assert_eq!(places(&jsonl), places(findings));
    let sarif: Value = serde_json::from_str(&run("sarif")).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), findings.len());
    for (r, f) in results.iter().zip(findings) {
        let place = f["place"].as_str().unwrap();
        assert_eq!(r["properties"]["place"], place);
        let msg = r["message"]["text"].as_str().unwrap();
        assert!(msg.ends_with(&format!("({place})")), "{msg}");
        assert!(!msg.contains("line "), "{msg}");
    }
}
