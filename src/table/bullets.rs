//! Bulleted rows ("• Fast avgift 1 306,00 kr inkl. moms", "- per mätarplats  1632,00
//! 1306,00"): a list mark before a row's label is no part of the label and no sign of a
//! figure. Lines whose text opens with a mark, a space and a letter, and that hold a digit,
//! are given to the table readers without the mark (indentation kept); every other line
//! stays as written. A mark before a figure ("- 4 460") is a sign and stays.

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

/// The page's lines with the list marks of bulleted rows taken off; `None` when no line
/// is such a row.
pub(super) fn strip(lines: &[&Line]) -> Option<Vec<Line>> {
    let rewritten: Vec<Option<String>> = lines.iter().map(|l| unbulleted(&l.text)).collect();
    if rewritten.iter().all(Option::is_none) {
        return None;
    }
    Some(
        lines
            .iter()
            .zip(rewritten)
            .map(|(l, r)| match r {
                Some(text) => Line {
                    spans: Vec::new(),
                    text,
                    ..(*l).clone()
                },
                None => (*l).clone(),
            })
            .collect(),
    )
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
