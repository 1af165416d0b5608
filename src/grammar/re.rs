//! Regexes that compile cheaply for the text they nearly always see.
//!
//! A Unicode class (`\p{L}`, `\d`, `\w`, `[^,]`, `.`) compiles to an automaton over every
//! code point it covers; `\p{Lu}\p{Ll}[\p{L}'’-]*` alone took milliseconds, and compiling
//! the parsers' patterns was about a fifth of a `justera lint` run. Records are written
//! almost wholly in a few blocks (Latin, general punctuation, arrows and maths, box
//! drawing and shapes, the private-use bullets of symbol fonts, ligatures). A [`Re`]
//! therefore compiles two regexes from one pattern, each when first needed: a *narrow*
//! one, with every class intersected with those blocks ([`NARROW`]), for a haystack whose
//! characters all lie in them, and the pattern as written for any other haystack. On a
//! haystack inside the blocks a class and its intersection hold the same characters, so
//! both regexes match the same spans with the same groups; nothing else in a pattern
//! (literals, look-arounds, repetition, groups) depends on the class sizes.
//!
//! Debug builds (every test) run the pattern as written beside the narrow regex on every
//! call and panic when the two disagree.

use regex::{CaptureMatches, Captures, Match, Matches, Regex, Replacer, Split};
use regex_syntax::hir::{self, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind};
use std::borrow::Cow;
use std::sync::OnceLock;

/// The code point blocks a narrow regex covers: Latin (with IPA, spacing modifiers and
/// combining marks), general punctuation to mathematical operators (dashes, quotes,
/// bullets, currency, arrows, minus), box drawing to geometric shapes, symbol fonts'
/// private-use area, Latin ligatures, the byte-order mark and the replacement character.
pub const NARROW: &[(char, char)] = &[
    ('\u{0}', '\u{36F}'),
    ('\u{2000}', '\u{22FF}'),
    ('\u{2500}', '\u{25FF}'),
    ('\u{F000}', '\u{F0FF}'),
    ('\u{FB00}', '\u{FB06}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFFD}', '\u{FFFD}'),
];

/// The blocks a *tight* regex covers: [`NARROW`] without the letters outside Latin-1
/// (Latin Extended, IPA, modifier letters, superscripts, letterlike symbols). Nearly every
/// line of a Swedish record lies here, and with the letters of those blocks gone a
/// class such as `\p{Lu}` or a case-insensitive literal (`(?i)k` holds the Kelvin sign,
/// `(?i)s` the long s) compiles to a fraction of the automaton: the tight regexes compile
/// in about three quarters of the time of the narrow ones.
pub const TIGHT: &[(char, char)] = &[
    ('\u{0}', '\u{FF}'),
    ('\u{2000}', '\u{206F}'),
    ('\u{20A0}', '\u{20CF}'),
    ('\u{2190}', '\u{22FF}'),
    ('\u{2500}', '\u{25FF}'),
    ('\u{F000}', '\u{F0FF}'),
    ('\u{FB00}', '\u{FB06}'),
    ('\u{FEFF}', '\u{FEFF}'),
    ('\u{FFFD}', '\u{FFFD}'),
];

/// The haystack length (bytes) above which [`Re`] searches with the pattern as written.
/// Far above any sentence or table line of a record.
const LONG_HAYSTACK: usize = 16 * 1024;

/// Whether every character of `s` lies in [`TIGHT`].
pub fn is_tight(s: &str) -> bool {
    s.is_ascii() || s.chars().all(|c| c <= '\u{FF}' || in_blocks(c, TIGHT))
}

fn in_blocks(c: char, blocks: &[(char, char)]) -> bool {
    blocks.iter().any(|&(lo, hi)| lo <= c && c <= hi)
}

/// Whether every character of `s` lies in [`NARROW`].
pub fn is_narrow(s: &str) -> bool {
    s.is_ascii() || s.chars().all(narrow_char)
}

fn narrow_char(c: char) -> bool {
    c <= '\u{36F}' || NARROW.iter().any(|&(lo, hi)| lo <= c && c <= hi)
}

/// A regex compiled lazily, tight for tight haystacks, narrow for narrow ones (see the
/// module documentation).
/// Its methods are those of [`regex::Regex`] that the parsers use.
pub struct Re {
    pattern: Cow<'static, str>,
    tight: OnceLock<Regex>,
    narrow: OnceLock<Regex>,
    full: OnceLock<Regex>,
}

impl Re {
    /// A pattern that is a valid regex (the `regex` crate's syntax); an invalid one
    /// panics on first use, as `Regex::new(..).unwrap()` in a static would.
    pub const fn new(pattern: &'static str) -> Re {
        Re {
            pattern: Cow::Borrowed(pattern),
            tight: OnceLock::new(),
            narrow: OnceLock::new(),
            full: OnceLock::new(),
        }
    }

    /// [`Re::new`] for a pattern built at run time (hold it in a `LazyLock`).
    pub fn owned(pattern: String) -> Re {
        Re {
            pattern: Cow::Owned(pattern),
            tight: OnceLock::new(),
            narrow: OnceLock::new(),
            full: OnceLock::new(),
        }
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// The pattern as written, compiled.
    pub fn full(&self) -> &Regex {
        self.full
            .get_or_init(|| Regex::new(&self.pattern).expect("static regex"))
    }

    /// The pattern with every class narrowed, compiled; the full regex when the pattern
    /// cannot be narrowed.
    pub fn narrow(&self) -> &Regex {
        self.narrow.get_or_init(|| {
            narrowed(&self.pattern)
                .and_then(|p| Regex::new(&p).ok())
                .unwrap_or_else(|| self.full().clone())
        })
    }

    /// The pattern with every class cut to [`TIGHT`], compiled; the narrow regex when
    /// the pattern cannot be cut.
    pub fn tight(&self) -> &Regex {
        self.tight.get_or_init(|| {
            tight_pattern(&self.pattern)
                .and_then(|p| Regex::new(&p).ok())
                .unwrap_or_else(|| self.narrow().clone())
        })
    }

    /// Compiles the regex that almost every haystack is searched with (the tight one)
    /// now, so that the first search does not wait for it.
    pub fn warm(&self) {
        self.tight();
    }

    /// The regex for this haystack, and whether it is a narrowed one (tight or narrow).
    /// A haystack longer than [`LONG_HAYSTACK`] gets the pattern as written without a
    /// look at its characters: callers search suffixes of one long text figure by
    /// figure, and checking each suffix's characters made that quadratic (a 4 MB page
    /// took minutes); the full regex matches the same spans, it only compiles slower.
    fn pick(&self, hay: &str) -> (&Regex, bool) {
        if hay.len() > LONG_HAYSTACK {
            (self.full(), false)
        } else if is_tight(hay) {
            (self.tight(), true)
        } else if is_narrow(hay) {
            (self.narrow(), true)
        } else {
            (self.full(), false)
        }
    }

    pub fn is_match(&self, hay: &str) -> bool {
        let (re, narrow) = self.pick(hay);
        let found = re.is_match(hay);
        if cfg!(debug_assertions) && narrow {
            self.agree(hay, found, self.full().is_match(hay));
        }
        found
    }

    pub fn find<'h>(&self, hay: &'h str) -> Option<Match<'h>> {
        let (re, narrow) = self.pick(hay);
        let found = re.find(hay);
        if cfg!(debug_assertions) && narrow {
            self.agree(
                hay,
                found.map(|m| m.range()),
                self.full().find(hay).map(|m| m.range()),
            );
        }
        found
    }

    pub fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        let (re, narrow) = self.pick(hay);
        let found = re.captures(hay);
        if cfg!(debug_assertions) && narrow {
            self.agree(
                hay,
                found.as_ref().map(spans),
                self.full().captures(hay).as_ref().map(spans),
            );
        }
        found
    }

    pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> Matches<'r, 'h> {
        let (re, narrow) = self.pick(hay);
        if cfg!(debug_assertions) && narrow {
            let all = |r: &Regex| r.find_iter(hay).map(|m| m.range()).collect::<Vec<_>>();
            self.agree(hay, all(re), all(self.full()));
        }
        re.find_iter(hay)
    }

    pub fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> CaptureMatches<'r, 'h> {
        let (re, narrow) = self.pick(hay);
        if cfg!(debug_assertions) && narrow {
            let all = |r: &Regex| r.captures_iter(hay).map(|c| spans(&c)).collect::<Vec<_>>();
            self.agree(hay, all(re), all(self.full()));
        }
        re.captures_iter(hay)
    }

    pub fn split<'r, 'h>(&'r self, hay: &'h str) -> Split<'r, 'h> {
        let (re, narrow) = self.pick(hay);
        if cfg!(debug_assertions) && narrow {
            let all = |r: &Regex| r.find_iter(hay).map(|m| m.range()).collect::<Vec<_>>();
            self.agree(hay, all(re), all(self.full()));
        }
        re.split(hay)
    }

    pub fn replace<'h, R: Replacer>(&self, hay: &'h str, rep: R) -> Cow<'h, str> {
        let (re, narrow) = self.pick(hay);
        if cfg!(debug_assertions) && narrow {
            let first = |r: &Regex| r.captures(hay).as_ref().map(spans);
            self.agree(hay, first(re), first(self.full()));
        }
        re.replace(hay, rep)
    }

    pub fn replace_all<'h, R: Replacer>(&self, hay: &'h str, rep: R) -> Cow<'h, str> {
        let (re, narrow) = self.pick(hay);
        if cfg!(debug_assertions) && narrow {
            let all = |r: &Regex| r.captures_iter(hay).map(|c| spans(&c)).collect::<Vec<_>>();
            self.agree(hay, all(re), all(self.full()));
        }
        re.replace_all(hay, rep)
    }

    /// Debug builds: the narrow regex must find what the pattern as written finds.
    fn agree<T: PartialEq + std::fmt::Debug>(&self, hay: &str, narrow: T, full: T) {
        assert_eq!(
            narrow, full,
            "narrowed regex disagrees with {:?} on {hay:?}",
            self.pattern
        );
    }
}

/// Compiles the tight regex of each of `regexes()` on a thread of its own, once per
/// process, while the caller goes on: a PDF is read (which needs no regex) in the time the
/// parsers' regexes take to compile, a few milliseconds of every `justera lint`. A regex
/// the caller reaches first it compiles itself (the other thread then finds it built); one
/// the other thread is compiling it waits for. Nothing changes but when they are built.
pub fn warm_in_background(regexes: fn() -> Vec<&'static Re>) {
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| {
        // Without a thread (a limit reached) every regex is compiled when first used.
        let _ = std::thread::Builder::new()
            .name("regex warm-up".into())
            .spawn(move || regexes().into_iter().for_each(Re::warm));
    });
}

impl std::fmt::Debug for Re {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Re").field(&self.pattern).finish()
    }
}

/// Every group's span (none for a group that did not take part).
fn spans(c: &Captures<'_>) -> Vec<Option<std::ops::Range<usize>>> {
    c.iter().map(|m| m.map(|m| m.range())).collect()
}

/// The tight pattern (`narrowed_to(pattern, TIGHT)`) of each regex that every run compiles
/// ahead (the pipeline's `warm_regexes`), computed once and written into `re_tight.rs`:
/// narrowing parses a pattern twice, with its Unicode classes in full, and was two fifths
/// of the time the tight regexes take to build. The table is keyed by the pattern itself,
/// so a pattern changed since is narrowed at run time as before; the pipeline's test
/// `tight_patterns_ahead_are_current` writes the table anew when the warm list changes,
/// and `tight_patterns_ahead_are_narrowed_patterns` here checks every entry.
static TIGHT_AHEAD: &[(&str, &str)] = &include!("re_tight.rs");

/// `re_tight.rs` as it is.
#[cfg(test)]
pub(crate) const TIGHT_AHEAD_SOURCE: &str = include_str!("re_tight.rs");

/// `re_tight.rs` as it should be for `regexes`: the tight pattern of each (once, in
/// order) that narrows, as Rust string literals of printable ASCII.
#[cfg(test)]
pub(crate) fn tight_ahead_source(regexes: &[&Re]) -> String {
    fn literal(s: &str) -> String {
        let mut out = String::from("\"");
        for c in s.chars() {
            match c {
                '"' | '\\' => {
                    out.push('\\');
                    out.push(c);
                }
                ' '..='~' => out.push(c),
                _ => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            }
        }
        out.push('"');
        out
    }
    let mut text = String::from(
        "// Generated by the test `pipeline::tests::tight_patterns_ahead_are_current`:\n\
         // (pattern, narrowed_to(pattern, TIGHT)) of every regex compiled ahead.\n[\n",
    );
    let mut seen = std::collections::HashSet::new();
    for re in regexes {
        let pattern = re.as_str();
        if let Some(tight) = narrowed_to(pattern, TIGHT).filter(|_| seen.insert(pattern)) {
            text += &format!("    ({}, {}),\n", literal(pattern), literal(&tight));
        }
    }
    text + "]\n"
}

/// `narrowed_to(pattern, TIGHT)`, from [`TIGHT_AHEAD`] when it is there.
fn tight_pattern(pattern: &str) -> Option<Cow<'static, str>> {
    match TIGHT_AHEAD.iter().find(|(p, _)| *p == pattern) {
        Some(&(_, tight)) => Some(Cow::Borrowed(tight)),
        None => narrowed_to(pattern, TIGHT).map(Cow::Owned),
    }
}

/// The pattern with every Unicode class intersected with [`NARROW`], as a pattern; none
/// when it does not parse or the groups would change.
pub fn narrowed(pattern: &str) -> Option<String> {
    narrowed_to(pattern, NARROW)
}

/// The pattern with every Unicode class intersected with `blocks`, as a pattern; none
/// when it does not parse or the groups would change.
pub fn narrowed_to(pattern: &str, blocks: &[(char, char)]) -> Option<String> {
    // The parser as `regex::Regex::new` configures it (its defaults).
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
    let blocks = ClassUnicode::new(
        blocks
            .iter()
            .map(|&(lo, hi)| ClassUnicodeRange::new(lo, hi)),
    );
    let narrow = narrow_hir(&hir, &blocks);
    let printed = narrow.to_string();
    // The printed pattern must parse back with the same groups, names and all.
    let again = regex_syntax::ParserBuilder::new()
        .build()
        .parse(&printed)
        .ok()?;
    let groups = |h: &Hir| h.properties().explicit_captures_len();
    (groups(&again) == groups(&hir) && names(&again) == names(&hir)).then_some(printed)
}

fn narrow_hir(h: &Hir, blocks: &ClassUnicode) -> Hir {
    match h.kind() {
        HirKind::Class(Class::Unicode(c)) => {
            let mut c = c.clone();
            c.intersect(blocks);
            Hir::class(Class::Unicode(c))
        }
        HirKind::Repetition(r) => Hir::repetition(hir::Repetition {
            min: r.min,
            max: r.max,
            greedy: r.greedy,
            sub: Box::new(narrow_hir(&r.sub, blocks)),
        }),
        HirKind::Capture(c) => Hir::capture(hir::Capture {
            index: c.index,
            name: c.name.clone(),
            sub: Box::new(narrow_hir(&c.sub, blocks)),
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(|s| narrow_hir(s, blocks)).collect()),
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.iter().map(|s| narrow_hir(s, blocks)).collect())
        }
        HirKind::Empty
        | HirKind::Literal(_)
        | HirKind::Look(_)
        | HirKind::Class(Class::Bytes(_)) => h.clone(),
    }
}

/// The names of the groups, in order.
fn names(h: &Hir) -> Vec<Option<String>> {
    fn walk(h: &Hir, out: &mut Vec<Option<String>>) {
        match h.kind() {
            HirKind::Capture(c) => {
                out.push(c.name.as_deref().map(str::to_string));
                walk(&c.sub, out);
            }
            HirKind::Repetition(r) => walk(&r.sub, out),
            HirKind::Concat(subs) | HirKind::Alternation(subs) => {
                subs.iter().for_each(|s| walk(s, out))
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(h, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Patterns of the kinds the parsers use: Unicode classes, bounded repeats, case
    /// folding, word boundaries, negated classes, the dot, named and nested groups.
    const PATTERNS: &[&str] = &[
        r"(\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s+\p{Lu}\p{Ll}[\p{L}'’-]*){1,2})(?:\s*\(([\p{L} -]+)\)\s*,?|\s*,)",
        r"^(?:(?:Ordförande(?:n)?|Ledamot(?:en)?)\s+)?(\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s+\p{Lu}\p{Ll}[\p{L}'’-]*){1,2})(?:\s*\((\p{L}+)\))?\s+yrkar\b[\s:]*(.*)$",
        r"\b(\p{Lu}[\p{L}-]+) kommun\b",
        r"(?i)\bkommunalförbundet\s+(\p{Lu}[\p{L}-]+)",
        r"(?i)(?:^|[^\d,.])(-\s?)?(\d{1,3}(?:[ \u{a0}\u{202f}]\d{3})+|\d+)(,\d+)?\s?((?:tkr|mnkr|kr|procent)\b|%)",
        r"^([^,(]+\((\p{L}+)\))\.?\s+([^,].*)$",
        r"\b(?:box\s+\d|telefon\w*:?\s*[\d+]|tel:?\s*\d)",
        r"(?i)^(?:sid(?:a|an)? \d{1,4}|[•\s]+)$",
        r"(?P<year>\d{4})-(?P<month>\d\d)|\W+|.",
        r"(?i)ſ|K|Å|\bxx+ kr\b",
    ];

    fn haystacks() -> Vec<String> {
        let mut out: Vec<String> = [
            "",
            "Erik Provare, ordförande, Vimmerby kommun Maria Testsson, Ödeshögs kommun",
            "Leif Persson (S) ordf, Anna Berg (KD) yrkar bifall: till förslaget",
            "Kommunalförbundet ITSAM Östergötland",
            "KOMMUNALFÖRBUNDET Sydarkivera",
            "underskott på 2 841 tkr och 3,8 mnkr, 4,4% motsvarande −5 kr",
            "Ärende 4 – Sid 2 av 3 • Ångström Å K kelvin",
            "Box 200, telefon: 0322-61 60 00, Tel 123",
            "2021-02-08 Öster\u{2019}gård  ﬁnns \u{f0b7} punkt \u{fffd}",
            "Åsa Ödman-Ek (MP)  Ändring ſ xx kr XX KR",
            "  \t ",
            "Çelik Ñúñez, Ægir Þórsson, Łukasz Żółw (V)",
            "Ωmega ℃ → ≤ ≥ − ‰ € ■ □ ●",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for seed in std::fs::read_dir("corpus/seeds").expect("corpus/seeds") {
            let text = std::fs::read_to_string(seed.expect("seed").path()).unwrap_or_default();
            out.extend(text.lines().map(str::to_string));
        }
        out
    }

    #[test]
    fn narrowed_patterns_find_what_the_patterns_find_on_narrow_text() {
        let hays = haystacks();
        for p in PATTERNS {
            let full = Regex::new(p).expect("pattern");
            let narrow = Regex::new(&narrowed(p).expect("narrowed")).expect("narrowed parses");
            assert_eq!(full.captures_len(), narrow.captures_len(), "{p}");
            let fnames: Vec<_> = full.capture_names().collect();
            let nnames: Vec<_> = narrow.capture_names().collect();
            assert_eq!(fnames, nnames, "{p}");
            let mut seen = 0;
            for h in hays.iter().filter(|h| is_narrow(h)) {
                let all = |r: &Regex| r.captures_iter(h).map(|c| spans(&c)).collect::<Vec<_>>();
                assert_eq!(all(&narrow), all(&full), "{p} on {h:?}");
                seen += 1;
            }
            assert!(seen > 100, "too few narrow haystacks: {seen}");
            let tight =
                Regex::new(&narrowed_to(p, TIGHT).expect("tightened")).expect("tightened parses");
            let tnames: Vec<_> = tight.capture_names().collect();
            assert_eq!(fnames, tnames, "{p}");
            let mut seen = 0;
            for h in hays.iter().filter(|h| is_tight(h)) {
                let all = |r: &Regex| r.captures_iter(h).map(|c| spans(&c)).collect::<Vec<_>>();
                assert_eq!(all(&tight), all(&full), "{p} on {h:?}");
                seen += 1;
            }
            assert!(seen > 100, "too few tight haystacks: {seen}");
        }
    }

    #[test]
    fn the_tiers_nest() {
        // Latin Extended and letterlike symbols are narrow but not tight: the narrow regex.
        let re = Re::new(r"\b(\p{Lu}\p{L}+) kommun\b");
        for hay in [
            "Łódź kommun",
            "\u{2126}hm kommun",
            "Vårgårda kommun",
            "Ελλάδα kommun",
        ] {
            let full = re
                .full()
                .captures(hay)
                .and_then(|c| c.get(1))
                .map(|m| m.range());
            let got = re.captures(hay).and_then(|c| c.get(1)).map(|m| m.range());
            assert_eq!(got, full, "{hay}");
        }
        assert!(is_narrow("Łódź") && !is_tight("Łódź"));
        assert!(is_tight("Vårgårda – 2 841 tkr • ≤ ﬁ \u{f0b7} € →"));
        let tight = Regex::new(&narrowed_to(re.as_str(), TIGHT).expect("tight")).expect("parses");
        assert!(!tight.is_match("Łódź kommun"));
    }

    /// A haystack past [`LONG_HAYSTACK`] is searched with the pattern as written, without
    /// a look at its characters, and finds what the narrowed regexes find on its parts.
    #[test]
    fn long_haystacks_find_the_same_with_the_full_regex() {
        let re = Re::new(r"(\p{Lu}\p{Ll}+) (\d+)$");
        let tail = "Åmål 12";
        let hay = format!("{}{tail}", "ordet ".repeat(LONG_HAYSTACK / 6 + 1));
        assert!(hay.len() > LONG_HAYSTACK);
        let got = re
            .captures(&hay)
            .map(|c| c.get(0).map(|m| m.as_str().to_string()));
        assert_eq!(got, Some(Some(tail.to_string())));
        assert_eq!(re.find(tail).map(|m| m.as_str()), Some(tail));
    }

    #[test]
    fn other_text_goes_to_the_pattern_as_written() {
        let re = Re::new(r"\b(\p{Lu}\p{L}+) kommun\b");
        assert!(!is_narrow("Ελλάδα kommun"));
        assert_eq!(
            re.captures("Ελλάδα kommun")
                .and_then(|c| c.get(1))
                .map(|m| m.as_str()),
            Some("Ελλάδα")
        );
        assert_eq!(
            re.captures("Vårgårda kommun")
                .and_then(|c| c.get(1))
                .map(|m| m.as_str()),
            Some("Vårgårda")
        );
        // Outside the narrow blocks the narrow regex would not match: the dispatch matters.
        let narrow = Regex::new(&narrowed(re.as_str()).expect("narrowed")).expect("parses");
        assert!(!narrow.is_match("Ελλάδα kommun"));
    }

    #[test]
    fn tight_patterns_ahead_are_narrowed_patterns() {
        assert!(!TIGHT_AHEAD.is_empty());
        for &(pattern, tight) in TIGHT_AHEAD {
            assert_eq!(
                narrowed_to(pattern, TIGHT).as_deref(),
                Some(tight),
                "{pattern}"
            );
        }
    }

    #[test]
    fn narrow_blocks() {
        assert!(is_narrow("Årsredovisning – 2 841 tkr • ≤ ﬁ \u{f0b7}"));
        assert!(!is_narrow("日本"));
        assert!(!is_narrow("Ω\u{1F600}"));
        assert!(is_narrow("\u{2126}")); // OHM SIGN, in the letterlike block
    }
}
