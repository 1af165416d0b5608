//! The researchers' export on real protocols (issue 12): `justera export FILE --format
//! json` on the protocol set (`tests/fixtures/real/protocols/`) compared with the §§ a
//! careful reader finds in each excerpt (`tests/expectations/protocol_export.tsv`: number,
//! title, dnr, how many att-satser). The figures are printed; the floors below are the
//! measured ones, so a change may raise them but never lower them, and no § may be
//! exported that the text does not have. A protocol whose §§ cannot be read says so on
//! standard error (a notice), never an empty export without a word.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

const DIR: &str = "tests/fixtures/real/protocols";
const TRUTH: &str = "tests/expectations/protocol_export.tsv";

/// Measured 2026-12-05 (h-proto2). Before the work of that session: 1 § of 17 found
/// (titles 1, dnr 1 of 14, att-satser 1 of 13).
const FLOOR_FOUND: usize = 16;
const FLOOR_TITLES: usize = 16;
const FLOOR_DNR: usize = 13;
const FLOOR_ATT: usize = 13;

/// (title, dnr as printed or None when not judged, att-satser or None when not judged).
type Judged = (String, Option<Vec<String>>, Option<usize>);

struct Truth {
    /// File → § → what the reader found.
    paragraphs: BTreeMap<String, BTreeMap<u32, Judged>>,
    /// Files with no § in their text, and why.
    none: BTreeMap<String, String>,
}

fn truth() -> Truth {
    let text = std::fs::read_to_string(TRUTH).unwrap_or_else(|e| panic!("{TRUTH}: {e}"));
    let mut t = Truth {
        paragraphs: BTreeMap::new(),
        none: BTreeMap::new(),
    };
    for (no, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert!(f.len() >= 3, "{TRUTH}:{}: too few fields", no + 1);
        if f[1] == "none" {
            t.none.insert(f[0].to_string(), f[2].to_string());
            continue;
        }
        assert_eq!(f.len(), 5, "{TRUTH}:{}: file, §, title, dnr, att", no + 1);
        let number: u32 = f[1]
            .parse()
            .unwrap_or_else(|_| panic!("{TRUTH}:{}: § {:?}", no + 1, f[1]));
        let dnr = (f[3] != "-").then(|| {
            f[3].split(" | ")
                .filter(|d| !d.is_empty())
                .map(str::to_string)
                .collect()
        });
        let att = (f[4] != "-").then(|| {
            f[4].parse()
                .unwrap_or_else(|_| panic!("{TRUTH}:{}: att {:?}", no + 1, f[4]))
        });
        t.paragraphs
            .entry(f[0].to_string())
            .or_default()
            .insert(number, (f[2].to_string(), dnr, att));
    }
    t
}

/// (records, stderr) of `justera export FILE --format json`; fails when it crashed.
fn export(path: &Path) -> (Vec<Value>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_justera"))
        .args(["export", "--format", "json"])
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("cannot run justera: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(
        out.status.code(),
        Some(0),
        "justera export {} failed: {stderr}",
        path.display()
    );
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("export {} printed no JSON ({e}): {stderr}", path.display()));
    let records = json["decisions"]
        .as_array()
        .unwrap_or_else(|| panic!("export {}: no decisions array", path.display()))
        .clone();
    (records, stderr)
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Default, Debug)]
struct Figures {
    found: usize,
    wrong: usize,
    missed: usize,
    titles: usize,
    dnr: usize,
    dnr_judged: usize,
    att: usize,
    att_judged: usize,
}

#[test]
fn protocol_set_exports_the_paragraphs_a_reader_finds() {
    let t = truth();
    let files: Vec<String> = std::fs::read_dir(DIR)
        .unwrap_or_else(|e| panic!("{DIR}: {e}"))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    assert_eq!(files.len(), 26, "the protocol set has 26 files");
    let mut fig = Figures::default();
    let mut notes: Vec<String> = Vec::new();
    let mut problems: Vec<String> = Vec::new();
    for name in &files {
        let want = t.paragraphs.get(name);
        assert!(
            want.is_some() || t.none.contains_key(name),
            "{name} is not judged in {TRUTH}"
        );
        let (records, stderr) = export(&Path::new(DIR).join(name));
        let mut got: BTreeMap<u32, &Value> = BTreeMap::new();
        for r in &records {
            let n = r["paragraph"]
                .as_u64()
                .unwrap_or_else(|| panic!("{name}: a record without a § number"));
            got.entry(n as u32).or_insert(r);
        }
        let empty = BTreeMap::new();
        let want = want.unwrap_or(&empty);
        for (n, r) in &got {
            if !want.contains_key(n) {
                fig.wrong += 1;
                problems.push(format!(
                    "{name}: § {n} exported, not in the text ({})",
                    r["title"]
                ));
            }
        }
        for (n, (title, dnr, att)) in want {
            let Some(r) = got.get(n) else {
                fig.missed += 1;
                notes.push(format!("{name}: § {n} missed"));
                continue;
            };
            fig.found += 1;
            let got_title = r["title"].as_str().unwrap_or("");
            if words(got_title) == words(title) {
                fig.titles += 1;
            } else {
                notes.push(format!("{name}: § {n} title {got_title:?}, read {title:?}"));
            }
            if let Some(dnr) = dnr {
                fig.dnr_judged += 1;
                let got_dnr: Vec<String> = r["dnr"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|d| d.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default();
                if &got_dnr == dnr {
                    fig.dnr += 1;
                } else {
                    notes.push(format!("{name}: § {n} dnr {got_dnr:?}, read {dnr:?}"));
                }
            }
            if let Some(att) = att {
                fig.att_judged += 1;
                let got_att = r["decision"].as_array().map_or(0, Vec::len);
                if got_att == *att {
                    fig.att += 1;
                } else {
                    notes.push(format!("{name}: § {n} {got_att} att-satser, read {att}"));
                }
            }
        }
        // A protocol with no § read says so.
        if records.is_empty()
            && t.none
                .get(name)
                .is_some_and(|why| why.starts_with("protocol"))
            && !stderr.contains("notice:")
        {
            problems.push(format!(
                "{name}: a protocol exported nothing without a notice"
            ));
        }
    }
    let total: usize = t.paragraphs.values().map(BTreeMap::len).sum();
    eprintln!(
        "protocol export: §§ {} of {total} found, {} wrong, {} missed; titles {} of {total}; \
         dnr {} of {} judged; att-satser {} of {} judged",
        fig.found,
        fig.wrong,
        fig.missed,
        fig.titles,
        fig.dnr,
        fig.dnr_judged,
        fig.att,
        fig.att_judged
    );
    for n in &notes {
        eprintln!("  {n}");
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(
        fig.wrong, 0,
        "§§ exported that the text does not have: {fig:?}"
    );
    assert!(
        fig.found >= FLOOR_FOUND,
        "§§ found fell below {FLOOR_FOUND}: {fig:?}"
    );
    assert!(
        fig.titles >= FLOOR_TITLES,
        "titles fell below {FLOOR_TITLES}: {fig:?}"
    );
    assert!(fig.dnr >= FLOOR_DNR, "dnr fell below {FLOOR_DNR}: {fig:?}");
    assert!(
        fig.att >= FLOOR_ATT,
        "att-satser fell below {FLOOR_ATT}: {fig:?}"
    );
}
