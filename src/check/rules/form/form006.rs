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
item incomplete; justera reports it as a warning. Where three or more §§ are read and at most \
one has any text under its title, they are a list of items (a föredragningslista read where the \
body would stand, the body not in the document): one note says so, and no § is reported. The record's last § with \
nothing at all under its title is not decided either (info): an excerpt or a transcript of \
the first pages stops there as often as a decision is missing.",
    checks: &[Check::Protocol(check)],
};

pub fn check(sink: &mut Sink) {
    let doc = sink.document;
    if super::paragraphs_only_listed(doc) {
        let at = doc
            .paragraphs
            .first()
            .map_or(doc.provenance.clone(), |p| p.provenance.clone());
        sink.report(
            &RULE,
            Severity::Info,
            format!(
                "not decided: {} §§ read, and at most one has any text under its title: they are a list of items (a föredragningslista or ärendelista), not the protocol's body, so whether each records a decision is not known",
                doc.paragraphs.len()
            ),
            at,
        );
        return;
    }
    let last = doc.paragraphs.last().map(|p| p.number);
    for p in &doc.paragraphs {
        let has_decision = !p.decision.is_empty()
            || p.sections
                .iter()
                .any(|s| s.kind == "decision" && s.lines.iter().any(|l| !l.text.trim().is_empty()));
        sink.checked(has_decision);
        if !has_decision {
            // An information item ("Information; …", "Meddelanden", "Förvaltningschefens
            // information") often records only what was reported: not decided whether a
            // decision is missing, so a note, not a warning.
            let heading = p.sections.iter().any(|s| s.kind == "decision");
            let informational = !heading && is_information_item(p, sink.vocab);
            // The record's last §, with nothing at all under its title: the record may
            // stop there (an excerpt, a transcript of the first pages).
            let bare_last = Some(p.number) == last
                && p.sections
                    .iter()
                    .all(|s| s.lines.iter().all(|l| l.text.trim().is_empty()));
            let (severity, why) = if informational {
                (
                    Severity::Info,
                    " (an information item without a decision heading: not decided whether one is missing)",
                )
            } else if bare_last {
                (
                    Severity::Info,
                    " (the record's last §, with no text under its title: not decided whether the record stops there)",
                )
            } else {
                (RULE.severity, "")
            };
            let f = sink.report(
                &RULE,
                severity,
                format!(
                    "§ {} \"{}\" records no decision{why}",
                    p.number,
                    p.title.trim()
                ),
                p.provenance.clone(),
            );
            f.paragraph = Some(p.number);
        }
    }
}

/// A § whose title or text says it only reports: "Information; …", "Meddelanden",
/// "Delgivningar", "… informerar", "redovisas som information" (the words of
/// `grammars/information.vocab`).
fn is_information_item(
    p: &crate::document::Paragraph,
    vocab: &crate::grammar::vocab::Vocabulary,
) -> bool {
    let words = |key| vocab.words("information", key);
    let title = p.title.to_lowercase();
    title.starts_with("info")
        || words("title").iter().any(|w| title.contains(w.as_str()))
        || p.sections.iter().flat_map(|s| s.lines.iter()).any(|l| {
            let t = l.text.to_lowercase();
            words("text").iter().any(|w| t.contains(w.as_str()))
        })
}
