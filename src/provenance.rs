//! Where an extracted fact came from: every figure, line, table and finding keeps one.

use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// File, 1-based page and 1-based line within the page (furniture lines count, so the
/// numbers match what a reader sees), and optionally the 0-based span index in the line.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Provenance {
    pub file: Arc<str>,
    pub page: u32,
    pub line: u32,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub span: Option<u32>,
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

    pub fn with_span(mut self, span: u32) -> Self {
        self.span = Some(span);
        self
    }
}

impl std::fmt::Display for Provenance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:page {}:line {}", self.file, self.page, self.line)
    }
}
