//! The number convention of a page written in English: thousands grouped with a comma
//! ("689,576", "1,234,567") and decimals with a point ("3.5 per cent"), as Statistics
//! Finland, Statistics Iceland and Statistics Faroe Islands write in their English
//! releases. Every other reader of justera reads figures the Nordic way ("689 576",
//! "3,5 %", "1.234" a thousand in a Danish table), so this is the one place that decides a
//! page's convention and, where it is English, writes its figures the Nordic way before
//! anything reads them ([`to_nordic`]): "19,210" becomes "19 210" with a no-break space
//! (never a column gap for the table stage), "3.5" becomes "3,5". The comma's place is
//! kept character for character, so columns and provenance stay where they were.
//!
//! Decided English only when the page shows it:
//! - its words are English (the `languages` vocabulary: English function words at least
//!   four times as many as Nordic ones, and at least eight), and
//! - it writes comma-grouped figures ("19,210": one to three digits, then groups of
//!   exactly three) and nothing the Nordic way (no decimal comma "1,6" or "43,22", no
//!   "0,125", no point grouping "1.234.567" or "1.234,5"), and
//! - a figure that can only be English: two comma groups ("5,445,883"), a comma group
//!   before a point decimal ("1,234.5"), a point decimal that is no thousand ("3.5",
//!   "0.93"), or at least two comma-grouped figures.
//!
//! Otherwise nothing is rewritten: one "1,234" alone on a page says nothing, and a Nordic
//! page ("52.199 ... 1,6 percent", even in English words) keeps its reading. Numbers that
//! are no figures are left out: addresses (URLs, e-mail), numbers glued to letters ("Q2.5",
//! "v1.2"), dates with two points ("29.03.2017").

use super::vocab::Vocabulary;

/// What a page's figures and words show about its number convention.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Census {
    pub english_words: usize,
    pub nordic_words: usize,
    /// Figures grouped with commas only ("19,210", "5,445,883").
    pub comma_grouped: usize,
    /// Figures only an English writer writes: two comma groups or a comma group and a
    /// point decimal ("5,445,883", "1,234.5").
    pub english_only: usize,
    /// Point decimals that are no thousand ("3.5", "0.93", "12.25").
    pub point_decimals: usize,
    /// A figure written the Nordic way: a decimal comma ("1,6", "0,125") or a point
    /// grouping ("1.234.567", "1.234,5").
    pub nordic: usize,
}

impl Census {
    /// Whether the page's figures are read the English way.
    pub fn english(&self) -> bool {
        let words = self.english_words >= 8 && self.english_words >= 4 * self.nordic_words;
        words
            && self.nordic == 0
            && self.comma_grouped > 0
            && (self.english_only > 0 || self.point_decimals > 0 || self.comma_grouped >= 2)
    }
}

/// The census of a page's (or file's) lines.
pub fn census<'a>(lines: impl IntoIterator<Item = &'a str>, vocab: &Vocabulary) -> Census {
    let english = vocab.words("languages", "english");
    let nordic = vocab.words("languages", "nordic");
    let mut c = Census::default();
    for line in lines {
        for word in line.split_whitespace() {
            if word.bytes().any(|b| b.is_ascii_digit()) {
                if is_address(word) {
                    continue;
                }
                for run in numeric_runs(word) {
                    match classify(word, run) {
                        Some(Kind::CommaGrouped { english_only }) => {
                            c.comma_grouped += 1;
                            c.english_only += usize::from(english_only);
                        }
                        Some(Kind::PointDecimal) => c.point_decimals += 1,
                        Some(Kind::Nordic) => c.nordic += 1,
                        Some(Kind::PointThree) | None => {}
                    }
                }
                continue;
            }
            let w = word
                .trim_matches(|c: char| !c.is_alphabetic())
                .to_lowercase();
            if w.is_empty() {
                continue;
            }
            if english.contains(&w) {
                c.english_words += 1;
            } else if nordic.contains(&w) {
                c.nordic_words += 1;
            }
        }
    }
    c
}

/// A line with its English figures written the Nordic way ("19,210" → "19 210" with a
/// no-break space, "3.5" → "3,5"); `None` when nothing changes.
pub fn to_nordic(line: &str) -> Option<String> {
    let mut out = String::with_capacity(line.len() + 8);
    let mut changed = false;
    let mut pos = 0;
    for (start, word) in words_with_offsets(line) {
        if !word.bytes().any(|b| b.is_ascii_digit()) || is_address(word) {
            continue;
        }
        for run in numeric_runs(word) {
            let rewrite = matches!(
                classify(word, run.clone()),
                Some(Kind::CommaGrouped { .. } | Kind::PointDecimal | Kind::PointThree)
            );
            if !rewrite {
                continue;
            }
            let (from, to) = (start + run.start, start + run.end);
            out.push_str(&line[pos..from]);
            for ch in line[from..to].chars() {
                match ch {
                    ',' => out.push('\u{a0}'),
                    '.' => out.push(','),
                    c => out.push(c),
                }
            }
            pos = to;
            changed = true;
        }
    }
    if !changed {
        return None;
    }
    out.push_str(&line[pos..]);
    Some(out)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    CommaGrouped {
        english_only: bool,
    },
    /// "3.5", "0.93": a point decimal that is no thousand.
    PointDecimal,
    /// "7.683": a point before three digits, a decimal in English; no evidence.
    PointThree,
    Nordic,
}

fn words_with_offsets(line: &str) -> impl Iterator<Item = (usize, &str)> {
    line.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - line.as_ptr() as usize, w))
}

fn is_address(word: &str) -> bool {
    word.contains("://") || word.starts_with("www.") || word.contains('@')
}

/// Byte ranges of the numbers in one word: digits joined by single points and commas
/// ("10.167,50", "1.1.2020", "19,210"); a point or comma not followed by a digit ends the
/// number. Shared with the table readers' document style (`table::docstyle`).
pub(crate) fn numeric_runs(word: &str) -> Vec<std::ops::Range<usize>> {
    let b = word.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() {
            let separator =
                matches!(b[i], b'.' | b',') && b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(b[i].is_ascii_digit() || separator) {
                break;
            }
            i += 1;
        }
        runs.push(start..i);
    }
    runs
}

fn comma_groups(s: &str) -> bool {
    let mut groups = s.split(',');
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len())
        && !first.starts_with('0')
        && groups.clone().count() > 0
        && groups.all(|g| g.len() == 3)
}

fn classify(word: &str, run: std::ops::Range<usize>) -> Option<Kind> {
    let (before, text, after) = (&word[..run.start], &word[run.clone()], &word[run.end..]);
    // Glued to letters ("Q2.5", "v1.2", "4.2a"): a name, no figure.
    if before.chars().last().is_some_and(char::is_alphabetic)
        || after.chars().next().is_some_and(char::is_alphabetic)
    {
        return None;
    }
    let points = text.matches('.').count();
    let commas = text.matches(',').count();
    match (points, commas) {
        (0, 0) => None,
        (1, 0) => {
            let (int, frac) = text.split_once('.')?;
            // "31.12." or "13.07.": a day and a month.
            if after.starts_with('.') && int.len() <= 2 && frac.len() <= 2 {
                return None;
            }
            if frac.len() == 3 && (1..=3).contains(&int.len()) && !int.starts_with('0') {
                Some(Kind::PointThree)
            } else {
                Some(Kind::PointDecimal)
            }
        }
        (_, 0) => {
            // "1.234.567": a point grouping; "29.03.2017", "0.22.01": a date or a code.
            let mut groups = text.split('.');
            let first = groups.next().unwrap_or("");
            let dotted = (1..=3).contains(&first.len())
                && !first.starts_with('0')
                && groups.all(|g| g.len() == 3);
            dotted.then_some(Kind::Nordic)
        }
        (0, _) => {
            if comma_groups(text) {
                Some(Kind::CommaGrouped {
                    english_only: commas > 1,
                })
            } else if commas == 1 {
                // "1,6", "43,22", "0,125", "1234,5": a decimal comma.
                Some(Kind::Nordic)
            } else {
                // "1,2,3": a list, no figure.
                None
            }
        }
        (1, _) => {
            let (int, frac) = text.split_once('.')?;
            if !frac.contains(',') && comma_groups(int) {
                // "1,234.5"
                Some(Kind::CommaGrouped { english_only: true })
            } else if frac.contains(',') && !int.contains(',') {
                // "1.234,5"
                Some(Kind::Nordic)
            } else {
                None
            }
        }
        _ => {
            // "1.234.567,5": a point grouping and a decimal comma.
            let (int, _) = text.rsplit_once(',')?;
            (!int.contains(',') && int.contains('.')).then_some(Kind::Nordic)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english(text: &str) -> bool {
        census(text.lines(), Vocabulary::builtin_shared()).english()
    }

    const PROSE: &str = "According to the preliminary data, the population of the country \
        was %A at the end of the year, which is more than in the previous year. The number of \
        births was higher than that of deaths, and %B persons moved from the region.";

    fn page(a: &str, b: &str) -> String {
        PROSE.replace("%A", a).replace("%B", b)
    }

    #[test]
    fn comma_groups_on_an_english_page_are_thousands() {
        assert!(english(&page("5,445,883", "19,210")));
        assert!(english(&page("445,883", "19,210")));
        assert!(english(&page("445,883 (1.6%)", "19")));
        assert!(english(&page("1,234.5", "19")));
    }

    #[test]
    fn one_comma_figure_alone_or_a_nordic_figure_decides_nothing() {
        // One "1,234" and nothing else: a thousand or a decimal, not told.
        assert!(!english(&page("1,234", "19")));
        // A decimal comma or a point grouping anywhere: the page writes the Nordic way.
        assert!(!english(&page("52,199 (1,6 percent)", "19,210")));
        assert!(!english(&page("52.199.000", "19,210")));
        assert!(!english(&page("5,445,883", "0,125")));
        // Not English words: nothing decided.
        assert!(!english(
            "Befolkningen ökade med 19,210 personer och 5,445,883 bor i landet, det är \
             3.5 procent fler än året innan och antalet födda var högre än för döda."
        ));
    }

    #[test]
    fn addresses_dates_and_names_are_no_figures() {
        let text = format!(
            "{} See https://example.org/stands-at-5,502,284 and v1.2, Helsinki 29.03.2017.",
            page("1,234", "19")
        );
        assert!(!english(&text));
        let c = census(text.lines(), Vocabulary::builtin_shared());
        assert_eq!((c.comma_grouped, c.point_decimals, c.nordic), (1, 0, 0));
    }

    #[test]
    fn figures_are_rewritten_the_nordic_way_in_place() {
        let nbsp = '\u{a0}';
        assert_eq!(
            to_nordic("was 5,445,883, up 0.93 per cent (1,234.5) on 29.03.2017").as_deref(),
            Some(
                format!("was 5{nbsp}445{nbsp}883, up 0,93 per cent (1{nbsp}234,5) on 29.03.2017")
                    .as_str()
            )
        );
        assert_eq!(to_nordic("see https://x.org/a-5,502,284 and Q2.5"), None);
        assert_eq!(to_nordic("no figures at all"), None);
        // Character for character: columns stay where they were.
        let line = "Total 4,471,306 2,169,711";
        let nordic = to_nordic(line).unwrap();
        assert_eq!(nordic.chars().count(), line.chars().count());
    }
}
