//! Stage 6: reports — compiler-style diagnostics for people, stable JSON for programs.

pub mod diagnostic;
pub mod json;
