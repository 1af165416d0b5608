//! `justera worker FILE` (hidden): reads one file in this process and writes the result
//! as JSON to stdout; `justera worker --serve` reads one request per stdin line and
//! answers each with one JSON line. The parent process starts it to isolate PDF
//! reading; see `worker`.

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
    /// Serve requests (one JSON line each: path and passwords) until stdin closes.
    #[arg(long)]
    pub serve: bool,
    /// The file to read (without --serve).
    pub file: Option<PathBuf>,
}

pub fn run(args: WorkerArgs, vocab: &crate::grammar::vocab::Vocabulary) -> u8 {
    match (&args.file, args.serve) {
        // The audit's requests are answered with each file's record and report lines.
        (_, true) => crate::worker::serve_many(args.timeout, args.memory_limit, vocab, record),
        (Some(file), false) => crate::worker::serve(file, args.timeout, args.memory_limit),
        (None, false) => {
            eprintln!("error: worker: a FILE or --serve is required");
            crate::cli::exit::USAGE
        }
    }
}

/// What an audit's worker replies for a file: its record and report lines, the bulky part
/// written into the worker's spill file when the parent named one.
fn record(
    path: &std::path::Path,
    outcome: crate::pipeline::HashedOutcome,
    vocab: &crate::grammar::vocab::Vocabulary,
    spill: Option<&mut crate::worker::SpillFile>,
) -> crate::audit::record::RecordedOutcome {
    use crate::audit::record::{RecordedOutcome, SpillSink};
    match spill {
        Some(file) => {
            let name = file.name().to_string();
            let mut append = |body: &[u8]| file.append(body);
            let sink = SpillSink {
                name: &name,
                append: &mut append,
            };
            RecordedOutcome::of_processed(path, outcome, vocab, Some(sink))
        }
        None => RecordedOutcome::of_processed(path, outcome, vocab, None),
    }
}
