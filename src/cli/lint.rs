//! `justera lint PATH... [--format human|json]`: every rule over every document, with
//! rustc-style diagnostics or stable JSON, and the coverage of what was checked.

use super::common::InputArgs;
use super::exit;
use crate::check::finding::Severity;
use crate::pipeline::lint_files;
pub use crate::pipeline::LintRun;
use crate::report::{diagnostic, json};
use clap::{Args, ValueEnum};
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

/// Reads and checks every input; one bad file never stops the run.
pub fn lint(input: &InputArgs) -> LintRun {
    lint_files(&input.paths, &input.ingest_options())
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
