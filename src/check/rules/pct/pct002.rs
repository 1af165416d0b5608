//! PCT002: shares of a total that do not add to 100 %.

use crate::check::finding::Severity;
use crate::check::registry::{Family, Rule};

pub const RULE: Rule = Rule {
    code: "PCT002",
    name: "shares-not-100",
    family: Family::Pct,
    severity: Severity::Error,
    summary: "A column of shares states a total other than 100 %",
    explanation: "When a percent column is each row's share of a column total (PCT001 found \
the relation), the total row of that percent column must read 100 %, within the rounding of \
the figure written. (Whether the shares themselves add to that total is SUM001's check, with \
a tolerance that grows with the number of rounded shares.)",
};
