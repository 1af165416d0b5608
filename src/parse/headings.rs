//! Section headings: which written heading stands for which canonical section kind.
//!
//! The synonym list lives here until the grammar work's `grammars/` vocabulary is on
//! main; then `heading_kind` reads that (so municipalities extend it without a rebuild).

/// Canonical section kinds, as they appear in the JSON (`Section.kind`).
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

const SYNONYMS: &[(&str, &str)] = &[
    ("sammanfattning", kind::SUMMARY),
    ("sammanfattning av ärendet", kind::SUMMARY),
    ("ärendebeskrivning", kind::SUMMARY),
    ("ärendet", kind::DESCRIPTION),
    ("beskrivning av ärendet", kind::DESCRIPTION),
    ("bakgrund", kind::DESCRIPTION),
    ("beslutsunderlag", kind::BASIS),
    ("underlag", kind::BASIS),
    ("handlingar", kind::BASIS),
    ("förslag till beslut", kind::RECOMMENDATION),
    ("förvaltningens förslag till beslut", kind::RECOMMENDATION),
    ("ordförandes förslag till beslut", kind::RECOMMENDATION),
    ("ordförandens förslag till beslut", kind::RECOMMENDATION),
    ("arbetsutskottets förslag till beslut", kind::RECOMMENDATION),
    ("yrkanden", kind::PROPOSALS),
    ("yrkande", kind::PROPOSALS),
    ("propositionsordning", kind::PROPOSITION_ORDER),
    ("propositionsordningar", kind::PROPOSITION_ORDER),
    ("beslutsgång", kind::PROCEDURE),
    ("omröstning", kind::VOTE),
    ("omröstningsresultat", kind::VOTE),
    ("votering", kind::VOTE),
    ("beslut", kind::DECISION),
    ("reservation", kind::RESERVATION),
    ("reservationer", kind::RESERVATION),
    ("protokollsanteckning/reservation", kind::RESERVATION),
    ("reservation/protokollsanteckning", kind::RESERVATION),
    ("protokollsanteckning", kind::NOTE),
    ("protokollsanteckningar", kind::NOTE),
    ("expedieras till", kind::DISPATCH),
    ("expedieras", kind::DISPATCH),
    ("beslutsexpediering", kind::DISPATCH),
    ("beslut skickas till", kind::DISPATCH),
    ("beslutet skickas till", kind::DISPATCH),
    ("för kännedom", kind::DISPATCH),
    ("för kännedom till", kind::DISPATCH),
    ("ekonomiska konsekvenser", kind::CONSEQUENCES),
    ("konsekvensbeskrivning", kind::CONSEQUENCES),
    ("bilagor", kind::ATTACHMENTS),
    ("bilaga", kind::ATTACHMENTS),
];

/// Normalises a heading for lookup: lower case, trailing ":" and spaces dropped.
fn key(text: &str) -> String {
    super::lines::collapse_ws(text)
        .trim_end_matches([':', '.', ' '])
        .to_lowercase()
}

/// The canonical kind of a heading line, or `None` when the line is not a heading.
/// "<Organ>s beslut" ("Direktionens beslut", "Gemensam servicenämnd för IT, växel och
/// telefonis beslut") is a decision heading; "Förslag till beslut" is not.
pub fn heading_kind(text: &str) -> Option<&'static str> {
    let k = key(text);
    if k.is_empty() {
        return None;
    }
    if let Some((_, kind)) = SYNONYMS.iter().find(|(w, _)| *w == k) {
        return Some(kind);
    }
    if is_decision_heading(&k) {
        return Some(kind::DECISION);
    }
    None
}

fn is_decision_heading(k: &str) -> bool {
    let words = k.split_whitespace().count();
    k.ends_with(" beslut")
        && words <= 12
        && !k.starts_with(|c: char| c.is_ascii_digit())
        && !k.contains("förslag")
        && !k.contains(" att ")
        && !k.starts_with("om ")
        && !k.contains(['.', '"', '”'])
}

/// A heading with its value on the same line: "Expedieras till: Kommunfullmäktige".
pub fn split_inline_heading(text: &str) -> Option<(&'static str, String, String)> {
    let (head, rest) = text.split_once(':')?;
    let kind = heading_kind(head)?;
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
            heading_kind("Sammanfattning av ärendet"),
            Some(kind::SUMMARY)
        );
        assert_eq!(heading_kind("Expedieras till:"), Some(kind::DISPATCH));
        assert_eq!(heading_kind("Direktionens beslut"), Some(kind::DECISION));
        assert_eq!(
            heading_kind("Gemensam servicenämnd för IT, växel och telefonis beslut"),
            Some(kind::DECISION)
        );
        assert_eq!(
            heading_kind("Förslag till beslut"),
            Some(kind::RECOMMENDATION)
        );
        assert_eq!(heading_kind("Personal"), None);
        assert_eq!(
            heading_kind("Direktionen beslutar att notera informationen till protokollet."),
            None
        );
    }

    #[test]
    fn inline_heading() {
        let (k, h, v) =
            split_inline_heading("Expedieras till: Kommunfullmäktige i Herrljunga").unwrap();
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
