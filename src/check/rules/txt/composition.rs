//! A whole that the text says consists of parts it lists in words — "Denna skattesats
//! består av en kommunalskatt på 21,16 %, en landstingsskatt på 11,86 % och en
//! begravningsavgift på 0,28 %" — against the whole a neighbouring sentence states ("den
//! totala kommunalskatten 33,02 %"). Read for TXT005: a division of a named whole.

use super::txt006::{figures, is_year, paragraphs, sentences, Fig, Kind, Paragraph};
use crate::arith::{compare, Interval};
use crate::check::Sink;
use crate::grammar::re::Re;

/// The words saying a whole consists of what follows.
static CONSISTS_RE: Re = Re::new(
    r"(?i)\b(?:består\s+av|består\s+af|utgörs\s+av|utgøres\s+af|utgjøres\s+av|sammansätts\s+av)\b",
);

/// A sentence that refers back to the whole the sentence before it states ("Denna
/// skattesats består av …").
static REFERS_BACK_RE: Re = Re::new(r"^(?:Denna|Detta|Dessa|Denne|Dette|Disse)\s");

/// A sentence that sums up what the sentences before it list ("Detta ger ett totalt
/// skattetryck på 34,86 %").
static SUMS_UP_RE: Re = Re::new(
    r"^(?:Detta|Det|Dette)\s+(?:ger|blir|giver|gir|blir)\b|^(?:Sammanlagt|Totalt|Tillsammans|I alt|Samlet)\b",
);

/// A word naming the figure a whole: the total, not one more part.
static TOTAL_RE: Re = Re::new(r"(?i)\b(?:total\w*|sammanlagd\w*|samlede?|samlet)\b");

/// Words saying the list is not the whole division, or that a figure is adjusted in a
/// way the text does not give.
static NOT_WHOLE_RE: Re = Re::new(
    r"(?i)\b(?:bland\s+annat|blant\s+annet|blandt\s+andet|bl\.\s?a\.|t\.\s?ex\.|till\s+exempel|exempelvis|f\.\s?eks\.|varav|hvorav|heraf|inklusive|inkl\.|bland\s+annat|med\s+mera|m\.\s?m\.|cirka|ca\.?|omkring|ungefär|drygt|knappt|nästan|över|under)\b",
);

/// Words that leave something out of the whole ("exklusive kyrkoavgiften"): the word
/// after one names what is left out.
static EXCLUDING_RE: Re =
    Re::new(r"(?i)\b(?:exklusive|exkl\.|eksklusive|ekskl\.|utan|uden|uten)\s+(\w+)");

/// Words saying a sentence adds a part the list before it did not ("Om man är medlem i
/// Svenska kyrkan tillkommer även en kyrkoavgift på 1,35 %").
static ADDS_RE: Re =
    Re::new(r"(?i)\b(?:tillkommer|kommer\s+till|tilkommer|kommer\s+i\s+tillegg)\b");

/// Every pattern of this reading (compiled by the rules' pattern test).
pub(super) fn regexes() -> Vec<&'static Re> {
    vec![
        &CONSISTS_RE,
        &REFERS_BACK_RE,
        &SUMS_UP_RE,
        &TOTAL_RE,
        &NOT_WHOLE_RE,
        &EXCLUDING_RE,
        &ADDS_RE,
    ]
}

/// A sentence of a paragraph with its figures (years left out).
struct Sentence {
    from: usize,
    text: String,
    figs: Vec<Fig>,
}

/// Two words name the same thing when one is the other with an ending ("kyrkoavgift",
/// "kyrkoavgiften"): the same stem of at least six letters.
fn same_stem(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common >= 6 && common + 3 >= a.chars().count().max(b.chars().count())
}

/// Whether two figures count the same thing: both percent, or money at one scale.
fn same_kind(a: &Fig, b: &Fig) -> bool {
    match (a.kind, b.kind) {
        (Kind::Percent, Kind::Percent) => true,
        (Kind::Money(x), Kind::Money(y)) => x == y,
        _ => false,
    }
}

/// The word right before a figure: the part's name ("kommunalskatt på 23,38 %" gives
/// "kommunalskatt", skipping på, om, med).
fn name_before(text: &str, f: &Fig) -> Option<String> {
    text[..f.start]
        .split(|c: char| !c.is_alphanumeric())
        .rev()
        .filter(|w| !w.is_empty())
        .find(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "på" | "om" | "med" | "av" | "af" | "en" | "ett" | "et" | "ei" | "är" | "er"
            )
        })
        .map(str::to_string)
}

/// A whole and the parts the text divides it into, read from the sentences of one
/// paragraph.
struct Composition {
    /// The sentence with the parts and the sentence with the whole.
    parts_at: usize,
    whole_at: usize,
    parts: Vec<Fig>,
    whole: Fig,
}

fn read(sents: &[Sentence], k: usize) -> Option<Composition> {
    let s = &sents[k];
    let trigger = CONSISTS_RE.find(&s.text)?;
    if NOT_WHOLE_RE.is_match(&s.text[trigger.end()..]) {
        return None;
    }
    let parts: Vec<Fig> = s
        .figs
        .iter()
        .filter(|f| f.start >= trigger.end())
        .cloned()
        .collect();
    let first = parts.first()?;
    if parts.len() < 2
        || parts.iter().any(|f| f.approx || !same_kind(f, first))
        || !matches!(first.kind, Kind::Percent | Kind::Money(_))
    {
        return None;
    }
    let names: Vec<String> = parts
        .iter()
        .filter_map(|f| name_before(&s.text, f))
        .collect();
    let before: Vec<&Fig> = s.figs.iter().filter(|f| f.end <= trigger.start()).collect();
    // Whatever the whole sentence leaves out must not be one of the parts: then the whole
    // is the other parts, a relation this reading does not make.
    let excludes_a_part = |text: &str| {
        EXCLUDING_RE
            .captures_iter(text)
            .filter_map(|c| c.get(1))
            .any(|w| names.iter().any(|n| same_stem(n, w.as_str())))
    };
    let usable_whole = |w: &Sentence| {
        let of_kind: Vec<&Fig> = w.figs.iter().filter(|f| same_kind(f, first)).collect();
        (of_kind.len() == 1
            && w.figs.len() == 1
            && !of_kind[0].approx
            && TOTAL_RE.is_match(&w.text)
            && !NOT_WHOLE_RE.is_match(&w.text)
            && !excludes_a_part(&w.text))
        .then(|| of_kind[0].clone())
    };
    let (whole_at, whole) = if !before.is_empty() {
        // A figure before the words: the whole, when it is the only one and named total
        // ("Den totala skattesatsen på 33,02 % består av …").
        let head = Sentence {
            from: s.from,
            text: s.text[..trigger.start()].to_string(),
            figs: before.into_iter().cloned().collect(),
        };
        (k, usable_whole(&head)?)
    } else if REFERS_BACK_RE.is_match(s.text.trim_start()) && k > 0 {
        (k - 1, usable_whole(&sents[k - 1])?)
    } else {
        // The sentences after the parts: at most one adding a part that the whole then
        // leaves out by name, then one summing up.
        let mut added: Vec<String> = Vec::new();
        let mut found = None;
        for (j, w) in sents.iter().enumerate().skip(k + 1).take(2) {
            if SUMS_UP_RE.is_match(w.text.trim_start()) {
                let whole = usable_whole(w)?;
                // Every part added between must be left out of the whole by name.
                let left_out: Vec<&str> = EXCLUDING_RE
                    .captures_iter(&w.text)
                    .filter_map(|c| c.get(1).map(|m| m.as_str()))
                    .collect();
                if added
                    .iter()
                    .all(|a| left_out.iter().any(|l| same_stem(a, l)))
                {
                    found = Some((j, whole));
                }
                break;
            }
            if w.figs.is_empty() {
                continue;
            }
            let adds = w.figs.len() == 1 && ADDS_RE.is_match(&w.text);
            let name = w.figs.first().and_then(|f| name_before(&w.text, f));
            match (adds, name) {
                (true, Some(n)) => added.push(n),
                _ => return None,
            }
        }
        found?
    };
    Some(Composition {
        parts_at: k,
        whole_at,
        parts,
        whole,
    })
}

fn sum(parts: &[Fig]) -> Interval {
    Interval::sum(parts.iter().map(Fig::interval))
}

pub(super) fn check(sink: &mut Sink) {
    let lines = super::prose::prose_lines(sink.document);
    let pars = paragraphs(&lines);
    for par in &pars {
        if !CONSISTS_RE.is_match(&par.text) {
            continue;
        }
        let sents: Vec<Sentence> = sentences(&par.text)
            .into_iter()
            .map(|(from, to)| {
                let text = par.text[from..to].to_string();
                let figs = figures(&text).into_iter().filter(|f| !is_year(f)).collect();
                Sentence { from, text, figs }
            })
            .collect();
        for k in 0..sents.len() {
            if let Some(c) = read(&sents, k) {
                report(sink, par, &sents, &c);
            }
        }
    }
}

fn report(sink: &mut Sink, par: &Paragraph, sents: &[Sentence], c: &Composition) {
    let made = sum(&c.parts);
    let decimals = c.parts.iter().map(|f| f.decimals).max().unwrap_or(0) as usize;
    let said = c.whole.interval();
    if made.meets(&said) {
        sink.checked(true);
        return;
    }
    // Parts short of the whole: a part may be left out of the list.
    let decided = made.lo > said.hi;
    if decided {
        sink.checked(false);
    }
    let p = &sents[c.parts_at];
    let w = &sents[c.whole_at];
    let terms: Vec<String> = c
        .parts
        .iter()
        .map(|f| p.text[f.start..f.end].trim().to_string())
        .collect();
    let quoted = |s: &Sentence| format!("\"{}\"", s.text.trim());
    let said_where = if c.whole_at == c.parts_at {
        quoted(p)
    } else if c.whole_at < c.parts_at {
        format!("{} {}", quoted(w), quoted(p))
    } else {
        format!("{} … {}", quoted(p), quoted(w))
    };
    let whole_raw = w.text[c.whole.start..c.whole.end].trim();
    // The parts' unit as the first part writes it ("%", "mnkr").
    let unit = c
        .parts
        .first()
        .map_or("", |f| p.text[f.num_end..f.end].trim());
    let message = if decided {
        format!(
            "the text says {said_where}, but the parts it lists make {} = {:.decimals$} {unit}, more than the whole {whole_raw} (each part and the whole stand for the values their rounding allows; parts that make more than their whole cannot all belong to it)",
            terms.join(" + "),
            made.nominal
        )
    } else {
        format!(
            "not decided: the text says {said_where}; the parts it lists make {} = {:.decimals$} {unit}, short of the whole {whole_raw}, and a part may be left out of the list",
            terms.join(" + "),
            made.nominal
        )
    };
    let (line, span) = par.span(w.from + c.whole.start, w.from + c.whole.end);
    super::prose::report_stated(
        sink,
        &super::txt005::RULE,
        decided,
        message,
        line,
        span,
        &compare(made, said),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::finding::Severity;
    use crate::check::Sink;
    use crate::document::Document;
    use crate::grammar::vocab::Vocabulary;

    fn findings(text: &str) -> Vec<(Severity, String)> {
        let doc = Document::of_text_lines(text);
        let mut sink = Sink::new(&doc, Vocabulary::builtin_shared());
        check(&mut sink);
        sink.findings
            .into_iter()
            .map(|f| (f.severity, f.message))
            .collect()
    }

    #[test]
    fn a_whole_stated_before_its_parts_that_make_more_is_an_error() {
        let f = findings("I Västervik kommun är den totala kommunalskatten 33.02% exklusive kyrkoavgiften. Denna skattesats består av en kommunalskatt på 21.16%, en landstingsskatt på 11.86% och en begravningsavgift på 0.28%. För de som är medlemmar i Svenska kyrkan tillkommer en kyrkoavgift på 1.52%.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Severity::Error, "{f:?}");
        assert!(
            f[0].1.contains("make 21.16% + 11.86% + 0.28% = 33.30 %"),
            "{f:?}"
        );
    }

    #[test]
    fn a_whole_summing_up_after_an_added_part_it_leaves_out() {
        let f = findings("Den totala kommunalskatten i Munkedal består av flera komponenter: kommunalskatt på 23.38%, landstingsskatt på 11.48%, och en begravningsavgift på 0.28%. Om man är medlem i Svenska kyrkan tillkommer även en kyrkoavgift på 1.35%. Detta ger ett totalt skattetryck på 34.86% exklusive kyrkoavgiften.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].1.contains("= 35.14"), "{f:?}");
    }

    #[test]
    fn parts_that_make_their_whole_hold_and_others_stay_silent() {
        // Holds: 21,16 + 11,86 = 33,02.
        assert!(findings("Den totala kommunalskatten är 33,02 procent. Denna består av en kommunalskatt på 21,16 procent och en landstingsskatt på 11,86 procent.").is_empty());
        // A whole that leaves out one of the listed parts is not this relation.
        assert!(findings("Den totala skatten är 33,02 procent exklusive begravningsavgiften. Denna består av en kommunalskatt på 21,16 procent, en landstingsskatt på 11,86 procent och en begravningsavgift på 0,28 procent.").is_empty());
        // "bland annat": not the whole division.
        assert!(findings("Den totala kostnaden är 100 procent. Den består bland annat av lön 60 procent och lokaler 50 procent.").is_empty());
        // An added part the whole does not leave out by name: not read.
        assert!(findings("Skatten består av kommunalskatt på 23,38 % och landstingsskatt på 11,48 %. Dessutom tillkommer en begravningsavgift på 0,28 %. Detta ger en total skatt på 35,14 %.").is_empty());
        // No total word in the sentence before: not read.
        assert!(findings("Kommunalskatten är 33,02 procent. Denna består av en del på 21,16 procent och en del på 12,86 procent.").is_empty());
    }

    #[test]
    fn parts_short_of_the_whole_are_not_decided() {
        let f = findings("Den totala kostnaden uppgår till 10,0 mnkr. Denna består av lönekostnader på 6,0 mnkr och lokalkostnader på 3,0 mnkr.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Severity::Info, "{f:?}");
    }
}
