//! One file through every stage: ingest → layout → tables → parse → check.

use crate::check::finding::{Finding, Stats};
use crate::document::Document;
use crate::grammar::vocab::{Grammars, Vocabulary};
use crate::ingest::{IngestError, IngestOptions, ReadReport};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::Arc;

/// One file after every stage: what was read, the documents parsed from it, and the
/// findings the checks made.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckedFile {
    pub path: Arc<str>,
    pub report: ReadReport,
    pub pages: u32,
    pub documents: Vec<Document>,
    pub findings: Vec<Finding>,
    pub stats: Stats,
}

/// One file's outcome and the SHA-256 of the very bytes that were processed (none when
/// the file could not be read): a cache entry keyed by it can never pair one version's
/// hash with another version's findings, whatever happens to the file meanwhile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HashedOutcome {
    pub sha256: Option<String>,
    pub result: Result<CheckedFile, IngestError>,
}

/// One file through every stage in this process, its words read with `vocab`.
pub fn process_file(
    path: &Path,
    opts: &IngestOptions,
    vocab: &Vocabulary,
) -> Result<CheckedFile, IngestError> {
    process_file_hashed(path, opts, vocab).result
}

/// [`process_file`], reading the file once and hashing the bytes it processes.
pub fn process_file_hashed(path: &Path, opts: &IngestOptions, vocab: &Vocabulary) -> HashedOutcome {
    let bytes = match crate::ingest::read_input(path) {
        Ok(bytes) => bytes,
        Err(reason) => {
            return HashedOutcome {
                sha256: None,
                result: Err(IngestError::new(path, reason)),
            }
        }
    };
    HashedOutcome {
        sha256: Some(crate::ingest::hash_bytes(&bytes)),
        result: process_bytes(path, &bytes, opts, vocab),
    }
}

/// [`process_file`] on bytes in memory; `path` names them (its extension counts).
pub fn process_bytes(
    path: &Path,
    bytes: &[u8],
    opts: &IngestOptions,
    vocab: &Vocabulary,
) -> Result<CheckedFile, IngestError> {
    // Reading and laying out need no regex: meanwhile the regexes that the parsers and
    // rules need for nearly every record compile on another core (once per process).
    crate::grammar::re::warm_in_background(warm_regexes);
    let ingested = crate::ingest::ingest_bytes(path, bytes, opts)?;
    let mut laid_out = crate::layout::lay_out(ingested);
    let rewritten = crate::layout::read_english_figures(&mut laid_out, vocab);
    // Tables and segmentation read the same laid-out text and need nothing of each
    // other: inside the audit's thread pool they run side by side (a long text is one
    // page, so each is otherwise one long serial stretch).
    let (tables, segmented) = crate::parse::join_in_pool(
        || crate::table::extract(&laid_out, vocab),
        || crate::parse::segment_file(&laid_out, vocab),
    );
    let mut documents = crate::parse::parse_segments(&laid_out, segmented, tables, vocab);
    let (mut findings, mut stats) = crate::check::check_documents(&documents, vocab);
    crate::check::ocr::qualify(&laid_out, &documents, &mut findings);
    quote_as_written(&rewritten, &mut documents, &mut findings);
    stats.files = 1;
    Ok(CheckedFile {
        path: laid_out.path.clone(),
        report: laid_out.report.clone(),
        pages: laid_out.pages.len() as u32,
        documents,
        findings,
        stats,
    })
}

/// Findings and source lines on a page whose English figures were rewritten for reading
/// (see [`crate::layout::read_english_figures`]) quote the page as written: the line's
/// text, the figure ("19,210", not "19 210") and its span. The rules read the rewritten
/// text; a revisor searches the document for what it prints.
fn quote_as_written(
    rewritten: &[crate::layout::RewrittenLine],
    documents: &mut [Document],
    findings: &mut [Finding],
) {
    if rewritten.is_empty() {
        return;
    }
    let by_place: std::collections::HashMap<(u32, u32), &crate::layout::RewrittenLine> =
        rewritten.iter().map(|r| ((r.page, r.line), r)).collect();
    for line in documents.iter_mut().flat_map(|d| d.lines.iter_mut()) {
        let place = (line.provenance.page, line.provenance.line);
        if let Some(r) = by_place.get(&place) {
            // Only a line read exactly as laid out is replaced (a line a parser joined or
            // trimmed keeps its own text).
            if line.text == r.read {
                line.text = r.written.clone();
            }
        }
    }
    for f in findings {
        let Some(r) = by_place.get(&(f.provenance.page, f.provenance.line)) else {
            continue;
        };
        if let Some(figure) = &f.figure {
            if let Some(written) = figure_as_written(r, figure, f.provenance.span) {
                f.figure = Some(written);
            }
        }
        f.provenance.span = f.provenance.span.and_then(|s| span_as_written(r, s));
    }
}

/// Byte offset `at` of `read` as a byte offset of `written`: the same character.
fn written_offset(r: &crate::layout::RewrittenLine, at: usize) -> Option<usize> {
    let chars = r.read.get(..at)?.chars().count();
    r.written
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(r.written.len()))
        .nth(chars)
}

fn span_as_written(
    r: &crate::layout::RewrittenLine,
    span: crate::LineSpan,
) -> Option<crate::LineSpan> {
    let lead = r.read.len() - r.read.trim_start().len();
    let start = lead + span.start as usize;
    let end = start + span.len as usize;
    let (ws, we) = (written_offset(r, start)?, written_offset(r, end)?);
    crate::LineSpan::in_line(&r.written, ws, we)
}

/// The figure as the page wrote it: found in the read line (inside its span when it has
/// one), the same characters of the written line.
fn figure_as_written(
    r: &crate::layout::RewrittenLine,
    figure: &str,
    span: Option<crate::LineSpan>,
) -> Option<String> {
    let lead = r.read.len() - r.read.trim_start().len();
    let from = span.map_or(0, |s| lead + s.start as usize);
    let start = from + r.read.get(from..)?.find(figure)?;
    let end = start + figure.len();
    let (ws, we) = (written_offset(r, start)?, written_offset(r, end)?);
    Some(r.written.get(ws..we)?.to_string())
}

/// The regexes worth compiling ahead: see [`crate::parse::regexes`] and
/// [`crate::check::rules::regexes`].
pub(crate) fn warm_regexes() -> Vec<&'static crate::grammar::re::Re> {
    let mut all = crate::parse::regexes();
    all.extend(crate::check::rules::regexes());
    all
}

/// Reads one file, running PDF extraction in an isolated worker process when
/// `opts.isolate` is set, so a crash or hang in the PDF reader costs only this file.
/// Text files are read in-process. Without a `justera` binary to run (unit-test
/// harnesses, unless `JUSTERA_WORKER_EXE` names one) PDFs are read in-process too.
pub fn ingest_file_isolated(
    path: &Path,
    opts: &IngestOptions,
) -> Result<crate::ingest::IngestedFile, IngestError> {
    if opts.isolate && crate::worker::is_pdf_input(path) {
        if let Some(exe) = crate::worker::worker_exe() {
            return crate::worker::read_isolated(&exe, path, opts);
        }
    }
    crate::ingest::ingest_file(path, opts)
}

/// [`process_file`] in an isolated worker process when `opts.isolate` is set and a
/// `justera` binary is at hand (the audit's way: every stage of every file is then under
/// the time and memory limits), else in this process. The worker reads with the same
/// grammars (`--grammars DIR`).
pub fn process_file_isolated(
    path: &Path,
    opts: &IngestOptions,
    grammars: &Grammars,
) -> Result<CheckedFile, IngestError> {
    process_file_isolated_hashed(path, opts, grammars).result
}

/// [`process_file_isolated`] with the SHA-256 of the bytes processed.
pub fn process_file_isolated_hashed(
    path: &Path,
    opts: &IngestOptions,
    grammars: &Grammars,
) -> HashedOutcome {
    if opts.isolate {
        if let Some(exe) = crate::worker::worker_exe() {
            return crate::worker::process_isolated_hashed(&exe, path, opts, grammars);
        }
    }
    process_file_hashed(path, opts, &grammars.vocab)
}

/// The whole pipeline on arbitrary bytes read as a text file, in this process: the body
/// of the `pipeline_text` fuzz target. It may fail; it must not panic or hang. The fuzz
/// targets read with the built-in vocabulary.
pub fn fuzz_text(data: &[u8]) {
    let _ = process_bytes(
        Path::new("fuzz.txt"),
        data,
        &fuzz_options(),
        Vocabulary::builtin_shared(),
    );
}

/// The whole pipeline on arbitrary bytes read as a Word document (the `pipeline_docx`
/// fuzz target).
pub fn fuzz_docx(data: &[u8]) {
    let _ = process_bytes(
        Path::new("fuzz.docx"),
        data,
        &fuzz_options(),
        Vocabulary::builtin_shared(),
    );
}

fn fuzz_options() -> IngestOptions {
    IngestOptions {
        isolate: false,
        ..IngestOptions::default()
    }
}

#[cfg(test)]
mod tests {
    use crate::grammar::re::{tight_ahead_source, TIGHT_AHEAD_SOURCE};

    /// An English page is read with its figures rewritten the Nordic way, but its
    /// findings and source lines quote the page as written.
    #[test]
    fn findings_on_an_english_page_quote_its_figures_as_written() {
        let text = "Population by region, 1 January 2020\n\
The population of the county grew during the year, according to the statistics office and the figures below.\n\
\n\
Region | Population | Men | Women\n\
North | 12,345 | 6,100 | 6,245\n\
South | 23,456 | 11,700 | 11,756\n\
West | 4,210 | 2,100 | 2,110\n\
Total | 40,111 | 19,900 | 20,111\n";
        let vocab = crate::grammar::vocab::Vocabulary::builtin_shared();
        let checked = super::process_bytes(
            std::path::Path::new("pop-en.txt"),
            text.as_bytes(),
            &crate::ingest::IngestOptions::default(),
            vocab,
        )
        .expect("a text file is read");
        let sum = checked
            .findings
            .iter()
            .find(|f| f.rule == crate::check::registry::RuleCode::SUM001)
            .expect("the Total row's failing column is found");
        assert_eq!(sum.found, Some(rust_decimal::Decimal::from(40111)));
        assert_eq!(sum.figure.as_deref(), Some("40,111"));
        let line = checked.documents[0]
            .lines
            .iter()
            .find(|l| l.provenance.line == sum.provenance.line)
            .expect("the finding's line is a source line");
        assert_eq!(line.text, "Total | 40,111 | 19,900 | 20,111");
        let span = sum
            .provenance
            .span
            .expect("a table cell's finding has a span");
        let start = span.start as usize;
        assert_eq!(&line.text[start..start + span.len as usize], "40,111");
    }

    /// `src/grammar/re_tight.rs` holds the tight pattern of every regex compiled ahead;
    /// when the list or a pattern changed, it is written anew (review and commit it).
    #[test]
    fn tight_patterns_ahead_are_current() {
        let text = tight_ahead_source(&super::warm_regexes());
        if text != TIGHT_AHEAD_SOURCE {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/grammar/re_tight.rs");
            std::fs::write(path, &text).expect("write re_tight.rs");
            panic!("{path} was not current: written anew, review and commit it");
        }
    }
}
