//! TAB002: a total row whose figures sit one column off.

use crate::check::finding::Severity;
use crate::check::registry::{Family, Rule};

pub const RULE: Rule = Rule {
    code: "TAB002",
    name: "shifted-total-row",
    family: Family::Tab,
    severity: Severity::Info,
    summary: "A total row's figures stand one column off from the columns they total",
    explanation: "When a total row fails under one column but its figure is exactly the sum of \
the neighbouring column, the row was shifted — by the text extraction or by the writer — \
rather than miscalculated (seed 004, \"Summa utvecklingsresurser\" 592 / 2 728 / 3 320 one \
tab to the right). justera reports the alignment as information instead of a wrong sum.",
};

/// Reports the rows the table stage moved back into their columns.
pub fn check(table_index: usize, table: &crate::table::Table, sink: &mut crate::check::Sink) {
    let paragraph = sink.paragraph_of_table(table_index);
    for r in &table.realigned {
        let label = table
            .rows
            .get(r.row)
            .map(|row| row.label.trim().to_string());
        let moves = r
            .moves
            .iter()
            .map(|(from, to)| {
                let name = |c: usize| {
                    table
                        .columns
                        .get(c)
                        .map(|h| format!("\"{}\"", h.trim()))
                        .unwrap_or_else(|| format!("column {}", c + 1))
                };
                format!("{} → {}", name(*from), name(*to))
            })
            .collect::<Vec<_>>()
            .join(", ");
        let f = sink.report(
            &RULE,
            RULE.severity,
            format!("total row stood one column off and was read back into place ({moves}); its sums hold"),
            r.provenance.clone(),
        );
        f.table = Some(table_index);
        f.paragraph = paragraph;
        f.row = label.filter(|l| !l.is_empty());
    }
}
