//! REL008: a price with VAT ("inkl. moms", "inkl. mva", "alv 24 %", "verollinen") that is
//! not the price without VAT beside it ("exkl. moms", "eks. mva", "alv 0 %", "veroton")
//! times one plus the VAT rate.
//!
//! The pair of columns is taken only where the table's header, title or the lines just
//! above it name both prices, and only at a rate the page states ("moms 25 %") or, when
//! it states none, the one standard Nordic rate under which most of the table's rows hold
//! (at least three, no other standard rate holding as many).

use crate::arith::{compare, Comparison, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::rules::rel::inline;
use crate::check::view::{CellRef, ColumnKind, TableView};
use crate::check::{Relation, Sink};
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
as pairs in the order a line above them names (\"Ekskl. moms / Incl. moms\").\n\nExample: exkl. moms 9,03, inkl. moms 11,44, where the six \
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
    "alv. 24",
    "alv. 25",
    "verollinen",
    "sis. alv",
    "sisältää alv",
    "incl. vat",
    "incl vat",
];
/// Words that name VAT (for a stated rate, and for "netto | brutto" to be read as a pair).
const VAT_WORDS: &[&str] = &[
    "moms",
    "mva",
    "alv",
    "mervärdesskatt",
    "merverdiavgift",
    "arvonlisävero",
    "vat",
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
        .filter(|&r| view.is_data(r))
        .filter_map(|r| {
            let (x, y) = (view.figure(r, excl)?, view.figure(r, incl)?);
            (x.lo > Decimal::ZERO && y.lo > Decimal::ZERO).then_some((r, x, y))
        })
        .collect()
}

/// The rate of the pair: the stated one, or the standard rate the most rows hold at.
fn table_rate(rows: &[Pair], stated: Option<Decimal>) -> Option<Decimal> {
    let count = |rate: Decimal| rows.iter().filter(|p| holds(p, rate).holds).count();
    if let Some(rate) = stated {
        return (count(rate) >= MIN_HOLDING).then_some(rate);
    }
    let counts: Vec<(Decimal, usize)> = standard_rates()
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
                let Some(rate) = table_rate(&rows, stated) else {
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
    sink.table_relations(&relations);
    check_inline(sink);
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
    let expected = p.1.scale(factor(rate));
    let near = expected.lo - coarse <= y.hi && y.lo <= expected.hi + coarse;
    // A figure written with ",00" may be a whole-krona price.
    let whole = |written: &str, i: Interval| {
        let digits: String = written
            .chars()
            .filter(|ch| ch.is_ascii_digit() || *ch == ',' || *ch == '.')
            .collect();
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
            for (i, _) in clause.match_indices(w) {
                let before = clause[..i].chars().next_back();
                let after = clause[i + w.len()..].chars().next();
                let glued_before = before.is_some_and(char::is_alphanumeric);
                let glued_after =
                    w.ends_with(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric);
                let whole = !(glued_before || glued_after);
                if whole {
                    found.push((side, i, i + w.len()));
                }
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
            });
        }
    }
    out
}

/// The pairs written in one line of running text or one cell, checked as a table's
/// rows are: at the rate the line (or else the page) states, or the one most of the
/// page's pairs hold at; an error only where three other pairs of the page hold at it.
fn check_inline(sink: &mut Sink) {
    let doc = sink.document;
    let lines = crate::check::rules::txt::prose::prose_lines(doc);
    let found = inline_pairs(&lines);
    if found.is_empty() {
        return;
    }
    let mut judged: Vec<(usize, Comparison, Severity, String)> = Vec::new();
    for (i, p) in found.iter().enumerate() {
        let page = p.line.provenance.page;
        let group: Vec<&InlinePair> = found
            .iter()
            .filter(|q| q.line.provenance.page == page)
            .collect();
        let page_stated = page_stated_rate(doc, page);
        let rows: Vec<Pair> = group.iter().map(|q| q.pair).collect();
        let rate = match p.stated.or(page_stated) {
            Some(r) => r,
            None => match table_rate(&rows, None) {
                Some(r) => r,
                None => continue,
            },
        };
        let c = holds(&p.pair, rate);
        let n = rows.iter().filter(|q| holds(q, rate).holds).count();
        let others = if c.holds { n - 1 } else { n };
        let mut message = format!(
            "{} is not {} × {} = {} (the {} other pairs of the page hold at {})",
            p.incl_text,
            p.excl_text,
            decimal(factor(rate)),
            decimal(c.expected),
            others,
            percent(rate),
        );
        let mut severity = RULE.severity;
        if !c.holds {
            let reason = undecided(&p.pair, rate, others, &p.excl_raw, &p.incl_raw).map(|r| {
                r.replace("other rows", "other pairs")
                    .replace("the row holds", "the pair holds")
            });
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
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
