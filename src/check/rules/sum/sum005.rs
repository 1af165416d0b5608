//! SUM005: a result split under "Hänförligt till" (moderbolagets ägare, innehav utan
//! bestämmande inflytande) whose parts do not make the result above the heading.

use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::view::TableView;
use crate::check::{Relation, TableCx};

pub const RULE: Rule = Rule {
    code: RuleCode::SUM005,
    name: "attributed-result-mismatch",
    family: Family::Sum,
    severity: Severity::Error,
    summary: "The parts of a result under \"Hänförligt till\" do not make the result above them",
    explanation: "A group's resultaträkning ends with its result and whom it belongs to: \"Årets \
resultat\", then \"Hänförligt till:\" (or \"Årets resultat hänförligt till\"), then \
\"Moderbolagets aktieägare\" and \"Innehav utan bestämmande inflytande\" (\"Minoritetsintresse\"). \
The parts divide the result whole, so they add up to it. justera reads a heading row whose label \
is such a phrase (`grammars/statements.vocab`, `attribution_heading`), the row of figures just \
above it as the result, and the labeled data rows under it (two or more, up to the next heading, \
total or the table's end) as the parts, column by column. Every figure stands for the interval \
its rounding allows. A column where the parts miss the result beyond that is reported when the \
same split holds in another column of the table (the columns are read as the record means \
them); where it holds in no other column it is not decided (info). Example: Årets resultat \
78 605, Moderbolagets aktieägare 78 605 and Minoritetsintresse 506 make 79 111, while the other \
year's 100 885 + 503 make its 101 388.",
    checks: &[Check::Relations(relations)],
};

/// The splits of the table: (the result row, its parts).
fn splits(view: &TableView) -> Vec<(usize, Vec<usize>)> {
    let mut out = Vec::new();
    for h in 1..view.rows() {
        if !view.headings[h]
            || !crate::grammar::statement::is_attribution_heading(view.vocab, &view.label(h))
        {
            continue;
        }
        let result = h - 1;
        if view.headings[result] || (0..view.cols()).all(|c| view.figure(result, c).is_none()) {
            continue;
        }
        let parts: Vec<usize> = (h + 1..view.rows())
            .take_while(|&r| view.is_data(r))
            .filter(|&r| !view.label(r).is_empty())
            .collect();
        // Rows under the heading that are not data (a total, another heading) end it; a
        // row with no label may be a continued line: the split is not read then.
        let unlabeled = (h + 1..h + 1 + parts.len()).any(|r| view.label(r).is_empty());
        if parts.len() >= 2 && !unlabeled {
            out.push((result, parts));
        }
    }
    out
}

fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    let view = &cx.view;
    for (result, parts) in splits(view) {
        let named = super::whole::Named {
            parts: format!(
                "the {} rows under \"{}\"",
                parts.len(),
                view.label(result + 1)
            ),
            after_range: "",
            noun: "split",
        };
        super::whole::relations(view, &RULE, result, &parts, &named, out);
    }
}
