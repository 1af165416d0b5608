//! One cell's text → `Cell`: markup stripped, figure parsed, dashes and blanks empty.

use super::{Cell, Table};
use crate::grammar::number::{dotted_thousands, parse_figure, Unit};
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
        // "1.234.567", "-2.093,8": two points, or a point before a decimal comma, group
        // thousands, never start decimals.
        None if dotted_thousands(&raw).is_some_and(|(_, points, d)| points >= 2 || d > 0) => {
            let (value, _, decimals) = dotted_thousands(&raw).unwrap_or_default();
            Cell {
                raw,
                value: Some(value),
                decimals,
                ..Cell::default()
            }
        }
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

/// Figures a table must write with one point between thousands ("121.194") before
/// the point is read as a thousands separator.
const MIN_DOTTED: usize = 3;

/// "121.194" read as 121 194 where the table writes thousands with a point, and only
/// where that is certain: every figure of the table outside rows read more than one way
/// (TAB001) is written that way ("2.819", "1.234.567") or is a whole number under 1 000
/// without separators ("248"); no figure has a decimal comma or other point decimals;
/// at least [`MIN_DOTTED`] such figures; and either one of them has two points (which
/// no decimal has) or the table's unit is kronor or tusen kronor (whose amounts are not
/// written to three decimals). Otherwise the cells stay as read (a point starts
/// decimals). Under the reading, a point figure that fits it not ("12.63", in a row read
/// more than one way) is not decided (TAB003).
pub(crate) fn decide_dotted_thousands(table: &mut Table) {
    let ambiguous: Vec<usize> = table.ambiguities.iter().map(|a| a.row).collect();
    let mut dotted = 0;
    let mut two_points = false;
    for (r, row) in table.rows.iter().enumerate() {
        if ambiguous.contains(&r) {
            continue;
        }
        for cell in row
            .cells
            .iter()
            .filter(|c| c.value.is_some() && !c.reference)
        {
            let raw = cell.raw.trim();
            match dotted_thousands(raw) {
                Some((_, 1, 0)) if cell.unit == Unit::None => dotted += 1,
                Some((_, _, 0)) => two_points = true,
                // "2.093,8": decimals after a comma, read as written.
                Some(_) => return,
                None if cell.decimals == 0
                    && cell.unit == Unit::None
                    && cell.value.is_some_and(|v| v.abs() < 1000.into())
                    && raw
                        .trim_start_matches(['-', '−', '–', '+'])
                        .chars()
                        .all(|c| c.is_ascii_digit()) => {}
                None => return,
            }
        }
    }
    if dotted < MIN_DOTTED || !(two_points || matches!(table.unit, Unit::Kr | Unit::Tkr)) {
        return;
    }
    for cell in table.rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
        if cell.value.is_none() || cell.reference || cell.unit != Unit::None {
            continue;
        }
        let raw = cell.raw.trim().to_string();
        match dotted_thousands(&raw) {
            Some((v, _, 0)) => {
                cell.value = Some(v);
                cell.decimals = 0;
            }
            Some(_) => {}
            None if raw.contains(['.', ',']) => {
                cell.unread = Some(format!(
                    "not decided: the table writes thousands with a point (\"121.194\"), so \"{raw}\" is neither a whole amount so written nor a decimal of it (cut short, or another measure)"
                ));
                cell.value = None;
                cell.decimals = 0;
            }
            None => {}
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
    fn two_points_group_thousands() {
        let c = parse_cell("1.234.567");
        assert_eq!((c.value, c.decimals), (Some(Decimal::from(1_234_567)), 0));
        assert_eq!(parse_cell("12.345.6").value, None);
        let c = parse_cell("-2.093,8");
        assert_eq!((c.value, c.decimals), (Some(Decimal::new(-20938, 1)), 1));
    }

    fn dotted_table(unit: Unit, rows: &[&[&str]]) -> Table {
        let path: std::sync::Arc<str> = std::sync::Arc::from("t");
        Table {
            title: None,
            unit,
            columns: vec!["2019".into(), "2020".into()],
            label_header: None,
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| crate::table::Row {
                    label: format!("rad {i}"),
                    kind: crate::table::RowKind::Data,
                    cells: r.iter().map(|c| parse_cell(c)).collect(),
                    bold: false,
                    provenance: crate::Provenance::new(&path, 1, i as u32 + 1),
                })
                .collect(),
            source: crate::table::TableSource::Delimited,
            provenance: crate::Provenance::new(&path, 1, 1),
            ambiguities: Vec::new(),
            realigned: Vec::new(),
            unread_rows: Vec::new(),
        }
    }

    fn values(t: &Table) -> Vec<Option<Decimal>> {
        t.rows
            .iter()
            .flat_map(|r| r.cells.iter().map(|c| c.value))
            .collect()
    }

    #[test]
    fn dotted_thousands_only_where_certain() {
        let rows: &[&[&str]] = &[&["2.819", "2.524"], &["121.194", "248"], &["124.013", "-"]];
        // Tusen kronor: three decimals of tkr are not written, the point groups thousands.
        let mut t = dotted_table(Unit::Tkr, rows);
        decide_dotted_thousands(&mut t);
        assert_eq!(
            values(&t),
            [
                Some(2819.into()),
                Some(2524.into()),
                Some(121_194.into()),
                Some(248.into()),
                Some(124_013.into()),
                None
            ]
        );
        assert!(t.rows[0].cells[0].decimals == 0);
        // No unit and no figure with two points: left as read (decimals).
        let mut t = dotted_table(Unit::None, rows);
        decide_dotted_thousands(&mut t);
        assert_eq!(t.rows[0].cells[0].value, Some(Decimal::new(2819, 3)));
        // Two points settle it without a unit.
        let mut t = dotted_table(
            Unit::None,
            &[&["2.819", "1.002.524"], &["121.194", "5.000"], &["7", "8"]],
        );
        decide_dotted_thousands(&mut t);
        assert_eq!(t.rows[0].cells[0].value, Some(2819.into()));
        // A decimal comma, another point decimal or a whole number of four digits in the
        // table: no convention, nothing changed.
        for odd in ["1,5", "12.63", "2819", "1 234"] {
            let mut t = dotted_table(
                Unit::Tkr,
                &[&["2.819", odd], &["121.194", "5.000"], &["7.123", "8"]],
            );
            decide_dotted_thousands(&mut t);
            assert_eq!(
                t.rows[0].cells[0].value,
                Some(Decimal::new(2819, 3)),
                "{odd}"
            );
        }
    }

    #[test]
    fn text_is_not_empty_and_has_no_value() {
        let c = parse_cell("Kontroll: IT-arkitekt");
        assert!(!c.empty);
        assert_eq!(c.value, None);
    }
}
