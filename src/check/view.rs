//! A numeric view of one table, built once and shared by the table rules: every cell
//! as an interval, each column's kind, which rows are totals.

use crate::arith::Interval;
use crate::grammar::number::Unit;
use crate::grammar::vocab::Vocabulary;
use crate::table::{RowKind, Table};
use rust_decimal::Decimal;

/// What a column holds; only columns of the same kind are added or compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    /// Money (cells carry kr/tkr/mnkr) .
    Money,
    /// Figures with no unit written (the table's unit applies: tkr, counts …).
    Plain,
    Percent,
    Hours,
    /// Mostly text (comments, names): never part of a relation.
    Text,
}

/// A row's cells under one of its readings: per column the part (blank cells exact
/// zeros) and whether it is blank ([`TableView::reading_cells`]).
pub type ReadingCells = Vec<(Option<Interval>, bool)>;

/// A cell position: row index and column index (after the label column).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellRef {
    pub row: usize,
    pub col: usize,
}

pub struct TableView<'a> {
    pub table: &'a Table,
    /// The vocabulary the table's labels and headers are read with.
    pub vocab: &'a Vocabulary,
    /// Per row, per column: the figure as an interval; `None` when not a figure.
    /// Empty cells and dashes ("-", "- kr") are exact zeros flagged in `blank`.
    pub cells: Vec<Vec<Option<Interval>>>,
    pub blank: Vec<Vec<bool>>,
    pub kinds: Vec<ColumnKind>,
    /// Rows that state a total or subtotal (by row kind, label, or an unlabeled
    /// row of figures closing a run of labeled rows).
    pub totals: Vec<bool>,
    pub headings: Vec<bool>,
    /// Rows that break out part of the row above ("varav …", `statements.vocab`
    /// `part_of`): never a part of a sum.
    pub part_of: Vec<bool>,
}

/// Whether a (lower-case) header word is one of the words of `grammars/column_relations.vocab`
/// that state `relation` ("difference", "balance", "opening", "total").
pub fn states(vocab: &Vocabulary, word: &str, relation: &str) -> bool {
    vocab.has_word("column_relations", relation, word)
}

/// Whether any of a header's (lower-case) words states `relation`.
pub fn header_states(vocab: &Vocabulary, words: &[&str], relation: &str) -> bool {
    words.iter().any(|w| states(vocab, w, relation))
}

/// "Budget 2017" … "Budget 2018": a last row naming the next year of the first row's
/// figure carries it forward with the changes between them (Budget 2018 = Budget 2017 +
/// Lönerevidering + PKV − Besparingar).
pub fn rolls_forward(first: &str, last: &str) -> bool {
    let split = |s: &str| {
        let n = normalise(s);
        let (stem, year) = n.rsplit_once(' ')?;
        let y: u32 = year.parse().ok()?;
        (1900..2200).contains(&y).then(|| (stem.to_string(), y))
    };
    matches!((split(first), split(last)), (Some((a, x)), Some((b, y))) if a == b && y == x + 1)
}

/// Lower case, markup and surrounding punctuation gone, inner whitespace single.
pub fn normalise(text: &str) -> String {
    let mut s = text.to_lowercase();
    for tag in ["<b>", "</b>", "<i>", "</i>", "**", "*"] {
        s = s.replace(tag, "");
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Andel %", "% fördel", "Tid i %", "Procent av totalen", Norwegian "Endring i prosent"
/// and "i pst.", Danish "Ændring i pct." — a percent sign not written right after a figure ("50% av
/// kostnaden" is not a percent column).
fn percent_header(header: &str) -> bool {
    header.contains("procent")
        || header.contains("prosent")
        || header
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "pct" || w == "pst")
        || header.char_indices().any(|(i, ch)| {
            ch == '%'
                && !header[..i]
                    .trim_end()
                    .ends_with(|p: char| p.is_ascii_digit())
        })
}

/// A header naming a relative change between periods: a percent header whose word, or the
/// end of a compound word ("Vuosimuutos%", "Befolkningsvekst i prosent"), is one of
/// `column_relations.vocab`'s `relative_change` words, and not percentage points ("Ändring
/// i %-enheter", "prosentpoeng", "procentpoint", "%-yks."). Such figures are neither added
/// nor shares of a whole, and pass 100 freely.
pub fn names_relative_change(vocab: &Vocabulary, header: &str) -> bool {
    let h = normalise(header);
    if !percent_header(&h)
        || ["enhet", "poeng", "point", "yks"]
            .iter()
            .any(|points| h.contains(points))
    {
        return false;
    }
    h.split(|c: char| !c.is_alphanumeric()).any(|word| {
        vocab
            .words("column_relations", "relative_change")
            .iter()
            .any(|change| {
                word == change || (word.len() > change.len() && word.ends_with(change.as_str()))
            })
    })
}

fn is_dash(raw: &str) -> bool {
    let t = raw.trim();
    let t = t
        .strip_suffix("tkr")
        .or_else(|| t.strip_suffix("kr"))
        .unwrap_or(t)
        .trim();
    matches!(t, "-" | "–" | "−" | "—" | "…" | ".." | "." | ":")
}

/// Text that is one figure in some reading: "121.194" (121 194 or 121,194), "2025.2"
/// (2025,2 or 2025 with footnote 2).
fn reads_as_figure(raw: &str, vocab: &Vocabulary) -> bool {
    crate::grammar::number::parse_figure(raw, vocab).is_some()
        || crate::grammar::number::dotted_thousands(raw).is_some()
}

/// The figure of row `r`, column `c`: `None` where the cell is blank or holds none.
fn figure_at(
    cells: &[Vec<Option<Interval>>],
    blank: &[Vec<bool>],
    r: usize,
    c: usize,
) -> Option<Interval> {
    if blank[r].get(c).copied().unwrap_or(true) {
        return None;
    }
    cells[r].get(c).copied().flatten()
}

/// Whether a column's kind is amounts a ratio or a change can be read between.
fn amount_kind(kind: ColumnKind) -> bool {
    matches!(kind, ColumnKind::Plain | ColumnKind::Money)
}

/// A column whose every figure is 100 × one column ÷ another of its row, on at least two
/// rows, holds ratios (a toteutumisprosentti, a "Utfall i %") whatever its header says or
/// fails to say: ratios are neither added nor subtracted, so it becomes a percent column.
/// The ratio is the table's own arithmetic, so a column that merely looks like percentages
/// is left as it is.
fn ratios_as_percent(
    mut kinds: Vec<ColumnKind>,
    cells: &[Vec<Option<Interval>>],
    blank: &[Vec<bool>],
) -> Vec<ColumnKind> {
    let figure = |r: usize, c: usize| figure_at(cells, blank, r, c);
    let numeric = |c: usize, kinds: &[ColumnKind]| amount_kind(kinds[c]);
    let hundred = Interval::exact(Decimal::ONE_HUNDRED);
    for c in 0..kinds.len() {
        if kinds[c] != ColumnKind::Plain {
            continue;
        }
        let rows: Vec<usize> = (0..cells.len())
            .filter(|&r| figure(r, c).is_some())
            .collect();
        if rows.len() < 2
            || rows
                .iter()
                .any(|&r| figure(r, c).is_some_and(|v| v.nominal.abs() > Decimal::ONE_THOUSAND))
        {
            continue;
        }
        let is_ratio = |a: usize, b: usize| {
            rows.iter().all(|&r| {
                let (Some(x), Some(y), Some(p)) = (figure(r, a), figure(r, b), figure(r, c)) else {
                    return false;
                };
                // A ratio of two equal figures (100 %) or of zeros shows nothing, nor
                // does a percentage too coarse to tell ratios apart (0, 1, 5 written whole:
                // 1 of 762 is "0 %").
                x.nominal != y.nominal
                    && !x.nominal.is_zero()
                    && (p.hi - p.lo) * Decimal::TEN <= p.nominal.abs()
                    && x.divided_by(y)
                        .map(|q| q.times(hundred))
                        .is_some_and(|q| q.meets(&p))
            })
        };
        let ncols = kinds.len();
        // The first row decides most pairs: there, x / y × 100 meets p only where y meets
        // 100 x / p. That window, one division per numerator and widened against the
        // rounding of decimal division, skips the pairs whose quotient cannot meet before
        // the full check divides (a table of 76 quarters has 10⁵ pairs per column).
        let first = rows[0];
        let found = (0..ncols).any(|a| {
            if a == c || !numeric(a, &kinds) {
                return false;
            }
            let (Some(x), Some(p)) = (figure(first, a), figure(first, c)) else {
                return false;
            };
            let window = x.times(hundred).divided_by(p).map(|w| {
                let margin = (w.lo.abs() + w.hi.abs()) * Decimal::new(1, 9) + Decimal::new(1, 12);
                Interval {
                    nominal: w.nominal,
                    lo: w.lo - margin,
                    hi: w.hi + margin,
                }
            });
            (0..ncols).any(|b| {
                b != c
                    && b != a
                    && numeric(b, &kinds)
                    && figure(first, b).is_some_and(|y| window.is_none_or(|w| y.meets(&w)))
                    && is_ratio(a, b)
            })
        });
        if found {
            kinds[c] = ColumnKind::Percent;
        }
    }
    kinds
}

/// A column whose every figure is the change in percent from one column of its row to
/// another, (b − a) / a × 100, holds changes whatever its header says or fails to say
/// (a statistics table's "2004/2005" under a spanning "Prosentvis endring" that the
/// flattened page wrote on a line of its own): changes are never added, so it becomes a
/// percent column. As with [`ratios_as_percent`], the table's own arithmetic decides: the
/// change must hold on every row with a figure in the column, at least three of them with
/// a change other than zero pinned down by the amounts (their rounding moving it by no
/// more than five units of the percentage's last digit), so a column that merely looks
/// like percentages is left as it is.
fn changes_as_percent(
    mut kinds: Vec<ColumnKind>,
    cells: &[Vec<Option<Interval>>],
    blank: &[Vec<bool>],
) -> Vec<ColumnKind> {
    const MIN_TIGHT: usize = 3;
    let figure = |r: usize, c: usize| figure_at(cells, blank, r, c);
    let numeric = |c: usize, kinds: &[ColumnKind]| amount_kind(kinds[c]);
    let hundred = Interval::exact(Decimal::ONE_HUNDRED);
    let one = Interval::exact(Decimal::ONE);
    // The change from `x` to `y` in percent, when `x` cannot be zero.
    let change = |x: Interval, y: Interval| -> Option<Interval> {
        y.divided_by(x).map(|q| q.minus(one).times(hundred))
    };
    let ncols = kinds.len();
    for c in 0..ncols {
        if kinds[c] != ColumnKind::Plain {
            continue;
        }
        let rows: Vec<usize> = (0..cells.len())
            .filter(|&r| figure(r, c).is_some())
            .collect();
        if rows.len() < MIN_TIGHT {
            continue;
        }
        let holds = |a: usize, b: usize| -> bool {
            let mut tight = 0;
            for &r in &rows {
                let (Some(x), Some(y), Some(p)) = (figure(r, a), figure(r, b), figure(r, c)) else {
                    return false;
                };
                let Some(q) = change(x, y) else {
                    return false;
                };
                if !q.meets(&p) {
                    return false;
                }
                let unit = p.hi - p.lo;
                if !p.nominal.is_zero()
                    && x.nominal != y.nominal
                    && q.hi - q.lo <= unit * Decimal::from(5)
                {
                    tight += 1;
                }
            }
            tight >= MIN_TIGHT
        };
        let first = rows[0];
        let found = (0..ncols).any(|a| {
            a != c
                && numeric(a, &kinds)
                && (0..ncols).any(|b| {
                    b != c
                        && b != a
                        && numeric(b, &kinds)
                        && kinds[a] == kinds[b]
                        // The first row decides most pairs before every row is divided.
                        && match (figure(first, a), figure(first, b), figure(first, c)) {
                            (Some(x), Some(y), Some(p)) => change(x, y).is_some_and(|q| q.meets(&p)),
                            _ => false,
                        }
                        && holds(a, b)
                })
        });
        if found {
            kinds[c] = ColumnKind::Percent;
        }
    }
    kinds
}

impl<'a> TableView<'a> {
    /// The view of `table`; which labels state a total or subtotal, the sum of the rows
    /// above them ("Summa", "S:a", "Totalt", "Delsumma", "Summa årskostnad"), is the
    /// `total` and `subtotal` phrases of `vocab`'s `totals` list (a "Resultat" row is a
    /// difference, not a sum).
    pub fn new(table: &'a Table, vocab: &'a Vocabulary) -> Self {
        let ncols = table
            .columns
            .len()
            .max(table.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0));
        let mut cells = Vec::with_capacity(table.rows.len());
        let mut blank = Vec::with_capacity(table.rows.len());
        let mut unit_votes = vec![[0usize; 6]; ncols];
        for row in &table.rows {
            let mut r = vec![None; ncols];
            let mut b = vec![false; ncols];
            for (c, cell) in row.cells.iter().enumerate().take(ncols) {
                if let Some(v) = cell.value {
                    r[c] = Some(Interval::written(v, cell.decimals));
                    let slot = match cell.unit {
                        Unit::Kr | Unit::Tkr | Unit::Mnkr | Unit::Eur => 0,
                        Unit::Percent => 2,
                        Unit::Hours => 3,
                        Unit::None => 1,
                    };
                    unit_votes[c][slot] += 1;
                } else if cell.empty || cell.raw.trim().is_empty() || is_dash(&cell.raw) {
                    r[c] = Some(Interval::exact(Decimal::ZERO));
                    b[c] = true;
                } else if cell.unread.is_some() && reads_as_figure(&cell.raw, vocab) {
                    // A figure whose reading is not decided ("121.194": a point between
                    // thousands or a decimal point) is still a figure of its column.
                    unit_votes[c][1] += 1;
                } else {
                    unit_votes[c][4] += 1;
                }
            }
            cells.push(r);
            blank.push(b);
        }
        // A header may say "%" for cells written without it ("Tid i %"), but "50% av
        // kostnaden" heads amounts: figures above 100 are no percentages.
        let beyond_100: Vec<bool> = (0..ncols)
            .map(|c| {
                cells.iter().any(|r| {
                    r.get(c)
                        .copied()
                        .flatten()
                        .is_some_and(|v| v.nominal.abs() > Decimal::ONE_HUNDRED)
                })
            })
            .collect();
        let kinds = (0..ncols)
            .map(|c| {
                let v = unit_votes[c];
                let header = table
                    .columns
                    .get(c)
                    .map(|h| normalise(h))
                    .unwrap_or_default();
                let figures = v[0] + v[1] + v[2] + v[3];
                if figures == 0 || v[4] > figures {
                    ColumnKind::Text
                } else if v[2] * 2 >= figures
                    || (percent_header(&header)
                        && (!beyond_100[c] || names_relative_change(vocab, &header)))
                {
                    ColumnKind::Percent
                } else if v[3] * 2 >= figures {
                    ColumnKind::Hours
                } else if v[0] * 2 >= figures {
                    ColumnKind::Money
                } else {
                    ColumnKind::Plain
                }
            })
            .collect::<Vec<_>>();
        let kinds = ratios_as_percent(kinds, &cells, &blank);
        let kinds = changes_as_percent(kinds, &cells, &blank);
        let with_figures: Vec<bool> = (0..cells.len())
            .map(|r| {
                (0..ncols)
                    .any(|c| kinds[c] != ColumnKind::Text && !blank[r][c] && cells[r][c].is_some())
            })
            .collect();
        let mut view = TableView {
            table,
            vocab,
            cells,
            blank,
            kinds,
            totals: Vec::new(),
            headings: Vec::new(),
            part_of: Vec::new(),
        };
        for (i, row) in table.rows.iter().enumerate() {
            let label = view.label(i);
            let figures = with_figures[i];
            let labeled_total = vocab.is_sum_label(&label);
            // A row of figures with no words at all, closing labeled rows above it.
            let unlabeled_total =
                label.is_empty() && figures && i > 0 && (0..i).any(|r| !view.label(r).is_empty());
            let total = matches!(row.kind, RowKind::Total | RowKind::Subtotal)
                || (labeled_total && figures)
                || unlabeled_total
                || (figures && i + 1 == table.rows.len() && rolls_forward(&view.label(0), &label));
            view.totals.push(total);
            view.headings
                .push(!total && (row.kind == RowKind::Heading || !figures));
            view.part_of
                .push(crate::grammar::statement::is_part_of(vocab, &label));
        }
        view
    }
    pub fn rows(&self) -> usize {
        self.cells.len()
    }

    pub fn cols(&self) -> usize {
        self.kinds.len()
    }

    /// The cell's interval when it holds a written figure (not a blank).
    pub fn figure(&self, r: usize, c: usize) -> Option<Interval> {
        if self.blank.get(r)?.get(c).copied().unwrap_or(true) {
            return None;
        }
        self.cells.get(r)?.get(c).copied().flatten()
    }

    /// The cell's interval, blanks counting as zero (how a part enters a sum).
    pub fn part(&self, r: usize, c: usize) -> Option<Interval> {
        self.cells.get(r)?.get(c).copied().flatten()
    }

    /// A row's cells under one of its readings (`Ambiguity::readings`, one text per
    /// column), read as [`TableView::new`] reads cells: per column the part (empty cells
    /// and dashes exact zeros) and whether it is blank. `None` when the reading has
    /// another count of cells than the table's columns.
    pub fn reading_cells(&self, reading: &[String]) -> Option<ReadingCells> {
        if reading.len() != self.cols() {
            return None;
        }
        Some(
            reading
                .iter()
                .map(|text| {
                    let cell = crate::table::parse_cell(text, self.vocab);
                    if let Some(v) = cell.value {
                        (Some(Interval::written(v, cell.decimals)), false)
                    } else if cell.empty || cell.raw.trim().is_empty() || is_dash(&cell.raw) {
                        (Some(Interval::exact(Decimal::ZERO)), true)
                    } else {
                        (None, false)
                    }
                })
                .collect(),
        )
    }

    /// The listed readings of row `r` when every admissible reading of it is listed
    /// (`Ambiguity::complete`), each as [`TableView::reading_cells`]; `None` when the
    /// row is read one way, or its readings are not all listed, or one does not fit.
    pub fn every_reading_of(&self, r: usize) -> Option<Vec<ReadingCells>> {
        let of_row: Vec<_> = self
            .table
            .ambiguities
            .iter()
            .filter(|a| a.row == r)
            .collect();
        match of_row.as_slice() {
            [a] if a.complete && a.readings.len() > 1 => a
                .readings
                .iter()
                .map(|reading| self.reading_cells(reading))
                .collect(),
            _ => None,
        }
    }

    pub fn header(&self, c: usize) -> String {
        self.table
            .columns
            .get(c)
            .map(|h| h.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    }

    /// The column's name for a finding: its header, or, in a table whose header names no
    /// column, the name its title gives it when the title is a line of names, one per
    /// column ("Kommuner Landsting Kommunal- förbund" over three figure columns, a word
    /// broken by a hyphen joined again). Only names a finding; it never decides what a
    /// column holds.
    pub fn column_name(&self, c: usize) -> String {
        let own = self.header(c);
        if !own.is_empty() || (0..self.cols()).any(|d| !self.header(d).is_empty()) {
            return own;
        }
        self.title_names()
            .and_then(|names| names.into_iter().nth(c))
            .unwrap_or_default()
    }

    /// The title read as one capitalised name per column (see [`Self::column_name`]).
    fn title_names(&self) -> Option<Vec<String>> {
        let title = self.table.title.as_deref()?;
        let mut names: Vec<String> = Vec::new();
        let mut broken = false;
        for w in title.split_whitespace() {
            match names.last_mut() {
                Some(last) if broken => {
                    last.pop();
                    last.push_str(w);
                }
                _ => names.push(w.to_string()),
            }
            broken = w.len() > 1 && w.ends_with('-');
        }
        let capitalised = |n: &String| {
            n.chars().next().is_some_and(char::is_uppercase) && n.chars().all(char::is_alphabetic)
        };
        let figure_columns = (0..self.cols()).filter(|&c| self.numeric(c)).count();
        (names.len() >= 2
            && names.len() == self.cols()
            && figure_columns == self.cols()
            && names.iter().all(capitalised))
        .then_some(names)
    }

    /// The row's label; for a row whose label cell is empty, the first text cell
    /// ("Summa" written under a figure column, a continued row's description).
    pub fn label(&self, r: usize) -> String {
        let Some(row) = self.table.rows.get(r) else {
            return String::new();
        };
        let clean = |s: &str| {
            s.replace("<b>", "")
                .replace("</b>", "")
                .replace("<i>", "")
                .replace("</i>", "")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        let own = clean(&row.label);
        if !own.is_empty() {
            return own;
        }
        row.cells
            .iter()
            .find(|c| c.value.is_none() && !c.raw.trim().is_empty() && !is_dash(&c.raw))
            .map(|c| clean(&c.raw))
            .unwrap_or_default()
    }

    /// The raw text of a cell as written, for underlining.
    pub fn raw(&self, r: usize, c: usize) -> Option<&str> {
        self.table
            .rows
            .get(r)?
            .cells
            .get(c)
            .map(|cell| cell.raw.as_str())
    }

    /// The row's first figure when it may begin with a note reference glued to it ("18
    /// 596 995": note 18 and 596 995, as a page with a Note column writes it): a leading
    /// group of one or two digits that makes the figure one group longer than the row's
    /// next figure. Its column, what that group adds to it, and the cell as written.
    pub fn leading_note(&self, r: usize) -> Option<(usize, rust_decimal::Decimal, String)> {
        let row = self.table.rows.get(r)?;
        let first = (0..self.cols()).find(|&k| self.figure(r, k).is_some())?;
        let raw = row.cells.get(first)?.raw.trim();
        let groups: Vec<&str> = raw.split_whitespace().collect();
        let (lead, rest) = groups.split_first()?;
        let plain = |g: &str| g.chars().all(|ch| ch.is_ascii_digit());
        if rest.is_empty()
            || !(1..=2).contains(&lead.len())
            || !plain(lead)
            || !rest.iter().all(|g| g.len() == 3 && plain(g))
        {
            return None;
        }
        // A note glued on makes the figure a digit group longer than the row's next
        // figure (the same line's other year), "18 596 995" beside "587 891".
        let next = (first + 1..self.cols()).find(|&k| self.figure(r, k).is_some())?;
        let next_groups = row
            .cells
            .get(next)?
            .raw
            .trim()
            .trim_start_matches(['-', '−', '–'])
            .split_whitespace()
            .count();
        if next_groups != rest.len() {
            return None;
        }
        let lead_value: rust_decimal::Decimal = lead.parse().ok()?;
        // Checked: a hostile row of many groups must not overflow.
        let scale = 1000u64.checked_pow(u32::try_from(rest.len()).ok()?)?;
        let shift = lead_value.checked_mul(rust_decimal::Decimal::from(scale))?;
        Some((first, shift, raw.to_string()))
    }

    pub fn numeric(&self, c: usize) -> bool {
        self.kinds.get(c).is_some_and(|k| *k != ColumnKind::Text)
    }

    /// Rows that are neither totals nor headings.
    pub fn is_data(&self, r: usize) -> bool {
        !self.totals[r] && !self.headings[r] && !self.part_of.get(r).copied().unwrap_or(false)
    }
}

/// The measure a row's label names in a word of its own ("Verksamhetens intäkter mnkr",
/// "Soliditet %", "riksandel, procent", "Antal anställda"): a unit of
/// `grammars/units.vocab` (kr, tkr, mnkr, percent) or a count (`statements.vocab`
/// `count_word`). Hours are left out ("h" is too often a letter of a name).
pub fn label_measure<'v>(vocab: &'v Vocabulary, label: &str) -> Option<&'v str> {
    let lower = label.to_lowercase();
    let words = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '%' || c == ':'))
        .map(|w| w.trim_end_matches(':'))
        .filter(|w| !w.is_empty());
    let mut found = None;
    for w in words {
        let key = if w == "%" || w.ends_with('%') {
            Some("percent")
        } else {
            vocab
                .key_of_word("units", w)
                .filter(|k| *k != "hours")
                .or_else(|| {
                    vocab
                        .key_of_word("statements", w)
                        .filter(|k| *k == "count_word")
                })
        };
        if key.is_some() {
            found = key;
        }
    }
    found
}

impl TableView<'_> {
    /// Why the rows `parts` with the row `target` read as a key-figure list rather than
    /// as a sum and its parts, when the relation between them holds in no column: their
    /// labels name different measures (mnkr beside %, kr beside a count), or in every
    /// column where the target has a figure its written parts are written to different
    /// precisions (17,74 beside 25 754). A total needs parts of one kind; such a relation
    /// is one the record does not state, so it is not checked at all.
    pub fn key_figure_list(&self, target: usize, parts: &[usize]) -> Option<String> {
        let mut measures: Vec<&str> = std::iter::once(target)
            .chain(parts.iter().copied())
            .filter_map(|r| label_measure(self.vocab, &self.label(r)))
            .collect();
        measures.sort_unstable();
        measures.dedup();
        if measures.len() >= 2 {
            return Some(format!(
                "its rows name different measures ({})",
                measures.join(", ")
            ));
        }
        let decimals = |r: usize, c: usize| {
            self.table.rows[r]
                .cells
                .get(c)
                .filter(|cell| cell.value.is_some() && !self.blank[r][c])
                .map(|cell| cell.decimals)
        };
        let mut compared = 0;
        for c in (0..self.cols()).filter(|&c| self.numeric(c)) {
            if self.figure(target, c).is_none() {
                continue;
            }
            let mut seen: Vec<u32> = parts.iter().filter_map(|&r| decimals(r, c)).collect();
            seen.sort_unstable();
            seen.dedup();
            if seen.len() < 2 {
                return None;
            }
            compared += 1;
        }
        (compared > 0)
            .then(|| "its rows are written to different precisions in every column".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let vocab = Vocabulary::builtin_shared();
        let table = crate::table::extract_text(text, vocab)
            .into_iter()
            .next()
            .expect("a table");
        let view = TableView::new(&table, vocab);
        (0..view.cols()).map(|c| view.column_name(c)).collect()
    }

    const ROWS: &str = "Verksamhetens intäkter 165 485 56 315 21 392
Verksamhetens kostnader -645 527 -333 283 -20 455
Avskrivningar -22 253 -9 775 -712
Verksamhetens nettokostnader -502 295 -286 743 225
";

    #[test]
    fn a_title_of_names_names_the_columns() {
        let text = format!("  Kommuner Landsting Kommunal- förbund\n{ROWS}");
        assert_eq!(names(&text), ["Kommuner", "Landsting", "Kommunalförbund"]);
    }

    #[test]
    fn a_title_that_is_no_line_of_names_names_nothing() {
        // Lower-case words, or more words than columns: a caption, not names.
        for title in [
            "Löpande priser miljoner kronor",
            "Kommuner Landsting Regioner Staten",
        ] {
            let text = format!("{title}\n{ROWS}");
            assert!(names(&text).iter().all(String::is_empty), "{title}");
        }
    }

    fn kinds(text: &str) -> Vec<ColumnKind> {
        let vocab = Vocabulary::builtin_shared();
        let table = crate::table::extract_text(text, vocab)
            .into_iter()
            .next()
            .expect("a table");
        TableView::new(&table, vocab).kinds
    }

    #[test]
    fn a_column_of_ratios_of_two_others_is_a_percent_column() {
        // 48 049 / 81 615 = 58,87 %; 11 513 / 22 682 = 50,76 %; 36 536 / 58 933 = 62,00 %.
        let text = "menot 81 615 48 049 58,9\ntulot 22 682 11 513 50,8\nnetto 58 933 36 536 62,0\n";
        assert_eq!(
            kinds(text),
            [ColumnKind::Plain, ColumnKind::Plain, ColumnKind::Percent]
        );
        // One row off the ratio (70,0): the column is not shown to hold ratios.
        let text = "menot 81 615 48 049 58,9\ntulot 22 682 11 513 70,0\nnetto 58 933 36 536 62,0\n";
        assert_eq!(kinds(text)[2], ColumnKind::Plain);
    }

    #[test]
    fn measures_named_in_labels() {
        let v = Vocabulary::builtin_shared();
        assert_eq!(label_measure(v, "Soliditet %"), Some("percent"));
        assert_eq!(label_measure(v, "riksandel, procent"), Some("percent"));
        assert_eq!(label_measure(v, "Årets resultat mnkr"), Some("mnkr"));
        assert_eq!(label_measure(v, "Antal anställda"), Some("count_word"));
        assert_eq!(label_measure(v, "Verksamhetens intäkter"), None);
    }
}
