//! Column totals: for every total row, which rows it closes, and whether each column
//! adds up. Shared by SUM001, SUM003 and TAB002, which each report their part.

use super::sum001;
use crate::check::arith::{compare, Comparison, Interval};
use crate::check::registry::Rule;
use crate::check::view::{CellRef, TableView};
use crate::check::Relation;

/// The readings of "the rows this total closes", most specific first.
fn candidates(view: &TableView, t: usize) -> Vec<(&'static str, Vec<usize>)> {
    let prev_total = (0..t).rev().find(|&r| view.totals[r]);
    let start = prev_total.map_or(0, |p| p + 1);
    let block: Vec<usize> = (start..t).filter(|&r| view.is_data(r)).collect();
    let earlier_totals: Vec<usize> = (0..t).filter(|&r| view.totals[r]).collect();
    let mut subtotals = earlier_totals.clone();
    subtotals.extend(block.iter().copied());
    let mut running = Vec::new();
    if let Some(p) = prev_total {
        running.push(p);
        running.extend(block.iter().copied());
    }
    let all_data: Vec<usize> = (0..t).filter(|&r| view.is_data(r)).collect();
    let mut out = vec![("the rows above it", block)];
    if earlier_totals.len() >= 2 {
        out.push(("the subtotals above it", subtotals));
    }
    out.push(("the previous total and the rows after it", running));
    out.push(("all rows above it", all_data));
    out.retain(|(_, rows)| !rows.is_empty());
    out.dedup_by(|a, b| a.1 == b.1);
    out
}

/// The sum of `rows` in column `c`, or `None` when a part is not a figure or every part
/// is blank (a column with no written parts states nothing to add).
fn column_sum(view: &TableView, rows: &[usize], c: usize) -> Option<Interval> {
    let mut written = false;
    let mut parts = Vec::with_capacity(rows.len());
    for &r in rows {
        parts.push(view.part(r, c)?);
        written |= view.figure(r, c).is_some();
    }
    written.then(|| Interval::sum(parts))
}

/// One total row: the rows it closes (the reading that adds up in most columns) and each
/// column's comparison. Which rule reports a column is decided by the rule files: SUM001
/// (labeled), SUM003 (unlabeled), TAB002 (shifted one column).
#[derive(Clone, Debug)]
pub struct Total {
    pub row: usize,
    /// The row's label states a total (see [`sum001::states_total`]).
    pub labeled: bool,
    /// Which rows, in words: "the rows above it", "the subtotals above it", …
    pub reading: &'static str,
    pub rows: Vec<usize>,
    pub columns: Vec<TotalColumn>,
}

#[derive(Clone, Debug)]
pub struct TotalColumn {
    pub col: usize,
    pub comparison: Comparison,
    /// The failing figure is the sum of this neighbouring column instead.
    pub shifted_from: Option<usize>,
}

impl Total {
    pub fn inputs(&self, c: usize) -> Vec<CellRef> {
        self.rows
            .iter()
            .map(|&row| CellRef { row, col: c })
            .collect()
    }

    /// The relation "this total is the sum of its rows" in column `c`, for `rule`.
    pub fn relation(&self, view: &TableView, rule: &'static Rule, c: &TotalColumn) -> Relation {
        let message = format!(
            "\"{}\" is not the sum of {} in column \"{}\"",
            view.label(self.row).trim_end_matches(':'),
            self.reading,
            view.header(c.col)
        );
        Relation::new(
            rule,
            CellRef {
                row: self.row,
                col: c.col,
            },
            self.inputs(c.col),
            c.comparison,
            message,
        )
    }
}

/// The total's columns as relations of `rule`, except those TAB002 reports as shifted.
pub fn sums(view: &TableView, total: &Total, rule: &'static Rule, out: &mut Vec<Relation>) {
    for c in total.columns.iter().filter(|c| c.shifted_from.is_none()) {
        out.push(total.relation(view, rule, c));
    }
}

pub fn analyse(view: &TableView) -> Vec<Total> {
    let mut out = Vec::new();
    for t in 0..view.rows() {
        if !view.totals[t] {
            continue;
        }
        let labeled = sum001::states_total(view, t);
        let cols: Vec<usize> = (0..view.cols())
            .filter(|&c| view.numeric(c) && view.figure(t, c).is_some())
            .collect();
        let mut cands = candidates(view, t);
        let mut best: Option<(usize, usize)> = None; // (candidate index, columns holding)
        for (i, (_, rows)) in cands.iter().enumerate() {
            let holds = cols
                .iter()
                .filter(|&&c| {
                    let (Some(sum), Some(found)) = (column_sum(view, rows, c), view.figure(t, c))
                    else {
                        return false;
                    };
                    sum.meets(&found)
                })
                .count();
            if best.is_none_or(|(_, h)| holds > h) {
                best = Some((i, holds));
            }
        }
        let Some((mut chosen, holds)) = best else {
            continue;
        };
        if holds == 0 {
            // No reading adds up anywhere: only a total closing a block of rows states its
            // parts clearly enough to report — by its label, or as the unlabeled last row
            // under a block of at least two rows ("PL 1 520 000 / Utv 940 000 / 2 460 000").
            let closing = t + 1 == view.rows() && cands[0].1.len() >= 2;
            if !(labeled || closing) || cands[0].0 != "the rows above it" {
                continue;
            }
            chosen = 0;
        }
        let (reading, rows) = cands.swap_remove(chosen);
        let mut columns = Vec::new();
        for &c in &cols {
            let (Some(sum), Some(found)) = (column_sum(view, &rows, c), view.figure(t, c)) else {
                continue;
            };
            let comparison = compare(sum, found);
            let shifted_from = if comparison.holds {
                None
            } else {
                misaligned_to(view, &rows, t, c, found)
            };
            columns.push(TotalColumn {
                col: c,
                comparison,
                shifted_from,
            });
        }
        out.push(Total {
            row: t,
            labeled,
            reading,
            rows,
            columns,
        });
    }
    out
}

/// A failing total whose figure equals the sum of a neighbouring column: an extraction
/// that shifted the row, not an error of the record.
fn misaligned_to(
    view: &TableView,
    rows: &[usize],
    t: usize,
    c: usize,
    found: Interval,
) -> Option<usize> {
    [c.checked_sub(1), Some(c + 1)]
        .into_iter()
        .flatten()
        .filter(|&d| d < view.cols() && view.numeric(d))
        .find(|&d| {
            let shifted_cell_free =
                view.figure(t, d).is_none() || view.figure(t, d).is_some_and(|v| v != found);
            shifted_cell_free && column_sum(view, rows, d).is_some_and(|s| s.meets(&found))
        })
}
