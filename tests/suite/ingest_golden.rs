//! Golden tests of ingest + layout on real corpus PDFs: the text each page yields
//! (furniture lines marked), reviewed by hand, plus targeted checks of spans, columns
//! and furniture that state what the snapshots show.

use justera::ingest::{read_file, IngestOptions};
use justera::layout::{lay_out, LaidOutFile, Line};
use std::path::PathBuf;

fn corpus_pdf(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("corpus/pdf")
        .join(name)
}

fn read(name: &str) -> LaidOutFile {
    let opts = IngestOptions {
        isolate: false,
        ..IngestOptions::default()
    };
    let file = read_file(&corpus_pdf(name), &opts).unwrap_or_else(|e| panic!("{e}"));
    lay_out(file)
}

/// Pages as text for snapshots: a page marker, furniture lines prefixed "[F] ", column
/// gaps shown as " | " so they are visible in review.
fn golden(file: &LaidOutFile) -> String {
    let mut out = String::new();
    for page in &file.pages {
        out += &format!("=== page {} ===\n", page.number);
        for line in &page.lines {
            if line.furniture {
                out += "[F] ";
            }
            out += &line.text.replace('\t', " | ");
            out.push('\n');
        }
    }
    out
}

fn find_line<'a>(file: &'a LaidOutFile, needle: &str) -> &'a Line {
    file.pages
        .iter()
        .flat_map(|p| &p.lines)
        .find(|l| l.text.contains(needle))
        .unwrap_or_else(|| panic!("no line containing {needle:?}"))
}

fn span_texts(line: &Line) -> Vec<&str> {
    line.spans.iter().map(|s| s.text.as_str()).collect()
}

#[test]
fn golden_protocol_2022_03_02() {
    let file = read("herrljunga-vargarda-itvt-2022-03-02-protokoll.pdf");
    assert_eq!(file.pages.len(), 15);
    assert_eq!(file.report.pages_read, 15);
    assert!(file.report.pages_lost.is_empty());
    insta::assert_snapshot!(golden(&file));
}

#[test]
fn golden_delarsrapport_2017() {
    let file = read("herrljunga-vargarda-servicenamnder-delarsrapport-2017-08-31.pdf");
    insta::assert_snapshot!(golden(&file));
}

#[test]
fn golden_fordelningsnyckel_2022() {
    let file = read("ludvika-smedjebacken-gsn-2021-02-08-bilaga-fordelningsnyckel-2022.pdf");
    insta::assert_snapshot!(golden(&file));
}

#[test]
fn golden_delarsrapport_2021() {
    let file = read("herrljunga-vargarda-servicenamnder-delarsrapport-2021-08-31.pdf");
    insta::assert_snapshot!(golden(&file));
}

#[test]
fn thousands_group_is_one_span_and_columns_are_separate() {
    let file = read("herrljunga-vargarda-servicenamnder-delarsrapport-2021-08-31.pdf");
    let line = find_line(&file, "2300 Nätverk");
    assert_eq!(
        span_texts(line),
        ["2300 Nätverk", "108", "1 278", "1 278", "0"]
    );
    // Spans keep their x-ranges, left to right without overlap.
    for pair in line.spans.windows(2) {
        assert!(pair[0].x1 < pair[1].x0, "{:?}", line.spans);
    }
    let line = find_line(&file, "Personalkostnader\t4 040");
    assert_eq!(
        span_texts(line),
        [
            "Personalkostnader",
            "4 040",
            "5 554",
            "8 561",
            "8 806",
            "-245"
        ]
    );
}

#[test]
fn table_rows_match_the_generators_cell_grid() {
    // tables.json holds the grid each table was rendered from; every data row of the
    // fördelningsnyckel must come out as one line with one span per non-empty cell.
    let grid: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(corpus_pdf("tables.json")).unwrap_or_else(|e| panic!("{e}")),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let name = "ludvika-smedjebacken-gsn-2021-02-08-bilaga-fordelningsnyckel-2022.pdf";
    let file = read(name);
    let lines: Vec<Vec<&str>> = file
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .map(span_texts)
        .collect();
    let table = &grid[name][0];
    let header_rows = table["header_rows"].as_u64().unwrap_or(0) as usize;
    let rows = table["rows"].as_array().map(Vec::as_slice).unwrap_or(&[]);
    assert!(rows.len() > 20);
    for row in &rows[header_rows..] {
        let cells: Vec<&str> = row
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .filter_map(|c| c.as_str())
            .filter(|c| !c.is_empty())
            .collect();
        assert!(lines.contains(&cells), "row {cells:?} is not one line");
    }
}

#[test]
fn swedish_letters_and_signs_survive() {
    let file = read("herrljunga-vargarda-itvt-2022-03-02-protokoll.pdf");
    let all: String = file
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for needle in [
        "SAMMANTRÄDESPROTOKOLL",
        "Vårgårda kommun, kommunhuset, Stora Ljungås kl. 09.00-10.45.",
        "§ 4 Hantering av över-och underskott 2021",
        "Porrfilter – vi testar",
        "Övriga deltagare",
        "- 593\t- 3 867\t- 4 460",
    ] {
        assert!(all.contains(needle), "missing {needle:?}");
    }
}

#[test]
fn running_headers_and_footers_are_furniture_on_a_multi_page_pdf() {
    let file = read("herrljunga-vargarda-itvt-2022-03-02-protokoll.pdf");
    for page in &file.pages {
        let furniture: Vec<&str> = page
            .lines
            .iter()
            .filter(|l| l.furniture)
            .map(|l| l.text.as_str())
            .collect();
        assert!(
            furniture
                .iter()
                .any(|t| t.starts_with("SAMMANTRÄDESPROTOKOLL\tServicenämnd IT/Växel/Telefoni")),
            "page {}: {furniture:?}",
            page.number
        );
        let footer = format!("Sida {} (15)", page.number);
        assert!(
            furniture
                .iter()
                .any(|t| t.starts_with("Justerandes sign") && t.ends_with(&footer)),
            "page {}: {furniture:?}",
            page.number
        );
        // Paragraph headings repeat their pattern on many pages but are content.
        for line in &page.lines {
            if line.text.starts_with("ITVT §") || line.text.starts_with("DNR ITVT") {
                assert!(!line.furniture, "{}", line.text);
            }
        }
    }
    // Furniture is kept but left out of what later stages parse.
    assert!(file
        .content_lines()
        .all(|(_, l)| !l.text.starts_with("Justerandes sign")));
}

#[test]
fn text_files_keep_tab_cells_as_spans_with_character_columns() {
    let opts = IngestOptions {
        isolate: false,
        ..IngestOptions::default()
    };
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus/seeds");
    let seed = std::fs::read_dir(&path)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("000_"))
        .unwrap_or_else(|| panic!("seed 000 missing"));
    let file = lay_out(read_file(&seed, &opts).unwrap_or_else(|e| panic!("{e}")));
    // No form feeds in the seed: one page, nothing marked as furniture.
    assert_eq!(file.pages.len(), 1);
    assert!(file.pages[0].lines.iter().all(|l| !l.furniture));
    let line = file.pages[0]
        .lines
        .iter()
        .find(|l| l.text.contains('\t'))
        .unwrap_or_else(|| panic!("no tab line in seed 000"));
    let cells: Vec<&str> = line.text.split('\t').collect();
    assert_eq!(span_texts(line), cells);
    assert_eq!(line.spans[0].x0, 0.0);
    assert_eq!(line.spans[1].x0, (cells[0].chars().count() + 1) as f64);
}
