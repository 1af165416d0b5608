//! Relations between columns: a column that is the difference or sum of others, row by
//! row. What a column's header states decides the reading and the rule; each rule's file
//! says which headers are its own: REL001 (a difference, `rel001::states_difference`),
//! BAL001 (a closing balance, `bal001::states_balance`), SUM002 (a total,
//! `sum002::states_total`), REL002 (nothing stated).

use super::rel001;
use crate::arith::{compare, Comparison, Interval};
use crate::check::finding::Severity;
use crate::check::registry::Rule;
use crate::check::rules::bal::bal001;
use crate::check::rules::sum::{sum001, sum002};
use crate::check::view::{normalise, CellRef, ColumnKind, TableView};
use crate::check::{Relation, TableCx};
use crate::grammar::vocab::Vocabulary;
use std::collections::BTreeSet;

#[derive(Clone, Debug, PartialEq)]
enum Formula {
    /// a − b
    Diff(usize, usize),
    /// the sum of these columns
    Sum(Vec<usize>),
}

impl Formula {
    fn inputs(&self) -> Vec<usize> {
        match self {
            Formula::Diff(a, b) => vec![*a, *b],
            Formula::Sum(v) => v.clone(),
        }
    }
}

/// What a column's header states about the column.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Stated {
    Difference,
    Total,
    Balance,
    Nothing,
}

/// What column `c`'s header states.
pub fn stated(view: &TableView, c: usize) -> Stated {
    if net_inputs(view, c).is_some() {
        return Stated::Difference;
    }
    stated_by(&view.header(c), view.vocab)
}

/// A header's lower-case words and the years among them, when every word other than the
/// years is one of `key`'s words in `grammars/column_relations.vocab` (at least one).
fn only_words_of(header: &str, vocab: &Vocabulary, key: &str) -> Option<Vec<String>> {
    let h = normalise(header);
    let words: Vec<&str> = h
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let (years, rest): (Vec<&str>, Vec<&str>) =
        words.iter().partition(|w| crate::table::is_year_word(w));
    (!rest.is_empty()
        && rest
            .iter()
            .all(|w| crate::check::view::states(vocab, w, key)))
    .then(|| years.into_iter().map(str::to_string).collect())
}

/// The cost and income columns a net column stands for (`net`, `costs` and `incomes` in
/// `grammars/column_relations.vocab`): column `c` headed only by a net word ("Netto",
/// "netto 2017"), and exactly one other column of its kind headed only by a cost word
/// ("kulut", "Kostnader") and one only by an income word ("tulot", "Intäkter"), the three
/// naming the same years. The header then states the difference of the two, netto =
/// kulut − tulot, or tulot − kulut where the table nets the other way (the rows choose).
fn net_inputs(view: &TableView, c: usize) -> Option<(usize, usize)> {
    let vocab = view.vocab;
    let years = only_words_of(&view.header(c), vocab, "net")?;
    let of = |key: &str| -> Option<usize> {
        let found: Vec<usize> = (0..view.cols())
            .filter(|&d| d != c && view.kinds[d] == view.kinds[c])
            .filter(|&d| only_words_of(&view.header(d), vocab, key).is_some_and(|y| y == years))
            .collect();
        match found.as_slice() {
            [d] => Some(*d),
            _ => None,
        }
    };
    Some((of("costs")?, of("incomes")?))
}

fn stated_by(header: &str, vocab: &Vocabulary) -> Stated {
    let h = normalise(header);
    let words: Vec<&str> = h
        .split(|c: char| !c.is_alphanumeric() && c != ':')
        .filter(|w| !w.is_empty())
        .collect();
    if rel001::states_difference(vocab, &words) {
        Stated::Difference
    } else if bal001::states_balance(vocab, &words) {
        Stated::Balance
    } else if sum002::states_total(vocab, &words) || ends_in_total_header(vocab, header) {
        Stated::Total
    } else {
        Stated::Nothing
    }
}

/// Whether a header is a `total_header` phrase of `grammars/column_relations.vocab`
/// ("I alt", "Yhteensä"), or ends in one after words naming what it totals ("Skatteinngang
/// i alt", "Godkjente stemmer ialt", "Oppilaita yhteensä"): "X in all" is the total of X.
/// Which columns are its parts the table's rows decide ([`candidates`]); a phrase inside
/// the header ("Yhteensä ed syksy": last autumn's total) states no total of the row.
fn ends_in_total_header(vocab: &Vocabulary, header: &str) -> bool {
    let words = crate::grammar::vocab::normalize_words(header);
    (words.len().saturating_sub(2)..words.len()).any(|from| {
        let tail = words[from..].join(" ");
        (from == 0 || words[from - 1].chars().any(char::is_alphabetic))
            && vocab.lookup("column_relations", &tail) == Some("total_header")
    })
}

fn first_word(header: &str) -> String {
    normalise(header)
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_string()
}

fn candidates(view: &TableView, c: usize, stated: Stated) -> Vec<Formula> {
    if let Some((cost, income)) = net_inputs(view, c) {
        // Costs written as negative figures ("Kostnader −558,2") net by adding.
        return vec![
            Formula::Diff(cost, income),
            Formula::Diff(income, cost),
            Formula::Sum(vec![cost, income]),
        ];
    }
    let kind = view.kinds[c];
    let same: Vec<usize> = (0..view.cols())
        .filter(|&d| d != c && view.kinds[d] == kind)
        .collect();
    let mut out = Vec::new();
    if stated != Stated::Total {
        for &a in &same {
            for &b in &same {
                if a != b {
                    out.push(Formula::Diff(a, b));
                }
            }
        }
    }
    if stated != Stated::Difference {
        for (i, &a) in same.iter().enumerate() {
            for &b in &same[i + 1..] {
                out.push(Formula::Sum(vec![a, b]));
            }
        }
        // Contiguous columns of the same kind ending just left of the target.
        let mut run = Vec::new();
        for d in (0..c).rev() {
            if view.kinds[d] != kind {
                break;
            }
            run.insert(0, d);
            if run.len() >= 3 {
                out.push(Formula::Sum(run.clone()));
            }
        }
        // A stated total before its parts ("Total kostnad | Fast del | Effekt | Energi"):
        // the contiguous columns of the same kind just right of it, three or more, as the
        // run ending left of a total ("I alt | 0 år | … | 6 år | Dekningsgrad 1-5 år": a
        // rate may follow the parts).
        // Unnamed, the first figure column of a statistics table may be such a total too
        // ("Totalt" over header words no delimiter splits into columns): only
        // the table's arithmetic can say so, on the rows ([`analyse`]).
        let first_figures = (0..c).all(|d| !view.numeric(d) || view.kinds[d] == ColumnKind::Text);
        if stated == Stated::Total || stated == Stated::Nothing && first_figures {
            let run: Vec<usize> = (c + 1..view.cols())
                .take_while(|&d| view.kinds[d] == kind)
                .collect();
            for k in 3..=run.len() {
                let f = Formula::Sum(run[..k].to_vec());
                if !out.contains(&f) {
                    out.push(f);
                }
            }
        }
        // Columns sharing the target's first header word ("Kostnad 2019" … "Kostnad totalt").
        let stem = first_word(&view.header(c));
        if !stem.is_empty() {
            let group: Vec<usize> = (0..c)
                .filter(|&d| view.kinds[d] == kind && first_word(&view.header(d)) == stem)
                .collect();
            if group.len() >= 2 && !out.contains(&Formula::Sum(group.clone())) {
                out.push(Formula::Sum(group));
            }
        }
    }
    out
}

/// Evaluates the formula on row r; `None` when the row cannot be checked (target not
/// written, a part not a figure, no part written, or everything zero).
fn eval(view: &TableView, r: usize, c: usize, f: &Formula, strict: bool) -> Option<Comparison> {
    // A row of percentages in columns of amounts ("Kostnadstäckningsgrad 50 % 55 % 52 %"
    // under "2016 2017 2018 Totalt"): its total column is a rate of the period, not a sum
    // or difference of the row's rates.
    let percent_in_amounts = |d: usize| {
        view.kinds[d] != ColumnKind::Percent
            && view.table.rows[r]
                .cells
                .get(d)
                .is_some_and(|cell| cell.unit == crate::grammar::number::Unit::Percent)
    };
    if std::iter::once(c).chain(f.inputs()).any(percent_in_amounts) {
        return None;
    }
    // The first figure column over the run of columns right of it (a statistics table's
    // "Total | part | part | part"): a dash is a written zero there ("-": nil, as the
    // statistics offices mark it), so a row evidences the relation where at least two of
    // its parts are written figures other than zero and every other part is a dash. An
    // empty cell or a ".." (not known) leaves the row unchecked.
    if strict && first_column_run(view, c, f) {
        let dash = |d: usize| {
            view.table.rows[r]
                .cells
                .get(d)
                .is_some_and(|cell| matches!(cell.raw.trim(), "-" | "–" | "—"))
        };
        let written = f
            .inputs()
            .iter()
            .filter(|&&d| view.figure(r, d).is_some_and(|v| !v.nominal.is_zero()))
            .count();
        let all_read = f
            .inputs()
            .iter()
            .all(|&d| view.figure(r, d).is_some() || dash(d));
        if written < 2 || !all_read {
            return None;
        }
        return eval_cells(&|d| view.figure(r, d), &|d| view.part(r, d), c, f, false);
    }
    eval_cells(&|d| view.figure(r, d), &|d| view.part(r, d), c, f, strict)
}

/// A first-column total whose cell is one to three digits alone and whose first part is
/// exactly three ("1 | 804 | 194 …" where the page prints "1 804 194 …"): the two may be
/// one figure split at its thousands group, the row's cells all one column off. The joined
/// figure as written ("1 804").
fn split_total(view: &TableView, r: usize, c: usize, f: &Formula) -> Option<String> {
    if !first_column_run(view, c, f) {
        return None;
    }
    let cells = &view.table.rows.get(r)?.cells;
    let (total, next) = (cells.get(c)?.raw.trim(), cells.get(c + 1)?.raw.trim());
    let digits = |t: &str| !t.is_empty() && t.chars().all(|ch| ch.is_ascii_digit());
    (digits(total) && total.len() <= 3 && digits(next) && next.len() == 3)
        .then(|| format!("{total} {next}"))
}

/// Whether `f` sums the three or more columns right after `c`, the table's first figure
/// column ([`candidates`]: a total standing left of its parts).
fn first_column_run(view: &TableView, c: usize, f: &Formula) -> bool {
    let Formula::Sum(cols) = f else {
        return false;
    };
    cols.len() >= 3
        && cols.iter().enumerate().all(|(i, &d)| d == c + 1 + i)
        && (0..c).all(|d| !view.numeric(d) || view.kinds[d] == ColumnKind::Text)
}

/// [`eval`] over a row's cells given as `figure` (blank cells `None`) and `part` (blank
/// cells zero) per column: the row as read, or under another of its readings.
fn eval_cells(
    figure: &dyn Fn(usize) -> Option<Interval>,
    part: &dyn Fn(usize) -> Option<Interval>,
    c: usize,
    f: &Formula,
    strict: bool,
) -> Option<Comparison> {
    let found = figure(c)?;
    // A relation no header names is only evidenced by rows where every input is written:
    // blanks read as zeros make "x = x − 0" hold by accident.
    if strict
        && f.inputs()
            .iter()
            .any(|&d| figure(d).is_none_or(|v| v.nominal.is_zero()))
    {
        return None;
    }
    let expected = match f {
        Formula::Diff(a, b) => {
            let (va, vb) = (part(*a)?, part(*b)?);
            if figure(*a).is_none() && figure(*b).is_none() {
                return None;
            }
            va.minus(vb)
        }
        Formula::Sum(cols) => {
            let mut parts = Vec::with_capacity(cols.len());
            for &d in cols {
                parts.push(part(d)?);
            }
            if cols.iter().all(|&d| figure(d).is_none()) {
                return None;
            }
            Interval::sum(parts)
        }
    };
    if expected.nominal.is_zero()
        && found.nominal.is_zero()
        && f.inputs()
            .iter()
            .all(|&d| part(d).is_none_or(|v| v.nominal.is_zero()))
    {
        return None;
    }
    Some(compare(expected, found))
}

/// A relation through a row whose digit groups or figures make cells more than one way,
/// checked under every one of its readings (all listed: `Ambiguity::complete`).
struct UnderEvery {
    readings: usize,
    holding: usize,
    /// The failing reading closest to holding, when none holds.
    closest: Option<Comparison>,
}

/// The one reading of row `r` (an index into its listed readings) under which every
/// other relation between the table's columns that can be checked on the row holds, when
/// exactly one does and at least one such relation can be checked under every reading:
/// the table's other relations pick the row's reading. With the relations' names.
fn picked_reading(
    view: &TableView,
    all: &[Derived],
    except: usize,
    r: usize,
) -> Option<(usize, String)> {
    let every = view.every_reading_of(r)?;
    // Only relations the table states: every column named, or established by its own
    // arithmetic on enough telling rows (see `telling_rows`).
    let others: Vec<&Derived> = all
        .iter()
        .filter(|o| o.col != except && o.holds_somewhere())
        .filter(|o| {
            let unnamed = std::iter::once(o.col)
                .chain(o.formula.inputs())
                .any(|col| view.header(col).trim().is_empty());
            !unnamed || telling_rows(view, o, r) >= TELLING_ROWS
        })
        .collect();
    let mut evidence: Vec<&Derived> = Vec::new();
    let mut fitting: Vec<usize> = Vec::new();
    for (i, cells) in every.iter().enumerate() {
        let figure = |d: usize| {
            cells
                .get(d)
                .and_then(|&(v, blank)| if blank { None } else { v })
        };
        let part = |d: usize| cells.get(d).and_then(|&(v, _)| v);
        let mut fits = true;
        for o in &others {
            match eval_cells(
                &figure,
                &part,
                o.col,
                &o.formula,
                o.stated == Stated::Nothing,
            ) {
                Some(cmp) => fits &= cmp.holds,
                None => evidence.retain(|e| e.col != o.col),
            }
        }
        if i == 0 {
            // Relations checkable under the first reading; kept only if under every one.
            evidence = others
                .iter()
                .copied()
                .filter(|o| {
                    eval_cells(
                        &figure,
                        &part,
                        o.col,
                        &o.formula,
                        o.stated == Stated::Nothing,
                    )
                    .is_some()
                })
                .collect();
        }
        if fits {
            fitting.push(i);
        }
    }
    match (fitting.as_slice(), evidence.is_empty()) {
        ([i], false) => Some((
            *i,
            evidence
                .iter()
                .map(|e| {
                    format!(
                        "{} = {}",
                        shown(view, e.col, false),
                        formula_text(view, &e.formula)
                    )
                })
                .collect::<Vec<_>>()
                .join(", "),
        )),
        _ => None,
    }
}

/// `None` when the row's readings are not all listed, or the relation cannot be checked
/// under one of them (a blank where it needs a figure): then nothing certain is known.
fn under_every_reading(
    view: &TableView,
    r: usize,
    c: usize,
    f: &Formula,
    strict: bool,
) -> Option<UnderEvery> {
    let every = view.every_reading_of(r)?;
    let mut holding = 0;
    let mut closest: Option<Comparison> = None;
    for cells in &every {
        let figure = |d: usize| {
            cells
                .get(d)
                .and_then(|&(v, blank)| if blank { None } else { v })
        };
        let part = |d: usize| cells.get(d).and_then(|&(v, _)| v);
        let cmp = eval_cells(&figure, &part, c, f, strict)?;
        if cmp.holds {
            holding += 1;
        } else if closest.is_none_or(|k: Comparison| {
            (cmp.expected - cmp.found).abs() < (k.expected - k.found).abs()
        }) {
            closest = Some(cmp);
        }
    }
    Some(UnderEvery {
        readings: every.len(),
        holding,
        closest: (holding == 0).then_some(closest).flatten(),
    })
}

/// A column of the target's kind, outside the relation, that is blank or zero on every row
/// where the relation holds and whose figure on the failing row `r` closes the gap with
/// either sign ("Tilläggsanslag" written on one row of an investment table whose Avvikelse
/// is Budget + Tilläggsanslag − Utfall): the holding rows cannot show that it stays out of
/// the relation, so the failure is not decided.
fn silent_column_closing(
    view: &TableView,
    d: &Derived,
    r: usize,
    cmp: Comparison,
) -> Option<usize> {
    let inputs = d.formula.inputs();
    let holding: Vec<usize> = d
        .rows
        .iter()
        .filter(|(_, x)| x.holds)
        .map(|&(h, _)| h)
        .collect();
    if holding.is_empty() {
        return None;
    }
    (0..view.cols())
        .filter(|&k| {
            k != d.col
                && !inputs.contains(&k)
                && view.numeric(k)
                && view.kinds[k] == view.kinds[d.col]
        })
        .filter(|&k| {
            holding
                .iter()
                .all(|&h| view.figure(h, k).is_none_or(|v| v.nominal.is_zero()))
        })
        .find(|&k| {
            view.figure(r, k).is_some_and(|v| {
                let gap = cmp.found - cmp.expected;
                let tol = cmp.tolerance + v.slack();
                !v.nominal.is_zero()
                    && ((gap - v.nominal).abs() <= tol || (gap + v.nominal).abs() <= tol)
            })
        })
}

/// A header that names the relation over a table with exactly two other columns of its
/// kind leaves one reading (up to the order of a difference) even when no row confirms
/// it, e.g. a one-row "2017 | 2018 | Avvikelse" table: take the order closer to the figures.
fn only_reading(view: &TableView, c: usize, stated: Stated) -> Option<Formula> {
    if stated == Stated::Nothing {
        return None;
    }
    let kind = view.kinds[c];
    let same: Vec<usize> = (0..view.cols())
        .filter(|&d| d != c && view.kinds[d] == kind)
        .collect();
    let [a, b] = same.as_slice() else {
        return None;
    };
    let readings = match stated {
        Stated::Difference => vec![Formula::Diff(*a, *b), Formula::Diff(*b, *a)],
        _ => vec![Formula::Sum(vec![*a, *b])],
    };
    readings
        .into_iter()
        .filter_map(|f| {
            let gaps: Vec<rust_decimal::Decimal> = (0..view.rows())
                .filter_map(|r| eval(view, r, c, &f, false))
                .map(|cmp| (cmp.expected - cmp.found).abs())
                .collect();
            (!gaps.is_empty()).then(|| (gaps.into_iter().sum::<rust_decimal::Decimal>(), f))
        })
        .min_by(|x, y| x.0.cmp(&y.0))
        .map(|(_, f)| f)
}

/// A column that is the difference or sum of others, and the rows it can be checked on.
#[derive(Clone, Debug)]
pub struct Derived {
    pub col: usize,
    pub stated: Stated,
    formula: Formula,
    /// (row, comparison) for every row the relation can be checked on.
    rows: Vec<(usize, Comparison)>,
    /// The column of the same relation for another year that confirms this one (see
    /// [`parallels`]), when the rows alone do not.
    parallel: Option<usize>,
}

impl Derived {
    /// The rows where the relation fails, with their comparisons.
    pub fn failing(&self) -> impl Iterator<Item = (usize, Comparison)> + '_ {
        self.rows
            .iter()
            .filter(|(_, cmp)| !cmp.holds)
            .map(|&(r, cmp)| (r, cmp))
    }

    /// Whether the relation holds on some row.
    pub fn holds_somewhere(&self) -> bool {
        self.rows.iter().any(|(_, cmp)| cmp.holds)
    }

    /// Whether the column is the difference of two others.
    pub fn is_difference(&self) -> bool {
        matches!(self.formula, Formula::Diff(..))
    }
}

/// The fewest rows other than the failing one on which a relation over unnamed columns must
/// hold, each telling (see [`telling_rows`]), for a failure to be decided.
const TELLING_ROWS: usize = 4;

/// Whether a figure has at least three significant digits once its trailing zeros are
/// dropped (4 867, 12,5 → 125, 9 684; not 27,00, 120 or 5 000): at its own precision it
/// is one of at least a hundred values.
pub(crate) fn three_digits(v: rust_decimal::Decimal) -> bool {
    let mut m = v.normalize().mantissa().unsigned_abs();
    if m == 0 {
        return false;
    }
    while m % 10 == 0 {
        m /= 10;
    }
    m >= 100
}

/// The rows other than `r` that tell that a relation over unnamed columns is the table's
/// own: the relation holds there, the row was read unambiguously (an ambiguous row's
/// placement may have been chosen by its arithmetic), and the target and every input have
/// at least three significant digits. On such a row a sum or difference of two figures
/// written to whole units of their last digit is met within ±1,5 units, so a figure with
/// no relation to them meets it with a chance of at most about 3 in 100; on four rows
/// (3/100)^4 ≈ 10^-6, small enough even over the few hundred readings tried per table.
/// Counts (seats, votes, persons 1–20) and round figures coincide too easily to count.
fn telling_rows(view: &TableView, d: &Derived, r: usize) -> usize {
    let cols: Vec<usize> = std::iter::once(d.col).chain(d.formula.inputs()).collect();
    if cols.iter().any(|&c| view.kinds[c] == ColumnKind::Percent) {
        return 0;
    }
    // A sum of three or more columns: the chance that a figure with no relation to them
    // meets it is about its tolerance over its size, whatever the parts' digits; a row
    // tells where that is at most 1,5 in 100, as for two figures of three digits (±1,5
    // units against at least 100).
    let long_sum = matches!(&d.formula, Formula::Sum(v) if v.len() >= 3);
    let small_tolerance = |cmp: &Comparison| {
        !cmp.found.is_zero()
            && cmp.tolerance * rust_decimal::Decimal::from(200)
                <= cmp.found.abs() * rust_decimal::Decimal::from(3)
    };
    d.rows
        .iter()
        .filter(|&&(h, cmp)| {
            h != r
                && cmp.holds
                && !view.table.ambiguities.iter().any(|a| a.row == h)
                && (cols
                    .iter()
                    .all(|&c| view.figure(h, c).is_some_and(|v| three_digits(v.nominal)))
                    || long_sum && view.figure(h, d.col).is_some() && small_tolerance(&cmp))
        })
        .count()
}

/// Exact rows a stated total needs before the table's figures are read as exact.
const EXACT_ROWS: usize = 8;

/// The chance, at most, that figures rounded one by one make the table look exact.
const EXACT_CHANCE: f64 = 1e-3;

/// The chance that `m` figures, each rounded to the unit on its own (errors uniform on
/// ±1/2, independent), leave their sum within half a unit: the total of `m − 1` parts then
/// equals the sum of the printed parts (Irwin–Hall: 3/4 for two figures, 2/3 for three,
/// 0,45 for eight).
fn chance_exact(m: usize) -> f64 {
    let m = m.max(2);
    let n = m as f64;
    // The distribution function of the sum of m uniforms on [0, 1].
    let cdf = |x: f64| -> f64 {
        let mut total = 0.0;
        let mut binom = 1.0;
        let mut fact = 1.0;
        for k in 1..=m {
            fact *= k as f64;
        }
        for j in 0..=m {
            if (j as f64) > x {
                break;
            }
            let sign = if j % 2 == 0 { 1.0 } else { -1.0 };
            total += sign * binom * (x - j as f64).powi(m as i32);
            binom = binom * (n - j as f64) / (j as f64 + 1.0);
        }
        total / fact
    };
    cdf(n / 2.0 + 0.5) - cdf(n / 2.0 - 0.5)
}

/// The chance that at least `k` of `n` rows come out exact by rounding alone, each with
/// chance `q`.
fn tail(n: usize, k: usize, q: f64) -> f64 {
    let mut total = 0.0;
    for j in k..=n {
        let mut c = 1.0;
        for i in 0..j {
            c = c * (n - i) as f64 / (i + 1) as f64;
        }
        total += c * q.powi(j as i32) * (1.0 - q).powi((n - j) as i32);
    }
    total
}

/// Whether a stated total's rows show the table's figures exact as printed (head counts,
/// or totals made from the printed parts): every figure a whole number, the total the sum
/// of its parts to the unit on at least [`EXACT_ROWS`] rows read unambiguously, and so many
/// of the rows that hold exact that figures rounded one by one would do it with a chance
/// below [`EXACT_CHANCE`] (by the number of figures in the relation: two figures rounded
/// alone meet their rounded sum three times in four, eight figures less than half the time).
fn exact_as_printed(view: &TableView, rows: &[(usize, Comparison)], figures: usize) -> bool {
    let whole = |v: rust_decimal::Decimal| v.fract().is_zero();
    if rows.iter().any(|(r, c)| {
        !whole(c.expected) || !whole(c.found) || view.table.ambiguities.iter().any(|a| a.row == *r)
    }) {
        return false;
    }
    let exact = rows
        .iter()
        .filter(|(_, c)| c.holds && c.expected == c.found)
        .count();
    let near = rows
        .iter()
        .filter(|(_, c)| c.holds && c.expected != c.found)
        .count();
    exact >= EXACT_ROWS && tail(exact + near, exact, chance_exact(figures)) < EXACT_CHANCE
}

/// A column's name in a finding: its header, or its place when it has none.
fn shown(view: &TableView, c: usize, quoted: bool) -> String {
    let h = view.header(c);
    match (h.trim().is_empty(), quoted) {
        (true, _) => format!("column {}", c + 1),
        (false, true) => format!("\"{h}\""),
        (false, false) => h,
    }
}

/// A formula written with the columns' names ("Budget 2023 − Utfall 2023", "column 3").
fn formula_text(view: &TableView, f: &Formula) -> String {
    match f {
        Formula::Diff(a, b) => format!("{} − {}", shown(view, *a, false), shown(view, *b, false)),
        Formula::Sum(cols) => cols
            .iter()
            .map(|&d| shown(view, d, false))
            .collect::<Vec<_>>()
            .join(" + "),
    }
}

/// The relations of the derived columns whose header states `stated`, for `rule`.
pub fn relations(cx: &TableCx, stated: Stated, rule: &'static Rule, out: &mut Vec<Relation>) {
    let view = &cx.view;
    for d in cx.columns().iter().filter(|d| d.stated == stated) {
        let c = d.col;
        // A relation no header names rests on the columns' meanings alone: without a
        // header for the target and each input (a seat-allocation table, a regression
        // printout), what the columns mean is not known, so a failure is not decided —
        // unless the table's own arithmetic establishes it (`telling_rows`).
        let unnamed = std::iter::once(c)
            .chain(d.formula.inputs())
            .any(|col| view.header(col).trim().is_empty());
        let formula = formula_text(view, &d.formula);
        let exact = stated == Stated::Total
            && exact_as_printed(view, &d.rows, d.formula.inputs().len() + 1);
        let off_by_rounding = |cmp: &Comparison| exact && cmp.holds && cmp.expected != cmp.found;
        let holding = d
            .rows
            .iter()
            .filter(|(_, cmp)| cmp.holds && !off_by_rounding(cmp))
            .count();
        let checked = d.rows.len();
        for &(r, cmp) in &d.rows {
            // A table whose totals are the sums of its printed parts to the unit on every
            // other row prints exact figures: a gap rounding would explain elsewhere is
            // none here.
            let exact_why = off_by_rounding(&cmp).then(|| {
                format!(
                    "; the figures are exact as printed: on {holding} other rows the total is \
                     the sum of its parts to the unit, which figures rounded one by one would \
                     not give, so no rounding explains the gap"
                )
            });
            let cmp = if exact_why.is_some() {
                Comparison {
                    tolerance: rust_decimal::Decimal::ZERO,
                    holds: false,
                    ..cmp
                }
            } else {
                cmp
            };
            let label = view.label(r);
            let others = holding - usize::from(cmp.holds);
            let message = format!(
                "{} is not {formula} on row \"{}\"; the same relation holds on {}",
                shown(view, c, true),
                if label.is_empty() {
                    "(unlabeled)"
                } else {
                    &label
                },
                match others {
                    0 => "no other row".to_string(),
                    1 => "1 other row".to_string(),
                    n => format!("{n} other rows"),
                }
            );
            let parallel = d
                .parallel
                .and_then(|p| cx.columns().iter().find(|o| o.col == p));
            let message = match parallel {
                Some(p) if !cmp.holds => format!(
                    "{message}, and \"{}\" is {} on every row",
                    view.header(p.col),
                    formula_text(view, &p.formula)
                ),
                _ => message,
            };
            let inputs = d
                .formula
                .inputs()
                .into_iter()
                .map(|col| CellRef { row: r, col })
                .collect();
            let ambiguous = view.table.ambiguities.iter().any(|a| a.row == r);
            let mut rel = Relation::new(rule, CellRef { row: r, col: c }, inputs, cmp, message);
            rel.weights = match &d.formula {
                Formula::Diff(..) => vec![1, -1],
                Formula::Sum(v) => vec![1; v.len()],
            };
            // A stated total that fails on a row is decided only when the table's own
            // arithmetic confirms which columns add up: it holds on at least two other rows.
            let unconfirmed = stated == Stated::Total && !cmp.holds && others < 2;
            // Unnamed columns: decided only where the relation holds on at least
            // `TELLING_ROWS` telling rows and on three quarters of the rows it can be
            // checked on; never on a total row, whose failure, the other rows holding,
            // is a column total's that SUM reports.
            let (undecided, established) = if stated == Stated::Nothing && unnamed && !cmp.holds {
                let telling = telling_rows(view, d, r);
                if telling < TELLING_ROWS || holding * 4 < checked * 3 {
                    (
                        Some(format!(
                            "not decided: the columns have no headers, so what they mean is \
                             not known, and too few rows establish the relation: it holds on \
                             {} read unambiguously with every figure of three or more \
                             significant digits, and on {holding} of the {checked} rows it \
                             can be checked on (deciding takes {TELLING_ROWS} such rows and \
                             three quarters of the rows)",
                            match telling {
                                0 => "no other row".to_string(),
                                1 => "1 other row".to_string(),
                                n => format!("{n} other rows"),
                            }
                        )),
                        None,
                    )
                } else if sum001::states_total(view, r) || cx.totals().iter().any(|t| t.row == r) {
                    (
                        Some(
                            "not decided: the row is a total over the rows above it; whether it \
                             adds up is the column totals' check (SUM)"
                                .to_string(),
                        ),
                        None,
                    )
                } else {
                    (
                        None,
                        Some(format!(
                            "; the columns have no headers, but the table's own arithmetic \
                             states the relation: it holds on {holding} of the {checked} rows \
                             it can be checked on, {telling} of them read unambiguously with \
                             every figure of three or more significant digits, which chance \
                             does not explain"
                        )),
                    )
                }
            } else if stated == Stated::Nothing && unnamed {
                (
                    Some(
                        "not decided: the columns have no headers, so what they mean is not known"
                            .to_string(),
                    ),
                    None,
                )
            } else {
                (None, None)
            };
            let silent = (!cmp.holds)
                .then(|| silent_column_closing(view, d, r, cmp))
                .flatten();
            let silent_why = silent.map(|k| {
                format!(
                    "not decided: column {} is blank or zero on every row where the \
                     relation holds, so whether it enters the relation is not known, and its \
                     figure on this row closes the gap",
                    shown(view, k, true)
                )
            });
            // A row whose digit groups make cells more than one way: the relation is
            // checked under every reading (all listed); a failure under each is certain,
            // a hold under each too, and one that depends on the reading is not decided.
            let every = ambiguous
                .then(|| under_every_reading(view, r, c, &d.formula, stated == Stated::Nothing))
                .flatten();
            // Where it depends on the reading, the table's other relations may pick one:
            // that reading is then the row's.
            let picked = every
                .as_ref()
                .filter(|e| e.holding > 0 && e.holding < e.readings)
                .and_then(|_| picked_reading(view, cx.columns(), c, r))
                .and_then(|(i, names)| {
                    let cells = view.every_reading_of(r)?.into_iter().nth(i)?;
                    let figure = |d: usize| {
                        cells
                            .get(d)
                            .and_then(|&(v, blank)| if blank { None } else { v })
                    };
                    let part = |d: usize| cells.get(d).and_then(|&(v, _)| v);
                    let under =
                        eval_cells(&figure, &part, c, &d.formula, stated == Stated::Nothing)?;
                    let reading = view
                        .table
                        .ambiguities
                        .iter()
                        .find(|a| a.row == r)
                        .and_then(|a| a.readings.get(i))?;
                    // Only where the row is read that way: the finding's figures are its.
                    let read: Vec<&str> = view
                        .table
                        .rows
                        .get(r)?
                        .cells
                        .iter()
                        .map(|x| x.raw.trim())
                        .collect();
                    let same = read.len() == reading.len()
                        && read.iter().zip(reading).all(|(a, b)| *a == b.trim());
                    same.then(|| (under, reading.join(" | "), names))
                });
            // What makes the row's cells more than one way: other figures of its digit
            // groups, or the same figures placed in other columns (empty cells not marked).
            let how = if view
                .table
                .ambiguities
                .iter()
                .filter(|a| a.row == r)
                .all(|a| crate::check::every_reading::same_figures(&a.readings))
            {
                "the row's figures stand in its columns more than one way (TAB001)"
            } else {
                "the row's digit groups make cells more than one way (TAB001)"
            };
            let ambiguity = match (&every, &picked) {
                _ if !ambiguous => None,
                (Some(e), _) if e.holding == e.readings || e.holding == 0 => None,
                (Some(_), Some((under, _, _))) if under.holds == cmp.holds => None,
                (Some(e), _) => Some(format!(
                    "not decided: {how}, and the relation holds under {} of its {} readings",
                    e.holding, e.readings
                )),
                (None, _) => Some(
                    "not decided: the row could not be read unambiguously (TAB001)".to_string(),
                ),
            };
            let picked_why = picked
                .as_ref()
                .filter(|(under, _, _)| !under.holds && !cmp.holds)
                .map(|(_, text, names)| {
                    format!(
                        "; {how}, and the table's other relations on the row ({names}) hold \
                         under one reading only, {text}, under which it fails"
                    )
                });
            let certain = every
                .as_ref()
                .filter(|e| e.holding == 0 && !cmp.holds)
                .map(|e| {
                    let fmt = |v: rust_decimal::Decimal| {
                        crate::grammar::number::format_decimal(
                            v,
                            crate::grammar::number::Style::default(),
                        )
                    };
                    let closest = e
                        .closest
                        .map(|k| format!(" (closest: {} for {})", fmt(k.expected), fmt(k.found)))
                        .unwrap_or_default();
                    format!(
                        "; {how}, and it fails under every one of its {} readings{closest}",
                        e.readings
                    )
                });
            let narrow = (!cmp.holds && !ambiguous)
                .then(|| narrower_than_columns(view, d, r))
                .flatten();
            let reversed = (!cmp.holds && !ambiguous)
                .then(|| reversed_difference(view, r, c, &d.formula))
                .flatten();
            let signless = (!cmp.holds && !ambiguous)
                .then(|| unsigned_input(view, r, c, &d.formula))
                .flatten();
            let noted = (!cmp.holds)
                .then(|| glued_note(view, r, c, &d.formula, stated == Stated::Nothing))
                .flatten();
            let split = (!cmp.holds)
                .then(|| split_total(view, r, c, &d.formula))
                .flatten();
            let why = if let Some(why) = ambiguity {
                Some(why)
            } else if let Some(joined) = split {
                Some(format!(
                    "not decided: the row's total and its first part may be one figure, \
                     {joined}, split at its digit group, and the row's figures then stand one \
                     column to the left of where they are read"
                ))
            } else if let Some(note) = noted {
                Some(format!(
                    "not decided: the row's first figure, {note}, may begin with a note \
                     reference glued to it: without its first digit group the relation holds"
                ))
            } else if let Some(other_way) = reversed {
                Some(format!(
                    "not decided: the row's figure is the difference the other way round, \
                     {other_way}; a column of deviations is often signed better or worse \
                     than budget row by row (an income above budget and a cost below it \
                     both positive), so which way the row is meant is not known"
                ))
            } else if let Some(sum) = signless {
                Some(format!(
                    "not decided: the row holds as {sum}, with one of its figures the other \
                     way signed; a net column nets costs and incomes, and a negative figure \
                     among them (a refund, a credit) is often printed without its minus, so \
                     which sign the page means is not known"
                ))
            } else if let Some(cols) = narrow {
                Some(format!(
                    "not decided: the row's figures are each one digit group, where {cols} \
                     hold thousands on every row the relation holds on: its groups may be \
                     fewer figures, its empty cells not marked, or the row cut short"
                ))
            } else if unconfirmed {
                Some(
                    "not decided: the table's own arithmetic does not confirm which columns \
                     add up (the relation holds on fewer than two other rows)"
                        .to_string(),
                )
            } else {
                undecided.or(silent_why)
            };
            if let Some(why) = why {
                rel.severity = Severity::Info;
                rel.message = format!("{why} ({})", rel.message);
            } else if let Some(trust) = established {
                rel.message.push_str(&trust);
            }
            if rel.severity != Severity::Info {
                if let Some(certain) = certain.or(picked_why) {
                    rel.message.push_str(&certain);
                }
                if let Some(exact) = &exact_why {
                    rel.message.push_str(exact);
                }
            }
            out.push(rel);
        }
    }
}

/// The row's first figure as written ("18 596 995"), when it may be a note reference
/// glued to the figure ("18" and 596 995, as a page with a Note column writes it) and the
/// relation failing on row `r` holds without that first digit group of one or two digits.
fn glued_note(view: &TableView, r: usize, c: usize, f: &Formula, strict: bool) -> Option<String> {
    let (first, shift, raw) = view.leading_note(r)?;
    let less = |k: usize, v: Interval| {
        if k == first {
            v.minus(Interval::exact(shift))
        } else {
            v
        }
    };
    let figure = |k: usize| view.figure(r, k).map(|v| less(k, v));
    let part = |k: usize| view.part(r, k).map(|v| less(k, v));
    let without = eval_cells(&figure, &part, c, f, strict)?;
    without.holds.then(|| format!("\"{raw}\""))
}

/// A net column's relation (see [`net_inputs`]) failing on row `r` that holds with one of
/// its two figures the other way signed, not at zero: netto = kulut − tulot failing where
/// kulut + tulot holds (a refund in the income column, a credit among the costs, printed
/// without its minus); Intäkter + Kostnader failing where a difference of the two holds.
/// The holding formula written out, for the note.
fn unsigned_input(view: &TableView, r: usize, c: usize, f: &Formula) -> Option<String> {
    let (a, b) = match f {
        Formula::Diff(a, b) => (*a, *b),
        Formula::Sum(v) if v.len() == 2 => (v[0], v[1]),
        Formula::Sum(_) => return None,
    };
    net_inputs(view, c)?;
    let others = match f {
        Formula::Diff(..) => vec![Formula::Sum(vec![a, b])],
        Formula::Sum(_) => vec![Formula::Diff(a, b), Formula::Diff(b, a)],
    };
    others.into_iter().find_map(|g| {
        let cmp = eval(view, r, c, &g, false)?;
        (cmp.holds && !cmp.found.is_zero()).then(|| formula_text(view, &g))
    })
}

/// A difference a − b failing on row `r` that holds the other way round, b − a, and not
/// at zero (where the order cannot show): the formula written that way, for the note.
fn reversed_difference(view: &TableView, r: usize, c: usize, f: &Formula) -> Option<String> {
    let Formula::Diff(a, b) = f else {
        return None;
    };
    let back = Formula::Diff(*b, *a);
    let cmp = eval(view, r, c, &back, false)?;
    (cmp.holds && !cmp.found.is_zero()).then(|| formula_text(view, &back))
}

/// The columns of a relation failing on row `r` whose figures are thousands or more on
/// every row the relation holds on (at least two such rows), named for a finding, when
/// the row's figures in every column of the relation are each one digit group below
/// 1 000 and two columns or more are so: a flat row "115 531 116 521" under columns of
/// five- and six-digit figures may be two figures written with thousands, its other
/// cells empty without a mark, or a row cut short, as well as four of three digits.
fn narrower_than_columns(view: &TableView, d: &Derived, r: usize) -> Option<String> {
    let cols: Vec<usize> = std::iter::once(d.col).chain(d.formula.inputs()).collect();
    let thousand = rust_decimal::Decimal::from(1000);
    let one_group = |c: usize| {
        view.figure(r, c)
            .is_some_and(|v| v.nominal.abs() < thousand)
            && view
                .table
                .rows
                .get(r)
                .and_then(|row| row.cells.get(c))
                .is_some_and(|cell| {
                    let raw = cell.raw.trim().trim_start_matches(['-', '−', '–']).trim();
                    !raw.is_empty() && raw.chars().all(|ch| ch.is_ascii_digit())
                })
    };
    if !cols.iter().all(|&c| one_group(c)) {
        return None;
    }
    // Every figure of the row a group of exactly three digits (a sign only before the
    // first): each next one could be its thousands' tail ("115 531" one figure). A row of
    // "0 10" or "614 620 6" cannot be joined so and is read as written.
    let figures: Vec<&str> = view
        .table
        .rows
        .get(r)?
        .cells
        .iter()
        .filter(|cell| cell.value.is_some())
        .map(|cell| cell.raw.trim())
        .collect();
    let joinable = figures.len() >= 2
        && figures.iter().enumerate().all(|(i, raw)| {
            let digits = if i == 0 {
                raw.trim_start_matches(['-', '−', '–']).trim()
            } else {
                raw
            };
            digits.len() == 3 && digits.chars().all(|ch| ch.is_ascii_digit())
        });
    if !joinable {
        return None;
    }
    let holding: Vec<usize> = d
        .rows
        .iter()
        .filter(|&&(h, cmp)| h != r && cmp.holds)
        .map(|&(h, _)| h)
        .collect();
    if holding.len() < 2 {
        return None;
    }
    let wide: Vec<usize> = cols
        .iter()
        .copied()
        .filter(|&c| {
            holding.iter().all(|&h| {
                view.figure(h, c)
                    .is_some_and(|v| v.nominal.abs() >= thousand)
            })
        })
        .collect();
    (wide.len() >= 2).then(|| {
        wide.iter()
            .map(|&c| shown(view, c, true))
            .collect::<Vec<_>>()
            .join(" and ")
    })
}

/// The most figure columns whose relations to each other are searched: every pair is
/// tried against every column, so a table of thousands of columns (a hostile or broken
/// file: one line's cells repeated) would take hours. No real table comes near it.
pub const MAX_SEARCHED_COLUMNS: usize = 64;

/// The columns of figures whose relations to each other are searched.
fn figure_columns(view: &TableView) -> Vec<usize> {
    (0..view.cols())
        .filter(|&c| view.numeric(c) && view.kinds[c] != ColumnKind::Text)
        .collect()
}

/// The number of figure columns of a table too wide for its column relations to be
/// searched (more than [`MAX_SEARCHED_COLUMNS`]), so that the loss can be said; none for
/// any other table.
pub fn too_wide_to_search(view: &TableView) -> Option<usize> {
    let n = figure_columns(view).len();
    (n > MAX_SEARCHED_COLUMNS).then_some(n)
}

pub fn analyse(view: &TableView) -> Vec<Derived> {
    let mut derived = Vec::new();
    let numeric = figure_columns(view);
    if numeric.len() > MAX_SEARCHED_COLUMNS {
        return derived;
    }
    // Columns whose header names the relation first, then the rest from the right
    // (derived columns usually stand right of their inputs).
    let mut order: Vec<(usize, Stated)> = numeric.iter().map(|&c| (c, stated(view, c))).collect();
    order.sort_by_key(|&(c, s)| (s == Stated::Nothing, std::cmp::Reverse(c)));
    let mut used: Vec<BTreeSet<usize>> = Vec::new();
    for (c, stated) in order {
        // (holds, fails, distance of the inputs from the target, formula)
        let mut best: Option<(usize, usize, usize, Formula)> = None;
        for f in candidates(view, c, stated) {
            let mut set: BTreeSet<usize> = f.inputs().into_iter().collect();
            set.insert(c);
            if used.contains(&set) {
                continue;
            }
            let (mut holds, mut fails) = (0usize, 0usize);
            let best_holds = best.as_ref().map_or(0, |b| b.0);
            for r in 0..view.rows() {
                match eval(view, r, c, &f, stated == Stated::Nothing).map(|x| x.holds) {
                    Some(true) => holds += 1,
                    Some(false) => fails += 1,
                    None => {}
                }
                // Stop once the rows left cannot make the formula accepted or better than
                // the best so far: the outcome is the same, and a wide table's every pair
                // of columns is tried against every column.
                let most = holds + (view.rows() - r - 1);
                let hopeless = if stated == Stated::Nothing {
                    most < 3 || fails * 3 > most
                } else {
                    most <= fails
                };
                if hopeless || most < best_holds {
                    break;
                }
            }
            let accepted = if stated == Stated::Nothing {
                holds >= 3 && fails * 3 <= holds
            } else {
                holds >= 1 && holds > fails
            };
            // Equal evidence: the inputs nearest the target ("Budget 2017", "Prognos
            // 2017" before an "Avvikelse" column) are the ones the table means.
            let distance: usize = f.inputs().iter().map(|&d| d.abs_diff(c)).sum();
            let key = (holds, usize::MAX - fails, usize::MAX - distance);
            if accepted
                && best
                    .as_ref()
                    .is_none_or(|(h, fl, dist, _)| key > (*h, usize::MAX - *fl, usize::MAX - *dist))
            {
                best = Some((holds, fails, distance, f));
            }
        }
        let Some(f) = best.map(|b| b.3).or_else(|| only_reading(view, c, stated)) else {
            continue;
        };
        let mut set: BTreeSet<usize> = f.inputs().into_iter().collect();
        set.insert(c);
        if used.contains(&set) {
            continue;
        }
        used.push(set);
        let rows = (0..view.rows())
            .filter_map(|r| eval(view, r, c, &f, stated == Stated::Nothing).map(|cmp| (r, cmp)))
            .collect();
        derived.push(Derived {
            col: c,
            stated,
            formula: f,
            rows,
            parallel: None,
        });
    }
    derived.extend(parallels(view, &derived, &mut used));
    derived
}

/// A column's header without its years ("Pladspris 2019" → "pladspris"), when it names
/// one: `None` for a header without a year or with nothing else.
fn stem_without_year(header: &str) -> Option<String> {
    let h = normalise(header);
    let words: Vec<&str> = h.split_whitespace().collect();
    let stem: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !crate::table::is_year_word(w))
        .collect();
    (stem.len() < words.len() && !stem.is_empty()).then(|| stem.join(" "))
}

/// The headers of a formula's target and inputs without their years, in order, when
/// every one of them names the same years as the target.
fn stems(view: &TableView, c: usize, f: &Formula) -> Option<Vec<String>> {
    let years = |d: usize| {
        normalise(&view.header(d))
            .split_whitespace()
            .filter(|w| crate::table::is_year_word(w))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let target = years(c);
    if f.inputs().into_iter().any(|d| years(d) != target) {
        return None;
    }
    std::iter::once(c)
        .chain(f.inputs())
        .map(|d| stem_without_year(&view.header(d)))
        .collect()
}

/// Relations no header names that the rows alone do not confirm (they fail on more than
/// a quarter of the rows), confirmed by the same relation between the columns of the
/// same names for another year: where "Pladspris 2020 = Egenbetaling 2020 + Tilskud 2020"
/// holds on every row it can be checked on (at least three), "Pladspris 2019 =
/// Egenbetaling 2019 + Tilskud 2019" is the table's relation too, when it holds on at
/// least three rows and on more rows than it fails.
fn parallels(
    view: &TableView,
    derived: &[Derived],
    used: &mut Vec<BTreeSet<usize>>,
) -> Vec<Derived> {
    let sound: Vec<(Vec<String>, &Derived)> = derived
        .iter()
        .filter(|d| d.stated == Stated::Nothing)
        .filter(|d| d.rows.len() >= 3 && d.rows.iter().all(|(_, cmp)| cmp.holds))
        .filter_map(|d| Some((stems(view, d.col, &d.formula)?, d)))
        .collect();
    let mut out = Vec::new();
    if sound.is_empty() {
        return out;
    }
    for c in (0..view.cols()).rev() {
        if !view.numeric(c)
            || view.kinds[c] == ColumnKind::Text
            || derived.iter().chain(&out).any(|d| d.col == c)
            || stated_by(&view.header(c), view.vocab) != Stated::Nothing
        {
            continue;
        }
        for f in candidates(view, c, Stated::Nothing) {
            let Some(st) = stems(view, c, &f) else {
                continue;
            };
            let parallel = sound
                .iter()
                .find(|(other, d)| {
                    *other == st
                        && d.col != c
                        && std::mem::discriminant(&d.formula) == std::mem::discriminant(&f)
                })
                .map(|(_, d)| d.col);
            let mut set: BTreeSet<usize> = f.inputs().into_iter().collect();
            set.insert(c);
            if parallel.is_none() || used.contains(&set) {
                continue;
            }
            let rows: Vec<(usize, Comparison)> = (0..view.rows())
                .filter_map(|r| eval(view, r, c, &f, true).map(|cmp| (r, cmp)))
                .collect();
            let holds = rows.iter().filter(|(_, cmp)| cmp.holds).count();
            if holds >= 3 && holds > rows.len() - holds {
                used.push(set);
                out.push(Derived {
                    col: c,
                    stated: Stated::Nothing,
                    formula: f,
                    rows,
                    parallel,
                });
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::finding::Severity;
    use crate::grammar::vocab::Vocabulary;

    /// Rounded figures meet their rounded sum by the Irwin–Hall chances; a table of two
    /// figures a row is not shown exact by a dozen rows, one of eight figures is by 19 of 21.
    #[test]
    fn the_chance_that_rounding_looks_exact_falls_with_the_figures() {
        let close = |a: f64, b: f64| (a - b).abs() < 1e-4;
        assert!(close(chance_exact(2), 0.75));
        assert!(close(chance_exact(3), 2.0 / 3.0));
        assert!(close(chance_exact(8), 0.4529));
        assert!(tail(12, 10, chance_exact(3)) > EXACT_CHANCE);
        assert!(tail(21, 19, chance_exact(8)) < EXACT_CHANCE);
        assert!(close(tail(3, 0, 0.5), 1.0));
    }

    /// The relations of the columns stating `stated` in the first table of `text`
    /// (tab-separated), as `rule` reports them: row label, holds, severity.
    fn stated_relations(
        text: &str,
        stated: Stated,
        rule: &'static Rule,
    ) -> Vec<(String, bool, Severity)> {
        let vocab = Vocabulary::builtin_shared();
        let table = crate::table::extract_text(text, vocab)
            .into_iter()
            .next()
            .expect("a table");
        let cx = TableCx::new(0, &table, vocab);
        let mut out = Vec::new();
        relations(&cx, stated, rule, &mut out);
        out.iter()
            .map(|r| (cx.view.label(r.target.row), r.comparison.holds, r.severity))
            .collect()
    }

    /// The REL001 relations of the first table of `text`.
    fn rel001(text: &str) -> Vec<(String, bool, Severity)> {
        stated_relations(text, Stated::Difference, &rel001::RULE)
    }

    #[test]
    fn a_net_column_beside_costs_and_incomes_states_their_difference() {
        let text = "Verksamhet\tkulut\ttulot\tnetto\n\
                    A\t281 128\t31 687\t249 441\nB\t102 964\t4 074\t98 890\n\
                    C\t17 356\t26\t17 330\nD\t244\t1 344\t14 346\n";
        let r = rel001(text);
        assert_eq!(r.len(), 4, "{r:?}");
        assert_eq!(r[3], ("D".to_string(), false, Severity::Error), "{r:?}");
    }

    #[test]
    fn costs_written_negative_net_by_adding() {
        let text = "Nämnd\tIntäkter 2021\tKostnader 2021\tNettokostnad 2021\n\
                    A\t283,1\t-693,8\t-410,7\nB\t18,3\t-79,4\t-61,1\n\
                    C\t48,3\t-173,1\t-124,8\nD\t157,0\t-558,2\t-431,2\n";
        let r = rel001(text);
        assert_eq!(r.len(), 4, "{r:?}");
        assert_eq!(r[3], ("D".to_string(), false, Severity::Error), "{r:?}");
    }

    #[test]
    fn a_net_row_holding_with_one_figure_the_other_way_signed_is_not_decided() {
        let text = "Verksamhet\tkulut\ttulot\tnetto\n\
                    A\t281 128\t31 687\t249 441\nB\t102 964\t4 074\t98 890\n\
                    C\t17 356\t26\t17 330\nD\t10 177\t130\t10 307\n";
        let r = rel001(text);
        assert_eq!(r[3], ("D".to_string(), false, Severity::Info), "{r:?}");
    }

    #[test]
    fn a_row_of_percentages_under_amount_columns_is_not_summed() {
        // Invented, shaped like a cost-coverage table: the rate row's "Totalt" is the
        // period's rate (716 / 1 368 = 52 %), no sum of the years' rates.
        let text = "År\t2016\t2017\t2018\t2019\tTotalt\n\
                    Intäkter\t150\t177\t190\t199\t716\n\
                    Kostnader\t302\t320\t363\t383\t1 368\n\
                    Täckningsgrad\t50 %\t55 %\t52 %\t52 %\t52 %\n";
        let rows: Vec<(String, bool)> = stated_relations(text, Stated::Total, &sum002::RULE)
            .into_iter()
            .map(|(label, holds, _)| (label, holds))
            .collect();
        assert_eq!(
            rows,
            vec![
                ("Intäkter".to_string(), true),
                ("Kostnader".to_string(), true)
            ]
        );
    }

    #[test]
    fn a_net_column_needs_one_cost_and_one_income_column_of_its_years() {
        let vocab = Vocabulary::builtin_shared();
        for text in [
            // Two cost columns: which one is netted is not known.
            "X\tKostnader\tKostnader\tIntäkter\tNetto\nA\t10\t5\t3\t7\nB\t20\t8\t4\t16\n",
            // Another year's incomes.
            "X\tKostnader 2021\tIntäkter 2020\tNetto 2021\nA\t10\t3\t7\nB\t20\t4\t16\n",
            // No income column: "Netto" alone states nothing.
            "X\tBudget\tUtfall\tNetto\nA\t10\t3\t7\nB\t20\t4\t16\n",
        ] {
            let table = crate::table::extract_text(text, vocab)
                .into_iter()
                .next()
                .expect("a table");
            let cx = TableCx::new(0, &table, vocab);
            let last = cx.view.cols() - 1;
            assert_eq!(net_inputs(&cx.view, last), None, "{text}");
            assert_ne!(stated(&cx.view, last), Stated::Difference, "{text}");
        }
    }

    /// "X i alt" / "X ialt" / "X yhteensä" at the end of a header states X's total; the
    /// parts the rows confirm are summed (the party columns of SSB's stortingsvalg 1977);
    /// a total with no parts in the table ("Stemmeberettigede ialt") states nothing read,
    /// and the phrase inside a header ("Yhteensä ed syksy") states no total.
    #[test]
    fn a_header_ending_in_in_all_states_a_total_of_the_columns_the_rows_confirm() {
        let vocab = Vocabulary::builtin_shared();
        assert!(ends_in_total_header(vocab, "Godkjente stemmer ialt"));
        assert!(ends_in_total_header(vocab, "Skatteinngang i alt"));
        assert!(ends_in_total_header(vocab, "Oppilaita yhteensä"));
        assert!(ends_in_total_header(vocab, "I alt"));
        assert!(!ends_in_total_header(vocab, "Yhteensä ed syksy"));
        assert!(!ends_in_total_header(vocab, "Kommune"));
        let text = "Kommune\tStemmeberettigede ialt\tGodkjente stemmer ialt\tRV\tSV\tDNA\tH\n\
Halden\t18 937\t16 490\t61\t484\t9 915\t6 030\n\
Moss\t17 392\t14 932\t130\t545\t7 638\t6 619\n\
Hvaler\t1 843\t1 516\t3\t40\t610\t863\n\
Aremark\t979\t854\t0\t8\t376\t470\n";
        let got = stated_relations(text, Stated::Total, &sum002::RULE);
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(got.iter().all(|(_, holds, _)| *holds), "{got:?}");
    }
}
