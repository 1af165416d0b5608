//! SUM003: an unlabeled total row that fails where the same reading holds elsewhere.

use super::totals;
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::{Relation, TableCx};

pub const RULE: Rule = Rule {
    code: RuleCode::SUM003,
    name: "unlabeled-total-mismatch",
    family: Family::Sum,
    severity: Severity::Warning,
    summary: "An unlabeled total row adds up in some columns but not in others",
    explanation: "Many tables close with a row of figures and no label (often bold): the \
column totals, or a group's subtotal. Without a label justera only treats such a row as a total \
when the rows above add up to it in at least one column; a column where they then do not add \
up beyond rounding is reported as a warning, since the row might be something other than a \
total. Example: Kostnad per kommun, last row 287 191 / 100 % / 465 000 / 465 000 / 930 000. \
A group total may also stand above its rows (a nämnd's row over its verksamheter, as in a \
driftredovisning): a row is read so only when the rows under it add up to it in at least \
three columns and in most of its columns, and the table shows at least two such groups (or \
the one group closes three or more rows that add up to it in three or more columns: 13 emner \
under a politikområde adding up in three of four budget years, every part written wherever \
the group has a figure); a column where that group then \
does not add up is reported the same way. In a resultaträkning an \
unlabeled subtotal closing the rows under its heading (\"Rörelsens kostnader\") that adds up in \
no column is as a rule not decided: it may be a nested subtotal of some of those rows. It is \
reported when the statement's next line (\"Rörelseresultat\") adds it in place of the group's \
rows and follows from it in every column (two or more), for a nested subtotal would leave the \
other rows to be added beside it; the rows are then two or more labeled rows of figures, none a \
total. Example: Förvaltningskostnader −63 064, Externa kostnader −70 469, Personalkostnader \
−12 451, Avskrivningar −21 843 (sum −167 827), printed −104 763, while Rörelseresultat 24 212 = \
128 975 − 104 763 in both years. In a table none of whose rows has a label (a list of household \
sizes with their income limits and percentages) nothing marks a row as a total: not decided.",
    checks: &[Check::Relations(relations)],
};

/// The total rows no label names as totals (the analysis only keeps them where the rows
/// above add up in some column, or as the closing row of a block), and group totals
/// standing above their rows.
fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    let view = &cx.view;
    // Among rows that all lack a label (a household size and its income limit and
    // percentage, "4 2103 16"), nothing sets a total apart from one more row of figures.
    let labelled = (0..view.rows()).any(|r| view.is_data(r) && !view.label(r).trim().is_empty());
    for total in cx.totals().iter().filter(|t| !t.labeled) {
        let from = out.len();
        totals::sums(view, total, &RULE, out);
        if labelled {
            continue;
        }
        for rel in &mut out[from..] {
            if rel.severity != Severity::Info {
                rel.severity = Severity::Info;
                rel.message = format!(
                    "not decided: no row of the table has a label, so nothing marks this row \
                     as a total rather than one more row of figures ({})",
                    rel.message
                );
            }
        }
    }
}
