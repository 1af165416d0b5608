//! What the audit keeps of one file after the pipeline has run (counts, findings, facts,
//! the tables that have findings): the first line of the file's cache entry. Held in
//! memory slim (without findings, facts and tables) for every file of an archive.
//! The bulky parts — the parsed documents and decision records — live as JSON lines in
//! the file's cache entry and are streamed into the reports, never held all at once.

use crate::check::facts::Fact;
use crate::check::finding::{Finding, Stats};
use crate::document::Document;
use crate::ingest::{FailureReason, ReadReport};
use crate::table::Table;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Outcome {
    Read { pages: u32, report: ReadReport },
    Failed { reason: FailureReason },
}

impl Outcome {
    pub fn failure(&self) -> Option<&FailureReason> {
        match self {
            Outcome::Failed { reason } => Some(reason),
            Outcome::Read { .. } => None,
        }
    }

    pub fn pages(&self) -> u32 {
        match self {
            Outcome::Read { pages, .. } => *pages,
            Outcome::Failed { .. } => 0,
        }
    }
}

// The report's plain data types, built here from the pipeline's documents (the table
// a finding marks is kept as `TableRecord`; the checks read tables through
// `check::view::TableView`).
pub use crate::report::model::{CellMark, DocumentSummary, TableRecord, TableRecordRow};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileRecord {
    /// The path as given (normalised), used in every provenance of the file.
    pub path: String,
    /// SHA-256 of the file's bytes.
    pub hash: String,
    pub outcome: Outcome,
    pub stats: Stats,
    pub findings: Vec<Finding>,
    pub facts: Vec<Fact>,
    pub documents: Vec<DocumentSummary>,
    pub tables: Vec<TableRecord>,
    /// How many `documents.jsonl` and `decisions.jsonl` lines follow in the entry.
    pub document_lines: u64,
    pub decision_lines: u64,
}

/// A file's result as the audit stores it: its record and its `documents.jsonl` and
/// `decisions.jsonl` lines. A worker builds it beside the file it read, so the parent
/// receives these instead of the parsed documents (which it would only decode to write
/// them out again).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recorded {
    pub record: FileRecord,
    pub documents: Vec<String>,
    pub decisions: Vec<String>,
    /// Where a worker wrote the entry (record, document and decision lines) in a spill
    /// file of its own; then `documents` and `decisions` are empty and the record lacks
    /// its tables (the parent needs only the rest: the counts, findings and facts).
    #[serde(default)]
    pub spilled: Option<Spilled>,
}

/// A worker's spill file as the recorder sees it: its name and how to append to it
/// (returning where the bytes start).
pub struct SpillSink<'a> {
    pub name: &'a str,
    pub append: &'a mut dyn FnMut(&[u8]) -> std::io::Result<u64>,
}

/// Where in a worker's spill file a file's entry is, laid out as
/// [`super::store::entry_body`] lays it out, with the CRC-32 of its bytes: the parent
/// checks length and checksum when it reads the entry back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Spilled {
    /// The spill file's name (in the folder the parent named).
    pub file: String,
    pub start: u64,
    /// Lengths of the record line, of the document lines and of the whole entry.
    pub record_len: u64,
    pub documents_len: u64,
    pub len: u64,
    pub crc32: u32,
    /// Where the record line holds its findings and tables
    /// ([`super::store::DetailRanges`]); checked against the keys around them when read.
    #[serde(default)]
    pub detail: Option<[u64; 4]>,
}

/// [`Recorded`] with the SHA-256 of the bytes read (none when they could not be read).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecordedOutcome {
    pub sha256: Option<String>,
    pub result: Result<Recorded, crate::ingest::IngestError>,
}

impl Recorded {
    /// The record and lines of a file the pipeline read, whose bytes hash to `hash`.
    pub fn of(
        path: String,
        hash: String,
        file: crate::pipeline::CheckedFile,
        vocab: &crate::grammar::vocab::Vocabulary,
    ) -> Recorded {
        use rayon::prelude::*;
        let line = |d: &crate::document::Document| serde_json::to_string(d).ok();
        // In the audit's thread pool a long bundle's thousands of document lines are
        // written in parallel, in order, beside its decision lines; a worker process
        // (no pool: its one reading thread) writes them one after the other.
        let (documents, decisions) = if rayon::current_thread_index().is_some() {
            rayon::join(
                || file.documents.par_iter().filter_map(line).collect(),
                || crate::report::audit::decision_lines(&file.documents, Some(&hash)),
            )
        } else {
            (
                file.documents
                    .iter()
                    .filter_map(line)
                    .collect::<Vec<String>>(),
                crate::report::audit::decision_lines(&file.documents, Some(&hash)),
            )
        };
        let mut record = FileRecord::read(path, hash, file, vocab);
        record.document_lines = documents.len() as u64;
        record.decision_lines = decisions.len() as u64;
        Recorded {
            record,
            documents,
            decisions,
            spilled: None,
        }
    }

    /// Writes the entry into the worker's spill file and keeps only what the parent
    /// needs; unchanged when the file cannot be written (the reply carries all then).
    fn spill(mut self, spill: SpillSink<'_>) -> Recorded {
        let (body, record_len, documents_len, detail) =
            match super::store::entry_body(&self.record, &self.documents, &self.decisions) {
                Ok(b) => b,
                Err(_) => return self,
            };
        let Ok(start) = (spill.append)(&body) else {
            return self;
        };
        self.spilled = Some(Spilled {
            file: spill.name.to_string(),
            start,
            record_len,
            documents_len,
            len: body.len() as u64,
            crc32: crc32fast::hash(&body),
            detail: Some(detail),
        });
        self.documents = Vec::new();
        self.decisions = Vec::new();
        self.record.tables = Vec::new();
        self
    }
}

impl RecordedOutcome {
    /// [`RecordedOutcome::of`] the file at `path`: what an audit's worker replies. With
    /// a spill file the entry goes there and the reply says where ([`Spilled`]).
    pub fn of_processed(
        path: &std::path::Path,
        outcome: crate::pipeline::HashedOutcome,
        vocab: &crate::grammar::vocab::Vocabulary,
        spill: Option<SpillSink<'_>>,
    ) -> RecordedOutcome {
        let mut recorded = RecordedOutcome::of(path.display().to_string(), outcome, vocab);
        if let Some(spill) = spill {
            recorded.result = recorded.result.map(|r| r.spill(spill));
        }
        recorded
    }

    /// The record of what the pipeline gave (the file's path in it is `path`).
    pub fn of(
        path: String,
        outcome: crate::pipeline::HashedOutcome,
        vocab: &crate::grammar::vocab::Vocabulary,
    ) -> RecordedOutcome {
        let crate::pipeline::HashedOutcome { sha256, result } = outcome;
        let result = match (result, &sha256) {
            (Ok(file), Some(hash)) => Ok(Recorded::of(path, hash.clone(), file, vocab)),
            (Ok(file), None) => Err(crate::ingest::IngestError::new(
                std::path::Path::new(&*file.path),
                crate::ingest::FailureReason::Crashed("read without a hash of its bytes".into()),
            )),
            (Err(e), _) => Err(e),
        };
        RecordedOutcome { sha256, result }
    }
}

/// The part of a [`FileRecord`] the reports read back: a record's line read as this
/// skips the facts and counts instead of building them.
#[derive(Deserialize)]
pub struct RecordDetail {
    pub findings: Vec<Finding>,
    pub tables: Vec<TableRecord>,
}

impl FileRecord {
    pub fn failed(path: String, hash: String, reason: FailureReason) -> Self {
        FileRecord {
            path,
            hash,
            outcome: Outcome::Failed { reason },
            stats: Stats {
                files: 1,
                ..Stats::default()
            },
            findings: Vec::new(),
            facts: Vec::new(),
            documents: Vec::new(),
            tables: Vec::new(),
            document_lines: 0,
            decision_lines: 0,
        }
    }

    /// The record of a file the pipeline read: findings in a stable order, the facts
    /// for the cross-document stage (read with `vocab`), and the tables the findings
    /// point into.
    pub fn read(
        path: String,
        hash: String,
        file: crate::pipeline::CheckedFile,
        vocab: &crate::grammar::vocab::Vocabulary,
    ) -> Self {
        let crate::pipeline::CheckedFile {
            pages,
            report,
            documents,
            mut findings,
            stats,
            ..
        } = file;
        let documents = documents.as_slice();
        findings.sort_by(compare_findings);
        let mut tables: Vec<TableRecord> = Vec::new();
        for (fi, f) in findings.iter().enumerate() {
            let Some((d, t, table)) = table_of(documents, f) else {
                continue;
            };
            let view = match tables.iter().position(|v| v.document == d && v.index == t) {
                Some(i) => i,
                None => {
                    tables.push(TableRecord::of(d, t, table));
                    tables.len() - 1
                }
            };
            if let Some(row) = row_of(table, f) {
                tables[view].marks.push(CellMark {
                    row,
                    column: column_of(table, f),
                    expected: f.expected,
                    finding: fi,
                });
            }
        }
        let mut facts: Vec<Fact> = documents
            .iter()
            .enumerate()
            .flat_map(|(i, d)| crate::check::facts::facts_of_document(i, d, vocab))
            .collect();
        facts.sort_by(|a, b| a.key().cmp(&b.key()).then(a.provenance.cmp(&b.provenance)));
        FileRecord {
            path,
            hash,
            outcome: Outcome::Read { pages, report },
            stats,
            findings,
            facts,
            documents: documents.iter().map(DocumentSummary::of).collect(),
            tables,
            document_lines: 0,
            decision_lines: 0,
        }
    }
}

pub use crate::check::finding::compare_findings;

/// The table a finding is about: its document is the one with the finding's title whose
/// page range holds the finding (titles repeat in bundles), else the one whose pages do.
fn table_of<'a>(documents: &'a [Document], f: &Finding) -> Option<(usize, usize, &'a Table)> {
    let t = f.table?;
    let page = f.provenance.page;
    let holds = |d: &Document| d.pages.0 <= page && page <= d.pages.1 && t < d.tables.len();
    let d = documents
        .iter()
        .position(|d| holds(d) && d.title == f.document)
        .or_else(|| documents.iter().position(holds))?;
    Some((d, t, &documents[d].tables[t]))
}

fn row_of(table: &Table, f: &Finding) -> Option<usize> {
    // Prefer the row on the finding's own line: labels like "Summa" repeat in a table.
    table
        .rows
        .iter()
        .position(|r| {
            r.provenance.page == f.provenance.page
                && r.provenance.line == f.provenance.line
                && f.row.as_deref().is_none_or(|l| l == r.label)
        })
        .or_else(|| {
            let label = f.row.as_deref()?;
            table.rows.iter().position(|r| r.label == label)
        })
}

fn column_of(table: &Table, f: &Finding) -> Option<usize> {
    let col = f.column.as_deref()?;
    table.columns.iter().position(|c| c == col).or_else(|| {
        col.parse::<usize>()
            .ok()
            .filter(|&i| i < table.columns.len())
    })
}
