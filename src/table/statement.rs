//! The relations of a financial statement (resultaträkning, balansräkning,
//! kassaflödesanalys) as the
//! table stage uses them: to choose among the readings of flat rows, by how many hold.
//! The lines are found by their labels (`grammars/statements.vocab`); the checks in
//! `check::rules::rel::statement` state the same relations and report them.

use super::arith::figure;
use super::{Row, RowKind};
use crate::arith::Interval;
use crate::grammar::statement::{is_cost, is_part_of, role};
use crate::grammar::vocab::Vocabulary;

/// Each relation: the target row and the rows whose figures add up to it.
pub(crate) struct Steps {
    steps: Vec<(usize, Vec<usize>)>,
    /// BR sides without subtotals: (the side's total, its first row, the row after its
    /// last), read through group totals written above their rows (see [`nesting`]).
    sides: Vec<(usize, usize, usize)>,
    /// RR with cost rows whose label says they are costs ("Rahoituskulut 97" written
    /// without a minus): the same relations with those rows subtracted. A reading is
    /// scored by the better of the two conventions (the check keeps the one the table
    /// confirms).
    flipped: Vec<(usize, Vec<(usize, bool)>)>,
}

impl Steps {
    /// The relations the rows' labels state (labels do not change between readings).
    pub(crate) fn of(rows: &[Row], v: &Vocabulary) -> Steps {
        let roles: Vec<Option<&'static str>> = rows.iter().map(|r| role(v, &r.label)).collect();
        let plain = |r: usize| !is_part_of(v, &rows[r].label) && rows[r].kind != RowKind::Heading;
        let is = |r: usize, k: &str| roles[r] == Some(k);
        let n = rows.len();
        let mut steps = Vec::new();
        let mut sides = Vec::new();
        let mut flipped = Vec::new();
        if roles.iter().flatten().any(|k| k.starts_with("kf_")) {
            let loose = |r: usize| plain(r) && roles[r].is_none_or(|k| k == "rr_year_result");
            let mut start = 0;
            let sections: Vec<usize> = (0..n).filter(|&r| is(r, "kf_section")).collect();
            for &s in &sections {
                let before = (start..s).find(|&r| is(r, "kf_before_changes"));
                if let Some(b) = before {
                    steps.push((b, (start..b).filter(|&r| loose(r)).collect()));
                }
                let from = before.map_or(start, |b| b + 1);
                let mut parts: Vec<usize> = before.into_iter().collect();
                parts.extend((from..s).filter(|&r| loose(r)));
                steps.push((s, parts));
                start = s + 1;
            }
            let year = (0..n).find(|&r| is(r, "kf_year"));
            if let Some(y) = year {
                let mut parts: Vec<usize> = sections.iter().copied().filter(|&s| s < y).collect();
                if let Some(&last) = parts.last() {
                    parts.extend((last + 1..y).filter(|&r| loose(r)));
                    steps.push((y, parts));
                }
            }
            let i = (0..n).find(|&r| is(r, "kf_cash_start"));
            let e = (0..n).find(|&r| is(r, "kf_cash_end"));
            if let (Some(i), Some(y), Some(e)) = (i, year, e) {
                if i < e && y < e {
                    let mut parts = vec![i, y];
                    parts.extend((i.min(y) + 1..e).filter(|&r| r != i && r != y && loose(r)));
                    steps.push((e, parts));
                }
            }
        } else if roles.iter().flatten().any(|k| k.starts_with("br_")) {
            // BR: each side's Summa is its subtotals (the total rows since the side began),
            // and the two sides are equal.
            // "Årets resultat" is a part of eget kapital here, not a section's total.
            let subtotal = |r: usize| {
                plain(r)
                    && matches!(rows[r].kind, RowKind::Total | RowKind::Subtotal)
                    && !is(r, "rr_year_result")
            };
            let assets = (0..n).find(|&r| is(r, "br_assets_total"));
            let claims = (0..n).find(|&r| is(r, "br_claims_total"));
            let no_totals = |from: usize, to: usize| {
                (from..to).all(|r| !matches!(rows[r].kind, RowKind::Total | RowKind::Subtotal))
            };
            if let Some(a) = assets.filter(|&a| no_totals(0, a)) {
                sides.push((a, 0, a));
            }
            if let Some(c) = claims {
                let from = assets.filter(|&a| a < c).map_or(0, |a| a + 1);
                if no_totals(from, c) {
                    sides.push((c, from, c));
                }
            }
            if let Some(a) = assets {
                let parts: Vec<usize> = (0..a).filter(|&r| subtotal(r)).collect();
                if parts.len() >= 2 {
                    steps.push((a, parts));
                }
            }
            if let Some(c) = claims {
                let from = assets.filter(|&a| a < c).map_or(0, |a| a + 1);
                let parts: Vec<usize> = (from..c).filter(|&r| subtotal(r)).collect();
                if parts.len() >= 2 {
                    steps.push((c, parts));
                }
                if let Some(a) = assets.filter(|&a| a < c) {
                    steps.push((c, vec![a]));
                }
            }
        } else {
            let at: Vec<usize> = (0..n)
                .filter(|&r| roles[r].is_some_and(|k| k.starts_with("rr_")))
                .collect();
            if at.len() >= 2 {
                for (k, &t) in at.iter().enumerate() {
                    let prev = k.checked_sub(1).map(|j| at[j]);
                    let from = prev.map_or(0, |p| p + 1);
                    let mut parts: Vec<usize> = prev.into_iter().collect();
                    parts.extend((from..t).filter(|&r| plain(r)));
                    steps.push((t, parts));
                }
                let cost = |r: usize| is_cost(v, &rows[r].label);
                if steps.iter().any(|(_, p)| p.iter().any(|&r| cost(r))) {
                    flipped = steps
                        .iter()
                        .map(|(t, p)| (*t, p.iter().map(|&r| (r, cost(r))).collect()))
                        .collect();
                }
            }
        }
        steps.retain(|(_, parts)| !parts.is_empty());
        flipped.retain(|(_, parts): &(usize, Vec<(usize, bool)>)| !parts.is_empty());
        Steps {
            steps,
            sides,
            flipped,
        }
    }

    /// Whether [`Steps::holding_in`] reads the rows' cells (a side read through group
    /// totals), not only the figures it is given.
    pub(crate) fn reads_cells(&self) -> bool {
        !self.sides.is_empty()
    }

    /// How many (relation, column) pairs hold with the rows' current figures (`figs`, the
    /// figures of each row's cells), from column `from` on. A side read through group
    /// totals reads the rows' cells: they must then be the ones `figs` was made from.
    pub(crate) fn holding_in(
        &self,
        rows: &[Row],
        figs: &[Vec<Option<Interval>>],
        from: usize,
    ) -> i64 {
        let mut score = 0;
        for (t, parts) in &self.steps {
            for (c, found) in figs[*t].iter().enumerate().skip(from) {
                let Some(found) = found else {
                    continue;
                };
                // Interval sums saturate: an overflowing sum meets nothing written.
                let sum = parts
                    .iter()
                    .filter_map(|&p| figs[p].get(c).copied().flatten())
                    .reduce(|acc, a| acc.plus(a));
                if sum.is_some_and(|sum| found.meets(&sum)) {
                    score += 1;
                }
            }
        }
        if !self.flipped.is_empty() {
            let mut other = 0;
            for (t, parts) in &self.flipped {
                for (c, found) in figs[*t].iter().enumerate().skip(from) {
                    let Some(found) = found else {
                        continue;
                    };
                    if signed_sum(figs, parts, c).is_some_and(|sum| found.meets(&sum)) {
                        other += 1;
                    }
                }
            }
            score = score.max(other);
        }
        for &(t, lo, hi) in &self.sides {
            score += nesting(rows, t, lo, hi, from, v_same_label);
        }
        score
    }

    /// Whether one relation reads both rows `i` and `j` (a step, a flipped step, a BR side).
    pub(crate) fn read_together(&self, i: usize, j: usize) -> bool {
        let step = |t: usize, parts: &mut dyn Iterator<Item = usize>| {
            let mut rows = std::iter::once(t).chain(parts);
            let (mut a, mut b) = (false, false);
            for r in &mut rows {
                a |= r == i;
                b |= r == j;
            }
            a && b
        };
        self.steps
            .iter()
            .any(|(t, parts)| step(*t, &mut parts.iter().copied()))
            || self
                .flipped
                .iter()
                .any(|(t, parts)| step(*t, &mut parts.iter().map(|p| p.0)))
            || self.sides.iter().any(|&(t, lo, hi)| {
                let on = |r: usize| r == t || (lo <= r && r < hi);
                on(i) && on(j)
            })
    }

    /// The target rows of the relations through row `i` (its own, or one it is a part of)
    /// that hold in some column from `from` on with the figures `figs`, each with the
    /// number of columns it holds in; of a BR side read through group totals, the side's
    /// total and every row of it, holding or not (counted `usize::MAX`).
    pub(crate) fn targets_holding_through(
        &self,
        figs: &[Vec<Option<Interval>>],
        i: usize,
        from: usize,
    ) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        let signed = self.steps.iter().map(|(t, parts)| {
            (
                *t,
                parts
                    .iter()
                    .map(|&p| (p, false))
                    .collect::<Vec<(usize, bool)>>(),
            )
        });
        for (t, parts) in signed.chain(self.flipped.iter().cloned()) {
            if t != i && !parts.iter().any(|&(p, _)| p == i) {
                continue;
            }
            let holds = figs[t]
                .iter()
                .enumerate()
                .skip(from)
                .filter(|(c, found)| {
                    let c = *c;
                    let Some(found) = found else {
                        return false;
                    };
                    signed_sum(figs, &parts, c).is_some_and(|sum| found.meets(&sum))
                })
                .count();
            match out.iter_mut().find(|(r, _)| *r == t) {
                Some(e) => e.1 = e.1.max(holds),
                None if holds > 0 => out.push((t, holds)),
                None => {}
            }
        }
        // A balance sheet's side read through group totals: its total and every group
        // total inside may have been among the relations, whether they hold or not.
        for &(t, lo, hi) in &self.sides {
            if i == t || (lo <= i && i < hi) {
                for r in std::iter::once(t).chain(lo..hi) {
                    if !out.iter().any(|(k, _)| *k == r) {
                        // Not followed: counted as holding everywhere, so that it is
                        // always among the relations that may have fixed a split.
                        out.push((r, usize::MAX));
                    }
                }
            }
        }
        out
    }

    /// How many times one scoring visits each cell, at most: once for the steps, and for
    /// each BR side read through group totals up to `MAX_GROUP` rows per group, on two
    /// levels ([`nesting`]). Choosing readings budgets its scorings by it.
    pub(crate) fn visits_per_cell(&self) -> usize {
        1 + self.sides.len() * 2 * MAX_GROUP
    }

    /// How many (relation, column) pairs hold with the rows' current cells, from column
    /// `from` on: [`Steps::holding_in`] as it was written, the reference of the tests.
    #[cfg(test)]
    pub(crate) fn holding(&self, rows: &[Row], from: usize) -> i64 {
        let mut score = 0;
        for (t, parts) in &self.steps {
            for (c, cell) in rows[*t].cells.iter().enumerate().skip(from) {
                let Some(found) = figure(cell) else {
                    continue;
                };
                // Interval sums saturate: an overflowing sum meets nothing written.
                let sum = parts
                    .iter()
                    .filter_map(|&p| rows[p].cells.get(c).and_then(figure))
                    .reduce(|acc, a| acc.plus(a));
                if sum.is_some_and(|sum| found.meets(&sum)) {
                    score += 1;
                }
            }
        }
        if !self.flipped.is_empty() {
            let mut other = 0;
            for (t, parts) in &self.flipped {
                for (c, cell) in rows[*t].cells.iter().enumerate().skip(from) {
                    let Some(found) = figure(cell) else {
                        continue;
                    };
                    let sum = parts
                        .iter()
                        .filter_map(|&(p, neg)| {
                            rows[p].cells.get(c).and_then(figure).map(|f| {
                                if neg {
                                    f.negated()
                                } else {
                                    f
                                }
                            })
                        })
                        .reduce(|acc, a| acc.plus(a));
                    if sum.is_some_and(|sum| found.meets(&sum)) {
                        other += 1;
                    }
                }
            }
            score = score.max(other);
        }
        for &(t, lo, hi) in &self.sides {
            score += nesting(rows, t, lo, hi, from, v_same_label);
        }
        score
    }
}

/// The most rows one group total of a BR side is tried over ([`nesting`]).
const MAX_GROUP: usize = 24;

/// The sum in column `c` of the rows `parts`, each negated where marked; parts without
/// a figure there are left out. Interval sums saturate: an overflowing sum meets nothing.
fn signed_sum(
    figs: &[Vec<Option<Interval>>],
    parts: &[(usize, bool)],
    c: usize,
) -> Option<Interval> {
    parts
        .iter()
        .filter_map(|&(p, neg)| {
            figs[p]
                .get(c)
                .copied()
                .flatten()
                .map(|f| if neg { f.negated() } else { f })
        })
        .reduce(|acc, a| acc.plus(a))
}

/// Whether two labels are the same line written twice (a note reference after one).
fn v_same_label(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        crate::grammar::statement::clean(s)
            .trim_end_matches(|ch: char| ch.is_ascii_digit() || ch == ' ')
            .to_string()
    };
    !a.trim().is_empty() && key(a) == key(b)
}

/// How well a BR side reads through group totals written above their rows: for each
/// group found (a row the rows under it add up to in every column where it has a figure,
/// at least two of them non-zero; or a single row under it repeating its label), one per
/// column; the same for a row the items just above it add up to (a total below its rows
/// without "Summa", two of them or more); and one per column where the side's total is
/// the sum of the top-level rows.
/// Two levels: groups of plain rows, then groups of those groups. Scores the readings of
/// flat rows by the statement's own arithmetic.
fn nesting(
    rows: &[Row],
    target: usize,
    lo: usize,
    hi: usize,
    from: usize,
    same: fn(&str, &str) -> bool,
) -> i64 {
    let ncols = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    // Each cell's interval once per call: the readings are scored many times over.
    let figs: Vec<Vec<Option<Interval>>> = rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            if (lo..hi).contains(&r) || r == target {
                row.cells.iter().map(figure).collect()
            } else {
                Vec::new()
            }
        })
        .collect();
    let fig = |r: usize, c: usize| figs[r].get(c).copied().flatten();
    let data: Vec<usize> = (lo..hi)
        .filter(|&r| rows[r].kind != RowKind::Heading && (from..ncols).any(|c| fig(r, c).is_some()))
        .collect();
    let mut score = 0;
    let collapse = |seq: &[usize], score: &mut i64| -> Vec<usize> {
        let mut top = Vec::new();
        let mut i = 0;
        while i < seq.len() {
            let head = seq[i];
            let written: Vec<usize> = (from..ncols).filter(|&c| fig(head, c).is_some()).collect();
            let nonzero = written
                .iter()
                .filter(|&&c| fig(head, c).is_some_and(|f| !f.nominal.is_zero()))
                .count();
            // A total below its rows without "Summa": the last items, two or more,
            // add up to it in every column where it has a figure (the longest run).
            if nonzero >= 2 {
                let mut acc: Vec<Option<Interval>> = vec![None; written.len()];
                let mut closes = None;
                for k in 1..=MAX_GROUP.min(top.len()) {
                    let q = top[top.len() - k];
                    let mut all = true;
                    for (a, &c) in acc.iter_mut().zip(&written) {
                        match (fig(q, c), *a) {
                            (Some(x), Some(s)) => *a = Some(s.plus(x)),
                            (Some(x), None) if k == 1 => *a = Some(x),
                            _ => all = false,
                        }
                    }
                    if !all {
                        break;
                    }
                    let adds = acc.iter().zip(&written).all(
                        |(a, &c)| matches!((fig(head, c), a), (Some(f), Some(s)) if f.meets(s)),
                    );
                    if k >= 2 && adds {
                        closes = Some(k);
                    }
                }
                if let Some(k) = closes {
                    *score += written.len() as i64;
                    top.truncate(top.len() - k);
                }
            }
            let mut end = None;
            if nonzero >= 2 {
                // Running sums of the rows under the head, per written column (a blank
                // adds nothing): each length is checked in one step.
                let mut acc: Vec<Option<Interval>> = vec![None; written.len()];
                for k in 1..=MAX_GROUP.min(seq.len() - i - 1) {
                    let q = seq[i + k];
                    for (a, &c) in acc.iter_mut().zip(&written) {
                        if let Some(x) = fig(q, c) {
                            *a = Some(a.map_or(x, |a| a.plus(x)));
                        }
                    }
                    if k == 1 && !same(&rows[head].label, &rows[q].label) {
                        continue;
                    }
                    let adds = acc.iter().zip(&written).all(
                        |(a, &c)| matches!((fig(head, c), a), (Some(f), Some(s)) if f.meets(s)),
                    );
                    if adds {
                        end = Some(i + k + 1);
                    }
                }
            }
            top.push(head);
            match end {
                Some(e) => {
                    *score += written.len() as i64;
                    i = e;
                }
                None => i += 1,
            }
        }
        top
    };
    let leaves = collapse(&data, &mut score);
    let top = collapse(&leaves, &mut score);
    if score == 0 {
        return 0;
    }
    for c in from..ncols {
        let Some(found) = fig(target, c) else {
            continue;
        };
        let sum = top
            .iter()
            .filter_map(|&r| fig(r, c))
            .reduce(|a, b| a.plus(b));
        if sum.is_some_and(|s| found.meets(&s)) {
            score += 1;
        }
    }
    score
}
