//! `justera explain [CODE]`: a rule's explanation, or the list of every rule.

use super::exit;
use crate::check::registry;
use clap::Args;
use std::io::Write;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule code such as SUM001; without it, every rule is listed.
    pub code: Option<String>,
}

pub fn run(args: ExplainArgs) -> u8 {
    let out = std::io::stdout();
    let mut out = out.lock();
    let written = match args.code {
        None => registry::all().iter().try_for_each(|r| {
            writeln!(
                out,
                "{:<8} {:<8} {:<7} {}",
                r.code,
                r.family.name(),
                r.severity.as_str(),
                r.summary
            )
        }),
        Some(code) => match registry::lookup(&code) {
            Some(r) => writeln!(
                out,
                "{} ({}): {}\nfamily: {}    default severity: {}\n\n{}",
                r.code,
                r.name,
                r.summary,
                r.family.name(),
                r.severity.as_str(),
                r.explanation
            ),
            None => {
                eprintln!("error: no rule {code:?}; `justera explain` lists them all");
                return exit::USAGE;
            }
        },
    };
    // A reader that stops early (`justera explain | head`) is no error; another failure
    // to write is.
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("error: writing output: {e}");
            exit::USAGE
        }
        _ => exit::OK,
    }
}
