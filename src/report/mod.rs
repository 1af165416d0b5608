//! Stage 6: what a run writes for people and programs — the audit report files
//! (`findings.json`, `documents.jsonl`, `decisions.jsonl`, `index.html`), all written
//! atomically.

pub mod atomic;
pub mod html;
pub mod json;
