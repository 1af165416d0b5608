//! Stage 4: segmentation of a file into documents and parsing of each document's
//! structure (protocol header, innehållsförteckning, §§ and their sections,
//! tjänsteskrivelse fields).
//!
//! Modules: `lines` (cleaned input lines), `flat` (re-breaking lines whose breaks were
//! lost), `segment` (bundle → documents, classification), `header`, `toc`, `paragraph`,
//! `tjansteskrivelse`; `headings` and `refs` are the vocabulary and small finders.

pub mod esign;
pub mod flat;
pub mod header;
pub mod headings;
pub mod lines;
pub mod paragraph;
pub mod refs;
pub mod segment;
pub mod tjansteskrivelse;
pub mod toc;

use crate::document::{Document, DocumentKind, SourceLine};
use crate::grammar::re::Re;
use crate::grammar::vocab::Vocabulary;
use crate::layout::LaidOutFile;
use crate::table::Table;
use lines::Ln;
use std::sync::Arc;

/// A document with the (page, line) of its first and last line.
type Placed = (Document, (u32, u32), (u32, u32));

/// Splits a file into documents and parses each; tables are handed to the document
/// (and paragraph) whose page and line range holds them.
pub fn parse_file(file: &LaidOutFile, tables: Vec<Table>, vocab: &Vocabulary) -> Vec<Document> {
    parse_segments(file, segment_file(file, vocab), tables, vocab)
}

/// A file's content lines and where its documents start: the first half of
/// [`parse_file`], which needs no tables (the pipeline runs it beside table reading).
pub fn segment_file(file: &LaidOutFile, vocab: &Vocabulary) -> Segmented {
    let lines = flat::unflatten(lines::content_lines(file));
    let segments = segment::segment(&lines, vocab);
    Segmented { lines, segments }
}

/// A file's content lines and its documents' line ranges ([`segment_file`]).
pub struct Segmented {
    lines: Vec<Ln>,
    segments: Vec<segment::Segment>,
}

/// The second half of [`parse_file`]: each segment parsed, the tables handed out.
pub fn parse_segments(
    file: &LaidOutFile,
    segmented: Segmented,
    tables: Vec<Table>,
    vocab: &Vocabulary,
) -> Vec<Document> {
    let Segmented { lines, segments } = segmented;
    let parse_segment = |s: &segment::Segment| -> Option<Placed> {
        // Furniture served the segmentation; the parsers see content only.
        let slice: Vec<Ln> = lines
            .get(s.start..s.end)?
            .iter()
            .filter(|l| !l.furniture)
            .cloned()
            .collect();
        let slice = slice.as_slice();
        let first = slice.first()?.pos();
        let last = slice.last()?.pos();
        let doc = match s.kind {
            DocumentKind::Protokoll => parse_protocol(slice, &file.path, vocab),
            DocumentKind::Kallelse => {
                let mut d = tjansteskrivelse::parse_document(slice, s.kind, &file.path, vocab);
                kallelse_title(&mut d, slice);
                // The ärendelista of a kallelse: "1 Val av justerande  2".
                if let Some(i) = slice.iter().position(|l| toc::is_toc_heading(&l.text)) {
                    d.toc = toc::parse_toc(slice, i + 1, &file.path).0;
                }
                d
            }
            _ => tjansteskrivelse::parse_document(slice, s.kind, &file.path, vocab),
        };
        let mut doc = doc;
        let all = lines.get(s.start..s.end).unwrap_or_default();
        if let Some(name) = running_header_name(&doc, all) {
            doc.title = Some(name);
        }
        if let Some(label) = attachment_label(all) {
            label_attachment(&mut doc, &label);
        }
        doc.date = doc.date.or_else(|| furniture_date(all, vocab));
        let (municipality, organ) = furniture_owner(all);
        doc.municipality = doc.municipality.take().or(municipality);
        doc.organ = doc.organ.take().or(organ);
        Some((doc, first, last))
    };
    // A bundle's documents are parsed in parallel when this runs inside a thread pool
    // (the audit's); the order is kept.
    let mut docs: Vec<Placed> = if in_pool(segments.len()) {
        use rayon::prelude::*;
        segments.par_iter().filter_map(parse_segment).collect()
    } else {
        segments.iter().filter_map(parse_segment).collect()
    };
    name_listed_attachments(&mut docs);
    if docs.is_empty() {
        let last_page = file.pages.last().map_or(1, |p| p.number);
        docs.push((
            Document::empty(&file.path, last_page),
            (0, 0),
            (u32::MAX, u32::MAX),
        ));
    }
    assign_tables(&mut docs, tables);
    docs.into_iter().map(|(d, _, _)| d).collect()
}

/// The parsers' regexes that every record reaches (page furniture, letterheads, names,
/// the owner, the continuation of a §) and those every protocol reaches (signature
/// pages, the header and its people, the list of items, the §§ and their lists), in
/// about the order they are needed, for [`crate::grammar::re::warm_in_background`].
/// Those only some records reach (vote counts, page markers in titles, signing times,
/// flat text dumps) are compiled when first used: compiling them ahead would cost every
/// run their time.
pub(crate) fn regexes() -> Vec<&'static Re> {
    vec![
        &FOOTER,
        &tjansteskrivelse::LETTERHEAD,
        &tjansteskrivelse::NAME_LINE,
        &header::KOMMUN,
        &FORBUND,
        &header::GENITIVE,
        &paragraph::FORTS,
        &esign::SIGNED,
        &esign::SIGNER,
        &header::LEADING_RANGE,
        &header::PLACEHOLDER,
        &header::DATE_AT,
        &header::DATE,
        &header::PERSON_START,
        &header::SEE,
        &header::PARTY_THEN,
        &header::FUNCTION,
        &toc::ENTRY_START,
        &toc::PAGES,
        &toc::TRAILING_PAGES,
        &paragraph::PARA_START,
        &paragraph::NUMBERED,
        &paragraph::BULLET,
        &paragraph::PROPOSER,
        &paragraph::ORGAN_DECISION,
        &refs::BARE_RANGE,
        &refs::PARTY,
    ]
}

/// Whether `n` pieces of work should go to the current thread pool: there is more than
/// one and this thread is one of a pool's (an audit's). Elsewhere (a worker process
/// reading one file for its parent, `lint`, the tests) the work stays on this thread,
/// which may have the deep stack a worker gives its pipeline.
fn in_pool(n: usize) -> bool {
    n > 1 && rayon::current_thread_index().is_some()
}

/// Both closures' results: side by side when this thread is one of a thread pool's (an
/// audit's), one after the other elsewhere (a worker process reading one file for its
/// parent, `lint`, the tests), where the thread may have the deep stack a worker gives
/// its pipeline.
pub fn join_in_pool<A: Send, B: Send>(
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if rayon::current_thread_index().is_some() {
        rayon::join(a, b)
    } else {
        (a(), b())
    }
}

/// "Kallelse Gemensamma servicenämnden 2021-02-08": the word the document calls itself
/// by (Kallelse, Föredragningslista, Kungörelse), the body called (the first line naming
/// a nämnd or styrelse) and the meeting date; the letterhead lines ("Till …
/// ledamöter", the secretary's name) are no title.
fn kallelse_title(d: &mut Document, lines: &[Ln]) {
    let head: Vec<String> = lines
        .iter()
        .filter(|l| !l.is_blank())
        .take(15)
        .flat_map(|l| {
            l.cells()
                .into_iter()
                .map(lines::collapse_ws)
                .collect::<Vec<_>>()
        })
        .collect();
    let Some(organ) = head.iter().find(|c| tjansteskrivelse::is_organ_name(c)) else {
        return;
    };
    let organ = organ.clone();
    let word = head
        .iter()
        .map(|c| c.to_lowercase())
        .find(|c| ["kallelse", "föredragningslista", "kungörelse"].contains(&c.as_str()))
        .map_or_else(
            || "Kallelse".to_string(),
            |w| {
                let mut chars = w.chars();
                chars
                    .next()
                    .map(|f| f.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            },
        );
    let mut parts = vec![word, organ.clone()];
    parts.extend(d.date.map(|x| x.to_string()));
    d.title = Some(parts.join(" "));
    d.organ.get_or_insert(organ);
}

/// "Bilaga 2" from a running header "Bilaga 2 – Medlemsbidrag 2022": where the document
/// stands in its bundle.
fn attachment_label(lines: &[Ln]) -> Option<String> {
    lines
        .iter()
        .filter(|l| l.furniture)
        .take(6)
        .flat_map(|l| {
            l.cells()
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .find_map(|c| bilaga_number(&c))
        .map(|n| format!("Bilaga {n}"))
}

/// The running header repeats a report's name, sometimes more fully than its title page
/// ("IT-center" / "Utvärdering av verksamheten 2020", "Projektplan Min skolskjuts"):
/// header cells in a row whose words begin with the title's and say more.
fn running_header_name(doc: &Document, lines: &[Ln]) -> Option<String> {
    if matches!(
        doc.kind,
        DocumentKind::Protokoll | DocumentKind::Kallelse | DocumentKind::Tjansteskrivelse
    ) {
        return None;
    }
    let title = doc.title.as_deref()?;
    let own = segment::title_words(title);
    let first_page = lines.iter().find(|l| !l.is_blank())?.page;
    let mut best: Option<String> = None;
    for l in lines.iter().filter(|l| l.furniture && l.page == first_page) {
        let cells: Vec<String> = l
            .cells()
            .into_iter()
            .map(lines::collapse_ws)
            .filter(|c| !is_footer_like(c))
            .collect();
        for from in 0..cells.len() {
            for to in from + 1..=cells.len() {
                let name = cells[from..to].join(" ");
                let words = segment::title_words(&name);
                let Some(more) = words.strip_prefix(own.as_slice()) else {
                    continue;
                };
                // More words or the year ("… verksamheten 2020"), not a date or the
                // bundle place ("Bilaga 5") tacked on.
                let year =
                    matches!(more, [y] if y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()));
                let says_more = (year || more.iter().any(|w| w.chars().any(char::is_alphabetic)))
                    && more.first().is_some_and(|w| w != "bilaga");
                if says_more && best.as_ref().is_none_or(|b| b.len() < name.len()) {
                    best = Some(name);
                }
            }
        }
    }
    best
}

/// Who a running header or letterhead says the document is from: the municipalities it
/// names ("Lekebergs kommun och Gislaveds kommun" → "Gislaveds kommun + Lekebergs
/// kommun", sorted so the order written does not matter) or the kommunalförbund, and
/// the organ (a cell naming a nämnd, styrelse, direktion …). Running headers may say
/// more around the name; a letterhead line (the first lines of the document) counts
/// only when it is nothing but the name.
fn furniture_owner(lines: &[Ln]) -> (Option<String>, Option<String>) {
    use header::KOMMUN;
    let cells_of = |l: &Ln| -> Vec<String> {
        l.cells()
            .into_iter()
            .map(lines::collapse_ws)
            .collect::<Vec<_>>()
    };
    let running: Vec<String> = lines
        .iter()
        .filter(|l| l.furniture)
        .take(12)
        .flat_map(cells_of)
        .collect();
    let letterhead: Vec<String> = lines
        .iter()
        .filter(|l| !l.furniture && !l.is_blank())
        .take(4)
        .flat_map(cells_of)
        .collect();
    let kommuner = |c: &str, whole: bool| -> Option<String> {
        let mut names: Vec<String> = KOMMUN
            .captures_iter(c)
            .filter_map(|m| m.get(1))
            .map(|m| format!("{} kommun", m.as_str()))
            .collect();
        let rest = KOMMUN.replace_all(c, "");
        let only_names = rest
            .split(|ch: char| ch.is_whitespace() || ",–-/&+·".contains(ch))
            .all(|w| w.is_empty() || w == "och");
        if names.is_empty() || (whole && !only_names) {
            return kommunalforbund(c).filter(|f| !whole || f.len() == c.trim().len());
        }
        names.sort();
        names.dedup();
        Some(names.join(" + "))
    };
    let municipality = running
        .iter()
        .find_map(|c| kommuner(c, false))
        .or_else(|| letterhead.iter().find_map(|c| kommuner(c, true)));
    let organ = running
        .iter()
        .chain(&letterhead)
        .find(|c| tjansteskrivelse::is_organ_name(c) || names_a_namnd(c))
        .cloned();
    (municipality, organ)
}

/// "Servicenämnd IT/Växel/Telefoni": a nämnd named by what it serves, the body word
/// first.
fn names_a_namnd(cell: &str) -> bool {
    let lower = cell.to_lowercase();
    let mut words = lower.split_whitespace();
    words.next().is_some_and(|w| {
        ["nämnd", "nämnden", "nämnder", "nämnderna"]
            .iter()
            .any(|s| w.ends_with(s))
    }) && words.count() <= 4
}

/// A running header's "Datum 20200629" (a document-control block repeated on every
/// page): the document's date where its text gives none.
fn furniture_date(lines: &[Ln], vocab: &Vocabulary) -> Option<chrono::NaiveDate> {
    lines
        .iter()
        .filter(|l| l.furniture)
        .take(12)
        .flat_map(|l| {
            l.cells()
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|c| c.to_lowercase().starts_with("datum"))
        .find_map(|c| refs::first_date(&c, vocab))
}

/// The number of "Bilaga 2 – …", "Bilaga1. …", "- Bilaga 3: …".
fn bilaga_number(t: &str) -> Option<u32> {
    let t = t.trim_start_matches(['-', '•', '–', ' ']).to_lowercase();
    let rest = t.strip_prefix("bilaga")?.trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

fn label_attachment(doc: &mut Document, label: &str) {
    if matches!(
        doc.kind,
        DocumentKind::Protokoll | DocumentKind::Kallelse | DocumentKind::Tjansteskrivelse
    ) {
        return;
    }
    let title = doc.title.take().unwrap_or_default();
    doc.title = Some(if title.to_lowercase().starts_with("bilaga") {
        title
    } else {
        format!("{label} {title}").trim().to_string()
    });
}

/// Words that carry a title's meaning (no "förslag till", "för", "och").
fn meaning_words(t: &str) -> Vec<String> {
    const FILLER: &[&str] = &["förslag", "till", "för", "och", "inom", "från", "bilaga"];
    segment::title_words(t)
        .into_iter()
        .filter(|w| w.chars().count() >= 4 && !FILLER.contains(&w.as_str()))
        .collect()
}

/// Documents that follow a memo (or report) listing its bilagor ("Bilaga 1. Förslag till
/// förändring av fördelningsnyckel") take their place in the bundle: "Bilaga 1 …", named
/// by the list where the list's name says more than the document's own heading. A memo
/// also names a report whose title page lost its first line ("med årsprognos …") in
/// its Beslutsunderlag ("Delårsrapport Servicenämnden 2021-08-31").
fn name_listed_attachments(docs: &mut [Placed]) {
    let mut listed: Vec<(u32, String)> = Vec::new();
    let mut basis: Vec<crate::document::BasisItem> = Vec::new();
    for (doc, _, _) in docs.iter_mut() {
        let list: Vec<(u32, String)> = doc
            .sections
            .iter()
            .filter(|s| s.kind == headings::kind::ATTACHMENTS)
            .flat_map(|s| s.lines.iter())
            .flat_map(|l| l.text.lines().map(str::to_string).collect::<Vec<_>>())
            .filter_map(|t| {
                let n = bilaga_number(&t)?;
                let name = t
                    .trim_start_matches(['-', '•', '–', ' '])
                    .trim_start_matches(|c: char| c.is_alphabetic())
                    .trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace())
                    .trim_start_matches(['.', ':', '–', '-', ' ']);
                Some((n, lines::collapse_ws(name)))
            })
            .filter(|(_, name)| !name.is_empty())
            .collect();
        let opens_item = matches!(
            doc.kind,
            DocumentKind::Tjansteskrivelse | DocumentKind::Kallelse | DocumentKind::Protokoll
        );
        if opens_item || !list.is_empty() {
            listed = list;
            basis = doc
                .memo
                .as_ref()
                .map(|m| m.basis.clone())
                .unwrap_or_default();
            continue;
        }
        // The title page lost its first line ("med årsprognos" / "Servicenämnder …"):
        // the memo's name for it supplies the head word.
        if let Some(fragment) = doc.title.clone().filter(|t| starts_mid_phrase(t)) {
            let named = basis
                .iter()
                .find(|b| !b.text.to_lowercase().starts_with("tjänsteskrivelse"));
            if let Some(b) = named {
                if let Some(head) = b.text.split_whitespace().next() {
                    doc.title = Some(format!("{head} {fragment}"));
                    doc.date = doc.date.or(b.date);
                }
            }
        }
        let Some(title) = doc.title.clone() else {
            continue;
        };
        if title.to_lowercase().starts_with("bilaga") {
            continue;
        }
        let own = meaning_words(&title);
        let found = listed.iter().position(|(_, name)| {
            let theirs = meaning_words(name);
            let shared = theirs.iter().filter(|w| own.contains(w)).count();
            !theirs.is_empty() && shared * 2 >= theirs.len()
        });
        if let Some(at) = found {
            let (n, name) = listed.remove(at);
            let theirs = segment::title_words(&name);
            let says_more = segment::title_words(&title)
                .iter()
                .all(|w| theirs.contains(w));
            let named = if says_more { name } else { title };
            doc.title = Some(format!("Bilaga {n} {named}"));
        }
    }
}

/// A title that opens with a lower-case linking word ("med årsprognos", "för IT") is
/// the rest of a phrase whose head was lost; "eDala-avtal" is a name.
fn starts_mid_phrase(title: &str) -> bool {
    const LINKS: &[&str] = &[
        "med", "och", "för", "per", "av", "om", "i", "till", "samt", "inom",
    ];
    title
        .split_whitespace()
        .next()
        .is_some_and(|w| LINKS.contains(&w))
}

/// Each table goes to the document whose line range holds its first row; within a
/// protocol, to the paragraph whose range holds it.
fn assign_tables(docs: &mut [Placed], tables: Vec<Table>) {
    let n = docs.len();
    for t in tables {
        let at = (t.provenance.page, t.provenance.line);
        let idx = docs
            .iter()
            .position(|(_, from, to)| *from <= at && at <= *to)
            .or_else(|| docs.iter().rposition(|(_, from, _)| *from <= at))
            .unwrap_or(0)
            .min(n.saturating_sub(1));
        let Some((doc, _, _)) = docs.get_mut(idx) else {
            continue;
        };
        let table_index = doc.tables.len();
        let para = doc
            .paragraphs
            .iter()
            .rposition(|p| (p.provenance.page, p.provenance.line) <= at);
        if let Some(p) = para.and_then(|i| doc.paragraphs.get_mut(i)) {
            p.tables.push(table_index);
        }
        doc.tables.push(t);
    }
}

static FOOTER: Re = Re::new(
    r"(?i)^(?:\(\d{1,4}\)|ärende \d{1,3}|sid(?:a|an)? \d{1,4}(?:\s*(?:av|\()\s*\d{1,4}\)?)?|justerandes sign(?:atur)?|utdragsbestyrkande|justerandes signatur och utdragsbestyrkande|(?:\d{1,4}\s*)?(?:signature reference:\s*[0-9a-f-]{8,}\s*)+|[•\s]+)$",
);

/// Lines that are page furniture in a text dump (the layout stage flags them in PDFs):
/// "Ärende 4", "Sid 3 (12)", "(3)", "Justerandes sign", "Utdragsbestyrkande".
/// A page's furniture that did not recur often enough to be recognised as such: page
/// counters, the signature fields ("Justerandes sign"), an e-signing service's stamp on
/// every page ("Signature reference: 6fccaa09-…", glued to the page number), a row of
/// bullets with no text.
pub(crate) fn is_footer_like(text: &str) -> bool {
    FOOTER.is_match(text.trim())
}

/// A protocol: header up to the innehållsförteckning or first §, then the list, then §§.
pub fn parse_protocol(lines: &[Ln], file: &Arc<str>, vocab: &Vocabulary) -> Document {
    // Where no § sign stands at all, the transcript lost it: "AU 180 Dnr: …" opens a §.
    let unsigned = paragraph::lost_signs(lines);
    // The prefixes and numbers of the §§ read by their dnr: the same prefix near them
    // opens a § before its title too ("Sn 49 Sammanträdets öppnande …").
    let (prefixes, numbers): (Vec<String>, Vec<u32>) = if unsigned {
        lines
            .iter()
            .filter_map(paragraph::unsigned_start)
            .filter_map(|o| Some((o.prefix?, o.number)))
            .unzip()
    } else {
        (Vec::new(), Vec::new())
    };
    let cut_lines;
    let lines = if prefixes.is_empty() {
        lines
    } else {
        cut_lines = paragraph::cut_at_prefixes(lines, &prefixes, &numbers);
        cut_lines.as_slice()
    };
    let opens = |l: &Ln| {
        paragraph::paragraph_start(l).is_some()
            || (unsigned && paragraph::unsigned_start(l).is_some())
            || (!prefixes.is_empty() && paragraph::prefixed_start(l, &prefixes, &numbers).is_some())
    };
    let first_para = lines.iter().position(opens);
    let toc_at = lines
        .iter()
        .take(first_para.unwrap_or(lines.len()))
        .position(|l| toc::is_toc_heading(&l.text));
    let header_end = toc_at.or(first_para).unwrap_or(lines.len());
    let mut header = header::parse_header(&lines[..header_end], file, vocab);
    // A kommunalförbund's protocol is stored "at Itsam": the förbund is the body.
    if !header.municipality.as_deref().is_some_and(|m| {
        header
            .notice
            .as_ref()
            .and_then(|n| n.storage.as_deref())
            .is_some_and(|s| s.contains(m))
    }) {
        if let Some(f) = lines.iter().find_map(|l| kommunalforbund(&l.plain())) {
            header.municipality = Some(f);
        }
    }
    let (toc, body_start) = match toc_at {
        Some(i) => {
            let (entries, end) = toc::parse_toc(lines, i + 1, file);
            (entries, end)
        }
        None => (Vec::new(), header_end),
    };
    // Running headers repeated in a text dump ("Direktionen" above every §).
    let organ_lower = header.organ.as_deref().map(str::to_lowercase);
    // An e-signature page inserted after a § is not part of it.
    let signature_pages = esign::signature_pages(lines);
    let body: Vec<Ln> = lines
        .get(body_start..)
        .unwrap_or(&[])
        .iter()
        .filter(|l| {
            if signature_pages.contains(&l.page) {
                return false;
            }
            let t = l.plain();
            !is_footer_like(&t) && organ_lower.as_deref() != Some(t.to_lowercase().as_str())
        })
        .cloned()
        .collect();
    let starts: Vec<usize> = body
        .iter()
        .enumerate()
        .filter(|(_, l)| opens(l))
        .map(|(i, _)| i)
        .collect();
    let paragraphs: Vec<_> = starts
        .iter()
        .enumerate()
        .filter_map(|(k, &s)| {
            let e = starts.get(k + 1).copied().unwrap_or(body.len());
            paragraph::parse_paragraph(body.get(s..e)?, file, vocab)
        })
        .collect();
    // An e-signature page: who signed and when; the last signature is the justering
    // when "Justeringens plats och tid" gives no date ("Digitalt via netpublicator").
    header.signatures = esign::signatures(lines, file);
    if let Some(date) = esign::justering_date(&header.signatures) {
        let signed_at = header
            .signatures
            .iter()
            .rev()
            .find(|s| s.date == date)
            .and_then(|s| s.provenance.clone());
        match header.adjustment.as_mut() {
            Some(a) if a.date.is_none() => {
                a.date = Some(date);
                a.provenance = signed_at;
            }
            Some(_) => {}
            None => {
                header.adjustment = Some(crate::document::Adjustment {
                    place: None,
                    date: Some(date),
                    provenance: signed_at,
                });
            }
        }
    }
    // A protocol known by its §§ alone (a web rendering of them, a protokollsutdrag) has
    // no header of labels: nothing in it says who signed, and it is not the record whole.
    let labelled = segment::looks_like_protocol(lines);
    // A record cut short (an excerpt that stops inside a §) or not there whole: its §§
    // are read, not judged.
    let (paragraphs, cut_paragraphs) = if !labelled || is_cut(&paragraphs, &header, &toc) {
        (Vec::new(), paragraphs)
    } else {
        (paragraphs, Vec::new())
    };
    let first = lines.first();
    let last = lines.last();
    let title = protocol_title(lines, &header);
    Document {
        kind: DocumentKind::Protokoll,
        title,
        date: header.meeting_date,
        dnr: Vec::new(),
        author: header.secretary.clone(),
        organ: header.organ.clone(),
        municipality: None,
        memo: None,
        sections: Vec::new(),
        pages: (first.map_or(1, |l| l.page), last.map_or(1, |l| l.page)),
        toc,
        paragraphs,
        cut_paragraphs,
        tables: Vec::new(),
        lines: source_lines(lines, file),
        provenance: first.map_or_else(
            || crate::Provenance::new(file, 1, 1),
            |l| l.provenance(file),
        ),
        header: labelled.then_some(header),
    }
}

/// Whether a protocol's record is cut short where the checks would judge what it lacks:
/// the text of its last § stops inside a sentence ([`ends_mid_sentence`]: an excerpt, a
/// transcript cut off — "… framgår att budget för år"), and a § records no decision or
/// the header or list names §§ past the last one read. What is missing may stand past the
/// cut.
fn is_cut(
    paragraphs: &[crate::document::Paragraph],
    header: &crate::document::ProtocolHeader,
    toc: &[crate::document::TocEntry],
) -> bool {
    let Some(last) = paragraphs.last() else {
        return false;
    };
    let listed_past = header
        .paragraphs
        .as_ref()
        .is_some_and(|r| r.to > last.number)
        || toc.iter().any(|e| e.number > last.number);
    let Some(text) = last
        .sections
        .iter()
        .rev()
        .flat_map(|s| s.lines.iter().rev())
        .map(|l| lines::collapse_ws(&l.text))
        .find(|t| !t.is_empty() && !is_footer_like(t) && !lines::is_rule(t))
    else {
        // Only a title, the header naming §§ past it, the title not closed ("§ 54
        // Delårsrapport 2, barn- oc"): the excerpt stops at the § that begins there.
        let title = lines::collapse_ws(&last.title);
        return listed_past
            && last.decision.is_empty()
            && !title.is_empty()
            && !crate::document::ends_closed(&title);
    };
    let undecided = paragraphs.iter().any(|p| {
        p.decision.is_empty()
            && !p
                .sections
                .iter()
                .any(|s| s.kind == "decision" && s.lines.iter().any(|l| !l.text.trim().is_empty()))
    });
    // The last § itself without a decision, its text stopping without closing punctuation
    // ("… förslag på förbättringsområden. Bo Bertelse", "Kommunle"): the excerpt stops
    // inside it, even where the cut falls in a name or a word.
    let last_undecided = last.decision.is_empty()
        && !last
            .sections
            .iter()
            .any(|s| s.kind == "decision" && s.lines.iter().any(|l| !l.text.trim().is_empty()));
    // Or the header (or list) names §§ past the last one read and its text stops without
    // closing punctuation ("… rektor för Brännebro och Rumskulla").
    let open_end = !crate::document::ends_closed(&text);
    (ends_mid_sentence(&text) && (undecided || listed_past))
        || (open_end && (last_undecided || listed_past))
}

/// Running prose (three words or more, not a list item) whose last word is in lower case
/// and has no closing punctuation: "… framgår att budget för år", "att uppdra till".
/// A list's last entry ("Incidentrapport – Utskriftsproblem") or a name is no cut.
fn ends_mid_sentence(last: &str) -> bool {
    let words: Vec<&str> = last.split_whitespace().collect();
    let item =
        last.starts_with(['-', '–', '•', '*', '\u{f0b7}']) || paragraph::NUMBERED.is_match(last);
    let open_end = words.last().is_some_and(|w| {
        w.starts_with(char::is_lowercase)
            && w.chars()
                .last()
                .is_some_and(|c| c.is_lowercase() || c == ',')
    });
    words.len() >= 3 && open_end && !item
}

static FORBUND: Re = Re::new(r"(?i)\bkommunalförbundet\s+(\p{Lu}[\p{L}-]+)");

fn kommunalforbund(s: &str) -> Option<String> {
    let c = FORBUND.captures(s)?;
    Some(format!("Kommunalförbundet {}", c.get(1)?.as_str()))
}

fn protocol_title(lines: &[Ln], h: &crate::document::ProtocolHeader) -> Option<String> {
    let written = lines
        .iter()
        .take(5)
        .map(|l| l.plain())
        // The word itself ("Sammanträdesprotokoll"), not the rest of its line ("Sida
        // 1(18)", or a whole flattened page).
        .find_map(|t| {
            t.split_whitespace()
                .find(|w| w.to_lowercase().contains("protokoll"))
                .map(str::to_string)
        });
    let word = match written {
        Some(w) if w.chars().any(char::is_lowercase) => w,
        Some(w) => {
            let mut c = w.to_lowercase().chars().collect::<Vec<_>>();
            if let Some(f) = c.first_mut() {
                *f = f.to_uppercase().next().unwrap_or(*f);
            }
            c.into_iter().collect()
        }
        None => "Protokoll".to_string(),
    };
    let mut parts = vec![word];
    parts.extend(h.organ.clone());
    parts.extend(h.meeting_date.map(|d| d.to_string()));
    Some(parts.join(" "))
}

pub(crate) fn source_lines(lines: &[Ln], file: &Arc<str>) -> Vec<SourceLine> {
    lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| SourceLine {
            text: l.text.clone(),
            provenance: l.provenance(file),
        })
        .collect()
}

/// Test lines: `extra`, then every line of the seed texts in `corpus/seeds` (for tests
/// that compare a fast line test with the general one).
#[cfg(test)]
pub(crate) fn with_seed_lines(extra: &[&str]) -> Vec<String> {
    let mut texts: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
    for seed in std::fs::read_dir("corpus/seeds").expect("corpus/seeds") {
        let seed = std::fs::read_to_string(seed.expect("seed").path()).expect("seed text");
        texts.extend(seed.lines().map(str::to_string));
    }
    texts
}
