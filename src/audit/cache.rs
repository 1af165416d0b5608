//! Per-file entries: the file's record on the first line, then its `documents.jsonl` and
//! `decisions.jsonl` lines. Entries are keyed by the file's content hash, its path (the
//! path is in every provenance the entry holds) and justera's version, so a re-run over
//! an archive re-parses only files whose bytes changed, and a new justera re-parses all.
//! The same entries, copied next to a shard's manifest, are what `justera merge` reads.

use super::record::FileRecord;
use crate::ingest::FailureReason;
use crate::report::atomic::AtomicFile;
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The version entries are keyed by: the package version plus a fingerprint of the
/// running executable, so a rebuilt justera (a changed rule, a fixed parser) never reuses
/// entries an older build wrote, even before the version number is bumped.
pub fn engine_version() -> String {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION
        .get_or_init(|| {
            let build = std::env::current_exe()
                .ok()
                .and_then(|exe| executable_fingerprint(&exe).ok())
                .map(|h| h[..16].to_string())
                .unwrap_or_else(|| "unknown-build".to_string());
            format!("{}+{build}", env!("CARGO_PKG_VERSION"))
        })
        .clone()
}

/// Size, modification time and the first and last MiB of the executable: every build
/// differs in these, and hashing them takes a millisecond where hashing the whole
/// binary (tens of MiB with debug info) held up the start of every run.
fn executable_fingerprint(exe: &Path) -> io::Result<String> {
    use std::io::{Seek, SeekFrom};
    const PART: u64 = 1 << 20;
    let mut f = File::open(exe)?;
    let meta = f.metadata()?;
    let mut hasher = Sha256::new();
    hasher.update(meta.len().to_le_bytes());
    if let Ok(modified) = meta.modified() {
        let since = modified
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        hasher.update(since.as_nanos().to_le_bytes());
    }
    let mut buf = Vec::new();
    (&mut f).take(PART).read_to_end(&mut buf)?;
    if meta.len() > PART {
        f.seek(SeekFrom::Start(meta.len().saturating_sub(PART).max(PART)))?;
        f.take(PART).read_to_end(&mut buf)?;
    }
    hasher.update(&buf);
    Ok(hex(&hasher.finalize()))
}

pub fn hash_reader(mut reader: impl Read) -> io::Result<String> {
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = reader.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex(&hasher.finalize()))
}

pub use crate::ingest::hash_bytes;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The entry key of one file.
pub fn entry_key(version: &str, path: &str, content_hash: &str) -> String {
    hash_bytes(format!("justera-entry/1\0{version}\0{path}\0{content_hash}").as_bytes())
}

/// A failure worth remembering: the same bytes fail the same way next time. Time-outs,
/// crashes and I/O errors may be the machine's fault and are tried again.
pub fn failure_is_stable(reason: &FailureReason) -> bool {
    !matches!(
        reason,
        FailureReason::TimedOut(_) | FailureReason::Crashed(_) | FailureReason::Io(_)
    )
}

#[derive(Clone, Debug)]
pub struct Cache {
    pub dir: PathBuf,
    /// `false`: never read existing entries (entries are still written, for the reports).
    pub reuse: bool,
}

impl Cache {
    pub fn entry_path(&self, key: &str) -> PathBuf {
        entry_path_in(&self.dir, key)
    }

    /// The cached record of an entry, if present, whole (its end line's length and
    /// checksum match) and worth reusing. A damaged entry is not an error: the file is
    /// processed again and the entry rewritten.
    pub fn lookup(&self, key: &str) -> Option<(FileRecord, PathBuf)> {
        if !self.reuse {
            return None;
        }
        let path = self.entry_path(key);
        let record = read_verified(&path).ok()?;
        match record.outcome.failure() {
            Some(reason) if !failure_is_stable(reason) => None,
            _ => Some((record, path)),
        }
    }

    /// Writes an entry atomically: concurrent runs sharing a cache see whole entries only.
    pub fn store(
        &self,
        key: &str,
        record: &FileRecord,
        documents: &[String],
        decisions: &[String],
    ) -> io::Result<PathBuf> {
        let path = self.entry_path(key);
        write_entry(&path, record, documents, decisions)?;
        Ok(path)
    }
}

/// The last line of every entry: the length and SHA-256 of everything before it, so a
/// cut-off or otherwise damaged entry is recognised (and recomputed) rather than used.
#[derive(serde::Serialize, serde::Deserialize)]
struct EntryEnd {
    entry_end: EntryCheck,
}

#[derive(serde::Serialize, serde::Deserialize, PartialEq, Eq)]
struct EntryCheck {
    bytes: u64,
    sha256: String,
}

/// Writes an entry atomically: concurrent runs sharing a cache see whole entries only.
pub fn write_entry(
    path: &Path,
    record: &FileRecord,
    documents: &[String],
    decisions: &[String],
) -> io::Result<()> {
    let mut body = serde_json::to_vec(record)?;
    body.push(b'\n');
    for line in documents.iter().chain(decisions) {
        body.extend_from_slice(line.as_bytes());
        body.push(b'\n');
    }
    write_entry_body(path, &body)
}

/// Writes an entry from its body (the record line, then the document and decision
/// lines): the end line is added.
pub fn write_entry_body(path: &Path, body: &[u8]) -> io::Result<()> {
    // The body is hashed while it is written.
    let mut f = AtomicFile::create(path)?;
    let (sha256, written) = rayon::join(|| hash_bytes(body), || f.write_all(body));
    written?;
    let end = EntryEnd {
        entry_end: EntryCheck {
            bytes: body.len() as u64,
            sha256,
        },
    };
    serde_json::to_writer(&mut f, &end)?;
    f.write_all(b"\n")?;
    f.commit_unsynced()
}

/// The record of an entry after checking the entry is whole: its end line gives the
/// length and checksum of all before it.
pub fn read_verified(path: &Path) -> io::Result<FileRecord> {
    let bytes = std::fs::read(path)?;
    let damaged = |why: &str| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("cache entry {} is damaged: {why}", path.display()),
        )
    };
    let text = bytes
        .strip_suffix(b"\n")
        .ok_or_else(|| damaged("cut off"))?;
    let end_at = text.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let end: EntryEnd =
        serde_json::from_slice(&text[end_at..]).map_err(|_| damaged("no end line"))?;
    let body = &bytes[..end_at];
    if end.entry_end.bytes != body.len() as u64 || end.entry_end.sha256 != hash_bytes(body) {
        return Err(damaged("length or checksum differs"));
    }
    let first = body.split(|&b| b == b'\n').next().unwrap_or_default();
    serde_json::from_slice(first).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

pub fn entry_path_in(dir: &Path, key: &str) -> PathBuf {
    let shard = key.get(..2).unwrap_or("00");
    dir.join("entries").join(shard).join(format!("{key}.jsonl"))
}

/// The record on an entry's first line.
pub fn read_record(path: &Path) -> io::Result<FileRecord> {
    let mut first = String::new();
    BufReader::new(File::open(path)?).read_line(&mut first)?;
    serde_json::from_str(&first).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// The findings and tables of an entry's record, the rest skipped.
pub fn read_detail(path: &Path) -> io::Result<super::record::RecordDetail> {
    let mut first = String::new();
    BufReader::new(File::open(path)?).read_line(&mut first)?;
    serde_json::from_str(&first).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// Which of an entry's lines to stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Documents,
    Decisions,
}

/// Copies one section of an entry to `out`, line by line (never the whole file at once).
pub fn copy_section(
    entry: &Path,
    record: &FileRecord,
    section: Section,
    out: &mut impl Write,
) -> io::Result<()> {
    let (skip, take) = match section {
        Section::Documents => (1, record.document_lines),
        Section::Decisions => (1 + record.document_lines, record.decision_lines),
    };
    let mut reader = BufReader::new(File::open(entry)?);
    let mut line = Vec::new();
    let mut index = 0u64;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        if index >= skip + take {
            break;
        }
        if index >= skip {
            if line.last() != Some(&b'\n') {
                line.push(b'\n');
            }
            out.write_all(&line)?;
        }
        index += 1;
    }
    if index < skip + take {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            format!("cache entry {} is truncated", entry.display()),
        ));
    }
    Ok(())
}
