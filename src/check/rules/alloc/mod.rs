//! ALLOC: allocation keys — costs split by population, by users, in equal parts.

pub mod alloc001;
pub mod alloc002;
