//! The rule registry: every rule's stable code, family, default severity and
//! explanation, in ruff's style (one module per rule under `rules/<family>/`).

use super::cross::{CrossResult, FactIndex};
use super::finding::Severity;
use super::rules;
use super::{Relation, Sink, TableCx};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Family {
    /// Column and row totals.
    Sum,
    /// Derived columns and rows (differences, results, cross-column sums).
    Rel,
    /// Percentages and shares.
    Pct,
    /// Allocation keys.
    Alloc,
    /// Balances carried forward.
    Bal,
    /// Figures quoted in prose against the tables.
    Txt,
    /// The same quantity in two tables.
    Xref,
    /// Formalia of protocols.
    Form,
    /// Tables that could not be read unambiguously.
    Tab,
    /// Figures compared across documents (the audit's cross-document stage).
    Xdoc,
    /// Products written out in the text ("150 m3 x 19,70 kr = 2 955 kr").
    Prod,
}

impl Family {
    pub fn name(self) -> &'static str {
        match self {
            Family::Sum => "SUM",
            Family::Rel => "REL",
            Family::Pct => "PCT",
            Family::Alloc => "ALLOC",
            Family::Bal => "BAL",
            Family::Txt => "TXT",
            Family::Xref => "XREF",
            Family::Form => "FORM",
            Family::Tab => "TAB",
            Family::Xdoc => "XDOC",
            Family::Prod => "PROD",
        }
    }
}

pub use super::rules::RuleCode;

/// How a rule is run; the dispatch in `rules::check_document` (and the cross-document
/// stage in `check::cross`) reads this from the one list of rules.
#[derive(Clone, Copy)]
pub enum Check {
    /// Relations one table states. Every rule's relations of a table are gathered before
    /// any is reported, so a wrong figure that breaks several relations is reported once.
    Relations(fn(&TableCx, &mut Vec<Relation>)),
    /// Findings about how one table was read (not relations between its figures).
    Table(fn(&TableCx, &mut Sink)),
    /// Findings about one document.
    Document(fn(&mut Sink)),
    /// Findings about one document that is a protocol.
    Protocol(fn(&mut Sink)),
    /// Relations between facts of different documents (the audit's cross-document stage,
    /// and `lint` over the files it is given).
    CrossDocument(fn(&FactIndex, &mut CrossResult)),
}

impl std::fmt::Debug for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Check::Relations(_) => "Relations",
            Check::Table(_) => "Table",
            Check::Document(_) => "Document",
            Check::Protocol(_) => "Protocol",
            Check::CrossDocument(_) => "CrossDocument",
        })
    }
}

/// A rule's identity, documentation and how it runs; each rule's file defines one as
/// `RULE`, beside its check.
#[derive(Debug, Serialize)]
pub struct Rule {
    pub code: RuleCode,
    /// A kebab-case name, as ruff gives its rules.
    pub name: &'static str,
    pub family: Family,
    pub severity: Severity,
    /// One line, shown in the list of rules.
    pub summary: &'static str,
    /// One paragraph, shown by `justera explain CODE`.
    pub explanation: &'static str,
    #[serde(skip)]
    pub checks: &'static [Check],
}

impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

impl Eq for Rule {}

/// Every rule, in code order (the per-document rules, then the cross-document ones).
pub fn all() -> &'static [&'static Rule] {
    rules::ALL
}

/// The rules that compare documents with each other; they need more than one document,
/// so their fixtures are directories.
pub fn cross_document() -> impl Iterator<Item = &'static Rule> {
    all().iter().copied().filter(|r| r.family == Family::Xdoc)
}

/// Looks a rule up by code, case-insensitively ("sum001" finds SUM001).
pub fn lookup(code: &str) -> Option<&'static Rule> {
    all()
        .iter()
        .copied()
        .find(|r| r.code.as_str().eq_ignore_ascii_case(code.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_and_prefixed_by_their_family() {
        let mut seen = HashSet::new();
        for r in all() {
            assert!(seen.insert(r.code), "duplicate code {}", r.code);
            assert_eq!(r.code.rule(), *r, "{} is listed under another code", r.code);
            assert!(r.code.starts_with(r.family.name()), "{}", r.code);
            assert!(r.code[r.family.name().len()..].len() == 3, "{}", r.code);
            assert!(!r.checks.is_empty(), "{} never runs", r.code);
            assert!(
                !r.summary.is_empty() && r.explanation.len() > 80,
                "{}",
                r.code
            );
        }
    }

    #[test]
    fn every_family_has_a_rule() {
        for f in [
            Family::Sum,
            Family::Rel,
            Family::Pct,
            Family::Alloc,
            Family::Bal,
            Family::Txt,
            Family::Xref,
            Family::Form,
            Family::Tab,
            Family::Prod,
        ] {
            assert!(all().iter().any(|r| r.family == f), "{f:?}");
        }
        assert_eq!(lookup("sum001").map(|r| r.code), Some(RuleCode::SUM001));
        assert!(lookup("NOPE01").is_none());
    }

    #[test]
    fn cross_document_rules_run_only_across_documents() {
        assert_eq!(lookup("xdoc002").map(|r| r.family), Some(Family::Xdoc));
        for r in all() {
            let across = r
                .checks
                .iter()
                .all(|c| matches!(c, Check::CrossDocument(_)));
            assert_eq!(across, r.family == Family::Xdoc, "{}", r.code);
        }
        assert_eq!(cross_document().count(), 3);
    }
}
