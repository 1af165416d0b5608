//! `justera text PATH...`: the text of each page, pages separated by form feed; with
//! `--layout` columns aligned by x; with `--format json` pages → lines → spans with
//! coordinates, the furniture flag and each file's read report.

use super::common::InputArgs;
use super::exit;
use crate::ingest::{IngestError, IngestOptions, ReadReport};
use crate::layout::{render, LaidOutFile};
use clap::{Args, ValueEnum};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct TextArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Keep columns aligned by their x position (like `pdftotext -layout`) instead of
    /// separating them with a tab.
    #[arg(long)]
    pub layout: bool,
    /// Leave out page furniture (running headers and footers).
    #[arg(long)]
    pub no_furniture: bool,
    #[arg(long, value_enum, default_value_t = TextFormat::Text)]
    pub format: TextFormat,
}

/// Files read in parallel per batch, printed in order after each batch, so output
/// starts early and memory stays bounded on an archive.
const BATCH: usize = 16;

pub fn run(args: TextArgs) -> u8 {
    let files = crate::ingest::collect_inputs(&args.input.paths);
    if files.is_empty() {
        eprintln!("error: no .pdf, .txt, .md or .docx files found in the paths given");
        return exit::USAGE;
    }
    let opts = args.input.ingest_options();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut summary = Summary::default();
    let mut first = true;
    if args.format == TextFormat::Json {
        let _ = write!(out, "{{\"files\":[");
    }
    for batch in files.chunks(BATCH) {
        let results: Vec<Result<LaidOutFile, IngestError>> =
            batch.par_iter().map(|p| read(p, &opts)).collect();
        for result in results {
            let file = match result {
                Ok(file) => file,
                Err(e) => {
                    eprintln!("error: {e}");
                    summary.failed(&e);
                    continue;
                }
            };
            report_problems(&file.path, &file.report);
            summary.read(&file);
            let written = match args.format {
                TextFormat::Json => write_json(&mut out, &file, first),
                TextFormat::Text => write_text(&mut out, &file, &args, first),
            };
            first = false;
            if written.is_err() {
                // stdout closed (e.g. piped into `head`): nothing more to say.
                return exit::OK;
            }
        }
    }
    if args.format == TextFormat::Json {
        let failures: Vec<serde_json::Value> = summary
            .failures
            .iter()
            .map(|e| {
                serde_json::json!({
                    "path": e.path,
                    "reason": e.reason.code(),
                    "message": e.reason.to_string(),
                })
            })
            .collect();
        let _ = writeln!(
            out,
            "],\"failures\":{}}}",
            serde_json::to_string(&failures).unwrap_or_else(|_| "[]".to_string())
        );
    }
    let _ = out.flush();
    summary.print(files.len());
    if summary.files_read == 0 {
        exit::USAGE
    } else {
        exit::OK
    }
}

fn read(path: &Path, opts: &IngestOptions) -> Result<LaidOutFile, IngestError> {
    crate::pipeline::ingest_file_isolated(path, opts).map(crate::layout::lay_out)
}

/// Pages lost, repairs and warnings go to stderr, one line each, naming the file.
fn report_problems(path: &str, report: &ReadReport) {
    for loss in &report.pages_lost {
        eprintln!("warning: {path}: page {} lost: {}", loss.page, loss.reason);
    }
    if report.repaired {
        eprintln!("note: {path}: damaged cross-reference table repaired");
    }
    if report.decrypted {
        eprintln!("note: {path}: encrypted file opened");
    }
    for w in &report.warnings {
        eprintln!("warning: {path}: {w}");
    }
}

fn write_text(
    out: &mut impl Write,
    file: &LaidOutFile,
    args: &TextArgs,
    first: bool,
) -> std::io::Result<()> {
    let geometric = file.kind == crate::ingest::SourceKind::Pdf;
    for (i, page) in file.pages.iter().enumerate() {
        // Form feed between pages, and between files (their pages continue the stream).
        if i > 0 || !first {
            out.write_all(b"\x0c")?;
        }
        let text = if args.layout {
            render::layout(page, !args.no_furniture, geometric)
        } else {
            render::plain(page, !args.no_furniture)
        };
        out.write_all(text.as_bytes())?;
    }
    Ok(())
}

fn write_json(out: &mut impl Write, file: &LaidOutFile, first: bool) -> std::io::Result<()> {
    if !first {
        out.write_all(b",")?;
    }
    serde_json::to_writer(&mut *out, file).map_err(std::io::Error::other)?;
    out.write_all(b"\n")
}

#[derive(Default)]
struct Summary {
    files_read: usize,
    pages: u64,
    pages_lost: u64,
    repaired: usize,
    failures: Vec<IngestError>,
}

impl Summary {
    fn read(&mut self, file: &LaidOutFile) {
        self.files_read += 1;
        self.pages += u64::from(file.report.pages_read);
        self.pages_lost += file.report.pages_lost.len() as u64;
        self.repaired += usize::from(file.report.repaired);
    }

    fn failed(&mut self, e: &IngestError) {
        self.failures.push(e.clone());
    }

    /// One closing line on stderr for archive runs: what was read and failures by reason.
    fn print(&self, inputs: usize) {
        if inputs <= 1 {
            return;
        }
        let mut by_reason: BTreeMap<&str, usize> = BTreeMap::new();
        for f in &self.failures {
            *by_reason.entry(f.reason.code()).or_default() += 1;
        }
        let mut line = format!(
            "{} of {} files read ({} pages",
            self.files_read, inputs, self.pages
        );
        if self.pages_lost > 0 {
            line += &format!(", {} pages lost", self.pages_lost);
        }
        if self.repaired > 0 {
            line += &format!(", {} repaired", self.repaired);
        }
        line.push(')');
        if !self.failures.is_empty() {
            let reasons: Vec<String> = by_reason.iter().map(|(r, n)| format!("{n} {r}")).collect();
            line += &format!("; {} failed: {}", self.failures.len(), reasons.join(", "));
        }
        eprintln!("{line}");
    }
}
