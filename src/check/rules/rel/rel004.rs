//! REL004: a result line of a resultaträkning that is not the line before it plus the
//! rows between.

use super::statement::{self, Kind};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::{Relation, TableCx};

pub const RULE: Rule = Rule {
    code: RuleCode::REL004,
    name: "income-statement-step",
    family: Family::Rel,
    severity: Severity::Error,
    summary:
        "A result line of a resultaträkning is not the result line above it plus the rows between",
    explanation: "A resultaträkning (RR) adds up step by step: Verksamhetens intäkter + \
kostnader + avskrivningar = Verksamhetens nettokostnader; + skatteintäkter + generella \
statsbidrag och utjämning = Verksamhetens resultat; + finansiella intäkter − kostnader = \
Resultat efter finansiella poster (före extraordinära poster); + extraordinära poster = Årets \
resultat. justera finds the result lines by their labels (grammars/statements.vocab, so a \
municipality's own wording can be added) and checks every column on its own (kommun, koncern, \
budget, two years). Costs written with a minus are added; costs written as positive amounts \
under a label that says they are costs are subtracted — the table's own arithmetic decides \
which, and a table where neither adds up anywhere is \"not decided\"; a cost row written with a \
minus in every column is never subtracted again (a table with \"Toimintakulut −20 445 725\" and \
\"Korkokulut 152 398\"). A failure is an error only when the columns are shown to be read as written: the \
same step holds in another column and another step holds in this one; or, with one column, two \
other steps hold in it; or the step holds in two other columns, every row of it has a figure in \
every column (none blank, so none can have moved) and no other step fails in this one (a \
statement excerpt of four lines whose one step fails in one year). Example: Verksamhetens resultat 1 085 where Verksamhetens \
nettokostnader −31 382 + Skatteintäkter 28 833 + Generella statsbidrag 3 634 = 1 085 holds; 1 058 \
would be reported (expected 1 085). Finnish kunnat (kunnan tuloslaskelma, in Finnish or in \
Swedish) have the same chain in the form of the kommunsektion: Toimintatuotot + Toimintakulut \
(+ Valmistus omaan käyttöön) = TOIMINTAKATE (Verksamhetsbidrag); + Verotulot + Valtionosuudet + \
Rahoitustuotot ja -kulut = VUOSIKATE (Årsbidrag); + Poistot ja arvonalentumiset + Satunnaiset \
erät = TILIKAUDEN TULOS (Räkenskapsperiodens resultat); + poistoeron, varausten and rahastojen \
muutos (tilinpäätössiirrot) = TILIKAUDEN YLIJÄÄMÄ (ALIJÄÄMÄ) (Räkenskapsperiodens överskott). \
A group total written above its rows (Toimintakulut over Henkilöstökulut over Palkat ja \
palkkiot …) stands for them, and each such group is checked too (the rows under it add up to it \
in every column where it is written, or it is not read as a group). Example: Jyväskylä 2018, \
Toimintakate −651 549 698,68 + Verotulot 513 760 971,34 + Valtionosuudet 173 454 109,00 + \
Rahoitustuotot ja -kulut 13 385 862,93 = Vuosikate 49 051 244,59 holds; Toimintatuotot \
1 859 173 + Toimintakulut −21 649 591 = −19 790 418 against Toimintakate −19 754 418 (Simo, \
Tp 2013) is reported while the step holds in the other four columns. \
A reported failure that flipping the sign of one \
figure alone (the line or one of its parts) would mend, where that row has the other sign in \
at least two columns in which the relation holds and this sign in none, names the sign as the \
likely misprint (\"expected -1500 on Skatt på årets resultat (printed 1500)\"). A cost written \
positive in one column where its row carries a minus in at least two other columns in which \
the line holds, and the column's other costs (the table's rows whose label says they are \
costs) carry a minus too, is read as written, not subtracted: it breaks the way both its row \
and its column write costs, so the line's failure there names the sign (Närpes 2017, \
Verksamhetskostnader 61,5 beside −61,1 … −62,1 and Avskrivningar −3,0).",
    checks: &[Check::Relations(relations)],
};

fn relations(cx: &TableCx, out: &mut Vec<Relation>) {
    statement::relations(&cx.view, cx.statement(), Kind::Income, &RULE, out);
}
