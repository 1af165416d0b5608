//! PROD005: an example fee on a fee page ("Vanngebyr bolig 120 m2 | 7 226") that is the
//! page's fixed fee for the service plus the quantity in its label times the page's rate
//! for it, and is not.

use crate::arith::{compare, Comparison, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::view::{normalise, CellRef, ColumnKind, TableView};
use crate::check::{Relation, Sink};
use crate::grammar::priced::{fixed_fee, quantity, rate_unit, serves, share_of, Quantity};

pub const RULE: Rule = Rule {
    code: RuleCode::PROD005,
    name: "example-fixed-plus-rate",
    family: Family::Prod,
    severity: Severity::Error,
    summary: "An example fee whose label states its quantity and which is not the page's fixed \
fee plus quantity × the page's rate",
    explanation: "Fee pages work an example they do not write out: \"Vann: Abonnementsgebyr \
husholdning | 5 580\", \"Vann: Årsavgift pr. m3 | 11,90\" and further down \"Vanngebyr bolig 120 \
m2 | 7 226\". justera reads a row whose label states one quantity (m³, m², kWh, MWh; not a \
bound or a band, see PROD004) and looks on the same page, in any table, for the one row \
stating a rate per that unit (or per m³ for an area in m², a page converting floor area to a \
stipulated volume) for the same service — a word of four letters or more of the rate's label, \
not a word for a fee (\"avgift\", \"gebyr\"), that the example's label repeats or begins \
(\"Vann\" in \"Vanngebyr\") — and for the rows stating a yearly fixed fee for that service \
(\"Abonnementsgebyr\", \"Fast avgift\", \"Grundavgift\"; not a connection fee), in a column \
with the same header (or, where a table names no columns, the same column of a table as wide). \
The example must be one of those fixed fees plus quantity × the rate, every figure standing \
for ± half its last digit (11,90 for 11,895–11,905, so 120 m² allows ± 0,6 on the product). A row that is itself a fixed fee, one that is quantity × the rate alone \
(PROD004's reading), a figure no larger than the rate, a service with several rates per the \
unit or with no fixed fee is not read. A failure — no fixed fee of the service gives the \
figure — is an error only where another example on the page, worked the same way (a fixed \
fee plus a quantity in the same unit times a rate in the same unit, in a column with the same \
header), holds: the page then shows its method, and the failing figure is a misprint. \
Otherwise it is not decided (info): the example may hold another part or tax. Example: \
5 580 + 120 × 11,90 = 7 008, printed 7 226, while the avløp example on the page holds \
(2 460 + 120 × 7,08 = 3 309,60, printed 3 310).",
    checks: &[Check::Document(check)],
};

/// A row of a table on the page: (table, row).
type At = (usize, usize);

struct Worked {
    example: At,
    col: usize,
    header: String,
    width: usize,
    page: u32,
    /// The unit of the quantity and of the rate: the method.
    units: (&'static str, &'static str),
    quantity: Quantity,
    rate: (At, usize),
    /// The fixed fee the comparison was made with (the one holding, or the closest).
    fixed: (At, usize),
    comparison: Comparison,
}

/// A column of figures that may be amounts (not percentages or text).
fn amounts(view: &TableView, c: usize) -> bool {
    view.numeric(c) && !matches!(view.kinds[c], ColumnKind::Percent | ColumnKind::Text)
}

/// Whether column `a` of a table `wa` columns wide and column `b` of one `wb` wide stand
/// for the same thing: the same header, or, where one is unnamed, the same place in
/// tables as wide.
fn same_place(ha: &str, a: usize, wa: usize, hb: &str, b: usize, wb: usize) -> bool {
    if !ha.is_empty() && !hb.is_empty() {
        ha == hb
    } else {
        a == b && wa == wb
    }
}

/// The column of `view` that stands for column `c` of `of` ([`same_place`]), when one
/// does.
fn same_column(of: &TableView, c: usize, view: &TableView) -> Option<usize> {
    let h = normalise(&of.column_name(c));
    let same: Vec<usize> = (0..view.cols())
        .filter(|&k| {
            same_place(
                &h,
                c,
                of.cols(),
                &normalise(&view.column_name(k)),
                k,
                view.cols(),
            )
        })
        .collect();
    match same.as_slice() {
        [k] => Some(*k),
        _ => None,
    }
}

pub fn check(sink: &mut Sink) {
    let (doc, vocab) = (sink.document, sink.vocab);
    let views: Vec<TableView> = doc
        .tables
        .iter()
        .map(|t| TableView::new(t, vocab))
        .collect();
    let labels: Vec<Vec<String>> = views
        .iter()
        .map(|v| (0..v.rows()).map(|r| v.label(r)).collect())
        .collect();
    let page = |t: usize, r: usize| {
        views[t]
            .table
            .rows
            .get(r)
            .map_or(views[t].table.provenance.page, |row| row.provenance.page)
    };
    let rows: Vec<At> = views
        .iter()
        .enumerate()
        .flat_map(|(t, v)| {
            (0..v.rows())
                .filter(move |&r| !v.totals[r])
                .map(move |r| (t, r))
        })
        .collect();
    let mut worked: Vec<Worked> = Vec::new();
    for &(t, r) in &rows {
        let label = &labels[t][r];
        let view = &views[t];
        // A fixed fee is no example (its quantity names what it is charged for).
        if vocab.is_sum_label(label) || share_of(label).is_some() || fixed_fee(label) {
            continue;
        }
        let Some(q) = quantity(label) else { continue };
        if !matches!(q.unit, "m³" | "m²" | "kWh" | "MWh") {
            continue;
        }
        let pg = page(t, r);
        let on_page: Vec<At> = rows
            .iter()
            .copied()
            .filter(|&(t2, r2)| (t2, r2) != (t, r) && page(t2, r2) == pg)
            .collect();
        // The rates of the service per the quantity's unit; per m³ for an area when the
        // page states none per m².
        let rates_per = |u: &str| -> Vec<At> {
            on_page
                .iter()
                .copied()
                .filter(|&(t2, r2)| {
                    rate_unit(&labels[t2][r2]) == Some(u) && serves(label, &labels[t2][r2])
                })
                .collect()
        };
        let mut rates = rates_per(q.unit);
        let mut rate_unit_used = q.unit;
        if rates.is_empty() && q.unit == "m²" {
            rates = rates_per("m³");
            rate_unit_used = "m³";
        }
        let fixed: Vec<At> = on_page
            .iter()
            .copied()
            .filter(|&(t2, r2)| {
                let l = &labels[t2][r2];
                fixed_fee(l)
                    && serves(label, l)
                    && quantity(l).is_none()
                    && rate_unit(l).is_none()
                    && share_of(l).is_none()
            })
            .collect();
        if fixed.is_empty() {
            continue;
        }
        for c in (0..view.cols()).filter(|&c| amounts(view, c)) {
            let Some(found) = view.figure(r, c) else {
                continue;
            };
            // The one rate of the service with a figure in this column.
            let with_figure: Vec<(At, usize, Interval)> = rates
                .iter()
                .filter_map(|&(t2, r2)| {
                    let c2 = same_column(view, c, &views[t2])?;
                    Some(((t2, r2), c2, views[t2].figure(r2, c2)?))
                })
                .collect();
            let [(rate_at, rate_col, rate)] = with_figure.as_slice() else {
                continue;
            };
            if found.nominal <= rate.nominal {
                continue;
            }
            let variable = rate.scale(q.value);
            // Quantity × rate alone: PROD004's reading, no fixed part.
            if compare(variable, found).holds {
                continue;
            }
            let candidates: Vec<((At, usize), Comparison)> = fixed
                .iter()
                .filter_map(|&(t2, r2)| {
                    let c2 = same_column(view, c, &views[t2])?;
                    let f = views[t2].figure(r2, c2)?;
                    Some((((t2, r2), c2), compare(f.plus(variable), found)))
                })
                .collect();
            let chosen = candidates
                .iter()
                .find(|(_, cmp)| cmp.holds)
                .or_else(|| {
                    candidates
                        .iter()
                        .min_by_key(|(_, cmp)| (cmp.expected - cmp.found).abs())
                })
                .copied();
            let Some((fixed_at, comparison)) = chosen else {
                continue;
            };
            worked.push(Worked {
                example: (t, r),
                col: c,
                header: normalise(&view.column_name(c)),
                width: view.cols(),
                page: pg,
                units: (q.unit, rate_unit_used),
                quantity: q.clone(),
                rate: (*rate_at, *rate_col),
                fixed: fixed_at,
                comparison,
            });
        }
    }
    for w in &worked {
        let confirmed = worked.iter().any(|o| {
            o.example != w.example
                && o.page == w.page
                && o.units == w.units
                && same_place(&o.header, o.col, o.width, &w.header, w.col, w.width)
                && o.comparison.holds
        });
        let (t, r) = w.example;
        let view = &views[t];
        let raw = |(t2, r2): At, c2: usize| {
            views[t2]
                .raw(r2, c2)
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        };
        let line = |(t2, r2): At| {
            views[t2]
                .table
                .rows
                .get(r2)
                .map_or(0, |row| row.provenance.line)
        };
        let column = view.column_name(w.col);
        let within = if column.is_empty() {
            String::new()
        } else {
            format!(", column \"{column}\"")
        };
        let converted = if w.units.0 == w.units.1 {
            String::new()
        } else {
            format!(", the area taken as the volume in {}", w.units.1)
        };
        let closest = if w.comparison.holds {
            ""
        } else {
            ", the service's fixed fee closest to the figure"
        };
        let mut message = format!(
            "\"{}\" is {}, but {} (\"{}\", line {}{closest}) + {} × {} (the quantity in the \
             row's label{converted}; the rate of \"{}\", line {}{within}) is {}, ± {} with the \
             figures as rounded",
            labels[t][r],
            raw(w.example, w.col),
            raw(w.fixed.0, w.fixed.1),
            labels[w.fixed.0 .0][w.fixed.0 .1],
            line(w.fixed.0),
            w.quantity.written,
            raw(w.rate.0, w.rate.1),
            labels[w.rate.0 .0][w.rate.0 .1],
            line(w.rate.0),
            w.comparison.expected,
            w.comparison.tolerance,
        );
        let mut severity = RULE.severity;
        if !w.comparison.holds && !confirmed {
            severity = Severity::Info;
            message = format!(
                "not decided: no other example on the page worked the same way holds, so the \
                 figure may hold another part or tax ({message})"
            );
        }
        let inputs = [w.fixed, w.rate]
            .iter()
            .filter(|((t2, _), _)| *t2 == t)
            .map(|((_, r2), c2)| CellRef { row: *r2, col: *c2 })
            .collect();
        let mut rel = Relation::new(
            &RULE,
            CellRef { row: r, col: w.col },
            inputs,
            w.comparison,
            message,
        );
        rel.severity = severity;
        sink.table_relation(t, view, &rel);
    }
}
