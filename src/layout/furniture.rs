//! Page furniture: running headers and footers ("Justerandes sign", "Utdragsbestyrkande",
//! "Sida 3 (12)", the organ and date line …). A line at the top or bottom of a page is
//! furniture when its text recurs on at least half of the document's pages, either
//! exactly or with digits that count pages ("Sida 3 (12)", "Sida 4 (12)"); so is a
//! page-number or signature line of the well-known kinds on any page. Lines whose digits
//! vary for other reasons ("§ 4", "DNR ITVT 7/2022" heading each paragraph's page) are
//! content, not furniture.

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

/// A running header or footer on a one-page file still ends in its page counter
/// ("… TJÄNSTESKRIVELSE\tSida 1 (1)"): the page's first or last line ending so is
/// furniture.
fn ends_with_page_counter(line: &super::Line) -> bool {
    line.spans.len() >= 2
        && line.spans.last().is_some_and(|s| {
            let key = furniture_key(&s.text);
            matches!(
                key.as_str(),
                "sida # (#)" | "sida # av #" | "sid # (#)" | "sid # av #"
            )
        })
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

/// The text with whitespace and underscores collapsed and case folded, digits kept.
fn exact_key(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '_')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The integers written in a line, in order.
fn numbers(text: &str) -> Vec<i64> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|d| !d.is_empty() && d.len() <= 9)
        .filter_map(|d| d.parse().ok())
        .collect()
}

/// Lines whose digits are content: paragraph headings and case numbers.
fn digits_are_content(key: &str) -> bool {
    key.contains('§') || key.contains("dnr") || key.contains("diarienr")
}

/// Whether the lines sharing a digit-normalised key number their pages: some number in
/// them minus the page number is the same on at least `needed` pages, or the key says
/// "sida"/"sid"/"page".
fn counts_pages(key: &str, occurrences: &[(u32, Vec<i64>)], needed: usize) -> bool {
    if key
        .split(' ')
        .any(|w| matches!(w, "sida" | "sid" | "page" | "s." | "blad"))
    {
        return true;
    }
    let width = occurrences.iter().map(|(_, n)| n.len()).min().unwrap_or(0);
    (0..width).any(|k| {
        let mut offsets: HashMap<i64, usize> = HashMap::new();
        for (page, nums) in occurrences {
            *offsets.entry(nums[k] - i64::from(*page)).or_default() += 1;
        }
        offsets.values().any(|&n| n >= needed) || counted_in_runs(occurrences, k) >= needed
    })
}

/// Pages on which the `k`th number counts pages while the count skips pages (an
/// unnumbered scan or inserted page: 1–16, then 17 on page 18): runs of at least three
/// pages at one offset, each run going on from the one before (its numbers higher, its
/// offset no higher). A count that restarts is not one count.
fn counted_in_runs(occurrences: &[(u32, Vec<i64>)], k: usize) -> usize {
    const MIN_RUN: usize = 3;
    // (offset, first number, last number, length)
    let mut runs: Vec<(i64, i64, i64, usize)> = Vec::new();
    for (page, nums) in occurrences {
        let n = nums[k];
        let offset = n - i64::from(*page);
        match runs.last_mut() {
            Some(run) if run.0 == offset => {
                run.2 = n;
                run.3 += 1;
            }
            _ => runs.push((offset, n, n, 1)),
        }
    }
    let mut counted = 0;
    let mut last: Option<(i64, i64)> = None;
    for (offset, first, end, len) in runs {
        let goes_on = last.is_none_or(|(o, n)| offset <= o && first > n);
        if len >= MIN_RUN && goes_on {
            counted += len;
            last = Some((offset, end));
        }
    }
    counted
}

/// Marks furniture lines in place. `geometric` says whether line y is in page units
/// (PDF) so the edge band applies; text sources use line counts only.
pub fn mark(pages: &mut [Page], geometric: bool) {
    let candidates: Vec<Vec<usize>> = pages.iter().map(|p| edge_lines(p, geometric)).collect();
    let mut exact: HashMap<String, HashSet<u32>> = HashMap::new();
    let mut normalised: HashMap<String, Vec<(u32, Vec<i64>)>> = HashMap::new();
    for (page, idx) in pages.iter().zip(&candidates) {
        for &i in idx {
            let text = &page.lines[i].text;
            exact
                .entry(exact_key(text))
                .or_default()
                .insert(page.number);
            let key = furniture_key(text);
            if !digits_are_content(&key) {
                let seen = normalised.entry(key).or_default();
                // One occurrence per page: a key twice on a page says nothing more.
                if seen.last().is_none_or(|(p, _)| *p != page.number) {
                    seen.push((page.number, numbers(text)));
                }
            }
        }
    }
    let text_pages = pages.iter().filter(|p| !p.lines.is_empty()).count();
    let needed = text_pages.div_ceil(2).max(2);
    let repeating: HashSet<&String> = normalised
        .iter()
        .filter(|(key, occ)| {
            text_pages >= 2 && occ.len() >= needed && counts_pages(key, occ, needed)
        })
        .map(|(key, _)| key)
        .collect();
    let mut flags = Vec::new();
    for (page, idx) in pages.iter().zip(&candidates) {
        for &i in idx {
            let text = &page.lines[i].text;
            let key = furniture_key(text);
            let same_text = exact.get(&exact_key(text)).map_or(0, HashSet::len);
            let outermost = i == 0 || i + 1 == page.lines.len();
            if (text_pages >= 2 && same_text >= needed)
                || repeating.contains(&key)
                || well_known(&key)
                || (outermost && ends_with_page_counter(&page.lines[i]))
            {
                flags.push((page.number, i));
            }
        }
    }
    for (number, i) in flags {
        if let Some(line) = pages
            .iter_mut()
            .find(|p| p.number == number)
            .and_then(|p| p.lines.get_mut(i))
        {
            line.furniture = true;
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

    #[test]
    fn page_counters_repeat_but_paragraph_numbers_do_not() {
        let occ: Vec<(u32, Vec<i64>)> = (1..=6).map(|p| (p, vec![p as i64 + 1])).collect();
        assert!(counts_pages("”leda” – en samverkan i dalarna #", &occ, 3));
        let occ: Vec<(u32, Vec<i64>)> =
            vec![(3, vec![1]), (5, vec![2]), (7, vec![3]), (8, vec![4])];
        assert!(!counts_pages("rubrik #", &occ, 3));
        // Page numbers that skip two unnumbered pages (17, 25): 1–16, 17–23, 24–42.
        let occ: Vec<(u32, Vec<i64>)> = (1..=44)
            .filter(|p| *p != 17 && *p != 25)
            .map(|p| {
                (
                    p,
                    vec![i64::from(p) - i64::from(p > 17) - i64::from(p > 25)],
                )
            })
            .collect();
        assert!(counts_pages("#", &occ, 21));
        // Numbers that rise and fall with no run of pages: content.
        let occ: Vec<(u32, Vec<i64>)> = (1..=30).map(|p| (p, vec![i64::from(p % 4)])).collect();
        assert!(!counts_pages("#", &occ, 15));
        assert!(digits_are_content("itvt § #"));
        assert!(digits_are_content("dnr itvt #/#"));
    }
}
