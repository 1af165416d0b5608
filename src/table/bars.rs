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
use super::cellines::{joined, Unread};
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

/// A cell written on one line with its closing bar ("81 355 529 |"): its text, when the
/// line ends in a bar preceded by a space and holds no other bar.
fn closed_cell(line: &Line) -> Option<&str> {
    let cell = line.text.trim().strip_suffix('|')?;
    (cell.ends_with(char::is_whitespace) && !cell.contains('|'))
        .then(|| cell.trim())
        .filter(|c| !c.is_empty())
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

/// What [`join`] gives back.
pub(crate) struct Barred {
    /// The page's lines, every run read replaced by its rows.
    pub lines: Vec<Line>,
    /// The rows with figures of runs that were not read as tables.
    pub not_read: Vec<Unread>,
}

/// The page's lines with every run of "|"-separated cells replaced by its rows, and the
/// rows with figures of runs not read; `None` when the page has no such run.
pub(crate) fn join(lines: &[&Line], vocab: &Vocabulary) -> Option<Barred> {
    let mut out: Vec<Line> = Vec::new();
    let mut not_read: Vec<Unread> = Vec::new();
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
            // A run not read as a whole is not read in part: a later start inside it
            // would take its rows out of their places.
            None if cells.len() >= MIN_BARS => {
                out.extend(lines[i..end].iter().map(|l| (*l).clone()));
                not_read.extend(unread_rows(&cells, lines, vocab));
                changed |= !not_read.is_empty();
                i = end;
            }
            None => {
                out.push(lines[i].clone());
                i += 1;
            }
        }
    }
    changed.then_some(Barred {
        lines: out,
        not_read,
    })
}

/// Rows of a markdown table that a web page's text broke one cell per line: "| Vesi
/// €/m³ |" opens the row with its first cell between bars, and each further cell stands
/// on a line of its own closed by a bar ("1,69 |"). Such rows are joined back into one
/// line each (tab-separated, as the delimited reader takes them), at the line of their
/// first cell; `None` when the page has fewer than [`MIN_PIPE_ROWS`] such rows in a run.
pub(crate) fn join_broken_pipes(lines: &[&Line]) -> Option<Vec<Line>> {
    let opens = |l: &Line| -> Option<String> {
        let t = l.text.trim();
        let inner = t.strip_prefix('|')?.strip_suffix('|')?;
        (!inner.contains('|') && !inner.trim().is_empty()).then(|| inner.trim().to_string())
    };
    // Every row: (index of its opening line, its cells, index after its last cell).
    let mut rows: Vec<(usize, Vec<String>, usize)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(first) = opens(lines[i]) else {
            i += 1;
            continue;
        };
        let mut cells = vec![first];
        let mut j = i + 1;
        while let Some(c) = lines.get(j).and_then(|l| closed_cell(l)) {
            if lines[j].text.trim_start().starts_with('|') {
                break;
            }
            cells.push(c.to_string());
            j += 1;
        }
        if cells.len() >= 2 {
            rows.push((i, cells, j));
        }
        i = j.max(i + 1);
    }
    // Runs of such rows (each next row opening right where the last one ended).
    let mut keep: Vec<(usize, Vec<String>, usize)> = Vec::new();
    let mut run: Vec<(usize, Vec<String>, usize)> = Vec::new();
    for row in rows {
        if run.last().is_some_and(|r| r.2 != row.0) {
            if run.len() >= MIN_PIPE_ROWS {
                keep.append(&mut run);
            }
            run.clear();
        }
        run.push(row);
    }
    if run.len() >= MIN_PIPE_ROWS {
        keep.append(&mut run);
    }
    if keep.is_empty() {
        return None;
    }
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut k = 0;
    let mut i = 0;
    while i < lines.len() {
        match keep.get(k) {
            Some((start, cells, end)) if *start == i => {
                out.push(joined(lines[i].number, lines[i].y, cells));
                i = *end;
                k += 1;
            }
            _ => {
                out.push(lines[i].clone());
                i += 1;
            }
        }
    }
    Some(out)
}

/// Rows a run of markdown rows broken one cell per line needs before it is joined: a
/// header and two rows.
const MIN_PIPE_ROWS: usize = 3;

/// The rows with figures of a run not read as a table: each text cell with the cells
/// after it up to the next text cell (the cells before the first text cell a row of
/// their own), reported as not read (TAB003), never dropped in silence.
fn unread_rows(cells: &[BarCell], lines: &[&Line], vocab: &Vocabulary) -> Vec<Unread> {
    let mut starts: Vec<usize> = (0..cells.len())
        .filter(|&i| i == 0 || is_text(&cells[i].0, vocab))
        .collect();
    starts.dedup();
    let ends: Vec<usize> = starts[1..]
        .iter()
        .copied()
        .chain(std::iter::once(cells.len()))
        .collect();
    let n = cells.len();
    starts
        .iter()
        .zip(&ends)
        .filter(|(&s, &e)| cells[s..e].iter().any(|c| is_figure(&c.0, vocab)))
        .map(|(&s, &e)| {
            let label = if is_text(&cells[s].0, vocab) {
                cells[s].0.clone()
            } else {
                String::new()
            };
            let written: Vec<&str> = cells[s..e]
                .iter()
                .map(|c| if c.0.is_empty() { "·" } else { c.0.as_str() })
                .collect();
            Unread {
                line: lines[cells[s].1].number,
                last: lines[cells[e - 1].1].number,
                label,
                text: written.join(" "),
                reason: format!(
                    "written one cell per line with a \"|\" after each cell (\"·\" an empty cell), in a run of {n} cells whose rows are not certain (no one row width puts every text cell first in its row with only empty cells between the rows)"
                ),
            }
        })
        .collect()
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
        } else if let Some(cell) = closed_cell(line) {
            if pending.is_some() {
                break;
            }
            cells.push((cell.to_string(), i));
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
        return anchored_rows(cells, &labels, vocab);
    }
    let rows_with_figures = cells[first..]
        .chunks(width)
        .filter(|c| c.iter().any(|cell| is_figure(&cell.0, vocab)))
        .count();
    if rows_with_figures < MIN_ROWS {
        return None;
    }
    // Empty cells right before the first label are a row without its label when the
    // header ends a row there.
    let gap = cells[..first]
        .iter()
        .rev()
        .take_while(|c| c.0.trim().is_empty())
        .count();
    let header_end = if (first - gap) % width == 0 {
        first - gap
    } else {
        first
    };
    if let Some(mut out) = names_over_figures(cells, header_end, width) {
        for chunk in cells[header_end..].chunks(width) {
            let mut row: Vec<String> = chunk.iter().map(|c| c.0.clone()).collect();
            row.resize(width, String::new());
            out.push((row, chunk[0].1));
        }
        return Some(out);
    }
    let head = header_end % width;
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

/// The rows of a run whose labels do not all recur at one width because rows holding only
/// empty cells stand between some rows (a heading row whose label the copy lost leaves its
/// bars alone: "Sum driftsinntekter |", three figures, "|", "|", "|", "Lønnsutgifter |").
/// The width is the shortest distance between two labels; each label's row is it and the
/// cells after it up to that width, and whatever stands between that row and the next label
/// must be empty cells, or nothing is read (a figure there could belong to either row). The
/// empty cells between rows hold nothing and are left out; cells before the first label
/// are the header, as in [`rows_of`].
fn anchored_rows(
    cells: &[BarCell],
    labels: &[usize],
    vocab: &Vocabulary,
) -> Option<Vec<(Vec<String>, usize)>> {
    let first = *labels.first()?;
    let width = labels.windows(2).map(|w| w[1] - w[0]).min()?;
    if !(2..=MAX_WIDTH).contains(&width) {
        return None;
    }
    let ends: Vec<usize> = labels[1..]
        .iter()
        .copied()
        .chain(std::iter::once(cells.len()))
        .collect();
    // The header: rows of the width ending at the first label, what is left before them
    // lines of their own.
    // Empty cells right before the first label are a row without its label when the
    // header ends a row there.
    let gap = cells[..first]
        .iter()
        .rev()
        .take_while(|c| c.0.trim().is_empty())
        .count();
    let header_end = if (first - gap) % width == 0 {
        first - gap
    } else {
        first
    };
    let mut out = match names_over_figures(cells, header_end, width) {
        Some(out) => out,
        None => {
            let head = header_end % width;
            let mut out: Vec<(Vec<String>, usize)> = cells[..head]
                .iter()
                .map(|c| (vec![c.0.clone()], c.1))
                .collect();
            out.extend(
                cells[head..header_end]
                    .chunks(width)
                    .map(|c| (c.iter().map(|c| c.0.clone()).collect(), c[0].1)),
            );
            out
        }
    };
    let mut rows_with_figures = 0;
    for (&start, &end) in labels.iter().zip(&ends) {
        let row_end = (start + width).min(end);
        if cells[row_end..end].iter().any(|c| !c.0.trim().is_empty()) {
            return None;
        }
        let mut row: Vec<String> = cells[start..row_end].iter().map(|c| c.0.clone()).collect();
        if row.iter().any(|c| is_figure(c, vocab)) {
            rows_with_figures += 1;
        }
        row.resize(width, String::new());
        out.push((row, cells[start].1));
    }
    (rows_with_figures >= MIN_ROWS).then_some(out)
}

/// The header when the page names only the figure columns: the `width` cells before the
/// first row (ending at `header_end`) are `width − 1` names and an empty cell, and an empty
/// cell stands before them ("|" / "I alt |" / "0 år |" / … / "Dekningsgrad 1-5 år |" / "|" /
/// "Hele landet |", SSB's tables flattened one cell per line). Counted from the first row,
/// the names would stand over the label column and leave the last figure column without
/// one; the empty cell before them is the label column's header, the one after them a
/// spacer. The header row is then that empty cell and the names, and the cells before it
/// lines of their own; `None` when the cells are not so.
fn names_over_figures(
    cells: &[BarCell],
    header_end: usize,
    width: usize,
) -> Option<Vec<(Vec<String>, usize)>> {
    let start = header_end.checked_sub(width + 1)?;
    let blank = |c: &BarCell| c.0.trim().is_empty();
    let names = &cells[start + 1..header_end - 1];
    if !blank(&cells[start]) || !blank(&cells[header_end - 1]) || names.iter().any(blank) {
        return None;
    }
    let mut out: Vec<(Vec<String>, usize)> = cells[..start]
        .iter()
        .map(|c| (vec![c.0.clone()], c.1))
        .collect();
    let mut header = vec![String::new()];
    header.extend(names.iter().map(|c| c.0.clone()));
    out.push((header, cells[start].1));
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

    #[test]
    fn markdown_rows_broken_one_cell_per_line_are_joined() {
        let lines = page(
            "Hinnasto\n| Nimike |\nNetto € |\nBrutto € |\n| Vesi |\n1,69 |\n2,12 |\n| Jätevesi |\n3,17 |\n3,98 |\nLoppu",
        );
        let refs: Vec<&Line> = lines.iter().collect();
        let out: Vec<String> = join_broken_pipes(&refs)
            .expect("joined")
            .iter()
            .map(|l| l.text.clone())
            .collect();
        assert_eq!(
            out,
            [
                "Hinnasto",
                "Nimike\tNetto €\tBrutto €",
                "Vesi\t1,69\t2,12",
                "Jätevesi\t3,17\t3,98",
                "Loppu"
            ]
        );
        // Two such rows are not yet a table.
        let lines = page("| Nimike |\nNetto € |\n| Vesi |\n1,69 |");
        let refs: Vec<&Line> = lines.iter().collect();
        assert!(join_broken_pipes(&refs).is_none());
    }

    fn rows(text: &str) -> Vec<String> {
        let lines = page(text);
        let refs: Vec<&Line> = lines.iter().collect();
        join(&refs, Vocabulary::builtin_shared())
            .unwrap_or_else(|| panic!("no run read"))
            .lines
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

    /// Cells written with their bar on the same line ("Hyror |"), a row of empty cells
    /// (a heading without its label) between rows: the rows stand where the page put
    /// them, the empty cells are left out.
    #[test]
    fn cells_closed_on_their_line_with_empty_rows_between_are_rows() {
        let text = "|\nBokslut |\nBudget |\nHyror |\n1 200 |\n1 100 |\nÖvrigt |\n300 |\n- |\n\
                    Summa |\n1 500 |\n1 100 |\n|\n|\nKostnader |\n900 |\n|\nSumma |\n\
                    900 |\n800 |\nEfter.\n";
        assert_eq!(
            rows(text),
            [
                "\tBokslut\tBudget",
                "Hyror\t1 200\t1 100",
                "Övrigt\t300\t-",
                "Summa\t1 500\t1 100",
                "Kostnader\t900\t",
                "Summa\t900\t800",
                "Efter.",
            ]
        );
    }

    /// A figure between a row's cells and the next label could belong to either: the
    /// run is not read, in whole (no later start inside it), and its rows with figures
    /// are given back as not read.
    #[test]
    fn a_figure_between_rows_leaves_the_run_not_read() {
        let text = "|\nBokslut |\nBudget |\nHyror |\n1 200 |\n1 100 |\nÖvrigt |\n300 |\n- |\n\
                    Summa |\n1 500 |\n1 100 |\n|\n40 |\nKostnader |\n900 |\n|\nSumma |\n\
                    900 |\n800 |\n";
        let lines = page(text);
        let refs: Vec<&Line> = lines.iter().collect();
        let barred = join(&refs, Vocabulary::builtin_shared()).expect("rows not read");
        let written: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        let kept: Vec<&str> = barred.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(kept, written);
        let not_read: Vec<(&str, &str)> = barred
            .not_read
            .iter()
            .map(|u| (u.label.as_str(), u.text.as_str()))
            .collect();
        assert_eq!(
            not_read,
            [
                ("Hyror", "Hyror 1 200 1 100"),
                ("Övrigt", "Övrigt 300 -"),
                ("Summa", "Summa 1 500 1 100 · 40"),
                ("Kostnader", "Kostnader 900 ·"),
                ("Summa", "Summa 900 800"),
            ]
        );
    }

    /// Header names for the figure columns only, between empty cells, over rows whose
    /// label has no name: the names stand over the figures.
    #[test]
    fn names_of_the_figure_columns_only_stand_over_the_figures() {
        let text = "Tabell 2\n|\n|\nI alt |\n0 år |\n1 år |\n|\nHele landet |\n3 000 |\n\
                    1 000 |\n2 000 |\nØstfold |\n1 200 |\n500 |\n700 |\nAkershus |\n1 800 |\n\
                    500 |\n1 300 |\nSlutt.\n";
        assert_eq!(
            rows(text),
            [
                "Tabell 2",
                "\tI alt\t0 år\t1 år",
                "Hele landet\t3 000\t1 000\t2 000",
                "Østfold\t1 200\t500\t700",
                "Akershus\t1 800\t500\t1 300",
                "Slutt.",
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
