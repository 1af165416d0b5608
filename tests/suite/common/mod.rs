//! Shared helpers for the checks tests: tables from `corpus/pdf/tables.json` (the
//! generator's cell grids of every table in the corpus PDFs, with its arithmetic
//! verdict) turned into `justera::table::Table`, so the rules can be tested on every
//! real table independently of how the tables stage reads them.
#![allow(dead_code)]

pub mod built_pdf;

use justera::grammar::number::{parse_figure, Unit};
use justera::grammar::vocab::Vocabulary;
use justera::table::{Cell, Row, RowKind, Table, TableSource};
use justera::Provenance;
use serde_json::Value;
use std::sync::Arc;

pub struct GridTable {
    pub file: String,
    pub index: usize,
    pub id: Option<String>,
    pub verdict: String,
    pub table: Table,
}

fn strip(s: &str) -> String {
    s.replace("<b>", "")
        .replace("</b>", "")
        .replace("<i>", "")
        .replace("</i>", "")
}

/// The built-in vocabulary, which the tests read with unless they say otherwise.
#[allow(dead_code)] // not every test uses it
pub fn vocab() -> &'static Vocabulary {
    Vocabulary::builtin_shared()
}

pub fn cell(raw: &str) -> Cell {
    let text = strip(raw);
    let fig = parse_figure(&text, vocab());
    Cell {
        raw: text.clone(),
        value: fig.as_ref().map(|f| f.value),
        unit: fig.as_ref().map_or(Unit::None, |f| f.unit),
        decimals: fig.as_ref().map_or(0, |f| f.decimals),
        empty: text.trim().is_empty(),
        ..Cell::default()
    }
}

/// A table from a grid: `header_rows` rows of headers joined per column, then rows
/// whose first cell is the label. Row i gets line i + 1 of page 1 of `file`.
pub fn grid_table(file: &str, grid: &[Vec<String>], header_rows: usize) -> Table {
    let path: Arc<str> = Arc::from(file);
    let width = grid.iter().map(|r| r.len()).max().unwrap_or(1).max(1);
    let mut columns = vec![String::new(); width - 1];
    for row in grid.iter().take(header_rows) {
        for (c, h) in row.iter().skip(1).enumerate() {
            let h = strip(h);
            if !h.trim().is_empty() {
                if !columns[c].is_empty() {
                    columns[c].push(' ');
                }
                columns[c].push_str(h.trim());
            }
        }
    }
    let rows = grid
        .iter()
        .enumerate()
        .skip(header_rows)
        .map(|(i, r)| {
            let mut cells: Vec<Cell> = r.iter().skip(1).map(|c| cell(c)).collect();
            cells.resize_with(width - 1, || cell(""));
            Row {
                label: strip(r.first().map_or("", |s| s.as_str()))
                    .trim()
                    .to_string(),
                kind: RowKind::Data,
                cells,
                bold: false,
                provenance: Provenance::new(&path, 1, i as u32 + 1),
            }
        })
        .collect();
    Table {
        title: None,
        unit: Unit::None,
        columns,
        rows,
        source: TableSource::Delimited,
        provenance: Provenance::new(&path, 1, 1),
        ambiguities: Vec::new(),
        label_header: None,
        realigned: Vec::new(),
        unread_rows: Vec::new(),
        fixed: Vec::new(),
    }
}

pub fn corpus_tables() -> Vec<GridTable> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/pdf/tables.json"
    ))
    .expect("corpus/pdf/tables.json");
    let json: Value = serde_json::from_str(&text).expect("corpus/pdf/tables.json is JSON");
    let mut out = Vec::new();
    if let Value::Object(files) = json {
        for (file, tables) in files {
            for t in tables.as_array().into_iter().flatten() {
                let grid = grid_of(t);
                let header_rows = t["header_rows"].as_u64().unwrap_or(0) as usize;
                out.push(GridTable {
                    file: file.clone(),
                    index: t["index"].as_u64().unwrap_or(0) as usize,
                    id: t["id"].as_str().map(str::to_string),
                    verdict: t["arithmetic"].as_str().unwrap_or("").to_string(),
                    table: grid_table(&file, &grid, header_rows),
                });
            }
        }
    }
    out
}

/// The rule codes `justera lint --format json` reports for a path.
#[allow(dead_code)] // not every test binary that includes this module lints
pub fn lint_rules(path: &std::path::Path) -> Vec<String> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_justera"))
        .args(["lint", "--format", "json"])
        .arg(path)
        .output()
        .expect("run justera");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("lint JSON");
    v["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["rule"].as_str().map(str::to_string))
        .collect()
}

/// A tables.json table's cells, row by row, as text.
pub fn grid_of(t: &Value) -> Vec<Vec<String>> {
    t["rows"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            r.as_array()
                .into_iter()
                .flatten()
                .map(|c| c.as_str().unwrap_or("").to_string())
                .collect()
        })
        .collect()
}

/// `justera lint --format json PATH`: the JSON it printed. Panics when the binary cannot
/// be run, was killed or panicked, or printed no JSON — so a test that expects silence
/// can never pass because the binary crashed.
pub fn lint_json(path: &std::path::Path) -> Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_justera"))
        .args(["lint", "--format", "json"])
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("cannot run justera: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    match out.status.code() {
        Some(0..=2) => {}
        code => panic!(
            "justera lint {} crashed (exit {code:?}): {stderr}",
            path.display()
        ),
    }
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "justera lint {} printed no JSON ({e}): {stderr}",
            path.display()
        )
    })
}

/// [`lint_json`] on a file named `name` in a fresh temporary directory, holding `text`.
pub fn lint_text(name: &str, text: &str) -> Value {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write the text");
    lint_json(&path)
}

/// The findings of `rule`: (severity, expected, found, message), empty strings for what a
/// finding does not say.
pub fn findings_of(json: &Value, rule: &str) -> Vec<(String, String, String, String)> {
    let s = |f: &Value, k: &str| f[k].as_str().unwrap_or_default().to_string();
    json["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["rule"] == rule)
        .map(|f| {
            (
                s(f, "severity"),
                s(f, "expected"),
                s(f, "found"),
                s(f, "message"),
            )
        })
        .collect()
}

/// Test input that is not at hand fails the test; `JUSTERA_ALLOW_SKIP=1` (never set in
/// CI) lets a local run without `../shared` skip it with a note instead.
pub fn missing_input(what: &str) {
    if std::env::var("JUSTERA_ALLOW_SKIP").as_deref() == Ok("1") {
        eprintln!("SKIP (JUSTERA_ALLOW_SKIP=1): {what}");
    } else {
        panic!("{what}; the test needs it (JUSTERA_ALLOW_SKIP=1 skips it locally)");
    }
}

/// A file of ../shared/pdf-robustness/files, or None (a missing input fails unless
/// JUSTERA_ALLOW_SKIP=1).
pub fn robustness_file(name: &str) -> Option<std::path::PathBuf> {
    let found = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .skip(1)
        .take(2)
        .map(|a| a.join("shared/pdf-robustness/files").join(name))
        .find(|p| p.is_file());
    if found.is_none() {
        missing_input(&format!("../shared/pdf-robustness/files/{name} not found"));
    }
    found
}

/// A fixture file under `tests/fixtures/<dir>/`; fails when it is missing.
pub fn fixture_in(dir: &str, name: &str) -> std::path::PathBuf {
    let p = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(dir)
        .join(name);
    assert!(p.is_file(), "missing fixture {}", p.display());
    p
}

/// What `justera tables --format json` prints for `path`; fails when it does not succeed.
/// Paths under the checkout are written relative to it, so snapshots hold in any clone.
pub fn tables_json(path: &std::path::Path) -> String {
    tables_output(path, &["--format", "json"])
}

/// What `justera tables` prints for `path` (the grids, for snapshots), paths relative to
/// the checkout as in [`tables_json`].
pub fn tables_text(path: &std::path::Path) -> String {
    tables_output(path, &[])
}

fn tables_output(path: &std::path::Path, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_justera"))
        .arg("tables")
        .args(args)
        .arg(path)
        .output()
        .expect("run justera tables");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/");
    String::from_utf8_lossy(&out.stdout).replace(root, "")
}

/// The errors and warnings of a lint JSON: (rule, row, column, expected, found).
pub fn claims(json: &Value) -> Vec<(String, String, String, String, String)> {
    let s = |f: &Value, k: &str| f[k].as_str().unwrap_or_default().to_string();
    json["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .filter(|f| f["severity"] == "error" || f["severity"] == "warning")
        .map(|f| {
            (
                s(f, "rule"),
                s(f, "row"),
                s(f, "column"),
                s(f, "expected"),
                s(f, "found"),
            )
        })
        .collect()
}

/// One expected claim in the shape [`claims`] returns: rule, row, column, expected, found.
pub fn claim(
    rule: &str,
    row: &str,
    column: &str,
    expected: &str,
    found: &str,
) -> (String, String, String, String, String) {
    (
        rule.to_string(),
        row.to_string(),
        column.to_string(),
        expected.to_string(),
        found.to_string(),
    )
}

/// A count of a lint JSON's `stats`; fails when it is missing.
pub fn stat(json: &Value, key: &str) -> u64 {
    json["stats"][key]
        .as_u64()
        .unwrap_or_else(|| panic!("stats.{key} missing: {}", json["stats"]))
}

/// Asserts a count of a lint JSON's `stats`, printing all of them when it differs.
#[track_caller]
pub fn assert_stat(json: &Value, key: &str, expected: u64) {
    assert_eq!(stat(json, key), expected, "stats.{key}: {}", json["stats"]);
}

/// A lint JSON that claims nothing (no error or warning), checked at least `min`
/// relations and found every one holding.
pub fn assert_all_hold(json: &Value, min: u64) {
    assert!(claims(json).is_empty(), "{:?}", claims(json));
    assert!(stat(json, "relations_checked") >= min, "{}", json["stats"]);
    assert_eq!(stat(json, "relations_failed"), 0, "{}", json["stats"]);
}

/// The message of the first finding of `rule` in a lint JSON; fails when there is none.
pub fn first_message(json: &Value, rule: &str) -> String {
    json["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["rule"] == rule)
        .and_then(|f| f["message"].as_str())
        .unwrap_or_else(|| panic!("no {rule} finding: {json}"))
        .to_string()
}

/// The findings of `rule` in a lint JSON, each as the string values of `keys` (missing
/// ones empty); fails when the JSON has no findings array.
pub fn rule_fields(json: &Value, rule: &str, keys: &[&str]) -> Vec<Vec<String>> {
    json["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .filter(|f| f["rule"] == rule)
        .map(|f| {
            keys.iter()
                .map(|k| f[*k].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .collect()
}

/// What `justera lint <relative>` prints on stdout, run from the checkout's root; fails
/// when it crashed (an exit code other than 0, 1 or 2).
pub fn lint_stdout(relative: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_justera"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["lint", relative])
        .output()
        .unwrap_or_else(|e| panic!("cannot run justera: {e}"));
    assert!(
        matches!(out.status.code(), Some(0..=2)),
        "justera crashed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The diagnostics of a lint's text output that start with `head` ("error[SUM001]"), as
/// printed; fails when there is none.
pub fn diagnostics_starting(text: &str, head: &str) -> Vec<String> {
    let found: Vec<String> = text
        .split("\n\n")
        .filter(|d| d.starts_with(head))
        .map(str::to_string)
        .collect();
    assert!(!found.is_empty(), "no {head} in:\n{text}");
    found
}

/// The Chromium on this machine; `None` (the test is skipped, saying why) only where
/// none is installed and `JUSTERA_REQUIRE_BROWSER` is unset (`.ci/run` sets it after
/// installing one).
pub fn chromium() -> Option<&'static str> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            std::process::Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
    if found.is_none() {
        assert!(
            std::env::var_os("JUSTERA_REQUIRE_BROWSER").is_none(),
            "JUSTERA_REQUIRE_BROWSER is set but no chromium is installed"
        );
        eprintln!("skipped: no headless browser (apt-get install chromium)");
    }
    found
}
