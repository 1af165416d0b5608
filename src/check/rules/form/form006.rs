//! FORM006: a § without a decision.

use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;

pub const RULE: Rule = Rule {
    code: RuleCode::FORM006,
    name: "paragraph-without-decision",
    family: Family::Form,
    severity: Severity::Warning,
    summary: "A § of the protocol records no decision",
    explanation: "Every § of a protocol records what the organ decided, even if only that the \
information is noted (\"Informationen tas emot och läggs till handlingarna\"). A § with a \
decision heading and nothing under it, or without any decision, leaves the record of that \
item incomplete; justera reports it as a warning.",
    checks: &[Check::Protocol(check)],
};

pub fn check(sink: &mut Sink) {
    let doc = sink.document;
    for p in &doc.paragraphs {
        let has_decision = !p.decision.is_empty()
            || p.sections
                .iter()
                .any(|s| s.kind == "decision" && s.lines.iter().any(|l| !l.text.trim().is_empty()));
        sink.checked(has_decision);
        if !has_decision {
            let f = sink.report(
                &RULE,
                RULE.severity,
                format!("§ {} \"{}\" records no decision", p.number, p.title.trim()),
                p.provenance.clone(),
            );
            f.paragraph = Some(p.number);
        }
    }
}
