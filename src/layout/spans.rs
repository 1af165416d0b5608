//! A line's runs → spans: text with no column gap inside it. A gap of about one space
//! advance joins (a thousands separator is 0.22–0.32 font sizes, a word space about
//! the same); a column gap is wider. Table columns are 2.6 font sizes apart and more,
//! but tab stops (definition lists, bullets, "Tid  Kommentar" headers) leave gaps from
//! 0.45 font sizes up, so the part of a gap that no written space glyph explains splits
//! from 0.4 font sizes on. A space stretched by justification carries its stretch in its
//! own advance (word spacing), so it still explains its gap; a cell that ends in a space
//! followed by a tab stop does not.

use super::lines::RunLine;
use super::Span;

/// Gaps without a space glyph wider than this many font sizes separate columns.
pub const COLUMN_GAP: f64 = 0.4;
/// The same for pages whose producer writes no space glyphs at all (TeX, some
/// converters): every word gap is then a bare positioning gap, 0.33 font sizes and
/// stretched further by justification, so only a wider gap can be a column.
pub const SPACELESS_COLUMN_GAP: f64 = 1.0;
/// Gaps wider than this many font sizes are a space even without a space glyph.
const WORD_GAP: f64 = 0.12;
/// Consecutive space glyphs inside one string that mark alignment, not a word break.
const ALIGNMENT_SPACES: usize = 3;

/// Whether a page's producer writes space glyphs: fewer than one space per 50 other
/// glyphs means word gaps are made by positioning alone.
pub fn writes_spaces(glyphs: &[crate::ingest::Glyph]) -> bool {
    let spaces = glyphs
        .iter()
        .filter(|g| !g.text.is_empty() && g.text.trim().is_empty())
        .count();
    spaces * 50 >= glyphs.len() - spaces
}

/// Splits a line into spans at column gaps; `spaced` says whether the page writes space
/// glyphs (see [`writes_spaces`]).
pub fn spans(line: &RunLine<'_>, spaced: bool) -> Vec<Span> {
    let bare_gap = if spaced {
        COLUMN_GAP
    } else {
        SPACELESS_COLUMN_GAP
    };
    let mut out: Vec<Span> = Vec::new();
    let mut current: Option<Span> = None;
    // End and size of the last ink glyph, whether space glyphs followed it and how much
    // of the gap they cover.
    let mut prev: Option<(f64, f64)> = None;
    let mut pending_space = false;
    let mut space_width = 0.0_f64;
    // Space glyphs shown as strings of their own since the last ink glyph (see
    // `lines::runs`): one string per glyph, so they count as consecutive spaces of one
    // string would.
    let mut loose_spaces = 0usize;
    let mut ink_string: Option<u32> = None;
    for run in &line.runs {
        let mut spaces_in_run = 0usize;
        for g in &run.glyphs {
            let (x, end) = run.extent(g);
            if g.text.trim().is_empty() {
                pending_space = true;
                space_width += (end - x).max(0.0);
                spaces_in_run += 1;
                if ink_string.is_some_and(|s| s != g.string) {
                    loose_spaces += 1;
                }
                continue;
            }
            let size = super::lines::usable_size(g.font_size);
            let aligned = spaces_in_run.max(loose_spaces) >= ALIGNMENT_SPACES;
            spaces_in_run = 0;
            loose_spaces = 0;
            ink_string = Some(g.string);
            match (current.as_mut(), prev) {
                (Some(span), Some((prev_end, prev_size))) => {
                    let gap = x - prev_end;
                    let scale = size.max(prev_size);
                    let unexplained = gap - space_width.min(gap.max(0.0));
                    if unexplained > bare_gap * scale || aligned {
                        out.extend(current.take());
                        current = Some(new_span(&g.text, x, end, size, g.ocr));
                    } else {
                        span.ocr = lowest(span.ocr, g.ocr);
                        if pending_space || gap > WORD_GAP * scale {
                            span.text.push(' ');
                        }
                        span.text.push_str(&g.text);
                        span.x1 = span.x1.max(end);
                        span.font_size = span.font_size.max(size);
                    }
                }
                _ => current = Some(new_span(&g.text, x, end, size, g.ocr)),
            }
            prev = Some((end, size));
            pending_space = false;
            space_width = 0.0;
        }
    }
    out.extend(current);
    out
}

fn new_span(text: &str, x0: f64, x1: f64, size: f64, ocr: Option<f32>) -> Span {
    Span {
        text: text.to_string(),
        x0,
        x1,
        font_size: size,
        ocr,
    }
}

/// The lower of two OCR confidences; a span is as sure as its least sure word.
fn lowest(a: Option<f32>, b: Option<f32>) -> Option<f32> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Glyph;
    use crate::layout::lines::{group_lines, runs};

    /// Lays a string out glyph by glyph at 0.5 font sizes per character, starting at x.
    fn string(text: &str, x: f64, size: f64, id: u32) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                text: c.to_string(),
                x: x + i as f64 * size * 0.5,
                y: 500.0,
                advance: size * 0.5,
                font_size: size,
                string: id,
                ocr: None,
            })
            .collect()
    }

    fn texts(glyphs: &[Glyph]) -> Vec<String> {
        let (lines, _) = group_lines(runs(glyphs));
        spans(&lines[0], true).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn thousands_space_joins_and_column_gap_splits() {
        // "Nätverk" then "1" and "278" 0.27 font sizes apart, then a column 3 sizes on.
        let mut g = string("Nätverk", 10.0, 10.0, 1);
        g.extend(string("1", 100.0, 10.0, 2));
        g.extend(string("278", 107.7, 10.0, 3));
        g.extend(string("0", 152.7, 10.0, 4));
        assert_eq!(texts(&g), ["Nätverk", "1 278", "0"]);
    }

    #[test]
    fn tab_stop_without_space_splits_but_justified_space_joins() {
        // A tab stop 0.6 font sizes wide and no space glyph: two cells.
        let mut g = string("Tid", 10.0, 10.0, 1);
        g.extend(string("Kommentar", 31.0, 10.0, 2));
        assert_eq!(texts(&g), ["Tid", "Kommentar"]);
        // A written space stretched to 0.9 font sizes by justification (its advance
        // carries the word spacing): one span.
        let mut g = string("att", 10.0, 10.0, 1);
        g.push(Glyph {
            text: " ".to_string(),
            x: 25.0,
            y: 500.0,
            advance: 9.0,
            font_size: 10.0,
            string: 1,
            ocr: None,
        });
        g.extend(string("besluta", 34.0, 10.0, 2));
        assert_eq!(texts(&g), ["att besluta"]);
        // A cell ending in a normal space, then a tab stop 0.9 font sizes on: two cells.
        let mut g = string("Summa ", 10.0, 10.0, 1);
        g.extend(string("1 234", 49.0, 10.0, 2));
        assert_eq!(texts(&g), ["Summa", "1 234"]);
    }

    #[test]
    fn spaceless_producers_keep_justified_words_together() {
        // TeX writes no space glyphs: words 0.6 font sizes apart are one span there,
        // while a 2-font-size gap is still a column.
        let mut g = string("the", 10.0, 10.0, 1);
        g.extend(string("guards", 31.0, 10.0, 2));
        g.extend(string("42", 81.0, 10.0, 3));
        assert!(!writes_spaces(&g));
        let (lines, _) = group_lines(runs(&g));
        let got: Vec<String> = spans(&lines[0], false)
            .into_iter()
            .map(|s| s.text)
            .collect();
        assert_eq!(got, ["the guards", "42"]);
    }

    #[test]
    fn space_glyphs_make_one_space() {
        let g = string("Summa totalt", 10.0, 10.0, 1);
        assert_eq!(texts(&g), ["Summa totalt"]);
    }

    #[test]
    fn alignment_spaces_inside_a_string_split_columns() {
        let g = string("Summa     1 234", 10.0, 10.0, 1);
        assert_eq!(texts(&g), ["Summa", "1 234"]);
    }

    /// One shown string per glyph (a browser's "print to PDF" of a monospaced page):
    /// every glyph, the spaces too, is a string of its own, 0.6 font sizes wide.
    fn glyph_by_glyph(text: &str, x: f64, size: f64) -> Vec<Glyph> {
        let mut g = string(text, x, size, 0);
        for (i, glyph) in g.iter_mut().enumerate() {
            glyph.x = x + i as f64 * size * 0.6;
            glyph.advance = size * 0.6;
            glyph.string = i as u32;
        }
        g
    }

    #[test]
    fn spaces_shown_glyph_by_glyph_join_words_and_aligning_runs_split() {
        // A written space 0.6 font sizes wide, as a string of its own, is a word space.
        assert_eq!(
            texts(&glyph_by_glyph("Kommunal skatt: 20,62", 10.0, 10.0)),
            ["Kommunal skatt: 20,62"]
        );
        // Three or more of them in a row align a column, as inside one string.
        assert_eq!(
            texts(&glyph_by_glyph("Summa     1 234", 10.0, 10.0)),
            ["Summa", "1 234"]
        );
    }

    #[test]
    fn drifting_string_does_not_swallow_the_next() {
        // The first string claims 1.0 font size per glyph (wrong widths) and would end
        // past the second string's exact start; the second string stays a column.
        let mut g: Vec<Glyph> = "Personal"
            .chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                text: c.to_string(),
                x: 10.0 + i as f64 * 10.0,
                y: 500.0,
                advance: 10.0,
                font_size: 10.0,
                string: 1,
                ocr: None,
            })
            .collect();
        g.extend(string("4 040", 70.0, 10.0, 2));
        assert_eq!(texts(&g), ["Personal", "4 040"]);
    }
}
