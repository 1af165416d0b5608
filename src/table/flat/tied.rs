//! Rows whose readings the first choice left tied ([`super::choose_readings`]), fixed from
//! the table's own arithmetic in other places, as a revisor reads glued figures: a row's
//! split is fixed when one reading makes the relations through it hold in at least
//! [`MARGIN`] more (relation, column) pairs than any other reading does — each reading
//! scored with the best reading of one other tied row beside it, since two glued rows of a
//! result chain ("Rörelseresultat", "Resultat efter finansiella poster") are often read
//! right only together. The relations that fixed a split (named by the rows they state,
//! [`FixedSplit::by`]) are never its finding: where one of them fails in another column,
//! the check counts it not decided; a finding through the row can only come from another
//! relation, and says how the split was fixed. One relation in one column, or two
//! readings equally good, fix nothing: the row stays not decided (TAB001).

use super::{Choice, RowRoles, ScoredCache};
use crate::arith::Interval;
use crate::grammar::number::{format_decimal, Style};
use crate::grammar::vocab::Vocabulary;
use crate::table::{Ambiguity, FixedSplit, Row, RowKind};
use rust_decimal::Decimal;

/// How many (relation, column) pairs more the fixing reading must make hold than the next
/// best: one pair is one relation in one column, which a coincidence can make hold.
const MARGIN: i64 = 2;

/// The longest run of rows directly above a row that is tried as the parts of an
/// unlabeled total ("Nettoomsättning" under the rent lines it adds up).
const LONGEST_RUN: usize = 12;

/// Rows with more readings than this are not fixed, nor rows beside a tied row with more:
/// a split is fixed only when every reading of the rows that could explain it was scored.
const MOST_READINGS: usize = 256;

/// The cell visits the scorings of one table may take at most (a fortieth of the first
/// choice's, [`super::CHOICE_WORK`]): rows beyond it stay not decided.
const FIX_WORK: usize = super::CHOICE_WORK / 40;

/// A reading's score: the relation pairs through the row that hold, and the tied row
/// whose reading beside it made them hold (`None`: as the rows are now).
type Scored = (i64, Option<(usize, usize)>);

/// Fixes the tied rows whose split only one reading explains; returns how each was fixed.
/// The rows' cells are set to the fixing reading and their ambiguities dropped.
pub(super) fn fix_tied_readings(
    rows: &mut [Row],
    readings: &[Vec<Vec<Option<String>>>],
    ambiguities: &mut Vec<Ambiguity>,
    choice: Choice,
    vocab: &Vocabulary,
) -> Vec<FixedSplit> {
    if ambiguities.is_empty() {
        return Vec::new();
    }
    let mut roles = RowRoles::of(rows, vocab);
    roles.from_column = usize::from(choice.notes_first);
    let text = |i: usize, r: usize| -> Vec<String> {
        readings[i][r]
            .iter()
            .map(|c| c.clone().unwrap_or_default())
            .collect()
    };
    // Each tied row with the indices of its tied readings, in the order listed (the
    // first is the one its cells hold now).
    let mut tied: Vec<(usize, Vec<usize>)> = Vec::new();
    for a in ambiguities.iter() {
        let Some(of_row) = readings.get(a.row) else {
            continue;
        };
        // Too many to score: kept with no reading, so that no row beside it is fixed.
        if of_row.len() > MOST_READINGS {
            tied.push((a.row, Vec::new()));
            continue;
        }
        let idx: Option<Vec<usize>> = a
            .readings
            .iter()
            .map(|t| (0..of_row.len()).find(|&r| text(a.row, r) == *t))
            .collect();
        // Every reading of the row is scored, the one it holds now first: the tie was
        // found with the other tied rows as held, and another reading may do better beside
        // another reading of theirs.
        if let Some(held) = idx.filter(|i| i.len() >= 2).map(|i| i[0]) {
            let mut all: Vec<usize> = vec![held];
            all.extend((0..of_row.len()).filter(|&r| r != held));
            tied.push((a.row, all));
        }
    }
    let cells = rows.iter().map(|r| r.cells.len()).sum::<usize>().max(1) * roles.visits_per_cell();
    let mut budget = FIX_WORK / cells;
    let mut cache = ScoredCache::new(rows, readings, vocab, choice.tight);
    for (i, idx) in &tied {
        if let Some(&held) = idx.first() {
            cache.set(*i, held);
        }
    }
    let mut out = Vec::new();
    let mut settled: Vec<usize> = Vec::new();
    // Why each row scored was not fixed (the latest pass's reason).
    let mut unfixed: Vec<(usize, String)> = Vec::new();
    loop {
        let mut progress = false;
        for k in 0..tied.len() {
            let (i, ref idx) = tied[k];
            if settled.contains(&i) {
                continue;
            }
            // The other tied rows a relation through this one also reads (the rows directly
            // above it among them, for its own sum): only their readings can change what
            // holds through it.
            let partners: Vec<(usize, Vec<usize>)> = tied
                .iter()
                .filter(|(j, _)| *j != i && !settled.contains(j))
                .filter(|(j, _)| roles.read_together(i, *j) || (*j < i && i - *j <= LONGEST_RUN))
                .cloned()
                .collect();
            // Only when every reading of the row and of each other tied row is scored.
            if idx.is_empty() || partners.iter().any(|(_, t)| t.is_empty()) {
                continue;
            }
            let need = idx.len() * (1 + partners.iter().map(|(_, t)| t.len()).sum::<usize>());
            if need > budget {
                continue;
            }
            budget -= need;
            let mut varying = vec![false; rows.len()];
            varying[i] = true;
            let score = |cache: &mut ScoredCache, rows: &mut [Row]| -> i64 {
                cache.score(rows, &roles, choice.difference_column, &varying)
                    + own_run_sum(&cache.now, rows, i, roles.from_column)
            };
            let held = idx[0];
            let mut scored: Vec<Scored> = Vec::new();
            for &r in idx {
                cache.set(i, r);
                let mut top: Scored = (score(&mut cache, rows), None);
                for (j, tj) in &partners {
                    let was = cache.pick[*j];
                    for &s in tj {
                        cache.set(*j, s);
                        let sc = score(&mut cache, rows);
                        if sc > top.0 {
                            top = (sc, Some((*j, s)));
                        }
                    }
                    if let Some(w) = was {
                        cache.set(*j, w);
                    }
                }
                scored.push(top);
            }
            let best = scored.iter().map(|s| s.0).max().unwrap_or(0);
            let at_best: Vec<usize> = (0..idx.len()).filter(|&n| scored[n].0 == best).collect();
            let next = (0..idx.len())
                .filter(|&n| scored[n].0 < best)
                .map(|n| scored[n].0)
                .max()
                .unwrap_or(i64::MIN);
            let fmt = |d: i64| format_decimal(Decimal::from(d), Style::default());
            // The one reading under which the rows above add up to the row in a single
            // column, when only one does (said in the reason it stays not decided).
            let one_column = {
                let mut under: Vec<usize> = Vec::new();
                for &r in idx {
                    cache.set(i, r);
                    if own_run_columns(&cache.now, rows, i, roles.from_column) == 1 {
                        under.push(r);
                    }
                }
                cache.set(i, held);
                match under[..] {
                    [r] => Some(r),
                    _ => None,
                }
            };
            let [n] = at_best[..] else {
                cache.set(i, held);
                unfixed.retain(|(r, _)| *r != i);
                unfixed.push((
                    i,
                    if best == 0 && one_column.is_some() {
                        format!(
                            "only under the split {} do the rows above it add up to it, and in one column only: one relation in one column is too little to fix the split",
                            one_column.map(|r| text(i, r).join(" | ")).unwrap_or_default()
                        )
                    } else if best == 0 {
                        "no sum, difference or statement step of the table through it holds under any of its readings (percent columns are not weighed), so its own arithmetic does not fix the split".to_string()
                    } else {
                        format!(
                            "{} of its readings make as many of the table's relations through it hold ({} places each), so its own arithmetic does not fix the split",
                            fmt(at_best.len() as i64),
                            fmt(best)
                        )
                    },
                ));
                continue;
            };
            if best - next.max(0) < MARGIN {
                cache.set(i, held);
                unfixed.retain(|(r, _)| *r != i);
                unfixed.push((
                    i,
                    format!(
                        "the split {} makes only one more of the table's relations through it hold (one relation in one column) than the next best reading, too little to fix it",
                        text(i, idx[n]).join(" | ")
                    ),
                ));
                continue;
            }
            let r = idx[n];
            cache.set(i, r);
            let partner = scored[n].1;
            // Per relation (named by its target row), the columns it holds in with row
            // `i` read as `reading` and, in `context`, another tied row read as there.
            let counts = |cache: &mut ScoredCache,
                          rows: &[Row],
                          reading: usize,
                          context: Option<(usize, usize)>|
             -> Vec<(usize, usize)> {
                let was = context.and_then(|(j, s)| {
                    let was = cache.pick[j];
                    cache.set(j, s);
                    was
                });
                cache.set(i, reading);
                let mut out =
                    roles.targets_holding_through(&cache.now, i, choice.difference_column);
                let own = own_run_sum(&cache.now, rows, i, roles.from_column);
                if own > 0 {
                    out.retain(|(t, _)| *t != i);
                    out.push((i, own as usize));
                }
                if let (Some((j, _)), Some(w)) = (context, was) {
                    cache.set(j, w);
                }
                out
            };
            let under = counts(&mut cache, rows, r, partner);
            // For each relation, the fewest columns by which it holds in more under the
            // split than under another reading (each with the partner readings that
            // served either best).
            let mut lead: Vec<(usize, i64)> = under.iter().map(|&(t, _)| (t, i64::MAX)).collect();
            for (k, &other) in idx.iter().enumerate().filter(|(_, &o)| o != r) {
                let mut there: Vec<(usize, usize)> = Vec::new();
                for context in [None, partner, scored[k].1] {
                    for (t, c) in counts(&mut cache, rows, other, context) {
                        match there.iter_mut().find(|(x, _)| *x == t) {
                            Some(e) => e.1 = e.1.max(c),
                            None => there.push((t, c)),
                        }
                    }
                }
                for (&(t, c), l) in under.iter().zip(lead.iter_mut()) {
                    let c2 = there.iter().find(|(x, _)| *x == t).map_or(0, |e| e.1);
                    let gap = if c == usize::MAX {
                        i64::MAX
                    } else {
                        c as i64 - c2.min(c) as i64 - i64::from(c2 > c)
                    };
                    l.1 = l.1.min(gap);
                }
            }
            cache.set(i, r);
            // One relation holds in two columns or more under the split and in fewer under
            // every other reading: without one, the margin is made of single columns of
            // several relations, which coincidences can make.
            let decisive = under
                .iter()
                .zip(&lead)
                .any(|(&(_, c), &(_, l))| c != usize::MAX && c >= 2 && l >= 1);
            if !decisive {
                cache.set(i, held);
                unfixed.retain(|(x, _)| *x != i);
                unfixed.push((
                    i,
                    format!(
                        "the split {} makes more of the table's relations through it hold than any other reading, but no one relation in two columns or more that holds in fewer under every other reading, too little to fix it",
                        text(i, r).join(" | ")
                    ),
                ));
                continue;
            }
            // The relations that fixed the split, named by the rows they state: those that
            // hold in more columns under it than under some other reading (a relation
            // that holds alike under every reading chose nothing). Never a finding
            // through the row: counted not decided there.
            let mut by: Vec<usize> = under
                .iter()
                .zip(&lead)
                .filter(|(&(_, c), _)| c > 0)
                .map(|(&(t, _), _)| t)
                .collect();
            by.sort_unstable();
            let reading = text(i, r);
            let partner = partner.map(|(j, s)| {
                format!(
                    ", with \"{}\" read as {} beside it",
                    rows[j].label.trim(),
                    text(j, s).join(" | ")
                )
            });
            let names: Vec<String> = by
                .iter()
                .map(|&t| format!("\"{}\"", rows[t].label.trim()))
                .collect();
            let named = if names.is_empty() {
                String::new()
            } else {
                format!(" (those of {})", names.join(", "))
            };
            out.push(FixedSplit {
                row: i,
                how: format!(
                    "the split {} is the only one of the row's {} readings under which the table's relations through it{} hold in {} places (a relation in one column each), {} more than under any other{}",
                    reading.join(" | "),
                    fmt(idx.len() as i64),
                    named,
                    fmt(best),
                    fmt(best - next.max(0)),
                    partner.unwrap_or_default()
                ),
                reading,
                by,
            });
            settled.push(i);
            progress = true;
        }
        if !progress {
            break;
        }
    }
    // Every row's cells as its reading now: the fixed ones as fixed, the others as before.
    cache.sync(rows);
    ambiguities.retain(|a| !settled.contains(&a.row));
    for a in ambiguities.iter_mut() {
        a.unfixed = unfixed
            .iter()
            .find(|(r, _)| *r == a.row)
            .map(|(_, why)| why.clone());
    }
    out.sort_by_key(|f| f.row);
    out
}

/// [`own_run_columns`] when two or more: a sum in one column only fixes nothing.
fn own_run_sum(figs: &[Vec<Option<Interval>>], rows: &[Row], i: usize, from: usize) -> i64 {
    let n = own_run_columns(figs, rows, i, from);
    if n >= 2 {
        n
    } else {
        0
    }
}

/// In how many columns row `i` is the sum of the rows directly above it (two to
/// [`LONGEST_RUN`] data rows, the same run in every column): a total whose label does not
/// say so ("Nettoomsättning" under the rent lines it adds up). One column is counted
/// as none by [`own_run_sum`].
fn own_run_columns(figs: &[Vec<Option<Interval>>], rows: &[Row], i: usize, from: usize) -> i64 {
    // How many rows directly above are data rows: the longest run tried.
    let longest = (1..=i.min(LONGEST_RUN))
        .take_while(|&len| rows[i - len].kind == RowKind::Data)
        .last()
        .unwrap_or(0);
    if longest < 2 {
        return 0;
    }
    // Per run length, the columns it holds in; each column's sums built upwards once.
    let mut holding = vec![0i64; longest + 1];
    for (c, t) in figs[i].iter().enumerate().skip(from) {
        let Some(t) = t else {
            continue;
        };
        let mut sum: Option<Interval> = None;
        for len in 1..=longest {
            let Some(part) = figs[i - len].get(c).copied().flatten() else {
                break;
            };
            let s = sum.map_or(part, |s| s.plus(part));
            sum = Some(s);
            if len >= 2 && t.meets(&s) {
                holding[len] += 1;
            }
        }
    }
    holding.into_iter().max().unwrap_or(0)
}
