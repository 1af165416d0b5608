//! Tables whose columns are aligned by spaces (`pdftotext -layout` output, fixed-width web
//! text): the character column of each figure places it. A row with an empty cell marked
//! only by its place ("Överförmyndaren          1 200     -1 200" under three columns), or
//! two cells one space apart ("– 37 264 – 1 578" under left-aligned columns), cannot be
//! split by its digit groups alone; where the header's columns and the figures' edges line
//! up over the whole table, the edges split it.
//!
//! Only what is certain is placed: the header names the columns (its segments set apart by
//! two spaces or more, a second header line joined to the column it stands over), every
//! row's figures start at a column's start (left-aligned) or end at a column's end
//! (right-aligned, the ends measured on the table's full rows and each header segment
//! standing over one column's figures), every gap of two spaces or more between figures
//! is a column gap, every cell is one figure, and at least two rows fill every column.
//! Anything else leaves the block to the flat reader, as it was. A block whose rows the
//! flat reader would split the same way (every row full, every column gap two spaces or
//! more) is left to it as well. A label line without figures followed by figures without
//! a label, or by a row whose label goes on in lower case ("Samhällsbyggnads- och
//! tekniska" / "nämnden 38 500 …"), is one row broken over two lines: joined. The block is
//! written back as tab-separated rows (header first), which the delimited reader reads.

use crate::grammar::number::parse_figure;
use crate::grammar::vocab::Vocabulary;
use crate::layout::{Line, Span};

/// A word of a line: its first and one-past-last character column and its text.
#[derive(Clone, Debug)]
struct Word {
    start: usize,
    end: usize,
    text: String,
}

/// Words separated by ASCII spaces, with their character columns.
fn words(line: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = 0;
    for (i, c) in line.chars().enumerate() {
        if c == ' ' {
            if !cur.is_empty() {
                out.push(Word {
                    start,
                    end: i,
                    text: std::mem::take(&mut cur),
                });
            }
        } else {
            if cur.is_empty() {
                start = i;
            }
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        let end = start + cur.chars().count();
        out.push(Word {
            start,
            end,
            text: cur,
        });
    }
    out
}

/// Segments of a line set apart by two spaces or more.
fn segments(line: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    for w in words(line) {
        match out.last_mut() {
            Some(last) if w.start == last.end + 1 => {
                last.text.push(' ');
                last.text.push_str(&w.text);
                last.end = w.end;
            }
            _ => out.push(w),
        }
    }
    out
}

fn is_sign(t: &str) -> bool {
    t.chars().count() == 1 && t.chars().all(|c| matches!(c, '-' | '−' | '–'))
}

/// A word that can be part of a figure: digits with signs, a decimal comma, "%",
/// parentheses; a lone sign or dash.
fn is_figure_word(t: &str) -> bool {
    if is_sign(t) || t == "%" {
        return true;
    }
    t.chars().any(|c| c.is_ascii_digit())
        && t.chars().all(|c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    '-' | '−' | '–' | ',' | '%' | '(' | ')' | '\u{a0}' | '\u{202f}' | '\u{2009}'
                )
        })
}

/// A line split into its label and the words of its figures.
#[derive(Clone, Debug)]
struct Row {
    label: String,
    tail: Vec<Word>,
}

fn row_of(text: &str) -> Row {
    let ws = words(text);
    let mut first = ws.len();
    while first > 0 && is_figure_word(&ws[first - 1].text) {
        first -= 1;
    }
    // A sign standing last in the label belongs to the figure after it.
    let label: Vec<&str> = ws[..first].iter().map(|w| w.text.as_str()).collect();
    Row {
        label: label.join(" "),
        tail: ws[first..].to_vec(),
    }
}

/// Whether a cell's text is one figure (or a dash for an empty cell).
fn one_figure(text: &str, vocab: &Vocabulary) -> bool {
    super::cell::is_dash(text) || parse_figure(text, vocab).is_some()
}

/// The cells of a row's figure words under columns whose edges are `edges`: left-aligned
/// columns start a cell at a word starting on an edge; right-aligned ones end a cell at a
/// word ending on an edge. `None` when the words do not fit: a figure off every edge, a
/// gap of two spaces or more inside a cell, a cell that is not one figure. Also says
/// whether a cell boundary fell on a single space.
fn cells_of(
    tail: &[Word],
    edges: &[usize],
    left: bool,
    vocab: &Vocabulary,
) -> Option<(Vec<String>, bool)> {
    let mut cells = vec![String::new(); edges.len()];
    let mut single = false;
    let mut parts: Vec<(usize, Vec<&Word>)> = Vec::new();
    if left {
        for (k, w) in tail.iter().enumerate() {
            match edges.iter().position(|&e| e == w.start) {
                // A sign set apart ("– 614") starts its figure; the digits after it do not
                // start a cell even when they stand on an edge.
                Some(col)
                    if !(k > 0 && is_sign(&tail[k - 1].text) && tail[k - 1].end + 1 == w.start) =>
                {
                    if let Some((_, prev)) = parts.last() {
                        let gap = w.start - prev.last().map_or(0, |p| p.end);
                        single |= gap == 1;
                    }
                    parts.push((col, vec![w]));
                }
                _ => {
                    let (_, cur) = parts.last_mut()?;
                    let gap = w.start - cur.last().map_or(0, |p| p.end);
                    if gap != 1 {
                        return None;
                    }
                    cur.push(w);
                }
            }
        }
    } else {
        let mut cur: Vec<&Word> = Vec::new();
        for w in tail {
            if let Some(last) = cur.last() {
                if w.start != last.end + 1 {
                    return None;
                }
            } else if let Some((_, prev)) = parts.last() {
                let gap = w.start - prev.last().map_or(0, |p| p.end);
                single |= gap == 1;
            }
            cur.push(w);
            if let Some(col) = edges.iter().position(|&e| e == w.end) {
                // A sign set apart never ends a cell.
                if !is_sign(&w.text) {
                    parts.push((col, std::mem::take(&mut cur)));
                }
            }
        }
        if !cur.is_empty() {
            return None;
        }
    }
    let mut last_col: Option<usize> = None;
    for (col, ws) in parts {
        if last_col.is_some_and(|l| col <= l) {
            return None;
        }
        last_col = Some(col);
        let text = ws
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if !one_figure(&text, vocab) {
            return None;
        }
        cells[col] = text;
    }
    Some((cells, single))
}

/// A header line's column segments joined to the columns whose figures they stand over:
/// `spans[j]` is column j's extent (first and one-past-last character of its figures).
/// `None` when a segment stands over no column or over two.
fn header_names(segs: &[Word], spans: &[(usize, usize)]) -> Option<Vec<Vec<String>>> {
    let mut names = vec![Vec::new(); spans.len()];
    for s in segs {
        let over: Vec<usize> = (0..spans.len())
            .filter(|&j| s.start < spans[j].1 && spans[j].0 < s.end)
            .collect();
        match over.as_slice() {
            [j] => names[*j].push(s.text.clone()),
            _ => return None,
        }
    }
    Some(names)
}

fn joined_name(parts: &[String]) -> String {
    let mut out = String::new();
    for p in parts {
        if out.ends_with('-') && p.starts_with(|c: char| c.is_lowercase()) {
            out.pop();
        } else if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(p);
    }
    out
}

fn tab_line(number: u32, y: f64, cells: &[String]) -> Line {
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

/// The page's lines with every aligned block placed by character column written back as
/// tab-separated rows; `None` when no block is.
pub(crate) fn place(lines: &[&Line], vocab: &Vocabulary) -> Option<Vec<Line>> {
    if lines.iter().any(|l| l.text.contains('\t')) {
        return None;
    }
    let rows: Vec<Row> = lines.iter().map(|l| row_of(&l.text)).collect();
    let blank = |i: usize| lines[i].text.trim().is_empty();
    let mut replaced: Vec<(usize, usize, Vec<Line>)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        // A header: a line of two column segments or more, with no figure words but
        // years, followed (a blank line or a second header line between) by rows.
        let segs = segments(&lines[i].text);
        let is_header = |segs: &[Word]| {
            segs.len() >= 2
                && segs.iter().skip(1).all(|s| {
                    s.text.chars().any(char::is_alphabetic)
                        || words(&s.text).iter().all(|w| {
                            super::cell::is_year(w.text.trim_end_matches(['/', '-']))
                                || w.text.contains('/')
                        })
                })
        };
        if blank(i)
            || !is_header(&segs)
            || !rows[i].tail.is_empty()
                && rows[i].tail.iter().any(|w| !super::cell::is_year(&w.text))
        {
            i += 1;
            continue;
        }
        match block_at(i, lines, &rows, vocab) {
            Some((end, out)) => {
                replaced.push((i, end, out));
                i = end + 1;
            }
            None => i += 1,
        }
    }
    if replaced.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(lines.len());
    let mut k = 0;
    for (i, line) in lines.iter().enumerate() {
        match replaced.get(k) {
            Some((from, to, rows)) if (*from..=*to).contains(&i) => {
                if i == *from {
                    out.extend(rows.iter().cloned());
                }
                if i == *to {
                    k += 1;
                }
            }
            _ => out.push((*line).clone()),
        }
    }
    Some(out)
}

/// The block whose header starts at line `h`: its last line and its tab-separated lines.
fn block_at(
    h: usize,
    lines: &[&Line],
    rows: &[Row],
    vocab: &Vocabulary,
) -> Option<(usize, Vec<Line>)> {
    let blank = |i: usize| lines[i].text.trim().is_empty();
    // Header lines: this one and the lines up to the first row with figures (at most two
    // more, no blank line between header lines).
    let mut header = vec![h];
    let mut j = h + 1;
    while j < lines.len()
        && !blank(j)
        && rows[j].tail.iter().all(|w| super::cell::is_year(&w.text))
        && header.len() < 3
        && segments(&lines[j].text).len() >= 2
    {
        header.push(j);
        j += 1;
    }
    if j < lines.len() && blank(j) {
        j += 1;
    }
    // The block's lines: rows with figures, label lines, at most one blank line at a
    // time; it ends before the first line that is none of these.
    let first = j;
    let mut last = None;
    let mut blanks = 0;
    while j < lines.len() {
        if blank(j) {
            blanks += 1;
            if blanks > 1 {
                break;
            }
        } else {
            blanks = 0;
            if !rows[j].tail.is_empty() {
                last = Some(j);
            } else if segments(&lines[j].text).len() > 1
                || lines[j].text.trim().chars().count() > 80
            {
                break;
            }
        }
        j += 1;
    }
    let last = last?;
    let data: Vec<usize> = (first..=last)
        .filter(|&r| !rows[r].tail.is_empty())
        .collect();
    if data.len() < 2 {
        return None;
    }
    // The main header line: the most column segments.
    let main = header
        .iter()
        .copied()
        .max_by_key(|&l| (segments(&lines[l].text).len(), std::cmp::Reverse(l)))?;
    let main_segs = segments(&lines[main].text);
    let label_end = data.iter().map(|&r| rows[r].tail[0].start).min()?;
    let cols: Vec<Word> = main_segs
        .iter()
        .filter(|s| s.end > label_end)
        .cloned()
        .collect();
    if cols.len() < 2
        || main_segs
            .iter()
            .any(|s| s.start < label_end && s.end > label_end)
    {
        return None;
    }
    if cols
        .iter()
        .any(|s| vocab.lookup("notes", s.text.trim()).is_some())
    {
        return None;
    }
    let n = cols.len();
    let tails: Vec<&[Word]> = data.iter().map(|&r| rows[r].tail.as_slice()).collect();
    let placed = |edges: &[usize], left: bool| -> Option<Vec<(Vec<String>, bool)>> {
        tails
            .iter()
            .map(|t| cells_of(t, edges, left, vocab))
            .collect()
    };
    // Left-aligned: the header's segments start where the figures start.
    let starts: Vec<usize> = cols.iter().map(|s| s.start).collect();
    let mut found = placed(&starts, true).map(|c| (c, starts.clone(), true));
    if found.is_none() {
        // Right-aligned: the ends of the full rows' figures (split at gaps of two spaces
        // or more into one figure per column), the same in every full row.
        let mut ends: Option<Vec<usize>> = None;
        let mut full = 0;
        for t in &tails {
            let segs: Vec<Word> = {
                let text: String = {
                    let mut s = String::new();
                    for w in t.iter() {
                        while s.chars().count() < w.start {
                            s.push(' ');
                        }
                        s.push_str(&w.text);
                    }
                    s
                };
                segments(&text)
            };
            if segs.len() == n && segs.iter().all(|s| one_figure(&s.text, vocab)) {
                let e: Vec<usize> = segs.iter().map(|s| s.end).collect();
                match &ends {
                    Some(prev) if *prev != e => return None,
                    _ => ends = Some(e),
                }
                full += 1;
            }
        }
        let ends = ends.filter(|_| full >= 2)?;
        found = placed(&ends, false).map(|c| (c, ends, false));
    }
    let (cells, edges, left) = found?;
    let full = cells
        .iter()
        .filter(|(c, _)| c.iter().all(|x| !x.is_empty()))
        .count();
    if full < 2 {
        return None;
    }
    // Each column's extent over its figures; every header segment stands over one.
    let spans: Vec<(usize, usize)> = (0..n)
        .map(|c| {
            let mut lo = usize::MAX;
            let mut hi = 0;
            for t in &tails {
                for w in t.iter() {
                    let on = if left {
                        edges[c] <= w.start && edges.get(c + 1).is_none_or(|&e| w.start < e)
                    } else {
                        w.end <= edges[c] && (c == 0 || edges[c - 1] < w.start)
                    };
                    if on {
                        lo = lo.min(w.start);
                        hi = hi.max(w.end);
                    }
                }
            }
            (lo, hi)
        })
        .collect();
    if spans.iter().any(|&(lo, hi)| lo >= hi) {
        return None;
    }
    let mut names: Vec<Vec<String>> = vec![Vec::new(); n];
    for &l in &header {
        let segs: Vec<Word> = segments(&lines[l].text)
            .into_iter()
            .filter(|s| s.end > label_end)
            .collect();
        let on = header_names(&segs, &spans)?;
        for (name, more) in names.iter_mut().zip(on) {
            name.extend(more);
        }
    }
    if names.iter().any(Vec::is_empty) {
        return None;
    }
    // Needed: a row with an empty cell marked only by its place, or two cells one space
    // apart; otherwise the flat reader splits the rows the same way.
    let needed = cells
        .iter()
        .any(|(c, single)| *single || c.iter().any(String::is_empty));
    if !needed {
        return None;
    }
    let label_head: String = header
        .iter()
        .flat_map(|&l| segments(&lines[l].text))
        .filter(|s| s.end <= label_end)
        .map(|s| s.text)
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = Vec::new();
    let mut head = vec![label_head];
    head.extend(names.iter().map(|n| joined_name(n)));
    out.push(tab_line(lines[h].number, lines[h].y, &head));
    let mut by_line: std::collections::HashMap<usize, Vec<String>> = Default::default();
    for (&r, (c, _)) in data.iter().zip(&cells) {
        by_line.insert(r, c.clone());
    }
    let mut r = first;
    while r <= last {
        if blank(r) {
            r += 1;
            continue;
        }
        let label = rows[r].label.clone();
        match by_line.get(&r) {
            Some(c) => {
                let mut row = vec![label];
                row.extend(c.iter().cloned());
                out.push(tab_line(lines[r].number, lines[r].y, &row));
            }
            None => {
                // A label line: the row goes on on the next line when that line's
                // figures have no label, or its label goes on in lower case.
                let next = by_line.get(&(r + 1)).filter(|_| {
                    let l = &rows[r + 1].label;
                    l.is_empty()
                        || l.starts_with(|c: char| c.is_lowercase())
                            && !crate::grammar::statement::is_part_of(vocab, l)
                            && !label.ends_with(':')
                });
                match next {
                    Some(c) => {
                        let more = &rows[r + 1].label;
                        let joined = if more.is_empty() {
                            label
                        } else if label.ends_with('-') && !label.ends_with(" -") {
                            // A word broken at its hyphen ("utbildnings-" / "nämnden").
                            format!("{}{more}", label.trim_end_matches('-'))
                        } else {
                            format!("{label} {more}")
                        };
                        let mut row = vec![joined];
                        row.extend(c.iter().cloned());
                        out.push(tab_line(lines[r].number, lines[r].y, &row));
                        r += 1;
                    }
                    None => out.push(tab_line(lines[r].number, lines[r].y, &[label])),
                }
            }
        }
        r += 1;
    }
    Some((last, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &str) -> Vec<Line> {
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

    fn placed(text: &str) -> Option<Vec<String>> {
        let lines = lines_of(text);
        let refs: Vec<&Line> = lines.iter().collect();
        place(&refs, Vocabulary::builtin_shared()).map(|p| p.into_iter().map(|l| l.text).collect())
    }

    fn values(text: &str, label: &str) -> Vec<Option<String>> {
        let tables = crate::table::extract_text(text, Vocabulary::builtin_shared());
        let row = tables
            .iter()
            .flat_map(|t| t.rows.iter())
            .find(|r| r.label == label)
            .unwrap_or_else(|| panic!("no row {label}: {tables:?}"));
        row.cells
            .iter()
            .map(|c| c.value.map(|v| v.to_string()))
            .collect()
    }

    /// Right-aligned columns, one empty cell marked only by its place.
    const RIGHT: &str = "Driftredovisning per nämnd (tkr)
                                   Budget      Utfall     Avvikelse
                                     2023        2023
Kommunstyrelsen                    45 200      43 900         1 300
Barn- och utbildningsnämnden      312 400     318 100        -5 700
Överförmyndaren                                 1 200        -1 200
Tekniska nämnden                   38 500      37 800           700
Summa                             396 100     401 000        -4 900
";

    #[test]
    fn an_empty_cell_is_placed_by_its_column() {
        let out = placed(RIGHT).expect("placed");
        assert_eq!(out[1], "\tBudget 2023\tUtfall 2023\tAvvikelse", "{out:?}");
        assert_eq!(
            values(RIGHT, "Överförmyndaren"),
            [None, Some("1200".into()), Some("-1200".into())]
        );
        assert_eq!(
            values(RIGHT, "Summa"),
            [
                Some("396100".into()),
                Some("401000".into()),
                Some("-4900".into())
            ]
        );
    }

    #[test]
    fn left_aligned_cells_one_space_apart_split_at_the_column_starts() {
        let text = "(tkr)                        Utfall   Förändring   Budget
Kommunstyrelsen              – 37 264 – 1 578      – 37 500
Revision                     – 614    – 9          – 620
Socialnämnden                – 4 646  – 76         – 4 937
";
        assert_eq!(
            values(text, "Kommunstyrelsen"),
            [
                Some("-37264".into()),
                Some("-1578".into()),
                Some("-37500".into())
            ]
        );
    }

    #[test]
    fn a_row_broken_over_two_lines_is_joined() {
        let text = RIGHT.replace(
            "Barn- och utbildningsnämnden      312 400",
            "Barn- och utbildnings-\nnämnden                           312 400",
        );
        assert_eq!(
            values(&text, "Barn- och utbildningsnämnden"),
            [
                Some("312400".into()),
                Some("318100".into()),
                Some("-5700".into())
            ]
        );
        let text = RIGHT.replace(
            "Barn- och utbildningsnämnden      312 400",
            "Barn- och utbildningsnämnden\n                                  312 400",
        );
        assert_eq!(
            values(&text, "Barn- och utbildningsnämnden"),
            [
                Some("312400".into()),
                Some("318100".into()),
                Some("-5700".into())
            ]
        );
    }

    #[test]
    fn a_block_whose_figures_miss_the_columns_is_left_alone() {
        // One figure shifted a character: the columns do not line up over the table.
        let text = RIGHT.replace(
            "                                 1 200",
            "                                1 200 ",
        );
        assert_eq!(placed(&text), None);
        // Every row full, every gap two spaces or more: the flat reader reads it as well.
        let text = RIGHT.replace(
            "Överförmyndaren                                 1 200",
            "Överförmyndaren                     1 000       1 200",
        );
        assert_eq!(placed(&text), None);
        // A header segment standing over two columns names neither.
        let text = RIGHT.replace(
            "                                   Budget      Utfall     Avvikelse",
            "                                Budget och utfall        Avvikelse",
        );
        assert_eq!(placed(&text), None);
    }
}
