//! PCT001: a percent column whose figures are not each row's share of the column total.

use super::pct002;
use crate::check::arith::{compare, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Family, Rule};
use crate::check::view::{CellRef, ColumnKind, TableView};
use crate::check::Relation;
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: "PCT001",
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
};

pub fn relations(view: &TableView, out: &mut Vec<Relation>) {
    let hundred = Interval::exact(Decimal::ONE_HUNDRED);
    for p in (0..view.cols()).filter(|&c| view.kinds[c] == ColumnKind::Percent) {
        // (holds, fails, value column, total row)
        let mut best: Option<(usize, usize, usize, usize)> = None;
        for v in (0..view.cols()).filter(|&c| {
            matches!(
                view.kinds[c],
                ColumnKind::Plain | ColumnKind::Money | ColumnKind::Hours
            )
        }) {
            let Some(t) = grand_total(view, v) else {
                continue;
            };
            let (mut holds, mut fails) = (0, 0);
            for r in (0..view.rows()).filter(|&r| r != t) {
                if let Some(ok) = share(view, r, v, t, p).map(|(_, c)| c.holds) {
                    if ok {
                        holds += 1
                    } else {
                        fails += 1
                    }
                }
            }
            let near = |c: usize| p.abs_diff(c);
            if holds >= 2
                && holds >= 2 * fails
                && best.is_none_or(|(h, f, bv, _)| {
                    (holds, usize::MAX - fails, usize::MAX - near(v))
                        > (h, usize::MAX - f, usize::MAX - near(bv))
                })
            {
                best = Some((holds, fails, v, t));
            }
        }
        let Some((_, _, v, t)) = best else {
            continue;
        };
        for r in (0..view.rows()).filter(|&r| r != t) {
            if let Some((inputs, cmp)) = share(view, r, v, t, p) {
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
        if let Some(found) = view.figure(t, p) {
            let cmp = compare(hundred, found);
            let mut rel = Relation::new(
                &pct002::RULE,
                CellRef { row: t, col: p },
                Vec::new(),
                cmp,
                format!(
                    "the shares in \"{}\" are stated to total {}%",
                    view.header(p),
                    cmp.found
                ),
            );
            rel.severity = Severity::Error;
            out.push(rel);
        }
    }
}

/// The last total row with the largest figure in column v: the denominator of shares.
fn grand_total(view: &TableView, v: usize) -> Option<usize> {
    (0..view.rows())
        .filter(|&r| view.totals[r])
        .filter_map(|r| view.figure(r, v).map(|x| (r, x.nominal.abs())))
        .max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)))
        .map(|(r, _)| r)
}

fn share(
    view: &TableView,
    r: usize,
    v: usize,
    t: usize,
    p: usize,
) -> Option<(Vec<CellRef>, crate::check::arith::Comparison)> {
    let found = view.figure(r, p)?;
    let value = view.figure(r, v)?;
    let total = view.figure(t, v)?;
    if value.nominal.is_zero() && found.nominal.is_zero() {
        return None;
    }
    let expected = value.divided_by(total)?.scale(Decimal::ONE_HUNDRED);
    Some((
        vec![CellRef { row: r, col: v }, CellRef { row: t, col: v }],
        compare(expected, found),
    ))
}
