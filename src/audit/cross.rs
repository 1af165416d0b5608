//! Checks across documents over the fact store: balances carried from one year's
//! document to the next, balances rolled forward with the year's outcome, and the same
//! fact stated with different values in different documents.

use super::facts::Fact;
use super::spill::{ExternalSort, Sorted, SpillDir};
use crate::check::finding::{Finding, Severity};
use crate::check::registry::{Family, Rule};
use crate::Provenance;
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io;

/// The cross-document rules: code, severity, one-line summary, explanation.
/// The cross-document rules, registered beside the per-document ones so that
/// `justera explain` knows them; their checks are in this module.
pub static XDOC001: Rule = Rule {
    code: "XDOC001",
    name: "balance-not-carried-over",
    family: Family::Xdoc,
    severity: Severity::Error,
    summary: "Balance not carried over between years",
    explanation:
        "The closing balance (UB) of an organisation for year N must be the opening balance \
         (IB) of year N+1, wherever the two are stated: in the same table, in a protocol and \
         the report it decided on, or in two years' reports. The figures are compared with \
         rounding tolerance (each stands for ± half its last written digit); a difference \
         beyond that means a balance was changed, lost or mistyped between the documents.",
};

pub static XDOC002: Rule = Rule {
    code: "XDOC002",
    name: "closing-balance-not-roll-forward",
    family: Family::Xdoc,
    severity: Severity::Error,
    summary: "Closing balance is not opening balance plus the year's outcome",
    explanation:
        "For an organisation that carries its surplus or deficit between years, UB year N \
         must equal UB year N-1 (or IB year N) plus the outcome (utfall) of year N. The \
         three figures are taken from the same document; the relation fails only when the \
         rounding intervals of the figures cannot meet. When all three stand in one table \
         the failure is reported as BAL001 (the within-table check), not twice.",
};

pub static XDOC003: Rule = Rule {
    code: "XDOC003",
    name: "fact-differs-between-documents",
    family: Family::Xdoc,
    severity: Severity::Warning,
    summary: "Same fact with different values in different documents",
    explanation:
        "The same figure — one organisation or unit, one measure (UB, IB, utfall, budget, \
         prognos, kommunbidrag, medlemsbidrag …) and one period — is stated with values \
         that cannot be the same amount after rounding in two different documents, e.g. a \
         budget decided in one meeting and the budget followed up in a later report, or an \
         outcome in a protocol and in the report it decided on. The finding names both \
         places; one of them is wrong or the figure was revised without saying so.",
};

pub static RULES: &[&Rule] = &[&XDOC001, &XDOC002, &XDOC003];

pub fn rule_severity(code: &str) -> Severity {
    RULES
        .iter()
        .find(|r| r.code == code)
        .map_or(Severity::Warning, |r| r.severity)
}

/// One relation the stage checked, failed or not: what a revisor reads to see what was
/// verified.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    pub rule: String,
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

/// The cross-document stage over a whole archive: counts in memory, the relations and
/// findings sorted through spill files. Serialised as `cross_document` of findings.json
/// (the shape of [`CrossResult`]), streaming the relations.
#[derive(Default)]
pub struct ArchiveCross {
    pub facts: u64,
    pub relations_checked: u64,
    pub relations_failed: u64,
    pub relations: Sorted<Relation>,
    pub findings: Sorted<Finding>,
}

/// The order relations are reported in: by rule, then statement (which starts with the
/// organisation), then places.
fn compare_relations(a: &Relation, b: &Relation) -> std::cmp::Ordering {
    a.rule
        .cmp(&b.rule)
        .then_with(|| a.statement.cmp(&b.statement))
        .then_with(|| a.places.cmp(&b.places))
}

/// Runs [`check`] over the archive's facts one organisation at a time: every relation
/// the checks make is between facts of one organisation, so no more than one
/// organisation's facts are in memory.
pub fn check_archive(
    facts: Sorted<Fact>,
    spill: &SpillDir,
    run_len: usize,
) -> io::Result<ArchiveCross> {
    let mut relations =
        ExternalSort::with_run_len("relations", spill.clone(), compare_relations, run_len);
    let mut findings = ExternalSort::with_run_len(
        "cross-findings",
        spill.clone(),
        super::record::compare_findings,
        run_len,
    );
    let mut out = ArchiveCross {
        facts: facts.len(),
        ..ArchiveCross::default()
    };
    let mut group: Vec<Fact> = Vec::new();
    let mut flush = |group: &mut Vec<Fact>, out: &mut ArchiveCross| -> io::Result<()> {
        if group.is_empty() {
            return Ok(());
        }
        let result = check(group);
        group.clear();
        out.relations_checked += result.relations_checked;
        out.relations_failed += result.relations_failed;
        for r in result.relations {
            relations.push(r)?;
        }
        for f in result.findings {
            findings.push(f)?;
        }
        Ok(())
    };
    for fact in facts.iter() {
        let fact = fact?;
        if group
            .last()
            .is_some_and(|last| last.owner != fact.owner || last.entity != fact.entity)
        {
            flush(&mut group, &mut out)?;
        }
        group.push(fact);
    }
    flush(&mut group, &mut out)?;
    out.relations = relations.finish()?;
    out.findings = findings.finish()?;
    Ok(out)
}

impl Serialize for ArchiveCross {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("CrossResult", 4)?;
        s.serialize_field("facts", &self.facts)?;
        s.serialize_field("relations_checked", &self.relations_checked)?;
        s.serialize_field("relations_failed", &self.relations_failed)?;
        s.serialize_field("relations", &Streamed(&self.relations))?;
        s.end()
    }
}

/// Serialises sorted items as a sequence read from their spill file as it goes.
struct Streamed<'a, T>(&'a Sorted<T>);

impl<T: Serialize + Clone + DeserializeOwned + 'static> Serialize for Streamed<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut seq = serializer.serialize_seq(usize::try_from(self.0.len()).ok())?;
        for item in self.0.iter() {
            seq.serialize_element(&item.map_err(S::Error::custom)?)?;
        }
        seq.end()
    }
}

type Key<'a> = (&'a str, &'a str, &'a str, &'a str);

fn doc_id(f: &Fact) -> (&str, usize) {
    (&f.provenance.file, f.document)
}

fn same_cell(a: &Fact, b: &Fact) -> bool {
    a.provenance == b.provenance && a.column == b.column && a.table == b.table
}

fn place(f: &Fact) -> String {
    let doc = f
        .document_title
        .as_deref()
        .map(|t| format!(" ({t})"))
        .unwrap_or_default();
    format!("{}{doc}", f.provenance)
}

/// A figure as its document writes it ("-1 073 tkr"); facts from before `shown` was
/// kept fall back to the value in its unit.
fn fmt_fact(f: &Fact) -> String {
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
fn subject(owner: &str, entity: &str) -> String {
    if owner.starts_with('?') || owner.is_empty() {
        entity.to_string()
    } else {
        format!("{owner}: {entity}")
    }
}

/// Runs every cross-document check over the facts (in any order; the result is sorted).
pub fn check(facts: &[Fact]) -> CrossResult {
    let mut by_key: BTreeMap<Key, Vec<&Fact>> = BTreeMap::new();
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
    carried_balances(&by_key, &mut out);
    rolled_balances(&by_key, &mut out);
    conflicting_values(&by_key, &mut out);
    out.findings.sort_by(super::record::compare_findings);
    out
}

#[allow(clippy::too_many_arguments)] // one call site per rule, each naming all parts
fn record(
    out: &mut CrossResult,
    rule: &str,
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
    // A roll-forward inside one table is BAL001's finding already: the relation is
    // listed as checked, but the defect is reported once.
    let within_one_table = rule == "XDOC002"
        && std::iter::once(related)
            .chain(extra_places.iter().copied())
            .all(|f| doc_id(f) == doc_id(at) && f.table == at.table);
    if !holds {
        out.relations_failed += 1;
    }
    if !holds && !within_one_table {
        out.findings.push(Finding {
            rule: rule.to_string(),
            severity: rule_severity(rule),
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
        });
    }
    out.relations.push(Relation {
        rule: rule.to_string(),
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
fn first_per_document<'a>(group: &[&'a Fact]) -> Vec<&'a Fact> {
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

fn plain_year(period: &str) -> Option<i32> {
    (period.len() == 4).then(|| period.parse().ok()).flatten()
}

/// XDOC001: UB year N = IB year N+1.
fn carried_balances(by_key: &BTreeMap<Key, Vec<&Fact>>, out: &mut CrossResult) {
    for ((owner, entity, measure, period), closings) in by_key {
        if *measure != "ub" {
            continue;
        }
        let Some(year) = plain_year(period) else {
            continue;
        };
        let next = (year + 1).to_string();
        let Some(openings) = by_key.get(&(*owner, *entity, "ib", next.as_str())) else {
            continue;
        };
        let closings = first_per_document(closings);
        for ib in first_per_document(openings) {
            // A header "IB 2021 / UB 2020" names one column twice: not a relation.
            let candidates: Vec<&Fact> = closings
                .iter()
                .copied()
                .filter(|ub| !same_cell(ib, ub) && ib.unit == ub.unit)
                .collect();
            let Some(ub) = reference(&candidates) else {
                continue;
            };
            let statement = format!(
                "{}: IB {next} {} at {} {} UB {year} {} at {}",
                subject(owner, entity),
                fmt_fact(ib),
                place(ib),
                if ib.agrees_with(ub) { "=" } else { "≠" },
                fmt_fact(ub),
                place(ub)
            );
            record(
                out,
                "XDOC001",
                statement,
                ub.value,
                ib.value,
                ib.tolerance + ub.tolerance,
                ib,
                ub,
                &[],
            );
        }
    }
}

/// The figure the others are compared with: the first of the largest group of figures
/// that agree with each other (the value most documents state), so an archive where
/// one document in fifty differs reports that one, and each document costs one
/// comparison, not one per other document.
fn reference<'a>(facts: &[&'a Fact]) -> Option<&'a Fact> {
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

/// XDOC002: UB year N = (IB year N or UB year N−1) + utfall year N, from one document.
fn rolled_balances(by_key: &BTreeMap<Key, Vec<&Fact>>, out: &mut CrossResult) {
    for ((owner, entity, measure, period), closings) in by_key {
        if *measure != "ub" {
            continue;
        }
        let Some(year) = plain_year(period) else {
            continue;
        };
        let prev = (year - 1).to_string();
        let empty = Vec::new();
        let ib_same = by_key
            .get(&(*owner, *entity, "ib", *period))
            .unwrap_or(&empty);
        let ub_prev = by_key
            .get(&(*owner, *entity, "ub", prev.as_str()))
            .unwrap_or(&empty);
        let results = by_key
            .get(&(*owner, *entity, "utfall", *period))
            .unwrap_or(&empty);
        for ub in closings {
            let opening =
                pick_same_document(ub, ib_same).or_else(|| pick_same_document(ub, ub_prev));
            let (Some(opening), Some(result)) = (opening, pick_same_document(ub, results)) else {
                continue;
            };
            let (Some(expected), Some(tolerance)) = (
                opening.value.checked_add(result.value),
                opening
                    .tolerance
                    .checked_add(result.tolerance)
                    .and_then(|t| t.checked_add(ub.tolerance)),
            ) else {
                continue;
            };
            let holds = expected
                .checked_sub(ub.value)
                .is_some_and(|d| d.abs() <= tolerance);
            let statement = format!(
                "{}: UB {year} {} {} {} {} {} + utfall {year} {} ({})",
                subject(owner, entity),
                fmt_fact(ub),
                if holds { "=" } else { "≠" },
                opening.measure.to_uppercase(),
                opening.period,
                fmt_fact(opening),
                fmt_fact(result),
                place(ub)
            );
            record(
                out,
                "XDOC002",
                statement,
                expected,
                ub.value,
                tolerance,
                ub,
                opening,
                &[result],
            );
        }
    }
}

/// The candidate from the same document as `anchor` in the same unit, preferring its own
/// table: a report may restate the figures elsewhere.
fn pick_same_document<'a>(anchor: &Fact, candidates: &[&'a Fact]) -> Option<&'a Fact> {
    let mut c: Vec<&'a Fact> = candidates
        .iter()
        .copied()
        .filter(|f| doc_id(f) == doc_id(anchor) && f.unit == anchor.unit)
        .collect();
    c.sort_by_key(|f| f.table != anchor.table);
    c.first().copied()
}

/// XDOC003: one key, different documents, values that cannot be the same amount.
fn conflicting_values(by_key: &BTreeMap<Key, Vec<&Fact>>, out: &mut CrossResult) {
    for ((owner, entity, measure, period), group) in by_key {
        let firsts = first_per_document(group);
        let mut units: Vec<&str> = firsts.iter().map(|f| f.unit.as_str()).collect();
        units.sort_unstable();
        units.dedup();
        for unit in units {
            let same_unit: Vec<&Fact> = firsts.iter().copied().filter(|f| f.unit == unit).collect();
            let Some(reference) = reference(&same_unit) else {
                continue;
            };
            for other in same_unit {
                if std::ptr::eq(other, reference) {
                    continue;
                }
                let holds = other.agrees_with(reference);
                let statement = if holds {
                    format!(
                        "{}: {measure} {period} {} agrees at {} and {}",
                        subject(owner, entity),
                        fmt_fact(other),
                        place(other),
                        place(reference)
                    )
                } else {
                    format!(
                        "{}: {measure} {period} is {} at {} but {} at {}",
                        subject(owner, entity),
                        fmt_fact(other),
                        place(other),
                        fmt_fact(reference),
                        place(reference)
                    )
                };
                record(
                    out,
                    "XDOC003",
                    statement,
                    reference.value,
                    other.value,
                    reference.tolerance + other.tolerance,
                    other,
                    reference,
                    &[],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
