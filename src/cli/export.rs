//! `justera export PATH... --format json|jsonl|csv [--out FILE]`: one record per
//! decision, for research use. Copies of one record (the protocol as PDF and as text)
//! give one record listing both sources.

use super::common::InputArgs;
use crate::export::{self, Format};
use crate::report::csv::Dialect;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// CSV for Excel/Calc with Swedish settings (UTF-8 with BOM, `;`, decimal comma), or
    /// the plain RFC 4180 form (`,`, decimal point).
    #[arg(long, value_enum, default_value_t = Dialect::Excel)]
    pub csv_dialect: Dialect,
    /// Write to this file instead of standard output (written whole, then renamed).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// The decision records of every input (file hashed, copies merged), how many files
/// there were and how many failed.
pub fn read_records(
    input: &InputArgs,
    grammars: &crate::grammar::vocab::Grammars,
) -> (Vec<export::DecisionRecord>, usize, usize) {
    let opts = input.ingest_options();
    let (files, skipped) = crate::ingest::collect_inputs_reporting(&input.paths);
    for s in &skipped {
        eprintln!("warning: {}: not read: {}", s.file, s.reason);
    }
    let mut records = Vec::new();
    let mut failed = 0;
    for path in &files {
        // The hash is of the very bytes that were read and parsed.
        let outcome = crate::pipeline::process_file_isolated_hashed(path, &opts, grammars);
        match outcome.result {
            Ok(f) => {
                for n in export::notices(&f.documents) {
                    eprintln!("notice: {}: {n}", path.display());
                }
                records.extend(export::records_of_file(
                    &f.documents,
                    outcome.sha256.as_deref(),
                ));
            }
            Err(e) => {
                eprintln!("error: {e}");
                failed += 1;
            }
        }
    }
    (export::dedup(records), files.len(), failed)
}

pub fn run(args: ExportArgs, grammars: &crate::grammar::vocab::Grammars) -> u8 {
    if let Err(e) = super::common::check_paths_exist(&args.input.paths) {
        eprintln!("error: {e}");
        return super::exit::USAGE;
    }
    let (records, total, failed) = read_records(&args.input, grammars);
    if total == 0 {
        eprintln!("error: no .pdf, .txt, .md or .docx input found");
        return super::exit::USAGE;
    }
    let result = match &args.out {
        Some(path) => write_file(path, &records, args.format, args.csv_dialect),
        None => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            export::write(&records, args.format, args.csv_dialect, &mut out)
                .map_err(|e| e.to_string())
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
    dialect: Dialect,
) -> Result<(), String> {
    let tmp = path.with_extension("partial");
    let mut f = std::fs::File::create(&tmp).map_err(|e| format!("{}: {e}", tmp.display()))?;
    export::write(records, format, dialect, &mut f)
        .map_err(|e| format!("{}: {e}", tmp.display()))?;
    drop(f);
    std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))
}
