//! XREF001: one quantity (same row label, same column header) with two values in two
//! tables of one document.

use crate::arith::compare;
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::view::{normalise, ColumnKind, TableView};
use crate::check::Sink;
use std::collections::HashMap;

pub const RULE: Rule = Rule {
    code: RuleCode::XREF001,
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
    checks: &[Check::Document(check)],
};

/// Cells of two tables under the same row label and the same column header, each a
/// figure: (row in a, column in a, row in b, column in b).
type Pair = (usize, usize, usize, usize);

/// A table's row labels and column headers, normalised once: a document with many
/// tables compares every pair of them.
struct Names {
    /// Headers written twice in one table ("Utfall", "Utfall") name nothing by themselves.
    headers: Vec<Option<String>>,
    /// Normalised row label → the rows with it.
    rows: HashMap<String, Vec<usize>>,
    labels: Vec<String>,
    /// Labels that are a bare total word ("Summa"), per row.
    bare_total: Vec<bool>,
}

impl Names {
    fn of(v: &TableView) -> Names {
        let hs: Vec<String> = (0..v.cols()).map(|c| normalise(&v.header(c))).collect();
        let headers = hs
            .iter()
            .map(|h| {
                (!h.is_empty() && hs.iter().filter(|x| *x == h).count() == 1).then(|| h.clone())
            })
            .collect();
        let labels: Vec<String> = (0..v.rows()).map(|r| normalise(&v.label(r))).collect();
        let mut rows: HashMap<String, Vec<usize>> = HashMap::new();
        for (r, l) in labels.iter().enumerate() {
            rows.entry(l.clone()).or_default().push(r);
        }
        let bare_total = labels
            .iter()
            .map(|l| v.vocab.is_sum_label(l) && !l.contains(' '))
            .collect();
        Names {
            headers,
            rows,
            labels,
            bare_total,
        }
    }
}

/// Where each (row label, column header) of the document's tables sits as a figure, in
/// a table where that label names one row: the cells a row of another table may restate.
type CellIndex<'n> = HashMap<(&'n str, &'n str), Vec<(usize, usize, usize)>>;

fn restatable_cells<'n>(views: &[TableView], names: &'n [Names]) -> CellIndex<'n> {
    let mut index: CellIndex = HashMap::new();
    for (t, (v, n)) in views.iter().zip(names).enumerate() {
        for (label, rows) in &n.rows {
            let [r] = rows.as_slice() else { continue };
            for (c, h) in n.headers.iter().enumerate() {
                let Some(h) = h else { continue };
                if v.figure(*r, c).is_some() {
                    index
                        .entry((label.as_str(), h.as_str()))
                        .or_default()
                        .push((t, *r, c));
                }
            }
        }
    }
    index
}

/// The cells table `i` shares with each later table, by table, in the order of `i`'s rows
/// and columns. Looked up in the index: comparing every pair of tables made a long
/// document quadratic in its tables.
fn shared_cells(
    i: usize,
    a: &TableView,
    na: &Names,
    index: &CellIndex,
) -> std::collections::BTreeMap<usize, Vec<Pair>> {
    let mut out: std::collections::BTreeMap<usize, Vec<Pair>> = Default::default();
    for (ra, label) in na.labels.iter().enumerate() {
        // A bare "Summa" names nothing specific enough to match across tables.
        if label.len() < 4 || (na.bare_total[ra]) {
            continue;
        }
        for (ca, h) in na.headers.iter().enumerate() {
            let Some(h) = h else { continue };
            if a.figure(ra, ca).is_none() {
                continue;
            }
            let Some(cells) = index.get(&(label.as_str(), h.as_str())) else {
                continue;
            };
            for &(j, rb, cb) in cells.iter().filter(|(j, _, _)| *j > i) {
                out.entry(j).or_default().push((ra, ca, rb, cb));
            }
        }
    }
    out
}

pub fn check(sink: &mut Sink) {
    let (doc, vocab) = (sink.document, sink.vocab);
    let views: Vec<TableView> = doc
        .tables
        .iter()
        .map(|t| TableView::new(t, vocab))
        .collect();
    let names: Vec<Names> = views.iter().map(Names::of).collect();
    let index = restatable_cells(&views, &names);
    for (i, a) in views.iter().enumerate() {
        for (j, pairs) in shared_cells(i, a, &names[i], &index) {
            let b = &views[j];
            // A rate the two rows share (a percentage: "3 %" of income, the VAT rate)
            // does not make them the same quantity: different fees, years and
            // categories share rates.
            let rate = |v: &TableView, c: usize| v.kinds.get(c) == Some(&ColumnKind::Percent);
            let agrees = |&(ra, ca, rb, cb): &Pair| {
                !rate(a, ca)
                    && !rate(b, cb)
                    && matches!((a.figure(ra, ca), b.figure(rb, cb)), (Some(x), Some(y)) if x.meets(&y) && !x.nominal.is_zero())
            };
            let agreeing = pairs.iter().filter(|p| agrees(p)).count();
            let differing = pairs
                .iter()
                .filter(|&&(ra, ca, rb, cb)| {
                    matches!((a.figure(ra, ca), b.figure(rb, cb)), (Some(x), Some(y)) if !x.meets(&y))
                })
                .count();
            // Parallel tables (Fas 1 and Fas 2, one unit's resultaträkning and another's)
            // share labels and headers but differ in most cells: not the same quantities.
            if agreeing == 0 || differing > agreeing {
                continue;
            }
            for &(ra, ca, rb, cb) in &pairs {
                // The row must be the same quantity: some other figure of it agrees.
                if !pairs.iter().any(|p| p.0 == ra && p.1 != ca && agrees(p)) {
                    continue;
                }
                let (Some(x), Some(y)) = (a.figure(ra, ca), b.figure(rb, cb)) else {
                    continue;
                };
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
            }
        }
    }
}
