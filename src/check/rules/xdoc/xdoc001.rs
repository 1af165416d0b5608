//! XDOC001: a closing balance (UB) that is not the next year's opening balance (IB).

use crate::check::cross::{
    closing_balances, first_per_document, fmt_fact, place, record_agreement, reference, same_cell,
    subject, CrossResult, FactIndex,
};
use crate::check::facts::Fact;
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};

pub static RULE: Rule = Rule {
    code: RuleCode::XDOC001,
    name: "balance-not-carried-over",
    family: Family::Xdoc,
    severity: Severity::Error,
    summary: "Balance not carried over between years",
    explanation:
        "The closing balance (UB) of an organisation for year N must be the opening balance \
         (IB) of year N+1, wherever the two are stated: in the same table, in a protocol and \
         the report it decided on, or in two years' reports. The figures are compared with \
         rounding tolerance (each stands for ± half its last written digit); a difference \
         beyond that means a balance was changed, lost or mistyped between the documents.",
    checks: &[Check::CrossDocument(check)],
};

/// UB year N = IB year N+1.
fn check(by_key: &FactIndex, out: &mut CrossResult) {
    for ((owner, entity), _, year, closings) in closing_balances(by_key) {
        let next = (year + 1).to_string();
        let Some(openings) = by_key.get(&(owner, entity, "ib", next.as_str())) else {
            continue;
        };
        let closings = first_per_document(closings);
        for ib in first_per_document(openings) {
            // A header "IB 2021 / UB 2020" names one column twice: not a relation.
            let candidates: Vec<&Fact> = closings
                .iter()
                .copied()
                .filter(|ub| !same_cell(ib, ub) && ib.unit == ub.unit)
                .collect();
            let Some(ub) = reference(&candidates) else {
                continue;
            };
            let statement = format!(
                "{}: IB {next} {} at {} {} UB {year} {} at {}",
                subject(owner, entity),
                fmt_fact(ib),
                place(ib),
                if ib.agrees_with(ub) { "=" } else { "≠" },
                fmt_fact(ub),
                place(ub)
            );
            record_agreement(out, &RULE, statement, ub, ib);
        }
    }
}
