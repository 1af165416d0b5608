//! FORM: formalia of protocols — numbering, ärendelista, justering, anslag, signatures,
//! decisions, placeholders, attendance, votes.

pub mod form001;
pub mod form002;
pub mod form003;
pub mod form004;
pub mod form005;
pub mod form006;
pub mod form007;
pub mod form008;
pub mod form009;
pub mod form010;
pub mod form011;
pub mod votelist;

use crate::check::Sink;
use crate::document::DocumentKind;

pub fn check(sink: &mut Sink) {
    form008::check(sink);
    if sink.document.kind != DocumentKind::Protokoll {
        return;
    }
    form001::check(sink);
    form002::check(sink);
    form003::check(sink);
    form004::check(sink);
    form005::check(sink);
    form006::check(sink);
    form007::check(sink);
    form009::check(sink);
    form010::check(sink);
}

/// Whether the §§ read are a list of items rather than the protocol's body: three or more
/// §§ and at most one with any text under its title (a föredragningslista or ärendelista
/// read where the body would stand, the body itself not in the document). Their numbers
/// and missing decisions then say nothing of the protocol's.
pub fn paragraphs_only_listed(doc: &crate::document::Document) -> bool {
    let with_text = doc
        .paragraphs
        .iter()
        .filter(|p| {
            !p.decision.is_empty()
                || p.sections
                    .iter()
                    .any(|s| s.lines.iter().any(|l| !l.text.trim().is_empty()))
        })
        .count();
    doc.paragraphs.len() >= 3 && with_text <= 1
}

/// A title compared the way a reader would: case, punctuation, leader dots and a
/// trailing page number ignored.
pub fn title_key(title: &str) -> String {
    let t = title
        .trim()
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '-');
    let t = t.trim_end_matches(['.', '…', ' ']);
    crate::check::view::normalise(t)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
