//! Mutation tests: in every table of the corpus the generator judged consistent,
//! change each figure that takes part in a relation the table states (a total, a
//! derived column, a share, an allocation) by ±10 units; lint must then report that
//! table. Generated over all such figures, and the figures in no relation are listed,
//! so the coverage is visible (`cargo test --test suite mutation:: -- --nocapture`).

use crate::common;

use justera::check::finding::Severity;
use justera::check::relations_for_table;
use justera::table::Table;
use rust_decimal::Decimal;
use std::collections::BTreeSet;

fn reported(table: &Table) -> bool {
    relations_for_table(table, justera::grammar::vocab::Vocabulary::builtin_shared())
        .iter()
        .any(|r| !r.comparison.holds && r.severity != Severity::Info)
}

#[test]
fn every_figure_in_a_stated_relation_is_guarded() {
    let tables = common::corpus_tables();
    let mut coverage = String::new();
    let (mut covered, mut uncovered, mut missed) = (0usize, 0usize, Vec::new());
    let consistent: Vec<_> = tables
        .iter()
        .filter(|t| t.verdict == "consistent")
        .collect();
    assert!(consistent.len() >= 30, "tables.json not read");
    for t in consistent {
        let rels = relations_for_table(
            &t.table,
            justera::grammar::vocab::Vocabulary::builtin_shared(),
        );
        assert!(
            !reported(&t.table),
            "{} #{}: consistent table reported before mutation",
            t.file,
            t.index
        );
        let mut cells = BTreeSet::new();
        for r in &rels {
            cells.insert((r.target.row, r.target.col));
            cells.extend(r.inputs.iter().map(|i| (i.row, i.col)));
        }
        let mut free = Vec::new();
        for (ri, row) in t.table.rows.iter().enumerate() {
            for (ci, cell) in row.cells.iter().enumerate() {
                let Some(v) = cell.value else { continue };
                if !cells.contains(&(ri, ci)) {
                    free.push(format!("{} [{}]", cell.raw.trim(), row.label.trim()));
                    continue;
                }
                for delta in [Decimal::from(10), Decimal::from(-10)] {
                    let mut m = t.table.clone();
                    m.rows[ri].cells[ci].value = Some(v + delta);
                    if !reported(&m) {
                        missed.push(format!(
                            "{} #{}: row {:?} column {} value {} {:+}",
                            t.file, t.index, row.label, ci, v, delta
                        ));
                    }
                }
                covered += 1;
            }
        }
        uncovered += free.len();
        coverage.push_str(&format!(
            "{} #{} {}: {} relations; figures in no relation: {}\n",
            t.file,
            t.index,
            t.id.as_deref().unwrap_or("-"),
            rels.len(),
            if free.is_empty() {
                "none".to_string()
            } else {
                free.join(", ")
            }
        ));
    }
    println!("{coverage}");
    println!("figures in a relation: {covered} (each mutated ±10), in none: {uncovered}");
    assert!(covered > 400, "too few figures covered: {covered}");
    assert!(
        missed.is_empty(),
        "mutations not reported:\n{}",
        missed.join("\n")
    );
}
