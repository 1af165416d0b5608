//! Stage 5: rules over the parsed documents. Each rule has a stable code, a family, a
//! default severity and an explanation (`justera explain CODE`).

pub mod finding;
