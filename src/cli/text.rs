//! `justera text PATH...`: the text of each page.
//! INTERIM: text files only; the ingest work makes this read PDFs through the pipeline.

use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct TextArgs {
    /// Files or directories (.pdf, .txt, .md, .docx).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

pub fn run(args: TextArgs) -> u8 {
    let mut failed = 0;
    let files = crate::ingest::collect_inputs(&args.paths);
    for path in &files {
        match std::fs::read_to_string(path) {
            Ok(t) => print!("{t}"),
            Err(e) => {
                eprintln!("error: {}: {e}", path.display());
                failed += 1;
            }
        }
    }
    if failed == files.len() {
        super::exit::USAGE
    } else {
        super::exit::OK
    }
}
