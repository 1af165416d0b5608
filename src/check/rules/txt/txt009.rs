//! TXT009: the total or count the sentence introducing a table states, against the table.

use super::txt006::{date_follows, figures, is_year, sentences, Fig, Kind};
use crate::arith::{compare, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;
use crate::document::SourceLine;
use crate::grammar::number::Unit;
use crate::table::{RowKind, Table};
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: RuleCode::TXT009,
    name: "lede-total-against-table",
    family: Family::Txt,
    severity: Severity::Error,
    summary: "The sentence introducing a table states a total of one of its columns (or a count of its rows) that the table does not make",
    explanation: "Lists of grants, applications and allocations are introduced by a sentence that \
sums them up before the table lists them one a row: \"I år kom det in 12 ansökningar om totalt \
412 500 kronor. Det finns 300 000 kronor att dela ut.\" over a table Sökande | Projekt | Ansökt | \
Beviljat of 12 rows whose Totalsumma row prints 412 390 | 300 000.\n\nWhat is read. The lines \
of prose right before a table on its page (at most eight, none of another table) and the three \
right after it (\"Tabell 1 viser at … var totalt på 4,737 mrd. kroner.\"), sentence by \
sentence: a money figure after a total word (totalt, sammanlagt, i alt, til sammen, samlet, \
yhteensä, alls; grammars/ledes.vocab `total`, with no other figure between) is a stated total; \
a whole number right before a noun that counts the items of a list (ansökningar, föreningar, \
projekt, søknader, tiltak, skoler, partier; `rows`) is a stated count of rows. The table's \
money columns are totalled by its own total row (the table's one Total row, its last) and by \
the sum of its data rows, each figure with the precision it is written in.\n\nWhat is checked. A \
stated total that meets one column's total (printed or summed) holds: a relation checked. \
One that meets none is an error only when the reading is certain: exactly one column's total \
is within 2 % of it (the others further: the figure can mean only that column), the table is \
complete — it prints its own total, or the sentence's count of rows equals the rows read —, no \
single figure of the table equals it (it could be a row's), and it is not approximate (cirka, \
omkring, noin: widened by 10 % as TXT006 does; drygt, nästan, närmare: a bound, a miss not \
decided). A total more than 2 % from every column is about something else and is not read; \
one near two columns, or of a table that may be partial, is information (\"not decided\"). \
A stated count of rows in the sentence that also states the table's total is compared with \
the rows read: equal, a relation checked; different, information (one row may hold two \
applications, or the count include some the table leaves out).\n\nExample (invented): a lede \
states 412 500 kronor for 12 applications; the Ansökt column of its 12 rows sums to 412 390 = \
its Totalsumma, and 412 500 written to the hundred is 412 450 to 412 550: an error. Its \
300 000 kronor to give out equals the Beviljat column's total.",
    checks: &[Check::Document(check)],
};

/// How many lines of prose before a table are read as its lede.
const LEDE_LINES: usize = 8;

/// How many lines of prose right after a table are read as summing it up.
const AFTER_LINES: usize = 3;

/// A stated total further than this from a column's (1/50: 2 %) is about something else.
fn near(a: Decimal, b: Decimal) -> bool {
    (a - b).abs() * Decimal::from(50) < a.abs().max(b.abs())
}

/// One money column of a table: what its rows sum to and the total it prints.
struct Column {
    index: usize,
    header: String,
    /// Kronor per unit written; the usual readings (kr, tkr) when the table does not say.
    scales: Vec<Decimal>,
    sum: Interval,
    printed: Option<Interval>,
    cells: Vec<Interval>,
}

impl Column {
    fn name(&self) -> String {
        if self.header.trim().is_empty() {
            format!("column {}", self.index + 1)
        } else {
            format!("column {} (\"{}\")", self.index + 1, self.header.trim())
        }
    }

    /// The column's totals in kronor: (scale, printed, summed).
    fn totals(&self) -> impl Iterator<Item = (Decimal, Option<Interval>, Interval)> + '_ {
        self.scales
            .iter()
            .map(|&s| (s, self.printed.map(|p| p.scale(s)), self.sum.scale(s)))
    }
}

/// The table's data rows and, when it closes with its own total, that row.
fn columns(table: &Table, euro: bool) -> Option<(usize, bool, Vec<Column>)> {
    let data: Vec<_> = table
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Data)
        .collect();
    if data.len() < 2 || table.rows.iter().any(|r| r.kind == RowKind::Subtotal) {
        return None;
    }
    let totals: Vec<_> = table
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Total)
        .collect();
    let closed = match totals.as_slice() {
        [] => None,
        [t] if table.rows.last().is_some_and(|l| std::ptr::eq(l, *t)) => Some(*t),
        _ => return None,
    };
    let width = table.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let mut out = Vec::new();
    for c in 0..width {
        let cells: Vec<_> = data.iter().filter_map(|r| r.cells.get(c)).collect();
        if cells
            .iter()
            .any(|cell| matches!(cell.unit, Unit::Percent | Unit::Hours) || cell.unread.is_some())
            || cells.iter().filter(|cell| cell.value.is_some()).count() < 2
            || cells.iter().any(|cell| cell.reference)
        {
            continue;
        }
        let unit = cells
            .iter()
            .map(|cell| cell.unit)
            .find(|u| *u != Unit::None)
            .unwrap_or(table.unit);
        let scales = match (unit, euro) {
            (Unit::Eur, true) => vec![Decimal::ONE],
            (Unit::Eur, false) | (_, true) => continue,
            (u, false) => match u.kronor_scale() {
                Some(s) => vec![s],
                None => vec![Decimal::ONE, Decimal::from(1_000)],
            },
        };
        let written: Vec<Interval> = cells
            .iter()
            .filter_map(|cell| cell.value.map(|v| Interval::written(v, cell.decimals)))
            .collect();
        let printed = closed
            .and_then(|t| t.cells.get(c))
            .and_then(|cell| cell.value.map(|v| Interval::written(v, cell.decimals)));
        if closed.is_some() && printed.is_none() {
            continue;
        }
        out.push(Column {
            index: c,
            header: table.columns.get(c).cloned().unwrap_or_default(),
            scales,
            sum: Interval::sum(written.iter().copied()),
            printed,
            cells: written,
        });
    }
    Some((data.len(), closed.is_some(), out))
}

/// Whether the words right before byte `at` of `s` hold a total word, with no figure and
/// at most 40 bytes between it and the figure.
fn after_total_word(s: &str, at: usize, words: &[String]) -> bool {
    let from = s[..at]
        .char_indices()
        .rev()
        .take_while(|(k, _)| at - k <= 48)
        .last()
        .map_or(at, |(k, _)| k);
    let head = s[from..at].to_lowercase();
    words.iter().any(|w| {
        head.match_indices(w.as_str()).any(|(k, _)| {
            let before = head[..k].chars().next_back();
            let gap = &head[k + w.len()..];
            before.is_none_or(|c| !c.is_alphanumeric())
                && gap.chars().next().is_none_or(|c| !c.is_alphanumeric())
                && gap.len() <= 40
                && !gap.contains(|c: char| c.is_ascii_digit())
        })
    })
}

/// The noun right after a whole number, lower case.
fn noun_after(s: &str, f: &Fig) -> Option<String> {
    if let Kind::Count(noun) = f.kind {
        return Some(noun.to_string());
    }
    let rest = s[f.end..].strip_prefix([' ', '\u{a0}'])?;
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    (!word.is_empty()).then(|| word.to_lowercase())
}

/// The count of rows a sentence states: one whole number before a `rows` noun.
fn stated_count(s: &str, figs: &[Fig], rows: &[String]) -> Option<(usize, Decimal)> {
    let mut found = figs.iter().enumerate().filter(|(_, f)| {
        matches!(f.kind, Kind::Bare | Kind::Count(_))
            && f.decimals == 0
            && !f.approx
            && !f.around
            && f.value >= Decimal::ONE
            && !is_year(f)
            && !date_follows(s, f)
            && noun_after(s, f).is_some_and(|n| rows.contains(&n))
    });
    let (k, f) = found.next()?;
    found.next().is_none().then_some((k, f.value))
}

/// The values a stated total may stand for: its rounding (TXT006's reading, an `around`
/// figure widened), and, for a whole figure ending in zeros, rounding to its last
/// non-zero digit ("412 500" may be 412 450 to 412 550): a total in a lede is often rounded.
fn stated_interval(f: &Fig) -> Interval {
    let i = f.interval();
    if f.decimals > 0 || f.value.is_zero() {
        return i;
    }
    let mut unit = Decimal::ONE;
    let mut v = f.value.abs();
    while (v % Decimal::TEN).is_zero() && unit < Decimal::from(1_000_000) {
        v /= Decimal::TEN;
        unit *= Decimal::TEN;
    }
    let half = unit / Decimal::TWO;
    Interval {
        nominal: i.nominal,
        lo: i.lo.min(f.value - half),
        hi: i.hi.max(f.value + half),
    }
}

fn is_euro(s: &str, f: &Fig) -> bool {
    let unit = s[f.num_end..f.end].to_lowercase();
    unit.contains("eur") || unit.contains('€')
}

pub fn check(sink: &mut Sink) {
    let doc = sink.document;
    if doc.tables.is_empty() {
        return;
    }
    let in_tables: std::collections::HashSet<(u32, u32)> = doc
        .tables
        .iter()
        .flat_map(|t| t.rows.iter())
        .map(|r| (r.provenance.page, r.provenance.line))
        .collect();
    let totals = sink.vocab.words("ledes", "total").to_vec();
    let rows = sink.vocab.words("ledes", "rows").to_vec();
    for table in &doc.tables {
        let Some(first) = table.rows.first() else {
            continue;
        };
        let at = &first.provenance;
        let starts = table.provenance.line.min(at.line);
        // The lines of the page above the table, back to the rows of a table before it.
        let mut lede: Vec<&SourceLine> = doc
            .lines
            .iter()
            .filter(|l| {
                *l.provenance.file == *at.file
                    && l.provenance.page == at.page
                    && l.provenance.line < starts
            })
            .collect();
        if let Some(k) = lede
            .iter()
            .rposition(|l| in_tables.contains(&(l.provenance.page, l.provenance.line)))
        {
            lede.drain(..=k);
        }
        lede.retain(|l| !l.text.trim().is_empty());
        let lede = &lede[lede.len().saturating_sub(LEDE_LINES)..];
        // The lines right after the table, up to the rows of a table after it.
        let ends = table
            .rows
            .iter()
            .map(|r| r.provenance.line)
            .max()
            .unwrap_or(0);
        let after: Vec<&SourceLine> = doc
            .lines
            .iter()
            .filter(|l| {
                *l.provenance.file == *at.file
                    && l.provenance.page == at.page
                    && l.provenance.line > ends
            })
            .take_while(|l| !in_tables.contains(&(l.provenance.page, l.provenance.line)))
            .filter(|l| !l.text.trim().is_empty())
            .take(AFTER_LINES)
            .collect();
        let placed = lede
            .iter()
            .map(|l| (*l, "below"))
            .chain(after.iter().map(|l| (*l, "above")));
        for (line, place) in placed {
            for (from, to) in sentences(&line.text) {
                let s = &line.text[from..to];
                if !s.contains(|c: char| c.is_ascii_digit()) {
                    continue;
                }
                let mut figs = figures(s);
                super::approx::read(s, &mut figs, sink.vocab);
                let count = stated_count(s, &figs, &rows);
                for f in &figs {
                    let Kind::Money(scale) = f.kind else { continue };
                    if f.value <= Decimal::ZERO || !after_total_word(s, f.start, &totals) {
                        continue;
                    }
                    let Some((n_rows, closed, cols)) = columns(table, is_euro(s, f)) else {
                        continue;
                    };
                    let stated = Stated {
                        line,
                        from,
                        s,
                        fig: f,
                        said: stated_interval(f).scale(scale),
                        count: count.map(|(_, n)| n),
                        place,
                    };
                    judge(sink, table, &stated, n_rows, closed, &cols);
                }
            }
        }
    }
}

/// A total the lede states, with the count of rows its sentence states.
struct Stated<'a> {
    line: &'a SourceLine,
    /// Where the sentence starts in its line.
    from: usize,
    s: &'a str,
    fig: &'a Fig,
    /// In kronor, rounding-aware (an `around` figure widened).
    said: Interval,
    count: Option<Decimal>,
    /// Where the table stands from the sentence: "below" (a lede) or "above".
    place: &'static str,
}

fn judge(
    sink: &mut Sink,
    table: &Table,
    st: &Stated,
    n_rows: usize,
    closed: bool,
    cols: &[Column],
) {
    let p = st.said;
    // Holds against a column: printed or summed.
    let holding = cols.iter().find_map(|c| {
        c.totals().find_map(|(s, printed, sum)| {
            if printed.is_some_and(|t| t.meets(&p)) {
                Some((c, s, printed.unwrap_or(sum)))
            } else if sum.meets(&p) {
                Some((c, s, sum))
            } else {
                None
            }
        })
    });
    let rows_counted = st.count.is_some_and(|n| n == Decimal::from(n_rows as u64));
    if holding.is_some() {
        sink.checked(true);
        count_relation(sink, st, n_rows);
        return;
    }
    // The columns whose total is within 2 % of the stated one.
    let near_cols: Vec<(&Column, Decimal, Interval)> = cols
        .iter()
        .filter_map(|c| {
            c.totals().find_map(|(s, printed, sum)| {
                let t = printed.unwrap_or(sum);
                (near(t.nominal, p.nominal) || near(sum.nominal, p.nominal)).then_some((c, s, t))
            })
        })
        .collect();
    let [(col, scale, total)] = near_cols.as_slice() else {
        if near_cols.len() > 1 {
            let names: Vec<String> = near_cols.iter().map(|(c, _, _)| c.name()).collect();
            let c = compare(near_cols[0].2, p);
            sink.checked(false);
            report(
                sink,
                st,
                false,
                format!(
                    "not decided: the text states a total of {} for the table {}, which meets no column's total, and {} all come within 2 % of it: which column it means is not certain",
                    written(st),
                    st.place,
                    names.join(" and ")
                ),
                &c,
            );
        }
        return;
    };
    let c = compare(*total, p);
    sink.checked(false);
    let sum_k = col.sum.scale(*scale);
    let single = cols.iter().any(|k| {
        k.cells
            .iter()
            .any(|cell| k.scales.iter().any(|s| cell.scale(*s).meets(&p)))
    });
    let how_total = match col.printed {
        Some(pt) => format!(
            "its own total row prints {} and its {} rows sum to {}",
            pt.scale(*scale).nominal.normalize(),
            n_rows,
            sum_k.nominal.normalize()
        ),
        None => format!("its {} rows sum to {}", n_rows, sum_k.nominal.normalize()),
    };
    let others: Vec<String> = cols
        .iter()
        .filter(|k| k.index != col.index)
        .filter_map(|k| {
            k.totals().next().map(|(_, printed, sum)| {
                format!(
                    "{} totals {}",
                    k.name(),
                    printed.unwrap_or(sum).nominal.normalize()
                )
            })
        })
        .collect();
    let why = {
        let mut w = Vec::new();
        if closed {
            w.push("the table prints its own total".to_string());
        }
        if rows_counted {
            w.push(format!("the sentence counts {n_rows} rows, the rows read"));
        }
        if !others.is_empty() {
            w.push(format!(
                "no other column comes within 2 % ({})",
                others.join(", ")
            ));
        }
        w.join("; ")
    };
    let complete = closed || rows_counted;
    let doubt = if st.fig.approx {
        Some("the text calls the figure a bound (drygt, nästan, närmare), not the total itself")
    } else if !complete {
        Some("the table may list only part of what the total counts (it prints no total of its own and the text counts no rows it has)")
    } else if single {
        Some("a single figure of the table equals it: the text may speak of that row")
    } else {
        None
    };
    let around = if st.fig.around {
        " (read as approximate, widened by its allowance)"
    } else {
        ""
    };
    let message = match doubt {
        None => format!(
            "the text states a total of {}{around} for the table {}, but the table's {} totals {} ({how_total}): the two cannot both be the total; the reading is trusted because {why}",
            written(st),
            st.place,
            col.name(),
            total.nominal.normalize(),
        ),
        Some(reason) => format!(
            "not decided: the text states a total of {}{around} for the table {} and the table's {} totals {} ({how_total}); {reason}",
            written(st),
            st.place,
            col.name(),
            total.nominal.normalize(),
        ),
    };
    report(sink, st, doubt.is_none(), message, &c);
    count_relation(sink, st, n_rows);
    let _ = table;
}

/// The count of rows the sentence states, against the rows read: equal, a relation
/// checked; different, information.
fn count_relation(sink: &mut Sink, st: &Stated, n_rows: usize) {
    let Some(n) = st.count else { return };
    let rows = Decimal::from(n_rows as u64);
    sink.checked(n == rows);
    if n == rows {
        return;
    }
    let c = compare(Interval::exact(rows), Interval::exact(n));
    report(
        sink,
        st,
        false,
        format!(
            "not decided: the text counts {} items in the sentence that states the table's total, the table {} it lists {n_rows} rows (a row may hold two items, or the count include some the table leaves out)",
            n.normalize(),
            st.place
        ),
        &c,
    );
}

fn written(st: &Stated) -> String {
    format!("\"{}\"", st.s[st.fig.start..st.fig.end].trim())
}

fn report(
    sink: &mut Sink,
    st: &Stated,
    decided: bool,
    message: String,
    c: &crate::arith::Comparison,
) {
    super::prose::report_stated(
        sink,
        &RULE,
        decided,
        message,
        st.line,
        (st.from + st.fig.start, st.from + st.fig.end),
        c,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The findings and relations of TXT009 over `text`, whose tab-separated lines after its
    /// first blank line are read as one table (header first, a "Totalsumma" row its total).
    fn run(text: &str) -> (Vec<(Severity, String, String)>, u64, u64) {
        use crate::table::{Cell, Row, TableSource};
        let mut doc = crate::document::Document::of_text_lines(text);
        let tab: Vec<&SourceLine> = doc.lines.iter().filter(|l| l.text.contains('\t')).collect();
        let header: Vec<String> = tab[0]
            .text
            .split('\t')
            .skip(1)
            .map(str::to_string)
            .collect();
        let rows = tab[1..]
            .iter()
            .map(|l| {
                let mut parts = l.text.split('\t');
                let label = parts.next().unwrap_or_default().to_string();
                let cells = parts
                    .map(|c| Cell {
                        raw: c.to_string(),
                        value: c.replace(' ', "").parse::<Decimal>().ok(),
                        ..Cell::default()
                    })
                    .collect();
                Row {
                    kind: if label.starts_with("Totalsumma") {
                        RowKind::Total
                    } else {
                        RowKind::Data
                    },
                    label,
                    cells,
                    bold: false,
                    provenance: l.provenance.clone(),
                }
            })
            .collect();
        let table = Table {
            title: None,
            unit: Unit::None,
            columns: header,
            label_header: None,
            rows,
            source: TableSource::Delimited,
            provenance: tab[0].provenance.clone(),
            ambiguities: Vec::new(),
            fixed: Vec::new(),
            realigned: Vec::new(),
            unread_rows: Vec::new(),
        };
        doc.tables.push(table);
        super::super::run_on_doc(&doc, check, RuleCode::TXT009)
    }

    const RATTVIK: &str = "2023 kom det in 4 ansökningar om totalt 107 500 kronor. Det finns 60 000 kronor att dela ut.\n\nSökande\tAnsökt\tBeviljat\nA-föreningen\t27 000\t27 000\nB-föreningen\t15 000\t15 000\nC-föreningen\t35 000\t0\nD-föreningen\t30 390\t18 000\nTotalsumma\t107 390\t60 000\n";

    #[test]
    fn a_lede_total_that_misses_its_column_is_an_error() {
        let (f, checked, failed) = run(RATTVIK);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Severity::Error);
        assert!(f[0].2.contains("107390"), "{}", f[0].2);
        assert_eq!((checked, failed), (2, 1));
    }

    #[test]
    fn a_lede_total_that_meets_its_column_holds() {
        let text = RATTVIK.replace("107 500", "107 390");
        let (f, checked, failed) = run(&text);
        assert!(f.is_empty(), "{f:?}");
        assert_eq!((checked, failed), (2, 0));
    }

    #[test]
    fn an_approximate_or_far_total_is_no_error() {
        let text = RATTVIK.replace("om totalt 107 500", "om totalt drygt 107 500");
        let (f, _, _) = run(&text);
        assert!(f.iter().all(|x| x.0 == Severity::Info), "{f:?}");
        let text = RATTVIK.replace("107 500", "763 000");
        let (f, checked, _) = run(&text);
        assert!(f.is_empty(), "{f:?}");
        assert_eq!(checked, 0);
    }

    #[test]
    fn a_sentence_right_after_the_table_is_read_too() {
        let text = RATTVIK.replace(
            "2023 kom det in 4 ansökningar om totalt 107 500 kronor. Det finns 60 000 kronor att dela ut.",
            "Ansökningar 2023",
        ) + "\nTabellen visar att det söktes totalt 107 500 kronor.\n";
        let (f, checked, failed) = run(&text);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Severity::Error);
        assert!(f[0].2.contains("table above"), "{}", f[0].2);
        assert_eq!((checked, failed), (1, 1));
    }

    #[test]
    fn an_open_table_without_a_count_is_not_decided() {
        let text = RATTVIK
            .replace("4 ansökningar om", "ansökningar om")
            .replace("Totalsumma\t107 390\t60 000\n", "");
        let (f, _, _) = run(&text);
        assert!(f.iter().all(|x| x.0 == Severity::Info), "{f:?}");
    }
}
