//! What a row label of a fee or price table says about its figure: a quantity it is
//! priced for ("Förbrukningsavgift villa (150 m³)", "Fjärrvärme 15 000 kWh"), a rate per
//! unit it states ("Förbrukningsavgift (kr/m³)", "Årsavgift pr. m3"), or a share of another
//! fee ("Fritidshus (60 % av helårsabonnemang)").
//!
//! Only what is certain is read: a quantity that is a bound or a band ("inntil 4 m³",
//! "0 - 70 m²", "over 170 m²"), a label with two quantities of one unit, a figure written
//! with a point (a thousands point or a decimal point) and a rate in öre are not.

use rust_decimal::Decimal;
use std::str::FromStr;

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    /// Digits, with a decimal comma ("43,22") or a point ("1.000") kept in the text.
    Num(String),
    /// Letters (and digits after a letter: "m3"), lower case.
    Word(String),
    Sym(char),
}

fn tokens(label: &str) -> Vec<Tok> {
    let chars: Vec<char> = label.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || ((chars[i] == ',' || chars[i] == '.')
                        && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())))
            {
                i += 1;
            }
            out.push(Tok::Num(chars[start..i].iter().collect()));
        } else if c.is_alphabetic() || c == '³' || c == '²' {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphabetic()
                    || chars[i] == '³'
                    || chars[i] == '²'
                    || chars[i].is_ascii_digit())
            {
                i += 1;
            }
            out.push(Tok::Word(
                chars[start..i].iter().collect::<String>().to_lowercase(),
            ));
        } else {
            out.push(Tok::Sym(c));
            i += 1;
        }
    }
    out
}

/// The unit a word names, spelled one way: "m3", "kbm" → "m³"; "kvm", "m2" → "m²".
pub fn unit(word: &str) -> Option<&'static str> {
    Some(match word.to_lowercase().as_str() {
        "m³" | "m3" | "kbm" | "kubikmeter" => "m³",
        "m²" | "m2" | "kvm" | "kvadratmeter" => "m²",
        "kwh" => "kWh",
        "mwh" => "MWh",
        "kg" => "kg",
        "ton" | "tonn" => "ton",
        _ => return None,
    })
}

/// Words before a figure that make it a bound, not a quantity ("inntil 4 m³", "over
/// 170 m²", "ca 150 m³"), or a rate ("pr 10 m³").
const BOUNDS: &[&str] = &[
    "inntil",
    "opptil",
    "til",
    "till",
    "upp",
    "op",
    "over",
    "över",
    "under",
    "fra",
    "från",
    "fr",
    "mellom",
    "mellan",
    "max",
    "maks",
    "maximalt",
    "maksimalt",
    "minst",
    "min",
    "högst",
    "høyst",
    "højst",
    "ca",
    "cirka",
    "omkring",
    "ungefär",
    "omtrent",
    "mer",
    "mere",
    "mindre",
    "än",
    "enn",
    "end",
    "per",
    "pr",
    "à",
    "a",
    "x",
    "tom",
    "from",
    "to",
    "up",
    "above",
    "below",
    "ovan",
    "efter",
    "etter",
    "utover",
    "ut",
    "første",
    "första",
    "neste",
    "nästa",
];

/// A quantity a label states for its row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quantity {
    pub value: Decimal,
    /// The unit, spelled as [`unit`] gives it.
    pub unit: &'static str,
    /// The figure and unit as the label writes them ("50m³").
    pub written: String,
}

/// A figure: digits with an optional decimal comma; a point is a thousands point or a
/// decimal point, so it is not read.
fn figure(text: &str) -> Option<Decimal> {
    if text.contains('.') {
        return None;
    }
    Decimal::from_str(&text.replace(',', ".")).ok()
}

/// The one quantity with a unit the label states, when it is certain: not a bound or a
/// band, not beside a per-unit or a percent, and the only figure with that unit.
pub fn quantity(label: &str) -> Option<Quantity> {
    let toks = tokens(label);
    if toks.iter().any(|t| matches!(t, Tok::Sym('%'))) || rate_unit_in(&toks).is_some() {
        return None;
    }
    let mut found: Vec<Option<Quantity>> = Vec::new();
    let mut seen_units: Vec<&'static str> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Tok::Num(first) = &toks[i] else {
            i += 1;
            continue;
        };
        // Space-grouped thousands: "15 000 kWh".
        let mut text = first.clone();
        let mut j = i + 1;
        let groups_from = |t: &String| t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit());
        if groups_from(first) {
            while let Some(Tok::Num(g)) = toks.get(j) {
                if g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()) {
                    text.push_str(g);
                    j += 1;
                } else {
                    break;
                }
            }
        }
        let Some(Tok::Word(w)) = toks.get(j) else {
            i = j;
            continue;
        };
        let Some(u) = unit(w) else {
            i = j;
            continue;
        };
        if seen_units.contains(&u) {
            // Two figures of one unit in one label: a band or a comparison.
            found.retain(|q| q.as_ref().is_some_and(|q| q.unit != u));
            found.push(None);
            i = j + 1;
            continue;
        }
        seen_units.push(u);
        let before = i.checked_sub(1).map(|k| &toks[k]);
        let bound = match before {
            Some(Tok::Word(b)) => BOUNDS.contains(&b.as_str()),
            Some(Tok::Num(_)) => true,
            Some(Tok::Sym(s)) => matches!(
                s,
                '-' | '–' | '—' | '−' | '/' | '<' | '>' | '≤' | '≥' | '+' | '×' | '*' | '='
            ),
            None => false,
        };
        let after = toks.get(j + 1);
        let continued = matches!(
            after,
            Some(Tok::Sym('-' | '–' | '—' | '−' | '/' | '+' | '×' | '*'))
        ) || matches!(after, Some(Tok::Word(a)) if matches!(a.as_str(), "x" | "til" | "till" | "to"));
        let value = figure(&text);
        match value {
            Some(v) if !bound && !continued && v > Decimal::ZERO => found.push(Some(Quantity {
                value: v,
                unit: u,
                written: format!("{} {}", text_with_spaces(&toks[i..j]), u),
            })),
            _ => found.push(None),
        }
        i = j + 1;
    }
    // Only one quantity may be read; a label with an unread one of the same unit gives
    // none (handled above), one of another unit (an area band beside the volume) is fine.
    let read: Vec<Quantity> = found.into_iter().flatten().collect();
    match read.as_slice() {
        [q] => Some(q.clone()),
        _ => None,
    }
}

fn text_with_spaces(toks: &[Tok]) -> String {
    toks.iter()
        .filter_map(|t| match t {
            Tok::Num(n) => Some(n.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The unit a label prices per ("kr/m³", "pr. m3", "per kWh"), when the label names a
/// rate and holds no figure of its own (not "Pr m³ over 4 m³"); a rate in öre or øre is
/// not read (its figures are not kronor).
pub fn rate_unit(label: &str) -> Option<&'static str> {
    let toks = tokens(label);
    if toks
        .iter()
        .any(|t| matches!(t, Tok::Num(_) | Tok::Sym('%')))
    {
        return None;
    }
    if toks
        .iter()
        .any(|t| matches!(t, Tok::Word(w) if w == "öre" || w == "øre" || w == "ore"))
    {
        return None;
    }
    rate_unit_in(&toks)
}

fn rate_unit_in(toks: &[Tok]) -> Option<&'static str> {
    let mut units = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        let per = match t {
            Tok::Sym('/') => true,
            Tok::Word(w) => matches!(w.as_str(), "pr" | "per" | "à"),
            _ => false,
        };
        if !per {
            continue;
        }
        let mut j = k + 1;
        if matches!(toks.get(j), Some(Tok::Sym('.'))) {
            j += 1;
        }
        if let Some(Tok::Word(w)) = toks.get(j) {
            if let Some(u) = unit(w) {
                units.push(u);
            }
        }
    }
    units.dedup();
    match units.as_slice() {
        [u] => Some(u),
        _ => None,
    }
}

/// Words by which a row says its figure holds more than one fee: a total, a fixed part,
/// tax included ("Årskostnad inkl. fast avgift (150 m³)").
const MORE_THAN_ONE: &[&str] = &[
    "inkl",
    "inklusive",
    "inklusiv",
    "inkludert",
    "ink",
    "incl",
    "including",
    "total",
    "totalt",
    "totalkostnad",
    "sum",
    "summa",
    "samlet",
    "samlede",
    "samla",
    "årskostnad",
    "årsgebyr",
    "årsavgift",
    "fast",
    "fastavgift",
    "grundavgift",
    "grundgebyr",
    "abonnement",
    "abonnementsgebyr",
    "abonnemangsavgift",
    "plus",
    "tillägg",
    "tillegg",
    "tillæg",
    "moms",
    "mva",
];

/// Words that name VAT: REL008's stated rate and "netto | brutto" pair, and the table
/// reader's "Moms 25%" label.
pub const VAT_WORDS: &[&str] = &[
    "moms",
    "mva",
    "alv",
    "mervärdesskatt",
    "merverdiavgift",
    "arvonlisävero",
    "vat",
];

/// Whether the label says its figure adds more than one fee or includes tax: a word of
/// [`MORE_THAN_ONE`] or a plus sign.
pub fn adds_more(label: &str) -> bool {
    tokens(label).iter().any(|t| match t {
        Tok::Sym('+') => true,
        Tok::Word(w) => MORE_THAN_ONE.contains(&w.as_str()),
        _ => false,
    })
}

/// Words that name no fee: currencies, prepositions, tax.
const NOT_NAMES: &[&str] = &[
    "kr", "kroner", "kronor", "krone", "sek", "nok", "dkk", "pr", "per", "inkl", "ink", "eks",
    "ekskl", "exkl", "exkl", "mva", "moms", "eller", "och", "og", "for", "för", "til", "till",
    "av", "af", "of", "the", "med", "uten", "utan", "uden", "à", "år", "mån",
];

/// The words of a label that name its fee ("Förbrukningsavgift (kr/m³)" → förbrukningsavgift):
/// words of three letters or more, no unit, currency or preposition.
pub fn name_words(label: &str) -> Vec<String> {
    tokens(label)
        .into_iter()
        .filter_map(|t| match t {
            Tok::Word(w)
                if w.chars().count() >= 3
                    && w.chars().all(char::is_alphabetic)
                    && unit(&w).is_none()
                    && !NOT_NAMES.contains(&w.as_str()) =>
            {
                Some(w)
            }
            _ => None,
        })
        .collect()
}

/// Whether every word in `name` is a word of `label`.
pub fn names(label: &str, name: &[String]) -> bool {
    let words: Vec<String> = tokens(label)
        .into_iter()
        .filter_map(|t| match t {
            Tok::Word(w) => Some(w),
            _ => None,
        })
        .collect();
    !name.is_empty() && name.iter().all(|n| words.contains(n))
}

/// A share of another fee the label states: "(60 % av helårsabonnemang)" → 60 and the
/// words naming the fee, when the label states exactly one percentage, written as a
/// whole or decimal figure, followed by "av", "af" or "of" and a name.
pub fn share_of(label: &str) -> Option<(Decimal, Vec<String>)> {
    let toks = tokens(label);
    let percents: Vec<usize> = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t, Tok::Sym('%')))
        .map(|(k, _)| k)
        .collect();
    let [p] = percents.as_slice() else {
        return None;
    };
    if toks.iter().filter(|t| matches!(t, Tok::Num(_))).count() != 1 {
        return None;
    }
    let Some(Tok::Num(n)) = p.checked_sub(1).map(|k| &toks[k]) else {
        return None;
    };
    // "15-20 %": a band.
    if matches!(
        p.checked_sub(2).map(|k| &toks[k]),
        Some(Tok::Sym('-' | '–' | '—' | '/' | '+'))
    ) {
        return None;
    }
    let pct = figure(n)?;
    let Some(Tok::Word(of)) = toks.get(p + 1) else {
        return None;
    };
    if !matches!(of.as_str(), "av" | "af" | "of") {
        return None;
    }
    let mut name = Vec::new();
    for t in &toks[p + 2..] {
        match t {
            Tok::Word(w) => {
                if w.chars().count() >= 3
                    && w.chars().all(char::is_alphabetic)
                    && !NOT_NAMES.contains(&w.as_str())
                {
                    name.push(w.clone());
                }
            }
            // The name ends at a bracket, comma or other sign.
            _ => break,
        }
    }
    (!name.is_empty() && pct > Decimal::ZERO && pct <= Decimal::ONE_HUNDRED).then_some((pct, name))
}

/// Words naming a fixed fee, paid whatever the volume ("Abonnementsgebyr", "Grundavgift").
const FIXED_FEES: &[&str] = &[
    "abonnementsgebyr",
    "abonnementgebyr",
    "abonnementsavgift",
    "abonnemangsavgift",
    "fastgebyr",
    "fastavgift",
    "fastafgift",
    "grundavgift",
    "grunngebyr",
    "grundgebyr",
    "grundafgift",
];

/// Words after "fast" that make it a fixed fee ("Fast avgift", "fast årsavgift").
const FIXED_AFTER_FAST: &[&str] = &[
    "avgift",
    "årsavgift",
    "gebyr",
    "årsgebyr",
    "afgift",
    "del",
    "andel",
];

/// Words of a one-off fee (connection), not a yearly fixed part.
const ONE_OFF: &[&str] = &[
    "tilknytning",
    "tilknytningsavgift",
    "tilknytningsgebyr",
    "anslutning",
    "anslutningsavgift",
    "anläggningsavgift",
    "engangsgebyr",
    "engångsavgift",
];

/// Whether the label names a yearly fixed fee ("Vann: Abonnementsgebyr husholdning",
/// "Fast avgift per fastighet"), not a one-off connection fee.
pub fn fixed_fee(label: &str) -> bool {
    let words: Vec<String> = tokens(label)
        .into_iter()
        .filter_map(|t| match t {
            Tok::Word(w) => Some(w),
            _ => None,
        })
        .collect();
    if words
        .iter()
        .any(|w| ONE_OFF.iter().any(|o| w.starts_with(o)))
    {
        return false;
    }
    words.iter().any(|w| FIXED_FEES.contains(&w.as_str()))
        || words
            .windows(2)
            .any(|p| p[0] == "fast" && FIXED_AFTER_FAST.contains(&p[1].as_str()))
}

/// Words that name a kind of fee, not the service it is for.
const FEE_WORDS: &[&str] = &[
    "avgift",
    "avgifter",
    "gebyr",
    "gebyrer",
    "afgift",
    "afgifter",
    "pris",
    "priser",
    "taxa",
    "takst",
    "sats",
    "årsavgift",
    "årsgebyr",
    "fast",
    "rörlig",
    "variabel",
    "bolig",
    "villa",
    "stipulert",
    "stipulerad",
    "beregnet",
    "målt",
    "mätt",
    "eksempel",
    "exempel",
    "typhus",
];

/// Whether `label` names the service of `other` ("Vanngebyr bolig" that of "Vann:
/// Årsavgift pr. m3", "Avløpsgebyr" that of "Avløp gebyr pr. m3"): a name word of `other`
/// of four letters or more, not a fee word, is a word of `label`, or one of them begins
/// the other (a compound).
pub fn serves(label: &str, other: &str) -> bool {
    let service = |l: &str| -> Vec<String> {
        name_words(l)
            .into_iter()
            .filter(|w| {
                w.chars().count() >= 4
                    && !FEE_WORDS.contains(&w.as_str())
                    && !FIXED_FEES.contains(&w.as_str())
            })
            .collect()
    };
    let mine = service(label);
    service(other).into_iter().any(|w| {
        mine.iter()
            .any(|m| *m == w || m.starts_with(w.as_str()) || w.starts_with(m.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(label: &str) -> Option<(String, &'static str)> {
        quantity(label).map(|q| (q.value.normalize().to_string(), q.unit))
    }

    #[test]
    fn fixed_fees_and_the_service_a_label_names() {
        assert!(fixed_fee("Vann: Abonnementsgebyr husholdning/fritid"));
        assert!(fixed_fee("Fast avgift per fastighet (kr/år)"));
        assert!(!fixed_fee("Tilknytningsavgift vann (fast beløp)"));
        assert!(!fixed_fee("Vann: Årsavgift pr. m3"));
        assert!(serves("Vanngebyr bolig 120 m2", "Vann: Årsavgift pr. m3"));
        assert!(serves("Avløpsgebyr bolig 120 m2", "Avløp gebyr pr. m3"));
        assert!(!serves("Vanngebyr bolig 120 m2", "Avløp gebyr pr. m3"));
        // Fee words and "bolig" name no service.
        assert!(!serves("Avgift bolig 150 m3", "Avløp: Avgift bolig pr. m3"));
    }

    #[test]
    fn a_quantity_in_brackets_beside_an_area_band() {
        assert_eq!(
            q("0 - 70m² -Förbrukningsavgift stipulerad (50m³)"),
            Some(("50".into(), "m³"))
        );
        assert_eq!(
            q("över 170m² - Förbrukningsavgift stipulerad (200m³)"),
            Some(("200".into(), "m³"))
        );
        assert_eq!(q("Fjärrvärme 15 000 kWh"), Some(("15000".into(), "kWh")));
        assert_eq!(q("Vanngebyr bolig 120 m2"), Some(("120".into(), "m²")));
    }

    #[test]
    fn bounds_bands_and_pointed_figures_are_no_quantity() {
        assert_eq!(q("0 - 70m²"), None);
        assert_eq!(q("Gråvannstanker 0-4 m³"), None);
        assert_eq!(q("Tømming inntil 4 m³ per år"), None);
        assert_eq!(q("over 170m²"), None);
        assert_eq!(q("Mellom 50 m³ og 100 m³"), None);
        assert_eq!(q("Forbruk 1.000 m³"), None);
        assert_eq!(q("Forbruk 50 m³ à 43,22 kr/m³"), None);
        assert_eq!(q("Tabell 2 15 000 kWh"), None);
        assert_eq!(q("Avløp 2 x 50 m³"), None);
    }

    #[test]
    fn rates_per_unit() {
        assert_eq!(rate_unit("Förbrukningsavgift (kr/m³)"), Some("m³"));
        assert_eq!(rate_unit("Vann: Årsavgift pr. m3"), Some("m³"));
        assert_eq!(rate_unit("Rörlig avgift per kWh"), Some("kWh"));
        assert_eq!(
            rate_unit("Pr m³ for tanker med volum over 4 m³ per år"),
            None
        );
        assert_eq!(rate_unit("Energiavgift öre/kWh"), None);
        assert_eq!(rate_unit("Abonnementsgebyr (kr/abonnent)"), None);
    }

    #[test]
    fn shares_of_a_named_fee() {
        let (p, name) = share_of("Fritidshus (60 % av helårsabonnemang)").unwrap();
        assert_eq!(p, Decimal::from(60));
        assert_eq!(name, vec!["helårsabonnemang".to_string()]);
        assert_eq!(share_of("Avgift 15-20 % av grunnbeløpet"), None);
        assert_eq!(share_of("Kommunal andel 75%"), None);
        assert!(adds_more("Årskostnad inkl. fast avgift (150 m³)"));
        assert!(adds_more("Förbrukning 150 m³ + fast del"));
        assert!(!adds_more("0 - 70m² -Förbrukningsavgift stipulerad (50m³)"));
        assert!(names(
            "Helårsabonnemang, per hushåll/lägenhet",
            &["helårsabonnemang".to_string()]
        ));
    }
}
