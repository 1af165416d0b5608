//! Tables flattened into one line: public transcripts (docplayer and the like) put a whole
//! resultaträkning or kassaflödesanalys on one line, "RESULTATRÄKNING … Belopp i Mkr
//! Intäkter...not 1 73,6 83,0 9,4 Kostnader...not 1-261,5-278,8-7,5 Avskrivningar…".
//!
//! [`expand`] finds such lines (long, with many runs of words followed by two figures or
//! more) and writes each as the lines it was made from: the header before the first row
//! (title, column words, unit), then one line per row, a label and its figures. The
//! readers of flat text then read those lines as any other table. What is certain here:
//! a figure with decimals ends at its last decimal, so "-261,5-278,8-7,5" (a minus glued
//! to the figure before it) is three figures; a note reference ("not 1", "Not 8/10 b") is
//! no figure; dot leaders end a label. What is not: integers whose thousands are grouped
//! with the same space that separates the figures ("1 234 567 890" is one figure or
//! several) are written as the digit groups they are, and the flat reader's segmentation
//! with the table's own arithmetic decides, or reports the row not decided. In a table of
//! decimals a figure of thousands ("1 234,5") is one figure only when no row of the table
//! has a figure without decimals; otherwise its row is kept as not read, with why.

use super::digits::GluedRun;
use crate::grammar::vocab::Vocabulary;
use crate::layout::Line;

/// A line shorter than this is an ordinary line, whatever it holds.
const MIN_CHARS: usize = 160;
/// Rows with two figures or more a flattened table must show.
const MIN_ROWS: usize = 4;
/// A label longer than this is prose, not a row label.
const MAX_LABEL_WORDS: usize = 14;

/// A label the flat reader takes on one line (longer ones it takes for prose).
const LINE_LABEL: usize = 60;
/// A label line the flat reader joins to the row below it (a wrapped label).
const WRAP_LABEL: usize = 45;

/// A row recovered from a flattened line that the table readers must account for: read
/// as a row, or kept as a row not read.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Recovered {
    /// The line it stands in (its page's numbering).
    pub line: u32,
    pub label: String,
    /// The label's last part, on the line with the figures (the whole label unless it
    /// had to be wrapped).
    pub tail: String,
    /// The row as rewritten: label and figures.
    pub text: String,
    /// Its figures as written back ("-261,5", "1\u{a0}234,5").
    pub figures: Vec<String>,
    /// Why the row is not read, when it is certain here that no reading can be chosen.
    pub unread: Option<String>,
}

/// One flattened line written back as the lines it was made of.
pub(crate) struct Expanded {
    /// The line's number on its page; every line below carries it.
    pub number: u32,
    pub lines: Vec<Line>,
    pub rows: Vec<Recovered>,
}

/// Every line of the page that holds a flattened table, written back as the lines it
/// was made of: the header, then a line per row (a long label wrapped as the flat reader
/// reads wrapped labels).
pub(crate) fn expand(lines: &[&Line], vocab: &Vocabulary) -> Vec<Expanded> {
    let mut out = Vec::new();
    for l in lines {
        for table in read_line(&l.text, vocab).into_iter().flatten() {
            let mut written: Vec<Line> = Vec::new();
            let mut push = |text: String| {
                written.push(Line {
                    number: l.number,
                    y: l.y,
                    spans: vec![crate::layout::Span {
                        text: text.clone(),
                        x0: 0.0,
                        x1: 0.0,
                        font_size: 0.0,
                        ocr: None,
                    }],
                    text,
                    furniture: false,
                })
            };
            let mut rows = Vec::new();
            for h in table.header {
                push(h);
            }
            for r in table.rows {
                if r.figures.is_empty() {
                    push(r.label.clone());
                    continue;
                }
                let (wrapped, tail) = wrap(&r.label);
                let text = format!("{} {}", r.label, r.figures.join(" "));
                if r.unread.is_none() && tail.chars().count() <= LINE_LABEL {
                    for w in wrapped {
                        push(w);
                    }
                    push(format!("{tail} {}", r.figures.join(" ")));
                }
                rows.push(Recovered {
                    line: l.number,
                    label: r.label,
                    tail,
                    text,
                    figures: r.figures,
                    unread: r.unread,
                });
            }
            out.push(Expanded {
                number: l.number,
                lines: written,
                rows,
            });
        }
    }
    out
}

/// A label too long for one row line, wrapped into at most two label lines before the
/// line with the figures, split where the next part starts in lower case (so that the
/// reader joins it to the lines above, not takes them for headings): the label lines and
/// the last part. A label that cannot be wrapped so is returned whole.
fn wrap(label: &str) -> (Vec<String>, String) {
    if label.chars().count() <= LINE_LABEL {
        return (Vec::new(), label.to_string());
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    let joins = |w: &str| !w.chars().next().is_some_and(char::is_uppercase);
    let fits =
        |from: usize, to: usize, most: usize| words[from..to].join(" ").chars().count() <= most;
    // One label line, then the rest.
    for cut in (1..words.len()).rev() {
        if joins(words[cut]) && fits(0, cut, WRAP_LABEL) && fits(cut, words.len(), LINE_LABEL) {
            return (vec![words[..cut].join(" ")], words[cut..].join(" "));
        }
    }
    // Two label lines.
    for a in 1..words.len() {
        if !fits(0, a, WRAP_LABEL) {
            break;
        }
        for b in (a + 1..words.len()).rev() {
            if joins(words[a])
                && joins(words[b])
                && fits(a, b, WRAP_LABEL)
                && fits(b, words.len(), LINE_LABEL)
            {
                return (
                    vec![words[..a].join(" "), words[a..b].join(" ")],
                    words[b..].join(" "),
                );
            }
        }
    }
    (Vec::new(), label.to_string())
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Word(String),
    /// A figure, signs as '-': "73,6", "-261,5", "2006", "234".
    Num(String),
    /// A lone minus sign ("- 198,2").
    Sign,
    /// Where a label surely ends: dot leaders, a note reference.
    End,
    /// After a note word, a token that is a list of references or a figure ("6,8": notes
    /// 6 and 8, or six point eight); the table's decimals decide, or nothing does.
    MaybeRef(String),
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

/// "73,6", "0", "-261,5", "1234": digits with at most one decimal comma, an optional
/// leading minus.
fn is_number(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    match s.split_once(',') {
        Some((i, d)) => is_digits(i) && is_digits(d),
        None => is_digits(s),
    }
}

fn has_decimals(s: &str) -> bool {
    s.contains(',')
}

/// The figures of a token where minus signs glue them ("1-261,5-278,8-7,5": 1, -261,5,
/// -278,8, -7,5); `None` unless every piece is a number, no piece after the first starts
/// with a zero before a digit (dates: "2017-08-31") and either a piece has decimals or
/// every piece is a digit group of at most three digits ("2005-2006" stays a word).
fn split_glued(token: &str) -> Option<Vec<String>> {
    let (lead, body) = match token.strip_prefix('-') {
        Some(b) => ("-", b),
        None => ("", token),
    };
    if !body.contains('-') {
        return None;
    }
    let pieces: Vec<&str> = body.split('-').collect();
    if pieces.iter().any(|p| !is_number(p)) {
        return None;
    }
    if pieces[1..]
        .iter()
        .any(|p| p.len() > 1 && p.starts_with('0') && !p.starts_with("0,"))
    {
        return None;
    }
    let decimals = pieces.iter().any(|p| has_decimals(p));
    if !decimals && pieces.iter().any(|p| p.len() > 3) {
        return None;
    }
    Some(
        pieces
            .iter()
            .enumerate()
            .map(|(i, p)| {
                if i == 0 {
                    format!("{lead}{p}")
                } else {
                    format!("-{p}")
                }
            })
            .collect(),
    )
}

/// Joins the thousands of a figure that [`unglue_decimals`] set apart (a no-break space
/// in the figure as written back; not whitespace, so the figure stays one token).
const THOUSANDS_MARK: char = '\u{e000}';

fn is_minus_char(c: char) -> bool {
    matches!(c, '-' | '−' | '‐' | '‑' | '‒' | '–')
}

/// Where a run of figures glued together may end, starting at `start`: digits, decimal
/// commas, minus signs and single spaces before a group of three digits that goes on
/// (a comma or another space after it). Ends before anything else.
fn glued_extent(c: &[char], start: usize) -> usize {
    let mut i = start;
    while i < c.len() {
        let ch = c[i];
        if ch.is_ascii_digit() || ch == ',' || is_minus_char(ch) {
            i += 1;
        } else if ch == ' '
            && i > start
            && c[i - 1].is_ascii_digit()
            && (i + 1..i + 4).all(|j| c.get(j).is_some_and(char::is_ascii_digit))
            && matches!(c.get(i + 4), Some(',' | ' '))
        {
            i += 4;
        } else {
            break;
        }
    }
    i
}

/// Runs of figures written with the same decimals and glued together, or glued to their
/// label, set apart: "Externa intäkter239,2248,6240,08,6730,8725,35,5" is the label and
/// seven figures of one decimal, "kostnader-1 344,7-1 422,7" two figures with their
/// thousands. A run is split only where the same number of decimals reads all of it
/// ([`GluedRun::uniform_decimal_split`]: one way at most); a label glued to it ends at the first place a
/// figure can start that leaves such a split. Runs the tokens read the same way already
/// (figures separated by spaces, or by a minus only) are left as written.
fn unglue_decimals(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    if !c.contains(&',') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut i = 0;
    while i < c.len() {
        let starts = c[i].is_ascii_digit()
            || is_minus_char(c[i]) && c.get(i + 1).is_some_and(char::is_ascii_digit);
        let prev = i.checked_sub(1).map(|p| c[p]);
        let after_label = prev.is_some_and(|p| p.is_alphabetic() || p == ')');
        let free = prev.is_none_or(char::is_whitespace);
        if !starts || !(after_label || free) {
            out.push(c[i]);
            i += 1;
            continue;
        }
        let end = glued_extent(&c, i);
        let ends_clean = c.get(end).is_none_or(|ch| ch.is_whitespace());
        let split = ends_clean
            .then(|| uniform_run(&c[i..end], after_label))
            .flatten();
        match split {
            Some((skip, figures)) => {
                out.extend(&c[i..i + skip]);
                if after_label || skip > 0 {
                    out.push(' ');
                }
                let written: Vec<String> = figures
                    .iter()
                    .map(|f| {
                        f.chars()
                            .map(|ch| match ch {
                                ' ' => THOUSANDS_MARK,
                                m if is_minus_char(m) => '-',
                                other => other,
                            })
                            .collect()
                    })
                    .collect();
                out.push_str(&written.join(" "));
            }
            None => out.extend(&c[i..end.max(i + 1)]),
        }
        i = end.max(i + 1);
    }
    out
}

/// The one reading of a run by [`GluedRun::uniform_decimal_split`]: the digits left to
/// the label (a label glued to the run: the first start that reads) and the figures.
/// `None` when no start reads or the run needs no splitting here.
fn uniform_run(run: &[char], after_label: bool) -> Option<(usize, Vec<String>)> {
    // No row's figures run longer (the grammar takes no longer run either).
    if run.len() > 160 {
        return None;
    }
    let first_comma = run.iter().position(|&c| c == ',')?;
    let starts = if after_label { first_comma } else { 1 };
    for skip in 0..starts {
        let figure_start = run[skip].is_ascii_digit()
            || is_minus_char(run[skip]) && run.get(skip + 1).is_some_and(char::is_ascii_digit);
        if !figure_start || skip > 0 && run[skip - 1] == ' ' {
            continue;
        }
        let text: String = run[skip..].iter().collect();
        let Some(g) = GluedRun::new(&text, false) else {
            continue;
        };
        let Some(figures) = g.uniform_decimal_split() else {
            continue;
        };
        // Glued digit to digit, or glued to the label: the tokens alone would not read it.
        let glued = figures.windows(2).any(|w| {
            let body = w[1].trim_start_matches(is_minus_char);
            body.len() == w[1].len()
        });
        let useful = after_label || skip > 0 || glued && figures.len() >= 2;
        return useful.then_some((skip, figures));
    }
    None
}

/// The line's tokens: words, figures (dashes as '-'), lone signs and label ends.
fn tokens(text: &str) -> Vec<Tok> {
    let text = unglue_decimals(text);
    let mut out = Vec::new();
    for raw in text.split_whitespace() {
        // Dot leaders ("Intäkter...not", "poster...") end the label before them.
        let mut parts: Vec<(&str, bool)> = Vec::new();
        let mut rest = raw;
        while let Some(at) = rest.find("..") {
            let dots = rest[at..].chars().take_while(|&c| c == '.').count();
            parts.push((&rest[..at], true));
            rest = &rest[at + dots..];
        }
        parts.push((rest, false));
        for (part, leader) in parts {
            if !part.is_empty() {
                let n = part.replace(['\u{2212}', '\u{2013}'], "-");
                if n.contains(THOUSANDS_MARK) {
                    out.push(Tok::Num(n.replace(THOUSANDS_MARK, "\u{a0}")));
                } else if n == "-" {
                    out.push(Tok::Sign);
                } else if is_number(&n) {
                    out.push(Tok::Num(n));
                } else if let Some(pieces) = split_glued(&n) {
                    out.extend(pieces.into_iter().map(Tok::Num));
                } else {
                    out.push(Tok::Word(part.to_string()));
                }
            }
            if leader {
                out.push(Tok::End);
            }
        }
    }
    out
}

/// A note reference after a note word: "1", "8/10", "2,", "4a".
fn is_reference(s: &str) -> bool {
    let s = s.trim_end_matches(',');
    let mut digits = 0;
    let mut letters = 0;
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if c.is_ascii_lowercase() || c.is_ascii_uppercase() {
            letters += 1;
        } else if c != '/' && c != '-' {
            return false;
        }
    }
    digits > 0
        && digits <= 4
        && letters <= 1
        && s.chars().next().is_some_and(|c| c.is_ascii_digit())
        && s.split(['/', '-'])
            .all(|p| p.chars().filter(char::is_ascii_digit).count() <= 2)
}

/// Note words ("not", "Not", and "utjämningnot" glued) and their references become
/// label ends; a lone sign before a figure becomes the figure's sign.
fn settle(tokens: Vec<Tok>, vocab: &Vocabulary) -> Vec<Tok> {
    let note_word = |w: &str| vocab.lookup("notes", w).is_some();
    let mut out: Vec<Tok> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Tok::Word(w) => {
                let glued_note = w.len() > 6
                    && w.ends_with("not")
                    && w.chars().next().is_some_and(char::is_lowercase)
                    && matches!(tokens.get(i + 1), Some(Tok::Num(n)) if n.len() <= 2 && is_digits(n))
                    && matches!(tokens.get(i + 2), Some(Tok::Num(n)) if has_decimals(n));
                if note_word(w) || glued_note {
                    if glued_note {
                        out.push(Tok::Word(w[..w.len() - 3].to_string()));
                    }
                    out.push(Tok::End);
                    i += 1;
                    // Its references: one or a list ("2, 3"), then a letter ("8/10 b").
                    // "not 6,8 2810,9": a list of notes or a figure with decimals.
                    if let Some(Tok::Num(n)) = tokens.get(i) {
                        if n.split_once(',').is_some_and(|(a, b)| {
                            a.len() <= 2 && b.len() <= 2 && !a.starts_with('-')
                        }) {
                            out.push(Tok::MaybeRef(n.clone()));
                            i += 1;
                            continue;
                        }
                    }
                    let mut referenced = false;
                    loop {
                        let reference = match tokens.get(i) {
                            Some(Tok::Num(n)) if is_digits(n) && n.len() <= 2 => Some(n.clone()),
                            Some(Tok::Word(n)) if is_reference(n) => Some(n.clone()),
                            _ => None,
                        };
                        let Some(r) = reference else { break };
                        i += 1;
                        referenced = true;
                        // "1" of "not 1-261,5…" came apart from its glued figures.
                        if !r.ends_with(',') {
                            break;
                        }
                    }
                    if let Some(Tok::Word(letter)) = tokens.get(i).filter(|_| referenced) {
                        if letter.chars().count() == 1 && letter.chars().all(char::is_lowercase) {
                            i += 1;
                        }
                    }
                    continue;
                }
                out.push(tokens[i].clone());
            }
            Tok::Sign => match tokens.get(i + 1) {
                Some(Tok::Num(n)) if !n.starts_with('-') => {
                    out.push(Tok::Num(format!("-{n}")));
                    i += 1;
                }
                _ => out.push(Tok::Word("-".to_string())),
            },
            // A day before a month name ("1 januari 31 augusti i korthet") is a date
            // after the table, never a figure of its last row.
            Tok::Num(n)
                if n.len() <= 2
                    && is_digits(n)
                    && matches!(tokens.get(i + 1), Some(Tok::Word(w))
                        if !w.chars().any(char::is_uppercase) && vocab.month(w).is_some()) =>
            {
                out.push(Tok::Word(n.clone()));
            }
            t => out.push(t.clone()),
        }
        i += 1;
    }
    out
}

/// One stretch of words followed by its figures.
#[derive(Clone, Debug)]
struct Piece {
    words: Vec<String>,
    /// Where surely-ended labels split the words: each part before the last is a label
    /// without figures.
    cuts: Vec<usize>,
    figures: Vec<String>,
    /// Tokens after a note word that may be references or figures ("6,8").
    maybe_refs: Vec<String>,
}

fn pieces(tokens: &[Tok]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut cur = Piece {
        words: Vec::new(),
        cuts: Vec::new(),
        figures: Vec::new(),
        maybe_refs: Vec::new(),
    };
    let mut after_figure = false;
    for t in tokens {
        match t {
            // A percent sign after a figure is the figure's unit ("26,9 % 17,5 %"), not a
            // word of the next row's label: written on the figure ("26,9%").
            Tok::Word(w) if w == "%" && after_figure => {
                if let Some(f) = cur.figures.last_mut() {
                    f.push('%');
                }
                after_figure = false;
                continue;
            }
            Tok::Word(w) => {
                if !cur.figures.is_empty() {
                    out.push(std::mem::replace(
                        &mut cur,
                        Piece {
                            words: Vec::new(),
                            cuts: Vec::new(),
                            figures: Vec::new(),
                            maybe_refs: Vec::new(),
                        },
                    ));
                }
                cur.words.push(w.clone());
            }
            Tok::Num(n) => {
                cur.figures.push(n.clone());
                after_figure = true;
                continue;
            }
            Tok::End => {
                if cur.figures.is_empty() && cur.cuts.last() != Some(&cur.words.len()) {
                    cur.cuts.push(cur.words.len());
                }
            }
            Tok::MaybeRef(n) => {
                cur.maybe_refs.push(n.clone());
                if cur.figures.is_empty() && cur.cuts.last() != Some(&cur.words.len()) {
                    cur.cuts.push(cur.words.len());
                }
            }
            Tok::Sign => {}
        }
        after_figure = false;
    }
    out.push(cur);
    out
}

#[derive(Debug)]
struct OneRow {
    label: String,
    figures: Vec<String>,
    unread: Option<String>,
}

#[derive(Debug)]
struct OneTable {
    header: Vec<String>,
    rows: Vec<OneRow>,
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && is_digits(s) && (s.starts_with("19") || s.starts_with("20"))
}

fn is_capitals(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// A unit word ("Mkr", "(tkr)", "mnkr"): where a caption ends.
fn is_unit(w: &str, vocab: &Vocabulary) -> bool {
    let w = w.trim_matches(|c: char| c == '(' || c == ')' || c == ',' || c == ':');
    w.chars().any(char::is_alphabetic) && w != "h" && vocab.lookup("units", w).is_some()
}

/// The words before the first row split into the header and the first row's label: the
/// label starts after the last unit word or year, else after a run of capitals.
fn split_header(words: &[String], vocab: &Vocabulary) -> (Vec<String>, Vec<String>) {
    let is_mark =
        |w: &String| is_unit(w, vocab) || is_year(w.trim_matches(|c: char| !c.is_ascii_digit()));
    // A unit that is the last word belongs to the first row's label ("Omsättning, Mkr"),
    // when a year or a unit before it can end the header.
    let last_mark = match words.iter().rposition(is_mark) {
        Some(p) if p + 1 == words.len() => words[..p].iter().rposition(is_mark).or(Some(p)),
        other => other,
    };
    let mut at = last_mark.map_or(0, |p| p + 1);
    // The months after the years name the columns' periods ("2011 2010 2010 jan aug jan
    // aug jan dec", "jan-aug").
    if last_mark.is_some_and(|p| is_year(words[p].trim_matches(|c: char| !c.is_ascii_digit()))) {
        let is_month = |w: &str| {
            w.split(['-', '\u{2013}'])
                .all(|m| !m.is_empty() && vocab.month(&m.to_lowercase()).is_some())
        };
        while at + 1 < words.len() && is_month(&words[at]) {
            at += 1;
        }
    }
    // Column words standing alone after the last year ("2024 Avvikelse Kommunstyrelsen")
    // are the header's; one that starts a label ("Förändring av …") is not.
    if last_mark.is_some() {
        while at + 1 < words.len()
            && vocab.has_word("table_lines", "header_word", &words[at].to_lowercase())
            && words[at + 1].chars().next().is_some_and(char::is_uppercase)
        {
            at += 1;
        }
    }
    // Without a caption, a title in capitals ("RESULTATRÄKNING Intäkter") is the header;
    // capitals after a caption head a group of rows ("DEN LÖPANDE VERKSAMHETEN").
    let caps = words[at..].iter().take_while(|w| is_capitals(w)).count();
    if last_mark.is_none() && caps > 0 && at + caps < words.len() {
        at += caps;
    }
    // Prose before the caption is not the header: it starts after the last sentence.
    let from = words[..at]
        .iter()
        .rposition(|w| w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() > 3)
        .map_or(0, |p| p + 1);
    let header_words = &words[from..at];
    let mut header = Vec::new();
    // The title in capitals first, the caption with its unit last, column words between.
    let title = header_words.iter().take_while(|w| is_capitals(w)).count();
    let unit = header_words.iter().rposition(|w| is_unit(w, vocab));
    let caption_start = unit.map(|u| {
        // "Belopp i Mkr": the words before the unit that are lower case or "Belopp".
        let mut s = u;
        while s > title
            && s + 3 > u
            && header_words[s - 1]
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c == 'B')
        {
            s -= 1;
        }
        s
    });
    let mut parts: Vec<&[String]> = Vec::new();
    match caption_start {
        Some(c) if c >= title => {
            parts.push(&header_words[..title]);
            parts.push(&header_words[title..c]);
            parts.push(&header_words[c..]);
        }
        _ => {
            parts.push(&header_words[..title]);
            parts.push(&header_words[title..]);
        }
    }
    for p in parts {
        if !p.is_empty() {
            header.push(p.join(" "));
        }
    }
    (header, words[at..].to_vec())
}

/// Labels of one piece: the parts cut at surely-ended labels; the last is the one the
/// figures belong to.
fn labels(piece: &Piece) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    for &c in piece
        .cuts
        .iter()
        .filter(|&&c| c > 0 && c < piece.words.len())
    {
        if c > start {
            out.push(piece.words[start..c].join(" "));
        }
        start = c;
    }
    out.push(piece.words[start..].join(" "));
    out
}

/// Reads a line as a flattened table; `None` unless it clearly is one.
fn read_line(text: &str, vocab: &Vocabulary) -> Option<Vec<OneTable>> {
    if text.chars().count() < MIN_CHARS || text.contains('\t') || text.contains('|') {
        return None;
    }
    let toks = settle(tokens(text), vocab);
    let mut pieces = pieces(&toks);
    // A leading page number ("1 RESULTATRÄKNING …") is no figure of any row.
    if pieces.first().is_some_and(|p| p.words.is_empty()) {
        pieces.remove(0);
    }
    // The label a piece's figures belong to; in the first row, after the header.
    let label_of = |p: &Piece, first: bool| -> String {
        let last = labels(p).pop().unwrap_or_default();
        if first {
            let words: Vec<String> = last.split_whitespace().map(str::to_string).collect();
            split_header(&words, vocab).1.join(" ")
        } else {
            last
        }
    };
    // A row label: short, and starting as a label does (prose runs on in lower case).
    let ok_label = |l: &str| {
        let l = clean(l);
        l.split_whitespace().count() <= MAX_LABEL_WORDS
            && l.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '(')
    };
    // Years alone ("Redovisning 2005 2006") are a header's, not a row's.
    let row_like = |p: &Piece, first: bool| {
        let label = label_of(p, first);
        p.figures.len() >= 2
            && !p.figures.iter().all(|f| is_year(f))
            && ok_label(&label)
            && damaged_label(&clean(&label)).is_none()
    };
    // A row whose label the transcript damaged ("l" for a "1"): kept, not read.
    let damaged_row = |p: &Piece, first: bool| {
        p.figures.len() >= 2 && damaged_label(&clean(&label_of(p, first))).is_some()
    };
    // The stretch of rows: from the first piece with two figures or more to the last,
    // every label in it a row label. Prose with figures of its own may come first ("drygt
    // 12,4 miljoner, en ökning med drygt 250 000 …"): a stretch too short to be a table
    // is passed over and the next one tried.
    let mut from = 0;
    let (first, last) = loop {
        let first = from
            + pieces[from..]
                .iter()
                .position(|p| row_like(p, true) || damaged_row(p, true))?;
        let mut last = first;
        for (j, p) in pieces.iter().enumerate().skip(first + 1) {
            let fits = |l: &String| ok_label(l) || damaged_label(&clean(l)).is_some();
            if p.words.is_empty() || !labels(p).iter().all(fits) {
                break;
            }
            if row_like(p, false) || damaged_row(p, false) {
                last = j;
            }
        }
        if pieces[first..=last]
            .iter()
            .filter(|p| row_like(p, false))
            .count()
            >= MIN_ROWS
        {
            break (first, last);
        }
        from = last + 1;
    };
    let stretch = &pieces[first..=last];
    // Figures with decimals in most rows: a table of decimals.
    let figures: Vec<&String> = stretch.iter().flat_map(|p| &p.figures).collect();
    let decimals = figures.iter().filter(|f| has_decimals(f)).count();
    let decimal_table = decimals * 3 >= figures.len() * 2;
    // Integers that stand alone among decimals (not a thousands group before one).
    let thousands_before = |figs: &[String], i: usize| {
        let f = &figs[i];
        let body = f.strip_prefix('-').unwrap_or(f);
        is_digits(body)
            && body.len() <= 3
            && figs.get(i + 1).is_some_and(|n| {
                !n.starts_with('-') && n.split_once(',').is_some_and(|(int, _)| int.len() == 3)
            })
    };
    let standalone_integers = decimal_table
        && stretch.iter().any(|p| {
            (0..p.figures.len()).any(|i| {
                !(has_decimals(&p.figures[i])
                    || thousands_before(&p.figures, i)
                    || i > 0 && thousands_before(&p.figures, i - 1))
            })
        });
    // The decimals most figures of the table are written with.
    let usual_decimals = {
        let mut counts = std::collections::BTreeMap::new();
        for f in &figures {
            *counts.entry(decimals_of(f)).or_insert(0usize) += 1;
        }
        counts
            .into_iter()
            .max_by_key(|&(d, n)| (n, std::cmp::Reverse(d)))
            .map(|(d, _)| d)
    };
    let mut tables = Vec::new();
    let mut current = OneTable {
        header: Vec::new(),
        rows: Vec::new(),
    };
    for (k, p) in stretch.iter().enumerate() {
        let mut ls = labels(p);
        let mut label = ls.pop().unwrap_or_default();
        // The first row's label follows the header (everything before it); a caption with
        // its unit further on ("Finansieringsanalys, Mkr …") starts a new table.
        let words: Vec<String> = label.split_whitespace().map(str::to_string).collect();
        let caption = words.iter().any(|w| is_unit(w, vocab));
        if k == 0 || caption {
            let mut before: Vec<String> = Vec::new();
            if k == 0 {
                before.extend(
                    pieces[..first]
                        .iter()
                        .flat_map(|p| p.words.iter().chain(&p.figures).cloned()),
                );
            }
            before.extend(
                ls.drain(..)
                    .flat_map(|l| l.split_whitespace().map(str::to_string).collect::<Vec<_>>()),
            );
            let at = before.len();
            before.extend(words);
            let (header, rest) = split_header(&before, vocab);
            if header.is_empty() && k > 0 || rest.is_empty() {
                // No caption after all: the words stay the row's label.
                label = before[at.min(before.len())..].join(" ");
            } else {
                if k > 0 && !current.rows.is_empty() {
                    tables.push(std::mem::replace(
                        &mut current,
                        OneTable {
                            header: Vec::new(),
                            rows: Vec::new(),
                        },
                    ));
                }
                current.header = header;
                label = rest.join(" ");
            }
        }
        // A group heading in capitals run into the row's label ("INVESTERINGSVERKSAMHET
        // Bruttoinvesteringar …"), and label-only rows run into the next row's label
        // ("Extraordinära intäkter Årets resultat"): labels of their own.
        if let Some((heading, rest)) = capitals_heading(&label) {
            ls.push(heading);
            label = rest;
        }
        let (headings, rest) = run_together(&label);
        ls.extend(headings);
        label = rest;
        for l in ls {
            current.rows.push(OneRow {
                label: clean(&l),
                figures: Vec::new(),
                unread: None,
            });
        }
        let (figures, mut unread) = if decimal_table {
            decimal_figures(&p.figures, standalone_integers)
        } else {
            (p.figures.clone(), None)
        };
        if let Some(r) = p
            .maybe_refs
            .iter()
            .find(|r| Some(decimals_of(r)) == usual_decimals)
        {
            unread = Some(format!(
                "flattened row: \"{r}\" after the note word is a list of notes or a figure \
                 with the table's decimals: not decided"
            ));
        }
        if let Some(why) = damaged_label(&clean(&label)) {
            unread = Some(why);
        }
        current.rows.push(OneRow {
            label: clean(&label),
            figures,
            unread,
        });
    }
    // The line may end in a row the transcript cut inside its figures, still glued to its
    // label ("Balanskravsresultat128,5-42,9-3,"): a row with figures, kept as not read.
    if let Some(tail) = pieces.get(last + 1).filter(|_| last + 2 == pieces.len()) {
        if let Some((label, run)) = cut_glued_row(tail) {
            current.rows.push(OneRow {
                unread: Some(format!(
                    "flattened row: its figures \"{run}\" are cut where the text ends (no \
                     reading of them is certain)"
                )),
                label,
                figures: vec![run],
            });
        }
    }
    tables.push(current);
    Some(tables)
}

/// The last piece of a line, without figures of its own, when its last word is a label
/// glued to figures the tokens could not read ("Balanskravsresultat128,5-42,9-3,"): the
/// label and the run as written.
fn cut_glued_row(piece: &Piece) -> Option<(String, String)> {
    if !piece.figures.is_empty() {
        return None;
    }
    let last = labels(piece).pop()?;
    let (head, word) = last
        .trim_end()
        .rsplit_once(' ')
        .unwrap_or(("", last.trim_end()));
    let at = word.find(|c: char| c.is_ascii_digit() || is_minus_char(c))?;
    let (letters, run) = word.split_at(at);
    let glued = letters.chars().last().is_some_and(char::is_alphabetic);
    let figure_like = run.chars().filter(char::is_ascii_digit).count() >= 2
        && run.contains(',')
        && run
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || is_minus_char(c));
    if !glued || !figure_like {
        return None;
    }
    let label = if head.is_empty() {
        letters.to_string()
    } else {
        format!("{head} {letters}")
    };
    Some((clean(&label), run.to_string()))
}

/// Labels run together: a capitalised word after a lower-case word of five letters or
/// more starts a new label ("Extraordinära intäkter Årets resultat", "finansiell leasing
/// Försäljningar"); after a short word ("till", "i") it is a name ("Bidrag till
/// Trafikverket"). The labels before the last, and the last.
fn run_together(label: &str) -> (Vec<String>, String) {
    let words: Vec<&str> = label.split_whitespace().collect();
    let mut parts = Vec::new();
    let mut start = 0;
    for i in 1..words.len() {
        let prev = words[i - 1];
        let starts_label = words[i].chars().next().is_some_and(char::is_uppercase)
            && words[i].chars().any(char::is_lowercase);
        let prev_word = prev.chars().count() >= 5
            && prev.chars().all(|c| c.is_lowercase() || c == '-')
            && prev.chars().next().is_some_and(char::is_alphabetic);
        if starts_label && prev_word {
            parts.push(words[start..i].join(" "));
            start = i;
        }
    }
    (parts, words[start..].join(" "))
}

/// A label that starts with a heading in capitals and goes on in lower case: the heading
/// and the rest. Short capitals ("AB", "KS") are words of a label.
fn capitals_heading(label: &str) -> Option<(String, String)> {
    let words: Vec<&str> = label.split_whitespace().collect();
    let caps = words.iter().take_while(|w| is_capitals(w)).count();
    let letters: usize = words[..caps]
        .iter()
        .map(|w| w.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    let next_mixed = words.get(caps).is_some_and(|w| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
    });
    (caps > 0 && letters >= 8 && next_mixed)
        .then(|| (words[..caps].join(" "), words[caps..].join(" ")))
}

fn decimals_of(figure: &str) -> usize {
    figure
        .trim_end_matches('%')
        .split_once(',')
        .map_or(0, |(_, d)| d.len())
}

/// Why a row's label shows that the transcript damaged the row: no word of two letters
/// ("l" for a "1"), or figure-like text without letters (",8-2703,3", "(1+2+3)"). Its
/// figures may then be cut or shifted: the row is not read.
fn damaged_label(label: &str) -> Option<String> {
    let word = label
        .split_whitespace()
        .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3);
    let figure_like = label
        .split_whitespace()
        .find(|w| w.chars().any(|c| c.is_ascii_digit()) && !w.chars().any(char::is_alphabetic));
    // "l" or "I" standing alone for a "1" the transcript misread.
    let misread_one = label
        .split_whitespace()
        .find(|w| w.chars().all(|c| matches!(c, 'l' | 'I' | '|' | ']')));
    if let Some(w) = misread_one {
        return Some(format!(
            "flattened row: \"{w}\" in its label reads as a misread \"1\" (a figure damaged in \
             the transcript?): its figures are not decided"
        ));
    }
    if !word {
        return Some(format!(
            "flattened row: its label \"{label}\" has no word (a figure damaged in the \
             transcript?): its figures are not decided"
        ));
    }
    figure_like.map(|w| {
        format!(
            "flattened row: figure-like text \"{w}\" stands in its label (figures damaged or \
             run together in the transcript): its figures are not decided"
        )
    })
}

/// A label as a row label: dots and stray signs at its end dropped.
fn clean(label: &str) -> String {
    label
        .trim_end_matches(['.', ' ', '-'])
        .trim_start_matches(['.', ' '])
        .to_string()
}

/// The figures of a row in a table of decimals: a thousands group before a figure of
/// decimals joined to it with a no-break space ("1 234,5"), unless figures without
/// decimals stand alone elsewhere in the table: then the row is not decided.
fn decimal_figures(figs: &[String], standalone_integers: bool) -> (Vec<String>, Option<String>) {
    let mut out = Vec::new();
    let mut i = 0;
    while i < figs.len() {
        let f = &figs[i];
        let body = f.strip_prefix('-').unwrap_or(f);
        let next_joins = is_digits(body)
            && body.len() <= 3
            && figs.get(i + 1).is_some_and(|n| {
                !n.starts_with('-') && n.split_once(',').is_some_and(|(int, _)| int.len() == 3)
            });
        if next_joins {
            if standalone_integers {
                return (
                    figs.to_vec(),
                    Some(format!(
                        "flattened row: \"{} {}\" is one figure with its thousands or two \
                         figures (this table writes figures without decimals too): not decided",
                        f,
                        figs[i + 1]
                    )),
                );
            }
            out.push(format!("{f}\u{a0}{}", figs[i + 1]));
            i += 2;
            continue;
        }
        out.push(f.clone());
        i += 1;
    }
    (out, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> &'static Vocabulary {
        Vocabulary::builtin_shared()
    }

    #[test]
    fn runs_of_the_same_decimals_are_set_apart() {
        let nbsp = |s: &str| s.replace(THOUSANDS_MARK, " ");
        // A label glued to figures of one decimal glued to each other.
        assert_eq!(
            nbsp(&unglue_decimals(
                "Externa intäkter239,2248,6240,08,6 Skattenetto1 152,01 265,4"
            )),
            "Externa intäkter 239,2 248,6 240,0 8,6 Skattenetto 1 152,0 1 265,4"
        );
        // The thousands stay joined to their figure (one token).
        assert_eq!(
            tokens("Kostnader-1 344,7-1,3"),
            vec![
                Tok::Word("Kostnader".into()),
                Tok::Num("-1\u{a0}344,7".into()),
                Tok::Num("-1,3".into())
            ]
        );
        // Digits glued to the label that leave no split are the label's ("not5").
        assert_eq!(
            unglue_decimals("poster not5-41,0-17,2"),
            "poster not5 -41,0 -17,2"
        );
        // Runs the tokens read already, or that read more than one way, stay as written.
        for same in [
            "Intäkter 73,6 83,0 9,4",
            "Kostnader not 1-261,5-278,8-7,5",
            "Resultat1,1x11 och mer",
            "Balanskravsresultat128,5-42,9-3,",
            "Utfall 2009-07 Budget 2010",
        ] {
            assert_eq!(unglue_decimals(same), same);
        }
    }

    #[test]
    fn a_row_cut_at_the_end_of_the_line_is_kept_not_read() {
        let line =
            "Resultaträkning, mnkr Utfall 2023 Budget 2024 Prognos 2024 Intäkter 312,4 298,0 \
                    305,1 Kostnader -402,6 -390,0 -411,8 Avskrivningar -48,3 -50,0 -49,5 \
                    Finansnetto -8,7 -9,0 -8,2 Resultat -147,2 -151,0 -164,4 \
                    Balanskravsresultat128,5-42,9-3,";
        let tables = read_line(line, vocab()).unwrap_or_default();
        let rows: Vec<&OneRow> = tables.iter().flat_map(|t| &t.rows).collect();
        let cut = rows.last().unwrap_or_else(|| panic!("no rows: {tables:?}"));
        assert_eq!(cut.label, "Balanskravsresultat");
        assert_eq!(cut.figures, ["128,5-42,9-3,"]);
        assert!(cut.unread.as_deref().is_some_and(|w| w.contains("cut")));
        // A line ending in words is no such row.
        let words = Piece {
            words: vec!["Extraordinära".into(), "i".into()],
            cuts: Vec::new(),
            figures: Vec::new(),
            maybe_refs: Vec::new(),
        };
        assert_eq!(cut_glued_row(&words), None);
    }

    #[test]
    fn glued_figures_split_only_where_certain() {
        assert_eq!(
            split_glued("1-261,5-278,8-7,5").unwrap(),
            ["1", "-261,5", "-278,8", "-7,5"]
        );
        assert_eq!(split_glued("-0,4-1,4").unwrap(), ["-0,4", "-1,4"]);
        assert_eq!(split_glued("2017-08-31"), None);
        assert_eq!(split_glued("2005-2006"), None);
        assert_eq!(split_glued("Miljö-"), None);
    }

    #[test]
    fn a_flattened_statement_is_read_row_by_row() {
        let line = "1 RESULTATRÄKNING Redovisning Redovisning Avvikelse mot budget 2006 \
            Belopp i Mkr Intäkter...not 1 73,6 83,0 9,4 Kostnader...not 1-261,5-278,8-7,5 \
            Avskrivningar...not 6-10,3-9,0 0,9 Verksamhetens nettokostnader - 198,2-204,8 2,8 \
            Extra ordinära intäkter...not Årets resultat... not 8/10 b 3,8 5,9 4,0";
        let t = read_line(line, vocab())
            .expect("a flattened table")
            .remove(0);
        assert_eq!(
            t.header,
            [
                "RESULTATRÄKNING",
                "Redovisning Redovisning Avvikelse mot budget 2006",
                "Belopp i Mkr"
            ]
        );
        let rows: Vec<(String, Vec<String>)> =
            t.rows.into_iter().map(|r| (r.label, r.figures)).collect();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            rows,
            [
                ("Intäkter".to_string(), s(&["73,6", "83,0", "9,4"])),
                ("Kostnader".to_string(), s(&["-261,5", "-278,8", "-7,5"])),
                ("Avskrivningar".to_string(), s(&["-10,3", "-9,0", "0,9"])),
                (
                    "Verksamhetens nettokostnader".to_string(),
                    s(&["-198,2", "-204,8", "2,8"])
                ),
                ("Extra ordinära intäkter".to_string(), s(&[])),
                ("Årets resultat".to_string(), s(&["3,8", "5,9", "4,0"])),
            ]
        );
    }

    #[test]
    fn a_flattened_summary_after_prose_with_figures_is_read() {
        // Prose with figures of its own before the table: the first stretch that looks
        // like rows is too short, the table after it is read; the months after the years
        // ("2011 2010 2010 jan aug jan aug jan dec") are the header's.
        let line = "Under 2011 beräknas den hanterade godsvolymen öka med 6 procent jämfört \
            med 2010. Det totala antalet passagerare förväntas uppgå till drygt 12,4 miljoner, \
            en ökning med drygt 250 000 passagerare jämfört med rekordåret 2010. Av dessa är \
            873 000 kryssningsresenärer. Stockholms Hamnar i sammandrag KONCERNEN 2011 2010 \
            2010 jan aug jan aug jan dec Omsättning, Mkr 452,4 432,3 633,4 Resultat efter \
            finansiella poster. Mkr 101,3 96,1 71,5 Vinstmarginal, % 22,4 22,2 11,0 \
            Avkastning på totalt kapital, % 7,9 8,0 7,2 Investeringar, Mkr 197,6 258,1 327,5 \
            Soliditet, % 31,3 35,0 29,5 1 januari 31 augusti i korthet Under 2011 ser vi";
        let t = read_line(line, vocab())
            .expect("a flattened table")
            .remove(0);
        assert_eq!(
            t.header.join(" | "),
            "Stockholms Hamnar i sammandrag KONCERNEN 2011 2010 2010 jan aug jan aug jan dec"
        );
        let labels: Vec<&str> = t.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Omsättning, Mkr",
                "Resultat efter finansiella poster. Mkr",
                "Vinstmarginal, %",
                "Avkastning på totalt kapital, %",
                "Investeringar, Mkr",
                "Soliditet, %"
            ]
        );
        assert_eq!(t.rows[2].figures, ["22,4", "22,2", "11,0"]);
    }

    #[test]
    fn a_percent_sign_after_each_figure_stays_with_its_row() {
        let line = "Nøkkeltall 2010 2009 2008 Resultat før skatt 50,0 9,1 -27,7 Egenkapital \
            141,1 93,8 84,7 Totalkapital 524,4 535,4 609,3 Egenkapitalandel 26,9 % 17,5 % \
            13,9 % Egenkapitalrentabilitet 42,6 % 10,2 % -28,1 % Totalkapitalrentabilitet \
            10,8 % 3,5 % 0,3 % Antall busser Herav turbusser";
        let t = read_line(line, vocab())
            .expect("a flattened table")
            .remove(0);
        let rows: Vec<(&str, Vec<&str>)> = t
            .rows
            .iter()
            .map(|r| {
                (
                    r.label.as_str(),
                    r.figures.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            rows[3],
            ("Egenkapitalandel", vec!["26,9%", "17,5%", "13,9%"])
        );
        assert_eq!(rows[4].0, "Egenkapitalrentabilitet");
        assert_eq!(rows[5].1, ["10,8%", "3,5%", "0,3%"]);
        assert!(t.rows.iter().all(|r| r.unread.is_none()));
        // A change in percent between amounts ("milj. milj. % milj."): each figure keeps
        // its own sign, the row stays one row.
        let mixed = "Intäkter 2008 Förändring 2007 milj. milj. % milj. Försäljningsintäkter \
            65,8 4,3 6,9 % 61,5 Avgiftsintäkter 60,2 7,4 14,1 % 52,8 Understöd och bidrag \
            21,7 -0,8 -3,6 % 22,6 Övriga verksamhetsintäkter 48,5 8,1 19,9 % 40,5 Totalt \
            196,2 19,0 10,7 % 177,4";
        let t = read_line(mixed, vocab())
            .expect("a flattened table")
            .remove(0);
        assert_eq!(t.rows[0].figures, ["65,8", "4,3", "6,9%", "61,5"]);
        assert_eq!(t.rows.len(), 5);
    }

    #[test]
    fn prose_and_short_lines_are_not_tables() {
        let prose = "Det prognostiserade resultatet ligger på 35,0 mkr. Det är 16,1 mkr bättre \
            än budgeten på 18,9 mkr. Nämnderna sammantaget redovisar en negativ avvikelse på \
            2,6 mkr och socialnämnden ett underskott på 5,0 mkr, bildningsnämnden 0,7 mkr.";
        assert!(read_line(prose, vocab()).is_none());
        assert!(read_line("Intäkter 73,6 83,0 Kostnader -261,5 -278,8", vocab()).is_none());
        // Thousands among prose: many groups, but labels are sentences.
        let big = "Kommunen hade vid årets slut 12 345 invånare och det är en ökning med \
            1 234 personer sedan förra året när befolkningen var 11 111 och året dessförinnan \
            10 987 invånare enligt statistiken från SCB som publicerades i mars 2024 vilket \
            är 2 345 fler än prognosen som gjordes för 2021 av kommunens planerare 2 222 3 333";
        assert!(read_line(big, vocab()).is_none());
    }

    #[test]
    fn thousands_among_decimals_join_unless_integers_stand_alone() {
        let (f, u) = decimal_figures(&["1".into(), "234,5".into(), "-7,5".into()], false);
        assert_eq!(f, ["1\u{a0}234,5", "-7,5"]);
        assert!(u.is_none());
        let (_, u) = decimal_figures(&["1".into(), "234,5".into(), "-7,5".into()], true);
        assert!(u.is_some_and(|r| r.contains("not decided")));
    }
    /// Every row with figures comes back: read as a row of the table, or kept as a row
    /// not read with why (a damaged label, a note list that may be a figure); never
    /// dropped.
    #[test]
    fn no_row_with_figures_is_dropped() {
        let line = "2 RESULTATRÄKNING Utfall Budget 2024 Belopp i mkr Verksamhetens intäkter \
            73,6 83,0 Verksamhetens kostnader -261,5-278,8 Avskrivningar not 6,8 -10,3 -9,0 \
            Verksamhetens nettokostnader -198,2-204,8 Skatteintäkter not l 153,1 159,8 \
            Generella statsbidrag 52,9 54,4 Årets resultat 7,8 9,4";
        let tables = crate::table::extract_text(line, vocab());
        let read: Vec<&str> = tables
            .iter()
            .flat_map(|t| &t.rows)
            .filter(|r| r.cells.iter().any(|c| c.value.is_some()))
            .map(|r| r.label.as_str())
            .collect();
        let kept: Vec<(&str, &str)> = tables
            .iter()
            .flat_map(|t| &t.unread_rows)
            .map(|u| (u.label.as_str(), u.reason.as_str()))
            .collect();
        for label in [
            "Verksamhetens intäkter",
            "Verksamhetens kostnader",
            "Verksamhetens nettokostnader",
            "Generella statsbidrag",
            "Årets resultat",
        ] {
            assert!(read.contains(&label), "{label} not read: {read:?} {kept:?}");
        }
        assert!(
            kept.iter()
                .any(|(l, why)| *l == "Avskrivningar" && why.contains("6,8")),
            "{kept:?}"
        );
        assert!(
            kept.iter()
                .any(|(l, why)| *l == "l" && why.contains("misread")),
            "{kept:?}"
        );
    }
}
