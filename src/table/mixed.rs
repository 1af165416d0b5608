//! Tables written partly one cell per line and partly as flat rows under one header (a
//! web page's table flattened to text: "Dagpleje" / "4.183" / "12.549" / … for one row,
//! "Dagpleje, deltid 3.556 10.668 14.224 3.553 10.659 14.212" for the next, a label
//! with its first figure glued or on its line and the rest one per line for another).
//! Where a header names `n` columns, each ending in its year (on one line or over a few
//! lines: "Egenbetaling 2017 Tilskud 2017" / "Tilskud" / "2016"), and the rows under it
//! each give exactly `n` figures, written in both ways, the rows are read as one table
//! in page order: joined into tab-separated rows, each numbered as its label line. A
//! figure line is read only where its split into figures is certain (no two neighbours
//! can be one figure, "3.556 10.668"); lines of spaces are layout, never empty cells
//! (every row gives every column a figure). A row whose figures are not `n` (or whose
//! split is not certain) ends the table: it and the rows after it are rows not read
//! (TAB003), their lines left to the other readers.

use super::cell::{is_dash, is_year};
use super::cellines::{joined, line_cells, year_header, Joined, Unread};
use crate::grammar::number::parse_figure;
use crate::grammar::vocab::Vocabulary;
use crate::layout::Line;

/// Rows a table needs before it is taken for one.
const MIN_ROWS: usize = 3;
/// Lines a header may be written over.
const MAX_HEADER_LINES: usize = 8;
/// Words a column's name may have.
const MAX_NAME_WORDS: usize = 6;
/// Group headings (label lines without figures) in a row between two rows.
const MAX_HEADINGS: usize = 3;
/// Characters a row's label may have.
const MAX_LABEL: usize = 80;

fn is_figure(token: &str, vocab: &Vocabulary) -> bool {
    is_dash(token) || parse_figure(token, vocab).is_some()
}

/// Whether figures written side by side split one way only: no two neighbours read
/// together are one figure ("1 234" could be one figure or two; "3.556 10.668" cannot).
fn certain_split<S: AsRef<str>>(tokens: &[S], vocab: &Vocabulary) -> bool {
    tokens.windows(2).all(|w| {
        parse_figure(&format!("{} {}", w[0].as_ref(), w[1].as_ref()), vocab).is_none()
            || is_dash(w[0].as_ref())
            || is_dash(w[1].as_ref())
    })
}

/// The figures a line holds when it holds figures only, split with certainty.
fn figures_of(text: &str, vocab: &Vocabulary) -> Option<Vec<String>> {
    let t = text.trim();
    if t.is_empty() || t.contains('\t') {
        return None;
    }
    if let Some(cells) = line_cells(t, vocab) {
        return Some(cells);
    }
    let tokens: Vec<&str> = t.split_whitespace().collect();
    (tokens.iter().all(|w| is_figure(w, vocab)) && certain_split(&tokens, vocab))
        .then(|| tokens.iter().map(|w| w.to_string()).collect())
}

/// A word ending in a figure glued to it ("år3.794"): the word and the figure, when the
/// figure has a thousands or decimal separator (so "CO2", "B12" stay words).
fn glued(token: &str, vocab: &Vocabulary) -> Option<(String, String)> {
    let at = token.char_indices().find(|&(i, c)| {
        c.is_ascii_digit() && token[..i].chars().last().is_some_and(char::is_alphabetic)
    })?;
    let (word, figure) = token.split_at(at.0);
    (figure.contains(['.', ',']) && parse_figure(figure, vocab).is_some())
        .then(|| (word.to_string(), figure.to_string()))
}

/// A label line: its label and the figures that end it (none for a bare label), and
/// whether those figures split with certainty; `None` for a line that is no label.
fn label_line(text: &str, vocab: &Vocabulary) -> Option<(String, Vec<String>, bool)> {
    let t = text.trim();
    if t.is_empty() || t.contains('\t') {
        return None;
    }
    let mut tokens: Vec<&str> = t.split_whitespace().collect();
    let mut n = tokens.len();
    while n > 0 && is_figure(tokens[n - 1], vocab) {
        n -= 1;
    }
    let mut figures: Vec<String> = tokens
        .split_off(n)
        .into_iter()
        .map(str::to_string)
        .collect();
    let glued = tokens.last().and_then(|w| glued(w, vocab));
    if let Some((word, figure)) = &glued {
        figures.insert(0, figure.clone());
        *tokens.last_mut()? = word;
    }
    let label = tokens.join(" ");
    let starts = label.chars().next()?;
    if !(starts.is_alphabetic() || starts == '(' || starts == '*')
        || label.chars().count() > MAX_LABEL
    {
        return None;
    }
    let certain = certain_split(&figures, vocab);
    Some((label, figures, certain))
}

/// One row as written: its label line (index into the non-blank lines), label, figures,
/// the last line it takes, whether its split is certain and whether each of its figures
/// stands on a line of its own.
struct Written {
    label_at: usize,
    label: String,
    cells: Vec<String>,
    last: usize,
    certain: bool,
    one_per_line: bool,
}

fn written_at<'a>(
    k: usize,
    text: &dyn Fn(usize) -> &'a str,
    len: usize,
    vocab: &Vocabulary,
) -> Option<Written> {
    let (label, mut cells, certain) = label_line(text(k), vocab)?;
    let mut one_per_line = cells.is_empty();
    let mut j = k + 1;
    while j < len {
        let Some(more) = figures_of(text(j), vocab) else {
            break;
        };
        one_per_line &= more.len() == 1;
        cells.extend(more);
        j += 1;
    }
    Some(Written {
        label_at: k,
        label,
        one_per_line: one_per_line && cells.len() >= 2,
        cells,
        last: j - 1,
        certain,
    })
}

/// A line that may be part of a header: no tab, every figure in it a year.
fn header_line(text: &str, vocab: &Vocabulary) -> bool {
    !text.contains('\t')
        && text
            .split_whitespace()
            .all(|w| !is_figure(w, vocab) || is_year(w))
}

/// The header over the row at `k`: the fewest lines directly above it whose words name
/// `n` columns, each ending in its year; (first line, label column's header, names).
fn header_above<'a>(
    k: usize,
    n: usize,
    text: &dyn Fn(usize) -> &'a str,
    vocab: &Vocabulary,
) -> Option<(usize, String, Vec<String>)> {
    let mut h = k;
    while h > 0 && k - h < MAX_HEADER_LINES && header_line(text(h - 1), vocab) {
        h -= 1;
        let words: Vec<&str> = (h..k).map(text).collect();
        if let Some((label, mut names)) = year_header(&words.join(" "), n) {
            for name in &mut names {
                *name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            }
            if names
                .iter()
                .all(|c| c.split_whitespace().count() <= MAX_NAME_WORDS)
            {
                return Some((h, label, names));
            }
        }
    }
    None
}

/// The page's lines with every mixed table joined into tab-separated rows, and the rows
/// with figures that did not fit one; `None` when the page has no such table.
pub(crate) fn join(lines: &[&Line], vocab: &Vocabulary) -> Option<Joined> {
    let filled: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].text.trim().is_empty())
        .collect();
    let text = |k: usize| lines[filled[k]].text.trim();
    let len = filled.len();
    // (first, last) filled index each table replaces, and its rows.
    let mut replace: Vec<(usize, usize, Vec<Line>)> = Vec::new();
    let mut not_read: Vec<Unread> = Vec::new();
    let mut k = 0;
    while k < len {
        let Some(first) =
            written_at(k, &text, len, vocab).filter(|w| w.cells.len() >= 2 && w.certain)
        else {
            k += 1;
            continue;
        };
        let n = first.cells.len();
        let Some((h, label_header, columns)) = header_above(k, n, &text, vocab) else {
            k += 1;
            continue;
        };
        let mut rows: Vec<Written> = Vec::new();
        // Heading lines waiting for the row after them.
        let mut headings: Vec<usize> = Vec::new();
        let mut out: Vec<(usize, Vec<String>)> = Vec::new();
        let mut misfit: Option<Written> = None;
        let mut at = k;
        while at < len {
            let Some(w) = written_at(at, &text, len, vocab) else {
                break;
            };
            if w.cells.is_empty() {
                let l = &w.label;
                if headings.len() == MAX_HEADINGS || l.ends_with('.') || l.ends_with(':') {
                    break;
                }
                headings.push(at);
                at += 1;
                continue;
            }
            if w.cells.len() != n || !w.certain {
                misfit = Some(w);
                break;
            }
            for &g in &headings {
                let mut row = vec![text(g).to_string()];
                row.extend(std::iter::repeat_n(String::new(), n));
                out.push((g, row));
            }
            headings.clear();
            let mut row = vec![w.label.clone()];
            row.extend(w.cells.iter().cloned());
            out.push((w.label_at, row));
            at = w.last + 1;
            rows.push(w);
        }
        let one_per_line = rows.iter().any(|r| r.one_per_line);
        let both = one_per_line && rows.iter().any(|r| !r.one_per_line);
        if rows.len() < MIN_ROWS || !both {
            k += 1;
            continue;
        }
        let last = rows.last().map_or(k, |r| r.last);
        let mut joined_lines = Vec::with_capacity(out.len() + 1);
        let head = lines[filled[h]];
        let mut cells = vec![label_header];
        cells.extend(columns);
        joined_lines.push(joined(head.number, head.y, &cells));
        for (at, row) in out {
            let l = lines[filled[at]];
            joined_lines.push(joined(l.number, l.y, &row));
        }
        replace.push((h, last, joined_lines));
        // The row that did not fit and the rows after it, up to the next header or
        // the first line that is no row: rows not read, their lines left as they were.
        if let Some(m) = misfit {
            let mut gone = vec![(m, true)];
            let mut at = gone[0].0.last + 1;
            while at < len {
                let Some(w) = written_at(at, &text, len, vocab) else {
                    break;
                };
                if w.cells.iter().all(|c| is_year(c)) && !w.cells.is_empty() {
                    break;
                }
                at = w.last + 1;
                if !w.cells.is_empty() {
                    gone.push((w, false));
                }
            }
            for (w, first) in gone {
                let reason = if first {
                    format!(
                        "its {} figures do not fit the {n} columns of the table above it (written partly one cell per line, partly as rows), so which columns they stand in is not written",
                        w.cells.len()
                    )
                } else {
                    "written after a row that did not fit the columns of the table above it, its figures cannot be placed in columns".to_string()
                };
                let reason = if w.certain {
                    reason
                } else {
                    format!("its figures can be split more than one way ({reason})")
                };
                not_read.push(Unread {
                    line: lines[filled[w.label_at]].number,
                    last: lines[filled[w.last]].number,
                    text: format!("{} {}", w.label, w.cells.join(" ")),
                    label: w.label,
                    reason,
                });
            }
        }
        k = last + 1;
    }
    if replace.is_empty() {
        return None;
    }
    Some(Joined {
        lines: super::cellines::splice(lines, &filled, replace, true),
        not_read,
        unplaced: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_split_only_where_certain() {
        let vocab = Vocabulary::builtin_shared();
        assert_eq!(
            figures_of(" 3.010  9.171  12.181", vocab),
            Some(vec!["3.010".into(), "9.171".into(), "12.181".into()])
        );
        // "2 479 5 186 7 665" is three figures, or six, or …: not certain. (A line that
        // is one figure, "1 200 300", is one cell, as in a block one cell per line.)
        assert_eq!(figures_of("2 479 5 186 7 665", vocab), None);
        assert_eq!(
            figures_of("1 200 300", vocab),
            Some(vec!["1 200 300".into()])
        );
        assert_eq!(
            label_line("Dagpleje, fuldtid: Børn under 3 år3.794", vocab),
            Some((
                "Dagpleje, fuldtid: Børn under 3 år".into(),
                vec!["3.794".into()],
                true
            ))
        );
        // A word ending in a digit without a separator stays a word.
        assert_eq!(
            label_line("Utsläpp CO2", vocab),
            Some(("Utsläpp CO2".into(), vec![], true))
        );
    }

    #[test]
    fn a_header_over_several_lines_names_the_columns() {
        let text = "Takst 2024  Tilskud 2024\n\nTakst\n 2023\n\nTilskud\n 2023\n\nA\n\n1.100\n\n2.200\n\n3.300\n\n4.400\nB 1.500 2.500 3.500 4.500\nC\n\n1.600\n\n2.600\n\n3.600\n\n4.600\n";
        let lines = crate::table::test_lines(text);
        let refs: Vec<&Line> = lines.iter().collect();
        let out = join(&refs, Vocabulary::builtin_shared()).expect("joined");
        let texts: Vec<&str> = out.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "\tTakst 2024\tTilskud 2024\tTakst 2023\tTilskud 2023",
                "A\t1.100\t2.200\t3.300\t4.400",
                "B\t1.500\t2.500\t3.500\t4.500",
                "C\t1.600\t2.600\t3.600\t4.600",
            ]
        );
        assert!(out.not_read.is_empty());
    }
}
