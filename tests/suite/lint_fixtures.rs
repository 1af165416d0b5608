//! Every rule has fixtures in tests/fixtures/rules/<CODE>/: snippets taken from the seeds,
//! `triggers.*` must make `justera lint` report the rule, `passes.*` must not (either may
//! be a directory of files linted together).

use justera::check::registry;
use serde_json::Value;
use std::path::{Path, PathBuf};

use crate::common;

fn lint(path: &Path) -> Value {
    common::lint_json(path)
}

fn fixture(dir: &Path, stem: &str) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| p.file_stem().is_some_and(|s| s == stem))
}

fn rules_reported(v: &Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["rule"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn every_rule_triggers_on_its_fixture_and_stays_silent_on_the_other() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut problems = Vec::new();
    // Lint runs the audit's cross-document checks over the paths it is given, so the
    // XDOC rules have fixtures too (a directory of two documents where one file cannot
    // hold the case).
    for rule in registry::all() {
        let dir = root.join(rule.code.as_str());
        let (Some(triggers), Some(passes)) = (fixture(&dir, "triggers"), fixture(&dir, "passes"))
        else {
            problems.push(format!(
                "{}: fixtures missing in {}",
                rule.code,
                dir.display()
            ));
            continue;
        };
        let hit = rules_reported(&lint(&triggers));
        if !hit.iter().any(|r| r == rule.code.as_str()) {
            problems.push(format!(
                "{}: not reported on {} (reported: {hit:?})",
                rule.code,
                triggers.display()
            ));
        }
        let quiet = rules_reported(&lint(&passes));
        if quiet.iter().any(|r| r == rule.code.as_str()) {
            problems.push(format!("{}: reported on {}", rule.code, passes.display()));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn a_roll_forward_within_one_table_is_reported_once_as_bal001() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let v = lint(&root.join("BAL001/triggers.txt"));
    let rules = rules_reported(&v);
    assert_eq!(
        rules.iter().filter(|r| *r == "BAL001").count(),
        1,
        "{rules:?}"
    );
    assert!(!rules.iter().any(|r| r == "XDOC002"), "{rules:?}");
    // The cross-document stage still lists the relation as checked and failed.
    assert!(
        v["stats"]["relations_failed"].as_u64().unwrap_or(0) >= 2,
        "{v}"
    );
}

/// `justera lint` on a rule's trigger fixture, run from the crate root with the
/// fixture's relative path (so the places in the snapshot do not depend on the checkout),
/// in the human format: every diagnostic of that rule, whole — message, place, the line
/// with the caret, expected / found / tolerance, context and help line.
fn diagnostics_of(code: &str, fixture: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let relative = fixture.strip_prefix(root).unwrap_or(fixture);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_justera"))
        .current_dir(root)
        .arg("lint")
        .arg(relative)
        .output()
        .unwrap_or_else(|e| panic!("cannot run justera: {e}"));
    match out.status.code() {
        Some(0..=2) => {}
        code => panic!(
            "justera lint {} crashed or failed (exit {code:?}): {}",
            relative.display(),
            String::from_utf8_lossy(&out.stderr)
        ),
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let tag = format!("[{code}]:");
    stdout
        .split("\n\n")
        .filter(|block| block.lines().next().is_some_and(|l| l.contains(&tag)))
        .map(|block| block.trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Every rule of the registry: the full diagnostics it gives on its trigger fixture are
/// snapshotted (tests/suite/snapshots/suite__lint_fixtures__<CODE>.snap, each one read and its
/// figures checked by hand when accepted). A rule without a trigger fixture, or one that
/// reports nothing there, fails the test.
#[test]
fn every_rule_s_full_diagnostics_on_its_trigger_fixture() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut missing = Vec::new();
    for rule in registry::all() {
        let code = rule.code.as_str();
        let Some(triggers) = fixture(&root.join(code), "triggers") else {
            missing.push(format!("{code}: no trigger fixture"));
            continue;
        };
        let diagnostics = diagnostics_of(code, &triggers);
        if diagnostics.is_empty() {
            missing.push(format!("{code}: no diagnostic on {}", triggers.display()));
            continue;
        }
        insta::assert_snapshot!(code, diagnostics);
    }
    assert!(missing.is_empty(), "{missing:#?}");
}
