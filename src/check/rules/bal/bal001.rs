//! BAL001: a closing balance (UB) that is not the opening balance plus the year's result.

use crate::check::finding::Severity;
use crate::check::registry::{Family, Rule};

pub const RULE: Rule = Rule {
    code: "BAL001",
    name: "balance-not-carried",
    family: Family::Bal,
    severity: Severity::Error,
    summary: "A closing balance (UB) is not the opening balance (IB / UB of the year before) plus the year's result",
    explanation: "A column headed \"UB <year>\" (utgående balans) states for every row the \
opening balance — \"IB <year>\", which is the previous year's \"UB\" — plus the year's result \
(\"Utfall\", \"Årets resultat\"). justera finds the two columns by the rows where the relation \
holds and reports rows where it fails beyond rounding. Example (must hold): protocol \
2022-03-02 § 4, UB 2021 = UB 2020 + Utfall 2021 for every nämnd and for TOTALT UB.",
};
