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
        let written_n = written_share(&h);
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

/// The n of a share "1/n" written in a header ("fördelas med 1/15"): a "1" that starts a
/// figure, so "11/2024" and "2021/2022" are no shares, and an n that is no year, so a
/// month "1/2024" is none either.
fn written_share(header: &str) -> Option<u32> {
    header.match_indices("1/").find_map(|(i, _)| {
        if header[..i].ends_with(|ch: char| ch.is_ascii_digit() || ch == ',' || ch == '.') {
            return None;
        }
        let rest = &header[i + 2..];
        let digits = rest.split(|ch: char| !ch.is_ascii_digit()).next()?;
        let n = digits.parse::<u32>().ok().filter(|n| *n > 0)?;
        // "1/2024-3/2024", "1/2024*": a month of a year.
        (!(1900..=2100).contains(&n)).then_some(n)
    })
}

#[cfg(test)]
mod tests {
    use super::written_share;

    #[test]
    fn a_share_is_one_over_n_and_no_date() {
        assert_eq!(written_share("fördelas med 1/15"), Some(15));
        assert_eq!(written_share("1/290 per kommun"), Some(290));
        assert_eq!(written_share("1/2024"), None);
        assert_eq!(written_share("11/2024"), None);
        assert_eq!(written_share("2021/2022"), None);
        assert_eq!(written_share("budget 2021/22"), None);
        assert_eq!(written_share("rak andel"), None);
    }
}
