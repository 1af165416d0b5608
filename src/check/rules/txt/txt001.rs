//! TXT001: a money figure in the prose that almost, but not quite, matches a table figure.

use super::prose::{cell_scale, figures, prose_lines};
use super::txt006::{is_year, paragraphs, sentences_of, Fig, Kind, Paragraph, Sent};
use crate::arith::Interval;
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: RuleCode::TXT001,
    name: "prose-figure-mismatch",
    family: Family::Txt,
    severity: Severity::Warning,
    summary: "A figure in the text differs from the table figure it restates",
    explanation: "Reports and tjänsteskrivelser restate their tables in prose (\"ett underskott \
på 2 841 tkr\", \"en ökning med 5130 tkr\", \"underskott om 932 tkr\" for two project rows \
together, \"3,8 mnkr\"). justera converts each money figure of the prose to kronor (kr, tkr, \
mnkr, miljoner) with the precision the prose used — rounded or truncated to its last digit — \
and looks for it among the document's table figures and sums of two figures of one column; \
every figure found counts as a relation checked. A prose figure found nowhere, while a table \
figure of the same size (four digits or more) differs from it in one digit or by two swapped digits, is a likely \
typo of that figure and is reported with the table figure as expected — only when the two are about \
the same thing: a word of the sentence names the figure's row, column or table (\"driftbudgeten\" \
and a table headed \"DRIFT (tkr)\"), and where both name a year it is the same year. A figure \
one digit away from a table figure about something else, or a page number, is no typo.\n\n\
A news item's Fakta list (\"Norrtälje: 1 064 (57 %)\", one item a line, three or more, \
under the lines that say what it counts: \"Fakta: Antal bygglovsansökningar 2015\", \
\"(Förändring från 2014 inom parentes)\") is read against the sentences about one item: a \
sentence that names the item's label (written as in the list, in no other list), or follows \
one of its paragraph that does and names none itself, and names no year the list's heading \
does not. Its figure followed by a word of the heading (\"1 064 bygglovsansökningar\") is the \
item's figure; its one percent, in a sentence naming a year of the heading (\"en ökning med \
54 procent från 2014\"), the item's percent. Where one of the two agrees with the list and the \
other does not, the sentence and the list give one row's measure twice with two figures: an \
error (54 against 57, the 1 064 agreeing). Where neither agrees the sentence may be about \
something else: not read. Each figure that agrees counts as a relation checked.",
    checks: &[Check::Document(check)],
};

/// A figure of one of the document's tables, in kronor (both readings when the table
/// does not say whether it is in kr or tkr).
struct TableFigure {
    kronor: Vec<Interval>,
    /// (table, column): sums of two figures are taken within one column.
    at: (usize, usize),
    /// What the figure is about: its row label, column header and the table's title and
    /// label header, lowercased (matched against the prose's words for a typo).
    subject: String,
}

fn table_figures(sink: &Sink) -> Vec<TableFigure> {
    let mut out = Vec::new();
    for (ti, table) in sink.document.tables.iter().enumerate() {
        let about_table = format!(
            "{} {}",
            table.title.as_deref().unwrap_or(""),
            table.label_header.as_deref().unwrap_or("")
        );
        for row in &table.rows {
            for (ci, cell) in row.cells.iter().enumerate() {
                let Some(v) = cell.value else { continue };
                if matches!(
                    cell.unit,
                    crate::grammar::number::Unit::Percent | crate::grammar::number::Unit::Hours
                ) {
                    continue;
                }
                let scales = match cell_scale(cell.unit, table.unit) {
                    Some(s) => vec![s],
                    None => vec![Decimal::from(1_000), Decimal::ONE],
                };
                let iv = Interval::written(v.abs(), cell.decimals);
                out.push(TableFigure {
                    kronor: scales.into_iter().map(|s| iv.scale(s)).collect(),
                    at: (ti, ci),
                    subject: format!(
                        "{} {} {about_table}",
                        row.label,
                        table.columns.get(ci).map_or("", String::as_str)
                    )
                    .to_lowercase(),
                });
            }
        }
    }
    out
}

pub fn check(sink: &mut Sink) {
    check_lists(sink);
    let doc = sink.document;
    if doc.tables.is_empty() {
        return;
    }
    let figs = table_figures(sink);
    let mut columns: std::collections::BTreeMap<(usize, usize), Vec<&TableFigure>> =
        std::collections::BTreeMap::new();
    for f in &figs {
        columns.entry(f.at).or_default().push(f);
    }
    // Indexes, so a long text costs its figures times a logarithm, not times every
    // table figure (and every pair of them) of the document.
    let singles = IntervalIndex::new(figs.iter().flat_map(|f| f.kronor.iter().copied()));
    let mut pair_sums = Vec::new();
    let mut long_columns = Vec::new();
    for col in columns.values() {
        if col.len() > PAIRS_INDEXED_UP_TO {
            long_columns.push(col);
            continue;
        }
        for (i, a) in col.iter().enumerate() {
            for b in &col[i + 1..] {
                pair_sums.extend(a.kronor.iter().zip(&b.kronor).map(|(x, y)| x.plus(*y)));
            }
        }
    }
    let pairs = IntervalIndex::new(pair_sums);
    // Every money figure the prose states, in kronor: a table figure the text also
    // states is a different amount from its near neighbour, not the one it mistypes
    // ("1 405 tkr av … egna kapital på 4 105 tkr").
    let stated = IntervalIndex::new(
        prose_lines(doc)
            .iter()
            .flat_map(|l| figures(&l.text))
            .filter_map(|pf| pf.kronor()),
    );
    let mut in_unit: std::collections::HashMap<Decimal, FiguresByValue> =
        std::collections::HashMap::new();
    for line in prose_lines(doc) {
        for pf in figures(&line.text) {
            let Some(said) = pf.kronor() else { continue };
            if pf.value.is_zero() {
                continue;
            }
            let single = singles.meets(&said);
            let pair = !single
                && (pairs.meets(&said)
                    || long_columns.iter().any(|col| {
                        col.iter().enumerate().any(|(i, a)| {
                            col[i + 1..].iter().any(|b| {
                                a.kronor
                                    .iter()
                                    .zip(&b.kronor)
                                    .any(|(x, y)| x.plus(*y).meets(&said))
                            })
                        })
                    }));
            if single || pair {
                sink.checked(true);
                continue;
            }
            // Only whole figures of four or more digits: shorter ones are one digit away
            // from some table figure by chance ("besparing om 650 tkr" vs 450).
            if pf.decimals > 0 || pf.value.abs() < Decimal::from(1000) {
                continue;
            }
            // A round amount ("140 000 kr", "20 000 kronor": fewer than three significant
            // digits) is one digit away from many table figures by chance.
            if significant_digits(pf.value.abs()) < 3 {
                continue;
            }
            let Some(scale) = pf.scale else { continue };
            let written = pf.value.abs();
            let by_value = in_unit
                .entry(scale)
                .or_insert_with(|| figures_in_unit(&figs, scale));
            // The first table figure (in document order) one digit away that the prose
            // does not also state: looked up by the figure's one-digit variants, so a long
            // text costs its figures times their digits, not times every table figure.
            let typo = one_digit_variants(&written.to_string())
                .iter()
                .filter_map(|v| by_value.get(v))
                .flatten()
                .filter(|&&(fi, ki)| !stated.meets(&figs[fi].kronor[ki]))
                .filter(|&&(fi, _)| same_subject(&line.text, &figs[fi].subject))
                .min()
                .map(|&(fi, ki)| (figs[fi].kronor[ki].nominal / scale).normalize());
            if let Some(expected) = typo {
                sink.checked(false);
                let paragraph = sink.paragraph_at(&line.provenance);
                let f = sink.report(
                    &RULE,
                    RULE.severity,
                    format!(
                        "the text says {} but the table has {}",
                        pf.raw.trim(),
                        expected
                    ),
                    line.provenance.clone(),
                );
                f.paragraph = paragraph;
                f.expected = Some(expected);
                f.found = Some(written);
                f.tolerance = Some(Decimal::ZERO);
                f.figure = Some(pf.raw.trim().to_string());
            }
        }
    }
}

/// One line of a "Label: figure (percent)" list, a news item's Fakta box
/// ("Norrtälje: 1 064 (57 %)"): written as its own paragraph, under the lines that say
/// what it counts ("Fakta: Antal bygglovsansökningar 2015", "(Förändring från 2014 inom
/// parentes)").
struct ListItem {
    label: String,
    /// The item's figure and its percent in parentheses, when it has one.
    figure: Fig,
    percent: Option<Fig>,
    /// What stands above the list (its heading lines).
    about: String,
    text: String,
    line: u32,
}

/// A list item's label and the rest of its line: a name of one to four words (letters,
/// spaces, hyphens) starting with a capital, then a colon.
fn list_item(text: &str) -> Option<(&str, &str)> {
    let (label, rest) = text.trim().split_once(':')?;
    let label = label.trim();
    let words = label.split_whitespace().count();
    let named = label.starts_with(char::is_uppercase)
        && label
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        && (1..=4).contains(&words);
    // Only the figure and a percent in parentheses.
    let bare = rest
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_whitespace() || "(),%-−".contains(c));
    (named && bare && rest.contains(|c: char| c.is_ascii_digit())).then_some((label, rest))
}

/// The document's "Label: figure" lists of three items or more, each item a paragraph,
/// with the one or two paragraphs above the list that say what it counts.
fn list_items(paras: &[Paragraph]) -> Vec<ListItem> {
    let mut out = Vec::new();
    let mut p = 0;
    while p < paras.len() {
        let run = paras[p..]
            .iter()
            .take_while(|q| q.lines.len() == 1 && list_item(&q.text).is_some())
            .count();
        if run < 3 || p == 0 {
            p += run.max(1);
            continue;
        }
        let about = paras[p.saturating_sub(2)..p]
            .iter()
            .filter(|q| list_item(&q.text).is_none())
            .map(|q| q.text.trim().to_string())
            .collect::<Vec<_>>()
            .join(" ");
        let mut items = Vec::new();
        for q in &paras[p..p + run] {
            let Some((label, rest)) = list_item(&q.text) else {
                continue;
            };
            let figs = fig_of(rest);
            let item = match &figs[..] {
                [f] if f.kind == Kind::Bare && !rest.contains('(') => Some((f.clone(), None)),
                [f, g]
                    if f.kind == Kind::Bare
                        && g.kind == Kind::Percent
                        && rest[..g.start].trim_end().ends_with('(')
                        && rest[g.end..].trim() == ")" =>
                {
                    Some((f.clone(), Some(g.clone())))
                }
                _ => None,
            };
            let Some((figure, percent)) = item else {
                items.clear();
                break;
            };
            items.push(ListItem {
                label: label.to_string(),
                figure,
                percent,
                about: about.clone(),
                text: q.text.trim().to_string(),
                line: q.lines[0].1.provenance.line,
            });
        }
        out.extend(items);
        p += run;
    }
    out
}

/// The years a text names (four digits from 1900 to 2100, as words).
fn years_in(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4 && *w >= "1900" && *w <= "2100")
        .map(str::to_string)
        .collect()
}

/// Whether `text` names `label` as whole words, written as the list writes it.
fn names(text: &str, label: &str) -> bool {
    text.match_indices(label).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + label.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A sentence's figure against the list's: the same within both roundings.
fn agrees(a: &Fig, b: &Fig) -> bool {
    Interval::written(a.value.abs(), a.decimals)
        .meets(&Interval::written(b.value.abs(), b.decimals))
}

/// The prose restating a "Label: figure (percent)" list: a sentence about one item (it
/// names the item's label, or follows a sentence of its paragraph that does and names
/// none itself) that gives the item's count (a figure followed by a word of the list's
/// heading: "1 064 bygglovsansökningar" under "Antal bygglovsansökningar 2015") and its
/// percent (in a sentence naming a year the heading names: "ökning med 54 procent från
/// 2014" under "Förändring från 2014 inom parentes"). Where one of the two agrees with the
/// item and the other does not, the sentence and the list state one row's figure twice,
/// differently: an error. Each figure that agrees counts as a relation checked.
fn check_lists(sink: &mut Sink) {
    let doc = sink.document;
    let lines = prose_lines(doc);
    let paras = paragraphs(&lines);
    let items = list_items(&paras);
    if items.is_empty() {
        return;
    }
    let in_list: std::collections::HashSet<u32> = items.iter().map(|i| i.line).collect();
    let sents = sentences_of(&paras);
    let named = |s: &Sent| -> Vec<usize> {
        (0..items.len())
            .filter(|&i| names(&s.text, &items[i].label))
            .collect()
    };
    for (k, s) in sents.iter().enumerate() {
        if s.figs.is_empty() || in_list.contains(&paras[s.par].lines[0].1.provenance.line) {
            continue;
        }
        let mut about = named(s);
        if about.is_empty() && k > 0 && sents[k - 1].par == s.par {
            about = named(&sents[k - 1]);
        }
        // One item of one list: a label in two lists (two years' lists) is not read.
        let [i] = about[..] else {
            continue;
        };
        if items.iter().filter(|x| x.label == items[i].label).count() > 1 {
            continue;
        }
        let item = &items[i];
        let heading_years = years_in(&item.about);
        let sentence_years = years_in(&s.text);
        if sentence_years.iter().any(|y| !heading_years.contains(y)) {
            continue;
        }
        let heading_words: Vec<String> = item
            .about
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 5)
            .map(str::to_lowercase)
            .collect();
        let counts: Vec<&Fig> = s
            .figs
            .iter()
            .filter(|f| !f.approx && matches!(f.kind, Kind::Bare | Kind::Count(_)) && !is_year(f))
            .filter(|f| {
                let next = s.text[f.num_end..]
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                let next: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
                next.chars().count() >= 5 && heading_words.contains(&next)
            })
            .collect();
        let percents: Vec<&Fig> = s
            .figs
            .iter()
            .filter(|f| !f.approx && f.kind == Kind::Percent)
            .collect();
        let mut read: Vec<(&Fig, &Fig)> = Vec::new();
        if let [c] = counts[..] {
            read.push((c, &item.figure));
        }
        if let (Some(p), [q]) = (&item.percent, &percents[..]) {
            if sentence_years.iter().any(|y| heading_years.contains(y)) {
                read.push((q, p));
            }
        }
        let holds: Vec<bool> = read.iter().map(|(a, b)| agrees(a, b)).collect();
        let anchored = holds.iter().any(|&h| h);
        for ((said, listed), &h) in read.iter().zip(&holds) {
            if h {
                sink.checked(true);
                continue;
            }
            if !anchored {
                continue;
            }
            sink.checked(false);
            let other = read
                .iter()
                .zip(&holds)
                .find(|(_, &h)| h)
                .map(|((a, _), _)| s.text[a.start..a.end].trim().to_string())
                .unwrap_or_default();
            let written = s.text[said.start..said.end].trim().to_string();
            let message = format!(
                "the text says {written} for {} (\"{}\"), but the list on line {} says \"{}\" \
                 (under \"{}\"); the same sentence's {other} agrees with that line: one row, \
                 one measure, two figures",
                item.label,
                s.text.trim(),
                item.line,
                item.text,
                item.about.trim()
            );
            let (line, span) = paras[s.par].span(s.from + said.start, s.from + said.end);
            let paragraph = sink.paragraph_at(&line.provenance);
            let f = sink.report(
                &RULE,
                Severity::Error,
                message,
                line.provenance
                    .clone()
                    .with_span(crate::LineSpan::in_line(&line.text, span.0, span.1)),
            );
            f.paragraph = paragraph;
            f.expected = Some(listed.value.abs());
            f.found = Some(said.value.abs());
            f.tolerance = Some(Decimal::ZERO);
            f.figure = Some(written);
        }
    }
}

/// The figures of a list item's rest ("1 064 (57 %)").
fn fig_of(rest: &str) -> Vec<Fig> {
    super::txt006::figures(rest)
}

/// Whether a prose line and a table figure can be about the same thing: a word of the
/// line (six letters or more) shares its first five letters with a word of the figure's
/// row label, column header or table title ("driftbudgeten" and "DRIFT (tkr)",
/// "indexuppräkning" and "Indexuppr"), and when both name years, they share one. A
/// figure one digit away from a table figure about something else is no typo of it.
fn same_subject(line: &str, subject: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let years = |ws: &[String]| -> Vec<String> {
        ws.iter()
            .filter(|w| w.len() == 4 && (w.starts_with("19") || w.starts_with("20")))
            .filter(|w| w.chars().all(|c| c.is_ascii_digit()))
            .cloned()
            .collect()
    };
    let stem = |w: &str| w.chars().take(5).collect::<String>();
    let prose = words(line);
    let about = words(subject);
    let (prose_years, about_years) = (years(&prose), years(&about));
    if !prose_years.is_empty()
        && !about_years.is_empty()
        && !prose_years.iter().any(|y| about_years.contains(y))
    {
        return false;
    }
    let stems: std::collections::HashSet<String> = about
        .iter()
        .filter(|w| w.chars().count() >= 5 && w.chars().all(char::is_alphabetic))
        .map(|w| stem(w))
        .collect();
    prose
        .iter()
        .filter(|w| w.chars().count() >= 6 && w.chars().all(char::is_alphabetic))
        .any(|w| stems.contains(&stem(w)))
}

/// Digits of a whole figure without its trailing zeros (140 000 → 2, 5 310 → 3).
fn significant_digits(v: Decimal) -> usize {
    v.trunc()
        .to_string()
        .trim_start_matches('-')
        .trim_end_matches('0')
        .len()
}

/// Columns of up to this many figures have their sums of two figures indexed once;
/// longer ones (quadratically many pairs) are searched only for a prose figure found
/// nowhere else.
const PAIRS_INDEXED_UP_TO: usize = 300;

/// Intervals sorted by their lower bound with the running maximum of the upper bounds:
/// whether any of them meets a query interval, in logarithmic time.
struct IntervalIndex {
    lo: Vec<Decimal>,
    max_hi: Vec<Decimal>,
}

impl IntervalIndex {
    fn new(intervals: impl IntoIterator<Item = Interval>) -> Self {
        let mut v: Vec<Interval> = intervals.into_iter().collect();
        v.sort_by_key(|iv| iv.lo);
        let mut max_hi = Vec::with_capacity(v.len());
        for iv in &v {
            let hi = max_hi.last().map_or(iv.hi, |m: &Decimal| (*m).max(iv.hi));
            max_hi.push(hi);
        }
        IntervalIndex {
            lo: v.iter().map(|iv| iv.lo).collect(),
            max_hi,
        }
    }

    /// Same as `any(|iv| iv.meets(q))` over the indexed intervals.
    fn meets(&self, q: &Interval) -> bool {
        let n = self.lo.partition_point(|lo| *lo <= q.hi);
        n > 0 && self.max_hi[n - 1] >= q.lo
    }
}

/// Same number of digits, differing in exactly one digit or by one swap of neighbours.
/// Whole table figures in one prose unit, by their digits: (figure, reading) positions.
type FiguresByValue = std::collections::HashMap<String, Vec<(usize, usize)>>;

fn figures_in_unit(figs: &[TableFigure], scale: Decimal) -> FiguresByValue {
    let mut out = FiguresByValue::new();
    for (fi, f) in figs.iter().enumerate() {
        for (ki, k) in f.kronor.iter().enumerate() {
            let in_prose_unit = (k.nominal / scale).normalize();
            if in_prose_unit.fract().is_zero() {
                out.entry(in_prose_unit.to_string())
                    .or_default()
                    .push((fi, ki));
            }
        }
    }
    out
}

/// Every string of the same length one digit away from `x` (a digit replaced, or two
/// neighbouring digits swapped): the figures `one_digit_off` accepts.
fn one_digit_variants(x: &str) -> Vec<String> {
    let b = x.as_bytes();
    let mut out = Vec::new();
    for i in 0..b.len() {
        if !b[i].is_ascii_digit() {
            continue;
        }
        for d in b'0'..=b'9' {
            if d != b[i] {
                let mut v = b.to_vec();
                v[i] = d;
                out.extend(String::from_utf8(v));
            }
        }
        if i + 1 < b.len() && b[i + 1].is_ascii_digit() && b[i] != b[i + 1] {
            let mut v = b.to_vec();
            v.swap(i, i + 1);
            out.extend(String::from_utf8(v));
        }
    }
    out
}

#[cfg(test)]
fn one_digit_off(a: Decimal, b: Decimal) -> bool {
    let (x, y) = (a.to_string(), b.to_string());
    if x.len() != y.len() || x == y {
        return false;
    }
    let (xb, yb) = (x.as_bytes(), y.as_bytes());
    let diffs: Vec<usize> = (0..xb.len()).filter(|&i| xb[i] != yb[i]).collect();
    match diffs.as_slice() {
        [_] => true,
        [i, j] => *j == i + 1 && xb[*i] == yb[*j] && xb[*j] == yb[*i],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{one_digit_off, one_digit_variants, same_subject, IntervalIndex};
    use crate::arith::Interval;
    use crate::check::finding::Severity;
    use crate::check::registry::RuleCode;
    use rust_decimal::Decimal;

    /// The rule run on a page of text lines: (severity, found, message) of its findings
    /// and the relations checked and failed.
    fn run(text: &str) -> (Vec<(Severity, String, String)>, u64, u64) {
        super::super::run_on_text(text, super::check, RuleCode::TXT001)
    }

    const LIST: &str = "Fakta: Antal bygglovsansökningar 2015\n\n(Förändring från 2014 inom parentes)\n\nNorrtälje: 1 064 (57 %)\n\nUppsala: 799 (-2 %)\n\nLuleå: 477 (39 %)\n\nNorrköping: 470 (87 %)\n";

    #[test]
    fn a_fakta_list_restated_in_a_sentence() {
        // The count agrees, the percent does not; the label in the sentence before.
        let text = format!("Rubrik\n\nNorrtälje är störst i år. Totalt inkom det 1 064 bygglovsansökningar, en ökning med hela 54 procent från 2014.\n\n{LIST}");
        let (f, checked, failed) = run(&text);
        assert_eq!((checked, failed), (2, 1), "{f:?}");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].0, f[0].1.as_str()), (Severity::Error, "54"));
        assert!(f[0].2.contains("Norrtälje: 1 064 (57 %)"), "{f:?}");
        // The percent agrees, the count does not.
        let text = format!("Rubrik\n\nEn annan kommun är Norrköping. De har sina 477 bygglovsansökningar, men en ökning på 87 procent sedan 2014.\n\n{LIST}");
        let (f, _, failed) = run(&text);
        assert_eq!((failed, f.len()), (1, 1), "{f:?}");
        assert_eq!(f[0].1, "477");
        // Both agree: two relations hold.
        let text = format!("Rubrik\n\nNorrtälje har 1 064 bygglovsansökningar, en ökning med 57 procent från 2014.\n\n{LIST}");
        let (f, checked, failed) = run(&text);
        assert!(f.is_empty() && (checked, failed) == (2, 0), "{f:?}");
    }

    #[test]
    fn sentences_not_certainly_about_a_list_item_are_not_read() {
        for sentence in [
            // Neither figure agrees: perhaps about something else.
            "Norrtälje har 1 200 bygglovsansökningar, en ökning med 54 procent från 2014.",
            // Another year than the list's.
            "Norrtälje hade 900 bygglovsansökningar 2013, en ökning med 57 procent från 2012.",
            // Two items named.
            "Norrtälje och Uppsala har 1 064 bygglovsansökningar, en ökning med 54 procent från 2014.",
            // A figure of another measure (no word of the heading after it), a percent
            // with no year of the heading.
            "Norrtälje har 1 064 bygglovsansökningar och 12 handläggare, som klarar 54 procent av ärendena.",
        ] {
            let (f, _, failed) = run(&format!("Rubrik\n\n{sentence}\n\n{LIST}"));
            assert!(f.is_empty() && failed == 0, "{sentence}: {f:?}");
        }
        // A label in two lists (two years) is not read.
        let two = format!("Rubrik\n\nNorrtälje har 1 064 bygglovsansökningar, en ökning med 54 procent från 2014.\n\n{LIST}\nFakta: Antal bygglovsansökningar 2016\n\n(Förändring från 2015 inom parentes)\n\nNorrtälje: 1 100 (3 %)\n\nUppsala: 800 (0 %)\n\nLuleå: 470 (-2 %)\n");
        let (f, checked, _) = run(&two);
        assert!(f.is_empty() && checked == 0, "{f:?}");
    }

    #[test]
    fn a_typo_needs_the_same_subject() {
        let line =
            "Den totala driftbudgeten för 2023 är 19 397 tkr, vilket är en ökning med 5310 tkr.";
        assert!(same_subject(line, "summa tot drift (tkr) "));
        assert!(!same_subject(
            line,
            "förskola budget 2023 barn och utbildning "
        ));
        // Another year is another figure.
        assert!(!same_subject(
            "Driftbudgeten 2021 ökade med 5310 tkr.",
            "summa drift 2023 "
        ));
        assert!(!same_subject(
            "Prognos: 140 000 kr",
            "bidrag belopp tabell "
        ));
    }

    #[test]
    fn the_index_answers_as_a_scan_of_every_interval() {
        let d = |v: i64| Decimal::from(v);
        let iv = |lo: i64, hi: i64| Interval {
            nominal: d(lo),
            lo: d(lo),
            hi: d(hi),
        };
        let all = [iv(10, 20), iv(0, 100), iv(40, 45), iv(-5, -1), iv(200, 200)];
        let queries = [
            iv(21, 39),
            iv(101, 150),
            iv(46, 60),
            iv(-3, -2),
            iv(200, 200),
            iv(201, 300),
            iv(-10, -6),
            iv(45, 45),
        ];
        for n in 0..=all.len() {
            let index = IntervalIndex::new(all[..n].iter().copied());
            for q in &queries {
                let scan = all[..n].iter().any(|a| a.meets(q));
                assert_eq!(index.meets(q), scan, "{n} intervals, query {q:?}");
            }
        }
    }

    #[test]
    fn typos_are_one_digit_or_one_swap() {
        let d = |v: i64| Decimal::from(v);
        assert!(one_digit_off(d(5310), d(5130)));
        assert!(one_digit_off(d(2842), d(2841)));
        assert!(!one_digit_off(d(2841), d(2841)));
        assert!(!one_digit_off(d(2841), d(1482)));
        assert!(!one_digit_off(d(841), d(2841)));
    }

    #[test]
    fn round_amounts_have_few_significant_digits() {
        let d = |v: i64| Decimal::from(v);
        assert_eq!(super::significant_digits(d(140_000)), 2);
        assert_eq!(super::significant_digits(d(20_000)), 1);
        assert_eq!(super::significant_digits(d(5_310)), 3);
        assert_eq!(super::significant_digits(d(1_405)), 4);
    }

    #[test]
    fn the_variants_are_exactly_the_figures_one_digit_off() {
        for a in [5130u32, 2841, 1000, 1100, 9999, 1203, 40517] {
            let variants = one_digit_variants(&a.to_string());
            for b in 0..100_000u32 {
                let (da, db) = (Decimal::from(a), Decimal::from(b));
                assert_eq!(
                    one_digit_off(da, db),
                    variants.contains(&b.to_string()),
                    "{a} vs {b}"
                );
            }
        }
    }
}
