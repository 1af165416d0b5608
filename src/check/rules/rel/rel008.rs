//! REL008: a price with VAT ("inkl. moms", "inkl. mva", "alv 24 %", "verollinen") that is
//! not the price without VAT beside it ("exkl. moms", "eks. mva", "alv 0 %", "veroton")
//! times one plus the VAT rate.
//!
//! The pair of columns is taken only where the table's header, title or the lines just
//! above it name both prices, and only at a rate the page states ("moms 25 %") or, when
//! it states none, the one standard Nordic rate (of the country whose VAT word the table uses, where only one country uses it) under which most of the table's rows hold
//! (at least three, no other standard rate holding as many).

use crate::arith::{compare, Comparison, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::rules::rel::inline;
use crate::check::view::{CellRef, ColumnKind, TableView};
use crate::check::{Relation, Sink};
use crate::grammar::priced::VAT_WORDS;
use crate::LineSpan;
use regex::Regex;
use rust_decimal::Decimal;
use std::sync::OnceLock;

pub const RULE: Rule = Rule {
    code: RuleCode::REL008,
    name: "vat-pair-mismatch",
    family: Family::Rel,
    severity: Severity::Error,
    summary: "A price with VAT (inkl. moms, inkl. mva) is not the price without VAT × (1 + the VAT rate)",
    explanation: "Fee tables print each price without and with VAT side by side (\"exkl. moms | \
inkl. moms\", \"eks. mva | inkl. mva\", \"ekskl. moms | inkl. moms\", \"alv 0 % | alv 24 %\", \
\"veroton | verollinen\", \"netto | brutto\" on a page that speaks of VAT). The one relation \
such a pair states is inkl. = exkl. × (1 + the VAT rate).\n\nWhat is read. A table whose \
column headers, title or the lines just above it name both a price without VAT and one with \
VAT; every pair of its amount columns is tried, in either order. The rate is the one the \
page states next to a VAT word (\"moms 25 %\", \"mva 25 %\", \"alv 24 %\"; one rate only) or, \
when the page states none, the one standard Nordic rate (25, 12, 6 % SE; 25, 15, 12 % NO; \
25 % DK; 25,5, 24, 14, 10 % FI) under which the most rows of the pair hold, at least three, \
no other standard rate holding as many.\n\nWhat is checked. Each row with both figures: \
exkl. × (1 + rate) against inkl., each figure standing for ± half a unit of its last digit \
(a price written to 0,01 at 25 %: 1,25 × 0,005 + 0,005). Every row that holds counts as \
one relation checked.\n\nWhen it is an error. A row that fails under the table's rate is an \
error only when at least three other rows of the pair hold at it, no other standard rate (nor \
0 %: a price without VAT) makes the failing row hold (a reduced-rate item), the row does not \
hold when a figure written with \",00\" is taken as a price in whole units (1306,00 may be \
1305,60 rounded), the gap is more than five units of the last digit of the price with VAT \
(price lists round it to 0,05, or up), and the price with VAT lies between the price without \
VAT and 1,3 times it (figures further apart are more likely another figure or a misreading \
than a wrong VAT). Otherwise it is info, \"not decided\", with the reason.\n\nIn running \
text or one cell. A line that names the two prices itself (\"Pris ekskl. moms 1 292 kr, inkl. \
moms 1 615 kr\", \"1,80 e/m3 (alv 0 %) = 2,23 e/m3 (alv 24 %)\", \"300 kr + mva = 375 kr\") is \
read as one pair: each figure read whole with its currency, the VAT words right beside it, \
and nothing between the two but punctuation or words saying they are one amount (\"=\", \
\"dvs.\", \"eller\"). The rate is the one the line states, else the page's, else the one \
standard rate most such pairs of the page hold at (at least three); a failing pair is an \
error only where three other such pairs of the page hold at that rate, on the terms above. \
Lines that are nothing but two figures with a \"/\" between them (\"600/ 750 kr.\") are read \
as pairs in the order a line above them names (\"Ekskl. moms / Incl. moms\"), and a price a line (\"Pris eksl. moms i kr.: 25,00 kr.\" \
then \"Pris inkl. moms i kr.: 31,25 kr.\", the two lines alike but for the VAT words and the \
figure) as one pair.\n\nRows under a header. Where the table reader does not take a table (a \
header over several lines, one name a line; rows one cell a line; figures glued to a first \
row), the lines are read as rows under the header that names the prices: short lines naming a \
price without and with VAT for each figure column, in order (\"Ydelse Ekskl. moms Inkl. \
moms\", \"Inkl moms Exkl moms Inkl moms Exkl moms\", \"2022 Kr. ekskl. moms | 2022 Kr. inkl. \
moms | 2023 …\"); below it, each line that ends with exactly as many figures (a unit such as \
\"pr. år\" may follow), or a label line followed by lines of one figure each. Each price with \
VAT is paired with the price without VAT the header names beside it, never by position \
alone; a line of years alone (\"2023 2024\") ends the rows. The rate is the one the page \
states, else the one standard rate most of the header's pairs hold at, at least three and \
more than half of those whose two prices differ; a failing pair is then decided on the terms \
above, the message saying how many other pairs hold and that the rate came from them. A row \
whose single spaces could also make other figures (\"675 540\" may be 675540), or with a point \
between thousands and no decimal comma (\"1.100\"), counts where it holds and is not decided \
where it fails; where too few pairs hold, or two rates as many, a failing pair is not decided, \
with the reason. Rows the table reader finds ambiguous (TAB001) are not read. A price with VAT \
whose decimals end in zero (\"2033,50\", \"83,00\") may be rounded to their step (0,10, a \
krona): a gap within it is not decided.\n\nExample: exkl. moms 9,03, inkl. moms 11,44, where the six \
other rows hold at 25 %: 9,03 × 1,25 = 11,2875, ± 0,0113 with the figures as rounded, so \
11,44 is reported.",
    checks: &[Check::Document(check)],
};

/// Words naming a price without VAT, and with VAT (lower case, matched inside the text).
const EXCL: &[&str] = &[
    "exkl. moms",
    "exkl moms",
    "exklusive moms",
    "exkl. mervärdesskatt",
    "utan moms",
    "ex. moms",
    "ex moms",
    "eks. mva",
    "eks mva",
    "ekskl. mva",
    "ekskl mva",
    "ekskl. moms",
    "ekskl moms",
    "eksl. moms",
    "eksl moms",
    "eksklusive mva",
    "eksklusive moms",
    "uten mva",
    "u/mva",
    "uden moms",
    "u/moms",
    "excl. moms",
    "ekskl. mva.",
    "ekskl. merverdiavgift",
    "alv 0",
    "alv. 0",
    "alv 0%",
    "veroton",
    "arvonlisäveroton",
    "ilman alv",
    "excl. vat",
    "excl vat",
];
const INCL: &[&str] = &[
    "inkl. moms",
    "inkl moms",
    "inklusive moms",
    "inkl. mervärdesskatt",
    "med moms",
    "inkl. mva",
    "inkl mva",
    "inklusive mva",
    "m/mva",
    "m/moms",
    "incl. moms",
    "med mva",
    "inkl. merverdiavgift",
    "alv 24",
    "alv 25",
    "alv 25,5",
    "alv. 24",
    "alv. 25",
    "alv. 25,5",
    "verollinen",
    "sis. alv",
    "sisältää alv",
    "incl. vat",
    "incl vat",
];
/// The standard Nordic VAT rates, in percent.
const STANDARD: &[(i64, u32)] = &[
    (25, 0),
    (255, 1),
    (24, 0),
    (15, 0),
    (14, 0),
    (12, 0),
    (10, 0),
    (6, 0),
];

/// How many lines above a table are read for its headers.
const ABOVE: u32 = 12;
/// Rows that must hold at the table's rate before a failing row is an error.
const MIN_HOLDING: usize = 3;

fn standard_rates() -> Vec<Decimal> {
    STANDARD.iter().map(|&(m, s)| Decimal::new(m, s)).collect()
}

/// The standard rates of the one country whose own word for VAT the text uses, and no
/// other country's ("mva": Norway's 25, 15 and 12 %; "alv": Finland's 25,5, 24, 14 and
/// 10 %); every Nordic rate where the words do not tell (Swedish "moms" is also Danish
/// and Finland-Swedish).
fn rates_named_by(text: &str) -> Vec<Decimal> {
    let any = |words: &[&str]| words.iter().any(|w| contains_word(text, w));
    let norwegian = any(&["mva", "merverdiavgift"]);
    let finnish = any(&["alv", "arvonlisävero"]);
    let other = any(&["moms", "mervärdesskatt", "vat"]);
    let only: &[(i64, u32)] = match (norwegian, finnish, other) {
        (true, false, false) => &[(25, 0), (15, 0), (12, 0)],
        (false, true, false) => &[(255, 1), (24, 0), (14, 0), (10, 0)],
        _ => STANDARD,
    };
    only.iter().map(|&(m, s)| Decimal::new(m, s)).collect()
}

fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn names_vat(text: &str) -> bool {
    VAT_WORDS.iter().any(|w| contains_word(text, w))
}

/// Whether the text names both a price without VAT and one with VAT.
fn names_pair(text: &str) -> bool {
    let excl = EXCL.iter().any(|w| contains_word(text, w));
    let incl = INCL.iter().any(|w| contains_word(text, w));
    (excl && incl)
        || (contains_word(text, "netto") && contains_word(text, "brutto") && names_vat(text))
}

/// The one VAT rate the page states ("moms 25 %"), if it states exactly one.
fn page_stated_rate(doc: &crate::document::Document, page: u32) -> Option<Decimal> {
    let page_text = doc
        .lines
        .iter()
        .filter(|l| l.provenance.page == page)
        .map(|l| l.text.to_lowercase())
        .collect::<Vec<_>>()
        .join("\n");
    match stated_rates(&page_text).as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The VAT rates stated in the text beside a VAT word ("moms 25 %", "25 % mva",
/// "alv 24 %"), zero left out.
fn stated_rates(text: &str) -> Vec<Decimal> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?:moms|mva|alv|mervärdesskatt|merverdiavgift|arvonlisävero)\D{0,12}?(\d{1,2}(?:[.,]\d{1,2})?)\s?%|(\d{1,2}(?:[.,]\d{1,2})?)\s?%\s?(?:moms|mva|alv|mervärdesskatt|merverdiavgift|arvonlisävero)",
        )
        .expect("valid regex")
    });
    let mut out: Vec<Decimal> = Vec::new();
    for cap in re.captures_iter(text) {
        let Some(m) = cap.get(1).or_else(|| cap.get(2)) else {
            continue;
        };
        let Ok(v) = m.as_str().replace(',', ".").parse::<Decimal>() else {
            continue;
        };
        if v > Decimal::ZERO && v <= Decimal::new(30, 0) && !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

fn factor(rate: Decimal) -> Decimal {
    Decimal::ONE + rate / Decimal::ONE_HUNDRED
}

/// A row's two figures: (row, excl., incl.).
type Pair = (usize, Interval, Interval);

fn holds(p: &Pair, rate: Decimal) -> Comparison {
    compare(p.1.scale(factor(rate)), p.2)
}

fn amounts(view: &TableView, c: usize) -> bool {
    view.numeric(c) && !matches!(view.kinds[c], ColumnKind::Percent | ColumnKind::Text)
}

/// The rows of a pair of columns with both figures written and positive.
fn pairs(view: &TableView, excl: usize, incl: usize) -> Vec<Pair> {
    (0..view.rows())
        // A total row's prices are a pair too: a sum of prices without VAT, times the
        // rate, is the sum of the prices with it.
        .filter(|&r| view.is_data(r) || (view.totals[r] && !view.headings[r]))
        // A row whose digit groups make figures more than one way (TAB001) is not read:
        // which figure is which price is not written.
        .filter(|&r| !view.table.ambiguities.iter().any(|a| a.row == r))
        .filter_map(|r| {
            let (x, y) = (view.figure(r, excl)?, view.figure(r, incl)?);
            (x.lo > Decimal::ZERO && y.lo > Decimal::ZERO).then_some((r, x, y))
        })
        .collect()
}

/// The rate of the pair: the stated one, or the standard rate the most rows hold at.
fn table_rate(rows: &[Pair], stated: Option<Decimal>, context: &str) -> Option<Decimal> {
    let count = |rate: Decimal| rows.iter().filter(|p| holds(p, rate).holds).count();
    if let Some(rate) = stated {
        return (count(rate) >= MIN_HOLDING).then_some(rate);
    }
    let counts: Vec<(Decimal, usize)> = rates_named_by(context)
        .into_iter()
        .map(|r| (r, count(r)))
        .collect();
    let best = counts.iter().map(|&(_, n)| n).max()?;
    let at_best: Vec<Decimal> = counts
        .iter()
        .filter(|&&(_, n)| n == best)
        .map(|&(r, _)| r)
        .collect();
    (best >= MIN_HOLDING && at_best.len() == 1).then_some(at_best[0])
}

fn percent(rate: Decimal) -> String {
    format!("{} %", rate.normalize()).replace('.', ",")
}

fn decimal(d: Decimal) -> String {
    d.normalize().to_string().replace('.', ",")
}

pub fn check(sink: &mut Sink) {
    let (doc, vocab) = (sink.document, sink.vocab);
    let mut relations: Vec<(usize, TableView, Vec<Relation>)> = Vec::new();
    for (t, table) in doc.tables.iter().enumerate() {
        let view = TableView::new(table, vocab);
        let page = table.provenance.page;
        let first = table.provenance.line;
        let last = table
            .rows
            .iter()
            .filter(|r| r.provenance.page == page)
            .map(|r| r.provenance.line)
            .max()
            .unwrap_or(first);
        // The text the table's prices are named in: its header, title and the lines from
        // the end of the table above it (on the page) down to its last row.
        let above = doc.tables[..t]
            .iter()
            .rev()
            .find(|p| p.provenance.page == page && p.provenance.line < first)
            .and_then(|p| p.rows.iter().map(|r| r.provenance.line).max())
            .unwrap_or(0);
        let from = first.saturating_sub(ABOVE).max(above + 1);
        let mut context: Vec<String> = vec![
            table.title.clone().unwrap_or_default(),
            table.label_header.clone().unwrap_or_default(),
        ];
        context.extend(table.columns.iter().cloned());
        context.extend(
            doc.lines
                .iter()
                .filter(|l| {
                    l.provenance.page == page
                        && l.provenance.line >= from
                        && l.provenance.line <= last
                })
                .map(|l| l.text.clone()),
        );
        let context = context.join("\n").to_lowercase();
        if !names_pair(&context) {
            continue;
        }
        // The rate the page states, when it states one.
        let stated = page_stated_rate(doc, page);
        let cols: Vec<usize> = (0..view.cols()).filter(|&c| amounts(&view, c)).collect();
        let mut used: Vec<usize> = Vec::new();
        let mut out: Vec<Relation> = Vec::new();
        // Candidate pairs, the one with the most holding rows first.
        let mut candidates: Vec<(usize, usize, usize, Decimal, Vec<Pair>)> = Vec::new();
        for &a in &cols {
            for &b in &cols {
                if a == b {
                    continue;
                }
                let rows = pairs(&view, a, b);
                let Some(rate) = table_rate(&rows, stated, &context) else {
                    continue;
                };
                let n = rows.iter().filter(|p| holds(p, rate).holds).count();
                candidates.push((n, a, b, rate, rows));
            }
        }
        candidates.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
        for (n, excl, incl, rate, rows) in candidates {
            if used.contains(&excl) || used.contains(&incl) {
                continue;
            }
            used.extend([excl, incl]);
            for p in &rows {
                let c = holds(p, rate);
                let r = p.0;
                let others = if c.holds { n - 1 } else { n };
                let raw = |col: usize| {
                    view.raw(r, col)
                        .map(|s| s.trim().to_string())
                        .unwrap_or_default()
                };
                let mut message = format!(
                    "{} {} is not {} × {} = {} (the {} other rows of the table hold at {})",
                    incl_name(&view, incl),
                    raw(incl),
                    raw(excl),
                    decimal(factor(rate)),
                    decimal(c.expected),
                    others,
                    percent(rate),
                );
                let mut severity = RULE.severity;
                if !c.holds {
                    let reason = undecided(p, rate, others, &raw(excl), &raw(incl));
                    if let Some(reason) = reason {
                        severity = Severity::Info;
                        message = format!("not decided: {reason} ({message})");
                    }
                }
                let mut rel = Relation::new(
                    &RULE,
                    CellRef { row: r, col: incl },
                    vec![CellRef { row: r, col: excl }],
                    c,
                    message,
                );
                rel.severity = severity;
                out.push(rel);
            }
        }
        if !out.is_empty() {
            relations.push((t, view, out));
        }
    }
    // The lines of the tables read above (page, first and last line): the rows reader
    // leaves them to the table.
    let read: Vec<(u32, u32, u32)> = relations
        .iter()
        .map(|(t, _, _)| {
            let table = &doc.tables[*t];
            let page = table.provenance.page;
            let last = table
                .rows
                .iter()
                .filter(|r| r.provenance.page == page)
                .map(|r| r.provenance.line)
                .max()
                .unwrap_or(table.provenance.line);
            (page, table.provenance.line, last)
        })
        .collect();
    sink.table_relations(&relations);
    check_inline(sink, &read);
}

/// Why a failing pair is not decided, or `None` when it is an error: `others` rows (or
/// pairs) hold at `rate`; `raw_excl` and `raw_incl` are the figures as written.
fn undecided(
    p: &Pair,
    rate: Decimal,
    others: usize,
    raw_excl: &str,
    raw_incl: &str,
) -> Option<String> {
    let (_, x, y) = *p;
    let other_rate = standard_rates()
        .into_iter()
        .chain([Decimal::ZERO])
        .find(|&o| o != rate && holds(p, o).holds);
    let reach = x.hi * Decimal::new(13, 1);
    // Five units of the last digit of the price with VAT: price lists round it to 0,05
    // (or up to the next 0,05).
    let coarse = (y.hi - y.lo) * Decimal::new(5, 0);
    // A price with VAT whose decimals end in zeros ("2033,50", "83,00") may be rounded
    // to the step its last nonzero decimal stands for (0,10; a whole krona).
    let step = trailing_zero_step(raw_incl).filter(|&s| s > coarse);
    let coarse = step.unwrap_or(coarse);
    let expected = p.1.scale(factor(rate));
    let near = expected.lo - coarse <= y.hi && y.lo <= expected.hi + coarse;
    // A figure written with ",00" may be a whole-krona price.
    let whole = |written: &str, i: Interval| {
        // The figure alone: its digits and separators, a currency mark's "." left out.
        let digits: String = written
            .chars()
            .filter(|ch| ch.is_ascii_digit() || *ch == ',' || *ch == '.')
            .collect();
        let digits = digits.trim_end_matches(|c: char| !c.is_ascii_digit());
        let zeros = digits
            .rsplit_once([',', '.'])
            .is_some_and(|(_, d)| !d.is_empty() && d.chars().all(|ch| ch == '0'));
        if zeros {
            Interval::around(i.nominal, Decimal::new(5, 1))
        } else {
            i
        }
    };
    let whole_holds = compare(whole(raw_excl, x).scale(factor(rate)), whole(raw_incl, y)).holds;
    if others < MIN_HOLDING {
        Some(format!(
            "only {others} other rows hold at {}",
            percent(rate)
        ))
    } else if let Some(o) = other_rate {
        Some(format!(
            "the row holds at {} (an item at another VAT rate)",
            percent(o)
        ))
    } else if whole_holds {
        Some("the row holds if a figure written with ,00 is a price in whole units".to_string())
    } else if near && step.is_some() {
        Some(format!(
            "the gap is within {}, the step a price with VAT written with its last decimals \
             zero may be rounded to",
            decimal(coarse)
        ))
    } else if near {
        Some(format!(
            "the gap is within five units of the last digit ({}), as in a price list that \
             rounds prices with VAT to 0,05 or up",
            decimal(coarse)
        ))
    } else if y.hi < x.lo || y.lo > reach {
        Some(
            "the figures are too far apart to be one price without and with VAT (another \
             figure, or a misreading)"
                .to_string(),
        )
    } else {
        None
    }
}

/// The rounding step a figure written with zeros as its last decimals may stand for:
/// 0,10 for "2033,50", 1 for "83,00"; `None` without such decimals.
fn trailing_zero_step(written: &str) -> Option<Decimal> {
    let digits: String = written
        .chars()
        .filter(|ch| ch.is_ascii_digit() || *ch == ',' || *ch == '.')
        .collect();
    let digits = digits.trim_end_matches(|c: char| !c.is_ascii_digit());
    let (_, decimals) = digits.rsplit_once(',')?;
    let zeros = decimals.chars().rev().take_while(|&c| c == '0').count();
    (zeros > 0 && decimals.bytes().all(|b| b.is_ascii_digit()))
        .then(|| Decimal::new(1, (decimals.len() - zeros) as u32))
}

/// Words that mark a figure in running text as a price without VAT besides [`EXCL`]
/// ("300 + mva = 375").
const PLUS_VAT: &[&str] = &["+ mva", "+ moms", "+ alv"];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Side {
    Excl,
    Incl,
}

/// The one VAT side the words of `clause` name (lower case), with where the words stand
/// (start, end); `None` when they name none, or both.
fn side_in(clause: &str) -> Option<(Side, usize, usize)> {
    let mut found: Vec<(Side, usize, usize)> = Vec::new();
    let lists: [(Side, &[&str]); 3] = [
        (Side::Excl, EXCL),
        (Side::Excl, PLUS_VAT),
        (Side::Incl, INCL),
    ];
    for (side, words) in lists {
        for w in words {
            for i in whole_word_matches(clause, w) {
                found.push((side, i, i + w.len()));
            }
        }
    }
    let side = found.first()?.0;
    if found.iter().any(|f| f.0 != side) {
        return None;
    }
    let start = found.iter().map(|f| f.1).min()?;
    let end = found.iter().map(|f| f.2).max()?;
    Some((side, start, end))
}

/// A price without and with VAT written in one line of running text or one cell ("Pris
/// ekskl. moms 1 292 kr, inkl. moms 1 615 kr", "1,80 e/m3 (alv 0 %) = 2,23 e/m3 (alv
/// 24 %)"): the line, the pair, the figures as written and where the price with VAT
/// stands, and the rate the line states.
struct InlinePair<'a> {
    line: &'a crate::document::SourceLine,
    pair: Pair,
    excl_text: String,
    incl_text: String,
    excl_raw: String,
    incl_raw: String,
    incl_digits: (usize, usize),
    stated: Option<Decimal>,
    /// The pairs judged together: those of one page (in running text), or of the rows
    /// under one header naming the prices ([`Group::Rows`]).
    group: Group,
    /// The figures are read one way only (a row whose digit groups could also make other
    /// figures is `false`: a pair that fails there is not decided).
    certain: bool,
    /// The row's label, for rows under a header.
    label: Option<String>,
}

/// Which pairs are judged together for a rate.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Group {
    /// Pairs in running text, judged with the other pairs of their page.
    Page(u32),
    /// Rows under the header that names their prices (its index among the headers read).
    Rows(usize),
}

/// Where a clause ends: before "=", ", " or ";".
fn clause_end(text: &str) -> usize {
    ["=", ", ", ";"]
        .iter()
        .filter_map(|c| text.find(c))
        .min()
        .unwrap_or(text.len())
}

/// Where a clause starts: after the last "=", ", ", ";" or ")".
fn clause_start(text: &str) -> usize {
    ["=", ", ", ";", ")"]
        .iter()
        .filter_map(|c| text.rfind(c).map(|i| i + c.len()))
        .max()
        .unwrap_or(0)
}

/// The order a line of words alone names the two prices in, with a "/" between them
/// ("Ekskl. moms / Incl. moms"): `Some(true)` for the price without VAT first.
fn slash_header(text: &str) -> Option<bool> {
    if text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let lower = text.to_lowercase();
    let parts: Vec<&str> = lower.split('/').collect();
    let [a, b] = parts.as_slice() else {
        return None;
    };
    match (side_in(a).map(|x| x.0), side_in(b).map(|x| x.0)) {
        (Some(Side::Excl), Some(Side::Incl)) => Some(true),
        (Some(Side::Incl), Some(Side::Excl)) => Some(false),
        _ => None,
    }
}

/// A line that is nothing but two figures with a "/" between them ("600/ 750 kr.",
/// "3,50 /4,38 kr."), in the order they are written.
fn slash_figures(text: &str) -> Option<(inline::InlineFigure, inline::InlineFigure)> {
    let figs = inline::figures(text);
    let [a, b] = figs.as_slice() else {
        return None;
    };
    let between = text.get(a.end..b.start)?.trim();
    let outside = format!("{}{}", text.get(..a.start)?, text.get(b.end..)?);
    (between == "/" && outside.trim().is_empty()).then(|| (a.clone(), b.clone()))
}

fn inline_pairs<'a>(lines: &[&'a crate::document::SourceLine]) -> Vec<InlinePair<'a>> {
    let mut out = Vec::new();
    // The order a header line "Ekskl. moms / Incl. moms" set for the lines below it, on
    // its page.
    let mut slash: Option<(u32, bool)> = None;
    for line in lines {
        let text = line.text.as_str();
        let page = line.provenance.page;
        if let Some(order) = slash_header(text) {
            slash = Some((page, order));
            continue;
        }
        if let Some((_, excl_first)) = slash.filter(|s| s.0 == page) {
            if let Some((a, b)) = slash_figures(text) {
                let (excl, incl) = if excl_first { (a, b) } else { (b, a) };
                if excl.value.lo > Decimal::ZERO && incl.value.lo > Decimal::ZERO {
                    out.push(InlinePair {
                        line,
                        pair: (0, excl.value, incl.value),
                        excl_text: excl.raw.trim().to_string(),
                        incl_text: incl.raw.trim().to_string(),
                        excl_raw: excl.raw.clone(),
                        incl_raw: incl.raw.clone(),
                        incl_digits: incl.digits,
                        stated: None,
                        group: Group::Page(page),
                        certain: true,
                        label: None,
                    });
                }
                continue;
            }
        }
        // Lowered char by char to the same bytes, so one offset serves both.
        let same_bytes = text.chars().all(|c| {
            let mut l = c.to_lowercase();
            l.len() == 1 && l.next().is_some_and(|x| x.len_utf8() == c.len_utf8())
        });
        let lower = text.to_lowercase();
        if !same_bytes || !names_vat(&lower) {
            continue;
        }
        let figs = inline::figures(text);
        if figs.len() < 2 {
            continue;
        }
        // Each figure's side, the end of its words after it and the start of its words
        // before it.
        let mut sides: Vec<Option<(Side, usize, usize)>> = Vec::new();
        let mut prev_end = 0;
        for (i, f) in figs.iter().enumerate() {
            let own_end = f.end + if f.per.is_empty() { 0 } else { 1 + f.per.len() };
            let limit = figs.get(i + 1).map_or(text.len(), |n| n.start).max(own_end);
            let after = &lower[own_end..limit];
            let after = &after[..clause_end(after)];
            let found = if let Some((side, _, e)) = side_in(after) {
                Some((side, own_end + e, f.start))
            } else {
                let from = prev_end.min(f.start);
                let before = &lower[from..f.start];
                let cut = from + clause_start(before);
                side_in(&lower[cut..f.start]).map(|(side, s, _)| (side, own_end, cut + s))
            };
            if !f.money {
                sides.push(None);
                prev_end = own_end;
                continue;
            }
            prev_end = found.map_or(own_end, |(_, e, _)| e);
            sides.push(found);
        }
        // "300 kr + mva = 375 kr": the figure after the "=" is the price with VAT.
        for i in 0..figs.len() - 1 {
            if let (Some((Side::Excl, ea, _)), None) = (sides[i], sides[i + 1]) {
                let b = &figs[i + 1];
                let plus = lower[figs[i].end..ea].contains('+');
                let link = &text[ea..b.start];
                if plus && b.money && link.contains('=') && inline::joins_same_amount(link) {
                    let own_end = b.end + if b.per.is_empty() { 0 } else { 1 + b.per.len() };
                    sides[i + 1] = Some((Side::Incl, own_end, b.start));
                }
            }
        }
        for i in 0..figs.len() - 1 {
            let (Some((sa, ea, _)), Some((sb, _, hb))) = (sides[i], sides[i + 1]) else {
                continue;
            };
            let (a, b) = (&figs[i], &figs[i + 1]);
            if sa == sb || a.per != b.per || ea > hb || !inline::joins_same_amount(&text[ea..hb]) {
                continue;
            }
            if a.value.lo <= Decimal::ZERO || b.value.lo <= Decimal::ZERO {
                continue;
            }
            let words = |f: &inline::InlineFigure, s: usize, e: usize| {
                text[s.min(f.start)..e.max(f.end)].trim().to_string()
            };
            let ta = words(a, sides[i].map_or(a.start, |x| x.2), ea);
            let tb = words(b, hb, sides[i + 1].map_or(b.end, |x| x.1));
            let stated = match stated_rates(&lower).as_slice() {
                [one] => Some(*one),
                _ => None,
            };
            let (excl, incl, excl_text, incl_text) = if sa == Side::Excl {
                (a, b, ta, tb)
            } else {
                (b, a, tb, ta)
            };
            out.push(InlinePair {
                line,
                pair: (0, excl.value, incl.value),
                excl_text,
                incl_text,
                excl_raw: excl.raw.clone(),
                incl_raw: incl.raw.clone(),
                incl_digits: incl.digits,
                stated,
                group: Group::Page(line.provenance.page),
                certain: true,
                label: None,
            });
        }
    }
    out
}

/// The pairs written in one line of running text or one cell, checked as a table's
/// rows are: at the rate the line (or else the page) states, or the one most of the
/// page's pairs hold at; an error only where three other pairs of the page hold at it.
fn check_inline(sink: &mut Sink, read: &[(u32, u32, u32)]) {
    let doc = sink.document;
    let lines = crate::check::rules::txt::prose::prose_lines(doc);
    let mut found = inline_pairs(&lines);
    found.extend(two_line_pairs(&lines));
    let used: Vec<(u32, u32)> = found
        .iter()
        .map(|p| (p.line.provenance.page, p.line.provenance.line))
        .collect();
    found.extend(row_pairs(doc, read, &used));
    if found.is_empty() {
        return;
    }
    let mut judged: Vec<(usize, Comparison, Severity, String)> = Vec::new();
    for (i, p) in found.iter().enumerate() {
        let page = p.line.provenance.page;
        let group: Vec<&InlinePair> = found.iter().filter(|q| q.group == p.group).collect();
        let page_stated = page_stated_rate(doc, page);
        let rows: Vec<Pair> = group.iter().map(|q| q.pair).collect();
        let stated = p.stated.or(page_stated);
        let rate = match stated {
            Some(r) => r,
            None => {
                match table_rate(&rows, None, "").filter(|&r| clear_majority(&rows, r, p.group)) {
                    Some(r) => r,
                    None => {
                        // Rows under a header whose rate is not printed and not settled by
                        // their own arithmetic: a failing pair is not decided.
                        if let (Group::Rows(_), Some(why)) = (p.group, unsettled(&rows, &p.pair)) {
                            let (rate, reason) = why;
                            let c = holds(&p.pair, rate);
                            let message = format!(
                                "not decided: {reason} (price with VAT {} is not {} × {} = {})",
                                p.incl_text,
                                p.excl_text,
                                decimal(factor(rate)),
                                decimal(c.expected),
                            );
                            judged.push((i, c, Severity::Info, message));
                        }
                        continue;
                    }
                }
            }
        };
        let c = holds(&p.pair, rate);
        let n = rows.iter().filter(|q| holds(q, rate).holds).count();
        let others = if c.holds { n - 1 } else { n };
        let mut message = match p.group {
            Group::Page(_) => format!(
                "{} is not {} × {} = {} (the {} other pairs of the page hold at {})",
                p.incl_text,
                p.excl_text,
                decimal(factor(rate)),
                decimal(c.expected),
                others,
                percent(rate),
            ),
            Group::Rows(_) => format!(
                "price with VAT {} is not {} × {} = {} (the {} other pairs under the header hold at {}{})",
                p.incl_text,
                p.excl_text,
                decimal(factor(rate)),
                decimal(c.expected),
                others,
                percent(rate),
                if stated.is_some() {
                    ", the rate the page states"
                } else {
                    "; the rate is not printed and comes from them"
                },
            ),
        };
        let mut severity = RULE.severity;
        if !c.holds {
            let reason = undecided(&p.pair, rate, others, &p.excl_raw, &p.incl_raw).map(|r| {
                r.replace("other rows", "other pairs")
                    .replace("the row holds", "the pair holds")
            });
            // A row whose digit groups make other figures too: that first.
            let uncertain = (!p.certain).then(|| {
                "one space is both the thousands separator and the column gap in the row (or \
                 a point between thousands may be a decimal point), so its digit groups make \
                 other figures too"
                    .to_string()
            });
            let reason = uncertain.or(reason);
            if let Some(reason) = reason {
                severity = Severity::Info;
                message = format!("not decided: {reason} ({message})");
            }
        }
        judged.push((i, c, severity, message));
    }
    for (i, c, severity, message) in judged {
        let p = &found[i];
        sink.checked(c.holds);
        if c.holds {
            continue;
        }
        let span = LineSpan::in_line(&p.line.text, p.incl_digits.0, p.incl_digits.1);
        let provenance = p.line.provenance.clone().with_span(span);
        let paragraph = sink.paragraph_at(&provenance);
        let f = sink.report(&RULE, severity, message, provenance);
        f.paragraph = paragraph;
        f.expected = Some(c.expected);
        f.found = Some(c.found);
        f.tolerance = Some(c.tolerance);
        f.figure = Some(p.incl_text.clone());
        if let Some(label) = &p.label {
            f.row = Some(label.clone());
        }
    }
}

/// Whether the rate found from the pairs' own arithmetic holds for a clear majority of
/// the rows under a header (more than half of those whose two prices differ); pairs in
/// running text keep the three-pair test alone.
fn clear_majority(rows: &[Pair], rate: Decimal, group: Group) -> bool {
    if matches!(group, Group::Page(_)) {
        return true;
    }
    let differ = rows.iter().filter(|p| p.1.nominal != p.2.nominal).count();
    let n = rows.iter().filter(|p| holds(p, rate).holds).count();
    2 * n > differ
}

/// Why the rate of rows under a header is not settled, for a pair that fails under the
/// standard rate most of them hold at: that rate, and the reason. `None` when the pair
/// holds at some standard rate or no pair holds at any.
fn unsettled(rows: &[Pair], pair: &Pair) -> Option<(Decimal, String)> {
    let count = |rate: Decimal| rows.iter().filter(|p| holds(p, rate).holds).count();
    let counts: Vec<(Decimal, usize)> = standard_rates()
        .into_iter()
        .map(|r| (r, count(r)))
        .collect();
    let best = counts.iter().map(|&(_, n)| n).max()?;
    if best == 0 || counts.iter().any(|&(r, _)| holds(pair, r).holds) {
        return None;
    }
    let at_best: Vec<Decimal> = counts
        .iter()
        .filter(|&&(_, n)| n == best)
        .map(|&(r, _)| r)
        .collect();
    let rate = at_best[0];
    let reason = if at_best.len() > 1 {
        format!(
            "the rate is not printed and the other pairs hold as well at {} as at {}",
            percent(at_best[0]),
            percent(at_best[1])
        )
    } else if best < MIN_HOLDING {
        format!(
            "the rate is not printed and only {best} other pairs under the header hold at {}",
            percent(rate)
        )
    } else {
        format!(
            "the rate is not printed and only {best} of the {} pairs under the header hold at {}",
            rows.len(),
            percent(rate)
        )
    };
    Some((rate, reason))
}

/// A price without and with VAT written on two lines that say the same but for the VAT
/// words and the figure ("Pris eksl. moms i kr.: 25,00 kr." / "Pris inkl. moms i kr.:
/// 31,25 kr."): each line one figure with its currency and one VAT side, the next
/// non-blank line the other side.
fn two_line_pairs<'a>(lines: &[&'a crate::document::SourceLine]) -> Vec<InlinePair<'a>> {
    // A line's side, its one money figure and what is left when both are taken out.
    let one = |text: &str| -> Option<(Side, inline::InlineFigure, String)> {
        if !text.bytes().any(|b| b.is_ascii_digit()) || !names_vat(&text.to_lowercase()) {
            return None;
        }
        let figs = inline::figures(text);
        let [f] = figs.as_slice() else {
            return None;
        };
        if !f.money {
            return None;
        }
        let rest = format!("{}{}", text.get(..f.start)?, text.get(f.end..)?).to_lowercase();
        let (side, s, e) = side_in(&rest)?;
        let skeleton: String = format!("{}{}", rest.get(..s)?, rest.get(e..)?)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        Some((side, f.clone(), skeleton))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some((sa, fa, ka)) = one(&lines[i].text) else {
            i += 1;
            continue;
        };
        let Some(j) = (i + 1..lines.len()).find(|&j| !lines[j].text.trim().is_empty()) else {
            break;
        };
        let next_ok = lines[j].provenance.page == lines[i].provenance.page;
        match one(&lines[j].text).filter(|(sb, _, kb)| next_ok && *sb != sa && *kb == ka) {
            Some((_, fb, _)) => {
                let (excl, (incl, il)) = if sa == Side::Excl {
                    (fa, (fb, lines[j]))
                } else {
                    (fb, (fa, lines[i]))
                };
                if excl.value.lo > Decimal::ZERO && incl.value.lo > Decimal::ZERO {
                    out.push(InlinePair {
                        line: il,
                        pair: (0, excl.value, incl.value),
                        excl_text: excl.raw.trim().to_string(),
                        incl_text: incl.raw.trim().to_string(),
                        excl_raw: excl.raw.clone(),
                        incl_raw: incl.raw.clone(),
                        incl_digits: incl.digits,
                        stated: None,
                        group: Group::Page(il.provenance.page),
                        certain: true,
                        label: None,
                    });
                }
                i = j + 1;
            }
            None => i += 1,
        }
    }
    out
}

/// The VAT sides a header line names, in order ("Ydelse Ekskl. moms Inkl. moms", "Inkl
/// moms Exkl moms Inkl moms Exkl moms"), or `None` when the line is no header: it has a
/// figure other than a year, or more than six other words.
fn header_sides(text: &str) -> Option<Vec<Side>> {
    let lower = text
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut found: Vec<(usize, usize, Side)> = Vec::new();
    for (side, words) in [(Side::Excl, EXCL), (Side::Incl, INCL)] {
        for w in words {
            for i in whole_word_matches(&lower, w) {
                found.push((i, i + w.len(), side));
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut kept: Vec<(usize, usize, Side)> = Vec::new();
    for f in found {
        match kept.last_mut() {
            Some(k) if f.0 < k.1 => {}
            // One column named twice ("Veroton (alv 0 %)"): nothing but marks between.
            Some(k) if k.2 == f.2 && !lower[k.1..f.0].chars().any(char::is_alphanumeric) => {
                k.1 = f.1
            }
            _ => kept.push(f),
        }
    }
    let mut rest = String::new();
    let mut at = 0;
    for k in &kept {
        rest.push_str(&lower[at..k.0]);
        rest.push(' ');
        at = k.1;
    }
    rest.push_str(&lower[at..]);
    // Outside the names of the prices, no figure but a year or a date ("2022",
    // "31.12.2022").
    let year_or_date = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let parts: Vec<&str> = w.split('.').collect();
        let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        let year = |p: &str| {
            digits(p) && p.len() == 4 && p.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
        };
        match parts.as_slice() {
            [y] => year(y),
            [d, m, y] => digits(d) && digits(m) && d.len() <= 2 && m.len() <= 2 && year(y),
            _ => false,
        }
    };
    let figures_ok = rest
        .split_whitespace()
        .filter(|w| w.bytes().any(|b| b.is_ascii_digit()))
        .all(year_or_date);
    let words = rest
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    (figures_ok && words <= 6).then(|| kept.iter().map(|k| k.2).collect())
}

/// One figure of a row's run of figures at the end of its line.
#[derive(Clone, Debug)]
struct RowFigure {
    value: Interval,
    /// As written, with a currency mark beside it.
    raw: String,
    /// Byte offsets of its digits in the line.
    digits: (usize, usize),
    /// Digits alone, no decimals, not money: may be a year.
    plain: bool,
}

/// A token of a row's run: a figure's digit group(s) or a currency mark.
#[derive(Clone, Debug)]
enum RowToken {
    Number {
        start: usize,
        end: usize,
        text: String,
    },
    Currency,
}

/// Whether `t` is one figure's digits: "924", "1.155", "2.768,-", "1545,00", "449,50".
fn number_token(t: &str) -> bool {
    let t = t
        .strip_suffix(",-")
        .or_else(|| t.strip_suffix(",–"))
        .unwrap_or(t);
    let (int, frac) = match t.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    if frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    let groups: Vec<&str> = int.split('.').collect();
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    if !groups.iter().all(|g| digits(g)) {
        return false;
    }
    groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3))
}

/// The run of figures a line ends with: its tokens (figures and currency marks, nothing
/// else between them but spaces), whether two tokens were one space apart, and whether
/// the line is nothing but the run. After the run, at most two words with no digit and
/// no VAT word (a unit: "pr. år", "pr. m3", "*").
fn row_run(text: &str) -> Option<(Vec<(RowToken, usize)>, bool)> {
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for w in text.split_whitespace() {
        let i = at + text[at..].find(w)?;
        words.push((i, w));
        at = i + w.len();
    }
    let currency = |w: &str| {
        matches!(
            w.to_lowercase().trim_end_matches(':'),
            "kr" | "kr." | "nok" | "dkk" | "sek" | "€" | "eur" | "e"
        )
    };
    // The unit after the run.
    let mut end = words.len();
    let mut unit = 0;
    while end > 0 {
        let w = words[end - 1].1;
        let plain = w
            .replace(['³', '²'], "")
            .replace("m3", "")
            .replace("m2", "");
        if number_token(w) || currency(w) || plain.bytes().any(|b| b.is_ascii_digit()) {
            break;
        }
        if unit == 2 {
            return None;
        }
        unit += 1;
        end -= 1;
    }
    let mut start = end;
    while start > 0 && (number_token(words[start - 1].1) || currency(words[start - 1].1)) {
        start -= 1;
    }
    let run = &words[start..end];
    if !run.iter().any(|(_, w)| number_token(w)) {
        return None;
    }
    // A unit, not the words of a sentence ("… 4 600 kr/år inklusive moms.").
    let after = words[end..]
        .iter()
        .map(|(_, w)| *w)
        .collect::<Vec<_>>()
        .join(" ");
    if names_vat(&after.to_lowercase()) {
        return None;
    }
    let tokens = run
        .iter()
        .map(|&(i, w)| {
            let token = if number_token(w) {
                RowToken::Number {
                    start: i,
                    end: i + w.len(),
                    text: w.to_string(),
                }
            } else {
                RowToken::Currency
            };
            (token, i)
        })
        .collect();
    Some((tokens, start == 0 && unit == 0))
}

/// The ways a run's digit groups make exactly `n` figures, a group of three digits one
/// space after a plain group (no decimals) joining it as its thousands ("1 449"): the
/// figures when exactly one way does, and whether no other number of figures was
/// possible either (the reading is then certain).
fn row_figures(
    text: &str,
    tokens: &[(RowToken, usize)],
    n: usize,
) -> Option<(Vec<RowFigure>, bool)> {
    // Runs of numbers one space apart (a currency mark or two spaces end a run).
    let mut parts: Vec<Vec<(usize, usize, String)>> = Vec::new();
    let mut prev_end: Option<usize> = None;
    for (t, _) in tokens {
        match t {
            RowToken::Number {
                start,
                end,
                text: w,
            } => {
                let joined = prev_end.is_some_and(|e| text.get(e..*start) == Some(" "));
                if !joined || parts.is_empty() {
                    parts.push(Vec::new());
                }
                if let Some(last) = parts.last_mut() {
                    last.push((*start, *end, w.clone()));
                }
                prev_end = Some(*end);
            }
            RowToken::Currency => prev_end = None,
        }
    }
    // Every segmentation of each part into figures.
    fn can_join(prev: &str, next: &str, first: bool) -> bool {
        let plain = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
        let head = next.split(',').next().unwrap_or("");
        plain(prev)
            && (if first {
                prev.len() <= 3
            } else {
                prev.len() == 3
            })
            && head.len() == 3
            && plain(head)
    }
    fn segmentations(groups: &[(usize, usize, String)]) -> Vec<Vec<(usize, usize)>> {
        // Each segmentation: figures as (first group, last group) index ranges.
        let mut out: Vec<Vec<(usize, usize)>> = Vec::new();
        fn go(
            groups: &[(usize, usize, String)],
            i: usize,
            acc: &mut Vec<(usize, usize)>,
            out: &mut Vec<Vec<(usize, usize)>>,
        ) {
            if out.len() > 64 {
                return;
            }
            if i == groups.len() {
                out.push(acc.clone());
                return;
            }
            let mut j = i;
            loop {
                acc.push((i, j));
                go(groups, j + 1, acc, out);
                acc.pop();
                if j + 1 < groups.len() && can_join(&groups[j].2, &groups[j + 1].2, j == i) {
                    j += 1;
                } else {
                    break;
                }
            }
        }
        go(groups, 0, &mut Vec::new(), &mut out);
        out
    }
    let per_part: Vec<Vec<Vec<(usize, usize)>>> = parts.iter().map(|p| segmentations(p)).collect();
    if per_part.iter().any(|s| s.len() > 64) {
        return None;
    }
    // Combine the parts' segmentations; keep those with n figures.
    let mut combos: Vec<Vec<(usize, usize, usize)>> = vec![Vec::new()];
    for (k, segs) in per_part.iter().enumerate() {
        let mut next = Vec::new();
        for c in &combos {
            for s in segs {
                let mut c2 = c.clone();
                c2.extend(s.iter().map(|&(a, b)| (k, a, b)));
                if c2.len() <= n {
                    next.push(c2);
                }
            }
        }
        combos = next;
        if combos.len() > 256 {
            return None;
        }
    }
    let total_ways: usize = per_part.iter().map(Vec::len).product();
    let with_n: Vec<&Vec<(usize, usize, usize)>> = combos.iter().filter(|c| c.len() == n).collect();
    let [one] = with_n.as_slice() else {
        return None;
    };
    let mut figures = Vec::new();
    let mut sure_all = true;
    for &(k, a, b) in one.iter() {
        let groups = &parts[k][a..=b];
        let start = groups[0].0;
        let end = groups[b - a].1;
        let digits: String = groups
            .iter()
            .map(|g| g.2.as_str())
            .collect::<Vec<_>>()
            .join("");
        let digits = digits
            .strip_suffix(",-")
            .or_else(|| digits.strip_suffix(",–"))
            .unwrap_or(&digits)
            .replace('.', "");
        let (int, frac) = match digits.split_once(',') {
            Some((i, f)) => (i.to_string(), f.to_string()),
            None => (digits.clone(), String::new()),
        };
        let number = if frac.is_empty() {
            int.clone()
        } else {
            format!("{int}.{frac}")
        };
        let value: Decimal = number.parse().ok()?;
        let raw = text.get(start..end)?.to_string();
        // "1.100" with no decimal comma may be 1 100 or 1,100: not certain.
        let dotted = frac.is_empty() && raw.contains('.');
        sure_all &= !dotted;
        figures.push(RowFigure {
            value: Interval::written(value, frac.len() as u32),
            plain: frac.is_empty() && !raw.contains(['.', ',', ' ']),
            raw,
            digits: (start, end),
        });
    }
    Some((figures, sure_all && total_ways == 1))
}

/// Whether a row's figures are years alone ("2022 2023"): a header, not prices.
fn years_only(figs: &[RowFigure]) -> bool {
    !figs.is_empty()
        && figs.iter().all(|f| {
            f.plain
                && f.value.nominal >= Decimal::new(1900, 0)
                && f.value.nominal <= Decimal::new(2100, 0)
        })
}

/// Prices read from the rows under a header that names a price without and with VAT for
/// each of its figure columns ("Ydelse Ekskl. moms Inkl. moms"; the header may stand over
/// several lines, one name a line): a row is a line that ends with exactly as many figures
/// as the header names prices, or a label line followed by lines of one figure each
/// (one cell per line). Each price with VAT is paired with the price without VAT the
/// header names beside it ("ekskl. 2022 | ekskl. 2023 | inkl. 2023": the last two).
/// Lines of a table REL008 already read (`read`: page, first and last line) and lines
/// `used` by the readers of running text are left out.
fn row_pairs<'a>(
    doc: &'a crate::document::Document,
    read: &[(u32, u32, u32)],
    used: &[(u32, u32)],
) -> Vec<InlinePair<'a>> {
    type Cell<'b> = (RowFigure, bool, &'b crate::document::SourceLine);
    let mut out = Vec::new();
    // Only a document that names VAT somewhere can have such a header (a byte check, no
    // lowering: most documents stop here).
    let names_vat_somewhere = doc.lines.iter().any(|l| {
        let b = l.text.as_bytes();
        ["moms", "mva", "alv", "vat", "vero", "merverdi", "mervärde"]
            .iter()
            .any(|w| {
                b.windows(w.len())
                    .any(|x| x.eq_ignore_ascii_case(w.as_bytes()))
            })
    });
    if !names_vat_somewhere {
        return out;
    }
    let mut headers = 0usize;
    // The current header's sides and group, the sides of a header being read, the cells
    // of a row written one per line, and the lines with figures that made no row since
    // the last row.
    let mut sides: Option<(Vec<Side>, usize)> = None;
    let mut pending: Vec<Side> = Vec::new();
    let mut in_header = false;
    let mut cells: Vec<Cell> = Vec::new();
    let mut strays = 0;
    let mut page = 0;
    // The last line of words alone: the label of a row written one cell per line.
    let mut last_label: Option<String> = None;
    let mut header_at = 0;
    let mut close_header = |pending: &mut Vec<Side>, sides: &mut Option<(Vec<Side>, usize)>| {
        if pending.contains(&Side::Excl) && pending.contains(&Side::Incl) {
            headers += 1;
            *sides = Some((std::mem::take(pending), headers));
        }
        pending.clear();
    };
    for line in &doc.lines {
        let text = line.text.as_str();
        if line.provenance.page != page {
            page = line.provenance.page;
            sides = None;
            pending.clear();
            in_header = false;
            cells.clear();
        }
        // Blank lines may stand between a header's names (one name a line) and between a
        // row's cells; they close nothing.
        if text.trim().is_empty() {
            continue;
        }
        if let Some(h) = header_sides(text) {
            // A header's lines follow each other, at most two blank lines apart.
            if in_header && line.provenance.line > header_at + 3 {
                pending.clear();
            }
            if !in_header {
                pending.clear();
                in_header = true;
            }
            header_at = line.provenance.line;
            last_label = h.is_empty().then(|| text.trim().to_string());
            if h.is_empty()
                && text.bytes().any(|b| b.is_ascii_digit())
                && !text.chars().any(char::is_alphabetic)
            {
                // Years or dates alone ("2023 2024"): the head of another table, or of
                // the next header; the rows below are not the current header's.
                sides = None;
                last_label = None;
            }
            pending.extend(h);
            cells.clear();
            continue;
        }
        if in_header {
            in_header = false;
            close_header(&mut pending, &mut sides);
            strays = 0;
        }
        let Some((cols, group)) = sides.clone() else {
            continue;
        };
        let n = cols.len();
        let run = row_run(text);
        let whole = run
            .as_ref()
            .and_then(|(tokens, _)| row_figures(text, tokens, n));
        if whole.as_ref().is_some_and(|(f, _)| years_only(f)) {
            sides = None;
            cells.clear();
            continue;
        }
        let mut label = last_label.clone();
        let row: Option<Vec<Cell>> = if let Some((figs, sure)) = whole {
            cells.clear();
            let own = run
                .as_ref()
                .and_then(|(tokens, _)| tokens.first())
                .and_then(|&(_, at)| text.get(..at))
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty());
            if own.is_some() {
                label = own;
            }
            Some(figs.into_iter().map(|f| (f, sure, line)).collect())
        } else if let Some((tokens, true)) = &run {
            // A line of figures alone: cells of a row written one per line.
            let fewer = (1..n).find_map(|k| row_figures(text, tokens, k).map(|r| (k, r)));
            match fewer {
                Some((_, (figs, sure))) if cells.len() + figs.len() <= n => {
                    cells.extend(figs.into_iter().map(|f| (f, sure, line)));
                    if cells.len() == n {
                        Some(std::mem::take(&mut cells))
                    } else {
                        continue;
                    }
                }
                _ => {
                    cells.clear();
                    None
                }
            }
        } else {
            cells.clear();
            if run.is_none() && !text.bytes().any(|b| b.is_ascii_digit()) {
                last_label = Some(text.trim().to_string());
            }
            if run.is_some() {
                strays += 1;
                if strays >= 3 {
                    sides = None;
                }
            }
            None
        };
        let Some(row) = row else {
            continue;
        };
        strays = 0;
        let at = |l: &crate::document::SourceLine| (l.provenance.page, l.provenance.line);
        let first = at(row[0].2);
        let in_table = read
            .iter()
            .any(|&(p, a, b)| p == first.0 && first.1 >= a && first.1 <= b);
        if in_table || row.iter().any(|c| used.contains(&at(c.2))) {
            continue;
        }
        let mut i = 0;
        while i + 1 < n {
            if cols[i] == cols[i + 1] {
                i += 1;
                continue;
            }
            let (e, c) = if cols[i] == Side::Excl {
                (i, i + 1)
            } else {
                (i + 1, i)
            };
            let ((excl, se, _), (incl, si, il)) = (&row[e], &row[c]);
            if excl.value.lo > Decimal::ZERO && incl.value.lo > Decimal::ZERO {
                out.push(InlinePair {
                    line: il,
                    pair: (0, excl.value, incl.value),
                    excl_text: excl.raw.clone(),
                    incl_text: incl.raw.clone(),
                    excl_raw: excl.raw.clone(),
                    incl_raw: incl.raw.clone(),
                    incl_digits: incl.digits,
                    stated: None,
                    group: Group::Rows(group),
                    certain: *se && *si,
                    label: label.clone(),
                });
            }
            i += 2;
        }
    }
    out
}

/// The name of the column with VAT for a message: its header, or "inkl. moms".
fn incl_name(view: &TableView, c: usize) -> String {
    let h = view.column_name(c);
    if h.is_empty() {
        "inkl. moms".to_string()
    } else {
        h
    }
}

/// Where `word` stands in `text` as a word of its own: no letter or digit glued before it,
/// nor after it when it ends in one ("inkl." may run into what follows).
fn whole_word_matches<'a>(text: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(word).filter_map(move |(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        let glued_before = before.is_some_and(char::is_alphanumeric);
        let glued_after =
            word.ends_with(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric);
        (!(glued_before || glued_after)).then_some(i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_countrys_vat_word_names_its_rates() {
        let pct = |v: i64, s: u32| Decimal::new(v, s);
        // Whole-krona prices 100 / 125 hold at 25 % and at Finland's 25,5 %: "mva" says
        // Norway, so only 25 % remains.
        assert_eq!(
            rates_named_by("gebyr eks. mva inkl. mva"),
            [pct(25, 0), pct(15, 0), pct(12, 0)]
        );
        assert!(rates_named_by("hinta alv 0 %, alv 25,5 %").contains(&pct(255, 1)));
        assert!(!rates_named_by("hinta alv 0 %").contains(&pct(6, 0)));
        // "moms" is Swedish, Danish and Finland-Swedish: every rate.
        assert_eq!(
            rates_named_by("exkl. moms inkl. moms").len(),
            STANDARD.len()
        );
        assert_eq!(
            rates_named_by("eks. mva / inkl. moms").len(),
            STANDARD.len()
        );
    }

    #[test]
    fn names_pairs_of_prices() {
        assert!(names_pair("avgift år exkl. moms\navgift år inkl. moms"));
        assert!(names_pair("pris eks. mva | pris inkl. mva"));
        assert!(names_pair("alv 0 % | alv 24 %"));
        assert!(!names_pair("nettokostnad | bruttokostnad"));
        assert!(!names_pair("netto | brutto"));
        assert!(names_pair("netto | brutto (moms 25 %)"));
        assert!(!names_pair("avgift inkl. moms"));
    }

    #[test]
    fn reads_the_vat_side_beside_a_figure() {
        let side = |t: &str| side_in(t).map(|x| x.0);
        assert_eq!(side("pris ekskl. moms "), Some(Side::Excl));
        assert_eq!(side(" (alv 0 %) "), Some(Side::Excl));
        assert_eq!(side(" (alv 24 %)."), Some(Side::Incl));
        assert_eq!(side(" + mva "), Some(Side::Excl));
        assert_eq!(side("ekskl. moms og inkl. moms"), None);
        assert_eq!(side(" kr per år"), None);
    }

    #[test]
    fn reads_headers_naming_the_prices_in_order() {
        use Side::{Excl, Incl};
        assert_eq!(
            header_sides("Ydelse Ekskl. moms Inkl. moms"),
            Some(vec![Excl, Incl])
        );
        assert_eq!(
            header_sides("  Inkl moms  Exkl moms Inkl moms Exkl  moms"),
            Some(vec![Incl, Excl, Incl, Excl])
        );
        assert_eq!(header_sides("Kr. ekskl. moms"), Some(vec![Excl]));
        assert_eq!(header_sides("31.12.2022"), Some(vec![]));
        assert_eq!(
            header_sides("Veroton (alv 0 %) Verollinen (alv 25,5 %)"),
            Some(vec![Excl, Incl])
        );
        // A row of figures, or a sentence, is no header.
        assert_eq!(header_sides("Lukkebesøg 375,00 375,00"), None);
        assert_eq!(
            header_sides("Alle priser i tabellen nedenfor er ekskl. moms og derfor uten avgift"),
            None
        );
    }

    #[test]
    fn reads_a_row_s_figures_one_way_only() {
        let read = |t: &str, n: usize| {
            let (tokens, _) = row_run(t)?;
            row_figures(t, &tokens, n).map(|(f, sure)| {
                let v: Vec<String> = f.iter().map(|x| x.value.nominal.to_string()).collect();
                (v, sure)
            })
        };
        let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            read("Aflæsning af måler 270,00 270,00 337,50", 3),
            Some((v(&["270.00", "270.00", "337.50"]), true))
        );
        assert_eq!(
            read("Rykkerskrivelse* kr. 100,00 100,00", 2),
            Some((v(&["100.00", "100.00"]), true))
        );
        // One space may be a thousands separator: read, but not certain.
        assert_eq!(
            read("Bostad/villa 675 540", 2),
            Some((v(&["675", "540"]), false))
        );
        assert_eq!(
            read("Inntil 10 kubikk container 53 000 66 250", 2),
            Some((v(&["53000", "66250"]), false))
        );
        // "1.100" may be 1,100: not certain.
        assert_eq!(read("Tilslutning 1.100 1.375", 2).map(|r| r.1), Some(false));
        // Too few figures for the columns, or a sentence after them: no row.
        assert_eq!(read("Kärl 190 >10 800 640 500 400 200", 6), None);
        assert_eq!(read("cirka 4 600 kr/år inklusive moms.", 2), None);
        assert_eq!(
            read("Tømning 280 350 pr. år", 2).map(|r| r.0.len()),
            Some(2)
        );
    }

    #[test]
    fn a_price_ending_in_zeros_may_be_rounded_to_their_step() {
        assert_eq!(trailing_zero_step("2033,50"), Some(Decimal::new(1, 1)));
        assert_eq!(trailing_zero_step("83,00 kr."), Some(Decimal::ONE));
        assert_eq!(trailing_zero_step("11,44"), None);
        assert_eq!(trailing_zero_step("1615,-"), None);
    }

    #[test]
    fn reads_stated_rates() {
        assert_eq!(
            stated_rates("priserna inkl. moms 25 %"),
            vec![Decimal::new(25, 0)]
        );
        assert_eq!(
            stated_rates("alv 0 % | alv 25,5 %"),
            vec![Decimal::new(255, 1)]
        );
        assert_eq!(
            stated_rates("25 % mva kommer i tillegg"),
            vec![Decimal::new(25, 0)]
        );
        assert!(stated_rates("ökning 3 % jämfört med 2022").is_empty());
    }
}
