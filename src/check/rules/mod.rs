//! One module per rule, grouped by family (`rules/<family>/<code>.rs`), as ruff lays
//! out its rules. Rules that evaluate one kind of table relation share an engine in
//! their family (`sum/totals.rs`, `rel/columns.rs`).

pub mod alloc;
pub mod bal;
pub mod form;
pub mod pct;
pub mod rel;
pub mod sum;
pub mod tab;
pub mod txt;
pub mod xref;

use super::registry::Rule;
use super::view::TableView;
use super::{Relation, Sink};

/// Every rule, in code order.
pub static ALL: &[&Rule] = &[
    &sum::sum001::RULE,
    &sum::sum002::RULE,
    &sum::sum003::RULE,
    &rel::rel001::RULE,
    &rel::rel002::RULE,
    &rel::rel003::RULE,
    &pct::pct001::RULE,
    &pct::pct002::RULE,
    &pct::pct003::RULE,
    &alloc::alloc001::RULE,
    &alloc::alloc002::RULE,
    &bal::bal001::RULE,
    &txt::txt001::RULE,
    &xref::xref001::RULE,
    &form::form001::RULE,
    &form::form002::RULE,
    &form::form003::RULE,
    &form::form004::RULE,
    &form::form005::RULE,
    &form::form006::RULE,
    &form::form007::RULE,
    &form::form008::RULE,
    &form::form009::RULE,
    &form::form010::RULE,
    &tab::tab001::RULE,
    &tab::tab002::RULE,
];

/// Every relation the table rules state in one table, evaluated.
pub fn table_relations(view: &TableView) -> Vec<Relation> {
    let mut out = Vec::new();
    sum::totals::relations(view, &mut out);
    rel::columns::relations(view, &mut out);
    rel::rel003::relations(view, &mut out);
    pct::pct001::relations(view, &mut out);
    alloc::alloc001::relations(view, &mut out);
    alloc::alloc002::relations(view, &mut out);
    drop_consequences(&mut out);
    out
}

/// One wrong figure breaks every relation it enters. A failing relation whose own
/// figure is confirmed by another relation, and which reads a figure that another
/// relation already shows wrong, only echoes that finding (seed 002: the wrong Prognos
/// total 169 also breaks "Avvikelse = Budget − Prognos" on the Summa row, whose
/// Avvikelse 1 100 is right); it stays counted but is not reported.
fn drop_consequences(rels: &mut [Relation]) {
    use std::collections::HashSet;
    let confirmed: HashSet<_> = rels
        .iter()
        .filter(|r| r.comparison.holds)
        .map(|r| r.target)
        .collect();
    let wrong: HashSet<_> = rels
        .iter()
        .filter(|r| !r.comparison.holds)
        .map(|r| r.target)
        .collect();
    for r in rels.iter_mut() {
        if !r.comparison.holds
            && confirmed.contains(&r.target)
            && r.inputs.iter().any(|i| wrong.contains(i))
        {
            r.comparison.holds = true;
            r.explained = true;
        }
    }
}

/// Runs every rule over one document.
pub fn check_document(sink: &mut Sink) {
    let doc = sink.document;
    for (i, table) in doc.tables.iter().enumerate() {
        let view = TableView::new(table);
        sink.stats.cells += view
            .cells
            .iter()
            .enumerate()
            .map(|(r, row)| {
                (0..row.len())
                    .filter(|c| view.figure(r, *c).is_some())
                    .count() as u64
            })
            .sum::<u64>();
        for rel in table_relations(&view) {
            sink.table_relation(i, &view, &rel);
        }
        tab::tab001::check(i, table, sink);
        tab::tab002::check(i, table, sink);
    }
    pct::pct003::check(sink);
    txt::txt001::check(sink);
    xref::xref001::check(sink);
    form::check(sink);
}
