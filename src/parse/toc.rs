//! Innehållsförteckning / ärendelista / föredragningslista: § number, title, dnr and
//! page(s) per entry, kept as listed so checks can compare the list with the body.

use super::lines::{collapse_ws, Ln};
use super::refs;
use crate::document::TocEntry;
use crate::grammar::re::Re;
use std::sync::Arc;

const TOC_HEADINGS: &[&str] = &[
    "innehållsförteckning",
    "innehåll",
    "ärendelista",
    "ärendeförteckning",
    "föredragningslista",
    "ärenden",
    "dagordning",
];

pub(super) static ENTRY_START: Re =
    Re::new(r"^(?:[A-ZÅÄÖ]{2,10}\s+)?(§)?\s*(\d{1,4})\.?(?:\s+|$)(.*)$");
pub(super) static PAGES: Re = Re::new(r"^(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?$");
pub(super) static TRAILING_PAGES: Re =
    Re::new(r"^(.*?)[\s.…]*\s(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?$");

/// Whether a line is a table-of-contents heading.
pub fn is_toc_heading(text: &str) -> bool {
    let first = text.split('\t').next().unwrap_or("");
    // Lower-casing makes at least one character of each, and neither it nor collapsing
    // the whitespace removes any but whitespace and the trailing colons: a line with more
    // other characters than the longest heading is none (most lines; no string made).
    let longest = TOC_HEADINGS
        .iter()
        .map(|h| h.chars().count())
        .max()
        .unwrap_or(0);
    if first
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ':')
        .nth(longest)
        .is_some()
    {
        return false;
    }
    let k = collapse_ws(first).trim_end_matches(':').to_lowercase();
    TOC_HEADINGS.contains(&k.as_str())
}

/// Reads entries from `lines[start..]` (the line after the heading); returns them and
/// the index of the first line after the list.
pub fn parse_toc(lines: &[Ln], start: usize, file: &Arc<str>) -> (Vec<TocEntry>, usize) {
    let mut out = Vec::new();
    let mut i = start;
    let mut misses = 0;
    while i < lines.len() {
        let l = &lines[i];
        if l.is_blank() {
            i += 1;
            continue;
        }
        match entry(l, file) {
            Some(e) => {
                out.push(e);
                misses = 0;
            }
            None => {
                // A column header row ("Ärenden  Dnr") may sit between heading and list.
                misses += 1;
                if !out.is_empty() || misses > 2 {
                    break;
                }
            }
        }
        i += 1;
    }
    (out, i)
}

/// One entry: "§ 1 IT-chefen informerar.....\t3", "§ 59\tGoogle Workspace\tITSAM
/// 2021/8\t3 - 4", "3 Budget 2022\t4 - 14".
pub fn entry(l: &Ln, file: &Arc<str>) -> Option<TocEntry> {
    let cells = l.cells();
    let first = *cells.first()?;
    let c = ENTRY_START.captures(first)?;
    let has_section_sign = c.get(1).is_some();
    let number: u32 = c.get(2)?.as_str().parse().ok()?;
    let mut title = c.get(3).map_or("", |m| m.as_str()).trim().to_string();
    let mut dnr = None;
    let mut page = None;
    let mut page_to = None;
    let mut rest = cells.iter().skip(1).copied().peekable();
    if title.is_empty() {
        title = rest.next().unwrap_or("").to_string();
    }
    for cell in rest {
        if let Some(p) = PAGES.captures(cell) {
            page = p.get(1).and_then(|m| m.as_str().parse().ok());
            page_to = p.get(2).and_then(|m| m.as_str().parse().ok());
        } else if let Some(d) = refs::dnrs(cell)
            .into_iter()
            .next()
            .or_else(|| refs::case_ref(cell))
        {
            dnr = Some(d);
        } else if title.is_empty() {
            title = cell.to_string();
        }
    }
    if page.is_none() && cells.len() == 1 {
        // No column gaps: the page number ends the line after the leader dots.
        if let Some(t) = TRAILING_PAGES.captures(&title.clone()) {
            if t.get(1)
                .is_some_and(|m| m.as_str().contains("..") || has_section_sign)
            {
                page = t.get(2).and_then(|m| m.as_str().parse().ok());
                page_to = t.get(3).and_then(|m| m.as_str().parse().ok());
                title = t.get(1).map_or("", |m| m.as_str()).to_string();
            }
        }
    }
    let title = collapse_ws(title.trim_end_matches(['.', '…', ' ']));
    if title.is_empty() || !title.chars().any(char::is_alphabetic) {
        return None;
    }
    // Without a § sign only accept list-like lines (a page column or leader dots), so
    // that a numbered sentence is not taken for an entry.
    if !has_section_sign && page.is_none() {
        return None;
    }
    Some(TocEntry {
        number,
        title,
        dnr,
        page,
        page_to,
        provenance: l.provenance(file),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `is_toc_heading` as it was before its length check: every line it is given goes
    /// through the whitespace collapsing and lower-casing.
    fn is_toc_heading_general(text: &str) -> bool {
        let first = text.split('\t').next().unwrap_or("");
        let k = collapse_ws(first).trim_end_matches(':').to_lowercase();
        TOC_HEADINGS.contains(&k.as_str())
    }

    #[test]
    fn toc_heading_length_check_changes_no_answer() {
        let texts = crate::parse::with_seed_lines(&[
            "Innehållsförteckning",
            "  INNEHÅLL:  ",
            "Ärendelista::",
            "ärende förteckning",
            "Föredragningslista:\t3",
            "Innehållsförteckning av ärenden",
            "D a g o r d n i n g",
            "Innehåll:::::::::::::::::::::::",
            "\u{130}nnehåll",
        ]);
        let mut found = 0;
        for t in &texts {
            assert_eq!(is_toc_heading(t), is_toc_heading_general(t), "{t:?}");
            found += usize::from(is_toc_heading(t));
        }
        assert!(found >= 4, "too few TOC headings: the test compares little");
    }

    fn ln(t: &str) -> Ln {
        Ln {
            text: t.to_string(),
            page: 1,
            line: 1,
            marked: false,
            level: 0,
            furniture: false,
        }
    }

    #[test]
    fn entries_in_three_layouts() {
        let f: Arc<str> = Arc::from("x");
        let e = entry(&ln("§ 1 IT-chefen informerar.....\t3"), &f).unwrap();
        assert_eq!(
            (e.number, e.title.as_str(), e.page),
            (1, "IT-chefen informerar", Some(3))
        );
        let e = entry(&ln("§ 59\tGoogle Workspace\tITSAM 2021/8\t3 - 4"), &f).unwrap();
        assert_eq!(
            (
                e.number,
                e.title.as_str(),
                e.dnr.as_deref(),
                e.page,
                e.page_to
            ),
            (
                59,
                "Google Workspace",
                Some("ITSAM 2021/8"),
                Some(3),
                Some(4)
            )
        );
        let e = entry(&ln("3 Budget 2022\t4 - 14"), &f).unwrap();
        assert_eq!(
            (e.number, e.title.as_str(), e.page_to),
            (3, "Budget 2022", Some(14))
        );
        let e = entry(&ln("§ 4 Hantering av över-och underskott 2021 ..... 7"), &f).unwrap();
        assert_eq!(
            (e.title.as_str(), e.page),
            ("Hantering av över-och underskott 2021", Some(7))
        );
        assert!(entry(&ln("1. Uppföljning godkänns."), &f).is_none());
    }
}
