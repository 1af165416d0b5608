//! TXT004: a deviation from budget stated in words for one named row ("Socialnämnden
//! redovisar 2,4 mnkr sämre än budget") that the row's deviation column does not print.

use super::prose::{amounts, prose_lines, Amount};
use crate::arith::{compare, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;
use crate::document::SourceLine;
use crate::grammar::number::Unit;
use crate::grammar::re::Re;
use crate::LineSpan;
use rust_decimal::Decimal;
use std::collections::HashSet;

pub const RULE: Rule = Rule {
    code: RuleCode::TXT004,
    name: "budget-deviation-in-words",
    family: Family::Txt,
    severity: Severity::Error,
    summary:
        "The text gives a row's deviation from budget, the row's deviation column prints another",
    explanation: "Reports comment their deviation tables row by row: \"Tekniska nämnden \
redovisar ett utfall som är 2,4 mnkr sämre än budget\", \"Helse Sør er 3,2 mill kroner bak \
budsjett\". justera reads an amount followed by a budget-relative direction (sämre än budget, \
bättre än budget, bak budsjett, foran budsjett, dårligere enn budsjett, bedre enn budsjett) or \
preceded by one (negativ avvikelse på, negativt avvik på, merforbruk på, mindreforbruk på), finds \
the one row of a table with a deviation column (Avvikelse, Avvik, Afvigelse, Differens) whose \
distinctive label words — those no other row label of the table has — all stand in the \
sentence, and compares the amount's magnitude with the row's deviation, rounding-aware; a \
match counts as a relation checked. A mismatch is reported only when it cannot be another figure: \
the deviation printed has the sign the words give (negative for sämre, bak, merforbruk), the two \
magnitudes are within a factor of two (not another unit), and the amount matches no other figure \
of the row and no other row's deviation — except where two sentences give two rows' deviations \
swapped (the text says 15,5 for A and 15,6 for B, the table 15,6 for A and 15,5 for B), which is \
reported on both. Anything else is information, \"not decided\", or not read.",
    checks: &[Check::Document(check)],
};

/// A budget-relative direction after the amount: "sämre än budget", "bak budsjett".
const AFTER: &str = r"(?i)^\s*(?:kronor\s+|kroner\s+)?(sämre|bättre|dårligere|bedre|bak|foran|ringere)\s+(?:än\s+|enn\s+|end\s+)?(?:budget|budsjett|budgett|budgetten|budsjettet)(?:[^\p{L}]|$)";

/// A budget-relative deviation before the amount: "negativ avvikelse på".
const BEFORE: &str = r"(?i)(negativ|negativt|negative|positiv|positivt|positive|merforbruk|mindreforbruk|merforbrug|mindreforbrug)\s+(?:budget|budsjett)?(?:avvikelse|avvik|afvigelse)?\s*(?:på|om|med|av|of)\s*$";

/// A deviation column's header.
fn is_deviation_header(h: &str) -> bool {
    let h = h.to_lowercase();
    ["avvik", "afvig", "differens"]
        .iter()
        .any(|w| h.contains(w))
}

/// -1 for a deviation the words call worse than budget, +1 better.
fn sign_of(word: &str) -> i32 {
    match word.to_lowercase().as_str() {
        "sämre" | "dårligere" | "bak" | "ringere" | "negativ" | "negativt" | "negative"
        | "merforbruk" | "merforbrug" => -1,
        _ => 1,
    }
}

/// One sentence's reading: the amount, the direction, the row it names.
struct Reading<'d> {
    line: &'d SourceLine,
    amount: Amount,
    sign: i32,
    table: usize,
    row: usize,
}

pub fn check(sink: &mut Sink) {
    let doc = sink.document;
    let tables: Vec<(usize, Vec<usize>)> = doc
        .tables
        .iter()
        .enumerate()
        .map(|(ti, t)| {
            let cols = (0..t.columns.len())
                .filter(|&c| is_deviation_header(&t.columns[c]))
                .collect::<Vec<_>>();
            (ti, cols)
        })
        .filter(|(_, cols)| !cols.is_empty())
        .collect();
    if tables.is_empty() {
        return;
    }
    let mut readings = Vec::new();
    for line in prose_lines(doc) {
        for sentence in sentences(&line.text) {
            let Some((amount, sign)) = deviation_amount(&line.text, sentence.clone()) else {
                continue;
            };
            let named = named_rows(doc, &tables, &line.text[sentence]);
            let [(table, row)] = named.as_slice() else {
                continue;
            };
            readings.push(Reading {
                line,
                amount,
                sign,
                table: *table,
                row: *row,
            });
        }
    }
    for (k, r) in readings.iter().enumerate() {
        decide(sink, &tables, &readings, k, r);
    }
}

/// Byte ranges of the sentences of a line: split after ".", "!", "?" or ";" followed by a
/// space and a capital ("mill. kroner" stays one sentence).
fn sentences(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '!' | '?' | ';')
            && text[i + 1..].starts_with(' ')
            && text[i + 1..]
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    out.push(start..text.len());
    out
}

/// The one amount of the sentence stated as a deviation from budget, with its direction.
fn deviation_amount(text: &str, sentence: std::ops::Range<usize>) -> Option<(Amount, i32)> {
    static AFTER_RE: Re = Re::new(AFTER);
    static BEFORE_RE: Re = Re::new(BEFORE);
    let s = &text[sentence.clone()];
    let mut found = Vec::new();
    for a in amounts(s) {
        let sign = AFTER_RE
            .captures(&s[a.end..])
            .and_then(|c| c.get(1))
            .or_else(|| {
                let lead = s[..a.start]
                    .char_indices()
                    .rev()
                    .nth(40)
                    .map_or(0, |(i, _)| i);
                BEFORE_RE.captures(&s[lead..a.start]).and_then(|c| c.get(1))
            })
            .map(|m| sign_of(m.as_str()));
        if let Some(sign) = sign {
            let mut a = a;
            a.start += sentence.start;
            a.end += sentence.start;
            found.push((a, sign));
        }
    }
    match found.as_slice() {
        [one] if one.0.value > Decimal::ZERO => Some(one.clone()),
        _ => None,
    }
}

/// Words of three letters or more, lowercased, without the joining words that name
/// nothing ("och", "og", "med").
fn words(t: &str) -> Vec<String> {
    const JOINING: &[&str] = &[
        "och", "samt", "med", "för", "til", "och", "inkl", "exkl", "mfl", "and", "the", "for",
    ];
    t.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic))
        .map(str::to_lowercase)
        .filter(|w| !JOINING.contains(&w.as_str()))
        .collect()
}

/// The rows (table, row) the sentence names: every distinctive word of the label (one no
/// other row label of its table has, four letters or more) stands in the sentence.
fn named_rows(
    doc: &crate::document::Document,
    tables: &[(usize, Vec<usize>)],
    sentence: &str,
) -> Vec<(usize, usize)> {
    let said: HashSet<String> = words(sentence).into_iter().collect();
    let mut out = Vec::new();
    for (ti, _) in tables {
        let table = &doc.tables[*ti];
        let labels: Vec<Vec<String>> = table.rows.iter().map(|r| words(&r.label)).collect();
        for (ri, label) in labels.iter().enumerate() {
            let own: Vec<&String> = label
                .iter()
                .filter(|w| {
                    labels
                        .iter()
                        .enumerate()
                        .all(|(k, other)| k == ri || !other.contains(w))
                })
                .collect();
            if own.is_empty()
                || !own.iter().any(|w| w.chars().count() >= 4)
                || !own.iter().all(|w| said.contains(*w))
            {
                continue;
            }
            out.push((*ti, ri));
        }
    }
    out
}

/// The figures of a row's deviation columns, in kronor when the table names its unit,
/// else as written.
fn deviations(
    doc: &crate::document::Document,
    cols: &[usize],
    ti: usize,
    ri: usize,
) -> Vec<(Decimal, Interval, String)> {
    let table = &doc.tables[ti];
    let row = &table.rows[ri];
    cols.iter()
        .filter_map(|&c| {
            let cell = row.cells.get(c)?;
            let v = cell.value?;
            if matches!(cell.unit, Unit::Percent | Unit::Hours) || cell.reference {
                return None;
            }
            Some((
                v,
                Interval::written(v.abs(), cell.decimals),
                cell.raw.trim().to_string(),
            ))
        })
        .collect()
}

/// The amount in the unit of the table's figures: kronor scaled by the table's unit
/// when it names one, else as written.
fn in_table_unit(doc: &crate::document::Document, ti: usize, a: &Amount) -> Interval {
    match super::prose::cell_scale(Unit::None, doc.tables[ti].unit) {
        Some(s) => a.kronor().scale(Decimal::ONE / s),
        None => a.written(),
    }
}

fn decide(
    sink: &mut Sink,
    tables: &[(usize, Vec<usize>)],
    readings: &[Reading],
    k: usize,
    r: &Reading,
) {
    let doc = sink.document;
    let Some((_, cols)) = tables.iter().find(|(ti, _)| *ti == r.table) else {
        return;
    };
    let devs = deviations(doc, cols, r.table, r.row);
    if devs.is_empty() {
        return;
    }
    let said = in_table_unit(doc, r.table, &r.amount);
    if devs.iter().any(|(_, d, _)| d.meets(&said)) {
        sink.checked(true);
        return;
    }
    // The deviation the words should restate: the row's deviation with the words' sign.
    let Some((_, dev, raw)) = devs
        .iter()
        .find(|(v, _, _)| (*v < Decimal::ZERO) == (r.sign < 0) && !v.is_zero())
    else {
        return;
    };
    let ratio_ok =
        said.nominal * Decimal::TWO >= dev.nominal && said.nominal <= dev.nominal * Decimal::TWO;
    if !ratio_ok {
        return;
    }
    let table = &doc.tables[r.table];
    let row = &table.rows[r.row];
    // Another figure of the row, or another row's deviation, the amount may be.
    let elsewhere_in_row = row.cells.iter().any(|c| {
        c.value
            .is_some_and(|v| Interval::written(v.abs(), c.decimals).meets(&said))
    });
    let other_rows: Vec<usize> = (0..table.rows.len())
        .filter(|&o| o != r.row)
        .filter(|&o| {
            deviations(doc, cols, r.table, o)
                .iter()
                .any(|(_, d, _)| d.meets(&said))
        })
        .collect();
    // Swapped: another sentence names one of those rows with this row's deviation.
    let swapped = readings.iter().enumerate().any(|(j, other)| {
        j != k
            && other.table == r.table
            && other_rows.contains(&other.row)
            && in_table_unit(doc, r.table, &other.amount).meets(dev)
    });
    let decided = swapped || (!elsewhere_in_row && other_rows.is_empty());
    let c = compare(*dev, said);
    let written = r.line.text[r.amount.start..r.amount.end].trim().to_string();
    let header = cols
        .first()
        .and_then(|&c| table.columns.get(c))
        .map_or("", String::as_str);
    let message = if decided && swapped {
        format!(
            "the text gives \"{}\" a deviation of {written}, but its {header} is {raw}; the text gives another row this row's deviation: the two are swapped",
            row.label
        )
    } else if decided {
        format!(
            "the text gives \"{}\" a deviation of {written}, but its {header} is {raw}",
            row.label
        )
    } else {
        format!(
            "not decided: the text gives \"{}\" a deviation of {written}, its {header} is {raw}, but {written} is another figure of the table",
            row.label
        )
    };
    if decided {
        sink.checked(false);
    }
    let severity = if decided {
        RULE.severity
    } else {
        Severity::Info
    };
    let paragraph = sink.paragraph_at(&r.line.provenance);
    let span = LineSpan::in_line(&r.line.text, r.amount.start, r.amount.end);
    let f = sink.report(
        &RULE,
        severity,
        message,
        r.line.provenance.clone().with_span(span),
    );
    f.paragraph = paragraph;
    f.table = Some(r.table);
    f.row = Some(row.label.clone());
    f.column = (!header.is_empty()).then(|| header.to_string());
    f.expected = Some(c.expected);
    f.found = Some(c.found);
    f.tolerance = Some(c.tolerance);
    f.figure = Some(written);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_deviation_and_its_direction() {
        let t =
            "Helse Sør er 15,5 mill kroner bak budsjett. Helse Vest har 2 mill kroner i overskudd.";
        let s = sentences(t);
        assert_eq!(s.len(), 2);
        let (a, sign) = deviation_amount(t, s[0].clone()).expect("a deviation");
        assert_eq!(a.value, Decimal::new(155, 1));
        assert_eq!(sign, -1);
        assert!(deviation_amount(t, s[1].clone()).is_none());
        let t = "Nämnden redovisar en negativ avvikelse på 2,4 mnkr mot budget.";
        let (_, sign) = deviation_amount(t, 0..t.len()).expect("a deviation");
        assert_eq!(sign, -1);
        let t = "Utfallet blev 4,1 mnkr bättre än budget.";
        assert_eq!(deviation_amount(t, 0..t.len()).map(|x| x.1), Some(1));
    }
}
