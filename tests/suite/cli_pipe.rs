//! Every command whose output a reader stops reading early (`justera explain | head -1`):
//! the closed pipe ends the command cleanly, never with a panic.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// Runs justera with `args`, its stdout a pipe closed before the first byte is read.
fn with_closed_stdout(args: &[&str]) -> (Option<i32>, String) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_justera"))
        .current_dir(&root)
        .args(args)
        .env("JUSTERA_WORKER_EXE", "")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("justera starts");
    // The reader goes away before anything is written.
    drop(child.stdout.take());
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        e.read_to_string(&mut stderr).expect("stderr is text");
    }
    let status = child.wait().expect("justera ends");
    (status.code(), stderr)
}

#[test]
fn a_reader_that_stops_early_ends_every_command_without_a_panic() {
    let corpus = "corpus/seeds";
    assert!(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join(corpus)
            .is_dir(),
        "{corpus} is missing"
    );
    for args in [
        vec!["explain"],
        vec!["explain", "SUM001"],
        vec!["lint", corpus],
        vec!["lint", "--format", "json", corpus],
        vec!["tables", corpus],
        vec!["text", corpus],
        vec!["parse", corpus],
        vec!["export", "--format", "jsonl", corpus],
    ] {
        let (code, stderr) = with_closed_stdout(&args);
        assert!(!stderr.contains("panicked"), "justera {args:?}: {stderr}");
        // Killed by no signal, and not the exit code of a panic.
        assert!(
            code.is_some_and(|c| c != 101),
            "justera {args:?}: {code:?}, {stderr}"
        );
    }
}
