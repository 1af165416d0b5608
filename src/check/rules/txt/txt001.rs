//! TXT001: a money figure in the prose that almost, but not quite, matches a table figure.

use super::prose::{cell_scale, figures, prose_lines};
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
one digit away from a table figure about something else, or a page number, is no typo.",
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
    use rust_decimal::Decimal;

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
