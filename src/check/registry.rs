//! The rule registry: every rule's stable code, family, default severity and
//! explanation, in ruff's style (one module per rule under `rules/<family>/`).

use super::finding::Severity;
use super::rules;
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
        }
    }
}

/// A rule's identity and documentation; its check lives beside it in its module.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Rule {
    pub code: &'static str,
    /// A kebab-case name, as ruff gives its rules.
    pub name: &'static str,
    pub family: Family,
    pub severity: Severity,
    /// One line, shown in the list of rules.
    pub summary: &'static str,
    /// One paragraph, shown by `justera explain CODE`.
    pub explanation: &'static str,
}

/// Every rule, in code order.
pub fn all() -> &'static [&'static Rule] {
    rules::ALL
}

/// The rules `justera audit` applies across documents; they need a whole archive, so
/// they have no single-file fixtures and `lint` does not run them.
pub fn cross_document() -> &'static [&'static Rule] {
    crate::audit::cross::RULES
}

/// Looks a rule up by code, case-insensitively ("sum001" finds SUM001).
pub fn lookup(code: &str) -> Option<&'static Rule> {
    all()
        .iter()
        .chain(cross_document())
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_and_prefixed_by_their_family() {
        let mut seen = HashSet::new();
        for r in all().iter().chain(cross_document()) {
            assert!(seen.insert(r.code), "duplicate code {}", r.code);
            assert!(r.code.starts_with(r.family.name()), "{}", r.code);
            assert!(r.code[r.family.name().len()..].len() == 3, "{}", r.code);
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
        ] {
            assert!(all().iter().any(|r| r.family == f), "{f:?}");
        }
        assert_eq!(lookup("sum001").map(|r| r.code), Some("SUM001"));
        assert!(lookup("NOPE01").is_none());
    }

    #[test]
    fn cross_document_rules_are_explained_but_not_run_by_lint() {
        assert_eq!(lookup("xdoc002").map(|r| r.family), Some(Family::Xdoc));
        assert!(cross_document().iter().all(|r| r.family == Family::Xdoc));
        assert!(all().iter().all(|r| r.family != Family::Xdoc));
    }
}
