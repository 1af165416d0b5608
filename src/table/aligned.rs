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
use crate::layout::Line;

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
    // The word being read: its first character's index and byte offset.
    let mut open: Option<(usize, usize)> = None;
    for (i, (at, c)) in line.char_indices().enumerate() {
        if c == ' ' {
            if let Some((start, from)) = open.take() {
                out.push(Word {
                    start,
                    end: i,
                    text: line[from..at].to_string(),
                });
            }
        } else if open.is_none() {
            open = Some((i, at));
        }
    }
    if let Some((start, from)) = open {
        let text = line[from..].to_string();
        out.push(Word {
            start,
            end: start + text.chars().count(),
            text,
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

/// The page's lines with every aligned block placed by character column written back as
/// tab-separated rows; `None` when no block is.
pub(crate) fn place(lines: &[&Line], vocab: &Vocabulary) -> Option<Vec<Line>> {
    if lines.iter().any(|l| l.text.contains('\t')) {
        return None;
    }
    let rows: Vec<Row> = lines.iter().map(|l| row_of(&l.text)).collect();
    let mut replaced: Vec<(usize, usize, Vec<Line>)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !is_data(&rows[i]) {
            i += 1;
            continue;
        }
        match block_from(i, lines, &rows, vocab) {
            Ok((from, to, out)) => {
                replaced.push((from, to, out));
                i = to + 1;
            }
            Err(skip) => i = skip.max(i + 1),
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

/// A line with figures that are not all years.
fn is_data(row: &Row) -> bool {
    !row.tail.is_empty() && !row.tail.iter().all(|w| super::cell::is_year(&w.text))
}

/// Longest label line a block holds (longer is prose).
const MAX_LABEL: usize = 60;
/// Header lines above a block's first row at most (words stacked over their columns).
const MAX_HEADER: usize = 8;

/// Connector words a label broken over lines ends with ("Direktförsäljning och").
const CONNECTORS: [&str; 10] = [
    "och", "samt", "i", "av", "för", "till", "med", "inkl.", "exkl.", "mot",
];

/// The block whose first row with figures is line `d`: its first and last line and its
/// tab-separated lines; or the line to go on from.
fn block_from(
    d: usize,
    lines: &[&Line],
    rows: &[Row],
    vocab: &Vocabulary,
) -> Result<(usize, usize, Vec<Line>), usize> {
    let blank = |i: usize| lines[i].text.trim().is_empty();
    let label_only = |i: usize| {
        !blank(i) && rows[i].tail.is_empty() && {
            let segs = segments(&lines[i].text);
            segs.len() == 1 && segs[0].text.chars().count() <= MAX_LABEL
        }
    };
    // The body: rows with figures and label lines, at most one blank line at a time; a
    // row with figures after two blank lines (a total set apart) is tried with the block
    // and, if the block does not read with it, left out.
    let mut j = d;
    let mut lasts = vec![d];
    let mut blanks = 0;
    while j < lines.len() {
        if blank(j) {
            blanks += 1;
            if blanks > 2 {
                break;
            }
        } else if is_data(&rows[j]) {
            match lasts.last_mut() {
                Some(l) if blanks < 2 => *l = j,
                _ => lasts.push(j),
            }
            blanks = 0;
        } else if label_only(j) && blanks < 2 {
            blanks = 0;
        } else {
            break;
        }
        j += 1;
    }
    let skip = lasts.last().map_or(d, |&l| l + 1);
    for &last in lasts.iter().rev() {
        if let Ok(found) = block_to(d, last, lines, rows, vocab) {
            return Ok(found);
        }
    }
    Err(skip)
}

/// The block from its first row with figures `d` to its last `last`.
fn block_to(
    d: usize,
    last: usize,
    lines: &[&Line],
    rows: &[Row],
    vocab: &Vocabulary,
) -> Result<(usize, usize, Vec<Line>), usize> {
    let skip = last + 1;
    let blank = |i: usize| lines[i].text.trim().is_empty();
    let label_only = |i: usize| {
        !blank(i) && rows[i].tail.is_empty() && {
            let segs = segments(&lines[i].text);
            segs.len() == 1 && segs[0].text.chars().count() <= MAX_LABEL
        }
    };
    let data: Vec<usize> = (d..=last).filter(|&r| is_data(&rows[r])).collect();
    if data.len() < 2 {
        return Err(skip);
    }
    let label_end = data
        .iter()
        .map(|&r| rows[r].tail[0].start)
        .min()
        .ok_or(skip)?;
    // Where the labels start.
    let margin = (d..=last)
        .filter(|&r| !blank(r))
        .filter_map(|r| words(&lines[r].text).first().map(|w| w.start))
        .min()
        .unwrap_or(0);
    // Heading lines just above the first row (in the label column), then the header:
    // lines with words over the figures, no figures but years.
    let mut first = d;
    while first > 0 && label_only(first - 1) && segments(&lines[first - 1].text)[0].end <= label_end
    {
        first -= 1;
    }
    let mut header: Vec<usize> = Vec::new();
    let mut h = first;
    while h > 0 && header.len() < MAX_HEADER {
        let l = h - 1;
        if blank(l) || is_data(&rows[l]) {
            break;
        }
        let segs = segments(&lines[l].text);
        // A line from the label column's margin into the figures is a title or prose.
        if !segs.iter().any(|s| s.end > label_end)
            || segs
                .iter()
                .any(|s| s.start <= margin + 2 && s.end > label_end)
        {
            break;
        }
        header.push(l);
        h = l;
    }
    header.reverse();
    if header.is_empty() {
        return Err(skip);
    }
    let col_segs = |l: usize| -> Vec<Word> {
        segments(&lines[l].text)
            .into_iter()
            .filter(|s| s.end > label_end)
            .collect()
    };
    if header
        .iter()
        .flat_map(|&l| col_segs(l))
        .any(|s| vocab.lookup("notes", s.text.trim()).is_some())
    {
        return Err(skip);
    }
    let tails: Vec<&[Word]> = data.iter().map(|&r| rows[r].tail.as_slice()).collect();
    let (cells, names) = exact_columns(&header, &col_segs, &tails, vocab)
        .or_else(|| band_columns(&header, &col_segs, &tails, vocab))
        .ok_or(skip)?;
    let n = names.len();
    if cells
        .iter()
        .filter(|(c, _)| c.iter().all(|x| !x.is_empty()))
        .count()
        < 2
    {
        return Err(skip);
    }
    // The rows: label lines joined to the row they continue, or to the row whose
    // figures stand under them; the rest are headings.
    let mut by_line: std::collections::HashMap<usize, Vec<String>> = Default::default();
    for (&r, (c, _)) in data.iter().zip(&cells) {
        by_line.insert(r, c.clone());
    }
    let mut joined_lines = false;
    let mut out_rows: Vec<(usize, String, Option<Vec<String>>)> = Vec::new();
    let continues = |label: &str, more: &str| {
        let bare = more.strip_prefix("- ").unwrap_or(more);
        bare.starts_with(|c: char| c.is_lowercase())
            || more.starts_with('(')
            || label.ends_with(',')
            || label.ends_with('-')
            || label
                .rsplit(' ')
                .next()
                .is_some_and(|w| CONNECTORS.contains(&w))
    };
    let join_label = |label: &str, more: &str| -> String {
        if label.is_empty() {
            more.to_string()
        } else if label.ends_with('-')
            && !label.ends_with(" -")
            && more.starts_with(|c: char| c.is_lowercase())
        {
            format!("{}{more}", label.trim_end_matches('-'))
        } else {
            format!("{label} {more}")
        }
    };
    let mut r = first;
    // Whether the last row pushed may take a continuation (no blank line since).
    let mut open = false;
    while r <= last {
        if blank(r) {
            open = false;
            r += 1;
            continue;
        }
        let text = lines[r].text.trim();
        match by_line.get(&r) {
            Some(c) => {
                let label = rows[r].label.clone();
                out_rows.push((r, label, Some(c.clone())));
                open = true;
            }
            None => {
                let prev_label = out_rows.last().map(|x| x.1.clone()).unwrap_or_default();
                let next_row = by_line.contains_key(&(r + 1));
                let next_label = if next_row {
                    rows[r + 1].label.as_str()
                } else {
                    ""
                };
                if open && continues(&prev_label, text) {
                    // The row above goes on on this line.
                    if let Some(last_row) = out_rows.last_mut() {
                        last_row.1 = join_label(&last_row.1, text);
                    }
                    joined_lines = true;
                } else if next_row
                    && (next_label.is_empty()
                        || next_label.starts_with(|c: char| c.is_lowercase())
                            && !crate::grammar::statement::is_part_of(vocab, next_label)
                            && !text.ends_with(':'))
                {
                    // The row's label starts here; its figures stand on the next line.
                    let c = by_line.get(&(r + 1)).cloned();
                    out_rows.push((r, join_label(text, next_label), c));
                    joined_lines = true;
                    open = true;
                    r += 2;
                    continue;
                } else if !open
                    && out_rows
                        .last()
                        .is_some_and(|x| x.2.is_none() && x.0 + 1 == r)
                    && text.starts_with(|c: char| c.is_lowercase())
                {
                    // A heading broken over two lines ("Gemensamma" / "tjänster").
                    if let Some(last_row) = out_rows.last_mut() {
                        last_row.1 = join_label(&last_row.1, text);
                    }
                    joined_lines = true;
                } else {
                    out_rows.push((r, text.to_string(), None));
                    open = false;
                }
            }
        }
        r += 1;
    }
    // Needed: a row with an empty cell marked only by its place, two cells one space
    // apart, or a row broken over lines; otherwise the flat reader reads it the same way.
    let needed = joined_lines
        || cells
            .iter()
            .any(|(c, single)| *single || c.iter().any(String::is_empty));
    if !needed {
        return Err(skip);
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
    let top = header[0];
    out.push(super::cellines::joined(
        lines[top].number,
        lines[top].y,
        &head,
    ));
    for (r, label, c) in out_rows {
        let mut row = vec![label];
        match c {
            Some(c) => row.extend(c),
            None => row.extend(std::iter::repeat_n(String::new(), n)),
        }
        out.push(super::cellines::joined(lines[r].number, lines[r].y, &row));
    }
    Ok((top, last, out))
}

/// Each row's cells and whether a boundary fell on one space.
type Placed = Vec<(Vec<String>, bool)>;

/// Columns whose figures start (left-aligned) or end (right-aligned) exactly where the
/// header's main line (the most segments) sets them, the other header lines joined to
/// the columns they stand over.
fn exact_columns(
    header: &[usize],
    col_segs: &dyn Fn(usize) -> Vec<Word>,
    tails: &[&[Word]],
    vocab: &Vocabulary,
) -> Option<(Placed, Vec<Vec<String>>)> {
    let main = header
        .iter()
        .copied()
        .max_by_key(|&l| (col_segs(l).len(), std::cmp::Reverse(l)))?;
    let cols = col_segs(main);
    if cols.len() < 2 {
        return None;
    }
    let n = cols.len();
    let placed = |edges: &[usize], left: bool| -> Option<Placed> {
        tails
            .iter()
            .map(|t| cells_of(t, edges, left, vocab))
            .collect()
    };
    let starts: Vec<usize> = cols.iter().map(|s| s.start).collect();
    let mut found = placed(&starts, true).map(|c| (c, starts.clone(), true));
    if found.is_none() {
        // Right-aligned: the ends of the full rows' figures (split at gaps of two spaces
        // or more into one figure per column), the same in every full row.
        let mut ends: Option<Vec<usize>> = None;
        let mut full = 0;
        for t in tails {
            let segs = tail_segments(t);
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
    // Each column's extent over its figures; every header segment stands over one.
    let spans: Vec<(usize, usize)> = (0..n)
        .map(|c| {
            let mut lo = usize::MAX;
            let mut hi = 0;
            for t in tails {
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
    for &l in header {
        let on = header_names(&col_segs(l), &spans)?;
        for (name, more) in names.iter_mut().zip(on) {
            name.extend(more);
        }
    }
    if names.iter().any(Vec::is_empty) {
        return None;
    }
    Some((cells, names))
}

/// A row's figure words grouped into segments set apart by two spaces or more.
fn tail_segments(t: &[Word]) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    for w in t {
        match out.last_mut() {
            Some(last) if w.start == last.end + 1 => {
                last.text.push(' ');
                last.text.push_str(&w.text);
                last.end = w.end;
            }
            _ => out.push(w.clone()),
        }
    }
    out
}

/// Columns as bands of character columns (`pdftotext -layout`, where a column's figures
/// may stand a character or two apart): every row's figures, in segments set apart by two
/// spaces or more, each one figure; the bands are where segments stand, apart by two
/// spaces or more in every row. Each row holds at most one segment per band; each
/// header segment stands over one band (or, over none, nearest to one); every band has a
/// header word.
fn band_columns(
    header: &[usize],
    col_segs: &dyn Fn(usize) -> Vec<Word>,
    tails: &[&[Word]],
    vocab: &Vocabulary,
) -> Option<(Placed, Vec<Vec<String>>)> {
    let segs: Vec<Vec<Word>> = tails.iter().map(|t| tail_segments(t)).collect();
    if segs.iter().flatten().any(|s| !one_figure(&s.text, vocab)) {
        return None;
    }
    let mut spans: Vec<(usize, usize)> = segs.iter().flatten().map(|s| (s.start, s.end)).collect();
    spans.sort_unstable();
    let mut bands: Vec<(usize, usize)> = Vec::new();
    for (a, b) in spans {
        match bands.last_mut() {
            Some(last) if a < last.1 + 2 => last.1 = last.1.max(b),
            _ => bands.push((a, b)),
        }
    }
    let n = bands.len();
    if n < 2 {
        return None;
    }
    let band_of = |s: &Word| bands.iter().position(|&(a, b)| a <= s.start && s.end <= b);
    let mut cells: Placed = Vec::new();
    for row in &segs {
        let mut c = vec![String::new(); n];
        for s in row {
            let k = band_of(s)?;
            if !c[k].is_empty() {
                return None;
            }
            c[k] = s.text.clone();
        }
        cells.push((c, false));
    }
    // The header's columns: its segments merged where they overlap (words stacked over
    // one column: "Prognos-" / "avvikelse" / "mot budget" / "helår"), each standing over
    // one band (or, over none, nearest to one), one header column per band.
    let all: Vec<(usize, Word)> = header
        .iter()
        .flat_map(|&l| col_segs(l).into_iter().map(move |s| (l, s)))
        .collect();
    let mut hcols: Vec<(usize, usize)> = all.iter().map(|(_, s)| (s.start, s.end)).collect();
    hcols.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (a, b) in hcols {
        match merged.last_mut() {
            Some(last) if a < last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    if merged.len() != n {
        return None;
    }
    let mut band_of_hcol = Vec::with_capacity(n);
    for &(a, b) in &merged {
        let over: Vec<usize> = (0..n)
            .filter(|&k| a < bands[k].1 && bands[k].0 < b)
            .collect();
        let k = match over.as_slice() {
            [k] => *k,
            [] => {
                let dist = |k: usize| {
                    if b <= bands[k].0 {
                        bands[k].0 - b
                    } else {
                        a.saturating_sub(bands[k].1)
                    }
                };
                let mut order: Vec<usize> = (0..n).collect();
                order.sort_by_key(|&k| dist(k));
                if order.len() > 1 && dist(order[0]) == dist(order[1]) {
                    return None;
                }
                order[0]
            }
            _ => return None,
        };
        band_of_hcol.push(k);
    }
    // One header column per band, in order.
    if band_of_hcol.iter().enumerate().any(|(i, &k)| i != k) {
        return None;
    }
    let mut names: Vec<Vec<String>> = vec![Vec::new(); n];
    for (_, s) in all {
        let h = merged
            .iter()
            .position(|&(a, b)| a <= s.start && s.end <= b)?;
        names[h].push(s.text);
    }
    if names.iter().any(Vec::is_empty) {
        return None;
    }
    Some((cells, names))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placed(text: &str) -> Option<Vec<String>> {
        let lines = crate::table::test_lines(text);
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

    /// As `pdftotext -layout` writes a table: header words stacked over their columns,
    /// figures a character or two off each other, labels broken over lines.
    const LAYOUT: &str = "Uppföljning per verksamhet helår
                                                                    Prognos-
                       Prognos      Prognos       Budget
                                                                    avvikelse
Verksamhet             intäkter     kostnader     kostnader
                                                                    mot budget
                       helår        helår         helår
Gemensamma
verksamheter
- Ekonomi                  40,5        -38,2         -39,0              0,8
- Kommunikation,           12,0        -11,4         -11,9              0,5
ledning och styrning
Summa gemensamma            52,5       -49,6         -50,9              1,3
Måltider och              210,4       -212,0        -209,5             -2,5
lokalvård
Kommunbidrag                18,0        -18,0         -18,0                0
Totalt                     280,9      -279,6        -278,4             -1,2
";

    #[test]
    fn a_layout_table_is_read_by_the_bands_of_its_columns() {
        let out = placed(LAYOUT).expect("placed");
        assert_eq!(
            out[1],
            "Verksamhet\tPrognos intäkter helår\tPrognos kostnader helår\tBudget kostnader helår\tPrognosavvikelse mot budget",
            "{out:?}"
        );
        assert!(
            out.contains(&"Gemensamma verksamheter\t\t\t\t".to_string()),
            "{out:?}"
        );
        assert!(
            out.contains(
                &"- Kommunikation, ledning och styrning\t12,0\t-11,4\t-11,9\t0,5".to_string()
            ),
            "{out:?}"
        );
        assert!(
            out.contains(&"Måltider och lokalvård\t210,4\t-212,0\t-209,5\t-2,5".to_string()),
            "{out:?}"
        );
        assert_eq!(
            values(LAYOUT, "Kommunbidrag"),
            [
                Some("18.0".into()),
                Some("-18.0".into()),
                Some("-18.0".into()),
                Some("0".into())
            ]
        );
        // A figure standing over the gutter between two columns: nothing is placed.
        let text = LAYOUT.replace(
            "Kommunbidrag                18,0",
            "Kommunbidrag                      18,0",
        );
        assert_eq!(placed(&text), None);
    }

    #[test]
    fn a_total_after_two_blank_lines_still_closes_its_table() {
        let text = LAYOUT.replace("\nTotalt", "\n\n\nTotalt");
        let out = placed(&text).expect("placed");
        assert_eq!(
            out.last().map(String::as_str),
            Some("Totalt\t280,9\t-279,6\t-278,4\t-1,2"),
            "{out:?}"
        );
        let tables = crate::table::extract_text(&text, Vocabulary::builtin_shared());
        assert_eq!(tables.len(), 1, "{tables:?}");
        // A line after the gap that does not fit the columns is left out of the block.
        let text = LAYOUT
            .replace("\nTotalt", "\n\n\nTotalt")
            .replace("-1,2\n", "-1,2            17\n");
        let out = placed(&text).expect("placed");
        assert!(out.iter().all(|l| !l.starts_with("Totalt\t")), "{out:?}");
    }

    #[test]
    fn a_block_whose_figures_miss_the_columns_is_left_alone() {
        // One figure standing between two columns: it lines up with neither.
        let text = RIGHT.replace(
            "Överförmyndaren                                 1 200",
            "Överförmyndaren                         1 200        ",
        );
        assert_eq!(placed(&text), None);
        // A figure a character off its column's edge (as `pdftotext -layout` writes them)
        // still stands in its column's band: placed.
        let text = RIGHT.replace(
            "                                 1 200",
            "                                1 200 ",
        );
        assert_eq!(
            placed(&text).expect("placed")[4],
            "Överförmyndaren\t\t1 200\t-1 200"
        );
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
