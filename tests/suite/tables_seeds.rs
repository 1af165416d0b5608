//! Tables of the five seed texts: reviewed snapshots of every table (aligned grid with
//! parsed values) and the rows the issue names, checked figure by figure.

use justera::cli::tables::{render_human, table_listing};
use justera::ingest::{read_file, IngestOptions};
use justera::table::{extract, RowKind, Table};
use std::path::Path;

fn seed(prefix: &str) -> Vec<Table> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/seeds");
    let path = std::fs::read_dir(&dir)
        .expect("corpus/seeds")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .expect("seed file");
    let rel = path
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .expect("inside the crate")
        .to_path_buf();
    let opts = IngestOptions {
        isolate: false,
        ..IngestOptions::default()
    };
    let ingested = read_file(&path, &opts).expect("seed reads");
    let mut laid = justera::layout::lay_out(ingested);
    // Stable provenance in snapshots, whatever the checkout path.
    laid.path = rel.display().to_string().into();
    extract(&laid, justera::grammar::vocab::Vocabulary::builtin_shared())
}

fn all_human(tables: &[Table]) -> String {
    tables
        .iter()
        .map(render_human)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The values of the row whose label is `label` in the first table that has one, as
/// written figures (None for empty cells).
fn row_values(tables: &[Table], title_hint: Option<&str>, label: &str) -> Vec<Option<String>> {
    let row = tables
        .iter()
        .filter(|t| {
            title_hint.is_none_or(|h| {
                t.title.as_deref().is_some_and(|x| x.contains(h))
                    || t.columns.iter().any(|c| c.contains(h))
            })
        })
        .flat_map(|t| t.rows.iter())
        .find(|r| r.label == label)
        .unwrap_or_else(|| panic!("no row {label:?}"));
    row.cells
        .iter()
        .map(|c| c.value.map(|v| v.to_string()))
        .collect()
}

fn some(v: &[&str]) -> Vec<Option<String>> {
    v.iter()
        .map(|s| (!s.is_empty()).then(|| s.to_string()))
        .collect()
}

#[test]
fn seed_000_tables() {
    let t = seed("000");
    insta::assert_snapshot!("seed_000", all_human(&t));
    assert_eq!(
        row_values(&t, None, "TOTALT UB"),
        some(&["6809", "-2686", "4123"])
    );
    assert_eq!(
        row_values(&t, None, "IT, växel, telefoni"),
        some(&["-593", "-3867", "-4460"])
    );
}

#[test]
fn seed_001_flat_tables() {
    let t = seed("001");
    insta::assert_snapshot!("seed_001", all_human(&t));
    assert_eq!(
        row_values(&t, None, "Personalkostnader"),
        some(&["5095", "5707", "9264", "9164", "100"])
    );
    let it = t
        .iter()
        .find(|t| {
            t.rows
                .iter()
                .any(|r| r.label == "Intäkter" && r.cells[0].raw == "-3 445")
        })
        .expect("IT resultaträkning");
    let personal = it
        .rows
        .iter()
        .find(|r| r.label == "Personalkostnader")
        .expect("row");
    let raws: Vec<&str> = personal.cells.iter().map(|c| c.raw.as_str()).collect();
    assert_eq!(raws, ["4 040", "5 554", "8 561", "8 806", "-245"]);
    assert_eq!(
        row_values(&t, None, "2300 Nätverk"),
        some(&["", "108", "1278", "1278", "0"])
    );
    assert!(t.iter().all(|t| t.ambiguities.is_empty()));
}

#[test]
fn seed_002_flat_tables() {
    let t = seed("002");
    insta::assert_snapshot!("seed_002", all_human(&t));
    assert_eq!(
        row_values(&t, None, "Resultat"),
        some(&["174", "1", "633", "0", "0", "0"])
    );
    // Several readings of "1 336 897 1 336 956 956 0"; the Summa row decides.
    assert_eq!(
        row_values(&t, None, "Övriga kostnader"),
        some(&["1336", "897", "1336", "956", "956", "0"])
    );
    assert_eq!(
        row_values(&t, None, "S:a investeringar egna"),
        some(&["1469", "1484", "1400", "1484", "-86"])
    );
    assert_eq!(row_values(&t, None, "Budget 2018"), some(&["15414"]));
}

#[test]
fn seed_003_tables() {
    let t = seed("003");
    insta::assert_snapshot!("seed_003", all_human(&t));
    assert_eq!(row_values(&t, None, "Resultat"), some(&["0", "1280", "0"]));
    let budget = t
        .iter()
        .find(|t| t.rows.iter().any(|r| r.label == "Summa kostnader"))
        .expect("resultatbudget");
    assert_eq!(
        budget.columns,
        ["Budget 2022", "Prognos 2021", "Budget 2021"]
    );
}

#[test]
fn seed_004_tables() {
    let t = seed("004");
    insta::assert_snapshot!("seed_004", all_human(&t));
    let key = t
        .iter()
        .find(|t| t.rows.iter().any(|r| r.label == "Totalt Smedjebacken"))
        .expect("fördelningsnyckel");
    let row = key
        .rows
        .iter()
        .find(|r| r.label == "Totalt Smedjebacken")
        .expect("row");
    let raws: Vec<&str> = row.cells.iter().map(|c| c.raw.as_str()).collect();
    assert_eq!(
        raws,
        ["1258", "18,41%", "1236", "21,35%", "-22,00", "2,94%"]
    );
    assert_eq!(row.kind, RowKind::Subtotal);
    assert!(row.bold);
    let view = table_listing(key);
    let cell = &view
        .rows
        .iter()
        .find(|r| r.label == "Totalt Smedjebacken")
        .expect("row")
        .cells[1];
    assert_eq!(cell.value.as_deref(), Some("18.41"));
    assert_eq!(cell.unit, Some("%"));

    let fas2 = t
        .iter()
        .find(|t| {
            t.rows
                .iter()
                .any(|r| r.label == "Avesta" && r.cells.get(2).is_some_and(|c| c.raw == "99 889"))
        })
        .expect("Kostnad per kommun fas 2");
    let avesta: Vec<&str> = fas2.rows[0].cells.iter().map(|c| c.raw.as_str()).collect();
    assert_eq!(avesta, ["23 323", "8%", "99 889", "82 000", "181 889"]);

    // "Summa utvecklingsresurser" sits one tab right in the seed; its figures are moved
    // back under the columns they sum.
    let dev = t
        .iter()
        .find(|t| {
            t.rows
                .iter()
                .any(|r| r.label == "Summa utvecklingsresurser")
        })
        .expect("utvecklarresurser");
    let i = dev
        .rows
        .iter()
        .position(|r| r.label == "Summa utvecklingsresurser")
        .expect("row");
    let raws: Vec<&str> = dev.rows[i].cells.iter().map(|c| c.raw.as_str()).collect();
    assert_eq!(raws, ["", "", "", "592", "2728", "", "3320", ""]);
    assert_eq!(dev.realigned.len(), 1);
    assert_eq!(dev.realigned[0].row, i);
}

/// Two readings that no relation of the table tells apart are recorded, not decided.
#[test]
fn undecidable_flat_row_is_recorded_as_ambiguity() {
    let text = "Kostnader per år\n\nAlfa 1 336 897\nBeta 5 5\nGamma 7 8\n";
    let tables =
        justera::table::extract_text(text, justera::grammar::vocab::Vocabulary::builtin_shared());
    assert_eq!(tables.len(), 1);
    let t = &tables[0];
    assert_eq!(t.ambiguities.len(), 1);
    assert_eq!(t.ambiguities[0].row, 0);
    let readings = &t.ambiguities[0].readings;
    assert!(readings.contains(&vec!["1 336".to_string(), "897".to_string()]));
    assert!(readings.contains(&vec!["1".to_string(), "336 897".to_string()]));
}

/// The same row with a total under it: the sums choose the reading, no ambiguity.
#[test]
fn total_row_decides_flat_reading() {
    let text = "Kostnader per år\n\nAlfa 1 336 897\nBeta 5 5\nSumma 1 341 902\n";
    let tables =
        justera::table::extract_text(text, justera::grammar::vocab::Vocabulary::builtin_shared());
    assert_eq!(tables.len(), 1);
    let t = &tables[0];
    assert!(t.ambiguities.is_empty(), "{:?}", t.ambiguities);
    let raws: Vec<&str> = t.rows[0].cells.iter().map(|c| c.raw.as_str()).collect();
    assert_eq!(raws, ["1 336", "897"]);
    let raws: Vec<&str> = t.rows[2].cells.iter().map(|c| c.raw.as_str()).collect();
    assert_eq!(raws, ["1 341", "902"]);
}
