//! FORM005: a protocol without justerare, sekreterare or ordförande.

use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;

pub const RULE: Rule = Rule {
    code: RuleCode::FORM005,
    name: "missing-signatory",
    family: Family::Form,
    severity: Severity::Warning,
    summary: "The protocol names no justerare, sekreterare or ordförande",
    explanation: "A protocol is signed by the sekreterare, the ordförande and the justerare the \
meeting appointed (\"Utses att justera\"); without them it cannot be justerat. justera reports \
each role the protocol's header and signature block do not name. When the header has the \
role's label but the name after it cannot be read for certain (flattened text where the labels \
and names of several fields run together on one line, or text after the label that is not a \
name), the finding is information, \"not decided\", with the reason.",
    checks: &[Check::Protocol(check)],
};

pub fn check(sink: &mut Sink) {
    let Some(h) = sink.document.header.as_ref() else {
        return;
    };
    let at = h
        .provenance
        .clone()
        .unwrap_or_else(|| sink.document.provenance.clone());
    let missing: Vec<&str> = [
        (h.adjusters.is_empty(), "justerare"),
        (
            h.secretary.as_deref().is_none_or(|s| s.trim().is_empty()),
            "sekreterare",
        ),
        (
            h.chair.as_deref().is_none_or(|s| s.trim().is_empty()),
            "ordförande",
        ),
    ]
    .into_iter()
    .filter_map(|(gone, role)| gone.then_some(role))
    .collect();
    for _ in 0..3 - missing.len() {
        sink.checked(true);
    }
    // A record that stops before its first § without closing its last line ("…
    // Justeringens plats Ledningskontoret och d"): the cut may fall inside the header,
    // before the names it lacks.
    let doc = sink.document;
    let last_line = doc
        .lines
        .iter()
        .rev()
        .map(|l| l.text.trim())
        .find(|t| !t.is_empty());
    // The last words of such a record, to show where it stops.
    let cut_tail: Option<String> = last_line
        .filter(|t| {
            doc.paragraphs.is_empty()
                && doc.cut_paragraphs.is_empty()
                && !crate::document::ends_closed(t)
        })
        .map(|t| {
            let chars: Vec<char> = t.chars().collect();
            chars[chars.len().saturating_sub(40)..].iter().collect()
        });
    for role in missing {
        // The header has the role's label but its name was not read for certain
        // (flattened text, or something that is not a name after the label): the name
        // may well be there, so whether it is missing is not decided.
        if let Some((_, why)) = h.unread_roles.iter().find(|(r, _)| r == role) {
            sink.report(
                &RULE,
                Severity::Info,
                format!("not decided: no {role} read from the protocol's header: {why}"),
                at.clone(),
            );
            continue;
        }
        if let Some(tail) = &cut_tail {
            sink.report(
                &RULE,
                Severity::Info,
                format!(
                    "not decided: no {role} read, and the record stops before its first § in the middle of a line (\"…{tail}\"): the header may go on past the cut"
                ),
                at.clone(),
            );
            continue;
        }
        sink.checked(false);
        sink.report(
            &RULE,
            RULE.severity,
            format!("the protocol names no {role}"),
            at.clone(),
        );
    }
}
