//! What a table's cells are, once the whole table is read: note references under a
//! "Not" header (never figures), and "2025.2" cells that are a decimal or a footnote
//! mark depending on the figures around them. Runs on every table, whatever its source.

use super::{Cell, Table};
use crate::grammar::number::{point_fraction_may_be_mark, Unit};
use crate::grammar::vocab::Vocabulary;

/// Applies both readings to a table just extracted.
pub(crate) fn settle(table: &mut Table, vocab: &Vocabulary) {
    mark_reference_columns(table, vocab);
    super::cell::decide_dotted_thousands(table);
    decide_point_fractions(table, vocab);
}

/// A note reference as written in a "Not" column: "1", "12", "1A", "2, 3, 17", "4,5",
/// "Not 2".
pub(crate) fn is_note_reference(raw: &str) -> bool {
    let t = raw.trim();
    let t = t
        .strip_prefix("Not ")
        .or_else(|| t.strip_prefix("not "))
        .unwrap_or(t);
    // One to six parts, each one or two digits and at most one letter ("12", "3a").
    let mut parts = 0;
    for p in t.split([',', ' ', ';']).filter(|p| !p.is_empty()) {
        let digits = p.chars().take_while(char::is_ascii_digit).count();
        let rest = &p[digits..];
        parts += 1;
        if parts > 6
            || !(1..=2).contains(&digits)
            || rest.chars().count() > 1
            || !rest.chars().all(|c| c.is_ascii_alphabetic())
        {
            return false;
        }
    }
    parts > 0
}

fn as_reference(cell: &mut Cell) {
    cell.value = None;
    cell.unit = Unit::None;
    cell.decimals = 0;
    cell.unread = None;
    cell.mark = None;
    cell.reference = true;
}

/// Columns headed "Not" (notes.vocab) whose filled cells are all note references.
fn mark_reference_columns(table: &mut Table, vocab: &Vocabulary) {
    for c in 0..table.columns.len() {
        if vocab.lookup("notes", table.columns[c].trim()).is_none() {
            continue;
        }
        let filled = || {
            table
                .rows
                .iter()
                .filter_map(|r| r.cells.get(c))
                .filter(|cell| !cell.empty && !cell.raw.trim().is_empty())
        };
        if filled().all(|cell| is_note_reference(&cell.raw)) {
            for row in &mut table.rows {
                if let Some(cell) = row.cells.get_mut(c) {
                    if !cell.empty && !cell.raw.trim().is_empty() {
                        as_reference(cell);
                    }
                }
            }
        }
    }
}

/// A figure written with a decimal point and more than one decimal ("17768.37",
/// "14.05"), or with ".0" (no footnote is numbered 0): the table writes decimals with a
/// point.
fn point_decimal(cell: &Cell) -> bool {
    let raw = cell.raw.trim();
    cell.value.is_some()
        && (cell.decimals >= 2 || cell.decimals == 1 && raw.ends_with(".0"))
        && cell
            .raw
            .trim()
            .trim_end_matches(|c: char| !c.is_ascii_digit())
            .rsplit_once('.')
            .is_some_and(|(_, f)| f.chars().all(|c| c.is_ascii_digit()))
}

/// "2025.2": a decimal when the table writes point decimals elsewhere or its column
/// is all such figures; otherwise (whole numbers or comma decimals around it) it may be
/// 2025 with footnote 2, and the cell is not decided.
fn decide_point_fractions(table: &mut Table, vocab: &Vocabulary) {
    let table_uses_points = table
        .rows
        .iter()
        .flat_map(|r| r.cells.iter())
        .any(point_decimal);
    if table_uses_points {
        return;
    }
    let ncols = table.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    for c in 0..ncols {
        let cells = || table.rows.iter().filter_map(|r| r.cells.get(c));
        let candidate =
            |cell: &Cell| cell.value.is_some() && point_fraction_may_be_mark(&cell.raw, vocab);
        let candidates = cells().filter(|cell| candidate(cell)).count();
        if candidates == 0 {
            continue;
        }
        let others = cells()
            .filter(|cell| cell.value.is_some() && !candidate(cell))
            .count();
        // Most of the column written so: a column of point decimals. And one other
        // figure ("Datum 20200107" over "Version 0.8") sets no convention of whole
        // numbers to stand out from.
        if candidates >= 2 && candidates > others || others < 2 {
            continue;
        }
        // A column of words ("Version 0.8" in a list of facts) has no figures to tell by.
        let text = cells()
            .filter(|cell| cell.value.is_none() && !cell.empty && !cell.raw.trim().is_empty())
            .count();
        if text >= candidates + others {
            continue;
        }
        for row in &mut table.rows {
            if let Some(cell) = row.cells.get_mut(c) {
                if cell.value.is_some() && point_fraction_may_be_mark(&cell.raw, vocab) {
                    let raw = cell.raw.trim().to_string();
                    let (int, note) = raw.rsplit_once('.').unwrap_or((&raw, ""));
                    cell.unread = Some(format!(
                        "not decided: \"{raw}\" is {int},{note} or {int} with footnote {note}"
                    ));
                    cell.value = None;
                    cell.unit = Unit::None;
                    cell.decimals = 0;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::{parse_cell, Row, RowKind, TableSource};
    use crate::Provenance;

    fn table(columns: &[&str], rows: &[&[&str]]) -> Table {
        let path: std::sync::Arc<str> = std::sync::Arc::from("t");
        Table {
            title: None,
            unit: Unit::None,
            columns: columns.iter().map(|c| c.to_string()).collect(),
            label_header: None,
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| Row {
                    label: format!("rad {i}"),
                    kind: RowKind::Data,
                    cells: r
                        .iter()
                        .map(|c| parse_cell(c, Vocabulary::builtin_shared()))
                        .collect(),
                    bold: false,
                    provenance: Provenance::new(&path, 1, i as u32 + 1),
                })
                .collect(),
            source: TableSource::Delimited,
            provenance: Provenance::new(&path, 1, 1),
            ambiguities: Vec::new(),
            realigned: Vec::new(),
            unread_rows: Vec::new(),
            fixed: Vec::new(),
        }
    }

    #[test]
    fn note_column_holds_references() {
        let mut t = table(
            &["Not", "2019", "2018"],
            &[
                &["1", "10 932", "11 397"],
                &["2, 3, 17", "-39 658", "-41 140"],
                &["4,5", "-1 490", "-1 639"],
                &["", "5", "6"],
            ],
        );
        settle(&mut t, Vocabulary::builtin_shared());
        assert!(t
            .rows
            .iter()
            .take(3)
            .all(|r| r.cells[0].reference && r.cells[0].value.is_none()));
        assert!(t.rows[3].cells[0].empty);
        assert_eq!(t.rows[1].cells[1].value, Some((-39658).into()));
        assert!(!t.rows[0].cells[1].reference);
    }

    #[test]
    fn a_not_column_of_figures_is_left_alone() {
        // A "Not" header over figures that are no references (an odd header word).
        let mut t = table(&["Not", "2019"], &[&["10 932", "1"], &["-39 658", "2"]]);
        settle(&mut t, Vocabulary::builtin_shared());
        assert_eq!(t.rows[0].cells[0].value, Some(10932.into()));
        assert!(!t.rows[0].cells[0].reference);
    }

    #[test]
    fn references() {
        for r in ["1", "12", "1A", "2, 3, 17", "4,5", "Not 2", "3, 7"] {
            assert!(is_note_reference(r), "{r:?}");
        }
        for r in ["123", "1 234", "-1", "abc", "", "2,5 %"] {
            assert!(!is_note_reference(r), "{r:?}");
        }
    }

    #[test]
    fn point_and_digit_among_whole_numbers_is_not_decided() {
        let mut t = table(&["Utfall"], &[&["2025.2"], &["1 234"], &["3 259"]]);
        settle(&mut t, Vocabulary::builtin_shared());
        let c = &t.rows[0].cells[0];
        assert_eq!(c.value, None);
        assert!(
            c.unread
                .as_deref()
                .is_some_and(|u| u.contains("footnote 2")),
            "{c:?}"
        );
        assert_eq!(t.rows[1].cells[0].value, Some(1234.into()));
    }

    #[test]
    fn a_column_of_words_is_left_alone() {
        let mut t = table(
            &[""],
            &[
                &["Dalarnas kommuner"],
                &["20200107"],
                &["0.8"],
                &["Styrgruppen"],
            ],
        );
        settle(&mut t, Vocabulary::builtin_shared());
        assert!(t.rows[2].cells[0].value.is_some());
    }

    #[test]
    fn point_decimals_in_the_table_decide_it() {
        let mut t = table(&["A", "B"], &[&["2025.2", "17768.37"], &["1 234", "1.50"]]);
        settle(&mut t, Vocabulary::builtin_shared());
        assert_eq!(
            t.rows[0].cells[0].value,
            Some(rust_decimal::Decimal::new(20252, 1))
        );
        // A column of point-and-digit figures is a column of decimals.
        let mut t = table(&["A"], &[&["2341.6"], &["1032.8"], &["9046.8"], &["-9"]]);
        settle(&mut t, Vocabulary::builtin_shared());
        assert!(t.rows.iter().all(|r| r.cells[0].value.is_some()));
        // ".0" is no footnote: the table writes point decimals.
        let mut t = table(
            &["A", "B"],
            &[&["192", "258.0"], &["197", "12"], &["256.8", "14"]],
        );
        settle(&mut t, Vocabulary::builtin_shared());
        assert!(t.rows[2].cells[0].value.is_some());
    }
}
