//! REL013: a column that is one column of its row divided by another (an amount per
//! household, per pupil, per m²) on most rows, and not on these.

use super::columns::three_digits;
use crate::arith::{compare, Comparison, Interval};
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
amount ÷ the count × a power of ten (tkr to kr: × 1 000). A table with a row per measure \
and a column per year (\"Biståndshushåll\", \"Biståndstagare\", \"Genomsnittlig \
hushållsstorlek\" over 1995 … 2017) states it between rows, read the same way with rows and \
columns swapped.\n\nWhat is read. The relation is \
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

/// Which way the table states its quotient: columns over the rows (a column per measure,
/// a row per kommun), or rows over the columns (a row per measure, a column per year).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Axis {
    Columns,
    Rows,
}

/// The table read along one axis: lines (the columns, or the rows) and the places along
/// them (the rows, or the columns).
struct Lines<'v, 'a> {
    view: &'v TableView<'a>,
    axis: Axis,
}

impl Lines<'_, '_> {
    fn lines(&self) -> usize {
        match self.axis {
            Axis::Columns => self.view.cols(),
            Axis::Rows => self.view.rows(),
        }
    }

    fn places(&self) -> usize {
        match self.axis {
            Axis::Columns => self.view.rows(),
            Axis::Rows => self.view.cols(),
        }
    }

    fn cell(&self, line: usize, place: usize) -> CellRef {
        match self.axis {
            Axis::Columns => CellRef {
                row: place,
                col: line,
            },
            Axis::Rows => CellRef {
                row: line,
                col: place,
            },
        }
    }

    fn figure(&self, line: usize, place: usize) -> Option<Interval> {
        let c = self.cell(line, place);
        self.view.figure(c.row, c.col)
    }

    fn ambiguous(&self, line: usize, place: usize) -> bool {
        let row = self.cell(line, place).row;
        self.view.table.ambiguities.iter().any(|a| a.row == row)
    }

    /// A line of amounts or counts: no text or percent column, no percent row.
    fn eligible(&self, line: usize) -> bool {
        let v = self.view;
        match self.axis {
            Axis::Columns => {
                v.numeric(line) && !matches!(v.kinds[line], ColumnKind::Text | ColumnKind::Percent)
            }
            Axis::Rows => {
                !v.headings[line]
                    && !v.label(line).contains('%')
                    && (0..v.cols()).all(|c| {
                        v.kinds[c] != ColumnKind::Percent && v.kinds[c] != ColumnKind::Text
                    })
            }
        }
    }

    fn name(&self, line: usize) -> String {
        let n = match self.axis {
            Axis::Columns => self.view.header(line),
            Axis::Rows => self.view.label(line),
        };
        let n = n.trim().to_string();
        match (n.is_empty(), self.axis) {
            (true, Axis::Columns) => format!("column {}", line + 1),
            (true, Axis::Rows) => format!("row {}", line + 1),
            (false, _) => format!("\"{n}\""),
        }
    }

    /// The place's name in a finding: the row's label, or the column's header.
    fn place_name(&self, place: usize) -> String {
        let n = match self.axis {
            Axis::Columns => self.view.label(place),
            Axis::Rows => self.view.header(place),
        };
        let n = n.trim().to_string();
        match (n.is_empty(), self.axis) {
            (true, Axis::Columns) => "row (unlabeled)".to_string(),
            (true, Axis::Rows) => format!("column {}", place + 1),
            (false, Axis::Columns) => format!("row \"{n}\""),
            (false, Axis::Rows) => format!("column \"{n}\""),
        }
    }

    /// Whether the line's name says it is per something.
    fn says_per(&self, line: usize) -> bool {
        let h = self.name(line).to_lowercase();
        h.contains('/')
            || h.split(|ch: char| !ch.is_alphanumeric()).any(|w| {
                [
                    "per",
                    "pr",
                    "snitt",
                    "genomsnitt",
                    "genomsnittlig",
                    "gjennomsnitt",
                    "gennemsnit",
                    "medel",
                ]
                .contains(&w)
            })
    }
}

/// A candidate: `target` = `amount` / `count` × 10^`power`, three lines of one axis.
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

/// The comparison at `place`, when its three figures are written and positive.
fn eval(l: &Lines, place: usize, q: &Quotient) -> Option<Comparison> {
    let (a, b, c) = (
        l.figure(q.amount, place)?,
        l.figure(q.count, place)?,
        l.figure(q.target, place)?,
    );
    if [a, b, c].iter().any(|v| v.nominal <= Decimal::ZERO) {
        return None;
    }
    let expected = a.divided_by(b)?.scale(ten_to(q.power));
    Some(compare(expected, c))
}

/// Per line and place, the figure as f64 where the place tells for that line: read
/// unambiguously, positive, of three significant digits. f64 finds the power of ten only;
/// the check itself is in decimal intervals.
fn telling_values(l: &Lines, lines: &[usize]) -> Vec<Vec<Option<f64>>> {
    let mut out = vec![Vec::new(); l.lines()];
    for &line in lines {
        out[line] = (0..l.places())
            .map(|place| {
                let v = l.figure(line, place)?;
                let ok = !l.ambiguous(line, place)
                    && v.nominal > Decimal::ZERO
                    && three_digits(v.nominal);
                ok.then(|| v.nominal.to_f64()).flatten()
            })
            .collect();
    }
    out
}

/// The power of ten that most telling places give the ratio target / (amount / count),
/// when the ratio there is that power within 2 %.
fn power_of(
    values: &[Vec<Option<f64>>],
    target: usize,
    amount: usize,
    count: usize,
) -> Option<i32> {
    let mut votes: Vec<(i32, usize)> = Vec::new();
    let at = values[amount]
        .iter()
        .zip(&values[count])
        .zip(&values[target]);
    for ((a, b), c) in at {
        let (Some(a), Some(b), Some(c)) = (a, b, c) else {
            continue;
        };
        let exp = (c * b / a).log10();
        let k = exp.round();
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

type Found = (Quotient, Vec<(usize, Comparison)>);

/// The quotients the table's arithmetic states along `l`, one per set of three lines.
fn quotients(l: &Lines) -> Vec<Found> {
    if l.places() < TELLING_ROWS {
        return Vec::new();
    }
    let lines: Vec<usize> = (0..l.lines()).filter(|&k| l.eligible(k)).collect();
    if lines.len() < 3 || lines.len() > 40 {
        return Vec::new();
    }
    // A line telling at fewer places than the quotient needs takes part in none.
    let values = telling_values(l, &lines);
    let lines: Vec<usize> = lines
        .into_iter()
        .filter(|&k| values[k].iter().flatten().count() >= TELLING_ROWS)
        .collect();
    let mut found: Vec<Found> = Vec::new();
    for &target in &lines {
        for &amount in &lines {
            for &count in &lines {
                if target == amount || target == count || amount == count {
                    continue;
                }
                let Some(power) = power_of(&values, target, amount, count) else {
                    continue;
                };
                let q = Quotient {
                    target,
                    amount,
                    count,
                    power,
                };
                let places: Vec<(usize, Comparison)> = (0..l.places())
                    .filter_map(|p| eval(l, p, &q).map(|c| (p, c)))
                    .collect();
                let holding = places.iter().filter(|(_, c)| c.holds).count();
                let telling_holds = places
                    .iter()
                    .filter(|&&(p, c)| {
                        c.holds
                            && [target, amount, count]
                                .iter()
                                .all(|&k| values[k][p].is_some())
                    })
                    .count();
                if telling_holds >= TELLING_ROWS && holding * 5 >= places.len() * 4 {
                    found.push((q, places));
                }
            }
        }
    }
    // One relation per set of three lines: the target whose name says per, else the
    // last.
    let mut out: Vec<Found> = Vec::new();
    let mut sets: Vec<BTreeSet<usize>> = Vec::new();
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse((l.says_per(found[i].0.target), found[i].0.target)));
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

fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    for axis in [Axis::Columns, Axis::Rows] {
        let l = Lines {
            view: &cx.view,
            axis,
        };
        for (q, places) in quotients(&l) {
            let holding = places.iter().filter(|(_, c)| c.holds).count();
            let formula = format!(
                "{} / {}{}",
                l.name(q.amount),
                l.name(q.count),
                if q.power == 0 {
                    String::new()
                } else {
                    format!(" × {}", ten_to(q.power).normalize())
                }
            );
            let along = match axis {
                Axis::Columns => "rows",
                Axis::Rows => "columns",
            };
            for &(p, cmp) in &places {
                let others = holding - usize::from(cmp.holds);
                let mut message = format!(
                    "{} is not {formula} in {}; the same quotient holds in {others} other {along}",
                    l.name(q.target),
                    l.place_name(p),
                );
                let mut rel = Relation::new(
                    &RULE,
                    l.cell(q.target, p),
                    vec![l.cell(q.amount, p), l.cell(q.count, p)],
                    cmp,
                    String::new(),
                );
                if !cmp.holds
                    && [q.target, q.amount, q.count]
                        .iter()
                        .any(|&k| l.ambiguous(k, p))
                {
                    rel.severity = Severity::Info;
                    message = format!(
                        "not decided: a row's digit groups split into cells more than one way, and it is read by placement only ({message})"
                    );
                }
                rel.message = message;
                out.push(rel);
            }
        }
    }
}
