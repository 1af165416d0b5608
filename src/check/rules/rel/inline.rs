//! Amounts written in one line of running text or in one cell, each with its currency and
//! the words that say what it is: "2 730 kroner per måned, og totalt 30 030 kroner per
//! år", "395 kr/mån (4 740 kr/år)", "Pris ekskl. moms 1 292 kr, inkl. moms 1 615 kr",
//! "1,80 e/m3 (alv 0 %) = 2,23 e/m3 (alv 24 %)". REL008 and REL010 pair them where the
//! line itself says the two figures are one amount; plain word checks, no regex.
//!
//! A figure is read only whole: its digit groups stand alone (no other digit group one
//! space away, no letter or "." glued to it), so "1 640 800 2 440" (which figure is
//! which is not written) and "286,oo" are not read.

use crate::arith::Interval;
use rust_decimal::Decimal;

/// Currency marks written before a figure ("kr 6 715,-", "Kr. 330,00").
const BEFORE: &[&str] = &["kr.", "kr", "nok", "dkk", "sek", "€", "eur"];
/// Currency marks written after a figure ("27,50 kr.", "2 730 kroner", "1,80 e/m3").
const AFTER: &[&str] = &[
    "kroner", "kronor", "kr.", "kr", "nok", "dkk", "sek", "euroa", "euro", "eur", "€", "e",
];

/// Words that may join two figures that are one amount said twice ("2 730 kroner per
/// måned, og totalt 30 030 kroner per år", "395 kr/mån (4 740 kr/år)"), written without
/// spaces and punctuation.
const SAME_AMOUNT: &[&str] = &[
    "",
    "ogtotalt",
    "ochtotalt",
    "totalt",
    "dvs",
    "detvilsi",
    "detvillsäga",
    "altså",
    "eller",
    "tilsvarende",
    "svarendetil",
    "motsvarande",
    "vilketblir",
    "vilketmotsvarar",
    "ialt",
    "eli",
];

/// One figure of a line, read whole, with the currency mark beside it.
#[derive(Clone, Debug)]
pub struct InlineFigure {
    pub value: Interval,
    /// The figure as written, with its currency mark.
    pub raw: String,
    /// Byte offsets of the figure with its currency mark.
    pub start: usize,
    pub end: usize,
    /// Byte offsets of the digits alone.
    pub digits: (usize, usize),
    /// A currency mark stands beside it.
    pub money: bool,
    /// The unit it is a price per, written right after the currency ("/m3" in "e/m3").
    pub per: String,
}

fn is_sep(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// Whether `text` starts with `word` (lower case) as a whole word. Only the first few
/// characters are lowered, so a long line costs no more than a short one.
pub fn starts_with_word(text: &str, word: &str) -> bool {
    let lower: String = text
        .chars()
        .take(word.chars().count() + 1)
        .collect::<String>()
        .to_lowercase();
    lower.starts_with(word)
        && !(word.ends_with(|c: char| c.is_alphanumeric())
            && lower
                .get(word.len()..)
                .and_then(|r| r.chars().next())
                .is_some_and(|c| c.is_alphanumeric()))
}

/// Whether `text` ends with `word` (lower case) as a whole word.
fn ends_with_word(text: &str, word: &str) -> bool {
    let last: Vec<char> = text.chars().rev().take(word.chars().count() + 1).collect();
    let lower = last.into_iter().rev().collect::<String>().to_lowercase();
    lower.ends_with(word)
        && !lower
            .get(..lower.len() - word.len())
            .and_then(|r| r.chars().next_back())
            .is_some_and(|c| c.is_alphanumeric())
}

/// The digit groups of a figure starting at byte `i` of `line`: the end of the figure,
/// its value and decimals; `None` when the figure is not read whole.
fn read_digits(line: &str, i: usize) -> Option<(usize, Decimal, u32)> {
    let b = line.as_bytes();
    let digits_from = |j: usize| b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
    let first = digits_from(i);
    let mut end = i + first;
    let mut int = line[i..end].to_string();
    // Thousands: groups of exactly three digits after one space, or after ".".
    let mut grouping: Option<char> = None;
    while let Some(c) = line[end..].chars().next() {
        let next = end + c.len_utf8();
        let sep_ok = (is_sep(c) || c == '.') && grouping.is_none_or(|g| g == c);
        if !sep_ok || next >= line.len() {
            break;
        }
        let n = digits_from(next);
        if n == 0 {
            break;
        }
        if n != 3 || first > 3 {
            if c == '.' {
                // "1.4.2019", "2513.60": no figure read whole.
                return None;
            }
            break;
        }
        grouping = Some(c);
        int.push_str(&line[next..next + 3]);
        end = next + 3;
    }
    let mut decimals = 0u32;
    let mut frac = String::new();
    if let Some(rest) = line.get(end..) {
        if let Some(after) = rest.strip_prefix(',') {
            let n = after.bytes().take_while(u8::is_ascii_digit).count();
            if n > 0 {
                frac = after[..n].to_string();
                decimals = n as u32;
                end += 1 + n;
            } else if after.starts_with('-') || after.starts_with('–') {
                end += 1 + after.chars().next().map_or(0, char::len_utf8);
            } else if after.chars().next().is_some_and(char::is_alphanumeric) {
                // "286,oo": not a figure read whole.
                return None;
            }
        }
    }
    // Nothing glued after it: no letter, digit, or "." and a digit.
    let rest = &line[end..];
    let mut chars = rest.chars();
    match chars.next() {
        Some(c) if c.is_alphanumeric() => return None,
        Some('.') | Some(',') if chars.next().is_some_and(|d| d.is_ascii_digit()) => return None,
        _ => {}
    }
    // No other digit group one space away: which figure is which would not be written.
    let mut after = rest.chars();
    if after.next().is_some_and(is_sep) && after.next().is_some_and(|d| d.is_ascii_digit()) {
        return None;
    }
    let text = if frac.is_empty() {
        int
    } else {
        format!("{int}.{frac}")
    };
    let value: Decimal = text.parse().ok()?;
    Some((end, value, decimals))
}

/// Every figure of `line` read whole, percentages left out.
pub fn figures(line: &str) -> Vec<InlineFigure> {
    let mut out = Vec::new();
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    let mut i = 0;
    let mut prev_end = 0;
    while i < line.len() {
        let c = line[i..].chars().next().unwrap_or(' ');
        if !c.is_ascii_digit() {
            i += c.len_utf8();
            continue;
        }
        let prev = line[..i].chars().next_back();
        let glued_before = prev.is_some_and(|p| p.is_alphanumeric() || p == '.' || p == ',');
        // A digit group one space before it: which figure is which is not written.
        let mut back = line[..i].chars().rev();
        let spaced_before =
            back.next().is_some_and(is_sep) && back.next().is_some_and(|d| d.is_ascii_digit());
        let skip_to = |j: usize| {
            j + line[j..]
                .bytes()
                .take_while(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b' '))
                .count()
        };
        if glued_before || spaced_before {
            i = skip_to(i);
            continue;
        }
        let Some((end, value, decimals)) = read_digits(line, i) else {
            i = skip_to(i);
            continue;
        };
        let after = &line[end..];
        if after.trim_start().starts_with('%') {
            i = end;
            continue;
        }
        // The currency mark: before ("kr 6 715,-") or after ("27,50 kr.").
        let before_text = line[..i].trim_end();
        let mut start = i;
        let mut money = false;
        if let Some(w) = BEFORE.iter().find(|w| ends_with_word(before_text, w)) {
            if before_text.len() - w.len() >= prev_end {
                start = before_text.len() - w.len();
                money = true;
            }
        }
        let mut fig_end = end;
        let lead = after.len() - after.trim_start().len();
        let trimmed = after.trim_start();
        if let Some(w) = AFTER.iter().find(|w| {
            starts_with_word(trimmed, w)
                && (**w != "e" || trimmed[1..].starts_with(['/', ' ', '.', ',', ')']))
        }) {
            if lead <= 1 {
                fig_end = end + lead + w.len();
                money = true;
            }
        }
        // The unit it is a price per ("e/m3", "kr/m³"), a period left to the readers.
        let mut per = String::new();
        if money {
            if let Some(rest) = line[fig_end..].strip_prefix('/') {
                let unit: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '³')
                    .collect();
                if matches!(
                    unit.to_lowercase().as_str(),
                    "m3" | "m³" | "kwh" | "kw" | "m2" | "m²"
                ) {
                    per = unit.to_lowercase();
                }
            }
        }
        out.push(InlineFigure {
            value: Interval::written(value, decimals),
            raw: line[start..fig_end].to_string(),
            start,
            end: fig_end,
            digits: (i, end),
            money,
            per,
        });
        prev_end = fig_end;
        i = end;
    }
    out
}

/// Whether the text between two figures (their own words taken out) says they are one
/// amount said twice: nothing but punctuation, or "og totalt", "dvs.", "eller" …
pub fn joins_same_amount(link: &str) -> bool {
    let squeezed: String = link
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    SAME_AMOUNT.contains(&squeezed.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(line: &str) -> Vec<String> {
        figures(line)
            .iter()
            .map(|f| format!("{}{}", f.value.nominal, if f.money { "" } else { "?" }))
            .collect()
    }

    #[test]
    fn reads_figures_whole() {
        assert_eq!(
            values(
                "Maksprisen for 2017 er 2 730 kroner per måned, og totalt 30 030 kroner per år."
            ),
            vec!["2017?", "2730", "30030"]
        );
        assert_eq!(
            values("Ordinær kontingent er kr 6 715,- (kr 559,- per måned via avtalegiro)."),
            vec!["6715", "559"]
        );
        assert_eq!(
            values("Jätevesimaksu on 1.4.2019 alkaen 1,80 e/m3 (alv 0 %) = 2,23 e/m3 (alv 24 %)."),
            vec!["1.80", "2.23"]
        );
        assert_eq!(figures("1,80 e/m3")[0].per, "m3");
        // Figures whose reading is not certain are not read.
        assert!(values("Kr.  3.432,00  286,oo kr. pr. måned").len() == 1);
        assert!(values("1 640 800 2 440 3 050").is_empty());
        assert_eq!(values("Kr. 3.432,00"), vec!["3432.00"]);
    }

    #[test]
    fn joins_one_amount_only() {
        assert!(joins_same_amount(", og totalt "));
        assert!(joins_same_amount(" ("));
        assert!(joins_same_amount(" %) = "));
        assert!(!joins_same_amount(" og "));
        assert!(!joins_same_amount(", kontroll "));
    }
}
