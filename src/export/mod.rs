//! The researchers' export: one record per decision (protocol paragraph) with the
//! meeting's metadata repeated, as JSON, JSON Lines or CSV. The record's shape is
//! described by `schema/decision.schema.json`; every record carries `schema_version`.

use crate::document::{Document, DocumentKind, Paragraph, Proposal, Vote};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::io::Write;

/// Bumped when a field is renamed or removed or its meaning changes (not for additions).
pub const SCHEMA_VERSION: &str = "1.0";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionRecord {
    pub schema_version: String,
    /// "<file>#§<number>": stable within one file.
    pub id: String,
    pub organ: Option<String>,
    pub municipality: Option<String>,
    pub meeting_date: Option<NaiveDate>,
    pub document_title: Option<String>,
    pub paragraph: u32,
    pub prefix: Option<String>,
    pub dnr: Vec<String>,
    pub title: String,
    pub decision_heading: Option<String>,
    /// The att-satser, in order.
    pub decision: Vec<String>,
    pub decision_text: Option<String>,
    pub recommendation: Vec<String>,
    pub basis: Vec<String>,
    pub proposals: Vec<ProposalRecord>,
    pub votes: Vec<VoteRecord>,
    pub reservations: Vec<String>,
    pub dispatch: Vec<String>,
    pub file: String,
    pub page: u32,
    pub line: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProposalRecord {
    pub by: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VoteRecord {
    pub yes: Option<u32>,
    pub no: Option<u32>,
    pub abstain: Option<u32>,
    pub absent: Option<u32>,
}

impl From<&Proposal> for ProposalRecord {
    fn from(p: &Proposal) -> Self {
        ProposalRecord {
            by: p.by.clone(),
            text: p.text.clone(),
        }
    }
}

impl From<&Vote> for VoteRecord {
    fn from(v: &Vote) -> Self {
        VoteRecord {
            yes: v.yes,
            no: v.no,
            abstain: v.abstain,
            absent: v.absent,
        }
    }
}

/// One record per paragraph of every protocol among the documents.
pub fn records(documents: &[Document]) -> Vec<DecisionRecord> {
    documents
        .iter()
        .filter(|d| d.kind == DocumentKind::Protokoll)
        .flat_map(|d| d.paragraphs.iter().map(move |p| record(d, p)))
        .collect()
}

fn record(d: &Document, p: &Paragraph) -> DecisionRecord {
    let h = d.header.as_ref();
    DecisionRecord {
        schema_version: SCHEMA_VERSION.to_string(),
        id: format!("{}#§{}", p.provenance.file, p.number),
        organ: h.and_then(|h| h.organ.clone()).or_else(|| d.organ.clone()),
        municipality: h.and_then(|h| h.municipality.clone()),
        meeting_date: h.and_then(|h| h.meeting_date).or(d.date),
        document_title: d.title.clone(),
        paragraph: p.number,
        prefix: p.prefix.clone(),
        dnr: p.dnr.clone(),
        title: p.title.clone(),
        decision_heading: p.decision_heading.clone(),
        decision: p.decision.clone(),
        decision_text: p.decision_text.clone(),
        recommendation: p.recommendation.clone(),
        basis: p.basis.iter().map(|b| b.text.clone()).collect(),
        proposals: p.proposals.iter().map(ProposalRecord::from).collect(),
        votes: p.votes.iter().map(VoteRecord::from).collect(),
        reservations: p.reservations.clone(),
        dispatch: p.dispatch.clone(),
        file: p.provenance.file.to_string(),
        page: p.provenance.page,
        line: p.provenance.line,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Jsonl,
    Csv,
}

/// CSV columns, in order. Lists are joined with " | "; proposals as "by: text"; votes as
/// "ja=7;nej=4;avstår=0;frånvarande=0" (empty where not given).
pub const CSV_COLUMNS: &[&str] = &[
    "schema_version",
    "id",
    "organ",
    "municipality",
    "meeting_date",
    "document_title",
    "paragraph",
    "prefix",
    "dnr",
    "title",
    "decision_heading",
    "decision",
    "decision_text",
    "recommendation",
    "basis",
    "proposals",
    "votes",
    "reservations",
    "dispatch",
    "file",
    "page",
    "line",
];

fn join(v: &[String]) -> String {
    v.join(" | ")
}

fn csv_row(r: &DecisionRecord) -> Vec<String> {
    let opt = |o: &Option<u32>| o.map_or(String::new(), |n| n.to_string());
    vec![
        r.schema_version.clone(),
        r.id.clone(),
        r.organ.clone().unwrap_or_default(),
        r.municipality.clone().unwrap_or_default(),
        r.meeting_date.map_or(String::new(), |d| d.to_string()),
        r.document_title.clone().unwrap_or_default(),
        r.paragraph.to_string(),
        r.prefix.clone().unwrap_or_default(),
        join(&r.dnr),
        r.title.clone(),
        r.decision_heading.clone().unwrap_or_default(),
        join(&r.decision),
        r.decision_text.clone().unwrap_or_default(),
        join(&r.recommendation),
        join(&r.basis),
        r.proposals
            .iter()
            .map(|p| format!("{}: {}", p.by, p.text))
            .collect::<Vec<_>>()
            .join(" | "),
        r.votes
            .iter()
            .map(|v| {
                format!(
                    "ja={};nej={};avstår={};frånvarande={}",
                    opt(&v.yes),
                    opt(&v.no),
                    opt(&v.abstain),
                    opt(&v.absent)
                )
            })
            .collect::<Vec<_>>()
            .join(" | "),
        join(&r.reservations),
        join(&r.dispatch),
        r.file.clone(),
        r.page.to_string(),
        r.line.to_string(),
    ]
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Json(#[from] serde_json::Error),
    #[error("{0}")]
    Csv(#[from] csv::Error),
}

/// Writes the records in the given format.
pub fn write(
    records: &[DecisionRecord],
    format: Format,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "decisions": records }))?;
            writeln!(out)?;
        }
        Format::Jsonl => {
            for r in records {
                serde_json::to_writer(&mut *out, r)?;
                writeln!(out)?;
            }
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(CSV_COLUMNS)?;
            for r in records {
                w.write_record(csv_row(r))?;
            }
            w.flush()?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_columns_match_row_width() {
        let r = DecisionRecord {
            schema_version: SCHEMA_VERSION.into(),
            id: "f#§1".into(),
            organ: None,
            municipality: None,
            meeting_date: None,
            document_title: None,
            paragraph: 1,
            prefix: None,
            dnr: vec![],
            title: "T".into(),
            decision_heading: None,
            decision: vec!["a".into(), "b".into()],
            decision_text: None,
            recommendation: vec![],
            basis: vec![],
            proposals: vec![],
            votes: vec![VoteRecord {
                yes: Some(7),
                no: Some(4),
                abstain: None,
                absent: None,
            }],
            reservations: vec![],
            dispatch: vec![],
            file: "f".into(),
            page: 1,
            line: 2,
        };
        let row = csv_row(&r);
        assert_eq!(row.len(), CSV_COLUMNS.len());
        assert_eq!(row[11], "a | b");
        assert_eq!(row[16], "ja=7;nej=4;avstår=;frånvarande=");
    }
}
