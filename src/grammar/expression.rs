//! Written-out expressions with their result: "1 244 + 1 244 + 150 * 16,00 = 6 109
//! kr/år", "Fast avgift 2 400 kr + 150 m³ × 21,30 kr/m³ = 5 595 kr", "(3 000 − 500) × 12 =
//! 30 000", "Summa: 1 200 + 350 + 75 = 1 625 kr".
//!
//! The grammar (EBNF as in grammars/README.md; `space` is one or more spaces, no tab;
//! `figure` and `times` are product.rs's):
//!
//! ```text
//! statement = sum , [ ws ] , "=" , [ ws ] , figure
//!           | sum , [ ws ] , end of line ;      (* the next line opens with "=" , figure *)
//! sum       = product , { addop , product } ;
//! product   = factor , { mulop , factor } ;
//! factor    = figure | "(" , [ space ] , sum , [ space ] , ")" ;   (* the sum holds an operator *)
//! figure    = magnitude , [ [ space ] , unit ] ;                     (* product.rs: "1 244", "21,30 kr/m³", "150:-" *)
//! addop     = [ space ] , ( "+" | "−" ) , [ space ]
//!           | space , ( "-" | "–" ) , space ;                      (* a hyphen or en dash only between spaces *)
//! mulop     = [ space ] , times , [ space ]                          (* "×" | "*" | "x" | "X" *)
//!           | space , "/" , space | [ space ] , "÷" , [ space ] ;  (* "/" only between spaces *)
//! ```
//!
//! Operator precedence as arithmetic has it (× and / before + and −, left to right), at
//! most [`MAX_DEPTH`] parentheses deep.
//!
//! What is no expression: a sum without an operator, a plain "a x b = c" (PROD001's
//! product), a first figure glued to what stands before it ("E4", "2024-01-01", "kr/år0,5",
//! "10:30") or after an operator, "<=", "§", "#", "x" or a reference word ("nr", "s.",
//! "sid", "kap", "bilaga", "punkt") — after "=" it is read ("Totalt = 6 524,06 + 1269 =
//! 7 793,06": the equation goes on), a figure with a decimal point or an unspaced "-" or
//! "/" (dates, dnr "2023/145", list numbers "1-3", page ranges), a result that is not a
//! figure ("= ca 6", a negative "= −300") or that is followed by an operator and a figure
//! ("= 200 + 50") or, without a unit, by a figure; and a first figure joined to the next
//! by a dash when it is the smaller ("101 - 300 = …", "2023 – 2024": a range). A space-
//! grouped first figure after a word or a figure is read every way ("Rad 12 500": 12 500
//! or 500), as product.rs reads it.

use super::number::is_group_space;
use super::product::{ends_clean, opt_space, past_figure, readings, term, times, Term};
use nom::character::complete::satisfy;
use nom::{IResult, Parser};
use std::ops::Range;

/// How deep parentheses may nest.
pub const MAX_DEPTH: usize = 4;

/// An operator of the grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

/// A parsed expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Figure(Term),
    Paren(Box<Node>),
    Binary {
        op: Op,
        /// The sign as written ("×", "x", "*", "+", "−", "-", "–", "/", "÷").
        sign: char,
        left: Box<Node>,
        right: Box<Node>,
    },
}

impl Node {
    /// The figures, left to right.
    pub fn figures(&self) -> Vec<&Term> {
        let mut out = Vec::new();
        self.collect_figures(&mut out);
        out
    }

    fn collect_figures<'a>(&'a self, out: &mut Vec<&'a Term>) {
        match self {
            Node::Figure(t) => out.push(t),
            Node::Paren(n) => n.collect_figures(out),
            Node::Binary { left, right, .. } => {
                left.collect_figures(out);
                right.collect_figures(out);
            }
        }
    }

    /// The operator signs, left to right.
    pub fn signs(&self) -> Vec<char> {
        match self {
            Node::Figure(_) => Vec::new(),
            Node::Paren(n) => n.signs(),
            Node::Binary {
                sign, left, right, ..
            } => {
                let mut out = left.signs();
                out.push(*sign);
                out.extend(right.signs());
                out
            }
        }
    }

    fn has_operator(&self) -> bool {
        match self {
            Node::Figure(_) => false,
            Node::Paren(n) => n.has_operator(),
            Node::Binary { .. } => true,
        }
    }

    fn first_figure_mut(&mut self) -> Option<&mut Term> {
        match self {
            Node::Figure(t) => Some(t),
            Node::Paren(_) => None,
            Node::Binary { left, .. } => left.first_figure_mut(),
        }
    }

    /// "a x b" of two figures: PROD001's product.
    fn is_plain_product(&self) -> bool {
        matches!(self, Node::Binary { op: Op::Mul, left, right, .. }
            if matches!(**left, Node::Figure(_)) && matches!(**right, Node::Figure(_)))
    }

    /// Whether only hyphens or en dashes join the figures ("3 000 - 500"): the dash may
    /// join a span rather than subtract.
    pub fn only_dashes(&self) -> bool {
        self.signs().iter().all(|c| matches!(c, '-' | '–'))
    }
}

/// One written-out expression and what the line says it comes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expression {
    pub node: Node,
    /// None: the expression ends the line (`product::continued_result` may give it).
    pub result: Option<Term>,
    /// The expression's byte range in its line, result excluded.
    pub left: Range<usize>,
    /// The statement's byte range in its line.
    pub span: Range<usize>,
}

fn error(i: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Char))
}

/// `addop` of the grammar.
fn addop(i: &str) -> IResult<&str, (Op, char)> {
    let (j, _) = opt_space(i)?;
    let spaced = j.len() < i.len();
    let (rest, c) = satisfy(|c| matches!(c, '+' | '−' | '-' | '–')).parse(j)?;
    if matches!(c, '-' | '–') && !(spaced && rest.starts_with(is_group_space)) {
        return Err(error(j));
    }
    let (rest, _) = opt_space(rest)?;
    let op = if c == '+' { Op::Add } else { Op::Sub };
    Ok((rest, (op, c)))
}

/// `mulop` of the grammar; `after_digit`: the factor before it ends in a digit.
fn mulop(i: &str, after_digit: bool) -> IResult<&str, (Op, char)> {
    if let Ok((rest, c)) = times(i, after_digit) {
        return Ok((rest, (Op::Mul, c)));
    }
    let (j, _) = opt_space(i)?;
    let spaced = j.len() < i.len();
    let (rest, c) = satisfy(|c| matches!(c, '/' | '÷')).parse(j)?;
    if c == '/' && !(spaced && rest.starts_with(is_group_space)) {
        return Err(error(j));
    }
    let (rest, _) = opt_space(rest)?;
    Ok((rest, (Op::Div, c)))
}

/// `factor` at `at`: its end and node.
fn factor(line: &str, at: usize, depth: usize) -> Option<(usize, Node)> {
    let rest = line.get(at..)?;
    if let Some(inner) = rest.strip_prefix('(') {
        if depth >= MAX_DEPTH {
            return None;
        }
        let (r, _) = opt_space(inner).ok()?;
        let (end, node) = sum(line, line.len() - r.len(), depth + 1)?;
        if !node.has_operator() {
            return None;
        }
        let (r, _) = opt_space(&line[end..]).ok()?;
        let r = r.strip_prefix(')')?;
        return Some((line.len() - r.len(), Node::Paren(Box::new(node))));
    }
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (end, t) = term(line, at)?;
    Some((end, Node::Figure(t)))
}

/// `product` at `at`.
fn product(line: &str, at: usize, depth: usize) -> Option<(usize, Node)> {
    let (mut end, mut node) = factor(line, at, depth)?;
    loop {
        let after_digit = line[..end].ends_with(|c: char| c.is_ascii_digit());
        let Ok((r, (op, sign))) = mulop(&line[end..], after_digit) else {
            break;
        };
        let Some((e, right)) = factor(line, line.len() - r.len(), depth) else {
            break;
        };
        node = Node::Binary {
            op,
            sign,
            left: Box::new(node),
            right: Box::new(right),
        };
        end = e;
    }
    Some((end, node))
}

/// `sum` at `at`.
fn sum(line: &str, at: usize, depth: usize) -> Option<(usize, Node)> {
    let (mut end, mut node) = product(line, at, depth)?;
    while let Ok((r, (op, sign))) = addop(&line[end..]) {
        let Some((e, right)) = product(line, line.len() - r.len(), depth) else {
            break;
        };
        node = Node::Binary {
            op,
            sign,
            left: Box::new(node),
            right: Box::new(right),
        };
        end = e;
    }
    Some((end, node))
}

/// Words after which a figure is a reference, not an amount ("nr 12", "s. 4").
const REFERENCE_WORDS: &[&str] = &[
    "nr", "s", "sid", "sida", "sidan", "kap", "bilaga", "punkt", "p", "§§", "dnr",
];

/// Whether an expression may start at `at`.
fn starts_clean(line: &str, at: usize) -> bool {
    let before = &line[..at];
    let Some(prev) = before.chars().next_back() else {
        return true;
    };
    if prev.is_alphanumeric()
        || matches!(
            prev,
            ',' | '.'
                | '³'
                | '_'
                | '/'
                | '-'
                | '−'
                | '–'
                | '—'
                | '‐'
                | '+'
                | '*'
                | '×'
                | '§'
                | '#'
                | '<'
                | '>'
                | '±'
                | '^'
                | '÷'
                | '·'
                | '%'
                | '\''
        )
    {
        return false;
    }
    // "kl. 10:30"
    if prev == ':' && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let trimmed = before.trim_end_matches(|c: char| is_group_space(c) || c == '\t');
    let Some(last) = trimmed.chars().next_back() else {
        return true;
    };
    if matches!(
        last,
        '+' | '-'
            | '−'
            | '–'
            | '—'
            | '‐'
            | '/'
            | '*'
            | '×'
            | '±'
            | '<'
            | '>'
            | '^'
            | '÷'
            | '·'
            | '§'
            | '#'
    ) {
        return false;
    }
    // "Totalt = 6 524,06 + 1269 = …" continues an equation; "<=", ">=", "==" do not.
    if last == '=' {
        let t = trimmed[..trimmed.len() - 1].trim_end_matches(is_group_space);
        return !t.ends_with(['<', '>', '!', '=', '≤', '≥']);
    }
    if matches!(last, 'x' | 'X') {
        let t = &trimmed[..trimmed.len() - 1];
        if t.is_empty() || t.ends_with(|c: char| is_group_space(c) || c.is_ascii_digit()) {
            return false;
        }
    }
    let word_start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || *c == '(')
        .map_or(0, |(k, c)| k + c.len_utf8());
    let word = trimmed[word_start..].trim_end_matches('.').to_lowercase();
    !REFERENCE_WORDS.contains(&word.as_str())
}

/// "101 - 300": a first figure joined to the next by a dash, the smaller first.
fn opens_with_range(node: &Node) -> bool {
    let mut n = node;
    // Down the left edge to the first binary node whose left is the first figure.
    loop {
        match n {
            Node::Binary {
                op: Op::Sub,
                sign,
                left,
                right,
            } if matches!(**left, Node::Figure(_)) => {
                if !matches!(sign, '-' | '–') {
                    return false;
                }
                let (Node::Figure(a), Some(b)) = (&**left, right.figures().first().copied()) else {
                    return false;
                };
                return a.value < b.value;
            }
            Node::Binary { left, .. } => n = left,
            _ => return false,
        }
    }
}

/// Quick filter: a line that can hold an expression at all.
fn may_hold(line: &str) -> bool {
    line.bytes().any(|b| b.is_ascii_digit())
        && line.contains(['+', '−', '-', '–', '×', '*', 'x', 'X', '/', '÷'])
}

/// Where the next expression may begin at or after byte `at`: an opening parenthesis or
/// the first digit of a figure (not one inside a figure, after a digit or a decimal comma).
fn next_start(line: &str, at: usize) -> Option<usize> {
    line[at..]
        .char_indices()
        .find(|&(k, c)| {
            c == '('
                || (c.is_ascii_digit()
                    && !line[..at + k]
                        .chars()
                        .next_back()
                        .is_some_and(|p| p.is_ascii_digit() || p == ','))
        })
        .map(|(k, _)| at + k)
}

/// Every written-out expression in one line, left to right (a plain "a x b = c" is
/// PROD001's and not among them).
pub fn expressions(line: &str) -> Vec<Expression> {
    let mut out = Vec::new();
    if !may_hold(line) {
        return out;
    }
    let mut at = 0;
    while at < line.len() {
        let Some(start) = next_start(line, at) else {
            break;
        };
        match expression_at(line, start) {
            Some(e) => {
                at = e.span.end;
                out.push(e);
            }
            None if line[start..].starts_with('(') => at = start + 1,
            None => at = past_figure(line, start, starts_clean(line, start)),
        }
    }
    out
}

fn expression_at(line: &str, start: usize) -> Option<Expression> {
    if !starts_clean(line, start) {
        return None;
    }
    let (end, mut node) = sum(line, start, 0)?;
    if !node.has_operator() || node.is_plain_product() || opens_with_range(&node) {
        return None;
    }
    let before = line[..start].trim_end_matches(is_group_space);
    if before.ends_with(|c: char| c.is_alphanumeric()) {
        if let Some(first) = node.first_figure_mut() {
            first.readings = readings(line, first);
        }
    }
    let tail = &line[end..];
    let t = tail.trim_start_matches(|c: char| is_group_space(c) || c == '\t');
    if t.is_empty() {
        // "2 955 kronor (150 m3 x 19,70 kr)" ending a line is PROD001's product with its
        // result before it.
        if matches!(&node, Node::Paren(n) if n.is_plain_product()) {
            return None;
        }
        return Some(Expression {
            node,
            result: None,
            left: start..end,
            span: start..end,
        });
    }
    let r = t.strip_prefix('=')?;
    if r.starts_with('=') {
        return None;
    }
    let r_at = line.len()
        - r.trim_start_matches(|c: char| is_group_space(c) || c == '\t')
            .len();
    if !line[r_at..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (end_r, result) = term(line, r_at)?;
    if !ends_clean(line, end_r, result.unit.is_some()) {
        return None;
    }
    Some(Expression {
        node,
        result: Some(result),
        left: start..end,
        span: start..end_r,
    })
}

/// A product written in a row's label or a column of factors, with the row's figure after
/// it rather than after "=": "Tomtyteavgift (800 m² x 44,50 kr) 40 800 kr", "Bygglov 52,5 x 8
/// x 24 x 0,8 8 801,28", "Lägenhetsavgift (2 st x 15 000) 30 000" (PROD006's reading).
///
/// ```text
/// label_product = label , ( "(" , [ space ] , chain , [ space ] , ")" | chain ) ,
///                 [ ws ] , [ ":" ] , [ ws ] , figure , [ "*" ] , end of line
///               | label , "(" , [ space ] , chain , [ space ] , ")" , end of line ;
///                                       (* the figure alone on the next line *)
/// label         = text holding a letter ;
/// chain         = figure , mulop , figure , { mulop , figure } ;   (* × only *)
/// ```
///
/// `ws` also takes a tab or "|" (a column). After a bare chain whose last figure has no
/// unit, the digits may be split more than one way ("x 2 1 800": 2 and 1 800, "x 12 500 3
/// 000": 12 500 and 3 000); every split whose two sides are figures is a reading, and when
/// the digits read as one figure the chain has no figure after it and is not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelProduct {
    /// The factors, left to right; the last as the chain's parse reads it.
    pub factors: Vec<Term>,
    pub parenthesised: bool,
    /// The chain's byte range in its line, parentheses included.
    pub span: Range<usize>,
    /// Each way to read the last factor and the row's figure; empty when the chain ends
    /// the line (in parentheses: the figure may stand alone on the next line).
    pub readings: Vec<(Term, Term)>,
}

fn is_separator(c: char) -> bool {
    is_group_space(c) || c == '\t' || c == '|'
}

/// The factors of a chain of "×" over figures (at least two), or None.
fn chain_factors(node: &Node) -> Option<Vec<Term>> {
    match node {
        Node::Binary {
            op: Op::Mul,
            left,
            right,
            ..
        } => {
            let mut f = match &**left {
                Node::Figure(t) => vec![t.clone()],
                n @ Node::Binary { .. } => chain_factors(n)?,
                Node::Paren(_) => return None,
            };
            match &**right {
                Node::Figure(t) => f.push(t.clone()),
                _ => return None,
            }
            Some(f)
        }
        _ => None,
    }
}

/// `text` (trimmed of separators and a trailing "*") as exactly one figure: digits not
/// opening with a 0 (unless "0,…"), an optional unit, nothing after.
pub fn lone_figure(text: &str) -> Option<Term> {
    let t = text
        .trim_matches(is_separator)
        .trim_end_matches('*')
        .trim_end_matches(is_separator);
    if !t.starts_with(|c: char| c.is_ascii_digit()) || (t.starts_with('0') && !t.starts_with("0,"))
    {
        return None;
    }
    let (end, term) = super::product::term(t, 0)?;
    (end == t.len()).then_some(term)
}

/// The splits of `run` (a last factor without unit and the figure after it) into two
/// figures at a space, tab or "|".
fn splits(run: &str, base: usize) -> Vec<(Term, Term)> {
    let mut out = Vec::new();
    let hard = run.contains(['\t', '|']);
    for (k, c) in run.char_indices() {
        if !(is_separator(c)) || (hard && is_group_space(c)) {
            continue;
        }
        let left = run[..k].trim_end_matches(is_separator);
        let Some((end, mut last)) = super::product::term(left, 0) else {
            continue;
        };
        if end != left.len() || last.unit.is_some() {
            continue;
        }
        let Some(mut fig) = lone_figure(&run[k..]) else {
            continue;
        };
        last.span = base..base + left.len();
        let at = base + k + (run[k..].len() - run[k..].trim_start_matches(is_separator).len());
        fig.span = at..at + (fig.span.end - fig.span.start);
        out.push((last, fig));
    }
    out
}

/// The figures that may end `line[..paren]` (a figure, then spaces, then the parenthesis),
/// after a label: the longest first, then each reading without its leading digit groups.
fn figures_before(line: &str, paren: usize) -> Vec<Term> {
    let before = line[..paren].trim_end_matches(is_separator);
    if !before.ends_with(|c: char| c.is_alphanumeric() || c == '-') {
        return Vec::new();
    }
    let mut out: Vec<Term> = Vec::new();
    for (k, c) in before.char_indices() {
        if !c.is_ascii_digit() {
            continue;
        }
        let prev = before[..k].chars().next_back();
        if prev.is_some_and(|p| !is_separator(p)) {
            continue;
        }
        let head = before[..k].trim_end_matches(is_separator);
        if !head.chars().any(char::is_alphabetic)
            || head.ends_with(['=', '+', '-', '−', '–', '×', '*', '/'])
        {
            continue;
        }
        let Some(mut t) = lone_figure(&before[k..]) else {
            continue;
        };
        t.span = k..k + (t.span.end - t.span.start);
        out.push(t);
    }
    // A reading that starts inside another reading's digits is that reading's tail ("12 850"
    // or "850"); keep the longest first.
    out.sort_by_key(|t| t.span.start);
    out
}

/// Every label product of one line, left to right.
pub fn label_products(line: &str) -> Vec<LabelProduct> {
    let mut out = Vec::new();
    if !line.contains(['×', '*', 'x', 'X']) || !line.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    let mut at = 0;
    while at < line.len() {
        let Some(start) = next_start(line, at) else {
            break;
        };
        match label_product_at(line, start) {
            Some(p) => {
                at = line.len();
                out.push(p);
            }
            None if line[start..].starts_with('(') => at = start + 1,
            None => at = past_figure(line, start, starts_clean(line, start)),
        }
    }
    out
}

fn label_product_at(line: &str, start: usize) -> Option<LabelProduct> {
    let before = &line[..start];
    if !before.chars().any(char::is_alphabetic) {
        return None;
    }
    // Not the continuation of an equation ("… = 2 x 100 200").
    if before.trim_end_matches(is_separator).ends_with('=') {
        return None;
    }
    let parenthesised = line[start..].starts_with('(');
    let (end, node, chain_at) = if parenthesised {
        let inner = &line[start + 1..];
        let (r, _) = opt_space(inner).ok()?;
        let at = line.len() - r.len();
        let (end, node) = product(line, at, 1)?;
        let (r, _) = opt_space(&line[end..]).ok()?;
        let r = r.strip_prefix(')')?;
        (line.len() - r.len(), node, at)
    } else {
        // A dash between the label's words and the chain separates ("Tomtyteavgift - 800
        // m2 x 10 kr"); after a figure it would subtract.
        let t = before.trim_end_matches(is_group_space);
        let dash_after_word = t.ends_with(['-', '–'])
            && t[..t.len() - t.chars().next_back().map_or(0, char::len_utf8)]
                .trim_end_matches(is_group_space)
                .ends_with(char::is_alphabetic)
            && before.ends_with(is_group_space);
        if !(starts_clean(line, start) || dash_after_word) {
            return None;
        }
        let (end, node) = product(line, start, 0)?;
        (end, node, start)
    };
    let mut factors = chain_factors(&node)?;
    // A space-grouped first figure after a word or figure is read every way ("Tabell 4 500
    // x 2": 4 500 or 500), as product.rs reads it.
    if line[..chain_at]
        .trim_end_matches(is_separator)
        .ends_with(|c: char| c.is_alphanumeric())
    {
        factors[0].readings = readings(line, &factors[0]);
    }
    let last = factors.last()?.clone();
    let tail = &line[end..];
    let rest = tail.trim_start_matches(is_separator);
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    let readings = if parenthesised || last.unit.is_some() {
        if rest.trim_matches(is_separator).is_empty() {
            if !parenthesised {
                return None;
            }
            // "Tomtyta 12 850 kr (12,85 x 1 000 m²)": the figure before the parenthesis.
            figures_before(line, start)
                .into_iter()
                .map(|f| (last.clone(), f))
                .collect()
        } else {
            let mut fig = lone_figure(rest)?;
            let at = line.len() - rest.trim_start_matches(is_separator).len();
            fig.span = at..at + (fig.span.end - fig.span.start);
            vec![(last, fig)]
        }
    } else {
        // The last factor's digits and what follows, split every way.
        let run = line[last.span.start..]
            .trim_end_matches(is_separator)
            .trim_end_matches('*')
            .trim_end_matches(is_separator);
        if let Ok((r, _)) = super::product::magnitude(run) {
            if r.is_empty() {
                return None;
            }
        }
        let s = splits(run, last.span.start);
        if s.is_empty() {
            return None;
        }
        s
    };
    Some(LabelProduct {
        factors,
        parenthesised,
        span: start..end,
        readings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn one(line: &str) -> Expression {
        let e = expressions(line);
        assert_eq!(e.len(), 1, "{line}: {e:?}");
        e.into_iter().next().unwrap()
    }

    #[test]
    fn reads_expressions_as_records_write_them() {
        let e = one("1 244 + 1 244 + 150 * 16,00 = 6 109 kr/år");
        assert_eq!(e.node.signs(), vec!['+', '+', '*']);
        assert_eq!(e.result.map(|r| r.value), Some(d("6109")));
        let e = one("Fast avgift 2 400 kr + 150 m³ × 21,30 kr/m³ = 5 595 kr");
        assert_eq!(e.node.figures().len(), 3);
        assert_eq!(e.node.figures()[0].readings, vec![d("2400"), d("400")]);
        let e = one("(3 000 − 500) × 12 = 30 000");
        assert!(matches!(e.node, Node::Binary { op: Op::Mul, .. }));
        let e = one("Summa: 1 200 + 350 + 75 = 1 625 kr");
        assert_eq!(e.node.figures()[0].readings, vec![d("1200")]);
        let e = one("Kostnad 1 200 + 350 + 75");
        assert!(e.result.is_none());
        let e = one("12 000 kr / 12 = 1 000 kr");
        assert_eq!(e.node.signs(), vec!['/']);
        let e = one("Totalsumman = 6 524,06 + 1269 + 4450= 12 243,06 kr/år");
        assert_eq!(e.result.map(|r| r.value), Some(d("12243.06")));
        let e = one("2 x 100 = 200 + 50 = 250");
        assert_eq!(e.node.figures()[0].value, d("200"));
        let e = one("(150 m3 x 19,70 kr) = 2 955 kr");
        assert!(matches!(e.node, Node::Paren(_)));
        let e = one("2 x 3 x 4 = 24");
        assert_eq!(e.node.signs(), vec!['x', 'x']);
    }

    #[test]
    fn reads_products_in_labels() {
        let one = |line: &str| {
            let v = label_products(line);
            assert_eq!(v.len(), 1, "{line}: {v:?}");
            v.into_iter().next().unwrap()
        };
        let p = one("Bygglovavgift 4 mPBB x OF x HF1 x N 52,5 x 8 x 24 x 0,8 8 801,28");
        assert_eq!(p.factors.len(), 4);
        assert_eq!(p.readings.len(), 1);
        assert_eq!(p.readings[0].0.value, d("0.8"));
        assert_eq!(p.readings[0].1.value, d("8801.28"));
        let p = one("Situationsplan Tidsersättning 900 x 2 1 800");
        assert_eq!(p.readings.len(), 1);
        assert_eq!(
            (p.readings[0].0.value, p.readings[0].1.value),
            (d("2"), d("1800"))
        );
        let p = one("Avgift för tomtyta (1 200 x 30) 36 000");
        assert!(p.parenthesised);
        assert_eq!(p.readings[0].1.value, d("36000"));
        let p = one("Lägenhetsavgift (2 st x 15 000) 30 000");
        assert_eq!(p.factors[0].value, d("2"));
        let p = one("Tomtyteavgift - 800 m2 x 10 kr 8 000,00");
        assert_eq!(p.readings[0].1.value, d("8000"));
        let p = one("Tomtyteavgift (800 m² x 44,50 kr)");
        assert!(p.readings.is_empty());
        let p = one("Tomtyta (12,85 kr/m²) 12 850 kr   (12,85 x 1 000 m²)");
        let figs: Vec<Decimal> = p.readings.iter().map(|r| r.1.value).collect();
        assert_eq!(figs, vec![d("12850"), d("850")]);
        let p = one("Tabell 12 500 x 2 | 25 000");
        assert_eq!(p.factors[0].readings, vec![d("12500"), d("500")]);
        assert_eq!(p.readings.len(), 1);
        let p = one("Tillägg 3 x 12 500 3 000");
        assert_eq!(p.readings.len(), 1);
        assert_eq!(p.readings[0].0.value, d("12500"));
        for line in [
            "Lägeskontroll Tidsersättning 900 x 2 1 800 + 450",
            "Bygglov: 46,5 x 10 x (24+28) = 24 180 kr",
            "Planavgift: 46,5 x 1 200 x 0,22 = 12 276 kr",
            "Storlek 0 - 70 m² 2 400",
            "Kärl 2 x 370 liter 3 450 kr",
            "Säkring 3 x 16 A 2 500 kr",
            "150 x 20 3 000",
            "Taxa 2 x 150 000",
            "Avgift (1 200 x 30) 36 000 45 000",
            "Totalt = 2 x 100 200",
        ] {
            assert!(
                label_products(line).is_empty(),
                "{line}: {:?}",
                label_products(line)
            );
        }
    }

    #[test]
    fn what_is_no_expression() {
        for line in [
            "150 m3 x 19,70 kr = 2 955 kr",
            "Mötet 2024-01-01 = 3",
            "Taxa 101 - 300 = 2 400 kr",
            "Åren 2023 – 2024 = 2 år",
            "Tel 08-123 45 67 = växel",
            "Se § 12 + 13 = 25",
            "Dnr 2023/145 = 3",
            "Punkt 1-3 = 4",
            "Se s. 12 + 13 = 25",
            "2 + 3 = ca 5",
            "2 + 100 = 200 + 50",
            "10.000 + 2 = 10.002",
            "E4 + 2 = 6",
            "kl. 10:30 + 2 = 12",
            "Summa 2 + 3 = 5 7",
            "Lägenhet (2 st) + 3 = 5",
            "2 + 3 = −5",
            "Text + 2 000 + 500 = 2 500",
            "Gräns <= 2 + 3 = 5",
        ] {
            let got: Vec<_> = expressions(line)
                .into_iter()
                .filter(|e| e.result.is_some())
                .collect();
            assert!(got.is_empty(), "{line}: {got:?}");
        }
        // Nor is PROD001's "c (a x b)" an expression waiting for its result.
        assert!(expressions("2 955 kronor (150 m3 x 19,70 kr)").is_empty());
    }
}
