//! REL012: a row of yearly changes in percent ("Utveckling av nettokostnader, %") that is
//! not the change of its amount row from one year's column to the next.
//!
//! Key-figure tables ("Fem år i sammandrag", "Finansiella nyckeltal") print an amount for
//! each year and, in a row of its own, how much it grew. The row of changes is read only
//! where its label says so and names its amount (or stands right under it), and the
//! table's own arithmetic confirms the reading: the change holds in other columns.

use crate::arith::{compare, Comparison, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::view::{CellRef, TableView};
use crate::check::{Relation, TableCx};
use crate::grammar::number::{format_decimal, Style, Unit};
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: RuleCode::REL012,
    name: "change-row-mismatch",
    family: Family::Rel,
    severity: Severity::Error,
    summary: "A row of yearly changes in percent (\"Utveckling av nettokostnader, %\") that is \
not the change of its amount from the year before",
    explanation: "Key-figure tables (fem år i sammandrag, finansiella nyckeltal, \
nøkkeltall) print an amount per year in columns and, on a row of its own, its change from \
the year before in percent: \"Nettokostnader, mnkr 425 449 468\" over \"Utveckling av \
nettokostnader, % 4,0 5,5 4,6\". Each such figure is (this year − last year) / last year × \
100, of the amount as written (a cost written with a minus grows when its magnitude does).\n\n\
What is read. A row whose label names a change (utveckling, förändring, ökning, tillväxt, \
endring, vekst, ændring, udvikling, muutos, kasvu; \"Nettokostnadsutveckling\") in percent \
(\"%\", procent, or figures written with %), not in percentage points. Its amount row is the \
row of the same table whose label holds every word the change row names besides the change \
(\"Utveckling av skatteintäkter och generella statsbidrag\" over \"Skatteintäkter och \
generella statsbidrag, mnkr\"), or, where the change row names nothing else (\"Förändring \
%\"), the row right above it. Which column is the year before: from the column headers \
where each names one year, all different; else from the arithmetic — the order (left to \
right or right to left) under which the change holds in more columns.\n\nWhat is checked. \
Each column that has a year before it in the table: the change the two amounts allow, each \
± half a unit of its last digit, against the printed change ± half its unit. A column counts \
as holding only where the amounts pin the change down (their rounding moves it no more than \
ten times the printed figure's half unit).\n\nWhen it is an error. A column where the change \
fails while it holds in at least two other columns of the row (three where no header names \
the years) and fails in no other. Otherwise — the change failing in two or more columns \
(the row may be measured otherwise: in fixed prices, against the budget, excluding \
one-off items) or holding in too few — a failing column is information, \"not decided\", \
with the reason.\n\nExample: Nettokostnader 395 409 425 449 468 492, Utveckling av \
nettokostnader, % 2,8 3,4 4,0 5,5 4,6 5,1: from 449 to 468 is +4,23 % (4,00–4,46 % as the \
amounts are written), so 4,6 is reported; the change holds in the four other columns that \
have a year before them.",
    checks: &[Check::Relations(relations)],
};

/// Words that name a change (a word of the label, or the end of a compound:
/// "nettokostnadsutveckling").
const CHANGE_WORDS: &[&str] = &[
    "utveckling",
    "förändring",
    "ökning",
    "tillväxt",
    "endring",
    "vekst",
    "ændring",
    "udvikling",
    "stigning",
    "muutos",
    "kasvu",
];

/// Words of a change row's label that name no part of its amount.
const FILLER: &[&str] = &[
    "av",
    "i",
    "på",
    "från",
    "fra",
    "mot",
    "jämfört",
    "sammenlignet",
    "med",
    "föregående",
    "forrige",
    "år",
    "året",
    "årlig",
    "årligen",
    "per",
    "pr",
    "%",
    "procent",
    "prosent",
    "pct",
    "mnkr",
    "mkr",
    "tkr",
    "kr",
    "milj",
    "euroa",
    "%-",
    "the",
    "of",
    "og",
    "och",
];

/// Whether a label speaks of percentage points, not percent.
fn points(lower: &str) -> bool {
    [
        "procentenhet",
        "%-enhet",
        "prosentpoeng",
        "procentpoint",
        "%-yksik",
        "%-point",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

fn words(label: &str) -> Vec<String> {
    label
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '%' || c == '-'))
        .map(|w| w.trim_matches('-').to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The words a change row's label names its amount by, when the label names a change in
/// percent: empty for "Förändring %", `None` when the label names no change.
fn change_subject(view: &TableView, r: usize) -> Option<Vec<String>> {
    let label = view.label(r);
    let lower = label.to_lowercase();
    if points(&lower) {
        return None;
    }
    let percent_cells = (0..view.cols()).any(|c| {
        view.table.rows[r]
            .cells
            .get(c)
            .is_some_and(|cell| cell.unit == Unit::Percent)
    });
    let percent_label = lower.contains('%')
        || ["procent", "prosent", "pct"]
            .iter()
            .any(|w| lower.contains(w));
    if !(percent_label || percent_cells) {
        return None;
    }
    let mut named_change = false;
    let mut subject = Vec::new();
    for w in words(&label) {
        if CHANGE_WORDS.contains(&w.as_str()) {
            named_change = true;
            continue;
        }
        // A compound ending in a change word: its first part names the amount.
        if let Some(stem) = CHANGE_WORDS
            .iter()
            .find_map(|c| w.strip_suffix(c).filter(|s| s.chars().count() >= 4))
        {
            named_change = true;
            subject.push(stem.trim_end_matches('s').to_string());
            continue;
        }
        if FILLER.contains(&w.as_str()) || w.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        subject.push(w);
    }
    named_change.then_some(subject)
}

/// Whether two words are one word inflected ("nettokostnader" / "nettokostnad",
/// "skatteintäkternas" / "skatteintäkter").
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    common >= 5 && common + 3 >= shorter
}

/// Whether a row holds amounts (not a percentage, not a heading) in at least three columns.
fn amount_row(view: &TableView, r: usize) -> bool {
    if view.headings[r] || change_subject(view, r).is_some() {
        return false;
    }
    let lower = view.label(r).to_lowercase();
    if lower.contains('%') || lower.contains("procent") || lower.contains("prosent") {
        return false;
    }
    let figures = (0..view.cols())
        .filter(|&c| {
            view.figure(r, c).is_some()
                && view.table.rows[r]
                    .cells
                    .get(c)
                    .is_some_and(|cell| cell.unit != Unit::Percent)
        })
        .count();
    figures >= 3
}

/// The amount rows a change row may be the change of.
fn amount_rows(view: &TableView, r: usize, subject: &[String]) -> Vec<usize> {
    if subject.is_empty() {
        return if r > 0 && amount_row(view, r - 1) {
            vec![r - 1]
        } else {
            Vec::new()
        };
    }
    (0..view.rows())
        .filter(|&a| a != r && amount_row(view, a))
        .filter(|&a| {
            let label = words(&view.label(a));
            subject
                .iter()
                .all(|s| label.iter().any(|w| same_word(s, w)))
        })
        .collect()
}

/// The year a column's header names, when it names one.
fn header_year(view: &TableView, c: usize) -> Option<u32> {
    let h = view.header(c);
    let years: Vec<u32> = h
        .split(|ch: char| !ch.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .filter(|y| (1900..=2100).contains(y))
        .collect();
    match years[..] {
        [y] => Some(y),
        _ => None,
    }
}

/// For each column, the column of the year before it, as the table orders its years.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Order {
    /// From the headers' years.
    Named,
    LeftToRight,
    RightToLeft,
}

fn previous(view: &TableView, order: Order, c: usize) -> Option<usize> {
    match order {
        Order::Named => {
            let y = header_year(view, c)?;
            (0..view.cols()).find(|&d| header_year(view, d) == Some(y - 1))
        }
        Order::LeftToRight => c.checked_sub(1),
        Order::RightToLeft => (c + 1 < view.cols()).then_some(c + 1),
    }
}

/// One column of a change row, evaluated.
struct Eval {
    col: usize,
    before: usize,
    comparison: Comparison,
    tight: bool,
}

/// The change the amounts of row `a` allow from column `before` to column `c`, in percent;
/// `None` where an amount is missing, the base may be zero or the two differ in sign.
fn change(view: &TableView, a: usize, before: usize, c: usize) -> Option<Interval> {
    let (mut old, mut new) = (view.figure(a, before)?, view.figure(a, c)?);
    if old.lo <= Decimal::ZERO && old.hi >= Decimal::ZERO {
        return None;
    }
    if old.hi < Decimal::ZERO {
        // A cost written with a minus grows when its magnitude does.
        if new.hi > Decimal::ZERO {
            return None;
        }
        (old, new) = (old.negated(), new.negated());
    } else if new.lo < Decimal::ZERO {
        return None;
    }
    Some(new.minus(old).divided_by(old)?.scale(Decimal::ONE_HUNDRED))
}

fn evaluate(view: &TableView, r: usize, a: usize, order: Order) -> Vec<Eval> {
    (0..view.cols())
        .filter_map(|c| {
            let found = view.figure(r, c)?;
            let before = previous(view, order, c)?;
            let q = change(view, a, before, c)?;
            Some(Eval {
                col: c,
                before,
                comparison: compare(q, found),
                tight: q.slack() <= found.slack() * Decimal::TEN,
            })
        })
        .collect()
}

fn holding(evals: &[Eval]) -> usize {
    evals
        .iter()
        .filter(|e| e.comparison.holds && e.tight)
        .count()
}

fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    let view = &cx.view;
    if view.rows() < 2 || view.cols() < 3 {
        return;
    }
    let years: Vec<u32> = (0..view.cols())
        .filter(|&c| view.numeric(c))
        .filter_map(|c| header_year(view, c))
        .collect();
    let numeric = (0..view.cols()).filter(|&c| view.numeric(c)).count();
    let mut distinct = years.clone();
    distinct.sort_unstable();
    distinct.dedup();
    let orders: Vec<Order> = if years.len() == numeric && distinct.len() == years.len() {
        vec![Order::Named]
    } else if years.is_empty() {
        vec![Order::LeftToRight, Order::RightToLeft]
    } else {
        // Some columns name a year, some none or the same one (kommun and koncern side by
        // side): which column is the year before is not known.
        return;
    };
    let needed = if orders == [Order::Named] { 2 } else { 3 };
    for r in 0..view.rows() {
        if view.headings[r] || view.table.ambiguities.iter().any(|x| x.row == r) {
            continue;
        }
        let Some(subject) = change_subject(view, r) else {
            continue;
        };
        // Every (amount row, order) reading, with the columns it holds in.
        let mut readings: Vec<(usize, Order, Vec<Eval>)> = Vec::new();
        for a in amount_rows(view, r, &subject) {
            for &order in &orders {
                let evals = evaluate(view, r, a, order);
                if !evals.is_empty() {
                    readings.push((a, order, evals));
                }
            }
        }
        readings.sort_by_key(|(.., e)| std::cmp::Reverse(holding(e)));
        let Some((a, order, evals)) = readings.first() else {
            continue;
        };
        let best = holding(evals);
        // Two readings holding as often: which amount, or which order, is not known.
        if best == 0 || readings.get(1).is_some_and(|(.., e)| holding(e) == best) {
            continue;
        }
        let fails = evals.iter().filter(|e| !e.comparison.holds).count();
        let label = view.label(r);
        let amount = view.label(*a);
        let order_said = match order {
            Order::Named => "the headers' years",
            Order::LeftToRight => "the columns read left to right as the years go",
            Order::RightToLeft => "the columns read right to left as the years go",
        };
        for e in evals {
            let old = view.figure(*a, e.before).map(|i| i.nominal);
            let new = view.figure(*a, e.col).map(|i| i.nominal);
            let fmt = |d: Option<Decimal>| {
                d.map(|d| format_decimal(d, Style::default()))
                    .unwrap_or_default()
            };
            let others = best - usize::from(e.comparison.holds && e.tight);
            let column = |c: usize| {
                let h = view.column_name(c);
                if h.is_empty() {
                    format!("column {}", c + 1)
                } else {
                    format!("\"{h}\"")
                }
            };
            let message = format!(
                "\"{label}\" in {} is not the change of \"{amount}\" from {} ({} → {}, {} %); \
                 the change holds in {others} other columns ({order_said})",
                column(e.col),
                column(e.before),
                fmt(old),
                fmt(new),
                format_decimal(e.comparison.expected.round_dp(2), Style::default()),
            );
            let mut rel = Relation::new(
                &RULE,
                CellRef { row: r, col: e.col },
                vec![
                    CellRef {
                        row: *a,
                        col: e.before,
                    },
                    CellRef {
                        row: *a,
                        col: e.col,
                    },
                ],
                e.comparison,
                message,
            );
            if !e.comparison.holds {
                let why = if fails > 1 {
                    Some(format!(
                        "not decided: the change fails in {fails} columns of the row, so it may \
                         be measured otherwise (fixed prices, another base)"
                    ))
                } else if others < needed {
                    Some(format!(
                        "not decided: the change holds in only {others} other columns, too few \
                         to confirm how the row is computed"
                    ))
                } else {
                    None
                };
                if let Some(why) = why {
                    rel.severity = Severity::Info;
                    rel.message = format!("{why} ({})", rel.message);
                }
            }
            out.push(rel);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::vocab::Vocabulary;

    fn relations_of(text: &str) -> Vec<(bool, Severity, usize, usize)> {
        let vocab = Vocabulary::builtin_shared();
        let table = crate::table::extract_text(text, vocab)
            .into_iter()
            .next()
            .expect("a table");
        let cx = TableCx::new(0, &table, vocab);
        let mut out = Vec::new();
        relations(&cx, &mut out);
        out.iter()
            .map(|r| (r.comparison.holds, r.severity, r.target.row, r.target.col))
            .collect()
    }

    #[test]
    fn a_change_row_named_after_its_amount_is_checked_by_the_headers_years() {
        let text = "Nyckeltal\t2013\t2014\t2015\t2016\t2017\n\
                    Nettokostnader, mnkr\t409\t425\t449\t468\t492\n\
                    Utveckling av nettokostnader, %\t3,4\t4,0\t5,5\t4,6\t5,1\n";
        let rels = relations_of(text);
        assert_eq!(rels.len(), 4, "{rels:?}");
        let failing: Vec<_> = rels.iter().filter(|r| !r.0).collect();
        assert_eq!(failing, [&(false, Severity::Error, 1, 3)]);
    }

    #[test]
    fn without_years_the_order_comes_from_the_arithmetic() {
        let text = "Nyckeltal\t\t\t\t\t\n\
                    Skatteintäkter och generella statsbidrag, mnkr\t505\t482\t458\t439\t424\n\
                    Skatteintäkternas utveckling, %\t4,8\t5,2\t4,3\t3,6\t3,5\n";
        let rels = relations_of(text);
        assert_eq!(rels.len(), 4, "{rels:?}");
        assert!(rels.iter().all(|r| r.0), "{rels:?}");
    }

    #[test]
    fn a_row_failing_in_two_columns_is_not_decided() {
        let text = "Nyckeltal\t2013\t2014\t2015\t2016\t2017\n\
                    Nettokostnader, mnkr\t409\t425\t449\t468\t492\n\
                    Förändring %\t3,4\t4,0\t7,5\t4,6\t5,1\n";
        let rels = relations_of(text);
        assert!(
            rels.iter().filter(|r| !r.0).all(|r| r.1 == Severity::Info),
            "{rels:?}"
        );
        assert_eq!(rels.iter().filter(|r| !r.0).count(), 2);
    }

    #[test]
    fn points_and_rows_naming_no_change_are_not_read() {
        let text = "Nyckeltal\t2013\t2014\t2015\t2016\n\
                    Soliditet, %\t40\t41\t43\t44\n\
                    Förändring soliditet, procentenheter\t1\t1\t2\t1\n\
                    Skattesats, %\t22,1\t22,1\t22,3\t22,3\n";
        assert!(relations_of(text).is_empty());
    }
}
