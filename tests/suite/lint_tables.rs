//! The table rules on every table of the corpus (cell grids from corpus/pdf/tables.json):
//! the generator's arithmetic verdict must agree with justera's, both ways.

use crate::common;

use justera::check::finding::Severity;
use justera::check::relations_for_table;

#[test]
fn verdicts_agree_with_the_corpus_ground_truth() {
    let tables = common::corpus_tables();
    assert!(tables.len() > 60, "tables.json not read");
    let mut report = String::new();
    let mut disagreements = Vec::new();
    for t in &tables {
        let rels = relations_for_table(
            &t.table,
            justera::grammar::vocab::Vocabulary::builtin_shared(),
        );
        let failing: Vec<_> = rels
            .iter()
            .filter(|r| !r.comparison.holds && r.severity != Severity::Info)
            .collect();
        report.push_str(&format!(
            "{} #{} {:?} [{}]: {} relations, {} failing\n",
            t.file,
            t.index,
            t.id,
            t.verdict,
            rels.len(),
            failing.len()
        ));
        for f in &failing {
            report.push_str(&format!(
                "    {} {} (expected {}, found {}, tolerance {})\n",
                f.rule.code,
                f.message,
                f.comparison.expected,
                f.comparison.found,
                f.comparison.tolerance
            ));
        }
        let wrong = match t.verdict.as_str() {
            "INCONSISTENT" | "borderline" => failing.is_empty(),
            _ => !failing.is_empty(),
        };
        if wrong {
            disagreements.push(format!("{} #{} [{}]", t.file, t.index, t.verdict));
        }
    }
    println!("{report}");
    assert!(
        disagreements.is_empty(),
        "disagreements: {disagreements:#?}\n{report}"
    );
}
