//! FORM004: anslag not posted within two days of justering, or taken down before three weeks.

use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;

pub const RULE: Rule = Rule {
    code: RuleCode::FORM004,
    name: "anslag-period",
    family: Family::Form,
    severity: Severity::Warning,
    summary: "The anslag went up later than two days after justering, before it, or stayed up less than three weeks",
    explanation: "The justering of a protocol is announced on the kommun's anslagstavla no \
later than two days after the justering, and the anslag stays up at least three weeks (KL 8 \
kap. 12 §); the time to appeal runs from it. justera compares the dates of the header's \
justering and the Anslag/bevis block: an anslag before the justering, more than two days \
after it, or taken down less than 21 days after it went up is reported.",
    checks: &[Check::Protocol(check)],
};

pub fn check(sink: &mut Sink) {
    let Some(h) = sink.document.header.as_ref() else {
        return;
    };
    let Some(notice) = h.notice.as_ref() else {
        return;
    };
    let at = h
        .provenance
        .clone()
        .unwrap_or_else(|| sink.document.provenance.clone());
    let adjusted = h.adjustment.as_ref().and_then(|a| a.date);
    if let (Some(adj), Some(posted)) = (adjusted, notice.posted) {
        let days = (posted - adj).num_days();
        let ok = (0..=2).contains(&days);
        sink.checked(ok);
        if !ok {
            let f = sink.report(
                &RULE,
                RULE.severity,
                format!("anslag posted {posted}, {days} days after the justering {adj} (0 to 2)"),
                at.clone(),
            );
            f.expected = Some(2.into());
            f.found = Some(days.into());
            f.unit = Some("days".into());
        }
    }
    if let (Some(posted), Some(removed)) = (notice.posted, notice.removed) {
        let days = (removed - posted).num_days();
        sink.checked(days >= 21);
        if days < 21 {
            let f = sink.report(
                &RULE,
                Severity::Error,
                format!("anslag up from {posted} to {removed}: {days} days, less than three weeks"),
                at,
            );
            f.expected = Some(21.into());
            f.found = Some(days.into());
            f.unit = Some("days".into());
        }
    }
}
