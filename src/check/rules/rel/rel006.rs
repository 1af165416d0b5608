//! REL006: a kassaflödesanalys whose section totals or year's cash flow do not add up.

use super::statement::{self, Kind};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::{Relation, TableCx};

pub const RULE: Rule = Rule {
    code: RuleCode::REL006,
    name: "cash-flow-sections-mismatch",
    family: Family::Rel,
    severity: Severity::Error,
    summary: "A kassaflödesanalys section (löpande, investering, finansiering) or Årets kassaflöde is not the sum of its parts",
    explanation: "A kassaflödesanalys (KF) adds up by section: Medel från verksamheten före \
förändring av rörelsekapital = the rows above it; Kassaflöde från den löpande verksamheten = \
that line plus the changes in rörelsekapital; Kassaflöde från investeringsverksamheten and från \
finansieringsverksamheten = their rows; Årets kassaflöde = the sections' cash flows (plus a \
section without a total line, such as Bidrag till statlig infrastruktur). The lines are found \
by their labels (grammars/statements.vocab) and every column is checked on its own; a failure \
is an error only when the same relation holds in another column or two other relations hold \
in this one. A line that fails in every column is an error only when two other \
relations hold in its column and another sum of the statement, sharing no row with it but the \
line itself, fails too and holds once the line has the value its parts give (two independent \
sums agree on the figure, the printed one is neither); otherwise it is information, not decided. \
Example: Årets kassaflöde 46 = 125 − 81 + 2; 48 would be reported.",
    checks: &[Check::Relations(relations)],
};

fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    statement::relations(&cx.view, cx.statement(), Kind::CashSections, &RULE, out);
}
