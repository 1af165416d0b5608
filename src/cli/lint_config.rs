//! What `justera lint` reports: rule selection (`--select`, `--ignore`, `--severity`, as
//! ruff does it), the `justera.toml` found beside the input or in a parent folder, and
//! suppressions a reviewer can see (a `justera: ignore CODE` comment in a .txt/.md on or
//! above the line, or a `[[lint.suppress]]` entry with its reason in the config).
//!
//! ```toml
//! [lint]
//! select = ["SUM", "FORM"]      # codes or prefixes; empty: every rule
//! ignore = ["TAB001"]
//! severity = "warning"          # report this severity and above
//!
//! [[lint.suppress]]
//! file = "protokoll-2021-03.pdf" # a file name, or a path relative to this config
//! rule = "SUM001"
//! page = 4                       # optional: only at this page (and line)
//! line = 12
//! reason = "row 'Övrigt' is in bilaga 2; confirmed with ekonomiavdelningen"
//! ```

use crate::check::finding::{Finding, Severity};
use crate::check::registry;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub const CONFIG_NAME: &str = "justera.toml";

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub lint: LintConfig,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LintConfig {
    #[serde(default)]
    pub select: Vec<String>,
    #[serde(default)]
    pub ignore: Vec<String>,
    pub severity: Option<Severity>,
    #[serde(default)]
    pub suppress: Vec<SuppressEntry>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuppressEntry {
    pub file: String,
    pub rule: String,
    pub page: Option<u32>,
    pub line: Option<u32>,
    pub reason: String,
}

/// A config file as read, with the folder its `file` entries are relative to.
#[derive(Clone, Debug)]
pub struct LoadedConfig {
    pub path: PathBuf,
    pub config: Config,
}

/// Reads and checks a config: unknown keys, unknown rule codes and suppressions
/// without a reason are errors naming the file.
pub fn load(path: &Path) -> Result<LoadedConfig, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let config: Config = toml::from_str(&text).map_err(|e| {
        format!(
            "{}: {}",
            path.display(),
            e.to_string().lines().collect::<Vec<_>>().join(" ")
        )
    })?;
    let l = &config.lint;
    for s in l.select.iter().chain(&l.ignore) {
        validate_selector(s).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    for s in &l.suppress {
        if registry::lookup(&s.rule).is_none() {
            return Err(format!(
                "{}: suppression of unknown rule {:?} (see `justera explain`)",
                path.display(),
                s.rule
            ));
        }
        if s.reason.trim().is_empty() {
            return Err(format!(
                "{}: the suppression of {} in {} has no reason; a reviewer must see why",
                path.display(),
                s.rule,
                s.file
            ));
        }
    }
    Ok(LoadedConfig {
        path: path.to_path_buf(),
        config,
    })
}

/// The nearest `justera.toml` in the folder of `input` (itself when it is a folder) or
/// one of its parents.
pub fn discover(input: &Path) -> Option<PathBuf> {
    let abs = std::fs::canonicalize(input).ok()?;
    let start = if abs.is_dir() {
        abs.as_path()
    } else {
        abs.parent()?
    };
    start
        .ancestors()
        .map(|d| d.join(CONFIG_NAME))
        .find(|c| c.is_file())
}

/// Every rule code lint and the audit know.
fn known_codes() -> impl Iterator<Item = &'static str> {
    registry::all().iter().map(|r| r.code.as_str())
}

/// A selector is `ALL`, a code or a prefix of codes (`SUM`, `SUM00`, `FORM003`).
pub fn validate_selector(s: &str) -> Result<(), String> {
    let up = s.trim().to_ascii_uppercase();
    if up == "ALL" || (!up.is_empty() && known_codes().any(|c| c.starts_with(&up))) {
        Ok(())
    } else {
        Err(format!(
            "unknown rule selector {s:?}: give a code (SUM001), a prefix (SUM) or ALL; `justera explain` lists the rules"
        ))
    }
}

/// Which findings are reported: ruff's rule — the most specific matching selector of
/// `select` and `ignore` decides (a tie goes to `ignore`); with no `select`, every rule
/// is selected.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub severity: Option<Severity>,
}

impl Selection {
    fn specificity(selectors: &[String], code: &str) -> Option<usize> {
        selectors
            .iter()
            .filter_map(|s| {
                let s = s.trim().to_ascii_uppercase();
                if s == "ALL" {
                    Some(0)
                } else if code.to_ascii_uppercase().starts_with(&s) {
                    Some(s.len())
                } else {
                    None
                }
            })
            .max()
    }

    pub fn selects(&self, f: &Finding) -> bool {
        if self.severity.is_some_and(|min| f.severity < min) {
            return false;
        }
        let sel = if self.select.is_empty() {
            Some(0)
        } else {
            Self::specificity(&self.select, &f.rule)
        };
        let ign = Self::specificity(&self.ignore, &f.rule);
        match (sel, ign) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(s), Some(i)) => s > i,
        }
    }
}

/// Where a suppression came from, shown beside the suppressed finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SuppressionKind {
    /// A `justera: ignore` comment in the document.
    Inline,
    /// An entry in a justera.toml.
    Config,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suppression {
    pub kind: SuppressionKind,
    /// The config file, or the file, page and line of the comment.
    pub source: String,
    pub reason: String,
}

/// A `justera: ignore CODE[, CODE…] [reason]` comment on a line, as (codes, reason).
pub fn parse_ignore_comment(line: &str) -> Option<(Vec<String>, String)> {
    let lower = line.to_ascii_lowercase();
    let at = lower.find("justera:")?;
    let rest = line[at + "justera:".len()..].trim_start();
    let rest = rest
        .strip_prefix("ignore")
        .or_else(|| rest.strip_prefix("IGNORE"))?;
    let mut codes = Vec::new();
    let mut tail = rest.trim_start();
    loop {
        let end = tail
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(tail.len());
        let word = &tail[..end];
        if word.is_empty() || validate_selector(word).is_err() || word.eq_ignore_ascii_case("ALL") {
            break;
        }
        codes.push(word.to_ascii_uppercase());
        tail = tail[end..].trim_start();
        match tail.strip_prefix(',') {
            Some(t) => tail = t.trim_start(),
            None => break,
        }
    }
    if codes.is_empty() {
        return None;
    }
    let reason = tail
        .trim_end()
        .trim_end_matches("-->")
        .trim_start_matches(|c: char| matches!(c, ':' | '-' | '—' | '–') || c.is_whitespace())
        .trim()
        .to_string();
    Some((codes, reason))
}

/// The inline suppressions of one file: (page, line) of the line they cover → codes and
/// the comment's place and reason. A comment covers its own line and the next.
pub type InlineMap = HashMap<(u32, u32), Vec<(String, Suppression)>>;

pub fn inline_suppressions(file: &str, lines: &[(u32, u32, String)]) -> InlineMap {
    let mut map: InlineMap = HashMap::new();
    for (page, line, text) in lines {
        if let Some((codes, reason)) = parse_ignore_comment(text) {
            let s = Suppression {
                kind: SuppressionKind::Inline,
                source: format!("{file}:page {page}:line {line}"),
                reason: if reason.is_empty() {
                    "justera: ignore comment".to_string()
                } else {
                    reason
                },
            };
            for target in [*line, line + 1] {
                for c in &codes {
                    map.entry((*page, target))
                        .or_default()
                        .push((c.clone(), s.clone()));
                }
            }
        }
    }
    map
}

/// Whether the config's suppression entry names this finding.
pub fn config_suppression(cfg: &LoadedConfig, f: &Finding) -> Option<Suppression> {
    let base = cfg.path.parent().unwrap_or(Path::new("."));
    let file = Path::new(&*f.provenance.file);
    let file_abs = std::fs::canonicalize(file).ok();
    cfg.config.lint.suppress.iter().find_map(|s| {
        let names_file = file.file_name().is_some_and(|n| n == s.file.as_str())
            || file_abs
                .as_ref()
                .is_some_and(|a| std::fs::canonicalize(base.join(&s.file)).ok() == Some(a.clone()));
        let matches = names_file
            && s.rule.eq_ignore_ascii_case(&f.rule)
            && s.page.is_none_or(|p| p == f.provenance.page)
            && s.line.is_none_or(|l| l == f.provenance.line);
        matches.then(|| Suppression {
            kind: SuppressionKind::Config,
            source: cfg.path.display().to_string(),
            reason: s.reason.clone(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignore_comments_are_read_with_their_reason() {
        assert_eq!(
            parse_ignore_comment("# justera: ignore SUM001, FORM003 — checked with ekonomi"),
            Some((
                vec!["SUM001".to_string(), "FORM003".to_string()],
                "checked with ekonomi".to_string()
            ))
        );
        assert_eq!(
            parse_ignore_comment("<!-- justera: ignore TAB -->"),
            Some((vec!["TAB".to_string()], String::new()))
        );
        assert_eq!(parse_ignore_comment("justera: ignore nothing"), None);
        assert_eq!(parse_ignore_comment("Summa 1 234"), None);
    }

    #[test]
    fn the_most_specific_selector_decides() {
        let sel = Selection {
            select: vec!["SUM".into()],
            ignore: vec!["SUM001".into()],
            severity: None,
        };
        let mk = |rule: &str, severity| {
            Finding::new(
                crate::check::rules::RuleCode::parse(rule).unwrap(),
                severity,
                String::new(),
                crate::Provenance::new(&std::sync::Arc::from("f.txt"), 1, 1),
            )
        };
        assert!(!sel.selects(&mk("SUM001", Severity::Error)));
        assert!(sel.selects(&mk("SUM002", Severity::Error)));
        assert!(!sel.selects(&mk("FORM001", Severity::Error)));
        let sel = Selection {
            select: vec![],
            ignore: vec!["FORM".into()],
            severity: Some(Severity::Warning),
        };
        assert!(!sel.selects(&mk("FORM001", Severity::Error)));
        assert!(sel.selects(&mk("SUM001", Severity::Warning)));
        assert!(!sel.selects(&mk("SUM001", Severity::Info)));
        assert!(validate_selector("sum").is_ok());
        assert!(validate_selector("NOPE").is_err());
    }
}
