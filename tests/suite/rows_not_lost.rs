//! A row with figures is never dropped silently (issue 12). Every line of the real text
//! sets (`tests/fixtures/real/**`) that holds two figures or more among other such lines
//! (a table, not a sentence) ends up as a row of a table, a row not read (TAB003) or a
//! row read more than one way (TAB001); a line the flat reader takes for prose is the
//! prose the TXT rules read. Invented fixtures (`tests/fixtures/headers/`) check a row
//! whose figures run into the next table's heading on the same line.

use crate::common;
use justera::ingest::IngestOptions;
use justera::table::FlatLine;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

fn text_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            text_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

fn is_year(t: &str) -> bool {
    t.len() == 4
        && t.chars().all(|c| c.is_ascii_digit())
        && (t.starts_with("19") || t.starts_with("20"))
}

/// Whether a line holds a row with two figures or more: the whole line, or the line up
/// to where a digit runs straight into a word ("Årets resultat 0 6 0 0 0BALANSRÄKNING,
/// Mkr 2010 2009": a row and the next table's heading on one line). A unit glued to its
/// figure ("230V/6A", "16A") is no word: the line stays the sentence it is.
fn figure_row(text: &str) -> bool {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let cuts = chars.windows(3).filter_map(|w| {
        let [(_, a), (i, b), (_, c)] = [w[0], w[1], w[2]];
        (a.is_ascii_digit() && b.is_alphabetic() && c.is_alphabetic()).then_some(i)
    });
    whole_figure_row(text)
        || cuts
            .collect::<Vec<_>>()
            .iter()
            .any(|&i| whole_figure_row(&text[..i]))
}

/// Whether a line is a row with two figures or more: a label or none, then digit groups
/// that are not all years (a header) and read as at least two figures.
fn whole_figure_row(text: &str) -> bool {
    let Some(row) = FlatLine::parse(text, common::vocab()) else {
        return false;
    };
    let figures = row.groups.iter().filter(|g| !is_year(&g.text)).count();
    let readable = justera::table::digits::cell_count_range(&row.groups)
        .is_some_and(|(fewest, _)| fewest >= 2);
    figures >= 2 && readable
}

/// The lines of `path` holding rows with figures that no table took as a row and no TAB
/// note names: (line, text).
fn lost_rows(path: &Path) -> Vec<(u32, String)> {
    let opts = IngestOptions::default();
    let checked = justera::pipeline::process_file(path, &opts, common::vocab())
        .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
    let mut read: HashSet<(u32, u32)> = HashSet::new();
    // Rows joined from a block of lines ("Kultur" / "6,5" / "6,6 -59,3 …"), placed at
    // their first line: (page, line, their cells' text without spaces).
    let mut joined: Vec<(u32, u32, String)> = Vec::new();
    for t in checked.documents.iter().flat_map(|d| d.tables.iter()) {
        let at = |p: &justera::Provenance| (p.page, p.line);
        read.extend(t.rows.iter().map(|r| at(&r.provenance)));
        read.extend(t.unread_rows.iter().map(|u| at(&u.provenance)));
        read.extend(t.ambiguities.iter().map(|a| at(&a.provenance)));
        for r in &t.rows {
            let cells: String = r.cells.iter().map(|c| c.raw.as_str()).collect();
            let cells: String = cells.chars().filter(|c| !c.is_whitespace()).collect();
            joined.push((r.provenance.page, r.provenance.line, cells));
        }
    }
    // A line whose figures, spaces left out, stand in that order among the cells of a
    // row a few lines above it was joined into that row.
    let in_joined_row = |page: u32, line: u32, text: &str| {
        let figures: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        joined.iter().any(|(p, l, cells)| {
            *p == page && *l < line && line <= l + 16 && cells.contains(&figures)
        })
    };
    let lines: Vec<(u32, u32, &str)> = checked
        .documents
        .iter()
        .flat_map(|d| d.lines.iter())
        .filter(|l| !l.text.trim().is_empty())
        .map(|l| (l.provenance.page, l.provenance.line, l.text.as_str()))
        .collect();
    let rows: Vec<bool> = lines.iter().map(|(_, _, t)| figure_row(t)).collect();
    let mut lost = Vec::new();
    for (i, &(page, line, text)) in lines.iter().enumerate() {
        // Among other rows with figures: one of the three lines above or below it.
        let near = (i.saturating_sub(3)..(i + 4).min(lines.len()))
            .any(|j| j != i && rows[j] && lines[j].0 == page);
        if rows[i] && near && !read.contains(&(page, line)) && !in_joined_row(page, line, text) {
            lost.push((line, text.trim().to_string()));
        }
    }
    lost
}

#[test]
fn every_row_with_figures_of_the_real_text_sets_is_read_or_reported() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut files = Vec::new();
    text_files(&root, &mut files);
    assert!(files.len() >= 100, "only {} real text files", files.len());
    let mut report = Vec::new();
    for f in &files {
        for (line, text) in lost_rows(f) {
            let name = f.strip_prefix(&root).unwrap_or(f).display().to_string();
            report.push(format!("{name}:{line}: {text}"));
        }
    }
    eprintln!("{} rows lost:\n{}", report.len(), report.join("\n"));
    assert!(
        report.is_empty(),
        "{} rows lost:\n{}",
        report.len(),
        report.join("\n")
    );
}

/// The lint JSON of a fixture in `tests/fixtures/rows/`.
fn lint(name: &str) -> serde_json::Value {
    common::lint_json(&common::fixture_in("rows", name))
}

/// The tables JSON of a fixture in `tests/fixtures/rows/`, parsed.
fn tables(name: &str) -> serde_json::Value {
    let text = common::tables_json(&common::fixture_in("rows", name));
    serde_json::from_str(&text).expect("tables JSON")
}

/// Each table's row labels.
fn labels(json: &serde_json::Value) -> Vec<Vec<String>> {
    json["tables"]
        .as_array()
        .expect("tables")
        .iter()
        .map(|t| {
            t["rows"]
                .as_array()
                .expect("rows")
                .iter()
                .map(|r| r["label"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .collect()
}

/// The TAB003 messages of a lint JSON.
fn tab003(json: &serde_json::Value) -> Vec<String> {
    common::rule_fields(json, "TAB003", &["message"])
        .into_iter()
        .map(|f| f[0].clone())
        .collect()
}

#[test]
fn a_row_run_into_the_next_tables_heading_is_read_as_a_row() {
    let json = tables("row-run-into-heading.txt");
    let labels = labels(&json);
    assert_eq!(labels.len(), 3, "{json}");
    assert_eq!(
        labels[0].last().map(String::as_str),
        Some("Årets resultat"),
        "{json}"
    );
    assert_eq!(
        labels[1].first().map(String::as_str),
        Some("Kassa"),
        "{json}"
    );
    assert_eq!(
        labels[1].last().map(String::as_str),
        Some("Summa skulder och eget kapital"),
        "{json}"
    );
    assert_eq!(labels[2], ["Soliditet, %", "Antal lägenheter"], "{json}");
    // The heading's years name the next table's columns.
    assert_eq!(
        json["tables"][1]["columns"],
        serde_json::json!(["2023", "2022", "2021"])
    );
    let row = &json["tables"][0]["rows"][4]["cells"];
    let values: Vec<&str> = (0..3)
        .map(|c| row[c]["value"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(values, ["200", "180", "167"], "{json}");
    // Every relation of the two statements holds, nothing is left unread.
    let lint = lint("row-run-into-heading.txt");
    common::assert_all_hold(&lint, 12);
    assert!(tab003(&lint).is_empty(), "{lint}");
}

#[test]
fn a_row_run_into_a_unit_word_is_a_row_not_read() {
    let json = lint("row-run-into-unit.txt");
    let notes = tab003(&json);
    assert_eq!(notes.len(), 1, "{json}");
    assert!(
        notes[0].contains("Summa 1 600 1 525 1 462tkr"),
        "{}",
        notes[0]
    );
    assert!(
        notes[0].contains("may be the figure's unit"),
        "{}",
        notes[0]
    );
}

#[test]
fn a_lone_row_among_rows_with_figures_is_a_row_not_read() {
    let json = lint("lone-row-among-rows.txt");
    let notes = tab003(&json);
    assert_eq!(notes.len(), 1, "{json}");
    assert!(
        notes[0].contains("row \"Summa 3 500 3 350\" not read"),
        "{}",
        notes[0]
    );
}

#[test]
fn a_lone_line_of_figures_in_prose_stays_prose() {
    let json = lint("lone-row-in-prose.txt");
    assert!(tab003(&json).is_empty(), "{json}");
    assert_eq!(common::stat(&json, "tables"), 0, "{json}");
}

/// A line whose small figures are glued to each other and to its label under the last row
/// of a total standing first ("Utland--204020") is a row not read, and the total's failing
/// columns, which that row may close, are not decided; without the line they are errors.
#[test]
fn a_glued_line_under_a_total_first_leaves_it_not_decided() {
    let json = lint("glued-line-under-total-first.txt");
    assert!(common::claims(&json).is_empty(), "{json}");
    let notes = tab003(&json);
    assert_eq!(notes.len(), 1, "{json}");
    assert!(
        notes[0].contains("\"Utland--204020\" not read"),
        "{}",
        notes[0]
    );
    let sums = common::findings_of(&json, "SUM001");
    assert_eq!(sums.len(), 3, "{json}");
    for (severity, _, _, message) in &sums {
        assert_eq!(severity, "info", "{message}");
        assert!(
            message.contains("row \"Utland\" just under its rows"),
            "{message}"
        );
    }
    let text = std::fs::read_to_string(common::fixture_in(
        "rows",
        "glued-line-under-total-first.txt",
    ))
    .expect("fixture");
    let without = text.replace("Utland--204020\n", "");
    let json = common::lint_text("total-first-without-the-line.txt", &without);
    let errors: Vec<_> = common::findings_of(&json, "SUM001")
        .into_iter()
        .filter(|f| f.0 == "error")
        .map(|f| (f.1, f.2))
        .collect();
    assert_eq!(
        errors,
        [
            ("5540".to_string(), "5560".to_string()),
            ("5660".to_string(), "5700".to_string()),
            ("5780".to_string(), "5800".to_string())
        ],
        "{json}"
    );
}
