//! findings.xlsx read back with calamine: the three sheets, a row per finding with the
//! file, page and a link, the files and the coverage counts.

use calamine::{open_workbook, Data, Reader, Xlsx};
use std::path::Path;
use std::process::Command;

#[test]
fn the_audit_workbook_has_findings_files_and_coverage() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/seeds");
    let out = tempfile::tempdir().unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_justera"))
        .arg("audit")
        .arg(&corpus)
        .arg("--out")
        .arg(out.path())
        .arg("--quiet")
        .status()
        .unwrap();
    // Exit 1: the seeds have error findings; 2 or a crash would mean nothing was read.
    assert_eq!(status.code(), Some(1));
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join("findings.json")).unwrap()).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert!(!findings.is_empty());

    let mut book: Xlsx<_> = open_workbook(out.path().join("findings.xlsx")).unwrap();
    assert_eq!(book.sheet_names(), ["Findings", "Files", "Coverage"]);

    let sheet = book.worksheet_range("Findings").unwrap();
    let rows: Vec<_> = sheet.rows().collect();
    let head: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(head, justera::report::xlsx::FINDING_COLUMNS);
    assert_eq!(rows.len() - 1, findings.len(), "one row per finding");
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    for (row, f) in rows[1..].iter().zip(findings) {
        assert_eq!(row[col("rule")].to_string(), f["rule"].as_str().unwrap());
        assert_eq!(row[col("file")].to_string(), f["file"].as_str().unwrap());
        assert_eq!(
            row[col("page")],
            Data::Float(f["page"].as_f64().unwrap()),
            "page as a number"
        );
        assert!(!row[col("rule summary")].to_string().is_empty());
        if let Some(e) = f["expected"].as_str() {
            let cell = &row[col("expected")];
            let v = match cell {
                Data::Float(v) => *v,
                other => panic!("expected as a number, got {other:?}"),
            };
            assert_eq!(v, e.parse::<f64>().unwrap());
        }
    }
    // The link cell names the file; its target is relative to the workbook.
    assert!(rows[1][col("link")].to_string().ends_with(".txt"));
    let xml = {
        let file = std::fs::File::open(out.path().join("findings.xlsx")).unwrap();
        let mut zip = zip::ZipArchive::new(file).unwrap();
        let mut rels = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("xl/worksheets/_rels/sheet1.xml.rels").unwrap(),
            &mut rels,
        )
        .unwrap();
        rels
    };
    assert!(xml.contains("Target=\"../"), "relative link: {xml}");
    assert!(!xml.contains("Target=\"/"), "no absolute path: {xml}");

    let files = book.worksheet_range("Files").unwrap();
    assert_eq!(files.rows().count() - 1, 5, "the five seeds");
    let coverage = book.worksheet_range("Coverage").unwrap();
    let findings_count = coverage
        .rows()
        .find(|r| r[0] == "findings")
        .map(|r| r[1].clone());
    assert_eq!(findings_count, Some(Data::Float(findings.len() as f64)));
}
