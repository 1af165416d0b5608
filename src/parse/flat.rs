//! Input whose line breaks were lost: archive text dumps often put a whole page on one
//! line. Such a line is broken again before every header label and § opening, so the
//! ordinary parsers see label–value lines.

use super::header::LABELS;
use super::lines::Ln;
use crate::grammar::re::Re;

/// A line at least this long that holds several labels is taken as flattened.
const FLAT_MIN_CHARS: usize = 240;
/// A run-on page this long with a § opening whose sign was lost in it is broken there.
const UNSIGNED_MIN_CHARS: usize = 100;

pub(super) static PARA_OPEN: Re = Re::new(r"(?:\b[A-ZÅÄÖ]{2,10}\s+)?§\s*\d{1,4}\s+(?:DNR|Dnr)\b");
/// A § opening whose § sign a transcript lost, inside a run-on page: "… sid 3 (42) KS 190
/// Dnr 2009/KKA500 …", "… Sida 83 Dnr KS/2018:4 …", "… (27) SN 13 Bidrag … Dnr 31/16".
pub(super) static UNSIGNED_OPEN: Re = Re::new(
    r"(?:\b([A-ZÅÄÖ]{2,5}|[A-ZÅÄÖ][a-zåäö]{1,3})\s+)?\b(\d{1,4})(?:/(?:19|20)\d\d)?(?:\s+(?:[A-ZÅÄÖ]{2,5}|[A-ZÅÄÖ][a-zåäö]{1,3})\s+\d{1,4})*\s+(?:Dnr|DNR|Diarienr)\b",
);
pub(super) static UNSIGNED_TITLE_OPEN: Re = Re::new(
    r"\b([A-ZÅÄÖ]{2,5}|[A-ZÅÄÖ][a-zåäö]{1,3})\s+\d{1,4}\s+\p{Lu}[^.§:;\d]{3,150}?\s+(?:Dnr|DNR|Diarienr)\b",
);
pub(super) static TOC_OPEN: Re = Re::new(r"(?i)\b(?:Innehållsförteckning|Ärendelista)\b");

/// Re-breaks flattened lines; other lines pass through unchanged.
pub fn unflatten(lines: Vec<Ln>) -> Vec<Ln> {
    // Judged once per line: a long line's label search is the costly part.
    let flat: Vec<bool> = lines.iter().map(is_flat).collect();
    if !flat.contains(&true) {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len());
    for (l, flat) in lines.into_iter().zip(flat) {
        if !flat {
            out.push(l);
            continue;
        }
        // Heading marks of the lost lines ("… (C) ## ANSLAG/BEVIS") mean nothing now.
        let text: String = l
            .text
            .split(' ')
            .filter(|w| !(w.len() > 1 && w.chars().all(|c| c == '#')) && *w != "#")
            .collect::<Vec<_>>()
            .join(" ");
        for part in break_at_labels(&text) {
            out.push(Ln {
                text: part,
                page: l.page,
                line: l.line,
                marked: false,
                level: 0,
                furniture: l.furniture,
            });
        }
    }
    out
}

fn is_flat(l: &Ln) -> bool {
    // A line of fewer bytes has fewer characters too.
    l.text.len() >= FLAT_MIN_CHARS
        && l.text.chars().count() >= FLAT_MIN_CHARS
        && cut_points(&l.text).len() >= 3
        || l.text.chars().count() >= UNSIGNED_MIN_CHARS && !unsigned_cuts(&l.text).is_empty()
}

/// Where a § whose sign was lost opens inside a run-on page (not at its very start):
/// at its prefix, or at the number when the word before it is none ("Sida 83 Dnr").
/// An innehållsförteckning's entries ("26 Dnr KS 2018/14 Information... 3") are none.
fn unsigned_cuts(s: &str) -> Vec<usize> {
    let mut out = Vec::new();
    if !(s.contains("Dnr") || s.contains("DNR") || s.contains("Diarienr")) {
        return out;
    }
    for re in [&UNSIGNED_TITLE_OPEN, &UNSIGNED_OPEN] {
        for c in re.captures_iter(s) {
            let (Some(m), prefix) = (c.get(0), c.get(1)) else {
                continue;
            };
            let after = s.get(m.end()..).unwrap_or("");
            let near: String = after.chars().take(160).collect();
            if near.contains("..") {
                continue;
            }
            // "3 AU 180 Dnr": the page number before the prefix; the § opens at the prefix.
            if prefix.is_none() {
                let after_number = c
                    .get(2)
                    .map_or("", |n| s.get(n.end()..m.end()).unwrap_or(""));
                if !after_number.trim_start().starts_with(['D', 'd']) {
                    if let Some(p) = c.get(2).and_then(|n| {
                        let t = s.get(n.end()..)?;
                        Some(n.end() + t.len() - t.trim_start().len())
                    }) {
                        if !out.contains(&p) {
                            out.push(p);
                        }
                    }
                    continue;
                }
            }
            let at = match prefix {
                Some(p) if !super::paragraph::is_prefix_word(p.as_str()) => match c.get(2) {
                    Some(n) => n.start(),
                    None => continue,
                },
                _ => m.start(),
            };
            // A bare number stands as a word of its own ("31 Dnr" of "2009-07-31 Dnr" is
            // no §).
            let spaced = at == 0 || s.get(..at).is_some_and(|b| b.ends_with(' '));
            if !spaced {
                continue;
            }
            if at > 0 && !out.contains(&at) {
                out.push(at);
            }
        }
    }
    out
}

/// Byte offsets where a label (case-sensitive, at a word start) or a § opening begins.
fn cut_points(s: &str) -> Vec<usize> {
    // Ordered, so the overlap test below is a range query (a page of thousands of labels
    // stays linear).
    let mut cuts: std::collections::BTreeSet<usize> = std::collections::BTreeSet::new();
    for (label, _) in LABELS {
        if label.len() < 5 {
            continue;
        }
        let finder = memchr::memmem::Finder::new(label.as_bytes());
        let mut from = 0;
        // A match of the (UTF-8) label starts and ends at character boundaries.
        while let Some(i) = s.as_bytes().get(from..).and_then(|r| finder.find(r)) {
            let at = from + i;
            let before_ok = at == 0
                || s.get(..at)
                    .and_then(|b| b.chars().last())
                    .is_some_and(|c| !c.is_alphanumeric());
            let after = s.get(at + label.len()..).and_then(|a| a.chars().next());
            let after_ok = after.is_none_or(|c| !c.is_alphanumeric());
            if before_ok && after_ok && cuts.range(at.saturating_sub(3)..=at).next().is_none() {
                cuts.insert(at);
            }
            from = at + label.len();
        }
    }
    cuts.extend(PARA_OPEN.find_iter(s).map(|m| m.start()));
    cuts.extend(TOC_OPEN.find_iter(s).map(|m| m.start()));
    cuts.extend(unsigned_cuts(s));
    // A longer label containing a shorter one at another offset ("Förvaringsplats för
    // protokollet" and "Förvaringsplats"): drop cuts that fall inside an earlier label.
    let mut kept: Vec<usize> = Vec::new();
    for c in cuts {
        let inside = kept.last().is_some_and(|&k| {
            LABELS
                .iter()
                .any(|(l, _)| s.get(k..).is_some_and(|r| r.starts_with(l)) && c < k + l.len())
        });
        if !inside {
            kept.push(c);
        }
    }
    kept
}

fn break_at_labels(s: &str) -> Vec<String> {
    let cuts = cut_points(s);
    let mut out = Vec::new();
    let mut start = 0;
    for c in cuts.into_iter().chain(std::iter::once(s.len())) {
        if c > start {
            if let Some(part) = s.get(start..c) {
                let t = part.trim();
                if !t.is_empty() {
                    out.push(t.to_string());
                }
            }
        }
        start = c;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_before_labels() {
        let s = "SERVICENÄMND X Sammanträdesdatum 2022-03-02 Plats och tid Vårgårda kl. 09.00-10.45. Utses att justera Olof Provsson (C) Justeringens plats och tid Kommunhuset, 2022-03-02 Sekreterare _____ Paragrafer 1-10 Stina Fiktivsson Ordförande _____ Nils Exempelsson (M) Justerande _____ Olof Provsson (C) ANSLAG/BEVIS Förvaringsplats för protokoll Kommunhuset";
        let parts = break_at_labels(s);
        assert_eq!(parts[0], "SERVICENÄMND X");
        assert!(parts.contains(&"Paragrafer 1-10 Stina Fiktivsson".to_string()));
        assert!(parts.contains(&"Förvaringsplats för protokoll Kommunhuset".to_string()));
        assert!(parts.contains(&"Justeringens plats och tid Kommunhuset, 2022-03-02".to_string()));
    }
}
