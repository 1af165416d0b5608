//! Tables, one model for three sources: PDF geometry (spans with x-ranges), text with
//! tabs or markdown pipes, and flat text where one space is both column gap and
//! thousands separator.
//!
//! `extract` finds every table of a laid-out file: PDFs through `geometry`, text sources
//! through `delimited` (tabs, markdown pipes) and `flat` (one space for everything, with
//! the table's own arithmetic choosing among the readings of each row's digit groups).

mod aligned;
mod arith;
mod bars;
mod bullets;
mod cell;
mod cellines;
mod classify;
mod delimited;
pub mod digits;
mod docstyle;
pub mod flat;
mod geometry;
mod grid;
mod mixed;
mod notes;
mod oneline;
mod statement;
mod suffixed;

pub use cell::parse_cell;

/// A word that is a year ("2019"): four digits starting 19 or 20.
pub fn is_year_word(word: &str) -> bool {
    cell::is_year(word)
}
pub use digits::{segmentations, DigitGroup};
pub use flat::{parse_flat_row, FlatLine};

use crate::grammar::number::Unit;
use crate::grammar::vocab::Vocabulary;
use crate::Provenance;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RowKind {
    Data,
    Total,
    Subtotal,
    /// A label-only row that heads a group of rows.
    Heading,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// The text as written.
    pub raw: String,
    /// The parsed value in the cell's own unit; `None` when empty or not a figure.
    pub value: Option<Decimal>,
    pub unit: Unit,
    /// Decimals the writer used: the figure stands for value ± half a unit of that place.
    pub decimals: u32,
    pub empty: bool,
    /// A footnote mark glued after the figure ("1 234¹", "1 234*"): kept, not part of
    /// the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<String>,
    /// Why figure-like text was not read as a figure ("-7 73": a digit group cut short;
    /// "2025.2": a decimal or a footnote 2, not decided). `value` is then `None`; the
    /// table counts as not fully parsed (TAB003).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unread: Option<String>,
    /// A note reference ("12" under a "Not" header): never a figure, never in a sum.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reference: bool,
    /// Where the cell's text stands in its row's line, when the reader read it from that
    /// one line (a cell wrapped over lines, or a row joined from several, has none). It
    /// places a finding's caret (`Provenance::span`); the check stage reads it in the
    /// process that read the table, so it is not written out with the documents.
    #[serde(skip)]
    pub span: Option<crate::LineSpan>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub label: String,
    pub kind: RowKind,
    /// One entry per column after the label column.
    pub cells: Vec<Cell>,
    pub bold: bool,
    pub provenance: Provenance,
}

/// How the table's rows were found; the flat form may carry ambiguities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TableSource {
    Geometry,
    Delimited,
    Flat,
    Docx,
}

/// A row whose digit groups allowed more than one reading that fit the table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ambiguity {
    pub row: usize,
    pub readings: Vec<Vec<String>>,
    pub provenance: Provenance,
    /// Every possible reading of the row is listed (none left out by a cap), so a
    /// relation that fails under all of them fails whichever the record means.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub complete: bool,
    /// Why the table's own relations, scored reading by reading with the other tied rows'
    /// readings beside it, did not fix the split ([`Table::fixed`]), when they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unfixed: Option<String>,
}

/// A row whose digit groups split into cells more than one way, read one way because
/// only that split makes the table's relations through it hold ([`Table::fixed`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FixedSplit {
    pub row: usize,
    /// The cells as read.
    pub reading: Vec<String>,
    /// How the split was fixed, in the finding's words.
    pub how: String,
    /// The rows whose relations (the row each states: a total, a result line) fixed the
    /// split: a relation stating one of them is never a finding through this row.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub title: Option<String>,
    /// The table's default unit ("(tkr)", "kr" in cells, or the document's default).
    pub unit: Unit,
    /// Header text per column after the label column (wrapped headers joined).
    pub columns: Vec<String>,
    /// Header text over the label column ("RESULTATRÄKNING (tkr)"), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label_header: Option<String>,
    pub rows: Vec<Row>,
    pub source: TableSource,
    pub provenance: Provenance,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ambiguities: Vec<Ambiguity>,
    /// Rows whose readings the table's first choice left tied, and whose split the
    /// table's own relations then fixed (only one reading makes them hold): read that
    /// way, and every finding through them says how the split was fixed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixed: Vec<FixedSplit>,
    /// Rows whose figures stood in the wrong columns in the source and were moved back
    /// because the table's own sums say where they belong (an extraction artifact).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub realigned: Vec<Realignment>,
    /// Rows with figures the reader could not fit into the table's columns: kept here
    /// with their text, never dropped silently (reported by TAB003).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unread_rows: Vec<UnreadRow>,
}

/// A line inside a table whose figures could not be read as the table's cells.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnreadRow {
    pub label: String,
    /// The line as written.
    pub text: String,
    pub reason: String,
    pub provenance: Provenance,
}

/// A total row whose figures were moved: `moves` lists (from, to) column indexes; each
/// moved figure equals the sum of the column it now stands in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Realignment {
    pub row: usize,
    pub moves: Vec<(usize, usize)>,
    pub provenance: Provenance,
}

/// Every table in a laid-out file, in reading order, each with its provenance.
pub fn extract(file: &crate::layout::LaidOutFile, vocab: &Vocabulary) -> Vec<Table> {
    let mut tables = extract_unsettled(file, vocab);
    tables.iter_mut().for_each(too_wide_as_unread);
    // A point between digits read by the whole document's number style (docstyle.rs).
    let points_group_thousands = !tables.is_empty()
        && docstyle::census(file.content_lines().map(|(_, l)| l.text.as_str()))
            .points_group_thousands();
    for t in &mut tables {
        notes::settle(t, vocab);
        if points_group_thousands {
            docstyle::read_points_as_thousands(t, vocab);
        }
    }
    tables
}

fn extract_unsettled(file: &crate::layout::LaidOutFile, vocab: &Vocabulary) -> Vec<Table> {
    if file.kind == crate::ingest::SourceKind::Pdf {
        return extract_pdf(file, vocab);
    }
    let mut tables = Vec::new();
    let mut pending: Vec<(usize, UnreadRow)> = Vec::new();
    for page in &file.pages {
        let lines: Vec<&crate::layout::Line> = page.lines.iter().filter(|l| !l.furniture).collect();
        let found = text_page(
            &file.path,
            page.number,
            lines,
            vocab,
            &mut pending,
            tables.len(),
        );
        tables.extend(found);
    }
    place_pending(&mut tables, pending, &file.path);
    tables
}

/// The widest table whose relations are checked: the checks try every pair of columns
/// against every column, so a table of thousands (a broken or hostile file: one line's
/// cells repeated over and over) would take hours. No real table comes near it.
const MAX_CHECKED_COLUMNS: usize = 256;

/// A table wider than [`MAX_CHECKED_COLUMNS`] keeps its rows as rows not read (reported by
/// TAB003, the table counted not fully parsed) instead of being checked.
fn too_wide_as_unread(table: &mut Table) {
    let columns = table.columns.len();
    if columns <= MAX_CHECKED_COLUMNS {
        return;
    }
    for row in std::mem::take(&mut table.rows) {
        let mut text = row.label.clone();
        for cell in &row.cells {
            text.push(' ');
            text.push_str(cell.raw.trim());
        }
        let mut shown: String = text.chars().take(200).collect();
        if shown.len() < text.len() {
            shown.push('…');
        }
        table.unread_rows.push(UnreadRow {
            label: row.label,
            text: shown,
            reason: format!(
                "its table has {columns} columns, more than the {MAX_CHECKED_COLUMNS} a table's relations are checked in (one line's cells repeated?)"
            ),
            provenance: row.provenance,
        });
    }
    table.columns.clear();
    table.ambiguities.clear();
    table.fixed.clear();
    table.realigned.clear();
}

/// Every table of a PDF. The geometric reader takes the tables whose columns are set
/// apart by gaps; the lines no geometric table took (neither a row of one nor inside
/// one's extent, from its first line to its last row) then go through the text readers,
/// as the same lines would in a text source: a table whose cells are one space apart (a
/// report printed from text, a monospaced page, a narrow layout) is one span per line to
/// the geometry, but flat rows to the text readers. A line of several spans that no
/// geometric table took (a lone row whose label stands apart from its figures, a block
/// the geometry judged no table) is read with its column gaps written as three spaces,
/// as a text source aligns them, not as tab-separated cells: the geometry saw its
/// columns and found no table. The geometric tables cut the other lines into stretches,
/// each read on its own, so no text table reaches across one. A stretch runs on over a
/// page break (running headers and footers are not in it), as the text does: a table
/// cut by the break stays one table, and a total at the top of a page is not checked
/// against the rows of its page alone. Where the geometric reader read every table, this
/// adds nothing to its tables but the rows with figures the text readers could not read
/// (kept, never dropped in silence).
fn extract_pdf(file: &crate::layout::LaidOutFile, vocab: &Vocabulary) -> Vec<Table> {
    let mut tables = geometry::extract_file(file, vocab);
    // Per page, the line ranges the geometric tables occupy.
    let mut occupied: std::collections::HashMap<u32, Vec<(u32, u32)>> = Default::default();
    for t in &tables {
        let mut spans: std::collections::BTreeMap<u32, (u32, u32)> = Default::default();
        let rows = t.rows.iter().map(|r| &r.provenance);
        let noted = t.unread_rows.iter().map(|u| &u.provenance);
        for p in std::iter::once(&t.provenance).chain(rows).chain(noted) {
            let e = spans.entry(p.page).or_insert((p.line, p.line));
            e.0 = e.0.min(p.line);
            e.1 = e.1.max(p.line);
        }
        for (page, span) in spans {
            occupied.entry(page).or_default().push(span);
        }
    }
    let mut read: Vec<Table> = Vec::new();
    let mut pending: Vec<(usize, UnreadRow)> = Vec::new();
    let mut stretch: Vec<StretchLine> = Vec::new();
    let mut flush = |stretch: &mut Vec<StretchLine>| {
        if !stretch.is_empty() {
            read_stretch(
                &file.path,
                std::mem::take(stretch),
                vocab,
                &mut read,
                &mut pending,
            );
        }
    };
    for page in &file.pages {
        let taken = occupied.get(&page.number).map_or(&[][..], Vec::as_slice);
        let mut lines = page.lines.iter().filter(|l| !l.furniture).peekable();
        // A page without text (an image) is a gap in the text: nothing runs over it.
        if lines.peek().is_none() {
            flush(&mut stretch);
        }
        for l in lines {
            if taken.iter().any(|(a, b)| (*a..=*b).contains(&l.number)) {
                flush(&mut stretch);
                continue;
            }
            let spans: Vec<&str> = l
                .spans
                .iter()
                .map(|s| s.text.trim())
                .filter(|t| !t.is_empty())
                .collect();
            let aligned = (spans.len() >= 2).then(|| spans.join("   "));
            stretch.push(StretchLine {
                page: page.number,
                line: l,
                aligned,
            });
        }
    }
    flush(&mut stretch);
    tables.extend(read);
    // Reading order; a table cut by a page break stands where it starts.
    tables.sort_by_key(|t| (t.provenance.page, t.provenance.line));
    // A row not read on lines without a table goes with the last table before it.
    let pending = pending
        .into_iter()
        .map(|(_, row)| {
            let at = (row.provenance.page, row.provenance.line);
            let before = tables
                .iter()
                .take_while(|t| (t.provenance.page, t.provenance.line) <= at)
                .count();
            (before, row)
        })
        .collect();
    place_pending(&mut tables, pending, &file.path);
    tables
}

/// A line of a PDF page for the text readers: its page, the line, and its text with the
/// column gaps written as spaces when it has several spans.
struct StretchLine<'a> {
    page: u32,
    line: &'a crate::layout::Line,
    aligned: Option<String>,
}

/// Reads one stretch of a PDF's lines, in order, with the text readers. A stretch of
/// one page's lines as they are is read as that page; otherwise its lines are read as one
/// page numbered in order (their gaps written as spaces where they have several spans),
/// and every place in what it gives is then put back on its own page and line. A cell
/// read from a line whose text was rewritten has no place in the line as written.
fn read_stretch(
    path: &std::sync::Arc<str>,
    stretch: Vec<StretchLine>,
    vocab: &Vocabulary,
    read: &mut Vec<Table>,
    pending: &mut Vec<(usize, UnreadRow)>,
) {
    let first = stretch[0].page;
    if stretch
        .iter()
        .all(|s| s.page == first && s.aligned.is_none())
    {
        let lines = stretch.into_iter().map(|s| s.line).collect();
        read.extend(text_page(path, first, lines, vocab, pending, 0));
        return;
    }
    let renumbered: Vec<crate::layout::Line> = stretch
        .iter()
        .zip(1u32..)
        .map(|(s, number)| crate::layout::Line {
            number,
            text: s.aligned.clone().unwrap_or_else(|| s.line.text.clone()),
            ..s.line.clone()
        })
        .collect();
    let mut noted = Vec::new();
    let mut found = text_page(
        path,
        first,
        renumbered.iter().collect(),
        vocab,
        &mut noted,
        0,
    );
    let at = |p: &Provenance| {
        (p.line as usize)
            .checked_sub(1)
            .and_then(|i| stretch.get(i))
    };
    let back = |p: &mut Provenance| {
        if let Some(s) = at(p) {
            p.page = s.page;
            p.line = s.line.number;
        }
    };
    for t in &mut found {
        for r in &mut t.rows {
            if at(&r.provenance).is_some_and(|s| s.aligned.is_some()) {
                r.cells.iter_mut().for_each(|c| c.span = None);
            }
            back(&mut r.provenance);
        }
        back(&mut t.provenance);
        t.unread_rows
            .iter_mut()
            .for_each(|u| back(&mut u.provenance));
        t.ambiguities
            .iter_mut()
            .for_each(|a| back(&mut a.provenance));
        t.realigned.iter_mut().for_each(|r| back(&mut r.provenance));
    }
    for (before, mut row) in noted {
        back(&mut row.provenance);
        pending.push((before, row));
    }
    read.extend(found);
}

/// The tables of one page of text lines, read by the text readers in turn (cells
/// between bars, one cell per line, aligned by spaces, tabs and pipes, flat rows, priced
/// rows, tables flattened into one line). Rows with figures that no table of the page
/// takes go with the table above them, or the page's first; on a page without a table
/// they wait in `pending` with `before`, the number of the file's tables before the page.
fn text_page(
    path: &std::sync::Arc<str>,
    page_number: u32,
    lines: Vec<&crate::layout::Line>,
    vocab: &Vocabulary,
    pending: &mut Vec<(usize, UnreadRow)>,
    before: usize,
) -> Vec<Table> {
    // A row joined from a block of lines stands in no one line: no cell span.
    let mut synthetic: std::collections::HashSet<u32> = Default::default();
    let mut changed = |old: &[&crate::layout::Line], after: &[crate::layout::Line]| {
        let written: std::collections::HashMap<u32, &str> =
            old.iter().map(|l| (l.number, l.text.as_str())).collect();
        synthetic.extend(
            after
                .iter()
                .filter(|l| written.get(&l.number) != Some(&l.text.as_str()))
                .map(|l| l.number),
        );
    };
    // Bulleted rows: the list mark is no part of the label.
    let unbulleted = bullets::strip(&lines, vocab);
    if let Some(u) = &unbulleted {
        changed(&lines, u);
    }
    let lines: Vec<&crate::layout::Line> = match &unbulleted {
        Some(u) => u.iter().collect(),
        None => lines,
    };
    // Markdown rows broken one cell per line ("| Vesi |" / "1,69 |" / "0,43 |").
    let piped = bars::join_broken_pipes(&lines);
    if let Some(p) = &piped {
        changed(&lines, p);
    }
    let lines: Vec<&crate::layout::Line> = match &piped {
        Some(p) => p.iter().collect(),
        None => lines,
    };
    // Tables written one cell per line with a "|" line after each cell.
    let barred = bars::join(&lines, vocab);
    if let Some(b) = &barred {
        changed(&lines, &b.lines);
    }
    let lines: Vec<&crate::layout::Line> = match &barred {
        Some(b) => b.lines.iter().collect(),
        None => lines,
    };
    // Tables written partly one cell per line, partly as flat rows, under one header.
    let mixed = mixed::join(&lines, vocab);
    if let Some(m) = &mixed {
        changed(&lines, &m.lines);
    }
    let lines: Vec<&crate::layout::Line> = match &mixed {
        Some(m) => m.lines.iter().collect(),
        None => lines,
    };
    // Tables written one cell per line, joined back into rows.
    let joined = cellines::join(&lines, vocab);
    if let Some(j) = &joined {
        changed(&lines, &j.lines);
    }
    let lines: Vec<&crate::layout::Line> = match &joined {
        Some(j) => j.lines.iter().collect(),
        None => lines,
    };
    // Priced rows whose cells open with their money unit ("kr 5 580  kr 5 580").
    let unprefixed = suffixed::unprefix(&lines, vocab);
    if let Some(u) = &unprefixed {
        changed(&lines, u);
    }
    let lines: Vec<&crate::layout::Line> = match &unprefixed {
        Some(u) => u.iter().collect(),
        None => lines,
    };
    // Tables aligned by spaces, placed by the character columns of their figures.
    let placed = aligned::place(&lines, vocab);
    if let Some(p) = &placed {
        changed(&lines, p);
    }
    let lines: Vec<&crate::layout::Line> = match &placed {
        Some(p) => p.iter().collect(),
        None => lines,
    };
    let (mut found, used) = delimited::extract_page(path, page_number, &lines, vocab);
    let (flat_found, flat_unread) = flat::extract_page(path, page_number, &lines, &used, vocab);
    found.extend(flat_found);
    // Price tables whose every cell ends in a currency unit, on lines no reader took.
    let taken = lines_taken(&found);
    found.extend(suffixed::extract_page(
        path,
        page_number,
        &lines,
        &taken,
        vocab,
    ));
    // Priced lists closed by a total, on lines no reader took.
    let taken = lines_taken(&found);
    found.extend(suffixed::extract_lists(
        path,
        page_number,
        &lines,
        &taken,
        vocab,
    ));
    // A budget's division, each part with its share, on lines no reader took.
    let taken = lines_taken(&found);
    found.extend(suffixed::extract_share_lists(
        path,
        page_number,
        &lines,
        &taken,
        vocab,
    ));
    // Tables flattened into one line, read from the lines they were made of, each on
    // its own: the line itself stays text for the readers above. Their rows that no
    // table takes are kept by `keep_recovered` below.
    let flattened = oneline::expand(&lines, vocab);
    for e in &flattened {
        let written: Vec<&crate::layout::Line> = e.lines.iter().collect();
        let (recovered, _) =
            flat::extract_page(path, page_number, &written, &Default::default(), vocab);
        found.extend(recovered);
        // Its rows stand in one line of many cells: no cell span.
        synthetic.insert(e.number);
    }
    for row in found.iter_mut().flat_map(|t| t.rows.iter_mut()) {
        if synthetic.contains(&row.provenance.line) {
            row.cells.iter_mut().for_each(|c| c.span = None);
        }
    }
    found.sort_by_key(|t| t.provenance.line);
    // Joined rows of few figures whose columns are not written: each placement is a
    // reading (TAB001), so no relation through the row is decided.
    for u in joined.iter().flat_map(|j| j.unplaced.iter()) {
        for t in found.iter_mut() {
            if let Some(row) = t.rows.iter().position(|r| r.provenance.line == u.line) {
                let provenance = t.rows[row].provenance.clone();
                t.ambiguities.push(Ambiguity {
                    row,
                    readings: u.readings.clone(),
                    provenance,
                    complete: u.complete,
                    unfixed: None,
                });
            }
        }
    }
    for e in &flattened {
        keep_recovered(&mut found, &e.rows, path, page_number, pending, before);
    }
    // Rows of a one-cell-per-line block (or of a run of cells between bars) that were
    // not placed in columns: kept with the table above them as rows not read, unless
    // another reading took one of their lines as a row. On a page with no table they
    // wait for the file's tables.
    // A row the mixed reader noted is noted once, not again by the one-cell-per-line
    // reader that was left its lines.
    let mixed_noted: Vec<(u32, u32)> = mixed
        .iter()
        .flat_map(|m| m.not_read.iter().map(|u| (u.line, u.last)))
        .collect();
    let not_joined = barred
        .iter()
        .flat_map(|b| b.not_read.iter())
        .chain(mixed.iter().flat_map(|m| m.not_read.iter()))
        .chain(joined.iter().flat_map(|j| {
            j.not_read.iter().filter(|u| {
                !mixed_noted
                    .iter()
                    .any(|&(a, b)| (a..=b).contains(&u.line) || (u.line..=u.last).contains(&a))
            })
        }));
    for u in not_joined {
        let read = found.iter().any(|t| {
            t.rows
                .iter()
                .any(|r| (u.line..=u.last).contains(&r.provenance.line))
        });
        if read {
            continue;
        }
        let row = UnreadRow {
            label: u.label.clone(),
            text: u.text.clone(),
            reason: u.reason.clone(),
            provenance: Provenance::new(path, page_number, u.line),
        };
        // The table above the row; a row above every table goes with the first.
        match found
            .iter()
            .rposition(|t| t.provenance.line <= u.line)
            .or((!found.is_empty()).then_some(0))
        {
            Some(at) => found[at].unread_rows.push(row),
            None => pending.push((before, row)),
        }
    }
    // Flat rows with figures that gave no table: with the table above them, or
    // the first, or the file's tables.
    for row in flat_unread {
        // A line another reader already noted as not read is noted once.
        let noted = found
            .iter()
            .flat_map(|t| t.unread_rows.iter())
            .any(|u| u.provenance.line == row.provenance.line);
        if noted {
            continue;
        }
        match found
            .iter()
            .rposition(|t| t.provenance.line <= row.provenance.line)
            .or((!found.is_empty()).then_some(0))
        {
            Some(at) => found[at].unread_rows.push(row),
            None => pending.push((before, row)),
        }
    }
    found
}

/// Rows recovered from a line holding a flattened table that no table took as a row:
/// kept as rows not read, with why (the table of their line, or the one above), so that
/// a row with figures is never dropped in silence.
fn keep_recovered(
    found: &mut [Table],
    recovered: &[oneline::Recovered],
    path: &std::sync::Arc<str>,
    page: u32,
    pending: &mut Vec<(usize, UnreadRow)>,
    before: usize,
) {
    for r in recovered {
        // Read: a row of its line with its label and its figures (a label can stand
        // twice on one line, in two tables flattened together).
        let bare = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        // Grouped digits may be read as fewer, wider cells: the same characters in order.
        let figures = bare(&r.figures.concat());
        let read = r.unread.is_none()
            && found.iter().any(|t| {
                t.rows.iter().any(|row| {
                    row.provenance.line == r.line
                        && row.label.ends_with(&r.tail)
                        && bare(&row.cells.iter().map(|c| c.raw.as_str()).collect::<String>())
                            == figures
                }) || t
                    .unread_rows
                    .iter()
                    .any(|u| u.provenance.line == r.line && u.text.contains(&r.text))
            });
        if read {
            continue;
        }
        let row = UnreadRow {
            label: r.label.clone(),
            text: r.text.clone(),
            reason: r.unread.clone().unwrap_or_else(|| {
                "a row of a table flattened into one line: its figures fit no reading of the \
                 table's columns"
                    .to_string()
            }),
            provenance: Provenance::new(path, page, r.line),
        };
        match found
            .iter()
            .rposition(|t| t.provenance.line <= r.line)
            .or((!found.is_empty()).then_some(0))
        {
            Some(at) => found[at].unread_rows.push(row),
            None => pending.push((before, row)),
        }
    }
}

/// Rows not read from pages without a table (`(tables before them, row)`): each goes
/// with the last table before it in the file, or the first after it; a file without any
/// table gets one table holding only them, so that a row with figures is never dropped
/// in silence.
fn place_pending(
    tables: &mut Vec<Table>,
    pending: Vec<(usize, UnreadRow)>,
    path: &std::sync::Arc<str>,
) {
    let Some(first) = pending.first().map(|(_, u)| u.provenance.clone()) else {
        return;
    };
    if tables.is_empty() {
        tables.push(Table {
            title: None,
            unit: crate::grammar::number::Unit::None,
            columns: Vec::new(),
            label_header: None,
            rows: Vec::new(),
            source: TableSource::Flat,
            provenance: Provenance::new(path, first.page, first.line),
            ambiguities: Vec::new(),
            realigned: Vec::new(),
            unread_rows: Vec::new(),
            fixed: Vec::new(),
        });
    }
    for (before, row) in pending {
        let at = before.saturating_sub(1).min(tables.len() - 1);
        tables[at].unread_rows.push(row);
    }
}

/// Every table in already-extracted text (pages split at form feed), read as a text
/// source: for tests, benchmarks and the fuzz target.
pub fn extract_text(text: &str, vocab: &Vocabulary) -> Vec<Table> {
    use crate::layout::{LaidOutFile, Page};
    let path: std::sync::Arc<str> = std::sync::Arc::from("<text>");
    let pages = text
        .split('\u{c}')
        .enumerate()
        .map(|(p, page)| Page {
            number: p as u32 + 1,
            width: 0.0,
            height: 0.0,
            lines: page
                .lines()
                .enumerate()
                .map(|(i, l)| {
                    let cells: Vec<&str> = l.split('\t').collect();
                    cellines::joined(i as u32 + 1, i as f64, &cells)
                })
                .collect(),
        })
        .collect();
    extract(
        &LaidOutFile {
            path,
            kind: crate::ingest::SourceKind::Text,
            pages,
            report: crate::ingest::ReadReport::default(),
        },
        vocab,
    )
}

/// The body of the fuzz target `fuzz/fuzz_targets/table_row.rs`, here so that a test on
/// the stable toolchain (`tests/suite/fuzz_table_row.rs`) runs the very same entry point on
/// thousands of generated inputs. The first byte picks a column count, the rest is text.
/// The flat row parser, the text table readers and the geometry reader (on spans the
/// text's tabs place) must not panic, and a flat reading has exactly the asked number of
/// cells (asserted: a violated invariant is a finding for the fuzzer). Returns how many
/// tables the readers found, so a test can tell its inputs reach them. The fuzzer reads
/// with the built-in vocabulary.
#[doc(hidden)]
pub fn fuzz_table_row(data: &[u8]) -> usize {
    let vocab = Vocabulary::builtin_shared();
    let Some((&columns, rest)) = data.split_first() else {
        return 0;
    };
    let text = String::from_utf8_lossy(rest);
    let columns = usize::from(columns % 16);
    for line in text.lines() {
        if let Some((_, cells)) = parse_flat_row(line, columns, vocab) {
            assert_eq!(cells.len(), columns, "{line:?}");
        }
    }
    extract_text(&text, vocab).len()
        + geometry::extract_file(&fuzz_geometry(&text, columns, vocab), vocab).len()
}

/// A PDF-like page set from text for the fuzzer: tab-separated spans on a grid whose
/// column pitch and type size the column byte varies; figures right-aligned in their
/// column, words left-aligned; an empty line is a paragraph gap; form feed a new page.
fn fuzz_geometry(text: &str, columns: usize, vocab: &Vocabulary) -> crate::layout::LaidOutFile {
    use crate::layout::{LaidOutFile, Line, Page, Span};
    let size = 8.0 + (columns % 5) as f64;
    let pitch = 60.0 + 10.0 * (columns % 7) as f64;
    let pages = text
        .split('\u{c}')
        .enumerate()
        .map(|(p, page)| {
            let mut y = 40.0;
            let lines = page
                .lines()
                .enumerate()
                .map(|(i, l)| {
                    y += if l.trim().is_empty() { 3.0 } else { 1.4 } * size;
                    let spans = l
                        .split('\t')
                        .enumerate()
                        .filter(|(_, s)| !s.is_empty())
                        .map(|(c, s)| {
                            let width = 0.5 * size * s.chars().count() as f64;
                            let left = 40.0 + pitch * c as f64;
                            let x0 = if c > 0 && parse_cell(s, vocab).value.is_some() {
                                left + pitch - 5.0 - width
                            } else {
                                left
                            };
                            Span {
                                text: s.to_string(),
                                x0,
                                x1: x0 + width,
                                font_size: size,
                                ocr: None,
                            }
                        })
                        .collect();
                    Line {
                        number: i as u32 + 1,
                        y,
                        text: l.to_string(),
                        spans,
                        furniture: false,
                    }
                })
                .collect();
            Page {
                number: p as u32 + 1,
                width: 600.0,
                height: 800.0,
                lines,
            }
        })
        .collect();
    LaidOutFile {
        path: std::sync::Arc::from("<fuzz>"),
        kind: crate::ingest::SourceKind::Pdf,
        pages,
        report: crate::ingest::ReadReport::default(),
    }
}

/// A test text as the line-based readers see a text source: one line each, numbered
/// from 1, no spans.
/// The lines the tables found so far read from (their titles' and rows' lines), which the
/// readers after them leave alone.
fn lines_taken(found: &[Table]) -> std::collections::HashSet<u32> {
    found
        .iter()
        .flat_map(|t| {
            std::iter::once(t.provenance.line).chain(t.rows.iter().map(|r| r.provenance.line))
        })
        .collect()
}

#[cfg(test)]
pub(crate) fn test_lines(text: &str) -> Vec<crate::layout::Line> {
    text.lines()
        .enumerate()
        .map(|(i, l)| crate::layout::Line {
            number: i as u32 + 1,
            y: i as f64,
            text: l.to_string(),
            spans: Vec::new(),
            furniture: false,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PDF page of lines, each `(text, [x0 of each span])`: one span per x given, the
    /// line's text split at tabs into them; 10 pt, 12 pt apart, and an empty text a
    /// paragraph gap (no line).
    fn pdf_page(number: u32, lines: &[(&str, &[f64])]) -> crate::layout::Page {
        let mut y = 50.0;
        let lines = lines
            .iter()
            .filter_map(|l| {
                y += if l.0.is_empty() { 50.0 } else { 12.0 };
                (!l.0.is_empty()).then_some((l, y))
            })
            .collect::<Vec<_>>()
            .into_iter()
            .enumerate()
            .map(|(i, ((text, xs), y))| crate::layout::Line {
                number: i as u32 + 1,
                y,
                text: text.to_string(),
                spans: text
                    .split('\t')
                    .zip(xs.iter())
                    .map(|(t, x)| crate::layout::Span {
                        text: t.to_string(),
                        x0: *x,
                        x1: x + 5.0 * t.chars().count() as f64,
                        font_size: 10.0,
                        ocr: None,
                    })
                    .collect(),
                furniture: false,
            })
            .collect();
        crate::layout::Page {
            number,
            width: 595.0,
            height: 842.0,
            lines,
        }
    }

    fn pdf_file(pages: Vec<crate::layout::Page>) -> crate::layout::LaidOutFile {
        crate::layout::LaidOutFile {
            path: std::sync::Arc::from("flat.pdf"),
            kind: crate::ingest::SourceKind::Pdf,
            pages,
            report: crate::ingest::ReadReport::default(),
        }
    }

    /// A table set with single spaces on a PDF page (one span per line) is read by the
    /// text readers, and one cut by a page break stays one table: its rows keep their
    /// own pages and lines, and the total at the top of the second page closes the rows
    /// of the first.
    #[test]
    fn single_spaced_pdf_tables_are_read_across_a_page_break() {
        let vocab = Vocabulary::builtin_shared();
        let first = pdf_page(
            1,
            &[
                ("Driftredovisning", &[40.0]),
                ("Belopp i tkr Budget 2023 Utfall 2023", &[40.0]),
                ("Kultur 1 200 1 150", &[40.0]),
                ("Skola 3 400 3 390", &[40.0]),
            ],
        );
        let second = pdf_page(
            2,
            &[
                ("Omsorg 2 100 2 160", &[40.0]),
                ("Summa 6 700 6 700", &[40.0]),
                ("Kommentar till utfallet.", &[40.0]),
            ],
        );
        let tables = extract(&pdf_file(vec![first, second]), vocab);
        assert_eq!(tables.len(), 1, "{tables:#?}");
        let t = &tables[0];
        let rows: Vec<(&str, u32, u32, Vec<String>)> = t
            .rows
            .iter()
            .map(|r| {
                let values = r.cells.iter().map(|c| format!("{:?}", c.value)).collect();
                (
                    r.label.as_str(),
                    r.provenance.page,
                    r.provenance.line,
                    values,
                )
            })
            .collect();
        let v = |a: &str, b: &str| vec![format!("Some({a})"), format!("Some({b})")];
        assert_eq!(
            rows,
            [
                ("Kultur", 1, 3, v("1200", "1150")),
                ("Skola", 1, 4, v("3400", "3390")),
                ("Omsorg", 2, 1, v("2100", "2160")),
                ("Summa", 2, 2, v("6700", "6700")),
            ]
        );
        assert_eq!(t.rows[3].kind, RowKind::Total);
        assert_eq!(t.provenance.page, 1);
    }

    /// Where the geometry reads a table (columns set apart by gaps), its lines are not
    /// read again; a lone line of two spans beside it is read with its gap written as
    /// spaces, as a flat row (its cells have no place in the line as written, which
    /// joins the spans with a tab).
    #[test]
    fn geometric_tables_stay_and_other_lines_are_read_flat() {
        let vocab = Vocabulary::builtin_shared();
        let page = pdf_page(
            1,
            &[
                ("Investeringar", &[40.0]),
                ("Projekt\tBudget\tUtfall", &[40.0, 300.0, 400.0]),
                ("Skolgård\t500\t480", &[40.0, 315.0, 415.0]),
                ("Bibliotek\t300\t320", &[40.0, 315.0, 415.0]),
                ("Summa\t800\t800", &[40.0, 315.0, 415.0]),
                ("", &[]),
                ("Avgifter, tkr 2022 2023", &[40.0]),
                ("Taxa vatten 1 250 1 300", &[40.0]),
                ("Taxa avlopp\t980 1 010", &[40.0, 200.0]),
                ("Summa avgifter 2 230 2 310", &[40.0]),
            ],
        );
        let tables = extract(&pdf_file(vec![page]), vocab);
        assert_eq!(tables.len(), 2, "{tables:#?}");
        assert_eq!(tables[0].source, TableSource::Geometry);
        assert_eq!(tables[0].rows.len(), 3);
        let flat = &tables[1];
        assert_eq!(flat.source, TableSource::Flat);
        let read: Vec<(&str, u32, Vec<Option<Decimal>>)> = flat
            .rows
            .iter()
            .map(|r| {
                let values = r.cells.iter().map(|c| c.value).collect();
                (r.label.as_str(), r.provenance.line, values)
            })
            .collect();
        let d = |n: i64| Some(Decimal::from(n));
        assert_eq!(
            read,
            [
                ("Taxa vatten", 7, vec![d(1250), d(1300)]),
                ("Taxa avlopp", 8, vec![d(980), d(1010)]),
                ("Summa avgifter", 9, vec![d(2230), d(2310)]),
            ]
        );
        assert!(flat.rows[0].cells.iter().all(|c| c.span.is_some()));
        assert!(flat.rows[1].cells.iter().all(|c| c.span.is_none()));
    }

    /// Rows written one cell per line that give no table: on a page without a table they
    /// go with the table of an earlier page, and a file without any table gets one
    /// holding only them; never dropped.
    #[test]
    fn rows_of_a_block_without_a_table_are_kept() {
        let vocab = Vocabulary::builtin_shared();
        let ragged = "Rubrik\n\nA\n\n1\n\n2\n\nB\n\n1\n\n2\n\n3\n\nC\n\n4\n\n5\n";
        let alone = extract_text(ragged, vocab);
        assert_eq!(alone.len(), 1);
        assert!(alone[0].rows.is_empty());
        let seen: Vec<(&str, u32, u32)> = alone[0]
            .unread_rows
            .iter()
            .map(|u| (u.text.as_str(), u.provenance.page, u.provenance.line))
            .collect();
        assert_eq!(seen, [("A 1 2", 1, 3), ("B 1 2 3", 1, 9), ("C 4 5", 1, 17)]);
        let table = "Belopp i tkr 2023 2022\nIntäkter 100 90\nKostnader -80 -70\nSumma 20 20\n";
        let both = extract_text(&format!("{table}\u{c}{ragged}"), vocab);
        assert_eq!(both.len(), 1);
        assert_eq!(both[0].rows.len(), 3);
        assert_eq!(both[0].unread_rows.len(), 3);
        assert!(both[0].unread_rows.iter().all(|u| u.provenance.page == 2));
    }
}
