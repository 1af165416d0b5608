//! BAL003: a balanskravsutredning whose result lines are not the lines above them.
//!
//! The form (kommunallagen 11 kap., LKBR, RKR's recommendation) starts from the year's
//! result, subtracts the realisationsvinster and adds or subtracts the other
//! adjustments ("Årets resultat efter balanskravsjusteringar"), then the reservation to
//! and the use of the resultatutjämningsreserv ("Balanskravsresultat"), sometimes the
//! deficits of earlier years ("Summa"). Each result line is the result line above it
//! plus the lines between, in every column. The lines are found by their labels
//! (`grammars/balanskrav.vocab`).

use rust_decimal::Decimal;

use crate::arith::{compare, Comparison};
use crate::check::every_reading::{self, Enters};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::rules::rel::statement::figure_columns;
use crate::check::view::{CellRef, TableView};
use crate::check::{Relation, TableCx};
use crate::grammar::number::{format_decimal, Style};
use crate::grammar::vocab::Vocabulary;

pub const RULE: Rule = Rule {
    code: RuleCode::BAL003,
    name: "balance-requirement-not-reconciled",
    family: Family::Bal,
    severity: Severity::Error,
    summary: "A result line of a balanskravsutredning is not the result line above it plus the adjustments between",
    explanation: "Every kommun and region reconciles its result with the balanskrav \
(kommunallagen 11 kap., LKBR) in a balanskravsutredning of a standard form: \"Årets resultat \
(enligt resultaträkningen)\", the adjustments (\"Avgår samtliga realisationsvinster\", \
\"Vissa realisationsvinster enligt undantagsmöjlighet\", \"Orealiserade förluster i \
värdepapper\", \"Återföring av …\") = \"Årets resultat efter balanskravsjusteringar\"; then \
the reservation to and the use of the resultatutjämningsreserv (RUR) = \"(Årets) \
Balanskravsresultat\"; sometimes \"Balanskravsunderskott från tidigare år\" = \"Summa\". \
justera finds the lines by their labels (grammars/balanskrav.vocab) and checks each result \
line against the result line above it plus the lines between, in every column and \
rounding-aware (each figure ± half its last digit). An adjustment line left blank or written \
\"-\" is no adjustment (0); a result line without a figure is not checked. A line that says \
it is deducted (\"Avgår …\", \"Reducering av …\", \"Medel till RUR\") may be written with \
a minus or as a positive amount: the relation holds if it holds either way. A failure is an \
error only when the same relation holds in another column or another result line of the \
form holds in this column; where a row's figures are fewer than the columns and their places \
are not written (TAB001), only when it fails under every placement; otherwise \"not \
decided\" (info) with the reason. Example: 107 666 − 6 602 = 101 064, printed 87 608, is \
reported (expected 101 064).",
    checks: &[Check::Relations(relations)],
};

const LIST: &str = "balanskrav";

/// The part a row plays in the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Line {
    /// The result the form starts from.
    Base,
    /// A result line: the result line above it plus the lines between.
    Result,
    /// "Summa" after a balanskravsresultat.
    Sum,
    /// A line after which nothing is added ("Balanskravsresultat att återställa").
    Closing,
}

/// The label as the vocabulary matches it: lower case, no leading dash or numbering,
/// punctuation between words as spaces ("Avgår: realisationsvinster, mark" → "avgår
/// realisationsvinster mark").
fn words(label: &str) -> String {
    crate::grammar::statement::clean(label)
        .chars()
        .map(|ch| {
            if matches!(ch, ':' | ',' | '(' | ')' | '*' | ';') {
                ' '
            } else {
                ch
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn line(v: &Vocabulary, label: &str) -> Option<Line> {
    let w = words(label);
    if w.is_empty() {
        return None;
    }
    // The base and "Summa" only as the whole label ("Årets resultat" but not "Årets
    // resultat före …"; "Summa" but not "Summa justeringar").
    match v.lookup(LIST, &w) {
        Some("bk_base") => return Some(Line::Base),
        Some("bk_sum") => return Some(Line::Sum),
        _ => {}
    }
    match v.lookup_prefix(LIST, &w).map(|(k, _)| k) {
        Some("bk_adjusted" | "bk_result") => Some(Line::Result),
        Some("bk_closing") => Some(Line::Closing),
        _ => None,
    }
}

/// Whether the label says the line is deducted from the result ("Avgår …").
fn deducted(v: &Vocabulary, label: &str) -> bool {
    v.lookup_prefix(LIST, &words(label))
        .is_some_and(|(k, _)| k == "bk_deducted")
}

/// Whether the label names one of the form's adjustments (a word begins with one of
/// `bk_adjustment_stem`: "realisationsvinster", "RUR", "Synnerliga skäl").
fn adjustment(v: &Vocabulary, label: &str) -> bool {
    let stems = v.words(LIST, "bk_adjustment_stem");
    words(label)
        .split(|ch: char| !ch.is_alphanumeric())
        .any(|w| !w.is_empty() && stems.iter().any(|s| w.starts_with(s.as_str())))
}

/// One relation of the form: `target` = `anchor` + the `parts`.
struct Step {
    target: usize,
    anchor: usize,
    /// The lines between, each with whether its label says it is deducted.
    parts: Vec<(usize, bool)>,
    /// A line between that names none of the form's adjustments.
    unknown: Option<usize>,
}

fn has_figures(view: &TableView, r: usize, cols: &[usize]) -> bool {
    cols.iter().any(|&c| view.figure(r, c).is_some())
}

/// The form's relations read from the table's rows; empty when it holds no
/// balanskravsutredning.
fn steps(view: &TableView, cols: &[usize]) -> Vec<Step> {
    let v = view.vocab;
    let n = view.rows();
    let mut out = Vec::new();
    // Most tables hold no balanskravsutredning: those without its marker word are left at
    // once.
    let markers = v.words(LIST, "bk_marker");
    let labels: Vec<String> = (0..n).map(|r| view.label(r)).collect();
    if !labels.iter().any(|l| {
        let l = l.to_lowercase();
        markers.iter().any(|m| l.contains(m.as_str()))
    }) {
        return out;
    }
    let lines: Vec<Option<Line>> = labels.iter().map(|l| line(v, l)).collect();
    let Some(first) =
        (0..n).find(|&r| lines[r] == Some(Line::Result) && has_figures(view, r, cols))
    else {
        return out;
    };
    let Some(base) = (0..first)
        .rev()
        .find(|&r| lines[r] == Some(Line::Base) && has_figures(view, r, cols))
    else {
        return out;
    };
    let mut anchor = base;
    let mut after_result = false;
    for t in first..n {
        let target = match lines[t] {
            Some(Line::Result) => true,
            Some(Line::Sum) => after_result,
            Some(Line::Closing) => break,
            _ => false,
        };
        if !target || !has_figures(view, t, cols) {
            continue;
        }
        let between: Vec<usize> = (anchor + 1..t).collect();
        // A line between that sums others ("Summa justeringar") or starts the form anew
        // leaves the relation unstated.
        let stated = between.iter().all(|&r| {
            let label = view.label(r);
            lines[r].is_none() && !(v.is_sum_label(&label) && has_figures(view, r, cols))
        });
        // The form lists its adjustments: a result line straight under the one above it
        // (a key-figure list: "Årets resultat" over "Balanskravsresultat") states no
        // relation.
        let parts: Vec<(usize, bool)> = between
            .into_iter()
            .filter(|&r| !view.part_of[r])
            .map(|r| (r, deducted(v, &view.label(r))))
            .collect();
        let listed = parts.iter().any(|p| !view.label(p.0).trim().is_empty());
        if stated && listed {
            // A line with figures that names none of the adjustments (a line without
            // figures adds nothing).
            let unknown = parts
                .iter()
                .map(|p| p.0)
                .find(|&r| has_figures(view, r, cols) && !adjustment(v, &view.label(r)));
            out.push(Step {
                target: t,
                anchor,
                parts,
                unknown,
            });
        }
        after_result = lines[t] == Some(Line::Result);
        anchor = t;
    }
    out
}

/// The result lines of the table's balanskravsutredning, the result it starts from
/// included (none when it holds none): the rows BAL003 reads as relations, which no
/// other rule reads as totals or rearranges into results of its own.
pub fn claimed(view: &TableView) -> Vec<usize> {
    let mut rows: Vec<usize> = steps(view, &figure_columns(view))
        .iter()
        .flat_map(|s| [s.anchor, s.target])
        .collect();
    rows.sort_unstable();
    rows.dedup();
    rows
}

/// What the step gives in column `c` with the deducted lines entering as `deduct`
/// says: the comparison, or `None` when the target or the anchor has no figure or a
/// line between is not a figure (nor blank).
fn compare_in(view: &TableView, s: &Step, c: usize, deduct: Enters) -> Option<Comparison> {
    let found = view.figure(s.target, c)?;
    let mut sum = view.figure(s.anchor, c)?;
    for &(r, d) in &s.parts {
        let v = view.part(r, c)?;
        sum = sum.plus(if d { deduct.apply(v) } else { v });
    }
    Some(compare(sum, found))
}

fn label_of(view: &TableView, r: usize) -> String {
    view.label(r).trim().trim_end_matches(':').to_string()
}

fn fmt(d: Decimal) -> String {
    format_decimal(d.normalize(), Style::default())
}

/// The arithmetic in the document's figures: "107 666 − 6 602 = 101 064".
fn arithmetic(view: &TableView, s: &Step, c: usize, deduct: Enters, expected: Decimal) -> String {
    let mut terms = vec![view
        .figure(s.anchor, c)
        .map_or(Decimal::ZERO, |f| f.nominal)];
    for &(r, d) in &s.parts {
        if let Some(v) = view.figure(r, c) {
            let v = if d { deduct.apply(v) } else { v };
            terms.push(v.nominal);
        }
    }
    if terms.len() == 1 {
        return format!("{}, the lines between blank", fmt(terms[0]));
    }
    let mut out = fmt(terms[0]);
    for t in &terms[1..] {
        if t.is_sign_negative() {
            out.push_str(&format!(" − {}", fmt(-*t)));
        } else {
            out.push_str(&format!(" + {}", fmt(*t)));
        }
    }
    format!("{out} = {}", fmt(expected))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    let view = &cx.view;
    let cols = figure_columns(view);
    let steps = steps(view, &cols);
    if steps.is_empty() {
        return;
    }
    let conventions = [Enters::AsWritten, Enters::Deducted];
    // Per step and column: the comparison under each way the deducted lines may be
    // written.
    let all: Vec<Vec<Option<[Comparison; 2]>>> = steps
        .iter()
        .map(|s| {
            cols.iter()
                .map(|&c| {
                    Some([
                        compare_in(view, s, c, conventions[0])?,
                        compare_in(view, s, c, conventions[1])?,
                    ])
                })
                .collect()
        })
        .collect();
    let holds = |x: &Option<[Comparison; 2]>| x.is_some_and(|x| x[0].holds || x[1].holds);
    let ambiguous = |r: usize| view.table.ambiguities.iter().any(|a| a.row == r);
    for (i, s) in steps.iter().enumerate() {
        for (j, &c) in cols.iter().enumerate() {
            let Some(pair) = all[i][j] else {
                continue;
            };
            // The way the deducted lines are read: the one that holds, else the closer.
            let gap = |x: &Comparison| (x.expected - x.found).abs();
            let k = usize::from(!pair[0].holds && (pair[1].holds || gap(&pair[1]) < gap(&pair[0])));
            let mut comparison = pair[k];
            let differ = pair[0].expected != pair[1].expected;
            let elsewhere = (0..cols.len())
                .filter(|&o| o != j && holds(&all[i][o]))
                .count();
            let support = (0..steps.len())
                .filter(|&o| o != i && holds(&all[o][j]))
                .count();
            let header = view.column_name(c);
            let column = if header.is_empty() {
                format!("column {}", c + 1)
            } else {
                format!("column \"{header}\"")
            };
            let between = if s.parts.is_empty() {
                "with no line between".to_string()
            } else {
                "plus the lines between".to_string()
            };
            let how = if differ && !comparison.holds {
                ", whether the deducted lines are read as written or as amounts subtracted"
            } else if k == 1 && differ {
                " (the lines that say they are deducted, written without a minus, subtracted)"
            } else {
                ""
            };
            let mut why = format!(
                "the same relation holds in {}, and {} of the balanskravsutredning {} in this column",
                plural(elsewhere, "other column", "other columns"),
                plural(support, "other result line", "other result lines"),
                if support == 1 { "holds" } else { "hold" }
            );
            let mut undecided: Option<String> = None;
            let rows: Vec<usize> = std::iter::once(s.anchor)
                .chain(s.parts.iter().map(|p| p.0))
                .collect();
            if !comparison.holds {
                if ambiguous(s.target) {
                    undecided = Some(format!(
                        "not decided: the row \"{}\" could not be read unambiguously (TAB001)",
                        label_of(view, s.target)
                    ));
                } else if let Some(&r) = rows.iter().find(|&&r| ambiguous(r)) {
                    // Every placement of the ambiguous rows' figures, under both ways the
                    // deducted lines may be written.
                    let certain: Option<Vec<every_reading::Certain>> = conventions
                        .iter()
                        .map(|&deduct| {
                            let entered: Vec<(usize, Enters)> =
                                std::iter::once((s.anchor, Enters::AsWritten))
                                    .chain(s.parts.iter().map(|&(p, d)| {
                                        (p, if d { deduct } else { Enters::AsWritten })
                                    }))
                                    .collect();
                            every_reading::fails_under_every_entered(
                                view,
                                &entered,
                                &[],
                                s.target,
                                c,
                            )
                        })
                        .collect();
                    match certain {
                        Some(found) => {
                            let closest = found
                                .iter()
                                .min_by_key(|x| (x.comparison.expected - x.comparison.found).abs())
                                .cloned();
                            if let Some(x) = closest {
                                comparison = x.comparison;
                                why = format!("{why}; {}", x.why);
                            }
                        }
                        None => {
                            undecided = Some(format!(
                                "not decided: the figures of \"{}\" are fewer than the columns and their places are not written (TAB001), and under some placement the relation holds or cannot be followed",
                                label_of(view, r)
                            ));
                        }
                    }
                } else if let Some(r) = s.unknown {
                    undecided = Some(format!(
                        "not decided: the line \"{}\" between is none of the balanskravsutredning's adjustments (realisationsvinster, värdepapper, RUR, synnerliga skäl, underskott), so the lines may not be the form's",
                        label_of(view, r)
                    ));
                } else if elsewhere == 0 && support == 0 {
                    undecided = Some("not decided: no other result line of the balanskravsutredning holds in this column and this relation holds in no other column, so the columns may not have been read as written".to_string());
                }
            }
            let arith =
                if comparison.holds || undecided.is_some() || rows.iter().any(|&r| ambiguous(r)) {
                    String::new()
                } else {
                    format!(
                        " ({})",
                        arithmetic(view, s, c, conventions[k], comparison.expected)
                    )
                };
            let message = format!(
                "\"{}\" is not \"{}\" {between} in {column}{arith}{how}; {why}",
                label_of(view, s.target),
                label_of(view, s.anchor),
            );
            let mut inputs = vec![CellRef {
                row: s.anchor,
                col: c,
            }];
            let mut weights = vec![1i8];
            for &(r, d) in &s.parts {
                inputs.push(CellRef { row: r, col: c });
                let negated =
                    d && k == 1 && view.part(r, c).is_some_and(|v| v.nominal > Decimal::ZERO);
                weights.push(if negated { -1 } else { 1 });
            }
            let mut rel = Relation::new(
                &RULE,
                CellRef {
                    row: s.target,
                    col: c,
                },
                inputs,
                comparison,
                message,
            );
            rel.weights = weights;
            if let Some(u) = undecided {
                rel.severity = Severity::Info;
                rel.message = format!("{u} ({})", rel.message);
            }
            out.push(rel);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{deducted, line, Line};
    use crate::grammar::vocab::Vocabulary;

    #[test]
    fn the_form_s_lines_are_found_by_their_labels() {
        let v = Vocabulary::builtin();
        assert_eq!(
            line(&v, "Årets resultat enligt resultaträkningen"),
            Some(Line::Base)
        );
        assert_eq!(line(&v, "Årets resultat"), Some(Line::Base));
        assert_eq!(line(&v, "Årets resultat före skatt"), None);
        assert_eq!(
            line(&v, "Årets resultat efter balanskravsjusteringar"),
            Some(Line::Result)
        );
        assert_eq!(
            line(
                &v,
                "Årets resultat efter balanskravsutredning före avsättning till RUR"
            ),
            Some(Line::Result)
        );
        assert_eq!(
            line(&v, "Årets balanskravsresultat efter avsättning till RUR"),
            Some(Line::Result)
        );
        assert_eq!(
            line(&v, "Balanskravsresultat att återställa"),
            Some(Line::Closing)
        );
        assert_eq!(line(&v, "SUMMA"), Some(Line::Sum));
        assert_eq!(line(&v, "Summa justeringar"), None);
        assert!(deducted(
            &v,
            "Avgår: realisationsvinster, maskiner och inventarier"
        ));
        assert!(deducted(&v, "Reducering av samtliga realisationsvinster"));
        assert!(deducted(
            &v,
            "Reservering till resultatutjämningsreserv (RUR)"
        ));
        assert!(!deducted(
            &v,
            "Användning av medel från resultatutjämningsreserv"
        ));
        assert!(!deducted(&v, "Orealiserade förluster i värdepapper"));
    }
}
