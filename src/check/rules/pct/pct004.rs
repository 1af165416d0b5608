//! PCT004: a row that states its share of another figure on the same page ("B  Tilsyn
//! annethvert år (50 % av A)  420", "Andre søsken 50 %  618" under "Første søsken 100 %
//! 1 235", a column headed "Søskenmod. 2 barn 30%" beside the full price), where the row's
//! figure is not that share of the base.

use crate::arith::{half_unit, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;
use crate::document::SourceLine;
use crate::LineSpan;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

pub const RULE: Rule = Rule {
    code: RuleCode::PCT004,
    name: "row-share-mismatch",
    family: Family::Pct,
    severity: Severity::Error,
    summary: "A row stating its share of another row on the page (\"B Tilsyn annethvert år (50 % \
av A) 420\", \"Andre søsken 50 % 618\" under \"Første søsken 100 % 1 235\", a column headed \
\"Søskenmod. 30%\" beside the full price) whose figure is not that share of the base",
    explanation: "Fee pages price one row as a share of another and print both: \"B  Tilsyn \
annethvert år (50 % av A)  420\" below \"A  Tilsyn hvert år  840\", \"Sats 3 = 75 % av sats 1\", \
\"Fritidsbolig: 50 % av årsgebyr for bolig\", a column of shares whose one 100 % row is the full \
price (\"Første søsken 100 % 1 235 / Andre søsken 50 % 618\"), or columns headed by a discount \
(\"Søskenmod. 2 barn 30%\", \"Søskenmod. 3 barn 50%\") beside the full price on each row. justera \
reads three shapes. (1) A line stating \"NN % av|af|of <base>\" and ending with its figures, \
where the base is a row letter or number (\"A\", \"sats 1\", \"pkt. 2\") that begins exactly one \
other line, or words every one of which exactly one other line's label holds (a line not in a \
table: PROD004 reads tables); the figures are paired with the base line's from the right, and \
only when both lines have as many. (2) A block of rows \"<label> NN % <figure>\", the \
percentage directly before the one figure ending the row, whose first row and only that one is \
at 100 %: its figure is the base (a 100 % row closing the block is a total, whose parts' shares \
are rounded rather than stated). (3) Short heading lines holding k percentages and naming a discount \
(moderasjon, rabatt, reduksjon …) directly above rows of k + 1 money figures: the first is \
the base, the others the discounted prices, in order. The share is taken as stated (exact); the \
base stands for ± half its last digit, the row's figure likewise, and a figure ending in zeros \
(\"560\" for 556) may have been rounded to them; a page that says it rounds down or up (\"rundet \
ned\", \"avrundas uppåt\") is allowed one unit more that way. Where the row or its heading names a \
discount (\"søskenmoderasjon 30 %\", \"rabatt\"), the figure may be the price after it (70 %) or \
the discount itself (30 %), and either makes it hold. The row is reported only when no reading \
meets its figure. Not read: a share with a ceiling or floor (\"højst\", \"inntil\", \"maks\"), \
of tax (moms, mva) or a national base (prisbasbelopp, rettsgebyr, G), a row with more than one \
percentage, a percentage of a place or a working time (\"50 % plass\", \"80 % plads\"), and a \
row whose base line is not certain: several lines begin with its letter or hold its words, or \
the base line has another number of figures, or the row fails as written but holds when a \
leading digit group of its figure or its base is read as another column's figure (\"1 840\" as \
a count of 1 and 840): not decided, info.",
    checks: &[Check::Document(check)],
};

/// A figure in a line: a number with its grouping, decimals, and whether it is a
/// percentage or marked as money.
#[derive(Clone, Debug)]
pub(super) struct Fig {
    pub(super) value: Decimal,
    pub(super) decimals: u32,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) percent: bool,
    pub(super) money: bool,
    /// Byte offsets where a later digit group begins after a space ("1 840": the "840"):
    /// the leading groups may be another column's figure (a count, a category).
    groups: Vec<usize>,
}

impl Fig {
    /// The values the digits may stand for: as written, and without each run of leading
    /// space-separated groups ("1 840" is 1 840, or 840 after a count of 1).
    fn values(&self, line: &str) -> Vec<(Decimal, usize)> {
        let mut out = vec![(self.value, self.start)];
        for &g in &self.groups {
            let digits: String = line[g..self.end]
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == ',')
                .collect::<String>()
                .replace(',', ".");
            if let Ok(v) = digits.trim_end_matches('.').parse::<Decimal>() {
                out.push((v, g));
            }
        }
        out
    }
}

fn is_digit(b: Option<&u8>) -> bool {
    b.is_some_and(u8::is_ascii_digit)
}

/// Every figure of a line, read left to right: digit groups of three after a space, a
/// non-breaking space or a point ("2 600", "1.200"), decimals after a comma, money marks
/// (",-", ".-", "kr" before or after) and a percent sign or word after. Dates, times and
/// ranges ("01.01.2023", "07:00-08:30", "15-20") are no figures.
pub(super) fn scan(line: &str) -> Vec<Fig> {
    let b = line.as_bytes();
    let n = b.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !b[i].is_ascii_digit()
            || line[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() && !c.is_whitespace())
            || (i > 0 && matches!(b[i - 1], b',' | b'.' | b':' | b'/'))
            || (i > 1 && b[i - 1] == b'-' && b[i - 2].is_ascii_digit())
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = String::new();
        let mut groups = Vec::new();
        while i < n && b[i].is_ascii_digit() {
            digits.push(b[i] as char);
            i += 1;
        }
        // Thousands groups.
        if digits.len() <= 3 {
            loop {
                let sep = if line[i..].starts_with('\u{a0}') {
                    2
                } else if i < n && (b[i] == b' ' || b[i] == b'.') {
                    1
                } else {
                    break;
                };
                let g = i + sep;
                if g + 3 <= n
                    && b[g..g + 3].iter().all(u8::is_ascii_digit)
                    && !is_digit(b.get(g + 3))
                    && !(b[i] == b'.' && b.get(g + 3) == Some(&b'.'))
                {
                    digits.push_str(&line[g..g + 3]);
                    if b[i] != b'.' {
                        groups.push(g);
                    }
                    i = g + 3;
                } else {
                    break;
                }
            }
        }
        let mut decimals = 0u32;
        let mut frac = String::new();
        let mut money = false;
        if i + 1 < n && (b[i] == b',' || b[i] == b'.') {
            if b[i + 1].is_ascii_digit() && b[i] == b',' {
                let mut j = i + 1;
                while j < n && b[j].is_ascii_digit() {
                    frac.push(b[j] as char);
                    j += 1;
                }
                decimals = frac.len() as u32;
                i = j;
                if line[i..].starts_with(",-") {
                    i += 2;
                    money = true;
                }
            } else if b[i + 1] == b'-' || line[i + 1..].starts_with('–') {
                money = true;
                i += 1 + if b[i + 1] == b'-' {
                    1
                } else {
                    '–'.len_utf8()
                };
            }
        }
        // A date, a time, a range or a dotted number is no figure.
        if i < n
            && ((matches!(b[i], b'.' | b':' | b'/') && is_digit(b.get(i + 1)))
                || (b[i] == b'-' && is_digit(b.get(i + 1))))
        {
            while i < n
                && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'.' | b':' | b'-' | b'/'))
            {
                i += 1;
            }
            continue;
        }
        let end = i;
        let rest = line[end..].trim_start();
        let percent = rest.starts_with('%')
            || ["pct", "prosent", "procent"]
                .iter()
                .any(|w| word_at(rest, w));
        // Bounded: lower-casing the whole line once per figure is quadratic on a long one.
        let before = crate::check::rules::txt::prose::lower_suffix(line[..start].trim_end(), 3);
        if before.ends_with("kr") || before.ends_with("kr.") || before.ends_with("kr:") {
            money = true;
        }
        if ["kr", "kroner", "kronor"]
            .iter()
            .any(|w| word_at(&crate::check::rules::txt::prose::lower_prefix(rest, 8), w))
        {
            money = true;
        }
        let text = if frac.is_empty() {
            digits
        } else {
            format!("{digits}.{frac}")
        };
        if let Ok(value) = text.parse::<Decimal>() {
            out.push(Fig {
                value,
                decimals,
                start,
                end,
                percent,
                money,
                groups,
            });
        }
    }
    out
}

/// Whether `s` begins with the word `w` (followed by no letter).
fn word_at(s: &str, w: &str) -> bool {
    s.starts_with(w)
        && !s[w.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Words naming a discount: the figure may be the price after it or the discount.
fn names_discount(s: &str) -> bool {
    words(s).iter().any(|w| {
        [
            "moderasjon",
            "søskenmod",
            "moderation",
            "rabatt",
            "rabat",
            "reduksjon",
            "reduktion",
            "reducering",
            "nedsättning",
            "nedsættelse",
            "avslag",
        ]
        .iter()
        .any(|d| w.contains(d))
    })
}

/// Words that make a share something else than a plain share of the base: a ceiling or
/// floor, tax, a national base, a place or working time.
fn not_a_plain_share(s: &str) -> Option<&'static str> {
    let ws = words(s);
    let has = |list: &[&str]| ws.iter().any(|w| list.contains(&w.as_str()));
    if has(&[
        "højst",
        "høyst",
        "högst",
        "maks",
        "max",
        "maksimalt",
        "maximalt",
        "inntil",
        "opptil",
        "minst",
        "mindst",
        "minimum",
        "maksimum",
    ]) {
        return Some("a ceiling or floor");
    }
    if has(&[
        "mva",
        "moms",
        "merverdiavgift",
        "meirverdiavgift",
        "vat",
        "mervärdesskatt",
    ]) {
        return Some("tax");
    }
    if ws.iter().any(|w| {
        w.contains("prisbasbelopp")
            || w.contains("basbelopp")
            || w.contains("rettsgebyr")
            || w.contains("grundbeløb")
            || w == "pbb"
            || w == "g"
            || w == "ibb"
    }) {
        return Some("a national base");
    }
    if has(&[
        "plass", "plads", "plats", "stilling", "tjänst", "timer", "timmar",
    ]) {
        return Some("a place or working time");
    }
    None
}

/// What a page says of its rounding: down, up, or nothing.
#[derive(Clone, Copy, PartialEq)]
enum Rounding {
    Nearest,
    Down,
    Up,
}

fn page_rounding(lines: &[SourceLine]) -> Rounding {
    for l in lines {
        let t = l.text.to_lowercase();
        if !(t.contains("rund") || t.contains("avrund")) {
            continue;
        }
        let ws = words(&t);
        let near = |a: &str| ws.iter().any(|w| w == a);
        if near("ned") || near("nedåt") || near("nedover") || near("nedad") {
            return Rounding::Down;
        }
        if near("opp") || near("uppåt") || near("oppover") || near("op") || near("opad") {
            return Rounding::Up;
        }
    }
    Rounding::Nearest
}

/// The values a row's printed figure may stand for: ± half its last digit, and for a
/// figure ending in zeros, their rounding ("560" may be 556 rounded to tens; "382,00"
/// whole kronor); the page's stated rounding widens it one unit that way.
fn result_interval(f: &Fig, rounding: Rounding) -> Interval {
    let mut decimals = f.decimals;
    if decimals > 0 && f.value.fract().is_zero() {
        decimals = 0;
    }
    let mut half = half_unit(decimals);
    if decimals == 0 && !f.value.is_zero() {
        let mut unit = Decimal::ONE;
        let ten = Decimal::TEN;
        while (f.value / (unit * ten)).fract().is_zero() && f.value / (unit * ten) >= ten {
            unit *= ten;
        }
        half = unit / Decimal::TWO;
    }
    let unit = half * Decimal::TWO;
    let mut i = Interval::around(f.value, half);
    match rounding {
        // Rounded down: the exact share lies up to one unit above the figure.
        Rounding::Down => i.hi += unit,
        Rounding::Up => i.lo -= unit,
        Rounding::Nearest => {}
    }
    i
}

fn base_interval(f: &Fig) -> Interval {
    Interval::written(f.value, f.decimals)
}

/// The shares a stated percentage gives: p, and for a discount also 1 − p.
fn readings(p: Decimal, discount: bool) -> Vec<Decimal> {
    let s = p / Decimal::ONE_HUNDRED;
    if discount && s < Decimal::ONE && Decimal::ONE - s != s {
        vec![Decimal::ONE - s, s]
    } else {
        vec![s]
    }
}

struct Relation<'a> {
    line: &'a SourceLine,
    result: Fig,
    base: Fig,
    base_line: &'a SourceLine,
    percent: Decimal,
    discount: bool,
    what: String,
}

fn fmt(v: Decimal) -> String {
    v.round_dp(4).normalize().to_string().replace('.', ",")
}

fn decide(sink: &mut Sink, rel: Relation, rounding: Rounding) {
    let found = result_interval(&rel.result, rounding);
    let base = base_interval(&rel.base);
    let shares = readings(rel.percent, rel.discount);
    let expected: Vec<Interval> = shares.iter().map(|s| base.scale(*s)).collect();
    if expected.iter().any(|e| e.meets(&found)) {
        sink.checked(true);
        return;
    }
    // The digit groups read another way: a leading group may be another column's figure
    // ("1 840" for a count of 1 and 840). A reading under which the share holds leaves it
    // not decided.
    let holds_as = |bv: Decimal, rf: &Fig| {
        let b = Interval::written(bv, rel.base.decimals);
        let f = result_interval(rf, rounding);
        shares.iter().any(|s| b.scale(*s).meets(&f))
    };
    let other = rel
        .base
        .values(&rel.base_line.text)
        .into_iter()
        .find_map(|(bv, bs)| {
            rel.result
                .values(&rel.line.text)
                .into_iter()
                .find(|&(rv, _)| {
                    let mut rf = rel.result.clone();
                    rf.value = rv;
                    (bv, rv) != (rel.base.value, rel.result.value) && holds_as(bv, &rf)
                })
                .map(|(rv, rs)| (bv, bs, rv, rs))
        });
    if let Some((bv, _, rv, _)) = other {
        undecided(
            sink,
            rel.line,
            format!(
                "the row's figure {} and its base {} (line {}) fail as written, but their \
                 digit groups can be read another way (a leading group being another column's \
                 figure), and read as {} and {} the {} % share holds",
                rel.line.text[rel.result.start..rel.result.end].trim(),
                rel.base_line.text[rel.base.start..rel.base.end].trim(),
                rel.base_line.provenance.line,
                fmt(bv),
                fmt(rv),
                fmt(rel.percent)
            ),
        );
        return;
    }
    sink.checked(false);
    let closest = expected
        .iter()
        .min_by_key(|e| (e.nominal - rel.result.value).abs())
        .copied()
        .unwrap_or(expected[0]);
    let written = |l: &SourceLine, f: &Fig| l.text[f.start..f.end].trim().to_string();
    let r = written(rel.line, &rel.result);
    let b = written(rel.base_line, &rel.base);
    let p = fmt(rel.percent);
    let at = rel.base_line.provenance.line;
    let mut message = if expected.len() > 1 {
        format!(
            "the row's figure {r} is neither what is left of {b} after a {p} % discount ({}) nor \
             the discount itself ({}); the base is {}, line {at}",
            fmt(expected[0].nominal),
            fmt(expected[1].nominal),
            rel.what
        )
    } else {
        format!(
            "the row's figure {r} is not {p} % of {b}: {p} % of {b} is {}; the base is {}, line {at}",
            fmt(expected[0].nominal),
            rel.what
        )
    };
    if rounding != Rounding::Nearest {
        message.push_str(&format!(
            " (the page rounds {}, allowed)",
            if rounding == Rounding::Down {
                "down"
            } else {
                "up"
            }
        ));
    }
    let paragraph = sink.paragraph_at(&rel.line.provenance);
    let span = LineSpan::in_line(&rel.line.text, rel.result.start, rel.result.end);
    let f = sink.report(
        &RULE,
        RULE.severity,
        message,
        rel.line.provenance.clone().with_span(span),
    );
    f.paragraph = paragraph;
    f.expected = Some(closest.nominal.round_dp(4).normalize());
    f.found = Some(rel.result.value.normalize());
    f.tolerance = Some((closest.slack() + found.slack()).round_dp(4).normalize());
    f.figure = Some(r);
}

fn undecided(sink: &mut Sink, line: &SourceLine, why: String) {
    let paragraph = sink.paragraph_at(&line.provenance);
    let f = sink.report(
        &RULE,
        Severity::Info,
        format!("not decided: {why}"),
        line.provenance.clone(),
    );
    f.paragraph = paragraph;
}

pub fn check(sink: &mut Sink) {
    let lines = &sink.document.lines;
    // Cheap gate: a page with no percentage states no share.
    if !lines.iter().any(|l| {
        l.text.contains('%')
            || l.text.contains("pct")
            || l.text.contains("prosent")
            || l.text.contains("procent")
    }) {
        return;
    }
    let rounding = page_rounding(lines);
    let table_lines: HashSet<(u32, u32)> = sink
        .document
        .tables
        .iter()
        .flat_map(|t| {
            t.rows
                .iter()
                .map(|r| (r.provenance.page, r.provenance.line))
        })
        .collect();
    let scanned: Vec<Vec<Fig>> = lines.iter().map(|l| scan(&l.text)).collect();
    let mut relations: Vec<Relation> = Vec::new();
    let mut open: Vec<(&SourceLine, String)> = Vec::new();
    named_shares(lines, &scanned, &table_lines, &mut relations, &mut open);
    hundred_blocks(lines, &scanned, &mut relations);
    discount_columns(lines, &scanned, &mut relations);
    for rel in relations {
        decide(sink, rel, rounding);
    }
    for (line, why) in open {
        undecided(sink, line, why);
    }
}

/// The figures ending a line after byte `from`, none a percentage; `None` when something
/// other than money marks stands between them.
fn trailing(line: &str, figs: &[Fig], from: usize) -> Vec<Fig> {
    let after: Vec<&Fig> = figs.iter().filter(|f| f.start >= from).collect();
    if after.is_empty() || after.iter().any(|f| f.percent) {
        return Vec::new();
    }
    // Between and after the figures: only money marks, tabs, bars, asterisks.
    let mut gaps = vec![&line[after.last().unwrap().end..]];
    for w in after.windows(2) {
        gaps.push(&line[w[0].end..w[1].start]);
    }
    let clean = gaps.iter().all(|g| {
        words(g).iter().all(|w| {
            matches!(
                w.as_str(),
                "kr" | "kroner" | "kronor" | "nok" | "dkk" | "sek"
            )
        })
    });
    if clean {
        after.into_iter().cloned().collect()
    } else {
        Vec::new()
    }
}

/// The key a share names: a row marker ("A", "sats 1", "pkt. 2", "2.1") or name words.
enum Key {
    Marker(Vec<String>),
    Words(Vec<String>),
}

const MARKER_WORDS: &[&str] = &[
    "sats", "pkt", "punkt", "post", "rad", "linje", "række", "nr", "kategori", "kat", "trinn",
    "steg", "gruppe", "grupp",
];

const STOP: &[&str] = &[
    "av", "af", "of", "den", "det", "de", "the", "for", "för", "til", "till", "på", "i", "ved",
    "vid", "og", "och", "kr", "kroner", "kronor", "pr", "per", "à", "år", "gebyret", "avgiften",
];

fn read_key(text: &str) -> Option<Key> {
    let t = text
        .trim()
        .trim_start_matches(['(', ':'])
        .trim_end_matches([')', ':', ',', '.', ';', '*', '=', ' ']);
    let toks: Vec<&str> = t.split_whitespace().collect();
    let alnum = |s: &str| s.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    match toks.as_slice() {
        [one] => {
            let a = alnum(one);
            // "I" begins sentences ("I år …"): no row letter.
            if a.chars().count() == 1 && a.chars().all(|c| c.is_ascii_uppercase()) && a != "I" {
                return Some(Key::Marker(vec![a]));
            }
            if !a.is_empty()
                && a.chars().next().is_some_and(|c| c.is_ascii_digit())
                && one.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
            {
                return Some(Key::Marker(vec![one.trim_end_matches('.').to_string()]));
            }
        }
        [w, id] if MARKER_WORDS.contains(&alnum(w).to_lowercase().as_str()) => {
            let id = id.trim_end_matches(['.', ')']);
            if !id.is_empty()
                && id.len() <= 4
                && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '.')
            {
                return Some(Key::Marker(vec![
                    alnum(w).to_lowercase(),
                    id.to_lowercase(),
                ]));
            }
        }
        _ => {}
    }
    let ws: Vec<String> = words(t)
        .into_iter()
        .filter(|w| w.chars().count() >= 3 && !STOP.contains(&w.as_str()))
        .filter(|w| w.chars().all(char::is_alphabetic))
        .collect();
    if ws.is_empty() || toks.len() > 5 {
        return None;
    }
    Some(Key::Words(ws))
}

/// The page's lines by their first word (row markers) and by the words of their labels
/// (lines with no percentage), built once for the page.
struct Index {
    first: HashMap<String, Vec<usize>>,
    words: HashMap<String, Vec<usize>>,
    labels: Vec<Vec<String>>,
}

impl Index {
    fn new(lines: &[SourceLine], scanned: &[Vec<Fig>]) -> Self {
        let mut first: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
        let mut labels = Vec::with_capacity(lines.len());
        for (j, (l, f)) in lines.iter().zip(scanned).enumerate() {
            let t = l
                .text
                .trim_start()
                .trim_start_matches(['•', '-', '–', '('])
                .trim_start();
            if let Some(w) = t.split_whitespace().next() {
                let w = w
                    .trim_end_matches([')', '.', ':', ','])
                    .trim_start_matches('(')
                    .to_lowercase();
                first.entry(w).or_default().push(j);
            }
            let label = if f.iter().any(|x| x.percent) {
                Vec::new()
            } else {
                let end = f.first().map_or(l.text.len(), |x| x.start);
                let mut ws = words(&l.text[..end]);
                ws.sort();
                ws.dedup();
                ws
            };
            for w in &label {
                by_word.entry(w.clone()).or_default().push(j);
            }
            labels.push(label);
        }
        Index {
            first,
            words: by_word,
            labels,
        }
    }
}

/// Whether a line begins with the row marker.
fn begins_with(line: &str, marker: &[String]) -> bool {
    let t = line
        .trim_start()
        .trim_start_matches(['•', '-', '–', '('])
        .trim_start();
    let toks: Vec<String> = t
        .split_whitespace()
        .take(marker.len())
        .map(|w| {
            w.trim_end_matches([')', '.', ':', ','])
                .trim_start_matches('(')
                .to_string()
        })
        .collect();
    toks.len() == marker.len()
        && toks.iter().zip(marker).all(|(a, m)| {
            if m.len() == 1 && m.chars().all(|c| c.is_ascii_uppercase()) {
                a == m
            } else {
                a.to_lowercase() == *m
            }
        })
}

fn named_shares<'a>(
    lines: &'a [SourceLine],
    scanned: &[Vec<Fig>],
    table_lines: &HashSet<(u32, u32)>,
    relations: &mut Vec<Relation<'a>>,
    open: &mut Vec<(&'a SourceLine, String)>,
) {
    let mut index: Option<Index> = None;
    for (k, line) in lines.iter().enumerate() {
        let figs = &scanned[k];
        let pcts: Vec<&Fig> = figs.iter().filter(|f| f.percent).collect();
        let [pct] = pcts.as_slice() else {
            continue;
        };
        // "NN % av|af|of <key>".
        let after = &line.text[pct.end..];
        let after = after.trim_start();
        let after = after
            .strip_prefix('%')
            .or_else(|| after.strip_prefix("pct."))
            .or_else(|| after.strip_prefix("pct"))
            .or_else(|| after.strip_prefix("prosent"))
            .or_else(|| after.strip_prefix("procent"))
            .unwrap_or(after)
            .trim_start();
        let Some(rest) = ["av ", "af ", "of "]
            .iter()
            .find_map(|p| after.strip_prefix(p))
        else {
            continue;
        };
        let rest_at = line.text.len() - rest.len();
        // The row's figures: those ending the line after the key.
        let Some(first) = figs.iter().find(|f| f.start >= rest_at) else {
            continue;
        };
        let results = trailing(&line.text, figs, first.start);
        if results.is_empty() {
            continue;
        }
        let key_text = &line.text[rest_at..first.start];
        // A sign or a band before the percentage: not a stated share.
        let before = line.text[..pct.start].trim_end();
        if before.ends_with(['-', '–', '+', '±', '/']) {
            continue;
        }
        if not_a_plain_share(&line.text).is_some() {
            continue;
        }
        let Some(key) = read_key(key_text) else {
            continue;
        };
        // "av sats 1 900": the marker's number read into the figure.
        if matches!(key, Key::Words(_))
            && key_text.split_whitespace().last().is_some_and(|w| {
                MARKER_WORDS.contains(&w.trim_matches('.').to_lowercase().as_str())
            })
        {
            open.push((
                line,
                format!(
                    "the share names its base \"{} …\", whose number may be the first digits of \
                     the row's figure \"{}\"",
                    key_text.trim(),
                    &line.text[first.start..first.end]
                ),
            ));
            continue;
        }
        let discount = names_discount(&line.text[..pct.start]);
        let candidates: Vec<usize> = match &key {
            Key::Marker(m) => {
                // "sats 1 900": the marker's number may run into the figure.
                if key_text.trim_end().ends_with(|c: char| c.is_ascii_digit())
                    && line.text[first.start..first.end].contains([' ', '\u{a0}'])
                {
                    open.push((
                        line,
                        format!(
                            "the share names its base \"{}\", whose number may run into the \
                             row's figure \"{}\"",
                            key_text.trim(),
                            &line.text[first.start..first.end]
                        ),
                    ));
                    continue;
                }
                let index = index.get_or_insert_with(|| Index::new(lines, scanned));
                index
                    .first
                    .get(&m[0].to_lowercase())
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|&j| j != k && begins_with(&lines[j].text, m))
                    .filter(|&j| scanned[j].iter().any(|x| !x.percent))
                    .take(3)
                    .collect()
            }
            Key::Words(ws) => {
                let at = (line.provenance.page, line.provenance.line);
                if table_lines.contains(&at) {
                    continue;
                }
                let index = index.get_or_insert_with(|| Index::new(lines, scanned));
                // The lines holding the key's rarest word, then every word.
                let Some(rarest) = ws
                    .iter()
                    .map(|w| index.words.get(w).map_or(&[][..], Vec::as_slice))
                    .min_by_key(|l| l.len())
                else {
                    continue;
                };
                rarest
                    .iter()
                    .copied()
                    .filter(|&j| j != k && ws.iter().all(|w| index.labels[j].contains(w)))
                    .filter(|&j| scanned[j].iter().any(|x| !x.percent))
                    .take(3)
                    .collect()
            }
        };
        let with_figures = candidates;
        match with_figures.as_slice() {
            [] => {}
            [j] => {
                let bl = &lines[*j];
                let bf = &scanned[*j];
                let start = bf
                    .iter()
                    .filter(|f| !f.percent)
                    .map(|f| f.start)
                    .find(|&s| !trailing(&bl.text, bf, s).is_empty());
                let base_figs = start.map(|s| trailing(&bl.text, bf, s)).unwrap_or_default();
                if base_figs.len() != results.len() {
                    open.push((
                        line,
                        format!(
                            "the share's base, line {}, ends with {} figures and the row with {}: \
                             which is the same column is not certain",
                            bl.provenance.line,
                            base_figs.len(),
                            results.len()
                        ),
                    ));
                    continue;
                }
                for (r, b) in results.iter().zip(base_figs) {
                    relations.push(Relation {
                        line,
                        result: r.clone(),
                        base: b,
                        base_line: bl,
                        percent: pct.value,
                        discount,
                        what: format!(
                            "the row named \"{}\"",
                            key_text.trim().trim_end_matches([')', ':'])
                        ),
                    });
                }
            }
            many => open.push((
                line,
                format!(
                    "the share names \"{}\", and more than one line could be that base (lines \
                     {}{})",
                    key_text.trim().trim_end_matches([')', ':']),
                    many.iter()
                        .map(|&j| lines[j].provenance.line.to_string())
                        .collect::<Vec<_>>()
                        .join(", "),
                    if many.len() > 2 { " …" } else { "" }
                ),
            )),
        }
    }
}

/// A row "<label> NN % <figure>": the percentage directly before the one figure ending it.
fn percent_row(line: &SourceLine, figs: &[Fig]) -> Option<(Fig, Fig)> {
    let [.., p, r] = figs else {
        return None;
    };
    if !p.percent || r.percent || figs.iter().filter(|f| f.percent).count() != 1 {
        return None;
    }
    let between = &line.text[p.end..r.start];
    let between = between.trim_start().trim_start_matches('%');
    if !words(between)
        .iter()
        .all(|w| matches!(w.as_str(), "kr" | "kroner" | "kronor"))
    {
        return None;
    }
    if !words(&line.text[r.end..])
        .iter()
        .all(|w| matches!(w.as_str(), "kr" | "kroner" | "kronor"))
    {
        return None;
    }
    let before = line.text[..p.start].trim_end();
    if before.ends_with(['-', '–', '+', '±', '/']) || not_a_plain_share(&line.text).is_some() {
        return None;
    }
    if p.value > Decimal::ONE_HUNDRED {
        return None;
    }
    Some((p.clone(), r.clone()))
}

fn hundred_blocks<'a>(
    lines: &'a [SourceLine],
    scanned: &[Vec<Fig>],
    relations: &mut Vec<Relation<'a>>,
) {
    let mut k = 0;
    while k < lines.len() {
        let mut rows: Vec<(usize, Fig, Fig)> = Vec::new();
        let mut j = k;
        while j < lines.len() {
            match percent_row(&lines[j], &scanned[j]) {
                Some((p, r)) => rows.push((j, p, r)),
                None => break,
            }
            j += 1;
        }
        if rows.len() >= 2 {
            let hundreds = rows
                .iter()
                .filter(|(_, p, _)| p.value == Decimal::ONE_HUNDRED)
                .count();
            // The full price first, the shares below it: a 100 % row closing the block is a
            // total whose parts' shares are rounded, not stated.
            if hundreds == 1 && rows[0].1.value == Decimal::ONE_HUNDRED {
                let (b, base) = (rows[0].0, &rows[0].2);
                // A discount named in the block or the two lines above it.
                let from = k.saturating_sub(2);
                let discount = (from..j).any(|i| names_discount(&lines[i].text));
                for (i, p, r) in rows.iter().filter(|(i, _, _)| *i != b) {
                    relations.push(Relation {
                        line: &lines[*i],
                        result: r.clone(),
                        base: base.clone(),
                        base_line: &lines[b],
                        percent: p.value,
                        discount,
                        what: "the block's 100 % row".to_string(),
                    });
                }
            }
        }
        k = j.max(k + 1);
    }
}

/// Money figures of a row, when the line holds nothing but a label and them.
fn money_row(line: &SourceLine, figs: &[Fig]) -> Vec<Fig> {
    let money: Vec<&Fig> = figs.iter().filter(|f| f.money && !f.percent).collect();
    let Some(first) = money.first() else {
        return Vec::new();
    };
    let t = trailing(&line.text, figs, first.start);
    if t.len() == money.len() && t.iter().all(|f| f.money) {
        t
    } else {
        Vec::new()
    }
}

fn discount_columns<'a>(
    lines: &'a [SourceLine],
    scanned: &[Vec<Fig>],
    relations: &mut Vec<Relation<'a>>,
) {
    let mut k = 0;
    while k < lines.len() {
        let row = money_row(&lines[k], &scanned[k]);
        if row.len() < 2 {
            k += 1;
            continue;
        }
        // The heading: short lines with no money figure directly above (blank lines
        // skipped), up to a long line or a row.
        let mut heading: Vec<usize> = Vec::new();
        let mut i = k;
        while i > 0 {
            i -= 1;
            let t = lines[i].text.trim();
            if t.is_empty() {
                continue;
            }
            if t.chars().count() > 40
                || scanned[i]
                    .iter()
                    .any(|f| f.money || (!f.percent && f.value >= Decimal::TEN))
            {
                break;
            }
            heading.push(i);
            if heading.len() > 10 {
                break;
            }
        }
        heading.reverse();
        let pcts: Vec<(usize, Decimal)> = heading
            .iter()
            .flat_map(|&i| {
                scanned[i]
                    .iter()
                    .filter(|f| f.percent)
                    .map(move |f| (i, f.value))
            })
            .collect();
        let discount = heading.iter().any(|&i| names_discount(&lines[i].text));
        let heading_text: String = heading
            .iter()
            .map(|&i| lines[i].text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        // The rows below: each with as many money figures, a line with none (a sub-heading)
        // passed over.
        let mut j = k;
        let mut rows: Vec<(usize, Vec<Fig>)> = Vec::new();
        while j < lines.len() {
            let r = money_row(&lines[j], &scanned[j]);
            if r.len() == row.len() {
                rows.push((j, r));
            } else if !(r.is_empty() && scanned[j].is_empty()) {
                break;
            }
            j += 1;
        }
        if discount
            && !pcts.is_empty()
            && pcts.len() + 1 == row.len()
            && not_a_plain_share(&heading_text).is_none()
            && pcts.iter().all(|(_, p)| *p < Decimal::ONE_HUNDRED)
        {
            for (r, figs) in &rows {
                for (c, (_, p)) in pcts.iter().enumerate() {
                    relations.push(Relation {
                        line: &lines[*r],
                        result: figs[c + 1].clone(),
                        base: figs[0].clone(),
                        base_line: &lines[*r],
                        percent: *p,
                        discount: true,
                        what: format!(
                            "the row's first figure, under a heading naming a {} % discount",
                            fmt(*p)
                        ),
                    });
                }
            }
        }
        k = j.max(k + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(s: &str) -> Vec<(String, bool, bool)> {
        scan(s)
            .into_iter()
            .map(|f| (f.value.normalize().to_string(), f.percent, f.money))
            .collect()
    }

    #[test]
    fn scans_row_figures() {
        assert_eq!(
            vals("Heil plass,  07:00-08:30 og etter skuletid fram til 16:30 kr. 2711,- kr. 1900.- kr. 1354,-"),
            vec![
                ("2711".into(), false, true),
                ("1900".into(), false, true),
                ("1354".into(), false, true)
            ]
        );
        assert_eq!(
            vals("Andre søsken 50 %   618"),
            vec![("50".into(), true, false), ("618".into(), false, false)]
        );
        assert_eq!(
            vals("kr 2 600,- kr 3 250,-"),
            vec![("2600".into(), false, true), ("3250".into(), false, true)]
        );
        assert_eq!(
            vals("pr. 01-01-21 højst 6167 kr"),
            vec![("6167".into(), false, true)]
        );
        assert_eq!(
            vals("Betalingssats pr. elev: kr 546,00"),
            vec![("546".into(), false, true)]
        );
    }

    #[test]
    fn a_page_rounding_down_allows_one_unit_below_the_share() {
        let line = |t: &str| SourceLine {
            text: t.to_string(),
            provenance: crate::Provenance::new(&std::sync::Arc::from("t"), 1, 1),
        };
        let page = [line("Alle satser er rundet ned til hele kroner.")];
        assert!(page_rounding(&page) == Rounding::Down);
        let f = &scan("kr 1354")[0];
        // 50 % of 2 709 = 1 354,5: rounded down, 1354.
        let i = result_interval(f, Rounding::Down);
        assert!(i.hi >= Decimal::new(13545, 1));
        assert!(page_rounding(&[line("Satsene er justert.")]) == Rounding::Nearest);
    }

    #[test]
    fn a_result_ending_in_zeros_may_be_rounded_to_them() {
        let f = &scan("kr 560")[0];
        let i = result_interval(f, Rounding::Nearest);
        assert!(i.lo <= Decimal::from(556) && i.hi >= Decimal::from(556));
        let f = &scan("kr 382,00")[0];
        let i = result_interval(f, Rounding::Nearest);
        assert!(i.hi >= Decimal::new(3822, 1));
        let f = &scan("kr 1354")[0];
        let i = result_interval(f, Rounding::Nearest);
        assert!(i.hi < Decimal::new(13555, 1));
    }
}
