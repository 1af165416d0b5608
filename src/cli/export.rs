//! `justera export PATH... --format json|jsonl|csv [--out FILE]`: one record per
//! decision, for research use.

use super::common::InputArgs;
use crate::export::{self, Format};
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Write to this file instead of standard output (written whole, then renamed).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

pub fn run(args: ExportArgs) -> u8 {
    let (docs, total, failed) = super::parse::read_documents(&args.input);
    if total == 0 {
        eprintln!("error: no .pdf, .txt or .md input found");
        return super::exit::USAGE;
    }
    let records = export::records(&docs);
    let result = match &args.out {
        Some(path) => write_file(path, &records, args.format),
        None => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            export::write(&records, args.format, &mut out).map_err(|e| e.to_string())
        }
    };
    if let Err(e) = result {
        if !e.contains("Broken pipe") {
            eprintln!("error: {e}");
            return super::exit::USAGE;
        }
    }
    if failed == total {
        super::exit::USAGE
    } else {
        super::exit::OK
    }
}

/// Writes beside the target and renames, so a reader never sees half a file.
fn write_file(
    path: &std::path::Path,
    records: &[export::DecisionRecord],
    format: Format,
) -> Result<(), String> {
    let tmp = path.with_extension("partial");
    let mut f = std::fs::File::create(&tmp).map_err(|e| format!("{}: {e}", tmp.display()))?;
    export::write(records, format, &mut f).map_err(|e| format!("{}: {e}", tmp.display()))?;
    drop(f);
    std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))
}
