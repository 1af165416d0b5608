//! Every integration test in one binary: one link instead of one per file (a fresh
//! `cargo test` spent most of its build linking ~40 copies of the library), and the
//! tests of all files share the test threads. Run one file's tests with
//! `cargo test --test suite NAME::` (e.g. `real_pdf::`).

mod common;

mod audit;
mod audit_cross;
mod audit_html;
mod audit_sample;
mod audit_silent;
mod audit_xlsx;
mod balanskrav;
mod company_rr;
mod csv_calc;
mod docx_input;
mod every_reading;
mod export_decisions;
mod findings;
mod fuzz_pipeline;
mod fuzz_table_row;
mod grammar_number_props;
mod grammar_seeds;
mod grammars_cli;
mod heldout_rendering;
mod ingest_content_fixes;
mod ingest_damaged;
mod ingest_fonts;
mod ingest_golden;
mod ingest_operands;
mod ingest_pages;
mod kfa_corroborated;
mod lint_caret;
mod lint_cli;
mod lint_docx;
mod lint_fixtures;
mod lint_tables;
mod mutation;
mod ocr;
mod pathological_text;
mod protocol_export;
mod real_pdf;
mod real_protocols;
mod reliability;
mod robustness;
mod structure_bundles;
mod structure_flat;
mod structure_layouts;
mod structure_pdf;
mod structure_robust;
mod structure_seeds;
mod structure_votes;
mod tables_cellines;
mod tables_cli;
mod tables_empty_cells;
mod tables_glued_runs;
mod tables_notes;
mod tables_oneline;
mod tables_pdf;
mod tables_pipes;
mod tables_priced;
mod tables_props;
mod tables_seeds;
mod text_cli;
mod totals_per_unit;
mod totals_undecided;
mod vocabulary_explicit;
