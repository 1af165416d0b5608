//! `justera explain [CODE]`: a rule's explanation, or the list of every rule.

use super::exit;
use crate::check::registry;
use clap::Args;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule code such as SUM001; without it, every rule is listed.
    pub code: Option<String>,
}

pub fn run(args: ExplainArgs) -> u8 {
    match args.code {
        None => {
            for r in registry::all() {
                println!(
                    "{:<8} {:<8} {:<7} {}",
                    r.code,
                    r.family.name(),
                    r.severity.as_str(),
                    r.summary
                );
            }
            exit::OK
        }
        Some(code) => match registry::lookup(&code) {
            Some(r) => {
                println!("{} ({}): {}", r.code, r.name, r.summary);
                println!(
                    "family: {}    default severity: {}",
                    r.family.name(),
                    r.severity.as_str()
                );
                println!();
                println!("{}", r.explanation);
                exit::OK
            }
            None => {
                eprintln!("error: no rule {code:?}; `justera explain` lists them all");
                exit::USAGE
            }
        },
    }
}
