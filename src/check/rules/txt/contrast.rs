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

use super::txt006::{is_year, Fig, Sent};
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

/// The side of a sentence cut at byte `cut` that names the earlier of its two figures by
/// the years it names: each side names exactly one year and the two differ (the smaller
/// is the earlier). `Some(true)` for the first side, `Some(false)` for the second.
fn earlier_by_years(s: &Sent, cut: usize, end: usize) -> Option<bool> {
    let years = |lo: usize, hi: usize| -> Vec<rust_decimal::Decimal> {
        s.figs
            .iter()
            .filter(|f| is_year(f) && f.start >= lo && f.end <= hi)
            .map(|f| f.value)
            .collect()
    };
    let (a, b) = (years(0, cut), years(cut, end));
    match (&a[..], &b[..]) {
        ([x], [y]) if x < y => Some(true),
        ([x], [y]) if x > y => Some(false),
        _ => None,
    }
}

/// A change told in the same sentence right after the two figures it sets against each
/// other, each side naming its own year: "Heildarfjöldi farþega árið 2019 var 48.250
/// TEU en var árið 2018 alls 51.600 TEU og samdrátturinn því um 6,9%". The sentence names
/// exactly three figures (years and dates aside): the two levels with a `contrast` word
/// between them, then, after at most five words without marks but a comma, the change;
/// among those words exactly one `rise` or `fall` noun or `up` or `down` verb (its sign),
/// the others `and`, `thus`, `had`, `by`, article or approximation words. The earlier
/// level is the side of the `contrast` word naming the smaller year (each side names
/// exactly one year), or, as for two sentences, the side naming the earlier period. After
/// a noun a `by_or_about` word ("samdrátturinn því um 6,9%", with no verb to change by)
/// may say "about": the change is then read as approximate.
fn read_in_one(k: usize, s: &Sent, vocab: &Vocabulary, out: &mut Vec<Read>) {
    let own = s.own();
    let [x, y, c] = own[..] else {
        return;
    };
    let (fx, fy, fc) = (&s.figs[x], &s.figs[y], &s.figs[c]);
    let ws = words(&s.text);
    // The levels are no changes ("en ökning med 20").
    for f in [fx, fy] {
        if let Some(w) = ws.iter().rev().find(|w| w.end <= f.start) {
            if is(vocab, "by", w) && s.text[w.end..f.start].trim().is_empty() {
                return;
            }
        }
    }
    let Some(cut) = ws
        .iter()
        .filter(|w| w.start >= fx.end && w.end <= fy.start)
        .find(|w| is(vocab, "contrast", w))
        .map(|w| w.start)
    else {
        return;
    };
    // Between the two levels no change word.
    let change = ["up", "down", "rise", "fall"];
    if ws
        .iter()
        .filter(|w| w.start >= fx.end && w.end <= fy.start)
        .any(|w| change.iter().any(|key| is(vocab, key, w)))
    {
        return;
    }
    // The change clause.
    let gap = &s.text[fy.end..fc.start];
    if gap.contains(['(', ')', ';', ':', '.']) {
        return;
    }
    let mut gw: Vec<&Word> = ws
        .iter()
        .filter(|w| w.start >= fy.end && w.end <= fc.start)
        .collect();
    // The noun both levels are written with ("48.250 TEU … 51.600 TEU og …").
    let noun_after = |f: &Fig| {
        ws.iter()
            .find(|w| w.start >= f.end)
            .map(|w| (w.start, &w.text))
    };
    if let (Some((at_x, nx)), Some((at_y, ny))) = (noun_after(fx), noun_after(fy)) {
        let tight = |f: &Fig, at: usize| s.text[f.end..at].trim().is_empty();
        if nx == ny
            && tight(fx, at_x)
            && tight(fy, at_y)
            && gw.first().is_some_and(|w| w.start == at_y)
        {
            gw.remove(0);
        }
    }
    if gw.is_empty() || gw.len() > 5 {
        return;
    }
    let mut sign = None;
    let mut noun = false;
    for w in &gw {
        let up = is(vocab, "up", w) || is(vocab, "rise", w);
        let down = is(vocab, "down", w) || is(vocab, "fall", w);
        if up || down {
            if sign.is_some() {
                return;
            }
            sign = Some(if up { 1 } else { -1 });
            noun = is(vocab, "rise", w) || is(vocab, "fall", w);
            continue;
        }
        let filler = ["and", "thus", "had", "by", "article", "by_or_about"]
            .iter()
            .any(|key| is(vocab, key, w))
            || vocab.has_word("approximations", "around", &w.text)
            || vocab.has_word("approximations", "bound", &w.text);
        if !filler {
            return;
        }
    }
    let Some(sign) = sign else {
        return;
    };
    // The order of the levels.
    let first = match earlier_by_years(s, cut, fy.end) {
        Some(f) => f,
        None => {
            let one = Sent {
                par: s.par,
                from: s.from,
                text: s.text[..fy.end].to_string(),
                figs: s.figs.iter().filter(|f| f.end <= fy.end).cloned().collect(),
            };
            match contrasted(&one, vocab) {
                Some((e, _)) => one.figs[e].start == fx.start,
                None => return,
            }
        }
    };
    let (e, l) = if first { (x, y) } else { (y, x) };
    let mut local = Sent {
        par: s.par,
        from: s.from,
        text: s.text.clone(),
        figs: s.figs.clone(),
    };
    if noun && gw.last().is_some_and(|w| is(vocab, "by_or_about", w)) {
        local.figs[c].around = true;
    }
    let local = [local];
    if let Some(mut r) = evaluate_change(&local, (0, e), (0, l), (0, c), sign, &[]) {
        r.at = (k, c);
        r.reason = "the sentence sets the two figures against each other, the earlier named by \
its year or period, and names the change between them after them";
        out.push(r);
    }
}

/// A change told first, then restated as its later level set against the earlier, in one
/// sentence: "Higartil hevur vøksturin í 2020 verið 9,6%, svarandi til at 44.113 ferðandi
/// komu og fóru í januar og februar mánaði 2020 í mun til 40.265 sama tíðarskeið í fjør".
/// The sentence names exactly three figures (years and dates aside): the change, after a
/// `rise` or `fall` noun or an `up` or `down` verb with at most three words between and no
/// mark; right after it, a comma at most, a `level_joins` phrase and at most one word more,
/// the later level; then words without marks or figures and an `against` phrase right
/// before the earlier level. The later level's side names its one year (a figure restating
/// the change, "eller 200 personer jämfört med 4 000 i fjol", names none), and the earlier
/// side the earlier period (a `previous` or `same_period` phrase, no year) or a smaller year.
fn read_change_first(k: usize, s: &Sent, vocab: &Vocabulary, out: &mut Vec<Read>) {
    let own = s.own();
    let [c, x, y] = own[..] else {
        return;
    };
    let (fc, fx, fy) = (&s.figs[c], &s.figs[x], &s.figs[y]);
    let ws = words(&s.text);
    // Before the change: its noun or verb.
    let before: Vec<&Word> = ws.iter().filter(|w| w.end <= fc.start).collect();
    let n = before.len();
    let Some(v) = (n.saturating_sub(4)..n).rev().find(|&i| {
        ["up", "down", "rise", "fall"]
            .iter()
            .any(|key| is(vocab, key, before[i]))
    }) else {
        return;
    };
    if s.text[before[v].end..fc.start].contains([',', ';', ':', '(', ')', '.', '%']) {
        return;
    }
    let sign = if is(vocab, "up", before[v]) || is(vocab, "rise", before[v]) {
        1
    } else {
        -1
    };
    // After the change: a joining phrase, at most one word, the later level.
    let gap = &s.text[fc.end..fx.start];
    if gap.contains([';', ':', '(', ')', '.']) {
        return;
    }
    let gw: Vec<String> = words(gap.trim_start().trim_start_matches(','))
        .into_iter()
        .map(|w| w.text)
        .collect();
    let joins = vocab
        .words(LIST, "level_joins")
        .iter()
        .filter_map(|p| {
            let pw: Vec<&str> = p.split_whitespace().collect();
            (!pw.is_empty() && pw.len() <= gw.len() && pw.iter().zip(&gw).all(|(a, b)| a == b))
                .then_some(pw.len())
        })
        .max();
    let Some(jn) = joins else {
        return;
    };
    if gw.len() > jn + 1 || gap.trim_start().trim_start_matches(',').contains(',') {
        return;
    }
    // Between the levels: words (years allowed), the `against` phrase last.
    let mid = &s.text[fx.end..fy.start];
    if mid.contains([',', ';', ':', '(', ')', '.']) {
        return;
    }
    let mw = words(mid);
    if mw.iter().any(|w| {
        ["up", "down", "rise", "fall", "contrast"]
            .iter()
            .any(|key| is(vocab, key, w))
    }) {
        return;
    }
    let against = phrases(vocab, "against", &mw);
    if !against.iter().any(|p| mid[p.1..].trim().is_empty()) {
        return;
    }
    let cut = fx.end
        + against
            .iter()
            .filter(|p| mid[p.1..].trim().is_empty())
            .map(|p| p.0)
            .min()
            .unwrap_or(0);
    let end = s.text.len();
    // The later level's side names its year ("… í januar og februar mánaði 2020 í mun til"):
    // a figure restating the change ("ökade med 5 procent eller 200 personer jämfört med
    // 4 000 i fjol") names none, and is no level.
    let later_side = (fx.end, cut);
    let earlier_side = (cut, end);
    let ws_in = |lo: usize, hi: usize| -> Vec<Word> {
        words(&s.text[lo..hi])
            .into_iter()
            .map(|w| Word {
                start: w.start + lo,
                end: w.end + lo,
                text: w.text,
            })
            .collect()
    };
    let year_in = |lo: usize, hi: usize| {
        s.figs
            .iter()
            .filter(|f| is_year(f) && f.start >= lo && f.end <= hi)
            .map(|f| f.value)
            .collect::<Vec<_>>()
    };
    let named_earlier = |(lo, hi): (usize, usize)| {
        let w = ws_in(lo, hi);
        !phrases(vocab, "previous", &w).is_empty() || !phrases(vocab, "same_period", &w).is_empty()
    };
    let (ly, ey) = (
        year_in(later_side.0, later_side.1),
        year_in(earlier_side.0, earlier_side.1),
    );
    let by_years = matches!((&ly[..], &ey[..]), ([a], [b]) if b < a);
    let by_period =
        named_earlier(earlier_side) && !named_earlier(later_side) && ey.is_empty() && ly.len() == 1;
    if !(by_years || by_period) {
        return;
    }
    let local = [Sent {
        par: s.par,
        from: s.from,
        text: s.text.clone(),
        figs: s.figs.clone(),
    }];
    if let Some(mut r) = evaluate_change(&local, (0, y), (0, x), (0, c), sign, &[]) {
        r.at = (k, c);
        r.reason = "the sentence restates the change as the later figure set against the \
earlier, the earlier named by its period or year";
        out.push(r);
    }
}

/// Every change read so, into `out`.
pub(super) fn read(
    near: &dyn Fn(usize, usize) -> bool,
    sents: &[Sent],
    vocab: &Vocabulary,
    out: &mut Vec<Read>,
) {
    for k in 0..sents.len() {
        read_in_one(k, &sents[k], vocab, out);
        read_change_first(k, &sents[k], vocab, out);
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
    fn a_change_after_its_two_levels_in_one_sentence() {
        // Each side names its own year: the smaller is the earlier, the base.
        let r = read_text(
            "Heildarfjöldi farþega árið 2019 var 48.250 en var árið 2018 alls 51.600 og samdrátturinn því 6,49%.",
        );
        assert_eq!(r, [("-6.49".into(), "-6.49".into(), false)]);
        let r = read_text(
            "Heildarfjöldi farþega árið 2019 var 48.250 en var árið 2018 alls 51.600 og samdrátturinn því 16,7%.",
        );
        assert_eq!(r, [("-6.49".into(), "-16.7".into(), true)]);
        // The noun both levels are written with may stand between the level and the change.
        let r = read_text(
            "Fjöldi skipa árið 2019 var 1.378 skip en var árið 2018 alls 1.474 skip og fækkunin því 96.",
        );
        assert_eq!(r, [("-96".into(), "-96".into(), false)]);
        // After a noun with no verb, "um" may say "about": widened as `around`.
        let r = read_text(
            "Heildarfjöldi farþega árið 2019 var 48.250 TEU en var árið 2018 alls 51.600 TEU og samdrátturinn því um 6,9%.",
        );
        assert_eq!(r.len(), 1, "{r:?}");
        assert!(!r[0].2, "{r:?}");
    }

    #[test]
    fn a_change_told_first_then_its_later_level_against_the_earlier() {
        let r = read_text(
            "Higartil hevur vøksturin í 2020 verið 9,6%, svarandi til at 44.113 ferðandi komu og fóru í januar og februar mánaði 2020 í mun til 40.265 sama tíðarskeið í fjør.",
        );
        assert_eq!(r, [("9.56".into(), "9.6".into(), false)]);
        let r = read_text(
            "Higartil hevur vøksturin í 2020 verið 19,6%, svarandi til at 44.113 ferðandi komu og fóru í januar og februar mánaði 2020 í mun til 40.265 sama tíðarskeið í fjør.",
        );
        assert_eq!(r, [("9.56".into(), "19.6".into(), true)]);
    }

    #[test]
    fn one_sentence_readings_need_the_order_and_the_clause() {
        for text in [
            // No year on either side and no period: which is the base is not told.
            "Fjöldinn var 48.250 en var alls 51.600 og samdrátturinn því 16,7%.",
            // Both sides name the same year.
            "Árið 2019 var fjöldinn 48.250 en var árið 2019 alls 51.600 og samdrátturinn því 16,7%.",
            // Another figure's word between the levels and the change.
            "Árið 2019 var fjöldinn 48.250 en var árið 2018 alls 51.600 og kostnaðurinn jókst um 16,7%.",
            // Another clause between: more than five words.
            "Árið 2019 var fjöldinn 48.250 en var árið 2018 alls 51.600 og þar sem hafnirnar voru lokaðar var samdrátturinn 16,7%.",
            // The later side names the earlier period too.
            "Vøksturin var 19,6%, svarandi til 44.113 í fjør í mun til 40.265 í fjør.",
            // No joining phrase after the change.
            "Vøksturin var 19,6% og 44.113 ferðandi komu í mun til 40.265 sama tíðarskeið í fjør.",
            // The figure after the joining word restates the change: its side names no year.
            "Antalet minskade med 6 procent eller 200 personer jämfört med 4 000 föregående år.",
        ] {
            let r = read_text(text);
            assert!(r.iter().all(|x| !x.2), "{text}: {r:?}");
        }
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
