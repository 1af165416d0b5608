//! REL005: a balansräkning whose totals do not add up or do not balance.

use super::statement::{self, Kind};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::{Relation, TableCx};

pub const RULE: Rule = Rule {
    code: RuleCode::REL005,
    name: "balance-sheet-mismatch",
    family: Family::Rel,
    severity: Severity::Error,
    summary: "A balansräkning does not balance: Summa tillgångar differs from Summa eget kapital, avsättningar och skulder, or a side is not its subtotals",
    explanation: "A balansräkning (BR) states two sides that must be equal: Summa tillgångar = \
Summa eget kapital, avsättningar och skulder. Each side is also its parts: Summa tillgångar = \
Summa anläggningstillgångar + Summa omsättningstillgångar; the other side = eget kapital + \
avsättningar + skulder (each subtotal, or a loose row such as Minoritetsintresse that no \
subtotal closes; \"varav\" rows are breakdowns, never parts). The side totals are found by \
their labels (grammars/statements.vocab) and every column (kommun, koncern, years) is checked \
on its own; a failure is an error only when the same relation holds in another column or two \
other relations hold in this one (a line failing in every column: only when another sum of \
the statement, sharing no row with it but the line, holds once the line has the value its parts \
give). Example: Summa tillgångar 82 283 and Summa eget kapital, \
avsättningar och skulder 82 283 hold; 82 238 on one side would be reported. A Finnish kunta's \
tase (in Finnish or in Swedish) is read the same way: VASTAAVAA YHTEENSÄ (Summa aktiva) = \
VASTATTAVAA YHTEENSÄ (Summa passiva), each side its groups (PYSYVÄT VASTAAVAT, \
TOIMEKSIANTOJEN VARAT, VAIHTUVAT VASTAAVAT; OMA PÄÄOMA, poistoero ja varaukset, pakolliset \
varaukset, toimeksiantojen pääomat, VIERAS PÄÄOMA), each group total written above its rows \
checked against them.",
    checks: &[Check::Relations(relations)],
};

fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    statement::relations(&cx.view, cx.statement(), Kind::Balance, &RULE, out);
}
