//! `justera audit PATH... [--out DIR] [--jobs N]`: a whole archive, checked within and
//! across documents, reported as findings.json, documents.jsonl, decisions.jsonl and
//! index.html.

use super::common::InputArgs;
use super::exit;
use crate::audit::cache::{engine_version, Cache};
use crate::audit::shard::Shard;
use crate::audit::{
    claim_out_dir, collect_inputs, process_all, summary_text, write_part, Audit, AuditError,
    AuditOptions, AuditedFile,
};
use clap::Args;
use std::path::{Path, PathBuf};

#[derive(Debug, Args)]
pub struct AuditArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Where the reports go [default: reports/<name of the first input>/].
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Files processed at once [default: one per core].
    #[arg(long, short = 'j', default_value_t = 0, hide_default_value = true)]
    pub jobs: usize,
    /// No progress bar (there is none anyway when stderr is not a terminal).
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Process only shard K of N (by a stable hash of each file's path under its input
    /// root) and write a partial result to --out for `justera merge`.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<Shard>,
    /// Cache of per-file results, keyed by content [default: <out>/.cache].
    #[arg(long, value_name = "PATH")]
    pub cache: Option<PathBuf>,
    /// Re-read every file even when the cache has it.
    #[arg(long)]
    pub no_cache: bool,
    /// Items the external sort of facts, relations and findings holds in memory before
    /// it writes a run to disk (tests set it small).
    #[arg(long, hide = true, default_value_t = crate::audit::spill::DEFAULT_RUN_LEN)]
    pub spill_run: usize,
}

/// `reports/<name>/` for the first input: `corpus/` → `reports/corpus/`.
pub fn default_out_dir(paths: &[PathBuf]) -> PathBuf {
    let name = paths
        .first()
        .map(|p| crate::audit::normalise_path(p))
        .and_then(|p| {
            let p = if p == Path::new(".") || p == Path::new("..") {
                std::fs::canonicalize(&p).unwrap_or(p)
            } else {
                p
            };
            let name = if p.is_file() {
                p.file_stem()
            } else {
                p.file_name()
            };
            name.map(|n| n.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| "audit".to_string());
    Path::new("reports").join(name)
}

pub fn run(args: AuditArgs, grammars: &crate::grammar::vocab::Grammars) -> u8 {
    // A mistyped path is an error before anything is read or written.
    if let Err(e) = super::common::check_paths_exist(&args.input.paths) {
        eprintln!("error: {e}");
        return exit::USAGE;
    }
    let files = collect_inputs(&args.input.paths);
    // Files of the folders that are not read (.doc, .odt, .rtf, images …) are listed in
    // the reports as failed with their reason, never passed over in silence.
    let (skipped, others) = unsupported_files(&args.input.paths, args.shard);
    if !others.is_empty() {
        eprintln!(
            "note: {} files that are not documents not read: {}",
            others.len(),
            others.join(", ")
        );
    }
    if files.is_empty() {
        eprintln!("error: no input files (.pdf, .txt, .md, .docx) in the given paths");
        for s in &skipped {
            eprintln!("  {}: {}", s.file, s.reason);
        }
        return exit::USAGE;
    }
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| default_out_dir(&args.input.paths));
    // Before any file is read: the out folder must be writable and this run's alone.
    let _lock = match claim_out_dir(&out) {
        Ok(lock) => lock,
        Err(e) => {
            eprintln!("error: {e}");
            return exit::USAGE;
        }
    };
    let opts = AuditOptions {
        ingest: args.input.ingest_options(),
        jobs: args.jobs,
        shard: args.shard,
        cache: Cache {
            dir: args.cache.clone().unwrap_or_else(|| out.join(".cache")),
            reuse: !args.no_cache,
        },
        // The build's fingerprint (part of the executable hashed) keys cache entries:
        // a run that reuses none keys none and does not compute it.
        version: if args.no_cache {
            String::new()
        } else {
            engine_version()
        },
        progress: !args.quiet,
        grammars: grammars.clone(),
        work_dir: out.clone(),
        isolated: Some(record_isolated),
        gather: args.shard.is_none().then_some(args.spill_run),
    };
    let started = std::time::Instant::now();
    let stats = Stats::from_env();
    let (processed, gathered) = match process_all(&files, &opts) {
        Ok((mut p, gathered)) => {
            p.extend(skipped.into_iter().map(|s| {
                AuditedFile::new(
                    crate::audit::record::FileRecord::failed(
                        s.file,
                        String::new(),
                        crate::ingest::FailureReason::Unsupported(s.reason),
                    ),
                    None,
                    false,
                )
            }));
            (p, gathered)
        }
        Err(e) => {
            eprintln!("error: {e}");
            return exit::USAGE;
        }
    };
    let reused = processed.iter().filter(|p| p.cached).count();
    let read = processed
        .iter()
        .filter(|p| p.record.outcome.failure().is_none())
        .count();
    if let Some(shard) = args.shard {
        if let Err(e) = write_part(&out, &processed, Some(shard)) {
            eprintln!("error: cannot write part to {}: {e}", out.display());
            return exit::USAGE;
        }
        println!(
            "shard {shard}: {} of {} files ({read} read, {reused} from cache) written to {} in {:.1} s; combine the parts with `justera merge`",
            processed.len(),
            files.len(),
            out.display(),
            started.elapsed().as_secs_f64()
        );
        return if !processed.is_empty() && read == 0 {
            exit::USAGE
        } else {
            exit::OK
        };
    }
    stats.mark("read (process_all)");
    let code = finish_gathered(processed, gathered, &out, started, reused, args.spill_run);
    stats.mark("cross-document stage and report files");
    stats.workers();
    code
}

/// Set (to anything) to have `audit` print to stderr, per stage, the CPU time the parent
/// process itself used (its threads, not its workers), the wall time, and how many
/// workers it started (and per report, what its thread took): for measuring, not part of
/// any report.
use crate::audit::STATS_ENV;

/// CPU seconds (user, system) and the time at the last mark; None: not asked for.
type Mark = Option<((f64, f64), std::time::Instant)>;

static LAST_MARK: std::sync::Mutex<Mark> = std::sync::Mutex::new(None);

/// The parent's CPU and wall time per stage, when [`STATS_ENV`] is set.
struct Stats;

impl Stats {
    fn from_env() -> Stats {
        if std::env::var_os(STATS_ENV).is_some() {
            if let Ok(mut last) = LAST_MARK.lock() {
                *last = Some((own_cpu(), std::time::Instant::now()));
            }
        }
        Stats
    }

    /// Prints what the stage that ends now took (nothing unless asked for).
    fn mark(&self, stage: &str) {
        let Ok(mut last) = LAST_MARK.lock() else {
            return;
        };
        if let Some(((user0, sys0), then)) = *last {
            let (user, sys) = own_cpu();
            eprintln!(
                "stats: parent CPU {:.3} s (user {:.3}, sys {:.3}), wall {:.3} s: {stage}",
                user - user0 + sys - sys0,
                user - user0,
                sys - sys0,
                then.elapsed().as_secs_f64()
            );
            *last = Some(((user, sys), std::time::Instant::now()));
        }
    }

    fn workers(&self) {
        if LAST_MARK.lock().is_ok_and(|l| l.is_some()) {
            eprintln!(
                "stats: worker processes started: {}",
                crate::worker::workers_started()
            );
        }
    }
}

/// User and system CPU seconds of this process (all its threads, none of its children).
fn own_cpu() -> (f64, f64) {
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    (secs(usage.ru_utime), secs(usage.ru_stime))
}

/// A file through the pipeline in a worker process, which replies with the file's
/// record and report lines, when reading is isolated and a `justera` binary is at hand
/// (as [`crate::pipeline::process_file_isolated_hashed`] decides); `None`: read here.
fn record_isolated(
    path: &Path,
    ingest: &crate::ingest::IngestOptions,
    grammars: &crate::grammar::vocab::Grammars,
    spill_dir: Option<&Path>,
) -> Option<crate::audit::record::RecordedOutcome> {
    if !ingest.isolate {
        return None;
    }
    let exe = crate::worker::worker_exe()?;
    Some(
        crate::worker::record_isolated(&exe, path, ingest, grammars, spill_dir).unwrap_or_else(
            |e| crate::audit::record::RecordedOutcome {
                sha256: None,
                result: Err(e),
            },
        ),
    )
}

/// The files of the given folders that justera does not read: documents in formats it
/// cannot read (.doc, .odt, images …) with the reason, reported as failed files, and the
/// paths of other files (data, metadata), noted once (those of this shard only, when
/// sharded).
fn unsupported_files(
    paths: &[PathBuf],
    shard: Option<Shard>,
) -> (Vec<crate::ingest::SkippedFile>, Vec<String>) {
    let mut out = Vec::new();
    let mut others = Vec::new();
    for root in paths {
        let root = crate::audit::normalise_path(root);
        let (_, skipped) = crate::ingest::collect_inputs_reporting(std::slice::from_ref(&root));
        for mut s in skipped {
            let path = crate::audit::normalise_path(Path::new(&s.file));
            if shard.is_some_and(|k| !k.owns(&crate::audit::shard::relative_key(&root, &path))) {
                continue;
            }
            s.file = path.display().to_string();
            if crate::ingest::is_document_format(&path) {
                out.push(s);
            } else {
                others.push(s.file);
            }
        }
    }
    out.sort_by(|a, b| a.file.cmp(&b.file));
    out.dedup();
    others.sort();
    others.dedup();
    (out, others)
}

/// Runs the whole-archive stage, writes the reports and prints the summary; shared with
/// `merge`.
pub fn finish(
    processed: Vec<AuditedFile>,
    out: &Path,
    started: std::time::Instant,
    reused: usize,
    spill_run: usize,
) -> u8 {
    finish_gathered(processed, None, out, started, reused, spill_run)
}

/// [`finish`] with what was gathered for the cross-document stage while reading.
fn finish_gathered(
    processed: Vec<AuditedFile>,
    gathered: Option<crate::audit::Gathered>,
    out: &Path,
    started: std::time::Instant,
    reused: usize,
    spill_run: usize,
) -> u8 {
    // The reports that need only the files' own lines are written while the
    // cross-document stage runs.
    let audit = match Audit::with_gathered_reported(processed, gathered, out, spill_run, out) {
        Ok(audit) => audit,
        Err(AuditError::Archive(e)) => {
            eprintln!(
                "error: cannot check across documents (working in {}): {e}",
                out.display()
            );
            return exit::USAGE;
        }
        Err(AuditError::Reports(e)) => {
            eprintln!("error: cannot write reports to {}: {e}", out.display());
            return exit::USAGE;
        }
    };
    use std::io::Write;
    // A closed pipe (`| head`) must not turn a finished audit into a panic.
    let mut stdout = std::io::stdout().lock();
    let _ = write!(stdout, "{}", summary_text(&audit));
    let _ = writeln!(
        stdout,
        "reports written to {}/ (findings.json, findings.csv, documents.jsonl, decisions.jsonl, findings.xlsx, index.html) in {:.1} s{}",
        out.display(),
        started.elapsed().as_secs_f64(),
        if reused > 0 {
            format!(", {reused} files from cache")
        } else {
            String::new()
        }
    );
    if audit.summary.files_read == 0 {
        exit::USAGE
    } else if audit.has_errors() {
        exit::FINDINGS
    } else {
        exit::OK
    }
}
