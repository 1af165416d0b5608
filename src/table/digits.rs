//! Digit groups of flat text and the ways to read them as figures.
//!
//! In "Resultat 174 1 633 0 0 0" a space is both the column gap and the thousands
//! separator. Each space-separated numeric token is a `DigitGroup`; a segmentation joins
//! consecutive groups into figures where Swedish grouping allows it: a figure is a lead
//! group (1–3 digits, optionally signed, not "0") followed by groups of exactly three
//! digits; a group with a leading zero ("040") can only continue a figure.

use crate::grammar::vocab::Vocabulary;

/// One space-separated numeric token of a flat row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DigitGroup {
    pub text: String,
    negative: bool,
    /// Digits before any decimal comma.
    int_digits: usize,
    leading_zero: bool,
    /// Has a decimal part or a unit suffix ("%"): the figure ends here.
    closes: bool,
    /// A whole figure on its own: thousands joined by no-break or thin spaces
    /// ("5\u{2009}095"), or a dash standing for an empty cell. Takes no other group.
    whole: bool,
}

fn is_minus(c: char) -> bool {
    matches!(c, '-' | '−' | '‐' | '‑' | '‒' | '–')
}

/// Spaces that never separate columns: they group thousands inside one figure.
pub fn is_joining_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}')
}

impl DigitGroup {
    /// Reads one token: `-?\d+(,\d+)?%?`, a sign set apart ("– 614"), a figure grouped
    /// with no-break or thin spaces ("−5\u{2009}095"), " %" after the number, or a lone
    /// dash (an empty cell); `None` for anything else.
    pub fn parse(token: &str, vocab: &Vocabulary) -> Option<DigitGroup> {
        let t = token.trim();
        if t.chars().count() == 1 && t.chars().all(is_minus) {
            return Some(DigitGroup {
                text: token.to_string(),
                negative: false,
                int_digits: 0,
                leading_zero: false,
                closes: true,
                whole: true,
            });
        }
        let mut chars = t.chars().peekable();
        let negative = chars.peek().copied().is_some_and(is_minus);
        if negative {
            chars.next();
            // "– 614": one space between the sign and its digits.
            if chars.peek() == Some(&' ') {
                chars.next();
            }
        }
        let rest: String = chars.collect();
        let (body, percent) = match rest.strip_suffix('%') {
            Some(b) => (b.strip_suffix(' ').unwrap_or(b), true),
            None => (rest.as_str(), false),
        };
        let grouped = body.contains(is_joining_space);
        let (int, frac) = match body.split_once(',') {
            Some((i, f)) => (i, Some(f)),
            None => (body, None),
        };
        let int_plain: String = int.chars().filter(|c| !is_joining_space(*c)).collect();
        if int_plain.is_empty() || !int_plain.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        if grouped && crate::grammar::number::parse_figure(token, vocab).is_none() {
            return None;
        }
        if let Some(f) = frac {
            if f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
        }
        Some(DigitGroup {
            text: token.to_string(),
            negative,
            int_digits: int_plain.len(),
            leading_zero: !grouped && int_plain.len() > 1 && int_plain.starts_with('0'),
            closes: frac.is_some() || percent,
            whole: grouped,
        })
    }

    /// A lone dash: an empty cell.
    pub fn is_dash(&self) -> bool {
        self.whole && self.int_digits == 0
    }

    fn can_lead(&self) -> bool {
        !self.leading_zero
    }

    /// Can start a figure that further groups continue ("1" in "1 278", not "0" or "1278").
    fn takes_continuation(&self) -> bool {
        !self.whole
            && (1..=3).contains(&self.int_digits)
            && !self.closes
            && self.text.trim_start_matches(is_minus).trim_start() != "0"
    }

    fn can_continue(&self) -> bool {
        !self.whole && !self.negative && self.int_digits == 3
    }
}

/// Figures as index ranges into the groups: `[(start, end)]`, end exclusive.
pub type Segmentation = Vec<(usize, usize)>;

/// More digit groups than any table row has: such a "row" (a line of figures in running
/// text, or hostile input) is not segmented at all.
pub const MAX_GROUPS: usize = 64;

/// Every way to read `groups` as exactly `cells` figures, at most `limit` of them, in a
/// fixed order (fewest joins first at the left).
pub fn segmentations(groups: &[DigitGroup], cells: usize, limit: usize) -> Vec<Segmentation> {
    segmentations_with_breaks(groups, cells, limit, &[])
}

/// [`segmentations`] where `breaks[j]` forbids group `j` to continue the figure before
/// it (a column gap stands between them). The constraint is part of the search, so
/// `limit` counts only readings that keep it.
pub fn segmentations_with_breaks(
    groups: &[DigitGroup],
    cells: usize,
    limit: usize,
    breaks: &[bool],
) -> Vec<Segmentation> {
    let mut out = Vec::new();
    if groups.is_empty()
        || groups.len() > MAX_GROUPS
        || cells == 0
        || cells > groups.len()
        || !groups[0].can_lead()
    {
        return out;
    }
    let feasible = feasibility(groups, cells, breaks);
    let mut current = Vec::new();
    let search = Search {
        groups,
        breaks,
        limit,
        feasible: &feasible,
    };
    search.walk(0, cells, &mut current, &mut out);
    out
}

/// Where a figure starting at `start` may end (exclusive): itself, then each further
/// thousands group it can take.
fn figure_ends<'a>(
    groups: &'a [DigitGroup],
    breaks: &'a [bool],
    start: usize,
) -> impl Iterator<Item = usize> + 'a {
    let mut end = start + 1;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let this = end;
        let joinable = end < groups.len()
            && groups[start].takes_continuation()
            && !groups[end - 1].closes
            && groups[end].can_continue()
            && !breaks.get(end).copied().unwrap_or(false);
        if joinable {
            end += 1;
        } else {
            done = true;
        }
        Some(this)
    })
}

/// `feasible[start][k]`: whether `groups[start..]` can be read as exactly `k` figures.
/// With it the enumeration only walks into branches that lead to a reading, so a row
/// that has none costs O(groups² · cells), not an exponential search.
fn feasibility(groups: &[DigitGroup], cells: usize, breaks: &[bool]) -> Vec<Vec<bool>> {
    let n = groups.len();
    let mut feasible = vec![vec![false; cells + 1]; n + 1];
    feasible[n][0] = true;
    for start in (0..n).rev() {
        if !groups[start].can_lead() {
            continue;
        }
        for end in figure_ends(groups, breaks, start) {
            for k in 1..=cells {
                if feasible[end][k - 1] {
                    feasible[start][k] = true;
                }
            }
        }
    }
    feasible
}

struct Search<'a> {
    groups: &'a [DigitGroup],
    breaks: &'a [bool],
    limit: usize,
    feasible: &'a [Vec<bool>],
}

impl Search<'_> {
    fn walk(
        &self,
        start: usize,
        cells_left: usize,
        current: &mut Segmentation,
        out: &mut Vec<Segmentation>,
    ) {
        if out.len() >= self.limit {
            return;
        }
        if start == self.groups.len() {
            if cells_left == 0 {
                out.push(current.clone());
            }
            return;
        }
        if cells_left == 0 || !self.feasible[start][cells_left] {
            return;
        }
        for end in figure_ends(self.groups, self.breaks, start) {
            if self.feasible[end][cells_left - 1] {
                current.push((start, end));
                self.walk(end, cells_left - 1, current, out);
                current.pop();
            }
        }
    }
}

/// The smallest and largest number of figures the groups can be read as.
pub fn cell_count_range(groups: &[DigitGroup]) -> Option<(usize, usize)> {
    if groups.is_empty() || groups.len() > MAX_GROUPS {
        return None;
    }
    let feasible = feasibility(groups, groups.len(), &[]);
    let counts: Vec<usize> = (1..=groups.len()).filter(|&k| feasible[0][k]).collect();
    Some((*counts.first()?, *counts.last()?))
}

/// The figure texts of one segmentation ("1 278").
pub fn figure_texts(groups: &[DigitGroup], seg: &Segmentation) -> Vec<String> {
    seg.iter()
        .map(|&(s, e)| {
            groups[s..e]
                .iter()
                .map(|g| g.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(token: &str) -> Option<DigitGroup> {
        DigitGroup::parse(token, Vocabulary::builtin_shared())
    }

    fn groups(s: &str) -> Vec<DigitGroup> {
        s.split_whitespace()
            .map(|t| parse(t).unwrap_or_else(|| panic!("not a group: {t}")))
            .collect()
    }

    #[test]
    fn resultat_row_reads_six_cells() {
        let g = groups("174 1 633 0 0 0");
        let segs = segmentations(&g, 6, 16);
        assert_eq!(segs.len(), 1);
        assert_eq!(
            figure_texts(&g, &segs[0]),
            ["174", "1", "633", "0", "0", "0"]
        );
        let five = segmentations(&g, 5, 16);
        assert_eq!(figure_texts(&g, &five[0]), ["174", "1 633", "0", "0", "0"]);
    }

    #[test]
    fn leading_zero_group_must_continue() {
        let g = groups("4 040 5 554 8 561 8 806 -245");
        let segs = segmentations(&g, 5, 16);
        assert_eq!(segs.len(), 1);
        assert_eq!(
            figure_texts(&g, &segs[0]),
            ["4 040", "5 554", "8 561", "8 806", "-245"]
        );
    }

    #[test]
    fn ambiguous_row_has_several_readings() {
        let g = groups("1 336 897 1 336 956 956 0");
        let segs = segmentations(&g, 6, 64);
        let texts: Vec<Vec<String>> = segs.iter().map(|s| figure_texts(&g, s)).collect();
        assert!(texts.contains(&vec![
            "1 336".to_string(),
            "897".into(),
            "1 336".into(),
            "956".into(),
            "956".into(),
            "0".into()
        ]));
        assert!(texts.len() > 1);
    }

    #[test]
    fn a_row_with_no_reading_is_refused_without_trying_every_join() {
        // "040" can only continue a figure and "1234" cannot take it: no reading. The
        // search once tried every way to join the forty groups before it (2^40 of them)
        // before giving up; the feasibility table refuses at once.
        let text = vec!["123"; 40].join(" ");
        let g = groups(&format!("{text} 1234 040"));
        assert!(segmentations(&g, 7, 16).is_empty());
        assert_eq!(cell_count_range(&g), None);
        // Beyond MAX_GROUPS nothing is tried.
        let long = groups(&vec!["12"; MAX_GROUPS + 1].join(" "));
        assert!(segmentations(&long, 3, 16).is_empty());
        assert_eq!(cell_count_range(&long), None);
    }

    #[test]
    fn negative_and_four_digit_groups_stand_alone() {
        let g = groups("2000 2000 -302");
        assert_eq!(cell_count_range(&g), Some((3, 3)));
        assert_eq!(parse("1,5%").map(|g| g.closes), Some(true));
        assert_eq!(parse("12a"), None);
        assert_eq!(parse("-").map(|g| g.whole), Some(true));
    }

    #[test]
    fn thin_spaces_signs_apart_and_percent() {
        let g = parse("5\u{2009}095").unwrap_or_else(|| panic!("thin"));
        assert!(g.whole && !g.can_continue() && !g.takes_continuation());
        assert!(parse("−11\u{202f}196").is_some());
        assert!(parse("1\u{2009}27").is_none());
        let g = parse("– 4").unwrap_or_else(|| panic!("sign apart"));
        assert!(g.negative && g.takes_continuation());
        assert_eq!(parse("3,7 %").map(|g| g.closes), Some(true));
        // "– 4" then "646" is one figure, "5 095" (thin) and "100" are two.
        let groups = vec![
            parse("– 4").unwrap_or_else(|| panic!()),
            parse("646").unwrap_or_else(|| panic!()),
            parse("5\u{2009}095").unwrap_or_else(|| panic!()),
            parse("100").unwrap_or_else(|| panic!()),
        ];
        let segs = segmentations(&groups, 3, 16);
        assert_eq!(
            segs.iter()
                .map(|s| figure_texts(&groups, s))
                .collect::<Vec<_>>(),
            vec![vec![
                "– 4 646".to_string(),
                "5\u{2009}095".into(),
                "100".into()
            ]]
        );
    }
}
