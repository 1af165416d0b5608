//! Stage 6: reports — compiler-style diagnostics for people, stable JSON for programs,
//! and the audit's report files (`findings.json`, `documents.jsonl`, `decisions.jsonl`,
//! `index.html`), all written atomically.

pub mod atomic;
pub mod audit;
pub mod csv;
pub mod diagnostic;
pub mod html;
pub mod json;
pub mod link;
pub mod model;
pub mod sarif;
pub mod xlsx;
