//! The committed sample report `reports/corpus/` is what `justera audit corpus/` writes
//! today: this test regenerates it and compares byte for byte, so it never goes stale.
//! After a change that alters the output on purpose, review the difference and bless:
//!     JUSTERA_BLESS=1 cargo test --test audit_sample

use std::path::PathBuf;
use std::process::Command;

const OUTPUTS: [&str; 5] = [
    "findings.json",
    "findings.csv",
    "documents.jsonl",
    "decisions.jsonl",
    "index.html",
];

#[test]
fn committed_sample_report_matches_a_fresh_audit_of_corpus() {
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
    let committed = repo.join("reports/corpus");
    let bless = std::env::var_os("JUSTERA_BLESS").is_some();
    let mut stale = Vec::new();
    for name in OUTPUTS {
        let fresh = std::fs::read(out.join(name)).unwrap();
        let old = std::fs::read(committed.join(name)).unwrap_or_default();
        if fresh != old {
            if bless {
                std::fs::create_dir_all(&committed).unwrap();
                std::fs::write(committed.join(name), &fresh).unwrap();
            } else {
                stale.push(name);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "reports/corpus/ is stale ({stale:?} differ from a fresh `justera audit corpus/`). \
         If the change is intended, review it and run \
         `JUSTERA_BLESS=1 cargo test --test audit_sample`."
    );
    // The sample is a real audit: it read the corpus and checked balances across it.
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("findings.json")).unwrap()).unwrap();
    assert!(report["summary"]["files_read"].as_u64().unwrap() >= 40);
    assert!(
        report["cross_document"]["relations_checked"]
            .as_u64()
            .unwrap()
            > 0
    );
    assert!(report["summary"]["documents"].as_u64().unwrap() >= 40);
}
