//! TXT008: one quantity stated twice in a text — a heading and the sentence right under it,
//! or the same words said twice — with figures that cannot both be true.

use super::prose::prose_lines;
use super::txt006::{is_year, paragraphs, period_after, same_count, sentences_of, Fig, Kind, Sent};
use crate::arith::{compare, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;
use crate::document::SourceLine;
use rust_decimal::Decimal;
use std::collections::HashMap;

pub const RULE: Rule = Rule {
    code: RuleCode::TXT008,
    name: "figure-restated-differently",
    family: Family::Txt,
    severity: Severity::Error,
    summary: "The text states one quantity twice — a heading and the sentence right under \
it, the same words said twice, or one allocation named twice — with figures that cannot both be true",
    explanation: "Reports and news items state a figure twice: a heading and the sentence \
under it (\"Mindreforbruk på 220 millioner\" / \"Det regnskapsmessige mindreforbruket er på \
220,8 millioner kroner\"), or a summary sentence repeated further down with the same words. \
When the two figures cannot both be true within their rounding, the text contradicts itself. \
justera pairs two statements only where they are certainly of the same quantity.\n\nWhat is \
read.\n  - a heading restated by the next sentence: a line of at most ten words on its own, \
not ended by a point or a colon, with one figure (money, a percent, percentage points or a \
count of a noun; years aside), and the first sentence of the paragraph right after it (at \
most one blank line between, a whole sentence of five words or more) with exactly one figure \
of the same kind; every word of the heading of four letters or more (the figure and its unit \
aside) stands in the sentence (the same stem: mindreforbruk, mindreforbruket); the years \
named are the same in both (none in either, or the same), and so is the period a figure is \
per (per månad, per år);\n  - the title restated in the body: the text's first paragraph of ten words or fewer (a \
source note above it aside) on its first three lines, a heading as above, \
and the one sentence of the whole text that says every naming word of it (two at least), \
further down than the next sentence (read as a heading's, above), with exactly one figure of the same kind, the same \
period, and the same years named or none in the title and one in the sentence (\"Varje \
invånare är skyldig 48 000 kronor\" and \"Ser man till koncernen var varje invånare skyldig \
48 655 kronor 2017.\"): a headline gives the body's figure at a coarser unit;\n  - the same words said twice: two sentences whose words up to \
their first figure are the same (eight words or more, letter for letter), and so are the \
words after it to the end of its clause (\"bidrag på 50 000 kronor till Föreningen A\" is not \
\"… 30 000 kronor till Föreningen B\"), the figures of the same kind, unit and period, the same years named in both, no figure or year anywhere in the \
text between them, and those words standing in no third sentence of the document (a template \
repeated per nämnd or per year is not read). Sentences repeated whole are not read;\n  - one \
allocation named twice: two sentences each giving exactly one amount of money, a level (not \
a change: no word of change in the figure's clause unless the figure follows \"till\", the \
level reached), of the same head noun (grammars/restatements.vocab: anslag, budgetram, \
bevilgning, tilskud, ramme) for the same receiver — \"anslagen till nämnder\", \"Patientnämndens \
anslag\", \"Nämnderna tillförs 85,8 miljarder kronor i anslag\", \"et tilskud på 1 mia. kr. til \
grønne investeringer\" — inflections -en, -na, -ne, -et counting as the word; the same years \
(one at least; a year after a word of comparison, \"jämfört med Budget 2021\", is the year \
compared with), the same unit and period, no word making either a part (varav, inklusive) \
and none narrowing the head to a purpose (\"anslag för kultur\"), \
and not one of them a budget and the other a forecast, an outcome or a proposal (\"Nämnderna tillförs \
totalt 85,8 miljarder kronor i anslag i budgeten för 2022\" and \"Anslagen till nämnder ökar \
med totalt 4 procent 2022 jämfört med Budget 2021, till 85,6 miljarder kronor\").\n\nWhat \
is checked. Each figure stands for the values its written precision allows, rounded (220 \
millioner: 219,5 to 220,5); the two must meet. Each pair read counts as a relation \
checked.\n\nWhen it is only information. Two figures that meet only if one of them was \
cut to its last written digit rather than rounded, or rounded at a trailing zero (220 \
millioner for 220,8: writers do cut, and \"220\" may be rounded to tens): a miss is \"not \
decided\". A figure ending in zeros is rounded at the unit they leave, not cut there: \
\"48 000 kronor\" stands for 47 500 to 48 500 at the loosest, and 48 655 rounds to 49 000. A figure called approximate (ca, drygt, knappt, nästan, över) is not read.\n\nNot read: \
a heading and a sentence that name different years, a heading that is not the title and a \
sentence that is not the very next one, a title whose words two sentences say, two figures of one kind in \
the sentence, words in common that are not the whole opening of both sentences.\n\nExample: \
\"Årets resultat medför att kommunens egna kapital förstärks med 4,4 procent.\" and, further \
down, \"Årets resultat medför att kommunens egna kapital förstärks med 9,9 procent och …\": \
4,4 and 9,9 cannot both be right: an error.",
    checks: &[Check::Document(check)],
};

/// Words of a heading that are no part of what it names: the approximations before a figure.
const NOT_NAMING: &[&str] = &[
    "drygt", "knappt", "cirka", "omkring", "nästan", "närmare", "ungefär", "över", "under",
    "nesten", "omtrent", "rundt", "over", "næsten",
];

impl Sent {
    /// The years the sentence names.
    fn years(&self) -> Vec<Decimal> {
        let mut y: Vec<Decimal> = self
            .figs
            .iter()
            .filter(|f| is_year(f))
            .map(|f| f.value)
            .collect();
        y.sort();
        y.dedup();
        y
    }

    /// The figures that are money, percentages, points or counts.
    fn measured(&self) -> Vec<usize> {
        (0..self.figs.len())
            .filter(|&i| !matches!(self.figs[i].kind, Kind::Bare))
            .collect()
    }
}

/// A paragraph as the pairing sees it: its lines (page, line) and whether it is one line.
struct Par {
    first: (u32, u32),
    last: (u32, u32),
    lines: usize,
}

/// A pair read: the statement checked (`at`), the one it restates (`other`), and how.
struct Pair {
    at: (usize, usize),
    other: (usize, usize),
    shape: Shape,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Shape {
    Heading,
    Title,
    Repeated,
    Subject,
}

/// Whether two words share a stem: the same word, or a common beginning of at least five
/// letters that leaves at most two letters of the shorter over ("mindreforbruk",
/// "mindreforbruket").
fn same_stem(x: &str, y: &str) -> bool {
    if x == y {
        return true;
    }
    let (x, y): (Vec<char>, Vec<char>) = (x.chars().collect(), y.chars().collect());
    let common = x.iter().zip(&y).take_while(|(a, b)| a == b).count();
    common >= 5 && common + 2 >= x.len().min(y.len())
}

/// The lowercased words of a text.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether two figures are of the same kind of quantity, compared in one unit.
fn same_kind(a: &Fig, b: &Fig) -> bool {
    match (a.kind, b.kind) {
        (Kind::Money(_), Kind::Money(_)) | (Kind::Percent, Kind::Percent) => true,
        (Kind::Points, Kind::Points) => true,
        (Kind::Count(x), Kind::Count(y)) => same_count(x, y),
        _ => false,
    }
}

/// A figure's values in kronor (money) or as written, rounded to its last written digit.
fn values(f: &Fig) -> Interval {
    let i = Interval::written(f.value, f.decimals);
    match f.kind {
        Kind::Money(scale) => i.scale(scale),
        _ => i,
    }
}

/// A heading: one line on its own, at most ten words, starting with a capital, not ended
/// like a sentence or a lead-in; its one measured figure, the others years.
fn heading_figure(par: &Par, text: &str, s: &Sent) -> Option<usize> {
    let t = text.trim();
    if par.lines != 1
        || t.ends_with(['.', ':', ';', '!', '?', ','])
        || t.split_whitespace().count() > 10
        || !t.starts_with(|c: char| c.is_uppercase())
    {
        return None;
    }
    let m = s.measured();
    let [h] = m[..] else {
        return None;
    };
    let bare_not_year = s
        .figs
        .iter()
        .any(|f| matches!(f.kind, Kind::Bare) && !is_year(f));
    (!bare_not_year).then_some(h)
}

/// Headings restated by the first sentence of the next paragraph.
fn read_headings(pars: &[Par], texts: &[&str], sents: &[Sent], out: &mut Vec<Pair>) {
    for (k, s) in sents.iter().enumerate() {
        let p = s.par;
        // The heading is its paragraph's only sentence.
        if sents.get(k + 1).is_some_and(|n| n.par == p) || (k > 0 && sents[k - 1].par == p) {
            continue;
        }
        let Some(h) = heading_figure(&pars[p], texts[p], s) else {
            continue;
        };
        let Some(n) = sents.get(k + 1) else {
            continue;
        };
        let (a, b) = (&pars[p], &pars[n.par]);
        if n.par != p + 1 || a.last.0 != b.first.0 || b.first.1 > a.last.1 + 2 {
            continue;
        }
        let t = n.text.trim();
        if !t.ends_with(['.', '!', '?']) || t.split_whitespace().count() < 5 {
            continue;
        }
        let fh = &s.figs[h];
        let same: Vec<usize> = (0..n.figs.len())
            .filter(|&i| same_kind(fh, &n.figs[i]))
            .collect();
        let [j] = same[..] else {
            continue;
        };
        if s.years() != n.years() || period_after(&s.text, fh) != period_after(&n.text, &n.figs[j])
        {
            continue;
        }
        let heading_words = naming_words(s, fh);
        if heading_words.is_empty() || !says_all(&heading_words, &n.text) {
            continue;
        }
        out.push(Pair {
            at: (k, h),
            other: (k + 1, j),
            shape: Shape::Heading,
        });
    }
}

/// The words of a heading that name what its figure is of: those of four letters or more,
/// the figure, its unit and the approximations aside.
fn naming_words(s: &Sent, f: &Fig) -> Vec<String> {
    words(&format!("{} {}", &s.text[..f.start], &s.text[f.end..]))
        .into_iter()
        .filter(|w| w.chars().count() >= 4 && !NOT_NAMING.contains(&w.as_str()))
        .collect()
}

/// Whether every one of `naming` stands in `text` (the same stem).
fn says_all(naming: &[String], text: &str) -> bool {
    let said = words(text);
    naming.iter().all(|w| said.iter().any(|x| same_stem(w, x)))
}

/// The title of the text — its first paragraph, a heading with one figure — restated by the
/// one sentence of the text that says all its naming words (two at least), further down than
/// the next sentence (the heading shape's): a news item's headline gives the body's figure at a coarser unit ("Varje invånare
/// är skyldig 48 000 kronor" for "… var varje invånare skyldig 48 655 kronor 2017"). A title
/// names no year or the sentence's one year.
fn read_title(pars: &[Par], texts: &[&str], sents: &[Sent], read: &[Pair], out: &mut Vec<Pair>) {
    // The title: the first paragraph of at most ten words starting with a letter (a source
    // note or a mark above it aside), on the first lines of the first page.
    let Some(p) = texts.iter().position(|t| {
        t.trim_start().starts_with(char::is_alphabetic) && t.split_whitespace().count() <= 10
    }) else {
        return;
    };
    let Some(t) = sents.iter().position(|s| s.par == p) else {
        return;
    };
    let s = &sents[t];
    if pars[p].first.0 > 1
        || pars[p].first.1 > 3
        || sents.get(t + 1).is_some_and(|n| n.par == p)
        || read.iter().any(|r| r.at.0 == t)
    {
        return;
    }
    let Some(h) = heading_figure(&pars[p], texts[p], s) else {
        return;
    };
    let fh = &s.figs[h];
    let naming = naming_words(s, fh);
    if naming.len() < 2 {
        return;
    }
    let saying: Vec<usize> = (t + 1..sents.len())
        .filter(|&k| says_all(&naming, &sents[k].text))
        .collect();
    // The very next sentence is the heading shape's, with its rule for years.
    let [k] = saying[..] else {
        return;
    };
    if k == t + 1 {
        return;
    }
    let n = &sents[k];
    let said = n.text.trim();
    if !said.ends_with(['.', '!', '?']) || said.split_whitespace().count() < 5 {
        return;
    }
    let same: Vec<usize> = (0..n.figs.len())
        .filter(|&i| same_kind(fh, &n.figs[i]))
        .collect();
    let [j] = same[..] else {
        return;
    };
    let (ys, yn) = (s.years(), n.years());
    if !(ys == yn || ys.is_empty() && yn.len() == 1)
        || period_after(&s.text, fh) != period_after(&n.text, &n.figs[j])
    {
        return;
    }
    out.push(Pair {
        at: (t, h),
        other: (k, j),
        shape: Shape::Title,
    });
}

/// The words of a sentence up to its first figure, lowercased and spaced once; `None` when
/// that figure is a year or no measured figure.
fn opening(s: &Sent) -> Option<String> {
    let f = s.figs.first()?;
    if matches!(f.kind, Kind::Bare) {
        return None;
    }
    Some(
        s.text[..f.start]
            .split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The words right after a sentence's first figure and its unit, up to the end of their
/// clause (a comma, a point, a parenthesis, "och"), lowercased: what the figure is of when
/// it is named after it ("50 000 kronor till Föreningen A").
fn tail(s: &Sent) -> String {
    let rest = &s.text[s.figs[0].end..];
    let mut out = Vec::new();
    for w in rest.split_whitespace() {
        let lower = w.to_lowercase();
        if ["och", "samt", "og", "men", "mens"].contains(&lower.as_str()) {
            break;
        }
        let word: String = lower
            .chars()
            .take_while(|c| !matches!(c, ',' | '.' | ';' | ':' | '(' | ')' | '!' | '?'))
            .collect();
        if !word.is_empty() {
            out.push(word.clone());
        }
        if word.len() < lower.len() {
            break;
        }
    }
    out.join(" ")
}

/// Two sentences opening with the same eight words or more up to their first figure, the
/// same words after it to the end of its clause. `quiet(a, b)` tells whether no figure and no year stands in the text between sentences
/// `a` and `b`.
fn read_repeated(sents: &[Sent], quiet: &dyn Fn(usize, usize) -> bool, out: &mut Vec<Pair>) {
    let mut by_opening: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, s) in sents.iter().enumerate() {
        if let Some(o) = opening(s) {
            if o.split(' ').count() >= 8 {
                by_opening.entry(o).or_default().push(k);
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = by_opening.into_values().collect();
    groups.sort();
    for g in groups {
        let [a, b] = g[..] else {
            continue;
        };
        let (sa, sb) = (&sents[a], &sents[b]);
        let whole = |s: &Sent| s.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if whole(sa).to_lowercase() == whole(sb).to_lowercase() {
            continue;
        }
        let (fa, fb) = (&sa.figs[0], &sb.figs[0]);
        let unit = |s: &Sent, f: &Fig| s.text[f.num_end..f.end].trim().to_lowercase();
        if !same_kind(fa, fb)
            || fa.kind != fb.kind
            || unit(sa, fa) != unit(sb, fb)
            || period_after(&sa.text, fa) != period_after(&sb.text, fb)
            || sa.years() != sb.years()
            || tail(sa) != tail(sb)
            || !quiet(a, b)
        {
            continue;
        }
        out.push(Pair {
            at: (b, 0),
            other: (a, 0),
            shape: Shape::Repeated,
        });
    }
}

/// One allocation named twice (super::restated): the first two sentences of the text
/// giving one amount of the same head noun for the same complement in the same years, in
/// one unit and per the same period; a third sentence of the same quantity is read against
/// the first too. Sentences already paired by another reading are not read again.
fn read_subjects(sents: &[Sent], vocab: &crate::grammar::vocab::Vocabulary, out: &mut Vec<Pair>) {
    let subjects: Vec<(usize, usize, super::restated::Subject)> = sents
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.figs.is_empty())
        .filter_map(|(k, s)| super::restated::subject_of(s, vocab).map(|(i, x)| (k, i, x)))
        .collect();
    let mut first_of: Vec<usize> = Vec::new();
    for (n, (k, i, x)) in subjects.iter().enumerate() {
        let Some(&f) = first_of
            .iter()
            .find(|&&f| super::restated::same_quantity(&subjects[f].2, x))
        else {
            first_of.push(n);
            continue;
        };
        let (a, j, _) = &subjects[f];
        let (fa, fb) = (&sents[*a].figs[*j], &sents[*k].figs[*i]);
        if !super::restated::same_unit(fa, fb)
            || period_after(&sents[*a].text, fa) != period_after(&sents[*k].text, fb)
            || out
                .iter()
                .any(|p| (p.at.0 == *k && p.other.0 == *a) || (p.at.0 == *a && p.other.0 == *k))
        {
            continue;
        }
        out.push(Pair {
            at: (*k, *i),
            other: (*a, *j),
            shape: Shape::Subject,
        });
    }
}

/// How a pair compares: holds, fails, or meets only when a figure was cut or rounded
/// at one of its trailing zeros.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    Holds,
    Fails,
    Doubt(&'static str),
}

/// A figure's values allowing the ways a writer may have shortened it: cut to its last
/// written digit ("220 millioner" for 220,8), or rounded at its last digit that is not a
/// trailing zero ("220 millioner" may stand for 215 to 225, "48 000 kronor" for 47 500 to
/// 48 500). A figure with trailing zeros is a coarser unit's rounding, not a cut: 48 655
/// rounds to 49 000.
fn loose(f: &Fig) -> Interval {
    let digit = Decimal::new(1, f.decimals.min(27));
    let mut unit = digit;
    if f.decimals == 0 {
        let ten = Decimal::TEN;
        let mut v = f.value.abs();
        while v >= ten && (v % ten).is_zero() {
            v /= ten;
            unit *= ten;
        }
    }
    let v = f.value;
    let half = unit / Decimal::TWO;
    let (lo, hi) = if v.is_sign_negative() {
        (v - half.max(digit), v + half)
    } else {
        (v - half, v + half.max(digit))
    };
    let i = Interval { nominal: v, lo, hi };
    match f.kind {
        Kind::Money(scale) => i.scale(scale),
        _ => i,
    }
}

fn outcome(a: &Fig, b: &Fig) -> Outcome {
    if values(a).meets(&values(b)) {
        return Outcome::Holds;
    }
    let percent = matches!(a.kind, Kind::Percent | Kind::Points);
    if !percent && loose(a).meets(&loose(b)) {
        return Outcome::Doubt(
            "the two meet if one figure was cut at its last digit, or rounded at a trailing zero, rather than rounded at its last digit",
        );
    }
    Outcome::Fails
}

pub fn check(sink: &mut Sink) {
    let doc = sink.document;
    let lines = prose_lines(doc);
    let paras = paragraphs(&lines);
    let sents = sentences_of(&paras);
    if !sents.iter().any(|s| !s.figs.is_empty()) {
        return;
    }
    let pars: Vec<Par> = paras
        .iter()
        .map(|p| {
            let at = |l: &SourceLine| (l.provenance.page, l.provenance.line);
            Par {
                first: at(p.lines[0].1),
                last: at(p.lines[p.lines.len() - 1].1),
                lines: p.lines.len(),
            }
        })
        .collect();
    let texts: Vec<&str> = paras.iter().map(|p| p.text.as_str()).collect();
    // Where each line of the document stands, to read the text between two sentences.
    let index: HashMap<(u32, u32), usize> = doc
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| ((l.provenance.page, l.provenance.line), i))
        .collect();
    let quiet = |a: usize, b: usize| {
        let (x, y) = (&sents[a], &sents[b]);
        let digit = |t: &str| t.contains(|c: char| c.is_ascii_digit());
        if x.par == y.par {
            return !digit(&texts[x.par][x.from + x.text.len()..y.from]);
        }
        if digit(&texts[x.par][x.from + x.text.len()..]) || digit(&texts[y.par][..y.from]) {
            return false;
        }
        let (Some(&i), Some(&j)) = (index.get(&pars[x.par].last), index.get(&pars[y.par].first))
        else {
            return false;
        };
        j > i && j - i <= 40 && !doc.lines[i + 1..j].iter().any(|l| digit(&l.text))
    };
    let mut pairs = Vec::new();
    read_headings(&pars, &texts, &sents, &mut pairs);
    let mut titles = Vec::new();
    read_title(&pars, &texts, &sents, &pairs, &mut titles);
    pairs.extend(titles);
    read_repeated(&sents, &quiet, &mut pairs);
    read_subjects(&sents, sink.vocab, &mut pairs);
    for pair in &pairs {
        let (k, i) = pair.at;
        let (m, j) = pair.other;
        let (f, g) = (&sents[k].figs[i], &sents[m].figs[j]);
        // A figure called approximate ("nästan 60 000 euro") is not held to its digits.
        if f.approx || g.approx {
            continue;
        }
        match outcome(f, g) {
            Outcome::Holds => sink.checked(true),
            o => report(sink, &paras, &sents, pair, &o),
        }
    }
}

fn written(s: &Sent, f: &Fig) -> String {
    s.text[f.start..f.end].trim().to_string()
}

fn report(
    sink: &mut Sink,
    paras: &[super::txt006::Paragraph],
    sents: &[Sent],
    pair: &Pair,
    o: &Outcome,
) {
    let decided = *o == Outcome::Fails;
    if decided {
        sink.checked(false);
    }
    let (k, i) = pair.at;
    let (m, j) = pair.other;
    let (s, t) = (&sents[k], &sents[m]);
    let (f, g) = (&s.figs[i], &t.figs[j]);
    let (fw, gw) = (written(s, f), written(t, g));
    let other_line = paras[t.par].at(t.from + g.start).0.provenance.line;
    let statement = match pair.shape {
        Shape::Heading => format!(
            "the heading \"{}\" states {fw} and the sentence right under it {gw} (\"{}\")",
            s.text.trim(),
            t.text.trim()
        ),
        Shape::Title => format!(
            "the title \"{}\" states {fw} and the text on line {other_line} {gw} (\"{}\"), \
the one sentence that says the title's words",
            s.text.trim(),
            t.text.trim()
        ),
        Shape::Subject => format!(
            "the text says \"{}\" and line {other_line} gives the same allocation (the same \
head noun, receiver and year) as {gw} (\"{}\")",
            s.text.trim(),
            t.text.trim()
        ),
        Shape::Repeated => format!(
            "the text says \"{}\" and the same words stand on line {other_line} with {gw}",
            s.text.trim()
        ),
    };
    let message = match o {
        Outcome::Fails => {
            format!("{statement}: one quantity, two figures that cannot both be right")
        }
        Outcome::Doubt(why) => format!("not decided: {statement}; {why}"),
        Outcome::Holds => return,
    };
    let (line, span) = paras[s.par].span(s.from + f.start, s.from + f.end);
    // Expected: the other statement's figure in the unit `f` is written in.
    let scale = match f.kind {
        Kind::Money(x) => x,
        _ => Decimal::ONE,
    };
    let c = compare(
        values(g).scale(Decimal::ONE / scale),
        Interval::written(f.value, f.decimals),
    );
    super::prose::report_stated(
        sink,
        &RULE,
        decided,
        message,
        line,
        span,
        &super::prose::to_two_places(c),
    );
}

#[cfg(test)]
mod tests {
    use crate::check::finding::Severity;
    use crate::check::registry::RuleCode;

    /// The rule run on a page of text lines: its findings (severity, found, message) and
    /// the relations it checked and found failing.
    fn run(text: &str) -> (Vec<(Severity, String, String)>, u64, u64) {
        super::super::run_on_text(text, super::check, RuleCode::TXT008)
    }

    /// Only that nothing is read: no finding, no relation checked.
    fn unread(text: &str) {
        let (f, checked, _) = run(text);
        assert!(f.is_empty() && checked == 0, "{text}: {f:?} {checked}");
    }

    #[test]
    fn a_heading_restated_by_the_next_sentence() {
        let (f, checked, failed) = run(
            "Resultat\n\nÖverskott på 45 miljoner\n\nDet redovisade överskottet är på 47,2 miljoner kronor. Det är bättre än väntat.\n",
        );
        assert_eq!((checked, failed), (1, 1), "{f:?}");
        assert_eq!(f[0].0, Severity::Error);
        assert_eq!(f[0].1, "45");
        // Agreeing within rounding: holds, silently.
        let (f, checked, failed) = run(
            "Överskott på 47 miljoner\n\nDet redovisade överskottet är på 47,2 miljoner kronor.\n",
        );
        assert!(f.is_empty(), "{f:?}");
        assert_eq!((checked, failed), (1, 0));
        // Percent and counts.
        let (f, _, _) =
            run("Kostnaderna ökar med 4 procent\nKostnaderna för 2022 ökar med 6,1 procent jämfört med budget.\n");
        assert!(f.is_empty(), "a year in the sentence only: {f:?}");
        let (f, _, failed) = run(
            "Befolkningen ökade med 210 personer\n\nBefolkningen ökade under året med 190 personer och är nu 16 301.\n",
        );
        assert_eq!(failed, 1, "{f:?}");
    }

    #[test]
    fn a_heading_cut_rather_than_rounded_is_not_decided() {
        let (f, checked, failed) = run(
            "Mindreforbruk på 220 millioner\n\nDet regnskapsmessige mindreforbruket er på 220,8 millioner kroner. Dette er på samme nivå som for 2021.\n",
        );
        assert_eq!((checked, failed), (0, 0));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Severity::Info);
        assert!(f[0].2.starts_with("not decided: the heading"), "{f:?}");
        // A trailing zero: "48 000" may be rounded to thousands.
        let (f, _, failed) = run(
            "Varje invånare är skyldig 48 000 kronor\n\nVarje invånare i kommunen var skyldig 48 455 kronor.\n",
        );
        assert_eq!((failed, f.len()), (0, 1), "{f:?}");
        let (f, _, failed) = run(
            "Varje invånare är skyldig 48 000 kronor\n\nVarje invånare i kommunen var skyldig 49 655 kronor.\n",
        );
        assert_eq!((failed, f.len()), (1, 1), "{f:?}");
        // Approximate: not read ("nästan 60 000 euro" for 59 690).
        unread("Raseborg ger nästan 60 000 euro i bidrag\n\nRaseborg har beviljat sammanlagt 59 690 euro i bidrag till föreningar.\n");
    }

    #[test]
    fn headings_not_certainly_restated_are_not_read() {
        // Another year in the sentence (the koncern's 2017), not the next sentence, other
        // words, two figures of the kind, list lines under each other, no sentence.
        for text in [
            "Varje invånare är skyldig 48 000 kronor\n\nSer man till koncernen var varje invånare skyldig 48 655 kronor 2017.\n",
            "Ekonomi\n\nVarje invånare är skyldig 48 000 kronor\n\nKalmar län Artikeln publicerades\n\nVarje invånare var skyldig 48 655 kronor 2017.\n",
            "Överskott på 45 miljoner\n\nKoncernens resultat är på 47,2 miljoner kronor i år.\n",
            "Överskott på 45 miljoner\n\nÖverskottet är 47,2 miljoner kronor, varav 12 miljoner kronor i bolagen.\n",
            "Kategori 1 kr 52 185 pr. år\nKategori 2 kr 43 496 pr. år\n",
            "Andel kontroller med avvikelse 55%\nAndel kontroller utan avvikelser 45%\n",
            "Överskott på 45 miljoner\n\nÖverskottet 47,2 miljoner\n",
            "Överskott på 45 miljoner per månad\n\nDet redovisade överskottet är på 47,2 miljoner kronor per år.\n",
            "Överskott: 45 miljoner.\n\nDet redovisade överskottet är på 47,2 miljoner kronor.\n",
        ] {
            unread(text);
        }
    }

    #[test]
    fn a_title_restated_further_down() {
        let text = "Varje invånare är skyldig 48 000 kronor\n\nKalmar län Artikeln publicerades\n\nKalmar har lån. Lånen var 745 miljoner kronor 2017.\n\nSer man till koncernen var varje invånare skyldig 48 655 kronor 2017.\n";
        let (f, checked, failed) = run(text);
        assert_eq!((checked, failed), (1, 1), "{f:?}");
        assert_eq!(f[0].0, Severity::Error);
        assert_eq!(f[0].1, "48000");
        assert!(f[0].2.starts_with("the title"), "{f:?}");
        // A source note above the title, quoting it, is no part of the text.
        let noted = format!("Källa: https://example.se/artikel (utdrag; Kalmar kommun: Östra Småland, \"Varje invånare är skyldig 48 000 kronor\", artikelns början)\n{text}");
        let (f, _, failed) = run(&noted);
        assert_eq!((failed, f.len()), (1, 1), "{f:?}");
        // Within the coarser unit's rounding only: not decided, as for a heading.
        let (f, checked, failed) = run(&text.replace("48 655", "48 355"));
        assert_eq!((checked, failed, f.len()), (0, 0, 1), "{f:?}");
        assert_eq!(f[0].0, Severity::Info);
        // Agreeing to the digit: holds.
        let (f, checked, failed) = run(&text.replace("48 655", "48 000"));
        assert!(f.is_empty() && (checked, failed) == (1, 0), "{f:?}");
        // Cut at its last digit: not decided.
        let (f, checked, _) = run(
            "Fylket har mindreforbruk på 220 millioner\n\nFylket i tall\n\nDet regnskapsmessige mindreforbruket for fylket er på 220,8 millioner kroner.\n",
        );
        assert_eq!(checked, 0);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Severity::Info);
        for text in [
            // Two sentences say the title's words.
            &format!("{text}\nVarje invånare var skyldig 40 000 kronor 2010.\n"),
            // Other years.
            &text.replace("kronor\n", "kronor 2018\n"),
            // One naming word only.
            "Underskott på 45 miljoner\n\nKalmar län\n\nKommunen redovisar ett underskott på 47,2 miljoner kronor.\n",
            // Not the text's first paragraph.
            &format!("Ekonomi\n\n{text}"),
        ] {
            unread(text);
        }
    }

    #[test]
    fn the_same_words_said_twice() {
        let text = "Soliditet\n\nÅrets resultat medför att kommunens egna kapital förstärks med 4,4 procent. Det är bra.\n\nÅrets investeringar\n\nÅrets resultat medför att kommunens egna kapital förstärks med 9,9 procent och soliditeten förbättras.\n";
        let (f, checked, failed) = run(text);
        assert_eq!((checked, failed), (1, 1), "{f:?}");
        assert_eq!(f[0].1, "9.9");
        assert!(f[0].2.contains("line 3 with 4,4 procent"), "{f:?}");
        // Agreeing: holds.
        let (f, checked, _) = run(&text.replace("9,9", "4,4"));
        assert!(f.is_empty() && checked == 1, "{f:?}");
    }

    #[test]
    fn the_same_words_for_other_periods_or_parts_are_not_read() {
        for text in [
            // A year between them: the sections are of different years.
            "Regnskab 2020\n\nÅrets resultat viser et overskud på 44,3 mio. kr., hvor der i det oprindelige budget var budgetteret.\n\nRegnskab 2019\n\nÅrets resultat viser et overskud på 39,3 mio. kr., hvor der i det oprindelige budget var budgetteret.\n",
            // Another figure between them.
            "Nämndens nettokostnader har under perioden ökat med hela 3,4 procent i år.\n\nNämnden har 45 anställda.\n\nNämndens nettokostnader har under perioden ökat med hela 5,1 procent i år.\n",
            // A template said three times.
            "Nämndens nettokostnader har under perioden ökat med hela 3,4 procent.\n\nSocialnämnden\n\nNämndens nettokostnader har under perioden ökat med hela 5,1 procent.\n\nKulturnämnden\n\nNämndens nettokostnader har under perioden ökat med hela 2,0 procent.\n",
            // Different years in the sentences.
            "Årets resultat medför att kommunens egna kapital förstärks med 4,4 procent 2019.\n\nÅrets resultat medför att kommunens egna kapital förstärks med 9,9 procent 2020.\n",
            // Too few words in common.
            "Resultatet för perioden uppgår till 3,2 mnkr.\n\nResultatet för perioden uppgår till 5,1 mnkr.\n",
            // What the figure is of, named after it.
            "Nämnden beslutar att bevilja ett bidrag på 50 000 kronor till Föreningen A.\n\nNämnden beslutar att bevilja ett bidrag på 30 000 kronor till Föreningen B.\n",
            "De nio första månaderna i år betalade kommunerna ut i genomsnitt 20 procent mer socialbidrag än de gjorde förra året.\n\nDe nio första månaderna i år betalade kommunerna ut i genomsnitt 25 procent mer än de gjorde förra året.\n",
            // Other units.
            "Årets resultat medför att kommunens egna kapital förstärks med 4,4 procent.\n\nÅrets resultat medför att kommunens egna kapital förstärks med 9,9 mnkr.\n",
        ] {
            unread(text);
        }
        // Said whole twice: nothing to compare.
        unread("Årets resultat medför att kommunens egna kapital förstärks med 4,4 procent.\n\nÅrets resultat medför att kommunens egna kapital förstärks med 4,4 procent.\n");
    }

    #[test]
    fn one_allocation_named_twice() {
        let text = "Budget 2022\n\n • Nämnderna tillförs totalt 85,8 miljarder kronor i anslag i budgeten för 2022. Det är 4,2 procent mer än i budgeten för 2021.\n\nAnslag till nämnderna\n\nAnslagen till nämnder ökar med totalt 4 procent 2022 jämfört med Budget 2021, till 85,6 miljarder kronor.\n";
        let (f, checked, failed) = run(text);
        assert_eq!((checked, failed), (1, 1), "{f:?}");
        assert_eq!((f[0].0, f[0].1.as_str()), (Severity::Error, "85.6"));
        assert!(f[0].2.contains("the same allocation"), "{f:?}");
        // Within rounding: holds.
        let (f, checked, _) = run(&text.replace("85,6", "85,8"));
        assert!(f.is_empty() && checked == 1, "{f:?}");
        // A genitive complement and "på" after the head; Danish.
        let (f, checked, failed) = run("Patientnämndens anslag är 33 miljoner kronor 2022.\n\nEn rad.\n\nFör 2022 är patientnämndens anslag 35 miljoner kronor.\n");
        assert_eq!((checked, failed, f.len()), (1, 1, 1), "{f:?}");
        let (f, checked, _) = run("Samtidig gives et tilskud på 1 mia. kr. i 2022 til grønne investeringer.\n\nDerudover gives der et tilskud på 1 mia. kr. i 2022 til grønne investeringer, så vi får endnu mere fart.\n");
        assert!(f.is_empty() && checked == 1, "{f:?}");
    }

    #[test]
    fn allocations_not_certainly_the_same_are_not_read() {
        for text in [
            // Another receiver.
            "Nämnderna tillförs totalt 85,8 miljarder kronor i anslag 2022.\n\nAnslagen till styrelsen är 85,6 miljarder kronor 2022.\n",
            // Another year, or none.
            "Nämnderna tillförs totalt 85,8 miljarder kronor i anslag 2022.\n\nAnslagen till nämnder är 85,6 miljarder kronor 2023.\n",
            "Nämnderna tillförs totalt 85,8 miljarder kronor i anslag.\n\nAnslagen till nämnder är 85,6 miljarder kronor.\n",
            // A change, not a level.
            "Nämnderna tillförs totalt 85,8 miljarder kronor i anslag 2022.\n\nAnslagen till nämnder ökar med 5,6 miljarder kronor 2022.\n",
            // A part.
            "Nämnderna tillförs totalt 85,8 miljarder kronor i anslag 2022.\n\nAnslagen till nämnder är 85,6 miljarder kronor 2022, inklusive medfinansiering.\n",
            // Budget against outcome.
            "Nämnderna tillförs totalt 85,8 miljarder kronor i anslag i budgeten för 2022.\n\nAnslagen till nämnder blev i bokslutet 85,6 miljarder kronor 2022.\n",
            // Two amounts in one sentence.
            "Nämnderna tillförs totalt 85,8 miljarder kronor i anslag 2022.\n\nAnslagen till nämnder är 85,6 miljarder kronor 2022 och 80,1 miljarder kronor 2021.\n",
            // Another unit.
            "Nämnderna tillförs totalt 85,8 miljarder kronor i anslag 2022.\n\nAnslagen till nämnder är 85 600 miljoner kronor 2022.\n",
            // Approximate.
            "Nämnderna tillförs totalt cirka 85 miljarder kronor i anslag 2022.\n\nAnslagen till nämnder är 85,6 miljarder kronor 2022.\n",
            // A head narrowed to a purpose: the genitive does not name it.
            "Kommunens anslag för kultur är 5 miljoner kronor 2023.\n\nKommunens anslag för idrott är 3 miljoner kronor 2023.\n",
            // A proposal against the budget.
            "Nämnderna tillförs totalt 85,8 miljarder kronor i anslag i budgeten för 2022.\n\nOppositionen föreslår att anslagen till nämnder blir 86,9 miljarder kronor 2022.\n",
        ] {
            unread(text);
        }
    }
}
