//! REL003: a result row (Resultat = Kommunbidrag − Summa) that fails in some columns.

use crate::arith::{compare, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::view::{label_measure, CellRef, ColumnKind, TableView};
use crate::check::{Relation, TableCx};

pub const RULE: Rule = Rule {
    code: RuleCode::REL003,
    name: "result-row-mismatch",
    family: Family::Rel,
    severity: Severity::Error,
    summary:
        "A result row (Resultat, Avvikelse, Differens) is not the sum or difference of two rows",
    explanation: "A row labeled \"Resultat\", \"Årets resultat\", \"Avvikelse\", \"Differens\", \
\"Netto\", \"Över-/underskott\" or with a budget balance (\"Saldo\", \"Budgetsaldo\", \
\"Budgetens saldo\", and their Nordic forms \"Brutto driftsresultat\", \"Driftsresultat\", \
\"Regnskapsmessig mer-/mindreforbruk\", \"Overskud\", \"Yli-/alijäämä\"; the words are \
totals.vocab's `difference_row`) states in every column the sum or difference of two other \
rows (Resultat = Kommunbidrag − Summa, Budgetsaldo = Totala inkomster − Totala utgifter, \
Brutto driftsresultat = Sum driftsinntekter − Sum driftsutgifter, or Summa nettokostnader + \
Kommunbidrag when costs and contributions carry opposite signs). A balance carried between periods (\"Ingående saldo\", \
\"Saldo UB\") is the balance rules' and no result row. justera finds the pair of rows by the columns where the \
relation holds (in two columns at least, and in more than it fails) and reports the columns \
where it fails beyond rounding. A row named for the difference of the two rows directly above \
it (row_definitions.vocab: \"Orealiserade vinster\" under \"Bokfört värde\" and \
\"Marknadsvärde\", whose difference the name defines) takes its pair from the labels instead, \
and is checked once the difference holds in one column, which shows the columns read as the \
record means them. A row that is blank or \
zero in every column where the relation holds is not shown by them to enter it: a column where \
it has a figure is then not decided (info). A failing column headed as deviations from budget (\"Avvik\", \"Afvigelse\", \
\"Avvikelse\"; column_relations.vocab's `deviation`) is not decided: such a column often \
signs each row better or worse than budget (a cost under budget positive), so its result \
row is then the sum where the other columns take the difference. Nor is a failure through a \
row whose digit groups split into cells more than one way (TAB001). A failing column in a \
list of key figures is not decided either (\"Fem år i sammandrag\": rows in \
mkr, %, kr per invånare and counts in one table): the pair is then picked from lines the \
list shows, while the result may take lines it does not (finansnetto beside skatteintäkter \
and nettokostnader).",
    checks: &[Check::Relations(relations)],
};

pub fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    let view = &cx.view;
    // Percent columns ("Afvigelse i %") hold a ratio per row: ratios are neither added
    // nor subtracted, so a result row states nothing there.
    let cols: Vec<usize> = (0..view.cols())
        .filter(|&c| view.numeric(c) && view.kinds[c] != ColumnKind::Percent)
        .collect();
    // In a financial statement the statement rules state the table's arithmetic; a
    // result found here among its lines would only restate one of theirs rearranged.
    let statement = cx.statement();
    let in_statement: Vec<usize> = statement
        .steps
        .iter()
        .flat_map(|s| std::iter::once(s.target).chain(s.parts.iter().map(|p| p.0)))
        .chain(statement.claimed.iter().copied())
        .collect();
    for t in 0..view.rows() {
        if in_statement.contains(&t) {
            continue;
        }
        let defined = defined_pair(view, t);
        if defined.is_none() && !view.vocab.is_difference_row_label(&view.label(t)) {
            continue;
        }
        // A named difference is read in every column of figures where none of its three
        // cells is a percentage: a pension table's amount rows stand above rows of ratios
        // that make its columns percent columns.
        let named_cols: Vec<usize>;
        let cols: &[usize] = match defined {
            Some((a, b)) => {
                let percent = |r: usize, c: usize| {
                    view.table.rows[r]
                        .cells
                        .get(c)
                        .is_some_and(|cell| cell.unit == crate::grammar::number::Unit::Percent)
                };
                named_cols = (0..view.cols())
                    .filter(|&c| view.numeric(c) && ![t, a, b].iter().any(|&r| percent(r, c)))
                    .collect();
                &named_cols
            }
            None => &cols,
        };
        let others: Vec<usize> = (0..view.rows())
            .filter(|&r| r != t && !view.headings[r])
            .collect();
        // (holds, fails, a, b, sign of b)
        let mut best: Option<(usize, usize, usize, usize, i8)> = None;
        // A row named for the difference of the two rows above it states that one: the
        // columns need only show the reading right, by the relation holding in one.
        if let Some((a, b)) = defined {
            let (mut holds, mut fails) = (0, 0);
            for &c in cols {
                match eval(view, t, a, b, -1, c).map(|x| x.0) {
                    Some(true) => holds += 1,
                    Some(false) => fails += 1,
                    None => {}
                }
            }
            if holds >= 1 {
                best = Some((holds, fails, a, b, -1));
            }
        }
        for (i, &a) in others.iter().enumerate().filter(|_| defined.is_none()) {
            for &b in &others[i + 1..] {
                for sign in [1i8, -1, 2] {
                    let (mut holds, mut fails) = (0, 0);
                    for &c in cols {
                        if let Some(ok) = eval(view, t, a, b, sign, c).map(|x| x.0) {
                            if ok {
                                holds += 1
                            } else {
                                fails += 1
                            }
                        }
                    }
                    if holds >= 2
                        && holds > fails
                        && best.is_none_or(|(h, f, ..)| {
                            (holds, usize::MAX - fails) > (h, usize::MAX - f)
                        })
                    {
                        best = Some((holds, fails, a, b, sign));
                    }
                }
            }
        }
        let Some((_, _, a, b, sign)) = best else {
            continue;
        };
        let (la, lb) = (view.label(a), view.label(b));
        let formula = match sign {
            1 => format!("{la} + {lb}"),
            -1 => format!("{la} − {lb}"),
            _ => format!("{lb} − {la}"),
        };
        let holding: Vec<usize> = cols
            .iter()
            .copied()
            .filter(|&c| eval(view, t, a, b, sign, c).is_some_and(|x| x.0))
            .collect();
        // The pair is found by the columns where the relation holds; a row that is blank
        // or zero in every one of them plays no part there, so those columns show only
        // the other row's relation to the result: whether the silent row enters it, and
        // with which sign, is not known, and a column where it has a figure is not
        // decided by them.
        let nonzero = |r: usize, c: usize| view.figure(r, c).is_some_and(|v| !v.nominal.is_zero());
        let silent: Vec<usize> = [a, b]
            .into_iter()
            .filter(|&r| !holding.iter().any(|&c| nonzero(r, c)))
            .collect();
        let key_figures = key_figure_measures(view);
        // A row whose digit groups split into cells more than one way (TAB001) was
        // placed by one reading only: a failure through it may be that reading's.
        let placed = [t, a, b]
            .into_iter()
            .find(|&r| view.table.ambiguities.iter().any(|x| x.row == r));
        for &c in cols {
            let Some((_, cmp)) = eval(view, t, a, b, sign, c) else {
                continue;
            };
            let elsewhere = holding.iter().filter(|&&h| h != c).count();
            let message = format!(
                "\"{}\" is not {formula} in column \"{}\"; the same relation holds in {elsewhere} other column{}",
                view.label(t),
                view.header(c),
                if elsewhere == 1 { "" } else { "s" }
            );
            let inputs = vec![CellRef { row: a, col: c }, CellRef { row: b, col: c }];
            let mut rel = Relation::new(&RULE, CellRef { row: t, col: c }, inputs, cmp, message);
            // Where the silent row is blank or zero here too, the column says what the
            // holding ones do and is decided by them.
            let silent_here: Vec<String> = silent
                .iter()
                .filter(|&&r| nonzero(r, c))
                .map(|&r| format!("\"{}\"", view.label(r)))
                .collect();
            if !silent_here.is_empty() {
                rel.severity = Severity::Info;
                rel.message = format!(
                    "not decided: {} {} blank or zero in every column where the relation \
                     holds, so whether it enters the result, and with which sign, is not \
                     known ({})",
                    silent_here.join(" and "),
                    if silent_here.len() == 1 { "is" } else { "are" },
                    rel.message
                );
            } else if let Some(r) = placed.filter(|_| !rel.comparison.holds) {
                rel.severity = Severity::Info;
                rel.message = format!(
                    "not decided: the row \"{}\" could not be read unambiguously (TAB001) ({})",
                    view.label(r),
                    rel.message
                );
            } else if !rel.comparison.holds && deviation_column(view, c) {
                rel.severity = Severity::Info;
                rel.message = format!(
                    "not decided: column \"{}\" holds deviations from budget, which may be \
                     signed better or worse than budget row by row rather than as one \
                     difference, so a result row need not add up there ({})",
                    view.header(c),
                    rel.message
                );
            } else if !rel.comparison.holds && key_figures.len() >= 3 {
                rel.severity = Severity::Info;
                rel.message = format!(
                    "not decided: the table lists key figures of {} measures ({}), so the \
                     result may take lines it does not show ({})",
                    key_figures.len(),
                    key_figures.join(", "),
                    rel.message
                );
            } else if !rel.comparison.holds {
                if let Some(x) = silent_term(view, &others, (t, a, b, sign), &holding, c) {
                    rel.severity = Severity::Info;
                    rel.message = format!(
                        "not decided: the relation holds only in columns where the row \"{}\" is 0 or empty, so the result may take that row too ({})",
                        view.label(x),
                        rel.message
                    );
                }
            }
            out.push(rel);
        }
    }
}

/// The rows a row's label names it the difference of (row_definitions.vocab: a
/// `<stem>_difference` label directly under the two rows labeled `<stem>_minuend` and
/// `<stem>_subtrahend`, in either order, neither a heading): (minuend, subtrahend).
fn defined_pair(view: &TableView, t: usize) -> Option<(usize, usize)> {
    const LIST: &str = "row_definitions";
    let key = |r: usize| -> Option<&str> {
        let label = view.label(r);
        let label = label.trim().trim_end_matches(':').trim_end();
        view.vocab.lookup(LIST, label)
    };
    let stem = key(t)?.strip_suffix("_difference")?;
    let (above, next) = (t.checked_sub(2)?, t - 1);
    if view.headings[above] || view.headings[next] {
        return None;
    }
    let (minuend, subtrahend) = (format!("{stem}_minuend"), format!("{stem}_subtrahend"));
    match (key(above)?, key(next)?) {
        (a, b) if a == minuend && b == subtrahend => Some((above, next)),
        (a, b) if a == subtrahend && b == minuend => Some((next, above)),
        _ => None,
    }
}

/// Whether column `c`'s header names deviations from budget (column_relations.vocab's
/// `deviation`).
fn deviation_column(view: &TableView, c: usize) -> bool {
    let header = view.header(c).to_lowercase();
    let words: Vec<&str> = header
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    crate::check::view::header_states(view.vocab, &words, "deviation")
}

/// The measures the table's row labels name (mnkr, percent, a count, …), each once: three
/// or more make the table a list of key figures rather than a statement.
fn key_figure_measures<'v>(view: &TableView<'v>) -> Vec<&'v str> {
    let mut measures: Vec<&str> = (0..view.rows())
        .filter(|&r| !view.headings[r])
        .filter_map(|r| label_measure(view.vocab, &view.label(r)))
        .collect();
    measures.sort_unstable();
    measures.dedup();
    measures
}

/// A row other than the pair that has a figure other than 0 in the failing column `c`,
/// is 0 or empty in every column where the relation holds, and with which, added or
/// subtracted, the relation holds in `c` too: those columns cannot tell whether the
/// result takes it ("Netto = Brutto + Finans + Motpost avskrivninger", with Motpost 0 in
/// the budget columns), so the failure is not decided.
fn silent_term(
    view: &TableView,
    others: &[usize],
    (t, a, b, sign): (usize, usize, usize, i8),
    holding: &[usize],
    c: usize,
) -> Option<usize> {
    let found = view.figure(t, c)?;
    let expected = expected_in(view, a, b, sign, c)?;
    others.iter().copied().find(|&x| {
        x != a
            && x != b
            && view.figure(x, c).is_some_and(|f| {
                !f.nominal.is_zero()
                    && (compare(expected.plus(f), found).holds
                        || compare(expected.minus(f), found).holds)
            })
            && holding
                .iter()
                .all(|&h| view.figure(x, h).is_none_or(|f| f.nominal.is_zero()))
    })
}

/// a + b (sign 1), a − b (sign −1) or b − a (sign 2) in column c.
fn expected_in(view: &TableView, a: usize, b: usize, sign: i8, c: usize) -> Option<Interval> {
    let (va, vb) = (view.figure(a, c)?, view.part(b, c)?);
    Some(match sign {
        1 => va.plus(vb),
        -1 => va.minus(vb),
        _ => vb.minus(va),
    })
}

/// Evaluates target = a + b (sign 1), a − b (sign −1) or b − a (sign 2) in column c,
/// when the target is written and both parts are figures, not all zero.
fn eval(
    view: &TableView,
    t: usize,
    a: usize,
    b: usize,
    sign: i8,
    c: usize,
) -> Option<(bool, crate::arith::Comparison)> {
    let found = view.figure(t, c)?;
    let (va, vb) = (view.figure(a, c)?, view.part(b, c)?);
    let expected = expected_in(view, a, b, sign, c)?;
    if va.nominal.is_zero() && vb.nominal.is_zero() && found.nominal.is_zero() {
        return None;
    }
    let cmp = compare(expected, found);
    Some((cmp.holds, cmp))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::vocab::Vocabulary;

    /// REL003's relations over the first table of `text`: (row, column, holds).
    fn checked(text: &str) -> Vec<(usize, usize, bool)> {
        let vocab = Vocabulary::builtin_shared();
        let table = crate::table::extract_text(text, vocab)
            .into_iter()
            .next()
            .expect("a table");
        let cx = TableCx::new(0, &table, vocab);
        let mut out = Vec::new();
        relations(&cx, &mut out);
        out.iter()
            .map(|r| (r.target.row, r.target.col, r.comparison.holds))
            .collect()
    }

    #[test]
    fn a_row_named_for_a_difference_is_checked_where_it_holds_in_one_column() {
        // Region Uppsala's Tabell 7: 2 022 − 1 920 = 102 holds, 2 047 − 1 840 = 207 is
        // printed 210.
        let text = "Finansiella placeringar\t2018\t2017\n\
                    Bokfört värde\t1 920\t1 840\n\
                    Marknadsvärde\t2 022\t2 047\n\
                    Orealiserade vinster\t102\t210\n";
        assert_eq!(checked(text), [(2, 0, true), (2, 1, false)]);
    }

    #[test]
    fn a_named_difference_that_holds_everywhere_is_silent() {
        let text = "Placeringar\t2020\t2019\n\
                    Marknadsvärde\t2 540\t2 310\n\
                    Bokfört värde\t2 200\t2 150\n\
                    Orealiserade vinster\t340\t160\n";
        assert_eq!(checked(text), [(2, 0, true), (2, 1, true)]);
    }

    #[test]
    fn a_named_difference_not_under_its_two_rows_is_not_read() {
        // A line between: the name alone does not say which rows it takes.
        let text = "Placeringar\t2020\t2019\n\
                    Marknadsvärde\t2 540\t2 310\n\
                    Bokfört värde\t2 200\t2 150\n\
                    Anskaffningsvärde\t2 300\t2 250\n\
                    Orealiserade vinster\t300\t210\n";
        assert_eq!(checked(text), []);
    }

    #[test]
    fn a_named_difference_that_holds_nowhere_is_not_read() {
        // Gains beside losses elsewhere: the columns do not show the definition.
        let text = "Placeringar\t2020\t2019\n\
                    Bokfört värde\t2 200\t2 150\n\
                    Marknadsvärde\t2 540\t2 310\n\
                    Orealiserade vinster\t360\t175\n";
        assert_eq!(checked(text), []);
    }
}
