//! Flat text tables (seeds 001, 002): one space is both the column gap and the thousands
//! separator. Each row's numeric tail is read as digit groups; the column count comes from
//! the rows themselves; each row keeps the segmentations that give that count; the table's
//! own arithmetic chooses among them, and a row still open to two readings is recorded as
//! an `Ambiguity`, never decided silently.

use super::arith::{figure, relations_holding_in, RowRoles};
use super::cell::{is_year, parse_cell};
use super::classify::{classify_rows, table_unit, title_from_lines_above};
use super::digits::{figure_texts, segmentations_with_breaks, DigitGroup, GluedRun, Segmentation};
use super::{Ambiguity, Cell, Row, RowKind, Table, TableSource};
use crate::arith::Interval;
use crate::grammar::number::Unit;
use crate::grammar::vocab::Vocabulary;
use crate::layout::Line;
use crate::Provenance;
use std::collections::HashSet;
use std::sync::Arc;

mod bands;
mod tied;
use tied::fix_tied_readings;

/// Readings kept per row: rows of real tables have a handful, but seven-digit figures
/// side by side can have thousands, and the true one must stay among them.
const READING_LIMIT: usize = 8192;

/// Readings kept for a whole table: a table of many rows, each readable in thousands of
/// ways, keeps fewer per row (at least [`MIN_ROW_READINGS`]) so memory stays bounded.
const TABLE_READING_BUDGET: usize = 65_536;
const MIN_ROW_READINGS: usize = 16;

/// Cells the choice of readings may visit for a table (each scoring visits every cell).
/// Real tables need well under a million; beyond the budget each ambiguous row
/// considers only its most plausible readings, and rows left tied are reported as
/// ambiguous, never picked silently.
const CHOICE_WORK: usize = 50_000_000;

/// A line split into its label and numeric tail, with the whitespace between groups
/// (three or more spaces mark an empty cell in this kind of extraction).
#[derive(Clone, Debug)]
pub struct FlatLine {
    pub label: String,
    pub groups: Vec<DigitGroup>,
    /// Where each group stands: its byte range in the line.
    ranges: Vec<(usize, usize)>,
    /// Spaces before each group (index i) and after the last (index len).
    gaps: Vec<usize>,
    /// The figures are glued to the label and to each other ("Byggnämnd673235"): the
    /// one group is a run of digits to be split into cells, only by the arithmetic.
    glued: bool,
    /// The glued run as written, minus signs included ("-7080-150": a minus always
    /// starts a figure); empty unless `glued`.
    run: String,
    /// The glued run is read by the figure grammar ([`GluedRun`]): its thousands are
    /// grouped with spaces ("-11 70852 966"), so a figure without a space has at most
    /// three digits and each split is one the grammar allows.
    grammar: bool,
    /// The table has a note column: a list of note references ("2, 3") may be glued
    /// first.
    notes: bool,
    /// The table sets its cells apart by two spaces or more and writes a single space
    /// only inside a figure ("3 000  -11 708  48 322"): a single space joins thousands.
    wide_cells: bool,
    /// The label ends in a word of one letter and the glued run in a digit after it
    /// ("Lokaler, m2145 903146 433…", "kr/m21 068…"): that digit may be the letter's
    /// exponent written flat (m², part of the label) or the first figure's first digit;
    /// both are readings.
    exponent: bool,
    /// The same line read another way the table allows too (a "- 231" as an empty
    /// cell and 231, [`with_dash_readings`]): its readings are the row's as well.
    also: Option<Box<FlatLine>>,
}

fn is_minus_char(c: char) -> bool {
    matches!(c, '-' | '−' | '‐' | '‑' | '‒' | '–')
}

fn gap_empties(spaces: usize) -> usize {
    if spaces >= 3 {
        (spaces - 1) / 2
    } else {
        0
    }
}

/// Whether `t` is a figure in parentheses written over several words: "(10 111)",
/// "(1 234,5)" — an opening parenthesis, a lead of one to three digits, groups of three
/// digits, the last with its decimals and the closing parenthesis.
fn parenthesized_words(words: &[&str]) -> bool {
    let Some((first, rest)) = words.split_first() else {
        return false;
    };
    let Some(lead) = first.strip_prefix('(') else {
        return false;
    };
    let Some((last, middle)) = rest.split_last() else {
        return false;
    };
    let Some(last) = last.strip_suffix(')') else {
        return false;
    };
    let digits = |w: &str, n: usize| w.len() == n && w.chars().all(|c| c.is_ascii_digit());
    let last_int = last.split(',').next().unwrap_or(last);
    let last_frac = last.split_once(',').map(|(_, f)| f);
    (1..=3).any(|n| digits(lead, n))
        && !lead.starts_with('0')
        && middle.iter().all(|w| digits(w, 3))
        && digits(last_int, 3)
        && last_frac.is_none_or(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()))
}

/// The whitespace-separated tokens of a line as byte ranges, where no-break and thin
/// spaces join (they group thousands), a lone sign followed by one space and digits is
/// part of that figure ("– 614"), a figure in parentheses is one token ("(10 111)") and
/// a lone "%" belongs to the number before it. With `split_signs` a lone sign stays a
/// token of its own (a dash for an empty cell, see [`FlatLine::parse_with`]).
fn merged_tokens(text: &str, split_signs: bool) -> Vec<(usize, usize)> {
    let mut raw: Vec<(usize, usize)> = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() && !super::digits::is_joining_space(c) {
            if let Some(s) = start.take() {
                raw.push((s, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        raw.push((s, text.len()));
    }
    let is_sign =
        |t: &str| t.chars().count() == 1 && t.chars().all(|c| matches!(c, '-' | '−' | '–'));
    let digit_start = |t: &str| t.starts_with(|c: char| c.is_ascii_digit());
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let (s, e) = raw[i];
        let tok = &text[s..e];
        // "(10 111)": the words up to the closing parenthesis, one space apart.
        if tok.starts_with('(') && !tok.contains(')') {
            let mut k = i + 1;
            while k < raw.len() && k <= i + 5 && raw[k].0 == raw[k - 1].1 + 1 {
                if text[raw[k].0..raw[k].1].ends_with(')') {
                    break;
                }
                k += 1;
            }
            if k < raw.len() && k <= i + 5 {
                let words: Vec<&str> = raw[i..=k].iter().map(|&(a, b)| &text[a..b]).collect();
                if raw[k].0 == raw[k - 1].1 + 1 && parenthesized_words(&words) {
                    out.push((s, raw[k].1));
                    i = k + 1;
                    continue;
                }
            }
        }
        if is_sign(tok) && !split_signs {
            if let Some(&(ns, ne)) = raw.get(i + 1) {
                if ns == e + 1 && digit_start(&text[ns..ne]) {
                    out.push((s, ne));
                    i += 2;
                    continue;
                }
            }
        }
        if tok == "%" {
            if let Some(last) = out.last_mut() {
                if last.1 + 1 == s && text[last.0..last.1].ends_with(|c: char| c.is_ascii_digit()) {
                    last.1 = e;
                    i += 1;
                    continue;
                }
            }
        }
        out.push((s, e));
        i += 1;
    }
    out
}

/// A currency mark closing a line of figures, after its last figure and the only one on
/// the line ("Yli 3 v yli 150 h 0,65      813 €", "Bolig  2 912,50  242,71 kr"): the
/// last figure's unit, not a word of the row. The line before it and the mark's unit.
/// A line with marks after several figures ("12 kr  15 kr") is the priced rows' reader's
/// (`suffixed`), not this.
pub(crate) fn closing_currency<'a>(text: &'a str, vocab: &Vocabulary) -> Option<(&'a str, Unit)> {
    let trimmed = text.trim_end();
    // Most lines end in a figure or a word of prose: no mark to look up (this runs on
    // every line the flat reader parses).
    if trimmed.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let split = trimmed.rsplit_once([' ', '\t', '\u{a0}']);
    let apart = split.and_then(|(head, last)| Some((head.trim_end(), currency_mark(last, vocab)?)));
    let (head, unit) = match apart {
        Some(found) => found,
        // The mark glued to the figure ("813€", "1 250kr").
        None => {
            let last = trimmed.rsplit([' ', '\t', '\u{a0}']).next()?;
            let at = last.find(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | '.')))?;
            let unit = currency_mark(&last[at..], vocab)?;
            (&trimmed[..trimmed.len() - last.len() + at], unit)
        }
    };
    if !head.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let another = head
        .split_whitespace()
        .any(|t| currency_mark(t.trim_end_matches([',', ';', ')']), vocab).is_some());
    // A row of columns, not a list of one priced item per line (other readers' lines):
    // the last figure stands apart by a cell gap from a figure before it ("0,65      813"),
    // and that figure is no year ending the label ("Inkomster 2017      14,98 milj.").
    let gap = head.rfind("  ").or_else(|| head.rfind('\t'))?;
    let last_cell = head[gap..].trim();
    let before = head[..gap].trim_end();
    let figure_cell = |t: &str| {
        !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ' ' | ',' | '.' | '-' | '−' | '–'))
    };
    let mut words_before = before.rsplit([' ', '\t']);
    let last_before = words_before.next().unwrap_or("");
    // A number of one or two digits right after a word names the row ("Nivå 1      671
    // kr/månad"): the label's, not a figure.
    let numbered = last_before.len() <= 2
        && last_before.chars().all(|c| c.is_ascii_digit())
        && words_before
            .next()
            .is_some_and(|w| w.chars().any(char::is_alphabetic));
    let figure_before = last_before.ends_with(|c: char| c.is_ascii_digit())
        && figure_cell(last_before)
        && !is_year(last_before)
        && !numbered;
    (!another && figure_cell(last_cell) && figure_before).then_some((head, unit))
}

/// A currency mark of `grammars/currencies.vocab` ("kr", "€", "EUR", "kr/år"), or the
/// thousands and millions of kronor written as one word ("tkr", "mkr"): not a word of
/// scale alone ("milj.", "miljoner"), which a label's own text may end in.
fn currency_mark(token: &str, vocab: &Vocabulary) -> Option<Unit> {
    let base = token.split('/').next().unwrap_or(token).to_lowercase();
    match base.as_str() {
        "tkr" => return Some(Unit::Tkr),
        "mkr" | "mnkr" => return Some(Unit::Mnkr),
        _ => {}
    }
    // Marks are kept lower-case, longest first.
    vocab
        .currency_marks()
        .iter()
        .find(|(w, _)| *w == base)
        .map(|(_, u)| *u)
}

/// Whether the digit at byte `at` ends a word that is a unit with its exponent written
/// flat ("m2", "m3", "km2"), standing alone before a space, a "/" or the line's end
/// ("Bolig 100 m2 2206 2661 4867", "kr/m3 21,68"): a word of the label, not its last
/// letters glued to a figure. A digit glued on ("m2145 903") is still a glued run.
fn unit_with_exponent(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    if !matches!(bytes.get(at), Some(b'2' | b'3')) {
        return false;
    }
    let ends_word = bytes
        .get(at + 1)
        .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b')' | b',' | b'.'));
    let word_start = text[..at]
        .rfind(|c: char| !c.is_alphabetic())
        .map_or(0, |k| {
            k + text[k..].chars().next().map_or(1, char::len_utf8)
        });
    let letters = text[word_start..at].to_lowercase();
    ends_word && ["m", "km", "dm", "cm", "mm"].contains(&letters.as_str())
}

/// The flat-line words of the vocabulary (`grammars/table_lines.vocab`).
const LINES: &str = "table_lines";

/// Whether a sentence, not a row label, ends with this (lower-case) word before a figure
/// ("ett underskott om 2 200").
fn is_prose_ending(word: &str, vocab: &Vocabulary) -> bool {
    vocab.has_word(LINES, "prose_ending", word)
}

/// Whether a word opens a column header ("Utfall", "Budget"); case counts.
fn is_column_word(word: &str, vocab: &Vocabulary) -> bool {
    // Written in capitals ("BUDGET") it heads a column as well.
    let capitals = word.chars().count() > 1 && !word.chars().any(char::is_lowercase);
    vocab
        .phrases(LINES, "column_word")
        .iter()
        .any(|w| w == word || capitals && w.to_uppercase() == word)
}

impl FlatLine {
    /// Splits a line into label and numeric tail; `None` when it has no tail or reads as
    /// a sentence.
    pub fn parse(text: &str, vocab: &Vocabulary) -> Option<FlatLine> {
        Self::parse_with(text, vocab, false, false)
    }

    /// [`Self::parse`] for a line standing between two rows of a table: a label longer
    /// than a row's usually is ("Lainat ja vuokravastuut 31.12. milj. euroa (ilman
    /// konsernitiliä) 212 215") is still a row's, unless a sentence ends inside it.
    fn parse_between_rows(text: &str, vocab: &Vocabulary) -> Option<FlatLine> {
        Self::parse_with(text, vocab, false, true)
    }

    /// [`Self::parse`]; with `split_signs` a dash followed by one space and a figure is
    /// read as a dash (an empty cell) and the figure, not as that figure negative: how a
    /// table that writes its negatives glued ("-231") writes "- 231"
    /// ([`with_dash_readings`]).
    fn parse_with(
        text: &str,
        vocab: &Vocabulary,
        split_signs: bool,
        between_rows: bool,
    ) -> Option<FlatLine> {
        let line = text;
        let text = text.trim_start_matches(['\u{feff}']);
        let base = line.len() - text.len();
        let text = closing_currency(text, vocab).map_or(text, |(head, _)| head);
        let tokens = merged_tokens(text, split_signs);
        if let Some(glued) = Self::glued_grouped(text, vocab) {
            return Some(glued.shifted(base));
        }
        if let Some(glued) = Self::glued_decimals(text, &tokens, vocab) {
            return Some(glued.shifted(base));
        }
        if let Some(line) = Self::companion_pairs(text, &tokens, vocab) {
            return Some(line.shifted(base));
        }
        let mut first_tail = tokens.len();
        while first_tail > 0 {
            let (s, e) = tokens[first_tail - 1];
            if DigitGroup::parse(&text[s..e], vocab).is_none() {
                break;
            }
            first_tail -= 1;
        }
        // "." and ":" mark an empty cell only among figures ("-10  128 . 20"): opening
        // them they end the label ("Summa : 5 000").
        while first_tail < tokens.len()
            && matches!(&text[tokens[first_tail].0..tokens[first_tail].1], "." | ":")
        {
            first_tail += 1;
        }
        // A year opening the line, then a dash set apart on both sides, then the
        // figures ("1985 - 15 017": a population by year): the year names the row and
        // the dash stands between it and its figures, no minus of the first figure. The
        // year is the label; the figures are read from the rest of the line.
        if first_tail == 0 && tokens.len() >= 2 {
            let (s0, e0) = tokens[0];
            let (s1, e1) = tokens[1];
            let dash_apart = text[s1..e1]
                .strip_prefix(is_minus_char)
                .is_some_and(|rest| rest.starts_with(' '))
                || (text[s1..e1].chars().count() == 1 && text[s1..e1].starts_with(is_minus_char));
            if is_year(&text[s0..e0]) && s1 > e0 && dash_apart {
                let dash_len = text[s1..].chars().next().map_or(1, char::len_utf8);
                let after = s1 + dash_len;
                let rest = &text[after..];
                // Not a range of years ("2018 - 2019"): the first figure is no year.
                let read = Self::parse_with(rest, vocab, split_signs, between_rows).filter(|l| {
                    l.label.is_empty()
                        && !l.glued
                        && l.groups.first().is_some_and(|g| !is_year(&g.text))
                });
                if let Some(mut line) = read {
                    line.label = text[s0..e0].to_string();
                    return Some(line.shifted(base + after));
                }
            }
        }
        // A note reference belongs to the label: "Intäkter Not 2 132 371", "Kostnader
        // 2, 3, 17 -39 658" (the last reference of a list ends it).
        if first_tail > 0 && first_tail < tokens.len() {
            let (ps, pe) = tokens[first_tail - 1];
            let before = &text[ps..pe];
            let (fs, fe) = tokens[first_tail];
            let first = &text[fs..fe];
            let small = first.len() <= 2 && first.chars().all(|c| c.is_ascii_digit());
            let note_word = vocab.lookup("notes", before).is_some();
            let list = before.ends_with(',')
                && before
                    .trim_end_matches(',')
                    .chars()
                    .all(|c| c.is_ascii_digit());
            if small && (note_word || list) && first_tail + 1 < tokens.len() {
                first_tail += 1;
            }
        }
        // A VAT rate ending the label's words ("Moms 25%  4,59  4,59  4,72", "Mva 25 %
        // 150,00 …"): the rate names the row, its figures follow a cell gap.
        if first_tail > 0 && first_tail + 2 < tokens.len() {
            let (ps, pe) = tokens[first_tail - 1];
            let word = text[ps..pe].trim_end_matches(':').to_lowercase();
            let vat_word = crate::grammar::priced::VAT_WORDS.contains(&word.as_str());
            let (fs, fe) = tokens[first_tail];
            let rate = &text[fs..fe];
            let glued_percent = rate.strip_suffix('%').is_some_and(|r| {
                !r.is_empty()
                    && r.chars()
                        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            });
            let apart_percent = rate.chars().all(|c| c.is_ascii_digit() || c == ',')
                && tokens
                    .get(first_tail + 1)
                    .is_some_and(|&(s, e)| &text[s..e] == "%");
            let gap_after = |k: usize| {
                tokens.get(k + 1).is_some_and(|&(s, _)| {
                    let gap = &text[tokens[k].1..s];
                    gap.contains('\t') || gap.chars().filter(|c| c.is_whitespace()).count() >= 2
                })
            };
            if vat_word && glued_percent && gap_after(first_tail) {
                first_tail += 1;
            } else if vat_word
                && apart_percent
                && first_tail + 3 < tokens.len()
                && gap_after(first_tail + 1)
            {
                first_tail += 2;
            }
        }
        // A year ending the label's words ("varav pensioner intjänade från och med 1998
        // 222,9 288,9 …"): part of the label when every figure after it has decimals, as
        // a figure of that row would have too (and its thousands grouped).
        if first_tail > 0 && first_tail + 2 < tokens.len() {
            let (ps, pe) = tokens[first_tail - 1];
            let (fs, fe) = tokens[first_tail];
            let after_word = text[ps..pe].chars().all(char::is_lowercase);
            let decimals = |&(s, e): &(usize, usize)| {
                text[s..e]
                    .rsplit_once(',')
                    .is_some_and(|(_, d)| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
            };
            if after_word && is_year(&text[fs..fe]) && tokens[first_tail + 1..].iter().all(decimals)
            {
                first_tail += 1;
            }
        }
        if first_tail == tokens.len() {
            return Self::glued(text, &tokens, vocab).map(|mut f| {
                f.ranges = f
                    .ranges
                    .iter()
                    .map(|&(s, e)| (base + s, base + e))
                    .collect();
                f
            });
        }
        let tail = &tokens[first_tail..];
        // A day and month before a year ("møtet 14.2 2017"): a date, no figures.
        let date = tail.windows(2).any(|w| {
            super::digits::point_decimal(&text[w[0].0..w[0].1]).is_some()
                && is_year(&text[w[1].0..w[1].1])
        });
        if date {
            return None;
        }
        let (groups, ranges): (Vec<DigitGroup>, Vec<(usize, usize)>) = tail
            .iter()
            .filter_map(|&(s, e)| {
                Some((DigitGroup::parse(&text[s..e], vocab)?, (base + s, base + e)))
            })
            .unzip();
        // A point decimal alone ends a title as often as a row ("International Aarhus
        // 2.0"): a row only beside other figures.
        if groups.len() < 2
            && tail
                .iter()
                .any(|&(s, e)| super::digits::point_decimal(&text[s..e]).is_some())
        {
            return None;
        }
        let label_end = if first_tail == 0 {
            0
        } else {
            tokens[first_tail - 1].1
        };
        let label = text[..label_end].trim().to_string();
        // A long label is prose ("… uppgick till 1 234 tkr") unless a cell gap of two
        // spaces or more sets its figures apart and no sentence ends inside it ("Avgår
        // realisationsvinster vid försäljning av anläggningstillgångar    -4 644"): a
        // row with figures is never dropped.
        let cell_gap = first_tail > 0 && {
            let gap = &text[tokens[first_tail - 1].1..tokens[first_tail].0];
            gap.contains('\t') || gap.chars().filter(|c| c.is_whitespace()).count() >= 2
        };
        let sentence = label.contains(". ") || label.ends_with(['.', ':', ';']);
        let long = label.chars().count();
        // Three figures with points between thousands ("204.112 190.759 194.672") end no
        // sentence: the row is a row whatever its label's length.
        let point_row = groups.len() >= 3 && groups.iter().all(DigitGroup::is_point_grouped);
        // Between two rows of a table a long label is a row's too, unless a sentence
        // ends inside it: a full stop then a capital ("31.12. milj. euroa" ends none).
        let sentence_inside = label
            .split(". ")
            .skip(1)
            .any(|rest| rest.starts_with(char::is_uppercase));
        // Nor does it hold figures of its own (a run of three digits or more, a year
        // aside): those would be cells glued into the label ("…(boligverdi x 0,8)kr 2 880
        // 000kr 4 600 000kr 7 200 000").
        let figures_inside = label
            .split(|c: char| !c.is_ascii_digit())
            .any(|d| d.len() >= 3 && !is_year(d));
        let long_row = between_rows
            && long <= 100
            && !sentence_inside
            && !figures_inside
            && !label.ends_with(['.', ':', ';']);
        if long > 100 || long > 60 && (sentence || !cell_gap) && !point_row && !long_row {
            return None;
        }
        // A list item ("– 1 person jobbar 60%", "- Budget 1 200") or a lone number is no
        // table row. A dash before a row's words with three digit groups or more after
        // them is a table's indented row ("– Kassa och bank 19 161,8 171,5 11 161,9 171,6"), kept: a row
        // with figures is never dropped.
        if let Some(rest) = label.strip_prefix(['•', '–', '-', '*', '·', '\u{f0b7}']) {
            let words_first = rest
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_alphabetic);
            if !(words_first && groups.len() >= 3) {
                return None;
            }
        }
        if label.is_empty() && groups.len() < 2 {
            return None;
        }
        // Dashes alone (empty cells) make a row only under a label and two or more of
        // them ("Extraordinära poster - - - -"); a lone dash ends a sentence.
        if groups.iter().all(DigitGroup::is_dash) && (label.is_empty() || groups.len() < 2) {
            return None;
        }
        let last_word = last_word_lowercase(&label);
        // "ett underskott om totalt 2 200" ends a sentence; "Totalt 640,9 961,7 …", a
        // label of one word, is a table's total row.
        let one_word = label.split_whitespace().count() == 1;
        // A short capitalised label before three figures or more, however its groups are
        // read ("Personalkostnader totalt 13 530 -6,7 6 666 6,1"), is a row: a sentence
        // ending in "totalt" states one figure.
        // So is a "varav" row's naming an age band ("varav 7-17 år 1 083 1 101 1 106"),
        // in lower case: no sentence is cut there.
        let row_of_figures = label.split_whitespace().count() <= 4
            && (label.chars().next().is_some_and(char::is_uppercase)
                || crate::grammar::statement::is_part_of(vocab, &label)
                    && label.chars().any(|c| c.is_ascii_digit()))
            && super::digits::cell_count_range(&groups).is_some_and(|(min, _)| min >= 3);
        if is_prose_ending(&last_word, vocab) && !(one_word && groups.len() >= 2) && !row_of_figures
            || label.ends_with(':')
        {
            return None;
        }
        let mut gaps = Vec::with_capacity(groups.len() + 1);
        let mut prev_end = label_end;
        for &(s, e) in tail {
            let spaces = if first_tail == 0 && prev_end == 0 {
                0
            } else {
                text[prev_end..s].chars().count()
            };
            gaps.push(spaces);
            prev_end = e;
        }
        gaps.push(text[prev_end..].chars().count());
        Some(FlatLine::spaced(label, groups, ranges, gaps))
    }

    /// A row of figures each followed by a companion figure in parentheses, "Østfold 780
    /// (199) 700 (107) 469 (30) 469 (41)": every figure and every companion a cell of its
    /// own (the companion a part of the figure, "herav", or the year before's; positive,
    /// never the accountants' negative, which no table writes after every figure). At least
    /// two pairs and nothing but pairs after the label; each figure before its parenthesis
    /// one figure (a lead of one to three digits, then groups of three), so the
    /// parentheses part the columns. A row of one pair ("Intäkter 3 249 (3 320)") is left
    /// to the other readings.
    fn companion_pairs(
        text: &str,
        tokens: &[(usize, usize)],
        vocab: &Vocabulary,
    ) -> Option<FlatLine> {
        let word = |k: usize| &text[tokens[k].0..tokens[k].1];
        let paren = |k: usize| word(k).starts_with('(') && word(k).ends_with(')');
        let plain = |k: usize| {
            !paren(k) && DigitGroup::parse(word(k), vocab).is_some_and(|g| !g.is_parenthesized())
        };
        // From the end: (figure groups, companion) pairs until a word that is neither.
        let mut k = tokens.len();
        let mut cells: Vec<(usize, usize)> = Vec::new(); // token ranges [a, b) of each cell
        while k > 0 && paren(k - 1) {
            let close = k - 1;
            let mut a = close;
            while a > 0 && plain(a - 1) {
                a -= 1;
            }
            if a == close {
                return None;
            }
            // One figure: a lead of one to three digits, then groups of exactly three.
            let figure_words: Vec<&str> = (a..close).map(word).collect();
            let bare = |w: &str| w.trim_start_matches(is_minus_char).to_string();
            let one_figure = figure_words.len() == 1
                || bare(figure_words[0]).len() <= 3
                    && figure_words[1..]
                        .iter()
                        .all(|w| w.len() == 3 && w.chars().all(|c| c.is_ascii_digit()));
            if !one_figure {
                return None;
            }
            cells.push((close, close + 1));
            cells.push((a, close));
            k = a;
        }
        if cells.len() < 4 || k == 0 || k == tokens.len() {
            return None;
        }
        cells.reverse();
        let label = text[..tokens[k - 1].1].trim().to_string();
        if label.ends_with(':')
            || label.chars().count() > 60
            || is_prose_ending(&last_word_lowercase(&label), vocab) && !vocab.is_total_label(&label)
        {
            return None;
        }
        let mut groups = Vec::new();
        let mut ranges = Vec::new();
        for &(a, b) in &cells {
            if b == a + 1 && paren(a) {
                groups.push(DigitGroup::companion(word(a))?);
                ranges.push(tokens[a]);
            } else {
                for (t, &range) in tokens.iter().enumerate().take(b).skip(a) {
                    groups.push(DigitGroup::parse(word(t), vocab)?);
                    ranges.push(range);
                }
            }
        }
        let mut gaps = Vec::with_capacity(ranges.len() + 1);
        let mut prev_end = tokens[k - 1].1;
        for &(s, e) in &ranges {
            gaps.push(text[prev_end..s].chars().count());
            prev_end = e;
        }
        gaps.push(text[prev_end..].chars().count());
        Some(FlatLine::spaced(label, groups, ranges, gaps))
    }

    /// A row whose figures stand apart by spaces, as the plain readers find them.
    fn spaced(
        label: String,
        groups: Vec<DigitGroup>,
        ranges: Vec<(usize, usize)>,
        gaps: Vec<usize>,
    ) -> FlatLine {
        FlatLine {
            label,
            groups,
            ranges,
            gaps,
            glued: false,
            run: String::new(),
            grammar: false,
            notes: false,
            wide_cells: false,
            exponent: false,
            also: None,
        }
    }

    fn shifted(mut self, base: usize) -> FlatLine {
        self.ranges = self
            .ranges
            .iter()
            .map(|&(s, e)| (base + s, base + e))
            .collect();
        self
    }

    /// A label glued to its first figure and figures glued to each other, their
    /// thousands grouped with spaces ("Årets resultat3 000-11 70852 966…", "Berg12 832
    /// tkr10,44"): the run from the first digit (or minus) glued to the label's last
    /// letter to the end of the line, when it holds only what figures are written with
    /// (digits, single spaces, minus signs, decimal commas, units) and at least one space
    /// or comma (runs of digits alone are [`Self::glued`]'s), and the figure grammar
    /// reads it some way.
    fn glued_grouped(text: &str, vocab: &Vocabulary) -> Option<FlatLine> {
        let trimmed = text.trim_end();
        // Most lines end in a word: no run of figures ends them.
        let figure_end =
            trimmed.ends_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '−' | '–' | '%'));
        if !figure_end && !trimmed.ends_with("kr") {
            return None;
        }
        let mut glued_at = None;
        let mut prev: Option<char> = None;
        let mut before_prev: Option<char> = None;
        let mut it = trimmed.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            let next_digit = it.peek().is_some_and(|n| n.1.is_ascii_digit());
            let starts = c.is_ascii_digit() || matches!(c, '-' | '−' | '–') && next_digit;
            // A sentence's full stop glued to the figures ("… från externa poster.3 739
            // 6743 551 634") ends the label as a letter does.
            let stop = prev == Some('.') && before_prev.is_some_and(char::is_alphabetic);
            if starts
                && (prev.is_some_and(|p| p.is_alphabetic() || p == ')') || stop)
                && !unit_with_exponent(trimmed, i)
            {
                glued_at = Some(i);
                break;
            }
            before_prev = prev;
            prev = Some(c);
        }
        // Or a last word of figures run together ending in a dash, an empty cell
        // ("Jämförelsestörande poster 5626245-").
        let own_word = || {
            let (before, word) = trimmed.rsplit_once(' ')?;
            let body = word.strip_suffix(['-', '−', '–'])?;
            // Not a year broken at its hyphen ("per delåret 2021-").
            let figures = body.chars().filter(char::is_ascii_digit).count() >= 4
                && !is_year(body)
                && body
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '-' | '−' | '–'))
                && body.starts_with(|c: char| c.is_ascii_digit());
            let short = before.trim().chars().count() <= 60;
            (figures && short && before.trim_end().ends_with(char::is_alphabetic))
                .then(|| trimmed.len() - word.len())
        };
        let split = match glued_at {
            Some(at) => at,
            None => own_word()?,
        };
        let run = &trimmed[split..];
        let allowed =
            |c: char| c.is_ascii_digit() || matches!(c, ' ' | ',' | '-' | '−' | '–' | '%');
        let units_out: String = ["mnkr", "tkr", "mkr", "kr"]
            .iter()
            .fold(run.to_string(), |acc, u| acc.replace(u, " "));
        if !units_out.chars().all(allowed) || run.contains("  ") {
            return None;
        }
        if !run.contains([' ', ',']) && !run.ends_with(['-', '−', '–']) {
            return None;
        }
        let grammar = GluedRun::new(run, true)?;
        if !grammar.readable(24) {
            return None;
        }
        let label = trimmed[..split].trim().to_string();
        if !is_glued_row_label(&label, vocab) {
            return None;
        }
        let exponent = run.starts_with(|c: char| c.is_ascii_digit())
            && label
                .rsplit([' ', '/'])
                .next()
                .is_some_and(|w| w.chars().count() == 1 && w.chars().all(char::is_alphabetic));
        Some(FlatLine {
            label,
            groups: Vec::new(),
            ranges: vec![(split, trimmed.len())],
            gaps: vec![0, 0],
            glued: true,
            run: run.to_string(),
            grammar: true,
            notes: false,
            wide_cells: false,
            exponent,
            also: None,
        })
    }

    /// A numeric tail set apart from its label by a space (or standing alone) whose
    /// figures with decimals are glued to the next figure ("1 205 175 493,561 155 059
    /// 850,02", "-1 967 057 674,51-1 772 720 418,21"): a word of the tail runs a decimal
    /// part into a minus, or a figure before the last has more decimals than the last
    /// one, so the digits after a decimal comma may begin the next figure. The tail is
    /// then a glued run read by the figure grammar, every split of it a reading (the
    /// decimals the table's other cells use and its arithmetic choose).
    fn glued_decimals(
        text: &str,
        tokens: &[(usize, usize)],
        vocab: &Vocabulary,
    ) -> Option<FlatLine> {
        let figure_like = |t: &str| {
            t.starts_with(|c: char| c.is_ascii_digit() || is_minus_char(c))
                && t.chars().any(|c| c.is_ascii_digit())
                && t.chars()
                    .all(|c| c.is_ascii_digit() || c == ',' || c == ' ' || is_minus_char(c))
        };
        let mut first = tokens.len();
        while first > 0 && figure_like(&text[tokens[first - 1].0..tokens[first - 1].1]) {
            first -= 1;
        }
        let tail = &tokens[first..];
        if tail.len() < 2 {
            return None;
        }
        let decimals = |t: &str| {
            t.rsplit_once(',')
                .filter(|(_, d)| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
                .map(|(_, d)| d.len())
        };
        let words: Vec<&str> = tail.iter().map(|&(s, e)| &text[s..e]).collect();
        let last = decimals(words[words.len() - 1])?;
        // A decimal part running into a minus ("674,51-1") or into more digits than the
        // last figure's decimals ("493,561" before "850,02").
        let into_minus = words.iter().any(|w| {
            DigitGroup::parse(w, vocab).is_none()
                && w.split_once(',')
                    .is_some_and(|(_, d)| d.starts_with(|c: char| c.is_ascii_digit()))
        });
        let longer = words[..words.len() - 1]
            .iter()
            .any(|w| decimals(w).is_some_and(|d| d > last));
        if !into_minus && !longer {
            return None;
        }
        let (start, end) = (tail[0].0, tail[tail.len() - 1].1);
        let run = &text[start..end];
        let grammar = GluedRun::new(run, true)?;
        if !grammar.readable(24) {
            return None;
        }
        let label = text[..start].trim().to_string();
        if !is_glued_row_label(&label, vocab) {
            return None;
        }
        Some(FlatLine {
            label,
            groups: Vec::new(),
            ranges: vec![(start, end)],
            gaps: vec![0, 0],
            glued: true,
            run: run.to_string(),
            grammar: true,
            notes: false,
            wide_cells: false,
            exponent: false,
            also: None,
        })
    }

    /// The readings of a glued run by the figure grammar as `columns` cells.
    ///
    /// A run with as many decimal commas as cells has decimals in every figure: only the
    /// reading that gives every figure the same decimals is kept when there is one
    /// ("239,2248,6240,0" is 239,2 | 248,6 | 240,0, not 239,22 | 48,6 | 240,0).
    fn grammar_readings(&self, columns: usize, limit: usize) -> Vec<Vec<Option<String>>> {
        let of = |run: &str| {
            GluedRun::new(run, self.notes).map_or_else(Vec::new, |g| {
                if run.matches(',').count() == columns && !run.contains(", ") {
                    if let Some(r) = g.uniform_decimal_split().filter(|r| r.len() == columns) {
                        // Figures set apart by single spaces that read the run as well
                        // ("190,18 189,8": 190,18 | 189,8, beside the uniform 190,1 |
                        // 8 189,8) leave the split to the table's arithmetic.
                        let spaced: Vec<String> = run.split(' ').map(str::to_string).collect();
                        let plain = |t: &String| {
                            let body = t.strip_prefix(['-', '−', '–']).unwrap_or(t);
                            let (int, dec) = body.split_once(',').unwrap_or((body, "1"));
                            !int.is_empty()
                                && int.chars().all(|c| c.is_ascii_digit())
                                && (int == "0" || !int.starts_with('0'))
                                && !dec.is_empty()
                                && dec.chars().all(|c| c.is_ascii_digit())
                        };
                        let mut readings = vec![r.iter().cloned().map(Some).collect::<Vec<_>>()];
                        if spaced.len() == columns && spaced.iter().all(plain) && spaced != r {
                            readings.push(spaced.into_iter().map(Some).collect());
                        }
                        return readings;
                    }
                }
                g.splits(columns, limit)
                    .into_iter()
                    .map(|r| r.into_iter().map(Some).collect::<Vec<_>>())
                    .collect()
            })
        };
        let mut out = of(&self.run);
        // The first digit as the label's exponent: the readings of the rest of the run.
        if self.exponent {
            for r in of(&self.run[1..]) {
                if out.len() >= limit {
                    break;
                }
                if !out.contains(&r) {
                    out.push(r);
                }
            }
        }
        out
    }

    /// A line ending in a word with four or more digits glued after its letters
    /// ("Byggnämnd673235", cells run together by the extraction): the label and the
    /// digits, which only the table's arithmetic may split. A year ("Office2016") or a
    /// code with fewer digits ("MS4", "Office365") is a label.
    fn glued(text: &str, tokens: &[(usize, usize)], vocab: &Vocabulary) -> Option<FlatLine> {
        let &(s, e) = tokens.last()?;
        let word = &text[s..e];
        // The run: digits and minus signs, ending in a digit ("38731", "-1844-62",
        // "117229-112"); a minus always starts a figure.
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        let mut from = chars.len();
        while from > 0
            && (chars[from - 1].1.is_ascii_digit() || matches!(chars[from - 1].1, '-' | '−'))
        {
            from -= 1;
        }
        while from < chars.len()
            && !chars[from].1.is_ascii_digit()
            && !matches!(chars[from].1, '-' | '−')
        {
            from += 1;
        }
        let split = s + chars.get(from).map_or(word.len(), |c| c.0);
        let head = &text[s..split];
        let run = &text[split..e];
        let digits = run.chars().filter(char::is_ascii_digit).count();
        let signed = run.contains(['-', '−']);
        let well_formed = run.ends_with(|c: char| c.is_ascii_digit())
            && !run.contains("--")
            && !run.contains("−−")
            && !run.contains("-−")
            && !run.contains("−-");
        // Glued to the label's letters ("Servicenämnd38731", "Hemlöshet (75%)-84-68-16"),
        // or a word of its own made of figures run together ("117229-112", with a sign).
        let after_label = head.ends_with(|c: char| c.is_alphabetic() || c == ')' || c == '%');
        let own_word = head.is_empty() && signed && tokens.len() >= 2;
        // A date or a period ("2021-03-15", "2019-2020") is no run of figures.
        let date_like = run
            .split(['-', '−'])
            .next()
            .is_some_and(|first| is_year(first) && run.matches(['-', '−']).count() <= 2);
        // Three digits make a run when a minus inside it shows two figures ("3-14").
        let inner_sign = run
            .char_indices()
            .any(|(i, c)| i > 0 && matches!(c, '-' | '−'));
        let enough = (4..=40).contains(&digits) || digits == 3 && inner_sign;
        // Years glued together ("Not201620152014") are a header's column names.
        if !enough
            || !well_formed
            || is_year(run)
            || date_like
            || !(after_label || own_word)
            || unglued_years(run) != run
        {
            return None;
        }
        let label = text[..split].trim().to_string();
        // A dash before words ("-varav rea-/expl.vinster28820088") is a breakdown row;
        // a bullet is a list item.
        let dash_words = label
            .strip_prefix(['–', '-'])
            .is_some_and(|rest| rest.trim_start().starts_with(char::is_alphabetic));
        // Digits glued to it make it a row's label even when long.
        if label.chars().count() > 100
            || label.starts_with(['•', '*', '·'])
            || label.starts_with(['–', '-']) && !dash_words
        {
            return None;
        }
        let last_word = last_word_lowercase(&label);
        if is_prose_ending(&last_word, vocab) {
            return None;
        }
        let bare: String = run.chars().filter(char::is_ascii_digit).collect();
        Some(FlatLine {
            label,
            groups: vec![DigitGroup::parse(&bare, vocab)?],
            ranges: vec![(split, e)],
            gaps: vec![0, 0],
            glued: true,
            run: run.replace('−', "-"),
            grammar: false,
            notes: false,
            wide_cells: false,
            exponent: false,
            also: None,
        })
    }

    /// Where each cell of a reading of this line stands in the line (`None`: an empty
    /// cell). A figure is consecutive groups written with one space between them (or,
    /// glued, consecutive digits of the run), so the cells are matched to the groups in
    /// order; after a cell that matches no groups nothing more is placed.
    fn cell_ranges(&self, cells: &[Cell]) -> Vec<Option<(usize, usize)>> {
        let mut out = vec![None; cells.len()];
        let mut next = 0; // the next group, or (glued) the next byte of the run
        for (i, cell) in cells.iter().enumerate() {
            let raw = cell.raw.as_str();
            if raw.is_empty() {
                continue;
            }
            if self.glued && self.grammar {
                let Some(&(start, end)) = self.ranges.first() else {
                    break;
                };
                let from = start + next;
                // The cells' texts are the run's, in order; the line is not at hand
                // here, so the run's own text is searched.
                let Some(at) = self.run.get(next..).and_then(|r| r.find(raw)) else {
                    break;
                };
                let s = start + next + at;
                if s < from || s + raw.len() > end {
                    break;
                }
                out[i] = Some((s, s + raw.len()));
                next += at + raw.len();
                continue;
            }
            if self.glued {
                let Some(&(start, _)) = self.ranges.first() else {
                    break;
                };
                out[i] = Some((start + next, start + next + raw.len()));
                next += raw.len();
                continue;
            }
            let mut joined = String::new();
            let mut found = None;
            for k in next..self.groups.len() {
                if k > next {
                    joined.push(' ');
                }
                joined.push_str(&self.groups[k].text);
                if joined == raw {
                    found = Some(k);
                    break;
                }
                if joined.len() >= raw.len() {
                    break;
                }
            }
            let Some(k) = found else {
                break;
            };
            out[i] = Some((self.ranges[next].0, self.ranges[k].1));
            next = k + 1;
        }
        out
    }

    /// Every way to split the glued digits into `columns` figures (no figure but "0"
    /// starts with 0), at most `limit`.
    fn glued_readings(&self, columns: usize, limit: usize) -> Vec<Vec<Option<String>>> {
        fn split(
            rest: &str,
            left: usize,
            current: &mut Vec<Option<String>>,
            out: &mut Vec<Vec<Option<String>>>,
            limit: usize,
        ) {
            if out.len() >= limit {
                return;
            }
            if left == 0 {
                if rest.is_empty() {
                    out.push(current.clone());
                }
                return;
            }
            if rest.len() < left {
                return;
            }
            let max = if rest.starts_with('0') {
                1
            } else {
                rest.len() - (left - 1)
            };
            for k in 1..=max.min(crate::grammar::number::MAX_INTEGER_DIGITS) {
                current.push(Some(rest[..k].to_string()));
                split(&rest[k..], left - 1, current, out, limit);
                current.pop();
            }
        }
        // Each minus starts a figure: the run is cut there into segments, and each
        // segment is split into one or more figures (the first keeps the sign).
        let mut segments: Vec<&str> = Vec::new();
        let mut start = 0;
        for (i, c) in self.run.char_indices() {
            if c == '-' && i > start {
                segments.push(&self.run[start..i]);
                start = i;
            }
        }
        segments.push(&self.run[start..]);
        let mut out = Vec::new();
        if columns < 2 || columns < segments.len() {
            return out;
        }
        // How many figures each segment gives, every way that adds up to `columns`.
        fn counts(left: usize, segs: usize, current: &mut Vec<usize>, all: &mut Vec<Vec<usize>>) {
            if segs == 0 {
                if left == 0 {
                    all.push(current.clone());
                }
                return;
            }
            for k in 1..=left.saturating_sub(segs - 1) {
                current.push(k);
                counts(left - k, segs - 1, current, all);
                current.pop();
            }
        }
        let mut all = Vec::new();
        counts(columns, segments.len(), &mut Vec::new(), &mut all);
        for ks in all {
            let mut per_segment: Vec<Vec<Vec<Option<String>>>> = Vec::new();
            for (seg, &k) in segments.iter().zip(&ks) {
                let (sign, digits) = match seg.strip_prefix('-') {
                    Some(d) => ("-", d),
                    None => ("", *seg),
                };
                let mut these = Vec::new();
                split(digits, k, &mut Vec::new(), &mut these, limit);
                for r in &mut these {
                    if let Some(Some(first)) = r.first_mut() {
                        first.insert_str(0, sign);
                    }
                }
                per_segment.push(these);
            }
            // Every combination of the segments' splits.
            let mut combos: Vec<Vec<Option<String>>> = vec![Vec::new()];
            for these in &per_segment {
                let mut next = Vec::new();
                for c in &combos {
                    for t in these {
                        let mut joined = c.clone();
                        joined.extend(t.iter().cloned());
                        next.push(joined);
                        if next.len() >= limit {
                            break;
                        }
                    }
                }
                combos = next;
            }
            for c in combos {
                if out.len() >= limit {
                    return out;
                }
                out.push(c);
            }
        }
        out
    }

    /// Every group is a bare year: a header line ("Belopp netto (tkr) 2017 2017 2018").
    fn is_year_row(&self) -> bool {
        let g = &self.groups;
        // A range of years ("Endring 2018 - 2019", "2018 -2019") names one column.
        let year_at = |i: usize| g.get(i).is_some_and(|x| is_year(&x.text));
        let ranged = |i: usize| {
            let t = g[i].text.trim();
            let dash = matches!(t, "-" | "–" | "—");
            let glued = t
                .strip_prefix(['-', '–'])
                .is_some_and(|y| is_year(y.trim()));
            i > 0 && year_at(i - 1) && (dash && year_at(i + 1) || glued)
        };
        !g.is_empty() && (0..g.len()).all(|i| year_at(i) || ranged(i))
    }

    /// The same line with a leading year group moved into the label ("Budget 2017
    /// 15 388" is the row "Budget 2017" with one figure).
    fn with_year_in_label(&self) -> Option<FlatLine> {
        let first = self.groups.first()?;
        if self.label.is_empty() || !is_year(&first.text) || self.groups.len() < 2 {
            return None;
        }
        Some(FlatLine::spaced(
            format!("{} {}", self.label, first.text),
            self.groups[1..].to_vec(),
            self.ranges[1..].to_vec(),
            self.gaps[1..].to_vec(),
        ))
    }

    /// This line as a row of `columns` cells: as written, or with a leading year taken
    /// into the label when only that fits; at most `limit` readings (deciding the column
    /// count only needs to know whether a row has none, one or several).
    fn fitted_limited(
        &self,
        columns: usize,
        limit: usize,
    ) -> Option<(FlatLine, Vec<Vec<Option<String>>>)> {
        let own = self.readings_limited(columns, limit);
        if !own.is_empty() {
            return Some((self.clone(), own));
        }
        let alt = self.with_year_in_label()?;
        let r = alt.readings_limited(columns, limit);
        (!r.is_empty()).then_some((alt, r))
    }

    /// [`Self::fitted_limited`], or else the row read with fewer figures than columns and
    /// its unmarked empty cells placed every way ([`Self::short_readings`]): a row is
    /// kept for the table's arithmetic to place, never dropped.
    fn fitted_or_short(
        &self,
        columns: usize,
        limit: usize,
    ) -> Option<(FlatLine, Vec<Vec<Option<String>>>)> {
        let fit = self.fitted_limited(columns, limit).or_else(|| {
            let short = self.short_readings(columns, limit);
            (!short.is_empty()).then(|| (self.clone(), short))
        });
        // A row that sets figures apart by two spaces and writes single spaces too
        // ("Nämnd B    2 400  2 500"): whether a single space is a thousands space or a
        // column gap is not written, so the readings that join every single space are
        // among its readings, for the arithmetic to choose or leave not decided.
        let mixed = (1..self.groups.len()).any(|j| self.gaps[j] >= 2) && self.has_single_gap();
        if self.wide_cells || !mixed || self.wide_cell_figures().is_none() {
            return fit;
        }
        let wide = FlatLine {
            wide_cells: true,
            ..self.clone()
        };
        let extra = match wide.fitted_limited(columns, limit) {
            Some((_, r)) => r,
            None => wide.short_readings(columns, limit),
        };
        match fit {
            Some((line, mut readings)) if line.label == self.label => {
                for e in extra {
                    if readings.len() < limit && !readings.contains(&e) {
                        readings.push(e);
                    }
                }
                Some((line, readings))
            }
            None if !extra.is_empty() => Some((self.clone(), extra)),
            other => other,
        }
    }

    /// Readings of a row with one or two figures fewer than columns whose empty cells
    /// are written as nothing ("Kommunbidrag 7 315 7 258 11 196 11 196" under five
    /// columns): each placement of the empty cells, fewest empty cells first.
    fn short_readings(&self, columns: usize, limit: usize) -> Vec<Vec<Option<String>>> {
        self.short_readings_up_to(columns, limit, false)
    }

    /// [`Self::short_readings`]; with `every`, the readings with one and with two figures
    /// fewer than columns both (thousands joined where a row read full splits them:
    /// "Summa 4 698 1 943 41,36" as 4 698 | 1 943 | 41,36 with two cells empty).
    fn short_readings_up_to(
        &self,
        columns: usize,
        limit: usize,
        every: bool,
    ) -> Vec<Vec<Option<String>>> {
        let mut out = Vec::new();
        if self.glued && self.grammar {
            // One figure fewer than columns, the empty cell in each place.
            for r in self.grammar_readings(columns.saturating_sub(1), limit) {
                for empty in 0..columns {
                    let mut cells = r.clone();
                    cells.insert(empty, None);
                    out.push(cells);
                    if out.len() >= limit {
                        return out;
                    }
                }
            }
            return out;
        }
        if self.glued {
            return out;
        }
        // Under wide cells the figures are made one way: a row of fewer still (one
        // figure of "Avgår reservering till RUR    -33 397" under five years) is read in
        // every placement too, so that a relation through it is decided only where it
        // fails under each ([`Self::lists_every_placement`]).
        if let Some(seg) = self.wide_cells.then(|| self.wide_cell_figures()).flatten() {
            let figures = seg.len();
            if figures >= 1 && figures + 2 < columns {
                let texts = figure_texts(&self.groups, &seg);
                let mut filled: Vec<usize> = (0..figures).collect();
                loop {
                    let mut it = texts.iter();
                    out.push(
                        (0..columns)
                            .map(|c| filled.contains(&c).then(|| it.next().cloned()).flatten())
                            .collect(),
                    );
                    if out.len() >= limit {
                        return out;
                    }
                    // The next choice of filled columns, in order.
                    let Some(i) = (0..figures)
                        .rev()
                        .find(|&i| filled[i] < columns - figures + i)
                    else {
                        return out;
                    };
                    filled[i] += 1;
                    for j in i + 1..figures {
                        filled[j] = filled[j - 1] + 1;
                    }
                }
            }
        }
        let breaks: Vec<bool> = (0..self.groups.len())
            .map(|j| j > 0 && self.gaps[j] >= 2)
            .collect();
        for missing in 1..=columns.saturating_sub(1).min(2) {
            let figures = columns - missing;
            for seg in self.segmentations(figures, limit, &breaks) {
                let texts = figure_texts(&self.groups, &seg);
                let placements: Vec<Vec<usize>> = if missing == 1 {
                    (0..columns).map(|a| vec![a]).collect()
                } else {
                    (0..columns)
                        .flat_map(|a| (a + 1..columns).map(move |b| vec![a, b]))
                        .collect()
                };
                for empty in placements {
                    let mut it = texts.iter();
                    let cells: Vec<Option<String>> = (0..columns)
                        .map(|c| {
                            if empty.contains(&c) {
                                None
                            } else {
                                it.next().cloned()
                            }
                        })
                        .collect();
                    out.push(cells);
                    if out.len() >= limit {
                        return out;
                    }
                }
            }
            if !out.is_empty() && !every {
                return out;
            }
        }
        out
    }

    /// Whether this row leaves cells empty without marking them: its groups make
    /// figures one way only (no thousands to join or split), two or more but fewer than
    /// `columns`, and no gap of three spaces or more stands for an empty cell.
    fn shows_unmarked_empties(&self, columns: usize) -> bool {
        !self.glued
            && !self.wide_cells
            && self.gaps.iter().all(|&g| gap_empties(g) == 0)
            && super::digits::cell_count_range(&self.groups)
                .is_some_and(|(min, max)| min == max && min >= 2 && min < columns)
    }

    /// The readings of a row read as `columns` figures in a table whose other rows leave
    /// cells empty without marking them: the same groups read with fewer figures (one
    /// or two), every placement of the empty cells, are readings too, for the arithmetic
    /// to choose or leave not decided. A row whose groups make figures one way only
    /// gains none.
    fn with_short_readings(
        &self,
        columns: usize,
        limit: usize,
        mut readings: Vec<Vec<Option<String>>>,
    ) -> Vec<Vec<Option<String>>> {
        if self.glued || self.wide_cells {
            return readings;
        }
        for r in self.short_readings_up_to(columns, limit, true) {
            if readings.len() >= limit {
                break;
            }
            if !readings.contains(&r) {
                readings.push(r);
            }
        }
        readings
    }

    /// The ways to read the groups as `figures` figures: every one the figure grammar
    /// and the column gaps allow, or under [`Self::wide_cells`] only the one that joins
    /// each single space.
    fn segmentations(&self, figures: usize, limit: usize, breaks: &[bool]) -> Vec<Segmentation> {
        if self.wide_cells {
            return self
                .wide_cell_figures()
                .filter(|s| s.len() == figures)
                .into_iter()
                .collect();
        }
        segmentations_with_breaks(&self.groups, figures, limit, breaks)
    }

    /// The figures when every gap of two spaces or more sets cells apart and every
    /// single space stands inside a figure: `None` when a block so joined is no figure
    /// ("7 315 7 258").
    fn wide_cell_figures(&self) -> Option<Segmentation> {
        if self.glued || self.groups.is_empty() {
            return None;
        }
        let breaks: Vec<bool> = (0..self.groups.len())
            .map(|j| j > 0 && self.gaps[j] >= 2)
            .collect();
        let blocks = 1 + breaks.iter().filter(|&&b| b).count();
        // With a break before every block, `blocks` figures can only be the blocks.
        segmentations_with_breaks(&self.groups, blocks, 1, &breaks)
            .into_iter()
            .next()
            .filter(|s| s.len() == blocks)
    }

    /// Whether `listed` readings of this row as `columns` cells are every placement of
    /// its figures: only under [`Self::wide_cells`], where the figures are made one way.
    fn lists_every_placement(&self, columns: usize, listed: usize) -> bool {
        if !self.wide_cells {
            return false;
        }
        let Some(figures) = self.wide_cell_figures().map(|s| s.len()) else {
            return false;
        };
        // The number of ways to choose which cells are empty.
        let empty = columns.saturating_sub(figures);
        let ways = (0..empty).fold(1usize, |acc, k| acc * (columns - k) / (k + 1));
        figures < columns && listed == ways
    }

    /// Whether a single space stands between two of the row's groups.
    fn has_single_gap(&self) -> bool {
        (1..self.groups.len()).any(|j| self.gaps[j] == 1)
    }

    /// The readings of this row as exactly `columns` cells (`None` = empty cell), using
    /// the whitespace hints for empty cells, or without them when they fit nowhere.
    pub fn readings(&self, columns: usize) -> Vec<Vec<Option<String>>> {
        self.readings_limited(columns, READING_LIMIT)
    }

    fn readings_limited(&self, columns: usize, limit: usize) -> Vec<Vec<Option<String>>> {
        if self.glued && self.grammar {
            return self.grammar_readings(columns, limit);
        }
        if self.glued {
            return self.glued_readings(columns, limit);
        }
        let hinted: Vec<usize> = self
            .gaps
            .iter()
            .enumerate()
            .map(|(i, &g)| {
                // A first group right after the label: two spaces are ordinary there.
                if i == 0 && self.label.is_empty() {
                    0
                } else {
                    gap_empties(g)
                }
            })
            .collect();
        let with_hints = self.readings_with(columns, &hinted, limit);
        if !with_hints.is_empty() {
            return with_hints;
        }
        self.readings_with(columns, &vec![0; self.gaps.len()], limit)
    }

    fn readings_with(
        &self,
        columns: usize,
        empties: &[usize],
        limit: usize,
    ) -> Vec<Vec<Option<String>>> {
        let total_empty: usize = empties.iter().sum();
        if total_empty >= columns {
            return Vec::new();
        }
        let figures = columns - total_empty;
        let mut out = Vec::new();
        // A figure never spans a column gap (two or more spaces), nor a single space in
        // a row that writes a figure of four digits or more without one ("50 102,08
        // 306,25 1225,00": 50 and 102,08).
        let unspaced = self.groups.iter().any(DigitGroup::unspaced_thousands);
        let breaks: Vec<bool> = (0..self.groups.len())
            .map(|j| j > 0 && (unspaced || self.gaps[j] >= 2))
            .collect();
        for seg in self.segmentations(figures, limit, &breaks) {
            let texts = figure_texts(&self.groups, &seg);
            let mut cells = Vec::with_capacity(columns);
            for (&(s, _), text) in seg.iter().zip(texts) {
                cells.extend(std::iter::repeat_n(None, empties[s]));
                cells.push(Some(text));
            }
            cells.extend(std::iter::repeat_n(None, empties[self.groups.len()]));
            if cells.len() == columns {
                out.push(cells);
            }
        }
        out
    }
}

/// Reads one flat row as `columns` cells, the first reading in enumeration order (the
/// entry point of the fuzz target and property tests; tables choose by arithmetic).
pub fn parse_flat_row(
    text: &str,
    columns: usize,
    vocab: &Vocabulary,
) -> Option<(String, Vec<Option<String>>)> {
    let line = FlatLine::parse(text, vocab)?;
    let first = line.readings(columns).into_iter().next()?;
    Some((line.label, first))
}

#[derive(Debug)]
enum Kind {
    Row(FlatLine),
    Years,
    Blank,
    Text,
}

fn classify_line(text: &str, vocab: &Vocabulary) -> Kind {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Kind::Blank;
    }
    // A part of a budget's division with its share ("Skola: 468 mkr, 59 %"): the share
    // lists' reader's (`suffixed::extract_share_lists`), not a row whose label holds the
    // amount.
    if (trimmed.ends_with('%') || trimmed.ends_with("%)"))
        && super::suffixed::share_line(trimmed, vocab).is_some()
    {
        return Kind::Text;
    }
    match FlatLine::parse(text, vocab) {
        Some(f) if f.is_year_row() => Kind::Years,
        Some(f) => Kind::Row(f),
        None => Kind::Text,
    }
}

/// A line read as text for its long label, standing right between two rows with as
/// many figures as it ends in (or above another such line), is a row of their table:
/// its figures would otherwise be lost without a word.
fn with_long_rows(lines: &[&Line], mut kinds: Vec<Kind>, vocab: &Vocabulary) -> Vec<Kind> {
    // The cell counts a row's digit groups allow ("3 553,6 3 323": 2 to 4).
    let cells = |f: &FlatLine| super::digits::cell_count_range(&f.groups);
    let row_cells = |k: &Kind| match k {
        Kind::Row(f) if !f.glued => cells(f),
        _ => None,
    };
    let meet = |a: (usize, usize), b: (usize, usize)| a.0 <= b.1 && b.0 <= a.1;
    for i in 1..kinds.len() {
        if !matches!(kinds[i], Kind::Text) {
            continue;
        }
        let Some(above) = row_cells(&kinds[i - 1]) else {
            continue;
        };
        let Some(row) = FlatLine::parse_between_rows(&lines[i].text, vocab) else {
            continue;
        };
        let Some(own) = cells(&row) else {
            continue;
        };
        let below = match kinds.get(i + 1) {
            Some(k @ Kind::Row(_)) => row_cells(k),
            Some(Kind::Text) => {
                FlatLine::parse_between_rows(&lines[i + 1].text, vocab).and_then(|f| cells(&f))
            }
            _ => None,
        };
        if meet(own, above) && below.is_some_and(|b| meet(own, b)) {
            kinds[i] = Kind::Row(row);
        }
    }
    kinds
}

/// A line read as text because a unit of measure closes its one figure ("Kommunens
/// totala areal 390 km²", "Kommunägd mark 2.140,8 ha"), standing next to a row of one
/// figure (or to another such line): a row of that list, its unit joined to its label
/// ("Kommunens totala areal, km²"). Left as text it was taken for the next row's wrapped
/// label or the table's caption, its figure lost without a word.
fn with_unit_closed_rows(lines: &[&Line], mut kinds: Vec<Kind>, vocab: &Vocabulary) -> Vec<Kind> {
    let one_cell = |f: &FlatLine| {
        !f.glued && super::digits::cell_count_range(&f.groups).is_some_and(|(lo, _)| lo == 1)
    };
    let candidates: Vec<Option<FlatLine>> = lines
        .iter()
        .zip(&kinds)
        .map(|(l, k)| {
            if !matches!(k, Kind::Text) {
                return None;
            }
            let (head, unit) = l.text.trim_end().rsplit_once([' ', '\u{a0}'])?;
            if !vocab.has_word(LINES, "measure_unit", &unit.to_lowercase()) {
                return None;
            }
            let head = head.trim_end();
            if !head.ends_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            let mut row = FlatLine::parse_between_rows(head, vocab)?;
            if !one_cell(&row) || row.label.trim().is_empty() {
                return None;
            }
            row.label = format!(
                "{}, {unit}",
                row.label.trim_end_matches([' ', ',', ':', '='])
            );
            Some(row)
        })
        .collect();
    if candidates.iter().all(Option::is_none) {
        return kinds;
    }
    // A neighbour that is a row of one figure, or a line made one in an earlier pass
    // (a list of such lines above its first plain row).
    loop {
        let mut changed = false;
        for i in 0..kinds.len() {
            let Some(row) = candidates[i].as_ref() else {
                continue;
            };
            if !matches!(kinds[i], Kind::Text) {
                continue;
            }
            let row_next_to = |j: usize| matches!(&kinds[j], Kind::Row(f) if one_cell(f));
            let beside =
                (i > 0 && row_next_to(i - 1)) || (i + 1 < kinds.len() && row_next_to(i + 1));
            if beside {
                kinds[i] = Kind::Row(row.clone());
                changed = true;
            }
        }
        if !changed {
            return kinds;
        }
    }
}

/// Short text that can be a wrapped row label or a heading inside a table.
fn is_label_like(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.chars().count() <= 45 && !t.ends_with('.') && !t.ends_with(':')
}

/// The heading that divides a group's result among its owners, written with a colon
/// ("Hänförligt till:"): a heading inside the table, not text that ends it.
fn is_attribution_lead_in(text: &str, vocab: &Vocabulary) -> bool {
    text.trim()
        .strip_suffix(':')
        .is_some_and(|head| crate::grammar::statement::is_attribution_heading(vocab, head))
}

/// Running header/footer text that seeds keep inline ("Ärende 4", "Sida 3 (12)").
fn is_furniture(text: &str) -> bool {
    let t = text.trim();
    let mut words = t.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some("Ärende"), Some(n), None) => n.chars().all(|c| c.is_ascii_digit()),
        (Some("Sida" | "Sid"), Some(n), _) => n.chars().all(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// A line made only of header words, years and dates: part of the column headers.
fn is_header_line(text: &str, vocab: &Vocabulary) -> bool {
    text.split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == '.')
        .filter(|w| !w.is_empty())
        .all(|w| {
            vocab.has_word(LINES, "header_word", &w.to_lowercase())
                || w.chars().all(|c| c.is_ascii_digit() || c == '-')
        })
}

/// One column's header being gathered from flat header lines.
#[derive(Default)]
struct HeaderColumn {
    /// The column word and the words qualifying it ("Utfall ack.", "Avvikelse budget").
    words: Vec<String>,
    /// The period it covers ("aug 2020", "2021", "2016-08-31") and how many of `words`
    /// come before it.
    period: Option<(String, usize)>,
}

impl HeaderColumn {
    fn name(&self) -> String {
        let at = self.period.as_ref().map_or(self.words.len(), |p| p.1);
        let at = at.min(self.words.len());
        self.words[..at]
            .iter()
            .chain(self.period.iter().map(|p| &p.0))
            .chain(self.words[at..].iter())
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A column of differences ("Avvikelse budget vs. prognos"): it names no period.
    fn is_difference(&self) -> bool {
        self.words.first().is_some_and(|w| {
            matches!(
                w.as_str(),
                "Avvikelse" | "Skillnad" | "Differens" | "Förändring"
            )
        })
    }
}

/// A token of a header line that names a period, with how many tokens it takes: a year
/// ("2021"), a date ("2017-08-31", or "2017-08-" with "31" wrapped after it), or a month
/// and a year ("aug 2020").
fn header_period(tokens: &[&str], vocab: &Vocabulary) -> Option<(String, usize)> {
    let t = *tokens.first()?;
    let digits = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_digit());
    if is_year(t) {
        return Some((t.to_string(), 1));
    }
    let parts: Vec<&str> = t.split('-').collect();
    if parts.len() == 3 && is_year(parts[0]) && digits(parts[1], 2) {
        if digits(parts[2], 2) {
            return Some((t.to_string(), 1));
        }
        if parts[2].is_empty() {
            let day = tokens.get(1).filter(|d| digits(d, 2))?;
            return Some((format!("{t}{day}"), 2));
        }
    }
    let month = vocab.month(t).is_some() && t.chars().next().is_some_and(char::is_lowercase);
    match tokens.get(1) {
        Some(y) if month && is_year(y) => Some((format!("{t} {y}"), 2)),
        _ => None,
    }
}

/// Column names from the header lines of flat text, where a header wrapped inside its
/// cell comes out either column by column ("Utfall / aug / 2016 / Budget / ack. aug /
/// 2017 …") or line by line across the columns ("Utfall Utfall Budget Prognos /
/// Avvikelse / budget / (tkr) aug 2020 aug 2021 2021 2021 / vs. prognos / helår"). A
/// capitalised column word starts a column; lower-case words qualify the column started
/// last; periods go to the column current when they come, or, when all of them come after
/// the last column word (line by line), in order to the columns that are not differences.
/// Words at the start of a line before any column word or period ("RESULTATRÄKNING",
/// "Belopp netto (tkr)") head the label column, not these. `None` when the header does
/// not name exactly `columns` columns this way.
fn columns_by_header_words(
    header: &[&str],
    columns: usize,
    vocab: &Vocabulary,
) -> Option<Vec<String>> {
    let total = header
        .iter()
        .flat_map(|l| l.split_whitespace())
        .filter(|w| is_column_word(w, vocab))
        .count();
    if columns == 0 || total < columns {
        return None;
    }
    // Column words before the last `columns` ones belong to titles above the header.
    let mut skip = total - columns;
    let mut cols: Vec<HeaderColumn> = Vec::new();
    // Periods with the column current when each came and how many of its words were
    // read by then (None: before any column).
    let mut periods: Vec<(String, Option<(usize, usize)>)> = Vec::new();
    // The header's words in reading order, each with whether it starts a line: a date
    // wraps over lines ("2016-08-" / "31"), a label segment ends with its line.
    let tokens: Vec<(&str, bool)> = header
        .iter()
        .flat_map(|l| l.split_whitespace().enumerate().map(|(i, w)| (w, i == 0)))
        .collect();
    let words: Vec<&str> = tokens.iter().map(|t| t.0).collect();
    let mut in_label = false;
    let mut i = 0;
    while i < tokens.len() {
        let (t, starts_line) = tokens[i];
        if starts_line {
            in_label = !is_column_word(t, vocab)
                && header_period(&words[i..], vocab).is_none()
                && (t.starts_with('(') || t.chars().next().is_some_and(char::is_uppercase));
        }
        if is_column_word(t, vocab) {
            in_label = false;
            if skip > 0 {
                skip -= 1;
            } else {
                cols.push(HeaderColumn {
                    words: vec![t.to_string()],
                    ..HeaderColumn::default()
                });
            }
            i += 1;
            continue;
        }
        if let Some((period, n)) = header_period(&words[i..], vocab) {
            in_label = false;
            let at = cols.len().checked_sub(1).map(|c| (c, cols[c].words.len()));
            periods.push((period, at));
            i += n;
            continue;
        }
        if !in_label {
            if let Some(c) = cols.last_mut() {
                c.words.push(t.to_string());
            }
        }
        i += 1;
    }
    if cols.len() != columns {
        return None;
    }
    let periods: Vec<(String, usize, usize)> = periods
        .into_iter()
        .filter_map(|(p, at)| at.map(|(c, pos)| (p, c, pos)))
        .collect();
    let last = cols.len() - 1;
    let line_by_line = periods.iter().all(|(_, c, _)| *c == last);
    if line_by_line {
        let dated: Vec<usize> = (0..cols.len())
            .filter(|&c| !cols[c].is_difference())
            .collect();
        let targets: Vec<usize> = if periods.len() == dated.len() {
            dated
        } else if periods.len() <= cols.len() {
            // Fewer periods than columns, on a line after the last column word: they
            // stand under the last columns ("… Avvikelse Avvikelse" / "2017": the second
            // Avvikelse is 2017's).
            (cols.len() - periods.len()..cols.len()).collect()
        } else {
            return None;
        };
        for ((p, _, pos), c) in periods.into_iter().zip(targets) {
            let at = if c == last { pos } else { cols[c].words.len() };
            cols[c].period = Some((p, at));
        }
    } else {
        for (p, c, pos) in periods {
            if cols[c].period.is_some() {
                return None;
            }
            cols[c].period = Some((p, pos));
        }
    }
    Some(cols.iter().map(HeaderColumn::name).collect())
}

/// Column names written one cell per line, each cell wrapped over the same number of
/// lines ("Utfall" / "dec 2017" / "Förändring jämfört" / "med dec 2016" / … over five
/// columns): the last `k × columns` header lines (top down), in groups of `k` (2 to 4),
/// each group one name. Taken only when exactly one `k` fits: every group opens with a
/// line starting with a capital letter that is no month, every other line of a group
/// continues it (starts in lower case or with a year or date), and the line above the
/// groups, if any, continues nothing (it is no part of the first group). Every line is
/// short and no sentence. Returns the names and how many header lines they took.
fn wrapped_cell_headers(
    header: &[&str],
    columns: usize,
    vocab: &Vocabulary,
) -> Option<(Vec<String>, usize)> {
    let lines: Vec<&str> = header
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    if columns < 2 {
        return None;
    }
    let continues = |l: &str| {
        let tokens: Vec<&str> = l.split_whitespace().collect();
        l.chars().next().is_some_and(char::is_lowercase) || header_period(&tokens, vocab).is_some()
    };
    let opens = |l: &str| {
        let first = l.split_whitespace().next().unwrap_or("");
        l.chars().next().is_some_and(char::is_uppercase) && vocab.month(first).is_none()
    };
    let short =
        |l: &str| is_label_like(l) && FlatLine::parse(l, vocab).is_none_or(|f| f.is_year_row());
    let fits = |k: usize| {
        let n = k * columns;
        if n > lines.len() {
            return false;
        }
        let block = &lines[lines.len() - n..];
        let above_free = lines.len() == n || !continues(lines[lines.len() - n - 1]);
        above_free
            && block.iter().all(|l| short(l))
            && block
                .chunks(k)
                .all(|g| opens(g[0]) && !continues(g[0]) && g[1..].iter().all(|l| continues(l)))
    };
    let fitting: Vec<usize> = (1..=4).filter(|&k| fits(k)).collect();
    let [k] = fitting[..] else {
        return None;
    };
    if k < 2 {
        return None;
    }
    let n = k * columns;
    let names = lines[lines.len() - n..]
        .chunks(k)
        .map(|g| g.join(" "))
        .collect();
    Some((names, n))
}

/// Column names from the jumbled header lines of flat text: per column when the header
/// words say which column they belong to ([`columns_by_header_words`]), else the last
/// `columns` capitalised column words in reading order, with the years of a year line
/// when it has one per column.
fn columns_from_header(header: &[&str], columns: usize, vocab: &Vocabulary) -> Vec<String> {
    if let Some(names) = columns_by_header_words(header, columns, vocab) {
        return names;
    }
    // A "Not" column first, which no column word names: the other columns by their
    // words ("Not" / "Bokslut 2015" / "Budget 2016" …), or by the column words and years
    // after the note word ("Belopp i tkr Not BUDGET / 2020 / 2020 2019 2018").
    if let Some(note) = header_note_word(header, vocab) {
        let rest = columns.checked_sub(1).filter(|&n| n > 0).and_then(|n| {
            columns_by_header_words(header, n, vocab)
                .or_else(|| columns_after_note(header, n, vocab))
        });
        if let Some(rest) = rest {
            return std::iter::once(note).chain(rest).collect();
        }
    }
    if let Some(names) = per_period_header(header, columns, vocab) {
        return names;
    }
    let words: Vec<String> = header
        .iter()
        .flat_map(|l| l.split_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| is_column_word(w, vocab))
        .collect();
    if words.len() < columns {
        return years_with_entities(header, columns, vocab)
            .or_else(|| glued_header(header, columns, vocab))
            .or_else(|| period_ended_header(header, columns))
            .or_else(|| years_then_word_header(header, columns))
            .unwrap_or_else(|| vec![String::new(); columns]);
    }
    let mut names: Vec<String> = words[words.len() - columns..].to_vec();
    let year_line = header.iter().rev().find_map(|l| {
        FlatLine::parse(l, vocab).filter(|f| f.is_year_row() && f.groups.len() == columns)
    });
    if let Some(years) = year_line {
        for (n, g) in names.iter_mut().zip(&years.groups) {
            n.push(' ');
            n.push_str(&g.text);
        }
    }
    names
}

impl<'a> Run<'a> {
    /// The run's rows from `skip` on (those after a misfit), with their label lines and
    /// headings.
    fn after(&self, skip: usize) -> Run<'a> {
        Run {
            rows: self.rows[skip..].to_vec(),
            prefixes: self.prefixes[skip..].to_vec(),
            headings: self
                .headings
                .iter()
                .filter(|(p, _, _)| *p >= skip)
                .map(|&(p, o, t)| (p - skip, o, t))
                .collect(),
        }
    }
}

#[derive(Clone)]
struct Run<'a> {
    /// Index (into the page's lines) of each row's line, with the row.
    rows: Vec<(usize, FlatLine)>,
    /// Label lines folded into the row that follows them, per row.
    prefixes: Vec<Vec<&'a str>>,
    /// Label-only lines inside the run: group headings, kept as rows, by row position.
    headings: Vec<(usize, usize, &'a str)>,
}

/// The unit every row of a run writes after its last figure ("813 €", "1 250 €"), when at
/// least two rows write one and none writes another: the table's unit where its header
/// and title name none.
fn closing_unit(lines: &[&Line], rows: &[(usize, FlatLine)], vocab: &Vocabulary) -> Option<Unit> {
    let mut units = rows
        .iter()
        .filter_map(|(idx, _)| closing_currency(&lines.get(*idx)?.text, vocab).map(|(_, u)| u));
    let first = units.next()?;
    let mut count = 1;
    for u in units {
        if u != first {
            return None;
        }
        count += 1;
    }
    (count >= 2).then_some(first)
}

/// The widest table the rows' own figures are read into: the search for a column count,
/// and the checks of the columns' relations after it, grow with the cube of the count.
const MAX_COLUMNS: usize = 24;

/// Whether a row holds more figures, however its digit groups are read, than the widest
/// table the reader takes ([`MAX_COLUMNS`]).
fn wider_than_read(row: &FlatLine) -> bool {
    !row.glued
        && (row.groups.len() > super::digits::MAX_GROUPS
            || super::digits::cell_count_range(&row.groups)
                .is_some_and(|(fewest, _)| fewest > MAX_COLUMNS))
}

/// The column count the rows agree on: the count most rows can be read as, then the one
/// most rows can be read as in exactly one way, then the smaller.
fn column_count(rows: &[&FlatLine]) -> Option<usize> {
    let max = rows
        .iter()
        .map(|r| {
            if r.grammar {
                // A glued run: as many figures as it has digits, at most.
                r.run.chars().filter(char::is_ascii_digit).count()
            } else {
                r.groups.len() + r.gaps.iter().map(|&g| gap_empties(g)).sum::<usize>()
            }
        })
        .max()?;
    let mut best: Option<(usize, usize, usize)> = None;
    for c in 1..=max.min(MAX_COLUMNS) {
        let counts: Vec<usize> = rows
            .iter()
            .map(|r| r.fitted_limited(c, 2).map_or(0, |(_, rs)| rs.len()))
            .collect();
        let fit = counts.iter().filter(|&&n| n > 0).count();
        let exact = counts.iter().filter(|&&n| n == 1).count();
        if fit == 0 {
            continue;
        }
        let better = match best {
            None => true,
            Some((_, bf, be)) => (fit, exact) > (bf, be),
        };
        if better {
            best = Some((c, fit, exact));
        }
    }
    best.map(|(c, _, _)| c)
}

/// The column count most rows agree on, widened by one or two when a row has more
/// figures than that however its groups are read ("S:a investeringar egna" with five
/// figures under rows whose empty first cell is marked by wider spacing) and every row
/// can be read that wide as written (its empty cells marked): the table is as wide as
/// its widest row, and no row is lost.
fn widened_to_fit(rows: &[&FlatLine], columns: usize) -> usize {
    let need = rows
        .iter()
        .filter(|r| r.fitted_limited(columns, 1).is_none())
        .filter_map(|r| super::digits::cell_count_range(&r.groups).map(|(min, _)| min))
        .max()
        .unwrap_or(columns);
    if need > columns
        && need <= columns + 2
        && rows.iter().all(|r| r.fitted_limited(need, 1).is_some())
    {
        need
    } else {
        columns
    }
}

/// Decimals added to every figure while glued rows' readings are scored: the slack of
/// rounding becomes negligible, so a relation counts only when it holds exactly.
const TIGHT_DECIMALS: u32 = 6;

fn tighten(cells: &mut [Cell], on: bool) {
    for c in cells {
        c.decimals = if on {
            c.decimals + TIGHT_DECIMALS
        } else {
            c.decimals.saturating_sub(TIGHT_DECIMALS)
        };
    }
}

/// A reading's cells as scored: tightened while glued rows are chosen.
fn scored_cells(reading: &[Option<String>], vocab: &Vocabulary, tight: bool) -> Vec<Cell> {
    let mut cells = cells_of(reading, vocab);
    if tight {
        tighten(&mut cells, true);
    }
    cells
}

/// A reading's scored cells and their figures.
type Scored = (Vec<Cell>, Vec<Option<Interval>>);

/// The scored cells of each reading of each row, parsed once with their figures:
/// choosing readings scores the same readings many times over. The scoring reads the
/// figures of the reading each row holds now (`now`); the rows' cells are set to that
/// reading's cells only where the scoring reads cells, and when the choice is made
/// ([`ScoredCache::sync`]).
struct ScoredCache<'a> {
    readings: &'a [Vec<Vec<Option<String>>>],
    parsed: Vec<Vec<Option<Scored>>>,
    vocab: &'a Vocabulary,
    tight: bool,
    /// Per row, the figures of the cells it holds now.
    now: Vec<Vec<Option<Interval>>>,
    /// Per row, the reading it holds now (`None`: its cells as given).
    pick: Vec<Option<usize>>,
    /// Per row, the reading its cells were last set to.
    held: Vec<Option<usize>>,
}

impl<'a> ScoredCache<'a> {
    fn new(
        rows: &[Row],
        readings: &'a [Vec<Vec<Option<String>>>],
        vocab: &'a Vocabulary,
        tight: bool,
    ) -> Self {
        ScoredCache {
            readings,
            parsed: readings.iter().map(|r| vec![None; r.len()]).collect(),
            vocab,
            tight,
            now: rows
                .iter()
                .map(|r| r.cells.iter().map(figure).collect())
                .collect(),
            pick: vec![None; rows.len()],
            held: vec![None; rows.len()],
        }
    }

    /// Row `i` now holds reading `r` ([`scored_cells`]).
    fn set(&mut self, i: usize, r: usize) {
        let slot = &mut self.parsed[i][r];
        let (_, figs) = slot.get_or_insert_with(|| {
            let cells = scored_cells(&self.readings[i][r], self.vocab, self.tight);
            let figs = cells.iter().map(figure).collect();
            (cells, figs)
        });
        self.now[i].clone_from(figs);
        self.pick[i] = Some(r);
    }

    /// Sets each row's cells to the reading it holds now.
    fn sync(&mut self, rows: &mut [Row]) {
        for (i, row) in rows.iter_mut().enumerate() {
            if self.held[i] == self.pick[i] {
                continue;
            }
            if let Some((cells, _)) = self.pick[i].and_then(|r| self.parsed[i][r].as_ref()) {
                row.cells = cells.clone();
            }
            self.held[i] = self.pick[i];
        }
    }

    /// How many of the table's relations hold with the readings the rows hold now
    /// ([`relations_holding_in`]).
    /// ([`relations_holding_in`]), of those that read a row marked in `varying`: the
    /// rows whose readings the scorings compared differ in.
    fn score(
        &mut self,
        rows: &mut [Row],
        roles: &RowRoles,
        difference_column: bool,
        varying: &[bool],
    ) -> i64 {
        if roles.reads_cells() {
            self.sync(rows);
        }
        relations_holding_in(rows, &self.now, roles, difference_column, Some(varying))
    }
}

fn cells_of(reading: &[Option<String>], vocab: &Vocabulary) -> Vec<Cell> {
    reading
        .iter()
        .map(|c| parse_cell(c.as_deref().unwrap_or(""), vocab))
        .collect()
}

/// The page's lines with each row's dot leaders blanked: a run of three dots or more (spaces
/// between allowed) after the label and before two figures or more that end the line.
/// `None` when no line has such leaders.
fn leaders_cleared(lines: &[&Line], used: &HashSet<u32>, vocab: &Vocabulary) -> Option<Vec<Line>> {
    let mut changed = false;
    let out: Vec<Line> = lines
        .iter()
        .map(|l| {
            let mut line = (*l).clone();
            if used.contains(&l.number) || !l.text.contains("...") || l.text.contains('\t') {
                return line;
            }
            // The last run of dots: everything after it must be the figures.
            let Some(end) = l.text.rfind("...").map(|i| i + 3) else {
                return line;
            };
            let bytes = l.text.as_bytes();
            let mut start = end - 3;
            while start > 0 && matches!(bytes[start - 1], b'.' | b' ') {
                start -= 1;
            }
            let mut stop = end;
            while stop < bytes.len() && bytes[stop] == b'.' {
                stop += 1;
            }
            let blanked = format!(
                "{}{}{}",
                &l.text[..start],
                " ".repeat(stop - start),
                &l.text[stop..]
            );
            // Two figures or more after the leaders, nothing else: a table of contents'
            // line has one, its page ("… af 8 skoler til 4 ........ 466").
            let after: Vec<&str> = l.text[stop..].split_whitespace().collect();
            let figures_after = after.len() >= 2
                && after
                    .iter()
                    .all(|w| DigitGroup::parse(w, vocab).is_some_and(|g| !g.is_parenthesized()));
            let row = FlatLine::parse(&blanked, vocab);
            if start > 0
                && figures_after
                && row.is_some_and(|r| !r.label.is_empty() && !r.glued && r.groups.len() >= 2)
            {
                line.text = blanked;
                changed = true;
            }
            line
        })
        .collect();
    changed.then_some(out)
}

/// Every flat table on one page, skipping lines another reader already took.
pub(crate) fn extract_page(
    file: &Arc<str>,
    page: u32,
    lines: &[&Line],
    used: &HashSet<u32>,
    vocab: &Vocabulary,
) -> (Vec<Table>, Vec<super::UnreadRow>) {
    let mut orphans = Vec::new();
    // Rows whose label runs into its figures by dot leaders ("Fiskverzlanir ....... 8 8"):
    // read with the leaders as blank. A line of one figure after leaders stays a table of
    // contents' (its page number).
    let cleared = leaders_cleared(lines, used, vocab);
    let lines: Vec<&Line> = match &cleared {
        Some(v) => v.iter().collect(),
        None => lines.to_vec(),
    };
    let lines = &lines[..];
    // A row whose last figure runs straight into the next table's heading ("Årets
    // resultat 0 6 0 0 0BALANSRÄKNING, Mkr 2010 2009 …") is two lines: the row, then the
    // heading. Where the cut is not certain the row is a row not read.
    let split = split_glued_headings(file, page, lines, used, vocab, &mut orphans);
    let lines: Vec<&Line> = match &split {
        Some(s) => s.iter().collect(),
        None => lines.to_vec(),
    };
    let lines = &lines[..];
    let notes = note_columns(lines, vocab);
    let kinds: Vec<Kind> = lines
        .iter()
        .zip(&notes)
        .map(|(l, note)| {
            // Tabs or dot leaders: another reader's line or a table of contents.
            if used.contains(&l.number)
                || is_furniture(&l.text)
                || l.text.contains('\t')
                || l.text.contains("....")
            {
                Kind::Blank
            } else if let Some(text) = note.and_then(|n| without_note_reference(&l.text, n)) {
                classify_line(&text, vocab)
            } else {
                classify_line(&l.text, vocab)
            }
        })
        .collect();
    let kinds = with_long_rows(lines, kinds, vocab);
    let kinds = with_unit_closed_rows(lines, kinds, vocab);
    orphans.extend(rows_ending_in_a_mark(file, page, lines, &kinds, vocab));
    let mut tables = Vec::new();
    // The header of the table above, for a run that names no column itself: a statement
    // whose group headings and blank lines split it into runs ("Omsättningstillgångar"
    // under the balansräkning's "Miljoner kronor Not Kommun 2022 …").
    let mut inherited: Vec<String> = Vec::new();
    for mut run in find_runs(lines, &kinds, vocab) {
        // Bands leading the figures of fee rows ("Bolig 101 - 300 4031 …") are labels.
        bands::with_band_labels(&mut run.rows);
        let Some(&(first, _)) = run.rows.first() else {
            continue;
        };
        let (own, _) = header_area(lines, &kinds, first, vocab);
        if names_columns(&own, vocab) {
            inherited = own.iter().rev().map(|l| l.to_string()).collect();
        }
        let above: Vec<&str> = inherited.iter().map(String::as_str).collect();
        tables.extend(build_flat_tables(
            file,
            page,
            lines,
            &kinds,
            run,
            &above,
            vocab,
            &mut orphans,
        ));
    }
    orphans.extend(glued_lines_under(file, page, lines, &kinds, &tables));
    (tables, orphans)
}

/// A line right under a table's last row (a blank line between allowed) whose figures
/// are glued to each other and to its label so that no reader took it as a row ("NAV
/// Utland---661100108114140110111"): it may be the table's last part, so it is a row not
/// read, never lost without a word (a total above the rows then stays not decided).
fn glued_lines_under(
    file: &Arc<str>,
    page: u32,
    lines: &[&Line],
    kinds: &[Kind],
    tables: &[Table],
) -> Vec<super::UnreadRow> {
    let mut out: Vec<super::UnreadRow> = Vec::new();
    for t in tables {
        let Some(last) = t
            .rows
            .iter()
            .map(|r| r.provenance.line)
            .chain(t.unread_rows.iter().map(|u| u.provenance.line))
            .max()
        else {
            continue;
        };
        let Some(at) = lines.iter().position(|l| l.number == last) else {
            continue;
        };
        let next = (at + 1..lines.len())
            .take(2)
            .find(|&i| !lines[i].text.trim().is_empty());
        let Some(i) = next else {
            continue;
        };
        let text = lines[i].text.trim();
        if !matches!(kinds[i], Kind::Text)
            || !is_glued_figures_line(text)
            || out.iter().any(|u| u.provenance.line == lines[i].number)
        {
            continue;
        }
        let label: String = text
            .chars()
            .take_while(|c| !c.is_ascii_digit() && !is_minus_char(*c))
            .collect();
        out.push(super::UnreadRow {
            label: label.trim().to_string(),
            text: text.to_string(),
            reason: "its figures are glued to each other and to its label, so where they part \
                     into cells is not written"
                .to_string(),
            provenance: Provenance::new(file, page, lines[i].number),
        });
    }
    out
}

/// A line of a label and figures run together: it begins with a letter, and after its
/// words come only digits, spaces and dashes, with a run of six digits or more and no
/// fewer digits than letters (a source line "Kilde: SSB 2010", a period "01.01.–31.12.2023"
/// or a date "Oppdatert 16.06.2011" is none).
fn is_glued_figures_line(text: &str) -> bool {
    let starts_with_letter = text.chars().next().is_some_and(char::is_alphabetic);
    let Some(first_digit) = text.find(|c: char| c.is_ascii_digit()) else {
        return false;
    };
    let tail_is_figures = text[first_digit..]
        .chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || is_minus_char(c));
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let longest_run = text
        .split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0);
    starts_with_letter && tail_is_figures && longest_run >= 6 && digits >= letters
}

/// The mark ending a line of figures, when it is one statistics tables write for a figure
/// not available or not shown and the reader does not take for a cell ("x", "*", ":",
/// ".", "n/a", "i.u.").
fn closing_mark(text: &str) -> Option<(&str, &str)> {
    let trimmed = text.trim_end();
    let (head, last) = trimmed.rsplit_once(char::is_whitespace)?;
    matches!(
        last,
        "x" | "X" | "*" | ":" | "." | "n/a" | "N/A" | "i.u." | "i.u" | "u.s." | "-/-"
    )
    .then_some((head, last))
}

/// Lines of figures that end in such a mark, at least two in a row (blank lines between
/// allowed): the rows of a statistics table that writes "x" or ":" for a figure not
/// available or kept secret. The reader takes the mark for no cell, so the line is no row
/// of a table; it is reported as a row not read rather than lost without a word.
fn rows_ending_in_a_mark(
    file: &Arc<str>,
    page: u32,
    lines: &[&Line],
    kinds: &[Kind],
    vocab: &Vocabulary,
) -> Vec<super::UnreadRow> {
    let marked: Vec<Option<(String, String)>> = lines
        .iter()
        .zip(kinds)
        .map(|(l, k)| {
            if !matches!(k, Kind::Text) {
                return None;
            }
            let (head, mark) = closing_mark(&l.text)?;
            let Kind::Row(row) = classify_line(head, vocab) else {
                return None;
            };
            (row.groups.len() >= 2).then(|| (row.label.clone(), mark.to_string()))
        })
        .collect();
    let mut out = Vec::new();
    for (i, m) in marked.iter().enumerate() {
        let Some((label, mark)) = m else {
            continue;
        };
        // Another line of the page, with no text line between, ends in the same mark.
        let near = |range: &mut dyn Iterator<Item = usize>| {
            range
                .take_while(|&j| !matches!(kinds[j], Kind::Text) || marked[j].is_some())
                .any(|j| marked[j].as_ref().is_some_and(|(_, m2)| m2 == mark))
        };
        if near(&mut (0..i).rev()) || near(&mut (i + 1..lines.len())) {
            out.push(super::UnreadRow {
                label: label.clone(),
                text: lines[i].text.trim().to_string(),
                reason: format!(
                    "its last cell \"{mark}\" is no figure the reader knows (a mark for a figure not available or not shown?), so which columns its figures stand in is not known"
                ),
                provenance: Provenance::new(file, page, lines[i].number),
            });
        }
    }
    out
}

/// Where a row's figures run straight into the heading of a new table with its own
/// year columns: the byte offset of the heading's first letter, when the text before it
/// is a row with figures and the text from it is a header line (words, then two years
/// or more, nothing else). Only the line's last place where a digit meets a letter can
/// be such a cut: the heading after it holds no other.
fn glued_heading_at(text: &str, vocab: &Vocabulary) -> Option<usize> {
    let mut cut = None;
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if prev.is_some_and(|p| p.is_ascii_digit()) && c.is_alphabetic() {
            cut = Some(i);
        }
        prev = Some(c);
    }
    let i = cut?;
    let (head, tail) = text.split_at(i);
    // Words, then years alone: checked on the words before any parse.
    let words: Vec<&str> = tail.split_whitespace().collect();
    let first_year = words
        .iter()
        .position(|w| w.starts_with(|c: char| c.is_ascii_digit()))?;
    if words.len() - first_year < 2 || !words[first_year..].iter().all(|w| is_year(w)) {
        return None;
    }
    let word: String = tail.chars().take_while(|c| c.is_alphabetic()).collect();
    let heading = FlatLine::parse(tail, vocab)?;
    let years = heading.groups.len() >= 2 && heading.is_year_row() && !heading.glued;
    if !years || word.chars().count() < 2 || heading.label.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let row = FlatLine::parse(head, vocab)?;
    if row.label.is_empty() || row.is_year_row() || !has_figures(&row, head) {
        return None;
    }
    Some(i)
}

/// The page's lines with each row run into a following table's heading cut in two
/// ([`glued_heading_at`]): the row keeps its line's number and its text up to the cut
/// (so its cells keep their places), the heading follows under the same number. A cut
/// after a unit word ("1 246tkr 2010 2009": the unit may be the figure's) is not
/// certain: the row is then a row not read. `None` when no line is cut.
fn split_glued_headings(
    file: &Arc<str>,
    page: u32,
    lines: &[&Line],
    used: &HashSet<u32>,
    vocab: &Vocabulary,
    orphans: &mut Vec<super::UnreadRow>,
) -> Option<Vec<Line>> {
    let cuts: Vec<Option<usize>> = lines
        .iter()
        .map(|l| {
            if used.contains(&l.number) || l.text.contains('\t') {
                return None;
            }
            glued_heading_at(&l.text, vocab)
        })
        .collect();
    if cuts.iter().all(Option::is_none) {
        return None;
    }
    let mut out = Vec::with_capacity(lines.len() + 1);
    for (l, cut) in lines.iter().zip(&cuts) {
        let Some(at) = *cut else {
            out.push((*l).clone());
            continue;
        };
        let (head, tail) = l.text.split_at(at);
        let word: String = tail.chars().take_while(|c| c.is_alphabetic()).collect();
        let word = word.to_lowercase();
        let unit = vocab
            .unit_words()
            .iter()
            .any(|(w, _)| w.to_lowercase() == word);
        if unit {
            let label = FlatLine::parse(head, vocab).map_or_else(String::new, |r| r.label);
            orphans.push(super::UnreadRow {
                label,
                text: l.text.trim().to_string(),
                reason: format!(
                    "its last figure runs into \"{}\", which may be the figure's unit or the start of a new table's heading, so where the row ends is not certain",
                    tail.trim()
                ),
                provenance: Provenance::new(file, page, l.number),
            });
            out.push((*l).clone());
            continue;
        }
        let mut row = (*l).clone();
        row.text = head.to_string();
        let mut heading = (*l).clone();
        heading.text = tail.to_string();
        out.push(row);
        out.push(heading);
    }
    Some(out)
}

/// Whether a flat line holds figures for certain: a glued run, or digit groups that read
/// as figures some way (not "2019 09 06", a date) and more than one small number ("Fas
/// 1" is a name), or a whole line of figures glued together.
fn has_figures(row: &FlatLine, text: &str) -> bool {
    if row.glued {
        return true;
    }
    let readable = super::digits::cell_count_range(&row.groups).is_some();
    let more_than_a_number = row.groups.len() >= 2
        || row
            .groups
            .first()
            .is_some_and(|g| g.text.chars().filter(char::is_ascii_digit).count() >= 3);
    readable && more_than_a_number || GluedRun::new(text, false).is_some_and(|g| g.readable(24))
}

/// Whether a row holds two figures or more however its digit groups are read.
fn two_figures(row: &FlatLine) -> bool {
    !row.glued
        && super::digits::cell_count_range(&row.groups).is_some_and(|(fewest, _)| fewest >= 2)
}

/// Whether another row with figures stands among the three nearest lines with text
/// above or below line `idx`: the line is then part of a table, not a figure in prose.
fn near_figure_rows(lines: &[&Line], kinds: &[Kind], idx: usize) -> bool {
    let figures = |j: usize| matches!(&kinds[j], Kind::Row(f) if has_figures(f, &lines[j].text));
    let text = |j: &usize| !matches!(kinds[*j], Kind::Blank);
    let above = (0..idx).rev().filter(text).take(3).any(figures);
    let below = (idx + 1..kinds.len()).filter(text).take(3).any(figures);
    above || below
}

/// A header line of years glued together, after a word or none ("Not201620152014"):
/// spaced ("Not 2016 2015 2014"); any other line as written.
fn unglued_years(line: &str) -> String {
    let t = line.trim();
    let digits_from = t.find(|c: char| c.is_ascii_digit()).unwrap_or(t.len());
    let (word, years) = t.split_at(digits_from);
    let whole = !years.is_empty()
        && years.len() % 4 == 0
        && years.len() >= 8
        && years.chars().all(|c| c.is_ascii_digit())
        && word.trim().chars().all(char::is_alphabetic);
    if !whole {
        return line.to_string();
    }
    let chunks: Vec<&str> = (0..years.len() / 4)
        .map(|i| &years[4 * i..4 * i + 4])
        .collect();
    if !chunks.iter().all(|y| is_year(y)) {
        return line.to_string();
    }
    let mut out = word.trim().to_string();
    for y in chunks {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(y);
    }
    out
}

/// The column count a run of glued rows gives itself, with no header to say it: the
/// count every row reads as, each in exactly one way by the figure grammar, when only
/// one count does so.
fn own_glued_count(rows: &[&FlatLine]) -> Option<usize> {
    if rows.len() < 2 || !rows.iter().all(|r| r.grammar) {
        return None;
    }
    // From one column: "Alby12 832 tkr" is one figure or "1" and "2 832 tkr", each one
    // way, so no count is certain.
    let counts: Vec<usize> = (1..=12)
        .filter(|&c| rows.iter().all(|r| r.readings_limited(c, 2).len() == 1))
        .collect();
    match counts[..] {
        [c] if c >= 2 => Some(c),
        _ => None,
    }
}

/// The run's rows read under [`FlatLine::wide_cells`] when the table shows that way of
/// writing: a row whose `columns` figures are set apart by two spaces or more with a
/// single space inside one of them, and no row whose groups, so joined, make no figures
/// or more figures than columns.
fn with_wide_cells(mut run: Run, columns: usize) -> Run {
    let plain: Vec<&FlatLine> = run
        .rows
        .iter()
        .map(|(_, r)| r)
        .filter(|r| !r.glued && !r.groups.is_empty())
        .collect();
    let Some(counts) = plain
        .iter()
        .map(|r| r.wide_cell_figures().map(|s| s.len()))
        .collect::<Option<Vec<usize>>>()
    else {
        return run;
    };
    let shown = plain
        .iter()
        .zip(&counts)
        .any(|(r, &n)| n == columns && r.has_single_gap());
    // Rows where a single space may be a column gap ("1 234 567" as 1 234 | 567)
    // leave the table as it was.
    if shown && counts.iter().all(|&n| n <= columns) && columns >= 2 {
        for (_, r) in &mut run.rows {
            if !r.glued {
                r.wide_cells = true;
            }
        }
    }
    run
}

/// Row `k` of a run as a row not read, with why.
fn unread_row(
    file: &Arc<str>,
    page: u32,
    lines: &[&Line],
    run: &Run,
    k: usize,
    reason: &str,
) -> super::UnreadRow {
    let (idx, row) = &run.rows[k];
    super::UnreadRow {
        label: row.label.clone(),
        text: lines[*idx].text.trim().to_string(),
        reason: reason.to_string(),
        provenance: Provenance::new(file, page, lines[*idx].number),
    }
}

/// Every row of a run of glued rows as a row not read.
fn unread_glued(
    file: &Arc<str>,
    page: u32,
    lines: &[&Line],
    run: &Run,
    reason: &str,
) -> Vec<super::UnreadRow> {
    (0..run.rows.len())
        .map(|k| unread_row(file, page, lines, run, k, reason))
        .collect()
}

/// Whether header lines name columns: a period ("2022") or a note word ("Not").
fn names_columns(header: &[&str], vocab: &Vocabulary) -> bool {
    header
        .iter()
        .flat_map(|l| l.split_whitespace())
        .any(|w| is_year(w) || vocab.lookup("notes", w).is_some())
}

/// Lines below an aligned header with a "Not" column (notes.vocab), each with the
/// character columns the header word stands in, for at most 60 lines.
fn note_columns(lines: &[&Line], vocab: &Vocabulary) -> Vec<Option<(usize, usize)>> {
    let mut out = vec![None; lines.len()];
    let mut active: Option<((usize, usize), usize)> = None;
    for (i, l) in lines.iter().enumerate() {
        let chars: Vec<char> = l.text.chars().collect();
        // The header word stands apart: two spaces or more on each side.
        let mut found = None;
        let mut start = None;
        for (k, c) in chars.iter().chain(std::iter::once(&' ')).enumerate() {
            if c.is_whitespace() {
                if let Some(s) = start.take() {
                    let word: String = chars[s..k].iter().collect();
                    let before = s < 2 || chars[s - 2..s].iter().all(|c| c.is_whitespace());
                    let after = k + 2 > chars.len()
                        || chars[k..(k + 2).min(chars.len())]
                            .iter()
                            .all(|c| c.is_whitespace());
                    if s > 0 && before && after && vocab.lookup("notes", &word).is_some() {
                        found = Some((s, k));
                    }
                }
            } else if start.is_none() {
                start = Some(k);
            }
        }
        if let Some(span) = found {
            active = Some((span, i));
            continue;
        }
        if let Some((span, at)) = active {
            if i - at > 60 {
                active = None;
            } else {
                out[i] = Some(span);
            }
        }
    }
    out
}

/// The line with the note reference under the "Not" column blanked ("Verksamhetens
/// kostnader   2, 3, 17 -39 658" → the figures alone after the label), when a
/// reference starts there; `None` otherwise.
fn without_note_reference(text: &str, (a, b): (usize, usize)) -> Option<String> {
    let mut chars: Vec<char> = text.chars().collect();
    let start = (a.saturating_sub(2)..(b + 2).min(chars.len()))
        .find(|&k| chars[k].is_ascii_digit() && (k == 0 || chars[k - 1].is_whitespace()))?;
    // The reference: digits, one letter after them ("1A"), commas, and a space only
    // after a comma ("2, 3, 17").
    let mut end = start;
    while end < chars.len() {
        let c = chars[end];
        let ok = c.is_ascii_digit()
            || c == ','
            || c.is_ascii_uppercase() && end > start && chars[end - 1].is_ascii_digit()
            || c == ' ' && end > start && chars[end - 1] == ',';
        if !ok {
            break;
        }
        end += 1;
    }
    let reference: String = chars[start..end].iter().collect();
    let reference = reference.trim_end_matches([',', ' ']);
    if !super::notes::is_note_reference(reference) {
        return None;
    }
    // It must end at a gap: not the first group of a figure ("1 079").
    if end < chars.len() && !chars[end].is_whitespace() {
        return None;
    }
    let after_one_space =
        chars.get(end) == Some(&' ') && chars.get(end + 1).is_some_and(|c| !c.is_whitespace());
    let glued_to_figure = after_one_space
        && chars[end + 1..]
            .iter()
            .take_while(|c| !c.is_whitespace())
            .all(|c| c.is_ascii_digit())
        && !reference.contains(',');
    if glued_to_figure {
        return None;
    }
    for c in &mut chars[start..end] {
        *c = ' ';
    }
    Some(chars.into_iter().collect())
}

/// A line holding only a note reference ("19"), as under a group heading.
fn lone_note(text: &str) -> bool {
    let t = text.trim();
    super::notes::is_note_reference(t) && t.chars().all(|c| c.is_ascii_digit())
}

fn find_runs<'a>(lines: &[&'a Line], kinds: &[Kind], vocab: &Vocabulary) -> Vec<Run<'a>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < kinds.len() {
        if !matches!(kinds[i], Kind::Row(_)) {
            i += 1;
            continue;
        }
        let mut run = Run {
            rows: Vec::new(),
            prefixes: Vec::new(),
            headings: Vec::new(),
        };
        // The first row's label wrapped over the lines above it, out of the header.
        let wrapped = wrapped_first_label(lines, kinds, i, vocab);
        let mut pending: Vec<&str> = (i - wrapped..i).map(|j| lines[j].text.trim()).collect();
        while i < kinds.len() {
            match &kinds[i] {
                Kind::Row(f) => {
                    run.rows.push((i, f.clone()));
                    run.prefixes.push(std::mem::take(&mut pending));
                }
                Kind::Blank => {}
                // A note reference on a line of its own under a group heading
                // ("Eget kapital" / "19"): the heading's note, no row and no label.
                Kind::Text if !pending.is_empty() && lone_note(&lines[i].text) => {}
                // A line naming columns by their periods ("m3 pr. år Pr. måned Pr. år")
                // heads the next table: no label of this one's.
                Kind::Text if names_periods(&lines[i].text, vocab) => break,
                Kind::Text
                    if (is_label_like(&lines[i].text)
                        || is_attribution_lead_in(&lines[i].text, vocab))
                        && pending.len() < 2 =>
                {
                    // Only a label if a row follows within three lines.
                    let row_follows = kinds[i + 1..]
                        .iter()
                        .zip(&lines[i + 1..])
                        .filter(|(_, l)| !lone_note(&l.text))
                        .take(3)
                        .any(|(k, _)| matches!(k, Kind::Row(_)));
                    if !row_follows {
                        break;
                    }
                    pending.push(lines[i].text.trim());
                }
                _ => break,
            }
            i += 1;
        }
        // Label lines before a row that has its own capitalised label head a group.
        for (pos, ((_, row), prefix)) in run.rows.iter().zip(run.prefixes.iter_mut()).enumerate() {
            let own_label_starts_upper = row.label.chars().next().is_some_and(char::is_uppercase);
            if own_label_starts_upper && !prefix.is_empty() {
                for p in prefix.drain(..) {
                    run.headings.push((pos, 0, p));
                }
            }
        }
        if !run.rows.is_empty() {
            runs.push(run);
        }
    }
    runs
}

/// The lines above a table that hold its header (short lines, year rows), nearest first,
/// and the index where they start.
fn header_area<'a>(
    lines: &[&'a Line],
    kinds: &[Kind],
    first_row: usize,
    vocab: &Vocabulary,
) -> (Vec<&'a str>, usize) {
    let label = wrapped_first_label(lines, kinds, first_row, vocab);
    header_area_above(lines, kinds, first_row - label, vocab)
}

/// How many lines directly above a table's first row are that row's label wrapped over
/// them, not header ("Verksamhetens intäkter" / "totalt" / "7 192 -6,1 14 356 8,4"): the
/// row has figures and no label, one or two label-like lines stand directly above it
/// (no blank between), not header lines, the first capitalised, a second one starting
/// in lower case (the first's continuation), the last ending in a total word; and the
/// header above them still names the columns (a period or a note word). 0 otherwise.
fn wrapped_first_label(
    lines: &[&Line],
    kinds: &[Kind],
    first_row: usize,
    vocab: &Vocabulary,
) -> usize {
    let Some(Kind::Row(row)) = kinds.get(first_row) else {
        return 0;
    };
    if !row.label.trim().is_empty() || first_row == 0 {
        return 0;
    }
    let text = |i: usize| lines[i].text.trim();
    let label_line = |i: usize| {
        matches!(kinds[i], Kind::Text)
            && is_label_like(text(i))
            && !is_header_line(text(i), vocab)
            && !text(i).chars().any(|c| c.is_ascii_digit())
    };
    let last = first_row - 1;
    if !label_line(last) {
        return 0;
    }
    let ends_in_total = text(last)
        .split_whitespace()
        .last()
        .is_some_and(|w| vocab.is_sum_label(w));
    if !ends_in_total {
        return 0;
    }
    let upper = |i: usize| text(i).chars().next().is_some_and(char::is_uppercase);
    let lower = |i: usize| text(i).chars().next().is_some_and(char::is_lowercase);
    let n = if upper(last) {
        1
    } else if lower(last) && last > 0 && label_line(last - 1) && upper(last - 1) {
        2
    } else {
        return 0;
    };
    let (above, _) = header_area_above(lines, kinds, first_row - n, vocab);
    if names_columns(&above, vocab) {
        n
    } else {
        0
    }
}

fn header_area_above<'a>(
    lines: &[&'a Line],
    kinds: &[Kind],
    first_row: usize,
    vocab: &Vocabulary,
) -> (Vec<&'a str>, usize) {
    let mut header = Vec::new();
    let mut j = first_row;
    while j > 0 && header.len() < 24 {
        let k = &kinds[j - 1];
        let text = lines[j - 1].text.as_str();
        let fits = match k {
            Kind::Blank => true,
            Kind::Years => true,
            Kind::Text => {
                // A long line is a header only when it names two periods or more
                // ("Miljoner kronor Not Kommun 2022 Kommun 2023 Koncern 2022 Koncern 2023").
                let years = text.split_whitespace().filter(|w| is_year(w)).count();
                (text.trim().chars().count() <= 60
                    || years >= 2 && text.trim().chars().count() <= 160)
                    && (!text.trim().ends_with('.') || is_header_line(text, vocab))
                    // Columns named with their unit ("Tilskudstype 0 - 2 år - kr. 2 - 5 år
                    // - kr."), however long.
                    || text.trim().chars().count() <= 160
                        && bands::unit_ended_names(text).is_some()
            }
            // A section heading carrying percents in its words ("Åk 1-5 inkl moms 6 %,
            // adm 3 %", as bidragsbelopp pages write) directly above the first row, itself
            // under no row: no row of the table, whose header may stand above it.
            Kind::Row(row) => {
                j == first_row
                    && j >= 2
                    && !matches!(kinds[j - 2], Kind::Row(_))
                    && !row.glued
                    && !row.groups.is_empty()
                    && row.groups.iter().all(|g| g.text.ends_with('%'))
                    && row.label.starts_with(char::is_uppercase)
                    && text.trim().chars().count() <= 60
            }
        };
        if !fits {
            break;
        }
        if !text.trim().is_empty() && !is_furniture(text) {
            header.push(text);
        }
        j -= 1;
    }
    (header, j)
}

#[allow(clippy::too_many_arguments)]
fn build_flat_tables(
    file: &Arc<str>,
    page: u32,
    lines: &[&Line],
    kinds: &[Kind],
    run: Run,
    inherited: &[&str],
    vocab: &Vocabulary,
    orphans: &mut Vec<super::UnreadRow>,
) -> Vec<Table> {
    // A run with a glued row whose thousands are grouped with spaces reads every glued
    // row by the figure grammar (a figure without a space has at most three digits),
    // with a note list first when its header names a note column.
    let mut run = run;
    if run.rows.iter().any(|(_, r)| r.grammar) {
        let (near, _) = header_area(lines, kinds, run.rows[0].0, vocab);
        let top: Vec<String> = near.iter().rev().map(|l| unglued_years(l)).collect();
        let top: Vec<&str> = top.iter().map(String::as_str).collect();
        let notes = header_note_word(&top, vocab).is_some();
        for (_, r) in &mut run.rows {
            if r.glued {
                r.grammar = true;
                r.notes = notes;
            }
        }
    }
    years_leading_labelled_rows(&mut run);
    let run = run;
    // A table of one row needs a header line naming its columns with years
    // ("Vårgårda  2017  2018 Avvikelse"); its words give the column count.
    let one_row_header = match run.rows.len() {
        1 => match single_row_header(lines, kinds, &run.rows[0]) {
            Some(h) => Some(h),
            None => {
                // A glued row is figures for certain: not read, never dropped. So is a
                // row of two figures or more for certain among other rows with figures
                // (a table's last row set apart by a label line too long to join it).
                let (idx, row) = &run.rows[0];
                if row.grammar || two_figures(row) && near_figure_rows(lines, kinds, *idx) {
                    orphans.extend(unread_glued(
                        file,
                        page,
                        lines,
                        &run,
                        "it stands alone under no header that names its columns",
                    ));
                }
                return Vec::new();
            }
        },
        _ => None,
    };
    let row_refs: Vec<&FlatLine> = run.rows.iter().map(|(_, r)| r).collect();
    // Rows whose figures are all glued together ("Servicenämnd38731") tell nothing of
    // the column count: the header says it (its names, glued or not).
    let all_glued = row_refs.iter().all(|r| r.glued);
    // The statement's header with its note column, carried down to this run under a
    // group heading (only such a header is carried).
    let chosen = chosen_header(lines, kinds, &run, inherited, vocab);
    let carried = {
        let (own, _) = header_area(lines, kinds, run.rows[0].0, vocab);
        let own: Vec<&str> = own.iter().rev().copied().collect();
        !inherited.is_empty() && chosen == inherited && chosen != own
    };
    // The header, not the rows, gave a glued run its column count.
    let mut named_count = false;
    let columns = match &one_row_header {
        Some(h) => h.len() - 1,
        None if all_glued => {
            let (near, _) = header_area(lines, kinds, run.rows[0].0, vocab);
            let top: Vec<String> = near.iter().rev().map(|l| unglued_years(l)).collect();
            let top: Vec<&str> = top.iter().map(String::as_str).collect();
            let grammar = row_refs.iter().any(|r| r.grammar);
            let noted = || {
                header_note_word(&top, vocab)?;
                (2..=12).find(|&n| columns_after_note(&top, n, vocab).is_some())
            };
            let count = if grammar {
                noted()
                    .map(|n| n + 1)
                    .or_else(|| header_column_count(&top, vocab))
                    .or_else(|| years_line_count(&top))
            } else {
                header_column_count(&top, vocab)
            };
            named_count = grammar && count.is_some();
            match count.or_else(|| grammar.then(|| own_glued_count(&row_refs)).flatten()) {
                Some(c) => c,
                None => {
                    orphans.extend(unread_glued(
                        file,
                        page,
                        lines,
                        &run,
                        "its figures are glued together and neither the header nor the rows give one column count",
                    ));
                    return Vec::new();
                }
            }
        }
        None => match noted_column_count(&chosen, &row_refs, carried, vocab)
            .or_else(|| column_count(&row_refs).map(|c| widened_to_fit(&row_refs, c)))
        {
            Some(c) => c,
            None => {
                // Rows of more figures than any table read here: figures all the same,
                // reported as rows not read rather than lost without a word.
                if run.rows.len() >= 2 && row_refs.iter().all(|r| wider_than_read(r)) {
                    let reason = format!(
                        "its run's rows hold more figures than the {MAX_COLUMNS} columns a table is read into"
                    );
                    orphans.extend(unread_glued(file, page, lines, &run, &reason));
                }
                return Vec::new();
            }
        },
    };
    // Glued digits read one per cell ("ROIDno-2020-1397" as eight figures): the only
    // reading left when nothing says where the figures part, no reading at all, unless
    // the header's column words name that many columns ("Budget Utfall Avvikelse …").
    if all_glued
        && columns >= 4
        && run.rows.iter().all(|(_, r)| {
            !r.grammar && r.run.chars().filter(char::is_ascii_digit).count() <= columns
        })
        && {
            let (near, _) = header_area(lines, kinds, run.rows[0].0, vocab);
            let top: Vec<&str> = near.iter().rev().copied().collect();
            header_column_count(&top, vocab) != Some(columns)
        }
    {
        orphans.extend(unread_glued(
            file,
            page,
            lines,
            &run,
            "its figures are glued together and could be read only one digit per cell",
        ));
        return Vec::new();
    }
    let run = with_wide_cells(run, columns);
    let run = with_dash_readings(run, lines, kinds, columns, vocab);
    let row_refs: Vec<&FlatLine> = run.rows.iter().map(|(_, r)| r).collect();
    // Rows that cannot be read as `columns` cells end the table (text that merely ends
    // in a number, a page footer).
    let fits = |k: usize| {
        // A first row one or two figures short is a stray line above the table, not
        // its first row.
        // Under a carried header the first row's note cell may simply be empty.
        let row = &run.rows[k].1;
        if k == 0 && !carried {
            row.fitted_limited(columns, 1).is_some()
        } else {
            row.fitted_or_short(columns, 1).is_some()
        }
    };
    // Glued rows under a header that counts their columns: a row the figure grammar
    // cannot read that wide (a label ending in a digit glued to its figures, "Lokaler,
    // m2145 903146 433…") is a row not read, and the rows after it stay in the table.
    let skipped: Vec<usize> = if named_count && fits(0) {
        (0..run.rows.len()).filter(|&k| !fits(k)).collect()
    } else {
        Vec::new()
    };
    let fitting: Vec<usize> = if skipped.is_empty() {
        (0..run.rows.len()).take_while(|&k| fits(k)).collect()
    } else {
        (0..run.rows.len()).filter(|&k| fits(k)).collect()
    };
    if fitting.len() < 2 && one_row_header.is_none() || fitting.is_empty() {
        // Too few rows here for a table; the rows after the first misfit may still be
        // one (a stray line of figures above a table must not take the table with it).
        let skip = fitting.len() + 1;
        let mut rest = Vec::new();
        if one_row_header.is_none() && run.rows.len() >= skip + 2 {
            rest = build_flat_tables(
                file,
                page,
                lines,
                kinds,
                run.after(skip),
                inherited,
                vocab,
                &mut Vec::new(),
            );
        }
        // The run's rows that no table took (as a row or a row not read): rows not read
        // when the run had two or more rows with figures or a glued row, never dropped.
        let with_figures: Vec<usize> = (0..run.rows.len())
            .filter(|&k| has_figures(&run.rows[k].1, &lines[run.rows[k].0].text))
            .collect();
        // A row of two figures or more among other rows with figures near it (the
        // next table's, past a heading) is figures for certain too.
        let lone_row_of_figures = with_figures
            .iter()
            .any(|&k| two_figures(&run.rows[k].1) && near_figure_rows(lines, kinds, run.rows[k].0));
        if one_row_header.is_none() && (with_figures.len() >= 2 || lone_row_of_figures)
            || run.rows.iter().any(|(_, r)| r.glued)
        {
            let taken = lines_taken(&rest);
            let reason = "fewer than two rows of its run fit one column count, so which columns its figures stand in is not written".to_string();
            for k in 0..run.rows.len() {
                // A line of years ("2014 2013201220112010") is a header, no figures.
                let years = {
                    let r = &run.rows[k].1;
                    !r.glued
                        && r.groups
                            .iter()
                            .all(|g| is_year(&g.text) || unglued_years(&g.text) != g.text)
                };
                if !years
                    && with_figures.contains(&k)
                    && !taken.contains(&lines[run.rows[k].0].number)
                {
                    orphans.push(unread_row(file, page, lines, &run, k, &reason));
                }
            }
        }
        return rest;
    }
    let first_line_index = run.rows[0].0;
    let (header_nearest_first, header_start) = header_area(lines, kinds, first_line_index, vocab);
    // The header above is taken only when it counts this run's columns too.
    let header_top_down: Vec<&str> = {
        let chosen = chosen.clone();
        let own: Vec<&str> = header_nearest_first.iter().rev().copied().collect();
        if chosen != own && noted_column_count(&chosen, &row_refs, carried, vocab) != Some(columns)
        {
            own
        } else {
            chosen
        }
    };
    // Years glued on the header line of a glued run ("Not201620152014") name its columns.
    let spread: Vec<String> = header_top_down.iter().map(|l| unglued_years(l)).collect();
    let header_top_down: Vec<&str> = if run.rows.iter().any(|(_, r)| r.grammar) {
        spread.iter().map(String::as_str).collect()
    } else {
        header_top_down
    };
    let header_text = header_top_down.join(" ");
    let difference_column = ["Avvikelse", "Skillnad", "Differens", "Förändring"]
        .iter()
        .any(|w| header_text.contains(w));

    let at = |idx: usize| Provenance::new(file, page, lines[idx].number);
    let (mut rows, mut readings, read_from) = fitting_rows(&run, &fitting, columns, &at, vocab);
    // A carried header's note column was shown by the table above.
    let notes_first = note_column_first(&header_top_down, &readings, vocab)
        || carried && header_top_down == chosen && header_note_word(&chosen, vocab).is_some();
    if notes_first {
        // Each row's readings with a note reference or nothing in the note column: the
        // full-width ones that keep it, and the ones with every figure after an empty
        // note cell ("VERKSAMHETENS RESULTAT 7 148 13 027 …" is 7 | 148 … or an empty
        // note and 7 148 …: the arithmetic chooses).
        for ((row, row_readings), from) in rows.iter_mut().zip(readings.iter_mut()).zip(&read_from)
        {
            let Some((_, flat)) = from else {
                continue;
            };
            let note_ok = |r: &Vec<Option<String>>| {
                r.first()
                    .is_none_or(|c| c.as_deref().is_none_or(is_note_cell))
            };
            let mut kept: Vec<Vec<Option<String>>> = row_readings
                .iter()
                .filter(|r| note_ok(r))
                .cloned()
                .collect();
            // The note reference read as the first digits of the figure after it.
            let joined: Vec<Vec<Option<String>>> = kept
                .iter()
                .filter_map(|r| {
                    let note = r.first()?.as_deref()?.trim();
                    let next = r.get(1)?.as_deref()?.trim();
                    let lead = next.split_whitespace().next()?;
                    let digits = lead.chars().take_while(char::is_ascii_digit).count();
                    let continues = digits == 3
                        && (lead.len() == 3 || lead[3..].starts_with(','))
                        && note.chars().all(|c| c.is_ascii_digit());
                    continues.then(|| {
                        let mut j = r.clone();
                        j[0] = None;
                        j[1] = Some(format!("{note} {next}"));
                        j
                    })
                })
                .collect();
            for j in joined {
                // A glued run wrote no space there: no figure joins across it.
                if !flat.glued && !kept.contains(&j) {
                    kept.push(j);
                }
            }
            // A glued run's first figure may be a note or the first digits of the figure
            // ("16 0435 390…" is note 1 and 6 043, or no note and 16 043): both kept,
            // the arithmetic chooses.
            if flat.glued && flat.grammar {
                for r in flat
                    .short_readings(columns, readings_per_row(fitting.len()))
                    .into_iter()
                    .filter(|r| r.first().is_some_and(Option::is_none))
                {
                    if !kept.contains(&r) {
                        kept.push(r);
                    }
                }
            }
            if kept.is_empty() {
                // No full-width reading keeps the note column: every figure after an
                // empty note cell ("VERKSAMHETENS NETTOKOSTNADER – 335 276 – 331 295 …").
                kept = flat
                    .short_readings(columns, readings_per_row(fitting.len()))
                    .into_iter()
                    .filter(|r| r.first().is_some_and(Option::is_none))
                    .collect();
            }
            if !kept.is_empty() && kept != *row_readings {
                *row_readings = kept;
                row.cells = cells_of(&row_readings[0], vocab);
            }
        }
    }
    settle_decimals(&mut rows, &mut readings, vocab);
    // How many readings each row has before any is dropped for its figures' widths: a
    // row's listed readings are all its admissible ones only when none was.
    let admissible: Vec<usize> = readings.iter().map(Vec::len).collect();
    refit_misread_rows(
        &mut rows,
        &mut readings,
        &read_from,
        columns,
        readings_per_row(fitting.len()),
        vocab,
    );
    classify_rows(&mut rows, vocab);
    // Glued rows have many readings, and rounding's slack lets a wrong one make a
    // relation hold (a subtotal counted twice, met by a figure read as about 0): their
    // readings are chosen only by relations that hold exactly.
    let tight = read_from
        .iter()
        .any(|f| f.as_ref().is_some_and(|(_, l)| l.grammar));
    if tight {
        rows.iter_mut().for_each(|r| tighten(&mut r.cells, true));
    }
    // Column widths tell a reading apart only where every row's figures stand in the
    // columns in order: no glued row, no cell left empty without a mark.
    let widths = read_from
        .iter()
        .all(|f| f.as_ref().is_none_or(|(_, l)| !l.glued))
        && readings.iter().flatten().flatten().all(Option::is_some);
    let choice = Choice {
        difference_column,
        notes_first,
        tight,
        widths,
    };
    let mut ambiguities = choose_readings(&mut rows, &readings, choice, vocab);
    // Rows left tied: fixed where only one reading makes the table's relations hold.
    let fixed = fix_tied_readings(&mut rows, &readings, &mut ambiguities, choice, vocab);
    // A short row of a table with wide cells has one way to make its figures; when
    // every placement of them is still listed, a relation that fails under each one
    // fails for certain (check::every_reading).
    // So also a row whose digit groups make figures more than one way (one space both
    // thousands separator and column gap): when its readings were enumerated to the end
    // (fewer than the row's budget), none was dropped for widths, and every one is listed,
    // a relation failing under each fails whichever the record means.
    let per_row = readings_per_row(fitting.len());
    for a in &mut ambiguities {
        if let Some(Some((_, flat))) = read_from.get(a.row) {
            let listed = readings[a.row].len();
            a.complete = a.readings.len() == listed
                && (flat.lists_every_placement(columns, listed)
                    || (!flat.glued
                        && !flat.wide_cells
                        && listed < per_row
                        && admissible.get(a.row) == Some(&listed)));
        }
    }
    if tight {
        rows.iter_mut().for_each(|r| tighten(&mut r.cells, false));
    }
    place_cells(&mut rows, &read_from, lines);

    let (columns_named, label_header) = match &one_row_header {
        Some(h) => (
            h[1..].to_vec(),
            h.first().filter(|l| !l.is_empty()).cloned(),
        ),
        None => {
            let joined = dehyphenated(&header_top_down);
            let joined: Vec<&str> = joined.iter().map(String::as_str).collect();
            (columns_from_header(&joined, columns, vocab), None)
        }
    };
    // Headers written one cell per line, each wrapped over as many lines: joined per
    // column when the split is certain; the lines they take are no title.
    let mut wrapped_lines = 0;
    let own_top_down: Vec<&str> = header_nearest_first.iter().rev().copied().collect();
    let (columns_named, label_header) = if one_row_header.is_none()
        && columns_named.iter().all(String::is_empty)
        && header_top_down == own_top_down
    {
        match wrapped_cell_headers(&own_top_down, columns, vocab) {
            Some((names, taken)) => {
                wrapped_lines = taken;
                (names, label_header)
            }
            None => (columns_named, label_header),
        }
    } else {
        (columns_named, label_header)
    };
    // Names on the label column header's line, one per capitalised word, or each ending
    // in a unit of money: only where the split is certain (`bands`).
    let mut named_unit = None;
    let (columns_named, label_header) = if one_row_header.is_none()
        && columns_named.iter().all(String::is_empty)
        && header_top_down == own_top_down
    {
        let unit_named = own_top_down
            .last()
            .and_then(|l| bands::unit_ended_names(l))
            .filter(|(_, names, _)| names.len() == columns);
        let banded = rows
            .iter()
            .filter(|r| bands::ends_in_band(&r.label))
            .count()
            >= 2;
        // An indented line of one name per figure column, set apart by two spaces or
        // more, directly above the first row.
        let spaced = run.rows[0]
            .0
            .checked_sub(1)
            .map(|i| lines[i].text.as_str())
            .filter(|l| own_top_down.last() == Some(l))
            .and_then(|l| bands::spaced_names(l, columns));
        if let Some((label, names, u)) = unit_named {
            wrapped_lines = 1;
            named_unit = Some(u);
            (names, Some(label))
        } else if let Some(names) = spaced {
            wrapped_lines = 1;
            (names, label_header)
        } else if let Some((names, label, taken)) = rows
            .iter()
            .filter(|r| r.cells.iter().any(|c| c.value.is_some()))
            .all(|r| !r.label.trim().is_empty())
            .then(|| {
                bands::capitalised_names(&own_top_down, columns, if banded { 2 } else { 1 }, vocab)
            })
            .flatten()
        {
            wrapped_lines = taken;
            (names, Some(label))
        } else {
            (columns_named, label_header)
        }
    } else {
        (columns_named, label_header)
    };
    let above_header: Vec<&str> = lines[..header_start]
        .iter()
        .rev()
        .take(6)
        .map(|l| l.text.as_str())
        .filter(|t| !is_furniture(t))
        .collect();
    let title = header_nearest_first
        .iter()
        .skip(usize::from(one_row_header.is_some()) + wrapped_lines)
        .find(|l| {
            !is_header_line(l, vocab)
                && FlatLine::parse(l, vocab).is_none()
                && glued_words_header(l, columns, vocab).is_none()
        })
        .map(|l| l.trim().to_string())
        .or_else(|| title_from_lines_above(above_header.iter().copied()));
    let named: Vec<&str> = header_top_down
        .iter()
        .copied()
        .chain(title.iter().map(String::as_str))
        .collect();
    let mut unit = table_unit(named, &rows);
    if unit == Unit::None && header_text.contains("(tkr)") {
        unit = Unit::Tkr;
    }
    if unit == Unit::None {
        unit = named_unit.unwrap_or(Unit::None);
    }
    if unit == Unit::None {
        unit = closing_unit(lines, &run.rows, vocab).unwrap_or(Unit::None);
    }
    let (mut columns_named, mut label_header) = (columns_named, label_header);
    let mut fixed = fixed;
    years_as_labels(
        &mut rows,
        &mut columns_named,
        &mut label_header,
        &mut ambiguities,
        &mut fixed,
    );
    let first_line = lines
        .get(header_start)
        .filter(|_| !header_top_down.is_empty())
        .map_or(lines[first_line_index].number, |l| l.number);
    let mut out = vec![Table {
        title,
        unit,
        columns: columns_named,
        label_header,
        rows,
        source: TableSource::Flat,
        provenance: Provenance::new(file, page, first_line),
        ambiguities,
        realigned: Vec::new(),
        unread_rows: Vec::new(),
        fixed,
    }];
    for &k in &skipped {
        let (idx, misfit) = &run.rows[k];
        let at = Provenance::new(file, page, lines[*idx].number);
        out[0]
            .unread_rows
            .push(misfit_row(misfit, &lines[*idx].text, columns, at));
    }
    if let Some(next) = fitting.iter().map(|&k| run.rows[k].0).max().map(|i| i + 1) {
        let in_run = run.rows.iter().any(|(i, _)| *i == next);
        // The table's own width: years taken as labels no longer count as a column.
        let width = out[0]
            .rows
            .iter()
            .map(|r| r.cells.len())
            .max()
            .unwrap_or(columns);
        if !in_run {
            if let Some(row) = worded_percents_row(file, page, lines, kinds, next, width) {
                out[0].unread_rows.push(row);
            }
        }
    }

    // Rows after the first misfit may start another table of a different width; the
    // misfit itself is kept as a row not read, never dropped.
    if skipped.is_empty() && fitting.len() < run.rows.len() {
        let (idx, misfit) = &run.rows[fitting.len()];
        let at = Provenance::new(file, page, lines[*idx].number);
        out[0]
            .unread_rows
            .push(misfit_row(misfit, &lines[*idx].text, columns, at));
        let rest = run.after(fitting.len() + 1);
        let more = if rest.rows.len() >= 2 {
            build_flat_tables(
                file,
                page,
                lines,
                kinds,
                rest.clone(),
                inherited,
                vocab,
                &mut Vec::new(),
            )
        } else {
            Vec::new()
        };
        // A row after the misfit that no table took (a lone last row, rows too few or
        // too ragged for a table of their own): a row not read too, never dropped.
        let taken = lines_taken(&more);
        for (idx, row) in &rest.rows {
            if taken.contains(&lines[*idx].number) {
                continue;
            }
            let groups = row.groups.len();
            out[0].unread_rows.push(super::UnreadRow {
                label: row.label.clone(),
                text: lines[*idx].text.trim().to_string(),
                reason: format!(
                    "it comes after a row that did not fit the table's {columns} columns and its {groups} digit groups were read into no table, so which columns they stand in is not written"
                ),
                provenance: Provenance::new(file, page, lines[*idx].number),
            });
        }
        out.extend(more);
    }
    out
}

/// A dash, a space and a figure ("Derivat - - 231 211 281") on a page whose rows write
/// their negatives glued to their digits ("-1 065"; a balance sheet may have none of its
/// own under a resultaträkning that does): the dash may be an empty cell and the figure
/// positive, or the figure negative written with its sign apart. The table's column
/// count decides: a row that fits it only read with the dash as an empty cell is so
/// read; a row that fits it both ways keeps both readings, for the arithmetic to choose
/// or leave not decided (TAB001). A page that writes no negative glued keeps "- 231" a
/// negative, unless the page marks empty cells with a dash somewhere for certain ("- 658
/// 658 658 - -"): then a row that fits the column count only with the dash as an empty
/// cell ("- 832 686 595 544 313" under six years) is so read.
fn with_dash_readings<'a>(
    mut run: Run<'a>,
    lines: &[&Line],
    kinds: &[Kind],
    columns: usize,
    vocab: &Vocabulary,
) -> Run<'a> {
    let glued_minus = kinds.iter().any(|k| {
        matches!(k, Kind::Row(r) if !r.glued && r.groups.iter().any(DigitGroup::has_glued_minus))
    });
    // A dash that is certainly an empty cell somewhere on the page (last on its line, or
    // before another dash: "Depositioner - 658 658 658 - -") shows the page marks empty
    // cells so; without one, as on a page writing every negative apart ("– 1 628,5"), a
    // dash before a figure is its sign.
    let dash_marks_empty = lines.iter().any(|l| {
        let tokens: Vec<&str> = l.text.split_whitespace().collect();
        let dash = |s: &str| matches!(s, "-" | "–" | "−");
        tokens
            .iter()
            .enumerate()
            .any(|(i, tok)| dash(tok) && i > 0 && tokens.get(i + 1).is_none_or(|next| dash(next)))
    });
    if !glued_minus && !dash_marks_empty {
        return run;
    }
    for (idx, row) in &mut run.rows {
        if row.glued || !row.groups.iter().any(DigitGroup::has_detached_minus) {
            continue;
        }
        let Some(split) = FlatLine::parse_with(&lines[*idx].text, vocab, true, false) else {
            continue;
        };
        if split.glued || split.label != row.label {
            continue;
        }
        let split = FlatLine {
            wide_cells: row.wide_cells,
            notes: row.notes,
            ..split
        };
        let as_written = row.fitted_limited(columns, 1).is_some();
        let as_dash = split.fitted_limited(columns, 1).is_some();
        match (as_written, as_dash) {
            (false, true) => *row = split,
            (true, true) if glued_minus => row.also = Some(Box::new(split)),
            _ => {}
        }
    }
    run
}

/// The run's header lines, top down: its own, or the table's above when its own names no
/// column (see [`names_columns`]).
fn chosen_header<'a>(
    lines: &[&'a Line],
    kinds: &[Kind],
    run: &Run,
    inherited: &[&'a str],
    vocab: &Vocabulary,
) -> Vec<&'a str> {
    let (own, _) = header_area(lines, kinds, run.rows[0].0, vocab);
    // Only a statement's header with a note column is carried down, and only to a run
    // whose own lines above hold no header at all (group headings, blank lines).
    let noted = header_note_word(inherited, vocab).is_some();
    let own_header = own
        .iter()
        .any(|l| is_header_line(l, vocab) && l.chars().any(char::is_alphabetic));
    if names_columns(&own, vocab) || !noted || own_header {
        own.iter().rev().copied().collect()
    } else {
        inherited.to_vec()
    }
}

/// The column count a header with a "Not" word gives (the note column and the columns
/// named after it), when most rows can be read that wide as written:
/// rows without a note reference ("Materiella anläggningstillgångar 3 307,7 4 133,0 …")
/// then do not make the table a column narrower than its header. At least two rows must
/// show the note column (readable only with it).
/// `carried`: the header is the statement's above, carried down to a run under a group
/// heading; the table above showed its note column, so one row here that can only be
/// read with it is enough.
fn noted_column_count(
    header: &[&str],
    rows: &[&FlatLine],
    carried: bool,
    vocab: &Vocabulary,
) -> Option<usize> {
    header_note_word(header, vocab)?;
    let n = (2..=12).find(|&n| columns_after_note(header, n, vocab).is_some())? + 1;
    // Most rows read that wide as written (a row of one-group figures, "13 96 179 104
    // 161", under "Not Budget 2014 Utfall 2013 …" says the note cell is simply empty).
    let fit = rows
        .iter()
        .filter(|r| r.fitted_limited(n, 1).is_some())
        .count();
    // Rows that show the note column: readable that wide only, not without it (where
    // the page's alignment already took the note references out, none are).
    let noted = rows
        .iter()
        .filter(|r| r.fitted_limited(n - 1, 1).is_none() && r.fitted_limited(n, 1).is_some())
        .count();
    // Or every row reads either way: with a note reference before the figures, or its
    // figures alone under the header's periods (a note column where only some rows
    // carry a note: LKF's "Not 2018 2017"). The note column is then the table's, and
    // each row's note cell is decided by the readings (the arithmetic chooses).
    let either = rows
        .iter()
        .all(|r| r.fitted_limited(n, 1).is_some() || r.fitted_limited(n - 1, 1).is_some());
    ((fit * 2 > rows.len() || either) && noted >= if carried { 1 } else { 2 }).then_some(n)
}

/// The rows `fitting` of a run read as `columns` cells, group headings among them, each
/// with its readings (the first taken for now) and the line it was read from and as what
/// (none for a heading).
type FittingRows = (
    Vec<Row>,
    Vec<Vec<Vec<Option<String>>>>,
    Vec<Option<(usize, FlatLine)>>,
);

fn fitting_rows(
    run: &Run,
    fitting: &[usize],
    columns: usize,
    at: &dyn Fn(usize) -> Provenance,
    vocab: &Vocabulary,
) -> FittingRows {
    let mut rows: Vec<Row> = Vec::new();
    let mut readings: Vec<Vec<Vec<Option<String>>>> = Vec::new();
    let mut read_from: Vec<Option<(usize, FlatLine)>> = Vec::new();
    let per_row = readings_per_row(fitting.len());
    // Rows that leave cells empty without marking them (read only with fewer figures
    // than columns): the table writes empty cells as nothing, so a row read full may
    // have empty cells too ("Summa giltiga röster 4 698 1 943 41,36" under five columns
    // is 4 698 | 1 943 | 41,36, not 4 | 698 | 1 | 943 | 41,36).
    // Shown by two rows or more whose groups make figures one way only, fewer than
    // columns, with no wider gap marking where a cell is empty.
    let unmarked_empties = fitting
        .iter()
        .filter(|&&k| run.rows[k].1.shows_unmarked_empties(columns))
        .count()
        >= 2;
    for &k in fitting {
        let idx = run.rows[k].0;
        let Some((flat, mut row_readings)) = run.rows[k].1.fitted_or_short(columns, per_row) else {
            continue;
        };
        // Only a row read full: a row already short has its placements.
        let full = flat.label == run.rows[k].1.label && flat.fitted_limited(columns, 1).is_some();
        if unmarked_empties && full {
            row_readings = flat.with_short_readings(columns, per_row, row_readings);
        }
        // The line read the other way the table allows (a dash as an empty cell).
        if let Some(also) = run.rows[k].1.also.as_deref().filter(|_| full) {
            for r in also.readings_limited(columns, per_row) {
                if row_readings.len() < per_row && !row_readings.contains(&r) {
                    row_readings.push(r);
                }
            }
        }
        for (_, _, heading) in run.headings.iter().filter(|(p, _, _)| *p == k) {
            rows.push(Row {
                label: heading.to_string(),
                kind: RowKind::Heading,
                cells: vec![parse_cell("", vocab); columns],
                bold: false,
                provenance: at(idx),
            });
            readings.push(Vec::new());
            read_from.push(None);
        }
        let mut label_parts: Vec<&str> = run.prefixes[k].clone();
        if !flat.label.is_empty() {
            label_parts.push(flat.label.as_str());
        }
        rows.push(Row {
            label: label_parts.join(" "),
            kind: RowKind::Data,
            cells: cells_of(row_readings.first().map_or(&[][..], Vec::as_slice), vocab),
            bold: false,
            provenance: at(idx),
        });
        readings.push(row_readings);
        read_from.push(Some((idx, flat)));
    }
    (rows, readings, read_from)
}

/// The decimals a cell is written with ("1,32" two, "698" none), or `None` for an
/// empty cell or text that is no plain figure.
fn written_decimals(cell: &str) -> Option<usize> {
    let t = cell.trim().trim_end_matches('%').trim_end();
    if !t.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(match t.rsplit_once(',') {
        Some((_, d)) if d.chars().all(|c| c.is_ascii_digit()) => d.len(),
        Some(_) => return None,
        // A decimal point before one digit ("76.3"): one decimal.
        None if super::digits::point_decimal(t).is_some() => 1,
        None => 0,
    })
}

/// Rows read more than one way keep the readings that write each figure with the
/// decimals its column settles: a column whose cells in the rows read one way all have
/// the same number of decimals (three cells at least; none counts: a column of whole
/// numbers). A glued decimal part ("493,561 155 …") is then split after that count,
/// and a row leaving a cell empty without marking it is placed where its figures'
/// decimals fit ("62 1,32 5 8,06" under "antal % antal % mandat"). Where no reading so
/// fits, or a column is not settled, every reading stays for the arithmetic.
fn settle_decimals(
    rows: &mut [Row],
    readings: &mut [Vec<Vec<Option<String>>>],
    vocab: &Vocabulary,
) {
    let columns = readings
        .iter()
        .map(|r| r.first().map_or(0, Vec::len))
        .max()
        .unwrap_or(0);
    let mut settled: Vec<Option<usize>> = vec![None; columns];
    for (c, slot) in settled.iter_mut().enumerate() {
        let counts: Vec<usize> = readings
            .iter()
            .filter(|r| r.len() == 1)
            .filter_map(|r| r[0].get(c)?.as_deref().and_then(written_decimals))
            .collect();
        if counts.len() >= 3 && counts.iter().all(|&d| d == counts[0]) {
            *slot = Some(counts[0]);
        }
    }
    if settled.iter().all(Option::is_none) {
        return;
    }
    let fits = |reading: &Vec<Option<String>>| {
        reading.iter().enumerate().all(|(c, cell)| {
            match (
                settled.get(c).copied().flatten(),
                cell.as_deref().and_then(written_decimals),
            ) {
                (Some(d), Some(w)) => d == w,
                _ => true,
            }
        })
    };
    for (row, row_readings) in rows.iter_mut().zip(readings.iter_mut()) {
        if row_readings.len() < 2 {
            continue;
        }
        let kept: Vec<Vec<Option<String>>> =
            row_readings.iter().filter(|r| fits(r)).cloned().collect();
        if !kept.is_empty() && kept.len() < row_readings.len() {
            *row_readings = kept;
            row.cells = cells_of(&row_readings[0], vocab);
        }
    }
}

/// The decimals each column's figures are written with, as the rows read one way with
/// no empty cell settle them (three cells at least, all alike): a row placed among empty
/// cells settles nothing, its placement being what is in doubt. Signs settle nothing: a
/// column of differences may hold one negative figure among positive ones.
fn column_decimals(readings: &[Vec<Vec<Option<String>>>], columns: usize) -> Vec<Option<usize>> {
    let full: Vec<&Vec<Option<String>>> = readings
        .iter()
        .filter(|r| r.len() == 1 && r[0].len() == columns && r[0].iter().all(Option::is_some))
        .map(|r| &r[0])
        .collect();
    (0..columns)
        .map(|c| {
            let cells: Vec<&str> = full.iter().filter_map(|r| r[c].as_deref()).collect();
            let counts: Vec<usize> = cells.iter().filter_map(|t| written_decimals(t)).collect();
            (cells.len() >= 3
                && counts.len() == cells.len()
                && counts.iter().all(|&d| d == counts[0]))
            .then(|| counts[0])
        })
        .collect()
}

/// Whether each figure of a reading is written with its column's decimals.
fn fits_decimals(reading: &[Option<String>], decimals: &[Option<usize>]) -> bool {
    reading.iter().zip(decimals).all(|(cell, settled)| {
        match (settled, cell.as_deref().and_then(written_decimals)) {
            (Some(d), Some(w)) => *d == w,
            _ => true,
        }
    })
}

/// A row none of whose readings writes its figures with its columns' decimals (settled
/// by the rows read one way with every cell written, [`column_decimals`]) is read again with
/// fewer figures and its unmarked empty cells placed every way ("Skatteinkomster totalt
/// 22 546 2,0" under "2017 | Förändring % | 2017 | Förändring %" whose columns hold whole
/// figures and figures with one decimal: 22 546 | 2,0, not 22 | 546 | 2,0). The readings
/// that fit are kept (those leaving the last cells empty first where the line's trailing
/// spaces mark an empty cell); where several fit, the arithmetic chooses or the row is
/// not decided. Where none fits, the row keeps its readings.
fn refit_misread_rows(
    rows: &mut [Row],
    readings: &mut [Vec<Vec<Option<String>>>],
    read_from: &[Option<(usize, FlatLine)>],
    columns: usize,
    limit: usize,
    vocab: &Vocabulary,
) {
    let forms = column_decimals(readings, columns);
    if forms.iter().all(Option::is_none) {
        return;
    }
    // A refit that joins digit groups into a figure a thousand times wider than every
    // figure read for certain in its column ("24 436 100" under figures of five digits,
    // where the row's "100" is the share of the total written without the column's
    // decimal) is no fit; a figure one digit wider is ("Egen skatt 27 415" under
    // revenues of four digits).
    let widest: Vec<Option<usize>> = widest_certain(rows, readings, 0)
        .into_iter()
        .map(|w| w.map(|d| d + 2))
        .collect();
    for ((row, row_readings), from) in rows.iter_mut().zip(readings.iter_mut()).zip(read_from) {
        let Some((_, flat)) = from else {
            continue;
        };
        if flat.glued || flat.wide_cells || row_readings.is_empty() {
            continue;
        }
        if row_readings.iter().any(|r| fits_decimals(r, &forms)) {
            continue;
        }
        let mut fitting: Vec<Vec<Option<String>>> = Vec::new();
        for r in flat.short_readings_up_to(columns, READING_LIMIT, true) {
            if fits_decimals(&r, &forms) && within_widths(&r, &widest) && !fitting.contains(&r) {
                fitting.push(r);
            }
        }
        if fitting.is_empty() {
            continue;
        }
        // Trailing spaces that mark an empty last cell place the empty cells last.
        let trailing = flat.gaps.last().is_some_and(|&g| gap_empties(g) > 0);
        let last_empty: Vec<Vec<Option<String>>> = fitting
            .iter()
            .filter(|r| trailing && r.last().is_some_and(Option::is_none))
            .cloned()
            .collect();
        let mut kept = if last_empty.is_empty() {
            fitting
        } else {
            last_empty
        };
        kept.truncate(limit);
        row.cells = cells_of(&kept[0], vocab);
        *row_readings = kept;
    }
}

/// How many readings each of a table's `rows` rows may keep: the table's budget shared.
fn readings_per_row(rows: usize) -> usize {
    (TABLE_READING_BUDGET / rows.max(1)).clamp(MIN_ROW_READINGS, READING_LIMIT)
}

/// Each cell's place in its line (`Cell::span`), for the reading chosen.
fn place_cells(rows: &mut [Row], read_from: &[Option<(usize, FlatLine)>], lines: &[&Line]) {
    for (row, from) in rows.iter_mut().zip(read_from) {
        let Some((idx, flat)) = from else {
            continue;
        };
        let text = lines[*idx].text.as_str();
        let ranges = flat.cell_ranges(&row.cells);
        for (cell, range) in row.cells.iter_mut().zip(ranges) {
            cell.span = range
                .filter(|&(s, e)| text.get(s..e) == Some(cell.raw.as_str()))
                .and_then(|(s, e)| crate::LineSpan::in_line(text, s, e));
        }
    }
}

/// The first row after a table's rows that fits none of its `columns`: kept as a row
/// not read, with why.
fn misfit_row(misfit: &FlatLine, text: &str, columns: usize, at: Provenance) -> super::UnreadRow {
    let groups = misfit.groups.len();
    super::UnreadRow {
        label: misfit.label.clone(),
        text: text.trim().to_string(),
        reason: if groups < columns {
            format!(
                "its {groups} digit groups are fewer than the table's {columns} columns and its empty cells are not marked, so which columns they stand in is not written"
            )
        } else {
            format!(
                "its {groups} digit groups cannot be read as the table's {columns} columns (a note reference, or a column the header does not name)"
            )
        },
        provenance: at,
    }
}

/// The line right under a table's last row when it is a row of the table written with
/// words between its figures, every figure a percent, one per column ("Totalt Minus 3,3%
/// Ökat 15,5% Minus 64,8% …", a change since the first year written in words): no reader
/// takes it, so it is a row not read rather than a line lost without a word.
fn worded_percents_row(
    file: &Arc<str>,
    page: u32,
    lines: &[&Line],
    kinds: &[Kind],
    next: usize,
    columns: usize,
) -> Option<super::UnreadRow> {
    let line = lines.get(next)?;
    // A row the run left out ends in a percent, so it may be classed a row of one figure.
    if !matches!(kinds.get(next), Some(Kind::Text | Kind::Row(_))) || columns < 2 {
        return None;
    }
    let text = line.text.trim();
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let is_percent = |t: &str| {
        t.strip_suffix('%').is_some_and(|n| {
            !n.is_empty()
                && n.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '+' | '−'))
                && n.chars().any(|c| c.is_ascii_digit())
        })
    };
    let percents = tokens.iter().filter(|t| is_percent(t)).count();
    let other_digits = tokens
        .iter()
        .any(|t| !is_percent(t) && t.chars().any(|c| c.is_ascii_digit()));
    let label = tokens.first().filter(|t| !is_percent(t))?;
    (percents == columns
        && !other_digits
        && text.chars().count() <= 160
        && !text.ends_with('.')
        && label.starts_with(char::is_uppercase))
    .then(|| super::UnreadRow {
        label: label.to_string(),
        text: text.to_string(),
        reason: format!(
            "its {percents} percents stand between words, one for each of the table's columns, so no cell is read"
        ),
        provenance: Provenance::new(file, page, line.number),
    })
}

/// The header's own "Not" word (notes.vocab), standing as a column of its own: not a
/// note's heading ("Not 12 Materiella …").
fn header_note_word(header: &[&str], vocab: &Vocabulary) -> Option<String> {
    let v = vocab;
    header.iter().find_map(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        words.iter().enumerate().find_map(|(i, w)| {
            (v.lookup("notes", w).is_some()
                && !words
                    .get(i + 1)
                    .is_some_and(|n| super::notes::is_note_reference(n)))
            .then(|| w.to_string())
        })
    })
}

/// The columns the header names after its "Not" word, in reading order: a column word
/// with the period after it ("BUDGET 2020"), or a period alone ("2019"); other words
/// (entities such as "Kommunen") are passed over. `None` unless exactly `columns`.
fn columns_after_note(header: &[&str], columns: usize, vocab: &Vocabulary) -> Option<Vec<String>> {
    let v = vocab;
    let words: Vec<&str> = header.iter().flat_map(|l| l.split_whitespace()).collect();
    let start = words.iter().position(|w| v.lookup("notes", w).is_some())? + 1;
    let mut names: Vec<String> = Vec::new();
    // Per period named alone, the entity word written before it, if any.
    let mut entities: Vec<Option<String>> = Vec::new();
    let mut i = start;
    while i < words.len() {
        let w = words[i];
        if is_column_word(w, vocab) {
            let mut name = w.to_string();
            if let Some((period, n)) = header_period(&words[i + 1..], vocab) {
                name = format!("{name} {period}");
                i += n;
            }
            names.push(name);
            i += 1;
        } else if let Some((period, n)) = header_period(&words[i..], vocab) {
            // The word before the period when it names an entity ("Kommun 2022").
            let entity = (i > start).then(|| words[i - 1]).filter(|e| {
                e.chars().all(char::is_alphabetic)
                    && e.chars().next().is_some_and(char::is_uppercase)
            });
            entities.push(entity.map(str::to_string));
            names.push(period);
            i += n;
        } else {
            i += 1;
        }
    }
    // Every period under its own entity ("Kommun 2022 Kommun 2023 Koncern 2022 Koncern
    // 2023"): the entity is part of each column's name, so that a finding names the
    // kommun's or the koncern's column, not "2022" for both.
    if !entities.is_empty() && entities.len() == names.len() && entities.iter().all(Option::is_some)
    {
        for (name, entity) in names.iter_mut().zip(&entities) {
            if let Some(e) = entity {
                *name = format!("{e} {name}");
            }
        }
    }
    (names.len() == columns).then_some(names)
}

/// Columns named by a year line alone ("2018 2017 2018 2017" under "Not KONCERNEN
/// KOMMUNEN"): years that repeat stand under as many entities, named by the words of
/// the header line just above, one word each ("KONCERNEN 2018" … "KOMMUNEN 2017");
/// years that do not repeat name their columns alone, also after the table's title on
/// their line ("BALANSRÄKNING, Mkr 2010 2009 2008"). `None` otherwise.
fn years_with_entities(header: &[&str], columns: usize, vocab: &Vocabulary) -> Option<Vec<String>> {
    let (at, line) = header.iter().enumerate().rev().find_map(|(i, l)| {
        FlatLine::parse(l, vocab)
            .filter(|f| f.is_year_row() && f.groups.len() == columns)
            .map(|f| (i, f))
    })?;
    let years: Vec<String> = header[at].split_whitespace().map(str::to_string).collect();
    let n = columns;
    let repeats =
        |years: &[String]| (1..n).find(|&p| n % p == 0 && (p..n).all(|i| years[i] == years[i - p]));
    if years.len() != columns {
        // Words before the years title the table: distinct years name their columns.
        let titled: Vec<String> = line.groups.iter().map(|g| g.text.clone()).collect();
        let words_first = line.label.chars().next().is_some_and(char::is_alphabetic);
        return (words_first && !line.glued && repeats(&titled).is_none()).then_some(titled);
    }
    let Some(period) = repeats(&years) else {
        return Some(years);
    };
    let v = vocab;
    let entities: Vec<&str> = header[..at]
        .last()?
        .split_whitespace()
        .filter(|w| v.lookup("notes", w).is_none())
        .collect();
    if entities.len() != n / period
        || !entities.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && !w.contains(char::is_numeric)
        })
    {
        return None;
    }
    Some(
        years
            .iter()
            .enumerate()
            .map(|(i, y)| format!("{} {y}", entities[i / period]))
            .collect(),
    )
}

/// How many columns the header names: the names of its nearest line that splits into
/// column names at small letters meeting capitals ([`glued_words_header`]), else its
/// column words; `None` below two. (Names cut after their years only name columns the
/// rows already count.)
fn header_column_count(header: &[&str], vocab: &Vocabulary) -> Option<usize> {
    (2..=12)
        .find(|&n| {
            header
                .iter()
                .rev()
                .any(|line| glued_words_header(line, n, vocab).is_some())
        })
        .or_else(|| {
            let n = header
                .iter()
                .flat_map(|l| l.split_whitespace())
                .filter(|w| is_column_word(w, vocab))
                .count();
            (n >= 2).then_some(n)
        })
}

/// The years of the header line directly above the rows (top-down `header`, blank lines
/// aside) when it holds years alone, spaced or glued ("20222021202020192018"), two or
/// more: the column count they name. A line of years further up, with lines of figures
/// between (rows broken over lines), names no count for certain.
fn years_line_count(header: &[&str]) -> Option<usize> {
    let spread = unglued_years(header.last()?);
    let words: Vec<&str> = spread.split_whitespace().collect();
    (words.len() >= 2 && words.iter().all(|w| is_year(w))).then_some(words.len())
}

/// Column names on one header line after the label column's header, each a capitalised
/// word, words in lower case and a year ("Økonomisk oversikt drift Vedtatt budsjett 2018
/// Opprinnelig budsjett 2017 Regnskap 2016"), whatever its words: the line cut after
/// each year into exactly `columns` pieces, nothing after the last year; each piece after
/// the first holds one capitalised word, its first, and the first piece's name starts at
/// its last capitalised word (the words before it head the label column), unless the
/// word before that is capitalised too ("Beslutad Budget 2024"). `None` when any piece
/// has another shape: then where a name starts is not certain.
fn period_ended_header(header: &[&str], columns: usize) -> Option<Vec<String>> {
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    header.iter().rev().find_map(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        let mut pieces: Vec<&[&str]> = Vec::new();
        let mut start = 0;
        for (i, w) in words.iter().enumerate() {
            if is_year(w) {
                pieces.push(&words[start..=i]);
                start = i + 1;
            }
        }
        if columns < 2 || start != words.len() || pieces.len() != columns {
            return None;
        }
        let shaped = |p: &[&str]| {
            p.len() >= 2
                && capital(p[0])
                && p[1..p.len() - 1]
                    .iter()
                    .all(|w| w.chars().all(|c| !c.is_uppercase() && !c.is_ascii_digit()))
        };
        let first = pieces[0];
        let at = first[..first.len() - 1].iter().rposition(|w| capital(w))?;
        // A capitalised word just before it ("… drift Beslutad Budget 2024") may begin
        // the name as well.
        let before_is_word =
            at > 0 && capital(first[at - 1]) && first[at - 1].chars().any(char::is_lowercase);
        if before_is_word {
            return None;
        }
        pieces[0] = &first[at..];
        pieces
            .iter()
            .all(|p| shaped(p))
            .then(|| pieces.iter().map(|p| p.join(" ")).collect())
    })
}

/// Column names on one header line that end each at a year, then one last name without a
/// year: "Område 2019 2020 Förändring", "Län Antal gästnätter 2009 Antal gästnätter 2014
/// Förändring". The line is cut after each year into `columns` − 1 pieces, every piece
/// after the first of one shape — the year alone, or the same words before it — and the
/// first piece's name is that shape too (the words before it head the label column);
/// after the last year one to three words, the first capitalised, no figure among them
/// but a closing range of years ("Endring 2009–2019"). A year may be a school or split
/// year ("2019/20", "2009/2010"). `None` when any piece has another shape.
fn years_then_word_header(header: &[&str], columns: usize) -> Option<Vec<String>> {
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    header.iter().rev().find_map(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        let years: Vec<usize> = (0..words.len())
            .filter(|&i| is_year(words[i]) || is_split_year(words[i]))
            .collect();
        if columns < 3 || years.len() + 1 != columns {
            return None;
        }
        let last = *years.last()?;
        let tail = &words[last + 1..];
        // A range of years closing the last name says which columns it compares.
        let words_of_tail = match tail.split_last() {
            Some((last, rest)) if !rest.is_empty() && is_year_range(last) => rest,
            _ => tail,
        };
        if tail.is_empty()
            || tail.len() > 3
            || !capital(tail[0])
            || words_of_tail
                .iter()
                .any(|w| w.contains(|c: char| c.is_ascii_digit()))
        {
            return None;
        }
        // The words before each later year: all the same.
        let lead = |k: usize| &words[years[k - 1] + 1..years[k]];
        let shape = lead(1);
        if (2..years.len()).any(|k| lead(k) != shape)
            || shape.first().is_some_and(|w| !capital(w))
            || shape
                .iter()
                .any(|w| w.contains(|c: char| c.is_ascii_digit()))
        {
            return None;
        }
        // The first piece ends in the same words and its year, after the label column's
        // header (at least one word).
        let first = &words[..years[0]];
        if first.len() <= shape.len() || first[first.len() - shape.len()..] != *shape {
            return None;
        }
        let mut names: Vec<String> = years
            .iter()
            .map(|&y| {
                let mut name = shape.to_vec();
                name.push(words[y]);
                name.join(" ")
            })
            .collect();
        names.push(tail.join(" "));
        Some(names)
    })
}

/// A school or split year: a year, a slash, and the next year in two or four digits
/// ("2019/20", "2009/2010").
fn is_split_year(word: &str) -> bool {
    word.split_once('/').is_some_and(|(a, b)| {
        is_year(a)
            && (b.len() == 2 || is_year(b))
            && b.chars().all(|c| c.is_ascii_digit())
            && a.parse::<u32>()
                .ok()
                .zip(b.parse::<u32>().ok())
                .is_some_and(|(a, b)| {
                    let next = if b < 100 { (a + 1) % 100 } else { a + 1 };
                    b == next
                })
    })
}

/// A range of two years in one word ("2009–2019", "2018-2020").
fn is_year_range(word: &str) -> bool {
    word.split_once(['-', '–'])
        .is_some_and(|(a, b)| is_year(a) && is_year(b) && a < b)
}

/// Whether a line names two or more columns by a per word and a period.
fn names_periods(text: &str, vocab: &Vocabulary) -> bool {
    text.len() <= 120 && {
        let words: Vec<&str> = text.split_whitespace().collect();
        per_period_cuts(&words, vocab).len() >= 2
    }
}

/// Where a header line's words open a column with a per word and a period ("Pr.
/// måned"): before each such pair, only those written with a capital where two or more
/// are.
fn per_period_cuts(words: &[&str], vocab: &Vocabulary) -> Vec<usize> {
    let per = |w: &str| vocab.has_word(LINES, "per_word", &w.to_lowercase());
    let period = |w: &str| {
        let w = w.trim_end_matches([',', ':', ')']).to_lowercase();
        vocab.has_word(LINES, "period_word", &w)
    };
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let pairs: Vec<usize> = (0..words.len().saturating_sub(1))
        .filter(|&i| per(words[i]) && period(words[i + 1]))
        .collect();
    let capitals: Vec<usize> = pairs
        .iter()
        .copied()
        .filter(|&i| capital(words[i]))
        .collect();
    if capitals.len() >= 2 {
        capitals
    } else {
        pairs
    }
}

/// Column names on one header line that each open with a per word and a period ("Pr.
/// måned Pr. termin Pr. år", "m3 pr. år Per månad Per år"): the line cut before each
/// such pair, those written with a capital where any is, into `columns` names; the words
/// before the first cut head the label column, or are the first column's name where the
/// cuts give one name fewer than `columns`. `None` below two cuts, or when the line
/// does not give exactly `columns` names so.
fn per_period_header(header: &[&str], columns: usize, vocab: &Vocabulary) -> Option<Vec<String>> {
    header.iter().rev().find_map(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        let cuts = per_period_cuts(&words, vocab);
        if cuts.len() < 2 || columns < 2 {
            return None;
        }
        let mut names: Vec<String> = cuts
            .iter()
            .enumerate()
            .map(|(k, &at)| words[at..cuts.get(k + 1).copied().unwrap_or(words.len())].join(" "))
            .collect();
        let lead = words[..cuts[0]].join(" ");
        if names.len() + 1 == columns && !lead.is_empty() {
            names.insert(0, lead);
        }
        (names.len() == columns).then_some(names)
    })
}

/// Column names run together on one header line ("BokslutDelårsrapport jan-augAvvikelse",
/// a web table's cells copied without separators), cut where a small letter meets a
/// capital: used when that gives exactly `columns` names and the first is a column word.
fn glued_header(header: &[&str], columns: usize, vocab: &Vocabulary) -> Option<Vec<String>> {
    header
        .iter()
        .rev()
        .find_map(|line| glued_words_header(line, columns, vocab))
        .or_else(|| {
            header
                .iter()
                .rev()
                .find_map(|line| glued_period_header(line, columns))
        })
}

/// Column names each ending in a year, run together and onto the label column's header
/// or unit ("1 000 euroKoncernen 2019Koncernen 2018Staden 2019Staden 2018"): cut where a
/// small letter or a year meets a capital; used when that gives the label column's text
/// and exactly `columns` names after it, each starting with a capital and ending in a
/// year, and at least one year meets a capital (else the line is no such header). A
/// remark in brackets ending in a full stop ("Staden ( I uppgifterna ingår … bruk.)
/// 2019") is a footnote, not part of the name.
fn glued_period_header(line: &str, columns: usize) -> Option<Vec<String>> {
    let chars: Vec<char> = line.trim().chars().collect();
    let mut pieces: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut year_cut = false;
    for (i, &c) in chars.iter().enumerate() {
        let after_year = i >= 4 && {
            let before: String = chars[i - 4..i].iter().collect();
            is_year(&before) && (i == 4 || !chars[i - 5].is_ascii_digit())
        };
        if i > 0 && c.is_uppercase() && (chars[i - 1].is_lowercase() || after_year) {
            year_cut |= after_year;
            pieces.push(current.trim().to_string());
            current.clear();
        }
        current.push(c);
    }
    pieces.push(current.trim().to_string());
    if !year_cut || columns < 2 || pieces.len() != columns + 1 || pieces[0].is_empty() {
        return None;
    }
    let names: Vec<String> = pieces[1..].iter().map(|p| without_remarks(p)).collect();
    names
        .iter()
        .all(|n| {
            n.chars().next().is_some_and(char::is_uppercase)
                && n.split_whitespace().last().is_some_and(is_year)
                && n.split_whitespace().count() >= 2
        })
        .then_some(names)
}

/// A header text without its remarks in brackets that end in a full stop.
fn without_remarks(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let inner = rest[open + 1..close].trim();
        if inner.ends_with('.') {
            out.push_str(&rest[..open]);
        } else {
            out.push_str(&rest[..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Rows led by a year and no other label ("1987 3 460 171 3 169 511 …", "1988 4 290 754
/// …") in a run whose other rows carry labels (a time series above the same figures by
/// region): a year in the label position is the row's label, never a figure of the first
/// column, and the years' rows are no totals of each other. Taken only for three rows or
/// more in a row, each led by a bare year with two figure groups or more after it, the
/// years following each other in one direction at most five apart, only where every row
/// the run leads by a year is in such a block, and only beside rows labelled by words and
/// none by a period (rows "1922-23 1382 …" between "1920 1308 …" and "1938 912 476 11 …"
/// are the same series with a party added: which columns the years' figures stand in is
/// not written); a run made only of such rows is left to [`years_as_labels`], which also
/// reads its header.
fn years_leading_labelled_rows(run: &mut Run) {
    let led = |r: &FlatLine| {
        r.label.trim().is_empty()
            && !r.glued
            && r.also.is_none()
            && r.groups.len() >= 3
            && r.groups[0].text.trim().len() == 4
            && is_year(&r.groups[0].text)
    };
    // Rows labelled by words ("Østfold", "IV"), none by a period ("1922-23", a lone year
    // folded into the next row's label): a period's row may be the same series written
    // another way, its figures in other columns.
    let labels: Vec<&str> = run
        .rows
        .iter()
        .filter(|(_, r)| !r.label.trim().is_empty() && !r.groups.is_empty())
        .map(|(_, r)| r.label.trim())
        .collect();
    let period = |l: &str| {
        l.split_whitespace()
            .next()
            .is_some_and(|w| w.get(..4).is_some_and(is_year))
    };
    if labels.is_empty()
        || labels.iter().any(|l| period(l))
        || !labels
            .iter()
            .any(|l| l.chars().next().is_some_and(char::is_alphabetic))
    {
        return;
    }
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < run.rows.len() {
        if !led(&run.rows[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        while i < run.rows.len() && led(&run.rows[i].1) {
            i += 1;
        }
        let years: Vec<i64> = run.rows[start..i]
            .iter()
            .filter_map(|(_, r)| r.groups[0].text.trim().parse().ok())
            .collect();
        if years.len() < 3 {
            return;
        }
        if !years_in_one_direction(&years) {
            return;
        }
        blocks.push((start, i));
    }
    for (start, end) in blocks {
        for (_, r) in &mut run.rows[start..end] {
            let year = r.groups[0].text.trim().to_string();
            *r = FlatLine::spaced(
                year,
                r.groups[1..].to_vec(),
                r.ranges[1..].to_vec(),
                r.gaps[1..].to_vec(),
            );
        }
    }
}

/// Years following each other in one direction, a few years apart at most (every year,
/// or every election year): a time series, not figures. At least two years.
fn years_in_one_direction(years: &[i64]) -> bool {
    let Some(direction) = years.get(1).map(|y| (y - years[0]).signum()) else {
        return false;
    };
    direction != 0
        && years
            .windows(2)
            .all(|w| (w[1] - w[0]).signum() == direction && (w[1] - w[0]).abs() <= 5)
}

/// A time series written one year per row with no other label ("2007 12 747 702 660 …",
/// "2008 12 434 …"): the year is each row's label, not a figure of its first column. Taken
/// only where every row with figures has no label and starts with a year, the years
/// following each other in one direction at most five apart (every year, every election
/// year), at least three rows, and no
/// reading of a row left open or fixed by arithmetic puts anything else first; the first
/// column's header, if any, heads the labels.
fn years_as_labels(
    rows: &mut [Row],
    columns: &mut Vec<String>,
    label_header: &mut Option<String>,
    ambiguities: &mut [Ambiguity],
    fixed: &mut [super::FixedSplit],
) {
    let with_figures: Vec<usize> = (0..rows.len())
        .filter(|&r| rows[r].cells.iter().any(|c| c.value.is_some()))
        .collect();
    if with_figures.len() < 3
        || with_figures
            .iter()
            .any(|&r| !rows[r].label.trim().is_empty() || rows[r].cells.len() < 3)
    {
        return;
    }
    let years: Option<Vec<i64>> = with_figures
        .iter()
        .map(|&r| {
            let raw = rows[r].cells[0].raw.trim();
            (raw.len() == 4 && is_year(raw))
                .then(|| raw.parse().ok())
                .flatten()
        })
        .collect();
    let Some(years) = years else {
        return;
    };
    if !years_in_one_direction(&years) {
        return;
    }
    // A first column named by the header other than as the years' ("M Fp C … Total" over
    // a run whose first parties' cells are missing): the names are not the columns'.
    let first_name = columns
        .first()
        .map(|n| n.trim().to_lowercase())
        .unwrap_or_default();
    if !first_name.is_empty()
        && !["år", "year", "vuosi", "valår", "årtal", "år."].contains(&first_name.as_str())
    {
        return;
    }
    let year_first = |row: usize, reading: &[String]| {
        reading.first().map(|c| c.trim()) == Some(rows[row].cells[0].raw.trim())
    };
    if !ambiguities
        .iter()
        .all(|a| a.readings.iter().all(|r| year_first(a.row, r)))
        || !fixed.iter().all(|f| year_first(f.row, &f.reading))
    {
        return;
    }
    for a in ambiguities.iter_mut() {
        for r in &mut a.readings {
            r.remove(0);
        }
    }
    for f in fixed.iter_mut() {
        f.reading.remove(0);
    }
    for &r in &with_figures {
        let year = rows[r].cells.remove(0);
        rows[r].label = year.raw.trim().to_string();
        rows[r].kind = RowKind::Data;
    }
    for (r, row) in rows.iter_mut().enumerate() {
        if !with_figures.contains(&r) && !row.cells.is_empty() {
            row.cells.remove(0);
        }
    }
    if !columns.is_empty() {
        let first = columns.remove(0);
        if !first.trim().is_empty() && label_header.is_none() {
            *label_header = Some(first);
        }
    }
}

/// [`glued_header`]'s first form: names cut where a small letter meets a capital, the
/// first a column word; or, a web page's header row printed without spaces between its
/// cells ("BidragÅrsbeloppPer månad"), the label column's header (no column word) and
/// then exactly `columns` names, each one to three words of letters (no figure, no
/// sentence).
fn glued_words_header(line: &str, columns: usize, vocab: &Vocabulary) -> Option<Vec<String>> {
    let chars: Vec<char> = line.trim().chars().collect();
    let mut names: Vec<String> = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 && c.is_uppercase() && chars[i - 1].is_lowercase() {
            names.push(current.trim().to_string());
            current.clear();
        }
        current.push(c);
    }
    names.push(current.trim().to_string());
    let first_word = names.first()?.split_whitespace().next()?;
    if names.len() == columns && columns >= 2 && is_column_word(first_word, vocab) {
        return Some(names);
    }
    // A name of one to three words, the last of which may be a year ("Fördelat 2011").
    let cell_name = |n: &str| {
        let words: Vec<&str> = n.split_whitespace().collect();
        let named = match words.split_last() {
            Some((last, before)) if is_year(last) && !before.is_empty() => before,
            _ => &words[..],
        };
        (1..=3).contains(&words.len())
            && named
                .iter()
                .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '/'))
            && !n.ends_with('.')
    };
    // A first name that is a column word ("BokslutBudgetAvvikelse") names a column, so
    // the line names `names.len()` columns, not one fewer.
    (names.len() == columns + 1
        && columns >= 2
        && !is_column_word(first_word, vocab)
        && names.iter().all(|n| cell_name(n)))
    .then(|| names[1..].to_vec())
}

/// Header lines with words hyphenated over two lines joined back ("(mnkr) Intäkter
/// Kost-" / "nader" → "(mnkr) Intäkter Kostnader"): a line ending in a letter and "-"
/// and a next line starting with a small letter.
fn dehyphenated(header: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in header {
        let t = line.trim();
        let glue = out.last().is_some_and(|prev: &String| {
            prev.strip_suffix('-')
                .is_some_and(|p| p.ends_with(char::is_alphabetic))
        }) && t.starts_with(char::is_lowercase);
        match out.last_mut() {
            Some(prev) if glue => {
                prev.pop();
                let (word, rest) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
                prev.push_str(word);
                if !rest.trim().is_empty() {
                    prev.push(' ');
                    prev.push_str(rest.trim());
                }
            }
            _ => out.push(t.to_string()),
        }
    }
    out
}

/// A cell a "Not" column may hold: nothing, or a note reference ("8", "1A", "2, 3").
fn is_note_cell(text: &str) -> bool {
    let t = text.trim();
    // A list of notes is written in increasing order ("4,5", "12, 25"): "87,6" or "45,5"
    // is a figure with its decimal, not notes 87 and 6.
    let increasing = || {
        let numbers: Vec<u32> = t
            .split([',', ' '])
            .filter(|p| !p.is_empty())
            .map_while(|p| p.parse().ok())
            .collect();
        numbers.windows(2).all(|w| w[0] < w[1])
    };
    t.is_empty() || !t.starts_with('0') && super::notes::is_note_reference(t) && increasing()
}

/// Whether the first column is the note column: the header names one ("Belopp i tkr
/// Not 2020 2019", "(mnkr) Not Kommunen …"; a word of its own, not a note's own heading
/// "Not 12 …"), and at least two rows can only be read with a note reference there.
/// Then no reading may put a figure in it ("– 348 210" is one figure after an empty
/// note cell, never "– 348" as a note): Grästorp's statements, single-spaced, with
/// space-grouped thousands.
fn note_column_first(
    header: &[&str],
    readings: &[Vec<Vec<Option<String>>>],
    vocab: &Vocabulary,
) -> bool {
    if header_note_word(header, vocab).is_none() {
        return false;
    }
    let noted = readings
        .iter()
        .filter(|rs| {
            !rs.is_empty()
                && rs.iter().all(|r| {
                    r.first()
                        .and_then(|c| c.as_deref())
                        .is_some_and(|t| !t.trim().is_empty() && is_note_cell(t))
                })
        })
        .count();
    noted >= 2
}

/// The words of the line above a lone row when they head its columns: a label header,
/// then one word per cell, years among them, when the row can be read that wide.
fn single_row_header(
    lines: &[&Line],
    kinds: &[Kind],
    row: &(usize, FlatLine),
) -> Option<Vec<String>> {
    let above = (0..row.0)
        .rev()
        .find(|&j| !matches!(kinds[j], Kind::Blank))?;
    // A glued row under a header whose columns are set apart by two spaces or more
    // ("Balanskravet i Kommunallagens 8:e kapitel  2021*)  2020**)  2019"): the label's
    // header, then one name per column, each led by a year.
    if row.1.grammar {
        let parts: Vec<String> = lines[above]
            .text
            .trim()
            .split("  ")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect();
        let year_led = |p: &String| p.get(..4).is_some_and(is_year);
        if parts.len() >= 3
            && parts[1..].iter().all(year_led)
            && row.1.fitted_limited(parts.len() - 1, 1).is_some()
        {
            return Some(parts);
        }
    }
    let words: Vec<String> = lines[above]
        .text
        .split_whitespace()
        .map(str::to_string)
        .collect();
    // Years alone ("2009 2010 2011 2012"): one per column, over no label header.
    if words.len() >= 2 && words.iter().all(|w| is_year(w)) {
        return row.1.fitted_limited(words.len(), 1).map(|_| {
            std::iter::once(String::new())
                .chain(words.iter().cloned())
                .collect()
        });
    }
    if words.len() < 3
        || !words.iter().any(|w| is_year(w))
        || words.iter().any(|w| w.ends_with('.'))
    {
        return None;
    }
    row.1.fitted_limited(words.len() - 1, 1).map(|_| words)
}

/// Reading with the smallest largest figure first: without arithmetic to go on, "1 336"
/// and "897" is likelier than "1" and "336 897" next to figures of four digits.
fn plausibility_order(readings: &[Vec<Option<String>>]) -> Vec<usize> {
    let longest = |r: &Vec<Option<String>>| {
        r.iter()
            .flatten()
            .map(|t| t.chars().filter(char::is_ascii_digit).count())
            .max()
            .unwrap_or(0)
    };
    let mut order: Vec<usize> = (0..readings.len()).collect();
    order.sort_by_key(|&i| longest(&readings[i]));
    order
}

/// How far apart the row's figures are in size: the most integer digits of a figure
/// less the fewest (the note cell, the first, left out).
fn magnitude_spread(reading: &[Option<String>]) -> usize {
    let digits: Vec<usize> = reading
        .iter()
        .skip(1)
        .flatten()
        .map(|t| {
            t.split(',')
                .next()
                .unwrap_or("")
                .chars()
                .filter(char::is_ascii_digit)
                .count()
        })
        .filter(|&n| n > 0)
        .collect();
    match (digits.iter().max(), digits.iter().min()) {
        (Some(a), Some(b)) => a - b,
        _ => 0,
    }
}

/// The integer digits a figure's text writes ("(1 271)" 4, "-2,5" 1, "-" 0).
fn integer_digits(text: &str) -> usize {
    text.split(',')
        .next()
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_digit)
        .count()
}

/// Per column, the most integer digits of a figure in the rows read one way only (from
/// column `from` on; `None` where no such row has a figure there).
fn widest_certain(
    rows: &[Row],
    readings: &[Vec<Vec<Option<String>>>],
    from: usize,
) -> Vec<Option<usize>> {
    let columns = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let mut widest = vec![None; columns];
    for (row, r) in rows.iter().zip(readings) {
        if r.len() != 1 {
            continue;
        }
        for (c, cell) in row.cells.iter().enumerate().skip(from) {
            if cell.value.is_some() && cell.unread.is_none() {
                let d = integer_digits(&cell.raw);
                widest[c] = Some(widest[c].map_or(d, |w: usize| w.max(d)));
            }
        }
    }
    widest
}

/// Combinations of readings tried at most by [`choose_jointly`].
const JOINT_COMBINATIONS: usize = 4096;

/// When the ambiguous rows have few readings between them, every combination is scored
/// and the best kept: two rows that must change together (a note reference or the first
/// digits of a figure on both "Finansiella intäkter 6 812 …" and "RESULTAT EFTER
/// FINANSIELLA POSTER 6 849 …") are read right, where choosing row by row stops at the
/// first reading that holds as much as its neighbours allow. A row read differently in
/// two best combinations is ambiguous. `None` when there are too many combinations.
#[allow(clippy::too_many_arguments)]
fn choose_jointly(
    rows: &mut [Row],
    readings: &[Vec<Vec<Option<String>>>],
    ambiguous: &[usize],
    orders: &[Vec<usize>],
    roles: &RowRoles,
    difference_column: bool,
    cache: &mut ScoredCache,
) -> Option<Vec<Ambiguity>> {
    let total = ambiguous
        .iter()
        .try_fold(1usize, |acc, &i| acc.checked_mul(orders[i].len().max(1)))?;
    if ambiguous.is_empty() || total > JOINT_COMBINATIONS {
        return None;
    }
    // The cells of the readings the rows hold now, each visited this often per scoring.
    let cells = cache.now.iter().map(Vec::len).sum::<usize>().max(1) * roles.visits_per_cell();
    if total.saturating_mul(cells) > CHOICE_WORK {
        return None;
    }
    // Only the rows chosen together vary between the combinations scored.
    let mut varying = vec![false; rows.len()];
    ambiguous.iter().for_each(|&i| varying[i] = true);
    let mut best_score = i64::MIN;
    let mut best: Vec<Vec<usize>> = Vec::new(); // the best combinations (per ambiguous row)
    let mut pick = vec![0usize; ambiguous.len()];
    // The reading each row holds now (none yet): a row is set again only when its pick
    // changes.
    let mut held: Vec<Option<usize>> = vec![None; ambiguous.len()];
    for n in 0..total {
        let mut rest = n;
        for (a, &i) in ambiguous.iter().enumerate() {
            let len = orders[i].len().max(1);
            pick[a] = orders[i].get(rest % len).copied().unwrap_or(0);
            rest /= len;
            if held[a] != Some(pick[a]) {
                cache.set(i, pick[a]);
                held[a] = Some(pick[a]);
            }
        }
        let score = cache.score(rows, roles, difference_column, &varying);
        if score > best_score {
            best_score = score;
            best.clear();
        }
        if score == best_score {
            best.push(pick.clone());
        }
    }
    let first = best.first()?.clone();
    for (a, &i) in ambiguous.iter().enumerate() {
        cache.set(i, first[a]);
    }
    Some(
        ambiguous
            .iter()
            .enumerate()
            .filter_map(|(a, &i)| {
                let mut seen: Vec<usize> = Vec::new();
                for combo in &best {
                    if !seen.contains(&combo[a]) {
                        seen.push(combo[a]);
                    }
                }
                (seen.len() > 1).then(|| Ambiguity {
                    row: i,
                    readings: seen
                        .iter()
                        .map(|&r| {
                            readings[i][r]
                                .iter()
                                .map(|c| c.clone().unwrap_or_default())
                                .collect()
                        })
                        .collect(),
                    provenance: rows[i].provenance.clone(),
                    // The best-scoring readings only, not every reading.
                    complete: false,
                    unfixed: None,
                })
            })
            .collect(),
    )
}

/// How [`choose_readings`] scores a table's readings.
#[derive(Clone, Copy)]
struct Choice {
    /// The table has a difference column (Avvikelse = Budget − Prognos).
    difference_column: bool,
    /// The first column holds note references, no figures.
    notes_first: bool,
    /// Only relations that hold exactly choose (glued rows).
    tight: bool,
    /// Every row's figures stand in the columns in order (no glued row, no cell left
    /// empty without a mark): a figure wider than its column's is no reading.
    widths: bool,
}

/// Picks each ambiguous row's reading by how many of the table's relations hold, and
/// records the rows where two or more readings do equally well.
fn choose_readings(
    rows: &mut [Row],
    readings: &[Vec<Vec<Option<String>>>],
    choice: Choice,
    vocab: &Vocabulary,
) -> Vec<Ambiguity> {
    let chosen = choose_readings_narrowed(rows, readings, choice, vocab, &[]);
    if !choice.widths {
        return chosen;
    }
    // A row the arithmetic read, one way, with digit groups joined into a figure wider
    // than every figure read for certain in its column ("1 | 271 698" where "1 271 | 698"
    // is read too, under figures of at most five digits), while another of its readings
    // keeps to the widths: chosen again among those only. The arithmetic chose the wide
    // one because a misprinted total happens to meet it; rows it left tied stay so.
    let widest = widest_certain(rows, readings, usize::from(choice.notes_first));
    let ambiguous: HashSet<usize> = chosen.iter().map(|a| a.row).collect();
    let wide: Vec<usize> = (0..rows.len())
        .filter(|&i| readings[i].len() > 1 && !ambiguous.contains(&i))
        .filter(|&i| {
            let chosen: Vec<Option<String>> = rows[i]
                .cells
                .iter()
                .map(|c| (!c.raw.is_empty()).then(|| c.raw.clone()))
                .collect();
            !within_widths(&chosen, &widest)
                && readings[i].iter().any(|r| within_widths(r, &widest))
        })
        .collect();
    if wide.is_empty() {
        return chosen;
    }
    choose_readings_narrowed(rows, readings, choice, vocab, &wide)
}

/// Whether a reading joins no digit groups into a figure wider than `widest` allows in
/// its column ([`widest_certain`]).
fn within_widths(reading: &[Option<String>], widest: &[Option<usize>]) -> bool {
    reading.iter().enumerate().all(|(c, cell)| {
        match (widest.get(c).copied().flatten(), cell.as_deref()) {
            (Some(w), Some(text)) => integer_digits(text) <= w || !text.trim().contains(' '),
            _ => true,
        }
    })
}

/// [`choose_readings`], where each row of `narrow` is read only in the ways that keep to
/// the column widths ([`within_widths`]).
fn choose_readings_narrowed(
    rows: &mut [Row],
    readings: &[Vec<Vec<Option<String>>>],
    choice: Choice,
    vocab: &Vocabulary,
    narrow: &[usize],
) -> Vec<Ambiguity> {
    let Choice {
        difference_column,
        notes_first,
        tight,
        ..
    } = choice;
    let ambiguous: Vec<usize> = (0..rows.len()).filter(|&i| readings[i].len() > 1).collect();
    let mut roles = RowRoles::of(rows, vocab);
    // Each pass scores every considered reading of every ambiguous row (3 passes at most),
    // and each scoring visits every cell of the table, a balance sheet's sides' cells many
    // times (a glued 8-column BR of 20 rows took 2 s before this counted them).
    let cells = rows.iter().map(|r| r.cells.len()).sum::<usize>().max(1) * roles.visits_per_cell();
    let per_row = (CHOICE_WORK / cells / (3 * ambiguous.len()).max(1)).max(2);
    let widest = if narrow.is_empty() {
        Vec::new()
    } else {
        widest_certain(rows, readings, usize::from(notes_first))
    };
    let orders: Vec<Vec<usize>> = readings
        .iter()
        .enumerate()
        .map(|(row, r)| {
            let mut order = plausibility_order(r);
            if narrow.contains(&row) {
                order.retain(|&i| within_widths(&r[i], &widest));
            }
            if notes_first {
                // Under a note column the first digits may be a note or a figure's
                // thousands: the reading whose figures are alike in size across the
                // row ("3 307,7 | 4 133,0", not "3" and "307,7 | 4 133,0") first.
                order.sort_by_key(|&i| magnitude_spread(&r[i]));
            }
            order.truncate(per_row);
            order
        })
        .collect();
    let mut cache = ScoredCache::new(rows, readings, vocab, tight);
    for &i in &ambiguous {
        if let Some(&first) = orders[i].first() {
            cache.set(i, first);
        }
    }
    cache.sync(rows);
    // Note references are no figures: the arithmetic that chooses starts after them.
    roles.from_column = usize::from(notes_first);
    let mut best_sets: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut joint: Vec<Ambiguity> = Vec::new();
    for pass in 0..4 {
        // After choosing row by row, the rows with few readings are chosen together
        // (the rest as chosen), then the others once more given them.
        if pass == 3 {
            let small: Vec<usize> = ambiguous
                .iter()
                .copied()
                .filter(|&i| orders[i].len() <= JOINT_READINGS)
                .collect();
            if small.len() < 2 {
                break;
            }
            match choose_jointly(
                rows,
                readings,
                &small,
                &orders,
                &roles,
                difference_column,
                &mut cache,
            ) {
                Some(a) => joint = a,
                None => break,
            }
        }
        let rows_now: Vec<usize> = if pass == 3 {
            ambiguous
                .iter()
                .copied()
                .filter(|&i| orders[i].len() > JOINT_READINGS)
                .collect()
        } else {
            ambiguous.clone()
        };
        best_sets.clear();
        for &i in &rows_now {
            let mut scored: Vec<(i64, usize)> = Vec::new();
            // Only row `i` varies between the readings scored.
            let mut varying = vec![false; rows.len()];
            varying[i] = true;
            for &r in &orders[i] {
                cache.set(i, r);
                scored.push((cache.score(rows, &roles, difference_column, &varying), r));
            }
            let top = scored.iter().map(|s| s.0).max().unwrap_or(0);
            let best: Vec<usize> = scored.iter().filter(|s| s.0 == top).map(|s| s.1).collect();
            if let Some(&pick) = best.first() {
                cache.set(i, pick);
            }
            best_sets.push((i, best));
        }
        if pass > 0
            && pass < 3
            && best_sets.iter().all(|(_, b)| b.len() == 1)
            && !needs_joint(&ambiguous, &orders)
        {
            break;
        }
    }
    cache.sync(rows);
    let mut out: Vec<Ambiguity> = best_sets
        .into_iter()
        .filter(|(_, best)| best.len() > 1)
        .map(|(i, best)| Ambiguity {
            row: i,
            readings: best
                .iter()
                .map(|&r| {
                    readings[i][r]
                        .iter()
                        .map(|c| c.clone().unwrap_or_default())
                        .collect()
                })
                .collect(),
            provenance: rows[i].provenance.clone(),
            complete: false,
            unfixed: None,
        })
        .collect();
    out.extend(joint);
    out.sort_by_key(|a| a.row);
    out
}

/// Rows with at most this many readings are chosen together by [`choose_jointly`].
const JOINT_READINGS: usize = 8;

/// Whether two or more rows have few enough readings to be chosen together.
fn needs_joint(ambiguous: &[usize], orders: &[Vec<usize>]) -> bool {
    ambiguous
        .iter()
        .filter(|&&i| orders[i].len() <= JOINT_READINGS)
        .count()
        >= 2
}

/// The last word of a label, lowercased ("" for an empty label).
/// Whether the text before a run of glued figures can be that row's label: not a list
/// item, a lead-in ending in ":" or a sentence, and not a paragraph. Figures glued to it
/// make it a label even when long ("Gymnasieutbildning, ersättning från andra kommuner
/// och friskolor124128133"); a label of one word ("Totalt133 203 tkr100,00") is a total
/// row whatever its word.
fn is_glued_row_label(label: &str, vocab: &Vocabulary) -> bool {
    let one_word = label.split_whitespace().count() == 1;
    // "Summa totalt574 902 …": a total row's label ends in a word a sentence also ends in.
    let total_row = vocab.is_total_label(label);
    !(label.chars().count() > 100
        || label.starts_with(['•', '*', '·', '–', '-'])
        || is_prose_ending(&last_word_lowercase(label), vocab) && !one_word && !total_row
        || label.ends_with(':'))
}

fn last_word_lowercase(label: &str) -> String {
    label
        .split_whitespace()
        .last()
        .map(str::to_lowercase)
        .unwrap_or_default()
}

/// The lines the tables already hold, as rows or as rows not read.
fn lines_taken(tables: &[Table]) -> HashSet<u32> {
    tables
        .iter()
        .flat_map(|t| {
            t.rows
                .iter()
                .map(|r| r.provenance.line)
                .chain(t.unread_rows.iter().map(|u| u.provenance.line))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Column names that end each at a year, then one without: the years' columns and the
    /// last name, the words before the first piece heading the label column.
    #[test]
    fn names_columns_ending_at_years_then_a_last_word() {
        assert_eq!(
            years_then_word_header(&["Område 2019 2020 Förändring"], 3),
            Some(vec!["2019".into(), "2020".into(), "Förändring".into()])
        );
        assert_eq!(
            years_then_word_header(
                &["Län Antal gästnätter 2009 Antal gästnätter 2014 Förändring"],
                3
            ),
            Some(vec![
                "Antal gästnätter 2009".into(),
                "Antal gästnätter 2014".into(),
                "Förändring".into()
            ])
        );
        // Pieces of different shapes, a count that does not fit, or no label column: not
        // certain where a name starts.
        assert_eq!(
            years_then_word_header(&["Län Utfall 2019 Budget 2020 Förändring"], 3),
            None
        );
        assert_eq!(
            years_then_word_header(&["Område 2019 2020 Förändring"], 4),
            None
        );
        assert_eq!(years_then_word_header(&["2019 2020 Förändring"], 3), None);
        assert_eq!(
            years_then_word_header(&["Område 2019 2020 förändring 12"], 3),
            None
        );
    }

    /// School years ("2019/20") name columns as years do, and the last name may close
    /// with the range of years it compares ("Endring 2009–2019"); a figure other than a
    /// range, or a slash between years that do not follow each other, is no such name.
    #[test]
    fn names_columns_at_school_years_and_a_change_over_a_range() {
        assert_eq!(
            years_then_word_header(&["Kategorier 2009/10 2018/19 2019/20 Endring 2009–2019"], 4),
            Some(vec![
                "2009/10".into(),
                "2018/19".into(),
                "2019/20".into(),
                "Endring 2009–2019".into()
            ])
        );
        assert_eq!(
            years_then_word_header(&["Område 2009/2010 2019/2020 Förändring"], 3),
            Some(vec![
                "2009/2010".into(),
                "2019/2020".into(),
                "Förändring".into()
            ])
        );
        assert_eq!(
            years_then_word_header(&["Kategorier 2009/10 2019/20 Endring 12"], 3),
            None
        );
        assert_eq!(
            years_then_word_header(&["Kategorier 2009/12 2019/20 Endring"], 3),
            None
        );
        assert!(is_year_range("2009–2019") && is_year_range("2018-2020"));
        assert!(!is_year_range("2019–2009") && !is_year_range("1985-15"));
    }

    fn parse_line(text: &str) -> Option<FlatLine> {
        FlatLine::parse(text, Vocabulary::builtin_shared())
    }

    /// "1985 - 15 017" (a population by year): the year names the row, the dash set
    /// apart stands between it and its figure, which is no negative figure.
    /// Rows led by a year above rows labelled by region ("2001 4 800 100 4 700 000
    /// 100 100" over "Nord  300 000  290 000 10 000"): each year is its row's label, no
    /// figure, and the years' rows are no totals of each other.
    #[test]
    fn years_leading_rows_above_labelled_rows_are_labels() {
        let text = "Utbetalt\n  I alt Bidrag Lån\n\
                    2001 4 800 100 4 700 000  100 100\n\
                    2002 4 900 200 4 780 000  120 200\n\
                    2003 5 000 300 4 870 000  130 300\n\
                    2004 5 100 400 4 960 000  140 400\n\
                    Fylke\n\
                    Nord  300 000  290 000 10 000\n\
                    Sør  410 000  400 000 10 000\n";
        let tables = super::super::extract_text(text, Vocabulary::builtin_shared());
        let rows: Vec<&super::super::Row> = tables.iter().flat_map(|t| &t.rows).collect();
        for year in ["2001", "2002", "2003", "2004"] {
            let row = rows.iter().find(|r| r.label == year);
            let row = row.unwrap_or_else(|| panic!("row {year}: {tables:?}"));
            assert_eq!(row.kind, RowKind::Data, "{row:?}");
        }
        assert!(
            rows.iter()
                .all(|r| r.cells.iter().all(|c| c.raw.trim() != "2001")),
            "{tables:?}"
        );
        // Two years over figures, then rows labelled by periods: not decided, as before.
        let text = "1919 1150 760 1134 148\n1920 1308 716 1117 131\n\
                    1922-23 1382 636 1161 176\n1926-27 1315 543 1396 118\n";
        let tables = super::super::extract_text(text, Vocabulary::builtin_shared());
        assert!(
            tables
                .iter()
                .flat_map(|t| &t.rows)
                .all(|r| r.label != "1919"),
            "{tables:?}"
        );
    }

    #[test]
    fn a_year_then_a_dash_apart_labels_the_figure() {
        let figures = |l: &FlatLine| {
            l.groups
                .iter()
                .map(|g| g.text.trim().to_string())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let l = parse_line("1985 - 15 017").expect("a row");
        assert_eq!(l.label, "1985");
        assert_eq!(figures(&l), "15 017");
        let l = parse_line("2019 – 13 426").expect("a row");
        assert_eq!(l.label, "2019");
        assert_eq!(figures(&l), "13 426");
        // A range of years is no row's label and figure.
        let range = parse_line("2018 - 2019");
        assert!(range.is_none_or(|l| l.label != "2018"));
        // A minus glued to its figure is the figure's sign.
        let l = parse_line("1985 -15 017");
        assert!(l.is_none_or(|l| l.label != "1985"));
    }

    #[test]
    fn a_row_run_into_a_heading_with_years_is_cut_before_the_heading() {
        let v = Vocabulary::builtin_shared();
        let line = "Årets resultat 0 6 0 0 0BALANSRÄKNING, Mkr 2010 2009 2008 2007 2006";
        let at = glued_heading_at(line, v).expect("cut");
        assert_eq!(&line[..at], "Årets resultat 0 6 0 0 0");
        let line = "Summa 1 400 1 277 1 246Nyckeltal 2010 2009 2008";
        assert_eq!(
            glued_heading_at(line, v).map(|at| &line[at..]),
            Some("Nyckeltal 2010 2009 2008")
        );
        // No cut: a header glued at its years, a heading without two years, a label
        // glued to its figures, a heading of one letter.
        for line in [
            "mnkr Intäkter 2020Intäkter 2021 2022",
            "Summa 1 400 1 277BALANSRÄKNING, Mkr",
            "Summa 1 400 1 277BALANSRÄKNING 2010",
            "Lokaler, m2145 903146 433",
            "Summa 1 400 1 277A 2010 2009",
        ] {
            assert_eq!(glued_heading_at(line, v), None, "{line}");
        }
    }

    #[test]
    fn a_dash_before_a_rows_words_keeps_the_row() {
        let row = parse_line(" – Kassa och bank 19 161,8 171,5 11 161,9 171,6")
            .expect("an indented row with figures is a row");
        assert_eq!(row.label, "– Kassa och bank");
        for item in ["– 1 person jobbar 60%", "- Budget 1 200", "• 2021 12"] {
            assert!(parse_line(item).is_none(), "{item}");
        }
    }

    fn header_names(lines: &[&str], columns: usize) -> Vec<String> {
        columns_from_header(lines, columns, Vocabulary::builtin_shared())
    }

    #[test]
    fn an_indented_line_of_spaced_names_names_each_column() {
        assert_eq!(
            bands::spaced_names("     kulut      tulot      netto       toteutumis-%", 4),
            Some(vec![
                "kulut".to_string(),
                "tulot".to_string(),
                "netto".to_string(),
                "toteutumis-%".to_string()
            ])
        );
        assert_eq!(
            bands::spaced_names("   Budget  Utfall  Avvik i %", 3),
            Some(vec![
                "Budget".to_string(),
                "Utfall".to_string(),
                "Avvik i %".to_string()
            ])
        );
        // Not indented: the first segment may name the label column.
        assert_eq!(bands::spaced_names("kulut      tulot      netto", 3), None);
        // One segment per column, no more, no fewer.
        assert_eq!(
            bands::spaced_names("   kulut      tulot      netto", 4),
            None
        );
        // A sentence, a year, two columns: no names.
        assert_eq!(
            bands::spaced_names("   Tabellen visar  utfallet  per nämnd.", 3),
            None
        );
        assert_eq!(
            bands::spaced_names("   Budget 2024  Utfall  Netto", 3),
            None
        );
        assert_eq!(bands::spaced_names("   kulut      tulot", 2), None);
    }

    #[test]
    fn header_cut_at_each_per_period() {
        assert_eq!(
            header_names(&["   Pr. måned Pr. termin Pr. år"], 3),
            ["Pr. måned", "Pr. termin", "Pr. år"]
        );
        // The words before the first capitalised cut name the first column when the
        // rows have one more column than the cuts.
        assert_eq!(
            header_names(&["m3 pr. år Pr. måned Pr. termin Pr. år"], 4),
            ["m3 pr. år", "Pr. måned", "Pr. termin", "Pr. år"]
        );
        assert_eq!(
            header_names(&["Avgift per månad per år"], 2),
            ["per månad", "per år"]
        );
        // A per word before no period cuts nothing.
        assert_eq!(header_names(&["Taxa per barn per månad"], 2), ["", ""]);
    }

    #[test]
    fn a_row_writing_thousands_unspaced_groups_none_with_a_space() {
        let vocab = Vocabulary::builtin_shared();
        let read = |text: &str, columns: usize| {
            FlatLine::parse(text, vocab).map_or(0, |l| l.readings(columns).len())
        };
        // 1225,00 has no thousands space, so "50 102,08" is two figures.
        assert_eq!(read("50 102,08 306,25 1225,00", 3), 0);
        assert_eq!(read("50 102,08 306,25 1225,00", 4), 1);
        // Where the row groups its thousands with spaces, both readings stay.
        assert!(read("50 102,08 306,25 1 225,00", 4) >= 1);
        assert!(read("50 102,08 306,25 1 225,00", 3) >= 1);
    }

    #[test]
    fn header_wrapped_column_by_column() {
        let lines = [
            "Utfall",
            "jan",
            "2019",
            "Budget",
            "ack. jan",
            "2020",
            "Prognos",
            "2020",
            "Skillnad",
            "budget mot",
            "prognos",
        ];
        assert_eq!(
            header_names(&lines, 4),
            [
                "Utfall jan 2019",
                "Budget ack. jan 2020",
                "Prognos 2020",
                "Skillnad budget mot prognos"
            ]
        );
    }

    #[test]
    fn header_wrapped_line_by_line() {
        let lines = [
            "Kostnader per enhet",
            "Bokslut",
            "helår Budget Prognos",
            "Avvikelse",
            "Belopp (tkr) 2019 mar 2020 2020",
            "mot budget",
        ];
        assert_eq!(
            header_names(&lines, 4),
            [
                "Bokslut helår 2019",
                "Budget mar 2020",
                "Prognos 2020",
                "Avvikelse mot budget"
            ]
        );
    }

    #[test]
    fn header_dates_wrapped_over_lines_and_titles_above() {
        let lines = [
            "Utfall per 2020-06-30",
            "Utfall Utfall Budget",
            "Belopp netto (tkr)",
            "2019-06-",
            "30",
            "2020-06-",
            "30",
            "2020",
        ];
        assert_eq!(
            header_names(&lines, 3),
            ["Utfall 2019-06-30", "Utfall 2020-06-30", "Budget 2020"]
        );
    }

    #[test]
    fn header_with_too_few_column_words_keeps_the_old_reading() {
        assert_eq!(header_names(&["Kommun Andel"], 2), ["", ""]);
    }

    #[test]
    fn splits_label_and_tail_with_empty_hints() {
        let f = parse_line("2300 Nätverk   108 1 278 1 278 0 ").expect("row");
        assert_eq!(f.label, "2300 Nätverk");
        let r = f.readings(5);
        assert_eq!(r.len(), 1);
        assert_eq!(
            r[0],
            vec![
                None,
                Some("108".to_string()),
                Some("1 278".into()),
                Some("1 278".into()),
                Some("0".into())
            ]
        );
    }

    #[test]
    fn trailing_spaces_mark_empty_last_cell() {
        let f = parse_line("Kommunbidrag 9 227 9 312 14 122 16 322   ").expect("row");
        let r = f.readings(5);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0][4], None);
        assert_eq!(r[0][0].as_deref(), Some("9 227"));
    }

    #[test]
    fn figures_glued_to_a_sentences_full_stop_are_a_row() {
        let line = parse_line(
            "Verksamhetsintäkter sammanlagt Verksamhetsintäkterna visas separat från externa poster.3 739 6743 551 634",
        )
        .expect("a row, not prose");
        assert!(line.glued);
        assert_eq!(
            line.label,
            "Verksamhetsintäkter sammanlagt Verksamhetsintäkterna visas separat från externa poster."
        );
        assert_eq!(line.run, "3 739 6743 551 634");
        // A full stop after a figure is a decimal point, not a sentence's end.
        assert!(parse_line("Kostnaden blev 3.5 miljoner").is_none_or(|l| !l.glued));
    }

    #[test]
    fn a_range_of_years_names_a_column() {
        for line in [
            "Note Rekneskap 2019 Rekneskap 2018 Endring 2018 - 2019",
            "Budsjett og økonomiplan 2020 -2023",
        ] {
            let row = parse_line(line).expect("a line of years");
            assert!(row.is_year_row(), "{line}");
        }
        // A dash after a figure that is no year is a figure's sign, no range.
        let row = parse_line("Netto 2018 -2 019").expect("a row");
        assert!(!row.is_year_row());
    }

    #[test]
    fn prose_is_not_a_row() {
        assert!(parse_line("en negativ avvikelse mot budget om 3 700").is_none());
        assert!(parse_line("Ingen siffra här").is_none());
    }

    #[test]
    fn a_short_label_ending_in_a_prose_word_before_three_figures_is_a_row() {
        let row =
            parse_line("Personalkostnader totalt 13 530 -6,7 6 666 6,1").expect("a row, not prose");
        assert_eq!(row.label, "Personalkostnader totalt");
        assert_eq!(row.groups.len(), 6);
        let row = parse_line("Kretsen i 231 331 32 0,12664 0 32").expect("a row");
        assert_eq!(row.label, "Kretsen i");
        // A sentence ending in "totalt" before one figure, or two, stays prose.
        assert!(parse_line("Kostnaderna uppgick totalt 2 200").is_none());
        assert!(parse_line("Intäkterna var totalt 2 200 3 100").is_none());
        assert!(parse_line("varav kostnader totalt 13 530 -6,7 6 666 6,1").is_none());
        // A varav row naming an age band is a row.
        let row = parse_line("varav 7-17 år 1 584 1 603 1 698 1 733").expect("a row");
        assert_eq!(row.label, "varav 7-17 år");
    }

    #[test]
    fn a_spaced_run_of_uneven_decimals_is_not_split_by_the_uniform_decimals_alone() {
        // "190,18 189,8" is 190,18 | 189,8 as spaced, and 190,1 | 8 189,8 with one
        // decimal each: two readings, not decided by the run alone.
        let text = "Taseen tunnusluvut\n2023\n2022\nKertynyt yli/alijäämä, milj. euroa 138,2 108,9\nLainakanta 31.12., milj euroa 190,18 189,8\nLainasaamiset 31.12., milj. euroa 125,5 119,6\n";
        let t = crate::table::extract_text(text, Vocabulary::builtin_shared());
        let t = t.first().unwrap_or_else(|| panic!("no table"));
        assert_eq!(t.rows.len(), 3, "{t:#?}");
        let a = t
            .ambiguities
            .iter()
            .find(|a| t.rows[a.row].label.starts_with("Lainakanta"))
            .unwrap_or_else(|| panic!("{:?}", t.ambiguities));
        assert!(a.readings.len() >= 2, "{:?}", a.readings);
    }

    #[test]
    fn a_long_label_between_two_rows_is_a_row() {
        // Key figures whose labels run long with a date and a qualifier: no sentence ends
        // in them, so each line of figures between two rows is a row, none lost.
        let text = "Kaupungin taseen tunnusluvut\nOmavaraisuusaste, % 49 47,1\nLainat ja vuokravastuut 31.12. milj. euroa 258 241\nLainat ja vuokravastuut 31.12. milj. euroa (ilman konsernitiliä) 212 215\nLainat ja vuokravastuut 31.12. milj. euroa/asukas 3 553,6 3 323\nLainat ja vuokravastuut 31.12. milj. euroa/asukas  (ilman konsernitiliä) 2 929 2 968,8\nKertynyt yli/alijäämä, milj. euroa 92,5 65,2\n";
        let t = crate::table::extract_text(text, Vocabulary::builtin_shared());
        let labels: Vec<&str> = t
            .iter()
            .flat_map(|t| t.rows.iter().map(|r| r.label.as_str()))
            .collect();
        assert_eq!(labels.len(), 6, "{labels:?}");
        assert!(
            labels.contains(&"Lainat ja vuokravastuut 31.12. milj. euroa (ilman konsernitiliä)")
        );
        // A sentence ending inside the label, or figures glued into it, keeps it text.
        let v = Vocabulary::builtin_shared();
        for line in [
            "Kommunens resultat för året blev bättre än väntat. Det gav ett överskott om 212 215",
            "Eiendomsskattegrunnlag = reduksjon til 80%(boligverdi x 0,8)kr 2 880 000kr 4 600 000kr 7 200 000",
        ] {
            assert!(FlatLine::parse_between_rows(line, v).is_none(), "{line}");
        }
    }

    #[test]
    fn a_row_closed_by_a_unit_of_measure_next_to_rows_is_a_row() {
        // A statistics page lists its area in km² and ha above the land uses: both lines
        // are rows (the unit joined to the label), not the caption and a label wrapped
        // into the first land use, their figures lost.
        let text = "Areal\n\nInvånare per km² 33\nKommunens totala areal 390 km²\nKommunägd mark 2.140,8 ha\nvarav mark för bostäder 37,4\nvarav mark för industri 16,5\n";
        let t = crate::table::extract_text(text, Vocabulary::builtin_shared());
        let rows: Vec<(&str, String)> = t
            .iter()
            .flat_map(|t| {
                t.rows.iter().map(|r| {
                    let cells = r.cells.iter().map(|c| format!("{:?}", c.value)).collect();
                    (r.label.as_str(), cells)
                })
            })
            .collect();
        let labels: Vec<&str> = rows.iter().map(|(l, _)| *l).collect();
        assert_eq!(
            labels,
            [
                "Invånare per km²",
                "Kommunens totala areal, km²",
                "Kommunägd mark, ha",
                "varav mark för bostäder",
                "varav mark för industri"
            ],
            "{rows:?}"
        );
        assert!(rows[2].1.contains("2140.8"), "{rows:?}");
        // Alone, with no row of one figure beside it, such a line stays text.
        let alone =
            "Fakta\n\nKommunens totala areal 390 km²\n\nKommunen har 13 426 invånare och växer.\n";
        let t = crate::table::extract_text(alone, Vocabulary::builtin_shared());
        assert!(t.iter().all(|t| t.rows.is_empty()), "{t:#?}");
    }

    #[test]
    fn glued_cells_are_split_by_the_arithmetic() {
        let text = "Kostnad per nämnd (tkr)\nNämnd Budget Utfall\nServicenämnd 1 200 1 150\nKulturnämnd 800 760\nByggnämnd673235\nSumma 2 673 2 145\n";
        let t = crate::table::extract_text(text, Vocabulary::builtin_shared());
        let t = t.first().unwrap_or_else(|| panic!("no table"));
        let row = t
            .rows
            .iter()
            .find(|r| r.label == "Byggnämnd")
            .unwrap_or_else(|| panic!("{t:#?}"));
        let values: Vec<_> = row.cells.iter().map(|c| c.value).collect();
        assert_eq!(values, vec![Some(673.into()), Some(235.into())]);
        assert!(t.ambiguities.is_empty(), "{:?}", t.ambiguities);
        // Without a relation to tell, the split is not decided.
        let text =
            "Nämnd Budget Utfall\nServicenämnd 1 200 1 150\nKulturnämnd 800 760\nByggnämnd673235\n";
        let t = crate::table::extract_text(text, Vocabulary::builtin_shared());
        let t = t.first().unwrap_or_else(|| panic!("no table"));
        assert_eq!(t.ambiguities.len(), 1, "{t:#?}");
        // Codes and years glued to words are labels.
        assert!(parse_line("Office365").is_none());
        assert!(parse_line("Licenser Office2016").is_none());
    }

    fn values(t: &Table) -> Vec<(String, Vec<Option<rust_decimal::Decimal>>)> {
        t.rows
            .iter()
            .map(|r| (r.label.clone(), r.cells.iter().map(|c| c.value).collect()))
            .collect()
    }

    fn d(v: i64) -> Option<rust_decimal::Decimal> {
        Some(v.into())
    }

    #[test]
    fn glued_runs_with_grouped_thousands_are_split_by_the_grammar() {
        // Invented: every row glued to its label, thousands grouped with spaces, a
        // header naming five years; each row has one split into five figures.
        let text = "Resultat per år  2024  2023  2022  2021  2020\n\
Intäkter3 000-11 70852 966107 66644 124\n\
Utfall3 000014 92587 41634 073\n";
        let t = crate::table::extract_text(text, Vocabulary::builtin_shared());
        let t = t.first().unwrap_or_else(|| panic!("no table"));
        assert_eq!(
            values(t),
            vec![
                (
                    "Intäkter".to_string(),
                    vec![d(3000), d(-11708), d(52966), d(107666), d(44124)]
                ),
                (
                    "Utfall".to_string(),
                    vec![d(3000), d(0), d(14925), d(87416), d(34073)]
                ),
            ]
        );
        assert!(t.ambiguities.is_empty(), "{:?}", t.ambiguities);
    }

    #[test]
    fn a_glued_total_row_and_a_glued_header_ending_in_a_year_give_the_column_count() {
        // Invented, shaped like a grant list flattened with every cell glued: the header's
        // names run together ("…Beviljat 2024"), and the total row's label ends in a word
        // a sentence also ends in ("Summa totalt"). The header names three figure
        // columns; each row then splits one way that the total row's sums confirm.
        let text = "Fördelade medel 2024\n\
OmrådeAntal ansöknSökt beloppBeviljat 2024\n\
Norrby375 00070 000\n\
Söderby5179 350174 465\n\
Västerby111 035 859560 475\n\
Summa totalt191 290 209804 940\n";
        let t = crate::table::extract_text(text, Vocabulary::builtin_shared());
        let t = t.first().unwrap_or_else(|| panic!("no table"));
        assert_eq!(
            values(t),
            vec![
                ("Norrby".to_string(), vec![d(3), d(75000), d(70000)]),
                ("Söderby".to_string(), vec![d(5), d(179350), d(174465)]),
                ("Västerby".to_string(), vec![d(11), d(1035859), d(560475)]),
                (
                    "Summa totalt".to_string(),
                    vec![d(19), d(1290209), d(804940)]
                ),
            ]
        );
        assert!(t.ambiguities.is_empty(), "{:?}", t.ambiguities);
    }

    #[test]
    fn figures_each_followed_by_a_companion_in_parentheses_are_two_columns() {
        // Invented, shaped like a table of places requested and granted "(herav …)":
        // before, "(30)" was no figure (a note reference) and every row was dropped
        // without a word; a companion of three digits or more was read negative.
        let text = "Fylke Anmodning (herav enslige) Vedtak (herav enslige)\n\
Nordfylke 780 (199) 700 (7)\n\
Sørfylke 1 410 (381) 1 347 (267)\n\
Totalt 2 190 (580) 2 047 (274)\n";
        let t = crate::table::extract_text(text, Vocabulary::builtin_shared());
        let t = t.first().unwrap_or_else(|| panic!("no table"));
        assert_eq!(
            values(t),
            vec![
                ("Nordfylke".to_string(), vec![d(780), d(199), d(700), d(7)]),
                (
                    "Sørfylke".to_string(),
                    vec![d(1410), d(381), d(1347), d(267)]
                ),
                ("Totalt".to_string(), vec![d(2190), d(580), d(2047), d(274)]),
            ]
        );
        assert!(t.ambiguities.is_empty(), "{:?}", t.ambiguities);
        // A year in the parentheses is no companion; one pair is left to the other
        // readings.
        assert!(DigitGroup::companion("(2021)").is_none());
        let v = Vocabulary::builtin_shared();
        let one = "Intäkter 3 249 (3 320)";
        assert!(FlatLine::companion_pairs(one, &merged_tokens(one, false), v).is_none());
    }

    #[test]
    fn rows_with_dot_leaders_before_their_figures_are_read_and_contents_lines_are_not() {
        // Invented, shaped like a report's count table set with leaders: before, every
        // row was dropped without a word.
        let text = "Ansökningar Beviljade\n\
Butiker ......................... 8 8\n\
Restauranger .................... 14 12\n\
Skolor och förskolor.............. 3 3\n\
4. Budget för 8 skolor ............................. 466\n";
        let t = crate::table::extract_text(text, Vocabulary::builtin_shared());
        let t = t.first().unwrap_or_else(|| panic!("no table"));
        assert_eq!(
            values(t),
            vec![
                ("Butiker".to_string(), vec![d(8), d(8)]),
                ("Restauranger".to_string(), vec![d(14), d(12)]),
                ("Skolor och förskolor".to_string(), vec![d(3), d(3)]),
            ]
        );
    }

    #[test]
    fn a_currency_mark_closing_each_row_is_the_last_figures_unit() {
        // Invented, shaped like a Finnish voucher table: a factor, then the price with
        // "€" apart or glued; before, every row was dropped without a word.
        let text = "Palvelusetelin arvot\n\n    Kerroin Kattohinta\n\
Yli 3 v yli 150 h 0,65          813 €\n\
  87 - 150 h 0,52          650€\n\
Alle 3 v yli 150 h 1,00        1 250 €\n";
        let tables = crate::table::extract_text(text, Vocabulary::builtin_shared());
        let t = tables.first().unwrap_or_else(|| panic!("no table: {text}"));
        let got = values(t);
        assert_eq!(got.len(), 3, "{t:#?}");
        assert_eq!(
            got[0].1,
            vec![Some(rust_decimal::Decimal::new(65, 2)), d(813)]
        );
        assert_eq!(
            got[1].1,
            vec![Some(rust_decimal::Decimal::new(52, 2)), d(650)]
        );
        assert_eq!(
            got[2].1,
            vec![Some(rust_decimal::Decimal::new(100, 2)), d(1250)]
        );
        assert_eq!(t.unit, Unit::Eur);
        let v = Vocabulary::builtin_shared();
        // One priced figure per line is a list, not a row of columns; a year ending the
        // label is no figure before the last; a scale word is no currency.
        assert!(closing_currency("Vanngebyr                2.150  kroner", v).is_none());
        assert!(closing_currency("Inkomster 2017         14,98 milj.", v).is_none());
        assert!(closing_currency("Avgift 12 kr  15 kr", v).is_none());
        assert!(closing_currency("Nivå 1             671 kr/månad", v).is_none());
        assert_eq!(
            closing_currency("Bolig  2 912,50  242,71 kr", v),
            Some(("Bolig  2 912,50  242,71", Unit::Kr))
        );
    }

    #[test]
    fn glued_rows_with_units_read_their_own_column_count() {
        // Invented: no header counts the columns; every row reads as two figures in one
        // way only ("12 832 tkr" and "10,44"), and the total closes both columns.
        let text = "FördelningBidragAndel\n\
Alby12 832 tkr40,00\n\
Bro19 248 tkr60,00\n\
Totalt32 080 tkr100,00\n";
        let t = crate::table::extract_text(text, Vocabulary::builtin_shared());
        let t = t.first().unwrap_or_else(|| panic!("no table: {text}"));
        let got = values(t);
        assert_eq!(got.len(), 3, "{t:#?}");
        assert_eq!(
            got[0].1,
            vec![d(12832), Some(rust_decimal::Decimal::new(4000, 2))]
        );
        assert_eq!(
            got[2].1,
            vec![d(32080), Some(rust_decimal::Decimal::new(10000, 2))]
        );
        assert!(t.unread_rows.is_empty(), "{:?}", t.unread_rows);
    }

    #[test]
    fn glued_years_header_with_a_note_column_and_the_arithmetic() {
        // Invented: "Not202420232022" names a note column and three years; the first
        // digits of a row are its note or its figure's thousands, and the sum decides.
        let text = "Resultaträkning, mnkr\n Not202420232022\n\
Intäkter12 0432 3902 327\n\
Kostnader2-1 500-1 400-1 300\n\
Nettokostnad5439901 027\n";
        let t = crate::table::extract_text(text, Vocabulary::builtin_shared());
        let t = t.first().unwrap_or_else(|| panic!("no table"));
        assert_eq!(t.columns, vec!["Not", "2024", "2023", "2022"]);
        let got = values(t);
        assert_eq!(got[0].1[1..], [d(2043), d(2390), d(2327)]);
        assert_eq!(got[1].1[1..], [d(-1500), d(-1400), d(-1300)]);
    }

    #[test]
    fn a_row_of_figures_above_a_one_figure_row_and_a_heading_is_not_lost() {
        // Invented: a row of four figures, a row of one, then a heading and the rows of
        // the table proper: the first row is figures for certain, kept as a row not read.
        let text = "Ramme Budsjett 2024 Plan 2025 Plan 2026 Plan 2027\n\
                    Inngående ramme -12 500 -11 900 -13 900 -14 400\nPrisjustering 0\nTiltak:\n\
                    Nye tiltak 1 600 -2 000 -500 -100\nSum tiltak 1 600 -2 000 -500 -100\n\
                    Ny ramme -10 900 -13 900 -14 400 -14 500\n";
        let t = crate::table::extract_text(text, Vocabulary::builtin_shared());
        let unread: Vec<&str> = t
            .iter()
            .flat_map(|t| t.unread_rows.iter().map(|u| u.label.as_str()))
            .collect();
        assert_eq!(unread, ["Inngående ramme"], "{t:#?}");
    }

    #[test]
    fn a_glued_line_under_the_last_row_is_a_row_not_read() {
        // Invented: a total first, its rows, then a line whose small figures are glued to
        // each other and to its label: no split is certain, so it is kept, not lost.
        let text = "Region 2021 2022 2023\nI alt 1 310 1 420 1 530\nNord 600 650 700\n\
                    Syd 700 760 820\nUtland---101010\n";
        let t = crate::table::extract_text(text, Vocabulary::builtin_shared());
        let t = t.first().unwrap_or_else(|| panic!("no table"));
        let unread: Vec<&str> = t.unread_rows.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(unread, ["Utland---101010"], "{t:#?}");
        // A period or a source line under a table is no row.
        for under in [
            "Kilde: SSB 2023",
            "Perioden 01.01.\u{2013}31.12.2023 och 2022",
        ] {
            let text = format!(
                "Region 2021 2022 2023\nI alt 1 300 1 410 1 520\nNord 600 650 700\n\
                 Syd 700 760 820\n{under}\n"
            );
            let t = crate::table::extract_text(&text, Vocabulary::builtin_shared());
            let t = t.first().unwrap_or_else(|| panic!("no table"));
            assert!(t.unread_rows.is_empty(), "{under}: {t:#?}");
        }
    }

    #[test]
    fn a_glued_split_no_grammar_or_relation_decides_is_not_decided() {
        // Invented: figures without thousands glued together, no total to tell: the
        // rows are kept as not decided, never read one way silently.
        let text = "Nämnd Budget Utfall\nAlby123456\nBro 987 654\n";
        let t = crate::table::extract_text(text, Vocabulary::builtin_shared());
        let t = t.first().unwrap_or_else(|| panic!("no table"));
        assert_eq!(t.ambiguities.len(), 1, "{t:#?}");
        // A header with years alone counts no columns: the glued rows are rows not read.
        let text = "Nämnd  2024  2023  2022\nAlby123456789\nBro98765432\n";
        let t = crate::table::extract_text(text, Vocabulary::builtin_shared());
        let unread = t.iter().map(|t| t.unread_rows.len()).sum::<usize>();
        assert_eq!(unread, 2, "{t:#?}");
    }

    #[test]
    fn a_part_with_its_share_is_left_to_the_share_lists() {
        let v = Vocabulary::builtin_shared();
        assert!(matches!(
            classify_line("Skola och barnomsorg: 468 mkr, 59 %", v),
            Kind::Text
        ));
        assert!(matches!(
            classify_line("Förskola 536 mkr (11,87%)", v),
            Kind::Text
        ));
        // A row of figures ending in a percentage stays a row.
        assert!(matches!(
            classify_line("Förskola 536 540 11,87 %", v),
            Kind::Row(_)
        ));
    }

    #[test]
    fn rows_ending_in_a_mark_for_no_figure_are_rows_not_read() {
        // Invented: a statistics table writing "x" where a figure is kept secret: each
        // row reported as not read, never dropped without a word.
        let unread = |text: &str| -> Vec<String> {
            crate::table::extract_text(text, Vocabulary::builtin_shared())
                .iter()
                .flat_map(|t| t.unread_rows.iter().map(|u| u.label.clone()))
                .collect()
        };
        let text = "Tabell 3\nAlby 961 612 464 x\nBro 230 150 118 x\n\nCentrum 117 105 89 x\n";
        assert_eq!(unread(text), ["Alby", "Bro", "Centrum"]);
        // One such line alone, or a sentence ending in a word: nothing reported.
        assert!(unread("Alby 961 612 464 x\nKostnaderna steg med 12 och 14 procent.\n").is_empty());
        assert!(unread("Mellan 2019 och 2020 ökade det med 12 13 st\nMellan 2020 och 2021 ökade det med 14 15 st\n").is_empty());
    }

    #[test]
    fn glued_rows_without_a_column_count_are_rows_not_read() {
        // Invented: glued rows that neither a header nor the rows themselves give one
        // column count: each a row not read, with why, not dropped.
        let text = "Alby1234567\nBro7654321\n";
        let t = crate::table::extract_text(text, Vocabulary::builtin_shared());
        let unread: Vec<&str> = t
            .iter()
            .flat_map(|t| t.unread_rows.iter().map(|u| u.label.as_str()))
            .collect();
        assert_eq!(unread, vec!["Alby", "Bro"], "{t:#?}");
        // A flat run of rows with figures that gives no table at all.
        let text = "Alby 1 234 5 678 9\nBro 12 34\n";
        let t = crate::table::extract_text(text, Vocabulary::builtin_shared());
        let unread = t.iter().map(|t| t.unread_rows.len()).sum::<usize>();
        assert_eq!(unread, 2, "{t:#?}");
        // A date and a lone number in a name are no figures: nothing reported.
        let text = "Fas 1\n2019 09 06 – 2020 05 30\n";
        let t = crate::table::extract_text(text, Vocabulary::builtin_shared());
        assert!(t.iter().all(|t| t.unread_rows.is_empty()), "{t:#?}");
    }

    #[test]
    fn references_under_a_not_header_are_no_figures() {
        let text = "Belopp i mnkr                            Not      2018     2019\n\
Verksamhetens intäkter                   1        10 932   11 397\n\
Verksamhetens kostnader                  2, 3, 17 -39 658  -41 140\n\
Avskrivningar                            4,5      -1 490   -1 639\n\
Verksamhetens nettokostnader                      -30 216  -31 382\n\
Skatteintäkter                           1A       27 590   28 833\n";
        let t = crate::table::extract_text(text, Vocabulary::builtin_shared());
        let t = t.first().unwrap_or_else(|| panic!("no table"));
        let values: Vec<Vec<Option<rust_decimal::Decimal>>> = t
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.value).collect())
            .collect();
        assert_eq!(
            values,
            vec![
                vec![Some(10932.into()), Some(11397.into())],
                vec![Some((-39658).into()), Some((-41140).into())],
                vec![Some((-1490).into()), Some((-1639).into())],
                vec![Some((-30216).into()), Some((-31382).into())],
                vec![Some(27590.into()), Some(28833.into())],
            ]
        );
        assert!(t.ambiguities.is_empty(), "{:?}", t.ambiguities);
        // A figure standing under the header word is no reference: "1 079" stays whole.
        assert_eq!(without_note_reference("Resultat    1 079", (12, 15)), None);
    }

    #[test]
    fn a_stray_row_above_does_not_take_the_table_with_it() {
        let text = "Antal anställda 12\nIntäkter -254 -240 -338\nPersonalkostnader 5 095 5 707 9 264\nSumma 4 841 5 467 8 926\n";
        let t = crate::table::extract_text(text, Vocabulary::builtin_shared());
        let t = t.first().unwrap_or_else(|| panic!("the table was lost"));
        let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["Intäkter", "Personalkostnader", "Summa"]);
        assert_eq!(t.rows[2].cells[0].value, Some(4841.into()));
    }

    #[test]
    fn a_single_spaced_not_header_names_and_counts_the_columns_down_the_statement() {
        // Lerum's balansräkning: a long header line with a note word, rows with note
        // references ("Fordringar 16 405,2 …" is 16 | 405,2, not 16 405,2), group
        // headings and a blank line between the groups.
        let text = "Miljoner kronor Not Kommun 2022 Kommun 2023 Koncern 2022 Koncern 2023\nTILLGÅNGAR\n\nAnläggningstillgångar\nImmateriella anläggningstillgångar 11 0,1 0,0 0,1 0,0\nFinansiella anläggningstillgångar 13 281,2 272,4 70,8 70,8\nSumma anläggningstillgångar 281,3 272,4 70,9 70,8\n\nOmsättningstillgångar\nFörråd och exploatering 15 2,1 4,9 7,4 13,7\nFordringar 16 405,2 405,3 404,5 417,6\nSumma omsättningstillgångar 407,3 410,2 411,9 431,3\n";
        let tables = crate::table::extract_text(text, Vocabulary::builtin_shared());
        assert!(!tables.is_empty());
        for t in &tables {
            assert_eq!(
                t.columns,
                [
                    "Not",
                    "Kommun 2022",
                    "Kommun 2023",
                    "Koncern 2022",
                    "Koncern 2023"
                ],
                "{t:#?}"
            );
        }
        let fordringar = tables
            .iter()
            .flat_map(|t| &t.rows)
            .find(|r| r.label == "Fordringar")
            .unwrap_or_else(|| panic!("{tables:#?}"));
        let values: Vec<_> = fordringar.cells[1..].iter().map(|c| c.value).collect();
        let want: Vec<Option<rust_decimal::Decimal>> = ["405.2", "405.3", "404.5", "417.6"]
            .iter()
            .map(|v| v.parse().ok())
            .collect();
        assert_eq!(values, want);
    }

    #[test]
    fn a_statement_side_under_a_heading_with_its_note_on_a_line_stays_one_table() {
        // Lerum's claims side: a group heading with its note reference on a line of its
        // own ("Eget kapital" / "19"), a year ending a "varav" label, figures whose first
        // group could be a note ("1 203,2"): read whole, "Årets resultat" a part of eget
        // kapital, the note column empty where the figures' sizes and sums say so.
        let text = "Miljoner kronor Not Kommun 2022 Kommun 2023 Koncern 2022 Koncern 2023\nAnläggningstillgångar\nImmateriella anläggningstillgångar 11 0,1 0,0 0,1 0,0\nMateriella anläggningstillgångar 3 307,7 4 133,0 4 286,0 4 593,7\nFinansiella anläggningstillgångar 13 281,2 272,4 70,8 70,8\nSumma anläggningstillgångar 3 589,0 4 405,4 4 356,9 4 664,5\n\nSUMMA TILLGÅNGAR\n3 589,0 4 405,4 4 356,9 4 664,5\n\nEGET KAPITAL, AVSÄTTNINGAR OCH SKULDER\n\nEget kapital\n19\nÅrets resultat 87,6 62,2 118,4 91,5\nÖvrigt eget kapital 1 203,2 1 290,8 1 459,7 1 572,6\nSumma eget kapital 1 290,8 1 353,0 1 578,1 1 664,1\n\nAvsättningar\nAvsättningar för pensioner 20 858,3 927,1 858,3 927,1\nvarav pensioner intjänade från och med 1998 222,9 288,9 222,9 288,9\nSumma avsättningar 858,3 927,1 858,3 927,1\n\nSkulder\nLångfristiga skulder 22 1 439,9 2 125,3 1 920,5 2 073,3\nSumma skulder 1 439,9 2 125,3 1 920,5 2 073,3\n\nSUMMA EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER\n3 589,0 4 405,4 4 356,9 4 664,5\n";
        let tables = crate::table::extract_text(text, Vocabulary::builtin_shared());
        assert_eq!(tables.len(), 1, "{tables:#?}");
        let t = &tables[0];
        let row = |label: &str| {
            t.rows
                .iter()
                .find(|r| r.label == label)
                .unwrap_or_else(|| panic!("{label}: {t:#?}"))
        };
        let first = |label: &str| row(label).cells[1].value.map(|v| v.to_string());
        assert_eq!(
            first("Materiella anläggningstillgångar").as_deref(),
            Some("3307.7")
        );
        assert_eq!(first("Övrigt eget kapital").as_deref(), Some("1203.2"));
        assert_eq!(
            first("varav pensioner intjänade från och med 1998").as_deref(),
            Some("222.9")
        );
        assert_eq!(
            first("Avsättningar för pensioner").as_deref(),
            Some("858.3")
        );
        assert_eq!(
            first("SUMMA EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER").as_deref(),
            Some("3589.0")
        );
        assert_eq!(row("Årets resultat").kind, RowKind::Data);
        assert!(t.rows.iter().all(|r| r.label != "19"));
        // Only the assets' rows stay undecided here (one subtotal: no sum tells).
        assert!(
            t.ambiguities.iter().all(|a| a.row < 5),
            "{:?}",
            t.ambiguities
        );
    }

    #[test]
    fn a_row_of_percents_between_words_is_a_row_not_read() {
        let vocab = Vocabulary::builtin_shared();
        let table = "Tilleggsavgift\n\nHenting hver 14 dag av 140 liter 900 1 125\nEn ekstra tømming av 140 liter 400 500\nEn ekstra tømming av 240 liter 420 525\nEn ekstra tømming av 660 liter 530 663\nEn ekstra tømming av nedgravd løsning 1 080 1 350\n";
        let text = format!("{table}Dobbel tømmefrekvens 100% tillegg 100% tillegg\n");
        let tables = crate::table::extract_text(&text, vocab);
        let unread: Vec<&str> = tables
            .iter()
            .flat_map(|t| t.unread_rows.iter().map(|u| u.label.as_str()))
            .collect();
        assert_eq!(unread, ["Dobbel"], "{tables:?}");
        // A series whose years became its labels: the row has one percent per column left.
        let series = "Gods (tusen ton) Trailers Järnvägsvagnar Passagerare   Bilar/Bussar\n2007 12 747   702 660   76 336   1 816 301   333 800\n2008 12 434   692 477   73 298   1 820 810   328 066\n2009 10 211   581 577   43 956   1 556 076   291 657\nTotalt Minus 3,3%   Ökat 15,5%     Minus 64,8%    Minus 6,6%   Ökat 22,8%\n";
        let tables = crate::table::extract_text(series, vocab);
        let unread: Vec<&str> = tables
            .iter()
            .flat_map(|t| t.unread_rows.iter().map(|u| u.label.as_str()))
            .collect();
        assert_eq!(unread, ["Totalt"], "{tables:?}");
        // A sentence after the table is prose, not a row.
        let prose = format!("{table}Avgiften økte med 5% i 2023 og 3% i 2024.\n");
        let tables = crate::table::extract_text(&prose, vocab);
        assert!(
            tables.iter().all(|t| t.unread_rows.is_empty()),
            "{tables:?}"
        );
    }

    #[test]
    fn glued_digits_are_not_read_one_per_cell() {
        let vocab = Vocabulary::builtin_shared();
        // Rovaniemi's pöytäkirja: a § heading over a diarienummer, no figures at all.
        let text =
            "§ 149 Vuoden 2021 talousarvion muuttaminen / tarkistettu esitys\nROIDno-2020-1397\n";
        let tables = crate::table::extract_text(text, vocab);
        assert!(
            tables
                .iter()
                .all(|t| t.rows.iter().all(|r| r.cells.len() < 4)),
            "{tables:?}"
        );
        // A header whose column words name four columns: one digit each, as it says.
        let named =
            "Tabell\n\nPost Budget Utfall Avvikelse Prognos\nHyra A1234\nHyra B5678\nHyra C9012\n";
        let tables = crate::table::extract_text(named, vocab);
        assert_eq!(tables[0].rows[0].cells.len(), 4, "{tables:?}");
    }

    #[test]
    fn a_year_starting_each_row_is_its_label() {
        let vocab = Vocabulary::builtin_shared();
        let series = "Volymer\n\nGods Trailers Passagerare\n2007 12 747   702 660   1 816 301\n2008 12 434   692 477   1 820 810\n2009 10 211   581 577   1 556 076\n";
        let tables = crate::table::extract_text(series, vocab);
        let labels: Vec<&str> = tables[0].rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["2007", "2008", "2009"]);
        assert_eq!(tables[0].rows[0].cells.len(), 3);
        assert_eq!(tables[0].rows[2].cells[2].raw, "1 556 076");
        // Years far apart are no series of labels: figures of a column, as read.
        let skipping = series.replace("2009 ", "2019 ");
        let tables = crate::table::extract_text(&skipping, vocab);
        assert!(
            tables[0].rows.iter().all(|r| r.label.is_empty()),
            "{tables:?}"
        );
    }

    #[test]
    fn a_glued_header_line_parts_into_its_cells() {
        let vocab = Vocabulary::builtin_shared();
        // The label column's header, then one name per column.
        assert_eq!(
            glued_words_header("BidragÅrsbeloppPer månad", 2, vocab),
            Some(vec!["Årsbelopp".to_string(), "Per månad".to_string()])
        );
        // A column word first names a column of its own: three, not two after a label.
        assert_eq!(glued_words_header("BokslutBudgetAvvikelse", 2, vocab), None);
        assert_eq!(
            glued_words_header("BokslutBudgetAvvikelse", 3, vocab).map(|n| n.len()),
            Some(3)
        );
        // A sentence or a figure is no header cell.
        assert_eq!(
            glued_words_header("Kostnaden steg med 5 %Enligt plan", 1, vocab),
            None
        );
        assert_eq!(glued_words_header("Enligt planenSe nedan.", 1, vocab), None);
    }

    #[test]
    fn two_spaces_separate_columns() {
        let f = parse_line("IT-invest. Hrja Vga 1 086  895 900 895 5").expect("row");
        let r = f.readings(5);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0][0].as_deref(), Some("1 086"));
    }

    #[test]
    fn wide_cells_join_every_single_space() {
        let f = parse_line("Avgår realisationsvinster vid försäljning av anläggningstillgångar    -4 644  -6 602  -1 077")
            .expect("a long label set apart by a cell gap is a row");
        assert_eq!(f.wide_cell_figures().map(|s| s.len()), Some(3));
        // Two figures one space apart in one block make no figure when joined.
        let tight = parse_line("Nämnd A  1 200  1 250  1 300 1 350").expect("row");
        assert_eq!(tight.wide_cell_figures(), None);
        // A long label run into its figures with one space stays prose.
        assert!(parse_line(
            "Kommunens resultat för året blev betydligt bättre än vad som hade budgeterats och uppgick till 12 300"
        )
        .is_none());
    }

    #[test]
    fn every_placement_of_wide_figures_is_counted() {
        let mut f = parse_line("Avgår realisationsvinster    -4 644  -6 602  -1 077").expect("row");
        f.wide_cells = true;
        let short = f.short_readings(5, 100);
        assert_eq!(short.len(), 10);
        assert!(f.lists_every_placement(5, short.len()));
        assert!(!f.lists_every_placement(5, 9));
        f.wide_cells = false;
        assert!(!f.lists_every_placement(5, 10));
    }
}
