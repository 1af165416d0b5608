//! FORM010: vote counts that exceed the members present.

use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;

pub const RULE: Rule = Rule {
    code: RuleCode::FORM010,
    name: "vote-count-exceeds-members",
    family: Family::Form,
    severity: Severity::Error,
    summary: "A vote records more ja, nej and avstår than members present",
    explanation: "In an omröstning every serving member (ledamot or tjänstgörande ersättare) \
votes ja, nej or avstår once. justera counts the beslutande serving at that § from the \
attendance list and reports a vote whose counts add up to more.",
    checks: &[Check::Protocol(check)],
};

pub fn check(sink: &mut Sink) {
    let doc = sink.document;
    let Some(h) = doc.header.as_ref() else { return };
    let serving = |n: u32| {
        h.attendance
            .iter()
            .filter(|a| {
                let role = a.role.to_lowercase();
                let member = role.contains("ledamot")
                    || role.contains("ordförande")
                    || role.contains("tjänstgörande");
                member
                    && a.paragraphs
                        .as_ref()
                        .is_none_or(|p| p.from <= n && n <= p.to)
            })
            .count() as u32
    };
    if h.attendance.is_empty() {
        return;
    }
    for p in &doc.paragraphs {
        for v in &p.votes {
            let cast = v.yes.unwrap_or(0) + v.no.unwrap_or(0) + v.abstain.unwrap_or(0);
            let present = serving(p.number);
            if cast == 0 || present == 0 {
                continue;
            }
            sink.checked(cast <= present);
            if cast > present {
                let at = v.provenance.clone().unwrap_or_else(|| p.provenance.clone());
                let f = sink.report(
                    &RULE,
                    RULE.severity,
                    format!(
                        "§ {}: {cast} votes cast but {present} members serving",
                        p.number
                    ),
                    at,
                );
                f.paragraph = Some(p.number);
                f.expected = Some(present.into());
                f.found = Some(cast.into());
            }
        }
    }
}
