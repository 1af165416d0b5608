//! Bulleted rows of a table ("- per mätarplats  1632,00  1306,00" under "Fast avgift
//! kr/år  inkl. moms  exkl. moms"): a list mark before a row's label is no part of the
//! label and no sign of a figure. A line that opens with a mark, a space and a letter, and
//! holds two figures or more (years not counted), next to a line (the nearest non-blank
//! one above or below) with as many, is given to the table readers without the mark
//! (indentation kept). Every other line stays as written: a list item of prose ("- Budget
//! 1 200", "- Godkänna förslag enligt Bilaga 1") is no table row, and a mark before a
//! figure ("- 4 460") is a sign.

use crate::grammar::number::find_figures;
use crate::grammar::vocab::Vocabulary;
use crate::layout::Line;

/// The marks a list item opens with.
fn is_mark(c: char) -> bool {
    matches!(c, '•' | '·' | '▪' | '◦' | '‣' | '-' | '–' | '*')
}

/// The line's text without its list mark, when it opens with a mark, whitespace and a
/// letter, and holds a digit.
fn unbulleted(text: &str) -> Option<String> {
    let body = text.trim_start();
    let indent = &text[..text.len() - body.len()];
    let mut chars = body.chars();
    let mark = chars.next().filter(|&c| is_mark(c))?;
    let rest = chars.as_str();
    let label = rest.trim_start();
    if label.len() == rest.len()
        || !label.starts_with(char::is_alphabetic)
        || !label.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    debug_assert!(is_mark(mark));
    Some(format!("{indent}{label}"))
}

/// Figures of a line, years not counted.
fn figures(text: &str, vocab: &Vocabulary) -> usize {
    find_figures(text, vocab)
        .iter()
        .filter(|(r, _)| !super::cell::is_year(&text[r.clone()]))
        .count()
}

/// The page's lines with the list marks of bulleted table rows taken off; `None` when no
/// line is such a row.
pub(super) fn strip(lines: &[&Line], vocab: &Vocabulary) -> Option<Vec<Line>> {
    // Most lines open with no mark: their figures are not counted.
    let marked: Vec<bool> = lines
        .iter()
        .map(|l| l.text.trim_start().starts_with(is_mark))
        .collect();
    if !marked.contains(&true) {
        return None;
    }
    let counts: Vec<usize> = lines.iter().map(|l| figures(&l.text, vocab)).collect();
    let blank = |k: usize| lines[k].text.trim().is_empty();
    let above = |i: usize| (0..i).rev().find(|&k| !blank(k)).map(|k| counts[k]);
    let below = |i: usize| (i + 1..lines.len()).find(|&k| !blank(k)).map(|k| counts[k]);
    let rewritten: Vec<Option<String>> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let n = counts[i];
            let rowlike = marked[i] && n >= 2 && (above(i) == Some(n) || below(i) == Some(n));
            rowlike.then(|| unbulleted(&l.text)).flatten()
        })
        .collect();
    if rewritten.iter().all(Option::is_none) {
        return None;
    }
    Some(super::suffixed::with_texts(lines, rewritten))
}

#[cfg(test)]
mod tests {
    use super::unbulleted;

    #[test]
    fn marks_before_labels_go_signs_stay() {
        assert_eq!(
            unbulleted("  • Fast avgift 1 306,00 kr inkl. moms").as_deref(),
            Some("  Fast avgift 1 306,00 kr inkl. moms")
        );
        assert_eq!(
            unbulleted("- per mätarplats    1632,00    1306,00").as_deref(),
            Some("per mätarplats    1632,00    1306,00")
        );
        assert_eq!(unbulleted("- 4 460"), None);
        assert_eq!(unbulleted("• till fullo finansiera kostnaderna"), None);
        assert_eq!(unbulleted("-per lägenhet 1632,00"), None);
        assert_eq!(unbulleted("Fast avgift 1 306,00 kr"), None);
    }
}
