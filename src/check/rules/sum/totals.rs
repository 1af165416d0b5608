//! Column totals: for every total row, which rows it closes, and whether each column adds up.

use super::{sum001, sum003};
use crate::check::arith::{compare, Interval};
use crate::check::registry::Rule;
use crate::check::rules::tab::tab002;
use crate::check::view::{is_total_label, CellRef, TableView};
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

pub fn relations(view: &TableView, out: &mut Vec<Relation>) {
    for t in 0..view.rows() {
        if !view.totals[t] {
            continue;
        }
        let labeled = is_total_label(&view.label(t))
            || (t + 1 == view.rows()
                && crate::check::view::rolls_forward(&view.label(0), &view.label(t)));
        let cols: Vec<usize> = (0..view.cols())
            .filter(|&c| view.numeric(c) && view.figure(t, c).is_some())
            .collect();
        let cands = candidates(view, t);
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
        let (reading, rows) = &cands[chosen];
        let rule: &'static Rule = if labeled {
            &sum001::RULE
        } else {
            &sum003::RULE
        };
        for &c in &cols {
            let (Some(sum), Some(found)) = (column_sum(view, rows, c), view.figure(t, c)) else {
                continue;
            };
            let cmp = compare(sum, found);
            let inputs: Vec<CellRef> = rows.iter().map(|&row| CellRef { row, col: c }).collect();
            let target = CellRef { row: t, col: c };
            if !cmp.holds {
                if let Some(d) = misaligned_to(view, rows, t, c, found) {
                    out.push(Relation::new(
                        &tab002::RULE,
                        target,
                        inputs,
                        cmp,
                        format!(
                            "the total row's figure under \"{}\" is the sum of the column \"{}\": the row is shifted one column",
                            view.header(c),
                            view.header(d)
                        ),
                    ));
                    continue;
                }
            }
            let message = format!(
                "\"{}\" is not the sum of {} in column \"{}\"",
                view.label(t).trim_end_matches(':'),
                reading,
                view.header(c)
            );
            out.push(Relation::new(rule, target, inputs, cmp, message));
        }
    }
}

/// A failing total whose figure equals the sum of a neighbouring column: an extraction
/// that shifted the row (seed 004 "Summa utvecklingsresurser"), not an error of the record.
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
