//! PCT: percentages — shares of a column total, shares adding to 100 %, "x % of y" in prose.

pub mod pct001;
pub mod pct002;
pub mod pct003;
pub mod pct004;
pub mod pct005;
pub mod shares;
