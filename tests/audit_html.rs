//! index.html parsed as a browser would: hostile document text stays text, the counts
//! match the findings, every finding has an anchor, failing cells are marked with the
//! expected value, and the page asks for nothing from the network.

use justera::audit::record::{CellMark, FileRecord, TableRecord, TableRecordRow};
use justera::audit::{Audit, AuditedFile};
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
    record.tables = vec![TableRecord {
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
    let failed = FileRecord::failed(
        format!("archive/broken {EVIL}.pdf"),
        "11".into(),
        FailureReason::NotPdf(format!("looks like HTML: {EVIL}")),
    );
    let work = tempfile::tempdir().unwrap();
    Audit::new(
        vec![
            AuditedFile::new(failed, None, false),
            AuditedFile::new(record, None, false),
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

// ---------------------------------------------------------------------------------
// The page in a real browser (headless Chromium from the distribution's packages).

use std::path::Path;
use std::process::Command;

/// The Chromium on this machine; `None` (the test is skipped, saying why) only where
/// none is installed and `JUSTERA_REQUIRE_BROWSER` is unset (`.ci/run` sets it after
/// installing one).
fn chromium() -> Option<&'static str> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
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
    let Some(browser) = chromium() else {
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
