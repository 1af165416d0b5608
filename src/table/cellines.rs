//! Tables written one cell per line (a web page's table copied as text, Luleå's
//! resultaträkning): a label line, then each figure on its own line, blank lines
//! between, and the header the same way ("NOT", "2018", "2017", …). Such a block is
//! joined back into tab-separated rows, so the delimited reader reads it as any table.
//! Only a block whose every row has as many cells as the header names (or one fewer,
//! the note reference left out under a "Not" header) is joined; anything else is left
//! as it was.

use super::cell::{is_dash, is_year};
use super::notes::is_note_reference;
use crate::grammar::number::parse_figure;
use crate::grammar::vocab::Vocabulary;
use crate::layout::{Line, Span};

/// Rows a block needs before it is taken for a table.
const MIN_ROWS: usize = 3;

fn is_cell(text: &str, vocab: &Vocabulary) -> bool {
    let t = text.trim();
    !t.is_empty() && (is_dash(t) || parse_figure(t, vocab).is_some() || is_note_reference(t))
}

fn is_note_word(text: &str, vocab: &Vocabulary) -> bool {
    vocab.lookup("notes", text.trim()).is_some()
}

/// A label line: short text that is no cell.
fn is_label(text: &str, vocab: &Vocabulary) -> bool {
    let t = text.trim();
    !t.is_empty() && !is_cell(t, vocab) && t.chars().count() <= 80 && !t.contains('\t')
}

struct Group {
    /// Index (into the non-blank lines) of the label line.
    label: usize,
    cells: Vec<usize>,
}

fn joined(number: u32, y: f64, cells: &[String]) -> Line {
    Line {
        number,
        y,
        text: cells.join("\t"),
        spans: cells
            .iter()
            .map(|c| Span {
                text: c.clone(),
                x0: 0.0,
                x1: 0.0,
                font_size: 0.0,
                ocr: None,
            })
            .collect(),
        furniture: false,
    }
}

/// The page's lines with every one-cell-per-line table joined into tab-separated rows
/// (each row numbered as its label line; the header as its first cell's line).
pub(crate) fn join(lines: &[&Line], vocab: &Vocabulary) -> Option<Vec<Line>> {
    let filled: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].text.trim().is_empty())
        .collect();
    let text = |k: usize| lines[filled[k]].text.trim();
    // Every label line followed by at least two cell lines.
    let mut groups: Vec<Group> = Vec::new();
    let mut k = 0;
    while k < filled.len() {
        if !is_label(text(k), vocab) {
            k += 1;
            continue;
        }
        let mut cells = Vec::new();
        let mut j = k + 1;
        while j < filled.len() && is_cell(text(j), vocab) {
            cells.push(j);
            j += 1;
        }
        if cells.len() >= 2 {
            groups.push(Group { label: k, cells });
            k = j;
        } else {
            k += 1;
        }
    }
    let mut replace: Vec<(usize, usize, Vec<Line>)> = Vec::new(); // filled range → lines
    let mut g = 0;
    while g < groups.len() {
        // A block: groups that follow each other directly.
        let mut end = g + 1;
        while end < groups.len()
            && groups[end].label == groups[end - 1].cells.last().map_or(0, |c| c + 1)
        {
            end += 1;
        }
        if let Some(block) = block_rows(&groups[g..end], &text, lines, &filled, vocab) {
            replace.push(block);
        }
        g = end;
    }
    if replace.is_empty() {
        return None;
    }
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut taken = vec![false; lines.len()];
    let mut inserts: Vec<(usize, Vec<Line>)> = Vec::new();
    for (first, last, rows) in replace {
        for &i in &filled[first..=last] {
            taken[i] = true;
        }
        inserts.push((filled[first], rows));
    }
    for (i, line) in lines.iter().enumerate() {
        if let Some((_, rows)) = inserts.iter().find(|(at, _)| *at == i) {
            out.extend(rows.iter().cloned());
        }
        if !taken[i] {
            out.push((*line).clone());
        }
    }
    Some(out)
}

/// The rows of one block of groups, with its header when the group before the rows
/// is one ("NOT" over years), as (first filled index, last filled index, lines).
fn block_rows<'a>(
    groups: &[Group],
    text: &dyn Fn(usize) -> &'a str,
    lines: &[&Line],
    filled: &[usize],
    vocab: &Vocabulary,
) -> Option<(usize, usize, Vec<Line>)> {
    let all_years = |g: &Group| g.cells.iter().all(|&c| is_year(text(c)));
    let (header, rows) = match groups.first() {
        Some(h) if all_years(h) => (Some(h), &groups[1..]),
        _ => (None, groups),
    };
    if rows.len() < MIN_ROWS || rows.iter().any(all_years) {
        return None;
    }
    // The header's cells: "NOT" (the header group's label) and its years; the label
    // line before it heads the label column.
    let mut columns: Vec<String> = Vec::new();
    let mut label_header = String::new();
    let mut first = rows[0].label;
    if let Some(h) = header {
        if is_note_word(text(h.label), vocab) {
            columns.push(text(h.label).to_string());
            if h.label > 0 && is_label(text(h.label - 1), vocab) {
                label_header = text(h.label - 1).to_string();
                first = h.label - 1;
            } else {
                first = h.label;
            }
        } else {
            label_header = text(h.label).to_string();
            first = h.label;
        }
        columns.extend(h.cells.iter().map(|&c| text(c).to_string()));
    }
    let width = if columns.is_empty() {
        rows.iter().map(|r| r.cells.len()).max()?
    } else {
        columns.len()
    };
    let note_column = columns.iter().position(|c| is_note_word(c, vocab));
    let mut out = Vec::new();
    if !columns.is_empty() {
        let at = lines[filled[first]];
        let mut cells = vec![label_header];
        cells.extend(columns.iter().cloned());
        out.push(joined(at.number, at.y, &cells));
    }
    for r in rows {
        let mut cells: Vec<String> = r.cells.iter().map(|&c| text(c).to_string()).collect();
        if cells.len() + 1 == width {
            // One cell short: the note reference left out (an empty figure is written
            // "-" on such pages); without a note column the block is not joined.
            cells.insert(note_column?, String::new());
        }
        if cells.len() != width {
            return None;
        }
        let at = lines[filled[r.label]];
        let mut row = vec![text(r.label).to_string()];
        row.extend(cells);
        out.push(joined(at.number, at.y, &row));
    }
    let last = *rows.last()?.cells.last()?;
    Some((first, last, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> Vec<Line> {
        text.lines()
            .enumerate()
            .map(|(i, l)| Line {
                number: i as u32 + 1,
                y: i as f64,
                text: l.to_string(),
                spans: Vec::new(),
                furniture: false,
            })
            .collect()
    }

    #[test]
    fn lulea_style_block_is_joined() {
        let text = "Resultaträkning\n\nBelopp, mkr\n\nNOT\n\n2018\n\n2017\n\nVerksamhetens intäkter\n\n1\n\n1 268\n\n1 136\n\nVerksamhetens nettokostnader\n\n-4 520\n\n-4 384\n\nSkatt\n\n8\n\n-\n\n-37\n\nÅrets resultat\n\n79\n\n462\n\nEfter tabellen.";
        let lines = page(text);
        let refs: Vec<&Line> = lines.iter().collect();
        let out = join(&refs, Vocabulary::builtin_shared()).unwrap_or_else(|| panic!("not joined"));
        let texts: Vec<&str> = out
            .iter()
            .map(|l| l.text.as_str())
            .filter(|t| !t.trim().is_empty())
            .collect();
        assert_eq!(
            texts,
            [
                "Resultaträkning",
                "Belopp, mkr\tNOT\t2018\t2017",
                "Verksamhetens intäkter\t1\t1 268\t1 136",
                "Verksamhetens nettokostnader\t\t-4 520\t-4 384",
                "Skatt\t8\t-\t-37",
                "Årets resultat\t\t79\t462",
                "Efter tabellen."
            ]
        );
        assert_eq!(
            out.iter()
                .find(|l| l.text.starts_with("Skatt"))
                .map(|l| l.number),
            Some(25)
        );
    }

    #[test]
    fn ragged_blocks_and_prose_are_left_alone() {
        // Rows of different widths without a note column: not joined.
        let text = "A\n1\n2\nB\n1\n2\n3\nC\n4\n5\nD\n6";
        let lines = page(text);
        let refs: Vec<&Line> = lines.iter().collect();
        assert!(join(&refs, Vocabulary::builtin_shared()).is_none());
        let lines = page("Ett stycke text.\nMed 2 rader.\n");
        let refs: Vec<&Line> = lines.iter().collect();
        assert!(join(&refs, Vocabulary::builtin_shared()).is_none());
    }
}
