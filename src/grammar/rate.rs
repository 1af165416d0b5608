//! Prices written per unit ("1,50 €/m³", "0,0015 €/l", "45 öre/kWh") and one price
//! written in two units on one line ("vesimaksu 1,50 €/m³, 0,0015 €/l", "45 öre/kWh
//! (450 kr/MWh)", "3,51 €/m³ = 0,00351 €/l"): PROD007's reading.
//!
//! The grammar (EBNF as in grammars/README.md; `space` is one or more spaces):
//!
//! ```text
//! pair      = rate , [ space ] , ( "," | "=" ) , [ space ] , rate , [ space ] , ( end | eol )
//!           | rate , [ space ] , "(" , [ space ] , rate , [ space ] , ")" ;
//! end       = ( ")" | "," | ";" | "(" | "." ) , { any char } ;
//! rate      = magnitude , [ space ] , money , [ space ] , "/" , [ space ] , per ;
//! magnitude = integer , [ "," , digit , { digit } ] ;  (* as product.rs; no decimal point *)
//! money     = (* a phrase of price_units.vocab: kr, ore, eur, cent *) ;
//! per       = (* a phrase of price_units.vocab: m3, liter, kwh, mwh, gwh *) ;
//! ```
//!
//! A pair is two rates of one currency (kronor and euro are never compared) per one
//! measure (volume or energy) whose units differ ("€/m³" and "€/l"; "€/m³" twice is two
//! prices, not one). A rate preceded by a digit, a letter, a sign or a slash is not read,
//! nor a rate followed by more digits.
//!
//! Also read here for PROD007's priced columns: a price stated on a line of its own
//! ([`stated`]: "• Rörlig avgift: 0,80876 SEK/kWh"), the words naming it
//! ([`naming_words`]) and the unit of quantity a column header names ([`quantity_unit`]:
//! "Årlig förbrukning kWh").

use super::number::is_group_space;
use super::product::magnitude;
use super::vocab::Vocabulary;
use rust_decimal::Decimal;
use std::ops::Range;

/// The vocabulary list of price units.
pub const LIST: &str = "price_units";

/// Keys of [`LIST`]: what the unit measures (a currency or a quantity) and how many base
/// units (kr or €, liter, kWh) one of it is.
const KEYS: &[(&str, Dimension, (i64, u32))] = &[
    ("kr", Dimension::Kronor, (1, 0)),
    ("ore", Dimension::Kronor, (1, 2)),
    ("eur", Dimension::Euro, (1, 0)),
    ("cent", Dimension::Euro, (1, 2)),
    ("m3", Dimension::Volume, (1000, 0)),
    ("liter", Dimension::Volume, (1, 0)),
    ("kwh", Dimension::Energy, (1, 0)),
    ("mwh", Dimension::Energy, (1000, 0)),
    ("gwh", Dimension::Energy, (1_000_000, 0)),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dimension {
    Kronor,
    Euro,
    Volume,
    Energy,
}

impl Dimension {
    pub fn is_money(self) -> bool {
        matches!(self, Dimension::Kronor | Dimension::Euro)
    }
}

/// One price per unit as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rate {
    pub value: Decimal,
    pub decimals: u32,
    /// The values a space-grouped magnitude may stand for ("2022 1 500 kr/MWh": 1 500 or
    /// 500), the value as written first.
    pub readings: Vec<Decimal>,
    pub money: Dimension,
    pub per: Dimension,
    /// Base units of money per base unit of quantity that one written unit is ("€/m³":
    /// 1/1000 € per liter).
    pub scale: Decimal,
    /// The unit as written ("€/m³").
    pub unit: String,
    /// Byte range in the line, unit included.
    pub span: Range<usize>,
}

/// One price written twice in one line, in two units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conversion {
    pub first: Rate,
    pub second: Rate,
}

/// The unit phrases of [`LIST`], longest first: (lower-case phrase, dimension, scale).
fn phrases(vocab: &Vocabulary) -> Vec<(String, Dimension, Decimal)> {
    let mut out: Vec<(String, Dimension, Decimal)> = KEYS
        .iter()
        .flat_map(|(key, dim, (m, s))| {
            vocab
                .phrases(LIST, key)
                .iter()
                .map(move |p| (p.to_lowercase(), *dim, Decimal::new(*m, *s)))
        })
        .collect();
    out.sort_by_key(|(p, _, _)| std::cmp::Reverse(p.chars().count()));
    out
}

/// The unit phrase opening `i`, case-insensitively, ending where a word ends when it ends
/// in a letter: its dimension, scale and the rest.
fn unit_at<'a>(
    i: &'a str,
    units: &[(String, Dimension, Decimal)],
) -> Option<(&'a str, Dimension, Decimal)> {
    for (p, dim, scale) in units {
        let Some(rest) = super::number::strip_prefix_ci(i, p) else {
            continue;
        };
        let wordy = p.chars().next_back().is_some_and(char::is_alphanumeric);
        if wordy && rest.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue;
        }
        return Some((rest, *dim, *scale));
    }
    None
}

fn skip_space(i: &str) -> &str {
    i.trim_start_matches(is_group_space)
}

/// The rate starting at byte `at` of `line`, if one does.
fn rate_at(line: &str, at: usize, units: &[(String, Dimension, Decimal)]) -> Option<Rate> {
    let i = line.get(at..)?;
    let (rest, mag) = magnitude(i).ok()?;
    if rest.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        || (rest.starts_with(',') && rest[1..].starts_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    let (rest, money, m) = unit_at(skip_space(rest), units)?;
    if !money.is_money() {
        return None;
    }
    let rest = skip_space(rest).strip_prefix('/')?;
    let (rest, per, q) = unit_at(skip_space(rest), units)?;
    if per.is_money() {
        return None;
    }
    let end = line.len() - rest.len();
    let (int, frac) = mag.split_once(',').unwrap_or((mag, ""));
    let groups: Vec<&str> = int.split(is_group_space).collect();
    let mut readings = Vec::new();
    for k in 0..groups.len() {
        let digits = groups[k..].concat();
        let text = if frac.is_empty() {
            digits
        } else {
            format!("{digits}.{frac}")
        };
        readings.push(text.parse::<Decimal>().ok()?);
    }
    let unit_from = at + mag.len();
    Some(Rate {
        value: readings[0],
        decimals: frac.len() as u32,
        readings,
        money,
        per,
        scale: m / q,
        unit: line[unit_from..end].trim().to_string(),
        span: at..end,
    })
}

/// Whether a rate may start at `at`: not inside a figure, a word or an expression.
fn starts_clean(line: &str, at: usize) -> bool {
    let before = &line[..at];
    let Some(prev) = before.chars().next_back() else {
        return true;
    };
    if prev.is_alphanumeric() || matches!(prev, ',' | '.' | '_') {
        return false;
    }
    let last = before.trim_end_matches(is_group_space).chars().next_back();
    !matches!(
        last,
        Some('+' | '-' | '−' | '–' | '/' | '*' | '×' | '±' | '<' | '>' | '÷' | '·' | '~' | '≈')
    )
}

/// Every rate of a line, left to right.
pub fn rates(line: &str, vocab: &Vocabulary) -> Vec<Rate> {
    if !line.contains('/') {
        return Vec::new();
    }
    let units = phrases(vocab);
    let mut out = Vec::new();
    let mut at = 0;
    while at < line.len() {
        let c = line[at..].chars().next().unwrap_or(' ');
        if c.is_ascii_digit() && starts_clean(line, at) {
            if let Some(r) = rate_at(line, at, &units) {
                at = r.span.end;
                out.push(r);
                continue;
            }
        }
        at += c.len_utf8();
    }
    out
}

/// The pairs of a line: two rates next to each other, joined by ",", "=" or "(", in one
/// currency per one measure and in different units. The second ends the statement: a
/// parenthesis closes right after it, or the line, a "," a ";" or a parenthesis follows
/// ("0,0015 €/l (alv 24 %)"), never words ("56,25 öre/kWh inkl. moms" may be another
/// price).
pub fn conversions(line: &str, vocab: &Vocabulary) -> Vec<Conversion> {
    let rs = rates(line, vocab);
    rs.windows(2)
        .filter(|w| {
            let (a, b) = (&w[0], &w[1]);
            let between = line[a.span.end..b.span.start].trim_matches(is_group_space);
            let after = line[b.span.end..].trim_start_matches(is_group_space);
            let closed = match between {
                "(" => after.starts_with(')'),
                "," | "=" => after.is_empty() || after.starts_with([')', ',', ';', '(', '.']),
                _ => false,
            };
            closed && a.money == b.money && a.per == b.per && a.scale != b.scale
        })
        .map(|w| Conversion {
            first: w[0].clone(),
            second: w[1].clone(),
        })
        .collect()
}

/// A price the page states on a line of its own: the line's one rate and the words before
/// it that name it ("• Rörlig avgift: 0,80876 SEK/kWh" → rörlig, avgift). None when the
/// line holds another rate or no word before its rate.
pub fn stated(line: &str, vocab: &Vocabulary) -> Option<(Vec<String>, Rate)> {
    let rs = rates(line, vocab);
    let [r] = rs.as_slice() else {
        return None;
    };
    let before = &line[..r.span.start];
    if before.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let words = words(before);
    (!words.is_empty()).then(|| (words, r.clone()))
}

/// The lower-case words of a text, letters only.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The words of a label or header that may name which price it is: four letters or more,
/// not a `charge_word` of [`LIST`] nor a unit.
pub fn naming_words(text: &str, vocab: &Vocabulary) -> Vec<String> {
    let units = phrases(vocab);
    words(text)
        .into_iter()
        .filter(|w| {
            w.chars().count() >= 4
                && !vocab.has_word(LIST, "charge_word", w)
                && !units.iter().any(|(p, _, _)| p == w)
        })
        .collect()
}

/// The unit of quantity a column header names ("Årlig förbrukning kWh", "Volym (m³)"):
/// its one unit word, with no money unit and no "/" (a header "kr/kWh" heads rates). The
/// unit's dimension and how many base units (liter, kWh) one of it is.
pub fn quantity_unit(header: &str, vocab: &Vocabulary) -> Option<(Dimension, Decimal)> {
    if header.contains('/') {
        return None;
    }
    let units = phrases(vocab);
    let mut found = Vec::new();
    for w in header.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ':')) {
        if w.is_empty() {
            continue;
        }
        let lower = w.to_lowercase();
        if let Some((_, dim, scale)) = units.iter().find(|(p, _, _)| *p == lower) {
            found.push((*dim, *scale));
        }
    }
    match found.as_slice() {
        [(dim, scale)] if !dim.is_money() => Some((*dim, *scale)),
        _ => None,
    }
}

/// How a rule the page states derives one price from another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Derivation {
    /// The price plus an amount ("med ett påslag på 18 kronor"; a discount subtracts).
    Plus { money: Dimension },
    /// The price times a factor ("ett tillägg på 75 %": 1,75; "rabatt på 10 %": 0,90).
    Percent,
}

/// A rule the page states for deriving one price from another: a `surcharge_word` or
/// `discount_word` of [`LIST`], at most one `rule_link`, and an amount in kronor or euro or
/// a percentage ("med ett påslag på 18 kronor", "ett tillägg på 75%").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DerivationRule {
    pub kind: Derivation,
    /// The amount or percentage as written, signed: negative for a discount.
    pub value: Decimal,
    pub decimals: u32,
    /// Byte range in the line, from the surcharge word to the unit.
    pub span: Range<usize>,
}

/// Every derivation rule of a line ("påslag på 18 kronor"), left to right.
pub fn derivation_rules(line: &str, vocab: &Vocabulary) -> Vec<DerivationRule> {
    let units = phrases(vocab);
    let mut out = Vec::new();
    let words = line.char_indices().filter(|&(i, c)| {
        c.is_alphabetic()
            && line[..i]
                .chars()
                .next_back()
                .is_none_or(|p| !p.is_alphanumeric())
    });
    for (at, _) in words {
        let end = line[at..]
            .find(|c: char| !c.is_alphabetic())
            .map_or(line.len(), |e| at + e);
        let word = line[at..end].to_lowercase();
        let sign = if vocab.has_word(LIST, "surcharge_word", &word) {
            Decimal::ONE
        } else if vocab.has_word(LIST, "discount_word", &word) {
            Decimal::NEGATIVE_ONE
        } else {
            continue;
        };
        let mut rest = skip_space(&line[end..]);
        let link_end = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        if link_end > 0 && vocab.has_word(LIST, "rule_link", &rest[..link_end].to_lowercase()) {
            rest = skip_space(&rest[link_end..]);
        }
        let Some(rule) = derivation_at(line, line.len() - rest.len(), &units, vocab) else {
            continue;
        };
        out.push(DerivationRule {
            value: rule.1 * sign,
            span: at..rule.3,
            kind: rule.0,
            decimals: rule.2,
        });
    }
    out
}

/// The amount and its unit at byte `at`: (kind, value, decimals, end).
fn derivation_at(
    line: &str,
    at: usize,
    units: &[(String, Dimension, Decimal)],
    vocab: &Vocabulary,
) -> Option<(Derivation, Decimal, u32, usize)> {
    let i = &line[at..];
    let (rest, mag) = magnitude(i).ok()?;
    if mag.is_empty()
        || rest.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '.' | '-' | '–' | '/'))
    {
        return None;
    }
    let (int, frac) = mag.split_once(',').unwrap_or((mag, ""));
    let digits: String = int.split(is_group_space).collect();
    let text = if frac.is_empty() {
        digits
    } else {
        format!("{digits}.{frac}")
    };
    let value: Decimal = text.parse().ok()?;
    let decimals = frac.len() as u32;
    let after = skip_space(rest);
    if let Some((unit_rest, money, scale)) = unit_at(after, units) {
        // A price per unit ("5 kr/km") is no amount to add.
        if !money.is_money() || scale != Decimal::ONE || skip_space(unit_rest).starts_with('/') {
            return None;
        }
        return Some((
            Derivation::Plus { money },
            value,
            decimals,
            line.len() - unit_rest.len(),
        ));
    }
    let unit_end = after
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ')' | ':'))
        .unwrap_or(after.len());
    let unit = &after[..unit_end];
    let bare = unit.trim_end_matches('.');
    let is_percent = |u: &str| vocab.has_word(LIST, "percent_unit", &u.to_lowercase());
    if unit.starts_with('%') || is_percent(unit) || is_percent(bare) {
        let len = if unit.starts_with('%') { 1 } else { unit.len() };
        let end = line.len() - after.len() + len;
        return Some((Derivation::Percent, value, decimals, end));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v() -> &'static Vocabulary {
        Vocabulary::builtin_shared()
    }

    fn pairs(line: &str) -> Vec<(String, String)> {
        conversions(line, v())
            .into_iter()
            .map(|c| {
                (
                    line[c.first.span].to_string(),
                    line[c.second.span].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn reads_a_price_in_two_units() {
        assert_eq!(
            pairs("  • vesimaksu 1,50 €/m³,  0,0015€/l (alv 24 %)"),
            [("1,50 €/m³".to_string(), "0,0015€/l".to_string())]
        );
        assert_eq!(
            pairs("Energiavgift 45 öre/kWh (450 kr/MWh)"),
            [("45 öre/kWh".to_string(), "450 kr/MWh".to_string())]
        );
        assert_eq!(
            pairs("Taxa 3,51 € / m³ = 0,00351 € / l"),
            [("3,51 € / m³".to_string(), "0,00351 € / l".to_string())]
        );
        let c = &conversions("1 500 kr/MWh, 1,50 kr/kWh", v())[0];
        assert_eq!(c.first.readings.len(), 2);
        assert_eq!(c.first.scale, Decimal::new(1, 3));
    }

    #[test]
    fn two_prices_or_two_currencies_are_no_pair() {
        // The same unit twice: two prices.
        assert!(pairs("1,50 €/m³, 3,51 €/m³").is_empty());
        // Kronor and euro, or volume and energy: not one price.
        assert!(pairs("1,50 €/m³, 15,00 kr/m³").is_empty());
        assert!(pairs("20 öre/kWh, 300 kr/m³").is_empty());
        // Words between: not written as one price.
        assert!(pairs("vesimaksu 1,50 €/m³ ja jätevesimaksu 0,0035 €/l").is_empty());
        assert!(pairs("1,50 €/m³ 0,0015 €/l").is_empty());
        // Words after the second: it may be another price (with tax).
        assert!(pairs("45 öre/kWh, 562,50 kr/MWh inkl. moms").is_empty());
        assert!(pairs("45 öre/kWh (562,50 kr/MWh inkl. moms)").is_empty());
        // Not a rate: inside a figure, after a slash, a unit word running on.
        assert!(rates("2024/15 kr/m³", v()).is_empty());
        assert!(rates("15 kr/lgh", v()).is_empty());
        assert!(rates("A15 kr/m3", v()).is_empty());
        assert!(rates("1.500 kr/m3", v()).is_empty());
    }

    #[test]
    fn a_derivation_rule() {
        let read = |l: &str| {
            derivation_rules(l, v())
                .into_iter()
                .map(|r| (r.kind, r.value, l[r.span].to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            read("en egenavgift enligt Länstrafikens kollektivtaxa med ett påslag på 18 kronor."),
            [(
                Derivation::Plus {
                    money: Dimension::Kronor
                },
                Decimal::new(18, 0),
                "påslag på 18 kronor".to_string()
            )]
        );
        assert_eq!(
            read("enkelprisbiljett på buss, med ett tillägg på 75%. Egenavgiften"),
            [(
                Derivation::Percent,
                Decimal::new(75, 0),
                "tillägg på 75%".to_string()
            )]
        );
        assert_eq!(
            read("For barn nr 2 gis det en reduksjon på 30% ."),
            [(
                Derivation::Percent,
                Decimal::new(-30, 0),
                "reduksjon på 30%".to_string()
            )]
        );
        // Not a rule: an approximate amount, a range, a row of figures, a unit of quantity,
        // words between.
        assert!(read("ett påslag på ca 18 kronor").is_empty());
        assert!(read("ett påslag på 10-20 kr").is_empty());
        assert!(read("Påslag 44 55 55 65").is_empty());
        assert!(read("ett tillägg på 5 kr/km").is_empty());
        assert!(read("Tillegg for kveld: 21%").is_empty());
        assert!(read("nattillägg 50 kr").is_empty());
    }

    #[test]
    fn a_stated_price_and_a_quantity_header() {
        let (w, r) = stated("  • Rörlig avgift: 0,80876 SEK/kWh", v()).unwrap();
        assert_eq!(w, ["rörlig", "avgift"]);
        assert_eq!(r.value, Decimal::new(80876, 5));
        assert_eq!(naming_words("Rörlig avgift:", v()), ["rörlig"]);
        assert_eq!(naming_words("Varav under året rörlig del", v()), ["rörlig"]);
        assert!(stated("Vesi 1,50 €/m³, 0,0015 €/l", v()).is_none());
        assert!(stated("2024: 0,80 kr/kWh", v()).is_none());
        assert_eq!(
            quantity_unit("Årlig förbrukning kWh", v()),
            Some((Dimension::Energy, Decimal::ONE))
        );
        assert_eq!(
            quantity_unit("Volym (m³)", v()),
            Some((Dimension::Volume, Decimal::new(1000, 0)))
        );
        assert!(quantity_unit("Pris kr/kWh", v()).is_none());
        assert!(quantity_unit("Total kostnad per år", v()).is_none());
    }
}
