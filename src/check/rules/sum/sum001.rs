//! SUM001: a labeled total row ("Summa", "S:a", "Totalt") that its rows do not add to.

use super::totals;
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::view::{rolls_forward, TableView};
use crate::check::{Relation, TableCx};

pub const RULE: Rule = Rule {
    code: RuleCode::SUM001,
    name: "column-total-mismatch",
    family: Family::Sum,
    severity: Severity::Error,
    summary: "A total row (Summa, S:a, Totalt) differs from the sum of its rows beyond rounding",
    explanation: "A row labeled as a total (\"Summa\", \"S:a\", \"Totalt\", \"Summa årskostnad\", \
\"Totalt Ludvika\") states, column by column, the sum of the rows it closes. justera reads which \
rows those are from the table itself: the rows since the previous total, the subtotals above it \
(\"Totalt Ludvika\" + \"Totalt Smedjebacken\" + bolag = \"Totalt:\"), or the previous total plus \
the rows after it, taking the reading that holds in most columns. A total standing first, its \
label ending in a total word (\"Verksamhetens intäkter totalt\" over its parts), closes the run \
of rows under it that adds up to it in the most amount columns (a change in percent never \
adds): only when no other run adds up in as many, and a column where it fails is reported \
only when it holds in two other columns and the failing column's header names it. A bare \
total word standing first in its table (\"I alt\" over the regions of a statistics table), or a \
label naming the whole area or all units there (\"Hele landet\", \"Hela riket\", \"Koko maa\", \
\"Allt landið\", \"Alla åldrar\": totals.vocab `whole_area`; anywhere else such a row may be an \
average and is no total), closes \
every row under it up to the next total, heading or the table's end, when they add up to it in \
at least two amount columns; a column where it fails is reported only with the same care and \
when its figures are written to the precision of a column where it holds (a rate or a change \
to one decimal beside whole amounts may be no amount). A label \
ending in a total word after the rows it closes (\"Skatteinkomster sammanlagt\", \"Udgifter i \
alt\", \"Driftsinntekter totalt\") closes the run of rows above it that adds up to it in the \
most amount columns, when that run holds in more columns than any run under it: the same care, \
a failing column not reported that way being not decided (info); a key-figure list (\"Antal \
invånare totalt\" among figures of other measures) adds up nowhere and states no sum. Every figure stands for the \
interval its rounding allows (a figure written in whole tkr for ±0,5 tkr), so a total of n \
rounded parts may differ from the sum of the written parts by up to (n+1)/2 units; anything \
beyond that cannot be rounding and is reported with the expected sum, the figure found and the \
tolerance. Example: S:a investeringar egna −86 over parts 5 and −89 (expected −84, tolerance 1,5). \
A total through a row whose figures' columns are not written (TAB001) is not decided, unless it \
fails under every placement of that row's figures: then the contradiction does not depend on the \
reading and is reported, with the closest sum any placement gives as the expected value. A row \
not read (TAB003: figures glued together, a line that fits no column count) among the total's \
rows, or just past them on the side away from the total (a line under the last row of a total \
standing first), may be one of its parts: a failing sum through it is not decided. A total \
that adds up in none of its two or more columns is, as a rule, a sign the rows were not read as \
the record means them (the wrong rows, a row not read, a key-figure list whose \"Totalt\" is no \
sum) and is not decided (info). It is reported only when the reading leaves no room for another: \
its label a plain total word (totals.vocab); its parts every row between the table's header (or \
the total above) and it, in one unbroken run of two or more rows of figures, none a heading, a \
\"varav\" / \"av vilka\" row, a nested total or a row naming a measure of its own (a count, a %); \
the table's unit stated (kr, tkr, mnkr) and the table read whole (no row with two readings, none \
left unread, every other total holding somewhere); every figure column an amount column with the \
total and every part written, not zero, to one precision; and in each column the sum off by \
less than its smallest part (no part left out, doubled or of the wrong sign explains it) and by \
at most 2 % of the total. Example: 7 683 + 262 + 459 = 8 404 and 4 645 + 164 + 249 = 5 058, \
printed \"I alt pr. barn\" 8 362 and 5 032 (42 and 26 off). In any number of columns, a total \
that adds up nowhere over a part with no label (a figure alone on its line, its label on a line \
of its own) or with a figure for its label, or under such a row just above its parts (a \
figure alone whose label wrapped onto the line before), is not decided: labels and figures were not paired \
with certainty, and the table may begin above where it was read; so is a total that adds up \
nowhere, off from its parts' sum by at least its smallest part in every column, and closes \
its table from the first row where the table has no header or title to show it begins there (fees written label and figure on lines of their own just above \
it are read into no table). A reported failure that \
flipping the sign of one figure alone (the total or one of its parts) would mend, where that \
row has the other sign in at least two columns in which the relation holds and this sign in \
none, names the sign as the likely misprint (\"expected -290 on Övriga kostnader (printed \
290)\").",
    checks: &[Check::Relations(relations)],
};

/// A total row is SUM001's when its label says it is a total, or when it is the last row
/// and rolls the first row forward ("IB 2021" … "UB 2021").
pub fn states_total(view: &TableView, t: usize) -> bool {
    view.vocab.is_sum_label(&view.label(t))
        || (t + 1 == view.rows() && rolls_forward(&view.label(0), &view.label(t)))
}

fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    for total in cx.totals().iter().filter(|t| t.labeled) {
        totals::sums(&cx.view, total, &RULE, out);
    }
}
