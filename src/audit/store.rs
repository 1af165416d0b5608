//! Where a `--no-cache` run keeps each file's entry (its record, `documents.jsonl` and
//! `decisions.jsonl` lines) until the reports are written: one file appended to by every
//! thread, read back by position. A cached run writes one cache entry per file instead,
//! each created, checksummed and renamed into its own folder for the next run to reuse;
//! a run that reuses nothing has no next run to serve, and creating hundreds of files was
//! most of the parent process's work while the workers read (the folder and file
//! creation in the file system alone).
//!
//! The bytes of one file's part are exactly those of its cache entry without the end
//! line, so the reports read the same lines either way.

use super::cache::Section;
use super::record::FileRecord;
use super::spill::SpillDir;
use std::fs::File;
use std::io::{self, Write};
use std::sync::{Arc, Mutex};

/// The run's store: one file in a spill folder (removed with the last user).
pub struct EntryStore {
    file: File,
    /// The length written so far; held while a part is appended.
    end: Mutex<u64>,
    _dir: SpillDir,
}

/// One file's part of the store: where its record, document lines and decision lines
/// start and end.
#[derive(Clone)]
pub struct StoredEntry {
    store: Arc<EntryStore>,
    start: u64,
    documents: u64,
    decisions: u64,
    end: u64,
}

impl std::fmt::Debug for StoredEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoredEntry")
            .field("start", &self.start)
            .field("end", &self.end)
            .finish()
    }
}

impl EntryStore {
    pub fn new(dir: SpillDir) -> io::Result<Arc<EntryStore>> {
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(dir.file("entries.jsonl"))?;
        Ok(Arc::new(EntryStore {
            file,
            end: Mutex::new(0),
            _dir: dir,
        }))
    }

    /// Appends one file's record and lines (laid out as in a cache entry).
    pub fn append(
        self: &Arc<Self>,
        record: &FileRecord,
        documents: &[String],
        decisions: &[String],
    ) -> io::Result<StoredEntry> {
        let mut body = serde_json::to_vec(record)?;
        body.push(b'\n');
        let record_len = body.len() as u64;
        for line in documents {
            body.extend_from_slice(line.as_bytes());
            body.push(b'\n');
        }
        let documents_len = body.len() as u64 - record_len;
        for line in decisions {
            body.extend_from_slice(line.as_bytes());
            body.push(b'\n');
        }
        let mut end = self
            .end
            .lock()
            .map_err(|_| io::Error::other("entry store poisoned"))?;
        let start = *end;
        (&self.file).write_all(&body)?;
        *end += body.len() as u64;
        Ok(StoredEntry {
            store: Arc::clone(self),
            start,
            documents: start + record_len,
            decisions: start + record_len + documents_len,
            end: start + body.len() as u64,
        })
    }

    fn read(&self, from: u64, to: u64) -> io::Result<Vec<u8>> {
        use std::os::unix::fs::FileExt;
        let mut buf = vec![0u8; to.saturating_sub(from) as usize];
        self.file.read_exact_at(&mut buf, from)?;
        Ok(buf)
    }
}

impl StoredEntry {
    /// The whole record.
    pub fn record(&self) -> io::Result<FileRecord> {
        let line = self.store.read(self.start, self.documents)?;
        serde_json::from_slice(&line).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
    }

    /// The findings and tables of the record, the rest skipped.
    pub fn detail(&self) -> io::Result<super::record::RecordDetail> {
        let line = self.store.read(self.start, self.documents)?;
        serde_json::from_slice(&line).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
    }

    /// The lines of one section, each ending in a newline.
    pub fn section(&self, section: Section) -> io::Result<Vec<u8>> {
        match section {
            Section::Documents => self.store.read(self.documents, self.decisions),
            Section::Decisions => self.store.read(self.decisions, self.end),
        }
    }

    /// Everything a cache entry holds before its end line.
    pub fn body(&self) -> io::Result<Vec<u8>> {
        self.store.read(self.start, self.end)
    }
}
