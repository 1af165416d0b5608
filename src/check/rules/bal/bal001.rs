//! BAL001: a closing balance (UB) that is not the opening balance plus the year's result.

use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::rules::rel::columns::{self, Stated};
use crate::check::{Relation, TableCx};
use crate::grammar::vocab::Vocabulary;

pub const RULE: Rule = Rule {
    code: RuleCode::BAL001,
    name: "balance-not-carried",
    family: Family::Bal,
    severity: Severity::Error,
    summary: "A closing balance (UB) is not the opening balance (IB / UB of the year before) plus the year's result",
    explanation: "A column headed \"UB <year>\" (utgående balans) states for every row the \
opening balance — \"IB <year>\", which is the previous year's \"UB\" — plus the year's result \
(\"Utfall\", \"Årets resultat\"). justera finds the two columns by the rows where the relation \
holds and reports rows where it fails beyond rounding. Example (must hold): protocol \
2022-03-02 § 4, UB 2021 = UB 2020 + Utfall 2021 for every nämnd and for TOTALT UB.",
    checks: &[Check::Relations(relations)],
};

/// A header whose words state a closing balance ("UB 2021", not "IB 2021 / UB 2020"): the column is then read as that
/// relation and reported under this rule. (Checked in the order REL001, BAL001, SUM002.)
pub fn states_balance(vocab: &Vocabulary, words: &[&str]) -> bool {
    use crate::check::view::{header_states, states};
    words.first().is_some_and(|w| states(vocab, w, "balance"))
        || (header_states(vocab, words, "balance") && !header_states(vocab, words, "opening"))
}

fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    columns::relations(cx, Stated::Balance, &RULE, out);
}
