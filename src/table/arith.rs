//! The table's own arithmetic, used while reading it: to move a shifted total row back
//! under its columns and to choose among readings of flat rows. Rounding-aware through
//! [`crate::arith::Interval`]: a figure written to unit u stands for [v − u/2, v + u/2].

use super::{Cell, Realignment, Row, RowKind};
use crate::arith::Interval;
use crate::grammar::vocab::Vocabulary;

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
    part_of: Vec<bool>,
    /// The relations of a financial statement the labels state (RR, KF).
    statement: super::statement::Steps,
    /// The first column that holds figures (1 when the first holds note references).
    pub(crate) from_column: usize,
}

impl RowRoles {
    pub(crate) fn of(rows: &[Row], vocab: &Vocabulary) -> RowRoles {
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
            part_of: rows
                .iter()
                .map(|r| crate::grammar::statement::is_part_of(vocab, &r.label))
                .collect(),
            statement: super::statement::Steps::of(rows, vocab),
            from_column: 0,
        }
    }
}

/// How many of the relations a table states hold: totals equal the rows above them,
/// Resultat = Kommunbidrag ∓ Summa, and (when the header has a difference column) the
/// last column = the two before it subtracted. Used to choose among flat-row readings.
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
                }
            }
        }
    }
    score
}
