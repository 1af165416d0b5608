//! Tables read from the corpus PDFs' geometry compared with `corpus/pdf/tables.json`,
//! the generator's cell grids (ground truth): every table the generator checked
//! arithmetically must come out with the same rows, labels and figures in the same
//! columns.

use crate::common;

use justera::ingest::{read_file, IngestOptions};
use justera::table::{extract, parse_cell, Table};
use serde_json::Value;
use std::path::Path;

fn pdf_tables(name: &str) -> Vec<Table> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus/pdf")
        .join(name);
    let opts = IngestOptions {
        isolate: false,
        ..IngestOptions::default()
    };
    match read_file(&path, &opts) {
        Ok(f) => extract(
            &justera::layout::lay_out(f),
            justera::grammar::vocab::Vocabulary::builtin_shared(),
        ),
        Err(e) => panic!("{name}: {e}"),
    }
}

/// A cell as compared: its figure, or its text when it is no figure.
fn norm(text: &str) -> String {
    let c = parse_cell(text, justera::grammar::vocab::Vocabulary::builtin_shared());
    match c.value {
        Some(v) => format!("{v} {:?}", c.unit),
        None if c.empty => String::new(),
        None => c.raw.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

/// How many of the truth's data rows `t` reproduces exactly (label and every cell).
fn matching_rows(t: &Table, truth: &[Vec<String>]) -> usize {
    truth.iter().filter(|want| row_matches(t, want)).count()
}

fn row_matches(t: &Table, want: &[String]) -> bool {
    {
        {
            let label = want.first().map_or("", String::as_str).trim();
            t.rows.iter().any(|r| {
                r.label.split_whitespace().collect::<Vec<_>>().join(" ")
                    == label.split_whitespace().collect::<Vec<_>>().join(" ")
                    && r.cells.len() + 1 >= want.len()
                    && want
                        .iter()
                        .skip(1)
                        .zip(&r.cells)
                        .all(|(w, c)| norm(w) == norm(&c.raw))
                    && r.cells
                        .iter()
                        .skip(want.len() - 1)
                        .all(|c| c.raw.is_empty())
            })
        }
    }
}

/// Compares the checked ground-truth tables of every PDF with the tables `read` finds for
/// that PDF; returns (checked, matched, report of differences).
fn compare(read: &dyn Fn(&str) -> Vec<Table>) -> (usize, usize, Vec<String>) {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/pdf/tables.json"),
    )
    .expect("tables.json");
    let json: Value = serde_json::from_str(&text).expect("json");
    let files = json.as_object().expect("object");
    let mut report = Vec::new();
    let mut checked = 0;
    let mut matched = 0;
    for (file, tables) in files {
        let truth: Vec<&Value> = tables
            .as_array()
            .into_iter()
            .flatten()
            .filter(|t| t["arithmetic"].as_str() != Some("unchecked"))
            .collect();
        if truth.is_empty() {
            continue;
        }
        let ours = read(file);
        for t in truth {
            let header_rows = t["header_rows"].as_u64().unwrap_or(0) as usize;
            let rows: Vec<Vec<String>> = t["rows"]
                .as_array()
                .into_iter()
                .flatten()
                .skip(header_rows)
                .map(|r| {
                    r.as_array()
                        .into_iter()
                        .flatten()
                        .map(|c| c.as_str().unwrap_or("").to_string())
                        .collect()
                })
                .collect();
            checked += 1;
            let best = ours
                .iter()
                .map(|o| matching_rows(o, &rows))
                .max()
                .unwrap_or(0);
            if best == rows.len() {
                matched += 1;
            } else {
                let closest = ours.iter().max_by_key(|o| matching_rows(o, &rows));
                let missing = closest
                    .and_then(|o| rows.iter().find(|r| !row_matches(o, r)))
                    .map(|r| r.join(" | "))
                    .unwrap_or_default();
                report.push(format!(
                    "{file} {}: {best} of {} rows; first missing: {missing}",
                    t["id"].as_str().unwrap_or("?"),
                    rows.len()
                ));
            }
        }
    }
    (checked, matched, report)
}

#[test]
fn checked_tables_match_ground_truth() {
    let (checked, matched, report) = compare(&pdf_tables);
    println!("{matched} of {checked} checked tables match");
    for r in &report {
        println!("  {r}");
    }
    assert!(checked >= 37, "ground truth read: {checked} tables");
    assert!(
        report.is_empty(),
        "tables differing from tables.json:\n{}",
        report.join("\n")
    );
    assert_eq!(matched, checked);
}

/// The seed texts the PDFs were rendered from hold the same tables: every checked table of
/// tables.json must also come out of the seed text (tab-separated or flat).
#[test]
fn seed_texts_hold_the_same_tables() {
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/pdf/manifest.json"),
        )
        .expect("manifest"),
    )
    .expect("json");
    let seed_of = |pdf: &str| -> String {
        manifest
            .as_array()
            .into_iter()
            .flatten()
            .find(|m| m["file"] == pdf)
            .and_then(|m| m["seed"].as_str())
            .unwrap_or_else(|| panic!("{pdf}: no seed in the manifest"))
            .to_string()
    };
    let read = |pdf: &str| -> Vec<Table> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus/seeds")
            .join(seed_of(pdf));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        justera::table::extract_text(&text, justera::grammar::vocab::Vocabulary::builtin_shared())
    };
    let (checked, matched, report) = compare(&read);
    println!("{matched} of {checked} checked tables found in the seed texts");
    for r in &report {
        println!("  {r}");
    }
    assert_eq!(matched, checked, "{}", report.join("\n"));
}

/// A header that wraps over two lines at the foot of a page ("Utfall / aug 2016",
/// "Budget / 2017") with its rows on the next page: the second header line is header,
/// not a row of data, so no year is ever read as a figure of the table.
#[test]
fn header_alone_at_the_foot_of_a_page_heads_the_rows_on_the_next() {
    let tables = pdf_tables("herrljunga-vargarda-servicenamnder-delarsrapport-2017-08-31.pdf");
    let t = tables
        .iter()
        .find(|t| {
            t.title
                .as_deref()
                .is_some_and(|s| s.contains("Sammanställning"))
        })
        .expect("the Sammanställning table is found");
    assert_eq!(
        t.columns,
        [
            "Utfall aug 2016",
            "Utfall aug 2017",
            "Budget 2017",
            "Prognos 2017",
            "Avvikelse budget vs. prognos helår"
        ]
    );
    let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Ekonomiavdelningen",
            "Personalavdelningen",
            "IT, växel, telefoni",
            "Summa nettokostnader"
        ]
    );
    let total: Vec<String> = t.rows[3].cells.iter().map(|c| c.raw.clone()).collect();
    assert_eq!(total, ["-138", "-868", "0", "169", "1 100"]);
}

/// Header cells as compared: words without trailing full stops ("ack." and "ack" are the
/// same abbreviation), whitespace collapsed.
fn norm_header(text: &str) -> String {
    text.split_whitespace()
        .map(|w| w.trim_end_matches('.'))
        .collect::<Vec<_>>()
        .join(" ")
}

/// For every checked table of tables.json that has a header row, whether the table `read`
/// gives with its rows carries the same column headers; returns the differences.
fn header_differences(read: &dyn Fn(&str) -> Vec<Table>, files: &[&str]) -> (usize, Vec<String>) {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/pdf/tables.json"),
    )
    .expect("tables.json");
    let json: Value = serde_json::from_str(&text).expect("json");
    let mut compared = 0;
    let mut report = Vec::new();
    for (file, tables) in json.as_object().expect("object") {
        if !files.contains(&file.as_str()) {
            continue;
        }
        let ours = read(file);
        for t in tables.as_array().into_iter().flatten() {
            if t["arithmetic"].as_str() == Some("unchecked") || t["header_rows"] != 1 {
                continue;
            }
            let grid = common::grid_of(t);
            let want: Vec<String> = grid[0].iter().skip(1).map(|h| norm_header(h)).collect();
            let Some(table) = ours.iter().max_by_key(|o| matching_rows(o, &grid[1..])) else {
                continue;
            };
            compared += 1;
            let got: Vec<String> = table.columns.iter().map(|h| norm_header(h)).collect();
            if got != want {
                report.push(format!(
                    "{file} {}: {got:?} instead of {want:?}",
                    t["id"].as_str().unwrap_or("?")
                ));
            }
        }
    }
    (compared, report)
}

/// The flat seed texts (one space both thousands separator and column gap) give their
/// tables the column headers of tables.json, though the header words come out of the text
/// column by column or line by line across the columns.
#[test]
fn flat_seed_tables_have_the_column_headers_of_the_ground_truth() {
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/pdf/manifest.json"),
        )
        .expect("manifest"),
    )
    .expect("json");
    let flat_pdfs: Vec<(String, String)> = manifest
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|m| {
            let seed = m["seed"].as_str()?;
            (seed.starts_with("001") || seed.starts_with("002")).then(|| {
                (
                    m["file"].as_str().unwrap_or("").to_string(),
                    seed.to_string(),
                )
            })
        })
        .collect();
    let read = |pdf: &str| -> Vec<Table> {
        let seed = flat_pdfs
            .iter()
            .find(|(f, _)| f == pdf)
            .map(|(_, s)| s.clone())
            .unwrap_or_default();
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus/seeds")
            .join(seed);
        justera::table::extract_text(
            &std::fs::read_to_string(path).unwrap_or_default(),
            justera::grammar::vocab::Vocabulary::builtin_shared(),
        )
    };
    let files: Vec<&str> = flat_pdfs.iter().map(|(f, _)| f.as_str()).collect();
    let (compared, report) = header_differences(&read, &files);
    println!("{compared} flat tables compared");
    assert!(compared >= 14, "{compared}");
    assert!(report.is_empty(), "{}", report.join("\n"));
}

/// The corpus PDFs' tables carry the column headers of tables.json, a header at the foot
/// of a page heading the rows on the next ("Roll / Budget" over "PL 1 520 000") included.
#[test]
fn pdf_tables_have_the_column_headers_of_the_ground_truth() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/pdf/tables.json"),
    )
    .expect("tables.json");
    let json: Value = serde_json::from_str(&text).expect("json");
    let files: Vec<&str> = json
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    let (compared, report) = header_differences(&pdf_tables, &files);
    println!("{compared} PDF tables compared");
    assert!(compared >= 25, "{compared}");
    assert!(report.is_empty(), "{}", report.join("\n"));
}
