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

/// The run's store: one file in a spill folder (removed with the last user), and the
/// spill files the workers write their entries to in the same folder
/// ([`super::record::Spilled`]).
pub struct EntryStore {
    file: Arc<File>,
    /// The length written so far; held while a part is appended.
    end: Mutex<u64>,
    /// The workers' spill files opened so far, by name.
    workers: Mutex<std::collections::HashMap<String, Arc<File>>>,
    dir: SpillDir,
}

/// One file's part of the store (or of a worker's spill file): where its record,
/// document lines and decision lines start and end.
#[derive(Clone)]
pub struct StoredEntry {
    file: Arc<File>,
    start: u64,
    documents: u64,
    decisions: u64,
    end: u64,
    /// The CRC-32 a worker gave for what it wrote, checked by [`StoredEntry::verify`].
    crc32: Option<u32>,
}

/// A file's entry as its bytes are laid out in the store (and in a cache entry, without
/// the end line): the record line, the document lines, the decision lines; with the
/// lengths of the record line and of the document lines.
pub fn entry_body(
    record: &FileRecord,
    documents: &[String],
    decisions: &[String],
) -> io::Result<(Vec<u8>, u64, u64)> {
    let size = documents
        .iter()
        .chain(decisions)
        .map(|l| l.len() + 1)
        .sum::<usize>();
    let mut body = Vec::with_capacity(size + 4096);
    serde_json::to_writer(&mut body, record)?;
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
    Ok((body, record_len, documents_len))
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
            .open(dir.file(ENTRIES))?;
        Ok(Arc::new(EntryStore {
            file: Arc::new(file),
            end: Mutex::new(0),
            workers: Mutex::new(std::collections::HashMap::new()),
            dir,
        }))
    }

    /// The folder the workers' spill files are to be in.
    pub fn dir(&self) -> &std::path::Path {
        self.dir.path()
    }

    /// The entry a worker says it wrote into its spill file: only a file of the store's
    /// folder (a plain name, not the store's own file) that holds that many bytes is
    /// taken; the checksum is checked by [`StoredEntry::verify`].
    pub fn adopt(&self, spilled: &super::record::Spilled) -> io::Result<StoredEntry> {
        let bad = |why: &str| io::Error::new(io::ErrorKind::InvalidData, why.to_string());
        let name = spilled.file.as_str();
        let plain = std::path::Path::new(name).file_name() == Some(std::ffi::OsStr::new(name));
        if !plain || name == ENTRIES || name.starts_with('.') {
            return Err(bad("not a spill file of this run"));
        }
        let end = spilled
            .start
            .checked_add(spilled.len)
            .ok_or_else(|| bad("entry past any end"))?;
        let within = spilled
            .record_len
            .checked_add(spilled.documents_len)
            .is_some_and(|n| n <= spilled.len);
        if spilled.record_len == 0 || !within {
            return Err(bad("entry parts do not fit the entry"));
        }
        let file = {
            let mut workers = self
                .workers
                .lock()
                .map_err(|_| io::Error::other("entry store poisoned"))?;
            match workers.get(name) {
                Some(f) => Arc::clone(f),
                None => {
                    let f = Arc::new(File::open(self.dir.file(name))?);
                    workers.insert(name.to_string(), Arc::clone(&f));
                    f
                }
            }
        };
        let start = spilled.start;
        Ok(StoredEntry {
            file,
            start,
            documents: start + spilled.record_len,
            decisions: start + spilled.record_len + spilled.documents_len,
            end,
            crc32: Some(spilled.crc32),
        })
    }

    /// Appends one file's record and lines (laid out as in a cache entry).
    pub fn append(
        self: &Arc<Self>,
        record: &FileRecord,
        documents: &[String],
        decisions: &[String],
    ) -> io::Result<StoredEntry> {
        let (body, record_len, documents_len) = entry_body(record, documents, decisions)?;
        let mut end = self
            .end
            .lock()
            .map_err(|_| io::Error::other("entry store poisoned"))?;
        let start = *end;
        (&*self.file).write_all(&body)?;
        *end += body.len() as u64;
        Ok(StoredEntry {
            file: Arc::clone(&self.file),
            start,
            documents: start + record_len,
            decisions: start + record_len + documents_len,
            end: start + body.len() as u64,
            crc32: None,
        })
    }
}

/// The store's own file in its folder.
const ENTRIES: &str = "entries.jsonl";

impl StoredEntry {
    fn read(&self, from: u64, to: u64) -> io::Result<Vec<u8>> {
        use std::os::unix::fs::FileExt;
        let mut buf = vec![0u8; to.saturating_sub(from) as usize];
        self.file.read_exact_at(&mut buf, from)?;
        Ok(buf)
    }

    /// Whether this is an entry a worker wrote (checked by [`StoredEntry::verify`]).
    pub fn from_worker(&self) -> bool {
        self.crc32.is_some()
    }

    /// Checks a worker's entry: all its bytes are there, they have the checksum the
    /// worker gave, and each part ends with a whole line.
    pub fn verify(&self) -> io::Result<()> {
        let Some(crc32) = self.crc32 else {
            return Ok(());
        };
        let bytes = self.read(self.start, self.end)?;
        let bad = |why: &str| io::Error::new(io::ErrorKind::InvalidData, why.to_string());
        if crc32fast::hash(&bytes) != crc32 {
            return Err(bad("checksum differs"));
        }
        let ends_lines = |from: u64, to: u64| {
            to == from || bytes.get((to - self.start - 1) as usize) == Some(&b'\n')
        };
        if self.documents == self.start
            || !ends_lines(self.start, self.documents)
            || !ends_lines(self.documents, self.decisions)
            || !ends_lines(self.decisions, self.end)
        {
            return Err(bad("a part does not end with a whole line"));
        }
        Ok(())
    }

    /// The whole record.
    pub fn record(&self) -> io::Result<FileRecord> {
        let line = self.read(self.start, self.documents)?;
        serde_json::from_slice(&line).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
    }

    /// The findings and tables of the record, the rest skipped.
    pub fn detail(&self) -> io::Result<super::record::RecordDetail> {
        let line = self.read(self.start, self.documents)?;
        serde_json::from_slice(&line).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
    }

    /// The lines of one section, each ending in a newline.
    pub fn section(&self, section: Section) -> io::Result<Vec<u8>> {
        match section {
            Section::Documents => self.read(self.documents, self.decisions),
            Section::Decisions => self.read(self.decisions, self.end),
        }
    }

    /// Everything a cache entry holds before its end line.
    pub fn body(&self) -> io::Result<Vec<u8>> {
        self.read(self.start, self.end)
    }
}
