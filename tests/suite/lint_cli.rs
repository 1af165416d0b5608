//! `justera lint` as developers' linters behave: nothing silent (a file with nothing to
//! check, an empty folder, a missing path, unsupported files, unreadable files in JSON),
//! rule selection, severity threshold, colour, `help:` lines, `-q`, `justera.toml` and
//! visible suppressions, SARIF 2.1.0 and JSON Lines.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

struct Out {
    stdout: String,
    stderr: String,
    code: i32,
}

fn lint_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Out {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_justera"));
    cmd.current_dir(dir).arg("lint").args(args);
    cmd.env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let o = cmd.output().expect("justera runs");
    assert!(
        o.status.code().is_some(),
        "justera was killed by a signal: {o:?}"
    );
    Out {
        stdout: String::from_utf8(o.stdout).unwrap(),
        stderr: String::from_utf8(o.stderr).unwrap(),
        code: o.status.code().unwrap(),
    }
}

fn fixture(rel: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rules")
        .join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// A table with two defects in different cells: a REL001 error on row "Kultur" (line 5:
/// 500 − 589 is −89, not −80) and a SUM001 error on the Prognos total (line 8: the rows
/// give 2 444, not 2 454).
const TWO_DEFECTS: &str = "Investeringar\n\nBelopp netto (tkr)\tBudget 2017\tPrognos 2017\t\
Avvikelse helår\nSkolor\t900\t895\t5\nKultur\t500\t589\t-80\nIdrott\t300\t250\t50\n\
Vägar\t700\t710\t-10\nS:a investeringar egna\t2 400\t2 454\t\n";

/// A folder holding the two-defect table as `t.txt`.
fn sum_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.txt"), TWO_DEFECTS).unwrap();
    dir
}

fn json(out: &Out) -> Value {
    serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", out.stdout, out.stderr))
}

fn rules(v: &Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_full_diagnostic_with_its_help_line() {
    let dir = sum_dir();
    let out = lint_in(dir.path(), &["t.txt", "--select", "SUM001"], &[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn a_shopping_list_is_not_zero_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("notes.txt"),
        "Handla:\nmjölk 2\nbröd\nägg 12\n",
    )
    .unwrap();
    let out = lint_in(dir.path(), &["notes.txt"], &[]);
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stdout
            .starts_with("warning: notes.txt: no record structure"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("1 file with nothing to check"),
        "{}",
        out.stdout
    );
    let v = json(&lint_in(
        dir.path(),
        &["notes.txt", "--format", "json"],
        &[],
    ));
    assert_eq!(v["unchecked"][0]["file"], "notes.txt");
}

#[test]
fn an_empty_folder_and_a_missing_path_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let out = lint_in(dir.path(), &["empty"], &[]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty(), "{}", out.stdout);
    assert!(
        out.stderr
            .contains("error: no .pdf, .txt, .md or .docx file in empty"),
        "{}",
        out.stderr
    );
    let out = lint_in(dir.path(), &["nonexistent.txt"], &[]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr.trim(),
        "error: nonexistent.txt: no such file or directory"
    );
}

#[test]
fn unsupported_files_are_listed_with_their_reason() {
    let dir = sum_dir();
    std::fs::write(dir.path().join("gammal.doc"), b"\xd0\xcf\x11\xe0 old word").unwrap();
    std::fs::write(dir.path().join("brev.odt"), b"PK\x03\x04").unwrap();
    let out = lint_in(dir.path(), &["."], &[]);
    assert!(
        out.stdout
            .contains("./gammal.doc: not read: unsupported format (.doc)"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("./brev.odt: not read"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("2 files not read (unsupported format)"),
        "{}",
        out.stdout
    );
    let v = json(&lint_in(dir.path(), &[".", "--format", "json"], &[]));
    let skipped: Vec<&str> = v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["file"].as_str().unwrap())
        .collect();
    assert_eq!(skipped, ["./brev.odt", "./gammal.doc"]);
}

#[test]
fn json_lists_files_that_could_not_be_read() {
    let dir = sum_dir();
    std::fs::write(dir.path().join("trasig.pdf"), b"<html>not a pdf</html>").unwrap();
    let out = lint_in(
        dir.path(),
        &["t.txt", "trasig.pdf", "--format", "json"],
        &[],
    );
    assert_eq!(out.code, 1);
    let v = json(&out);
    assert_eq!(v["failed"][0]["file"], "trasig.pdf");
    assert!(
        v["failed"][0]["reason"]
            .as_str()
            .unwrap()
            .starts_with("not a PDF"),
        "{v}"
    );
}

#[test]
fn select_ignore_and_severity_choose_what_is_reported() {
    let dir = sum_dir();
    let all = rules(&json(&lint_in(
        dir.path(),
        &["t.txt", "--format", "json"],
        &[],
    )));
    assert!(all.contains(&"SUM001".to_string()) && all.contains(&"REL001".to_string()));
    let v = json(&lint_in(
        dir.path(),
        &["t.txt", "--format", "json", "--select", "SUM"],
        &[],
    ));
    assert_eq!(rules(&v), ["SUM001"]);
    let v = json(&lint_in(
        dir.path(),
        &["t.txt", "--format", "json", "--ignore", "SUM001,REL"],
        &[],
    ));
    assert!(rules(&v).is_empty(), "{v}");
    // Ignored errors do not fail the run.
    let out = lint_in(dir.path(), &["t.txt", "--ignore", "SUM001,REL"], &[]);
    assert_eq!(out.code, 0);
    assert!(
        out.stdout.contains("2 findings not selected"),
        "{}",
        out.stdout
    );
    let out = lint_in(dir.path(), &["t.txt", "--select", "SUMX"], &[]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("unknown rule selector"),
        "{}",
        out.stderr
    );
    // Both are errors: a threshold of error keeps them, none of them is below it.
    let v = json(&lint_in(
        dir.path(),
        &["t.txt", "--format", "json", "--severity", "error"],
        &[],
    ));
    assert_eq!(rules(&v).len(), 2);
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let dir = sum_dir();
    let always = lint_in(dir.path(), &["t.txt", "--color", "always"], &[]);
    assert!(
        always.stdout.contains("\x1b[1;31merror\x1b[0m"),
        "{}",
        always.stdout
    );
    let never = lint_in(dir.path(), &["t.txt", "--color", "never"], &[]);
    assert!(!never.stdout.contains('\x1b'));
    // Not a terminal, and NO_COLOR: plain either way.
    let auto = lint_in(dir.path(), &["t.txt"], &[("NO_COLOR", "1")]);
    assert!(!auto.stdout.contains('\x1b'));
    assert_eq!(never.stdout, auto.stdout, "colour is the only difference");
    let stripped = always
        .stdout
        .split('\x1b')
        .enumerate()
        .map(|(i, s)| {
            if i == 0 {
                s
            } else {
                s.split_once('m').map_or(s, |(_, rest)| rest)
            }
        })
        .collect::<String>();
    assert_eq!(stripped, never.stdout);
}

#[test]
fn quiet_prints_the_findings_only() {
    let dir = sum_dir();
    let out = lint_in(dir.path(), &["t.txt", "-q"], &[]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.starts_with("error[REL001]"), "{}", out.stdout);
    assert!(!out.stdout.contains("relations checked"), "{}", out.stdout);
    assert_eq!(out.stdout.matches("help: run `justera explain").count(), 2);
    let clean = tempfile::tempdir().unwrap();
    std::fs::write(clean.path().join("p.txt"), fixture("SUM001/passes.txt")).unwrap();
    let out = lint_in(clean.path(), &["p.txt", "-q"], &[]);
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout, "");
}

#[test]
fn an_inline_comment_suppresses_visibly() {
    let dir = tempfile::tempdir().unwrap();
    let text = TWO_DEFECTS.replacen(
        "S:a investeringar egna",
        "# justera: ignore SUM001 — raden Övrigt står i bilaga 2\nS:a investeringar egna",
        1,
    );
    std::fs::write(dir.path().join("t.txt"), text).unwrap();
    let v = json(&lint_in(dir.path(), &["t.txt", "--format", "json"], &[]));
    // The comment leaves the table whole: REL001 is still reported.
    assert_eq!(rules(&v), ["REL001"], "{v}");
    let s = &v["suppressed"][0];
    assert_eq!(s["rule"], "SUM001");
    assert_eq!(s["line"], 9);
    assert_eq!(s["suppressed"]["kind"], "inline");
    assert_eq!(s["suppressed"]["reason"], "raden Övrigt står i bilaga 2");
    assert_eq!(s["suppressed"]["source"], "t.txt:page 1:line 8");
    let out = lint_in(dir.path(), &["t.txt"], &[]);
    assert!(
        out.stdout.contains("1 finding suppressed"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_config_in_a_parent_folder_selects_and_suppresses() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("2021/ks");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(sub.join("t.txt"), TWO_DEFECTS).unwrap();
    std::fs::write(
        dir.path().join("justera.toml"),
        r#"
[lint]
ignore = ["REL"]

[[lint.suppress]]
file = "t.txt"
rule = "SUM001"
page = 1
line = 8
reason = "Övrigt i bilaga 2, kontrollerat med ekonomi"
"#,
    )
    .unwrap();
    let out = lint_in(dir.path(), &["2021/ks/t.txt", "--format", "json"], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v = json(&out);
    assert!(rules(&v).is_empty(), "{v}");
    let s = &v["suppressed"][0]["suppressed"];
    assert_eq!(s["kind"], "config");
    assert_eq!(s["reason"], "Övrigt i bilaga 2, kontrollerat med ekonomi");
    assert!(s["source"].as_str().unwrap().ends_with("justera.toml"));
    // --no-config reports both again; the command line's --select wins over the config.
    let v = json(&lint_in(
        dir.path(),
        &["2021/ks/t.txt", "--format", "json", "--no-config"],
        &[],
    ));
    assert_eq!(rules(&v).len(), 2);
    // A suppression without a reason is refused.
    std::fs::write(
        dir.path().join("justera.toml"),
        "[[lint.suppress]]\nfile = \"t.txt\"\nrule = \"SUM001\"\nreason = \"\"\n",
    )
    .unwrap();
    let out = lint_in(dir.path(), &["2021/ks/t.txt"], &[]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("has no reason"), "{}", out.stderr);
}

#[test]
fn jsonl_gives_one_finding_per_line() {
    let dir = sum_dir();
    let out = lint_in(dir.path(), &["t.txt", "--format", "jsonl"], &[]);
    let lines: Vec<Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    let places: Vec<_> = lines.iter().map(|l| (&l["file"], &l["line"])).collect();
    assert_eq!(
        places,
        [(&"t.txt".into(), &5.into()), (&"t.txt".into(), &8.into())]
    );
}

/// The structure SARIF 2.1.0 requires (sarif-schema-2.1.0.json: required properties and
/// their types on sarifLog, run, tool, toolComponent, reportingDescriptor, result,
/// message, location, physicalLocation, artifactLocation, region, suppression).
fn check_sarif(v: &Value) -> Vec<String> {
    let mut e = Vec::new();
    let mut need = |cond: bool, what: &str| {
        if !cond {
            e.push(what.to_string());
        }
    };
    need(v["version"] == "2.1.0", "version 2.1.0");
    need(v["$schema"].is_string(), "$schema");
    let runs = v["runs"].as_array();
    need(runs.is_some_and(|r| r.len() == 1), "one run");
    let run = &v["runs"][0];
    let driver = &run["tool"]["driver"];
    need(driver["name"] == "justera", "tool.driver.name");
    let rules = driver["rules"].as_array().cloned().unwrap_or_default();
    need(!rules.is_empty(), "driver.rules");
    for r in &rules {
        need(r["id"].is_string(), "rule.id");
        need(
            r["shortDescription"]["text"].is_string(),
            "rule.shortDescription.text",
        );
        need(
            ["none", "note", "warning", "error"]
                .contains(&r["defaultConfiguration"]["level"].as_str().unwrap_or("")),
            "rule.defaultConfiguration.level",
        );
    }
    for res in run["results"].as_array().cloned().unwrap_or_default() {
        need(res["message"]["text"].is_string(), "result.message.text");
        need(
            ["none", "note", "warning", "error"].contains(&res["level"].as_str().unwrap_or("")),
            "result.level",
        );
        let id = res["ruleId"].as_str().unwrap_or("");
        let index = res["ruleIndex"].as_u64().map(|i| i as usize);
        need(
            index.is_some_and(|i| rules.get(i).is_some_and(|r| r["id"] == id)),
            "result.ruleIndex points at its rule",
        );
        for loc in res["locations"].as_array().cloned().unwrap_or_default() {
            let pl = &loc["physicalLocation"];
            let uri = pl["artifactLocation"]["uri"].as_str().unwrap_or("");
            need(
                !uri.is_empty() && !uri.contains(' ') && !uri.contains('\\'),
                "artifactLocation.uri is a URI reference",
            );
            if let Some(r) = pl.get("region") {
                need(
                    r["startLine"].as_u64().is_some_and(|n| n >= 1),
                    "region.startLine ≥ 1",
                );
            }
        }
        if let Some(s) = res.get("suppressions") {
            for s in s.as_array().cloned().unwrap_or_default() {
                need(
                    ["inSource", "external"].contains(&s["kind"].as_str().unwrap_or("")),
                    "suppression.kind",
                );
            }
        }
    }
    e
}

#[test]
fn sarif_has_the_structure_of_sarif_2_1_0() {
    let dir = sum_dir();
    std::fs::write(dir.path().join("trasig.pdf"), b"not a pdf").unwrap();
    let out = lint_in(
        dir.path(),
        &[
            "t.txt",
            "trasig.pdf",
            "--format",
            "sarif",
            "--ignore",
            "REL",
        ],
        &[],
    );
    assert_eq!(out.code, 1);
    let v = json(&out);
    let problems = check_sarif(&v);
    assert!(problems.is_empty(), "{problems:?}\n{v:#}");
    let results = v["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["ruleId"], "SUM001");
    assert_eq!(results[0]["level"], "error");
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"],
        serde_json::json!({"artifactLocation": {"uri": "t.txt"}, "region": {"startLine": 8}})
    );
    let inv = &v["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    assert!(inv["toolExecutionNotifications"][0]["message"]["text"]
        .as_str()
        .unwrap()
        .starts_with("trasig.pdf: not a PDF"));
    // The checker itself rejects what is not SARIF.
    let mut broken = v.clone();
    broken["version"] = "2.0.0".into();
    broken["runs"][0]["results"][0]["ruleIndex"] = 9999.into();
    assert_eq!(check_sarif(&broken).len(), 2);
}

/// One wrong subtotal also puts the grand total off by the same amount; that echo is
/// counted but not reported. A grand total wrong by a different amount is its own defect.
#[test]
fn one_wrong_subtotal_is_one_finding_not_two() {
    let table = |utfall_total: u32| {
        format!(
            "# Driftredovisning 2024\n\nVerksamhet\tBudget\tUtfall\nSkola\t100\t90\n\
             Förskola\t50\t60\nSumma skola och förskola\t150\t160\nKultur\t20\t25\n\
             Fritid\t30\t25\nSumma kultur och fritid\t50\t50\nTotalt\t200\t{utfall_total}\n"
        )
    };
    let dir = tempfile::tempdir().unwrap();
    let mut found = Vec::new();
    for (name, total) in [("echo.txt", 200), ("two.txt", 205)] {
        std::fs::write(dir.path().join(name), table(total)).unwrap();
        let out = lint_in(dir.path(), &["--format", "json", name], &[]);
        assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
        let v = json(&out);
        let rows: Vec<String> = v["findings"]
            .as_array()
            .expect("findings array")
            .iter()
            .map(|f| format!("{} {}", f["rule"].as_str().unwrap(), f["row"]))
            .collect();
        found.push(rows);
    }
    assert_eq!(found[0], ["SUM001 \"Summa skola och förskola\""]);
    assert_eq!(
        found[1],
        ["SUM001 \"Summa skola och förskola\"", "SUM001 \"Totalt\""]
    );
}

/// A misnumbered entry of the innehållsförteckning is one defect: one FORM002 at the
/// entry naming the § the body gives it, not also "§ 10 is missing from the list".
#[test]
fn a_misnumbered_list_entry_is_one_finding() {
    let dir = tempfile::tempdir().unwrap();
    let original = fixture("FORM002/triggers.txt");
    let renumbered = original.replacen("§ 9 Meddelanden", "§ 11 Meddelanden", 1);
    assert_ne!(original, renumbered, "the fixture's list entry moved");
    for (name, text, message) in [
        (
            "twice.txt",
            &original,
            "§ 9 \"Meddelanden\" is listed twice; the body has it as § 10",
        ),
        (
            "other.txt",
            &renumbered,
            "§ 11 \"Meddelanden\" is listed but not in the body; the body has it as § 10",
        ),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
        let v = json(&lint_in(
            dir.path(),
            &[name, "--format", "json", "--select", "FORM002"],
            &[],
        ));
        let messages: Vec<&str> = v["findings"]
            .as_array()
            .expect("findings array")
            .iter()
            .map(|f| f["message"].as_str().unwrap())
            .collect();
        assert_eq!(messages, [message], "{name}");
    }
}
