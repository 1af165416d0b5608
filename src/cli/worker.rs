//! `justera worker FILE` (hidden): reads one file in this process and writes the result
//! as JSON to stdout. The parent process starts it to isolate PDF reading; see
//! `ingest::worker`.

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct WorkerArgs {
    /// Seconds of CPU time this worker may use.
    #[arg(long, default_value_t = 60)]
    pub timeout: u64,
    /// Address-space ceiling in MiB (0: none).
    #[arg(long, default_value_t = 4096)]
    pub memory_limit: u64,
    /// The file to read.
    pub file: PathBuf,
}

pub fn run(args: WorkerArgs) -> u8 {
    crate::ingest::worker::serve(&args.file, args.timeout, args.memory_limit)
}
