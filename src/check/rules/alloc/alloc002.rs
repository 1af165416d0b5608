//! ALLOC002: an equal split ("fördelas med 1/15", "rak andel") whose parts are not equal shares.

use crate::arith::{compare, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::view::{normalise, CellRef};
use crate::check::{Relation, TableCx};
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: RuleCode::ALLOC002,
    name: "equal-split-mismatch",
    family: Family::Alloc,
    severity: Severity::Error,
    summary:
        "A cost split in equal parts (1/15, rak andel, lika delar) has a part that is not total / n",
    explanation: "\"50 % rak andel\", \"fördelas med 1/15\", \"lika delar\": a column headed so \
splits its total equally over the rows that share it. justera checks each row against total / \
n (n = the number of rows with a figure in that column, or the n in \"1/n\" when written) with \
the rounding of the total and the part. When every part is written alike and only the total \
disagrees, the total is the wrong figure and is reported once, not each of the n parts.",
    checks: &[Check::Relations(relations)],
};

pub fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    let view = &cx.view;
    for c in 0..view.cols() {
        let h = normalise(&view.header(c));
        let written_n = h
            .split_once("1/")
            .and_then(|(_, rest)| rest.split(|ch: char| !ch.is_ascii_digit()).next())
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|n| *n > 0);
        let equal_words = view.vocab.words("column_relations", "equal_split");
        if written_n.is_none() && !equal_words.iter().any(|w| h.contains(w.as_str())) {
            continue;
        }
        let Some(t) = (0..view.rows())
            .filter(|&r| view.totals[r] && view.figure(r, c).is_some())
            .max_by_key(|&r| view.figure(r, c).map(|v| v.nominal.abs()))
        else {
            continue;
        };
        let parts: Vec<usize> = (0..view.rows())
            .filter(|&r| view.is_data(r) && view.figure(r, c).is_some())
            .collect();
        let n = written_n.unwrap_or(parts.len() as u32);
        let Some(total) = view.figure(t, c) else {
            continue;
        };
        if n == 0 {
            continue;
        }
        // Parts all written alike beside a total that is not n of them: the one figure
        // that disagrees is the total, not each of the n parts.
        let first = parts.first().and_then(|&r| view.figure(r, c));
        if let Some(part) = first.filter(|p| {
            parts.len() as u32 == n
                && parts.len() > 1
                && parts
                    .iter()
                    .all(|&r| view.figure(r, c).map(|v| v.nominal) == Some(p.nominal))
        }) {
            let expected = part.times(Interval::exact(Decimal::from(n)));
            out.push(Relation::new(
                &RULE,
                CellRef { row: t, col: c },
                parts.iter().map(|&r| CellRef { row: r, col: c }).collect(),
                compare(expected, total),
                format!(
                    "the total of \"{}\" is not its {n} equal parts of {}",
                    view.header(c),
                    part.nominal
                ),
            ));
            continue;
        }
        let Some(each) = total.divided_by(Interval::exact(Decimal::from(n))) else {
            continue;
        };
        for r in parts {
            let Some(found) = view.figure(r, c) else {
                continue;
            };
            let cmp = compare(each, found);
            out.push(Relation::new(
                &RULE,
                CellRef { row: r, col: c },
                vec![CellRef { row: t, col: c }],
                cmp,
                format!(
                    "\"{}\" on row \"{}\" is not 1/{n} of {}",
                    view.header(c),
                    view.label(r),
                    total.nominal
                ),
            ));
        }
    }
}
