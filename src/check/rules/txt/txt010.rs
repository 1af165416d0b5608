//! TXT010: population accounting told in prose — births and deaths and the födelseöverskott
//! they make, moved in and moved out and the flyttnetto, immigrated and emigrated and the
//! invandringsöverskott — that the figures contradict.

use super::prose::prose_lines;
use super::txt006::{date_follows, paragraphs, sentences_of, Fig, Kind, Paragraph, Sent};
use crate::arith::{compare, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family as RuleFamily, Rule, RuleCode};
use crate::check::Sink;
use crate::grammar::vocab::Vocabulary;
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: RuleCode::TXT010,
    name: "population-accounting",
    family: RuleFamily::Txt,
    severity: Severity::Error,
    summary: "A passage states a population change's component (födelseöverskott, flyttnetto, \
invandringsöverskott) and the two counts it is the difference of, and the counts do not make it",
    explanation: "Municipal and statistics-office pages tell a population change by its \
components: \"Árið 2020 fæddust 412 börn en 377 manns létust. Fæddir umfram dána voru því \
35.\", \"Det ble født 15.900 barn … 9.800 personer døde … Dermed ble fødselsoverskuddet på \
6.100.\", \"16.801 indvandrede og 15.191 udvandrede i årets andet kvartal. Det resulterede i en \
nettoindvandring på 1.610 personer.\", \"maahanmuuttoja oli 11 414 enemmän kuin \
maastamuuttoja. Ulkomailta muutti Suomeen 16 932 henkeä ja Suomesta ulkomaille 5 518 henkeä.\" \
A revisor checks each with a calculator; justera does too.\n\nWhat is read. Three relations, \
each a result and its two terms (grammars/population.vocab, every Nordic language): births − \
deaths = födelseöverskott (fødselsoverskudd, fødselsoverskud, syntyneiden enemmyys, luonnollinen \
väestönlisäys, fæddir umfram dána, burðaravlop; a deficit word — födelseunderskott, \
fødselsunderskud, kuolleiden enemmyys — is deaths − births); moved in − moved out = flyttnetto \
(flyttningsöverskott, nettoinnflytting, nettotilflytning, nettomuutto, muuttovoitto, aðfluttir \
umfram brottflutta, nettoflyting); immigrated − emigrated = invandringsöverskott \
(nettoinnvandring, nettoindvandring, nettomaahanmuutto). A flyttnetto is never read against \
immigration alone (a kommun's moves include moves within the country). Each figure takes the \
word of its own clause (the words between it and the next comma, conjunction or figure): \
\"fæddust 412 börn\" a birth count, \"377 manns létust\" a death count, \"en \
nettoindvandring på 1.610\" a result; \"A-word N fler än B-word\" (enemmän kuin, flere end, \
fleiri en; färre än, vähemmän kuin; higher than that of) is itself the result A − B (or B − A), \
and so is \"A-word exceeded B-word by N\" (översteg … med, ylitti). A figure in parentheses \
takes the words before them (\"net migration (563)\"), and one after an appositive and a \
copula the appositive's (\"Natural population growth, or excess of births to deaths, was \
5,990\"). A figure with two \
kinds of word, a comparison (\"600 flere enn i fjor\"), a change (\"minskade med 60\"), a \
year, a percent, money or a scale (tusen) is none of the terms. The result and its terms are \
read in one sentence, or in the result's sentence and its neighbour, or up to three sentences \
before a result that points back to them (därmed, dermed, því, sostatt, det resulterede, \
siis); exactly one figure of each term and one result in those sentences, in one paragraph, \
and no two of them naming different years, or nothing is read.\n\nWhat is checked. Counts of \
people are exact as written; when all three are round tens, hundreds or thousands, each \
stands for ± half that unit (\"15.900 … 9.800 … 6.100\"); um, ca., noin widen a figure as in \
TXT006, drygt, nästan, nær make it a bound (a miss is not decided). A result that meets its \
terms' difference is a relation checked. One that does not is an error when the terms and \
the result are in one sentence or the result points back to them; otherwise, or where the \
sentences name a correction (justering, korrigering, korjaustermi), a negative result or \
a bound, the relation is information (\"not decided\").\n\nExample (invented): \
\"Árið 2020 fæddust 412 börn en 377 manns létust. Fæddir umfram dána voru því 53.\" — 412 − \
377 = 35, not 53: an error.",
    checks: &[Check::Document(check)],
};

/// The vocabulary list of the components and their results.
const LIST: &str = "population";

/// How many sentences back a result that points back may take its terms from.
pub(super) const BACK: usize = 3;

/// How many words before and after a figure may name what it counts.
pub(super) const NEAR_LEFT: usize = 8;
pub(super) const NEAR_RIGHT: usize = 5;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Family {
    Natural,
    Moves,
    Migration,
}

const FAMILIES: [(Family, &str); 3] = [
    (Family::Natural, "natural"),
    (Family::Moves, "moves"),
    (Family::Migration, "migration"),
];

/// What a figure of a sentence counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// The first term (births, moved in, immigrated).
    Plus(Family),
    /// The second term (deaths, moved out, emigrated).
    Minus(Family),
    /// The result: first term − second term = sign × the figure.
    Net(Family, i8),
    /// A figure read as none of them but naming one (a change, a comparison, two kinds).
    Other,
}

/// The phrases of the list, each as lower-case words (a trailing `*`: a stem).
pub(super) struct Words {
    keys: Vec<(String, Vec<Vec<String>>)>,
}

impl Words {
    pub(super) fn new(vocab: &Vocabulary) -> Words {
        let keys = vocab
            .entries(LIST)
            .iter()
            .map(|e| {
                let phrases = e
                    .phrases
                    .iter()
                    .map(|p| tokens(p))
                    .filter(|w| !w.is_empty())
                    .collect();
                (e.key.clone(), phrases)
            })
            .collect();
        Words { keys }
    }

    pub(super) fn of(&self, key: &str) -> &[Vec<String>] {
        self.keys
            .iter()
            .find(|(k, _)| k == key)
            .map_or(&[], |(_, p)| p.as_slice())
    }

    /// Whether one of the key's phrases stands anywhere in `toks`.
    pub(super) fn has(&self, key: &str, toks: &[String]) -> bool {
        self.of(key)
            .iter()
            .any(|p| (0..toks.len()).any(|i| matches_at(p, toks, i)))
    }

    /// The length of the key's longest phrase at the start of `toks`.
    pub(super) fn starts(&self, key: &str, toks: &[String]) -> Option<usize> {
        self.of(key)
            .iter()
            .filter(|p| matches_at(p, toks, 0))
            .map(Vec::len)
            .max()
    }

    /// Whether `toks` end with one of the key's phrases.
    pub(super) fn ends(&self, key: &str, toks: &[String]) -> bool {
        self.of(key)
            .iter()
            .any(|p| p.len() <= toks.len() && matches_at(p, toks, toks.len() - p.len()))
    }
}

fn matches_at(phrase: &[String], toks: &[String], i: usize) -> bool {
    i + phrase.len() <= toks.len()
        && phrase
            .iter()
            .zip(&toks[i..])
            .all(|(p, t)| match p.strip_suffix('*') {
                Some(stem) => t.starts_with(stem),
                None => p == t,
            })
}

/// The lower-case words of a text, marks trimmed from each.
pub(super) fn tokens(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '*')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Words ending a clause: a figure's words are those of its own clause.
const CLAUSE_WORDS: [&str; 24] = [
    "and",
    "but",
    "while",
    "whereas",
    "och",
    "og",
    "samt",
    "en",
    "men",
    "mens",
    "medan",
    "medens",
    "meðan",
    "ja",
    "sekä",
    "mutta",
    "kun",
    "eller",
    "ella",
    "eða",
    "sillä",
    "samtidigt",
    "samstundis",
    "meðan",
];

/// The words of `s` from its last clause break on (`tail`) or up to its first (`!tail`).
/// Before a figure (`tail`), two breaks do not end its words: an opening parenthesis right
/// before it ("flyttnetto (563)", "an excess of births (267)": the words before the
/// parenthesis name it), and an appositive between commas with nothing after it but a
/// copula ("Natural population growth, or excess of births to deaths, was 2,520": the
/// appositive names it).
fn clause(s: &str, tail: bool) -> Vec<String> {
    let breaks = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '–' | '—' | '"' | '”');
    if tail {
        if let Some(i) = s.rfind(breaks) {
            let after = &s[i + s[i..].chars().next().map_or(1, char::len_utf8)..];
            let after_toks = tokens(after);
            let named_before = match &s[i..].chars().next() {
                Some('(') => after_toks.is_empty(),
                Some(',') => {
                    !after_toks.is_empty()
                        && after_toks.len() <= 2
                        && after_toks.iter().all(|t| COPULAS.contains(&t.as_str()))
                        // The appositive itself stands between two commas.
                        && s[..i].rfind(',').is_some()
                }
                _ => false,
            };
            if named_before {
                return clause_words(&s[..i], true);
            }
        }
    }
    clause_words(s, tail)
}

fn clause_words(s: &str, tail: bool) -> Vec<String> {
    let breaks = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '–' | '—' | '"' | '”');
    let part = if tail {
        s.rfind(breaks).map_or(s, |i| {
            &s[i + s[i..].chars().next().map_or(1, char::len_utf8)..]
        })
    } else {
        s.find(breaks).map_or(s, |i| &s[..i])
    };
    let toks = tokens(part);
    let cut = |w: &String| CLAUSE_WORDS.contains(&w.as_str()) || w == "-";
    if tail {
        match toks.iter().rposition(cut) {
            Some(i) => toks[i + 1..].to_vec(),
            None => toks,
        }
    } else {
        match toks.iter().position(cut) {
            Some(i) => toks[..i].to_vec(),
            None => toks,
        }
    }
}

/// Copulas: a clause of only these before a figure says nothing of what the figure is.
const COPULAS: [&str; 16] = [
    "was", "were", "is", "are", "var", "är", "blev", "er", "ble", "vart", "voru", "eru", "oli",
    "olivat", "on", "ovat",
];

/// Scale words after a figure: the figure is no count of people as written.
const SCALES: [&str; 8] = [
    "tusen",
    "tusind",
    "þúsund",
    "tuhatta",
    "tuhannella",
    "miljoner",
    "millioner",
    "milljónir",
];

/// Whether the figure is a year: four digits, nothing grouped, no noun counted after it.
pub(super) fn is_year(s: &str, f: &Fig) -> bool {
    let raw = &s[f.start..f.num_end];
    f.kind == Kind::Bare
        && raw.len() == 4
        && raw.chars().all(|c| c.is_ascii_digit())
        && (1900..=2100).contains(&raw.parse::<u32>().unwrap_or(0))
}

/// Whether the figure is a whole count (no year, percent, money or scale, no part of a
/// name such as "COVID-19").
pub(super) fn count_like(s: &str, f: &Fig) -> bool {
    if f.decimals != 0
        || !matches!(f.kind, Kind::Bare | Kind::Count(_))
        || is_year(s, f)
        || date_follows(s, f)
    {
        return false;
    }
    let mut before = s[..f.start].chars().rev();
    if before.next() == Some('-') && before.next().is_some_and(char::is_alphanumeric) {
        return false;
    }
    let next = tokens(&s[f.num_end..]);
    !next
        .first()
        .is_some_and(|w| SCALES.iter().any(|x| w.starts_with(x)))
}

/// The years the sentence is about (a year in a comparison, "færre end i 2022", aside).
pub(super) fn years(w: &Words, s: &Sent) -> Vec<u32> {
    s.figs
        .iter()
        .enumerate()
        .filter(|(_, f)| is_year(&s.text, f))
        .filter(|&(k, f)| {
            let from = if k == 0 { 0 } else { s.figs[k - 1].num_end };
            let left = clause(&s.text[from.min(f.start)..f.start], true);
            !w.has("comparison", &left)
        })
        .filter_map(|(_, f)| s.text[f.start..f.num_end].parse::<u32>().ok())
        .collect()
}

/// The words of figure `k`'s own clause before and after it, and the figure before it (a
/// figure's clause runs to the figures beside it; years are words of the clause).
pub(super) fn own_clause(s: &Sent, k: usize) -> (Vec<String>, Vec<String>, Option<usize>) {
    let f = &s.figs[k];
    let bounds: Vec<usize> = (0..s.figs.len())
        .filter(|&j| j == k || !is_year(&s.text, &s.figs[j]))
        .collect();
    let at = bounds.iter().position(|&j| j == k).unwrap_or(0);
    let prev = at.checked_sub(1).map(|p| bounds[p]);
    let from = prev.map_or(0, |p| s.figs[p].num_end);
    let to = bounds
        .get(at + 1)
        .map_or(s.text.len(), |&j| s.figs[j].start);
    let left = clause(&s.text[from.min(f.start)..f.start], true);
    let right = clause(&s.text[f.num_end..to.max(f.num_end)], false);
    (left, right, prev)
}

/// The role of figure `k` of sentence `s`.
pub(super) fn role(w: &Words, s: &Sent, k: usize) -> Option<Role> {
    let f = &s.figs[k];
    if !count_like(&s.text, f) {
        return None;
    }
    let (mut left, right, prev) = own_clause(s, k);
    // "minskade med 60 till 235 personer": the count after the change takes the words
    // before it.
    let mut inherited = false;
    if let Some(p) = prev.filter(|_| w.ends("to", &left) && left.len() <= 2) {
        let g = &s.figs[p];
        let pfrom = (0..p)
            .rev()
            .find(|&j| !is_year(&s.text, &s.figs[j]))
            .map_or(0, |j| s.figs[j].num_end);
        let before = clause(&s.text[pfrom.min(g.start)..g.start], true);
        if w.has("change", &before) && w.ends("by", &before) {
            left = before;
            inherited = true;
        }
    }
    // "immigration exceeded emigration by 14,415": the result A − B, its two terms named
    // before the verb and between it and the `by` word.
    if w.ends("by", &left) {
        if let Some(i) = (0..left.len()).find(|&i| w.starts("exceeds", &left[i..]).is_some()) {
            let n = w.starts("exceeds", &left[i..]).unwrap_or(1);
            let (before, after) = (&left[..i], &left[i + n..]);
            for (fam, name) in FAMILIES {
                let (plus, minus) = (format!("{name}_plus"), format!("{name}_minus"));
                if w.has(&plus, before) && w.has(&minus, after) && !w.has(&minus, before) {
                    return Some(Role::Net(fam, 1));
                }
                if w.has(&minus, before) && w.has(&plus, after) && !w.has(&plus, before) {
                    return Some(Role::Net(fam, -1));
                }
            }
            return Some(Role::Other);
        }
    }
    // "A N fler än B": the result A − B.
    for (key, sign) in [("more", 1i8), ("fewer", -1)] {
        if let Some(n) = w.starts(key, &right) {
            let rest = &right[n..];
            for (fam, name) in FAMILIES {
                let (plus, minus) = (format!("{name}_plus"), format!("{name}_minus"));
                if w.has(&plus, &left) && w.has(&minus, rest) {
                    return Some(Role::Net(fam, sign));
                }
                if w.has(&minus, &left) && w.has(&plus, rest) {
                    return Some(Role::Net(fam, -sign));
                }
            }
            return Some(Role::Other);
        }
    }
    // "620 einstaklingar til landsins umfram brottflutta": words after the figure naming it
    // the result (the first term in excess of the second).
    if !w.has("change", &left) {
        for (fam, name) in FAMILIES {
            if w.has(&format!("{name}_net_after"), &right) {
                return Some(Role::Net(fam, 1));
            }
            if w.has(&format!("{name}_net_negative_after"), &right) {
                return Some(Role::Net(fam, -1));
            }
        }
    }
    // The words nearest the figure: a clause's far end may name another figure's kind.
    let left = left[left.len().saturating_sub(NEAR_LEFT)..].to_vec();
    let right = right[..right.len().min(NEAR_RIGHT)].to_vec();
    let mut words = left.clone();
    words.extend(right.iter().cloned());
    let mut found: Vec<Role> = Vec::new();
    // A result's name stands before its figure ("flyttningsöverskottet för 177 personer");
    // one after it names the next figure.
    for (fam, name) in FAMILIES {
        if w.has(&format!("{name}_net"), &left) {
            found.push(Role::Net(fam, 1));
        }
        if w.has(&format!("{name}_net_negative"), &left) {
            found.push(Role::Net(fam, -1));
        }
    }
    // "muuttovoitto ulkomailta": a net move named as one from abroad is the migration's.
    if found
        .iter()
        .any(|r| matches!(r, Role::Net(Family::Migration, _)))
    {
        found.retain(|r| !matches!(r, Role::Net(Family::Moves, _)));
    }
    if found.is_empty() {
        for (fam, name) in FAMILIES {
            if w.has(&format!("{name}_plus"), &words) {
                found.push(Role::Plus(fam));
            }
            if w.has(&format!("{name}_minus"), &words) {
                found.push(Role::Minus(fam));
            }
        }
    }
    if found.is_empty() {
        return None;
    }
    // A comparison ("600 flere enn i fjor") or a change ("minskade med 60") is no term.
    if w.has("comparison", &words) {
        return Some(Role::Other);
    }
    if !inherited && w.has("change", &left) && !w.ends("to", &left) {
        return Some(Role::Other);
    }
    if found.len() == 1 {
        Some(found[0])
    } else {
        Some(Role::Other)
    }
}

/// One relation read: the result and its two terms, by (sentence, figure).
struct Read {
    fam: Family,
    sign: i8,
    result: (usize, usize),
    plus: (usize, usize),
    minus: (usize, usize),
    /// The sentences read.
    from: usize,
    to: usize,
    /// Whether the terms and the result are in one sentence or the result points back.
    tied: bool,
}

fn reads(w: &Words, sents: &[Sent]) -> Vec<Read> {
    let roles: Vec<Vec<Option<Role>>> = sents
        .iter()
        .map(|s| (0..s.figs.len()).map(|k| role(w, s, k)).collect())
        .collect();
    let mut out = Vec::new();
    for (k, s) in sents.iter().enumerate() {
        for (i, r) in roles[k].iter().enumerate() {
            let Some(Role::Net(fam, sign)) = *r else {
                continue;
            };
            let opening = tokens(&s.text);
            let points_back = w.has("therefore", &opening)
                || opening.first().is_some_and(|o| {
                    w.of("points_back")
                        .iter()
                        .any(|p| p.len() == 1 && &p[0] == o)
                });
            let mut windows = vec![(k, k), (k.saturating_sub(1), k), (k, k + 1)];
            if points_back {
                windows.extend((2..=BACK).map(|b| (k.saturating_sub(b), k)));
            }
            windows.dedup();
            for (a, b) in windows {
                if b >= sents.len() {
                    continue;
                }
                if (a..=b).any(|j| sents[j].par != s.par) {
                    continue;
                }
                let mut plus = Vec::new();
                let mut minus = Vec::new();
                let mut nets = 0;
                for (j, rs) in roles.iter().enumerate().take(b + 1).skip(a) {
                    for (m, r) in rs.iter().enumerate() {
                        match *r {
                            Some(Role::Plus(g)) if g == fam => plus.push((j, m)),
                            Some(Role::Minus(g)) if g == fam => minus.push((j, m)),
                            Some(Role::Net(g, _)) if g == fam => nets += 1,
                            _ => {}
                        }
                    }
                }
                if plus.len() > 1 || minus.len() > 1 || nets > 1 {
                    break;
                }
                if plus.len() != 1 || minus.len() != 1 {
                    continue;
                }
                // Sentences naming different years, or one naming two, are about different
                // periods.
                let named: Vec<Vec<u32>> = (a..=b).map(|j| years(w, &sents[j])).collect();
                let two = |ys: &Vec<u32>| ys.iter().any(|y| *y != ys[0]);
                let clash = named.iter().any(two)
                    || named.iter().enumerate().any(|(x, ys)| {
                        named[x + 1..].iter().any(|zs| {
                            !ys.is_empty() && !zs.is_empty() && !ys.iter().any(|y| zs.contains(y))
                        })
                    });
                if clash {
                    break;
                }
                out.push(Read {
                    fam,
                    sign,
                    result: (k, i),
                    plus: plus[0],
                    minus: minus[0],
                    from: a,
                    to: b,
                    tied: a == b || (points_back && b == k),
                });
                break;
            }
        }
    }
    out
}

/// The values the counts of one relation stand for: as written, or ± half a round unit
/// all three share (tens, hundreds, thousands), or widened where a word says "about".
fn intervals(w: &Words, sents: &[Sent], figs: [(usize, usize); 3]) -> [Interval; 3] {
    let v = intervals_of(w, sents, &figs);
    [v[0], v[1], v[2]]
}

/// The values the counts of one relation stand for: as written, or ± half a round unit
/// all of them share (tens, hundreds, thousands), or widened where a word says "about".
pub(super) fn intervals_of(w: &Words, sents: &[Sent], figs: &[(usize, usize)]) -> Vec<Interval> {
    let fig = |(j, m): (usize, usize)| &sents[j].figs[m];
    let values: Vec<Decimal> = figs.iter().map(|&x| fig(x).value).collect();
    let mut unit = Decimal::ONE;
    for u in [10, 100, 1000] {
        let u = Decimal::from(u);
        if values
            .iter()
            .all(|v| !v.is_zero() && (*v % u).is_zero() && v.abs() >= u)
        {
            unit = u;
        }
    }
    figs.iter()
        .map(|&x| {
            let f = fig(x);
            let s = &sents[x.0];
            let before = tokens(&s.text[..f.start]);
            let um = w.ends("about", &before)
                && !w.has("change", &before[before.len().saturating_sub(3)..]);
            if f.around || um {
                let mut g = f.clone();
                g.around = true;
                let base = Interval::around(f.value, unit / Decimal::TWO);
                super::approx::widen(&g, base)
            } else if unit == Decimal::ONE {
                // A count of people is exact as written.
                Interval::exact(f.value)
            } else {
                Interval::around(f.value, unit / Decimal::TWO)
            }
        })
        .collect()
}

pub fn check(sink: &mut Sink) {
    let doc = sink.document;
    let w = Words::new(sink.vocab);
    if w.keys.is_empty() {
        return;
    }
    let lines = prose_lines(doc);
    let pars = paragraphs(&lines);
    let mut sents = sentences_of(&pars);
    // A growth and its components (popgrowth) take three figures, the others two in one
    // sentence.
    let together = sents.iter().any(|s| s.figs.len() >= 2);
    if !together && sents.iter().map(|s| s.figs.len()).sum::<usize>() < 3 {
        return;
    }
    for s in &mut sents {
        super::approx::read(&s.text, &mut s.figs, sink.vocab);
    }
    for r in reads(&w, &sents).into_iter().filter(|_| together) {
        let [result, plus, minus] = intervals(&w, &sents, [r.result, r.plus, r.minus]);
        let made = plus.minus(minus);
        let said = if r.sign < 0 {
            Interval {
                nominal: -result.nominal,
                lo: -result.hi,
                hi: -result.lo,
            }
        } else {
            result
        };
        if made.meets(&said) {
            sink.checked(true);
        } else {
            report(sink, &w, &pars, &sents, &r, made, said);
        }
    }
    super::popgrowth::check(sink, &w, &pars, &sents);
}

fn report(
    sink: &mut Sink,
    w: &Words,
    pars: &[Paragraph],
    sents: &[Sent],
    r: &Read,
    made: Interval,
    said: Interval,
) {
    let window: Vec<String> = (r.from..=r.to)
        .flat_map(|j| tokens(&sents[j].text))
        .collect();
    let fig = |(j, m): (usize, usize)| &sents[j].figs[m];
    let bound = [r.result, r.plus, r.minus].iter().any(|&x| fig(x).approx);
    let doubt = if w.has("correction", &window) {
        Some("the sentences name a correction, which the result may hold")
    } else if w.has("negative", &window) {
        Some("the sentences call a figure negative, so the sign written may not be the one read")
    } else if bound {
        Some("a figure is a bound (drygt, nästan, nær), not a value")
    } else if !r.tied {
        Some("the result stands in the neighbouring sentence and does not point back to the counts")
    } else {
        None
    };
    let decided = doubt.is_none();
    if decided {
        sink.checked(false);
    }
    let (k, i) = r.result;
    let s = &sents[k];
    let name = match r.fam {
        Family::Natural => ("births", "deaths"),
        Family::Moves => ("moved in", "moved out"),
        Family::Migration => ("immigrated", "emigrated"),
    };
    let raw = |x: (usize, usize)| {
        let f = fig(x);
        sents[x.0].text[f.start..f.num_end].to_string()
    };
    let passage: Vec<&str> = (r.from..=r.to).map(|j| sents[j].text.trim()).collect();
    let reading = format!(
        "{} {} − {} {} = {}, not {}{}",
        name.0,
        raw(r.plus),
        name.1,
        raw(r.minus),
        made.nominal.normalize(),
        raw(r.result),
        if r.sign < 0 {
            " the other way round"
        } else {
            ""
        }
    );
    let message = match doubt {
        None => format!(
            "the text says \"{}\", but {reading} (each count exact as written, or ± half the round unit all three share)",
            passage.join(" ")
        ),
        Some(why) => format!(
            "not decided: the text says \"{}\", {reading}, but {why}",
            passage.join(" ")
        ),
    };
    let par = &pars[s.par];
    let f = &s.figs[i];
    let (line, span) = par.span(s.from + f.start, s.from + f.num_end);
    let cmp = compare(made, said);
    super::prose::report_stated(
        sink,
        &RULE,
        decided,
        message,
        line,
        span,
        &super::prose::to_two_places(cmp),
    );
}

#[cfg(test)]
mod tests {
    use super::super::run_on_text;
    use super::*;
    use crate::check::finding::Severity;

    fn run(text: &str) -> (Vec<(Severity, String, String)>, u64, u64) {
        run_on_text(text, super::check, RuleCode::TXT010)
    }

    #[test]
    fn births_and_deaths_against_the_surplus_in_the_next_sentence() {
        // Invented, in the shape of Hagstofa Íslands' yearly notes: 4 412 − 2 377 = 2 035,
        // printed 2 053; 6 988 − 5 875 = 1 113 holds.
        let (f, checked, failed) = run(
            "Árið 2020 fæddust 4.412 börn en 2.377 manns létust. Fæddir umfram dána voru því \
             2.053. Þá fluttust 5.875 utan en 6.988 til landsins. Aðfluttir umfram brottflutta \
             voru því 1.113 árið 2020.",
        );
        assert_eq!((checked, failed), (2, 1));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, Severity::Error);
        assert_eq!(f[0].1, "2053");
    }

    #[test]
    fn round_hundreds_stand_for_their_rounding() {
        // 15 900 − 9 800 = 6 100; 19 100 − 7 300 = 11 800 against 11 900, all to the hundred.
        let (f, checked, failed) = run(
            "Det ble født 15.900 barn i tredje kvartal, 600 flere enn i samme kvartal i fjor. \
             Dette er det høyeste fødselstallet på mange år. 9.800 personer døde, snaut 100 \
             færre enn i samme periode i fjor. Dermed ble fødselsoverskuddet på 6.100.\n\n\
             19.100 personer flyttet til Norge og 7.300 flyttet fra Norge i august, september \
             og oktober, en nettoinnvandring på 11.900 personer.",
        );
        assert!(f.is_empty(), "{f:?}");
        assert_eq!((checked, failed), (1, 0));
    }

    #[test]
    fn more_than_is_the_difference() {
        let (f, checked, _) = run(
            "Väestönkasvua ylläpiti muuttovoitto ulkomailta, sillä maahanmuuttoja oli 11 414 \
             enemmän kuin maastamuuttoja. Ulkomailta muutti Suomeen 16 932 henkeä ja Suomesta \
             ulkomaille 5 518 henkeä.",
        );
        assert!(f.is_empty(), "{f:?}");
        assert_eq!(checked, 1);
        let (f, checked, _) = run(
            "Det föddes 279 barn 2017. De avlidna var 235 personer. Födelsenettot blev därmed \
             åter positivt, d.v.s. de födda var 45 flera än de döda.",
        );
        assert_eq!(checked, 1);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Severity::Error);
    }

    #[test]
    fn the_count_a_change_ends_at_takes_the_words_before_the_change() {
        // ÅSUB 2017: "De avlidna minskade med 60 till 235 personer": 279 − 235 = 44.
        let (f, checked, _) = run(
            "Det föddes 279 barn 2017. De avlidna minskade med 60 till 235 personer. \
             Födelsenettot blev därmed åter positivt, d.v.s. de födda var 44 flera än de döda.",
        );
        assert!(f.is_empty(), "{f:?}");
        assert_eq!(checked, 1);
    }

    #[test]
    fn a_deficit_word_is_deaths_less_births() {
        let (f, checked, failed) = run(
            "Antallet af levendefødte var i første kvartal 2023 13.965 børn. I samme periode \
             døde 15.215 personer. Samlet set resulterede denne fordeling i et fødselsunderskud \
             på 1.250 personer i første kvartal 2023.",
        );
        assert!(f.is_empty(), "{f:?}");
        assert_eq!((checked, failed), (1, 0));
    }

    #[test]
    fn a_result_not_pointing_back_is_not_decided() {
        let (f, checked, failed) = run(
            "I kommunen föddes 120 barn och 95 personer dog. Födelseöverskottet var 30 personer.",
        );
        assert_eq!((checked, failed), (0, 0));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, Severity::Info);
    }

    #[test]
    fn a_correction_named_makes_a_miss_not_decided() {
        let (f, _, failed) = run(
            "Under året föddes 120 barn och 95 personer dog, vilket ger ett födelseöverskott \
             på 30 personer efter justeringar.",
        );
        assert_eq!(failed, 0);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, Severity::Info);
    }

    #[test]
    fn changes_comparisons_and_two_counts_are_not_read() {
        // A change ("minskade med 60"), two birth counts, another year.
        for text in [
            "Det föddes 279 barn 2017 och 290 barn 2016, medan 235 dog. Födelseöverskottet \
             blev därmed 44.",
            "Under 2019 föddes 120 barn och 95 personer dog. Födelseöverskottet 2018 var 30.",
            "15.625 børn blev født, hvilket er 350 flere fødte end sidste år. Fødselsoverskuddet \
             var 2.427.",
        ] {
            let (f, checked, _) = run(text);
            assert!(f.is_empty(), "{text}: {f:?}");
            assert_eq!(checked, 0, "{text}");
        }
    }

    #[test]
    fn a_net_move_is_not_read_against_immigration() {
        let (f, checked, _) = run(
            "Under året invandrade 300 personer och 100 utvandrade. Flyttnettot blev därmed 150.",
        );
        assert!(f.is_empty(), "{f:?}");
        assert_eq!(checked, 0);
    }

    #[test]
    fn a_verb_of_excess_between_the_terms_makes_the_result() {
        // Invented, in the shape of Statistics Finland's English monthly notes.
        let (f, checked, failed) = run(
            "In 2020, 23500 persons immigrated to Finland and 10270 persons emigrated from \
             Finland, so immigration exceeded emigration by 13320 persons.",
        );
        assert_eq!((checked, failed), (1, 1), "{f:?}");
        assert_eq!(f[0].0, Severity::Error);
        assert_eq!(f[0].1, "13320");
        let (f, checked, _) = run(
            "In 2020, 23500 persons immigrated to Finland and 10270 persons emigrated from \
             Finland, so immigration exceeded emigration by 13230 persons.",
        );
        assert!(f.is_empty(), "{f:?}");
        assert_eq!(checked, 1);
    }

    #[test]
    fn an_appositive_before_a_copula_names_the_figure() {
        let text = |net: &str| {
            format!(
                "In 2020, 44430 children were born and 38440 persons died. Natural population \
                 growth, or excess of births to deaths, was {net} persons."
            )
        };
        let (f, checked, failed) = run(&text("5990"));
        assert!(f.is_empty(), "{f:?}");
        assert_eq!((checked, failed), (1, 0));
        // The result in the next sentence, not pointing back: a miss is not decided.
        let (f, _, _) = run(&text("5900"));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].0, f[0].1.as_str()), (Severity::Info, "5900"));
        // A comma clause with more than a copula keeps its own words: no result is read.
        let (f, checked, _) = run(
            "In 2020, 44430 children were born and 38440 persons died. Natural population \
             growth, as the office reports, was higher than the year before at 5900 persons.",
        );
        assert!(f.is_empty(), "{f:?}");
        assert_eq!(checked, 0);
    }

    #[test]
    fn a_figure_in_parentheses_takes_the_words_before_them() {
        let text = |net: &str| {
            format!(
                "In the year 700 children were born and 433 persons died. This growth is made \
                 up of net migration (563) and an excess of births ({net})."
            )
        };
        let (f, checked, failed) = run(&text("267"));
        assert!(f.is_empty(), "{f:?}");
        assert_eq!((checked, failed), (1, 0));
        let (f, _, _) = run(&text("276"));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].0, f[0].1.as_str()), (Severity::Info, "276"));
    }
}
