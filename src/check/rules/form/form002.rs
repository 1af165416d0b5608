//! FORM002: innehållsförteckning / ärendelista entries that do not match the body.

use super::title_key;
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;

pub const RULE: Rule = Rule {
    code: RuleCode::FORM002,
    name: "toc-mismatch",
    family: Family::Form,
    severity: Severity::Error,
    summary: "The innehållsförteckning / ärendelista disagrees with the body (§ numbers or titles)",
    explanation: "The innehållsförteckning or ärendelista at the head of a protocol lists every \
§ with its title; readers cite decisions from it. justera reports an entry whose § number \
appears twice in the list or not in the body, a § of the body missing from the list, and an \
entry whose title differs from the body's title for that § (as an error when the titles say \
different things, as information when one only extends the other, e.g. \"Prislista 2022 - \
justering\" vs \"Prislista 2022\"). Example: \"§ 9 Meddelanden\" listed after \"§ 9 \
Driftäskande 2023-2025\" while the body has ITVT § 10 Meddelanden. A misnumbered entry \
(its title is a § of the body the list does not name) is one finding, at the entry, naming \
the § the body gives it.",
    checks: &[Check::Protocol(check)],
};

pub fn check(sink: &mut Sink) {
    let doc = sink.document;
    if doc.toc.is_empty() || doc.paragraphs.is_empty() {
        return;
    }
    let mut seen = std::collections::HashSet::new();
    // Body §§ a misnumbered entry stands for: one defect, reported at the entry, not again
    // as "missing from the list".
    let mut meant = std::collections::HashSet::new();
    let listed = |n: u32| doc.toc.iter().any(|e| e.number == n);
    // The body's § with the entry's title that the list does not name: what the entry meant.
    let meant_by = |title: &str| {
        doc.paragraphs
            .iter()
            .find(|p| title_key(&p.title) == title_key(title) && !listed(p.number))
    };
    for entry in &doc.toc {
        let first = seen.insert(entry.number);
        let body = doc.paragraphs.iter().find(|p| p.number == entry.number);
        if !first {
            sink.checked(false);
            let f = sink.report(
                &RULE,
                RULE.severity,
                format!(
                    "§ {} \"{}\" is listed twice",
                    entry.number,
                    entry.title.trim()
                ),
                entry.provenance.clone(),
            );
            f.paragraph = Some(entry.number);
            // The body's § with this title, when there is one, is what the list meant.
            let p = meant_by(&entry.title).or_else(|| {
                doc.paragraphs
                    .iter()
                    .find(|p| title_key(&p.title) == title_key(&entry.title))
            });
            if let Some(p) = p {
                f.expected = Some(p.number.into());
                f.found = Some(entry.number.into());
                if !listed(p.number) {
                    f.message
                        .push_str(&format!("; the body has it as § {}", p.number));
                    meant.insert(p.number);
                }
            }
            continue;
        }
        let Some(body) = body else {
            sink.checked(false);
            let mut message = format!(
                "§ {} \"{}\" is listed but not in the body",
                entry.number,
                entry.title.trim()
            );
            let p = meant_by(&entry.title);
            if let Some(p) = p {
                message.push_str(&format!("; the body has it as § {}", p.number));
                meant.insert(p.number);
            }
            let f = sink.report(&RULE, RULE.severity, message, entry.provenance.clone());
            f.paragraph = Some(entry.number);
            f.absence = true;
            if let Some(p) = p {
                f.expected = Some(p.number.into());
                f.found = Some(entry.number.into());
            }
            continue;
        };
        let (a, b) = (title_key(&entry.title), title_key(&body.title));
        if a.is_empty() || b.is_empty() || a == b {
            sink.checked(true);
            continue;
        }
        sink.checked(false);
        let extends = a.starts_with(&b) || b.starts_with(&a);
        let severity = if extends {
            Severity::Info
        } else {
            Severity::Error
        };
        let f = sink.report(
            &RULE,
            severity,
            format!(
                "§ {} is \"{}\" in the list but \"{}\" in the body",
                entry.number,
                entry.title.trim(),
                body.title.trim()
            ),
            entry.provenance.clone(),
        );
        f.paragraph = Some(entry.number);
        f.related = Some(body.provenance.clone());
    }
    for p in &doc.paragraphs {
        if !listed(p.number) && !meant.contains(&p.number) {
            sink.checked(false);
            let f = sink.report(
                &RULE,
                RULE.severity,
                format!(
                    "§ {} \"{}\" is missing from the list",
                    p.number,
                    p.title.trim()
                ),
                p.provenance.clone(),
            );
            f.paragraph = Some(p.number);
            f.absence = true;
        }
    }
}
