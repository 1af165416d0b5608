//! Loading a PDF's object graph: header sniffing, cross-reference repair, decryption,
//! and the few structural fix-ups that keep the page reader from losing whole files
//! (a page tree lopdf cannot walk, pages without a /MediaBox, /Parent cycles).
//!
//! Order of attempts: lopdf on the bytes as they are (it skips junk before `%PDF-` and
//! decrypts with the empty user password itself); then, when that fails or gives a
//! document with no pages or with page contents that did not load, lopdf on bytes
//! rebuilt by scanning for objects (`repair`), keeping whichever reads better.

use super::repair;
use super::{FailureReason, IngestOptions};
use pdf_extract::{Dictionary, Document, LoadOptions, Object, ObjectId};
use std::collections::HashSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

/// How far into a file junk before `%PDF-` is tolerated (mail gateways and saved HTTP
/// headers put it there); the same window as `sniff`.
const HEADER_WINDOW: usize = 64 * 1024;

pub struct LoadedPdf {
    pub doc: Document,
    /// The cross-reference table was rebuilt, or the page tree was.
    pub repaired: bool,
    /// The file was encrypted and opened with the empty or a given password.
    pub decrypted: bool,
    /// What was repaired or worked around, in plain words, for the read report.
    pub notes: Vec<String>,
    /// lopdf could not load the file as it is (its xref or trailer is unusable).
    pub xref_broken: bool,
    /// Page content streams stored inflated, to put back compressed before damaged
    /// streams are inflated again (see [`Inflated`]).
    pub(super) inflated: Inflated,
}

impl std::fmt::Debug for LoadedPdf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadedPdf")
            .field("objects", &self.doc.objects.len())
            .field("repaired", &self.repaired)
            .field("decrypted", &self.decrypted)
            .field("notes", &self.notes)
            .finish()
    }
}

/// Why one attempt to open the bytes failed.
enum OpenError {
    Damaged(String),
    NeedsPassword,
    Encryption(String),
}

pub fn load_pdf(bytes: &[u8], passwords: &[String]) -> Result<LoadedPdf, FailureReason> {
    load_any(bytes, passwords).and_then(require_pages)
}

fn load_any(bytes: &[u8], passwords: &[String]) -> Result<LoadedPdf, FailureReason> {
    if bytes.is_empty() {
        return Err(FailureReason::Empty);
    }
    let header = memchr::memmem::find(&bytes[..bytes.len().min(HEADER_WINDOW)], b"%PDF-");
    let body = match header {
        Some(at) => &bytes[at..],
        // No header: a PDF that lost it still has objects and a catalog; anything else
        // is named by what it looks like.
        None if looks_like_headerless_pdf(bytes) => bytes,
        None => return Err(FailureReason::NotPdf(describe_non_pdf(bytes))),
    };
    let mut notes = Vec::new();
    if header.is_some_and(|at| at > 0) {
        notes.push(format!(
            "{} bytes of junk before the PDF header skipped",
            header.unwrap_or(0)
        ));
    }
    // Arrays nested too deep for lopdf lose the object that holds them (a whole page):
    // blanked in place, as pdftotext skips them.
    let flattened = super::nesting::blank_deep_arrays(body);
    let body = match &flattened {
        Some((bytes, n)) => {
            notes.push(format!(
                "{n} arrays nested too deep to read left out (read as empty)"
            ));
            &bytes[..]
        }
        None => body,
    };

    let first = if header.is_some() {
        open(body, passwords)
    } else {
        Err(OpenError::Damaged("no %PDF- header".to_string()))
    };
    // Objects the cross-reference table names that did not load: a dictionary key that
    // is not a name fails the whole object in lopdf; poppler skips the key.
    let unkeyed = match &first {
        Ok((doc, _)) => without_bad_keys(doc, body),
        Err(_) => None,
    };
    let (first, body) = match (first, &unkeyed) {
        (Ok(opened), Some((fixed, n))) => match open(fixed, passwords) {
            Ok(better) if better.0.objects.len() > opened.0.objects.len() => {
                notes.push(format!(
                    "{n} dictionary keys that are not names left out (as poppler does)"
                ));
                (Ok(better), &fixed[..])
            }
            _ => (Ok(opened), body),
        },
        (first, _) => (first, body),
    };
    let first = match first {
        Ok(opened) => {
            let (health, inflated) = Health::of(&opened.0);
            if health.is_good() {
                return Ok(finish(opened, inflated, false, notes, false));
            }
            Some((opened, health, inflated))
        }
        Err(OpenError::NeedsPassword) => return Err(needs_password(passwords)),
        Err(OpenError::Encryption(e)) => return Err(FailureReason::Encrypted(e)),
        Err(OpenError::Damaged(e)) => {
            notes.push(format!("cross-reference data unusable ({e})"));
            None
        }
    };
    let xref_broken = first.is_none();

    let rebuilt = catch_unwind(|| repair::rebuild(body)).ok().flatten();
    let second = rebuilt.map(|r| (open(&r.bytes, passwords), r.objects));
    match (first, second) {
        (Some((opened, health, inflated)), Some((Ok(fixed), objects))) => {
            let (fixed_health, fixed_inflated) = Health::of(&fixed.0);
            if fixed_health.better_than(&health) {
                notes.push(format!(
                    "object table rebuilt by scanning ({objects} objects)"
                ));
                Ok(finish(fixed, fixed_inflated, true, notes, xref_broken))
            } else {
                Ok(finish(opened, inflated, false, notes, xref_broken))
            }
        }
        (Some((opened, _, inflated)), _) => Ok(finish(opened, inflated, false, notes, xref_broken)),
        (None, Some((Ok(fixed), objects))) => {
            notes.push(format!(
                "object table rebuilt by scanning ({objects} objects)"
            ));
            Ok(finish(fixed, Vec::new(), true, notes, xref_broken))
        }
        (None, Some((Err(OpenError::NeedsPassword), _))) => Err(needs_password(passwords)),
        (None, Some((Err(OpenError::Encryption(e)), _))) => Err(FailureReason::Encrypted(e)),
        (None, Some((Err(OpenError::Damaged(e)), _))) => Err(FailureReason::Damaged(format!(
            "cross-reference table broken and the rebuilt one does not load either ({e})"
        ))),
        (None, None) => Err(FailureReason::Damaged(
            "cross-reference table broken and no objects found to rebuild it".to_string(),
        )),
    }
}

/// The bytes with the non-name dictionary keys of the objects that failed to load
/// blanked, when there are any (see `dictkeys`).
fn without_bad_keys(doc: &Document, body: &[u8]) -> Option<(Vec<u8>, usize)> {
    let offsets: Vec<usize> = doc
        .reference_table
        .entries
        .iter()
        .filter_map(|(&id, entry)| match entry {
            pdf_extract::xref::XrefEntry::Normal { offset, generation }
                if !doc.objects.contains_key(&(id, *generation)) =>
            {
                Some(*offset as usize)
            }
            _ => None,
        })
        .collect();
    if offsets.is_empty() {
        return None;
    }
    super::dictkeys::blank_bad_keys(body, &offsets)
}

fn needs_password(passwords: &[String]) -> FailureReason {
    if passwords.is_empty() {
        FailureReason::Encrypted(
            "needs a password (the empty user password does not open it); pass --password"
                .to_string(),
        )
    } else {
        FailureReason::Encrypted(format!(
            "needs a password; none of the {} given opens it",
            passwords.len()
        ))
    }
}

/// lopdf inside catch_unwind: it is not supposed to panic, but the input is untrusted.
fn try_load(bytes: &[u8], password: Option<&str>) -> Result<Document, String> {
    let options = match password {
        Some(p) => LoadOptions::with_password(p),
        None => LoadOptions::default(),
    };
    match catch_unwind(AssertUnwindSafe(|| {
        Document::load_mem_with_options(bytes, options)
    })) {
        Ok(Ok(doc)) => Ok(doc),
        Ok(Err(e)) => Err(e.to_string()),
        Err(panic) => Err(format!("reader panicked: {}", panic_message(&panic))),
    }
}

pub(crate) fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

/// Still encrypted after loading: lopdf leaves /Encrypt in the trailer (and often no
/// objects at all) when the empty user password does not open the file.
fn still_encrypted(doc: &Document) -> bool {
    doc.trailer.get(b"Encrypt").is_ok()
}

/// Opens bytes with the empty password, then each given password. Returns the document
/// and whether it was decrypted.
fn open(bytes: &[u8], passwords: &[String]) -> Result<(Document, bool), OpenError> {
    let doc = match try_load(bytes, None) {
        Ok(doc) => doc,
        Err(e) if is_encryption_error(&e) => {
            // Some handlers fail before any password is tried; the given ones may work.
            return try_passwords(bytes, passwords).ok_or(OpenError::Encryption(e));
        }
        Err(e) => return Err(OpenError::Damaged(e)),
    };
    if still_encrypted(&doc) {
        return try_passwords(bytes, passwords).ok_or(OpenError::NeedsPassword);
    }
    let decrypted = doc.was_encrypted();
    Ok((doc, decrypted))
}

fn try_passwords(bytes: &[u8], passwords: &[String]) -> Option<(Document, bool)> {
    passwords.iter().find_map(|p| {
        try_load(bytes, Some(p))
            .ok()
            .filter(|d| !still_encrypted(d))
            .map(|d| (d, true))
    })
}

fn is_encryption_error(message: &str) -> bool {
    let m = message.to_ascii_lowercase();
    m.contains("decrypt") || m.contains("password") || m.contains("encrypt")
}

/// How well a loaded document will read: pages found, and page contents that loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Health {
    pages: usize,
    broken_contents: usize,
}

impl Health {
    /// The document's health, and its page content streams that inflated (to be stored
    /// inflated, see [`Inflated::store`]).
    fn of(doc: &Document) -> (Health, Vec<(ObjectId, Vec<u8>)>) {
        let pages = page_ids(doc);
        let mut inflated = Vec::new();
        let broken_contents = pages
            .iter()
            .map(|&p| {
                let ids = doc.get_page_contents(p);
                let declared = doc
                    .get_dictionary(p)
                    .is_ok_and(|d| d.get(b"Contents").is_ok());
                // /Contents that resolve to nothing usable (a stream that failed to
                // parse loads as a bare dictionary) count as broken.
                let unusable = ids
                    .iter()
                    .filter(|id| match doc.objects.get(id) {
                        // Empty, or compressed data that does not inflate (wrongly
                        // decrypted, or cut short).
                        Some(Object::Stream(s)) => {
                            s.content.is_empty()
                                || (s.dict.has(b"Filter")
                                    && match s.decompressed_content() {
                                        Ok(d) if !d.is_empty() => {
                                            if Inflated::storable(s) {
                                                inflated.push((**id, d));
                                            }
                                            false
                                        }
                                        _ => true,
                                    })
                        }
                        _ => true,
                    })
                    .count();
                if declared && ids.is_empty() {
                    1
                } else {
                    unusable
                }
            })
            .sum();
        (
            Health {
                pages: pages.len(),
                broken_contents,
            },
            inflated,
        )
    }

    fn is_good(&self) -> bool {
        self.pages > 0 && self.broken_contents == 0
    }

    fn better_than(&self, other: &Health) -> bool {
        self.pages > other.pages
            || (self.pages == other.pages && self.broken_contents < other.broken_contents)
    }
}

/// Page ids from lopdf's page tree, or, when that gives none, every object whose /Type
/// is /Page in object order (as pdf.js does for corrupt page trees).
fn page_ids(doc: &Document) -> Vec<ObjectId> {
    let from_tree: Vec<ObjectId> =
        catch_unwind(AssertUnwindSafe(|| doc.page_iter().collect())).unwrap_or_default();
    if !from_tree.is_empty() {
        return from_tree;
    }
    loose_pages(doc)
}

fn loose_pages(doc: &Document) -> Vec<ObjectId> {
    doc.objects
        .iter()
        .filter(|(_, o)| {
            o.as_dict()
                .ok()
                .and_then(|d| d.get(b"Type").ok())
                .and_then(|t| t.as_name().ok())
                == Some(b"Page".as_slice())
        })
        .map(|(id, _)| *id)
        .collect()
}

fn finish(
    (mut doc, decrypted): (Document, bool),
    inflated: Vec<(ObjectId, Vec<u8>)>,
    mut repaired: bool,
    mut notes: Vec<String>,
    xref_broken: bool,
) -> LoadedPdf {
    if catch_unwind(AssertUnwindSafe(|| doc.page_iter().next().is_none())).unwrap_or(true) {
        let loose = loose_pages(&doc);
        if !loose.is_empty() {
            rebuild_page_tree(&mut doc, &loose);
            repaired = true;
            notes.push(format!(
                "page tree unreadable; {} page objects collected directly",
                loose.len()
            ));
        }
    }
    let inflated = Inflated::store(&mut doc, inflated);
    fix_pages(&mut doc, &mut notes);
    match catch_unwind(AssertUnwindSafe(|| super::sanitize::sanitize(&mut doc))) {
        Ok(fixes) => notes.extend(fixes.into_iter().map(|f| format!("fallback for {f}"))),
        Err(_) => notes.push("font and content fallbacks stopped early".to_string()),
    }
    LoadedPdf {
        doc,
        repaired,
        decrypted,
        notes,
        xref_broken,
        inflated,
    }
}

/// Page content streams stored inflated once, as soon as the document is loaded: the
/// content fixes, the sanitizer's operand check, the path stripping and pdf-extract each
/// read a page's content, and each inflated it again. Every reader gets the same bytes
/// (lopdf's `get_page_content` and pdf-extract take the inflated content where it
/// inflates, as it did here). Kept: each stream's filter entries and compressed content,
/// put back by [`Inflated::restore`] before damaged streams are inflated again
/// (`inflate::recover_flate_streams` reads the compressed data).
#[derive(Default)]
pub(super) struct Inflated(Vec<Kept>);

/// One stream stored inflated: its filter entries and compressed content as loaded.
struct Kept {
    id: ObjectId,
    filters: Vec<(&'static [u8], Object)>,
    compressed: Vec<u8>,
}

/// The entries a stream's inflation depends on.
const FILTER_KEYS: [&[u8]; 2] = [b"Filter", b"DecodeParms"];

fn holds_reference(o: &Object) -> bool {
    match o {
        Object::Reference(_) => true,
        Object::Array(a) => a.iter().any(holds_reference),
        Object::Dictionary(d) => d.iter().any(|(_, v)| holds_reference(v)),
        _ => false,
    }
}

impl Inflated {
    /// Whether a stream can be stored inflated without any other reading of the document
    /// changing: it has filters lopdf applies, no reference in its filter entries (the
    /// sanitizer counts the dangling ones), and it is no XObject (the form fixes rewrite
    /// forms in place, which [`Inflated::restore`] must not undo).
    fn storable(s: &pdf_extract::Stream) -> bool {
        matches!(s.filters(), Ok(f) if !f.is_empty())
            && !s.dict.has(b"Subtype")
            && FILTER_KEYS
                .iter()
                .all(|k| s.dict.get(k).map_or(true, |v| !holds_reference(v)))
    }

    /// Stores each stream's inflated content in place of its compressed content (its
    /// /Length is left as written). A stream listed twice is stored once.
    fn store(doc: &mut Document, inflated: Vec<(ObjectId, Vec<u8>)>) -> Inflated {
        let mut kept = Vec::new();
        for (id, data) in inflated {
            let Some(Object::Stream(s)) = doc.objects.get_mut(&id) else {
                continue;
            };
            if !Inflated::storable(s) {
                continue;
            }
            let filters: Vec<(&'static [u8], Object)> = FILTER_KEYS
                .iter()
                .filter_map(|k| Some((*k, s.dict.remove(k)?)))
                .collect();
            let compressed = std::mem::replace(&mut s.content, data);
            kept.push(Kept {
                id,
                filters,
                compressed,
            });
        }
        Inflated(kept)
    }

    /// Puts the compressed content back into the streams that still hold what
    /// [`Inflated::store`] put there.
    pub(super) fn restore(self, doc: &mut Document) {
        for Kept {
            id,
            filters,
            compressed,
        } in self.0
        {
            let Some(Object::Stream(s)) = doc.objects.get_mut(&id) else {
                continue;
            };
            if FILTER_KEYS.iter().any(|k| s.dict.has(k)) {
                continue;
            }
            for (k, v) in filters {
                s.dict.set(k, v);
            }
            s.content = compressed;
        }
    }
}

/// "Loaded, zero pages" is never a success: it would let a caller believe a file was
/// read when nothing was.
fn require_pages(loaded: LoadedPdf) -> Result<LoadedPdf, FailureReason> {
    if !page_ids(&loaded.doc).is_empty() {
        return Ok(loaded);
    }
    if loaded.doc.objects.is_empty() {
        return Err(FailureReason::Damaged(
            "no readable objects (truncated or not really a PDF)".to_string(),
        ));
    }
    if loaded.xref_broken {
        return Err(FailureReason::Damaged(format!(
            "cross-reference table broken (truncated?); {} objects recovered but no pages",
            loaded.doc.objects.len()
        )));
    }
    Err(FailureReason::NoPages(format!(
        "no page objects found among {} objects",
        loaded.doc.objects.len()
    )))
}

/// Points the catalog at a new /Pages node holding the given pages. Each page keeps its
/// own /Parent so inherited /Resources and /MediaBox still resolve.
fn rebuild_page_tree(doc: &mut Document, pages: &[ObjectId]) {
    let mut node = Dictionary::new();
    node.set("Type", Object::Name(b"Pages".to_vec()));
    node.set(
        "Kids",
        Object::Array(pages.iter().map(|&id| Object::Reference(id)).collect()),
    );
    node.set("Count", Object::Integer(pages.len() as i64));
    let node_id = doc.add_object(Object::Dictionary(node));
    if let Ok(catalog) = doc.catalog_mut() {
        catalog.set("Pages", Object::Reference(node_id));
        return;
    }
    let mut catalog = Dictionary::new();
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Pages", Object::Reference(node_id));
    let catalog_id = doc.add_object(Object::Dictionary(catalog));
    doc.trailer.set("Root", Object::Reference(catalog_id));
}

/// Makes every page readable by the page walker: breaks /Parent cycles (which would
/// recurse without end when an inherited key is looked up) and gives pages without any
/// /MediaBox a US Letter one (the reader cannot place glyphs without it).
fn fix_pages(doc: &mut Document, notes: &mut Vec<String>) {
    let pages = page_ids(doc);
    let mut cycles = 0;
    let mut boxes = 0;
    for page in pages {
        let mut seen = HashSet::new();
        let mut node = page;
        let mut has_box = false;
        loop {
            seen.insert(node);
            let Ok(dict) = doc.get_dictionary(node) else {
                break;
            };
            has_box |= dict
                .get(b"MediaBox")
                .ok()
                .and_then(|b| doc.dereference(b).ok())
                .and_then(|(_, b)| b.as_array().ok())
                .is_some_and(|a| a.len() == 4 && a.iter().all(|v| v.as_float().is_ok()));
            let Some(parent) = dict.get(b"Parent").ok().and_then(|p| p.as_reference().ok()) else {
                break;
            };
            if seen.contains(&parent) || seen.len() > 256 {
                if let Ok(d) = doc.get_dictionary_mut(node) {
                    d.remove(b"Parent");
                }
                cycles += 1;
                break;
            }
            node = parent;
        }
        if !has_box {
            if let Ok(d) = doc.get_dictionary_mut(page) {
                d.set(
                    "MediaBox",
                    Object::Array(vec![0.into(), 0.into(), 612.into(), 792.into()]),
                );
                boxes += 1;
            }
        }
    }
    if cycles > 0 {
        notes.push(format!("{cycles} /Parent cycles in the page tree broken"));
    }
    if boxes > 0 {
        notes.push(format!(
            "{boxes} pages without a usable /MediaBox given US Letter size"
        ));
    }
}

/// True when bytes without a `%PDF-` header still hold PDF objects.
pub(crate) fn looks_like_headerless_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    memchr::memmem::find(head, b" obj").is_some() && memchr::memmem::find(head, b"endobj").is_some()
}

/// What a file that is not a PDF looks like, for the one-line error.
pub fn describe_non_pdf(bytes: &[u8]) -> String {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let head = &bytes[start..];
    let lower: Vec<u8> = head.iter().take(64).map(u8::to_ascii_lowercase).collect();
    let kind = if head.starts_with(b"PK\x03\x04") {
        "a ZIP archive (or an Office document such as .docx)"
    } else if head.starts_with(b"\x89PNG") {
        "a PNG image"
    } else if head.starts_with(b"\xFF\xD8\xFF") {
        "a JPEG image"
    } else if head.starts_with(b"GIF8") {
        "a GIF image"
    } else if head.starts_with(b"II*\0") || head.starts_with(b"MM\0*") {
        "a TIFF image"
    } else if head.starts_with(b"\xD0\xCF\x11\xE0") {
        "an old Microsoft Office document (.doc/.xls)"
    } else if head.starts_with(b"{\\rtf") {
        "an RTF document"
    } else if head.starts_with(b"%!PS") {
        "a PostScript file"
    } else if head.starts_with(b"\x1F\x8B") {
        "gzip-compressed data"
    } else if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
        "an HTML page"
    } else if lower.starts_with(b"<?xml") {
        "an XML file"
    } else if let Ok(text) = std::str::from_utf8(&bytes[..bytes.len().min(4096)]) {
        let first: String = text.trim().chars().take(40).collect();
        let first = first.lines().next().unwrap_or("").to_string();
        return format!("looks like plain text (starts {first:?})");
    } else {
        "binary data of an unknown kind"
    };
    format!("looks like {kind}")
}

impl IngestOptions {
    /// The passwords to try on one file: those from `--password-file` whose pattern
    /// matches the file (by name or by path glob) first, then the `--password` ones.
    pub fn passwords_for(&self, path: &Path) -> Vec<String> {
        let full = path.to_string_lossy();
        // The pattern may match the whole path or any tail of it that starts at a
        // directory boundary (so `2021/*.pdf` matches `arkiv/2021/a.pdf`).
        let tails: Vec<&str> = std::iter::once(full.as_ref())
            .chain(full.match_indices('/').map(|(i, _)| &full[i + 1..]))
            .collect();
        let mut out: Vec<String> = self
            .password_rules
            .iter()
            .filter(|(pattern, _)| tails.iter().any(|t| glob_match(pattern, t)))
            .map(|(_, pw)| pw.clone())
            .collect();
        for p in &self.passwords {
            if !out.contains(p) {
                out.push(p.clone());
            }
        }
        out
    }
}

/// Reads a password file: one `pattern<TAB>password` per line, where the pattern is a
/// file name or a path glob (`*`, `?`). Blank lines and lines starting with `#` are
/// skipped.
pub fn parse_password_file(text: &str) -> Result<Vec<(String, String)>, String> {
    let mut rules = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((pattern, password)) = line.split_once('\t') else {
            return Err(format!(
                "line {}: expected `file-name-or-glob<TAB>password`",
                i + 1
            ));
        };
        rules.push((pattern.to_string(), password.to_string()));
    }
    Ok(rules)
}

/// Shell-style glob with `*` (any run of characters, also `/`) and `?`.
fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        match p.get(pi) {
            Some('*') => {
                star = Some((pi, ti));
                pi += 1;
            }
            Some(&c) if c == '?' || c == t[ti] => {
                pi += 1;
                ti += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    pi = sp + 1;
                    ti = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_what_a_non_pdf_looks_like() {
        assert!(matches!(load_pdf(b"", &[]), Err(FailureReason::Empty)));
        let e = load_pdf(b"Protokoll fort vid sammantrade\n", &[]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "not a PDF: looks like plain text (starts \"Protokoll fort vid sammantrade\")"
        );
        let e = load_pdf(b"PK\x03\x04rest of a zip", &[]).unwrap_err();
        assert!(e.to_string().contains("ZIP"), "{e}");
        let e = load_pdf(b"\x89PNG\r\n\x1a\n....", &[]).unwrap_err();
        assert!(e.to_string().contains("PNG"), "{e}");
    }

    /// A one-page PDF whose content stream is Flate-compressed, and that stream's id.
    fn flate_page_pdf(content: &[u8]) -> (Vec<u8>, ObjectId) {
        let mut doc = Document::with_version("1.4");
        let mut dict = Dictionary::new();
        dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        let compressed = miniz_oxide::deflate::compress_to_vec_zlib(content, 6);
        let stream = doc.add_object(pdf_extract::Stream::new(dict, compressed));
        let pages = doc.new_object_id();
        let mut page = Dictionary::new();
        page.set("Type", Object::Name(b"Page".to_vec()));
        page.set("Parent", Object::Reference(pages));
        page.set("Contents", Object::Reference(stream));
        let page = doc.add_object(page);
        let mut tree = Dictionary::new();
        tree.set("Type", Object::Name(b"Pages".to_vec()));
        tree.set("Kids", Object::Array(vec![Object::Reference(page)]));
        tree.set("Count", Object::Integer(1));
        doc.objects.insert(pages, Object::Dictionary(tree));
        let mut catalog = Dictionary::new();
        catalog.set("Type", Object::Name(b"Catalog".to_vec()));
        catalog.set("Pages", Object::Reference(pages));
        let catalog = doc.add_object(catalog);
        doc.trailer.set("Root", Object::Reference(catalog));
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).expect("saved");
        (bytes, stream)
    }

    #[test]
    fn page_content_is_stored_inflated_and_put_back_as_loaded() {
        let content = b"BT /F1 10 Tf 50 700 Td (Hej) Tj ET\n".repeat(40);
        let (bytes, id) = flate_page_pdf(&content);
        let as_loaded = Document::load_mem(&bytes).expect("loads");
        let mut loaded = load_pdf(&bytes, &[]).expect("loads");
        let Some(Object::Stream(s)) = loaded.doc.objects.get(&id) else {
            panic!("no stream {id:?}");
        };
        assert!(!s.dict.has(b"Filter"), "{:?}", s.dict);
        assert_eq!(s.content, content);
        assert_eq!(loaded.inflated.0.len(), 1);
        let page = loaded.doc.page_iter().next().expect("a page");
        assert_eq!(
            loaded.doc.get_page_content(page).expect("content"),
            [&content[..], b"\n"].concat()
        );
        std::mem::take(&mut loaded.inflated).restore(&mut loaded.doc);
        assert!(
            loaded.doc.objects.get(&id) == as_loaded.objects.get(&id),
            "the stream as loaded is put back"
        );
    }

    #[test]
    fn truncated_pdf_is_damaged_not_a_panic() {
        let e = load_pdf(b"%PDF-1.4\n1 0 obj\n<< /Type /Cat", &[]).unwrap_err();
        assert_eq!(e.code(), "damaged", "{e}");
    }

    #[test]
    fn password_file_and_globs() {
        let rules = parse_password_file("# comment\nsecret.pdf\tabc\n2021/*.pdf\tx y\n").unwrap();
        let opts = IngestOptions {
            password_rules: rules,
            passwords: vec!["abc".into(), "global".into()],
            ..IngestOptions::default()
        };
        assert_eq!(
            opts.passwords_for(Path::new("a/secret.pdf")),
            ["abc", "global"]
        );
        assert_eq!(
            opts.passwords_for(Path::new("arkiv/2021/b.pdf")),
            ["x y", "abc", "global"]
        );
        assert!(parse_password_file("no tab here").is_err());
        assert!(glob_match("*.pdf", "a.pdf"));
        assert!(!glob_match("?.pdf", "ab.pdf"));
    }
}
