//! Tables, one model for three sources: PDF geometry (spans with x-ranges), text with
//! tabs or markdown pipes, and flat text where one space is both column gap and
//! thousands separator.

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
    pub rows: Vec<Row>,
    pub source: TableSource,
    pub provenance: Provenance,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ambiguities: Vec<Ambiguity>,
}

/// Every table in a laid-out file, in reading order, each with its provenance.
/// INTERIM (skeleton): finds none; the tables work fills this in.
pub fn extract(file: &crate::layout::LaidOutFile) -> Vec<Table> {
    let _ = file;
    Vec::new()
}
