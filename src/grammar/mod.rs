//! nom grammars for what municipal records write: figures with units, dates and
//! periods, § and dnr references; plus the vocabularies in `grammars/`.

pub mod convention;
pub mod date;
pub mod expression;
pub mod number;
pub mod priced;
pub mod product;
pub mod rate;
pub mod re;
pub mod reference;
pub mod statement;
pub mod vocab;
