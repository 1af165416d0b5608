//! The section sign read by its shape. Tesseract's Swedish model has "§" among its
//! characters but does not give it: a scanned "§ 12" comes out "8 12", "& 12", "$ 12",
//! "£ 12", "s 12", "$& 12", "812" or "312", or "12" in a box that holds the sign too
//! (measured on scans of protocols in Carlito and Times: "§" was never even among its
//! alternatives, also with only "§" and digits allowed). Without the sign no paragraph
//! of a scanned protocol is found.
//!
//! The ink tells the sign from what Tesseract read: "§" is one closed stroke with one
//! small eye in its middle (where the two S-curves cross), a narrow glyph at least as
//! tall as the digits beside it. "8" has two eyes (upper and lower), "&" its eye high or
//! low, "$" two or none, "£", "3", "S", "s" and "5" none; "0", "o", "D" one large eye.
//! Only a word Tesseract read as one or two of those look-alikes followed on its line by
//! a number, or a number with a piece of ink before its digits, is looked at; it becomes
//! "§" ("§§") only when every glyph's ink has that shape. The reading is an inference, not Tesseract's: it is kept (see
//! [`ShapeReading`]) so findings that rest on it say so.

use justera_page_image::Gray;
use serde::{Deserialize, Serialize};

/// What Tesseract reads a section sign as (measured), and the sign itself.
const LOOKALIKES: &[char] = &['8', '3', '&', '$', '£', 'S', 's', '§'];

/// One sign read from its shape.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShapeReading {
    pub page: u32,
    /// Where the sign stands, in the page's PDF space: whole points, y up, its baseline.
    pub x: i64,
    pub y: i64,
    /// What it was read as ("§", "§§").
    pub text: String,
    /// What Tesseract read, and its confidence (percent) in that.
    pub tesseract: String,
    pub tesseract_conf: u8,
}

/// A connected piece of ink in a crop: its pixels' box (crop coordinates, inclusive)
/// and the eyes (closed blank regions) inside it: (area, centre x, centre y).
struct Blob {
    x0: usize,
    y0: usize,
    x1: usize,
    y1: usize,
    area: usize,
    eyes: Vec<(usize, f64, f64)>,
}

/// The pieces of ink (8-connected) in `img` over the box `[x0, x1) × [y0, y1)`, each
/// with its eyes, left to right; pieces of at most `min_area` pixels are left out.
fn blobs(img: &Gray, x0: usize, y0: usize, x1: usize, y1: usize, min_area: usize) -> Vec<Blob> {
    let (x1, y1) = (x1.min(img.width), y1.min(img.height));
    if x1 <= x0 || y1 <= y0 {
        return Vec::new();
    }
    let (w, h) = (x1 - x0, y1 - y0);
    let ink = |x: usize, y: usize| img.px[(y0 + y) * img.width + x0 + x] < 128;
    // Component label per pixel (0: none).
    let mut label = vec![0u32; w * h];
    let mut out = Vec::new();
    let mut next = 0u32;
    let mut stack = Vec::new();
    for sy in 0..h {
        for sx in 0..w {
            if !ink(sx, sy) || label[sy * w + sx] != 0 {
                continue;
            }
            next += 1;
            label[sy * w + sx] = next;
            stack.push((sx, sy));
            let mut b = Blob {
                x0: sx,
                y0: sy,
                x1: sx,
                y1: sy,
                area: 0,
                eyes: Vec::new(),
            };
            while let Some((x, y)) = stack.pop() {
                b.area += 1;
                b.x0 = b.x0.min(x);
                b.x1 = b.x1.max(x);
                b.y0 = b.y0.min(y);
                b.y1 = b.y1.max(y);
                for yy in y.saturating_sub(1)..=(y + 1).min(h - 1) {
                    for xx in x.saturating_sub(1)..=(x + 1).min(w - 1) {
                        if ink(xx, yy) && label[yy * w + xx] == 0 {
                            label[yy * w + xx] = next;
                            stack.push((xx, yy));
                        }
                    }
                }
            }
            if b.area > min_area {
                b.eyes = eyes(&label, w, next, &b);
                out.push(b);
            }
        }
    }
    out.sort_by_key(|b| b.x0);
    out
}

/// The blank regions (4-connected) inside blob `id`'s box that its ink closes in:
/// (area, centre x, centre y) in crop coordinates. Other ink counts as blank.
fn eyes(label: &[u32], w: usize, id: u32, b: &Blob) -> Vec<(usize, f64, f64)> {
    // The box one pixel larger all round, so the outside is one region.
    let (bw, bh) = (b.x1 - b.x0 + 3, b.y1 - b.y0 + 3);
    let own = |x: usize, y: usize| {
        // (x, y) in the enlarged box; its border is outside the blob.
        if x == 0 || y == 0 || x == bw - 1 || y == bh - 1 {
            return false;
        }
        label[(b.y0 + y - 1) * w + b.x0 + x - 1] == id
    };
    let mut seen = vec![false; bw * bh];
    let mut out = Vec::new();
    let mut stack = Vec::new();
    for sy in 0..bh {
        for sx in 0..bw {
            if own(sx, sy) || seen[sy * bw + sx] {
                continue;
            }
            seen[sy * bw + sx] = true;
            stack.push((sx, sy));
            let (mut area, mut sum_x, mut sum_y, mut outside) = (0usize, 0usize, 0usize, false);
            while let Some((x, y)) = stack.pop() {
                area += 1;
                sum_x += x;
                sum_y += y;
                outside |= x == 0 || y == 0 || x == bw - 1 || y == bh - 1;
                let mut visit = |xx: usize, yy: usize| {
                    if !own(xx, yy) && !seen[yy * bw + xx] {
                        seen[yy * bw + xx] = true;
                        stack.push((xx, yy));
                    }
                };
                if x > 0 {
                    visit(x - 1, y);
                }
                if x + 1 < bw {
                    visit(x + 1, y);
                }
                if y > 0 {
                    visit(x, y - 1);
                }
                if y + 1 < bh {
                    visit(x, y + 1);
                }
            }
            if !outside {
                // Back to the blob's own box (the enlarged one starts a pixel before).
                out.push((
                    area,
                    sum_x as f64 / area as f64 - 1.0,
                    sum_y as f64 / area as f64 - 1.0,
                ));
            }
        }
    }
    out
}

/// Whether a blob is a section sign by its shape: one eye that counts (blank specks
/// inside a stroke do not), in the middle of the glyph, small against it (a "0" or "D"
/// is mostly eye), and a glyph taller than wide by half at least.
fn section_shaped(b: &Blob) -> bool {
    let (bw, bh) = ((b.x1 - b.x0 + 1) as f64, (b.y1 - b.y0 + 1) as f64);
    let box_area = bw * bh;
    let min_eye = (box_area * 0.01).max(6.0);
    let eyes: Vec<&(usize, f64, f64)> = b.eyes.iter().filter(|e| e.0 as f64 >= min_eye).collect();
    let [&(area, cx, cy)] = eyes.as_slice() else {
        return false;
    };
    // Measured: the eye's centre at 0.45–0.52 of the height (Carlito, Times, DejaVu),
    // 0.06–0.14 of the box; "8" has two, "&" its one at 0.7, "g" at 0.35, "6" at 0.66.
    let (fy, fx) = (cy / (bh - 1.0).max(1.0), cx / (bw - 1.0).max(1.0));
    bh >= 1.5 * bw
        && (0.38..=0.60).contains(&fy)
        && (0.25..=0.75).contains(&fx)
        && (area as f64) <= 0.18 * box_area
}

/// A word's box in pixels (left, top, right, bottom; exclusive right and bottom).
pub struct WordBox {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

/// What Tesseract read for a sign, quoted, or "nothing" (the sign left out of a word).
pub fn described(read: &str) -> String {
    if read.is_empty() {
        "nothing".to_string()
    } else {
        format!("\"{read}\"")
    }
}

/// Whether `c` is a character Tesseract reads a section sign as.
pub fn lookalike(c: char) -> bool {
    LOOKALIKES.contains(&c)
}

/// The crop around a word box, a little wider, and the least ink a glyph has in it
/// (specks below a fiftieth of the box are not glyphs: the page was despeckled, and a
/// full stop beside the sign is no part of it).
fn word_blobs(img: &Gray, wbox: &WordBox) -> Vec<Blob> {
    const PAD: f64 = 2.0;
    let x0 = (wbox.left - PAD).max(0.0) as usize;
    let y0 = (wbox.top - PAD).max(0.0) as usize;
    let x1 = (wbox.right + PAD).max(0.0) as usize;
    let y1 = (wbox.bottom + PAD).max(0.0) as usize;
    let min_area = ((x1.saturating_sub(x0) * y1.saturating_sub(y0)) / 50).max(4);
    let mut out = blobs(img, x0, y0, x1, y1, min_area);
    // Nor is a piece under a quarter of the largest: a sign's tip the word's box cut
    // off, a fragment of a rule.
    let largest = out.iter().map(|b| b.area).max().unwrap_or(0);
    out.retain(|b| b.area * 4 >= largest);
    for b in &mut out {
        // Back to page pixels.
        (b.x0, b.x1, b.y0, b.y1) = (b.x0 + x0, b.x1 + x0, b.y0 + y0, b.y1 + y0);
    }
    out
}

/// The text a look-alike word stands for ("§", "§§") when its ink has the section
/// sign's shape: `word` as Tesseract read it, `number` the box of the word after it on
/// its line (the caller has seen that a number follows: "8 12", or "8 ITVT 12"), whose
/// height the sign reaches. None: it stays as read.
pub fn section_sign(img: &Gray, word: &str, wbox: &WordBox, number: &WordBox) -> Option<String> {
    let n = word.chars().count();
    if !(1..=2).contains(&n) || !word.chars().all(lookalike) || word.contains('§') {
        return None;
    }
    let height = wbox.bottom - wbox.top;
    // As tall as the number's digits (a word box around brackets or a slash is taller),
    // level with them, and close before it: a sign and its number, not a word of
    // another line or column.
    let middle = (wbox.top + wbox.bottom) / 2.0;
    if height < 0.75 * (number.bottom - number.top)
        || middle < number.top
        || middle > number.bottom
        || number.left - wbox.right > 2.0 * height
        || number.left < wbox.right - 1.0
    {
        return None;
    }
    let glyphs = word_blobs(img, wbox);
    // One or two pieces of ink ("§" may be read as two characters, "$&"), each of them
    // a full-height sign.
    if glyphs.is_empty() || glyphs.len() > 2 {
        return None;
    }
    let full = |b: &Blob| (b.y1 - b.y0 + 1) as f64 >= 0.85 * height;
    glyphs
        .iter()
        .all(|b| full(b) && section_shaped(b))
        .then(|| "§".repeat(glyphs.len()))
}

/// A word Tesseract read as a sign and a number in one ("84", "£&65" for "§ 4", "§ 65";
/// or "64", the sign dropped but inside the word's box): where the sign's ink ends and
/// the number's begins (page pixels) and the number as read, when the word's first
/// piece of ink has the sign's shape, reaches the number's height and stands apart
/// before it. Without a look-alike in the text the sign must be a piece of ink more
/// than the digits read.
pub fn leading_sign(img: &Gray, word: &str, wbox: &WordBox) -> Option<(f64, f64, String)> {
    if word.contains('§') {
        return None;
    }
    // Where the number begins: after up to two look-alikes ("8" is one and a digit), the
    // split that leaves one piece of ink per digit after the sign, else after one.
    let splits: Vec<usize> = word
        .char_indices()
        .take_while(|&(_, c)| lookalike(c))
        .take(2)
        .map(|(i, c)| i + c.len_utf8())
        .chain([0])
        .filter(|&at| {
            let number = &word[at..];
            (1..=4).contains(&number.len()) && number.chars().all(|c| c.is_ascii_digit())
        })
        .collect();
    if splits.is_empty() {
        return None;
    }
    let glyphs = word_blobs(img, wbox);
    let at = splits
        .iter()
        .copied()
        .find(|&at| glyphs.len() == word[at..].len() + 1)
        .or_else(|| splits.iter().copied().find(|&at| at > 0))?;
    let number = &word[at..];
    if at == 0 && glyphs.len() <= number.len() {
        return None;
    }
    let (sign, digits) = glyphs.split_first()?;
    if digits.is_empty() || digits.iter().any(|d| d.x0 <= sign.x1) {
        return None;
    }
    let digit_top = digits.iter().map(|d| d.y0).min()?;
    let digit_bottom = digits.iter().map(|d| d.y1).max()?;
    let (sign_h, digit_h) = (
        (sign.y1 - sign.y0 + 1) as f64,
        (digit_bottom - digit_top + 1) as f64,
    );
    let middle = (sign.y0 + sign.y1) as f64 / 2.0;
    (section_shaped(sign)
        && sign_h >= 0.95 * digit_h
        && middle >= digit_top as f64
        && middle <= digit_bottom as f64)
        .then(|| {
            (
                (sign.x1 + 1) as f64,
                digits[0].x0 as f64,
                number.to_string(),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A white image with ink where `rows` has '#', at (x, y).
    fn draw(img: &mut Gray, x: usize, y: usize, rows: &[&str]) {
        for (dy, row) in rows.iter().enumerate() {
            for (dx, c) in row.chars().enumerate() {
                if c == '#' {
                    img.px[(y + dy) * img.width + x + dx] = 0;
                }
            }
        }
    }

    fn blank() -> Gray {
        Gray {
            width: 80,
            height: 40,
            px: vec![255; 80 * 40],
        }
    }

    /// A section sign, 8 wide and 16 tall: two S-curves crossing in one small eye.
    const SIGN: &[&str] = &[
        "..####..", ".##..##.", ".##.....", "..##....", ".####...", "##..##..", "##...##.",
        ".##..##.", "..##.##.", "...####.", "....##..", ".....##.", ".##..##.", ".##..##.",
        "..####..", "........",
    ];
    /// An eight as tall: two eyes.
    const EIGHT: &[&str] = &[
        "..####..", ".##..##.", ".##..##.", ".##..##.", ".##..##.", "..####..", ".##..##.",
        "##....##", "##....##", "##....##", "##....##", "##....##", ".##..##.", "..####..",
        "........", "........",
    ];
    /// A digit "1", 11 rows tall.
    const ONE: &[&str] = &[
        "...##.", "..###.", ".####.", "...##.", "...##.", "...##.", "...##.", "...##.", "...##.",
        "...##.", ".######",
    ];

    fn boxes(img_x: f64, top: f64, w: f64, h: f64) -> WordBox {
        WordBox {
            left: img_x,
            top,
            right: img_x + w,
            bottom: top + h,
        }
    }

    #[test]
    fn a_sign_is_told_from_an_eight_by_its_eye() {
        let mut img = blank();
        draw(&mut img, 10, 10, SIGN);
        draw(&mut img, 24, 12, ONE);
        let num = boxes(24.0, 12.0, 7.0, 11.0);
        let sign = boxes(10.0, 10.0, 8.0, 15.0);
        assert_eq!(section_sign(&img, "8", &sign, &num).as_deref(), Some("§"));
        // Far from the number: not its sign.
        let far = boxes(60.0, 12.0, 7.0, 11.0);
        assert_eq!(section_sign(&img, "8", &sign, &far), None);
        // One sign read as two characters.
        assert_eq!(section_sign(&img, "$&", &sign, &num).as_deref(), Some("§"));
        // A word that is not a look-alike stays.
        assert_eq!(section_sign(&img, "B", &sign, &num), None);

        let mut img = blank();
        draw(&mut img, 10, 10, EIGHT);
        draw(&mut img, 24, 12, ONE);
        let eight = boxes(10.0, 10.0, 8.0, 14.0);
        assert_eq!(section_sign(&img, "8", &eight, &num), None);
    }

    #[test]
    fn two_signs_read_as_two_lookalikes() {
        let mut img = blank();
        draw(&mut img, 10, 10, SIGN);
        draw(&mut img, 20, 10, SIGN);
        draw(&mut img, 34, 12, ONE);
        let num = boxes(34.0, 12.0, 7.0, 11.0);
        let signs = boxes(10.0, 10.0, 18.0, 15.0);
        assert_eq!(
            section_sign(&img, "88", &signs, &num).as_deref(),
            Some("§§")
        );
        // One sign and an eight: not two signs.
        let mut img = blank();
        draw(&mut img, 10, 10, SIGN);
        draw(&mut img, 20, 10, EIGHT);
        draw(&mut img, 34, 12, ONE);
        assert_eq!(section_sign(&img, "88", &signs, &num), None);
    }

    #[test]
    fn a_sign_joined_to_its_number_is_split_from_it() {
        let mut img = blank();
        draw(&mut img, 10, 10, SIGN);
        draw(&mut img, 22, 12, ONE);
        let word = boxes(10.0, 10.0, 19.0, 15.0);
        // The sign's ink ends after column 16, the "1" begins at column 23.
        assert_eq!(
            leading_sign(&img, "81", &word),
            Some((17.0, 23.0, "1".to_string()))
        );
        assert_eq!(
            leading_sign(&img, "£&1", &word),
            Some((17.0, 23.0, "1".to_string()))
        );
        // The sign left out of the text but inside the word's box: a piece of ink more
        // than the digits read.
        assert_eq!(
            leading_sign(&img, "1", &word),
            Some((17.0, 23.0, "1".to_string()))
        );
        // An "81" is an eight and a one.
        let mut img = blank();
        draw(&mut img, 10, 10, EIGHT);
        draw(&mut img, 22, 12, ONE);
        assert_eq!(leading_sign(&img, "81", &word), None);
        assert_eq!(leading_sign(&img, "1", &word), None);
        // Only a look-alike and digits.
        assert_eq!(leading_sign(&img, "8a", &word), None);
    }
}
