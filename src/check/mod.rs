//! Stage 5: rules over the parsed documents. Each rule has a stable code, a family, a
//! default severity and an explanation (`justera explain CODE`).

pub mod finding;

use crate::document::Document;
use finding::{Finding, Stats};

/// Runs every enabled rule over one file's documents.
/// INTERIM (skeleton): counts only; the checks work adds the rule registry.
pub fn check_documents(documents: &[Document]) -> (Vec<Finding>, Stats) {
    let stats = Stats {
        documents: documents.len() as u64,
        paragraphs: documents.iter().map(|d| d.paragraphs.len() as u64).sum(),
        tables: documents.iter().map(|d| d.tables.len() as u64).sum(),
        ..Stats::default()
    };
    (Vec::new(), stats)
}
