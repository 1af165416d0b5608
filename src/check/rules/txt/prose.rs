//! Money figures and percentages written in running text ("underskott på 2 841 tkr",
//! "3,8 mnkr", "4,4%", "motsvarande 5 miljoner"), with the precision the writer used.

use crate::arith::{half_unit, Comparison, Interval};
use crate::check::finding::Severity;
use crate::check::registry::Rule;
use crate::check::Sink;
use crate::document::Document;
use crate::document::SourceLine;
use crate::grammar::number::Unit;
use crate::grammar::re::Re;
use crate::LineSpan;
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

/// An amount of money written in running text with its unit ("9 381,50 kronor",
/// "3,5 miljarder kronor", "15,5 mill. kroner", "2 841 tkr"), as the list and comparison
/// rules (TXT002, TXT003) read it: a wider set of units than [`figures`], which TXT001
/// keeps as it was measured.
#[derive(Clone, Debug)]
pub struct Amount {
    pub value: Decimal,
    pub decimals: u32,
    /// Kronor (kroner) per unit written.
    pub scale: Decimal,
    /// The unit as written, lowercased, spaces and points dropped ("miljarderkronor").
    pub unit: String,
    /// Byte offsets of the amount (sign to unit) in its line.
    pub start: usize,
    pub end: usize,
}

impl Amount {
    /// The amount as written, rounding-aware, in its own unit.
    pub fn written(&self) -> Interval {
        Interval::written(self.value, self.decimals)
    }

    /// The amount in kronor, rounding-aware.
    pub fn kronor(&self) -> Interval {
        self.written().scale(self.scale)
    }
}

/// A figure (space- or point-grouped thousands, decimal comma) and a money unit; a
/// magnitude word may take "kronor"/"kroner"/"kr" after it.
const AMOUNT: &str = r"(?i)(?:^|[^\d,.])([-−–]\s?)?(\d{1,3}(?:[ \u{a0}\u{202f}]\d{3})+|\d{1,3}(?:\.\d{3})+|\d+)(,\d+)?\s?(miljarder|miljard|mdkr|mdr\.?|mrd\.?|miljoner|miljon|millioner|million|mill\.?|mio\.?|mnkr|mkr|msek|tkr|kronor|kroner|kr\.?|sek|nok|dkk)((?:\s(?:kronor|kroner|kr\.?|sek|nok|dkk))?)";

/// [`AMOUNT`], compiled once (and ahead, in the background warm-up: a protocol's
/// prose reaches it through TXT002–TXT004).
pub(crate) fn amount_re() -> &'static Re {
    static RE: Re = Re::new(AMOUNT);
    &RE
}

/// Every money amount of a line: a unit word must end where its word ends ("kr" not
/// "kronologi"), a figure must not be glued to a letter before it.
pub fn amounts(line: &str) -> Vec<Amount> {
    let mut out = Vec::new();
    for cap in amount_re().captures_iter(line) {
        let (Some(int), Some(unit)) = (cap.get(2), cap.get(4)) else {
            continue;
        };
        let end = cap.get(5).filter(|m| !m.is_empty()).unwrap_or(unit).end();
        if line[end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric())
            && !line[..end].ends_with('.')
        {
            continue;
        }
        let start = cap.get(1).unwrap_or(int).start();
        if line[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphabetic())
        {
            continue;
        }
        let frac = cap.get(3).map_or("", |m| m.as_str());
        let digits: String = int.as_str().chars().filter(char::is_ascii_digit).collect();
        let Ok(mut value) = format!("{digits}{}", frac.replace(',', ".")).parse::<Decimal>() else {
            continue;
        };
        if cap.get(1).is_some() {
            value = -value;
        }
        let word = unit.as_str().to_lowercase();
        let word = word.trim_end_matches('.');
        let scale = match word {
            "miljarder" | "miljard" | "mdkr" | "mdr" | "mrd" => Decimal::from(1_000_000_000),
            "miljoner" | "miljon" | "millioner" | "million" | "mill" | "mio" | "mnkr" | "mkr"
            | "msek" => Decimal::from(1_000_000),
            "tkr" => Decimal::from(1_000),
            _ => Decimal::ONE,
        };
        let unit_text: String = line[unit.start()..end]
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        out.push(Amount {
            value,
            decimals: frac.len().saturating_sub(1) as u32,
            scale,
            unit: unit_text,
            start,
            end,
        });
    }
    out
}

/// The document's lines that hold text (blank lines left out), in order.
pub(crate) fn text_lines(doc: &Document) -> Vec<&SourceLine> {
    doc.lines
        .iter()
        .filter(|l| !l.text.trim().is_empty())
        .collect()
}

/// The first `chars` characters of `text`, lower case: enough to test what a figure is
/// followed by without lower-casing the rest of a sentence once per figure (a page run
/// together into one sentence of thousands of figures made that quadratic).
pub(crate) fn lower_prefix(text: &str, chars: usize) -> String {
    let end = text
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i);
    text[..end].to_lowercase()
}

/// The last `chars` characters of `text`, lower case: [`lower_prefix`] for what stands
/// before a figure.
pub(crate) fn lower_suffix(text: &str, chars: usize) -> String {
    let start = text
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    text[start..].to_lowercase()
}

/// The comparison with its expected figure to two places, as prose findings print what
/// a computed figure should be (a change in percent, a quotient).
pub(crate) fn to_two_places(c: Comparison) -> Comparison {
    Comparison {
        expected: c.expected.round_dp(2).normalize(),
        ..c
    }
}

/// Reports the comparison `c` that a line of prose states, underlining `start..end` of the
/// line (the words stating the figure, which the finding names as its figure): with the
/// rule's severity when `decided`, as information ("not decided: …") otherwise.
pub(crate) fn report_stated(
    sink: &mut Sink,
    rule: &'static Rule,
    decided: bool,
    message: String,
    at: &SourceLine,
    (start, end): (usize, usize),
    c: &Comparison,
) {
    let severity = if decided {
        rule.severity
    } else {
        Severity::Info
    };
    let paragraph = sink.paragraph_at(&at.provenance);
    let span = LineSpan::in_line(&at.text, start, end);
    let f = sink.report(
        rule,
        severity,
        message,
        at.provenance.clone().with_span(span),
    );
    f.paragraph = paragraph;
    f.expected = Some(c.expected);
    f.found = Some(c.found);
    f.tolerance = Some(c.tolerance);
    f.figure = Some(at.text[start..end].trim().to_string());
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
    fn reads_amounts_with_their_units() {
        let a = amounts("Utgifterna är 57,2 miljarder kronor, 3 488 kronor, 15,5 mill. kroner og -2 841 tkr; 2024 kronologi 12 kronorna");
        let got: Vec<(String, String)> = a
            .iter()
            .map(|x| (x.value.to_string(), x.unit.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("57.2".into(), "miljarderkronor".into()),
                ("3488".into(), "kronor".into()),
                ("15.5".into(), "millkroner".into()),
                ("-2841".into(), "tkr".into()),
            ]
        );
        assert_eq!(a[0].scale, Decimal::from(1_000_000_000));
        assert_eq!(a[0].decimals, 1);
        assert_eq!(amounts("avgift 9 381,50 kr.")[0].decimals, 2);
        assert_eq!(amounts("I alt 8.362 kr")[0].value, Decimal::from(8362));
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
