//! index.html parsed as a browser would: hostile document text stays text, the counts
//! match the findings, every finding has an anchor, failing cells are marked with the
//! expected value, and the page asks for nothing from the network.

use justera::audit::record::{CellMark, FileRecord, TableView, TableViewRow};
use justera::audit::{Audit, Processed};
use justera::check::finding::{Finding, Severity, Stats};
use justera::ingest::{FailureReason, ReadReport};
use rust_decimal::Decimal;
use scraper::{Html, Selector};
use std::sync::Arc;

const EVIL: &str = "<script>alert('x')</script><img src=x onerror=alert(1)>";

fn finding(file: &Arc<str>, rule: &str, severity: Severity, line: u32, message: &str) -> Finding {
    let mut f: Finding = serde_json::from_value(serde_json::json!({
        "rule": rule,
        "severity": severity,
        "message": message,
        "provenance": {"file": file.as_ref(), "page": 2, "line": line},
        "document": format!("Delårsrapport {EVIL}"),
        "paragraph": null,
        "table": 0,
        "row": "Summa <b>",
        "column": "Budget & prognos",
        "expected": "-84",
        "found": "-86",
        "tolerance": "1",
    }))
    .unwrap();
    f.related = None;
    f
}

fn audit() -> Audit {
    let path: Arc<str> = Arc::from(format!("archive/{EVIL}.pdf"));
    let findings = vec![
        finding(
            &path,
            "SUM001",
            Severity::Error,
            10,
            &format!("sum wrong {EVIL}"),
        ),
        finding(
            &path,
            "TXT001",
            Severity::Warning,
            12,
            "prose & table \"differ\"",
        ),
    ];
    let mut record = FileRecord::failed(path.to_string(), "00".into(), FailureReason::Empty);
    record.outcome = justera::audit::record::Outcome::Read {
        pages: 3,
        report: ReadReport::default(),
    };
    record.stats = Stats {
        files: 1,
        documents: 1,
        tables: 1,
        relations_checked: 7,
        relations_failed: 2,
        ..Stats::default()
    };
    record.findings = findings;
    record.tables = vec![TableView {
        document: 0,
        index: 0,
        title: Some(format!("Investeringar {EVIL}")),
        page: 2,
        line: 5,
        columns: vec!["Budget".into(), "Prognos <i>".into()],
        rows: vec![
            TableViewRow {
                label: "Nätverk".into(),
                total: false,
                cells: vec!["1 400".into(), "1 484".into()],
            },
            TableViewRow {
                label: "Summa <b>".into(),
                total: true,
                cells: vec!["-86".into(), EVIL.into()],
            },
        ],
        marks: vec![CellMark {
            row: 1,
            column: Some(0),
            expected: Some(Decimal::from(-84)),
            finding: 0,
        }],
    }];
    let failed = FileRecord::failed(
        format!("archive/broken {EVIL}.pdf"),
        "11".into(),
        FailureReason::NotPdf(format!("looks like HTML: {EVIL}")),
    );
    let work = tempfile::tempdir().unwrap();
    Audit::new(
        vec![
            Processed::new(failed, None, false),
            Processed::new(record, None, false),
        ],
        work.path(),
    )
    .unwrap()
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

#[test]
fn document_text_is_escaped_and_counts_match() {
    let audit = audit();
    let html = justera::report::html::render(&audit).unwrap();
    let page = Html::parse_document(&html);

    // The only script is the page's own filter script; no injected element exists.
    assert_eq!(page.select(&sel("script")).count(), 1);
    assert_eq!(page.select(&sel("img")).count(), 0);
    assert_eq!(page.select(&sel("b > b, td b")).count(), 0);
    let text: String = page.root_element().text().collect();
    assert!(text.contains(EVIL), "hostile text must show as text");

    // Counts.
    let count = |id: &str| -> String {
        page.select(&sel(&format!("#count-{id}")))
            .next()
            .unwrap()
            .text()
            .collect()
    };
    assert_eq!(count("findings"), "2");
    assert_eq!(count("error"), "1");
    assert_eq!(count("warning"), "1");
    assert_eq!(count("files"), "2");
    assert_eq!(count("failed"), "1");
    assert_eq!(page.select(&sel("li.finding")).count(), 2);
    assert_eq!(page.select(&sel("li.finding.error")).count(), 1);
    assert_eq!(page.select(&sel("tr.failed-file")).count(), 1);

    // Each finding has an anchor and the by-rule table links to it.
    for li in page.select(&sel("li.finding")) {
        let id = li.value().id().unwrap();
        let link = format!("a[href=\"#{id}\"]");
        assert!(page.select(&sel(&link)).count() >= 2, "no link to {id}");
    }
    let rules: Vec<String> = page
        .select(&sel("tr.rule-row"))
        .map(|r| r.value().attr("data-rule").unwrap().to_string())
        .collect();
    assert_eq!(rules, ["SUM001", "TXT001"]);

    // The failing cell is marked, shows the expected value and links to its finding.
    let bad: Vec<_> = page.select(&sel("td.bad")).collect();
    assert_eq!(bad.len(), 1);
    let cell: String = bad[0].text().collect();
    assert!(
        cell.starts_with("-86") && cell.contains("expected -84"),
        "{cell}"
    );

    // Self-contained: no external resources.
    for (tag, attr) in [
        ("link", "href"),
        ("script", "src"),
        ("img", "src"),
        ("iframe", "src"),
    ] {
        for e in page.select(&sel(tag)) {
            assert!(e.value().attr(attr).is_none(), "{tag} loads {attr}");
        }
    }
    assert!(!html.contains("http://") && !html.contains("https://"));
}
