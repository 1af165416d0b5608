//! The one CSV writer of `export --format csv` and the audit's `findings.csv`
//! (`report::csv` adds the findings' columns).
//!
//! The default dialect is the one Excel and LibreOffice Calc open right with Swedish
//! settings: UTF-8 with a byte-order mark, `;` between fields, decimal comma, CRLF line
//! ends and no line break inside a field. `--csv-dialect rfc4180` gives the plain form
//! (no BOM, `,`, decimal point) for programs.
//!
//! Either way a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
//! is written with a leading `'` (OWASP's advice against formula injection), so a § title
//! such as `=HYPERLINK(…)` stays text; figures are [`Cell::Number`] and stay numbers.

use rust_decimal::Decimal;
use std::io::Write;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Dialect {
    /// UTF-8 with BOM, `;`, decimal comma: opens right in Excel/Calc with Swedish settings.
    #[default]
    Excel,
    /// RFC 4180: `,`, decimal point, no BOM.
    Rfc4180,
}

/// One cell: text (guarded against formulas) or a number (written in the dialect's
/// decimal notation, never guarded).
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(Decimal),
    Empty,
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_string())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}

impl From<Option<String>> for Cell {
    fn from(s: Option<String>) -> Self {
        s.map_or(Cell::Empty, Cell::Text)
    }
}

impl From<Option<&str>> for Cell {
    fn from(s: Option<&str>) -> Self {
        s.map_or(Cell::Empty, |s| Cell::Text(s.to_string()))
    }
}

impl From<Decimal> for Cell {
    fn from(d: Decimal) -> Self {
        Cell::Number(d)
    }
}

impl From<Option<Decimal>> for Cell {
    fn from(d: Option<Decimal>) -> Self {
        d.map_or(Cell::Empty, Cell::Number)
    }
}

impl From<u32> for Cell {
    fn from(n: u32) -> Self {
        Cell::Number(Decimal::from(n))
    }
}

impl From<Option<u32>> for Cell {
    fn from(n: Option<u32>) -> Self {
        n.map_or(Cell::Empty, |n| Cell::Number(Decimal::from(n)))
    }
}

impl From<Option<usize>> for Cell {
    fn from(n: Option<usize>) -> Self {
        n.map_or(Cell::Empty, |n| Cell::Number(Decimal::from(n as u64)))
    }
}

/// A text cell made safe for a spreadsheet: OWASP's formula guard, and in the Excel
/// dialect line breaks (and other control characters) turned into spaces.
pub fn text_cell(s: &str, dialect: Dialect) -> String {
    let mut t: String = match dialect {
        Dialect::Excel => s
            .chars()
            .map(|c| if c.is_control() && c != '\t' { ' ' } else { c })
            .collect(),
        Dialect::Rfc4180 => s.to_string(),
    };
    if t.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        t.insert(0, '\'');
    }
    t
}

/// A number in the dialect's notation: "-1234,5" (Excel, Swedish) or "-1234.5".
pub fn number_cell(d: Decimal, dialect: Dialect) -> String {
    let s = d.normalize().to_string();
    match dialect {
        Dialect::Excel => s.replace('.', ","),
        Dialect::Rfc4180 => s,
    }
}

pub struct CsvWriter<W: Write> {
    inner: ::csv::Writer<W>,
    dialect: Dialect,
}

impl<W: Write> CsvWriter<W> {
    /// Starts the file (the BOM, in the Excel dialect) and writes the header row.
    pub fn new(mut out: W, dialect: Dialect, header: &[&str]) -> std::io::Result<Self> {
        if dialect == Dialect::Excel {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let inner = ::csv::WriterBuilder::new()
            .delimiter(match dialect {
                Dialect::Excel => b';',
                Dialect::Rfc4180 => b',',
            })
            .terminator(::csv::Terminator::CRLF)
            .from_writer(out);
        let mut w = CsvWriter { inner, dialect };
        w.row(header.iter().map(|h| Cell::from(*h)))?;
        Ok(w)
    }

    pub fn row(&mut self, cells: impl IntoIterator<Item = Cell>) -> std::io::Result<()> {
        let fields: Vec<String> = cells
            .into_iter()
            .map(|c| match c {
                Cell::Text(s) => text_cell(&s, self.dialect),
                Cell::Number(d) => number_cell(d, self.dialect),
                Cell::Empty => String::new(),
            })
            .collect();
        self.inner
            .write_record(&fields)
            .map_err(std::io::Error::other)
    }

    pub fn finish(mut self) -> std::io::Result<W> {
        self.inner.flush()?;
        self.inner
            .into_inner()
            .map_err(|e| std::io::Error::other(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_guarded_and_figures_stay_numbers() {
        let mut out = Vec::new();
        let mut w = CsvWriter::new(&mut out, Dialect::Excel, &["a", "b", "c"]).unwrap();
        w.row([
            Cell::from("=HYPERLINK(\"http://x\";\"klicka\")"),
            Cell::Number(Decimal::new(-10735, 1)),
            Cell::from("rad ett\nrad två"),
        ])
        .unwrap();
        w.finish().unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "\u{feff}a;b;c\r\n\"'=HYPERLINK(\"\"http://x\"\";\"\"klicka\"\")\";-1073,5;rad ett rad två\r\n"
        );
        for bad in ["+1", "-x", "@SUM(A1)", "\tx", "\rx"] {
            assert!(
                text_cell(bad, Dialect::Rfc4180).starts_with('\''),
                "{bad:?}"
            );
        }
        assert_eq!(number_cell(Decimal::new(15, 1), Dialect::Rfc4180), "1.5");
    }
}
