//! A grid of cell texts (from tabs, pipes or geometry) → `Table`s: splits stacked tables,
//! finds title and header rows, parses cells, classifies rows, realigns shifted totals.

use super::cell::{is_dash, is_year, parse_cell, strip_markup};
use super::classify::{classify_rows, table_unit, title_from_lines_above};
use super::{arith, Row, RowKind, Table, TableSource};
use crate::grammar::vocab::Vocabulary;
use crate::Provenance;
use std::sync::Arc;

/// One source line cut into cell texts (markup still in place).
#[derive(Clone, Debug)]
pub(crate) struct GridRow {
    pub cells: Vec<String>,
    /// Where each cell stands in the line (see [`crate::LineSpan`]).
    pub spans: Vec<Option<crate::LineSpan>>,
    pub line: u32,
}

impl GridRow {
    pub(crate) fn clean(&self, i: usize) -> String {
        self.cells
            .get(i)
            .map(|c| strip_markup(c).0)
            .unwrap_or_default()
    }

    /// Filled cells outside the label column; a dash ("-", "- kr") fills nothing.
    fn non_label_texts(&self) -> Vec<String> {
        (1..self.cells.len())
            .map(|i| self.clean(i))
            .filter(|t| !t.is_empty() && !is_dash(t))
            .collect()
    }

    fn is_blank(&self) -> bool {
        (0..self.cells.len()).all(|i| {
            let t = self.clean(i);
            t.is_empty() || t.chars().all(|c| c == '-' || c == ':' || c == ' ')
        })
    }

    /// Only the label cell is filled: a title or a group heading.
    pub fn is_label_only(&self) -> bool {
        !self.clean(0).is_empty() && self.non_label_texts().is_empty()
    }

    /// Holds a figure outside the label column (years don't count: they head columns).
    pub fn has_figure(&self, vocab: &Vocabulary) -> bool {
        self.non_label_texts()
            .iter()
            .any(|t| !is_year(t) && parse_cell(t, vocab).value.is_some())
    }

    /// Words (or years) outside the label column and no figures: a header row.
    pub fn is_header_like(&self, vocab: &Vocabulary) -> bool {
        !self.non_label_texts().is_empty() && !self.has_figure(vocab)
    }
}

/// A table of contents ("§ 1 IT-chefen informerar.....\t3") is navigation, not a table.
pub(crate) fn is_toc(rows: &[GridRow]) -> bool {
    let dotted = rows
        .iter()
        .filter(|r| r.cells.iter().any(|c| c.contains("....")))
        .count();
    dotted * 2 >= rows.len()
}

/// Where a grid came from: the file, page and the page's lines above it (for the title).
pub(crate) struct GridContext<'a> {
    pub file: &'a Arc<str>,
    pub page: u32,
    /// Lines above the grid, nearest first.
    pub above: Vec<&'a str>,
    pub source: TableSource,
    pub vocab: &'a Vocabulary,
}

/// Splits a block of rows where a new header row starts after figure rows (tables stacked
/// without a blank line between them); a title line just before the header goes along.
pub(crate) fn split_stacked(rows: Vec<GridRow>, vocab: &Vocabulary) -> Vec<Vec<GridRow>> {
    let mut out: Vec<Vec<GridRow>> = Vec::new();
    let mut current: Vec<GridRow> = Vec::new();
    let mut seen_figures = false;
    for row in rows {
        let starts_new =
            seen_figures && row.is_header_like(vocab) && row.non_label_texts().len() >= 2;
        if starts_new {
            let carried = match current.last() {
                Some(last) if last.is_label_only() => current.pop(),
                _ => None,
            };
            out.push(std::mem::take(&mut current));
            current.extend(carried);
            seen_figures = false;
        }
        seen_figures |= row.has_figure(vocab);
        current.push(row);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.retain(|t| !t.is_empty());
    out
}

/// Joins header rows into one text per column; a header cell followed by empty cells
/// spans them when the row below names sub-columns there ("Uppräkning 2023" over
/// "Indexuppr", "Befolkningsandel", …).
fn join_headers(header: &[GridRow], ncols: usize) -> Vec<String> {
    let mut grid: Vec<Vec<String>> = header
        .iter()
        .map(|r| (0..ncols).map(|i| r.clean(i)).collect())
        .collect();
    for level in 0..grid.len().saturating_sub(1) {
        let mut spanning: Option<String> = None;
        for col in 1..ncols {
            let below_named = grid[level + 1..].iter().any(|r| !r[col].is_empty());
            if !grid[level][col].is_empty() {
                spanning = Some(grid[level][col].clone());
            } else if let (Some(s), true) = (&spanning, below_named) {
                grid[level][col] = s.clone();
            } else {
                spanning = None;
            }
        }
    }
    (0..ncols)
        .map(|col| {
            let parts: Vec<&str> = grid
                .iter()
                .map(|r| r[col].as_str())
                .filter(|t| !t.is_empty())
                .collect();
            parts.join(" ")
        })
        .collect()
}

/// Builds one table from the rows of one grid; `None` when nothing table-like is left.
pub(crate) fn build_table(rows: Vec<GridRow>, ctx: &GridContext) -> Option<Table> {
    let rows: Vec<GridRow> = rows.into_iter().filter(|r| !r.is_blank()).collect();
    if rows.len() < 2 || is_toc(&rows) {
        return None;
    }
    let ncols = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    if ncols < 2 {
        return None;
    }
    let mut start = 0;
    let mut title = None;
    let vocab = ctx.vocab;
    if rows[0].is_label_only() && rows.get(1).is_some_and(|r| r.is_header_like(vocab)) {
        title = Some(rows[0].clean(0));
        start = 1;
    }
    // A table of figures: at least a third of its filled non-label cells are figures.
    let filled: usize = rows.iter().map(|r| r.non_label_texts().len()).sum();
    let figures: usize = rows
        .iter()
        .map(|r| {
            r.non_label_texts()
                .iter()
                .filter(|t| !is_year(t) && parse_cell(t, vocab).value.is_some())
                .count()
        })
        .sum();
    let numeric = figures > 0 && figures * 3 >= filled;
    let mut header_end = start;
    if numeric {
        while header_end < rows.len()
            && header_end - start < 3
            && rows[header_end].is_header_like(vocab)
        {
            header_end += 1;
        }
    } else if rows.len() - start >= 2
        && !rows[start].clean(0).chars().any(|ch| ch.is_ascii_digit())
        && !rows[start].has_figure(vocab)
    {
        // A text table: its first row is a header unless it is numbered or holds figures.
        header_end = start + 1;
    }
    let header = &rows[start..header_end];
    let joined = join_headers(header, ncols);
    let label_header = joined.first().filter(|t| !t.is_empty()).cloned();
    let columns: Vec<String> = joined.into_iter().skip(1).collect();

    let mut table_rows: Vec<Row> = rows[header_end..]
        .iter()
        .map(|r| {
            let bold = r.cells.iter().any(|c| strip_markup(c).1);
            Row {
                label: r.clean(0),
                kind: RowKind::Data,
                cells: (1..ncols)
                    .map(|i| {
                        let mut cell = parse_cell(r.cells.get(i).map_or("", String::as_str), vocab);
                        cell.span = r.spans.get(i).copied().flatten();
                        cell
                    })
                    .collect(),
                bold,
                provenance: Provenance::new(ctx.file, ctx.page, r.line),
            }
        })
        .collect();
    if table_rows.is_empty() {
        return None;
    }
    classify_rows(&mut table_rows, vocab);
    let realigned = arith::realign_totals(&mut table_rows);

    let first_line = rows[0].line;
    if title.is_none() {
        title = title_from_lines_above(ctx.above.iter().copied());
    }
    if title.is_none() {
        title = label_header.clone();
    }
    let named: Vec<&str> = title
        .iter()
        .map(String::as_str)
        .chain(label_header.iter().map(String::as_str))
        .chain(columns.iter().map(String::as_str))
        .chain(
            ctx.above
                .iter()
                .filter(|l| !l.trim().is_empty())
                .take(3)
                .copied(),
        )
        .collect();
    let unit = table_unit(named, &table_rows);
    Some(Table {
        title,
        unit,
        columns,
        label_header,
        rows: table_rows,
        source: ctx.source,
        provenance: Provenance::new(ctx.file, ctx.page, first_line),
        ambiguities: Vec::new(),
        realigned,
        unread_rows: Vec::new(),
        fixed: Vec::new(),
    })
}
