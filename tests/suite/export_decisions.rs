//! `justera export`: JSON Lines records validate (jsonschema) against
//! schema/decision.schema.json, which is the schema generated from the record type,
//! CSV has one header row and one row per decision, JSON holds the same records.

use std::process::Command;

fn export(args: &[&str]) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_justera"))
        .arg("export")
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

/// The schema as published in the repository.
fn schema() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string("schema/decision.schema.json").unwrap()).unwrap()
}

/// Every way `value` breaks `schema` (jsonschema, formats checked), as "path: message".
fn validate(value: &serde_json::Value, schema: &serde_json::Value) -> Vec<String> {
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .expect("the schema is a valid JSON Schema");
    validator
        .iter_errors(value)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_published_schema_is_the_one_generated_from_the_record_type() {
    // `schema/decision.schema.json` is written from `DecisionRecord` (schemars); after a
    // change to the record, regenerate it with `JUSTERA_UPDATE_SCHEMA=1 cargo test --test
    // export_decisions` and review the diff.
    let generated = justera::export::decision_schema();
    let mut text = serde_json::to_string_pretty(&generated).unwrap();
    text.push('\n');
    if std::env::var_os("JUSTERA_UPDATE_SCHEMA").is_some() {
        std::fs::write("schema/decision.schema.json", &text).unwrap();
    }
    let published = std::fs::read_to_string("schema/decision.schema.json").unwrap();
    assert!(
        published == text,
        "schema/decision.schema.json is not the generated schema (JUSTERA_UPDATE_SCHEMA=1 rewrites it)"
    );
    // A JSON Schema itself, and of the draft it says.
    assert_eq!(
        generated["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert!(jsonschema::meta::is_valid(&generated));
}

#[test]
fn validator_rejects_what_the_schema_forbids() {
    let schema = schema();
    let bad = serde_json::json!({"schema_version": "1.1.0", "paragraph": "7", "extra": 1});
    let errors = validate(&bad, &schema);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("\"title\" is a required property")),
        "{errors:#?}"
    );
    assert!(
        errors.iter().any(|e| e.starts_with("/paragraph:")),
        "{errors:#?}"
    );
    assert!(
        errors.iter().any(|e| e.starts_with("/schema_version:")),
        "{errors:#?}"
    );
    assert!(errors.iter().any(|e| e.contains("extra")), "{errors:#?}");
    let mut good: serde_json::Value = serde_json::from_str(
        export(&["corpus/seeds/003_3f4b3a03317974c7.txt", "--format", "jsonl"])
            .0
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert!(validate(&good, &schema).is_empty());
    good["meeting_date"] = "18 november 2021".into();
    good["page"] = 0.into();
    good["sources"][0]["extra"] = true.into();
    let errors = validate(&good, &schema);
    assert_eq!(errors.len(), 3, "{errors:#?}");
}

#[test]
fn jsonl_of_corpus_validates_against_schema() {
    let (out, code) = export(&["corpus/", "--format", "jsonl"]);
    assert_eq!(code, 0);
    let schema = schema();
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Seeds 000 (§§ 1–10) and 003 (§§ 59–67) at least; their PDFs add the same again
    // once PDF layout is in.
    assert!(records.len() >= 19, "{} records", records.len());
    for r in &records {
        let errors = validate(r, &schema);
        assert!(errors.is_empty(), "{errors:#?}\n{r}");
    }
    let r = records
        .iter()
        .find(|r| {
            r["paragraph"] == 62
                && r["sources"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|s| s["file"].as_str().is_some_and(|f| f.ends_with(".txt")))
        })
        .unwrap();
    assert_eq!(r["organ"], "Direktionen");
    assert_eq!(r["meeting_date"], "2021-11-18");
    // "Dnr 2021/72" under the § and "ITSAM 2021/72" in the ärendelista: the series kept.
    assert_eq!(r["dnr"], serde_json::json!(["ITSAM 2021/72"]));
    assert_eq!(r["dnr_normalised"], serde_json::json!(["ITSAM 2021/72"]));
    assert_eq!(r["decision"].as_array().unwrap().len(), 3);
    assert_eq!(r["proposals"][0]["by"], "Joakim Magnusson");
}

#[test]
fn csv_has_one_header_and_one_row_per_decision() {
    let (jsonl, _) = export(&["corpus/seeds", "--format", "jsonl"]);
    let n = jsonl.lines().count();
    assert_eq!(n, 19, "seeds 000 and 003 hold 19 decisions");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("decisions.csv");
    let (_, code) = export(&[
        "corpus/seeds",
        "--format",
        "csv",
        "--csv-dialect",
        "rfc4180",
        "--out",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let headers = reader.headers().unwrap().clone();
    assert_eq!(headers.get(0), Some("schema_version"));
    assert!(headers.iter().any(|h| h == "decision"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), n);
    assert!(rows.iter().all(|r| r.len() == headers.len()));
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let p7 = rows
        .iter()
        .find(|r| &r[col("paragraph")] == "7" && r[col("file")].contains("000_"))
        .unwrap();
    assert_eq!(&p7[col("dnr")], "ITVT 1/2022");
    assert_eq!(&p7[col("dnr_normalised")], "ITVT 2022/1");
    assert_eq!(&p7[col("meeting_date")], "2022-03-02");
    assert!(p7[col("decision")].contains(" | Den ökade respektive"));
}

#[test]
fn json_format_wraps_the_same_records() {
    let (json, code) = export(&["corpus/seeds/003_3f4b3a03317974c7.txt", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let decisions = v["decisions"].as_array().unwrap();
    assert_eq!(decisions.len(), 9);
    assert!(decisions.iter().all(|d| d["schema_version"] == "1.3.0"));
}

/// Who signs the protocol and when, on every decision of it: seed 003's signature block
/// names its ordförande, sekreterare and justerare, leaves "Justeringens plats och tid"
/// empty (no date is made up) and posts its anslag on 2021-12-17.
#[test]
fn decisions_carry_the_signatures_and_the_anslag_date() {
    let (json, code) = export(&["corpus/seeds/003_3f4b3a03317974c7.txt", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let decisions = v["decisions"].as_array().unwrap();
    assert_eq!(decisions.len(), 9);
    for d in decisions {
        assert_eq!(d["chair"], "Jacob Käll", "{d:#}");
        assert_eq!(d["secretary"], "Joakim Karlsson", "{d:#}");
        assert_eq!(
            d["adjusters"],
            serde_json::json!(["Annicki Oscarsson"]),
            "{d:#}"
        );
        assert_eq!(d["adjusted_on"], serde_json::Value::Null, "{d:#}");
        assert_eq!(d["notice_posted"], "2021-12-17", "{d:#}");
    }
}

#[test]
fn the_same_protocol_as_pdf_and_as_text_gives_each_decision_once() {
    let (out, code) = export(&["corpus/", "--format", "jsonl"]);
    assert_eq!(code, 0);
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut ids: Vec<&str> = records
        .iter()
        .map(|r| r["decision_id"].as_str().unwrap())
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "decision_id is unique after merging copies");
    // Seed 003 is in the corpus as text and as PDF: § 62 is one record with both.
    let p62: Vec<&serde_json::Value> = records
        .iter()
        .filter(|r| r["paragraph"] == 62 && r["organ"] == "Direktionen")
        .collect();
    assert_eq!(p62.len(), 1, "{p62:#?}");
    let files: Vec<&str> = p62[0]["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["file"].as_str().unwrap())
        .collect();
    assert!(
        files.iter().any(|f| f.ends_with(".txt")) && files.iter().any(|f| f.ends_with(".pdf")),
        "{files:?}"
    );
    let r = p62[0];
    assert_eq!(r["sha256"].as_str().map(str::len), Some(64));
    assert_eq!(r["justera_version"], env!("CARGO_PKG_VERSION"));
    assert!(r["schema_version"].is_string());
    assert!(
        !r["attendance"]["present"].as_array().unwrap().is_empty(),
        "{r:#}"
    );
}
