//! PCT003: "x % … (motsvarande y)" in prose where x % of the figure it names is not y.

use crate::arith::Interval;
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::rules::txt::prose::{cell_scale, figures, prose_lines};
use crate::check::view::{normalise, TableView};
use crate::check::Sink;
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: RuleCode::PCT003,
    name: "prose-percentage-mismatch",
    family: Family::Pct,
    severity: Severity::Warning,
    summary: "\"x % of y (motsvarande z)\" in the text, where x % of y is not z",
    explanation: "Decisions often state a percentage of a budget together with the amount it \
comes to: \"ett effektiviseringsuppdrag på 4,4% på budget 2022 (motsvarande 5 miljoner)\". \
justera takes the total rows of the document's tables in the column the text names (\"budget \
2022\"), computes x % of each with the precision both figures were written in (4,4 % stands \
for 4,35–4,45 %, 5 miljoner for 4,5–5,5 miljoner) and reports the statement when no such total \
gives the amount; when the text names no column, any total of the document that gives the \
amount makes the statement checked, and none reports nothing (there is no figure to compare \
with).",
    checks: &[Check::Document(check)],
};

pub fn check(sink: &mut Sink) {
    let doc = sink.document;
    let lines = prose_lines(doc);
    // Built on the first statement only: most documents state none, and rebuilding every
    // table's view per statement made a long text quadratic.
    let mut columns: Option<Vec<TotalColumn>> = None;
    for line in lines {
        let figs = figures(&line.text);
        for (i, pct) in figs.iter().enumerate().filter(|(_, f)| f.percent) {
            // The amount: the next money figure on the line, introduced by "motsvarande".
            let Some(amount) = figs[i + 1..].iter().find(|f| {
                !f.percent
                    && line.text[pct.end..f.start]
                        .to_lowercase()
                        .contains("motsvarande")
            }) else {
                continue;
            };
            let Some(said) = amount.kronor() else {
                continue;
            };
            let share = Interval::written(pct.value, pct.decimals).scale(Decimal::new(1, 2));
            let between = normalise(&line.text[pct.end..amount.start]);
            let phrase = between
                .split_once(" på ")
                .or_else(|| between.split_once(" av "))
                .map(|(_, rest)| {
                    rest.split(['(', ','])
                        .next()
                        .unwrap_or("")
                        .trim()
                        .to_string()
                })
                .or_else(|| {
                    between
                        .strip_prefix("på ")
                        .map(|r| r.split(['(', ',']).next().unwrap_or("").trim().to_string())
                })
                .unwrap_or_default();
            let columns = columns.get_or_insert_with(|| total_columns(sink));
            let named = bases(columns, Some(&phrase).filter(|p| !p.is_empty()));
            let any = if named.is_empty() {
                bases(columns, None)
            } else {
                Vec::new()
            };
            let pool = if named.is_empty() { &any } else { &named };
            let meets = |b: &Interval| share.times(*b).meets(&said);
            if pool.iter().any(meets) {
                sink.checked(true);
                continue;
            }
            if named.is_empty() {
                continue;
            }
            let Some(base) = named.iter().max_by(|a, b| a.nominal.cmp(&b.nominal)) else {
                continue;
            };
            sink.checked(false);
            let expected = share.times(*base);
            let scale = amount.scale.unwrap_or(Decimal::ONE);
            let paragraph = sink.paragraph_at(&line.provenance);
            let f = sink.report(
                &RULE,
                RULE.severity,
                format!(
                    "{} of {} ({}) is {}, not {}",
                    pct.raw.trim(),
                    (base.nominal / scale).round_dp(4).normalize(),
                    phrase,
                    (expected.nominal / scale).round_dp(2).normalize(),
                    amount.raw.trim()
                ),
                line.provenance.clone(),
            );
            f.paragraph = paragraph;
            f.expected = Some((expected.nominal / scale).round_dp(4).normalize());
            f.found = Some(amount.value.normalize());
            f.tolerance = Some(
                ((expected.slack() + said.slack()) / scale)
                    .round_dp(4)
                    .normalize(),
            );
            f.figure = Some(amount.raw.trim().to_string());
        }
    }
}

/// One column of one table: its normalised header and its total-row figures in kronor.
struct TotalColumn {
    header: String,
    totals: Vec<Interval>,
}

/// The total-row figures (in kronor) of every column of the document's tables.
fn total_columns(sink: &Sink) -> Vec<TotalColumn> {
    let mut out = Vec::new();
    for table in &sink.document.tables {
        let view = TableView::new(table, sink.vocab);
        for c in 0..view.cols() {
            let mut totals = Vec::new();
            for r in (0..view.rows()).filter(|&r| view.totals[r]) {
                let (Some(v), Some(cell)) = (view.figure(r, c), table.rows[r].cells.get(c)) else {
                    continue;
                };
                let scales = match cell_scale(cell.unit, table.unit) {
                    Some(s) => vec![s],
                    None => vec![Decimal::from(1_000), Decimal::ONE],
                };
                for s in scales {
                    let k = v.scale(s);
                    totals.push(if k.nominal.is_sign_negative() {
                        k.negated()
                    } else {
                        k
                    });
                }
            }
            out.push(TotalColumn {
                header: normalise(&view.header(c)),
                totals,
            });
        }
    }
    out
}

/// Total-row figures (in kronor) of the document's tables, in columns whose header holds
/// `phrase` when one is given.
fn bases(columns: &[TotalColumn], phrase: Option<&String>) -> Vec<Interval> {
    columns
        .iter()
        .filter(|c| phrase.is_none_or(|p| c.header.contains(p.as_str())))
        .flat_map(|c| c.totals.iter().copied())
        .collect()
}
