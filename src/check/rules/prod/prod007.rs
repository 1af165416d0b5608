//! PROD007: one price written in two units on one line ("1,50 €/m³, 0,0015 €/l") where
//! the two are not the same price.

use super::Miss;
use crate::arith::Interval;
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;
use crate::document::SourceLine;
use crate::grammar::product::Term;
use crate::grammar::rate::{conversions, Conversion, Rate};
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: RuleCode::PROD007,
    name: "unit-conversion-mismatch",
    family: Family::Prod,
    severity: Severity::Error,
    summary: "One price written in two units on one line (\"1,50 €/m³, 0,0015 €/l\") where the \
two are not the same price",
    explanation: "Fee pages write a price in two units side by side: \"vesimaksu 1,50 €/m³, \
0,0015 €/l\", \"Energiavgift 45 öre/kWh (450 kr/MWh)\", \"3,51 €/m³ = 0,00351 €/l\". justera \
reads two prices per unit next to each other on one line, joined only by \",\", \"=\" or \"(\", \
in one currency (kronor and öre, or euro and cent: never kronor against euro) per one measure \
(m³ and liter, or kWh, MWh and GWh), in different units, and converts the first into the \
second's unit with the precision each was written in (1,50 stands for 1,495–1,505): 3,51 €/m³ \
is 0,00351 €/l, so \"3,51 €/m³, 0,035 €/l\" is reported (a factor of ten). The units are those \
of grammars/price_units.vocab. The same unit twice (\"1,50 €/m³, 3,51 €/m³\") is two prices, \
not one; prices with words between them, two prices per different measures (kWh and m³) or a \
figure with a decimal point (\"1.500 kr/m3\" may be thousands) are not read.",
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
