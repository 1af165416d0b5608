//! Voting lists read from a record's lines, for FORM011: who voted on each side of an
//! omröstning (votering, afstemning) and how many the record says voted so.
//!
//! These layouts are read, each only where it is written out whole:
//! - side blocks, as meeting systems print them: a side ("FOR", "MOT", "JA", "NEJ",
//!   "AVSTÅR") alone on a line, its count alone on the next, then each member's name and
//!   party (on one line or on lines of their own);
//! - a party breakdown under a stated result ("Votering: / 154 för utskottet / …",
//!   "Partivis fördelning av rösterna: / För utskottet: 86 m, 25 c, …");
//! - columns headed by the sides ("Ja-rösterna    Nej-röster") with one "Name, P" or
//!   "Name (P)" per cell, under a stated result ("med 7 röster mot 6", "11 ja-röster");
//! - an omröstningslista: a header naming the columns Ja / Nej / Avstår, one row per
//!   member with a mark ("X") under one of them, and a "Summa" row or a stated result;
//! - name lists per side ("Ja: Anna Berg (S), Bo Ek (M) och …", "Nej: …");
//! - a written proposition order ("Ja-röst för bifall till A:s yrkande, nej-röst för …")
//!   with its result and the proposal the decision adopts.
//!
//! No regex: every test is a plain word check, so a record without a vote costs a scan
//! for a few words.

use crate::document::SourceLine;
use crate::Provenance;

/// One side of a vote as the record states it and as its list counts it.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    /// The side as written ("FOR", "Ja", "för utskottet").
    pub label: String,
    /// The count the record states for the side.
    pub stated: u32,
    /// The members (or marks) the list gives for the side.
    pub counted: u32,
    /// Why the list may not be whole (cut where the text ends, a line not read): a
    /// shortfall is then not decided.
    pub not_whole: Option<String>,
    /// Why the list could not be counted at all.
    pub unread: Option<String>,
    /// Where the side's count stands.
    pub at: Provenance,
}

/// Two counts stated without saying which side is which ("med 7 röster mot 6") against
/// the two columns of a list.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub stated: (u32, u32),
    pub counted: (u32, u32),
    pub labels: (String, String),
    pub not_whole: Option<String>,
    pub at: Provenance,
}

/// A vote whose proposition order is written out ("Ja-röst för bifall till A:s yrkande,
/// nej-röst för bifall till B:s yrkande"), its result and the proposal its decision
/// names.
#[derive(Clone, Debug, PartialEq)]
pub struct Order {
    pub ja: String,
    pub nej: String,
    pub yes: u32,
    pub no: u32,
    /// The decision names the ja side's proposal (true) or the nej side's (false).
    pub follows_ja: bool,
    pub at: Provenance,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lists {
    pub sides: Vec<Side>,
    pub pairs: Vec<Pair>,
    pub orders: Vec<Order>,
}

/// Party names as Norwegian and Danish meeting systems print them after a member's name
/// (bokmål and nynorsk), longest first where one begins another.
const PARTIES: &[&str] = &[
    "Miljøpartiet De Grønne",
    "Miljøpartiet Dei Grøne",
    "Industri- og Næringspartiet",
    "Sosialistisk Venstreparti",
    "Kristelig Folkeparti",
    "Kristeleg Folkeparti",
    "Partiet De Kristne",
    "Arbeiderpartiet",
    "Arbeidarpartiet",
    "Fremskrittspartiet",
    "Framstegspartiet",
    "Senterpartiet",
    "Pensjonistpartiet",
    "Konservativt",
    "Uavhengig",
    "Venstre",
    "Høyre",
    "Høgre",
    "Rødt",
    "Raudt",
];

/// A side's header in a side block.
fn side_word(t: &str) -> bool {
    matches!(
        t,
        "FOR" | "MOT" | "JA" | "NEJ" | "AVSTÅR" | "AVSTOD" | "BLANK" | "BLANKA"
    )
}

/// A count alone on its line.
fn bare_count(t: &str) -> Option<u32> {
    (!t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

/// "13:15" or "13:15 Forslag fra …": the next vote of a meeting system's list.
fn time_stamp(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() >= 5
        && b[0].is_ascii_digit()
        && b[1].is_ascii_digit()
        && b[2] == b':'
        && b[3].is_ascii_digit()
        && b[4].is_ascii_digit()
        && (b.len() == 5 || b[5] == b' ')
}

/// A word of a person's name: capitalised letters, hyphens, apostrophes, or an initial.
fn name_word(w: &str) -> bool {
    let mut cs = w.chars();
    let Some(first) = cs.next() else { return false };
    first.is_uppercase()
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’' || c == '.')
        && w.chars().filter(|c| *c == '.').count() <= 1
        && (!w.contains('.') || w.chars().count() == 2)
}

/// A person's name: two to four name words.
fn person(words: &[&str]) -> bool {
    (2..=4).contains(&words.len()) && words.iter().all(|w| name_word(w))
}

/// Members written "Name Party Name Party …" (the lines joined): their number, or why
/// they cannot be counted.
fn count_members(text: &str) -> Result<u32, String> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let parties: Vec<Vec<&str>> = PARTIES
        .iter()
        .map(|p| p.split_whitespace().collect())
        .collect();
    let mut n = 0u32;
    let mut name: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let party = parties
            .iter()
            .filter(|p| tokens[i..].starts_with(p))
            .max_by_key(|p| p.len());
        match party {
            Some(p) => {
                if !person(&name) {
                    return Err(format!(
                        "\"{}\" before the party {} is not read as one name",
                        name.join(" "),
                        p.join(" ")
                    ));
                }
                n += 1;
                name.clear();
                i += p.len();
            }
            None => {
                name.push(tokens[i]);
                i += 1;
            }
        }
    }
    if !name.is_empty() {
        return Err(format!(
            "\"{}\" is not followed by a party read",
            name.join(" ")
        ));
    }
    Ok(n)
}

/// A line that ends a side block's members.
fn ends_block(t: &str) -> bool {
    side_word(t) || time_stamp(t)
}

/// A line that cannot be part of a member list (a sentence, a heading with a colon, a
/// figure): the list stops before it, and whether it was whole is not known.
fn not_member_line(t: &str) -> bool {
    t.contains(':')
        || t.ends_with('.')
        || t.chars().any(|c| c.is_ascii_digit())
        || t.split_whitespace()
            .any(|w| w.chars().next().is_some_and(|c| c.is_lowercase()) && w != "og")
}

/// Side blocks: "FOR" / "12" / members … up to the next side, the next vote's time or a
/// line that is no member.
fn side_blocks(lines: &[&SourceLine], out: &mut Lists) {
    let text = |i: usize| lines[i].text.trim();
    let next_filled = |mut i: usize| {
        while i < lines.len() && text(i).is_empty() {
            i += 1;
        }
        i
    };
    let mut i = 0;
    while i < lines.len() {
        if !side_word(text(i)) {
            i += 1;
            continue;
        }
        let label = text(i).to_string();
        let c = next_filled(i + 1);
        let Some(stated) = (c < lines.len()).then(|| bare_count(text(c))).flatten() else {
            i += 1;
            continue;
        };
        let mut j = c + 1;
        let mut members: Vec<&str> = Vec::new();
        let mut end: Option<&str> = None;
        let last_page = lines[c].provenance.page;
        let mut page_break = false;
        while j < lines.len() {
            let t = text(j);
            if t.is_empty() {
                j += 1;
                continue;
            }
            if ends_block(t) {
                end = Some("next");
                break;
            }
            if not_member_line(t) {
                end = Some("other");
                break;
            }
            if lines[j].provenance.page != last_page {
                page_break = true;
            }
            members.push(t);
            j += 1;
        }
        let not_whole = match end {
            None => Some("the list ends where the text ends".to_string()),
            Some("other") => Some(format!(
                "the list stops at a line that is no member (\"{}\")",
                text(j)
            )),
            _ if page_break => Some("the list runs over a page break".to_string()),
            _ => None,
        };
        let (counted, unread) = match count_members(&members.join(" ")) {
            Ok(n) => (n, None),
            Err(why) => (0, Some(why)),
        };
        out.sides.push(Side {
            label,
            stated,
            counted,
            not_whole,
            unread,
            at: lines[c].provenance.clone(),
        });
        i = j;
    }
}

/// "154 för utskottet", "48 frånvarande": a stated count and its side.
fn stated_line(t: &str) -> Option<(u32, String)> {
    let (n, rest) = t.split_once(' ')?;
    let n = bare_count(n)?;
    let rest = rest.trim();
    let lower = rest.to_lowercase();
    (lower.starts_with("för ") || matches!(lower.as_str(), "frånvarande" | "avstod" | "avstår"))
        .then_some((n, lower))
}

/// "För utskottet: 86 m, 25 c, 23 fp": a side and the sum of its parties' counts.
fn breakdown_line(t: &str) -> Option<(String, u32)> {
    let (label, parts) = t.split_once(':')?;
    let mut sum = 0u32;
    for part in parts.split(',') {
        let mut w = part.split_whitespace();
        let n = bare_count(w.next()?)?;
        let party = w.next()?;
        if w.next().is_some() || !party.chars().all(|c| c.is_lowercase()) {
            return None;
        }
        sum += n;
    }
    Some((label.trim().to_lowercase(), sum))
}

/// "Votering:" with its counts, then "Partivis fördelning av rösterna:" with each side's
/// parties.
fn breakdowns(lines: &[&SourceLine], out: &mut Lists) {
    let mut i = 0;
    while i < lines.len() {
        if lines[i].text.trim() != "Votering:" {
            i += 1;
            continue;
        }
        let mut stated: Vec<(u32, String, usize)> = Vec::new();
        let mut j = i + 1;
        while let Some((n, label)) = lines.get(j).and_then(|l| stated_line(l.text.trim())) {
            stated.push((n, label, j));
            j += 1;
        }
        // The breakdown follows within a few lines ("Kammaren biföll utskottets förslag.").
        let head = (j..(j + 4).min(lines.len())).find(|&k| {
            lines[k]
                .text
                .trim()
                .to_lowercase()
                .starts_with("partivis fördelning av rösterna")
        });
        let Some(head) = head else {
            i = j.max(i + 1);
            continue;
        };
        let mut k = head + 1;
        while let Some((label, sum)) = lines.get(k).and_then(|l| breakdown_line(l.text.trim())) {
            if let Some((n, side, at)) = stated.iter().find(|(_, s, _)| *s == label) {
                out.sides.push(Side {
                    label: side.clone(),
                    stated: *n,
                    counted: sum,
                    not_whole: None,
                    unread: None,
                    at: lines[*at].provenance.clone(),
                });
            }
            k += 1;
        }
        i = k.max(i + 1);
    }
}

/// The side a column header names.
fn column_side(cell: &str) -> Option<&'static str> {
    let c = cell.trim().trim_end_matches(':').to_lowercase();
    match c.as_str() {
        "ja" | "ja-röster" | "ja-rösterna" | "ja-röst" => Some("ja"),
        "nej" | "nej-röster" | "nej-rösterna" | "nej-röst" => Some("nej"),
        "avstår" | "avstod" | "avstående" => Some("avstår"),
        _ => None,
    }
}

/// The cells of a line split at runs of three or more spaces or at tabs, each with the
/// character offset it starts at.
fn cells(t: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = t.chars().collect();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut gap = 0;
    for (k, &c) in chars.iter().enumerate() {
        if c == '\t' || c == ' ' {
            gap += if c == '\t' { 3 } else { 1 };
            continue;
        }
        if start.is_none() || gap >= 3 {
            if let Some(s) = start {
                out.push((s, chars[s..k].iter().collect::<String>().trim().to_string()));
            }
            start = Some(k);
        }
        gap = 0;
    }
    if let Some(s) = start {
        out.push((s, chars[s..].iter().collect::<String>().trim().to_string()));
    }
    out
}

/// "Cathrine Bergenstråhle, M" or "Anna Berg (S)": a member with a party abbreviation.
fn member_cell(c: &str) -> bool {
    let (name, party) = if let Some((n, p)) = c.rsplit_once(',') {
        (n, p.trim())
    } else if let Some((n, p)) = c.strip_suffix(')').and_then(|c| c.rsplit_once('(')) {
        (n, p.trim())
    } else {
        return false;
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    person(&words)
        && (1..=3).contains(&party.chars().count())
        && party.chars().all(|c| c.is_uppercase())
}

/// Counts stated in the lines before a list: "med 7 röster mot 6", "11 ja-röster",
/// "2 nej-röster". Returns (ja, nej, unordered pair).
fn stated_before(lines: &[&SourceLine]) -> (Option<u32>, Option<u32>, Option<(u32, u32)>) {
    let (mut ja, mut nej, mut pair) = (None, None, None);
    for l in lines {
        let w: Vec<String> = l
            .text
            .split_whitespace()
            .map(|w| w.trim_end_matches([',', '.', ';']).to_lowercase())
            .collect();
        for k in 0..w.len() {
            let Some(n) = bare_count(&w[k]) else { continue };
            match w.get(k + 1).map(String::as_str) {
                Some("ja-röster" | "ja-röst") => ja = Some(n),
                Some("nej-röster" | "nej-röst") => nej = Some(n),
                Some("röster") if w.get(k + 2).is_some_and(|m| m == "mot") => {
                    if let Some(m) = w.get(k + 3).and_then(|m| bare_count(m)) {
                        pair = Some((n, m));
                    }
                }
                _ => {}
            }
        }
    }
    (ja, nej, pair)
}

/// Columns headed "Ja-rösterna   Nej-röster", one member per cell.
fn named_columns(lines: &[&SourceLine], out: &mut Lists) {
    for (i, l) in lines.iter().enumerate() {
        let head = cells(&l.text);
        if head.len() != 2 {
            continue;
        }
        let (Some(a), Some(b)) = (column_side(&head[0].1), column_side(&head[1].1)) else {
            continue;
        };
        if a == b {
            continue;
        }
        let mut counts = [0u32; 2];
        let mut j = i + 1;
        let mut unread: Option<String> = None;
        let page = l.provenance.page;
        let mut page_break = false;
        while j < lines.len() {
            let t = lines[j].text.trim_end();
            if t.trim().is_empty() {
                j += 1;
                continue;
            }
            let row = cells(t);
            if !row.iter().all(|(_, c)| member_cell(c)) {
                break;
            }
            if lines[j].provenance.page != page {
                page_break = true;
            }
            if row.len() < 2 && (t.contains('\t') || l.text.contains('\t')) {
                unread = Some(format!(
                    "the cell of \"{}\" may stand in either column (tabs)",
                    t.trim()
                ));
            }
            for (at, _) in &row {
                let d0 = at.abs_diff(head[0].0);
                let d1 = at.abs_diff(head[1].0);
                if d0 == d1 {
                    unread = Some(format!(
                        "a cell of \"{}\" stands under neither column",
                        t.trim()
                    ));
                } else {
                    counts[usize::from(d1 < d0)] += 1;
                }
            }
            j += 1;
        }
        if counts == [0, 0] || unread.is_some() {
            continue;
        }
        let not_whole = if j >= lines.len() {
            Some("the list ends where the text ends".to_string())
        } else if page_break {
            Some("the list runs over a page break".to_string())
        } else {
            None
        };
        let from = i.saturating_sub(12);
        let (ja, nej, pair) = stated_before(&lines[from..i]);
        let labels = (head[0].1.clone(), head[1].1.clone());
        let mut stated_sides = false;
        for (k, side) in [a, b].iter().enumerate() {
            let stated = match *side {
                "ja" => ja,
                "nej" => nej,
                _ => None,
            };
            if let Some(stated) = stated {
                stated_sides = true;
                out.sides.push(Side {
                    label: if k == 0 {
                        labels.0.clone()
                    } else {
                        labels.1.clone()
                    },
                    stated,
                    counted: counts[k],
                    not_whole: not_whole.clone(),
                    unread: None,
                    at: l.provenance.clone(),
                });
            }
        }
        if let (false, Some(stated)) = (stated_sides, pair) {
            out.pairs.push(Pair {
                stated,
                counted: (counts[0], counts[1]),
                labels,
                not_whole,
                at: l.provenance.clone(),
            });
        }
    }
}

/// The words of a line, each with the character offset it starts at.
fn words(t: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None;
    for (k, (b, c)) in t.char_indices().enumerate() {
        if c.is_whitespace() {
            if let Some((ck, cb)) = start.take() {
                out.push((ck, &t[cb..b]));
            }
        } else if start.is_none() {
            start = Some((k, b));
        }
    }
    if let Some((ck, cb)) = start {
        out.push((ck, &t[cb..]));
    }
    out
}

/// A column of an omröstningslista.
fn mark_column(w: &str) -> Option<&'static str> {
    match w.to_lowercase().as_str() {
        "ja" => Some("ja"),
        "nej" => Some("nej"),
        "avstår" | "avstod" | "avstående" => Some("avstår"),
        "frånvarande" | "frånv" | "frånv." => Some("frånvarande"),
        _ => None,
    }
}

/// An omröstningslista's header ("Ledamot   Ja  Nej  Avstår"): its last words name two
/// or more columns, Ja among them; each with the character offset it starts at.
fn mark_header(t: &str) -> Option<Vec<(usize, &'static str)>> {
    let ws = words(t);
    let first_col = ws.iter().position(|(_, w)| mark_column(w).is_some())?;
    let cols: Option<Vec<(usize, &'static str)>> = ws[first_col..]
        .iter()
        .map(|(at, w)| mark_column(w).map(|c| (*at, c)))
        .collect();
    let cols = cols?;
    (first_col >= 1 && cols.len() >= 2 && cols.iter().any(|c| c.1 == "ja")).then_some(cols)
}

/// A list row's member: "Anna Berg (S)", "Anna Berg, S" or "Anna Berg S".
fn member_words(ws: &[&str]) -> bool {
    let text = ws.join(" ");
    if member_cell(&text) {
        return true;
    }
    let Some((party, name)) = ws.split_last() else {
        return false;
    };
    person(name)
        && (1..=3).contains(&party.chars().count())
        && party.chars().all(|c| c.is_uppercase())
}

/// Omröstningslistor: rows "Anna Berg (S)     X" under a header "Ledamot   Ja  Nej  Avstår",
/// counted per column and compared with the list's Summa row and the counts stated before
/// it. A list is whole when its Summa row closes it.
fn mark_lists(lines: &[&SourceLine], out: &mut Lists) {
    let mut i = 0;
    while i < lines.len() {
        let Some(cols) = mark_header(&lines[i].text) else {
            i += 1;
            continue;
        };
        let mut counts = vec![0u32; cols.len()];
        let mut unread: Option<String> = None;
        let mut summa: Option<(Vec<u32>, usize)> = None;
        let tabbed = lines[i].text.contains('\t');
        let mut marked = 0u32;
        let mut rows = 0u32;
        let mut j = i + 1;
        while j < lines.len() {
            let t = lines[j].text.trim_end();
            let ws = words(t);
            if ws.is_empty() {
                j += 1;
                continue;
            }
            if ws[0].1.to_lowercase().starts_with("summa") {
                let figures: Option<Vec<u32>> =
                    ws[1..].iter().map(|(_, w)| bare_count(w)).collect();
                if let Some(f) =
                    figures.filter(|f| f.len() == cols.len() || f.len() == cols.len() + 1)
                {
                    summa = Some((f, j));
                }
                j += 1;
                break;
            }
            let first_mark = ws
                .iter()
                .position(|(_, w)| w.eq_ignore_ascii_case("x"))
                .unwrap_or(ws.len());
            let name: Vec<&str> = ws[..first_mark].iter().map(|(_, w)| *w).collect();
            if !member_words(&name) {
                break;
            }
            rows += 1;
            let rest = &ws[first_mark..];
            if tabbed || t.contains('\t') {
                // Tabs stand for gaps of any width: a mark's column is not known.
                unread.get_or_insert(
                    "its columns are separated by tabs, so a mark's column is not known"
                        .to_string(),
                );
            } else if rest.iter().any(|(_, w)| !w.eq_ignore_ascii_case("x")) {
                unread.get_or_insert(format!(
                    "the row \"{}\" has a cell that is no mark",
                    t.trim()
                ));
            } else if rest.len() > 1 {
                unread.get_or_insert(format!("the row \"{}\" has more than one mark", t.trim()));
            } else if let Some(&(at, _)) = rest.first() {
                // The column whose heading the mark stands under (within two characters).
                let near: Vec<usize> = (0..cols.len())
                    .filter(|&k| at.abs_diff(cols[k].0) <= 2)
                    .collect();
                match near.as_slice() {
                    [k] => {
                        counts[*k] += 1;
                        marked += 1;
                    }
                    _ => {
                        unread.get_or_insert(format!(
                            "the mark of \"{}\" stands under no one column",
                            name.join(" ")
                        ));
                    }
                }
            }
            j += 1;
        }
        if rows == 0 {
            i += 1;
            continue;
        }
        let not_whole = summa
            .is_none()
            .then(|| "no Summa row closes the list".to_string());
        // A Summa row with one figure more than the columns states the list's total: the
        // columns' figures must add up to it, and, where every row holds one mark read,
        // it must be the number of rows.
        if let Some((f, at)) = summa.as_ref().filter(|(f, _)| f.len() == cols.len() + 1) {
            let total = f[cols.len()];
            out.sides.push(Side {
                label: "Summa (its columns added)".to_string(),
                stated: total,
                counted: f[..cols.len()].iter().sum(),
                not_whole: None,
                unread: None,
                at: lines[*at].provenance.clone(),
            });
            if unread.is_none() && marked == rows {
                out.sides.push(Side {
                    label: "Summa (the list's rows)".to_string(),
                    stated: total,
                    counted: rows,
                    not_whole: None,
                    unread: None,
                    at: lines[*at].provenance.clone(),
                });
            }
        }
        let from = i.saturating_sub(12);
        let (ja, nej, _) = stated_before(&lines[from..i]);
        for (k, (_, side)) in cols.iter().enumerate() {
            let by_summa = summa.as_ref().map(|(f, at)| (f[k], *at));
            // The text's count where it is not the Summa row's (the same count once).
            let by_text = match *side {
                "ja" => ja.map(|n| (n, i)),
                "nej" => nej.map(|n| (n, i)),
                _ => None,
            }
            .filter(|(n, _)| by_summa.is_none_or(|(m, _)| m != *n));
            for (stated, at) in by_summa.into_iter().chain(by_text) {
                out.sides.push(Side {
                    label: side.to_string(),
                    stated,
                    counted: counts[k],
                    not_whole: not_whole.clone(),
                    unread: unread.clone(),
                    at: lines[at].provenance.clone(),
                });
            }
        }
        i = j.max(i + 1);
    }
}

/// A side's label opening a list of names: "Ja:", "Ja-röster:", "Nej-röster (2):",
/// "Avstår:". Returns the side, a count written in the label, and the rest of the line.
fn name_list_label(t: &str) -> Option<(&'static str, Option<u32>, &str)> {
    let (label, rest) = t.split_once(':')?;
    let label = label.trim().to_lowercase();
    let (word, count) = match label.split_once('(') {
        Some((w, c)) => (
            w.trim().to_string(),
            Some(bare_count(c.trim_end_matches(')').trim())?),
        ),
        None => (label.clone(), None),
    };
    let side = match word.as_str() {
        "ja" | "ja-röster" | "röstar ja" | "följande röstar ja" => "ja",
        "nej" | "nej-röster" | "röstar nej" | "följande röstar nej" => "nej",
        "avstår" | "avstod" | "avstående" | "följande avstår" => "avstår",
        _ => return None,
    };
    Some((side, count, rest))
}

/// The members of a name list: "Anna Berg (S), Bo Ek (M) och Cia Lind (C)".
fn named_members(rest: &str) -> Result<u32, String> {
    let mut n = 0;
    for piece in rest.split([',', ';']).flat_map(|p| p.split(" och ")) {
        let piece = piece.trim().trim_end_matches('.').trim();
        if piece.is_empty() {
            continue;
        }
        if !member_cell(piece) {
            return Err(format!("\"{piece}\" is not read as a member with a party"));
        }
        n += 1;
    }
    Ok(n)
}

/// Name lists per side ("Ja: Anna Berg (S), Bo Ek (M)" / "Nej: …"), each on a line of its
/// own, against the count stated in the label or in the lines before.
fn name_lists(lines: &[&SourceLine], out: &mut Lists) {
    for (i, l) in lines.iter().enumerate() {
        let Some((side, in_label, rest)) = name_list_label(l.text.trim()) else {
            continue;
        };
        // A list only where it names at least one member.
        if !rest
            .split([',', ';'])
            .flat_map(|p| p.split(" och "))
            .any(|p| member_cell(p.trim().trim_end_matches('.').trim()))
        {
            continue;
        }
        let stated = in_label.or_else(|| {
            let (ja, nej, _) = stated_before(&lines[i.saturating_sub(8)..i]);
            match side {
                "ja" => ja,
                "nej" => nej,
                _ => None,
            }
        });
        let Some(stated) = stated else { continue };
        // The list is whole where the next line is another side's list or blank-separated
        // prose that is no name (a wrapped list goes on on the next line).
        let next = lines[i + 1..].iter().find(|n| !n.text.trim().is_empty());
        let not_whole = match next {
            None => Some("the list ends where the text ends".to_string()),
            Some(n) if name_list_label(n.text.trim()).is_some() => None,
            Some(n) if n.provenance.page != l.provenance.page => {
                Some("the list runs over a page break".to_string())
            }
            Some(n)
                if n.text
                    .split([',', ';'])
                    .flat_map(|p| p.split(" och "))
                    .any(|p| member_cell(p.trim().trim_end_matches('.').trim())) =>
            {
                Some("the next line may go on with the list".to_string())
            }
            Some(_) => None,
        };
        let (counted, unread) = match named_members(rest) {
            Ok(n) => (n, None),
            Err(why) => (0, Some(why)),
        };
        out.sides.push(Side {
            label: side.to_string(),
            stated,
            counted,
            not_whole,
            unread,
            at: l.provenance.clone(),
        });
    }
}

/// A line without HTML tags ("<br />", "<strong>") that extracted web pages keep.
fn untagged(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut depth = false;
    for c in t.chars() {
        match c {
            '<' => depth = true,
            '>' if depth => depth = false,
            _ if !depth => out.push(c),
            _ => {}
        }
    }
    out
}

/// "Ja-röst för bifall till A:s yrkande": the side and the proposal, lowercased.
fn proposition(clause: &str) -> Option<(&'static str, String)> {
    let c = clause.trim().to_lowercase();
    let (side, rest) = if let Some(r) = c.strip_prefix("ja-röst för ") {
        ("ja", r)
    } else if let Some(r) = c.strip_prefix("nej-röst för ") {
        ("nej", r)
    } else {
        return None;
    };
    let rest = rest.strip_prefix("bifall till ").unwrap_or(rest);
    let rest = rest.trim().trim_end_matches(['.', ',', ';']).trim();
    // A proposal named by one letter ("J" of "J. I. Næss") cut at its initial is no name.
    (rest.chars().count() >= 5).then(|| (side, rest.to_string()))
}

/// Votes with a written proposition order: the result and the proposal the decision
/// names ("Med 11 ja-röster mot 2 nej-röster … beslutar kommunstyrelsen att anta A:s
/// yrkande").
fn orders(lines: &[&SourceLine], out: &mut Lists) {
    let text: Vec<String> = lines.iter().map(|l| untagged(&l.text)).collect();
    let mut i = 0;
    while i < text.len() {
        let (mut ja, mut nej) = (None, None);
        // The two propositions, on one line or on two lines in a row.
        let mut clauses: Vec<&str> = Vec::new();
        for t in text.iter().skip(i).filter(|t| !t.trim().is_empty()).take(2) {
            clauses.extend(t.split([',', ';']).flat_map(|c| c.split(". ")));
        }
        for clause in clauses {
            {
                match proposition(clause) {
                    Some(("ja", p)) => ja = Some(p),
                    Some((_, p)) => nej = Some(p),
                    None => {}
                }
            }
        }
        let (Some(ja), Some(nej)) = (ja, nej) else {
            i += 1;
            continue;
        };
        // The result within the next lines, and the decision after it.
        let mut k = i;
        let found = loop {
            if k >= text.len() || k > i + 8 {
                break None;
            }
            let (yes, no, _) = stated_before(&lines[k..=k]);
            if let (Some(yes), Some(no)) = (yes, no) {
                break Some((yes, no, k));
            }
            k += 1;
        };
        let Some((yes, no, k)) = found else {
            i += 1;
            continue;
        };
        let joined = text[k..(k + 3).min(text.len())].join(" ").to_lowercase();
        let decision = ["beslutar ", "beslutade ", "beslöt "]
            .iter()
            .filter_map(|w| joined.find(w).map(|p| &joined[p..]))
            .next();
        if let Some(d) = decision {
            // The decision's own sentence, adopting one proposal by name ("enligt A:s
            // yrkande", "att bifalla A:s yrkande"); one that rejects ("avslå", "avslag")
            // is not read.
            let d = d.split(". ").next().unwrap_or(d);
            const ADOPT: &[&str] = &[
                "enligt ",
                "i enlighet med ",
                "bifalla ",
                "bifaller ",
                "bifall till ",
                "anta ",
                "antar ",
                "att anta ",
            ];
            let adopts = |p: &str| ADOPT.iter().any(|v| d.contains(&format!("{v}{p}")));
            let rejects = d.contains("avslå") || d.contains("avslag");
            let (a, b) = (adopts(&ja), adopts(&nej));
            if a != b && yes != no && !rejects {
                out.orders.push(Order {
                    ja,
                    nej,
                    yes,
                    no,
                    follows_ja: a,
                    at: lines[k].provenance.clone(),
                });
            }
        }
        i = k + 1;
    }
}

/// The voting lists of a record's lines.
pub fn read(lines: &[SourceLine]) -> Lists {
    let mut out = Lists::default();
    // A cheap look first: most records hold no vote.
    let any = lines.iter().any(|l| {
        let t = l.text.trim();
        side_word(t) || t == "Votering:" || t.contains("röst") || t.contains("Röst") || {
            let lower = t.to_lowercase();
            lower.contains("nej")
                && lower
                    .split_whitespace()
                    .any(|w| w == "ja" || w.starts_with("ja-"))
        }
    });
    if !any {
        return out;
    }
    let lines: Vec<&SourceLine> = lines.iter().collect();
    side_blocks(&lines, &mut out);
    breakdowns(&lines, &mut out);
    named_columns(&lines, &mut out);
    mark_lists(&lines, &mut out);
    name_lists(&lines, &mut out);
    orders(&lines, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each side's label with its stated and counted votes.
    fn counts(r: &Lists) -> Vec<(String, u32, u32)> {
        r.sides
            .iter()
            .map(|s| (s.label.clone(), s.stated, s.counted))
            .collect()
    }

    fn lines(text: &str) -> Vec<SourceLine> {
        text.lines()
            .enumerate()
            .map(|(k, t)| SourceLine {
                text: t.to_string(),
                provenance: Provenance::new(&std::sync::Arc::from("t.txt"), 1, k as u32 + 1),
            })
            .collect()
    }

    #[test]
    fn members_are_counted_between_parties() {
        assert_eq!(
            count_members("Åse Gro Bakke Sosialistisk Venstreparti Jon Søli Senterpartiet Marco Gozzi Miljøpartiet De Grønne"),
            Ok(3)
        );
        assert!(count_members("Ola Nordmann Bygdelista Kari Hansen Høyre").is_err());
        assert!(count_members("Ola Nordmann Høyre Kari").is_err());
    }

    #[test]
    fn side_block_cut_at_the_end_is_not_whole() {
        let l = lines("FOR\n2\nGustav Søvde\nVenstre\nTomas Bakken\nUavhengig\nMOT\n1\nJon Søli\n");
        let r = read(&l);
        assert_eq!(r.sides.len(), 2);
        assert_eq!((r.sides[0].stated, r.sides[0].counted), (2, 2));
        assert!(r.sides[0].not_whole.is_none());
        assert!(r.sides[1].unread.is_some());
        assert!(r.sides[1].not_whole.is_some());
    }

    #[test]
    fn party_breakdown_sums() {
        let l = lines("Votering:\n154 för utskottet\n48 frånvarande\nKammaren biföll utskottets förslag.\nPartivis fördelning av rösterna:\nFör utskottet: 86 m, 25 c, 23 fp, 20 kd\nFrånvarande: 16 s, 11 m, 4 c, 5 fp, 4 kd, 2 v, 6 mp\n");
        let r = read(&l);
        assert_eq!(r.sides.len(), 2);
        assert_eq!((r.sides[0].stated, r.sides[0].counted), (154, 154));
        assert_eq!((r.sides[1].stated, r.sides[1].counted), (48, 48));
    }

    #[test]
    fn a_row_with_two_marks_leaves_the_list_unread() {
        let l = lines("Ledamot            Ja   Nej\nAnna Berg (S)      X    X\nBo Ek (M)               X\nSumma              1    1\n");
        let r = read(&l);
        assert_eq!(r.sides.len(), 2);
        assert!(r.sides.iter().all(|s| s.unread.is_some()));
    }

    #[test]
    fn a_mark_list_without_summa_is_not_whole() {
        let l = lines("Med 3 ja-röster mot 1 nej-röst beslutar nämnden.\nLedamot            Ja   Nej\nAnna Berg (S)      X\nBo Ek (M)               X\n");
        let r = read(&l);
        assert_eq!(r.sides.len(), 2);
        assert_eq!((r.sides[0].stated, r.sides[0].counted), (3, 1));
        assert!(r.sides[0].not_whole.is_some());
    }

    #[test]
    fn proposition_order_is_read_only_where_the_decision_adopts_one_side() {
        let l = lines("Ja-röst för bifall till kommunstyrelsens förslag, nej-röst för bifall till motionen.\nMed 4 ja-röster mot 5 nej-röster beslutar fullmäktige enligt kommunstyrelsens förslag.\n");
        let r = read(&l);
        assert_eq!(r.orders.len(), 1);
        assert!(r.orders[0].follows_ja);
        let l = lines("Ja-röst för bifall till kommunstyrelsens förslag, nej-röst för bifall till motionen.\nMed 4 ja-röster mot 5 nej-röster beslutar fullmäktige att avslå motionen.\n");
        assert!(read(&l).orders.is_empty());
    }

    #[test]
    fn a_tab_separated_mark_list_is_not_read() {
        let l =
            lines("Ledamot\tJa\tNej\tAvstår\nAnna Berg (S)\tX\nOlof Sand (C)\tX\nSumma\t1\t1\t0\n");
        let r = read(&l);
        assert!(!r.sides.is_empty());
        assert!(r.sides.iter().all(|s| s.unread.is_some()));
    }

    #[test]
    fn a_summa_total_is_checked_against_its_columns_and_rows() {
        let l = lines("Ledamot            Ja   Nej\nAnna Berg (S)      X\nBo Ek (M)               X\nCia Lind (C)       X\nSumma              2    1    4\n");
        let r = read(&l);
        let got = counts(&r);
        assert_eq!(
            got,
            vec![
                ("Summa (its columns added)".into(), 4, 3),
                ("Summa (the list's rows)".into(), 4, 3),
                ("ja".into(), 2, 2),
                ("nej".into(), 1, 1),
            ]
        );
    }

    #[test]
    fn name_lists_per_side() {
        let l = lines("Med 3 ja-röster mot 2 nej-röster beslutar nämnden enligt förslaget.\nJa: Anna Berg (S), Bo Ek (S) och Cia Lind (C)\nNej: Dan Ås (M), Eva Ok (M), Fia Ny (KD)\n\nNämndens beslut\n");
        let r = read(&l);
        let got: Vec<(String, u32, u32, bool)> = r
            .sides
            .iter()
            .map(|s| (s.label.clone(), s.stated, s.counted, s.not_whole.is_none()))
            .collect();
        assert_eq!(
            got,
            vec![("ja".into(), 3, 3, true), ("nej".into(), 2, 3, true)]
        );
        // Wrapped onto the next line: a shortfall is not decided.
        let l = lines("Med 4 ja-röster mot 1 nej-röst.\nJa: Anna Berg (S), Bo Ek (S),\nCia Lind (C) och Gun Al (C)\nNej: Dan Ås (M)\n");
        let r = read(&l);
        assert_eq!((r.sides[0].stated, r.sides[0].counted), (4, 2));
        assert!(r.sides[0].not_whole.is_some());
    }

    #[test]
    fn mark_list_columns_by_position() {
        let l = lines("Med 2 ja-röster mot 1 nej-röst beslutar nämnden.\nLedamot            Ja   Nej  Avstår\nAnna Berg (S)      X\nBo Ek (M)               X\nCia Lind (C)       X\nSumma              2    1    0\nEfter omröstningen.");
        let r = read(&l);
        let got = counts(&r);
        assert_eq!(
            got,
            vec![
                ("ja".into(), 2, 2),
                ("nej".into(), 1, 1),
                ("avstår".into(), 0, 0)
            ]
        );
    }
}
