//! Scanned pages: pages without a text layer (or whose text is undecodable) are rendered
//! with poppler's `pdftoppm` and read by Tesseract; its word boxes become glyphs with
//! geometry, so layout, tables, parsing and every check run on them unchanged. Each
//! glyph carries its word's confidence (`Glyph::ocr`), which spans and findings keep.
//!
//! Both programs are external: when Tesseract (or its language data) is missing, a
//! scanned file is reported with one line saying what to install, never a failed run.
//! Children run under the worker's limits (they inherit its address-space cap) and die
//! with it (`PR_SET_PDEATHSIG`), so the parent's time limit stops them too.

use justera_page_image as image;
mod shape;

pub use shape::{described, ShapeReading};

use super::{FailureReason, Glyph, PageLoss, RawContent, RawPage, ReadReport};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// When pages are read by OCR.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum OcrMode {
    /// Pages without a text layer (or with undecodable text) only.
    #[default]
    Auto,
    /// Every page of a PDF, replacing its text layer.
    Always,
    /// Never: scanned pages stay unread.
    Never,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OcrOptions {
    pub mode: OcrMode,
    /// Tesseract language(s), e.g. `swe` or `swe+eng`.
    pub lang: String,
}

impl Default for OcrOptions {
    fn default() -> Self {
        OcrOptions {
            mode: OcrMode::Auto,
            lang: "swe".to_string(),
        }
    }
}

impl OcrOptions {
    /// What a cached result depends on besides the file: mode, language and the
    /// installed engine's version (a new Tesseract reads differently).
    pub fn cache_key(&self) -> String {
        format!(
            "ocr={:?};lang={};tesseract={}",
            self.mode,
            self.lang,
            engine_version().unwrap_or("none")
        )
    }
}

/// Resolution pages are rendered at for Tesseract.
pub const DPI: u32 = 300;

/// Words Tesseract is less sure of than this (percent) are low-confidence figures: a
/// relation that fails only through one is "not decided", never an error.
pub const LOW_CONFIDENCE: f32 = 90.0;

/// Names another Tesseract binary (tests point it at a missing file to check the
/// message users without Tesseract see).
pub const TESSERACT_ENV: &str = "JUSTERA_TESSERACT";

fn tesseract_exe() -> PathBuf {
    std::env::var_os(TESSERACT_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("tesseract"))
}

/// The installed Tesseract's version ("5.3.0"), or None when it cannot be run.
pub fn engine_version() -> Option<&'static str> {
    static VERSION: OnceLock<Option<String>> = OnceLock::new();
    VERSION
        .get_or_init(|| {
            let out = Command::new(tesseract_exe())
                .arg("--version")
                .stdin(Stdio::null())
                .stderr(Stdio::null())
                .output()
                .ok()?;
            let text = String::from_utf8_lossy(&out.stdout);
            let first = text.lines().next()?.trim();
            let version = first.strip_prefix("tesseract")?.trim();
            (!version.is_empty()).then(|| version.to_string())
        })
        .as_deref()
}

/// The languages the installed Tesseract has data for.
fn languages() -> &'static [String] {
    static LANGS: OnceLock<Vec<String>> = OnceLock::new();
    LANGS.get_or_init(|| {
        let Ok(out) = Command::new(tesseract_exe())
            .arg("--list-langs")
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
        else {
            return Vec::new();
        };
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .skip(1)
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect()
    })
}

/// Why OCR cannot run here, as the one line a user reads; None when it can.
pub fn unavailable(lang: &str) -> Option<String> {
    let packages = |missing: &[&str]| {
        let mut pkgs = vec!["tesseract-ocr".to_string()];
        pkgs.extend(missing.iter().map(|l| format!("tesseract-ocr-{l}")));
        format!("scanned: install {} to read it", pkgs.join(" "))
    };
    let wanted: Vec<&str> = lang.split('+').filter(|l| !l.is_empty()).collect();
    if engine_version().is_none() {
        return Some(packages(&wanted));
    }
    let have = languages();
    let missing: Vec<&str> = wanted
        .iter()
        .copied()
        .filter(|l| !have.iter().any(|h| h == l))
        .collect();
    if !missing.is_empty() {
        return Some(packages(&missing));
    }
    if Command::new("pdftoppm")
        .arg("-v")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_err()
    {
        return Some("scanned: install poppler-utils (pdftoppm) to read it".to_string());
    }
    None
}

/// One character of a word: its text, its box's left and right edge (pixels; Tesseract's
/// LSTM places these only roughly) and its confidence.
#[derive(Clone, Debug, PartialEq)]
struct Char {
    text: String,
    left: f64,
    right: f64,
}

/// One word as Tesseract read it, in pixels of the page image (y down).
#[derive(Clone, Debug, PartialEq)]
struct Word {
    /// Which of Tesseract's text lines (counted over the page) the word is on.
    line: u32,
    left: f64,
    top: f64,
    width: f64,
    height: f64,
    conf: f32,
    text: String,
    chars: Vec<Char>,
    /// Read from its ink's shape (a section sign, see [`shape`]): what Tesseract read.
    by_shape: Option<String>,
}

/// The numbers after `key` in an hOCR title (`bbox 1 2 3 4; x_wconf 96`).
fn title_numbers(title: &str, key: &str) -> Vec<f64> {
    title
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix(key).filter(|r| r.starts_with(' ')))
        .map(|r| {
            r.split_whitespace()
                .map_while(|n| n.parse::<f64>().ok())
                .collect()
        })
        .unwrap_or_default()
}

/// What an hOCR element is, for the parser's stack.
#[derive(Clone, Copy, PartialEq)]
enum Element {
    Line,
    Word,
    Char,
    Other,
}

/// A page image's size and its words (with their characters) from Tesseract's hOCR
/// output (`hocr_char_boxes=1`).
fn parse_hocr(hocr: &str) -> ((f64, f64), Vec<Word>) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(hocr);
    let mut size = (0.0, 0.0);
    let mut words: Vec<Word> = Vec::new();
    let mut stack: Vec<Element> = Vec::new();
    let mut line = 0u32;
    let mut in_word = false;
    let push_text = |words: &mut Vec<Word>, stack: &[Element], in_word: bool, s: &str| {
        let Some(w) = words.last_mut().filter(|_| in_word) else {
            return;
        };
        match stack.last() {
            Some(Element::Char) => {
                if let Some(c) = w.chars.last_mut() {
                    c.text.push_str(s);
                }
                w.text.push_str(s);
            }
            Some(Element::Word) => w.text.push_str(s.trim()),
            _ => {}
        }
    };
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Eof => break,
            Event::Start(e) => {
                let attr = |name: &[u8]| {
                    e.attributes().flatten().find_map(|a| {
                        (a.key.local_name().as_ref() == name).then(|| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .map(|v| v.into_owned())
                                .unwrap_or_default()
                        })
                    })
                };
                let class = attr(b"class").unwrap_or_default();
                let title = attr(b"title").unwrap_or_default();
                let element = match class.as_str() {
                    "ocr_page" => {
                        let b = title_numbers(&title, "bbox");
                        if b.len() == 4 {
                            size = (b[2] - b[0], b[3] - b[1]);
                        }
                        Element::Other
                    }
                    "ocr_line" | "ocr_caption" | "ocr_header" | "ocr_textfloat" => {
                        line += 1;
                        Element::Line
                    }
                    "ocrx_word" => {
                        let b = title_numbers(&title, "bbox");
                        let conf = title_numbers(&title, "x_wconf");
                        in_word = b.len() == 4 && b[2] > b[0] && b[3] > b[1];
                        if in_word {
                            words.push(Word {
                                line,
                                left: b[0],
                                top: b[1],
                                width: b[2] - b[0],
                                height: b[3] - b[1],
                                conf: conf.first().map_or(0.0, |&c| c as f32),
                                text: String::new(),
                                chars: Vec::new(),
                                by_shape: None,
                            });
                        }
                        Element::Word
                    }
                    "ocrx_cinfo" => {
                        let b = title_numbers(&title, "x_bboxes");
                        if let (Some(w), 4) = (words.last_mut().filter(|_| in_word), b.len()) {
                            w.chars.push(Char {
                                text: String::new(),
                                left: b[0],
                                right: b[2].max(b[0]),
                            });
                        }
                        Element::Char
                    }
                    _ => Element::Other,
                };
                stack.push(element);
            }
            Event::End(_) if stack.pop() == Some(Element::Word) => in_word = false,
            Event::Text(t) => {
                if let Ok(s) = t.decode() {
                    push_text(&mut words, &stack, in_word, &s);
                }
            }
            Event::GeneralRef(r) => {
                let resolved: Option<String> = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    _ => r.decode().ok().and_then(|name| {
                        quick_xml::escape::resolve_predefined_entity(&name).map(str::to_string)
                    }),
                };
                if let Some(s) = resolved {
                    push_text(&mut words, &stack, in_word, &s);
                }
            }
            _ => {}
        }
    }
    for w in &mut words {
        w.text = w.text.trim().to_string();
        // Characters without text, or not adding up to the word, are not to be trusted.
        w.chars.retain(|c| !c.text.trim().is_empty());
        let joined: String = w.chars.iter().map(|c| c.text.as_str()).collect();
        if joined != w.text {
            w.chars.clear();
        }
    }
    words.retain(|w| !w.text.is_empty() && w.conf >= 0.0);
    (size, words)
}

/// The page's skew as a slope (pixels down per pixel right), from the bottoms of the
/// words on each of Tesseract's lines: the median over lines wide enough to tell.
fn skew(words: &[Word]) -> f64 {
    let mut slopes = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut j = i;
        while j < words.len() && words[j].line == words[i].line {
            j += 1;
        }
        let line = &words[i..j];
        if line.len() >= 3 {
            let n = line.len() as f64;
            let xs: Vec<f64> = line.iter().map(|w| w.left + w.width / 2.0).collect();
            let ys: Vec<f64> = line.iter().map(|w| w.top + w.height).collect();
            let mx = xs.iter().sum::<f64>() / n;
            let my = ys.iter().sum::<f64>() / n;
            let sxx: f64 = xs.iter().map(|x| (x - mx) * (x - mx)).sum();
            let sxy: f64 = xs.iter().zip(&ys).map(|(x, y)| (x - mx) * (y - my)).sum();
            if sxx > 0.0 && xs[xs.len() - 1] - xs[0] > 300.0 {
                slopes.push(sxy / sxx);
            }
        }
        i = j;
    }
    if slopes.is_empty() {
        return 0.0;
    }
    slopes.sort_by(f64::total_cmp);
    let s = slopes[slopes.len() / 2];
    // More than about 3° is not a skew this correction (first order) should touch.
    if s.abs() > 0.05 {
        0.0
    } else {
        s
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Inside a word, a gap with no ink at least this many font sizes wide next to a digit
/// is a space Tesseract left out: a thousands separator ("1 169" read as "1169") or the
/// space before a unit ("000kr"). Digits of one number stand 0.05–0.12 font sizes apart,
/// a space adds 0.2–0.3.
const SPLIT_GAP: f64 = 0.16;

/// A space between two of Tesseract's words explains at most this many font sizes of
/// their gap; the rest of a wider gap is a column gap (layout splits beyond 0.4 more).
const SPACE_WIDTH: f64 = 0.6;

/// Part of a word between two splits: its characters and where its ink lies (pixels).
struct Piece {
    text: String,
    left: f64,
    right: f64,
    /// A vertical rule stands between this piece and the one before it on the line.
    rule_before: bool,
    /// Tesseract's confidence in the word, or in this piece when a second reading of
    /// it alone agreed (see [`reread`]).
    conf: f32,
}

/// Whether a vertical rule crosses the row `y` between x `a` and `b`.
fn rule_between(rules: &[image::VRule], a: f64, b: f64, y: f64) -> bool {
    rules
        .iter()
        .any(|r| (r.x as f64) > a && (r.x as f64) < b && (r.y0 as f64) <= y && y <= r.y1 as f64)
}

/// A word cut where its own ink shows a space Tesseract did not write (next to a digit,
/// see [`SPLIT_GAP`]) and where a vertical rule runs through it.
fn pieces(w: &Word, em: f64, img: Option<&image::Gray>, rules: &[image::VRule]) -> Vec<Piece> {
    let whole = || Piece {
        text: w.text.clone(),
        left: w.left,
        right: w.left + w.width,
        rule_before: false,
        conf: w.conf,
    };
    let Some(img) = img.filter(|_| w.chars.len() >= 2) else {
        return vec![whole()];
    };
    let mid_y = w.top + w.height / 2.0;
    let (top, bottom) = (w.top.max(0.0) as usize, (w.top + w.height) as usize);
    let digit = |s: &str| s.chars().any(|ch| ch.is_ascii_digit());
    // Where to split: before character i, the blank (pixels) and whether a rule is there.
    let mut cuts: Vec<(usize, f64, f64, bool)> = Vec::new();
    for (i, pair) in w.chars.windows(2).enumerate() {
        let (prev, c) = (&pair[0], &pair[1]);
        let a = ((prev.left + prev.right) / 2.0).max(w.left);
        let b = ((c.left + c.right) / 2.0).min(w.left + w.width);
        let ruled = rule_between(rules, a, b, mid_y);
        // A digit beside a digit or a letter: not beside a hyphen or a slash, whose side
        // bearings leave a gap inside a date or a range ("2021-12-17").
        let word_char = |s: &str| s.chars().all(char::is_alphanumeric);
        let spaced =
            (digit(&prev.text) && word_char(&c.text)) || (digit(&c.text) && word_char(&prev.text));
        if b <= a || !(ruled || spaced) {
            continue;
        }
        let (start, width) =
            image::widest_blank(img, a.ceil() as usize, b.floor() as usize, top, bottom);
        if ruled || width as f64 >= SPLIT_GAP * em {
            let (end, begin) = if width > 0 {
                (start as f64, (start + width) as f64)
            } else {
                (prev.right.min(c.left), c.left.max(prev.right))
            };
            cuts.push((i + 1, end, begin, ruled));
        }
    }
    // Between two digits a space is a thousands separator: three digits follow it up to
    // the next cut or the end of the digits. Others are read wrong (a wide "1"), and
    // dropped, from the right so each cut sees the groups after it.
    let is_digit = |i: usize| w.chars[i].text.chars().all(|ch| ch.is_ascii_digit());
    let mut k = cuts.len();
    while k > 0 {
        k -= 1;
        let (i, _, _, ruled) = cuts[k];
        if ruled || !(is_digit(i - 1) && is_digit(i)) {
            continue;
        }
        let next_cut = cuts.get(k + 1).map_or(w.chars.len(), |c| c.0);
        let group = (i..next_cut).take_while(|&j| is_digit(j)).count();
        if group != 3 {
            cuts.remove(k);
        }
    }
    let mut out = Vec::new();
    let mut current = Piece {
        text: String::new(),
        left: w.left,
        right: w.left,
        rule_before: false,
        conf: w.conf,
    };
    let mut cut = cuts.iter().peekable();
    for (i, c) in w.chars.iter().enumerate() {
        if let Some(&(_, end, begin, ruled)) = cut.next_if(|c| c.0 == i) {
            current.right = end.max(current.left + 1.0);
            out.push(std::mem::replace(
                &mut current,
                Piece {
                    text: String::new(),
                    left: begin,
                    right: begin,
                    rule_before: ruled,
                    conf: w.conf,
                },
            ));
        }
        current.text.push_str(&c.text);
    }
    current.right = (w.left + w.width).max(current.left + 1.0);
    out.push(current);
    out
}

/// The lines' words (consecutive words with one `line`) and the font size of each
/// line in pixels: a word without descenders is 0.7–0.75 font sizes tall.
fn lines(words: &[Word]) -> Vec<(std::ops::Range<usize>, f64)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut j = i;
        while j < words.len() && words[j].line == words[i].line {
            j += 1;
        }
        let em = median(words[i..j].iter().map(|w| w.height).collect()) / 0.75;
        out.push((i..j, em));
        i = j;
    }
    out
}

/// Every word cut into its pieces (see [`pieces`]).
fn split_words(
    words: &[Word],
    cleaned: Option<&image::Gray>,
    rules: &[image::VRule],
) -> Vec<Vec<Piece>> {
    let mut out = Vec::with_capacity(words.len());
    for (range, em) in lines(words) {
        out.extend(words[range].iter().map(|w| pieces(w, em, cleaned, rules)));
    }
    out
}

/// Words Tesseract read as look-alikes of the section sign before a number ("8 12",
/// "8 ITVT 12", "84") whose ink has the sign's shape become "§" (see [`shape`]),
/// marked as read from their shape. A sign read joined to its number is split off.
fn read_signs(words: &mut Vec<Word>, img: &image::Gray) {
    let wbox = |w: &Word| shape::WordBox {
        left: w.left,
        top: w.top,
        right: w.left + w.width,
        bottom: w.top + w.height,
    };
    let number = |w: &Word| w.text.starts_with(|c: char| c.is_ascii_digit());
    // "ITVT" in "Fortsättning § ITVT 7": a body's short name in capitals.
    let prefix = |w: &Word| {
        (2..=10).contains(&w.text.chars().count()) && w.text.chars().all(|c| c.is_uppercase())
    };
    let mut i = 0;
    while i < words.len() {
        let on_line = |k: usize| words.get(k).filter(|n| n.line == words[i].line);
        let reference = match (on_line(i + 1), on_line(i + 2)) {
            (Some(n), _) if number(n) => Some(wbox(n)),
            (Some(p), Some(n)) if prefix(p) && number(n) => Some(wbox(p)),
            _ => None,
        };
        let w = &words[i];
        if let Some(sign) = reference
            .as_ref()
            .and_then(|r| shape::section_sign(img, &w.text, &wbox(w), r))
        {
            let w = &mut words[i];
            if w.chars.len() == sign.chars().count() {
                for c in &mut w.chars {
                    c.text = "§".to_string();
                }
            } else {
                w.chars.clear();
            }
            w.by_shape = Some(std::mem::replace(&mut w.text, sign));
        } else if let Some((sign_end, rest_start, number)) =
            shape::leading_sign(img, &w.text, &wbox(w))
        {
            let mut rest = w.clone();
            let read = w.text[..w.text.len() - number.len()].to_string();
            rest.text = number;
            rest.chars.retain(|c| c.left >= rest_start - 1.0);
            if rest
                .chars
                .iter()
                .map(|c| c.text.as_str())
                .collect::<String>()
                != rest.text
            {
                rest.chars.clear();
            }
            rest.width = (w.left + w.width - rest_start).max(1.0);
            rest.left = rest_start;
            let sign = &mut words[i];
            sign.width = (sign_end - sign.left).max(1.0);
            sign.text = "§".to_string();
            sign.chars.clear();
            sign.by_shape = Some(read);
            words.insert(i + 1, rest);
            i += 1;
        }
        i += 1;
    }
}

/// Tesseract's words as glyphs in PDF user space (points, y up) of a page `size_pt`
/// large, `first_string` numbering the pieces as shown strings. The page's skew is
/// taken out; every word of one Tesseract line sits on that line's median baseline, and
/// a piece's characters share its width evenly. Between pieces of a line stand space
/// glyphs, as a text layer has them: one that covers a word gap (up to
/// [`SPACE_WIDTH`]), three of no width where a vertical rule separates two cells.
fn words_to_glyphs(
    image: (f64, f64),
    words: &[Word],
    pieces: &[Vec<Piece>],
    size_pt: (f64, f64),
    first_string: u32,
    rules: &[image::VRule],
    shapes: &mut Vec<ShapeReading>,
) -> Vec<Glyph> {
    let scale = if image.0 > 0.0 {
        size_pt.0 / image.0
    } else {
        72.0 / f64::from(DPI)
    };
    let s = skew(words);
    let deskew = |x: f64, y: f64| (x + s * y, y - s * x);
    let mut glyphs = Vec::new();
    let mut string = first_string;
    for (range, em) in lines(words) {
        let line = &words[range.clone()];
        let baseline = median(
            line.iter()
                .map(|w| deskew(w.left + w.width / 2.0, w.top + w.height).1)
                .collect(),
        );
        let y = size_pt.1 - baseline * scale;
        let font_size = em * scale;
        // End of the previous piece on this line (deskewed pixels).
        let mut prev_end: Option<f64> = None;
        let mut prev_raw_end = 0.0;
        let mut prev_text = String::new();
        for (w, word_pieces) in line.iter().zip(&pieces[range]) {
            let bottom = w.top + w.height;
            let mid_y = w.top + w.height / 2.0;
            for (k, p) in word_pieces.iter().enumerate() {
                let mut x0 = deskew(p.left, bottom).0;
                let x1 = deskew(p.right, bottom).0.max(x0 + 1.0);
                if let Some(end) = prev_end {
                    let ruled = p.rule_before
                        || (k == 0 && rule_between(rules, prev_raw_end, p.left, mid_y));
                    let gap = (x0 - end).max(0.0);
                    // Tesseract cuts a group of digits in two at the wide side bearings
                    // of a "1" ("5 1 243" for "51 243"): two words whose digits
                    // together make one group of at most three, the second not a group
                    // of three itself, close together, are one word.
                    let trailing = prev_text
                        .chars()
                        .rev()
                        .take_while(char::is_ascii_digit)
                        .count();
                    let leading = p.text.chars().take_while(char::is_ascii_digit).count();
                    let cut_group = k == 0
                        && !ruled
                        && trailing > 0
                        && leading > 0
                        && leading != 3
                        && trailing + leading <= 3
                        && gap < SPACE_WIDTH * em;
                    let spaces: &[f64] = if ruled {
                        &[0.0, 0.0, 0.0]
                    } else if cut_group {
                        x0 = end;
                        &[]
                    } else {
                        &[gap.min(SPACE_WIDTH * em)]
                    };
                    for &width in spaces {
                        glyphs.push(Glyph {
                            text: " ".to_string(),
                            x: end * scale,
                            y,
                            advance: width * scale,
                            font_size,
                            string,
                            ocr: Some(p.conf),
                        });
                    }
                }
                let n = p.text.chars().count().max(1) as f64;
                let advance = (x1 - x0) / n * scale;
                // A sign read from its shape has no confidence of Tesseract's (that was
                // in what it read); the reading is kept apart, with its place.
                let ocr = match &w.by_shape {
                    Some(read) => {
                        shapes.push(ShapeReading {
                            page: 0,
                            x: (x0 * scale).round() as i64,
                            y: y.round() as i64,
                            text: p.text.clone(),
                            tesseract: read.clone(),
                            tesseract_conf: w.conf.round().clamp(0.0, 100.0) as u8,
                        });
                        None
                    }
                    None => Some(p.conf),
                };
                for (c_i, c) in p.text.chars().enumerate() {
                    glyphs.push(Glyph {
                        text: c.to_string(),
                        x: x0 * scale + c_i as f64 * advance,
                        y,
                        advance,
                        font_size,
                        string,
                        ocr,
                    });
                }
                string = string.wrapping_add(1);
                prev_end = Some(x1);
                prev_raw_end = p.right;
                prev_text.clone_from(&p.text);
            }
        }
    }
    glyphs
}

/// Characters a figure is written with: what the second reading may read.
const FIGURE_CHARS: &str = "0123456789,.-+%()";

/// Reads again, in one Tesseract run over a strip of their images, the figures read
/// below [`LOW_CONFIDENCE`]: each piece alone, with only figure characters allowed.
/// Where the second reading gives the same characters, the piece takes the better of
/// the two confidences; where it differs, the piece keeps its own. (Tesseract is
/// unsure of a number whose thousands separator it missed even where it read every
/// digit right.)
fn reread(
    words: &[Word],
    pieces: &mut [Vec<Piece>],
    img: &image::Gray,
    stem: &Path,
    lang: &str,
    deadline: Instant,
) -> Result<(), String> {
    const PAD: usize = 8;
    const GAP: usize = 24;
    let figure = |t: &str| {
        t.chars().any(|c| c.is_ascii_digit()) && t.chars().all(|c| FIGURE_CHARS.contains(c))
    };
    // (word, piece, crop x0, y0, width, height)
    let mut crops = Vec::new();
    for (wi, (w, ps)) in words.iter().zip(pieces.iter()).enumerate() {
        for (pi, p) in ps.iter().enumerate() {
            if p.conf >= LOW_CONFIDENCE || !figure(&p.text) {
                continue;
            }
            let x0 = (p.left.max(0.0) as usize).saturating_sub(PAD);
            let y0 = (w.top.max(0.0) as usize).saturating_sub(PAD);
            let x1 = ((p.right.max(0.0) as usize) + PAD).min(img.width);
            let y1 = (((w.top + w.height).max(0.0) as usize) + PAD).min(img.height);
            if x1 > x0 && y1 > y0 {
                crops.push((wi, pi, x0, y0, x1 - x0, y1 - y0));
            }
        }
    }
    if crops.is_empty() {
        return Ok(());
    }
    let width = crops.iter().map(|c| c.4).max().unwrap_or(0) + 2 * GAP;
    let height = crops.iter().map(|c| c.5 + GAP).sum::<usize>() + GAP;
    let mut strip = image::Gray {
        width,
        height,
        px: vec![255; width * height],
    };
    let mut slots = Vec::with_capacity(crops.len());
    let mut top = GAP;
    for &(_, _, x0, y0, cw, ch) in &crops {
        for row in 0..ch {
            let from = (y0 + row) * img.width + x0;
            let to = (top + row) * width + GAP;
            strip.px[to..to + cw].copy_from_slice(&img.px[from..from + cw]);
        }
        slots.push((top as f64, (top + ch) as f64));
        top += ch + GAP;
    }
    let strip_stem = PathBuf::from(format!("{}-figures", stem.display()));
    let image_path = strip_stem.with_extension("pgm");
    std::fs::write(&image_path, image::write_pgm(&strip))
        .map_err(|e| format!("cannot write the figures' image: {e}"))?;
    let mut tess = Command::new(tesseract_exe());
    tess.arg(&image_path)
        .arg(&strip_stem)
        .arg("-l")
        .arg(lang)
        .arg("--dpi")
        .arg(DPI.to_string())
        .arg("--psm")
        .arg("6")
        .arg("-c")
        .arg(format!("tessedit_char_whitelist={FIGURE_CHARS}"))
        .arg("hocr");
    let result = run(tess, deadline);
    let _ = std::fs::remove_file(&image_path);
    result?;
    let out = strip_stem.with_extension("hocr");
    let hocr = std::fs::read_to_string(&out).map_err(|e| format!("no Tesseract output: {e}"))?;
    let _ = std::fs::remove_file(&out);
    let (_, read) = parse_hocr(&hocr);
    // Each slot's words, in reading order: their text and least confidence.
    let mut again: Vec<(String, f32)> = vec![(String::new(), 100.0); crops.len()];
    for w in &read {
        let mid = w.top + w.height / 2.0;
        if let Some(k) = slots.iter().position(|&(a, b)| a <= mid && mid <= b) {
            again[k].0.push_str(&w.text);
            again[k].1 = again[k].1.min(w.conf);
        }
    }
    for (&(wi, pi, ..), (text, conf)) in crops.iter().zip(again) {
        let piece = &mut pieces[wi][pi];
        let same = |a: &str| a.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        if !text.is_empty() && same(&text) == same(&piece.text) {
            piece.conf = piece.conf.max(conf);
        }
    }
    Ok(())
}

/// A child program run to completion or until `deadline`, dying with this process.
fn run(mut command: Command, deadline: Instant) -> Result<(), String> {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .env("OMP_THREAD_LIMIT", "1");
    // On Linux the child dies with this process; elsewhere (macOS has no parent-death
    // signal) it is killed at the deadline below, or runs out when this process is gone.
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: prctl only sets this child's parent-death signal; it allocates nothing
        // and is async-signal-safe, as pre_exec requires.
        unsafe {
            command.pre_exec(|| {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                Ok(())
            });
        }
    }
    let name = command.get_program().to_string_lossy().into_owned();
    let mut child = command
        .spawn()
        .map_err(|e| format!("cannot run {name}: {e}"))?;
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => {
                let mut err = String::new();
                if let Some(mut e) = child.stderr.take() {
                    use std::io::Read;
                    let _ = e.read_to_string(&mut err);
                }
                let last = err
                    .lines()
                    .rev()
                    .find(|l| !l.trim().is_empty())
                    .unwrap_or("no message");
                return Err(format!("{name} failed ({status}): {}", last.trim()));
            }
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("{name} ran out of time"));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(format!("{name}: {e}")),
        }
    }
}

/// Called after each page OCR reads (the worker tells its parent it is progressing).
type Progress = Box<dyn Fn() + Send + Sync>;
static PROGRESS: OnceLock<Progress> = OnceLock::new();

/// Sets what to call after each page read by OCR (once per process).
pub fn set_progress(f: Progress) {
    let _ = PROGRESS.set(f);
}

/// One page as OCR read it: the page size in points, its glyphs and the confidence of
/// each word.
struct PageOcr {
    size_pt: (f64, f64),
    glyphs: Vec<Glyph>,
    confidences: Vec<f32>,
    shapes: Vec<ShapeReading>,
}

type PageRead = Result<PageOcr, String>;

/// Tesseract's page segmentation: fully automatic (3) finds the columns of a table as
/// blocks of their own and reads each cell apart.
const PAGE_SEGMENTATION: &str = "3";

/// One page rendered, cleaned (see [`image::clean`]) and read.
fn read_page(
    pdf: &Path,
    dir: &Path,
    page: u32,
    opts: &OcrOptions,
    password: Option<&str>,
    deadline: Instant,
) -> PageRead {
    let stem = dir.join(format!("p{page}"));
    let mut render = Command::new("pdftoppm");
    render.arg("-r").arg(DPI.to_string()).arg("-gray");
    if let Some(pw) = password.filter(|p| !p.is_empty()) {
        render.arg("-upw").arg(pw);
    }
    render
        .arg("-f")
        .arg(page.to_string())
        .arg("-l")
        .arg(page.to_string())
        .arg("-singlefile")
        .arg(pdf)
        .arg(&stem);
    run(render, deadline)?;
    let image_path = stem.with_extension("pgm");
    let bytes = std::fs::read(&image_path).map_err(|e| format!("no page image: {e}"))?;
    let mut cleaned = image::read_pgm(&bytes);
    drop(bytes);
    let mut rules = Vec::new();
    if let Some(img) = cleaned.as_mut() {
        rules = image::clean(img, DPI);
        std::fs::write(&image_path, image::write_pgm(img))
            .map_err(|e| format!("cannot write the page image: {e}"))?;
    }
    let mut tess = Command::new(tesseract_exe());
    tess.arg(&image_path)
        .arg(&stem)
        .arg("-l")
        .arg(&opts.lang)
        .arg("--dpi")
        .arg(DPI.to_string())
        .arg("--psm")
        .arg(PAGE_SEGMENTATION)
        .arg("-c")
        .arg("hocr_char_boxes=1")
        .arg("hocr");
    let result = run(tess, deadline);
    let _ = std::fs::remove_file(&image_path);
    result?;
    let out = stem.with_extension("hocr");
    let hocr = std::fs::read_to_string(&out).map_err(|e| format!("no Tesseract output: {e}"))?;
    let _ = std::fs::remove_file(&out);
    let (size, mut words) = parse_hocr(&hocr);
    if let Some(img) = cleaned.as_ref() {
        read_signs(&mut words, img);
    }
    let size_pt = (
        size.0 * 72.0 / f64::from(DPI),
        size.1 * 72.0 / f64::from(DPI),
    );
    let mut pieces = split_words(&words, cleaned.as_ref(), &rules);
    if let Some(img) = cleaned.as_ref() {
        // Without the second reading the first one's confidences stand.
        let _ = reread(&words, &mut pieces, img, &stem, &opts.lang, deadline);
    }
    let mut shapes = Vec::new();
    let glyphs = words_to_glyphs(size, &words, &pieces, size_pt, 1 << 24, &rules, &mut shapes);
    for s in &mut shapes {
        s.page = page;
    }
    Ok(PageOcr {
        size_pt,
        glyphs,
        // A sign read from its shape: Tesseract's confidence was in another character.
        confidences: words
            .iter()
            .filter(|w| w.by_shape.is_none())
            .map(|w| w.conf)
            .collect(),
        shapes,
    })
}

/// What OCR did to one file, for the read report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OcrReport {
    /// Pages whose text comes from OCR.
    pub pages: Vec<u32>,
    /// "tesseract 5.3.0 (swe)".
    pub engine: String,
    /// Mean word confidence over those pages, whole percent.
    pub mean_confidence: u32,
    /// Words below [`LOW_CONFIDENCE`].
    pub low_confidence_words: u32,
    /// Section signs read from their shape where Tesseract read another character.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_shape: Vec<ShapeReading>,
}

/// The hook on the read path: `extracted` is what the text layer gave (or why it gave
/// nothing). Pages without text (every page when the file has no usable text layer,
/// every page under `--ocr always`) are rendered and read by Tesseract; the rest stay
/// as they are. Without Tesseract a file with no text at all fails with the one-line
/// "scanned: install …" reason, and a file with some scanned pages gets that warning.
pub fn fill(
    bytes: &[u8],
    page_count: usize,
    extracted: Result<Vec<RawPage>, FailureReason>,
    report: &mut ReadReport,
    opts: &OcrOptions,
    password: Option<&str>,
    timeout_secs: u64,
) -> Result<Vec<RawPage>, FailureReason> {
    if opts.mode == OcrMode::Never {
        return extracted;
    }
    let (mut pages, failure) = match extracted {
        Ok(pages) => (pages, None),
        Err(reason @ (FailureReason::NoTextLayer { .. } | FailureReason::NotDecodable(_))) => {
            let pages = (1..=page_count as u32)
                .map(|number| RawPage {
                    number,
                    width: 0.0,
                    height: 0.0,
                    content: RawContent::Glyphs(Vec::new()),
                })
                .collect();
            (pages, Some(reason))
        }
        Err(other) => return Err(other),
    };
    let targets: Vec<usize> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            opts.mode == OcrMode::Always
                || matches!(&p.content, RawContent::Glyphs(g) if g.iter().all(|g| g.text.trim().is_empty()))
        })
        .map(|(i, _)| i)
        .collect();
    if targets.is_empty() {
        return match failure {
            Some(reason) => Err(reason),
            None => Ok(pages),
        };
    }
    if let Some(message) = unavailable(&opts.lang) {
        return match failure {
            Some(_) => Err(FailureReason::Scanned(message)),
            None => {
                let numbers: Vec<u32> = targets.iter().map(|&i| pages[i].number).collect();
                report.warnings.push(format!(
                    "{} {} without text: {message}",
                    if numbers.len() == 1 { "page" } else { "pages" },
                    super::pdf::page_list(&numbers)
                ));
                Ok(pages)
            }
        };
    }
    let dir = tempfile::tempdir().map_err(|e| FailureReason::Io(format!("OCR: {e}")))?;
    let pdf = dir.path().join("in.pdf");
    std::fs::write(&pdf, bytes).map_err(|e| FailureReason::Io(format!("OCR: {e}")))?;
    let numbers: Vec<u32> = targets.iter().map(|&i| pages[i].number).collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(numbers.len())
        .max(1);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<(usize, PageRead)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(&number) = numbers.get(k) else {
                            return out;
                        };
                        // The time limit holds per page here, as the parent's does.
                        let deadline = Instant::now() + Duration::from_secs(timeout_secs.max(1));
                        out.push((
                            k,
                            read_page(&pdf, dir.path(), number, opts, password, deadline),
                        ));
                        if let Some(progress) = PROGRESS.get() {
                            progress();
                        }
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut ocr = OcrReport {
        engine: format!(
            "tesseract {} ({})",
            engine_version().unwrap_or("?"),
            opts.lang
        ),
        ..OcrReport::default()
    };
    let mut conf_sum = 0.0f64;
    let mut word_count = 0u32;
    let mut results = results;
    results.sort_by_key(|(k, _)| *k);
    for (k, result) in results {
        let page = &mut pages[targets[k]];
        match result {
            Ok(PageOcr {
                size_pt,
                glyphs,
                confidences,
                shapes,
            }) => {
                ocr.by_shape.extend(shapes);
                for conf in confidences {
                    conf_sum += f64::from(conf);
                    word_count += 1;
                    if conf < LOW_CONFIDENCE {
                        ocr.low_confidence_words += 1;
                    }
                }
                report.pages_lost.retain(|l| l.page != page.number);
                if !glyphs.is_empty() {
                    report.pages_read += 1;
                    ocr.pages.push(page.number);
                }
                // The image is the page as poppler lays it out (rotation applied).
                (page.width, page.height) = size_pt;
                let was_read = matches!(&page.content, RawContent::Glyphs(g) if g.iter().any(|g| !g.text.trim().is_empty()));
                if was_read {
                    // `--ocr always` on a page that had text: it was counted already.
                    report.pages_read = report.pages_read.saturating_sub(1);
                }
                page.content = RawContent::Glyphs(glyphs);
            }
            Err(reason) => {
                if !report.pages_lost.iter().any(|l| l.page == page.number) {
                    report.pages_lost.push(PageLoss {
                        page: page.number,
                        reason: format!("OCR failed: {reason}"),
                    });
                }
            }
        }
    }
    report.pages_lost.sort_by_key(|l| l.page);
    if ocr.pages.is_empty() {
        return match failure {
            Some(reason) => Err(reason),
            None => Ok(pages),
        };
    }
    // The text layer's "pages without text (image only?)" is answered now.
    report
        .warnings
        .retain(|w| !w.contains("without text (image only?)"));
    let still_empty: Vec<u32> = pages
        .iter()
        .filter(|p| matches!(&p.content, RawContent::Glyphs(g) if g.is_empty()))
        .filter(|p| !report.pages_lost.iter().any(|l| l.page == p.number))
        .map(|p| p.number)
        .collect();
    if !still_empty.is_empty() {
        report.warnings.push(format!(
            "{} without text, also by OCR: {}",
            if still_empty.len() == 1 {
                "page"
            } else {
                "pages"
            },
            super::pdf::page_list(&still_empty)
        ));
    }
    ocr.mean_confidence = if word_count > 0 {
        (conf_sum / f64::from(word_count)).round() as u32
    } else {
        0
    };
    report.warnings.push(format!(
        "{} {} read by OCR ({}; mean word confidence {} %, {} words below {:.0} %)",
        if ocr.pages.len() == 1 {
            "page"
        } else {
            "pages"
        },
        super::pdf::page_list(&ocr.pages),
        ocr.engine,
        ocr.mean_confidence,
        ocr.low_confidence_words,
        LOW_CONFIDENCE
    ));
    if !ocr.by_shape.is_empty() {
        let mut read: Vec<&str> = ocr.by_shape.iter().map(|s| s.tesseract.as_str()).collect();
        read.sort_unstable();
        read.dedup();
        let signs: usize = ocr.by_shape.iter().map(|s| s.text.chars().count()).sum();
        report.warnings.push(format!(
            "{signs} section sign{} read from {} shape, where Tesseract read {}",
            if signs == 1 { "" } else { "s" },
            if signs == 1 { "its" } else { "their" },
            read.iter()
                .map(|r| shape::described(r))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    report.ocr = Some(ocr);
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tesseract's hOCR for one line "Summa 1 400" of a page 2480 × 3508 pixels, with
    /// "1400" read as one word, as it does with a narrow thousands separator.
    const HOCR: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><body>
<div class='ocr_page' id='page_1' title='image "p.pgm"; bbox 0 0 2480 3508; ppageno 0'>
 <span class='ocr_line' id='line_1_1' title="bbox 300 400 1200 450; baseline 0 0">
  <span class='ocrx_word' id='word_1_1' title='bbox 300 410 400 440; x_wconf 96'>
   <span class='ocrx_cinfo' title='x_bboxes 300 410 320 440; x_conf 99'>S</span>
   <span class='ocrx_cinfo' title='x_bboxes 320 410 340 440; x_conf 99'>u</span>
   <span class='ocrx_cinfo' title='x_bboxes 340 410 360 440; x_conf 99'>m</span>
   <span class='ocrx_cinfo' title='x_bboxes 360 410 380 440; x_conf 99'>m</span>
   <span class='ocrx_cinfo' title='x_bboxes 380 410 400 440; x_conf 99'>a</span>
  </span>
  <span class='ocrx_word' id='word_1_2' title='bbox 1000 412 1090 442; x_wconf 59'>
   <span class='ocrx_cinfo' title='x_bboxes 1000 412 1012 442; x_conf 99'>1</span>
   <span class='ocrx_cinfo' title='x_bboxes 1030 412 1048 442; x_conf 94'>4</span>
   <span class='ocrx_cinfo' title='x_bboxes 1051 412 1069 442; x_conf 99'>0</span>
   <span class='ocrx_cinfo' title='x_bboxes 1072 412 1090 442; x_conf 99'>0</span>
  </span>
  <span class='ocrx_word' id='word_1_3' title='bbox 1300 416 1310 416; x_wconf 95'>x</span>
  <span class='ocrx_word' id='word_1_4' title='bbox 1400 410 1440 440; x_wconf 90'>&lt;&amp;</span>
 </span>
</div></body></html>"#;

    /// A white page with ink where `boxes` (x0, y0, x1, y1) say.
    fn page(boxes: &[(usize, usize, usize, usize)]) -> image::Gray {
        let (width, height) = (2480, 3508);
        let mut px = vec![255u8; width * height];
        for &(x0, y0, x1, y1) in boxes {
            for y in y0..y1 {
                px[y * width + x0..y * width + x1].fill(0);
            }
        }
        image::Gray { width, height, px }
    }

    #[test]
    fn hocr_words_keep_boxes_characters_and_confidence() {
        let (size, words) = parse_hocr(HOCR);
        assert_eq!(size, (2480.0, 3508.0));
        // The zero-height box is left out; entities are resolved.
        assert_eq!(words.len(), 3);
        assert_eq!(words[1].text, "1400");
        assert_eq!(words[1].conf, 59.0);
        assert_eq!(words[1].chars.len(), 4);
        assert_eq!(words[1].chars[1].left, 1030.0);
        assert_eq!(words[2].text, "<&");
        assert!(words[2].chars.is_empty());
        assert!(words.iter().all(|w| w.line == 1));
    }

    #[test]
    fn a_gap_in_the_ink_splits_a_number_tesseract_joined() {
        let (size, words) = parse_hocr(HOCR);
        // Ink as the characters' boxes say: "1" and "400" 18 px apart (0.45 font sizes
        // of a 40 px font: a space), the digits of "400" 3 px apart.
        let img = page(&[
            (1000, 412, 1012, 442),
            (1030, 412, 1048, 442),
            (1051, 412, 1069, 442),
            (1072, 412, 1090, 442),
        ]);
        let glyphs_of = |pieces: &[Vec<Piece>]| {
            words_to_glyphs(
                size,
                &words,
                pieces,
                (595.2, 841.92),
                1,
                &[],
                &mut Vec::new(),
            )
        };
        let glyphs = glyphs_of(&split_words(&words, Some(&img), &[]));
        let text: String = glyphs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(text, "Summa 1 400 <&");
        // Every glyph on the line's one baseline, with its word's confidence.
        let y0 = glyphs[0].y;
        assert!(glyphs.iter().all(|g| (g.y - y0).abs() < 1e-9));
        let one = glyphs.iter().position(|g| g.text == "1").unwrap();
        assert_eq!(glyphs[one].ocr, Some(59.0));
        // 300 dpi: 1000 px is 240 pt.
        assert!((glyphs[one].x - 240.0).abs() < 0.5, "{}", glyphs[one].x);
        // The space before "400" is its own string's, as in a text layer.
        assert_eq!(glyphs[one + 1].text, " ");
        assert_eq!(glyphs[one + 1].string, glyphs[one + 2].string);
        assert_ne!(glyphs[one].string, glyphs[one + 2].string);
        // Without the page image the word stays as Tesseract read it.
        let glyphs = glyphs_of(&split_words(&words, None, &[]));
        let text: String = glyphs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(text, "Summa 1400 <&");
    }

    #[test]
    fn a_vertical_rule_between_words_marks_a_column() {
        let (size, words) = parse_hocr(HOCR);
        let rules = [image::VRule {
            x: 700,
            y0: 300,
            y1: 600,
        }];
        let pieces = split_words(&words, None, &rules);
        let glyphs = words_to_glyphs(
            size,
            &words,
            &pieces,
            (595.2, 841.92),
            1,
            &rules,
            &mut Vec::new(),
        );
        let text: String = glyphs.iter().map(|g| g.text.as_str()).collect();
        // Three spaces of no width in the next string: layout's mark of alignment.
        assert_eq!(text, "Summa   1400 <&");
        assert!(glyphs[5..8].iter().all(|g| g.advance == 0.0));
    }

    #[test]
    fn a_group_of_digits_cut_at_a_one_is_joined_again() {
        let word = |left: f64, text: &str| Word {
            line: 1,
            left,
            top: 410.0,
            width: 20.0 * text.len() as f64,
            height: 30.0,
            conf: 95.0,
            text: text.to_string(),
            chars: Vec::new(),
            by_shape: None,
        };
        // "51 243" read as "5", "1", "243"; "2021 2022" stays two words (four digits).
        let words = [
            word(1000.0, "5"),
            word(1035.0, "1"),
            word(1070.0, "243"),
            word(1300.0, "2021"),
            word(1395.0, "2022"),
        ];
        let pieces = split_words(&words, None, &[]);
        let glyphs = words_to_glyphs(
            (2480.0, 3508.0),
            &words,
            &pieces,
            (595.2, 841.92),
            1,
            &[],
            &mut Vec::new(),
        );
        let text: String = glyphs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(text, "51 243 2021 2022");
        // "1" moved up to the "5": no gap for layout to read as a space.
        let five = &glyphs[0];
        assert!((glyphs[1].x - (five.x + five.advance)).abs() < 1e-9);
    }
}
