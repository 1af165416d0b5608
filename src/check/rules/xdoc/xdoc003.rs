//! XDOC003: one fact stated with different values in different documents.

use crate::check::cross::{
    first_per_document, fmt_fact, place, record_agreement, reference, subject, CrossResult,
    FactIndex,
};
use crate::check::facts::Fact;
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};

pub static RULE: Rule = Rule {
    code: RuleCode::XDOC003,
    name: "fact-differs-between-documents",
    family: Family::Xdoc,
    severity: Severity::Warning,
    summary: "Same fact with different values in different documents",
    explanation:
        "The same figure — one organisation or unit, one measure (UB, IB, utfall, budget, \
         prognos, kommunbidrag, medlemsbidrag …) and one period — is stated with values \
         that cannot be the same amount after rounding in two different documents, e.g. a \
         budget decided in one meeting and the budget followed up in a later report, or an \
         outcome in a protocol and in the report it decided on. The finding names both \
         places; one of them is wrong or the figure was revised without saying so.",
    checks: &[Check::CrossDocument(check)],
};

/// One key, different documents, values that cannot be the same amount.
fn check(by_key: &FactIndex, out: &mut CrossResult) {
    for ((owner, entity, measure, period), group) in by_key {
        let firsts = first_per_document(group);
        let mut units: Vec<&str> = firsts.iter().map(|f| f.unit.as_str()).collect();
        units.sort_unstable();
        units.dedup();
        for unit in units {
            let same_unit: Vec<&Fact> = firsts.iter().copied().filter(|f| f.unit == unit).collect();
            let Some(reference) = reference(&same_unit) else {
                continue;
            };
            for other in same_unit {
                if std::ptr::eq(other, reference) {
                    continue;
                }
                let holds = other.agrees_with(reference);
                let statement = if holds {
                    format!(
                        "{}: {measure} {period} {} agrees at {} and {}",
                        subject(owner, entity),
                        fmt_fact(other),
                        place(other),
                        place(reference)
                    )
                } else {
                    format!(
                        "{}: {measure} {period} is {} at {} but {} at {}",
                        subject(owner, entity),
                        fmt_fact(other),
                        place(other),
                        fmt_fact(reference),
                        place(reference)
                    )
                };
                record_agreement(out, &RULE, statement, reference, other);
            }
        }
    }
}
