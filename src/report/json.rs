//! The stable JSON shape of findings and coverage shared by `lint` (and `audit`):
//! `{"findings": [{"rule", "severity", "message", "file", "page", "line", "document",
//! "paragraph", "table", "row", "column", "expected", "found", "tolerance"}], "stats":
//! {"files", "documents", "paragraphs", "tables", "cells", "relations_checked",
//! "relations_failed", "tables_unparsed"}}`. Figures are strings holding the decimal
//! value ("-84", "1.5") so no reader loses precision; absent values are null.

use crate::check::finding::{Finding, Stats};
use serde_json::{json, Value};

pub fn finding(f: &Finding) -> Value {
    let dec = |d: Option<rust_decimal::Decimal>| d.map(|v| v.normalize().to_string());
    let mut v = json!({
        "rule": f.rule,
        "severity": f.severity.as_str(),
        "message": f.message,
        "file": &*f.provenance.file,
        "page": f.provenance.page,
        "line": f.provenance.line,
        "document": f.document,
        "paragraph": f.paragraph,
        "table": f.table,
        "row": f.row,
        "column": f.column,
        "expected": dec(f.expected),
        "found": dec(f.found),
        "tolerance": dec(f.tolerance),
    });
    // Read by OCR: Tesseract's confidence in the figure, percent.
    if let (Some(c), Value::Object(map)) = (f.provenance.ocr, &mut v) {
        map.insert("ocr".to_string(), json!(c));
    }
    if let (Some(u), Value::Object(map)) = (&f.unit, &mut v) {
        map.insert("unit".to_string(), json!(u));
    }
    if let (Some(r), Value::Object(map)) = (&f.related, &mut v) {
        map.insert(
            "related".into(),
            json!({"file": &*r.file, "page": r.page, "line": r.line}),
        );
    }
    v
}

/// A finding as [`finding`] gives it, written without building a [`Value`] first: the
/// same keys (sorted, as a `Value`'s map keeps them) and values, so the same bytes. The
/// audit writes thousands of these into findings.json.
#[derive(serde::Serialize)]
pub struct FindingJson<'a> {
    column: &'a Option<String>,
    document: &'a Option<String>,
    expected: Option<String>,
    file: &'a str,
    found: Option<String>,
    line: u32,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    ocr: Option<u8>,
    page: u32,
    paragraph: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    related: Option<RelatedJson<'a>>,
    row: &'a Option<String>,
    rule: &'a str,
    severity: &'static str,
    table: Option<usize>,
    tolerance: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
}

/// The `related` place of [`FindingJson`].
#[derive(serde::Serialize)]
pub struct RelatedJson<'a> {
    file: &'a str,
    line: u32,
    page: u32,
}

impl<'a> FindingJson<'a> {
    pub fn of(f: &'a Finding) -> FindingJson<'a> {
        let dec = |d: Option<rust_decimal::Decimal>| d.map(|v| v.normalize().to_string());
        FindingJson {
            column: &f.column,
            document: &f.document,
            expected: dec(f.expected),
            file: &f.provenance.file,
            found: dec(f.found),
            line: f.provenance.line,
            message: &f.message,
            ocr: f.provenance.ocr,
            page: f.provenance.page,
            paragraph: f.paragraph,
            related: f.related.as_ref().map(|r| RelatedJson {
                file: &r.file,
                line: r.line,
                page: r.page,
            }),
            row: &f.row,
            rule: f.rule.as_str(),
            severity: f.severity.as_str(),
            table: f.table,
            tolerance: dec(f.tolerance),
            unit: f.unit.as_deref(),
        }
    }
}

pub fn stats(s: &Stats) -> Value {
    json!({
        "files": s.files,
        "documents": s.documents,
        "paragraphs": s.paragraphs,
        "tables": s.tables,
        "cells": s.cells,
        "relations_checked": s.relations_checked,
        "relations_failed": s.relations_failed,
        "tables_unparsed": s.tables_unparsed,
    })
}

pub fn lint_report(findings: &[Finding], s: &Stats) -> Value {
    json!({
        "findings": findings.iter().map(finding).collect::<Vec<_>>(),
        "stats": stats(s),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::finding::Severity;
    use crate::check::rules::RuleCode;
    use crate::Provenance;
    use std::sync::Arc;

    /// [`FindingJson`] writes the bytes [`finding`]'s `Value` writes, with and without
    /// each optional part.
    #[test]
    fn a_finding_written_directly_is_its_value() {
        let file: Arc<str> = Arc::from("a/b \"c\".pdf");
        let bare = Finding::new(
            RuleCode::parse("SUM001").expect("a rule"),
            Severity::Error,
            "Summa \"x\" ≠ 3\n".to_string(),
            Provenance::new(&file, 3, 7),
        );
        let mut full = bare.clone();
        full.document = Some("Protokoll § 4".into());
        full.paragraph = Some(4);
        full.table = Some(2);
        full.row = Some("Summa".into());
        full.column = Some("2019".into());
        full.expected = Some(rust_decimal::Decimal::new(-8400, 2));
        full.found = Some(rust_decimal::Decimal::new(15, 1));
        full.tolerance = Some(rust_decimal::Decimal::new(1, 0));
        full.unit = Some("dagar".into());
        full.provenance.ocr = Some(87);
        full.related = Some(Provenance::new(&file, 9, 1));
        for f in [&bare, &full] {
            assert_eq!(
                serde_json::to_string_pretty(&FindingJson::of(f)).unwrap(),
                serde_json::to_string_pretty(&finding(f)).unwrap()
            );
            assert_eq!(
                serde_json::to_string(&FindingJson::of(f)).unwrap(),
                serde_json::to_string(&finding(f)).unwrap()
            );
        }
    }
}
