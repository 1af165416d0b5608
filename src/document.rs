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
    /// The list the person is named in: "beslutande", "ersättare" (ej tjänstgörande),
    /// "övriga" (staff and guests). A person serving in two roles (ersättare §§ 59-62,
    /// tjänstgörande ersättare §§ 62-67) has one entry per role.
    #[serde(default)]
    pub group: String,
    /// Job title or function for staff ("IT-chef", "förbundsdirektör").
    #[serde(default)]
    pub function: Option<String>,
    /// The municipality or body the person represents ("Herrljunga kommun").
    #[serde(default)]
    pub organisation: Option<String>,
    pub provenance: Option<Provenance>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Adjustment {
    pub place: Option<String>,
    pub date: Option<NaiveDate>,
    /// The line that states the justering (or the e-signature that dates it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    pub posted: Option<NaiveDate>,
    pub removed: Option<NaiveDate>,
    pub storage: Option<String>,
    /// The organ and meeting date as the anslag states them (may differ from the header).
    #[serde(default)]
    pub organ: Option<String>,
    #[serde(default)]
    pub meeting_date: Option<NaiveDate>,
    pub provenance: Option<Provenance>,
    /// The line that states the posting date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posted_at: Option<Provenance>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProtocolHeader {
    pub organ: Option<String>,
    pub municipality: Option<String>,
    pub meeting_date: Option<NaiveDate>,
    pub place: Option<String>,
    /// "09.00-10.45" normalised to "09:00–10:45".
    pub time: Option<String>,
    /// Ajournering as written, when the protocol records one.
    #[serde(default)]
    pub adjournment: Option<String>,
    pub paragraphs: Option<ParagraphRange>,
    pub chair: Option<String>,
    pub secretary: Option<String>,
    pub adjusters: Vec<String>,
    pub adjustment: Option<Adjustment>,
    pub notice: Option<Notice>,
    pub attendance: Vec<Attendee>,
    /// Signatures of an e-signature page (who signed and when); the last one is the
    /// justering when the header gives no date.
    #[serde(default)]
    pub signatures: Vec<ESignature>,
    pub provenance: Option<Provenance>,
    /// Roles (justerare, sekreterare, ordförande) the header has a label for but whose
    /// name could not be read with certainty, each with the reason: flattened text (the
    /// labels and names of several fields run together on one line) or text after the
    /// label that is not a name. Not exported; it keeps FORM005 from claiming a name is
    /// missing that the reading only failed to find.
    #[serde(skip)]
    pub unread_roles: Vec<(String, String)>,
}

/// One signature of an e-signing service's page ("Signed by: …" / "Date: …").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ESignature {
    pub name: String,
    pub date: NaiveDate,
    /// Time of day as written ("10:24:52").
    pub time: Option<String>,
    pub provenance: Option<Provenance>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TocEntry {
    pub number: u32,
    pub title: String,
    pub dnr: Option<String>,
    /// First page as listed ("3 - 4" → 3).
    pub page: Option<u32>,
    /// Last page when the list gives a range ("3 - 4" → 4).
    #[serde(default)]
    pub page_to: Option<u32>,
    pub provenance: Provenance,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// The heading as written ("Sammanfattning", "Direktionens beslut" …).
    pub heading: String,
    /// The canonical section name from the heading vocabulary ("summary", "decision" …).
    pub kind: String,
    pub lines: Vec<SourceLine>,
    pub provenance: Option<Provenance>,
}

/// A document the decision rests on (a Beslutsunderlag entry), with the date it names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BasisItem {
    pub text: String,
    pub date: Option<NaiveDate>,
    pub provenance: Option<Provenance>,
}

/// A figure found in running text, with where it stands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProseFigure {
    pub figure: crate::grammar::number::Figure,
    pub provenance: Provenance,
}

/// The signature under a tjänsteskrivelse.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Signature {
    pub name: String,
    pub title: Option<String>,
}

/// What a tjänsteskrivelse says beyond title, date and dnr (which sit on `Document`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Memo {
    pub municipality: Option<String>,
    /// Förvaltning or unit ("IT/Växel/Telefoni").
    pub department: Option<String>,
    pub handler: Option<String>,
    pub summary: Option<String>,
    pub basis: Vec<BasisItem>,
    /// Förslag till beslut, one entry per att-sats or sentence.
    pub proposal: Vec<String>,
    pub signature: Option<Signature>,
    pub dispatch: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    pub by: String,
    pub text: String,
    pub provenance: Option<Provenance>,
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
    /// The decision section's whole text as written (lead-in and att-satser), e.g.
    /// "Kommunchefsberedningen beslutar föreslå direktionen …".
    #[serde(default)]
    pub decision_text: Option<String>,
    /// Beslutsunderlag: the documents the decision rests on.
    #[serde(default)]
    pub basis: Vec<BasisItem>,
    /// Förslag till beslut (förvaltningens / ordförandes), one entry per att-sats.
    #[serde(default)]
    pub recommendation: Vec<String>,
    /// Protokollsanteckningar as written.
    #[serde(default)]
    pub notes: Vec<String>,
    pub proposals: Vec<Proposal>,
    pub votes: Vec<Vote>,
    pub reservations: Vec<String>,
    pub dispatch: Vec<String>,
    /// Indexes into the document's `tables`.
    pub tables: Vec<usize>,
    /// Money figures written in the paragraph's prose ("underskott på 4 950 tkr",
    /// "1,1 mnkr"), table cells left out (those are in `tables`).
    #[serde(default)]
    pub figures: Vec<ProseFigure>,
    /// First and last page the paragraph covers.
    #[serde(default)]
    pub pages: (u32, u32),
    pub provenance: Provenance,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub kind: DocumentKind,
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub dnr: Vec<String>,
    pub author: Option<String>,
    /// The organ (nämnd, direktion) the document belongs to, where it says.
    #[serde(default)]
    pub organ: Option<String>,
    /// The municipality or förbund a running header or letterhead names ("Herrljunga
    /// kommun", "Gislaveds kommun + Lekebergs kommun" for a joint body), where the
    /// protocol header and the memo do not say; with them it keys the document's
    /// facts by owner (see `audit::facts::owner_of`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
    /// Tjänsteskrivelse fields; `None` for other kinds.
    #[serde(default)]
    pub memo: Option<Memo>,
    /// Top-level sections of a non-protocol document (tjänsteskrivelse, report).
    #[serde(default)]
    pub sections: Vec<Section>,
    /// First and last page in the file.
    pub pages: (u32, u32),
    pub header: Option<ProtocolHeader>,
    pub toc: Vec<TocEntry>,
    pub paragraphs: Vec<Paragraph>,
    /// The §§ of a protocol whose text is cut short (it ends mid-sentence: an excerpt, a
    /// transcript that stops inside a §): read and exported, but kept apart from
    /// `paragraphs`, which the checks read — numbering, the list of items, decisions and
    /// signatures cannot be judged on a record that is not there whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cut_paragraphs: Vec<Paragraph>,
    pub tables: Vec<Table>,
    /// Body text (furniture left out), for checks on prose.
    pub lines: Vec<SourceLine>,
    pub provenance: Provenance,
}

impl Document {
    /// A document of unknown kind with nothing read from it yet, over pages 1 to
    /// `last_page` of `file`.
    pub fn empty(file: &std::sync::Arc<str>, last_page: u32) -> Document {
        Document {
            kind: DocumentKind::Other,
            title: None,
            date: None,
            dnr: Vec::new(),
            author: None,
            organ: None,
            municipality: None,
            memo: None,
            sections: Vec::new(),
            pages: (1, last_page.max(1)),
            header: None,
            toc: Vec::new(),
            paragraphs: Vec::new(),
            cut_paragraphs: Vec::new(),
            tables: Vec::new(),
            lines: Vec::new(),
            provenance: Provenance::new(file, 1, 1),
        }
    }

    /// One page of text lines of a file "t.txt" and nothing else read: what a rule's unit
    /// test checks (the check stage may not call the parser).
    #[cfg(test)]
    pub fn of_text_lines(text: &str) -> Document {
        let file: std::sync::Arc<str> = std::sync::Arc::from("t.txt");
        let lines = text
            .lines()
            .enumerate()
            .map(|(i, t)| SourceLine {
                text: t.to_string(),
                provenance: Provenance::new(&file, 1, i as u32 + 1),
            })
            .collect();
        Document {
            lines,
            ..Document::empty(&file, 1)
        }
    }
}

/// Whether a line of a record ends as a sentence, a heading or a parenthesis ends (with
/// closing punctuation): a record whose last line does not may be cut short there.
pub fn ends_closed(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', ':', ';', ')', '”', '"', '»', '’'])
}
