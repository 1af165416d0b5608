//! The table's own arithmetic, used while reading it: to move a shifted total row back
//! under its columns and to choose among readings of flat rows. Rounding-aware through
//! [`crate::arith::Interval`]: a figure written to unit u stands for [v − u/2, v + u/2].

use super::{Cell, Realignment, Row, RowKind};
use crate::arith::{add, Interval};
use crate::grammar::vocab::Vocabulary;
use rust_decimal::Decimal;

/// A cell's figure with the interval it stands for.
pub(crate) fn figure(c: &Cell) -> Option<Interval> {
    c.value.map(|v| Interval::written(v, c.decimals))
}

/// Sum per column of the data rows between the previous total (exclusive) and `upto`.
/// `None` for a column with no figure among those rows.
/// The sums of each column over the data rows since the last total above `upto`, rows
/// marked in `skip` ("varav" rows, parts of the row above) left out.
pub(crate) fn column_sums(rows: &[Row], upto: usize, skip: &[bool]) -> Vec<Option<Interval>> {
    let ncols = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let from = rows[..upto]
        .iter()
        .rposition(|r| matches!(r.kind, RowKind::Total | RowKind::Subtotal))
        .map_or(0, |i| i + 1);
    (0..ncols)
        .map(|col| {
            let mut acc: Option<Interval> = None;
            for (k, r) in rows[from..upto].iter().enumerate() {
                if r.kind != RowKind::Data || skip.get(from + k).copied().unwrap_or(false) {
                    continue;
                }
                if let Some(a) = r.cells.get(col).and_then(figure) {
                    acc = Some(acc.map_or(a, |s| s.plus(a)));
                }
            }
            acc
        })
        .collect()
}

/// Moves the figures of a total row that stand under the wrong columns (an extraction
/// artifact: seed 004's "Summa utvecklingsresurser" sits one tab right) to the columns
/// whose sums they are, keeping their order. Done only when every figure of the row then
/// equals its column's sum and fewer did before.
pub(crate) fn realign_totals(rows: &mut [Row]) -> Vec<Realignment> {
    let mut out = Vec::new();
    for i in 0..rows.len() {
        if !matches!(rows[i].kind, RowKind::Total | RowKind::Subtotal) {
            continue;
        }
        let sums = column_sums(rows, i, &[]);
        let figures: Vec<(usize, Interval)> = rows[i]
            .cells
            .iter()
            .enumerate()
            .filter_map(|(c, cell)| figure(cell).map(|a| (c, a)))
            .collect();
        if figures.len() < 2 {
            continue;
        }
        let matches_at = |f: Interval, col: usize| {
            sums.get(col)
                .copied()
                .flatten()
                .is_some_and(|s| s.meets(&f))
        };
        let in_place = figures.iter().filter(|(c, f)| matches_at(*f, *c)).count();
        if in_place == figures.len() {
            continue;
        }
        // Order-preserving assignment of figures to columns, greedy from the left: each
        // figure takes the first column after the previous one whose sum it equals.
        let mut targets = Vec::with_capacity(figures.len());
        let mut next_col = 0;
        for (_, f) in &figures {
            match (next_col..sums.len()).find(|&c| matches_at(*f, c)) {
                Some(c) => {
                    targets.push(c);
                    next_col = c + 1;
                }
                None => break,
            }
        }
        if targets.len() != figures.len() {
            continue;
        }
        let moves: Vec<(usize, usize)> = figures
            .iter()
            .zip(&targets)
            .filter(|((from, _), to)| from != *to)
            .map(|((from, _), to)| (*from, *to))
            .collect();
        let row = &mut rows[i];
        let originals: Vec<Cell> = row.cells.clone();
        let blank = |c: &Cell| Cell {
            raw: String::new(),
            value: None,
            unit: c.unit,
            decimals: 0,
            empty: true,
            ..Cell::default()
        };
        for (from, _) in &moves {
            row.cells[*from] = blank(&originals[*from]);
        }
        for (from, to) in &moves {
            row.cells[*to] = originals[*from].clone();
        }
        out.push(Realignment {
            row: i,
            moves,
            provenance: row.provenance.clone(),
        });
    }
    out
}

/// Whether a row label begins with one of the words of a key of
/// `grammars/table_lines.vocab` ("result_row": "Resultat", "grant_row": "Kommunbidrag").
fn label_starts(label: &str, key: &str, vocab: &Vocabulary) -> bool {
    let label = label.trim().to_lowercase();
    vocab
        .words("table_lines", key)
        .iter()
        .any(|w| label.starts_with(w.as_str()))
}

/// What each row's label makes it, for [`relations_holding_with`]: worked out once per
/// table, since choosing readings scores the same labels many times.
pub(crate) struct RowRoles {
    total: Vec<bool>,
    resultat: Vec<bool>,
    kommunbidrag: Vec<bool>,
    /// Rows that break out part of the row above ("varav …"): never a part of a sum.
    #[cfg_attr(not(test), allow(dead_code))]
    part_of: Vec<bool>,
    /// Per row, the first row of the rows a total there adds up (the row after the last
    /// total or subtotal above it), as [`column_sums`] finds it.
    block_start: Vec<usize>,
    /// Rows a total's sum takes ([`column_sums`]): data rows, not parts of the row above.
    summed: Vec<bool>,
    /// The relations of a financial statement the labels state (RR, KF).
    statement: super::statement::Steps,
    /// The first column that holds figures (1 when the first holds note references).
    pub(crate) from_column: usize,
}

impl RowRoles {
    pub(crate) fn of(rows: &[Row], vocab: &Vocabulary) -> RowRoles {
        let part_of: Vec<bool> = rows
            .iter()
            .map(|r| crate::grammar::statement::is_part_of(vocab, &r.label))
            .collect();
        RowRoles {
            total: rows
                .iter()
                .map(|r| vocab.is_total_label(&r.label))
                .collect(),
            resultat: rows
                .iter()
                .map(|r| label_starts(&r.label, "result_row", vocab))
                .collect(),
            kommunbidrag: rows
                .iter()
                .map(|r| label_starts(&r.label, "grant_row", vocab))
                .collect(),
            block_start: (0..rows.len())
                .map(|i| {
                    rows[..i]
                        .iter()
                        .rposition(|r| matches!(r.kind, RowKind::Total | RowKind::Subtotal))
                        .map_or(0, |k| k + 1)
                })
                .collect(),
            summed: rows
                .iter()
                .zip(&part_of)
                .map(|(r, &part)| r.kind == RowKind::Data && !part)
                .collect(),
            part_of,
            statement: super::statement::Steps::of(rows, vocab),
            from_column: 0,
        }
    }

    /// Whether scoring reads the rows' cells, not only their figures (a balance sheet's
    /// sides read through group totals).
    pub(crate) fn reads_cells(&self) -> bool {
        self.statement.reads_cells()
    }

    /// How many times one scoring visits each cell, at most ([`Steps::visits_per_cell`]).
    pub(crate) fn visits_per_cell(&self) -> usize {
        self.statement.visits_per_cell()
    }
}

impl RowRoles {
    /// Whether one relation [`relations_holding_in`] counts reads both rows `i` and `j`.
    pub(crate) fn read_together(&self, i: usize, j: usize) -> bool {
        if self.statement.read_together(i, j) {
            return true;
        }
        (0..self.total.len()).any(|t| {
            let in_total = |r: usize| {
                self.total[t]
                    && !self.resultat[t]
                    && (r == t || (self.block_start[t] <= r && r < t && self.summed[r]))
            };
            if in_total(i) && in_total(j) {
                return true;
            }
            if !self.resultat[t] {
                return false;
            }
            let grant = (0..t).rev().find(|&k| self.kommunbidrag[k]);
            let total =
                grant.and_then(|g| (0..g).rev().find(|&k| self.total[k] && !self.resultat[k]));
            grant
                .zip(total)
                .is_some_and(|(g, s)| [t, g, s].contains(&i) && [t, g, s].contains(&j))
        })
    }

    /// The target rows of the relations [`relations_holding_in`] counts that read row `i`
    /// and hold in some column with the figures `figs`, each with the number of columns it
    /// holds in: the relations a reading of row `i` can be chosen by, named by the row each
    /// one states.
    pub(crate) fn targets_holding_through(
        &self,
        figs: &[Vec<Option<Interval>>],
        i: usize,
        difference_column: bool,
    ) -> Vec<(usize, usize)> {
        let from = self.from_column;
        let at = |r: usize, c: usize| figs[r].get(c).copied().flatten();
        let mut out = self.statement.targets_holding_through(figs, i, from);
        let mut add = |t: usize, n: usize| {
            if n == 0 {
                return;
            }
            match out.iter_mut().find(|(r, _)| *r == t) {
                Some(e) => e.1 = e.1.max(n),
                None => out.push((t, n)),
            }
        };
        for (t, row) in figs.iter().enumerate() {
            if self.total[t] && !self.resultat[t] {
                let start = self.block_start[t];
                if t == i || (start <= i && i < t && self.summed[i]) {
                    let n = row
                        .iter()
                        .enumerate()
                        .skip(from)
                        .filter(|(c, found)| {
                            let Some(found) = found else {
                                return false;
                            };
                            (start..t)
                                .filter(|&k| self.summed[k])
                                .filter_map(|k| at(k, *c))
                                .reduce(|acc, a| acc.plus(a))
                                .is_some_and(|sum| found.meets(&sum))
                        })
                        .count();
                    add(t, n);
                }
            }
            if self.resultat[t] {
                let grant = (0..t).rev().find(|&k| self.kommunbidrag[k]);
                let total =
                    grant.and_then(|g| (0..g).rev().find(|&k| self.total[k] && !self.resultat[k]));
                if let Some((g, s)) = grant.zip(total).filter(|&(g, s)| [t, g, s].contains(&i)) {
                    let n = row
                        .iter()
                        .enumerate()
                        .skip(from)
                        .filter(|(c, r)| {
                            let (Some(r), Some(k), Some(s)) = (**r, at(g, *c), at(s, *c)) else {
                                return false;
                            };
                            [k.minus(s), s.plus(k), s.minus(k), s.plus(k).negated()]
                                .iter()
                                .any(|x| x.meets(&r))
                        })
                        .count();
                    add(t, n);
                }
            }
        }
        if difference_column && figs[i].len() >= 3 {
            let n = figs[i].len();
            if let (Some(a), Some(b), Some(d)) = (figs[i][n - 3], figs[i][n - 2], figs[i][n - 1]) {
                if [a.minus(b), b.minus(a)].iter().any(|x| x.meets(&d)) {
                    add(i, 1);
                }
            }
        }
        out
    }
}

/// How many of the relations a table states hold: totals equal the rows above them,
/// Resultat = Kommunbidrag ∓ Summa, and (when the header has a difference column) the
/// last column = the two before it subtracted. Used to choose among flat-row readings.
/// `figs` holds each row's cells' figures ([`figure`]), worked out once per reading:
/// the same readings are scored many times over. The rows give their kinds, and their
/// cells where the statement reads them ([`RowRoles::reads_cells`]); their cells must
/// then be the ones `figs` was made from.
///
/// With `varying` (per row, whether its reading changes between the scorings compared)
/// only the relations that read a varying row are counted: the others hold or fail alike
/// in every reading compared, so the best readings and their ties are the same.
pub(crate) fn relations_holding_in(
    rows: &[Row],
    figs: &[Vec<Option<Interval>>],
    roles: &RowRoles,
    difference_column: bool,
    varying: Option<&[bool]>,
) -> i64 {
    let from = roles.from_column;
    let at = |r: usize, c: usize| figs[r].get(c).copied().flatten();
    let reads = |r: &[usize]| varying.is_none_or(|v| r.iter().any(|&k| v[k]));
    let reads_from = |a: usize, b: usize| varying.is_none_or(|v| v[a..=b].contains(&true));
    let mut score = roles.statement.holding_in(rows, figs, from);
    for (i, row) in figs.iter().enumerate() {
        if roles.total[i] && !roles.resultat[i] && reads_from(roles.block_start[i], i) {
            // The sums of `column_sums`, per column where the total has a figure; only
            // their bounds, which is all `meets` reads (the same bounds as `plus`).
            let start = roles.block_start[i];
            for (c, t) in row.iter().enumerate().skip(from) {
                let Some(t) = t else {
                    continue;
                };
                let mut acc: Option<(Decimal, Decimal)> = None;
                for k in start..i {
                    if !roles.summed[k] {
                        continue;
                    }
                    if let Some(a) = at(k, c) {
                        acc = Some(
                            acc.map_or((a.lo, a.hi), |(lo, hi)| (add(lo, a.lo), add(hi, a.hi))),
                        );
                    }
                }
                if acc.is_some_and(|(lo, hi)| t.lo <= hi && lo <= t.hi) {
                    score += 1;
                }
            }
        }
        if roles.resultat[i] {
            let grant = (0..i).rev().find(|&k| roles.kommunbidrag[k]);
            let total =
                grant.and_then(|g| (0..g).rev().find(|&k| roles.total[k] && !roles.resultat[k]));
            let read = |&(g, t): &(usize, usize)| reads(&[i, g, t]);
            if let Some((g, t)) = grant.zip(total).filter(read) {
                for (c, r) in row.iter().enumerate().skip(from) {
                    let (Some(r), Some(k), Some(s)) = (*r, at(g, c), at(t, c)) else {
                        continue;
                    };
                    let candidates = [k.minus(s), s.plus(k), s.minus(k), s.plus(k).negated()];
                    if candidates.iter().any(|x| x.meets(&r)) {
                        score += 1;
                    }
                }
            }
        }
        if difference_column && row.len() >= 3 && reads(&[i]) {
            let n = row.len();
            if let (Some(a), Some(b), Some(d)) = (row[n - 3], row[n - 2], row[n - 1]) {
                if [a.minus(b), b.minus(a)].iter().any(|x| x.meets(&d)) {
                    score += 1;
                } else if let Some(w) = rows.get(i).and_then(|r| percent_change_weight(r, a, b, d))
                {
                    score += w;
                }
            }
        }
    }
    score
}

/// A change column written in percent ("-1,51 %" after 625 055 and 615 644): how much it
/// says for a reading of the row's figures when it is their change one way or the other.
/// A printed change of three significant digits or more that the two amounts give is no
/// coincidence of digit groups (a wrong split moves the ratio by orders of magnitude):
/// it weighs as two places; a shorter one as one.
fn percent_change_weight(row: &Row, a: Interval, b: Interval, d: Interval) -> Option<i64> {
    let cell = row.cells.last()?;
    if !cell.raw.contains('%') {
        return None;
    }
    let hundred = Interval::exact(Decimal::ONE_HUNDRED);
    let change =
        |from: Interval, to: Interval| to.minus(from).divided_by(from).map(|q| q.times(hundred));
    let holds = [change(a, b), change(b, a)]
        .into_iter()
        .flatten()
        .any(|c| c.meets(&d));
    if !holds {
        return None;
    }
    let digits = cell
        .raw
        .chars()
        .skip_while(|c| !c.is_ascii_digit() || *c == '0')
        .filter(char::is_ascii_digit)
        .count();
    Some(if digits >= 3 { 2 } else { 1 })
}

/// [`relations_holding_in`] as it was written over the rows' cells: the reference the
/// tests hold it to.
#[cfg(test)]
pub(crate) fn relations_holding_with(
    rows: &[Row],
    roles: &RowRoles,
    difference_column: bool,
) -> i64 {
    let from = roles.from_column;
    let mut score = roles.statement.holding(rows, from);
    for (i, row) in rows.iter().enumerate() {
        if roles.total[i] && !roles.resultat[i] {
            let sums = column_sums(rows, i, &roles.part_of);
            for (c, cell) in row.cells.iter().enumerate().skip(from) {
                if let (Some(t), Some(Some(s))) = (figure(cell), sums.get(c)) {
                    if t.meets(s) {
                        score += 1;
                    }
                }
            }
        }
        if roles.resultat[i] {
            let grant = (0..i).rev().find(|&k| roles.kommunbidrag[k]);
            let total =
                grant.and_then(|g| (0..g).rev().find(|&k| roles.total[k] && !roles.resultat[k]));
            if let (Some(g), Some(t)) = (grant, total) {
                for (c, cell) in row.cells.iter().enumerate().skip(from) {
                    let (Some(r), Some(k), Some(s)) = (
                        figure(cell),
                        rows[g].cells.get(c).and_then(figure),
                        rows[t].cells.get(c).and_then(figure),
                    ) else {
                        continue;
                    };
                    let candidates = [k.minus(s), s.plus(k), s.minus(k), s.plus(k).negated()];
                    if candidates.iter().any(|x| x.meets(&r)) {
                        score += 1;
                    }
                }
            }
        }
        if difference_column && row.cells.len() >= 3 {
            let n = row.cells.len();
            if let (Some(a), Some(b), Some(d)) = (
                figure(&row.cells[n - 3]),
                figure(&row.cells[n - 2]),
                figure(&row.cells[n - 1]),
            ) {
                if [a.minus(b), b.minus(a)].iter().any(|x| x.meets(&d)) {
                    score += 1;
                } else if let Some(w) = percent_change_weight(row, a, b, d) {
                    score += w;
                }
            }
        }
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn a_percent_change_weighs_by_its_precision() {
        let row = |pct: &str| Row {
            cells: vec![
                Cell::default(),
                Cell::default(),
                Cell {
                    raw: pct.to_string(),
                    ..Cell::default()
                },
            ],
            label: "Stockholm".to_string(),
            kind: RowKind::Data,
            bold: false,
            provenance: crate::Provenance::new(&std::sync::Arc::from("t"), 1, 1),
        };
        let w = |v: i64| Interval::written(Decimal::from(v), 0);
        let p = |v: i64, d: u32| Interval::written(Decimal::new(v, d), d);
        // 625 055 to 615 644 is -1,51 %: three digits, two places.
        assert_eq!(
            percent_change_weight(&row("-1,51 %"), w(625_055), w(615_644), p(-151, 2)),
            Some(2)
        );
        // The other way round (newest first) holds as well.
        assert_eq!(
            percent_change_weight(&row("-1,51 %"), w(615_644), w(625_055), p(-151, 2)),
            Some(2)
        );
        // A wrong split of the same digit groups gives nothing.
        assert_eq!(
            percent_change_weight(&row("-1,51 %"), w(625_055_615), w(644), p(-151, 2)),
            None
        );
        // One digit: one place.
        assert_eq!(
            percent_change_weight(&row("+0,8 %"), w(367_130), w(370_068), p(8, 1)),
            Some(1)
        );
        // Not a percent cell.
        assert_eq!(
            percent_change_weight(&row("-1,51"), w(625_055), w(615_644), p(-151, 2)),
            None
        );
    }

    /// A small deterministic generator for the tables below.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % n
        }
    }

    /// Invented labels that give every role the scoring knows: totals, results, grants,
    /// parts of the row above, the result chain of a resultaträkning, both sides of a
    /// balansräkning, the steps of a kassaflödesanalys, and plain rows.
    const LABELS: &[&str] = &[
        "Intäkter",
        "Kostnader",
        "Övrigt",
        "Summa",
        "Summa kostnader",
        "Totalt",
        "varav lön",
        "Kommunbidrag",
        "Resultat",
        "Verksamhetens nettokostnader",
        "Skatteintäkter",
        "Verksamhetens resultat",
        "Finansiella kostnader",
        "Resultat efter finansiella poster",
        "Årets resultat",
        "Anläggningstillgångar",
        "Summa anläggningstillgångar",
        "Summa tillgångar",
        "Eget kapital",
        "Summa eget kapital och skulder",
        "Kassaflöde från den löpande verksamheten",
        "Årets kassaflöde",
        "Likvida medel vid årets början",
        "Likvida medel vid årets slut",
    ];

    fn cell(g: &mut Lcg) -> Cell {
        if g.next(6) == 0 {
            return Cell {
                empty: true,
                ..Cell::default()
            };
        }
        let decimals = g.next(3) as u32;
        let value = Decimal::new(g.next(40) as i64 - 10, decimals);
        Cell {
            raw: value.to_string(),
            value: Some(value),
            decimals,
            ..Cell::default()
        }
    }

    fn table(g: &mut Lcg) -> Vec<Row> {
        let columns = 1 + g.next(5) as usize;
        (0..2 + g.next(9))
            .map(|_| {
                let label = LABELS[g.next(LABELS.len() as u64) as usize].to_string();
                let kind = match g.next(8) {
                    0 => RowKind::Heading,
                    1 | 2 => RowKind::Total,
                    3 => RowKind::Subtotal,
                    _ => RowKind::Data,
                };
                // A row may hold fewer or more cells than the others.
                let n = match g.next(6) {
                    0 => columns.saturating_sub(1),
                    1 => columns + 1,
                    _ => columns,
                };
                Row {
                    label,
                    kind,
                    cells: (0..n).map(|_| cell(g)).collect(),
                    bold: false,
                    provenance: crate::Provenance::new(&std::sync::Arc::from("t"), 1, 1),
                }
            })
            .collect()
    }

    /// The scoring over figures worked out once gives what the scoring over the rows'
    /// cells gives, for every kind of table (small figures, so that relations hold often).
    #[test]
    fn scoring_over_figures_is_scoring_over_cells() {
        let vocab = Vocabulary::builtin_shared();
        let mut g = Lcg(7);
        let mut holding = 0;
        for _ in 0..4000 {
            let rows = table(&mut g);
            let mut roles = RowRoles::of(&rows, vocab);
            roles.from_column = g.next(2) as usize;
            let figs: Vec<Vec<Option<Interval>>> = rows
                .iter()
                .map(|r| r.cells.iter().map(figure).collect())
                .collect();
            for difference_column in [false, true] {
                let expected = relations_holding_with(&rows, &roles, difference_column);
                let got = relations_holding_in(&rows, &figs, &roles, difference_column, None);
                assert_eq!(got, expected, "{rows:#?}");
                holding += expected;
                // Only the relations that read the varying rows: another reading of those
                // rows changes the full score and the counted one by the same amount.
                let varying: Vec<bool> = rows.iter().map(|_| g.next(3) == 0).collect();
                let mut other = rows.clone();
                for (row, _) in other.iter_mut().zip(&varying).filter(|(_, v)| **v) {
                    row.cells.iter_mut().for_each(|c| *c = cell(&mut g));
                }
                let other_figs: Vec<Vec<Option<Interval>>> = other
                    .iter()
                    .map(|r| r.cells.iter().map(figure).collect())
                    .collect();
                let full = relations_holding_with(&other, &roles, difference_column);
                let counted = |rows: &[Row], figs: &[Vec<Option<Interval>>]| {
                    relations_holding_in(rows, figs, &roles, difference_column, Some(&varying))
                };
                assert_eq!(
                    full - expected,
                    counted(&other, &other_figs) - counted(&rows, &figs),
                    "{rows:#?}\n{other:#?}"
                );
            }
        }
        // The tables are not all trivial: relations hold in them.
        assert!(holding > 1000, "{holding}");
    }
}
