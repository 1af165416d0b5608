//! `justera merge PART... --out DIR`: combines the partial results of `audit --shard`
//! runs and writes the same reports a single run over the whole archive writes.

use super::exit;
use crate::audit::read_parts;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Directories written by `justera audit --shard K/N --out DIR`.
    #[arg(required = true)]
    pub parts: Vec<PathBuf>,
    /// Where the reports go.
    #[arg(long)]
    pub out: PathBuf,
}

pub fn run(args: MergeArgs) -> u8 {
    let started = std::time::Instant::now();
    let _lock = match crate::audit::claim_out_dir(&args.out) {
        Ok(lock) => lock,
        Err(e) => {
            eprintln!("error: {e}");
            return exit::USAGE;
        }
    };
    let processed = match read_parts(&args.parts) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return exit::USAGE;
        }
    };
    if processed.is_empty() {
        eprintln!("error: the parts hold no files");
        return exit::USAGE;
    }
    super::audit::finish(
        processed,
        &args.out,
        started,
        0,
        crate::audit::spill::DEFAULT_RUN_LEN,
    )
}
