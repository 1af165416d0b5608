//! FORM009: attendance that contradicts itself or the meeting's §§.

use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;

pub const RULE: Rule = Rule {
    code: RuleCode::FORM009,
    name: "attendance-contradiction",
    family: Family::Form,
    severity: Severity::Warning,
    summary: "Attendance names §§ outside the meeting, or two members for one seat at the same §",
    explanation: "The list of beslutande says who took part in which §§ (\"Lars Lindprov §§ \
59-62\", \"tjänstgörande ersättare §§ 62-67\"). A §§ range outside the meeting's paragraphs, or \
an ersättare serving for a member at a § where that member is also recorded as present, \
makes it unclear who decided; justera reports both.",
    checks: &[Check::Protocol(check)],
};

pub fn check(sink: &mut Sink) {
    let Some(h) = sink.document.header.as_ref() else {
        return;
    };
    let range = h.paragraphs.clone();
    let fallback = h
        .provenance
        .clone()
        .unwrap_or_else(|| sink.document.provenance.clone());
    let people = h.attendance.clone();
    for a in &people {
        let at = a.provenance.clone().unwrap_or_else(|| fallback.clone());
        if let (Some(p), Some(meeting)) = (&a.paragraphs, &range) {
            let ok = p.from >= meeting.from && p.to <= meeting.to && p.from <= p.to;
            sink.checked(ok);
            if !ok {
                sink.report(
                    &RULE,
                    RULE.severity,
                    format!(
                        "{} is recorded for §§ {}-{}, outside the meeting's §§ {}-{}",
                        a.name, p.from, p.to, meeting.from, meeting.to
                    ),
                    at.clone(),
                );
            }
        }
        let Some(seat) = a.replaces.as_deref() else {
            continue;
        };
        let Some(member) = people.iter().find(|m| m.name == seat) else {
            continue;
        };
        let overlap = match (&a.paragraphs, &member.paragraphs) {
            (Some(x), Some(y)) => {
                (x.from.max(y.from) <= x.to.min(y.to)).then(|| x.from.max(y.from))
            }
            (None, Some(y)) | (Some(y), None) => Some(y.from),
            (None, None) => range.as_ref().map(|r| r.from),
        };
        sink.checked(overlap.is_none());
        if let Some(n) = overlap {
            let f = sink.report(
                &RULE,
                RULE.severity,
                format!(
                    "{} serves for {} at § {n}, where {} is also recorded as present",
                    a.name, member.name, member.name
                ),
                at,
            );
            f.paragraph = Some(n);
        }
    }
}
