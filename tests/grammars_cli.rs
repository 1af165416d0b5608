//! `--grammars DIR`: extra vocabulary files are read before any command; a broken file is a
//! usage error naming the file and line.

use std::process::Command;

fn justera() -> Command {
    Command::new(env!("CARGO_BIN_EXE_justera"))
}

fn seed() -> String {
    format!(
        "{}/corpus/seeds/003_3f4b3a03317974c7.txt",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn good_grammar_dir_is_accepted_before_or_after_the_command() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("headings.vocab"),
        "# Our template\nsummary: Kort om ärendet\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    for args in [
        vec![
            "--grammars".to_string(),
            dir.path().display().to_string(),
            "text".into(),
            seed(),
        ],
        vec![
            "text".into(),
            "--grammars".into(),
            dir.path().display().to_string(),
            seed(),
        ],
    ] {
        let out = justera()
            .args(&args)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("Direktionen"));
    }
}

#[test]
fn broken_grammar_file_is_a_usage_error_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("totals.vocab");
    std::fs::write(&file, "# totals\ntotal: Summa\nSumma totalt\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let out = justera()
        .args([
            "--grammars",
            &dir.path().display().to_string(),
            "text",
            &seed(),
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("{}:3:", file.display())), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
}

#[test]
fn missing_grammar_dir_is_a_usage_error() {
    let out = justera()
        .args(["--grammars", "/nonexistent/grammars", "text", &seed()])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/grammars"));
}
