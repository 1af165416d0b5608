//! XDOC002: a closing balance that is not the opening balance plus the year's outcome.

use crate::check::cross::{
    closing_balances, doc_id, fmt_fact, pick_same_document, place, record, subject, CrossResult,
    FactIndex,
};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};

pub static RULE: Rule = Rule {
    code: RuleCode::XDOC002,
    name: "closing-balance-not-roll-forward",
    family: Family::Xdoc,
    severity: Severity::Error,
    summary: "Closing balance is not opening balance plus the year's outcome",
    explanation:
        "For an organisation that carries its surplus or deficit between years, UB year N \
         must equal UB year N-1 (or IB year N) plus the outcome (utfall) of year N. The \
         three figures are taken from the same document; the relation fails only when the \
         rounding intervals of the figures cannot meet. When all three stand in one table \
         the failure is reported as BAL001 (the within-table check), not twice.",
    checks: &[Check::CrossDocument(check)],
};

/// UB year N = (IB year N or UB year N−1) + utfall year N, from one document.
fn check(by_key: &FactIndex, out: &mut CrossResult) {
    for ((owner, entity), period, year, closings) in closing_balances(by_key) {
        let prev = (year - 1).to_string();
        let empty = Vec::new();
        let ib_same = by_key.get(&(owner, entity, "ib", period)).unwrap_or(&empty);
        let ub_prev = by_key
            .get(&(owner, entity, "ub", prev.as_str()))
            .unwrap_or(&empty);
        let results = by_key
            .get(&(owner, entity, "utfall", period))
            .unwrap_or(&empty);
        for ub in closings {
            let opening =
                pick_same_document(ub, ib_same).or_else(|| pick_same_document(ub, ub_prev));
            let (Some(opening), Some(result)) = (opening, pick_same_document(ub, results)) else {
                continue;
            };
            let (Some(expected), Some(tolerance)) = (
                opening.value.checked_add(result.value),
                opening
                    .tolerance
                    .checked_add(result.tolerance)
                    .and_then(|t| t.checked_add(ub.tolerance)),
            ) else {
                continue;
            };
            let holds = expected
                .checked_sub(ub.value)
                .is_some_and(|d| d.abs() <= tolerance);
            let statement = format!(
                "{}: UB {year} {} {} {} {} {} + utfall {year} {} ({})",
                subject(owner, entity),
                fmt_fact(ub),
                if holds { "=" } else { "≠" },
                opening.measure.to_uppercase(),
                opening.period,
                fmt_fact(opening),
                fmt_fact(result),
                place(ub)
            );
            // A roll-forward inside one table is BAL001's finding already: the relation
            // is listed as checked, but the defect is reported once.
            let within_one_table = [opening, result]
                .iter()
                .all(|f| doc_id(f) == doc_id(ub) && f.table == ub.table);
            record(
                out,
                &RULE,
                !within_one_table,
                statement,
                expected,
                ub.value,
                tolerance,
                ub,
                opening,
                &[result],
            );
        }
    }
}
