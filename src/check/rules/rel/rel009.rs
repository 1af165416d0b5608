//! REL009: a key ratio (nyckeltal) that the same document lets a reader recompute from
//! its own figures — soliditet from eget kapital and the balance sheet total, a margin
//! from a result and the turnover, a figure per invånare from the amount and the
//! population — printed with a value those figures cannot give.
//!
//! Every common definition of the ratio is tried over every row of the document that
//! names its inputs (the same table first, or another table whose column names the same
//! year); a printed ratio fails only when no definition meets it within rounding, and it
//! is an error only when one definition gives the printed value in at least two other
//! columns of the same row and fails in none of them (the table's own arithmetic confirms
//! the reading). Otherwise the failure is "not decided" (information, with the reason).

use crate::arith::{compare, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::view::TableView;
use crate::check::Sink;
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: RuleCode::REL009,
    name: "key-ratio-not-from-figures",
    family: Family::Rel,
    severity: Severity::Error,
    summary: "A key ratio (soliditet, vinstmarginal, X per invånare …) that the document's own figures cannot give",
    explanation: "Årsredovisningar, delårsrapporter and company reports print key ratios \
(nyckeltal) beside the statements or the summary table they derive from: Soliditet = eget \
kapital / summa tillgångar (balansomslutning); Balanslikviditet, likviditetsgrad = \
omsättningstillgångar / kortfristiga skulder; Vinstmarginal, resultatgrad = resultat efter \
finansiella poster (or före skatt) / omsättning (nettoomsättning, fakturerad försäljning, \
rörelsens intäkter); Rörelsemarginal, overskudsgrad, driftsmargin = rörelseresultat / \
omsättning; Afkastningsgrad = resultat af primær drift / aktiver i alt; \
Nettokostnadsandel = verksamhetens nettokostnader / skatteintäkter och generella \
statsbidrag; Årets resultat i % av skatteintäkter och statsbidrag; the Finnish \
toimintatuotot % toimintakuluista and vuosikate % poistoista; and any amount per invånare, \
innbygger, indbygger or asukas (\"Årets resultat/invånare, kr\" = Årets resultat, mkr × \
1 000 000 / Antal invånare; \"Lainakanta, €/asukas\" = Lainakanta 31.12., milj. € / \
Asukasmäärä 31.12.; \"Netto lånegjeld per innbygger, kr\", \"Nettodriftsudgifter pr. \
indbygger, kr.\"), the units taken from the labels (mkr, mnkr, milj., mill., mio., \
miljoonaa, tkr, 1 000 kr, tuhatta euroa, kr, €, euroa) or the amount's table title.\n\nWhat is read. A row whose label names such a ratio (ratios \
whose label names an adjustment — inkl. pensionsförpliktelser, justerad, exkl. — are left \
alone), and the rows of the same document whose labels name its inputs: in the same table, \
column by column, or in another table whose column header names the same year (the \
population also of the year before), or, in tables without headers, one of the same layout. \
Every pairing of such rows, each unit (percent or a fraction where the label does not say), \
is a definition variant. An amount per invånare with a qualifier (\"Lainat, euroa/asukas \
(ilman konsernitiliä)\", \"Nettokostnad exkl. VA, kr/invånare\") is read only from an amount \
row naming the same qualifier.\n\nWhat is checked. Each column of the ratio row: the ratio \
computed from intervals (each figure ± half a unit of its last digit) against the printed \
figure's interval; an amount in thousands or millions divided into kronor or euro per \
invånare may also be cut to its last digit (212 milj. standing for up to 213), as pages \
printing whole millions cut off do. A column where some variant meets the printed figure \
holds.\n\nWhen it is \
an error. A column where no variant meets it, when one variant gives the printed figure in \
at least two other columns of the row and fails in none (the message names the definition, \
the rows and the columns it was read from, and the columns where it holds). Otherwise — no \
other column to confirm the definition, or no variant that holds elsewhere (the ratio is \
then defined otherwise: average capital, justerat eget kapital, another entity), or an amount \
per invånare that a population within 1 % of the printed one gives where the page does not \
date its count (\"Antal invånare\", \"Innbyggere\": the figure may be worked on 1 November's \
count or the year's mean) — it is information, \"not decided\", with the reason. An amount \
per invånare has one definition and its units written in both labels: one other column \
where it holds confirms it; and where the page dates the count (\"Antal invånare 31 \
december\", \"Asukasmäärä 31.12.\", \"Indbyggere 1. januar\", or a table title naming the \
date, also on another row giving the same count) that count is the reading, and a figure \
its interval cannot meet is an error.\n\nExample: Eget kapital 1 200 / 1 250 / \
1 300, Summa tillgångar 3 000 / 3 100 / 3 200, Soliditet % 40 / 40 / 44: 1 300 / 3 200 = \
40,6 %, ± 0,03, while 40,0 and 40,3 hold in the other two columns: 44 is reported.",
    checks: &[Check::Document(check)],
};

/// What a row's figures are, for the ratios' inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Input {
    Equity,
    TotalAssets,
    CurrentAssets,
    ShortDebt,
    ResultAfterFinancial,
    ResultBeforeTax,
    OperatingResult,
    Revenue,
    NetCost,
    Taxes,
    YearResult,
    Population,
    OperatingIncome,
    OperatingCosts,
    AnnualMargin,
    Depreciation,
}

/// Labels naming each input (cleaned: lower case, units and note references gone).
const INPUTS: &[(Input, &[&str])] = &[
    (
        Input::Equity,
        &[
            "eget kapital",
            "summa eget kapital",
            "eget kapital totalt",
            "egenkapital",
            "egenkapital i alt",
            "sum egenkapital",
            "oma pääoma",
            "omapääoma",
            "oma pääoma yhteensä",
        ],
    ),
    (
        Input::TotalAssets,
        &[
            "summa tillgångar",
            "tillgångar totalt",
            "totala tillgångar",
            "balansomslutning",
            "summa eget kapital och skulder",
            "summa eget kapital avsättningar och skulder",
            "summa skulder och eget kapital",
            "balancesum",
            "balancesum i alt",
            "aktiver i alt",
            "aktiver",
            "passiver i alt",
            "sum eiendeler",
            "sum egenkapital og gjeld",
            "taseen loppusumma",
        ],
    ),
    (
        Input::CurrentAssets,
        &[
            "omsättningstillgångar",
            "summa omsättningstillgångar",
            "omsætningsaktiver",
            "omsætningsaktiver i alt",
            "omløpsmidler",
            "sum omløpsmidler",
        ],
    ),
    (
        Input::ShortDebt,
        &[
            "kortfristiga skulder",
            "summa kortfristiga skulder",
            "kortfristet gæld",
            "kortfristede gældsforpligtelser",
            "kortfristede gældsforpligtelser i alt",
            "kortsiktig gjeld",
            "sum kortsiktig gjeld",
        ],
    ),
    (
        Input::ResultAfterFinancial,
        &[
            "resultat efter finansiella poster",
            "resultat efter finansnetto",
            "resultat efter finansiella intäkter och kostnader",
        ],
    ),
    (
        Input::ResultBeforeTax,
        &[
            "resultat före skatt",
            "resultat før skat",
            "resultat før skatt",
            "ordinært resultat før skattekostnad",
        ],
    ),
    (
        Input::OperatingResult,
        &[
            "rörelseresultat",
            "resultat af primær drift",
            "resultat af primær drift ebit",
            "primært resultat",
            "driftsresultat",
        ],
    ),
    (
        Input::Revenue,
        &[
            "nettoomsättning",
            "omsättning",
            "fakturerad försäljning",
            "rörelsens intäkter",
            "summa rörelsens intäkter",
            "totala intäkter",
            "nettoomsætning",
            "omsætning",
            "driftsinntekter",
            "sum driftsinntekter",
            "liikevaihto",
        ],
    ),
    (
        Input::NetCost,
        &["verksamhetens nettokostnader", "verksamhetens nettokostnad"],
    ),
    (
        Input::Taxes,
        &[
            "skatteintäkter och generella statsbidrag",
            "skatteintäkter generella statsbidrag och utjämning",
            "skatteintäkter och generella statsbidrag och utjämning",
            "skatteintäkter statsbidrag och utjämning",
            "skatteintäkter och statsbidrag",
            "skatter och statsbidrag",
            "skatter och generella statsbidrag",
            "skattenetto",
        ],
    ),
    (Input::YearResult, &["årets resultat"]),
    (
        Input::Population,
        &[
            "antal invånare",
            "antal invånare 31 december",
            "antal invånare 31/12",
            "invånare 31/12",
            "invånare 31 december",
            "folkmängd",
            "folkmängd 31/12",
            "asukasmäärä",
            "asukasmäärä 31.12.",
            "asukasluku",
            "innbyggere",
            "antall innbyggere",
            "indbyggertal",
            "antal indbyggere",
        ],
    ),
    (Input::OperatingIncome, &["toimintatuotot"]),
    (Input::OperatingCosts, &["toimintakulut"]),
    (Input::AnnualMargin, &["vuosikate"]),
    (
        Input::Depreciation,
        &[
            "suunnitelman mukaiset poistot",
            "poistot",
            "poistot ja arvonalentumiset",
        ],
    ),
];

/// A key ratio: the labels that name it and its definitions (numerator inputs,
/// denominator inputs, whether the numerator enters as a magnitude).
struct Ratio {
    name: &'static str,
    labels: &'static [&'static str],
    num: &'static [Input],
    den: &'static [Input],
    /// The numerator is a cost written with a minus; it enters as a magnitude.
    num_magnitude: bool,
}

const RATIOS: &[Ratio] = &[
    Ratio {
        name: "eget kapital / balansomslutning (summa tillgångar)",
        labels: &[
            "soliditet",
            "soliditetsgrad",
            "egenkapitalandel",
            "egenkapitalprosent",
            "omavaraisuusaste",
            "omavaraisuus-",
            "omavaraisuus",
        ],
        num: &[Input::Equity],
        den: &[Input::TotalAssets],
        num_magnitude: false,
    },
    Ratio {
        name: "omsättningstillgångar / kortfristiga skulder",
        labels: &["balanslikviditet", "likviditetsgrad"],
        num: &[Input::CurrentAssets],
        den: &[Input::ShortDebt],
        num_magnitude: false,
    },
    Ratio {
        name: "resultat efter finansiella poster (före skatt) / omsättning",
        labels: &["vinstmarginal", "resultatgrad", "vinstprocent"],
        num: &[Input::ResultAfterFinancial, Input::ResultBeforeTax],
        den: &[Input::Revenue],
        num_magnitude: false,
    },
    Ratio {
        name: "rörelseresultat / omsättning",
        labels: &[
            "rörelsemarginal",
            "overskudsgrad",
            "overskudsgrad ebit-margin",
            "driftsmargin",
            "ebit-margin",
        ],
        num: &[Input::OperatingResult],
        den: &[Input::Revenue],
        num_magnitude: false,
    },
    Ratio {
        name: "resultat före skatt / omsättning",
        labels: &["før-skat margin", "før-skat margin ebt-margin", "ebt-margin"],
        num: &[Input::ResultBeforeTax],
        den: &[Input::Revenue],
        num_magnitude: false,
    },
    Ratio {
        name: "resultat af primær drift / aktiver i alt",
        labels: &["afkastningsgrad"],
        num: &[Input::OperatingResult],
        den: &[Input::TotalAssets],
        num_magnitude: false,
    },
    Ratio {
        name: "verksamhetens nettokostnader / skatteintäkter och generella statsbidrag",
        labels: &[
            "nettokostnadsandel",
            "verksamhetens nettokostnader i procent av skatteintäkter och generella statsbidrag",
            "verksamhetens nettokostnader i procent av skatteintäkter och statsbidrag",
            "verksamhetens nettokostnader i procent av skatteintäkter generella statsbidrag och utjämning",
            "nettokostnadernas andel av skatteintäkter och generella statsbidrag",
        ],
        num: &[Input::NetCost],
        den: &[Input::Taxes],
        num_magnitude: true,
    },
    Ratio {
        name: "årets resultat / skatteintäkter och generella statsbidrag",
        labels: &[
            "årets resultat i procent av skatteintäkter och generella statsbidrag",
            "årets resultat i procent av skatteintäkter och statsbidrag",
            "årets resultat i procent av skatteintäkter generella statsbidrag och utjämning",
            "årets resultat i procent av skatter och statsbidrag",
            "årets resultat i procent av skatteintäkter statsbidrag och utjämning",
        ],
        num: &[Input::YearResult],
        den: &[Input::Taxes],
        num_magnitude: false,
    },
    Ratio {
        name: "toimintatuotot / toimintakulut",
        labels: &["toimintatuotot procent toimintakuluista", "toimintatuotot toimintakuluista"],
        num: &[Input::OperatingIncome],
        den: &[Input::OperatingCosts],
        num_magnitude: false,
    },
    Ratio {
        name: "vuosikate / poistot",
        labels: &["vuosikate procent poistoista", "vuosikate poistoista"],
        num: &[Input::AnnualMargin],
        den: &[Input::Depreciation],
        num_magnitude: false,
    },
];

/// Words that make a ratio's label name an adjusted or partial variant this rule does
/// not compute (soliditet inkl. pensionsförpliktelser, justerad soliditet, a ratio "exkl.
/// VA-verksamhet").
const ADJUSTED: &[&str] = &[
    "inkl",
    "exkl",
    "pension",
    "justera",
    "ansvarsförbindelse",
    "minoritet",
    "utan",
    "med ",
    "excl",
    "incl",
    "ekskl",
    "uden",
    "budget",
    "mål",
    "snitt",
    "genomsnitt",
    "gjennomsnitt",
    "förändring",
    "endring",
    "ændring",
];

/// An amount per invånare named otherwise than its total: the Finnish tunnusluku "Lainat,
/// euroa/asukas" is defined as Lainakanta 31.12. / Asukasmäärä 31.12.
const SAME_AMOUNT: &[(&str, &str)] = &[("lainat", "lainakanta")];

/// Words that make an amount per invånare an adjusted, partial or planned figure this
/// rule does not compute ("Nettokostnad exkl. VA/invånare", "Budget/invånare").
const PER_ADJUSTED: &[&str] = &[
    "inkl",
    "exkl",
    "ekskl",
    "ilman",
    "justera",
    "utan",
    "uden",
    "budget",
    "mål",
    "snitt",
    "förändring",
    "endring",
    "ændring",
    "muutos",
];

/// Unit words, with the kronor (or euro) one unit stands for; a label's unit is the
/// first of its words found here.
const UNITS: &[(&str, i64)] = &[
    ("mdkr", 1_000_000_000),
    ("miljarder", 1_000_000_000),
    ("mkr", 1_000_000),
    ("mnkr", 1_000_000),
    ("msek", 1_000_000),
    ("mio.", 1_000_000),
    ("mio", 1_000_000),
    ("miljoner", 1_000_000),
    ("milj.", 1_000_000),
    ("milj", 1_000_000),
    ("mill.", 1_000_000),
    ("miljoonaa", 1_000_000),
    ("meur", 1_000_000),
    ("mnok", 1_000_000),
    ("mdkk", 1_000_000),
    ("tkr", 1_000),
    ("kkr", 1_000),
    ("tuhatta", 1_000),
    ("teur", 1_000),
    ("t€", 1_000),
    ("1000", 1_000),
    ("ksek", 1_000),
    ("t.kr.", 1_000),
    ("tusental", 1_000),
    ("tusen", 1_000),
    ("kr", 1),
    ("kronor", 1),
    ("kroner", 1),
    ("sek", 1),
    ("euroa", 1),
    ("euro", 1),
    ("eur", 1),
    ("€", 1),
    ("nok", 1),
    ("dkk", 1),
];

/// Words that say a figure is per inhabitant; the label's part before it names the
/// amount.
const PER: &[&str] = &[
    "/invånare",
    "/ invånare",
    "per invånare",
    "/inv.",
    "/inv",
    "/asukas",
    "/ asukas",
    "per asukas",
    "asukasta kohden",
    "asukasta kohti",
    "per innbygger",
    "pr. innbygger",
    "pr innbygger",
    "/innbygger",
    "pr. indbygger",
    "pr indbygger",
    "per indbygger",
    "pr. indb.",
    "/indbygger",
];

/// Unit tokens dropped from a label before it is compared.
const DROPPED: &[&str] = &[
    "ggr",
    "gånger",
    "mkr",
    "mnkr",
    "tkr",
    "kkr",
    "msek",
    "ksek",
    "kr",
    "kronor",
    "sek",
    "dkk",
    "nok",
    "eur",
    "euroa",
    "milj.",
    "milj",
    "mill.",
    "mill",
    "miljoner",
    "miljoonaa",
    "meur",
    "mnok",
    "€",
    "t€",
    "tuhatta",
    "kr.",
    "mio.",
    "mio",
    "t.kr.",
    "belopp",
    "miljoonaa",
];

/// Tokens that say "percent"; one word ("procent") in a cleaned label.
const PERCENT: &[&str] = &[
    "%",
    "procent",
    "pct.",
    "pct",
    "prosent",
    "prosenttia",
    "prosentti",
];

/// A label lower-cased, its leading dash or numbering, commas and parentheses gone,
/// unit words and a trailing note reference or percent word dropped, "%" spelled
/// "procent" ("Toimintatuotot (%) toimintakuluista" → "toimintatuotot procent
/// toimintakuluista", "Soliditet, %" → "soliditet").
fn clean(label: &str) -> String {
    let spaced = label.replace('%', " % ");
    let c = crate::grammar::statement::clean(&spaced);
    let all: Vec<&str> = c.split_whitespace().collect();
    let mut words: Vec<&str> = all
        .iter()
        .enumerate()
        .filter(|(_, w)| !DROPPED.contains(w))
        // The point a transcript put for the comma before the unit ("Resultat efter
        // finansiella poster. Mkr"): the label's words end before it.
        .map(|(i, w)| match w.strip_suffix('.') {
            Some(word)
                if all.get(i + 1).is_some_and(|n| DROPPED.contains(n))
                    && word.chars().count() > 3
                    && word.chars().all(char::is_alphabetic) =>
            {
                word
            }
            _ => *w,
        })
        .map(|w| if PERCENT.contains(&w) { "procent" } else { w })
        .collect();
    while words
        .last()
        .is_some_and(|w| *w == "procent" || w.chars().all(|ch| ch.is_ascii_digit() || ch == ','))
    {
        words.pop();
    }
    words.join(" ")
}

fn input_of(label: &str) -> Option<Input> {
    let c = clean(label);
    if c.is_empty() || PER.iter().any(|p| label.to_lowercase().contains(p)) {
        return None;
    }
    if population_of(label).is_some() {
        return Some(Input::Population);
    }
    INPUTS
        .iter()
        .find(|(_, names)| names.contains(&c.as_str()))
        .map(|(k, _)| *k)
}

/// How the printed ratio is scaled: percent, a fraction, or both to be tried.
fn scales_of(label: &str, raw: &str) -> Vec<Decimal> {
    let l = label.to_lowercase();
    let percent = l.contains('%')
        || l.contains("procent")
        || l.contains("prosent")
        || l.contains("pct")
        || raw.contains('%');
    let times = l.contains("ggr") || l.contains("gånger");
    if percent {
        vec![Decimal::ONE_HUNDRED]
    } else if times {
        vec![Decimal::ONE]
    } else {
        vec![Decimal::ONE_HUNDRED, Decimal::ONE]
    }
}

/// The unit (in kronor) a label names, when it names one.
fn unit_of(text: &str) -> Option<Decimal> {
    // "1 000 kr", "1 000 €": the thousand written with a space is one word here.
    let lower = text.to_lowercase().replace("1 000", "1000");
    lower
        .split(|ch: char| ch.is_whitespace() || matches!(ch, ',' | '(' | ')' | '/' | ':'))
        .find_map(|w| {
            // "mkr.", "kr.": a word's closing point is not part of the unit.
            let bare = w.trim_end_matches('.');
            UNITS
                .iter()
                .find(|(u, _)| *u == w || (!bare.is_empty() && *u == bare))
                .map(|(_, k)| Decimal::from(*k))
        })
}

/// The date a population count is of, as its label (or its table's title) states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PopDate {
    /// The label names no date: the count may be of 31 December, 1 November or the
    /// year's mean.
    Unstated,
    YearEnd,
    November,
    January,
    Mean,
}

/// Names of a population count, once its date words are gone.
const POPULATION: &[&str] = &[
    "antal invånare",
    "antal invånare totalt",
    "totalt antal invånare",
    "invånare",
    "invånarantal",
    "folkmängd",
    "befolkning",
    "asukasmäärä",
    "asukasluku",
    "väkiluku",
    "innbyggere",
    "antall innbyggere",
    "innbyggertall",
    "folketall",
    "folkemengde",
    "indbyggere",
    "antal indbyggere",
    "indbyggertal",
    "folketal",
];

/// The date a text names for a population count, when it names one.
fn date_named(lower: &str) -> Option<PopDate> {
    let has = |ws: &[&str]| ws.iter().any(|w| lower.contains(w));
    if has(&[
        "medel",
        "genomsnitt",
        "gjennomsnitt",
        "gennemsnit",
        "keskim",
    ]) {
        Some(PopDate::Mean)
    } else if has(&[
        "31.12",
        "31/12",
        "31 dec",
        "31. dec",
        "31.des",
        "31 des",
        "ultimo",
        "årets slut",
        "vuoden lopussa",
        "utgangen av året",
    ]) {
        Some(PopDate::YearEnd)
    } else if has(&["1.11", "1/11", "1 nov", "1. nov"]) {
        Some(PopDate::November)
    } else if has(&["1.1.", "1/1 ", "1 jan", "1. jan", "primo"]) {
        Some(PopDate::January)
    } else {
        None
    }
}

/// Whether a label names a population count, and the date it names.
fn population_of(label: &str) -> Option<PopDate> {
    let lower = label.to_lowercase();
    if PER.iter().any(|p| lower.contains(p)) {
        return None;
    }
    let undated: Vec<&str> = lower
        .split_whitespace()
        .filter(|w| {
            !w.chars().any(|ch| ch.is_ascii_digit())
                && !matches!(
                    w.trim_end_matches([',', '.']),
                    "dec"
                        | "december"
                        | "desember"
                        | "nov"
                        | "november"
                        | "jan"
                        | "januar"
                        | "januari"
                        | "per"
                        | "pr"
                        | "den"
                        | "ultimo"
                        | "primo"
                )
        })
        .collect();
    let c = clean(&undated.join(" "));
    POPULATION
        .contains(&c.as_str())
        .then(|| date_named(&lower).unwrap_or(PopDate::Unstated))
}

/// An amount's label for pairing with an amount per invånare: cleaned, its date words
/// ("Lainakanta 31.12.") gone.
fn amount_key(label: &str) -> String {
    clean(label)
        .split_whitespace()
        .filter(|w| !w.chars().any(|ch| ch.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A ratio row: which ratio, or an amount per invånare (the amount's cleaned label and
/// the ratio's own unit).
enum Kind {
    Ratio(&'static Ratio),
    PerInhabitant { amount: String, unit: Decimal },
}

fn kind_of(label: &str) -> Option<Kind> {
    let lower = label.to_lowercase();
    if let Some(p) = PER.iter().find(|p| lower.contains(*p)) {
        let (before, after) = lower.split_once(p)?;
        if before.contains("varav") {
            return None;
        }
        // "Lainat, euroa/asukas (ilman konsernitiliä)": a qualifier after the marker
        // adjusts the amount as much as one before it, so an adjusted amount per
        // invånare is read only from an amount row naming the same qualifier ("Lainakanta
        // 31.12., milj euroa (ilman konsernitiliä)"): its key carries the qualifier.
        let adjusted = PER_ADJUSTED.iter().any(|a| lower.contains(a));
        // The ratio's unit: "kr" after the marker ("/invånare, kr") or before it
        // ("kr/invånare", "tusental kronor/invånare").
        let unit = unit_of(after).or_else(|| {
            let b = before.trim_end();
            UNITS
                .iter()
                .find(|(u, _)| b.ends_with(&format!(" {u}")) || b.ends_with(&format!(",{u}")))
                .map(|(_, k)| Decimal::from(*k))
        })?;
        let mut amount = amount_key(before);
        if adjusted {
            let qualifier: Vec<String> = amount_key(after)
                .split_whitespace()
                .filter(|w| unit_of(w).is_none())
                .map(str::to_string)
                .collect();
            if !qualifier.is_empty() {
                amount = format!("{amount} {}", qualifier.join(" "));
            }
            if !PER_ADJUSTED.iter().any(|a| amount.contains(a)) {
                return None;
            }
        }
        return (!amount.is_empty()).then_some(Kind::PerInhabitant { amount, unit });
    }
    if ADJUSTED.iter().any(|a| lower.contains(a)) {
        return None;
    }
    let c = clean(label);
    RATIOS
        .iter()
        .find(|r| r.labels.contains(&c.as_str()))
        .or_else(|| composed(&c))
        .map(Kind::Ratio)
}

/// A ratio whose label names its two inputs ("Årets resultat/skatteintäkter och generella
/// statsbidrag, %", "Eget kapital i procent av totala tillgångar"): the definition of the
/// known ratio with those inputs, whatever the ratio is called.
fn composed(cleaned: &str) -> Option<&'static Ratio> {
    let (num, den) = [" i procent av ", " procent av ", "/"]
        .iter()
        .find_map(|sep| cleaned.split_once(sep))?;
    let (num, den) = (input_of(num.trim())?, input_of(den.trim())?);
    RATIOS
        .iter()
        .find(|r| r.num.contains(&num) && r.den.contains(&den))
}

/// A column's year ("2018", "2015/16") and the rest of its header, when the header names
/// exactly one year.
fn year_key(header: &str) -> Option<(u32, String)> {
    let mut years = Vec::new();
    let mut rest = String::new();
    for tok in header.split(|ch: char| !ch.is_ascii_digit() && ch != '/') {
        let t = tok.trim_matches('/');
        let first = t.split('/').next().unwrap_or("");
        if first.len() == 4 {
            if let Ok(y) = first.parse::<u32>() {
                if (1950..=2100).contains(&y) {
                    years.push(y);
                }
            }
        }
    }
    years.sort_unstable();
    years.dedup();
    if years.len() != 1 {
        return None;
    }
    for ch in header.chars() {
        if ch.is_alphabetic() || ch == ' ' {
            rest.extend(ch.to_lowercase());
        }
    }
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    Some((years[0], rest))
}

/// Words of a column header (beside its year) that make it something other than the
/// year's accounts: a budget, a plan, a forecast, part of a year, a change.
const OTHER_KIND: &[&str] = &[
    "budget",
    "bud",
    "prognos",
    "plan",
    "mål",
    "avvik",
    "förändr",
    "delår",
    "jan",
    "apr",
    "aug",
    "tertial",
    "kvartal",
    "ta",
    "ts",
    "tb",
    "ek",
    "forecast",
    "endring",
    "ændring",
];

/// Whether two headers' words beside the same year name the same kind of column: the
/// same words, or none on one side and no budget, plan or part of a year on the other.
fn same_kind(a: &str, b: &str) -> bool {
    let other = |s: &str| {
        s.split_whitespace()
            .any(|w| OTHER_KIND.iter().any(|k| w.starts_with(k)))
    };
    a == b || (a.is_empty() && !other(b)) || (b.is_empty() && !other(a))
}

/// One table of the document as the rule reads it.
struct Sheet<'a> {
    view: TableView<'a>,
    keys: Vec<Option<(u32, String)>>,
    ambiguous: Vec<bool>,
}

impl Sheet<'_> {
    fn headerless(&self) -> bool {
        (0..self.view.cols()).all(|c| self.view.header(c).trim().is_empty())
    }
}

/// The column of table `to` that stands for column `c` of table `from` (the year
/// `shift` earlier), when exactly one does.
fn map_column(sheets: &[Sheet], from: usize, c: usize, to: usize, shift: u32) -> Option<usize> {
    let (a, b) = (&sheets[from], &sheets[to]);
    if from == to && shift == 0 {
        return Some(c);
    }
    match a.keys.get(c).cloned().flatten() {
        Some((year, rest)) => {
            let want = year.checked_sub(shift)?;
            let hits: Vec<usize> = (0..b.view.cols())
                .filter(|&d| {
                    b.keys[d]
                        .as_ref()
                        .is_some_and(|(y, r)| *y == want && same_kind(r, &rest))
                })
                .collect();
            (hits.len() == 1).then(|| hits[0])
        }
        None if shift == 0
            && a.keys.iter().all(Option::is_none)
            && b.keys.iter().all(Option::is_none)
            && a.headerless()
            && b.headerless()
            && a.view.cols() == b.view.cols()
            && from.abs_diff(to) <= 2 =>
        {
            Some(c)
        }
        None => None,
    }
}

/// A ratio's definition for the message, its numerator and denominator rows, whether the
/// numerator enters as a magnitude, the scales and population shifts to try.
type Plan = (
    String,
    Vec<(usize, usize)>,
    Vec<(usize, usize)>,
    bool,
    Vec<Decimal>,
    Vec<u32>,
);

/// One definition variant: where its numerator and denominator are read.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Variant {
    num: (usize, usize),
    den: (usize, usize),
    /// The denominator is the population of the year before.
    shift: u32,
    /// Multiplier from numerator/denominator to the printed ratio.
    scale: Decimal,
    magnitude: bool,
    /// The amount is written in thousands or millions and divided into kronor (euro)
    /// per invånare: it may be cut to its last digit, not rounded (a page printing
    /// whole millions cut off: 212 for 212,78).
    cut: bool,
}

/// The ratio a variant gives in column `c` of the ratio row, with the cells it read.
fn evaluate(sheets: &[Sheet], t: usize, c: usize, v: &Variant) -> Option<(Interval, usize, usize)> {
    let nc = map_column(sheets, t, c, v.num.0, 0)?;
    let dc = map_column(sheets, t, c, v.den.0, v.shift)?;
    let (ns, ds) = (&sheets[v.num.0], &sheets[v.den.0]);
    if ns.ambiguous[v.num.1] || ds.ambiguous[v.den.1] {
        return None;
    }
    let n = ns.view.figure(v.num.1, nc)?;
    let d = ds.view.figure(v.den.1, dc)?;
    let n = if v.magnitude && n.nominal < Decimal::ZERO {
        n.negated()
    } else {
        n
    };
    let d = if d.nominal < Decimal::ZERO {
        d.negated()
    } else {
        d
    };
    // A cut amount stands for up to one unit further from zero than written.
    let n = if v.cut {
        let unit = n.hi - n.lo;
        if n.nominal.is_sign_negative() {
            Interval {
                lo: n.nominal - unit,
                ..n
            }
        } else {
            Interval {
                hi: n.nominal + unit,
                ..n
            }
        }
    } else {
        n
    };
    let q = n.divided_by(d)?.scale(v.scale);
    Some((q, nc, dc))
}

/// A computed ratio for a message: one decimal from 100 up, three below.
fn number(d: Decimal) -> String {
    let r = d.round_dp(if d.abs() >= Decimal::from(100) { 1 } else { 3 });
    r.to_string().replace('.', ",")
}

pub fn check(sink: &mut Sink) {
    let (doc, vocab) = (sink.document, sink.vocab);
    let sheets: Vec<Sheet> = doc
        .tables
        .iter()
        .map(|t| {
            let view = TableView::new(t, vocab);
            let keys = (0..view.cols())
                .map(|c| year_key(&view.header(c)))
                .collect();
            let mut ambiguous = vec![false; view.rows()];
            for a in &t.ambiguities {
                if let Some(x) = ambiguous.get_mut(a.row) {
                    *x = true;
                }
            }
            Sheet {
                view,
                keys,
                ambiguous,
            }
        })
        .collect();
    // Every row naming an input, once.
    let mut inputs: Vec<(Input, usize, usize)> = Vec::new();
    let mut labels: Vec<Vec<String>> = Vec::new();
    for (t, s) in sheets.iter().enumerate() {
        let mut ls = Vec::new();
        for r in 0..s.view.rows() {
            let label = s.view.label(r);
            if let Some(k) = input_of(&label) {
                inputs.push((k, t, r));
            }
            ls.push(label);
        }
        labels.push(ls);
    }
    for (t, s) in sheets.iter().enumerate() {
        for r in 0..s.view.rows() {
            let label = &labels[t][r];
            let Some(kind) = kind_of(label) else {
                continue;
            };
            if s.ambiguous[r] {
                continue;
            }
            check_row(sink, &sheets, &inputs, &labels, t, r, &kind);
        }
    }
}

/// Whether a row can be read together with the ratio row: the same table, or a column
/// mapping exists for some column.
fn related(sheets: &[Sheet], t: usize, u: usize) -> bool {
    (0..sheets[t].view.cols()).any(|c| map_column(sheets, t, c, u, 0).is_some())
}

#[allow(clippy::too_many_arguments)]
fn check_row(
    sink: &mut Sink,
    sheets: &[Sheet],
    inputs: &[(Input, usize, usize)],
    labels: &[Vec<String>],
    t: usize,
    r: usize,
    kind: &Kind,
) {
    let s = &sheets[t];
    let label = &labels[t][r];
    let rows_of = |ks: &[Input]| -> Vec<(usize, usize)> {
        inputs
            .iter()
            .filter(|(k, u, _)| ks.contains(k) && related(sheets, t, *u))
            .map(|&(_, u, q)| (u, q))
            .collect()
    };
    let mut variants: Vec<Variant> = Vec::new();
    let (definition, nums, dens, magnitude, scales, shifts): Plan = match kind {
        Kind::Ratio(ratio) => {
            let raw = (0..s.view.cols())
                .filter_map(|c| s.view.raw(r, c))
                .collect::<String>();
            (
                ratio.name.to_string(),
                rows_of(ratio.num),
                rows_of(ratio.den),
                ratio.num_magnitude,
                scales_of(label, &raw),
                vec![0],
            )
        }
        Kind::PerInhabitant { amount, unit } => {
            // The amount: a row of the same name with a unit (in its label, or its
            // table's title or label header).
            let mut nums = Vec::new();
            let mut scales = Vec::new();
            for (u, su) in sheets.iter().enumerate() {
                if !related(sheets, t, u) {
                    continue;
                }
                for (q, l) in labels[u].iter().enumerate() {
                    let key = amount_key(l);
                    // The amount named otherwise, with the same qualifier after it on
                    // both ("lainat ilman konsernitiliä", "lainakanta ilman …").
                    let named = key == *amount
                        || SAME_AMOUNT.iter().any(|(per, total)| {
                            amount.strip_prefix(per).is_some_and(|rest| {
                                (rest.is_empty() || rest.starts_with(' '))
                                    && key.strip_prefix(total) == Some(rest)
                            })
                        });
                    if !named || PER.iter().any(|p| l.to_lowercase().contains(p)) {
                        continue;
                    }
                    let own = unit_of(l).or_else(|| {
                        let t = &su.view.table;
                        t.label_header
                            .as_deref()
                            .and_then(unit_of)
                            .or_else(|| t.title.as_deref().and_then(unit_of))
                    });
                    if let Some(k) = own {
                        nums.push((u, q));
                        scales.push(k / *unit);
                    }
                }
            }
            let dens = rows_of(&[Input::Population]);
            // One scale per amount row: variants are built per pair below.
            let mut out = Vec::new();
            for (i, &n) in nums.iter().enumerate() {
                for &d in &dens {
                    for shift in [0, 1] {
                        out.push(Variant {
                            num: n,
                            den: d,
                            shift,
                            scale: scales[i],
                            magnitude: false,
                            cut: scales[i] > Decimal::ONE,
                        });
                    }
                }
            }
            variants = out;
            (
                format!("{amount} / antal invånare"),
                Vec::new(),
                Vec::new(),
                false,
                Vec::new(),
                Vec::new(),
            )
        }
    };
    for &n in &nums {
        for &d in &dens {
            if n == d {
                continue;
            }
            for &scale in &scales {
                for &shift in &shifts {
                    variants.push(Variant {
                        num: n,
                        den: d,
                        shift,
                        scale,
                        magnitude,
                        cut: false,
                    });
                }
            }
        }
    }
    if variants.is_empty() {
        return;
    }
    // Each column: the printed ratio and what every variant gives.
    let cols: Vec<usize> = (0..s.view.cols())
        .filter(|&c| s.view.figure(r, c).is_some())
        .collect();
    let mut results: Vec<Vec<Option<bool>>> = Vec::new();
    for &c in &cols {
        let printed = s
            .view
            .figure(r, c)
            .unwrap_or(Interval::exact(Decimal::ZERO));
        results.push(
            variants
                .iter()
                .map(|v| evaluate(sheets, t, c, v).map(|(q, _, _)| q.meets(&printed)))
                .collect(),
        );
    }
    for (i, &c) in cols.iter().enumerate() {
        let res = &results[i];
        if res.iter().all(Option::is_none) {
            continue;
        }
        let holds = res.contains(&Some(true));
        sink.checked(holds);
        if holds {
            continue;
        }
        let printed = s
            .view
            .figure(r, c)
            .unwrap_or(Interval::exact(Decimal::ZERO));
        // The population's date, as the page states it (in the count's label or its
        // table's title), for the variants that hold elsewhere in the row.
        let per_capita = matches!(kind, Kind::PerInhabitant { .. });
        let dated = |v: &Variant| {
            let (u, q) = v.den;
            population_of(&labels[u][q])
                .filter(|d| *d != PopDate::Unstated)
                .or_else(|| {
                    let t = &sheets[u].view.table;
                    t.title
                        .as_deref()
                        .or(t.label_header.as_deref())
                        .and_then(|x| date_named(&x.to_lowercase()))
                })
                .is_some()
        };
        // An amount per invånare may be worked on the population of another date (1
        // November, the year's mean): where the page does not date its count, one within
        // 1 % of the printed count that gives the printed figure leaves the column
        // undecided. Where it dates it, the count of that date is the reading.
        // An undated count the page also prints dated, the same figure in the same
        // column ("Asukasmäärä 72 646" and "Asukasmäärä 31.12. 72 646"), is that date's.
        let count = |v: &Variant| {
            let (_, _, dc) = evaluate(sheets, t, c, v)?;
            let (u, q) = v.den;
            sheets[u].view.figure(q, dc).map(|f| f.nominal)
        };
        // The dated counts of this column, once: (amount row, year shift, count).
        let dated_counts: Vec<((usize, usize), u32, Decimal)> = variants
            .iter()
            .filter(|w| dated(w))
            .filter_map(|w| Some((w.num, w.shift, count(w)?)))
            .collect();
        let dated_elsewhere =
            |v: &Variant| count(v).is_some_and(|n| dated_counts.contains(&(v.num, v.shift, n)));
        let other_date = per_capita
            && variants.iter().any(|v| {
                !dated(v)
                    && !dated_elsewhere(v)
                    && evaluate(sheets, t, c, v).is_some_and(|(q, _, _)| {
                        let wide = Interval {
                            nominal: q.nominal,
                            lo: q.lo * Decimal::new(99, 2),
                            hi: q.hi * Decimal::new(101, 2),
                        };
                        wide.meets(&printed)
                    })
            });
        // A variant confirmed by the row's other columns: it holds in at least two of
        // them and fails in none. An amount per invånare has one definition, its units
        // written in both labels: one other column where it holds confirms the reading.
        let needed = if per_capita { 1 } else { 2 };
        let confirms = |k: &usize| {
            let k = *k;
            let others: Vec<Option<bool>> = (0..cols.len())
                .filter(|&j| j != i)
                .map(|j| results[j][k])
                .collect();
            let held = others.iter().filter(|x| **x == Some(true)).count();
            let failed = others.iter().filter(|x| **x == Some(false)).count();
            res[k].is_some() && held >= needed && failed == 0
        };
        // A variant on a dated count first: the message names the count the page dates.
        let confirmed = (0..variants.len())
            .filter(confirms)
            .find(|&k| dated(&variants[k]))
            .or_else(|| (0..variants.len()).find(confirms));
        // The variant the message names: the confirmed one, or the first that could be
        // computed here.
        let shown = confirmed.unwrap_or_else(|| res.iter().position(Option::is_some).unwrap_or(0));
        let v = variants[shown];
        let Some((q, nc, dc)) = evaluate(sheets, t, c, &v) else {
            continue;
        };
        let cmp = compare(q, printed);
        let place = |u: usize, q: usize, col: usize| {
            let p = &sheets[u].view.table.rows[q].provenance;
            let head = sheets[u].view.column_name(col);
            format!(
                "\"{}\" {} (line {}{})",
                labels[u][q],
                sheets[u].view.raw(q, col).unwrap_or("").trim(),
                p.line,
                if head.is_empty() {
                    String::new()
                } else {
                    format!(", column \"{head}\"")
                }
            )
        };
        let column = s.view.column_name(c);
        let held_in: Vec<String> = (0..cols.len())
            .filter(|&j| j != i && results[j][shown] == Some(true))
            .map(|j| {
                let name = s.view.column_name(cols[j]);
                if name.is_empty() {
                    format!("column {}", cols[j] + 1)
                } else {
                    format!("\"{name}\"")
                }
            })
            .collect();
        let core = format!(
            "\"{}\"{} is {}, but {} from {} and {}{}{} gives {} ({} to {}); tolerance {}",
            label,
            if column.is_empty() {
                String::new()
            } else {
                format!(" in column \"{column}\"")
            },
            s.view.raw(r, c).unwrap_or("").trim(),
            definition,
            place(v.num.0, v.num.1, nc),
            place(v.den.0, v.den.1, dc),
            if v.shift > 0 {
                " (the population of the year before)"
            } else {
                ""
            },
            if v.scale == Decimal::ONE_HUNDRED {
                " × 100".to_string()
            } else if v.scale == Decimal::ONE {
                String::new()
            } else {
                format!(" × {}", v.scale.normalize())
            },
            number(q.nominal),
            number(q.lo),
            number(q.hi),
            cmp.tolerance.to_string().replace('.', ","),
        );
        // A ratio ten times or more off the printed figure is no misprint of it: one of
        // its terms was misread (a cell's digits run into another figure).
        let tenfold = {
            let (a, b) = (q.nominal.abs(), printed.nominal.abs());
            a >= b * Decimal::TEN || a * Decimal::TEN <= b
        };
        let (severity, message) = match confirmed {
            Some(_) if tenfold && !cmp.holds => (
                Severity::Info,
                format!(
                    "not decided: the terms give ten times or more, or a tenth or less, of the printed figure, so one of them may be misread (digits of another cell run into it) rather than the figure misprinted ({core})"
                ),
            ),
            Some(_) if other_date => (
                Severity::Info,
                format!(
                    "not decided: the figure holds with a population within 1 % of the printed one, as an amount per invånare worked on another date's count (1 November, the year's mean) would ({core})"
                ),
            ),
            Some(_) => (
                RULE.severity,
                format!(
                    "{core}; no common definition gives the printed figure, and this one holds in {} of the row's other columns ({}){}",
                    held_in.len(),
                    held_in.join(", "),
                    if !per_capita {
                        ""
                    } else if dated(&v) || dated_elsewhere(&v) {
                        "; the page dates its population count, so a count of another date is not the reading"
                    } else {
                        "; no population within 1 % of the printed one gives it"
                    }
                ),
            ),
            None => (
                Severity::Info,
                format!(
                    "not decided: {}, so the ratio may be defined otherwise than the definitions tried (an average, an adjusted amount, another entity's figures) ({core})",
                    if held_in.len() >= needed {
                        "the definition that holds elsewhere fails in another column too".to_string()
                    } else if cols.len() < needed + 1 {
                        "the row has too few other columns to confirm a definition".to_string()
                    } else if per_capita {
                        "the amount and population give the printed figure in no other column of the row".to_string()
                    } else {
                        "no definition tried holds in two other columns of the row".to_string()
                    }
                ),
            ),
        };
        let row = &s.view.table.rows[r];
        let span = row.cells.get(c).and_then(|x| x.span);
        let provenance = row.provenance.clone().with_span(span);
        let paragraph = sink.paragraph_of_table(t);
        let f = sink.report(&RULE, severity, message, provenance);
        f.table = Some(t);
        f.paragraph = paragraph;
        f.row = Some(label.clone());
        f.column = (!column.is_empty()).then_some(column);
        f.expected = Some(cmp.expected);
        f.found = Some(cmp.found);
        f.tolerance = Some(cmp.tolerance);
        f.figure = s
            .view
            .raw(r, c)
            .map(str::to_string)
            .filter(|x| !x.trim().is_empty());
        f.related = Some(sheets[v.num.0].view.table.rows[v.num.1].provenance.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_ratios_and_inputs() {
        assert!(
            matches!(kind_of("Soliditet, %"), Some(Kind::Ratio(r)) if r.labels[0] == "soliditet")
        );
        assert!(kind_of("Soliditet inkl. pensionsförpliktelser, %").is_none());
        assert!(kind_of("Justerad soliditet").is_none());
        // A point before the unit word ends the label, as a comma does.
        assert!(matches!(
            input_of("Resultat efter finansiella poster. Mkr"),
            Some(Input::ResultAfterFinancial)
        ));
        assert_eq!(
            clean("Resultat efter fin. poster, mkr"),
            "resultat efter fin. poster"
        );
        assert!(matches!(
            kind_of("Årets resultat/invånare, kr"),
            Some(Kind::PerInhabitant { ref amount, unit }) if amount == "årets resultat" && unit == Decimal::ONE
        ));
        assert_eq!(input_of("Årets resultat, mkr"), Some(Input::YearResult));
        // A ratio named by its two inputs is the known ratio of those inputs.
        for label in [
            "Årets resultat/skatteintäkter och generella statsbidrag, %",
            "Årets resultat / skatteintäkter och generella statsbidrag (%)",
        ] {
            assert!(
                matches!(kind_of(label), Some(Kind::Ratio(r)) if r.num == [Input::YearResult]),
                "{label}"
            );
        }
        assert!(matches!(
            kind_of("Eget kapital i % av balansomslutning"),
            Some(Kind::Ratio(r)) if r.labels[0] == "soliditet"
        ));
        // Inputs no ratio is defined over, or a part no input: no ratio.
        assert!(kind_of("Skatteintäkter och generella statsbidrag/årets resultat, %").is_none());
        assert!(
            kind_of("Årets resultat/invånare, tkr").is_none_or(|k| !matches!(k, Kind::Ratio(_)))
        );
        assert_eq!(input_of("Summa tillgångar"), Some(Input::TotalAssets));
        assert_eq!(input_of("Antal invånare"), Some(Input::Population));
        assert_eq!(input_of("Tillgångar/invånare, kr"), None);
        assert_eq!(
            unit_of("Årets resultat, mkr"),
            Some(Decimal::from(1_000_000))
        );
    }

    #[test]
    fn reads_nordic_amounts_per_inhabitant_and_dated_counts() {
        assert!(matches!(
            kind_of("Lainakanta, €/asukas"),
            Some(Kind::PerInhabitant { ref amount, unit }) if amount == "lainakanta" && unit == Decimal::ONE
        ));
        assert!(matches!(
            kind_of("Netto lånegjeld per innbygger, kr"),
            Some(Kind::PerInhabitant { ref amount, .. }) if amount == "netto lånegjeld"
        ));
        assert!(matches!(
            kind_of("Pensionskostnader, kronor per invånare"),
            Some(Kind::PerInhabitant { ref amount, .. }) if amount == "pensionskostnader"
        ));
        // An adjusted amount per invånare carries its qualifier in its amount's key, so
        // only an amount row with the same qualifier gives it.
        assert!(matches!(
            kind_of("Nettokostnad exkl. VA, kr/invånare"),
            Some(Kind::PerInhabitant { ref amount, .. }) if amount == "nettokostnad exkl. va"
        ));
        assert!(matches!(
            kind_of("Lainat, euroa/asukas (ilman konsernitiliä)"),
            Some(Kind::PerInhabitant { ref amount, unit }) if amount == "lainat ilman konsernitiliä" && unit == Decimal::ONE
        ));
        assert_eq!(
            amount_key("Lainakanta 31.12., milj euroa (ilman konsernitiliä)"),
            "lainakanta ilman konsernitiliä"
        );
        assert_eq!(amount_key("Lainakanta 31.12., milj. €"), "lainakanta");
        assert_eq!(
            unit_of("Lainakanta 31.12., milj. €"),
            Some(Decimal::from(1_000_000))
        );
        assert_eq!(unit_of("Lånegjeld, 1 000 kr"), Some(Decimal::from(1_000)));
        assert_eq!(
            unit_of("Nettodriftsudgifter pr. indbygger, kr."),
            Some(Decimal::ONE)
        );
        assert_eq!(population_of("Asukasmäärä 31.12."), Some(PopDate::YearEnd));
        assert_eq!(
            population_of("Antal invånare 31 december"),
            Some(PopDate::YearEnd)
        );
        assert_eq!(
            population_of("Indbyggere 1. januar"),
            Some(PopDate::January)
        );
        assert_eq!(population_of("Antal invånare"), Some(PopDate::Unstated));
        assert_eq!(population_of("Innbyggere"), Some(PopDate::Unstated));
        assert_eq!(
            population_of("Invånare 65+ som var beviljade hemtjänst"),
            None
        );
        assert_eq!(population_of("Lainat, euroa/asukas"), None);
        assert_eq!(input_of("Folketall 31.12."), Some(Input::Population));
    }

    #[test]
    fn reads_years_of_headers() {
        assert_eq!(year_key("2018"), Some((2018, String::new())));
        assert_eq!(year_key("Kommunen 2018"), Some((2018, "kommunen".into())));
        assert_eq!(year_key("2015/16"), Some((2015, String::new())));
        assert_eq!(year_key("2015 - 2016"), None);
        assert_eq!(year_key("Not"), None);
    }
}
