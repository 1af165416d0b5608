//! The protocol header: organ, date, place and time, attendance, justering, signatures
//! and the anslag/bevis block.
//!
//! Headers are label–value forms laid out in many ways (label and value on one line, the
//! value on the next line, a table with tab-separated cells, or everything on one line).
//! The parser therefore turns the header into a stream of cells, cuts it at known labels
//! and reads each field's values, instead of expecting one layout.

use super::lines::{collapse_ws, Ln};
use super::paragraph::ORGAN_WORDS;
use super::refs;
use crate::document::{Adjustment, Attendee, Notice, ParagraphRange, ProtocolHeader};
use crate::grammar::re::Re;
use crate::grammar::vocab::Vocabulary;
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    Title,
    MeetingDate,
    PlaceTime,
    Place,
    Time,
    Adjournment,
    /// Attendance list: (group, default role).
    People(&'static str, &'static str),
    Adjusters,
    Adjustment,
    Signatures,
    Secretary,
    Chair,
    Adjuster,
    Paragraphs,
    Notice,
    NoticeOrgan,
    Posted,
    Removed,
    /// "Datum för" with the rest of the label on the next line: posted, then removed.
    NoticeDate,
    Storage,
    Ignore,
}

/// Labels, longest first so "Justeringens plats och tid" wins over shorter ones. Matched
/// case-sensitively at the start of a cell (in running text a label word in lower case is
/// just a word: "ordförande" after a name is a role, "Ordförande" a signature label).
pub(crate) const LABELS: &[(&str, Field)] = &[
    ("Datum för anslags uppsättande", Field::Posted),
    ("Datum för anslags upprättande", Field::Posted),
    ("Datum när anslaget sätts upp", Field::Posted),
    ("Datum när anslaget tas ned", Field::Removed),
    ("Datum när anslaget tas ner", Field::Removed),
    ("Datum för anslags nedtagande", Field::Removed),
    ("Datum då anslaget sätts upp", Field::Posted),
    ("Datum då anslaget tas ned", Field::Removed),
    ("Datum då anslaget tas ner", Field::Removed),
    ("Anslaget sätts upp", Field::Posted),
    ("Anslaget tas ned", Field::Removed),
    ("Anslaget till och med", Field::Removed),
    ("Anslaget uppsättes", Field::Posted),
    ("Anslaget nedtages", Field::Removed),
    ("Protokollet anslås", Field::Posted),
    ("Förvaringsplats för protokollet", Field::Storage),
    ("Förvaringsplats för protokoll", Field::Storage),
    ("Förvaringsplats", Field::Storage),
    ("Tid och plats för justering", Field::Adjustment),
    ("Plats och tid för justering", Field::Adjustment),
    ("Justeringens plats och tid", Field::Adjustment),
    ("Justeringens plats och datum", Field::Adjustment),
    ("Justeringens plats", Field::Adjustment),
    // "Justeringens" / "plats och tid" wrapped, with the value beside the first line.
    ("Justeringens", Field::Adjustment),
    // "Datum för  2024-05-03  Datum för  2024-05-25" / "anslags uppsättande  anslags
    // nedtagande": the label wrapped around its value; the first is the posting.
    ("Datum för", Field::NoticeDate),
    (
        "Ej tjänstgörande ersättare",
        Field::People("ersättare", "ersättare"),
    ),
    (
        "Tjänstgörande ersättare",
        Field::People("beslutande", "tjänstgörande ersättare"),
    ),
    ("Övriga deltagare", Field::People("övriga", "övrig")),
    ("Övriga deltagande", Field::People("övriga", "övrig")),
    ("Övriga närvarande", Field::People("övriga", "övrig")),
    ("Sammanträdesdatum", Field::MeetingDate),
    ("Utses att justera", Field::Adjusters),
    ("Utsedda att justera", Field::Adjusters),
    ("Utsedd att justera", Field::Adjusters),
    ("Protokolljusterare", Field::Adjusters),
    ("Plats och sammanträdestid", Field::PlaceTime),
    ("Plats och tid", Field::PlaceTime),
    ("Tid och plats", Field::PlaceTime),
    ("ANSLAG/BEVIS", Field::Notice),
    ("ANSLAGSBEVIS", Field::Notice),
    ("Anslagsbevis", Field::Notice),
    ("ANSLAG / BEVIS", Field::Notice),
    ("ANSLAG - BEVIS", Field::Notice),
    ("Anslag/bevis", Field::Notice),
    ("Underskrifter", Field::Signatures),
    ("Under- skrifter", Field::Signatures),
    ("Under-skrifter", Field::Signatures),
    ("Underskrift", Field::Ignore),
    ("Utdragsbestyrkande", Field::Ignore),
    ("Ajournering", Field::Adjournment),
    ("Beslutande", Field::People("beslutande", "ledamot")),
    ("Ledamöter", Field::People("beslutande", "ledamot")),
    ("Ersättare", Field::People("ersättare", "ersättare")),
    ("Personal", Field::People("övriga", "övrig")),
    ("Tjänstemän", Field::People("övriga", "övrig")),
    ("Tjänsteman", Field::People("övriga", "övrig")),
    ("Övriga", Field::People("övriga", "övrig")),
    ("Sekreterare", Field::Secretary),
    ("Ordförande", Field::Chair),
    ("Justerande", Field::Adjuster),
    ("Justerare", Field::Adjuster),
    ("Paragrafer", Field::Paragraphs),
    ("Nämnd/Styrelse", Field::NoticeOrgan),
    ("Forum", Field::NoticeOrgan),
    ("Organ", Field::NoticeOrgan),
    ("Plats:", Field::Place),
    ("Tid:", Field::Time),
    ("Sammanträdestid", Field::Time),
];

/// The label a cell starts with, and the rest of the cell.
pub(crate) fn match_label(cell: &str) -> Option<(Field, &str)> {
    let cell = cell.trim_start();
    for (label, field) in LABELS {
        if let Some(rest) = cell.strip_prefix(label) {
            let boundary = label.ends_with(':')
                || rest.is_empty()
                || rest.starts_with(|c: char| c.is_whitespace() || c == ':')
                || (rest.starts_with('.') && !rest.starts_with(".."));
            if boundary {
                return Some((*field, rest.trim_start_matches([':', '.']).trim()));
            }
        }
    }
    None
}

/// "Datum för anslags uppsättande 2022-03-03 Datum för anslags nedtagande 2022-03-25":
/// two fields in one cell. Only long labels are looked for inside a cell (short label
/// words like "Organ" occur in running text).
fn split_at_inner_labels(cell: &str) -> Vec<String> {
    let mut cuts: Vec<usize> = Vec::new();
    for (label, _) in LABELS.iter().filter(|(l, _)| l.chars().count() >= 14) {
        let mut from = 1;
        while let Some(i) = cell.get(from..).and_then(|r| r.find(label)) {
            let at = from + i;
            if cell.get(..at).is_some_and(|b| b.ends_with(' '))
                && !cuts.iter().any(|&c| c <= at && at < c + 14)
            {
                cuts.push(at);
            }
            from = at + label.len();
        }
    }
    // "utbildningsförvaltningen Paragrafer §54 -§64": the short label "Paragrafer" is cut
    // at inside a cell only where a range of §§ follows it, which running text never has.
    let mut from = 1;
    while let Some(i) = cell.get(from..).and_then(|r| r.find("Paragrafer ")) {
        let at = from + i;
        let after = &cell[at + "Paragrafer ".len()..];
        if cell[..at].ends_with(' ')
            && LEADING_RANGE
                .captures(after)
                .and_then(|c| c.get(2))
                .is_some_and(|r| r.as_str().contains(['-', '–']))
            && !cuts.contains(&at)
        {
            cuts.push(at);
        }
        from = at + "Paragrafer ".len();
    }
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut start = 0;
    for c in cuts.into_iter().chain(std::iter::once(cell.len())) {
        if let Some(part) = cell.get(start..c) {
            if !part.trim().is_empty() {
                out.push(part.trim().to_string());
            }
        }
        start = c;
    }
    out
}

struct Entry {
    field: Field,
    values: Vec<String>,
    /// (page, line) of the label (or first value): the field's provenance.
    at: (u32, u32),
}

/// The names a header lists (attendance, adjusters): what tells a signature's name from
/// the title under it.
fn known_names(entries: &[Entry]) -> Vec<String> {
    entries
        .iter()
        .flat_map(|e| {
            let joined = collapse_ws(&e.values.join(" "));
            match e.field {
                Field::Adjusters => names_in_list(&joined),
                Field::People(group, role) => people(&joined, group, role)
                    .into_iter()
                    .map(|a| a.name)
                    .collect(),
                _ => Vec::new(),
            }
        })
        .collect()
}

/// A header being read field by field: the meeting's fields go to the header, those after
/// an anslag's label to its notice.
struct HeaderReading {
    h: ProtocolHeader,
    in_notice: bool,
    notice: Notice,
    title_lines: Vec<String>,
    signature_adjusters: Vec<String>,
    listed_adjusters: Vec<String>,
    /// Roles whose label the header has, each with whether text that is not a name
    /// followed the label ("Justerande Susanne Jung (BP) Kommunledningskontoret, …").
    labelled: Vec<(&'static str, bool)>,
    /// Some line of the header runs the labels and values of several fields together.
    flattened: bool,
    /// A word of the header that names each role, label or not ("mötessekreterare",
    /// "Protokolljustering", "Kfge-ordf"): where no label of a role is read, such a word
    /// shows the role is there in a form the labels do not cover.
    role_words: Vec<(&'static str, String)>,
}

/// The words of the header's lines that name a signing role, each with its role: the
/// persons' own words ("-sekreterare", "protokollförare", "-ordförande", "ordf.",
/// "justerare", "justerande", "protokolljustering"), not a justering's place or time.
fn role_words(lines: &[Ln]) -> Vec<(&'static str, String)> {
    let mut found = Vec::new();
    for l in lines {
        for w in l.text.split(|c: char| !(c.is_alphabetic() || c == '-')) {
            let w = w.trim_matches('-').to_lowercase();
            let role = if w.ends_with("sekreterare") || w == "sekr" || w == "protokollförare" {
                "sekreterare"
            } else if w.ends_with("ordförande") || w == "ordf" || w.ends_with("-ordf") {
                "ordförande"
            } else if w.ends_with("justerare")
                || w.ends_with("justerande")
                || w == "protokolljustering"
            {
                "justerare"
            } else {
                continue;
            };
            if !found.iter().any(|(r, x)| *r == role && *x == w) {
                found.push((role, w));
            }
        }
    }
    found
}

/// The role a signature or justering label names.
fn role_of(field: Field) -> Option<&'static str> {
    match field {
        Field::Secretary => Some("sekreterare"),
        Field::Chair => Some("ordförande"),
        Field::Adjuster | Field::Adjusters => Some("justerare"),
        _ => None,
    }
}

/// Lines re-broken from one flattened line (`flat::unflatten`) share their source line;
/// this many pieces of one line mean the header's labels and values ran together.
const FLAT_PIECES: usize = 3;

/// Whether the header was one flattened line (or several): a whole page of labels and
/// names on one line, broken again at the labels, where a value's end is a guess.
fn flattened(lines: &[Ln]) -> bool {
    lines
        .chunk_by(|a, b| a.pos() == b.pos())
        .any(|run| run.len() >= FLAT_PIECES)
}

impl HeaderReading {
    /// Reads one field into the header or the notice.
    fn entry(&mut self, e: &Entry, lines: &[Ln], file: &Arc<str>, vocab: &Vocabulary) {
        let h = &mut self.h;
        let notice = &mut self.notice;
        let joined = collapse_ws(&e.values.join(" "));
        if let Some(role) = role_of(e.field) {
            let unreadable = !joined.trim().is_empty()
                && match e.field {
                    Field::Adjusters => names_in_list(&joined).is_empty(),
                    _ => signature_name(&e.values).is_none(),
                };
            self.labelled.push((role, unreadable));
        }
        match e.field {
            Field::Title => self.title_lines.extend(e.values.iter().cloned()),
            Field::Notice => {
                self.in_notice = true;
                notice.provenance = Some(crate::Provenance::new(file, e.at.0, e.at.1));
            }
            Field::MeetingDate if self.in_notice => {
                notice.meeting_date = refs::first_date(&joined, vocab)
            }
            Field::MeetingDate => {
                if h.meeting_date.is_none() {
                    h.meeting_date = refs::first_date(&joined, vocab);
                }
            }
            // A second "Plats och tid" (of the justering, in some grids) does not
            // replace the meeting's.
            Field::PlaceTime if h.place.is_some() || h.time.is_some() => {}
            Field::PlaceTime => {
                h.time = refs::time_range(&joined);
                h.place = place_before_time(&joined);
                if h.meeting_date.is_none() {
                    h.meeting_date = refs::first_date(&joined, vocab);
                }
            }
            Field::Place => h.place = non_empty(&joined),
            Field::Time => {
                h.time = refs::time_range(&joined);
                if h.meeting_date.is_none() {
                    h.meeting_date = refs::first_date(&joined, vocab);
                }
            }
            Field::Adjournment => h.adjournment = non_empty(&joined),
            // "Kommunfullmäktiges samtliga ledamöter med undantag för …": the list of
            // those present is elsewhere (a bilaga); the names here are the absent.
            Field::People(..) if joined.contains("samtliga") || joined.contains("med undantag") => {
            }
            Field::People(group, role) => {
                // One text: a PDF wraps a person over two lines ("… Åtvidabergs" / "kommun").
                // Each person points at the line that names them, from the label on.
                let from = lines.iter().position(|l| l.pos() == e.at).unwrap_or(0);
                h.attendance
                    .extend(people(&joined, group, role).into_iter().map(|mut a| {
                        let line = lines
                            .get(from..)
                            .unwrap_or(&[])
                            .iter()
                            .find(|l| l.text.contains(a.name.as_str()));
                        let (page, line) = line.map_or(e.at, Ln::pos);
                        a.provenance = Some(crate::Provenance::new(file, page, line));
                        a
                    }));
            }
            Field::Adjusters => self.listed_adjusters.extend(names_in_list(&joined)),
            Field::Adjustment => {
                let date = refs::first_date(&joined, vocab);
                let place = place_before_date(&joined);
                h.adjustment = Some(Adjustment {
                    place,
                    date,
                    provenance: Some(crate::Provenance::new(file, e.at.0, e.at.1)),
                });
            }
            Field::Secretary => {
                if h.secretary.is_none() {
                    h.secretary = signature_name(&e.values);
                }
            }
            Field::Chair => {
                if h.chair.is_none() {
                    h.chair = signature_name(&e.values);
                }
            }
            Field::Adjuster => {
                if let Some(n) = signature_name(&e.values) {
                    self.signature_adjusters.push(n);
                }
            }
            Field::Paragraphs => {
                h.paragraphs = e.values.first().and_then(|v| leading_range(v));
            }
            // "Organ Barn- och utbildningsnämndens arbetsutskott 2009-08-27": the meeting
            // date written after the organ is not part of it.
            Field::NoticeOrgan => {
                let cut = DATE.find(&joined).map_or(joined.len(), |m| m.start());
                notice.organ = non_empty(joined.get(..cut).unwrap_or(&joined));
            }
            Field::Posted => {
                notice.posted = refs::first_date(&joined, vocab);
                notice.posted_at = Some(crate::Provenance::new(file, e.at.0, e.at.1));
            }
            Field::Removed => notice.removed = refs::first_date(&joined, vocab),
            Field::NoticeDate if notice.posted.is_none() => {
                notice.posted = refs::first_date(&joined, vocab);
                notice.posted_at = Some(crate::Provenance::new(file, e.at.0, e.at.1));
            }
            Field::NoticeDate => {
                if notice.removed.is_none() {
                    notice.removed = refs::first_date(&joined, vocab);
                }
            }
            Field::Storage => notice.storage = non_empty(&joined),
            Field::Signatures | Field::Ignore => {}
        }
    }

    /// The header once every field is read: adjusters from the list and the signatures,
    /// the chair from the attendance when no signature names one, the organ, meeting
    /// date and municipality from the notice, the text or the title.
    fn finish(self, entries: &[Entry], vocab: &Vocabulary) -> ProtocolHeader {
        let mut h = self.h;
        let notice = self.notice;
        for n in self
            .listed_adjusters
            .into_iter()
            .chain(self.signature_adjusters)
        {
            if !h.adjusters.contains(&n) && h.chair.as_ref() != Some(&n) {
                h.adjusters.push(n);
            }
        }
        if h.chair.is_none() {
            h.chair = h
                .attendance
                .iter()
                .find(|a| a.role == "ordförande")
                .map(|a| a.name.clone());
        }
        // "Ingalill Senneryd, nämndsekreterare", "Sara Östberg, S&P, nämndsekr.": the one
        // person the attendance lists as (a) sekreterare, when no signature names one.
        if h.secretary.is_none() {
            let mut secretaries = h.attendance.iter().filter(|a| {
                a.role == "sekreterare"
                    || a.function.as_deref().is_some_and(|f| {
                        f.to_lowercase().split([',', ' ']).any(|w| {
                            w.trim_end_matches('.').ends_with("sekreterare")
                                || w.trim_end_matches('.').ends_with("sekr")
                        })
                    })
            });
            if let (Some(a), None) = (secretaries.next(), secretaries.next()) {
                h.secretary = Some(a.name.clone());
            }
        }
        // A role still without a name whose label the header has is not read for
        // certain when the header is flattened or text that is not a name follows it.
        for role in ["justerare", "sekreterare", "ordförande"] {
            let missing = match role {
                "justerare" => h.adjusters.is_empty(),
                "sekreterare" => h.secretary.is_none(),
                _ => h.chair.is_none(),
            };
            let seen: Vec<bool> = self
                .labelled
                .iter()
                .filter(|(r, _)| *r == role)
                .map(|(_, unreadable)| *unreadable)
                .collect();
            if !missing {
                continue;
            }
            if seen.is_empty() {
                // No label of the role was read, yet the header may name it in a form
                // the labels do not cover (an Åland header's "Protokolljustering", a
                // title written under the name, "Kommundirektör, mötessekreterare").
                let words: Vec<String> = self
                    .role_words
                    .iter()
                    .filter(|(r, _)| *r == role)
                    .map(|(_, w)| format!("\"{w}\""))
                    .collect();
                let reason = if !words.is_empty() {
                    format!(
                        "the header has the role's word ({}) where no name is read for it",
                        words.join(", ")
                    )
                } else if self.flattened {
                    "the header is flattened text (the labels and names of several fields run together on one line) and none of the role's labels stands in it, so the role may be named in a form the labels do not cover".to_string()
                } else {
                    continue;
                };
                h.unread_roles.push((role.to_string(), reason));
                continue;
            }
            let reason = if self.flattened {
                "the header is flattened text (the labels and names of several fields run together on one line), so the name after the label cannot be told from what follows it"
            } else if seen.iter().any(|u| *u) {
                "text that is not read as a name follows the label"
            } else {
                continue;
            };
            h.unread_roles.push((role.to_string(), reason.to_string()));
        }
        h.organ = notice
            .organ
            .clone()
            .or_else(|| notice_organ_in_text(entries))
            .or_else(|| organ_from_title(&self.title_lines, vocab));
        if h.meeting_date.is_none() {
            h.meeting_date = notice.meeting_date;
        }
        h.municipality = municipality(&h, &notice).or_else(|| {
            // A letterhead or footer of the first page ("Sunne kommun Kvarngatan 4 …").
            entries
                .iter()
                .flat_map(|e| e.values.iter())
                .find_map(|v| kommun_in(v))
        });
        if notice != Notice::default() {
            h.notice = Some(notice);
        }
        h
    }
}

/// Reads a protocol header from the lines before the innehållsförteckning or first §.
pub fn parse_header(lines: &[Ln], file: &Arc<str>, vocab: &Vocabulary) -> ProtocolHeader {
    let entries = fields(lines);
    let known = known_names(&entries);
    let entries = distribute_signature_names(entries, &known);
    let mut reading = HeaderReading {
        h: ProtocolHeader {
            provenance: lines.first().map(|l| l.provenance(file)),
            ..ProtocolHeader::default()
        },
        in_notice: false,
        notice: Notice::default(),
        title_lines: Vec::new(),
        signature_adjusters: Vec::new(),
        listed_adjusters: Vec::new(),
        labelled: Vec::new(),
        flattened: flattened(lines),
        role_words: role_words(lines),
    };
    for e in &entries {
        reading.entry(e, lines, file, vocab);
    }
    reading.finish(&entries, vocab)
}

/// The header as (field, values): every line split into cells at column gaps and a cell
/// that starts with a label opens a new field.
fn fields(lines: &[Ln]) -> Vec<Entry> {
    let mut cells: Vec<(String, (u32, u32))> = Vec::new();
    for l in lines {
        for c in l.cells() {
            let c = collapse_ws(c);
            // "Under-" / "skrifter": a label hyphenated over two lines.
            if c == "skrifter" && cells.last().is_some_and(|(p, _)| p == "Under-") {
                if let Some((p, _)) = cells.last_mut() {
                    *p = "Underskrifter".to_string();
                }
                continue;
            }
            for part in split_at_inner_labels(&c) {
                for piece in split_at_placeholders(&part) {
                    cells.push((piece, l.pos()));
                }
            }
        }
    }
    let mut out: Vec<Entry> = vec![Entry {
        field: Field::Title,
        values: Vec::new(),
        at: lines.first().map_or((1, 1), Ln::pos),
    }];
    for (c, at) in cells {
        // "Underskrifter Sekreterare": labels in a row, each its own field.
        let mut c = c;
        while let Some((field, rest)) = match_label(&c) {
            if rest.is_empty() || match_label(rest).is_none() {
                break;
            }
            out.push(Entry {
                field,
                values: Vec::new(),
                at,
            });
            c = rest.to_string();
        }
        if let Some((field, rest)) = match_label(&c) {
            // "Beslutande" followed by a bold "Beslutande": one field.
            let same_as_last = out
                .last()
                .is_some_and(|e| e.field == field && e.values.is_empty());
            if !same_as_last {
                out.push(Entry {
                    field,
                    values: Vec::new(),
                    at,
                });
            }
            if !rest.is_empty() {
                push_value(&mut out, rest.to_string());
            }
        } else if is_label_tail(&c, out.last().map(|e| e.field)) {
            // "Justeringens plats" / "och tid", "Under-" / "skrifter": label wrapped.
        } else {
            push_value(&mut out, c);
        }
    }
    out
}

pub(super) static PLACEHOLDER: Re = Re::new(r"\.{3,}|\.\.\s|_{3,}|…+");

/// "Sekreterare ... Paragrafer 102 - 119": a signature line (dots, underscores) stands
/// where a name will be written; it separates what is on either side.
fn split_at_placeholders(cell: &str) -> Vec<String> {
    let parts: Vec<String> = PLACEHOLDER
        .split(cell)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    if parts.is_empty() {
        // Only a signature line: kept, a field may be waiting for it.
        vec![cell.to_string()]
    } else {
        parts
    }
}

/// The signature block written as a row of labels and then a row of names
/// ("Sekreterare Ordförande Justerande" / "Gunilla N Karl-Johan A Jörn O Tobias E"), as
/// flattened text and many templates have it: the names are split (known names first,
/// else first name + surname) and handed to the empty labels before them in order; the
/// rest are the justerare.
fn distribute_signature_names(entries: Vec<Entry>, known: &[String]) -> Vec<Entry> {
    let is_signature = |f: Field| matches!(f, Field::Secretary | Field::Chair | Field::Adjuster);
    let mut out: Vec<Entry> = Vec::with_capacity(entries.len());
    for mut e in entries {
        let names = if is_signature(e.field) {
            split_names(&e.values, known)
        } else {
            Vec::new()
        };
        if names.len() < 2 {
            out.push(e);
            continue;
        }
        let mut slots: Vec<usize> = Vec::new();
        for (j, prev) in out.iter().enumerate().rev() {
            match prev.field {
                f if is_signature(f) => {
                    if prev.values.is_empty() {
                        slots.push(j);
                    }
                }
                Field::Signatures | Field::Paragraphs => {}
                _ => break,
            }
        }
        slots.reverse();
        let give = slots.len().min(names.len() - 1);
        for (slot, name) in slots.iter().zip(&names).take(give) {
            out[*slot].values = vec![name.clone()];
        }
        let rest = &names[give..];
        if e.field == Field::Adjuster {
            for name in rest {
                out.push(Entry {
                    field: Field::Adjuster,
                    values: vec![name.clone()],
                    at: e.at,
                });
            }
        } else {
            e.values = rest.first().cloned().into_iter().collect();
            out.push(e);
        }
    }
    out
}

/// Names in a signature value written one after another without separators: known
/// names (the justerare listed under "Utses att justera", the attendance) where they
/// occur, otherwise two words each; a last single word belongs to the name before it.
/// A value of fewer than four words is one name. Unknown names of three words in a row
/// of several cannot be told from two-word ones; the attendance usually knows them.
fn split_names(values: &[String], known: &[String]) -> Vec<String> {
    let Some(joined) = signature_name(values) else {
        return Vec::new();
    };
    let words: Vec<&str> = joined
        .split_whitespace()
        .filter(|w| !(w.starts_with('(') && w.ends_with(')')))
        .collect();
    if words.len() < 4 {
        return vec![joined];
    }
    let known: Vec<Vec<&str>> = known
        .iter()
        .map(|n| n.split_whitespace().collect::<Vec<_>>())
        .filter(|w| w.len() >= 2)
        .collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let rest = &words[i..];
        let take = known
            .iter()
            .filter(|k| rest.starts_with(k))
            .map(Vec::len)
            .max()
            .unwrap_or(2);
        if rest.len() == 1 {
            match out.last_mut() {
                Some(last) => {
                    last.push(' ');
                    last.push_str(rest[0]);
                }
                None => out.push(rest[0].to_string()),
            }
            break;
        }
        out.push(rest[..take.min(rest.len())].join(" "));
        i += take;
    }
    out
}

fn is_label_tail(cell: &str, field: Option<Field>) -> bool {
    match field {
        Some(Field::Adjustment) => matches!(
            cell,
            "och tid" | "och datum" | "och tid:" | "plats och tid" | "plats och datum"
        ),
        Some(Field::NoticeDate) => matches!(
            cell,
            "anslags uppsättande" | "anslags upprättande" | "anslags nedtagande"
        ),
        Some(Field::Storage) => matches!(cell, "för protokollet" | "för protokoll"),
        Some(Field::Signatures) | Some(Field::Paragraphs) | Some(Field::Secretary) => {
            cell == "skrifter"
        }
        _ => false,
    }
}

/// Adds a value to the current field, or — when the current field takes one short value
/// ("Paragrafer 1-10") and already has it — to the nearest earlier field still waiting
/// for a name (the signature grid puts "Paragrafer 1-10" beside "Sekreterare").
fn push_value(out: &mut [Entry], value: String) {
    let n = out.len();
    let Some(last) = out.last_mut() else {
        return;
    };
    if last.field == Field::Paragraphs {
        // "Paragrafer 59-" / "67": a range wrapped at its dash.
        if let Some(open) = last.values.last_mut().filter(|v| v.ends_with(['-', '–'])) {
            if value.chars().all(|c| c.is_ascii_digit()) && !value.is_empty() {
                open.push_str(&value);
                return;
            }
        }
        if last.values.is_empty()
            && value.trim_end().ends_with(['-', '–'])
            && value.starts_with(|c: char| c.is_ascii_digit())
        {
            last.values.push(value.trim().to_string());
            return;
        }
        if last.values.is_empty() {
            // "1-10 Stina Fiktivsson" (flattened): keep the range, pass on the rest.
            let (range, rest) = split_leading_range(&value);
            if let Some(r) = range.filter(|_| !value.trim_end().ends_with(['-', '–'])) {
                last.values.push(r);
                if rest.is_empty() {
                    return;
                }
                return give_to_waiting(out, n - 1, rest);
            }
        }
        return give_to_waiting(out, n - 1, value);
    }
    last.values.push(value);
}

fn give_to_waiting(out: &mut [Entry], before: usize, value: String) {
    let waiting = out[..before].iter_mut().rev().take(3).find(|e| {
        matches!(e.field, Field::Secretary | Field::Chair | Field::Adjuster)
            && wants_name(&e.values)
    });
    match waiting {
        Some(e) => e.values.push(value),
        None => {
            if let Some(e) = out.get_mut(before) {
                e.values.push(value);
            }
        }
    }
}

pub(super) static LEADING_RANGE: Re =
    Re::new(r"^\s*(§§?\s*)?(\d{1,4}\s*(?:-{1,2}|–)\s*§?\s*\d{1,4}|\d{1,4})\b\s*(.*)$");

fn split_leading_range(v: &str) -> (Option<String>, String) {
    match LEADING_RANGE.captures(v) {
        Some(c) => (
            c.get(2).map(|m| m.as_str().to_string()),
            c.get(3)
                .map_or(String::new(), |m| m.as_str().trim().to_string()),
        ),
        None => (None, v.to_string()),
    }
}

fn leading_range(v: &str) -> Option<ParagraphRange> {
    let (r, _) = split_leading_range(v);
    // "§54 -§64": the sign may stand before the range's end as well.
    let r = r?.replace('§', "");
    refs::bare_range(&r).or_else(|| {
        let n: u32 = r.trim().parse().ok()?;
        Some(ParagraphRange { from: n, to: n })
    })
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim().trim_end_matches(['.', ',']).trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn place_before_time(s: &str) -> Option<String> {
    let cut = refs::time_start(s).unwrap_or(s.len());
    let place = s.get(..cut).unwrap_or(s);
    place_before_date(place)
}

// "2022-03-02", "måndagen den 4 september 2017", "onsdag den 29 augusti", "den 6/9":
// where the place ends and the date begins.
pub(super) static DATE_AT: Re = Re::new(
    r"(?i)(?:19|20)\d\d-\d\d-\d\d|\b(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\b|\bden \d{1,2}(?:\s|/|:e)",
);

fn place_before_date(s: &str) -> Option<String> {
    let cut = DATE_AT.find(s).map_or(s.len(), |m| m.start());
    let cut = refs::time_start(s).map_or(cut, |t| t.min(cut));
    let place = s.get(..cut).unwrap_or(s).trim_end_matches([',', ' ', '.']);
    // "Kommunalhuset plan 4, kl" (the time left blank in the template).
    let place = place
        .strip_suffix(" kl")
        .or_else(|| place.strip_suffix(" Kl"))
        .unwrap_or(place);
    non_empty(place.trim_end_matches([',', ' ', '.']))
}

/// The name in a signature field: the first value with letters after the signature line
/// ("_____", "…") and the party suffix are removed.
fn signature_name(values: &[String]) -> Option<String> {
    // The name may be wrapped over two cells ("Johan" / "Testman").
    let parts: Vec<&str> = values
        .iter()
        .map(|v| v.trim_matches(|c: char| c == '_' || c == '.' || c == '…' || c.is_whitespace()))
        .filter(|v| {
            v.starts_with(|c: char| c.is_uppercase())
                && v.chars().all(|c| c.is_alphabetic() || " -'’()".contains(c))
        })
        .collect();
    refs::person_name(&parts.join(" "))
}

/// A signature field still waiting for (the rest of) its name.
fn wants_name(values: &[String]) -> bool {
    signature_name(values).is_none_or(|n| n.split_whitespace().count() < 2)
}

/// "Olof Provsson (C)", "Anna A och Bo B", "Anna A, Bo B".
fn names_in_list(s: &str) -> Vec<String> {
    s.split([',', ';'])
        .flat_map(|p| p.split(" och "))
        .filter_map(|p| {
            let (n, _) = refs::split_party(p);
            refs::person_name(&n)
        })
        .filter(|n| n.split_whitespace().count() >= 2)
        .collect()
}

fn organ_from_title(lines: &[String], vocab: &Vocabulary) -> Option<String> {
    lines
        .iter()
        .map(|l| collapse_ws(l))
        .map(|l| {
            let lower = l.to_lowercase();
            for w in ["sammanträdesprotokoll", "protokoll", "kallelse"] {
                if let Some(rest) = lower.strip_prefix(w) {
                    return l
                        .get(l.len() - rest.len()..)
                        .unwrap_or("")
                        .trim()
                        .to_string();
                }
            }
            l
        })
        .map(|l| strip_page_marker(&l))
        // "Kommunstyrelsen 2014-03-06": the organ beside the date.
        .map(|l| strip_iso_dates(&l))
        .find(|l| {
            l.chars().any(char::is_alphabetic)
                && refs::first_date(l, vocab).is_none()
                && !l.starts_with("Sid ")
        })
        .filter(|l| names_a_body(l))
        .map(|l| tidy_case(&l))
}

/// A title line that can be the organ: short, naming a deciding body ("Direktionen",
/// "SERVICENÄMND IT/VÄXEL/TELEFONI", "Kommunstyrelsens arbetsutskott"), not a source
/// note, a breadcrumb or a run-on page ("VILHELMINA KOMMUN PROTOKOLL Socialnämnden Bo
/// Lennart Danielsson. Rickard Norberg …").
fn names_a_body(l: &str) -> bool {
    // A title line may also name a committee or a presidium, which decides nothing.
    const OTHER_BODIES: &[&str] = &["kommitté", "presidium"];
    let lower = l.to_lowercase();
    ORGAN_WORDS
        .iter()
        .chain(OTHER_BODIES)
        .any(|b| lower.contains(b))
        && l.split_whitespace().count() <= 8
        && !l.contains([':', '>', '.'])
}

pub(super) static MARKER: Re =
    Re::new(r"(?i)(?:^|\s)(?:sida?\s*)?\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|\[\s*\d{1,4}\s*\])");

/// "Sida 1(18)", "Sid 2 (21)", "1 (21)", "1[25]": a page marker in a title line, removed.
pub(crate) fn strip_page_marker(s: &str) -> String {
    collapse_ws(&MARKER.replace_all(s, " "))
}

pub(super) static DATE: Re = Re::new(r"\b(?:19|20)\d\d-\d\d-\d\d\b");

fn strip_iso_dates(s: &str) -> String {
    collapse_ws(&DATE.replace_all(s, " "))
}

/// "SERVICENÄMND IT/VÄXEL/TELEFONI" → "Servicenämnd IT/Växel/Telefoni"-like casing for
/// all-caps titles; mixed-case text is kept as written.
fn tidy_case(s: &str) -> String {
    if s.chars().any(char::is_lowercase) {
        return s.to_string();
    }
    // Words of up to three letters are abbreviations ("IT", "KS") and stay upper case.
    let mut out = String::with_capacity(s.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.chars().count() <= 3 {
            out.push_str(word);
        } else {
            let lower = word.to_lowercase();
            let mut cs = lower.chars();
            if let Some(f) = cs.next() {
                out.extend(f.to_uppercase());
                out.push_str(cs.as_str());
            }
        }
        word.clear();
    };
    for c in s.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// "Vårgårda kommun": the municipality's name (one compiled pattern for every parser).
pub(super) static KOMMUN: Re = Re::new(r"\b(\p{Lu}[\p{L}-]+) kommun\b");

fn kommun_in(s: &str) -> Option<String> {
    KOMMUN
        .captures(s)
        .and_then(|c| c.get(1))
        .map(|m| format!("{} kommun", m.as_str()))
}

/// Words of a storage place that name a building or an office, not the body the
/// protocol belongs to ("Kommunhuset", "Kommunkansliet").
const BUILDING_WORDS: &[&str] = &[
    "kommunhus",
    "stadshus",
    "rådhus",
    "kansli",
    "förvaltning",
    "sessionssal",
    "arkiv",
    "expedition",
    "huset",
];

fn municipality(h: &ProtocolHeader, notice: &Notice) -> Option<String> {
    notice
        .storage
        .as_deref()
        .and_then(kommun_in)
        .or_else(|| h.place.as_deref().and_then(kommun_in))
        .or_else(|| {
            h.attendance
                .iter()
                .filter_map(|a| a.organisation.as_deref())
                .find_map(kommun_in)
        })
        .or_else(|| {
            // A förbund or company keeps its own protocols ("Itsam").
            notice.storage.clone().filter(|s| {
                let lower = s.to_lowercase();
                !BUILDING_WORDS.iter().any(|w| lower.contains(w))
            })
        })
}

// "Kommunfullmäktiges protokoll är justerat.": the organ in the genitive.
pub(super) static GENITIVE: Re = Re::new(r"\b(\p{Lu}[\p{L}-]+?)s protokoll är justerat");

/// The organ in an anslag/bevis block whose "Organ" label lost its value to the
/// boilerplate ("Organ ANSLAG/BEVIS Protokollet är justerat. Justeringen har
/// tillkännagivits genom anslag. Kommunfullmäktige Sammanträdesdatum …"): the words
/// after the boilerplate, when they name a body.
fn notice_organ_in_text(entries: &[Entry]) -> Option<String> {
    let notice = entries.iter().find(|e| e.field == Field::Notice)?;
    let text = collapse_ws(&notice.values.join(" "));
    let rest = text
        .rsplit_once("anslag.")
        .or_else(|| text.rsplit_once("anslag"))
        .map_or(text.as_str(), |(_, r)| r)
        .trim();
    if let Some(m) = GENITIVE.captures(&text).and_then(|c| c.get(1)) {
        return Some(m.as_str().to_string());
    }
    let organ = non_empty(rest)?;
    let lower = organ.to_lowercase();
    let body_words = [
        "nämnd",
        "styrelse",
        "fullmäktige",
        "direktion",
        "utskott",
        "beredning",
    ];
    // A name of a body: capitalised words, joiners, body words; no sentence.
    let name_like = organ.split_whitespace().all(|w| {
        w.starts_with(|c: char| c.is_uppercase())
            || ["och", "för", "i", "samt", "med"].contains(&w)
            || body_words.iter().any(|b| w.to_lowercase().contains(b))
    });
    let generic =
        ["nämnd", "styrelse", "nämnd/styrelse", "organ", "forum"].contains(&lower.as_str());
    let names_a_body = !generic
        && name_like
        && organ.starts_with(|c: char| c.is_uppercase())
        && organ.split_whitespace().count() <= 5
        && body_words.iter().any(|w| lower.contains(w));
    names_a_body.then_some(organ)
}

/// A person's start in an attendance list: a capitalised name followed by a comma
/// ("Erik Provare, ordförande"), or by a party in parentheses ("Leif Persson (S) ordf").
/// The party's length (at most 40 characters) is checked after matching: a bounded
/// repeat of a Unicode class compiles to a large automaton (most of lint's start-up).
pub(super) static PERSON_START: Re = Re::new(
    r"(\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s+\p{Lu}\p{Ll}[\p{L}'’-]*){1,2})(?:\s*\(([\p{L} -]+)\)\s*,?|\s*,)",
);

/// Longest party text in parentheses a person start accepts.
const PARTY_MAX: usize = 40;

/// The run of capitalised words (at least two) that ends the text: a name after words
/// that are not part of it. Text that does not end in one is returned as it is.
fn trailing_capitalised(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    let run = words
        .iter()
        .rev()
        .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    if run >= 2 && run < words.len() {
        words[words.len() - run..].join(" ")
    } else {
        s.to_string()
    }
}

/// Words before a name that make it the one replaced, not a new person: "ersätter
/// Tommy Larsson (KD)", "ersättare istf Roland Bäckman (S)".
fn replaced_here(before: &str) -> bool {
    let b = before.trim_end().to_lowercase();
    [
        "ersätter",
        "istf",
        "i stället för",
        "istället för",
        " för",
        "ersättare för",
    ]
    .iter()
    .any(|w| b.ends_with(w))
}

pub(super) static SEE: Re =
    Re::new(r"^(?i:se)\s+(?:förteckning\s+)?(?:bilaga|sid(?:an)?|sidan)(?:\s+\d{1,3})?\b[.,]?\s*");

/// "Se bilaga", "Se sid 2", "Se förteckning bilaga 1": the list is elsewhere.
fn strip_see_elsewhere(v: &str) -> &str {
    match SEE.find(v) {
        Some(m) => v.get(m.end()..).unwrap_or(""),
        None => v,
    }
}

/// Role abbreviations of attendance lists, and the verbs that name whom an ersättare
/// replaces, in the words the role parser knows.
fn expand_role(piece: &str, default_role: &str) -> String {
    let lower = piece.to_lowercase();
    for (short, long) in [
        ("ej tjg ersättare", "ej tjänstgörande ersättare"),
        ("ej tjg ers", "ej tjänstgörande ersättare"),
        ("tjg ersättare", "tjänstgörande ersättare"),
        ("tjg ers", "tjänstgörande ersättare"),
        ("vice ordf", "vice ordförande"),
        ("v ordf", "vice ordförande"),
        ("ordf", "ordförande"),
    ] {
        if let Some(rest) = lower.strip_prefix(short) {
            if rest.is_empty() || rest.starts_with([' ', '.']) {
                let tail = piece
                    .get(short.len()..)
                    .unwrap_or("")
                    .trim_start_matches('.');
                return expand_role(&format!("{long}{tail}"), default_role);
            }
        }
    }
    for verb in ["ersätter ", "istf ", "i stället för "] {
        if lower.starts_with(verb) {
            return format!(
                "{default_role} för {}",
                piece.get(verb.len()..).unwrap_or("")
            );
        }
    }
    for verb in [" istf ", " i stället för "] {
        if let Some(i) = lower.find(verb) {
            return format!(
                "{} för {}",
                piece.get(..i).unwrap_or(""),
                piece.get(i + verb.len()..).unwrap_or("")
            );
        }
    }
    piece.to_string()
}

const ROLE_WORDS: &[&str] = &[
    "ordförande",
    "vice ordförande",
    "1:e vice ordförande",
    "2:e vice ordförande",
    "förste vice ordförande",
    "andre vice ordförande",
    "ledamot",
    "ersättare",
    "tjänstgörande ersättare",
    "ej tjänstgörande ersättare",
    "sekreterare",
];

/// People in an attendance value: "Erik Provare, ordförande, Vimmerby kommun Maria
/// Testsson, Ödeshögs kommun Lars Lindprov, Kinda kommun §§ 59-62 …" (one line, as in
/// many protocols) or one person per value. A person starts with a capitalised name
/// followed by a comma (optionally a party in parentheses).
pub(crate) fn people(value: &str, group: &str, default_role: &str) -> Vec<Attendee> {
    let value = collapse_ws(value);
    let mut value = strip_see_elsewhere(&value);
    // A sub-label inside the value ("Ledamöter Erik Provare, …").
    let (mut group, mut default_role) = (group, default_role);
    if let Some((Field::People(g, r), rest)) = match_label(value) {
        group = g;
        default_role = r;
        value = strip_see_elsewhere(rest);
    }
    let mut starts: Vec<usize> = PERSON_START
        .captures_iter(value)
        .filter(|c| {
            c.get(2)
                .is_none_or(|p| p.as_str().chars().count() <= PARTY_MAX)
        })
        .filter_map(|c| c.get(0))
        .filter(|m| !replaced_here(value.get(..m.start()).unwrap_or("")))
        .map(|m| m.start())
        .collect();
    if starts.first() != Some(&0) {
        starts.insert(0, 0);
    }
    let mut out = Vec::new();
    for (i, &s) in starts.iter().enumerate() {
        let e = starts.get(i + 1).copied().unwrap_or(value.len());
        let chunk = value.get(s..e).unwrap_or("").trim();
        out.extend(person(chunk, group, default_role));
    }
    out
}

// "Leif Persson (S) ordf": what follows the party is the first piece after it.
pub(super) static PARTY_THEN: Re = Re::new(r"^([^,(]+\((\p{L}+)\))\.?\s+([^,].*)$");

// "Mattias Jansson (kommundirektör)": a function in parentheses, not a party.
// The lengths (7–40 characters, or a lower-case word of at most 6) are checked
// after matching: bounded repeats of a Unicode class are slow to compile.
pub(super) static FUNCTION: Re = Re::new(r"\s*\(([\p{L} -]+)\)");

fn person(chunk: &str, group: &str, default_role: &str) -> Vec<Attendee> {
    // A party is at most 6 letters (checked here, not by a bounded repeat).
    let chunk = match PARTY_THEN
        .captures(chunk)
        .filter(|c| c.get(2).is_some_and(|m| m.as_str().chars().count() <= 6))
    {
        Some(c) => format!(
            "{}, {}",
            c.get(1).map_or("", |m| m.as_str()),
            c.get(3).map_or("", |m| m.as_str())
        ),
        None => chunk.to_string(),
    };
    let expanded: Vec<String> = chunk
        .split(',')
        .map(|p| expand_role(p.trim(), default_role))
        .collect();
    let mut pieces = expanded.iter().map(|p| p.trim());
    let Some(first) = pieces.next() else {
        return Vec::new();
    };
    let is_function = |inner: &str| {
        let n = inner.chars().count();
        (7..=40).contains(&n) || (n <= 6 && inner.starts_with(char::is_lowercase))
    };
    let function_in_parens = FUNCTION
        .captures_iter(first)
        .filter_map(|c| c.get(1))
        .find(|m| is_function(m.as_str()))
        .map(|m| m.as_str().to_string());
    let first = FUNCTION.replace_all(first, |c: &regex::Captures<'_>| {
        let whole = c.get(0).map_or("", |m| m.as_str());
        if c.get(1).is_some_and(|m| is_function(m.as_str())) {
            String::new()
        } else {
            whole.to_string()
        }
    });
    let (name, party) = refs::split_party(&first);
    // "… med undantag för Lars Rasch", "Pär Johnson.": the name is the capitalised
    // words at the end, without a closing full stop.
    let name = trailing_capitalised(name.trim_end_matches('.'));
    // A name is capitalised words (and nobiliary particles): "Närvarande ej
    // tjänstgörande ersättare" is a label, not a person.
    let is_name = name.split_whitespace().count() >= 2
        && name.split_whitespace().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                || ["von", "af", "av", "de", "van", "der", "du", "la"].contains(&w)
        });
    if !is_name {
        return Vec::new();
    }
    let mut roles: Vec<(String, Option<ParagraphRange>, Option<String>)> = Vec::new();
    let mut organisation = None;
    let mut function: Vec<String> = Vec::new();
    let mut pending_range: Option<ParagraphRange> = None;
    for p in pieces.filter(|p| !p.is_empty()) {
        let range = refs::paragraph_range(p);
        let text = match refs::paragraph_range_start(p) {
            Some(i) => p.get(..i).unwrap_or("").trim(),
            None => p,
        };
        let lower = text.to_lowercase();
        let (role_part, replaces) = match lower.split_once(" för ") {
            Some((r, who)) if ROLE_WORDS.contains(&r) => (r.to_string(), Some(who.to_string())),
            _ => (lower.clone(), None),
        };
        // "ej tjänstgörande ersättare Administrativ chef …": the role, then other words.
        if replaces.is_none() && !ROLE_WORDS.contains(&role_part.as_str()) {
            let longest = ROLE_WORDS
                .iter()
                .filter(|r| {
                    role_part
                        .strip_prefix(*r)
                        .is_some_and(|rest| rest.starts_with(' ') && !rest.starts_with(" för "))
                })
                .max_by_key(|r| r.len());
            if let Some(role) = longest {
                roles.push((role.to_string(), range, None));
                let rest = text.get(role.len()..).unwrap_or("").trim();
                if !rest.is_empty() {
                    function.push(rest.to_string());
                }
                continue;
            }
        }
        if ROLE_WORDS.contains(&role_part.as_str()) {
            let replaces = replaces.and_then(|_| {
                text.split_once(" för ").and_then(|(_, w)| {
                    refs::person_name(
                        w.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '-'),
                    )
                })
            });
            roles.push((role_part, range, replaces));
            continue;
        }
        if lower.ends_with(" kommun")
            || lower.ends_with(" kommuner")
            || lower.starts_with("region ")
        {
            organisation = Some(text.to_string());
        } else if !text.is_empty() && !["och", "samt", "bilaga", "."].contains(&text) {
            function.push(text.to_string());
        }
        if let Some(r) = range {
            match roles.last_mut() {
                Some(last) if last.1.is_none() => last.1 = Some(r),
                _ => pending_range = Some(r),
            }
        }
    }
    if roles.is_empty() {
        roles.push((default_role.to_string(), pending_range.take(), None));
    } else if let (Some(r), Some(first)) = (pending_range, roles.first_mut()) {
        if first.1.is_none() {
            first.1 = Some(r);
        }
    }
    function.extend(function_in_parens);
    let function = (!function.is_empty()).then(|| function.join(", "));
    roles
        .into_iter()
        .map(|(role, paragraphs, replaces)| Attendee {
            name: name.clone(),
            role,
            party: party.clone(),
            replaces,
            paragraphs,
            group: group.to_string(),
            function: function.clone(),
            organisation: organisation.clone(),
            provenance: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragrafer_with_a_range_is_a_label_inside_a_cell() {
        assert_eq!(
            split_at_inner_labels("utbildningsförvaltningen Paragrafer §54 -§64"),
            ["utbildningsförvaltningen", "Paragrafer §54 -§64"]
        );
        // Without a range after it the word is running text.
        assert_eq!(
            split_at_inner_labels("enligt Paragrafer i reglementet"),
            ["enligt Paragrafer i reglementet"]
        );
    }

    #[test]
    fn a_range_with_the_sign_before_both_ends_is_read() {
        let r = |s: &str| leading_range(s).map(|r| (r.from, r.to));
        assert_eq!(r("§54 -§64"), Some((54, 64)));
        assert_eq!(r("§§ 102 - 119"), Some((102, 119)));
        assert_eq!(r("1-10 Stina Fiktivsson"), Some((1, 10)));
    }

    #[test]
    fn names_in_a_row_are_split_by_known_names_first() {
        let v = |s: &str| vec![s.to_string()];
        // Two-word names by default.
        assert_eq!(
            split_names(&v("Gunilla Nyström Karl-Johan Adolfsson"), &[]),
            ["Gunilla Nyström", "Karl-Johan Adolfsson"]
        );
        // A known three-word name (from the attendance) is kept whole.
        assert_eq!(
            split_names(
                &v("Anna-Greta O Berggren Jörn Okan"),
                &["Anna-Greta O Berggren".to_string()]
            ),
            ["Anna-Greta O Berggren", "Jörn Okan"]
        );
        // A single name stays whole, party and all removed.
        assert_eq!(split_names(&v("Olof Provsson (C)"), &[]), ["Olof Provsson"]);
        assert_eq!(
            split_names(&v("Anna-Greta O Berggren"), &[]),
            ["Anna-Greta O Berggren"]
        );
    }

    #[test]
    fn place_ends_where_the_date_begins() {
        assert_eq!(
            place_before_date("Tingssalen , måndagen den 4 september 2017").as_deref(),
            Some("Tingssalen")
        );
        assert_eq!(
            place_before_date(
                "Sessionssalen, Gamla kommunhuset, Åtvidaberg, onsdag den 29 augusti"
            )
            .as_deref(),
            Some("Sessionssalen, Gamla kommunhuset, Åtvidaberg")
        );
        assert_eq!(place_before_date("Måndagen den 11 september 2017"), None);
        assert_eq!(
            place_before_date("Kommunhuset, Herrljunga kommun 2022-03-02").as_deref(),
            Some("Kommunhuset, Herrljunga kommun")
        );
    }

    #[test]
    fn one_line_attendance_with_ranges() {
        let v = "Ledamöter Erik Provare, ordförande, Vimmerby kommun Maria Testsson, Ödeshögs kommun Lars Lindprov, Kinda kommun §§ 59-62 Sara Fiktiv, Ydre kommun";
        let p = people(v, "beslutande", "ledamot");
        let names: Vec<_> = p.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Erik Provare",
                "Maria Testsson",
                "Lars Lindprov",
                "Sara Fiktiv"
            ]
        );
        assert_eq!(p[0].role, "ordförande");
        assert_eq!(p[2].paragraphs, Some(ParagraphRange { from: 59, to: 62 }));
        assert_eq!(p[2].organisation.as_deref(), Some("Kinda kommun"));
    }

    #[test]
    fn two_roles_two_ranges() {
        let p = people(
            "Ersättare Göran Exempelstén, ersättare, Kinda kommun §§ 59-62, tjänstgörande ersättare §§ 62-67",
            "beslutande",
            "ledamot",
        );
        assert_eq!(p.len(), 2);
        assert_eq!(
            (p[0].role.as_str(), p[0].paragraphs.clone()),
            ("ersättare", Some(ParagraphRange { from: 59, to: 62 }))
        );
        assert_eq!(
            (p[1].role.as_str(), p[1].paragraphs.clone()),
            (
                "tjänstgörande ersättare",
                Some(ParagraphRange { from: 62, to: 67 })
            )
        );
        assert_eq!(p[0].group, "ersättare");
    }

    #[test]
    fn staff_with_functions() {
        let p = people(
            "Per Påhittad, förbundsdirektör Johan Testman, ledningssekreterare Bo Testare, projektledare Google Workspace § 59 Eva Påhitt, ekonom §§ 62-63",
            "övriga",
            "övrig",
        );
        let names: Vec<_> = p.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(
            names,
            ["Per Påhittad", "Johan Testman", "Bo Testare", "Eva Påhitt"]
        );
        assert_eq!(p[2].paragraphs, Some(ParagraphRange { from: 59, to: 59 }));
        assert_eq!(
            p[2].function.as_deref(),
            Some("projektledare Google Workspace")
        );
    }

    #[test]
    fn party_is_split_off() {
        let p = people(
            "Nils Exempelsson (M), ordförande, Herrljunga kommun",
            "beslutande",
            "ledamot",
        );
        assert_eq!(p[0].name, "Nils Exempelsson");
        assert_eq!(p[0].party.as_deref(), Some("M"));
        assert_eq!(p[0].role, "ordförande");
    }

    #[test]
    fn casing_of_all_caps_organ() {
        assert_eq!(
            tidy_case("SERVICENÄMND IT/VÄXEL/TELEFONI"),
            "Servicenämnd IT/Växel/Telefoni"
        );
    }
}
