//! Band labels: a fee or price table's rows whose label ends in the band the row covers
//! ("Bolig 101 - 300", "Næring 1001 -1500", "Bolig 501- 1000", "Bolig t.o.m. 100")
//! before the row's figures. Flat text writes the band's numbers like figures, so the
//! row reads one or two figures too many ("101 | -300 | 4031 | 5653 | 9684"). The band
//! is moved into the label only when the run shows it for certain:
//!
//! - two rows or more read a leading "a - b" (also "a -b", "a- b", "a – b") with a < b,
//!   and their bands, in the order of the rows, tile: each starts at the end of the one
//!   before or one after it (101 - 300, 301 - 500; 1501 - 2000, 2000 - 5000), or starts
//!   a new series no higher than the one before (Bolig …, then Næring 101 - 300); at
//!   least one pair tiles;
//! - every row moved then reads one count of figures, k, the same the run's other rows
//!   with figures read (one count, one way: "Hytter/Fritidsb. 3277 1723 5003"), and no
//!   row moved could be read with k figures as written;
//! - a row whose label ends in a band word ("t.o.m.", "over", "fra", "til", "under", …)
//!   before one figure more than k has that figure moved too, in such a run only.
//!
//! Anything else stays as read: a glued minus ("-300") in a run whose pairs do not tile
//! or whose counts do not agree is a negative figure, and a row that could be read
//! either way keeps its readings for the arithmetic (TAB001 when it does not settle).

use super::FlatLine;
use crate::grammar::vocab::Vocabulary;
use crate::table::digits::cell_count_range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Band {
    /// "a - b"
    Range(u64, u64),
    /// "t.o.m. a", "til a", "under a"
    UpTo(u64),
    /// "over a", "fra a"
    From(u64),
}

impl Band {
    fn start(self) -> Option<u64> {
        match self {
            Band::Range(a, _) | Band::From(a) => Some(a),
            Band::UpTo(_) => None,
        }
    }

    fn end(self) -> Option<u64> {
        match self {
            Band::Range(_, b) | Band::UpTo(b) => Some(b),
            Band::From(_) => None,
        }
    }
}

/// Words before a number that make it a band's upper bound.
const UP_TO: &[&str] = &[
    "t.o.m.", "t.o.m", "tom", "tom.", "til", "till", "inntil", "intill", "indtil", "under",
    "højst", "høyst", "högst",
];

/// Words before a number that make it a band's lower bound.
const FROM: &[&str] = &[
    "f.o.m.", "f.o.m", "fom", "fom.", "fra", "från", "over", "över", "mindst", "minst",
];

fn is_minus(c: char) -> bool {
    matches!(c, '-' | '−' | '–' | '‐' | '‑' | '‒')
}

/// A band's bound: a whole number of at most seven digits, no sign, no separators.
fn bound(t: &str) -> Option<u64> {
    let ok = !t.is_empty()
        && t.len() <= 7
        && t.chars().all(|c| c.is_ascii_digit())
        && (t == "0" || !t.starts_with('0'));
    ok.then(|| t.parse().ok()).flatten()
}

/// "-300", "- 300", "–1500": the band's end written after its dash.
fn dashed_bound(t: &str) -> Option<u64> {
    let rest = t.strip_prefix(is_minus)?;
    bound(rest.strip_prefix(' ').unwrap_or(rest))
}

/// A row read with its band in the label.
struct Candidate {
    moved: FlatLine,
    band: Band,
    /// Read from "a - b" (not a band word): evidence for the run.
    range: bool,
}

/// The row with the band its figures start with moved into its label, if it starts so.
fn candidate(row: &FlatLine) -> Option<Candidate> {
    if row.glued || row.label.is_empty() || row.also.is_some() {
        return None;
    }
    let g = &row.groups;
    let label_last = row.label.split_whitespace().last().unwrap_or("");
    // "a - b" as two groups.
    if g.len() >= 3 {
        if let (Some(a), Some(b)) = (bound(g[0].text.trim()), dashed_bound(g[1].text.trim())) {
            if a < b && row.gaps.get(1).is_some_and(|&s| s == 1) {
                return Some(Candidate {
                    moved: moved(row, 2),
                    band: Band::Range(a, b),
                    range: true,
                });
            }
        }
    }
    if g.len() >= 2 {
        // "a-" ending the label, b the first group.
        if let (Some(a), Some(b)) = (
            label_last.strip_suffix(is_minus).and_then(bound),
            bound(g[0].text.trim()),
        ) {
            if a < b {
                return Some(Candidate {
                    moved: moved(row, 1),
                    band: Band::Range(a, b),
                    range: true,
                });
            }
        }
        let word = label_last.to_lowercase();
        if let Some(x) = bound(g[0].text.trim()) {
            let band = if UP_TO.contains(&word.as_str()) {
                Some(Band::UpTo(x))
            } else if FROM.contains(&word.as_str()) {
                Some(Band::From(x))
            } else {
                None
            };
            if let Some(band) = band {
                return Some(Candidate {
                    moved: moved(row, 1),
                    band,
                    range: false,
                });
            }
        }
    }
    None
}

/// `row` with its first `n` groups written into its label.
fn moved(row: &FlatLine, n: usize) -> FlatLine {
    let mut label = row.label.clone();
    for g in &row.groups[..n] {
        label.push(' ');
        label.push_str(g.text.trim());
    }
    FlatLine {
        label,
        groups: row.groups[n..].to_vec(),
        ranges: row.ranges[n..].to_vec(),
        gaps: row.gaps[n..].to_vec(),
        ..row.clone()
    }
}

/// The one count of figures a row's groups make, if they make one only.
fn fixed_count(row: &FlatLine) -> Option<usize> {
    if row.glued || row.gaps.iter().any(|&g| super::gap_empties(g) > 0) {
        return None;
    }
    cell_count_range(&row.groups).and_then(|(min, max)| (min == max).then_some(min))
}

fn can_read(row: &FlatLine, k: usize) -> bool {
    row.glued || cell_count_range(&row.groups).is_some_and(|(min, max)| min <= k && k <= max)
}

/// Whether `next` continues the bands after `prev`: it starts where `prev` ends or one
/// after (`Some(true)`), starts a new series no higher than `prev` started
/// (`Some(false)`), or neither (`None`).
fn continues(prev: Band, next: Band) -> Option<bool> {
    if let (Some(end), Some(start)) = (prev.end(), next.start()) {
        if start == end || start == end + 1 {
            return Some(true);
        }
    }
    match (prev.start(), next.start()) {
        (Some(p), Some(n)) if n <= p => Some(false),
        (None, Some(n)) if prev.end().is_some_and(|e| n <= e) => Some(false),
        (_, None) => Some(false),
        _ => None,
    }
}

/// The run's rows with their bands moved into their labels where the run shows it for
/// certain (see the module's documentation); the rows as read otherwise.
///
/// A band word's row not moved whose band may be read either way ("Bolig t.o.m. 100 942
/// 1182 2124": the band 100 and 942 | 1182 | 2124, or 100 942 | 1182 | 2124, as many
/// figures both ways)
/// keeps both readings, for the table's arithmetic to choose or leave not decided
/// (TAB001); a year after the word ("fra 2022") is no band here.
pub(super) fn with_band_labels(rows: &mut [(usize, FlatLine)]) {
    let cands: Vec<Option<Candidate>> = rows.iter().map(|(_, r)| candidate(r)).collect();
    let moves = band_moves(rows, &cands).unwrap_or_else(|| vec![false; rows.len()]);
    for ((c, (_, row)), m) in cands.into_iter().zip(rows.iter_mut()).zip(moves) {
        let Some(c) = c else {
            continue;
        };
        if m {
            *row = c.moved;
        } else if !c.range && either_way(&c, row) {
            row.also = Some(Box::new(c.moved));
        }
    }
}

/// Whether a band word's row reads as many figures as written as with its band moved.
fn either_way(c: &Candidate, row: &FlatLine) -> bool {
    let year = matches!(c.band, Band::UpTo(x) | Band::From(x) if (1900..=2099).contains(&x));
    !year && fixed_count(&c.moved).is_some_and(|m| m > 0 && can_read(row, m))
}

/// Which rows have their band moved into their label; `None` when the run shows no
/// band for certain.
fn band_moves(rows: &[(usize, FlatLine)], cands: &[Option<Candidate>]) -> Option<Vec<bool>> {
    let ranges = cands.iter().flatten().filter(|c| c.range).count();
    if ranges < 2 {
        return None;
    }
    // k: the count every other row with figures reads, or else the moved ranges' count.
    let others: Vec<Option<usize>> = rows
        .iter()
        .zip(cands)
        .filter(|(_, c)| c.is_none())
        .filter(|((_, r), _)| !r.groups.iter().all(|g| g.is_dash()))
        .map(|((_, r), _)| fixed_count(r))
        .collect();
    let moved_ranges: Vec<Option<usize>> = cands
        .iter()
        .flatten()
        .filter(|c| c.range)
        .map(|c| fixed_count(&c.moved))
        .collect();
    let k = match others.first() {
        Some(first) => *first,
        None => moved_ranges[0],
    };
    let k = k?;
    if k == 0 || others.iter().any(|&o| o != Some(k)) {
        return None;
    }
    // Every range moves to k and reads k as written in no way.
    let fits =
        |c: &Candidate, row: &FlatLine| fixed_count(&c.moved) == Some(k) && !can_read(row, k);
    let every_range = cands
        .iter()
        .zip(rows.iter())
        .all(|(c, (_, r))| c.as_ref().is_none_or(|c| !c.range || fits(c, r)));
    if !every_range {
        return None;
    }
    // A band word's row that reads k figures as written too ("Bolig t.o.m. 100 942 1182
    // 2124": 100 942 may be one figure) moves only when its band meets the next range's
    // (t.o.m. 100, then 101 - 300) or the range before it meets its own (… 2000, then
    // over 2000): the number is that band's bound for certain.
    let range_at = |k: usize| {
        cands[k]
            .as_ref()
            .filter(|c| c.range && fits(c, &rows[k].1))
            .map(|c| c.band)
    };
    let moves: Vec<bool> = (0..rows.len())
        .map(|i| {
            let Some(c) = cands[i].as_ref() else {
                return false;
            };
            if c.range {
                return fits(c, &rows[i].1);
            }
            if fixed_count(&c.moved) != Some(k) {
                return false;
            }
            if !can_read(&rows[i].1, k) {
                return true;
            }
            match c.band {
                Band::UpTo(_) => (i + 1 < rows.len())
                    .then(|| range_at(i + 1))
                    .flatten()
                    .is_some_and(|next| continues(c.band, next) == Some(true)),
                _ => (i > 0)
                    .then(|| range_at(i - 1))
                    .flatten()
                    .is_some_and(|prev| continues(prev, c.band) == Some(true)),
            }
        })
        .collect();
    // The bands of the rows that move, in order, tile.
    let moving: Vec<Band> = cands
        .iter()
        .zip(&moves)
        .filter_map(|(c, &m)| c.as_ref().filter(|_| m).map(|c| c.band))
        .collect();
    let mut tiles = false;
    for w in moving.windows(2) {
        match continues(w[0], w[1]) {
            Some(t) => tiles |= t,
            None => return None,
        }
    }
    tiles.then_some(moves)
}

/// Whether a label ends in a band ("Bolig 101 - 300", "Bolig 501- 1000", "Næring
/// 1001 -1500", "Bolig t.o.m. 100"): the label column then holds two things, a kind and
/// a band, and a header may name both.
pub(super) fn ends_in_band(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    let n = words.len();
    let dashed = |w: &str| dashed_bound(w).is_some();
    match n {
        0 | 1 => false,
        _ => {
            let last = words[n - 1];
            let before = words[n - 2];
            // "a - b"
            (n >= 3 && bound(words[n - 3]).is_some() && before.chars().all(is_minus) && bound(last).is_some())
                // "a -b"
                || bound(before).is_some() && dashed(last)
                // "a- b"
                || before.strip_suffix(is_minus).and_then(bound).is_some() && bound(last).is_some()
                // "t.o.m. a"
                || bound(last).is_some()
                    && (UP_TO.contains(&before.to_lowercase().as_str())
                        || FROM.contains(&before.to_lowercase().as_str()))
        }
    }
}

/// Column names on a header line of capitalised words, one name per capitalised word
/// and the lower-case words after it ("Kategori Bruksareal Gebyr abonnement Gebyr
/// forbruk Årsgebyr": Kategori | Bruksareal | Gebyr abonnement | Gebyr forbruk |
/// Årsgebyr), when the names are exactly the label column's (`label_parts`: one, or two
/// over rows whose labels end in a band) and one per figure column. Lines under it
/// (nearer the rows) are the label column's too ("BRA (m2)") when they hold fewer words
/// than there are columns, so they cannot name each one. The first name must name the
/// label column by the kind its rows are ([`names_label_column`]). A line with a digit,
/// or whose first word is not capitalised, names nothing here. Returns the names, the label
/// column's header and the header lines taken (from the rows up).
pub(super) fn capitalised_names(
    header_top_down: &[&str],
    columns: usize,
    label_parts: usize,
    vocab: &Vocabulary,
) -> Option<(Vec<String>, String, usize)> {
    if columns < 2 {
        return None;
    }
    let n = header_top_down.len();
    let mut below_words = 0;
    for i in (0..n).rev() {
        let line = header_top_down[i].trim();
        // A period under the names qualifies the columns, not the label column.
        if line
            .split(|c: char| !c.is_ascii_digit())
            .any(|w| w.len() == 4 && ("1900".."2100").contains(&w))
        {
            return None;
        }
        if let Some(pieces) = capitalised_pieces(line) {
            if pieces.len() == columns + label_parts && names_label_column(&pieces[0], vocab) {
                let mut label: Vec<String> = pieces[..label_parts].to_vec();
                label.extend(
                    header_top_down[i + 1..]
                        .iter()
                        .map(|l| l.trim().to_string()),
                );
                return Some((pieces[label_parts..].to_vec(), label.join(" "), n - i));
            }
        }
        below_words += line.split_whitespace().count();
        if below_words >= columns {
            return None;
        }
    }
    None
}

/// The pieces of a line of names, each a word written as a name is ("Gebyr", "Årsgebyr":
/// a capital, then two letters or more, all small) and the small words after it. Not a
/// line with a digit, a word in capitals ("DEN LÖPANDE VERKSAMHETEN", a heading), an
/// abbreviation ("M Fp C Kd": parties, whose count tells nothing of the label column)
/// or a word broken at a hyphen ("Delår-": the name goes on elsewhere).
/// Whether a header's first name names the label column by the kind its rows are
/// (`label_header` in `grammars/table_lines.vocab`: "Kategori", "Parti", "Tilskudstype"):
/// "Kommuner Landsting Regioner Staten" over three columns is a caption, not names.
fn names_label_column(piece: &str, vocab: &Vocabulary) -> bool {
    let word = piece.split_whitespace().next().unwrap_or("").to_lowercase();
    vocab.has_word("table_lines", "label_header", &word)
        || ["type", "typ", "kategori"]
            .iter()
            .any(|end| word.len() > end.len() && word.ends_with(end))
}

fn capitalised_pieces(line: &str) -> Option<Vec<String>> {
    let mut pieces: Vec<String> = Vec::new();
    for w in line.split_whitespace() {
        if w.chars().any(|c| c.is_ascii_digit()) || w.ends_with(['-', '–']) {
            return None;
        }
        let first = w.chars().next()?;
        if first.is_uppercase() {
            let rest: Vec<char> = w.chars().skip(1).filter(|c| c.is_alphabetic()).collect();
            if rest.len() < 2 || rest.iter().any(|c| c.is_uppercase()) {
                return None;
            }
            pieces.push(w.to_string());
        } else if first.is_lowercase() {
            pieces.last_mut()?.push_str(&format!(" {w}"));
        } else {
            return None;
        }
    }
    Some(pieces)
}

/// Whether a word is a unit of money ending a column's name ("kr.", "kr", "kroner").
fn money_unit(word: &str) -> Option<crate::grammar::number::Unit> {
    use crate::grammar::number::Unit;
    let w = word.trim_end_matches('.').to_lowercase();
    match w.as_str() {
        "kr" | "kroner" | "kronor" => Some(Unit::Kr),
        "tkr" => Some(Unit::Tkr),
        _ => None,
    }
}

/// A header line naming the label column and then each figure column with a unit of
/// money ending its name ("Tilskudstype 0 - 2 år og 9 mdr. - kr. 2 år og 9 mdr. -
/// 5 år - kr."): the label column's name is the words before the first word with a
/// digit, each column's name runs to its unit word, each holds a digit (a band or a
/// period), the line ends in its last unit, and every unit is the same. Returns the
/// label column's name, the column names and the unit.
pub(super) fn unit_ended_names(
    line: &str,
) -> Option<(String, Vec<String>, crate::grammar::number::Unit)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let first_digit = words
        .iter()
        .position(|w| w.chars().any(|c| c.is_ascii_digit()))?;
    if first_digit == 0 || !words[0].chars().next()?.is_uppercase() {
        return None;
    }
    let label = words[..first_digit].join(" ");
    let mut names = Vec::new();
    let mut unit = None;
    let mut current: Vec<&str> = Vec::new();
    for &w in &words[first_digit..] {
        current.push(w);
        if let Some(u) = money_unit(w) {
            if unit.is_some_and(|x| x != u) {
                return None;
            }
            unit = Some(u);
            if !current
                .iter()
                .any(|w| w.chars().any(|c| c.is_ascii_digit()))
            {
                return None;
            }
            names.push(current.join(" "));
            current.clear();
        }
    }
    if !current.is_empty() || names.len() < 2 {
        return None;
    }
    Some((label, names, unit?))
}

/// Column names on an indented header line of fixed-width text, one per segment set
/// apart by two spaces or more ("     kulut      tulot      netto       toteutumis-%"
/// over four figure columns): the line leaves the label column's place empty (it starts
/// with a space), stands directly above the first row, and holds exactly one segment per
/// figure column, at least three. Each segment is a name: one to three words, each with
/// a letter or only "%", no digit (a year line or a row of figures is read elsewhere),
/// no segment ending a sentence ('.', ',', ':', ';'). A single space inside a segment
/// joins its words ("Avvik i %"); a tab counts as a gap.
pub(super) fn spaced_names(line: &str, columns: usize) -> Option<Vec<String>> {
    if columns < 3 || !line.starts_with([' ', '\t']) || line.trim().is_empty() {
        return None;
    }
    let mut names: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut spaces = 0usize;
    for c in line.trim().chars() {
        if c == ' ' || c == '\t' {
            spaces += if c == '\t' { 2 } else { 1 };
            continue;
        }
        if spaces >= 2 && !current.is_empty() {
            names.push(std::mem::take(&mut current));
        } else if spaces == 1 {
            current.push(' ');
        }
        spaces = 0;
        current.push(c);
    }
    names.push(current);
    if names.len() != columns {
        return None;
    }
    let is_name = |s: &str| {
        let words: Vec<&str> = s.split_whitespace().collect();
        (1..=3).contains(&words.len())
            && !s.chars().any(|c| c.is_ascii_digit())
            && !s.ends_with(['.', ',', ':', ';'])
            && words
                .iter()
                .all(|w| w.chars().any(char::is_alphabetic) || *w == "%")
    };
    names.iter().all(|s| is_name(s)).then_some(names)
}
