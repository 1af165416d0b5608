//! The researchers' export: one record per decision (protocol paragraph) with the
//! meeting's metadata repeated, as JSON, JSON Lines or CSV. The record's shape is
//! described by `schema/decision.schema.json`, generated from [`DecisionRecord`] with
//! schemars ([`decision_schema`]); every record carries `schema_version`.

use crate::document::{Document, DocumentKind, Paragraph, Proposal, Vote};
pub mod csv;

use self::csv::{Cell, CsvWriter, Dialect};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::io::Write;

/// Bumped when a field is renamed or removed or its meaning changes (major), or a field
/// is added (minor). Three parts, so that no reader (pandas, Excel) takes it for a number.
pub const SCHEMA_VERSION: &str = "1.3.0";

/// One decision (a § of a protocol) as written by `justera export`, with the meeting's
/// metadata repeated and where it came from. Fields are null (or empty lists) where the
/// protocol does not say. Dates are ISO 8601 (YYYY-MM-DD).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "justera decision record", deny_unknown_fields)]
pub struct DecisionRecord {
    /// Version of this record shape (major.minor.patch, so no reader takes it for a
    /// number): the major part changes when a field is renamed, removed or changes
    /// meaning, the minor part when a field is added.
    #[schemars(extend("const" = SCHEMA_VERSION))]
    pub schema_version: String,
    /// "<file>#§<number>": unique within an export of distinct files.
    pub id: String,
    /// The same decision read from any copy of the record (PDF, text, .docx) has the same
    /// id: a hash of the meeting (municipality, organ, date, document title), the §
    /// number, its title and its att-satser, letters and digits only. Key to deduplicate
    /// on.
    pub decision_id: String,
    /// The protocol's id, the same for every copy: a hash of its kind, municipality,
    /// organ, date and title (and, where these say little, its first lines).
    pub document_id: String,
    /// The nämnd, styrelse or direktion whose protocol it is, e.g. "Servicenämnd
    /// IT/Växel/Telefoni".
    pub organ: Option<String>,
    /// Kommun or kommunalförbund, e.g. "Herrljunga kommun", "Kommunalförbundet Itsam".
    pub municipality: Option<String>,
    /// The meeting's date.
    pub meeting_date: Option<NaiveDate>,
    /// The meeting's time as written, e.g. "13.00–15.30".
    pub meeting_time: Option<String>,
    /// Where the meeting was held, as written.
    pub meeting_place: Option<String>,
    /// Ordförande as the protocol's signature block names them.
    pub chair: Option<String>,
    /// Sekreterare as the protocol's signature block names them.
    pub secretary: Option<String>,
    /// Justerare (the members who check the protocol), in the order written.
    pub adjusters: Vec<String>,
    /// The justering's date: "Justeringens plats och tid", or, where that gives no date,
    /// the last signature of an e-signature page. A decision can be appealed only once
    /// the justered protocol is posted.
    pub adjusted_on: Option<NaiveDate>,
    /// The date the anslag (notice of the justered protocol) was posted.
    pub notice_posted: Option<NaiveDate>,
    pub document_title: Option<String>,
    /// The § number.
    pub paragraph: u32,
    /// Letters written before the § sign, e.g. "ITVT", "KS".
    pub prefix: Option<String>,
    /// Diarienummer as written, with its series, e.g. "ITSAM 2021/72": the §'s own
    /// (after Dnr); where the § leaves out the series that the protocol's ärendelista
    /// gives for the same number ("Dnr 2021/72" under "ITSAM 2021/72"), the list's
    /// spelling; the list's when the § gives none.
    pub dnr: Vec<String>,
    /// The diarienummer of `dnr` that parse as such, in one spelling for matching:
    /// series, space, year/number ("KU.2017.3" → "KU 2017/3").
    pub dnr_normalised: Vec<String>,
    pub title: String,
    /// The decision heading as written, e.g. "Direktionens beslut".
    pub decision_heading: Option<String>,
    /// The att-satser (numbered or bulleted items), in order; a decision written as one
    /// sentence is one item.
    pub decision: Vec<String>,
    /// The decision section's whole text, lead-in included, lines joined by newline.
    pub decision_text: Option<String>,
    /// Förslag till beslut (förvaltningens or ordförandes).
    pub recommendation: Vec<String>,
    /// Beslutsunderlag, one entry per document listed.
    pub basis: Vec<String>,
    /// Yrkanden: who proposed what.
    pub proposals: Vec<ProposalRecord>,
    /// Omröstningar with their counts (null where not given).
    pub votes: Vec<VoteRecord>,
    /// Names of those who entered a reservation.
    pub reservations: Vec<String>,
    /// Expedieras till / Beslutsexpediering / För kännedom.
    pub dispatch: Vec<String>,
    /// Who took part in this §, from the protocol's attendance lists.
    pub attendance: AttendanceRecord,
    /// The input file as given on the command line.
    pub file: String,
    #[schemars(range(min = 1))]
    pub page: u32,
    #[schemars(range(min = 1))]
    pub line: u32,
    /// SHA-256 of the file's bytes, hex (null where the file was not hashed).
    pub sha256: Option<String>,
    /// The justera version that read the file.
    pub justera_version: String,
    /// Every copy of this decision in the export (file, page, line, sha256): more than
    /// one where the same record was given as PDF and as text.
    pub sources: Vec<SourceRecord>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct AttendanceRecord {
    /// Beslutande (members and serving substitutes) for this §.
    pub present: Vec<String>,
    /// Members a substitute replaced in this §.
    pub absent: Vec<String>,
    /// Who replaced whom.
    pub replaced: Vec<Replacement>,
    /// Non-serving substitutes, staff and guests.
    pub others: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Replacement {
    pub member: String,
    pub by: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct SourceRecord {
    pub file: String,
    #[schemars(range(min = 1))]
    pub page: u32,
    #[schemars(range(min = 1))]
    pub line: u32,
    pub sha256: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct ProposalRecord {
    pub by: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct VoteRecord {
    pub yes: Option<u32>,
    pub no: Option<u32>,
    pub abstain: Option<u32>,
    pub absent: Option<u32>,
}

/// Where the schema is published (its `$id`).
pub const SCHEMA_ID: &str = "https://github.com/justera/justera/schema/decision.schema.json";

/// The JSON Schema (2020-12) of [`DecisionRecord`], generated from the type (schemars):
/// `schema/decision.schema.json` is this, written out (`tests/suite/export_decisions.rs`
/// keeps the two equal).
pub fn decision_schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(DecisionRecord).to_value();
    tidy_schema(&mut schema);
    if let serde_json::Value::Object(map) = &mut schema {
        map.insert("$id".into(), SCHEMA_ID.into());
    }
    schema
}

/// Every record writes every field (null or an empty list where the protocol does not
/// say), so every property of every object is required, `Option` ones too; doc
/// comments' line breaks become spaces in descriptions.
fn tidy_schema(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                let all: Vec<Value> = props.keys().cloned().map(Value::String).collect();
                map.insert("required".into(), Value::Array(all));
            }
            if let Some(Value::String(d)) = map.get_mut("description") {
                *d = d.split_whitespace().collect::<Vec<_>>().join(" ");
            }
            for (_, child) in map.iter_mut() {
                tidy_schema(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(tidy_schema),
        _ => {}
    }
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

/// One record per paragraph of every protocol among the documents (file not hashed).
/// What a user must be told about a file's export beside its records: a protocol whose
/// §§ could not be read gives no record, and says so (never a silent empty export).
pub fn notices(documents: &[Document]) -> Vec<String> {
    documents
        .iter()
        .filter(|d| {
            d.kind == DocumentKind::Protokoll
                && d.paragraphs.is_empty()
                && d.cut_paragraphs.is_empty()
        })
        .map(|d| {
            let listed = d
                .header
                .as_ref()
                .and_then(|h| h.paragraphs.as_ref())
                .map(|r| {
                    if r.from == r.to {
                        format!(" (its header lists § {})", r.from)
                    } else {
                        format!(" (its header lists §§ {}–{})", r.from, r.to)
                    }
                })
                .unwrap_or_default();
            let toc = if d.toc.is_empty() {
                String::new()
            } else {
                format!("; its list of items has {} entries", d.toc.len())
            };
            format!(
                "a protocol (pages {}–{}), but no § opening was read in its text{listed}{toc}: no decision exported from it",
                d.pages.0, d.pages.1
            )
        })
        .collect()
}

pub fn records(documents: &[Document]) -> Vec<DecisionRecord> {
    records_of_file(documents, None)
}

/// [`records`] for the documents of one file whose bytes hash to `sha256`.
pub fn records_of_file(documents: &[Document], sha256: Option<&str>) -> Vec<DecisionRecord> {
    documents
        .iter()
        .filter(|d| d.kind == DocumentKind::Protokoll)
        .flat_map(|d| {
            d.paragraphs
                .iter()
                .chain(&d.cut_paragraphs)
                .map(move |p| record(d, p, sha256))
        })
        .collect()
}

/// Letters and digits only, lower case: what survives PDF extraction, hyphenation and
/// line breaks alike.
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn short_hash(parts: &[&str]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The document's id: its kind and who, when and what it says it is; where these are
/// all missing, its first lines of text stand in.
pub fn document_id(d: &Document) -> String {
    let h = d.header.as_ref();
    let organ = h.and_then(|h| h.organ.clone()).or_else(|| d.organ.clone());
    let municipality = h.and_then(|h| h.municipality.clone());
    let date = h.and_then(|h| h.meeting_date).or(d.date);
    let kind = format!("{:?}", d.kind);
    let mut parts = vec![
        kind,
        fold(municipality.as_deref().unwrap_or("")),
        fold(organ.as_deref().unwrap_or("")),
        date.map(|d| d.to_string()).unwrap_or_default(),
        fold(d.title.as_deref().unwrap_or("")),
    ];
    if organ.is_none() && date.is_none() {
        let head: String = d.lines.iter().take(20).map(|l| fold(&l.text)).collect();
        parts.push(head);
    }
    let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
    format!("doc-{}", short_hash(&refs))
}

fn attendance(d: &Document, number: u32) -> AttendanceRecord {
    let mut a = AttendanceRecord::default();
    let Some(h) = &d.header else {
        return a;
    };
    for p in &h.attendance {
        if p.paragraphs
            .as_ref()
            .is_some_and(|r| number < r.from || number > r.to)
        {
            continue;
        }
        if p.group == "beslutande" {
            a.present.push(p.name.clone());
            if let Some(m) = &p.replaces {
                a.absent.push(m.clone());
                a.replaced.push(Replacement {
                    member: m.clone(),
                    by: p.name.clone(),
                });
            }
        } else {
            a.others.push(p.name.clone());
        }
    }
    a
}

fn record(d: &Document, p: &Paragraph, sha256: Option<&str>) -> DecisionRecord {
    let h = d.header.as_ref();
    let document_id = document_id(d);
    let number = p.number.to_string();
    let decision_key = fold(&p.decision.join(" "));
    let title_key = fold(&p.title);
    let decision_id = format!(
        "{document_id}-§{}-{}",
        p.number,
        short_hash(&[&document_id, &number, &title_key, &decision_key])
    );
    let dnr = dnr_of(d, p);
    DecisionRecord {
        schema_version: SCHEMA_VERSION.to_string(),
        id: format!("{}#§{}", p.provenance.file, p.number),
        decision_id,
        document_id,
        organ: h.and_then(|h| h.organ.clone()).or_else(|| d.organ.clone()),
        municipality: h.and_then(|h| h.municipality.clone()),
        meeting_date: h.and_then(|h| h.meeting_date).or(d.date),
        meeting_time: h.and_then(|h| h.time.clone()),
        meeting_place: h.and_then(|h| h.place.clone()),
        chair: h.and_then(|h| h.chair.clone()),
        secretary: h.and_then(|h| h.secretary.clone()),
        adjusters: h.map(|h| h.adjusters.clone()).unwrap_or_default(),
        adjusted_on: h.and_then(|h| h.adjustment.as_ref()?.date),
        notice_posted: h.and_then(|h| h.notice.as_ref()?.posted),
        document_title: d.title.clone(),
        paragraph: p.number,
        prefix: p.prefix.clone(),
        dnr: dnr.iter().map(|(w, _)| w.clone()).collect(),
        dnr_normalised: dnr.iter().filter_map(|(_, n)| n.clone()).collect(),
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
        attendance: attendance(d, p.number),
        file: p.provenance.file.to_string(),
        page: p.provenance.page,
        line: p.provenance.line,
        sha256: sha256.map(str::to_string),
        justera_version: env!("CARGO_PKG_VERSION").to_string(),
        sources: vec![SourceRecord {
            file: p.provenance.file.to_string(),
            page: p.provenance.page,
            line: p.provenance.line,
            sha256: sha256.map(str::to_string),
        }],
    }
}

/// One record per decision: copies of the same decision (the record given as PDF and as
/// text) are merged into the first, whose `sources` then lists every copy. Order is kept.
pub fn dedup(records: Vec<DecisionRecord>) -> Vec<DecisionRecord> {
    let mut out: Vec<DecisionRecord> = Vec::with_capacity(records.len());
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for r in records {
        match seen.get(&r.decision_id) {
            // Two §§ of one file with the same id are two decisions, not copies.
            Some(&i) if out[i].sources.iter().all(|s| s.file != r.file) => {
                out[i].sources.extend(r.sources);
            }
            _ => {
                seen.entry(r.decision_id.clone()).or_insert(out.len());
                out.push(r);
            }
        }
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Jsonl,
    Csv,
}

/// CSV columns, in order. Lists are joined with " | "; proposals as "by: text"; votes as
/// "ja=7;nej=4;avstår=0;frånvarande=0" (empty where not given); replacements as
/// "member → substitute"; sources as "file:page N:line M".
pub const CSV_COLUMNS: &[&str] = &[
    "schema_version",
    "id",
    "decision_id",
    "document_id",
    "organ",
    "municipality",
    "meeting_date",
    "meeting_time",
    "meeting_place",
    "chair",
    "secretary",
    "adjusters",
    "adjusted_on",
    "notice_posted",
    "document_title",
    "paragraph",
    "prefix",
    "dnr",
    "dnr_normalised",
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
    "present",
    "absent",
    "replaced",
    "others",
    "file",
    "page",
    "line",
    "sha256",
    "justera_version",
    "sources",
];

/// A diarienummer as the grammar reads it ("Dnr: KS 2019/492" → prefix, year, number).
/// The text is what stood after "Dnr", so a bare "2021/72" is read as one too.
fn parse_dnr(written: &str) -> Option<crate::grammar::reference::Dnr> {
    let first = |text: &str| {
        crate::grammar::reference::find_references(text)
            .into_iter()
            .find_map(|(_, r)| match r {
                crate::grammar::reference::Reference::Dnr(d) => Some(d),
                _ => None,
            })
    };
    first(written).or_else(|| first(&format!("Dnr {written}")))
}

/// The §'s diarienummer as written, each with its normalised form: the §'s own, where
/// it leaves out the series that the protocol's ärendelista gives for the same number
/// the list's spelling; the list's when the § gives none.
fn dnr_of(d: &Document, p: &crate::document::Paragraph) -> Vec<(String, Option<String>)> {
    let listed: Vec<(String, crate::grammar::reference::Dnr)> = d
        .toc
        .iter()
        .filter(|e| e.number == p.number)
        .filter_map(|e| {
            let w = e.dnr.as_deref()?.trim();
            Some((w.to_string(), parse_dnr(w)?))
        })
        .collect();
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    for written in &p.dnr {
        let parsed = parse_dnr(written);
        let with_series = parsed
            .as_ref()
            .filter(|x| x.prefix.is_none())
            .and_then(|x| {
                listed
                    .iter()
                    .find(|(_, l)| l.prefix.is_some() && l.year == x.year && l.number == x.number)
            });
        match with_series {
            Some((w, l)) => out.push((w.clone(), Some(l.canonical()))),
            None => out.push((written.clone(), parsed.map(|x| x.canonical()))),
        }
    }
    if out.is_empty() {
        out = listed
            .into_iter()
            .map(|(w, l)| (w, Some(l.canonical())))
            .collect();
    }
    out.dedup();
    out
}

fn join(v: &[String]) -> String {
    v.join(" | ")
}

fn csv_row(r: &DecisionRecord) -> Vec<Cell> {
    let opt = |o: &Option<u32>| o.map_or(String::new(), |n| n.to_string());
    vec![
        Cell::from(r.schema_version.clone()),
        Cell::from(r.id.clone()),
        Cell::from(r.decision_id.clone()),
        Cell::from(r.document_id.clone()),
        Cell::from(r.organ.clone()),
        Cell::from(r.municipality.clone()),
        Cell::from(r.meeting_date.map(|d| d.to_string())),
        Cell::from(r.meeting_time.clone()),
        Cell::from(r.meeting_place.clone()),
        Cell::from(r.chair.clone()),
        Cell::from(r.secretary.clone()),
        Cell::from(join(&r.adjusters)),
        Cell::from(r.adjusted_on.map(|d| d.to_string())),
        Cell::from(r.notice_posted.map(|d| d.to_string())),
        Cell::from(r.document_title.clone()),
        Cell::from(r.paragraph),
        Cell::from(r.prefix.clone()),
        Cell::from(join(&r.dnr)),
        Cell::from(join(&r.dnr_normalised)),
        Cell::from(r.title.clone()),
        Cell::from(r.decision_heading.clone()),
        Cell::from(join(&r.decision)),
        Cell::from(r.decision_text.clone()),
        Cell::from(join(&r.recommendation)),
        Cell::from(join(&r.basis)),
        Cell::from(
            r.proposals
                .iter()
                .map(|p| format!("{}: {}", p.by, p.text))
                .collect::<Vec<_>>()
                .join(" | "),
        ),
        Cell::from(
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
        ),
        Cell::from(join(&r.reservations)),
        Cell::from(join(&r.dispatch)),
        Cell::from(join(&r.attendance.present)),
        Cell::from(join(&r.attendance.absent)),
        Cell::from(
            r.attendance
                .replaced
                .iter()
                .map(|x| format!("{} → {}", x.member, x.by))
                .collect::<Vec<_>>()
                .join(" | "),
        ),
        Cell::from(join(&r.attendance.others)),
        Cell::from(r.file.clone()),
        Cell::from(r.page),
        Cell::from(r.line),
        Cell::from(r.sha256.clone()),
        Cell::from(r.justera_version.clone()),
        Cell::from(
            r.sources
                .iter()
                .map(|s| format!("{}:page {}:line {}", s.file, s.page, s.line))
                .collect::<Vec<_>>()
                .join(" | "),
        ),
    ]
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Json(#[from] serde_json::Error),
    #[error("{0}")]
    Csv(#[from] ::csv::Error),
}

/// Writes the records in the given format.
pub fn write(
    records: &[DecisionRecord],
    format: Format,
    dialect: Dialect,
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
            let mut w = CsvWriter::new(out, dialect, CSV_COLUMNS)?;
            for r in records {
                w.row(csv_row(r))?;
            }
            w.finish()?;
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
            id: "f#§1".into(),
            decision_id: "d".into(),
            document_id: "doc".into(),
            title: "T".into(),
            decision: vec!["a".into(), "b".into()],
            votes: vec![VoteRecord {
                yes: Some(7),
                no: Some(4),
                abstain: None,
                absent: None,
            }],
            file: "f".into(),
            page: 1,
            line: 2,
            justera_version: "0".into(),
            ..csv_fixture()
        };
        let row = csv_row(&r);
        assert_eq!(row.len(), CSV_COLUMNS.len());
        let col = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
        assert_eq!(row[col("decision")], Cell::from("a | b"));
        assert_eq!(
            row[col("votes")],
            Cell::from("ja=7;nej=4;avstår=;frånvarande=")
        );
        assert_eq!(row[col("paragraph")], Cell::from(1u32));
    }

    #[test]
    fn copies_of_a_decision_merge_into_one_record_with_both_sources() {
        let mk = |file: &str, id: &str| DecisionRecord {
            file: file.into(),
            decision_id: id.into(),
            sources: vec![SourceRecord {
                file: file.into(),
                page: 1,
                line: 1,
                sha256: None,
            }],
            ..csv_fixture()
        };
        let out = dedup(vec![mk("a.pdf", "x"), mk("a.txt", "x"), mk("a.txt", "y")]);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].sources.len(), 2);
        assert_eq!(out[0].sources[1].file, "a.txt");
        // The same id twice in one file is two decisions.
        let out = dedup(vec![mk("a.txt", "x"), mk("a.txt", "x")]);
        assert_eq!(out.len(), 2);
    }

    fn csv_fixture() -> DecisionRecord {
        DecisionRecord {
            schema_version: SCHEMA_VERSION.into(),
            id: String::new(),
            decision_id: String::new(),
            document_id: String::new(),
            organ: None,
            municipality: None,
            meeting_date: None,
            meeting_time: None,
            meeting_place: None,
            chair: None,
            secretary: None,
            adjusters: Vec::new(),
            adjusted_on: None,
            notice_posted: None,
            document_title: None,
            paragraph: 1,
            prefix: None,
            dnr: vec![],
            dnr_normalised: vec![],
            title: String::new(),
            decision_heading: None,
            decision: vec![],
            decision_text: None,
            recommendation: vec![],
            basis: vec![],
            proposals: vec![],
            votes: vec![],
            reservations: vec![],
            dispatch: vec![],
            attendance: AttendanceRecord::default(),
            file: String::new(),
            page: 1,
            line: 1,
            sha256: None,
            justera_version: String::new(),
            sources: vec![],
        }
    }
}
