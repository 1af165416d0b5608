//! The parsed model of one document (a protocol, a tjänsteskrivelse, a report …):
//! what `segment` and `parse` produce and `check`, `export` and `audit` consume.
//! Fields are `None`/empty where the document does not say.

use crate::table::Table;
use crate::Provenance;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    Protokoll,
    Kallelse,
    Tjansteskrivelse,
    Rapport,
    Avtal,
    Presentation,
    Other,
}

/// A line of the document's body text with where it stands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceLine {
    pub text: String,
    pub provenance: Provenance,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParagraphRange {
    pub from: u32,
    pub to: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Attendee {
    pub name: String,
    /// ledamot, ordförande, vice ordförande, tjänstgörande ersättare, ersättare, övrig …
    pub role: String,
    pub party: Option<String>,
    pub replaces: Option<String>,
    /// §§ this person took part in; `None` = the whole meeting.
    pub paragraphs: Option<ParagraphRange>,
    pub provenance: Option<Provenance>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Adjustment {
    pub place: Option<String>,
    pub date: Option<NaiveDate>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    pub posted: Option<NaiveDate>,
    pub removed: Option<NaiveDate>,
    pub storage: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProtocolHeader {
    pub organ: Option<String>,
    pub municipality: Option<String>,
    pub meeting_date: Option<NaiveDate>,
    pub place: Option<String>,
    /// "09.00-10.45" normalised to "09:00–10:45".
    pub time: Option<String>,
    pub paragraphs: Option<ParagraphRange>,
    pub chair: Option<String>,
    pub secretary: Option<String>,
    pub adjusters: Vec<String>,
    pub adjustment: Option<Adjustment>,
    pub notice: Option<Notice>,
    pub attendance: Vec<Attendee>,
    pub provenance: Option<Provenance>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TocEntry {
    pub number: u32,
    pub title: String,
    pub dnr: Option<String>,
    pub page: Option<u32>,
    pub provenance: Provenance,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// The heading as written ("Sammanfattning", "Direktionens beslut" …).
    pub heading: String,
    /// The canonical section name from the heading vocabulary ("summary", "decision" …).
    pub kind: String,
    pub lines: Vec<SourceLine>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    pub by: String,
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Vote {
    pub yes: Option<u32>,
    pub no: Option<u32>,
    pub abstain: Option<u32>,
    pub absent: Option<u32>,
    pub names_yes: Vec<String>,
    pub names_no: Vec<String>,
    pub names_abstain: Vec<String>,
    pub provenance: Option<Provenance>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub number: u32,
    /// "ITVT", "KS" … as written before the § sign.
    pub prefix: Option<String>,
    pub dnr: Vec<String>,
    pub title: String,
    pub sections: Vec<Section>,
    /// The att-satser of the decision, in order.
    pub decision: Vec<String>,
    /// The decision heading as written ("Direktionens beslut"), to check the organ.
    pub decision_heading: Option<String>,
    pub proposals: Vec<Proposal>,
    pub votes: Vec<Vote>,
    pub reservations: Vec<String>,
    pub dispatch: Vec<String>,
    /// Indexes into the document's `tables`.
    pub tables: Vec<usize>,
    pub provenance: Provenance,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub kind: DocumentKind,
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub dnr: Vec<String>,
    pub author: Option<String>,
    /// First and last page in the file.
    pub pages: (u32, u32),
    pub header: Option<ProtocolHeader>,
    pub toc: Vec<TocEntry>,
    pub paragraphs: Vec<Paragraph>,
    pub tables: Vec<Table>,
    /// Body text (furniture left out), for checks on prose.
    pub lines: Vec<SourceLine>,
    pub provenance: Provenance,
}
