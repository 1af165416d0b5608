//! One cell's text → `Cell`: markup stripped, figure parsed, dashes and blanks empty.

use super::Cell;
use crate::grammar::number::{parse_figure, Unit};

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
pub fn parse_cell(text: &str) -> Cell {
    let (raw, _) = strip_markup(text);
    if raw.is_empty() || is_dash(&raw) {
        return Cell {
            raw,
            value: None,
            unit: Unit::None,
            decimals: 0,
            empty: true,
        };
    }
    match parse_figure(&raw) {
        Some(f) => Cell {
            raw,
            value: Some(f.value),
            unit: f.unit,
            decimals: f.decimals,
            empty: false,
        },
        None => Cell {
            raw,
            value: None,
            unit: Unit::None,
            decimals: 0,
            empty: false,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

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
    fn text_is_not_empty_and_has_no_value() {
        let c = parse_cell("Kontroll: IT-arkitekt");
        assert!(!c.empty);
        assert_eq!(c.value, None);
    }
}
