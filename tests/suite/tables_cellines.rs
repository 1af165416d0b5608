//! Tables written one cell per line (web pages copied as text), on invented fixtures in
//! `tests/fixtures/cellines/`: a label line, then each figure on its own line, blank
//! lines between every cell, the header the same way (period lines, a unit line, "NOT",
//! group headings), and rows without a label (unlabeled subtotals) whose figures follow
//! the row above; or each cell followed by a line holding only "|". The real excerpts
//! are judged in `real_pdf.rs` (sixth held-out set).

use crate::common;
use serde_json::Value;

fn fixture(name: &str) -> std::path::PathBuf {
    common::fixture_in("cellines", name)
}

/// The one table `justera tables --format json` prints for `path`: its columns and its
/// rows, each the label and the cells as written.
fn only_table(path: &std::path::Path) -> (Vec<String>, Vec<Vec<String>>) {
    let json: Value = serde_json::from_str(&common::tables_json(path)).expect("tables JSON");
    let tables = json["tables"].as_array().expect("an array of tables");
    assert_eq!(tables.len(), 1, "{json}");
    let columns = tables[0]["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .map(|c| c.as_str().unwrap_or_default().to_string())
        .collect();
    let rows = tables[0]["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            let mut row = vec![r["label"].as_str().unwrap_or_default().to_string()];
            row.extend(
                r["cells"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|c| c["raw"].as_str().unwrap_or_default().to_string()),
            );
            row
        })
        .collect();
    (columns, rows)
}

/// A balansräkning one cell per line with blank lines between: one table whose columns
/// are the period lines (the note word a column of its own), each unlabeled subtotal a
/// row of its own (not two more cells of the row above), a label wrapped over two lines
/// one label; both subtotals checked and holding.
#[test]
fn cells_one_per_line_with_blank_lines_are_one_table() {
    let path = fixture("br-en-cell-per-rad.txt");
    let (columns, rows) = only_table(&path);
    assert_eq!(columns, ["NOT", "2024-12-31", "2023-12-31"]);
    let row = |label: &str| {
        rows.iter()
            .find(|r| r.first().map(String::as_str) == Some(label))
            .cloned()
            .unwrap_or_else(|| panic!("no row {label}: {rows:?}"))
    };
    assert_eq!(row("Goodwill"), ["Goodwill", "", "500", "700"]);
    assert_eq!(
        row("Licenser, varumärken och liknande rättigheter")[2..],
        ["3 100", "3 600"]
    );
    let unlabeled: Vec<&Vec<String>> = rows.iter().filter(|r| r[0].is_empty()).collect();
    assert_eq!(
        unlabeled,
        [
            &vec!["", "", "4 800", "5 700"],
            &vec!["", "", "1 350 000", "1 410 500"]
        ]
    );
    let json = common::lint_json(&path);
    common::assert_stat(&json, "tables", 1);
    common::assert_all_hold(&json, 4);
}

/// The same with the second subtotal's 2024 figure written 1 305 000 for 1 350 000: the
/// one contradiction is found, in its column, with the sum its rows give.
#[test]
fn a_wrong_unlabeled_subtotal_one_cell_per_line_is_found() {
    let json = common::lint_json(&fixture("br-en-cell-per-rad-fel.txt"));
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "SUM003",
            "",
            "2024-12-31",
            "1350000",
            "1305000"
        )]
    );
}

/// A resultaträkning for koncern and moderbolag with every cell on a line of its own and
/// a "|" line after each cell (an empty cell a "|" line alone): one table of six cells a
/// row, the entity over two year columns naming both, note references in the note
/// column, every Summa checked and holding.
#[test]
fn cells_between_bar_lines_are_one_table() {
    let path = fixture("rr-celler-mellan-streck.txt");
    let (columns, rows) = only_table(&path);
    assert_eq!(
        columns,
        [
            "NOT",
            "Koncernen 2024",
            "Koncernen 2023",
            "Moderbolaget 2024",
            "Moderbolaget 2023"
        ]
    );
    assert_eq!(rows.len(), 11, "{rows:?}");
    assert_eq!(
        rows[2],
        [
            "Aktiverat arbete för egen räkning",
            "",
            "420",
            "610",
            "–",
            "–"
        ]
    );
    let json = common::lint_json(&path);
    common::assert_all_hold(&json, 8);
}

/// The same with Summa rörelsens intäkter for Koncernen 2024 written 513 000 for
/// 531 000: the one contradiction is found.
#[test]
fn a_wrong_total_between_bar_lines_is_found() {
    let json = common::lint_json(&fixture("rr-celler-mellan-streck-fel.txt"));
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "SUM001",
            "Summa rörelsens intäkter",
            "Koncernen 2024",
            "531000",
            "513000"
        )]
    );
}

/// Worked examples of a price list with one figure column, written one cell per line
/// (a label, then its "2 400 kr"): each run of rows that ends in a total is one table of
/// one column; a run without a total (a list of separate avgifter) is no table. The
/// villa's Totalt is checked and holds; the flerbostadshus's "Total avgift per lägenhet"
/// is smaller than one of its parts, all positive, so it is a figure per lägenhet, not
/// their sum: not decided (info, with the reason), never a claim.
#[test]
fn one_column_cells_one_per_line_with_a_total_are_tables() {
    let path = fixture("avgifter-en-kolumn.txt");
    let json: Value = serde_json::from_str(&common::tables_json(&path)).expect("tables JSON");
    let tables = json["tables"].as_array().expect("an array of tables");
    assert_eq!(tables.len(), 2, "{json}");
    // Each table's rows as "label|cell|…".
    let rows: Vec<Vec<String>> = tables
        .iter()
        .map(|t| {
            t["rows"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|r| {
                    let mut row = vec![r["label"].as_str().unwrap_or_default().to_string()];
                    row.extend(
                        r["cells"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .map(|c| c["raw"].as_str().unwrap_or_default().to_string()),
                    );
                    row.join("|")
                })
                .collect()
        })
        .collect();
    assert_eq!(
        rows[0],
        [
            "Fast avgift per fastighet|2 400 kr",
            "Avgift per bostadsenhet|1 180 kr",
            "Rörlig avgift 120 m3 x 21,40 kr|2 568 kr",
            "Totalt|6 148 kr"
        ]
    );
    assert_eq!(
        rows[1].last().map(String::as_str),
        Some("Total avgift per lägenhet och år|4 630 kr"),
        "{rows:?}"
    );
    let json = common::lint_json(&path);
    assert!(
        common::claims(&json).is_empty(),
        "{:?}",
        common::claims(&json)
    );
    common::assert_stat(&json, "tables", 2);
    let undecided = common::rule_fields(&json, "SUM001", &["severity", "row", "message"]);
    assert_eq!(undecided.len(), 1, "{undecided:?}");
    assert_eq!(undecided[0][0], "info");
    assert_eq!(undecided[0][1], "Total avgift per lägenhet och år");
    assert!(
        undecided[0][2].contains("smaller than one of its parts"),
        "{undecided:?}"
    );
}

/// The same with the villa's Totalt written 6 184 for 6 148: the one contradiction is
/// found, with the sum its three rows give.
#[test]
fn a_wrong_total_in_one_column_one_cell_per_line_is_found() {
    let json = common::lint_json(&fixture("avgifter-en-kolumn-fel.txt"));
    assert_eq!(
        common::claims(&json),
        [common::claim("SUM001", "Totalt", "", "6148", "6184")]
    );
}

/// Lists of "Label: figure" lines ("Kommunalskatt: 21,90 kronor", "• Grundskola: 11 087
/// kronor") that end in a total are tables of one column: both totals checked and
/// holding; a list without a total ("Telefon: 0123-456 78") is no table.
#[test]
fn labelled_lists_ending_in_a_total_are_tables() {
    let path = fixture("skatt-lista.txt");
    let json: Value = serde_json::from_str(&common::tables_json(&path)).expect("tables JSON");
    let tables = json["tables"].as_array().expect("an array of tables");
    assert_eq!(tables.len(), 2, "{json}");
    let json = common::lint_json(&path);
    common::assert_all_hold(&json, 2);
    let sums = common::rule_fields(&json, "SUM001", &["row"]);
    assert!(sums.is_empty(), "{sums:?}");
}

/// The same with TOTALT written 40 393 for 40 933: the one contradiction is found.
#[test]
fn a_wrong_total_of_a_labelled_list_is_found() {
    let json = common::lint_json(&fixture("skatt-lista-fel.txt"));
    assert_eq!(
        common::claims(&json),
        [common::claim("SUM001", "TOTALT", "", "40933", "40393")]
    );
}

/// A driftredovisning with each cell on a line with its "|" ("Hyror |"), the heading rows
/// between the sections left as three "|" lines without their label: one table of four
/// cells a row, the header naming the three columns, both Summa rows checked in every
/// column and holding.
#[test]
fn cells_closed_by_bars_with_empty_rows_between_are_one_table() {
    let path = fixture("drift-celler-streck-tomma-rader.txt");
    let (columns, rows) = only_table(&path);
    assert_eq!(columns, ["Bokslut 2023", "Budget 2024", "Budget 2025"]);
    assert_eq!(rows.len(), 9, "{rows:?}");
    assert_eq!(rows[4], ["Personalkostnader", "38 210", "39 000", "40 150"]);
    let json = common::lint_json(&path);
    common::assert_all_hold(&json, 6);
}

/// The same with Summa kostnader for Budget 2024 written 60 050 for 60 500: the one
/// contradiction is found.
#[test]
fn a_wrong_total_in_cells_closed_by_bars_is_found() {
    let json = common::lint_json(&fixture("drift-celler-streck-tomma-rader-fel.txt"));
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "SUM001",
            "Summa kostnader",
            "Budget 2024",
            "60500",
            "60050"
        )]
    );
}

/// The same with a figure (4 200) among the empty cells between Summa intäkter and
/// Personalkostnader: it could close the row above or stand in a row without its label,
/// so the run is not read as a table, no claim is made, and every row with figures is
/// reported not read (TAB003), none dropped in silence.
#[test]
fn a_figure_between_rows_closed_by_bars_is_not_decided() {
    let json = common::lint_json(&fixture("drift-celler-streck-oklar.txt"));
    assert!(common::claims(&json).is_empty(), "{json}");
    let unread: Vec<&str> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "TAB003")
        .filter_map(|f| f["row"].as_str())
        .collect();
    assert_eq!(
        unread,
        [
            "Avgifter",
            "Hyror",
            "Bidrag",
            "Summa intäkter",
            "Personalkostnader",
            "Lokalkostnader",
            "Övriga kostnader",
            "Summa kostnader",
            "Verksamhetens resultat"
        ],
        "{json}"
    );
}

/// A price table under one header naming six columns, each ending in its year, its rows
/// written both ways: one cell per line, flat on the label's line, the first figure on
/// the label's line (or three figures on one line) and the rest one per line, lines of
/// spaces between. Read as one table in page order, a group heading among the rows, every
/// Enhedspris = Takst + Tilskud holding.
#[test]
fn rows_written_flat_and_one_cell_per_line_are_one_table() {
    let path = fixture("takster-blandet.txt");
    let (columns, rows) = only_table(&path);
    assert_eq!(
        columns,
        [
            "Takst 2024",
            "Tilskud 2024",
            "Enhedspris 2024",
            "Takst 2023",
            "Tilskud 2023",
            "Enhedspris 2023"
        ]
    );
    let labels: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        labels,
        [
            "SFO, morgen",
            "SFO, eftermiddag",
            "SFO, hel dag",
            "Fritidsklub )",
            "Klub, 4.-6. klasse",
            "Klub, 7. klasse og op",
            "Ungdomsklub"
        ]
    );
    assert_eq!(
        rows[5],
        [
            "Klub, 7. klasse og op",
            "1.845",
            "2.535",
            "4.380",
            "1.820",
            "2.460",
            "4.280"
        ]
    );
    let json = common::lint_json(&path);
    common::assert_stat(&json, "tables", 1);
    common::assert_all_hold(&json, 12);
}

/// The same with Enhedspris 2023 of "Klub, 7. klasse og op" written 4.820 for 4.280: the
/// one contradiction is found, on the row's label line.
#[test]
fn a_misprinted_sum_cell_in_a_mixed_table_is_found() {
    let json = common::lint_json(&fixture("takster-blandet-fel.txt"));
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "REL002",
            "Klub, 7. klasse og op",
            "Enhedspris 2023",
            "4.28",
            "4.82"
        )]
    );
    assert_eq!(json["findings"][0]["line"], 52);
}

/// Two misprints in the 2023 column (4 of 6 rows hold, too few for the rows alone to
/// confirm the relation): found, as the same relation between the columns of the same
/// names for 2024 holds on every row. Where 2024's column also fails twice, nothing
/// confirms the relation and nothing is claimed.
#[test]
fn a_relation_confirmed_by_the_other_years_columns_finds_two_misprints() {
    let json = common::lint_json(&fixture("takster-blandet-to-fel.txt"));
    let claims = common::claims(&json);
    assert_eq!(
        claims,
        [
            common::claim(
                "REL002",
                "Klub, 4.-6. klasse",
                "Enhedspris 2023",
                "4.98",
                "4.89"
            ),
            common::claim(
                "REL002",
                "Klub, 7. klasse og op",
                "Enhedspris 2023",
                "4.28",
                "4.82"
            )
        ]
    );
    assert!(common::first_message(&json, "REL002")
        .ends_with("and \"Enhedspris 2024\" is Takst 2024 + Tilskud 2024 on every row"));
    let json = common::lint_json(&fixture("takster-blandet-to-aar-fel.txt"));
    assert!(
        common::claims(&json).is_empty(),
        "{:?}",
        common::claims(&json)
    );
}

/// The same table with one figure left out of "Klub, 4.-6. klasse" (five figures under
/// six columns): the rows before it are the table; it and the rows after it are rows
/// not read (TAB003 information), each noted once, and nothing is claimed.
#[test]
fn a_mixed_row_whose_figures_do_not_fit_stays_a_note() {
    let path = fixture("takster-blandet-oklar.txt");
    let (_, rows) = only_table(&path);
    assert_eq!(rows.len(), 3, "{rows:?}");
    let json = common::lint_json(&path);
    assert!(common::claims(&json).is_empty(), "{json}");
    let unread = common::rule_fields(&json, "TAB003", &["severity", "row"]);
    assert_eq!(
        unread,
        [
            ["info", "Klub, 4.-6. klasse"],
            ["info", "Klub, 7. klasse og op"],
            ["info", "Ungdomsklub"]
        ]
    );
}

/// A price table whose header cells were printed glued ("Förbrukning MWhPris per
/// årGrundavgiftEnergiavgift", the unit "MWh" kept whole), its figures one per line: the
/// header parts into the four names the figures confirm (16 figures, four rows of four,
/// the quantities rising), each row's quantity its label, never added to the kronor
/// columns; Pris per år = Grundavgift + Energiavgift holds on every row.
#[test]
fn a_glued_header_confirmed_by_its_rows_is_one_table() {
    let path = fixture("glued-header-priser.txt");
    let (columns, rows) = only_table(&path);
    assert_eq!(columns, ["Pris per år", "Grundavgift", "Energiavgift"]);
    assert_eq!(
        rows,
        [
            ["100", "12 662", "4 125", "8 537"],
            ["200", "21 199", "4 125", "17 074"],
            ["300", "29 736", "4 125", "25 611"],
            ["400", "38 273", "4 125", "34 148"],
        ]
    );
    assert!(common::tables_text(&path).contains("Förbrukning MWh | Pris per år"));
    let json = common::lint_json(&path);
    assert!(common::claims(&json).is_empty(), "{json}");
    common::assert_all_hold(&json, 4);
}

/// The same table with the 300 MWh row's Pris per år written 29 763 for 29 736: the one
/// contradiction is found on that row (25 611 where 29 763 − 4 125 = 25 638).
#[test]
fn a_wrong_figure_under_a_glued_header_is_found() {
    let json = common::lint_json(&fixture("glued-header-priser-fel.txt"));
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "REL002",
            "300",
            "Energiavgift",
            "25638",
            "25611"
        )]
    );
}

/// The glued header over 15 figures (one row lacks its Grundavgift): no count of the
/// header's names groups them into rows, so no table is read under those names and
/// nothing is claimed.
#[test]
fn a_glued_header_its_rows_do_not_confirm_is_not_read() {
    let path = fixture("glued-header-oklar.txt");
    let text = common::tables_text(&path);
    assert!(!text.contains("Grundavgift |"), "{text}");
    let json = common::lint_json(&path);
    assert!(common::claims(&json).is_empty(), "{json}");
}

/// A glued header with a space at one of its parts ("Effekt (kW) Pris per år"): the 20
/// figures group as four rows of five (the quantities rising), not as five rows of four
/// (5 000, 6 217, 17 859, 7 750, 13: no quantity), so the header parts at every place,
/// the unit in "(kW)" kept whole; Pris per år = Fast del + Rörlig del holds on every row.
#[test]
fn a_glued_header_with_a_spaced_part_is_read_as_its_rows_confirm() {
    let path = fixture("glued-header-mellanslag.txt");
    let (columns, rows) = only_table(&path);
    assert_eq!(
        columns,
        ["Effekt (kW)", "Pris per år", "Fast del", "Rörlig del"]
    );
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert_eq!(rows[3], ["20 000", "13", "34 943", "10 075", "24 868"]);
    let json = common::lint_json(&path);
    assert!(common::claims(&json).is_empty(), "{json}");
    common::assert_all_hold(&json, 4);
}

/// A glued header whose spaced part both counts fit (20 figures rising throughout: four
/// rows of five and five rows of four both start each row higher): which columns the
/// figures stand in is not decided, so no table is read under the header's names.
#[test]
fn a_glued_header_two_counts_fit_is_not_read() {
    let path = fixture("glued-header-tva-delningar.txt");
    let text = common::tables_text(&path);
    assert!(!text.contains("Per resa |"), "{text}");
    assert!(!text.contains("Tillägg |"), "{text}");
    let json = common::lint_json(&path);
    assert!(common::claims(&json).is_empty(), "{json}");
}

/// A comparison written one cell per line under one short header line per column
/// ("Kommun", "Ny taxa 2025", "Gamla taxan", "Skillnad 2025"), its amounts with their
/// currency ("5 210 kr/år") and the difference in words ("270 kr lägre", "265 kr mer"):
/// read as a table with those columns, the words giving the difference its sign, so
/// Skillnad = Ny − Gamla is checked on every row; a misprinted difference is reported.
#[test]
fn a_comparison_in_words_one_cell_per_line_is_read_and_checked() {
    let (columns, rows) = only_table(&fixture("comparison-in-words.txt"));
    assert_eq!(
        columns,
        ["Ny taxa 2025", "Gamla taxan", "Skillnad 2025"],
        "{rows:?}"
    );
    assert_eq!(rows.len(), 4, "{rows:?}");
    let json = common::lint_json(&fixture("comparison-in-words.txt"));
    assert!(common::claims(&json).is_empty(), "{json}");
    assert_eq!(json["stats"]["relations_failed"], 0, "{json}");
    let json = common::lint_json(&fixture("comparison-in-words-misprint.txt"));
    assert_eq!(
        common::claims(&json),
        [common::claim(
            "REL001",
            "Östby",
            "Skillnad 2025",
            "-427",
            "-472"
        )],
        "{json}"
    );
}

/// A one-column list written one cell per line whose label is wrapped over two lines
/// ("Tekniska nämnden" / "(inkl måltidsservice)" / "95,3"): the wrapped label is one row,
/// so the table keeps the rows above it and its Summa closes all of them (it holds),
/// rather than starting at the wrap and failing.
#[test]
fn a_label_wrapped_over_two_lines_keeps_the_one_column_table_whole() {
    let path = fixture("budgetramar-radbruten-etikett.txt");
    let (_, rows) = only_table(&path);
    let labels: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        labels,
        [
            "Kommunstyrelsen",
            "Utbildningsnämnden",
            "Tekniska nämnden (inkl måltidsservice)",
            "Revisionen",
            "Summa:"
        ]
    );
    let json = common::lint_json(&path);
    assert!(
        common::claims(&json).is_empty(),
        "{:?}",
        common::claims(&json)
    );
    assert_eq!(json["stats"]["relations_checked"], 1, "{json}");
}
