//! `justera lint PATH... [--format human|json|jsonl|sarif]`: every rule over every
//! document, with rustc-style diagnostics, stable JSON, JSON Lines or SARIF, and the
//! coverage of what was checked. Rules are chosen with `--select`/`--ignore`/`--severity`
//! or a `justera.toml`; suppressed findings stay visible in the machine formats and are
//! counted in the summary.

use super::common::InputArgs;
use super::exit;
use super::lint_config::{self, LoadedConfig, Selection, Suppression, SuppressionKind};
use crate::check::finding::{Finding, Severity, Stats};
use crate::grammar::vocab::Grammars;
use crate::ingest::SkippedFile;
use crate::pipeline::process_file_isolated;
use crate::report::diagnostic::{self, Style};
use crate::report::{json, sarif};
use clap::{Args, ValueEnum};
use serde_json::{json as j, Value};
use std::collections::HashMap;
use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Jsonl,
    Sarif,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when standard output is a terminal and NO_COLOR is not set.
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Level {
    Info,
    Warning,
    Error,
}

impl From<Level> for Severity {
    fn from(l: Level) -> Self {
        match l {
            Level::Info => Severity::Info,
            Level::Warning => Severity::Warning,
            Level::Error => Severity::Error,
        }
    }
}

#[derive(Debug, Args)]
pub struct LintArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format: diagnostics for people, the stable JSON, one JSON object per
    /// finding, or SARIF 2.1.0 for CI systems (see README).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Colour the diagnostics (auto: when standard output is a terminal and the
    /// NO_COLOR environment variable is unset).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Report only these rules: codes or prefixes, comma-separated (`SUM,FORM003`);
    /// replaces the config's `select`.
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub select: Vec<String>,
    /// Do not report these rules: codes or prefixes, comma-separated; added to the
    /// config's `ignore`. The most specific selector wins (`--select SUM --ignore SUM001`).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub ignore: Vec<String>,
    /// Report only findings of this severity and above.
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub severity: Option<Level>,
    /// Print the findings only: no summary line, no notes on skipped files.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// The configuration file [default: the nearest justera.toml in the input's folder
    /// or a parent folder].
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Read no justera.toml.
    #[arg(long)]
    pub no_config: bool,
}

/// A finding that a comment or a config entry suppressed, with where and why.
pub struct Suppressed {
    pub finding: Finding,
    pub suppression: Suppression,
}

/// What one lint run found, ready to print.
#[derive(Default)]
pub struct LintRun {
    pub findings: Vec<Finding>,
    pub stats: Stats,
    /// (file, page, line) → the line's text, for showing the source under a finding.
    pub sources: HashMap<(String, u32, u32), String>,
    /// Word drafts' text and each line's body block, so diagnostics name the § /
    /// heading and paragraph instead of a line of the converted text.
    pub docx: HashMap<String, crate::ingest::docx::Converted>,
    /// Files that could not be read, with the one-line reason.
    pub errors: Vec<String>,
    /// The same as (file, reason), for the machine formats.
    pub failed: Vec<(String, String)>,
    /// Files of the given folders that are not read (unsupported formats).
    pub skipped: Vec<SkippedFile>,
    /// Files that were read but in which no record structure, table or figure was found,
    /// so nothing could be checked.
    pub unchecked: Vec<SkippedFile>,
    /// Findings not reported because a comment or config entry suppressed them.
    pub suppressed: Vec<Suppressed>,
    /// Findings not reported because the rule selection or severity excluded them.
    pub deselected: usize,
    pub files_seen: usize,
}

/// Why a read file gave nothing to check, or `None` when it has structure to check.
pub fn nothing_found(pf: &crate::pipeline::CheckedFile) -> Option<String> {
    let s = &pf.stats;
    let structure = pf.documents.iter().any(|d| {
        d.header.is_some() || d.memo.is_some() || !d.paragraphs.is_empty() || !d.toc.is_empty()
    });
    if structure || s.relations_checked > 0 {
        return None;
    }
    let lines: usize = pf.documents.iter().map(|d| d.lines.len()).sum();
    Some(format!(
        "no record structure, table or figure to check in {lines} lines of text (no protocol header, §, memo, or table whose figures relate): nothing was checked"
    ))
}

/// Reads and checks every input; one bad file never stops the run. Findings are
/// filtered by `selection` and suppressed by `config` and inline comments.
pub fn lint_with(
    input: &InputArgs,
    selection: &Selection,
    configs: &HashMap<PathBuf, Option<LoadedConfig>>,
    grammars: &Grammars,
) -> LintRun {
    let (files, skipped) = crate::ingest::collect_inputs_reporting(&input.paths);
    let opts = input.ingest_options();
    let mut run = LintRun {
        skipped,
        files_seen: files.len(),
        ..LintRun::default()
    };
    let mut facts = Vec::new();
    let mut inline: HashMap<String, lint_config::InlineMap> = HashMap::new();
    let mut found = Vec::new();
    for path in &files {
        match process_file_isolated(path, &opts, grammars) {
            Ok(pf) => {
                if let Some(reason) = nothing_found(&pf) {
                    run.unchecked.push(SkippedFile {
                        file: pf.path.to_string(),
                        reason,
                    });
                }
                let mut comment_lines = Vec::new();
                for doc in &pf.documents {
                    for l in &doc.lines {
                        run.sources.insert(
                            (
                                l.provenance.file.to_string(),
                                l.provenance.page,
                                l.provenance.line,
                            ),
                            l.text.clone(),
                        );
                    }
                }
                if path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("docx"))
                {
                    if let Ok(text) = std::fs::read(path)
                        .map_err(|e| e.to_string())
                        .and_then(|b| {
                            crate::ingest::docx::text_with_blocks(&b).map_err(|e| e.to_string())
                        })
                    {
                        run.docx.insert(pf.path.to_string(), text);
                    }
                }
                // Comments are left out of the layout, so they are read from the file.
                if is_text_file(path) {
                    if let Ok(bytes) = std::fs::read(path) {
                        let text = String::from_utf8_lossy(&bytes);
                        for (pi, page) in text.split('\u{c}').enumerate() {
                            for (li, line) in page.lines().enumerate() {
                                if line.contains("justera:") {
                                    comment_lines.push((
                                        pi as u32 + 1,
                                        li as u32 + 1,
                                        line.to_string(),
                                    ));
                                }
                            }
                        }
                    }
                }
                if !comment_lines.is_empty() {
                    inline.insert(
                        pf.path.to_string(),
                        lint_config::inline_suppressions(&pf.path, &comment_lines),
                    );
                }
                let s = &pf.stats;
                let t = &mut run.stats;
                t.files += s.files;
                t.add_checked(s);
                found.extend(pf.findings);
                for (i, doc) in pf.documents.iter().enumerate() {
                    facts.extend(crate::check::facts::facts_of_document(
                        i,
                        doc,
                        &grammars.vocab,
                    ));
                }
            }
            Err(e) => {
                run.errors.push(e.to_string());
                run.failed
                    .push((path.display().to_string(), failure_reason(&e)));
            }
        }
    }
    // The audit's checks across documents, over the files given: a bundle whose
    // tjänsteskrivelse restates its report's figures, or a draft beside last year's
    // protocol, is checked before justering as the audit would check it after.
    let cross = crate::check::cross::check(&facts);
    run.stats.relations_checked += cross.relations_checked;
    run.stats.relations_failed += cross.relations_failed;
    found.extend(cross.findings);
    for f in found {
        let config = config_for(configs, &f.provenance.file);
        if !selection_for(selection, config).selects(&f) {
            run.deselected += 1;
            continue;
        }
        let by_comment = inline
            .get(&*f.provenance.file)
            .and_then(|m| m.get(&(f.provenance.page, f.provenance.line)))
            .and_then(|v| {
                v.iter()
                    .find(|(code, _)| f.rule.to_ascii_uppercase().starts_with(code.as_str()))
            })
            .map(|(_, s)| s.clone());
        let by_config = || config.and_then(|c| lint_config::config_suppression(c, &f));
        match by_comment.or_else(by_config) {
            Some(suppression) => run.suppressed.push(Suppressed {
                finding: f,
                suppression,
            }),
            None => run.findings.push(f),
        }
    }
    run
}

/// Reads and checks every input with every rule and no configuration.
pub fn lint(input: &InputArgs, grammars: &Grammars) -> LintRun {
    lint_with(input, &Selection::default(), &HashMap::new(), grammars)
}

fn is_text_file(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref(),
        Some("txt" | "md")
    )
}

/// The reason part of an ingest error ("file: reason" → "reason").
fn failure_reason(e: &crate::ingest::IngestError) -> String {
    e.reason.to_string()
}

/// The config that applies to a file: the one found for the input it came from.
fn config_for<'a>(
    configs: &'a HashMap<PathBuf, Option<LoadedConfig>>,
    file: &str,
) -> Option<&'a LoadedConfig> {
    let dir = Path::new(file).parent().unwrap_or(Path::new("."));
    let dir = std::fs::canonicalize(dir).ok()?;
    configs
        .iter()
        .filter(|(d, c)| c.is_some() && dir.starts_with(d))
        .max_by_key(|(d, _)| d.components().count())
        .and_then(|(_, c)| c.as_ref())
}

/// The command line's selection over the config's: `--select` replaces the config's,
/// `--ignore` adds to it, `--severity` overrides it.
fn selection_for(cli: &Selection, config: Option<&LoadedConfig>) -> Selection {
    let Some(c) = config else {
        return cli.clone();
    };
    let l = &c.config.lint;
    Selection {
        select: if cli.select.is_empty() {
            l.select.clone()
        } else {
            cli.select.clone()
        },
        ignore: l.ignore.iter().chain(&cli.ignore).cloned().collect(),
        severity: cli.severity.or(l.severity),
    }
}

/// The configuration for each input's folder: `--config` for all, else the nearest
/// justera.toml of each (keyed by the config's folder, canonical).
fn load_configs(args: &LintArgs) -> Result<HashMap<PathBuf, Option<LoadedConfig>>, String> {
    let mut map = HashMap::new();
    if args.no_config {
        return Ok(map);
    }
    let paths: Vec<PathBuf> = match &args.config {
        Some(c) => vec![c.clone()],
        None => args
            .input
            .paths
            .iter()
            .filter_map(|p| lint_config::discover(p))
            .collect(),
    };
    for path in paths {
        let loaded = lint_config::load(&path)?;
        let dir = match &args.config {
            // An explicit config applies to every input.
            Some(_) => PathBuf::from("/"),
            None => std::fs::canonicalize(path.parent().unwrap_or(Path::new(".")))
                .map_err(|e| format!("{}: {e}", path.display()))?,
        };
        map.insert(dir, Some(loaded));
    }
    Ok(map)
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// A suppressed finding: its JSON (`finding`) with how it was suppressed.
fn suppression_json(s: &Suppressed, mut v: Value) -> Value {
    v["suppressed"] = j!({
        "kind": s.suppression.kind,
        "source": s.suppression.source,
        "reason": s.suppression.reason,
    });
    v
}

fn files_json(list: &[SkippedFile]) -> Value {
    Value::Array(
        list.iter()
            .map(|s| j!({"file": s.file, "reason": s.reason}))
            .collect(),
    )
}

pub fn run(args: LintArgs, grammars: &Grammars) -> u8 {
    if let Err(e) = super::common::check_paths_exist(&args.input.paths) {
        eprintln!("error: {e}");
        return exit::USAGE;
    }
    for s in args.select.iter().chain(&args.ignore) {
        if let Err(e) = lint_config::validate_selector(s) {
            eprintln!("error: {e}");
            return exit::USAGE;
        }
    }
    let configs = match load_configs(&args) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return exit::USAGE;
        }
    };
    let selection = Selection {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        severity: args.severity.map(Severity::from),
    };
    let run = lint_with(&args.input, &selection, &configs, grammars);
    for e in &run.errors {
        eprintln!("error: {e}");
    }
    if run.files_seen == 0 {
        let mut msg = format!(
            "error: no .pdf, .txt, .md or .docx file in {}",
            args.input
                .paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        if !run.skipped.is_empty() {
            msg.push_str(&format!(
                " ({} other files not read: see below)",
                run.skipped.len()
            ));
        }
        eprintln!("{msg}");
        for s in &run.skipped {
            eprintln!("  {}: {}", s.file, s.reason);
        }
        return exit::USAGE;
    }
    let style = Style {
        color: use_color(args.color),
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    // A Word draft's place in its own terms (§ / heading, paragraph): its page and line
    // mean nothing in Word. Every format gives it.
    let place_of = |p: &crate::Provenance| {
        let (pages, blocks) = run.docx.get(&*p.file)?;
        diagnostic::docx_place(pages, blocks, p.page, p.line, &grammars.vocab)
    };
    let finding_json = |f: &Finding| {
        let mut v = json::finding(f);
        if let (Some(place), Value::Object(map)) = (place_of(&f.provenance), &mut v) {
            map.insert("place".to_string(), Value::String(place));
        }
        v
    };
    match args.format {
        Format::Json => {
            let mut v = json::lint_report(&run.findings, &run.stats);
            v["findings"] = Value::Array(run.findings.iter().map(finding_json).collect());
            v["failed"] = Value::Array(
                run.failed
                    .iter()
                    .map(|(f, r)| j!({"file": f, "reason": r}))
                    .collect(),
            );
            v["skipped"] = files_json(&run.skipped);
            v["unchecked"] = files_json(&run.unchecked);
            v["suppressed"] = Value::Array(
                run.suppressed
                    .iter()
                    .map(|s| suppression_json(s, finding_json(&s.finding)))
                    .collect(),
            );
            let _ = writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&v).unwrap_or_default()
            );
        }
        Format::Jsonl => {
            for f in &run.findings {
                let _ = writeln!(out, "{}", finding_json(f));
            }
            for s in &run.suppressed {
                let _ = writeln!(out, "{}", suppression_json(s, finding_json(&s.finding)));
            }
        }
        Format::Sarif => {
            let mut results: Vec<(&Finding, Option<(&str, &str)>)> =
                run.findings.iter().map(|f| (f, None)).collect();
            for s in &run.suppressed {
                let kind = match s.suppression.kind {
                    SuppressionKind::Inline => "inSource",
                    SuppressionKind::Config => "external",
                };
                results.push((&s.finding, Some((kind, s.suppression.reason.as_str()))));
            }
            let mut failed = run.failed.clone();
            for u in run.skipped.iter().chain(&run.unchecked) {
                failed.push((u.file.clone(), u.reason.clone()));
            }
            let v = sarif::log(&results, &failed, &|f: &Finding| place_of(&f.provenance));
            let _ = writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&v).unwrap_or_default()
            );
        }
        Format::Human => {
            for f in &run.findings {
                let key = (
                    f.provenance.file.to_string(),
                    f.provenance.page,
                    f.provenance.line,
                );
                let src = run.sources.get(&key).map(String::as_str);
                let _ = writeln!(
                    out,
                    "{}",
                    diagnostic::render_placed(f, src, &place_of, style)
                );
            }
            if !args.quiet {
                for u in &run.unchecked {
                    let _ = writeln!(
                        out,
                        "{}: {}: {}\n",
                        style.severity(Severity::Warning),
                        u.file,
                        u.reason
                    );
                }
                for s in &run.skipped {
                    let _ = writeln!(
                        out,
                        "{}: {}: not read: {}",
                        style.severity(Severity::Info),
                        s.file,
                        s.reason
                    );
                }
                let mut summary = diagnostic::summary(&run.findings, &run.stats, run.errors.len());
                if !run.unchecked.is_empty() {
                    summary.push_str(&format!(
                        "; {} with nothing to check",
                        plural(run.unchecked.len(), "file")
                    ));
                }
                if !run.skipped.is_empty() {
                    summary.push_str(&format!(
                        "; {} not read (unsupported format)",
                        plural(run.skipped.len(), "file")
                    ));
                }
                if !run.suppressed.is_empty() {
                    summary.push_str(&format!(
                        "; {} suppressed (--format json lists them with the reason)",
                        plural(run.suppressed.len(), "finding")
                    ));
                }
                if run.deselected > 0 {
                    summary.push_str(&format!(
                        "; {} not selected",
                        plural(run.deselected, "finding")
                    ));
                }
                let _ = writeln!(out, "{summary}");
            }
        }
    }
    exit_code(&run)
}

fn plural(n: usize, w: &str) -> String {
    if n == 1 {
        format!("{n} {w}")
    } else {
        format!("{n} {w}s")
    }
}

/// 2 when nothing could be read or nothing read could be checked (no input, every file
/// unreadable or without structure), else 1 when an error-severity finding is reported,
/// else 0.
pub fn exit_code(run: &LintRun) -> u8 {
    if run.files_seen == 0
        || run.errors.len() == run.files_seen
        || run.errors.len() + run.unchecked.len() == run.files_seen
    {
        exit::USAGE
    } else if run.findings.iter().any(|f| f.severity == Severity::Error) {
        exit::FINDINGS
    } else {
        exit::OK
    }
}
