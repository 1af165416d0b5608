//! SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), the format CI systems
//! (GitHub code scanning, GitLab, Azure DevOps) read: one run whose tool driver lists
//! every rule, one result per finding with its place, suppressed findings with their
//! suppression, and files that could not be read as tool notifications.
//!
//! Places: a text file's line is its line in the file when it has one page (no form
//! feeds), so `region.startLine` is given there; a PDF's page and line are given as the
//! result's `properties` (`page`, `line`) and in the message, since a PDF has no lines a
//! CI viewer could show. A Word draft's place is given in its own terms (the § and
//! heading, and the paragraph under it: "§ 67 › “Direktionens beslut”, paragraph 2"),
//! since its page and line mean nothing in Word.

use crate::check::finding::{Finding, Severity};
use crate::check::registry;
use serde_json::{json, Value};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The relative or absolute path as a URI reference (`/` separators, spaces and other
/// characters outside RFC 3986's unreserved set percent-encoded).
pub fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn is_text(file: &str) -> bool {
    let lower = file.to_ascii_lowercase();
    lower.ends_with(".txt") || lower.ends_with(".md")
}

/// One finding as a SARIF result; `suppression` is (kind, justification) where the
/// finding was suppressed ("inSource" for a comment, "external" for a config entry);
/// `place` names a Word draft's § / heading and paragraph.
pub fn result(
    f: &Finding,
    rule_index: Option<usize>,
    suppression: Option<(&str, &str)>,
    place: Option<&str>,
) -> Value {
    let p = &f.provenance;
    let mut physical = json!({
        "artifactLocation": { "uri": uri(&p.file) },
    });
    if is_text(&p.file) && p.page == 1 && p.line > 0 {
        physical["region"] = json!({ "startLine": p.line });
    }
    let mut location = json!({ "physicalLocation": physical });
    let mut logical = Vec::new();
    if let Some(d) = &f.document {
        logical.push(json!({"name": d.trim(), "kind": "module"}));
    }
    if let Some(n) = f.paragraph {
        logical.push(json!({"name": format!("§ {n}"), "kind": "function"}));
    }
    if !logical.is_empty() {
        location["logicalLocations"] = Value::Array(logical);
    }
    let dec = |d: Option<rust_decimal::Decimal>| d.map(|v| v.normalize().to_string());
    let mut r = json!({
        "ruleId": f.rule,
        "level": level(f.severity),
        "message": { "text": match place {
            Some(place) => format!("{} ({place})", f.message),
            None => format!("{} (page {}, line {})", f.message, p.page, p.line),
        } },
        "locations": [location],
        "properties": {
            "page": p.page,
            "line": p.line,
            "expected": dec(f.expected),
            "found": dec(f.found),
            "tolerance": dec(f.tolerance),
        },
    });
    if let Some(place) = place {
        r["properties"]["place"] = json!(place);
    }
    if let Some(i) = rule_index {
        r["ruleIndex"] = json!(i);
    }
    if let Some(rel) = &f.related {
        r["relatedLocations"] = json!([{
            "id": 1,
            "physicalLocation": { "artifactLocation": { "uri": uri(&rel.file) } },
            "message": { "text": rel.to_string() },
        }]);
    }
    if let Some((kind, why)) = suppression {
        r["suppressions"] = json!([{ "kind": kind, "justification": why }]);
    }
    r
}

/// The whole log. `results` are (finding, suppression) pairs; `failed` are (file, reason)
/// of files that could not be read; `place_of` names a Word draft's place (see
/// [`result`]).
pub fn log(
    results: &[(&Finding, Option<(&str, &str)>)],
    failed: &[(String, String)],
    place_of: &dyn Fn(&Finding) -> Option<String>,
) -> Value {
    // The per-document rules, as before the registry listed the cross-document ones too
    // (an XDOC finding has no descriptor index; including them would change the output).
    let rules: Vec<&registry::Rule> = registry::all()
        .iter()
        .copied()
        .filter(|r| r.family != registry::Family::Xdoc)
        .collect();
    let descriptors: Vec<Value> = rules
        .iter()
        .map(|r| {
            json!({
                "id": r.code.as_str(),
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.explanation },
                "help": { "text": format!("justera explain {}", r.code) },
                "defaultConfiguration": { "level": level(r.severity) },
            })
        })
        .collect();
    let results: Vec<Value> = results
        .iter()
        .map(|(f, s)| {
            let index = rules.iter().position(|r| r.code == f.rule);
            result(f, index, *s, place_of(f).as_deref())
        })
        .collect();
    let notifications: Vec<Value> = failed
        .iter()
        .map(|(file, reason)| {
            json!({
                "level": "error",
                "message": { "text": format!("{file}: {reason}") },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(file) } } }],
            })
        })
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "justera",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": descriptors,
            }},
            "invocations": [{
                "executionSuccessful": failed.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("corpus/a b.pdf"), "corpus/a%20b.pdf");
        assert_eq!(uri("budget_år.txt"), "budget_%C3%A5r.txt");
    }
}
