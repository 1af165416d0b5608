//! FORM008: template placeholder text left in the record.

use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;
use crate::grammar::re::Re;
use std::sync::LazyLock;

pub const RULE: Rule = Rule {
    code: RuleCode::FORM008,
    name: "template-placeholder",
    family: Family::Form,
    severity: Severity::Warning,
    summary: "Template placeholder text was left in the document",
    explanation: "Templates of the diarium and the protocol system carry placeholders the writer \
replaces: \"[Rubrik på ärendet]\", \"[Ange datum]\", \"Här finns text som återvunnits \
från tjänsteskrivelse\", \"Lorem ipsum\", \"ÅÅÅÅ-MM-DD\", \"XX tkr\". One left in a published \
record means a part of it was never written. justera reports each such line.",
    checks: &[Check::Document(check)],
};

const PLACEHOLDER: &str = r"(?i)\[(?:namn|titel|datum|rubrik|text|ange|skriv)[^\]]*\]|här finns text som återvunnits|lorem ipsum|åååå-mm-dd|\bxx+ (?:tkr|kr|mnkr)\b|<ange [^>]*>|\bskriv (?:text|rubrik) här\b";

fn placeholder_re() -> &'static Re {
    static RE: Re = Re::new(PLACEHOLDER);
    &RE
}

/// `placeholder_re` without its word boundaries: a superset the fast engines search
/// (Unicode `\b` sends every non-ASCII line to the slow fallback engine).
pub(crate) fn maybe_placeholder_re() -> &'static Re {
    static RE: LazyLock<Re> = LazyLock::new(|| Re::owned(PLACEHOLDER.replace(r"\b", "")));
    &RE
}

pub fn check(sink: &mut Sink) {
    let doc = sink.document;
    for line in &doc.lines {
        if !maybe_placeholder_re().is_match(&line.text) {
            continue;
        }
        let Some(m) = placeholder_re().find(&line.text) else {
            continue;
        };
        let found = m.as_str().to_string();
        let paragraph = sink.paragraph_at(&line.provenance);
        let f = sink.report(
            &RULE,
            RULE.severity,
            format!("template placeholder left in: \"{}\"", line.text.trim()),
            line.provenance.clone(),
        );
        f.paragraph = if doc.paragraphs.is_empty() {
            None
        } else {
            paragraph
        };
        f.figure = Some(found);
    }
}
