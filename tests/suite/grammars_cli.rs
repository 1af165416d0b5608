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

/// A total label only the municipality's template uses ("Slutsumma") makes a total row
/// once a `totals.vocab` in `--grammars DIR` names it: the table stage classifies the row
/// as a total, and the sum check then holds it to the rows above. Without the file the
/// row is data and nothing is checked.
#[test]
fn extra_total_label_from_a_grammar_dir_changes_row_classification() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let grammars = dir.path().join("grammars");
    std::fs::create_dir(&grammars).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        grammars.join("totals.vocab"),
        "# Our template's total rows\ntotal: Slutsumma\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let input = dir.path().join("tabell.txt");
    std::fs::write(
        &input,
        "Kostnader (tkr)\nPost\tBudget\tUtfall\nLokaler\t100\t200\nPersonal\t50\t60\nSlutsumma\t150\t250\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let input = input.display().to_string();
    let grammars = grammars.display().to_string();
    let kind_of_last_row = |extra: &[&str]| -> String {
        let out = justera()
            .args(extra)
            .args(["tables", "--format", "json", &input])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(0));
        let json: serde_json::Value =
            serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
        let rows = json["tables"][0]["rows"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let last = rows.last().cloned().unwrap_or_default();
        assert_eq!(last["label"], "Slutsumma");
        last["kind"].as_str().unwrap_or_default().to_string()
    };
    assert_eq!(kind_of_last_row(&[]), "data");
    assert_eq!(kind_of_last_row(&["--grammars", &grammars]), "total");

    let lint = |extra: &[&str]| -> String {
        let out = justera()
            .args(extra)
            .args(["lint", &input])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(!lint(&[]).contains("expected 260"));
    assert!(lint(&["--grammars", &grammars]).contains("expected 260, found 250"));
}

/// The word lists the checks read are in the vocabulary too: a header word a
/// `column_relations.vocab` in `--grammars DIR` names as a difference makes a failing
/// column an error of REL001 (a stated difference) instead of a warning of REL002 (a
/// relation no header states).
#[test]
fn extra_difference_word_from_a_grammar_dir_makes_the_column_a_stated_difference() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let grammars = dir.path().join("grammars");
    std::fs::create_dir(&grammars).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        grammars.join("column_relations.vocab"),
        "# Our template's difference columns\ndifference: Mellanskillnad\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let input = dir.path().join("tabell.txt");
    std::fs::write(
        &input,
        "Kostnader (tkr)\nPost\tBudget\tUtfall\tMellanskillnad\nLokaler\t100\t80\t20\n\
         Personal\t50\t60\t-10\nIT\t30\t20\t10\nResor\t10\t5\t9\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let input = input.display().to_string();
    let grammars = grammars.display().to_string();
    let lint = |extra: &[&str]| -> String {
        let out = justera()
            .args(extra)
            .args(["lint", &input])
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(out.status.code().is_some(), "crashed: {out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let plain = lint(&[]);
    assert!(plain.contains("warning[REL002]"), "{plain}");
    assert!(!plain.contains("REL001"), "{plain}");
    let extended = lint(&["--grammars", &grammars]);
    assert!(extended.contains("error[REL001]"), "{extended}");
    assert!(extended.contains("expected 5, found 9"), "{extended}");
}
