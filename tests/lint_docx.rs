//! A draft from Word gives the same findings as the seed text it was made from
//! (tests/fixtures/protocol_000.docx and protocol_003.docx, made from seeds 000 and 003).

mod common;

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
