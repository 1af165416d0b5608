//! BAL: balances — UB = IB + årets resultat; likvida medel carried; the balanskravsutredning.

pub mod bal001;
pub mod bal002;
pub mod bal003;
