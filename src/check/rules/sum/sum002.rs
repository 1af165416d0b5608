//! SUM002: a row-total column ("Tot", "Summa kategori", "Tid totalt") that differs from
//! the sum of the row's parts.

use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::rules::rel::columns::{self, Stated};
use crate::check::{Relation, TableCx};
use crate::grammar::vocab::Vocabulary;

pub const RULE: Rule = Rule {
    code: RuleCode::SUM002,
    name: "row-total-mismatch",
    family: Family::Sum,
    severity: Severity::Error,
    summary: "A total column (Tot, Summa kategori, Totalt) differs from the sum of the row's parts",
    explanation: "A column headed as a total (\"Tot\", \"Summa\", \"Summa kategori\", \"Totalt\", \
\"Tid totalt\", \"Kostnad totalt\") states for every row the sum of other columns of the same \
kind: the contiguous columns to its left, the columns whose header begins with the same word \
(\"Kostnad 2019\" … \"Kostnad totalt\"), or a pair of columns. justera takes the reading that \
holds on most rows and reports the rows where it fails beyond rounding, e.g. Medlemsbidrag, row \
\"Ledning\": Driftbudget (empty) + Personalkostnader 1 400 000 kr, but Summa kategori \
1 100 000 kr. A header that is only \"I alt\", \"Yhteensä\" or \"Samtals\" states a total too, \
before its parts (\"I alt | 0 år | … | 6 år | Dekningsgrad\": the three or more columns of its \
kind right after it, a rate after them left out). Figures are rounding-aware, each standing \
for ± half its last digit; but where every figure is a whole number and the total is the sum \
of its parts to the unit on at least eight rows read unambiguously, so many of the holding \
rows that figures rounded one by one would do it with a chance below one in a thousand (two \
figures rounded alone meet their rounded sum three times in four, eight less than half the \
time), the table prints exact figures (head counts, or totals made from the printed parts) \
and a row one off is reported with tolerance 0 (SSB's barn i barnehager 2008: Sør-Trøndelag's \
ages sum to 16 362, I alt 16 363; 19 of its 21 rows exact).",
    checks: &[Check::Relations(relations)],
};

/// A header whose words state a total (Tot, Summa, Totalt): the column is then read as that
/// relation and reported under this rule. (Checked in the order REL001, BAL001, SUM002.)
pub fn states_total(vocab: &Vocabulary, words: &[&str]) -> bool {
    crate::check::view::header_states(vocab, words, "total")
}

fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    columns::relations(cx, Stated::Total, &RULE, out);
}
