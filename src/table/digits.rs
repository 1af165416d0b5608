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
    /// In parentheses, the accountants' negative ("(1 234)", "(987)", "(2,5)"): whole.
    parenthesized: bool,
}

fn is_minus(c: char) -> bool {
    matches!(c, '-' | '−' | '‐' | '‑' | '‒' | '–')
}

/// Spaces that never separate columns: they group thousands inside one figure.
pub fn is_joining_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}')
}

/// "76.3", "-2.5", "11.1%", "11.1 %": at most three digits, a point and one digit (a
/// time "18.30", a date "6.12" or a thousands group "1.234" has more after the point), or
/// two digits that no time or date can be ("1.64", "45.30"); the count of digits before
/// the point.
pub(crate) fn point_decimal(t: &str) -> Option<usize> {
    let body = t.strip_prefix(is_minus).unwrap_or(t);
    let body = body
        .strip_suffix('%')
        .map_or(body, |b| b.strip_suffix(' ').unwrap_or(b));
    let (int, frac) = body.split_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !(digits(int) && int.len() <= 3 && digits(frac)) {
        return None;
    }
    // Two digits after the point only where no clock time or date reads so ("1.64",
    // "2.75" beside "1.69": a household size, a ratio; not "18.30", "6.12", "25.12").
    let two = || {
        let (i, f) = (
            int.parse::<u32>().unwrap_or(0),
            frac.parse::<u32>().unwrap_or(0),
        );
        frac.len() == 2 && !(i <= 23 && f <= 59) && !(i <= 31 && f <= 12)
    };
    (frac.len() == 1 || two()).then_some(int.len())
}

impl DigitGroup {
    /// Reads one token: `-?\d+(,\d+)?%?`, a sign set apart ("– 614"), a figure grouped
    /// with no-break or thin spaces ("−5\u{2009}095"), " %" after the number, or a lone
    /// dash (an empty cell); `None` for anything else.
    pub fn parse(token: &str, vocab: &Vocabulary) -> Option<DigitGroup> {
        let t = token.trim();
        if let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
            return Self::parenthesized(token, inner, vocab);
        }
        // A lone dash, or the statistics offices' mark for a figure not available ("…",
        // ".."), not applicable (".") or not published (":"): an empty cell. (A line's
        // reader takes "." and ":" so only after a figure: opening the figures they are
        // the label's punctuation.)
        if (t.chars().count() == 1 && t.chars().all(is_minus))
            || matches!(t, "…" | ".." | "." | ":")
        {
            return Some(DigitGroup {
                text: token.to_string(),
                negative: false,
                int_digits: 0,
                leading_zero: false,
                closes: true,
                whole: true,
                parenthesized: false,
            });
        }
        // A figure with points between its thousands ("-79.488", "1.031.777",
        // "2.093,8"): whole, like one grouped with no-break spaces. Whether a lone point
        // groups thousands or starts decimals the table decides (cell::decide_dotted_thousands).
        if let Some((value, _, _)) = crate::grammar::number::dotted_thousands(t) {
            let int = t.split(',').next().unwrap_or(t);
            return Some(DigitGroup {
                text: token.to_string(),
                negative: value.is_sign_negative() && !value.is_zero(),
                int_digits: int.chars().filter(char::is_ascii_digit).count(),
                leading_zero: false,
                closes: true,
                whole: true,
                parenthesized: false,
            });
        }
        // A decimal point before one digit ("76.3", "-2.5", "11.1 %"), as statistics
        // exported in English notation write shares: never a point between thousands,
        // which groups three digits.
        if let Some(int_digits) = point_decimal(t) {
            return Some(DigitGroup {
                text: token.to_string(),
                negative: t.starts_with(is_minus),
                int_digits,
                leading_zero: false,
                closes: true,
                whole: false,
                parenthesized: false,
            });
        }
        let mut chars = t.chars().peekable();
        let negative = chars.peek().copied().is_some_and(is_minus);
        // A plus written before a change ("+36,58 %", "+1 250"): the figure's sign, as a
        // minus is, when a digit follows it.
        if chars.peek() == Some(&'+') && t[1..].starts_with(|c: char| c.is_ascii_digit()) {
            chars.next();
        }
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
            parenthesized: false,
        })
    }

    /// A figure in parentheses beside another ("780 (199)": a part of it, "herav", or the
    /// year before's), read as a figure of its own column and positive: its text is the
    /// figure without the parentheses. `None` unless the parentheses hold only digits, their
    /// thousands grouped with spaces, and decimals after a comma, and no year.
    pub fn companion(token: &str) -> Option<DigitGroup> {
        let inner = token.trim().strip_prefix('(')?.strip_suffix(')')?.trim();
        let (int, frac) = match inner.split_once(',') {
            Some((i, f)) => (i, Some(f)),
            None => (inner, None),
        };
        let words: Vec<&str> = int.split(' ').collect();
        let lead_ok = words[0].len() <= 3 || words.len() == 1;
        let digits = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
        if !words.iter().all(|w| digits(w))
            || !lead_ok
            || !words[1..].iter().all(|w| w.len() == 3)
            || frac.is_some_and(|f| !digits(f))
            || super::cell::is_year(inner)
        {
            return None;
        }
        Some(DigitGroup {
            text: inner.to_string(),
            negative: false,
            int_digits: words.iter().map(|w| w.len()).sum(),
            leading_zero: false,
            closes: true,
            whole: true,
            parenthesized: true,
        })
    }

    /// A figure of four or more digits before its decimals, written without a thousands
    /// space ("1225,00"): a row that writes its thousands so groups none with a space.
    pub fn unspaced_thousands(&self) -> bool {
        !self.whole && !self.parenthesized && self.int_digits >= 4 && self.text.contains(',')
    }

    /// A figure in parentheses, negative: "(1 234)", "(1.234)", "(987)", "(2,5)",
    /// "(12)". Only digits, their grouping and decimals stand inside; a sign inside,
    /// a word ("(tkr)") or a unit make no figure: "(30,34%)" after an amount is its
    /// share, no negative.
    fn parenthesized(token: &str, inner: &str, vocab: &Vocabulary) -> Option<DigitGroup> {
        let body = inner.trim();
        if !body.starts_with(|c: char| c.is_ascii_digit())
            || !body
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ' ' | ',' | '.') || is_joining_space(c))
        {
            return None;
        }
        // "(2019)" is a year, before the figures or after them ("12 345 (2021)"); "(1)",
        // "(12)" a note reference or a page count ("Sida 3 (42)").
        let plain = body.chars().all(|c| c.is_ascii_digit());
        if super::cell::is_year(body) || plain && body.len() <= 2 {
            return None;
        }
        let t = token.trim();
        let figure = crate::grammar::number::parse_figure(t, vocab)
            .filter(|f| f.unit == crate::grammar::number::Unit::None)
            .map(|f| f.value)
            .or_else(|| crate::grammar::number::dotted_thousands(t).map(|(v, _, _)| v))?;
        let int = body.split(',').next().unwrap_or(body);
        Some(DigitGroup {
            text: token.to_string(),
            negative: !figure.is_zero(),
            int_digits: int.chars().filter(char::is_ascii_digit).count(),
            leading_zero: false,
            closes: true,
            whole: true,
            parenthesized: true,
        })
    }

    /// A figure in parentheses ([`Self::parenthesized`]).
    pub fn is_parenthesized(&self) -> bool {
        self.parenthesized
    }

    /// A minus written right before the digits ("-231", "−1 065"'s first group): how a
    /// table that writes its negatives so writes them.
    pub fn has_glued_minus(&self) -> bool {
        let mut chars = self.text.trim().chars();
        self.negative
            && !self.parenthesized
            && chars.next().is_some_and(is_minus)
            && chars.next().is_some_and(|c| c.is_ascii_digit())
    }

    /// A minus set apart from its digits by a space ("- 231", "– 1 234").
    pub fn has_detached_minus(&self) -> bool {
        let mut chars = self.text.trim().chars();
        self.negative
            && !self.parenthesized
            && chars.next().is_some_and(is_minus)
            && chars.next() == Some(' ')
    }

    /// A lone dash: an empty cell.
    pub fn is_dash(&self) -> bool {
        self.whole && self.int_digits == 0
    }

    /// A figure with points between its thousands ("-79.488", "1.031.777"): no word of
    /// prose is written so.
    pub fn is_point_grouped(&self) -> bool {
        self.whole && self.int_digits > 0 && self.text.contains('.')
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

/// Units a glued run may write after a figure ("12 832 tkr10,44"), longest first.
const GLUED_UNITS: [&str; 5] = ["mnkr", "tkr", "mkr", "kr", "%"];

/// Longest glued run (in characters) that is split at all: longer "runs" are no table row.
const MAX_GLUED_CHARS: usize = 160;

/// A run of figures written without column gaps, read by the figure grammar: each figure
/// is a sign (optional), then "0" or a lead of 1–3 digits not starting with 0, then groups
/// of exactly three digits after one space, then an optional decimal part (",44") and an
/// optional unit ("tkr", "%"). Figures meet only where no space stands: a space inside
/// the run always groups thousands (or stands before a unit), so "70852" after "-11 " is
/// "-11 708" and "52…". With `note_first`, the first cell may be a list of note
/// references ("2, 3") glued before the figures.
pub struct GluedRun {
    chars: Vec<char>,
    note_first: bool,
}

impl GluedRun {
    /// `None` when the run is empty, too long, or holds a character no figure has.
    pub fn new(run: &str, note_first: bool) -> Option<GluedRun> {
        let chars: Vec<char> = run.trim().chars().collect();
        if chars.is_empty()
            || chars.len() > MAX_GLUED_CHARS
            || !chars[0].is_ascii_digit() && !is_minus(chars[0])
        {
            return None;
        }
        Some(GluedRun { chars, note_first })
    }

    fn digit(&self, i: usize) -> bool {
        self.chars.get(i).is_some_and(char::is_ascii_digit)
    }

    /// Where a unit written at `at` (after one space or none) ends, if one is.
    fn unit_end(&self, at: usize) -> Option<usize> {
        let start = if self.chars.get(at) == Some(&' ') {
            at + 1
        } else {
            at
        };
        GLUED_UNITS.iter().find_map(|u| {
            let n = u.chars().count();
            let word: String = self.chars.get(start..start + n)?.iter().collect();
            let ends = !self.chars.get(start + n).is_some_and(|c| c.is_alphabetic());
            (word == *u && ends).then_some(start + n)
        })
    }

    /// Every end (exclusive) of a figure starting at `start`.
    fn figure_ends(&self, start: usize) -> Vec<usize> {
        let c = &self.chars;
        let mut i = start;
        if c.get(i).copied().is_some_and(is_minus) {
            i += 1;
        }
        // A dash ending the run is an empty cell ("…6245-").
        if i == c.len() && i > start {
            return vec![i];
        }
        if !self.digit(i) {
            return Vec::new();
        }
        let leads: Vec<usize> = if c[i] == '0' {
            vec![i + 1]
        } else {
            (1..=3)
                .take_while(|&k| (i..i + k).all(|j| self.digit(j)))
                .map(|k| i + k)
                .collect()
        };
        let mut out = Vec::new();
        for mut e in leads {
            // Thousands groups: a space is never a column gap inside a glued run.
            if c[i] != '0' {
                while c.get(e) == Some(&' ') && (e + 1..e + 4).all(|j| self.digit(j)) {
                    e += 4;
                }
            }
            let mut ends = vec![e];
            let decimals = c.get(e) == Some(&',') && self.digit(e + 1);
            if decimals {
                ends = (e + 2..=c.len())
                    .take_while(|&d| self.digit(d - 1))
                    .collect();
            }
            for e in ends {
                let (e, unit) = match self.unit_end(e) {
                    Some(u) => (u, true),
                    None => (e, false),
                };
                // A figure ends where the run ends or the next figure starts, glued
                // (after a unit one space may stand, and after a decimal part too: no
                // thousands group follows decimals, "1 205,561 155,02").
                let spaced = c.get(e) == Some(&' ')
                    && (unit
                        || decimals
                            && (self.digit(e + 1)
                                || c.get(e + 1).copied().is_some_and(is_minus)
                                    && self.digit(e + 2)));
                let next = if spaced { e + 1 } else { e };
                let meets = next == c.len()
                    || self.digit(next)
                    || c.get(next).copied().is_some_and(is_minus)
                        && (self.digit(next + 1) || next + 1 == c.len());
                if meets {
                    out.push(next);
                }
            }
        }
        out
    }

    /// Every end of a list of note references glued first ("2, 3" in "2, 3-11 200"):
    /// numbers of 1–2 digits, increasing, joined by a comma and a space.
    fn note_list_ends(&self) -> Vec<usize> {
        let c = &self.chars;
        let mut out = Vec::new();
        let mut numbers: Vec<(usize, usize)> = Vec::new(); // (start, max end)
        let mut i = 0;
        loop {
            if !self.digit(i) {
                break;
            }
            let two = self.digit(i + 1);
            numbers.push((i, if two { i + 2 } else { i + 1 }));
            let after_one = i + 1;
            let after_two = i + 2;
            let sep = |at: usize| c.get(at) == Some(&',') && c.get(at + 1) == Some(&' ');
            if sep(after_one) {
                i = after_one + 2;
            } else if two && sep(after_two) {
                i = after_two + 2;
            } else {
                break;
            }
        }
        if numbers.len() < 2 {
            return out;
        }
        // The last number may take one or two digits before the figures glued after it.
        let (last_start, max_end) = numbers[numbers.len() - 1];
        for e in last_start + 1..=max_end {
            let value: String = c[last_start..e].iter().collect();
            let mut values: Vec<u32> = numbers[..numbers.len() - 1]
                .iter()
                .map(|&(s, _)| {
                    let t: String = c[s..].iter().take_while(|ch| ch.is_ascii_digit()).collect();
                    t.parse().unwrap_or(0)
                })
                .collect();
            values.push(value.parse().unwrap_or(0));
            let increasing = values.windows(2).all(|w| w[0] < w[1]);
            let meets = self.digit(e) || c.get(e).copied().is_some_and(is_minus);
            if increasing && meets && e < c.len() {
                out.push(e);
            }
        }
        out
    }

    /// Every way to read the run as exactly `cells` figures (texts as written), at most
    /// `limit`.
    /// Where each figure starting at each position may end, and `feasible[pos][k]`: the
    /// run from `pos` reads as exactly `k` figures (k ≤ `cells`).
    fn table(&self, cells: usize) -> (Vec<Vec<usize>>, Vec<Vec<bool>>) {
        let n = self.chars.len();
        let ends: Vec<Vec<usize>> = (0..n).map(|s| self.figure_ends(s)).collect();
        let mut feasible = vec![vec![false; cells + 1]; n + 1];
        feasible[n][0] = true;
        for pos in (0..n).rev() {
            for &e in &ends[pos] {
                for k in 1..=cells {
                    if feasible[e][k - 1] {
                        feasible[pos][k] = true;
                    }
                }
            }
        }
        (ends, feasible)
    }

    pub fn splits(&self, cells: usize, limit: usize) -> Vec<Vec<String>> {
        let n = self.chars.len();
        if cells == 0 || cells > n {
            return Vec::new();
        }
        let (ends, feasible) = self.table(cells);
        let mut out = Vec::new();
        let mut current: Vec<(usize, usize)> = Vec::new();
        let mut firsts: Vec<usize> = ends[0].clone();
        let notes = if self.note_first {
            self.note_list_ends()
        } else {
            Vec::new()
        };
        firsts.extend(notes.iter().copied());
        for first in firsts {
            if first <= n && feasible[first][cells - 1] {
                current.push((0, first));
                self.walk(
                    first,
                    cells - 1,
                    &ends,
                    &feasible,
                    &mut current,
                    &mut out,
                    limit,
                );
                current.pop();
            }
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn walk(
        &self,
        pos: usize,
        left: usize,
        ends: &[Vec<usize>],
        feasible: &[Vec<bool>],
        current: &mut Vec<(usize, usize)>,
        out: &mut Vec<Vec<String>>,
        limit: usize,
    ) {
        if out.len() >= limit {
            return;
        }
        if left == 0 {
            if pos == self.chars.len() {
                let texts = current
                    .iter()
                    .map(|&(s, e)| {
                        self.chars[s..e]
                            .iter()
                            .collect::<String>()
                            .trim()
                            .to_string()
                    })
                    .collect();
                out.push(texts);
            }
            return;
        }
        let Some(here) = ends.get(pos) else {
            return;
        };
        for &e in here {
            if feasible[e][left - 1] {
                current.push((pos, e));
                self.walk(e, left - 1, ends, feasible, current, out, limit);
                current.pop();
            }
        }
    }

    /// The split of the run in which every figure is written with the same number of
    /// decimals (one or more): after a figure's decimal comma and its d digits the next
    /// figure starts (a digit or a minus), and each integer part is "0" or a lead of 1–3
    /// digits followed by groups of three after one space ("-1 344,7-1 422,7-1,3" with one
    /// decimal is "-1 344,7", "-1 422,7", "-1,3"). The digits after the last comma are the
    /// last figure's decimals, so d is fixed and at most one such split exists. No units,
    /// no notes: a figure here is its sign, digits and decimals only.
    pub fn uniform_decimal_split(&self) -> Option<Vec<String>> {
        let last = self.chars.iter().rposition(|&c| c == ',')?;
        let d = self.chars.len() - last - 1;
        if d == 0 || !(last + 1..self.chars.len()).all(|i| self.digit(i)) {
            return None;
        }
        self.uniform_split(d)
    }

    /// The one split with `d` decimals in every figure, if it reads the whole run.
    fn uniform_split(&self, d: usize) -> Option<Vec<String>> {
        let c = &self.chars;
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < c.len() {
            let start = pos;
            if c.get(pos).copied().is_some_and(is_minus) {
                pos += 1;
            }
            let lead = c[pos..].iter().take_while(|c| c.is_ascii_digit()).count();
            if lead == 0 || lead > 3 || lead > 1 && c[pos] == '0' {
                return None;
            }
            let zero = c[pos] == '0';
            pos += lead;
            while c.get(pos) == Some(&' ') {
                let group = c[pos + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                if zero || group != 3 {
                    return None;
                }
                pos += 4;
            }
            if c.get(pos) != Some(&',') {
                return None;
            }
            pos += 1;
            if pos + d > c.len() || !(pos..pos + d).all(|i| self.digit(i)) {
                return None;
            }
            pos += d;
            out.push(c[start..pos].iter().collect());
            // The next figure starts glued: a digit or a minus before a digit.
            if pos < c.len() && !self.digit(pos) && !(is_minus(c[pos]) && self.digit(pos + 1)) {
                return None;
            }
        }
        (!out.is_empty()).then_some(out)
    }

    /// Whether some reading exists with between 1 and `max` figures.
    pub fn readable(&self, max: usize) -> bool {
        let max = max.min(self.chars.len());
        if max == 0 {
            return false;
        }
        let (ends, feasible) = self.table(max);
        let mut firsts = ends[0].clone();
        if self.note_first {
            firsts.extend(self.note_list_ends());
        }
        firsts
            .iter()
            .any(|&f| f <= self.chars.len() && feasible[f][..max].iter().any(|&b| b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(token: &str) -> Option<DigitGroup> {
        DigitGroup::parse(token, Vocabulary::builtin_shared())
    }

    #[test]
    fn a_plus_before_a_figure_is_its_sign() {
        // "+36,58 %" in a Förändring column: before, the row was read as a heading and
        // the rows after it were lost without a word.
        for t in ["+36,58 %", "+340", "+12,5"] {
            let g = parse(t).unwrap_or_else(|| panic!("{t} not read"));
            assert!(!g.negative, "{t}");
        }
        assert_eq!(parse("+36,58 %").map(|g| g.int_digits), Some(2));
        // A plus alone, or before a word, is no figure.
        for t in ["+", "+a", "++3"] {
            assert!(parse(t).is_none(), "{t}");
        }
    }

    #[test]
    fn a_point_before_one_digit_is_a_decimal_point() {
        // Shares exported in English notation ("76.3", "2.5 %"): figures of a row, where
        // before the whole line was no row and its table was lost without a word.
        for t in ["76.3", "-2.5", "11.1%", "11.1 %", "100.0"] {
            let g = parse(t).unwrap_or_else(|| panic!("{t} not read"));
            assert!(g.closes, "{t}");
        }
        assert_eq!(point_decimal("76.3"), Some(2));
        // A time, a date, a thousands group: more than one digit after the point.
        for t in ["18.30", "6.12", "1.5.2018", "25.12", "1.50"] {
            assert_eq!(point_decimal(t), None, "{t}");
        }
        assert!(parse("1.234").is_some_and(|g| g.whole));
        // Two digits no time or date can be: a decimal (Stockholm's "Genomsnittlig
        // hushållsstorlek 1.64 1.79 …", before read as a heading and lost).
        for t in ["1.64", "1.79", "45.30", "-2.75"] {
            assert!(point_decimal(t).is_some(), "{t}");
        }
    }

    fn groups(s: &str) -> Vec<DigitGroup> {
        s.split_whitespace()
            .map(|t| parse(t).unwrap_or_else(|| panic!("not a group: {t}")))
            .collect()
    }

    #[test]
    fn point_grouped_figures_are_whole_groups() {
        for (tok, negative) in [
            ("79.488", false),
            ("-79.488", true),
            ("−1.031.777", true),
            ("- 2.819", true),
            ("2.093,8", false),
        ] {
            let g = parse(tok).unwrap_or_else(|| panic!("{tok}"));
            assert!(g.is_point_grouped() && !g.is_dash(), "{tok}");
            assert_eq!(g.negative, negative, "{tok}");
        }
        // One figure each: no point figure takes or continues another group.
        let g = groups("1.031.777 978.918 12 997.089");
        assert_eq!(segmentations(&g, 4, 16).len(), 1);
        assert!(segmentations(&g, 3, 16).is_empty());
        // A point decimal with more than one digit after the point, a date, a time, a
        // version: no group ("12.5", one digit, is a decimal: see below).
        for tok in [
            "14.05",
            "0.125",
            "06.06.2017",
            "09.00",
            "1.910.55",
            "1.234.",
        ] {
            assert_eq!(parse(tok), None, "{tok}");
        }
        let nbsp = parse("1\u{a0}278").unwrap_or_else(|| panic!("1 278 with a no-break space"));
        assert!(!nbsp.is_point_grouped());
    }

    #[test]
    fn not_available_marks_are_empty_cells() {
        // Statistics offices write "…" or ".." where a figure is not available; a TOC's
        // "..." leader is no cell.
        for t in ["…", "..", "-", ".", ":"] {
            assert!(parse(t).is_some_and(|g| g.is_dash()), "{t}");
        }
        assert!(parse("...").is_none());
    }

    #[test]
    fn parenthesized_figures_are_whole_negatives() {
        for t in ["(10 111)", "(987)", "(2,5)", "(1.234)", "(1 234,5)"] {
            let g = parse(t).unwrap_or_else(|| panic!("{t}"));
            assert!(g.is_parenthesized() && g.negative && g.whole, "{t}");
        }
        // Note references, page counts, years, words, units, signs inside: no figure.
        for t in [
            "(1)", "(42)", "(2019)", "(tkr)", "(30,34%)", "(-5)", "( )", "(1 2)",
        ] {
            assert!(parse(t).is_none(), "{t}");
        }
    }

    #[test]
    fn glued_and_detached_minus() {
        assert!(parse("-231").is_some_and(|g| g.has_glued_minus() && !g.has_detached_minus()));
        assert!(parse("- 231").is_some_and(|g| g.has_detached_minus() && !g.has_glued_minus()));
        assert!(parse("– 1").is_some_and(|g| g.has_detached_minus()));
        assert!(parse("(231)").is_some_and(|g| !g.has_glued_minus() && !g.has_detached_minus()));
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

#[cfg(test)]
mod glued_tests {
    use super::GluedRun;

    fn splits(run: &str, cells: usize) -> Vec<Vec<String>> {
        GluedRun::new(run, false)
            .map(|r| r.splits(cells, 64))
            .unwrap_or_default()
    }

    #[test]
    fn space_grouped_glued_runs_have_one_split() {
        assert_eq!(
            splits("3 000-11 70852 966107 66644 124", 5),
            vec![vec!["3 000", "-11 708", "52 966", "107 666", "44 124"]]
        );
        assert_eq!(
            splits("3 000014 92587 41634 073", 5),
            vec![vec!["3 000", "0", "14 925", "87 416", "34 073"]]
        );
        assert_eq!(
            splits("95 37995 379107 08773 69073 690", 5),
            vec![vec!["95 379", "95 379", "107 087", "73 690", "73 690"]]
        );
        // Units and decimals between figures.
        assert_eq!(
            splits("12 832 tkr10,44", 2),
            vec![vec!["12 832 tkr", "10,44"]]
        );
        assert_eq!(
            splits("133 203 tkr100,00", 2),
            vec![vec!["133 203 tkr", "100,00"]]
        );
    }

    #[test]
    fn the_column_count_decides_or_nothing_does() {
        // A note glued before the figures: three figures or four, one way each.
        assert_eq!(
            splits("16 0435 3905 327", 3),
            vec![vec!["16 043", "5 390", "5 327"]]
        );
        assert_eq!(
            splits("16 0435 3905 327", 4),
            vec![vec!["1", "6 043", "5 390", "5 327"]]
        );
        // Figures without thousands glued together: more than one split.
        assert!(splits("838564874", 4).len() > 1);
        // A space that is no thousands space: no split at all.
        assert!(splits("2 345 1 234", 2).is_empty());
        assert!(GluedRun::new("12a", false).is_some_and(|r| !r.readable(4)));
        // A dash ending the run is an empty cell.
        assert_eq!(splits("1 234-", 2), vec![vec!["1 234", "-"]]);
    }

    fn uniform(run: &str) -> Vec<Vec<String>> {
        GluedRun::new(run, false)
            .and_then(|r| r.uniform_decimal_split())
            .into_iter()
            .collect()
    }

    #[test]
    fn figures_of_the_same_decimals_split_one_way() {
        // One decimal in every figure: the next figure starts after the decimal.
        assert_eq!(
            uniform("239,2248,6240,08,6730,8725,35,5"),
            vec![vec![
                "239,2", "248,6", "240,0", "8,6", "730,8", "725,3", "5,5"
            ]]
        );
        // Thousands grouped with one space, minus signs glued.
        assert_eq!(
            uniform("-1 344,7-1 422,7-1 421,4-1,3-4 226,7-4 235,38,6"),
            vec![vec![
                "-1 344,7", "-1 422,7", "-1 421,4", "-1,3", "-4 226,7", "-4 235,3", "8,6"
            ]]
        );
        assert_eq!(
            uniform("1 152,01 265,41 227,837,63 779,33 683,396,0"),
            vec![vec![
                "1 152,0", "1 265,4", "1 227,8", "37,6", "3 779,3", "3 683,3", "96,0"
            ]]
        );
        // Two decimals.
        assert_eq!(
            uniform("12,5013,25-0,75"),
            vec![vec!["12,50", "13,25", "-0,75"]]
        );
        // The last figure's decimals fix every figure's.
        assert_eq!(uniform("1,111,11"), vec![vec!["1,11", "1,11"]]);
        assert!(uniform("1,111,1")
            .iter()
            .all(|r| r.len() == 2 && r[0] == "1,1"));
        // A cut figure, a space that groups nothing, four digits without a space, a
        // leading zero: no split.
        assert!(uniform("128,5-42,9-3,").is_empty());
        assert!(uniform("12,3 45,6").is_empty());
        assert!(uniform("1234,5").is_empty());
        assert!(uniform("12,305,6")
            .iter()
            .all(|r| r != &vec!["12,3", "05,6"]));
        assert!(uniform("0 123,4").is_empty());
        // Figures without decimals are not this reading's.
        assert!(uniform("1 234-567").is_empty());
    }

    #[test]
    fn a_decimal_part_may_run_into_the_next_figure() {
        // Cents glued to the next figure's lead ("…,56" and "1 155…"), or three
        // decimals with a space after them (no thousands group follows decimals): both
        // are splits; the figures of equal decimals are the uniform one.
        let s = splits("1 205 493,561 155 850,02", 2);
        assert!(s.contains(&vec!["1 205 493,56".to_string(), "1 155 850,02".into()]));
        assert!(s.contains(&vec!["1 205 493,561".to_string(), "155 850,02".into()]));
        assert_eq!(
            uniform("1 205 493,561 155 850,02"),
            vec![vec!["1 205 493,56", "1 155 850,02"]]
        );
        assert_eq!(
            uniform("-1 967 674,51-1 772 418,21"),
            vec![vec!["-1 967 674,51", "-1 772 418,21"]]
        );
    }

    #[test]
    fn a_note_list_glued_first() {
        let run = GluedRun::new("2, 3-11 200-10 487-10 021", true).unwrap_or_else(|| panic!());
        assert_eq!(
            run.splits(4, 8),
            vec![vec!["2, 3", "-11 200", "-10 487", "-10 021"]]
        );
        let plain = GluedRun::new("2, 3-11 200-10 487-10 021", false).unwrap_or_else(|| panic!());
        assert!(plain.splits(4, 8).is_empty());
    }
}
