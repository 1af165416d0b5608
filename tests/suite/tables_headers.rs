//! Column headers that web transcripts and flattened pages write in odd shapes, on
//! invented fixtures in `tests/fixtures/colheaders/` and `tests/fixtures/pipes/`: each named
//! where the split into names is certain, left unnamed (never guessed) where it is not.
//! One cell per line, each wrapped over as many lines; names glued to each other and to
//! the unit; names on one line after the label column's header; a pipe table's second
//! header row starting in the label column.

use crate::common;
use serde_json::Value;

fn fixture(dir: &str, name: &str) -> std::path::PathBuf {
    common::fixture_in(dir, name)
}

/// The column names of every table `justera tables --format json` finds in `path`.
fn columns(path: &std::path::Path) -> Vec<Vec<String>> {
    let json: Value = serde_json::from_str(&common::tables_json(path)).expect("tables json");
    json["tables"]
        .as_array()
        .expect("tables array")
        .iter()
        .map(|t| {
            t["columns"]
                .as_array()
                .expect("columns array")
                .iter()
                .map(|c| c.as_str().unwrap_or_default().to_string())
                .collect()
        })
        .collect()
}

fn titles(path: &std::path::Path) -> Vec<String> {
    let json: Value = serde_json::from_str(&common::tables_json(path)).expect("tables json");
    json["tables"]
        .as_array()
        .expect("tables array")
        .iter()
        .map(|t| t["title"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The label column's header of the first table, as `justera tables` prints it (the
/// first cell of the grid's header line).
fn label_header(path: &std::path::Path) -> String {
    let text = common::tables_text(path);
    let header = text.lines().nth(1).expect("a header line");
    header
        .split('|')
        .next()
        .unwrap_or_default()
        .trim()
        .to_string()
}

fn unnamed(cols: &[String], n: usize) -> bool {
    cols.len() == n && cols.iter().all(String::is_empty)
}

/// Ten header lines over five columns, each name wrapped over two lines (a second line
/// in lower case or a year): joined per column, and the line above is the title.
#[test]
fn headers_one_cell_per_line_wrapped_evenly_name_their_columns() {
    let path = fixture("colheaders", "wrapped-cells.txt");
    assert_eq!(
        columns(&path),
        [[
            "Utfall mars 2024",
            "Förändring mot mars 2023",
            "Utfall jan–mars 2024",
            "Ram enligt KF 2024"
        ]]
    );
    assert_eq!(titles(&path), ["Driftsaldo, miljoner kronor"]);
    insta::assert_snapshot!("headers_wrapped_cells", common::tables_text(&path));
}

/// One line more than whole groups: which lines make a name is not certain.
#[test]
fn headers_one_cell_per_line_wrapped_unevenly_stay_unnamed() {
    let path = fixture("colheaders", "wrapped-cells-uncertain.txt");
    let cols = columns(&path);
    assert_eq!(cols.len(), 1, "{cols:?}");
    assert!(unnamed(&cols[0], 4), "{cols:?}");
}

/// "1 000 euroKoncernen 2023Koncernen 2022Staden 2023Staden 2022": cut where a year or
/// a small letter meets a capital, the unit first.
#[test]
fn names_glued_after_their_years_are_cut_apart() {
    let path = fixture("colheaders", "glued-periods.txt");
    assert_eq!(
        columns(&path),
        [[
            "Koncernen 2023",
            "Koncernen 2022",
            "Staden 2023",
            "Staden 2022"
        ]]
    );
    insta::assert_snapshot!("headers_glued_periods", common::tables_text(&path));
}

/// Five names glued over four columns: none is set.
#[test]
fn glued_names_that_do_not_count_the_columns_stay_unset() {
    let path = fixture("colheaders", "glued-periods-uncertain.txt");
    let cols = columns(&path);
    assert_eq!(cols.len(), 1, "{cols:?}");
    assert!(cols[0].iter().all(|c| !c.contains("Koncernen")), "{cols:?}");
}

/// "Ekonomisk översikt drift Beslutad budget 2024 Ursprunglig budget 2023 Bokslut
/// 2022": each name a capitalised word, small words and a year.
#[test]
fn names_each_ending_in_a_year_on_the_label_headers_line() {
    let path = fixture("colheaders", "period-ended.txt");
    assert_eq!(
        columns(&path),
        [[
            "Beslutad budget 2024",
            "Ursprunglig budget 2023",
            "Bokslut 2022"
        ]]
    );
    insta::assert_snapshot!("headers_period_ended", common::tables_text(&path));
}

/// "… drift Beslutad Budget 2024 …": a capitalised word before the first name's, so
/// where the first name starts is not certain.
#[test]
fn names_ending_in_years_of_another_shape_stay_unset() {
    let path = fixture("colheaders", "period-ended-uncertain.txt");
    let cols = columns(&path);
    assert_eq!(cols.len(), 1, "{cols:?}");
    assert!(unnamed(&cols[0], 3), "{cols:?}");
}

/// "Parti | Röster | Mandat" over "Antal | % | Förändring | Antal | Förändring": the
/// second row names the five figure columns, "Antal" opens each group.
#[test]
fn a_second_pipe_header_row_under_the_label_columns_name_is_moved_right() {
    let path = fixture("pipes", "tva-rubrikrader.txt");
    assert_eq!(
        columns(&path),
        [[
            "Röster Antal",
            "Röster %",
            "Röster Förändring",
            "Mandat Antal",
            "Mandat Förändring"
        ]]
    );
    let json = common::lint_json(&path);
    assert_eq!(common::claims(&json), [], "{json:#}");
    insta::assert_snapshot!("headers_pipes_two_rows", common::tables_text(&path));
}

/// No sub-column name comes back: the second row is moved right, the names above it
/// (whose spans are not written) are dropped, the label column keeps its name and the
/// line above is the title.
#[test]
fn names_above_a_moved_row_whose_groups_are_not_certain_are_dropped() {
    let path = fixture("pipes", "tva-rubrikrader-oklara.txt");
    assert_eq!(
        columns(&path),
        [["Antal", "%", "Förändring", "Platser", "Förändring"]]
    );
    assert_eq!(titles(&path), ["Valresultat"]);
    assert_eq!(label_header(&path), "Parti");
}

/// "Mnkr" under "Nämnd": a unit over the label column, not moved.
#[test]
fn a_unit_under_the_label_columns_name_stays_in_place() {
    let path = fixture("pipes", "enhet-under-rubrik.txt");
    assert_eq!(label_header(&path), "Nämnd Mnkr");
    assert_eq!(columns(&path), [["Budget 2023", ""]]);
}

/// "      kostnader      intäkter      netto      utfall-%": an indented line of names set
/// apart by two spaces or more, one per figure column, directly above the rows; the
/// netto column then states kostnader − intäkter (REL001).
#[test]
fn an_indented_line_of_spaced_names_names_the_columns() {
    let path = fixture("colheaders", "spaced-names.txt");
    assert_eq!(
        columns(&path),
        [["kostnader", "intäkter", "netto", "utfall-%"]]
    );
    assert_eq!(
        titles(&path),
        ["Nämndens utfall per verksamhet, första kvartalet"]
    );
    let lint = common::lint_json(&path);
    let errors: Vec<&str> = lint["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "REL001" && f["severity"] == "error")
        .filter_map(|f| f["message"].as_str())
        .collect();
    assert!(
        errors.iter().any(|m| m.contains("row \"Bibliotek\"")),
        "{errors:?}"
    );
    assert!(
        !errors.iter().any(|m| m.contains("row \"Fritid\"")),
        "{errors:?}"
    );
}

/// The line starts at the label column's place with a segment fewer than the columns:
/// it may name the label column or title the table, so the columns stay unnamed.
#[test]
fn spaced_names_not_indented_and_one_short_stay_unset() {
    let path = fixture("colheaders", "spaced-names-uncertain.txt");
    let cols = columns(&path);
    assert_eq!(cols.len(), 1, "{cols:?}");
    assert!(unnamed(&cols[0], 4), "{cols:?}");
}
