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
