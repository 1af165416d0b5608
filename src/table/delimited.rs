//! Tables written with tabs or markdown pipes (the markdown-like seeds): one line is one
//! row, cells are cut at the delimiter, `<b>`/`**` mark bold cells.

use super::grid::{build_table, is_toc, split_stacked, GridContext, GridRow};
use super::{Table, TableSource};
use crate::grammar::vocab::Vocabulary;
use crate::layout::Line;
use std::collections::HashSet;
use std::sync::Arc;

/// One cell of a delimited line: its text, trimmed, and its byte range in the line.
type Piece = (String, (usize, usize));

/// `text` (which starts at byte `at` of its line) cut at `delimiter`, each piece trimmed,
/// with its byte range in the line.
fn pieces(text: &str, at: usize, delimiter: char) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut from = at;
    for c in text.split(delimiter) {
        let start = from + (c.len() - c.trim_start().len());
        out.push((c.trim().to_string(), (start, start + c.trim().len())));
        from += c.len() + delimiter.len_utf8();
    }
    out
}

/// `| a | b |` → ["a", "b"]; `|---|:--|` separator rows give `None`.
fn pipe_cells(text: &str) -> Option<Vec<Piece>> {
    let t = text.trim();
    if !(t.starts_with('|') && t.ends_with('|') && t.len() >= 2) {
        return None;
    }
    let inner = &t[1..t.len() - 1];
    let lead = text.len() - text.trim_start().len();
    let cells = pieces(inner, lead + 1, '|');
    let separator = cells
        .iter()
        .all(|(c, _)| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')));
    if separator {
        return Some(Vec::new());
    }
    Some(cells)
}

/// The cells of a delimited line with their byte ranges, or `None` when the line is not
/// one.
fn delimited_cells(text: &str) -> Option<Vec<Piece>> {
    if let Some(cells) = pipe_cells(text) {
        return Some(cells);
    }
    if text.contains('\t') {
        return Some(pieces(text, 0, '\t'));
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
                let text = &lines[i].text;
                rows.push(GridRow {
                    spans: cells
                        .iter()
                        .map(|(_, (s, e))| crate::LineSpan::in_line(text, *s, *e))
                        .collect(),
                    cells: cells.into_iter().map(|(c, _)| c).collect(),
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
            pipe_cells(" | a | 1 278 |"),
            Some(vec![
                ("a".to_string(), (3, 4)),
                ("1 278".to_string(), (7, 12))
            ])
        );
        assert_eq!(pipe_cells("|---|:--:|"), Some(Vec::new()));
        assert_eq!(pipe_cells("no pipes"), None);
    }

    #[test]
    fn tab_cells_keep_their_place_in_the_line() {
        let line = "Summa\t 300 \t300";
        let cells = delimited_cells(line).unwrap_or_default();
        let places: Vec<&str> = cells.iter().map(|(_, (s, e))| &line[*s..*e]).collect();
        assert_eq!(places, ["Summa", "300", "300"]);
        assert_eq!(cells[2].1, (12, 15));
    }
}
