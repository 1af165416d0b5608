//! Tjänsteskrivelser (and the non-protocol documents of a bundle): the letterhead block
//! (förvaltning, handläggare, "Tjänsteskrivelse", datum, dnr), the title, the sections
//! (Sammanfattning, Beslutsunderlag, Förslag till beslut …) and the signature.

use super::headings::{self, kind};
use super::lines::{collapse_ws, Ln};
use super::{is_footer_like, paragraph, refs, source_lines};
use crate::document::{BasisItem, Document, DocumentKind, Memo, Section, Signature};
use crate::grammar::re::Re;
use crate::grammar::vocab::Vocabulary;
use std::sync::Arc;

use super::header::KOMMUN;
pub(super) static LETTERHEAD: Re =
    Re::new(r"\b(?:box\s+\d|telefon\w*:?\s*[\d+]|telefax|tel:?\s*\d)");
pub(super) static NAME_LINE: Re =
    Re::new(r"^\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s+\p{Lu}\p{Ll}[\p{L}'’-]*){1,2}$");

/// A person's name alone on a line ("Karin Exempel"): two or three capitalised words.
pub(crate) fn is_person_name(t: &str) -> bool {
    NAME_LINE.is_match(t.trim())
}

/// Words that say what kind of document follows ("PM" / "Digitaliseringsstrategi",
/// "Riktlinje" / "Sekretess för …"): alone on a line they are the first word of the title.
const TYPE_WORDS: &[&str] = &[
    "pm",
    "promemoria",
    "riktlinje",
    "riktlinjer",
    "policy",
    "avtal",
    "samverkansavtal",
    "samarbetsavtal",
    "projektplan",
    "reglemente",
    "rapport",
    "handlingsplan",
];

fn is_type_word(t: &str) -> bool {
    TYPE_WORDS.contains(&t.trim().to_lowercase().as_str())
}

/// A name in capitals alone ("BORLÄNGE") is a logo on a title page, not a title word.
fn is_logo(t: &str) -> bool {
    t.chars().all(|c| c.is_uppercase() || c == '-') && !is_type_word(t)
}

/// Letterhead and address lines that are never a title.
pub(crate) fn is_letterhead(t: &str, vocab: &Vocabulary) -> bool {
    let l = t.to_lowercase();
    let words: Vec<&str> = l.split_whitespace().collect();
    (words.contains(&"tjänsteskrivelse") && words.len() <= 4)
        || l.starts_with("sid ")
        || LETTERHEAD.is_match(&l)
        || l.contains("www.")
        || l.contains("org.nummer")
        || l.contains("besöksadress")
        || l.contains("e-post")
        || l.starts_with("dnr")
        || l.starts_with("diarienummer")
        || l.starts_with("datum")
        || l.starts_with("handläggare")
        || is_footer_like(t)
        || (refs::first_date(t, vocab).is_some() && t.len() <= 14)
}

/// Parses a non-protocol document of the given kind.
pub fn parse_document(
    lines: &[Ln],
    kind: DocumentKind,
    file: &Arc<str>,
    vocab: &Vocabulary,
) -> Document {
    let text_lines: Vec<&Ln> = lines.iter().filter(|l| !l.is_blank()).collect();
    let first_heading = lines.iter().position(|l| {
        let t = l.plain();
        t.len() < 60 && headings::heading_kind(&t, vocab).is_some_and(|k| k != kind::DECISION)
    });
    let ts_line = text_lines
        .iter()
        .position(|l| l.plain().eq_ignore_ascii_case("tjänsteskrivelse"));
    let (title, title_at) = match first_heading {
        Some(h) if h > 0 => title_before(lines, h, vocab),
        _ => (None, None),
    };
    // A label ("Uppdragsgivare:") above the first heading is no title.
    let title = title.filter(|t| !t.ends_with(':'));
    let title = match kind {
        DocumentKind::Rapport
        | DocumentKind::Other
        | DocumentKind::Avtal
        | DocumentKind::Presentation => title_page(&text_lines, vocab)
            .or_else(|| title_block(lines, vocab))
            .or(title),
        _ => title,
    }
    .or_else(|| first_title(&text_lines, vocab));
    // The letterhead: everything before the title (or the first heading).
    let head_end = title_at.or(first_heading).unwrap_or(lines.len().min(25));
    let head: Vec<String> = lines[..head_end.min(lines.len())]
        .iter()
        .map(Ln::plain)
        .filter(|t| !t.is_empty())
        .collect();
    let head_text = head.join("\n");
    // Below the letterhead a date counts only on a short line of its own ("2017-11-24",
    // "Ludvika 2021-01-28") or after a "Datum" label: one in running text ("… daterat
    // den 26 januari 2021.") is what the document is about, not when it was written.
    let date = refs::first_date(&head_text, vocab).or_else(|| {
        text_lines
            .iter()
            .take(12)
            .filter(|l| {
                let t = l.plain();
                let short = t.split_whitespace().count() <= 5 && !t.ends_with(['.', ',']);
                short
                    || l.cells()
                        .iter()
                        .any(|c| c.to_lowercase().starts_with("datum"))
            })
            .find_map(|l| refs::first_date(&l.plain(), vocab))
    });
    let dnr = refs::dnrs(&head_text);
    let sections = match first_heading {
        Some(h) => paragraph::sections(&lines[h..], file, vocab),
        None => Vec::new(),
    };
    let memo = (kind == DocumentKind::Tjansteskrivelse)
        .then(|| memo(&text_lines, ts_line, &head, &sections, vocab));
    let author = memo.as_ref().and_then(|m| {
        m.handler
            .clone()
            .or_else(|| m.signature.as_ref().map(|s| s.name.clone()))
    });
    let first = lines.first();
    let last = lines.last();
    Document {
        kind,
        title,
        date,
        dnr,
        author,
        organ: None,
        municipality: None,
        memo,
        sections,
        pages: (first.map_or(1, |l| l.page), last.map_or(1, |l| l.page)),
        header: None,
        toc: Vec::new(),
        paragraphs: Vec::new(),
        cut_paragraphs: Vec::new(),
        tables: Vec::new(),
        lines: source_lines(lines, file),
        provenance: first.map_or_else(
            || crate::Provenance::new(file, 1, 1),
            |l| l.provenance(file),
        ),
    }
}

/// The title is the block of lines just above the first section heading (it may wrap
/// over two or three lines), letterhead lines left out.
fn title_before(
    lines: &[Ln],
    heading: usize,
    vocab: &Vocabulary,
) -> (Option<String>, Option<usize>) {
    let mut i = heading;
    while i > 0 && lines[i - 1].is_blank() {
        i -= 1;
    }
    let end = i;
    let mut start = end;
    while start > 0 && !lines[start - 1].is_blank() && end - start < 3 {
        let prev = &lines[start - 1];
        let t = prev.plain();
        // Letterhead, a handläggare's name or a multi-column line ends the title block.
        let stop = is_letterhead(&t, vocab)
            || is_organ_name(&t)
            || prev.cells().len() > 1
            || (start < end && NAME_LINE.is_match(&t))
            || is_footer_like(&t);
        if stop {
            break;
        }
        start -= 1;
    }
    if start == end {
        return (None, None);
    }
    let t = collapse_ws(
        &lines[start..end]
            .iter()
            .map(Ln::plain)
            .collect::<Vec<_>>()
            .join(" "),
    );
    (Some(t), Some(start))
}

/// A body's name alone on a line ("Gemensamma servicenämnden", "Kommunstyrelsen"):
/// letterhead above a memo's title, not part of it.
pub(crate) fn is_organ_name(t: &str) -> bool {
    let l = t.trim().to_lowercase();
    // "Yttrande till kommunstyrelsen" is a subject that names a body, not the body.
    const LINKS: &[&str] = &["till", "om", "av", "från", "för", "inom", "med", "på", "i"];
    l.split_whitespace().count() <= 4
        && !l.split_whitespace().any(|w| LINKS.contains(&w))
        && [
            "nämnden",
            "nämnd",
            "styrelsen",
            "direktionen",
            "fullmäktige",
            "utskottet",
            "beredningen",
        ]
        .iter()
        .any(|w| l.ends_with(w))
}

/// The title at the top of a document that is no memo: a TOC left out, the first
/// heading with the sub-headings right under it ("# IT-center" / "## Utvärdering av
/// verksamheten"), or a block of short lines ("”LEDA”" / "Digitalisering av kommunal" /
/// "verksamhet –" / "2017-11-24"). A document-type cell in a letterhead line ("PM")
/// starts the title. Labels ("Uppdragsgivare:"), section headings, §-lines, lists and
/// table rows end it.
fn title_block(lines: &[Ln], vocab: &Vocabulary) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut level = 0u8;
    let mut page = 0u32;
    let mut blanks = 0;
    let mut skipped = 0;
    let mut in_toc = false;
    for l in lines {
        if l.is_blank() {
            blanks += 1;
            if !parts.is_empty() && blanks > 1 {
                break;
            }
            continue;
        }
        let t = l.plain();
        if is_footer_like(&t) || is_logo(&t) {
            continue;
        }
        let gap = blanks;
        blanks = 0;
        if parts.is_empty() {
            if super::toc::is_toc_heading(&t) {
                in_toc = true;
                continue;
            }
            // TOC entries: "1.2. E-dala.....\t3", "3.1\tFinansieringsmodell ....\t4".
            let toc_entry = t.contains("....")
                || l.cells()
                    .last()
                    .is_some_and(|c| c.chars().all(|x| x.is_ascii_digit()));
            if in_toc && toc_entry {
                continue;
            }
            in_toc = false;
            if let Some(w) = l.cells().into_iter().find(|c| is_type_word(c)) {
                parts.push(w.to_string());
                level = l.level;
                page = l.page;
                continue;
            }
            let unusable = is_letterhead(&t, vocab)
                || is_organ_name(&t)
                || l.cells().len() > 1
                || t.ends_with(':');
            if unusable {
                skipped += 1;
                if skipped > 4 {
                    return None;
                }
                continue;
            }
            if headings::heading_kind(&t, vocab).is_some() || t.chars().count() > 90 {
                return None;
            }
            parts.push(t);
            level = l.level;
            page = l.page;
            continue;
        }
        // After a lone document-type word the subject follows, past letterhead.
        let after_type_word = parts.len() == 1 && is_type_word(&parts[0]);
        if after_type_word && is_letterhead(&t, vocab) {
            continue;
        }
        let date_only = refs::first_date(&t, vocab).is_some() && t.len() <= 12;
        // Under a markdown heading only its sub-headings continue the title; under a
        // plain line only plain lines.
        // A sub-heading continues only a banner of a word or three ("# IT-center" /
        // "## Utvärdering av verksamheten"), not a full title ("## Avtalsparter").
        let banner = parts
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum::<usize>()
            <= 3;
        let level_fits = after_type_word
            || (level == 0 && l.level == 0)
            || (level > 0 && l.level > level && banner);
        let shape_fits = t.chars().count() <= 70
            && l.cells().len() == 1
            && !t.ends_with([':', '.'])
            && !t.starts_with(['§', '•', '-', '–', '['])
            && (date_only || !t.starts_with(|c: char| c.is_ascii_digit()));
        let continues = l.page == page
            && (gap <= 1 || after_type_word)
            && level_fits
            && shape_fits
            && headings::heading_kind(&t, vocab).is_none()
            && !super::toc::is_toc_heading(&t)
            && !t.to_lowercase().starts_with("bilag")
            && parts.len() < 6;
        if !continues {
            // A one-word line right above running prose is a section heading
            // ("Inledning"), and a line right above a table its caption ("Metadata om
            // dokument"): neither ends the title.
            let same_page = l.page == page;
            let prose_follows = same_page && t.chars().count() > 70 && l.level == 0;
            let table_follows = same_page && l.cells().len() > 1;
            let lone_type_word = parts.len() == 2 && is_type_word(&parts[0]);
            let one_word = parts
                .last()
                .is_some_and(|p| p.split_whitespace().count() == 1);
            if parts.len() > 1 && (table_follows || prose_follows && one_word && !lone_type_word) {
                parts.pop();
            }
            break;
        }
        level = level.max(l.level);
        parts.push(t);
    }
    drop_closing_date(&mut parts, vocab);
    (!parts.is_empty()).then(|| collapse_ws(&parts.join(" ")))
}

/// A date alone closing a title block is the document's date, not part of its name
/// ("IT Enheten informerar" / "2021-10-20"); one inside it stays ("per den" /
/// "2017-08-31" / "Servicenämnder …").
fn drop_closing_date(parts: &mut Vec<String>, vocab: &Vocabulary) {
    while parts.len() > 1
        && parts
            .last()
            .is_some_and(|p| refs::first_date(p, vocab).is_some() && p.len() <= 12)
    {
        parts.pop();
    }
}

/// A report's title page: a few short lines alone on the first page ("Delårsrapport" /
/// "med årsprognos" / "per den" / "2017-08-31" / "Servicenämnder …") read as one title.
fn title_page(lines: &[&Ln], vocab: &Vocabulary) -> Option<String> {
    let first_page = lines.first()?.page;
    let mut parts: Vec<String> = Vec::new();
    let mut labelled = false;
    let mut seen = 0;
    for l in lines {
        let t = l.plain();
        if l.page != first_page || is_footer_like(&t) {
            break;
        }
        if headings::heading_kind(&t, vocab).is_some() || t.chars().count() > 70 || seen > 6 {
            return None;
        }
        seen += 1;
        // A label ("Uppdragsgivare:") ends the title; what follows it on the title page
        // is the commissioning body and date.
        if t.ends_with(':') || t.to_lowercase().starts_with("bilag") || l.cells().len() > 1 {
            labelled = true;
        }
        if is_logo(&t) {
            continue;
        }
        if !labelled {
            parts.push(t);
        }
    }
    let ends_page = lines.len() > seen;
    drop_closing_date(&mut parts, vocab);
    (ends_page && parts.len() >= 2).then(|| collapse_ws(&parts.join(" ")))
}

/// Without section headings: the first marked line, else the first line that is not
/// letterhead.
fn first_title(lines: &[&Ln], vocab: &Vocabulary) -> Option<String> {
    lines
        .iter()
        .take(30)
        .find(|l| l.marked && !is_letterhead(&l.plain(), vocab))
        .or_else(|| {
            lines.iter().take(30).find(|l| {
                !is_letterhead(&l.plain(), vocab) && l.plain().chars().any(char::is_alphabetic)
            })
        })
        .map(|l| l.plain())
}

fn memo(
    lines: &[&Ln],
    ts_line: Option<usize>,
    head: &[String],
    sections: &[Section],
    vocab: &Vocabulary,
) -> Memo {
    let mut m = Memo {
        municipality: head.iter().find_map(|t| {
            KOMMUN
                .captures(t)
                .and_then(|c| c.get(1))
                .map(|g| format!("{} kommun", g.as_str()))
        }),
        ..Memo::default()
    };
    // Förvaltning and handläggare stand just above the word "Tjänsteskrivelse".
    if let Some(ts) = ts_line {
        for l in lines[ts.saturating_sub(3)..ts].iter().map(|l| l.plain()) {
            if is_letterhead(&l, vocab) {
                continue;
            }
            if NAME_LINE.is_match(&l) && !l.contains('/') && m.handler.is_none() {
                m.handler = Some(l);
            } else if m.department.is_none() {
                m.department = Some(l);
            }
        }
    }
    let of = |k: &str| sections.iter().filter(|s| s.kind == k).collect::<Vec<_>>();
    let text_of = |s: &Section| -> Vec<(crate::Provenance, String)> {
        s.lines
            .iter()
            .map(|l| (l.provenance.clone(), collapse_ws(&l.text)))
            .filter(|(_, t)| !t.is_empty())
            .collect()
    };
    let signature = signature(sections, vocab);
    let is_sig = |t: &str| {
        signature
            .as_ref()
            .is_some_and(|s| s.name == t || s.title.as_deref() == Some(t))
    };
    let summary: Vec<String> = of(kind::SUMMARY)
        .iter()
        .flat_map(|s| text_of(s))
        .map(|(_, t)| t)
        .filter(|t| !is_sig(t))
        .collect();
    m.summary = (!summary.is_empty()).then(|| summary.join("\n"));
    m.basis = of(kind::BASIS)
        .iter()
        .flat_map(|s| text_of(s))
        .filter(|(_, t)| !is_sig(t))
        .map(|(p, t)| BasisItem {
            date: refs::first_date(&t, vocab),
            text: t,
            provenance: Some(p),
        })
        .collect();
    m.proposal = of(kind::RECOMMENDATION)
        .iter()
        .flat_map(|s| text_of(s))
        .map(|(_, t)| t.trim_start_matches(['-', '•', '–', ' ']).to_string())
        .filter(|t| !t.ends_with(':') && !is_sig(t))
        .collect();
    m.dispatch = of(kind::DISPATCH)
        .iter()
        .flat_map(|s| text_of(s))
        .map(|(_, t)| t.trim_start_matches(['-', '•', '–', ' ']).to_string())
        .filter(|t| !is_sig(t))
        .collect();
    m.signature = signature;
    m
}

/// The signature: a name line followed by a short title line ("Olle Provsson" /
/// "IT-chef"), the last such pair in the document's sections.
fn signature(sections: &[Section], vocab: &Vocabulary) -> Option<Signature> {
    let lines: Vec<String> = sections
        .iter()
        .flat_map(|s| s.lines.iter().map(|l| collapse_ws(&l.text)))
        .filter(|t| !t.is_empty())
        .collect();
    lines.windows(2).rev().find_map(|w| {
        let (name, title) = (&w[0], &w[1]);
        let short_title = title.split_whitespace().count() <= 5
            && !title.ends_with('.')
            && !title.chars().any(|c| c.is_ascii_digit());
        (NAME_LINE.is_match(name) && short_title && headings::heading_kind(title, vocab).is_none())
            .then(|| Signature {
                name: name.clone(),
                title: Some(title.clone()),
            })
    })
}
