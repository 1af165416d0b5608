//! FORM003: justering later than 14 days after the meeting, or evidence of it.

use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;

pub const RULE: Rule = Rule {
    code: RuleCode::FORM003,
    name: "late-justering",
    family: Family::Form,
    severity: Severity::Error,
    summary: "The protocol was (or must have been) justerat more than 14 days after the meeting",
    explanation: "A protocol shall be justerat within 14 days of the meeting (KL 5 kap. 69 §, 6 \
kap. 35 §), and the justering is announced on the anslagstavla within two days after it (8 \
kap. 12 §). justera reports a justering date more than 14 days after the meeting. When \
\"Justeringens plats och tid\" is empty, an anslag posted more than 16 days after the meeting \
is evidence of a late justering and is reported too. Example: Direktionen 2021-11-18, anslag \
2021-12-17 (29 days), justering date missing.",
    checks: &[Check::Protocol(check)],
};

pub fn check(sink: &mut Sink) {
    let Some(h) = sink.document.header.as_ref() else {
        return;
    };
    let Some(meeting) = h.meeting_date else {
        return;
    };
    // The finding points at the line that states the date it counts from: the
    // justering, else the anslag's posting date (the header when neither says where).
    let header_at = h
        .provenance
        .clone()
        .unwrap_or_else(|| sink.document.provenance.clone());
    let adjusted = h.adjustment.as_ref().and_then(|a| a.date);
    let posted = h.notice.as_ref().and_then(|n| n.posted);
    if let Some(adj) = adjusted {
        let days = (adj - meeting).num_days();
        sink.checked(days <= 14);
        if days > 14 {
            let f = sink.report(
                &RULE,
                RULE.severity,
                format!("justerat {adj}, {days} days after the meeting {meeting} (at most 14)"),
                h.adjustment
                    .as_ref()
                    .and_then(|a| a.provenance.clone())
                    .unwrap_or(header_at),
            );
            f.expected = Some(14.into());
            f.found = Some(days.into());
            f.unit = Some("days".into());
        }
    } else if let Some(posted) = posted {
        let days = (posted - meeting).num_days();
        sink.checked(days <= 16);
        if days > 16 {
            let f = sink.report(
                &RULE,
                RULE.severity,
                format!(
                    "anslag posted {posted}, {days} days after the meeting {meeting}, and no justering date: \
                     the protocol cannot have been justerat within 14 days if the anslag went up within two days of it"
                ),
                h.notice
                    .as_ref()
                    .and_then(|n| n.posted_at.clone().or_else(|| n.provenance.clone()))
                    .unwrap_or(header_at),
            );
            f.expected = Some(16.into());
            f.found = Some(days.into());
            f.unit = Some("days".into());
        }
    }
}
