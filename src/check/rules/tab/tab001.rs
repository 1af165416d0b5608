//! TAB001: a table row whose digit groups allow more than one reading.

use crate::check::every_reading;
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::{Sink, TableCx};

pub const RULE: Rule = Rule {
    code: RuleCode::TAB001,
    name: "ambiguous-row",
    family: Family::Tab,
    severity: Severity::Info,
    summary: "A table row could be read in more than one way and was not checked (not decided)",
    explanation: "Where one space is both the thousands separator and the column gap \
(\"Resultat 174 1 633 0 0 0\"), or a row has fewer figures than the table has columns and \
its empty cells are not marked (\"Avsättningar 233 67\" under four columns), a row's digit \
groups may split into columns in several ways. The table stage keeps the readings that fit \
the header and lets the table's own arithmetic choose; when two readings survive, it does \
not guess. The row as written is well formed — only the split into cells is not certain — \
so this is information, \"not decided\", not a warning: justera names the row, its readings \
and why they could not be told apart, leaves the relations through it unchecked (they are \
counted as not decided), and counts the table as not fully parsed in the run's coverage, \
so that silence about that table is never mistaken for a clean result. In a table that sets \
its cells apart by two spaces or more and writes single spaces only inside a figure, a short \
row's figures are made one way, and a row of any number of them, even one (\"Avgår reservering \
till RUR    -33 397\" under five years), is read in every placement with all of them listed: \
a relation through it that fails under each placement is then decided by its rule (SUM001, \
BAL003 …), one that holds under some placement stays not decided. Where single spaces make \
a row's digit groups into figures more than one way and the reader listed every split (fewer \
than its budget of readings, none dropped for the columns' widths), a relation between the \
row's own columns (REL001, REL002) that fails under every split is decided; the totals \
through the row are not checked, since which rows a total closes was found under one split. \
A row left tied is fixed from the table's own arithmetic in other places where one reading, \
scored with every reading of one other tied row beside it, makes the table's relations \
through it hold in two or more places more than any other reading, one of them in two \
columns or more: it is then read so, and no TAB001 is reported. A relation that fixed a \
split is never its finding (not decided where it fails), and any other finding through the \
row says how the row was split; a tie, or a lead of one relation in one column, stays not \
decided, and the message says so. \
A figure the record itself prints defective (cut short) is TAB003, a warning.",
    checks: &[Check::Table(check)],
};

/// How many of a row's readings a message lists.
const SHOWN_READINGS: usize = 4;

fn check(cx: &TableCx, sink: &mut Sink) {
    let (table_index, table) = (cx.index, cx.table);
    if table.ambiguities.is_empty() {
        return;
    }
    sink.stats.tables_unparsed += 1;
    let paragraph = sink.paragraph_of_table(table_index);
    for a in &table.ambiguities {
        // The first few readings, then how many more: a row of many digit groups splits
        // hundreds of ways, and a message listing them all is read by no one.
        let shown: Vec<String> = a
            .readings
            .iter()
            .take(SHOWN_READINGS)
            .map(|r| r.join(" | "))
            .collect();
        let more = a.readings.len().saturating_sub(SHOWN_READINGS);
        let readings = match more {
            0 => shown.join("  or  "),
            n => format!(
                "{}  or {n} other way{}",
                shown.join("  or  "),
                if n == 1 { "" } else { "s" }
            ),
        };
        let label = table.rows.get(a.row).map(|r| r.label.trim().to_string());
        let row = label
            .as_deref()
            .filter(|l| !l.is_empty())
            .map_or_else(|| "a row".to_string(), |l| format!("row \"{l}\""));
        let f = sink.report(
            &RULE,
            RULE.severity,
            format!(
                "not decided: {row} can be read as {readings}: {}{}; {}",
                why_ambiguous(&a.readings, table.columns.len()),
                a.unfixed
                    .as_deref()
                    .map(|why| format!("; {why}"))
                    .unwrap_or_default(),
                if a.complete && every_reading::same_figures(&a.readings) {
                    // Every reading is listed: a total failing under all of them is certain.
                    "a relation through it is reported only where it fails under every reading"
                } else if a.complete {
                    // Every split of its digit groups is listed: a relation between its own
                    // columns failing under each is certain; which rows a total closes was
                    // found under one split, so the totals through it are not checked.
                    "a relation between its columns is reported only where it fails under every \
                     reading, and the totals through it are not checked"
                } else {
                    "the relations through it are not checked"
                }
            ),
            a.provenance.clone(),
        );
        f.table = Some(table_index);
        f.paragraph = paragraph;
        f.row = label.filter(|l| !l.is_empty());
    }
}

/// Why the readings of a row could not be told apart: the same figures in other columns
/// (empty cells not marked), or the same digits grouped into other figures (one space as
/// both thousands separator and column gap), or both.
fn why_ambiguous(readings: &[Vec<String>], columns: usize) -> String {
    let figures = |r: &Vec<String>| -> Vec<String> {
        r.iter()
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect()
    };
    let first = readings.first().map(figures).unwrap_or_default();
    let same_figures = readings.iter().all(|r| figures(r) == first);
    let fewer = readings
        .iter()
        .any(|r| figures(r).len() < columns.max(r.len()));
    let empties = "fewer figures than the table's columns and the empty cells not marked \
(no \"–\" or \"0\"), so which columns the figures stand in is not written";
    let grouping = "one space is both the thousands separator and the column gap, so the \
digit groups make figures more than one way and the table's arithmetic does not tell which";
    if same_figures {
        empties.to_string()
    } else if fewer {
        format!("{grouping}; and {empties}")
    } else {
        grouping.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::why_ambiguous;

    fn r(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn the_reason_names_what_makes_the_row_ambiguous() {
        let empties = why_ambiguous(&[r(&["", "233", "67"]), r(&["233", "", "67"])], 3);
        assert!(empties.starts_with("fewer figures"), "{empties}");
        let grouping = why_ambiguous(&[r(&["1 200", "300", "4"]), r(&["1", "200 300", "4"])], 3);
        assert!(grouping.starts_with("one space"), "{grouping}");
        assert!(!grouping.contains("fewer"), "{grouping}");
        let both = why_ambiguous(&[r(&["2", "", "– 1", "2"]), r(&["2", "– 1", "", "2"])], 4);
        assert!(both.starts_with("fewer"), "{both}");
        let mixed = why_ambiguous(&[r(&["", "1 200", "300"]), r(&["1", "200 300", ""])], 3);
        assert!(
            mixed.contains("one space") && mixed.contains("fewer"),
            "{mixed}"
        );
    }
}
