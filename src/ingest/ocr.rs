//! Scanned pages: pages without a text layer (or whose text is undecodable) are rendered
//! with poppler's `pdftoppm` and read by Tesseract; its word boxes become glyphs with
//! geometry, so layout, tables, parsing and every check run on them unchanged. Each
//! glyph carries its word's confidence (`Glyph::ocr`), which spans and findings keep.
//!
//! Both programs are external: when Tesseract (or its language data) is missing, a
//! scanned file is reported with one line saying what to install, never a failed run.
//! Children run under the worker's limits (they inherit its address-space cap) and die
//! with it (`PR_SET_PDEATHSIG`), so the parent's time limit stops them too.

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

/// One word as Tesseract read it, in pixels of the page image (y down).
#[derive(Clone, Debug, PartialEq)]
struct Word {
    line: (u32, u32, u32),
    left: f64,
    top: f64,
    width: f64,
    height: f64,
    conf: f32,
    text: String,
}

/// A page image's size and its words, from Tesseract's TSV output.
fn parse_tsv(tsv: &str) -> ((f64, f64), Vec<Word>) {
    let mut size = (0.0, 0.0);
    let mut words = Vec::new();
    for row in tsv.lines().skip(1) {
        let f: Vec<&str> = row.split('\t').collect();
        if f.len() < 12 {
            continue;
        }
        let num = |i: usize| f[i].trim().parse::<f64>().unwrap_or(0.0);
        match f[0] {
            "1" => size = (num(8), num(9)),
            "5" => {
                let text = f[11..].join("\t").trim().to_string();
                let conf = f[10].trim().parse::<f32>().unwrap_or(-1.0);
                if text.is_empty() || conf < 0.0 || num(8) <= 0.0 || num(9) <= 0.0 {
                    continue;
                }
                words.push(Word {
                    line: (num(2) as u32, num(3) as u32, num(4) as u32),
                    left: num(6),
                    top: num(7),
                    width: num(8),
                    height: num(9),
                    conf,
                    text,
                });
            }
            _ => {}
        }
    }
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

/// Tesseract's words as glyphs in PDF user space (points, y up) of a page `size_pt`
/// large, `first_string` numbering the words as shown strings. The page's skew is taken
/// out; every word of one Tesseract line sits on that line's median baseline, and its
/// characters share the word's width evenly.
fn words_to_glyphs(
    image: (f64, f64),
    words: &[Word],
    size_pt: (f64, f64),
    first_string: u32,
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
    let mut i = 0;
    while i < words.len() {
        let mut j = i;
        while j < words.len() && words[j].line == words[i].line {
            j += 1;
        }
        let line = &words[i..j];
        let baseline = median(
            line.iter()
                .map(|w| deskew(w.left + w.width / 2.0, w.top + w.height).1)
                .collect(),
        );
        // A word without descenders is 0.7–0.75 font sizes tall (caps or digits).
        let em = median(line.iter().map(|w| w.height).collect()) / 0.75;
        for (k, w) in line.iter().enumerate() {
            let n = w.text.chars().count().max(1) as f64;
            let x0 = deskew(w.left, w.top + w.height).0;
            // Boxes of neighbouring words may touch or overlap by a pixel; a word ends
            // before the next begins, as shown strings do.
            let width = match line.get(k + 1) {
                Some(next) if next.left > w.left => w.width.min(next.left - w.left - 1.0),
                _ => w.width,
            }
            .max(1.0);
            let advance = width / n * scale;
            for (k, c) in w.text.chars().enumerate() {
                glyphs.push(Glyph {
                    text: c.to_string(),
                    x: x0 * scale + k as f64 * advance,
                    y: size_pt.1 - baseline * scale,
                    advance,
                    font_size: em * scale,
                    string,
                    ocr: Some(w.conf),
                });
            }
            string = string.wrapping_add(1);
        }
        i = j;
    }
    glyphs
}

/// A child program run to completion or until `deadline`, dying with this process.
fn run(mut command: Command, deadline: Instant) -> Result<(), String> {
    use std::os::unix::process::CommandExt;
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .env("OMP_THREAD_LIMIT", "1");
    // SAFETY: prctl only sets this child's parent-death signal; it allocates nothing and
    // is async-signal-safe, as pre_exec requires.
    unsafe {
        command.pre_exec(|| {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            Ok(())
        });
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

type PageRead = Result<((f64, f64), Vec<Word>), String>;

/// One page rendered and read: the image size in pixels and Tesseract's words.
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
    let image = stem.with_extension("pgm");
    let mut tess = Command::new(tesseract_exe());
    tess.arg(&image)
        .arg(&stem)
        .arg("-l")
        .arg(&opts.lang)
        .arg("--dpi")
        .arg(DPI.to_string())
        .arg("tsv");
    let result = run(tess, deadline);
    let _ = std::fs::remove_file(&image);
    result?;
    let tsv = std::fs::read_to_string(stem.with_extension("tsv"))
        .map_err(|e| format!("no Tesseract output: {e}"))?;
    let _ = std::fs::remove_file(stem.with_extension("tsv"));
    Ok(parse_tsv(&tsv))
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
    let mut string_base = 1u32 << 24;
    let mut results = results;
    results.sort_by_key(|(k, _)| *k);
    for (k, result) in results {
        let page = &mut pages[targets[k]];
        match result {
            Ok((image, words)) => {
                let size_pt = (
                    image.0 * 72.0 / f64::from(DPI),
                    image.1 * 72.0 / f64::from(DPI),
                );
                let glyphs = words_to_glyphs(image, &words, size_pt, string_base);
                string_base = string_base.wrapping_add(words.len() as u32 + 1);
                for w in &words {
                    conf_sum += f64::from(w.conf);
                    word_count += 1;
                    if w.conf < LOW_CONFIDENCE {
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
    report.ocr = Some(ocr);
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t
4\t1\t1\t1\t1\t0\t300\t400\t1200\t40\t-1\t
5\t1\t1\t1\t1\t1\t300\t410\t100\t30\t96.5\tSumma
5\t1\t1\t1\t1\t2\t1000\t412\t60\t30\t88.0\t1
5\t1\t1\t1\t1\t3\t1075\t414\t90\t30\t95.0\t400
5\t1\t1\t1\t1\t4\t1300\t416\t10\t0\t95.0\tx
";

    #[test]
    fn tsv_words_keep_boxes_and_confidence() {
        let (size, words) = parse_tsv(TSV);
        assert_eq!(size, (2480.0, 3508.0));
        // The zero-height box is left out.
        assert_eq!(words.len(), 3);
        assert_eq!(words[1].text, "1");
        assert_eq!(words[1].conf, 88.0);
    }

    #[test]
    fn skewed_line_becomes_one_baseline_with_confidence_per_glyph() {
        let (size, words) = parse_tsv(TSV);
        // Bottoms 440, 442, 444 at centres 350, 1030, 1120: least squares gives
        // 1540 / 354 478 = 0.00434.
        assert!((skew(&words) - 0.004344).abs() < 1e-5, "{}", skew(&words));
        let glyphs = words_to_glyphs(size, &words, (595.2, 841.92), 1);
        assert_eq!(glyphs.len(), "Summa1400".len());
        let y0 = glyphs[0].y;
        assert!(glyphs.iter().all(|g| (g.y - y0).abs() < 1e-9));
        // 300 dpi: 100 px is 24 pt; "Summa" is 5 glyphs of 4.8 pt.
        assert!((glyphs[0].x - 72.0).abs() < 1.5, "{}", glyphs[0].x);
        assert!((glyphs[0].advance - 4.8).abs() < 1e-9);
        assert_eq!(glyphs[5].ocr, Some(88.0));
        assert_eq!(glyphs[6].string, glyphs[7].string);
        assert_ne!(glyphs[5].string, glyphs[6].string);
    }
}
