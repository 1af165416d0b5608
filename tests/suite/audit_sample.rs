//! The README's main command, `justera audit corpus/`, checked against a small reviewed
//! snapshot (`tests/suite/snapshots/suite__audit_sample__corpus_audit.snap`): the run's summary, one
//! line per file and one line per finding. The reports themselves (`reports/corpus/`,
//! about 3 MB) are outputs the command writes, not committed goldens: a change in a
//! finding shows as one line of the snapshot's diff. After a change that alters the
//! findings on purpose, read the `.snap.new` and accept it
//! (`INSTA_UPDATE=always cargo test --test suite audit_sample::`).

use serde_json::Value;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;

const OUTPUTS: [&str; 5] = [
    "findings.json",
    "findings.csv",
    "documents.jsonl",
    "decisions.jsonl",
    "index.html",
];

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "-".into(),
        other => other.to_string(),
    }
}

#[test]
fn audit_of_corpus_matches_the_reviewed_summary_and_findings() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("corpus");
    // The README's main command, with the report written aside.
    let run = Command::new(env!("CARGO_BIN_EXE_justera"))
        .args(["audit", "corpus/", "--quiet", "--no-cache", "--out"])
        .arg(&out)
        .current_dir(&repo)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        matches!(run.status.code(), Some(0 | 1)),
        "audit failed: {stdout}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(stdout.contains("files ("), "no summary printed: {stdout}");
    for name in OUTPUTS {
        let bytes = std::fs::read(out.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!bytes.is_empty(), "{name} is empty");
    }
    for name in ["documents.jsonl", "decisions.jsonl"] {
        let text = std::fs::read_to_string(out.join(name)).unwrap();
        for (i, line) in text.lines().enumerate() {
            serde_json::from_str::<Value>(line)
                .unwrap_or_else(|e| panic!("{name} line {}: {e}", i + 1));
        }
    }
    let report: Value =
        serde_json::from_slice(&std::fs::read(out.join("findings.json")).unwrap()).unwrap();
    let mut snap = String::new();
    let summary = serde_json::to_string_pretty(&report["summary"]).unwrap();
    writeln!(snap, "summary: {summary}").unwrap();
    writeln!(snap, "\nfiles:").unwrap();
    for f in report["files"].as_array().expect("files") {
        let documents = f["documents"].as_array().map_or(0, Vec::len);
        writeln!(
            snap,
            "{} {} pages {} (lost {}) documents {documents} findings {}",
            text(&f["file"]),
            text(&f["status"]),
            text(&f["pages"]),
            text(&f["read"]["pages_lost"]),
            text(&f["findings"]),
        )
        .unwrap();
    }
    writeln!(snap, "\nfindings:").unwrap();
    for f in report["findings"].as_array().expect("findings") {
        writeln!(
            snap,
            "{}:{}:{} {}[{}] {} (row {}, column {}, expected {}, found {}, tolerance {})",
            text(&f["file"]),
            text(&f["page"]),
            text(&f["line"]),
            text(&f["severity"]),
            text(&f["rule"]),
            text(&f["message"]),
            text(&f["row"]),
            text(&f["column"]),
            text(&f["expected"]),
            text(&f["found"]),
            text(&f["tolerance"]),
        )
        .unwrap();
    }
    // The sample is a real audit: it read the corpus and checked balances across it.
    assert!(report["summary"]["files_read"].as_u64().unwrap() >= 40);
    assert!(
        report["cross_document"]["relations_checked"]
            .as_u64()
            .unwrap()
            > 0
    );
    insta::assert_snapshot!("corpus_audit", snap);

    // decisions.jsonl is what `justera export` gives: each decision once, the protocol
    // in the corpus as PDF and as text listing both as sources.
    let export = Command::new(env!("CARGO_BIN_EXE_justera"))
        .args(["export", "corpus/", "--format", "jsonl"])
        .current_dir(&repo)
        .output()
        .unwrap();
    assert!(export.status.success(), "export failed");
    let decisions = std::fs::read(out.join("decisions.jsonl")).unwrap();
    assert!(
        decisions == export.stdout,
        "decisions.jsonl differs from `justera export corpus/`"
    );
    let records: Vec<Value> = String::from_utf8_lossy(&decisions)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut ids: Vec<&str> = records
        .iter()
        .map(|r| r["decision_id"].as_str().unwrap())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(
        ids.len(),
        records.len(),
        "a decision twice in decisions.jsonl"
    );
    assert!(records
        .iter()
        .any(|r| r["sources"].as_array().map_or(0, Vec::len) == 2));
}
