//! BAL002: likvida medel vid årets slut that are not those at the start plus the year's
//! cash flow.

use crate::arith::compare;
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::rules::rel::statement::{self, Kind, Statement};
use crate::check::view::{CellRef, TableView};
use crate::check::{Relation, TableCx};
use crate::grammar::statement::{is_note_column, role};

pub const RULE: Rule = Rule {
    code: RuleCode::BAL002,
    name: "cash-not-carried",
    family: Family::Bal,
    severity: Severity::Error,
    summary:
        "Likvida medel vid årets slut are not likvida medel vid årets början plus årets kassaflöde",
    explanation: "A kassaflödesanalys ends with the cash it explains: Likvida medel vid årets \
början + Årets kassaflöde (and any line between, such as a valutadifferens; \"varav\" lines \
are breakdowns and not added) = Likvida medel vid årets slut. The lines are found by their \
labels (grammars/statements.vocab, \"periodens\" as well as \"årets\") and every column — \
kommun, koncern, each year — is checked on its own; a failure is an error only when the same \
relation holds in another column or two other relations of the statement hold in this one. \
Example: 63 + 46 = 109 holds; a UB of 110 would be reported (expected 109). Where the \
statement sets two years side by side for the same entity (\"Kommunkoncernen 2021\" and \
\"Kommunkoncernen 2020\"), the cash at the start of the later year is the cash at the end \
of the earlier one: 336,1 at the start of 2021 against 335,9 at the end of 2020 is \
reported; an error only when in both columns the cash at the end is the cash at the start \
plus the year's cash flow (the columns are read as written), otherwise \"not decided\".",
    checks: &[Check::Relations(relations)],
};

fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    statement::relations(&cx.view, cx.statement(), Kind::Cash, &RULE, out);
    carried(&cx.view, cx.statement(), out);
}

/// The column's year and what it is the year of: "Kommunkoncernen 2021" gives
/// (2021, "kommunkoncernen"). `None` unless the header names exactly one year.
fn year_and_entity(header: &str) -> Option<(u32, String)> {
    let chars: Vec<char> = header.chars().collect();
    let mut years = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let j = (i..chars.len())
                .find(|&k| !chars[k].is_ascii_digit())
                .unwrap_or(chars.len());
            let digits: String = chars[i..j].iter().collect();
            if digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20")) {
                years.push((i, j, digits.parse::<u32>().ok()?));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    let [(from, to, year)] = years[..] else {
        return None;
    };
    let rest: String = chars[..from].iter().chain(&chars[to..]).collect();
    let entity = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ");
    Some((year, entity))
}

/// Cash carried from one year's column to the next year's column of the same entity:
/// Likvida medel vid årets början (year N) = vid årets slut (year N−1).
/// Only where the statement was read with its cash relation (a piece of a statement
/// checked joined has none of its own).
pub fn carried(view: &TableView, st: &Statement, out: &mut Vec<Relation>) {
    if !st.steps.iter().any(|s| s.kind == Kind::Cash) {
        return;
    }
    let v = view.vocab;
    let n = view.rows();
    let find = |k: &str| (0..n).find(|&r| role(v, &view.label(r)) == Some(k));
    let (Some(start), Some(end)) = (find("kf_cash_start"), find("kf_cash_end")) else {
        return;
    };
    if start >= end {
        return;
    }
    // Whether the column's own cash relation (end = start + the year's flow) holds: the
    // column is then read as written.
    let cash_holds = |c: usize| {
        st.steps.iter().filter(|s| s.kind == Kind::Cash).any(|s| {
            s.columns
                .iter()
                .any(|x| x.col == c && x.comparison.holds && x.undecided.is_none())
        })
    };
    let cols: Vec<(usize, u32, String)> = (0..view.cols())
        .filter(|&c| view.numeric(c) && !is_note_column(v, &view.header(c)))
        .filter_map(|c| year_and_entity(&view.header(c)).map(|(y, e)| (c, y, e)))
        .collect();
    let pairs: Vec<(usize, usize)> = cols
        .iter()
        .flat_map(|(c, y, e)| {
            cols.iter()
                .filter(move |(_, y2, e2)| *y2 + 1 == *y && e2 == e)
                .map(move |(d, _, _)| (*c, *d))
        })
        .collect();
    let comparisons: Vec<(usize, usize, crate::arith::Comparison)> = pairs
        .iter()
        .filter_map(|&(c, d)| {
            let found = view.figure(start, c)?;
            let expected = view.figure(end, d)?;
            Some((c, d, compare(expected, found)))
        })
        .collect();
    for &(c, d, comparison) in &comparisons {
        let others = comparisons
            .iter()
            .filter(|(c2, d2, x)| (*c2, *d2) != (c, d) && x.holds)
            .count();
        let name = |r: usize| view.label(r).trim().trim_end_matches(':').to_string();
        let mut rel = Relation::new(
            &RULE,
            CellRef { row: start, col: c },
            vec![CellRef { row: end, col: d }],
            comparison,
            format!(
                "\"{}\" in column \"{}\" is not \"{}\" in column \"{}\", the year before; in both columns the cash at the end is the cash at the start plus the year's cash flow, and the same carry-over holds in {others} other pair{} of columns",
                name(start),
                view.header(c).trim(),
                name(end),
                view.header(d).trim(),
                if others == 1 { "" } else { "s" }
            ),
        );
        if !(cash_holds(c) && cash_holds(d)) {
            rel.severity = crate::check::finding::Severity::Info;
            rel.message = format!(
                "not decided: the cash at the end is not the cash at the start plus the year's cash flow in both columns, so they may not have been read as written ({})",
                rel.message.replace(
                    "; in both columns the cash at the end is the cash at the start plus the year's cash flow",
                    ""
                )
            );
        }
        out.push(rel);
    }
}

#[cfg(test)]
mod tests {
    use super::year_and_entity;

    #[test]
    fn a_column_names_its_year_and_entity() {
        assert_eq!(
            year_and_entity("Kommunkoncernen 2021"),
            Some((2021, "kommunkoncernen".into()))
        );
        assert_eq!(
            year_and_entity("Utfall 2019-12-31"),
            Some((2019, "utfall 12 31".into()))
        );
        assert_eq!(year_and_entity("Kommunen"), None);
        assert_eq!(year_and_entity("2020 2021"), None);
    }
}
