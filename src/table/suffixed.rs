//! Price tables whose every cell ends in a currency unit ("11 607 kr 4 430 kr 7 178 kr"):
//! the unit closes the cell, so the cells are certain even where single spaces group
//! thousands. A leading quantity with its own unit ("15 000 kWh", "190 liter, varannan
//! vecka") or a bare leading number ("15 000 13 140 kr ...") is the row's label, a key
//! and never a summed part. A run of at least two such rows with the same number of
//! priced cells, in the same unit, under a header line is a table; its columns are named
//! from the header where the header splits into as many names, otherwise left unnamed.

use super::{parse_cell, Row, RowKind, Table, TableSource, UnreadRow};
use crate::grammar::number::Unit;
use crate::grammar::vocab::Vocabulary;
use crate::layout::Line;
use crate::Provenance;
use std::collections::HashSet;
use std::sync::Arc;

/// The fewest priced cells a row needs: one priced figure per line is a list, not a
/// table of columns.
const MIN_CELLS: usize = 2;

/// A line read as a row of priced cells.
enum Parsed {
    Row {
        label: String,
        cells: Vec<String>,
        unit: Vec<String>,
    },
    /// Priced cells and no label ("575 kr/år  719 kr/år"): the row of a label written
    /// on the line above, as a web page's table flattened to text writes it.
    Cells {
        cells: Vec<String>,
        unit: Vec<String>,
        /// The row when no label line stands above: the one split of the first run's
        /// digit groups into a number label and a figure ("370 224 kr": 370 | 224 kr),
        /// when there is exactly one.
        split: Option<(String, String)>,
    },
    /// Priced cells whose label and first cell cannot be told apart ("5 100 200 kr":
    /// 5 | 100 200 or 5 100 | 200): kept as a row not read.
    Unsure {
        cells: usize,
        unit: Vec<String>,
    },
    None,
}

/// The currency unit a token names ("kr", "kronor", "tkr", "kr/år", "kr/m³"): the unit
/// word before any "/per" part, when the vocabulary's unit is money.
fn money_unit<'a>(token: &'a str, vocab: &Vocabulary) -> Option<(&'a str, Unit)> {
    let base = token.split('/').next().unwrap_or(token);
    // The Danish and Norwegian abbreviation closes with a point ("157 kr.").
    let base = base
        .strip_suffix('.')
        .filter(|b| !b.is_empty())
        .unwrap_or(base);
    // Most tokens are ASCII: lowercased in place of a new string (the same letters).
    let lower: std::borrow::Cow<str> = if base.is_ascii() {
        if base.bytes().any(|b| b.is_ascii_uppercase()) {
            base.to_ascii_lowercase().into()
        } else {
            base.into()
        }
    } else {
        base.to_lowercase().into()
    };
    vocab
        .unit_words()
        .iter()
        .find(|(w, u)| *w == *lower && matches!(u, Unit::Kr | Unit::Tkr | Unit::Mnkr))
        .or_else(|| vocab.currency_marks().iter().find(|(w, _)| *w == *lower))
        .map(|(_, u)| (base, *u))
}

/// Count words that close a cell as a currency does ("40 st  42 st"): the figure is a
/// count, in no unit justera computes with.
const COUNT_WORDS: &[&str] = &["st", "stycken", "stk", "kpl"];
/// Percent written as a word after each figure ("12,5 procent  13,0 procent").
const PERCENT_WORDS: &[&str] = &["procent", "prosent"];

/// The unit that closes a cell of a row: a money unit ([`money_unit`]), a count word
/// (no unit) or a percent word.
fn closing_unit<'a>(token: &'a str, vocab: &Vocabulary) -> Option<(&'a str, Unit)> {
    if let Some(m) = money_unit(token, vocab) {
        return Some(m);
    }
    let base = token
        .strip_suffix('.')
        .filter(|b| !b.is_empty())
        .unwrap_or(token);
    let lower = base.to_lowercase();
    if COUNT_WORDS.contains(&lower.as_str()) {
        Some((base, Unit::None))
    } else if PERCENT_WORDS.contains(&lower.as_str()) {
        Some((base, Unit::Percent))
    } else {
        None
    }
}

/// A line with each figure glued to a ":-" ("250:-  260:-", the Swedish mark of whole
/// kronor) written with the mark apart ("250 :-  260 :-"), so that it closes the cell
/// as a currency word does.
fn spaced_marks(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(":-") {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ':' && chars.peek() == Some(&'-') && prev.is_some_and(|p| p.is_ascii_digit()) {
            out.push(' ');
        }
        out.push(c);
        prev = Some(c);
    }
    out.into()
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

/// A digit group, possibly the last with decimals ("607,50"): (integer part, decimals).
fn group(token: &str) -> Option<(&str, bool)> {
    match token.split_once(',') {
        Some((i, d)) if digits(i) && digits(d) => Some((i, true)),
        Some(_) => None,
        None => digits(token).then_some((token, false)),
    }
}

/// A figure whose thousands are grouped by points, the Danish and Norwegian way
/// ("1.892", "10.838,75"): a first group of one to three digits, then groups of exactly
/// three, decimals after a comma only.
fn dotted(token: &str) -> bool {
    let (int, dec) = token.split_once(',').unwrap_or((token, ""));
    let mut groups = int.split('.');
    let Some(first) = groups.next() else {
        return false;
    };
    let rest: Vec<&str> = groups.collect();
    !rest.is_empty()
        && (1..=3).contains(&first.len())
        && digits(first)
        && !(first.len() > 1 && first.starts_with('0'))
        && rest.iter().all(|g| g.len() == 3 && digits(g))
        && (dec.is_empty() || digits(dec))
        && !(token.contains(',') && dec.is_empty())
}

fn strip_sign(token: &str) -> &str {
    token
        .strip_prefix(['-', '\u{2013}', '\u{2212}'])
        .filter(|rest| !rest.is_empty())
        .unwrap_or(token)
}

/// Whether tokens written one after another are one figure: one token of any length, or
/// a first group of one to three digits followed by groups of exactly three; decimals
/// only on the last; a sign only on the first; no leading zero on a grouped figure.
fn one_figure(tokens: &[&str]) -> bool {
    let Some((first, rest)) = tokens.split_first() else {
        return false;
    };
    if rest.is_empty() && dotted(strip_sign(first)) {
        return true;
    }
    let Some((head, head_dec)) = group(strip_sign(first)) else {
        return false;
    };
    if rest.is_empty() {
        return true;
    }
    if head_dec || head.len() > 3 || (head.len() > 1 && head.starts_with('0')) {
        return false;
    }
    rest.iter().enumerate().all(|(i, t)| {
        t.chars().next().is_some_and(|c| c.is_ascii_digit())
            && group(t).is_some_and(|(g, dec)| g.len() == 3 && (!dec || i + 1 == rest.len()))
    })
}

fn is_number_token(t: &str) -> bool {
    group(strip_sign(t)).is_some() || dotted(strip_sign(t))
}

/// The one split of a run of digit groups into a label figure and a cell figure, when
/// there is exactly one; the label is a whole number without sign or decimals.
fn split_label(run: &[&str]) -> Option<usize> {
    let splits: Vec<usize> = (1..run.len())
        .filter(|&i| {
            one_figure(&run[..i])
                && run[..i].iter().all(|t| digits(t))
                && one_figure(&run[i..])
                && !(run[i].len() > 1 && run[i].starts_with('0'))
        })
        .collect();
    match splits.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

fn parse_line(text: &str, vocab: &Vocabulary) -> Parsed {
    // Most lines end in no unit: decided on the last word alone.
    let text = spaced_marks(text);
    if text
        .split_whitespace()
        .next_back()
        .is_none_or(|t| closing_unit(t, vocab).is_none())
    {
        return Parsed::None;
    }
    let tokens: Vec<&str> = text.split_whitespace().collect();
    // A row priced in money reads money units only: a count word before them is the
    // label's ("Pr. storfeenhet - forbruksavg. pr. stk  152 kr  191 kr").
    let priced = tokens
        .last()
        .is_some_and(|t| money_unit(t, vocab).is_some());
    let unit_of = |t: &str| -> Option<Unit> {
        if priced {
            money_unit(t, vocab).map(|(_, u)| u)
        } else {
            closing_unit(t, vocab).map(|(_, u)| u)
        }
    };
    let units: Vec<usize> = (0..tokens.len())
        .filter(|&i| unit_of(tokens[i]).is_some())
        .collect();
    if units.len() < MIN_CELLS || units.last() != Some(&(tokens.len() - 1)) {
        return Parsed::None;
    }
    // One unit for the row ("kr" and "kr/år" both kronor; "st" and "stycken" both a
    // count); each column keeps its own written unit, the same down the table.
    let base = unit_of(tokens[units[0]]);
    if units.iter().any(|&i| unit_of(tokens[i]) != base) {
        return Parsed::None;
    }
    let unit: Vec<String> = units
        .iter()
        .map(|&i| tokens[i].to_lowercase().trim_end_matches('.').to_string())
        .collect();
    // Every cell after the first: exactly one figure between two units.
    let mut cells: Vec<String> = Vec::with_capacity(units.len());
    for w in units.windows(2) {
        let between = &tokens[w[0] + 1..w[1]];
        if !one_figure(between) {
            return Parsed::None;
        }
        cells.push(format!("{} {}", between.join(" "), tokens[w[1]]));
    }
    // The first cell: the run of digit groups just before the first unit.
    let before = &tokens[..units[0]];
    let start = before
        .iter()
        .rposition(|t| !is_number_token(t))
        .map_or(0, |i| i + 1);
    let (label_words, run) = before.split_at(start);
    if run.is_empty() {
        return Parsed::None;
    }
    if label_words.is_empty() && one_figure(run) {
        let split = split_label(run).map(|i| {
            let first = format!("{} {}", run[i..].join(" "), tokens[units[0]]);
            (run[..i].join(" "), first)
        });
        cells.insert(0, format!("{} {}", run.join(" "), tokens[units[0]]));
        return Parsed::Cells { cells, unit, split };
    }
    let (label, first) = if !label_words.is_empty() && one_figure(run) {
        (label_words.join(" "), run.join(" "))
    } else {
        match split_label(run) {
            Some(i) => {
                let mut label: Vec<&str> = label_words.to_vec();
                label.extend(&run[..i]);
                (label.join(" "), run[i..].join(" "))
            }
            None => {
                return Parsed::Unsure {
                    cells: units.len(),
                    unit,
                }
            }
        }
    };
    if !label.chars().any(|c| c.is_alphanumeric()) {
        return Parsed::None;
    }
    cells.insert(0, format!("{first} {}", tokens[units[0]]));
    Parsed::Row { label, cells, unit }
}

/// A line whose every cell opens with its money unit ("Vann: Årsavgift pr. m3  kr 11,90
/// kr 11,90", the Norwegian way of writing kroner): the label, then at least two cells,
/// each a money unit followed by exactly one figure, the line ending with the last.
/// Gives the line with each unit moved after its figure ("... 11,90 kr 11,90 kr"), so it
/// is read as a priced row like those written that way.
fn unprefixed(text: &str, vocab: &Vocabulary) -> Option<String> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let units: Vec<usize> = (0..tokens.len())
        .filter(|&i| money_unit(tokens[i], vocab).is_some())
        .collect();
    if units.len() < MIN_CELLS || units[0] == 0 {
        return None;
    }
    let base = money_unit(tokens[units[0]], vocab).map(|(_, u)| u);
    if units
        .iter()
        .any(|&i| money_unit(tokens[i], vocab).map(|(_, u)| u) != base)
    {
        return None;
    }
    let label = &tokens[..units[0]];
    // The label must not end in a figure: which cell it would belong to is not written.
    if !label.iter().any(|t| t.chars().any(char::is_alphabetic))
        || label.last().is_some_and(|t| is_number_token(t))
    {
        return None;
    }
    let mut cells = Vec::with_capacity(units.len());
    let mut per: &[&str] = &[];
    for (k, &u) in units.iter().enumerate() {
        let end = units.get(k + 1).copied().unwrap_or(tokens.len());
        let mut figure = &tokens[u + 1..end];
        // After the last cell, a column naming what the prices are per ("pr. år",
        // "pr m3", "/mån"): words, none a figure. It goes with the label.
        if k + 1 == units.len() {
            if let Some(at) = figure.iter().position(|t| !is_number_token(t)) {
                let rest = &figure[at..];
                if at == 0
                    || !rest[0].starts_with(|c: char| c.is_alphabetic() || c == '/')
                    || rest.iter().any(|t| is_number_token(t))
                {
                    return None;
                }
                per = rest;
                figure = &figure[..at];
            }
        }
        if !one_figure(figure) {
            return None;
        }
        cells.push(format!("{} {}", figure.join(" "), tokens[u]));
    }
    let label = label.iter().chain(per).copied().collect::<Vec<_>>();
    Some(format!("{}  {}", label.join(" "), cells.join("  ")))
}

/// The lines with each rewritten text in place of its line's (its spans dropped: they
/// no longer match the text); `None` keeps the line as it was.
pub(super) fn with_texts(lines: &[&Line], rewritten: Vec<Option<String>>) -> Vec<Line> {
    lines
        .iter()
        .zip(rewritten)
        .map(|(l, r)| match r {
            Some(text) => Line {
                spans: Vec::new(),
                text,
                ..(*l).clone()
            },
            None => (*l).clone(),
        })
        .collect()
}

/// The page's lines with the cells of prefixed priced rows written after their figures
/// ([`unprefixed`]), when at least two lines are such rows; otherwise nothing changes.
pub(super) fn unprefix(lines: &[&Line], vocab: &Vocabulary) -> Option<Vec<Line>> {
    let rewritten: Vec<Option<String>> = lines.iter().map(|l| unprefixed(&l.text, vocab)).collect();
    if rewritten.iter().flatten().count() < MIN_CELLS {
        return None;
    }
    Some(with_texts(lines, rewritten))
}

/// Whether a header line names the columns by year only ("2019 2020"), one per cell.
fn years(header: &str, n: usize) -> Option<Vec<String>> {
    let words: Vec<&str> = header.split_whitespace().collect();
    (words.len() == n
        && words
            .iter()
            .all(|w| w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1900..2100).contains(&y))))
    .then(|| words.iter().map(|w| w.to_string()).collect())
}

/// A priced cell: the figure in its money unit; a unit per something ("kr/år",
/// "kr/m³") is read as its money unit and kept as written in `raw`.
fn cell(text: &str, vocab: &Vocabulary) -> super::Cell {
    // A figure grouped by points ("1.892 kr."): read without them, kept as written.
    if let Some((figure, unit)) = text.rsplit_once(' ') {
        let bare = strip_sign(figure);
        if dotted(bare) {
            if let Some((base, _)) = money_unit(unit, vocab) {
                let plain = figure.replace('.', "");
                return super::Cell {
                    raw: text.to_string(),
                    ..parse_cell(&format!("{plain} {base}"), vocab)
                };
            }
        }
    }
    let parsed = parse_cell(text, vocab);
    if parsed.value.is_some() {
        return parsed;
    }
    let Some((figure, unit)) = text.rsplit_once(' ') else {
        return parsed;
    };
    match closing_unit(unit, vocab) {
        // A count: the figure alone, kept as written.
        Some((_, Unit::None)) => super::Cell {
            raw: text.to_string(),
            ..parse_cell(figure, vocab)
        },
        Some((base, _)) => super::Cell {
            raw: text.to_string(),
            ..parse_cell(&format!("{figure} {base}"), vocab)
        },
        None => parsed,
    }
}

/// Column names from a header line: split where a word starts with a capital letter;
/// one more part than cells names the label column too. Otherwise the columns stay
/// unnamed and the whole header is kept over the label column.
fn columns(header: &str, n: usize) -> (Option<String>, Vec<String>) {
    let mut parts: Vec<Vec<&str>> = Vec::new();
    for w in header.split_whitespace() {
        match parts.last_mut() {
            // A capital starts a name, unless the word is a unit written in mixed case
            // ("MWh", "kWh").
            Some(p)
                if !w.chars().next().is_some_and(char::is_uppercase)
                    || w.chars().skip(1).any(char::is_uppercase) =>
            {
                p.push(w)
            }
            _ => parts.push(vec![w]),
        }
    }
    let parts: Vec<String> = parts.into_iter().map(|p| p.join(" ")).collect();
    if parts.len() == n + 1 {
        (Some(parts[0].clone()), parts[1..].to_vec())
    } else if parts.len() == n {
        (None, parts)
    } else {
        (Some(header.trim().to_string()), vec![String::new(); n])
    }
}

/// Lines between a run's rows that may stand in it as rows not read: at most this many.
const MAX_BROKEN: usize = 2;

/// Whether a line writes a figure with a currency unit: a unit word after a number
/// ("3 240 kr") or glued to one ("2 592kr").
fn priced_text(text: &str, vocab: &Vocabulary) -> bool {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    tokens.iter().enumerate().any(|(i, t)| {
        // A year before a unit ("2019 tkr") heads a column.
        let after_number =
            i > 0 && is_number_token(tokens[i - 1]) && !super::cell::is_year(tokens[i - 1]);
        if money_unit(t, vocab).is_some() {
            return after_number;
        }
        let tail = t.trim_start_matches(|c: char| c.is_ascii_digit() || c == ',');
        tail.len() < t.len()
            && t.starts_with(|c: char| c.is_ascii_digit())
            && money_unit(tail, vocab).is_some()
    })
}

/// Column names from a header whose names stand apart by wide gaps (two spaces or
/// more), on line `h` or on it and the line right above it (no blank line between, words
/// and no figure): " Grundavgifter  exkl. moms" over " inkl. moms". One more part than
/// cells names the label column too; any other count names nothing.
fn gap_columns(
    lines: &[&Line],
    h: usize,
    n: usize,
    parsed: &[Parsed],
    taken: &HashSet<u32>,
) -> Option<(Option<String>, Vec<String>)> {
    let parts = |text: &str| -> Vec<String> {
        text.split("  ")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect()
    };
    let mut names = parts(&lines[h].text);
    let joined = h
        .checked_sub(1)
        .filter(|&k| {
            let t = &lines[k].text;
            !t.trim().is_empty()
                && !taken.contains(&lines[k].number)
                && matches!(parsed[k], Parsed::None)
                && t.chars().any(char::is_alphabetic)
                && !t.chars().any(|c| c.is_ascii_digit())
        })
        .map(|k| parts(&lines[k].text));
    if names.len() != n + 1 && names.len() != n {
        let mut above = joined?;
        above.append(&mut names);
        names = above;
    }
    if names.len() == n + 1 {
        Some((Some(names[0].clone()), names[1..].to_vec()))
    } else if names.len() == n && names.len() > 1 {
        Some((None, names))
    } else {
        None
    }
}

/// The price tables of a page's lines, skipping every line in `taken` (rows and headers
/// of tables other readers found).
pub(super) fn extract_page(
    path: &Arc<str>,
    page: u32,
    lines: &[&Line],
    taken: &HashSet<u32>,
    vocab: &Vocabulary,
) -> Vec<Table> {
    let mut parsed: Vec<Parsed> = lines
        .iter()
        .map(|l| {
            if taken.contains(&l.number) {
                Parsed::None
            } else {
                parse_line(&l.text, vocab)
            }
        })
        .collect();
    // Cells without a label take the line above as their label: the nearest non-blank
    // line, with words and no priced cell, not ending in a number (a figure of its own,
    // not a label: "370 l" is a label, "Vatten 1 590" is not), not another row's label.
    let mut label_line = vec![false; lines.len()];
    for i in 0..lines.len() {
        let Parsed::Cells { cells, unit, split } = &parsed[i] else {
            continue;
        };
        let above = (0..i)
            .rev()
            .find(|&k| !lines[k].text.trim().is_empty())
            .filter(|&k| {
                !taken.contains(&lines[k].number)
                    && !label_line[k]
                    && matches!(parsed[k], Parsed::None)
                    && lines[k].text.chars().any(char::is_alphabetic)
                    && lines[k]
                        .text
                        .split_whitespace()
                        .next_back()
                        .is_some_and(|t| !t.chars().any(|c| c.is_ascii_digit()))
            });
        parsed[i] = match above {
            Some(k) => {
                label_line[k] = true;
                Parsed::Row {
                    label: lines[k].text.trim().to_string(),
                    cells: cells.clone(),
                    unit: unit.clone(),
                }
            }
            None => match split {
                Some((label, first)) => {
                    let mut cells = cells.clone();
                    if let Some(c) = cells.first_mut() {
                        c.clone_from(first);
                    }
                    Parsed::Row {
                        label: label.clone(),
                        cells,
                        unit: unit.clone(),
                    }
                }
                None => Parsed::Unsure {
                    cells: cells.len(),
                    unit: unit.clone(),
                },
            },
        };
    }
    let shape = |p: &Parsed| match p {
        Parsed::Row { cells, unit, .. } => Some((cells.len(), unit.clone())),
        Parsed::Unsure { cells, unit } => Some((*cells, unit.clone())),
        Parsed::Cells { .. } | Parsed::None => None,
    };
    let mut tables = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(first) = shape(&parsed[i]) else {
            i += 1;
            continue;
        };
        // The run: rows of the same shape, blank lines between them allowed, and lines
        // with priced figures not read as its rows ("2 592kr  3 240 kr", each after its
        // label line) when a row of the run follows them: kept as rows not read.
        let mut members = vec![i];
        let mut broken: Vec<(usize, Option<usize>)> = Vec::new();
        let mut j = i + 1;
        while j < lines.len() {
            if lines[j].text.trim().is_empty() || label_line[j] {
                j += 1;
                continue;
            }
            if shape(&parsed[j]).as_ref() != Some(&first) {
                let mut k = j;
                let mut gap: Vec<(usize, Option<usize>)> = Vec::new();
                let mut text_above: Option<usize> = None;
                while k < lines.len() && gap.len() < MAX_BROKEN {
                    let t = &lines[k].text;
                    if t.trim().is_empty() || label_line[k] {
                        k += 1;
                        continue;
                    }
                    if shape(&parsed[k]).as_ref() == Some(&first) {
                        break;
                    }
                    let free =
                        !taken.contains(&lines[k].number) && matches!(parsed[k], Parsed::None);
                    if free && priced_text(t, vocab) {
                        gap.push((k, text_above.take()));
                    } else if free
                        && text_above.is_none()
                        && t.chars().any(char::is_alphabetic)
                        && !priced_text(t, vocab)
                    {
                        text_above = Some(k);
                    } else {
                        break;
                    }
                    k += 1;
                }
                let resumes = k < lines.len() && shape(&parsed[k]).as_ref() == Some(&first);
                if gap.is_empty() || text_above.is_some() || !resumes {
                    break;
                }
                broken.extend(gap);
                j = k;
                continue;
            }
            members.push(j);
            j += 1;
        }
        let next = members.last().map_or(i + 1, |&m| m + 1);
        // The header: the nearest non-blank line above (above the first row's label
        // line, when it has one), with words and no priced cell.
        let top = (0..i)
            .rev()
            .find(|&k| !lines[k].text.trim().is_empty())
            .filter(|&k| label_line[k])
            .unwrap_or(i);
        let header = (0..top)
            .rev()
            .find(|&h| !lines[h].text.trim().is_empty())
            .filter(|&h| {
                !taken.contains(&lines[h].number)
                    && matches!(parsed[h], Parsed::None)
                    && !priced_text(&lines[h].text, vocab)
                    && (lines[h].text.chars().any(char::is_alphabetic)
                        || years(&lines[h].text, first.0).is_some())
            });
        let rows_read = members
            .iter()
            .filter(|&&m| matches!(parsed[m], Parsed::Row { .. }))
            .count();
        let (Some(h), true) = (header, rows_read >= 2) else {
            i = next;
            continue;
        };
        let (label_header, names) = match years(&lines[h].text, first.0) {
            Some(names) => (None, names),
            None => match columns(&lines[h].text, first.0) {
                (_, names) if names.iter().all(String::is_empty) => {
                    gap_columns(lines, h, first.0, &parsed, taken)
                        .unwrap_or_else(|| columns(&lines[h].text, first.0))
                }
                named => named,
            },
        };
        let mut rows = Vec::new();
        let mut unread_rows = Vec::new();
        let mut table_unit = Unit::None;
        for &m in &members {
            let provenance = Provenance::new(path, page, lines[m].number);
            match &parsed[m] {
                Parsed::Row { label, cells, .. } => {
                    let cells: Vec<super::Cell> = cells.iter().map(|c| cell(c, vocab)).collect();
                    if let Some(u) = cells.iter().map(|c| c.unit).find(|u| *u != Unit::None) {
                        table_unit = u;
                    }
                    rows.push(Row {
                        label: label.clone(),
                        kind: RowKind::Data,
                        cells,
                        bold: false,
                        provenance,
                    });
                }
                _ => unread_rows.push(UnreadRow {
                    label: String::new(),
                    text: lines[m].text.trim().to_string(),
                    reason: "priced cells after a number: which figures are the row's label \
                             and which its first cell is not decided"
                        .to_string(),
                    provenance,
                }),
            }
        }
        for &(b, label) in &broken {
            unread_rows.push(UnreadRow {
                label: label.map_or_else(String::new, |l| lines[l].text.trim().to_string()),
                text: lines[b].text.trim().to_string(),
                reason: "figures with a currency unit not read as the table's cells (a \
                         figure glued to its unit, or not one figure per cell)"
                    .to_string(),
                provenance: Provenance::new(path, page, lines[b].number),
            });
        }
        tables.push(Table {
            title: None,
            unit: table_unit,
            columns: names,
            label_header,
            rows,
            source: TableSource::Flat,
            provenance: Provenance::new(path, page, lines[h].number),
            ambiguities: Vec::new(),
            realigned: Vec::new(),
            unread_rows,
            fixed: Vec::new(),
        });
        i = next;
    }
    tables
}

/// A line of a priced list: "Vanngebyr 2.099 kroner", "Renovasjonsgebyr 1.983 kroner
/// (standard renovasjon)": a label, one figure closed by a money unit, then words
/// without a figure. The figure may group thousands with a point ("2.099", "10.167,50"),
/// as the document's style reads it (`docstyle.rs`).
fn list_line<'a>(text: &'a str, vocab: &Vocabulary) -> Option<(String, String, Unit)> {
    let tokens: Vec<&'a str> = text.split_whitespace().collect();
    let units: Vec<usize> = (0..tokens.len())
        .filter(|&i| money_unit(tokens[i], vocab).is_some())
        .collect();
    let [u] = units.as_slice() else {
        return None;
    };
    let (_, unit) = money_unit(tokens[*u], vocab)?;
    if tokens[u + 1..]
        .iter()
        .any(|t| t.chars().any(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let before = &tokens[..*u];
    let dotted = |t: &str| crate::grammar::number::dotted_thousands(t).is_some();
    let start = before
        .iter()
        .rposition(|t| !is_number_token(t) && !dotted(t))
        .map_or(0, |i| i + 1);
    let (label_words, run) = before.split_at(start);
    let one = one_figure(run) || matches!(run, [t] if dotted(t));
    // A label ending in a digit ("lgh:21 225 kr", "moms:62 285 kr") may hold the
    // figure's first group: where the figure starts is not written.
    let glued = label_words
        .last()
        .is_some_and(|w| w.ends_with(|c: char| c.is_ascii_digit()));
    if run.is_empty() || !one || label_words.is_empty() || glued {
        return None;
    }
    let label = label_words.join(" ");
    label.chars().any(char::is_alphabetic).then(|| {
        (
            label.trim_end_matches(':').to_string(),
            format!("{} {}", run.join(" "), tokens[*u]),
            unit,
        )
    })
}

/// Lists of priced lines closed by a total ("Vanngebyr 2.099 kroner" ... "Sum per år
/// 10.167,50 kroner"): one figure per line is no table of columns, but a run of at least
/// three such lines in one money unit, with no blank line between them, whose last line
/// alone is labelled a total, states that the total is the sum of the lines above it.
/// Lines in `taken` (read by another reader) are skipped.
pub(super) fn extract_lists(
    path: &Arc<str>,
    page: u32,
    lines: &[&Line],
    taken: &HashSet<u32>,
    vocab: &Vocabulary,
) -> Vec<Table> {
    let parsed: Vec<Option<(String, String, Unit)>> = lines
        .iter()
        .map(|l| {
            if taken.contains(&l.number) {
                None
            } else {
                list_line(&l.text, vocab)
            }
        })
        .collect();
    let mut tables = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some((_, _, unit)) = &parsed[i] else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < lines.len() && parsed[j].as_ref().is_some_and(|(_, _, u)| u == unit) {
            j += 1;
        }
        let run = &parsed[i..j];
        let total_at = run
            .iter()
            .position(|p| p.as_ref().is_some_and(|(l, _, _)| vocab.is_total_label(l)));
        if run.len() < 3 || total_at != Some(run.len() - 1) {
            i = j;
            continue;
        }
        let mut rows: Vec<Row> = run
            .iter()
            .zip(&lines[i..j])
            .filter_map(|(p, l)| {
                let (label, figure, _) = p.as_ref()?;
                let mut c = cell(figure, vocab);
                // "2.099 kroner": whether the point groups thousands the document's style
                // decides (`docstyle.rs`), not the list.
                if figure.split(' ').next().is_some_and(|f| f.contains('.')) {
                    c.value = None;
                    c.decimals = 0;
                    c.unread = Some(format!(
                        "not decided: \"{figure}\" has a point between digits, a thousands point or a decimal point, and the document's number style does not tell which"
                    ));
                }
                Some(Row {
                    label: label.clone(),
                    kind: RowKind::Data,
                    cells: vec![c],
                    bold: false,
                    provenance: Provenance::new(path, page, l.number),
                })
            })
            .collect();
        // The last line alone is labelled a total: it closes the list.
        if let Some(last) = rows.last_mut() {
            last.kind = RowKind::Total;
        }
        tables.push(list_table(*unit, vec![String::new()], rows));
        i = j;
    }
    tables
}

/// A list read as a table: its rows (at least one), no title or header line.
fn list_table(unit: Unit, columns: Vec<String>, rows: Vec<Row>) -> Table {
    let provenance = rows[0].provenance.clone();
    Table {
        title: None,
        unit,
        columns,
        label_header: None,
        rows,
        source: TableSource::Flat,
        provenance,
        ambiguities: Vec::new(),
        realigned: Vec::new(),
        unread_rows: Vec::new(),
        fixed: Vec::new(),
    }
}

/// A line of a budget's division: "Förskola 536 mkr (11,87%)", "Skola och barnomsorg: 468
/// mkr, 59 %": a label, one figure closed by a money unit, then its share in percent and
/// nothing else: (label, figure with its unit, unit, share).
pub(super) fn share_line(text: &str, vocab: &Vocabulary) -> Option<(String, String, Unit, String)> {
    // A share glued to the unit ("27 mkr(0,6%)") stands apart.
    let spaced = text.replacen('(', " (", 1);
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    let u = tokens
        .iter()
        .position(|t| money_unit(t.trim_end_matches(','), vocab).is_some())?;
    let (_, unit) = money_unit(tokens[u].trim_end_matches(','), vocab)?;
    let share: String = tokens[u + 1..].concat();
    let share = share.strip_prefix(',').unwrap_or(&share);
    let share = share
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or(share);
    let number = share.strip_suffix('%')?;
    let (int, dec) = number.split_once(',').unwrap_or((number, ""));
    if !digits(int) || int.len() > 3 || !(dec.is_empty() || digits(dec)) {
        return None;
    }
    let before = &tokens[..u];
    let start = before
        .iter()
        .rposition(|t| !is_number_token(t))
        .map_or(0, |i| i + 1);
    let (label_words, run) = before.split_at(start);
    let glued = label_words
        .last()
        .is_some_and(|w| w.ends_with(|c: char| c.is_ascii_digit()));
    if run.is_empty() || !one_figure(run) || label_words.is_empty() || glued {
        return None;
    }
    let label = label_words.join(" ");
    let label = label.trim_end_matches(':').to_string();
    label.chars().any(char::is_alphabetic).then(|| {
        (
            label,
            format!("{} {}", run.join(" "), tokens[u].trim_end_matches(',')),
            unit,
            format!("{number} %"),
        )
    })
}

/// Lists dividing a budget into its parts with each part's share ("Äldreomsorg 1 370 mkr
/// (30,34%)", one per line, a blank line at most between them): at least three such lines
/// in one money unit are a table of two columns, the amount and its share; a last line
/// labelled a total ("Total budget 793 mkr, 100 %") closes it. Lines in `taken` are skipped.
pub(super) fn extract_share_lists(
    path: &Arc<str>,
    page: u32,
    lines: &[&Line],
    taken: &HashSet<u32>,
    vocab: &Vocabulary,
) -> Vec<Table> {
    let parsed: Vec<Option<(String, String, Unit, String)>> = lines
        .iter()
        .map(|l| {
            if taken.contains(&l.number) || l.text.len() > 200 {
                None
            } else {
                share_line(&l.text, vocab)
            }
        })
        .collect();
    let blank = |k: usize| lines[k].text.trim().is_empty();
    let mut tables = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some((_, _, unit, _)) = &parsed[i] else {
            i += 1;
            continue;
        };
        // The run: share lines in the same unit, one blank line at most between two.
        let mut members = vec![i];
        let mut k = i + 1;
        loop {
            let next = if k < lines.len() && blank(k) {
                k + 1
            } else {
                k
            };
            match parsed.get(next) {
                Some(Some((_, _, u, _))) if u == unit => {
                    members.push(next);
                    k = next + 1;
                }
                _ => break,
            }
        }
        let last = *members.last().unwrap_or(&i);
        i = last + 1;
        if members.len() < 3 {
            continue;
        }
        let unit_word = parsed[members[0]]
            .as_ref()
            .and_then(|(_, f, _, _)| f.rsplit_once(' '))
            .map(|(_, u)| u.to_string())
            .unwrap_or_default();
        let mut rows: Vec<Row> = members
            .iter()
            .filter_map(|&m| {
                let (label, figure, _, share) = parsed[m].as_ref()?;
                let amount = cell(figure, vocab);
                if figure.split(' ').next().is_some_and(|f| f.contains('.')) {
                    return None;
                }
                Some(Row {
                    label: label.clone(),
                    kind: RowKind::Data,
                    cells: vec![amount, parse_cell(share, vocab)],
                    bold: false,
                    provenance: Provenance::new(path, page, lines[m].number),
                })
            })
            .collect();
        if rows.len() != members.len() {
            continue;
        }
        if let Some(last) = rows.last_mut().filter(|r| vocab.is_total_label(&r.label)) {
            last.kind = RowKind::Total;
        }
        // The amount column named by its unit as written ("mkr"), the share's by "%".
        tables.push(list_table(*unit, vec![unit_word, "%".to_string()], rows));
    }
    tables
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(text: &str) -> Option<(String, Vec<String>)> {
        match parse_line(text, Vocabulary::builtin_shared()) {
            Parsed::Row { label, cells, .. } => Some((label, cells)),
            _ => None,
        }
    }

    fn tables(text: &str) -> Vec<Table> {
        let lines: Vec<Line> = text
            .lines()
            .enumerate()
            .map(|(i, l)| super::super::cellines::joined(i as u32 + 1, i as f64, &[l]))
            .collect();
        let refs: Vec<&Line> = lines.iter().collect();
        let path: Arc<str> = Arc::from("t.txt");
        extract_page(
            &path,
            1,
            &refs,
            &HashSet::new(),
            Vocabulary::builtin_shared(),
        )
    }

    #[test]
    fn priced_cells_take_their_label_from_the_line_above() {
        let t = tables(
            " Grundavgifter  exkl. moms\n inkl. moms\n\n Villa\n\n 575 kr  719 kr\n\n \
             Lägenhet\n\n 320 kr  400 kr\n\n 190 l\n\n 2 592kr  3 240 kr\n\n 370 l\n\n \
             3 224 kr  4 030 kr\n",
        );
        assert_eq!(t.len(), 1);
        let labels: Vec<&str> = t[0].rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["Villa", "Lägenhet", "370 l"]);
        assert_eq!(t[0].columns, ["exkl. moms", "inkl. moms"]);
        assert_eq!(t[0].label_header.as_deref(), Some("Grundavgifter"));
        assert_eq!(
            t[0].rows[2].cells[0].value,
            Some(rust_decimal::Decimal::from(3224))
        );
        // The line glued to its unit is kept as a row not read, never a header.
        assert_eq!(t[0].unread_rows.len(), 1);
        assert_eq!(t[0].unread_rows[0].text, "2 592kr  3 240 kr");
    }

    #[test]
    fn a_unit_opening_each_cell_is_moved_after_its_figure() {
        let v = Vocabulary::builtin_shared();
        assert_eq!(
            unprefixed("Vann: Årsavgift pr. m3  kr   11,90  kr   11,90", v).as_deref(),
            Some("Vann: Årsavgift pr. m3  11,90 kr  11,90 kr")
        );
        assert_eq!(
            unprefixed("Abonnementsgebyr offentlig  kr  109 765  kr  109 765", v).as_deref(),
            Some("Abonnementsgebyr offentlig  109 765 kr  109 765 kr")
        );
        // A column naming what the prices are per goes with the label.
        assert_eq!(
            unprefixed(
                "Fastavgift    kr    1 449  kr      1 811            pr. år",
                v
            )
            .as_deref(),
            Some("Fastavgift pr. år  1 449 kr  1 811 kr")
        );
        assert_eq!(
            unprefixed("Fastavgift  kr  1 449  kr  1 811  pr. 3 år", v),
            None
        );
        // One cell, a figure ending the label, or two figures in a cell: not read.
        assert_eq!(unprefixed("Årlig leie  kr  150", v), None);
        assert_eq!(unprefixed("Bolig 120  kr  7 226  kr  7 226", v), None);
        assert_eq!(unprefixed("Stenging  kr  692 71  kr  711", v), None);
        assert_eq!(
            years("2019 2020", 2),
            Some(vec!["2019".into(), "2020".into()])
        );
        assert_eq!(years("2019 2020", 3), None);
    }

    #[test]
    fn unit_closes_each_cell() {
        let (label, cells) = row("15 000 kWh 11 607 kr 4 430 kr 7 178 kr").unwrap();
        assert_eq!(label, "15 000 kWh");
        assert_eq!(cells, ["11 607 kr", "4 430 kr", "7 178 kr"]);
        let (label, cells) = row("15 000 13 140 kr 0 kr 13 140 kr").unwrap();
        assert_eq!(label, "15 000");
        assert_eq!(cells, ["13 140 kr", "0 kr", "13 140 kr"]);
        let (label, cells) = row("190 liter, varannan vecka 996 kr 2 894 kr").unwrap();
        assert_eq!(label, "190 liter, varannan vecka");
        assert_eq!(cells, ["996 kr", "2 894 kr"]);
        let (_, cells) = row("Villa 5 189,63 kr/år 9 516 kr/år").unwrap();
        assert_eq!(cells, ["5 189,63 kr/år", "9 516 kr/år"]);
        let c = cell("5 189,63 kr/år", Vocabulary::builtin_shared());
        assert_eq!(c.value, Some(rust_decimal::Decimal::new(518963, 2)));
        assert_eq!((c.raw.as_str(), c.decimals), ("5 189,63 kr/år", 2));
    }

    #[test]
    fn a_count_or_percent_word_or_a_glued_mark_closes_each_cell() {
        let vocab = Vocabulary::builtin_shared();
        let (label, cells) = row("Solrosen 1 040 st 1 042 st").unwrap();
        assert_eq!(label, "Solrosen");
        assert_eq!(cells, ["1 040 st", "1 042 st"]);
        let c = cell("1 040 st", vocab);
        assert_eq!(
            (c.value, c.unit),
            (Some(rust_decimal::Decimal::from(1040)), Unit::None)
        );
        assert_eq!(c.raw, "1 040 st");
        let (_, cells) = row("Andel 12,5 procent 13,0 procent").unwrap();
        let c = cell(&cells[1], vocab);
        assert_eq!(
            (c.value, c.unit),
            (Some(rust_decimal::Decimal::new(130, 1)), Unit::Percent)
        );
        let (label, cells) = row("Vitsippan 250:- 1 260:-").unwrap();
        assert_eq!(label, "Vitsippan");
        assert_eq!(cells, ["250 :-", "1 260 :-"]);
        assert_eq!(cell(&cells[1], vocab).unit, Unit::Kr);
        // Prose ending in a unit word, and units that differ, make no row.
        assert!(row("Sjukfrånvaron var 2,9 procent och 3,3 procent.").is_none());
        assert!(row("Platser 40 st 42 procent").is_none());
        // A count word in the label of a priced row is the label's.
        let (label, cells) = row("Pr. storfeenhet - forbruksavg. pr. stk  152 kr  191 kr").unwrap();
        assert_eq!(label, "Pr. storfeenhet - forbruksavg. pr. stk");
        assert_eq!(cells, ["152 kr", "191 kr"]);
        let t = tables("Förskola  2022  2023\nSolrosen  40 st  42 st\nVitsippan  35 st  36 st\nSumma  75 st  78 st\n");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows.len(), 3);
        assert_eq!(t[0].columns, ["2022", "2023"]);
    }

    #[test]
    fn unsure_or_not_a_row() {
        let vocab = Vocabulary::builtin_shared();
        // No label: the line above gives it, or the row is not read (5 | 100 200 or
        // 5 100 | 200 is not decided).
        assert!(matches!(
            parse_line("5 100 200 kr 3 kr", vocab),
            Parsed::Cells { split: None, .. }
        ));
        assert!(row("Fast avgift, kr per år 1 898 kr").is_none());
        assert!(row("Avgift 100 kr 200 tkr").is_none());
        assert!(row("Avgift 100 kr/år 200 kr").is_some());
        assert!(row("Avgift 100 kr och 200 kr per år").is_none());
        assert!(row("Avgift 1 00 kr 200 kr").is_none());
    }

    #[test]
    fn a_priced_list_line_has_one_figure_and_a_tail_without_figures() {
        let vocab = Vocabulary::builtin_shared();
        let line = |t: &str| list_line(t, vocab).map(|(l, f, _)| (l, f));
        assert_eq!(
            line("Vanngebyr                2.099  kroner"),
            Some(("Vanngebyr".into(), "2.099 kroner".into()))
        );
        assert_eq!(
            line("Renovasjonsgebyr   1.983 kroner (standard renovasjon)"),
            Some(("Renovasjonsgebyr".into(), "1.983 kroner".into()))
        );
        assert_eq!(
            line("Sum per år 10 167,50 kr"),
            Some(("Sum per år".into(), "10 167,50 kr".into()))
        );
        // Two priced figures, a figure in the tail, no label, a figure cut short.
        assert_eq!(line("Avgift 100 kr 200 kr"), None);
        assert_eq!(line("Avgift 100 kr för 12 månader"), None);
        assert_eq!(line("100 kr"), None);
        assert_eq!(line("Avgift 1 00 kr"), None);
        assert_eq!(line("Avgift, max 15 lgh:21 225 kr"), None);
    }

    #[test]
    fn a_budgets_division_with_shares_is_a_table_of_two_columns() {
        let vocab = Vocabulary::builtin_shared();
        let line = |t: &str| share_line(t, vocab).map(|(l, f, _, s)| (l, f, s));
        assert_eq!(
            line("Förskola 536 mkr (11,87%)"),
            Some(("Förskola".into(), "536 mkr".into(), "11,87 %".into()))
        );
        assert_eq!(
            line("Skola och barnomsorg: 468 mkr, 59 %"),
            Some((
                "Skola och barnomsorg".into(),
                "468 mkr".into(),
                "59 %".into()
            ))
        );
        assert_eq!(
            line("Vuxenutbildning 27 mkr(0,6%)"),
            Some(("Vuxenutbildning".into(), "27 mkr".into(), "0,6 %".into()))
        );
        // Words after the share, no share, two amounts: no such line.
        assert_eq!(line("Investeringar: 260 mkr, 33 % av driftsbudgeten"), None);
        assert_eq!(line("Förskola 536 mkr"), None);
        assert_eq!(line("Förskola 536 mkr 540 mkr (11,87%)"), None);
        let lines: Vec<Line> = [
            "Äldreomsorg 1 370 mkr (30,34%)",
            "Grundskola 1 008 mkr (22,32%)",
            "",
            "Förskola 536 mkr (11,87%)",
            "Efter listan.",
        ]
        .iter()
        .enumerate()
        .map(|(i, l)| super::super::cellines::joined(i as u32 + 1, i as f64, &[*l]))
        .collect();
        let refs: Vec<&Line> = lines.iter().collect();
        let path: Arc<str> = Arc::from("t.txt");
        let t = extract_share_lists(&path, 1, &refs, &HashSet::new(), vocab);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows.len(), 3);
        assert_eq!(t[0].rows[2].cells[1].raw, "11,87 %");
    }

    #[test]
    fn header_names_columns() {
        let (l, c) = columns("Förbrukning Total Fast del Rörlig del", 3);
        assert_eq!(l.as_deref(), Some("Förbrukning"));
        assert_eq!(c, ["Total", "Fast del", "Rörlig del"]);
        let (l, c) = columns("Förbrukning i MWh Totalt/år Fast/år", 2);
        assert_eq!(l.as_deref(), Some("Förbrukning i MWh"));
        assert_eq!(c, ["Totalt/år", "Fast/år"]);
        let (_, c) = columns("pris per år och kärl", 2);
        assert_eq!(c, ["", ""]);
    }
}
