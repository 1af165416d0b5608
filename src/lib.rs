//! justera — reads Swedish municipal meeting records and reports where they contradict
//! themselves.
//!
//! The pipeline, one module per stage, each consuming the typed output of the one before:
//! `ingest` (bytes → pages of glyphs or text lines) → `layout` (lines, spans, furniture)
//! → `segment` (documents in a bundle) → `parse` (header, §§, sections) with `table`
//! and `grammar` → `check` (rules) → `report`.

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

pub use provenance::Provenance;
