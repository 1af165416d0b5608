//! The document's own number style: whether a point between digits groups thousands
//! ("7.683", "10.167,50", "-2.139.911", as Danish and Norwegian records write) in the
//! whole document, decided once from every figure it writes rather than per table.
//!
//! A point groups thousands everywhere in a document when the document writes decimals
//! with a comma ("10.167,50", "2,7 %", "43,22") and every figure it writes with a point
//! has exactly three digits after each point (never "3.5", "12.25", "1.2345", "0.125"):
//! a point decimal cannot then be told from a point grouping, and the document shows it
//! uses the comma for decimals. Numbers that are not figures are left out of the census:
//! dates ("1.1.2020", "31.12."), times ("kl. 10.30", "10.30-12.00"), section and version
//! numbers ("4.2 Noter", "§ 3.1", "v1.2", "1.2.3"), phone numbers ("33.34.86.56"),
//! numbers glued to letters, addresses (URLs). Where the document writes a point decimal,
//! a comma-grouped thousand ("1,234,567", "1,234.5") or no comma decimal at all, nothing
//! is decided here and each table decides as before (`cell::decide_dotted_thousands`):
//! a writer who writes "3.5 %" may still write "1.234" for a thousand elsewhere, so even a
//! point decimal does not make "1.234" a decimal with certainty.

use super::{parse_cell, Table};
use crate::grammar::convention::numeric_runs;
use crate::grammar::number::dotted_thousands;
use crate::grammar::vocab::Vocabulary;

/// What the document's figures show about the point, counted over its lines.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PointStyle {
    /// Figures with a comma followed by decimals that are not three digits ("2,7",
    /// "43,22"), or a point grouping before a decimal comma ("10.167,50").
    pub comma_decimals: usize,
    /// Figures with one or more points, each followed by exactly three digits ("7.683").
    pub dotted: usize,
    /// A figure that cannot be read with the point grouping thousands: a point decimal
    /// ("3.5", "12.25", "0.125", "1234.567") or a comma grouping ("1,234,567",
    /// "1,234.5").
    pub against: bool,
}

impl PointStyle {
    /// Whether every "7.683" of the document is 7 683.
    pub fn points_group_thousands(&self) -> bool {
        self.comma_decimals > 0 && self.dotted > 0 && !self.against
    }
}

/// Words before a number that make it a section, note, version or clock number.
const NUMBERING_WORDS: &[&str] = &[
    "§",
    "§§",
    "kap",
    "kapitel",
    "kapittel",
    "afsnit",
    "avsnitt",
    "punkt",
    "pkt",
    "note",
    "noter",
    "not",
    "bilag",
    "bilaga",
    "vedlegg",
    "version",
    "versjon",
    "versjonen",
    "v",
    "kl",
    "klokken",
    "klokka",
    "klockan",
    "tlf",
    "tel",
    "telefon",
];

/// The census of every line of a document.
pub(crate) fn census<'a>(lines: impl IntoIterator<Item = &'a str>) -> PointStyle {
    let mut style = PointStyle::default();
    for line in lines {
        census_line(line, &mut style);
    }
    style
}

fn census_line(line: &str, style: &mut PointStyle) {
    let words: Vec<&str> = line.split_whitespace().collect();
    for (i, word) in words.iter().enumerate() {
        // A word without a digit holds no number (and needs no lowercased neighbour).
        if !word.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        if word.contains("://") || word.starts_with("www.") || word.contains('@') {
            continue;
        }
        let prev = i
            .checked_sub(1)
            .map(|p| {
                words[p]
                    .trim_end_matches(['.', ':'])
                    .to_lowercase()
                    .to_string()
            })
            .unwrap_or_default();
        let next = words.get(i + 1).copied().unwrap_or("");
        for std::ops::Range { start, end } in numeric_runs(word) {
            let run = &word[start..end];
            let before = &word[..start];
            let after = &word[end..];
            // Glued to letters ("MS4.2", "v1.2", "4.2a"): a name, not a figure.
            if before.chars().last().is_some_and(char::is_alphabetic)
                || after.chars().next().is_some_and(char::is_alphabetic)
            {
                continue;
            }
            if (start == 0 || before.ends_with('§')) && NUMBERING_WORDS.contains(&prev.as_str())
                || before.contains('§')
            {
                continue;
            }
            let heading = i == 0
                && start == 0
                && next.chars().next().is_some_and(char::is_uppercase)
                && after.trim_end_matches('.').is_empty();
            classify(run, after, before, heading, next, style);
        }
    }
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit())
}

fn small(s: &str, max: u32) -> bool {
    s.len() <= 2 && all_digits(s) && s.parse::<u32>().is_ok_and(|v| v <= max)
}

/// A clock time "10.30": hours to 24, two-digit minutes under 60, in a range
/// ("10.30-12.00") or after a clock word (handled by the caller).
fn is_time(run: &str, after: &str, before: &str, next: &str) -> bool {
    let Some((h, m)) = run.split_once('.') else {
        return false;
    };
    let clock = small(h, 24) && m.len() == 2 && small(m, 59);
    let ranged = |s: &str| s.starts_with(['-', '–']) || s.ends_with(['-', '–']);
    clock && (ranged(after) || ranged(before) || next.starts_with(['-', '–']))
}

fn classify(
    run: &str,
    after: &str,
    before: &str,
    heading: bool,
    next: &str,
    style: &mut PointStyle,
) {
    let points = run.matches('.').count();
    let commas = run.matches(',').count();
    if points == 0 && commas == 0 {
        return;
    }
    let groups: Vec<&str> = run.split(['.', ',']).collect();
    // Dates: "1.1.2020", "31.12.", "31.12.19", "2020.01.15".
    if commas == 0 && (1..=2).contains(&points) {
        let date = match groups.as_slice() {
            [d, m] => small(d, 31) && small(m, 12) && after.starts_with('.'),
            [d, m, y] => {
                small(d, 31) && small(m, 12) && (y.len() == 2 || y.len() == 4)
                    || d.len() == 4 && small(m, 12) && small(y, 31)
            }
            _ => false,
        };
        if date {
            return;
        }
    }
    if commas == 0 && points == 1 && is_time(run, after, before, next) {
        return;
    }
    match (points, commas) {
        (_, 0) => {
            let first = groups[0];
            let grouped = first.len() <= 3
                && !first.starts_with('0')
                && groups[1..].iter().all(|g| g.len() == 3);
            if grouped {
                style.dotted += 1;
            } else if points == 1 {
                // "4.2 Noter": a heading number, not a figure.
                if heading && first.len() <= 2 && groups[1].len() <= 2 {
                    return;
                }
                style.against = true;
            }
            // Two or more points not grouping thousands ("1.2.3", "33.34.86.56"):
            // a section, version or phone number, no figure.
        }
        (0, 1) => {
            if groups[1].len() != 3 {
                style.comma_decimals += 1;
            }
            // "1,500": a decimal comma or a comma between thousands; neither.
        }
        (0, _) => {
            if groups[1..].iter().all(|g| g.len() == 3) && groups[0].len() <= 3 {
                style.against = true;
            }
            // "1,2,3": a list, no figure.
        }
        (_, 1) if run.find(',') > run.rfind('.') => {
            let (int, _) = run.split_once(',').unwrap_or((run, ""));
            if dotted_thousands(run).is_some() && int.contains('.') {
                style.dotted += 1;
                style.comma_decimals += 1;
            }
        }
        _ => {
            // "1,234.5": a comma between thousands and a point decimal.
            if run.rfind('.') > run.rfind(',') {
                style.against = true;
            }
        }
    }
}

/// Reads every "7.683" of a table as 7 683 in a document whose style says so
/// ([`PointStyle::points_group_thousands`]), with or without a unit after it ("2.099
/// kroner", "10.167,50 kroner"): the cell read again from its figure written without the
/// points, its reason for not being decided taken back, its text kept as written. Runs
/// after the table's own reading, so it overrides a per-table decision that could not
/// tell.
pub(crate) fn read_points_as_thousands(table: &mut Table, vocab: &Vocabulary) {
    for cell in table.rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
        if cell.reference || cell.empty {
            continue;
        }
        let raw = cell.raw.trim();
        let (figure, rest) = raw.split_once(' ').unwrap_or((raw, ""));
        let Some((value, points, decimals)) = dotted_thousands(figure) else {
            continue;
        };
        // Without a unit, two points or a decimal comma were read whole by the cell.
        if rest.is_empty() && (points > 1 || decimals > 0) && cell.value.is_some() {
            continue;
        }
        if !rest.is_empty() && rest.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let plain = value.to_string().replace('.', ",");
        let text = if rest.is_empty() {
            plain
        } else {
            format!("{plain} {rest}")
        };
        let read = parse_cell(&text, vocab);
        if read.value.is_some() {
            cell.value = read.value;
            cell.unit = read.unit;
            cell.decimals = decimals;
            cell.mark = read.mark;
            cell.unread = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(text: &str) -> PointStyle {
        census(text.lines())
    }

    #[test]
    fn comma_decimals_and_three_digit_points_group_thousands() {
        for text in [
            "Driftstilskud netto 7.683 4.645\nI alt 8.362 5.032\nStigning 2,7 %",
            "Vanngebyr 2.099 kroner\nSum per år 10.167,50 kroner",
            "Saldo -2.139.911 og 43,22 kr/m³",
        ] {
            assert!(style(text).points_group_thousands(), "{text}");
        }
    }

    #[test]
    fn dates_times_sections_and_phones_are_no_figures() {
        let text = "Mødet 1.1.2020 kl. 10.30 til 31.12.\n4.2 Noter\n§ 3.1 gælder\n\
                    Åbent 10.30-12.00\nTlf 33.34.86.56, version 1.2.3, v1.2\n\
                    Takst 7.683 og 2,5 %";
        let s = style(text);
        assert!(!s.against, "{s:?}");
        assert!(s.points_group_thousands(), "{s:?}");
    }

    #[test]
    fn a_point_decimal_or_no_comma_decimal_decides_nothing() {
        for text in [
            // A Swedish record writing "3.5 %" and "1.234": nothing decided by the document.
            "Ökning 3.5 %\nKostnad 1.234 tkr\nAndel 2,5 %",
            "Takst 12.25 og 7.683 og 2,5",
            "Takst 1.2345 og 7.683 og 2,5",
            "Takst 0.125 og 7.683 og 2,5",
            // No comma decimal: "7.683" alone says nothing.
            "Driftstilskud 7.683 4.645\nI alt 8.362",
            // Comma grouping.
            "Amount 1,234,567 and 7.683 and 2,5",
            "Amount 1,234.50 and 7.683 and 2,5",
            // No point figure.
            "Andel 2,5 % av 1 234",
        ] {
            assert!(!style(text).points_group_thousands(), "{text}");
        }
    }
}
