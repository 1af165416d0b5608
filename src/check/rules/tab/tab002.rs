//! TAB002: a total row whose figures sit one column off.

use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::view::CellRef;
use crate::check::{Relation, Sink, TableCx};

pub const RULE: Rule = Rule {
    code: RuleCode::TAB002,
    name: "shifted-total-row",
    family: Family::Tab,
    severity: Severity::Info,
    summary: "A total row's figures stand one column off from the columns they total",
    explanation: "When a total row fails under one column but its figure is exactly the sum of \
the neighbouring column, the row was shifted — by the text extraction or by the writer — \
rather than miscalculated (e.g. a \"Summa\" row 120 / 480 / 600 under columns whose sums \
are 480 / 600, one tab to the right). justera reports the alignment as information instead of a wrong sum.",
    checks: &[Check::Relations(shifted_totals), Check::Table(check)],
};

/// A total row's failing figure that is the sum of the neighbouring column (found by the
/// totals analysis): reported as shifted instead of as a wrong sum.
fn shifted_totals(cx: &TableCx, out: &mut Vec<Relation>) {
    let view = &cx.view;
    for total in cx.totals() {
        for c in &total.columns {
            let Some(d) = c.shifted_from else {
                continue;
            };
            out.push(Relation::new(
                &RULE,
                CellRef {
                    row: total.row,
                    col: c.col,
                },
                total.inputs(c.col),
                c.comparison,
                format!(
                    "the total row's figure under \"{}\" is the sum of the column \"{}\": the row is shifted one column",
                    view.header(c.col),
                    view.header(d)
                ),
            ));
        }
    }
}

/// Reports the rows the table stage moved back into their columns.
fn check(cx: &TableCx, sink: &mut Sink) {
    let (table_index, table) = (cx.index, cx.table);
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
