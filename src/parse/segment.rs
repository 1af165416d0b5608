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
    let mut starts = document_starts(lines);
    starts.sort_unstable();
    starts.dedup();
    if starts.first() != Some(&0) {
        starts.insert(0, 0);
    }
    let mut out: Vec<Segment> = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(lines.len());
        let Some(slice) = lines.get(s..e) else {
            continue;
        };
        // A stretch with no words (blank lines, footers only) is not a document.
        if !slice.iter().any(|l| {
            !l.is_blank()
                && !is_footer_like(&l.plain())
                && l.plain().chars().any(char::is_alphabetic)
        }) {
            if let Some(prev) = out.last_mut() {
                prev.end = e;
            }
            continue;
        }
        out.push(Segment {
            start: s,
            end: e,
            kind: classify(slice),
        });
    }
    out
}

/// A page: a PDF page, or in a text dump the stretch up to a page footer ("Ärende 4",
/// "Sid 2 av 3") — text dumps keep the footers but lose the page breaks.
fn pages(lines: &[Ln]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, l) in lines.iter().enumerate() {
        let new_pdf_page = i > start && lines[i - 1].page != l.page;
        if new_pdf_page {
            out.push((start, i));
            start = i;
        }
        if is_footer_like(&l.plain()) && l.plain().to_lowercase().starts_with("ärende") {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < lines.len() {
        out.push((start, lines.len()));
    }
    out
}

fn agenda_item(page: &[Ln]) -> Option<u32> {
    page.iter().rev().find_map(|l| {
        l.cells().into_iter().rev().find_map(|c| {
            let t = c.trim().to_lowercase();
            if !is_footer_like(&t) {
                return None;
            }
            t.strip_prefix("ärende ")?.trim().parse().ok()
        })
    })
}

/// "Sid 1 av 2", "Sida 1 (2)": a document's first page, and how many pages it has.
fn first_page_marker(page: &[Ln]) -> Option<u32> {
    page.iter()
        .filter(|l| !l.is_blank())
        .take(12)
        .find_map(|l| {
            l.cells().into_iter().find_map(|c| {
                let t = c.trim().to_lowercase();
                let rest = t
                    .strip_prefix("sid 1 av ")
                    .or_else(|| t.strip_prefix("sida 1 av "));
                if let Some(n) = rest {
                    return n.trim().parse().ok();
                }
                let rest = t
                    .strip_prefix("sida 1 (")
                    .or_else(|| t.strip_prefix("sid 1 ("))?;
                rest.trim_end_matches(')').trim().parse().ok()
            })
        })
}

/// "Sid 2 av 2": the memo ends with this page.
fn is_last_memo_page(page: &[Ln]) -> bool {
    page.iter().filter(|l| !l.is_blank()).take(12).any(|l| {
        let t = l.plain().to_lowercase();
        let Some(rest) = t.trim().strip_prefix("sid ") else {
            return false;
        };
        let mut parts = rest.split(" av ");
        match (parts.next(), parts.next()) {
            (Some(k), Some(n)) => {
                let (k, n) = (k.trim().parse::<u32>(), n.trim().parse::<u32>());
                matches!((k, n), (Ok(k), Ok(n)) if k == n && k > 1)
            }
            _ => false,
        }
    })
}

/// A "Tjänsteskrivelse" letterhead line opens a memo, which starts with the one or two
/// short lines above it (förvaltning, handläggare). A letterhead followed by "Sid 2 av
/// 2" is the memo's second page, not a new memo.
fn memo_letterheads(lines: &[Ln]) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if l.furniture
            || !l
                .cells()
                .into_iter()
                .any(|c| c.trim().eq_ignore_ascii_case("tjänsteskrivelse"))
        {
            continue;
        }
        let later_page = lines
            .iter()
            .skip(i + 1)
            .filter(|x| !x.is_blank())
            .take(5)
            .any(|x| {
                let t = x.plain().to_lowercase();
                let t = t.trim();
                t.starts_with("sid ") && !t.starts_with("sid 1 ")
                    || t.starts_with("sida ") && !t.starts_with("sida 1 ")
            });
        if later_page {
            continue;
        }
        let mut start = i;
        let mut taken = 0;
        let mut j = i;
        while j > 0 && taken < 2 {
            j -= 1;
            let x = &lines[j];
            if x.is_blank() || x.furniture {
                continue;
            }
            let t = x.plain();
            let letterhead_like = t.chars().count() < 60
                && !t.ends_with(['.', ':', ','])
                && super::headings::heading_kind(&t).is_none()
                && !is_footer_like(&t);
            if !letterhead_like {
                break;
            }
            start = j;
            taken += 1;
        }
        out.push(start);
    }
    out
}

/// Words that open a new document when they head a top-level markdown heading.
const DOCUMENT_WORDS: &[&str] = &[
    "avtal",
    "projektplan",
    "rapport",
    "utvärdering",
    "riktlinje",
    "verksamhetsberättelse",
    "verksamhetsplan",
    "förvaltning",
    "bilaga",
    "it-center",
    "pm",
];

/// Where documents start: a page with a tjänsteskrivelse letterhead or "Sid 1 av N",
/// the page after a memo's last page, a change of agenda item in the page footers
/// ("Ärende 1" → "Ärende 2"); in markdown dumps also a title directly followed by a
/// "Förslag till beslut" heading (a memo) and a top-level heading naming a document.
fn document_starts(lines: &[Ln]) -> Vec<usize> {
    use super::headings::{heading_kind, kind};
    let mut starts = Vec::new();
    let pages = pages(lines);
    let mut memo_left: Option<u32> = None;
    let mut last_item: Option<u32> = None;
    for &(s, e) in &pages {
        let page = &lines[s..e];
        let item = agenda_item(page);
        let first = first_page_marker(page);
        if opens_with_memo_sections(page) && s > 0 {
            starts.push(s);
        }
        if first.is_some() {
            starts.push(s);
            memo_left = first.or(Some(1));
        } else if memo_left == Some(0) {
            // The page after a memo is an attachment of its own.
            starts.push(s);
            memo_left = None;
        } else if item.is_some() && last_item.is_some() && item != last_item {
            starts.push(s);
        }
        if let Some(n) = memo_left.as_mut() {
            *n = n.saturating_sub(1);
        }
        if is_last_memo_page(page) {
            memo_left = Some(0);
        }
        if item.is_some() {
            last_item = item;
        }
    }
    starts.extend(memo_letterheads(lines));
    // Markdown dumps: no footers, but headings.
    let text: Vec<(usize, String)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.is_blank())
        .map(|(i, l)| (i, l.plain()))
        .collect();
    for (k, (i, t)) in text.iter().enumerate() {
        let l = &lines[*i];
        if l.level == 0 || heading_kind(t).is_some() {
            continue;
        }
        let next_is_recommendation = text
            .get(k + 1)
            .is_some_and(|(_, n)| heading_kind(n) == Some(kind::RECOMMENDATION));
        let lower = t.to_lowercase();
        let numbered = lower.starts_with(|c: char| c.is_ascii_digit());
        let names_document = l.level == 1
            && !numbered
            && DOCUMENT_WORDS.iter().any(|w| {
                lower
                    .split(|c: char| !c.is_alphanumeric() && c != '-')
                    .any(|x| x.starts_with(w))
            });
        if next_is_recommendation || names_document {
            starts.push(*i);
        }
    }
    starts
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
    let memo_letterhead = lines.iter().filter(|l| !l.is_blank()).take(12).any(|l| {
        l.cells()
            .into_iter()
            .any(|c| c.trim().eq_ignore_ascii_case("tjänsteskrivelse"))
    });
    if memo_letterhead || opens_with_memo_sections(lines) {
        return DocumentKind::Tjansteskrivelse;
    }
    if looks_like_protocol(lines) {
        return DocumentKind::Protokoll;
    }
    let invitation =
        any("ledamöter") && (any("tid:") || head.iter().any(|t| t.starts_with("ärenden")));
    if any("kallelse") || any("föredragningslista") || invitation {
        return DocumentKind::Kallelse;
    }
    if is_slides(lines) {
        return DocumentKind::Presentation;
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

/// A memo without the word "Tjänsteskrivelse": its first heading (within a few lines of
/// the top) is Sammanfattning or Förslag till beslut.
fn opens_with_memo_sections(lines: &[Ln]) -> bool {
    use super::headings::{heading_kind, kind};
    let head: Vec<String> = lines
        .iter()
        .filter(|l| !l.is_blank() && !l.furniture && !is_footer_like(&l.plain()))
        .take(5)
        .map(Ln::plain)
        .collect();
    // A title above the heading: a page that merely continues with "Sammanfattning" is
    // not a new memo.
    head.iter()
        .position(|t| heading_kind(t).is_some())
        .filter(|&i| i > 0)
        .and_then(|i| heading_kind(&head[i]))
        .is_some_and(|k| k == kind::SUMMARY || k == kind::RECOMMENDATION)
}

/// Slides: most lines short, many bullets, little running prose.
fn is_slides(lines: &[Ln]) -> bool {
    let text: Vec<String> = lines
        .iter()
        .filter(|l| !l.is_blank() && !is_footer_like(&l.plain()))
        .map(Ln::plain)
        .collect();
    if text.len() < 8 {
        return false;
    }
    let bullets = text
        .iter()
        .filter(|t| t.starts_with(['•', '–', '\u{f0b7}', '-']))
        .count();
    let short = text.iter().filter(|t| t.chars().count() < 60).count();
    bullets * 4 >= text.len() && short * 10 >= text.len() * 7
}
