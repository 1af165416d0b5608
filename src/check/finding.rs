//! A finding: what a rule saw, where, and — for arithmetic — expected, found, tolerance.

use super::registry::RuleCode;
use crate::Provenance;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Rule code, written e.g. "SUM001".
    pub rule: RuleCode,
    pub severity: Severity,
    pub message: String,
    pub provenance: Provenance,
    /// Title of the document the finding is in.
    pub document: Option<String>,
    pub paragraph: Option<u32>,
    /// Index of the table within its document, and its title.
    pub table: Option<usize>,
    pub row: Option<String>,
    pub column: Option<String>,
    pub expected: Option<Decimal>,
    pub found: Option<Decimal>,
    pub tolerance: Option<Decimal>,
    /// A second place the finding names (cross-references, carried balances).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub related: Option<Provenance>,
    /// The figure as written at `provenance`, so a renderer can underline it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figure: Option<String>,
    /// The unit of `expected` and `found` when the message alone says it ("days").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The finding says a § is not there (a gap in the numbering, a § listed but not in
    /// the body): on a page read by OCR it may be there unread, so it is not decided.
    #[serde(skip)]
    pub absence: bool,
}

impl Finding {
    /// A finding at `provenance` with nothing else said yet: no document, table or
    /// figures (the caller fills in what it knows).
    pub fn new(
        rule: RuleCode,
        severity: Severity,
        message: String,
        provenance: Provenance,
    ) -> Finding {
        Finding {
            rule,
            severity,
            message,
            provenance,
            document: None,
            paragraph: None,
            table: None,
            row: None,
            column: None,
            expected: None,
            found: None,
            tolerance: None,
            related: None,
            figure: None,
            unit: None,
            absence: false,
        }
    }
}

/// How much a run checked, so "no findings" can be told from "nothing read".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    pub files: u64,
    pub documents: u64,
    pub paragraphs: u64,
    pub tables: u64,
    pub cells: u64,
    pub relations_checked: u64,
    pub relations_failed: u64,
    pub tables_unparsed: u64,
}

impl Stats {
    /// Adds another run's counts of what was checked; `files` is left to the caller,
    /// which knows whether the other run stands for a file of its own.
    pub fn add_checked(&mut self, other: &Stats) {
        self.documents += other.documents;
        self.paragraphs += other.paragraphs;
        self.tables += other.tables;
        self.cells += other.cells;
        self.relations_checked += other.relations_checked;
        self.relations_failed += other.relations_failed;
        self.tables_unparsed += other.tables_unparsed;
    }
}

/// The order findings are listed in: by place, then rule, then message.
pub fn compare_findings(a: &Finding, b: &Finding) -> std::cmp::Ordering {
    a.provenance
        .cmp(&b.provenance)
        .then_with(|| a.rule.cmp(&b.rule))
        .then_with(|| a.message.cmp(&b.message))
        .then_with(|| a.row.cmp(&b.row))
        .then_with(|| a.column.cmp(&b.column))
        .then_with(|| a.related.cmp(&b.related))
}
