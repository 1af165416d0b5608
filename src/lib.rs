//! justera — reads Swedish municipal meeting records and reports where they contradict
//! themselves.
//!
//! The pipeline, one module per stage, each consuming the typed output of the one before:
//! `ingest` (bytes → pages of glyphs or text lines) → `layout` (lines, spans, furniture)
//! → `segment` (documents in a bundle) → `parse` (header, §§, sections) with `table`
//! and `grammar` → `check` (rules) → `report`.

pub mod arith;
pub mod audit;
pub mod check;
pub mod cli;
pub mod document;
pub mod export;
pub mod grammar;
pub mod ingest;
pub mod layout;
pub mod parse;
pub mod pipeline;
pub mod provenance;
pub mod report;
pub mod table;
pub mod worker;

pub use provenance::{LineSpan, Provenance};

/// The one-way architecture (README, "Architecture"), checked on the source: which
/// top-level modules each module may name through `crate::`.
#[cfg(test)]
mod architecture {
    use std::collections::BTreeSet;
    use std::path::{Path, PathBuf};

    /// Module → the modules it may import. The stages only look back down the pipeline;
    /// `pipeline` and `worker` run one file through the stages (the worker is the
    /// pipeline's isolated runner); `audit`, `export` and `report` work on their
    /// results; `cli` is the only module that sees everything.
    const ALLOWED: &[(&str, &[&str])] = &[
        ("provenance", &[]),
        ("arith", &[]),
        ("grammar", &[]),
        ("ingest", &["grammar"]),
        ("layout", &["ingest", "grammar"]),
        ("table", &["layout", "ingest", "grammar", "arith"]),
        ("document", &["table", "grammar"]),
        (
            "parse",
            &["document", "table", "layout", "ingest", "grammar"],
        ),
        (
            "check",
            &["document", "table", "layout", "ingest", "grammar", "arith"],
        ),
        ("export", &["document", "grammar"]),
        (
            "pipeline",
            &[
                "worker", "check", "parse", "document", "table", "layout", "ingest", "grammar",
            ],
        ),
        (
            "worker",
            &[
                "pipeline", "check", "parse", "document", "table", "layout", "ingest", "grammar",
            ],
        ),
        (
            "audit",
            &[
                "report", "pipeline", "check", "document", "table", "ingest", "grammar",
            ],
        ),
        (
            "report",
            &["export", "check", "document", "table", "ingest", "grammar"],
        ),
    ];

    fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
        if path.is_dir() {
            for e in std::fs::read_dir(path).expect("read src").flatten() {
                rust_files(&e.path(), out);
            }
        } else if path.is_file() && path.extension().is_some_and(|e| e == "rs") {
            out.push(path.to_path_buf());
        }
    }

    /// The top-level modules a module names as `crate::<module>`.
    fn imports(module: &str) -> BTreeSet<String> {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&src.join(module), &mut files);
        rust_files(&src.join(format!("{module}.rs")), &mut files);
        assert!(!files.is_empty(), "no source for module {module}");
        let mut out = BTreeSet::new();
        for f in files {
            let text = std::fs::read_to_string(&f).expect("read source");
            for (i, _) in text.match_indices("crate::") {
                let name: String = text[i + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                if !name.is_empty() && name != module {
                    out.insert(name);
                }
            }
        }
        out
    }

    #[test]
    fn modules_import_only_down_the_pipeline() {
        let mut problems = Vec::new();
        for (module, allowed) in ALLOWED {
            for name in imports(module) {
                if !allowed.contains(&name.as_str()) {
                    problems.push(format!("{module} imports crate::{name}"));
                }
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }
}
