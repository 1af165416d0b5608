//! Written-out products: "150 m3 x 19,70 kr = 2 955 kr", "15,13 öre/kWh * 2756 kWh =
//! 417 kr", "1 500 m3 x 25,50 kr: 38 250 kr", "2 955 kronor (150 m3 x 19,70 kr)".
//!
//! The grammar (EBNF as in grammars/README.md; `space` is one or more spaces, no tab):
//!
//! ```text
//! statement = factor , [ space ] , times , [ space ] , factor , [ space ] , "=" , [ ws ] , figure
//!           | factor , [ space ] , times , [ space ] , factor , [ space ] , ":" , [ space ] , figure
//!                                                      (* ":" only when priced, below *)
//!           | figure , [ space ] , "(" , [ space ] , factor , [ space ] , times , [ space ] ,
//!             factor , [ space ] , ")"                 (* priced, below *)
//! factor    = magnitude , [ [ space ] , unit ] ;
//! figure    = magnitude , [ [ space ] , unit ] ;
//! magnitude = integer , [ "," , digit , { digit } ] ;  (* no sign, no decimal point *)
//! integer   = digit{1,3} , group , { group }  |  digit , { digit } ;
//! group     = gspace , digit{3} ;                      (* not followed by another digit *)
//! times     = "×" | "*" | "x" | "X" ;                  (* x and X stand between spaces or digits *)
//! unit      = atom , [ "/" , atom ] ;
//! atom      = "kr" | "kronor" | "sek" | ":-" | "öre" | "tkr" | "mnkr" | "mkr"
//!           | "kWh" | "MWh" | "GWh" | "kW" | "MW" | "m3" | "m³" | "kbm" | "kubikmeter"
//!           | "m2" | "m²" | "kvm" | "kvadratmeter"
//!           | "st" | "lgh" | "%" | "procent" | "år" | "mån" | "månad" | "dag" ;
//! ```
//!
//! A product whose result stands on the next line ("0,1269 x 10 000 kWh" then "= 1 269
//! kr") is read with [`continued_result`]. "Priced": the result and one factor carry a
//! money unit (a ":" or a parenthesis says less than "=", so "Lägenhet 2 x 3: 5 000 kr"
//! is no product).
//!
//! What is no product: a factor preceded by an operator, a sign, a slash or a "("-less
//! expression ("4730 + 784 + 200 x 37,79 = …", "2 x 3 x 4 = 24" is not read as "3 x 4"),
//! by letters that are not a unit ("E4 x 2", "kap4 x 3"), a result followed by an
//! operator and a figure ("= 200 + 50") or, without a unit, by another figure; a figure
//! with a decimal point ("10.000" may be thousands) or a range. The readings of a
//! space-grouped first factor are returned (a digit group before it may be another cell).

use super::number::{digits_m_n, grouped_integer, is_group_space, strip_prefix_ci};
use nom::branch::alt;
use nom::character::complete::{char as ch, satisfy};
use nom::combinator::{opt, recognize};
use nom::multi::many0;
use nom::sequence::{pair, preceded};
use nom::{IResult, Parser};
use rust_decimal::Decimal;
use std::ops::Range;

/// What a unit atom measures; a rate's two atoms are kept apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Money,
    Energy,
    Power,
    Volume,
    Count,
    Ratio,
    Time,
    Area,
}

/// A unit as written ("öre/kWh"): how many base units (kronor, kWh, kW, m³, 1, år) one
/// of it is, and whether it is money (or money per something).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitExpr {
    pub raw: String,
    pub scale: Decimal,
    /// The numerator's measure.
    pub measure: Measure,
    /// Whether it is a rate ("kr/m3").
    pub per: bool,
}

impl UnitExpr {
    pub fn is_money(&self) -> bool {
        self.measure == Measure::Money
    }
}

/// A figure of a product, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub value: Decimal,
    pub decimals: u32,
    pub unit: Option<UnitExpr>,
    /// Byte range in the line, unit included.
    pub span: Range<usize>,
    /// The values the digits may stand for when the magnitude is space-grouped and
    /// digits stand before it ("… 1 500 m3": 1 500 or 500); the value as written first.
    pub readings: Vec<Decimal>,
}

impl Term {
    /// Kronor, kWh, m³ … per unit written (1 without a unit).
    pub fn scale(&self) -> Decimal {
        self.unit.as_ref().map_or(Decimal::ONE, |u| u.scale)
    }
    pub fn is_money(&self) -> bool {
        self.unit.as_ref().is_some_and(UnitExpr::is_money)
    }
}

/// How the result is attached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// "a x b = c"
    Equals,
    /// "a x b: c"
    Colon,
    /// "c (a x b)"
    Parenthesis,
    /// "a x b" with "= c" opening the next line.
    NextLine,
}

/// One written-out product: two factors and what the line says they come to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Product {
    pub a: Term,
    pub b: Term,
    /// None: the product ends the line without a result ([`continued_result`] may give
    /// it).
    pub result: Option<Term>,
    pub form: Form,
    /// The statement's byte range in its line.
    pub span: Range<usize>,
}

/// Integer digits a factor may have (as `number::MAX_INTEGER_DIGITS`).
const MAX_DIGITS: usize = 15;

pub(super) fn magnitude(i: &str) -> IResult<&str, &str> {
    recognize(pair(
        alt((grouped_integer, digits_m_n(1, MAX_DIGITS))),
        opt(preceded(ch(','), digits_m_n(1, 12))),
    ))
    .parse(i)
}

pub(super) fn opt_space(i: &str) -> IResult<&str, ()> {
    let (i, _) = many0(satisfy(is_group_space)).parse(i)?;
    Ok((i, ()))
}

/// Unit atoms, longest spelling first within a prefix: (spelling, base units, measure).
const ATOMS: &[(&str, (i64, u32), Measure)] = &[
    ("kvadratmeter", (1, 0), Measure::Area),
    ("kubikmeter", (1, 0), Measure::Volume),
    ("procent", (1, 2), Measure::Ratio),
    ("kronor", (1, 0), Measure::Money),
    ("månad", (1, 0), Measure::Time),
    ("mnkr", (1_000_000, 0), Measure::Money),
    ("mkr", (1_000_000, 0), Measure::Money),
    ("tkr", (1_000, 0), Measure::Money),
    ("sek", (1, 0), Measure::Money),
    ("kbm", (1, 0), Measure::Volume),
    ("kwh", (1, 0), Measure::Energy),
    ("mwh", (1_000, 0), Measure::Energy),
    ("gwh", (1_000_000, 0), Measure::Energy),
    ("mån", (1, 0), Measure::Time),
    ("dag", (1, 0), Measure::Time),
    ("öre", (1, 2), Measure::Money),
    ("kr", (1, 0), Measure::Money),
    ("kw", (1, 0), Measure::Power),
    ("mw", (1_000, 0), Measure::Power),
    ("m3", (1, 0), Measure::Volume),
    ("m³", (1, 0), Measure::Volume),
    ("m2", (1, 0), Measure::Area),
    ("m²", (1, 0), Measure::Area),
    ("kvm", (1, 0), Measure::Area),
    ("st", (1, 0), Measure::Count),
    ("lgh", (1, 0), Measure::Count),
    ("år", (1, 0), Measure::Time),
    (":-", (1, 0), Measure::Money),
    ("%", (1, 2), Measure::Ratio),
];

/// One unit atom, case-insensitive; a word atom must end where the word ends ("kronor"
/// not "kronorna", "st" not "stycken").
fn atom(i: &str) -> IResult<&str, (Decimal, Measure)> {
    for (word, (m, s), measure) in ATOMS {
        let Some(rest) = strip_prefix_ci(i, word) else {
            continue;
        };
        let wordy = word.chars().next_back().is_some_and(char::is_alphanumeric);
        let ends = !wordy || !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_');
        if ends {
            return Ok((rest, (Decimal::new(*m, *s), *measure)));
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Tag,
    )))
}

/// `unit` of the grammar.
fn unit(i: &str) -> IResult<&str, UnitExpr> {
    let (rest, (scale, measure)) = atom(i)?;
    let (rest, per) = opt(preceded(ch('/'), atom)).parse(rest)?;
    let raw = &i[..i.len() - rest.len()];
    let scale = match per {
        Some((d, _)) => scale / d,
        None => scale,
    };
    Ok((
        rest,
        UnitExpr {
            raw: raw.to_string(),
            scale,
            measure,
            per: per.is_some(),
        },
    ))
}

/// Whether `word` is exactly a unit of the grammar ("kWh", "öre/kWh", "kr/år").
pub fn is_unit(word: &str) -> bool {
    matches!(unit(word), Ok(("", _)))
}

/// `factor` / `figure` of the grammar at the start of `i` (an offset into `line`).
pub(super) fn term(line: &str, at: usize) -> Option<(usize, Term)> {
    let i = line.get(at..)?;
    let (rest, mag) = magnitude(i).ok()?;
    let (rest, u) = match opt(preceded(opt_space, unit)).parse(rest) {
        Ok((r, u)) => (r, u),
        Err(_) => (rest, None),
    };
    let end = line.len() - rest.len();
    let (value, decimals) = value_of(mag)?;
    Some((
        end,
        Term {
            value,
            decimals,
            unit: u,
            span: at..end,
            readings: vec![value],
        },
    ))
}

fn value_of(mag: &str) -> Option<(Decimal, u32)> {
    let (int, frac) = mag.split_once(',').unwrap_or((mag, ""));
    let digits: String = int.chars().filter(char::is_ascii_digit).collect();
    let text = if frac.is_empty() {
        digits
    } else {
        format!("{digits}.{frac}")
    };
    Some((text.parse().ok()?, frac.len() as u32))
}

/// The values a space-grouped magnitude may stand for when digits stand before it on
/// the line: the whole, then without its leading groups.
pub(super) fn readings(line: &str, t: &Term) -> Vec<Decimal> {
    let raw = &line[t.span.clone()];
    let mag = magnitude(raw).map(|(_, m)| m).unwrap_or(raw);
    let (int, frac) = mag.split_once(',').unwrap_or((mag, ""));
    let groups: Vec<&str> = int.split(is_group_space).collect();
    let mut out = vec![t.value];
    for k in 1..groups.len() {
        let tail = groups[k..].concat();
        let s = if frac.is_empty() {
            tail
        } else {
            format!("{tail}.{frac}")
        };
        if let Ok(v) = s.parse::<Decimal>() {
            out.push(v);
        }
    }
    out
}

/// The multiplication sign at `i` (after optional spaces), and what follows it. "x" and
/// "X" need a space or a digit on both sides (`after_digit`: the factor before it ends
/// in a digit).
pub(super) fn times(i: &str, after_digit: bool) -> IResult<&str, char> {
    let (j, _) = opt_space(i)?;
    let spaced = j.len() < i.len();
    let i = j;
    let (rest, c) = satisfy(|c| matches!(c, '×' | '*' | 'x' | 'X')).parse(i)?;
    if matches!(c, 'x' | 'X') {
        let before_ok = spaced || after_digit;
        let after_ok = rest.starts_with(|c: char| is_group_space(c) || c.is_ascii_digit());
        if !before_ok || !after_ok {
            return Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Char,
            )));
        }
    }
    let (rest, _) = opt_space(rest)?;
    Ok((rest, c))
}

/// Whether a statement may start at `at`: what stands before it does not make the
/// figure part of a longer expression or of a word.
fn starts_clean(line: &str, at: usize) -> bool {
    let before = &line[..at];
    let Some(prev) = before.chars().next_back() else {
        return true;
    };
    if prev.is_ascii_digit() || matches!(prev, ',' | '.') {
        return false;
    }
    if prev.is_alphabetic() || prev == '³' {
        // Glued after a unit ("kr/år0,1269"): the word before must be a unit.
        let word_start = before
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(k, c)| k + c.len_utf8());
        return is_unit(&before[word_start..]);
    }
    if before.ends_with(":-") {
        return true;
    }
    let trimmed = before.trim_end_matches(is_group_space);
    let Some(last) = trimmed.chars().next_back() else {
        return true;
    };
    if matches!(
        last,
        '+' | '-' | '−' | '–' | '—' | '/' | '*' | '×' | '=' | '±' | '<' | '>' | '^' | '÷' | '·'
    ) {
        return false;
    }
    // "2 x 3 x 4": a product of more than two factors is not read.
    if matches!(last, 'x' | 'X') {
        let t = &trimmed[..trimmed.len() - 1];
        if t.is_empty() || t.ends_with(|c: char| is_group_space(c) || c.is_ascii_digit()) {
            return false;
        }
    }
    true
}

/// Whether what follows a result at `end` leaves it the result: no operator and figure
/// ("= 200 + 50"), and no figure right after a result without a unit.
pub(super) fn ends_clean(line: &str, end: usize, has_unit: bool) -> bool {
    let rest = &line[end..];
    let r = rest.trim_start_matches(is_group_space);
    if r.starts_with(|c: char| c.is_ascii_digit()) {
        return has_unit && r.len() < rest.len();
    }
    if rest.starts_with([',', '.']) && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let mut it = r.chars();
    if let Some(c) = it.next() {
        if matches!(
            c,
            '+' | '-' | '−' | '–' | '*' | '×' | 'x' | 'X' | '/' | '=' | '÷' | '·'
        ) {
            let after = it.as_str().trim_start_matches(is_group_space);
            if after.starts_with(|c: char| c.is_ascii_digit()) {
                return false;
            }
        }
    }
    true
}

/// Quick filter: a line that can hold a product at all.
fn may_hold(line: &str) -> bool {
    line.contains(['×', '*', 'x', 'X']) && line.bytes().any(|b| b.is_ascii_digit())
}

/// Every written-out product in one line, left to right.
pub fn products(line: &str) -> Vec<Product> {
    let mut out = Vec::new();
    if !may_hold(line) {
        return out;
    }
    let mut at = 0;
    while at < line.len() {
        let Some(start) = line[at..]
            .char_indices()
            .find(|&(k, c)| {
                c.is_ascii_digit()
                    && !line[..at + k]
                        .chars()
                        .next_back()
                        .is_some_and(|p| p.is_ascii_digit() || p == ',')
            })
            .map(|(k, _)| at + k)
        else {
            break;
        };
        match product_at(line, start) {
            Some(p) => {
                at = p.span.end;
                out.push(p);
            }
            None => at = past_figure(line, start, starts_clean(line, start)),
        }
    }
    out
}

/// Where to look next after no statement starts at `start`: past its first digits, or,
/// when the figure may not start one (it follows an operator: "+ 2 000 kWh"), past the
/// whole space-grouped figure, so that its last group ("000 kWh") is not read as a
/// figure of its own.
pub(super) fn past_figure(line: &str, start: usize, clean: bool) -> usize {
    let rest = &line[start..];
    if !clean {
        if let Ok((r, _)) = magnitude(rest) {
            return line.len() - r.len();
        }
    }
    start
        + rest
            .find(|c: char| !c.is_ascii_digit() && c != ',')
            .unwrap_or(rest.len())
}

fn product_at(line: &str, start: usize) -> Option<Product> {
    if !starts_clean(line, start) {
        return None;
    }
    let (end_first, mut first) = term(line, start)?;
    // A digit before a space-grouped figure may be another cell's, or its first group.
    if line[..start]
        .trim_end_matches(is_group_space)
        .ends_with(|c: char| c.is_ascii_digit())
    {
        first.readings = readings(line, &first);
    }
    // "c (a x b)"
    if let Some(p) = parenthesised(line, end_first, &first) {
        return Some(p);
    }
    let (rest, _) = times(&line[end_first..], first.unit.is_none()).ok()?;
    let b_at = line.len() - rest.len();
    let (end_b, b) = term(line, b_at)?;
    let tail = &line[end_b..];
    let t = tail.trim_start_matches(|c: char| is_group_space(c) || c == '\t');
    if t.is_empty() {
        return Some(Product {
            a: first,
            b,
            result: None,
            form: Form::NextLine,
            span: start..end_b,
        });
    }
    let (form, after) = if let Some(r) = t.strip_prefix('=') {
        (Form::Equals, r)
    } else if let Some(r) = tail.trim_start_matches(is_group_space).strip_prefix(':') {
        (Form::Colon, r)
    } else {
        return None;
    };
    let ws = |c: char| is_group_space(c) || (form == Form::Equals && c == '\t');
    let r_at = line.len() - after.trim_start_matches(ws).len();
    if !line[r_at..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (end_r, result) = term(line, r_at)?;
    if !ends_clean(line, end_r, result.unit.is_some()) {
        return None;
    }
    if form == Form::Colon && !(result.is_money() && (first.is_money() || b.is_money())) {
        return None;
    }
    Some(Product {
        a: first,
        b,
        result: Some(result),
        form,
        span: start..end_r,
    })
}

/// "2 955 kronor (150 m3 x 19,70 kr)": `result` read, then a parenthesis holding only
/// the product.
fn parenthesised(line: &str, end_result: usize, result: &Term) -> Option<Product> {
    let rest = line[end_result..].trim_start_matches(is_group_space);
    let inner = rest.strip_prefix('(')?;
    let a_at = line.len() - inner.trim_start_matches(is_group_space).len();
    let (end_a, a) = term(line, a_at)?;
    let (rest, _) = times(&line[end_a..], a.unit.is_none()).ok()?;
    let b_at = line.len() - rest.len();
    let (end_b, b) = term(line, b_at)?;
    let close = line[end_b..].trim_start_matches(is_group_space);
    if !close.starts_with(')') {
        return None;
    }
    if !(result.is_money() && (a.is_money() || b.is_money())) {
        return None;
    }
    let end = line.len() - close.len() + 1;
    Some(Product {
        a,
        b,
        result: Some(result.clone()),
        form: Form::Parenthesis,
        span: result.span.start..end,
    })
}

/// The result of a product that ended the previous line: this line opens with "=" and
/// a figure ("= 1 269 kr"), and nothing after it continues the arithmetic.
pub fn continued_result(line: &str) -> Option<Term> {
    let lead = line.len() - line.trim_start().len();
    let rest = line[lead..].strip_prefix('=')?;
    let at = line.len() - rest.trim_start().len();
    if !line[at..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (end, t) = term(line, at)?;
    ends_clean(line, end, t.unit.is_some()).then_some(t)
}

/// One amount of a row written in the kronor notation ":-": a figure ("4730") or a
/// product without its value ("200 kbm * 37,79").
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowAmount {
    Figure(Term),
    Product(Term, Term),
}

/// A row of amounts each closed by ":-", glued or spaced, with at most a "/år"-like
/// unit after the last ("4730:-784:-200 kbm * 37,79:-13094:-/år"); `None` unless the
/// whole line is such amounts, at least three, one of them a product.
pub fn kronor_row(line: &str) -> Option<Vec<RowAmount>> {
    let text = line.trim_end();
    if !text.contains(":-") || !may_hold(text) {
        return None;
    }
    let mut out = Vec::new();
    let mut at = text.len() - text.trim_start().len();
    loop {
        let Some(k) = text[at..].find(":-") else {
            // After the last amount: nothing, or "/år", "/mån".
            let tail = &text[at..];
            if !(tail.is_empty() || tail.strip_prefix('/').is_some_and(is_unit)) {
                return None;
            }
            break;
        };
        let end = at + k;
        out.push(row_amount(text, at, end)?);
        at = end + 2;
        at += text[at..].len() - text[at..].trim_start_matches(is_group_space).len();
    }
    let products = out
        .iter()
        .filter(|a| matches!(a, RowAmount::Product(..)))
        .count();
    (out.len() >= 3 && products >= 1).then_some(out)
}

/// The amount written in `line[from..to]`: exactly a figure or exactly a product.
fn row_amount(line: &str, from: usize, to: usize) -> Option<RowAmount> {
    let cell = &line[..to];
    if !line[from..to].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (end_a, a) = term(cell, from)?;
    if end_a == to && a.unit.is_none() {
        return Some(RowAmount::Figure(a));
    }
    let (rest, _) = times(&cell[end_a..], a.unit.is_none()).ok()?;
    let b_at = cell.len() - rest.len();
    let (end_b, b) = term(cell, b_at)?;
    (end_b == to && b.unit.is_none()).then_some(RowAmount::Product(a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn one(line: &str) -> Product {
        let p = products(line);
        assert_eq!(p.len(), 1, "{line}: {p:?}");
        p.into_iter().next().unwrap()
    }

    #[test]
    fn reads_products_as_pages_write_them() {
        let p = one("Rörlig avgift: 2 955 kronor (150 m3 x 19,70 kr)");
        assert_eq!(p.form, Form::Parenthesis);
        assert_eq!((p.a.value, p.b.value), (d("150"), d("19.70")));
        assert_eq!(p.result.as_ref().map(|r| r.value), Some(d("2955")));

        let p = one("1 500 m3 x 25,50  kr: 38 250 kr");
        assert_eq!(p.form, Form::Colon);
        assert_eq!(p.a.readings, vec![d("1500")]);
        let p = one("Rad 4 1 500 m3 x 25,50 kr: 38 250 kr");
        assert_eq!(p.a.readings, vec![d("1500"), d("500")]);
        assert_eq!(p.result.map(|r| r.value), Some(d("38250")));

        let p = one("  • Elöverföringsavgift: 15,13 öre/kWh * 2756 kWh = 417 kr inkl moms");
        assert_eq!(p.a.unit.as_ref().map(|u| u.scale), Some(d("0.01")));
        assert_eq!(p.a.decimals, 2);
        assert_eq!(p.result.map(|r| r.value), Some(d("417")));

        let p = one("Effektavgift för december, höglasttid: 5 kW * 83=415 kr");
        assert_eq!((p.a.value, p.b.value), (d("5"), d("83")));

        let p = one("20 A 6 524,06 kr/år0,1269 x 10 000 kWh");
        assert_eq!(p.form, Form::NextLine);
        assert_eq!((p.a.value, p.b.value), (d("0.1269"), d("10000")));
        assert_eq!(
            continued_result("= 1 269 kr").map(|t| t.value),
            Some(d("1269"))
        );
    }

    #[test]
    fn reads_rows_of_kronor_amounts() {
        let row = kronor_row("4730:-784:-200 kbm * 37,79:-13094:-/år").expect("a row");
        assert_eq!(row.len(), 4);
        assert!(
            matches!(&row[2], RowAmount::Product(a, b) if a.value == d("200") && b.value == d("37.79"))
        );
        assert!(matches!(&row[3], RowAmount::Figure(t) if t.value == d("13094")));
        assert!(kronor_row("4730:-5 * 784:-500 kbm 37,7927545:-/år").is_none());
        assert!(kronor_row("4730:-784:-5514:-").is_none());
        assert!(kronor_row("Pris 4730:-784:-2 * 5:-").is_none());
    }

    #[test]
    fn what_is_no_product() {
        for line in [
            "Lägenheten har 2 x 3 rum",
            "Dnr 2024/12, kap. 4 x",
            "2 x 3 x 4 = 24",
            "4730 + 784 + 200 x 37,79 = 13 072",
            "Lägenhet 2 x 3: 5 000 kr",
            "Bilaga 5 (2 x 3 m)",
            "2 x 100 = 200 + 50",
            "E4 x 2 = 8",
            "10.000 x 2 = 20.000",
            "2024-01-01 x 3 = 6",
            "ca 2 x 3 = ca 6",
            "Summa 2 x 3 = 6 7",
            "Elnät 1 500 kr + 2 000 kWh × 25 öre/kWh = 2 200 kr",
        ] {
            let got: Vec<_> = products(line)
                .into_iter()
                .filter(|p| p.result.is_some())
                .collect();
            assert!(got.is_empty(), "{line}: {got:?}");
        }
    }
}
