//! One allocation named twice in prose (TXT008's fourth reading): "Nämnderna tillförs totalt
//! 85,8 miljarder kronor i anslag i budgeten för 2022" and, further down, "Anslagen till
//! nämnder ökar med totalt 4 procent 2022 jämfört med Budget 2021, till 85,6 miljarder
//! kronor". Two sentences state one quantity when each gives exactly one amount of money,
//! a level, of the same head noun (what is allocated: grammars/restatements.vocab `head`)
//! for the same complement (who receives it), in the same years, with no word making either
//! a part, and no two different measures (budget, forecast, outcome) between them.

use super::txt006::{is_year, Fig, Kind, Sent};
use crate::grammar::vocab::Vocabulary;
use rust_decimal::Decimal;

const LIST: &str = "restatements";

/// What one sentence's one amount is of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Subject {
    /// The head noun and the complement, each word reduced to its stem.
    pub(super) head: String,
    pub(super) complement: String,
    /// The years the figure is of (years compared with aside), sorted.
    pub(super) years: Vec<Decimal>,
    /// Budget, forecast, outcome or proposal, when the sentence says which.
    pub(super) measures: Vec<&'static str>,
}

/// A word of a sentence: lowercased, with its byte range.
struct Word {
    text: String,
    start: usize,
    end: usize,
}

fn words_of(s: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let letter = c.is_alphabetic() || (c == '-' && start.is_some());
        match (letter, start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                out.push(Word {
                    text: s[b..i].to_lowercase(),
                    start: b,
                    end: i,
                });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(b) = start {
        out.push(Word {
            text: s[b..].to_lowercase(),
            start: b,
            end: s.len(),
        });
    }
    out
}

/// A word without one inflection ending (-en, -na, -ne, -et): "anslagen" and "anslag",
/// "nämnderna" and "nämnder" are one word.
pub(super) fn stem(w: &str) -> String {
    let w = w.trim_end_matches('-');
    for end in ["en", "na", "ne", "et"] {
        if let Some(s) = w.strip_suffix(end) {
            if s.chars().count() >= 4 {
                return s.to_string();
            }
        }
    }
    w.to_string()
}

/// Whether `word` is one of the list key's phrases (a phrase ending in "*" is a stem).
fn listed(vocab: &Vocabulary, key: &str, word: &str) -> bool {
    vocab
        .words(LIST, key)
        .iter()
        .any(|p| match p.strip_suffix('*') {
            Some(s) => word.starts_with(s),
            None => p == word,
        })
}

/// A genitive complement ending right before word `i` ("Patientnämndens", "Hälso- och
/// sjukvårdsnämndens"), without its -s, with a "X- och" before it.
fn genitive_before(w: &[Word], i: usize) -> Option<String> {
    let g = w.get(i.checked_sub(1)?)?;
    let base = g.text.strip_suffix('s')?;
    if base.chars().count() < 4 || !base.ends_with(|c: char| "nat".contains(c)) {
        return None;
    }
    Some(with_joined(w, i - 1, base))
}

/// `base` (word `k` reduced) with a "X- och" / "X- og" written before word `k`.
fn with_joined(w: &[Word], k: usize, base: &str) -> String {
    if k >= 2 && ["och", "og"].contains(&w[k - 1].text.as_str()) && w[k - 2].text.ends_with('-') {
        format!("{} {} {}", w[k - 2].text, w[k - 1].text, stem(base))
    } else {
        stem(base)
    }
}

/// The byte range of the clause around `start..end`: to the nearest comma, semicolon,
/// dash or parenthesis either side.
fn clause(s: &str, start: usize, end: usize) -> (usize, usize) {
    let stop = |c: char| matches!(c, ',' | ';' | '(' | ')' | '–' | '—');
    let from = s[..start].rfind(stop).map_or(0, |i| i + 1);
    let to = s[end..].find(stop).map_or(s.len(), |i| end + i);
    (from, to)
}

/// The subject of a sentence's one amount of money, when it names one certainly.
pub(super) fn subject_of(s: &Sent, vocab: &Vocabulary) -> Option<(usize, Subject)> {
    let money: Vec<usize> = (0..s.figs.len())
        .filter(|&i| matches!(s.figs[i].kind, Kind::Money(_)))
        .collect();
    let [m] = money[..] else {
        return None;
    };
    let f = &s.figs[m];
    if f.approx || f.around || f.value.is_sign_negative() {
        return None;
    }
    let w = words_of(&s.text);
    if w.iter().any(|x| listed(vocab, "part", &x.text)) {
        return None;
    }
    // Words before and after the figure.
    let before: Vec<usize> = (0..w.len()).filter(|&i| w[i].end <= f.start).collect();
    let after: Vec<usize> = (0..w.len()).filter(|&i| w[i].start >= f.end).collect();
    let governing = before
        .iter()
        .rev()
        .copied()
        .find(|&i| !listed(vocab, "fillers", &w[i].text));
    // A level: the figure reached ("… till 85,6 miljarder"), or the one amount of a
    // sentence that says no change.
    let reached = governing.is_some_and(|i| ["till", "til"].contains(&w[i].text.as_str()));
    // The clause the figure stands in: no word of it may make the figure a change.
    let (from, to) = clause(&s.text, f.start, f.end);
    if !reached
        && w.iter()
            .filter(|x| x.start >= from && x.end <= to)
            .any(|x| listed(vocab, "change", &x.text))
    {
        return None;
    }
    let heads: Vec<usize> = (0..w.len())
        .filter(|&i| listed(vocab, "head", &w[i].text))
        .collect();
    let [h] = heads[..] else {
        return None;
    };
    // "på" names the amount of the head right before it ("ett anslag på 71,1 miljoner"),
    // else a change ("en ökning på").
    let of_head = governing.is_some_and(|i| w[i].text == "på" && i == h + 1);
    if !of_head && governing.is_some_and(|i| ["med", "om", "på"].contains(&w[i].text.as_str())) {
        return None;
    }
    // A head narrowed by a phrase after it ("anslag för kultur") other than "till" its
    // receiver names more than its receiver: not read.
    if w.get(h + 1)
        .is_some_and(|x| listed(vocab, "narrowing", &x.text))
    {
        return None;
    }
    let head = stem(&w[h].text);
    let complement = if of_head {
        // "et tilskud på 1 mia. kr. i 2022 til grønne investeringer": the words after
        // "til" to the end of the clause (three at most, none a figure or a year), or a
        // genitive before the head.
        if let Some(g) = genitive_before(&w, h) {
            g
        } else {
            let t = after
                .iter()
                .copied()
                .find(|&i| w[i].end <= to && ["till", "til"].contains(&w[i].text.as_str()))?;
            let named: Vec<String> = w[t + 1..]
                .iter()
                .take_while(|x| {
                    x.end <= to && !s.text[w[t].end..x.start].contains(|c: char| c.is_ascii_digit())
                })
                .take(3)
                .map(|x| stem(&x.text))
                .collect();
            if named.is_empty() || named.len() == 3 && w.get(t + 4).is_some_and(|x| x.end <= to) {
                return None;
            }
            named.join(" ")
        }
    } else if w
        .get(h + 1)
        .is_some_and(|x| ["till", "til"].contains(&x.text.as_str()))
    {
        // "Anslagen till nämnder", "Anslaget till vårdens kunskapsstyrningsnämnd".
        let c = w.get(h + 2)?;
        if c.text.len() >= 5 && c.text.ends_with('s') && w.get(h + 3).is_some() {
            format!("{} {}", c.text, stem(&w[h + 3].text))
        } else {
            stem(&c.text)
        }
    } else if let Some(g) = genitive_before(&w, h) {
        // "Patientnämndens anslag".
        g
    } else {
        // "Nämnderna tillförs totalt 85,8 miljarder kronor i anslag".
        let v = governing?;
        if !listed(vocab, "gives", &w[v].text) || v == 0 {
            return None;
        }
        let [a, b, ..] = after[..] else {
            return None;
        };
        if w[a].text != "i" || b != h || w[v - 1].text.chars().count() < 4 {
            return None;
        }
        with_joined(&w, v - 1, &w[v - 1].text)
    };
    if complement.chars().count() < 4 {
        return None;
    }
    // The years of the figure: those not written after a word of comparison.
    let mut years: Vec<Decimal> = s
        .figs
        .iter()
        .filter(|y| is_year(y))
        .filter(|y| {
            let prior: Vec<&Word> = w.iter().filter(|x| x.end <= y.start).collect();
            !prior
                .iter()
                .rev()
                .take(3)
                .any(|x| listed(vocab, "comparison", &x.text))
        })
        .map(|y| y.value)
        .collect();
    years.sort();
    years.dedup();
    // The measures the sentence names, outside a comparison.
    let mut measures = Vec::new();
    for (k, x) in w.iter().enumerate() {
        if k > 0
            && w[k.saturating_sub(3)..k]
                .iter()
                .any(|p| listed(vocab, "comparison", &p.text))
        {
            continue;
        }
        for key in ["budget", "forecast", "outcome", "proposal"] {
            if listed(vocab, key, &x.text) && !measures.contains(&key) {
                measures.push(key);
            }
        }
    }
    Some((
        m,
        Subject {
            head,
            complement,
            years,
            measures,
        },
    ))
}

/// Whether two subjects are of one quantity: the same head, complement and years (one
/// year at least), and at most one measure named between them.
pub(super) fn same_quantity(a: &Subject, b: &Subject) -> bool {
    let mut m: Vec<&str> = a.measures.iter().chain(&b.measures).copied().collect();
    m.sort();
    m.dedup();
    a.head == b.head
        && a.complement == b.complement
        && !a.years.is_empty()
        && a.years == b.years
        && m.len() <= 1
}

/// Whether two figures are in one unit: the same scale of money.
pub(super) fn same_unit(a: &Fig, b: &Fig) -> bool {
    matches!((a.kind, b.kind), (Kind::Money(x), Kind::Money(y)) if x == y)
}
