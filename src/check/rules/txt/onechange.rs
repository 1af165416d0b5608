//! TXT007's reading of a change told in one sentence with both levels and the change, in
//! the wordings TXT006 does not read: "ökade från 1 200 till 1 380, eller med 15 procent",
//! "kasvoi 1 200:sta 1 380:een eli 15 prosenttia", "steg fra 1.200 til 1.380 svarende til
//! 15 pct.", "økt med 746 nye innbyggere, fra 59.288 innbyggere i 2020 til 60.034 innbyggere
//! i 2021", "fjölgaði íbúum … mest eða um 10,9% en íbúum þar fjölgaði úr 626 í 694 íbúa",
//! "faldt med 1.300 fra 111.600 til 110.300, svarende til et fald … på 0,1 procentpoint fra
//! 4,1 til 4,0 pct.".
//!
//! The levels: a `level_from` word right before the first (från, fra, úr; an approximation
//! word between allowed), and the second after at most four words (years aside, no mark)
//! ending in a `level_to` word (till, til, í); in Finnish the case endings written after a
//! colon, `level_from_case` on the first ("1 200:sta") and `level_to_case` on the second
//! ("1 380:een"), nothing but an approximation word between. The change is the figure right
//! after the second level or right before the first, no figure between:
//!   - after: a comma at most, a `level_joins` phrase (eller, eða, eli, svarende til,
//!     motsvarande), at most an article, a `rise` or `fall` noun and a `by` word, the change;
//!   - before: an `up` or `down` verb at most four words before a `by` word right before the
//!     change, then at most five words without figures or marks but a comma, and the
//!     `level_from` word; a second verb there must point the same way, and where a comma or
//!     a `contrast` word joins a second clause a word of the change's clause must come again
//!     (the same stem: "íbúum … en íbúum þar fjölgaði").
//!
//! All words are grammars/changes.vocab's. What TXT006 reads is left to it: the change right
//! before "från" with at most one word between, or "úr A í B eða um C", unless all three
//! figures are bare (TXT006 reads no change between figures without a unit). A change in
//! percent between two counts or amounts is (B − A)/A, in money or a count B − A (TXT007's
//! `evaluate_change`), in points between two percentages B − A; a change in percent between
//! two percentages may be either and is read only as holding when one holds (a miss is not
//! decided); a bare change between bare levels that misses as a difference but holds as a
//! percent is not decided. A verb pointing against the levels' order, a level in money
//! written bare after one in a scaled unit ("från 1,2 miljoner till 980 000"), a level
//! followed by a date's point, and a change figure used by two pairs are not read.

use super::contrast::{words, Word};
use super::txt006::{date_follows, figures, is_year, Fig, Kind, Sent, CHANGE_VERB_RE};
use super::txt007::{evaluate_change, same_stem, Read};
use crate::arith::Interval;
use crate::grammar::vocab::Vocabulary;
use rust_decimal::Decimal;

const LIST: &str = "changes";

fn is(vocab: &Vocabulary, key: &str, w: &str) -> bool {
    vocab.has_word(LIST, key, w)
}

fn approx_word(vocab: &Vocabulary, w: &str) -> bool {
    vocab.has_word("approximations", "around", w) || vocab.has_word("approximations", "bound", w)
}

/// The length in words of a phrase of `key` that `ws` starts with.
fn starts_with_phrase(vocab: &Vocabulary, key: &str, ws: &[&str]) -> Option<usize> {
    vocab
        .words(LIST, key)
        .iter()
        .filter_map(|p| {
            let pw: Vec<&str> = p.split_whitespace().collect();
            (!pw.is_empty() && pw.len() <= ws.len() && pw.iter().zip(ws).all(|(a, b)| a == b))
                .then_some(pw.len())
        })
        .max()
}

/// The Finnish case ending written after a colon right after the figure ("1 200:sta"):
/// the ending, lower case, and where it ends.
fn case_after(text: &str, f: &Fig) -> Option<(String, usize)> {
    let rest = text[f.num_end..].strip_prefix(':')?;
    let ending: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    (!ending.is_empty()).then(|| (ending.to_lowercase(), f.num_end + 1 + ending.len()))
}

/// The sentence's figures with the Finnish case endings after a colon read too (TXT006
/// leaves a figure glued to a colon out: "20:99" is a time): each such colon read as a
/// space, the text's length and offsets kept.
fn figures_with_cases(text: &str, vocab: &Vocabulary) -> Option<Vec<Fig>> {
    let bytes = text.as_bytes();
    let mut masked = text.to_string();
    let mut any = false;
    for (i, _) in text.match_indices(':') {
        let digit_before = i > 0 && bytes[i - 1].is_ascii_digit();
        let ending: String = text[i + 1..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        if digit_before
            && (is(vocab, "level_from_case", &ending) || is(vocab, "level_to_case", &ending))
        {
            masked.replace_range(i..i + 1, " ");
            any = true;
        }
    }
    if !any {
        return None;
    }
    let mut figs = figures(&masked);
    super::approx::read(text, &mut figs, vocab);
    Some(figs)
}

/// Whether the figure is a day of a date ("1. januar 2020").
fn date_day(text: &str, f: &Fig) -> bool {
    if !text[f.num_end..].starts_with('.') {
        return false;
    }
    let mut g = f.clone();
    g.end = f.num_end + 1;
    date_follows(text, &g)
}

/// The figures of the relation: not years, not days of dates.
fn own(text: &str, figs: &[Fig]) -> Vec<usize> {
    (0..figs.len())
        .filter(|&i| !is_year(&figs[i]) && !date_day(text, &figs[i]))
        .collect()
}

/// The two levels a sentence names, from the first to the second: indices into `figs`.
fn level_pairs(text: &str, figs: &[Fig], own: &[usize], vocab: &Vocabulary) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for w in own.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (fa, fb) = (&figs[a], &figs[b]);
        // Finnish: "1 200:sta 1 380:een", an approximation word between at most.
        if let (Some((ea, end_a)), Some((eb, _))) = (case_after(text, fa), case_after(text, fb)) {
            if is(vocab, "level_from_case", &ea) && is(vocab, "level_to_case", &eb) {
                let gap = words(&text[end_a..fb.start]);
                let clean = !text[end_a..fb.start].contains([',', ';', '.', '(', ')']);
                if clean && gap.iter().all(|x| approx_word(vocab, &x.text)) && gap.len() <= 1 {
                    out.push((a, b));
                }
            }
            continue;
        }
        // "från A (… years …) till B".
        let before = words(&text[..fa.start]);
        let mut k = before.len();
        while k > 0 && approx_word(vocab, &before[k - 1].text) && before.len() - k < 1 {
            k -= 1;
        }
        let from_word = k > 0
            && is(vocab, "level_from", &before[k - 1].text)
            && text[before[k - 1].end..fa.start]
                .chars()
                .all(|c| c.is_whitespace() || c.is_alphabetic());
        if !from_word {
            continue;
        }
        let gap = &text[fa.end..fb.start];
        if gap.contains([',', ';', '.', '(', ')', ':']) {
            continue;
        }
        let gw: Vec<Word> = words(gap);
        let mut m = gw.len();
        while m > 0 && approx_word(vocab, &gw[m - 1].text) {
            m -= 1;
        }
        // Between the levels nothing but words and years (a year a figure between).
        let between_ok = (a + 1..b).all(|i| is_year(&figs[i]));
        if between_ok && m > 0 && m <= 4 && is(vocab, "level_to", &gw[m - 1].text) {
            out.push((a, b));
        }
    }
    out
}

/// The sign of an `up` or `down` word or a `rise` or `fall` noun.
fn sign_word(vocab: &Vocabulary, w: &str) -> Option<i32> {
    if is(vocab, "up", w) || is(vocab, "rise", w) || is(vocab, "change_up", w) {
        Some(1)
    } else if is(vocab, "down", w) || is(vocab, "fall", w) || is(vocab, "change_down", w) {
        Some(-1)
    } else {
        None
    }
}

/// The change named after the second level: its index and the sign its noun gives (0
/// without one), or `None`.
fn change_after(
    text: &str,
    figs: &[Fig],
    own: &[usize],
    b: usize,
    vocab: &Vocabulary,
) -> Option<(usize, i32)> {
    let pos = own.iter().position(|&i| i == b)?;
    let c = *own.get(pos + 1)?;
    let fb = &figs[b];
    let end_b = case_after(text, fb).map_or(fb.end, |(_, e)| e.max(fb.end));
    let gap = &text[end_b..figs[c].start];
    if gap.contains([';', '.', '(', ')', ':']) || (b + 1..c).any(|i| !is_year(&figs[i])) {
        return None;
    }
    let t = gap.trim_start();
    let t = t.strip_prefix(',').unwrap_or(t);
    if t.contains(',') {
        return None;
    }
    let ws: Vec<String> = words(t).into_iter().map(|w| w.text).collect();
    let wr: Vec<&str> = ws.iter().map(String::as_str).collect();
    let n = starts_with_phrase(vocab, "level_joins", &wr)?;
    let mut rest = &wr[n..];
    // TXT006's ", vilket motsvarar en ökning med C".
    if wr[..n] == ["vilket", "motsvarar"] && rest.first().is_some_and(|w| is(vocab, "article", w)) {
        return None;
    }
    let mut sign = 0;
    if rest.first().is_some_and(|w| is(vocab, "article", w)) {
        rest = &rest[1..];
        let noun = rest.first()?;
        sign = sign_word(vocab, noun)?;
        rest = &rest[1..];
        if !rest.first().is_some_and(|w| is(vocab, "by", w)) {
            return None;
        }
        rest = &rest[1..];
    } else if let Some(s) = rest.first().and_then(|w| sign_word(vocab, w)) {
        // "eli kasvua 15 prosenttia"
        sign = s;
        rest = &rest[1..];
        if rest.first().is_some_and(|w| is(vocab, "by", w)) {
            rest = &rest[1..];
        }
    } else if rest.first().is_some_and(|w| is(vocab, "by", w)) {
        rest = &rest[1..];
    }
    if rest.iter().all(|w| approx_word(vocab, w)) && rest.len() <= 1 {
        Some((c, sign))
    } else {
        None
    }
}

/// The change named before the first level: its index, the sign of its verb or noun, and
/// whether TXT006 reads the wording (the change right before "från", at most one word
/// between, after a verb it knows, or before "úr").
fn change_before(
    text: &str,
    figs: &[Fig],
    own: &[usize],
    a: usize,
    vocab: &Vocabulary,
) -> Option<(usize, i32, bool)> {
    let pos = own.iter().position(|&i| i == a)?;
    let c = *own.get(pos.checked_sub(1)?)?;
    let fc = &figs[c];
    if (c + 1..a).any(|i| !is_year(&figs[i])) {
        return None;
    }
    // Before the change: a verb or noun (at most four words) BY (an approximation word).
    let before = words(&text[..fc.start]);
    let mut k = before.len();
    if k > 0 && approx_word(vocab, &before[k - 1].text) {
        k -= 1;
    }
    if k == 0 || !is(vocab, "by", &before[k - 1].text) {
        return None;
    }
    if !text[before[k - 1].end..fc.start]
        .chars()
        .all(|ch| ch.is_alphabetic() || ch.is_whitespace())
    {
        return None;
    }
    let by = k - 1;
    let lo = by.saturating_sub(5);
    let verb = (lo..by)
        .rev()
        .find(|&i| sign_word(vocab, &before[i].text).is_some())?;
    // No other figure between the verb and the change.
    if figs
        .iter()
        .any(|f| f.start >= before[verb].end && f.start < fc.start)
    {
        return None;
    }
    // A noun and an article right before `by`: TXT006's "en ökning med C …, från A till B".
    if by >= 2
        && sign_word(vocab, &before[by - 1].text).is_some()
        && is(vocab, "article", &before[by - 2].text)
    {
        return None;
    }
    let sign = sign_word(vocab, &before[verb].text)?;
    let clause: Vec<&str> = before[verb + 1..by]
        .iter()
        .map(|w| w.text.as_str())
        .collect();
    // Between the change and the first level.
    let gap = &text[fc.end..figs[a].start];
    if gap.contains([';', '.', '(', ')', ':']) {
        return None;
    }
    let gw = words(gap);
    let from = gw.last()?;
    if !is(vocab, "level_from", &from.text) {
        return None;
    }
    let mid = &gw[..gw.len() - 1];
    if mid.len() > 5 {
        return None;
    }
    let short = mid.len() <= 1 || (mid.len() == 2 && mid[1].text == "fór");
    let txt006 = short && (CHANGE_VERB_RE.is_match(&text[..fc.start]) || from.text == "úr");
    let joined = gap.contains(',') || mid.iter().any(|w| is(vocab, "contrast", &w.text));
    for w in mid {
        if let Some(s) = sign_word(vocab, &w.text) {
            if s != sign {
                return None;
            }
        }
    }
    if joined && mid.len() > 1 {
        let again = mid
            .iter()
            .any(|w| w.text.chars().count() >= 4 && clause.iter().any(|x| same_stem(x, &w.text)));
        let counted = matches!(figs[a].kind, Kind::Count(_));
        let no_contrast = mid.iter().all(|w| !is(vocab, "contrast", &w.text));
        if !(again || (counted && no_contrast)) {
            return None;
        }
    }
    Some((c, sign, txt006))
}

/// The sign of the last `up` or `down` verb in the clause before byte `at` (after the last
/// comma or mark), 0 without one.
fn verb_sign_before(text: &str, at: usize, vocab: &Vocabulary) -> i32 {
    let head = &text[..at];
    let from = head.rfind([',', ';', ':', '(', ')']).map_or(0, |p| p + 1);
    words(&head[from..])
        .iter()
        .rev()
        .find_map(|w| {
            (is(vocab, "up", &w.text) || is(vocab, "down", &w.text))
                .then(|| sign_word(vocab, &w.text))
                .flatten()
        })
        .unwrap_or(0)
}

/// The word written right after a bare figure (one space between: "10 kg"), lower case.
fn word_after(text: &str, f: &Fig) -> Option<String> {
    let rest = text[f.end..].strip_prefix(' ')?;
    let w: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    (!w.is_empty()).then(|| w.to_lowercase())
}

/// Whether the bare change `c` and the bare level `b` are of one measure: the change has no
/// word after it but a joining one, or the same word as the level ("med 10 kg, fra 271 kg
/// til 281 kg").
fn same_bare_measure(text: &str, fb: &Fig, fc: &Fig, vocab: &Vocabulary) -> bool {
    match word_after(text, fc) {
        None => true,
        Some(w) if is(vocab, "level_from", &w) || is(vocab, "level_to", &w) => true,
        Some(w) => word_after(text, fb).is_some_and(|x| x == w),
    }
}

/// Whether each of the three figures is a bare number.
fn all_bare(figs: &[Fig], ix: &[usize]) -> bool {
    ix.iter().all(|&i| figs[i].kind == Kind::Bare)
}

/// The two levels as percentages (the first may be written bare before the second's
/// unit), or `None`.
fn as_percentages(fa: &Fig, fb: &Fig) -> Option<(Interval, Interval)> {
    match (fa.kind, fb.kind) {
        (Kind::Percent | Kind::Bare, Kind::Percent) => Some((fa.interval(), fb.interval())),
        _ => None,
    }
}

/// Reads the changes told in one sentence with both levels: each read relation to `out`.
pub(super) fn read(sents: &[Sent], vocab: &Vocabulary, out: &mut Vec<Read>) {
    for (k, s) in sents.iter().enumerate() {
        let cased = figures_with_cases(&s.text, vocab);
        let figs: &[Fig] = cased.as_deref().unwrap_or(&s.figs);
        if figs.len() < 3 {
            continue;
        }
        let own = own(&s.text, figs);
        let pairs = level_pairs(&s.text, figs, &own, vocab);
        let mut used: Vec<usize> = Vec::new();
        let mut found: Vec<(usize, usize, usize, i32)> = Vec::new();
        for &(a, b) in &pairs {
            let after = change_after(&s.text, figs, &own, b, vocab);
            let before = change_before(&s.text, figs, &own, a, vocab);
            let (c, sign, short) = match (after, before) {
                (Some((c, 0)), None) => (c, verb_sign_before(&s.text, figs[a].start, vocab), false),
                (Some((c, sign)), None) => (c, sign, false),
                (None, Some(x)) => x,
                _ => continue,
            };
            // What TXT006 reads: the change right before "från" (one word between), or
            // "úr A í B eða um C", unless all three are bare.
            let icelandic_after = after.is_some()
                && words(&s.text[..figs[a].start])
                    .last()
                    .is_some_and(|w| w.text == "úr")
                && figs[c].kind != Kind::Percent;
            if (short || icelandic_after) && !all_bare(figs, &[a, b, c]) {
                continue;
            }
            if all_bare(figs, &[a, b, c]) && !same_bare_measure(&s.text, &figs[b], &figs[c], vocab)
            {
                continue;
            }
            if used.contains(&c) || pairs.iter().any(|&(x, y)| x == c || y == c) {
                found.retain(|f| f.2 != c);
                continue;
            }
            used.push(c);
            found.push((a, b, c, sign));
        }
        for (a, b, c, sign) in found {
            // The change figure as the sentence's own figure, for the finding.
            let Some(at) = s.figs.iter().position(|f| f.start == figs[c].start) else {
                continue;
            };
            if let Some(r) = evaluate(k, s, figs, (a, b, c), sign, at) {
                out.push(r);
            }
        }
    }
}

/// The relation of the change `c` between the levels `a` and `b` of sentence `k`.
fn evaluate(
    k: usize,
    s: &Sent,
    figs: &[Fig],
    (a, b, c): (usize, usize, usize),
    sign: i32,
    at: usize,
) -> Option<Read> {
    let (fa, fb, fc) = (&figs[a], &figs[b], &figs[c]);
    if [fa, fb, fc].iter().any(|f| f.value.is_sign_negative()) {
        return None;
    }
    // A level in a scaled unit, the other bare after it: the bare one's unit is not said.
    if matches!(fa.kind, Kind::Money(_)) && fb.kind == Kind::Bare {
        return None;
    }
    let text = &s.text;
    let written = |f: &Fig| text[f.start..f.end].trim().to_string();
    let note = super::approx::note(&[(text, fa), (text, fb), (text, fc)]);
    let reason = "the sentence names both levels, from and to, and the change between them";
    // Between two percentages.
    if let Some((ia, ib)) = as_percentages(fa, fb) {
        let points = ib.minus(ia);
        let made_sign = |m: Interval| {
            if m.lo > Decimal::ZERO {
                1
            } else if m.hi < Decimal::ZERO {
                -1
            } else {
                0
            }
        };
        if sign != 0 && made_sign(points) == -sign {
            return None;
        }
        let down = match sign {
            0 => points.nominal < Decimal::ZERO,
            x => x < 0,
        };
        let signed = |i: Interval| if down { i.negated() } else { i };
        let said = signed(fc.interval());
        let (made, doubt) = match fc.kind {
            Kind::Points => (points, None),
            Kind::Percent => {
                if ia.lo <= Decimal::ZERO {
                    return None;
                }
                let rel = ib
                    .divided_by(ia)?
                    .minus(Interval::exact(Decimal::ONE))
                    .scale(Decimal::ONE_HUNDRED);
                if points.meets(&said) {
                    (points, None)
                } else {
                    (
                        rel,
                        Some("a change in percent between two percentages may be the points or the relative change"),
                    )
                }
            }
            _ => return None,
        };
        let doubt =
            doubt
                .or(([fa, fb, fc].iter().any(|f| f.approx))
                    .then_some("a figure is called approximate"));
        let m = made.nominal.round_dp(2).normalize();
        return Some(Read {
            made,
            said,
            doubt,
            at: (k, at),
            reading: format!(
                "from {} to {} is a change of {m}, not {}",
                written(fa),
                written(fb),
                said.nominal.normalize()
            ),
            reason,
            note,
        });
    }
    // A verb against the levels' order: not read.
    if sign != 0 {
        let d = fb.interval().minus(fa.interval());
        if (sign > 0 && d.hi < Decimal::ZERO) || (sign < 0 && d.lo > Decimal::ZERO) {
            return None;
        }
    }
    let local = [Sent {
        par: s.par,
        from: s.from,
        text: s.text.clone(),
        figs: figs.to_vec(),
    }];
    let mut r = evaluate_change(&local, (0, a), (0, b), (0, c), 0, &[])?;
    r.at = (k, at);
    r.reason = reason;
    // A bare change between bare levels that holds as a percent: the unit is not said.
    if all_bare(figs, &[a, b, c]) && !r.made.meets(&r.said) && r.doubt.is_none() {
        let (ia, ib) = (fa.interval(), fb.interval());
        if ia.lo > Decimal::ZERO {
            if let Some(q) = ib.divided_by(ia) {
                let rel = q
                    .minus(Interval::exact(Decimal::ONE))
                    .scale(Decimal::ONE_HUNDRED);
                if rel.meets(&fc.interval()) || rel.meets(&fc.interval().negated()) {
                    r.doubt = Some("the change is written without a unit and may be a percent");
                }
            }
        }
    }
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::super::txt007::tests::sents_of;
    use super::*;

    fn read_text(text: &str) -> Vec<(String, String, bool)> {
        let sents = sents_of(text);
        let mut out = Vec::new();
        read(&sents, Vocabulary::builtin_shared(), &mut out);
        super::super::txt007::tests::summarised(&out)
    }

    #[test]
    fn levels_then_the_change_restated() {
        assert_eq!(
            read_text("Antalet ökade från 1 200 till 1 380, eller med 15 procent."),
            [("15".into(), "15".into(), false)]
        );
        assert_eq!(
            read_text("Antalet ökade från 1 200 till 1 380, eller med 12 procent."),
            [("15".into(), "12".into(), true)]
        );
        assert_eq!(
            read_text("Lainaus kasvoi 1 200:sta 1 380:een eli 15 prosenttia."),
            [("15".into(), "15".into(), false)]
        );
        assert_eq!(
            read_text("Lainaus kasvoi 1 200:sta 1 380:een eli 25 prosenttia."),
            [("15".into(), "25".into(), true)]
        );
        assert_eq!(
            read_text("Antallet steg fra 1.200 til 1.380 svarende til en stigning på 15 pct."),
            [("15".into(), "15".into(), false)]
        );
        assert_eq!(
            read_text("Íbúum fjölgaði úr 86 í 98 eða um 12."),
            [("12".into(), "12".into(), false)]
        );
    }

    #[test]
    fn the_change_then_the_levels() {
        assert_eq!(
            read_text("Folketallet har økt med 746 nye innbyggere, fra 59.288 innbyggere i 2020 til 60.034 innbyggere i 2021."),
            [("746".into(), "746".into(), false)]
        );
        assert_eq!(
            read_text("Folketallet har økt med 846 nye innbyggere, fra 59.288 innbyggere i 2020 til 60.034 innbyggere i 2021."),
            [("746".into(), "846".into(), true)]
        );
        assert_eq!(
            read_text("Þá fjölgaði íbúum hreppsins mest eða um 10,9% en íbúum þar fjölgaði úr 626 í 694 íbúa."),
            [("10.86".into(), "10.9".into(), false)]
        );
        // Two changes, each right before its own levels; points between percentages.
        assert_eq!(
            read_text("Fra marts til april faldt ledigheden med 1.300 fra 111.600 til 110.300, svarende til et fald i ledighedsprocenten på 0,1 procentpoint fra 4,1 til 4,0 pct. af arbejdsstyrken."),
            [
                ("-1300".into(), "-1300".into(), false),
                ("-0.1".into(), "-0.1".into(), false)
            ]
        );
    }

    #[test]
    fn uncertain_readings_are_not_read_or_not_decided() {
        // Percent between percentages: either reading may be meant.
        let r = read_text("Andelen ökade från 12 till 15 procent, eller med 40 procent.");
        assert_eq!(r.len(), 1);
        assert!(!r[0].2, "{r:?}");
        // A bare change that holds as a percent.
        let r = read_text("Antalet ökade med 15, från 1 200 till 1 380 i år jämfört med i fjol.");
        assert!(r.iter().all(|x| !x.2), "{r:?}");
        for text in [
            // Another quantity after a contrast word.
            "Intäkterna ökade med 5 procent, men kostnaderna ökade från 100 till 120 mnkr.",
            // A scaled level, the other bare.
            "Invånarna ökade från 1,2 miljoner till 980 000, eller med 5 procent.",
            // The verb against the levels' order.
            "Antalet minskade från 1 200 till 1 380, eller med 15 procent.",
            // TXT006's: one word between the change and "från", with units.
            "Antalet elever ökade med 15 procent, från 1 200 till 1 380 elever.",
            // Levels only.
            "Prosenttiluku nousi vuodessa 6,9:stä 7,7:ään.",
            // A bare change of another measure than the levels'.
            "Mengden har økt med 10 tonn, fra 271 kg til 281 kg.",
            // Years are no levels.
            "Kostnaden ökade från 2019 till 2020, eller med 5 procent.",
        ] {
            let r = read_text(text);
            assert!(r.iter().all(|x| !x.2), "{text}: {r:?}");
        }
        assert!(read_text(
            "Intäkterna ökade med 5 procent, men kostnaderna ökade från 100 till 120 mnkr."
        )
        .is_empty());
        assert!(
            read_text("Antalet minskade från 1 200 till 1 380, eller med 15 procent.").is_empty()
        );
        assert!(read_text("Mengden har økt med 10 tonn, fra 271 kg til 281 kg.").is_empty());
    }
}
