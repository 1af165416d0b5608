//! SUM006: "varav" rows that divide the row above them whole (age bands from 0 to an
//! open end, or a last row naming the rest) but do not add up to it.

use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::view::TableView;
use crate::check::{Relation, TableCx};
use crate::grammar::re::Re;

pub const RULE: Rule = Rule {
    code: RuleCode::SUM006,
    name: "whole-varav-mismatch",
    family: Family::Sum,
    severity: Severity::Error,
    summary: "\"varav\" rows that divide their row whole (age bands from 0 to an open end, or a last row naming the rest) do not add up to it",
    explanation: "\"varav\" rows (därav) give parts of the row above them, usually only some \
of them, so their sum says nothing of that row. Two ways of writing them say they are all of it: \
age bands that start at 0 and run without a gap to an open end (\"Antal invånare\", \"- varav 0-6 \
år\", \"- varav 7-17 år\", \"- varav 18-64 år\", \"- varav 65- år\"; \"65 år och äldre\", \"65+\", \
\"över 64 år\" close them too), or a last row that names the rest (\"varav övriga materiella \
anläggningstillgångar\", övrigt, resten). justera then adds the varav rows, two or more right \
under the row, column by column, with the interval each figure's rounding allows. A column \
where they miss the row beyond that is reported when the same division holds in another column \
of the table (the columns are read as the record means them); where it holds in no other column \
it is not decided (info). Example: Antal invånare 2020 11 946 where 1 101 + 1 603 + 6 732 + \
2 506 make 11 942, while the other four years add up.",
    checks: &[Check::Relations(relations)],
};

/// An age band in a label: "0-6 år", "7–17 år", "65- år", "65+", "65 år och äldre",
/// "över 64 år" (the last three open).
const BAND: &str = r"(?i)(?:^|[^\d])(?:(\d{1,3})\s*[-–]\s*(\d{1,3})\s*år|(\d{1,3})\s*(?:[-–]\s*år|\+|år\s+och\s+(?:äldre|över|uppåt))|över\s+(\d{1,3})\s*år)(?:[^\p{L}\d]|$)";

/// The rest of a division: "övriga", "övrigt", "resten", "resterande".
const REST: &str = r"(?i)(?:^|[^\p{L}])(övriga|övrigt|resten|resterande)(?:[^\p{L}]|$)";

/// The varav rows under `whole` when they divide it whole.
fn divisions(view: &TableView) -> Vec<(usize, Vec<usize>)> {
    static BAND_RE: Re = Re::new(BAND);
    static REST_RE: Re = Re::new(REST);
    let mut out = Vec::new();
    let varav = |r: usize| {
        view.part_of.get(r).copied().unwrap_or(false)
            && crate::grammar::statement::clean(&view.label(r))
                .split_whitespace()
                .next()
                .is_some_and(|w| matches!(w, "varav" | "därav"))
    };
    for whole in 0..view.rows() {
        if varav(whole) || view.headings[whole] {
            continue;
        }
        let parts: Vec<usize> = (whole + 1..view.rows()).take_while(|&r| varav(r)).collect();
        if parts.len() < 2 {
            continue;
        }
        // Age bands: from 0, each the next year after the one before, the last open.
        let bands: Option<Vec<(u32, Option<u32>)>> = parts
            .iter()
            .map(|&r| {
                let label = view.label(r);
                let c = BAND_RE.captures(&label)?;
                let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
                match (n(1), n(2), n(3), n(4)) {
                    (Some(a), Some(b), _, _) if a <= b => Some((a, Some(b))),
                    (_, _, Some(a), _) => Some((a, None)),
                    (_, _, _, Some(a)) => Some((a + 1, None)),
                    _ => None,
                }
            })
            .collect();
        let tiled = bands.is_some_and(|b| {
            b[0].0 == 0
                && b.last().is_some_and(|l| l.1.is_none())
                && b.windows(2)
                    .all(|w| w[0].1.is_some_and(|end| w[1].0 == end + 1))
        });
        let rest = parts
            .last()
            .is_some_and(|&r| REST_RE.is_match(&view.label(r)));
        if tiled || rest {
            out.push((whole, parts));
        }
    }
    out
}

fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    let view = &cx.view;
    for (whole, parts) in divisions(view) {
        let named = super::whole::Named {
            parts: format!("its {} varav rows", parts.len()),
            after_range: ", which divide it whole",
            noun: "division",
        };
        super::whole::relations(view, &RULE, whole, &parts, &named, out);
    }
}
