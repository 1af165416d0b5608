//! FORM001: § numbers that are not continuous or do not match the header's "Paragrafer".

use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;

pub const RULE: Rule = Rule {
    code: RuleCode::FORM001,
    name: "paragraph-numbering",
    family: Family::Form,
    severity: Severity::Error,
    summary: "§ numbers skip, repeat, or do not match the header's \"Paragrafer\"",
    explanation: "A protocol's paragraphs are numbered without gaps or repeats, and the \
header's \"Paragrafer 59-67\" names the first and last of them: a protocol is a public \
record and a missing or doubled § makes a decision impossible to cite. justera reports a § \
that does not follow the one before it, and a header range that differs from the §§ in the \
body.",
    checks: &[Check::Protocol(check)],
};

pub fn check(sink: &mut Sink) {
    let doc = sink.document;
    let numbers: Vec<(u32, crate::Provenance)> = doc
        .paragraphs
        .iter()
        .map(|p| (p.number, p.provenance.clone()))
        .collect();
    for w in numbers.windows(2) {
        let (prev, (n, at)) = (w[0].0, &w[1]);
        let ok = *n == prev + 1;
        sink.checked(ok);
        if !ok {
            let msg = if *n == prev {
                format!("§ {n} appears twice")
            } else {
                format!("§ {n} follows § {prev}")
            };
            let f = sink.report(&RULE, RULE.severity, msg, at.clone());
            f.paragraph = Some(*n);
            f.expected = Some((prev + 1).into());
            f.found = Some((*n).into());
        }
    }
    let Some(range) = doc.header.as_ref().and_then(|h| h.paragraphs.clone()) else {
        return;
    };
    let (Some(first), Some(last)) = (numbers.first(), numbers.last()) else {
        return;
    };
    let at = doc
        .header
        .as_ref()
        .and_then(|h| h.provenance.clone())
        .unwrap_or_else(|| doc.provenance.clone());
    for (said, body, what) in [(range.from, first.0, "first"), (range.to, last.0, "last")] {
        sink.checked(said == body);
        if said != body {
            let f = sink.report(
                &RULE,
                RULE.severity,
                format!(
                    "the header says Paragrafer {}-{} but the {what} § in the body is § {body}",
                    range.from, range.to
                ),
                at.clone(),
            );
            f.expected = Some(body.into());
            f.found = Some(said.into());
        }
    }
}
