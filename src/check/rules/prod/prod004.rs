//! PROD004: a fee row whose label states the quantity it is priced for ("Förbrukningsavgift
//! villa (150 m³)") or its share of another fee ("Fritidshus (60 % av helårsabonnemang)"),
//! whose figure is not that quantity times the table's rate for the fee, or that share of
//! the named fee.

use crate::arith::compare;
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::view::{CellRef, ColumnKind, TableView};
use crate::check::{Relation, TableCx};
use crate::grammar::priced::{
    adds_more, name_words, names, quantity, rate_unit, share_of, Quantity,
};
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: RuleCode::PROD004,
    name: "priced-row-mismatch",
    family: Family::Prod,
    severity: Severity::Error,
    summary: "A fee row whose label states its quantity (or its share of another fee) and whose \
figure is not quantity × the table's rate",
    explanation: "Fee tables price rows they do not write out as a product: \"Förbrukningsavgift \
(kr/m³) | 22,45\" and below it \"Förbrukningsavgift villa (150 m³) | 3 368\", or \"Fritidshus \
(60 % av helårsabonnemang) | 1 920\" beside \"Helårsabonnemang, per hushåll | 3 200\". justera \
reads a quantity with its unit (m³, m², kWh, MWh, kg, ton) in a row's label — one only, not a \
bound or a band (\"upp till 4 m³\", \"0 - 70 m²\", \"över 170 m²\"), not a figure written with a \
point — and looks in the same table for the row stating a rate per that unit (\"kr/m³\", \"pr. \
m3\", \"per kWh\"; a label with no figure of its own and not in öre) whose every name word \
(\"Förbrukningsavgift\") the priced row's label repeats. The row's figure in each column must be \
quantity × the rate in that column, the rate standing for ± half its last digit (22,45 for \
22,445–22,455, so 150 m³ allows ± 0,75) and the figure for ± half its own. A share \"NN % av \
<fee>\" is read against the one other row naming that fee, in the same column (the percentage \
taken as stated). A row whose label adds more than one fee or names tax (\"inkl.\", \"fast \
avgift\", \"total\", \"årskostnad\", \"moms\", \"+\") is not read, nor a figure no larger than the \
rate (a stepped tariff's price per m³). A failure is an error only where another row priced by \
the same rate (or share of the same fee) in the same column holds: otherwise the fee may hold a \
fixed part or tax, and it is not decided (info). Several rates for the unit that the row could \
be priced by, or floor area against a rate per m³ (a tariff may convert one to the other), are \
not decided either; a rate for another unit prices nothing.",
    checks: &[Check::Relations(relations)],
};

/// The row a priced row's figure is computed from, and how.
#[derive(Clone)]
enum Source {
    /// The rate row (one rate per unit), with the quantity of the priced row.
    Rate { row: usize, quantity: Quantity },
    /// The row of the named fee, with the percentage.
    Share { row: usize, percent: Decimal },
}

impl Source {
    fn row(&self) -> usize {
        match self {
            Source::Rate { row, .. } | Source::Share { row, .. } => *row,
        }
    }
}

struct Priced {
    row: usize,
    col: usize,
    source: Source,
    comparison: crate::arith::Comparison,
}

/// A column of figures that may be amounts (not percentages or text).
fn amounts(view: &TableView, c: usize) -> bool {
    view.numeric(c) && !matches!(view.kinds[c], ColumnKind::Percent | ColumnKind::Text)
}

fn line_of(view: &TableView, row: usize) -> u32 {
    view.table.rows.get(row).map_or(0, |r| r.provenance.line)
}

fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    let view = &cx.view;
    let labels: Vec<String> = (0..view.rows()).map(|r| view.label(r)).collect();
    // Rows stating a rate per unit, with their fee's name words.
    let rates: Vec<(usize, &'static str, Vec<String>)> = labels
        .iter()
        .enumerate()
        .filter(|(r, _)| !view.totals[*r])
        .filter_map(|(r, l)| {
            let u = rate_unit(l)?;
            let name = name_words(l);
            (!name.is_empty()).then_some((r, u, name))
        })
        .collect();
    let mut priced: Vec<Priced> = Vec::new();
    // Rows whose failure cannot be decided, and why (reported as info when they fail).
    let mut undecided: Vec<(usize, usize, Source, crate::arith::Comparison, String)> = Vec::new();
    for (r, label) in labels.iter().enumerate() {
        if view.totals[r] || view.vocab.is_sum_label(label) || adds_more(label) {
            continue;
        }
        let sources: Vec<(Source, Option<String>)> = if let Some(q) = quantity(label) {
            let named: Vec<&(usize, &'static str, Vec<String>)> = rates
                .iter()
                .filter(|(rr, _, name)| *rr != r && names(label, name))
                .collect();
            let same: Vec<_> = named.iter().filter(|(_, u, _)| *u == q.unit).collect();
            match same.as_slice() {
                [one] => vec![(
                    Source::Rate {
                        row: one.0,
                        quantity: q.clone(),
                    },
                    None,
                )],
                // Floor area against a rate per m³: a tariff may convert one to the
                // other, so a failure is not decided; other units price nothing.
                [] => match named.as_slice() {
                    [other] if matches!((q.unit, other.1), ("m²", "m³") | ("m³", "m²")) => {
                        vec![(
                            Source::Rate {
                                row: other.0,
                                quantity: q.clone(),
                            },
                            Some(format!(
                                "not decided: the quantity {} is in {}, the rate on line {} per {}",
                                q.written,
                                q.unit,
                                line_of(view, other.0),
                                other.1
                            )),
                        )]
                    }
                    _ => Vec::new(),
                },
                several => {
                    let lines: Vec<String> = several
                        .iter()
                        .map(|s| line_of(view, s.0).to_string())
                        .collect();
                    let why = format!(
                        "not decided: {} rates per {} name this fee (lines {})",
                        several.len(),
                        q.unit,
                        lines.join(", ")
                    );
                    several
                        .iter()
                        .map(|s| {
                            (
                                Source::Rate {
                                    row: s.0,
                                    quantity: q.clone(),
                                },
                                Some(why.clone()),
                            )
                        })
                        .collect()
                }
            }
        } else if let Some((percent, name)) = share_of(label) {
            let bases: Vec<usize> = labels
                .iter()
                .enumerate()
                .filter(|(b, l)| {
                    *b != r
                        && !view.totals[*b]
                        && !l.contains('%')
                        && names(l, &name)
                        && quantity(l).is_none()
                        && rate_unit(l).is_none()
                })
                .map(|(b, _)| b)
                .collect();
            match bases.as_slice() {
                [b] => vec![(Source::Share { row: *b, percent }, None)],
                _ => Vec::new(),
            }
        } else {
            continue;
        };
        if sources.is_empty() {
            continue;
        }
        for c in (0..view.cols()).filter(|&c| amounts(view, c)) {
            let Some(found) = view.figure(r, c) else {
                continue;
            };
            let evaluated: Vec<(Source, Option<String>, crate::arith::Comparison)> = sources
                .iter()
                .filter_map(|(s, why)| {
                    let base = view.figure(s.row(), c)?;
                    let expected = match s {
                        // A figure no larger than the rate is itself a rate (a stepped
                        // tariff's price per m³ at that volume), not an amount.
                        Source::Rate { quantity, .. }
                            if quantity.value > Decimal::ONE && found.nominal <= base.nominal =>
                        {
                            return None
                        }
                        Source::Rate { quantity, .. } => base.scale(quantity.value),
                        Source::Share { percent, .. } => {
                            base.scale(*percent / Decimal::ONE_HUNDRED)
                        }
                    };
                    Some((s.clone(), why.clone(), compare(expected, found)))
                })
                .collect();
            if evaluated.is_empty() {
                continue;
            }
            // Several candidate rates: nothing is said unless every one fails.
            if evaluated.len() > 1 {
                if evaluated.iter().all(|(_, _, cmp)| !cmp.holds) {
                    let (s, why, cmp) = evaluated[0].clone();
                    undecided.push((r, c, s, cmp, why.unwrap_or_default()));
                }
                continue;
            }
            let (s, why, cmp) = evaluated[0].clone();
            match why {
                Some(why) => {
                    if !cmp.holds {
                        undecided.push((r, c, s, cmp, why));
                    }
                }
                None => priced.push(Priced {
                    row: r,
                    col: c,
                    source: s,
                    comparison: cmp,
                }),
            }
        }
    }
    for p in &priced {
        let confirmed = priced.iter().any(|o| {
            o.row != p.row
                && o.col == p.col
                && o.source.row() == p.source.row()
                && o.comparison.holds
                && std::mem::discriminant(&o.source) == std::mem::discriminant(&p.source)
        });
        let mut rel = relation(view, &labels, p.row, p.col, &p.source, p.comparison);
        if !p.comparison.holds && !confirmed {
            rel.severity = Severity::Info;
            rel.message = format!(
                "not decided: no other row priced the same way holds in this column, so the fee \
                 may hold a fixed part or tax ({})",
                rel.message
            );
        }
        out.push(rel);
    }
    for (r, c, s, cmp, why) in undecided {
        let mut rel = relation(view, &labels, r, c, &s, cmp);
        rel.severity = Severity::Info;
        rel.message = format!("{why} ({})", rel.message);
        out.push(rel);
    }
}

fn relation(
    view: &TableView,
    labels: &[String],
    r: usize,
    c: usize,
    source: &Source,
    cmp: crate::arith::Comparison,
) -> Relation {
    let raw = |row: usize| {
        view.raw(row, c)
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    let column = view.column_name(c);
    let within = if column.is_empty() {
        String::new()
    } else {
        format!(", column \"{column}\"")
    };
    let message = match source {
        Source::Rate { row, quantity } => format!(
            "\"{}\" is {}, but {} × {} (the quantity in the row's label, the rate of \"{}\", \
             line {}{within}) is {}, ± {} with the rate and the figure as rounded",
            labels[r],
            raw(r),
            quantity.written,
            raw(*row),
            labels[*row],
            line_of(view, *row),
            cmp.expected,
            cmp.tolerance,
        ),
        Source::Share { row, percent } => format!(
            "\"{}\" is {}, but {} % of {} (\"{}\", line {}{within}) is {}, ± {} with the figures \
             as rounded (the share from the row's label)",
            labels[r],
            raw(r),
            percent.normalize(),
            raw(*row),
            labels[*row],
            line_of(view, *row),
            cmp.expected,
            cmp.tolerance
        ),
    };
    Relation::new(
        &RULE,
        CellRef { row: r, col: c },
        vec![CellRef {
            row: source.row(),
            col: c,
        }],
        cmp,
        message,
    )
}
