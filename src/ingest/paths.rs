//! Page and form content handed to pdf-extract without path operations.
//!
//! pdf-extract decodes every operation of a content stream into lopdf objects, and path
//! operations (`m`, `l`, `c`, `re`, `S`, `f`, `W`, …) only build shapes that it passes to
//! the output device's `stroke`/`fill`, which the glyph collector ignores. Pages drawn as
//! vector strokes (a scan printed to PDF, table rules, charts) made that most of the
//! reading time. Just before extraction the content of every page and every form is
//! replaced, where it reads with certainty (see [`without_paths`]), by a plain stream of
//! its other operations (less those pdf-extract decodes and ignores: device colours,
//! line style, marked content); the glyphs pdf-extract gives are the same, and it no
//! longer inflates these streams again. The originals are kept: when pages fail, they are put
//! back before damaged streams are inflated again (`inflate::recover_flate_streams`) and
//! the pages retried.

use super::operands::without_paths;
use pdf_extract::{Dictionary, Document, Object, ObjectId};
use std::collections::{HashMap, HashSet};

/// What [`strip`] replaced, to put back with [`restore`]: streams and their dictionary
/// and (encoded) content before.
#[derive(Default)]
pub(super) struct Stripped(Vec<(ObjectId, Dictionary, Vec<u8>)>);

/// The batch reader's page marker (`batch::MARK`, -7777.5) stroked by a page itself would
/// be taken for a marker; such streams are left as they are.
fn strokes_marker_like(data: &[u8]) -> bool {
    data.windows(6).any(|w| w == b"7777.5")
}

/// Replaces the content of streams in place (the number of objects must not change:
/// lopdf bounds its walk of a page tree with a loop by that number): the first gets the
/// operations of `data` (their content, read one after the other) other than path
/// operations, the others nothing.
fn replace(doc: &mut Document, ids: &[ObjectId], data: &[u8], out: &mut Stripped) {
    if data.is_empty() || strokes_marker_like(data) {
        return;
    }
    if !ids
        .iter()
        .all(|id| matches!(doc.objects.get(id), Some(Object::Stream(_))))
    {
        return;
    }
    let Some(mut bytes) = without_paths(data) else {
        return;
    };
    for id in ids {
        if let Some(Object::Stream(s)) = doc.objects.get_mut(id) {
            let dict = s.dict.clone();
            let content = std::mem::take(&mut s.content);
            s.set_plain_content(std::mem::take(&mut bytes));
            out.0.push((*id, dict, content));
        }
    }
}

/// Replaces the content of every page and of every form XObject, where it reads with
/// certainty, by its operations other than path operations. A page's streams are read
/// as pdf-extract reads them, one after the other (a path may run from one into the
/// next); a page whose streams another page or a form also uses is left as it is,
/// unless both have just that one stream.
pub(super) fn strip(doc: &mut Document) -> Stripped {
    let mut out = Stripped::default();
    let pages: Vec<(ObjectId, Vec<ObjectId>)> = doc
        .get_pages()
        .into_values()
        .map(|page| (page, doc.get_page_contents(page)))
        .collect();
    let mut uses: HashMap<ObjectId, usize> = HashMap::new();
    let mut in_several: HashSet<ObjectId> = HashSet::new();
    for (_, ids) in &pages {
        for id in ids {
            *uses.entry(*id).or_default() += 1;
            if ids.len() > 1 {
                in_several.insert(*id);
            }
        }
    }
    let mut done: HashSet<ObjectId> = HashSet::new();
    for (page, ids) in &pages {
        let alone = match ids[..] {
            [] => false,
            [id] => !in_several.contains(&id),
            // Every stream this page's alone, and none an XObject (a form could draw it).
            _ => ids.iter().all(|id| {
                uses[id] == 1
                    && !matches!(doc.objects.get(id),
                        Some(Object::Stream(s)) if s.dict.has(b"Subtype"))
            }),
        };
        if !alone || ids.iter().any(|id| done.contains(id)) {
            continue;
        }
        done.extend(ids.iter().copied());
        // As pdf-extract reads it: lopdf's page content, a newline after each stream.
        let Ok(data) = doc.get_page_content(*page) else {
            continue;
        };
        replace(doc, ids, &data, &mut out);
    }
    let forms: Vec<ObjectId> = doc
        .objects
        .iter()
        .filter(|(id, o)| {
            !uses.contains_key(id)
                && matches!(o, Object::Stream(s)
                    if s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form"))
        })
        .map(|(id, _)| *id)
        .collect();
    for id in forms {
        let Some(Object::Stream(form)) = doc.objects.get(&id) else {
            continue;
        };
        // As pdf-extract reads a form's content.
        let data = if form.filters().is_ok() {
            form.decompressed_content()
                .unwrap_or_else(|_| form.content.clone())
        } else {
            form.content.clone()
        };
        replace(doc, &[id], &data, &mut out);
    }
    out
}

/// Puts back what [`strip`] replaced.
pub(super) fn restore(doc: &mut Document, stripped: Stripped) {
    for (id, dict, content) in stripped.0 {
        if let Some(Object::Stream(s)) = doc.objects.get_mut(&id) {
            s.dict = dict;
            s.content = content;
        }
    }
}
