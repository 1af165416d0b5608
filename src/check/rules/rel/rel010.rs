//! REL010: one amount stated for several periods — per år and per månad, per kvartal,
//! per halvår, per termin or per vecka — in columns of one table whose figures do not
//! convert into each other.
//!
//! The factor between two periods is taken only where it is certain: from the period
//! names where they fix it (år = 12 månader = 4 kvartal = 2 halvår), from the page's own
//! words where they do not ("faktureras i 4 terminer", "betales for 11 måneder"), or from
//! the table's own arithmetic (one whole factor under which most rows of the pair hold
//! exactly, at least three, no other factor holding as many). Otherwise nothing is
//! decided and nothing is reported.

use crate::arith::{compare, Comparison, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::rules::rel::inline;
use crate::check::view::{CellRef, ColumnKind, TableView};
use crate::check::{Relation, Sink};
use crate::LineSpan;
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: RuleCode::REL010,
    name: "period-amounts-mismatch",
    family: Family::Rel,
    severity: Severity::Error,
    summary: "One amount stated per år and per månad (kvartal, halvår, termin, vecka) whose figures do not convert into each other",
    explanation: "Taxa and fee pages print the same fee for several periods in adjacent \
columns: \"Pr. år | Pr. måned\", \"kr/år | kr/mån\", \"Årshyra | Månadshyra\", \"Pris/år | \
Pris/måned\", \"per halvår | per år\", \"€/v | €/kk\". The one relation such a pair states \
is: the amount for the longer period = the amount for the shorter one × the number of \
shorter periods in it.\n\nWhat is read. A table with two amount columns whose headers each \
name one period (år, halvår, kvartal, månad, termin, vecka; Swedish, Norwegian, Danish and \
Finnish words), or, under a header naming none, whose every figure is written in a unit per \
period (\"4 740 kr/år\", \"395 kr/mån\"), the rest of the two headers alike (a column with VAT is paired with the \
one with VAT; \"Inkomst per månad\" and \"Avgift per år\" are not paired). Headers that name how often something happens (\"2 ggr/månad\", \"hämtning \
varje vecka\") or a price per kW, m³ or m² are not read as periods.\n\nThe factor. Where \
the period names fix it: år = 12 månader = 4 kvartal = 2 halvår, halvår = 6 månader = 2 \
kvartal, kvartal = 3 månader. A page that states how many months are paid in a year \
(\"det betales for 11 måneder\", \"10 mnd.\", one count only) gives that count in place of \
12. Where the names do not fix it (terminer, veckor) only the page's words (\"faktureras i \
4 terminer\", \"2 ganger årlig\") or the table's own arithmetic decide: one whole factor \
under which at least three rows of the pair hold and no other factor holds as many (a \
table with too few rows is read with the page's other tables of the same two periods). \
Otherwise the pair is not checked.\n\nWhat is checked. Each row with both figures: the \
longer-period figure ÷ the factor against the shorter-period figure, each figure \
standing for ± half a unit of its last digit (a monthly fee written to öre against a \
yearly one to whole kronor is fine). Every row that holds counts as one relation \
checked.\n\nWhen it is an error. A row that fails is an error unless: the row holds at \
9, 10 or 11 months a year where the names gave 12 (barnomsorg, SFO and student rents are \
often paid for fewer months); it holds when one figure is taken as rounded down or up to \
its last digit rather than to the nearest (a page that truncates, or that makes the \
monthly parts add up to the monthly total), unless the table has no total and its other \
rows round to the nearest both ways (one printed below its exact share, one above), so \
the page rounds to the nearest; it holds when a figure written in whole 5 or \
10 is taken as rounded to them and the page says it rounds (\"avrundat\", \"evt. \
afrundet\") or another row of the pair holds only that way; fewer than three other rows \
hold where the factor came from the table's arithmetic, or no other row holds where it \
came from the names or the page (a fee for part of the period) and the row itself does \
not confirm the factor (its third period's figure agreeing with the other one while this \
figure breaks both); or the ratio of the \
figures is below half the factor or above one and a half times it (another figure or a \
misreading). Those rows are info, \"not \
decided\", with the reason. Where a table has three period columns and one figure breaks \
both of its relations while the other two agree, that figure is named as the likely \
misprint.\n\nIn running text or one cell. A line that states one amount for two periods \
(\"2 730 kroner per måned, og totalt 30 030 kroner per år\", \"395 kr/mån (4 740 kr/år)\", \
\"kr 2 437,50 pr. år, kr 203,13 pr. mnd.\") is read as one pair: each figure read whole \
with its currency and a period right after it, and nothing between the two but \
punctuation or words saying they are one amount (\"og totalt\", \"dvs.\", \"eller\"). The \
factor comes from the names or the page's words as above; the pairs of one page are \
judged together as a table's rows are (a failing pair is an error only where another \
pair of the page holds at the factor).\n\nExample: Pr. år 2 912,50 and Pr. måned 203,13 in a table whose other rows \
hold at 12: 2 912,50 / 12 = 242,7083, ± 0,0092 with the figures as rounded, so 203,13 is \
reported.",
    checks: &[Check::Document(check)],
};

/// A period an amount can be stated for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Period {
    Year,
    Half,
    Quarter,
    Term,
    Month,
    Week,
}

impl Period {
    fn plural(self) -> &'static str {
        match self {
            Period::Year => "år",
            Period::Half => "halvår",
            Period::Quarter => "kvartal",
            Period::Term => "terminer",
            Period::Month => "månader",
            Period::Week => "veckor",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Period::Year => "år",
            Period::Half => "halvår",
            Period::Quarter => "kvartal",
            Period::Term => "termin",
            Period::Month => "månad",
            Period::Week => "vecka",
        }
    }
}

/// Header phrases that name each period (lower case). Phrases that open or close with
/// a letter must stand as whole words.
const PERIODS: &[(Period, &[&str])] = &[
    (
        Period::Year,
        &[
            "per år",
            "pr. år",
            "pr år",
            "/år",
            "/ år",
            "om året",
            "i året",
            "årsavgift",
            "årsavgiften",
            "årshyra",
            "årsgebyr",
            "årsgebyret",
            "årsbelopp",
            "årskostnad",
            "årsbeløp",
            "årspris",
            "årsleje",
            "årlig",
            "årlige",
            "årligt",
            "årleg",
            "på årsnivå",
            "€/v",
            "e/v",
            "€/vuosi",
            "/vuosi",
            "vuodessa",
            "vuosimaksu",
            "vuosivuokra",
            "per year",
            "annual",
        ],
    ),
    (
        Period::Half,
        &[
            "per halvår",
            "pr. halvår",
            "pr halvår",
            "/halvår",
            "halvårsavgift",
            "halvårlig",
            "halvårligt",
            "puolivuotis",
        ],
    ),
    (
        Period::Quarter,
        &[
            "per kvartal",
            "pr. kvartal",
            "pr kvartal",
            "/kvartal",
            "kvartalsavgift",
            "kvartalsvis",
            "€/3 kk",
            "/3 kk",
            "neljännes",
            "per quarter",
        ],
    ),
    (
        Period::Term,
        &[
            "per termin",
            "pr. termin",
            "pr termin",
            "/termin",
            "terminsavgift",
            "terminsavgiften",
            "terminsbeløp",
            "per semester",
            "pr. semester",
            "semesteravgift",
            "lukukausi",
            "lukukausimaksu",
        ],
    ),
    (
        Period::Month,
        &[
            "per månad",
            "per måned",
            "pr. måned",
            "pr måned",
            "pr. mnd",
            "pr. mnd.",
            "pr mnd",
            "per mnd",
            "pr. md.",
            "pr. md",
            "pr. mdr",
            "pr. mdr.",
            "/mån",
            "/mån.",
            "/månad",
            "/måned",
            "/mnd",
            "/mnd.",
            "/md",
            "/md.",
            "/mdr",
            "/mdr.",
            "/ mdr.",
            "/ mån",
            "i månaden",
            "om måneden",
            "om månaden",
            "månadsavgift",
            "månadsavgiften",
            "månadshyra",
            "månadskostnad",
            "månadsbelopp",
            "månedsbeløp",
            "månedspris",
            "månedsleje",
            "månedsgebyr",
            "månedlig",
            "månedligt",
            "månatlig",
            "€/kk",
            "e/kk",
            "/kk",
            "kuukaudessa",
            "kuukausimaksu",
            "kuukausivuokra",
            "per month",
            "monthly",
        ],
    ),
    (
        Period::Week,
        &[
            "per vecka",
            "pr. uke",
            "per uke",
            "pr uke",
            "pr. uge",
            "per uge",
            "/vecka",
            "/uke",
            "/uge",
            "veckoavgift",
            "ukepris",
            "€/vko",
            "viikossa",
        ],
    ),
];

/// Words that make a header name a frequency (how often something is done), not the
/// period an amount is stated for ("2 ggr/månad", "tømming hver uke").
const FREQUENCY: &[&str] = &[
    "gång",
    "gånger",
    "ggr",
    "gg",
    "ganger",
    "gang",
    "gange",
    "tömning",
    "tömningar",
    "hämtning",
    "hämtningar",
    "tømming",
    "tømminger",
    "henting",
    "tømning",
    "kerta",
    "kertaa",
    "timer",
    "timmar",
    "tim",
    "timme",
    "timmer",
    "varje",
    "hver",
    "varannan",
    "kvart",
    "besök",
    "besøk",
    "dag",
    "dagar",
    "dager",
    "dage",
];

/// Quantity bases of a rate: a header naming one states a price per kW, m³ … per period,
/// paired only with a header naming the same bases.
const BASES: &[&str] = &[
    "kw", "kwh", "mwh", "m3", "m³", "kbm", "kvm", "m2", "m²", "st", "person", "hlö",
];

/// Words that say a page rounds its figures.
const ROUNDING_WORDS: &[&str] = &[
    "avrundat",
    "avrundade",
    "avrundad",
    "avrundet",
    "avrundede",
    "afrundet",
    "afrundede",
    "pyöristetty",
    "pyöristetyt",
    "rounded",
];

/// Rows that must hold at a factor the table's arithmetic gives before a failing row is
/// an error.
const MIN_HOLDING: usize = 3;

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether `phrase` occurs in `text` standing as whole words at its lettered ends.
fn has_phrase(text: &str, phrase: &str) -> bool {
    let first_word = phrase.chars().next().is_some_and(is_word_char);
    let last_word = phrase.chars().next_back().is_some_and(is_word_char);
    text.match_indices(phrase).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + phrase.len()..].chars().next();
        let open = first_word && before.is_some_and(is_word_char);
        let close = last_word && after.is_some_and(is_word_char);
        !(open || close)
    })
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '³' || c == '²'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The one period a header names, and the header with its period phrases taken out
/// (what the column is besides its period); `None` for a header naming no period, more
/// than one, or a frequency.
fn period_of(header: &str) -> Option<(Period, Vec<String>)> {
    let lower = header.to_lowercase();
    let ws = words(&lower);
    if ws.iter().any(|w| FREQUENCY.contains(&w.as_str())) {
        return None;
    }
    let mut found: Vec<Period> = Vec::new();
    let mut rest = lower.clone();
    for (period, phrases) in PERIODS {
        let mut longest: Vec<&str> = phrases.to_vec();
        longest.sort_by_key(|p| std::cmp::Reverse(p.len()));
        for phrase in longest {
            if has_phrase(&lower, phrase) {
                if !found.contains(period) {
                    found.push(*period);
                }
                rest = rest.replace(phrase, " ");
            }
        }
    }
    match found.as_slice() {
        [one] => Some((*one, words(&rest))),
        _ => None,
    }
}

fn bases(words: &[String]) -> Vec<&'static str> {
    BASES
        .iter()
        .copied()
        .filter(|b| words.iter().any(|w| w == b))
        .collect()
}

/// Words of a header beside its period that tell two columns of one period apart (VAT,
/// a year, a category); units and fillers left out.
fn qualifiers(words: &[String]) -> Vec<String> {
    const FILLER: &[&str] = &[
        "kr",
        "kr.",
        "kronor",
        "kroner",
        "sek",
        "nok",
        "dkk",
        "eur",
        "euro",
        "euroa",
        "pris",
        "priser",
        "avgift",
        "gebyr",
        "afgift",
        "belopp",
        "beløb",
        "beløp",
        "maksu",
        "hinta",
        "i",
        "per",
        "pr",
        "och",
        "og",
        "ja",
        "avgiften",
        "kostnad",
        "kostnader",
        "sum",
        "summa",
        "samlet",
        "kontingent",
        "hyra",
        "leje",
        "husleie",
        "vuokra",
        "takst",
        "sats",
        "satser",
        "inkl",
        "ink",
        "moms",
        "mva",
        "alv",
    ];
    let mut q: Vec<String> = words
        .iter()
        .filter(|w| !FILLER.contains(&w.as_str()))
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()) || w.len() == 4)
        .cloned()
        .collect();
    // VAT: "exkl. moms" and "inkl. moms" keep columns apart.
    let lower = words.join(" ");
    if [
        "exkl", "ekskl", "eks", "excl", "uten", "uden", "veroton", "netto",
    ]
    .iter()
    .any(|w| lower.split(' ').any(|x| x == *w))
    {
        q.push("<excl>".into());
    } else if ["inkl", "ink", "incl", "med", "verollinen", "brutto"]
        .iter()
        .any(|w| lower.split(' ').any(|x| x == *w))
    {
        q.push("<incl>".into());
    }
    q.sort();
    q.dedup();
    q
}

/// The factor the period names fix: how many `short` periods make one `long`.
fn fixed_factor(long: Period, short: Period) -> Option<u32> {
    use Period::*;
    match (long, short) {
        (Year, Month) => Some(12),
        (Year, Quarter) => Some(4),
        (Year, Half) => Some(2),
        (Half, Quarter) => Some(2),
        (Half, Month) => Some(6),
        (Quarter, Month) => Some(3),
        _ => None,
    }
}

/// Counts the page states: months paid in a year, terms (or payments) in a year, weeks.
#[derive(Default, Debug)]
struct Stated {
    months: Vec<(u32, String)>,
    terms: Vec<(u32, String)>,
    weeks: Vec<(u32, String)>,
    rounds: bool,
}

fn number_word(w: &str) -> Option<u32> {
    let n = match w {
        "två" | "to" | "kaksi" => 2,
        "tre" | "kolme" => 3,
        "fyra" | "fire" | "neljä" => 4,
        "sex" | "seks" | "kuusi" => 6,
        "tio" | "ti" | "kymmenen" => 10,
        "elva" | "elleve" | "elve" => 11,
        "tolv" | "kaksitoista" => 12,
        _ => w.trim_end_matches('.').parse().ok()?,
    };
    Some(n)
}

/// Reads what the page says about how often it is paid ("det betales for 11 måneder",
/// "(10 mnd.)", "faktureras i 4 terminer", "opkræves 4 gange årligt", "i 11 terminer pr.
/// år") and whether it says its figures are rounded.
fn stated_counts(text: &str) -> Stated {
    let lower = text.to_lowercase();
    let ws: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Stated {
        rounds: ROUNDING_WORDS
            .iter()
            .any(|w| words(&lower).iter().any(|x| x == w)),
        ..Stated::default()
    };
    let push = |list: &mut Vec<(u32, String)>, n: u32, said: String| {
        if !list.iter().any(|(m, _)| *m == n) {
            list.push((n, said));
        }
    };
    for (i, w) in ws.iter().enumerate() {
        let Some(n) = number_word(w) else { continue };
        let next = ws.get(i + 1).map(|s| s.trim_end_matches('.')).unwrap_or("");
        let after = ws.get(i + 2).map(|s| s.trim_end_matches('.')).unwrap_or("");
        let after2 = ws.get(i + 3).map(|s| s.trim_end_matches('.')).unwrap_or("");
        let yearly = |a: &str, b: &str| {
            matches!(a, "årlig" | "årligt" | "årleg" | "vuodessa")
                || (matches!(a, "per" | "pr" | "om" | "i") && matches!(b, "år" | "året"))
        };
        let tail = if matches!(after, "årlig" | "årligt" | "årleg" | "vuodessa") {
            format!(" {after}")
        } else if yearly(after, after2) {
            format!(" {after} {after2}")
        } else {
            String::new()
        };
        let said = format!("{} {next}{tail}", w.trim_end_matches('.'));
        match next {
            "månader" | "måneder" | "månedar" | "mnd" | "mdr" | "md" | "kuukautta"
                if (9..=12).contains(&n) =>
            {
                push(&mut out.months, n, said)
            }
            "terminer" | "terminar" | "termin" | "semestre" | "semestrar" | "rater"
            | "betalinger" | "betalningar" | "avdrag" | "erää"
                if (2..=12).contains(&n) =>
            {
                push(&mut out.terms, n, said)
            }
            "ganger" | "gange" | "gånger" | "kertaa" | "kerran"
                if (2..=12).contains(&n) && (yearly(after, after2) || after == "om") =>
            {
                push(&mut out.terms, n, said)
            }
            "veckor" | "uker" | "uger" | "viikkoa" if (30..=53).contains(&n) => {
                push(&mut out.weeks, n, said)
            }
            _ => {}
        }
    }
    out
}

/// The one period the written unit of every figure of a column names ("kr/år",
/// "kr/mån", "€/kk"), at least two figures; with the unit's other words (its bases).
fn cell_period(view: &TableView, c: usize) -> Option<(Period, Vec<String>)> {
    let mut found: Option<(Period, Vec<String>)> = None;
    let mut n = 0;
    for r in 0..view.rows() {
        if view.figure(r, c).is_none() {
            continue;
        }
        let raw = view.raw(r, c)?;
        let unit = raw.split_whitespace().next_back()?;
        if !unit.contains('/') {
            return None;
        }
        let (period, rest) = period_of(unit)?;
        match &found {
            Some((p, _)) if *p != period => return None,
            _ => found = Some((period, rest)),
        }
        n += 1;
    }
    found.filter(|_| n >= 2)
}

/// An amount column that names one period.
struct PeriodColumn {
    col: usize,
    period: Period,
    bases: Vec<&'static str>,
    qualifiers: Vec<String>,
}

/// One row's two figures: (row, longer-period figure, shorter-period figure).
type Pair = (usize, Interval, Interval);

fn holds_at(p: &Pair, k: Decimal) -> bool {
    compare(p.1.scale(Decimal::ONE / k), p.2).holds || compare(p.2.scale(k), p.1).holds
}

fn comparison(p: &Pair, k: Decimal) -> Comparison {
    compare(expected_short(p, k), p.2)
}

fn expected_short(p: &Pair, k: Decimal) -> Interval {
    let i = p.1;
    Interval {
        nominal: i.nominal / k,
        lo: i.lo / k,
        hi: i.hi / k,
    }
}

/// A figure taken as rounded in any direction to its last digit: ± one unit.
fn widened(i: Interval) -> Interval {
    let half = (i.hi - i.lo) / Decimal::TWO;
    Interval::around(i.nominal, half * Decimal::TWO)
}

/// A figure written in whole 5 or 10 taken as rounded to them (± 5 or ± 10 of its
/// unit), or `None` when it is no such figure.
fn coarse(i: Interval) -> Option<Interval> {
    let unit = (i.hi - i.lo).max(Decimal::ONE);
    let units = i.nominal / unit;
    if units.fract() != Decimal::ZERO || units.is_zero() {
        return None;
    }
    let step = if (units % Decimal::TEN).is_zero() {
        Decimal::TEN
    } else if (units % Decimal::new(5, 0)).is_zero() {
        Decimal::new(5, 0)
    } else {
        return None;
    };
    Some(Interval::around(i.nominal, step * unit))
}

fn meets_scaled(long: Interval, short: Interval, k: Decimal) -> bool {
    compare(short.scale(k), long).holds
}

/// Whether the row holds with one of its figures taken as rounded to whole 5 or 10.
fn holds_coarse(p: &Pair, k: Decimal) -> bool {
    coarse(p.1).is_some_and(|l| meets_scaled(l, p.2, k))
        || coarse(p.2).is_some_and(|s| meets_scaled(p.1, s, k))
}

fn pairs(view: &TableView, long: usize, short: usize) -> Vec<Pair> {
    (0..view.rows())
        .filter(|&r| !view.headings[r])
        .filter_map(|r| {
            let (x, y) = (view.figure(r, long)?, view.figure(r, short)?);
            (x.lo > Decimal::ZERO && y.lo > Decimal::ZERO).then_some((r, x, y))
        })
        .collect()
}

/// Where a pair's factor came from, for the message.
#[derive(Clone, Debug)]
enum Source {
    Names,
    Page(String),
    Rows,
    /// The rows of the page's tables with the same two periods, read as one: how many
    /// hold at the factor.
    PageRows(usize),
}

/// The factor of a pair of columns and where it came from, or `None` when nothing
/// decides it.
fn factor(long: Period, short: Period, rows: &[Pair], stated: &Stated) -> Option<(u32, Source)> {
    let count = |k: u32| {
        rows.iter()
            .filter(|p| holds_at(p, Decimal::from(k)))
            .count()
    };
    // The table's arithmetic among candidate factors: one that holds on at least three
    // rows and on more rows than any other.
    let by_rows = |candidates: &[u32]| -> Option<u32> {
        let counts: Vec<(u32, usize)> = candidates.iter().map(|&k| (k, count(k))).collect();
        let best = counts.iter().map(|&(_, n)| n).max()?;
        let at_best: Vec<u32> = counts
            .iter()
            .filter(|&&(_, n)| n == best)
            .map(|&(k, _)| k)
            .collect();
        (best >= MIN_HOLDING && at_best.len() == 1).then_some(at_best[0])
    };
    let whole: Vec<u32> = (2..=53).collect();
    // A count the page states, when the rows bear it out: it holds on at least half the
    // rows of the pair (a page may state the count of another of its tables).
    let borne_out = |said: &[(u32, String)]| -> Option<(u32, Source)> {
        let candidates: Vec<&(u32, String)> = said
            .iter()
            .filter(|(n, _)| 2 * count(*n) >= rows.len() && count(*n) > 0)
            .collect();
        match candidates.as_slice() {
            [(n, s)] => Some((*n, Source::Page(s.clone()))),
            _ => None,
        }
    };
    match (long, short) {
        (Period::Year, Period::Month) => {
            if stated.months.iter().all(|(n, _)| *n == 12) {
                return Some((12, Source::Names));
            }
            // The page states another count of paid months: the one of 12 and the stated
            // counts under which the most rows hold decides.
            let candidates: Vec<u32> = stated.months.iter().map(|(n, _)| *n).chain([12]).collect();
            let counts: Vec<(u32, usize)> = candidates.iter().map(|&k| (k, count(k))).collect();
            let best = counts.iter().map(|&(_, n)| n).max()?;
            let at_best: Vec<u32> = counts
                .iter()
                .filter(|&&(_, n)| n == best)
                .map(|&(k, _)| k)
                .collect();
            match at_best.as_slice() {
                [12] if best > 0 => Some((12, Source::Names)),
                [k] if best > 0 => stated
                    .months
                    .iter()
                    .find(|(n, _)| n == k)
                    .map(|(n, s)| (*n, Source::Page(s.clone()))),
                _ => None,
            }
        }
        (Period::Year, Period::Term) => {
            borne_out(&stated.terms).or_else(|| by_rows(&whole).map(|k| (k, Source::Rows)))
        }
        (Period::Year, Period::Week) => {
            borne_out(&stated.weeks).or_else(|| by_rows(&whole).map(|k| (k, Source::Rows)))
        }
        _ => match fixed_factor(long, short) {
            Some(k) => Some((k, Source::Names)),
            None => by_rows(&whole).map(|k| (k, Source::Rows)),
        },
    }
}

fn decimal(d: Decimal) -> String {
    d.round_dp(4).normalize().to_string().replace('.', ",")
}

/// A checked pair of columns of one table.
struct Checked {
    long: usize,
    short: usize,
    k: u32,
    source: Source,
    rows: Vec<Pair>,
}

/// A pair of columns of one table, alike besides their periods, before its factor is
/// known.
struct Candidate {
    long: usize,
    short: usize,
    periods: (Period, Period),
    rows: Vec<Pair>,
}

/// One table's columns that name a period and the pairs of them to check.
struct PeriodTable<'a> {
    t: usize,
    page: u32,
    view: TableView<'a>,
    columns: Vec<PeriodColumn>,
    stated: Stated,
    candidates: Vec<Candidate>,
}

fn period_table<'a>(
    doc: &crate::document::Document,
    t: usize,
    table: &'a crate::table::Table,
    vocab: &'a crate::grammar::vocab::Vocabulary,
) -> Option<PeriodTable<'a>> {
    let view = TableView::new(table, vocab);
    let columns: Vec<PeriodColumn> = (0..view.cols())
        .filter(|&c| {
            view.numeric(c) && !matches!(view.kinds[c], ColumnKind::Percent | ColumnKind::Hours)
        })
        .filter_map(|c| {
            let (period, rest) = period_of(&view.header(c)).or_else(|| {
                // A header naming no period: the unit every figure of the column is
                // written in ("4 740 kr/år", "395 kr/mån").
                let (period, mut unit) = cell_period(&view, c)?;
                unit.extend(words(&view.header(c).to_lowercase()));
                Some((period, unit))
            })?;
            Some(PeriodColumn {
                col: c,
                period,
                bases: bases(&rest),
                qualifiers: qualifiers(&rest),
            })
        })
        .collect();
    if columns.len() < 2 {
        return None;
    }
    let page = table.provenance.page;
    let page_text = page_text(doc, page);
    let mut context = page_text.clone();
    if let Some(title) = &table.title {
        context.push('\n');
        context.push_str(title);
    }
    context.push('\n');
    context.push_str(&table.columns.join("\n"));
    let stated = stated_counts(&context);
    // Pairs of columns of two periods, alike besides their period.
    let mut candidates: Vec<Candidate> = Vec::new();
    for a in &columns {
        for b in &columns {
            if a.period >= b.period || a.bases != b.bases {
                continue;
            }
            // Alike besides the period; and no other column of either period is as
            // alike (two "per år" columns, exkl. and inkl. moms, pair by their VAT).
            // Columns that differ besides their period ("Inkomst per månad", "Avgift
            // per år") state no relation.
            if a.qualifiers != b.qualifiers {
                continue;
            }
            let rows = pairs(&view, a.col, b.col);
            if rows.is_empty() {
                continue;
            }
            candidates.push(Candidate {
                long: a.col,
                short: b.col,
                periods: (a.period, b.period),
                rows,
            });
        }
    }
    (!candidates.is_empty()).then_some(PeriodTable {
        t,
        page,
        view,
        columns,
        stated,
        candidates,
    })
}

/// The pairs of one table whose factor is decided, with the factor and where it came from.
fn checked_pairs(pt: &PeriodTable, prepared: &[PeriodTable]) -> Vec<Checked> {
    let (t, stated) = (pt.t, &pt.stated);
    let mut checked: Vec<Checked> = Vec::new();
    for cand in &pt.candidates {
        let (long, short) = cand.periods;
        let factor = factor(long, short, &cand.rows, stated).or_else(|| {
            // Too few rows here to fix a factor the names do not: the rows of the
            // page's other tables with the same two periods ("Pr. måned Pr. termin
            // Pr. år" over three small tables) may, read as one.
            let pooled: Vec<Pair> = prepared
                .iter()
                .filter(|o| o.t != t && o.page == pt.page)
                .flat_map(|o| o.candidates.iter())
                .filter(|o| o.periods == cand.periods)
                .flat_map(|o| o.rows.iter().copied())
                .chain(cand.rows.iter().copied())
                .collect();
            match factor(long, short, &pooled, stated)? {
                (k, Source::Rows) => Some((
                    k,
                    Source::PageRows(
                        pooled
                            .iter()
                            .filter(|p| holds_at(p, Decimal::from(k)))
                            .count(),
                    ),
                )),
                _ => None,
            }
        });
        let Some((k, source)) = factor else {
            continue;
        };
        checked.push(Checked {
            long: cand.long,
            short: cand.short,
            k,
            source,
            rows: cand.rows.clone(),
        });
    }
    // A figure named as the likely misprint is reported against its pair with the surest
    // factor (the names' or the page's words before the rows' arithmetic).
    checked.sort_by_key(|c| matches!(c.source, Source::Rows | Source::PageRows(_)));
    checked
}

pub fn check(sink: &mut Sink) {
    let (doc, vocab) = (sink.document, sink.vocab);
    let mut relations: Vec<(usize, TableView, Vec<Relation>)> = Vec::new();
    let prepared: Vec<PeriodTable> = doc
        .tables
        .iter()
        .enumerate()
        .filter_map(|(t, table)| period_table(doc, t, table, vocab))
        .collect();
    let checks: Vec<Vec<Checked>> = prepared
        .iter()
        .map(|pt| checked_pairs(pt, &prepared))
        .collect();
    for (pt, checked) in prepared.into_iter().zip(checks) {
        let PeriodTable {
            t,
            view,
            columns,
            stated,
            ..
        } = pt;
        if checked.is_empty() {
            continue;
        }
        let period_name = |c: usize| {
            columns
                .iter()
                .find(|p| p.col == c)
                .map(|p| p.period.name())
                .unwrap_or("")
        };
        let raw = |r: usize, c: usize| {
            view.raw(r, c)
                .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
                .unwrap_or_default()
        };
        let plural = |c: usize| {
            columns
                .iter()
                .find(|p| p.col == c)
                .map(|p| p.period.plural())
                .unwrap_or("")
        };
        let name = |c: usize| {
            let h = view.column_name(c);
            if h.is_empty() {
                format!("per {}", period_name(c))
            } else {
                h
            }
        };
        // Which relations fail, per row: for naming the likely misprint.
        let failing = |r: usize| -> Vec<(usize, usize)> {
            checked
                .iter()
                .filter_map(|c| {
                    let p = c.rows.iter().find(|p| p.0 == r)?;
                    (!holds_at(p, Decimal::from(c.k))).then_some((c.long, c.short))
                })
                .collect()
        };
        let holding_in_row = |r: usize| -> Vec<(usize, usize)> {
            checked
                .iter()
                .filter_map(|c| {
                    let p = c.rows.iter().find(|p| p.0 == r)?;
                    holds_at(p, Decimal::from(c.k)).then_some((c.long, c.short))
                })
                .collect()
        };
        let mut out: Vec<Relation> = Vec::new();
        let mut reported: Vec<(usize, usize)> = Vec::new();
        for c in &checked {
            let k = Decimal::from(c.k);
            let n = c.rows.iter().filter(|p| holds_at(p, k)).count();
            let months_alternative = period_name(c.long) == "år" && period_name(c.short) == "månad";
            for p in &c.rows {
                let (r, long, short) = *p;
                let holds = holds_at(p, k);
                let others = if holds { n - 1 } else { n };
                let source = match &c.source {
                    Source::Names => format!(
                        "1 {} = {} {}, fixed by the period names",
                        period_name(c.long),
                        c.k,
                        plural(c.short)
                    ),
                    Source::Page(said) => format!("the page states \"{said}\""),
                    Source::Rows => format!("{others} other rows of the table hold at it"),
                    Source::PageRows(n) => format!(
                        "{n} rows of this page's tables with the same two periods hold at it"
                    ),
                };
                let cmp = comparison(p, k);
                let mut message = format!(
                    "{} {} is not {} {} / {} = {} (factor {}: {})",
                    name(c.short),
                    raw(r, c.short),
                    name(c.long),
                    raw(r, c.long),
                    c.k,
                    decimal(cmp.expected),
                    c.k,
                    source
                );
                let mut severity = RULE.severity;
                let mut target = CellRef {
                    row: r,
                    col: c.short,
                };
                let mut inputs = vec![CellRef {
                    row: r,
                    col: c.long,
                }];
                let mut rel_cmp = Comparison { holds, ..cmp };
                if !holds {
                    // The likely misprint: a figure in every failing relation of the row
                    // (two or more) whose other relations all hold.
                    let fails = failing(r);
                    let held = holding_in_row(r);
                    let suspect = [c.long, c.short].into_iter().find(|&col| {
                        fails.len() >= 2
                            && fails.iter().all(|&(a, b)| a == col || b == col)
                            && held.iter().all(|&(a, b)| a != col && b != col)
                            && !held.is_empty()
                    });
                    // The row's own other pair, holding at a certain factor, confirms the
                    // period the suspect figure breaks: no fee for part of the period.
                    let confirmed_in_row = suspect.is_some()
                        && held.iter().all(|&(a, b)| {
                            checked.iter().any(|o| {
                                let holding = match o.source {
                                    Source::Names | Source::Page(_) => usize::MAX,
                                    Source::Rows => o
                                        .rows
                                        .iter()
                                        .filter(|q| holds_at(q, Decimal::from(o.k)))
                                        .count(),
                                    Source::PageRows(n) => n,
                                };
                                (o.long, o.short) == (a, b) && holding > MIN_HOLDING
                            })
                        });
                    if let Some(col) = suspect {
                        if reported.contains(&(r, col)) {
                            continue;
                        }
                        reported.push((r, col));
                        let partners: Vec<String> = fails
                            .iter()
                            .map(|&(a, b)| name(if a == col { b } else { a }))
                            .collect();
                        if col == c.long {
                            target = CellRef {
                                row: r,
                                col: c.long,
                            };
                            inputs = vec![CellRef {
                                row: r,
                                col: c.short,
                            }];
                            let e = short.scale(k);
                            rel_cmp = Comparison {
                                holds: false,
                                ..compare(e, long)
                            };
                            message = format!(
                                "{} {} is not {} {} × {} = {} (factor {}: {})",
                                name(c.long),
                                raw(r, c.long),
                                name(c.short),
                                raw(r, c.short),
                                c.k,
                                decimal(rel_cmp.expected),
                                c.k,
                                source
                            );
                        }
                        message = format!(
                            "{message}; likely misprint: {} {}, which disagrees with {} while they agree with each other",
                            name(col),
                            raw(r, col),
                            partners.join(" and ")
                        );
                    }
                    let other_months = months_alternative
                        .then(|| {
                            (9..=11u32)
                                .filter(|&m| m != c.k)
                                .find(|&m| holds_at(p, Decimal::from(m)))
                        })
                        .flatten();
                    // A table with a total may round a part the other way to make the
                    // parts meet the total (157 + 54 + 17 = 228 where 1 892 / 12 = 157,67).
                    let refutable = !view.totals.iter().any(|&t| t) && !adds_up(&c.rows);
                    let (directed, nearest) = directed_rounding(p, &c.rows, k, refutable);
                    let coarse_ok = holds_coarse(p, k);
                    // The page rounds to whole 5 or 10 when it says so, or when another
                    // row of the pair holds only that way.
                    let coarse_page = stated.rounds
                        || c.rows
                            .iter()
                            .any(|o| o.0 != r && !holds_at(o, k) && holds_coarse(o, k));
                    let ratio = long.nominal / short.nominal;
                    let far = ratio < k / Decimal::TWO || ratio > k * Decimal::new(15, 1);
                    let reason = Doubts {
                        few_from_rows: matches!(c.source, Source::Rows) && others < MIN_HOLDING,
                        others,
                        other_months,
                        directed,
                        coarse: coarse_ok && coarse_page,
                        far,
                        confirmed_in_row,
                    }
                    .reason(("row", "of the table"), c.k);
                    if let Some(reason) = reason {
                        severity = Severity::Info;
                        message = format!("not decided: {reason} ({message})");
                    } else if let Some(nearest) = nearest {
                        message = format!("{message}; {nearest}");
                    }
                }
                let mut rel = Relation::new(&RULE, target, inputs, rel_cmp, message);
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

/// What may explain a failing pair (a table's row or a pair written in text), in the order
/// the reasons are given.
struct Doubts {
    /// The factor came from the rows' own arithmetic and too few other pairs hold at it.
    few_from_rows: bool,
    /// Other pairs that hold at the factor.
    others: usize,
    /// A count of months (9 to 11) at which the pair holds where the names gave 12.
    other_months: Option<u32>,
    /// It holds with a figure rounded down or up rather than to the nearest.
    directed: bool,
    /// It holds with a figure rounded to whole 5 or 10, and the page rounds so.
    coarse: bool,
    /// The figures are too far apart to be one amount for two periods.
    far: bool,
    /// The row's other period pair holds at a certain factor while this figure breaks
    /// both of its pairs: the row itself names the misprint.
    confirmed_in_row: bool,
}

impl Doubts {
    /// Why the failure is not decided, naming the pair as `noun` (row, pair) and the others
    /// as those `place` (of the table, of the page); `None` when nothing explains it.
    fn reason(&self, (noun, place): (&str, &str), k: u32) -> Option<String> {
        let others = self.others;
        if self.few_from_rows {
            Some(format!("only {others} other {noun}s hold at {k}"))
        } else if let Some(m) = self.other_months {
            Some(format!(
                "the {noun} holds at {m} months a year (a fee paid for {m} months; the page states no count)"
            ))
        } else if others == 0 && !self.confirmed_in_row {
            Some(format!(
                "no other {noun} {place} holds at {k} (a fee for part of the period, or another figure)"
            ))
        } else if self.directed {
            Some(format!(
                "the {noun} holds if a figure was rounded down or up to its last digit rather than to the nearest"
            ))
        } else if self.coarse {
            Some(format!(
                "the {noun} holds with a figure taken as rounded to whole 5 or 10, as the page rounds"
            ))
        } else if self.far {
            Some(
                "the figures are too far apart to be one amount for two periods (another figure, or a misreading)"
                    .to_string(),
            )
        } else {
            None
        }
    }
}

/// The period a phrase right after a figure names ("kr per måned", "kr/år", "€/kk"), and
/// where the phrase ends (in `line`, from `from`).
fn period_after(line: &str, from: usize) -> Option<(Period, usize)> {
    let rest = &line[from..];
    let lead = rest.len() - rest.trim_start().len();
    let tail = &rest[lead..];
    let mut best: Option<(Period, usize)> = None;
    for (period, phrases) in PERIODS {
        for phrase in *phrases {
            if inline::starts_with_word(tail, phrase) && best.is_none_or(|(_, n)| phrase.len() > n)
            {
                best = Some((*period, phrase.len()));
            }
        }
    }
    // "/mån" after a figure is "kr/mån" only with no space before it.
    let (period, n) = best?;
    let phrase_slash = tail.starts_with('/');
    (!(phrase_slash && lead > 0)).then_some((period, from + lead + n))
}

/// One amount stated for two periods in one line ("2 730 kroner per måned, og totalt
/// 30 030 kroner per år"): (line, longer period, shorter period, their figures and the
/// written words of each).
struct InlinePair<'a> {
    line: &'a crate::document::SourceLine,
    long: Period,
    short: Period,
    pair: Pair,
    long_text: String,
    short_text: String,
    short_digits: (usize, usize),
}

fn inline_pairs<'a>(lines: &[&'a crate::document::SourceLine]) -> Vec<InlinePair<'a>> {
    let mut out = Vec::new();
    for line in lines {
        let text = line.text.as_str();
        let figs = inline::figures(text);
        if figs.len() < 2 {
            continue;
        }
        let tagged: Vec<Option<(Period, usize)>> = figs
            .iter()
            .map(|f| {
                if f.money {
                    period_after(text, f.end)
                } else {
                    None
                }
            })
            .collect();
        for i in 0..figs.len() - 1 {
            let (Some((pa, ea)), Some((pb, eb))) = (tagged[i], tagged[i + 1]) else {
                continue;
            };
            let (a, b) = (&figs[i], &figs[i + 1]);
            let (Some(link), Some(ta), Some(tb)) = (
                text.get(ea..b.start),
                text.get(a.start..ea),
                text.get(b.start..eb),
            ) else {
                continue;
            };
            if pa == pb || !inline::joins_same_amount(link) {
                continue;
            }
            if a.value.lo <= Decimal::ZERO || b.value.lo <= Decimal::ZERO {
                continue;
            }
            let (long, short, lf, lt, sf, st) = if pa < pb {
                (pa, pb, a, ta, b, tb)
            } else {
                (pb, pa, b, tb, a, ta)
            };
            out.push(InlinePair {
                line,
                long,
                short,
                pair: (0, lf.value, sf.value),
                long_text: lt.trim().to_string(),
                short_text: st.trim().to_string(),
                short_digits: sf.digits,
            });
        }
    }
    out
}

/// The pairs written in one line of running text or one cell, checked as the columns
/// are: the factor from the period names or the page's words, and an error only where
/// another pair of the page holds at it and nothing else explains the gap.
fn check_inline(sink: &mut Sink) {
    let doc = sink.document;
    let lines = crate::check::rules::txt::prose::prose_lines(doc);
    let found = inline_pairs(&lines);
    if found.is_empty() {
        return;
    }
    struct Judged {
        i: usize,
        holds: bool,
        cmp: Comparison,
        severity: Severity,
        message: String,
    }
    let mut judged: Vec<Judged> = Vec::new();
    for (i, p) in found.iter().enumerate() {
        let page = p.line.provenance.page;
        let group: Vec<&InlinePair> = found
            .iter()
            .filter(|q| q.line.provenance.page == page && q.long == p.long && q.short == p.short)
            .collect();
        let page_text = page_text(doc, page);
        let stated = stated_counts(&page_text);
        let rows: Vec<Pair> = group.iter().map(|q| q.pair).collect();
        let Some((k, source)) = factor(p.long, p.short, &rows, &stated) else {
            continue;
        };
        let kd = Decimal::from(k);
        let holds = holds_at(&p.pair, kd);
        let n = rows.iter().filter(|q| holds_at(q, kd)).count();
        let others = if holds { n - 1 } else { n };
        let source_text = match &source {
            Source::Names => format!(
                "1 {} = {} {}, fixed by the period names",
                p.long.name(),
                k,
                p.short.plural()
            ),
            Source::Page(said) => format!("the page states \"{said}\""),
            Source::Rows | Source::PageRows(_) => {
                format!("{others} other pairs of the page hold at it")
            }
        };
        let cmp = comparison(&p.pair, kd);
        let mut message = format!(
            "{} is not {} / {} = {} (factor {}: {})",
            p.short_text,
            p.long_text,
            k,
            decimal(cmp.expected),
            k,
            source_text
        );
        let mut severity = RULE.severity;
        if !holds {
            let (_, long, short) = p.pair;
            let other_months = (p.long == Period::Year && p.short == Period::Month)
                .then(|| {
                    (9..=11u32)
                        .filter(|&m| m != k)
                        .find(|&m| holds_at(&p.pair, Decimal::from(m)))
                })
                .flatten();
            let (directed, _) = directed_rounding(&p.pair, &rows, kd, false);
            let coarse_page = stated.rounds
                || rows
                    .iter()
                    .any(|o| o != &p.pair && !holds_at(o, kd) && holds_coarse(o, kd));
            let ratio = long.nominal / short.nominal;
            let far = ratio < kd / Decimal::TWO || ratio > kd * Decimal::new(15, 1);
            let reason = Doubts {
                few_from_rows: matches!(source, Source::Rows) && others < MIN_HOLDING,
                others,
                other_months,
                directed,
                coarse: holds_coarse(&p.pair, kd) && coarse_page,
                far,
                confirmed_in_row: false,
            }
            .reason(("pair", "of the page"), k);
            if let Some(reason) = reason {
                severity = Severity::Info;
                message = format!("not decided: {reason} ({message})");
            }
        }
        judged.push(Judged {
            i,
            holds,
            cmp,
            severity,
            message,
        });
    }
    for j in judged {
        let p = &found[j.i];
        sink.checked(j.holds);
        if j.holds {
            continue;
        }
        let span = LineSpan::in_line(&p.line.text, p.short_digits.0, p.short_digits.1);
        let provenance = p.line.provenance.clone().with_span(span);
        let paragraph = sink.paragraph_at(&provenance);
        let f = sink.report(&RULE, j.severity, j.message, provenance);
        f.paragraph = paragraph;
        f.expected = Some(j.cmp.expected);
        f.found = Some(j.cmp.found);
        f.tolerance = Some(j.cmp.tolerance);
        f.figure = Some(p.short_text.clone());
    }
}

/// The shorter-period figure the longer one gives, its figure taken as rounded in any
/// direction.
/// Whether a failing pair holds with a figure rounded down or up to its last digit rather
/// than to the nearest, and nothing on the page says it rounds to the nearest. A short
/// figure taken as rounded one way is refuted when the other pairs round theirs to the
/// nearest in both directions: one printed certainly below its exact share (39 220 / 12 =
/// 3 268,33 printed 3 268) and one certainly above (45 728 / 12 = 3 810,67 printed 3 811);
/// then only the long figure's rounding may still explain it. Only where `refutable`
/// (a table with no total row its parts must meet).
fn directed_rounding(
    p: &Pair,
    rows: &[Pair],
    k: Decimal,
    refutable: bool,
) -> (bool, Option<String>) {
    if !compare(expected_short_w(p, k), widened(p.2)).holds {
        return (false, None);
    }
    if !refutable || compare(expected_short_w(p, k), p.2).holds {
        return (true, None);
    }
    let others = rows.iter().filter(|o| o.0 != p.0 && holds_at(o, k));
    let (mut down, mut up) = (None, None);
    for o in others {
        let exact = expected_short(o, k);
        let shown = || {
            format!(
                "{} printed {}",
                decimal(exact.nominal),
                decimal(o.2.nominal)
            )
        };
        if o.2.nominal < exact.lo && down.is_none() {
            down = Some(shown());
        }
        if o.2.nominal > exact.hi && up.is_none() {
            up = Some(shown());
        }
    }
    match (down, up) {
        (Some(d), Some(u)) => (
            false,
            Some(format!(
                "no rounding down or up explains it: the other rows round to the nearest both ways ({d}, {u})"
            )),
        ),
        _ => (true, None),
    }
}

/// Whether a figure of the pairs, in either column, is the sum of two or more figures
/// right above it (a total row, named or not: "Pris i alt").
fn adds_up(rows: &[Pair]) -> bool {
    let column = |f: fn(&Pair) -> Decimal| {
        // Sums of the rows before each, so each run of rows is one subtraction.
        let mut before = vec![Decimal::ZERO];
        for o in rows {
            let last = before[before.len() - 1];
            before.push(last.checked_add(f(o)).unwrap_or(last));
        }
        (2..rows.len()).any(|t| (0..t - 1).any(|s| before[t] - before[s] == f(&rows[t])))
    };
    column(|o| o.1.nominal) || column(|o| o.2.nominal)
}

fn expected_short_w(p: &Pair, k: Decimal) -> Interval {
    let w = widened(p.1);
    Interval {
        nominal: w.nominal / k,
        lo: w.lo / k,
        hi: w.hi / k,
    }
}

/// The text of one page of the document, its lines joined.
fn page_text(doc: &crate::document::Document, page: u32) -> String {
    doc.lines
        .iter()
        .filter(|l| l.provenance.page == page)
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_periods_of_headers() {
        let p = |h: &str| period_of(h).map(|(p, _)| p);
        assert_eq!(p("Pr. år"), Some(Period::Year));
        assert_eq!(p("Pr. måned"), Some(Period::Month));
        assert_eq!(p("Årshyra per lägenhet"), Some(Period::Year));
        assert_eq!(p("Månadshyra per lägenhet"), Some(Period::Month));
        assert_eq!(p("Pris/år"), Some(Period::Year));
        assert_eq!(p("Pris/måned"), Some(Period::Month));
        assert_eq!(p("kr/mån"), Some(Period::Month));
        assert_eq!(p("Sum pr halvår"), Some(Period::Half));
        assert_eq!(p("Perusmaksu €/kk"), Some(Period::Month));
        assert_eq!(p("Perusmaksu €/v"), Some(Period::Year));
        assert_eq!(p("Pr. termin"), Some(Period::Term));
        assert_eq!(p("2 ggr/ månad"), None);
        assert_eq!(p("En gång/vecka"), None);
        assert_eq!(p("Hyra kr per kvm"), None);
        assert_eq!(p("Antal lägenheter"), None);
        assert_eq!(p("Effektavgift kr/kW/år"), Some(Period::Year));
        assert_eq!(
            period_of("Effektavgift kr/kW/år").map(|(_, w)| bases(&w)),
            Some(vec!["kw"])
        );
    }

    #[test]
    fn reads_the_period_after_a_figure() {
        fn at<'a>(line: &'a str, after: &str) -> Option<(Period, &'a str)> {
            let from = line.find(after).map(|i| i + after.len()).unwrap_or(0);
            period_after(line, from).map(|(p, e)| (p, &line[from..e]))
        }
        assert_eq!(
            at("395 kr/mån (4 740 kr/år)", "395 kr"),
            Some((Period::Month, "/mån"))
        );
        assert_eq!(
            at("kr 2 437,50 pr. år, kr 203,13", "2 437,50"),
            Some((Period::Year, " pr. år"))
        );
        assert_eq!(
            at("2 730 kroner per måned", "kroner"),
            Some((Period::Month, " per måned"))
        );
        assert_eq!(at("500 kr per gang", "kr"), None);
        assert_eq!(at("395 kr /mån", "kr"), None);
    }

    #[test]
    fn reads_stated_counts() {
        let s = stated_counts("Det betales for 11 måneder per år.");
        assert_eq!(s.months.iter().map(|m| m.0).collect::<Vec<_>>(), vec![11]);
        let s = stated_counts("Gebyrene innkreves i 4 terminer.");
        assert_eq!(s.terms.iter().map(|m| m.0).collect::<Vec<_>>(), vec![4]);
        let s = stated_counts("Faktura sendes 2 ganger årlig, i mars og september.");
        assert_eq!(s.terms.iter().map(|m| m.0).collect::<Vec<_>>(), vec![2]);
        let s = stated_counts("Samlet kontingent / mdr. (evt. afrundet)");
        assert!(s.rounds);
        let s = stated_counts("inom 0-3 månader, 1000 kr inom 3–12 månader");
        assert!(s.months.iter().all(|m| m.0 == 12));
    }
}
