//! REL: derived columns and rows — differences, results, cross-column sums.

pub mod columns;
pub mod inline;
pub mod rel001;
pub mod rel002;
pub mod rel003;
pub mod rel004;
pub mod rel005;
pub mod rel006;
pub mod rel007;
pub mod rel008;
pub mod rel009;
pub mod rel010;
pub mod rel011;
pub mod rel012;
pub mod rel013;
pub mod statement;
