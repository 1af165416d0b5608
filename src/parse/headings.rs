//! Section headings: which written heading stands for which canonical section kind, via
//! the grammar vocabulary (`grammars/headings.vocab`).

/// Canonical section kinds, as they appear in the JSON (`Section.kind`).
use crate::grammar::vocab::Vocabulary;
pub mod kind {
    pub const SUMMARY: &str = "summary";
    pub const DESCRIPTION: &str = "description";
    pub const BASIS: &str = "basis";
    pub const RECOMMENDATION: &str = "recommendation";
    pub const PROPOSALS: &str = "proposals";
    pub const PROPOSITION_ORDER: &str = "proposition_order";
    pub const PROCEDURE: &str = "procedure";
    pub const VOTE: &str = "vote";
    pub const DECISION: &str = "decision";
    pub const RESERVATION: &str = "reservation";
    pub const NOTE: &str = "note";
    pub const DISPATCH: &str = "dispatch";
    pub const CONSEQUENCES: &str = "consequences";
    pub const ATTACHMENTS: &str = "attachments";
    /// Text before the first recognised heading.
    pub const BODY: &str = "body";
}

/// The canonical kind of a heading line, or `None` when the line is not a heading. The
/// synonyms are the grammar vocabulary's (`grammars/headings.vocab`, extendable with
/// `--grammars DIR`); decision headings are checked further here because "<organ>
/// beslut" also matches ordinary lines ending in "beslut".
pub fn heading_kind(text: &str, vocab: &Vocabulary) -> Option<&'static str> {
    let found = vocab.heading_kind(text)?;
    let plain = super::lines::collapse_ws(text);
    let plain = plain.trim();
    // A sentence is no heading, whatever words it ends with: "Karin Ahl (S) yrkar
    // bifall till förvaltningens förslag.", "1. Planen fastställs enligt
    // förvaltningens förslag."
    let sentence = plain.ends_with('.') && plain.split_whitespace().count() > 3;
    if sentence || plain.contains(" yrkar ") {
        return None;
    }
    let k = plain.trim_end_matches([':', '.', ' ']).to_lowercase();
    if found == kind::DECISION && !is_decision_heading(&k) {
        return None;
    }
    // Known kinds come back as our constants; a kind only a user vocabulary names is
    // leaked once per distinct name (vocabularies are small and loaded once).
    Some(intern(found))
}

fn intern(k: &str) -> &'static str {
    use std::collections::HashSet;
    use std::sync::{LazyLock, Mutex};
    const KNOWN: &[&str] = &[
        kind::SUMMARY,
        kind::DESCRIPTION,
        kind::BASIS,
        kind::RECOMMENDATION,
        kind::PROPOSALS,
        kind::PROPOSITION_ORDER,
        kind::PROCEDURE,
        kind::VOTE,
        kind::DECISION,
        kind::RESERVATION,
        kind::NOTE,
        kind::DISPATCH,
        kind::CONSEQUENCES,
        kind::ATTACHMENTS,
        kind::BODY,
    ];
    if let Some(known) = KNOWN.iter().find(|x| **x == k) {
        return known;
    }
    static OTHERS: LazyLock<Mutex<HashSet<&'static str>>> = LazyLock::new(Default::default);
    let Ok(mut set) = OTHERS.lock() else {
        return "other";
    };
    if let Some(x) = set.get(k) {
        return x;
    }
    let leaked: &'static str = Box::leak(k.to_string().into_boxed_str());
    set.insert(leaked);
    leaked
}

fn is_decision_heading(k: &str) -> bool {
    let words = k.split_whitespace().count();
    // "Samhällsplaneringsnämndens beslutsförslag till kommunfullmäktige": what the
    // organ decided to propose is its decision.
    let proposes = k.contains("s beslutsförslag till ");
    (k == "beslut" || k == "beslutet" || k.ends_with(" beslut") || proposes)
        && words <= 12
        && !k.starts_with(|c: char| c.is_ascii_digit())
        && !k.contains(" att ")
        && !k.starts_with("om ")
        && !k.contains(['"', '”'])
}

/// A heading with its value on the same line: "Expedieras till: Kommunfullmäktige".
pub fn split_inline_heading(
    text: &str,
    vocab: &Vocabulary,
) -> Option<(&'static str, String, String)> {
    let (head, rest) = text.split_once(':')?;
    let kind = heading_kind(head, vocab)?;
    let rest = rest.trim();
    if rest.is_empty() {
        return None;
    }
    Some((kind, head.trim().to_string(), rest.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_and_organ_decisions() {
        assert_eq!(
            heading_kind("Sammanfattning av ärendet", Vocabulary::builtin_shared()),
            Some(kind::SUMMARY)
        );
        assert_eq!(
            heading_kind("Expedieras till:", Vocabulary::builtin_shared()),
            Some(kind::DISPATCH)
        );
        assert_eq!(
            heading_kind("Direktionens beslut", Vocabulary::builtin_shared()),
            Some(kind::DECISION)
        );
        assert_eq!(
            heading_kind(
                "Gemensam servicenämnd för IT, växel och telefonis beslut",
                Vocabulary::builtin_shared()
            ),
            Some(kind::DECISION)
        );
        assert_eq!(
            heading_kind("Förslag till beslut", Vocabulary::builtin_shared()),
            Some(kind::RECOMMENDATION)
        );
        assert_eq!(heading_kind("Personal", Vocabulary::builtin_shared()), None);
        assert_eq!(
            heading_kind(
                "Karin Ahl (S) yrkar bifall till förvaltningens förslag.",
                Vocabulary::builtin_shared()
            ),
            None
        );
        assert_eq!(
            heading_kind(
                "1. Planen fastställs enligt förvaltningens förslag.",
                Vocabulary::builtin_shared()
            ),
            None
        );
        assert_eq!(
            heading_kind(
                "Direktionen beslutar att notera informationen till protokollet.",
                Vocabulary::builtin_shared()
            ),
            None
        );
    }

    #[test]
    fn inline_heading() {
        let (k, h, v) = split_inline_heading(
            "Expedieras till: Kommunfullmäktige i Herrljunga",
            Vocabulary::builtin_shared(),
        )
        .unwrap();
        assert_eq!(
            (k, h.as_str(), v.as_str()),
            (
                kind::DISPATCH,
                "Expedieras till",
                "Kommunfullmäktige i Herrljunga"
            )
        );
    }
}
