//! The relations of a financial statement (resultaträkning, balansräkning,
//! kassaflödesanalys) as the
//! table stage uses them: to choose among the readings of flat rows, by how many hold.
//! The lines are found by their labels (`grammars/statements.vocab`); the checks in
//! `check::rules::rel::statement` state the same relations and report them.

use super::arith::figure;
use super::{Row, RowKind};
use crate::grammar::statement::{is_part_of, role};
use crate::grammar::vocab::Vocabulary;

/// Each relation: the target row and the rows whose figures add up to it.
pub(crate) struct Steps {
    steps: Vec<(usize, Vec<usize>)>,
}

impl Steps {
    /// The relations the rows' labels state (labels do not change between readings).
    pub(crate) fn of(rows: &[Row], v: &Vocabulary) -> Steps {
        let roles: Vec<Option<&'static str>> = rows.iter().map(|r| role(v, &r.label)).collect();
        let plain = |r: usize| !is_part_of(v, &rows[r].label) && rows[r].kind != RowKind::Heading;
        let is = |r: usize, k: &str| roles[r] == Some(k);
        let n = rows.len();
        let mut steps = Vec::new();
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
            }
        }
        steps.retain(|(_, parts)| !parts.is_empty());
        Steps { steps }
    }

    /// How many (relation, column) pairs hold with the rows' current cells, from column
    /// `from` on.
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
        score
    }
}
