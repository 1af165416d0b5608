//! PCT001: a percent column whose figures are not each row's share of the column total.

use super::shares;
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::view::CellRef;
use crate::check::{Relation, TableCx};

pub const RULE: Rule = Rule {
    code: RuleCode::PCT001,
    name: "share-mismatch",
    family: Family::Pct,
    severity: Severity::Error,
    summary: "A percentage is not the row's value divided by the column total",
    explanation: "A percent column beside a column of values (\"Användare\" and \"% fördel\", \
\"Antal invånare\" and \"Procent av totalen\") states each row's share of that column's total. \
justera finds the value column by the rows where value / total × 100 agrees with the \
percentage, computes the share with interval arithmetic (the value, the total and the \
percentage each ± half a unit of their last digit) and reports rows where the written \
percentage lies outside every share the rounded figures allow. Example: 127 users of 6 835 \
is 1,86 %, so \"1,96%\" is reported.",
    checks: &[Check::Relations(relations)],
};

fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    let view = &cx.view;
    for sh in cx.shares() {
        let (p, v, t) = (sh.percent, sh.value, sh.total);
        for r in (0..view.rows()).filter(|&r| r != t) {
            if let Some((inputs, cmp)) = shares::share(view, r, v, t, p) {
                let message = format!(
                    "\"{}\" on row \"{}\" is not \"{}\" / {} (the column total)",
                    view.header(p),
                    view.label(r),
                    view.header(v),
                    view.label(t).trim_end_matches(':')
                );
                out.push(Relation::new(
                    &RULE,
                    CellRef { row: r, col: p },
                    inputs,
                    cmp,
                    message,
                ));
            }
        }
    }
}
