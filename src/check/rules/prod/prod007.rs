//! PROD007: a price the page states that the page applies otherwise: one price written in
//! two units on one line ("1,50 €/m³, 0,0015 €/l") where the two are not the same price, or
//! a table column of amounts for quantities at the price ("Rörlig avgift: 0,80876 SEK/kWh"
//! above "Årlig förbrukning kWh | … | Varav rörlig del") that one row breaks while at least
//! two others hold, or a table column derived from another by a rule the page states ("med
//! ett påslag på 18 kronor", "ett tillägg på 75%") that one row breaks while at least two
//! others hold.

use super::Miss;
use crate::arith::{compare, Comparison, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::view::{CellRef, ColumnKind, TableView};
use crate::check::{Relation, Sink};
use crate::document::SourceLine;
use crate::grammar::number::Unit;
use crate::grammar::product::Term;
use crate::grammar::rate::{
    conversions, derivation_rules, naming_words, quantity_unit, stated, Conversion, Derivation,
    DerivationRule, Dimension, Rate, LIST,
};
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: RuleCode::PROD007,
    name: "stated-price-mismatch",
    family: Family::Prod,
    severity: Severity::Error,
    summary: "A price the page states that the page applies otherwise: written again in \
another unit as another price (\"3,51 €/m³, 0,035 €/l\"), or a column of amounts for \
quantities at that price, or a column derived from another by a stated påslag or \
percentage, that one row breaks while the others hold",
    explanation: "Fee pages state a price and apply it. Three shapes are read.\n\nOne price \
in two units. \"vesimaksu 1,50 €/m³, 0,0015 €/l\", \"Energiavgift 45 öre/kWh (450 kr/MWh)\", \
\"3,51 €/m³ = 0,00351 €/l\": justera reads two prices per unit next to each other on one line, \
joined only by \",\", \"=\" or \"(\" (the second closing the statement: the line, a \",\", \
\";\" or a parenthesis after it, not words such as \"inkl. moms\"), in one currency (kronor \
and öre, or euro and cent: never kronor against euro) per one measure (m³ and liter, or kWh, \
MWh and GWh), in different units, and converts the first into the second's unit with the \
precision each was written in (1,50 stands for 1,495–1,505): 3,51 €/m³ is 0,00351 €/l, so \
\"3,51 €/m³, 0,035 €/l\" is reported (a factor of ten). The same unit twice (\"1,50 €/m³, \
3,51 €/m³\") is two prices, not one; prices with words between them, per different measures \
(kWh and m³), or written with a decimal point (\"1.500 kr/m3\" may be thousands) are not \
read.\n\nA column priced at the stated price. \"Rörlig avgift: 0,80876 SEK/kWh\" on a line of \
its own (its one price, words and no figure before it) and, on the same page, a table whose \
label column or one figure column is headed by a unit of quantity (\"Årlig förbrukning \
kWh\") and whose one figure column other than that is headed by a word naming the price \
(\"Varav rörlig del\": a word of four letters or more of the price's line that is not a \
word for a charge, grammars/price_units.vocab `charge_word`): each row's amount must be its \
quantity × the price, the price standing for ± half its last digit times the quantity \
(0,80876 for 0,808755–0,808765: ± 0,075 on 15 000 kWh) and the amount for ± half its own. \
Exactly one such price on the page and one such column, in a table in the price's currency \
(kronor, or euro), are read; otherwise nothing is. The rows are checked only where at least \
two of them hold at the price: the table's own arithmetic then confirms the reading, and a \
failing row is a misprint (15 000 × 0,80876 = 12 131,40, printed 12 135, while 20 000 and \
30 000 kWh give the printed 16 175 and 24 263).\n\nA column derived from another by a rule \
the page states. \"en egenavgift enligt Länstrafikens kollektivtaxa med ett påslag på 18 \
kronor\", \"med ett tillägg på 75%\", \"en reduksjon på 30%\": a `surcharge_word` or \
`discount_word` of grammars/price_units.vocab, at most one linking word (\"på\", \"om\", \
\"af\") and an amount in kronor or euro (not per a unit) or a percentage, with nothing else \
between (\"ca 18 kronor\", \"10-20 kr\" are not read). On the same page, in a table in that \
currency, the pair of figure columns whose rows hold under the rule (the one column the \
other's figure plus the amount, or times 1 + the percentage) on at least two rows and on \
more rows than fail is read as derived by it; rows where either figure is 0 (a fee waived) \
are not weighed, and a column that more than one pair or rule would derive is not read. \
Each row of the pair is then checked, the figures standing for ± half their last digit and \
the rule's amount exact: in a table of egenavgift beside Länstrafikens taxa where nine rows \
differ by 18, \"213\" beside \"122\" is reported (122 + 18 = 140). A rule no two rows \
confirm, or one most rows break, leaves the table unread, and so does a page that says \
it rounds its prices other than to whole units (\"avrundat till närmaste tiotal\": \
`rounding_word` without a `whole_unit_word`). The units are those of \
grammars/price_units.vocab.",
    checks: &[Check::Document(check)],
};

pub fn check(sink: &mut Sink) {
    let lines = &sink.document.lines;
    let vocab = sink.vocab;
    for line in lines.iter() {
        for c in conversions(&line.text, vocab) {
            let verdict = evaluate(&c);
            sink.checked(verdict.is_none());
            if let Some(miss) = verdict {
                report(sink, line, &c, &miss);
            }
        }
    }
    priced_columns(sink);
    derived_columns(sink);
}

/// The fewest other rows of a priced column that must hold at the stated price for a
/// failing row to be reported: the table's own arithmetic confirms the reading.
const CONFIRMING_ROWS: usize = 2;

/// A price the page states on a line of its own.
struct Stated<'d> {
    line: &'d SourceLine,
    naming: Vec<String>,
    rate: Rate,
}

/// Where a row's quantity stands: the label column, or a column of figures.
#[derive(Clone, Copy, PartialEq, Eq)]
enum QuantityAt {
    Label,
    Column(usize),
}

/// A table column of amounts for quantities at a price the page states ("Årlig förbrukning
/// kWh" | … | "Varav rörlig del" beside "Rörlig avgift: 0,80876 SEK/kWh").
fn priced_columns(sink: &mut Sink) {
    let (doc, vocab) = (sink.document, sink.vocab);
    let stated: Vec<Stated> = doc
        .lines
        .iter()
        .filter_map(|line| {
            let (_, rate) = stated(&line.text, vocab)?;
            let before = &line.text[..rate.span.start];
            let naming = naming_words(before, vocab);
            (!naming.is_empty()).then_some(Stated { line, naming, rate })
        })
        .collect();
    if stated.is_empty() {
        return;
    }
    for (t, table) in doc.tables.iter().enumerate() {
        let view = TableView::new(table, vocab);
        let page = table.provenance.page;
        let on_page = |s: &&Stated| s.line.provenance.page == page;
        // The quantity: the label column's header or one column's names a unit.
        let mut quantities: Vec<(QuantityAt, Dimension, Decimal)> = Vec::new();
        if let Some((d, k)) = table
            .label_header
            .as_deref()
            .and_then(|h| quantity_unit(h, vocab))
        {
            quantities.push((QuantityAt::Label, d, k));
        }
        for c in 0..view.cols() {
            if let Some((d, k)) = quantity_unit(&view.header(c), vocab) {
                if view.numeric(c) {
                    quantities.push((QuantityAt::Column(c), d, k));
                }
            }
        }
        let [(qat, qdim, qscale)] = quantities.as_slice() else {
            continue;
        };
        // The one price stated on the page per that measure, and the one column whose
        // header names it.
        let mut found: Vec<(usize, &Stated)> = Vec::new();
        for s in stated
            .iter()
            .filter(on_page)
            .filter(|s| s.rate.per == *qdim)
        {
            let fits_unit = match s.rate.money {
                Dimension::Kronor => matches!(table.unit, Unit::None | Unit::Kr),
                Dimension::Euro => matches!(table.unit, Unit::None | Unit::Eur),
                _ => false,
            };
            if !fits_unit {
                continue;
            }
            for c in 0..view.cols() {
                if QuantityAt::Column(c) == *qat
                    || !view.numeric(c)
                    || matches!(view.kinds[c], ColumnKind::Percent | ColumnKind::Text)
                {
                    continue;
                }
                let header = naming_words(&view.header(c), vocab);
                if header.iter().any(|w| s.naming.contains(w)) {
                    found.push((c, s));
                }
            }
        }
        let [(col, s)] = found.as_slice() else {
            continue;
        };
        let rate = Interval::written(s.rate.value, s.rate.decimals).scale(s.rate.scale);
        let mut rows: Vec<(usize, String, Comparison)> = Vec::new();
        for r in (0..view.rows()).filter(|&r| !view.totals[r] && !view.headings[r]) {
            let q = match qat {
                QuantityAt::Label => label_quantity(&view.label(r)),
                QuantityAt::Column(c) => view.figure(r, *c),
            };
            let (Some(q), Some(amount)) = (q, view.figure(r, *col)) else {
                continue;
            };
            let expected = q.scale(*qscale).times(rate);
            let written = match qat {
                QuantityAt::Label => view.label(r),
                QuantityAt::Column(c) => view.raw(r, *c).unwrap_or_default().trim().to_string(),
            };
            rows.push((r, written, compare(expected, amount)));
        }
        let holding = rows.iter().filter(|(_, _, c)| c.holds).count();
        if holding < CONFIRMING_ROWS {
            continue;
        }
        let inputs = match qat {
            QuantityAt::Column(c) => vec![*c],
            QuantityAt::Label => Vec::new(),
        };
        for (r, q, comparison) in rows {
            let message = format!(
                "column \"{}\" has {} for {}, but {} × {}, the price the page states (\"{}\", \
                 line {}), is {}, ± {} with the figures as rounded; {holding} other rows of the \
                 column hold at that price",
                view.header(*col),
                view.raw(r, *col).map(str::trim).unwrap_or_default(),
                q,
                q,
                s.line.text[s.rate.span.clone()].trim(),
                s.line.text[..s.rate.span.start]
                    .trim()
                    .trim_start_matches(['•', '-', '*', '·'])
                    .trim()
                    .trim_end_matches(':'),
                s.line.provenance.line,
                comparison.expected,
                comparison.tolerance,
            );
            let rel = Relation::new(
                &RULE,
                CellRef { row: r, col: *col },
                inputs.iter().map(|&c| CellRef { row: r, col: c }).collect(),
                comparison,
                message,
            );
            sink.table_relation(t, &view, &rel);
        }
    }
}

/// A rule the page states for deriving one price from another, on a line of the page.
struct StatedRule<'d> {
    line: &'d SourceLine,
    rule: DerivationRule,
}

impl StatedRule<'_> {
    /// What the rule gives for `base`, with the rounding of both figures.
    fn apply(&self, base: Interval) -> Interval {
        let r = &self.rule;
        match r.kind {
            // The rule's amount is the rule, not a rounded figure.
            Derivation::Plus { .. } => base.plus(Interval::exact(r.value)),
            Derivation::Percent => {
                base.scale((Decimal::ONE_HUNDRED + r.value) / Decimal::ONE_HUNDRED)
            }
        }
    }

    fn fits(&self, unit: Unit) -> bool {
        match self.rule.kind {
            Derivation::Plus {
                money: Dimension::Kronor,
            } => matches!(unit, Unit::None | Unit::Kr),
            Derivation::Plus {
                money: Dimension::Euro,
            } => matches!(unit, Unit::None | Unit::Eur),
            Derivation::Plus { .. } => false,
            Derivation::Percent => matches!(unit, Unit::None | Unit::Kr | Unit::Eur),
        }
    }

    fn words(&self) -> &str {
        self.line.text[self.rule.span.clone()].trim()
    }
}

/// A column derived from another by a stated rule: (derived column, base column, the rule,
/// each row's comparison).
type DerivedPair<'s, 'd> = (usize, usize, &'s StatedRule<'d>, Vec<(usize, Comparison)>);

/// A table column derived from another by a rule the page states ("en egenavgift enligt
/// Länstrafikens kollektivtaxa med ett påslag på 18 kronor" above a table of Egenavgift and
/// Länstrafikens taxa): the pair of columns is the one whose rows hold under the rule, at
/// least [`CONFIRMING_ROWS`] of them and more than fail; each row is then checked.
fn derived_columns(sink: &mut Sink) {
    let (doc, vocab) = (sink.document, sink.vocab);
    let rules: Vec<StatedRule> = doc
        .lines
        .iter()
        .flat_map(|line| {
            derivation_rules(&line.text, vocab)
                .into_iter()
                .map(move |rule| StatedRule { line, rule })
        })
        .collect();
    if rules.is_empty() {
        return;
    }
    for (t, table) in doc.tables.iter().enumerate() {
        let page = table.provenance.page;
        let on_page: Vec<&StatedRule> = rules
            .iter()
            .filter(|s| s.line.provenance.page == page && s.fits(table.unit))
            .collect();
        if on_page.is_empty() || rounds_otherwise(doc, page, vocab) {
            continue;
        }
        let view = TableView::new(table, vocab);
        let body: Vec<usize> = (0..view.rows())
            .filter(|&r| !view.totals[r] && !view.headings[r])
            .collect();
        let amounts: Vec<usize> = (0..view.cols())
            .filter(|&c| {
                view.numeric(c) && !matches!(view.kinds[c], ColumnKind::Percent | ColumnKind::Text)
            })
            .collect();
        // (derived, base, rule, rows): every pair of columns that the rule makes hold.
        let mut pairs: Vec<DerivedPair> = Vec::new();
        for s in &on_page {
            for &a in &amounts {
                for &b in &amounts {
                    if a == b {
                        continue;
                    }
                    let rows: Vec<(usize, Comparison)> = body
                        .iter()
                        .filter_map(|&r| {
                            let (derived, base) = (view.figure(r, a)?, view.figure(r, b)?);
                            // A zero is a fee waived, not the rule applied.
                            if derived.nominal.is_zero() || base.nominal.is_zero() {
                                return None;
                            }
                            Some((r, compare(s.apply(base), derived)))
                        })
                        .collect();
                    let holding = rows.iter().filter(|(_, c)| c.holds).count();
                    if holding >= CONFIRMING_ROWS && holding * 2 > rows.len() {
                        pairs.push((a, b, s, rows));
                    }
                }
            }
        }
        for (a, b, s, rows) in &pairs {
            // A column derived from two columns, or by two rules, is not one reading.
            if pairs.iter().filter(|p| p.0 == *a).count() > 1 {
                continue;
            }
            let holding = rows.iter().filter(|(_, c)| c.holds).count();
            let name = |c: usize| {
                let h = view.header(c);
                if h.trim().is_empty() {
                    format!("column {}", c + 1)
                } else {
                    format!("column \"{}\"", h.trim())
                }
            };
            for (r, comparison) in rows {
                let others = holding - usize::from(comparison.holds);
                let message = format!(
                    "{} has {} on row \"{}\", but the rule the page states (\"{}\", line {}) \
                     applied to {}'s {} gives {}, ± {} with the figures as rounded; {others} \
                     other rows of the two columns hold under that rule",
                    name(*a),
                    view.raw(*r, *a).map(str::trim).unwrap_or_default(),
                    view.label(*r),
                    s.words(),
                    s.line.provenance.line,
                    name(*b),
                    view.raw(*r, *b).map(str::trim).unwrap_or_default(),
                    comparison.expected,
                    comparison.tolerance,
                );
                let rel = Relation::new(
                    &RULE,
                    CellRef { row: *r, col: *a },
                    vec![CellRef { row: *r, col: *b }],
                    *comparison,
                    message,
                );
                sink.table_relation(t, &view, &rel);
            }
        }
    }
}

/// Whether a line of the page says its prices are rounded other than to whole units
/// ("avrundat till närmaste femtal"; "avrundet til nærmeste hele krone" is not): a stated
/// rule may then be broken by the rounding on any row.
fn rounds_otherwise(
    doc: &crate::document::Document,
    page: u32,
    vocab: &crate::grammar::vocab::Vocabulary,
) -> bool {
    let stems = vocab.words(LIST, "rounding_word");
    doc.lines
        .iter()
        .filter(|l| l.provenance.page == page)
        .any(|l| {
            let words = crate::grammar::rate::words(&l.text);
            words
                .iter()
                .any(|w| stems.iter().any(|s| w.starts_with(s.as_str())))
                && !words
                    .iter()
                    .any(|w| vocab.has_word(LIST, "whole_unit_word", w))
        })
}

/// A row label that is a quantity and nothing else ("15 000", "20 000 kWh" is not read:
/// the header names the unit).
fn label_quantity(label: &str) -> Option<Interval> {
    let t = label.trim();
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == ' ' || c == '\u{a0}')
    {
        return None;
    }
    let (int, frac) = t.split_once(',').unwrap_or((t, ""));
    let groups: Vec<&str> = int.split([' ', '\u{a0}']).collect();
    let grouped = groups.len() == 1
        || (groups[0].len() <= 3
            && !groups[0].is_empty()
            && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped || frac.contains(' ') {
        return None;
    }
    let digits = groups.concat();
    let text = if frac.is_empty() {
        digits
    } else {
        format!("{digits}.{frac}")
    };
    Some(Interval::written(text.parse().ok()?, frac.len() as u32))
}

/// A rate in base units (kr or € per liter or kWh), with its rounding.
fn base(r: &Rate, value: Decimal) -> Interval {
    Interval::written(value, r.decimals).scale(r.scale)
}

/// None when some reading of the first price is the second's.
fn evaluate(c: &Conversion) -> Option<Miss> {
    let second = base(&c.second, c.second.value);
    if c.first
        .readings
        .iter()
        .any(|&v| base(&c.first, v).meets(&second))
    {
        return None;
    }
    // The first price in the second's unit.
    let expected =
        Interval::written(c.first.value, c.first.decimals).scale(c.first.scale / c.second.scale);
    let found = Interval::written(c.second.value, c.second.decimals);
    let e = expected.nominal.round_dp(8).normalize();
    Some(Miss {
        expected: e,
        tolerance: (expected.slack() + found.slack()).round_dp(8).normalize(),
        plain: e,
        converted: None,
    })
}

fn report(sink: &mut Sink, line: &SourceLine, c: &Conversion, miss: &Miss) {
    let first = line.text[c.first.span.clone()].trim().to_string();
    let second = line.text[c.second.span.clone()].trim().to_string();
    let message = format!(
        "{first} and {second} are not one price: {first} converted to {} is {}",
        c.second.unit, miss.expected,
    );
    let term = Term {
        value: c.second.value,
        decimals: c.second.decimals,
        unit: None,
        span: c.second.span.clone(),
        readings: vec![c.second.value],
    };
    super::report_miss(
        sink,
        &RULE,
        RULE.severity,
        message,
        (line, &term),
        miss,
        second,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::grammar::vocab::Vocabulary;

    fn findings(text: &str) -> Vec<(String, Decimal, Decimal)> {
        let doc = Document::of_text_lines(text);
        let mut sink = Sink::new(&doc, Vocabulary::builtin_shared());
        check(&mut sink);
        sink.findings
            .iter()
            .map(|f| {
                (
                    f.message.clone(),
                    f.expected.unwrap_or_default(),
                    f.found.unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn a_factor_of_ten_in_the_liter_price_is_reported() {
        let text = "  • vesimaksu 1,50 €/m³,  0,0015€/l (alv 24 %)\n  \
                    • jätevesimaksu 3,51 €/m³, 0,035€/l (alv 24 %)\n";
        let f = findings(text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].1, Decimal::new(351, 5));
        assert_eq!(f[0].2, Decimal::new(35, 3));
        assert!(f[0].0.contains("to €/l is 0.00351"), "{}", f[0].0);
    }

    #[test]
    fn a_label_that_is_a_quantity() {
        let nominal = |l: &str| label_quantity(l).map(|i| i.nominal);
        assert_eq!(nominal("15 000"), Some(Decimal::new(15000, 0)));
        assert_eq!(nominal("2 500,5"), Some(Decimal::new(25005, 1)));
        assert_eq!(nominal("Villa 15 000"), None);
        assert_eq!(nominal("15 000 kWh"), None);
        assert_eq!(nominal("1 50 000"), None);
        assert_eq!(nominal(""), None);
    }

    #[test]
    fn prices_that_convert_stay_silent() {
        for line in [
            "vesimaksu 1,50 €/m³, 0,0015 €/l",
            // Rounded to the digits written: 3,51 €/m³ is 0,00351 €/l, written 0,0035.
            "jätevesimaksu 3,51 €/m³, 0,0035 €/l",
            "Energiavgift 45 öre/kWh (450 kr/MWh)",
            "Energiavgift 45,3 öre/kWh (453 kr/MWh)",
            "Energiavgift 0,453 kr/kWh = 45,3 öre/kWh",
            // A digit group before the price may be another cell.
            "2022 1 500 kr/MWh, 0,5 kr/kWh",
            // Two prices, not one.
            "1,50 €/m³, 3,51 €/m³",
            "1,50 €/m³ och 0,035 €/l",
        ] {
            assert!(findings(line).is_empty(), "{line}: {:?}", findings(line));
        }
    }
}
