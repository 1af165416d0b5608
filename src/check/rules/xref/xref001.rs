//! XREF001: one quantity (same row label, same column header) with two values in two
//! tables of one document.

use crate::check::arith::compare;
use crate::check::finding::Severity;
use crate::check::registry::{Family, Rule};
use crate::check::view::{is_total_label, normalise, TableView};
use crate::check::Sink;

pub const RULE: Rule = Rule {
    code: "XREF001",
    name: "cross-table-mismatch",
    family: Family::Xref,
    severity: Severity::Error,
    summary: "The same row and column in two tables of one document hold different figures",
    explanation: "Reports repeat figures: an overview table (\"Budget tid totalt för \
projektet\") restates the totals of detailed tables (\"Budget externa resurser\"). Where two \
tables of one document have a row with the same label and a column with the same header, \
and at least one other figure of that row agrees between them (so the rows are the same \
quantity, not two units' \"Personalkostnader\"), every figure of the row must agree within \
rounding; one that differs is reported with both places. Example: \"Summa Externa resurser\" \
is 340 h (2019) and 1 790 h (total) in one table but 350 h and 1 800 h in the other.",
};

pub fn check(sink: &mut Sink) {
    let doc = sink.document;
    let views: Vec<TableView> = doc.tables.iter().map(TableView::new).collect();
    for (i, a) in views.iter().enumerate() {
        for (j, b) in views.iter().enumerate().skip(i + 1) {
            for ra in 0..a.rows() {
                let label = normalise(&a.label(ra));
                // A bare "Summa" names nothing specific enough to match across tables.
                if label.len() < 4 || (is_total_label(&label) && !label.contains(' ')) {
                    continue;
                }
                let Some(rb) = (0..b.rows()).find(|&r| normalise(&b.label(r)) == label) else {
                    continue;
                };
                // Pairs of cells under the same header.
                let mut pairs = Vec::new();
                for ca in 0..a.cols() {
                    let h = normalise(&a.header(ca));
                    if h.is_empty() {
                        continue;
                    }
                    let Some(cb) = (0..b.cols()).find(|&c| normalise(&b.header(c)) == h) else {
                        continue;
                    };
                    if let (Some(x), Some(y)) = (a.figure(ra, ca), b.figure(rb, cb)) {
                        pairs.push((ca, cb, x, y));
                    }
                }
                let agreeing = pairs
                    .iter()
                    .filter(|(_, _, x, y)| x.meets(y) && !x.nominal.is_zero())
                    .count();
                if agreeing == 0 {
                    continue;
                }
                for (ca, cb, x, y) in pairs {
                    let cmp = compare(x, y);
                    sink.checked(cmp.holds);
                    if cmp.holds {
                        continue;
                    }
                    let at = b.table.rows[rb].provenance.clone();
                    let related = a.table.rows[ra].provenance.clone();
                    let paragraph = sink.paragraph_of_table(j);
                    let f = sink.report(
                        &RULE,
                        RULE.severity,
                        format!(
                            "\"{}\", \"{}\" is {} here but {} in {} ({})",
                            b.label(rb),
                            b.header(cb),
                            cmp.found,
                            cmp.expected,
                            a.table
                                .title
                                .as_deref()
                                .map(|t| format!("table \"{}\"", t.trim()))
                                .unwrap_or_else(|| "another table".to_string()),
                            related
                        ),
                        at,
                    );
                    f.table = Some(j);
                    f.paragraph = paragraph;
                    f.row = Some(b.label(rb));
                    f.column = Some(b.header(cb));
                    f.expected = Some(cmp.expected);
                    f.found = Some(cmp.found);
                    f.tolerance = Some(cmp.tolerance);
                    f.related = Some(related);
                    f.figure = b.raw(rb, cb).map(str::to_string);
                    let _ = ca;
                }
            }
        }
    }
}
