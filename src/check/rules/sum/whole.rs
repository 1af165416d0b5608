//! A row and the rows that divide it whole (SUM005's split under "Hänförligt till",
//! SUM006's varav rows): the parts, column by column, against the whole, decided where
//! the same division holds in another column of the table.

use crate::arith::{compare, Comparison, Interval};
use crate::check::finding::Severity;
use crate::check::registry::Rule;
use crate::check::view::{CellRef, TableView};
use crate::check::Relation;

/// How a finding names the parts: "the 2 rows under \"Hänförligt till\"" or "its 4 varav
/// rows", what follows their range (", which divide it whole"), and the relation's noun
/// ("split", "division").
pub struct Named<'a> {
    pub parts: String,
    pub after_range: &'a str,
    pub noun: &'a str,
}

/// The relations of `whole` and its `parts` in every numeric column where the whole and
/// each part are written (a part left blank may be a cell the reading lost, not a zero);
/// a failure where the division holds in no other column is not decided.
pub fn relations(
    view: &TableView,
    rule: &'static Rule,
    whole: usize,
    parts: &[usize],
    named: &Named,
    out: &mut Vec<Relation>,
) {
    let mut compared: Vec<(usize, Comparison)> = Vec::new();
    for c in (0..view.cols()).filter(|&c| view.numeric(c)) {
        let Some(found) = view.figure(whole, c) else {
            continue;
        };
        let Some(values) = parts
            .iter()
            .map(|&r| view.figure(r, c))
            .collect::<Option<Vec<Interval>>>()
        else {
            continue;
        };
        compared.push((c, compare(Interval::sum(values), found)));
    }
    let holding = compared.iter().filter(|(_, x)| x.holds).count();
    for &(c, comparison) in &compared {
        let others = holding - usize::from(comparison.holds);
        let inputs: Vec<CellRef> = parts.iter().map(|&row| CellRef { row, col: c }).collect();
        let mut rel = Relation::new(
            rule,
            CellRef { row: whole, col: c },
            inputs,
            comparison,
            format!(
                "\"{}\" is not the sum of {} in column \"{}\" (\"{}\" to \"{}\"{}); the same {} holds in {}",
                view.label(whole),
                named.parts,
                view.column_name(c),
                view.label(parts[0]),
                view.label(parts[parts.len() - 1]),
                named.after_range,
                named.noun,
                other_columns(others)
            ),
        );
        rel.weights = vec![1; rel.inputs.len()];
        if !comparison.holds && others == 0 {
            rel.severity = Severity::Info;
            rel.message = format!(
                "not decided: the {} holds in no other column, so the columns may not have been read as the record means them ({})",
                named.noun, rel.message
            );
        }
        out.push(rel);
    }
}

/// "1 other column", "2 other columns".
fn other_columns(n: usize) -> String {
    format!("{n} other column{}", if n == 1 { "" } else { "s" })
}
