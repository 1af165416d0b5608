//! Segmentation: one file may hold one document or a bundle (handlingar: tjänsteskrivelser,
//! reports, slides, bilagor). Finds where each document starts and what kind it is.

use super::lines::Ln;
use super::{header, is_footer_like};
use crate::document::DocumentKind;

/// A document's line range within the file's lines, and its kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    pub kind: DocumentKind,
}

/// Whether the lines open a protocol: the header labels of a sammanträdesprotokoll
/// ("Plats och tid" with justering or anslag) appear near the top.
pub fn looks_like_protocol(lines: &[Ln]) -> bool {
    let mut place = false;
    let mut formal = false;
    for l in lines.iter().filter(|l| !l.is_blank()).take(80) {
        for c in l.cells() {
            match header::match_label(c) {
                Some((header::Field::PlaceTime, _)) => place = true,
                Some((
                    header::Field::Adjustment
                    | header::Field::Adjusters
                    | header::Field::Notice
                    | header::Field::Signatures,
                    _,
                )) => formal = true,
                _ => {}
            }
        }
        let t = l.plain();
        if t.contains("Plats och tid") {
            place = true;
        }
        if t.contains("Justeringens plats")
            || t.contains("ANSLAG/BEVIS")
            || t.contains("Utses att justera")
        {
            formal = true;
        }
    }
    place && formal
}

/// Splits the lines into documents.
pub fn segment(lines: &[Ln]) -> Vec<Segment> {
    if lines.iter().all(Ln::is_blank) {
        return Vec::new();
    }
    if looks_like_protocol(lines) {
        return vec![Segment {
            start: 0,
            end: lines.len(),
            kind: DocumentKind::Protokoll,
        }];
    }
    vec![Segment {
        start: 0,
        end: lines.len(),
        kind: classify(lines),
    }]
}

/// The kind of a document from its first lines.
pub fn classify(lines: &[Ln]) -> DocumentKind {
    let head: Vec<String> = lines
        .iter()
        .filter(|l| !l.is_blank() && !is_footer_like(&l.text))
        .take(15)
        .map(|l| l.plain().to_lowercase())
        .collect();
    let any = |w: &str| head.iter().any(|t| t.contains(w));
    if head.iter().any(|t| t == "tjänsteskrivelse") {
        return DocumentKind::Tjansteskrivelse;
    }
    if looks_like_protocol(lines) {
        return DocumentKind::Protokoll;
    }
    if any("kallelse") || any("föredragningslista") {
        return DocumentKind::Kallelse;
    }
    if any("avtal") && !any("rapport") {
        return DocumentKind::Avtal;
    }
    if any("delårsrapport")
        || any("budget")
        || any("verksamhetsberättelse")
        || any("årsredovisning")
        || any("rapport")
        || any("bilaga")
        || any("utvärdering")
        || any("projektplan")
    {
        return DocumentKind::Rapport;
    }
    DocumentKind::Other
}
