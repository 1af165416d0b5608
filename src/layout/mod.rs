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

/// Lays out every page of an ingested file.
/// INTERIM (skeleton): text pages only, one span per tab-separated cell.
pub fn lay_out(file: crate::ingest::IngestedFile) -> LaidOutFile {
    use crate::ingest::RawContent;
    let pages = file
        .pages
        .into_iter()
        .map(|p| {
            let lines = match p.content {
                RawContent::Text(lines) => lines
                    .into_iter()
                    .enumerate()
                    .map(|(i, text)| Line {
                        number: i as u32 + 1,
                        y: i as f64,
                        spans: text
                            .split('\t')
                            .map(|s| Span {
                                text: s.to_string(),
                                x0: 0.0,
                                x1: 0.0,
                                font_size: 0.0,
                            })
                            .collect(),
                        text,
                        furniture: false,
                    })
                    .collect(),
                RawContent::Glyphs(_) => Vec::new(),
            };
            Page {
                number: p.number,
                width: p.width,
                height: p.height,
                lines,
            }
        })
        .collect();
    LaidOutFile {
        path: file.path,
        kind: file.kind,
        pages,
        report: file.report,
    }
}
