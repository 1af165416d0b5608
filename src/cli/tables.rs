//! `justera tables PATH... [--format json]`: every table found, as an aligned grid with
//! the parsed values, or as JSON.

use super::common::InputArgs;
use crate::grammar::number::Unit;
use crate::table::{RowKind, Table};
use clap::{Args, ValueEnum};
use serde::Serialize;
use std::io::Write;

#[derive(Clone, Copy, Debug, Default, ValueEnum)]
pub enum TablesFormat {
    #[default]
    Human,
    Json,
}

#[derive(Debug, Args)]
pub struct TablesArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TablesFormat::Human)]
    pub format: TablesFormat,
}

/// The symbol a unit is written with; `None` for no unit.
pub fn unit_symbol(unit: Unit) -> Option<&'static str> {
    match unit {
        Unit::None => None,
        Unit::Kr => Some("kr"),
        Unit::Tkr => Some("tkr"),
        Unit::Mnkr => Some("mnkr"),
        Unit::Percent => Some("%"),
        Unit::Hours => Some("h"),
        Unit::Eur => Some("€"),
    }
}

/// One cell of `justera tables --format json`.
#[derive(Serialize)]
pub struct CellListing {
    pub raw: String,
    pub value: Option<String>,
    pub unit: Option<&'static str>,
    pub empty: bool,
    /// A footnote mark kept apart from the value ("¹").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mark: Option<String>,
    /// A note reference (a "Not" column): no figure.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub reference: bool,
    /// Why figure-like text was not read as a figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unread: Option<String>,
}

/// One row of `justera tables --format json`.
#[derive(Serialize)]
pub struct RowListing {
    pub label: String,
    pub kind: RowKind,
    pub cells: Vec<CellListing>,
}

/// One table as `justera tables --format json` lists it (a serialisation type; the
/// checks read tables through `check::view::TableView`).
#[derive(Serialize)]
pub struct TableListing {
    pub file: String,
    pub page: u32,
    pub line: u32,
    pub title: Option<String>,
    pub unit: Option<&'static str>,
    pub columns: Vec<String>,
    pub rows: Vec<RowListing>,
}

#[derive(Serialize)]
pub struct TablesOutput {
    pub tables: Vec<TableListing>,
}

/// The JSON shape of one table: `{"file", "page", "line", "title", "unit", "columns",
/// "rows": [{"label", "kind", "cells": [{"raw", "value", "unit", "empty"}]}]}`; a cell
/// adds `"mark"` (footnote mark), `"reference": true` (a "Not" column) or `"unread"`
/// (why its figure-like text was not read) when they apply.
pub fn table_listing(t: &Table) -> TableListing {
    TableListing {
        file: t.provenance.file.to_string(),
        page: t.provenance.page,
        line: t.provenance.line,
        title: t.title.clone(),
        unit: unit_symbol(t.unit),
        columns: t.columns.clone(),
        rows: t
            .rows
            .iter()
            .map(|r| RowListing {
                label: r.label.clone(),
                kind: r.kind,
                cells: r
                    .cells
                    .iter()
                    .map(|c| CellListing {
                        raw: c.raw.clone(),
                        value: c.value.map(|v| v.to_string()),
                        unit: unit_symbol(c.unit),
                        empty: c.empty,
                        mark: c.mark.clone(),
                        reference: c.reference,
                        unread: c.unread.clone(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn shown(c: &crate::table::Cell) -> String {
    match (c.value, unit_symbol(c.unit)) {
        (Some(v), Some(u)) => format!("{v} {u}"),
        (Some(v), None) => v.to_string(),
        (None, _) if c.empty => String::new(),
        (None, _) if c.reference => format!("Not {}", c.raw.trim()),
        (None, _) if c.unread.is_some() => format!("!{}", c.raw.trim()),
        (None, _) => c.raw.clone(),
    }
}

fn kind_mark(kind: RowKind) -> &'static str {
    match kind {
        RowKind::Data => " ",
        RowKind::Total => "=",
        RowKind::Subtotal => "-",
        RowKind::Heading => "#",
    }
}

/// The human form: a heading line, then the grid with parsed values right-aligned;
/// `=` marks totals, `-` subtotals, `#` group headings, `?` rows read more than one way.
pub fn render_human(t: &Table) -> String {
    let mut out = String::new();
    let unit = unit_symbol(t.unit).map_or(String::new(), |u| format!(" ({u})"));
    out.push_str(&format!(
        "{}:{}:{}: {}{}\n",
        t.provenance.file,
        t.provenance.page,
        t.provenance.line,
        t.title.as_deref().unwrap_or("(untitled table)"),
        unit
    ));
    let ncols = t.columns.len();
    let mut grid: Vec<Vec<String>> = Vec::new();
    let mut header = vec![t.label_header.clone().unwrap_or_default()];
    header.extend(t.columns.iter().cloned());
    grid.push(header);
    for r in &t.rows {
        let mut line = vec![r.label.clone()];
        line.extend(r.cells.iter().map(shown));
        line.resize(ncols + 1, String::new());
        grid.push(line);
    }
    let widths: Vec<usize> = (0..=ncols)
        .map(|c| {
            grid.iter()
                .map(|r| r.get(c).map_or(0, |s| s.chars().count()))
                .max()
                .unwrap_or(0)
                .min(48)
        })
        .collect();
    for (i, line) in grid.iter().enumerate() {
        let mark = if i == 0 {
            " "
        } else {
            let row = i - 1;
            if t.ambiguities.iter().any(|a| a.row == row) {
                "?"
            } else {
                t.rows.get(row).map_or(" ", |r| kind_mark(r.kind))
            }
        };
        let mut text = format!("{mark} ");
        for (c, cell) in line.iter().enumerate() {
            let cell: String = cell.chars().take(48).collect();
            let pad = widths[c].saturating_sub(cell.chars().count());
            if c == 0 {
                text.push_str(&cell);
                text.push_str(&" ".repeat(pad));
            } else {
                text.push_str(" | ");
                text.push_str(&" ".repeat(pad));
                text.push_str(&cell);
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
    for a in &t.ambiguities {
        out.push_str(&format!(
            "  ? {}: row {} reads as {}\n",
            a.provenance,
            a.row + 1,
            a.readings
                .iter()
                .map(|r| format!("[{}]", r.join(" | ")))
                .collect::<Vec<_>>()
                .join(" or ")
        ));
    }
    for u in &t.unread_rows {
        out.push_str(&format!(
            "  ! {}: row not read: {} ({})\n",
            u.provenance,
            u.text.trim(),
            u.reason
        ));
    }
    for r in &t.realigned {
        out.push_str(&format!(
            "  note: {}: figures moved under the columns they sum: {}\n",
            r.provenance,
            r.moves
                .iter()
                .map(|(f, to)| format!("{} → {}", f + 1, to + 1))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    out
}

/// Every table of one file, read through ingest and layout.
pub fn tables_of_file(
    path: &std::path::Path,
    opts: &crate::ingest::IngestOptions,
    vocab: &crate::grammar::vocab::Vocabulary,
) -> Result<Vec<Table>, crate::ingest::IngestError> {
    let ingested = crate::pipeline::ingest_file_isolated(path, opts)?;
    let mut laid_out = crate::layout::lay_out(ingested);
    let _ = crate::layout::read_english_figures(&mut laid_out, vocab);
    Ok(crate::table::extract(&laid_out, vocab))
}

pub fn run(args: TablesArgs, vocab: &crate::grammar::vocab::Vocabulary) -> u8 {
    let files = crate::ingest::collect_inputs(&args.input.paths);
    let opts = args.input.ingest_options();
    let mut failed = 0;
    let mut all = Vec::new();
    for path in &files {
        match tables_of_file(path, &opts, vocab) {
            Ok(tables) => all.extend(tables),
            Err(e) => {
                eprintln!("error: {e}");
                failed += 1;
            }
        }
    }
    // Written, not println!-ed: a reader that stops early (`| head`) closes the pipe, and
    // that ends the output quietly instead of panicking.
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        TablesFormat::Json => {
            let listing = TablesOutput {
                tables: all.iter().map(table_listing).collect(),
            };
            serde_json::to_writer_pretty(&mut out, &listing)
                .map_err(std::io::Error::from)
                .and_then(|_| writeln!(out))
        }
        TablesFormat::Human => all
            .iter()
            .try_for_each(|t| writeln!(out, "{}", render_human(t))),
    };
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: writing output: {e}");
            return super::exit::USAGE;
        }
    }
    if files.is_empty() || failed == files.len() {
        super::exit::USAGE
    } else {
        super::exit::OK
    }
}
