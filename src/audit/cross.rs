//! The cross-document stage over a whole archive: the fact store, sorted by
//! organisation, goes through the cross-document rules (`check::cross`) one
//! organisation at a time; relations and findings are sorted through spill files and
//! streamed into findings.json.

use super::spill::{ExternalSort, Sorted, SpillDir};
use crate::check::cross::{check, Relation};
use crate::check::facts::Fact;
use crate::check::finding::{compare_findings, Finding};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::io;

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

/// Runs the cross-document rules ([`check`]) over the archive's facts one organisation at a time: every relation
/// the checks make is between facts of one organisation, so no more than one
/// organisation's facts are in memory.
pub fn check_archive(
    facts: Sorted<Fact>,
    spill: &SpillDir,
    run_len: usize,
) -> io::Result<ArchiveCross> {
    let mut relations =
        ExternalSort::with_run_len("relations", spill.clone(), compare_relations, run_len);
    let mut findings =
        ExternalSort::with_run_len("cross-findings", spill.clone(), compare_findings, run_len);
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
        // One owner's organisation at a time: facts of different owners never meet.
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
