//! PCT002: shares of a total that do not add to 100 %.

use crate::arith::{compare, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::view::CellRef;
use crate::check::{Relation, TableCx};
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: RuleCode::PCT002,
    name: "shares-not-100",
    family: Family::Pct,
    severity: Severity::Error,
    summary: "A column of shares states a total other than 100 %",
    explanation: "When a percent column is each row's share of a column total (PCT001 found \
the relation), the total row of that percent column must read 100 %, within the rounding of \
the figure written. (Whether the shares themselves add to that total is SUM001's check, with \
a tolerance that grows with the number of rounded shares.)",
    checks: &[Check::Relations(relations)],
};

/// The total row of every percent column read as shares (PCT001's analysis): 100 %.
fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    let view = &cx.view;
    let hundred = Interval::exact(Decimal::ONE_HUNDRED);
    for sh in cx.shares() {
        let (p, t) = (sh.percent, sh.total);
        if let Some(found) = view.figure(t, p) {
            let cmp = compare(hundred, found);
            out.push(Relation::new(
                &RULE,
                CellRef { row: t, col: p },
                Vec::new(),
                cmp,
                format!(
                    "the shares in \"{}\" are stated to total {}%",
                    view.header(p),
                    cmp.found
                ),
            ));
        }
    }
}
