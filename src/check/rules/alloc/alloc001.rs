//! ALLOC001: a part of an allocated cost that is not its key's share of the total.

use crate::arith::{compare, Comparison};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::view::{normalise, CellRef, ColumnKind, TableView};
use crate::check::{Relation, TableCx};
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: RuleCode::ALLOC001,
    name: "allocation-share-mismatch",
    family: Family::Alloc,
    severity: Severity::Error,
    summary:
        "An allocated amount is not its key's share (population, users, %) of the amount allocated",
    explanation: "Allocation tables split a cost by a key: population (\"Antal invånare\"), \
users (\"Användare\") or a percentage (\"Andel %\"). For a column of amounts and a key column \
with a total row, each row's amount must be key / key total × the amount total (or key % × \
the total). justera finds the key column by the rows where this holds (at least three, and \
three quarters of the rows), recomputes every row with interval arithmetic and reports rows \
outside what the rounding of the key, the totals and the amount allows. Example: Kostnad per \
kommun, Avesta 23 323 of 287 191 inhabitants → 37 763 of 465 000. A column of seats (\"Mandat\", \
\"Platser\") is never an allocated amount: seats are shared out by a divisor method (jämkade \
uddatal, d'Hondt), which may leave a party a whole seat or more from its share.",
    checks: &[Check::Relations(relations)],
};

fn key_kind(k: ColumnKind) -> bool {
    matches!(
        k,
        ColumnKind::Plain | ColumnKind::Money | ColumnKind::Percent
    )
}

/// The data rows the total on row `t` shares out: above it, or below it when it heads the
/// table ([`crate::check::rules::pct::shares::parts_of`]); rows after a total closing the
/// rows above it ("Valdeltagande", "Antal röstberättigade") are no parts of it.
fn parts_of(view: &TableView, t: usize) -> Vec<usize> {
    crate::check::rules::pct::shares::parts_of(view, t)
        .into_iter()
        .filter(|&r| view.is_data(r))
        .collect()
}

fn total_row(view: &TableView, c: usize) -> Option<usize> {
    (0..view.rows())
        .filter(|&r| view.totals[r] && view.figure(r, c).is_some())
        .max_by_key(|&r| view.figure(r, c).map(|v| v.nominal.abs()))
}

/// An allocation shares out an amount that is another quantity than its key (kronor by
/// inhabitants, hours by users): the amount's total is not the key's. Two columns whose
/// totals agree within 2 % count the same thing twice (a preliminary and a final count,
/// a budget and its revision), and a row differing between them is a change, not a
/// share computed wrongly.
fn same_quantity(view: &TableView, t: usize, amount: usize, key: usize) -> bool {
    if view.kinds[key] == ColumnKind::Percent {
        return false;
    }
    let (Some(a), Some(k)) = (view.figure(t, amount), view.figure(t, key)) else {
        return false;
    };
    let (a, k) = (a.nominal, k.nominal);
    !k.is_zero() && (a - k).abs() * Decimal::from(50) <= k.abs()
}

fn eval(view: &TableView, r: usize, amount: usize, key: usize, t: usize) -> Option<Comparison> {
    let found = view.figure(r, amount)?;
    let k = view.figure(r, key)?;
    let total = view.figure(t, amount)?;
    if found.nominal.is_zero() || k.nominal.is_zero() {
        return None;
    }
    let share = if view.kinds[key] == ColumnKind::Percent {
        k.scale(Decimal::new(1, 2))
    } else {
        k.divided_by(view.figure(t, key)?)?
    };
    Some(compare(share.times(total), found))
}

/// A key inferred from rows that hold only loosely: their tolerance is, on average,
/// more than a tenth of the share they allow (a key of one-digit figures: "1 of 4"
/// allows anything from an eighth to three eighths). Such rows hold whatever the key.
const LOOSE_SHARE: Decimal = Decimal::from_parts(1, 0, 0, false, 1);

/// Whether the rows where `key` explains `amount` hold only loosely (see
/// [`LOOSE_SHARE`]).
fn loose(view: &TableView, amount: usize, key: usize, t: usize) -> bool {
    let (mut n, mut rel) = (0u32, Decimal::ZERO);
    for r in parts_of(view, t) {
        if let Some(c) = eval(view, r, amount, key, t).filter(|c| c.holds) {
            if c.expected.is_zero() {
                continue;
            }
            n += 1;
            rel += c.tolerance / c.expected.abs();
        }
    }
    n == 0 || rel / Decimal::from(n) > LOOSE_SHARE
}

/// The key column that explains `amount` best, with the row of the totals.
fn best_key(view: &TableView, amount: usize) -> Option<(usize, usize)> {
    let t = total_row(view, amount)?;
    // (holds, fails, tolerance sum, key)
    let mut best: Option<(usize, usize, Decimal, usize)> = None;
    for key in (0..view.cols()).filter(|&k| k != amount && key_kind(view.kinds[k])) {
        if view.kinds[key] != ColumnKind::Percent && view.figure(t, key).is_none() {
            continue;
        }
        if same_quantity(view, t, amount, key) {
            continue;
        }
        let (mut holds, mut fails, mut tol) = (0usize, 0usize, Decimal::ZERO);
        let mut proportional_only = true;
        for r in parts_of(view, t) {
            if let Some(c) = eval(view, r, amount, key, t) {
                tol += c.tolerance;
                if c.holds {
                    holds += 1;
                    // A column identical to its key shares nothing.
                    if view.figure(r, amount).map(|v| v.nominal)
                        != view.figure(r, key).map(|v| v.nominal)
                    {
                        proportional_only = false;
                    }
                } else {
                    fails += 1;
                }
            }
        }
        if proportional_only {
            continue;
        }
        // Among keys that hold, the one that pins the amount down most tightly is the
        // key the table used: a rounded "8%" holds loosely wherever the population does.
        let mean_tol = tol / Decimal::from((holds + fails).max(1) as u64);
        if holds >= 3 && fails * 3 <= holds && best.is_none_or(|(_, _, bt, _)| mean_tol < bt) {
            best = Some((holds, fails, mean_tol, key));
        }
    }
    best.map(|(_, _, _, key)| (key, t))
}

/// Whether a header names a distribution key ("Antal invånare", "Andel %",
/// "Fördelningsnyckel") by its first words: such a column is shared by, never shared out.
fn names_a_key(view: &TableView, col: usize) -> bool {
    matches!(
        view.vocab.column_measure(&view.header(col)),
        Some("invanare" | "anvandare" | "andel" | "fordelningsnyckel")
    )
}

/// Two count columns proportional to each other (inhabitants and the cost shared by
/// them) explain each other both ways, so one wrong figure would be blamed twice: once
/// as the amount, once as the key. Which one is the key: the column whose header names a
/// key; failing that, the one standing first (a table computes from left to right), and
/// the message then names both figures, since the record does not say which is wrong.
fn direction(view: &TableView, amount: usize, key: usize) -> Option<bool> {
    match (names_a_key(view, amount), names_a_key(view, key)) {
        (true, false) => None,
        (false, true) => Some(false),
        _ if amount < key => None,
        _ => Some(true),
    }
}

pub fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    let view = &cx.view;
    // Seats (mandat) are allocated by a divisor method, not as rounded shares of a key:
    // a party's seats may stand a whole seat or more from its share of the votes.
    let seats = |c: usize| {
        let h = normalise(&view.header(c));
        view.vocab
            .words("column_relations", "seats")
            .iter()
            .any(|w| h.contains(w.as_str()))
    };
    let amounts: Vec<usize> = (0..view.cols())
        .filter(|&c| matches!(view.kinds[c], ColumnKind::Plain | ColumnKind::Money))
        .filter(|&c| !seats(c))
        .collect();
    let chosen: Vec<(usize, usize, usize)> = amounts
        .iter()
        .filter_map(|&a| best_key(view, a).map(|(k, t)| (a, k, t)))
        .collect();
    for &(amount, key, t) in &chosen {
        let mutual = chosen.iter().any(|&(a, k, _)| a == key && k == amount);
        let either_wrong = if mutual {
            match direction(view, amount, key) {
                None => continue,
                Some(undecided) => undecided,
            }
        } else {
            false
        };
        let stated = {
            let h = normalise(&view.header(amount));
            view.vocab
                .words("column_relations", "allocation")
                .iter()
                .any(|w| h.contains(w.as_str()))
        };
        for r in parts_of(view, t) {
            let Some(cmp) = eval(view, r, amount, key, t) else {
                continue;
            };
            let mut message = format!(
                "\"{}\" on row \"{}\" is not its share by \"{}\"",
                view.header(amount),
                view.label(r),
                view.header(key),
            );
            if either_wrong {
                message.push_str(&format!(
                    " (or \"{}\" on that row is wrong: the two columns explain each other)",
                    view.header(key)
                ));
            }
            let mut rel = Relation::new(
                &RULE,
                CellRef {
                    row: r,
                    col: amount,
                },
                vec![
                    CellRef { row: r, col: key },
                    CellRef { row: t, col: key },
                    CellRef {
                        row: t,
                        col: amount,
                    },
                ],
                cmp,
                message,
            );
            if !stated {
                rel.severity = Severity::Warning;
            }
            // A key no header names, inferred only from rows that hold loosely, is no
            // certain reading of the table: not decided.
            if !stated && !names_a_key(view, key) && loose(view, amount, key, t) {
                rel.severity = Severity::Info;
                rel.message = format!(
                    "not decided: no header names this allocation or its key, and the rows it was inferred from hold only loosely (rounding allows more than a tenth of each share) ({})",
                    rel.message
                );
            }
            out.push(rel);
        }
    }
}
