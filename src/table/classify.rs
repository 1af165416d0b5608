//! Row kinds, the table's unit and its title.
//!
//! Which labels mark a total comes from the vocabulary (`grammars/totals.vocab` and
//! `grammars/grand_totals.vocab`, extended at run time with `--grammars DIR`).

use super::{Cell, Row, RowKind};
use crate::grammar::number::Unit;
use crate::grammar::vocab::Vocabulary;

fn is_figure_label(label: &str, vocab: &Vocabulary) -> bool {
    super::cell::parse_cell(label, vocab).value.is_some() && !super::cell::is_year(label)
}

fn has_figure(cells: &[Cell]) -> bool {
    cells.iter().any(|c| c.value.is_some())
}

/// Row numbers in front of the labels ("1 Rammetilskot", "9 Sum driftsinntekter",
/// "27a Bruk av tidlegare års mindreforbruk"), as the Norwegian KOSTRA statements number
/// their lines: taken off the labels, so that a total or result row is known by its words.
/// Only where they are a numbering for certain: at least three rows so numbered, two
/// thirds of the labelled rows or more, and the numbers never going down the table.
fn strip_line_numbers(rows: &mut [Row]) {
    let numbered: Vec<Option<(u32, usize)>> = rows.iter().map(|r| line_number(&r.label)).collect();
    let labelled = rows.iter().filter(|r| !r.label.trim().is_empty()).count();
    let count = numbered.iter().flatten().count();
    if count < 3 || count * 3 < labelled * 2 {
        return;
    }
    // Rows of figures, not a list of items with a page each (an ärendelista's "1 Val av
    // justerande | 2"): the numbered rows hold two figures or more, most of them.
    let with_figures = rows
        .iter()
        .zip(&numbered)
        .filter(|(r, n)| n.is_some() && r.cells.iter().filter(|c| c.value.is_some()).count() >= 2)
        .count();
    if with_figures * 2 < count {
        return;
    }
    let numbers: Vec<u32> = numbered.iter().flatten().map(|&(n, _)| n).collect();
    if numbers.windows(2).any(|w| w[1] < w[0]) || numbers.first() == numbers.last() {
        return;
    }
    for (row, n) in rows.iter_mut().zip(numbered) {
        if let Some((_, at)) = n {
            row.label = row.label[at..].to_string();
        }
    }
}

/// "12 Label" → (12, where "Label" starts): one to three digits and at most one lower-case
/// letter, a space, then a word in capitals' case.
fn line_number(label: &str) -> Option<(u32, usize)> {
    let t = label.trim_start();
    let lead = label.len() - t.len();
    let (number, rest) = t.split_once(' ')?;
    let digits = number.trim_end_matches(|c: char| c.is_ascii_lowercase());
    if digits.is_empty()
        || digits.len() > 3
        || number.len() > digits.len() + 1
        || !digits.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let word = rest.trim_start();
    word.chars().next().filter(|c| c.is_uppercase())?;
    Some((
        digits.parse().ok()?,
        lead + number.len() + (rest.len() - word.len()) + 1,
    ))
}

/// Sets each row's kind: a label-only row heads a group; a total-labelled row is a total
/// unless a grand total follows it; an unlabelled row of figures after data rows sums them.
/// Which labels mark a total ("Summa", "S:a investeringar egna", "Totalt Ludvika",
/// "Resultat") and a grand total ("Totalt:", "Summa totalt") is the vocabulary's.
pub(crate) fn classify_rows(rows: &mut [Row], vocab: &Vocabulary) {
    strip_line_numbers(rows);
    let grand_index = rows
        .iter()
        .rposition(|r| vocab.is_grand_total_label(&r.label) && has_figure(&r.cells));
    let last_labelled_total = rows
        .iter()
        .rposition(|r| vocab.is_total_label(&r.label) && has_figure(&r.cells));
    // In a balansräkning, and in a note on the change of eget kapital ("Ingående eget
    // kapital", "Årets resultat", "Summa utgående eget kapital"), "Årets resultat" is a
    // part of eget kapital, not a total.
    let role = |r: &Row| crate::grammar::statement::role(vocab, &r.label);
    let balance = rows.iter().any(|r| {
        role(r).is_some_and(|k| k.starts_with("br_"))
            || crate::grammar::statement::is_equity_line(vocab, &r.label)
    });
    let mut seen_data = false;
    for (i, row) in rows.iter_mut().enumerate() {
        let year_result = balance && role(row) == Some("rr_year_result");
        let all_blank = row.cells.iter().all(|c| c.raw.is_empty());
        // A label-only row heads a group, unless its label is a figure (a result set in
        // the label column, "940 000kr").
        let kind = if all_blank && !row.label.is_empty() && !is_figure_label(&row.label, vocab) {
            RowKind::Heading
        } else if vocab.is_total_label(&row.label) && has_figure(&row.cells) && !year_result {
            match grand_index {
                Some(g) if i < g && !vocab.is_grand_total_label(&row.label) => RowKind::Subtotal,
                _ => RowKind::Total,
            }
        } else if row.label.is_empty()
            && seen_data
            && has_figure(&row.cells)
            && row.cells.iter().all(|c| c.empty || c.value.is_some())
        {
            // An unlabelled row of nothing but figures under data rows sums them.
            let later_total = last_labelled_total.is_some_and(|t| t > i);
            if later_total && !row.bold {
                RowKind::Subtotal
            } else {
                RowKind::Total
            }
        } else {
            RowKind::Data
        };
        if kind == RowKind::Data && has_figure(&row.cells) {
            seen_data = true;
        }
        row.kind = kind;
    }
}

/// The unit a text names for a whole table: "(tkr)", "Belopp netto (tkr)", "Summa (tkr)".
pub(crate) fn unit_named_in(text: &str) -> Option<Unit> {
    let l = text.to_lowercase();
    let words: Vec<&str> = l
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // Norwegian and Danish write "millioner kroner", "mio. kr.", "mill. kr", "tusen
    // kroner", "t.kr."; a pair of words, as split here.
    let pair = |a: &str, b: &str| words.windows(2).any(|w| w[0] == a && w[1] == b);
    if words
        .iter()
        .any(|w| matches!(*w, "mnkr" | "mkr" | "msek" | "miljoner" | "millioner"))
        || pair("mio", "kr")
        || pair("mill", "kr")
    {
        Some(Unit::Mnkr)
    } else if words.contains(&"tkr")
        || l.contains("tusental kronor")
        || l.contains("tusen kronor")
        || l.contains("tusen kroner")
        || pair("t", "kr")
        || names_thousand_kronor(&l)
    {
        Some(Unit::Tkr)
    } else if l.contains("(kr)") || l.contains("kronor") || words.contains(&"kroner") {
        Some(Unit::Kr)
    } else {
        None
    }
}

/// "Beløb i DKK 1.000", "Belopp (1 000 kr)", "Tall i 1000 kr.": one thousand kronor as
/// the unit, said with "i" before it or alone in parentheses, as Danish, Norwegian and
/// Swedish captions name tkr ("Bidrag 1 000 kr per barn" is a price, not a unit).
fn names_thousand_kronor(lower: &str) -> bool {
    let t = lower
        .replace("1.000", "1000")
        .replace("1 000", "1000")
        .replace('\u{a0}', " ")
        .replace("kr.", "kr");
    ["dkk", "nok", "sek", "kr", "kroner", "kronor"]
        .iter()
        .any(|c| {
            [
                format!("i {c} 1000"),
                format!("i 1000 {c}"),
                format!("({c} 1000)"),
                format!("(1000 {c})"),
            ]
            .iter()
            .any(|p| {
                t.match_indices(p.as_str()).any(|(i, _)| {
                    // The phrase must end where a word ends ("i 1000 kroner", not "i 1000 krt").
                    let end = i + p.len();
                    !t[end..].starts_with(|ch: char| ch.is_alphanumeric())
                        && (i == 0 || !t[..i].ends_with(|ch: char| ch.is_alphanumeric()))
                })
            })
        })
}

/// The table's unit: named in its title, headers or the lines just above, else the unit
/// most of its money cells carry, else none (the document default applies).
pub(crate) fn table_unit<'a>(named: impl IntoIterator<Item = &'a str>, rows: &[Row]) -> Unit {
    for t in named {
        if let Some(u) = unit_named_in(t) {
            return u;
        }
    }
    let mut counts = [0usize; 3];
    for c in rows.iter().flat_map(|r| r.cells.iter()) {
        match c.unit {
            Unit::Kr => counts[0] += 1,
            Unit::Tkr => counts[1] += 1,
            Unit::Mnkr => counts[2] += 1,
            _ => {}
        }
    }
    let (best, n) = counts
        .iter()
        .enumerate()
        .max_by_key(|(_, n)| **n)
        .map_or((0, 0), |(i, n)| (i, *n));
    if n == 0 {
        Unit::None
    } else {
        [Unit::Kr, Unit::Tkr, Unit::Mnkr][best]
    }
}

/// A heading-like line: markdown `#`, bold, or short without a full stop.
fn heading_text(line: &str) -> Option<(String, bool)> {
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    let marked = t.starts_with('#') || t.starts_with("**") || t.starts_with("<b>");
    // "**Title****Sammanfattning**": two bold runs glued together; the first is the title.
    let t = t.split("****").next().unwrap_or(t);
    let clean = super::cell::strip_markup(t.trim_start_matches('#')).0;
    let clean = clean.trim().to_string();
    if clean.is_empty() {
        return None;
    }
    Some((clean, marked))
}

/// The title of a table: the nearest heading within a few lines above, else the nearest
/// short line above. `above` runs upwards from the line just before the table.
pub(crate) fn title_from_lines_above<'a>(above: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut nearest: Option<String> = None;
    // Lines of another table (tabs) are never a title.
    for (seen, line) in above
        .filter(|l| !l.trim().is_empty())
        .take(4)
        .enumerate()
        .filter(|(_, l)| !l.contains('\t'))
    {
        let Some((text, marked)) = heading_text(line) else {
            continue;
        };
        if marked && text.chars().count() <= 120 {
            return Some(text);
        }
        if seen == 0 && text.chars().count() <= 80 && !text.ends_with('.') {
            nearest = Some(text);
        }
    }
    nearest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_total_label(label: &str) -> bool {
        Vocabulary::builtin_shared().is_total_label(label)
    }

    #[test]
    fn total_labels() {
        assert!(is_total_label("Summa"));
        assert!(is_total_label("S:a investeringar egna"));
        assert!(is_total_label("Totalt:"));
        assert!(is_total_label("TOTALT UB"));
        assert!(is_total_label("Delsumma kategori A"));
        assert!(is_total_label("Årets resultat"));
        assert!(!is_total_label("Totalkostnad"));
        assert!(!is_total_label("Personalkostnader"));
    }

    #[test]
    fn line_numbers_leave_the_labels() {
        let row = |label: &str| Row {
            label: label.to_string(),
            kind: RowKind::Data,
            cells: vec![crate::table::parse_cell("12", Vocabulary::builtin_shared()); 2],
            bold: false,
            provenance: crate::Provenance::new(&std::sync::Arc::from("t"), 1, 1),
        };
        let mut rows = vec![
            row("1 Rammetilskot"),
            row("2 Inntekts- og formuesskatt"),
            row("9 Sum driftsinntekter"),
            row("27a Bruk av tidlegare års mindreforbruk"),
        ];
        strip_line_numbers(&mut rows);
        let labels: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Rammetilskot",
                "Inntekts- og formuesskatt",
                "Sum driftsinntekter",
                "Bruk av tidlegare års mindreforbruk"
            ]
        );
        // A list of items with one figure each (an ärendelista's page numbers): as written.
        let mut items: Vec<Row> = ["1 Val av justerande", "2 Budget 2022", "3 Rapport"]
            .iter()
            .map(|l| Row {
                cells: vec![crate::table::parse_cell("4", Vocabulary::builtin_shared())],
                ..row(l)
            })
            .collect();
        strip_line_numbers(&mut items);
        assert_eq!(items[0].label, "1 Val av justerande");
        // Numbers going down, or too few rows numbered: labels as written.
        for labels in [
            &["3 Kommunstyrelsen", "1 Barn", "2 Vård"][..],
            &["1 Kommunstyrelsen", "Barn", "Vård", "2 Teknik"][..],
        ] {
            let mut rows: Vec<Row> = labels.iter().map(|l| row(l)).collect();
            strip_line_numbers(&mut rows);
            assert_eq!(rows[0].label, labels[0]);
        }
    }

    #[test]
    fn units_named() {
        assert_eq!(unit_named_in("Belopp netto (tkr)"), Some(Unit::Tkr));
        assert_eq!(unit_named_in("RESULTATRÄKNING (tkr)"), Some(Unit::Tkr));
        assert_eq!(unit_named_in("Budget 2021"), None);
        assert_eq!(unit_named_in("Tall i hele tusen kroner"), Some(Unit::Tkr));
        assert_eq!(unit_named_in("Indtægter (t.kr.)"), Some(Unit::Tkr));
        assert_eq!(unit_named_in("Millioner kroner"), Some(Unit::Mnkr));
        assert_eq!(unit_named_in("Beløb i mio. kr."), Some(Unit::Mnkr));
        assert_eq!(unit_named_in("Beløb i kroner"), Some(Unit::Kr));
        assert_eq!(unit_named_in("Avdrag 2 000 kr per år"), None);
        assert_eq!(unit_named_in("Beløb i DKK 1.000 Aktiver"), Some(Unit::Tkr));
        assert_eq!(unit_named_in("Belopp (1 000 kr)"), Some(Unit::Tkr));
        assert_eq!(unit_named_in("Beløp i 1000 kr."), Some(Unit::Tkr));
        assert_eq!(unit_named_in("Avgift i 21 000 kr"), None);
        assert_eq!(unit_named_in("Bidrag 1 000 kr per barn"), None);
    }
}
