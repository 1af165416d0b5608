//! REL007: a change in percent ("Förändring %", "Endring i %", "Afvigelse i %") that is not
//! the change between the amounts of its row.
//!
//! A percent column is read as a relative change when one reading holds on the rows:
//! (B − A) / A × 100 over two amount columns, D / (B − D) × 100 over an absolute change
//! column D beside the newer value B, or D / A × 100 over D and the base A — each as
//! written, negated (the change measured the other way), or, in a column of no negative
//! percentage, as magnitudes (|D| / |A|). The rows decide which columns, which order and
//! which sign, as REL001 finds its pair of columns.

use crate::arith::{compare, Comparison, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::view::{label_measure, CellRef, ColumnKind, TableView};
use crate::check::{Relation, TableCx};
use crate::grammar::number::Unit;
use rust_decimal::Decimal;
use std::collections::HashMap;

pub const RULE: Rule = Rule {
    code: RuleCode::REL007,
    name: "percent-change-mismatch",
    family: Family::Rel,
    severity: Severity::Error,
    summary: "A change in percent (Förändring %, Endring i %) or a ratio in percent (Förbrukat %) is not what the row's amounts give",
    explanation: "A percent column beside amounts (\"Förändring %\", \"Ändring i %\", \
\"Utveckling %\", \"Endring i %\", \"Ændring i pct.\", \"Afvigelse i %\") states for every row \
the relative change between two of them. justera finds the reading by the rows where it holds: \
(B − A) / A × 100 over two amount columns (2013 against 2012, Utfall against Budget), \
D / (B − D) × 100 over a column of the change in amounts D beside the newer value B, or \
D / A × 100 over D and the older value A (D a column whose header states a difference or \
that the table shows to be one), or, for a percent column that states no change but a share \
of one amount in another (\"Förbrukat %\", \"Utfall i % av budget\", a toteutumisprosentti), \
A / B × 100 over two amount columns; the change may be measured the other way (the \
percentage negated), and a column without negative percentages may state magnitudes only. \
A column no header calls a percentage is read as one when the table's arithmetic shows it: \
the change in percent of two columns of its row on every row with a figure, three or more \
pinning it down (a statistics table's \"2004/2005\" under a spanning \"Prosentvis endring\" \
the page flattened onto a line of its own); such a column is never added into a total. \
Costs written negative need no reading of their own: a cost of 600 that grows by 20, \
written −620 and −20, is −20 / (−620 − (−20)) × 100 = +3,3 %. The reading \
is taken only when it holds on at least three rows whose figures pin the ratio down and on \
most rows with a percentage. Each amount stands for ± half a unit of its last digit and so \
does the percentage; a row fails only when the ratio the amounts allow and the percentage \
cannot meet. A row whose base may be zero, a row that is itself a percentage (\"Soliditet %\", \
a change in percentage points) and a row whose amounts another rule already finds wrong (when \
the amount that rule expects makes the percentage hold) are not failed; a failure only of the \
sign, where no holding row with a base of that sign shows the table's sign convention, is not \
decided (info). Example: Utfall 2022 −15 500, Utfall 2023 −16 275, Förändring % 7,0 % where the other rows \
hold as (Utfall 2023 − Utfall 2022) / Utfall 2022 × 100: −775 / −15 500 × 100 = 5,0 %, so 7,0 \
is reported (expected 5, tolerance ±0,0566).",
    checks: &[Check::Relations(relations)],
};

/// How the ratio is formed from the row's amounts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// (new − base) / base
    Relative { base: usize, new: usize },
    /// change / (new − change)
    OverNew { change: usize, new: usize },
    /// change / base
    OverBase { change: usize, base: usize },
    /// part / whole: an amount as a share of another of its row ("Förbrukat %" = Utfall /
    /// Budget, a toteutumisprosentti), no change at all.
    Ratio { part: usize, whole: usize },
}

impl Form {
    fn inputs(self) -> [usize; 2] {
        match self {
            Form::Relative { base, new } => [base, new],
            Form::OverNew { change, new } => [change, new],
            Form::OverBase { change, base } => [change, base],
            Form::Ratio { part, whole } => [part, whole],
        }
    }
}

/// Which way the percentage states the ratio.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Sign {
    /// As the ratio is.
    Plus,
    /// Measured the other way ("Avvikelse = Budget − Utfall" beside "(Utfall − Budget) / Budget").
    Minus,
    /// Magnitudes only: |percentage| = |ratio| (a column of no negative percentage).
    Magnitude,
}

/// A percent column read as a relative change.
#[derive(Clone, Debug)]
pub struct Change {
    pub percent: usize,
    pub form: Form,
    pub sign: Sign,
    /// Rows where the reading holds, and rows with a percentage it is weighed against.
    pub holds: usize,
    pub rows_with_percent: usize,
}

/// One row evaluated under a reading.
#[derive(Clone, Copy, Debug)]
struct Eval {
    comparison: Comparison,
    /// Whether the row pins the ratio down: rounding of the amounts lets it move no more
    /// than ten times the percentage's half unit.
    tight: bool,
    /// The denominator's sign, and whether the ratio's interval excludes zero.
    negative_base: bool,
    nonzero: bool,
    /// Whether |percentage| meets |ratio| (the row fails, if at all, by its sign only).
    magnitude_holds: bool,
}

/// How far the amounts' rounding may move a ratio before the row shows nothing.
const LOOSE_FACTOR: Decimal = Decimal::TEN;

/// A row that states a percentage or percentage points itself ("Soliditet %",
/// "Skattesats, %", a change in "%-enheter"): its change column is no relative change.
fn percent_row(view: &TableView, r: usize, inputs: &[usize]) -> bool {
    let label = view.label(r).to_lowercase();
    label_measure(view.vocab, &label) == Some("percent")
        || label.contains("procentenhet")
        || label.contains("%-enhet")
        || inputs.iter().any(|&c| {
            view.table.rows[r]
                .cells
                .get(c)
                .is_some_and(|cell| cell.unit == Unit::Percent)
        })
}

fn magnitude(i: Interval) -> Interval {
    if i.lo >= Decimal::ZERO {
        i
    } else if i.hi <= Decimal::ZERO {
        i.negated()
    } else {
        Interval {
            nominal: i.nominal.abs(),
            lo: Decimal::ZERO,
            hi: i.hi.max(-i.lo),
        }
    }
}

/// The ratio the row's amounts allow (× 100), the denominator; `None` when an amount is
/// not written or the denominator may be zero.
fn ratio(
    view: &TableView,
    r: usize,
    form: Form,
    replace: Option<(usize, Decimal)>,
) -> Option<(Interval, Interval)> {
    let get = |c: usize| {
        let v = view.figure(r, c)?;
        Some(match replace {
            Some((rc, value)) if rc == c => Interval {
                nominal: value,
                lo: value - (v.nominal - v.lo),
                hi: value + (v.hi - v.nominal),
            },
            _ => v,
        })
    };
    let (num, den) = match form {
        Form::Relative { base, new } => {
            let (a, b) = (get(base)?, get(new)?);
            (b.minus(a), a)
        }
        Form::OverNew { change, new } => {
            let (d, b) = (get(change)?, get(new)?);
            (d, b.minus(d))
        }
        Form::OverBase { change, base } => (get(change)?, get(base)?),
        Form::Ratio { part, whole } => (get(part)?, get(whole)?),
    };
    let q = num.divided_by(den)?.scale(Decimal::ONE_HUNDRED);
    Some((q, den))
}

fn eval_with(
    view: &TableView,
    r: usize,
    p: usize,
    form: Form,
    sign: Sign,
    replace: Option<(usize, Decimal)>,
) -> Option<Eval> {
    let found = view.figure(r, p)?;
    let (q, den) = ratio(view, r, form, replace)?;
    Some(judge(q, den, found, sign))
}

/// The row's ratio `q` (× 100, over the denominator `den`) against the percentage `found`.
fn judge(q: Interval, den: Interval, found: Interval, sign: Sign) -> Eval {
    let expected = match sign {
        Sign::Plus => q,
        Sign::Minus => q.negated(),
        Sign::Magnitude => magnitude(q),
    };
    Eval {
        comparison: compare(expected, found),
        tight: q.slack() <= found.slack() * LOOSE_FACTOR,
        negative_base: den.nominal.is_sign_negative(),
        nonzero: q.lo > Decimal::ZERO || q.hi < Decimal::ZERO,
        magnitude_holds: magnitude(q).meets(&magnitude(found)),
    }
}

fn eval(view: &TableView, r: usize, p: usize, form: Form, sign: Sign) -> Option<Eval> {
    eval_with(view, r, p, form, sign, None)
}

/// Rows the reading is weighed on: a written percentage, figures, not a percentage row,
/// not a row the reader could not split.
fn weighed_rows(view: &TableView, p: usize) -> Vec<usize> {
    (0..view.rows())
        .filter(|&r| {
            !view.headings[r]
                && view.figure(r, p).is_some()
                && !view.table.ambiguities.iter().any(|a| a.row == r)
        })
        .collect()
}

/// Every percent column that reads as a relative change of amounts of its row, except
/// those in `taken`: read as shares of a column total (PCT001's) or as a difference or
/// sum of other percent columns (REL001's "Ändring i %-enheter"). `differences` are the columns the table
/// shows to be differences of others (REL001, REL002); a column of changes in amounts D
/// is one of them or one whose header states a difference ("Förändring 2012/2013"): a
/// percentage that is D / A of any other column D is a ratio ("Förbrukat %" = Utfall /
/// Budget), not a change.
pub fn analyse(view: &TableView, taken: &[usize], differences: &[usize]) -> Vec<Change> {
    let change_column = |c: usize| {
        differences.contains(&c)
            || super::columns::stated(view, c) == super::columns::Stated::Difference
    };
    let amounts: Vec<usize> = (0..view.cols())
        .filter(|&c| {
            matches!(
                view.kinds[c],
                ColumnKind::Money | ColumnKind::Plain | ColumnKind::Hours
            )
        })
        .collect();
    let mut out = Vec::new();
    for p in (0..view.cols()).filter(|&c| view.kinds[c] == ColumnKind::Percent) {
        if taken.contains(&p) {
            continue;
        }
        let no_negative = (0..view.rows())
            .filter_map(|r| view.figure(r, p))
            .all(|f| !f.nominal.is_sign_negative());
        let mut forms = Vec::new();
        for &a in &amounts {
            for &b in &amounts {
                if a == b || view.kinds[a] != view.kinds[b] {
                    continue;
                }
                forms.push(Form::Relative { base: a, new: b });
                forms.push(Form::Ratio { part: a, whole: b });
                if change_column(a) {
                    forms.push(Form::OverNew { change: a, new: b });
                    forms.push(Form::OverBase { change: a, base: b });
                }
            }
        }
        let signs: &[Sign] = if no_negative {
            &[Sign::Plus, Sign::Minus, Sign::Magnitude]
        } else {
            &[Sign::Plus, Sign::Minus]
        };
        // Of readings holding on as many rows, the one that pins the ratios down most
        // (|D| / |A| before the same over |B − D|, which rounds twice), then the one whose
        // columns stand nearest the percentages, then the sign as written.
        type Key = (
            usize,
            std::cmp::Reverse<usize>,
            std::cmp::Reverse<Decimal>,
            std::cmp::Reverse<usize>,
            std::cmp::Reverse<Sign>,
        );
        let mut best: Option<(Key, usize, Sign, Form)> = None;
        let rows: Vec<usize> = weighed_rows(view, p);
        for &form in &forms {
            let inputs = form.inputs();
            let weighed: Vec<usize> = rows
                .iter()
                .copied()
                .filter(|&r| !percent_row(view, r, &inputs))
                .collect();
            // Per sign: (holds, tight, fails, slack); the ratio is formed once per row, and
            // a reading stops being weighed once it can no longer hold on most rows.
            let mut tally = vec![(0usize, 0usize, 0usize, Decimal::ZERO); signs.len()];
            let n = weighed.len();
            for &r in &weighed {
                if tally.iter().all(|t| t.2 * 2 >= n) {
                    break;
                }
                let (Some(found), Some((q, den))) = (view.figure(r, p), ratio(view, r, form, None))
                else {
                    continue;
                };
                for (t, &sign) in tally.iter_mut().zip(signs) {
                    let e = judge(q, den, found, sign);
                    if e.comparison.holds {
                        t.0 += 1;
                        t.1 += usize::from(e.tight);
                        t.3 += e.comparison.tolerance;
                    } else {
                        t.2 += 1;
                    }
                }
            }
            for (&(holds, tight, fails, slack), &sign) in tally.iter().zip(signs) {
                if tight < 3 || holds * 2 <= n {
                    continue;
                }
                let distance: usize = inputs.iter().map(|&c| c.abs_diff(p)).sum();
                use std::cmp::Reverse;
                let key = (
                    holds,
                    Reverse(fails),
                    Reverse(slack),
                    Reverse(distance),
                    Reverse(sign),
                );
                if best.as_ref().is_none_or(|(k, ..)| key > *k) {
                    best = Some((key, holds, sign, form));
                }
            }
        }
        if let Some((_, holds, sign, form)) = best {
            let inputs = form.inputs();
            out.push(Change {
                percent: p,
                form,
                sign,
                holds,
                rows_with_percent: rows
                    .iter()
                    .filter(|&&r| !percent_row(view, r, &inputs))
                    .count(),
            });
        }
    }
    out
}

/// A column's name in a message: its header, with its place when the header is not
/// its own (Gnesta's "Förändring 2012/2013" over both the amount and the percentage).
fn name(view: &TableView, c: usize) -> String {
    let h = view.column_name(c);
    if h.is_empty() {
        return format!("column {}", c + 1);
    }
    let shared = (0..view.cols()).any(|d| d != c && view.column_name(d) == h);
    if shared {
        format!("{h} (column {})", c + 1)
    } else {
        h
    }
}

fn reading(view: &TableView, ch: &Change) -> String {
    let ratio = match ch.form {
        Form::Relative { base, new } => {
            let (a, b) = (name(view, base), name(view, new));
            match ch.sign {
                Sign::Magnitude => format!("|{b} − {a}| / |{a}|"),
                _ => format!("({b} − {a}) / {a}"),
            }
        }
        Form::OverNew { change, new } => {
            let (d, b) = (name(view, change), name(view, new));
            match ch.sign {
                Sign::Magnitude => format!("|{d}| / |{b} − {d}|"),
                _ => format!("{d} / ({b} − {d})"),
            }
        }
        Form::OverBase { change, base } => {
            let (d, a) = (name(view, change), name(view, base));
            match ch.sign {
                Sign::Magnitude => format!("|{d}| / |{a}|"),
                _ => format!("{d} / {a}"),
            }
        }
        Form::Ratio { part, whole } => {
            let (a, b) = (name(view, part), name(view, whole));
            match ch.sign {
                Sign::Magnitude => format!("|{a}| / |{b}|"),
                _ => format!("{a} / {b}"),
            }
        }
    };
    match ch.sign {
        Sign::Minus => format!("−{ratio} × 100"),
        _ => format!("{ratio} × 100"),
    }
}

/// The cells other relations of the table find wrong, each with the figure that relation
/// expects (a wrong total makes the change on its row fail too: one defect, reported once).
fn found_wrong(cx: &TableCx) -> HashMap<CellRef, Vec<Decimal>> {
    let mut wrong: HashMap<CellRef, Vec<Decimal>> = HashMap::new();
    for t in cx.totals() {
        for c in t.columns.iter().filter(|c| !c.comparison.holds) {
            wrong
                .entry(CellRef {
                    row: t.row,
                    col: c.col,
                })
                .or_default()
                .push(c.comparison.expected);
        }
    }
    for d in cx.columns() {
        for (row, cmp) in d.failing() {
            wrong
                .entry(CellRef { row, col: d.col })
                .or_default()
                .push(cmp.expected);
        }
    }
    for step in &cx.statement().steps {
        for c in step.columns.iter().filter(|c| !c.comparison.holds) {
            let e = c.comparison.expected;
            wrong
                .entry(CellRef {
                    row: step.target,
                    col: c.col,
                })
                .or_default()
                .extend([e, -e]);
        }
    }
    wrong
}

fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    let view = &cx.view;
    let changes = cx.changes();
    if changes.is_empty() {
        return;
    }
    let wrong = found_wrong(cx);
    for ch in changes {
        let p = ch.percent;
        let inputs = ch.form.inputs();
        let how = reading(view, ch);
        let evals: Vec<(usize, Eval)> = (0..view.rows())
            .filter(|&r| !view.headings[r] && !percent_row(view, r, &inputs))
            .filter_map(|r| eval(view, r, p, ch.form, ch.sign).map(|e| (r, e)))
            .collect();
        let ambiguous = |r: usize| view.table.ambiguities.iter().any(|a| a.row == r);
        for &(r, e) in &evals {
            let label = view.label(r);
            let what = match ch.form {
                Form::Ratio { .. } => "ratio",
                _ => "change",
            };
            let message = format!(
                "\"{}\" on row \"{}\" is not the {what} its amounts give; the {what} in % holds \
                 on {} of {} rows as {how}",
                name(view, p),
                if label.is_empty() {
                    "(unlabeled)"
                } else {
                    &label
                },
                ch.holds,
                ch.rows_with_percent,
            );
            let cells = inputs.iter().map(|&col| CellRef { row: r, col }).collect();
            let mut rel = Relation::new(
                &RULE,
                CellRef { row: r, col: p },
                cells,
                e.comparison,
                message,
            );
            if !e.comparison.holds {
                // A figure another relation finds wrong, whose expected value makes the
                // change hold: the same defect, reported by that relation.
                let explained = inputs.iter().any(|&col| {
                    wrong.get(&CellRef { row: r, col }).is_some_and(|values| {
                        values.iter().any(|&v| {
                            eval_with(view, r, p, ch.form, ch.sign, Some((col, v)))
                                .is_some_and(|x| x.comparison.holds)
                        })
                    })
                });
                // Only the sign differs, and no holding row whose base has this row's sign
                // shows which sign the table writes for it (a change of costs written
                // negative may be stated against the base's magnitude).
                let sign_only = ch.sign != Sign::Magnitude
                    && e.magnitude_holds
                    && !evals.iter().any(|&(h, x)| {
                        h != r
                            && x.comparison.holds
                            && x.nonzero
                            && x.negative_base == e.negative_base
                            && !ambiguous(h)
                    });
                let why = if ambiguous(r) {
                    Some("not decided: the row could not be read unambiguously (TAB001)")
                } else if sign_only {
                    Some(
                        "not decided: only the sign differs, and no other row whose base has \
                         this sign shows which sign the table writes for it",
                    )
                } else {
                    None
                };
                if explained {
                    rel.comparison.holds = true;
                    rel.explained = true;
                } else if let Some(why) = why {
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

    /// The readings of the first table of `text` (tab-separated), with the columns the
    /// other analyses take, as `TableCx` gives them.
    fn readings(text: &str) -> Vec<(usize, Form, Sign, usize, usize)> {
        let vocab = Vocabulary::builtin_shared();
        let table = crate::table::extract_text(text, vocab)
            .into_iter()
            .next()
            .expect("a table");
        let cx = TableCx::new(0, &table, vocab);
        cx.changes()
            .iter()
            .map(|c| (c.percent, c.form, c.sign, c.holds, c.rows_with_percent))
            .collect()
    }

    #[test]
    fn two_amount_columns_read_as_new_over_base() {
        let text = "Nämnd\tUtfall 2022\tUtfall 2023\tFörändring %\n\
                    A\t-41 200\t-43 260\t5,0 %\nB\t-312 400\t-321 772\t3,0 %\n\
                    C\t-205 000\t-215 250\t5,0 %\nD\t-28 000\t-27 160\t-3,0 %\n";
        assert_eq!(
            readings(text),
            [(2, Form::Relative { base: 0, new: 1 }, Sign::Plus, 4, 4)]
        );
    }

    #[test]
    fn a_change_column_beside_the_new_value_reads_over_the_old_one() {
        let text = "Verksamhet\tUtfall 2023\tFörändring 2022/2023\tFörändring i %\n\
                    A\t-620\t-20\t3,3 %\nB\t-850\t50\t-5,6 %\nC\t-14 300\t-700\t5,1 %\n\
                    D\t-2 100\t400\t-16,0 %\n";
        assert_eq!(
            readings(text),
            [(2, Form::OverNew { change: 1, new: 0 }, Sign::Plus, 4, 4)]
        );
    }

    #[test]
    fn a_column_of_no_negative_percentage_may_state_magnitudes() {
        let text = "Udvalg\tKorrigeret budget\tForventet regnskab\tAfvigelse\tAfvigelse i %\n\
                    A\t800,0\t812,0\t12,0\t1,5 %\nB\t70,0\t61,6\t-8,4\t12,0 %\n\
                    C\t60,0\t63,0\t3,0\t5,0 %\nD\t370,0\t366,3\t-3,7\t1,0 %\n";
        let r = readings(text);
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].2, Sign::Magnitude, "{r:?}");
        assert_eq!((r[0].3, r[0].4), (4, 4), "{r:?}");
    }

    #[test]
    fn a_ratio_of_two_amounts_reads_as_a_ratio_not_a_change() {
        // Förbrukat % = Utfall / Budget: Utfall is no column of changes.
        let text = "Verksamhet\tBudget\tUtfall\tFörbrukat %\n\
                    A\t12 000\t11 400\t95,0 %\nB\t4 000\t4 200\t105,0 %\n\
                    C\t2 500\t2 450\t98,0 %\nD\t6 000\t5 700\t95,0 %\n";
        assert_eq!(
            readings(text),
            [(2, Form::Ratio { part: 1, whole: 0 }, Sign::Plus, 4, 4)]
        );
    }

    #[test]
    fn rows_in_percentage_points_are_not_weighed() {
        let text = "Nyckeltal\t2022\t2023\tFörändring %\n\
                    Skatteintäkter\t1 840\t1 932\t5,0 %\nNettokostnader\t-1 790\t-1 897\t6,0 %\n\
                    Soliditet, %\t45,0\t47,0\t2,0\nAntal invånare\t30 120\t30 421\t1,0 %\n";
        assert_eq!(
            readings(text),
            [(2, Form::Relative { base: 0, new: 1 }, Sign::Plus, 3, 3)]
        );
    }

    #[test]
    fn a_header_in_pct_makes_a_percent_column_of_bare_figures() {
        let text = "Post\t2024\t2025\tÆndring i pct.\n\
                    A\t1 000\t1 100\t10,0\nB\t2 000\t2 100\t5,0\n\
                    C\t500\t450\t-10,0\nD\t800\t880\t10,0\n";
        assert_eq!(
            readings(text),
            [(2, Form::Relative { base: 0, new: 1 }, Sign::Plus, 4, 4)]
        );
    }

    #[test]
    fn too_few_rows_decide_nothing() {
        // Two rows hold: fewer than three.
        let text = "Nämnd\t2022\t2023\tFörändring %\nA\t100\t110\t10,0 %\nB\t200\t210\t5,0 %\n";
        assert_eq!(readings(text), []);
    }

    #[test]
    fn loose_rows_are_no_evidence() {
        // Amounts of one or two digits let each ratio move by several percent.
        let text = "Nämnd\t2022\t2023\tFörändring %\n\
                    A\t3\t4\t33,3 %\nB\t6\t7\t16,7 %\nC\t8\t9\t12,5 %\nD\t4\t5\t25,0 %\n";
        assert_eq!(readings(text), []);
    }
}
