//! Approximate figures and number words in the arithmetic prose states (TXT006, TXT007):
//! one reading, in one place, of the words before a figure that make it approximate
//! (grammars/approximations.vocab) and of percentages written as words
//! (grammars/number_words.vocab).
//!
//! A figure after an `around` word ("ca 14 procent", "cirka 6", "omkring fem procent",
//! "noin 8,6", "ca. 20.212") stands for its rounding interval widened on each side by the
//! allowance: 10 % of the figure, or one unit of its last written digit when that is more
//! (the word says the last digit itself is not sure: "cirka 6" may be 5 or 7). A relation
//! with such a figure fails only when no values so allowed make it, and its finding names
//! the figure read as approximate and the allowance used. A figure after a `bound` word
//! ("drygt", "knappt", "nästan", "över", "minst", "högst") stays a limit by an amount the
//! words do not give: a miss is not decided.

use super::txt006::{Fig, Kind};
use crate::arith::{add, Interval};
use crate::grammar::vocab::Vocabulary;
use rust_decimal::Decimal;

/// How far an approximate figure may be from what it stands for, beyond its rounding: a
/// tenth of it, at least one unit of its last written digit.
pub(super) fn allowance(f: &Fig) -> Decimal {
    let tenth = f.value.abs() / Decimal::TEN;
    let unit = Decimal::new(1, f.decimals.min(27));
    tenth.max(unit)
}

/// `i` widened by the allowance of the approximate figure `f` on each side.
pub(super) fn widen(f: &Fig, i: Interval) -> Interval {
    let a = allowance(f);
    Interval {
        nominal: i.nominal,
        lo: add(i.lo, -a),
        hi: add(i.hi, a),
    }
}

/// Whether the words right before byte `at` of `s` end with one of `phrases` (lower case),
/// the phrase a whole word or words.
fn ends_with_phrase(s: &str, at: usize, phrases: &[String]) -> bool {
    // The longest phrase and the character before it are all that is tested.
    let longest = phrases.iter().map(|p| p.chars().count()).max().unwrap_or(0);
    let head = super::prose::lower_suffix(s[..at].trim_end(), longest + 1);
    phrases.iter().any(|p| {
        head.strip_suffix(p.as_str()).is_some_and(|rest| {
            !p.is_empty()
                && rest
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

/// The value of a number word (lower case) before a percent unit, and the kind that unit
/// gives, where `s[at..]` starts with the word: (value, kind, end of the word, end of the
/// unit).
fn number_word_at(s: &str, at: usize, vocab: &Vocabulary) -> Option<(Decimal, Kind, usize, usize)> {
    let word: String = s[at..].chars().take_while(|c| c.is_alphabetic()).collect();
    if word.is_empty() {
        return None;
    }
    let lower = word.to_lowercase();
    let key = vocab.key_of_word("number_words", &lower)?;
    let value: u32 = key.parse().ok()?;
    let word_end = at + word.len();
    let rest = &s[word_end..];
    let gap = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
    if gap != 1 && !rest.starts_with('%') {
        return None;
    }
    let unit_from = word_end + gap;
    let tail = s[unit_from..].to_lowercase();
    for (key, kind) in [("points", Kind::Points), ("percent", Kind::Percent)] {
        // Longest first: "procentenheter" before "procent".
        let mut units: Vec<&String> = vocab.words("number_words", key).iter().collect();
        units.sort_by_key(|u| std::cmp::Reverse(u.len()));
        for u in units {
            let Some(after) = tail.strip_prefix(u.as_str()) else {
                continue;
            };
            if after.chars().next().is_some_and(char::is_alphanumeric) {
                continue;
            }
            return Some((Decimal::from(value), kind, word_end, unit_from + u.len()));
        }
    }
    None
}

/// The number words of `s` before a percent unit, as figures ("fem procent" is 5 %).
fn number_words(s: &str, vocab: &Vocabulary) -> Vec<Fig> {
    let mut out = Vec::new();
    // Most sentences name no percent: a look for the unit words first.
    let lower = s.to_lowercase();
    let units = ["percent", "points"]
        .iter()
        .flat_map(|k| vocab.words("number_words", k));
    if !units.into_iter().any(|u| lower.contains(u.as_str())) {
        return out;
    }
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        let starts_word = c.is_alphabetic() && prev.is_none_or(|p| !p.is_alphanumeric());
        prev = Some(c);
        if !starts_word {
            continue;
        }
        if let Some((value, kind, num_end, end)) = number_word_at(s, i, vocab) {
            out.push(Fig {
                value,
                decimals: 0,
                kind,
                start: i,
                num_end,
                end,
                approx: false,
                around: false,
            });
        }
    }
    out
}

/// Reads the approximation words before the figures of `s` and its percentages written as
/// words: the number words become figures (in order with the others), each figure after
/// an `around` word is approximate with an allowance (`around`), each after a `bound`
/// word is a limit (`approx`: a miss not decided).
pub(super) fn read(s: &str, figs: &mut Vec<Fig>, vocab: &Vocabulary) {
    let words = number_words(s, vocab);
    if !words.is_empty() {
        figs.extend(words);
        figs.sort_by_key(|f| f.start);
    }
    let around = vocab.words("approximations", "around");
    let bound = vocab.words("approximations", "bound");
    for f in figs.iter_mut() {
        if ends_with_phrase(s, f.start, around) {
            f.around = true;
            f.approx = false;
        } else if ends_with_phrase(s, f.start, bound) {
            f.approx = true;
        }
    }
}

/// What a finding adds when figures of its relation were read as approximate: each such
/// figure, as written in its sentence, and the values its allowance let it stand for.
pub(super) fn note(figs: &[(&str, &Fig)]) -> String {
    let mut seen: Vec<(*const u8, usize)> = Vec::new();
    let mut read = Vec::new();
    for &(s, f) in figs {
        let key = (s.as_ptr(), f.start);
        if !f.around || seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let i = f.interval();
        // The figure with the word before it that makes it approximate ("ca 14 procent").
        let word = s[..f.start].split_whitespace().last().unwrap_or("");
        read.push(format!(
            "\"{word} {}\" read as approximate, {} to {} (its rounding and {} either side)",
            s[f.start..f.end].trim(),
            i.lo.round_dp(2).normalize(),
            i.hi.round_dp(2).normalize(),
            allowance(f).normalize()
        ));
    }
    if read.is_empty() {
        String::new()
    } else {
        format!("; {}", read.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::super::txt006::figures;
    use super::*;

    fn read_all(s: &str) -> Vec<Fig> {
        let mut figs = figures(s);
        read(s, &mut figs, Vocabulary::builtin_shared());
        figs
    }

    fn bounds(f: &Fig) -> (String, String) {
        let i = f.interval();
        (i.lo.normalize().to_string(), i.hi.normalize().to_string())
    }

    #[test]
    fn an_around_word_widens_the_figure_by_its_allowance() {
        let f = read_all("ökade intäkterna med ca 14 procent");
        assert!(f[0].around && !f[0].approx);
        assert_eq!(bounds(&f[0]), ("12.1".into(), "15.9".into()));
        // At least one unit of the last digit: "cirka 6" may be 5 or 7.
        let f = read_all("en höjning med 5 716 kronor och cirka 6 procent");
        assert!(!f[0].around && f[1].around);
        assert_eq!(bounds(&f[1]), ("4.5".into(), "7.5".into()));
        // Money may be cut: 20.212 stands for 20 211,5 to 20 213, then 2 021,2 either side.
        let f = read_all("svarende til ca. 20.212 fuldtidspersoner");
        assert!(f[0].around);
        assert_eq!(bounds(&f[0]), ("18190.3".into(), "22234.2".into()));
        for s in [
            "noin 8,6 miljoonaa",
            "n. 8,6 miljoonaa",
            "omkring 8,6 mnkr",
            "omtrent 8,6 mio. kr.",
            "rundt 8,6 prosent",
            "ungefär 8,6 procent",
            "Cirka 8,6 procent",
        ] {
            assert!(read_all(s)[0].around, "{s}");
        }
    }

    #[test]
    fn bound_words_stay_limits_and_other_words_are_no_approximation() {
        for s in [
            "drygt 44 000 euro",
            "knappt 6 procent",
            "nästan 20 procent",
            "över 300 personer",
            "minst 5 procent",
            "högst 5 procent",
            "reilu 5 %",
            "tæplega 5 prósent",
        ] {
            let f = read_all(s);
            assert!(f[0].approx && !f[0].around, "{s}");
        }
        // A word ending like one ("Rica", "bland annat") or an Icelandic "um" (by) is none.
        for s in ["Rica 14 procent", "fjölgað um 603", "bland annat 5 procent"] {
            let f = read_all(s);
            assert!(!f[0].approx && !f[0].around, "{s}");
        }
    }

    #[test]
    fn percentages_written_as_words() {
        let f = read_all("tallet er dermed faldet omkring fem procent i denne periode");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].value, Decimal::from(5));
        assert_eq!(f[0].kind, Kind::Percent);
        assert!(f[0].around);
        let s = "höjs med fem procent och den rörliga med sju procent, 3 procentenheter och tre procentenheter";
        let f = read_all(s);
        let got: Vec<(String, Kind)> = f
            .iter()
            .map(|f| (s[f.start..f.end].to_string(), f.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("fem procent".to_string(), Kind::Percent),
                ("sju procent".to_string(), Kind::Percent),
                ("3 procentenheter".to_string(), Kind::Points),
                ("tre procentenheter".to_string(), Kind::Points),
            ]
        );
        assert_eq!(bounds(&f[0]), ("4.5".into(), "5.5".into()));
        // Not before a percent unit, glued, a compound, a fraction: no figure.
        for s in [
            "fem personer",
            "femprocentig",
            "tjugofem procent",
            "en tredjedel",
            "hälften",
            "Femte procent",
        ] {
            assert!(read_all(s).is_empty(), "{s}");
        }
    }
}
