//! index.html parsed as a browser would: hostile document text stays text, the counts
//! match the findings, every finding has an anchor, failing cells are marked with the
//! expected value, and the page asks for nothing from the network.

use justera::check::finding::{Finding, Severity, Stats};
use justera::ingest::{FailureReason, ReadReport};
use justera::report::model::{
    CellMark, DocumentSummary, FileDetail, FileEntry, FileStatus, InMemory, Report, Run, Summary,
    TableRecord, TableRecordRow,
};
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

/// A report of two files (one read with two findings and a marked table, one failed),
/// in plain data as the audit builds it.
fn report(source: &InMemory) -> Report<'_> {
    let path = format!("archive/{EVIL}.pdf");
    let mut summary = Summary {
        files: 2,
        files_read: 1,
        files_failed: 1,
        pages: 3,
        documents: 1,
        tables: 1,
        relations_checked: 7,
        relations_failed: 2,
        findings: 2,
        ..Summary::default()
    };
    summary.findings_by_severity.insert("error".into(), 1);
    summary.findings_by_severity.insert("warning".into(), 1);
    summary.findings_by_rule.insert("SUM001".into(), 1);
    summary.findings_by_rule.insert("TXT001".into(), 1);
    let document = DocumentSummary {
        kind: justera::document::DocumentKind::Rapport,
        title: Some(format!("Delårsrapport {EVIL}")),
        date: chrono::NaiveDate::from_ymd_opt(2021, 8, 31),
        pages: (1, 3),
        tables: 1,
        paragraphs: 0,
        organ: Some(format!("Direktionen {EVIL}")),
        municipality: None,
    };
    Report {
        run: Run {
            version: "9.9.9".into(),
            date: chrono::DateTime::from_timestamp(1_700_000_000, 0),
            inputs: vec![format!("archive {EVIL}")],
        },
        summary,
        stats: Stats::default(),
        files: vec![
            FileEntry {
                path: path.clone(),
                sha256: "00".into(),
                status: FileStatus::Read {
                    report: ReadReport::default(),
                },
                pages: 3,
                documents: vec![document],
                findings: 2,
            },
            FileEntry {
                path: format!("archive/broken {EVIL}.pdf"),
                sha256: "11".into(),
                status: FileStatus::Failed {
                    reason: FailureReason::NotPdf(format!("looks like HTML: {EVIL}")),
                },
                pages: 0,
                documents: Vec::new(),
                findings: 0,
            },
        ],
        cross: Default::default(),
        source,
    }
}

fn source() -> InMemory {
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
    let tables = vec![TableRecord {
        document: 0,
        index: 0,
        title: Some(format!("Investeringar {EVIL}")),
        page: 2,
        line: 5,
        columns: vec!["Budget".into(), "Prognos <i>".into()],
        rows: vec![
            TableRecordRow {
                label: "Nätverk".into(),
                total: false,
                cells: vec!["1 400".into(), "1 484".into()],
            },
            TableRecordRow {
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
    InMemory {
        files: vec![FileDetail { findings, tables }, FileDetail::default()],
        ..InMemory::default()
    }
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

#[test]
fn document_text_is_escaped_and_counts_match() {
    let source = source();
    let html = justera::report::html::render(&report(&source)).unwrap();
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
    // The finding whose cell is marked links to its table (grouped by rule or organ the
    // tables are out of sight); the finding that marks none has no such link.
    let table_links: Vec<&str> = page
        .select(&sel("li.finding a.tbl"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(table_links.len(), 1, "{table_links:?}");
    let table_id = table_links[0].trim_start_matches('#');
    let table = page
        .select(&sel("figure.table"))
        .find(|t| t.value().id() == Some(table_id))
        .unwrap_or_else(|| panic!("no table {table_id}"));
    assert!(table.select(&sel("td.bad")).next().is_some());

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

    // Run metadata in the header: the run's date, inputs, version and counts.
    let run = |id: &str| -> String {
        page.select(&sel(&format!("#run-{id}")))
            .next()
            .unwrap_or_else(|| panic!("no #run-{id}"))
            .text()
            .collect()
    };
    assert_eq!(run("date"), "2023-11-14 22:13 UTC");
    assert_eq!(run("inputs"), format!("archive {EVIL}"));
    assert_eq!(run("version"), "9.9.9");
    assert_eq!(run("counts"), "2 files, 3 pages, 1 documents");

    // What the group select regroups by is on every finding: its file, the organ and
    // year of its document, its rule and severity.
    let options: Vec<&str> = page
        .select(&sel("#group-by option"))
        .filter_map(|o| o.value().attr("value"))
        .collect();
    assert_eq!(options, ["file", "organ", "year", "rule", "severity"]);
    for li in page.select(&sel("li.finding")) {
        let attr = |k: &str| li.value().attr(k).unwrap_or_else(|| panic!("no {k}"));
        assert_eq!(attr("data-file"), format!("archive/{EVIL}.pdf"));
        assert_eq!(attr("data-organ"), format!("Direktionen {EVIL}"));
        assert_eq!(attr("data-year"), "2021");
    }
}

// ---------------------------------------------------------------------------------
// The page in a real browser (headless Chromium from the distribution's packages).

use std::path::Path;
use std::process::Command;

/// Runs the browser headless on `url` with `args`, under a time limit.
fn browse(browser: &str, profile: &Path, args: &[String], url: &str) -> std::process::Output {
    let out = Command::new("timeout")
        .arg("90")
        .arg(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--allow-file-access-from-files",
            "--virtual-time-budget=3000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .output()
        .expect("browser runs");
    assert!(
        out.status.success(),
        "{browser} failed on {url}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

const PAYLOAD: &str =
    "<script>document.title='PWNED'</script><img src=x onerror=\"document.title='PWNED'\">";

#[test]
fn the_report_in_a_headless_browser_links_filters_prints_and_runs_no_document_script() {
    let Some(browser) = crate::common::chromium() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let archive = tmp.path().join("archive");
    std::fs::create_dir_all(&archive).unwrap();
    // The seeds (findings of every severity), one of them with a hostile first line.
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/seeds");
    for e in std::fs::read_dir(&seeds).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(".txt") && !name.starts_with("002") {
            std::fs::copy(e.path(), archive.join(name)).unwrap();
        }
    }
    let seed = seeds.join("002_61e6c64d2e77feba.txt");
    let text = std::fs::read_to_string(&seed).unwrap();
    let hostile = archive.join("budget.txt");
    std::fs::write(&hostile, format!("{PAYLOAD}\n{text}")).unwrap();
    let out = tmp.path().join("report");
    let status = Command::new(env!("CARGO_BIN_EXE_justera"))
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args(["audit", "--quiet", "--out"])
        .arg(&out)
        .arg(&archive)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1), "the seed has error findings");
    let index = out.join("index.html");
    let html = std::fs::read_to_string(&index).unwrap();
    assert!(
        html.contains("&lt;script&gt;document.title"),
        "payload is in the page as text"
    );
    let profile = tmp.path().join("profile");

    // Open the page: the page's own script ran, the document's did not.
    let dom = browse(browser, &profile, &["--dump-dom".into()], &file_url(&index));
    let dom = String::from_utf8_lossy(&dom.stdout).into_owned();
    let page = Html::parse_document(&dom);
    let title: String = page.select(&sel("title")).next().unwrap().text().collect();
    assert!(
        !title.contains("PWNED"),
        "a script from document text ran: {title}"
    );
    assert_eq!(page.select(&sel("img")).count(), 0);
    assert_eq!(
        page.select(&sel("body[data-ready='1']")).count(),
        1,
        "the page's script did not run"
    );
    let run_date: String = page
        .select(&sel("#run-date"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert_eq!(
        run_date, "2023-11-14 22:13 UTC",
        "the run date is SOURCE_DATE_EPOCH"
    );
    let errors = page.select(&sel("li.finding.error")).count();
    let others = page.select(&sel("li.finding:not(.error)")).count();
    assert!(errors > 0 && others > 0, "{errors} errors, {others} others");

    // Follow a page link: it is relative to the report and opens the file.
    let link = page
        .select(&sel("li.finding a.src"))
        .filter_map(|a| a.value().attr("href"))
        .find(|h| h.contains("budget.txt"))
        .unwrap()
        .to_string();
    assert!(link.starts_with("../archive/budget.txt"), "{link}");
    let target = out.join(link.split('#').next().unwrap());
    let opened = browse(
        browser,
        &profile,
        &["--dump-dom".into()],
        &file_url(&target),
    );
    let opened = String::from_utf8_lossy(&opened.stdout);
    assert!(
        opened.contains("investeringar"),
        "the link opens the document"
    );

    // A filter in the URL hash: only errors are shown.
    let filtered = browse(
        browser,
        &profile,
        &["--dump-dom".into()],
        &format!("{}#filter=sev:error", file_url(&index)),
    );
    let filtered = Html::parse_document(&String::from_utf8_lossy(&filtered.stdout));
    let shown: Vec<_> = filtered.select(&sel("li.finding:not(.hidden)")).collect();
    assert_eq!(shown.len(), errors, "only the errors are shown");
    assert!(shown
        .iter()
        .all(|li| li.value().classes().any(|c| c == "error")));
    let count: String = filtered
        .select(&sel("#filter-count"))
        .next()
        .unwrap()
        .text()
        .collect();
    assert_eq!(count, errors.to_string());

    // Grouped by rule from the URL hash: one open group per rule, every finding in
    // exactly one group, the by-document view hidden; the filter still applies.
    let total = errors + others;
    let grouped = browse(
        browser,
        &profile,
        &["--dump-dom".into()],
        &format!(
            "{}#filter=sev:error,warning,info;group:rule",
            file_url(&index)
        ),
    );
    let grouped = Html::parse_document(&String::from_utf8_lossy(&grouped.stdout));
    let rules: std::collections::BTreeSet<String> = page
        .select(&sel("li.finding"))
        .map(|li| li.value().attr("data-rule").unwrap().to_string())
        .collect();
    let groups: Vec<_> = grouped.select(&sel("#grouped details.group")).collect();
    assert_eq!(groups.len(), rules.len(), "one group per rule");
    for g in &groups {
        let rule: String = g.select(&sel("summary")).next().unwrap().text().collect();
        let lis: Vec<_> = g.select(&sel("li.finding")).collect();
        assert!(
            lis.iter()
                .all(|li| rule.starts_with(li.value().attr("data-rule").unwrap())),
            "group {rule} holds another rule's finding"
        );
        assert!(
            rule.contains(&format!("({} findings)", lis.len())),
            "{rule}"
        );
    }
    assert_eq!(
        grouped.select(&sel("#grouped li.finding")).count(),
        total,
        "every finding in one group"
    );
    assert_eq!(grouped.select(&sel("#by-document.hidden")).count(), 1);
    // Grouped by severity, errors only: one group, the errors.
    let by_sev = browse(
        browser,
        &profile,
        &["--dump-dom".into()],
        &format!("{}#filter=sev:error;group:severity", file_url(&index)),
    );
    let by_sev = Html::parse_document(&String::from_utf8_lossy(&by_sev.stdout));
    let shown: Vec<String> = by_sev
        .select(&sel("#grouped details.group:not(.hidden) > summary"))
        .map(|s| s.text().collect())
        .collect();
    assert_eq!(shown, [format!("error ({errors} findings)")]);

    // Printed to PDF: every finding is in it (documents open for print), no cut pages.
    let pdf = tmp.path().join("report.pdf");
    browse(
        browser,
        &profile,
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".into(),
        ],
        &file_url(&index),
    );
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");
    let text = Command::new(env!("CARGO_BIN_EXE_justera"))
        .arg("text")
        .arg(&pdf)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("justera audit"), "{text}");
    // Figures are shown only inside the (collapsed on screen) documents.
    assert!(
        text.contains("tolerance"),
        "documents are open in print: {text}"
    );
}
