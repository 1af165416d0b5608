//! Findings on pages read by OCR: each names that fact and Tesseract's confidence, and a
//! relation that fails where a figure it reads is a low-confidence word is "not decided"
//! (info naming the figure and its confidence), never an error: a misread digit would
//! explain it as well as a wrong record. A finding whose lines hold a section sign read
//! from its shape (not by Tesseract, see `ingest::ocr::shape`) names that reading.

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
    let heights: HashMap<u32, f64> = file.pages.iter().map(|p| (p.number, p.height)).collect();
    let by_shape = file
        .report
        .ocr
        .as_ref()
        .map_or(&[][..], |o| o.by_shape.as_slice());
    // The signs read from their shape on the line at `p`: what Tesseract read there.
    let shapes_at = |p: &Provenance| -> Vec<String> {
        let (Some(line), Some(&height)) = (at(p), heights.get(&p.page)) else {
            return Vec::new();
        };
        by_shape
            .iter()
            .filter(|s| s.page == p.page && (height - s.y as f64 - line.y).abs() <= 2.0)
            .map(|s| crate::ingest::ocr::described(&s.tesseract))
            .collect()
    };
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
        // The section signs the finding rests on: at its places and its paragraph's head.
        let mut sign_places: Vec<Provenance> = vec![f.provenance.clone()];
        sign_places.extend(f.related.clone());
        sign_places.extend(f.paragraph.and_then(|n| {
            documents
                .iter()
                .filter(|d| d.title == f.document)
                .flat_map(|d| &d.paragraphs)
                .find(|p| p.number == n)
                .map(|p| p.provenance.clone())
        }));
        sign_places.sort();
        sign_places.dedup();
        let shape_note: Vec<String> = sign_places
            .iter()
            .filter_map(|p| {
                let read = shapes_at(p);
                (!read.is_empty()).then(|| {
                    format!(
                        "page {} line {} (Tesseract read {})",
                        p.page,
                        p.line,
                        read.join(", ")
                    )
                })
            })
            .collect();
        if let Some((_, conf)) = at(&f.provenance).and_then(|l| least_sure(l, f.figure.as_deref()))
        {
            f.provenance.ocr = Some(conf.round().clamp(0.0, 100.0) as u8);
        }
        // Only a relation between figures can fail through a misread figure.
        let arithmetic = f.expected.is_some() || f.found.is_some();
        match worst {
            // A § said to be missing may be one OCR did not read.
            _ if f.absence && f.severity > Severity::Info => {
                f.message = format!(
                    "not decided (page read by OCR): {}; a § sign OCR did not read would \
                     explain it",
                    f.message
                );
                f.severity = Severity::Info;
            }
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
        if !shape_note.is_empty() {
            f.message = format!(
                "{}; \"§\" read from its shape at {}",
                f.message,
                shape_note.join(", ")
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::registry::RuleCode;
    use crate::ingest::ocr::{OcrReport, ShapeReading};
    use crate::layout::{Page, Span};
    use std::sync::Arc;

    /// A page read by OCR with one line, "§ 4 Budget" at baseline 100 pt from the top,
    /// whose "§" was read from its shape where Tesseract read "8".
    fn file() -> LaidOutFile {
        let path: Arc<str> = Arc::from("scan.pdf");
        LaidOutFile {
            path,
            kind: crate::ingest::SourceKind::Pdf,
            pages: vec![Page {
                number: 1,
                width: 595.0,
                height: 842.0,
                lines: vec![Line {
                    number: 3,
                    y: 100.0,
                    text: "§ 4 Budget".into(),
                    spans: vec![Span {
                        text: "§ 4 Budget".into(),
                        x0: 60.0,
                        x1: 140.0,
                        font_size: 11.0,
                        ocr: Some(95.0),
                    }],
                    furniture: false,
                }],
            }],
            report: crate::ingest::ReadReport {
                ocr: Some(OcrReport {
                    pages: vec![1],
                    by_shape: vec![ShapeReading {
                        page: 1,
                        x: 60,
                        y: 742,
                        text: "§".into(),
                        tesseract: "8".into(),
                        tesseract_conf: 70,
                    }],
                    ..OcrReport::default()
                }),
                ..Default::default()
            },
        }
    }

    fn finding(rule: RuleCode, absence: bool) -> Finding {
        Finding {
            absence,
            ..Finding::new(
                rule,
                Severity::Error,
                "§ 4 \"Budget\" is listed but not in the body".into(),
                Provenance::new(&Arc::from("scan.pdf"), 1, 3),
            )
        }
    }

    #[test]
    fn a_missing_section_on_an_ocr_page_is_not_decided() {
        let mut findings = vec![finding(RuleCode::FORM002, true)];
        qualify(&file(), &[], &mut findings);
        assert_eq!(findings[0].severity, Severity::Info);
        assert!(
            findings[0]
                .message
                .starts_with("not decided (page read by OCR): § 4"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn a_finding_on_a_sign_read_from_its_shape_says_so() {
        let mut findings = vec![finding(RuleCode::FORM007, false)];
        qualify(&file(), &[], &mut findings);
        // Not a relation, not an absence: the error stands, saying how "§" was read.
        assert_eq!(findings[0].severity, Severity::Error);
        assert!(
            findings[0].message.ends_with(
                "(page read by OCR, figures read with confidence 95 % or more); \"§\" read \
                 from its shape at page 1 line 3 (Tesseract read \"8\")"
            ),
            "{}",
            findings[0].message
        );
    }
}
