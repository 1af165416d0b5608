//! `findings.xlsx`: the audit's findings for a spreadsheet, written with
//! rust_xlsxwriter. Three sheets: **Findings** (one row per finding, a column per
//! field, a link to the file at its page, autofilter, frozen header), **Files** (every
//! file read or tried, with its status) and **Coverage** (what the run read and
//! checked, findings by rule). Takes the report's plain data ([`super::model`]).

use super::model::{FileEntry, Report};
use crate::check::finding::Finding;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::io;
use std::path::Path;

/// The columns of the Findings sheet, in order.
pub const FINDING_COLUMNS: &[&str] = &[
    "severity",
    "rule",
    "rule summary",
    "message",
    "file",
    "page",
    "line",
    "link",
    "document",
    "paragraph",
    "table",
    "row",
    "column",
    "figure",
    "expected",
    "found",
    "tolerance",
    "unit",
    "related file",
    "related page",
    "related line",
];

fn xerr(e: XlsxError) -> io::Error {
    io::Error::other(format!("findings.xlsx: {e}"))
}

fn header(sheet: &mut Worksheet, names: &[&str], bold: &Format) -> Result<(), XlsxError> {
    for (i, name) in names.iter().enumerate() {
        sheet.write_string_with_format(0, i as u16, *name, bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// A decimal as a spreadsheet number (Excel holds only doubles); exact decimals that a
/// double cannot hold are written as text so no digit is lost.
fn write_decimal(sheet: &mut Worksheet, row: u32, col: u16, d: Decimal) -> Result<(), XlsxError> {
    let d = d.normalize();
    match d.to_f64() {
        Some(f) if Decimal::try_from(f).is_ok_and(|back| back == d) => {
            sheet.write_number(row, col, f)?;
        }
        _ => {
            sheet.write_string(row, col, d.to_string())?;
        }
    }
    Ok(())
}

fn write_opt(sheet: &mut Worksheet, row: u32, col: u16, s: Option<&str>) -> Result<(), XlsxError> {
    if let Some(s) = s.filter(|s| !s.is_empty()) {
        sheet.write_string(row, col, s)?;
    }
    Ok(())
}

fn findings_sheet(
    sheet: &mut Worksheet,
    findings: &mut dyn Iterator<Item = io::Result<Finding>>,
    report_dir: &Path,
    bold: &Format,
) -> io::Result<u32> {
    sheet.set_name("Findings").map_err(xerr)?;
    // Widths before the rows: in constant-memory mode rows go to disk as written.
    for (col, width) in [(2u16, 32.0), (3, 70.0), (4, 40.0), (8, 30.0), (11, 24.0)] {
        sheet.set_column_width(col, width).map_err(xerr)?;
    }
    header(sheet, FINDING_COLUMNS, bold).map_err(xerr)?;
    let mut row = 0u32;
    for f in findings {
        let f = f?;
        row += 1;
        let r = row;
        let summary = crate::check::registry::lookup(f.rule.as_str()).map(|r| r.summary);
        // Spreadsheet programs read a link's "#…" as a place inside a workbook, so the
        // link opens the file; the page is in its own column.
        let link = format!(
            "file:///{}",
            super::link::file_link(report_dir, &f.provenance.file, None)
        );
        let result: Result<(), XlsxError> = (|| {
            sheet.write_string(r, 0, f.severity.as_str())?;
            sheet.write_string(r, 1, f.rule.as_str())?;
            write_opt(sheet, r, 2, summary)?;
            sheet.write_string(r, 3, &f.message)?;
            sheet.write_string(r, 4, &*f.provenance.file)?;
            sheet.write_number(r, 5, f.provenance.page)?;
            sheet.write_number(r, 6, f.provenance.line)?;
            // Relative to the workbook's folder, as Excel and LibreOffice resolve it.
            let name = f.provenance.file.rsplit('/').next().unwrap_or_default();
            sheet.write_url_with_text(r, 7, link.as_str(), name)?;
            write_opt(sheet, r, 8, f.document.as_deref())?;
            if let Some(p) = f.paragraph {
                sheet.write_number(r, 9, p)?;
            }
            if let Some(t) = f.table {
                sheet.write_number(r, 10, t as f64)?;
            }
            write_opt(sheet, r, 11, f.row.as_deref())?;
            write_opt(sheet, r, 12, f.column.as_deref())?;
            write_opt(sheet, r, 13, f.figure.as_deref())?;
            for (col, v) in [(14, f.expected), (15, f.found), (16, f.tolerance)] {
                if let Some(v) = v {
                    write_decimal(sheet, r, col, v)?;
                }
            }
            write_opt(sheet, r, 17, f.unit.as_deref())?;
            if let Some(rel) = &f.related {
                sheet.write_string(r, 18, &*rel.file)?;
                sheet.write_number(r, 19, rel.page)?;
                sheet.write_number(r, 20, rel.line)?;
            }
            Ok(())
        })();
        result.map_err(xerr)?;
    }
    let last_col = (FINDING_COLUMNS.len() - 1) as u16;
    let result: Result<(), XlsxError> = (|| {
        sheet.autofilter(0, 0, row, last_col)?;
        Ok(())
    })();
    result.map_err(xerr)?;
    Ok(row)
}

fn files_sheet(sheet: &mut Worksheet, files: &[FileEntry], bold: &Format) -> Result<(), XlsxError> {
    sheet.set_name("Files")?;
    let names = [
        "file",
        "status",
        "detail",
        "pages",
        "pages lost",
        "documents",
        "findings",
        "sha256",
    ];
    header(sheet, &names, bold)?;
    for (i, f) in files.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, &f.path)?;
        sheet.write_string(r, 1, f.status_code())?;
        let detail = f.failure().map(|r| r.to_string());
        write_opt(sheet, r, 2, detail.as_deref())?;
        sheet.write_number(r, 3, f.pages)?;
        sheet.write_number(r, 4, f.pages_lost() as f64)?;
        sheet.write_number(r, 5, f.documents.len() as f64)?;
        sheet.write_number(r, 6, f.findings as f64)?;
        sheet.write_string(r, 7, &f.sha256)?;
    }
    sheet.autofilter(0, 0, files.len() as u32, (names.len() - 1) as u16)?;
    sheet.set_column_width(0, 50.0)?;
    sheet.set_column_width(2, 40.0)?;
    Ok(())
}

fn coverage_sheet(
    sheet: &mut Worksheet,
    coverage: &[(&str, u64)],
    by_rule: &[(String, u64)],
    bold: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name("Coverage")?;
    header(sheet, &["measure", "count"], bold)?;
    let mut r = 0u32;
    for (name, n) in coverage {
        r += 1;
        sheet.write_string(r, 0, *name)?;
        sheet.write_number(r, 1, *n as f64)?;
    }
    r += 2;
    sheet.write_string_with_format(r, 0, "findings by rule", bold)?;
    sheet.write_string_with_format(r, 1, "count", bold)?;
    sheet.write_string_with_format(r, 2, "rule summary", bold)?;
    for (rule, n) in by_rule {
        r += 1;
        sheet.write_string(r, 0, rule)?;
        sheet.write_number(r, 1, *n as f64)?;
        if let Some(rule) = crate::check::registry::lookup(rule) {
            sheet.write_string(r, 2, rule.summary)?;
        }
    }
    sheet.set_column_width(0, 32.0)?;
    sheet.set_column_width(2, 60.0)?;
    Ok(())
}

/// Writes the workbook. `report_dir` is where it will stand (links are relative to it).
pub fn write(report: &Report, report_dir: &Path, out: &mut dyn io::Write) -> io::Result<()> {
    // rust_xlsxwriter's constant-memory mode opens a temporary file per sheet and panics
    // when it cannot: ask first, so a read-only TMPDIR is a clear error, not a crash.
    tempfile::tempfile().map_err(|e| {
        io::Error::other(format!(
            "findings.xlsx: no writable temporary directory ({}): {e}",
            std::env::temp_dir().display()
        ))
    })?;
    let by_rule: Vec<(String, u64)> = report
        .summary
        .findings_by_rule
        .iter()
        .map(|(r, n)| (r.clone(), *n))
        .collect();
    let mut workbook = Workbook::new();
    // A fixed creation date: the reports are byte-identical run to run (the run's
    // inputs, not its clock, decide them).
    let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(xerr)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&created)
            .set_title("justera audit findings"),
    );
    let bold = Format::new().set_bold();
    // The findings sheet streams its rows to a temporary file: the workbook's memory does
    // not grow with the archive's findings (it held every cell before).
    findings_sheet(
        workbook.add_worksheet_with_constant_memory(),
        &mut report.findings(),
        report_dir,
        &bold,
    )?;
    files_sheet(workbook.add_worksheet(), &report.files, &bold).map_err(xerr)?;
    let coverage = report.summary.coverage();
    coverage_sheet(workbook.add_worksheet(), &coverage, &by_rule, &bold).map_err(xerr)?;
    let bytes = workbook.save_to_buffer().map_err(xerr)?;
    out.write_all(&bytes)
}
