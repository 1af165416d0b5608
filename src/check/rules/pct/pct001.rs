//! PCT001: a percent column whose figures are not each row's share of the column total.

use super::shares;
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::view::{CellRef, TableView};
use crate::check::{Relation, TableCx};
use rust_decimal::Decimal;

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

/// Shares found from rows that hold only loosely: rounding of the value and the total
/// lets each share move, on average, more than ten times the half unit the percentages
/// are written to (seats, "21 of 51", allow anything from 39,8 % to 42,6 % for a
/// "40,3"). Such rows hold for almost any percent column, so they do not show which
/// column the percentages are shares of.
const LOOSE_FACTOR: Decimal = Decimal::TEN;

fn loose(view: &TableView, v: usize, t: usize, p: usize) -> bool {
    let (mut n, mut spread, mut written) = (0u32, Decimal::ZERO, Decimal::ZERO);
    for r in shares::parts_of(view, t) {
        let (Some((_, c)), Some(found)) = (
            shares::share(view, r, v, t, p).filter(|(_, c)| c.holds),
            view.figure(r, p),
        ) else {
            continue;
        };
        n += 1;
        spread += c.tolerance;
        written += (found.hi - found.lo) / Decimal::TWO;
    }
    n == 0 || spread > written * LOOSE_FACTOR
}

fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    let view = &cx.view;
    for sh in cx.shares() {
        let (p, v, t) = (sh.percent, sh.value, sh.total);
        let loosely = loose(view, v, t, p);
        for r in shares::parts_of(view, t) {
            if let Some((inputs, cmp)) = shares::share(view, r, v, t, p) {
                let message = format!(
                    "\"{}\" on row \"{}\" is not \"{}\" / {} (the column total)",
                    view.header(p),
                    view.label(r),
                    view.header(v),
                    view.label(t).trim_end_matches(':')
                );
                let mut rel =
                    Relation::new(&RULE, CellRef { row: r, col: p }, inputs, cmp, message);
                if loosely {
                    rel.severity = Severity::Info;
                    rel.message = format!(
                        "not decided: the rows that show the percentages to be shares of this column hold only loosely (rounding of the value and the total lets each share move more than ten times the half unit the percentages are written to), so they may be shares of another quantity ({})",
                        rel.message
                    );
                }
                out.push(rel);
            }
        }
    }
}
