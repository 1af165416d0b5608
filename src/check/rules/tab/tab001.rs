//! TAB001: a table row whose digit groups allow more than one reading.

use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::{Sink, TableCx};

pub const RULE: Rule = Rule {
    code: RuleCode::TAB001,
    name: "ambiguous-row",
    family: Family::Tab,
    severity: Severity::Warning,
    summary: "A table row could be read in more than one way and was not checked",
    explanation: "Where one space is both the thousands separator and the column gap \
(\"Resultat 174 1 633 0 0 0\"), a row's digit groups may split into columns in several ways. \
The table stage keeps the readings that fit the header and lets the table's own arithmetic \
choose; when two readings survive, it does not guess. justera reports the row with its \
readings, and counts the table as not fully parsed in the run's coverage, so that silence \
about that table is never mistaken for a clean result.",
    checks: &[Check::Table(check)],
};

fn check(cx: &TableCx, sink: &mut Sink) {
    let (table_index, table) = (cx.index, cx.table);
    if table.ambiguities.is_empty() {
        return;
    }
    sink.stats.tables_unparsed += 1;
    let paragraph = sink.paragraph_of_table(table_index);
    for a in &table.ambiguities {
        let readings = a
            .readings
            .iter()
            .map(|r| r.join(" | "))
            .collect::<Vec<_>>()
            .join("  or  ");
        let label = table.rows.get(a.row).map(|r| r.label.trim().to_string());
        let f = sink.report(
            &RULE,
            RULE.severity,
            format!("row can be read as {readings}; not checked"),
            a.provenance.clone(),
        );
        f.table = Some(table_index);
        f.paragraph = paragraph;
        f.row = label.filter(|l| !l.is_empty());
    }
}
