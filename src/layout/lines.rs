//! Glyphs → lines: glyphs grouped into runs (one shown string on one baseline), runs
//! grouped into lines by baseline with a tolerance that absorbs jitter and
//! superscripts, lines in reading order top to bottom.

use crate::ingest::Glyph;

/// Baselines closer than this many font sizes belong to one line. A superscript sits
/// about 0.33 font sizes up; single-spaced lines are 1.1–1.2 font sizes apart.
const BASELINE_TOLERANCE: f64 = 0.45;

/// Glyphs of one shown string on one baseline, in drawing order. The string's first
/// origin is exact; later glyphs may drift when the font's widths are wrong.
#[derive(Clone, Debug)]
pub struct Run<'a> {
    pub glyphs: Vec<&'a Glyph>,
    /// Baseline in PDF user space (y grows upwards).
    pub y: f64,
    pub x0: f64,
    pub x1: f64,
    pub size: f64,
    /// Factor applied to positions inside the string when its computed width overran
    /// the next string (1.0 normally).
    pub scale: f64,
}

impl<'a> Run<'a> {
    fn new(first: &'a Glyph) -> Run<'a> {
        Run {
            glyphs: vec![first],
            y: first.y,
            x0: first.x,
            x1: first.x + first.advance.max(0.0),
            size: usable_size(first.font_size),
            scale: 1.0,
        }
    }

    fn push(&mut self, g: &'a Glyph) {
        self.x1 = self.x1.max(g.x + g.advance.max(0.0));
        self.size = self.size.max(usable_size(g.font_size));
        self.glyphs.push(g);
    }

    pub fn text(&self) -> String {
        self.glyphs.iter().map(|g| g.text.as_str()).collect()
    }

    /// A glyph's start and end with the drift correction applied.
    pub fn extent(&self, g: &Glyph) -> (f64, f64) {
        let x = self.x0 + (g.x - self.x0) * self.scale;
        (x, x + g.advance.max(0.0) * self.scale)
    }

    fn is_blank(&self) -> bool {
        self.glyphs.iter().all(|g| g.text.trim().is_empty())
    }
}

/// A font size of zero (or nonsense) would make every tolerance zero.
pub fn usable_size(size: f64) -> f64 {
    if size.is_finite() && size > 0.5 {
        size
    } else {
        1.0
    }
}

/// A line of runs, left to right, with the baseline of its dominant run.
#[derive(Clone, Debug)]
pub struct RunLine<'a> {
    pub runs: Vec<Run<'a>>,
    pub y: f64,
    pub size: f64,
}

/// Splits the page's glyphs into runs: a new run starts with a new shown string or
/// when the baseline jumps within one string.
pub fn runs(glyphs: &[Glyph]) -> Vec<Run<'_>> {
    let mut out: Vec<Run<'_>> = Vec::new();
    for g in glyphs {
        if let Some(run) = out.last_mut() {
            let same_string = run.glyphs.last().is_some_and(|p| p.string == g.string);
            let same_baseline = (g.y - run.y).abs() <= 0.2 * run.size.max(usable_size(g.font_size));
            // A space shown as a string of its own after a string of one glyph
            // (producers that place every glyph with its own operator) still separates
            // the words on either side of it: it joins the glyph it follows, where
            // dropped as a blank run its width would read as a column gap. After a
            // longer string ("2024-05-03", then " ", then a field at a tab stop) it
            // stays dropped, as a cell's trailing space does not explain a tab stop.
            let loose_space = g.text.trim().is_empty()
                && run
                    .glyphs
                    .iter()
                    .filter(|p| !p.text.trim().is_empty())
                    .count()
                    == 1
                && (g.x - run.x1).abs() <= 0.2 * run.size;
            if (same_string || loose_space) && same_baseline {
                run.push(g);
                continue;
            }
        }
        out.push(Run::new(g));
    }
    out.retain(|r| !r.is_blank());
    out
}

/// Groups runs into lines, top to bottom; within a line runs are sorted left to right.
/// Returns the lines and how many strings had to be squeezed because their computed
/// width ran into the next string (a sign of wrong glyph widths).
pub fn group_lines(mut runs: Vec<Run<'_>>) -> (Vec<RunLine<'_>>, usize) {
    // Top to bottom, then left to right; total order even for odd floats.
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let mut lines: Vec<RunLine<'_>> = Vec::new();
    // Index of the line a run may still join: runs arrive sorted by baseline, so only
    // the most recent lines can match.
    for run in runs {
        let joined = lines.iter_mut().rev().take(3).find(|line| {
            let tol = BASELINE_TOLERANCE * line.size.max(run.size);
            (run.y - line.y).abs() <= tol
        });
        match joined {
            Some(line) => {
                // The dominant (largest) text decides the baseline, so a superscript
                // seen first does not pull the line up.
                if run.size > line.size * 1.05 {
                    line.y = run.y;
                    line.size = run.size;
                }
                line.runs.push(run);
            }
            None => lines.push(RunLine {
                y: run.y,
                size: run.size,
                runs: vec![run],
            }),
        }
    }
    let mut squeezed = 0;
    for line in &mut lines {
        line.runs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        drop_overprint(&mut line.runs);
        squeezed += squeeze_drift(&mut line.runs);
    }
    lines.sort_by(|a, b| b.y.total_cmp(&a.y));
    (lines, squeezed)
}

/// Fake bold draws the same string twice a fraction of a point apart; keep one.
fn drop_overprint(runs: &mut Vec<Run<'_>>) {
    let mut kept: Vec<Run<'_>> = Vec::with_capacity(runs.len());
    for run in runs.drain(..) {
        let duplicate = kept.iter().any(|k| {
            (k.x0 - run.x0).abs() < 0.2 * k.size
                && (k.y - run.y).abs() < 0.2 * k.size
                && k.text() == run.text()
        });
        if !duplicate {
            kept.push(run);
        }
    }
    *runs = kept;
}

/// When a string's computed end runs past the start of the next string on the line,
/// its glyph widths are wrong (the next string's start is exact). Its positions are then
/// scaled to a typical width (half a font size per glyph), never past the next string,
/// so the gap to the next string is estimated rather than taken as zero.
fn squeeze_drift(runs: &mut [Run<'_>]) -> usize {
    const TYPICAL_ADVANCE: f64 = 0.5;
    let mut squeezed = 0;
    for i in 0..runs.len().saturating_sub(1) {
        let next_x0 = runs[i + 1].x0;
        let run = &mut runs[i];
        let width = run.x1 - run.x0;
        let room = next_x0 - run.x0;
        if run.glyphs.len() > 1
            && width > 0.0
            && room > 0.2 * run.size
            && run.x1 > next_x0 + 0.2 * run.size
        {
            let estimate = run.glyphs.len() as f64 * TYPICAL_ADVANCE * run.size;
            run.scale = (estimate.min(room) / width).clamp(0.01, 1.0);
            run.x1 = run.x0 + width * run.scale;
            squeezed += 1;
        }
    }
    squeezed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(text: &str, x: f64, y: f64, size: f64, string: u32) -> Glyph {
        Glyph {
            text: text.to_string(),
            x,
            y,
            advance: size * 0.5,
            font_size: size,
            string,
            ocr: None,
        }
    }

    #[test]
    fn superscript_stays_on_its_line() {
        let g = vec![
            glyph("m", 10.0, 700.0, 10.0, 1),
            glyph("2", 15.0, 703.3, 6.0, 2),
            glyph("x", 10.0, 688.0, 10.0, 3),
        ];
        let (lines, _) = group_lines(runs(&g));
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].runs.len(), 2);
        assert_eq!(lines[0].y, 700.0);
    }

    #[test]
    fn jittered_baselines_join_and_sort_left_to_right() {
        let g = vec![
            glyph("b", 50.0, 500.4, 10.0, 1),
            glyph("a", 10.0, 499.8, 10.0, 2),
        ];
        let (lines, _) = group_lines(runs(&g));
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].runs[0].text(), "a");
    }

    #[test]
    fn fake_bold_is_drawn_once() {
        let g = vec![
            glyph("S", 10.0, 500.0, 10.0, 1),
            glyph("S", 10.3, 500.0, 10.0, 2),
        ];
        let (lines, _) = group_lines(runs(&g));
        assert_eq!(lines[0].runs.len(), 1);
    }
}
