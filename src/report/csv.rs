//! The audit's `findings.csv`: one line per finding, written with the one CSV writer
//! (`export::csv`: Excel-friendly by default, formula-guarded text, numeric figures).

pub use crate::export::csv::{number_cell, text_cell, Cell, CsvWriter, Dialect};

/// The audit's `findings.csv` columns, one line per finding.
pub const FINDING_COLUMNS: &[&str] = &[
    "severity",
    "rule",
    "summary",
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
    "expected",
    "found",
    "tolerance",
    "unit",
    "related",
];

/// One finding's cells; `link` is the file at its page (`file.pdf#page=4`).
pub fn finding_row(f: &crate::check::finding::Finding, link: String) -> Vec<Cell> {
    let summary = crate::check::registry::lookup(&f.rule).map(|r| r.summary);
    vec![
        Cell::from(f.severity.as_str()),
        Cell::from(f.rule.as_str()),
        Cell::from(summary),
        Cell::from(f.message.as_str()),
        Cell::from(&*f.provenance.file),
        Cell::from(f.provenance.page),
        Cell::from(f.provenance.line),
        Cell::from(link),
        Cell::from(f.document.as_deref().map(str::trim)),
        Cell::from(f.paragraph),
        Cell::from(f.table),
        Cell::from(f.row.clone()),
        Cell::from(f.column.clone()),
        Cell::from(f.expected),
        Cell::from(f.found),
        Cell::from(f.tolerance),
        Cell::from(f.unit.clone()),
        Cell::from(f.related.as_ref().map(|r| r.to_string())),
    ]
}

/// `file#page=N` for a PDF (else the file), the file as given on the command line, so
/// that the report is the same wherever it is written.
pub fn page_link(file: &str, page: u32) -> String {
    if file.to_ascii_lowercase().ends_with(".pdf") {
        format!("{file}#page={page}")
    } else {
        file.to_string()
    }
}

/// `findings.csv`: one line per finding, for Excel or Calc with Swedish settings, each
/// with a link to its file at its page.
pub fn write_findings(
    report: &super::model::Report,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let mut w = CsvWriter::new(out, Dialect::Excel, FINDING_COLUMNS)?;
    for f in report.findings() {
        let f = f?;
        let link = page_link(&f.provenance.file, f.provenance.page);
        w.row(finding_row(&f, link))?;
    }
    w.finish()?;
    Ok(())
}
