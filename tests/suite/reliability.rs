//! Faults a year of real use hits (issue 15): links that loop, FIFOs and devices among
//! the inputs, files replaced while read, non-UTF-8 names, damaged cache entries, runs
//! killed while writing, concurrent runs, orphaned workers. Each test runs the binary
//! under a deadline: a hang fails the test instead of stalling CI.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The first seed text of the repository's corpus (it has tables and a SUM relation).
fn seed() -> PathBuf {
    let dir = repo().join("corpus/seeds");
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus/seeds")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    seeds.into_iter().next().expect("a seed text")
}

/// Runs justera with `args`, killing it after `secs`; panics on a hang.
fn run(args: &[&std::ffi::OsStr], secs: u64) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_justera"))
        // A fixed run date: reports of two runs are compared byte for byte.
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("justera starts");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if start.elapsed() > Duration::from_secs(secs) {
            let _ = child.kill();
            let out = child.wait_with_output().expect("output");
            panic!(
                "justera {:?} still running after {secs} s (stderr: {})",
                args,
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

fn findings(out: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(out.join("findings.json")).expect("findings.json");
    serde_json::from_str(&text).expect("findings.json is JSON")
}

fn file_paths(findings: &serde_json::Value) -> Vec<String> {
    findings["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["file"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_walked_once() {
    let w = tempfile::tempdir().unwrap();
    let one = w.path().join("one");
    let two = w.path().join("two");
    std::fs::create_dir_all(&one).unwrap();
    std::fs::create_dir_all(two.join("sub")).unwrap();
    std::fs::copy(seed(), one.join("a.txt")).unwrap();
    std::os::unix::fs::symlink(".", one.join("loop")).unwrap();
    std::fs::copy(seed(), two.join("a.txt")).unwrap();
    std::os::unix::fs::symlink(".", two.join("loop1")).unwrap();
    std::os::unix::fs::symlink(".", two.join("loop2")).unwrap();
    // A link to a sibling folder: its file is read once, not once per way to it.
    std::fs::copy(seed(), two.join("sub/b.txt")).unwrap();
    std::os::unix::fs::symlink("sub", two.join("zlink")).unwrap();
    for (dir, expected) in [(&one, vec!["a.txt"]), (&two, vec!["a.txt", "sub/b.txt"])] {
        let out = w
            .path()
            .join(format!("r-{}", dir.file_name().unwrap().to_string_lossy()));
        let o = run(
            &[
                os("audit"),
                dir.as_os_str(),
                os("--out"),
                out.as_os_str(),
                os("--quiet"),
            ],
            60,
        );
        assert!(o.status.code().is_some(), "{o:?}");
        let paths = file_paths(&findings(&out));
        let rel: Vec<String> = paths
            .iter()
            .map(|p| {
                Path::new(p)
                    .strip_prefix(dir)
                    .map(|r| r.display().to_string())
                    .unwrap_or_else(|_| p.clone())
            })
            .collect();
        assert_eq!(rel, expected, "{}", String::from_utf8_lossy(&o.stdout));
    }
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_reported_not_waited_for() {
    let w = tempfile::tempdir().unwrap();
    let dir = inputs(w.path(), &["a.txt"]);
    let fifo = dir.join("pipe.txt");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: mkfifo reads the NUL-terminated path only.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.pdf")).unwrap();
    let out = w.path().join("r");
    let o = run(
        &[
            os("audit"),
            dir.as_os_str(),
            os("--out"),
            out.as_os_str(),
            os("--quiet"),
            os("--timeout"),
            os("5"),
        ],
        60,
    );
    assert!(o.status.code().is_some(), "{o:?}");
    let f = findings(&out);
    assert_eq!(f["summary"]["files"], 3, "{f}");
    assert_eq!(f["summary"]["files_read"], 1, "{f}");
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        stdout.contains("pipe.txt: unsupported input: a named pipe (FIFO), not a regular file"),
        "{stdout}"
    );
    assert!(
        stdout.contains("zero.pdf: unsupported input: a character device, not a regular file"),
        "{stdout}"
    );
    // Named on the command line: a clear one-line error, no wait.
    let o = run(&[os("text"), fifo.as_os_str()], 30);
    assert_ne!(o.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("not a regular file"), "{stderr}");
}

fn audit(input: &Path, out: &Path, extra: &[&str], secs: u64) -> Output {
    let mut args = vec![
        os("audit"),
        input.as_os_str(),
        os("--out"),
        out.as_os_str(),
        os("--quiet"),
    ];
    args.extend(extra.iter().map(|a| os(a)));
    run(&args, secs)
}

fn any_pdf() -> PathBuf {
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(repo().join("corpus/pdf"))
        .expect("corpus/pdf")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    pdfs.sort();
    pdfs.into_iter().next().expect("a corpus PDF")
}

/// A folder `in` below `root` holding the named inputs: each `.pdf` a copy of a corpus
/// PDF, every other name a copy of the seed text.
fn inputs(root: &Path, names: &[&str]) -> PathBuf {
    let dir = root.join("in");
    std::fs::create_dir_all(&dir).unwrap();
    for name in names {
        let from = if name.ends_with(".pdf") {
            any_pdf()
        } else {
            seed()
        };
        std::fs::copy(from, dir.join(name)).unwrap();
    }
    dir
}

#[cfg(unix)]
#[test]
fn latin1_file_names_are_read() {
    use std::os::unix::ffi::OsStrExt;
    let w = tempfile::tempdir().unwrap();
    let dir = w.path().join("in");
    std::fs::create_dir_all(&dir).unwrap();
    let latin1 = std::ffi::OsStr::from_bytes(b"budget_\xe5r_2018_f\xf6rslag");
    let pdf = dir.join(latin1).with_extension("pdf");
    std::fs::copy(any_pdf(), &pdf).unwrap();
    std::fs::copy(seed(), dir.join(latin1).with_extension("txt")).unwrap();
    let out = w.path().join("r");
    let o = audit(&dir, &out, &[], 120);
    let f = findings(&out);
    assert_eq!(
        f["summary"]["files"],
        2,
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert_eq!(
        f["summary"]["files_read"],
        2,
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let o = run(&[os("text"), pdf.as_os_str()], 60);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!o.stdout.is_empty());
}

fn report_bytes(dir: &Path) -> Vec<(String, Vec<u8>)> {
    [
        "findings.json",
        "documents.jsonl",
        "decisions.jsonl",
        "index.html",
        "manifest.json",
    ]
    .iter()
    .map(|n| {
        let bytes =
            std::fs::read(dir.join(n)).unwrap_or_else(|e| panic!("{}: {e}", dir.join(n).display()));
        (n.to_string(), bytes)
    })
    .collect()
}

/// Every cache entry file under `dir`.
fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "jsonl") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn damaged_cache_entries_are_recomputed() {
    let w = tempfile::tempdir().unwrap();
    let dir = inputs(w.path(), &["a.txt", "b.pdf"]);
    let clean = w.path().join("clean");
    let first = audit(&dir, &clean, &["--no-cache"], 120);
    let expected = report_bytes(&clean);
    let out = w.path().join("r");
    audit(&dir, &out, &[], 120);
    let all = entries(&out.join(".cache/entries"));
    assert_eq!(all.len(), 2);
    // (1) an entry cut after its first line (power loss before the data reached the
    // disk); (2) an entry with half of its second line.
    let text = std::fs::read_to_string(&all[0]).unwrap();
    let lines: Vec<&str> = text.split('\n').collect();
    assert!(lines.len() > 2, "the entry has document lines");
    std::fs::write(&all[0], format!("{}\n", lines[0])).unwrap();
    let text = std::fs::read_to_string(&all[1]).unwrap();
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let half = lines[1].len() / 2;
    let cut = (0..=half)
        .rev()
        .find(|&i| lines[1].is_char_boundary(i))
        .unwrap();
    lines[1].truncate(cut);
    std::fs::write(&all[1], lines.join("\n")).unwrap();
    let again = audit(&dir, &out, &[], 120);
    assert_eq!(again.status.code(), first.status.code(), "{again:?}");
    let stdout = String::from_utf8_lossy(&again.stdout);
    assert!(
        !stdout.contains("from cache"),
        "damaged entries were reused: {stdout}"
    );
    assert_eq!(report_bytes(&out), expected);
    for line in std::fs::read_to_string(out.join("documents.jsonl"))
        .unwrap()
        .lines()
    {
        serde_json::from_str::<serde_json::Value>(line).expect("documents.jsonl line is JSON");
    }
}

/// seed 000 as two versions: v2 has a figure changed so its table no longer sums.
fn two_versions(w: &Path) -> (Vec<u8>, Vec<u8>) {
    let text = std::fs::read_to_string(seed()).unwrap();
    assert!(text.contains("SERVICENÄMND IT/VÄXEL/TELEFONI") && text.contains("<b>6 809</b>"));
    let v1 = text.replace("SERVICENÄMND IT/VÄXEL/TELEFONI", "SERVICENÄMND ALPHA");
    let v2 = text
        .replace("SERVICENÄMND IT/VÄXEL/TELEFONI", "SERVICENÄMND BETA")
        .replace("<b>6 809</b>", "<b>6 909</b>");
    std::fs::write(w.join("v1.txt"), &v1).unwrap();
    std::fs::write(w.join("v2.txt"), &v2).unwrap();
    (v1.into_bytes(), v2.into_bytes())
}

#[test]
fn a_file_replaced_while_read_never_pairs_a_hash_with_other_findings() {
    use sha2::Digest;
    let w = tempfile::tempdir().unwrap();
    let (v1, v2) = two_versions(w.path());
    let hex = |b: &[u8]| -> String {
        sha2::Sha256::digest(b)
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect()
    };
    let (h1, h2) = (hex(&v1), hex(&v2));
    let dir = w.path().join("in");
    std::fs::create_dir_all(&dir).unwrap();
    let doc = dir.join("doc.txt");
    std::fs::write(&doc, &v1).unwrap();
    // Which findings each version has, read on their own.
    let alone = |v: &[u8], name: &str| -> bool {
        let d = w.path().join(name);
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join("doc.txt"), v).unwrap();
        let out = w.path().join(format!("r-{name}"));
        audit(&d, &out, &[], 60);
        findings(&out)["summary"]["findings_by_rule"]
            .as_object()
            .unwrap()
            .contains_key("SUM001")
    };
    let (sum1, sum2) = (alone(&v1, "only1"), alone(&v2, "only2"));
    assert!(!sum1 && sum2, "v2 has a SUM001 error, v1 none");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flipper = {
        let stop = std::sync::Arc::clone(&stop);
        let (dir, w) = (dir.clone(), w.path().to_path_buf());
        std::thread::spawn(move || {
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                for v in ["v1.txt", "v2.txt"] {
                    let tmp = dir.join(".t");
                    let _ = std::fs::remove_file(&tmp);
                    std::fs::hard_link(w.join(v), &tmp).unwrap();
                    std::fs::rename(&tmp, dir.join("doc.txt")).unwrap();
                }
            }
        })
    };
    for i in 0..25 {
        let out = w.path().join(format!("r{i}"));
        audit(&dir, &out, &[], 60);
        let f = findings(&out);
        let hash = f["files"][0]["sha256"].as_str().unwrap().to_string();
        let sum = f["summary"]["findings_by_rule"]
            .as_object()
            .unwrap()
            .contains_key("SUM001");
        assert!(hash == h1 || hash == h2);
        assert_eq!(
            sum,
            if hash == h1 { sum1 } else { sum2 },
            "try {i}: {hash} with the other version's findings"
        );
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    flipper.join().unwrap();
}

#[test]
fn a_cache_that_cannot_be_written_is_not_the_input_failing() {
    let w = tempfile::tempdir().unwrap();
    let dir = inputs(w.path(), &["a.txt"]);
    let clean = w.path().join("clean");
    let first = audit(&dir, &clean, &[], 60);
    // A cache folder below a regular file cannot be created: every entry write fails.
    let blocker = w.path().join("blocker");
    std::fs::write(&blocker, b"x").unwrap();
    let cache = blocker.join("cache");
    let out = w.path().join("r");
    let o = audit(&dir, &out, &["--cache", cache.to_str().unwrap()], 60);
    assert_eq!(o.status.code(), first.status.code(), "{o:?}");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("result not cached"), "{stderr}");
    let f = findings(&out);
    assert_eq!(f["summary"]["files_read"], 1, "{f}");
    assert_eq!(report_bytes(&out), report_bytes(&clean));
}

#[test]
fn an_out_folder_that_cannot_be_written_is_refused_before_reading() {
    let w = tempfile::tempdir().unwrap();
    let dir = inputs(w.path(), &["a.txt"]);
    let blocker = w.path().join("blocker");
    std::fs::write(&blocker, b"x").unwrap();
    let out = blocker.join("out");
    // Workers would stall on every file: only a refusal before reading ends in time.
    let mut child = Command::new(env!("CARGO_BIN_EXE_justera"))
        // A fixed run date: reports of two runs are compared byte for byte.
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args([
            os("audit"),
            dir.as_os_str(),
            os("--out"),
            out.as_os_str(),
            os("--quiet"),
        ])
        .args(["--timeout", "100"])
        .env("JUSTERA_TEST_WORKER_STALL", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("the files were read before the out folder was checked");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("cannot create") && stderr.contains("blocker"),
        "{stderr}"
    );
}

#[test]
fn a_second_run_on_the_same_out_folder_is_refused() {
    let w = tempfile::tempdir().unwrap();
    let dir = inputs(w.path(), &["a.txt"]);
    let out = w.path().join("r");
    // The first run holds the folder while its worker stalls (until its 3 s limit).
    let mut first = Command::new(env!("CARGO_BIN_EXE_justera"))
        // A fixed run date: reports of two runs are compared byte for byte.
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args([
            os("audit"),
            dir.as_os_str(),
            os("--out"),
            out.as_os_str(),
            os("--quiet"),
        ])
        .args(["--timeout", "3"])
        .env("JUSTERA_TEST_WORKER_STALL", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !out.join(".justera.lock").exists() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(300));
    let second = audit(&dir, &out, &[], 60);
    assert!(
        first.try_wait().unwrap().is_none(),
        "the first run ended too early"
    );
    assert_eq!(second.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(stderr.contains("in use by another justera run"), "{stderr}");
    first.wait().unwrap();
    // Once the first run is done, the folder is free again and the set is whole.
    let third = audit(&dir, &out, &[], 60);
    assert!(third.status.code().is_some_and(|c| c != 2), "{third:?}");
    report_bytes(&out);
}

/// The manifest lists exactly the reports present, with their lengths and hashes.
fn assert_set_is_whole_or_marked_incomplete(dir: &Path) {
    use sha2::Digest;
    let Ok(text) = std::fs::read(dir.join("manifest.json")) else {
        return;
    };
    let m: serde_json::Value = serde_json::from_slice(&text).expect("manifest is JSON");
    for f in m["files"].as_array().unwrap() {
        let name = f["name"].as_str().unwrap();
        let bytes = std::fs::read(dir.join(name)).expect("a file the manifest lists");
        let hash: String = sha2::Sha256::digest(&bytes)
            .iter()
            .map(|x| format!("{x:02x}"))
            .collect();
        assert_eq!(
            f["sha256"].as_str().unwrap(),
            hash,
            "{name} is not the manifest's"
        );
    }
}

#[test]
fn kill_9_at_any_moment_then_a_rerun_gives_the_clean_reports() {
    let w = tempfile::tempdir().unwrap();
    let dir = w.path().join("in");
    std::fs::create_dir_all(&dir).unwrap();
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(repo().join("corpus/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    for s in &seeds {
        std::fs::copy(s, dir.join(s.file_name().unwrap())).unwrap();
    }
    std::fs::copy(any_pdf(), dir.join("x.pdf")).unwrap();
    let clean = w.path().join("clean");
    audit(&dir, &clean, &[], 120);
    let expected = report_bytes(&clean);
    let cache = clean.join(".cache");
    for (i, ms) in [0u64, 30, 60, 100, 150, 200, 300, 400]
        .into_iter()
        .enumerate()
    {
        let out = w.path().join(format!("k{i}"));
        // A finished set from an earlier run of a different archive: a killed run must
        // never leave it looking complete beside this run's files.
        let older = w.path().join("older");
        std::fs::create_dir_all(&older).unwrap();
        std::fs::copy(seeds[0].clone(), older.join("only.txt")).unwrap();
        audit(&older, &out, &[], 60);
        let mut child = Command::new(env!("CARGO_BIN_EXE_justera"))
            // A fixed run date: reports of two runs are compared byte for byte.
            .env("SOURCE_DATE_EPOCH", "1700000000")
            .args([
                os("audit"),
                dir.as_os_str(),
                os("--out"),
                out.as_os_str(),
                os("--quiet"),
            ])
            .args([os("--cache"), cache.as_os_str()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(ms));
        let _ = child.kill();
        let _ = child.wait();
        assert_set_is_whole_or_marked_incomplete(&out);
        audit(&dir, &out, &["--cache", cache.to_str().unwrap()], 120);
        assert_eq!(report_bytes(&out), expected, "after kill at {ms} ms");
        let left: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| {
                n.starts_with(".justera-report-")
                    || n.starts_with(".justera-spill-")
                    || n.ends_with(".tmp")
            })
            .collect();
        assert!(left.is_empty(), "stale temporaries: {left:?}");
    }
}

#[cfg(target_os = "linux")]
fn children_of(pid: u32) -> Vec<u32> {
    let mut out = Vec::new();
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(p) = e.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        if let Ok(stat) = std::fs::read_to_string(format!("/proc/{p}/stat")) {
            // pid (comm) state ppid …: comm may hold spaces, so split after ')'.
            let after = stat.rsplit_once(')').map(|x| x.1).unwrap_or("");
            let ppid = after
                .split_whitespace()
                .nth(1)
                .and_then(|s| s.parse::<u32>().ok());
            if ppid == Some(pid) {
                out.push(p);
            }
        }
    }
    out
}

#[cfg(target_os = "linux")]
fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|s| {
            !s.rsplit_once(')')
                .is_some_and(|x| x.1.trim_start().starts_with('Z'))
        })
        .unwrap_or(false)
}

#[cfg(target_os = "linux")]
#[test]
fn workers_die_with_their_parent() {
    let w = tempfile::tempdir().unwrap();
    let dir = inputs(w.path(), &["a.txt"]);
    let out = w.path().join("r");
    let mut parent = Command::new(env!("CARGO_BIN_EXE_justera"))
        // A fixed run date: reports of two runs are compared byte for byte.
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args([
            os("audit"),
            dir.as_os_str(),
            os("--out"),
            out.as_os_str(),
            os("--quiet"),
        ])
        .args(["--timeout", "100"])
        .env("JUSTERA_TEST_WORKER_STALL", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let workers = loop {
        let c = children_of(parent.id());
        if !c.is_empty() || start.elapsed() > Duration::from_secs(20) {
            break c;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(!workers.is_empty(), "no worker started");
    std::thread::sleep(Duration::from_millis(300));
    parent.kill().unwrap();
    parent.wait().unwrap();
    let start = Instant::now();
    while workers.iter().any(|&p| alive(p)) && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let left: Vec<u32> = workers.iter().copied().filter(|&p| alive(p)).collect();
    for &p in &left {
        // SAFETY: kill only signals the orphan this test made.
        unsafe { libc::kill(p as i32, libc::SIGKILL) };
    }
    assert!(left.is_empty(), "workers {left:?} outlived their parent");
}

#[test]
fn a_worker_past_its_limit_ends_itself() {
    // The parent does not answer (it is stopped, say): the worker's own watchdog ends
    // it a few seconds after its limit.
    let mut worker = Command::new(env!("CARGO_BIN_EXE_justera"))
        // A fixed run date: reports of two runs are compared byte for byte.
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args(["worker", "--serve", "--timeout", "1"])
        .env("JUSTERA_TEST_WORKER_STALL", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let stdin = worker.stdin.as_mut().unwrap();
        writeln!(stdin, "{{\"path\":[97],\"passwords\":[],\"process\":true}}").unwrap();
    }
    let start = Instant::now();
    while worker.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            let _ = worker.kill();
            panic!("the worker ran on past its limit");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(start.elapsed() >= Duration::from_secs(1));
}

/// The number the parent prints under `JUSTERA_STATS`: how many workers it started.
fn workers_started(stderr: &[u8]) -> usize {
    let stderr = String::from_utf8_lossy(stderr);
    stderr
        .lines()
        .find_map(|l| l.strip_prefix("stats: worker processes started: "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no worker count in: {stderr}"))
}

/// Runs an audit of `dir` with one job and the extra environment; returns its output.
fn audit_with_env(dir: &Path, out: &Path, env: &[(&str, &str)], extra: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_justera"));
    command
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .env("JUSTERA_STATS", "1")
        .args([
            os("audit"),
            dir.as_os_str(),
            os("--out"),
            out.as_os_str(),
            os("--quiet"),
            os("--jobs"),
            os("1"),
        ])
        .args(extra);
    for (k, v) in env {
        command.env(k, v);
    }
    let output = command.output().expect("justera runs");
    // 0, 1 (findings) or 2 (nothing read): never a crash.
    assert!(
        matches!(output.status.code(), Some(0..=2)),
        "{:?}: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

#[cfg(target_os = "linux")]
#[test]
fn a_worker_is_replaced_by_the_memory_it_holds_not_by_count() {
    let w = tempfile::tempdir().unwrap();
    let dir = inputs(w.path(), &["a.txt", "b.txt", "c.txt", "d.pdf"]);
    // Four small files hold little: one worker reads them all.
    let kept = audit_with_env(&dir, &w.path().join("kept"), &[], &[]);
    assert_eq!(workers_started(&kept.stderr), 1);
    // Over a (test-only) threshold of 1 KiB after every file: a fresh one each time.
    let replaced = audit_with_env(
        &dir,
        &w.path().join("replaced"),
        &[("JUSTERA_TEST_WORKER_MAX_RSS_KIB", "1")],
        &[],
    );
    assert_eq!(workers_started(&replaced.stderr), 4);
    assert_eq!(
        findings(&w.path().join("replaced"))["summary"]["files_read"],
        4
    );
    // Either way the reports are the same, byte for byte.
    assert_eq!(
        report_bytes(&w.path().join("kept")),
        report_bytes(&w.path().join("replaced"))
    );
}

#[test]
fn a_worker_that_failed_is_replaced() {
    let w = tempfile::tempdir().unwrap();
    let dir = inputs(w.path(), &["a.txt", "b.txt"]);
    // Every request stalls: each file times out, and the next gets a fresh worker.
    let out = w.path().join("r");
    let o = audit_with_env(
        &dir,
        &out,
        &[("JUSTERA_TEST_WORKER_STALL", "1")],
        &["--timeout", "1"],
    );
    assert_eq!(workers_started(&o.stderr), 2);
    let f = findings(&out);
    assert_eq!(f["summary"]["files_read"], 0, "{f}");
}

#[test]
fn without_a_cache_workers_write_the_entries_and_the_reports_are_the_same() {
    let w = tempfile::tempdir().unwrap();
    let dir = inputs(w.path(), &["a.txt", "b.txt", "c.pdf"]);
    let no_cache = ["--no-cache"];
    // One worker (its own spill file), a fresh worker per file (a spill file each), and
    // everything in this process (the run's own store): the same reports.
    let kept = audit_with_env(&dir, &w.path().join("kept"), &[], &no_cache);
    assert_eq!(workers_started(&kept.stderr), 1);
    let replaced = audit_with_env(
        &dir,
        &w.path().join("replaced"),
        &[("JUSTERA_TEST_WORKER_MAX_RSS_KIB", "1")],
        &no_cache,
    );
    assert_eq!(workers_started(&replaced.stderr), 3);
    let here = audit_with_env(
        &dir,
        &w.path().join("here"),
        &[("JUSTERA_WORKER_EXE", "")],
        &no_cache,
    );
    assert_eq!(workers_started(&here.stderr), 0);
    let f = findings(&w.path().join("kept"));
    assert_eq!(f["summary"]["files_read"], 3, "{f}");
    let kept = report_bytes(&w.path().join("kept"));
    assert!(kept
        .iter()
        .any(|(n, b)| n == "documents.jsonl" && !b.is_empty()));
    assert_eq!(kept, report_bytes(&w.path().join("replaced")));
    assert_eq!(kept, report_bytes(&w.path().join("here")));
    // The spill files go with the run.
    let left: Vec<_> = std::fs::read_dir(w.path().join("kept"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".justera-spill-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn an_entry_a_worker_wrote_that_does_not_check_out_is_that_files_failure() {
    let w = tempfile::tempdir().unwrap();
    let dir = inputs(w.path(), &["a.txt", "b.txt"]);
    let out = w.path().join("r");
    let o = audit_with_env(
        &dir,
        &out,
        &[("JUSTERA_TEST_WORKER_SPILL_DAMAGE", "1")],
        &["--no-cache"],
    );
    assert_eq!(workers_started(&o.stderr), 1);
    // The run goes on and writes whole reports: both files failed (saying why), nothing
    // of the damaged entries in them.
    let f = findings(&out);
    assert!(f.to_string().contains("checksum differs"), "{f}");
    assert_eq!(f["summary"]["files_read"], 0, "{f}");
    assert_eq!(f["summary"]["files_failed"], 2, "{f}");
    assert_eq!(std::fs::read(out.join("documents.jsonl")).unwrap(), b"");
}
