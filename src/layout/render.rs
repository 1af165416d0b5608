//! Pages as plain text: spans joined by tabs (what later stages parse), or aligned by x
//! into character columns like `pdftotext -layout`.

use super::Page;

/// The page's lines as written: `Line.text`, one per line.
pub fn plain(page: &Page, furniture: bool) -> String {
    let mut out = String::new();
    for line in page.lines.iter().filter(|l| furniture || !l.furniture) {
        out.push_str(&line.text);
        out.push('\n');
    }
    out
}

/// Average character width on the page, from the spans' own extents; columns of the
/// output are this wide.
fn char_width(page: &Page) -> f64 {
    let mut widths: Vec<f64> = page
        .lines
        .iter()
        .flat_map(|l| &l.spans)
        .filter_map(|s| {
            let n = s.text.chars().count();
            (n >= 3 && s.x1 > s.x0).then(|| (s.x1 - s.x0) / n as f64)
        })
        .collect();
    if widths.is_empty() {
        return 5.0;
    }
    widths.sort_by(f64::total_cmp);
    // A little under the median, so long lines keep their words apart.
    (widths[widths.len() / 2] * 0.9).max(0.5)
}

/// Spans placed at the character column their x gives; at least two spaces between
/// spans so columns stay separate. A wide vertical gap becomes an empty line.
pub fn layout(page: &Page, furniture: bool, geometric: bool) -> String {
    if !geometric {
        return plain(page, furniture);
    }
    let cw = char_width(page);
    // The left margin is not reproduced: column 0 is the leftmost text on the page.
    let left = page
        .lines
        .iter()
        .filter_map(|l| l.spans.first())
        .map(|s| s.x0)
        .fold(f64::INFINITY, f64::min);
    let mut out = String::new();
    let mut last_y: Option<(f64, f64)> = None;
    for line in page.lines.iter().filter(|l| furniture || !l.furniture) {
        let size = line
            .spans
            .iter()
            .map(|s| s.font_size)
            .fold(0.0_f64, f64::max)
            .max(1.0);
        if let Some((y, prev_size)) = last_y {
            if line.y - y > 2.2 * size.max(prev_size) {
                out.push('\n');
            }
        }
        last_y = Some((line.y, size));
        let mut text = String::new();
        let mut len = 0usize;
        for (i, span) in line.spans.iter().enumerate() {
            let col = ((span.x0 - left) / cw).round().max(0.0) as usize;
            let min = if i == 0 { 0 } else { len + 2 };
            let pad = col.max(min) - len;
            text.extend(std::iter::repeat_n(' ', pad));
            text.push_str(&span.text);
            len += pad + span.text.chars().count();
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
    out
}
