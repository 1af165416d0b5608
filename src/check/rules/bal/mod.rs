//! BAL: balances — UB = IB + årets resultat.

pub mod bal001;
pub mod bal002;
