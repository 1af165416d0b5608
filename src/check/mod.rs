//! Stage 5: rules over the parsed documents. Each rule has a stable code, a family, a
//! default severity and an explanation (`justera explain CODE`); see `registry`.
//!
//! Table rules state relations (a total, a derived column, a share) and evaluate them
//! with rounding-aware interval arithmetic (`arith`); document rules look at prose,
//! pairs of tables and the protocol's formalia. Every relation evaluated is counted, so
//! a run can say how much it checked.

pub mod cross;
pub mod every_reading;
pub mod facts;
pub mod finding;
pub mod ocr;
pub mod registry;
pub mod rules;
pub mod view;

use crate::arith::Comparison;
use crate::document::Document;
use crate::grammar::vocab::Vocabulary;
use crate::table::Table;
use crate::Provenance;
use finding::{Finding, Severity, Stats};
use registry::Rule;
use std::cell::OnceCell;
use view::{CellRef, TableView};

/// One relation a table states, evaluated: which cell it checks, which cells it reads.
#[derive(Clone, Debug)]
pub struct Relation {
    pub rule: &'static Rule,
    pub severity: Severity,
    pub target: CellRef,
    pub inputs: Vec<CellRef>,
    pub comparison: Comparison,
    /// What went wrong, in the document's words (used when the relation fails).
    pub message: String,
    /// Failed, but only because an input is wrong that another relation reports.
    pub explained: bool,
    /// How each input enters the expected value (+1 or −1), where the rule states it (a
    /// sum, a difference); empty when it does not.
    pub weights: Vec<i8>,
}

impl Relation {
    pub fn new(
        rule: &'static Rule,
        target: CellRef,
        inputs: Vec<CellRef>,
        comparison: Comparison,
        message: String,
    ) -> Self {
        Relation {
            rule,
            severity: rule.severity,
            target,
            inputs,
            comparison,
            message,
            explained: false,
            weights: Vec::new(),
        }
    }
}

/// One table as the table rules see it: its view, and the analyses several rules share
/// (computed once, on first use).
pub struct TableCx<'a> {
    /// The table's index within its document.
    pub index: usize,
    pub table: &'a Table,
    pub view: TableView<'a>,
    totals: OnceCell<Vec<rules::sum::totals::Total>>,
    columns: OnceCell<Vec<rules::rel::columns::Derived>>,
    shares: OnceCell<Vec<rules::pct::shares::Shares>>,
    changes: OnceCell<Vec<rules::rel::rel007::Change>>,
    statement: OnceCell<rules::rel::statement::Statement>,
    /// Set when the table is part of a statement read across several tables (a
    /// balansräkning split at its group headings): the rows that statement claims; its
    /// relations are then checked on the joined table, not here.
    joined_claims: Option<Vec<usize>>,
}

impl<'a> TableCx<'a> {
    pub fn new(index: usize, table: &'a Table, vocab: &'a Vocabulary) -> Self {
        TableCx {
            index,
            table,
            view: TableView::new(table, vocab),
            totals: OnceCell::new(),
            columns: OnceCell::new(),
            shares: OnceCell::new(),
            changes: OnceCell::new(),
            statement: OnceCell::new(),
            joined_claims: None,
        }
    }

    /// A table whose statement relations are checked on the joined table it belongs to;
    /// `claimed` are its rows that statement reads.
    pub fn joined(
        index: usize,
        table: &'a Table,
        claimed: Vec<usize>,
        vocab: &'a Vocabulary,
    ) -> Self {
        let mut cx = TableCx::new(index, table, vocab);
        cx.joined_claims = Some(claimed);
        cx
    }

    /// Every total row, the rows it closes and how each of its columns compares.
    /// (Rows a financial statement's relations claim are left to those rules.)
    pub fn totals(&self) -> &[rules::sum::totals::Total] {
        self.totals.get_or_init(|| {
            let claimed = &self.statement().claimed;
            // A change in percent never adds up over rows.
            let changes: Vec<usize> = self.changes().iter().map(|c| c.percent).collect();
            let stands_for = self.statement().confirmed_parts();
            let mut totals =
                rules::sum::totals::analyse(&self.view, claimed, &changes, &stands_for);
            // Group totals written above their rows, outside financial statements (whose
            // own rules read their lines).
            if claimed.is_empty() {
                let above = rules::sum::totals::above(&self.view, claimed, &totals);
                totals.extend(above);
            }
            totals
        })
    }

    /// The financial statement (RR, BR, KF) the table is, its relations evaluated.
    pub fn statement(&self) -> &rules::rel::statement::Statement {
        self.statement.get_or_init(|| match &self.joined_claims {
            Some(claimed) => rules::rel::statement::Statement {
                steps: Vec::new(),
                claimed: claimed.clone(),
                sign_breaks: Vec::new(),
            },
            None => rules::rel::statement::analyse(&self.view),
        })
    }

    /// Every column that is the difference or sum of others.
    pub fn columns(&self) -> &[rules::rel::columns::Derived] {
        self.columns
            .get_or_init(|| rules::rel::columns::analyse(&self.view))
    }

    /// Every percent column that is a relative change of amounts of its row (REL007),
    /// except columns of shares (PCT001) and differences of percent columns (REL001).
    pub fn changes(&self) -> &[rules::rel::rel007::Change] {
        self.changes.get_or_init(|| {
            let shares: Vec<usize> = self.shares().iter().map(|s| s.percent).collect();
            let derived = self.columns().iter().filter(|d| d.holds_somewhere());
            let differences: Vec<usize> = derived
                .clone()
                .filter(|d| d.is_difference())
                .map(|d| d.col)
                .collect();
            let mut taken = shares;
            taken.extend(derived.map(|d| d.col));
            rules::rel::rel007::analyse(&self.view, &taken, &differences)
        })
    }

    /// Every percent column that is the rows' shares of a column total.
    pub fn shares(&self) -> &[rules::pct::shares::Shares] {
        self.shares
            .get_or_init(|| rules::pct::shares::analyse(&self.view))
    }
}

/// Every relation the table rules find in one table, holding or not. The mutation test
/// uses this to know which figures take part in a stated relation.
pub fn relations_for_table(table: &Table, vocab: &Vocabulary) -> Vec<Relation> {
    rules::table_relations(&TableCx::new(0, table, vocab))
}

/// True when `JUSTERA_TRACE_RELATIONS` is set: every relation checked is written to
/// standard error (file, rule or place, target, holds/fails), so a maintainer can see
/// which readings a table got without a debugger.
fn trace_relations() -> bool {
    static TRACE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *TRACE.get_or_init(|| std::env::var_os("JUSTERA_TRACE_RELATIONS").is_some())
}

/// Collects findings and coverage for one document.
pub struct Sink<'d> {
    pub document: &'d Document,
    /// The vocabulary the document's words are read with.
    pub vocab: &'d Vocabulary,
    pub findings: Vec<Finding>,
    pub stats: Stats,
}

impl<'d> Sink<'d> {
    pub fn new(document: &'d Document, vocab: &'d Vocabulary) -> Self {
        Sink {
            document,
            vocab,
            findings: Vec::new(),
            stats: Stats::default(),
        }
    }

    /// Counts one relation checked. With `JUSTERA_TRACE_RELATIONS` set, each is also
    /// written to standard error (see [`trace_relations`]) with the place that checked it.
    #[track_caller]
    pub fn checked(&mut self, holds: bool) {
        if trace_relations() {
            let at = std::panic::Location::caller();
            eprintln!(
                "relation\t{}\t{}:{}\t{}",
                self.document.provenance.file,
                at.file(),
                at.line(),
                if holds { "holds" } else { "fails" }
            );
        }
        self.stats.relations_checked += 1;
        if !holds {
            self.stats.relations_failed += 1;
        }
    }

    /// A finding at `provenance`, in this document; fields beyond the basics are set
    /// by the caller on the returned value.
    pub fn report(
        &mut self,
        rule: &'static Rule,
        severity: Severity,
        message: String,
        provenance: Provenance,
    ) -> &mut Finding {
        self.findings.push(Finding {
            document: self.document.title.clone(),
            ..Finding::new(rule.code, severity, message, provenance)
        });
        let last = self.findings.len() - 1;
        &mut self.findings[last]
    }

    /// [`Sink::table_relation`] for relations a document-level rule gathered per table
    /// (table index, its view, the relations) while it still borrowed the document.
    pub fn table_relations(&mut self, tables: &[(usize, TableView, Vec<Relation>)]) {
        for (t, view, rels) in tables {
            for rel in rels {
                self.table_relation(*t, view, rel);
            }
        }
    }

    /// Records a table relation: counted, and reported when it fails.
    pub fn table_relation(&mut self, table_index: usize, view: &TableView, rel: &Relation) {
        let holds = rel.comparison.holds;
        if rel.rule.family != registry::Family::Tab {
            if trace_relations() {
                let label = view
                    .table
                    .rows
                    .get(rel.target.row)
                    .map(|r| r.label.as_str());
                let column = view.table.columns.get(rel.target.col).map(String::as_str);
                eprintln!(
                    "relation\t{}\t{:?} table {} row {:?} column {} {:?}\t{}",
                    self.document.provenance.file,
                    rel.rule.code,
                    table_index,
                    label.unwrap_or(""),
                    rel.target.col,
                    column.unwrap_or(""),
                    if holds { "holds" } else { "fails" }
                );
            }
            self.stats.relations_checked += 1;
            if !holds || rel.explained {
                self.stats.relations_failed += 1;
            }
        }
        if holds {
            return;
        }
        let row = view.table.rows.get(rel.target.row);
        // The row's line, and where the target cell stands in it (for the caret).
        let provenance = row
            .map(|r| {
                let span = r.cells.get(rel.target.col).and_then(|c| c.span);
                r.provenance.clone().with_span(span)
            })
            .unwrap_or_else(|| view.table.provenance.clone());
        let paragraph = self.paragraph_of_table(table_index);
        let label = view.label(rel.target.row);
        let header = view.column_name(rel.target.col);
        let raw = view.raw(rel.target.row, rel.target.col).map(str::to_string);
        let c = rel.comparison;
        // A row whose split the table's own relations fixed (TAB001 otherwise): a relation
        // that fixed it is not also its finding (not decided), and any other finding
        // through it says how the split was fixed.
        let mut message = rel.message.clone();
        let mut severity = rel.severity;
        if severity != Severity::Info && rel.rule.family != registry::Family::Tab {
            let through =
                |row: usize| rel.target.row == row || rel.inputs.iter().any(|i| i.row == row);
            let fixed: Vec<&crate::table::FixedSplit> =
                view.table.fixed.iter().filter(|f| through(f.row)).collect();
            // The table stage fixes splits by sums only (totals, the statement's lines, a
            // difference column): a relation of another kind (a change in percent, a key
            // ratio) never fixed one.
            let sum_like = matches!(
                rel.rule.family,
                registry::Family::Sum | registry::Family::Bal
            ) || matches!(
                rel.rule.code.as_str(),
                "REL001" | "REL002" | "REL003" | "REL004" | "REL005" | "REL006"
            );
            if let Some(f) = fixed
                .iter()
                .find(|f| sum_like && f.by.contains(&rel.target.row))
            {
                severity = Severity::Info;
                message = format!(
                    "not decided: the split of row \"{}\" was fixed by this relation where it holds ({}), so where it fails it is no finding ({})",
                    view.label(f.row),
                    f.how,
                    rel.message
                );
            } else {
                for f in fixed {
                    message.push_str(&format!(
                        "; how the row \"{}\" was split into cells: {}",
                        view.label(f.row),
                        f.how
                    ));
                }
            }
        }
        let f = self.report(rel.rule, severity, message, provenance);
        f.table = Some(table_index);
        f.paragraph = paragraph;
        f.row = (!label.is_empty()).then_some(label);
        f.column = (!header.is_empty()).then_some(header);
        f.expected = Some(c.expected);
        f.found = Some(c.found);
        f.tolerance = Some(c.tolerance);
        f.figure = raw.filter(|r| !r.trim().is_empty());
    }

    /// The § a table belongs to, when the structure stage attached it to one.
    pub fn paragraph_of_table(&self, table_index: usize) -> Option<u32> {
        self.document
            .paragraphs
            .iter()
            .find(|p| p.tables.contains(&table_index))
            .map(|p| p.number)
    }

    /// The § whose text holds this line (by position), when the document has §§.
    pub fn paragraph_at(&self, at: &Provenance) -> Option<u32> {
        let key = (at.page, at.line);
        self.document
            .paragraphs
            .iter()
            .filter(|p| (p.provenance.page, p.provenance.line) <= key)
            .max_by_key(|p| (p.provenance.page, p.provenance.line))
            .map(|p| p.number)
    }
}

/// Runs every rule over one file's documents.
pub fn check_documents(documents: &[Document], vocab: &Vocabulary) -> (Vec<Finding>, Stats) {
    let check = |doc: &Document| {
        let mut sink = Sink::new(doc, vocab);
        rules::check_document(&mut sink);
        (sink.findings, sink.stats)
    };
    // A bundle's documents are checked in parallel inside a thread pool (the audit's;
    // as `parse::parse_file` does), in order.
    let checked: Vec<(Vec<Finding>, Stats)> =
        if documents.len() > 1 && rayon::current_thread_index().is_some() {
            use rayon::prelude::*;
            documents.par_iter().map(check).collect()
        } else {
            documents.iter().map(check).collect()
        };
    let mut findings = Vec::new();
    let mut stats = Stats::default();
    for (doc, (mut found, s)) in documents.iter().zip(checked) {
        findings.append(&mut found);
        stats.relations_checked += s.relations_checked;
        stats.relations_failed += s.relations_failed;
        stats.tables_unparsed += s.tables_unparsed;
        stats.cells += s.cells;
        stats.documents += 1;
        stats.paragraphs += doc.paragraphs.len() as u64;
        stats.tables += doc.tables.len() as u64;
    }
    findings.sort_by(|a, b| {
        (
            &a.provenance.file,
            a.provenance.page,
            a.provenance.line,
            &a.rule,
        )
            .cmp(&(
                &b.provenance.file,
                b.provenance.page,
                b.provenance.line,
                &b.rule,
            ))
    });
    (findings, stats)
}
