//! One cell's text → `Cell`: markup stripped, figure parsed, dashes and blanks empty.

use super::{Cell, Table};
use crate::grammar::number::{currency_split, dotted_thousands, parse_figure, Unit};
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

/// A dash (with or without a unit) stands for "nothing" in Swedish tables: "-", "–", "- kr";
/// the statistics offices write "…" or ".." for a figure not available, "." where none
/// applies and ":" where it is not published.
pub(crate) fn is_dash(text: &str) -> bool {
    let t = text.trim();
    let t = t
        .strip_suffix("tkr")
        .or_else(|| t.strip_suffix("kr"))
        .unwrap_or(t)
        .trim();
    matches!(
        t,
        "-" | "–" | "−" | "‐" | "—" | "--" | "…" | ".." | "." | ":"
    )
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
    if let Some(cell) = read_figure(&raw, vocab) {
        return cell;
    }
    // A figure with its currency mark before or after it ("kr 1 449", "195,00 €"): read
    // whole, in that currency, or not read with the reason.
    if let Some((body, unit)) = currency_split(&raw, vocab) {
        return currency_cell(&raw, body, unit, vocab);
    }
    // A difference written in words after its amount ("302 kr lägre", "373 kr mer"): the
    // amount, negative for less (a "Skillnad" column of new − old writes the fall so).
    if let Some((body, unit, sign)) = compared_amount(&raw, vocab) {
        let mut cell = currency_cell(&raw, body, unit, vocab);
        if sign < 0 {
            cell.value = cell.value.map(|v| -v);
        }
        return cell;
    }
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

/// A cell that is an amount with its currency mark and then a word comparing it ("302 kr
/// lägre", "40 kr mer", "120 kr billigere"): the figure's text, its currency, and the sign
/// the word gives (−1 for less, +1 for more).
pub(crate) fn compared_amount<'a>(
    raw: &'a str,
    vocab: &Vocabulary,
) -> Option<(&'a str, Unit, i32)> {
    const LESS: &[&str] = &["lägre", "mindre", "billigare", "lavere", "billigere"];
    const MORE: &[&str] = &[
        "högre", "mer", "mera", "dyrare", "høyere", "højere", "mere", "dyrere",
    ];
    let (amount, word) = raw.trim_end().rsplit_once(' ')?;
    let word = word.to_lowercase();
    let sign = if LESS.contains(&word.as_str()) {
        -1
    } else if MORE.contains(&word.as_str()) {
        1
    } else {
        return None;
    };
    let (body, unit) = currency_split(amount.trim_end(), vocab)?;
    Some((body, unit, sign))
}

/// A cell whose figure `body` is written with a currency mark of `unit`: the figure
/// read whole (with no unit of its own), or the cell not read with its reason. A point
/// with three digits after it and no decimal comma ("kr. 10.000") is read by the
/// table's or the document's habit later, never here.
fn currency_cell(raw: &str, body: &str, unit: Unit, vocab: &Vocabulary) -> Cell {
    if is_dash(body) {
        return Cell {
            raw: raw.to_string(),
            empty: true,
            ..Cell::default()
        };
    }
    let single_point = dotted_thousands(body).is_some_and(|(_, points, d)| points == 1 && d == 0);
    match read_figure(body, vocab) {
        Some(read) if read.unit == Unit::None && read.mark.is_none() && !single_point => Cell {
            raw: raw.to_string(),
            unit,
            ..read
        },
        _ => Cell {
            raw: raw.to_string(),
            unread: Some(format!(
                "not decided: \"{body}\" beside its currency mark is not one figure as written{}",
                if single_point {
                    " (a point between thousands or a decimal point)"
                } else {
                    ""
                }
            )),
            ..Cell::default()
        },
    }
}

/// The cell of a text that is one figure as written, with or without a unit: `None`
/// when it is not.
fn read_figure(raw: &str, vocab: &Vocabulary) -> Option<Cell> {
    let raw = raw.to_string();
    match parse_figure(&raw, vocab) {
        Some(f) => Some(Cell {
            raw,
            value: Some(f.value),
            unit: f.unit,
            decimals: f.decimals,
            mark: f.mark,
            ..Cell::default()
        }),
        // "1.234.567", "-2.093,8": two points, or a point before a decimal comma, group
        // thousands, never start decimals.
        None if dotted_thousands(&raw).is_some_and(|(_, points, d)| points >= 2 || d > 0) => {
            let (value, _, decimals) = dotted_thousands(&raw).unwrap_or_default();
            Some(Cell {
                raw,
                value: Some(value),
                decimals,
                ..Cell::default()
            })
        }
        None => None,
    }
}

/// Figures a table must write with one point between thousands ("121.194") before
/// its unit alone (kronor, tusen kronor) makes the point a thousands separator.
const MIN_DOTTED: usize = 3;

/// How a table writes its figures, for [`decide_dotted_thousands`].
#[derive(Default)]
struct PointCensus {
    /// "121.194": one point, three digits after it, no decimals.
    single: usize,
    /// "1.234.567" or "2.093,8": points that can only group thousands.
    decisive: bool,
    /// "12.63", "4.5": a point that starts decimals.
    point_decimal: bool,
    /// "248": a whole number under 1 000 other than 0, as a thousands table writes it too.
    small: bool,
    /// "768,2": a decimal comma and no point.
    comma: bool,
    /// "768,2", "-1,5": a comma with one or two decimals, which no writer of thousands
    /// with a comma ("1,500") makes: the table's decimal mark is the comma.
    comma_decimals: bool,
    /// A column holding both a "121.194" and a whole number under 1 000 ("248"): read
    /// with a decimal point, that column would write some figures to three decimals and
    /// others to none, which no table does to one measure; read with points between
    /// thousands, every figure of it is whole.
    mixed_column: bool,
    /// Any other figure: "2819", "1 234", one with a unit.
    other: bool,
    /// The first figure of `decisive`, `small`, `comma` or `other`, as written: what sets
    /// the two readings of "121.194" apart, for the reason of a cell not decided.
    witness: Option<String>,
}

fn point_census(table: &Table) -> PointCensus {
    let ambiguous: Vec<usize> = table.ambiguities.iter().map(|a| a.row).collect();
    let mut census = PointCensus::default();
    // Per column: (a "121.194" seen, a whole number under 1 000 seen).
    let mut columns: Vec<(bool, bool)> = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        if ambiguous.contains(&r) {
            continue;
        }
        for (col, cell) in row
            .cells
            .iter()
            .enumerate()
            .filter(|(_, c)| c.value.is_some() && !c.reference)
        {
            if columns.len() <= col {
                columns.resize(col + 1, (false, false));
            }
            let raw = cell.raw.trim();
            let digits = raw.trim_start_matches(['-', '−', '–', '+']);
            let before = (census.decisive, census.small, census.comma, census.other);
            match dotted_thousands(raw) {
                Some((_, 1, 0)) if cell.unit == Unit::None => {
                    census.single += 1;
                    columns[col].0 = true;
                }
                Some(_) => census.decisive = true,
                None if raw.contains('.') => census.point_decimal = true,
                None if cell.value.is_some_and(|v| v.is_zero()) => {}
                None if cell.unit == Unit::None && is_comma_decimal(raw) => {
                    census.comma = true;
                    let decimals = raw.rsplit_once(',').map_or(0, |(_, f)| f.len());
                    census.comma_decimals |= (1..=2).contains(&decimals);
                }
                None if cell.unit == Unit::None
                    && digits.len() <= 3
                    && digits.chars().all(|c| c.is_ascii_digit()) =>
                {
                    census.small = true;
                    columns[col].1 = true;
                }
                None => census.other = true,
            }
            if census.witness.is_none()
                && before != (census.decisive, census.small, census.comma, census.other)
            {
                census.witness = Some(raw.to_string());
            }
        }
    }
    census.mixed_column = columns.iter().any(|&(dotted, small)| dotted && small);
    census
}

/// "121.194" read as 121 194 where the table writes thousands with a point, and only
/// where that is certain: no figure of the table outside rows read more than one way
/// (TAB001) writes a point decimal ("12.63") or a figure of another habit ("2819",
/// "1 234", one with a unit); and either a figure has points that only group thousands
/// (two of them, or points before a decimal comma, which no decimal has) or the table's
/// unit is kronor or tusen kronor (whose amounts are not written to three decimals), at
/// least [`MIN_DOTTED`] figures are written with one point and none with a decimal comma;
/// or the table's own habits tell it, with as many point figures: it writes decimals with
/// a comma ("768,2"), or a column holds both "121.194"s and whole numbers under 1 000
/// (read with a decimal point, one column would mix three decimals and none).
/// Whole numbers under 1 000 ("248") and 0 a thousands table writes so too. Under the
/// reading, a point figure that fits it not ("12.63", in a row read more than one way)
/// is not decided (TAB003).
///
/// Where nothing decides and the two readings would part (the table also writes "248",
/// "1,5", "2819" or "1.234.567"), every "121.194" is not decided: read as 121,194 it
/// would fail relations with "248" that hold as 121 194. A table whose figures are all
/// written "121.194" (or 0) keeps the point as read, a decimal: every relation among
/// them holds or fails alike in both readings, scaled by 1 000.
pub(crate) fn decide_dotted_thousands(table: &mut Table) {
    let census = point_census(table);
    if census.point_decimal || census.single == 0 && !census.decisive {
        return;
    }
    let by_unit =
        matches!(table.unit, Unit::Kr | Unit::Tkr) && census.single >= MIN_DOTTED && !census.comma;
    // The table's own habits settle it too: decimals written with a comma, or a column
    // of whole numbers under 1 000 beside "121.194"s (see [`PointCensus`]).
    let by_habit = census.single >= MIN_DOTTED && (census.comma_decimals || census.mixed_column);
    let thousands = (census.decisive || by_unit || by_habit) && !census.other;
    if !thousands {
        if census.single > 0 && (census.small || census.comma || census.other || census.decisive) {
            not_decided_points(table, census.witness.as_deref().unwrap_or_default());
        }
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
            None if raw.contains(['.', ',']) && !is_comma_decimal(&raw) => {
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

/// Every "121.194" of the table not decided: a point between thousands or a decimal
/// point, and the table's other figures read differently under the two.
fn not_decided_points(table: &mut Table, witness: &str) {
    for cell in table.rows.iter_mut().flat_map(|r| r.cells.iter_mut()) {
        if cell.value.is_none() || cell.reference || cell.unit != Unit::None {
            continue;
        }
        let raw = cell.raw.trim().to_string();
        if let Some((_, 1, 0)) = dotted_thousands(&raw) {
            let (int, frac) = raw.split_once('.').unwrap_or((&raw, ""));
            cell.unread = Some(format!(
                "not decided: \"{raw}\" is {int} {frac} (a point between thousands) or {int},{frac} (a decimal point), and nothing in the table tells which (a figure with two points or a point before a decimal comma, a unit in kronor, decimals written with a comma, a column of such figures and whole numbers under 1 000), while the table's \"{witness}\" reads the same in both, so a relation through it may hold in one reading and fail in the other"
            ));
            cell.value = None;
            cell.decimals = 0;
        }
    }
}

/// "768,2", "-1,5": a decimal comma and no point, as a table that groups thousands with
/// a point writes its decimals.
fn is_comma_decimal(raw: &str) -> bool {
    let t = raw.trim_start_matches(['-', '−', '–', '+']);
    let (int, frac) = t.split_once(',').unwrap_or((t, ""));
    !int.is_empty()
        && !frac.is_empty()
        && int.len() <= 3
        && int.chars().all(|c| c.is_ascii_digit())
        && frac.chars().all(|c| c.is_ascii_digit())
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
    fn figures_with_currency_marks_are_read_whole_or_not_at_all() {
        let read = |s| {
            let c = parse_cell(s);
            (c.value, c.unit, c.decimals, c.unread.is_some())
        };
        let d = |s: &str| Some(s.parse::<Decimal>().unwrap());
        assert_eq!(read("195,00 €"), (d("195.00"), Unit::Eur, 2, false));
        assert_eq!(read("kr 1 449"), (d("1449"), Unit::Kr, 0, false));
        assert_eq!(read("kr. 2.282,50"), (d("2282.50"), Unit::Kr, 2, false));
        assert_eq!(read("1 449 kr/år"), (d("1449"), Unit::Kr, 0, false));
        assert_eq!(read("NOK 1 449"), (d("1449"), Unit::Kr, 0, false));
        assert_eq!(read("19 500,-"), (d("19500"), Unit::Kr, 0, false));
        // A point with three digits after it: thousands or decimals, not decided here.
        assert_eq!(read("kr. 10.000"), (None, Unit::None, 0, true));
        // Two figures, or a figure cut short, beside a mark: not read, with the reason.
        assert_eq!(read("kr 1 44 9"), (None, Unit::None, 0, true));
        // Text beside a mark that is not what a figure is written with: no figure.
        assert_eq!(read("kr 10 %").0, None);
        assert!(parse_cell("kr -").empty);
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
            fixed: Vec::new(),
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
        // No unit, but "2.524" and "248" in one column: with a decimal point that column
        // would mix three decimals and none; the points group thousands.
        let mut t = dotted_table(Unit::None, rows);
        decide_dotted_thousands(&mut t);
        assert_eq!(t.rows[0].cells[1].value, Some(2524.into()));
        assert_eq!(t.rows[1].cells[1].value, Some(248.into()));
        // No unit, no figure with two points, no column mixing the two, and "248" read
        // differently under the two readings: every point figure is not decided.
        let rows: &[&[&str]] = &[&["2.819", "248"], &["121.194", "5"], &["124.013", "-"]];
        let mut t = dotted_table(Unit::None, rows);
        decide_dotted_thousands(&mut t);
        assert_eq!(
            values(&t),
            [None, Some(248.into()), None, Some(5.into()), None, None]
        );
        assert!(t.rows[0].cells[0]
            .unread
            .as_deref()
            .is_some_and(|u| u.starts_with("not decided: \"2.819\" is 2 819")));
        // Every figure written with one point (or 0): left as read, decimals; every
        // relation among them holds or fails alike in both readings.
        let mut t = dotted_table(Unit::None, &[&["2.819", "0"], &["121.194", "5.000"]]);
        decide_dotted_thousands(&mut t);
        assert_eq!(t.rows[0].cells[0].value, Some(Decimal::new(2819, 3)));
        assert!(t
            .rows
            .iter()
            .flat_map(|r| &r.cells)
            .all(|c| c.unread.is_none()));
        // A point before a decimal comma settles it too, and a comma decimal ("768,2")
        // is then a decimal of the same table.
        let mut t = dotted_table(
            Unit::None,
            &[&["2.819", "-2.093,8"], &["121.194", "768,2"], &["7", "8"]],
        );
        decide_dotted_thousands(&mut t);
        assert_eq!(
            values(&t),
            [
                Some(2819.into()),
                Some(Decimal::new(-20938, 1)),
                Some(121_194.into()),
                Some(Decimal::new(7682, 1)),
                Some(7.into()),
                Some(8.into())
            ]
        );
        // Two points settle it without a unit.
        let mut t = dotted_table(
            Unit::None,
            &[&["2.819", "1.002.524"], &["121.194", "5.000"], &["7", "8"]],
        );
        decide_dotted_thousands(&mut t);
        assert_eq!(t.rows[0].cells[0].value, Some(2819.into()));
        // Another point decimal in the table: the point starts decimals, nothing changed.
        let mut t = dotted_table(
            Unit::Tkr,
            &[&["2.819", "12.63"], &["121.194", "5.000"], &["7.123", "8"]],
        );
        decide_dotted_thousands(&mut t);
        assert_eq!(t.rows[0].cells[0].value, Some(Decimal::new(2819, 3)));
        // A whole number of four digits or one written with spaces in a table in tkr
        // with no figure of two points: no convention, the point figures not decided.
        // A decimal comma with one or two decimals: the comma is the decimal mark.
        let mut t = dotted_table(
            Unit::None,
            &[
                &["2.819", "1,5"],
                &["121.194", "5.000"],
                &["7.123", "12,25"],
            ],
        );
        decide_dotted_thousands(&mut t);
        assert_eq!(t.rows[0].cells[0].value, Some(2819.into()));
        assert_eq!(t.rows[2].cells[1].value, Some(Decimal::new(1225, 2)));
        // "1,500" could be an English thousand: no habit told, not decided.
        let mut t = dotted_table(
            Unit::None,
            &[
                &["2.819", "1,500"],
                &["121.194", "5.000"],
                &["7.123", "6.000"],
            ],
        );
        decide_dotted_thousands(&mut t);
        assert_eq!(t.rows[0].cells[0].value, None);
        for odd in ["2819", "1 234"] {
            let mut t = dotted_table(
                Unit::Tkr,
                &[&["2.819", odd], &["121.194", "5.000"], &["7.123", "8"]],
            );
            decide_dotted_thousands(&mut t);
            assert_eq!(t.rows[0].cells[0].value, None, "{odd}");
            assert!(t.rows[0].cells[0].unread.is_some(), "{odd}");
            assert!(t.rows[0].cells[1].value.is_some(), "{odd}");
        }
    }

    #[test]
    fn text_is_not_empty_and_has_no_value() {
        let c = parse_cell("Kontroll: IT-arkitekt");
        assert!(!c.empty);
        assert_eq!(c.value, None);
    }
}
