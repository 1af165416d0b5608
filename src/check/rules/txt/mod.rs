//! TXT: figures quoted in prose against the tables of the same document.

mod approx;
mod composition;
pub mod prose;
pub mod txt001;
pub mod txt002;
pub mod txt003;
pub mod txt004;
pub mod txt005;
pub mod txt006;
pub mod txt007;
pub mod txt008;
