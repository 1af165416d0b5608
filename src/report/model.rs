//! What the audit's report writers (`findings.json`, `findings.csv`, `findings.xlsx`,
//! `index.html`) consume: plain data, built by `audit` ([`Report`]), so that `report`
//! depends on nothing of the audit's internals (cache entries, spill files, shards).
//!
//! The small parts — the run, the summary, one [`FileEntry`] per file — are held in
//! memory. The bulky parts — each file's findings and marked tables, the findings and
//! relations across documents — are read through a [`Source`] one file at a time, so an
//! archive's report is written without holding it whole (the audit's source reads them
//! back from cache entries and spill files; [`InMemory`] holds them, for tests and small
//! runs).

use crate::check::cross::Relation;
use crate::check::finding::{Finding, Stats};
use crate::document::{Document, DocumentKind};
use crate::ingest::{FailureReason, ReadReport};
use crate::table::{RowKind, Table};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io;

/// What a finished audit counts; also the `summary` of findings.json.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub files: u64,
    pub files_read: u64,
    pub files_failed: u64,
    pub pages: u64,
    /// Files with pages read by OCR (scanned), and those pages: counted apart, as their
    /// figures are less certain than a text layer's.
    #[serde(default)]
    pub ocr_files: u64,
    #[serde(default)]
    pub ocr_pages: u64,
    pub documents: u64,
    pub paragraphs: u64,
    pub tables: u64,
    pub cells: u64,
    pub tables_unparsed: u64,
    pub relations_checked: u64,
    pub relations_failed: u64,
    pub facts: u64,
    pub cross_relations_checked: u64,
    pub cross_relations_failed: u64,
    pub findings: u64,
    pub findings_by_severity: BTreeMap<String, u64>,
    pub findings_by_rule: BTreeMap<String, u64>,
    pub failed_by_reason: BTreeMap<String, u64>,
}

impl Summary {
    /// What the run read and checked, as (measure, count) pairs (the spreadsheet's
    /// Coverage sheet).
    pub fn coverage(&self) -> Vec<(&'static str, u64)> {
        let sev = |k: &str| self.findings_by_severity.get(k).copied().unwrap_or(0);
        vec![
            ("files", self.files),
            ("files read", self.files_read),
            ("files failed", self.files_failed),
            ("pages", self.pages),
            ("documents", self.documents),
            ("paragraphs", self.paragraphs),
            ("tables", self.tables),
            ("cells", self.cells),
            ("tables not parsed", self.tables_unparsed),
            ("relations checked", self.relations_checked),
            ("relations failed", self.relations_failed),
            ("facts compared across documents", self.facts),
            ("relations across documents", self.cross_relations_checked),
            (
                "relations across documents failed",
                self.cross_relations_failed,
            ),
            ("findings", self.findings),
            ("errors", sev("error")),
            ("warnings", sev("warning")),
            ("info", sev("info")),
        ]
    }
}

/// The run a report is of: what the header of the page says.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Run {
    /// justera's version.
    pub version: String,
    /// When the run was made, in UTC (`SOURCE_DATE_EPOCH` when set, so that two runs
    /// over the same inputs can give byte-identical reports).
    pub date: Option<chrono::DateTime<chrono::Utc>>,
    /// The folders the audited files lie in (their outermost common parents).
    pub inputs: Vec<String>,
}

impl Run {
    /// The run date: `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds
    /// convention) when set and valid, else the clock.
    pub fn date_now() -> chrono::DateTime<chrono::Utc> {
        let clock = || {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
        };
        let secs = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
            .unwrap_or_else(clock);
        chrono::DateTime::from_timestamp(secs, 0).unwrap_or_default()
    }
}

/// One document of a file, as the report lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentSummary {
    pub kind: DocumentKind,
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub pages: (u32, u32),
    pub tables: usize,
    pub paragraphs: usize,
    /// The organ (nämnd, direktion) as the document writes it, where it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organ: Option<String>,
    /// The municipality or förbund, where the document says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
}

impl DocumentSummary {
    pub fn of(doc: &Document) -> Self {
        let header = doc.header.as_ref();
        DocumentSummary {
            kind: doc.kind,
            title: doc.title.clone(),
            date: doc.date,
            pages: doc.pages,
            tables: doc.tables.len(),
            paragraphs: doc.paragraphs.len(),
            organ: header
                .and_then(|h| h.organ.clone())
                .or_else(|| doc.organ.clone()),
            municipality: header
                .and_then(|h| h.municipality.clone())
                .or_else(|| doc.memo.as_ref().and_then(|m| m.municipality.clone()))
                .or_else(|| doc.municipality.clone()),
        }
    }
}

/// A cell of a table that a finding points at, with the value the rule expected there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CellMark {
    /// Row index in the table; column index among the value columns (`None`: the label).
    pub row: usize,
    pub column: Option<usize>,
    pub expected: Option<Decimal>,
    /// Index of the finding within its file's `findings`.
    pub finding: usize,
}

/// A table that has at least one finding, kept so the HTML report can show it with the
/// failing cells marked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TableRecord {
    pub document: usize,
    pub index: usize,
    pub title: Option<String>,
    pub page: u32,
    pub line: u32,
    pub columns: Vec<String>,
    pub rows: Vec<TableRecordRow>,
    pub marks: Vec<CellMark>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TableRecordRow {
    pub label: String,
    pub total: bool,
    pub cells: Vec<String>,
}

impl TableRecord {
    /// The table as written (raw cells), without marks.
    pub fn of(document: usize, index: usize, table: &Table) -> Self {
        TableRecord {
            document,
            index,
            title: table.title.clone(),
            page: table.provenance.page,
            line: table.provenance.line,
            columns: table.columns.clone(),
            rows: table
                .rows
                .iter()
                .map(|r| TableRecordRow {
                    label: r.label.clone(),
                    total: matches!(r.kind, RowKind::Total | RowKind::Subtotal),
                    cells: r.cells.iter().map(|c| c.raw.clone()).collect(),
                })
                .collect(),
            marks: Vec::new(),
        }
    }
}

/// Whether a file was read, and what reading it gave or why it failed.
#[derive(Clone, Debug, PartialEq)]
pub enum FileStatus {
    Read { report: ReadReport },
    Failed { reason: FailureReason },
}

/// One file of the archive as the reports list it.
#[derive(Clone, Debug, PartialEq)]
pub struct FileEntry {
    /// The path as given (normalised), as in every provenance of the file.
    pub path: String,
    pub sha256: String,
    pub status: FileStatus,
    pub pages: u32,
    pub documents: Vec<DocumentSummary>,
    /// How many findings the file has ([`Source::file`] gives them).
    pub findings: usize,
}

impl FileEntry {
    pub fn failure(&self) -> Option<&FailureReason> {
        match &self.status {
            FileStatus::Failed { reason } => Some(reason),
            FileStatus::Read { .. } => None,
        }
    }

    /// "read", or the failure's code ("encrypted", "damaged" …).
    pub fn status_code(&self) -> &'static str {
        self.failure().map_or("read", |r| r.code())
    }

    /// Pages the reader lost (0 for a failed file).
    pub fn pages_lost(&self) -> usize {
        match &self.status {
            FileStatus::Read { report } => report.pages_lost.len(),
            FileStatus::Failed { .. } => 0,
        }
    }
}

/// One file's findings (in report order) and the tables they mark.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FileDetail {
    pub findings: Vec<Finding>,
    pub tables: Vec<TableRecord>,
}

/// The counts of the checks across documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CrossCounts {
    pub facts: u64,
    pub relations_checked: u64,
    pub relations_failed: u64,
    pub relations: u64,
}

/// Where the bulky parts of a report are read from, one file at a time.
/// `Sync`: the report writers run side by side, each reading the same source.
pub trait Source: Sync {
    /// The findings and marked tables of file `index` (of [`Report::files`]).
    fn file(&self, index: usize) -> io::Result<FileDetail>;
    /// The findings across documents, in report order.
    fn cross_findings(&self) -> Box<dyn Iterator<Item = io::Result<Finding>> + '_>;
    /// Every relation checked across documents, in report order.
    fn relations(&self) -> Box<dyn Iterator<Item = io::Result<Relation>> + '_>;
}

/// A [`Source`] that holds everything (tests, small runs).
#[derive(Clone, Debug, Default)]
pub struct InMemory {
    /// One per file of the report, in the same order.
    pub files: Vec<FileDetail>,
    pub cross_findings: Vec<Finding>,
    pub relations: Vec<Relation>,
}

impl Source for InMemory {
    fn file(&self, index: usize) -> io::Result<FileDetail> {
        Ok(self.files.get(index).cloned().unwrap_or_default())
    }

    fn cross_findings(&self) -> Box<dyn Iterator<Item = io::Result<Finding>> + '_> {
        Box::new(self.cross_findings.iter().cloned().map(Ok))
    }

    fn relations(&self) -> Box<dyn Iterator<Item = io::Result<Relation>> + '_> {
        Box::new(self.relations.iter().cloned().map(Ok))
    }
}

/// Everything an audit's reports are made of.
pub struct Report<'a> {
    pub run: Run,
    pub summary: Summary,
    pub stats: Stats,
    /// Sorted by path.
    pub files: Vec<FileEntry>,
    pub cross: CrossCounts,
    pub source: &'a dyn Source,
}

impl Report<'_> {
    /// Every finding in report order: file by file, then those across documents.
    pub fn findings(&self) -> impl Iterator<Item = io::Result<Finding>> + '_ {
        (0..self.files.len())
            .filter(|&i| self.files[i].findings > 0)
            .flat_map(|i| -> Box<dyn Iterator<Item = io::Result<Finding>>> {
                match self.source.file(i) {
                    Ok(d) => Box::new(d.findings.into_iter().map(Ok)),
                    Err(e) => Box::new(std::iter::once(Err(e))),
                }
            })
            .chain(self.source.cross_findings())
    }

    /// Whether some finding is of error severity.
    pub fn has_errors(&self) -> bool {
        self.summary
            .findings_by_severity
            .get("error")
            .is_some_and(|&n| n > 0)
    }
}

/// The outermost folders the files lie in, for the header ("." for files given bare).
pub fn input_roots<'a>(paths: impl Iterator<Item = &'a str>) -> Vec<String> {
    use std::path::Path;
    let mut dirs: Vec<String> = paths
        .map(|p| {
            Path::new(p)
                .parent()
                .map(|d| d.display().to_string())
                .unwrap_or_default()
        })
        .collect();
    dirs.sort();
    dirs.dedup();
    let mut roots: Vec<String> = Vec::new();
    for d in dirs {
        if !roots
            .iter()
            .any(|r| Path::new(&d).starts_with(Path::new(r)))
        {
            roots.push(d);
        }
    }
    roots
        .into_iter()
        .map(|r| if r.is_empty() { ".".to_string() } else { r })
        .collect()
}
