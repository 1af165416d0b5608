//! The diagnostic's caret stands under the cell the finding is about: the table reader
//! keeps each cell's place in its line, so of two equal figures in a row the right one is
//! marked (a search for the figure's text would mark the first).

use crate::common::vocab;
use justera::ingest::IngestOptions;
use std::path::Path;

/// The SUM001 finding of `text` (one table, its "Summa" row wrong in the second column)
/// rendered against the line it points at.
fn rendered(name: &str, text: &str) -> String {
    let opts = IngestOptions {
        isolate: false,
        ..IngestOptions::default()
    };
    let file = justera::pipeline::process_bytes(Path::new(name), text.as_bytes(), &opts, vocab())
        .unwrap_or_else(|e| panic!("{name} reads: {e}"));
    let f = file
        .findings
        .iter()
        .find(|f| f.rule == "SUM001")
        .unwrap_or_else(|| panic!("{name}: a SUM001 finding in {:?}", file.findings));
    let line = text
        .lines()
        .nth(f.provenance.line as usize - 1)
        .unwrap_or_else(|| panic!("{name}: line {}", f.provenance.line));
    justera::report::diagnostic::render(f, Some(line))
}

/// The rendered source line and the caret line under it.
fn source_and_caret(out: &str) -> (String, String) {
    let lines: Vec<&str> = out.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains('^'))
        .unwrap_or_else(|| panic!("no caret in\n{out}"));
    (lines[at - 1].to_string(), lines[at].to_string())
}

#[test]
fn of_two_equal_figures_in_a_tab_separated_row_the_second_is_marked() {
    let text = "Kostnader (tkr)\tBudget 2024\tUtfall 2024\nLokaler\t100\t100\nPersonal\t200\t250\nSumma\t300\t300\n";
    let (source, caret) = source_and_caret(&rendered("same.txt", text));
    assert_eq!(source, "4 | Summa    300    300");
    assert_eq!(caret, "  |                 ^^^ expected 350, found 300");
}

#[test]
fn of_two_equal_figures_in_a_flat_row_the_second_is_marked() {
    let text = "Kostnader (tkr)  Budget 2024   Utfall 2024\nLokaler   100   100\nPersonal   200   250\nSumma   300   300\n";
    let (source, caret) = source_and_caret(&rendered("flat.txt", text));
    assert_eq!(source, "4 | Summa   300   300");
    assert_eq!(caret, "  |               ^^^ expected 350, found 300");
}
