//! Where an extracted fact came from: every figure, line, table and finding keeps one.

use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Where in its line a fact stands: the byte offset of its first byte and its length in
/// bytes, in the line's text with its leading whitespace left out (as the document's
/// `SourceLine` keeps it). Set by the table readers for a cell read from one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LineSpan {
    pub start: u32,
    pub len: u32,
}

impl LineSpan {
    /// The span of `start..end` (byte offsets in `line`) counted from the line's first
    /// non-whitespace byte; `None` when the range is not a piece of the line's text.
    pub fn in_line(line: &str, start: usize, end: usize) -> Option<LineSpan> {
        let lead = line.len() - line.trim_start().len();
        if start < lead || end <= start || line.get(start..end).is_none() {
            return None;
        }
        Some(LineSpan {
            start: u32::try_from(start - lead).ok()?,
            len: u32::try_from(end - start).ok()?,
        })
    }
}

/// File, 1-based page and 1-based line within the page (furniture lines count, so the
/// numbers match what a reader sees), and optionally the fact's place within the line.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Provenance {
    pub file: Arc<str>,
    pub page: u32,
    pub line: u32,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub span: Option<LineSpan>,
    /// Read by OCR: Tesseract's confidence (whole percent) in the figure (or the least
    /// sure figure) at this place. None: from a text layer.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub ocr: Option<u8>,
}

impl Provenance {
    pub fn new(file: &Arc<str>, page: u32, line: u32) -> Self {
        Provenance {
            file: Arc::clone(file),
            page,
            line,
            span: None,
            ocr: None,
        }
    }

    pub fn with_span(mut self, span: Option<LineSpan>) -> Self {
        self.span = span;
        self
    }
}

impl std::fmt::Display for Provenance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:page {}:line {}", self.file, self.page, self.line)
    }
}
