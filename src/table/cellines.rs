//! Tables written one cell per line (a web page's table copied as text, Luleå's
//! resultaträkning): a label line, then each figure on its own line, blank lines
//! between, and the header the same way ("NOT", "2018", "2017", …). Such a block is
//! joined back into tab-separated rows, so the delimited reader reads it as any table.
//! Only a block whose every row has as many cells as the header names (or one fewer,
//! the note reference left out under a "Not" header) is joined; anything else is left
//! as it was.

use super::cell::{is_dash, is_year};
use super::notes::is_note_reference;
use crate::grammar::number::{currency_split, parse_figure};
use crate::grammar::product::is_unit;
use crate::grammar::vocab::Vocabulary;
use crate::layout::{Line, Span};
use rust_decimal::Decimal;

/// Rows a block needs before it is taken for a table.
const MIN_ROWS: usize = 3;

fn is_cell(text: &str, vocab: &Vocabulary) -> bool {
    let t = text.trim();
    !t.is_empty()
        && (is_dash(t)
            || parse_figure(t, vocab).is_some()
            || is_note_reference(t)
            || (may_be_marked_cell(t) && marked_cell(t, vocab)))
}

/// Whether a line is short enough and has a digit, so that it may be one figure with its
/// currency mark ("4 326 kr/år", "302 kr lägre"): the cheap test before the marks are
/// tried, since every line of a page is asked whether it is a cell.
fn may_be_marked_cell(t: &str) -> bool {
    t.len() <= 40 && t.bytes().any(|b| b.is_ascii_digit())
}

/// One figure with its currency mark, or with the mark and a word comparing it.
fn marked_cell(t: &str, vocab: &Vocabulary) -> bool {
    currency_split(t, vocab).is_some_and(|(body, _)| parse_figure(body, vocab).is_some())
        || super::cell::compared_amount(t, vocab)
            .is_some_and(|(body, ..)| parse_figure(body, vocab).is_some())
}

fn is_note_word(text: &str, vocab: &Vocabulary) -> bool {
    vocab.lookup("notes", text.trim()).is_some()
}

/// A label line: short text that is no cell.
fn is_label(text: &str, vocab: &Vocabulary) -> bool {
    let t = text.trim();
    // The cheap tests first: a long line or a tab is no label, whatever its cells.
    !t.is_empty() && t.chars().count() <= 80 && !t.contains('\t') && line_cells(t, vocab).is_none()
}

struct Group {
    /// Index (into the non-blank lines) of the label line.
    label: usize,
    /// Each cell with the index of the line it stands on (a line may hold several:
    /// " 6,6  -59,3  -60,1 …" after cells one per line). An empty cell written as a
    /// line of spaces (" ", as web pages are copied) is "" with the index of the line
    /// before it.
    cells: Vec<(usize, String)>,
    /// Lines of spaces after the last cell, before the next line with text: empty cells
    /// at the row's end, or spacing between rows (used only to fill the row's width).
    trailing: usize,
}

impl Group {
    /// The cells that hold a figure, a dash or a note (not the empty ones).
    fn written(&self) -> usize {
        self.cells.iter().filter(|c| !c.1.is_empty()).count()
    }
}

/// The cells a line holds: itself when it is one cell; else its whitespace-separated
/// figures when each is a figure with decimals ("6,6  -59,3  -60,1 1,6": a decimal part
/// closes a figure, so no space inside them can group thousands), a leading group of
/// one to three digits joined to a following "dd,d" group of three digits ("-1 074,0").
pub(super) fn line_cells(text: &str, vocab: &Vocabulary) -> Option<Vec<String>> {
    let t = text.trim();
    if is_cell(t, vocab) {
        return Some(vec![t.to_string()]);
    }
    let tokens: Vec<&str> = t.split_whitespace().collect();
    if tokens.len() < 2 {
        return None;
    }
    // Every cell must be a figure with decimals: the first that is not ends the reading
    // (most lines are words, and the first word says so).
    let decimal = |c: &str| {
        c.rsplit_once(',')
            .is_some_and(|(_, f)| !f.is_empty() && f.chars().all(|d| d.is_ascii_digit()))
            && parse_figure(c, vocab).is_some()
    };
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let tok = tokens[i];
        let lead = tok.trim_start_matches(['-', '−', '–']);
        let continues = tokens.get(i + 1).is_some_and(|n| {
            n.split_once(',')
                .is_some_and(|(int, _)| int.len() == 3 && int.chars().all(|c| c.is_ascii_digit()))
        });
        let cell = if !lead.is_empty()
            && lead.len() <= 3
            && lead.chars().all(|c| c.is_ascii_digit())
            && continues
        {
            i += 2;
            format!("{tok} {}", tokens[i - 1])
        } else {
            i += 1;
            tok.to_string()
        };
        if !decimal(&cell) {
            return None;
        }
        out.push(cell);
    }
    Some(out)
}

/// Group headings a block may hold between two groups ("TILLGÅNGAR",
/// "ANLÄGGNINGSTILLGÅNGAR", a row whose only cell is blank): short label lines, at most
/// this many in a row.
const MAX_HEADINGS: usize = 3;

/// A heading line inside a block: a short label that is no sentence.
fn is_heading(text: &str, vocab: &Vocabulary) -> bool {
    let t = text.trim();
    is_label(t, vocab)
        && t.chars().count() <= 60
        && !t.ends_with('.')
        && !t.ends_with(':')
        && !t.chars().any(|c| c.is_ascii_digit())
}

/// A header written on one line above the rows, each column's name ending in its year
/// ("mnkr Intäkter 2020Intäkter 2021Kostnader 2020 … Avvikelse mot budget 2021", the
/// cells glued together or not): the label column's header (the words before the first
/// column's last capitalised word, "mnkr") and `width` column names, or `None`.
pub(super) fn year_header(text: &str, width: usize) -> Option<(String, Vec<String>)> {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut segments: Vec<String> = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i + 4 <= chars.len() {
        let year: String = chars[i..i + 4].iter().collect();
        let before = i == 0 || !chars[i - 1].is_ascii_digit();
        let after = chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        if before && after && is_year(&year) {
            segments.push(
                chars[start..i + 4]
                    .iter()
                    .collect::<String>()
                    .trim()
                    .to_string(),
            );
            start = i + 4;
            i += 4;
        } else {
            i += 1;
        }
    }
    if segments.len() != width || width < 2 || chars[start..].iter().any(|c| !c.is_whitespace()) {
        return None;
    }
    let first = segments[0].clone();
    let words: Vec<&str> = first.split_whitespace().collect();
    let at = words[..words.len().saturating_sub(1)]
        .iter()
        .rposition(|w| w.chars().next().is_some_and(char::is_uppercase))?;
    segments[0] = words[at..].join(" ");
    if segments.iter().any(|s| s.split_whitespace().count() < 2) {
        return None;
    }
    Some((words[..at].join(" "), segments))
}

/// A text line of tab-separated cells, as the table readers take it (no positions).
pub(super) fn joined<S: AsRef<str>>(number: u32, y: f64, cells: &[S]) -> Line {
    Line {
        number,
        y,
        text: cells
            .iter()
            .map(AsRef::as_ref)
            .collect::<Vec<&str>>()
            .join("\t"),
        spans: cells
            .iter()
            .map(|c| Span {
                text: c.as_ref().to_string(),
                x0: 0.0,
                x1: 0.0,
                font_size: 0.0,
                ocr: None,
            })
            .collect(),
        furniture: false,
    }
}

/// A row of a joined block whose cells did not fit the block's columns, or a row of the
/// rest of such a block: its figures are not placed in columns they may not belong to,
/// and are reported as a row not read (TAB003), never dropped in silence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Unread {
    /// The number of the row's label line.
    pub line: u32,
    /// The number of the row's last line (its last cell, or a line of spaces after it).
    pub last: u32,
    pub label: String,
    /// The label and the row's cells as written, one after the other.
    pub text: String,
    pub reason: String,
}

/// Why a row of a block written one cell per line was not placed in columns.
enum Why<'r> {
    /// It does not fit the table's columns (their count).
    Misfit(usize),
    /// It comes after a row that did not fit.
    After,
    /// Its block gave no table, for this reason.
    NoTable(&'r str),
}

/// The row of `group` as a row not read, when it holds a figure.
fn unread<'a>(
    group: &Group,
    why: Why,
    text: &dyn Fn(usize) -> &'a str,
    lines: &[&Line],
    filled: &[usize],
) -> Option<Unread> {
    if group.written() == 0 {
        return None;
    }
    let label = text(group.label).to_string();
    let cells: Vec<&str> = group
        .cells
        .iter()
        .map(|c| if c.1.is_empty() { "·" } else { c.1.as_str() })
        .collect();
    let n = group.cells.len();
    let reason = match why {
        Why::Misfit(w) => format!(
            "written one cell per line, its {n} cells (\"·\" a line of spaces) do not fit the table's {w} columns, so which columns its figures stand in is not written"
        ),
        Why::After => format!(
            "written one cell per line after a row that did not fit the table's columns, its {n} cells (\"·\" a line of spaces) cannot be placed in columns"
        ),
        Why::NoTable(why) => format!(
            "written one cell per line, its {n} cells (\"·\" a line of spaces) were not read as a table: {why}"
        ),
    };
    let last = group.cells.iter().map(|c| c.0).max().unwrap_or(group.label);
    Some(Unread {
        line: lines[filled[group.label]].number,
        last: lines[filled[last]].number,
        text: format!("{label} {}", cells.join(" ")),
        label,
        reason,
    })
}

/// A row of a joined block with fewer figures than the block's columns, its empty cells
/// not written: it is joined in its first reading (figures from the left), and every
/// order-keeping placement of its figures is a reading (TAB001), so that the relations
/// through it are not decided.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Unplaced {
    /// The number of the row's label line (the joined row's number).
    pub line: u32,
    /// Each reading: one text per column, "" where the reading leaves the cell empty.
    pub readings: Vec<Vec<String>>,
    /// `readings` holds every order-keeping placement of the row's figures.
    pub complete: bool,
}

/// What [`join`] gives back.
pub(crate) struct Joined {
    /// The page's lines, every joined block replaced by its tab-separated rows.
    pub lines: Vec<Line>,
    /// Rows with figures that could not be joined into their block's columns.
    pub not_read: Vec<Unread>,
    /// Joined rows whose figures' columns are not written.
    pub unplaced: Vec<Unplaced>,
}

/// The page's lines with every one-cell-per-line table joined into tab-separated rows
/// (each row numbered as its label line; the header as its first cell's line), and the
/// rows with figures that could not be joined into their block's columns.
pub(crate) fn join(lines: &[&Line], vocab: &Vocabulary) -> Option<Joined> {
    let filled: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].text.trim().is_empty())
        .collect();
    let text = |k: usize| lines[filled[k]].text.trim();
    // Lines of spaces between the non-blank lines `k - 1` and `k` (or after the last).
    let spaces_before = |k: usize| {
        let from = filled[k - 1] + 1;
        let to = filled.get(k).copied().unwrap_or(lines.len());
        (from..to)
            .filter(|&i| !lines[i].text.is_empty() && lines[i].text.trim().is_empty())
            .count()
    };
    // Every label line followed by at least two cell lines.
    let mut groups: Vec<Group> = Vec::new();
    // A label with a single figure under it: a row of a block whose header names its
    // columns (a row with fewer figures, its empty cells not written), else no group.
    let mut singles: Vec<Group> = Vec::new();
    // A label with one figure after lines of spaces (empty cells written as such): a
    // row of the page's cell-per-line table that no block may take.
    let mut spaced: Vec<Group> = Vec::new();
    let mut k = 0;
    while k < filled.len() {
        if !is_label(text(k), vocab) {
            k += 1;
            continue;
        }
        let mut cells = Vec::new();
        let mut j = k + 1;
        while j < filled.len() {
            let Some(mut on_line) = line_cells(text(j), vocab) else {
                break;
            };
            // A figure wrapped over two lines ("1 234 " / "567"): one cell, standing on
            // its second line.
            let mut at = j;
            if let Some(whole) = wrapped_figure(j, lines, &filled, vocab) {
                on_line = vec![whole];
                at = j + 1;
            }
            cells.extend(std::iter::repeat_n(
                (j - 1, String::new()),
                spaces_before(j),
            ));
            cells.extend(on_line.into_iter().map(|c| (at, c)));
            j = at + 1;
        }
        let group = Group {
            label: k,
            trailing: if j > k + 1 { spaces_before(j) } else { 0 },
            cells,
        };
        if group.written() >= 2 {
            groups.push(group);
            k = j;
        } else {
            if group.written() == 1 && group.cells.len() == 1 {
                singles.push(group);
            } else if group.written() == 1 {
                spaced.push(group);
            }
            k += 1;
        }
    }
    // Tables under a header whose names were printed glued: their lines are theirs.
    let mut glued = glued_header_blocks(&text, lines, &filled, vocab);
    // Tables whose header names stand one per line and whose rows hold only figures.
    let named = header_line_blocks(&text, lines, &filled, vocab);
    glued.retain(|b| !named.iter().any(|n| b.0 <= n.1 && n.0 <= b.1));
    glued.extend(named);
    let outside = |g: &Group| !glued.iter().any(|b| g.label >= b.0 && g.label <= b.1);
    groups.retain(outside);
    singles.retain(outside);
    let mut replace: Vec<Block> = glued;
    let mut not_read: Vec<Unread> = Vec::new();
    let mut unplaced: Vec<Unplaced> = Vec::new();
    let mut g = 0;
    let mut cut = false;
    while g < groups.len() {
        // A block: groups that follow each other directly, or with a few group
        // headings between them (label lines without cells of their own).
        // A block under a header that names its columns (a group of years, or one
        // year label per column above the first row) may hold rows of one figure
        // between its groups.
        let named = groups[g]
            .cells
            .iter()
            .filter(|c| !c.1.is_empty())
            .all(|c| is_year(&c.1))
            || year_labels_above(groups[g].label, &text).len() >= 2
            || note_header_above(groups[g].label, &text, vocab).is_some();
        let mut end = g + 1;
        let mut block: Vec<&Group> = vec![&groups[g]];
        while end < groups.len() {
            // A second row of years heads the rows under it (the kommun's five years,
            // then the koncern's): a table of its own.
            if groups[end]
                .cells
                .iter()
                .filter(|c| !c.1.is_empty())
                .all(|c| is_year(&c.1))
            {
                break;
            }
            let after = groups[end - 1].cells.last().map_or(0, |c| c.0 + 1);
            let inside: Vec<&Group> = singles
                .iter()
                .filter(|s| named && s.label >= after && s.label < groups[end].label)
                .collect();
            let is_single_line = |k: usize| {
                inside
                    .iter()
                    .any(|s| s.label == k || s.cells.iter().any(|c| c.0 == k))
            };
            let between = (after..groups[end].label)
                .filter(|&k| !is_single_line(k))
                .count();
            if groups[end].label < after
                || between > MAX_HEADINGS
                || !(after..groups[end].label)
                    .all(|k| is_single_line(k) || is_heading(text(k), vocab))
            {
                break;
            }
            block.extend(inside);
            block.push(&groups[end]);
            end += 1;
        }
        // A block after one that ended at a row not fitting its columns, without a
        // header of its own, is the rest of that table: its rows cannot be placed.
        let headerless = !groups[g]
            .cells
            .iter()
            .filter(|c| !c.1.is_empty())
            .all(|c| is_year(&c.1));
        if !(cut && headerless) {
            match block_rows(&block, &text, lines, &filled, vocab) {
                Ok((rows, ended_early, rest, placements)) => {
                    replace.push(rows);
                    cut = ended_early;
                    not_read.extend(rest);
                    unplaced.extend(placements);
                }
                // The block's lines stay as they were; its rows with figures are rows
                // not read unless another reader reads their lines.
                // A group of years alone is a header, not a row with figures.
                // A label with one figure was no row of a block before it was taken
                // into one: it is left to the other readers, as it was.
                Err(why) => not_read.extend(
                    block
                        .iter()
                        .filter(|gr| gr.written() >= 2)
                        .filter(|gr| !gr.cells.iter().all(|c| c.1.is_empty() || is_year(&c.1)))
                        .filter_map(|gr| unread(gr, Why::NoTable(&why), &text, lines, &filled)),
                ),
            }
        } else {
            not_read.extend(
                block
                    .iter()
                    .filter(|gr| gr.written() >= 2)
                    .filter_map(|gr| unread(gr, Why::After, &text, lines, &filled)),
            );
        }
        g = end;
    }
    replace.extend(single_column_blocks(
        &singles, &replace, &text, lines, &filled, vocab,
    ));
    let lists = labelled_lists(&replace, &text, lines, &filled, vocab);
    replace.extend(lists);
    replace.sort_by_key(|b| b.0);
    // On a page with a cell-per-line table, a row of one figure after lines of spaces
    // that no block took is a row not read (unless another reader reads its lines),
    // never dropped without a word.
    if !groups.is_empty() {
        let taken = |k: usize| replace.iter().any(|b| (b.0..=b.1).contains(&k));
        // A lone year is a header's cell, no figure of a row.
        let year_only = |gr: &&Group| gr.cells.iter().any(|c| is_year(&c.1));
        let rows = spaced
            .iter()
            .filter(|gr| !taken(gr.label) && !year_only(gr));
        not_read.extend(rows.filter_map(|gr| {
            unread(
                gr,
                Why::NoTable(
                    "a label with one figure, its other cells lines of spaces, outside any block read as a table, so which column the figure stands in is not written",
                ),
                &text,
                lines,
                &filled,
            )
        }));
    }
    if replace.is_empty() && not_read.is_empty() {
        return None;
    }
    Some(Joined {
        lines: splice(lines, &filled, replace, false),
        not_read,
        unplaced,
    })
}

/// The page's lines with each block's lines (a range of `filled`, the indexes of the
/// lines with text) replaced by the rows joined from them, in place of its first line;
/// the blank lines inside a block go with it where `with_blanks`, else they stay.
pub(super) fn splice(
    lines: &[&Line],
    filled: &[usize],
    replace: Vec<Block>,
    with_blanks: bool,
) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut taken = vec![false; lines.len()];
    let mut inserts: Vec<(usize, Vec<Line>)> = Vec::new();
    for (first, last, rows) in replace {
        if with_blanks {
            taken[filled[first]..=filled[last]].fill(true);
        } else {
            for &i in &filled[first..=last] {
                taken[i] = true;
            }
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
    out
}

/// A joined block: the first and last filled index it replaces, and its lines.
pub(super) type Block = (usize, usize, Vec<Line>);

/// A line "Label: figure" (a list item, "• Grundskola: 10 069 kronor", "Kommunen: 17,35
/// kronor"): its label without the bullet and the colon, and the figure as written.
fn labelled_figure<'a>(text: &'a str, vocab: &Vocabulary) -> Option<(&'a str, &'a str)> {
    let t = text
        .trim()
        .trim_start_matches(['•', '–', '-', '*', '·', '\u{f0b7}'])
        .trim_start();
    let (label, figure) = t.rsplit_once(": ")?;
    let (label, figure) = (label.trim(), figure.trim());
    let plain = !label.is_empty()
        && label.chars().count() <= 80
        && label.chars().next().is_some_and(char::is_alphabetic)
        && !label.contains(':')
        && !label.contains(". ");
    (plain && parse_figure(figure, vocab).is_some()).then_some((label, figure))
}

/// Lists of "Label: figure" lines, one item a line (blank lines between them or not),
/// whose run holds at least two items before an item whose label states a total ("•
/// TOTALT: 60 521 kronor"): the run up to its last total is joined into two-cell rows
/// (label, figure), a table of one column. A run without a total states no relation and
/// is left as it was.
fn labelled_lists<'a>(
    taken: &[Block],
    text: &dyn Fn(usize) -> &'a str,
    lines: &[&Line],
    filled: &[usize],
    vocab: &Vocabulary,
) -> Vec<Block> {
    let free = |k: usize| !taken.iter().any(|b| k >= b.0 && k <= b.1);
    let mut out = Vec::new();
    let mut k = 0;
    while k < filled.len() {
        let mut end = k;
        while end < filled.len() && free(end) && labelled_figure(text(end), vocab).is_some() {
            end += 1;
        }
        if end == k {
            k += 1;
            continue;
        }
        let items: Vec<(&str, &str)> = (k..end)
            .filter_map(|i| labelled_figure(text(i), vocab))
            .collect();
        let last_total = items.iter().rposition(|(l, _)| vocab.is_total_label(l));
        if let Some(t) = last_total.filter(|&t| t >= MIN_ROWS - 1) {
            let rows: Vec<Line> = items[..=t]
                .iter()
                .enumerate()
                .map(|(i, (label, figure))| {
                    let at = lines[filled[k + i]];
                    joined(at.number, at.y, &[*label, *figure])
                })
                .collect();
            out.push((k, k + t, rows));
        }
        k = end;
    }
    out
}

/// Tables of one figure column written one cell per line (a web page's price list or
/// worked example: "Grundavgift" / "2 000 kr" / "Rörlig avgift" / "2 775 kr" /
/// "Totalt" / "4 775 kr"): a run of labels each directly followed by its one figure,
/// nothing but blank lines between them, that holds at least two rows before a row
/// whose label states a total. The run up to its last total row is joined into
/// two-cell rows (label, figure); rows after that total, and runs without one, are
/// left as they were (a list of figures with no total states no relation).
fn single_column_blocks<'a>(
    singles: &[Group],
    taken: &[Block],
    text: &dyn Fn(usize) -> &'a str,
    lines: &[&Line],
    filled: &[usize],
    vocab: &Vocabulary,
) -> Vec<Block> {
    let free = |g: &Group| {
        let end = g.cells.last().map_or(g.label, |c| c.0);
        !taken.iter().any(|b| g.label <= b.1 && end >= b.0)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < singles.len() {
        // The run: each single's label on the line directly after the previous one's
        // figure, or on the line after that when the line between is the first line of
        // a label wrapped over two ("Stadsmiljö och tekniska nämnden" / "(inkl
        // måltidsservice)" / "170,2").
        // The second line must read as the first one's continuation (a parenthesis or a
        // lowercase word), not as a label of its own under a heading ("Exempel B: …" /
        // "Fast avgift per fastighet").
        let wrapped_label = |k: usize| {
            let between = singles[k - 1].cells[0].0 + 1;
            let first = text(between).trim();
            let continues = text(singles[k].label)
                .trim_start()
                .starts_with(|c: char| c == '(' || c.is_lowercase());
            singles[k].label == between + 1
                && continues
                && is_label(first, vocab)
                && !first.ends_with([':', '.'])
                && !vocab.is_total_label(first)
        };
        let mut end = i + 1;
        while end < singles.len()
            && (singles[end].label == singles[end - 1].cells[0].0 + 1 || wrapped_label(end))
            && free(&singles[end])
        {
            end += 1;
        }
        if !free(&singles[i]) {
            i += 1;
            continue;
        }
        let run = &singles[i..end];
        let last_total = run
            .iter()
            .rposition(|g| vocab.is_total_label(text(g.label)));
        if let Some(t) = last_total.filter(|&t| t >= MIN_ROWS - 1) {
            let rows: Vec<Line> = run[..=t]
                .iter()
                .enumerate()
                .map(|(k, g)| {
                    // A label wrapped over two lines is one label, on its first line.
                    let first_line = (k > 0 && wrapped_label(i + k)).then(|| g.label - 1);
                    let label = match first_line {
                        Some(f) => format!("{} {}", text(f).trim(), text(g.label).trim()),
                        None => text(g.label).to_string(),
                    };
                    let at = lines[filled[first_line.unwrap_or(g.label)]];
                    joined(at.number, at.y, &[label.as_str(), g.cells[0].1.as_str()])
                })
                .collect();
            out.push((run[0].label, run[t].cells[0].0, rows));
        }
        i = end;
    }
    out
}

/// The rows of one block of groups, with its header when the group before the rows
/// is one ("NOT" over years), as (first filled index, last filled index, lines),
/// whether a row that did not fit the columns ended the block early, and that row and
/// the block's rows after it that hold figures (rows not read); or why the block gives
/// no table.
fn block_rows<'a>(
    groups: &[&Group],
    text: &dyn Fn(usize) -> &'a str,
    lines: &[&Line],
    filled: &[usize],
    vocab: &Vocabulary,
) -> Result<(Block, bool, Vec<Unread>, Vec<Unplaced>), String> {
    let all_years = |g: &Group| {
        g.cells
            .iter()
            .filter(|c| !c.1.is_empty())
            .all(|c| is_year(&c.1))
    };
    let (header, rows) = match groups.first() {
        Some(h) if all_years(h) => (Some(*h), &groups[1..]),
        _ => (None, groups),
    };
    if rows.len() < MIN_ROWS {
        return Err(format!(
            "its block has {} such rows, too few to be taken for a table",
            rows.len()
        ));
    }
    if rows.iter().any(|r| all_years(r)) {
        return Err(
            "its block holds a second row of years, so which header its columns have is not written"
                .to_string(),
        );
    }
    // The header's cells: "NOT" (the header group's label) and its years; the label
    // line before it heads the label column.
    let mut columns: Vec<String> = Vec::new();
    let mut label_header = String::new();
    let mut first = rows[0].label;
    // Heading lines between a header found above the rows and the first row.
    let mut lead_headings: Option<usize> = None;
    if let Some(h) = header {
        let years: Vec<String> = h
            .cells
            .iter()
            .filter(|c| !c.1.is_empty())
            .map(|c| c.1.clone())
            .collect();
        let mut first_years_name: Option<String> = None;
        if is_note_word(text(h.label), vocab) {
            columns.push(text(h.label).to_string());
            if h.label > 0 && is_label(text(h.label - 1), vocab) {
                label_header = text(h.label - 1).to_string();
                first = h.label - 1;
            } else {
                first = h.label;
            }
        } else if let Some(note) = note_above(h.label, text, vocab) {
            // The header spread over label lines, one per line: "miljoner kronor /
            // Not / Kommunen / Koncernen / Budget / 2023 / 2023 / 2022 …". The note word
            // heads a column of its own; the line before it heads the label column; the
            // header group's own label names its first column ("Budget 2023"), or is that
            // column ("Budget 2023" over "2023 / 2022 …").
            columns.push(text(note).to_string());
            first = note;
            if note > 0 && is_label(text(note - 1), vocab) {
                label_header = text(note - 1).to_string();
                first = note - 1;
            }
            let own = text(h.label).to_string();
            if own.split_whitespace().last().is_some_and(is_year) {
                columns.push(own);
            } else {
                first_years_name = Some(own);
            }
        } else {
            label_header = text(h.label).to_string();
            first = h.label;
        }
        let years_at = columns.len();
        columns.extend(years);
        if let Some(name) = first_years_name {
            if let Some(y) = columns.get_mut(years_at) {
                *y = format!("{name} {y}");
            }
        } else {
            name_entities(&mut columns[years_at..], first, text, filled, vocab);
        }
        // The rows agree on a count the header's years alone do not name (the block's
        // first row and at least [`MIN_ROWS`] of its rows have it): the header names the
        // other columns only where it writes them in a way that is certain.
        let agreed = |n: usize| {
            rows[0].cells.len() == n
                && rows.iter().filter(|r| r.cells.len() == n).count() >= MIN_ROWS
        };
        let plain = years_at == 0 && label_header == text(h.label);
        if plain && !agreed(columns.len()) {
            let years_end = h
                .cells
                .last()
                .map_or(rows[0].label, |c| c.0 + 1)
                .min(rows[0].label);
            let after_years: Vec<usize> = (years_end..rows[0].label).collect();
            if h.cells.len() > columns.len() && agreed(h.cells.len()) {
                // Lines of spaces among the header's cells ("Belopp i mkr" / " " / "2013"
                // / "2014" / "2015" over rows "not 24" / "459" / "371" / "333"): each is a
                // column the header leaves unnamed, in its place.
                let mut named = columns.into_iter();
                columns = h
                    .cells
                    .iter()
                    .map(|c| {
                        if c.1.is_empty() {
                            String::new()
                        } else {
                            named.next().unwrap_or_default()
                        }
                    })
                    .collect();
            } else if !after_years.is_empty()
                && after_years.len() <= 2
                && after_years.iter().all(|&k| {
                    is_label(text(k), vocab)
                        && !is_note_word(text(k), vocab)
                        && vocab.column_measure(text(k)).is_some()
                })
                && agreed(columns.len() + after_years.len())
            {
                // Lines naming what a column measures right after the years, before the
                // first row ("Område" / "2011" / "2012" / "2013" / "Endring"): the last
                // columns, named so; no group headings.
                columns.extend(after_years.iter().map(|&k| text(k).to_string()));
                lead_headings = Some(rows[0].label);
            }
        }
    }
    // Under a header of periods shorter than a year, whose names the rows' figure count
    // settled: a row that writes a figure for every column and lines of spaces besides
    // them ("5294706", " ", "5289320", …) has its figures in the columns in order, the
    // lines of spaces no cells (no other order-keeping placement fills every column).
    let mut spaces_no_cells = false;
    let mut width = if columns.is_empty() {
        rows.iter().map(|r| r.cells.len()).max().unwrap_or(0)
    } else {
        columns.len()
    };
    // Without a header group, a header line directly above the first row, or one line
    // per column above it, each naming its year ("Budget för 2019", "Budget-prognos
    // för 2023").
    if header.is_none() && rows[0].label > 0 {
        let above = year_labels_above(rows[0].label, text);
        if let Some((label, names)) = year_header(text(rows[0].label - 1), width) {
            label_header = label;
            columns = names;
            first = rows[0].label - 1;
        } else if above.len() == width && width >= 2 {
            columns = above
                .iter()
                .map(|&k| text(k).split_whitespace().collect::<Vec<_>>().join(" "))
                .collect();
            first = above[0];
        } else if let Some((h, sub_year)) = period_header_above(rows[0].label, text, vocab)
            .or_else(|| note_header_above(rows[0].label, text, vocab))
            .map(|h| (h, false))
            .or_else(|| sub_year_header_above(rows, text, vocab).map(|h| (h, true)))
        {
            // One period label per column, a unit line, "Not" and group headings
            // between them and the first row, each on a line of its own (Bodens
            // Energi's resultaträkning): the periods name the columns, the note word
            // heads a column of its own before them.
            label_header = h.label_header;
            columns = h.columns;
            width = columns.len();
            first = h.first;
            lead_headings = h.headings_from;
            spaces_no_cells = sub_year;
        } else if let Some((head, names)) = names_above(rows[0].label, width, text, vocab) {
            // One short line per column right above the first row ("Ny taxa 2016",
            // "Gamla taxan", "Skillnad 2016"), and the label column's own above them
            // ("Kommun").
            label_header = head.map(|h| text(h).trim().to_string()).unwrap_or_default();
            columns = names
                .iter()
                .map(|&k| text(k).split_whitespace().collect::<Vec<_>>().join(" "))
                .collect();
            first = head.unwrap_or(names[0]);
        }
    }
    let note_column = columns.iter().position(|c| is_note_word(c, vocab));
    let mut out = Vec::new();
    if !columns.is_empty() {
        let at = lines[filled[first]];
        let mut cells = vec![label_header];
        cells.extend(columns.iter().cloned());
        out.push(joined(at.number, at.y, &cells));
    }
    let mut previous_end: Option<usize> = None;
    let mut last = None;
    let mut ended_early = false;
    let mut rest: Vec<Unread> = Vec::new();
    let mut unplaced: Vec<Unplaced> = Vec::new();
    // The block puts one blank line between its cells: a full row shows it.
    let one_blank = rows.iter().any(|r| {
        let gaps = blank_gaps(r, lines, filled);
        r.cells.len() == width && gaps.len() == width && gaps.iter().all(|&g| g == 1)
    });
    // The block writes its empty cells ("-", or a line of spaces) somewhere: then a row
    // one cell short leaves out its note reference, not a figure.
    let marks_empties = rows
        .iter()
        .any(|g| g.cells.iter().any(|c| c.1.is_empty() || is_dash(&c.1)));
    // The block writes an empty note cell as a line of spaces (a row of the table's full
    // width, its note cell blank): then a row one cell short that writes no such line has
    // not necessarily left out its note, any of its cells may be the one not written.
    let writes_empty_notes = note_column.is_some_and(|n| {
        rows.iter().any(|g| {
            g.cells.len() + g.trailing >= width
                && g.cells.len() <= width
                && g.cells.get(n).is_some_and(|c| c.1.is_empty())
        })
    });
    // The decimals the block's figures are written with, when they agree ("1,5",
    // "907,5"): a cell written so is a figure, no list of notes ("47,8" is no "Not 47,
    // 8" there; "11,12" still is one).
    let decimals = |c: &str| {
        let (int, frac) = c.rsplit_once(',')?;
        (!int.contains(',') && !frac.is_empty() && frac.chars().all(|d| d.is_ascii_digit()))
            .then_some(frac.len())
    };
    let figure_decimals: Vec<usize> = rows
        .iter()
        .flat_map(|g| {
            g.cells
                .iter()
                .enumerate()
                .filter(|(i, _)| g.cells.len() < width || Some(*i) != note_column)
                .map(|(_, c)| c.1.as_str())
        })
        .filter(|c| parse_figure(c, vocab).is_some())
        .filter_map(decimals)
        .collect();
    let block_decimals = figure_decimals
        .first()
        .filter(|&&d| figure_decimals.iter().all(|&e| e == d))
        .copied();
    let may_be_note = |c: &str| {
        is_note_reference(c) && (block_decimals.is_none() || decimals(c) != block_decimals)
    };
    // The block puts lines of spaces between its rows: a row with every cell written and
    // too few of them, lines of spaces after it, whose cells cannot stand from the left
    // (a figure would stand in the note column: a Summa row without a note cell). Then
    // lines of spaces after a row that writes no empty cell are not its cells.
    let spaces_between_rows = note_column.is_some_and(|n| {
        rows.iter().any(|g| {
            g.written() == g.cells.len()
                && g.cells.len() < width
                && g.cells.len() + g.trailing >= width
                && g.cells.get(n).is_some_and(|c| !may_be_note(&c.1))
        })
    });
    for (joined_rows, r) in rows.iter().enumerate() {
        let mut cells: Vec<String> = r.cells.iter().map(|c| c.1.clone()).collect();
        if spaces_no_cells && cells.len() > width && r.written() == width {
            cells.retain(|c| !c.is_empty());
        }
        let trailing = if spaces_between_rows && r.written() == cells.len() {
            0
        } else {
            r.trailing
        };
        let subtotals = split_subtotals(r, &mut cells, &columns, note_column);
        // Under named columns, a row of fewer figures with none of its empty cells
        // written (a row whose other columns are empty): placed where its label names
        // the columns' years, else joined with every placement a reading.
        let short = !columns.is_empty()
            && columns.len() == width
            && cells.len() < width
            && cells.len() + trailing < width
            && r.written() == cells.len()
            && !(cells.len() + 1 == width && note_column.is_some());
        if cells.len() < width && cells.len() + trailing >= width {
            // Empty cells at the row's end, written as lines of spaces.
            cells.resize(width, String::new());
        } else if short {
            // A first cell that may be a note reference may stand in the note column.
            let first_may_be_note = cells.first().is_some_and(|c| may_be_note(c));
            let free: Vec<usize> = (0..width)
                .filter(|&c| Some(c) != note_column || (first_may_be_note && c == 0))
                .collect();
            let gaps = blank_gaps(r, lines, filled);
            let extra: usize = gaps.iter().map(|g| g.saturating_sub(1)).sum();
            // The blank lines after the row's last cell, before the next line with text:
            // its empty cells at the end are written there too, one more line each.
            let after = r.cells.last().map_or(0, |c| {
                let to = filled.get(c.0 + 1).copied().unwrap_or(lines.len());
                (filled[c.0] + 1..to)
                    .filter(|&i| lines[i].text.is_empty())
                    .count()
            });
            if let Some(at) = gaps
                .iter()
                .all(|&g| g >= 1)
                .then(|| written_places(&gaps))
                .filter(|at| {
                    one_blank
                        && extra > 0
                        && at
                            .last()
                            .is_some_and(|&l| l < width && after >= 1 && l + after == width)
                })
            {
                // Each empty cell written as one more blank line than the block puts
                // between its cells (Värmdö's notes), those at the row's end too: the
                // row's places are written. Where the lines after the row do not write
                // its empty cells at the end (Värmdö's resultaträkning 2014: "10", two
                // blank lines, "–18 858", one, "–18 858", one, under four columns), the
                // blank lines are no such writing and place nothing.
                let mut placed = vec![String::new(); width];
                for (i, c) in at.iter().zip(&cells) {
                    placed[*i] = c.clone();
                }
                cells = placed;
            } else if extra > 0 {
                // Blank lines that do not place the row: not joined, as before.
            } else {
                match years_named(text(r.label), &columns, cells.len()) {
                    Some(at) => {
                        let mut placed = vec![String::new(); width];
                        for (i, c) in cells.iter().enumerate() {
                            placed[at + i] = c.clone();
                        }
                        cells = placed;
                    }
                    None => {
                        let readings = placements(&cells, &free, width);
                        if let Some(first_reading) = readings.first().cloned() {
                            // `placements` gives every placement or none.
                            unplaced.push(Unplaced {
                                line: lines[filled[r.label]].number,
                                readings,
                                complete: true,
                            });
                            cells = first_reading;
                        }
                    }
                }
            }
        } else if cells.len() + 1 == width && r.written() == cells.len() {
            // One cell short: the note reference left out (an empty figure is written
            // "-" on such pages, never as spaces); without a note column the block is
            // not joined.
            match note_column {
                Some(n) => {
                    // Where the block writes no empty cell, a first cell that can be a
                    // note reference ("10" after notes 8 and 9) may be the note with a
                    // figure's cell left empty (its line of spaces lost, as a PDF
                    // drops it): each placement is a reading, none decided.
                    let bare_number = cells.first().is_some_and(|c| {
                        is_note_reference(c) && c.trim().chars().all(|d| d.is_ascii_digit())
                    });
                    // So too where the block writes an empty note cell as a line of
                    // spaces, or puts lines of spaces between its rows: a row that
                    // writes neither may have left out any cell.
                    let elsewhere = (writes_empty_notes || spaces_between_rows)
                        && cells.first().is_some_and(|c| may_be_note(c));
                    if (!marks_empties && bare_number) || elsewhere {
                        let free: Vec<usize> = (0..width).filter(|&c| c != n).collect();
                        let mut readings = vec![{
                            let mut row = cells.clone();
                            row.insert(n, String::new());
                            row
                        }];
                        for mut row in placements(&cells[1..], &free, width) {
                            row[n] = cells[0].clone();
                            readings.push(row);
                        }
                        unplaced.push(Unplaced {
                            line: lines[filled[r.label]].number,
                            readings,
                            complete: true,
                        });
                    }
                    cells.insert(n, String::new());
                }
                None => {
                    // The block puts one blank line between its cells, and the row one
                    // more exactly where its empty cell stands and no more after its last
                    // cell (Lund's resultatbudget: "Finansiella jämförelsestörande
                    // poster", two blank lines, "75", one, "0" …, one, the next row, where
                    // the rows above write their note first): the row's places are
                    // written. A row set off by blank lines before and after it
                    // (Härjedalen's "Totalt", two blank lines, "687 250", one, "346 843",
                    // two, under three columns whose last is the empty one) writes none,
                    // nor does any other: which cell is missing is not written.
                    let gaps = blank_gaps(r, lines, filled);
                    let extra: usize = gaps.iter().map(|g| g.saturating_sub(1)).sum();
                    let after = r.cells.last().map_or(0, |c| {
                        let to = filled.get(c.0 + 1).copied().unwrap_or(lines.len());
                        (filled[c.0] + 1..to)
                            .filter(|&i| lines[i].text.is_empty())
                            .count()
                    });
                    let at = (one_blank
                        && gaps.len() == cells.len()
                        && gaps.iter().all(|&g| g >= 1)
                        && extra == 1
                        && after <= 1)
                        .then(|| written_places(&gaps))
                        .filter(|at| at.last() == Some(&(width - 1)));
                    let Some(at) = at else {
                        return Err(format!(
                            "a row of its block has {} cells where the table has {width} columns and no \"Not\" column, so which cell is missing is not written",
                            cells.len()
                        ));
                    };
                    let mut placed = vec![String::new(); width];
                    for (i, c) in at.iter().zip(&cells) {
                        placed[*i] = c.clone();
                    }
                    cells = placed;
                }
            }
        }
        if cells.len() != width {
            // A row whose cells do not fit the columns ends the block: the rows before
            // it are the table (when there are enough); it and what follows are left as
            // they were, never placed in columns they may not belong to.
            if joined_rows < MIN_ROWS {
                return Err(format!(
                    "the rows of its block do not agree on a column count (a row of {} cells among rows of {width})",
                    cells.len()
                ));
            }
            ended_early = true;
            rest.extend(unread(r, Why::Misfit(width), text, lines, filled));
            rest.extend(
                rows[joined_rows + 1..]
                    .iter()
                    .filter_map(|g| unread(g, Why::After, text, lines, filled)),
            );
            break;
        }
        // Group headings between the previous group (or the header) and this one: rows
        // of their own, every cell empty.
        let headings_from = previous_end
            .or(lead_headings)
            .or_else(|| header.and_then(|h| h.cells.last().map(|c| c.0 + 1)));
        // A label wrapped over two lines ("Koncessioner, patent, licenser, varumärken" /
        // "samt liknande rättigheter"): the line before a label that starts in lower
        // case is its first part, no heading of its own.
        let wrapped = headings_from.is_some_and(|from| from < r.label)
            && r.label > 0
            && text(r.label).chars().next().is_some_and(char::is_lowercase);
        if let Some(from) = headings_from {
            for k in from..r.label - usize::from(wrapped) {
                let at = lines[filled[k]];
                let mut row = vec![text(k).to_string()];
                row.extend(std::iter::repeat_n(String::new(), width));
                out.push(joined(at.number, at.y, &row));
            }
        }
        previous_end = r.cells.last().map(|c| c.0 + 1);
        let at = lines[filled[r.label]];
        let label = if wrapped {
            format!("{} {}", text(r.label - 1), text(r.label))
        } else {
            text(r.label).to_string()
        };
        let mut row = vec![label];
        row.extend(cells);
        out.push(joined(at.number, at.y, &row));
        // Rows without a label whose figures followed the row's own (unlabeled
        // subtotals), each on the line of its first cell.
        for (k, more) in subtotals {
            let at = lines[filled[k]];
            let mut row = vec![String::new()];
            row.extend(more);
            out.push(joined(at.number, at.y, &row));
        }
        last = r.cells.last().map(|c| c.0);
    }
    let last = last.ok_or_else(|| "its block has no row with cells".to_string())?;
    Ok(((first, last, out), ended_early, rest, unplaced))
}

/// A row under named columns followed by rows without a label, their cells one per line
/// after its own (Bodens Energi: "Övriga rörelseintäkter", its two figures, then the
/// unlabeled subtotal's two): when every cell is written and the cells are a whole
/// number of rows of the figure columns (a note reference first under a "Not" column),
/// `cells` keeps the row's own and the others come back as rows, each with the index of
/// its first cell's line. Each row is as wide as the columns (an empty note cell).
fn split_subtotals(
    r: &Group,
    cells: &mut Vec<String>,
    columns: &[String],
    note_column: Option<usize>,
) -> Vec<(usize, Vec<String>)> {
    let figures = columns.len() - usize::from(note_column.is_some());
    if columns.is_empty() || figures < 2 || cells.len() <= figures || r.written() != cells.len() {
        return Vec::new();
    }
    let noted = match note_column {
        Some(_) if cells.len() % figures == 1 && is_note_reference(&cells[0]) => true,
        _ if cells.len() % figures == 0 && !is_note_reference(&cells[0]) => false,
        _ => return Vec::new(),
    };
    let from = usize::from(noted);
    let place = |chunk: &[String], note: String| {
        let mut row = chunk.to_vec();
        if let Some(n) = note_column {
            row.insert(n.min(row.len()), note);
        }
        row
    };
    let mut out = Vec::new();
    for (i, chunk) in cells[from..].chunks(figures).enumerate().skip(1) {
        out.push((r.cells[from + i * figures].0, place(chunk, String::new())));
    }
    let note = if noted {
        cells[0].clone()
    } else {
        String::new()
    };
    *cells = place(&cells[from..from + figures], note);
    out
}

/// The empty lines before each cell of a row (from its label line or the cell before),
/// when every cell stands on a line of its own; empty when not.
fn blank_gaps(r: &Group, lines: &[&Line], filled: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev = r.label;
    for (k, _) in &r.cells {
        if *k <= prev {
            return Vec::new();
        }
        let (from, to) = (filled[prev] + 1, filled[*k]);
        out.push((from..to).filter(|&i| lines[i].text.is_empty()).count());
        prev = *k;
    }
    out
}

/// The columns of a row's cells when each blank line beyond the first before a cell
/// stands for an empty cell.
fn written_places(gaps: &[usize]) -> Vec<usize> {
    let mut at = 0;
    gaps.iter()
        .enumerate()
        .map(|(i, g)| {
            at += g - 1;
            at + i
        })
        .collect()
}

/// The figure the filled line `j` starts and the next line ends: a line ending in a space
/// after digit groups ("1 234 ", "-12 ") directly followed, without a blank line, by a
/// line of three digits ("567", "567,5"), with blank lines around the two: the figure was
/// wrapped at its thousands space.
fn wrapped_figure(
    j: usize,
    lines: &[&Line],
    filled: &[usize],
    vocab: &Vocabulary,
) -> Option<String> {
    let raw = &lines[filled[j]].text;
    let next = *filled.get(j + 1)?;
    // Cells set apart by blank lines, but these two lines not: a block whose cells
    // follow each other line by line says nothing of wrapping.
    let apart_before = j == 0 || filled[j - 1] + 1 < filled[j];
    let apart_after = filled.get(j + 2).is_none_or(|&after| next + 1 < after);
    if next != filled[j] + 1
        || !apart_before
        || !apart_after
        || !raw.ends_with(|c: char| c.is_whitespace())
    {
        return None;
    }
    let head = raw.trim();
    let tail = lines[next].text.trim();
    let digits = tail.split_once(',').map_or(tail, |(int, _)| int);
    let groups_only = head
        .trim_start_matches(['-', '−', '–'])
        .split(' ')
        .all(|g| !g.is_empty() && g.len() <= 3 && g.chars().all(|c| c.is_ascii_digit()));
    if !groups_only || digits.len() != 3 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let whole = format!("{head} {tail}");
    parse_figure(&whole, vocab).map(|_| whole)
}

/// Readings a row of few figures may have: at most this many (a row of two figures under
/// six columns has fifteen); beyond it the row is not joined.
const MAX_PLACEMENTS: usize = 20;

/// Every order-keeping placement of `cells` in the columns `free` of a row `width` wide,
/// as full rows ("" where empty); none when there are more than [`MAX_PLACEMENTS`].
fn placements(cells: &[String], free: &[usize], width: usize) -> Vec<Vec<String>> {
    fn pick(n: usize, from: &[usize], at: usize, acc: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if out.len() > MAX_PLACEMENTS {
            return;
        }
        if acc.len() == n {
            out.push(acc.clone());
            return;
        }
        for i in at..from.len() {
            acc.push(from[i]);
            pick(n, from, i + 1, acc, out);
            acc.pop();
        }
    }
    let mut picks = Vec::new();
    pick(cells.len(), free, 0, &mut Vec::new(), &mut picks);
    if picks.len() > MAX_PLACEMENTS {
        return Vec::new();
    }
    picks
        .into_iter()
        .map(|cols| {
            let mut row = vec![String::new(); width];
            for (c, cell) in cols.iter().zip(cells) {
                row[*c] = cell.clone();
            }
            row
        })
        .collect()
}

/// The years a label names ("Ofördelat budget 2021-2023", "Extra anslag 2022"), in order:
/// a year, or a range of years written "2021-2023" / "2021–2023".
fn label_years(label: &str) -> Vec<u32> {
    let mut out = Vec::new();
    for word in label.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_ascii_digit());
        let parts: Vec<&str> = word.split(['-', '–']).collect();
        match parts.as_slice() {
            [y] if is_year(y) => out.extend(y.parse::<u32>().ok()),
            [a, b] if is_year(a) && is_year(b) => {
                if let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>()) {
                    if a < b && b - a < 10 {
                        out.extend(a..=b);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The year a column's name ends in ("Budget-prognos för 2023" → 2023).
fn column_year(name: &str) -> Option<u32> {
    let last = name.split_whitespace().last()?;
    is_year(last).then(|| last.parse().ok()).flatten()
}

/// Where a row of `n` figures stands when its label names exactly `n` years that are the
/// years of `n` columns side by side ("Ofördelat budget 2021-2023" under columns 2019 …
/// 2023, three figures: the last three columns), and no other columns carry those years.
fn years_named(label: &str, columns: &[String], n: usize) -> Option<usize> {
    let years = label_years(label);
    if years.len() != n || n == 0 {
        return None;
    }
    let named: Vec<Option<u32>> = columns.iter().map(|c| column_year(c)).collect();
    let mut fits = (0..=named.len().checked_sub(n)?).filter(|&at| {
        named[at..at + n]
            .iter()
            .zip(&years)
            .all(|(c, y)| *c == Some(*y))
    });
    let at = fits.next()?;
    fits.next().is_none().then_some(at)
}

/// A line naming one period: a year ("2021"), a date ("2021-12-31") or a span of dates
/// ("2021-01-01 - 2021-12-31", "2020-01-01-2020-12-31").
fn is_period(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let date = |d: &str| {
        let p: Vec<&str> = d.split('-').collect();
        p.len() == 3
            && is_year(p[0])
            && p[1].len() == 2
            && p[2].len() == 2
            && p[1..].iter().all(|x| x.chars().all(|c| c.is_ascii_digit()))
    };
    is_year(&t)
        || date(&t)
        || t.len() == 21 && t.is_char_boundary(10) && {
            let (a, b) = t.split_at(10);
            date(a) && b.strip_prefix('-').is_some_and(date)
        }
}

/// A header written one line per cell above a block's first row: two or more period
/// lines, then at most [`MAX_HEADER_LINES`] short label lines (a unit line, the note word,
/// group headings) down to the row.
struct PeriodHeader {
    /// Index of the header's first line.
    first: usize,
    label_header: String,
    columns: Vec<String>,
    /// Index of the first group heading between the header and the first row.
    headings_from: Option<usize>,
}

/// Label lines a header one cell per line may have between its periods and the rows.
const MAX_HEADER_LINES: usize = 6;

fn period_header_above<'a>(
    row: usize,
    text: &dyn Fn(usize) -> &'a str,
    vocab: &Vocabulary,
) -> Option<PeriodHeader> {
    let mut k = row;
    while k > 0 && !is_period(text(k - 1)) {
        let t = text(k - 1);
        if row - k >= MAX_HEADER_LINES || !(is_heading(t, vocab) || is_note_word(t, vocab)) {
            return None;
        }
        k -= 1;
    }
    let after = k;
    while k > 0 && is_period(text(k - 1)) {
        k -= 1;
    }
    if after - k < 2 {
        return None;
    }
    let mut columns: Vec<String> = Vec::new();
    let mut label_header: Vec<&str> = Vec::new();
    let mut headings_from = None;
    for j in after..row {
        let t = text(j);
        if is_note_word(t, vocab) && columns.is_empty() && headings_from.is_none() {
            columns.push(t.to_string());
        } else if headings_from.is_none()
            && crate::grammar::number::unit_named_in(t, vocab).is_some()
        {
            label_header.push(t);
        } else if headings_from.is_none() {
            headings_from = Some(j);
        }
    }
    columns.extend((k..after).map(|j| text(j).split_whitespace().collect::<Vec<_>>().join(" ")));
    Some(PeriodHeader {
        first: k,
        label_header: label_header.join(" "),
        columns,
        headings_from,
    })
}

/// What one piece of a header line naming a period is ("2023", "Kv3", "t.o.m", "3.").
#[derive(Clone, Copy, PartialEq)]
enum PeriodPiece {
    Year,
    /// A number of one or two digits up to 12 ("1." in "1.–3. kvartal", "8" in "1-8/2024").
    Number,
    /// A quarter, tertial, half-year or month ("Kv3", "Q2", "T2", "kvartal", "Okt.").
    Marker,
    /// A word making the period one to date ("t.o.m", "ack.", "hittil").
    ToDate,
}

fn period_piece(piece: &str, vocab: &Vocabulary) -> Option<PeriodPiece> {
    let p = piece.to_lowercase();
    if is_year(&p) {
        return Some(PeriodPiece::Year);
    }
    let number = |d: &str, most: u32| {
        !d.is_empty()
            && d.len() <= 2
            && d.chars().all(|c| c.is_ascii_digit())
            && d.parse::<u32>().is_ok_and(|n| (1..=most).contains(&n))
    };
    if number(p.trim_end_matches(":e").trim_end_matches(":a"), 12) {
        return Some(PeriodPiece::Number);
    }
    let code = ["kv", "q", "k"]
        .iter()
        .any(|c| p.strip_prefix(c).is_some_and(|d| number(d, 4)))
        || p.strip_prefix('t').is_some_and(|d| number(d, 3));
    if code {
        return Some(PeriodPiece::Marker);
    }
    match vocab.lookup("periods", &p) {
        Some("quarter" | "tertial" | "half" | "month") => Some(PeriodPiece::Marker),
        Some("to_date") => Some(PeriodPiece::ToDate),
        _ => None,
    }
}

/// A header line naming one period shorter than a year, or a period to date, and nothing
/// else: "2023 Kv1", "Kv 3 2023", "K3 2023", "Q3 2023", "T2 2024", "Tertial 2", "jan–aug
/// 2024", "2023 t.o.m Kv3", "Okt. 2023", "1.–3. kvartal", "1-8/2024", "tammi–kesäkuu 2024".
/// Every piece must be a year, a month or quarter number, a quarter, tertial, half-year or
/// month word or code, or a word making it a period to date; one must be a quarter,
/// tertial, half-year or month, or the line months over a year ("1-8/2024").
fn names_sub_year(text: &str, vocab: &Vocabulary) -> bool {
    let t = text.trim();
    if t.is_empty()
        || t.chars().count() > 40
        || t.contains('\t')
        || !t
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '(')
        || parse_figure(t, vocab).is_some()
    {
        return false;
    }
    let pieces: Vec<PeriodPiece> = match t
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '/' | '+' | '(' | ')'))
        .map(|p| p.trim_matches(|c: char| matches!(c, '.' | '*' | ',' | ':')))
        .filter(|p| !p.is_empty())
        .map(|p| period_piece(p, vocab))
        .collect::<Option<Vec<_>>>()
    {
        Some(p) if !p.is_empty() && p.len() <= 6 => p,
        _ => return false,
    };
    let has = |k: PeriodPiece| pieces.contains(&k);
    has(PeriodPiece::Marker)
        || (t.contains('/')
            && has(PeriodPiece::Year)
            && has(PeriodPiece::Number)
            && !has(PeriodPiece::ToDate))
}

/// A header line naming a column of changes: a change word first ("Endr.", "Förändring",
/// "Ændring", "Muutos"), then nothing or the period it runs to ("Endr. 2023 t.o.m Okt.");
/// `Some(true)` when the change word stands alone.
fn names_change(text: &str, vocab: &Vocabulary) -> Option<bool> {
    let t = text.trim();
    let (first, rest) = t.split_once(char::is_whitespace).unwrap_or((t, ""));
    let word = first.trim_end_matches(['.', ':']).to_lowercase();
    if word.is_empty() || vocab.lookup("periods", &word) != Some("change") {
        return None;
    }
    let rest = rest.trim();
    if rest.is_empty() {
        Some(true)
    } else {
        (names_sub_year(rest, vocab) || is_period(rest)).then_some(false)
    }
}

/// A header written one name per line directly above a block's first row (at most
/// [`MAX_HEADER_LINES`] group headings between, "Antall"), its columns periods of which at
/// least one is shorter than a year or runs to date ("2019 Kv4" … "2023 Kv3", "2023 Okt."),
/// and columns of changes ("Endr. 2023 t.o.m Okt."). The rows' figures settle which lines
/// are the names: the block's first row and at least [`MIN_ROWS`] rows write as many
/// figures; when the header holds more lines than that, the surplus must be exactly its
/// change words standing alone on a line directly before a period line ("Endr." / "2023
/// t.o.m Kv3"), each then one name split over two lines. Names that repeat ("Kv1" under
/// two years written above) name no column of their own: no such header.
fn sub_year_header_above<'a>(
    rows: &[&Group],
    text: &dyn Fn(usize) -> &'a str,
    vocab: &Vocabulary,
) -> Option<PeriodHeader> {
    let row = rows.first()?.label;
    let width = rows[0].written();
    if width < 2 || rows.iter().filter(|r| r.written() == width).count() < MIN_ROWS {
        return None;
    }
    let period = |t: &str| names_sub_year(t, vocab) || is_period(t);
    let name = |t: &str| period(t) || names_change(t, vocab).is_some();
    let mut k = row;
    while k > 0 && !name(text(k - 1)) {
        let t = text(k - 1);
        if row - k >= MAX_HEADER_LINES || !is_heading(t, vocab) {
            return None;
        }
        k -= 1;
    }
    let headings_from = (k < row).then_some(k);
    let after = k;
    while k > 0 && name(text(k - 1)) {
        k -= 1;
    }
    let at: Vec<usize> = (k..after).collect();
    if !at.iter().any(|&j| names_sub_year(text(j), vocab))
        || at.iter().filter(|&&j| period(text(j))).count() < 2
    {
        return None;
    }
    let words = |j: usize| text(j).split_whitespace().collect::<Vec<_>>().join(" ");
    let split: Vec<usize> = (0..at.len().saturating_sub(1))
        .filter(|&i| names_change(text(at[i]), vocab) == Some(true) && period(text(at[i + 1])))
        .collect();
    let columns: Vec<String> = if at.len() == width {
        at.iter().map(|&j| words(j)).collect()
    } else if !split.is_empty() && at.len() == width + split.len() {
        let mut out = Vec::new();
        let mut i = 0;
        while i < at.len() {
            if split.contains(&i) {
                out.push(format!("{} {}", words(at[i]), words(at[i + 1])));
                i += 2;
            } else {
                out.push(words(at[i]));
                i += 1;
            }
        }
        out
    } else {
        return None;
    };
    let distinct = columns
        .iter()
        .enumerate()
        .all(|(i, c)| !columns[..i].contains(c));
    distinct.then_some(PeriodHeader {
        first: k,
        label_header: String::new(),
        columns,
        headings_from,
    })
}

/// Lines directly above the line `k` (blank lines between them only) that each name
/// one column by its year ("Budget för 2019", "Budget-  prognos  för 2022"): short label
/// lines with a year, no sentence. Top first; the run is cut at the first line that is
/// no such label.
fn year_labels_above<'a>(k: usize, text: &dyn Fn(usize) -> &'a str) -> Vec<usize> {
    let mut out: Vec<usize> = (0..k).rev().take_while(|&j| names_year(text(j))).collect();
    out.reverse();
    out
}

/// A short label line that names one column by its year ("Budget för 2019", "Bokslut
/// 2022"): words before a year, no sentence.
fn names_year(t: &str) -> bool {
    let t = t.trim();
    t.chars().count() <= 40
        && !t.ends_with('.')
        && !t.ends_with(':')
        && !t.contains('\t')
        && t.split_whitespace().last().is_some_and(is_year)
        && t.split_whitespace().count() >= 2
}

/// A header written one cell per line above a block's first row, its note column first
/// (a web page's table flattened: "(mnkr)" / "Not" / "Bokslut 2022" / "Bokslut 2023" /
/// "Budget 2023", then group headings "Tillgångar" / "Anläggningstillgångar"): the note
/// word, directly followed by two or more lines each naming a column by its year, then at
/// most [`MAX_HEADER_LINES`] group headings (short labels without a figure) down to the
/// row. The note word and the names are the columns; the line before the note word heads
/// the label column when it names a unit.
fn note_header_above<'a>(
    row: usize,
    text: &dyn Fn(usize) -> &'a str,
    vocab: &Vocabulary,
) -> Option<PeriodHeader> {
    let mut k = row;
    while k > 0 && is_heading(text(k - 1), vocab) && !is_note_word(text(k - 1), vocab) {
        if row - k >= MAX_HEADER_LINES {
            return None;
        }
        k -= 1;
    }
    let headings_from = (k < row).then_some(k);
    let after = k;
    while k > 0 && names_year(text(k - 1)) {
        k -= 1;
    }
    if after - k < 2 || k == 0 || !is_note_word(text(k - 1), vocab) {
        return None;
    }
    let note = k - 1;
    let unit = (note > 0
        && is_label(text(note - 1), vocab)
        && crate::grammar::number::unit_named_in(text(note - 1), vocab).is_some())
    .then(|| note - 1);
    let mut columns = vec![text(note).to_string()];
    columns.extend((k..after).map(|j| text(j).split_whitespace().collect::<Vec<_>>().join(" ")));
    Some(PeriodHeader {
        first: unit.unwrap_or(note),
        label_header: unit.map(|u| text(u).to_string()).unwrap_or_default(),
        columns,
        headings_from,
    })
}

/// Exactly `width` short label lines directly above the line `k` (blank lines between
/// them only), one per column, at least one naming a year or what its column measures
/// ("Skillnad 2016", "Budget"), none a sentence; and the line above them when it is such
/// a label too (the label column's header, "Kommun"). Top first.
fn names_above<'a>(
    k: usize,
    width: usize,
    text: &dyn Fn(usize) -> &'a str,
    vocab: &Vocabulary,
) -> Option<(Option<usize>, Vec<usize>)> {
    let short = |t: &str| {
        let t = t.trim();
        !t.is_empty()
            && t.chars().count() <= 30
            && t.split_whitespace().count() <= 4
            && !t.ends_with(['.', ':', ','])
            && !t.contains('\t')
            && !is_cell(t, vocab)
    };
    if width < 2 {
        return None;
    }
    let run: Vec<usize> = (0..k).rev().take_while(|&j| short(text(j))).collect();
    if run.len() < width || run.len() > width + 1 {
        return None;
    }
    let mut names: Vec<usize> = run[..width].to_vec();
    names.reverse();
    let named = names.iter().any(|&j| {
        let t = text(j);
        t.split_whitespace().any(is_year) || vocab.column_measure(t).is_some()
    });
    named.then(|| (run.get(width).copied(), names))
}

/// A note word ("Not") among the few label lines above the header group at `h`, when
/// every line between is a short label (entities: "Kommunen", "Koncernen"): its index.
fn note_above<'a>(h: usize, text: &dyn Fn(usize) -> &'a str, vocab: &Vocabulary) -> Option<usize> {
    (h.saturating_sub(5)..h)
        .rev()
        .take_while(|&k| is_heading(text(k), vocab) || is_note_word(text(k), vocab))
        .find(|&k| is_note_word(text(k), vocab))
}

/// Years that repeat ("2015 2016 2015 2016") stand under as many entities, written
/// as cells above the header ("Kommunen", "Sammanställd / redovisning": the lines of one
/// cell follow each other without a blank line): each year column gets its entity's
/// name in front ("Kommunen 2016"), so the kommun's and the koncern's columns are told
/// apart. Left as they are unless exactly that many short cells stand there.
fn name_entities<'a>(
    years: &mut [String],
    first: usize,
    text: &dyn Fn(usize) -> &'a str,
    filled: &[usize],
    vocab: &Vocabulary,
) {
    let n = years.len();
    let Some(period) = (1..n).find(|&p| n % p == 0 && (p..n).all(|i| years[i] == years[i - p]))
    else {
        return;
    };
    let entities = n / period;
    let mut names: Vec<String> = Vec::new();
    let mut k = first;
    while names.len() < entities && k > 0 {
        let mut top = k - 1;
        while top > 0 && filled[top - 1] + 1 == filled[top] {
            top -= 1;
        }
        if k - top > 3
            || !(top..k).all(|j| is_heading(text(j), vocab) && !is_note_word(text(j), vocab))
        {
            return;
        }
        names.push((top..k).map(text).collect::<Vec<_>>().join(" "));
        k = top;
    }
    if names.len() != entities {
        return;
    }
    names.reverse();
    for (i, year) in years.iter_mut().enumerate() {
        *year = format!("{} {year}", names[i / period]);
    }
}

/// Where a header line's column names may part when its cells were printed glued (a web
/// page's header cells without whitespace between them: "Årlig förbrukning kWhTotal
/// kostnad per årFast avgiftRörlig avgift"), as character indexes: `hard`, a lower-case
/// letter or ")" directly followed by an upper-case letter; `soft`, an upper-case letter
/// starting a word after a space (a name may part there, or the word may belong to the
/// name before it). A unit written at a word's start is never parted ("kWh", "MWh",
/// "SEK/kWh": no part inside it, and a word that is a unit starts no name).
fn glued_parts(text: &str) -> (Vec<usize>, Vec<usize>) {
    let chars: Vec<char> = text.chars().collect();
    let (mut hard, mut soft) = (Vec::new(), Vec::new());
    let mut token_start = 0;
    for i in 0..chars.len() {
        if chars[i].is_whitespace() {
            token_start = i + 1;
            continue;
        }
        if i == 0 || !chars[i].is_uppercase() {
            continue;
        }
        let from = token_start + usize::from(chars[token_start] == '(');
        let token_end = (i..chars.len())
            .find(|&e| chars[e].is_whitespace())
            .unwrap_or(chars.len());
        // A unit from the word's start reaching past `i`, ending at the word's end, at a
        // sign or before an upper-case letter (the next name glued on).
        let in_unit = from <= i
            && (i + 1..=token_end).any(|e| {
                let ends = e == token_end || chars[e].is_uppercase() || !chars[e].is_alphanumeric();
                ends && is_unit(&chars[from..e].iter().collect::<String>())
            });
        if in_unit {
            continue;
        }
        let prev = chars[i - 1];
        if prev.is_lowercase() || prev == ')' {
            hard.push(i);
        } else if prev.is_whitespace() && from == i {
            soft.push(i);
        }
    }
    (hard, soft)
}

/// The names a header line parts into at `at` (character indexes), each trimmed; `None`
/// when a name holds no letter.
fn glued_names(text: &str, at: &[usize]) -> Option<Vec<String>> {
    let chars: Vec<char> = text.chars().collect();
    let mut cuts = vec![0];
    cuts.extend(at.iter().copied());
    cuts.push(chars.len());
    let names: Vec<String> = cuts
        .windows(2)
        .map(|w| {
            chars[w[0]..w[1]]
                .iter()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    names
        .iter()
        .all(|n| n.chars().any(char::is_alphabetic))
        .then_some(names)
}

/// Whether `n` columns group the figures `cells` (one per line, row after row) into a
/// table: at least [`MIN_ROWS`] rows, all `n` wide, the first column a quantity each row
/// steps on from the one before (strictly rising or strictly falling: 10 000, 15 000,
/// 20 000 kWh), as a price table by quantity writes it.
fn glued_fit(cells: &[Decimal], n: usize) -> bool {
    if n < 3 || cells.len() % n != 0 || cells.len() / n < MIN_ROWS {
        return false;
    }
    let first: Vec<Decimal> = cells.iter().step_by(n).copied().collect();
    first.windows(2).all(|w| w[0] < w[1]) || first.windows(2).all(|w| w[0] > w[1])
}

/// Tables under a header line whose cells were printed glued (see [`glued_parts`]),
/// their figures one per line below it (blank lines between, no empty cell): read only
/// where the data confirm one count of columns. Of the counts the header can part into
/// (every hard part, up to every hard and soft part), exactly one must group the figures
/// into rows (see [`glued_fit`]), and its names must be written without a choice (every
/// hard part, or every part); else the lines are left as they were. Each row's first
/// figure is its label (the quantity the row prices), the header's first name heads it.
/// Whether a line names a column of a header written one name per line: a short label
/// with a letter, not ending as a sentence does.
fn header_name(text: &str, vocab: &Vocabulary) -> bool {
    let t = text.trim();
    is_label(t, vocab)
        && t.chars().count() <= 60
        && t.chars().any(char::is_alphabetic)
        && !t.ends_with(['.', ':', ';', '!', '?'])
}

/// A table written one cell per line whose header names stand each on its own line and
/// whose rows hold only figures, the first the row's key ("Årlig förbrukning kWh" /
/// "Total kostnad per år" / "Varav … fast del" / "Varav … rörlig del", then 15 000 /
/// 16 135 / 4 000 / 12 135, 20 000 / …): no row has a label line, so no label-led group
/// reads it. Read only when certain: the header is every name line (three at least,
/// none repeated) between a sentence introducing the table and the first
/// figure; the figures follow directly, one per line, their count a multiple of the names
/// making at least [`MIN_ROWS`] rows whose first figures rise as a key column's do; the
/// line after them starts no row of a label-led table (a label with a figure under it).
/// Each row is joined with its first figure as the row's label, the header's first name
/// above it.
fn header_line_blocks<'a>(
    text: &dyn Fn(usize) -> &'a str,
    lines: &[&Line],
    filled: &[usize],
    vocab: &Vocabulary,
) -> Vec<Block> {
    let mut out = Vec::new();
    let single = |k: usize| {
        let t = text(k);
        parse_figure(t.trim(), vocab).is_some() && !is_year(t.trim())
    };
    let mut k = 0;
    while k < filled.len() {
        if !header_name(text(k), vocab) || (k > 0 && header_name(text(k - 1), vocab)) {
            k += 1;
            continue;
        }
        let mut h = k;
        while h < filled.len() && header_name(text(h), vocab) {
            h += 1;
        }
        let names = h - k;
        let mut j = h;
        while j < filled.len() && single(j) {
            j += 1;
        }
        let figures = j - h;
        // A line of spaces among them is an empty cell written so: the rows' places are
        // then not fixed by the count alone.
        let spaces = (h.max(1)..=j.min(filled.len() - 1)).any(|i| {
            (filled[i - 1] + 1..filled[i])
                .any(|x| !lines[x].text.is_empty() && lines[x].text.trim().is_empty())
        });
        // A label line after the figures with a figure under it would be the next row of
        // a label-led table: the last name might then be a row's label, not a column's.
        let next_row = j < filled.len()
            && is_label(text(j), vocab)
            && j + 1 < filled.len()
            && line_cells(text(j + 1), vocab).is_some();
        // Which way the cells run is not written: the names may as well be the rows'
        // labels with the figures written column by column (a PDF's table copied down
        // its columns: "Frukost / Lunch / Kvällsmat", then the full prices, then the
        // råvarukostnad). Read row by row only when the names stand right under a
        // sentence introducing them (no header line above them of their own), none is
        // repeated, and the rows' first figures rise from row to row, as a
        // key column does (15 000, 20 000, 30 000 kWh).
        let introduced = k > 0 && text(k - 1).trim().ends_with(['.', ':']);
        let header: Vec<&str> = (k..h).map(|i| text(i).trim()).collect();
        let distinct = header
            .iter()
            .enumerate()
            .all(|(a, x)| !header[..a].contains(x));
        let keys: Vec<Decimal> = (0..figures / names.max(1))
            .filter_map(|r| parse_figure(text(h + r * names).trim(), vocab).map(|f| f.value))
            .collect();
        let rising = keys.len() == figures / names.max(1) && keys.windows(2).all(|w| w[0] < w[1]);
        if names < 3
            || !introduced
            || !distinct
            || !rising
            || figures == 0
            || figures % names != 0
            || figures / names < MIN_ROWS
            || next_row
            || spaces
        {
            k = h.max(k + 1);
            continue;
        }
        let at = lines[filled[k]];
        let mut rows = vec![joined(at.number, at.y, &header)];
        for r in 0..figures / names {
            let first = lines[filled[h + r * names]];
            let cells: Vec<&str> = (0..names).map(|c| text(h + r * names + c).trim()).collect();
            rows.push(joined(first.number, first.y, &cells));
        }
        out.push((k, j - 1, rows));
        k = j;
    }
    out
}

fn glued_header_blocks<'a>(
    text: &dyn Fn(usize) -> &'a str,
    lines: &[&Line],
    filled: &[usize],
    vocab: &Vocabulary,
) -> Vec<Block> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < filled.len() {
        let head = text(k);
        let (hard, soft) = glued_parts(head);
        if hard.is_empty()
            || head.contains('\t')
            || head.chars().count() > 200
            || line_cells(head, vocab).is_some()
        {
            k += 1;
            continue;
        }
        let mut values: Vec<Decimal> = Vec::new();
        let mut j = k + 1;
        let mut spaces = false;
        while j < filled.len() {
            let Some(f) = parse_figure(text(j), vocab) else {
                break;
            };
            // A line of spaces between two figures: an empty cell, not read here.
            let gap = (filled[j - 1] + 1..filled[j])
                .any(|i| !lines[i].text.is_empty() && lines[i].text.trim().is_empty());
            spaces |= gap && j > k + 1;
            values.push(f.value);
            j += 1;
        }
        let fitting: Vec<usize> = (hard.len() + 1..=hard.len() + soft.len() + 1)
            .filter(|&n| glued_fit(&values, n))
            .collect();
        let parts = match fitting.as_slice() {
            [n] if !spaces && *n == hard.len() + 1 => Some(hard.clone()),
            [n] if !spaces && *n == hard.len() + soft.len() + 1 => {
                let mut all = hard.clone();
                all.extend(soft.iter().copied());
                all.sort_unstable();
                Some(all)
            }
            _ => None,
        };
        let Some(names) = parts.and_then(|p| glued_names(head, &p)) else {
            k += 1;
            continue;
        };
        let n = names.len();
        let at = lines[filled[k]];
        let mut rows = vec![joined(at.number, at.y, &names)];
        for r in 0..values.len() / n {
            let first = lines[filled[k + 1 + r * n]];
            let cells: Vec<&str> = (0..n).map(|c| text(k + 1 + r * n + c)).collect();
            rows.push(joined(first.number, first.y, &cells));
        }
        out.push((k, j - 1, rows));
        k = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lulea_style_block_is_joined() {
        let text = "Resultaträkning\n\nBelopp, mkr\n\nNOT\n\n2018\n\n2017\n\nVerksamhetens intäkter\n\n1\n\n1 268\n\n1 136\n\nVerksamhetens nettokostnader\n\n-4 520\n\n-4 384\n\nSkatt\n\n8\n\n-\n\n-37\n\nÅrets resultat\n\n79\n\n462\n\nEfter tabellen.";
        let lines = crate::table::test_lines(text);
        let refs: Vec<&Line> = lines.iter().collect();
        let out = join(&refs, Vocabulary::builtin_shared())
            .map(|j| j.lines)
            .unwrap_or_else(|| panic!("not joined"));
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

    /// A header written one name per line, then rows of figures only, one per line: the
    /// names make the header, each row's first figure its label.
    #[test]
    fn header_names_one_per_line_over_rows_of_figures_are_joined() {
        let text = "Tabellen nedan visar exempel på kostnader för småhus.\n\nÅrlig förbrukning kWh\n\nTotal kostnad per år\n\nVarav fast del\n\nVarav rörlig del\n\n15 000\n\n16 135\n\n4 000\n\n12 135\n\n20 000\n\n20 175\n\n4 000\n\n16 175\n\n30 000\n\n28 263\n\n4 000\n\n24 263\n\n\nAnsluta ditt företag\n";
        assert_eq!(
            joined_texts(text),
            [
                "Tabellen nedan visar exempel på kostnader för småhus.",
                "Årlig förbrukning kWh\tTotal kostnad per år\tVarav fast del\tVarav rörlig del",
                "15 000\t16 135\t4 000\t12 135",
                "20 000\t20 175\t4 000\t16 175",
                "30 000\t28 263\t4 000\t24 263",
                "Ansluta ditt företag"
            ]
        );
    }

    /// The figures' count not a multiple of the names, or too few rows: not joined so.
    #[test]
    fn header_names_not_fitting_the_figures_are_not_joined() {
        let lines = crate::table::test_lines(
            "Intro text that is a sentence.\n\nA\n\nB\n\nC\n\n1\n\n2\n\n3\n\n4\n\n5\n\n6\n\n7\n\nSlut.",
        );
        let refs: Vec<&Line> = lines.iter().collect();
        let filled: Vec<usize> = (0..refs.len())
            .filter(|&i| !refs[i].text.trim().is_empty())
            .collect();
        let text = |k: usize| refs[filled[k]].text.trim();
        assert!(header_line_blocks(&text, &refs, &filled, Vocabulary::builtin_shared()).is_empty());
        let lines = crate::table::test_lines("A\n\nB\n\nC\n\n1\n\n2\n\n3\n\n4\n\n5\n\n6");
        let refs: Vec<&Line> = lines.iter().collect();
        let filled: Vec<usize> = (0..refs.len())
            .filter(|&i| !refs[i].text.trim().is_empty())
            .collect();
        let text = |k: usize| refs[filled[k]].text.trim();
        assert!(header_line_blocks(&text, &refs, &filled, Vocabulary::builtin_shared()).is_empty());
        // Names that may be the rows' labels, the figures written column by column:
        // under a header line of their own, or with first figures that do not rise.
        for page in [
            "Priser för måltiderna:\n\n   Full avgift     Råvarukostnad    Moms\n\nFrukost\n\nLunch\n\nKvällsmat\n\n24\n\n56\n\n31\n\n16\n\n29\n\n25\n\n8\n\n27\n\n6\n\nSlut.",
            "Priser för måltiderna:\n\nFrukost\n\nLunch\n\nKvällsmat\n\n24\n\n56\n\n31\n\n16\n\n29\n\n25\n\n8\n\n27\n\n6\n\nSlut.",
        ] {
            let lines = crate::table::test_lines(page);
            let refs: Vec<&Line> = lines.iter().collect();
            let filled: Vec<usize> = (0..refs.len())
                .filter(|&i| !refs[i].text.trim().is_empty())
                .collect();
            let text = |k: usize| refs[filled[k]].text.trim();
            assert!(
                header_line_blocks(&text, &refs, &filled, Vocabulary::builtin_shared()).is_empty(),
                "{page}"
            );
        }
    }

    fn joined_texts(text: &str) -> Vec<String> {
        let lines = crate::table::test_lines(text);
        let refs: Vec<&Line> = lines.iter().collect();
        let out = join(&refs, Vocabulary::builtin_shared())
            .map(|j| j.lines)
            .unwrap_or_else(|| panic!("not joined"));
        out.iter()
            .map(|l| l.text.trim_matches(' ').to_string())
            .filter(|t| !t.trim().is_empty())
            .collect()
    }

    #[test]
    fn a_second_row_of_years_heads_a_table_of_its_own() {
        // Umeå's fem år i sammandrag: the kommun's rows under its years, then the
        // koncern's under the same years again.
        let text = "Kommunen\n\n2017\n\n2016\n\n2015\n\nIntäkter\n\n10\n\n11\n\n12\n\nKostnader\n\n-8\n\n-9\n\n-9\n\nResultat\n\n2\n\n2\n\n3\n\nKoncernen\n\n2017\n\n2016\n\n2015\n\nIntäkter\n\n20\n\n21\n\n22\n\nKostnader\n\n-18\n\n-19\n\n-19\n\nResultat\n\n2\n\n2\n\n3";
        assert_eq!(
            joined_texts(text),
            [
                "Kommunen\t2017\t2016\t2015",
                "Intäkter\t10\t11\t12",
                "Kostnader\t-8\t-9\t-9",
                "Resultat\t2\t2\t3",
                "Koncernen\t2017\t2016\t2015",
                "Intäkter\t20\t21\t22",
                "Kostnader\t-18\t-19\t-19",
                "Resultat\t2\t2\t3",
            ]
        );
    }

    #[test]
    fn group_headings_and_blank_cells_stay_in_the_block() {
        // Göteborg's balansräkning: entities above the header, group headings between
        // the rows, a blank note cell written " " (left out), a row with no figures.
        let text = "Balansräkning\n\n     Kommunen\n\n   Sammanställd\n    redovisning\n\nBelopp i mnkr\n\nNot\n\n2015\n\n2016\n\n2015\n\n2016\n\nTILLGÅNGAR\n\n         \n\nANLÄGGNINGSTILLGÅNGAR\n\n  Immateriella\n\n5\n\n10\n\n14\n\n333\n\n252\n\n  Materiella\n\n5\n\n20 912\n\n23 138\n\n75 154\n\n79 075\n\n  Kortfristiga placeringar\n\n \n\n  Kassa och bank\n\n \n\n1 388\n\n850\n\n1 729\n\n1 320\n\nSumma\n\n \n\n22 310\n\n24 002\n\n77 216\n\n80 647";
        assert_eq!(
            joined_texts(text),
            [
                "Balansräkning",
                "Kommunen",
                "Sammanställd",
                "redovisning",
                "Belopp i mnkr\tNot\tKommunen 2015\tKommunen 2016\tSammanställd redovisning 2015\tSammanställd redovisning 2016",
                "TILLGÅNGAR\t\t\t\t\t",
                "ANLÄGGNINGSTILLGÅNGAR\t\t\t\t\t",
                "Immateriella\t5\t10\t14\t333\t252",
                "Materiella\t5\t20 912\t23 138\t75 154\t79 075",
                "Kortfristiga placeringar\t\t\t\t\t",
                "Kassa och bank\t\t1 388\t850\t1 729\t1 320",
                "Summa\t\t22 310\t24 002\t77 216\t80 647",
            ]
        );
    }

    #[test]
    fn cells_one_per_line_and_on_one_line_mixed() {
        // Västervik's driftsredovisning: the header glued on one line, each row's
        // first cells one per line and the rest on one line.
        let text = "mnkr Intäkter 2020Intäkter 2021Kostnader 2020Nettokostnad 2021\nLedning\n\n12,5\n\n18,3\n\n-84,4\n\n-61,1\nSamhällsbyggnad\n\n48,0\n\n48,3\n -165,3  -124,8\nKultur\n\n6,5\n 6,6  -59,3  -53,5\nSocialnämnd\n\n216,4\n 228,6  -1 133,1  -950,3";
        assert_eq!(
            joined_texts(text),
            [
                "mnkr\tIntäkter 2020\tIntäkter 2021\tKostnader 2020\tNettokostnad 2021",
                "Ledning\t12,5\t18,3\t-84,4\t-61,1",
                "Samhällsbyggnad\t48,0\t48,3\t-165,3\t-124,8",
                "Kultur\t6,5\t6,6\t-59,3\t-53,5",
                "Socialnämnd\t216,4\t228,6\t-1 133,1\t-950,3",
            ]
        );
    }

    /// The same block where the lines of spaces are lost (a PDF draws nothing for them):
    /// a row one cell short whose first cell can be a note reference ("10" after note 3)
    /// is the note with a figure's cell left empty or no note and every figure: each
    /// placement is a reading, none decided. Where the block writes an empty cell
    /// ("-"), a row one cell short leaves out its note, as before.
    #[test]
    fn a_short_row_whose_first_cell_may_be_its_note_is_not_decided() {
        let text = "miljoner kronor\nNot\nBudget 2023\n2023\n2022\nVerksamhetens intäkter\n3\n2 038\n2077\n1982\nAvskrivningar\n-501\n-496\n-448\nFinansiella poster\n10\n38\n-53\nSkatter\n-8\n-7\n-6\n";
        let lines = crate::table::test_lines(text);
        let refs: Vec<&Line> = lines.iter().collect();
        let joined = join(&refs, Vocabulary::builtin_shared()).expect("joined");
        let rows: Vec<&str> = joined.lines.iter().map(|l| l.text.as_str()).collect();
        assert!(
            rows.contains(&"Finansiella poster\t\t10\t38\t-53"),
            "{rows:?}"
        );
        let readings: Vec<(u32, Vec<String>)> = joined
            .unplaced
            .iter()
            .flat_map(|u| u.readings.iter().map(|r| (u.line, r.join("|"))))
            .map(|(line, r)| (line, vec![r]))
            .collect();
        let line = lines
            .iter()
            .find(|l| l.text == "Finansiella poster")
            .unwrap()
            .number;
        assert_eq!(
            readings,
            [
                (line, vec!["|10|38|-53".to_string()]),
                (line, vec!["10|38|-53|".to_string()]),
                (line, vec!["10|38||-53".to_string()]),
                (line, vec!["10||38|-53".to_string()]),
            ]
        );
        // "Avskrivningar" (-501 cannot be a note) is placed without a reading.
        assert!(joined.unplaced.iter().all(|u| u.line == line));
        // An empty cell written as "-" somewhere in the block: the note is left out.
        let marked = text.replace("-8\n", "-\n");
        let lines = crate::table::test_lines(&marked);
        let refs: Vec<&Line> = lines.iter().collect();
        let joined = join(&refs, Vocabulary::builtin_shared()).expect("joined");
        assert!(joined.unplaced.is_empty());
    }

    #[test]
    fn empty_cells_written_as_spaces_and_the_note_word_above_the_header() {
        // Lund's resultaträkning and kassaflödesanalys: empty cells are lines of one
        // space; "Not" and the entities stand above the header group, whose label names
        // the first column ("Budget" over 2023) or is it ("Budget 2023"); a row whose
        // cells fit no column ("-8Försäljning …" glued to the next label) ends the block,
        // and the headerless rows after it are not joined.
        let text = "Resultaträkning\n\nmiljoner kronor\n\nNot\n\nKommunen\n\n \n\nKoncernen\n\n \n\nBudget\n\n \n\n \n\n2023\n\n2023\n\n2022\n\nVerksamhetens intäkter\n\n3\n\n2 038\n\n2077\n\n1982\n\nAvskrivningar\n\n \n\n-501\n\n-496\n\n-448\n\nFinansiella poster\n\n10\n\n \n\n38\n\n-53\n\nExtraordinära poster\n\n \n\n \n\n \n\n \n\nÅrets resultat\n\n \n\n-23\n\n187\n\n367\n\nAvräkning\n\n \n\n \n\n-43\n\n51\n\n \n\n";
        assert_eq!(
            joined_texts(text),
            [
                "Resultaträkning",
                "miljoner kronor\tNot\tBudget 2023\t2023\t2022",
                "Verksamhetens intäkter\t3\t2 038\t2077\t1982",
                "Avskrivningar\t\t-501\t-496\t-448",
                "Finansiella poster\t10\t\t38\t-53",
                "Extraordinära poster\t\t\t\t",
                "Årets resultat\t\t-23\t187\t367",
                "Avräkning\t\t\t-43\t51",
            ]
        );
        let text = "not\n\nKommunen\n\nBudget 2023\n\n2023\n\n2022\n\n2023\n\nA\n\n \n\n1\n\n2\n\n3\n\n4\n\nB\n\n4\n\n5\n\n6\n\n7\n\n8\n\nC\n\n \n\n8\n\n9\n\n10\n\n11\n\nD\n\n \n\n \n\n-4\n\n-2\n\n-8E\n\n \n\nF\n\n \n\n1\n\n2\n\n3\n\n4\n\nG\n\n \n\n1\n\n2\n\n3\n\n4\n\nH\n\n \n\n1\n\n2\n\n3\n\n4";
        assert_eq!(
            joined_texts(text)[..5],
            [
                "\tnot\tBudget 2023\t2023\t2022\t2023",
                "A\t\t1\t2\t3\t4",
                "B\t4\t5\t6\t7\t8",
                "C\t\t8\t9\t10\t11",
                "D",
            ]
        );
        assert!(!joined_texts(text).iter().any(|l| l.starts_with("F\t")));
        // Not joined, never dropped: the row that did not fit and every row after it
        // with figures come back as rows not read, each at its label's line.
        let lines = crate::table::test_lines(text);
        let refs: Vec<&Line> = lines.iter().collect();
        let not_read = join(&refs, Vocabulary::builtin_shared())
            .unwrap_or_else(|| panic!("not joined"))
            .not_read;
        let seen: Vec<(&str, &str)> = not_read
            .iter()
            .map(|u| (u.label.as_str(), u.text.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                ("D", "D · · -4 -2"),
                ("F", "F · 1 2 3 4"),
                ("G", "G · 1 2 3 4"),
                ("H", "H · 1 2 3 4")
            ]
        );
        assert!(not_read[0]
            .reason
            .contains("do not fit the table's 5 columns"));
        let at = |label: &str| lines.iter().find(|l| l.text == label).map(|l| l.number);
        assert!(not_read.iter().all(|u| Some(u.line) == at(&u.label)));
    }

    #[test]
    fn rows_of_fewer_figures_under_year_labels_stay_in_the_block() {
        // One year label per column above the rows; figures with a trailing space; rows
        // of fewer figures: placed where the label names their years or where extra blank
        // lines write the empty cells, else joined in one reading with every placement a
        // reading; the total row after them is reached.
        let text = "Tabell (tkr).\n\nBudget 2022 \n\nBudget 2023 \n\nPlan 2024\n\nNämnd A\n\n1 200 \n\n1 300 \n\n \n\nNämnd B\n\n500 \n\n600 \n\n700 \nRest\n\n50 \nReserv 2023-2024\n\n10\n\n20\n\nNämnd C\n\n\n7\n\n8\n\nSumma\n\n1 750\n\n1 937\n\n735";
        assert_eq!(
            joined_texts(text),
            [
                "Tabell (tkr).",
                "\tBudget 2022\tBudget 2023\tPlan 2024",
                "Nämnd A\t1 200\t1 300\t",
                "Nämnd B\t500\t600\t700",
                "Rest\t50\t\t",
                "Reserv 2023-2024\t\t10\t20",
                "Nämnd C\t\t7\t8",
                "Summa\t1 750\t1 937\t735",
            ]
        );
        let lines = crate::table::test_lines(text);
        let refs: Vec<&Line> = lines.iter().collect();
        let joined = join(&refs, Vocabulary::builtin_shared()).unwrap_or_else(|| panic!("no rows"));
        assert!(joined.not_read.is_empty());
        let rest = lines.iter().find(|l| l.text == "Rest").map(|l| l.number);
        assert_eq!(
            joined
                .unplaced
                .iter()
                .map(|u| (Some(u.line), u.readings.len()))
                .collect::<Vec<_>>(),
            [(rest, 3)]
        );
        assert_eq!(joined.unplaced[0].readings[1], ["", "50", ""]);
    }

    #[test]
    fn a_figure_wrapped_at_its_thousands_space_is_one_cell() {
        let text = "Budget 2022\n\nBudget 2023\n\nNämnd A\n\n1 200 \n300\n\n1 300 \n\nNämnd B\n\n500 \n\n600 \n\nNämnd C\n\n12 \n345\n\n7\n\nSumma\n\n1 213 045\n\n1 907";
        assert_eq!(
            joined_texts(text),
            [
                "\tBudget 2022\tBudget 2023",
                "Nämnd A\t1 200 300\t1 300",
                "Nämnd B\t500\t600",
                "Nämnd C\t12 345\t7",
                "Summa\t1 213 045\t1 907",
            ]
        );
    }

    /// A balansräkning flattened from a web page (Vårgårda's): the header one cell per
    /// line, "Not" then one name per column with its year, group headings before the first
    /// row; rows with a note reference, rows whose note cell is a line of one space, varav
    /// rows with their empty budget cell, Summa rows that leave the note cell out, a line of
    /// spaces between rows after them.
    const NOTED_BLOCK: &str = "Balansräkning\n\n(mnkr)\n\nNot\n\nBokslut 2022\n\nBokslut 2023\n\nBudget 2023\n\nTillgångar\n\n      \n\nAnläggningar\n\n4\n\n10,5\n\n12,0\n\n11,0\n\nvarav mark\n\n \n\n6,5\n\n7,0\n\n \n\nvarav övrigt\n\n \n\n4,0\n\n5,0\n\n \n\nFordringar\n\n \n\n3,0\n\n2,0\n\n1,0\n\nSumma tillgångar\n\n13,5\n\n14,0\n\n12,0\n\n       \n\nBidrag\n\n5\n\n-\n\n-\n\nSumma bidrag\n\n1 013,5\n\n1 014,0\n\n1 012,0\n\nEfter tabellen.";

    #[test]
    fn a_note_column_named_in_header_lines_places_rows_with_and_without_notes() {
        assert_eq!(
            joined_texts(NOTED_BLOCK),
            [
                "Balansräkning",
                "(mnkr)\tNot\tBokslut 2022\tBokslut 2023\tBudget 2023",
                "Tillgångar\t\t\t\t",
                "Anläggningar\t4\t10,5\t12,0\t11,0",
                "varav mark\t\t6,5\t7,0\t",
                "varav övrigt\t\t4,0\t5,0\t",
                "Fordringar\t\t3,0\t2,0\t1,0",
                "Summa tillgångar\t\t13,5\t14,0\t12,0",
                "Bidrag\t\t5\t-\t-",
                "Summa bidrag\t\t1 013,5\t1 014,0\t1 012,0",
                "Efter tabellen.",
            ]
        );
        // "Bidrag" writes neither its note cell nor a figure's: "5" may be its note (a
        // figure's cell left out) or a figure (the note left out), none decided.
        let lines = crate::table::test_lines(NOTED_BLOCK);
        let refs: Vec<&Line> = lines.iter().collect();
        let joined = join(&refs, Vocabulary::builtin_shared()).expect("joined");
        let line = lines.iter().find(|l| l.text == "Bidrag").unwrap().number;
        let readings: Vec<(u32, String)> = joined
            .unplaced
            .iter()
            .flat_map(|u| u.readings.iter().map(|r| (u.line, r.join("|"))))
            .collect();
        assert_eq!(
            readings,
            [
                (line, "|5|-|-".to_string()),
                (line, "5|-|-|".to_string()),
                (line, "5|-||-".to_string()),
                (line, "5||-|-".to_string()),
            ]
        );
        assert!(joined.not_read.is_empty(), "{:?}", joined.not_read);
    }

    #[test]
    fn rows_whose_cells_may_stand_two_ways_under_a_note_column_stay_undecided_or_unread() {
        // Lines of spaces between the rows ("Summa", its first cell no note): a row
        // after them that writes every cell and one too few, its first a possible note
        // ("47"), may have left out its note or a figure.
        let text = "Tkr\n\nNot\n\nUtfall 2022\n\nUtfall 2023\n\nIntäkter\n\n1\n\n1 200\n\n1 300\n\nKostnader\n\n2\n\n-900\n\n-950\n\nSumma\n\n300\n\n350\n\n   \n\nÖvrigt\n\n47\n\n49\n\n   \n\nResultat\n\n3\n\n347\n\n399\n\nEfter.";
        let lines = crate::table::test_lines(text);
        let refs: Vec<&Line> = lines.iter().collect();
        let joined = join(&refs, Vocabulary::builtin_shared()).expect("joined");
        let rows: Vec<&str> = joined.lines.iter().map(|l| l.text.as_str()).collect();
        assert!(
            rows.contains(&"Tkr\tNot\tUtfall 2022\tUtfall 2023"),
            "{rows:?}"
        );
        assert!(rows.contains(&"Summa\t\t300\t350"), "{rows:?}");
        assert!(rows.contains(&"Resultat\t3\t347\t399"), "{rows:?}");
        let line = lines.iter().find(|l| l.text == "Övrigt").unwrap().number;
        let readings: Vec<(u32, String)> = joined
            .unplaced
            .iter()
            .flat_map(|u| u.readings.iter().map(|r| (u.line, r.join("|"))))
            .collect();
        assert_eq!(
            readings,
            [
                (line, "|47|49".to_string()),
                (line, "47|49|".to_string()),
                (line, "47||49".to_string()),
            ]
        );
        // Extra blank lines that do not write the row's empty cells at its end
        // (Värmdö's resultaträkning 2014: "10", two blank lines, "–18 858", one,
        // "–18 858", one, under four figure columns whose first and third are empty) place
        // nothing: the row is not read, with the reason, never placed by them.
        let text = "Tkr\n\nNot\n\nKommunen 2014\n\nKommunen 2013\n\nKoncernen 2014\n\nKoncernen 2013\n\nA\n\n1\n\n644\n\n615\n\n798\n\n758\n\nB\n\n2\n\n-38\n\n-45\n\n-54\n\n-60\n\nC\n\n3\n\n-1\n\n-2\n\n-3\n\n-4\n\nJ\n\n10\n\n\n–18 858\n\n–18 858\n\nR\n\n \n\n47\n\n124\n\n60\n\n130\n\nEfter.";
        let lines = crate::table::test_lines(text);
        let refs: Vec<&Line> = lines.iter().collect();
        let joined = join(&refs, Vocabulary::builtin_shared()).expect("joined");
        let rows: Vec<&str> = joined.lines.iter().map(|l| l.text.as_str()).collect();
        assert!(rows.contains(&"C\t3\t-1\t-2\t-3\t-4"), "{rows:?}");
        assert!(!rows.iter().any(|r| r.starts_with("J\t")), "{rows:?}");
        let unread: Vec<&str> = joined.not_read.iter().map(|u| u.label.as_str()).collect();
        assert_eq!(unread, ["J", "R"]);
        assert!(joined.not_read[0].reason.contains("do not fit"));
        // A "Not" line above names without a year is no such header: rows one cell
        // short stay rows not read, with the reason.
        let text = "Not\n\nKommunen\n\nKoncernen\n\nA\n\n1\n\n10\n\n20\n\nB\n\n30\n\n40\n\nC\n\n2\n\n50\n\n60\n\nEfter.";
        let lines = crate::table::test_lines(text);
        let refs: Vec<&Line> = lines.iter().collect();
        let joined = join(&refs, Vocabulary::builtin_shared()).expect("joined");
        let unread: Vec<&str> = joined.not_read.iter().map(|u| u.label.as_str()).collect();
        assert_eq!(unread, ["A", "B", "C"]);
        assert!(joined
            .not_read
            .iter()
            .all(|u| u.reason.contains("no \"Not\" column")));
    }

    /// Rows of a block read where they agree with each other and the header writes as many
    /// columns, the way it writes them; left unread where it does not.
    #[test]
    fn a_header_that_writes_the_rows_columns_unnamed_or_after_its_years_reads_them() {
        // A line of spaces among the header's cells (Göteborg's balansräkning: "Belopp
        // i mkr" / " " / "2013" / "2014" / "2015", the rows "not 24" / "459" / …): an
        // unnamed column in its place, the rows' first cells under it.
        let text = "Balansräkning\n\nBelopp i mkr\n\n \n\n2013\n\n2014\n\n2015\n\nTILLGÅNGAR\n\n \n\nImmateriella\n\nnot 24\n\n459\n\n371\n\n333\n\nMateriella\n\nnot 25\n\n72 178\n\n74 082\n\n74 703\n\nFinansiella\n\nnot 26\n\n424\n\n215\n\n503\n\nSumma\n\n \n\n73 061\n\n74 668\n\n75 539\n\nEfter tabellen.";
        assert_eq!(
            joined_texts(text),
            [
                "Balansräkning",
                "Belopp i mkr\t\t2013\t2014\t2015",
                "TILLGÅNGAR\t\t\t\t",
                "Immateriella\tnot 24\t459\t371\t333",
                "Materiella\tnot 25\t72 178\t74 082\t74 703",
                "Finansiella\tnot 26\t424\t215\t503",
                "Summa\t\t73 061\t74 668\t75 539",
                "Efter tabellen.",
            ]
        );
        // A line naming what a column measures right after the years (Stavanger's
        // "Område" / "2011" / "2012" / "2013" / "Endring"): the last column, no heading.
        let text = "Område\n\n2011\n\n2012\n\n2013\n\nEndring\n\nKommunen samlet\n\n7,6\n\n7,4\n\n6,9\n\n-0,5\n\nGrunnskoler\n\n6,3\n\n6,3\n\n6,1\n\n-0,2\n\nSykehjem\n\n9,3\n\n8,4\n\n7,3\n\n-1,1\n\nEfter tabellen.";
        assert_eq!(
            joined_texts(text),
            [
                "Område\t2011\t2012\t2013\tEndring",
                "Kommunen samlet\t7,6\t7,4\t6,9\t-0,5",
                "Grunnskoler\t6,3\t6,3\t6,1\t-0,2",
                "Sykehjem\t9,3\t8,4\t7,3\t-1,1",
                "Efter tabellen.",
            ]
        );
        // A group heading after the years names no column: rows of one cell more than
        // the years stay unread, with the reason, never read with the heading for a
        // column (nor with an unnamed column guessed at either end).
        let unread = |text: &str| {
            let lines = crate::table::test_lines(text);
            let refs: Vec<&Line> = lines.iter().collect();
            let joined = join(&refs, Vocabulary::builtin_shared()).expect("rows not read");
            assert!(
                !joined.lines.iter().any(|l| l.text.contains('\t')),
                "{:?}",
                joined.lines
            );
            joined
                .not_read
                .iter()
                .map(|u| (u.label.clone(), u.reason.contains("do not agree")))
                .collect::<Vec<_>>()
        };
        let text = "Område\n\n2011\n\n2012\n\n2013\n\nTillgångar\n\nA\n\n7,6\n\n7,4\n\n6,9\n\n-0,5\n\nB\n\n6,3\n\n6,3\n\n6,1\n\n-0,2\n\nC\n\n9,3\n\n8,4\n\n7,3\n\n-1,1\n\nEfter tabellen.";
        assert_eq!(
            unread(text),
            [("A".into(), true), ("B".into(), true), ("C".into(), true)]
        );
        // A line of spaces in the header where the rows do not agree with its cells (rows
        // of five under four header cells): not read either.
        let text = "Belopp\n\n \n\n2013\n\n2014\n\n2015\n\nA\n\n1\n\n2\n\n3\n\n4\n\n5\n\nB\n\n1\n\n2\n\n3\n\n4\n\n5\n\nC\n\n1\n\n2\n\n3\n\n4\n\n5\n\nEfter tabellen.";
        assert_eq!(
            unread(text),
            [("A".into(), true), ("B".into(), true), ("C".into(), true)]
        );
    }

    #[test]
    fn a_row_one_cell_short_is_placed_only_where_its_blank_lines_write_the_empty_cell() {
        // One blank line between cells, two before the row's first figure and one after
        // its last (Lund's resultatbudget, its note column unnamed): the empty cell is the
        // first.
        let text = "A\n\n1\n\n10\n\n20\n\nB\n\n2\n\n30\n\n40\n\nC\n\n\n50\n\n60\n\nD\n\n3\n\n70\n\n80\n\nEfter tabellen.";
        assert_eq!(
            joined_texts(text),
            [
                "A\t1\t10\t20",
                "B\t2\t30\t40",
                "C\t\t50\t60",
                "D\t3\t70\t80",
                "Efter tabellen.",
            ]
        );
        // A row set off by blank lines before and after it (Härjedalen's "Totalt": two
        // blank lines, "687 250", one, "346 843", two, its empty cell the last): the lines
        // write no place, the block stays unread with the reason.
        let text = "A\n\n10\n\n20\n\n0\n\nB\n\n30\n\n40\n\n0\n\nC\n\n50\n\n60\n\n0\n\nTotalt\n\n\n90\n\n120\n\n\nEfter tabellen.";
        let lines = crate::table::test_lines(text);
        let refs: Vec<&Line> = lines.iter().collect();
        let joined = join(&refs, Vocabulary::builtin_shared()).expect("rows not read");
        assert!(!joined.lines.iter().any(|l| l.text.contains('\t')));
        let unread: Vec<&str> = joined.not_read.iter().map(|u| u.label.as_str()).collect();
        assert_eq!(unread, ["A", "B", "C", "Totalt"]);
        assert!(joined
            .not_read
            .iter()
            .all(|u| u.reason.contains("no \"Not\" column")));
    }

    #[test]
    fn ragged_blocks_and_prose_are_left_alone() {
        // Rows of different widths without a note column: not joined, the lines left
        // as they were, each row with figures a row not read (D has one figure: a label
        // and a figure, not a row written one cell per line).
        let text = "A\n1\n2\nB\n1\n2\n3\nC\n4\n5\nD\n6";
        let lines = crate::table::test_lines(text);
        let refs: Vec<&Line> = lines.iter().collect();
        let Joined {
            lines: out,
            not_read,
            ..
        } = join(&refs, Vocabulary::builtin_shared()).unwrap_or_else(|| panic!("no rows"));
        assert_eq!(out, lines);
        let seen: Vec<(&str, u32, u32)> = not_read
            .iter()
            .map(|u| (u.text.as_str(), u.line, u.last))
            .collect();
        assert_eq!(seen, [("A 1 2", 1, 3), ("B 1 2 3", 4, 7), ("C 4 5", 8, 10)]);
        assert!(not_read.iter().all(|u| u.reason.ends_with(
            "were not read as a table: a row of its block has 2 cells where the table has 3 columns and no \"Not\" column, so which cell is missing is not written"
        )));
        let lines = crate::table::test_lines("Ett stycke text.\nMed 2 rader.\n");
        let refs: Vec<&Line> = lines.iter().collect();
        assert!(join(&refs, Vocabulary::builtin_shared()).is_none());
    }

    #[test]
    fn a_row_of_one_figure_after_lines_of_spaces_is_noted_when_no_block_takes_it() {
        // Shaped like Svenska kyrkan's koncernresultaträkning 2000: rows with a note
        // (an empty first cell written as a line of spaces, the note, the figure) and
        // rows without one (the line of spaces, the figure). The rows without a note were
        // dropped without a word; now each is a row not read.
        let text = "Intäkter\n\nAvgifter\n   \n2\n\n1 283 450\n\nGåvor\n   \n3\n\n204 474\n\n\
Övriga intäkter\n   \n44 548\n\nSumma\n   \n1 532 472\n";
        let lines = crate::table::test_lines(text);
        let refs: Vec<&Line> = lines.iter().collect();
        let joined = join(&refs, Vocabulary::builtin_shared()).unwrap_or_else(|| panic!("no rows"));
        let seen: Vec<&str> = joined.not_read.iter().map(|u| u.text.as_str()).collect();
        assert!(seen.contains(&"Övriga intäkter · 44 548"), "{seen:?}");
        assert!(seen.contains(&"Summa · 1 532 472"), "{seen:?}");
    }

    #[test]
    fn header_lines_of_quarters_months_and_periods_to_date_are_period_names() {
        let v = Vocabulary::builtin_shared();
        for t in [
            "2023 Kv1",
            "Kv 3 2023",
            "K3 2023",
            "Q3 2023",
            "T2 2024",
            "Tertial 2",
            "jan–aug 2024",
            " 2023 t.o.m Kv3",
            "Okt. 2023",
            "2023 Okt.",
            "1.–3. kvartal",
            "1-8/2024",
            "tammi–kesäkuu 2024",
            "(T1+T2) 2019",
            "Kv2 *",
        ] {
            assert!(names_sub_year(t, v), "{t}");
        }
        for t in [
            "2023",
            "Antall",
            "Fastleger",
            "Kommunen 2023",
            "Mars 2023 var det kaldt",
            "1 234",
            "Endr.",
            "Budget 2023",
        ] {
            assert!(!names_sub_year(t, v), "{t}");
        }
        assert_eq!(names_change("Endr.", v), Some(true));
        assert_eq!(names_change("Endr.  2023 t.o.m Okt.", v), Some(false));
        assert_eq!(names_change("Förändring jan–aug 2024", v), Some(false));
        assert_eq!(names_change("Endring i prosent", v), None);
        assert_eq!(names_change("Antall", v), None);
    }

    /// A key-figure table flattened one cell per line under a header of quarters (a web
    /// page's "Nasjonale nøkkeltall" kind): one name split over two lines ("Endr." / "2023
    /// t.o.m Kv2"), joined because the rows write one figure fewer than the header's
    /// lines; a group heading after the header; a row with a stray line of spaces among
    /// figures that fill every column.
    #[test]
    fn a_header_of_quarters_with_a_change_name_split_over_two_lines_heads_the_rows() {
        let text = "Tabell 2. Nøkkeltall\n\n \n\n2021 Kv4\n\n2022 Kv4\n\n2023 Kv1\n\n2023 Kv2\n\nEndr.\n\n 2023 t.o.m Kv2\n\nAntall\n\nA\n\n100\n\n110\n\n115\n\n120\n\n10\n\nB\n\n200\n\n \n\n210\n\n220\n\n230\n\n20\n\nC\n\n5\n\n6\n\n7\n\n8\n\n2\n\nEtter tabellen.";
        assert_eq!(
            joined_texts(text),
            [
                "Tabell 2. Nøkkeltall",
                "\t2021 Kv4\t2022 Kv4\t2023 Kv1\t2023 Kv2\tEndr. 2023 t.o.m Kv2",
                "Antall\t\t\t\t\t",
                "A\t100\t110\t115\t120\t10",
                "B\t200\t210\t220\t230\t20",
                "C\t5\t6\t7\t8\t2",
                "Etter tabellen.",
            ]
        );
        // Rows writing as many figures as the header's lines: no name is joined, the
        // change word stands for its own column.
        let text = "2023 Kv1\n\n2023 Kv2\n\nEndr.\n\nA\n\n1 100\n\n1 150\n\n50\n\nB\n\n2 200\n\n2 260\n\n60\n\nC\n\n3 300\n\n3 370\n\n70\n\nEtter tabellen.";
        assert_eq!(joined_texts(text)[0], "\t2023 Kv1\t2023 Kv2\tEndr.");
        // Quarter names that repeat (the years written above them, "Kv1" under 2022 and
        // under 2023) name no column of their own: not read as this header.
        let text = "2022\n\n2023\n\nAntall\n\nKv1\n\nKv2\n\nKv1\n\nKv2\n\nA\n\n1\n\n2\n\n3\n\n4\n\nB\n\n5\n\n6\n\n7\n\n8\n\nC\n\n9\n\n10\n\n11\n\n12\n\nEtter tabellen.";
        assert!(!joined_texts(text).iter().any(|l| l.contains("Kv1\tKv2")));
    }

    #[test]
    fn glued_header_parts_keep_units_whole() {
        let names = |t: &str| {
            let (hard, soft) = glued_parts(t);
            (glued_names(t, &hard).unwrap_or_default(), soft.len())
        };
        assert_eq!(
            names("Förbrukning kWhKostnad per årFast delRörlig del"),
            (
                vec![
                    "Förbrukning kWh".to_string(),
                    "Kostnad per år".to_string(),
                    "Fast del".to_string(),
                    "Rörlig del".to_string()
                ],
                0
            )
        );
        // A unit starting a word is no name ("MWh", "SEK/kWh"); a hyphenated name stays.
        assert_eq!(
            names("Volym MWhPris SEK/kWhAnslutnings-avgift").0,
            ["Volym MWh", "Pris SEK/kWh", "Anslutnings-avgift"]
        );
        // After a parenthesis, glued or spaced: a hard part, or a soft one.
        assert_eq!(glued_parts("Effekt (kW)Pris").0.len(), 1);
        assert_eq!(
            glued_parts("Effekt (antaget) Pris per årAvgift"),
            (vec![28], vec![17])
        );
        // No glued part: no header of this kind.
        assert!(glued_parts("Årlig kostnad per år").0.is_empty());
    }
}
