//! Matching facts across documents: the fact index (facts by entity, measure and
//! period), the helpers the cross-document rules (`rules/xdoc/`) share to pick the
//! facts they compare, and the record of every relation they check. The audit runs
//! this per organisation over its sorted fact store; `lint` over the files it is given.

use super::facts::Fact;
use super::finding::{compare_findings, Finding};
use super::registry::{self, Check, Rule, RuleCode};
use crate::Provenance;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One relation the stage checked, failed or not: what a revisor reads to see what was
/// verified.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    pub rule: RuleCode,
    pub statement: String,
    pub holds: bool,
    pub expected: Decimal,
    pub found: Decimal,
    pub tolerance: Decimal,
    pub places: Vec<Provenance>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CrossResult {
    pub facts: u64,
    pub relations_checked: u64,
    pub relations_failed: u64,
    pub relations: Vec<Relation>,
    #[serde(skip)]
    pub findings: Vec<Finding>,
}

/// The facts by key, each group in reading order.
pub type FactIndex<'a> = BTreeMap<Key<'a>, Vec<&'a Fact>>;

/// (owner, entity, measure, period).
pub type Key<'a> = (&'a str, &'a str, &'a str, &'a str);

pub fn doc_id(f: &Fact) -> (&str, usize) {
    (&f.provenance.file, f.document)
}

pub fn same_cell(a: &Fact, b: &Fact) -> bool {
    a.provenance == b.provenance && a.column == b.column && a.table == b.table
}

pub fn place(f: &Fact) -> String {
    let doc = f
        .document_title
        .as_deref()
        .map(|t| format!(" ({t})"))
        .unwrap_or_default();
    format!("{}{doc}", f.provenance)
}

/// A figure as its document writes it ("-1 073 tkr"); facts from before `shown` was
/// kept fall back to the value in its unit.
pub fn fmt_fact(f: &Fact) -> String {
    if !f.shown.is_empty() {
        return f.shown.clone();
    }
    let v = f.value.normalize();
    if f.unit.is_empty() {
        v.to_string()
    } else {
        format!("{v} {}", f.unit)
    }
}

/// "herrljunga kommun · servicenämnd it/växel/telefoni: ekonomi": whose figure, when
/// the owner is known.
pub fn subject(owner: &str, entity: &str) -> String {
    if owner.starts_with('?') || owner.is_empty() {
        entity.to_string()
    } else {
        format!("{owner}: {entity}")
    }
}

/// Runs every cross-document check over the facts (in any order; the result is sorted).
pub fn check(facts: &[Fact]) -> CrossResult {
    let mut by_key: FactIndex = BTreeMap::new();
    for f in facts {
        by_key.entry(f.key()).or_default().push(f);
    }
    for group in by_key.values_mut() {
        group.sort_by(|a, b| {
            a.provenance
                .cmp(&b.provenance)
                .then_with(|| a.column.cmp(&b.column))
                .then_with(|| a.table.cmp(&b.table))
        });
    }
    let mut out = CrossResult {
        facts: facts.len() as u64,
        ..CrossResult::default()
    };
    for rule in registry::all() {
        for check in rule.checks {
            if let Check::CrossDocument(check) = check {
                check(&by_key, &mut out);
            }
        }
    }
    out.findings.sort_by(compare_findings);
    out
}

/// Records one relation between facts: counted, listed, and — when it fails and
/// `report` — a finding of `rule` at `at`, naming `related`.
#[allow(clippy::too_many_arguments)] // one call site per rule, each naming all parts
pub fn record(
    out: &mut CrossResult,
    rule: &'static Rule,
    report: bool,
    statement: String,
    expected: Decimal,
    found: Decimal,
    tolerance: Decimal,
    at: &Fact,
    related: &Fact,
    extra_places: &[&Fact],
) {
    let holds = expected
        .checked_sub(found)
        .is_some_and(|d| d.abs() <= tolerance);
    out.relations_checked += 1;
    let mut places = vec![at.provenance.clone(), related.provenance.clone()];
    places.extend(extra_places.iter().map(|f| f.provenance.clone()));
    if !holds {
        out.relations_failed += 1;
    }
    if !holds && report {
        out.findings.push(Finding {
            rule: rule.code,
            severity: rule.severity,
            message: statement.clone(),
            provenance: at.provenance.clone(),
            document: at.document_title.clone(),
            paragraph: None,
            table: Some(at.table),
            row: Some(at.row.clone()),
            column: Some(at.column.clone()),
            expected: Some(expected.normalize()),
            found: Some(found.normalize()),
            tolerance: Some(tolerance.normalize()),
            related: Some(related.provenance.clone()),
            figure: Some(at.raw.clone()),
            unit: None,
            absence: false,
        });
    }
    out.relations.push(Relation {
        rule: rule.code,
        statement,
        holds,
        expected: expected.normalize(),
        found: found.normalize(),
        tolerance: tolerance.normalize(),
        places,
    });
}

/// One fact per document (the first in reading order): a document that states a figure
/// twice is the within-document checks' business.
pub fn first_per_document<'a>(group: &[&'a Fact]) -> Vec<&'a Fact> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for f in group {
        if !seen.contains(&doc_id(f)) {
            seen.push(doc_id(f));
            out.push(*f);
        }
    }
    out
}

/// Records "`at` states the same amount as `reference`" (a relation of two facts, each
/// with its rounding), reported at `at` when the two cannot meet.
pub fn record_agreement(
    out: &mut CrossResult,
    rule: &'static Rule,
    statement: String,
    reference: &Fact,
    at: &Fact,
) {
    record(
        out,
        rule,
        true,
        statement,
        reference.value,
        at.value,
        reference.tolerance + at.tolerance,
        at,
        reference,
        &[],
    );
}

/// The closing balances (UB) of a plain year, as (entity, period, year, facts): what
/// XDOC001 and XDOC002 start from.
pub fn closing_balances<'i, 'a>(
    by_key: &'i FactIndex<'a>,
) -> impl Iterator<Item = ((&'a str, &'a str), &'a str, i32, &'i [&'a Fact])> + 'i {
    by_key
        .iter()
        .filter_map(|(&(owner, entity, measure, period), facts)| {
            if measure != "ub" {
                return None;
            }
            Some((
                (owner, entity),
                period,
                plain_year(period)?,
                facts.as_slice(),
            ))
        })
}

pub fn plain_year(period: &str) -> Option<i32> {
    (period.len() == 4).then(|| period.parse().ok()).flatten()
}

/// The figure the others are compared with: the first of the largest group of figures
/// that agree with each other (the value most documents state), so an archive where
/// one document in fifty differs reports that one, and each document costs one
/// comparison, not one per other document.
pub fn reference<'a>(facts: &[&'a Fact]) -> Option<&'a Fact> {
    let mut clusters: Vec<(&'a Fact, usize)> = Vec::new();
    for f in facts {
        match clusters.iter_mut().find(|(r, _)| r.agrees_with(f)) {
            Some((_, n)) => *n += 1,
            None => clusters.push((f, 1)),
        }
    }
    let best = clusters.iter().map(|(_, n)| *n).max()?;
    clusters
        .into_iter()
        .find(|(_, n)| *n == best)
        .map(|(r, _)| r)
}

/// The candidate from the same document as `anchor` in the same unit, preferring its own
/// table: a report may restate the figures elsewhere.
pub fn pick_same_document<'a>(anchor: &Fact, candidates: &[&'a Fact]) -> Option<&'a Fact> {
    let mut c: Vec<&'a Fact> = candidates
        .iter()
        .copied()
        .filter(|f| doc_id(f) == doc_id(anchor) && f.unit == anchor.unit)
        .collect();
    c.sort_by_key(|f| f.table != anchor.table);
    c.first().copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;
    use std::sync::Arc;

    fn fact(file: &str, measure: &str, period: &str, value: i64) -> Fact {
        Fact {
            owner: "herrljunga kommun · servicenämnd".into(),
            entity: "it/växel/telefoni".into(),
            measure: measure.into(),
            period: period.into(),
            value: Decimal::from(value),
            tolerance: Decimal::new(5, 1),
            unit: String::new(),
            raw: value.to_string(),
            shown: String::new(),
            row: "IT, växel och telefoni".into(),
            column: format!("{measure} {period}"),
            document: 0,
            document_title: None,
            table: 0,
            provenance: Provenance::new(&Arc::from(file), 1, 1),
        }
    }

    #[test]
    fn the_odd_document_out_is_reported_once_and_checks_grow_linearly() {
        let mut facts: Vec<Fact> = (0..50)
            .map(|i| fact(&format!("doc{i:02}.pdf"), "budget", "2022", 8146))
            .collect();
        facts.push(fact("odd.pdf", "budget", "2022", 8164));
        let result = check(&facts);
        assert_eq!(result.relations_checked, 50);
        assert_eq!(result.findings.len(), 1);
        let f = &result.findings[0];
        assert_eq!(&*f.provenance.file, "odd.pdf");
        assert_eq!(f.related.as_ref().map(|r| &*r.file), Some("doc00.pdf"));
        assert_eq!(f.expected, Some(Decimal::from(8146)));
        assert_eq!(f.found, Some(Decimal::from(8164)));
    }

    #[test]
    fn facts_of_different_owners_or_of_unknown_owners_are_never_compared() {
        let a = fact("a.pdf", "ub", "2020", -593);
        let mut b = fact("b.pdf", "ib", "2021", -4460);
        let mut c = fact("c.pdf", "ub", "2020", 6178);
        // Same labels and periods, another municipality: no relation, no finding.
        b.owner = "lerum kommun · servicenämnd".into();
        c.owner = "lerum kommun · servicenämnd".into();
        let result = check(&[a.clone(), b.clone(), c.clone()]);
        assert_eq!(result.relations_checked, 1, "{:#?}", result.relations);
        assert_eq!(result.relations[0].rule, "XDOC001");
        assert!(result.relations[0]
            .places
            .iter()
            .all(|p| &*p.file != "a.pdf"));
        // Owners unknown: each document stands for itself.
        let mut x = a.clone();
        x.owner = "?a.pdf#0".into();
        let mut y = fact("d.pdf", "ub", "2020", 6178);
        y.owner = "?d.pdf#0".into();
        let result = check(&[x, y]);
        assert_eq!(result.relations_checked, 0, "{:#?}", result.relations);
        // One owner, two years: the balance carried over is checked.
        let mut b2 = b.clone();
        b2.owner = a.owner.clone();
        let result = check(&[a, b2]);
        assert_eq!(result.relations_checked, 1);
        assert_eq!(result.findings.len(), 1);
        assert_eq!(result.findings[0].rule, "XDOC001");
    }

    #[test]
    fn rounding_differences_are_not_conflicts() {
        let mut a = fact("a.pdf", "ub", "2020", 6178);
        let mut b = fact("b.pdf", "ib", "2021", 6178);
        // 6 178 tkr and 6 177 500 kr can be the same amount.
        a.value = Decimal::from(6_178_000);
        a.tolerance = Decimal::from(500);
        a.unit = "kr".into();
        b.value = Decimal::from(6_177_500);
        b.tolerance = Decimal::new(5, 1);
        b.unit = "kr".into();
        let result = check(&[a, b]);
        assert_eq!(result.relations_checked, 1);
        assert!(result.findings.is_empty(), "{:#?}", result.findings);
    }
}
