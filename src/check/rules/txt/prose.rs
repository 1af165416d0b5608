//! Money figures and percentages written in running text ("underskott på 2 841 tkr",
//! "3,8 mnkr", "4,4%", "motsvarande 5 miljoner"), with the precision the writer used.

use crate::arith::{half_unit, Interval};
use crate::document::Document;
use crate::grammar::number::Unit;
use crate::grammar::re::Re;
use rust_decimal::Decimal;
use std::collections::HashSet;
use std::sync::LazyLock;

#[derive(Clone, Debug)]
pub struct ProseFigure {
    /// The figure as written, unit included.
    pub raw: String,
    pub value: Decimal,
    pub decimals: u32,
    /// Kronor per unit written; `None` for percentages.
    pub scale: Option<Decimal>,
    pub percent: bool,
    /// Byte offsets of the figure in its line.
    pub start: usize,
    pub end: usize,
}

impl ProseFigure {
    /// The magnitude in kronor the prose allows: rounding to the last digit written, or
    /// truncation (writers give 3 867 tkr as "3,8 mnkr").
    pub fn kronor(&self) -> Option<Interval> {
        let scale = self.scale?;
        let v = self.value.abs();
        let u = half_unit(self.decimals) * Decimal::TWO;
        Some(Interval {
            nominal: v * scale,
            lo: (v - u / Decimal::TWO) * scale,
            hi: (v + u) * scale,
        })
    }
}

/// A figure with optional space-grouped thousands and decimal comma, then a unit.
const FIGURE: &str = r"(?i)(?:^|[^\d,.])(-\s?)?(\d{1,3}(?:[ \u{a0}\u{202f}]\d{3})+|\d+)(,\d+)?\s?((?:tkr|mnkr|mkr|msek|mdkr|miljoner|miljon|kronor|kr|procent)\b|%)";

pub(crate) fn figure_re() -> &'static Re {
    static RE: Re = Re::new(FIGURE);
    &RE
}

/// `figure_re` without its word boundary: a superset it finds with the fast engines.
/// Unicode `\b` makes the regex crate's DFA give up on non-ASCII text (every Swedish
/// line), and the slow fallback over every line was most of a long text's check time.
pub(crate) fn maybe_figure_re() -> &'static Re {
    static RE: LazyLock<Re> = LazyLock::new(|| Re::owned(FIGURE.replace(r"\b", "")));
    &RE
}

/// Every money figure and percentage in one line of prose.
pub fn figures(line: &str) -> Vec<ProseFigure> {
    let mut out = Vec::new();
    if !maybe_figure_re().is_match(line) {
        return out;
    }
    for cap in figure_re().captures_iter(line) {
        let (Some(int), Some(unit)) = (cap.get(2), cap.get(4)) else {
            continue;
        };
        let frac = cap.get(3).map_or("", |m| m.as_str());
        let digits: String = int.as_str().chars().filter(char::is_ascii_digit).collect();
        let text = format!("{digits}{}", frac.replace(',', "."));
        let Ok(mut value) = text.parse::<Decimal>() else {
            continue;
        };
        if cap.get(1).is_some() {
            value = -value;
        }
        let u = unit.as_str().to_lowercase();
        let (scale, percent) = match u.as_str() {
            "tkr" => (Some(Decimal::from(1_000)), false),
            "mnkr" | "mkr" | "msek" | "miljoner" | "miljon" => {
                (Some(Decimal::from(1_000_000)), false)
            }
            "mdkr" => (Some(Decimal::from(1_000_000_000)), false),
            "kr" | "kronor" => (Some(Decimal::ONE), false),
            _ => (None, true),
        };
        let start = cap.get(1).unwrap_or(int).start();
        out.push(ProseFigure {
            raw: line[start..unit.end()].to_string(),
            value,
            decimals: frac.len().saturating_sub(1) as u32,
            scale,
            percent,
            start,
            end: unit.end(),
        });
    }
    out
}

/// Lines of the document that are prose: not rows of its tables.
pub fn prose_lines(doc: &Document) -> Vec<&crate::document::SourceLine> {
    let table_lines: HashSet<(u32, u32)> = doc
        .tables
        .iter()
        .flat_map(|t| {
            t.rows
                .iter()
                .map(|r| (r.provenance.page, r.provenance.line))
                .chain(std::iter::once((t.provenance.page, t.provenance.line)))
        })
        .collect();
    doc.lines
        .iter()
        .filter(|l| !table_lines.contains(&(l.provenance.page, l.provenance.line)))
        .filter(|l| !l.text.contains('\t') && !l.text.trim_start().starts_with('|'))
        .collect()
}

/// Kronor per unit of a table cell: the cell's own unit, else the table's; `None` when
/// neither says (the caller then tries the usual tkr and kr).
pub fn cell_scale(cell_unit: Unit, table_unit: Unit) -> Option<Decimal> {
    cell_unit
        .kronor_scale()
        .or_else(|| table_unit.kronor_scale())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_prose_figures_with_units_and_precision() {
        let f = figures(
            "ett underskott på 2 841 tkr vid delåret, 3,8 mnkr och 4,4% (motsvarande 5 miljoner)",
        );
        let raws: Vec<&str> = f.iter().map(|x| x.raw.as_str()).collect();
        assert_eq!(raws, ["2 841 tkr", "3,8 mnkr", "4,4%", "5 miljoner"]);
        assert_eq!(f[1].decimals, 1);
        assert!(f[2].percent);
        let k = f[1].kronor().map(|i| (i.lo, i.hi));
        assert_eq!(
            k,
            Some((Decimal::from(3_750_000), Decimal::from(3_900_000)))
        );
    }

    #[test]
    fn years_and_dates_are_not_money() {
        assert!(figures("budget 2022 och 2021-08-31, § 62").is_empty());
        assert_eq!(figures("ökning med 5130 tkr")[0].value, Decimal::from(5130));
        assert_eq!(
            figures("avvikelsen är - 481 855,72 kr")[0].value,
            Decimal::new(-48185572, 2)
        );
    }
}
