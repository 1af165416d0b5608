//! SUM: totals — column totals (labeled, unlabeled, nested subtotals) and row totals.

pub mod sign;
pub mod sum001;
pub mod sum002;
pub mod sum003;
pub mod sum004;
pub mod sum005;
pub mod sum006;
pub mod totals;
pub mod whole;
