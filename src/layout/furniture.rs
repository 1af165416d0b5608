//! Page furniture: running headers and footers ("Justerandes sign", "Utdragsbestyrkande",
//! "Sida 3 (12)", the organ and date line …). A line at the top or bottom of a page whose
//! text (digits normalised) recurs on at least half of the document's pages is furniture;
//! so is a page-number or signature line of the well-known kinds on any page.

use super::Page;
use std::collections::{HashMap, HashSet};

/// How many lines from the top and from the bottom of a page can be furniture.
const EDGE_LINES: usize = 4;
/// For PDFs, the share of the page height at the top and bottom where furniture sits.
const EDGE_BAND: f64 = 0.2;

/// The text a running line keeps from page to page: lower case, digit runs as '#',
/// whitespace (and column gaps) collapsed. "Sida 3 (12)" and "Sida 4 (12)" match.
pub fn furniture_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    let mut last_digit = false;
    let mut last_space = true;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !last_digit {
                key.push('#');
            }
            last_digit = true;
            last_space = false;
        } else if c.is_whitespace() || c == '_' {
            // Signature lines are drawn with underscores of varying length.
            if !last_space {
                key.push(' ');
            }
            last_space = true;
            last_digit = false;
        } else {
            key.extend(c.to_lowercase());
            last_space = false;
            last_digit = false;
        }
    }
    key.trim_end().to_string()
}

/// Keys that are furniture wherever they sit at a page edge, even on a one-page file.
fn well_known(key: &str) -> bool {
    const KNOWN: &[&str] = &[
        "sida # (#)",
        "sida # av #",
        "sid # (#)",
        "sid # av #",
        "sida #",
        "sid #",
        "# (#)",
        "# av #",
        "justerandes sign",
        "justerandes signatur",
        "utdragsbestyrkande",
        "justerandes sign utdragsbestyrkande",
    ];
    KNOWN.contains(&key)
        || (key.starts_with("justerandes sign") && key.contains("utdragsbestyrkande"))
}

/// Indices of the lines of a page that may be furniture: near the top or bottom edge.
fn edge_lines(page: &Page, geometric: bool) -> Vec<usize> {
    let n = page.lines.len();
    (0..n)
        .filter(|&i| i < EDGE_LINES || i + EDGE_LINES >= n)
        .filter(|&i| {
            !geometric || page.height <= 0.0 || {
                let y = page.lines[i].y;
                y <= EDGE_BAND * page.height || y >= (1.0 - EDGE_BAND) * page.height
            }
        })
        .filter(|&i| !page.lines[i].text.trim().is_empty())
        .collect()
}

/// Marks furniture lines in place. `geometric` says whether line y is in page units
/// (PDF) so the edge band applies; text sources use line counts only.
pub fn mark(pages: &mut [Page], geometric: bool) {
    let candidates: Vec<Vec<usize>> = pages.iter().map(|p| edge_lines(p, geometric)).collect();
    let mut pages_with: HashMap<String, HashSet<u32>> = HashMap::new();
    for (page, idx) in pages.iter().zip(&candidates) {
        for &i in idx {
            pages_with
                .entry(furniture_key(&page.lines[i].text))
                .or_default()
                .insert(page.number);
        }
    }
    let text_pages = pages.iter().filter(|p| !p.lines.is_empty()).count();
    let needed = text_pages.div_ceil(2).max(2);
    for (page, idx) in pages.iter_mut().zip(&candidates) {
        for &i in idx {
            let key = furniture_key(&page.lines[i].text);
            let repeats = pages_with.get(&key).map_or(0, HashSet::len);
            if (text_pages >= 2 && repeats >= needed) || well_known(&key) {
                page.lines[i].furniture = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_normalise_to_one_key() {
        assert_eq!(furniture_key("Sida 3 (12)"), furniture_key("Sida 4 (12)"));
        assert_eq!(
            furniture_key("Justerandes sign ____\tUtdragsbestyrkande ____\tSida 1 (15)"),
            "justerandes sign utdragsbestyrkande sida # (#)"
        );
        assert!(well_known(&furniture_key("Sid 1 av 2")));
        assert!(!well_known(&furniture_key("Summa 1 278")));
    }
}
