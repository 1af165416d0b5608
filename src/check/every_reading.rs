//! A total through rows the reader could not place (TAB001) checked under every reading
//! of those rows: when the relation fails whichever way the rows' figures are placed, the
//! contradiction does not depend on the reading, and is certain.
//!
//! Only rows whose readings are complete (every order-keeping placement of their figures
//! listed, [`crate::table::Ambiguity::complete`]) are varied. A column's sum depends only on
//! the values the rows give in that column, so a total that fails for every choice of
//! those values fails under every joint reading of the rows.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::arith::{compare, Comparison, Interval};
use crate::check::view::TableView;
use crate::grammar::number::{format_decimal, Style};

/// At most this many distinct sums are followed; beyond it the total stays not decided.
const MAX_SUMS: usize = 100_000;

/// How a row's figure enters a relation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Enters {
    /// Added as written, with its sign.
    AsWritten,
    /// Subtracted: a line whose label says it is deducted ("Avgår …") written without a
    /// minus; a figure written with a minus is already the deduction and is added as
    /// written.
    Deducted,
}

impl Enters {
    pub fn apply(self, v: Interval) -> Interval {
        match self {
            Enters::Deducted if v.nominal > Decimal::ZERO => v.negated(),
            _ => v,
        }
    }
}

/// A total that fails under every reading of the ambiguous rows it closes.
#[derive(Clone, Debug)]
pub struct Certain {
    /// The closest achievable sum against the printed total (never holding).
    pub comparison: Comparison,
    /// Why the failure is trusted, in the finding's words.
    pub why: String,
}

/// Sums keyed by (nominal, lo, hi), so equal sums are followed once.
type Sums = BTreeMap<(Decimal, Decimal, Decimal), Interval>;

fn key(i: &Interval) -> (Decimal, Decimal, Decimal) {
    (i.nominal, i.lo, i.hi)
}

/// The values row `r` may give in column `c` over its `readings` (a reading that leaves
/// the cell empty gives 0), or `None` when a reading's figure is not one of the row's
/// figures as read (then nothing is known of its value).
fn values(
    view: &TableView,
    r: usize,
    c: usize,
    readings: &[Vec<String>],
    enters: Enters,
) -> Option<Sums> {
    let cells = &view.table.rows.get(r)?.cells;
    let mut out = Sums::new();
    for reading in readings {
        if reading.len() != view.cols() {
            return None;
        }
        let text = reading[c].trim();
        let v = if text.is_empty() {
            Interval::exact(Decimal::ZERO)
        } else {
            let cell = cells.iter().find(|x| x.raw.trim() == text)?;
            Interval::written(cell.value?, cell.decimals)
        };
        let v = enters.apply(v);
        out.insert(key(&v), v);
    }
    Some(out)
}

/// Whether every reading holds the same figures, only in other columns (the empty cells
/// of a short row not marked), not other figures made of the same digit groups.
pub fn same_figures(readings: &[Vec<String>]) -> bool {
    let figures = |r: &Vec<String>| -> Vec<String> {
        r.iter()
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect()
    };
    let first = readings.first().map(figures).unwrap_or_default();
    readings.iter().all(|r| figures(r) == first)
}

/// What a set of rows can give in column `c`: the achievable sums, the ambiguous rows
/// varied and their number of joint readings. `Err(())` when nothing certain can be said
/// (a row without complete readings, too many sums); `Ok(None)` when a row's part is not
/// a figure (the rows state no sum in this column).
#[allow(clippy::type_complexity)]
fn achievable(
    view: &TableView,
    rows: &[(usize, Enters)],
    c: usize,
) -> Result<Option<(Sums, Vec<usize>, u64)>, ()> {
    let ambiguities = &view.table.ambiguities;
    let mut sums = Sums::new();
    let zero = Interval::exact(Decimal::ZERO);
    sums.insert(key(&zero), zero);
    let mut varied = Vec::new();
    let mut readings: u64 = 1;
    for &(r, enters) in rows {
        let of_row: Vec<_> = ambiguities.iter().filter(|a| a.row == r).collect();
        let options = match of_row.as_slice() {
            [] => {
                let mut one = Sums::new();
                let Some(v) = view.part(r, c) else {
                    return Ok(None);
                };
                let v = enters.apply(v);
                one.insert(key(&v), v);
                one
            }
            // Only placements of the same figures: where the digit groups make other
            // figures under another reading, which rows a total closes was found under
            // one of them, and the sum is not the record's statement (a table of unlabeled
            // rows read one way may not be the same table read another way).
            [a] if a.complete && !a.readings.is_empty() && same_figures(&a.readings) => {
                varied.push(r);
                readings = readings.saturating_mul(a.readings.len() as u64);
                values(view, r, c, &a.readings, enters).ok_or(())?
            }
            _ => return Err(()),
        };
        let mut next = Sums::new();
        for s in sums.values() {
            for v in options.values() {
                let n = s.plus(*v);
                next.insert(key(&n), n);
            }
            if next.len() > MAX_SUMS {
                return Err(());
            }
        }
        sums = next;
    }
    Ok(Some((sums, varied, readings)))
}

/// Whether the total in row `t`, column `c`, closing `rows`, fails under every reading of
/// the ambiguous rows among them: `None` when a row (or the total) has no complete set of
/// readings, when there are too many sums to follow, or when some reading holds — also
/// for any of the `other` sets of rows the total might close (which rows it closes was
/// chosen under one reading; under another, another set might hold).
pub fn fails_under_every(
    view: &TableView,
    rows: &[usize],
    other: &[Vec<usize>],
    t: usize,
    c: usize,
) -> Option<Certain> {
    let added = |set: &[usize]| -> Vec<(usize, Enters)> {
        set.iter().map(|&r| (r, Enters::AsWritten)).collect()
    };
    let other: Vec<Vec<(usize, Enters)>> = other.iter().map(|s| added(s)).collect();
    fails_under_every_entered(view, &added(rows), &other, t, c)
}

/// [`fails_under_every`] for rows that enter the relation each its own way (a line
/// deducted from a result, [`Enters::Deducted`]): the value in row `t`, column `c`, is
/// the sum of what `rows` give, and fails under every reading of the ambiguous ones —
/// and of the `other` sets of rows it might be instead.
pub fn fails_under_every_entered(
    view: &TableView,
    rows: &[(usize, Enters)],
    other: &[Vec<(usize, Enters)>],
    t: usize,
    c: usize,
) -> Option<Certain> {
    let found = view.figure(t, c)?;
    if view.table.ambiguities.iter().any(|a| a.row == t) {
        return None;
    }
    for set in other {
        if let Some((sums, _, _)) = achievable(view, set, c).ok()? {
            if sums.values().any(|s| s.meets(&found)) {
                return None;
            }
        }
    }
    let (sums, varied, readings) = achievable(view, rows, c).ok()??;
    if varied.is_empty() || sums.values().any(|s| s.meets(&found)) {
        return None;
    }
    let distance = |s: &Interval| (s.nominal - found.nominal).abs();
    let closest = sums.values().min_by_key(|s| distance(s))?;
    let lowest = sums.values().map(|s| s.nominal).min()?;
    let highest = sums.values().map(|s| s.nominal).max()?;
    let fmt = |d: Decimal| format_decimal(d.normalize(), Style::default());
    let names = varied
        .iter()
        .map(|&r| format!("\"{}\"", view.label(r)))
        .collect::<Vec<_>>()
        .join(", ");
    let plural = if varied.len() == 1 { "row" } else { "rows" };
    let range = if lowest == highest {
        format!("the rows give {}", fmt(lowest))
    } else {
        format!("the rows give {} to {}", fmt(lowest), fmt(highest))
    };
    Some(Certain {
        comparison: compare(*closest, found),
        why: format!(
            "it fails under every one of {} readings of the {plural} {names}, whose columns are not written (TAB001): {range}; closest {}",
            fmt(Decimal::from(readings)),
            fmt(closest.nominal)
        ),
    })
}
