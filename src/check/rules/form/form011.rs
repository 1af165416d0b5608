//! FORM011: a vote whose stated result disagrees with its own voting list.

use super::votelist;
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;

pub const RULE: Rule = Rule {
    code: RuleCode::FORM011,
    name: "vote-list-disagrees",
    family: Family::Form,
    severity: Severity::Error,
    summary: "A vote's stated result disagrees with its own voting list",
    explanation: "Where a record writes out who voted how (an omröstningslista with a mark \
per member under Ja, Nej or Avstår; a meeting system's \"FOR 12\" followed by the members' \
names and parties; \"Ja: Anna Berg (S), Bo Ek (M) …\"; a party breakdown \"För utskottet: 86 m, 25 c …\"), the counts it states \
(\"Med 31 ja-röster mot 28 nej-röster\", the list's Summa row, \"154 för utskottet\", \
\"med 7 röster mot 6\") must be the members or marks the list gives. justera counts the list \
and reports a side whose count differs. A list is counted only when it is read whole: a row \
with two marks, a mark under no one column, a name or party not read, or a list that may go \
on (it ends where the text ends, runs over a page break, or has no Summa row) makes a \
shortfall \"not decided\" (information, with the reason); more members than the stated \
count are reported all the same. Marks are placed by the column heading they stand under; \
columns separated by tabs (gaps of any width) place none. A Summa row with a total after \
the columns' figures must equal their sum and, where every row holds one mark, the rows. A vote whose list is not in the record is not checked. \
Where the proposition order is written out (\"Ja-röst för bifall till A:s yrkande, nej-röst \
för bifall till B:s yrkande\"), the side with more votes must be the one whose proposal the \
decision names (\"Med 4 ja-röster mot 5 nej-röster beslutar nämnden att bifalla A:s yrkande\" \
is reported); a decision naming both proposals or neither is not checked.",
    checks: &[Check::Document(check)],
};

pub fn check(sink: &mut Sink) {
    let lists = votelist::read(&sink.document.lines);
    for s in &lists.sides {
        let paragraph = sink.paragraph_at(&s.at);
        // A list not read whole, or one that may go on past what was read and gives
        // fewer: not decided, with the reason.
        let undecided = if let Some(why) = &s.unread {
            Some(format!(
                "not decided: the list for \"{}\" (stated {}) is not counted: {why}",
                s.label, s.stated
            ))
        } else if s.counted < s.stated {
            s.not_whole.as_ref().map(|why| {
                format!(
                    "not decided: \"{}\" states {} but its list gives {}: {why}",
                    s.label, s.stated, s.counted
                )
            })
        } else {
            None
        };
        if let Some(message) = undecided {
            let f = sink.report(&RULE, Severity::Info, message, s.at.clone());
            f.paragraph = paragraph;
            continue;
        }
        let holds = s.counted == s.stated;
        sink.checked(holds);
        if !holds {
            let f = sink.report(
                &RULE,
                RULE.severity,
                format!(
                    "\"{}\": the vote states {} but its list gives {}",
                    s.label, s.stated, s.counted
                ),
                s.at.clone(),
            );
            f.paragraph = paragraph;
            f.expected = Some(s.stated.into());
            f.found = Some(s.counted.into());
        }
    }
    for o in &lists.orders {
        let paragraph = sink.paragraph_at(&o.at);
        let holds = (o.yes > o.no) == o.follows_ja;
        sink.checked(holds);
        if !holds {
            let (won, named) = if o.follows_ja {
                ("nej", &o.ja)
            } else {
                ("ja", &o.nej)
            };
            let side = if o.follows_ja { "ja" } else { "nej" };
            let f = sink.report(
                &RULE,
                RULE.severity,
                format!(
                    "the vote gives {} ja against {} nej, so {won} wins, but the decision follows the {side} side (\"{named}\")",
                    o.yes, o.no
                ),
                o.at.clone(),
            );
            f.paragraph = paragraph;
        }
    }
    for p in &lists.pairs {
        let paragraph = sink.paragraph_at(&p.at);
        let (a, b) = p.stated;
        let (x, y) = p.counted;
        let holds = (a, b) == (x, y) || (a, b) == (y, x);
        // Cut short, a list can only have fewer: which side is short is then unknown.
        if !holds && p.not_whole.is_some() && x + y < a + b && x.max(y) <= a.max(b) {
            let f = sink.report(
                &RULE,
                Severity::Info,
                format!(
                    "not decided: the vote states {a} against {b} but its list gives {x} \"{}\" and {y} \"{}\": {}",
                    p.labels.0,
                    p.labels.1,
                    p.not_whole.as_deref().unwrap_or("")
                ),
                p.at.clone(),
            );
            f.paragraph = paragraph;
            continue;
        }
        sink.checked(holds);
        if !holds {
            let f = sink.report(
                &RULE,
                RULE.severity,
                format!(
                    "the vote states {a} against {b} but its list gives {x} \"{}\" and {y} \"{}\"",
                    p.labels.0, p.labels.1
                ),
                p.at.clone(),
            );
            f.paragraph = paragraph;
        }
    }
}
