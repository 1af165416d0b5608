//! The audit's `findings.json` (lint's JSON shape — the same serializer — plus the
//! archive's summary, failed files, cross-document relations and file list) and the
//! export records for `decisions.jsonl`.

use super::model::{DocumentSummary, FileStatus, Report, Summary};
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

/// `decisions.jsonl` one record per decision, as `justera export` gives them: copies of
/// a decision in several files (the record as PDF and as text) merged into the first,
/// whose `sources` list every copy. Two passes over the lines, so that no more than an
/// id and a file per decision is held: [`DecisionMerge::note`] every line, then
/// [`DecisionMerge::write`] every line in the same order.
#[derive(Default)]
pub struct DecisionMerge {
    /// decision_id → index into `kept`.
    seen: std::collections::HashMap<String, usize>,
    /// Each kept record's file and the sources of the copies merged into it.
    kept: Vec<(String, Vec<crate::export::SourceRecord>)>,
    /// Per line in order: the kept record it is, or `None` when merged into another.
    plan: Vec<Option<usize>>,
    written: usize,
}

#[derive(serde::Deserialize)]
struct DecisionKey {
    decision_id: String,
    file: String,
    sources: Vec<crate::export::SourceRecord>,
}

impl DecisionMerge {
    /// The first pass: one line of decisions.jsonl.
    pub fn note(&mut self, line: &[u8]) {
        let Ok(key) = serde_json::from_slice::<DecisionKey>(line) else {
            // Not a record we can read: kept as it is.
            self.plan.push(Some(self.kept.len()));
            self.kept.push((String::new(), Vec::new()));
            return;
        };
        match self.seen.get(&key.decision_id) {
            // Two §§ of one file with the same id are two decisions, not copies.
            Some(&k)
                if self.kept[k].0 != key.file
                    && self.kept[k].1.iter().all(|s| s.file != key.file) =>
            {
                self.kept[k].1.extend(key.sources);
                self.plan.push(None);
            }
            _ => {
                self.seen.entry(key.decision_id).or_insert(self.kept.len());
                self.plan.push(Some(self.kept.len()));
                self.kept.push((key.file, Vec::new()));
            }
        }
    }

    /// The second pass: writes the line when it is the record kept, with the sources of
    /// its copies added; a line no copy was merged into is written unchanged.
    pub fn write(&mut self, line: &[u8], out: &mut dyn Write) -> io::Result<()> {
        let step = self.plan.get(self.written).copied();
        self.written += 1;
        let Some(Some(k)) = step else {
            return Ok(());
        };
        let extra = std::mem::take(&mut self.kept[k].1);
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        if extra.is_empty() {
            out.write_all(line)?;
        } else {
            let mut r: crate::export::DecisionRecord = serde_json::from_slice(line)?;
            r.sources.extend(extra);
            serde_json::to_writer(&mut *out, &r)?;
        }
        out.write_all(b"\n")
    }
}

/// The top level of findings.json, in the order a reader wants it: lint's two keys first.
#[derive(Serialize)]
struct FindingsReport<'a> {
    findings: AllFindings<'a>,
    stats: Value,
    summary: &'a Summary,
    failed: Vec<FailedFile<'a>>,
    cross_document: Cross<'a>,
    files: Vec<FileJson<'a>>,
    justera: &'a str,
}

#[derive(Serialize)]
struct FailedFile<'a> {
    file: &'a str,
    reason: &'static str,
    error: String,
}

#[derive(Serialize)]
struct FileJson<'a> {
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
    documents: &'a [DocumentSummary],
    findings: usize,
}

/// The archive's findings in lint's shape, read file by file as they are written.
struct AllFindings<'a>(&'a Report<'a>);

impl Serialize for AllFindings<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut seq = serializer.serialize_seq(usize::try_from(self.0.summary.findings).ok())?;
        for f in self.0.findings() {
            let f = f.map_err(S::Error::custom)?;
            seq.serialize_element(&super::json::FindingJson::of(&f))?;
        }
        seq.end()
    }
}

/// `cross_document`: the counts and every relation checked, streamed from the source.
struct Cross<'a>(&'a Report<'a>);

impl Serialize for Cross<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let c = &self.0.cross;
        let mut s = serializer.serialize_struct("CrossResult", 4)?;
        s.serialize_field("facts", &c.facts)?;
        s.serialize_field("relations_checked", &c.relations_checked)?;
        s.serialize_field("relations_failed", &c.relations_failed)?;
        s.serialize_field("relations", &Relations(self.0))?;
        s.end()
    }
}

struct Relations<'a>(&'a Report<'a>);

impl Serialize for Relations<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut seq = serializer.serialize_seq(usize::try_from(self.0.cross.relations).ok())?;
        for r in self.0.source.relations() {
            seq.serialize_element(&r.map_err(S::Error::custom)?)?;
        }
        seq.end()
    }
}

pub fn write_findings(report: &Report, out: &mut impl Write) -> io::Result<()> {
    let files = report
        .files
        .iter()
        .map(|f| {
            let (status, read, reason, error) = match &f.status {
                FileStatus::Read { report } => ("read", Some(report), None, None),
                FileStatus::Failed { reason } => (
                    "failed",
                    None,
                    Some(reason.code()),
                    Some(reason.to_string()),
                ),
            };
            FileJson {
                file: &f.path,
                sha256: &f.sha256,
                status,
                pages: f.pages,
                read,
                reason,
                error,
                documents: &f.documents,
                findings: f.findings,
            }
        })
        .collect();
    let failed = report
        .files
        .iter()
        .filter_map(|f| {
            let reason = f.failure()?;
            Some(FailedFile {
                file: &f.path,
                reason: reason.code(),
                error: reason.to_string(),
            })
        })
        .collect();
    let json = FindingsReport {
        findings: AllFindings(report),
        stats: super::json::stats(&report.stats),
        summary: &report.summary,
        failed,
        cross_document: Cross(report),
        files,
        justera: &report.run.version,
    };
    serde_json::to_writer_pretty(&mut *out, &json)?;
    out.write_all(b"\n")
}
