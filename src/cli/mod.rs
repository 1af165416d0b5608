//! The command line: one module per subcommand, each with its own `Args` and `run`.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

pub mod audit;
pub mod common;
pub mod merge;
pub mod text;

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
    let code = match cli.command {
        Command::Text(args) => text::run(args),
        Command::Audit(args) => audit::run(args),
        Command::Merge(args) => merge::run(args),
    };
    ExitCode::from(code)
}
