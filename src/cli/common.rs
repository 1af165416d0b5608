//! Options every command that reads files shares.

use crate::ingest::IngestOptions;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// Files or directories (.pdf, .txt, .md, .docx); directories are read recursively.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Seconds one file may take to read before it is given up.
    #[arg(long, default_value_t = 60)]
    pub timeout: u64,
    /// Password to try on encrypted PDFs (the empty password is always tried); repeatable.
    #[arg(long = "password")]
    pub passwords: Vec<String>,
    /// Per-file passwords for archives: lines `file-name-or-path-glob<TAB>password`.
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
    /// Memory ceiling in MiB for reading one PDF (0: none); beyond it the file fails
    /// as "too large" instead of exhausting the machine.
    #[arg(long, value_name = "MIB", default_value_t = 4096)]
    pub memory_limit: u64,
}

impl InputArgs {
    /// The options for reading files. An unreadable `--password-file` is a usage
    /// error: it is reported and the process exits with code 2.
    pub fn ingest_options(&self) -> IngestOptions {
        match self.try_ingest_options() {
            Ok(opts) => opts,
            Err(e) => {
                eprintln!("error: {e}");
                std::process::exit(i32::from(super::exit::USAGE));
            }
        }
    }

    pub fn try_ingest_options(&self) -> Result<IngestOptions, String> {
        let password_rules = match &self.password_file {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                crate::ingest::load::parse_password_file(&text)
                    .map_err(|e| format!("{}: {e}", path.display()))?
            }
            None => Vec::new(),
        };
        Ok(IngestOptions {
            timeout_secs: self.timeout,
            passwords: self.passwords.clone(),
            isolate: true,
            memory_limit_mb: self.memory_limit,
            password_rules,
        })
    }
}

/// Every path on the command line must exist: a mistyped path is an error before any
/// file is read or any report written (one line per missing path).
pub fn check_paths_exist(paths: &[PathBuf]) -> Result<(), String> {
    let missing: Vec<String> = paths
        .iter()
        .filter(|p| std::fs::symlink_metadata(p).is_err())
        .map(|p| format!("{}: no such file or directory", p.display()))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(missing.join("\nerror: "))
    }
}

/// The line that says which files of the given directories were not read, or nothing.
pub fn skipped_note(skipped: &[crate::ingest::SkippedFile]) -> Vec<String> {
    skipped
        .iter()
        .map(|s| format!("{}: skipped: {}", s.file, s.reason))
        .collect()
}
