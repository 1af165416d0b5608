//! One module per rule, grouped by family (`rules/<family>/<code>.rs`), as ruff lays
//! out its rules: each file holds its rule's `RULE` (code, name, severity, explanation
//! and how it runs) and its check. The list below is the only place rules are named:
//! the registry, `explain`, the rule code type and the dispatch all come from it.
//!
//! Rules that read one kind of table relation share an analysis in their family
//! (`sum/totals.rs`, `rel/columns.rs`, `pct/shares.rs`), computed once per table; each
//! rule's file decides which of the analysis' relations are its own.

pub mod alloc;
pub mod bal;
pub mod form;
pub mod pct;
pub mod prod;
pub mod rel;
pub mod sum;
pub mod tab;
pub mod txt;
pub mod xdoc;
pub mod xref;

use super::registry::{Check, Rule};
use super::{Relation, Sink, TableCx};
use crate::document::DocumentKind;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Declares the rules: the [`RuleCode`] enum (one variant per code, spelled as the
/// code) and [`ALL`], both in the order given.
macro_rules! rules {
    ($($code:ident => $($module:ident)::+,)*) => {
        /// A rule's stable code; written (JSON, reports, diagnostics) as the code itself,
        /// e.g. "SUM001".
        #[allow(clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum RuleCode {
            $($code,)*
        }

        impl RuleCode {
            pub fn as_str(self) -> &'static str {
                match self {
                    $(RuleCode::$code => stringify!($code),)*
                }
            }

            /// The rule this code names.
            pub fn rule(self) -> &'static Rule {
                match self {
                    $(RuleCode::$code => &$($module)::+::RULE,)*
                }
            }
        }

        /// Every rule, in code order.
        pub static ALL: &[&Rule] = &[$(&$($module)::+::RULE,)*];
    };
}

rules! {
    SUM001 => sum::sum001,
    SUM002 => sum::sum002,
    SUM003 => sum::sum003,
    SUM004 => sum::sum004,
    SUM005 => sum::sum005,
    SUM006 => sum::sum006,
    REL001 => rel::rel001,
    REL002 => rel::rel002,
    REL003 => rel::rel003,
    REL004 => rel::rel004,
    REL005 => rel::rel005,
    REL006 => rel::rel006,
    REL007 => rel::rel007,
    REL008 => rel::rel008,
    REL009 => rel::rel009,
    REL010 => rel::rel010,
    REL011 => rel::rel011,
    REL012 => rel::rel012,
    REL013 => rel::rel013,
    PCT001 => pct::pct001,
    PCT002 => pct::pct002,
    PCT003 => pct::pct003,
    PCT004 => pct::pct004,
    PCT005 => pct::pct005,
    PROD001 => prod::prod001,
    PROD002 => prod::prod002,
    PROD003 => prod::prod003,
    PROD004 => prod::prod004,
    PROD005 => prod::prod005,
    PROD006 => prod::prod006,
    PROD007 => prod::prod007,
    ALLOC001 => alloc::alloc001,
    ALLOC002 => alloc::alloc002,
    BAL001 => bal::bal001,
    BAL002 => bal::bal002,
    BAL003 => bal::bal003,
    TXT001 => txt::txt001,
    TXT002 => txt::txt002,
    TXT003 => txt::txt003,
    TXT004 => txt::txt004,
    TXT005 => txt::txt005,
    TXT006 => txt::txt006,
    TXT007 => txt::txt007,
    TXT008 => txt::txt008,
    TXT009 => txt::txt009,
    TXT010 => txt::txt010,
    XREF001 => xref::xref001,
    XREF002 => xref::xref002,
    FORM001 => form::form001,
    FORM002 => form::form002,
    FORM003 => form::form003,
    FORM004 => form::form004,
    FORM005 => form::form005,
    FORM006 => form::form006,
    FORM007 => form::form007,
    FORM008 => form::form008,
    FORM009 => form::form009,
    FORM010 => form::form010,
    FORM011 => form::form011,
    TAB001 => tab::tab001,
    TAB002 => tab::tab002,
    TAB003 => tab::tab003,
    XDOC001 => xdoc::xdoc001,
    XDOC002 => xdoc::xdoc002,
    XDOC003 => xdoc::xdoc003,
}

impl RuleCode {
    /// The code for a string such as "SUM001" (exact spelling).
    pub fn parse(code: &str) -> Option<RuleCode> {
        ALL.iter().map(|r| r.code).find(|c| c.as_str() == code)
    }
}

impl std::fmt::Display for RuleCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

impl std::ops::Deref for RuleCode {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for RuleCode {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for RuleCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Codes order as their strings do, so every listing sorted by rule stays as it was.
impl Ord for RuleCode {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for RuleCode {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for RuleCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for RuleCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        RuleCode::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown rule code {s:?}")))
    }
}

/// Every relation the table rules state in one table, evaluated.
pub fn table_relations(cx: &TableCx) -> Vec<Relation> {
    let mut out = Vec::new();
    for rule in ALL {
        for check in rule.checks {
            if let Check::Relations(relations) = check {
                relations(cx, &mut out);
            }
        }
    }
    drop_consequences(&mut out);
    rows_not_read_among(cx.table, &mut out);
    out
}

/// A row the reader could not split into cells (TAB003, kept in the table's
/// `unread_rows`) that stands among the rows of a failing sum may be one of its parts: a
/// flattened "Helgelandssykehuset HF 0,7 0,4 …" between the rows of a SUM row makes the
/// sum fail by exactly its figures. Such a failure says nothing certain about the record,
/// so it is not decided (info), with the row named. Relations within one row (a
/// difference column) do not read other rows and stay as they are.
fn rows_not_read_among(table: &crate::table::Table, rels: &mut [Relation]) {
    use crate::check::finding::Severity;
    if table.unread_rows.is_empty() {
        return;
    }
    let place = |row: usize| {
        table
            .rows
            .get(row)
            .map(|r| (r.provenance.page, r.provenance.line))
    };
    for rel in rels.iter_mut() {
        if rel.comparison.holds
            || rel.severity == Severity::Info
            || rel.rule.family == crate::check::registry::Family::Tab
            || rel.inputs.iter().all(|i| i.row == rel.target.row)
        {
            continue;
        }
        let places: Vec<(u32, u32)> = std::iter::once(rel.target.row)
            .chain(rel.inputs.iter().map(|i| i.row))
            .filter_map(place)
            .collect();
        let (Some(&first), Some(&last)) = (places.iter().min(), places.iter().max()) else {
            continue;
        };
        // A total standing first (or last) may have a part not read just past its last
        // (before its first) row, where no read row of the table stands between: "I alt"
        // over the rows under it, then a glued line under the table's last row.
        let target = place(rel.target.row);
        let row_between = |a: (u32, u32), b: (u32, u32)| {
            table.rows.iter().any(|r| {
                let at = (r.provenance.page, r.provenance.line);
                a < at && at < b
            })
        };
        let just_past = |at: (u32, u32)| {
            (target == Some(first)
                && at.0 == last.0
                && at.1 > last.1
                && at.1 <= last.1 + 2
                && !row_between(last, at))
                || (target == Some(last)
                    && at.0 == first.0
                    && at.1 < first.1
                    && at.1 + 2 >= first.1
                    && !row_between(at, first))
        };
        let among = table.unread_rows.iter().find(|u| {
            let at = (u.provenance.page, u.provenance.line);
            first <= at && at <= last || just_past(at)
        });
        let place_word = match among {
            Some(u) if (u.provenance.page, u.provenance.line) > last => "just under",
            Some(u) if (u.provenance.page, u.provenance.line) < first => "just above",
            _ => "among",
        };
        if let Some(u) = among {
            // A flattened row's label may carry the prose before it: its last words name it.
            let label = if u.label.trim().is_empty() {
                &u.text
            } else {
                &u.label
            };
            let words: Vec<&str> = label.split_whitespace().collect();
            let name = if words.len() > 8 {
                format!("… {}", words[words.len() - 8..].join(" "))
            } else {
                words.join(" ")
            };
            rel.severity = Severity::Info;
            rel.message = format!(
                "not decided: row \"{name}\" {place_word} its rows was not read (TAB003) and may be one of its parts ({})",
                rel.message
            );
        }
    }
}

/// One wrong figure breaks every relation it enters. A failing relation whose own
/// figure is confirmed by another relation, and which reads a figure that another
/// relation already shows wrong, only echoes that finding (e.g. a wrong Prognos total
/// also breaks "Avvikelse = Budget − Prognos" on the total row, whose Avvikelse is
/// right); it stays counted but is not reported.
fn drop_consequences(rels: &mut [Relation]) {
    use std::collections::HashSet;
    let confirmed: HashSet<_> = rels
        .iter()
        .filter(|r| r.comparison.holds)
        .map(|r| r.target)
        .collect();
    let wrong: HashSet<_> = rels
        .iter()
        .filter(|r| !r.comparison.holds)
        .map(|r| r.target)
        .collect();
    for r in rels.iter_mut() {
        if !r.comparison.holds
            && confirmed.contains(&r.target)
            && r.inputs.iter().any(|i| wrong.contains(i))
        {
            r.comparison.holds = true;
            r.explained = true;
        }
    }
    drop_knock_ons(rels);
}

/// A wrong figure that is itself the result of a relation (a subtotal, an allocated
/// amount) also breaks every sum that reads it, by the same amount: a Kassaflöde från
/// investeringsverksamheten 27 off makes Årets kassaflöde 27 off too, though Årets
/// kassaflöde is right. A failing sum, difference or balance whose gap is the gap of a
/// failing relation on one of its inputs (within both tolerances) is explained by it:
/// counted, not reported. Only relations whose inputs enter with weight ±1 (the Sum, Rel
/// and Bal families) can be explained this way; a relation already explained explains
/// nothing, so of two relations that read each other's figure only one is kept.
/// Likewise of two failing relations on the same figure only the more severe is reported.
fn drop_knock_ons(rels: &mut [Relation]) {
    use crate::check::registry::Family;
    let gap = |r: &Relation| (r.comparison.found - r.comparison.expected).abs();
    // A change in percent (REL007) is a ratio, not a sum or difference: its gap is in
    // percent, not in the amounts' unit.
    let linear = |r: &Relation| {
        matches!(r.rule.family, Family::Sum | Family::Rel | Family::Bal)
            && r.rule.code != RuleCode::REL007
    };
    let arithmetic =
        |r: &Relation| linear(r) || matches!(r.rule.family, Family::Alloc | Family::Pct);
    for g in 0..rels.len() {
        let rel = &rels[g];
        if rel.comparison.holds || !arithmetic(rel) {
            continue;
        }
        let usable = |by: &Relation| !by.comparison.holds && !by.explained && arithmetic(by);
        let knock_on = rels.iter().enumerate().any(|(f, by)| {
            f != g
                && usable(by)
                && linear(rel)
                && rel.inputs.contains(&by.target)
                && (gap(rel) - gap(by)).abs() <= rel.comparison.tolerance + by.comparison.tolerance
        });
        // Two relations that find the same figure wrong (a total that is neither its
        // column's sum nor n equal parts) are one defect: the more severe finding reports
        // it (of equal ones, the one reading fewer figures, the plainer statement: "is not
        // Summa tillgångar" before "is not its subtotals"; then the first), and says the
        // other relation agrees.
        let rank = |r: &Relation, i: usize| {
            (
                r.severity,
                std::cmp::Reverse(r.inputs.len()),
                std::cmp::Reverse(i),
            )
        };
        let same_figure = rels.iter().enumerate().position(|(f, by)| {
            f != g && usable(by) && by.target == rel.target && rank(by, f) > rank(rel, g)
        });
        // One wrong figure read by two failing relations is one defect too, when both
        // miss by what the same error in that figure would explain: two sums or
        // differences sharing an input, each failing by that input's error times its
        // weight (Äldreomsorg's Kostnader, 30,0 off, breaks its row's Nettokostnad and
        // the group total above it by 30,0 and 30,1; a wrong Prognos that breaks its
        // row's Avvikelse by +9 and the column total by +10 needs errors of +9 and −10:
        // two defects), or a share and an
        // allocation each reading the other's figure (a "% fördel" that is not
        // Användare / Totalt, and Användare that is not its share by that %).
        // The error a wrong input x would put in a relation: the relation misses by
        // −weight(x)·error, so each failing relation names the error it needs from x.
        let error_of = |r: &Relation, x: &crate::check::view::CellRef| {
            let k = r.inputs.iter().position(|i| i == x)?;
            let w = Decimal::from(*r.weights.get(k)?);
            Some(-(r.comparison.found - r.comparison.expected) / w)
        };
        let shared = rels.iter().enumerate().position(|(f, by)| {
            let one_input = linear(rel)
                && linear(by)
                && !rel.inputs.contains(&by.target)
                && !by.inputs.contains(&rel.target)
                && rel
                    .inputs
                    .iter()
                    .any(|x| match (error_of(rel, x), error_of(by, x)) {
                        (Some(a), Some(b)) => {
                            (a - b).abs() <= rel.comparison.tolerance + by.comparison.tolerance
                        }
                        _ => false,
                    });
            let proportional = |r: &Relation| matches!(r.rule.family, Family::Alloc | Family::Pct);
            let each_other = proportional(rel)
                && proportional(by)
                && rel.rule.family != by.rule.family
                && rel.inputs.contains(&by.target)
                && by.inputs.contains(&rel.target);
            f != g
                && usable(by)
                && by.target != rel.target
                && (one_input || each_other)
                && rank(by, f) > rank(rel, g)
        });
        let same_figure = same_figure.or(shared);
        if knock_on || same_figure.is_some() {
            if let (false, Some(f)) = (knock_on, same_figure) {
                let also = rels[g]
                    .message
                    .split("; ")
                    .next()
                    .unwrap_or_default()
                    .to_string();
                rels[f].message.push_str(&format!(" (also: {also})"));
            }
            rels[g].comparison.holds = true;
            rels[g].explained = true;
        }
    }
}

/// The rules' regexes that every document's lines are searched with (the quick
/// filters) and the figure regex behind one (any amount with a unit), for
/// [`crate::grammar::re::warm_in_background`].
pub(crate) fn regexes() -> Vec<&'static crate::grammar::re::Re> {
    let mut all = vec![
        txt::prose::maybe_figure_re(),
        form::form008::maybe_placeholder_re(),
        txt::prose::figure_re(),
        txt::txt002::total_word_re(),
        txt::prose::amount_re(),
    ];
    all.extend(txt::txt005::regexes());
    all.extend(txt::txt006::regexes());
    all
}

/// Runs every per-document rule over one document.
pub fn check_document(sink: &mut Sink) {
    let (doc, vocab) = (sink.document, sink.vocab);
    // Financial statements read as several tables (split at their group headings) are
    // checked joined; their pieces leave the statement's rows to that check.
    let mut claims: Vec<Option<Vec<usize>>> = vec![None; doc.tables.len()];
    for group in rel::statement::groups(&doc.tables, vocab) {
        let cx = TableCx::new(group.first(), &group.table, vocab);
        let st = cx.statement();
        if st.steps.is_empty() {
            continue;
        }
        for &t in &group.tables {
            claims[t].get_or_insert_with(Vec::new);
        }
        for &m in &st.claimed {
            let (t, r) = group.rows[m];
            if let Some(c) = claims[t].as_mut() {
                c.push(r);
            }
        }
        let mut rels = Vec::new();
        rel::statement::all_relations(&cx.view, st, &mut rels);
        drop_consequences(&mut rels);
        rows_not_read_among(&group.table, &mut rels);
        for rel in rels {
            sink.table_relation(group.first(), &cx.view, &rel);
        }
    }
    for (i, table) in doc.tables.iter().enumerate() {
        let cx = match claims[i].take() {
            Some(claimed) => TableCx::joined(i, table, claimed, vocab),
            None => TableCx::new(i, table, vocab),
        };
        let view = &cx.view;
        sink.stats.cells += view
            .cells
            .iter()
            .enumerate()
            .map(|(r, row)| {
                (0..row.len())
                    .filter(|c| view.figure(r, *c).is_some())
                    .count() as u64
            })
            .sum::<u64>();
        for rel in table_relations(&cx) {
            sink.table_relation(i, view, &rel);
        }
        for rule in ALL {
            for check in rule.checks {
                if let Check::Table(check) = check {
                    check(&cx, sink);
                }
            }
        }
    }
    let protocol = doc.kind == DocumentKind::Protokoll;
    for rule in ALL {
        for check in rule.checks {
            match check {
                Check::Document(check) => check(sink),
                Check::Protocol(check) if protocol => check(sink),
                _ => {}
            }
        }
    }
}
