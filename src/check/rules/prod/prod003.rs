//! PROD003: an expression written out with its result ("1 200 + 350 + 75 = 1 625 kr",
//! "2 400 kr + 150 m³ × 21,30 kr/m³ = 5 595 kr") whose value is not the result.

use super::prod001::next_line_result;
use super::Miss;
use crate::arith::Interval;
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;
use crate::document::SourceLine;
use crate::grammar::expression::{expressions, Expression, Node, Op};
use crate::grammar::product::{Measure, Term, UnitExpr};
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: RuleCode::PROD003,
    name: "written-expression-mismatch",
    family: Family::Prod,
    severity: Severity::Error,
    summary: "An expression written out with its result, \"a + b × c = d\", whose value is not d",
    explanation: "Fee pages, tjänsteskrivelser and price examples write their arithmetic out \
on a line: \"Summa: 1 200 + 350 + 75 = 1 625 kr\", \"Fast avgift 2 400 kr + 150 m³ × 21,30 kr/m³ = \
5 595 kr\", \"(3 000 − 500) × 12 = 30 000\", or the result opening the next line (\"= 1 625 kr\"). \
justera reads figures (space-grouped thousands, decimal comma, units as PROD001 reads them), \
the operators + and − (a hyphen or en dash only between spaces), ×, x, * and / (only between \
spaces), parentheses and the result after \"=\", evaluates with operator precedence and the \
precision each figure was written in (1 625 stands for 1 624,5–1 625,5; the intervals are \
carried through every operation) and reports the line only when the expression's interval and \
the result's cannot meet. Units are read as written and converted (öre as 1/100 kr, tkr as \
1 000 kr, % as 1/100); either reading holding is enough. Where units cannot be added (kr + m³, \
kr/mån + kr/år, a share added to an amount), only dashes join the figures (\"3 000 - 500 = \
2 600\": a dash may join a span) or every figure is one bare digit (\"1 + 1 = 3\", a figure of \
speech) a failing line is information, \"not decided\". Not read: a plain \"a x b = c\" (PROD001), \
dates, ranges (\"101 - 300 = …\"), dnr \"2023/145\", \"§ 12\", page references, list numbers \
\"1-3\", a negative or non-figure result, and a result followed by more arithmetic.",
    checks: &[Check::Document(check)],
};

pub fn check(sink: &mut Sink) {
    let lines = &sink.document.lines;
    let mut found = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        for e in expressions(&line.text) {
            let (result, at, next) = match &e.result {
                Some(r) => (r.clone(), line, false),
                None => match next_line_result(line, lines.get(k + 1)) {
                    Some((r, at)) => (r, at, true),
                    None => continue,
                },
            };
            // Nothing to conclude when a divisor may be zero.
            let Some(verdict) = evaluate(&e.node, &result) else {
                continue;
            };
            found.push((line, at, e, result, next, verdict));
        }
    }
    for (line, at, e, result, next, verdict) in found {
        let Err(miss) = verdict else {
            sink.checked(true);
            continue;
        };
        let undecided = match kind_of_statement(&e.node, &result) {
            Kind::Conflict(why) => Some(why),
            _ if figure_of_speech(&e.node, &result) => Some(
                "every figure is a bare digit, and \"1 + 1 = 3\" is a figure of speech".to_string(),
            ),
            _ if e.node.only_dashes() => Some(
                "only a dash joins the figures, and a dash may join a span rather than subtract"
                    .to_string(),
            ),
            _ => None,
        };
        if undecided.is_none() {
            sink.checked(false);
        }
        report(sink, line, at, &e, &result, next, miss, undecided);
    }
}

/// Whether every figure, the result included, is one bare digit ("1 + 1 = 3").
fn figure_of_speech(node: &Node, c: &Term) -> bool {
    let bare_digit = |t: &Term| t.unit.is_none() && t.decimals == 0 && t.value < Decimal::TEN;
    bare_digit(c) && node.figures().into_iter().all(bare_digit)
}

/// The interval an expression allows: each figure written to its last digit, the first
/// figure read as `first` (its span start and value); `convert`: each figure in base
/// units (kronor, kWh, m³ …). None when a divisor's interval holds zero.
fn interval(node: &Node, convert: bool, first: (usize, Decimal)) -> Option<Interval> {
    Some(match node {
        Node::Figure(t) => {
            let v = if t.span.start == first.0 {
                first.1
            } else {
                t.value
            };
            let i = Interval::written(v, t.decimals);
            if convert {
                i.scale(t.scale())
            } else {
                i
            }
        }
        Node::Paren(n) => interval(n, convert, first)?,
        Node::Binary {
            op, left, right, ..
        } => {
            let (a, b) = (
                interval(left, convert, first)?,
                interval(right, convert, first)?,
            );
            match op {
                Op::Add => a.plus(b),
                Op::Sub => a.minus(b),
                Op::Mul => a.times(b),
                Op::Div => a.divided_by(b)?,
            }
        }
    })
}

/// Ok when the expression holds under some reading (each reading of a space-grouped
/// first figure after a word or figure; the units as written or converted).
fn evaluate(node: &Node, c: &Term) -> Option<Result<(), Miss>> {
    let first = node.figures().first().copied()?.clone();
    let sc = c.scale();
    if sc.is_zero() {
        return None;
    }
    for &va in &first.readings {
        let at = (first.span.start, va);
        let plain = interval(node, false, at)?;
        let conv = interval(node, true, at)?;
        for &vc in &c.readings {
            let ic = Interval::written(vc, c.decimals);
            if plain.meets(&ic) || conv.meets(&ic.scale(sc)) {
                return Some(Ok(()));
            }
        }
    }
    let at = (first.span.start, first.value);
    let plain = interval(node, false, at)?;
    let conv = interval(node, true, at)?.scale(Decimal::ONE / sc);
    // A value beyond Decimal's range was cut to it: nothing to report in figures.
    let saturated = |i: &Interval| {
        [i.lo, i.hi, i.nominal]
            .iter()
            .any(|&v| v == Decimal::MAX || v == Decimal::MIN)
    };
    if saturated(&plain) || saturated(&conv) {
        return None;
    }
    let ic = Interval::written(c.value, c.decimals);
    let converted = (conv.nominal.round_dp(4) != plain.nominal.round_dp(4)).then_some(conv);
    // Saturated products (figures of 15 digits multiplied) must not overflow here.
    let gap = |v: Decimal| v.checked_sub(c.value).map_or(Decimal::MAX, |d| d.abs());
    let chosen = match converted {
        Some(cv) if gap(cv.nominal) < gap(plain.nominal) => cv,
        _ => plain,
    };
    Some(Err(Miss {
        expected: chosen.nominal.round_dp(4).normalize(),
        tolerance: (chosen.slack() + ic.slack()).round_dp(4).normalize(),
        plain: plain.nominal.round_dp(4).normalize(),
        converted: converted.map(|v| v.nominal.round_dp(4).normalize()),
    }))
}

/// What a unit measures, for deciding whether two figures can be added: the measure,
/// the time unit itself ("år" and "mån" are both 1 in product.rs) and what a rate is
/// per.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Dim {
    measure: Measure,
    time: Option<String>,
    per: Option<String>,
    raw: String,
}

fn spelling(atom: &str) -> String {
    let a = atom.trim().to_lowercase();
    match a.as_str() {
        "m³" | "kbm" | "kubikmeter" => "m3".into(),
        "månad" => "mån".into(),
        "kronor" | "sek" | ":-" => "kr".into(),
        "procent" => "%".into(),
        _ => a,
    }
}

fn dim(u: &UnitExpr) -> Dim {
    let (num, den) = match u.raw.split_once('/') {
        Some((n, d)) => (n, Some(d)),
        None => (u.raw.as_str(), None),
    };
    Dim {
        measure: u.measure,
        time: (u.measure == Measure::Time).then(|| spelling(num)),
        per: den.map(spelling),
        raw: u.raw.clone(),
    }
}

fn money() -> Dim {
    Dim {
        measure: Measure::Money,
        time: None,
        per: None,
        raw: "kr".into(),
    }
}

/// Whether figures of the two units can be added (or compared with a result).
fn addable(a: &Dim, b: &Dim) -> bool {
    a.measure == b.measure
        && a.time == b.time
        && (a.per.is_none() || b.per.is_none() || a.per == b.per)
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Kind {
    /// No unit.
    Plain,
    Of(Dim),
    /// A product or quotient of units justera does not follow.
    Unknown,
    /// Units that cannot be added, and why.
    Conflict(String),
}

/// A factor that does not change what a product measures (a count, a share).
fn weightless(k: &Kind) -> bool {
    match k {
        Kind::Plain => true,
        Kind::Of(d) => matches!(d.measure, Measure::Ratio | Measure::Count) && d.per.is_none(),
        _ => false,
    }
}

fn kind(node: &Node) -> Kind {
    match node {
        Node::Figure(t) => t.unit.as_ref().map_or(Kind::Plain, |u| Kind::Of(dim(u))),
        Node::Paren(n) => kind(n),
        Node::Binary {
            op, left, right, ..
        } => {
            let (a, b) = (kind(left), kind(right));
            if let Kind::Conflict(_) = a {
                return a;
            }
            if let Kind::Conflict(_) = b {
                return b;
            }
            let is_money = |k: &Kind| matches!(k, Kind::Of(d) if d.measure == Measure::Money);
            match op {
                Op::Add | Op::Sub => add_kinds(a, b),
                Op::Mul => {
                    let is_ratio =
                        |k: &Kind| matches!(k, Kind::Of(d) if d.measure == Measure::Ratio);
                    if is_money(&a) || is_money(&b) {
                        Kind::Of(money())
                    } else if is_ratio(&a) {
                        // "25 % × 4 000" is a part of 4 000.
                        b
                    } else if is_ratio(&b) {
                        a
                    } else if weightless(&a) {
                        b
                    } else if weightless(&b) {
                        a
                    } else {
                        Kind::Unknown
                    }
                }
                Op::Div => match (&a, &b) {
                    _ if weightless(&b) => a,
                    (Kind::Of(x), Kind::Of(y)) if x.measure == y.measure && x.time == y.time => {
                        Kind::Plain
                    }
                    _ if is_money(&a) => Kind::Of(money()),
                    _ => Kind::Unknown,
                },
            }
        }
    }
}

fn add_kinds(a: Kind, b: Kind) -> Kind {
    let ratio = |k: &Kind| matches!(k, Kind::Of(d) if d.measure == Measure::Ratio);
    // "1 200 + 25 % = 1 500": a share added to an amount is a markup, not a sum.
    if ratio(&a) != ratio(&b) {
        return Kind::Conflict(
            "a percentage added to or taken from an amount is a markup or a discount, not a sum"
                .to_string(),
        );
    }
    match (a, b) {
        (Kind::Of(x), Kind::Of(y)) => {
            if addable(&x, &y) {
                Kind::Of(if x.per.is_some() { x } else { y })
            } else {
                Kind::Conflict(format!("the units {} and {} cannot be added", x.raw, y.raw))
            }
        }
        (Kind::Unknown, _) | (_, Kind::Unknown) => Kind::Unknown,
        (Kind::Of(x), _) | (_, Kind::Of(x)) => Kind::Of(x),
        _ => Kind::Plain,
    }
}

/// The expression's kind against its result's: a conflict when the units cannot meet.
fn kind_of_statement(node: &Node, c: &Term) -> Kind {
    let k = kind(node);
    match (&k, c.unit.as_ref()) {
        (Kind::Of(x), Some(u)) => {
            let y = dim(u);
            // A sum of kronor stated per year ("… kr = 5 595 kr/år") is the same sum.
            let y_loose = Dim {
                per: None,
                ..y.clone()
            };
            if addable(x, &y) || (x.per.is_none() && addable(x, &y_loose)) {
                k
            } else {
                Kind::Conflict(format!(
                    "the units {} and {} cannot be compared",
                    x.raw, y.raw
                ))
            }
        }
        _ => k,
    }
}

#[allow(clippy::too_many_arguments)]
fn report(
    sink: &mut Sink,
    line: &SourceLine,
    at: &SourceLine,
    e: &Expression,
    c: &Term,
    next: bool,
    miss: Miss,
    undecided: Option<String>,
) {
    let written_expr = line.text[e.left.clone()].trim();
    let written = at.text[c.span.clone()].trim().to_string();
    let mut value = format!("it comes to {}", miss.plain);
    if let Some(conv) = miss.converted {
        let unit = c
            .unit
            .as_ref()
            .map_or(String::new(), |u| format!(" {}", u.raw));
        value.push_str(&format!(
            ", and {conv}{unit} with the units converted ({})",
            conversions(&e.node, c)
        ));
    }
    let why = if next {
        "the operators are written on the line and the result opens the next"
    } else {
        "the operators and the result are written on the line"
    };
    let (severity, message) = match undecided {
        Some(why_not) => (
            Severity::Info,
            format!("not decided: {written_expr} is written as {written}, but {value}; {why_not}"),
        ),
        None => (
            RULE.severity,
            format!("{written_expr} is not {written}: {value} ({why})"),
        ),
    };
    super::report_miss(sink, &RULE, severity, message, (at, c), &miss, written);
}

/// "öre = 0.01, tkr = 1000": the units that change the value when converted.
fn conversions(node: &Node, c: &Term) -> String {
    let mut seen: Vec<String> = Vec::new();
    for u in node
        .figures()
        .into_iter()
        .chain(std::iter::once(c))
        .filter_map(|t| t.unit.as_ref())
        .filter(|u| u.scale != Decimal::ONE)
    {
        let s = format!("{} = {}", u.raw, u.scale.normalize());
        if !seen.contains(&s) {
            seen.push(s);
        }
    }
    seen.join(", ")
}
