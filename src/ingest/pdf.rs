//! Glyphs out of a loaded PDF, page by page, through pdf-extract's `OutputDev`.
//!
//! Each page is extracted on its own inside `catch_unwind`: pdf-extract panics on many
//! malformed inputs, and a page that panics or errors costs only that page. What cannot
//! be fixed is reported (pages lost, pages without text, glyphs without Unicode,
//! unreliable geometry) instead of being passed on silently.

use super::{FailureReason, Glyph, PageLoss, RawContent, RawPage, ReadReport};
use pdf_extract::{Document, MediaBox, OutputDev, OutputError, Transform};
use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;

/// Collects the glyphs of one page in drawing order.
#[derive(Default)]
pub(super) struct GlyphCollector {
    /// Glyphs with the quarter turn their baseline direction makes (0: upright,
    /// 1: 90° counter-clockwise, 2: upside down, 3: 90° clockwise).
    pub(super) glyphs: Vec<(u8, Glyph)>,
    /// Media box of the page being drawn: glyphs are stored relative to its lower-left.
    pub(super) origin: (f64, f64),
    pub(super) size: (f64, f64),
    /// Incremented for every shown string, so layout can keep a string's glyphs together.
    pub(super) string: u32,
    /// Glyphs whose trm is not upright (rotated or mirrored text).
    pub(super) rotated: usize,
    /// Glyphs with non-finite geometry (degenerate matrices).
    pub(super) degenerate: usize,
}

impl GlyphCollector {
    /// The page's glyphs in the frame of its dominant text direction: a page whose text
    /// runs upwards is read as if turned upright. Glyphs in other directions are counted
    /// in `rotated` and left out. Returns the glyphs, the page size in that frame and
    /// the quarter turn applied.
    fn upright(&mut self) -> (Vec<Glyph>, (f64, f64), u8) {
        let mut counts = [0usize; 4];
        for (turn, _) in &self.glyphs {
            counts[usize::from(*turn)] += 1;
        }
        let dominant = (0..4u8)
            .max_by_key(|&t| (counts[usize::from(t)], std::cmp::Reverse(t)))
            .unwrap_or(0);
        let (w, h) = self.size;
        let mut out = Vec::with_capacity(self.glyphs.len());
        for (turn, mut g) in self.glyphs.drain(..) {
            if turn != dominant {
                self.rotated += 1;
                continue;
            }
            let (x, y) = (g.x, g.y);
            (g.x, g.y) = match turn {
                1 => (y, w - x),
                2 => (w - x, h - y),
                3 => (h - y, x),
                _ => (x, y),
            };
            out.push(g);
        }
        let size = if dominant % 2 == 1 { (h, w) } else { (w, h) };
        (out, size, dominant)
    }
}

impl OutputDev for GlyphCollector {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        let (llx, lly) = (
            media_box.llx.min(media_box.urx),
            media_box.lly.min(media_box.ury),
        );
        self.origin = (llx, lly);
        self.size = (
            (media_box.urx - media_box.llx).abs(),
            (media_box.ury - media_box.lly).abs(),
        );
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        // Geometry as the issue measured it: origin from the translation part of the text
        // rendering matrix, size scaled by the matrix's area factor, advance by the length
        // of its first row (which already carries horizontal scaling).
        let det = trm.m11 * trm.m22 - trm.m12 * trm.m21;
        let size = font_size.abs() * det.abs().sqrt();
        let row = (trm.m11 * trm.m11 + trm.m12 * trm.m12).sqrt();
        let advance = (width * font_size + spacing) * row;
        let (x, y) = (trm.m31 - self.origin.0, trm.m32 - self.origin.1);
        if ![x, y, size, advance].iter().all(|v| v.is_finite()) {
            self.degenerate += 1;
            return Ok(());
        }
        // The baseline direction is the first row of trm. Text turned by a quarter turn
        // (a landscape table on a portrait page) is kept with its turn; slanted or
        // mirrored text would scramble baseline grouping and is left out.
        let turn = match (trm.m11, trm.m12) {
            (a, b) if a > 0.0 && b.abs() <= a * 0.05 => 0,
            (a, b) if b > 0.0 && a.abs() <= b * 0.05 => 1,
            (a, b) if a < 0.0 && b.abs() <= -a * 0.05 => 2,
            (a, b) if b < 0.0 && a.abs() <= -b * 0.05 => 3,
            _ => 4,
        };
        if turn == 4 || det <= 0.0 {
            self.rotated += 1;
            return Ok(());
        }
        self.glyphs.push((
            turn,
            Glyph {
                text: char.to_string(),
                x,
                y,
                advance,
                font_size: size,
                string: self.string,
                ocr: None,
            },
        ));
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.string = self.string.wrapping_add(1);
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

thread_local! {
    /// Set while this thread extracts a page: panics there are expected and reported as
    /// page losses, so the default hook's message would only be noise on stderr.
    static QUIET_PANICS: Cell<bool> = const { Cell::new(false) };
}

static INSTALL_HOOK: Once = Once::new();

/// Installs (once per process) a panic hook that stays silent on threads extracting a page
/// and defers to the previous hook everywhere else. Swapping hooks per call would race
/// between threads of a parallel run.
fn install_quiet_hook() {
    INSTALL_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET_PANICS.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

/// Shortens a reader message to one line of reasonable length.
pub(super) fn one_line(s: &str) -> String {
    let line = s.lines().next().unwrap_or("").trim();
    if line.chars().count() > 160 {
        let cut: String = line.chars().take(160).collect();
        format!("{cut}…")
    } else {
        line.to_string()
    }
}

/// A glyph whose text carries no usable Unicode: empty (no ToUnicode for a CID font),
/// private-use, replacement character or control characters.
fn undecodable(text: &str) -> bool {
    text.is_empty()
        || text.chars().all(|c| {
            matches!(c as u32, 0xE000..=0xF8FF | 0xF0000..=0x10FFFF | 0xFFFD)
                || (c.is_control() && !c.is_whitespace())
        })
}

/// Runs `f`, turning a panic into its message, without the default hook printing it.
pub(crate) fn quietly<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_quiet_hook();
    QUIET_PANICS.with(|q| q.set(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    QUIET_PANICS.with(|q| q.set(false));
    result.map_err(|payload| one_line(&panic_message(&*payload)))
}

/// A page's glyphs and, when it was read only in part, why reading stopped; or why the
/// page is lost.
pub(super) type PageOutcome = Result<(GlyphCollector, Option<String>), String>;

/// Extracts one page, isolated: a panic or error in pdf-extract stops the page. The
/// glyphs drawn before it are kept, with the reason the rest is missing; a page that
/// stopped before drawing any text is lost.
pub(super) fn extract_page(doc: &Document, page: u32) -> PageOutcome {
    let mut out = GlyphCollector::default();
    let stopped = match quietly(|| pdf_extract::output_doc_page(doc, &mut out, page)) {
        Ok(Ok(())) => return Ok((out, None)),
        Ok(Err(e)) => format!("reader error: {}", one_line(&e.to_string())),
        Err(message) => format!("reader panicked: {message}"),
    };
    let began = out.size != (0.0, 0.0);
    if began && out.glyphs.iter().any(|(_, g)| !g.text.trim().is_empty()) {
        Ok((out, Some(stopped)))
    } else {
        Err(stopped)
    }
}

/// Page size from the page dictionary (inherited MediaBox), used when a page is lost
/// before pdf-extract reports it. Letter-free default: A4.
fn media_size(doc: &Document, id: pdf_extract::ObjectId) -> (f64, f64) {
    let mut dict = doc.get_dictionary(id).ok();
    // Bounded walk up the page tree: a /Parent cycle must not loop.
    for _ in 0..32 {
        let Some(d) = dict else { break };
        if let Ok(arr) = d.get(b"MediaBox").and_then(|o| o.as_array()) {
            let v: Vec<f64> = arr
                .iter()
                .filter_map(|o| {
                    let o = match o {
                        pdf_extract::Object::Reference(r) => doc.get_object(*r).ok()?,
                        o => o,
                    };
                    o.as_float().ok().map(f64::from)
                })
                .collect();
            if let [a, b, c, e] = v[..] {
                return ((c - a).abs(), (e - b).abs());
            }
        }
        dict = d
            .get(b"Parent")
            .and_then(|o| o.as_reference())
            .and_then(|r| doc.get_dictionary(r))
            .ok();
    }
    (595.0, 842.0)
}

/// Every page of a loaded document as glyphs. Pages that fail are recorded in
/// `report.pages_lost`; what could not be fixed goes to `report.warnings`. Fails as a
/// whole only when nothing readable is left (no pages, no text layer, nothing decodable).
///
/// The document is changed while pages are read (a synthetic page tree is installed and
/// removed again, see `batch`); it is as before when this returns.
pub fn extract_pages(
    doc: &mut Document,
    report: &mut ReadReport,
) -> Result<Vec<RawPage>, FailureReason> {
    let page_ids = doc.get_pages();
    if page_ids.is_empty() {
        return Err(FailureReason::NoPages(
            "the page tree holds no pages".to_string(),
        ));
    }
    report.pages_total = page_ids.len() as u32;
    let mut pages = Vec::with_capacity(page_ids.len());
    let mut empty_pages = Vec::new();
    let mut undecodable_pages = 0u32;
    // Pages that keep their text but lose a few glyphs without Unicode mapping.
    let mut undecodable_glyphs = 0usize;
    let mut undecodable_on: Vec<u32> = Vec::new();
    let mut ink_total = 0usize;
    let mut rotated_total = 0usize;
    for (number, id, outcome) in super::batch::extract_all(doc, &page_ids) {
        let mut collected = match outcome {
            Ok((c, stopped)) => {
                if let Some(reason) = stopped {
                    report.warnings.push(format!(
                        "page {number} read only in part, text after the point where reading \
                         stopped is missing ({reason})"
                    ));
                }
                c
            }
            Err(reason) => {
                report.pages_lost.push(PageLoss {
                    page: number,
                    reason,
                });
                let (width, height) = media_size(doc, id);
                pages.push(RawPage {
                    number,
                    width,
                    height,
                    content: RawContent::Glyphs(Vec::new()),
                });
                continue;
            }
        };
        let (mut glyphs, (width, height), turn) = collected.upright();
        if turn != 0 {
            report.warnings.push(format!(
                "page {number}: text runs at {}°, read turned upright",
                u32::from(turn) * 90
            ));
        }
        rotated_total += collected.rotated;
        if collected.degenerate > 0 {
            report.warnings.push(format!(
                "page {number}: {} glyphs with degenerate geometry left out",
                collected.degenerate
            ));
        }
        let is_space = |g: &Glyph| !g.text.is_empty() && g.text.chars().all(char::is_whitespace);
        let bad = glyphs
            .iter()
            .filter(|g| !is_space(g) && undecodable(&g.text))
            .count();
        let ink = glyphs.iter().filter(|g| !is_space(g)).count() - bad;
        if ink + bad == 0 {
            empty_pages.push(number);
        } else if bad * 2 >= ink + bad {
            // Mostly codes without Unicode: passing this on would be garbage.
            undecodable_pages += 1;
            report.pages_lost.push(PageLoss {
                page: number,
                reason: format!(
                    "text not decodable ({bad} of {} glyphs have no Unicode mapping)",
                    ink + bad
                ),
            });
            glyphs.clear();
        } else {
            if bad > 0 {
                undecodable_glyphs += bad;
                undecodable_on.push(number);
                glyphs.retain(|g| is_space(g) || !undecodable(&g.text));
            }
            ink_total += ink;
            report.pages_read += 1;
        }
        pages.push(RawPage {
            number,
            width,
            height,
            content: RawContent::Glyphs(glyphs),
        });
    }
    if undecodable_glyphs > 0 {
        report.warnings.push(format!(
            "{undecodable_glyphs} glyphs without Unicode mapping left out ({} {})",
            if undecodable_on.len() == 1 {
                "page"
            } else {
                "pages"
            },
            page_list(&undecodable_on)
        ));
    }
    if rotated_total > 0 {
        report.warnings.push(format!(
            "{rotated_total} rotated or mirrored glyphs left out (only upright text is read)"
        ));
    }
    if ink_total == 0 {
        return Err(nothing_readable(report, undecodable_pages));
    }
    if !empty_pages.is_empty() {
        report.warnings.push(format!(
            "{} without text (image only?): {}",
            if empty_pages.len() == 1 {
                "page"
            } else {
                "pages"
            },
            page_list(&empty_pages)
        ));
    }
    Ok(pages)
}

/// Why a document with no readable glyph on any page fails: its glyphs have no Unicode
/// mapping, its pages failed, or it has no text layer at all.
fn nothing_readable(report: &ReadReport, undecodable_pages: u32) -> FailureReason {
    if undecodable_pages > 0 {
        return FailureReason::NotDecodable(format!(
            "{undecodable_pages} of {} pages have glyphs without Unicode mapping",
            report.pages_total
        ));
    }
    let lost = report.pages_lost.len() as u32;
    if lost > 0 {
        let first = report
            .pages_lost
            .first()
            .map(|l| l.reason.clone())
            .unwrap_or_default();
        let rest = if lost == report.pages_total {
            String::new()
        } else {
            ", the other pages have no text".to_string()
        };
        return FailureReason::Damaged(format!(
            "no text could be read ({lost} of {} pages failed{rest}; first: {first})",
            report.pages_total
        ));
    }
    FailureReason::NoTextLayer {
        pages: report.pages_total,
    }
}

/// "1, 3–5, 9": compact list of page numbers for messages.
pub(crate) fn page_list(pages: &[u32]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < pages.len() {
        let start = pages[i];
        let mut end = start;
        while i + 1 < pages.len() && pages[i + 1] == end + 1 {
            i += 1;
            end = pages[i];
        }
        parts.push(if end > start {
            format!("{start}–{end}")
        } else {
            start.to_string()
        });
        i += 1;
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_list_compacts_runs() {
        assert_eq!(page_list(&[1, 2, 3, 5, 7, 8]), "1–3, 5, 7–8");
        assert_eq!(page_list(&[4]), "4");
    }

    #[test]
    fn private_use_and_empty_are_undecodable() {
        assert!(undecodable(""));
        assert!(undecodable("\u{E012}"));
        assert!(!undecodable("å"));
        assert!(!undecodable(" "));
    }
}
