//! TAB003: a cell or row with figures that could not be read.

use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::{Sink, TableCx};

pub const RULE: Rule = Rule {
    code: RuleCode::TAB003,
    name: "figure-not-read",
    family: Family::Tab,
    severity: Severity::Warning,
    summary: "A table cell or row holds figures that could not be read",
    explanation: "A cell made of digit groups that form no figure (\"-7 73\": a group cut \
short at the column edge, or two figures run together), a figure whose point may be a \
decimal or a footnote mark (\"2025.2\" among whole numbers: 2025,2 or 2025 with note 2; \
reported as information, \"not decided\"), or a row whose figures do not fit the table's columns is not guessed at: justera reports \
it, leaves the relations through it unchecked, and counts the table as not fully parsed, \
so that a figure it could not read never passes in silence. Compare the cell with the \
record (a printed figure cut off is a defect of the record).",
    checks: &[Check::Table(check)],
};

fn check(cx: &TableCx, sink: &mut Sink) {
    let (table_index, table) = (cx.index, cx.table);
    let view = &cx.view;
    let mut any = false;
    let paragraph = sink.paragraph_of_table(table_index);
    for (r, row) in table.rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            let Some(reason) = &cell.unread else {
                continue;
            };
            // Only where the column holds figures: a column of postcodes or phone
            // numbers is text.
            if !view.numeric(c) {
                continue;
            }
            any = true;
            let header = view.header(c);
            let under = if header.is_empty() {
                format!("in column {}", c + 1)
            } else {
                format!("under \"{header}\"")
            };
            let label = view.label(r);
            // A reading the figures around it cannot settle ("2025.2") is not decided:
            // information, not a warning; a figure cut short is a defect to look at.
            // Two figures run together ("489.82 489.82": a decimal mark before the last
            // group) is the reader's loss, not a sign of a defect in the record: reported,
            // counted as not read, but as information.
            let severity = if reason.starts_with("not decided") || holds_two_figures(&cell.raw) {
                Severity::Info
            } else {
                RULE.severity
            };
            let f = sink.report(
                &RULE,
                severity,
                match reason.strip_prefix("not decided: ") {
                    Some(why) => format!(
                        "not decided: cell \"{}\" {under}: {why}; the relations through it are not checked",
                        cell.raw.trim()
                    ),
                    None => format!(
                        "cell \"{}\" {under} not read: {reason}; the relations through it are not checked",
                        cell.raw.trim()
                    ),
                },
                row.provenance.clone(),
            );
            f.table = Some(table_index);
            f.paragraph = paragraph;
            f.row = Some(label).filter(|l| !l.is_empty());
            f.column = Some(header).filter(|h| !h.is_empty());
            f.figure = Some(cell.raw.trim().to_string());
        }
    }
    for u in &table.unread_rows {
        any = true;
        let f = sink.report(
            &RULE,
            RULE.severity,
            format!(
                "row \"{}\" not read: {}; its figures are not checked",
                u.text.trim(),
                u.reason
            ),
            u.provenance.clone(),
        );
        f.table = Some(table_index);
        f.paragraph = paragraph;
        f.row = Some(u.label.clone()).filter(|l| !l.is_empty());
    }
    // TAB001 counts a table with ambiguous rows already.
    if any && table.ambiguities.is_empty() {
        sink.stats.tables_unparsed += 1;
    }
}

/// Whether a cell's text is more than one figure: a decimal mark in a digit group before
/// its last one cannot belong to one figure ("17 768.4 87 820.6"), while "-7 73" may be
/// one figure cut short.
fn holds_two_figures(raw: &str) -> bool {
    let groups: Vec<&str> = raw.split_whitespace().collect();
    groups.len() > 1
        && groups[..groups.len() - 1]
            .iter()
            .any(|g| g.contains(['.', ',']) && g.chars().any(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::holds_two_figures;

    #[test]
    fn run_together_figures_are_told_from_a_cut_figure() {
        for two in [
            "489.82 489.82",
            "17 768.4 87 820.6",
            "0.970 6",
            "-80,6 -80,7",
        ] {
            assert!(holds_two_figures(two), "{two}");
        }
        for one in ["-7 73", "1 234", "1 234,5", "12 3"] {
            assert!(!holds_two_figures(one), "{one}");
        }
    }
}
