//! Swedish figures: "1 278", "-3 445", "- 4 460", "18,41 %", "14.05%", "940 000kr",
//! "3,8 mnkr", "1428h", "5 miljoner".
//!
//! The grammar (EBNF in grammars/README.md):
//!
//! ```text
//! figure    = [ sign , [ space ] ] , magnitude , [ [ space ] , unit ] ;
//! magnitude = integer , [ ( "," | "." ) , digit , { digit } ] ;
//! integer   = digit{1,3} , group , { group }  |  digit , { digit } ;
//! group     = space , digit{3} ;            (* not followed by another digit *)
//! space     = " " | NBSP | NNBSP | THIN SPACE ;
//! sign      = "-" | "−" | "‐" | "‑" | "‒" | "–" | "+" ;
//! cell      = figure , [ mark ]  |  "(" , [ space ] , figure , [ space ] , ")" ;
//! mark      = superscript digit , { superscript digit }  |  "*" , { "*" } ;
//! ```
//!
//! A cell in parentheses is negative ("(1 234)" = −1 234, the accountants' way); a
//! footnote mark glued after a figure ("1 234¹", "1 234*") is kept apart from the value
//! ([`Figure::mark`]). "2025.2" reads as 2025,2, but whether ".2" is a decimal or a
//! footnote 2 only the figures around it can tell ([`point_fraction_may_be_mark`]).
//!
//! Three entry points: [`parse_figure`] for a whole cell, [`find_figures`] for prose, and
//! [`number_tokens`] + [`segmentations`] for flat table rows where one space is both the
//! column gap and the thousands separator ("Resultat 174 1 633 0 0 0").

use crate::grammar::vocab::Vocabulary;
use nom::branch::alt;
use nom::bytes::complete::take_while_m_n;
use nom::character::complete::satisfy;
use nom::combinator::{not, opt, peek, recognize};
use nom::multi::many1;
use nom::sequence::{pair, preceded, terminated};
use nom::{IResult, Parser};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The unit a figure is written in. Money units know their scale to kronor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// No unit written (the table or document default applies).
    #[default]
    None,
    Kr,
    Tkr,
    Mnkr,
    Percent,
    Hours,
    /// Euro ("195,00 €"): money, but never turned into kronor.
    Eur,
}

impl Unit {
    /// How many kronor one of this unit is, for money units.
    pub fn kronor_scale(self) -> Option<Decimal> {
        match self {
            Unit::Kr => Some(Decimal::ONE),
            Unit::Tkr => Some(Decimal::from(1_000)),
            Unit::Mnkr => Some(Decimal::from(1_000_000)),
            _ => None,
        }
    }

    pub fn is_money(self) -> bool {
        self.kronor_scale().is_some()
    }

    /// The canonical short name ("tkr", "%"), as reports print it.
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::None => "",
            Unit::Kr => "kr",
            Unit::Tkr => "tkr",
            Unit::Mnkr => "mnkr",
            Unit::Percent => "%",
            Unit::Hours => "h",
            Unit::Eur => "€",
        }
    }

    /// Reads a unit word on its own ("tkr", "MSEK", "procent"), e.g. from "(tkr)" in a
    /// table caption. Case-insensitive; `None` when it is no unit word.
    pub fn from_word(word: &str, vocab: &Vocabulary) -> Option<Unit> {
        let w = word.trim();
        match unit(w, vocab) {
            Ok(("", u)) => Some(u),
            _ => None,
        }
    }
}

/// The unit a caption or column header names for the figures under it: "Belopp netto
/// (tkr)", "DRIFT (tkr)", "Kostnad, kr", "Andel %", "Belopp i tusen kronor". A unit in
/// parentheses wins; otherwise the last unit word counts.
pub fn unit_named_in(text: &str, vocab: &Vocabulary) -> Option<Unit> {
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(')') else { break };
        if let Some(u) = Unit::from_word(&after[..close], vocab) {
            return Some(u);
        }
        rest = &after[close + 1..];
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '/'))
        .filter(|w| !w.is_empty())
        .collect();
    // From the end; a two-word unit ("tusen kronor") before its last word alone.
    (0..words.len()).rev().find_map(|i| {
        let two = (i > 0).then(|| format!("{} {}", words[i - 1], words[i]));
        two.as_deref()
            .and_then(|w| Unit::from_word(w, vocab))
            .or_else(|| Unit::from_word(words[i].trim_end_matches(':'), vocab))
    })
}

/// A figure as written: its value, unit, and how many decimals the writer used (the
/// precision that sets the rounding tolerance).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    pub value: Decimal,
    pub unit: Unit,
    pub decimals: u32,
    pub raw: String,
    /// A footnote mark glued after the figure ("¹", "*"), not part of the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<String>,
}

impl Figure {
    /// Half of the last written digit, in the figure's own unit: "1 278" → 0.5,
    /// "18,41" → 0.005.
    pub fn half_unit(&self) -> Decimal {
        Decimal::new(5, self.decimals + 1)
    }

    /// The value in kronor, for money figures ("3,8 mnkr" → 3 800 000).
    pub fn to_kronor(&self) -> Option<Decimal> {
        self.value.checked_mul(self.unit.kronor_scale()?)
    }

    /// The rounding tolerance in kronor, for money figures ("3,8 mnkr" → 50 000).
    pub fn half_unit_kronor(&self) -> Option<Decimal> {
        self.half_unit().checked_mul(self.unit.kronor_scale()?)
    }

    /// The interval the written figure stands for: [v − u/2, v + u/2] in its own unit.
    pub fn interval(&self) -> (Decimal, Decimal) {
        let h = self.half_unit();
        (self.value - h, self.value + h)
    }
}

// ---------------------------------------------------------------------------------
// The grammar

pub(super) fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

fn is_sign(c: char) -> bool {
    matches!(c, '-' | '−' | '‐' | '‑' | '‒' | '–' | '+')
}

pub(super) fn digits_m_n(min: usize, max: usize) -> impl FnMut(&str) -> IResult<&str, &str> {
    move |i| take_while_m_n(min, max, |c: char| c.is_ascii_digit()).parse(i)
}

pub(super) fn no_digit_follows(i: &str) -> IResult<&str, ()> {
    not(peek(satisfy(|c: char| c.is_ascii_digit()))).parse(i)
}

/// `digit{1,3} (space digit{3})+` — a thousands-grouped integer, each group ending where
/// the digits end ("12 3456" is not grouped).
pub(super) fn grouped_integer(i: &str) -> IResult<&str, &str> {
    recognize(pair(
        terminated(digits_m_n(1, 3), no_digit_follows),
        many1(preceded(
            satisfy(is_group_space),
            terminated(digits_m_n(3, 3), no_digit_follows),
        )),
    ))
    .parse(i)
}

fn integer(i: &str) -> IResult<&str, &str> {
    alt((grouped_integer, digits_m_n(1, usize::MAX))).parse(i)
}

fn fraction(i: &str) -> IResult<&str, &str> {
    preceded(satisfy(|c| c == ',' || c == '.'), digits_m_n(1, usize::MAX)).parse(i)
}

fn word_end(i: &str) -> IResult<&str, ()> {
    // A footnote mark ("tkr¹") ends a word.
    not(peek(satisfy(|c: char| {
        c.is_alphanumeric() && !is_mark_char(c)
    })))
    .parse(i)
}

/// A unit word or sign from the vocabulary (grammars/units.vocab), longest first,
/// case-insensitive. Words must end where the word ends ("5 krav" has no unit).
fn unit<'i>(i: &'i str, vocab: &Vocabulary) -> IResult<&'i str, Unit> {
    for (word, u) in vocab.unit_words() {
        if let Some(rest) = strip_prefix_ci(i, word) {
            let needs_boundary = word.chars().next_back().is_some_and(char::is_alphanumeric);
            if !needs_boundary || word_end(rest).is_ok() {
                return Ok((rest, *u));
            }
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Tag,
    )))
}

/// `i` without a leading `lower` (already lower-case), compared case-insensitively; a
/// space in `lower` matches any one space character.
pub(super) fn strip_prefix_ci<'a>(i: &'a str, lower: &str) -> Option<&'a str> {
    let mut rest = i;
    for want in lower.chars() {
        let mut it = rest.chars();
        let got = it.next()?;
        let same = if want == ' ' {
            got.is_whitespace()
        } else {
            got == want || got.to_lowercase().eq(std::iter::once(want))
        };
        if !same {
            return None;
        }
        rest = it.as_str();
    }
    Some(rest)
}

/// The parts of a figure as the parser found them, before the value is built.
struct Parts<'a> {
    negative: bool,
    integer: &'a str,
    fraction: Option<&'a str>,
    unit: Unit,
}

/// `figure` of the grammar. `detached_sign` allows "- 4 460" (a cell) but not in prose,
/// where "– 1 person" is a bullet.
fn figure_parts<'v>(
    detached_sign: bool,
    vocab: &'v Vocabulary,
) -> impl FnMut(&str) -> IResult<&str, Parts<'_>> + 'v {
    move |i: &str| {
        let (i, sign) = opt(satisfy(is_sign)).parse(i)?;
        let i = match sign {
            Some(_) if detached_sign => opt(satisfy(is_group_space)).parse(i)?.0,
            _ => i,
        };
        let (i, integer) = integer(i)?;
        let (i, fraction) = opt(fraction).parse(i)?;
        let (i, unit) = opt(preceded(opt(satisfy(is_group_space)), |i| unit(i, vocab))).parse(i)?;
        Ok((
            i,
            Parts {
                negative: matches!(sign, Some(c) if c != '+'),
                integer,
                fraction,
                unit: unit.unwrap_or_default(),
            },
        ))
    }
}

/// Integer digits a figure may have: a kommun's whole budget in kronor has eleven.
/// Longer digit runs (an account number, glued groups of a text dump, hostile input)
/// are not figures, and the arithmetic on figures stays far from `Decimal`'s limits.
pub const MAX_INTEGER_DIGITS: usize = 15;

impl Parts<'_> {
    fn into_figure(self, raw: &str) -> Option<Figure> {
        let integer_digits = self.integer.chars().filter(char::is_ascii_digit).count();
        if integer_digits > MAX_INTEGER_DIGITS {
            return None;
        }
        let mut mantissa: i128 = 0;
        for c in self
            .integer
            .chars()
            .chain(self.fraction.unwrap_or("").chars())
        {
            if let Some(d) = c.to_digit(10) {
                mantissa = mantissa.checked_mul(10)?.checked_add(i128::from(d))?;
            }
        }
        let decimals = self.fraction.map_or(0, |f| f.len() as u32);
        if self.negative {
            mantissa = -mantissa;
        }
        let value = Decimal::try_from_i128_with_scale(mantissa, decimals).ok()?;
        Some(Figure {
            value,
            unit: self.unit,
            decimals,
            raw: raw.to_string(),
            mark: None,
        })
    }
}

/// Parses a whole cell or token as one figure; `None` when it is not exactly one.
/// "(1 234)" and "( 1 234 )" are negative; a glued footnote mark ("1 234¹", "1 234*")
/// is kept in [`Figure::mark`].
pub fn parse_figure(text: &str, vocab: &Vocabulary) -> Option<Figure> {
    let t = text.trim();
    if let Some(f) = plain_figure(t, vocab) {
        return Some(f);
    }
    if let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        let inner = inner.trim_matches(is_group_space);
        if inner.starts_with(is_sign) || inner.contains(['(', ')']) {
            return None;
        }
        let mut f = parse_figure(inner, vocab)?;
        f.value = -f.value;
        f.raw = t.to_string();
        return Some(f);
    }
    let body = t.trim_end_matches(is_mark_char);
    if body.len() == t.len() || body.is_empty() || body.ends_with(is_group_space) {
        return None;
    }
    let mark = &t[body.len()..];
    // One kind of mark: "¹²" or "**", not "*¹".
    let stars = mark.chars().all(|c| c == '*');
    if !stars && mark.contains('*') || mark.chars().count() > 3 {
        return None;
    }
    let mut f = plain_figure(body, vocab)?;
    f.raw = t.to_string();
    f.mark = Some(mark.to_string());
    Some(f)
}

fn plain_figure(t: &str, vocab: &Vocabulary) -> Option<Figure> {
    match figure_parts(true, vocab)(t) {
        Ok(("", parts)) => parts.into_figure(t),
        _ => None,
    }
}

/// A table cell's figure and the currency mark written with it (grammars/
/// currencies.vocab): before it ("kr 1 449", "€ 195", "NOK 1 449", "kr. 2.282,50") or
/// after it ("195,00 €", "19 500,-", "1 449 kr.", "1 449 kr/år", "1,85 € / kg": a price
/// per something, kept in the cell's text). Returns the text of the figure and the unit
/// the mark stands for; `None` when the cell writes no mark so. Whether that text is one
/// figure is the cell's to read. A mark ending in a letter stands apart from a figure
/// after it ("kr1 449" is not so written) and ends its word before one ("1 449 krav").
pub fn currency_split<'a>(text: &'a str, vocab: &Vocabulary) -> Option<(&'a str, Unit)> {
    let t = text.trim();
    // Only what a figure is written with: digits, group spaces, a decimal comma or
    // point, a sign, parentheses ("2 tillfällen a 15 000 kr" is no figure).
    let opens_figure = |s: &str| {
        s.starts_with(|c: char| c.is_ascii_digit() || is_sign(c) || c == '(')
            && s.chars().all(|c| {
                c.is_ascii_digit() || is_group_space(c) || is_sign(c) || ",.()".contains(c)
            })
    };
    for (mark, unit) in vocab.currency_marks() {
        let letter = mark.chars().next_back().is_some_and(char::is_alphanumeric);
        if let Some(rest) = strip_prefix_ci(t, mark) {
            let apart = rest.starts_with(char::is_whitespace);
            let body = rest.trim();
            if (apart || !letter) && opens_figure(body) {
                return Some((body, *unit));
            }
        }
    }
    for (mark, unit) in vocab.currency_marks() {
        let letter = mark.chars().next_back().is_some_and(char::is_alphanumeric);
        for (i, _) in t.char_indices().skip(1) {
            let Some(after) = strip_prefix_ci(&t[i..], mark) else {
                continue;
            };
            let body = t[..i].trim_end();
            if !body.ends_with(|c: char| c.is_ascii_digit() || c == ')')
                || !opens_figure(body)
                || (letter && word_end(after).is_err())
                || !per_part(after)
            {
                continue;
            }
            return Some((body, *unit));
        }
    }
    None
}

/// What may follow a currency mark after its figure: nothing, or "/" and one word that
/// names what the price is per ("/år", "/m³", "/tömning", " / kg").
fn per_part(after: &str) -> bool {
    let after = after.trim();
    if after.is_empty() {
        return true;
    }
    let Some(per) = after.strip_prefix('/').map(str::trim_start) else {
        return false;
    };
    per.starts_with(char::is_alphabetic)
        && per
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '/' | '-' | '³' | '²'))
}

/// A footnote mark glued after a figure: a superscript digit or an asterisk.
pub fn is_mark_char(c: char) -> bool {
    matches!(
        c,
        '*' | '¹' | '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹' | '⁰'
    )
}

/// A figure of two or more integer digits written with a point and one digit (not 0)
/// after it and no unit ("2025.2", "1 234.5"): a decimal point, or a footnote number
/// glued after the figure with a point. Only the figures around it tell which (a column
/// of point decimals, or of whole numbers); alone it is not decided. Small values ("0.8",
/// "4.1": versions, ratings) and ".0" (no footnote is numbered 0) are decimals.
pub fn point_fraction_may_be_mark(raw: &str, vocab: &Vocabulary) -> bool {
    let t = raw.trim();
    let Some((int, frac)) = t.rsplit_once('.') else {
        return false;
    };
    let int_digits = int.chars().filter(char::is_ascii_digit).count();
    int_digits >= 2
        && frac.len() == 1
        && frac != "0"
        && frac.chars().all(|c| c.is_ascii_digit())
        && int.chars().last().is_some_and(|c| c.is_ascii_digit())
        && plain_figure(t, vocab).is_some_and(|f| f.unit == Unit::None && f.decimals == 1)
}

/// A number written with a point between its thousands ("121.194", "1.234.567",
/// "-2.819", and with decimals after a comma "-2.093,8", as Danish and German tables
/// write): its value, how many points group it and how many decimals follow the comma;
/// `None` when it is not so written (a point followed by other than three digits, a
/// unit, anything else). Whether a lone point ("121.194") groups thousands or starts
/// decimals only the table can tell; two or more ("1.234.567"), or a point before a
/// decimal comma ("2.093,8"), can only group thousands.
pub fn dotted_thousands(raw: &str) -> Option<(Decimal, usize, u32)> {
    let t = raw.trim();
    // In parentheses, the accountants' negative ("(1.234)"), as for every figure.
    if let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        let inner = inner.trim_matches(is_group_space);
        if inner.starts_with(is_sign) || inner.contains(['(', ')']) {
            return None;
        }
        let (value, points, decimals) = dotted_thousands(inner)?;
        return Some((-value, points, decimals));
    }
    let (t, fraction) = match t.rsplit_once(',') {
        Some((int, f))
            if !f.is_empty() && f.len() <= 6 && f.chars().all(|c| c.is_ascii_digit()) =>
        {
            (int, f)
        }
        Some(_) => return None,
        None => (t, ""),
    };
    let (negative, body) = match t.chars().next() {
        Some(c) if is_sign(c) => (
            c != '+',
            t[c.len_utf8()..].trim_start_matches(is_group_space),
        ),
        _ => (false, t),
    };
    let groups: Vec<&str> = body.split('.').collect();
    let first = groups.first()?;
    if groups.len() < 2
        || first.is_empty()
        || first.len() > 3
        // "0.125" is a decimal: no thousands grouping starts with a zero.
        || first.starts_with('0')
        || !first.chars().all(|c| c.is_ascii_digit())
        || groups[1..]
            .iter()
            .any(|g| g.len() != 3 || !g.chars().all(|c| c.is_ascii_digit()))
        || groups.iter().map(|g| g.len()).sum::<usize>() > MAX_INTEGER_DIGITS
    {
        return None;
    }
    let digits: String = groups.concat();
    let mantissa: i128 = format!("{digits}{fraction}").parse().ok()?;
    let decimals = fraction.len() as u32;
    let mut value = Decimal::try_from_i128_with_scale(mantissa, decimals).ok()?;
    if negative {
        value = -value;
    }
    Some((value, groups.len() - 1, decimals))
}

// ---------------------------------------------------------------------------------
// Figures in prose

/// Characters that glue a number to a neighbouring one: "2022-03-02", "2021/8",
/// "09.00", "10:45", "1,2,3".
fn is_joiner(c: char) -> bool {
    is_sign(c) || matches!(c, '/' | '.' | ',' | ':')
}

/// Every figure in a line of prose, with its byte range: "underskott på 2 841 tkr",
/// "3,8 mnkr", "4,4%", "5 miljoner". Numbers glued into dates, times, references and
/// words ("2022-03-02", "09.00-10.45", "2021/8", "MS4") are not figures. Years and § numbers
/// come back with `Unit::None`; callers that want amounts filter on the unit.
pub fn find_figures(text: &str, vocab: &Vocabulary) -> Vec<(Range<usize>, Figure)> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        // A sign set apart from its digits ("- 593") is a minus only in a cell, after a
        // tab or a "|"; at a line start "- 5158 konton" is a bullet.
        let in_cell = matches!(prev, Some('\t' | '|'));
        let starts_here = match c {
            '0'..='9' => !prev.is_some_and(|p| p.is_alphanumeric() || is_joiner(p)),
            c if is_sign(c) => {
                !prev.is_some_and(|p| p.is_alphanumeric() || is_joiner(p))
                    && (iter.peek().is_some_and(|(_, n)| n.is_ascii_digit())
                        || in_cell
                            && text[start + c.len_utf8()..]
                                .strip_prefix(' ')
                                .is_some_and(|r| r.starts_with(|d: char| d.is_ascii_digit())))
            }
            _ => false,
        };
        if starts_here {
            if let Ok((rest, parts)) = figure_parts(in_cell, vocab)(&text[start..]) {
                let end = text.len() - rest.len();
                if ends_cleanly(rest, parts.unit) {
                    if let Some(mut fig) = parts.into_figure(&text[start..end]) {
                        let after = rest.trim_start_matches(is_mark_char);
                        if after.len() < rest.len() && rest.starts_with(|c| c != '*') {
                            fig.mark = Some(rest[..rest.len() - after.len()].to_string());
                        }
                        out.push((start..end, fig));
                        prev = text[..end].chars().next_back();
                        while iter.peek().is_some_and(|(i, _)| *i < end) {
                            iter.next();
                        }
                        continue;
                    }
                }
            }
        }
        prev = Some(c);
    }
    out
}

/// After a figure in prose: no letter or digit, and no joiner followed by a digit.
fn ends_cleanly(rest: &str, unit: Unit) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        // A footnote mark ("1 234¹") ends the figure; a letter or digit does not.
        Some(c) if is_mark_char(c) => !rest
            .trim_start_matches(is_mark_char)
            .starts_with(char::is_alphanumeric),
        Some(c) if c.is_alphanumeric() => false,
        // "4,4%." or "tkr." ends a sentence; "2021." too, but "09.00" never gets here.
        Some(c) if is_joiner(c) => {
            !chars.next().is_some_and(|n| n.is_ascii_digit()) || unit != Unit::None && c == '.'
        }
        Some(_) => true,
    }
}

// ---------------------------------------------------------------------------------
// Flat table rows

/// What a whitespace-separated token of a flat table row can be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowTokenKind {
    /// A lone minus ("- 4 460"): either the sign of the next figure or a dash for an
    /// empty cell.
    Sign,
    /// A number on its own ("174", "1", "633", "18,41", "940", "000kr").
    Number {
        /// 1–3 digits, no decimals, no unit: may be the first group of a larger figure.
        leads_group: bool,
        /// Exactly 3 digits, unsigned: may be a thousands group of the figure before.
        continues_group: bool,
    },
    /// A unit on its own ("%", "tkr"): belongs to the figure before it.
    Unit(Unit),
    /// Anything else (label words, "MS4", "2300" is a Number).
    Word,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowToken {
    /// Byte range in the line.
    pub range: Range<usize>,
    pub kind: RowTokenKind,
}

/// The whitespace-separated tokens of a row, classified, so that the table stage can
/// enumerate the ways its digit groups make figures (see [`segmentations`]).
pub fn number_tokens(line: &str, vocab: &Vocabulary) -> Vec<RowToken> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), ' ')))
    {
        // A no-break or thin space is never a column gap: it stays inside the token.
        let gap =
            c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}');
        if gap {
            if let Some(s) = start.take() {
                out.push(RowToken {
                    range: s..i,
                    kind: classify(&line[s..i], vocab),
                });
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    out
}

fn classify(tok: &str, vocab: &Vocabulary) -> RowTokenKind {
    let mut chars = tok.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if is_sign(c) && c != '+' {
            return RowTokenKind::Sign;
        }
    }
    if let Some(u) = Unit::from_word(tok, vocab) {
        return RowTokenKind::Unit(u);
    }
    match figure_parts(false, vocab)(tok) {
        Ok(("", parts)) => {
            let signed = tok.starts_with(is_sign);
            let n = parts.integer.len();
            RowTokenKind::Number {
                leads_group: n <= 3 && parts.fraction.is_none() && parts.unit == Unit::None,
                continues_group: n == 3 && !signed,
            }
        }
        _ => RowTokenKind::Word,
    }
}

/// Index of the first token of the row's trailing run of numbers (signs, numbers and
/// unit tokens); `tokens.len()` when the row ends in a word. Everything before is label.
pub fn numeric_tail(tokens: &[RowToken]) -> usize {
    let mut start = tokens.len();
    while start > 0 && !matches!(tokens[start - 1].kind, RowTokenKind::Word) {
        start -= 1;
    }
    // A unit cannot begin the figures; it belongs to the label ("Kostnad tkr 1 2").
    while start < tokens.len() && matches!(tokens[start].kind, RowTokenKind::Unit(_)) {
        start += 1;
    }
    start
}

/// One cell of a segmented row: a figure, or a lone dash standing for an empty cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Byte range in the line.
    pub range: Range<usize>,
    pub figure: Option<Figure>,
}

/// Every way the tokens (a numeric run from [`number_tokens`], e.g. from
/// [`numeric_tail`]) can be read as a sequence of figures, optionally only those with
/// exactly `cells` figures; at most `limit` readings. "174 1 633 0 0 0" gives, among
/// others, [174, 1, 633, 0, 0, 0] and [174, 1 633, 0, 0, 0]. Each reading covers every
/// token; an empty result means the tokens are no run of figures.
pub fn segmentations(
    line: &str,
    tokens: &[RowToken],
    cells: Option<usize>,
    limit: usize,
    vocab: &Vocabulary,
) -> Vec<Vec<Segment>> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    let row = TokenRow {
        line,
        tokens,
        vocab,
    };
    segment_from(&row, 0, cells, limit, &mut current, &mut out);
    out
}

/// The row [`segment_from`] reads: its text, its tokens and the vocabulary of units.
struct TokenRow<'a> {
    line: &'a str,
    tokens: &'a [RowToken],
    vocab: &'a Vocabulary,
}

fn segment_from(
    row: &TokenRow<'_>,
    at: usize,
    cells: Option<usize>,
    limit: usize,
    current: &mut Vec<Segment>,
    out: &mut Vec<Vec<Segment>>,
) {
    let (line, tokens) = (row.line, row.tokens);
    if out.len() >= limit {
        return;
    }
    if at == tokens.len() {
        if cells.is_none_or(|n| n == current.len()) {
            out.push(current.clone());
        }
        return;
    }
    if let Some(n) = cells {
        // Each remaining figure needs at least one token.
        if current.len() >= n {
            return;
        }
    }
    let first = &tokens[at];
    let mut options: Vec<usize> = Vec::new(); // how many tokens the next figure takes
    match first.kind {
        RowTokenKind::Word | RowTokenKind::Unit(_) => return,
        RowTokenKind::Sign => {
            // A lone dash is an empty cell …
            current.push(Segment {
                range: first.range.clone(),
                figure: None,
            });
            segment_from(row, at + 1, cells, limit, current, out);
            current.pop();
            // … or the sign of the figure that follows.
            if matches!(
                tokens.get(at + 1).map(|t| t.kind),
                Some(RowTokenKind::Number { .. })
            ) {
                let signed: Vec<usize> = figure_lengths(tokens, at + 1)
                    .into_iter()
                    .map(|k| k + 1)
                    .collect();
                options.extend(signed);
            }
        }
        RowTokenKind::Number { .. } => options.extend(figure_lengths(tokens, at)),
    }
    for k in options {
        let range = tokens[at].range.start..tokens[at + k - 1].range.end;
        if let Some(figure) = parse_figure(&line[range.clone()], row.vocab) {
            current.push(Segment {
                range,
                figure: Some(figure),
            });
            segment_from(row, at + k, cells, limit, current, out);
            current.pop();
        }
    }
}

/// How many tokens a figure starting at the number token `at` may take: itself, plus
/// any run of thousands groups when it can lead one, plus a trailing unit token.
fn figure_lengths(tokens: &[RowToken], at: usize) -> Vec<usize> {
    let mut lens = vec![1];
    if let RowTokenKind::Number {
        leads_group: true, ..
    } = tokens[at].kind
    {
        let mut k = 1;
        while let Some(RowToken {
            kind:
                RowTokenKind::Number {
                    continues_group: true,
                    leads_group,
                },
            ..
        }) = tokens.get(at + k)
        {
            k += 1;
            lens.push(k);
            // "278,5" or "000kr" ends the figure.
            if !leads_group {
                break;
            }
        }
    }
    let mut with_unit = Vec::new();
    for &k in &lens {
        if let Some(RowToken {
            kind: RowTokenKind::Unit(_),
            ..
        }) = tokens.get(at + k)
        {
            with_unit.push(k + 1);
        }
    }
    // A unit token must attach to the figure before it: drop readings that leave it.
    if !with_unit.is_empty() {
        lens.retain(|k| {
            !matches!(
                tokens.get(at + k).map(|t| t.kind),
                Some(RowTokenKind::Unit(_))
            )
        });
    }
    lens.extend(with_unit);
    lens
}

// ---------------------------------------------------------------------------------
// Formatting (the inverse, for reports and for the round-trip property test)

/// How a writer sets figures: the thousands separator and the minus sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    pub group: char,
    pub minus: &'static str,
    pub decimal: char,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            group: ' ',
            minus: "-",
            decimal: ',',
        }
    }
}

/// Writes a value the Swedish way: "−4 460", "18,41". Keeps the value's own scale.
pub fn format_decimal(value: Decimal, style: Style) -> String {
    let s = value.abs().to_string();
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::new();
    if value.is_sign_negative() && !value.is_zero() {
        out.push_str(style.minus);
    }
    let n = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(style.group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(style.decimal);
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // The functions under test, with the built-in vocabulary.
    fn v() -> &'static Vocabulary {
        Vocabulary::builtin_shared()
    }
    fn parse_figure(s: &str) -> Option<Figure> {
        super::parse_figure(s, v())
    }
    fn find_figures(s: &str) -> Vec<(Range<usize>, Figure)> {
        super::find_figures(s, v())
    }
    fn point_fraction_may_be_mark(s: &str) -> bool {
        super::point_fraction_may_be_mark(s, v())
    }
    fn unit_named_in(s: &str) -> Option<Unit> {
        super::unit_named_in(s, v())
    }
    fn number_tokens(s: &str) -> Vec<RowToken> {
        super::number_tokens(s, v())
    }

    #[test]
    fn currency_marks_before_or_after_a_cell_figure() {
        let split = |s| currency_split(s, v());
        assert_eq!(split("kr 1 449"), Some(("1 449", Unit::Kr)));
        assert_eq!(split("kr.  2.282,50"), Some(("2.282,50", Unit::Kr)));
        assert_eq!(split("NOK 1 449"), Some(("1 449", Unit::Kr)));
        assert_eq!(split("DKK 1.449,00"), Some(("1.449,00", Unit::Kr)));
        assert_eq!(split("€ 195"), Some(("195", Unit::Eur)));
        assert_eq!(split("€195"), Some(("195", Unit::Eur)));
        assert_eq!(split("195,00 €"), Some(("195,00", Unit::Eur)));
        assert_eq!(split("19 500,-"), Some(("19 500", Unit::Kr)));
        assert_eq!(split("1 449 kr."), Some(("1 449", Unit::Kr)));
        assert_eq!(split("1 449 kr/år"), Some(("1 449", Unit::Kr)));
        assert_eq!(split("8,61 kr/m³"), Some(("8,61", Unit::Kr)));
        assert_eq!(split("1,85 € / kg"), Some(("1,85", Unit::Eur)));
        assert_eq!(split("22,78 €/tömning"), Some(("22,78", Unit::Eur)));
        // Not so written: a mark glued before the figure, a word going on, text after.
        assert_eq!(split("kr1 449"), None);
        assert_eq!(split("12 krav"), None);
        assert_eq!(split("1 449 kr per år"), None);
        assert_eq!(split("1 449 kr/3 mån"), None);
        assert_eq!(split("Avgift kr"), None);
        assert_eq!(split("2 tillfällen a 15 000 kr"), None);
    }

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap_or_else(|_| panic!("bad decimal {s}"))
    }

    fn fig(s: &str) -> (Decimal, Unit, u32) {
        let f = parse_figure(s).unwrap_or_else(|| panic!("{s:?} should parse"));
        (f.value, f.unit, f.decimals)
    }

    #[test]
    fn cells_with_groups_signs_and_units() {
        assert_eq!(fig("1 278"), (dec("1278"), Unit::None, 0));
        assert_eq!(fig("1\u{a0}278"), (dec("1278"), Unit::None, 0));
        assert_eq!(fig("1\u{202f}278"), (dec("1278"), Unit::None, 0));
        assert_eq!(fig("1\u{2009}278 000"), (dec("1278000"), Unit::None, 0));
        assert_eq!(fig("-3 445"), (dec("-3445"), Unit::None, 0));
        assert_eq!(fig("−3 445"), (dec("-3445"), Unit::None, 0));
        assert_eq!(fig("‐245"), (dec("-245"), Unit::None, 0));
        assert_eq!(fig("–22,00"), (dec("-22.00"), Unit::None, 2));
        assert_eq!(fig("- 4 460"), (dec("-4460"), Unit::None, 0));
        assert_eq!(fig("18,41 %"), (dec("18.41"), Unit::Percent, 2));
        assert_eq!(fig("14.05%"), (dec("14.05"), Unit::Percent, 2));
        assert_eq!(fig("940 000kr"), (dec("940000"), Unit::Kr, 0));
        assert_eq!(fig("1428h"), (dec("1428"), Unit::Hours, 0));
        assert_eq!(fig("3,8 mnkr"), (dec("3.8"), Unit::Mnkr, 1));
        assert_eq!(fig("1,5 MSEK"), (dec("1.5"), Unit::Mnkr, 1));
        assert_eq!(fig("2 Mkr"), (dec("2"), Unit::Mnkr, 0));
        assert_eq!(fig("2 mkr"), (dec("2"), Unit::Mnkr, 0));
        assert_eq!(fig("5 miljoner"), (dec("5"), Unit::Mnkr, 0));
        assert_eq!(fig("2 841 tkr"), (dec("2841"), Unit::Tkr, 0));
        assert_eq!(fig("54,6 procent"), (dec("54.6"), Unit::Percent, 1));
        assert_eq!(fig("5130"), (dec("5130"), Unit::None, 0));
        assert_eq!(fig("0"), (dec("0"), Unit::None, 0));
    }

    #[test]
    fn minus_forms_and_thin_spaces() {
        // U+2212 minus, en dash glued or set apart, with every thousands space.
        for (s, v) in [
            ("−1\u{2009}234", "-1234"),
            ("−1\u{202f}234", "-1234"),
            ("−1\u{a0}234", "-1234"),
            ("–1 234", "-1234"),
            ("– 1 234", "-1234"),
            ("– 1\u{2009}234,5", "-1234.5"),
            ("− 614", "-614"),
        ] {
            assert_eq!(fig(s).0, dec(v), "{s:?}");
        }
    }

    #[test]
    fn parentheses_are_negative() {
        assert_eq!(fig("(1 234)"), (dec("-1234"), Unit::None, 0));
        assert_eq!(fig("( 1 234 )"), (dec("-1234"), Unit::None, 0));
        assert_eq!(fig("(1\u{2009}234,5)"), (dec("-1234.5"), Unit::None, 1));
        assert_eq!(fig("(12 tkr)"), (dec("-12"), Unit::Tkr, 0));
        assert_eq!(
            parse_figure("(1 234)").map(|f| f.raw),
            Some("(1 234)".into())
        );
        for s in [
            "(-1 234)", "((1))", "(1 234", "1 234)", "()", "( )", "(1 27)",
        ] {
            assert_eq!(parse_figure(s), None, "{s:?}");
        }
    }

    #[test]
    fn footnote_marks_are_kept_apart() {
        let f = parse_figure("1 234¹").unwrap_or_else(|| panic!("1 234¹"));
        assert_eq!((f.value, f.mark.as_deref()), (dec("1234"), Some("¹")));
        let f = parse_figure("−1 234*").unwrap_or_else(|| panic!("−1 234*"));
        assert_eq!((f.value, f.mark.as_deref()), (dec("-1234"), Some("*")));
        let f = parse_figure("18,4 %²").unwrap_or_else(|| panic!("18,4 %²"));
        assert_eq!(
            (f.value, f.unit, f.mark.as_deref()),
            (dec("18.4"), Unit::Percent, Some("²"))
        );
        assert_eq!(parse_figure("1 234").and_then(|f| f.mark), None);
        // A mark set apart, mixed marks, or a mark alone are no figure.
        for s in ["1 234 ¹", "1 234*¹", "¹", "*", "1 234****"] {
            assert_eq!(parse_figure(s), None, "{s:?}");
        }
    }

    #[test]
    fn point_and_one_digit_may_be_a_mark() {
        assert_eq!(
            super::dotted_thousands("121.194"),
            Some((Decimal::from(121_194), 1, 0))
        );
        assert_eq!(
            super::dotted_thousands("-1.234.567"),
            Some((Decimal::from(-1_234_567), 2, 0))
        );
        assert_eq!(
            super::dotted_thousands("− 2.819"),
            Some((Decimal::from(-2819), 1, 0))
        );
        assert_eq!(
            super::dotted_thousands("-2.093,8"),
            Some((Decimal::new(-20938, 1), 1, 1))
        );
        for raw in [
            "12.63",
            "1234.567",
            "1.2345",
            "2.819 tkr",
            "1,234.567",
            "248",
            ".123",
            "1.234.",
            "2.093,",
            "768,2",
            "0.125",
            "012.345",
        ] {
            assert_eq!(super::dotted_thousands(raw), None, "{raw:?}");
        }
        assert!(point_fraction_may_be_mark("2025.2"));
        assert!(point_fraction_may_be_mark("1 234.5"));
        assert!(!point_fraction_may_be_mark("2025,2"));
        assert!(!point_fraction_may_be_mark("14.05"));
        assert!(!point_fraction_may_be_mark("14.5%"));
        assert!(!point_fraction_may_be_mark("2025"));
        assert!(!point_fraction_may_be_mark("2025."));
        assert!(!point_fraction_may_be_mark("0.8"));
        assert!(!point_fraction_may_be_mark("258.0"));
    }

    #[test]
    fn prose_keeps_superscript_marks_apart() {
        let f = find_figures("ett underskott på 2 841 tkr¹ vid");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].1.value, dec("2841"));
        assert_eq!(f[0].1.mark.as_deref(), Some("¹"));
        assert_eq!(found("totalt 1 234² personer")[0].1, dec("1234"));
        assert_eq!(found("minskade med −1\u{2009}234 tkr")[0].1, dec("-1234"));
    }

    #[test]
    fn not_one_figure() {
        for s in [
            "",
            "-",
            "tkr",
            "174 1 633",
            "12 3456",
            "1 27",
            "1  278",
            "MS4",
            "2022-03-02",
            "1,",
            "abc",
            "5 krav",
            "1 278 x",
        ] {
            assert_eq!(parse_figure(s), None, "{s:?}");
        }
    }

    #[test]
    fn huge_numbers_do_not_panic() {
        assert_eq!(parse_figure(&"9".repeat(60)), None);
        // Fifteen integer digits are a figure, sixteen are not (an account number, or
        // digit groups glued together).
        assert!(parse_figure(&"9".repeat(MAX_INTEGER_DIGITS)).is_some());
        assert_eq!(parse_figure(&"9".repeat(MAX_INTEGER_DIGITS + 1)), None);
        assert!(parse_figure("123 456 789 012 345,5").is_some());
        assert_eq!(parse_figure("1 234 567 890 123 456"), None);
    }

    #[test]
    fn precision_and_kronor() {
        let f = parse_figure("3,8 mnkr").unwrap_or_else(|| panic!());
        assert_eq!(f.to_kronor(), Some(dec("3800000")));
        assert_eq!(f.half_unit(), dec("0.05"));
        assert_eq!(f.half_unit_kronor(), Some(dec("50000")));
        let p = parse_figure("18,41 %").unwrap_or_else(|| panic!());
        assert_eq!(p.half_unit(), dec("0.005"));
        assert_eq!(p.to_kronor(), None);
        assert_eq!(
            parse_figure("1 278").map(|f| f.interval()),
            Some((dec("1277.5"), dec("1278.5")))
        );
    }

    fn found(s: &str) -> Vec<(String, Decimal, Unit)> {
        find_figures(s)
            .into_iter()
            .map(|(r, f)| (s[r].to_string(), f.value, f.unit))
            .collect()
    }

    #[test]
    fn figures_in_prose() {
        assert_eq!(
            found("Totalt visar servicenämnderna ett underskott på 2 841 tkr vid"),
            vec![("2 841 tkr".into(), dec("2841"), Unit::Tkr)]
        );
        assert_eq!(
            found("ett underskott för året med 3,8 mnkr. Investeringsbudgeten"),
            vec![("3,8 mnkr".into(), dec("3.8"), Unit::Mnkr)]
        );
        assert_eq!(
            found("effektiviseringsuppdrag på 4,4% (motsvarande 5 miljoner)"),
            vec![
                ("4,4%".into(), dec("4.4"), Unit::Percent),
                ("5 miljoner".into(), dec("5"), Unit::Mnkr)
            ]
        );
        assert_eq!(
            found("16tkr/ medarbetare"),
            vec![("16tkr".into(), dec("16"), Unit::Tkr)]
        );
    }

    #[test]
    fn dates_times_and_references_are_not_figures() {
        assert!(found("daterad 2014-05-06, ska").is_empty());
        assert!(found("kl. 09.00-10.45").is_empty());
        assert!(found("Dnr 2021/8 och ITVT § 3/2022-03-02").is_empty());
        assert!(found("MS4 och IT-Chef").is_empty());
        assert!(found("2023-2025").is_empty());
        // A bullet dash is not a minus sign in prose.
        assert_eq!(
            found("– 1 person jobbar 60%"),
            vec![
                ("1".into(), dec("1"), Unit::None),
                ("60%".into(), dec("60"), Unit::Percent)
            ]
        );
    }

    fn readings(line: &str, cells: Option<usize>) -> Vec<Vec<String>> {
        let toks = number_tokens(line);
        let tail = numeric_tail(&toks);
        segmentations(line, &toks[tail..], cells, 1000, v())
            .into_iter()
            .map(|r| r.into_iter().map(|s| line[s.range].to_string()).collect())
            .collect()
    }

    #[test]
    fn flat_rows_enumerate_segmentations() {
        let r = readings("Resultat 174 1 633 0 0 0", Some(6));
        assert!(r.contains(
            &vec!["174", "1", "633", "0", "0", "0"]
                .into_iter()
                .map(String::from)
                .collect()
        ));
        assert_eq!(r.len(), 1, "{r:?}");
        let five = readings("Resultat 174 1 633 0 0 0", Some(5));
        assert!(five.contains(
            &vec!["174", "1 633", "0", "0", "0"]
                .into_iter()
                .map(String::from)
                .collect()
        ));
        let r = readings("Personalkostnader 4 040 5 554 8 561 8 806 -245", Some(5));
        assert_eq!(r, vec![vec!["4 040", "5 554", "8 561", "8 806", "-245"]]);
        let r = readings("2300 Nätverk 108 1 278 1 278 0", Some(4));
        assert_eq!(r, vec![vec!["108", "1 278", "1 278", "0"]]);
        let r = readings(
            "Totalt Smedjebacken 1258 18,41 % 1236 21,35 % -22,00 2,94 %",
            Some(6),
        );
        assert_eq!(
            r,
            vec![vec![
                "1258", "18,41 %", "1236", "21,35 %", "-22,00", "2,94 %"
            ]]
        );
        let r = readings("IT, växel, telefoni - 593 - 3 867 - 4 460", Some(3));
        assert_eq!(r, vec![vec!["- 593", "- 3 867", "- 4 460"]]);
    }

    #[test]
    fn units_named_in_captions() {
        assert_eq!(unit_named_in("Belopp netto (tkr)"), Some(Unit::Tkr));
        assert_eq!(unit_named_in("DRIFT (tkr)\tBudget 2022"), Some(Unit::Tkr));
        assert_eq!(unit_named_in("Kostnad, kr"), Some(Unit::Kr));
        assert_eq!(unit_named_in("Andel %"), Some(Unit::Percent));
        assert_eq!(unit_named_in("Belopp i tusen kronor"), Some(Unit::Tkr));
        // Norwegian and Danish.
        assert_eq!(unit_named_in("Tall i hele tusen kroner"), Some(Unit::Tkr));
        assert_eq!(unit_named_in("Indtægter (t.kr.)"), Some(Unit::Tkr));
        assert_eq!(unit_named_in("Beløb i mio. kr."), Some(Unit::Mnkr));
        assert_eq!(unit_named_in("Millioner kroner"), Some(Unit::Mnkr));
        assert_eq!(unit_named_in("Kostnad per kommun Fas 2"), None);
        assert_eq!(unit_named_in("Summa (exkl. moms)"), None);
    }

    #[test]
    fn no_break_spaces_always_join() {
        // "1\u{a0}278" is one figure whatever the column count asks for.
        let line = "Nätverk 108 1\u{a0}278 1\u{a0}278 0";
        assert_eq!(
            readings(line, None),
            vec![vec!["108", "1\u{a0}278", "1\u{a0}278", "0"]]
        );
    }

    #[test]
    fn tail_skips_label_with_numbers() {
        let line = "5201 Genomf IT-stategi 1 2";
        let toks = number_tokens(line);
        let tail = numeric_tail(&toks);
        assert_eq!(&line[toks[tail].range.clone()], "1");
    }

    #[test]
    fn format_round_trip_examples() {
        let s = Style {
            group: '\u{a0}',
            minus: "−",
            decimal: ',',
        };
        assert_eq!(format_decimal(dec("-4460"), s), "−4\u{a0}460");
        assert_eq!(format_decimal(dec("18.41"), Style::default()), "18,41");
        assert_eq!(
            format_decimal(dec("1234567.50"), Style::default()),
            "1 234 567,50"
        );
    }
}
