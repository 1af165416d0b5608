//! SUM001: a labeled total row ("Summa", "S:a", "Totalt") that its rows do not add to.

use crate::check::finding::Severity;
use crate::check::registry::{Family, Rule};

pub const RULE: Rule = Rule {
    code: "SUM001",
    name: "column-total-mismatch",
    family: Family::Sum,
    severity: Severity::Error,
    summary: "A total row (Summa, S:a, Totalt) differs from the sum of its rows beyond rounding",
    explanation: "A row labeled as a total (\"Summa\", \"S:a\", \"Totalt\", \"Summa årskostnad\", \
\"Totalt Ludvika\") states, column by column, the sum of the rows it closes. justera reads which \
rows those are from the table itself: the rows since the previous total, the subtotals above it \
(\"Totalt Ludvika\" + \"Totalt Smedjebacken\" + bolag = \"Totalt:\"), or the previous total plus \
the rows after it, taking the reading that holds in most columns. Every figure stands for the \
interval its rounding allows (a figure written in whole tkr for ±0,5 tkr), so a total of n \
rounded parts may differ from the sum of the written parts by up to (n+1)/2 units; anything \
beyond that cannot be rounding and is reported with the expected sum, the figure found and the \
tolerance. Example: S:a investeringar egna −86 over parts 5 and −89 (expected −84, tolerance 1,5).",
};
