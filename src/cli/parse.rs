//! `justera parse PATH... [--format json|human]`: the document model of every file.

use super::common::InputArgs;
use crate::document::Document;
use clap::{Args, ValueEnum};
use std::io::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ParseFormat {
    /// A short outline per document.
    Human,
    /// `{"documents": [...]}`: the whole model.
    Json,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[arg(long, value_enum, default_value_t = ParseFormat::Human)]
    pub format: ParseFormat,
}

/// Reads every input; a file that cannot be read is reported on stderr and skipped.
/// Returns the documents and whether at least one file was read.
pub fn read_documents(
    input: &InputArgs,
    grammars: &crate::grammar::vocab::Grammars,
) -> (Vec<Document>, usize, usize) {
    let opts = input.ingest_options();
    let files = crate::ingest::collect_inputs(&input.paths);
    let mut docs = Vec::new();
    let mut failed = 0;
    for path in &files {
        match crate::pipeline::process_file_isolated(path, &opts, grammars) {
            Ok(f) => docs.extend(f.documents),
            Err(e) => {
                eprintln!("error: {e}");
                failed += 1;
            }
        }
    }
    (docs, files.len(), failed)
}

pub fn run(args: ParseArgs, grammars: &crate::grammar::vocab::Grammars) -> u8 {
    let (docs, total, failed) = read_documents(&args.input, grammars);
    if total == 0 {
        eprintln!("error: no .pdf, .txt or .md input found");
        return super::exit::USAGE;
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        ParseFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &serde_json::json!({ "documents": docs }))
                .map_err(std::io::Error::from)
                .and_then(|_| writeln!(out))
        }
        ParseFormat::Human => human(&docs, &mut out),
    };
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: writing output: {e}");
        }
    }
    if failed == total {
        super::exit::USAGE
    } else {
        super::exit::OK
    }
}

fn human(docs: &[Document], out: &mut dyn Write) -> std::io::Result<()> {
    for d in docs {
        let kind = serde_json::to_value(d.kind).ok();
        let kind = kind.as_ref().and_then(|k| k.as_str()).unwrap_or("other");
        writeln!(
            out,
            "{}:{}-{}: {} {:?} {} {}",
            d.provenance.file,
            d.pages.0,
            d.pages.1,
            kind,
            d.title.as_deref().unwrap_or("(no title)"),
            d.date.map_or("-".to_string(), |x| x.to_string()),
            d.dnr.join(", ")
        )?;
        for p in &d.paragraphs {
            writeln!(
                out,
                "  {}§ {} {} [{}] {} att-satser",
                p.prefix
                    .as_deref()
                    .map_or(String::new(), |x| format!("{x} ")),
                p.number,
                p.title,
                p.dnr.join(", "),
                p.decision.len()
            )?;
        }
    }
    Ok(())
}
