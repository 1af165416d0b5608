//! A total and its parts stated in prose, in one sentence or in the sentence right after
//! the total's: "Totalt 250 mkr, varav 150 mkr till skolor och 90 mkr till VA", "alls 130
//! að tölu, þar af 12 kaupstaðir og 118 hreppar", "2.350 (2.410) bøker fordelt på 610
//! (640) fagbøker og 1.740 (1.770) skjønnlitteratur", "Alls komu … gestir … Þar af komu A í
//! X og B í Y". Read for TXT006; the words are grammars/parts.vocab's.
//!
//! Certainty is the whole of it. A list opened by "varav" (hvorav, heraf, joista, þar af)
//! need not name every part, and its parts may overlap: parts making less than the total
//! are then nothing to report (neither read nor a note), parts making more are not decided
//! — unless the text says they are all of the total: the total divided among
//! them (fördelat på, fordelt på, jakautuu, skiptist í), the total word right before the
//! total and the parts restating it after a comma ("samtals 5310, 5020 í … og 290 í …"),
//! the parts summed up by a total word and the total after them ("412 karlar, 389 konur,
//! alls 801"), the last part named the rest (övriga, resten, øvrige, loput), or two parts
//! named by the two words of a pair of complementary kinds alone (grammars/complements.vocab).
//! Every part must count what the total counts: money with money (any scale), percent with
//! percent, counts with counts of the same noun or none; a year, a date or another unit
//! among them, a rate (per), a second total inside the list ("og alls eru þau 10"), or
//! more than a few words between the figures, and the list is not read. A sum more than
//! 10 % away from the total is not decided (the parts may count something else: "1 200
//! elever fordelt på 45 klasser og 3 skoler"). A figure in parentheses right after every
//! figure is another year's column and is read as a second relation.

use super::txt006::{
    complement_side, date_follows, in_kronor, is_year, Fig, Kind, Paragraph, RULE,
};
use crate::arith::{compare, Interval};
use crate::check::Sink;
use crate::grammar::vocab::Vocabulary;
use rust_decimal::Decimal;

/// The vocabulary list of this reading (grammars/parts.vocab).
const LIST: &str = "parts";

/// At most so many words name a part, after its figure.
const MAX_LABEL_WORDS: usize = 6;

/// At most so many words stand between the total and the words opening its parts ("að
/// tölu, þar af", "bøker fordelt på").
const MAX_LEAD_WORDS: usize = 5;

/// At most so many words follow the words opening the parts, before the first part: a verb
/// ("þar af eru", "Þar af komu", "varav är").
const MAX_VERB_WORDS: usize = 2;

/// How the text says the figures after the total are its parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Opening {
    /// "fördelat på", "fordelt på", "jakautuu", "skiptist í": all of it.
    Spread,
    /// "varav", "hvorav", "heraf", "joista", "þar af": of it, not said to be all of it.
    OfWhich,
    /// A total word before the total, the parts after a comma: all of it.
    Apposition,
    /// The sentence after the total's opens with "Þar af", "Heraf", "Av dessa".
    Across,
    /// The parts first, then a total word and the total ("412 karlar, 389 konur, alls
    /// 801"): all of it.
    SumAfter,
}

/// One part of a list: its figure, the figure in parentheses right after it, its words.
#[derive(Clone, Debug)]
pub(super) struct Part {
    pub(super) fig: usize,
    pub(super) prev: Option<usize>,
    /// The words naming it, as written.
    pub(super) words: Vec<String>,
    /// Named the rest of the total ("och resterande 40", "ja loput 12").
    pub(super) rest: bool,
}

/// A total and the parts the text lists of it.
#[derive(Clone, Debug)]
pub(super) struct Listed {
    pub(super) total: usize,
    pub(super) total_prev: Option<usize>,
    pub(super) parts: Vec<Part>,
    pub(super) opening: Opening,
    /// The words stating it, from the total's figure to the last part's words.
    pub(super) span: (usize, usize),
}

/// The words of a piece of text between figures, punctuation trimmed off each.
fn words(t: &str) -> Vec<String> {
    t.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '-'))
                .to_string()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn lower(ws: &[String]) -> Vec<String> {
    ws.iter().map(|w| w.to_lowercase()).collect()
}

/// The number of words a phrase of `key` takes at the end of `ws` (lower case), the
/// longest.
fn ends_with_phrase(vocab: &Vocabulary, key: &str, ws: &[String]) -> Option<usize> {
    vocab
        .words(LIST, key)
        .iter()
        .filter_map(|p| {
            let pw: Vec<&str> = p.split_whitespace().collect();
            (pw.len() <= ws.len()
                && ws[ws.len() - pw.len()..]
                    .iter()
                    .zip(&pw)
                    .all(|(a, b)| a == b))
            .then_some(pw.len())
        })
        .max()
}

/// The number of words a phrase of `key` takes at the start of `ws` (lower case).
fn starts_with_phrase(vocab: &Vocabulary, key: &str, ws: &[String]) -> Option<usize> {
    vocab
        .words(LIST, key)
        .iter()
        .filter_map(|p| {
            let pw: Vec<&str> = p.split_whitespace().collect();
            (pw.len() <= ws.len() && ws.iter().zip(&pw).all(|(a, b)| a == b)).then_some(pw.len())
        })
        .max()
}

fn is_word(vocab: &Vocabulary, key: &str, w: &str) -> bool {
    vocab.has_word(LIST, key, w)
}

/// A parenthesis without figures inside the words ("kaupstaðir(höfuðstaðurinn meðtalinn)")
/// removed; none when a parenthesis is left open or closed alone.
fn without_remarks(t: &str) -> Option<String> {
    let mut out = String::with_capacity(t.len());
    let mut depth = 0usize;
    for c in t.chars() {
        match c {
            '(' => {
                depth += 1;
                out.push(' ');
            }
            ')' => {
                depth = depth.checked_sub(1)?;
            }
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    (depth == 0).then_some(out)
}

/// The figure in parentheses right after figure `k` ("2.350 (2.410)"), if any.
fn paren_after(s: &str, figs: &[Fig], k: usize) -> Option<usize> {
    let next = figs.get(k + 1)?;
    (s[figs[k].end..next.start].trim() == "(" && s[next.end..].trim_start().starts_with(')'))
        .then_some(k + 1)
}

/// The figure after part `k` (its parenthesis skipped) and where its own text ends.
fn after(s: &str, figs: &[Fig], k: usize) -> (usize, usize, Option<usize>) {
    match paren_after(s, figs, k) {
        Some(p) => {
            let close = figs[p].end + s[figs[p].end..].find(')').map_or(0, |i| i + 1);
            (p + 1, close, Some(p))
        }
        None => (k + 1, figs[k].end, None),
    }
}

/// A list of parts from figure `first` to the end of `s`: each part a figure and at most
/// [`MAX_LABEL_WORDS`] words, the parts joined by commas and a last `and` word, nothing
/// after the last part's words but a mark. None when the figures run on otherwise.
fn list_from(
    s: &str,
    figs: &[Fig],
    first: usize,
    vocab: &Vocabulary,
    need_and: bool,
) -> Option<(Vec<Part>, usize)> {
    let n = figs.len();
    let mut parts: Vec<Part> = Vec::new();
    let mut k = first;
    let mut rest_next = false;
    let mut last_was_and = false;
    loop {
        let (next, end, prev) = after(s, figs, k);
        let stops = |ws: &[String]| {
            ws.iter().any(|w| {
                is_word(vocab, "sum", w)
                    || is_word(vocab, "of_which", w)
                    || is_word(vocab, "spread", w)
            })
        };
        if next >= n {
            // The last part: its words, then the sentence's end.
            let tail = without_remarks(&s[end..])?;
            let body = tail
                .trim_end()
                .trim_end_matches(['.', '!', '?', '"', '”', '»', ' ']);
            if body.contains([',', ';', ':', '(', ')']) {
                return None;
            }
            let ws = words(body);
            let lw = lower(&ws);
            if ws.len() > MAX_LABEL_WORDS || stops(&lw) || need_and && !last_was_and {
                return None;
            }
            let rest = rest_next || lw.first().is_some_and(|w| is_word(vocab, "rest", w));
            parts.push(Part {
                fig: k,
                prev,
                words: ws,
                rest,
            });
            let stop = end + body.len();
            return (parts.len() >= 2).then_some((parts, stop));
        }
        let gap = without_remarks(&s[end..figs[next].start])?;
        if gap.contains([';', ':']) {
            return None;
        }
        let trimmed = gap.trim_end();
        let ws = words(trimmed);
        let lw = lower(&ws);
        // The separator at the end of the gap: "og", ", og", "och resterande", ",".
        let (label_len, is_and, rest) = {
            let rest_words = ends_with_phrase(vocab, "rest", &lw).unwrap_or(0);
            let before_rest = lw.len() - rest_words;
            if before_rest > 0 && is_word(vocab, "and", &lw[before_rest - 1]) {
                (before_rest - 1, true, rest_words > 0)
            } else if trimmed.ends_with(',') {
                (lw.len(), false, false)
            } else {
                return None;
            }
        };
        // A comma after an "and" starts another list; an "and" before the last part only.
        if last_was_and || label_len > MAX_LABEL_WORDS || stops(&lw[..label_len]) {
            return None;
        }
        let label = &ws[..label_len];
        let own_rest = lower(label)
            .first()
            .is_some_and(|w| is_word(vocab, "rest", w));
        parts.push(Part {
            fig: k,
            prev,
            words: label.to_vec(),
            rest: rest_next || own_rest,
        });
        rest_next = rest;
        last_was_and = is_and;
        k = next;
    }
}

/// Whether `t` is a figure a total may be: not a year, a date or a negative figure.
fn total_like(s: &str, f: &Fig) -> bool {
    !is_year(f) && !date_follows(s, f) && !f.value.is_sign_negative() && f.kind != Kind::Points
}

/// Every total and its list of parts in one sentence.
pub(super) fn stated(s: &str, figs: &[Fig], vocab: &Vocabulary) -> Vec<Listed> {
    let mut out = Vec::new();
    let n = figs.len();
    let mut t = 0;
    while t + 2 < n {
        let listed = (|| {
            if !total_like(s, &figs[t]) {
                return None;
            }
            let (first, end, total_prev) = after(s, figs, t);
            if first >= n {
                return None;
            }
            let gap = &s[end..figs[first].start];
            if gap.contains(['.', ';', '(', ')']) {
                return None;
            }
            let lw = lower(&words(gap));
            let opening_at = |key: &str| {
                // The phrase, then at most a verb or two before the first part.
                (0..=MAX_VERB_WORDS.min(lw.len())).find_map(|v| {
                    let head = &lw[..lw.len() - v];
                    let m = ends_with_phrase(vocab, key, head)?;
                    let verbs_ok = lw[lw.len() - v..]
                        .iter()
                        .all(|w| !is_word(vocab, "and", w) && !is_word(vocab, "sum", w));
                    (verbs_ok && head.len() - m <= MAX_LEAD_WORDS).then_some(())
                })
            };
            let opening = if opening_at("spread").is_some() {
                Opening::Spread
            } else if opening_at("of_which").is_some() {
                Opening::OfWhich
            } else if matches!(gap.trim(), "," | ":") && sum_word_before(s, &figs[t], vocab) {
                Opening::Apposition
            } else {
                return None;
            };
            let (parts, stop) = list_from(s, figs, first, vocab, true)?;
            Some(Listed {
                total: t,
                total_prev,
                parts,
                opening,
                span: (figs[t].start, stop),
            })
        })();
        match listed {
            Some(l) => {
                let next = l.parts.last().map_or(t + 1, |p| p.fig + 1);
                out.push(l);
                t = next;
            }
            None => t += 1,
        }
    }
    for t in 2..n {
        if out
            .iter()
            .any(|l| l.total == t || l.parts.iter().any(|p| p.fig == t))
        {
            continue;
        }
        out.extend(summed_after(s, figs, t, vocab));
    }
    out
}

/// The parts first, then a comma, a total word and the total: "412 karlar, 389 konur,
/// alls 801", "…, 12 000 biblioteket och 3 000 museet, totalt 55 000". The total is the
/// sentence's last figure, at most a few words after it; the list the longest that runs
/// from a figure to the comma before the total word.
fn summed_after(s: &str, figs: &[Fig], t: usize, vocab: &Vocabulary) -> Option<Listed> {
    if t + 1 != figs.len() || !total_like(s, &figs[t]) {
        return None;
    }
    let tail = &s[figs[t].end..];
    if tail.contains([',', ';', ':', '(']) || words(tail).len() > 4 {
        return None;
    }
    let gap = &s[figs[t - 1].end..figs[t].start];
    let comma = gap.rfind(',')?;
    let said = lower(&words(&gap[comma + 1..]));
    if said.is_empty() || ends_with_phrase(vocab, "sum", &said) != Some(said.len()) {
        return None;
    }
    let cut = figs[t - 1].end + comma;
    let head = &s[..cut];
    let within: Vec<Fig> = figs[..t].to_vec();
    (0..t - 1).find_map(|f| {
        let (parts, stop) = list_from(head, &within, f, vocab, false)?;
        Some(Listed {
            total: t,
            total_prev: None,
            parts,
            opening: Opening::SumAfter,
            span: (figs[f].start, figs[t].end.max(stop)),
        })
    })
}

/// Whether one of the three words before the figure is a total word ("samtals orðnir
/// 5310", "sammanlagt 1 200").
fn sum_word_before(s: &str, f: &Fig, vocab: &Vocabulary) -> bool {
    let head = &s[..f.start];
    let ws = lower(&words(head));
    let from = ws.len().saturating_sub(3);
    ws[from..].iter().any(|w| is_word(vocab, "sum", w))
        || (ws.len() >= 2 && {
            let two = format!("{} {}", ws[ws.len() - 2], ws[ws.len() - 1]);
            is_word(vocab, "sum", &two)
        })
}

/// A total in one sentence and its parts in the next, which opens with `of_which` words
/// ("… 12.400 gestir … árið 2020. Þar af komu 8.100 í … og 4.100 í …"): the first
/// sentence has exactly one figure (years and dates aside), the second nothing but the
/// list after its opening words and a verb. `second` is where the second sentence starts.
pub(super) fn stated_across(
    text: &str,
    second: usize,
    figs: &[Fig],
    vocab: &Vocabulary,
) -> Option<Listed> {
    let own: Vec<usize> = (0..figs.len())
        .filter(|&k| figs[k].start < second && !is_year(&figs[k]) && !date_follows(text, &figs[k]))
        .collect();
    let [t] = own[..] else {
        return None;
    };
    if !total_like(text, &figs[t]) || paren_after(text, figs, t).is_some() {
        return None;
    }
    let first = (0..figs.len()).find(|&k| figs[k].start >= second)?;
    let head = &text[second..figs[first].start];
    if head.contains([',', ';', ':', '(', ')', '.']) {
        return None;
    }
    let lw = lower(&words(head));
    let m = starts_with_phrase(vocab, "of_which", &lw)?;
    if lw.len() - m > MAX_VERB_WORDS
        || lw[m..]
            .iter()
            .any(|w| is_word(vocab, "and", w) || is_word(vocab, "sum", w))
    {
        return None;
    }
    let (parts, stop) = list_from(text, figs, first, vocab, true)?;
    Some(Listed {
        total: t,
        total_prev: None,
        parts,
        opening: Opening::Across,
        span: (figs[t].start, stop),
    })
}

/// What the figures of a list count, when they all count the same.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Measure {
    /// Money, in kronor per unit of the total's written unit.
    Money(Decimal),
    Percent,
    Count(Option<&'static str>),
}

/// The measure every figure of the list shares, or none.
fn measure(s: &str, figs: &[Fig], l: &Listed) -> Option<Measure> {
    let t = &figs[l.total];
    let bad = |f: &Fig| is_year(f) || date_follows(s, f) || f.value.is_sign_negative();
    if l.parts.iter().any(|p| bad(&figs[p.fig])) {
        return None;
    }
    match t.kind {
        Kind::Money(scale) => l
            .parts
            .iter()
            .all(|p| matches!(figs[p.fig].kind, Kind::Money(_)))
            .then_some(Measure::Money(scale)),
        // Shares "of these" after a percent are of what it counts, not of it ("9,7
        // procent. Av dessa avgångar utgör 25 procent …"): a part above the total, or a
        // list in the sentence after, is not read.
        Kind::Percent => (l.opening != Opening::Across
            && l.parts
                .iter()
                .all(|p| figs[p.fig].kind == Kind::Percent && figs[p.fig].value <= t.value))
        .then_some(Measure::Percent),
        Kind::Count(_) | Kind::Bare => {
            let total_noun = match t.kind {
                Kind::Count(n) => Some(n),
                _ => None,
            };
            let mut noun = total_noun;
            for p in &l.parts {
                match figs[p.fig].kind {
                    Kind::Bare => {}
                    Kind::Count(m) => match noun {
                        None => noun = Some(m),
                        Some(x) if super::txt006::same_count(x, m) => {}
                        Some(_) => return None,
                    },
                    _ => return None,
                }
            }
            Some(Measure::Count(noun))
        }
        _ => None,
    }
}

/// Why the parts are all of the total, when the text says so.
fn all_of_it(vocab: &Vocabulary, l: &Listed) -> Option<&'static str> {
    match l.opening {
        Opening::Spread => {
            return Some("the text says the total is divided among the parts (fördelat på, fordelt på, jakautuu, skiptist í), so they are all of it and none holds another")
        }
        Opening::Apposition => {
            return Some("the text gives the total after a total word (samtals, sammanlagt, i alt) and right after it the parts that make it, all of it")
        }
        Opening::SumAfter => {
            return Some("the text lists the parts and sums them up in a total word and the total right after them (alls, sammanlagt, totalt, i alt), so they are all of it")
        }
        Opening::OfWhich | Opening::Across => {}
    }
    if l.parts.last().is_some_and(|p| p.rest) {
        return Some("the last part is named the rest of the total (övriga, resten, øvrige, loput, annet), so the parts are all of it");
    }
    if let [a, b] = &l.parts[..] {
        // Each part named by its kind's word alone ("varav 120 kvinnor och 95 män"): more
        // words may narrow it ("120 kvinnor under 30 år").
        let side = |p: &Part| match &p.words[..] {
            [w] => complement_side(vocab, w),
            _ => None,
        };
        if let (Some((pa, sa)), Some((pb, sb))) = (side(a), side(b)) {
            if pa == pb && sa != sb {
                return Some("the two parts are the two sides of a pair of complementary kinds (grammars/complements.vocab), which leave nothing out");
            }
        }
    }
    None
}

/// One column of a list checked: the parts' sum against the total.
struct Column {
    made: Interval,
    said: Interval,
    exact: bool,
}

fn column(figs: &[Fig], m: Measure, total: usize, parts: &[usize]) -> Column {
    let all = std::iter::once(total).chain(parts.iter().copied());
    let exact = matches!(m, Measure::Count(_))
        && all.clone().all(|k| {
            figs[k].decimals == 0
                && !(figs[k].value % Decimal::ONE_HUNDRED).is_zero()
                && !figs[k].approx
                && !figs[k].around
        });
    if exact {
        return Column {
            made: Interval::exact(parts.iter().map(|&p| figs[p].value).sum()),
            said: Interval::exact(figs[total].value),
            exact,
        };
    }
    match m {
        Measure::Money(scale) => {
            let k = Decimal::ONE / scale;
            let made =
                Interval::sum(parts.iter().map(|&p| in_kronor(&figs[p], figs[p].kind))).scale(k);
            Column {
                made,
                said: figs[total].interval(),
                exact,
            }
        }
        _ => Column {
            made: Interval::sum(parts.iter().map(|&p| figs[p].interval())),
            said: figs[total].interval(),
            exact,
        },
    }
}

/// Checks every list of `found` in `s` (starting at `from` in the paragraph), counting each
/// column read and reporting each that misses.
pub(super) fn check(
    sink: &mut Sink,
    par: &Paragraph,
    from: usize,
    s: &str,
    figs: &[Fig],
    found: &[Listed],
) {
    let vocab = sink.vocab;
    for l in found {
        let Some(m) = measure(s, figs, l) else {
            continue;
        };
        // A rate is no part of a total ("414 kr per invånare och 17 000 kr per
        // kvadratkilometer, totalt 589,3 mnkr").
        let rate = |p: &Part| {
            p.words
                .iter()
                .any(|w| is_word(vocab, "rate", &w.to_lowercase()))
        };
        if l.parts.iter().any(rate) {
            continue;
        }
        let parts: Vec<usize> = l.parts.iter().map(|p| p.fig).collect();
        let mut columns = vec![(l.total, parts, false)];
        if let Some(tp) = l.total_prev {
            let prev: Option<Vec<usize>> = l.parts.iter().map(|p| p.prev).collect();
            if let Some(prev) = prev {
                let same =
                    |k: usize| figs[k].kind == figs[l.total].kind || figs[k].kind == Kind::Bare;
                if same(tp) && prev.iter().all(|&k| same(k) && !is_year(&figs[k])) {
                    columns.push((tp, prev, true));
                }
            }
        }
        for (total, parts, paren) in columns {
            let c = column(figs, m, total, &parts);
            if c.made.meets(&c.said) {
                sink.checked(true);
                continue;
            }
            let over = c.made.lo > c.said.hi;
            // Only a list that is all of the total says no part holds another.
            let all = all_of_it(vocab, l);
            let approx = std::iter::once(total)
                .chain(parts.iter().copied())
                .any(|k| figs[k].approx || figs[k].around);
            let far = (c.made.nominal - c.said.nominal).abs() * Decimal::TEN > c.said.nominal.abs();
            // A list that need not name every part is short of its total as a rule
            // ("varav 150 mkr till skolor och 60 mkr till VA" of 250 mkr): nothing to say.
            if !over && all.is_none() {
                continue;
            }
            let doubt = if approx {
                Some("a figure is called approximate")
            } else if over && all.is_none() {
                Some("the parts may overlap (the text does not say they divide the total), so they may make more than it")
            } else if far {
                Some("the parts make more than 10 % more or less than the total: they may count something else than it")
            } else {
                None
            };
            let why = all.unwrap_or("");
            report(
                sink, par, from, s, figs, l, m, total, &parts, paren, &c, why, doubt,
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn report(
    sink: &mut Sink,
    par: &Paragraph,
    from: usize,
    s: &str,
    figs: &[Fig],
    l: &Listed,
    m: Measure,
    total: usize,
    parts: &[usize],
    paren: bool,
    c: &Column,
    why: &str,
    doubt: Option<&str>,
) {
    let decided = doubt.is_none();
    if decided {
        sink.checked(false);
    }
    let written = |k: usize| s[figs[k].start..figs[k].end].trim().to_string();
    let t = &figs[l.total];
    let unit = match m {
        Measure::Money(_) => s[t.num_end..t.end].trim().to_string(),
        Measure::Percent => "%".to_string(),
        Measure::Count(Some(n)) => n.to_string(),
        Measure::Count(None) => String::new(),
    };
    let of = |x: Decimal| {
        let x = x.round_dp(2).normalize();
        if unit.is_empty() {
            x.to_string()
        } else {
            format!("{x} {unit}")
        }
    };
    let listed: Vec<String> = parts.iter().map(|&k| written(k)).collect();
    let column = if paren {
        " (the figures in parentheses, another period's)"
    } else {
        ""
    };
    let reading = format!(
        "its parts{column} {} make {}, not {}",
        listed.join(" + "),
        of(c.made.nominal),
        of(c.said.nominal)
    );
    let phrase = s[l.span.0..l.span.1].trim();
    let counts = if c.exact {
        "; whole counts are exact as written"
    } else {
        ""
    };
    let mut involved: Vec<(&str, &Fig)> = vec![(s, &figs[total])];
    involved.extend(parts.iter().map(|&k| (s, &figs[k])));
    let note = super::approx::note(&involved);
    let message = match doubt {
        None => format!(
            "the text says \"{phrase}\", but {reading} ({why}, and every figure counts what the total counts{counts}{note})"
        ),
        Some(d) => format!("not decided: the text says \"{phrase}\", {reading}, but {d}"),
    };
    let (line, span) = par.span(from + l.span.0, from + l.span.1);
    super::prose::report_stated(
        sink,
        &RULE,
        decided,
        message,
        line,
        span,
        &super::prose::to_two_places(compare(c.made, c.said)),
    );
}

#[cfg(test)]
mod tests {
    use super::super::run_on_text;
    use crate::check::finding::Severity;
    use crate::check::registry::RuleCode;

    fn run(text: &str) -> (Vec<(Severity, String, String)>, u64, u64) {
        run_on_text(text, super::super::txt006::check, RuleCode::TXT006)
    }

    fn errors(text: &str) -> Vec<String> {
        run(text)
            .0
            .into_iter()
            .filter(|f| f.0 == Severity::Error)
            .map(|f| f.2)
            .collect()
    }

    #[test]
    fn a_divided_total_must_make_its_parts_each_column() {
        // Invented figures, the shape of a library's yearly report.
        let text = "Skolebiblioteket lånte ut 2.350 (2.410) bøker fordelt på 610 (640) fagbøker og 1.720 (1.770) skjønnlitteratur.\n";
        let (f, checked, failed) = run(text);
        assert_eq!((checked, failed), (2, 1), "{f:?}");
        let e = errors(text);
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].contains("610 + 1.720 make 2330"), "{}", e[0]);
        // The year before's column misses by one whole count.
        let e = errors("Skolebiblioteket lånte ut 2.350 (2.410) bøker fordelt på 610 (640) fagbøker og 1.740 (1.771) skjønnlitteratur.\n");
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(
            e[0].contains("parentheses") && e[0].contains("make 2411"),
            "{}",
            e[0]
        );
        let text = "Biblioteket lånte ut 517 medier, fordelt på 301 filmer, 180 lydbøker, 29 spill og 7 annet.\n";
        let (f, checked, failed) = run(text);
        assert!(f.is_empty(), "{f:?}");
        assert_eq!((checked, failed), (1, 0));
    }

    #[test]
    fn parts_summed_up_after_them_must_make_the_total() {
        let e = errors("Under året kom 40 512 besök till badet, 12 004 till biblioteket och 3 117 till museet, totalt 55 733.\n");
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].contains("make 55633"), "{}", e[0]);
        let e = errors("Íbúar þorpsins eru 412 karlar, 389 konur, alls 810.\n");
        assert_eq!(e.len(), 1, "{e:?}");
    }

    #[test]
    fn a_total_word_before_the_total_makes_the_parts_all_of_it() {
        let e =
            errors("Íbúar svæðisins eru samtals 5310, 5020 í sveitarfélaginu og 280 í hreppnum.\n");
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].contains("make 5300"), "{}", e[0]);
    }

    #[test]
    fn the_rest_named_makes_an_of_which_list_all_of_it() {
        let e = errors(
            "Anslaget är 80 mkr, varav 45 mkr till skolor och resterande 30 mkr till vård.\n",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].contains("rest"), "{}", e[0]);
        for text in [
            "I alt blev der brugt 12,5 mio. kr., heraf 7,5 mio. kr. til skoler og resten 4,0 mio. kr. til veje.\n",
            "Kunnalla on 108 työntekijää, joista 70 sivistystoimessa ja loput 30 teknisessä toimessa.\n",
        ] {
            let e = errors(text);
            assert_eq!(e.len(), 1, "{text}: {e:?}");
        }
        // "andra" (other, also second) is no rest word.
        let (f, _, failed) =
            run("Anslaget är 80 mkr, varav 45 mkr till skolor och 30 mkr till andra ändamål.\n");
        assert_eq!(failed, 0, "{f:?}");
        assert!(f.iter().all(|x| x.0 == Severity::Info), "{f:?}");
    }

    #[test]
    fn an_of_which_list_short_of_its_total_says_nothing() {
        for text in [
            "Alls komu 12.400 gestir í sundlaugar bæjarins árið 2020. Þar af komu 8.100 í Vesturlaug og 4.100 í Austurlaug.\n",
            "Kommunen har 2 140 anställda, varav 1 210 i skolan och 640 i vården.\n",
            "Av budgeten på 96 mkr går 40 mkr till skolor. Av dessa avser 22 mkr lokaler och 11 mkr lärare.\n",
        ] {
            let (f, checked, failed) = run(text);
            assert!(f.is_empty(), "{text}: {f:?}");
            assert_eq!((checked, failed), (0, 0), "{text}");
        }
    }

    #[test]
    fn of_which_parts_making_more_are_not_decided() {
        // Places may be nested; kinds may overlap: a varav list says neither.
        for text in [
            "Alls komu 12.400 gestir í sundlaugar bæjarins árið 2020. Þar af komu 8.400 í Vesturlaug og 4.100 í Austurlaug.\n",
            "Kommunen hade 1 250 platser, varav 700 i Norrby och 600 i Söderby.\n",
        ] {
            let (f, _, failed) = run(text);
            assert_eq!(failed, 0, "{text}: {f:?}");
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0].0, Severity::Info, "{text}");
            assert!(f[0].2.contains("may overlap"), "{}", f[0].2);
        }
    }

    #[test]
    fn a_pair_of_kinds_alone_is_all_of_the_total() {
        let e = errors("Föreningen har 230 medlemmar, varav 120 kvinnor och 95 män.\n");
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].contains("complementary"), "{}", e[0]);
        // More words narrow a part: not all of it.
        let e = errors(
            "Föreningen har 230 medlemmar, varav 120 kvinnor under 30 år och 95 män över 60 år.\n",
        );
        assert!(e.is_empty(), "{e:?}");
    }

    #[test]
    fn parts_that_may_overlap_or_differ_in_kind_stay_silent() {
        for text in [
            // Different dimensions: women and the young may overlap.
            "Kommunen har 300 anställda, varav 240 kvinnor och 80 under 25 år.\n",
            // Parts of different years.
            "Alls voru skráðir 61 420 manns árið 1950, en þar af 3 115 árið 1950 og 3 280 árið 1951.\n",
            // A count and money.
            "Der er behandlet 240 ansøgninger, hvoraf 96 ansøgninger er imødekommet med i alt 7.310 tkr.\n",
            // A second total inside the list.
            "Nú eru 64 sveitarfélög í landinu, þar af eru 6 á svæðinu og alls eru þau 14 í landshlutanum.\n",
            // Containers, not parts: far from the total.
            "Skolen har 1 210 elever fordelt på 45 klasser og 3 bygg.\n",
            // Rates, not parts.
            "Avgiften är 414 kr per invånare och 17 000 kr per kvadratkilometer, totalt 589,3 mnkr.\n",
            // Shares of what a percent counts, in the sentence after it.
            "Personalomsättningen var 9,7 procent. Av dessa avgångar utgör 25 procent pensionsavgångar och 68 procent avslut på egen begäran.\n",
            // An approximate part.
            "Totalt 900 platser, cirka 500 i norr och 380 i söder.\n",
        ] {
            let e = errors(text);
            assert!(e.is_empty(), "{text}: {e:?}");
        }
    }

    #[test]
    fn reads_holding_lists_in_every_language() {
        for text in [
            "Í sýslunni eru alls 130 sveitarfélög, þar af 12 bæir(höfuðstaðurinn meðtalinn) og 118 hreppar.\n",
            "Investeringarna uppgår totalt till 250 mkr, varav 150 mkr avser skolor, 60 mkr gator och 40 mkr VA.\n",
            "Kunnalla on 108 työntekijää, joista 70 sivistystoimessa, 24 teknisessä toimessa ja 14 muualla.\n",
            "I alt blev der brugt 12,5 mio. kr., heraf 7,5 mio. kr. til skoler og 5,0 mio. kr. til veje.\n",
            "Íbúar svæðisins eru samtals 5310, 5020 í sveitarfélaginu og 290 í hreppnum.\n",
            "Íbúar þorpsins eru 412 karlar, 389 konur, alls 801.\n",
        ] {
            let (f, checked, failed) = run(text);
            assert!(f.is_empty(), "{text}: {f:?}");
            assert_eq!((checked, failed), (1, 0), "{text}");
        }
    }
}
