//! TXT007's reading of a share or ratio stated in prose whose two terms the sentences before
//! it state: "Tekjur A hluta … urðu 1.448 m.kr. … Skuldir og skuldbindingar A hluta voru í
//! árslok 1.958 m.kr … Sem hlutfall af tekjum voru skuldir A hluta 136%", "Veltufé frá rekstri
//! nam 671 mkr. eða 21.5% af tekjum" after "Rekstrartekjur A og B hluta námu 3.114 mkr.".
//!
//! The percent names its base right after it ("152% af tekjum", "prosent av
//! driftsinntektene") or in a phrase before it ("sem hlutfall af tekjum", "i prosent av");
//! its numerator is either the money figure right before it ("671 mkr. eða 21.5%") or a
//! noun of its clause ("skuldir A hluta", "Skuldahlutfall samstæðunnar"). Each noun's figure
//! is looked up in the sentences before it in the passage, where a figure stands after its
//! subject and a verb of being ("urðu", "námu", "uppgick till", "utgjorde"). A term is used
//! only where it is the one figure for that noun and entity (A-hluti or samstæða, kommunen
//! or koncernen) in the passage, its sentence and the next hold no other money figure whose
//! role is unread, and its period is not another year's: otherwise nothing is read.

use super::txt006::{is_year, same_stem, Fig, Kind, Sent};
use super::txt007::Read;
use crate::arith::Interval;
use crate::grammar::re::Re;
use crate::grammar::vocab::Vocabulary;
use rust_decimal::Decimal;

/// Money units the shared figure reader leaves bare (Icelandic, Finnish), with their scale.
const EXTRA_UNIT: &str = r"(?i)^\s?(m\.\s?kr|mkr|ma\.\s?kr|millj\.\s?kr|milljón\p{L}*|milljarð\p{L}*|milljörð\p{L}*|þús\.\s?kr|þúsund\s+kr\p{L}*|milj\.\s?(?:euroa|€)|miljoonaa(?:\s+euroa)?|miljardia(?:\s+euroa)?|m€)\.?(?:[^\p{L}]|$)";

/// A verb of being right before a figure, with up to three words of time or place between
/// ("voru í árslok", "uppgick till", "námu samtals"): the figure is its subject's level.
const COPULA: &str = r"(?i)(?:^|[^\p{L}])(urðu|varð|voru|var|nam|námu|nemur|nema|er|eru|uppgick\s+till|uppgår\s+till|uppgick|uppgår|utgjorde|utgör|utgjør|utgjorde|udgjorde|udgør|beløb\s+sig\s+til|beløber\s+sig\s+til|ble\s+på|var\s+på|er\s+på|ble|blev|oli|olivat|landade\s+på|hamnade\s+på|endte\s+på)((?:\s+[\p{L}.]+){0,3}?)\s*$";

/// A change or a starting point right before a figure: "jukust um", "ökade med", "úr 138".
const CHANGE_BEFORE: &str = r"(?i)(?:^|[^\p{L}])(um|með|med|by|úr|från|fra|frå|from)\s+(?:(?:nærri|tæplega|rúmlega|ca\.?|drygt|knappt|cirka)\s+)?$";

/// A comparison right after a figure: "104 m.kr. hærri en árið áður".
const COMPARED_AFTER: &str = r"(?i)^\s*(?:[\p{L}.]+\s+)?(hærri|lægri|meiri|minni|betri|verri|högre|lägre|mer|mindre|bättre|sämre|høyere|lavere|mere|bedre|dårligere|større|hækkun|lækkun|ökning|minskning|økning|nedgang)(?:[^\p{L}]|$)";

/// Another year right after a figure: "2.893 mkr. árið 2018", "43 m.kr. árið áður",
/// "438 þúsund krónur að meðaltali í fyrra".
const OTHER_PERIOD: &str = r"(?i)^[^.;]{0,30}?(?:árið\s+áður|í\s+fyrra|året\s+innan|föregående\s+år|förra\s+året|i\s+fjol|i\s+fjor|året\s+før|sidste\s+år|edellisvuonna)";

/// The base right after the percent: "152% af tekjum", "prosent av driftsinntektene".
const BASE_AFTER: &str = r"(?i)^\s*(?:af|av|of)\s+((?:\p{L}+\s+){0,2}?\p{L}+)";

/// The base named before the percent: "Sem hlutfall af tekjum voru skuldir A hluta 136%".
const BASE_BEFORE: &str = r"(?i)(?:^|[^\p{L}])(?:sem\s+hlutfall|í\s+hlutfalli|i\s+prosent|i\s+procent|som\s+andel|som\s+procent|som\s+prosent|i\s+forhold\s+til)\s+(?:af|av|of|við)\s+(\p{L}+)";

/// Words between the numerator's figure and the percent: "671 mkr. eða 21.5%".
const JOIN: &str = r"(?i)^\s*\.?\s*,?\s*(?:\(|eða|eller|ella|vilket\s+motsvarar|vilket\s+utgör|som\s+motsvarar|som\s+utgör|som\s+utgjør|som\s+tilsvarer|hvilket\s+tilsvarer|svarende\s+til|hvilket\s+svarer\s+til|sem\s+er|sem\s+samsvarar|mikä\s+on|eli)?\s*$";

/// The list of grammars/ratios.vocab these words are in.
const WORDS: &str = "ratios";

/// Whether lower-case `word` is one of the words of `key` in grammars/ratios.vocab.
fn listed(v: &Vocabulary, key: &str, word: &str) -> bool {
    v.has_word(WORDS, key, word)
}

/// Whether a text names an adjustment of its quantity (grammars/ratios.vocab `adjusted`).
fn adjusted(text: &str, v: &Vocabulary) -> bool {
    text.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        listed(v, "adjusted", &w)
    })
}

/// Whether the word right before byte `at` makes the figure there a limit.
fn bound_before(text: &str, at: usize, v: &Vocabulary) -> bool {
    let w = text[..at]
        .split_whitespace()
        .last()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    listed(v, "bound", &w)
}

static EXTRA_UNIT_RE: Re = Re::new(EXTRA_UNIT);
static COPULA_RE: Re = Re::new(COPULA);
static CHANGE_BEFORE_RE: Re = Re::new(CHANGE_BEFORE);
static COMPARED_AFTER_RE: Re = Re::new(COMPARED_AFTER);
static OTHER_PERIOD_RE: Re = Re::new(OTHER_PERIOD);
static BASE_AFTER_RE: Re = Re::new(BASE_AFTER);
static BASE_BEFORE_RE: Re = Re::new(BASE_BEFORE);
static JOIN_RE: Re = Re::new(JOIN);

/// Which body a clause is about: the A-part (bæjarsjóður, A-hluti, kommunekassen) or the
/// whole group (samstæða, A og B hluti, koncernen, konsernet).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Entity {
    A,
    Group,
}

/// The entities a text names (lower case): none, one, or both.
fn entities(text: &str, v: &Vocabulary) -> Vec<Entity> {
    let mut t = text.to_lowercase();
    let mut out = Vec::new();
    for w in v.words(WORDS, "group") {
        if t.contains(w) {
            if !out.contains(&Entity::Group) {
                out.push(Entity::Group);
            }
            t = t.replace(w, " ");
        }
    }
    for w in v.words(WORDS, "a_part") {
        let hit = t.match_indices(w.as_str()).any(|(at, _)| {
            t[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        });
        if hit && !out.contains(&Entity::A) {
            out.push(Entity::A);
        }
    }
    out
}

/// Whether a word names an entity rather than a quantity.
fn entity_word(w: &str, v: &Vocabulary) -> bool {
    v.words(WORDS, "entity_words")
        .iter()
        .any(|p| w.starts_with(p.as_str()))
}

/// The words of a clause that may name a quantity, lower case, in order.
fn content_words(text: &str, v: &Vocabulary) -> Vec<String> {
    let mut depth = 0i32;
    let mut out = Vec::new();
    for raw in text.split_whitespace() {
        let opens = raw.matches('(').count() as i32;
        let closes = raw.matches(')').count() as i32;
        let inside = depth > 0 || opens > 0;
        depth = (depth + opens - closes).max(0);
        if inside {
            continue;
        }
        let w = raw
            .trim_matches(|c: char| !c.is_alphabetic())
            .to_lowercase();
        if w.chars().count() < 4
            || !w.chars().all(char::is_alphabetic)
            || listed(v, "stop", &w)
            || entity_word(&w, v)
        {
            continue;
        }
        out.push(w);
    }
    out
}

/// A word without a prefix saying "all of it".
fn core<'w>(w: &'w str, v: &Vocabulary) -> &'w str {
    for p in v.words(WORDS, "whole") {
        if let Some(rest) = w.strip_prefix(p.as_str()) {
            if rest.chars().count() >= 4 {
                return rest;
            }
        }
    }
    w
}

/// Whether two words name the same quantity.
fn names(x: &str, y: &str, v: &Vocabulary) -> bool {
    let (a, b) = (core(x, v), core(y, v));
    a == b || same_stem(a, b)
}

/// A word naming a ratio with its quantity's stem ("skuldahlutfall" → "skulda").
fn numerator_stem(w: &str, v: &Vocabulary) -> Option<String> {
    for end in v.words(WORDS, "ratio_ends") {
        if let Some(stem) = w.strip_suffix(end.as_str()) {
            if stem.chars().count() >= 4 {
                return Some(stem.to_string());
            }
        }
    }
    None
}

/// A money figure of the sentence in kronor (kroner, krónur, euro) per unit written, and
/// where its unit ends.
fn money(s: &Sent, i: usize) -> Option<(Decimal, usize)> {
    let f = &s.figs[i];
    match f.kind {
        Kind::Money(scale) => Some((scale, f.end)),
        Kind::Bare => {
            let cap = EXTRA_UNIT_RE.captures(&s.text[f.num_end..])?;
            let unit = cap.get(1)?;
            let word = unit.as_str().to_lowercase();
            let scale = if word.starts_with("ma.")
                || word.starts_with("milljarð")
                || word.starts_with("milljörð")
                || word.starts_with("miljardia")
            {
                Decimal::from(1_000_000_000)
            } else if word.starts_with("þús") {
                Decimal::from(1_000)
            } else {
                Decimal::from(1_000_000)
            };
            let mut end = f.num_end + unit.end();
            if s.text[end..].starts_with('.') {
                end += 1;
            }
            Some((scale, end))
        }
        _ => None,
    }
}

/// A figure's role in its sentence, as the ratio reading needs it.
#[derive(Clone, Debug)]
enum Role {
    /// The level of a quantity: its first naming word, its entity, its value in kronor.
    Term {
        head: String,
        entity: Option<Entity>,
        value: Interval,
        approx: bool,
        year: Option<Decimal>,
    },
    /// A change, a comparison, a starting point or another year's figure.
    Settled,
    /// A money figure whose role the reading does not know; `bare` when its clause names no
    /// quantity of its own or points back with a pronoun ("og fari við það í 464 þúsund").
    Loose { bare: bool },
}

/// A loose figure's role, from the words of its clause.
fn loose(gap: &str, v: &Vocabulary) -> Role {
    let words: Vec<String> = gap
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .collect();
    let bare = content_words(gap, v).is_empty() || words.iter().any(|w| listed(v, "pronouns", w));
    Role::Loose { bare }
}

/// The year written right after figure `i` (within a few words), if any.
fn year_after(s: &Sent, end: usize) -> Option<Decimal> {
    s.figs
        .iter()
        .filter(|y| is_year(y) && y.start >= end && y.start <= end + 30)
        .map(|y| y.value)
        .next()
}

/// The entity named right after a figure ("2.460 m.kr. fyrir alla samstæðuna").
fn entity_after(after: &str, v: &Vocabulary) -> Option<Entity> {
    let t: String = after.chars().take(40).collect::<String>().to_lowercase();
    let t = t.trim_start_matches(|c: char| c == '.' || c.is_whitespace());
    let starts = |key: &str| {
        v.words(WORDS, key)
            .iter()
            .any(|p| t.starts_with(p.as_str()))
    };
    if starts("group_after") {
        Some(Entity::Group)
    } else if starts("a_part_after") {
        Some(Entity::A)
    } else {
        None
    }
}

/// The roles of every money figure of a sentence, by figure index.
fn roles(s: &Sent, v: &Vocabulary) -> Vec<(usize, Role)> {
    let mut out: Vec<(usize, Role)> = Vec::new();
    let mut prev_end = 0usize;
    for i in 0..s.figs.len() {
        let f = &s.figs[i];
        let Some((scale, end)) = money(s, i) else {
            prev_end = prev_end.max(f.end);
            continue;
        };
        let gap = &s.text[prev_end.min(f.start)..f.start];
        let after = &s.text[end..];
        let value = f.interval().scale(scale);
        let limit = f.approx || f.around || bound_before(&s.text, f.start, v);
        let role = if CHANGE_BEFORE_RE.is_match(gap) || COMPARED_AFTER_RE.is_match(after) {
            Role::Settled
        } else if let Some(c) = COPULA_RE.captures(gap) {
            let (Some(verb), qual) = (c.get(1), c.get(2).map_or("", |m| m.as_str())) else {
                continue;
            };
            let latest = s.figs.iter().filter(|y| is_year(y)).map(|y| y.value).max();
            let year = year_after(s, end);
            let other = OTHER_PERIOD_RE.is_match(after)
                || year.is_some_and(|y| latest.is_some_and(|l| y < l))
                || v.words(WORDS, "earlier_year")
                    .iter()
                    .any(|w| qual.to_lowercase().contains(w.as_str()));
            // The subject: back to the clause's start (a comma, a semicolon, "en", "men").
            let head_text = &gap[..verb.start()];
            let cut = clause_start(head_text, "subject_breaks", v);
            let subject = &head_text[cut..];
            let words = content_words(subject, v);
            match words.first() {
                _ if other => Role::Settled,
                Some(head) => {
                    let named = entities(subject, v);
                    let entity = match (named.as_slice(), entity_after(after, v)) {
                        (_, Some(e)) => Some(e),
                        ([e], None) => Some(*e),
                        ([], None) => None,
                        _ => {
                            out.push((i, Role::Loose { bare: false }));
                            prev_end = end;
                            continue;
                        }
                    };
                    Role::Term {
                        head: head.clone(),
                        entity,
                        value,
                        approx: limit || adjusted(subject, v),
                        year,
                    }
                }
                // The same subject's figure of a year it names ("en voru 2.432 mkr. árið
                // 2018"): another period's.
                None if year.is_some() => Role::Settled,
                None => loose(gap, v),
            }
        } else if OTHER_PERIOD_RE.is_match(after) {
            Role::Settled
        } else {
            // A second figure of the same subject for another entity: "1.958 m.kr og 2.460
            // m.kr. fyrir alla samstæðuna".
            let listed = matches!(
                gap.trim().to_lowercase().as_str(),
                "og" | "och" | "," | "ja"
            );
            match (out.last(), entity_after(after, v)) {
                (
                    Some((
                        _,
                        Role::Term {
                            head, entity, year, ..
                        },
                    )),
                    Some(e),
                ) if listed && *entity != Some(e) => Role::Term {
                    head: head.clone(),
                    entity: Some(e),
                    value,
                    approx: limit,
                    year: *year,
                },
                _ => loose(gap, v),
            }
        };
        out.push((i, role));
        prev_end = end;
    }
    out
}

/// A term found in the passage: the sentence, its head word, entity and value.
#[derive(Clone, Debug)]
struct Found {
    sent: usize,
    fig: usize,
    head: String,
    entity: Option<Entity>,
    value: Interval,
    approx: bool,
    year: Option<Decimal>,
}

/// The one term the passage gives for `noun` (and the entity wanted), if exactly one.
fn unique(
    terms: &[Found],
    wanted: impl Fn(&str) -> bool,
    entity: Option<Entity>,
) -> Option<&Found> {
    let named: Vec<&Found> = terms.iter().filter(|t| wanted(&t.head)).collect();
    let fitting: Vec<&Found> = match entity {
        Some(e) => {
            let exact: Vec<&Found> = named
                .iter()
                .copied()
                .filter(|t| t.entity == Some(e))
                .collect();
            if exact.is_empty() {
                named
                    .iter()
                    .copied()
                    .filter(|t| t.entity.is_none())
                    .collect()
            } else {
                exact
            }
        }
        None => named,
    };
    match fitting.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// The ratios of the passage and the terms they are made of.
pub(super) fn read(
    near: &dyn Fn(usize, usize) -> bool,
    sents: &[Sent],
    v: &Vocabulary,
    out: &mut Vec<Read>,
) {
    let all_roles: Vec<Vec<(usize, Role)>> = sents.iter().map(|s| roles(s, v)).collect();
    for k in 0..sents.len() {
        let s = &sents[k];
        for (i, p) in s.figs.iter().enumerate() {
            if p.kind != Kind::Percent && !percent_word(s, p, v) {
                continue;
            }
            if let Some(r) = read_one(near, sents, &all_roles, k, i, v) {
                out.push(r);
            }
        }
    }
}

/// A bare figure followed by a word for percent (grammars/ratios.vocab `percent_words`).
fn percent_word(s: &Sent, p: &Fig, v: &Vocabulary) -> bool {
    p.kind == Kind::Bare && {
        let words = v.words(WORDS, "percent_words");
        let longest = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
        let t = super::prose::lower_prefix(s.text[p.num_end..].trim_start(), longest);
        words.iter().any(|w| t.starts_with(w.as_str()))
    }
}

/// Where the clause ending `text` starts: after its last ", ", "; ", ": " or a word of
/// grammars/ratios.vocab `key` between spaces.
fn clause_start(text: &str, key: &str, v: &Vocabulary) -> usize {
    let words = v.words(WORDS, key).iter().map(|w| format!(" {w} "));
    [", ", "; ", ": "]
        .into_iter()
        .map(str::to_string)
        .chain(words)
        .filter_map(|p| text.rfind(p.as_str()).map(|at| at + p.len()))
        .max()
        .unwrap_or(0)
}

fn read_one(
    near: &dyn Fn(usize, usize) -> bool,
    sents: &[Sent],
    all_roles: &[Vec<(usize, Role)>],
    k: usize,
    i: usize,
    v: &Vocabulary,
) -> Option<Read> {
    let s = &sents[k];
    let p = &s.figs[i];
    let after = &s.text[p.end..];
    // The base: after the percent, or in a phrase before it with no percent between.
    let (base_word, numerator_from, numerator_to) = if let Some(c) = BASE_AFTER_RE.captures(after) {
        let words: Vec<String> = c
            .get(1)?
            .as_str()
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let w = words.iter().find(|w| !listed(v, "base_skip", w))?.clone();
        let from = s.figs[..i].iter().map(|f| f.end).max().unwrap_or(0);
        (w, from, p.start)
    } else {
        let head = &s.text[..p.start];
        let c = BASE_BEFORE_RE.captures_iter(head).last()?;
        let phrase = c.get(0)?;
        // No other figure between the phrase and the percent.
        if s.figs[..i].iter().any(|f| f.start >= phrase.end()) {
            return None;
        }
        (c.get(1)?.as_str().to_lowercase(), phrase.end(), p.start)
    };
    if base_word.chars().count() < 4 || listed(v, "stop", &base_word) {
        return None;
    }
    let clause = &s.text[numerator_from.min(numerator_to)..numerator_to];
    let ratio_entities = entities(&s.text, v);
    let entity = match ratio_entities.as_slice() {
        [] => None,
        [e] => Some(*e),
        _ => return None,
    };
    // The passage before it: the sentences of its paragraph and of the neighbouring
    // paragraphs before it, at most ten.
    let mut first = k;
    while first > 0 && k - first < 10 {
        let (x, y) = (&sents[first - 1], &sents[first]);
        if x.par == y.par || (y.par == x.par + 1 && near(x.par, y.par)) {
            first -= 1;
        } else {
            break;
        }
    }
    let mut terms = Vec::new();
    for j in first..k {
        // A figure of unknown role in the term's sentence, or one in the next sentence
        // pointing back to it, could be the term.
        let own = all_roles[j]
            .iter()
            .any(|(_, r)| matches!(r, Role::Loose { .. }));
        let next = j + 1 < k
            && all_roles[j + 1]
                .iter()
                .any(|(_, r)| matches!(r, Role::Loose { bare: true }));
        if own || next {
            continue;
        }
        for (f, r) in &all_roles[j] {
            if let Role::Term {
                head,
                entity,
                value,
                approx,
                year,
            } = r
            {
                terms.push(Found {
                    sent: j,
                    fig: *f,
                    head: head.clone(),
                    entity: *entity,
                    value: *value,
                    approx: *approx,
                    year: *year,
                });
            }
        }
    }
    // Every word naming the base in the passage must be a term read: a figure of it the
    // reading left aside could be the base.
    let base = unique(&terms, |h| names(h, &base_word, v), entity)?;
    // A year the ratio's clause names must be the base's.
    let ratio_year = s.figs[..i]
        .iter()
        .filter(|y| is_year(y) && y.start >= numerator_from.min(numerator_to))
        .map(|y| y.value)
        .next_back();
    if ratio_year.is_some() && base.year.is_some() && ratio_year != base.year {
        return None;
    }
    // The numerator: the money figure right before the percent, or a noun of the clause.
    let before = s.figs[..i].iter().rposition(|_| true);
    let numerator: (Interval, bool, String) = match before.and_then(|b| {
        let (scale, end) = money(s, b)?;
        JOIN_RE
            .is_match(&s.text[end.min(p.start)..p.start])
            .then_some((b, scale))
    }) {
        Some((b, scale)) => {
            let f = &s.figs[b];
            (
                f.interval().scale(scale),
                f.approx || f.around,
                s.text[f.start..money(s, b)?.1].trim().to_string(),
            )
        }
        None => {
            // The subject's head: the first word naming a quantity after the clause's last
            // boundary ("að laun og launatengd gjöld … námu", "voru skuldir A hluta").
            let cut = clause_start(clause, "numerator_breaks", v);
            let head = content_words(&clause[cut..], v)
                .into_iter()
                .find(|w| !names(w, &base_word, v))?;
            let stems = [numerator_stem(&head, v).unwrap_or(head)];
            let found = unique(
                &terms,
                |h| !names(h, &base_word, v) && stems.iter().any(|w| names(h, w, v)),
                entity,
            )?;
            let fs = &sents[found.sent];
            let f = &fs.figs[found.fig];
            let end = money(fs, found.fig)?.1;
            (
                found.value,
                found.approx,
                fs.text[f.start..end].trim().to_string(),
            )
        }
    };
    let (num, num_approx, num_written) = numerator;
    if num.lo.is_sign_negative() || base.value.lo <= Decimal::ZERO {
        return None;
    }
    let made = num.divided_by(base.value)?.scale(Decimal::ONE_HUNDRED);
    let said = p.interval();
    let bs = &sents[base.sent];
    let bf = &bs.figs[base.fig];
    let base_written = bs.text[bf.start..money(bs, base.fig)?.1].trim().to_string();
    let word_before = s.text[..p.start]
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    let tail: String = after.chars().take(60).collect();
    let doubt = if adjusted(clause, v)
        || adjusted(tail.split(['.', ',', ';']).next().unwrap_or(""), v)
    {
        Some("a term is named with an adjustment (án, exklusive, að meðtöldu) the other figure may not have")
    } else if p.approx || num_approx || base.approx || bound_before(&s.text, p.start, v) {
        Some("a figure of it is called a limit or near one (drygt, knappt, tæplega, rúmlega)")
    } else if listed(v, "bound_abbreviations", &word_before) {
        Some("the percent is called about so much, by an amount the text does not give")
    } else {
        None
    };
    let m = made.nominal.round_dp(2).normalize();
    Some(Read {
        made,
        said,
        doubt,
        at: (k, i),
        reading: format!(
            "{num_written} of {base_written} (\"{base_word}\") is {m} %, not {} %",
            said.nominal.normalize()
        ),
        reason: "the sentences before it state both terms, each the only figure the passage \
gives for its noun and entity",
        note: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::txt006::{figures, sentences, Sent};
    use crate::arith::Interval;

    /// The ratios read in a text, its paragraphs split at blank lines (all close).
    fn reads_of(text: &str) -> Vec<(Interval, Interval, String)> {
        let mut sents = Vec::new();
        for (p, par) in text.split("\n\n").enumerate() {
            for line in par.split('\n') {
                for (from, to) in sentences(line) {
                    let t = line[from..to].to_string();
                    let mut figs = figures(&t);
                    crate::check::rules::txt::approx::read(
                        &t,
                        &mut figs,
                        crate::grammar::vocab::Vocabulary::builtin_shared(),
                    );
                    sents.push(Sent {
                        par: p,
                        from,
                        text: t,
                        figs,
                    });
                }
            }
        }
        let mut out = Vec::new();
        super::read(
            &|_, _| true,
            &sents,
            crate::grammar::vocab::Vocabulary::builtin_shared(),
            &mut out,
        );
        out.into_iter()
            .map(|r| (r.made, r.said, r.reading))
            .collect()
    }

    #[test]
    fn a_ratio_of_two_terms_stated_before_it_is_checked() {
        let text = "Tekjur A hluta (bæjarsjóðs) á árinu urðu 1.448 m.kr. og jukust um 143 m.kr. heildartekjur samstæðunnar urðu 1.630 m.kr. og voru 104 m.kr. hærri en árið áður.\n\nSkatttekjur ársins voru 818 m.kr. og framlög úr Jöfnunarsjóði sveitarfélaga 321 m.kr.\n\nSkuldir og skuldbindingar A hluta voru í árslok 1.958 m.kr og 2.460 m.kr. fyrir alla samstæðuna. Sem hlutfall af tekjum voru skuldir A hluta 136% og lækkuðu úr 139%. Skuldahlutfall samstæðunnar var í árslok 152% af tekjum og lækkaði lítils háttar en það var 157% árið áður.";
        let r = reads_of(text);
        let failing: Vec<String> = r
            .iter()
            .filter(|(made, said, _)| !made.meets(said))
            .map(|(_, _, s)| s.clone())
            .collect();
        assert_eq!(failing.len(), 2, "{r:?}");
        assert!(
            failing[0].contains("1.958 m.kr of 1.448 m.kr."),
            "{failing:?}"
        );
        assert!(
            failing[1].contains("2.460 m.kr. of 1.630 m.kr."),
            "{failing:?}"
        );
    }

    #[test]
    fn a_share_right_after_its_amount_holds() {
        let text = "• Rekstrartekjur A og B hluta námu 3.114 mkr. á árinu 2019, en voru 2.893 mkr. árið 2018.\n• Veltufé frá rekstri nam 671 mkr. eða 21.5% af tekjum samanborið við 582 mkr. 2018 (20.1%)";
        let r = reads_of(text);
        assert_eq!(r.len(), 1, "{r:?}");
        assert!(r[0].0.meets(&r[0].1), "{r:?}");
    }

    #[test]
    fn a_base_with_another_figure_beside_it_is_not_read() {
        // The 464 of the sentence after may be the base: nothing is read.
        let text = "Heildarlaun námu 438 þúsund krónur að meðaltali. Gert er ráð fyrir að þau hækki um 6% og fari við það í 464 þúsund krónur á þessu ári. Skatttekjur hins opinbera nema því 240,5 þúsund krónur, eða 51,8% af heildarlaunum.";
        assert!(reads_of(text).is_empty());
    }

    #[test]
    fn two_bases_for_one_noun_are_not_read() {
        let text = "Driftsinntektene ble 500 millioner kroner. Driftsinntektene i konsernet ble 700 millioner kroner. Netto driftsresultat ble 20 millioner kroner, eller 4 prosent av driftsinntektene.";
        assert!(reads_of(text).is_empty());
    }
}
