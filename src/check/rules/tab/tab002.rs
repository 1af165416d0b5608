//! TAB002: a total row whose figures sit one column off.

use crate::check::finding::Severity;
use crate::check::registry::{Family, Rule};

pub const RULE: Rule = Rule {
    code: "TAB002",
    name: "shifted-total-row",
    family: Family::Tab,
    severity: Severity::Info,
    summary: "A total row's figures stand one column off from the columns they total",
    explanation: "When a total row fails under one column but its figure is exactly the sum of \
the neighbouring column, the row was shifted — by the text extraction or by the writer — \
rather than miscalculated (seed 004, \"Summa utvecklingsresurser\" 592 / 2 728 / 3 320 one \
tab to the right). justera reports the alignment as information instead of a wrong sum.",
};
