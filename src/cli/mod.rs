//! The command line: one module per subcommand, each with its own `Args` and `run`.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

pub mod audit;
pub mod common;
pub mod explain;
pub mod export;
pub mod lint;
pub mod lint_config;
pub mod merge;
pub mod parse;
pub mod tables;
pub mod text;
pub mod worker;

/// Exit codes shared by every command.
pub mod exit {
    /// Nothing wrong found.
    pub const OK: u8 = 0;
    /// Findings of error severity.
    pub const FINDINGS: u8 = 1;
    /// Usage error, or no input could be read.
    pub const USAGE: u8 = 2;
}

#[derive(Debug, Parser)]
#[command(
    name = "justera",
    version,
    about = "Finds where Swedish municipal records contradict themselves"
)]
pub struct Cli {
    /// Directory of extra vocabulary files (*.vocab: headings, totals, columns, units,
    /// months …) added to the built-in ones; see grammars/README.md.
    #[arg(long, global = true, value_name = "DIR")]
    pub grammars: Option<std::path::PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the text of each page (pages separated by form feed).
    Text(text::TextArgs),
    /// Check a whole archive within and across documents; write an HTML and JSON report.
    Audit(audit::AuditArgs),
    /// Combine the parts of `audit --shard K/N` runs into one report.
    Merge(merge::MergeArgs),
    /// Parse documents into their structure (header, §§, sections) and print it.
    Parse(parse::ParseArgs),
    /// Export one record per decision as JSON, JSON Lines or CSV.
    Export(export::ExportArgs),
    /// Print every table: an aligned grid with parsed values, or JSON.
    Tables(tables::TablesArgs),
    /// Check every document for contradictions; non-zero exit on errors.
    Lint(lint::LintArgs),
    /// Explain a rule (`justera explain SUM001`), or list all rules.
    Explain(explain::ExplainArgs),
    /// Reads one file for a parent process (per-file isolation); not for people.
    #[command(hide = true)]
    Worker(worker::WorkerArgs),
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            });
        }
    };
    // The one vocabulary of this run, handed to every stage (and its directory to the
    // workers that parse, so they read the same words).
    let grammars = match crate::grammar::vocab::Grammars::load(cli.grammars.as_deref()) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: --grammars: {e}");
            return ExitCode::from(exit::USAGE);
        }
    };
    let code = match cli.command {
        Command::Text(args) => text::run(args),
        Command::Audit(args) => audit::run(args, &grammars),
        Command::Merge(args) => merge::run(args),
        Command::Parse(args) => parse::run(args, &grammars),
        Command::Export(args) => export::run(args, &grammars),
        Command::Tables(args) => tables::run(args, &grammars.vocab),
        Command::Lint(args) => lint::run(args, &grammars),
        Command::Explain(args) => explain::run(args),
        Command::Worker(args) => worker::run(args, &grammars.vocab),
    };
    ExitCode::from(code)
}
