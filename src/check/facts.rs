//! The fact store's facts: every table figure that names what it is — an organisation or
//! unit, a measure (UB, IB, utfall, budget, prognos, kommunbidrag, medlemsbidrag) and a
//! period — under a normalised key, with its provenance. The cross-document checks
//! compare facts by key.

use crate::document::Document;
use crate::grammar::number::Unit;
use crate::grammar::vocab::Vocabulary;
use crate::table::{Cell, Table};
use crate::Provenance;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// Who states the fact: the municipality or förbund and the organ, normalised
    /// ("herrljunga kommun · servicenämnd it/växel/telefoni"), from the protocol header,
    /// the memo's letterhead or the running header ([`owner_of`]). A document whose
    /// municipality is unknown is its own owner ("?file#document"): its facts are
    /// compared with its own only.
    #[serde(default)]
    pub owner: String,
    /// Normalised organisation or unit, e.g. "it/växel/telefoni"; a line item of a
    /// titled table is qualified by the table: "it/växel/telefoni/personalkostnader".
    pub entity: String,
    /// "ub", "ib", "utfall", "budget", "prognos", "kommunbidrag", "medlemsbidrag", or a
    /// row measure qualified by the column's ("kommunbidrag/budget").
    pub measure: String,
    /// "2021", "2021-08" (accumulated to August), "2023-2025".
    pub period: String,
    /// The value in kronor for money, else in the written unit.
    pub value: Decimal,
    /// Half a unit of the last written digit, in the same unit as `value`.
    pub tolerance: Decimal,
    /// "kr", "%", "h" or "" when neither the cell nor the table says.
    pub unit: String,
    pub raw: String,
    /// The figure as the document writes it, with the table's unit where the cell has
    /// none ("-1 073 tkr"): what reports show.
    #[serde(default)]
    pub shown: String,
    pub row: String,
    pub column: String,
    /// Index of the document within its file, and its title.
    pub document: usize,
    pub document_title: Option<String>,
    pub table: usize,
    pub provenance: Provenance,
}

impl Fact {
    pub fn key(&self) -> (&str, &str, &str, &str) {
        (&self.owner, &self.entity, &self.measure, &self.period)
    }

    /// Whether the owner is known (not the document standing for itself).
    pub fn owner_known(&self) -> bool {
        !self.owner.starts_with('?')
    }

    /// Whether the two figures can stand for the same amount given their rounding.
    pub fn agrees_with(&self, other: &Fact) -> bool {
        match (
            self.value.checked_sub(other.value),
            self.tolerance.checked_add(other.tolerance),
        ) {
            (Some(d), Some(t)) => d.abs() <= t,
            _ => false,
        }
    }
}

fn normalise_name(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Who states a document's facts: its municipality or förbund (protocol header, memo
/// letterhead, running header) and organ, normalised. Without a municipality the owner
/// cannot be told, and the document is its own owner: facts are compared only within
/// it, never with another document's that happens to share labels and periods.
pub fn owner_of(document: usize, doc: &Document) -> String {
    let body = doc
        .header
        .as_ref()
        .and_then(|h| h.municipality.as_deref())
        .or_else(|| doc.memo.as_ref().and_then(|m| m.municipality.as_deref()))
        .or(doc.municipality.as_deref())
        .map(normalise_name)
        .filter(|b| !b.is_empty());
    let organ = doc
        .header
        .as_ref()
        .and_then(|h| h.organ.as_deref())
        .or(doc.organ.as_deref())
        .map(normalise_name)
        .unwrap_or_default();
    match body {
        Some(body) if organ.is_empty() => body,
        Some(body) => format!("{body} · {organ}"),
        None => format!("?{}#{document}", doc.provenance.file),
    }
}

/// The fact store's order: by key (owner and organisation first, so one organisation's facts are
/// contiguous), then place; the remaining fields only break ties, so the order is total
/// and an archive's facts sort the same whatever order its files finished in.
pub fn compare(a: &Fact, b: &Fact) -> std::cmp::Ordering {
    a.key()
        .cmp(&b.key())
        .then_with(|| a.provenance.cmp(&b.provenance))
        .then_with(|| a.document.cmp(&b.document))
        .then_with(|| a.table.cmp(&b.table))
        .then_with(|| a.column.cmp(&b.column))
        .then_with(|| a.row.cmp(&b.row))
        .then_with(|| a.raw.cmp(&b.raw))
        .then_with(|| a.value.cmp(&b.value))
}

/// The facts' words in the vocabulary (`grammars/facts.vocab`): joiners, body words,
/// total words and line-item stems; measures are in `grammars/fact_measures.vocab`.
const WORDS: &str = "facts";

fn is_word(key: &str, token: &str, vocab: &Vocabulary) -> bool {
    vocab.has_word(WORDS, key, token)
}

fn tokens(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == ':'))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// "IT, växel och telefoni", "IT/Växel/Telefoni", "Servicenämnd IT, växel, telefoni"
/// → "it/växel/telefoni".
pub fn normalise_entity(text: &str, vocab: &Vocabulary) -> String {
    tokens(text)
        .into_iter()
        .filter(|t| !is_word("joiner", t, vocab) && !is_word("body", t, vocab))
        .filter(|t| !t.chars().all(|c| c.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join("/")
}

/// The canonical measure a word names ("bokslut" → utfall).
fn measure_of<'v>(token: &str, vocab: &'v Vocabulary) -> Option<&'v str> {
    vocab.key_of_word("fact_measures", token)
}

fn year_of(token: &str) -> Option<u32> {
    let y: u32 = token.parse().ok()?;
    (token.len() == 4 && (1990..=2099).contains(&y)).then_some(y)
}

/// The month a word beginning with a month's three-letter abbreviation names ("aug",
/// "augusti").
fn month_of(token: &str, vocab: &Vocabulary) -> Option<u32> {
    let abbreviation: String = token.chars().take(3).collect();
    if abbreviation.chars().count() < 3 {
        return None;
    }
    vocab.month(&abbreviation)
}

/// The (measure, period) pairs a column header states: "UB 2020" → [(ub, 2020)],
/// "Utfall ack. aug 2021" → [(utfall, 2021-08)], "IB 2021 UB 2020" (a wrapped header
/// naming one column twice) → [(ib, 2021), (ub, 2020)], "2022" → [(None, 2022)].
pub fn header_measures<'v>(header: &str, vocab: &'v Vocabulary) -> Vec<(Option<&'v str>, String)> {
    let toks = tokens(&header.replace(['–', '—'], "-"));
    let mut out = Vec::new();
    let mut measure: Option<&'v str> = None;
    let mut month: Option<u32> = None;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i].as_str();
        if let Some(m) = measure_of(t, vocab) {
            measure = Some(m);
            month = None;
        } else if let Some(y) = year_of(t) {
            // "2023-2025": a plan period, kept as written.
            let period = match toks.get(i + 1).and_then(|n| year_of(n)) {
                Some(y2) if header.contains(&format!("{y}-{y2}")) => {
                    i += 1;
                    format!("{y}-{y2}")
                }
                _ => match month {
                    Some(m) => format!("{y}-{m:02}"),
                    None => y.to_string(),
                },
            };
            out.push((measure, period));
            measure = None;
            month = None;
        } else if let Some(m) = month_of(t, vocab) {
            if t.len() <= 9 {
                month = Some(m);
            }
        }
        i += 1;
    }
    out
}

/// Each column's (measure, period) pairs. A pair that every column's header carries is
/// a group header spanning the columns ("IB 2021" above "UB 2020 | Utfall 2021 | UB
/// 2021"): which column it names cannot be told, so it names none.
fn column_measures<'v>(
    headers: &[String],
    vocab: &'v Vocabulary,
) -> Vec<Vec<(Option<&'v str>, String)>> {
    let mut columns: Vec<_> = headers.iter().map(|h| header_measures(h, vocab)).collect();
    if columns.len() >= 2 {
        let common: Vec<_> = columns[0]
            .iter()
            .filter(|p| columns.iter().all(|c| c.contains(p)))
            .cloned()
            .collect();
        for c in &mut columns {
            c.retain(|p| !common.contains(p));
        }
    }
    columns
}

/// What a row label says: the measure it names (if any) and the rest of it.
fn split_label<'v>(label: &str, vocab: &'v Vocabulary) -> (Option<&'v str>, Vec<String>) {
    let mut measure = None;
    let mut rest = Vec::new();
    for t in tokens(label) {
        match measure_of(&t, vocab) {
            Some(m) if measure.is_none() => measure = Some(m),
            _ => rest.push(t),
        }
    }
    (measure, rest)
}

fn cell_value(cell: &Cell, table_unit: Unit) -> Option<(Decimal, Decimal, &'static str)> {
    let value = cell.value?;
    if cell.empty {
        return None;
    }
    let unit = if cell.unit == Unit::None {
        table_unit
    } else {
        cell.unit
    };
    let half = Decimal::new(5, cell.decimals.saturating_add(1).min(20));
    match unit {
        Unit::Percent => Some((value, half, "%")),
        Unit::Hours => Some((value, half, "h")),
        Unit::None => Some((value, half, "")),
        money => {
            let scale = money.kronor_scale()?;
            Some((value.checked_mul(scale)?, half.checked_mul(scale)?, "kr"))
        }
    }
}

/// "-1 073" in a table in tkr → "-1 073 tkr": the figure as written, with its unit.
fn shown(cell: &Cell, table_unit: Unit) -> String {
    let raw = cell.raw.trim();
    if cell.unit == Unit::None && table_unit != Unit::None {
        format!("{raw} {}", table_unit.symbol())
    } else {
        raw.to_string()
    }
}

/// Every fact one table states.
pub fn facts_of_table(
    document: usize,
    doc: &Document,
    index: usize,
    table: &Table,
    vocab: &Vocabulary,
) -> Vec<Fact> {
    let owner = owner_of(document, doc);
    let context = table
        .title
        .as_deref()
        .map(|t| normalise_entity(t, vocab))
        .unwrap_or_default();
    // A value under an empty header means the header row was not matched to the
    // columns: no fact can be named from it.
    let unlabeled_values = table.rows.iter().any(|r| {
        r.cells.iter().enumerate().any(|(i, c)| {
            c.value.is_some() && table.columns.get(i).is_none_or(|h| h.trim().is_empty())
        })
    });
    if unlabeled_values {
        return Vec::new();
    }
    let columns = column_measures(&table.columns, vocab);
    let rows: Vec<_> = table
        .rows
        .iter()
        .map(|row| {
            let (label_measure, rest) = split_label(&row.label, vocab);
            let is_total = rest.is_empty() || rest.iter().all(|t| is_word("total", t, vocab));
            let is_line_item = !is_total
                && rest.iter().any(|t| {
                    vocab
                        .words(WORDS, "line_item")
                        .iter()
                        .any(|s| t.contains(s.as_str()))
                });
            (row, label_measure, rest, is_total, is_line_item)
        })
        .collect();
    // The organisations a total row adds up, named by the rows themselves: the same
    // total gets the same key in a protocol and in the report, whatever either calls the
    // table (a caption one reader finds and another does not).
    let mut members: Vec<String> = rows
        .iter()
        .filter(|(_, _, _, total, item)| !total && !item)
        .map(|(_, _, rest, _, _)| normalise_entity(&rest.join(" "), vocab))
        .filter(|e| !e.is_empty())
        .collect();
    members.sort();
    members.dedup();
    let mut out = Vec::new();
    for (row, label_measure, rest, is_total, is_line_item) in rows {
        let rest_text = rest.join(" ");
        let entity = if is_total {
            // "TOTALT UB": the total of the table's subject.
            if members.len() >= 2 {
                format!("totalt[{}]", members.join(" + "))
            } else if context.is_empty() {
                "totalt".to_string()
            } else {
                format!("{context}/totalt")
            }
        } else if is_line_item {
            if context.is_empty() {
                // A line item of an untitled table: whose it is cannot be told.
                continue;
            }
            format!("{context}/{}", normalise_entity(&rest_text, vocab))
        } else {
            normalise_entity(&rest_text, vocab)
        };
        if entity.is_empty() {
            continue;
        }
        for (ci, cell) in row.cells.iter().enumerate() {
            let Some(measures) = columns.get(ci) else {
                continue;
            };
            let Some((value, tolerance, unit)) = cell_value(cell, table.unit) else {
                continue;
            };
            for (column_measure, period) in measures {
                let measure = match (label_measure, column_measure) {
                    (Some(l), Some(c)) if l == *c => l.to_string(),
                    // "TOTALT UB" only says the row holds balances: the column names them.
                    (Some("ub" | "ib"), Some(c)) => c.to_string(),
                    (Some(l), Some(c)) => format!("{l}/{c}"),
                    (Some(l), None) => l.to_string(),
                    (None, Some(c)) => c.to_string(),
                    (None, None) => continue,
                };
                out.push(Fact {
                    owner: owner.clone(),
                    entity: entity.clone(),
                    measure,
                    period: period.clone(),
                    value,
                    tolerance,
                    unit: unit.to_string(),
                    raw: cell.raw.clone(),
                    shown: shown(cell, table.unit),
                    row: row.label.clone(),
                    column: table.columns.get(ci).cloned().unwrap_or_default(),
                    document,
                    document_title: doc.title.clone(),
                    table: index,
                    provenance: row.provenance.clone(),
                });
            }
        }
    }
    out
}

pub fn facts_of_document(document: usize, doc: &Document, vocab: &Vocabulary) -> Vec<Fact> {
    doc.tables
        .iter()
        .enumerate()
        .flat_map(|(i, t)| facts_of_table(document, doc, i, t, vocab))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // The functions under test, with the built-in vocabulary.
    fn normalise_entity(text: &str) -> String {
        super::normalise_entity(text, Vocabulary::builtin_shared())
    }
    fn header_measures(header: &str) -> Vec<(Option<&'static str>, String)> {
        super::header_measures(header, Vocabulary::builtin_shared())
    }
    fn column_measures(headers: &[String]) -> Vec<Vec<(Option<&'static str>, String)>> {
        super::column_measures(headers, Vocabulary::builtin_shared())
    }

    #[test]
    fn organisation_names_normalise_to_one_key() {
        let k = normalise_entity("IT/Växel/Telefoni");
        assert_eq!(k, "it/växel/telefoni");
        assert_eq!(normalise_entity("IT, växel och telefoni"), k);
        assert_eq!(normalise_entity("IT, växel, telefoni"), k);
        assert_eq!(normalise_entity("Servicenämnd IT, växel och telefoni"), k);
        assert_eq!(normalise_entity("Ekonomi"), "ekonomi");
    }

    #[test]
    fn column_headers_give_measure_and_period() {
        assert_eq!(
            header_measures("UB 2020"),
            vec![(Some("ub"), "2020".into())]
        );
        assert_eq!(
            header_measures("Utfall ack. aug 2021"),
            vec![(Some("utfall"), "2021-08".into())]
        );
        assert_eq!(
            header_measures("IB 2021 UB 2020"),
            vec![(Some("ib"), "2021".into()), (Some("ub"), "2020".into())]
        );
        assert_eq!(
            header_measures("Budget 2023-2025"),
            vec![(Some("budget"), "2023-2025".into())]
        );
        assert_eq!(
            header_measures("Prognos helår 2021"),
            vec![(Some("prognos"), "2021".into())]
        );
        assert_eq!(header_measures("2022"), vec![(None, "2022".into())]);
        assert!(header_measures("Avvikelse").is_empty());
    }

    #[test]
    fn a_header_spanning_every_column_names_none() {
        let cols = column_measures(&[
            "IB 2021 UB 2020".to_string(),
            "IB 2021 Utfall 2021".to_string(),
            "IB 2021 UB 2021".to_string(),
        ]);
        assert_eq!(
            cols,
            vec![
                vec![(Some("ub"), "2020".to_string())],
                vec![(Some("utfall"), "2021".to_string())],
                vec![(Some("ub"), "2021".to_string())],
            ]
        );
    }
}
