//! What a file is, from its extension and first bytes, and what a wrong file looks like,
//! so a user who fed a Word file or a web page named `.pdf` is told so in one line.

use super::{FailureReason, SourceKind};
use std::path::Path;

/// How far into a file a PDF header may sit: junk before `%PDF-` happens (mail gateways,
/// HTTP headers saved with the file) and the repair work reads past it.
const HEADER_WINDOW: usize = 64 * 1024;

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

fn find(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

pub fn has_pdf_header(bytes: &[u8]) -> bool {
    find(&bytes[..bytes.len().min(HEADER_WINDOW)], b"%PDF-")
}

fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Decides how to read a file, or why it cannot be read at all.
pub fn source_kind(path: &Path, bytes: &[u8]) -> Result<SourceKind, FailureReason> {
    let ext = extension(path);
    match ext.as_deref() {
        Some("pdf") => {
            // A PDF that lost its header still has objects: the loader rebuilds it.
            if has_pdf_header(bytes) || super::load::looks_like_headerless_pdf(bytes) {
                Ok(SourceKind::Pdf)
            } else {
                Err(FailureReason::NotPdf(format!(
                    "looks like {}",
                    describe(bytes)
                )))
            }
        }
        Some("docx") => {
            if is_zip(bytes) {
                Ok(SourceKind::Docx)
            } else {
                Err(FailureReason::Unsupported(format!(
                    "not a Word .docx file: looks like {}",
                    describe(bytes)
                )))
            }
        }
        _ => {
            // Text by extension, or any file named explicitly: trust the bytes.
            if bytes.starts_with(b"%PDF-") {
                Ok(SourceKind::Pdf)
            } else if is_zip(bytes) && memchr::memmem::find(bytes, b"word/document.xml").is_some() {
                // A Word document under another name (e.g. from a mail gateway).
                Ok(SourceKind::Docx)
            } else if looks_like_text(bytes) {
                Ok(SourceKind::Text)
            } else {
                Err(FailureReason::Unsupported(format!(
                    "not text: looks like {}",
                    describe(bytes)
                )))
            }
        }
    }
}

/// Text if it has no NUL bytes and decodes as UTF-8 or is mostly printable Latin-1.
fn looks_like_text(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(HEADER_WINDOW)];
    if head.contains(&0) {
        return false;
    }
    if std::str::from_utf8(head).is_ok() {
        return true;
    }
    // A cut in the middle of a UTF-8 sequence at the window's end is still UTF-8.
    if let Err(e) = std::str::from_utf8(head) {
        if e.error_len().is_none() {
            return true;
        }
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    control * 100 < head.len().max(1)
}

/// A short description of what the bytes are, for "not a PDF: looks like …".
pub fn describe(bytes: &[u8]) -> String {
    let head = &bytes[..bytes.len().min(HEADER_WINDOW)];
    let trimmed = trim_start(head);
    let lower: Vec<u8> = trimmed
        .iter()
        .take(512)
        .map(u8::to_ascii_lowercase)
        .collect();
    let magic: &[(&[u8], &str)] = &[
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"II*\x00", "a TIFF image (a scan?)"),
        (b"MM\x00*", "a TIFF image (a scan?)"),
        (b"\xd0\xcf\x11\xe0", "an old Office document (.doc/.xls)"),
        (b"{\\rtf", "an RTF document"),
        (b"%!PS", "a PostScript file"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"Rar!", "a RAR archive"),
        (b"7z\xbc\xaf", "a 7-Zip archive"),
    ];
    for (m, what) in magic {
        if head.starts_with(m) {
            return (*what).to_string();
        }
    }
    if is_zip(head) {
        return if find(head, b"word/") {
            "a Word document (.docx)".to_string()
        } else if find(head, b"xl/") {
            "an Excel workbook (.xlsx)".to_string()
        } else if find(head, b"ppt/") {
            "a PowerPoint file (.pptx)".to_string()
        } else if find(head, b"mimetypeapplication/vnd.oasis") {
            "an OpenDocument file".to_string()
        } else {
            "a ZIP archive".to_string()
        };
    }
    if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") || find(&lower, b"<html")
    {
        return "an HTML page".to_string();
    }
    if lower.starts_with(b"<?xml") {
        return "an XML file".to_string();
    }
    if (lower.starts_with(b"{") || lower.starts_with(b"[")) && std::str::from_utf8(head).is_ok() {
        return "JSON or other text".to_string();
    }
    if looks_like_text(head) {
        let text = decode_text(&head[..head.len().min(200)]);
        let words: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if words.is_empty() {
            return "blank text (only whitespace)".to_string();
        }
        let preview: String = words.chars().take(40).collect();
        let more = if words.chars().count() > 40 {
            "…"
        } else {
            ""
        };
        return format!("plain text (\"{preview}{more}\")");
    }
    "unrecognised binary data".to_string()
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

/// Text bytes to a string: UTF-8 (BOM dropped) or, failing that, Windows-1252, the
/// encoding older Swedish archive exports use.
pub fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) if e.error_len().is_none() && e.valid_up_to() + 4 > bytes.len() => {
            // Only a sequence cut at the end: keep what is valid.
            String::from_utf8_lossy(bytes).into_owned()
        }
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_common_wrong_files() {
        assert_eq!(
            describe(b"PK\x03\x04....word/document.xml"),
            "a Word document (.docx)"
        );
        assert_eq!(describe(b"\n<!DOCTYPE html><html>"), "an HTML page");
        assert_eq!(describe(b"\x89PNG\r\n"), "a PNG image");
        assert_eq!(
            describe("Protokoll fört vid sammanträde".as_bytes()),
            "plain text (\"Protokoll fört vid sammanträde\")"
        );
    }

    #[test]
    fn pdf_extension_needs_a_header() {
        let p = Path::new("x.pdf");
        assert_eq!(source_kind(p, b"%PDF-1.7\n"), Ok(SourceKind::Pdf));
        assert!(matches!(
            source_kind(p, b"hello"),
            Err(FailureReason::NotPdf(m)) if m.contains("plain text")
        ));
    }

    #[test]
    fn latin1_text_is_decoded() {
        assert_eq!(
            decode_text(b"\xc4rende \x96 f\xf6rslag"),
            "Ärende – förslag"
        );
        assert_eq!(decode_text("Ärende".as_bytes()), "Ärende");
    }
}
