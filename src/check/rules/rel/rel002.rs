//! REL002: a relation between columns that holds on most rows and fails on a few.

use super::columns::{self, Stated};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::{Relation, Sink, TableCx};

pub const RULE: Rule = Rule {
    code: RuleCode::REL002,
    name: "column-relation-broken",
    family: Family::Rel,
    severity: Severity::Warning,
    summary: "A column equals the sum or difference of two others on most rows but not on these",
    explanation: "Even without a telling header, a column that equals the sum or the difference \
of two other columns on at least three rows and on three quarters of the rows it can be checked \
on is a relation the table states (Budget 2023 = Budget 2022 + Tot; UB 2021 = UB 2020 + \
Utfall 2021). The rows where it then fails beyond rounding are reported, with the relation \
written out, as warnings: a revisor should look, but the table did not name the relation. A \
row where another column of the same kind, blank or zero on every row where the relation holds, \
has a figure that closes the gap is not decided (info). Where the target or an input column \
has no header, what the columns mean is known only from the table's own arithmetic: a failure \
is decided only where the relation holds on at least four other rows read unambiguously whose \
every figure in it has three or more significant digits once trailing zeros are dropped (4 867, \
12,5; not 27,00, 120 or 5 000), and on three quarters of the rows it can be checked on. On such \
a row an unrelated figure meets a sum or difference of figures written to whole units with a \
chance of about 3 in 100; on four rows about one in a million. Counts (seats, votes), round \
figures, percent columns and rows read only by placement (TAB001) do not count; a failing total \
row stays not decided, its column total being SUM's finding; elsewhere, or with fewer such \
rows, the failure is not decided (info), with the number of rows found. A relation that fails on more than a \
quarter of its rows is still the table's when the columns of the same names for another year \
(\"Pladspris 2020 = Egenbetaling 2020 + Tilskud 2020\") hold it on every row, at least three, \
and it holds on at least three rows and on more than it fails. A row whose digit groups split \
into cells more than one way (TAB001, one space both the thousands separator and the column \
gap), every split listed, is checked under each split: a failure under every one is decided \
(the message says so, with the closest split); one that holds under some split is not decided, \
unless the table's other column relations on the row hold under exactly one split and the row \
is read that way. A failing row whose figures are each one digit group below 1 000, where two \
or more of the relation's columns hold thousands on every row the relation holds on, is not \
decided: its groups may be fewer figures, its empty cells not marked, or the row cut short. A \
failing row whose figure is the difference the other way round is not decided (a deviation \
signed better or worse than budget row by row). A statistics table's first figure column may be \
the total of the three or more columns right after it (\"Total | part | part | part\", its \
header words often not split into columns): the relation is searched for it too, a dash \
counting as a written zero and a row evidencing it where at least two of its parts are figures \
other than zero; since an unrelated figure meets a sum of many parts with a chance of about its \
tolerance over its size, such a row tells where that is at most 1,5 in 100, whatever the parts' \
digits. A failing row whose total is one to three digits and whose first part exactly three \
(\"1 | 804 | 194\" where the page may print \"1 804 194\") is not decided: the two may be \
one figure split at its digit group. A table of more figure columns than the search reads \
(64: it tries every pair of columns against every other, and a broken file repeating one \
line's cells makes thousands) is not searched, and that is said once, as information.",
    checks: &[Check::Relations(relations), Check::Table(too_wide)],
};

/// A table too wide for the column search: said once (info, not decided), so that the
/// relations between its columns are not lost in silence.
fn too_wide(cx: &TableCx, sink: &mut Sink) {
    let Some(n) = columns::too_wide_to_search(&cx.view) else {
        return;
    };
    let paragraph = sink.paragraph_of_table(cx.index);
    let f = sink.report(
        &RULE,
        Severity::Info,
        format!(
            "not decided: the table's {n} figure columns are more than the {} whose relations \
             to each other are searched; no column of it is checked as the sum or difference \
             of others (its sums over rows are checked)",
            columns::MAX_SEARCHED_COLUMNS
        ),
        cx.table.provenance.clone(),
    );
    f.table = Some(cx.index);
    f.paragraph = paragraph;
}

fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    columns::relations(cx, Stated::Nothing, &RULE, out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::vocab::Vocabulary;

    /// The REL002 findings of the first table of `text`, as (severity, message).
    fn table_notes(text: &str) -> Vec<(Severity, String)> {
        let vocab = Vocabulary::builtin_shared();
        let doc = crate::document::Document::of_text_lines(text);
        let table = crate::table::extract_text(text, vocab)
            .into_iter()
            .next()
            .expect("a table");
        let cx = TableCx::new(0, &table, vocab);
        let mut sink = Sink::new(&doc, vocab);
        too_wide(&cx, &mut sink);
        sink.findings
            .into_iter()
            .map(|f| (f.severity, f.message))
            .collect()
    }

    /// A tab-separated table of `cols` year columns and three rows of figures.
    fn wide(cols: usize) -> String {
        let header: Vec<String> = (0..cols).map(|c| format!("{}", 1950 + c)).collect();
        let mut text = format!("Område\t{}\n", header.join("\t"));
        for r in 0..3 {
            let row: Vec<String> = (0..cols)
                .map(|c| format!("{}", 1000 + 37 * c + r))
                .collect();
            text += &format!("Rad {r}\t{}\n", row.join("\t"));
        }
        text
    }

    #[test]
    fn a_table_too_wide_for_the_column_search_is_said_not_searched() {
        let notes = table_notes(&wide(70));
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert_eq!(notes[0].0, Severity::Info);
        assert!(
            notes[0]
                .1
                .starts_with("not decided: the table's 70 figure columns are more than the 64"),
            "{notes:?}"
        );
        assert_eq!(table_notes(&wide(12)), []);
    }
}
