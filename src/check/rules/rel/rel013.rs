//! REL013: a column that is one column of its row divided by another (an amount per
//! household, per pupil, per m²) on most rows, and not on these.

use crate::arith::{compare, Comparison};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::view::{CellRef, ColumnKind, TableView};
use crate::check::{Relation, TableCx};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::collections::BTreeSet;

pub const RULE: Rule = Rule {
    code: RuleCode::REL013,
    name: "quotient-column-broken",
    family: Family::Rel,
    severity: Severity::Warning,
    summary: "A column equals one column of its row divided by another (per hushåll, per elev, per m²) on most rows but not on these",
    explanation: "Statistics and key-figure tables print an amount, what it is spread over, \
and the amount per unit side by side: \"Bistånds-hushåll | Utbetalt ekonomiskt bistånd (tkr) | \
Biståndsbelopp/hushåll (kr)\", \"Antal elever | Kostnad (tkr) | Kostnad per elev (kr)\", \"Yta \
m² | Hyra | Hyra per m²\". The relation such a table states is: the per-unit column = the \
amount ÷ the count × a power of ten (tkr to kr: × 1 000).\n\nWhat is read. The relation is \
taken from the table's own arithmetic, whatever the headers say: three columns of figures \
(no percent column) where one equals another divided by a third, at one power of ten, on at \
least five rows read unambiguously whose three figures each have three or more significant \
digits once trailing zeros are dropped (886, 41 310, 46 626; not 57 or 5 000), and on four \
fifths of the rows it can be checked on. On such a row an unrelated figure meets the \
quotient within the figures' rounding with a chance of a few in a hundred; on five rows, \
the power of ten fixed by the first, the chance is below one in a million. Where the same \
three columns make the relation two ways (c = a / b and b = a / c), the column whose header \
says per (\"per\", \"/\", \"snitt\", \"genomsnitt\") is the quotient, or else the rightmost \
one.\n\nWhat is checked. Every row with the three figures: the amount ÷ the count × the \
power of ten, each figure standing for ± half a unit of its last digit, against the printed \
quotient. Each row counts as one relation checked.\n\nWhen it is only information. A \
failing row read by placement only (TAB001, its digit groups splitting more than one way) \
is not decided. A failing row is a warning, not an error: the table did not name the \
relation, its arithmetic did.\n\nExample: Enköping 886 hushåll, 41 310 tkr, 46 626 kr per \
hushåll: 41 310 × 1 000 / 886 = 46 625,3, within the rounding of the three figures, holds; \
a printed 48 626 would be reported (expected 46 625,3).",
    checks: &[Check::Relations(relations)],
};

/// The fewest rows, read unambiguously with three significant digits in every figure,
/// on which the quotient must hold for the table to state it.
const TELLING_ROWS: usize = 5;

/// Whether a figure has at least three significant digits once its trailing zeros are
/// dropped: at its own precision it is one of at least a hundred values.
fn three_digits(v: Decimal) -> bool {
    let mut m = v.normalize().mantissa().unsigned_abs();
    if m == 0 {
        return false;
    }
    while m % 10 == 0 {
        m /= 10;
    }
    m >= 100
}

/// A candidate: `target` = `amount` / `count` × 10^`power`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Quotient {
    target: usize,
    amount: usize,
    count: usize,
    power: i32,
}

fn ten_to(power: i32) -> Decimal {
    let mut k = Decimal::ONE;
    for _ in 0..power.unsigned_abs() {
        k = if power > 0 {
            k * Decimal::TEN
        } else {
            k / Decimal::TEN
        };
    }
    k
}

/// The comparison on row `r`, when its three figures are written and the count is not zero.
fn eval(view: &TableView, r: usize, q: &Quotient) -> Option<Comparison> {
    let (a, b, c) = (
        view.figure(r, q.amount)?,
        view.figure(r, q.count)?,
        view.figure(r, q.target)?,
    );
    if [a, b, c].iter().any(|v| v.nominal <= Decimal::ZERO) {
        return None;
    }
    let expected = a.divided_by(b)?.scale(ten_to(q.power));
    Some(compare(expected, c))
}

/// Whether the row tells: read unambiguously, every figure of three significant digits.
fn telling(view: &TableView, r: usize, q: &Quotient) -> bool {
    !view.table.ambiguities.iter().any(|a| a.row == r)
        && [q.amount, q.count, q.target]
            .iter()
            .all(|&c| view.figure(r, c).is_some_and(|v| three_digits(v.nominal)))
}

/// The power of ten that most telling rows give the ratio target / (amount / count), when
/// the quotient is near one.
fn power_of(view: &TableView, target: usize, amount: usize, count: usize) -> Option<i32> {
    let mut votes: Vec<(i32, usize)> = Vec::new();
    for r in 0..view.rows() {
        let probe = Quotient {
            target,
            amount,
            count,
            power: 0,
        };
        if !telling(view, r, &probe) {
            continue;
        }
        let (a, b, c) = (
            view.figure(r, amount)?.nominal.to_f64()?,
            view.figure(r, count)?.nominal.to_f64()?,
            view.figure(r, target)?.nominal.to_f64()?,
        );
        if a <= 0.0 || b <= 0.0 || c <= 0.0 {
            continue;
        }
        let exp = (c * b / a).log10();
        let k = exp.round();
        // Only a ratio close to a power of ten votes (within 2 %); f64 is used to find the
        // power only, never to decide.
        if (exp - k).abs() < 0.009 && (-6.0..=6.0).contains(&k) {
            let k = k as i32;
            match votes.iter_mut().find(|(p, _)| *p == k) {
                Some(v) => v.1 += 1,
                None => votes.push((k, 1)),
            }
        }
    }
    votes.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    match votes[..] {
        [(p, n), ..] if n >= TELLING_ROWS => Some(p),
        _ => None,
    }
}

/// Whether the column's header says it is per something.
fn says_per(view: &TableView, c: usize) -> bool {
    let h = view.header(c).to_lowercase();
    h.contains('/')
        || h.split(|ch: char| !ch.is_alphanumeric()).any(|w| {
            [
                "per",
                "pr",
                "snitt",
                "genomsnitt",
                "gjennomsnitt",
                "gennemsnit",
            ]
            .contains(&w)
        })
}

/// The quotients the table's arithmetic states, one per set of three columns.
fn quotients(view: &TableView) -> Vec<(Quotient, Vec<(usize, Comparison)>)> {
    let cols: Vec<usize> = (0..view.cols())
        .filter(|&c| {
            view.numeric(c) && !matches!(view.kinds[c], ColumnKind::Text | ColumnKind::Percent)
        })
        .collect();
    if cols.len() < 3 {
        return Vec::new();
    }
    let mut found: Vec<(Quotient, Vec<(usize, Comparison)>)> = Vec::new();
    for &target in &cols {
        for &amount in &cols {
            for &count in &cols {
                if target == amount || target == count || amount == count {
                    continue;
                }
                let Some(power) = power_of(view, target, amount, count) else {
                    continue;
                };
                let q = Quotient {
                    target,
                    amount,
                    count,
                    power,
                };
                let rows: Vec<(usize, Comparison)> = (0..view.rows())
                    .filter_map(|r| eval(view, r, &q).map(|c| (r, c)))
                    .collect();
                let holding = rows.iter().filter(|(_, c)| c.holds).count();
                let telling_holds = rows
                    .iter()
                    .filter(|(r, c)| c.holds && telling(view, *r, &q))
                    .count();
                if telling_holds >= TELLING_ROWS && holding * 5 >= rows.len() * 4 {
                    found.push((q, rows));
                }
            }
        }
    }
    // One relation per set of three columns: the target whose header says per, else the
    // rightmost.
    let mut out: Vec<(Quotient, Vec<(usize, Comparison)>)> = Vec::new();
    let mut sets: Vec<BTreeSet<usize>> = Vec::new();
    let rank = |q: &Quotient| (says_per(view, q.target), q.target);
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(rank(&found[i].0)));
    for i in order {
        let q = found[i].0;
        let set: BTreeSet<usize> = [q.target, q.amount, q.count].into_iter().collect();
        if sets.contains(&set) {
            continue;
        }
        sets.push(set);
        out.push(found[i].clone());
    }
    out
}

fn shown(view: &TableView, c: usize) -> String {
    let h = view.header(c);
    if h.trim().is_empty() {
        format!("column {}", c + 1)
    } else {
        format!("\"{}\"", h.trim())
    }
}

fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    let view = &cx.view;
    for (q, rows) in quotients(view) {
        let holding = rows.iter().filter(|(_, c)| c.holds).count();
        let formula = format!(
            "{} / {}{}",
            shown(view, q.amount),
            shown(view, q.count),
            if q.power == 0 {
                String::new()
            } else {
                format!(" × {}", ten_to(q.power).normalize())
            }
        );
        for &(r, cmp) in &rows {
            let label = view.label(r);
            let others = holding - usize::from(cmp.holds);
            let mut message =
                format!(
                "{} is not {formula} on row \"{}\"; the same quotient holds on {others} other rows",
                shown(view, q.target),
                if label.is_empty() { "(unlabeled)" } else { &label },
            );
            let mut rel = Relation::new(
                &RULE,
                CellRef {
                    row: r,
                    col: q.target,
                },
                vec![
                    CellRef {
                        row: r,
                        col: q.amount,
                    },
                    CellRef {
                        row: r,
                        col: q.count,
                    },
                ],
                cmp,
                String::new(),
            );
            if !cmp.holds && view.table.ambiguities.iter().any(|a| a.row == r) {
                rel.severity = Severity::Info;
                message = format!(
                    "not decided: the row's digit groups split into cells more than one way, and it is read by placement only ({message})"
                );
            }
            rel.message = message;
            out.push(rel);
        }
    }
}
