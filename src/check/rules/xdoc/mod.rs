//! XDOC: figures compared across documents — balances carried between years and
//! documents, balances rolled forward, one fact stated with two values. They run over
//! the fact index of `check::cross`, per organisation.

pub mod xdoc001;
pub mod xdoc002;
pub mod xdoc003;
