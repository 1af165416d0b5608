//! XREF: the same quantity stated in two tables of one document.

pub mod xref001;
pub mod xref002;
