//! SUM004: a row "<X> netto" that is not the row "<X>" above it plus the rows between.

use super::sign;
use crate::arith::{compare, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::view::{CellRef, TableView};
use crate::check::{Relation, TableCx};

pub const RULE: Rule = Rule {
    code: RuleCode::SUM004,
    name: "net-row-mismatch",
    family: Family::Sum,
    severity: Severity::Error,
    summary: "A row \"<X> netto\" differs from the row \"<X>\" above it plus the rows between",
    explanation:
        "A five-year table or a note often lists a gross amount, what is taken off it and \
the net: \"Hyresintäkter\", \"Vakanser\", \"Rabatter\", \"Hyresintäkter netto\". justera reads a \
row whose label is another row's label followed by \"netto\" (a unit after a comma aside: \
\"Hyresintäkter netto, mnkr\" under \"Hyresintäkter, mnkr\") as that row plus every row between \
them, each a labeled row of figures (no total, heading or \"varav\" row), column by column, with \
the deductions written with their minus. Every figure stands for the interval its rounding \
allows, so n rounded figures may miss by up to (n+1)/2 units. A column where the net differs \
beyond that is reported only when the same relation holds in at least two other columns and in \
most of them; otherwise it is not decided (info), since the rows between may not all be \
deductions. When flipping the sign of one figure alone (the net or one of its parts) makes the \
relation hold, and that row has the other sign in at least two of the columns where the relation \
holds and this sign in none, the finding names the sign as the likely misprint. Example: \
Hyresintäkter 1 127,4, Vakanser −19,2, Rabatter −4,8 give 1 103,4; printed Hyresintäkter netto \
−1 103,4, while the net is positive and the relation holds in the four other years.",
    checks: &[Check::Relations(relations)],
};

/// The label's words in lower case without a unit written after a comma ("Hyresintäkter
/// netto, mnkr" → ["hyresintäkter", "netto"], "mnkr").
fn words_and_unit(view: &TableView, r: usize) -> (Vec<String>, Option<String>) {
    let label = view.label(r).to_lowercase();
    let (head, unit) = match label.rsplit_once(',') {
        Some((head, tail))
            if view
                .vocab
                .unit_words()
                .iter()
                .any(|(u, _)| u == tail.trim()) =>
        {
            (head.to_string(), Some(tail.trim().to_string()))
        }
        _ => (label, None),
    };
    let words = head
        .split(|ch: char| ch.is_whitespace() || ch == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    (words, unit)
}

/// The net rows of the table: (net row, the row it nets, the rows between).
pub fn nets(view: &TableView) -> Vec<(usize, usize, Vec<usize>)> {
    let mut out = Vec::new();
    for t in 0..view.rows() {
        if view.totals[t] || view.headings[t] {
            continue;
        }
        let (words, unit) = words_and_unit(view, t);
        let Some((last, stem)) = words.split_last() else {
            continue;
        };
        if last != "netto" || stem.is_empty() {
            continue;
        }
        let Some(s) = (0..t).rev().find(|&s| {
            let (w, u) = words_and_unit(view, s);
            w == stem && u == unit
        }) else {
            continue;
        };
        let between: Vec<usize> = (s + 1..t).collect();
        let plain = |r: usize| {
            view.is_data(r)
                && view
                    .label(r)
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
        };
        if between.is_empty() || !plain(s) || !between.iter().all(|&r| plain(r)) {
            continue;
        }
        out.push((t, s, between));
    }
    out
}

fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    let view = &cx.view;
    for (t, s, between) in nets(view) {
        let parts: Vec<usize> = std::iter::once(s).chain(between.iter().copied()).collect();
        let mut compared = Vec::new();
        for c in (0..view.cols()).filter(|&c| view.numeric(c)) {
            let (Some(found), Some(_)) = (view.figure(t, c), view.figure(s, c)) else {
                continue;
            };
            let Some(values) = parts
                .iter()
                .map(|&r| view.part(r, c))
                .collect::<Option<Vec<_>>>()
            else {
                continue;
            };
            compared.push((c, compare(Interval::sum(values), found)));
        }
        let holding: Vec<usize> = compared
            .iter()
            .filter(|(_, x)| x.holds)
            .map(|(c, _)| *c)
            .collect();
        // A reading that holds nowhere is not the record's relation.
        if holding.is_empty() {
            continue;
        }
        let signed: Vec<(usize, bool)> = parts.iter().map(|&r| (r, false)).collect();
        for &(c, comparison) in &compared {
            let others = holding.iter().filter(|&&h| h != c).count();
            let mut message = format!(
                "\"{}\" is not \"{}\" plus the rows between in column \"{}\"",
                view.label(t).trim(),
                view.label(s).trim(),
                view.column_name(c)
            );
            // Decided where the relation holds in two other columns and in most of them.
            let decided = others >= 2 && 2 * others > compared.len() - 1;
            let undecided = !(comparison.holds || decided);
            if !comparison.holds && !undecided {
                if let Some(m) = sign::misprinted_sign(view, t, &signed, c, &holding) {
                    message.push_str("; ");
                    message.push_str(&m.why(view));
                }
            }
            message.push_str(&format!(
                "; the same relation holds in {others} other column{}",
                if others == 1 { "" } else { "s" }
            ));
            let inputs: Vec<CellRef> = parts.iter().map(|&row| CellRef { row, col: c }).collect();
            let mut rel = Relation::new(
                &RULE,
                CellRef { row: t, col: c },
                inputs,
                comparison,
                message,
            );
            rel.weights = vec![1; rel.inputs.len()];
            if undecided {
                rel.severity = Severity::Info;
                rel.message = format!(
                    "not decided: the relation holds in too few other columns, so the rows between may not all be deductions ({})",
                    rel.message
                );
            }
            out.push(rel);
        }
    }
}
