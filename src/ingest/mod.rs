//! Stage 1: bytes → pages. A PDF becomes pages of positioned glyphs; a text file becomes
//! pages of lines. Nothing here interprets the text.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What kind of source a file is, decided from its extension and its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Pdf,
    Text,
    Docx,
}

/// One glyph as the PDF draws it, in PDF user space of its page measured from the media
/// box's lower-left corner (y grows upwards). `x`, `y` is the glyph origin on the
/// baseline; `advance` the horizontal distance to the next glyph's origin; `font_size` the
/// rendered size.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Glyph {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub advance: f64,
    pub font_size: f64,
    /// Which shown string (one `Tj` or one string of a `TJ` array) the glyph belongs to,
    /// counted per page. A string's first origin is reliable; positions inside it may
    /// drift when the font's widths are wrong, so layout keeps a string's glyphs together.
    #[serde(default)]
    pub string: u32,
    /// Read by OCR: the word's Tesseract confidence in percent (None: from a text layer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr: Option<f32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum RawContent {
    /// From a PDF: glyphs in drawing order.
    Glyphs(Vec<Glyph>),
    /// From a text file (or a Word paragraph stream): lines as written.
    Text(Vec<String>),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RawPage {
    /// 1-based page number in the file.
    pub number: u32,
    pub width: f64,
    pub height: f64,
    pub content: RawContent,
}

/// A page that could not be read, and why; the rest of the file is kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageLoss {
    pub page: u32,
    pub reason: String,
}

/// What happened while reading one file, reported by every command.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadReport {
    pub pages_total: u32,
    pub pages_read: u32,
    pub pages_lost: Vec<PageLoss>,
    /// The cross-reference table was rebuilt by scanning for objects.
    pub repaired: bool,
    /// The file was encrypted and opened (with the empty or a given password).
    pub decrypted: bool,
    /// Things the reader could not fix but the user should know (unreliable geometry …).
    pub warnings: Vec<String>,
    /// Pages read by OCR (scanned), with the engine and its confidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr: Option<ocr::OcrReport>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IngestedFile {
    pub path: Arc<str>,
    pub kind: SourceKind,
    pub pages: Vec<RawPage>,
    pub report: ReadReport,
}

/// Why a whole file could not be read. Each variant renders as one line of plain words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "reason", content = "detail", rename_all = "kebab-case")]
pub enum FailureReason {
    #[error("cannot read file: {0}")]
    Io(String),
    #[error("empty file (0 bytes)")]
    Empty,
    #[error("not a PDF: {0}")]
    NotPdf(String),
    #[error("damaged PDF: {0}")]
    Damaged(String),
    /// A .docx that is not a readable ZIP of WordprocessingML (or its XML is broken).
    #[error("damaged Word document: {0}")]
    DamagedDocx(String),
    #[error("encrypted: {0}")]
    Encrypted(String),
    #[error("no text layer ({pages} pages, 0 characters): probably scanned")]
    NoTextLayer { pages: u32 },
    /// No text layer and no OCR engine to read it: the message says what to install.
    #[error("{0}")]
    Scanned(String),
    #[error("text not decodable: {0}")]
    NotDecodable(String),
    #[error("no pages: {0}")]
    NoPages(String),
    #[error("too large: {0}")]
    TooLarge(String),
    #[error("timed out after {0} s")]
    TimedOut(u64),
    #[error("reader crashed: {0}")]
    Crashed(String),
    #[error("unsupported input: {0}")]
    Unsupported(String),
}

impl FailureReason {
    /// Short stable name, used to count failures by reason in summaries.
    pub fn code(&self) -> &'static str {
        match self {
            FailureReason::Io(_) => "io",
            FailureReason::Empty => "empty",
            FailureReason::NotPdf(_) => "not-pdf",
            FailureReason::Damaged(_) => "damaged",
            FailureReason::DamagedDocx(_) => "damaged-docx",
            FailureReason::Encrypted(_) => "encrypted",
            FailureReason::NoTextLayer { .. } => "no-text-layer",
            FailureReason::Scanned(_) => "scanned",
            FailureReason::NotDecodable(_) => "not-decodable",
            FailureReason::NoPages(_) => "no-pages",
            FailureReason::TooLarge(_) => "too-large",
            FailureReason::TimedOut(_) => "timed-out",
            FailureReason::Crashed(_) => "crashed",
            FailureReason::Unsupported(_) => "unsupported",
        }
    }
}

/// A file that could not be read: renders as `path: reason`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct IngestError {
    pub path: String,
    pub reason: FailureReason,
}

impl IngestError {
    pub fn new(path: &Path, reason: FailureReason) -> Self {
        IngestError {
            path: path.display().to_string(),
            reason,
        }
    }
}

/// How files are read. `isolate` runs PDF extraction in a worker process.
#[derive(Clone, Debug)]
pub struct IngestOptions {
    pub timeout_secs: u64,
    pub passwords: Vec<String>,
    pub isolate: bool,
    /// Address-space ceiling for a PDF worker process, in MiB (0: no ceiling).
    pub memory_limit_mb: u64,
    /// Per-file passwords from `--password-file`: (file name or path glob, password).
    pub password_rules: Vec<(String, String)>,
    /// Scanned pages: when to OCR and in which language.
    pub ocr: ocr::OcrOptions,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            timeout_secs: 60,
            passwords: Vec::new(),
            isolate: true,
            memory_limit_mb: 4096,
            password_rules: Vec::new(),
            ocr: ocr::OcrOptions::default(),
        }
    }
}

/// Expands the command line's paths: files as given, directories recursively in sorted
/// order keeping only `.pdf`, `.txt`, `.md` (and `.docx`) files. Symbolic links are
/// followed, but every real folder is walked once (a visited set of device and inode),
/// so a link back to `.` neither loops nor reads a file twice. Entries that are not
/// regular files (FIFOs, devices, sockets) are kept: reading them fails with the reason
/// ([`open_input`]) so they are reported, never silently dropped and never blocked on.
/// A folder that cannot be listed is reported on stderr.
pub fn collect_inputs(paths: &[PathBuf]) -> Vec<PathBuf> {
    collect_inputs_reporting(paths).0
}

/// A file found in a directory that justera does not read, with the reason, so that a
/// run can list it instead of passing over it in silence.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SkippedFile {
    pub file: String,
    pub reason: String,
}

/// [`collect_inputs`], and the files of the directories it did not take, with the reason
/// (hidden files, such as `.DS_Store` or a report's `.cache`, are passed over).
pub fn collect_inputs_reporting(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<SkippedFile>) {
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    let mut visited = std::collections::HashSet::new();
    for p in paths {
        if p.is_dir() {
            walk_dir(p, &mut visited, &mut out, &mut skipped);
        } else {
            out.push(p.clone());
        }
    }
    (out, skipped)
}

/// A folder's identity, for the visited set (device and inode on Unix).
fn dir_id(meta: &std::fs::Metadata) -> (u64, u64) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        (meta.dev(), meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        (0, 0)
    }
}

fn walk_dir(
    root: &Path,
    visited: &mut std::collections::HashSet<(u64, u64)>,
    out: &mut Vec<PathBuf>,
    skipped: &mut Vec<SkippedFile>,
) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if !e.file_type().is_dir() {
                return true;
            }
            // Without an identity (not Unix) walkdir's own loop check still applies.
            match e.metadata() {
                Ok(meta) if cfg!(unix) => visited.insert(dir_id(&meta)),
                _ => true,
            }
        });
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_dir() => {}
            Ok(e) => {
                if has_input_extension(e.path()) {
                    out.push(e.into_path());
                } else if !e.file_name().to_string_lossy().starts_with('.') {
                    skipped.push(SkippedFile {
                        file: e.path().display().to_string(),
                        reason: unsupported_reason(e.path()),
                    });
                }
            }
            // A link back to a folder on the way here: its files are read there.
            Err(e) if e.loop_ancestor().is_some() => {}
            Err(e) => {
                let path = e.path().map(|p| p.display().to_string());
                eprintln!(
                    "warning: {}: not read: {}",
                    path.as_deref().unwrap_or("?"),
                    e.io_error()
                        .map_or_else(|| e.to_string(), |io| io.to_string())
                );
            }
        }
    }
}

/// Opens an input for reading without ever blocking: a FIFO, a device or a socket (also
/// behind a link, e.g. to `/dev/zero`) is refused with the reason, checked on the open
/// descriptor so a file swapped for a FIFO after a check cannot block the read either.
pub fn open_input(path: &Path) -> Result<std::fs::File, FailureReason> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Opening a FIFO for reading waits for a writer unless non-blocking.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options
        .open(path)
        .map_err(|e| FailureReason::Io(e.to_string()))?;
    let meta = file
        .metadata()
        .map_err(|e| FailureReason::Io(e.to_string()))?;
    if meta.is_file() {
        return Ok(file);
    }
    Err(FailureReason::Unsupported(format!(
        "{}, not a regular file; skipped",
        file_type_name(&meta.file_type())
    )))
}

fn file_type_name(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

/// The whole content of an input, read through [`open_input`].
pub fn read_input(path: &Path) -> Result<Vec<u8>, FailureReason> {
    use std::io::Read;
    let mut file = open_input(path)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)
        .map_err(|e| FailureReason::Io(e.to_string()))?;
    Ok(bytes)
}

/// Whether the file is, by its extension, a document in a format justera does not read
/// (word processor, spreadsheet, presentation, image, web page, mail), as opposed to data
/// or metadata beside the documents.
pub fn is_document_format(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    matches!(
        ext.as_deref(),
        Some(
            "doc"
                | "rtf"
                | "odt"
                | "wpd"
                | "pages"
                | "xls"
                | "xlsx"
                | "ods"
                | "ppt"
                | "pptx"
                | "odp"
                | "jpg"
                | "jpeg"
                | "png"
                | "tif"
                | "tiff"
                | "gif"
                | "bmp"
                | "htm"
                | "html"
                | "eml"
                | "msg"
        )
    )
}

/// Why a file of this kind is not read, in one line.
pub fn unsupported_reason(path: &Path) -> String {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some(e @ ("doc" | "rtf" | "odt" | "wpd" | "pages")) => {
            format!("unsupported format (.{e}): save it as .docx or PDF to have it read")
        }
        Some(e @ ("xls" | "xlsx" | "ods" | "csv")) => {
            format!("unsupported format (.{e}): spreadsheets are not read; export it as PDF")
        }
        Some(e @ ("ppt" | "pptx" | "odp")) => {
            format!("unsupported format (.{e}): presentations are not read; export it as PDF")
        }
        Some(e @ ("jpg" | "jpeg" | "png" | "tif" | "tiff" | "gif" | "bmp")) => {
            format!("unsupported format (.{e}): an image has no text to read; OCR it to PDF")
        }
        Some(e @ ("htm" | "html" | "xml" | "eml" | "msg")) => {
            format!("unsupported format (.{e}): save it as PDF or text to have it read")
        }
        Some(e) => format!("unsupported format (.{e}): justera reads .pdf, .txt, .md and .docx"),
        None => "no file extension: justera reads .pdf, .txt, .md and .docx".to_string(),
    }
}

pub fn has_input_extension(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref(),
        Some("pdf" | "txt" | "md" | "docx")
    )
}

mod batch;
mod cmaps;
mod content;
mod dictkeys;
pub mod docx;
mod fields;
mod inflate;
pub mod load;
mod nesting;
pub mod ocr;
pub mod operands;
mod paths;
pub mod pdf;
pub mod repair;
pub mod sanitize;
mod sniff;
mod tolerant;

/// Reads one file in this process: the extension and first bytes decide how.
pub fn read_file(path: &Path, opts: &IngestOptions) -> Result<IngestedFile, IngestError> {
    let bytes = read_input(path).map_err(|reason| IngestError::new(path, reason))?;
    read_bytes(path, &bytes, opts)
}

/// Reads a file's bytes already in memory; `path` names it and its extension counts.
pub fn read_bytes(
    path: &Path,
    bytes: &[u8],
    opts: &IngestOptions,
) -> Result<IngestedFile, IngestError> {
    let fail = |reason| IngestError::new(path, reason);
    if bytes.is_empty() {
        return Err(fail(FailureReason::Empty));
    }
    match sniff::source_kind(path, bytes).map_err(fail)? {
        SourceKind::Pdf => read_pdf(path, bytes, opts).map_err(fail),
        SourceKind::Text => Ok(read_text(path, bytes)),
        SourceKind::Docx => docx::read_docx(path, bytes),
    }
}

fn read_pdf(
    path: &Path,
    bytes: &[u8],
    opts: &IngestOptions,
) -> Result<IngestedFile, FailureReason> {
    let mut loaded = load::load_pdf(bytes, &opts.passwords)?;
    let mut report = ReadReport {
        repaired: loaded.repaired,
        decrypted: loaded.decrypted,
        warnings: loaded.notes.clone(),
        ..ReadReport::default()
    };
    // Content fixes are best effort: if they fail the pages are read as they are.
    let fixes = pdf::quietly(|| content::prepare(&mut loaded.doc)).unwrap_or_default();
    if fixes.cycles_cut > 0 {
        report.warnings.push(format!(
            "{} form XObject calls that would draw themselves forever were skipped",
            fixes.cycles_cut
        ));
    }
    let before = report.clone();
    // TrueType programs pdf-extract would inflate only to throw away.
    pdf::quietly(|| sanitize::drop_unread_font_programs(&mut loaded.doc)).unwrap_or_default();
    // Path operations, and the operations pdf-extract ignores, left out of what it reads
    // (the glyphs are the same).
    let stripped = pdf::quietly(|| paths::strip(&mut loaded.doc)).unwrap_or_default();
    let mut extracted = pdf::extract_pages(&mut loaded.doc, &mut report);
    // Pages that failed or a file without text: inflate damaged streams again and retry
    // (on the streams as they were).
    if extracted.is_err() || !report.pages_lost.is_empty() {
        paths::restore(&mut loaded.doc, stripped);
        std::mem::take(&mut loaded.inflated).restore(&mut loaded.doc);
        let replaced = inflate::recover_flate_streams(&mut loaded.doc);
        if replaced > 0 {
            let mut retry_report = before;
            let retry = pdf::extract_pages(&mut loaded.doc, &mut retry_report);
            let better = match (&extracted, &retry) {
                (Err(_), Ok(_)) => true,
                (Ok(_), Ok(_)) => retry_report.pages_lost.len() < report.pages_lost.len(),
                _ => false,
            };
            if better {
                retry_report.warnings.push(format!(
                    "{replaced} damaged compressed streams inflated again, more of them recovered"
                ));
                extracted = retry;
                report = retry_report;
            }
        }
    }
    // Scanned pages (no text layer, or undecodable text) go to OCR.
    let pages = ocr::fill(
        bytes,
        loaded.doc.get_pages().len(),
        extracted,
        &mut report,
        &opts.ocr,
        opts.passwords
            .iter()
            .find(|p| !p.is_empty())
            .map(String::as_str),
        opts.timeout_secs,
    )?;
    Ok(IngestedFile {
        path: Arc::from(path.display().to_string()),
        kind: SourceKind::Pdf,
        pages,
        report,
    })
}

/// Already-extracted text: pages split at form feed, lines as written.
fn read_text(path: &Path, bytes: &[u8]) -> IngestedFile {
    let text = sniff::decode_text(bytes);
    let mut chunks: Vec<&str> = text.split('\u{c}').collect();
    // A trailing form feed ends the last page; it does not start an empty one.
    if chunks.len() > 1 && chunks.last().is_some_and(|c| c.trim().is_empty()) {
        chunks.pop();
    }
    let pages: Vec<RawPage> = chunks
        .into_iter()
        .enumerate()
        .map(|(i, p)| RawPage {
            number: i as u32 + 1,
            width: 0.0,
            height: 0.0,
            content: RawContent::Text(p.lines().map(str::to_string).collect()),
        })
        .collect();
    let n = pages.len() as u32;
    IngestedFile {
        path: Arc::from(path.display().to_string()),
        kind: SourceKind::Text,
        pages,
        report: ReadReport {
            pages_total: n,
            pages_read: n,
            ..ReadReport::default()
        },
    }
}

/// Reads one file in this process (the worker's way; `pipeline::ingest_file_isolated`
/// runs it in a worker process instead).
pub fn ingest_file(path: &Path, opts: &IngestOptions) -> Result<IngestedFile, IngestError> {
    let bytes = read_input(path).map_err(|reason| IngestError::new(path, reason))?;
    ingest_bytes(path, &bytes, opts)
}

/// [`ingest_file`] on bytes already read (the caller hashed them).
pub fn ingest_bytes(
    path: &Path,
    bytes: &[u8],
    opts: &IngestOptions,
) -> Result<IngestedFile, IngestError> {
    let per_file = IngestOptions {
        passwords: opts.passwords_for(path),
        ..opts.clone()
    };
    read_bytes(path, bytes, &per_file)
}

/// The SHA-256 of `bytes` in lowercase hex: the identity of a file's content (the
/// audit's cache keys, the worker's record of the bytes it processed).
pub fn hash_bytes(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
