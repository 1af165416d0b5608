//! The vocabularies of `grammars/*.vocab`: heading synonyms, total-row labels, column-header
//! words, unit words, month names. Data, not code: the files are compiled in, and a
//! municipality's own template words are added at run time with `--grammars DIR`.
//!
//! File format (EBNF in grammars/README.md):
//!
//! ```text
//! # comment
//! key: phrase | phrase
//!   | phrase            (continuation lines start with "|")
//! ```
//!
//! The CLI builds one [`Vocabulary`] (from `--grammars DIR`, or the built-in one) and hands
//! it to every stage as a parameter; nothing reads a process-wide one.

use crate::grammar::number::Unit;
use nom::bytes::complete::{take_till, take_while, take_while1};
use nom::character::complete::{char as nom_char, space0};
use nom::combinator::{all_consuming, opt};
use nom::multi::separated_list1;
use nom::sequence::{delimited, terminated};
use nom::{IResult, Parser};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The files compiled into the binary, by list name.
const BUILTIN: &[(&str, &str)] = &[
    ("headings", include_str!("../../grammars/headings.vocab")),
    ("totals", include_str!("../../grammars/totals.vocab")),
    (
        "grand_totals",
        include_str!("../../grammars/grand_totals.vocab"),
    ),
    ("columns", include_str!("../../grammars/columns.vocab")),
    ("units", include_str!("../../grammars/units.vocab")),
    ("months", include_str!("../../grammars/months.vocab")),
    ("notes", include_str!("../../grammars/notes.vocab")),
    ("documents", include_str!("../../grammars/documents.vocab")),
    (
        "table_lines",
        include_str!("../../grammars/table_lines.vocab"),
    ),
    (
        "column_relations",
        include_str!("../../grammars/column_relations.vocab"),
    ),
    ("facts", include_str!("../../grammars/facts.vocab")),
    (
        "fact_measures",
        include_str!("../../grammars/fact_measures.vocab"),
    ),
    (
        "information",
        include_str!("../../grammars/information.vocab"),
    ),
    (
        "statements",
        include_str!("../../grammars/statements.vocab"),
    ),
    (
        "row_definitions",
        include_str!("../../grammars/row_definitions.vocab"),
    ),
    (
        "currencies",
        include_str!("../../grammars/currencies.vocab"),
    ),
    (
        "approximations",
        include_str!("../../grammars/approximations.vocab"),
    ),
    (
        "number_words",
        include_str!("../../grammars/number_words.vocab"),
    ),
    (
        "balanskrav",
        include_str!("../../grammars/balanskrav.vocab"),
    ),
    (
        "complements",
        include_str!("../../grammars/complements.vocab"),
    ),
    ("fee_caps", include_str!("../../grammars/fee_caps.vocab")),
    ("changes", include_str!("../../grammars/changes.vocab")),
    (
        "price_units",
        include_str!("../../grammars/price_units.vocab"),
    ),
    (
        "restatements",
        include_str!("../../grammars/restatements.vocab"),
    ),
    ("ledes", include_str!("../../grammars/ledes.vocab")),
    ("periods", include_str!("../../grammars/periods.vocab")),
    ("ratios", include_str!("../../grammars/ratios.vocab")),
    (
        "population",
        include_str!("../../grammars/population.vocab"),
    ),
    ("languages", include_str!("../../grammars/languages.vocab")),
    ("parts", include_str!("../../grammars/parts.vocab")),
];

/// Keys of totals.vocab that are no row kind: the words of REL003's result rows, of
/// carried balances and of a statistics table's whole area.
const NO_ROW_KIND: [&str; 3] = ["difference_row", "carried_balance", "whole_area"];

/// Upper bound on the words `<organ>` may stand for.
const MAX_ORGAN_WORDS: usize = 12;

/// The vocabulary a run reads with, and the `--grammars DIR` it was extended from (none:
/// the built-in one). The CLI makes one and hands it to every stage; worker processes
/// that parse are started with the same directory, so they read the same words.
#[derive(Clone, Debug, Default)]
pub struct Grammars {
    pub vocab: Vocabulary,
    pub dir: Option<PathBuf>,
}

impl Grammars {
    /// The built-in vocabularies.
    pub fn builtin() -> Grammars {
        Grammars {
            vocab: Vocabulary::builtin(),
            dir: None,
        }
    }

    /// The built-in vocabularies, extended with every `*.vocab` file of `dir` when given.
    pub fn load(dir: Option<&Path>) -> Result<Grammars, VocabError> {
        Ok(match dir {
            None => Grammars::builtin(),
            Some(dir) => Grammars {
                vocab: Vocabulary::with_dir(dir)?,
                dir: Some(dir.to_path_buf()),
            },
        })
    }
}

/// A vocabulary file that could not be read: names the file, line and reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}{}: {message}", at_line(*.line))]
pub struct VocabError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

fn at_line(line: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(":{line}")
    }
}

/// One key and the phrases that stand for it ("summary: Sammanfattning | …").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub key: String,
    /// The phrases as written in the file.
    pub phrases: Vec<String>,
    /// The phrases in lower case, for lists matched word by word.
    folded: Vec<String>,
    patterns: Vec<Pattern>,
}

/// A phrase ready for matching: lower-case words, possibly with an `<organ>` slot.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Pattern {
    Words(Vec<String>),
    /// `before <organ>[s] after`: the organ is one or more words; with `genitive` its last
    /// word ends in "s".
    Organ {
        before: Vec<String>,
        genitive: bool,
        after: Vec<String>,
    },
}

impl Pattern {
    fn new(phrase: &str) -> Pattern {
        let words = normalize_words(phrase);
        if let Some(pos) = words.iter().position(|w| w.starts_with("<organ>")) {
            let slot = &words[pos];
            Pattern::Organ {
                before: words[..pos].to_vec(),
                genitive: slot.ends_with("s") && slot != "<organ>",
                after: words[pos + 1..].to_vec(),
            }
        } else {
            Pattern::Words(words)
        }
    }

    /// How many words of `text` this pattern covers from the start, if it matches there.
    fn match_prefix(&self, text: &[String]) -> Option<usize> {
        match self {
            Pattern::Words(w) => (!w.is_empty() && text.starts_with(w)).then_some(w.len()),
            Pattern::Organ {
                before,
                genitive,
                after,
            } => {
                if !text.starts_with(before) {
                    return None;
                }
                let rest = &text[before.len()..];
                // Shortest organ first, so the literal words after it decide.
                (1..=MAX_ORGAN_WORDS.min(rest.len())).find_map(|n| {
                    let organ_ok = !genitive || rest[n - 1].ends_with('s');
                    (organ_ok && rest[n..].starts_with(after))
                        .then_some(before.len() + n + after.len())
                })
            }
        }
    }

    /// The most words a match can cover.
    fn max_len(&self) -> usize {
        match self {
            Pattern::Words(w) => w.len(),
            Pattern::Organ { before, after, .. } => before.len() + MAX_ORGAN_WORDS + after.len(),
        }
    }

    /// The word a whole-text match must end with; `None` when the pattern ends in its
    /// organ slot (any word).
    fn last_word(&self) -> Option<&str> {
        match self {
            Pattern::Words(w) => w.last().map(String::as_str),
            Pattern::Organ { after, .. } => after.last().map(String::as_str),
        }
    }

    /// Literal words: a longer literal match is a more specific one.
    fn literal_len(&self) -> usize {
        match self {
            Pattern::Words(w) => w.len(),
            Pattern::Organ { before, after, .. } => before.len() + after.len(),
        }
    }
}

/// Lower-case words of a heading or label, without markdown/HTML emphasis, list or
/// heading markers, and trailing ":" or ".".
pub fn normalize_words(text: &str) -> Vec<String> {
    let mut t = text
        .replace("**", " ")
        .replace("<b>", " ")
        .replace("</b>", " ");
    t = t.trim().trim_start_matches('#').to_string();
    let t = t.trim().trim_end_matches([':', '.', ' ', '\u{a0}']);
    t.split_whitespace().map(str::to_lowercase).collect()
}

/// How many words `normalize_words` gives, counted without making them; `None` when the
/// text holds emphasis marks (`*`, `<`) whose removal can split words.
#[cfg(test)]
fn normalized_word_count(text: &str) -> Option<usize> {
    normalized_text(text).map(|t| t.split_whitespace().count())
}

/// The text whose words `normalize_words` lower-cases, without copying it; `None` when
/// the text holds emphasis marks (`*`, `<`) it would remove first.
fn normalized_text(text: &str) -> Option<&str> {
    if text.contains(['*', '<']) {
        return None;
    }
    let t = text.trim().trim_start_matches('#');
    Some(t.trim().trim_end_matches([':', '.', ' ', '\u{a0}']))
}

/// All vocabularies, by list name ("headings", "totals", "columns", "units", "months", or
/// any name a `--grammars` file brings).
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    lists: BTreeMap<String, Vec<Entry>>,
    /// The most words a whole-text match of each list can cover: a longer text (most
    /// lines of prose) is no heading, known before its words are made.
    longest: BTreeMap<String, usize>,
    /// The words a whole-text match of each list can end with (`None`: any word).
    last_words: BTreeMap<String, Option<BTreeSet<String>>>,
    /// Unit words, longest first, lower-case, derived from the "units" list.
    units: Vec<(String, Unit)>,
    /// Currency marks of table cells, longest first, lower-case, from the "currencies"
    /// list.
    currencies: Vec<(String, Unit)>,
}

impl Vocabulary {
    /// The vocabularies compiled in from `grammars/`.
    pub fn builtin() -> Vocabulary {
        let mut v = Vocabulary::default();
        for (name, text) in BUILTIN {
            // The built-in files are tested; a parse error here is a build defect.
            if let Err(e) = v.add_file(name, text) {
                debug_assert!(false, "built-in grammar: {e}");
            }
        }
        v
    }

    /// The built-in vocabularies, built once and shared: for callers with no `--grammars`
    /// directory to read (tests, benchmarks, fuzz targets). The stages never reach for it:
    /// they use the vocabulary they are handed.
    pub fn builtin_shared() -> &'static Vocabulary {
        static BUILTIN_SHARED: OnceLock<Vocabulary> = OnceLock::new();
        BUILTIN_SHARED.get_or_init(Vocabulary::builtin)
    }

    /// The built-in vocabularies extended with every `*.vocab` file of `dir`.
    pub fn with_dir(dir: &Path) -> Result<Vocabulary, VocabError> {
        let mut v = Vocabulary::builtin();
        v.load_dir(dir)?;
        Ok(v)
    }

    /// Adds every `*.vocab` file in `dir` (sorted by name); a file's stem names its list.
    /// Entries merge with the ones already present: phrases are added to existing keys.
    pub fn load_dir(&mut self, dir: &Path) -> Result<(), VocabError> {
        let err = |message: String| VocabError {
            file: dir.display().to_string(),
            line: 0,
            message,
        };
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| err(format!("cannot read grammar directory: {e}")))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "vocab"))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(err("no *.vocab files in the grammar directory".into()));
        }
        for path in files {
            let text = std::fs::read_to_string(&path).map_err(|e| VocabError {
                file: path.display().to_string(),
                line: 0,
                message: e.to_string(),
            })?;
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            self.add_file(&name, &text).map_err(|mut e| {
                e.file = path.display().to_string();
                e
            })?;
        }
        Ok(())
    }

    /// Parses one vocabulary file's text into list `name`, merging with what is there.
    pub fn add_file(&mut self, name: &str, text: &str) -> Result<(), VocabError> {
        let entries = parse_vocab(name, text)?;
        if name == "units" {
            for e in &entries {
                let Some(unit) = unit_for_key(&e.key) else {
                    return Err(VocabError {
                        file: name.into(),
                        line: 0,
                        message: format!(
                            "unknown unit key {:?} (expected kr, tkr, mnkr, percent, hours)",
                            e.key
                        ),
                    });
                };
                for p in &e.phrases {
                    self.units.push((p.to_lowercase(), unit));
                }
            }
            self.units.sort_by(|a, b| {
                b.0.chars()
                    .count()
                    .cmp(&a.0.chars().count())
                    .then(a.0.cmp(&b.0))
            });
            self.units.dedup();
        }
        if name == "currencies" {
            for e in &entries {
                let Some(unit) = currency_for_key(&e.key) else {
                    return Err(VocabError {
                        file: name.into(),
                        line: 0,
                        message: format!("unknown currency key {:?} (expected kr, eur)", e.key),
                    });
                };
                for p in &e.phrases {
                    self.currencies.push((p.to_lowercase(), unit));
                }
            }
            self.currencies.sort_by(|a, b| {
                b.0.chars()
                    .count()
                    .cmp(&a.0.chars().count())
                    .then(a.0.cmp(&b.0))
            });
            self.currencies.dedup();
        }
        if name == "months" {
            if let Some(e) = entries
                .iter()
                .find(|e| !matches!(e.key.parse::<u32>(), Ok(1..=12)))
            {
                return Err(VocabError {
                    file: name.into(),
                    line: 0,
                    message: format!("month key {:?} is not 1–12", e.key),
                });
            }
        }
        let list = self.lists.entry(name.to_string()).or_default();
        for e in entries {
            match list.iter_mut().find(|x| x.key == e.key) {
                Some(x) => {
                    x.phrases.extend(e.phrases);
                    x.folded.extend(e.folded);
                    x.patterns.extend(e.patterns);
                }
                None => list.push(e),
            }
        }
        let longest = list
            .iter()
            .flat_map(|e| &e.patterns)
            .map(Pattern::max_len)
            .max()
            .unwrap_or(0);
        self.longest.insert(name.to_string(), longest);
        let last_words = list
            .iter()
            .flat_map(|e| &e.patterns)
            .map(|p| p.last_word().map(str::to_string))
            .collect::<Option<BTreeSet<String>>>();
        self.last_words.insert(name.to_string(), last_words);
        Ok(())
    }

    /// A digest of every list's keys and phrases: what cached results that depend on the
    /// vocabulary are keyed by, so a changed `--grammars DIR` re-parses the archive.
    pub fn fingerprint(&self) -> String {
        let mut text = String::new();
        for (name, entries) in &self.lists {
            text.push_str(name);
            text.push('\n');
            for e in entries {
                text.push_str(&e.key);
                for p in &e.phrases {
                    text.push('\0');
                    text.push_str(p);
                }
                text.push('\n');
            }
        }
        use sha2::{Digest, Sha256};
        Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// The entries of one list (empty when there is no such list).
    pub fn entries(&self, list: &str) -> &[Entry] {
        self.lists.get(list).map_or(&[], Vec::as_slice)
    }

    /// The phrases of one key of a list, as written (empty when there is none).
    pub fn phrases(&self, list: &str, key: &str) -> &[String] {
        self.entries(list)
            .iter()
            .find(|e| e.key == key)
            .map_or(&[], |e| e.phrases.as_slice())
    }

    /// The phrases of one key of a list in lower case, for lists the code matches word by
    /// word or as stems (document words, header words, organisation words).
    pub fn words(&self, list: &str, key: &str) -> &[String] {
        self.entries(list)
            .iter()
            .find(|e| e.key == key)
            .map_or(&[], |e| e.folded.as_slice())
    }

    /// Whether `word` (already lower case) is one of the phrases of a list's key.
    pub fn has_word(&self, list: &str, key: &str, word: &str) -> bool {
        self.words(list, key).iter().any(|w| w == word)
    }

    /// The key of a list one of whose phrases is `word` (already lower case).
    pub fn key_of_word(&self, list: &str, word: &str) -> Option<&str> {
        self.entries(list)
            .iter()
            .find(|e| e.folded.iter().any(|w| w == word))
            .map(|e| e.key.as_str())
    }

    pub fn list_names(&self) -> impl Iterator<Item = &str> {
        self.lists.keys().map(String::as_str)
    }

    /// The key whose phrase equals the whole of `text` (normalised), most specific first.
    pub fn lookup(&self, list: &str, text: &str) -> Option<&str> {
        if let Some(t) = normalized_text(text) {
            let most = self.longest.get(list).copied().unwrap_or(0);
            let mut words = t.split_whitespace();
            let last = words.next_back();
            if words.count() + usize::from(last.is_some()) > most {
                return None;
            }
            // A whole match ends with a pattern's last literal word.
            if let (Some(last), Some(Some(ends))) = (last, self.last_words.get(list)) {
                if !ends.contains(&last.to_lowercase()) {
                    return None;
                }
            }
        }
        let words = normalize_words(text);
        self.best_match(list, &words, true).map(|(k, _)| k)
    }

    /// The key whose phrase begins `text` at a word boundary, and how many of `text`'s
    /// normalised words it covers. The longest match wins.
    pub fn lookup_prefix(&self, list: &str, text: &str) -> Option<(&str, usize)> {
        let words = normalize_words(text);
        self.best_match(list, &words, false)
    }

    fn best_match(&self, list: &str, words: &[String], whole: bool) -> Option<(&str, usize)> {
        self.best_match_of(list, words, whole, |_| true)
    }

    /// [`Self::best_match`] over the keys `keep` accepts.
    fn best_match_of(
        &self,
        list: &str,
        words: &[String],
        whole: bool,
        keep: impl Fn(&str) -> bool,
    ) -> Option<(&str, usize)> {
        if words.is_empty() {
            return None;
        }
        let mut best: Option<(&str, usize, usize, bool)> = None; // key, covered, literal, exact
        for e in self.entries(list).iter().filter(|e| keep(&e.key)) {
            for p in &e.patterns {
                let Some(n) = p.match_prefix(words) else {
                    continue;
                };
                if whole && n != words.len() {
                    continue;
                }
                let exact = matches!(p, Pattern::Words(_));
                let cand = (e.key.as_str(), n, p.literal_len(), exact);
                let better = match best {
                    None => true,
                    Some((_, bn, bl, be)) => (exact, n, cand.2) > (be, bn, bl),
                };
                if better {
                    best = Some(cand);
                }
            }
        }
        best.map(|(k, n, ..)| (k, n))
    }

    /// The section kind a heading line starts ("summary", "decision", …).
    pub fn heading_kind(&self, line: &str) -> Option<&str> {
        self.lookup("headings", line)
    }

    /// The kind of a table row label that marks a total ("total", "subtotal", "result"):
    /// the label is a total phrase or begins with one ("Totalt Smedjebacken").
    pub fn total_kind(&self, label: &str) -> Option<&str> {
        let words = normalize_words(label);
        self.best_match_of("totals", &words, false, |k| !NO_ROW_KIND.contains(&k))
            .map(|(k, _)| k)
    }

    /// Whether a label ends in a `total` or `subtotal` phrase after other words that are
    /// no total label themselves ("Skatteinkomster sammanlagt", "Udgifter i alt",
    /// "Kostnader totalt"): the row states the sum of a run of rows next to it.
    pub fn ends_in_sum_phrase(&self, label: &str) -> bool {
        let words = normalize_words(label);
        if words.len() < 2 || self.is_sum_label(label) {
            return false;
        }
        if !words[0].chars().any(char::is_alphabetic) {
            return false;
        }
        (1..words.len()).any(|from| {
            let tail = &words[from..];
            tail.len() <= 2
                && words[from - 1].chars().any(char::is_alphabetic)
                && self
                    .best_match_of("totals", tail, true, |k| matches!(k, "total" | "subtotal"))
                    .is_some()
        })
    }

    /// Whether a row label states the sum or difference of two other rows (REL003):
    /// it begins with a `difference_row` phrase of totals.vocab, or its first word ends
    /// in a compound ending written "-saldo" there ("Budgetsaldo"), and no word of it is
    /// a `carried_balance` word ("Ingående saldo", "Saldo UB": a carried balance).
    pub fn is_difference_row_label(&self, label: &str) -> bool {
        let words = normalize_words(label);
        let Some(first) = words.first() else {
            return false;
        };
        let carried = self.words("totals", "carried_balance");
        if words.iter().any(|w| carried.contains(w)) {
            return false;
        }
        self.words("totals", "difference_row").iter().any(|p| {
            if let Some(ending) = p.strip_prefix('-') {
                return !ending.is_empty() && first.ends_with(ending);
            }
            let phrase: Vec<&str> = p.split_whitespace().collect();
            !phrase.is_empty()
                && words.len() >= phrase.len()
                && words.iter().zip(&phrase).all(|(w, p)| w == p)
        })
    }

    /// Whether a row label marks a total, subtotal or result row.
    pub fn is_total_label(&self, label: &str) -> bool {
        self.total_kind(label).is_some()
    }

    /// Whether a row label says the row is the sum of the rows above it: a total or a
    /// subtotal, not a result (which is a difference: "Resultat" = intäkter − kostnader).
    pub fn is_sum_label(&self, label: &str) -> bool {
        matches!(self.total_kind(label), Some("total" | "subtotal"))
    }

    /// Whether a row label, as a whole, names the whole country or all units of a
    /// statistics table ("Hele landet", "Hela riket", "Koko maa": totals.vocab
    /// `whole_area`), a leading code ("00", "0") and a trailing ":" aside.
    pub fn is_whole_area(&self, label: &str) -> bool {
        let t = label.trim().trim_end_matches(':');
        let t = t
            .split_once(' ')
            .filter(|(code, _)| !code.is_empty() && code.chars().all(|c| c.is_ascii_digit()))
            .map_or(t, |(_, rest)| rest.trim());
        let words = normalize_words(t);
        !words.is_empty()
            && self
                .words("totals", "whole_area")
                .iter()
                .any(|p| normalize_words(p) == words)
    }

    /// Whether a row label, as a whole, names the grand total of a table ("Totalt:",
    /// "Summa totalt"), so that total rows above it are subtotals.
    pub fn is_grand_total_label(&self, label: &str) -> bool {
        self.lookup("grand_totals", label).is_some()
    }

    /// What a column header measures ("utfall", "budget", "ub", …), from its first words.
    pub fn column_measure(&self, header: &str) -> Option<&str> {
        self.lookup_prefix("columns", header).map(|(k, _)| k)
    }

    /// The month (1–12) a month name or abbreviation stands for.
    pub fn month(&self, word: &str) -> Option<u32> {
        self.lookup("months", word.trim_end_matches('.'))
            .or_else(|| self.lookup("months", word))
            .and_then(|k| k.parse().ok())
    }

    /// Unit words, lower-case, longest first.
    pub fn unit_words(&self) -> &[(String, Unit)] {
        &self.units
    }

    /// Currency marks a table cell may write before or after its figure (grammars/
    /// currencies.vocab), longest first, lower-case, with the unit each stands for.
    pub fn currency_marks(&self) -> &[(String, Unit)] {
        &self.currencies
    }
}

fn currency_for_key(key: &str) -> Option<Unit> {
    Some(match key {
        "kr" => Unit::Kr,
        "eur" => Unit::Eur,
        _ => return None,
    })
}

fn unit_for_key(key: &str) -> Option<Unit> {
    Some(match key {
        "kr" => Unit::Kr,
        "tkr" => Unit::Tkr,
        "mnkr" => Unit::Mnkr,
        "percent" => Unit::Percent,
        "hours" => Unit::Hours,
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------
// The file grammar

fn key(i: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_alphanumeric() || c == '_' || c == '-').parse(i)
}

fn phrase(i: &str) -> IResult<&str, &str> {
    let (i, p) = take_till(|c| c == '|').parse(i)?;
    Ok((i, p.trim()))
}

fn phrases(i: &str) -> IResult<&str, Vec<&str>> {
    separated_list1(nom_char('|'), phrase).parse(i)
}

/// `key ":" [phrases]` — the phrases may also follow on continuation lines.
fn entry_head(i: &str) -> IResult<&str, (&str, Option<Vec<&str>>)> {
    (
        terminated(key, delimited(space0, nom_char(':'), space0)),
        opt(phrases),
    )
        .parse(i)
}

/// `"|" phrases` on a continuation line.
fn continuation(i: &str) -> IResult<&str, Vec<&str>> {
    let (i, _) = (take_while(|c: char| c == ' ' || c == '\t'), nom_char('|')).parse(i)?;
    phrases(i)
}

/// Parses a vocabulary file; `name` is used in error messages.
pub fn parse_vocab(name: &str, text: &str) -> Result<Vec<Entry>, VocabError> {
    let mut entries: Vec<Entry> = Vec::new();
    let err = |line: usize, message: &str| VocabError {
        file: name.to_string(),
        line,
        message: message.to_string(),
    };
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        // A comment starts at "#" at the line start or after a space ("S:a # sum").
        let body = match raw.find(" #") {
            Some(p) => &raw[..p],
            None => raw,
        };
        if body.trim().is_empty() || body.trim_start().starts_with('#') {
            continue;
        }
        let found: Vec<&str> = if let Ok((_, ps)) = all_consuming(continuation).parse(body) {
            if entries.is_empty() {
                return Err(err(line_no, "a \"|\" continuation line before any key"));
            }
            ps
        } else if let Ok((_, (k, ps))) = all_consuming(entry_head).parse(body) {
            entries.push(Entry {
                key: k.to_string(),
                phrases: Vec::new(),
                folded: Vec::new(),
                patterns: Vec::new(),
            });
            ps.unwrap_or_default()
        } else {
            return Err(err(
                line_no,
                "expected `key: phrase | phrase`, a `| phrase` continuation, or a # comment",
            ));
        };
        let Some(entry) = entries.last_mut() else {
            return Err(err(line_no, "phrases before any key"));
        };
        for p in found {
            if p.is_empty() {
                continue;
            }
            if p.contains('<') && !p.contains("<organ>") {
                return Err(err(line_no, "the only placeholder is <organ>"));
            }
            entry.phrases.push(p.to_string());
            entry.folded.push(p.to_lowercase());
            entry.patterns.push(Pattern::new(p));
        }
    }
    if let Some(e) = entries.iter().find(|e| e.phrases.is_empty()) {
        return Err(err(0, &format!("key {:?} has no phrases", e.key)));
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word count taken before a whole-text lookup is the count of the words the
    /// lookup makes, and the lookup finds what matching every pattern finds.
    #[test]
    fn lookups_skip_only_texts_no_phrase_can_cover() {
        let v = Vocabulary::builtin();
        let mut cases: Vec<String> = [
            "",
            " ",
            "#",
            "# Beslut",
            "## Beslut:",
            "Beslut .",
            "Beslut : .",
            "Beslut\u{a0}:",
            "**Beslut**",
            "<b>Beslut</b>",
            "a**b c",
            "Kommunstyrelsens beslut",
            "Förslag till beslut",
            "Sammanfattning av ärendet",
            "Totalt",
            "Summa totalt:",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for seed in std::fs::read_dir("corpus/seeds").expect("corpus/seeds") {
            let text = std::fs::read_to_string(seed.expect("seed").path()).unwrap_or_default();
            cases.extend(text.lines().map(str::to_string));
            cases.extend(text.lines().flat_map(|l| l.split('\t')).map(str::to_string));
        }
        let mut found = 0;
        for c in &cases {
            if let Some(n) = normalized_word_count(c) {
                assert_eq!(n, normalize_words(c).len(), "{c:?}");
            }
            for list in ["headings", "grand_totals", "no_such_list"] {
                let slow = v
                    .best_match(list, &normalize_words(c), true)
                    .map(|(k, _)| k);
                assert_eq!(v.lookup(list, c), slow, "{list}: {c:?}");
                found += usize::from(slow.is_some());
            }
        }
        assert!(found > 50, "the cases exercise the lookup ({found} found)");
    }

    #[test]
    fn fingerprint_changes_with_a_phrase_and_only_then() {
        let builtin = Vocabulary::builtin();
        assert_eq!(builtin.fingerprint(), Vocabulary::builtin().fingerprint());
        let mut extended = Vocabulary::builtin();
        extended
            .add_file("totals", "# ours\ntotal: Summa kostnader netto\n")
            .unwrap();
        assert_ne!(builtin.fingerprint(), extended.fingerprint());
    }

    #[test]
    fn builtin_files_parse() {
        for (name, text) in BUILTIN {
            let entries = parse_vocab(name, text).unwrap_or_else(|e| panic!("{e}"));
            assert!(!entries.is_empty(), "{name}");
            assert!(text.starts_with('#'), "{name} must start with a comment");
        }
        let v = Vocabulary::builtin();
        assert_eq!(v.list_names().count(), BUILTIN.len());
    }

    #[test]
    fn headings_from_the_seeds() {
        let v = Vocabulary::builtin();
        for (line, kind) in [
            ("### Sammanfattning", "summary"),
            ("Sammanfattning av ärendet", "summary"),
            ("Beskrivning av ärendet", "description"),
            ("Ärendet", "description"),
            ("**Beslutsunderlag**", "basis"),
            ("### **Förslag till beslut**", "recommendation"),
            ("Förvaltningens förslag till beslut:", "recommendation"),
            ("Kommunstyrelsens förslag till beslut", "recommendation"),
            ("**Beslutsgång**", "procedure"),
            ("Yrkanden", "proposals"),
            ("Propositionsordningar", "proposition_order"),
            ("Direktionens beslut", "decision"),
            (
                "### **Gemensam servicenämnd för IT, växel och telefonis beslut**",
                "decision",
            ),
            (
                "## Gemensam servicenämnd för IT, växel och telefoni beslut",
                "decision",
            ),
            ("Expedieras till:", "dispatch"),
            ("Beslutsexpediering", "dispatch"),
            ("Beslut skickas till", "dispatch"),
            ("För kännedom till:", "dispatch"),
            ("Reservation", "reservation"),
            ("Protokollsanteckning", "note"),
            ("Omröstning", "vote"),
        ] {
            assert_eq!(v.heading_kind(line), Some(kind), "{line}");
        }
        assert_eq!(v.heading_kind("Inga handlingar"), None);
        assert_eq!(v.heading_kind("Sammanfattning av läget i kommunen"), None);
    }

    #[test]
    fn totals_columns_months_units() {
        let v = Vocabulary::builtin();
        assert_eq!(v.total_kind("Summa"), Some("total"));
        assert_eq!(v.total_kind("S:a"), Some("total"));
        assert_eq!(v.total_kind("Totalt Smedjebacken"), Some("total"));
        assert_eq!(v.total_kind("<b>Totalt:</b>"), Some("total"));
        assert_eq!(v.total_kind("Summa årskostnad"), Some("total"));
        assert_eq!(v.total_kind("Resultat"), Some("result"));
        assert_eq!(v.total_kind("Personalkostnader"), None);
        assert_eq!(v.total_kind("S:a investeringar egna"), Some("total"));
        assert!(v.is_grand_total_label("<b>Totalt:</b>"));
        assert!(v.is_grand_total_label("TOTALT UB"));
        assert!(!v.is_grand_total_label("Totalt Smedjebacken"));
        assert_eq!(v.total_kind("Totaltid"), None);
        assert_eq!(v.column_measure("Utfall ack. aug 2020"), Some("utfall"));
        assert_eq!(v.column_measure("Förd.nyckel"), Some("fordelningsnyckel"));
        assert_eq!(v.column_measure("UB 2020"), Some("ub"));
        assert_eq!(
            v.column_measure("Avvikelse budget vs. prognos"),
            Some("avvikelse")
        );
        assert_eq!(v.month("aug"), Some(8));
        assert_eq!(v.month("Februari"), Some(2));
        assert_eq!(v.month("sept."), Some(9));
        assert_eq!(v.month("augustus"), None);
        assert!(v
            .unit_words()
            .iter()
            .any(|(w, u)| w == "msek" && *u == Unit::Mnkr));
        // Longest first, so "miljoner kronor" wins over "miljoner".
        let pos = |w: &str| v.unit_words().iter().position(|(x, _)| x == w);
        assert!(pos("miljoner kronor") < pos("miljoner"));
    }

    #[test]
    fn total_words_ending_a_label_and_result_rows() {
        let v = Vocabulary::builtin();
        assert_eq!(v.total_kind("Sammanlagt"), Some("total"));
        assert_eq!(v.total_kind("I alt"), Some("total"));
        assert!(v.is_grand_total_label("I alt"));
        assert!(v.ends_in_sum_phrase("Skatteinkomster sammanlagt"));
        assert!(v.ends_in_sum_phrase("Udgifter i alt"));
        assert!(v.ends_in_sum_phrase("Driftsinntekter totalt"));
        assert!(!v.ends_in_sum_phrase("Summa totalt"));
        assert!(!v.ends_in_sum_phrase("Sammanlagt"));
        assert!(!v.ends_in_sum_phrase("Kostnader i alternativ A"));
        assert!(!v.ends_in_sum_phrase("2021 totalt"));
        // The REL003 words are no row kind.
        assert_eq!(v.total_kind("Budgetsaldo"), None);
        assert_eq!(v.total_kind("Avvikelse"), None);
        for label in [
            "Resultat",
            "Årets resultat",
            "Avvikelse mot budget",
            "Över-/underskott",
            "Saldo",
            "Budgetsaldo",
            "Nettosaldo",
            "Budgetens saldo",
        ] {
            assert!(v.is_difference_row_label(label), "{label}");
        }
        for label in [
            "Ingående saldo",
            "Utgående saldo",
            "Saldo IB",
            "Saldo UB",
            "Saldoskuld",
            "Resultaträkning",
            "Kassa",
        ] {
            assert!(!v.is_difference_row_label(label), "{label}");
        }
    }

    #[test]
    fn runtime_files_extend_and_merge() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(
            dir.path().join("headings.vocab"),
            "# Ludvika's template\nsummary: Kortfattat om ärendet\nlocal_kind:\n  | Lokal rubrik | Annan rubrik\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(
            dir.path().join("units.vocab"),
            "# extra\ntkr: tusental kr\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let v = Vocabulary::with_dir(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(v.heading_kind("Kortfattat om ärendet"), Some("summary"));
        assert_eq!(v.heading_kind("Sammanfattning"), Some("summary"));
        assert_eq!(v.heading_kind("Annan rubrik"), Some("local_kind"));
        assert!(v.unit_words().iter().any(|(w, _)| w == "tusental kr"));
    }

    #[test]
    fn bad_files_say_where() {
        let e = parse_vocab("x", "# c\nsummary Sammanfattning\n").err();
        assert_eq!(e.map(|e| e.line), Some(2));
        let e = parse_vocab("x", "| orphan\n").err();
        assert!(e.is_some_and(|e| e.message.contains("continuation")));
        let e = parse_vocab("x", "k:\n").err();
        assert!(e.is_some_and(|e| e.message.contains("no phrases")));
        let mut v = Vocabulary::builtin();
        assert!(v.add_file("units", "lightyears: ly\n").is_err());
        assert!(v.add_file("months", "13: smarch\n").is_err());
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        assert!(Vocabulary::with_dir(dir.path()).is_err());
    }
}
