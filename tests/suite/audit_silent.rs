//! The audit passes over nothing in silence: a missing path is an error before anything
//! is written, and files of formats it does not read are listed with their reason in the
//! summary and in findings.json.

use std::process::Command;

fn audit(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_justera"))
        .current_dir(dir)
        .arg("audit")
        .args(args)
        .output()
        .expect("justera runs");
    assert!(out.status.code().is_some(), "killed: {out:?}");
    out
}

#[test]
fn a_missing_path_is_an_error_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = audit(dir.path(), &["/nonexistent/arkiv", "--out", "rapport"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "error: /nonexistent/arkiv: no such file or directory"
    );
    assert!(!dir.path().join("rapport").exists(), "nothing written");
}

#[test]
fn unsupported_files_are_listed_with_their_reason() {
    let dir = tempfile::tempdir().unwrap();
    let arkiv = dir.path().join("arkiv");
    std::fs::create_dir(&arkiv).unwrap();
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/rules/SUM001/passes.txt"),
        arkiv.join("rapport.txt"),
    )
    .unwrap();
    std::fs::write(arkiv.join("protokoll.doc"), b"\xd0\xcf\x11\xe0").unwrap();
    std::fs::write(arkiv.join("bilaga.odt"), b"PK\x03\x04").unwrap();
    let out = audit(dir.path(), &["arkiv", "--out", "rapport", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("arkiv/protokoll.doc: unsupported input: unsupported format (.doc)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("arkiv/bilaga.odt: unsupported input"),
        "{stdout}"
    );
    let findings = std::fs::read_to_string(dir.path().join("rapport/findings.json")).unwrap();
    assert!(findings.contains("protokoll.doc"), "{findings}");
    assert!(findings.contains("bilaga.odt"), "{findings}");
    assert!(dir.path().join("rapport/findings.csv").is_file());
}
