//! TAB: tables that could not be read unambiguously — reported so silence never hides
//! an unread table.

pub mod tab001;
pub mod tab002;
pub mod tab003;
