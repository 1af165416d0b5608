//! BAL002: likvida medel vid årets slut that are not those at the start plus the year's
//! cash flow.

use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::rules::rel::statement::{self, Kind};
use crate::check::{Relation, TableCx};

pub const RULE: Rule = Rule {
    code: RuleCode::BAL002,
    name: "cash-not-carried",
    family: Family::Bal,
    severity: Severity::Error,
    summary:
        "Likvida medel vid årets slut are not likvida medel vid årets början plus årets kassaflöde",
    explanation: "A kassaflödesanalys ends with the cash it explains: Likvida medel vid årets \
början + Årets kassaflöde (and any line between, such as a valutadifferens; \"varav\" lines \
are breakdowns and not added) = Likvida medel vid årets slut. The lines are found by their \
labels (grammars/statements.vocab, \"periodens\" as well as \"årets\") and every column — \
kommun, koncern, each year — is checked on its own; a failure is an error only when the same \
relation holds in another column or two other relations of the statement hold in this one. \
Example: 63 + 46 = 109 holds; a UB of 110 would be reported (expected 109).",
    checks: &[Check::Relations(relations)],
};

fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    statement::relations(&cx.view, cx.statement(), Kind::Cash, &RULE, out);
}
