//! TXT002: a list of amounts and the sentence that states their total.

use super::prose::{amounts, Amount};
use crate::arith::{compare, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;
use crate::document::SourceLine;
use crate::grammar::re::Re;
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: RuleCode::TXT002,
    name: "written-list-total",
    family: Family::Txt,
    severity: Severity::Error,
    summary: "A list of amounts whose total, stated in the sentence beside it, is not their sum",
    explanation: "Price examples and reports list the parts of a cost one per line and state \
their total in the sentence after the list (or in the list's last line, or in the sentence \
that opens it, ending in a colon):\n\n  • Fast avgift 3 000 kronor\n  • Rörlig avgift 2 512,50 kronor (150 m³ × \
16,75 kronor)\n  Detta ger en total årskostnad på 5 522,50 kronor.\n\njustera adds the list's \
amounts with the precision each was written in (a figure written to the krona stands for ± 0,50) \
and compares the sum with the total the sentence states: 3 000 + 2 512,50 = 5 512,50, not \
5 522,50. It reads only lists whose every line starts with a bullet or dash and holds exactly one \
amount outside parentheses (a product in parentheses explains the amount; PROD001 checks it), \
and only a total that follows a total word (totalt, total, sammanlagt, summa, årskostnad, i alt, \
til sammen, samlet) with no other figure between; a total said to be approximate (\"totalt \
ungefär 18 miljoner\", cirka, drygt, knappt) that misses is information, \"not decided\". A list the table reader took as a table (a \
\"Label: figure\" list ending in a total) is left to the table rules. A list with a line that \
holds no amount, or two, a rate (\"19,19 kr/m³\") or an amount per something else, is not read. The total is reported only \
when it misses the sum by less than 2 % of itself, a misprint rather than a total of other things \
(VAT added, a part not listed, another period); a larger gap is information, \"not decided\". A \
total that holds counts as a relation checked.\n\nThe opening line may instead say that its one amount \
is divided among the lines under it, ending in a word of division and a colon (\"2 400 kr/kvartal \
går till:\", \"fördelas så här:\", \"används till:\", fordeles, brukes til): the amount is the \
whole, per kvartal (per år …) as its parts are; not where the line says the list gives only some \
parts (\"bland annat\", \"t.ex.\", \"varav\") or the amount is approximate, and a hundralapp's \
or skattekrona's list is TXT005's. Such heads may stand as bullets over lists nested under \
them; each list is read under its own head. A part written with a minus (\"– 200 kr\", an \
income set against the costs) is subtracted.",
    checks: &[Check::Document(check)],
};

/// A total word: the amount after it, close and with no figure between, is the total.
const TOTAL_WORD: &str = r"(?i)(?:^|[^\p{L}])(totalt|total|totalkostnad\p{L}*|sammanlagt|sammanlagd|summa|summan|sammantaget|årskostnad\p{L}*|i alt|ialt|til sammen|tilsammen|samlet|samlede|i sum)(?:[^\p{L}]|$)";

/// A line ending in a word of division and a colon: the list under it divides the whole.
const DIVIDED: &str = r"(?i)(?:^|[^\p{L}])(?:går\s+till|går\s+til|fördelas|fördelar\s+sig|används\s+till|används|fordeles|fordeler\s+seg|fordeler\s+sig|brukes\s+til|bruges\s+til|anvendes\s+til)(?:\s+(?:så\s+här|enligt\s+följande|på\s+följande\s+sätt|på|slik|således|følgende))?\s*:\s*$";

/// A bullet or dash opening a list line.
fn bullet(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let mut chars = t.chars();
    let first = chars.next()?;
    if !matches!(
        first,
        '•' | '·'
            | '‧'
            | '∙'
            | '●'
            | '○'
            | '◦'
            | '▪'
            | '■'
            | '□'
            | '-'
            | '–'
            | '—'
            | '*'
            | '\u{f0b7}'
    ) {
        return None;
    }
    let rest = chars.as_str();
    // A dash glued to a figure is a sign, not a bullet.
    rest.starts_with(char::is_whitespace).then_some(rest)
}

/// The line's text with parentheses blanked (same length, so offsets hold).
fn outside_parentheses(text: &str) -> String {
    let mut depth = 0usize;
    text.chars()
        .map(|c| match c {
            '(' => {
                depth += 1;
                ' '
            }
            ')' if depth > 0 => {
                depth -= 1;
                ' '
            }
            _ if depth > 0 => {
                if c.is_ascii() {
                    ' '
                } else {
                    c
                }
            }
            _ => c,
        })
        .collect()
}

/// Whether the amount is a rate or an amount per something ("19,19 kr/m³", "5 805
/// kronor per lägenhet", "300 kr i månaden" is not caught and is left to the 2 % gap).
fn per_something(text: &str, a: &Amount) -> bool {
    let after = text[a.end..].trim_start().to_lowercase();
    after.starts_with('/')
        || after.starts_with("per ")
        || after.starts_with("pr.")
        || after.starts_with("pr ")
        || after.starts_with("à ")
}

/// The amounts of a line outside parentheses, rates and amounts per something left out;
/// `None` when the line holds one of those (it is then no plain part).
fn plain_amounts(text: &str) -> Option<Vec<Amount>> {
    let outside = outside_parentheses(text);
    let found = amounts(&outside);
    if found.iter().any(|a| per_something(&outside, a)) {
        return None;
    }
    Some(found)
}

/// A word that makes the amount after it approximate ("ungefär 18 miljoner").
const ABOUT: &str = r"(?i)(?:^|[^\p{L}])(ungefär|cirka|ca|omkring|runt|drygt|knappt|nästan|närmare|över|under|omtrent|cirka|ca\.|knapt|godt|næsten|rundt|over)(?:[^\p{L}]|$)";

/// The total a line states: the first amount after a total word, at most 40 bytes after
/// it, with no digit and no sentence end between; `true` beside it when a word between
/// makes it approximate ("totalt ungefär 18 miljoner kronor").
fn stated_total(text: &str) -> Option<(Amount, bool)> {
    static ABOUT_RE: Re = Re::new(ABOUT);
    let outside = outside_parentheses(text);
    for m in total_word_re().captures_iter(&outside) {
        let Some(word) = m.get(1) else { continue };
        let Some(a) = amounts(&outside)
            .into_iter()
            .find(|a| a.start >= word.end())
        else {
            continue;
        };
        let between = &outside[word.end()..a.start];
        if between.len() > 40
            || between.chars().any(|c| c.is_ascii_digit())
            || between.contains(". ")
            || (between.contains(':') && !between.trim_end().ends_with(':'))
        {
            continue;
        }
        if per_something(&outside, &a) {
            return None;
        }
        return Some((a, ABOUT_RE.is_match(between)));
    }
    None
}

/// The whole a list's opening line says is divided among the lines under it: one
/// amount, the line ending in a word of division and a colon ("3 783 kr/kvartal går
/// till:", "Anslaget på 2,4 mnkr fördelas så här:"); not where the line says the list
/// gives only some of the parts ("bland annat", "t.ex.", "varav") or the amount is
/// approximate.
/// An amount per something ("per kvartal") is the whole per that something, as its parts
/// are.
fn divided_whole(text: &str) -> Option<(Amount, bool)> {
    static DIVIDED_RE: Re = Re::new(DIVIDED);
    static ABOUT_RE: Re = Re::new(ABOUT);
    // A hundralapp's or skattekrona's list is TXT005's.
    if !DIVIDED_RE.is_match(text)
        || super::txt005::only_some_parts(text)
        || super::txt005::names_a_whole(text)
    {
        return None;
    }
    let outside = outside_parentheses(text);
    let [whole] = amounts(&outside).try_into().ok()?;
    let before = &outside[..whole.start];
    let from = before.char_indices().rev().nth(23).map_or(0, |(k, _)| k);
    let near_before = &before[from..];
    (!ABOUT_RE.is_match(near_before)).then_some((whole, false))
}

fn has_total_word(text: &str) -> bool {
    total_word_re().is_match(&outside_parentheses(text))
}

/// [`TOTAL_WORD`], compiled once (and ahead, in the background warm-up: nearly every
/// protocol's bullet lists reach it).
pub(crate) fn total_word_re() -> &'static Re {
    static RE: Re = Re::new(TOTAL_WORD);
    &RE
}

/// Whether `b` follows `a` closely on the same page (at most one blank line between).
fn near(a: &SourceLine, b: &SourceLine) -> bool {
    let (p, q) = (&a.provenance, &b.provenance);
    p.file == q.file && p.page == q.page && q.line > p.line && q.line - p.line <= 2
}

pub fn check(sink: &mut Sink) {
    // A list the table reader took (a "Label: figure" list ending in a total is a table
    // of one column) is checked by the table rules: its lines are left to them.
    let table_lines: std::collections::HashSet<(u32, u32)> = sink
        .document
        .tables
        .iter()
        .flat_map(|t| t.rows.iter())
        .map(|r| (r.provenance.page, r.provenance.line))
        .collect();
    let lines = super::prose::text_lines(sink.document);
    let in_table = |l: &SourceLine| table_lines.contains(&(l.provenance.page, l.provenance.line));
    let mut i = 0;
    while i < lines.len() {
        if bullet(&lines[i].text).is_none() {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < lines.len()
            && bullet(&lines[j + 1].text).is_some()
            && near(lines[j], lines[j + 1])
        {
            j += 1;
        }
        let after = lines.get(j + 1).filter(|l| near(lines[j], l));
        if !lines[i..=j].iter().any(|l| in_table(l)) && !after.is_some_and(|l| in_table(l)) {
            // Bullets ending in a colon head the lists nested under them ("• 3:or och
            // 4:or, 3 783 kr/kvartal går till:" over its parts): each list is read
            // under its own head.
            let mut from = i;
            for k in i..=j {
                if lines[k].text.trim_end().ends_with(':') {
                    if from < k {
                        list(sink, &lines, from, k - 1);
                    }
                    from = k + 1;
                }
            }
            if from <= j {
                list(sink, &lines, from, j);
            }
        }
        i = j + 1;
    }
}

/// One list, `lines[first..=last]`: its parts, its total, the comparison.
fn list(sink: &mut Sink, lines: &[&SourceLine], first: usize, last: usize) {
    let mut parts: Vec<(&SourceLine, Amount)> = Vec::new();
    let mut total: Option<(&SourceLine, (Amount, bool))> = None;
    for (k, line) in lines.iter().enumerate().take(last + 1).skip(first) {
        if has_total_word(&line.text) {
            // Only the list's last line may state the total.
            if k != last || parts.len() < 2 {
                return;
            }
            let Some(t) = stated_total(&line.text) else {
                return;
            };
            total = Some((line, t));
            continue;
        }
        let Some(found) = plain_amounts(&line.text) else {
            return;
        };
        let [one] = found.as_slice() else { return };
        parts.push((line, one.clone()));
    }
    if parts.len() < 2 {
        return;
    }
    if total.is_none() {
        // The sentence after the list, else the one that opens it (ending in a colon:
        // a total closing the list before is no opening).
        let after = lines
            .get(last + 1)
            .filter(|l| near(lines[last], l))
            .and_then(|l| stated_total(&l.text).map(|t| (*l, t)));
        let before = || {
            first
                .checked_sub(1)
                .map(|b| lines[b])
                .filter(|l| near(l, lines[first]) && l.text.trim_end().ends_with(':'))
                .and_then(|l| {
                    stated_total(&l.text)
                        .or_else(|| divided_whole(&l.text))
                        .map(|t| (l, t))
                })
        };
        total = after.or_else(before);
    }
    let Some((at, (total, approximate))) = total else {
        return;
    };
    let sum = Interval::sum(parts.iter().map(|(_, a)| a.kronor()));
    let c = compare(sum.scale(Decimal::ONE / total.scale), total.written());
    sink.checked(c.holds);
    if c.holds {
        return;
    }
    let written = |l: &SourceLine, a: &Amount| l.text[a.start..a.end].trim().to_string();
    // A part written with a minus ("– 322 kr") is subtracted, not added as "+ – 322".
    let mut terms = String::new();
    for (k, (l, a)) in parts.iter().enumerate() {
        let w = written(l, a);
        let unsigned = w.trim_start_matches(['-', '−', '–']).trim_start();
        let negative = unsigned.len() < w.len();
        match (k, negative) {
            (0, false) => terms.push_str(&w),
            (0, true) => terms.push_str(&format!("−{unsigned}")),
            (_, false) => terms.push_str(&format!(" + {w}")),
            (_, true) => terms.push_str(&format!(" − {unsigned}")),
        }
    }
    let gap = (c.expected - c.found).abs();
    let decided = !approximate && gap * Decimal::from(50) < c.found.abs();
    let stated = written(at, &total);
    let message = if approximate {
        format!(
            "not decided: the list's amounts add up to {} ({terms}) and the text states about {stated}",
            c.expected
        )
    } else if decided {
        format!(
            "the list's amounts add up to {} ({terms}), the text states the total {stated}",
            c.expected
        )
    } else {
        format!(
            "not decided: the list's amounts add up to {} ({terms}) and the text states {stated}, 2 % or more apart: the total may hold more than the list (VAT, a part not listed, another period)",
            c.expected
        )
    };
    super::prose::report_stated(
        sink,
        &RULE,
        decided,
        message,
        at,
        (total.start, total.end),
        &c,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_total_follows_its_word() {
        let (t, about) =
            stated_total("Detta ger en totalt årskostnad på 9 381,50 kronor inklusive moms.")
                .expect("a total");
        assert_eq!(t.value, Decimal::new(938150, 2));
        assert!(!about);
        let (_, about) = stated_total("Totalt finns det ungefär 18 miljoner kronor att fördela.")
            .expect("a total");
        assert!(about);
        // Another figure between the word and the amount: not the total.
        assert!(stated_total("Totalt för 2023 blev det 9 381 kronor.").is_none());
        assert!(stated_total("Totalt 120 kr per månad.").is_none());
        assert!(stated_total("Fast avgift 3 488 kronor").is_none());
    }

    #[test]
    fn list_lines_hold_one_plain_amount() {
        assert_eq!(
            bullet("  • Fast avgift 3 488 kronor"),
            Some(" Fast avgift 3 488 kronor")
        );
        assert!(bullet("-3 488 kronor").is_none());
        let a =
            plain_amounts("Lägenhetsavgift 3 014 kronor (1 lgh * 3 014 kronor)").expect("plain");
        assert_eq!(a.len(), 1);
        assert!(plain_amounts("Förbrukning 19,19 kr/m³").is_none());
    }
}
