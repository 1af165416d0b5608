//! REL001: a difference column (Avvikelse, Ändring, Skillnad) that fails on some rows.

use crate::check::finding::Severity;
use crate::check::registry::{Family, Rule};

pub const RULE: Rule = Rule {
    code: "REL001",
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
Example: Investeringar, S:a investeringar egna, Avvikelse helår −86 where Budget 1 400 − \
Prognos 1 484 = −84.",
};
