//! PROD002: a row of amounts in the kronor notation whose last amount is the sum of the
//! others, one of them a product written without its value, where the sum fails.

use crate::arith::{compare, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;
use crate::document::SourceLine;
use crate::grammar::product::{kronor_row, RowAmount, Term};
use crate::LineSpan;

pub const RULE: Rule = Rule {
    code: RuleCode::PROD002,
    name: "row-with-product-total-mismatch",
    family: Family::Prod,
    severity: Severity::Error,
    summary: "A row of kronor amounts with a written product among its parts, whose last amount is not their sum",
    explanation: "Cost examples glue their cells in the kronor notation and write the variable \
part as a product without its value: \"4730:-784:-100 kbm * 37,79:-9293:-/år\" (mätaravgift, \
lägenhetsavgift, 100 kbm at 37,79 kr, total per year). justera reads a line that is only such \
amounts (a figure or a product of two figures, each closed by \":-\"), at least three of them and \
one a product, multiplies the product with the precision its factors were written in and adds \
the other parts. Whether the last amount is the total the line does not say: it is decided by \
the other rows of the same block (rows of the same shape at most three lines apart). A row whose \
sum fails is reported when another row of the block holds and none other fails (4 730 + 784 + \
3 779 = 9 293 says the last column is the total; then 4 730 + 784 + 200 × 37,79 = 13 072 is \
not 13 094); otherwise it is information, \"not decided\". A row that holds is counted.",
    checks: &[Check::Document(check)],
};

struct Row<'l> {
    line: &'l SourceLine,
    amounts: Vec<RowAmount>,
    parts: Interval,
    total: Term,
    holds: bool,
}

pub fn check(sink: &mut Sink) {
    let lines = &sink.document.lines;
    let mut rows: Vec<Row> = Vec::new();
    for line in lines {
        let Some(mut amounts) = kronor_row(&line.text) else {
            continue;
        };
        let Some(RowAmount::Figure(total)) = amounts.pop() else {
            continue;
        };
        let parts = Interval::sum(amounts.iter().map(|a| match a {
            RowAmount::Figure(t) => written(t),
            RowAmount::Product(a, b) => written(a).times(written(b)),
        }));
        let holds = parts.meets(&written(&total));
        rows.push(Row {
            line,
            amounts,
            parts,
            total,
            holds,
        });
    }
    for (i, row) in rows.iter().enumerate() {
        let block = block_of(&rows, i);
        let others: Vec<&Row> = block
            .iter()
            .filter(|&&k| k != i)
            .map(|&k| &rows[k])
            .collect();
        sink.checked(row.holds);
        if row.holds {
            continue;
        }
        let decided = !others.is_empty() && others.iter().all(|r| r.holds);
        let c = compare(row.parts, written(&row.total));
        let raw = row.line.text[row.total.span.clone()].trim().to_string();
        let parts = row
            .amounts
            .iter()
            .map(|a| match a {
                RowAmount::Figure(t) => t.value.normalize().to_string(),
                RowAmount::Product(a, b) => format!(
                    "{} × {} (= {})",
                    a.value.normalize(),
                    b.value.normalize(),
                    (a.value * b.value).normalize()
                ),
            })
            .collect::<Vec<_>>()
            .join(" + ");
        let message = if decided {
            format!(
                "the row's last amount {raw} is not the sum of the others: {parts} = {}; the same sum holds on {} other row{} of the block",
                c.expected,
                others.len(),
                if others.len() == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "not decided: the row's last amount {raw} is not the sum of the others ({parts} = {}), but no other row of the block shows that the last amount is their total",
                c.expected
            )
        };
        let severity = if decided {
            RULE.severity
        } else {
            Severity::Info
        };
        let span = LineSpan::in_line(&row.line.text, row.total.span.start, row.total.span.end);
        let paragraph = sink.paragraph_at(&row.line.provenance);
        let f = sink.report(
            &RULE,
            severity,
            message,
            row.line.provenance.clone().with_span(span),
        );
        f.paragraph = paragraph;
        f.expected = Some(c.expected);
        f.found = Some(c.found);
        f.tolerance = Some(c.tolerance);
        f.figure = Some(raw);
    }
}

fn written(t: &Term) -> Interval {
    Interval::written(t.value, t.decimals)
}

/// The rows of `rows[i]`'s block: rows with as many amounts, each at most three lines
/// after the one before on the same page.
fn block_of(rows: &[Row], i: usize) -> Vec<usize> {
    let near = |a: &Row, b: &Row| {
        let (p, q) = (&a.line.provenance, &b.line.provenance);
        p.file == q.file && p.page == q.page && q.line > p.line && q.line - p.line <= 3
    };
    let shape = rows[i].amounts.len();
    let (mut lo, mut hi) = (i, i);
    while lo > 0 && rows[lo - 1].amounts.len() == shape && near(&rows[lo - 1], &rows[lo]) {
        lo -= 1;
    }
    while hi + 1 < rows.len()
        && rows[hi + 1].amounts.len() == shape
        && near(&rows[hi], &rows[hi + 1])
    {
        hi += 1;
    }
    (lo..=hi).collect()
}
