//! PROD001: a product written out with its result ("a x b = c") where a × b is not c.

use super::Miss;
use crate::arith::Interval;
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;
use crate::document::SourceLine;
use crate::grammar::product::{continued_result, products, Product, Term};
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: RuleCode::PROD001,
    name: "written-product-mismatch",
    family: Family::Prod,
    severity: Severity::Error,
    summary: "A product written out with its result, \"a x b = c\", where a × b is not c",
    explanation: "Price examples and tariffs write their arithmetic out: \"150 m3 x 19,70 kr = \
2 955 kr\", \"15,13 öre/kWh * 2756 kWh = 417 kr\", \"1 500 m3 x 25,50 kr: 38 250 kr\", \"Rörlig \
avgift: 2 955 kronor (150 m3 x 19,70 kr)\", or the result on the next line (\"0,1269 x 10 000 kWh\" \
then \"= 1 269 kr\"). justera multiplies the two factors with the precision each was written in \
(19,70 stands for 19,695–19,705, 150 for 149,5–150,5) and compares with the result (2 955 for \
2 954,5–2 955,5); it reports the statement only when the intervals cannot meet. Units are read \
two ways: as written (0,4413 x 10 000 = 4 413) and converted to kronor, kWh, kW, m³ (öre as \
1/100 kr, MWh as 1 000 kWh, % as 1/100: 15,13 öre/kWh × 2 756 kWh = 416,98 kr); a result that \
either reading gives holds. \"0,4413 öre x 10 000 kWh = 4 450 kr\" is reported: 4 413 as written, \
44,13 kr converted, neither 4 450. Only two factors joined by x, X, × or * and a result after \
\"=\" are read (after \":\" or before a parenthesis only when the result and a factor are \
money): \"2 x 3 rum\", dates, ranges, \"Dnr 2024/12\", a product inside a longer expression \
(\"4 730 + 200 x 37,79 = …\", \"2 x 3 x 4 = 24\") or followed by more arithmetic are not.",
    checks: &[Check::Document(check)],
};

pub fn check(sink: &mut Sink) {
    let lines = &sink.document.lines;
    for (k, line) in lines.iter().enumerate() {
        for p in products(&line.text) {
            let (result, at) = match &p.result {
                Some(r) => (r.clone(), line),
                None => match next_line_result(line, lines.get(k + 1)) {
                    Some(found) => found,
                    None => continue,
                },
            };
            let verdict = evaluate(&p, &result);
            sink.checked(verdict.is_none());
            let Some(miss) = verdict else {
                continue;
            };
            report(sink, line, at, &p, &result, miss);
        }
    }
}

/// "= 1 269 kr" opening the next non-blank line of the same page, close below.
pub(super) fn next_line_result<'l>(
    line: &SourceLine,
    next: Option<&'l SourceLine>,
) -> Option<(Term, &'l SourceLine)> {
    let next = next?;
    let (a, b) = (&line.provenance, &next.provenance);
    if a.file != b.file || a.page != b.page || b.line <= a.line || b.line - a.line > 3 {
        return None;
    }
    Some((continued_result(&next.text)?, next))
}

/// None when the product holds under some reading (each reading of a space-grouped
/// figure after other digits; the units as written or converted).
fn evaluate(p: &Product, c: &Term) -> Option<Miss> {
    let (sa, sb, sc) = (p.a.scale(), p.b.scale(), c.scale());
    let ib = Interval::written(p.b.value, p.b.decimals);
    for &va in &p.a.readings {
        for &vc in &c.readings {
            let ia = Interval::written(va, p.a.decimals);
            let ic = Interval::written(vc, c.decimals);
            if ia.times(ib).meets(&ic) || ia.scale(sa).times(ib.scale(sb)).meets(&ic.scale(sc)) {
                return None;
            }
        }
    }
    let ia = Interval::written(p.a.value, p.a.decimals);
    let ic = Interval::written(c.value, c.decimals);
    let plain = ia.times(ib);
    let conv = ia.scale(sa).times(ib.scale(sb)).scale(Decimal::ONE / sc);
    let converted = (sa * sb != sc).then_some(conv.nominal);
    let use_conv =
        converted.is_some() && (conv.nominal - c.value).abs() < (plain.nominal - c.value).abs();
    let chosen = if use_conv { conv } else { plain };
    Some(Miss {
        expected: chosen.nominal.round_dp(4).normalize(),
        tolerance: (chosen.slack() + ic.slack()).round_dp(4).normalize(),
        plain: plain.nominal.round_dp(4).normalize(),
        converted: converted.map(|v| v.round_dp(4).normalize()),
    })
}

fn report(sink: &mut Sink, line: &SourceLine, at: &SourceLine, p: &Product, c: &Term, miss: Miss) {
    let raw = |t: &Term, l: &SourceLine| l.text[t.span.clone()].trim().to_string();
    // The product as the page writes it (its operator and spacing).
    let product = line.text[p.a.span.start..p.b.span.end].trim();
    let written = raw(c, at);
    let bare = |t: &Term| t.value.normalize().to_string();
    let mut message = format!(
        "{product} is not {written}: {} × {} is {}",
        bare(&p.a),
        bare(&p.b),
        miss.plain
    );
    if let Some(conv) = miss.converted {
        let unit = c
            .unit
            .as_ref()
            .map_or(String::new(), |u| format!(" {}", u.raw));
        message.push_str(&format!(
            ", and {conv}{unit} with the units converted ({})",
            conversions(p, c)
        ));
    }
    super::report_miss(sink, &RULE, RULE.severity, message, (at, c), &miss, written);
}

/// "öre = 0.01, MWh = 1000": the units that change the product when converted.
fn conversions(p: &Product, c: &Term) -> String {
    [&p.a, &p.b, c]
        .iter()
        .filter_map(|t| t.unit.as_ref())
        .filter(|u| u.scale != Decimal::ONE)
        .map(|u| format!("{} = {}", u.raw, u.scale.normalize()))
        .collect::<Vec<_>>()
        .join(", ")
}
