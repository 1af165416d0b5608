//! The vocabulary is a parameter of every stage, not a process global: two vocabularies
//! used in one process read the same record differently, and neither leaves anything
//! behind for the other.

use justera::grammar::vocab::Vocabulary;
use justera::ingest::IngestOptions;
use std::path::Path;

/// A table whose last row adds up wrongly (100 + 200 is not 350), under a label the
/// built-in vocabulary does not know as a total.
const RECORD: &str = "Kostnader (tkr)\tBudget 2024\nLokaler\t100\nPersonal\t200\nSlutsumma\t350\n";

/// The rule codes of the findings on `RECORD`, read in this process with `vocab`.
fn rules(vocab: &Vocabulary) -> Vec<String> {
    let opts = IngestOptions {
        isolate: false,
        ..IngestOptions::default()
    };
    let file =
        justera::pipeline::process_bytes(Path::new("budget.txt"), RECORD.as_bytes(), &opts, vocab)
            .unwrap_or_else(|e| panic!("the record reads: {e}"));
    file.findings.iter().map(|f| f.rule.to_string()).collect()
}

#[test]
fn two_vocabularies_in_one_process_read_the_same_record_differently() {
    let builtin = Vocabulary::builtin();
    let mut extended = Vocabulary::builtin();
    extended
        .add_file("totals", "total: Slutsumma\n")
        .unwrap_or_else(|e| panic!("a vocabulary file: {e}"));

    let plain = rules(&builtin);
    assert!(
        !plain.iter().any(|r| r == "SUM001"),
        "\"Slutsumma\" is no total in the built-in words: {plain:?}"
    );
    let with_word = rules(&extended);
    assert!(
        with_word.iter().any(|r| r == "SUM001"),
        "\"Slutsumma\" is a total in the extended words: {with_word:?}"
    );
    // The built-in vocabulary again, after the other was used: the same reading.
    assert_eq!(rules(&builtin), plain);
}
