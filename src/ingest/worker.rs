//! Per-file isolation: PDF extraction runs in a child process (this same binary, hidden
//! subcommand `worker`), so a stack overflow, an abort, a hang or a memory blow-up in
//! the PDF reader costs that one file and never the run.
//!
//! Protocol: the parent starts `justera worker --timeout T --memory-limit M -- FILE`,
//! writes the passwords to try as a JSON array on the child's stdin (not on the command
//! line, where other users could read them), and reads one JSON value from its stdout:
//! `{"Ok": IngestedFile}` or `{"Err": FailureReason}`. The parent enforces the time
//! limit (kill), maps signals to reasons, and never trusts the output blindly (size cap,
//! parse errors become `Crashed`). Inside, the worker caps its own address space and
//! CPU time with setrlimit, so compression bombs end as "too large" / "timed out".

use super::{FailureReason, IngestError, IngestOptions, IngestedFile, RawContent};
use std::io::{Read, Write};
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
    let Ok(mut f) = std::fs::File::open(path) else {
        return false;
    };
    let n = f.read(&mut head).unwrap_or(0);
    memchr::memmem::find(&head[..n], b"%PDF-").is_some()
}

/// Reads one file in a worker process started from `exe`. Thread-safe: every call owns
/// its child and its pipes.
pub fn read_isolated(
    exe: &Path,
    path: &Path,
    opts: &IngestOptions,
) -> Result<IngestedFile, IngestError> {
    let fail = |reason| IngestError::new(path, reason);
    let passwords = opts.passwords_for(path);
    let mut child = Command::new(exe)
        .arg("worker")
        .arg("--timeout")
        .arg(opts.timeout_secs.to_string())
        .arg("--memory-limit")
        .arg(opts.memory_limit_mb.to_string())
        .arg("--")
        .arg(path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| fail(FailureReason::Crashed(format!("cannot start worker: {e}"))))?;
    if let Some(mut stdin) = child.stdin.take() {
        // A few bytes: fits the pipe buffer, so this cannot block. A worker that died
        // early makes this fail; its exit status tells why.
        let _ = stdin.write_all(&serde_json::to_vec(&passwords).unwrap_or_default());
    }
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take();
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let too_big = match stdout {
            Some(s) => {
                let mut limited = s.take(MAX_REPLY_BYTES as u64 + 1);
                let _ = limited.read_to_end(&mut buf);
                buf.len() > MAX_REPLY_BYTES
            }
            None => false,
        };
        let _ = tx.send(too_big);
        buf
    });
    let stderr = child.stderr.take();
    let err_reader = std::thread::spawn(move || {
        // Keep only the tail: the last lines say why a worker died.
        let mut tail: Vec<u8> = Vec::new();
        if let Some(mut s) = stderr {
            let mut chunk = [0u8; 8192];
            while let Ok(n) = s.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                tail.extend_from_slice(&chunk[..n]);
                if tail.len() > 16384 {
                    tail.drain(..tail.len() - 8192);
                }
            }
        }
        String::from_utf8_lossy(&tail).into_owned()
    });

    let limit = Duration::from_secs(opts.timeout_secs.max(1));
    let outcome = rx.recv_timeout(limit);
    let killed = !matches!(outcome, Ok(false));
    if killed {
        let _ = child.kill();
    }
    let status = child.wait();
    if outcome.is_err() {
        // The readers are left to finish on their own: a grandchild could hold the
        // pipes open, and waiting for it would defeat the time limit.
        return Err(fail(FailureReason::TimedOut(opts.timeout_secs)));
    }
    let out = out_reader.join().unwrap_or_default();
    let err_tail = err_reader.join().unwrap_or_default();
    match outcome {
        Err(_) => return Err(fail(FailureReason::TimedOut(opts.timeout_secs))),
        Ok(true) => {
            return Err(fail(FailureReason::TooLarge(format!(
                "text output larger than {} MiB",
                MAX_REPLY_BYTES >> 20
            ))))
        }
        Ok(false) => {}
    }
    let status =
        status.map_err(|e| fail(FailureReason::Crashed(format!("lost the worker: {e}"))))?;
    if !status.success() {
        return Err(fail(death_reason(status, &err_tail, opts)));
    }
    match serde_json::from_slice::<Reply>(&out) {
        Ok(Ok(mut file)) => {
            file.path = std::sync::Arc::from(path.display().to_string());
            Ok(file)
        }
        Ok(Err(reason)) => Err(fail(reason)),
        Err(e) => Err(fail(FailureReason::Crashed(format!(
            "worker reply unreadable ({e})"
        )))),
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
    let opts = IngestOptions {
        timeout_secs,
        passwords,
        isolate: false,
        memory_limit_mb,
        password_rules: Vec::new(),
    };
    let path_buf = path.to_path_buf();
    let reading = std::thread::Builder::new()
        .name("read".into())
        .stack_size(WORKER_STACK_BYTES)
        .spawn(move || super::read_file(&path_buf, &opts));
    let reply: Reply = match reading.map(|h| h.join()) {
        Ok(Ok(Ok(mut file))) => {
            sanitize(&mut file);
            Ok(file)
        }
        Ok(Ok(Err(e))) => Err(e.reason),
        Ok(Err(panic)) => Err(FailureReason::Crashed(format!(
            "reader panicked: {}",
            super::load::panic_message(&panic)
        ))),
        Err(e) => Err(FailureReason::Crashed(format!("cannot start reader: {e}"))),
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = serde_json::to_writer(&mut out, &reply).is_ok() && out.flush().is_ok();
    if written {
        0
    } else {
        3
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
