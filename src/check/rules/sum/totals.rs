//! Column totals: for every total row, which rows it closes, and whether each column
//! adds up. Shared by SUM001, SUM003 and TAB002, which each report their part.

use super::sum001;
use crate::arith::{compare, Comparison, Interval};
use crate::check::every_reading;
use crate::check::finding::Severity;
use crate::check::registry::Rule;
use crate::check::view::{CellRef, ColumnKind, TableView};
use crate::check::Relation;

/// A row inside the table that states new column headers (no figure, text in two or
/// more cells: "fg | SK | GK | F" under "Variansanalyse"): the columns mean something
/// else below it, so no total reaches above it.
fn restates_header(view: &TableView, r: usize) -> bool {
    // Dashes and blanks ("- kr") are zeros in the view, not text.
    let text = (0..view.cols())
        .filter(|&c| view.cells[r][c].is_none())
        .count();
    (0..view.cols()).all(|c| view.figure(r, c).is_none()) && text >= 2
}

/// The readings of "the rows this total closes", most specific first, none reaching
/// above a restated header.
fn candidates(view: &TableView, t: usize) -> Vec<(&'static str, Vec<usize>)> {
    let floor = (0..t)
        .rev()
        .find(|&r| restates_header(view, r))
        .map_or(0, |r| r + 1);
    let mut out = readings(view, t);
    for (_, rows) in &mut out {
        rows.retain(|&r| r >= floor);
    }
    out.retain(|(_, rows)| !rows.is_empty());
    out.dedup_by(|a, b| a.1 == b.1);
    out
}

fn readings(view: &TableView, t: usize) -> Vec<(&'static str, Vec<usize>)> {
    let prev_total = (0..t).rev().find(|&r| view.totals[r]);
    let start = prev_total.map_or(0, |p| p + 1);
    let block: Vec<usize> = (start..t).filter(|&r| view.is_data(r)).collect();
    let earlier_totals: Vec<usize> = (0..t).filter(|&r| view.totals[r]).collect();
    let mut subtotals = earlier_totals.clone();
    subtotals.extend(block.iter().copied());
    let mut running = Vec::new();
    if let Some(p) = prev_total {
        running.push(p);
        running.extend(block.iter().copied());
    }
    let all_data: Vec<usize> = (0..t).filter(|&r| view.is_data(r)).collect();
    // A total of a price per unit ("Summa avgift vatten, avlopp, per kubik") closes the
    // rows directly above it priced per the same unit ("Förbrukningsavgift vatten, per
    // kubik"), not the fixed avgifter listed before them: the most specific reading.
    let mut out = Vec::new();
    if let Some(unit) = per_unit(&view.label(t)) {
        let run: Vec<usize> = block
            .iter()
            .rev()
            .take_while(|&&r| per_unit(&view.label(r)).as_deref() == Some(unit.as_str()))
            .copied()
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let contiguous = run
            .first()
            .is_some_and(|&f| (f..t).all(|r| run.contains(&r)));
        if run.len() >= 2 && run.len() < block.len() && contiguous {
            out.push((PER_UNIT, run));
        }
    }
    out.push(("the rows above it", block.clone()));
    if earlier_totals.len() >= 2 {
        out.push(("the subtotals above it", subtotals));
    }
    // A result line between the previous total and this one ("Driftnetto" = Summa
    // intäkter + Summa rörelsekostnader, then Avskrivningar … before "Summa kostnader")
    // restates totals above it: the total closes the previous total and the rows after
    // it but the result line.
    let past_result: Vec<usize> = match prev_total {
        Some(p) => match block
            .iter()
            .find(|&&r| is_result_line(view, r, &earlier_totals))
        {
            Some(&line) => std::iter::once(p)
                .chain(block.iter().copied().filter(|&r| r != line))
                .collect(),
            None => Vec::new(),
        },
        None => Vec::new(),
    };
    out.push(("the previous total and the rows after it", running));
    if past_result.len() >= 2 {
        out.push((PAST_RESULT, past_result));
    }
    out.push(("all rows above it", all_data));
    // A total that closes the rows under a group heading ("AVSÄTTNINGAR" … "Summa
    // avsättningar" after loose rows of another group).
    if let Some(h) = (start..t).rev().find(|&r| view.headings[r]) {
        let under: Vec<usize> = (h + 1..t).filter(|&r| view.is_data(r)).collect();
        out.push(("the rows under its heading", under));
    }
    out.retain(|(_, rows)| !rows.is_empty());
    out.dedup_by(|a, b| a.1 == b.1);
    out
}

/// The reading of a total over the previous total and the rows after it, less a result
/// line that restates the totals above it (see [`readings`], [`is_result_line`]).
const PAST_RESULT: &str =
    "the previous total and the rows after it, less the result line between them";

/// Whether row `r` is a result line restating the totals above it: two totals or more
/// above it, and in every column where it is written (two at least, not all zero) it is
/// their sum, within rounding, with every part written.
fn is_result_line(view: &TableView, r: usize, earlier_totals: &[usize]) -> bool {
    if earlier_totals.len() < 2 || earlier_totals.iter().any(|&t| t >= r) {
        return false;
    }
    let cols: Vec<usize> = (0..view.cols())
        .filter(|&c| view.numeric(c) && view.figure(r, c).is_some())
        .collect();
    let nonzero = cols
        .iter()
        .any(|&c| view.figure(r, c).is_some_and(|f| !f.nominal.is_zero()));
    cols.len() >= 2
        && nonzero
        && cols.iter().all(|&c| {
            earlier_totals.iter().all(|&t| view.figure(t, c).is_some())
                && column_sum(view, earlier_totals, c)
                    .zip(view.figure(r, c))
                    .is_some_and(|(sum, found)| sum.meets(&found))
        })
}

/// The reading of a total over the rows priced per its own unit (see [`readings`]).
const PER_UNIT: &str = "the rows above it priced per the same unit";

const CONFIRMED_GROUP: &str = "the rows under its heading";

/// The rows under the heading above the unlabeled row `t` when the statement takes `t`
/// for their whole group: `t` is in `stands_for` (a line of the statement adds it in
/// place of the group's rows and follows from it in every column, two at least), and the
/// rows between the heading and `t` are two or more labeled rows of figures, none a
/// total, none left out of the run. A nested subtotal over some of those rows would
/// leave the others to be added to the line beside it; the line adds none of them, so
/// `t` must be the sum of all.
fn group_the_statement_confirms(
    view: &TableView,
    t: usize,
    stands_for: &[(usize, usize)],
) -> Option<(Vec<usize>, usize)> {
    let line = stands_for.iter().find(|(p, _)| *p == t)?.1;
    if !view.label(t).trim().is_empty() {
        return None;
    }
    let h = (0..t).rev().find(|&r| view.headings[r] || view.totals[r])?;
    if !view.headings[h] {
        return None;
    }
    let rows: Vec<usize> = (h + 1..t).collect();
    let plain = rows.iter().all(|&r| {
        view.is_data(r)
            && !view.totals[r]
            && view
                .label(r)
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
            && view.vocab.total_kind(&view.label(r)).is_none()
    });
    (rows.len() >= 2 && plain).then_some((rows, line))
}

/// The unit a label prices per, when the label ends in it ("…, per kubik" → "kubik",
/// "Avgift per m3" → "m3"): one or two words after the last "per", no figure among them.
fn per_unit(label: &str) -> Option<String> {
    let l = label.trim().trim_end_matches([':', '.']).to_lowercase();
    let (_, rest) = l.rsplit_once(" per ")?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    (!words.is_empty()
        && words.len() <= 2
        && rest
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || c == '³')
        && !rest.chars().all(|c| c.is_ascii_digit() || c == ' '))
    .then(|| words.join(" "))
}

/// The sum of `rows` in column `c`, or `None` when a part is not a figure or every part
/// is blank (a column with no written parts states nothing to add).
fn column_sum(view: &TableView, rows: &[usize], c: usize) -> Option<Interval> {
    let mut written = false;
    let mut parts = Vec::with_capacity(rows.len());
    for &r in rows {
        parts.push(view.part(r, c)?);
        written |= view.figure(r, c).is_some();
    }
    written.then(|| Interval::sum(parts))
}

/// One total row: the rows it closes (the reading that adds up in most columns) and each
/// column's comparison. Which rule reports a column is decided by the rule files: SUM001
/// (labeled), SUM003 (unlabeled), TAB002 (shifted one column).
#[derive(Clone, Debug)]
pub struct Total {
    pub row: usize,
    /// The row's label states a total (see [`sum001::states_total`]).
    pub labeled: bool,
    /// Which rows, in words: "the rows above it", "the subtotals above it", …
    pub reading: &'static str,
    pub rows: Vec<usize>,
    pub columns: Vec<TotalColumn>,
}

#[derive(Clone, Debug)]
pub struct TotalColumn {
    pub col: usize,
    pub comparison: Comparison,
    /// The failing figure is the sum of this neighbouring column instead.
    pub shifted_from: Option<usize>,
    /// Why the reading is not certain enough to report a failure as an error or
    /// warning ("not decided: …"); the relation is then checked and reported as info.
    pub undecided: Option<String>,
    /// Why a failure is certain where the usual evidence is missing: through ambiguous
    /// rows, it fails under every reading; failing in every column, the reading leaves no
    /// room for another ([`misprinted_everywhere`]).
    pub every: Option<String>,
}

impl Total {
    pub fn inputs(&self, c: usize) -> Vec<CellRef> {
        self.rows
            .iter()
            .map(|&row| CellRef { row, col: c })
            .collect()
    }

    /// Why the reading is trusted, in the finding's words: which rows the total closes
    /// and in how many other columns the same sum holds.
    pub fn why_trusted(&self, view: &TableView, col: usize) -> String {
        let name = |r: usize| {
            let l = view.label(r);
            if l.is_empty() {
                "(unlabeled)".to_string()
            } else {
                l
            }
        };
        let closes = match self.rows.as_slice() {
            [] => "it closes no row".to_string(),
            [one] => format!("it closes 1 row, \"{}\"", name(*one)),
            [first, .., last] => format!(
                "it closes {} rows, \"{}\" to \"{}\"",
                self.rows.len(),
                name(*first),
                name(*last)
            ),
        };
        let holds = self
            .columns
            .iter()
            .filter(|x| x.col != col && x.comparison.holds)
            .count();
        let elsewhere = match holds {
            0 => "the same sum holds in no other column".to_string(),
            1 => "the same sum holds in 1 other column".to_string(),
            n => format!("the same sum holds in {n} other columns"),
        };
        format!("{closes}, and {elsewhere}")
    }

    /// The relation "this total is the sum of its rows" in column `c`, for `rule`.
    pub fn relation(&self, view: &TableView, rule: &'static Rule, c: &TotalColumn) -> Relation {
        let label = view.label(self.row);
        let label = label.trim_end_matches(':').trim();
        // A total row without a label (bold figures under the column) is named by its place.
        let subject = if label.is_empty() {
            "The unlabeled total row".to_string()
        } else {
            format!("\"{label}\"")
        };
        // A decided failure one figure's sign explains names it.
        let holding: Vec<usize> = self
            .columns
            .iter()
            .filter(|x| x.col != c.col && x.comparison.holds)
            .map(|x| x.col)
            .collect();
        let parts: Vec<(usize, bool)> = self.rows.iter().map(|&r| (r, false)).collect();
        let sign = (!c.comparison.holds && c.undecided.is_none())
            .then(|| super::sign::misprinted_sign(view, self.row, &parts, c.col, &holding))
            .flatten()
            .map(|m| format!("; {}", m.why(view)))
            .unwrap_or_default();
        let message = format!(
            "{subject} is not the sum of {} in column \"{}\"{sign}; {}",
            self.reading,
            view.column_name(c.col),
            match &c.every {
                Some(why) => format!("{why}; {}", self.why_trusted(view, c.col)),
                None => self.why_trusted(view, c.col),
            }
        );
        let mut rel = Relation::new(
            rule,
            CellRef {
                row: self.row,
                col: c.col,
            },
            self.inputs(c.col),
            c.comparison,
            message,
        );
        rel.weights = vec![1; rel.inputs.len()];
        if let Some(why) = &c.undecided {
            rel.severity = Severity::Info;
            rel.message = format!("{why} ({})", rel.message);
        }
        rel
    }
}

/// The total's columns as relations of `rule`, except those TAB002 reports as shifted.
pub fn sums(view: &TableView, total: &Total, rule: &'static Rule, out: &mut Vec<Relation>) {
    for c in total.columns.iter().filter(|c| c.shifted_from.is_none()) {
        out.push(total.relation(view, rule, c));
    }
}

/// Whether column `c`'s header names a change in percent of each row's own figure
/// ("Förändring %", "Förändring, %", "Ändring i %"), not one in percentage points
/// ("%-enheter", "procentenheter"): such changes never add up over rows.
fn relative_change(view: &TableView, c: usize) -> bool {
    view.table
        .columns
        .get(c)
        .is_some_and(|header| crate::check::view::names_relative_change(view.vocab, header))
}

/// Whether a percent column can add up to the total row `t`: as shares of a whole, or
/// as changes in percentage points. A total of 100 % can. Otherwise, when every figure
/// since the total above it has the total's sign, a sum is larger than each of its parts, so a total no
/// larger than one of them ("27,8 %" under "14,8 %" and "124,7 %", an "Avvikelse i %"
/// column) is a ratio of its own row — ratios do not add, and the column states no sum.
/// Figures of both signs ("Ändring i %-enheter") can add to less than a part.
fn may_be_shares(view: &TableView, t: usize, c: usize) -> bool {
    let Some(total) = view.figure(t, c) else {
        return false;
    };
    if relative_change(view, c) {
        return false;
    }
    if total.meets(&Interval::exact(rust_decimal::Decimal::ONE_HUNDRED)) {
        return true;
    }
    // The rows since the total above it: an earlier group is not among its parts.
    let from = (0..t).rev().find(|&r| view.totals[r]).map_or(0, |r| r + 1);
    let above: Vec<rust_decimal::Decimal> = (from..t)
        .filter_map(|r| view.figure(r, c).map(|f| f.nominal))
        .filter(|v| !v.is_zero())
        .collect();
    let one_sign = above
        .iter()
        .all(|v| v.is_sign_negative() == total.nominal.is_sign_negative());
    let whole = total.nominal.abs();
    !(one_sign && above.iter().any(|v| v.abs() >= whole))
}

/// Whether a column no header calls a percentage reads as one of rates per row: every
/// figure from the total above to the total `t` lies between 0 and 100, some with
/// decimals, the parts add to more than 100 (so they are no shares of one whole), and
/// the total is no larger than one of them ("41,36" under "38,41", "45,32", "46,18":
/// personröster as a percentage of each party's votes). Such a total is a rate of its
/// own row, as [`may_be_shares`] says of a percent column.
fn rates_per_row(view: &TableView, t: usize, c: usize) -> bool {
    let Some(total) = view.figure(t, c) else {
        return false;
    };
    let from = (0..t).rev().find(|&r| view.totals[r]).map_or(0, |r| r + 1);
    let parts: Vec<rust_decimal::Decimal> = (from..t)
        .filter_map(|r| view.figure(r, c).map(|f| f.nominal))
        .collect();
    let hundred = rust_decimal::Decimal::ONE_HUNDRED;
    let in_range = |v: &rust_decimal::Decimal| !v.is_sign_negative() && *v <= hundred;
    let sum: rust_decimal::Decimal = parts.iter().sum();
    parts.len() >= 2
        && in_range(&total.nominal)
        && parts.iter().all(in_range)
        && parts.iter().any(|v| !v.fract().is_zero())
        && sum > hundred
        && !may_be_shares(view, t, c)
}

/// Every total row's analysis, except the rows in `claimed` (lines of a financial
/// statement, whose own rules read them); the columns in `changes` (REL007: changes in
/// percent) are never a total or part of one. `stands_for` are the rows a line of the
/// statement adds in place of their group and follows from in every column (see
/// [`group_the_statement_confirms`]), each with that line.
pub fn analyse(
    view: &TableView,
    claimed: &[usize],
    changes: &[usize],
    stands_for: &[(usize, usize)],
) -> Vec<Total> {
    // In a financial statement a "Summa" may close a group whose rows the statement does
    // not list (a condensed balansräkning): a total adding up nowhere is not decided.
    let statement = !claimed.is_empty();
    let mut out = Vec::new();
    for t in 0..view.rows() {
        if !view.totals[t] || claimed.contains(&t) {
            continue;
        }
        let labeled = sum001::states_total(view, t);
        let cols: Vec<usize> = (0..view.cols())
            .filter(|&c| {
                view.numeric(c)
                    && view.figure(t, c).is_some()
                    && !changes.contains(&c)
                    && (view.kinds[c] != ColumnKind::Percent || may_be_shares(view, t, c))
                    && (view.kinds[c] == ColumnKind::Percent || !rates_per_row(view, t, c))
            })
            .collect();
        let mut cands = candidates(view, t);
        let mut best: Option<(usize, usize)> = None; // (candidate index, columns holding)
        for (i, (_, rows)) in cands.iter().enumerate() {
            let holds = cols
                .iter()
                .filter(|&&c| {
                    let (Some(sum), Some(found)) = (column_sum(view, rows, c), view.figure(t, c))
                    else {
                        return false;
                    };
                    sum.meets(&found)
                })
                .count();
            if best.is_none_or(|(_, h)| holds > h) {
                best = Some((i, holds));
            }
        }
        let Some((mut chosen, holds)) = best else {
            continue;
        };
        // An unlabeled subtotal closing the rows under its heading that the statement's
        // next line takes for the whole group in every column: which rows it closes is
        // certain even though they add up to it nowhere.
        let confirmed = (holds == 0 && !labeled)
            .then(|| group_the_statement_confirms(view, t, stands_for))
            .flatten()
            .and_then(|(rows, line)| Some((cands.iter().position(|(_, r)| *r == rows)?, line)));
        let confirmed_by = confirmed.map(|(_, line)| {
            format!(
                "\"{}\" adds it in place of the rows under its heading and follows from it in every column, so it is no nested subtotal of some of them",
                view.label(line).trim()
            )
        });
        let confirmed = confirmed.map(|(i, _)| i);
        if let Some(i) = confirmed {
            chosen = i;
            cands[i].0 = CONFIRMED_GROUP;
        } else if holds == 0 {
            // No reading adds up anywhere: only a total closing a block of rows states its
            // parts clearly enough to report — by its label, or as the unlabeled last row
            // under a block of at least two rows ("PL 1 520 000 / Utv 940 000 / 2 460 000").
            // A row whose label names a result ("Resultat efter finansiella poster",
            // totals.vocab `result`) is derived from some rows, not the sum of all: if
            // no reading adds up, which rows it comes from is not known.
            let result = view.vocab.total_kind(&view.label(t)) == Some("result");
            // Its parts must be rows of their own: a part without a label or itself a
            // total is a sign the rows were not read as the record means them (cells
            // written one per line, read as rows).
            let plain_parts = cands[0].1.iter().all(|&r| {
                !view.label(r).trim().is_empty() && view.vocab.total_kind(&view.label(r)).is_none()
            });
            let closing = t + 1 == view.rows() && cands[0].1.len() >= 2 && !result && plain_parts;
            if !(labeled || closing) || !["the rows above it", PER_UNIT].contains(&cands[0].0) {
                continue;
            }
            // Of the readings, the first that has parts to add (a total closing one row
            // states no sum: "Summa årskostnad" / "Medlemsbidrag" / "Totalt medlemsbidrag"
            // is read as the previous total and the row after it).
            chosen = cands
                .iter()
                .position(|(_, rows)| rows.len() >= 2)
                .unwrap_or(0);
        }
        // Every set of rows the total might close, for a total through ambiguous rows.
        let sets: Vec<Vec<usize>> = cands.iter().map(|(_, r)| r.clone()).collect();
        let (reading, rows) = cands.swap_remove(chosen);
        // A row of a key-figure list ("Total kommunal medelskattesats, riket, kr" under
        // "riksandel, procent" and "Begravningsavgift 0,075") is not a sum because its
        // label begins with "Total": failing everywhere over rows of other measures, it
        // states no relation and is not checked.
        if holds == 0 && view.key_figure_list(t, &rows).is_some() {
            continue;
        }
        // A total is only as certain as the reading of its parts: a reading of a single
        // row is a key figure in a list ("Antall stemmeberettigede 4 075 / Totalt antall
        // kryss i manntallet 3 026"), not a sum the record states.
        let label = view.label(t);
        let label = label.trim_end_matches(':');
        let glued = label.split_whitespace().last().is_some_and(|w| {
            w.chars()
                .all(|ch| ch.is_ascii_digit() || ch == ',' || ch == '.')
                && !(w.len() == 4 && ("1900"..="2099").contains(&w))
        });
        // A row the reader could not split into cells unambiguously (TAB001) gives
        // figures that may not be the record's.
        let ambiguous = ambiguous_row(view, t, &rows);
        let ambiguity = ambiguous.map(|row| {
            format!("not decided: the row \"{row}\" could not be read unambiguously (TAB001)")
        });
        // A row read as a total between the parts that is the sum of no rows above it
        // ("Resultat fastighetsförsäljning 0,0 14,4" among an RR's intäkter) may be one of
        // the parts: which rows the total closes is then not certain.
        let unproven_total = rows.first().and_then(|&first| {
            (first..t)
                .filter(|r| view.totals[*r] && !rows.contains(r))
                .find(|&p| !closes_somewhere(view, p))
        });
        // A total failing in every column whose reading is certain all the same: its
        // parts all the rows between the header (or the total above) and it, each read
        // whole, and each column off by little.
        let misprint = (holds == 0 && ambiguity.is_none())
            .then(|| misprinted_everywhere(view, t, &rows, &cols, reading))
            .flatten();
        let undecided = if let Some(p) = unproven_total.filter(|_| holds < cols.len()) {
            Some(format!(
                "not decided: \"{}\" between its parts is read as a total but is the sum of no rows above it in any column, so it may be one of the parts",
                view.label(p)
            ))
        } else if rows.len() < 2 {
            Some(format!(
                "not decided: \"{label}\" would close a single row, so it may be a key figure rather than a total"
            ))
        } else if statement && holds == 0 && confirmed.is_none() {
            Some(format!(
                "not decided: \"{label}\" adds up in no column and stands in a financial statement, whose group totals may close rows it does not list"
            ))
        } else if glued && holds == 0 {
            Some(format!(
                "not decided: the label \"{label}\" ends in a figure, so the row's cells may be shifted"
            ))
        } else if let Some(p) =
            figure_labeled(view, &stretch_above(view, &rows, t)).filter(|_| holds == 0)
        {
            // A part whose label is a bare figure ("511" over "3 182", cells written one
            // per line and paired up wrongly) shows that figures were read as labels: the
            // parts, and so the sum, are not the record's. So does such a row just above
            // the parts with no figure in their columns ("4 718 355", the figure of a row
            // whose label wrapped onto the line before): the run may begin above it.
            let place = if rows.contains(&p) { "among" } else { "above" };
            Some(format!(
                "not decided: the row \"{}\" {place} its parts has a figure for its label, so figures may have been read as labels and the rows' cells shifted",
                view.label(p).trim()
            ))
        } else if holds == 0
            && labeled
            && headless_from_top(view, &rows)
            && short_by_a_part(view, &rows, t, &cols)
        {
            // A table with no header, no title and no unit line, whose total closes it from
            // its very first row: nothing says where the table begins, and rows written label
            // and figure on lines of their own just above it (read into no table) may be
            // parts too.
            Some(format!(
                "not decided: \"{label}\" closes the table from its first row, and the table has no header or title to show that it begins there: it is off by more than its smallest part in every column, and rows above it may be parts written on lines of their own"
            ))
        } else if rows.iter().any(|&r| view.label(r).trim().is_empty()) && holds == 0 {
            // A part without a label (a figure alone on its line, "Fast avgift …" then
            // "417") shows labels and figures written one per line: which label goes with
            // which figure, and where the table begins, the reading does not know, so
            // the rows it closes may not be the record's.
            Some(format!(
                "not decided: a row among the parts of \"{label}\" has no label, so labels and figures written on lines of their own may have been paired wrongly and the rows it closes may not be the record's"
            ))
        } else if holds == 0 && cols.len() >= 2 && misprint.is_none() && confirmed.is_none() {
            // A record that misprints one total in every one of its columns is far rarer
            // than a reading that took the wrong rows (or the wrong cells) for its parts:
            // the failure shows the reading is not certain, not that the record errs —
            // unless the reading leaves no room for another ([`misprinted_everywhere`]).
            Some(format!(
                "not decided: \"{label}\" adds up in none of its {} columns, so the rows it closes or the cells of its rows may not be read as the record means them",
                cols.len()
            ))
        } else {
            None
        };
        let mut columns = Vec::new();
        // Columns whose failure is taken for another measure on the total row.
        let mut guessed: Vec<usize> = Vec::new();
        for &c in &cols {
            let (Some(sum), Some(found)) = (column_sum(view, &rows, c), view.figure(t, c)) else {
                continue;
            };
            let mut comparison = compare(sum, found);
            let shifted_from = if comparison.holds {
                None
            } else {
                misaligned_to(view, &rows, t, c, found)
            };
            // Through an ambiguous row only a failure under every reading is decided.
            let certain = ambiguity
                .as_ref()
                .filter(|_| !comparison.holds && shifted_from.is_none())
                .and_then(|_| every_reading::fails_under_every(view, &rows, &sets, t, c));
            // When no column adds up, a column where the reading has fewer than two
            // written parts does not show that the row is a sum at all; parts written to
            // different precisions (0,985032 / 20810,06 / 10) are a list of different
            // measures, not amounts of one kind.
            let written = rows
                .iter()
                .filter(|&&r| view.figure(r, c).is_some())
                .count();
            // Where the other columns add up, a column whose total is below one of its
            // parts (all of its sign) and under half their sum holds another measure on
            // the total row, a ratio or a share of the whole ("Studerende ift.
            // studiepladser (pct.)" 100 under 97, 50, …, 195), not a misprinted sum (a
            // total a few units below its one part is a misprint).
            let another_measure = !comparison.holds
                && holds > 0
                && smaller_than_a_part(view, &rows, t, c)
                && found.nominal.abs() * rust_decimal::Decimal::TWO < sum.nominal.abs();
            let precisions: std::collections::BTreeSet<u32> = rows
                .iter()
                .filter_map(|&r| view.table.rows[r].cells.get(c))
                .filter(|cell| cell.value.is_some())
                .map(|cell| cell.decimals)
                .collect();
            // A doubtful split further left moves every figure after it: the row's
            // figure here may belong one column over.
            let split_left = (0..c).find(|&k| split_from_neighbour(view, t, k));
            let column_undecided = if !comparison.holds && split_from_neighbour(view, t, c) {
                Some(format!(
                    "not decided: the figure of \"{label}\" in this column and its neighbour's may be one figure whose digit groups were read as two cells"
                ))
            } else if let Some(k) = split_left.filter(|_| !comparison.holds) {
                let name = view.column_name(k);
                let place = if name.trim().is_empty() {
                    format!("in column {}", k + 1)
                } else {
                    format!("under \"{name}\"")
                };
                Some(format!(
                    "not decided: the figures of \"{label}\" {place} and its neighbour may be one figure whose digit groups were read as two cells, so its figures after them may stand one column off"
                ))
            } else if !comparison.holds && shares_of_a_whole(view, &rows, t, c, &sum) {
                // Shares that make 100 % under a total row printing another percentage
                // ("Totalt 684 77,8" under the parties' %-vis fordeling: the turnout)
                // state the whole; the total row's figure there is another measure.
                Some(format!(
                    "not decided: the shares above \"{label}\" make 100 %, so its figure in this column is another measure (a turnout, a share of a larger whole), not their sum"
                ))
            } else if let Some(raw) = (!comparison.holds)
                .then(|| glued_note_part(view, &rows, c, sum, found))
                .flatten()
            {
                Some(format!(
                    "not decided: a part's first figure, {raw}, may begin with a note reference glued to it: without its first digit group \"{label}\" adds up here"
                ))
            } else if let Some(r) = run_together(view, &rows, t, c).filter(|_| !comparison.holds) {
                Some(two_cells_as_one(view, r))
            } else if another_measure {
                guessed.push(c);
                Some(format!("not decided: \"{label}\" is smaller than one of its parts in this column though all have its sign, so its figure here may be another measure (a ratio, a share of the whole, an average) rather than their sum"))
            } else if holds > 0 {
                None
            } else if written < 2 {
                Some(format!("not decided: \"{label}\" has a single figure above it in this column, so it may be a key figure rather than a total"))
            } else if precisions.len() > 1 {
                Some("not decided: its parts are written to different precisions, so they may be different measures".to_string())
            } else if smaller_than_a_part(view, &rows, t, c) {
                // Parts of one sign add up to more than each of them: a total below one
                // of them is no misprinted sum but a figure of another measure ("Total
                // avgift per lägenhet" under the whole house's avgifter).
                Some(format!("not decided: \"{label}\" is smaller than one of its parts though all have its sign, so it may be a figure of another measure (per unit, per person) rather than their sum"))
            } else {
                None
            };
            let undecided = match (&ambiguity, &certain) {
                (Some(note), None) => Some(note.clone()),
                _ => undecided.clone().or(column_undecided),
            };
            let every = certain
                .map(|x| {
                    comparison = x.comparison;
                    x.why
                })
                .or_else(|| {
                    misprint
                        .clone()
                        .or_else(|| confirmed_by.clone())
                        .filter(|_| undecided.is_none() && !comparison.holds)
                });
            columns.push(TotalColumn {
                col: c,
                comparison,
                shifted_from,
                undecided,
                every,
            });
        }
        // A total row that gives averages rather than sums (a per-pupil cost over the
        // pupils it sums in another column) shows itself where its figure is the parts'
        // average weighted by a column it does sum: in such a row a failing column whose
        // figure lies among its parts' is no misprinted sum.
        if let Some((w, averaged)) = weighted_average_columns(view, &rows, t, &columns) {
            for c in columns.iter_mut().filter(|c| {
                !c.comparison.holds
                    && c.shifted_from.is_none()
                    && among_parts(view, &rows, t, c.col)
            }) {
                let elsewhere: Vec<String> = averaged
                    .iter()
                    .filter(|&&a| a != c.col)
                    .map(|&a| format!("\"{}\"", column_place(view, a)))
                    .collect();
                c.undecided = Some(format!(
                    "not decided: the row gives averages, not sums, in other columns (under {} its figure is the parts' average weighted by \"{}\", which it sums), and its figure here lies within its parts' figures as such an average would",
                    elsewhere.join(", "),
                    column_place(view, w)
                ));
                c.every = None;
                guessed.push(c.col);
            }
        }
        // A figure of the row that stands one column off (TAB002) shows the row's cells
        // were not placed as written (a cell missing or added under a spanning header):
        // every cell from where the row went off onwards stands off. Where that is, the
        // row does not say; a column that adds up between a failing figure and the one
        // standing off shows the row is still in place there. Other failing figures may
        // stand off too, so their failures are not decided.
        if let Some(off) = columns
            .iter()
            .find(|c| c.shifted_from.is_some())
            .map(|c| c.col)
        {
            let holding: Vec<usize> = columns
                .iter()
                .filter(|c| c.comparison.holds)
                .map(|c| c.col)
                .collect();
            let why = format!(
                "not decided: the row's figure under \"{}\" stands one column off (TAB002), so its other figures may not stand in their own columns either",
                view.column_name(off)
            );
            for c in columns
                .iter_mut()
                .filter(|c| !c.comparison.holds && c.shifted_from.is_none() && c.every.is_none())
            {
                let in_place = holding.iter().any(|&h| c.col < h && h < off);
                // The shift explains the failure before a guess at another measure does.
                if !in_place && (c.undecided.is_none() || guessed.contains(&c.col)) {
                    c.undecided = Some(why.clone());
                }
            }
        }
        out.push(Total {
            row: t,
            labeled,
            reading,
            rows,
            columns,
        });
    }
    out
}

/// Why a total that adds up in none of its columns is nevertheless certain to be
/// misprinted, not misread: `None` unless all of these hold.
/// - Its label is a plain total ("Summa", "I alt", "Totalt": totals.vocab `total` or
///   `subtotal`) naming no measure but the table's money unit, and it closes "the rows
///   above it": every row between the table's header (or the total above) and it, all
///   of them rows of figures in one unbroken run (no heading, "varav" / "av vilka" row,
///   nested total or check line among them; before the first only headings without
///   figures), two at least, each labeled by words beginning with a letter and naming no
///   measure of its own (no count, no %), none itself a total label.
/// - The table states its unit (kr, tkr, mnkr) and the reader read it whole: no row
///   with more than one reading (TAB001), no row or cell left unread (TAB003), no figure
///   moved back into its column; every other total of the table holds in some column.
/// - It has two figure columns at least, all of them amounts (no percent column left
///   out), and in each the total and every part are written figures, not zero, to one
///   precision, none standing one column off (TAB002).
/// - In each column the sum misses the total by less than its smallest part (so no part
///   left out, counted twice or of the wrong sign explains it) and by at most 2 % of the
///   total (a key-figure list's "Totalt" under figures of other things is far off).
fn misprinted_everywhere(
    view: &TableView,
    t: usize,
    rows: &[usize],
    cols: &[usize],
    reading: &str,
) -> Option<String> {
    use crate::grammar::number::{format_decimal, Style, Unit};
    use rust_decimal::Decimal;
    let money = |m: &str| matches!(m, "kr" | "tkr" | "mnkr");
    if reading != "the rows above it" || rows.len() < 2 || cols.len() < 2 {
        return None;
    }
    if !matches!(view.table.unit, Unit::Kr | Unit::Tkr | Unit::Mnkr) {
        return None;
    }
    let label = view.label(t);
    let label = label.trim_end_matches(':').trim();
    if !view.vocab.is_sum_label(label)
        || crate::check::view::label_measure(view.vocab, label).is_some_and(|m| !money(m))
    {
        return None;
    }
    // The reader's doubts anywhere in the table.
    let table = view.table;
    if !table.ambiguities.is_empty() || !table.realigned.is_empty() || !table.unread_rows.is_empty()
    {
        return None;
    }
    // The parts: one unbroken run of rows of figures ending right above the total, only
    // headings without figures between it and the header or the total above.
    let start = (0..t).rev().find(|&r| view.totals[r]).map_or(0, |p| p + 1);
    let first = rows[0];
    if rows.iter().copied().ne(first..t) {
        return None;
    }
    let no_figure = |r: usize| (0..view.cols()).all(|c| view.figure(r, c).is_none());
    if (start..first).any(|r| !view.headings[r] || !no_figure(r)) {
        return None;
    }
    let sub_item = |l: &str| {
        view.vocab
            .lookup_prefix("statements", l)
            .is_some_and(|(k, _)| k == "sub_item")
    };
    for &r in rows {
        let l = view.label(r);
        let plain = view.is_data(r)
            && l.chars().next().is_some_and(char::is_alphabetic)
            && view.vocab.total_kind(&l).is_none()
            && crate::check::view::label_measure(view.vocab, &l).is_none()
            && !sub_item(&l);
        if !plain {
            return None;
        }
    }
    if (start..=t).any(|r| table.rows[r].cells.iter().any(|c| c.unread.is_some())) {
        return None;
    }
    // Every figure column an amount column the total is compared in.
    if (0..view.cols()).any(|c| view.numeric(c) && !cols.contains(&c))
        || cols
            .iter()
            .any(|&c| !matches!(view.kinds[c], ColumnKind::Money | ColumnKind::Plain))
    {
        return None;
    }
    if (0..view.rows()).any(|p| p != t && view.totals[p] && !closes_somewhere(view, p)) {
        return None;
    }
    let mut gaps = Vec::with_capacity(cols.len());
    for &c in cols {
        let found = view.figure(t, c)?;
        let decimals = table.rows[t].cells.get(c)?.decimals;
        if found.nominal.is_zero() {
            return None;
        }
        let mut smallest: Option<Decimal> = None;
        for &r in rows {
            let f = view.figure(r, c)?;
            if f.nominal.is_zero() || table.rows[r].cells.get(c)?.decimals != decimals {
                return None;
            }
            let a = f.nominal.abs();
            smallest = Some(smallest.map_or(a, |s| s.min(a)));
        }
        let cmp = compare(column_sum(view, rows, c)?, found);
        if cmp.holds || misaligned_to(view, rows, t, c, found).is_some() {
            return None;
        }
        let gap = (cmp.expected - cmp.found).abs();
        if gap >= smallest? || gap * Decimal::from(50) > found.nominal.abs() {
            return None;
        }
        gaps.push(format_decimal(gap.normalize(), Style::default()));
    }
    let from = match (0..t).rev().find(|&r| view.totals[r]) {
        Some(p) => format!("\"{}\"", view.label(p).trim_end_matches(':').trim()),
        None => "the header".to_string(),
    };
    let columns = match cols.len() {
        2 => "both its columns".to_string(),
        n => format!("all its {n} columns"),
    };
    let (last, rest) = gaps.split_last()?;
    Some(format!(
        "the {} rows between {from} and \"{label}\" are all read, each with a figure in every column, and it fails in {columns} by little ({} and {last} off, each less than its smallest part and 2 % of the total), so the record, not the reading, is off",
        rows.len(),
        rest.join(", ")
    ))
}

/// Whether the parts of column `c` are shares that make 100 % (within rounding) while the
/// total row `t` prints another percentage: a percent column, or figures between 0 and
/// 100 some written with decimals, under a total that is one too.
fn shares_of_a_whole(view: &TableView, rows: &[usize], t: usize, c: usize, sum: &Interval) -> bool {
    use rust_decimal::Decimal;
    let hundred = Decimal::ONE_HUNDRED;
    if !sum.meets(&Interval::exact(hundred)) {
        return false;
    }
    if view.kinds[c] == ColumnKind::Percent {
        return true;
    }
    let within = |v: Decimal| Decimal::ZERO <= v && v <= hundred;
    let parts: Vec<&crate::table::Cell> = rows
        .iter()
        .filter_map(|&r| view.table.rows[r].cells.get(c))
        .filter(|cell| cell.value.is_some())
        .collect();
    view.figure(t, c).is_some_and(|f| within(f.nominal))
        && parts.len() >= 2
        && parts.iter().all(|cell| cell.value.is_some_and(within))
        && parts.iter().any(|cell| cell.decimals > 0)
}

/// The columns where total row `t` is the average of its parts' figures weighted by
/// another column `w` it sums (parts and total of `w` written, none negative, the sum
/// holding): `Some((w, columns))` when two columns at least are such averages — one could
/// be chance, two show the row's kind. The weighted average keeps every part's rounding;
/// the weights count as written.
fn weighted_average_columns(
    view: &TableView,
    rows: &[usize],
    t: usize,
    columns: &[TotalColumn],
) -> Option<(usize, Vec<usize>)> {
    let failing: Vec<usize> = columns
        .iter()
        .filter(|c| !c.comparison.holds)
        .map(|c| c.col)
        .collect();
    columns
        .iter()
        .filter(|c| c.comparison.holds)
        .map(|c| c.col)
        .filter(|&w| {
            rows.iter().all(|&r| {
                view.figure(r, w)
                    .is_some_and(|f| !f.nominal.is_sign_negative())
            })
        })
        .filter_map(|w| {
            // The weights taken as written: counted things (pupils, places) are exact, and
            // their rounding would widen the average past telling anything.
            let weights: Vec<Interval> = rows
                .iter()
                .filter_map(|&r| view.figure(r, w).map(|f| Interval::exact(f.nominal)))
                .collect();
            let whole = Interval::sum(weights.iter().copied());
            let averaged: Vec<usize> = failing
                .iter()
                .copied()
                .filter(|&c| {
                    let (Some(found), Some(parts)) = (
                        view.figure(t, c),
                        rows.iter()
                            .map(|&r| view.part(r, c))
                            .collect::<Option<Vec<_>>>(),
                    ) else {
                        return false;
                    };
                    let weighted =
                        Interval::sum(parts.iter().zip(&weights).map(|(p, w)| p.times(*w)));
                    weighted
                        .divided_by(whole)
                        .is_some_and(|avg| avg.meets(&found))
                })
                .collect();
            (averaged.len() >= 2).then_some((w, averaged))
        })
        .next()
}

/// Whether total row `t`'s figure in column `c` lies within its parts' figures (the
/// smallest and largest written part other than zero), or at most one part is other
/// than zero: where an average would lie.
fn among_parts(view: &TableView, rows: &[usize], t: usize, c: usize) -> bool {
    let Some(found) = view.figure(t, c) else {
        return false;
    };
    let parts = written_parts_not_zero(view, rows, c);
    let (Some(lo), Some(hi)) = (parts.iter().min(), parts.iter().max()) else {
        return false;
    };
    parts.len() < 2 || (*lo <= found.nominal && found.nominal <= *hi)
}

/// The written figures of `rows` in column `c` other than zero (blanks and zeros say
/// nothing of where a total lies among its parts).
fn written_parts_not_zero(
    view: &TableView,
    rows: &[usize],
    c: usize,
) -> Vec<rust_decimal::Decimal> {
    rows.iter()
        .filter_map(|&r| view.figure(r, c).map(|f| f.nominal))
        .filter(|v| !v.is_zero())
        .collect()
}

/// A column named for a message: its header, or its place when it has none.
fn column_place(view: &TableView, c: usize) -> String {
    let name = view.column_name(c);
    if name.trim().is_empty() {
        format!("column {}", c + 1)
    } else {
        name
    }
}

/// Whether the total of row `t` in column `c` is nearer zero than one of its parts
/// `rows` while every written part has the total's sign (zeros aside).
fn smaller_than_a_part(view: &TableView, rows: &[usize], t: usize, c: usize) -> bool {
    let Some(total) = view.figure(t, c) else {
        return false;
    };
    let parts = written_parts_not_zero(view, rows, c);
    let negative = total.nominal.is_sign_negative();
    !total.nominal.is_zero()
        && parts.iter().all(|v| v.is_sign_negative() == negative)
        && parts.iter().any(|v| v.abs() > total.nominal.abs())
}

/// Whether `rows` begin at the table's first row and the table states nothing above it: no
/// title, no column named, no label header.
fn headless_from_top(view: &TableView, rows: &[usize]) -> bool {
    let t = view.table;
    rows.first() == Some(&0)
        && t.title.as_deref().is_none_or(|s| s.trim().is_empty())
        && t.label_header
            .as_deref()
            .is_none_or(|s| s.trim().is_empty())
        && t.columns.iter().all(|c| c.trim().is_empty())
}

/// Whether in every column of `cols` the total `t` differs from the sum of `rows` by at
/// least the smallest of them: a part left out (or several) may explain it.
fn short_by_a_part(view: &TableView, rows: &[usize], t: usize, cols: &[usize]) -> bool {
    !cols.is_empty()
        && cols.iter().all(|&c| {
            let parts: Vec<rust_decimal::Decimal> = rows
                .iter()
                .filter_map(|&r| view.figure(r, c).map(|f| f.nominal))
                .collect();
            let (Some(total), Some(smallest)) = (
                view.figure(t, c).map(|f| f.nominal),
                parts.iter().map(|p| p.abs()).min(),
            ) else {
                return false;
            };
            let sum: rust_decimal::Decimal = parts.iter().sum();
            (total - sum).abs() >= smallest
        })
}

/// The rows a total's parts are taken from: from just after the total above the first part
/// (or the table's first row) to the total `t`, rows with no figure in its columns included.
fn stretch_above(view: &TableView, rows: &[usize], t: usize) -> Vec<usize> {
    let first = rows.first().copied().unwrap_or(t);
    let start = (0..first)
        .rev()
        .find(|&r| view.totals[r])
        .map_or(0, |r| r + 1);
    (start..t).collect()
}

/// The first of `rows` whose label is a bare figure: no letter, but a digit ("511",
/// "- 3 157"), a figure the reader took for the row's label.
fn figure_labeled(view: &TableView, rows: &[usize]) -> Option<usize> {
    rows.iter().copied().find(|&r| {
        let label = view.label(r);
        label.chars().any(|ch| ch.is_ascii_digit()) && !label.chars().any(char::is_alphabetic)
    })
}

/// Whether row `p`, read as a total, is the sum of some reading of the rows above it
/// in at least one column.
fn closes_somewhere(view: &TableView, p: usize) -> bool {
    candidates(view, p).iter().any(|(_, rows)| {
        (0..view.cols()).any(|c| {
            view.numeric(c)
                && matches!(
                    (column_sum(view, rows, c), view.figure(p, c)),
                    (Some(sum), Some(found)) if sum.meets(&found)
                )
        })
    })
}

/// A group total standing above its rows with no other group in its table is read when it
/// closes at least this many rows …
const LONE_GROUP_ROWS: usize = 3;
/// … adding up to it in at least this many amount columns.
const LONE_GROUP_COLUMNS: usize = 3;

/// Group totals written above their rows ("Socialnämnd" over "Äldreomsorg" …
/// "Förvaltningsstab"): a row no label names as a total, followed by at least two rows
/// that add up to it in at least three columns of non-zero figures and in most of its
/// columns. The rows it closes are the run under it that adds up in the most columns.
/// Only in a table where at least two such groups are found, or where a lone group closes
/// three or more rows adding up in three or more columns, is the reading certain enough to
/// report the columns where one fails (SUM003).
pub fn above(view: &TableView, claimed: &[usize], below: &[Total]) -> Vec<Total> {
    const MAX_GROUP: usize = 60;
    let n = view.rows();
    let taken: Vec<usize> = below.iter().map(|t| t.row).collect();
    let plain =
        |r: usize| view.is_data(r) && !view.totals[r] && !view.headings[r] && !claimed.contains(&r);
    // Labeled totals standing last ("Skatteinkomster sammanlagt" under its parts): the
    // row ends in a total word and the run above it adds up to it in more columns than
    // any run under it does.
    let closing: Vec<Total> = (0..n)
        .filter(|&r| plain(r) && !taken.contains(&r))
        .filter_map(|r| {
            let up = stated_run(view, r, &plain, Direction::Above, false)?;
            let down = stated_run(view, r, &plain, Direction::Below, false);
            let holding = |t: &Total| t.columns.iter().filter(|c| c.comparison.holds).count();
            (down.is_none_or(|d| holding(&d) < holding(&up))).then_some(up)
        })
        .collect();
    let closing_rows: Vec<usize> = closing.iter().map(|t| t.row).collect();
    // A bare total word standing first ("I alt", "Totalt", "Yhteensä" as the first row of
    // a statistics table, the regions under it), or a label naming the whole area ("Hele
    // landet", "Hela riket", "Koko maa": totals.vocab `whole_area`) there: nothing above
    // it to close, so it states the sum of the rows under it.
    let first_stated: Vec<Total> = (0..n)
        .filter_map(|r| {
            let label = view.label(r);
            let bare_total = view.totals[r] && view.vocab.is_sum_label(&label);
            let whole_area = view.vocab.is_whole_area(&label) && plain(r);
            let first = (bare_total || whole_area)
                && !taken.contains(&r)
                && !claimed.contains(&r)
                && (0..r).all(|x| view.headings[x]);
            if !first {
                return None;
            }
            let below = |x: usize| x != r && plain(x);
            stated_run(view, r, &below, Direction::Below, true)
        })
        .collect();
    let first_rows: Vec<usize> = first_stated.iter().map(|t| t.row).collect();
    let member = |r: usize| plain(r) && !closing_rows.contains(&r) && !first_rows.contains(&r);
    let mut out = Vec::new();
    // Labeled totals standing first ("Verksamhetens intäkter totalt" over its parts):
    // their label states the sum, so one is enough.
    let mut stated = closing;
    stated.extend(first_stated);
    let mut r = 0;
    while r < n {
        if !member(r) || taken.contains(&r) {
            r += 1;
            continue;
        }
        if let Some(total) = stated_run(view, r, &member, Direction::Below, false) {
            r = total.rows.last().map_or(r, |&l| l) + 1;
            stated.push(total);
            continue;
        }
        // Amounts only: percentages (a change in %) do not add up over rows.
        let cols: Vec<usize> = (0..view.cols())
            .filter(|&c| {
                matches!(
                    view.kinds.get(c),
                    Some(ColumnKind::Money | ColumnKind::Plain)
                ) && view.figure(r, c).is_some_and(|f| !f.nominal.is_zero())
            })
            .collect();
        // The extent under it that adds up in the most columns (the shortest of equals).
        let best = run_scores(view, r, &cols, &member, MAX_GROUP)
            .into_iter()
            .fold(None, |best: Option<(usize, usize)>, (k, holds)| {
                if best.is_none_or(|(_, h)| holds > h) {
                    Some((k, holds))
                } else {
                    best
                }
            });
        let Some((k, holds)) = best else {
            r += 1;
            continue;
        };
        if holds < 3 || holds * 2 <= cols.len() {
            r += 1;
            continue;
        }
        let rows: Vec<usize> = (r + 1..=r + k).collect();
        let columns = cols
            .iter()
            .filter_map(|&c| {
                let sum = column_sum(view, &rows, c)?;
                let found = view.figure(r, c)?;
                let ambiguous = view
                    .table
                    .ambiguities
                    .iter()
                    .find(|a| a.row == r || rows.contains(&a.row))
                    .map(|a| view.label(a.row));
                let comparison = compare(sum, found);
                // A group read from the table's arithmetic, not from a label: a column
                // where its figure lies within its parts' range (an average, a ratio or a
                // change of the group's, as percentages are) says nothing of a sum.
                let within = !comparison.holds && {
                    let parts: Vec<rust_decimal::Decimal> =
                        rows.iter().filter_map(|&x| view.figure(x, c).map(|f| f.nominal)).collect();
                    let lo = parts.iter().min();
                    let hi = parts.iter().max();
                    // With one part other than zero there is no sum to see either.
                    parts.iter().filter(|v| !v.is_zero()).count() < 2
                        || lo.zip(hi).is_some_and(|(lo, hi)| {
                            *lo <= found.nominal && found.nominal <= *hi
                        })
                };
                let undecided = ambiguous
                    .map(|row| {
                        format!("not decided: the row \"{row}\" could not be read unambiguously (TAB001)")
                    })
                    .or_else(|| {
                        within.then(|| {
                            "not decided: its figure here lies within its parts' figures (or one part alone is not zero), as an average, a ratio or a change of the group's would, so this column may hold no sum".to_string()
                        })
                    });
                Some(TotalColumn {
                    col: c,
                    comparison,
                    shifted_from: None,
                    undecided,
                    every: None,
                })
            })
            .collect();
        out.push(Total {
            row: r,
            labeled: false,
            reading: "the rows under it",
            rows,
            columns,
        });
        // Go on after the rows it closes (no group inside a group).
        r += k + 1;
    }
    // One row that happens to equal the rows under it ("50 %" over two "25 %" rows) is
    // a coincidence; a table laid out in groups shows it at least twice. A lone group is
    // read only when three or more rows add up to it in three or more amount columns (a
    // politikområde over its emner in three of four budget years): rounded figures do not
    // meet such sums by chance, so the rows are the group's, in every column — when every
    // row under it is written wherever it has a figure: a part left blank or marked not
    // available ("…") in one column says the breakdown is not whole there, and a total
    // over columns may count what was never broken down.
    if out.len() < 2 {
        out.retain(|t| {
            let whole = (0..view.cols())
                .filter(|&c| view.numeric(c) && view.figure(t.row, c).is_some())
                .all(|c| t.rows.iter().all(|&x| view.figure(x, c).is_some()));
            whole
                && t.rows.len() >= LONE_GROUP_ROWS
                && t.columns.iter().filter(|c| c.comparison.holds).count() >= LONE_GROUP_COLUMNS
        });
    }
    out.extend(stated);
    out
}

/// The label of the first row of the total `t` or its parts `rows` that the reader could
/// not split into cells unambiguously (TAB001): its figures may not be the record's.
fn ambiguous_row(view: &TableView, t: usize, rows: &[usize]) -> Option<String> {
    view.table
        .ambiguities
        .iter()
        .find(|a| a.row == t || rows.contains(&a.row))
        .map(|a| view.label(a.row))
}

/// For each run of two or more rows under row `r` (at most `max` rows, all `member`s):
/// its length and the number of `cols` where its rows add up to `r`'s figure (every part
/// a figure or blank, at least one written). Running sums, so a table costs its rows times
/// `max`, not its rows cubed.
fn run_scores(
    view: &TableView,
    r: usize,
    cols: &[usize],
    member: &dyn Fn(usize) -> bool,
    max: usize,
) -> Vec<(usize, usize)> {
    let rows: Vec<usize> = (r + 1..view.rows())
        .take_while(|&x| member(x))
        .take(max)
        .collect();
    scores_over(view, r, cols, &rows)
}

/// The scores of [`run_scores`] for the runs `rows[..k]`, `k` from 2: the rows in the
/// order they are added (downwards under a total standing first, upwards over one
/// standing last).
fn scores_over(view: &TableView, r: usize, cols: &[usize], rows: &[usize]) -> Vec<(usize, usize)> {
    let mut acc: Vec<(Interval, bool, bool)> =
        vec![(Interval::exact(rust_decimal::Decimal::ZERO), false, true); cols.len()];
    let mut scores = Vec::new();
    for (i, &row) in rows.iter().enumerate() {
        for (a, &c) in acc.iter_mut().zip(cols) {
            match view.part(row, c) {
                Some(p) => {
                    a.0 = a.0.plus(p);
                    a.1 |= view.figure(row, c).is_some();
                }
                None => a.2 = false,
            }
        }
        let k = i + 1;
        if k < 2 {
            continue;
        }
        let holds = acc
            .iter()
            .zip(cols)
            .filter(|(a, &c)| a.1 && a.2 && view.figure(r, c).is_some_and(|f| a.0.meets(&f)))
            .count();
        scores.push((k, holds));
    }
    scores
}

/// Where the parts of a labeled total named by its last words stand.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// Under it: "Verksamhetens intäkter totalt" standing first.
    Below,
    /// Above it: "Skatteinkomster sammanlagt" closing the rows before it.
    Above,
}

/// Whether row `r` has no figure other than 0 in any of `cols`: adding it changes no sum.
fn silent_row(view: &TableView, r: usize, cols: &[usize]) -> bool {
    cols.iter()
        .all(|&c| view.figure(r, c).is_none_or(|f| f.nominal.is_zero()))
}

/// A total whose label ends in a total word after the words naming what it sums
/// ("Verksamhetens intäkter totalt", "Skatteinkomster sammanlagt", "Udgifter i alt"),
/// over the run of rows next to it that adds up to it: under it when it stands first,
/// above it when it closes them. The run's extent is the one under which it holds in the
/// most amount columns (a change in percent, "Förändring, %", never adds); extents that
/// differ only by rows blank or zero in those columns are one reading (the shortest is
/// taken), others holding in as many leave the reading not certain and give none. At
/// least two rows are added. Standing first, a column where it then fails is decided
/// only when it holds in two other columns and the failing column's header names it (a
/// column no header names may be a rate or a change, which does not add up); otherwise
/// the failing column is not read as a relation of the record. Standing last, such a
/// column is checked and reported as not decided (info).
///
/// `bare`: the label is a total word alone standing first in its table ("I alt" over the
/// regions of a statistics table). Its run is then every row under it up to the next
/// total, heading or the table's end (a total over some of them would be a group's, with
/// its own label), and a column where it fails is decided only when its figures are
/// written to the precision of a column where it holds: a column of another precision
/// (a change or rate written to one decimal beside whole amounts) may hold no amounts.
fn stated_run(
    view: &TableView,
    r: usize,
    member: &dyn Fn(usize) -> bool,
    direction: Direction,
    bare: bool,
) -> Option<Total> {
    const MAX_GROUP: usize = 60;
    let label = view.label(r);
    let head = label_before_note(&label);
    if !bare && !view.vocab.ends_in_sum_phrase(head) {
        return None;
    }
    let cols: Vec<usize> = (0..view.cols())
        .filter(|&c| {
            matches!(
                view.kinds.get(c),
                Some(ColumnKind::Money | ColumnKind::Plain)
            ) && !relative_change(view, c)
                && view.figure(r, c).is_some_and(|f| !f.nominal.is_zero())
        })
        .collect();
    if cols.is_empty() {
        return None;
    }
    let run: Vec<usize> = match direction {
        Direction::Below => (r + 1..view.rows())
            .take_while(|&x| member(x))
            .take(MAX_GROUP)
            .collect(),
        Direction::Above => (0..r)
            .rev()
            .take_while(|&x| member(x))
            .take(MAX_GROUP)
            .collect(),
    };
    let scores = scores_over(view, r, &cols, &run);
    let most = scores.iter().map(|s| s.1).max().filter(|&h| h > 0)?;
    let at_most: Vec<usize> = scores.iter().filter(|s| s.1 == most).map(|s| s.0).collect();
    let (&k, longer) = at_most.split_first()?;
    let same_reading = longer
        .iter()
        .all(|&l| run[k..l].iter().all(|&x| silent_row(view, x, &cols)));
    if !same_reading || direction == Direction::Below && !longer.is_empty() {
        return None;
    }
    // A bare total closes every row under it: its run must reach the next total, heading
    // or the table's end, and add up in at least two columns.
    if bare && (k != run.len() || run.len() >= MAX_GROUP || most < 2) {
        return None;
    }
    let holds = most;
    let mut rows: Vec<usize> = run[..k].to_vec();
    rows.sort_unstable();
    // The unit of a column's figures in the total and its parts, when they share one.
    let unit_of = |c: usize| -> Option<rust_decimal::Decimal> {
        let mut units = std::iter::once(r)
            .chain(rows.iter().copied())
            .filter_map(|x| view.figure(x, c))
            .map(|f| f.hi - f.lo);
        let u = units.next()?;
        units.all(|v| v == u).then_some(u)
    };
    let holding_units: Vec<rust_decimal::Decimal> = if bare {
        cols.iter()
            .filter(|&&c| {
                let (Some(sum), Some(found)) = (column_sum(view, &rows, c), view.figure(r, c))
                else {
                    return false;
                };
                sum.meets(&found)
            })
            .filter_map(|&c| unit_of(c))
            .collect()
    } else {
        Vec::new()
    };
    let ambiguous = ambiguous_row(view, r, &rows);
    let columns = cols
        .iter()
        .filter_map(|&c| {
            let sum = column_sum(view, &rows, c)?;
            let found = view.figure(r, c)?;
            let comparison = compare(sum, found);
            let named = !view.column_name(c).trim().is_empty();
            let other_precision =
                bare && unit_of(c).is_none_or(|u| !holding_units.contains(&u));
            let uncertain = !comparison.holds && (holds < 2 || !named || other_precision);
            if uncertain && direction == Direction::Below {
                return None;
            }
            let joined = run_together(view, &rows, r, c)
                .filter(|_| !comparison.holds)
                .map(|x| two_cells_as_one(view, x));
            let undecided = joined
                .or_else(|| ambiguous.as_ref().map(|row| {
                    format!(
                        "not decided: the row \"{row}\" could not be read unambiguously (TAB001)"
                    )
                }))
                .or_else(|| {
                    uncertain.then(|| {
                        format!(
                            "not decided: \"{}\" is read as the sum of the rows above it only where they add up to it, in {holds} column{}{}",
                            head.trim_end_matches(':'),
                            if holds == 1 { "" } else { "s" },
                            if named { "" } else { ", and this column has no header naming what it holds" }
                        )
                    })
                });
            Some(TotalColumn {
                col: c,
                comparison,
                shifted_from: None,
                undecided,
                every: None,
            })
        })
        .collect();
    Some(Total {
        row: r,
        labeled: true,
        reading: match direction {
            Direction::Below => "the rows under it",
            Direction::Above => "the rows above it",
        },
        rows,
        columns,
    })
}

/// A label's own words before a note the record runs into it: "Verksamhetsintäkter
/// sammanlagt Verksamhetsintäkterna visas separat från externa poster." is the row
/// "Verksamhetsintäkter sammanlagt" and a sentence after it (a web page's tooltip). The
/// note is a sentence ending in a full stop that begins with a capital after the label's
/// first words; without one the label is returned whole.
fn label_before_note(label: &str) -> &str {
    let t = label.trim();
    if !t.ends_with('.') {
        return t;
    }
    let mut starts = t
        .char_indices()
        .filter(|&(i, ch)| i > 0 && ch.is_uppercase() && t[..i].ends_with(' '))
        .map(|(i, _)| i);
    match starts.next() {
        Some(i) if !t[i..].trim_end_matches('.').contains(". ") => t[..i].trim_end(),
        _ => t,
    }
}

/// A failing total whose figure equals the sum of a neighbouring column: an extraction
/// that shifted the row, not an error of the record.
fn misaligned_to(
    view: &TableView,
    rows: &[usize],
    t: usize,
    c: usize,
    found: Interval,
) -> Option<usize> {
    [c.checked_sub(1), Some(c + 1)]
        .into_iter()
        .flatten()
        .filter(|&d| d < view.cols() && view.numeric(d))
        .find(|&d| {
            let shifted_cell_free =
                view.figure(t, d).is_none() || view.figure(t, d).is_some_and(|v| v != found);
            shifted_cell_free && column_sum(view, rows, d).is_some_and(|s| s.meets(&found))
        })
}

/// The first of the parts `rows` of the total `t` whose cells in column `c` and a
/// neighbouring column may be the figures of two cells read as one: flat text, one of
/// the two cells empty and the other written in two or more digit groups and read larger
/// than the total of its column ("127 299 |  | 121 425 124 263" under a total of
/// 266 858). Where the empty cell's figure went, the row does not say.
fn run_together(view: &TableView, rows: &[usize], t: usize, c: usize) -> Option<usize> {
    if view.table.source != crate::table::TableSource::Flat {
        return None;
    }
    let grouped = |s: &str| {
        let d: Vec<char> = s.trim().chars().collect();
        d.windows(3).any(|w| {
            w[0].is_ascii_digit()
                && matches!(w[1], ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
                && w[2].is_ascii_digit()
        })
    };
    let empty = |r: usize, d: usize| {
        d < view.cols() && view.numeric(d) && view.raw(r, d).is_none_or(|s| s.trim().is_empty())
    };
    // A part read larger than its column's total cannot be one part as read.
    let too_large = |r: usize, x: usize| {
        view.raw(r, x).is_some_and(grouped)
            && matches!(
                (view.figure(r, x), view.figure(t, x)),
                (Some(part), Some(total)) if part.nominal.abs() > total.nominal.abs()
            )
    };
    let pair = |r: usize, a: usize, b: usize| {
        too_large(r, a) && empty(r, b) || too_large(r, b) && empty(r, a)
    };
    rows.iter().copied().find(|&r| {
        c.checked_sub(1).is_some_and(|d| pair(r, d, c)) || c + 1 < view.cols() && pair(r, c, c + 1)
    })
}

/// The "not decided" reason for a row [`run_together`] finds.
fn two_cells_as_one(view: &TableView, r: usize) -> String {
    format!(
        "not decided: the row \"{}\" has an empty cell beside a figure written in digit groups, so the figures of two cells may have been read as one",
        view.label(r).trim()
    )
}

/// Whether the cell at (`r`, `c`) and a neighbour in its row may be one figure the reader
/// split at a thousands space: a cell of one to three digits beside a cell that begins
/// with a group of three ("2" | "105,0" for "2 105,0"; "1" | "268" for "1 268"). Which
/// of the two readings the record means the row does not say.
fn split_from_neighbour(view: &TableView, r: usize, c: usize) -> bool {
    // Only flat text leaves the cells' borders to the reader; a PDF's geometry, a
    // delimited line and a document's table cells give them.
    if view.table.source != crate::table::TableSource::Flat {
        return false;
    }
    let lead = |s: &str| {
        let d = s
            .trim()
            .trim_start_matches(['-', '\u{2013}', '\u{2212}'])
            .trim_start();
        (1..=3).contains(&d.len()) && d.chars().all(|ch| ch.is_ascii_digit()) && !d.starts_with('0')
    };
    let group = |s: &str| {
        let t = s.trim();
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        digits == 3
            && t[3..]
                .chars()
                .next()
                .is_none_or(|ch| ch == ',' || ch == ' ')
    };
    let raw = |c: usize| view.raw(r, c).filter(|s| !s.trim().is_empty());
    let Some(this) = raw(c) else {
        return false;
    };
    let right = raw(c + 1).is_some_and(|next| lead(this) && group(next));
    let left = c
        .checked_sub(1)
        .and_then(raw)
        .is_some_and(|prev| lead(prev) && group(this));
    right || left
}

/// A part of the total whose first figure stands in column `c` and may begin with a note
/// reference glued to it ([`TableView::leading_note`]), where the total holds without
/// that leading digit group: the part's cell as written.
fn glued_note_part(
    view: &TableView,
    rows: &[usize],
    c: usize,
    sum: Interval,
    found: Interval,
) -> Option<String> {
    rows.iter().find_map(|&r| {
        let (col, shift, raw) = view.leading_note(r)?;
        let less = sum.minus(Interval::exact(shift));
        (col == c && compare(less, found).holds).then(|| format!("\"{raw}\""))
    })
}
