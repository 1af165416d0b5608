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
mod cell;
mod cellines;
mod classify;
mod delimited;
pub mod digits;
mod docstyle;
pub mod flat;
mod geometry;
mod grid;
mod notes;
mod oneline;
mod statement;
mod suffixed;

pub use cell::parse_cell;
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
        return geometry::extract_file(file, vocab);
    }
    let mut tables = Vec::new();
    let mut pending: Vec<(usize, UnreadRow)> = Vec::new();
    for page in &file.pages {
        let lines: Vec<&crate::layout::Line> = page.lines.iter().filter(|l| !l.furniture).collect();
        // A row joined from a block of lines stands in no one line: no cell span.
        let mut synthetic: std::collections::HashSet<u32> = Default::default();
        let mut changed = |before: &[&crate::layout::Line], after: &[crate::layout::Line]| {
            let written: std::collections::HashMap<u32, &str> =
                before.iter().map(|l| (l.number, l.text.as_str())).collect();
            synthetic.extend(
                after
                    .iter()
                    .filter(|l| written.get(&l.number) != Some(&l.text.as_str()))
                    .map(|l| l.number),
            );
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
        // Tables written one cell per line, joined back into rows.
        let joined = cellines::join(&lines, vocab);
        if let Some(j) = &joined {
            changed(&lines, &j.lines);
        }
        let lines: Vec<&crate::layout::Line> = match &joined {
            Some(j) => j.lines.iter().collect(),
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
        let (mut found, used) = delimited::extract_page(&file.path, page.number, &lines, vocab);
        let (flat_found, flat_unread) =
            flat::extract_page(&file.path, page.number, &lines, &used, vocab);
        found.extend(flat_found);
        // Price tables whose every cell ends in a currency unit, on lines no reader took.
        let taken: std::collections::HashSet<u32> = found
            .iter()
            .flat_map(|t| {
                std::iter::once(t.provenance.line).chain(t.rows.iter().map(|r| r.provenance.line))
            })
            .collect();
        found.extend(suffixed::extract_page(
            &file.path,
            page.number,
            &lines,
            &taken,
            vocab,
        ));
        // Priced lists closed by a total, on lines no reader took.
        let taken: std::collections::HashSet<u32> = found
            .iter()
            .flat_map(|t| {
                std::iter::once(t.provenance.line).chain(t.rows.iter().map(|r| r.provenance.line))
            })
            .collect();
        found.extend(suffixed::extract_lists(
            &file.path,
            page.number,
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
            let (recovered, _) = flat::extract_page(
                &file.path,
                page.number,
                &written,
                &Default::default(),
                vocab,
            );
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
                    });
                }
            }
        }
        for e in &flattened {
            keep_recovered(
                &mut found,
                &e.rows,
                &file.path,
                page.number,
                &mut pending,
                tables.len(),
            );
        }
        // Rows of a one-cell-per-line block (or of a run of cells between bars) that were
        // not placed in columns: kept with the table above them as rows not read, unless
        // another reading took one of their lines as a row. On a page with no table they
        // wait for the file's tables.
        let not_joined = barred
            .iter()
            .flat_map(|b| b.not_read.iter())
            .chain(joined.iter().flat_map(|j| j.not_read.iter()));
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
                provenance: Provenance::new(&file.path, page.number, u.line),
            };
            // The table above the row; a row above every table goes with the first.
            match found
                .iter()
                .rposition(|t| t.provenance.line <= u.line)
                .or((!found.is_empty()).then_some(0))
            {
                Some(at) => found[at].unread_rows.push(row),
                None => pending.push((tables.len(), row)),
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
                None => pending.push((tables.len(), row)),
            }
        }
        tables.extend(found);
    }
    place_pending(&mut tables, pending, &file.path);
    tables
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
