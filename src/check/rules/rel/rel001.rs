//! REL001: a difference column (Avvikelse, Ändring, Skillnad) that fails on some rows.

use super::columns::{self, Stated};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::{Relation, TableCx};
use crate::grammar::vocab::Vocabulary;

pub const RULE: Rule = Rule {
    code: RuleCode::REL001,
    name: "difference-column-mismatch",
    family: Family::Rel,
    severity: Severity::Error,
    summary:
        "A difference column (Avvikelse, Ändring, Skillnad) does not equal the difference it states",
    explanation: "A column headed \"Avvikelse\", \"Ändring\", \"Skillnad\" or \"Differens\" \
states for every row the difference of two other columns of the same kind (Avvikelse = Budget \
− Prognos, Ändring = 2022 − 2021, Ändring i % enheter = % 2022 − % 2021). justera finds which \
two columns and in which order by the rows where it holds, and reports the rows where it fails \
beyond what the rounding of the three figures allows (each ± half a unit of its last digit). \
A net column (\"Netto\", \"Nettokostnad 2021\") beside exactly one column of costs and one of \
incomes of the same years (\"kulut | tulot | netto\", \"Intäkter 2021 | Kostnader 2021\") \
states their difference the same way (costs − incomes, incomes − costs, or their sum where \
costs are written with a minus, as the rows show); a failing row that holds with one of the \
two figures the other way signed (a refund printed without its minus) is not decided. \
Example: Investeringar, S:a investeringar egna, Avvikelse helår −86 where Budget 1 400 − \
Prognos 1 484 = −84. A row where another column of the same kind, blank or zero on every row \
where the difference holds, has a figure that closes the gap (a Tilläggsanslag written on one \
row) is not decided (info): the holding rows cannot show that column stays out. A row whose \
digit groups split into cells more than one way (\"45 210 44 987 232\": 45 210 | 44 987 | 232 \
or 45 | 210 | 44 987 232), every split listed (TAB001), is checked under each: a difference \
failing under every split is decided whichever the record means; one holding under some split \
is not decided. A failing row whose figure is the difference the other way round (Utfall − \
Budget where the column's other rows take Budget − Utfall) is not decided either: a column of \
deviations is often signed better or worse than budget row by row (an income above budget and \
a cost below it both positive). A failing row of one-group figures below 1 000 under columns holding thousands \
on every row where the difference holds is not decided (a row cut short, or fewer figures).",
    checks: &[Check::Relations(relations)],
};

/// A header whose words state a difference (Avvikelse, Ändring, Skillnad): the column is then read as that
/// relation and reported under this rule. (Checked in the order REL001, BAL001, SUM002.)
pub fn states_difference(vocab: &Vocabulary, words: &[&str]) -> bool {
    crate::check::view::header_states(vocab, words, "difference")
}

fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    columns::relations(cx, Stated::Difference, &RULE, out);
}
