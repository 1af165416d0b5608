//! REL011: an income band table ("Inntil 2G 180.136", "2G - 3G 180.136 – 270.204", …,
//! "Over 5G 450.340") whose limits contradict each other or the base amount the page
//! states: consecutive bands that do not meet where every other boundary of the table
//! does, or a limit written as n × G that is not n × the page's G (or, where the page
//! states none, n × the base all the table's other limits are multiples of).
//!
//! Read line by line with plain character checks (no regex): a line is a band row when
//! it writes a limit with its side — a range "A – B", "fra A til B", "A-B", a limit after
//! "inntil", "under", "over", "fra", "til og med", … or before "og over" — the rows of a
//! page close together are one table, read whole in the order of their limits.

use crate::arith::{compare, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;
use crate::document::SourceLine;
use crate::LineSpan;
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: RuleCode::REL011,
    name: "income-bands-disagree",
    family: Family::Rel,
    severity: Severity::Error,
    summary: "An income band table whose limits do not meet, or whose limits written as n × G \
are not n × the page's base amount",
    explanation: "Fee pages price by income band: \"Inntil 2G 180.136\", \"2G - 3G 180.136 – \
270.204\", …, \"Over 5G 450.340\" beside the page's \"G = grunnbeløp … kr 90068\"; \"B1 \
6001-7500\", \"B2 7501-8500\"; \"fra 556 kr. til 1561 kr.\", \"fra 1562 kr. til 2601 kr.\". \
Two relations hold in such a table.\n\nBoundaries. Consecutive bands meet: band k's upper \
limit and band k+1's lower limit are the same figure or one unit of the figures' last digit \
apart (202 702 / 202 703). A gap or an overlap is an error only where at least two other \
boundaries of the same table meet, none fails, and the two rows stand no farther apart than \
the rows of the boundaries that meet (a line of another kind, or a row not read, between \
them); otherwise it is not decided (info): the bands may not be meant to tile. Rows none of \
whose boundaries meet are no band table and are not read.\n\nMultiples. A limit written beside a multiple of the \
grunnbeløp (\"2G - 3G 180.136 – 270.204\", \"334 431 kroner (3 G)\") must be n × G, each \
figure standing for ± half a unit of its last digit. G is the page's own (a line naming the \
grunnbeløp, \"G =\" or \"1 G =\", with one amount); where the page states none, the table's \
limits may fix one: at least three distinct limits that are multiples of one base, with \
exactly one limit that is not. Where the page's G and the limits disagree, it is an error \
only when a single limit disagrees (or one boundary written twice, \"496 211 – \" and \
\"496 212 –\") and at least two others are n × the page's G, or when \
the page's G fits none of three or more limits and they all are multiples of one other base \
(last year's G left standing: \"the limits are n × 96 883; the page states G = 93 634\"); \
two bases each fitting some limits are not decided (info). A table where a figure read as \
a limit is below n × 1 000 (a fee beside \"Inntil 2G\") is not read for multiples.\n\nWhat is read. A band row is a \
line writing a limit with its side: a range (\"A – B\", \"A-B\", \"fra A til B\", \"mellem \
A-B\", B above A), a limit after \"inntil\", \"under\", \"over\", \"fra\", \"til og med\", \
\"upp till\", \"yli\", \"<=\", \">\" (a currency mark may stand between), before \"og \
over\", or a bare figure right after a one-sided multiple (\"Inntil 2G 180.136\"). A \
figure followed by a word other than a currency (\"over 75 år\", \"5-10 h/kk\"), a year, a \
date or a figure glued to letters is not a limit. Rows of one page at most twelve lines \
apart are one table; the table is read whole in the order of its limits (either way), and \
splits where the order breaks; a page with several tables (per household size, per \
service) is judged per table. Nothing is read on a page that names no income (inntekt, \
inkomst, indkomst, tulot, grunnbeløp). Example: \"4G - 5G 360.227 – 450.340\" on a page \
stating G = 90068: 4 × 90 068 = 360 272, while 2G, 3G and 5G are 180.136, 270.204 and \
450.340.",
    checks: &[Check::Document(check)],
};

/// Rows of one table stand at most this many non-blank lines apart.
const ROW_GAP: u32 = 12;

/// A figure of a line, read whole.
#[derive(Clone, Debug)]
struct Fig {
    value: Decimal,
    decimals: u32,
    raw: String,
    start: usize,
    end: usize,
    /// Written with a thousands separator ("180.136", "185 152").
    grouped: bool,
    /// A currency mark stands right after it (or after its ",-").
    money_after: bool,
    /// Directly followed by "G" (a multiple of the grunnbeløp).
    g: bool,
}

impl Fig {
    fn unit(&self) -> Decimal {
        Decimal::new(1, self.decimals)
    }
    fn interval(&self) -> Interval {
        Interval::written(self.value, self.decimals)
    }
}

const CURRENCY: &[&str] = &[
    "kr.", "kr", "kr:", "kroner", "kronor", "kronar", "nok", "sek", "dkk", "€", "euro", "euroa",
    "eur",
];

/// Words before a figure that make it a band's lower limit.
const LOWER_BEFORE: &[&str] = &[
    "over",
    "fra",
    "från",
    "from",
    "fr.o.m.",
    "yli",
    "över",
    "utover",
    "overstiger",
    ">",
    ">=",
    "≥",
];
/// Words before a figure that make it a band's upper limit (the last word or two).
const UPPER_BEFORE: &[&str] = &[
    "inntil",
    "indtil",
    "under",
    "t.o.m.",
    "t.o.m",
    "högst",
    "enintään",
    "alle",
    "<",
    "<=",
    "≤",
    "op til",
    "opp til",
    "upp till",
    "og med",
    "och med",
];
/// Words after a figure that make it a band's lower limit.
const LOWER_AFTER: &[&str] = &[
    "og over",
    "og oppover",
    "og derover",
    "eller mer",
    "eller mere",
    "och över",
    "och mer",
    "och uppåt",
    "tai yli",
];
/// Words after a figure that make it a band's upper limit.
const UPPER_AFTER: &[&str] = &["eller derunder", "og under", "eller mindre", "och under"];
/// Words that may follow a limit written without a currency mark.
const AFTER_OK: &[&str] = &[
    "og", "eller", "til", "till", "och", "to", "pr", "pr.", "per", "i", "ja", "tai",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The figures of a line, read whole: digit groups separated by "." or one space (groups
/// of three), a decimal comma; dates, figures glued to letters and other shapes are not
/// read.
fn figures(text: &str) -> Vec<Fig> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let prev = text[..i].chars().next_back();
        let start = i;
        // The run of digits, dots, commas and single spaces before a group of three.
        let mut j = i;
        loop {
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            if j + 1 < b.len() && (b[j] == b'.' || b[j] == b',') && b[j + 1].is_ascii_digit() {
                j += 1;
                continue;
            }
            if j + 3 < b.len() + 1
                && b.get(j) == Some(&b' ')
                && b.get(j + 1..j + 4)
                    .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                && !b.get(j + 4).is_some_and(|c| c.is_ascii_digit())
                && !text[start..j].contains(',')
                && !text[start..j].contains('.')
                && text[start..j]
                    .rsplit(' ')
                    .next()
                    .is_some_and(|g| g.len() <= 3)
            {
                j += 4;
                continue;
            }
            break;
        }
        i = j;
        if prev.is_some_and(|c| is_word_char(c) || c == '.' || c == ',' || c == '/') {
            continue;
        }
        let next = text[j..].chars().next();
        if next.is_some_and(|c| c.is_alphabetic() && c != 'G') {
            continue;
        }
        let raw = &text[start..j];
        let Some((value, decimals, grouped)) = parse(raw) else {
            continue;
        };
        let mut rest = &text[j..];
        if let Some(r) = rest.strip_prefix(",-").or_else(|| rest.strip_prefix(".-")) {
            rest = r;
        }
        let after = rest.trim_start();
        let g = rest
            .trim_start_matches(' ')
            .strip_prefix('G')
            .is_some_and(|r| !r.chars().next().is_some_and(char::is_alphabetic))
            && rest.len() - rest.trim_start_matches(' ').len() <= 1;
        let money_after = !g
            && CURRENCY.iter().any(|c| {
                after.len() >= c.len()
                    && after
                        .get(..c.len())
                        .is_some_and(|w| w.eq_ignore_ascii_case(c))
                    && !after[c.len()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic)
            });
        out.push(Fig {
            value,
            decimals,
            raw: raw.to_string(),
            start,
            end: j,
            grouped,
            money_after,
            g,
        });
    }
    out
}

/// "180.136" → 180136, "185 152" → 185152, "1330,50" → 1330.50; `None` for other shapes
/// (dates "01.05.15", "1.1.2016", a decimal point).
fn parse(raw: &str) -> Option<(Decimal, u32, bool)> {
    let (int, frac) = match raw.split_once(',') {
        Some((i, f)) if !f.is_empty() && f.len() <= 2 && f.bytes().all(|c| c.is_ascii_digit()) => {
            (i, Some(f))
        }
        Some(_) => return None,
        None => (raw, None),
    };
    let sep = if int.contains('.') {
        Some('.')
    } else if int.contains(' ') {
        Some(' ')
    } else {
        None
    };
    let digits: String = match sep {
        Some(s) => {
            let groups: Vec<&str> = int.split(s).collect();
            let ok = groups[0].len() <= 3
                && !groups[0].is_empty()
                && groups[1..].iter().all(|g| g.len() == 3);
            if !ok {
                return None;
            }
            groups.concat()
        }
        None => int.to_string(),
    };
    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let decimals = frac.map_or(0, |f| f.len() as u32);
    let text = match frac {
        Some(f) => format!("{digits}.{f}"),
        None => digits,
    };
    let value: Decimal = text.parse().ok()?;
    Some((value, decimals, sep.is_some()))
}

/// The text before byte `at`, lowercased, with a currency mark right before the figure
/// left out ("over kr 557.333" reads as "over").
fn before_words(text: &str, at: usize) -> String {
    let mut t = text[..at].trim_end().to_lowercase();
    for c in CURRENCY {
        if let Some(s) = t.strip_suffix(c) {
            if s.is_empty() || s.ends_with(|ch: char| !ch.is_alphanumeric()) {
                t = s.trim_end().to_string();
                break;
            }
        }
    }
    t
}

fn ends_with_word(t: &str, w: &str) -> bool {
    t.strip_suffix(w).is_some_and(|s| {
        s.is_empty()
            || !w.chars().next().is_some_and(char::is_alphanumeric)
            || s.ends_with(|c: char| !c.is_alphanumeric())
    })
}

fn starts_with_word(t: &str, w: &str) -> bool {
    t.strip_prefix(w)
        .is_some_and(|s| !s.chars().next().is_some_and(char::is_alphanumeric))
}

/// `t` (lowercased) with a currency mark at its start left out ("kr. til" → "til",
/// "kroner (" → "(").
fn strip_currency(t: &str) -> &str {
    let t = t.trim_start();
    for c in CURRENCY {
        if let Some(r) = t.strip_prefix(c) {
            if c.ends_with('.')
                || c.ends_with(':')
                || !r.chars().next().is_some_and(char::is_alphanumeric)
            {
                return r.trim_start();
            }
        }
    }
    t
}

/// The text after the figure, its ",-", a currency mark and an "(n G)" note left out,
/// lowercased.
fn after_words(text: &str, f: &Fig) -> String {
    let t = text[f.end..].to_lowercase();
    let t = t
        .strip_prefix(",-")
        .or_else(|| t.strip_prefix(".-"))
        .unwrap_or(&t);
    strip_currency(t).to_string()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Lower,
    Upper,
}

/// A band's limit in money, with the multiple of G written for it, where one is.
#[derive(Clone, Debug)]
struct Limit {
    fig: Fig,
    n: Option<Fig>,
}

#[derive(Clone, Debug)]
struct Band {
    line: usize,
    lower: Option<Limit>,
    upper: Option<Limit>,
}

impl Band {
    fn lo(&self) -> Option<Decimal> {
        self.lower.as_ref().map(|l| l.fig.value)
    }
    fn hi(&self) -> Option<Decimal> {
        self.upper.as_ref().map(|l| l.fig.value)
    }
}

/// Whether the text between two figures joins them as a range ("–", "-", " til ", "kr.
/// til", "(2 G) til").
fn joins(between: &str) -> bool {
    let low = between.trim().to_lowercase();
    let low = low.strip_prefix(",-").unwrap_or(&low);
    // The "G" of a first multiple ("2G - 3G", "2G* - 3G").
    let low = match low.strip_prefix('g') {
        Some(r) if !r.chars().next().is_some_and(char::is_alphabetic) => {
            r.trim_start_matches('*').trim_start()
        }
        _ => low,
    };
    // A currency mark after the first figure.
    let mut t = strip_currency(low).to_string();
    // An "(n G)" note after the first figure.
    if t.starts_with('(') {
        if let Some(close) = t.find(')') {
            let inner = t[1..close].trim();
            let is_note = inner.ends_with('g')
                && inner[..inner.len() - 1]
                    .trim()
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ',');
            if !is_note {
                return false;
            }
            t = t[close + 1..].trim_start().to_string();
        }
    }
    let t = t.trim();
    matches!(t, "-" | "–" | "—" | "til" | "till" | "to" | "och" | "-–")
        || (t.len() <= 3 && !t.is_empty() && t.chars().all(|c| matches!(c, '-' | '–' | '—')))
}

fn side_before(text: &str, at: usize) -> Option<Side> {
    let t = before_words(text, at);
    if UPPER_BEFORE.iter().any(|w| ends_with_word(&t, w)) {
        return Some(Side::Upper);
    }
    if LOWER_BEFORE.iter().any(|w| ends_with_word(&t, w)) {
        return Some(Side::Lower);
    }
    None
}

fn side_after(text: &str, f: &Fig) -> Option<Side> {
    let t = after_words(text, f);
    if LOWER_AFTER.iter().any(|w| starts_with_word(&t, w)) {
        return Some(Side::Lower);
    }
    if UPPER_AFTER.iter().any(|w| starts_with_word(&t, w)) {
        return Some(Side::Upper);
    }
    None
}

/// A year written alone ("2020"): not a limit.
fn year_like(f: &Fig) -> bool {
    !f.grouped
        && f.decimals == 0
        && f.value >= Decimal::from(1900)
        && f.value <= Decimal::from(2100)
        && !f.money_after
}

/// The band a line writes, when it writes one (at most one lower and one upper limit in
/// money).
fn band_of(text: &str, line: usize) -> Option<Band> {
    let figs = figures(text);
    if figs.is_empty() {
        return None;
    }
    // Multiples: figures followed by G, and the first of "n - m G".
    let mut multiple = vec![false; figs.len()];
    for k in 0..figs.len() {
        if figs[k].g {
            multiple[k] = true;
            if k > 0 && joins(&text[figs[k - 1].end..figs[k].start]) && !figs[k - 1].grouped {
                multiple[k - 1] = true;
            }
        }
    }
    let mut sides: Vec<Option<Side>> = vec![None; figs.len()];
    // Ranges: two figures of one kind joined, the second above the first.
    let mut in_range = vec![false; figs.len()];
    let next_same = |k: usize| (k + 1..figs.len()).find(|&m| multiple[m] == multiple[k]);
    for k in 0..figs.len() {
        if in_range[k] {
            continue;
        }
        let Some(m) = next_same(k) else { continue };
        // Only an "(n G)" note may stand between two money figures of a range.
        let between_ok = (k + 1..m).all(|x| multiple[x] && !multiple[k]);
        // Two small figures without a currency ("12-15", "1 - 3 alarmer") are no range of
        // income.
        let small = !multiple[k]
            && figs[m].value < Decimal::from(100)
            && !figs[k].money_after
            && !figs[m].money_after;
        if between_ok
            && !small
            && joins(&text[figs[k].end..figs[m].start])
            && figs[m].value > figs[k].value
        {
            sides[k] = Some(Side::Lower);
            sides[m] = Some(Side::Upper);
            in_range[k] = true;
            in_range[m] = true;
        }
    }
    for k in 0..figs.len() {
        if sides[k].is_none() {
            sides[k] = side_before(text, figs[k].start).or_else(|| side_after(text, &figs[k]));
        }
    }
    // The multiples written as labels, by side, and "(n G)" notes after a money figure.
    let mut label_lo: Option<usize> = None;
    let mut label_hi: Option<usize> = None;
    let mut note: Vec<Option<usize>> = vec![None; figs.len()];
    for k in 0..figs.len() {
        if !multiple[k] {
            continue;
        }
        let prev_money = (0..k).rev().find(|&x| !multiple[x]);
        let noted = prev_money.is_some_and(|p| {
            let between = text[figs[p].end..figs[k].start].trim().to_lowercase();
            let between = between.strip_prefix(",-").unwrap_or(&between);
            strip_currency(between).trim() == "("
        });
        if noted {
            if let Some(p) = prev_money {
                note[p] = Some(k);
            }
            continue;
        }
        match sides[k] {
            Some(Side::Lower) if label_lo.is_none() => label_lo = Some(k),
            Some(Side::Upper) if label_hi.is_none() => label_hi = Some(k),
            Some(_) => return None,
            None => {}
        }
    }
    // A bare figure right after a one-sided label ("Inntil 2G 180.136", "Over 3G (277 728)").
    for k in 0..figs.len() {
        if multiple[k] || sides[k].is_some() || k == 0 || !multiple[k - 1] {
            continue;
        }
        let between = text[figs[k - 1].end..figs[k].start].trim_start_matches(['G', '*']);
        if !matches!(between.trim(), "" | "(") {
            continue;
        }
        let label = k - 1;
        let one_sided = match (label_lo, label_hi) {
            (Some(l), None) if l == label => Some(Side::Lower),
            (None, Some(h)) if h == label => Some(Side::Upper),
            _ => None,
        };
        if figs[k].value >= Decimal::from(1000) {
            sides[k] = one_sided;
        }
    }
    let mut lower: Option<Limit> = None;
    let mut upper: Option<Limit> = None;
    for k in 0..figs.len() {
        if multiple[k] || year_like(&figs[k]) {
            continue;
        }
        let Some(side) = sides[k] else { continue };
        // A limit without a currency mark is followed by no word but a joining one.
        let t = after_words(text, &figs[k]);
        if t.starts_with('%') || t.starts_with("pro") {
            continue;
        }
        if !figs[k].money_after {
            let word: String = t.chars().take_while(|c| c.is_alphabetic()).collect();
            if !word.is_empty() && !AFTER_OK.contains(&word.as_str()) {
                continue;
            }
        }
        let n = note[k]
            .or(match side {
                Side::Lower => label_lo,
                Side::Upper => label_hi,
            })
            .map(|m| figs[m].clone());
        let limit = Limit {
            fig: figs[k].clone(),
            n,
        };
        let slot = match side {
            Side::Lower => &mut lower,
            Side::Upper => &mut upper,
        };
        if slot.is_some() {
            return None;
        }
        *slot = Some(limit);
    }
    if lower.is_none() && upper.is_none() {
        return None;
    }
    if let (Some(l), Some(h)) = (&lower, &upper) {
        if l.fig.value >= h.fig.value {
            return None;
        }
    }
    Some(Band { line, lower, upper })
}

/// Whether band `b` follows band `a` in ascending order: both limits higher.
fn ascends(a: &Band, b: &Band) -> bool {
    let lo = match (a.lo(), b.lo()) {
        (_, None) => false,
        (None, Some(_)) => true,
        (Some(x), Some(y)) => x < y,
    };
    let hi = match (a.hi(), b.hi()) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(x), Some(y)) => x < y,
    };
    lo && hi
}

/// The tables of a run of band rows: maximal runs in one order of their limits, a run
/// written in descending order read the other way.
fn tables(rows: Vec<Band>) -> Vec<Vec<Band>> {
    let mut out: Vec<(Vec<Band>, Option<bool>)> = Vec::new();
    for b in rows {
        if let Some((t, dir)) = out.last_mut() {
            let a = t.last().expect("runs are not empty");
            let up = ascends(a, &b);
            let down = ascends(&b, a);
            let joins = match dir {
                None => up || down,
                Some(true) => up,
                Some(false) => down,
            };
            if joins {
                *dir = Some(up);
                t.push(b);
                continue;
            }
        }
        out.push((vec![b], None));
    }
    out.into_iter()
        .filter(|(t, _)| t.len() >= 2)
        .map(|(mut t, dir)| {
            if dir == Some(false) {
                t.reverse();
            }
            t
        })
        .collect()
}

/// A base amount the page states: "G = … kr 90068", "Grunnbeløpet (G) er kr. 99 858", "1 G
/// = 96 883".
fn stated_bases(lines: &[SourceLine]) -> Vec<(Fig, usize)> {
    let mut out: Vec<(Fig, usize)> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let low = l.text.to_lowercase();
        let g_is = l.text.match_indices('G').any(|(at, _)| {
            let before_ok = !l.text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic);
            before_ok && l.text[at + 1..].trim_start_matches(' ').starts_with('=')
        });
        let names = low.contains("grunnbeløp") || low.contains("grunnbelop") || g_is;
        if !names {
            continue;
        }
        let figs: Vec<Fig> = figures(&l.text)
            .into_iter()
            .filter(|f| !f.g && !year_like(f) && f.value >= Decimal::from(10_000))
            .collect();
        let mut values: Vec<Decimal> = figs.iter().map(|f| f.value).collect();
        values.dedup();
        if values.len() == 1 {
            if let Some(f) = figs.into_iter().next() {
                if !out.iter().any(|(b, _)| b.value == f.value) {
                    out.push((f, i));
                }
            }
        }
    }
    out
}

/// Whether limit `x` written as `n` × the base can be `n` × `base`.
fn fits(x: &Fig, n: &Fig, base: &Interval) -> bool {
    let k = n.value;
    let expected = Interval {
        nominal: base.nominal * k,
        lo: base.lo * k,
        hi: base.hi * k,
    };
    expected.meets(&x.interval())
}

fn figure_text(v: Decimal) -> String {
    let s = v.normalize().to_string();
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s, None),
    };
    let mut grouped = String::new();
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{grouped},{f}"),
        None => grouped,
    }
}

fn names_income(lines: &[SourceLine]) -> bool {
    lines.iter().any(|l| {
        let low = l.text.to_lowercase();
        [
            "inntekt",
            "inkomst",
            "indkomst",
            "indtægt",
            "tulot",
            "tuloraj",
            "grunnbeløp",
            "income",
        ]
        .iter()
        .any(|w| low.contains(w))
    })
}

pub fn check(sink: &mut Sink) {
    let lines = &sink.document.lines;
    if !names_income(lines) {
        return;
    }
    // Band rows, grouped per page by distance.
    let mut groups: Vec<Vec<Band>> = Vec::new();
    let mut last: Option<(u32, usize)> = None;
    let mut nonblank_since = 0u32;
    for (i, l) in lines.iter().enumerate() {
        if l.text.trim().is_empty() {
            continue;
        }
        let Some(b) = band_of(&l.text, i) else {
            nonblank_since += 1;
            continue;
        };
        let page = l.provenance.page;
        match last {
            Some((p, _)) if p == page && nonblank_since <= ROW_GAP => {
                if let Some(g) = groups.last_mut() {
                    g.push(b);
                }
            }
            _ => groups.push(vec![b]),
        }
        last = Some((page, i));
        nonblank_since = 0;
    }
    let bases = stated_bases(lines);
    for group in groups {
        for table in tables(group) {
            // A limit found wrong as a multiple is not reported again at its boundary.
            let flagged = multiples(sink, &table, &bases);
            boundaries(sink, &table, &flagged);
        }
    }
}

fn place(sink: &Sink, line: usize, f: &Fig) -> crate::Provenance {
    let l = &sink.document.lines[line];
    l.provenance
        .clone()
        .with_span(LineSpan::in_line(&l.text, f.start, f.end))
}

fn boundaries(sink: &mut Sink, table: &[Band], flagged: &[(usize, usize)]) {
    struct Meet {
        a: usize,
        b: usize,
        d: Decimal,
        holds: bool,
    }
    let mut meets: Vec<Meet> = Vec::new();
    for k in 0..table.len().saturating_sub(1) {
        let (a, b) = (&table[k], &table[k + 1]);
        let (Some(hi), Some(lo)) = (&a.upper, &b.lower) else {
            continue;
        };
        let unit = hi.fig.unit().min(lo.fig.unit());
        let d = lo.fig.value - hi.fig.value;
        meets.push(Meet {
            a: k,
            b: k + 1,
            d,
            holds: d == Decimal::ZERO || d == unit,
        });
    }
    let failing = meets.iter().filter(|m| !m.holds).count();
    let holding = meets.len() - failing;
    // Rows none of whose boundaries meet are no band table (figures of a statement joined
    // by dashes): nothing is read.
    if holding == 0 {
        return;
    }
    // How far apart the rows of the boundaries that meet stand: a failing boundary between
    // rows farther apart may join a line of another kind to the table.
    let spread = meets
        .iter()
        .filter(|m| m.holds)
        .map(|m| table[m.b].line.abs_diff(table[m.a].line))
        .max()
        .unwrap_or(0);
    for m in &meets {
        if m.holds {
            sink.checked(true);
            continue;
        }
        let (a, b) = (&table[m.a], &table[m.b]);
        let (Some(hi), Some(lo)) = (&a.upper, &b.lower) else {
            continue;
        };
        let what = if m.d > Decimal::ZERO {
            format!("a gap of {}", figure_text(m.d))
        } else {
            format!("an overlap of {}", figure_text(-m.d))
        };
        let said = format!(
            "the band ending at {} (line {}) and the next band, starting at {} (line {}), do not meet: {what}",
            hi.fig.raw,
            sink.document.lines[a.line].provenance.line,
            lo.fig.raw,
            sink.document.lines[b.line].provenance.line,
        );
        if flagged.contains(&(a.line, hi.fig.start)) || flagged.contains(&(b.line, lo.fig.start)) {
            sink.checked(false);
            continue;
        }
        let near = b.line.abs_diff(a.line) <= spread;
        let (severity, message) = if failing == 1 && holding >= 2 && near {
            sink.checked(false);
            (
                Severity::Error,
                format!(
                    "{said}, while the table's {holding} other boundaries meet (the same figure or one unit apart)"
                ),
            )
        } else {
            let why = if !near {
                "its rows stand farther apart than the rows of the boundaries that meet, so one of them may not belong to the table".to_string()
            } else if failing > 1 {
                format!("{failing} boundaries of the table do not meet, so its bands may not be meant to tile")
            } else {
                format!("only {holding} other boundary of the table meets, too few to show how it tiles")
            };
            (Severity::Info, format!("not decided: {why} ({said})"))
        };
        let at = place(sink, b.line, &lo.fig);
        let f = sink.report(&RULE, severity, message, at);
        f.expected = Some(hi.fig.value);
        f.found = Some(lo.fig.value);
        f.tolerance = Some(hi.fig.unit().min(lo.fig.unit()));
        f.figure = Some(lo.fig.raw.clone());
    }
}

/// The multiples of G a table writes with its limits, each (limit, n, line) once.
fn written_multiples(table: &[Band]) -> Vec<(Fig, Fig, usize)> {
    let mut out: Vec<(Fig, Fig, usize)> = Vec::new();
    for b in table {
        for l in [&b.lower, &b.upper].into_iter().flatten() {
            let Some(n) = &l.n else { continue };
            if n.value <= Decimal::ZERO {
                continue;
            }
            if !out
                .iter()
                .any(|(x, m, _)| x.value == l.fig.value && m.value == n.value)
            {
                out.push((l.fig.clone(), n.clone(), b.line));
            }
        }
    }
    out
}

/// The base most limits are multiples of: (base interval, how many fit).
fn common_base(limits: &[(Fig, Fig, usize)]) -> Option<(Interval, usize)> {
    let ivs: Vec<Interval> = limits
        .iter()
        .filter_map(|(x, n, _)| x.interval().divided_by(Interval::exact(n.value)))
        .collect();
    let mut best: Option<(Interval, usize)> = None;
    for cand in &ivs {
        for point in [cand.lo, cand.hi] {
            let inside: Vec<&Interval> = ivs
                .iter()
                .filter(|v| v.lo <= point && point <= v.hi)
                .collect();
            if best.as_ref().is_none_or(|(_, c)| inside.len() > *c) {
                let lo = inside.iter().map(|v| v.lo).max().unwrap_or(point);
                let hi = inside.iter().map(|v| v.hi).min().unwrap_or(point);
                let nominal = (lo + hi) / Decimal::TWO;
                best = Some((Interval { nominal, lo, hi }, inside.len()));
            }
        }
    }
    best
}

fn multiples(sink: &mut Sink, table: &[Band], bases: &[(Fig, usize)]) -> Vec<(usize, usize)> {
    let limits = written_multiples(table);
    if limits.is_empty() {
        return Vec::new();
    }
    // A figure that cannot be an income limit in G (a fee beside the label): not read.
    if limits
        .iter()
        .any(|(x, n, _)| x.value < n.value * Decimal::from(1000))
    {
        return Vec::new();
    }
    let line_no = |sink: &Sink, i: usize| sink.document.lines[i].provenance.line;
    if !bases.is_empty() {
        let fit: Vec<bool> = limits
            .iter()
            .map(|(x, n, _)| bases.iter().any(|(b, _)| fits(x, n, &b.interval())))
            .collect();
        let odd: Vec<usize> = (0..limits.len()).filter(|&k| !fit[k]).collect();
        let fitting = limits.len() - odd.len();
        // One boundary written twice, as the upper limit of a band and, one unit above,
        // as the lower limit of the next ("496 211 – " / "496 212 –") is one figure.
        let one_boundary = odd.windows(2).all(|w| {
            let (x, n, _) = &limits[w[0]];
            let (y, m, _) = &limits[w[1]];
            n.value == m.value && (x.value - y.value).abs() <= x.unit().max(y.unit())
        });
        if odd.is_empty() {
            for _ in &limits {
                sink.checked(true);
            }
            return Vec::new();
        }
        let (base, base_line) = &bases[0];
        let stated = format!(
            "the page states G = {} (line {})",
            base.raw,
            line_no(sink, *base_line)
        );
        if !odd.is_empty() && one_boundary && fitting >= 2 && bases.len() == 1 {
            let (x, n, line) = &limits[odd[0]];
            let c = compare(base.interval().scale(n.value), x.interval());
            for _ in 0..fitting {
                sink.checked(true);
            }
            for _ in &odd {
                sink.checked(false);
            }
            let message = format!(
                "the limit {} is written as {} G, but {} × {} is {}, ± {} with the figures as rounded; {stated}, and the table's {fitting} other limits written in G are multiples of it",
                x.raw,
                n.raw,
                n.raw,
                base.raw,
                figure_text(c.expected),
                c.tolerance,
            );
            let at = place(sink, *line, x);
            let f = sink.report(&RULE, Severity::Error, message, at);
            f.expected = Some(c.expected);
            f.found = Some(c.found);
            f.tolerance = Some(c.tolerance);
            f.figure = Some(x.raw.clone());
            return odd
                .iter()
                .map(|&k| (limits[k].2, limits[k].0.start))
                .collect();
        }
        if fitting == 0 && limits.len() >= 3 && bases.len() == 1 {
            if let Some((b, count)) = common_base(&limits) {
                if count == limits.len() {
                    for _ in &limits {
                        sink.checked(false);
                    }
                    let (x, n, line) = &limits[0];
                    let message = format!(
                        "the table's {} limits written in G are multiples of {} ({} = {} × {}, …), but {stated}",
                        limits.len(),
                        figure_text(b.nominal.round_dp(0)),
                        x.raw,
                        n.raw,
                        figure_text(b.nominal.round_dp(0)),
                    );
                    let at = place(sink, *line, x);
                    let f = sink.report(&RULE, Severity::Error, message, at);
                    f.expected = Some((base.value * n.value).normalize());
                    f.found = Some(x.value);
                    f.figure = Some(x.raw.clone());
                    return Vec::new();
                }
            }
        }
        for &k in &odd {
            let (x, n, line) = &limits[k];
            let message = format!(
                "not decided: the limit {} written as {} G is not {} × the page's G; {stated}, and {fitting} of the table's {} limits written in G fit it (two bases may stand on the page)",
                x.raw,
                n.raw,
                n.raw,
                limits.len()
            );
            let at = place(sink, *line, x);
            sink.report(&RULE, Severity::Info, message, at);
        }
        return Vec::new();
    }
    if limits.len() < 3 {
        return Vec::new();
    }
    let Some((b, count)) = common_base(&limits) else {
        return Vec::new();
    };
    if count == limits.len() {
        for _ in &limits {
            sink.checked(true);
        }
        return Vec::new();
    }
    if count + 1 == limits.len() && count >= 3 {
        let Some(k) = limits.iter().position(|(x, n, _)| !fits(x, n, &b)) else {
            return Vec::new();
        };
        for _ in 0..count {
            sink.checked(true);
        }
        sink.checked(false);
        let (x, n, line) = &limits[k];
        let base = figure_text(b.nominal.round_dp(0));
        let c = compare(b.scale(n.value), x.interval());
        let message = format!(
            "the limit {} is written as {} G, but the table's {count} other limits written in G are multiples of one base, {base} (the page states no G), and {} × {base} is {}",
            x.raw,
            n.raw,
            n.raw,
            figure_text(c.expected.round_dp(0)),
        );
        let at = place(sink, *line, x);
        let f = sink.report(&RULE, Severity::Error, message, at);
        f.expected = Some(c.expected);
        f.found = Some(c.found);
        f.tolerance = Some(c.tolerance);
        f.figure = Some(x.raw.clone());
        return vec![(*line, x.start)];
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_whole() {
        let f = figures("2G - 3G 180.136 – 270.204 kr 355,- pr mnd");
        let v: Vec<String> = f.iter().map(|f| f.value.to_string()).collect();
        assert_eq!(v, ["2", "3", "180136", "270204", "355"]);
        assert!(f[0].g && f[1].g && !f[2].g);
        let f = figures("pr 01.05.15 kr 90068,- og 185 152–277 728");
        let v: Vec<String> = f.iter().map(|f| f.value.to_string()).collect();
        assert_eq!(v, ["90068", "185152", "277728"]);
    }

    #[test]
    fn band_rows() {
        let b = band_of("2G - 3G 180.136 – 270.204 kr 355,- pr mnd", 0).unwrap();
        assert_eq!(b.lo(), Some(Decimal::from(180136)));
        assert_eq!(b.hi(), Some(Decimal::from(270204)));
        assert_eq!(b.lower.unwrap().n.unwrap().value, Decimal::from(2));
        let b = band_of("Inntil 2G 180.136 kr 180,- pr mnd", 0).unwrap();
        assert_eq!((b.lo(), b.hi()), (None, Some(Decimal::from(180136))));
        let b = band_of("Over 3G (277 728)                                  570 ", 0).unwrap();
        assert_eq!(b.lo(), Some(Decimal::from(277728)));
        assert_eq!(b.lower.unwrap().n.unwrap().value, Decimal::from(3));
        let b = band_of(
            "Priser for husholdning med samlet inntekt fra 222 954 (2 G) til 334 431 (3 G):",
            0,
        )
        .unwrap();
        assert_eq!(b.upper.unwrap().n.unwrap().value, Decimal::from(3));
        assert!(band_of("Alle personer over 75 år har rett", 0).is_none());
        assert!(band_of("Perhekoko Tuloraja/kk alle 5 h/kk 5-10 h/kk", 0).is_none());
        assert!(band_of("Inntil 2G 102", 0).is_none());
        let b = band_of("Inntekt over kr 557.333,-", 0).unwrap();
        assert_eq!(b.lo(), Some(Decimal::from(557333)));
    }

    fn rows(lines: &[&str]) -> Vec<Band> {
        lines
            .iter()
            .enumerate()
            .filter_map(|(i, l)| band_of(l, i))
            .collect()
    }

    #[test]
    fn a_table_written_highest_band_first_is_read_the_other_way() {
        let t = tables(rows(&[
            "AA 2 21.001 - 23.000 kr 320 kr",
            "AA 1 19.001 - 21.000 kr 290 kr",
            "A 3 17.001 - 19.000 kr 260 kr",
        ]));
        assert_eq!(t.len(), 1);
        assert_eq!(t[0][0].lo(), Some(Decimal::from(17001)));
    }

    #[test]
    fn nested_ranges_break_the_order_and_are_not_one_table() {
        let t = tables(rows(&[
            "Indkomst til og med 177.601 kr. 0 procent egenbetaling.",
            "Indkomst mellem 177.601-181.538 kr. 5 procent egenbetaling.",
            "Indkomst mellem 177.601-551.699 kr. Egenbetalingen forhøjes.",
        ]));
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].len(), 2);
    }

    #[test]
    fn a_bankgiro_number_is_no_band_of_a_table_of_meeting_bands() {
        // "889-4800" reads as a range, but a table needs a boundary that meets.
        let t = tables(rows(&["Bankgiro 889-4800", "Giro 12 000-15 000"]));
        assert_eq!(t.len(), 1);
        let k = (t[0][1].lo().unwrap() - t[0][0].hi().unwrap()).abs();
        assert!(k > Decimal::ONE);
    }

    #[test]
    fn the_base_most_limits_are_multiples_of() {
        let f = |v: i64, n: i64| {
            let x = figures(&format!("{v}"))[0].clone();
            let m = figures(&format!("{n}"))[0].clone();
            (x, m, 0)
        };
        let limits = [f(248056, 2), f(372084, 3), f(496112, 4), f(620140, 5)];
        let (b, count) = common_base(&limits).unwrap();
        assert_eq!(count, 4);
        assert!(b.lo <= Decimal::from(124028) && Decimal::from(124028) <= b.hi);
        let limits = [f(310070, 2), f(372084, 3), f(496112, 4), f(620140, 5)];
        assert_eq!(common_base(&limits).unwrap().1, 3);
    }
}
