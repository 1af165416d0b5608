//! Findings on pages read by OCR: each names that fact and Tesseract's confidence, and a
//! relation that fails where a figure it reads is a low-confidence word is "not decided"
//! (info naming the figure and its confidence), never an error: a misread digit would
//! explain it as well as a wrong record.

use super::finding::{Finding, Severity};
use crate::document::Document;
use crate::ingest::ocr::LOW_CONFIDENCE;
use crate::layout::{LaidOutFile, Line};
use crate::Provenance;
use std::collections::HashMap;

/// The least sure figure (a span with a digit) read by OCR on `line`: its text and
/// confidence. With `figure`, the span holding that figure is preferred.
fn least_sure<'l>(line: &'l Line, figure: Option<&str>) -> Option<(&'l str, f32)> {
    let numeric = |t: &str| t.chars().any(|c| c.is_ascii_digit());
    if let Some(fig) = figure.filter(|f| !f.is_empty()) {
        if let Some(s) = line
            .spans
            .iter()
            .find(|s| s.ocr.is_some() && numeric(&s.text) && s.text.contains(fig))
        {
            return s.ocr.map(|c| (s.text.as_str(), c));
        }
    }
    line.spans
        .iter()
        .filter(|s| numeric(&s.text))
        .filter_map(|s| s.ocr.map(|c| (s.text.as_str(), c)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
}

/// Marks findings on OCR'd pages (provenance and message) and turns relations that
/// read a low-confidence figure into "not decided" infos.
pub fn qualify(file: &LaidOutFile, documents: &[Document], findings: &mut [Finding]) {
    let mut lines: HashMap<(u32, u32), &Line> = HashMap::new();
    let mut ocr_pages = Vec::new();
    for page in &file.pages {
        let mut any = false;
        for line in &page.lines {
            any |= line.spans.iter().any(|s| s.ocr.is_some());
            lines.insert((page.number, line.number), line);
        }
        if any {
            ocr_pages.push(page.number);
        }
    }
    if ocr_pages.is_empty() {
        return;
    }
    let at = |p: &Provenance| lines.get(&(p.page, p.line)).copied();
    for f in findings.iter_mut() {
        let on_ocr = ocr_pages.contains(&f.provenance.page)
            || f.related
                .as_ref()
                .is_some_and(|r| ocr_pages.contains(&r.page));
        if !on_ocr {
            continue;
        }
        // The places the relation reads: its own line, the related place and, for a
        // table finding, the figures of its column in every row (a column total reads
        // them all), or every row when the finding names no column.
        let mut places: Vec<(Provenance, Option<&str>)> =
            vec![(f.provenance.clone(), f.figure.as_deref())];
        places.extend(f.related.clone().map(|r| (r, None)));
        if let Some(table) = f.table.and_then(|i| {
            documents
                .iter()
                .find(|d| d.title == f.document && d.pages.0 <= f.provenance.page)
                .and_then(|d| d.tables.get(i))
        }) {
            let column = f
                .column
                .as_ref()
                .and_then(|c| table.columns.iter().position(|k| k == c));
            match column {
                Some(j) => places.extend(table.rows.iter().filter_map(|r| {
                    let cell = r.cells.get(j).filter(|c| !c.empty && c.value.is_some())?;
                    Some((r.provenance.clone(), Some(cell.raw.as_str())))
                })),
                None => places.extend(table.rows.iter().map(|r| (r.provenance.clone(), None))),
            }
        }
        let mut worst: Option<(String, f32, Provenance)> = None;
        for (p, figure) in &places {
            let read = at(p).and_then(|l| match figure {
                // The column's figure on another row: that span alone.
                Some(fig) if p != &f.provenance => {
                    least_sure(l, Some(fig)).filter(|(text, _)| text.contains(fig))
                }
                _ => least_sure(l, *figure),
            });
            if let Some((text, conf)) = read {
                if worst.as_ref().is_none_or(|w| conf < w.1) {
                    worst = Some((text.to_string(), conf, p.clone()));
                }
            }
        }
        if let Some((_, conf)) = at(&f.provenance).and_then(|l| least_sure(l, f.figure.as_deref()))
        {
            f.provenance.ocr = Some(conf.round().clamp(0.0, 100.0) as u8);
        }
        // Only a relation between figures can fail through a misread figure.
        let arithmetic = f.expected.is_some() || f.found.is_some();
        match worst {
            Some((text, conf, place))
                if arithmetic && conf < LOW_CONFIDENCE && f.severity > Severity::Info =>
            {
                f.message = format!(
                    "not decided (page read by OCR): {}; the figure \"{text}\" (page {} line {}) \
                     was read with confidence {:.0} %",
                    f.message, place.page, place.line, conf
                );
                f.severity = Severity::Info;
            }
            Some((_, conf, _)) => {
                f.message = format!(
                    "{} (page read by OCR, figures read with confidence {:.0} % or more)",
                    f.message, conf
                );
            }
            None => f.message = format!("{} (page read by OCR)", f.message),
        }
    }
}
