//! `justera audit` and `justera merge` end to end: determinism across job counts and
//! input orders, shards merged equal to a single run, failures isolated and listed,
//! atomic reports, the cache reused and invalidated.

use std::path::{Path, PathBuf};
use std::process::Command;

const OUTPUTS: [&str; 4] = [
    "findings.json",
    "documents.jsonl",
    "decisions.jsonl",
    "index.html",
];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn justera(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_justera"))
        // A fixed run date: reports of two runs are compared byte for byte.
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args(args)
        .current_dir(repo())
        .output()
        .expect("run justera");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// An archive of real documents (the seeds and a few corpus PDFs) plus broken files,
/// in nested folders.
fn archive(dir: &Path) -> PathBuf {
    let root = dir.join("archive");
    let seeds = root.join("2021").join("seeds");
    let pdfs = root.join("2022").join("pdf");
    let broken = root.join("broken");
    for d in [&seeds, &pdfs, &broken] {
        std::fs::create_dir_all(d).unwrap();
    }
    for entry in std::fs::read_dir(repo().join("corpus/seeds")).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, seeds.join(p.file_name().unwrap())).unwrap();
    }
    for name in [
        "herrljunga-vargarda-itvt-2022-03-02-protokoll.pdf",
        "itsam-direktionen-2021-11-18-protokoll.pdf",
        "ludvika-smedjebacken-gsn-2021-02-08-bilaga-medlemsbidrag-2022.pdf",
    ] {
        std::fs::copy(repo().join("corpus/pdf").join(name), pdfs.join(name)).unwrap();
    }
    std::fs::write(broken.join("empty.pdf"), b"").unwrap();
    let pdf = std::fs::read(repo().join("corpus/pdf/itsam-direktionen-2021-11-18-protokoll.pdf"))
        .unwrap();
    std::fs::write(broken.join("truncated.pdf"), &pdf[..pdf.len() / 3]).unwrap();
    std::fs::write(broken.join("empty.txt"), b"").unwrap();
    root
}

fn read_outputs(dir: &Path) -> Vec<(String, Vec<u8>)> {
    OUTPUTS
        .iter()
        .map(|n| {
            let bytes = std::fs::read(dir.join(n))
                .unwrap_or_else(|e| panic!("{} missing: {e}", dir.join(n).display()));
            (n.to_string(), bytes)
        })
        .collect()
}

fn assert_same_outputs(a: &Path, b: &Path) {
    for ((name, x), (_, y)) in read_outputs(a).into_iter().zip(read_outputs(b)) {
        assert!(
            x == y,
            "{name} differs between {} and {}",
            a.display(),
            b.display()
        );
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn outputs_are_identical_for_any_job_count_and_input_order() {
    let tmp = tempfile::tempdir().unwrap();
    let root = archive(tmp.path());
    let (y2021, y2022, broken) = (root.join("2021"), root.join("2022"), root.join("broken"));
    let one = tmp.path().join("one");
    let two = tmp.path().join("two");
    let rev = tmp.path().join("rev");
    let (c1, out1, _) = justera(&[
        "audit",
        s(&y2021),
        s(&y2022),
        s(&broken),
        "--jobs",
        "1",
        "--quiet",
        "--out",
        s(&one),
    ]);
    let (c2, _, _) = justera(&[
        "audit",
        s(&y2021),
        s(&y2022),
        s(&broken),
        "--jobs",
        "2",
        "--quiet",
        "--out",
        s(&two),
    ]);
    // Reversed paths, a file named twice, and a spelling with "./" in it.
    let again = root.join("2022/./pdf");
    let (c3, _, _) = justera(&[
        "audit",
        s(&broken),
        s(&again),
        s(&y2022),
        s(&y2021),
        "--jobs",
        "2",
        "--quiet",
        "--out",
        s(&rev),
    ]);
    // The fact store, relations and findings sorted through runs of 3 items on disk:
    // what an archive too big for memory goes through.
    let spilled = tmp.path().join("spilled");
    let (c4, _, _) = justera(&[
        "audit",
        s(&y2021),
        s(&y2022),
        s(&broken),
        "--jobs",
        "2",
        "--quiet",
        "--spill-run",
        "3",
        "--out",
        s(&spilled),
    ]);
    assert_eq!((c1, c2, c3, c4), (c1, c1, c1, c1), "exit codes differ");
    assert_ne!(c1, 2, "the good files were read: {out1}");
    assert_same_outputs(&one, &two);
    assert_same_outputs(&one, &rev);
    assert_same_outputs(&one, &spilled);
    let leftovers: Vec<_> = std::fs::read_dir(&spilled)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("spill"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "spill files left behind: {leftovers:?}"
    );
}

#[test]
fn broken_files_are_listed_and_the_run_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let root = archive(tmp.path());
    let out = tmp.path().join("out");
    let (code, stdout, _) = justera(&["audit", s(&root), "--quiet", "--out", s(&out)]);
    assert_ne!(code, 2, "{stdout}");
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("findings.json")).unwrap()).unwrap();
    let failed = report["failed"].as_array().unwrap();
    let failed_files: Vec<&str> = failed.iter().map(|f| f["file"].as_str().unwrap()).collect();
    for name in ["empty.pdf", "truncated.pdf", "empty.txt"] {
        assert!(
            failed_files.iter().any(|f| f.ends_with(name)),
            "{name} not listed as failed: {failed_files:?}"
        );
    }
    for f in failed {
        assert!(!f["reason"].as_str().unwrap().is_empty());
        assert!(!f["error"].as_str().unwrap().is_empty());
    }
    let summary = &report["summary"];
    assert_eq!(summary["files"], 11);
    assert_eq!(summary["files_failed"], failed.len());
    assert_eq!(summary["files_read"], 11 - failed.len());
    // Every good file's documents reached documents.jsonl.
    let docs = std::fs::read_to_string(out.join("documents.jsonl")).unwrap();
    for seed in std::fs::read_dir(repo().join("corpus/seeds")).unwrap() {
        let name = seed.unwrap().file_name().into_string().unwrap();
        assert!(docs.contains(&name), "{name} missing from documents.jsonl");
    }
    assert!(stdout.contains("failed files by reason"), "{stdout}");
    assert!(stdout.contains("empty.pdf"), "{stdout}");
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(html.contains("truncated.pdf"));
    // Nothing half-written is left beside the reports.
    for e in std::fs::read_dir(&out).unwrap() {
        let name = e.unwrap().file_name().into_string().unwrap();
        assert!(!name.ends_with(".tmp"), "temporary file {name} left behind");
    }
}

#[test]
fn three_shards_merged_equal_a_single_run() {
    let tmp = tempfile::tempdir().unwrap();
    let root = archive(tmp.path());
    let single = tmp.path().join("single");
    let (code, _, _) = justera(&["audit", s(&root), "--quiet", "--out", s(&single)]);
    let mut parts = Vec::new();
    let mut owned = 0;
    for k in 1..=3 {
        let part = tmp.path().join(format!("part{k}"));
        let shard = format!("{k}/3");
        let (c, stdout, stderr) = justera(&[
            "audit",
            s(&root),
            "--shard",
            &shard,
            "--quiet",
            "--out",
            s(&part),
        ]);
        assert!(c == 0 || c == 2, "{stdout}{stderr}");
        let manifest = std::fs::read_to_string(part.join("part.jsonl")).unwrap();
        owned += manifest.lines().count() - 1;
        // A part is not a report.
        assert!(!part.join("findings.json").exists());
        parts.push(part);
    }
    assert_eq!(owned, 11, "every file in exactly one shard");
    let merged = tmp.path().join("merged");
    let mut args = vec!["merge"];
    args.extend(parts.iter().map(|p| s(p)));
    args.extend(["--out", s(&merged)]);
    let (merge_code, stdout, stderr) = justera(&args);
    assert_eq!(merge_code, code, "{stdout}{stderr}");
    assert_same_outputs(&single, &merged);
}

#[test]
fn merge_refuses_what_is_not_a_part() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, _, stderr) = justera(&["merge", s(tmp.path()), "--out", s(&tmp.path().join("o"))]);
    assert_eq!(code, 2);
    assert!(stderr.contains("part.jsonl"), "{stderr}");
}

#[test]
fn no_input_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, _, stderr) = justera(&["audit", s(tmp.path()), "--out", s(&tmp.path().join("o"))]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no input files"), "{stderr}");
    let (code, _, _) = justera(&["audit", "corpus/", "--shard", "4/3"]);
    assert_eq!(code, 2);
}

#[test]
fn a_second_run_reuses_the_cache() {
    let tmp = tempfile::tempdir().unwrap();
    let root = archive(tmp.path());
    let out = tmp.path().join("out");
    let (_, first, _) = justera(&["audit", s(&root.join("2021")), "--quiet", "--out", s(&out)]);
    assert!(!first.contains("from cache"), "{first}");
    let before = std::fs::read(out.join("findings.json")).unwrap();
    let (_, second, _) = justera(&["audit", s(&root.join("2021")), "--quiet", "--out", s(&out)]);
    assert!(second.contains("5 files from cache"), "{second}");
    assert_eq!(before, std::fs::read(out.join("findings.json")).unwrap());
    let (_, third, _) = justera(&[
        "audit",
        s(&root.join("2021")),
        "--quiet",
        "--no-cache",
        "--out",
        s(&out),
    ]);
    assert!(!third.contains("from cache"), "{third}");
}

#[test]
fn a_changed_vocabulary_invalidates_the_cache() {
    let tmp = tempfile::tempdir().unwrap();
    let root = archive(tmp.path());
    let out = tmp.path().join("out");
    let grammars = tmp.path().join("grammars");
    std::fs::create_dir_all(&grammars).unwrap();
    std::fs::write(
        grammars.join("totals.vocab"),
        "# our template\ntotal: Summa kostnader netto\n",
    )
    .unwrap();
    let year = root.join("2021");
    let run = |extra: &[&str]| {
        let mut args = vec!["audit", s(&year), "--quiet", "--out", s(&out)];
        args.extend_from_slice(extra);
        justera(&args).1
    };
    let first = run(&[]);
    assert!(!first.contains("from cache"), "{first}");
    let with_words = run(&["--grammars", s(&grammars)]);
    assert!(!with_words.contains("from cache"), "{with_words}");
    let again = run(&["--grammars", s(&grammars)]);
    assert!(again.contains("5 files from cache"), "{again}");
    std::fs::write(
        grammars.join("totals.vocab"),
        "# our template, revised\ntotal: Summa kostnader brutto\n",
    )
    .unwrap();
    let changed = run(&["--grammars", s(&grammars)]);
    assert!(!changed.contains("from cache"), "{changed}");
}

#[test]
fn outputs_are_identical_with_every_stage_in_worker_processes_or_in_process() {
    // The audit runs each file's whole pipeline in a worker process and takes the result
    // back as MessagePack; nothing may be lost or changed on the way.
    let tmp = tempfile::tempdir().unwrap();
    let root = archive(tmp.path());
    let isolated = tmp.path().join("isolated");
    let in_process = tmp.path().join("in-process");
    let (c1, _, _) = justera(&["audit", s(&root), "--quiet", "--out", s(&isolated)]);
    let out = Command::new(env!("CARGO_BIN_EXE_justera"))
        // A fixed run date: reports of two runs are compared byte for byte.
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args(["audit", s(&root), "--quiet", "--out", s(&in_process)])
        .env("JUSTERA_WORKER_EXE", "")
        .current_dir(repo())
        .output()
        .expect("run justera");
    assert_eq!(Some(c1), out.status.code());
    assert_same_outputs(&isolated, &in_process);
}
