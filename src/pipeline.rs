//! One file through every stage: ingest → layout → tables → parse → check.

use crate::check::finding::{Finding, Stats};
use crate::document::Document;
use crate::ingest::{IngestError, IngestOptions, ReadReport};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProcessedFile {
    pub path: Arc<str>,
    pub report: ReadReport,
    pub pages: u32,
    pub documents: Vec<Document>,
    pub findings: Vec<Finding>,
    pub stats: Stats,
}

pub fn process_file(path: &Path, opts: &IngestOptions) -> Result<ProcessedFile, IngestError> {
    let ingested = crate::ingest::ingest_file(path, opts)?;
    let laid_out = crate::layout::lay_out(ingested);
    let tables = crate::table::extract(&laid_out);
    let documents = crate::parse::parse_file(&laid_out, tables);
    let (mut findings, mut stats) = crate::check::check_documents(&documents);
    crate::check::ocr::qualify(&laid_out, &documents, &mut findings);
    stats.files = 1;
    Ok(ProcessedFile {
        path: laid_out.path.clone(),
        report: laid_out.report.clone(),
        pages: laid_out.pages.len() as u32,
        documents,
        findings,
        stats,
    })
}

/// Reads one file, running PDF extraction in an isolated worker process when
/// `opts.isolate` is set, so a crash or hang in the PDF reader costs only this file.
/// Text files are read in-process. Without a `justera` binary to run (unit-test
/// harnesses, unless `JUSTERA_WORKER_EXE` names one) PDFs are read in-process too.
pub fn ingest_file_isolated(
    path: &Path,
    opts: &IngestOptions,
) -> Result<crate::ingest::IngestedFile, IngestError> {
    if opts.isolate && crate::worker::is_pdf_input(path) {
        if let Some(exe) = crate::worker::worker_exe() {
            return crate::worker::read_isolated(&exe, path, opts);
        }
    }
    crate::ingest::ingest_file(path, opts)
}

/// [`process_file`] in an isolated worker process when `opts.isolate` is set and a
/// `justera` binary is at hand (the audit's way: every stage of every file is then under
/// the time and memory limits), else in this process.
pub fn process_file_isolated(
    path: &Path,
    opts: &IngestOptions,
) -> Result<ProcessedFile, IngestError> {
    if opts.isolate {
        if let Some(exe) = crate::worker::worker_exe() {
            return crate::worker::process_isolated(&exe, path, opts);
        }
    }
    process_file(path, opts)
}
