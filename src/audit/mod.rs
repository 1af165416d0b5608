//! `justera audit`: a whole archive through the pipeline in parallel, one file's failure
//! never stopping the run, then checks across documents over a fact store, then the
//! reports. Per-file results are streamed through cache entries on disk: memory holds
//! a slim record per file (path, hash, counts), the facts go through an external sort
//! and are checked one organisation at a time, and the reports read each file's
//! findings back from its entry as they are written. Peak memory therefore stays flat
//! as the archive grows (see benches/audit.rs).
//!
//! The same machinery serves clusters: `--shard K/N` processes a stable subset and
//! writes a part (records + entries); `justera merge` reads parts and runs the
//! cross-document stage and the reports exactly as a single run would.

pub mod cache;
pub mod cross;
pub mod record;
pub mod shard;
pub mod spill;
pub mod store;

use crate::check::finding::{Finding, Severity, Stats};
use crate::ingest::{FailureReason, IngestOptions};
use crate::report::atomic::AtomicFile;
use cache::{Cache, Section};
use record::FileRecord;
use serde::{Deserialize, Serialize};
use shard::Shard;
use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, Write};
use std::path::{Component, Path, PathBuf};

pub struct AuditOptions {
    pub ingest: IngestOptions,
    /// Worker threads; 0 = one per core.
    pub jobs: usize,
    pub shard: Option<Shard>,
    pub cache: Cache,
    /// What cache entries are keyed by; [`cache::engine_version`] unless a test says.
    pub version: String,
    pub progress: bool,
    /// The vocabulary every file is read with (and its `--grammars DIR`, for workers).
    pub grammars: crate::grammar::vocab::Grammars,
    /// Where the run keeps its own working files (the out folder): a run that reuses no
    /// cache entry ([`Cache::reuse`] false) keeps the files' results there.
    pub work_dir: PathBuf,
    /// Runs the pipeline and builds the record of a file in an isolated worker process
    /// (`cli` gives the worker's runner: the audit does not start processes itself);
    /// `None` from it, or no runner, means the file is processed in this process.
    pub isolated: Option<IsolatedRecorder>,
    /// Feed the cross-document stage as files finish ([`Gathered`]); off for a shard,
    /// whose stage runs at the merge. The number is the external sort's run length.
    pub gather: Option<usize>,
}

/// See [`AuditOptions::isolated`].
/// The last argument is the folder where the worker may write the bulky part of its reply
/// in a spill file of its own ([`record::Spilled`]), when the run keeps its entries in
/// an [`store::EntryStore`].
pub type IsolatedRecorder = fn(
    &Path,
    &IngestOptions,
    &crate::grammar::vocab::Grammars,
    Option<&Path>,
) -> Option<record::RecordedOutcome>;

/// What the whole-archive stage needs of every file's full record, gathered while the
/// other files are still being read: the facts (into the external sort) and the count of
/// findings by severity and rule. The sort's order does not depend on the order files
/// are fed in: facts compare by their provenance, which names the file, and a file's
/// facts go in together, in their own order.
pub struct Gathered {
    spill: spill::SpillDir,
    facts: spill::ExternalSort<crate::check::facts::Fact>,
    by_severity: BTreeMap<String, u64>,
    by_rule: BTreeMap<String, u64>,
}

impl Gathered {
    pub fn new(work_dir: &Path, run_len: usize) -> io::Result<Gathered> {
        let spill = spill::SpillDir::new_in(work_dir)?;
        Ok(Gathered {
            facts: spill::ExternalSort::with_run_len(
                "facts",
                spill.clone(),
                crate::check::facts::compare,
                run_len,
            ),
            spill,
            by_severity: BTreeMap::new(),
            by_rule: BTreeMap::new(),
        })
    }

    fn feed(&mut self, record: &FileRecord) -> io::Result<()> {
        for fact in &record.facts {
            self.facts.push(fact.clone())?;
        }
        self.count(&record.findings);
        Ok(())
    }

    /// [`Gathered::feed`] of a record that is made slim next (its facts are dropped): its
    /// facts are moved in, not copied.
    fn feed_slimmed(&mut self, record: &mut FileRecord) -> io::Result<()> {
        for fact in std::mem::take(&mut record.facts) {
            self.facts.push(fact)?;
        }
        self.count(&record.findings);
        Ok(())
    }

    fn count<'f>(&mut self, findings: impl IntoIterator<Item = &'f Finding>) {
        for f in findings {
            *self
                .by_severity
                .entry(f.severity.as_str().to_string())
                .or_default() += 1;
            *self.by_rule.entry(f.rule.to_string()).or_default() += 1;
        }
    }
}

/// One input file: its path as given (normalised), and its path under its input root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputFile {
    pub path: PathBuf,
    pub display: String,
    pub relative: String,
}

/// `a/./b/` → `a/b`: one file, one spelling, so outputs do not depend on how the user
/// typed the path.
pub fn normalise_path(path: &Path) -> PathBuf {
    let out: PathBuf = path
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect();
    if out.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        out
    }
}

/// Every input file under the given paths, sorted by path and without duplicates, so the
/// order of the command line's paths cannot change the outputs.
pub fn collect_inputs(paths: &[PathBuf]) -> Vec<InputFile> {
    let mut out: Vec<InputFile> = Vec::new();
    for root in paths {
        let root = normalise_path(root);
        for file in crate::ingest::collect_inputs(std::slice::from_ref(&root)) {
            let path = normalise_path(&file);
            out.push(InputFile {
                display: path.display().to_string(),
                relative: shard::relative_key(&root, &path),
                path,
            });
        }
    }
    out.sort_by(|a, b| a.display.cmp(&b.display));
    out.dedup_by(|a, b| a.display == b.display);
    out
}

/// One file of an audit: its record and the cache entry holding its document lines.
///
/// Once the entry is on disk the record is made slim (findings, facts and tables
/// dropped; read back with [`AuditedFile::full_record`] when a report needs them), so an
/// archive run holds a few hundred bytes per file, not its findings.
#[derive(Clone, Debug)]
pub struct AuditedFile {
    pub record: FileRecord,
    /// How many findings the file has (also when the record is slim).
    pub findings: usize,
    pub entry: Option<PathBuf>,
    pub cached: bool,
    slim: bool,
    /// The document and decision lines when no entry holds them (the cache could not be
    /// written).
    pub lines: Option<std::sync::Arc<(Vec<String>, Vec<String>)>>,
    /// Where a run that reuses no cache entry keeps the record and lines instead of an
    /// entry ([`store`]).
    pub stored: Option<store::StoredEntry>,
    /// Its facts and findings are already in the run's [`Gathered`].
    gathered: bool,
}

impl AuditedFile {
    pub fn new(record: FileRecord, entry: Option<PathBuf>, cached: bool) -> Self {
        AuditedFile {
            findings: record.findings.len(),
            record,
            entry,
            cached,
            slim: false,
            lines: None,
            stored: None,
            gathered: false,
        }
    }

    /// Drops what the entry on disk holds anyway. Without an entry nothing is dropped:
    /// the record is then the only copy.
    pub fn slim(mut self) -> Self {
        if self.entry.is_some() || self.stored.is_some() {
            self.record.findings = Vec::new();
            self.record.facts = Vec::new();
            self.record.tables = Vec::new();
            self.slim = true;
        }
        self
    }

    /// What the reports read of the record (its findings and the tables they mark):
    /// read back from the entry when slim, without building the rest (the facts are
    /// most of a record and only the cross-document stage reads them).
    pub fn detail(&self) -> io::Result<crate::report::model::FileDetail> {
        let detail = match (&self.stored, &self.entry, self.slim) {
            (Some(stored), _, true) => stored.detail()?,
            (None, Some(entry), true) => cache::read_detail(entry)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", entry.display())))?,
            _ => record::RecordDetail {
                findings: self.record.findings.clone(),
                tables: self.record.tables.clone(),
            },
        };
        Ok(crate::report::model::FileDetail {
            findings: detail.findings,
            tables: detail.tables,
        })
    }

    /// The whole record: read back from the entry when slim.
    pub fn full_record(&self) -> io::Result<std::borrow::Cow<'_, FileRecord>> {
        if let (Some(stored), true) = (&self.stored, self.slim) {
            return stored.record().map(std::borrow::Cow::Owned);
        }
        match (&self.entry, self.slim) {
            (Some(entry), true) => cache::read_record(entry)
                .map(std::borrow::Cow::Owned)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", entry.display()))),
            _ => Ok(std::borrow::Cow::Borrowed(&self.record)),
        }
    }
}

/// Runs the pipeline over every file (of this shard) in parallel; with
/// [`AuditOptions::gather`], the cross-document stage is fed as the files finish.
pub fn process_all(
    files: &[InputFile],
    opts: &AuditOptions,
) -> io::Result<(Vec<AuditedFile>, Option<Gathered>)> {
    let selected: Vec<&InputFile> = files
        .iter()
        .filter(|f| opts.shard.is_none_or(|s| s.owns(&f.relative)))
        .collect();
    let bar = progress_bar(selected.len() as u64, opts.progress);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs)
        .build()
        .map_err(io::Error::other)?;
    // A run that reuses no entry writes none: the results go to one file of its own.
    let entries = if opts.cache.reuse {
        None
    } else {
        Some(store::EntryStore::new(spill::SpillDir::new_in(
            &opts.work_dir,
        )?)?)
    };
    // Largest files first, each thread taking the next when it is free: the last files
    // to finish are small, so the threads finish together.
    let sizes: Vec<u64> = selected
        .iter()
        .map(|f| std::fs::metadata(&f.path).map_or(0, |m| m.len()))
        .collect();
    let mut order: Vec<usize> = (0..selected.len()).collect();
    order.sort_by(|&a, &b| sizes[b].cmp(&sizes[a]).then(a.cmp(&b)));
    let gathered = match opts.gather {
        Some(run_len) => Some(std::sync::Mutex::new(Gathered::new(
            &opts.work_dir,
            run_len,
        )?)),
        None => None,
    };
    // What every cache entry's key starts with: the same for every file of the run
    // (a run that reuses no entry keys none, and does not compute it).
    let fingerprint = if entries.is_none() {
        options_fingerprint(opts)
    } else {
        String::new()
    };
    let failed: std::sync::Mutex<Option<io::Error>> = std::sync::Mutex::new(None);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let slots: Vec<std::sync::Mutex<Option<AuditedFile>>> = selected
        .iter()
        .map(|_| std::sync::Mutex::new(None))
        .collect();
    pool.broadcast(|_| loop {
        let taken = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let Some(&i) = order.get(taken) else {
            break;
        };
        let mut r = process_one(selected[i], opts, &fingerprint, entries.as_ref());
        if let Some(gathered) = &gathered {
            let fed = gathered
                .lock()
                .map_err(|_| io::Error::other("poisoned"))
                .and_then(|mut g| {
                    if r.entry.is_some() || r.stored.is_some() {
                        g.feed_slimmed(&mut r.record)
                    } else {
                        g.feed(&r.record)
                    }
                });
            match fed {
                Ok(()) => r.gathered = true,
                Err(e) => {
                    if let Ok(mut failed) = failed.lock() {
                        failed.get_or_insert(e);
                    }
                }
            }
        }
        bar.inc(1);
        if let Some(reason) = r.record.outcome.failure() {
            bar.println(format!("warning: {}: {reason}", r.record.path));
        }
        if let Ok(mut slot) = slots[i].lock() {
            *slot = Some(r.slim());
        }
    });
    bar.finish_and_clear();
    if let Some(e) = failed.into_inner().ok().flatten() {
        return Err(e);
    }
    let mut files = slots
        .into_iter()
        .map(|slot| {
            slot.into_inner()
                .ok()
                .flatten()
                .ok_or_else(|| io::Error::other("a file's result was lost"))
        })
        .collect::<io::Result<Vec<_>>>()?;
    let mut gathered = gathered
        .map(|g| g.into_inner().map_err(|_| io::Error::other("poisoned")))
        .transpose()?;
    // The entries workers wrote are checked (length, checksum) before anything reads
    // them; one that fails is that file's failure, and the cross-document stage is then
    // fed again from the records as they stand.
    let bad: Vec<(usize, io::Error)> = {
        use rayon::prelude::*;
        pool.install(|| {
            files
                .par_iter()
                .enumerate()
                .filter_map(|(i, p)| {
                    let stored = p.stored.as_ref().filter(|s| s.from_worker())?;
                    stored.verify().err().map(|e| (i, e))
                })
                .collect()
        })
    };
    if !bad.is_empty() {
        for (i, e) in bad {
            let old = &files[i];
            let reason = FailureReason::Crashed(format!("worker's result unreadable: {e}"));
            let record =
                FileRecord::failed(old.record.path.clone(), old.record.hash.clone(), reason);
            bar.println(format!("warning: {}: {}", record.path, e));
            files[i] = store(None, record, Vec::new(), Vec::new(), opts, entries.as_ref()).slim();
        }
        gathered = None;
        for p in &mut files {
            p.gathered = false;
        }
    }
    Ok((files, gathered))
}

fn progress_bar(len: u64, show: bool) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !show || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} files ({per_sec}, eta {eta})",
    ) {
        bar.set_style(style);
    }
    bar
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

/// The SHA-256 of a file's bytes, or why they cannot be read.
fn hash_file(file: &InputFile) -> Result<String, FailureReason> {
    crate::ingest::open_input(&file.path)
        .and_then(|f| cache::hash_reader(f).map_err(|e| FailureReason::Io(e.to_string())))
}

/// The result of a file whose bytes cannot be read (no hash: the entry is not reused).
fn unreadable(
    file: &InputFile,
    reason: FailureReason,
    opts: &AuditOptions,
    entries: Option<&std::sync::Arc<store::EntryStore>>,
) -> AuditedFile {
    let record = FileRecord::failed(file.display.clone(), String::new(), reason);
    store(None, record, Vec::new(), Vec::new(), opts, entries)
}

fn process_one(
    file: &InputFile,
    opts: &AuditOptions,
    fingerprint: &str,
    entries: Option<&std::sync::Arc<store::EntryStore>>,
) -> AuditedFile {
    // Only a lookup needs the hash before reading; otherwise the pipeline hashes the
    // bytes it reads (and the file is hashed here only when it gives no hash).
    let looked_up = if entries.is_none() {
        let hash = match hash_file(file) {
            Ok(h) => h,
            // Not cached: the next run may be able to read it.
            Err(reason) => return unreadable(file, reason, opts, entries),
        };
        if let Some((record, entry)) =
            opts.cache
                .lookup(&cache::entry_key(fingerprint, &file.display, &hash))
        {
            return AuditedFile::new(record, Some(entry), true);
        }
        Some(hash)
    } else {
        None
    };
    // Later stages run in this process: a panic on odd input costs this file only.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_recorded(file, opts, entries.map(|e| e.dir()))
    }));
    let (processed_hash, result) = match result {
        Ok(outcome) => (outcome.sha256, Ok(outcome.result)),
        Err(payload) => (None, Err(payload)),
    };
    // The entry is keyed by the hash of the bytes the pipeline read: when the file was
    // replaced after the lookup, the entry is the new version's, under its own hash.
    let hash = match (processed_hash, looked_up) {
        (Some(h), _) | (None, Some(h)) => h,
        (None, None) => match hash_file(file) {
            Ok(h) => h,
            Err(reason) => return unreadable(file, reason, opts, entries),
        },
    };
    // Only a cache entry is named by a key (a run that reuses none stores no entries).
    let key = entries
        .is_none()
        .then(|| cache::entry_key(fingerprint, &file.display, &hash));
    let reason = match result {
        Ok(Ok(recorded)) => {
            let record::Recorded {
                mut record,
                documents,
                decisions,
                spilled,
            } = recorded;
            let Some(spilled) = spilled else {
                // The worker names the file by the path it was given to read.
                record.path = file.display.clone();
                return store(key.as_deref(), record, documents, decisions, opts, entries);
            };
            // The entry is in the worker's spill file (the record there names the file as
            // the worker was given it, which is how the reports must name it).
            let adopted = match entries {
                Some(entries) if record.path == file.display => entries.adopt(&spilled),
                _ => Err(io::Error::other("not an entry of this run")),
            };
            match adopted {
                Ok(stored) => {
                    let mut p = AuditedFile::new(record, None, false);
                    p.stored = Some(stored);
                    return p;
                }
                Err(e) => FailureReason::Crashed(format!("worker's result unreadable: {e}")),
            }
        }
        Ok(Err(e)) => e.reason,
        Err(payload) => FailureReason::Crashed(format!(
            "internal error while processing: {}",
            panic_message(payload.as_ref())
        )),
    };
    let record = FileRecord::failed(file.display.clone(), hash, reason);
    store(
        key.as_deref(),
        record,
        Vec::new(),
        Vec::new(),
        opts,
        entries,
    )
}

/// Runs the pipeline on one file and builds its record and report lines: in a worker
/// process when [`AuditOptions::isolated`] gives one, else here.
fn read_recorded(
    file: &InputFile,
    opts: &AuditOptions,
    spill_dir: Option<&Path>,
) -> record::RecordedOutcome {
    if let Some(outcome) = opts
        .isolated
        .and_then(|isolated| isolated(&file.path, &opts.ingest, &opts.grammars, spill_dir))
    {
        return outcome;
    }
    record::RecordedOutcome::of(
        file.display.clone(),
        crate::pipeline::process_file_hashed(&file.path, &opts.ingest, &opts.grammars.vocab),
        &opts.grammars.vocab,
    )
}

/// What a cache entry depends on besides the file: justera's build, the reading options
/// (a new password can open a file that failed as encrypted before) and the vocabulary
/// (`--grammars DIR` words change headings, totals and columns).
fn options_fingerprint(opts: &AuditOptions) -> String {
    // The OCR settings are in `opts.ingest`; a new Tesseract reads scans differently.
    let ocr_engine = match opts.ingest.ocr.mode {
        crate::ingest::ocr::OcrMode::Never => "",
        _ => crate::ingest::ocr::engine_version().unwrap_or("none"),
    };
    format!(
        "{}\0{:?}\0{}\0{ocr_engine}",
        opts.version,
        opts.ingest,
        opts.grammars.vocab.fingerprint()
    )
}

/// Writes the file's cache entry. A cache that cannot be written (disk full, read-only)
/// is the cache's problem, not the file's: the result is kept in memory instead, the
/// reports are whole, and a warning says the result is not cached.
fn store(
    key: Option<&str>,
    record: FileRecord,
    documents: Vec<String>,
    decisions: Vec<String>,
    opts: &AuditOptions,
    entries: Option<&std::sync::Arc<store::EntryStore>>,
) -> AuditedFile {
    if let Some(entries) = entries {
        match entries.append(&record, &documents, &decisions) {
            Ok(stored) => {
                let mut p = AuditedFile::new(record, None, false);
                p.stored = Some(stored);
                return p;
            }
            Err(e) => {
                eprintln!(
                    "warning: {}: result kept in memory (cannot write to {}: {e})",
                    record.path,
                    opts.work_dir.display()
                );
                let mut p = AuditedFile::new(record, None, false);
                p.lines = Some(std::sync::Arc::new((documents, decisions)));
                return p;
            }
        }
    }
    let key = key
        .map(str::to_string)
        .unwrap_or_else(|| cache::entry_key(&opts.version, &record.path, "unreadable"));
    match opts.cache.store(&key, &record, &documents, &decisions) {
        Ok(entry) => AuditedFile::new(record, Some(entry), false),
        Err(e) => {
            eprintln!(
                "warning: {}: result not cached (cannot write cache entry in {}: {e})",
                record.path,
                opts.cache.dir.display()
            );
            let mut p = AuditedFile::new(record, None, false);
            p.lines = Some(std::sync::Arc::new((documents, decisions)));
            p
        }
    }
}

// ---------------------------------------------------------------------------------
// Parts (shards) and merge

const PART_FORMAT: &str = "justera-part/1";
pub const PART_MANIFEST: &str = "part.jsonl";

#[derive(Serialize, Deserialize)]
struct PartHeader {
    format: String,
    version: String,
    shard: Option<String>,
    files: u64,
}

#[derive(Serialize, Deserialize)]
struct PartLine {
    path: String,
    entry: String,
}

/// Writes a shard's partial result into `dir`: a manifest and a copy of each entry, so
/// the part can be moved to the machine that merges.
pub fn write_part(dir: &Path, processed: &[AuditedFile], shard: Option<Shard>) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut manifest = AtomicFile::create(&dir.join(PART_MANIFEST))?;
    let header = PartHeader {
        format: PART_FORMAT.to_string(),
        version: env!("CARGO_PKG_VERSION").to_string(),
        shard: shard.map(|s| s.to_string()),
        files: processed.len() as u64,
    };
    serde_json::to_writer(&mut manifest, &header)?;
    manifest.write_all(b"\n")?;
    let mut sorted: Vec<&AuditedFile> = processed.iter().collect();
    sorted.sort_by(|a, b| a.record.path.cmp(&b.record.path));
    for (i, p) in sorted.iter().enumerate() {
        let name = format!("entries/{i:06}.jsonl");
        let target = dir.join(&name);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        match &p.entry {
            None if p.stored.is_some() => {
                if let Some(stored) = &p.stored {
                    cache::write_entry_body(&target, &stored.body()?)?;
                }
            }
            Some(entry) => {
                let _ = std::fs::remove_file(&target);
                if std::fs::hard_link(entry, &target).is_err() {
                    std::fs::copy(entry, &target)?;
                }
            }
            // No cache entry could be written: the part gets one from memory.
            None => {
                let (documents, decisions) = p
                    .lines
                    .as_deref()
                    .map(|(d, s)| (d.as_slice(), s.as_slice()))
                    .unwrap_or((&[], &[]));
                cache::write_entry(&target, &p.record, documents, decisions)?;
            }
        }
        serde_json::to_writer(
            &mut manifest,
            &PartLine {
                path: p.record.path.clone(),
                entry: name,
            },
        )?;
        manifest.write_all(b"\n")?;
    }
    manifest.commit()
}

fn invalid(msg: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg)
}

/// Reads parts written by `--shard` runs. A file in two parts is an error unless both
/// hold the same bytes (a part given twice).
pub fn read_parts(dirs: &[PathBuf]) -> io::Result<Vec<AuditedFile>> {
    let mut by_path: BTreeMap<String, AuditedFile> = BTreeMap::new();
    for dir in dirs {
        let manifest = dir.join(PART_MANIFEST);
        let reader = BufReader::new(
            std::fs::File::open(&manifest)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", manifest.display())))?,
        );
        let mut lines = reader.lines();
        let header: PartHeader = match lines.next() {
            Some(line) => serde_json::from_str(&line?)
                .map_err(|e| invalid(format!("{}: {e}", manifest.display())))?,
            None => return Err(invalid(format!("{}: empty manifest", manifest.display()))),
        };
        if header.format != PART_FORMAT {
            return Err(invalid(format!(
                "{}: not a justera part (format {:?})",
                manifest.display(),
                header.format
            )));
        }
        for line in lines {
            let line = line?;
            let entry: PartLine = serde_json::from_str(&line)
                .map_err(|e| invalid(format!("{}: {e}", manifest.display())))?;
            let path = dir.join(&entry.entry);
            let record = cache::read_verified(&path)
                .map_err(|e| invalid(format!("{}: {e}", path.display())))?;
            if let Some(prev) = by_path.get(&record.path) {
                if prev.record.hash != record.hash {
                    return Err(invalid(format!(
                        "{} is in two parts with different contents",
                        record.path
                    )));
                }
                continue;
            }
            by_path.insert(
                record.path.clone(),
                AuditedFile::new(record, Some(path), true).slim(),
            );
        }
    }
    Ok(by_path.into_values().collect())
}

// ---------------------------------------------------------------------------------
// The whole-archive stage

pub use crate::report::model::Summary;

/// Everything the reports are made of, in report order.
pub struct Audit {
    /// Sorted by path; slim records, read back one at a time by the reports.
    pub files: Vec<AuditedFile>,
    pub cross: cross::ArchiveCross,
    pub stats: Stats,
    pub summary: Summary,
}

impl Audit {
    /// The whole-archive stage: every file's facts go through an external sort (spill
    /// files in a temporary directory under `work_dir`) so the cross-document checks see
    /// one organisation at a time, and memory does not grow with the archive.
    pub fn new(files: Vec<AuditedFile>, work_dir: &Path) -> io::Result<Audit> {
        Self::with_run_len(files, work_dir, spill::DEFAULT_RUN_LEN)
    }

    /// [`Audit::new`] with the number of items the external sort holds before it writes
    /// a run to disk (tests make it small to prove spilled runs give the same reports).
    pub fn with_run_len(
        files: Vec<AuditedFile>,
        work_dir: &Path,
        run_len: usize,
    ) -> io::Result<Audit> {
        Self::with_gathered(files, None, work_dir, run_len)
    }

    /// [`Audit::with_run_len`] where the files marked as fed are in `gathered` already
    /// (their full records are not read again).
    pub fn with_gathered(
        files: Vec<AuditedFile>,
        gathered: Option<Gathered>,
        work_dir: &Path,
        run_len: usize,
    ) -> io::Result<Audit> {
        let files = Self::in_report_order(files);
        let (cross, stats, summary) = Self::archive_stage(&files, gathered, work_dir, run_len)?;
        Ok(Audit {
            files,
            cross,
            stats,
            summary,
        })
    }

    /// [`Audit::with_gathered`], then [`Audit::write_reports`] into `dir`; the reports
    /// that do not depend on the whole-archive stage (`documents.jsonl`,
    /// `decisions.jsonl`: the files' own lines) are written while that stage runs.
    pub fn with_gathered_reported(
        files: Vec<AuditedFile>,
        gathered: Option<Gathered>,
        work_dir: &Path,
        run_len: usize,
        dir: &Path,
    ) -> Result<Audit, AuditError> {
        let files = Self::in_report_order(files);
        let staging = Staging::new(dir).map_err(AuditError::Reports)?;
        // What the sections' thread reads while the audit owns the files (slim records).
        let copies = files.clone();
        let audit = std::thread::scope(|scope| {
            let sections = std::thread::Builder::new()
                .name("jsonl".to_string())
                .spawn_scoped(scope, || staging.sections(&copies))
                .map_err(AuditError::Reports)?;
            let (cross, stats, summary) = Self::archive_stage(&files, gathered, work_dir, run_len)
                .map_err(AuditError::Archive)?;
            let audit = Audit {
                files,
                cross,
                stats,
                summary,
            };
            audit
                .write_staged(dir, &staging, || join(sections))
                .map_err(AuditError::Reports)?;
            Ok(audit)
        })?;
        staging.0.close().map_err(AuditError::Reports)?;
        Ok(audit)
    }

    /// Slim records sorted by path: the order of every report.
    fn in_report_order(files: Vec<AuditedFile>) -> Vec<AuditedFile> {
        let mut files: Vec<AuditedFile> = files.into_iter().map(AuditedFile::slim).collect();
        files.sort_by(|a, b| a.record.path.cmp(&b.record.path));
        files
    }

    /// The whole-archive stage over `files` (in report order): the cross-document checks
    /// and the run's counts.
    fn archive_stage(
        files: &[AuditedFile],
        gathered: Option<Gathered>,
        work_dir: &Path,
        run_len: usize,
    ) -> io::Result<(cross::ArchiveCross, Stats, Summary)> {
        let fed = gathered.is_some();
        let mut gathered = match gathered {
            Some(g) => g,
            None => Gathered::new(work_dir, run_len)?,
        };
        let mut stats = Stats::default();
        let mut summary = Summary::default();
        for p in files {
            if !(fed && p.gathered) {
                gathered.feed(p.full_record()?.as_ref())?;
            }
            let s = &p.record.stats;
            stats.files += 1;
            stats.add_checked(s);
            summary.pages += u64::from(p.record.outcome.pages());
            if let record::Outcome::Read {
                report: crate::ingest::ReadReport { ocr: Some(ocr), .. },
                ..
            } = &p.record.outcome
            {
                summary.ocr_files += 1;
                summary.ocr_pages += ocr.pages.len() as u64;
            }
            match p.record.outcome.failure() {
                Some(reason) => {
                    summary.files_failed += 1;
                    *summary
                        .failed_by_reason
                        .entry(reason.code().to_string())
                        .or_default() += 1;
                }
                None => summary.files_read += 1,
            }
        }
        let Gathered {
            spill,
            facts,
            mut by_severity,
            mut by_rule,
        } = gathered;
        let cross = cross::check_archive(facts.finish()?, &spill, run_len)?;
        for f in cross.findings.iter() {
            let f = f?;
            *by_severity
                .entry(f.severity.as_str().to_string())
                .or_default() += 1;
            *by_rule.entry(f.rule.to_string()).or_default() += 1;
        }
        stats.relations_checked += cross.relations_checked;
        stats.relations_failed += cross.relations_failed;
        summary.files = stats.files;
        summary.documents = stats.documents;
        summary.paragraphs = stats.paragraphs;
        summary.tables = stats.tables;
        summary.cells = stats.cells;
        summary.tables_unparsed = stats.tables_unparsed;
        summary.relations_checked = stats.relations_checked;
        summary.relations_failed = stats.relations_failed;
        summary.facts = cross.facts;
        summary.cross_relations_checked = cross.relations_checked;
        summary.cross_relations_failed = cross.relations_failed;
        summary.findings = by_severity.values().sum();
        summary.findings_by_severity = by_severity;
        summary.findings_by_rule = by_rule;
        Ok((cross, stats, summary))
    }

    pub fn has_errors(&self) -> bool {
        self.summary
            .findings_by_severity
            .get(Severity::Error.as_str())
            .is_some_and(|&n| n > 0)
    }

    /// Writes the reports (findings.json, findings.csv, documents.jsonl,
    /// decisions.jsonl, findings.xlsx, index.html) into `dir` as one set: each is written and synced in a
    /// fresh temporary folder inside `dir`, then the manifest of the set in place is
    /// removed, `index.html` (what people open) is removed, the new files are renamed in
    /// with `index.html` last, and a new manifest ([`REPORT_MANIFEST`]: each report's
    /// length and SHA-256) is written last. So at no moment does `dir` hold a manifest
    /// over a mixed or partial set, nor an `index.html` beside another run's data; a run
    /// killed on the way leaves a set without manifest (and a temporary folder the next
    /// run removes).
    pub fn write_reports(&self, dir: &Path) -> io::Result<()> {
        let staging = Staging::new(dir)?;
        std::thread::scope(|scope| {
            let sections = std::thread::Builder::new()
                .name("jsonl".to_string())
                .spawn_scoped(scope, || staging.sections(&self.files))?;
            self.write_staged(dir, &staging, || join(sections))
        })?;
        staging.0.close()
    }

    /// [`Audit::write_reports`] into `staging`, where `sections` gives the two section
    /// reports (written by another thread) once the others are written.
    fn write_staged(
        &self,
        dir: &Path,
        staging: &Staging,
        sections: impl FnOnce() -> io::Result<Sections>,
    ) -> io::Result<()> {
        // The writers read the report's plain data; links in the spreadsheet and the
        // page are relative to `dir`, where the set ends up.
        let report = self.report();
        let report = &report;
        type Writer<'w> = &'w (dyn Fn(&mut dyn Write) -> io::Result<()> + Sync);
        // The slowest first.
        let stages: [(&str, Writer); 4] = [
            ("findings.xlsx", &|out| {
                crate::report::xlsx::write(report, dir, out)
            }),
            ("index.html", &|mut out| {
                crate::report::html::write(report, dir, &mut out)
            }),
            ("findings.json", &|mut out| {
                crate::report::audit::write_findings(report, &mut out)
            }),
            ("findings.csv", &|mut out| {
                crate::report::csv::write_findings(report, &mut out)
            }),
        ];
        // Each report is written (and synced) by a thread of its own, named after it
        // (for profilers): they read the same data and write different files.
        let written: Vec<io::Result<ManifestFile>> = std::thread::scope(|scope| {
            let running: Vec<_> = stages
                .iter()
                .map(|&(name, write)| {
                    std::thread::Builder::new()
                        .name(name.to_string())
                        .spawn_scoped(scope, || staging.stage(name, write))
                })
                .collect();
            running
                .into_iter()
                .map(|spawned| spawned.and_then(join))
                .collect()
        });
        let mut written = written.into_iter();
        let mut next = || {
            written
                .next()
                .unwrap_or_else(|| Err(io::Error::other("a report was not written")))
        };
        let (xlsx, html, json, csv) = (next()?, next()?, next()?, next()?);
        let [documents, decisions] = sections()?;
        // The manifest lists them in this order.
        let manifest = ReportManifest {
            format: "justera-reports/1".to_string(),
            files: vec![json, csv, documents, decisions, xlsx, html],
        };
        remove_if_present(&dir.join(REPORT_MANIFEST))?;
        remove_if_present(&dir.join("index.html"))?;
        for f in &manifest.files {
            std::fs::rename(staging.0.path().join(&f.name), dir.join(&f.name))?;
        }
        sync_dir(dir);
        let mut text = serde_json::to_vec_pretty(&manifest)?;
        text.push(b'\n');
        crate::report::atomic::write_atomic(&dir.join(REPORT_MANIFEST), &text)?;
        sync_dir(dir);
        Ok(())
    }
}

/// The result of a scoped thread (its panic goes on in the caller).
fn join<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|p| std::panic::resume_unwind(p))
}

/// What went wrong in [`Audit::with_gathered_reported`].
#[derive(Debug)]
pub enum AuditError {
    /// In the whole-archive stage (the cross-document checks).
    Archive(io::Error),
    /// While writing the reports.
    Reports(io::Error),
}

/// The temporary folder inside the out folder that a report set is written in before
/// it is swapped in ([`Audit::write_reports`]).
struct Staging(tempfile::TempDir);

/// `documents.jsonl` and `decisions.jsonl` as staged.
type Sections = [ManifestFile; 2];

impl Staging {
    fn new(dir: &Path) -> io::Result<Staging> {
        std::fs::create_dir_all(dir)?;
        Ok(Staging(
            tempfile::Builder::new()
                .prefix(STAGING_PREFIX)
                .tempdir_in(dir)?,
        ))
    }

    /// Writes one report into the folder and syncs it.
    fn stage(
        &self,
        name: &str,
        write: &(dyn Fn(&mut dyn Write) -> io::Result<()> + Sync),
    ) -> io::Result<ManifestFile> {
        let timer = StageTimer::start();
        let file = std::fs::File::create(self.0.path().join(name))?;
        // Buffered before it is hashed: the writers write a token at a time.
        let mut out = io::BufWriter::with_capacity(1 << 16, HashingWriter::new(file));
        write(&mut out)?;
        let out = out.into_inner().map_err(|e| e.into_error())?;
        let (inner, bytes, sha256) = out.finish();
        timer.lap(name, "written");
        inner.sync_all()?;
        timer.lap(name, "synced");
        Ok(ManifestFile {
            name: name.to_string(),
            bytes,
            sha256,
        })
    }

    /// `documents.jsonl` and `decisions.jsonl` of `files` (in report order), which hold
    /// the files' own lines only: one after the other, on the calling thread.
    fn sections(&self, files: &[AuditedFile]) -> io::Result<Sections> {
        let documents = self.stage("documents.jsonl", &|out| {
            write_section(files, Section::Documents, out)
        })?;
        let decisions = self.stage("decisions.jsonl", &|out| {
            write_section(files, Section::Decisions, out)
        })?;
        Ok([documents, decisions])
    }
}

fn write_section(files: &[AuditedFile], section: Section, out: &mut dyn Write) -> io::Result<()> {
    match section {
        // Written as the entries hold them, not line by line.
        Section::Documents => each_part(files, section, &mut |part| out.write_all(part)),
        // Decisions once each, as `justera export` gives them: the same record as
        // PDF and as text is one line listing both sources.
        Section::Decisions => {
            let mut merge = crate::report::audit::DecisionMerge::default();
            each_line(files, section, &mut |line| {
                merge.note(line);
                Ok(())
            })?;
            each_line(files, section, &mut |line| merge.write(line, out))
        }
    }
}

/// Every line of a section, file by file (each ending in a newline).
fn each_line(
    files: &[AuditedFile],
    section: Section,
    f: &mut dyn FnMut(&[u8]) -> io::Result<()>,
) -> io::Result<()> {
    each_part(files, section, &mut |part| {
        part.split_inclusive(|&b| b == b'\n').try_for_each(&mut *f)
    })
}

/// A section in parts of whole lines (each ending in a newline), file by file.
fn each_part(
    files: &[AuditedFile],
    section: Section,
    f: &mut dyn FnMut(&[u8]) -> io::Result<()>,
) -> io::Result<()> {
    let mut buf: Vec<u8> = Vec::new();
    for p in files {
        if let Some(entry) = &p.entry {
            buf.clear();
            cache::copy_section(entry, &p.record, section, &mut buf)?;
            f(&buf)?;
        } else if let Some(stored) = &p.stored {
            stored.section_into(section, &mut buf)?;
            f(&buf)?;
        } else if let Some(lines) = &p.lines {
            let lines = match section {
                Section::Documents => &lines.0,
                Section::Decisions => &lines.1,
            };
            for line in lines {
                let mut l = line.clone().into_bytes();
                l.push(b'\n');
                f(&l)?;
            }
        }
    }
    Ok(())
}

/// Set (to anything) to have the audit print to stderr what each report took: the CPU
/// time of the thread that wrote it and the wall time (for measuring, not a report).
pub const STATS_ENV: &str = "JUSTERA_STATS";

/// The CPU and wall time of one thread's stage, printed when [`STATS_ENV`] is set.
struct StageTimer(Option<(f64, std::time::Instant)>);

impl StageTimer {
    fn start() -> StageTimer {
        StageTimer(
            std::env::var_os(STATS_ENV)
                .is_some()
                .then(|| (thread_cpu(), std::time::Instant::now())),
        )
    }

    fn lap(&self, name: &str, what: &str) {
        if let Some((cpu, wall)) = self.0 {
            eprintln!(
                "stats:   {name}: thread CPU {:.4} s, wall {:.4} s ({what})",
                thread_cpu() - cpu,
                wall.elapsed().as_secs_f64()
            );
        }
    }
}

/// CPU seconds of the calling thread.
fn thread_cpu() -> f64 {
    // SAFETY: clock_gettime only writes the struct it is given.
    let t = unsafe {
        let mut t: libc::timespec = std::mem::zeroed();
        libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t);
        t
    };
    t.tv_sec as f64 + t.tv_nsec as f64 / 1e9
}

/// The last file of a report set: the reports it consists of, with length and SHA-256.
/// A set without it is incomplete (a run was killed while writing it).
pub const REPORT_MANIFEST: &str = "manifest.json";

/// The temporary folder a report set is written in before it is swapped in.
pub const STAGING_PREFIX: &str = ".justera-report-";

#[derive(Serialize, Deserialize)]
struct ReportManifest {
    format: String,
    files: Vec<ManifestFile>,
}

#[derive(Serialize, Deserialize)]
struct ManifestFile {
    name: String,
    bytes: u64,
    sha256: String,
}

fn remove_if_present(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Makes renames in `dir` durable (best effort: not every system can sync a folder).
fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// A writer that counts and hashes what passes through.
struct HashingWriter<W: Write> {
    inner: W,
    hasher: sha2::Sha256,
    bytes: u64,
}

impl<W: Write> HashingWriter<W> {
    fn new(inner: W) -> Self {
        use sha2::Digest;
        HashingWriter {
            inner,
            hasher: sha2::Sha256::new(),
            bytes: 0,
        }
    }

    fn finish(self) -> (W, u64, String) {
        use sha2::Digest;
        let digest = self.hasher.finalize();
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        (self.inner, self.bytes, hex)
    }
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        use sha2::Digest;
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Holds the advisory lock on an out folder for as long as it lives.
pub struct OutLock {
    _file: std::fs::File,
}

/// The lock file inside an out folder.
pub const LOCK_FILE: &str = ".justera.lock";

/// Makes `dir` the run's own: creates it, checks it can be written (before any file is
/// read), takes the advisory lock (a second run on the same folder is refused with a
/// clear message instead of mixing its reports with this one's), and removes what
/// killed runs left behind: report staging folders, spill folders, temporary files.
pub fn claim_out_dir(dir: &Path) -> Result<OutLock, String> {
    let shown = dir.display();
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {shown}: {e}"))?;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(dir.join(LOCK_FILE))
        .map_err(|e| format!("cannot write to {shown}: {e}"))?;
    match fs4::FileExt::try_lock(&file) {
        Ok(()) => {}
        Err(fs4::TryLockError::WouldBlock) => {
            return Err(format!(
                "{shown} is in use by another justera run (it holds {LOCK_FILE}); wait for it to finish or choose another --out"
            ))
        }
        Err(fs4::TryLockError::Error(e)) => return Err(format!("cannot lock {shown}: {e}")),
    }
    tempfile::Builder::new()
        .prefix(".justera-write-check-")
        .tempfile_in(dir)
        .map_err(|e| format!("cannot write to {shown}: {e}"))?;
    clean_stale(dir);
    Ok(OutLock { _file: file })
}

/// Removes what runs killed in this folder left: staging and spill folders and
/// temporary report files (the lock is held, so none belongs to a live run).
fn clean_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let path = e.path();
        if name.starts_with(STAGING_PREFIX) || name.starts_with(spill::SPILL_PREFIX) {
            let _ = std::fs::remove_dir_all(&path);
        } else if name.starts_with('.') && name.ends_with(".tmp") {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// The summary printed at the end of a run, in plain lines.
pub fn summary_text(audit: &Audit) -> String {
    let s = &audit.summary;
    let mut out = String::new();
    out.push_str(&format!(
        "{} files ({} read, {} failed), {} pages, {} documents, {} paragraphs, {} tables, {} cells\n",
        s.files, s.files_read, s.files_failed, s.pages, s.documents, s.paragraphs, s.tables, s.cells
    ));
    if s.ocr_files > 0 {
        out.push_str(&format!(
            "{} pages in {} files read by OCR (scanned)\n",
            s.ocr_pages, s.ocr_files
        ));
    }
    out.push_str(&format!(
        "{} relations checked ({} failed), of which {} across documents over {} facts ({} failed)\n",
        s.relations_checked,
        s.relations_failed,
        s.cross_relations_checked,
        s.facts,
        s.cross_relations_failed
    ));
    let sev: Vec<String> = ["error", "warning", "info"]
        .iter()
        .map(|k| {
            format!(
                "{} {k}",
                s.findings_by_severity.get(*k).copied().unwrap_or(0)
            )
        })
        .collect();
    out.push_str(&format!("{} findings: {}\n", s.findings, sev.join(", ")));
    if !s.findings_by_rule.is_empty() {
        let rules: Vec<String> = s
            .findings_by_rule
            .iter()
            .map(|(r, n)| format!("{r} {n}"))
            .collect();
        out.push_str(&format!("  by rule: {}\n", rules.join(", ")));
    }
    if s.files_failed > 0 {
        let reasons: Vec<String> = s
            .failed_by_reason
            .iter()
            .map(|(r, n)| format!("{r} {n}"))
            .collect();
        out.push_str(&format!("failed files by reason: {}\n", reasons.join(", ")));
        for p in &audit.files {
            if let Some(reason) = p.record.outcome.failure() {
                out.push_str(&format!("  {}: {reason}\n", p.record.path));
            }
        }
    }
    out
}

impl Audit {
    /// The reports' plain data ([`crate::report::model`]): the run, the summary and one
    /// entry per file; findings and tables are read back through the audit (as a
    /// [`Source`](crate::report::model::Source)) one file at a time.
    pub fn report(&self) -> crate::report::model::Report<'_> {
        use crate::report::model::{CrossCounts, FileEntry, FileStatus, Report, Run};
        let files = self
            .files
            .iter()
            .map(|p| {
                let r = &p.record;
                let status = match &r.outcome {
                    record::Outcome::Read { report, .. } => FileStatus::Read {
                        report: report.clone(),
                    },
                    record::Outcome::Failed { reason } => FileStatus::Failed {
                        reason: reason.clone(),
                    },
                };
                FileEntry {
                    path: r.path.clone(),
                    sha256: r.hash.clone(),
                    status,
                    pages: r.outcome.pages(),
                    documents: r.documents.clone(),
                    findings: p.findings,
                }
            })
            .collect();
        Report {
            run: Run {
                version: env!("CARGO_PKG_VERSION").to_string(),
                date: Some(Run::date_now()),
                inputs: crate::report::model::input_roots(
                    self.files.iter().map(|p| p.record.path.as_str()),
                ),
            },
            summary: self.summary.clone(),
            stats: self.stats.clone(),
            files,
            cross: CrossCounts {
                facts: self.cross.facts,
                relations_checked: self.cross.relations_checked,
                relations_failed: self.cross.relations_failed,
                relations: self.cross.relations.len(),
            },
            source: self,
        }
    }
}

impl crate::report::model::Source for Audit {
    fn file(&self, index: usize) -> io::Result<crate::report::model::FileDetail> {
        let Some(p) = self.files.get(index) else {
            return Ok(Default::default());
        };
        p.detail()
    }

    fn cross_findings(&self) -> Box<dyn Iterator<Item = io::Result<Finding>> + '_> {
        self.cross.findings.iter()
    }

    fn relations(
        &self,
    ) -> Box<dyn Iterator<Item = io::Result<crate::check::cross::Relation>> + '_> {
        self.cross.relations.iter()
    }
}
