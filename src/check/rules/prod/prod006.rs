//! PROD006: a product written in a row's label or in a column of factors, with the row's
//! figure after it rather than after "=" ("Tomtyteavgift (800 m² x 44,50 kr) 40 800 kr",
//! "Bygglov 52,5 x 8 x 24 x 0,8 8 801,28"), where the figure is not the product.

use super::Miss;
use crate::arith::Interval;
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;
use crate::document::SourceLine;
use crate::grammar::expression::{label_products, lone_figure, LabelProduct};
use crate::grammar::product::{products, Measure, Term};
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: RuleCode::PROD006,
    name: "label-product-mismatch",
    family: Family::Prod,
    severity: Severity::Error,
    summary: "A product written in a row's label or a column of factors, \"Tomtyteavgift (800 m² x \
44,50 kr) 40 800 kr\", whose figure is not the product",
    explanation: "Fee pages work their examples in the row rather than after \"=\": \
\"Tomtyteavgift (800 m² x 44,50 kr)\" with \"40 800 kr\" after it or alone on the next line, \
\"Lägenhetsavgift (2 st x 15 000) 30 000\", \"Tomtyta 12 850 kr (12,85 x 1 000 m²)\", a bygglov row \
whose column of factors reads \"52,5 x 8 x 24 x 0,8\" before its avgift \"8 801,28\". justera reads a chain of factors joined by x, X, × or \
* (figures and units as PROD001 reads them, m² and kvm as area) after a label, in parentheses or \
not, followed by exactly one figure ending the line (a tab or \"|\" may stand between) or, in \
parentheses ending the line, after the figure they explain, and \
multiplies with the precision each factor was written in (44,50 stands for 44,495–44,505) \
against the figure's (40 800 for 40 799,5–40 800,5); the row is reported only when the \
intervals cannot meet. Where the digits after the last factor can be split more than one way \
(\"x 12 500 3 000\"), or the figure before the parenthesis may lose its leading digit groups \
to the label (\"12 850\" or \"850\"), every reading is tried and a failure is not decided; where no factor is money \
and only two factors are written (\"3 x 16\", \"1,2 x 2,4\" may be sizes), a failure is not \
decided either (info). When the page states the value of a factor (\"mPBB 2024 = 57,3\", \"PF är \
1200\", \"PBB = 57 300\" read also as mPBB 57,3) and putting that value in place of exactly one \
written factor makes a failing product hold, the written factor is named as the misprint. A \
product that holds only within its factors' rounding (\"52,5 x 8 x 24 x 0,8\" allows up to 9 302 \
when 8 and 24 may stand for 8,5 and 24,5) is reported too when exactly one factor, replaced by \
the value the page states, gives the figure to its last digit (57,3 × 8 × 24 × 0,8 = 8 801,28) \
and the written factors do not: the factors are then exact, and that one is the misprint. Not read: \
a product with \"=\" (PROD001, PROD003), a figure followed by more arithmetic (\"1 800 + 450\"), \
several figures after the product (exkl. and inkl. moms), ranges, dates, dnr, a count without \
a multiplication sign, a figure in a unit other than money, and a product of two quantities \
(\"10 m³ x 3 kWh\") without a money factor.",
    checks: &[Check::Document(check)],
};

/// One reading of a row: the factors (the last replaced by the split's) and the figure.
struct Reading {
    factors: Vec<Term>,
    figure: Term,
}

/// The product of `factors` (each written to its last digit; the first read as `first`),
/// as written or with the units converted to base units.
fn product(factors: &[Term], first: Decimal, convert: bool) -> Interval {
    let mut acc = Interval::written(Decimal::ONE, 0);
    for (k, f) in factors.iter().enumerate() {
        let v = if k == 0 { first } else { f.value };
        let mut i = Interval::written(v, f.decimals);
        if convert {
            i = i.scale(f.scale());
        }
        acc = if k == 0 { i } else { acc.times(i) };
    }
    acc
}

fn holds(r: &Reading) -> bool {
    let sc = r.figure.scale();
    let ic = Interval::written(r.figure.value, r.figure.decimals);
    r.factors[0].readings.iter().any(|&first| {
        product(&r.factors, first, false).meets(&ic)
            || product(&r.factors, first, true).meets(&ic.scale(sc))
    })
}

/// Whether the units of the factors can give the figure: a figure in a unit other than
/// money is not read, nor a money figure from factors of which none is money while two
/// measure quantities (m², m³, kWh …) rather than counts or shares.
fn units_fit(factors: &[Term], figure: &Term) -> bool {
    if figure.unit.as_ref().is_some_and(|u| !u.is_money()) {
        return false;
    }
    // Without a money factor, one quantity (800 m², 150 m³) times bare rates may give an
    // amount; two quantities of other measures (2 x 10 m³ x 3 kWh) give none.
    let money = factors.iter().any(Term::is_money);
    money
        || factors
            .iter()
            .filter(|f| {
                f.unit
                    .as_ref()
                    .is_some_and(|u| !matches!(u.measure, Measure::Count | Measure::Ratio))
            })
            .count()
            <= 1
}

/// A value the page states for a named factor: "mPBB 2024 = 57,3", "OF = 8", "PF är 1200".
struct Stated {
    name: String,
    value: Decimal,
    decimals: u32,
    line: u32,
}

fn name_like(w: &str) -> bool {
    let n = w.chars().count();
    (1..=8).contains(&n)
        && w.starts_with(|c: char| c.is_alphabetic())
        && w.chars().all(char::is_alphanumeric)
        && w.chars().any(char::is_uppercase)
}

fn stated_values(lines: &[SourceLine]) -> Vec<Stated> {
    let mut out = Vec::new();
    for l in lines
        .iter()
        .filter(|l| l.text.contains('=') || l.text.contains(" är "))
    {
        let spaced = l.text.replace('=', " = ").replace(['(', ')'], " ");
        let words: Vec<&str> = spaced.split_whitespace().collect();
        for i in 0..words.len() {
            if !name_like(words[i]) {
                continue;
            }
            let mut j = i + 1;
            if words.get(j).is_some_and(|w| {
                w.len() == 4
                    && (w.starts_with("19") || w.starts_with("20"))
                    && w.parse::<u32>().is_ok()
            }) {
                j += 1;
            }
            if !matches!(words.get(j), Some(&"=") | Some(&"är")) {
                continue;
            }
            // The figure: its groups up to a word that is not digits.
            let mut fig = String::new();
            for w in &words[j + 1..] {
                let w = w.trim_end_matches([',', '.', ';']);
                if !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == ',') {
                    if !fig.is_empty() {
                        fig.push(' ');
                    }
                    fig.push_str(w);
                    if w.contains(',') {
                        break;
                    }
                } else {
                    break;
                }
            }
            let Some(t) = lone_figure(&fig) else {
                continue;
            };
            let name = words[i].to_string();
            if name == "PBB" && t.decimals == 0 && t.value >= Decimal::from(10_000) {
                out.push(Stated {
                    name: "mPBB".into(),
                    value: t.value / Decimal::from(1000),
                    decimals: 3,
                    line: l.provenance.line,
                });
            }
            out.push(Stated {
                name,
                value: t.value,
                decimals: t.decimals,
                line: l.provenance.line,
            });
        }
    }
    out
}

/// The one written factor that, replaced by a value the page states, makes the product
/// hold: (its index, the statement).
fn misprint<'s>(r: &Reading, stated: &'s [Stated]) -> Option<(usize, &'s Stated)> {
    let ic = Interval::written(r.figure.value, r.figure.decimals);
    let mut found: Vec<(usize, &Stated)> = Vec::new();
    for (k, f) in r.factors.iter().enumerate() {
        for s in stated.iter().filter(|s| s.value != f.value) {
            let mut fs = r.factors.clone();
            fs[k].value = s.value;
            fs[k].decimals = s.decimals;
            fs[k].readings = vec![s.value];
            let first = fs[0].value;
            if product(&fs, first, false).meets(&ic) {
                found.push((k, s));
            }
        }
    }
    let k0 = found.first()?.0;
    let v0 = found.first()?.1.value;
    found
        .iter()
        .all(|(k, s)| *k == k0 && s.value == v0)
        .then(|| found[0])
}

/// The nominal product of `factors` (every figure as written).
fn nominal(factors: &[Term]) -> Decimal {
    factors.iter().fold(Decimal::ONE, |acc, f| {
        acc.checked_mul(f.value).unwrap_or(Decimal::MAX)
    })
}

/// The one written factor whose stated value makes the nominal product the figure to its
/// last written digit, where the written factors' nominal product is not.
fn exact_misprint<'s>(r: &Reading, stated: &'s [Stated]) -> Option<(usize, &'s Stated)> {
    let half = Interval::written(r.figure.value, r.figure.decimals).slack();
    let off = |p: Decimal| (p - r.figure.value).abs() > half;
    if r.factors.iter().any(|f| f.unit.is_some()) || !off(nominal(&r.factors)) {
        return None;
    }
    let mut found: Vec<(usize, &Stated)> = Vec::new();
    for k in 0..r.factors.len() {
        for s in stated.iter().filter(|s| s.value != r.factors[k].value) {
            let mut fs = r.factors.clone();
            fs[k].value = s.value;
            if !off(nominal(&fs)) {
                found.push((k, s));
            }
        }
    }
    let (k0, v0) = (found.first()?.0, found.first()?.1.value);
    found
        .iter()
        .all(|(k, s)| *k == k0 && s.value == v0)
        .then(|| found[0])
}

pub fn check(sink: &mut Sink) {
    let lines = &sink.document.lines;
    let mut rows: Vec<(usize, usize, LabelProduct, Vec<Reading>)> = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let lps = label_products(&line.text);
        if lps.is_empty() {
            continue;
        }
        // What PROD001 reads with its result is its own.
        let theirs: Vec<std::ops::Range<usize>> = products(&line.text)
            .into_iter()
            .filter(|p| p.result.is_some())
            .map(|p| p.span)
            .collect();
        for lp in lps {
            if theirs
                .iter()
                .any(|s| s.start < lp.span.end && lp.span.start < s.end)
            {
                continue;
            }
            let (at, pairs) = if lp.readings.is_empty() {
                match next_line_figure(line, lines.get(k + 1)) {
                    Some(f) => (k + 1, vec![(lp.factors.last().cloned().unwrap(), f)]),
                    None => continue,
                }
            } else {
                (k, lp.readings.clone())
            };
            let readings: Vec<Reading> = pairs
                .into_iter()
                .map(|(last, figure)| {
                    let mut factors = lp.factors.clone();
                    let n = factors.len();
                    let first_readings = factors[0].readings.clone();
                    factors[n - 1] = last;
                    factors[0].readings = first_readings;
                    Reading { factors, figure }
                })
                .filter(|r| units_fit(&r.factors, &r.figure))
                .collect();
            if readings.is_empty() {
                continue;
            }
            rows.push((k, at, lp, readings));
        }
    }
    let mut stated: Option<Vec<Stated>> = None;
    for (k, at, lp, readings) in rows {
        if readings.iter().any(holds) {
            // Within the factors' rounding the product holds; but when one factor, replaced
            // by the value the page states for it, gives the figure to its last digit and
            // the written factors do not, the factors are exact and that one is misprinted.
            let exact = (readings.len() == 1 && readings[0].factors[0].readings.len() == 1)
                .then(|| {
                    let stated = stated.get_or_insert_with(|| stated_values(&sink.document.lines));
                    exact_misprint(&readings[0], stated)
                        .map(|(i, s)| (i, s.name.clone(), s.value, s.line))
                })
                .flatten();
            sink.checked(exact.is_none());
            if let Some(named) = exact {
                let line = sink.document.lines[k].clone();
                let at_line = sink.document.lines[at].clone();
                report(
                    sink,
                    (&line, &at_line),
                    &lp,
                    &readings[0],
                    None,
                    Some((named, true)),
                );
            }
            continue;
        }
        let r = &readings[0];
        let ways = readings.len() * r.factors[0].readings.len();
        let money = r.factors.iter().any(Term::is_money);
        let undecided = if ways > 1 {
            Some(format!(
                "the figures can be read {ways} ways (where the last factor ends and the row's figure \
                 begins, or the first factor's leading digits), and none gives the figure"
            ))
        } else if !money && r.factors.len() < 3 {
            Some(
                "no factor is money and only two are written, which may be a size (\"3 x 16\", \
                 \"1,2 x 2,4\") rather than a price"
                    .to_string(),
            )
        } else {
            None
        };
        if undecided.is_none() {
            sink.checked(false);
        }
        let stated = stated.get_or_insert_with(|| stated_values(&sink.document.lines));
        let named = if undecided.is_none() {
            misprint(r, stated).map(|(i, s)| ((i, s.name.clone(), s.value, s.line), false))
        } else {
            None
        };
        let line = sink.document.lines[k].clone();
        let at_line = sink.document.lines[at].clone();
        report(sink, (&line, &at_line), &lp, r, undecided, named);
    }
}

/// The row's figure alone on the next non-blank line (same page, close below), bare or
/// in money.
fn next_line_figure(line: &SourceLine, next: Option<&SourceLine>) -> Option<Term> {
    let next = next?;
    let (a, b) = (&line.provenance, &next.provenance);
    if a.file != b.file || a.page != b.page || b.line <= a.line || b.line - a.line > 3 {
        return None;
    }
    let mut t = lone_figure(&next.text)?;
    if t.unit.as_ref().is_some_and(|u| !u.is_money()) {
        return None;
    }
    let lead = next.text.len() - next.text.trim_start_matches([' ', '\t', '|']).len();
    t.span = lead..lead + (t.span.end - t.span.start);
    Some(t)
}

/// A factor as the line writes it ("48,3"), or its value when its place is not known.
fn raw_factor(line: &SourceLine, f: &Term) -> String {
    line.text
        .get(f.span.clone())
        .map(|t| {
            let end = t
                .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == ' ' || c == '\u{a0}'))
                .unwrap_or(t.len());
            t[..end].trim().to_string()
        })
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| f.value.normalize().to_string())
}

fn report(
    sink: &mut Sink,
    (line, at): (&SourceLine, &SourceLine),
    lp: &LabelProduct,
    r: &Reading,
    undecided: Option<String>,
    named: Option<((usize, String, Decimal, u32), bool)>,
) {
    let first = r.factors[0].value;
    let plain = product(&r.factors, first, false);
    let conv = product(&r.factors, first, true).scale(Decimal::ONE / r.figure.scale());
    let ic = Interval::written(r.figure.value, r.figure.decimals);
    let converted = (conv.nominal.round_dp(4) != plain.nominal.round_dp(4)).then_some(conv);
    let gap = |v: Decimal| (v - r.figure.value).abs();
    let chosen = match converted {
        Some(cv) if gap(cv.nominal) < gap(plain.nominal) => cv,
        _ => plain,
    };
    // Factors shown exact by a stated value: only the figure's own rounding is slack.
    let exact = named.as_ref().is_some_and(|(_, e)| *e);
    let slack = if exact {
        ic.slack()
    } else {
        chosen.slack() + ic.slack()
    };
    let miss = Miss {
        expected: chosen.nominal.round_dp(4).normalize(),
        tolerance: slack.round_dp(4).normalize(),
        plain: plain.nominal.round_dp(4).normalize(),
        converted: converted.map(|v| v.nominal.round_dp(4).normalize()),
    };
    let written_product = line.text[lp.span.clone()].trim().to_string();
    let written = at.text[r.figure.span.clone()].trim().to_string();
    let bare: Vec<String> = r
        .factors
        .iter()
        .map(|f| f.value.normalize().to_string())
        .collect();
    let mut message = format!(
        "the row's figure {written} is not the product written in it, {written_product}: {} is {}",
        bare.join(" × "),
        miss.plain
    );
    if let Some(c) = miss.converted {
        message.push_str(&format!(", and {c} with the units converted"));
    }
    if let Some(((i, name, v, l), exact)) = named {
        let mut fs = r.factors.clone();
        fs[i].value = v;
        let with = nominal(&fs).round_dp(4).normalize();
        let factor = raw_factor(line, &r.factors[i]);
        message.push_str(&format!(
            "; with {name} = {} as the page states it (line {l}) in place of the written {factor} \
             the product is {with}, the figure{}: the factor {factor} is the misprint",
            v.normalize(),
            if exact {
                " to its last digit, so the factors are exact (their rounding would allow the \
                 figure, but not that it comes out exactly)"
            } else {
                ""
            }
        ));
    }
    let severity = match &undecided {
        Some(why) => {
            message = format!("not decided: {why} ({message})");
            Severity::Info
        }
        None => RULE.severity,
    };
    super::report_miss(
        sink,
        &RULE,
        severity,
        message,
        (at, &r.figure),
        &miss,
        written,
    );
}
