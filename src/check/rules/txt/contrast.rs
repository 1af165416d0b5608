//! TXT007's reading of a change stated in one sentence whose two figures the sentence right
//! before or after it sets against each other, the earlier named by its period:
//! "Gistinóttum á hótelum í júní fjölgaði um 16% miðað við sama mánuð í fyrra. Þær voru
//! 153.900 í júní síðastliðnum en voru 132.800 í sama mánuði árið 2006.", "Antalet besökare
//! var 5 137 mot 4 672 i fjol. Det är alltså en ökning med 10 procent jämfört med föregående
//! år."
//!
//! The change sentence names the change as its only figure (years and dates aside): after an
//! `up` or `down` verb and a `by` word ("fjölgaði um 16%", at most one word, a limit or an
//! approximation, between them and the figure, and at most three words between the verb and
//! `by`; a Finnish verb right before it: "kasvanut 661 prosenttia"), right before a `rise`
//! or `fall` noun ("11% aukningu"), or after one and a `by` word ("en ökning med 5
//! procent"); the verb or noun gives the sign. It names the earlier period it is against (a
//! `previous` phrase: "í fyrra", "milli ára", "föregående år", "edellisvuodesta"). The other
//! sentence names exactly two figures (years and dates aside) and no change word, a
//! `contrast` word between them ("en", "men", "mutta", "mot"), and exactly one side of that
//! word names the earlier period: a `previous` phrase where the sentence names no year ("i
//! fjor" is the year before the writing's, not before a year named), or a `same_period`
//! phrase and a year
//! where the other side names no year ("í sama mánuði árið 2006"); that side's figure is
//! the earlier, the base of a change in percent. The two sentences are one passage: the
//! figures' sentence, after the change, has a `refers` word ("Þær", "De") before its first
//! figure; the change's sentence, after the figures', has a `thus` or `refers` word ("því",
//! "alltså") before its figure; or a word of one shares a stem with a word of the other.
//! Every word list is grammars/changes.vocab. The change is then checked as TXT007's other
//! changes are (`evaluate_change`: both figures money or counts of one kind, a limit word
//! makes a miss not decided).

use super::txt006::{is_year, Sent};
use super::txt007::{evaluate_change, follows, same_stem, Read};
use crate::grammar::vocab::Vocabulary;

const LIST: &str = "changes";

/// A word of a text, lower case, with its byte range.
pub(super) struct Word {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: String,
}

/// The words of `text` (runs of letters), lower case.
pub(super) fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphabetic() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(Word {
                start: s,
                end: i,
                text: text[s..i].to_lowercase(),
            });
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: text.len(),
            text: text[s..].to_lowercase(),
        });
    }
    out
}

/// Whether `w` is one of the words of `key`.
fn is(vocab: &Vocabulary, key: &str, w: &Word) -> bool {
    vocab.has_word(LIST, key, &w.text)
}

/// The byte ranges where a phrase of `key` stands, word by word, in `ws`.
fn phrases(vocab: &Vocabulary, key: &str, ws: &[Word]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for p in vocab.words(LIST, key) {
        let pw: Vec<&str> = p.split_whitespace().collect();
        if pw.is_empty() || pw.len() > ws.len() {
            continue;
        }
        for i in 0..=ws.len() - pw.len() {
            if pw.iter().enumerate().all(|(j, w)| ws[i + j].text == *w) {
                out.push((ws[i].start, ws[i + pw.len() - 1].end));
            }
        }
    }
    out
}

/// The change a sentence states against the earlier period: its one figure and the sign
/// the verb or noun gives.
fn change_of(s: &Sent, vocab: &Vocabulary) -> Option<(usize, i32)> {
    let own = s.own();
    let [c] = own[..] else {
        return None;
    };
    let ws = words(&s.text);
    if phrases(vocab, "previous", &ws).is_empty() {
        return None;
    }
    let f = &s.figs[c];
    let before: Vec<&Word> = ws.iter().filter(|w| w.end <= f.start).collect();
    let sign_of = |w: &Word| {
        if is(vocab, "up", w) || is(vocab, "rise", w) {
            Some(1)
        } else if is(vocab, "down", w) || is(vocab, "fall", w) {
            Some(-1)
        } else {
            None
        }
    };
    // A noun right after the figure (its unit word aside): "11% aukningu".
    let after: Vec<&Word> = ws.iter().filter(|w| w.start >= f.end).take(1).collect();
    if let [w] = after[..] {
        if is(vocab, "rise", w) || is(vocab, "fall", w) {
            let between = &s.text[f.end..w.start];
            if between.trim().is_empty() {
                return sign_of(w).map(|x| (c, x));
            }
        }
    }
    // A `by` word right before the figure, or with one word between ("um rúm 12").
    let n = before.len();
    let by = (1..=2.min(n))
        .map(|d| n - d)
        .find(|&i| is(vocab, "by", before[i]));
    match by {
        Some(b) => {
            // The noun right before `by` ("en ökning med"), or a verb at most three
            // words before it ("fjölgaði um", "ökade intäkterna med").
            (b.saturating_sub(4)..b)
                .rev()
                .find_map(|i| {
                    let w = before[i];
                    let verb = is(vocab, "up", w) || is(vocab, "down", w);
                    let noun = i + 1 == b && (is(vocab, "rise", w) || is(vocab, "fall", w));
                    (verb || noun).then(|| sign_of(w)).flatten()
                })
                .map(|x| (c, x))
        }
        None => {
            // A verb right before the figure, or with one word between ("kasvanut 661").
            (n.saturating_sub(2)..n)
                .rev()
                .find_map(|i| {
                    let w = before[i];
                    (is(vocab, "up", w) || is(vocab, "down", w))
                        .then(|| sign_of(w))
                        .flatten()
                })
                .map(|x| (c, x))
        }
    }
}

/// The two figures a sentence sets against each other: (earlier, later).
fn contrasted(s: &Sent, vocab: &Vocabulary) -> Option<(usize, usize)> {
    let own = s.own();
    let [x, y] = own[..] else {
        return None;
    };
    let ws = words(&s.text);
    let change = ["up", "down", "rise", "fall"];
    if ws.iter().any(|w| change.iter().any(|k| is(vocab, k, w))) {
        return None;
    }
    let (fx, fy) = (&s.figs[x], &s.figs[y]);
    let cut = ws
        .iter()
        .filter(|w| w.start >= fx.end && w.end <= fy.start)
        .find(|w| is(vocab, "contrast", w))?
        .start;
    // Neither figure is a change ("en ökning med 20").
    for f in [fx, fy] {
        if let Some(w) = ws.iter().rev().find(|w| w.end <= f.start) {
            if is(vocab, "by", w) && s.text[w.end..f.start].trim().is_empty() {
                return None;
            }
        }
    }
    let previous = phrases(vocab, "previous", &ws);
    let same = phrases(vocab, "same_period", &ws);
    let year = |lo: usize, hi: usize| {
        s.figs
            .iter()
            .any(|f| is_year(f) && f.start >= lo && f.end <= hi)
    };
    let end = s.text.len();
    // "i fjol" is the year before the writing's, not before a year the sentence names
    // ("For 2019 er anslaget 243,1, mot 200 i fjor"): with a year named, only "the same
    // month" and a year on one side, no year on the other, tell the order.
    let any_year = s.figs.iter().any(is_year);
    let earlier_side = |lo: usize, hi: usize, other: (usize, usize)| {
        (!any_year && previous.iter().any(|p| p.0 >= lo && p.1 <= hi))
            || (same.iter().any(|p| p.0 >= lo && p.1 <= hi)
                && year(lo, hi)
                && !year(other.0, other.1))
    };
    let first = earlier_side(0, cut, (cut, end));
    let second = earlier_side(cut, end, (0, cut));
    match (first, second) {
        (true, false) => Some((x, y)),
        (false, true) => Some((y, x)),
        _ => None,
    }
}

/// Whether the sentences `a` and `b` (`b` right after `a`) are one passage about one
/// quantity: `b` points back with `keys` before `at` (its figure), or the two share a
/// noun's stem.
fn linked(a: &Sent, b: &Sent, at: usize, keys: &[&str], vocab: &Vocabulary) -> bool {
    let wb = words(&b.text);
    if wb
        .iter()
        .filter(|w| w.end <= at)
        .any(|w| keys.iter().any(|k| is(vocab, k, w)))
    {
        return true;
    }
    let wa = words(&a.text);
    let long = |w: &&Word| w.text.chars().count() >= 5;
    wa.iter()
        .filter(long)
        .any(|x| wb.iter().filter(long).any(|y| same_stem(&x.text, &y.text)))
}

/// Every change read so, into `out`.
pub(super) fn read(
    near: &dyn Fn(usize, usize) -> bool,
    sents: &[Sent],
    vocab: &Vocabulary,
    out: &mut Vec<Read>,
) {
    for k in 0..sents.len() {
        let Some((c, sign)) = change_of(&sents[k], vocab) else {
            continue;
        };
        let mut found = None;
        if k + 1 < sents.len() && follows(near, sents, k, k + 1) {
            let f = &sents[k + 1];
            if let Some((e, l)) = contrasted(f, vocab) {
                let first = f.figs[e].start.min(f.figs[l].start);
                if linked(&sents[k], f, first, &["refers"], vocab) {
                    found = Some(((k + 1, e), (k + 1, l)));
                }
            }
        }
        if found.is_none() && k >= 1 && follows(near, sents, k - 1, k) {
            let f = &sents[k - 1];
            if let Some((e, l)) = contrasted(f, vocab) {
                let at = sents[k].figs[c].start;
                if linked(f, &sents[k], at, &["thus", "refers"], vocab) {
                    found = Some(((k - 1, e), (k - 1, l)));
                }
            }
        }
        let Some((earlier, later)) = found else {
            continue;
        };
        if let Some(mut r) = evaluate_change(sents, earlier, later, (k, c), sign, &[]) {
            r.reason = "the sentence beside it sets the two figures against each other, the \
earlier named by its period";
            out.push(r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the text states, as (made, said, decided miss) nominal values.
    fn read_text(text: &str) -> Vec<(String, String, bool)> {
        let vocab = Vocabulary::builtin_shared();
        let sents = super::super::txt007::tests::sents_of(text);
        let mut out = Vec::new();
        read(&|_, _| true, &sents, vocab, &mut out);
        super::super::txt007::tests::summarised(&out)
    }

    #[test]
    fn a_change_and_its_figures_set_against_each_other_after_it() {
        let r = read_text(
            "Gistinóttum á hótelum í júní fjölgaði um 16% miðað við sama mánuð í fyrra. Þær voru 153.900 í júní síðastliðnum en voru 132.800 í sama mánuði árið 2006.",
        );
        assert_eq!(r, [("15.89".into(), "16".into(), false)]);
        let r = read_text(
            "Gistinóttum á hótelum í júní fjölgaði um 12% miðað við sama mánuð í fyrra. Þær voru 153.900 í júní síðastliðnum en voru 132.800 í sama mánuði árið 2006.",
        );
        assert_eq!(r, [("15.89".into(), "12".into(), true)]);
    }

    #[test]
    fn a_change_after_its_figures_pointing_back() {
        let r = read_text(
            "Á árinu komu 8.200 gestir á safnið en árið áður voru gestir 7.400 talsins. Er því um 11% aukningu að ræða frá fyrra ári.",
        );
        assert_eq!(r, [("10.81".into(), "11".into(), false)]);
        let r = read_text(
            "Antalet besökare var 5 137 mot 4 672 i fjol. Det är alltså en ökning med 15 procent jämfört med föregående år.",
        );
        assert_eq!(r, [("9.95".into(), "15".into(), true)]);
    }

    #[test]
    fn not_read_without_certain_terms() {
        // The second figure is a change, not a level.
        assert!(read_text(
            "Intäkterna ökade med 20 procent jämfört med i fjol. De var 120 mnkr, en ökning med 20 mnkr jämfört med i fjol."
        )
        .is_empty());
        // Both sides name the earlier period, or neither: which is the base is not told.
        assert!(read_text(
            "Antalet ökade med 10 procent jämfört med i fjol. De var 120 i fjol men 100 i fjol."
        )
        .is_empty());
        assert!(read_text(
            "Antalet ökade med 10 procent jämfört med i fjol. De var 120 i Malmö men 100 i Lund."
        )
        .is_empty());
        // A year named beside "i fjor": the year before which year is not told.
        assert!(read_text(
            "Skatteinntektene for 2018 er forventet å bli 240,4 mill. kroner. For 2019 er anslaget 243,1 mill. kroner, mot 200 mill. kroner i fjor. Dette er en økning på 1,3 % fra året før."
        )
        .is_empty());
        // No link between the sentences: another quantity.
        assert!(read_text(
            "Antalet gäster ökade med 10 procent jämfört med i fjol. Kostnaderna blev 120 mnkr men 100 mnkr i fjol."
        )
        .is_empty());
        // Percentages set against each other: points or percent, not read.
        assert!(read_text(
            "Andelen ökade med 10 procent jämfört med i fjol. Den var 45 % men 40 % i fjol."
        )
        .is_empty());
    }
}
