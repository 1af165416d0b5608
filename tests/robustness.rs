//! Robust PDF reading: the worker isolation path (crashes, hangs, garbage replies, memory
//! ceiling) and the run over the shared corpus of 160 damaged and odd PDFs.

use justera::ingest::worker::read_isolated;
use justera::ingest::{FailureReason, IngestOptions};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

const JUSTERA: &str = env!("CARGO_BIN_EXE_justera");

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A stand-in worker: a shell script that misbehaves the way a crashing reader would.
fn fake_worker(dir: &Path, name: &str, script: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{script}\n")).expect("write script");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path
}

fn some_pdf(dir: &Path) -> PathBuf {
    let p = dir.join("x.pdf");
    std::fs::write(&p, b"%PDF-1.4\n").expect("write pdf");
    p
}

fn opts(timeout: u64) -> IngestOptions {
    IngestOptions {
        timeout_secs: timeout,
        ..IngestOptions::default()
    }
}

#[test]
fn hanging_worker_is_killed_at_the_time_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let exe = fake_worker(dir.path(), "hang", "exec sleep 30");
    let started = std::time::Instant::now();
    let err = read_isolated(&exe, &some_pdf(dir.path()), &opts(1)).unwrap_err();
    assert_eq!(err.reason, FailureReason::TimedOut(1));
    assert!(started.elapsed().as_secs() < 10, "not killed in time");
    assert!(
        err.to_string().ends_with("x.pdf: timed out after 1 s"),
        "{err}"
    );
}

#[test]
fn crashing_worker_names_the_signal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let exe = fake_worker(dir.path(), "segv", "kill -SEGV $$");
    let err = read_isolated(&exe, &some_pdf(dir.path()), &opts(10)).unwrap_err();
    assert_eq!(
        err.reason,
        FailureReason::Crashed("killed by SIGSEGV".into())
    );
}

#[test]
fn stack_overflow_and_allocation_failure_are_told_apart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let exe = fake_worker(
        dir.path(),
        "overflow",
        "echo \"thread 'read' has overflowed its stack\" >&2; kill -ABRT $$",
    );
    let err = read_isolated(&exe, &some_pdf(dir.path()), &opts(10)).unwrap_err();
    assert_eq!(err.reason.code(), "crashed");
    assert!(err.reason.to_string().contains("stack overflow"), "{err}");
    let exe = fake_worker(
        dir.path(),
        "oom",
        "echo 'memory allocation of 8589934592 bytes failed' >&2; kill -ABRT $$",
    );
    let err = read_isolated(&exe, &some_pdf(dir.path()), &opts(10)).unwrap_err();
    assert_eq!(err.reason.code(), "too-large", "{err}");
}

#[test]
fn garbage_reply_is_a_crash_not_a_result() {
    let dir = tempfile::tempdir().expect("tempdir");
    let exe = fake_worker(
        dir.path(),
        "garbage",
        "cat >/dev/null; echo '{\"Ok\": {\"path\": 3'",
    );
    let err = read_isolated(&exe, &some_pdf(dir.path()), &opts(10)).unwrap_err();
    assert_eq!(err.reason.code(), "crashed");
    assert!(err.reason.to_string().contains("unreadable"), "{err}");
    let exe = fake_worker(dir.path(), "exit", "echo 'boom' >&2; exit 7");
    let err = read_isolated(&exe, &some_pdf(dir.path()), &opts(10)).unwrap_err();
    assert_eq!(
        err.reason,
        FailureReason::Crashed("worker exited with status 7: boom".into())
    );
}

#[test]
fn real_worker_reports_a_not_pdf_and_an_empty_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = dir.path().join("protokoll.pdf");
    std::fs::write(&text, "Protokoll fört vid sammanträde\n").expect("write");
    let err = read_isolated(Path::new(JUSTERA), &text, &opts(30)).unwrap_err();
    assert_eq!(err.path, text.display().to_string());
    assert_eq!(err.reason.code(), "not-pdf", "{err}");
    assert!(err.to_string().contains("plain text"), "{err}");
    let empty = dir.path().join("empty.pdf");
    std::fs::write(&empty, b"").expect("write");
    let err = read_isolated(Path::new(JUSTERA), &empty, &opts(30)).unwrap_err();
    assert_eq!(err.reason, FailureReason::Empty);
}

#[test]
fn worker_subcommand_writes_json_for_a_corpus_pdf() {
    let pdf = std::fs::read_dir(manifest_dir().join("corpus/pdf"))
        .expect("corpus/pdf")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "pdf"))
        .expect("a corpus PDF");
    let out = Command::new(JUSTERA)
        .args(["worker", "--timeout", "60", "--"])
        .arg(&pdf)
        .output()
        .expect("run worker");
    assert!(out.status.success());
    let reply: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON reply");
    assert!(reply.get("Ok").is_some(), "{reply}");
}
