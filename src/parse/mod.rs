//! Stage 4: segmentation of a file into documents and parsing of each document's
//! structure (protocol header, §§, sections, tjänsteskrivelse fields).

use crate::document::{Document, DocumentKind, SourceLine};
use crate::layout::LaidOutFile;
use crate::table::Table;
use crate::Provenance;

/// Splits a file into documents and parses each; tables are handed to the document
/// whose page and line range holds them.
/// INTERIM (skeleton): the whole file as one unclassified document.
pub fn parse_file(file: &LaidOutFile, tables: Vec<Table>) -> Vec<Document> {
    let lines: Vec<SourceLine> = file
        .content_lines()
        .map(|(p, l)| SourceLine {
            text: l.text.clone(),
            provenance: Provenance::new(&file.path, p.number, l.number),
        })
        .collect();
    let last = file.pages.last().map_or(1, |p| p.number);
    vec![Document {
        kind: DocumentKind::Other,
        title: None,
        date: None,
        dnr: Vec::new(),
        author: None,
        pages: (1, last),
        header: None,
        toc: Vec::new(),
        paragraphs: Vec::new(),
        tables,
        lines,
        provenance: Provenance::new(&file.path, 1, 1),
    }]
}
