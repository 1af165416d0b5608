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
    /// Where the findings and the tables are in the record line ([`DetailRanges`]).
    detail: Option<DetailRanges>,
}

/// Where in a record line (from its first byte) the JSON of its findings and of its
/// tables start and end: the reports read those two values and skip the rest (the
/// facts, most of a record).
pub type DetailRanges = [u64; 4];

/// A file's entry as its bytes are laid out in the store (and in a cache entry, without
/// the end line): the record line, the document lines, the decision lines; with the
/// lengths of the record line and of the document lines.
/// And where the record line holds its findings and tables.
pub fn entry_body(
    record: &FileRecord,
    documents: &[String],
    decisions: &[String],
) -> io::Result<(Vec<u8>, u64, u64, DetailRanges)> {
    let size = documents
        .iter()
        .chain(decisions)
        .map(|l| l.len() + 1)
        .sum::<usize>();
    let mut body = Vec::with_capacity(size + 4096);
    let detail = write_record(&mut body, record)?;
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
    Ok((body, record_len, documents_len, detail))
}

/// Writes `record` as JSON, byte for byte as `serde_json::to_writer` writes it (the
/// derived field order), noting where its findings and tables are.
fn write_record(out: &mut Vec<u8>, record: &FileRecord) -> io::Result<DetailRanges> {
    let FileRecord {
        path,
        hash,
        outcome,
        stats,
        findings,
        facts,
        documents,
        tables,
        document_lines,
        decision_lines,
    } = record;
    let start = out.len();
    let at = |out: &Vec<u8>| (out.len() - start) as u64;
    out.extend_from_slice(b"{\"path\":");
    serde_json::to_writer(&mut *out, path)?;
    out.extend_from_slice(b",\"hash\":");
    serde_json::to_writer(&mut *out, hash)?;
    out.extend_from_slice(b",\"outcome\":");
    serde_json::to_writer(&mut *out, outcome)?;
    out.extend_from_slice(b",\"stats\":");
    serde_json::to_writer(&mut *out, stats)?;
    out.extend_from_slice(FINDINGS_KEY);
    let findings_at = at(out);
    serde_json::to_writer(&mut *out, findings)?;
    let findings_end = at(out);
    out.extend_from_slice(FACTS_KEY);
    serde_json::to_writer(&mut *out, facts)?;
    out.extend_from_slice(b",\"documents\":");
    serde_json::to_writer(&mut *out, documents)?;
    out.extend_from_slice(TABLES_KEY);
    let tables_at = at(out);
    serde_json::to_writer(&mut *out, tables)?;
    let tables_end = at(out);
    out.extend_from_slice(LINES_KEY);
    serde_json::to_writer(&mut *out, document_lines)?;
    out.extend_from_slice(b",\"decision_lines\":");
    serde_json::to_writer(&mut *out, decision_lines)?;
    out.push(b'}');
    Ok([findings_at, findings_end, tables_at, tables_end])
}

const FINDINGS_KEY: &[u8] = b",\"findings\":";
const FACTS_KEY: &[u8] = b",\"facts\":";
const TABLES_KEY: &[u8] = b",\"tables\":";
const LINES_KEY: &[u8] = b",\"document_lines\":";

/// The findings and tables of a record line at `ranges`, when the ranges hold them
/// between the keys around them (else None: the caller reads the whole line).
fn detail_at(line: &[u8], ranges: DetailRanges) -> Option<super::record::RecordDetail> {
    let [fs, fe, ts, te] = ranges.map(|n| usize::try_from(n).unwrap_or(usize::MAX));
    if !(fs <= fe && fe <= ts && ts <= te && te <= line.len()) {
        return None;
    }
    let framed = line[..fs].ends_with(FINDINGS_KEY)
        && line[fe..].starts_with(FACTS_KEY)
        && line[..ts].ends_with(TABLES_KEY)
        && line[te..].starts_with(LINES_KEY);
    if !framed {
        return None;
    }
    Some(super::record::RecordDetail {
        findings: serde_json::from_slice(&line[fs..fe]).ok()?,
        tables: serde_json::from_slice(&line[ts..te]).ok()?,
    })
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
            detail: spilled.detail,
        })
    }

    /// Appends one file's record and lines (laid out as in a cache entry).
    pub fn append(
        self: &Arc<Self>,
        record: &FileRecord,
        documents: &[String],
        decisions: &[String],
    ) -> io::Result<StoredEntry> {
        let (body, record_len, documents_len, detail) = entry_body(record, documents, decisions)?;
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
            detail: Some(detail),
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
        if let Some(detail) = self.detail.and_then(|ranges| detail_at(&line, ranges)) {
            return Ok(detail);
        }
        serde_json::from_slice(&line).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
    }

    /// The lines of one section, each ending in a newline.
    pub fn section(&self, section: Section) -> io::Result<Vec<u8>> {
        let mut buf = Vec::new();
        self.section_into(section, &mut buf)?;
        Ok(buf)
    }

    /// [`StoredEntry::section`] into `buf` (its old content replaced): a buffer reused
    /// file after file is not faulted in afresh for each (documents.jsonl is most of the
    /// bytes a report set holds).
    pub fn section_into(&self, section: Section, buf: &mut Vec<u8>) -> io::Result<()> {
        use std::os::unix::fs::FileExt;
        let (from, to) = match section {
            Section::Documents => (self.documents, self.decisions),
            Section::Decisions => (self.decisions, self.end),
        };
        buf.clear();
        buf.resize(to.saturating_sub(from) as usize, 0);
        self.file.read_exact_at(buf, from)
    }

    /// Everything a cache entry holds before its end line.
    pub fn body(&self) -> io::Result<Vec<u8>> {
        self.read(self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::vocab::Vocabulary;

    /// Every seed text of the corpus through the pipeline: its record line is written
    /// byte for byte as serde writes the record, and the findings and tables read from
    /// their ranges are the record's.
    #[test]
    fn a_record_line_is_serdes_and_its_detail_is_read_from_its_ranges() {
        let vocab = Vocabulary::builtin();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/seeds");
        let mut with_findings = 0;
        let mut seeds = 0;
        for e in std::fs::read_dir(&dir).expect("corpus/seeds") {
            let path = e.unwrap().path();
            if path.extension().is_none_or(|x| x != "txt") {
                continue;
            }
            seeds += 1;
            let outcome = crate::pipeline::process_file_hashed(
                &path,
                &crate::ingest::IngestOptions::default(),
                &vocab,
            );
            let recorded = super::super::record::RecordedOutcome::of(
                path.display().to_string(),
                outcome,
                &vocab,
            );
            let r = recorded.result.expect("a seed text is read");
            let (body, record_len, _, ranges) =
                entry_body(&r.record, &r.documents, &r.decisions).unwrap();
            let line = &body[..record_len as usize - 1];
            assert_eq!(line, serde_json::to_vec(&r.record).unwrap().as_slice());
            let detail = detail_at(line, ranges).expect("ranges hold the detail");
            assert_eq!(detail.findings, r.record.findings);
            assert_eq!(detail.tables, r.record.tables);
            with_findings += usize::from(!r.record.findings.is_empty());
            // Ranges that do not frame the values are not read.
            assert!(detail_at(line, [0, 1, 2, 3]).is_none());
        }
        assert!(
            seeds > 0 && with_findings > 0,
            "{seeds} seeds, {with_findings}"
        );
    }
}
