//! The page image before Tesseract reads it: made black and white (Otsu's threshold, so
//! shading and light speckle turn white), its ruling lines taken out (Tesseract reads a
//! rule through a cell as `|`, `—` or `ee`, and joins the cells on both sides), lone
//! specks removed. The vertical rules are kept: a word never runs across one, so they
//! split cells that sit too close for a gap to tell.

/// An 8-bit grey image, row by row, 0 black.
#[derive(Clone, Debug, PartialEq)]
pub struct Gray {
    pub width: usize,
    pub height: usize,
    pub px: Vec<u8>,
}

/// A vertical run of ink at least [`rule_length`] long: part of a table rule.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VRule {
    pub x: usize,
    pub y0: usize,
    pub y1: usize,
}

/// Runs of ink at least this long (pixels) are rules, not text: 0.4 in, longer than
/// any glyph of text up to about 40 pt, shorter than a table's row or column.
pub fn rule_length(dpi: u32) -> usize {
    (dpi as usize * 2 / 5).max(20)
}

/// Ink specks of at most this many pixels are noise: a full stop of 6 pt text is about
/// 4 × 4 pixels at 300 dpi.
fn speck_area(dpi: u32) -> usize {
    let s = dpi as usize * dpi as usize;
    (4 * s / (300 * 300)).max(1)
}

/// Reads a binary PGM (`P5`, 8 bit), as pdftoppm writes it.
pub fn read_pgm(bytes: &[u8]) -> Option<Gray> {
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if bytes.get(i) == Some(&b'#') {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if start == i {
            return None;
        }
        fields.push(std::str::from_utf8(&bytes[start..i]).ok()?);
    }
    if fields[0] != "P5" {
        return None;
    }
    let width: usize = fields[1].parse().ok()?;
    let height: usize = fields[2].parse().ok()?;
    let max: usize = fields[3].parse().ok()?;
    if max == 0 || max > 255 || width == 0 || height == 0 {
        return None;
    }
    // One whitespace byte ends the header.
    let data = bytes.get(i + 1..)?;
    let n = width.checked_mul(height)?;
    if data.len() < n {
        return None;
    }
    Some(Gray {
        width,
        height,
        px: data[..n].to_vec(),
    })
}

pub fn write_pgm(img: &Gray) -> Vec<u8> {
    let mut out = format!("P5\n{} {}\n255\n", img.width, img.height).into_bytes();
    out.extend_from_slice(&img.px);
    out
}

/// Otsu's threshold: the grey level that best separates ink from paper.
fn otsu(px: &[u8]) -> u8 {
    let mut hist = [0u64; 256];
    for &p in px {
        hist[p as usize] += 1;
    }
    let total = px.len() as f64;
    let sum_all: f64 = hist
        .iter()
        .enumerate()
        .map(|(i, &h)| i as f64 * h as f64)
        .sum();
    let (mut w0, mut sum0) = (0.0f64, 0.0f64);
    let (mut best, mut best_var) = (128u8, -1.0f64);
    for (t, &h) in hist.iter().enumerate() {
        w0 += h as f64;
        sum0 += t as f64 * h as f64;
        let w1 = total - w0;
        if w0 == 0.0 || w1 == 0.0 {
            continue;
        }
        let m0 = sum0 / w0;
        let m1 = (sum_all - sum0) / w1;
        let var = w0 * w1 * (m0 - m1) * (m0 - m1);
        if var > best_var {
            best_var = var;
            best = t as u8;
        }
    }
    best
}

/// Ink of a rule is at most this many pixels thick across the rule (0.02 in at 300 dpi);
/// a shaded band is thicker, and stays.
fn rule_thickness(dpi: u32) -> usize {
    (dpi as usize / 50).max(2)
}

/// For each pixel of `mask` (row by row, `w` × `h`), whether the run of mask pixels
/// through it along the columns (`vertical`) or the rows is at most `max` long.
fn thin(mask: &[bool], w: usize, h: usize, vertical: bool, max: usize) -> Vec<bool> {
    let mut out = vec![false; w * h];
    // Walk each line of pixels by index: `step` apart inside a line.
    let (outer, inner, step, start_step) = if vertical { (w, h, w, 1) } else { (h, w, 1, w) };
    for o in 0..outer {
        let base = o * start_step;
        let mut i = 0;
        while i < inner {
            if !mask[base + i * step] {
                i += 1;
                continue;
            }
            let start = i;
            while i < inner && mask[base + i * step] {
                i += 1;
            }
            if i - start <= max {
                let mut k = base + start * step;
                for _ in start..i {
                    out[k] = true;
                    k += step;
                }
            }
        }
    }
    out
}

/// Runs at least `min` long along the rows (`vertical` false) or columns of `thin`,
/// each position widened by one pixel on both sides across the run (a skewed rule
/// steps by a pixel), passing through `crossing` (rules the other way). Marks the
/// `faint` pixels of each run in `rule`; returns the runs as (across, from, to).
#[allow(clippy::too_many_arguments)]
fn rule_runs(
    thin: &[bool],
    crossing: &[bool],
    faint: &[bool],
    w: usize,
    h: usize,
    vertical: bool,
    min: usize,
    rule: &mut [bool],
) -> Vec<(usize, usize, usize)> {
    let n = w * h;
    // The neighbouring line across the run is `across` pixels away.
    let across = if vertical { 1 } else { w };
    let mut on = vec![false; n];
    for (k, o) in on.iter_mut().enumerate() {
        *o = thin[k]
            || crossing[k]
            || (k >= across && thin[k - across])
            || (k + across < n && thin[k + across]);
    }
    // A vertical rule's widening must not wrap from one row's end to the next row.
    if vertical {
        for y in 0..h {
            let (first, last) = (y * w, y * w + w - 1);
            on[first] = thin[first] || crossing[first] || (w > 1 && thin[first + 1]);
            on[last] = thin[last] || crossing[last] || (w > 1 && thin[last - 1]);
        }
    }
    let (outer, inner, step, start_step) = if vertical { (w, h, w, 1) } else { (h, w, 1, w) };
    let mut runs = Vec::new();
    for o in 0..outer {
        let base = o * start_step;
        let mut i = 0;
        while i < inner {
            if !on[base + i * step] {
                i += 1;
                continue;
            }
            let start = i;
            while i < inner && on[base + i * step] {
                i += 1;
            }
            if i - start < min {
                continue;
            }
            for oo in o.saturating_sub(1)..=(o + 1).min(outer - 1) {
                let line = oo * start_step;
                for k in start..i {
                    let idx = line + k * step;
                    if faint[idx] {
                        rule[idx] = true;
                    }
                }
            }
            runs.push((o, start, i - 1));
        }
    }
    runs
}

/// Rules one way (`vertical` or not) on the faint mask, where rules the other way
/// (`other`) are taken out and may be crossed. Returns the rule mask and the runs.
fn rules_one_way(
    faint: &[bool],
    other: &[bool],
    w: usize,
    h: usize,
    vertical: bool,
    dpi: u32,
) -> (Vec<bool>, Vec<(usize, usize, usize)>) {
    let rest: Vec<bool> = faint.iter().zip(other).map(|(&f, &o)| f && !o).collect();
    // Thin across the rule: for a vertical rule, its run along the row is short.
    let thin_mask = thin(&rest, w, h, !vertical, rule_thickness(dpi));
    let mut rule = vec![false; w * h];
    let runs = rule_runs(
        &thin_mask,
        other,
        &rest,
        w,
        h,
        vertical,
        rule_length(dpi),
        &mut rule,
    );
    (rule, runs)
}

/// Makes `img` black and white without rules and specks; returns its vertical rules.
pub fn clean(img: &mut Gray, dpi: u32) -> Vec<VRule> {
    let (w, h) = (img.width, img.height);
    let t = otsu(&img.px);
    // The paper's grey: the commonest level lighter than the threshold.
    let mut hist = [0usize; 256];
    for &p in &img.px {
        hist[p as usize] += 1;
    }
    let paper = (t as usize + 1..256)
        .max_by_key(|&v| hist[v])
        .unwrap_or(255);
    // Rules are often drawn light or thin: anti-aliased, most of their pixels lie between
    // ink and paper. They are found on that fainter mask.
    let faint_limit = t as usize + (paper.saturating_sub(t as usize)) * 3 / 4;
    let mut ink: Vec<bool> = img.px.iter().map(|&p| p <= t).collect();
    let faint: Vec<bool> = img
        .px
        .iter()
        .map(|&p| (p as usize) <= faint_limit)
        .collect();
    let none = vec![false; w * h];
    // Horizontal rules, then vertical ones across them, then horizontal ones again
    // across those (a column narrower than a rule is long leaves its rule pieces short).
    let (horizontal, _) = rules_one_way(&faint, &none, w, h, false, dpi);
    let (vertical, vruns) = rules_one_way(&faint, &horizontal, w, h, true, dpi);
    let (horizontal, _) = rules_one_way(&faint, &vertical, w, h, false, dpi);
    let rule: Vec<bool> = horizontal
        .iter()
        .zip(&vertical)
        .map(|(&a, &b)| a || b)
        .collect();
    drop((horizontal, vertical, none));
    let vrules = vruns
        .into_iter()
        .map(|(x, y0, y1)| VRule { x, y0, y1 })
        .collect();
    // Ink touching a rule goes with it.
    for y in 0..h {
        for x in 0..w {
            if !rule[y * w + x] {
                continue;
            }
            for yy in y.saturating_sub(1)..=(y + 1).min(h - 1) {
                for xx in x.saturating_sub(1)..=(x + 1).min(w - 1) {
                    ink[yy * w + xx] = false;
                }
            }
        }
    }
    despeckle(&mut ink, w, h, speck_area(dpi));
    for (p, &i) in img.px.iter_mut().zip(&ink) {
        *p = if i { 0 } else { 255 };
    }
    vrules
}

/// Removes connected specks of ink (8-neighbourhood) of at most `max` pixels.
fn despeckle(ink: &mut [bool], w: usize, h: usize, max: usize) {
    let mut seen = vec![false; w * h];
    let mut stack = Vec::new();
    let mut comp = Vec::new();
    for start in 0..w * h {
        if !ink[start] || seen[start] {
            continue;
        }
        seen[start] = true;
        stack.push(start);
        comp.clear();
        while let Some(i) = stack.pop() {
            if comp.len() <= max {
                comp.push(i);
            }
            let (x, y) = (i % w, i / w);
            for dy in [-1i64, 0, 1] {
                for dx in [-1i64, 0, 1] {
                    let (xx, yy) = (x as i64 + dx, y as i64 + dy);
                    if xx < 0 || yy < 0 || xx as usize >= w || yy as usize >= h {
                        continue;
                    }
                    let k = yy as usize * w + xx as usize;
                    if ink[k] && !seen[k] {
                        seen[k] = true;
                        stack.push(k);
                    }
                }
            }
        }
        if comp.len() <= max {
            for &i in &comp {
                ink[i] = false;
            }
        }
    }
}

/// The widest run of columns without ink between x `a` and `b` (exclusive) over rows
/// `top..=bottom`: (first blank column, width).
pub fn widest_blank(img: &Gray, a: usize, b: usize, top: usize, bottom: usize) -> (usize, usize) {
    let (b, bottom) = (b.min(img.width), bottom.min(img.height.saturating_sub(1)));
    let mut best = (a, 0);
    let mut run_start = None;
    for x in a..b {
        let blank = (top..=bottom).all(|y| img.px[y * img.width + x] > 127);
        match (blank, run_start) {
            (true, None) => run_start = Some(x),
            (false, Some(s)) => {
                if x - s > best.1 {
                    best = (s, x - s);
                }
                run_start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = run_start {
        if b - s > best.1 {
            best = (s, b - s);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blank(w: usize, h: usize) -> Gray {
        Gray {
            width: w,
            height: h,
            px: vec![250; w * h],
        }
    }

    #[test]
    fn pgm_round_trip() {
        let mut g = blank(3, 2);
        g.px[4] = 7;
        assert_eq!(read_pgm(&write_pgm(&g)), Some(g));
        assert_eq!(
            read_pgm(b"P5\n# c\n2 1\n255\n\x01\x02"),
            Some(Gray {
                width: 2,
                height: 1,
                px: vec![1, 2]
            })
        );
        assert_eq!(read_pgm(b"P6\n2 1\n255\n\x01\x02"), None);
        assert_eq!(read_pgm(b"P5\n2 1\n255\n\x01"), None);
    }

    #[test]
    fn rules_shading_and_specks_go_text_stays() {
        let (w, h) = (400, 300);
        let mut g = blank(w, h);
        // Light shading over a band: paper, not ink.
        for y in 0..40 {
            for x in 0..w {
                g.px[y * w + x] = 215;
            }
        }
        // A horizontal rule (2 px) and a vertical one (3 px).
        for x in 10..390 {
            g.px[100 * w + x] = 20;
            g.px[101 * w + x] = 20;
        }
        for y in 50..290 {
            for x in 200..203 {
                g.px[y * w + x] = 30;
            }
        }
        // A glyph-sized block of ink and a lone speck.
        for y in 150..180 {
            for x in 50..70 {
                g.px[y * w + x] = 0;
            }
        }
        g.px[250 * w + 300] = 0;
        let rules = clean(&mut g, 300);
        // The vertical rule, through the horizontal one it crosses, widened a pixel.
        assert!(!rules.is_empty(), "{rules:?}");
        assert!(
            rules
                .iter()
                .all(|r| (199..=203).contains(&r.x) && r.y0 == 50 && r.y1 == 289),
            "{rules:?}"
        );
        let ink = |x: usize, y: usize| g.px[y * w + x] == 0;
        assert!(ink(60, 160));
        assert!(!ink(100, 100) && !ink(201, 200) && !ink(300, 250) && !ink(5, 5));
        assert_eq!(widest_blank(&g, 40, 100, 150, 179), (70, 30));
    }
}
