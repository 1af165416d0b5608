//! Tables from PDF geometry. Layout gives each line its spans (runs of text without a
//! column gap) with x-ranges. A table is a run of lines with two or more spans; its
//! columns are the x-intervals the value spans of its rows occupy (figures are
//! right-aligned, so a column's figures overlap at the right edge); every span goes to
//! the column it overlaps most, so an empty cell stays empty instead of pulling the
//! figures to its right one column left. Header lines above the first row of figures are
//! assigned to columns by x-position, not by gaps, and wrapped headers ("Utfall ack." over
//! "aug 2020") are joined per column; a header that spans several columns prefixes each.
//! A table cut by a page break continues on the next page when its columns line up.

use super::arith::realign_totals;
use super::cell::{is_year, parse_cell};
use super::classify::{classify_rows, table_unit, title_from_lines_above};
use super::{Row, RowKind, Table, TableSource};
use crate::grammar::vocab::Vocabulary;
use crate::layout::{LaidOutFile, Line, Span};
use crate::Provenance;
use std::sync::Arc;

/// A table with the geometry needed to continue it on the next page.
struct Placed {
    table: Table,
    columns_x: Vec<(f64, f64)>,
    page: u32,
    starts_page: bool,
    ends_page: bool,
}

fn is_figure(text: &str, vocab: &Vocabulary) -> bool {
    !is_year(text) && parse_cell(text, vocab).value.is_some()
}

fn overlap(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.1.min(b.1) - a.0.max(b.0)).max(0.0)
}

/// Every table of a PDF, pages in order, tables cut by a page break joined.
pub(crate) fn extract_file(file: &LaidOutFile, vocab: &Vocabulary) -> Vec<Table> {
    let mut placed: Vec<Placed> = Vec::new();
    for page in &file.pages {
        let lines: Vec<&Line> = page.lines.iter().filter(|l| !l.furniture).collect();
        for found in extract_page(&file.path, page.number, &lines, vocab) {
            let continues = placed.last().is_some_and(|prev| {
                prev.ends_page
                    && found.starts_page
                    && prev.page + 1 == found.page
                    && found.table.columns.iter().all(String::is_empty)
                    && found.columns_x.len() <= prev.columns_x.len()
                    && found
                        .columns_x
                        .iter()
                        .all(|c| prev.columns_x.iter().any(|p| overlap(*p, *c) > 0.0))
            });
            match placed.last_mut() {
                Some(prev) if continues => append_continuation(prev, found, vocab),
                _ if found.table.rows.len() + usize::from(!found.table.columns.is_empty()) >= 2
                    || (found.table.rows.is_empty() && found.ends_page) =>
                {
                    placed.push(found)
                }
                _ => {}
            }
        }
    }
    // A header whose rows never came (no continuation on the next page) is no table.
    placed
        .into_iter()
        .map(|p| p.table)
        .filter(|t| !t.rows.is_empty())
        .collect()
}

fn append_continuation(prev: &mut Placed, next: Placed, vocab: &Vocabulary) {
    let n = prev.columns_x.len();
    for mut row in next.table.rows {
        // Put each cell under the previous page's column with the same right edge.
        let mut cells = vec![parse_cell("", vocab); n];
        for (cell, x) in row.cells.drain(..).zip(&next.columns_x) {
            let best = (0..n)
                .map(|i| (i, overlap(prev.columns_x[i], *x)))
                .filter(|(_, o)| *o > 0.0)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((i, _)) = best {
                cells[i] = cell;
            }
        }
        row.cells = cells;
        prev.table.rows.push(row);
    }
    prev.ends_page = next.ends_page;
    prev.page = next.page;
    for r in &mut prev.table.rows {
        r.kind = RowKind::Data;
    }
    classify_rows(&mut prev.table.rows, vocab);
    prev.table.realigned = realign_totals(&mut prev.table.rows);
}

/// Lines of one page that form tables: two or more spans, or one short span between
/// such lines (a group heading or a wrapped label), without a paragraph-sized gap.
fn blocks(lines: &[&Line], vocab: &Vocabulary) -> Vec<(usize, usize)> {
    let multi = |l: &Line| l.spans.iter().filter(|s| !s.text.trim().is_empty()).count() >= 2;
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !multi(lines[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < lines.len() {
            let l = lines[end];
            let gap = l.y - lines[end - 1].y;
            let size = l.spans.first().map_or(10.0, |s| s.font_size).max(6.0);
            if gap > 3.2 * size {
                break;
            }
            // A numbered section heading ("C2 Foreløpig opptelling", "D1.2 Forkastede
            // stemmesedler", "2.3 Resultat") without figures ends the table: the rows
            // under it belong to the next section's table, not to this one's totals.
            let no_figure = spans_of(l)
                .iter()
                .skip(1)
                .all(|s| !s.text.split_whitespace().any(|w| is_figure(w, vocab)));
            if numbered_heading(&l.text) && no_figure {
                break;
            }
            if multi(l) {
                end += 1;
                continue;
            }
            let short = l.text.trim().chars().count() <= 60;
            if short && closes_with_lone_figure(&lines[end - 1..], vocab) {
                end += 1;
                continue;
            }
            let next_multi = lines[end + 1..].iter().take(2).any(|n| multi(n))
                && lines
                    .get(end + 1)
                    .is_some_and(|n| multi(n) || n.text.trim().chars().count() <= 60);
            // The last line of a page can be the wrapped end of the table's last row.
            // So can a short line set tight under the row above (a wrapped label).
            let tight = gap < 1.3 * size;
            if short && (next_multi || tight || end + 1 == lines.len()) {
                end += 1;
                continue;
            }
            // A long label wrapped around the row that holds its figures ("Det fremgår ikke
            // hvilket parti … §10-3" / "0  0" / "(1) c)"), set at row spacing between rows:
            // part of the table, or the rows under it lose the rows above their total.
            let wraps_onto_next = lines
                .get(end + 1)
                .is_some_and(|n| multi(n) && n.y - l.y < 1.3 * size);
            let pitch = if end >= start + 2 {
                lines[end - 1].y - lines[end - 2].y
            } else {
                0.0
            };
            let at_row_spacing = tight || gap <= 1.1 * pitch;
            if at_row_spacing && wraps_onto_next && !l.text.trim_end().ends_with('.') {
                end += 1;
                continue;
            }
            break;
        }
        // One line at the top of a page can only be a table's continuation; one at the
        // foot only a header whose rows are on the next page.
        let foot_header = end == lines.len() && header_like(lines[start]);
        if end - start >= 2 || start == 0 || foot_header {
            out.push((start, end));
        }
        i = end;
    }
    out
}

/// A line that opens a numbered section: a section number ("C2", "D1.2", "B2.1.1",
/// "2.3", "4.1.") followed by a word. A bare integer ("2023 Budget", "12 Kultur") is
/// not one: row labels and years start that way.
fn numbered_heading(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(number), Some(word)) = (words.next(), words.next()) else {
        return false;
    };
    if !word.chars().next().is_some_and(char::is_alphabetic) {
        return false;
    }
    let number = number.strip_suffix('.').unwrap_or(number);
    let (letter, rest) = match number.chars().next() {
        Some(c) if c.is_ascii_uppercase() => (true, &number[1..]),
        _ => (false, number),
    };
    let parts: Vec<&str> = rest.split('.').collect();
    let numeric = !rest.is_empty()
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()));
    numeric && (letter || parts.len() >= 2)
}

/// Whether the short one-span lines after a table's last line (`rest[0]`) end, within
/// three lines, in a lone figure set in the table's type at row spacing: a result under
/// the rows ("Timmar debiteras med 400 Kr/h" / "940 000kr"). Such lines belong to the
/// table; short lines that end in no figure do not.
fn closes_with_lone_figure(rest: &[&Line], vocab: &Vocabulary) -> bool {
    let Some((last, after)) = rest.split_first() else {
        return false;
    };
    let Some(size) = last.spans.first().map(|s| s.font_size) else {
        return false;
    };
    let mut prev_y = last.y;
    for l in after.iter().take(3) {
        let spans = spans_of(l);
        let [only] = spans.as_slice() else {
            return false;
        };
        let same_type = (only.font_size - size).abs() < 0.5;
        let gap = l.y - prev_y;
        if !same_type || gap <= 0.0 || gap > 2.5 * size.max(6.0) {
            return false;
        }
        if is_figure(only.text.trim(), vocab) {
            return true;
        }
        if only.text.trim().chars().count() > 60 {
            return false;
        }
        prev_y = l.y;
    }
    false
}

/// Merges x-intervals that overlap into columns, left to right.
fn cluster(mut intervals: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    intervals.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut cols: Vec<(f64, f64)> = Vec::new();
    for iv in intervals {
        match cols.last_mut() {
            Some(c) if iv.0 <= c.1 + 0.5 => c.1 = c.1.max(iv.1),
            _ => cols.push(iv),
        }
    }
    cols
}

/// The column a span belongs to: the one it overlaps most, else the nearest.
fn column_of(cols: &[(f64, f64)], s: &Span) -> Option<usize> {
    let iv = (s.x0, s.x1);
    let best = cols
        .iter()
        .enumerate()
        .map(|(i, c)| (i, overlap(*c, iv)))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    if best.1 > 0.0 {
        return Some(best.0);
    }
    let mid = (s.x0 + s.x1) / 2.0;
    cols.iter()
        .enumerate()
        .min_by(|a, b| {
            let da = (mid - (a.1 .0 + a.1 .1) / 2.0).abs();
            let db = (mid - (b.1 .0 + b.1 .1) / 2.0).abs();
            da.total_cmp(&db)
        })
        .map(|(i, _)| i)
}

fn extract_page(file: &Arc<str>, page: u32, lines: &[&Line], vocab: &Vocabulary) -> Vec<Placed> {
    let mut out = Vec::new();
    for (start, end) in blocks(lines, vocab) {
        if let Some(p) = build(file, page, lines, start, end, vocab) {
            out.push(p);
        }
    }
    out
}

fn spans_of(l: &Line) -> Vec<&Span> {
    l.spans
        .iter()
        .filter(|s| !s.text.trim().is_empty())
        .collect()
}

/// The byte range of each of [`spans_of`]'s spans (its text trimmed) in the line's text,
/// which is the spans joined by tabs; `None` where the text is not that.
fn span_ranges(l: &Line) -> Vec<Option<(usize, usize)>> {
    let mut out = Vec::new();
    let mut at = 0;
    for s in &l.spans {
        let start = at + (s.text.len() - s.text.trim_start().len());
        let end = start + s.text.trim().len();
        if !s.text.trim().is_empty() {
            let written = l.text.get(start..end) == Some(s.text.trim());
            out.push(written.then_some((start, end)));
        }
        at += s.text.len() + 1;
    }
    out
}

/// A line that can head columns: short spans, no bullet, no sentence.
fn header_like(l: &Line) -> bool {
    let spans = spans_of(l);
    !spans.is_empty()
        && spans.iter().all(|s| s.text.trim().chars().count() <= 45)
        && !spans.first().is_some_and(|s| is_bullet(&s.text))
        && !l.text.trim_end().ends_with('.')
}

fn is_bullet(text: &str) -> bool {
    matches!(
        text.trim(),
        "•" | "-" | "–" | "\u{f0b7}" | "·" | "*" | "o" | "▪"
    )
}

/// Where a table's block really starts: lines above the first row of figures belong to
/// the table only while they look like column headers (at most four): prose or a list
/// item above ends it.
fn header_start(lines: &[&Line], start: usize, end: usize, vocab: &Vocabulary) -> usize {
    let first_figures = lines[start..end].iter().position(|l| {
        spans_of(l)
            .iter()
            .skip(1)
            .any(|s| is_figure(&s.text, vocab))
    });
    match first_figures {
        Some(f) => {
            let mut s = start + f;
            while s > start && start + f - (s - 1) <= 4 && header_like(lines[s - 1]) {
                s -= 1;
            }
            s
        }
        None => start,
    }
}

/// Which span of a line holds the row's label.
struct LabelColumn {
    /// The block's left edge: in a table with rows, a line's first span starting there is
    /// its label.
    left: f64,
    /// The page's left margin: in a header alone at the foot of a page, the label column's
    /// own header, if any, starts there ("Roll" over "Budget").
    margin: f64,
    header_only: bool,
}

impl LabelColumn {
    fn of(&self, l: &Line) -> Option<usize> {
        let spans = spans_of(l);
        if self.header_only {
            (spans.len() >= 2 && spans[0].x0 <= self.margin + 4.0).then_some(0)
        } else {
            let first = spans.first()?;
            (first.x0 <= self.left + 4.0).then_some(0)
        }
    }
}

/// Whether a line has a figure outside the label column, which starts at the block's
/// left edge `left`.
fn has_figures_beside(l: &Line, left: f64, vocab: &Vocabulary) -> bool {
    let edge_label = spans_of(l)
        .first()
        .and_then(|first| (first.x0 <= left + 4.0).then_some(0));
    spans_of(l)
        .iter()
        .enumerate()
        .any(|(i, s)| (edge_label != Some(i)) && is_figure(&s.text, vocab))
}

/// The columns: the spans of the body rows clustered by x, with header words over no
/// column of values heading an empty column of their own.
fn column_ranges(header: &[&Line], body: &[&Line], label: &LabelColumn) -> Vec<(f64, f64)> {
    let mut intervals = Vec::new();
    for l in body {
        let label = label.of(l);
        for (i, s) in spans_of(l).iter().enumerate() {
            if Some(i) != label {
                intervals.push((s.x0, s.x1));
            }
        }
    }
    let mut cols = cluster(intervals);
    for l in header {
        let label = label.of(l);
        for (i, s) in spans_of(l).iter().enumerate() {
            if Some(i) != label && !cols.iter().any(|c| overlap(*c, (s.x0, s.x1)) > 0.0) {
                cols.push((s.x0, s.x1));
            }
        }
    }
    cols.sort_by(|a, b| a.0.total_cmp(&b.0));
    cluster(cols)
}

/// The header text of each column and of the label column; a span over several columns
/// heads each of them.
fn column_headers(
    header: &[&Line],
    cols: &[(f64, f64)],
    label: &LabelColumn,
) -> (Vec<String>, String) {
    let mut headers = vec![String::new(); cols.len()];
    let mut label_header = String::new();
    for l in header {
        let label = label.of(l);
        for (i, s) in spans_of(l).iter().enumerate() {
            let text = s.text.trim();
            if Some(i) == label {
                push_word(&mut label_header, text);
                continue;
            }
            let over: Vec<usize> = (0..cols.len())
                .filter(|&c| overlap(cols[c], (s.x0, s.x1)) > 0.0)
                .collect();
            if over.len() > 1 {
                for c in over {
                    push_word(&mut headers[c], text);
                }
            } else if let Some(c) = column_of(cols, s) {
                push_word(&mut headers[c], text);
            }
        }
    }
    (headers, label_header)
}

/// The rows of the body, each line's spans put in their columns. The row pitch is the
/// smallest distance between two consecutive lines with figures; a line without figures
/// much closer than that to the row above continues its cells (text wrapped inside a
/// cell), it is no row of its own.
fn read_rows(
    body: &[&Line],
    cols: &[(f64, f64)],
    label: &LabelColumn,
    has_figures: &dyn Fn(&Line) -> bool,
    file: &Arc<str>,
    page: u32,
    vocab: &Vocabulary,
) -> Vec<Row> {
    let pitch = body
        .windows(2)
        .filter(|w| has_figures(w[0]) && has_figures(w[1]))
        .map(|w| w[1].y - w[0].y)
        .filter(|g| *g > 0.0)
        .fold(f64::INFINITY, f64::min);
    let size = body
        .iter()
        .filter_map(|l| spans_of(l).first().map(|s| s.font_size))
        .fold(0.0, f64::max)
        .max(6.0);
    let wrap_gap = if pitch.is_finite() {
        (pitch * 0.8).min(size * 1.6)
    } else {
        size * 1.3
    };
    let mut rows: Vec<Row> = Vec::new();
    let mut prev_y: Option<f64> = None;
    for l in body {
        let label = label.of(l);
        let continues = prev_y.is_some_and(|y| l.y - y < wrap_gap) && !has_figures(l);
        prev_y = Some(l.y);
        if let (true, Some(last)) = (continues, rows.last_mut()) {
            for (i, s) in spans_of(l).iter().enumerate() {
                if Some(i) == label {
                    push_word(&mut last.label, s.text.trim());
                } else if let Some(c) = column_of(cols, s) {
                    let mut raw = last.cells[c].raw.clone();
                    push_word(&mut raw, s.text.trim());
                    // Wrapped over two lines: the cell stands in no one line.
                    last.cells[c] = parse_cell(&raw, vocab);
                }
            }
            continue;
        }
        let spans = spans_of(l);
        let ranges = span_ranges(l);
        let mut texts = vec![String::new(); cols.len()];
        // Each column's byte range in the line, while every span in it has one.
        let mut places: Vec<Option<(usize, usize)>> = vec![None; cols.len()];
        let mut placed = vec![true; cols.len()];
        let mut label_text = String::new();
        for (i, s) in spans.iter().enumerate() {
            if Some(i) == label {
                label_text = s.text.trim().to_string();
            } else if let Some(c) = column_of(cols, s) {
                push_word(&mut texts[c], s.text.trim());
                match (ranges.get(i).copied().flatten(), places[c]) {
                    (Some(r), None) => places[c] = Some(r),
                    (Some((_, e)), Some((s0, _))) => places[c] = Some((s0, e.max(s0))),
                    (None, _) => placed[c] = false,
                }
            }
        }
        let cells = texts
            .iter()
            .zip(places.iter().zip(&placed))
            .map(|(t, (place, &ok))| {
                let mut cell = parse_cell(t, vocab);
                cell.span = place
                    .filter(|_| ok && !cell.raw.is_empty())
                    .and_then(|(s, e)| crate::LineSpan::in_line(&l.text, s, e));
                cell
            })
            .collect();
        rows.push(Row {
            label: label_text,
            kind: RowKind::Data,
            cells,
            bold: false,
            provenance: Provenance::new(file, page, l.number),
        });
    }
    rows
}

/// The table in lines `start..end` of a page: its header lines, label column, columns,
/// headers and rows, then its kinds of rows, title and unit.
fn build(
    file: &Arc<str>,
    page: u32,
    lines: &[&Line],
    start: usize,
    end: usize,
    vocab: &Vocabulary,
) -> Option<Placed> {
    let start = header_start(lines, start, end, vocab);
    // A bulleted list is no table.
    let bullets = lines[start..end]
        .iter()
        .filter(|l| spans_of(l).first().is_some_and(|s| is_bullet(&s.text)))
        .count();
    if bullets * 2 >= end - start {
        return None;
    }
    let block = &lines[start..end];
    let left = block
        .iter()
        .filter_map(|l| spans_of(l).first().map(|s| s.x0))
        .fold(f64::INFINITY, f64::min);
    let has_figures = |l: &Line| has_figures_beside(l, left, vocab);
    let first_data = block.iter().position(|l| has_figures(l));
    // Column headers alone at the foot of a page ("Utfall / aug 2016 …" with the rows on
    // the next page): all of it is header, and with no rows the label column is unknown.
    let header_only = first_data.is_none()
        && end == lines.len()
        && block.len() <= 4
        && block.iter().all(|l| header_like(l));
    let label = LabelColumn {
        left,
        margin: lines
            .iter()
            .filter_map(|l| spans_of(l).first().map(|s| s.x0))
            .fold(f64::INFINITY, f64::min),
        header_only,
    };
    // Without figures, the first line is the header when there is more than one line.
    let mut header_end = match first_data {
        Some(f) => f,
        None if header_only => block.len(),
        None => usize::from(block.len() >= 2),
    };
    // Label-only lines just above the first figures head a group of rows, not columns.
    while header_end > 0 && {
        let spans = spans_of(block[header_end - 1]);
        spans.len() == 1 && label.of(block[header_end - 1]) == Some(0)
    } {
        header_end -= 1;
    }
    if header_end > 4 {
        return None;
    }
    let (header, body) = block.split_at(header_end);
    let mut cols = column_ranges(header, body, &label);
    if cols.is_empty() {
        return None;
    }
    let figures_label = figures_in_label_column(header, body, &cols, &|l| label.of(l), vocab);
    let (mut headers, label_header) = column_headers(header, &cols, &label);
    let mut rows = read_rows(body, &cols, &label, &has_figures, file, page, vocab);
    if rows.is_empty() && !header_only {
        return None;
    }
    if figures_label {
        for r in &mut rows {
            let first = r.cells.remove(0);
            push_word(&mut r.label, first.raw.trim());
        }
        headers.remove(0);
        cols.remove(0);
    }
    classify_rows(&mut rows, vocab);
    let realigned = realign_totals(&mut rows);
    let above: Vec<&str> = lines[..start]
        .iter()
        .rev()
        .take(4)
        .map(|l| l.text.as_str())
        .collect();
    let label_header = (!label_header.is_empty()).then_some(label_header);
    let title = title_from_lines_above(above.iter().copied()).or_else(|| label_header.clone());
    let named: Vec<&str> = title
        .iter()
        .map(String::as_str)
        .chain(label_header.iter().map(String::as_str))
        .chain(headers.iter().map(String::as_str))
        .chain(above.iter().take(2).copied())
        .collect();
    let unit = table_unit(named, &rows);
    Some(Placed {
        table: Table {
            title,
            unit,
            columns: headers,
            label_header,
            rows,
            source: TableSource::Geometry,
            provenance: Provenance::new(file, page, block[0].number),
            ambiguities: Vec::new(),
            realigned,
            unread_rows: Vec::new(),
            fixed: Vec::new(),
        },
        columns_x: cols,
        page,
        starts_page: start == 0,
        ends_page: end == lines.len(),
    })
}

/// Whether the leftmost column of values is really the label column holding figures: a
/// slide table "Budget / 1 019 000" whose first column is headed at the labels' left edge
/// and holds a right-aligned figure, or a lone result figure under labelled rows. So it
/// is when no row has both a label and a value there, every value there is a figure, the
/// column has no header of its own, and labels or a label header show there is a label
/// column. A table of bare figures without a label header keeps all its columns.
fn figures_in_label_column(
    header: &[&Line],
    body: &[&Line],
    cols: &[(f64, f64)],
    label_of: &dyn Fn(&Line) -> Option<usize>,
    vocab: &Vocabulary,
) -> bool {
    if cols.len() < 2 {
        return false;
    }
    let in_first = |l: &Line| -> Vec<String> {
        let label = label_of(l);
        spans_of(l)
            .iter()
            .enumerate()
            .filter(|(i, s)| Some(*i) != label && column_of(cols, s) == Some(0))
            .map(|(_, s)| s.text.trim().to_string())
            .collect()
    };
    let mut filled = false;
    for l in body {
        let texts = in_first(l);
        if texts.is_empty() {
            continue;
        }
        if label_of(l).is_some() || !texts.iter().all(|t| is_figure(t, vocab)) {
            return false;
        }
        filled = true;
    }
    let own_header = header.iter().any(|l| !in_first(l).is_empty());
    let label_header = header.iter().any(|l| label_of(l).is_some());
    let labels = body.iter().any(|l| label_of(l).is_some());
    filled && !own_header && (label_header || labels)
}

fn push_word(target: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    if !target.is_empty() {
        target.push(' ');
    }
    target.push_str(text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{ReadReport, SourceKind};
    use crate::layout::Page;

    /// A line of spans (text, x0, x1) at height `y`, 11 pt.
    fn line(number: u32, y: f64, spans: &[(&str, f64, f64)]) -> Line {
        Line {
            number,
            y,
            text: spans.iter().map(|s| s.0).collect::<Vec<_>>().join("\t"),
            spans: spans
                .iter()
                .map(|(t, x0, x1)| Span {
                    text: t.to_string(),
                    x0: *x0,
                    x1: *x1,
                    font_size: 11.0,
                    ocr: None,
                })
                .collect(),
            furniture: false,
        }
    }

    fn tables(lines: Vec<Line>) -> Vec<Table> {
        extract_file(
            &LaidOutFile {
                path: Arc::from("t.pdf"),
                kind: SourceKind::Pdf,
                pages: vec![Page {
                    number: 1,
                    width: 600.0,
                    height: 800.0,
                    lines,
                }],
                report: ReadReport::default(),
            },
            Vocabulary::builtin_shared(),
        )
    }

    #[test]
    fn one_header_line_at_the_foot_of_a_page_heads_the_rows_on_the_next() {
        let page = |number: u32, lines: Vec<Line>| Page {
            number,
            width: 600.0,
            height: 800.0,
            lines,
        };
        let t = extract_file(
            &LaidOutFile {
                path: Arc::from("t.pdf"),
                kind: SourceKind::Pdf,
                pages: vec![
                    page(
                        1,
                        vec![
                            line(1, 100.0, &[("Kostnader fördelas på alla", 50.0, 250.0)]),
                            line(2, 130.0, &[("Post", 50.0, 70.0), ("Belopp", 330.0, 360.0)]),
                        ],
                    ),
                    page(
                        2,
                        vec![
                            line(1, 50.0, &[("Drift", 50.0, 75.0), ("1 500", 330.0, 360.0)]),
                            line(2, 68.0, &[("Stöd", 50.0, 72.0), ("900", 342.0, 360.0)]),
                            line(3, 86.0, &[("2 400", 330.0, 360.0)]),
                        ],
                    ),
                ],
                report: ReadReport::default(),
            },
            Vocabulary::builtin_shared(),
        );
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].label_header.as_deref(), Some("Post"));
        assert_eq!(t[0].columns, ["Belopp"]);
        let labels: Vec<&str> = t[0].rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["Drift", "Stöd", ""]);
        assert_eq!(t[0].rows[2].kind, RowKind::Total);
    }

    #[test]
    fn numbered_section_headings_are_told_from_row_labels() {
        for h in [
            "C2 Foreløpig opptelling hos stemmestyrene",
            "D1.2 Forkastede forhåndsstemmesedler",
            "B2.1.1 Behandlede ordinære forhåndsstemmesedler",
            "2.3 Resultat per nämnd",
            "4.1. Driftredovisning",
        ] {
            assert!(super::numbered_heading(h), "{h}");
        }
        for l in [
            "2023 Budget",
            "12 Kultur och fritid",
            "6016 Reinvesteringar",
            "Summa 1 234",
            "A-kassa 12",
            "1 234 567",
            "2.5 3.5",
        ] {
            assert!(!super::numbered_heading(l), "{l}");
        }
    }

    fn cells(r: &Row) -> Vec<&str> {
        r.cells.iter().map(|c| c.raw.as_str()).collect()
    }

    #[test]
    fn figure_under_a_header_at_the_label_edge_is_the_label() {
        let t = tables(vec![
            line(1, 100.0, &[("Kostnad", 50.0, 120.0)]),
            line(2, 130.0, &[("Plan", 50.0, 75.0), ("Utfall", 260.0, 290.0)]),
            line(
                3,
                150.0,
                &[
                    ("2 500", 150.0, 180.0),
                    ("2 100", 262.0, 290.0),
                    ("= 400", 380.0, 410.0),
                ],
            ),
        ]);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].label_header.as_deref(), Some("Plan"));
        assert_eq!(t[0].columns, ["Utfall", ""]);
        assert_eq!(t[0].rows[0].label, "2 500");
        assert_eq!(cells(&t[0].rows[0]), ["2 100", "= 400"]);
    }

    #[test]
    fn lone_figure_under_labelled_rows_closes_the_table() {
        let t = tables(vec![
            line(1, 100.0, &[("Tid", 50.0, 80.0)]),
            line(2, 120.0, &[("Ort A", 50.0, 80.0), ("120h", 390.0, 420.0)]),
            line(3, 138.0, &[("Ort B", 50.0, 80.0), ("80h", 395.0, 420.0)]),
            line(4, 156.0, &[("Debiteras med 100 kr/h", 50.0, 180.0)]),
            line(5, 180.0, &[("20 000 kr", 300.0, 345.0)]),
            line(6, 400.0, &[("Nästa rubrik", 50.0, 150.0)]),
        ]);
        assert_eq!(t.len(), 1);
        let labels: Vec<&str> = t[0].rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Ort A", "Ort B", "Debiteras med 100 kr/h", "20 000 kr"]
        );
        assert!(t[0].rows.iter().all(|r| r.cells.len() == 1));
        // The figure is a result, no group heading; the text line above it heads.
        assert_eq!(t[0].rows[2].kind, RowKind::Heading);
        assert_eq!(t[0].rows[3].kind, RowKind::Data);
    }

    #[test]
    fn a_first_column_with_its_own_header_stays_a_column() {
        let t = tables(vec![
            line(
                1,
                100.0,
                &[
                    ("Post", 50.0, 75.0),
                    ("Plan", 150.0, 170.0),
                    ("Utfall", 262.0, 290.0),
                ],
            ),
            line(
                2,
                120.0,
                &[("2 500", 140.0, 170.0), ("2 100", 262.0, 290.0)],
            ),
        ]);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].columns, ["Plan", "Utfall"]);
        assert!(t[0].rows[0].label.is_empty());
        assert_eq!(cells(&t[0].rows[0]), ["2 500", "2 100"]);
    }

    #[test]
    fn short_text_after_a_table_without_a_figure_stays_out() {
        let t = tables(vec![
            line(1, 120.0, &[("Ort A", 50.0, 80.0), ("120", 390.0, 420.0)]),
            line(2, 138.0, &[("Ort B", 50.0, 80.0), ("80", 400.0, 420.0)]),
            line(3, 162.0, &[("Kommentar till tabellen", 50.0, 180.0)]),
            line(4, 180.0, &[("En andra rad", 50.0, 120.0)]),
            line(5, 260.0, &[("Nästa rubrik", 50.0, 150.0)]),
        ]);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows.len(), 2);
    }
}
