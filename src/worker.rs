//! Per-file isolation: PDF extraction runs in a child process (this same binary, hidden
//! subcommand `worker`), so a stack overflow, an abort, a hang or a memory blow-up in
//! the PDF reader costs that one file and never the run.
//!
//! Protocol: each thread of the parent starts one `justera worker --serve --timeout T
//! --memory-limit M` and keeps it; per file it writes one JSON line to the worker's
//! stdin, `{"path", "passwords"}` (passwords never on a command line, where other users
//! could read them), and reads one reply frame back: a magic, a length and the reply
//! `{"Ok": IngestedFile}` or `{"Err": FailureReason}` as MessagePack. The parent enforces the time limit (kill), maps signals to reasons,
//! never trusts the output blindly (size cap, parse errors become `Crashed`), and starts
//! a fresh worker after any failure and when the worker holds too much memory (`Recycle`;
//! every [`RECYCLE_AFTER`] files where that cannot be measured). Inside, the worker
//! caps its own address space with setrlimit, so compression bombs end as "too large".
//! (`justera worker FILE` still reads a single file, with a CPU-time cap as well.)

use crate::grammar::vocab::{Grammars, Vocabulary};
use crate::ingest::{FailureReason, IngestError, IngestOptions, IngestedFile, RawContent};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::sync::OnceLock;
use std::time::Duration;

/// Set to the path of a `justera` binary to isolate through it (tests do this), or to
/// an empty string to read in-process.
pub const WORKER_EXE_ENV: &str = "JUSTERA_WORKER_EXE";

/// The largest reply accepted from a worker; more is treated as a runaway file.
const MAX_REPLY_BYTES: usize = 1 << 30;

/// Stack for the reading thread inside the worker: deep but finite nesting in real
/// files (forms inside forms) should not be mistaken for a crash.
const WORKER_STACK_BYTES: usize = 256 << 20;

type Reply = Result<IngestedFile, FailureReason>;

/// The binary to run workers from: `$JUSTERA_WORKER_EXE` when set, else the current
/// executable when it is `justera` itself (not a test harness, which has no `worker`
/// subcommand). None means read in-process.
pub fn worker_exe() -> Option<PathBuf> {
    static EXE: OnceLock<Option<PathBuf>> = OnceLock::new();
    EXE.get_or_init(|| {
        if let Some(v) = std::env::var_os(WORKER_EXE_ENV) {
            return (!v.is_empty()).then(|| PathBuf::from(v));
        }
        let exe = std::env::current_exe().ok()?;
        (exe.file_stem().and_then(|s| s.to_str()) == Some("justera")).then_some(exe)
    })
    .clone()
}

/// True when the file should go through a worker: a `.pdf` name or a `%PDF-` header.
pub fn is_pdf_input(path: &Path) -> bool {
    let by_name = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if by_name {
        return true;
    }
    let mut head = [0u8; 1024];
    let Ok(mut f) = crate::ingest::open_input(path) else {
        return false;
    };
    let n = f.read(&mut head).unwrap_or(0);
    memchr::memmem::find(&head[..n], b"%PDF-").is_some()
}

/// Where a worker's memory cannot be measured (no `/proc/PID/status`: not Linux, or
/// /proc not mounted): files one worker process reads before it is replaced, so memory
/// a file leaves behind (fragmentation under the address-space ceiling) never piles up
/// for long. Where it can, a worker is replaced by what it holds ([`Recycle`]), not by
/// count: each new worker costs an exec, the vocabulary and the regexes again.
pub const RECYCLE_AFTER: usize = 256;

/// A worker is replaced once its resident memory has grown this much (MiB) beyond what
/// it held after its first file. On the generated 400-PDF archive (2026-12-04) one worker
/// held 17.1 MiB resident after its first file and 17.2 MiB after all 400 (virtual size
/// 469 MiB throughout, most of it the reserved reading stack and allocator arenas):
/// 64 MiB more is far above that drift, yet keeps the memory per job bounded when some
/// file leaves a large heap behind.
const RSS_GROWTH_MIB: u64 = 64;

/// Set by tests only: replace a worker once its resident memory exceeds this many KiB
/// (e.g. 1: after every file), to show that replacement by memory happens.
const MAX_RSS_ENV: &str = "JUSTERA_TEST_WORKER_MAX_RSS_KIB";

/// Set by tests only: every entry a worker writes to its spill file is damaged on the way
/// (one byte changed), as a failing disk or a faulty worker would leave it.
const SPILL_DAMAGE_ENV: &str = "JUSTERA_TEST_WORKER_SPILL_DAMAGE";

/// How the spill files of workers are named ([`SpillFile`]); the parent reads back only
/// files so named.
pub const WORKER_SPILL_PREFIX: &str = "worker-";

/// How many worker processes this process has started (shown by `JUSTERA_STATS`).
static STARTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Worker processes started so far by this process.
pub fn workers_started() -> usize {
    STARTED.load(std::sync::atomic::Ordering::Relaxed)
}

/// A process's resident and virtual size in KiB (`VmRSS`, `VmSize`), from
/// `/proc/PID/statm` (the same figures as `/proc/PID/status`, in pages, at a fraction
/// of the kernel's cost to produce); None where that cannot be read.
fn memory_of(pid: u32) -> Option<(u64, u64)> {
    let statm = std::fs::read_to_string(format!("/proc/{pid}/statm")).ok()?;
    let mut fields = statm
        .split_ascii_whitespace()
        .map(|f| f.parse::<u64>().ok());
    let (size, resident) = (fields.next()??, fields.next()??);
    // SAFETY: sysconf only reads a configuration value.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    let page_kib = u64::try_from(page).ok().filter(|&p| p >= 1024)? / 1024;
    Some((
        resident.saturating_mul(page_kib),
        size.saturating_mul(page_kib),
    ))
}

/// When a worker is due for replacement, judged after each reply by what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Recycle {
    /// The address-space cap the worker runs under (`--memory-limit`), KiB; 0: none.
    cap_kib: u64,
    /// Replace once the resident size passes this (KiB); None: from the first reply.
    max_rss_kib: Option<u64>,
}

impl Recycle {
    fn new(memory_limit_mb: u64) -> Recycle {
        let max_rss_kib = std::env::var(MAX_RSS_ENV)
            .ok()
            .and_then(|v| v.trim().parse().ok());
        Recycle {
            cap_kib: memory_limit_mb.saturating_mul(1024),
            max_rss_kib,
        }
    }

    /// Whether a worker that holds `now` (resident, virtual KiB) should be replaced,
    /// `first` being what it held after its first file (its baseline: the binary, the
    /// vocabulary, the regexes, the 256 MiB reading stack reserved, allocator arenas).
    ///
    /// - Near the address-space cap: once it has used a quarter of the headroom it had
    ///   after its first file (virtual size, which the cap limits, grows by a quarter of
    ///   `cap - first`), a file that a fresh worker could read might fail as "too large"
    ///   in this one: replace it. (With the default 4 GiB cap and a ~470 MiB baseline:
    ///   at ~1.37 GiB.)
    /// - Holding much more than a fresh worker: resident size [`RSS_GROWTH_MIB`] above
    ///   the baseline (or the test threshold).
    fn due(&self, first: (u64, u64), now: (u64, u64)) -> bool {
        let (first_rss, first_vm) = first;
        let (rss, vm) = now;
        if self.cap_kib > 0 && vm > first_vm {
            let headroom = self.cap_kib.saturating_sub(first_vm);
            if vm - first_vm > headroom / 4 {
                return true;
            }
        }
        let max_rss = self
            .max_rss_kib
            .unwrap_or_else(|| first_rss.saturating_add(RSS_GROWTH_MIB * 1024));
        rss > max_rss
    }
}

/// What the reader thread of a worker's stdout passes on.
enum Msg {
    Line(Vec<u8>),
    /// The worker finished a slow step (an OCR'd page) and goes on.
    Progress,
    TooLarge,
    BadFrame,
    Closed,
}

/// A `justera worker --serve` process owned by one thread of the parent.
struct Persistent {
    exe: PathBuf,
    limits: (u64, u64),
    /// The `--grammars DIR` it was started with: the words it parses with.
    grammars: Option<PathBuf>,
    child: std::process::Child,
    stdin: std::process::ChildStdin,
    replies: mpsc::Receiver<Msg>,
    err_tail: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
    /// Disconnects when the stderr reader has read to the end of the worker's stderr.
    err_done: Option<mpsc::Receiver<()>>,
    served: usize,
    recycle: Recycle,
    /// Resident and virtual size (KiB) after the first reply: the baseline.
    first: Option<(u64, u64)>,
    /// Replace this worker before the next file: it holds too much (or, where memory
    /// cannot be measured, has read [`RECYCLE_AFTER`] files).
    due: bool,
    /// The spill file this worker writes to, once it was given one ([`SpillFile`]).
    spill: Option<PathBuf>,
}

impl Persistent {
    fn start(
        exe: &Path,
        opts: &IngestOptions,
        grammars: Option<&Path>,
    ) -> std::io::Result<Persistent> {
        let mut command = Command::new(exe);
        if let Some(dir) = grammars {
            command.arg("--grammars").arg(dir);
        }
        #[cfg(target_os = "linux")]
        {
            use std::os::unix::process::CommandExt;
            let parent = std::process::id();
            // SAFETY: the closure runs between fork and exec and calls only the
            // async-signal-safe prctl, getppid and _exit.
            unsafe {
                command.pre_exec(move || {
                    // The worker is killed when the thread that started it ends (the
                    // parent killed with -9 included), so no orphan runs on.
                    libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                    // The parent may have died before prctl took effect.
                    if libc::getppid() as u32 != parent {
                        libc::_exit(4);
                    }
                    Ok(())
                });
            }
        }
        let mut child = command
            .arg("worker")
            .arg("--serve")
            .arg("--timeout")
            .arg(opts.timeout_secs.to_string())
            .arg("--memory-limit")
            .arg(opts.memory_limit_mb.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        STARTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let stdin = child
            .stdin
            .take()
            .ok_or_else(|| std::io::Error::other("no stdin"))?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| std::io::Error::other("no stdout"))?;
        // A reply (every glyph of a file) is hundreds of KiB: with the default 64 KiB
        // pipe the worker stalls until this side is scheduled to drain it. (Linux only:
        // elsewhere the pipe keeps its size and the reader drains it as it goes.)
        #[cfg(target_os = "linux")]
        {
            use std::os::fd::AsRawFd;
            // SAFETY: F_SETPIPE_SZ only resizes the pipe behind a descriptor we own;
            // failure (an older kernel, a lower limit) leaves the default size.
            unsafe { libc::fcntl(stdout.as_raw_fd(), libc::F_SETPIPE_SZ, 1 << 20) };
        }
        let (tx, replies) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = std::io::BufReader::with_capacity(1 << 16, stdout);
            loop {
                let msg = read_frame(&mut reader);
                let last = !matches!(msg, Msg::Line(_) | Msg::Progress);
                if tx.send(msg).is_err() || last {
                    return;
                }
            }
        });
        let err_tail = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let mut err_done = None;
        if let Some(mut stderr) = child.stderr.take() {
            let tail = std::sync::Arc::clone(&err_tail);
            let (done, done_rx) = mpsc::channel::<()>();
            err_done = Some(done_rx);
            std::thread::spawn(move || {
                // Dropped when the reader ends: `death` waits for that.
                let _done = done;
                // Keep only the tail: the last lines say why a worker died.
                let mut chunk = [0u8; 8192];
                while let Ok(n) = stderr.read(&mut chunk) {
                    if n == 0 {
                        break;
                    }
                    if let Ok(mut t) = tail.lock() {
                        t.extend_from_slice(&chunk[..n]);
                        if t.len() > 16384 {
                            let cut = t.len() - 8192;
                            t.drain(..cut);
                        }
                    }
                }
            });
        }
        Ok(Persistent {
            exe: exe.to_path_buf(),
            limits: (opts.timeout_secs, opts.memory_limit_mb),
            grammars: grammars.map(Path::to_path_buf),
            child,
            stdin,
            replies,
            err_tail,
            err_done,
            served: 0,
            recycle: Recycle::new(opts.memory_limit_mb),
            first: None,
            due: false,
            spill: None,
        })
    }

    /// The spill file of this worker in `dir`: named once, for this process only (a
    /// worker started later gets a file of its own).
    fn spill_in(&mut self, dir: &Path) -> PathBuf {
        match &self.spill {
            Some(file) if file.parent() == Some(dir) => file.clone(),
            _ => {
                static NAMED: std::sync::atomic::AtomicUsize =
                    std::sync::atomic::AtomicUsize::new(0);
                let n = NAMED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let file = dir.join(format!("{WORKER_SPILL_PREFIX}{n:06}.jsonl"));
                self.spill = Some(file.clone());
                file
            }
        }
    }

    /// Judges after a reply whether this worker is to be replaced before the next file:
    /// by the memory it holds where that can be read, else by the files it has read.
    fn check_memory(&mut self) {
        match memory_of(self.child.id()) {
            Some(now) => {
                let first = *self.first.get_or_insert(now);
                self.due = self.recycle.due(first, now);
            }
            None => self.due = self.served >= RECYCLE_AFTER,
        }
    }

    /// Whether this worker can serve a request: the same binary and limits, not yet due
    /// for recycling, and (when it is to parse, `process`) the same grammars.
    fn fits(
        &self,
        exe: &Path,
        opts: &IngestOptions,
        grammars: Option<&Path>,
        process: bool,
    ) -> bool {
        self.exe == exe
            && self.limits == (opts.timeout_secs, opts.memory_limit_mb)
            && !self.due
            && (!process || self.grammars.as_deref() == grammars)
    }

    /// Sends one request and waits for its reply. `Err` means the worker is gone (or must
    /// go): the caller drops it and the reason is the file's.
    fn request<T: serde::de::DeserializeOwned>(
        &mut self,
        path: &Path,
        opts: &IngestOptions,
        (process, record): (bool, bool),
        spill: Option<PathBuf>,
    ) -> Result<Result<T, FailureReason>, FailureReason> {
        let req = Request {
            path: path_bytes(path),
            passwords: opts.passwords_for(path),
            process,
            record,
            ocr: opts.ocr.clone(),
            spill: spill.as_deref().map(path_bytes),
        };
        let mut line = serde_json::to_vec(&req).unwrap_or_default();
        line.push(b'\n');
        self.served += 1;
        if self
            .stdin
            .write_all(&line)
            .and_then(|_| self.stdin.flush())
            .is_err()
        {
            return Err(self.death(opts));
        }
        let limit = Duration::from_secs(opts.timeout_secs.max(1));
        let mut received = self.replies.recv_timeout(limit);
        while let Ok(Msg::Progress) = received {
            received = self.replies.recv_timeout(limit);
        }
        match received {
            Ok(Msg::Line(bytes)) => match rmp_serde::from_slice::<Result<T, FailureReason>>(&bytes)
            {
                Ok(reply) => {
                    self.check_memory();
                    Ok(reply)
                }
                Err(e) => {
                    let _ = self.child.kill();
                    Err(FailureReason::Crashed(format!(
                        "worker reply unreadable ({e})"
                    )))
                }
            },
            Ok(Msg::Progress) => Err(FailureReason::Crashed("unreachable progress".into())),
            Ok(Msg::BadFrame) => {
                let _ = self.child.kill();
                Err(FailureReason::Crashed(
                    "worker reply unreadable (not a reply frame)".into(),
                ))
            }
            Ok(Msg::TooLarge) => {
                let _ = self.child.kill();
                Err(FailureReason::TooLarge(format!(
                    "text output larger than {} MiB",
                    MAX_REPLY_BYTES >> 20
                )))
            }
            Ok(Msg::Closed) | Err(mpsc::RecvTimeoutError::Disconnected) => Err(self.death(opts)),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let _ = self.child.kill();
                Err(FailureReason::TimedOut(opts.timeout_secs))
            }
        }
    }

    /// Why the worker ended while reading a file, from its exit status and stderr.
    fn death(&mut self, opts: &IngestOptions) -> FailureReason {
        match self.child.wait() {
            Ok(status) => {
                // The stderr reader may still be draining the last lines: wait until it
                // reaches the end (a busy machine may not have run it yet), but not for
                // ever (a child of the worker could still hold the pipe open).
                if let Some(done) = &self.err_done {
                    let _ = done.recv_timeout(Duration::from_secs(2));
                }
                let tail = self
                    .err_tail
                    .lock()
                    .map(|t| String::from_utf8_lossy(&t).into_owned())
                    .unwrap_or_default();
                death_reason(status, &tail, opts)
            }
            Err(e) => FailureReason::Crashed(format!("lost the worker: {e}")),
        }
    }
}

impl Drop for Persistent {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

thread_local! {
    /// Each thread of the parent keeps its own worker, so files read in parallel never
    /// wait for each other's workers, and a worker is started once per thread (and again
    /// after a failure or when it holds too much memory), not once per file.
    static WORKER: std::cell::RefCell<Option<Persistent>> = const { std::cell::RefCell::new(None) };
}

/// Sends one file to this thread's worker (starting one when needed) and returns its
/// reply; a worker that failed is dropped, so the next file gets a fresh one. A worker
/// that parses (`process`) is started with `--grammars DIR` when `grammars` names one.
fn with_worker<T: serde::de::DeserializeOwned>(
    exe: &Path,
    path: &Path,
    opts: &IngestOptions,
    (process, record): (bool, bool),
    grammars: Option<&Path>,
) -> Result<T, IngestError> {
    with_worker_spilling(exe, path, opts, (process, record), grammars, None)
}

/// [`with_worker`], the worker given a spill file of its own in `spill_dir`.
fn with_worker_spilling<T: serde::de::DeserializeOwned>(
    exe: &Path,
    path: &Path,
    opts: &IngestOptions,
    (process, record): (bool, bool),
    grammars: Option<&Path>,
    spill_dir: Option<&Path>,
) -> Result<T, IngestError> {
    let result = WORKER.with(|cell| {
        let mut slot = cell.borrow_mut();
        if !slot
            .as_ref()
            .is_some_and(|w| w.fits(exe, opts, grammars, process))
        {
            *slot = None;
            *slot = Some(
                Persistent::start(exe, opts, grammars)
                    .map_err(|e| FailureReason::Crashed(format!("cannot start worker: {e}")))?,
            );
        }
        let worker = slot
            .as_mut()
            .ok_or_else(|| FailureReason::Crashed("no worker".into()))?;
        let spill = spill_dir.map(|dir| worker.spill_in(dir));
        let result = worker.request::<T>(path, opts, (process, record), spill);
        if result.is_err() {
            // Killed, timed out or dead: the next file gets a fresh worker.
            *slot = None;
        }
        result
    });
    match result {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(reason)) | Err(reason) => Err(IngestError::new(path, reason)),
    }
}

/// Reads one file in a worker process started from `exe`. Thread-safe: every thread owns
/// its worker and its pipes.
pub fn read_isolated(
    exe: &Path,
    path: &Path,
    opts: &IngestOptions,
) -> Result<IngestedFile, IngestError> {
    let mut file: IngestedFile = with_worker(exe, path, opts, (false, false), None)?;
    file.path = std::sync::Arc::from(path.display().to_string());
    Ok(file)
}

/// Runs the whole pipeline on one file in a worker process: a hang, a crash or a memory
/// blow-up in any stage (reading, layout, tables, parsing, checks) costs this file only,
/// under the same time and memory limits. The worker reads the words of `grammars.dir`
/// (the built-in ones when it names none).
pub fn process_isolated(
    exe: &Path,
    path: &Path,
    opts: &IngestOptions,
    grammars: &Grammars,
) -> Result<crate::pipeline::CheckedFile, IngestError> {
    process_isolated_hashed(exe, path, opts, grammars).result
}

/// [`process_isolated`] with the SHA-256 of the bytes the worker read and processed
/// (none when the worker could not read the file or died).
pub fn process_isolated_hashed(
    exe: &Path,
    path: &Path,
    opts: &IngestOptions,
    grammars: &Grammars,
) -> crate::pipeline::HashedOutcome {
    match with_worker(exe, path, opts, (true, false), grammars.dir.as_deref()) {
        Ok(outcome) => outcome,
        Err(e) => crate::pipeline::HashedOutcome {
            sha256: None,
            result: Err(e),
        },
    }
}

/// [`process_isolated_hashed`] whose reply the worker builds from the processed file
/// with its [`Recorder`] (the audit's: the file's record and report lines, not the
/// parsed documents, which the parent would only decode to write them out again).
///
/// With `spill_dir`, the worker is given a file of its own in that folder to write the
/// bulky part of its replies to ([`SpillFile`]).
pub fn record_isolated<T: serde::de::DeserializeOwned>(
    exe: &Path,
    path: &Path,
    opts: &IngestOptions,
    grammars: &Grammars,
    spill_dir: Option<&Path>,
) -> Result<T, IngestError> {
    with_worker_spilling(
        exe,
        path,
        opts,
        (true, true),
        grammars.dir.as_deref(),
        spill_dir,
    )
}

/// What a worker replies to a `record` request: built on the reading thread from the
/// processed file (and the words it was read with), a panic there included in the
/// file's outcome.
///
/// When the parent names a spill file for this worker ([`SpillFile`]), the recorder may
/// write the bulky part of its reply there and reply with where it is instead.
pub type Recorder<R> =
    fn(&Path, crate::pipeline::HashedOutcome, &Vocabulary, Option<&mut SpillFile>) -> R;

/// A file of the run's work folder that one worker process (and only it) appends to:
/// the parent names it when it sends the worker its first request and never writes to
/// it; a worker started after another (recycled, restarted after a failure) gets a new
/// one. What the worker writes there the parent does not copy through the pipe.
pub struct SpillFile {
    /// The file's name as the parent gave it (its own folder, no path).
    name: String,
    file: std::fs::File,
    end: u64,
}

impl SpillFile {
    /// Opens (creates) the file the parent named.
    fn open(path: &Path) -> std::io::Result<SpillFile> {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| std::io::Error::other("spill file without a name"))?
            .to_string();
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)?;
        let end = file.metadata()?.len();
        Ok(SpillFile { name, file, end })
    }

    /// The file's name (in the folder the parent gave).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Appends `body` and returns where it starts. A failed write leaves the end where
    /// it was: the next entry is written over whatever part got out.
    pub fn append(&mut self, body: &[u8]) -> std::io::Result<u64> {
        use std::os::unix::fs::FileExt;
        let start = self.end;
        if std::env::var_os(SPILL_DAMAGE_ENV).is_some() {
            // Tests: what lands on disk is not what the checksum was taken of.
            let mut damaged = body.to_vec();
            if let Some(b) = damaged.first_mut() {
                *b ^= 0x20;
            }
            self.file.write_all_at(&damaged, start)?;
            self.end = start + body.len() as u64;
            return Ok(start);
        }
        self.file.write_all_at(body, start)?;
        self.end = start + body.len() as u64;
        Ok(start)
    }
}

/// Why a worker ended without a reply, from its exit status and last stderr lines.
fn death_reason(
    status: std::process::ExitStatus,
    err_tail: &str,
    opts: &IngestOptions,
) -> FailureReason {
    use std::os::unix::process::ExitStatusExt;
    if err_tail.contains("memory allocation of") || err_tail.contains("capacity overflow") {
        return FailureReason::TooLarge(format!(
            "needs more than the {} MiB memory limit (--memory-limit)",
            opts.memory_limit_mb
        ));
    }
    if err_tail.contains("overflowed its stack") {
        return FailureReason::Crashed(
            "stack overflow (SIGABRT), e.g. a form drawing itself".into(),
        );
    }
    match status.signal() {
        Some(libc::SIGXCPU) => FailureReason::TimedOut(opts.timeout_secs),
        Some(sig) => FailureReason::Crashed(format!("killed by {}", signal_name(sig))),
        None => {
            let last = err_tail
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("no message");
            FailureReason::Crashed(format!(
                "worker exited with status {}: {}",
                status.code().unwrap_or(-1),
                last.trim()
            ))
        }
    }
}

fn signal_name(sig: i32) -> String {
    match sig {
        libc::SIGABRT => "SIGABRT".into(),
        libc::SIGSEGV => "SIGSEGV".into(),
        libc::SIGBUS => "SIGBUS".into(),
        libc::SIGILL => "SIGILL".into(),
        libc::SIGFPE => "SIGFPE".into(),
        libc::SIGKILL => "SIGKILL (perhaps the system ran out of memory)".into(),
        libc::SIGTERM => "SIGTERM".into(),
        other => format!("signal {other}"),
    }
}

/// The worker side: caps its resources, reads the passwords from stdin, reads the file
/// and writes the reply to stdout. Returns the process exit code.
pub fn serve(path: &Path, timeout_secs: u64, memory_limit_mb: u64) -> u8 {
    set_limits(timeout_secs, memory_limit_mb);
    // Panics are caught per page and reported as lost pages; their default message on
    // stderr would only be noise.
    std::panic::set_hook(Box::new(|_| {}));
    let mut input = Vec::new();
    let _ = std::io::stdin().read_to_end(&mut input);
    let passwords: Vec<String> = serde_json::from_slice(&input).unwrap_or_default();
    let reply = std::thread::scope(|scope| {
        read_reply(
            &DeepStack::start(scope),
            path,
            passwords,
            Default::default(),
            timeout_secs,
            memory_limit_mb,
        )
    });
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = serde_json::to_writer(&mut out, &reply).is_ok() && out.flush().is_ok();
    if written {
        0
    } else {
        3
    }
}

/// The persistent worker side (`justera worker --serve`): one request per stdin line
/// (`{"path", "passwords"}`), one reply per stdout line, until stdin closes. The parent
/// keeps the time limit (it kills a worker that does not answer in time) and starts a
/// fresh worker after a crash, a time-out or when this one holds too much memory.
pub fn serve_many<R: Serialize + Send>(
    timeout_secs: u64,
    memory_limit_mb: u64,
    vocab: &Vocabulary,
    recorder: Recorder<R>,
) -> u8 {
    // CPU seconds add up over the files a worker serves: the parent's clock is the limit.
    set_limits(0, memory_limit_mb);
    std::panic::set_hook(Box::new(|_| {}));
    let busy = Watchdog::spawn(timeout_secs);
    // Each page OCR reads restarts the parent's clock and the watchdog's: the time limit
    // holds per page there.
    let (since, epoch) = (std::sync::Arc::clone(&busy.since), busy.epoch);
    crate::ingest::ocr::set_progress(Box::new(move || {
        let now = (epoch.elapsed().as_millis() as u64).max(1);
        since.store(now, std::sync::atomic::Ordering::Relaxed);
        let mut stdout = std::io::stdout().lock();
        let _ = stdout
            .write_all(PROGRESS_FRAME)
            .and_then(|_| stdout.flush());
    }));
    // One deep-stack thread reads every file this worker serves (a new 256 MiB-stack
    // thread per file cost a hundred thousand page faults each).
    std::thread::scope(|scope| {
        serve_requests(
            &DeepStack::start(scope),
            &busy,
            (vocab, recorder),
            (timeout_secs, memory_limit_mb),
        )
    })
}

/// This worker's spill file, shared with the reading thread.
type SharedSpill = std::sync::Arc<std::sync::Mutex<Option<SpillFile>>>;

/// Opens the spill file a request names, unless it is open already; None (the reply then
/// carries everything) when there is none or it cannot be opened.
fn open_spill(spill: &SharedSpill, named: Option<Vec<u8>>) {
    let mut open = spill.lock().unwrap_or_else(|p| p.into_inner());
    let Some(path) = named.map(path_from_bytes) else {
        *open = None;
        return;
    };
    if open
        .as_ref()
        .is_some_and(|f| Some(f.name.as_str()) == path.file_name().and_then(|n| n.to_str()))
    {
        return;
    }
    *open = SpillFile::open(&path).ok();
}

fn serve_requests<'scope, R: Serialize + Send + 'scope>(
    deep: &DeepStack<'scope>,
    busy: &Watchdog,
    (vocab, recorder): (&'scope Vocabulary, Recorder<R>),
    (timeout_secs, memory_limit_mb): (u64, u64),
) -> u8 {
    let spill: SharedSpill = std::sync::Arc::new(std::sync::Mutex::new(None));
    let stdin = std::io::stdin();
    let mut line = String::new();
    loop {
        line.clear();
        match stdin.lock().read_line(&mut line) {
            Ok(0) | Err(_) => return 0,
            Ok(_) => {}
        }
        // The reply is built before stdout is locked: OCR threads write progress frames
        // to it meanwhile.
        let mut out = Vec::new();
        busy.start();
        let built = match serde_json::from_str::<Request>(&line) {
            Ok(req) if req.process && req.record => {
                open_spill(&spill, req.spill);
                write_frame(
                    &mut out,
                    &record_reply(
                        deep,
                        path_from_bytes(req.path),
                        req.passwords,
                        req.ocr,
                        (timeout_secs, memory_limit_mb),
                        (vocab, recorder),
                        std::sync::Arc::clone(&spill),
                    ),
                )
            }
            Ok(req) if req.process => write_frame(
                &mut out,
                &process_reply(
                    deep,
                    path_from_bytes(req.path),
                    req.passwords,
                    req.ocr,
                    (timeout_secs, memory_limit_mb),
                    vocab,
                ),
            ),
            Ok(req) => write_frame(
                &mut out,
                &read_reply(
                    deep,
                    &path_from_bytes(req.path),
                    req.passwords,
                    req.ocr,
                    timeout_secs,
                    memory_limit_mb,
                ),
            ),
            Err(e) => {
                let reply: Reply = Err(FailureReason::Crashed(format!("bad worker request: {e}")));
                write_frame(&mut out, &reply)
            }
        };
        busy.stop();
        let written = built.and_then(|_| {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&out).and_then(|_| stdout.flush())
        });
        if written.is_err() {
            return 3;
        }
    }
}

fn path_bytes(path: &Path) -> Vec<u8> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        path.as_os_str().as_bytes().to_vec()
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().into_owned().into_bytes()
    }
}

fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        PathBuf::from(std::ffi::OsString::from_vec(bytes))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// Set by tests only: the worker stalls on every request, as a file that never finishes
/// would, so the tests can show that a stalled worker dies with its parent and at its
/// own limit.
const STALL_ENV: &str = "JUSTERA_TEST_WORKER_STALL";

/// The worker's own guard: it ends itself when its parent is gone (the parent's pid
/// changed: re-parented to init or a subreaper) or when one request has run past the
/// time limit plus a grace period (the parent should have killed it by then). With
/// `PR_SET_PDEATHSIG` on Linux the kernel ends it first; this covers other systems and
/// a parent that stopped answering.
struct Watchdog {
    /// Milliseconds since `epoch` when the current request started; 0 when idle.
    since: std::sync::Arc<std::sync::atomic::AtomicU64>,
    epoch: std::time::Instant,
}

impl Watchdog {
    fn spawn(timeout_secs: u64) -> Watchdog {
        use std::sync::atomic::Ordering;
        let since = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        let epoch = std::time::Instant::now();
        let parent = std::os::unix::process::parent_id();
        let limit_ms = timeout_secs.max(1).saturating_add(5).saturating_mul(1000);
        let watched = std::sync::Arc::clone(&since);
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_millis(200));
            if std::os::unix::process::parent_id() != parent {
                std::process::exit(4);
            }
            let started = watched.load(Ordering::Relaxed);
            let now = epoch.elapsed().as_millis() as u64;
            if started > 0 && now.saturating_sub(started) > limit_ms {
                eprintln!("worker: one file ran past the {timeout_secs} s limit; ending");
                std::process::exit(5);
            }
        });
        Watchdog { since, epoch }
    }

    fn start(&self) {
        let now = (self.epoch.elapsed().as_millis() as u64).max(1);
        self.since.store(now, std::sync::atomic::Ordering::Relaxed);
        if std::env::var_os(STALL_ENV).is_some() {
            loop {
                std::thread::sleep(Duration::from_secs(1));
            }
        }
    }

    fn stop(&self) {
        self.since.store(0, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Marks the start of each reply frame: `FRAME_MAGIC`, the payload's length (u64, little
/// endian), then the reply as MessagePack.
const FRAME_MAGIC: &[u8; 4] = b"JSW1";

/// A frame with no reply: the worker is still busy and progressing (a page was read by
/// OCR), so the parent restarts its clock.
const PROGRESS_FRAME: &[u8; 12] = b"JSWP\0\0\0\0\0\0\0\0";

fn write_frame<T: Serialize>(
    out: &mut impl Write,
    reply: &Result<T, FailureReason>,
) -> std::io::Result<()> {
    let payload = rmp_serde::to_vec_named(reply).or_else(|e| {
        let fallback: Result<T, FailureReason> =
            Err(FailureReason::Crashed(format!("cannot encode reply: {e}")));
        rmp_serde::to_vec_named(&fallback)
    });
    let payload = payload.map_err(std::io::Error::other)?;
    out.write_all(FRAME_MAGIC)?;
    out.write_all(&(payload.len() as u64).to_le_bytes())?;
    out.write_all(&payload)
}

/// Reads one reply frame; `Msg::Closed` when the stream ends first.
fn read_frame(reader: &mut impl Read) -> Msg {
    let mut header = [0u8; 12];
    if reader.read_exact(&mut header).is_err() {
        return Msg::Closed;
    }
    if &header == PROGRESS_FRAME {
        return Msg::Progress;
    }
    if &header[..4] != FRAME_MAGIC {
        return Msg::BadFrame;
    }
    let mut len = [0u8; 8];
    len.copy_from_slice(&header[4..]);
    let len = u64::from_le_bytes(len);
    if len > MAX_REPLY_BYTES as u64 {
        return Msg::TooLarge;
    }
    let mut payload = vec![0u8; len as usize];
    match reader.read_exact(&mut payload) {
        Ok(()) => Msg::Line(payload),
        Err(_) => Msg::Closed,
    }
}

#[derive(Serialize, Deserialize)]
struct Request {
    /// The path's bytes: any file name (Latin-1 from an old share included) crosses the
    /// pipe as it is, where a JSON string could only carry UTF-8.
    path: Vec<u8>,
    passwords: Vec<String>,
    /// Run the whole pipeline (read, lay out, tables, parse, check) and reply with the
    /// processed file, instead of only the text.
    #[serde(default)]
    process: bool,
    /// With `process`: reply with what the worker's [`Recorder`] makes of the processed
    /// file instead of the file.
    #[serde(default)]
    record: bool,
    /// How scanned pages are read.
    #[serde(default)]
    ocr: crate::ingest::ocr::OcrOptions,
    /// With `record`: the file (path bytes) this worker writes the bulky part of its
    /// replies to ([`SpillFile`]); the same for every request to one worker.
    #[serde(default)]
    spill: Option<Vec<u8>>,
}

type ProcessReply = Result<crate::pipeline::HashedOutcome, FailureReason>;

/// Runs the whole pipeline on one file; every outcome, a panic in a later stage
/// included, becomes a reply.
fn process_reply<'scope>(
    deep: &DeepStack<'scope>,
    path: PathBuf,
    passwords: Vec<String>,
    ocr: crate::ingest::ocr::OcrOptions,
    (timeout_secs, memory_limit_mb): (u64, u64),
    vocab: &'scope Vocabulary,
) -> ProcessReply {
    let opts = worker_options(passwords, ocr, timeout_secs, memory_limit_mb);
    deep.run(
        "internal error while processing",
        path,
        opts,
        move |path, opts| Ok(crate::pipeline::process_file_hashed(path, opts, vocab)),
    )
}

/// [`process_reply`] with the reply built from the processed file by `recorder`.
fn record_reply<'scope, R: Send + 'scope>(
    deep: &DeepStack<'scope>,
    path: PathBuf,
    passwords: Vec<String>,
    ocr: crate::ingest::ocr::OcrOptions,
    (timeout_secs, memory_limit_mb): (u64, u64),
    (vocab, recorder): (&'scope Vocabulary, Recorder<R>),
    spill: SharedSpill,
) -> Result<R, FailureReason> {
    let opts = worker_options(passwords, ocr, timeout_secs, memory_limit_mb);
    deep.run(
        "internal error while processing",
        path,
        opts,
        move |path, opts| {
            let outcome = crate::pipeline::process_file_hashed(path, opts, vocab);
            let mut spill = spill.lock().unwrap_or_else(|p| p.into_inner());
            Ok(recorder(path, outcome, vocab, spill.as_mut()))
        },
    )
}

/// Reads one file and turns every outcome into a reply.
fn read_reply(
    deep: &DeepStack<'_>,
    path: &Path,
    passwords: Vec<String>,
    ocr: crate::ingest::ocr::OcrOptions,
    timeout_secs: u64,
    memory_limit_mb: u64,
) -> Reply {
    let opts = worker_options(passwords, ocr, timeout_secs, memory_limit_mb);
    let mut reply = deep.run(
        "reader panicked",
        path.to_path_buf(),
        opts,
        crate::ingest::read_file,
    );
    if let Ok(file) = reply.as_mut() {
        sanitize(file);
    }
    reply
}

/// Inside a worker everything is read in this process.
fn worker_options(
    passwords: Vec<String>,
    ocr: crate::ingest::ocr::OcrOptions,
    timeout_secs: u64,
    memory_limit_mb: u64,
) -> IngestOptions {
    IngestOptions {
        timeout_secs,
        passwords,
        isolate: false,
        memory_limit_mb,
        password_rules: Vec::new(),
        ocr,
    }
}

/// A job for the deep-stack thread: it runs the work and sends the outcome back.
type DeepJob<'scope> = Box<dyn FnOnce() + Send + 'scope>;

/// The thread with a deep stack (real files nest forms deeply) that reads every file of
/// a worker, one at a time: started once per worker, not once per file. A panic in one
/// file's work is caught and becomes that file's reply; the thread goes on with the next.
/// (A stack overflow ends the whole worker process, as it did when each file had its own
/// thread; the parent reports it for that file and starts a fresh worker.)
struct DeepStack<'scope> {
    jobs: Option<mpsc::Sender<DeepJob<'scope>>>,
    /// Why the thread could not start, if it did not.
    failed: Option<String>,
}

impl<'scope> DeepStack<'scope> {
    fn start<'env>(scope: &'scope std::thread::Scope<'scope, 'env>) -> DeepStack<'scope> {
        let (tx, rx) = mpsc::channel::<DeepJob<'scope>>();
        let started = std::thread::Builder::new()
            .name("read".into())
            .stack_size(WORKER_STACK_BYTES)
            .spawn_scoped(scope, move || {
                // Ends when the sender is dropped (the worker is done).
                while let Ok(job) = rx.recv() {
                    job();
                }
            });
        match started {
            Ok(_) => DeepStack {
                jobs: Some(tx),
                failed: None,
            },
            Err(e) => DeepStack {
                jobs: None,
                failed: Some(e.to_string()),
            },
        }
    }

    /// Runs `work` on the deep-stack thread and waits for it, turning an error, a panic
    /// or a thread that cannot run it into the reason the reply gives.
    fn run<T: Send + 'scope>(
        &self,
        panicked: &str,
        path: PathBuf,
        opts: IngestOptions,
        work: impl FnOnce(&Path, &IngestOptions) -> Result<T, IngestError> + Send + 'scope,
    ) -> Result<T, FailureReason> {
        let cannot = |why: &str| FailureReason::Crashed(format!("cannot start reader: {why}"));
        let Some(jobs) = &self.jobs else {
            return Err(cannot(self.failed.as_deref().unwrap_or("no thread")));
        };
        let (tx, rx) = mpsc::sync_channel(1);
        let job: DeepJob<'scope> = Box::new(move || {
            let outcome =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&path, &opts)));
            let _ = tx.send(outcome);
        });
        if jobs.send(job).is_err() {
            return Err(cannot("the reading thread has ended"));
        }
        match rx.recv() {
            Ok(Ok(Ok(value))) => Ok(value),
            Ok(Ok(Err(e))) => Err(e.reason),
            Ok(Err(panic)) => Err(FailureReason::Crashed(format!(
                "{panicked}: {}",
                crate::ingest::load::panic_message(&panic)
            ))),
            Err(_) => Err(cannot("the reading thread has ended")),
        }
    }
}

impl Drop for DeepStack<'_> {
    fn drop(&mut self) {
        // Closing the channel ends the thread; the scope joins it.
        self.jobs = None;
    }
}

/// JSON has no NaN or infinity: a glyph at such a position would make the whole reply
/// unreadable. Such glyphs are placed at 0 and the file gets a warning.
fn sanitize(file: &mut IngestedFile) {
    let mut fixed = 0usize;
    let mut fix = |v: &mut f64| {
        if !v.is_finite() {
            *v = 0.0;
            fixed += 1;
        }
    };
    for page in &mut file.pages {
        fix(&mut page.width);
        fix(&mut page.height);
        if let RawContent::Glyphs(glyphs) = &mut page.content {
            for g in glyphs {
                fix(&mut g.x);
                fix(&mut g.y);
                fix(&mut g.advance);
                fix(&mut g.font_size);
            }
        }
    }
    if fixed > 0 {
        file.report.warnings.push(format!(
            "{fixed} glyph coordinates were not finite numbers and were set to 0"
        ));
    }
}

/// Caps this process: address space (so a decompression bomb fails an allocation
/// instead of taking the machine) and CPU seconds (a hard stop if the parent's kill
/// never comes).
fn set_limits(timeout_secs: u64, memory_limit_mb: u64) {
    let set = |resource, value: u64| {
        let lim = libc::rlimit {
            rlim_cur: value as libc::rlim_t,
            rlim_max: value as libc::rlim_t,
        };
        // SAFETY: setrlimit only reads the struct passed by reference.
        unsafe { libc::setrlimit(resource, &lim) };
    };
    if memory_limit_mb > 0 {
        set(libc::RLIMIT_AS, memory_limit_mb.saturating_mul(1 << 20));
    }
    if timeout_secs > 0 {
        let cpu = libc::rlimit {
            rlim_cur: timeout_secs.saturating_add(1) as libc::rlim_t,
            rlim_max: timeout_secs.saturating_add(3) as libc::rlim_t,
        };
        // SAFETY: as above.
        unsafe { libc::setrlimit(libc::RLIMIT_CPU, &cpu) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Recursion that needs about `depth` KiB of stack.
    #[inline(never)]
    fn deep(depth: usize) -> usize {
        let frame = std::hint::black_box([0u8; 1024]);
        if depth == 0 {
            frame[0] as usize
        } else {
            deep(depth - 1) + std::hint::black_box(frame[1]) as usize + 1
        }
    }

    #[test]
    fn a_worker_is_replaced_near_its_cap_or_when_it_holds_much_more_than_at_first() {
        const MIB: u64 = 1024;
        let recycle = Recycle {
            cap_kib: 4096 * MIB,
            max_rss_kib: None,
        };
        let first = (16 * MIB, 470 * MIB);
        // A few MiB of drift: kept.
        assert!(!recycle.due(first, (24 * MIB, 480 * MIB)));
        // 64 MiB more resident than after its first file: replaced.
        assert!(!recycle.due(first, (80 * MIB, 600 * MIB)));
        assert!(recycle.due(first, (81 * MIB, 600 * MIB)));
        // A quarter of its headroom under the 4 GiB cap used: replaced.
        let quarter = (4096 - 470) * MIB / 4;
        assert!(!recycle.due(first, (20 * MIB, 470 * MIB + quarter)));
        assert!(recycle.due(first, (20 * MIB, 470 * MIB + quarter + 1)));
        // No cap: only the resident size counts.
        let uncapped = Recycle {
            cap_kib: 0,
            ..recycle
        };
        assert!(!uncapped.due(first, (20 * MIB, 64 << 20)));
        // A tiny threshold (tests): replaced after every file.
        let tiny = Recycle {
            max_rss_kib: Some(1),
            ..recycle
        };
        assert!(tiny.due(first, first));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_memory_of_this_process_is_read() {
        let (rss, vm) = memory_of(std::process::id()).expect("/proc/self/statm");
        assert!(rss > 0 && vm >= rss, "{rss} {vm}");
        assert_eq!(memory_of(u32::MAX), None);
    }

    #[test]
    fn the_deep_stack_thread_outlives_a_panic_and_keeps_its_stack() {
        std::thread::scope(|scope| {
            let stack = DeepStack::start(scope);
            let run = |work: fn(&Path, &IngestOptions) -> Result<usize, IngestError>| {
                stack.run(
                    "reader panicked",
                    PathBuf::from("x.pdf"),
                    IngestOptions::default(),
                    work,
                )
            };
            // 64 MiB of stack: far beyond a default thread's 2 MiB, within the 256 MiB.
            assert_eq!(run(|_, _| Ok(deep(64 << 10))), Ok(64 << 10));
            let panicked = run(|_, _| panic!("odd input"));
            assert_eq!(
                panicked,
                Err(FailureReason::Crashed("reader panicked: odd input".into()))
            );
            // The same thread serves the next file, with its whole stack.
            assert_eq!(run(|_, _| Ok(deep(64 << 10))), Ok(64 << 10));
            let failed = run(|path, _| {
                Err(IngestError::new(
                    path,
                    FailureReason::Io("cannot open".into()),
                ))
            });
            assert_eq!(failed, Err(FailureReason::Io("cannot open".into())));
        });
    }
}
