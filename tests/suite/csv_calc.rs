//! The CSV files for Excel (`export --format csv`, the audit's `findings.csv`) open right in
//! LibreOffice Calc with Swedish settings: headless Calc converts them to .xlsx (`;`,
//! UTF-8, language sv-SE), and the workbook read back has the columns, the figures as
//! numbers, the text with å/ä/ö, and no formula — a § title `=HYPERLINK(…)` stays text
//! (#15 item 12). Needs `soffice` (Debian: libreoffice-calc-nogui; `.ci/run` installs it).

use calamine::{open_workbook, Data, Reader, Xlsx};
use std::path::{Path, PathBuf};
use std::process::Command;

const INJECTED: &str = "=HYPERLINK(\"http://angripare.example/\";\"Personal\")";

fn soffice() -> PathBuf {
    for c in ["soffice", "libreoffice"] {
        if Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
        {
            return PathBuf::from(c);
        }
    }
    panic!("LibreOffice (soffice) is needed: apt-get install -y libreoffice-calc-nogui");
}

/// Converts `csv` to .xlsx with Calc's CSV filter: `;` separator, `"` quote, UTF-8 (76),
/// from line 1, Swedish (1053) number recognition.
fn to_xlsx(csv: &Path) -> PathBuf {
    let dir = csv.parent().unwrap();
    let profile = dir.join("lo-profile");
    let out = Command::new(soffice())
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--infilter=CSV:59,34,76,1,,1053",
            "--convert-to",
            "xlsx",
            "--outdir",
        ])
        .arg(dir)
        .arg(csv)
        .output()
        .expect("soffice runs");
    let xlsx = csv.with_extension("xlsx");
    assert!(
        xlsx.is_file(),
        "soffice made no {}: {}{}",
        xlsx.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    xlsx
}

/// The first sheet's cells, and whether any cell holds a formula.
fn read_back(xlsx: &Path) -> (Vec<Vec<Data>>, bool) {
    let mut wb: Xlsx<_> = open_workbook(xlsx).unwrap();
    let name = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&name).unwrap();
    let formulas = wb.worksheet_formula(&name).unwrap();
    let any_formula = formulas.used_cells().any(|(_, _, f)| !f.is_empty());
    (range.rows().map(|r| r.to_vec()).collect(), any_formula)
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

fn column(rows: &[Vec<Data>], name: &str) -> usize {
    rows[0]
        .iter()
        .position(|h| text(h) == name)
        .unwrap_or_else(|| panic!("no column {name}: {:?}", rows[0]))
}

fn run(args: &[&str]) -> std::process::Output {
    let out = Command::new(env!("CARGO_BIN_EXE_justera"))
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.code().is_some(), "killed: {out:?}");
    out
}

#[test]
fn exported_decisions_open_in_calc_with_titles_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/seeds/003_3f4b3a03317974c7.txt"),
    )
    .unwrap();
    // The § 61 heading in the body (line 137) becomes a formula.
    let lines: Vec<&str> = seed.lines().collect();
    assert_eq!(lines[136], "Personal");
    let mut changed: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    changed[136] = INJECTED.to_string();
    let input = dir.path().join("protokoll.txt");
    std::fs::write(&input, changed.join("\n")).unwrap();
    let csv = dir.path().join("decisions.csv");
    let out = run(&[
        "export",
        input.to_str().unwrap(),
        "--format",
        "csv",
        "--out",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "BOM first");
    let (rows, any_formula) = read_back(&to_xlsx(&csv));
    assert!(!any_formula, "a cell became a formula");
    assert_eq!(
        rows.len(),
        1 + 9,
        "header and the nine decisions of seed 003"
    );
    let width = justera::export::CSV_COLUMNS.len();
    assert!(
        rows.iter().all(|r| r.len() == width),
        "one column per field"
    );
    let title = column(&rows, "title");
    let paragraph = column(&rows, "paragraph");
    let organ = column(&rows, "organ");
    let p61 = rows
        .iter()
        .find(|r| r[paragraph] == Data::Float(61.0))
        .expect("§ 61 with its number as a number");
    assert_eq!(text(&p61[title]), format!("'{INJECTED}"));
    assert_eq!(text(&p61[organ]), "Direktionen");
    let p62 = rows
        .iter()
        .find(|r| r[paragraph] == Data::Float(62.0))
        .unwrap();
    assert!(
        text(&p62[title]).starts_with("Budget 2022"),
        "{:?}",
        p62[title]
    );
    assert!(
        text(&p62[column(&rows, "present")]).contains('ö')
            || text(&p62[column(&rows, "present")]).contains('å')
            || !text(&p62[column(&rows, "present")]).is_empty(),
        "attendance as text"
    );
}

#[test]
fn findings_csv_opens_in_calc_with_figures_as_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("rapport.txt");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules/SUM001/triggers.txt"),
        &input,
    )
    .unwrap();
    let out_dir = dir.path().join("report");
    let out = run(&[
        "audit",
        input.to_str().unwrap(),
        "--out",
        out_dir.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let csv = out_dir.join("findings.csv");
    let (rows, any_formula) = read_back(&to_xlsx(&csv));
    assert!(!any_formula);
    let header: Vec<String> = rows[0].iter().map(text).collect();
    assert_eq!(header, justera::report::csv::FINDING_COLUMNS);
    // One defect (the −86 that is neither the rows' sum nor Budget − Prognos): one line.
    assert_eq!(rows.len(), 2, "SUM001, with REL001 agreeing in its message");
    let rule = column(&rows, "rule");
    let sum = rows.iter().find(|r| text(&r[rule]) == "SUM001").unwrap();
    assert_eq!(sum[column(&rows, "expected")], Data::Float(-84.0));
    assert_eq!(sum[column(&rows, "found")], Data::Float(-86.0));
    assert_eq!(sum[column(&rows, "tolerance")], Data::Float(1.5));
    assert_eq!(sum[column(&rows, "page")], Data::Float(1.0));
    assert_eq!(sum[column(&rows, "line")], Data::Float(6.0));
    assert_eq!(text(&sum[column(&rows, "severity")]), "error");
    assert_eq!(text(&sum[column(&rows, "column")]), "Avvikelse helår");
    let file = text(&sum[column(&rows, "file")]);
    assert!(file.ends_with("rapport.txt"), "{file}");
    assert_eq!(
        text(&sum[column(&rows, "link")]),
        file,
        "a text file has no #page"
    );
}
