//! FINDINGS.md as tests (tests/expectations/findings.md): every "must find" reported, no
//! "must stay silent" reported, every "must hold" checked — by rule family, place and
//! figure. Two ways: on the corpus tables as the generator wrote them (the rules alone),
//! and end to end through `justera lint --format json` on the seed texts and the PDFs.

use crate::common;

use justera::check::finding::Finding;
use justera::check::{check_documents, relations_for_table};
use justera::document::{Document, DocumentKind};
use justera::Provenance;
use rust_decimal::Decimal;
use serde_json::Value;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Clone)]
struct Expectation {
    kind: String,
    id: String,
    seed: String,
    pdf: String,
    family: String,
    place: String,
    figure: Option<Decimal>,
}

fn expectations() -> Vec<Expectation> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/expectations/findings.md"
    ))
    .expect("tests/expectations/findings.md");
    let section = text
        .split("## Expectations")
        .nth(1)
        .and_then(|s| s.split("## Source").next())
        .unwrap_or("");
    section
        .lines()
        .filter(|l| l.starts_with("| find") || l.starts_with("| silent") || l.starts_with("| hold"))
        .filter_map(|l| {
            let c: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
            (c.len() == 7).then(|| Expectation {
                kind: c[0].into(),
                id: c[1].into(),
                seed: c[2].into(),
                pdf: c[3].into(),
                family: c[4].into(),
                place: c[5].into(),
                figure: c[6].parse().ok(),
            })
        })
        .collect()
}

/// A finding reduced to what the expectations talk about.
#[derive(Debug, Clone)]
struct Seen {
    rule: String,
    severity: String,
    message: String,
    file: String,
    row: String,
    paragraph: Option<u64>,
    expected: Option<Decimal>,
    found: Option<Decimal>,
}

impl Seen {
    fn from_finding(f: &Finding) -> Self {
        Seen {
            rule: f.rule.to_string(),
            severity: f.severity.as_str().into(),
            message: f.message.clone(),
            file: f.provenance.file.to_string(),
            row: f.row.clone().unwrap_or_default(),
            paragraph: f.paragraph.map(u64::from),
            expected: f.expected,
            found: f.found,
        }
    }

    fn from_json(v: &Value) -> Self {
        let dec = |k: &str| v[k].as_str().and_then(|s| s.parse().ok());
        Seen {
            rule: v["rule"].as_str().unwrap_or("").into(),
            severity: v["severity"].as_str().unwrap_or("").into(),
            message: v["message"].as_str().unwrap_or("").into(),
            file: v["file"].as_str().unwrap_or("").into(),
            row: v["row"].as_str().unwrap_or("").into(),
            paragraph: v["paragraph"].as_u64(),
            expected: dec("expected"),
            found: dec("found"),
        }
    }

    fn serious(&self) -> bool {
        self.severity == "error" || self.severity == "warning"
    }

    fn at(&self, place: &str) -> bool {
        if place == "-" {
            return true;
        }
        if let Some(n) = place.strip_prefix("§ ").and_then(|n| n.parse::<u64>().ok()) {
            return self.paragraph == Some(n) || self.message.contains(&format!("§ {n} "));
        }
        let p = place.to_lowercase();
        self.row.to_lowercase().contains(&p) || self.message.to_lowercase().contains(&p)
    }

    fn states(&self, figure: Option<Decimal>) -> bool {
        figure.is_none_or(|x| self.found == Some(x) || self.expected == Some(x))
    }
}

/// Checks the expectations against what one run reported; `files` says which file a
/// finding must come from (seed text or PDF) for each expectation.
fn assert_expectations(
    seen: &[Seen],
    file_of: impl Fn(&Expectation) -> String,
    families: &[&str],
) -> Vec<String> {
    let mut problems = Vec::new();
    for e in expectations()
        .iter()
        .filter(|e| families.contains(&e.family.as_str()))
    {
        let file = file_of(e);
        let here: Vec<&Seen> = seen.iter().filter(|s| s.file.ends_with(&file)).collect();
        match e.kind.as_str() {
            "find" => {
                let hit = here.iter().any(|s| {
                    s.serious()
                        && s.rule.starts_with(&e.family)
                        && s.at(&e.place)
                        && s.states(e.figure)
                });
                if !hit {
                    problems.push(format!("{} not found in {file}: {:?}", e.id, e));
                }
            }
            _ => {
                if let Some(x) = e.figure {
                    for s in here.iter().filter(|s| s.serious() && s.found == Some(x)) {
                        problems.push(format!("{} must stay silent in {file}, but: {s:?}", e.id));
                    }
                }
            }
        }
    }
    problems
}

const TABLE_FAMILIES: &[&str] = &["SUM", "REL", "PCT", "ALLOC", "BAL", "XREF"];

#[test]
fn expectations_hold_on_the_corpus_tables() {
    let tables = common::corpus_tables();
    let mut seen = Vec::new();
    let mut pdfs: Vec<String> = tables.iter().map(|t| t.file.clone()).collect();
    pdfs.dedup();
    for pdf in &pdfs {
        let path: Arc<str> = Arc::from(pdf.as_str());
        let doc = Document {
            kind: DocumentKind::Rapport,
            title: Some(pdf.clone()),
            date: None,
            dnr: Vec::new(),
            author: None,
            pages: (1, 1),
            header: None,
            toc: Vec::new(),
            paragraphs: Vec::new(),
            cut_paragraphs: Vec::new(),
            tables: tables
                .iter()
                .filter(|t| &t.file == pdf)
                .map(|t| t.table.clone())
                .collect(),
            lines: Vec::new(),
            provenance: Provenance::new(&path, 1, 1),
            organ: None,
            municipality: None,
            memo: None,
            sections: Vec::new(),
        };
        let (findings, _) = check_documents(
            &[doc],
            justera::grammar::vocab::Vocabulary::builtin_shared(),
        );
        seen.extend(findings.iter().map(Seen::from_finding));
    }
    let mut problems = assert_expectations(&seen, |e| e.pdf.clone(), TABLE_FAMILIES);
    // Must hold: a relation of the family over that figure is checked and holds.
    for e in expectations().iter().filter(|e| e.kind == "hold") {
        let held = tables.iter().filter(|t| t.file == e.pdf).any(|t| {
            relations_for_table(
                &t.table,
                justera::grammar::vocab::Vocabulary::builtin_shared(),
            )
            .iter()
            .any(|r| {
                let label = t.table.rows[r.target.row].label.to_lowercase();
                r.rule.code.starts_with(&e.family)
                    && label.contains(&e.place.to_lowercase())
                    && Some(r.comparison.found) == e.figure
                    && r.comparison.holds
            })
        });
        if !held {
            problems.push(format!("{} not checked as holding: {e:?}", e.id));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

fn lint_json(path: &std::path::Path) -> Value {
    common::lint_json(path)
}

fn seed_file(seed: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/seeds");
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .find(|n| n.starts_with(&format!("{seed}_")))
        .unwrap_or_else(|| panic!("no seed {seed} in corpus/seeds"))
}

fn seeds_and_pdfs() -> (Vec<String>, Vec<String>) {
    let mut seeds: Vec<String> = expectations().iter().map(|e| e.seed.clone()).collect();
    seeds.sort();
    seeds.dedup();
    let mut pdfs: Vec<String> = expectations().iter().map(|e| e.pdf.clone()).collect();
    pdfs.sort();
    pdfs.dedup();
    (seeds, pdfs)
}

const ALL_FAMILIES: &[&str] = &["SUM", "REL", "PCT", "ALLOC", "BAL", "TXT", "XREF", "FORM"];

/// End to end: `justera lint` on the five seed texts reports every "must find" and none
/// of the "must stay silent", and checks relations in every seed.
#[test]
fn expectations_hold_through_lint_on_the_seed_texts() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus/seeds");
    let (seeds, _) = seeds_and_pdfs();
    let mut seen = Vec::new();
    for s in &seeds {
        let v = lint_json(&root.join(seed_file(s)));
        let checked = v["stats"]["relations_checked"].as_u64().unwrap_or(0);
        assert!(
            checked >= 20,
            "seed {s}: only {checked} relations checked: {}",
            v["stats"]
        );
        seen.extend(
            v["findings"]
                .as_array()
                .into_iter()
                .flatten()
                .map(Seen::from_json),
        );
    }
    let problems = assert_expectations(&seen, |e| seed_file(&e.seed), ALL_FAMILIES);
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The same expectations on the corpus PDFs that render the seeds.
#[test]
fn expectations_hold_through_lint_on_the_pdfs() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus/pdf");
    let (_, pdfs) = seeds_and_pdfs();
    let mut seen = Vec::new();
    for p in &pdfs {
        let v = lint_json(&root.join(p));
        seen.extend(
            v["findings"]
                .as_array()
                .into_iter()
                .flatten()
                .map(Seen::from_json),
        );
    }
    let problems = assert_expectations(&seen, |e| e.pdf.clone(), ALL_FAMILIES);
    assert!(problems.is_empty(), "{problems:#?}");
}
