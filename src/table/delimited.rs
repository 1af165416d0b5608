//! Tables written with tabs or markdown pipes (the markdown-like seeds): one line is one
//! row, cells are cut at the delimiter, `<b>`/`**` mark bold cells.
//!
//! Pipe tables are also read without their outer bars, as transcripts of web pages write
//! them ("2012 | 2013 |" over "---|---|" over "Eget kapital | 351 024 | 374 709 |"): a run
//! of two or more consecutive lines each cut by `|` into two or more cells. There the rule
//! line is no row, a bar closing the line is no empty cell, and a header that names every
//! column but the label's (one cell shorter than the rows, its first cell filled) is moved
//! one cell right, over the columns it names.

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

/// A line cut by `|` without both outer bars ("a | 1 | 2 |", "2012 | 2013", "---|---|"):
/// its cells (a leading or closing bar is a border, not an empty cell), `Some(vec![])` for
/// a rule line, `None` when the line has no bar or gives fewer than two cells.
fn loose_pipe_cells(text: &str) -> Option<Vec<Piece>> {
    if !text.contains('|') {
        return None;
    }
    // A rule of one cell ("---|", as pages flattened with a rule after every row
    // write it) separates rows; it breaks no table.
    let bare = text.trim();
    if bare.contains('-') && bare.chars().all(|ch| matches!(ch, '-' | ':' | ' ' | '|')) {
        return Some(Vec::new());
    }
    let lead = text.len() - text.trim_start().len();
    let mut t = text.trim();
    let mut at = lead;
    if let Some(rest) = t.strip_prefix('|') {
        t = rest;
        at += 1;
    }
    let t = t.strip_suffix('|').unwrap_or(t);
    let cells = pieces(t, at, '|');
    if cells.len() < 2 {
        return None;
    }
    let rule = cells
        .iter()
        .all(|(c, _)| c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
        && cells.iter().any(|(c, _)| c.contains('-'));
    if rule {
        return Some(Vec::new());
    }
    Some(cells)
}

/// Which lines are rows of a pipe table written without outer bars: runs of two or more
/// consecutive lines that [`loose_pipe_cells`] cuts into cells (a lone line with a bar in
/// prose is no table).
fn loose_pipe_lines(lines: &[&Line]) -> Vec<bool> {
    let cut: Vec<bool> = lines
        .iter()
        .map(|l| pipe_cells(&l.text).is_none() && loose_pipe_cells(&l.text).is_some())
        .collect();
    let mut out = vec![false; lines.len()];
    let mut i = 0;
    while i < cut.len() {
        let start = i;
        while i < cut.len() && cut[i] {
            i += 1;
        }
        if i - start >= 2 {
            out[start..i].iter_mut().for_each(|o| *o = true);
        }
        i = i.max(start + 1);
    }
    out
}

/// The cells of a delimited line with their byte ranges, or `None` when the line is not
/// one; `loose` when the line belongs to a pipe table written without outer bars.
fn delimited_cells(text: &str, loose: bool) -> Option<Vec<Piece>> {
    if let Some(cells) = pipe_cells(text) {
        return Some(cells);
    }
    if loose {
        if let Some(cells) = loose_pipe_cells(text) {
            return Some(cells);
        }
    }
    if text.contains('\t') {
        return Some(pieces(text, 0, '\t'));
    }
    None
}

/// Index one past the last filled cell of a row.
fn extent(row: &GridRow) -> usize {
    row.cells
        .iter()
        .rposition(|c| !c.trim().is_empty())
        .map_or(0, |i| i + 1)
}

/// A pipe table written without outer bars, made even: empty cells after the table's
/// last filled column are dropped, and header rows (above the first row with a figure)
/// that are one cell shorter than the rows, their first cell naming a period (it holds a
/// digit: "2012", "Budget 2023"; a word alone may head the label column), while every
/// row with a figure has a label, are moved one cell right: the label column is unnamed.
fn even_loose_rows(rows: &mut [GridRow], vocab: &Vocabulary) {
    let width = rows.iter().map(extent).max().unwrap_or(0);
    for r in rows.iter_mut() {
        r.cells.truncate(width);
        r.spans.truncate(width);
    }
    let Some(first_data) = rows.iter().position(|r| r.has_figure(vocab)) else {
        return;
    };
    let data = &rows[first_data..];
    let data_width = data.iter().map(extent).max().unwrap_or(0);
    let labelled = data
        .iter()
        .filter(|r| r.has_figure(vocab))
        .all(|r| r.cells.first().is_some_and(|c| !c.trim().is_empty()));
    if !labelled || data_width < 3 {
        return;
    }
    for h in 0..first_data {
        let r = &rows[h];
        let period = r
            .cells
            .first()
            .is_some_and(|c| c.chars().any(|ch| ch.is_ascii_digit()));
        let short = extent(r) + 1 == data_width;
        // A second header row one cell short, every cell filled, under a row that names
        // the label column ("Parti | Röster | Mandatfördelning" / "Antal | % | +− % |
        // Antal | +−"): the label column's name spans both rows, so this row names the
        // figure columns. Not a unit over the label column ("Mnkr", "(tkr)").
        let under_label_name = h > 0
            && rows[..h]
                .iter()
                .any(|u| u.cells.first().is_some_and(|c| !c.trim().is_empty()))
            && (0..extent(r)).all(|i| !r.clean(i).is_empty())
            && !is_unit_cell(&r.clean(0), vocab);
        if short && (period || under_label_name) {
            let r = &mut rows[h];
            r.cells.insert(0, String::new());
            r.spans.insert(0, None);
            r.cells.truncate(data_width);
            r.spans.truncate(data_width);
            // Names under a band of names above ("… | 2015 | 2016 | 2017" over
            // "Foretak 1. januar | Nyetablerte | …"): the band's names are placed over
            // the groups they head, or dropped, even where a name holds a digit.
            if under_label_name && (!period || band_above(rows, h)) {
                place_spanning_names(rows, h);
            }
        }
    }
}

/// A code column and a name column before the figures ("Kod | Kommunnamn", "0127 |
/// Botkyrka | 95 905 | …") are one label ("0127 Botkyrka"); a row of the whole that has a
/// name but no code ("Riket | 10 587 710 | …", its cells one place left and an empty cell
/// closing it) gets its empty name cell back, so its figures stand under their columns.
/// Read only where most rows with figures (three at least) have a code of digits and a
/// name without a figure.
fn join_code_and_name(rows: &mut [GridRow], vocab: &Vocabulary) {
    use super::cell::parse_cell;
    let figure = |t: &str| !t.trim().is_empty() && parse_cell(t, vocab).value.is_some();
    let code = |t: &str| {
        let t = t.trim();
        !t.is_empty() && t.len() <= 6 && t.chars().all(|c| c.is_ascii_digit())
    };
    // Cheap first: three rows at least must start with a code.
    if rows.iter().filter(|r| code(&r.clean(0))).take(3).count() < 3 {
        return;
    }
    let Some(first_data) = rows.iter().position(|r| r.has_figure(vocab)) else {
        return;
    };
    let data: Vec<usize> = (first_data..rows.len())
        .filter(|&i| rows[i].has_figure(vocab))
        .collect();
    let coded = data
        .iter()
        .filter(|&&i| {
            let r = &rows[i];
            code(&r.clean(0)) && !r.clean(1).trim().is_empty() && !figure(&r.clean(1))
        })
        .count();
    if coded < 3 || coded * 3 < data.len() * 2 {
        return;
    }
    let width = rows.iter().map(extent).max().unwrap_or(0);
    for &i in &data {
        let r = &mut rows[i];
        let nameless = !code(&r.clean(0)) && figure(&r.clean(1));
        if nameless && extent(r) < width && r.cells.len() == width {
            r.cells.insert(1, String::new());
            r.spans.insert(1, None);
            r.cells.truncate(width);
            r.spans.truncate(width);
        }
    }
    for (i, r) in rows.iter_mut().enumerate() {
        // Header rows above the figures join only where they name both columns.
        if i < first_data && (r.clean(0).trim().is_empty() || r.clean(1).trim().is_empty()) {
            continue;
        }
        if r.cells.len() < 2 {
            continue;
        }
        let name = r.cells.remove(1);
        let span = r.spans.remove(1);
        let joined = format!("{} {}", r.cells[0].trim(), name.trim());
        r.cells[0] = joined.trim().to_string();
        if let (Some(a), Some(b)) = (r.spans[0], span) {
            let end = b.start + b.len;
            r.spans[0] = Some(crate::LineSpan {
                start: a.start,
                len: end.saturating_sub(a.start),
            });
        } else if r.spans[0].is_none() {
            r.spans[0] = span;
        }
    }
}

/// A row above `h` names two columns or more beyond the label's: a band over `h`'s names.
fn band_above(rows: &[GridRow], h: usize) -> bool {
    rows[..h].iter().any(|u| {
        (1..u.cells.len())
            .filter(|&i| !u.clean(i).is_empty())
            .count()
            >= 2
    })
}

/// A cell that only names a unit ("Mnkr", "(tkr)", "%").
fn is_unit_cell(text: &str, vocab: &Vocabulary) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| c == '(' || c == ')')
        .trim()
        .to_lowercase();
    t == "%" || vocab.unit_words().iter().any(|(w, _)| *w == t)
}

/// The names of the header rows above row `h` (moved right, under a label column's
/// name spanning both), written one after another without their spans ("Parti | Röster
/// | Mandatfördelning | | |"): each spans a group of `h`'s columns, and where a group
/// starts is certain only when `h`'s first name comes back once per name above, each
/// time opening a group ("Antal | % | +− % | Antal | +−" under "Röster",
/// "Mandatfördelning"). Then each name above is placed over its group's first column
/// (the joined header spans it over the rest); else the names above are dropped, their
/// columns not certain, and the label column's name moves down into row `h` (a row
/// holding only it would be taken for the table's title).
fn place_spanning_names(rows: &mut [GridRow], h: usize) {
    let width = rows[h].cells.len();
    let first = rows[h].clean(1);
    // A group opens where the first name comes back, alone or qualified in brackets
    // ("Foretak 1. januar (estimert)").
    let opens = |t: &str| {
        t == first
            || t.strip_prefix(first.as_str())
                .is_some_and(|rest| rest.starts_with(" (") && rest.ends_with(')'))
    };
    let starts: Vec<usize> = (1..width).filter(|&i| opens(&rows[h].clean(i))).collect();
    let placed = rows[..h].iter().all(|u| {
        (1..u.cells.len())
            .filter(|&i| !u.clean(i).is_empty())
            .count()
            == starts.len()
            || (1..u.cells.len()).all(|i| u.clean(i).is_empty())
    });
    if !placed {
        let label: Vec<String> = rows[..h]
            .iter()
            .map(|u| u.clean(0))
            .filter(|t| !t.is_empty())
            .collect();
        for u in rows[..h].iter_mut() {
            u.cells.iter_mut().for_each(String::clear);
            u.spans.iter_mut().for_each(|s| *s = None);
        }
        rows[h].cells[0] = label.join(" ");
        return;
    }
    for u in rows[..h].iter_mut() {
        let names: Vec<(String, Option<crate::LineSpan>)> = (1..u.cells.len())
            .filter(|&i| !u.clean(i).is_empty())
            .map(|i| (u.cells[i].clone(), u.spans.get(i).copied().flatten()))
            .collect();
        if names.is_empty() {
            continue;
        }
        for i in 1..u.cells.len() {
            u.cells[i] = String::new();
        }
        u.cells.resize(width, String::new());
        u.spans.resize(width, None);
        for i in 1..width {
            u.spans[i] = None;
        }
        for ((name, span), &at) in names.into_iter().zip(&starts) {
            u.cells[at] = name;
            u.spans[at] = span;
        }
    }
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
    let loose = loose_pipe_lines(lines);
    let mut i = 0;
    while i < lines.len() {
        if delimited_cells(&lines[i].text, loose[i]).is_none() {
            i += 1;
            continue;
        }
        let start = i;
        let mut rows = Vec::new();
        while i < lines.len() {
            let Some(cells) = delimited_cells(&lines[i].text, loose[i]) else {
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
        if loose[start..i].iter().any(|&l| l) {
            even_loose_rows(&mut rows, vocab);
        }
        join_code_and_name(&mut rows, vocab);
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
    use rust_decimal::Decimal;

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
        let cells = delimited_cells(line, false).unwrap_or_default();
        let places: Vec<&str> = cells.iter().map(|(_, (s, e))| &line[*s..*e]).collect();
        assert_eq!(places, ["Summa", "300", "300"]);
        assert_eq!(cells[2].1, (12, 15));
    }

    fn tables(text: &str) -> Vec<Table> {
        super::super::extract_text(text, Vocabulary::builtin_shared())
    }

    #[test]
    fn loose_pipes() {
        let cells = |t: &str| {
            loose_pipe_cells(t).map(|c| c.into_iter().map(|(c, _)| c).collect::<Vec<_>>())
        };
        assert_eq!(
            cells("Eget kapital | 351 024 | 374 709 |"),
            Some(vec![
                "Eget kapital".to_string(),
                "351 024".to_string(),
                "374 709".to_string()
            ])
        );
        assert_eq!(
            cells("2012 | 2013 | |"),
            Some(vec!["2012".to_string(), "2013".to_string(), String::new()])
        );
        assert_eq!(cells("---|---|---|"), Some(Vec::new()));
        assert_eq!(cells(":--|--:"), Some(Vec::new()));
        assert_eq!(cells("no bar here"), None);
        assert_eq!(cells("only a closing bar |"), None);
        let line = "  Summa | 300 |";
        let places: Vec<&str> = loose_pipe_cells(line)
            .unwrap_or_default()
            .iter()
            .map(|(_, (s, e))| &line[*s..*e])
            .collect();
        assert_eq!(places, ["Summa", "300"]);
    }

    #[test]
    fn a_lone_line_with_a_bar_is_no_table() {
        let t = tables("Dnr 2024/12 | Kommunstyrelsen\nInget mer att anteckna.\n");
        assert!(t.is_empty(), "{t:?}");
    }

    #[test]
    fn a_header_one_cell_short_names_the_figure_columns() {
        let t = tables(
            "Balansräkning (mnkr)\n2012 | 2013 | 2014 | |\n---|---|---|---|\n\
             Tillgångar | 1 200 | 1 250 | 1 310 |\nSkulder | 300 | 320 | |\n",
        );
        assert_eq!(t.len(), 1, "{t:?}");
        let t = &t[0];
        assert_eq!(t.columns, ["2012", "2013", "2014"]);
        assert_eq!(t.label_header, None);
        assert_eq!(t.rows.len(), 2, "the rule is no row");
        assert_eq!(t.rows[0].label, "Tillgångar");
        let values: Vec<_> = t.rows[0].cells.iter().map(|c| c.value).collect();
        assert_eq!(
            values,
            [
                Some(Decimal::from(1200)),
                Some(Decimal::from(1250)),
                Some(Decimal::from(1310))
            ]
        );
        // An empty trailing cell is an empty cell in its column.
        assert!(t.rows[1].cells[2].empty);
    }

    /// A web page's table with a rule after every row ("I alt | 1 300 | … |" over
    /// "---|") and a band of years over the column names, the last name qualified in
    /// brackets.
    #[test]
    fn a_rule_after_every_row_separates_rows_and_a_band_spans_its_groups() {
        let t = tables(
            "Foretak etter region | 2015 | 2016 | 2017 |\n---|\n\
             Foretak 1. januar | Nye foretak | Foretak 1. januar | Nye foretak | Foretak 1. januar (estimert) |\n---|\n\
             I alt | 1 300 | 120 | 1 350 | 130 | 1 400 |\n---|\n\
             Nord | 500 | 50 | 520 | 60 | 540 |\n---|\n\
             Sør | 800 | 70 | 830 | 70 | 860 |\n---|\n",
        );
        assert_eq!(t.len(), 1, "{t:?}");
        let t = &t[0];
        assert_eq!(t.rows.len(), 3, "{t:?}");
        assert_eq!(
            t.columns,
            [
                "2015 Foretak 1. januar",
                "2015 Nye foretak",
                "2016 Foretak 1. januar",
                "2016 Nye foretak",
                "2017 Foretak 1. januar (estimert)"
            ]
        );
        assert_eq!(t.rows[1].cells[4].value, Some(Decimal::from(540)));
    }

    #[test]
    fn a_header_naming_the_label_column_stays_in_place() {
        let t = tables(
            "Nämnd | Budget 2022 | Budget 2023\n---|---|---\nKS | 41 | 42\nBUN | 310 | 318\n",
        );
        assert_eq!(t.len(), 1, "{t:?}");
        assert_eq!(t[0].label_header.as_deref(), Some("Nämnd"));
        assert_eq!(t[0].columns, ["Budget 2022", "Budget 2023"]);
        // A word alone over the label column is not moved even when the last column is
        // unnamed.
        let t = tables("Mnkr | 2022 |\nKS | 41 | 42 |\nBUN | 310 | 318 |\n");
        assert_eq!(t.len(), 1, "{t:?}");
        assert_eq!(t[0].label_header.as_deref(), Some("Mnkr"));
        assert_eq!(t[0].columns, ["2022", ""]);
    }

    #[test]
    fn a_cut_figure_in_a_pipe_cell_is_not_read_as_text() {
        let t = tables(
            "| 2022 | 2023 |\n---|---|---|\nIntäkter | 120 | 130 |\nKostnader | -7 73 | -820 |\n",
        );
        assert_eq!(t.len(), 1, "{t:?}");
        let cut = &t[0].rows[1].cells[0];
        assert_eq!(cut.value, None);
        assert!(cut.unread.is_some(), "{cut:?}");
    }

    #[test]
    fn a_code_and_a_name_make_one_label_and_a_row_without_a_code_keeps_its_columns() {
        let t = tables(
            "Kod | Kommunnamn | Folkmängd | Folkökning | Levande födda |\n---|---|---|---|---|\nRiket | 10 587 710 | 36 003 | 98 451 | |\n01 | Stockholm | 2 473 307 | 18 486 | 25 657 |\n0127 | Botkyrka | 95 905 | 313 | 938 |\n0162 | Danderyd | 32 425 | 6 | 202 |\n",
        );
        assert_eq!(t.len(), 1, "{t:?}");
        let labels: Vec<&str> = t[0].rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Riket", "01 Stockholm", "0127 Botkyrka", "0162 Danderyd"]
        );
        let riket: Vec<_> = t[0].rows[0].cells.iter().map(|c| c.value).collect();
        assert_eq!(
            riket,
            [
                Some(Decimal::from(10_587_710)),
                Some(Decimal::from(36_003)),
                Some(Decimal::from(98_451))
            ]
        );
    }
}
