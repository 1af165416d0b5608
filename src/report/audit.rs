//! The audit's `findings.json` (lint's JSON shape — the same serializer — plus the
//! archive's summary, failed files, cross-document relations and file list) and the
//! export records for `decisions.jsonl`.

use crate::audit::record::Outcome;
use crate::audit::Audit;
use crate::document::Document;
use serde::Serialize;
use serde_json::Value;
use std::io::{self, Write};

/// The export records (`decisions.jsonl`) of one file's documents, one JSON line each,
/// exactly as `justera export --format jsonl` writes them.
pub fn decision_lines(documents: &[Document], sha256: Option<&str>) -> Vec<String> {
    crate::export::records_of_file(documents, sha256)
        .iter()
        .filter_map(|r| serde_json::to_string(r).ok())
        .collect()
}

/// The top level of findings.json, in the order a reader wants it: lint's two keys first.
#[derive(Serialize)]
struct FindingsReport<'a> {
    findings: AllFindings<'a>,
    stats: Value,
    summary: &'a crate::audit::Summary,
    failed: Vec<FailedFile<'a>>,
    cross_document: &'a crate::audit::cross::ArchiveCross,
    files: Vec<FileEntry<'a>>,
    justera: &'static str,
}

#[derive(Serialize)]
struct FailedFile<'a> {
    file: &'a str,
    reason: &'static str,
    error: String,
}

#[derive(Serialize)]
struct FileEntry<'a> {
    file: &'a str,
    sha256: &'a str,
    status: &'static str,
    pages: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    read: Option<&'a crate::ingest::ReadReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    documents: &'a [crate::audit::record::DocumentSummary],
    findings: usize,
}

/// The archive's findings in lint's shape, read file by file as they are written.
struct AllFindings<'a>(&'a Audit);

impl Serialize for AllFindings<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut seq = serializer.serialize_seq(usize::try_from(self.0.summary.findings).ok())?;
        for f in self.0.findings() {
            seq.serialize_element(&super::json::finding(&f.map_err(S::Error::custom)?))?;
        }
        seq.end()
    }
}

pub fn write_findings(audit: &Audit, out: &mut impl Write) -> io::Result<()> {
    let files = audit
        .files
        .iter()
        .map(|p| {
            let r = &p.record;
            let (status, read, reason, error) = match &r.outcome {
                Outcome::Read { report, .. } => ("read", Some(report), None, None),
                Outcome::Failed { reason } => (
                    "failed",
                    None,
                    Some(reason.code()),
                    Some(reason.to_string()),
                ),
            };
            FileEntry {
                file: &r.path,
                sha256: &r.hash,
                status,
                pages: r.outcome.pages(),
                read,
                reason,
                error,
                documents: &r.documents,
                findings: p.findings,
            }
        })
        .collect();
    let failed = audit
        .files
        .iter()
        .filter_map(|p| {
            let reason = p.record.outcome.failure()?;
            Some(FailedFile {
                file: &p.record.path,
                reason: reason.code(),
                error: reason.to_string(),
            })
        })
        .collect();
    let report = FindingsReport {
        findings: AllFindings(audit),
        stats: super::json::stats(&audit.stats),
        summary: &audit.summary,
        failed,
        cross_document: &audit.cross,
        files,
        justera: env!("CARGO_PKG_VERSION"),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    out.write_all(b"\n")
}
