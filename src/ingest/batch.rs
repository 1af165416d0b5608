//! Reads the pages of a document in batches through pdf-extract's public `output_doc`, so
//! that each font is built once per batch instead of once per page, and the page tree is
//! walked once per batch instead of once per page.
//!
//! pdf-extract keeps its font table for the duration of one page (fonts are cached by
//! their resource name) and rebuilds every font (ToUnicode CMap, encoding, widths) on the
//! next page; `output_doc_page` also walks the whole page tree for every page, which makes
//! reading quadratic in the page count. Its public API has no way to share fonts across
//! pages, but it does share them across the form XObjects a page draws. So a batch of
//! consecutive pages is drawn as one synthetic page that draws each real page as a form
//! XObject (`/JusteraPage<i> Do`), with the page's own resources. pdf-extract runs each
//! form with a fresh graphics state and the calling page's media box, which is exactly how
//! it runs a page on its own; what is shared is the font table, keyed by resource name. A
//! batch therefore only holds pages on which every font name means the same font object
//! (and pages with the same media box). A marker path stroked before each form tells the
//! collector where one page ends and the next begins.
//!
//! Whatever the batch cannot reproduce exactly (an unusual media box, a dangling reference
//! that pdf-extract would panic on before drawing, conflicting font names inside one page)
//! is read page by page through `output_doc_page`, as before. A page that fails inside a
//! batch fails the way it would on its own (same fonts, same content); the batch restarts
//! after it.

use super::pdf::{quietly, GlyphCollector, PageOutcome};
use pdf_extract::{
    Dictionary, Document, MediaBox, Object, ObjectId, OutputDev, OutputError, Path, PathOp, Stream,
    Transform,
};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The marker path: `MoveTo(MARK, MARK)`, `LineTo(index, MARK)`. Exactly representable
/// as the f32 lopdf parses reals into.
const MARK: f64 = -7777.5;
/// Batch limits: pages, and bytes of page content held at once as form streams.
const MAX_PAGES: usize = 400;
const MAX_CONTENT: usize = 16 << 20;
/// Depth of form XObjects followed when collecting the font names a page can use.
const MAX_FORM_DEPTH: usize = 24;

/// Where a font dictionary comes from: two pages share a font when their resource name
/// resolves to the same key.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
enum FontKey {
    /// An indirect font object.
    Object(ObjectId),
    /// A direct font dictionary inside the font or resource dictionary held by this
    /// object, under this name.
    Direct(ObjectId, Vec<u8>),
}

/// How a page can be read.
enum Plan {
    /// Only page by page through pdf-extract's own entry point.
    Alone,
    /// In a batch.
    Batch(Box<Batchable>),
}

struct Batchable {
    /// The media box entries as written (pdf-extract reads the first four).
    media: Vec<Object>,
    media_bits: [u64; 4],
    /// The page's resources as the form's `/Resources` value (`None`: the page has none).
    resources: Option<Object>,
    /// Every font name the page or its forms can select, with the font it means.
    fonts: HashMap<Vec<u8>, FontKey>,
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    match o {
        Object::Reference(id) => doc.get_object(*id).ok(),
        o => Some(o),
    }
}

fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// An inherited page attribute the way pdf-extract's `get_inherited` finds it, with the
/// id of the object that holds it (the page or an ancestor). `Err` where pdf-extract would
/// panic (a dangling reference) or loop (a /Parent cycle).
fn inherited<'a>(
    doc: &'a Document,
    page: ObjectId,
    key: &[u8],
    accept: impl Fn(&Object) -> bool,
) -> Result<Option<(&'a Object, &'a Object, ObjectId)>, ()> {
    let mut id = page;
    for _ in 0..64 {
        let dict = doc.get_dictionary(id).map_err(|_| ())?;
        if let Ok(raw) = dict.get(key) {
            let value = deref(doc, raw).ok_or(())?;
            if accept(value) {
                return Ok(Some((raw, value, id)));
            }
        }
        match dict.get(b"Parent").and_then(Object::as_reference) {
            Ok(parent) if doc.get_dictionary(parent).is_ok() => id = parent,
            _ => return Ok(None),
        }
    }
    Err(())
}

/// Collects the font names of one resource dictionary and of the forms it draws.
struct FontWalk<'a> {
    doc: &'a Document,
    fonts: HashMap<Vec<u8>, FontKey>,
    seen: HashSet<ObjectId>,
    conflict: bool,
}

impl<'a> FontWalk<'a> {
    fn add(&mut self, name: &[u8], key: FontKey) {
        match self.fonts.get(name) {
            Some(k) if *k != key => self.conflict = true,
            Some(_) => {}
            None => {
                self.fonts.insert(name.to_vec(), key);
            }
        }
    }

    /// `resources`: the dictionary, `owner`: the object holding it directly.
    fn walk(&mut self, resources: &'a Dictionary, owner: ObjectId, depth: usize) {
        if depth > MAX_FORM_DEPTH {
            self.conflict = true;
            return;
        }
        if let Ok(raw) = resources.get(b"Font") {
            let fonts_owner = match raw {
                Object::Reference(id) => *id,
                _ => owner,
            };
            match deref(self.doc, raw).map(Object::as_dict) {
                Some(Ok(fonts)) => {
                    for (name, value) in fonts.iter() {
                        let key = match value {
                            Object::Reference(id) => FontKey::Object(*id),
                            _ => FontKey::Direct(fonts_owner, name.clone()),
                        };
                        self.add(name, key);
                    }
                }
                // pdf-extract panics on a Tf here; keep such pages to themselves.
                _ => self.conflict = true,
            }
        }
        let Ok(raw) = resources.get(b"XObject") else {
            return;
        };
        let Some(Ok(xobjects)) = deref(self.doc, raw).map(Object::as_dict) else {
            self.conflict = true;
            return;
        };
        for (_, value) in xobjects.iter() {
            let Object::Reference(id) = value else {
                // A direct stream cannot be an XObject; pdf-extract fails on its Do alike.
                continue;
            };
            if !self.seen.insert(*id) {
                continue;
            }
            let Ok(stream) = self.doc.get_object(*id).and_then(Object::as_stream) else {
                continue;
            };
            if let Ok(raw) = stream.dict.get(b"Resources") {
                let owner = match raw {
                    Object::Reference(r) => *r,
                    _ => *id,
                };
                match deref(self.doc, raw) {
                    Some(Object::Dictionary(d)) => self.walk(d, owner, depth + 1),
                    Some(_) => {}
                    None => self.conflict = true,
                }
            }
        }
    }
}

fn plan(doc: &Document, page: ObjectId) -> Plan {
    let Ok(dict) = doc.get_dictionary(page) else {
        return Plan::Alone;
    };
    // pdf-extract reads a non-inherited ArtBox and panics on a malformed one.
    if let Ok(raw) = dict.get(b"ArtBox") {
        match deref(doc, raw) {
            None => return Plan::Alone,
            Some(Object::Array(a)) if a.len() < 4 || a.iter().any(|o| number(o).is_none()) => {
                return Plan::Alone
            }
            _ => {}
        }
    }
    let Ok(Some((_, media, _))) = inherited(doc, page, b"MediaBox", |o| o.as_array().is_ok())
    else {
        return Plan::Alone;
    };
    let Ok(media) = media.as_array() else {
        return Plan::Alone;
    };
    let values: Vec<f64> = media.iter().filter_map(number).collect();
    if media.len() < 4 || values.len() != media.len() {
        return Plan::Alone;
    }
    let media_bits = [
        values[0].to_bits(),
        values[1].to_bits(),
        values[2].to_bits(),
        values[3].to_bits(),
    ];
    let Ok(found) = inherited(doc, page, b"Resources", |o| o.as_dict().is_ok()) else {
        return Plan::Alone;
    };
    let mut walk = FontWalk {
        doc,
        fonts: HashMap::new(),
        seen: HashSet::new(),
        conflict: false,
    };
    let resources = match found {
        Some((raw, value, holder)) => {
            let Ok(dict) = value.as_dict() else {
                return Plan::Alone;
            };
            // A page without any font dictionary is read alone: should its content select
            // a font anyway, pdf-extract fails on it, while in a batch a font of another
            // page could be found under that name.
            if dict.get(b"Font").is_err() {
                return Plan::Alone;
            }
            let owner = match raw {
                Object::Reference(id) => *id,
                _ => holder,
            };
            walk.walk(dict, owner, 0);
            Some(match raw {
                Object::Reference(id) => Object::Reference(*id),
                _ => Object::Dictionary(dict.clone()),
            })
        }
        None => return Plan::Alone,
    };
    if walk.conflict {
        return Plan::Alone;
    }
    Plan::Batch(Box::new(Batchable {
        media: media.clone(),
        media_bits,
        resources,
        fonts: walk.fonts,
    }))
}

/// Splits pdf-extract's drawing of a batch into pages at the marker strokes.
struct BatchCollector {
    /// Media box frame, set by `begin_page` of the synthetic page.
    frame: GlyphCollector,
    began: bool,
    done: Vec<GlyphCollector>,
    current: Option<GlyphCollector>,
}

impl BatchCollector {
    fn fresh(&self) -> GlyphCollector {
        GlyphCollector {
            origin: self.frame.origin,
            size: self.frame.size,
            ..GlyphCollector::default()
        }
    }
}

impl OutputDev for BatchCollector {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &MediaBox,
        art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.began = true;
        self.frame.begin_page(page_num, media_box, art_box)
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        match &mut self.current {
            Some(c) => c.output_character(trm, width, spacing, font_size, char),
            None => Ok(()),
        }
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        match &mut self.current {
            Some(c) => c.begin_word(),
            None => Ok(()),
        }
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn stroke(
        &mut self,
        _ctm: &Transform,
        _colorspace: &pdf_extract::ColorSpace,
        _color: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        if let [PathOp::MoveTo(a, b), PathOp::LineTo(index, c)] = path.ops[..] {
            let next = self.done.len() + usize::from(self.current.is_some());
            if a == MARK && b == MARK && c == MARK && index == next as f64 {
                if let Some(page) = self.current.take() {
                    self.done.push(page);
                }
                self.current = Some(self.fresh());
            }
        }
        Ok(())
    }
}

/// What one pass of `output_doc` over a batch gave.
struct BatchRun {
    /// Pages drawn to their end.
    done: Vec<GlyphCollector>,
    /// The page that stopped the batch, with what it drew and why it stopped.
    stopped: Option<(GlyphCollector, String)>,
}

/// Installs the synthetic page tree, draws it, and removes it again.
fn run_batch(doc: &mut Document, pages: &[(ObjectId, &Batchable)]) -> Option<BatchRun> {
    let catalog_id = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .ok()?;
    let old_pages = doc.catalog().ok()?.get(b"Pages").ok()?.clone();
    let first_new = doc.max_id + 1;
    let mut xobjects = Dictionary::new();
    let mut content = Vec::new();
    for (i, (page, plan)) in pages.iter().enumerate() {
        let data = doc.get_page_content(*page).ok()?;
        // A content stream with an array nested too deep for lopdf would lose the page.
        let data = match super::nesting::blank_deep_arrays(&data) {
            Some((blanked, _)) => blanked,
            None => data,
        };
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"XObject".to_vec()));
        dict.set("Subtype", Object::Name(b"Form".to_vec()));
        dict.set(
            "Resources",
            plan.resources
                .clone()
                .unwrap_or_else(|| Object::Dictionary(Dictionary::new())),
        );
        let id = doc.add_object(Stream::new(dict, data));
        let name = format!("JusteraPage{i}");
        xobjects.set(name.as_bytes().to_vec(), Object::Reference(id));
        content
            .extend_from_slice(format!("{MARK} {MARK} m {i} {MARK} l S /{name} Do\n").as_bytes());
    }
    let n = pages.len();
    content.extend_from_slice(format!("{MARK} {MARK} m {n} {MARK} l S\n").as_bytes());
    let contents = doc.add_object(Stream::new(Dictionary::new(), content));
    let tree_id = (doc.max_id + 2, 0);
    let mut resources = Dictionary::new();
    resources.set("XObject", Object::Dictionary(xobjects));
    let mut page = Dictionary::new();
    page.set("Type", Object::Name(b"Page".to_vec()));
    page.set("Parent", Object::Reference(tree_id));
    page.set("MediaBox", Object::Array(pages[0].1.media.clone()));
    page.set("Resources", Object::Dictionary(resources));
    page.set("Contents", Object::Reference(contents));
    let page_id = doc.add_object(page);
    let mut tree = Dictionary::new();
    tree.set("Type", Object::Name(b"Pages".to_vec()));
    tree.set("Kids", Object::Array(vec![Object::Reference(page_id)]));
    tree.set("Count", Object::Integer(1));
    let added = doc.add_object(tree);
    debug_assert_eq!(added, tree_id);
    let last_new = doc.max_id;
    if let Ok(catalog) = doc.get_dictionary_mut(catalog_id) {
        catalog.set("Pages", Object::Reference(tree_id));
    }

    let mut out = BatchCollector {
        frame: GlyphCollector::default(),
        began: false,
        done: Vec::new(),
        current: None,
    };
    let result = quietly(|| pdf_extract::output_doc(doc, &mut out));

    if let Ok(catalog) = doc.get_dictionary_mut(catalog_id) {
        catalog.set("Pages", old_pages);
    }
    for id in first_new..=last_new {
        doc.objects.remove(&(id, 0));
    }
    doc.max_id = first_new - 1;

    let stopped = match result {
        Ok(Ok(())) => None,
        Ok(Err(e)) => Some(format!(
            "reader error: {}",
            super::pdf::one_line(&e.to_string())
        )),
        Err(message) => Some(format!("reader panicked: {message}")),
    };
    if !out.began {
        // Failed before any page was drawn: nothing here says which page is at fault.
        return None;
    }
    match stopped {
        None => {
            let mut done = out.done;
            // The closing marker moved the last page to `done`; `current` is the empty
            // page it opened.
            if done.len() != n {
                return None;
            }
            done.truncate(n);
            Some(BatchRun {
                done,
                stopped: None,
            })
        }
        Some(reason) => {
            let current = out.current?;
            Some(BatchRun {
                done: out.done,
                stopped: Some((current, reason)),
            })
        }
    }
}

/// The outcome of a page that stopped: what it drew is kept when it holds text, as when the
/// page is read on its own.
fn stopped_outcome(collected: GlyphCollector, reason: String) -> PageOutcome {
    if collected.size != (0.0, 0.0)
        && collected
            .glyphs
            .iter()
            .any(|(_, g)| !g.text.trim().is_empty())
    {
        Ok((collected, Some(reason)))
    } else {
        Err(reason)
    }
}

/// Reads every page, in batches where that gives the same glyphs as reading page by page.
pub(super) fn extract_all(
    doc: &mut Document,
    page_ids: &BTreeMap<u32, ObjectId>,
) -> Vec<(u32, ObjectId, PageOutcome)> {
    let pages: Vec<(u32, ObjectId)> = page_ids.iter().map(|(n, id)| (*n, *id)).collect();
    let plans: Vec<Plan> = pages.iter().map(|(_, id)| plan(doc, *id)).collect();
    let mut out: Vec<(u32, ObjectId, PageOutcome)> = Vec::with_capacity(pages.len());
    let mut i = 0;
    while i < pages.len() {
        let Plan::Batch(first) = &plans[i] else {
            let (number, id) = pages[i];
            out.push((number, id, super::pdf::extract_page(doc, number)));
            i += 1;
            continue;
        };
        // Extend the batch while media box and font names agree.
        let mut fonts: HashMap<&[u8], &FontKey> = HashMap::new();
        let mut batch: Vec<(ObjectId, &Batchable)> = Vec::new();
        let mut bytes = 0usize;
        let mut j = i;
        while j < pages.len() && batch.len() < MAX_PAGES && bytes < MAX_CONTENT {
            let Plan::Batch(p) = &plans[j] else { break };
            if p.media_bits != first.media_bits
                || p.fonts
                    .iter()
                    .any(|(name, key)| fonts.get(name.as_slice()).is_some_and(|k| *k != key))
            {
                break;
            }
            for (name, key) in &p.fonts {
                fonts.insert(name, key);
            }
            bytes += content_size(doc, pages[j].1);
            batch.push((pages[j].1, p));
            j += 1;
        }
        let Some(run) = run_batch(doc, &batch) else {
            // The batch could not be drawn as such: read its first page on its own and
            // try again from the next.
            let (number, id) = pages[i];
            out.push((number, id, super::pdf::extract_page(doc, number)));
            i += 1;
            continue;
        };
        for collected in run.done {
            let (number, id) = pages[i];
            out.push((number, id, Ok((collected, None))));
            i += 1;
        }
        if let Some((collected, reason)) = run.stopped {
            let (number, id) = pages[i];
            out.push((number, id, stopped_outcome(collected, reason)));
            i += 1;
        }
    }
    out
}

/// Encoded size of a page's content streams (a cheap bound for the batch's memory).
fn content_size(doc: &Document, page: ObjectId) -> usize {
    doc.get_page_contents(page)
        .iter()
        .filter_map(|id| doc.get_object(*id).and_then(Object::as_stream).ok())
        .map(|s| s.content.len())
        .sum()
}
