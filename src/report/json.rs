//! `findings.json` and the JSON Lines reports of an audit.

use crate::audit::record::Outcome;
use crate::audit::Audit;
use crate::check::finding::Finding;
use crate::document::Document;
use serde::Serialize;
use serde_json::{json, Value};
use std::io::{self, Write};

/// One finding in the shape of `justera lint --format json`, plus `related` for
/// findings that name a second place.
// INTERIM: replaced by the lint serializer when it lands (one shape, one writer).
pub fn finding_json(f: &Finding) -> Value {
    let dec = |d: Option<rust_decimal::Decimal>| d.map(|d| d.normalize().to_string());
    let mut v = json!({
        "rule": f.rule,
        "severity": f.severity,
        "message": f.message,
        "file": f.provenance.file.as_ref(),
        "page": f.provenance.page,
        "line": f.provenance.line,
        "document": f.document,
        "paragraph": f.paragraph,
        "table": f.table,
        "row": f.row,
        "column": f.column,
        "expected": dec(f.expected),
        "found": dec(f.found),
        "tolerance": dec(f.tolerance),
    });
    if let (Some(rel), Value::Object(map)) = (&f.related, &mut v) {
        map.insert(
            "related".to_string(),
            json!({"file": rel.file.as_ref(), "page": rel.page, "line": rel.line}),
        );
    }
    v
}

/// The export records (`decisions.jsonl`) of one file's documents, one JSON line each.
// INTERIM: none until the export records land; then this calls them.
pub fn decision_lines(documents: &[Document]) -> Vec<String> {
    let _ = documents;
    Vec::new()
}

/// The top level of findings.json, in the order a reader wants it: lint's two keys first.
#[derive(Serialize)]
struct FindingsReport<'a> {
    findings: Vec<Value>,
    stats: &'a crate::check::finding::Stats,
    summary: &'a crate::audit::Summary,
    failed: Vec<FailedFile<'a>>,
    cross_document: &'a crate::audit::cross::CrossResult,
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
                findings: r.findings.len(),
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
        findings: audit.findings().map(finding_json).collect(),
        stats: &audit.stats,
        summary: &audit.summary,
        failed,
        cross_document: &audit.cross,
        files,
        justera: env!("CARGO_PKG_VERSION"),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    out.write_all(b"\n")
}
