//! Stage 2: pages of glyphs → lines → spans, with page furniture (running headers and
//! footers) recognised. Text files pass through with one span per tab-separated cell.

use crate::ingest::{ReadReport, SourceKind};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A run of text on one line with no column gap inside it ("1 278" is one span).
/// For text sources x is the character column.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Span {
    pub text: String,
    pub x0: f64,
    pub x1: f64,
    pub font_size: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// 1-based line number on its page, counting furniture lines.
    pub number: u32,
    /// Baseline, measured from the top of the page (text sources: the line index).
    pub y: f64,
    /// The line as text. For PDFs the spans joined by '\t' (a column gap); for text
    /// sources the line exactly as written.
    pub text: String,
    pub spans: Vec<Span>,
    /// A running header or footer repeated across the document's pages: kept for
    /// provenance, left out of what later stages parse.
    pub furniture: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page {
    pub number: u32,
    pub width: f64,
    pub height: f64,
    pub lines: Vec<Line>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LaidOutFile {
    pub path: Arc<str>,
    pub kind: SourceKind,
    pub pages: Vec<Page>,
    pub report: ReadReport,
}

impl LaidOutFile {
    /// Every line later stages should parse, in reading order, with its page number.
    pub fn content_lines(&self) -> impl Iterator<Item = (&Page, &Line)> {
        self.pages
            .iter()
            .flat_map(|p| p.lines.iter().filter(|l| !l.furniture).map(move |l| (p, l)))
    }
}
