//! Tables written with tabs or markdown pipes (the markdown-like seeds): one line is one
//! row, cells are cut at the delimiter, `<b>`/`**` mark bold cells.

use super::grid::{build_table, is_toc, split_stacked, GridContext, GridRow};
use super::{Table, TableSource};
use crate::grammar::vocab::Vocabulary;
use crate::layout::Line;
use std::collections::HashSet;
use std::sync::Arc;

/// `| a | b |` → ["a", "b"]; `|---|:--|` separator rows give `None`.
fn pipe_cells(text: &str) -> Option<Vec<String>> {
    let t = text.trim();
    if !(t.starts_with('|') && t.ends_with('|') && t.len() >= 2) {
        return None;
    }
    let inner = &t[1..t.len() - 1];
    let cells: Vec<String> = inner.split('|').map(|c| c.trim().to_string()).collect();
    let separator = cells
        .iter()
        .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')));
    if separator {
        return Some(Vec::new());
    }
    Some(cells)
}

/// The cells of a delimited line, or `None` when the line is not one.
fn delimited_cells(text: &str) -> Option<Vec<String>> {
    if let Some(cells) = pipe_cells(text) {
        return Some(cells);
    }
    if text.contains('\t') {
        return Some(text.split('\t').map(|c| c.trim().to_string()).collect());
    }
    None
}

/// Every delimited table on one page, and the line numbers they took.
pub(crate) fn extract_page(
    file: &Arc<str>,
    page: u32,
    lines: &[&Line],
    vocab: &Vocabulary,
) -> (Vec<Table>, HashSet<u32>) {
    let mut tables = Vec::new();
    let mut used = HashSet::new();
    let mut i = 0;
    while i < lines.len() {
        if delimited_cells(&lines[i].text).is_none() {
            i += 1;
            continue;
        }
        let start = i;
        let mut rows = Vec::new();
        while i < lines.len() {
            let Some(cells) = delimited_cells(&lines[i].text) else {
                break;
            };
            if !cells.is_empty() {
                rows.push(GridRow {
                    cells,
                    line: lines[i].number,
                });
            }
            i += 1;
        }
        // Delimited lines are never read as flat text, tables or not.
        for l in &lines[start..i] {
            used.insert(l.number);
        }
        if rows.len() < 2 || is_toc(&rows) {
            continue;
        }
        let above: Vec<&str> = lines[..start]
            .iter()
            .rev()
            .take(8)
            .map(|l| l.text.as_str())
            .collect();
        for part in split_stacked(rows, vocab) {
            let first = part.first().map_or(0, |r| r.line);
            // A table split off a block has the previous table's rows above it: its
            // title is its own first row or its label header, never a line above.
            let first_in_block = first == lines[start].number;
            let ctx = GridContext {
                file,
                page,
                above: if first_in_block {
                    above.clone()
                } else {
                    Vec::new()
                },
                source: TableSource::Delimited,
                vocab,
            };
            tables.extend(build_table(part, &ctx));
        }
    }
    (tables, used)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipes() {
        assert_eq!(
            pipe_cells("| a | 1 278 |"),
            Some(vec!["a".to_string(), "1 278".to_string()])
        );
        assert_eq!(pipe_cells("|---|:--:|"), Some(Vec::new()));
        assert_eq!(pipe_cells("no pipes"), None);
    }
}
