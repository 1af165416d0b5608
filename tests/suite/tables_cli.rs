//! `justera tables`: the JSON shape the issue fixes, the human grid, and the exit code
//! for unreadable input.

use serde_json::Value;
use std::process::Command;

fn justera(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_justera"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn json_has_exactly_the_documented_shape() {
    let (code, out, err) = justera(&[
        "tables",
        "corpus/seeds/004_56e90bca9d4a187d.txt",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).expect("json");
    let keys = |o: &Value| -> Vec<String> {
        let mut k: Vec<String> = o.as_object().expect("object").keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&v), ["tables"]);
    let tables = v["tables"].as_array().expect("array");
    assert!(tables.len() > 10);
    for t in tables {
        assert_eq!(
            keys(t),
            ["columns", "file", "line", "page", "rows", "title", "unit"]
        );
        let ncols = t["columns"].as_array().expect("columns").len();
        for r in t["rows"].as_array().expect("rows") {
            assert_eq!(keys(r), ["cells", "kind", "label"]);
            let cells = r["cells"].as_array().expect("cells");
            assert_eq!(cells.len(), ncols, "one cell per column after the label");
            for c in cells {
                assert_eq!(keys(c), ["empty", "raw", "unit", "value"]);
            }
        }
    }
    let row = tables
        .iter()
        .flat_map(|t| t["rows"].as_array().into_iter().flatten())
        .find(|r| r["label"] == "Totalt Smedjebacken")
        .expect("row");
    assert_eq!(row["kind"], "subtotal");
    assert_eq!(row["cells"][1]["value"], "18.41");
    assert_eq!(row["cells"][1]["unit"], "%");
    assert_eq!(row["cells"][1]["raw"], "18,41%");
    assert_eq!(row["cells"][4]["value"], "-22.00");
}

#[test]
fn human_grid_shows_parsed_values() {
    let (code, out, _) = justera(&["tables", "corpus/seeds/002_61e6c64d2e77feba.txt"]);
    assert_eq!(code, 0);
    let line = out
        .lines()
        .find(|l| l.trim_start_matches(['=', ' ']).starts_with("Resultat"))
        .expect("Resultat row");
    let cells: Vec<&str> = line.split('|').skip(1).map(str::trim).collect();
    assert_eq!(cells, ["174", "1", "633", "0", "0", "0"]);
}

#[test]
fn unreadable_input_is_a_usage_error() {
    let (code, _, err) = justera(&["tables", "corpus/no-such-file.pdf"]);
    assert_eq!(code, 2);
    assert!(err.contains("no-such-file.pdf"), "{err}");
}

/// A reader that stops early (`justera tables … | head`) closes the pipe: the output ends
/// quietly, with no panic and no crash exit code (it panicked in println! before).
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    for format in ["human", "json"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_justera"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["tables", "corpus/seeds", "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        let mut first = [0u8; 16];
        child
            .stdout
            .take()
            .expect("stdout")
            .read_exact(&mut first)
            .expect("some output");
        // The read end is dropped here, before the tables are all written.
        let out = child.wait_with_output().expect("waits");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{format}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{format}: {stderr}");
    }
}
