//! One cell's text → `Cell`: markup stripped, figure parsed, dashes and blanks empty.

use super::Cell;
use crate::grammar::number::parse_figure;
use crate::grammar::vocab::Vocabulary;

/// Text of a cell without `<b>`, `<i>`, `**` markup, and whether it was bold.
pub(crate) fn strip_markup(text: &str) -> (String, bool) {
    // Most cells carry no markup: no tag to take out, and no copy per tag.
    if !text.contains(['<', '*']) {
        return (text.trim().to_string(), false);
    }
    let bold = text.contains("<b>") || text.contains("**");
    let mut out = text.to_string();
    for tag in ["<b>", "</b>", "<i>", "</i>", "<u>", "</u>", "**"] {
        out = out.replace(tag, "");
    }
    (out.trim().to_string(), bold)
}

/// A dash (with or without a unit) stands for "nothing" in Swedish tables: "-", "–", "- kr".
pub(crate) fn is_dash(text: &str) -> bool {
    let t = text.trim();
    let t = t
        .strip_suffix("tkr")
        .or_else(|| t.strip_suffix("kr"))
        .unwrap_or(t)
        .trim();
    matches!(t, "-" | "–" | "−" | "‐" | "—" | "--")
}

/// A bare year ("2021") is a column heading, not a figure.
pub(crate) fn is_year(text: &str) -> bool {
    let t = text.trim();
    t.len() == 4
        && t.chars().all(|c| c.is_ascii_digit())
        && (t.starts_with("19") || t.starts_with("20"))
}

/// Parses one cell's text (markup already stripped or not) into a `Cell`.
pub fn parse_cell(text: &str, vocab: &Vocabulary) -> Cell {
    let (raw, _) = strip_markup(text);
    if raw.is_empty() || is_dash(&raw) {
        return Cell {
            raw,
            empty: true,
            ..Cell::default()
        };
    }
    match parse_figure(&raw, vocab) {
        Some(f) => Cell {
            raw,
            value: Some(f.value),
            unit: f.unit,
            decimals: f.decimals,
            mark: f.mark,
            ..Cell::default()
        },
        None => {
            let unread = digit_groups_without_figure(&raw).then(|| {
                "its digit groups make no figure (a group cut short, or two figures in one cell)"
                    .to_string()
            });
            Cell {
                raw,
                unread,
                ..Cell::default()
            }
        }
    }
}

/// Text made only of numbers ("-7 73", "12 3456", "1 234 5"), at least two of them,
/// that [`parse_figure`] did not take as one figure: a figure cut at the column edge or
/// figures run together. Dates, references ("2, 3"), words are not.
pub(crate) fn digit_groups_without_figure(raw: &str) -> bool {
    let t = raw.trim();
    let t = t
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or(t);
    let is_sign = |c: char| matches!(c, '-' | '−' | '‐' | '‑' | '‒' | '–' | '+');
    let mut tokens: Vec<&str> = t
        .split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .collect();
    if tokens
        .first()
        .is_some_and(|w| w.chars().all(is_sign) && w.chars().count() == 1)
    {
        tokens.remove(0);
    }
    let number = |w: &str| {
        let w = w.strip_prefix(is_sign).unwrap_or(w);
        let w = w.strip_suffix('%').unwrap_or(w);
        let (int, frac) = w.split_once([',', '.']).unwrap_or((w, "0"));
        !int.is_empty()
            && !frac.is_empty()
            && int.chars().all(|c| c.is_ascii_digit())
            && frac.chars().all(|c| c.is_ascii_digit())
    };
    tokens.len() >= 2 && tokens.iter().all(|w| number(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::number::Unit;
    use rust_decimal::Decimal;

    fn parse_cell(text: &str) -> Cell {
        super::parse_cell(text, Vocabulary::builtin_shared())
    }

    #[test]
    fn bold_figure_with_kr() {
        let c = parse_cell("<b>7 190 202 kr</b>");
        assert_eq!(c.raw, "7 190 202 kr");
        assert_eq!(c.value, Some(Decimal::from(7_190_202)));
        assert_eq!(c.unit, Unit::Kr);
        assert!(!c.empty);
    }

    #[test]
    fn dash_is_empty() {
        assert!(parse_cell("- kr").empty);
        assert!(parse_cell("-").empty);
        assert_eq!(parse_cell("-").value, None);
    }

    #[test]
    fn percent_keeps_decimals() {
        let c = parse_cell("18,41%");
        assert_eq!(c.value, Some(Decimal::new(1841, 2)));
        assert_eq!(c.unit, Unit::Percent);
        assert_eq!(c.decimals, 2);
    }

    #[test]
    fn cut_figures_are_unread_not_text() {
        for raw in [
            "-7 73",
            "12 3456",
            "1 234 5",
            "− 7 73",
            "(7 73)",
            "1\u{2009}23",
        ] {
            let c = parse_cell(raw);
            assert_eq!(c.value, None, "{raw:?}");
            assert!(c.unread.is_some(), "{raw:?}");
        }
        for raw in [
            "2, 3, 17",
            "2023-12-31",
            "Not 2",
            "411 05 Göteborg",
            "-7 738",
            "1A",
        ] {
            assert!(parse_cell(raw).unread.is_none(), "{raw:?}");
        }
    }

    #[test]
    fn marks_and_parentheses() {
        let c = parse_cell("1 234¹");
        assert_eq!(
            (c.value, c.mark.as_deref()),
            (Some(Decimal::from(1234)), Some("¹"))
        );
        let c = parse_cell("( 1 234 )");
        assert_eq!(c.value, Some(Decimal::from(-1234)));
        let c = parse_cell("−1\u{2009}234");
        assert_eq!(c.value, Some(Decimal::from(-1234)));
    }

    #[test]
    fn text_is_not_empty_and_has_no_value() {
        let c = parse_cell("Kontroll: IT-arkitekt");
        assert!(!c.empty);
        assert_eq!(c.value, None);
    }
}
