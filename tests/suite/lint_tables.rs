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

/// A "varav" row breaks out part of the row above it: never a part of the sum below
/// (Lerum's balansräkning: "Materiella anläggningstillgångar" and its two "varav" rows
/// over "Summa anläggningstillgångar").
#[test]
fn varav_rows_are_not_summed() {
    let v = justera::grammar::vocab::Vocabulary::builtin_shared();
    let text = "Belopp\tNot\t2022\t2023\nImmateriella\t11\t0,1\t0,0\nMateriella\t\t3 307,7\t4 133,0\nvarav mark\t12\t3 237,3\t4 010,8\nvarav maskiner\t13\t70,4\t122,3\nFinansiella\t13\t281,2\t272,4\nSumma anläggningstillgångar\t\t3 589,0\t4 405,4\n";
    let tables = justera::table::extract_text(text, v);
    let table = tables.first().expect("a table");
    let rels = relations_for_table(table, v);
    assert!(!rels.is_empty());
    let failing: Vec<_> = rels.iter().filter(|r| !r.comparison.holds).collect();
    assert!(
        failing.is_empty(),
        "{:#?}",
        failing.iter().map(|r| &r.message).collect::<Vec<_>>()
    );
}
