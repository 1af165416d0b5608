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
}

impl InputArgs {
    pub fn ingest_options(&self) -> IngestOptions {
        IngestOptions {
            timeout_secs: self.timeout,
            passwords: self.passwords.clone(),
            isolate: true,
            ..IngestOptions::default()
        }
    }
}
