//! Stage 2: pages of glyphs → lines → spans, with page furniture (running headers and
//! footers) recognised. Text files pass through with one span per tab-separated cell.

use crate::ingest::{ReadReport, SourceKind};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A run of text on one line with no column gap inside it ("1 278" is one span).
/// For text sources x is the character column.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Span {
    pub text: String,
    pub x0: f64,
    pub x1: f64,
    pub font_size: f64,
    /// Read by OCR: the lowest Tesseract word confidence (percent) in the span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr: Option<f32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// 1-based line number on its page, counting furniture lines.
    pub number: u32,
    /// Baseline, measured from the top of the page (text sources: the line index).
    pub y: f64,
    /// The line as text. For PDFs the spans joined by '\t' (a column gap); for text
    /// sources the line exactly as written.
    pub text: String,
    pub spans: Vec<Span>,
    /// A running header or footer repeated across the document's pages: kept for
    /// provenance, left out of what later stages parse.
    pub furniture: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page {
    pub number: u32,
    pub width: f64,
    pub height: f64,
    pub lines: Vec<Line>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LaidOutFile {
    pub path: Arc<str>,
    pub kind: SourceKind,
    pub pages: Vec<Page>,
    pub report: ReadReport,
}

impl LaidOutFile {
    /// Every line later stages should parse, in reading order, with its page number.
    pub fn content_lines(&self) -> impl Iterator<Item = (&Page, &Line)> {
        self.pages
            .iter()
            .flat_map(|p| p.lines.iter().filter(|l| !l.furniture).map(move |l| (p, l)))
    }
}

mod furniture;
pub mod garbled;
mod lines;
pub mod render;
mod spans;

pub use furniture::furniture_key;
pub use spans::COLUMN_GAP;

/// A line whose figures [`read_english_figures`] rewrote: its place, the text as the
/// page wrote it and as the later stages read it (the same characters but for the
/// figures' separators, so a character offset means the same place in both).
#[derive(Clone, Debug, PartialEq)]
pub struct RewrittenLine {
    pub page: u32,
    pub line: u32,
    pub written: String,
    pub read: String,
}

/// A file written in English with English figures ("19,210", "3.5 per cent"; decided by
/// [`crate::grammar::convention`] from the file's own words and figures) has its figures
/// written the Nordic way in every line and span, before the tables and the prose are read:
/// "19,210" → "19 210" (a no-break space), "3.5" → "3,5". Returns the lines it rewrote,
/// so that findings can quote the page as written.
pub fn read_english_figures(
    file: &mut LaidOutFile,
    vocab: &crate::grammar::vocab::Vocabulary,
) -> Vec<RewrittenLine> {
    use crate::grammar::convention;
    let english =
        convention::census(file.content_lines().map(|(_, l)| l.text.as_str()), vocab).english();
    let mut rewritten = Vec::new();
    if !english {
        return rewritten;
    }
    for page in &mut file.pages {
        for line in &mut page.lines {
            if let Some(t) = convention::to_nordic(&line.text) {
                let written = std::mem::replace(&mut line.text, t);
                rewritten.push(RewrittenLine {
                    page: page.number,
                    line: line.number,
                    written,
                    read: line.text.clone(),
                });
            }
            for span in &mut line.spans {
                if let Some(t) = convention::to_nordic(&span.text) {
                    span.text = t;
                }
            }
        }
    }
    rewritten
}

/// Lays out every page of an ingested file: PDF glyphs into lines and spans, text lines
/// into tab-separated cells; then marks page furniture across the file's pages.
pub fn lay_out(file: crate::ingest::IngestedFile) -> LaidOutFile {
    use crate::ingest::RawContent;
    let mut report = file.report;
    let mut drifted_pages = Vec::new();
    let mut geometric = false;
    let mut pages: Vec<Page> = file
        .pages
        .into_iter()
        .map(|p| {
            let lines = match p.content {
                RawContent::Text(lines) => text_lines(lines),
                RawContent::Glyphs(glyphs) => {
                    geometric = true;
                    let (lines, squeezed) = glyph_lines(&glyphs, p.height);
                    if squeezed > 0 {
                        drifted_pages.push(p.number);
                    }
                    lines
                }
            };
            Page {
                number: p.number,
                width: p.width,
                height: p.height,
                lines,
            }
        })
        .collect();
    if !drifted_pages.is_empty() {
        report.warnings.push(format!(
            "glyph positions unreliable on {} {} (strings overlap the next on their line: \
             wrong font widths or overprinted text; positions inside strings estimated)",
            if drifted_pages.len() == 1 {
                "page"
            } else {
                "pages"
            },
            crate::ingest::pdf::page_list(&drifted_pages)
        ));
    }
    // Word keeps running headers and footers in their own parts, which the .docx reader
    // leaves out: whatever repeats in a document body is content ("Beslutsexpediering"
    // opening half the pages of a protocol), never furniture.
    if file.kind != crate::ingest::SourceKind::Docx {
        furniture::mark(&mut pages, geometric);
    }
    // Garbled text is reported on its page, not parsed as if it were the record.
    let garbled: Vec<(u32, &str)> = pages
        .iter()
        .filter_map(|p| garbled::garbled(p).map(|why| (p.number, why)))
        .collect();
    for why in [
        "letters and digits of two texts interleaved",
        "words broken into letter fragments",
    ] {
        let on: Vec<u32> = garbled
            .iter()
            .filter(|(_, w)| *w == why)
            .map(|(n, _)| *n)
            .collect();
        if !on.is_empty() {
            report.warnings.push(format!(
                "text garbled on {} {} ({why}): what is read there is unreliable",
                if on.len() == 1 { "page" } else { "pages" },
                crate::ingest::pdf::page_list(&on)
            ));
        }
    }
    LaidOutFile {
        path: file.path,
        kind: file.kind,
        pages,
        report,
    }
}

/// A page's glyphs as lines, y measured from the top of the page.
fn glyph_lines(glyphs: &[crate::ingest::Glyph], height: f64) -> (Vec<Line>, usize) {
    let spaced = spans::writes_spaces(glyphs);
    let (run_lines, squeezed) = lines::group_lines(lines::runs(glyphs));
    let lines = run_lines
        .iter()
        .map(|l| spans::spans(l, spaced))
        .zip(&run_lines)
        .filter(|(spans, _)| !spans.is_empty())
        .enumerate()
        .map(|(i, (spans, rl))| Line {
            number: i as u32 + 1,
            y: height - rl.y,
            text: spans
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join("\t"),
            spans,
            furniture: false,
        })
        .collect();
    (lines, squeezed)
}

/// Text lines as written, one span per tab-separated cell with x the character column.
/// A line that is only a `justera: ignore …` comment (`# justera: ignore SUM001`,
/// `<!-- justera: … -->`, `// justera: …`): an instruction to lint, not part of the
/// record, so it is left out of the layout (the lines around it keep their numbers, and a
/// table it stands in stays one table).
pub fn is_directive_line(text: &str) -> bool {
    let t = text.trim_start();
    let rest = t
        .strip_prefix("<!--")
        .or_else(|| t.strip_prefix("//"))
        .or_else(|| t.strip_prefix('#'))
        .or_else(|| t.strip_prefix('%'));
    rest.is_some_and(|r| r.trim_start().starts_with("justera:"))
}

fn text_lines(lines: Vec<String>) -> Vec<Line> {
    lines
        .into_iter()
        .enumerate()
        .filter(|(_, text)| !is_directive_line(text))
        .map(|(i, text)| {
            let mut spans = Vec::new();
            let mut col = 0usize;
            for cell in text.split('\t') {
                let n = cell.chars().count();
                spans.push(Span {
                    text: cell.to_string(),
                    x0: col as f64,
                    x1: (col + n) as f64,
                    font_size: 1.0,
                    ocr: None,
                });
                col += n + 1;
            }
            Line {
                number: i as u32 + 1,
                y: i as f64,
                spans,
                text,
                furniture: false,
            }
        })
        .collect()
}
