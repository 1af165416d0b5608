//! `justera lint PATH... [--format human|json]`: every rule over every document, with
//! rustc-style diagnostics or stable JSON, and the coverage of what was checked.

use super::common::InputArgs;
use super::exit;
use crate::check::finding::{Finding, Severity, Stats};
use crate::pipeline::process_file_isolated;
use crate::report::{diagnostic, json};
use clap::{Args, ValueEnum};
use std::collections::HashMap;
use std::io::Write as _;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format: diagnostics for people, or the stable JSON (see README).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// What one lint run found, ready to print.
pub struct LintRun {
    pub findings: Vec<Finding>,
    pub stats: Stats,
    /// (file, page, line) → the line's text, for showing the source under a finding.
    pub sources: HashMap<(String, u32, u32), String>,
    /// Files that could not be read, with the one-line reason.
    pub errors: Vec<String>,
    pub files_seen: usize,
}

/// Reads and checks every input; one bad file never stops the run.
pub fn lint(input: &InputArgs) -> LintRun {
    let files = crate::ingest::collect_inputs(&input.paths);
    let opts = input.ingest_options();
    let mut run = LintRun {
        findings: Vec::new(),
        stats: Stats::default(),
        sources: HashMap::new(),
        errors: Vec::new(),
        files_seen: files.len(),
    };
    let mut facts = Vec::new();
    for path in &files {
        match process_file_isolated(path, &opts) {
            Ok(pf) => {
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
                let s = &pf.stats;
                let t = &mut run.stats;
                t.files += s.files;
                t.add_checked(s);
                run.findings.extend(pf.findings);
                for (i, doc) in pf.documents.iter().enumerate() {
                    facts.extend(crate::audit::facts::facts_of_document(i, doc));
                }
            }
            Err(e) => run.errors.push(e.to_string()),
        }
    }
    // The audit's checks across documents, over the files given: a bundle whose
    // tjänsteskrivelse restates its report's figures, or a draft beside last year's
    // protocol, is checked before justering as the audit would check it after.
    let cross = crate::audit::cross::check(&facts);
    run.stats.relations_checked += cross.relations_checked;
    run.stats.relations_failed += cross.relations_failed;
    run.findings.extend(cross.findings);
    run
}

pub fn run(args: LintArgs) -> u8 {
    let run = lint(&args.input);
    for e in &run.errors {
        eprintln!("error: {e}");
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Json => {
            let v = json::lint_report(&run.findings, &run.stats);
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
                let _ = writeln!(out, "{}", diagnostic::render(f, src));
            }
            let _ = writeln!(
                out,
                "{}",
                diagnostic::summary(&run.findings, &run.stats, run.errors.len())
            );
        }
    }
    exit_code(&run)
}

pub fn exit_code(run: &LintRun) -> u8 {
    if run.files_seen == 0 || run.errors.len() == run.files_seen {
        exit::USAGE
    } else if run.findings.iter().any(|f| f.severity == Severity::Error) {
        exit::FINDINGS
    } else {
        exit::OK
    }
}
