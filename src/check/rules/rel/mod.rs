//! REL: derived columns and rows — differences, results, cross-column sums.

pub mod columns;
pub mod rel001;
pub mod rel002;
pub mod rel003;
