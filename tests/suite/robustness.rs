//! Robust PDF reading: the worker isolation path (crashes, hangs, garbage replies, memory
//! ceiling) and the run over the shared corpus of 160 damaged and odd PDFs.

use crate::common;

use justera::ingest::{FailureReason, IngestOptions};
use justera::worker::read_isolated;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

const JUSTERA: &str = env!("CARGO_BIN_EXE_justera");

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A stand-in worker: a shell script that misbehaves the way a crashing reader would.
///
/// The executable is written by a `cp` child, never opened for writing in this process:
/// a child another test thread forks in the meantime would inherit that descriptor until
/// its own exec, and executing the script then fails with "Text file busy" (ETXTBSY).
fn fake_worker(dir: &Path, name: &str, script: &str) -> PathBuf {
    let source = dir.join(format!("{name}.source"));
    std::fs::write(&source, format!("#!/bin/sh\n{script}\n")).expect("write script");
    let path = dir.join(name);
    let copied = Command::new("cp")
        .arg(&source)
        .arg(&path)
        .status()
        .expect("run cp");
    assert!(copied.success(), "cp {} failed", source.display());
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
        // One request line in, one broken reply line out (the persistent protocol).
        "read -r request; echo '{\"Ok\": {\"path\": 3'",
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

// ---------------------------------------------------------------------------------
// The shared corpus of damaged and odd PDFs (../shared/pdf-robustness/files).

/// Seconds each file may take; files that really need more are named in the
/// expectations file. A hang is what this catches, so the limit is generous: image-only
/// pages go to OCR (seconds of CPU per page), and in the one test binary this test
/// shares the cores with the other tests (20 s timed out OCR'd files under load, and
/// 60 s two of them under load 14–16 on 2 cores). A limit only a hang reaches costs
/// nothing while nothing hangs.
const CORPUS_TIMEOUT_SECS: u64 = 240;

struct Expectations {
    text_files_min: usize,
    /// Files that must keep giving text: a per-file guard against regressions.
    text_files: Vec<String>,
    /// Files allowed to end as "timed out" or "too large".
    may_exceed_limits: Vec<String>,
}

fn load_expectations() -> Expectations {
    let path = manifest_dir().join("tests/expectations/robustness.txt");
    let text = std::fs::read_to_string(&path).expect("tests/expectations/robustness.txt");
    let mut e = Expectations {
        text_files_min: 0,
        text_files: Vec::new(),
        may_exceed_limits: Vec::new(),
    };
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once(char::is_whitespace)
            .expect("`key value` line");
        let value = value.trim().to_string();
        match key {
            "text-files-min" => e.text_files_min = value.parse().expect("a count"),
            "text" => e.text_files.push(value),
            "may-exceed-limits" => e.may_exceed_limits.push(value),
            other => panic!("unknown key {other} in robustness.txt"),
        }
    }
    e
}

/// How one file ended: `text` (with the count of non-space characters) or a reason code.
#[derive(Debug)]
struct Outcome {
    file: String,
    code: String,
    message: String,
    chars: usize,
    seconds: f64,
}

fn read_one(path: &Path) -> Outcome {
    let started = std::time::Instant::now();
    let result = read_isolated(Path::new(JUSTERA), path, &opts(CORPUS_TIMEOUT_SECS));
    let seconds = started.elapsed().as_secs_f64();
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match result {
        Ok(read) => {
            let chars: usize = read
                .pages
                .iter()
                .map(|p| match &p.content {
                    justera::ingest::RawContent::Glyphs(g) => g
                        .iter()
                        .flat_map(|g| g.text.chars())
                        .filter(|c| !c.is_whitespace())
                        .count(),
                    justera::ingest::RawContent::Text(lines) => lines
                        .iter()
                        .flat_map(|l| l.chars())
                        .filter(|c| !c.is_whitespace())
                        .count(),
                })
                .sum();
            let r = &read.report;
            Outcome {
                file,
                code: if chars > 0 { "text" } else { "ok-empty" }.to_string(),
                message: format!(
                    "{}/{} pages read, {} lost, repaired {}, decrypted {}",
                    r.pages_read,
                    r.pages_total,
                    r.pages_lost.len(),
                    r.repaired,
                    r.decrypted
                ),
                chars,
                seconds,
            }
        }
        Err(e) => Outcome {
            file,
            code: e.reason.code().to_string(),
            message: e.reason.to_string(),
            chars: 0,
            seconds,
        },
    }
}

#[test]
fn shared_robustness_corpus() {
    // ../shared beside the checkout (CI); from a git worktree one level further up.
    let Some(dir) = manifest_dir()
        .ancestors()
        .skip(1)
        .take(2)
        .map(|a| a.join("shared/pdf-robustness/files"))
        .find(|d| d.is_dir())
    else {
        common::missing_input("../shared/pdf-robustness/files not found");
        return;
    };
    let expect = load_expectations();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("read corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 150,
        "corpus incomplete: {} files",
        files.len()
    );

    // Two readers at a time: the CI machine has two cores, and each worker is a process.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let outcomes = std::sync::Mutex::new(Vec::new());
    let started = std::time::Instant::now();
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let Some(path) = files.get(i) else { break };
                let outcome = read_one(path);
                outcomes.lock().expect("no poisoning").push(outcome);
            });
        }
    });
    let mut outcomes = outcomes.into_inner().expect("no poisoning");
    outcomes.sort_by(|a, b| a.file.cmp(&b.file));

    let mut by_code: std::collections::BTreeMap<&str, usize> = Default::default();
    for o in &outcomes {
        *by_code.entry(o.code.as_str()).or_default() += 1;
        println!(
            "{:<72} {:<14} {:>7} {:>6.2}s  {}",
            o.file, o.code, o.chars, o.seconds, o.message
        );
    }
    println!(
        "{} files in {:.1} s: {by_code:?}",
        outcomes.len(),
        started.elapsed().as_secs_f64()
    );

    let mut problems = Vec::new();
    for o in &outcomes {
        // Every file ends as text or a named reason; a worker crash is a reason too, but
        // one the reader must not produce on this corpus.
        if o.code == "crashed" {
            problems.push(format!("{}: worker crashed: {}", o.file, o.message));
        }
        if o.message.trim().is_empty() {
            problems.push(format!("{}: no reason given", o.file));
        }
        let over_limit = o.code == "timed-out" || o.code == "too-large";
        if over_limit && !expect.may_exceed_limits.contains(&o.file) {
            problems.push(format!("{}: {} (not expected)", o.file, o.message));
        }
        if o.code == "ok-empty" {
            problems.push(format!(
                "{}: read without error but no text and no reason ({})",
                o.file, o.message
            ));
        }
    }
    for f in &expect.text_files {
        match outcomes.iter().find(|o| &o.file == f) {
            Some(o) if o.code == "text" => {}
            Some(o) => problems.push(format!(
                "{f}: gave text before, now {}: {}",
                o.code, o.message
            )),
            None => problems.push(format!("{f}: missing from the corpus")),
        }
    }
    let text_files = by_code.get("text").copied().unwrap_or(0);
    if text_files < expect.text_files_min {
        problems.push(format!(
            "{text_files} files gave text, expected at least {}",
            expect.text_files_min
        ));
    }
    assert!(
        problems.is_empty(),
        "robustness problems:\n{}",
        problems.join("\n")
    );
}

#[test]
fn thesis_that_panics_on_page_14_keeps_its_other_pages() {
    let Some(path) = common::robustness_file("pypdf-009-pdflatex-geotopo_GeoTopo-komprimiert.pdf")
    else {
        return;
    };
    let read = read_isolated(Path::new(JUSTERA), &path, &opts(60)).expect("thesis is read");
    let r = &read.report;
    assert_eq!(r.pages_total, 117);
    // Page 14 panics part way: it is either lost or kept up to the panic, and says so.
    let lost: Vec<u32> = r.pages_lost.iter().map(|l| l.page).collect();
    assert!(lost.is_empty() || lost == [14], "{:?}", r.pages_lost);
    let said = r.pages_lost.iter().any(|l| l.reason.contains("panicked"))
        || r.warnings
            .iter()
            .any(|w| w.starts_with("page 14 read only in part"));
    assert!(said, "page 14's trouble is not reported: {:?}", r.warnings);
    assert!(r.pages_read >= 116);
    for n in [1u32, 13, 15, 117] {
        let page = read
            .pages
            .iter()
            .find(|p| p.number == n)
            .expect("page kept");
        match &page.content {
            justera::ingest::RawContent::Glyphs(g) => assert!(!g.is_empty(), "page {n} empty"),
            other => panic!("page {n}: {other:?}"),
        }
    }
}

#[test]
fn encrypted_and_xref_loop_files_are_no_silent_zero_page_successes() {
    if let Some(path) = common::robustness_file("pdfjs-issue6010_1.pdf") {
        // AES-256 with user password "abc": lopdf loads it as zero objects.
        let err = read_isolated(Path::new(JUSTERA), &path, &opts(30)).unwrap_err();
        assert_eq!(err.reason.code(), "encrypted", "{err}");
        assert!(err.reason.to_string().contains("--password"), "{err}");
    }
    if let Some(path) = common::robustness_file("qpdf-append-xref-loop.pdf") {
        // poppler finds 30 pages; lopdf alone finds none.
        let read = read_isolated(Path::new(JUSTERA), &path, &opts(30)).expect("read");
        assert!(read.report.repaired);
        assert_eq!(read.report.pages_total, 30);
        assert_eq!(read.report.pages_read, 30);
    }
}

#[test]
fn passwords_from_the_command_line_and_a_password_file() {
    let Some(path) = common::robustness_file("qpdf-enc-R2-V1-U_view-O_master.pdf") else {
        return;
    };
    let plain = Command::new(JUSTERA)
        .arg("text")
        .arg(&path)
        .output()
        .expect("run");
    assert_eq!(plain.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&plain.stderr);
    assert!(stderr.contains("encrypted: needs a password"), "{stderr}");

    let with = Command::new(JUSTERA)
        .args(["text", "--password", "wrong", "--password", "view"])
        .arg(&path)
        .output()
        .expect("run");
    assert_eq!(with.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&with.stdout).contains("Potato"));

    let dir = tempfile::tempdir().expect("tempdir");
    let list = dir.path().join("passwords.tsv");
    std::fs::write(&list, "# archive passwords\nqpdf-enc-R2-*.pdf\tview\n").expect("write");
    let listed = Command::new(JUSTERA)
        .arg("text")
        .arg("--password-file")
        .arg(&list)
        .arg(&path)
        .output()
        .expect("run");
    assert_eq!(
        listed.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&listed.stderr)
    );
    assert!(String::from_utf8_lossy(&listed.stdout).contains("Potato"));

    std::fs::write(&list, "no tab on this line\n").expect("write");
    let bad = Command::new(JUSTERA)
        .arg("text")
        .arg("--password-file")
        .arg(&list)
        .arg(&path)
        .output()
        .expect("run");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn one_worker_serves_many_files_and_a_failure_costs_only_its_own() {
    // The same thread reads a good file, a crash, garbage, and the good file again: the
    // failures are the bad files' only, and the good file reads the same both times.
    let dir = tempfile::tempdir().expect("tempdir");
    let good =
        manifest_dir().join("corpus/pdf/herrljunga-itvt-2017-09-06-ts-sammantradestider-2018.pdf");
    let exe = PathBuf::from(JUSTERA);
    let first = read_isolated(&exe, &good, &opts(30)).expect("good file reads");
    let truncated = dir.path().join("truncated.pdf");
    let bytes = std::fs::read(&good).expect("read pdf");
    std::fs::write(&truncated, &bytes[..bytes.len() / 3]).expect("write");
    let _ = read_isolated(&exe, &truncated, &opts(30));
    let garbage = dir.path().join("garbage.pdf");
    std::fs::write(&garbage, b"%PDF-1.7\n\xff\xfe not a pdf at all").expect("write");
    assert!(read_isolated(&exe, &garbage, &opts(30)).is_err());
    for _ in 0..3 {
        let again = read_isolated(&exe, &good, &opts(30)).expect("good file reads again");
        assert_eq!(first.pages, again.pages);
    }
}
