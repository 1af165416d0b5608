//! A held-out rendering of the seed delårsrapporter: every flat table row of seeds 001
//! and 002 rewritten the way other writers set figures — thousands grouped by a thin
//! space (U+2009) or a narrow no-break space (U+202F), minus as U+2212 or as "– " (en
//! dash and a space), empty cells written as nothing — and read again. Every row with
//! figures must come back with the same values (the Summa and Kommunbidrag rows were
//! once lost without a word), and lint must report the same findings as on the plain
//! seed text. The same tables are also typeset as a PDF by LibreOffice Calc (text cells
//! right-aligned, each table on its own sheet) and read back through the PDF reader.
//! Needs `soffice` (Debian: libreoffice-calc-nogui); `JUSTERA_ALLOW_SKIP=1` skips that
//! test where it is missing.

use justera::grammar::number::{format_decimal, Style};
use justera::table::{Table, TableSource};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

fn extract_text(text: &str) -> Vec<Table> {
    justera::table::extract_text(text, justera::grammar::vocab::Vocabulary::builtin_shared())
}

use crate::common;

fn seed(name: &str) -> (PathBuf, String) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("corpus/seeds")
        .join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()));
    (path, text)
}

/// The seed text with every flat table row written in `style`: the label, then the
/// figures one space apart; `k` empty cells are left as 2k + 1 spaces, the seed's own
/// convention, or (`mark_empties` false) as nothing at all.
fn rendered(text: &str, style: Style, mark_empties: bool) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    for t in extract_text(text) {
        if t.source != TableSource::Flat || t.provenance.page != 1 {
            continue;
        }
        for row in &t.rows {
            if row.cells.iter().all(|c| c.value.is_none()) {
                continue;
            }
            let mut line = row.label.clone();
            let mut empties = 0;
            for c in &row.cells {
                let Some(v) = c.value else {
                    empties += 1;
                    continue;
                };
                let unit = match c.unit.symbol() {
                    "" => String::new(),
                    u => format!(" {u}"),
                };
                let gap = if mark_empties { 2 * empties + 1 } else { 1 };
                line.push_str(&" ".repeat(gap));
                line.push_str(&format!("{}{unit}", format_decimal(v, style)));
                empties = 0;
            }
            if mark_empties && empties > 0 {
                line.push_str(&" ".repeat(2 * empties + 1));
            }
            let at = row.provenance.line as usize - 1;
            lines[at] = line;
        }
    }
    lines.join("\n")
}

/// Every flat table's rows with figures: (line, label) → each cell's value (as a decimal
/// string; `None` for an empty cell), so a figure under the wrong column counts too.
fn figures(tables: &[Table]) -> BTreeMap<(u32, String), Vec<Option<String>>> {
    tables
        .iter()
        .filter(|t| t.source == TableSource::Flat)
        .flat_map(|t| t.rows.iter())
        .filter(|r| r.cells.iter().any(|c| c.value.is_some()))
        .map(|r| {
            (
                (r.provenance.line, r.label.clone()),
                r.cells
                    .iter()
                    .map(|c| c.value.map(|v| v.normalize().to_string()))
                    .collect(),
            )
        })
        .collect()
}

/// Findings as (rule, line, row, column, expected, found).
fn findings(path: &Path) -> Vec<String> {
    let v: Value = common::lint_json(path);
    let mut out: Vec<String> = v["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| {
            format!(
                "{} {} {} | {} | {} | {}",
                f["rule"], f["line"], f["row"], f["column"], f["expected"], f["found"]
            )
        })
        .collect();
    out.sort();
    out
}

fn check(name: &str, style: Style) {
    let (path, text) = seed(name);
    let held_out = rendered(&text, style, true);
    assert_ne!(held_out, text, "{name}: nothing was rewritten");
    assert!(held_out.contains(style.group), "{name}: no thousands group");
    let plain = figures(&extract_text(&text));
    let read = figures(&extract_text(&held_out));
    assert!(plain.len() > 20, "{name}: only {} rows", plain.len());
    let mut problems = Vec::new();
    for (key, values) in &plain {
        match read.get(key) {
            None => problems.push(format!("row lost: line {} {:?}", key.0, key.1)),
            Some(v) if v != values => problems.push(format!(
                "line {} {:?}: {values:?} read as {v:?}",
                key.0, key.1
            )),
            Some(_) => {}
        }
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let out = dir.path().join(name);
    std::fs::write(&out, &held_out).unwrap_or_else(|e| panic!("write: {e}"));
    // Thin spaces say where a figure's groups end, so a row plain text leaves open to
    // two readings (TAB001) may be certain in the rendering; nothing else may differ.
    let not_tab001 = |v: Vec<String>| -> Vec<String> {
        v.into_iter()
            .filter(|f| !f.starts_with("\"TAB001\""))
            .collect()
    };
    let (all_a, all_b) = (findings(&path), findings(&out));
    for f in all_b.iter().filter(|f| f.starts_with("\"TAB001\"")) {
        if !all_a.contains(f) {
            problems.push(format!("ambiguous only in the rendering: {f}"));
        }
    }
    let (a, b) = (not_tab001(all_a), not_tab001(all_b));
    if a != b {
        problems.push(format!(
            "findings differ:\nplain:    {a:#?}\nheld-out: {b:#?}"
        ));
    }
    assert!(problems.is_empty(), "{name}:\n{}", problems.join("\n"));
}

const THIN_U2212: Style = Style {
    group: '\u{2009}',
    minus: "−",
    decimal: ',',
};

const NARROW_DASH: Style = Style {
    group: '\u{202f}',
    minus: "– ",
    decimal: ',',
};

#[test]
fn seed_001_thin_spaces_and_u2212() {
    check("001_31bc0d7bae5a7ba2.txt", THIN_U2212);
}

#[test]
fn seed_002_thin_spaces_and_u2212() {
    check("002_61e6c64d2e77feba.txt", THIN_U2212);
}

#[test]
fn seed_001_narrow_spaces_and_dash() {
    check("001_31bc0d7bae5a7ba2.txt", NARROW_DASH);
}

/// The delårsrapport's Ekonomiavdelningen table with no mark of its empty cells at all
/// ("Kommunbidrag 7 315 7 258 11 196 11 196" under five columns, "Resultat 1 042 383 0
/// 100"): the rows are kept and the table's arithmetic (Resultat = Kommunbidrag − Summa)
/// places their figures, as in the plain seed.
#[test]
fn rows_without_empty_marks_are_placed_by_the_arithmetic() {
    let (_, text) = seed("001_31bc0d7bae5a7ba2.txt");
    let excerpt: String = text
        .split('\n')
        .skip(279)
        .take(24)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(excerpt.contains("Kommunbidrag 7 315"), "{excerpt}");
    let held_out = rendered(&excerpt, THIN_U2212, false);
    assert!(
        held_out.contains("Kommunbidrag 7\u{2009}315 7\u{2009}258 11\u{2009}196 11\u{2009}196\n")
    );
    let plain = figures(&extract_text(&excerpt));
    let read = figures(&extract_text(&held_out));
    assert_eq!(plain.len(), 8, "{plain:#?}");
    assert_eq!(read, plain);
}

fn soffice() -> Option<PathBuf> {
    for c in ["soffice", "libreoffice"] {
        if Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
        {
            return Some(PathBuf::from(c));
        }
    }
    if std::env::var("JUSTERA_ALLOW_SKIP").as_deref() == Ok("1") {
        eprintln!("skipped: soffice not installed (JUSTERA_ALLOW_SKIP=1)");
        return None;
    }
    panic!("LibreOffice (soffice) is needed: apt-get install -y libreoffice-calc-nogui (JUSTERA_ALLOW_SKIP=1 skips)");
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A flat OpenDocument spreadsheet: one sheet per table, the header row, then each row
/// (label left, figures right-aligned as text in `style`, empty cells empty).
fn fods(tables: &[&Table], style: Style) -> String {
    let cell = |t: &str, s: &str| {
        if t.is_empty() {
            "<table:table-cell/>".to_string()
        } else {
            format!(
                "<table:table-cell table:style-name=\"{s}\" office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>",
                xml(t)
            )
        }
    };
    let mut sheets = String::new();
    for (i, t) in tables.iter().enumerate() {
        let mut rows = String::new();
        let mut header = vec![cell(t.title.as_deref().unwrap_or(""), "L")];
        header.extend(t.columns.iter().map(|c| cell(c, "R")));
        rows.push_str(&format!(
            "<table:table-row>{}</table:table-row>",
            header.concat()
        ));
        for r in &t.rows {
            let mut cells = vec![cell(&r.label, "L")];
            cells.extend(r.cells.iter().map(|c| match c.value {
                Some(v) => cell(&format_decimal(v, style), "R"),
                None => cell("", "R"),
            }));
            rows.push_str(&format!(
                "<table:table-row>{}</table:table-row>",
                cells.concat()
            ));
        }
        sheets.push_str(&format!(
            "<table:table table:name=\"T{i}\"><table:table-column table:style-name=\"co1\"/><table:table-column table:style-name=\"co2\" table:number-columns-repeated=\"{}\"/>{rows}</table:table>",
            t.columns.len().max(1)
        ));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<style:style style:name="co1" style:family="table-column"><style:table-column-properties style:column-width="7cm"/></style:style>
<style:style style:name="co2" style:family="table-column"><style:table-column-properties style:column-width="3.2cm"/></style:style>
<style:style style:name="L" style:family="table-cell"><style:paragraph-properties fo:text-align="start"/></style:style>
<style:style style:name="R" style:family="table-cell"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Default" style:page-layout-name="pm1"/></office:master-styles>
<office:body><office:spreadsheet>{sheets}</office:spreadsheet></office:body></office:document>"#
    )
}

/// The delårsrapport tables of seed 001 typeset by Calc with thin-space thousands and
/// U+2212: every row with figures comes back from the PDF with the same values.
#[test]
fn seed_001_tables_typeset_as_pdf() {
    let Some(soffice) = soffice() else { return };
    let (_, text) = seed("001_31bc0d7bae5a7ba2.txt");
    let plain = extract_text(&text);
    let flat: Vec<&Table> = plain
        .iter()
        .filter(|t| t.source == TableSource::Flat && t.ambiguities.is_empty())
        .collect();
    assert!(flat.len() >= 4, "{} flat tables", flat.len());
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let src = dir.path().join("delarsrapport.fods");
    std::fs::write(&src, fods(&flat, THIN_U2212)).unwrap_or_else(|e| panic!("write: {e}"));
    let out = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.path().join("lo-profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&src)
        .output()
        .unwrap_or_else(|e| panic!("soffice: {e}"));
    let pdf = dir.path().join("delarsrapport.pdf");
    assert!(
        pdf.is_file(),
        "soffice made no PDF: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let json = Command::new(env!("CARGO_BIN_EXE_justera"))
        .args(["tables", "--format", "json"])
        .arg(&pdf)
        .output()
        .unwrap_or_else(|e| panic!("justera: {e}"));
    assert!(json.status.success(), "justera tables failed");
    let v: Value = serde_json::from_slice(&json.stdout).unwrap_or_else(|e| panic!("json: {e}"));
    // Every row of the PDF's tables: label → values.
    let mut read: BTreeMap<String, Vec<Vec<Option<String>>>> = BTreeMap::new();
    for t in v["tables"].as_array().into_iter().flatten() {
        for r in t["rows"].as_array().into_iter().flatten() {
            let values: Vec<Option<String>> = r["cells"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|c| {
                    c["value"].as_str().map(|s| {
                        s.parse::<rust_decimal::Decimal>()
                            .map_or(s.to_string(), |d| d.normalize().to_string())
                    })
                })
                .collect();
            read.entry(r["label"].as_str().unwrap_or("").trim().to_string())
                .or_default()
                .push(values);
        }
    }
    let mut problems = Vec::new();
    let mut rows = 0;
    for t in &flat {
        for r in t
            .rows
            .iter()
            .filter(|r| r.cells.iter().any(|c| c.value.is_some()))
        {
            rows += 1;
            let want: Vec<Option<String>> = r
                .cells
                .iter()
                .map(|c| c.value.map(|v| v.normalize().to_string()))
                .collect();
            let found = read.get(r.label.trim());
            if !found.is_some_and(|f| f.contains(&want)) {
                problems.push(format!("{:?}: want {want:?}, PDF has {found:?}", r.label));
            }
        }
    }
    assert!(rows > 20, "only {rows} rows");
    assert!(
        problems.is_empty(),
        "{} of {rows} rows not read back:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
