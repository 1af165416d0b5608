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
    explanation: "A cell made of digit groups that form no figure is not guessed at. When \
the groups have the shape of one figure cut short (\"-7 73\": a group cut at the column \
edge) the record itself is defective: a warning; compare the cell with the record. When \
they are figures run together (\"17 768.4 87 820.6\", \"12 3456\": the reader took \
neighbouring cells as one), a figure whose point may be a decimal or a footnote mark \
(\"2025.2\" among whole numbers: 2025,2 or 2025 with note 2), a row of plain text whose \
figures fit none of the table's column counts (\"Investering i immateriella \
anläggningstillgångar -2 -2\" under five columns: the empty cells not marked), or rows of \
more figures than the widest table justera reads (24 columns: a long series of years), the \
record is well formed and only the reading is uncertain: information, \"not decided\". Either \
way justera reports it, leaves the relations through it unchecked, and counts the table as \
not fully parsed, so that a figure it could not read never passes in silence.",
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
            // information, not a warning; a figure cut short is a defect of the record to
            // look at. Figures run together ("489.82 489.82", "12 3456": not the shape of
            // one figure cut short) are the reader's loss, not a defect of the record:
            // reported, counted as not read, but as information.
            let run_together = holds_two_figures(&cell.raw);
            let severity = if reason.starts_with("not decided") || run_together {
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
                    None if run_together => format!(
                        "not decided: cell \"{}\" {under} holds figures run together (the reader took neighbouring figures as one cell; not the shape of one figure cut short); the relations through it are not checked",
                        cell.raw.trim()
                    ),
                    None => format!(
                        "cell \"{}\" {under} not read: {reason}; the relations through it are not checked",
                        cell.raw.trim()
                    ),
                },
                row.provenance.clone().with_span(cell.span),
            );
            f.table = Some(table_index);
            f.paragraph = paragraph;
            f.row = Some(label).filter(|l| !l.is_empty());
            f.column = Some(header).filter(|h| !h.is_empty());
            f.figure = Some(cell.raw.trim().to_string());
        }
    }
    // A row whose figures fit none of the table's column counts is written well (each
    // group a figure); only where its figures stand is not certain to the reader: not
    // decided, information, still counted as a table not fully parsed.
    for u in &table.unread_rows {
        any = true;
        let f = sink.report(
            &RULE,
            Severity::Info,
            format!(
                "not decided: row \"{}\" not read: {}; its figures are not checked",
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

/// Whether a cell's text is more than one figure rather than one figure cut short. A
/// figure cut at the column edge keeps its grouping up to the cut: a first group of one to
/// three digits, groups of three, and a last group of one or two digits ("-7 73",
/// "1 234 5"). Anything else made of digit groups is figures run together: a decimal
/// mark in a group before the last ("17 768.4 87 820.6") or a group of four digits or more
/// after the first ("12 3456") cannot belong to one figure written with space-grouped
/// thousands.
fn holds_two_figures(raw: &str) -> bool {
    let t = raw.trim();
    let t = t
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or(t);
    let groups: Vec<&str> = t
        .split_whitespace()
        .filter(|g| g.chars().any(|c| c.is_ascii_digit()))
        .collect();
    if groups.len() < 2 {
        return false;
    }
    let is_sign = |c: char| matches!(c, '-' | '−' | '‐' | '‑' | '‒' | '–' | '+');
    let digits = |g: &str| -> Option<usize> {
        let g = g.trim_start_matches(is_sign);
        g.chars()
            .all(|c| c.is_ascii_digit())
            .then(|| g.chars().count())
    };
    let last = groups.len() - 1;
    let cut_shape = groups.iter().enumerate().all(|(i, g)| match digits(g) {
        None => false,
        Some(n) if i == 0 => (1..=3).contains(&n),
        Some(n) if i == last => (1..=2).contains(&n),
        Some(n) => n == 3,
    });
    !cut_shape
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
        for two in ["12 3456", "1234 56", "(1 2345)"] {
            assert!(holds_two_figures(two), "{two}");
        }
        for one in [
            "-7 73",
            "12 3",
            "1 234 5",
            "− 7 73",
            "(7 73)",
            "1\u{2009}23",
        ] {
            assert!(!holds_two_figures(one), "{one}");
        }
    }
}
