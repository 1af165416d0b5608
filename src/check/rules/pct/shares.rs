//! Shares of a column total: for every percent column, the value column and total row
//! whose shares it states (found by the rows where value / total × 100 agrees). Shared
//! by PCT001 (each row's share) and PCT002 (the shares' stated total).

use crate::arith::{compare, Comparison};
use crate::check::view::{CellRef, ColumnKind, TableView};
use rust_decimal::Decimal;

/// A percent column read as the shares of `value`'s column total on row `total`.
#[derive(Clone, Copy, Debug)]
pub struct Shares {
    pub percent: usize,
    pub value: usize,
    pub total: usize,
}

pub fn analyse(view: &TableView) -> Vec<Shares> {
    let mut out = Vec::new();
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
            for r in parts_of(view, t) {
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
        out.push(Shares {
            percent: p,
            value: v,
            total: t,
        });
    }
    out
}

/// The rows whose shares of the total on row `t` a percent column can state: the rows
/// above it, or the rows below it when it heads the table. Rows after a total closing the
/// rows above it ("Giltiga röster", then "Blanka", "Valdeltagande", "Antal
/// röstberättigade") are no parts of it: their percentages are of other wholes.
pub fn parts_of(view: &TableView, t: usize) -> Vec<usize> {
    let first = (0..view.rows()).find(|&r| !view.headings[r]);
    if first == Some(t) {
        (t + 1..view.rows()).collect()
    } else {
        (0..t).collect()
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

pub fn share(
    view: &TableView,
    r: usize,
    v: usize,
    t: usize,
    p: usize,
) -> Option<(Vec<CellRef>, Comparison)> {
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
