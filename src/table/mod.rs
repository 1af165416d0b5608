//! Tables, one model for three sources: PDF geometry (spans with x-ranges), text with
//! tabs or markdown pipes, and flat text where one space is both column gap and
//! thousands separator.
//!
//! `extract` finds every table of a laid-out file: PDFs through `geometry`, text sources
//! through `delimited` (tabs, markdown pipes) and `flat` (one space for everything, with
//! the table's own arithmetic choosing among the readings of each row's digit groups).

mod arith;
mod cell;
mod classify;
mod delimited;
pub mod digits;
pub mod flat;
mod geometry;
mod grid;

pub use cell::parse_cell;
pub use classify::is_total_label;
pub use digits::{segmentations, DigitGroup};
pub use flat::{parse_flat_row, FlatLine};

use crate::grammar::number::Unit;
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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// The text as written.
    pub raw: String,
    /// The parsed value in the cell's own unit; `None` when empty or not a figure.
    pub value: Option<Decimal>,
    pub unit: Unit,
    /// Decimals the writer used: the figure stands for value ± half a unit of that place.
    pub decimals: u32,
    pub empty: bool,
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
pub fn extract(file: &crate::layout::LaidOutFile) -> Vec<Table> {
    if file.kind == crate::ingest::SourceKind::Pdf {
        return geometry::extract_file(file);
    }
    let mut tables = Vec::new();
    for page in &file.pages {
        let lines: Vec<&crate::layout::Line> = page.lines.iter().filter(|l| !l.furniture).collect();
        let (mut found, used) = delimited::extract_page(&file.path, page.number, &lines);
        found.extend(flat::extract_page(&file.path, page.number, &lines, &used));
        found.sort_by_key(|t| t.provenance.line);
        tables.extend(found);
    }
    tables
}

/// Every table in already-extracted text (pages split at form feed), read as a text
/// source: for tests, benchmarks and the fuzz target.
pub fn extract_text(text: &str) -> Vec<Table> {
    use crate::layout::{LaidOutFile, Line, Page, Span};
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
                .map(|(i, l)| Line {
                    number: i as u32 + 1,
                    y: i as f64,
                    text: l.to_string(),
                    spans: l
                        .split('\t')
                        .map(|s| Span {
                            text: s.to_string(),
                            x0: 0.0,
                            x1: 0.0,
                            font_size: 0.0,
                        })
                        .collect(),
                    furniture: false,
                })
                .collect(),
        })
        .collect();
    extract(&LaidOutFile {
        path,
        kind: crate::ingest::SourceKind::Text,
        pages,
        report: crate::ingest::ReadReport::default(),
    })
}
