//! FORM007: a decision section that speaks for another organ.

use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::view::normalise;
use crate::check::Sink;

pub const RULE: Rule = Rule {
    code: RuleCode::FORM007,
    name: "decision-by-other-organ",
    family: Family::Form,
    severity: Severity::Error,
    summary: "The decision under the organ's decision heading is another organ's",
    explanation: "Under \"Direktionens beslut\" the protocol records what the direktion decided. \
A text there that says \"Kommunchefsberedningen beslutar föreslå direktionen …\" is the \
preparing body's proposal copied from its protocol: the direktion's own decision is then \
missing or wrong. justera reports a decision whose subject (\"X beslutar\") is not the organ \
whose protocol it is.",
    checks: &[Check::Protocol(check)],
};

/// The first six letters of each word: "Direktionens" and "direktionen" meet.
fn stems(text: &str) -> Vec<String> {
    normalise(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(|w| w.chars().take(6).collect())
        .collect()
}

pub fn check(sink: &mut Sink) {
    let doc = sink.document;
    let organ = doc
        .header
        .as_ref()
        .and_then(|h| h.organ.clone())
        .unwrap_or_default();
    for p in &doc.paragraphs {
        let own: Vec<String> = stems(&organ)
            .into_iter()
            .chain(p.decision_heading.as_deref().map(stems).unwrap_or_default())
            .collect();
        if own.is_empty() {
            continue;
        }
        let mut texts: Vec<(String, crate::Provenance)> = p
            .sections
            .iter()
            .filter(|s| s.kind == "decision")
            .flat_map(|s| {
                s.lines
                    .iter()
                    .map(|l| (l.text.clone(), l.provenance.clone()))
            })
            .collect();
        if texts.is_empty() {
            texts = p
                .decision
                .iter()
                .map(|d| (d.clone(), p.provenance.clone()))
                .collect();
        }
        for (text, at) in texts {
            let lower = normalise(&text);
            let Some(idx) = lower.find(" beslutar") else {
                continue;
            };
            let subject = &lower[..idx];
            let subject_stems = stems(subject);
            if subject_stems.is_empty() || subject.split_whitespace().count() > 6 {
                continue;
            }
            let ours = subject_stems.iter().any(|s| own.contains(s));
            sink.checked(ours);
            if !ours {
                let f = sink.report(
                    &RULE,
                    RULE.severity,
                    format!(
                        "§ {}: the decision reads \"{}\", another organ's decision under {}",
                        p.number,
                        text.trim(),
                        p.decision_heading
                            .as_deref()
                            .map(|h| format!("\"{}\"", h.trim()))
                            .unwrap_or_else(|| format!("{organ}'s decision"))
                    ),
                    at,
                );
                f.paragraph = Some(p.number);
                break;
            }
        }
    }
}
