//! `justera export`: JSON Lines records validate against schema/decision.schema.json,
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

/// The part of JSON Schema the record schema uses: type (with null unions), required,
/// additionalProperties: false, properties, items, const, minimum, pattern-free formats.
fn validate(value: &serde_json::Value, schema: &serde_json::Value, path: &str) -> Vec<String> {
    use serde_json::Value;
    let mut errors = Vec::new();
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let ok = types.iter().any(|t| match *t {
            "null" => value.is_null(),
            "string" => value.is_string(),
            "integer" => value.is_u64() || value.is_i64(),
            "number" => value.is_number(),
            "boolean" => value.is_boolean(),
            "array" => value.is_array(),
            "object" => value.is_object(),
            _ => false,
        });
        if !ok {
            errors.push(format!("{path}: {value} is not of type {types:?}"));
            return errors;
        }
    }
    if let Some(c) = schema.get("const") {
        if c != value {
            errors.push(format!("{path}: {value} != const {c}"));
        }
    }
    if let (Some(min), Some(n)) = (
        schema.get("minimum").and_then(Value::as_i64),
        value.as_i64(),
    ) {
        if n < min {
            errors.push(format!("{path}: {n} < minimum {min}"));
        }
    }
    if schema.get("format").and_then(Value::as_str) == Some("date") {
        if let Some(s) = value.as_str() {
            if chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_err() {
                errors.push(format!("{path}: {s} is not an ISO date"));
            }
        }
    }
    if let Some(obj) = value.as_object() {
        let props = schema.get("properties").and_then(Value::as_object);
        for r in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(r) = r.as_str() {
                if !obj.contains_key(r) {
                    errors.push(format!("{path}: missing required {r}"));
                }
            }
        }
        for (k, v) in obj {
            match props.and_then(|p| p.get(k)) {
                Some(s) => errors.extend(validate(v, s, &format!("{path}.{k}"))),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{path}: unexpected property {k}"))
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), value.as_array()) {
        for (i, v) in arr.iter().enumerate() {
            errors.extend(validate(v, items, &format!("{path}[{i}]")));
        }
    }
    errors
}

fn schema() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string("schema/decision.schema.json").unwrap()).unwrap()
}

#[test]
fn validator_rejects_what_the_schema_forbids() {
    let schema = schema();
    let bad = serde_json::json!({"schema_version": "1.2.0", "paragraph": "7", "extra": 1});
    let errors = validate(&bad, &schema, "$");
    assert!(errors.iter().any(|e| e.contains("missing required title")));
    assert!(errors.iter().any(|e| e.contains("$.paragraph")));
    assert!(errors
        .iter()
        .any(|e| e.contains("unexpected property extra")));
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
        let errors = validate(r, &schema, "$");
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
    assert!(decisions.iter().all(|d| d["schema_version"] == "1.2.0"));
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
