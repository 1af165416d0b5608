//! Tables copied from a web page with every cell on a line of its own and a line holding
//! only "|" after each cell (AB Kristianstadsbyggen's resultaträkning: "Hyresintäkter" /
//! "|" / "3" / "|" / "842 469" / "|" …; an empty cell is a "|" line right after the
//! previous one). Such a run is cut into cells, and the cells into rows of the width at
//! which its labels recur: every text cell from the first row with figures on stands at a
//! multiple of that width, so the rows are where the page put them. The rows are given
//! back as tab-separated lines for the delimited reader; the cells before the first such
//! row are the header rows (a name over two columns spans them there) and, before them,
//! lines of their own.

use super::cell::{is_dash, is_year};
use super::cellines::joined;
use super::notes::is_note_reference;
use crate::grammar::number::parse_figure;
use crate::grammar::vocab::Vocabulary;
use crate::layout::Line;

/// "|" lines a run needs before it is read as cells: three rows of four cells.
const MIN_BARS: usize = 12;

/// Widest row read.
const MAX_WIDTH: usize = 16;

/// Rows with a figure a run needs.
const MIN_ROWS: usize = 3;

fn is_bar(line: &Line) -> bool {
    line.text.trim() == "|"
}

/// A cell that is text: no figure, dash, note reference or year.
fn is_text(cell: &str, vocab: &Vocabulary) -> bool {
    let t = cell.trim();
    !t.is_empty()
        && !is_dash(t)
        && !is_year(t)
        && !is_note_reference(t)
        && parse_figure(t, vocab).is_none()
}

fn is_figure(cell: &str, vocab: &Vocabulary) -> bool {
    let t = cell.trim();
    !is_year(t) && !is_note_reference(t) && parse_figure(t, vocab).is_some()
}

/// One cell of a run: its text and the index (into the page's lines) of its first line,
/// or of the "|" line that closes it when it is empty.
type BarCell = (String, usize);

/// The page's lines with every run of "|"-separated cells replaced by its rows, or `None`
/// when the page has no such run.
pub(crate) fn join(lines: &[&Line], vocab: &Vocabulary) -> Option<Vec<Line>> {
    let mut out: Vec<Line> = Vec::new();
    let mut changed = false;
    let mut i = 0;
    while i < lines.len() {
        let (cells, end) = run_at(lines, i);
        let rows = (end > i)
            .then(|| rows_of(&cells, vocab))
            .flatten()
            .filter(|_| cells.len() >= MIN_BARS);
        match rows {
            Some(rows) => {
                for row in rows {
                    let at = lines[row.1];
                    out.push(joined(at.number, at.y, &row.0));
                }
                changed = true;
                i = end;
            }
            None => {
                out.push(lines[i].clone());
                i += 1;
            }
        }
    }
    changed.then_some(out)
}

/// The cells of the run of lines starting at `start` (a text line or a "|" line, each
/// text line directly followed by a "|" line; blank lines are nothing), and the index
/// one past its last "|" line; no cells when no run starts there.
fn run_at(lines: &[&Line], start: usize) -> (Vec<BarCell>, usize) {
    let mut cells: Vec<BarCell> = Vec::new();
    let mut pending: Option<BarCell> = None;
    let mut end = start;
    let mut i = start;
    while i < lines.len() {
        let line = lines[i];
        if is_bar(line) {
            cells.push(pending.take().unwrap_or_else(|| (String::new(), i)));
            end = i + 1;
        } else if !line.text.trim().is_empty() {
            if pending.is_some() {
                break;
            }
            pending = Some((line.text.trim().to_string(), i));
        }
        i += 1;
    }
    (cells, end)
}

/// The rows of a run's cells (each with the index of its first cell's line), or `None`
/// when no width puts every text cell after the header first in its row.
fn rows_of(cells: &[BarCell], vocab: &Vocabulary) -> Option<Vec<(Vec<String>, usize)>> {
    let text: Vec<bool> = cells.iter().map(|c| is_text(&c.0, vocab)).collect();
    let figure: Vec<bool> = cells.iter().map(|c| is_figure(&c.0, vocab)).collect();
    // The first row with figures: a text cell with a figure among the cells after it
    // before the next text cell.
    let first = (0..cells.len()).find(|&i| {
        text[i]
            && (i + 1..cells.len())
                .take_while(|&j| !text[j])
                .any(|j| figure[j])
    })?;
    let labels: Vec<usize> = (first..cells.len()).filter(|&i| text[i]).collect();
    let width = labels
        .iter()
        .map(|&i| i - first)
        .fold(0, gcd)
        .min(cells.len());
    if !(2..=MAX_WIDTH).contains(&width) {
        return None;
    }
    let rows_with_figures = cells[first..]
        .chunks(width)
        .filter(|c| c.iter().any(|cell| is_figure(&cell.0, vocab)))
        .count();
    if rows_with_figures < MIN_ROWS {
        return None;
    }
    let head = first % width;
    let mut out: Vec<(Vec<String>, usize)> = cells[..head]
        .iter()
        .map(|c| (vec![c.0.clone()], c.1))
        .collect();
    for chunk in cells[head..].chunks(width) {
        let mut row: Vec<String> = chunk.iter().map(|c| c.0.clone()).collect();
        row.resize(width, String::new());
        out.push((row, chunk[0].1));
    }
    Some(out)
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> Vec<Line> {
        text.lines()
            .enumerate()
            .map(|(i, l)| joined(i as u32 + 1, i as f64, &[l]))
            .collect()
    }

    fn rows(text: &str) -> Vec<String> {
        let lines = page(text);
        let refs: Vec<&Line> = lines.iter().collect();
        join(&refs, Vocabulary::builtin_shared())
            .unwrap_or_else(|| panic!("no run read"))
            .iter()
            .map(|l| l.text.clone())
            .collect()
    }

    #[test]
    fn a_run_of_cells_between_bars_is_rows() {
        let cells = [
            "(tkr)",
            "",
            "Bolaget",
            "",
            "",
            "Not",
            "2024",
            "2023",
            "Intäkter",
            "",
            "",
            "",
            "Hyror",
            "2",
            "1 200",
            "1 100",
            "Övrigt",
            "",
            "300",
            "–",
            "Summa",
            "",
            "1 500",
            "1 100",
        ];
        let mut text = String::from("Resultaträkning\n");
        for c in cells {
            if !c.is_empty() {
                text.push_str(c);
                text.push('\n');
            }
            text.push_str("|\n");
        }
        text.push_str("Efter tabellen.\n");
        assert_eq!(
            rows(&text),
            [
                "Resultaträkning",
                "(tkr)\t\tBolaget\t",
                "\tNot\t2024\t2023",
                "Intäkter\t\t\t",
                "Hyror\t2\t1 200\t1 100",
                "Övrigt\t\t300\t–",
                "Summa\t\t1 500\t1 100",
                "Efter tabellen.",
            ]
        );
    }

    #[test]
    fn bars_in_prose_or_too_few_are_left_alone() {
        let lines = page("Ett stycke.\n|\nMed 12 kr.\n|\nSlut 3.\n|\n");
        let refs: Vec<&Line> = lines.iter().collect();
        assert!(join(&refs, Vocabulary::builtin_shared()).is_none());
    }
}
