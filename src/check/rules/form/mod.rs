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
