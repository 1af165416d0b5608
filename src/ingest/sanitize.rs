//! Font and content fallbacks: rewrites the parts of a loaded document that pdf-extract
//! 0.12.1 would panic on, so the page keeps its text instead of being lost. Each fix
//! replaces something the reader cannot use with what a tolerant reader (pdf.js,
//! poppler) falls back to:
//!
//! - references to objects that do not exist are dropped (a missing object is null);
//! - font names written as strings become names; a missing /BaseFont gets a placeholder;
//! - a simple font's /Encoding that is not a usable encoding name or dictionary is
//!   dropped (the font's built-in encoding applies); odd /Differences entries too;
//! - /Widths that disagree with /FirstChar…/LastChar get a matching /LastChar;
//! - a /ToUnicode CMap, an embedded Type1 program or a CFF program that does not parse
//!   is dropped (the encoding is used instead; a page whose glyphs then carry no
//!   Unicode is reported as not decodable rather than guessed);
//! - a Type0 font without a usable descendant gets a plain Identity one; a CID font's
//!   /W ranges (`first last width`, which pdf-extract reads as no width) are written out;
//! - a Type3 font gets widths for all 256 codes, scaled by its /FontMatrix (pdf-extract
//!   panics on a code without a width and reads widths as thousandths), and an encoding;
//! - an XObject written as a dictionary without its stream becomes an empty stream;
//! - a form XObject without /Font resources inherits its page's fonts;
//! - content operators with missing or mistyped operands are left out (as pdf.js does);
//! - annotations' appearance streams (filled-in form fields, free-text notes) are drawn
//!   after the page content, as viewers and pdftotext do; pdf-extract reads only the
//!   page content itself;
//! - a form whose fonts reuse a name the page (or another form on it) gives a different
//!   font gets names of its own for them: pdf-extract keeps one font per name for a
//!   whole page, so the form's text would be decoded with the other font.
//!
//! Every check runs the same parser pdf-extract would run, inside catch_unwind.

use super::operands::{operands_ok, well_formed};
use pdf_extract::content::{Content, Operation};
use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream};
use std::collections::{BTreeMap, BTreeSet};

/// Applies every fallback; returns a note per kind of fix made.
pub fn sanitize(doc: &mut Document) -> Vec<String> {
    let mut fixes: BTreeMap<&'static str, usize> = BTreeMap::new();
    drop_dangling_references(doc, &mut fixes);
    for id in font_ids(doc) {
        fix_font(doc, id, &mut fixes);
    }
    give_forms_page_fonts(doc, &mut fixes);
    fix_streamless_xobjects(doc, &mut fixes);
    fix_colour_spaces(doc, &mut fixes);
    fix_page_contents(doc, &mut fixes);
    let fields = super::fields::give_text_fields_appearances(doc);
    if fields > 0 {
        *fixes
            .entry("filled-in text fields without an appearance drawn from their value")
            .or_default() += fields;
    }
    draw_annotation_appearances(doc, &mut fixes);
    name_form_fonts_apart(doc);
    fixes
        .into_iter()
        .map(|(what, n)| format!("{what}: {n}"))
        .collect()
}

/// Drops /FontFile2 from font descriptors where pdf-extract would only inflate the
/// program and throw it away (it reads nothing of a TrueType program; nothing else here
/// does). Left where inflating it could fail differently: a stream with /DecodeParms or a
/// filter other than FlateDecode. Returns how many were dropped.
pub(super) fn drop_unread_font_programs(doc: &mut Document) -> usize {
    let plain = |s: &Stream| {
        !s.dict.has(b"DecodeParms")
            && s.filters()
                .map_or(true, |f| f.iter().all(|f| *f == b"FlateDecode".as_slice()))
    };
    let ids: Vec<ObjectId> = doc
        .objects
        .iter()
        .filter_map(|(id, o)| {
            let d = o.as_dict().ok()?;
            match deref(doc, d.get(b"FontFile2").ok()?)? {
                Object::Stream(s) if plain(s) => Some(*id),
                _ => None,
            }
        })
        .collect();
    for id in &ids {
        if let Some(Object::Dictionary(d)) = doc.objects.get_mut(id) {
            d.remove(b"FontFile2");
        }
    }
    ids.len()
}

fn name_of(o: &Object) -> Option<&[u8]> {
    o.as_name().ok()
}

/// The form XObjects a resources dictionary names, each with its own /Resources.
fn forms<'a>(
    doc: &'a Document,
    resources: &'a Dictionary,
) -> impl Iterator<Item = (ObjectId, Option<&'a Dictionary>)> + 'a {
    let xobjects = resources
        .get(b"XObject")
        .ok()
        .and_then(|x| deref(doc, x))
        .and_then(|x| x.as_dict().ok());
    xobjects
        .into_iter()
        .flat_map(|x| x.iter())
        .filter_map(move |(_, x)| {
            let id = x.as_reference().ok()?;
            let Some(Object::Stream(form)) = doc.objects.get(&id) else {
                return None;
            };
            if form.dict.get(b"Subtype").ok().and_then(name_of) != Some(b"Form") {
                return None;
            }
            let own = form
                .dict
                .get(b"Resources")
                .ok()
                .and_then(|r| deref(doc, r))
                .and_then(|r| r.as_dict().ok());
            Some((id, own))
        })
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    match o {
        Object::Reference(id) => doc.objects.get(id),
        o => Some(o),
    }
}

fn stream_data(s: &Stream) -> Vec<u8> {
    // As pdf-extract's get_contents does.
    if s.filters().is_ok() {
        s.decompressed_content()
            .unwrap_or_else(|_| s.content.clone())
    } else {
        s.content.clone()
    }
}

/// Runs a parser the way pdf-extract would; false when it errs or panics.
fn parses(f: impl FnOnce() -> bool) -> bool {
    // Quietly: a parser that panics here is expected, its message is no news on stderr.
    super::pdf::quietly(f).unwrap_or(false)
}

fn drop_dangling_references(doc: &mut Document, fixes: &mut BTreeMap<&'static str, usize>) {
    let present: BTreeSet<ObjectId> = doc.objects.keys().copied().collect();
    let mut dropped = 0usize;
    fn walk(o: &mut Object, present: &BTreeSet<ObjectId>, dropped: &mut usize, depth: usize) {
        if depth > 32 {
            return;
        }
        let dict = match o {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &mut s.dict,
            Object::Array(a) => {
                for v in a {
                    walk(v, present, dropped, depth + 1);
                }
                return;
            }
            _ => return,
        };
        let dangling: Vec<Vec<u8>> = dict
            .iter()
            .filter(|(_, v)| matches!(v, Object::Reference(id) if !present.contains(id)))
            .map(|(k, _)| k.clone())
            .collect();
        for k in dangling {
            dict.remove(&k);
            *dropped += 1;
        }
        for (_, v) in dict.iter_mut() {
            walk(v, present, dropped, depth + 1);
        }
    }
    for o in doc.objects.values_mut() {
        walk(o, &present, &mut dropped, 0);
    }
    if dropped > 0 {
        fixes.insert("references to missing objects dropped", dropped);
    }
}

/// Every font the pages use, made indirect where it was written inline.
fn font_ids(doc: &mut Document) -> Vec<ObjectId> {
    let mut ids = BTreeSet::new();
    for (id, o) in &doc.objects {
        if let Ok(d) = o.as_dict() {
            if d.get(b"Type").ok().and_then(name_of) == Some(b"Font") {
                ids.insert(*id);
            }
        }
    }
    // Fonts named in /Font resource dictionaries (they may lack /Type).
    let resource_fonts: Vec<ObjectId> = doc
        .objects
        .values()
        .filter_map(|o| match o {
            Object::Dictionary(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        })
        .filter_map(|d| d.get(b"Resources").ok())
        .filter_map(|r| deref(doc, r).and_then(|r| r.as_dict().ok()))
        .filter_map(|r| r.get(b"Font").ok())
        .filter_map(|f| deref(doc, f).and_then(|f| f.as_dict().ok()))
        .flat_map(|f| f.iter().filter_map(|(_, v)| v.as_reference().ok()))
        .collect();
    ids.extend(resource_fonts);
    ids.into_iter().collect()
}

/// A font dictionary being repaired, and whether anything in it changed.
struct FontFix<'f> {
    font: Dictionary,
    changed: bool,
    fixes: &'f mut BTreeMap<&'static str, usize>,
}

impl FontFix<'_> {
    fn count(&mut self, what: &'static str) {
        *self.fixes.entry(what).or_default() += 1;
        self.changed = true;
    }
}

/// Names written as strings ("(Helvetica)") become names.
fn fix_string_names(fx: &mut FontFix) {
    for key in [&b"BaseFont"[..], b"Subtype", b"Type", b"Encoding"] {
        if let Ok(Object::String(s, _)) = fx.font.get(key) {
            let name = s.clone();
            fx.font.set(key, Object::Name(name));
            fx.count("font names written as strings");
        }
    }
}

/// A font without a /BaseFont name gets a placeholder.
fn fix_base_font(doc: &Document, fx: &mut FontFix, subtype: &[u8]) {
    if !fx
        .font
        .get(b"BaseFont")
        .is_ok_and(|b| deref(doc, b).is_some_and(|b| b.as_name().is_ok()))
    {
        fx.font.set("BaseFont", Object::Name(b"Unknown".to_vec()));
        if subtype == b"Type3" {
            // Type3 fonts need no /BaseFont; the placeholder is silent.
            fx.changed = true;
        } else {
            fx.count("fonts without a /BaseFont name");
        }
    }
}

/// A Type0 font: an /Encoding (Identity-H) and a usable descendant font.
fn fix_type0_font(doc: &Document, fx: &mut FontFix) {
    if fx.font.get(b"Encoding").is_err() {
        fx.font
            .set("Encoding", Object::Name(b"Identity-H".to_vec()));
        fx.count("Type0 fonts without /Encoding given Identity-H");
    }
    let usable = fx
        .font
        .get(b"DescendantFonts")
        .ok()
        .and_then(|d| deref(doc, d))
        .and_then(|d| d.as_array().ok())
        .and_then(|a| a.first())
        .and_then(|d| deref(doc, d))
        .is_some_and(|d| d.as_dict().is_ok());
    if !usable {
        let mut cid = Dictionary::new();
        cid.set("Type", Object::Name(b"Font".to_vec()));
        cid.set("Subtype", Object::Name(b"CIDFontType2".to_vec()));
        cid.set("BaseFont", Object::Name(b"Unknown".to_vec()));
        cid.set("DW", Object::Integer(1000));
        fx.font.set(
            "DescendantFonts",
            Object::Array(vec![Object::Dictionary(cid)]),
        );
        fx.count("Type0 fonts without a usable descendant font");
    }
}

/// The most entries a CID font's /W may get when its ranges are written out.
const MAX_CID_WIDTHS: usize = 1 << 16;

/// A CID font's /W as pdf-extract 0.12.1 reads it: it reads `c [w1 w2 …]` but not the
/// range form `c_first c_last w` (it takes no width from it: every such glyph gets the
/// default width of 1000, so the glyphs after it land too far right, into the next
/// words: "Sammanträde2s0d2a5t-u0m4:-07"). `None` when /W is already in the form it
/// reads; otherwise the same widths, ranges written out, and malformed entries (which
/// would make it panic) left out.
fn cid_widths_readable(doc: &Document, w: &[Object]) -> Option<Vec<Object>> {
    let int = |o: &Object| match deref(doc, o)? {
        Object::Integer(i) => Some(*i),
        Object::Real(r) if r.fract() == 0.0 => Some(*r as i64),
        _ => None,
    };
    let num = |o: &Object| match deref(doc, o)? {
        Object::Integer(i) => Some(Object::Integer(*i)),
        Object::Real(r) => Some(Object::Real(*r)),
        _ => None,
    };
    let mut out = Vec::new();
    let mut entries = 0usize;
    let mut rewritten = false;
    let mut i = 0;
    while i + 1 < w.len() {
        let Some(first) = int(&w[i]).filter(|f| (0..=0xFFFF).contains(f)) else {
            rewritten = true;
            break;
        };
        if !matches!(w[i], Object::Integer(_)) {
            rewritten = true;
        }
        match deref(doc, &w[i + 1]) {
            Some(Object::Array(given)) => {
                let widths: Vec<Object> = given.iter().map_while(num).collect();
                // A width given by reference (`[506 14 0 R 306]`) makes pdf-extract
                // panic ("not a number"): written out as the number it refers to.
                rewritten |= widths.len() != given.len()
                    || !matches!(w[i + 1], Object::Array(_))
                    || given
                        .iter()
                        .any(|o| !matches!(o, Object::Integer(_) | Object::Real(_)));
                entries += widths.len();
                out.push(Object::Integer(first));
                out.push(Object::Array(widths));
                i += 2;
            }
            _ => {
                rewritten = true;
                let (Some(last), Some(width)) = (int(&w[i + 1]), w.get(i + 2).and_then(num)) else {
                    break;
                };
                if last >= first && last <= 0xFFFF {
                    let n = (last - first + 1) as usize;
                    entries += n;
                    if entries > MAX_CID_WIDTHS {
                        break;
                    }
                    out.push(Object::Integer(first));
                    out.push(Object::Array(vec![width; n]));
                }
                i += 3;
            }
        }
    }
    if i < w.len() && !rewritten {
        // A dangling last entry.
        rewritten = true;
    }
    rewritten.then_some(out)
}

/// Rewrites the /W of a Type0 font's descendant into the form pdf-extract reads. True
/// when the font dictionary itself changed (an inline descendant).
fn fix_cid_widths(doc: &mut Document, font: &mut Dictionary) -> bool {
    let descendant = match font.get(b"DescendantFonts") {
        Ok(Object::Reference(id)) => doc.objects.get(id).and_then(|a| a.as_array().ok()),
        Ok(Object::Array(a)) => Some(a),
        _ => None,
    }
    .and_then(|a| a.first())
    .cloned();
    let widths_of = |doc: &Document, d: &Dictionary| -> Option<Vec<Object>> {
        let w = d
            .get(b"W")
            .ok()
            .and_then(|w| deref(doc, w))?
            .as_array()
            .ok()?;
        cid_widths_readable(doc, w)
    };
    match descendant {
        Some(Object::Reference(id)) => {
            let new = doc
                .objects
                .get(&id)
                .and_then(|d| d.as_dict().ok())
                .and_then(|d| widths_of(doc, d));
            if let (Some(new), Some(Object::Dictionary(d))) = (new, doc.objects.get_mut(&id)) {
                d.set("W", Object::Array(new));
            }
            false
        }
        Some(Object::Dictionary(mut d)) => match widths_of(doc, &d) {
            Some(new) => {
                d.set("W", Object::Array(new));
                font.set(
                    "DescendantFonts",
                    Object::Array(vec![Object::Dictionary(d)]),
                );
                true
            }
            None => false,
        },
        _ => false,
    }
}

/// A simple font's /Encoding: a predefined name, or a dictionary with a usable base
/// encoding and differences; anything else is dropped.
fn fix_simple_encoding(doc: &Document, fx: &mut FontFix) {
    let usable_names: [&[u8]; 3] = [
        b"MacRomanEncoding",
        b"MacExpertEncoding",
        b"WinAnsiEncoding",
    ];
    match fx
        .font
        .get(b"Encoding")
        .ok()
        .and_then(|e| deref(doc, e))
        .cloned()
    {
        None => {}
        Some(Object::Name(n)) if usable_names.contains(&n.as_slice()) => {}
        Some(Object::Dictionary(mut enc)) => {
            let mut enc_changed = false;
            if let Ok(base) = enc.get(b"BaseEncoding") {
                if !name_of(base).is_some_and(|n| usable_names.contains(&n)) {
                    enc.remove(b"BaseEncoding");
                    enc_changed = true;
                }
            }
            if let Ok(Object::Array(diffs)) = enc.get(b"Differences") {
                let kept: Vec<Object> = diffs
                    .iter()
                    .filter(|o| matches!(o, Object::Integer(_) | Object::Name(_)))
                    .cloned()
                    .collect();
                if kept.len() != diffs.len() {
                    enc.set("Differences", Object::Array(kept));
                    enc_changed = true;
                }
            } else if enc.get(b"Differences").is_ok() {
                enc.remove(b"Differences");
                enc_changed = true;
            }
            if enc_changed {
                fx.font.set("Encoding", Object::Dictionary(enc));
                fx.count("font encodings with unusable entries");
            }
        }
        Some(_) => {
            fx.font.remove(b"Encoding");
            fx.count("unusable font encodings dropped");
        }
    }
}

/// A Type3 font as pdf-extract 0.12.1 reads it: it panics on a code outside
/// /FirstChar…/LastChar ("missing width", so the page is lost at its first space) and on
/// a font without /Encoding, and it takes widths as thousandths of the text size whatever
/// the /FontMatrix says. The widths become a table of all 256 codes (0 where none is
/// given, as poppler reads a missing width) in thousandths, scaled by the matrix; a
/// missing encoding becomes an empty /Differences (the codes as PDFDocEncoding).
fn fix_type3_font(doc: &Document, fx: &mut FontFix) {
    if !fx
        .font
        .get(b"Encoding")
        .ok()
        .and_then(|e| deref(doc, e))
        .is_some_and(|e| e.as_name().is_ok() || e.as_dict().is_ok())
    {
        let mut enc = Dictionary::new();
        enc.set("Differences", Object::Array(Vec::new()));
        fx.font.set("Encoding", Object::Dictionary(enc));
        fx.changed = true;
    }
    let scale = fx
        .font
        .get(b"FontMatrix")
        .ok()
        .and_then(|m| deref(doc, m))
        .and_then(|m| m.as_array().ok())
        .and_then(|m| m.first())
        .and_then(|a| deref(doc, a))
        .and_then(number)
        .filter(|a| a.is_finite() && *a != 0.0)
        .map_or(1.0, |a| a * 1000.0);
    // The matrix is written in decimals (0.001): a scale that rounds to 1 is 1.
    let scale = if (scale - 1.0).abs() < 1e-6 {
        1.0
    } else {
        scale
    };
    let first = fx
        .font
        .get(b"FirstChar")
        .ok()
        .and_then(|f| deref(doc, f))
        .and_then(number)
        .filter(|f| (0.0..=255.0).contains(f) && f.fract() == 0.0)
        .map_or(0, |f| f as usize);
    let given: Vec<f64> = fx
        .font
        .get(b"Widths")
        .ok()
        .and_then(|w| deref(doc, w))
        .and_then(|w| w.as_array().ok())
        .map(|w| {
            w.iter()
                .map(|v| deref(doc, v).and_then(number).unwrap_or(0.0))
                .collect()
        })
        .unwrap_or_default();
    let mut widths = vec![0.0; 256];
    for (i, w) in given.iter().enumerate() {
        if let Some(slot) = widths.get_mut(first + i) {
            *slot = w * scale;
        }
    }
    let as_written = scale == 1.0
        && first == 0
        && given.len() == 256
        && matches!(fx.font.get(b"LastChar"), Ok(Object::Integer(255)));
    if !as_written {
        fx.font.set("FirstChar", Object::Integer(0));
        fx.font.set("LastChar", Object::Integer(255));
        fx.font.set(
            "Widths",
            Object::Array(
                widths
                    .into_iter()
                    .map(|w| {
                        if w.fract() == 0.0 && w.abs() < 1e9 {
                            Object::Integer(w as i64)
                        } else {
                            Object::Real(w as f32)
                        }
                    })
                    .collect(),
            ),
        );
        fx.changed = true;
    }
}

/// A simple font's /Widths: numbers, as many as /FirstChar to /LastChar span.
fn fix_widths(doc: &Document, fx: &mut FontFix) {
    if let (Ok(Object::Integer(first)), Some(Object::Array(widths))) = (
        fx.font.get(b"FirstChar").cloned(),
        fx.font
            .get(b"Widths")
            .ok()
            .and_then(|w| deref(doc, w))
            .cloned(),
    ) {
        let numeric: Vec<Object> = widths
            .iter()
            .map(|w| match deref(doc, w) {
                Some(Object::Integer(i)) => Object::Integer(*i),
                Some(Object::Real(r)) => Object::Real(*r),
                _ => Object::Integer(0),
            })
            .collect();
        let last = first.saturating_add(numeric.len() as i64).saturating_sub(1);
        let last_ok = matches!(fx.font.get(b"LastChar"), Ok(Object::Integer(l)) if *l == last);
        if !last_ok || numeric != widths {
            fx.font.set("LastChar", Object::Integer(last));
            fx.font.set("Widths", Object::Array(numeric));
            fx.count("/Widths that disagree with /FirstChar and /LastChar");
        }
    }
}

/// /ToUnicode maps and (Type0) encoding CMaps that do not parse are dropped or replaced.
fn fix_cmaps(doc: &Document, fx: &mut FontFix, subtype: &[u8]) {
    if let Some(Object::Stream(s)) = fx.font.get(b"ToUnicode").ok().and_then(|t| deref(doc, t)) {
        let data = stream_data(s);
        let ok = parses(|| match adobe_cmap_parser::get_unicode_map(&data) {
            // pdf-extract asserts an even length and decodes UTF-16 (skipping lone
            // two-byte surrogates); anything else would panic there.
            Ok(map) => map.values().all(|v| {
                let units: Vec<u16> = v
                    .chunks_exact(2)
                    .map(|c| (u16::from(c[0]) << 8) | u16::from(c[1]))
                    .collect();
                v.len() % 2 == 0 && (v.len() == 2 || String::from_utf16(&units).is_ok())
            }),
            Err(_) => false,
        });
        if !ok {
            fx.font.remove(b"ToUnicode");
            fx.count("/ToUnicode maps that do not parse dropped");
        }
    }
    if subtype == b"Type0" {
        if let Some(what) = super::cmaps::fix_type0_encoding(doc, &mut fx.font) {
            fx.count(what);
        }
        if let Some(Object::Stream(s)) = fx.font.get(b"Encoding").ok().and_then(|e| deref(doc, e)) {
            let data = stream_data(s);
            if !parses(|| adobe_cmap_parser::get_byte_mapping(&data).is_ok()) {
                fx.font
                    .set("Encoding", Object::Name(b"Identity-H".to_vec()));
                fx.count("Type0 encoding CMaps that do not parse replaced by Identity-H");
            }
        }
    }
}

/// Repairs one font dictionary so the text extractor can read it without panicking: its
/// names, base font, Type0 parts or simple encoding and widths, CMaps, then its
/// descriptor.
fn fix_font(doc: &mut Document, id: ObjectId, fixes: &mut BTreeMap<&'static str, usize>) {
    let Some(Ok(font)) = doc.objects.get(&id).map(|o| o.as_dict().cloned()) else {
        return;
    };
    let mut fx = FontFix {
        font,
        changed: false,
        fixes,
    };
    fix_string_names(&mut fx);
    let subtype = fx
        .font
        .get(b"Subtype")
        .ok()
        .and_then(name_of)
        .map(<[u8]>::to_vec)
        .unwrap_or_default();
    fix_base_font(doc, &mut fx, &subtype);
    if subtype == b"Type0" {
        fix_type0_font(doc, &mut fx);
    } else if subtype == b"Type3" {
        fix_simple_encoding(doc, &mut fx);
        fix_type3_font(doc, &mut fx);
    } else {
        fix_simple_encoding(doc, &mut fx);
        fix_widths(doc, &mut fx);
    }
    fix_cmaps(doc, &mut fx, &subtype);
    let FontFix {
        font,
        changed,
        fixes,
    } = fx;
    let descriptor_id = font
        .get(b"FontDescriptor")
        .ok()
        .and_then(|d| d.as_reference().ok());
    let mut font = font;
    let mut changed = changed;
    if subtype == b"Type0" {
        changed |= fix_cid_widths(doc, &mut font);
    }
    if changed {
        if let Some(o) = doc.objects.get_mut(&id) {
            *o = Object::Dictionary(font);
        }
    }
    match descriptor_id {
        Some(did) => fix_descriptor(doc, did, &subtype, fixes),
        None => {
            // An inline descriptor: fix it inside the font.
            let mut font = match doc.objects.get(&id).and_then(|o| o.as_dict().ok()) {
                Some(f) => f.clone(),
                None => return,
            };
            if let Ok(Object::Dictionary(desc)) = font.get(b"FontDescriptor") {
                let mut desc = desc.clone();
                if fix_descriptor_dict(doc, &mut desc, &subtype, fixes) {
                    font.set("FontDescriptor", Object::Dictionary(desc));
                    if let Some(o) = doc.objects.get_mut(&id) {
                        *o = Object::Dictionary(font);
                    }
                }
            }
        }
    }
}

fn fix_descriptor(
    doc: &mut Document,
    id: ObjectId,
    subtype: &[u8],
    fixes: &mut BTreeMap<&'static str, usize>,
) {
    let Some(Ok(mut desc)) = doc.objects.get(&id).map(|o| o.as_dict().cloned()) else {
        return;
    };
    if fix_descriptor_dict(doc, &mut desc, subtype, fixes) {
        if let Some(o) = doc.objects.get_mut(&id) {
            *o = Object::Dictionary(desc);
        }
    }
}

/// Drops embedded font programs pdf-extract would fail on. True when changed.
fn fix_descriptor_dict(
    doc: &Document,
    desc: &mut Dictionary,
    subtype: &[u8],
    fixes: &mut BTreeMap<&'static str, usize>,
) -> bool {
    let mut changed = false;
    if subtype == b"Type1" {
        if let Some(Object::Stream(s)) = desc.get(b"FontFile").ok().and_then(|f| deref(doc, f)) {
            let data = stream_data(s);
            if !parses(|| type1_encoding_parser::get_encoding_map(&data).is_ok()) {
                desc.remove(b"FontFile");
                *fixes
                    .entry("Type1 font programs that do not parse dropped")
                    .or_default() += 1;
                changed = true;
            }
        }
    }
    if let Some(Object::Stream(s)) = desc.get(b"FontFile3").ok().and_then(|f| deref(doc, f)) {
        let sub = s
            .dict
            .get(b"Subtype")
            .ok()
            .and_then(|n| deref(doc, n))
            .and_then(name_of);
        let ok = match sub {
            Some(b"Type1C") => {
                let data = stream_data(s);
                parses(|| match cff_parser::Table::parse(&data) {
                    Some(table) => {
                        let enc = table.encoding.get_code_to_sid_table(&table.charset);
                        enc.into_iter()
                            .all(|(_, sid)| cff_parser::string_by_id(&table, sid).is_some())
                    }
                    None => false,
                })
            }
            Some(_) => true,
            None => false,
        };
        if !ok {
            desc.remove(b"FontFile3");
            *fixes
                .entry("compact font programs that do not parse dropped")
                .or_default() += 1;
            changed = true;
        }
    }
    changed
}

/// Resource kinds a form may use without declaring them: tolerant readers look them up
/// in the page's resources.
const INHERITED_RESOURCES: [&[u8]; 4] = [b"Font", b"XObject", b"ColorSpace", b"ExtGState"];

/// A form XObject drawn on a page but without its own /Font (or /XObject, …) gets the
/// page's (pdf.js and poppler look them up there too). A form never gets itself as an
/// XObject; longer cycles are cut later by the content fixes.
fn give_forms_page_fonts(doc: &mut Document, fixes: &mut BTreeMap<&'static str, usize>) {
    let mut edits: Vec<(ObjectId, Dictionary)> = Vec::new();
    for (_, page) in doc.get_pages() {
        let Some(resources) = inherited(doc, page, b"Resources").and_then(|r| r.as_dict().ok())
        else {
            continue;
        };
        for (xid, own) in forms(doc, resources) {
            let mut new_res = own.cloned().unwrap_or_default();
            let mut added = false;
            for key in INHERITED_RESOURCES {
                if new_res.has(key) {
                    continue;
                }
                let Some(value) = resources.get(key).ok().and_then(|v| deref(doc, v)) else {
                    continue;
                };
                let mut value = value.clone();
                if key == b"XObject" {
                    if let Object::Dictionary(d) = &mut value {
                        let selfs: Vec<Vec<u8>> = d
                            .iter()
                            .filter(|(_, v)| v.as_reference().ok() == Some(xid))
                            .map(|(k, _)| k.clone())
                            .collect();
                        for k in selfs {
                            d.remove(&k);
                        }
                    }
                }
                new_res.set(key.to_vec(), value);
                added = true;
            }
            if added {
                edits.push((xid, new_res));
            }
        }
    }
    for (xid, res) in edits {
        if let Some(Object::Stream(form)) = doc.objects.get_mut(&xid) {
            form.dict.set("Resources", Object::Dictionary(res));
            *fixes
                .entry("forms given their page's resources")
                .or_default() += 1;
        }
    }
}

/// An XObject written as a dictionary without its stream (an image whose data is gone,
/// /Length 0): pdf-extract panics on its `Do` ("wrong type") and loses the page. It
/// becomes an empty stream, drawn as nothing, as viewers draw it.
fn fix_streamless_xobjects(doc: &mut Document, fixes: &mut BTreeMap<&'static str, usize>) {
    let ids: Vec<ObjectId> = doc
        .objects
        .iter()
        .filter(|(_, o)| {
            o.as_dict().is_ok_and(|d| {
                d.get(b"Type").ok().and_then(name_of) == Some(b"XObject")
                    || matches!(
                        d.get(b"Subtype").ok().and_then(name_of),
                        Some(b"Image" | b"Form")
                    ) && d.has(b"Length")
            })
        })
        .map(|(id, _)| *id)
        .collect();
    for id in &ids {
        if let Some(o) = doc.objects.get_mut(id) {
            if let Ok(d) = o.as_dict() {
                let mut d = d.clone();
                d.remove(b"Filter");
                d.remove(b"DecodeParms");
                *o = Object::Stream(Stream::new(d, Vec::new()));
            }
        }
    }
    if !ids.is_empty() {
        fixes.insert("XObjects without their stream drawn as nothing", ids.len());
    }
}

/// Colour spaces pdf-extract cannot build (Indexed, unknown names, malformed arrays)
/// make it panic on `cs`/`CS`; colour does not matter for text, so they become RGB.
fn fix_colour_spaces(doc: &mut Document, fixes: &mut BTreeMap<&'static str, usize>) {
    const KNOWN: [&[u8]; 10] = [
        b"Separation",
        b"ICCBased",
        b"CalGray",
        b"CalRGB",
        b"Lab",
        b"Pattern",
        b"DeviceGray",
        b"DeviceRGB",
        b"DeviceCMYK",
        b"DeviceN",
    ];
    let usable = |doc: &Document, cs: &Object| match deref(doc, cs) {
        Some(Object::Array(a)) => a.first().and_then(name_of).is_some_and(|n| {
            KNOWN.contains(&n) && (n != b"Separation" || a.get(1).and_then(name_of).is_some())
        }),
        Some(Object::Name(n)) => matches!(n.as_slice(), b"DeviceRGB" | b"DeviceGray"),
        _ => false,
    };
    // Colour-space dictionaries: the /ColorSpace of every /Resources.
    let mut holders: Vec<ObjectId> = Vec::new();
    let mut inline_holders: Vec<ObjectId> = Vec::new();
    for (id, o) in &doc.objects {
        let dict = match o {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &s.dict,
            _ => continue,
        };
        let Some(res) = dict.get(b"Resources").ok() else {
            continue;
        };
        match res {
            Object::Reference(rid) => {
                if let Some(Ok(r)) = doc.objects.get(rid).map(|o| o.as_dict()) {
                    match r.get(b"ColorSpace") {
                        Ok(Object::Reference(cid)) => holders.push(*cid),
                        Ok(Object::Dictionary(_)) => inline_holders.push(*rid),
                        _ => {}
                    }
                }
            }
            Object::Dictionary(r) => match r.get(b"ColorSpace") {
                Ok(Object::Reference(cid)) => holders.push(*cid),
                Ok(Object::Dictionary(_)) => inline_holders.push(*id),
                _ => {}
            },
            _ => {}
        }
    }
    let fix_dict = |doc: &Document, d: &Dictionary| -> Option<Dictionary> {
        let bad: Vec<Vec<u8>> = d
            .iter()
            .filter(|(_, v)| !usable(doc, v))
            .map(|(k, _)| k.clone())
            .collect();
        if bad.is_empty() {
            return None;
        }
        let mut d = d.clone();
        for k in bad {
            d.set(k, Object::Name(b"DeviceRGB".to_vec()));
        }
        Some(d)
    };
    let mut n = 0;
    for cid in holders {
        let fixed = doc
            .objects
            .get(&cid)
            .and_then(|o| o.as_dict().ok())
            .and_then(|d| fix_dict(doc, d));
        if let (Some(d), Some(o)) = (fixed, doc.objects.get_mut(&cid)) {
            *o = Object::Dictionary(d);
            n += 1;
        }
    }
    for hid in inline_holders {
        // The holder is either a resources dictionary itself or an object whose
        // /Resources is inline.
        let fixed = doc.objects.get(&hid).and_then(|o| {
            let d = match o {
                Object::Dictionary(d) => d,
                Object::Stream(s) => &s.dict,
                _ => return None,
            };
            let res = match d.get(b"ColorSpace") {
                Ok(_) => d,
                Err(_) => d.get(b"Resources").ok()?.as_dict().ok()?,
            };
            let cs = res.get(b"ColorSpace").ok()?.as_dict().ok()?;
            fix_dict(doc, cs)
        });
        let Some(cs) = fixed else { continue };
        let Some(o) = doc.objects.get_mut(&hid) else {
            continue;
        };
        let d = match o {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &mut s.dict,
            _ => continue,
        };
        if d.has(b"ColorSpace") {
            d.set("ColorSpace", Object::Dictionary(cs));
        } else if let Ok(Object::Dictionary(r)) = d.get_mut(b"Resources") {
            r.set("ColorSpace", Object::Dictionary(cs));
        }
        n += 1;
    }
    // Colour does not change the text: not worth a line in the read report.
    let _ = (n, fixes);
}

fn inherited<'a>(doc: &'a Document, page: ObjectId, key: &[u8]) -> Option<&'a Object> {
    let mut node = doc.objects.get(&page)?.as_dict().ok()?;
    for _ in 0..64 {
        if let Ok(v) = node.get(key) {
            return deref(doc, v);
        }
        let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
        node = doc.objects.get(&parent)?.as_dict().ok()?;
    }
    None
}

/// Leaves out content operators whose operands are missing or of the wrong type, on
/// pages and forms that have any (such a page gets one clean content stream), and gives
/// a page whose `Tf` names a font its resources lack a Helvetica stand-in for it.
fn fix_page_contents(doc: &mut Document, fixes: &mut BTreeMap<&'static str, usize>) {
    let mut edits: Vec<(ObjectId, Vec<u8>, bool)> = Vec::new();
    let mut font_edits: Vec<(ObjectId, Dictionary, usize)> = Vec::new();
    for (_, page) in doc.get_pages() {
        let Ok(raw) = doc.get_page_content(page) else {
            continue;
        };
        // Almost every page has nothing to fix: read on its bytes, it is decoded only
        // when an operation needs a fix or the byte reading is not certain.
        let well_formed = well_formed(&raw);
        let mut repaired = false;
        let content = match &well_formed {
            Some(_) => None,
            None => match decode_tolerantly(&raw) {
                Some((content, r)) => {
                    repaired = r;
                    Some(content)
                }
                None => continue,
            },
        };
        let font_names: Vec<&[u8]> = match (&well_formed, &content) {
            (Some(names), _) => names.iter().map(Vec::as_slice).collect(),
            (None, Some(content)) => content
                .operations
                .iter()
                .filter(|op| op.operator == "Tf")
                .filter_map(|op| op.operands.first().and_then(name_of))
                .collect(),
            (None, None) => Vec::new(),
        };
        let resources = inherited(doc, page, b"Resources").and_then(|r| r.as_dict().ok());
        let fonts = resources
            .and_then(|r| r.get(b"Font").ok())
            .and_then(|f| deref(doc, f))
            .and_then(|f| f.as_dict().ok());
        let missing: BTreeSet<Vec<u8>> = font_names
            .into_iter()
            .filter(|name| {
                !fonts.is_some_and(|f| f.get(name).is_ok_and(|v| deref(doc, v).is_some()))
            })
            .map(<[u8]>::to_vec)
            .collect();
        if !missing.is_empty() {
            let mut res = resources.cloned().unwrap_or_default();
            let mut font_dict = fonts.cloned().unwrap_or_default();
            for name in &missing {
                font_dict.set(name.clone(), Object::Dictionary(stand_in_font()));
            }
            res.set("Font", Object::Dictionary(font_dict));
            font_edits.push((page, res, missing.len()));
        }
        let Some(content) = content else {
            continue;
        };
        if !repaired && content.operations.iter().all(operands_ok) {
            continue;
        }
        let kept: Vec<Operation> = content.operations.into_iter().filter(operands_ok).collect();
        if let Ok(bytes) = (Content { operations: kept }).encode() {
            edits.push((page, bytes, repaired));
        }
    }
    for (page, res, n) in font_edits {
        if let Ok(p) = doc.get_dictionary_mut(page) {
            p.set("Resources", Object::Dictionary(res));
            *fixes
                .entry("fonts missing from a page's resources given a stand-in")
                .or_default() += n;
        }
    }
    for (page, bytes, repaired) in edits {
        let id = doc.add_object(Object::Stream(Stream::new(Dictionary::new(), bytes)));
        if let Ok(p) = doc.get_dictionary_mut(page) {
            p.set("Contents", Object::Reference(id));
            *fixes
                .entry(if repaired {
                    "pages with operators inside arrays (left out, as poppler does)"
                } else {
                    "pages with malformed content operators cleaned"
                })
                .or_default() += 1;
        }
    }
    // Forms: the same operand check on their content.
    let forms: Vec<ObjectId> = doc
        .objects
        .iter()
        .filter(|(_, o)| {
            matches!(o, Object::Stream(s) if s.dict.get(b"Subtype").ok().and_then(name_of) == Some(b"Form"))
        })
        .map(|(id, _)| *id)
        .collect();
    for id in forms {
        let Some(Object::Stream(form)) = doc.objects.get(&id) else {
            continue;
        };
        let data = stream_data(form);
        if well_formed(&data).is_some() {
            continue;
        }
        let Some((content, repaired)) = decode_tolerantly(&data) else {
            continue;
        };
        if !repaired && content.operations.iter().all(operands_ok) {
            continue;
        }
        let kept: Vec<Operation> = content.operations.into_iter().filter(operands_ok).collect();
        let Ok(bytes) = (Content { operations: kept }).encode() else {
            continue;
        };
        if let Some(Object::Stream(form)) = doc.objects.get_mut(&id) {
            form.dict.remove(b"Filter");
            form.dict.remove(b"DecodeParms");
            form.set_content(bytes);
            *fixes
                .entry("forms with malformed content operators cleaned")
                .or_default() += 1;
        }
    }
}

/// A content stream decoded as lopdf decodes it; where lopdf would stop early at
/// operators written inside an array, decoded without them (true in the second place).
fn decode_tolerantly(data: &[u8]) -> Option<(Content<Vec<Operation>>, bool)> {
    let content = match super::pdf::quietly(|| Content::decode(data)).ok() {
        Some(Ok(content)) => content,
        _ => return None,
    };
    if super::pdf::quietly(|| Content::decode_strict(data).is_ok()).unwrap_or(true) {
        return Some((content, false));
    }
    let Some(fixed) = super::tolerant::drop_operators_in_arrays(data) else {
        return Some((content, false));
    };
    match super::pdf::quietly(|| Content::decode_strict(&fixed)).ok() {
        Some(Ok(repaired)) => Some((repaired, true)),
        _ => Some((content, false)),
    }
}

/// What poppler substitutes for a font it cannot find.
fn stand_in_font() -> Dictionary {
    let mut f = Dictionary::new();
    f.set("Type", Object::Name(b"Font".to_vec()));
    f.set("Subtype", Object::Name(b"Type1".to_vec()));
    f.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
    f.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
    f
}

fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

fn numbers<const N: usize>(doc: &Document, o: Option<&Object>) -> Option<[f64; N]> {
    let a = deref(doc, o?)?.as_array().ok()?;
    let v: Vec<f64> = a
        .iter()
        .filter_map(|x| deref(doc, x).and_then(number))
        .collect();
    v.try_into().ok()
}

/// The pages' annotations to draw, each page with its appearance forms and where they go.
struct Draw {
    page: ObjectId,
    forms: Vec<(ObjectId, [f64; 6])>,
}

/// A shown annotation's normal appearance (a stream, or the state /AS chooses) and the
/// matrix that maps its form's box onto the annotation's /Rect.
fn annotation_form(doc: &Document, a: &Dictionary) -> Option<(ObjectId, [f64; 6])> {
    let flags = a.get(b"F").ok().and_then(|f| f.as_i64().ok()).unwrap_or(0);
    // Hidden (2) or NoView (32): not shown, so not read.
    if flags & (2 | 32) != 0 {
        return None;
    }
    if matches!(
        a.get(b"Subtype").ok().and_then(name_of),
        Some(b"Popup" | b"Link")
    ) {
        return None;
    }
    let normal = a
        .get(b"AP")
        .ok()
        .and_then(|ap| deref(doc, ap))
        .and_then(|ap| ap.as_dict().ok())
        .and_then(|ap| ap.get(b"N").ok())?;
    // A stream, or a dictionary of states chosen by /AS.
    let form_ref = match normal {
        Object::Reference(r) if matches!(doc.objects.get(r), Some(Object::Stream(_))) => *r,
        other => {
            let states = deref(doc, other).and_then(|s| s.as_dict().ok())?;
            let state = a.get(b"AS").ok().and_then(name_of)?;
            match states.get(state) {
                Ok(Object::Reference(r)) => *r,
                _ => return None,
            }
        }
    };
    let Some(Object::Stream(form)) = doc.objects.get(&form_ref) else {
        return None;
    };
    let [rx1, ry1, rx2, ry2] = numbers::<4>(doc, a.get(b"Rect").ok())?;
    let bbox = numbers::<4>(doc, form.dict.get(b"BBox").ok());
    let [bx1, by1, bx2, by2] = bbox.unwrap_or([0.0, 0.0, rx2 - rx1, ry2 - ry1]);
    let m =
        numbers::<6>(doc, form.dict.get(b"Matrix").ok()).unwrap_or([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
    let corners = [(bx1, by1), (bx1, by2), (bx2, by1), (bx2, by2)]
        .map(|(x, y)| (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]));
    let (tx1, tx2) = corners.iter().fold((f64::MAX, f64::MIN), |(lo, hi), c| {
        (lo.min(c.0), hi.max(c.0))
    });
    let (ty1, ty2) = corners.iter().fold((f64::MAX, f64::MIN), |(lo, hi), c| {
        (lo.min(c.1), hi.max(c.1))
    });
    let (w, h) = (tx2 - tx1, ty2 - ty1);
    if !(w.abs() > 1e-6 && h.abs() > 1e-6) {
        return None;
    }
    let (rx1, rx2) = (rx1.min(rx2), rx1.max(rx2));
    let (ry1, ry2) = (ry1.min(ry2), ry1.max(ry2));
    let sx = (rx2 - rx1) / w;
    let sy = (ry2 - ry1) / h;
    let placed = [sx, 0.0, 0.0, sy, rx1 - tx1 * sx, ry1 - ty1 * sy];
    placed
        .iter()
        .all(|v| v.is_finite())
        .then_some((form_ref, placed))
}

/// Draws a page's annotation forms after its content (wrapped in q … Q so its graphics
/// state cannot leak into them); how many were drawn.
fn draw_forms(doc: &mut Document, draw: &Draw) -> usize {
    let mut resources = inherited(doc, draw.page, b"Resources")
        .and_then(|r| r.as_dict().ok())
        .cloned()
        .unwrap_or_default();
    let mut xobjects = resources
        .get(b"XObject")
        .ok()
        .and_then(|x| deref(doc, x))
        .and_then(|x| x.as_dict().ok())
        .cloned()
        .unwrap_or_default();
    let mut ops = Vec::new();
    for (i, (form, m)) in draw.forms.iter().enumerate() {
        let name = format!("JusteraAnnot{i}").into_bytes();
        xobjects.set(name.clone(), Object::Reference(*form));
        ops.push(Operation::new("q", vec![]));
        ops.push(Operation::new(
            "cm",
            m.iter().map(|v| Object::Real(*v as f32)).collect(),
        ));
        ops.push(Operation::new("Do", vec![Object::Name(name)]));
        ops.push(Operation::new("Q", vec![]));
    }
    // Forms without /Subtype are still forms here.
    for (form, _) in &draw.forms {
        if let Some(Object::Stream(f)) = doc.objects.get_mut(form) {
            if !f.dict.has(b"Subtype") {
                f.dict.set("Subtype", Object::Name(b"Form".to_vec()));
            }
        }
    }
    let Ok(bytes) = (Content { operations: ops }).encode() else {
        return 0;
    };
    resources.set("XObject", Object::Dictionary(xobjects));
    let stream_id = doc.add_object(Object::Stream(Stream::new(Dictionary::new(), bytes)));
    let Ok(page) = doc.get_dictionary(draw.page) else {
        return 0;
    };
    // The existing content, wrapped so its graphics state cannot leak into ours.
    let mut contents: Vec<Object> = match page.get(b"Contents") {
        Ok(Object::Reference(r)) => match doc.objects.get(r) {
            Some(Object::Array(a)) => a.clone(),
            _ => vec![Object::Reference(*r)],
        },
        Ok(Object::Array(a)) => a.clone(),
        _ => Vec::new(),
    };
    let open = doc.add_object(Object::Stream(Stream::new(
        Dictionary::new(),
        b"q\n".to_vec(),
    )));
    let close = doc.add_object(Object::Stream(Stream::new(
        Dictionary::new(),
        b"\nQ\n".to_vec(),
    )));
    contents.insert(0, Object::Reference(open));
    contents.push(Object::Reference(close));
    contents.push(Object::Reference(stream_id));
    if let Ok(p) = doc.get_dictionary_mut(draw.page) {
        p.set("Contents", Object::Array(contents));
        p.set("Resources", Object::Dictionary(resources));
        return draw.forms.len();
    }
    0
}

/// Appends to each page a content stream drawing its visible annotations' normal
/// appearances, placed as the PDF specification says (the form's bounding box, through
/// its matrix, mapped onto the annotation's rectangle).
fn draw_annotation_appearances(doc: &mut Document, fixes: &mut BTreeMap<&'static str, usize>) {
    let mut draws = Vec::new();
    for (_, page) in doc.get_pages() {
        let Some(annots) = doc
            .get_dictionary(page)
            .ok()
            .and_then(|p| p.get(b"Annots").ok())
            .and_then(|a| deref(doc, a))
            .and_then(|a| a.as_array().ok())
        else {
            continue;
        };
        let forms: Vec<(ObjectId, [f64; 6])> = annots
            .iter()
            .filter_map(|annot| deref(doc, annot).and_then(|a| a.as_dict().ok()))
            .filter_map(|a| annotation_form(doc, a))
            .collect();
        if !forms.is_empty() {
            draws.push(Draw { page, forms });
        }
    }
    let drawn: usize = draws.iter().map(|draw| draw_forms(doc, draw)).sum();
    if drawn > 0 {
        fixes.insert("annotation appearances drawn (form fields, notes)", drawn);
    }
}

/// A font as a resource dictionary names it: the object it refers to, or a font written
/// inline (the resource dictionary holding it and its name).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
enum FontRef {
    Object(ObjectId),
    Inline(Vec<u8>, Vec<u8>),
}

/// A /Font dictionary's names with the fonts they stand for.
type NamedFonts = Vec<(Vec<u8>, FontRef)>;

/// The /Font dictionary of a resources object, resolved.
fn font_dict<'a>(doc: &'a Document, resources: &'a Dictionary) -> Option<&'a Dictionary> {
    resources
        .get(b"Font")
        .ok()
        .and_then(|f| deref(doc, f))
        .and_then(|f| f.as_dict().ok())
}

/// The names of a /Font dictionary with the fonts they stand for; `holder` tells inline
/// fonts of different dictionaries apart.
fn named_fonts(fonts: &Dictionary, holder: &[u8]) -> NamedFonts {
    fonts
        .iter()
        .map(|(name, v)| {
            let font = match v {
                Object::Reference(id) => FontRef::Object(*id),
                _ => FontRef::Inline(holder.to_vec(), name.clone()),
            };
            (name.clone(), font)
        })
        .collect()
}

/// The forms reachable from a resources dictionary (through /XObject, recursively), each
/// with the fonts its own resources name. A form without resources of its own draws with
/// its caller's, so its names are the caller's and cannot clash.
fn forms_with_fonts(
    doc: &Document,
    resources: &Dictionary,
    seen: &mut BTreeSet<ObjectId>,
    out: &mut Vec<(ObjectId, NamedFonts)>,
    depth: usize,
) {
    if depth > 16 {
        return;
    }
    for (id, own) in forms(doc, resources) {
        let Some(own) = own.filter(|_| seen.insert(id)) else {
            continue;
        };
        let holder = format!("{} {}", id.0, id.1).into_bytes();
        let fonts = font_dict(doc, own)
            .map(|f| named_fonts(f, &holder))
            .unwrap_or_default();
        out.push((id, fonts));
        forms_with_fonts(doc, own, seen, out, depth + 1);
    }
}

/// pdf-extract 0.12.1 builds a font once per page for each name `Tf` uses and keeps it
/// for the rest of the page, forms included: a form whose resources give a name another
/// font than the page (or an earlier form) does is decoded with the wrong font, and its
/// glyphs come out as the other font's characters or not at all (Aspose's e-signature
/// stamps: "/C0_0" names one Arial subset on the page and another in each stamp).
/// A form's resources are its own scope, so such a form gets names of its own for those
/// fonts: a new name beside the old one (forms it calls without resources of their own
/// still find the old one) and its `Tf`s rewritten to it. The PDF means the same; the
/// reader just sees it right, so this is no fallback worth a line in the read report.
fn name_form_fonts_apart(doc: &mut Document) {
    // (form, old name) -> new name
    let mut renames: BTreeMap<ObjectId, BTreeMap<Vec<u8>, Vec<u8>>> = BTreeMap::new();
    for (_, page) in doc.get_pages() {
        let Some(resources) = inherited(doc, page, b"Resources").and_then(|r| r.as_dict().ok())
        else {
            continue;
        };
        let mut by_name: BTreeMap<Vec<u8>, BTreeSet<FontRef>> = BTreeMap::new();
        let page_holder = format!("page {} {}", page.0, page.1).into_bytes();
        for (name, font) in font_dict(doc, resources)
            .map(|f| named_fonts(f, &page_holder))
            .unwrap_or_default()
        {
            by_name.entry(name).or_default().insert(font);
        }
        let mut forms = Vec::new();
        forms_with_fonts(doc, resources, &mut BTreeSet::new(), &mut forms, 0);
        for (_, fonts) in &forms {
            for (name, font) in fonts {
                by_name
                    .entry(name.clone())
                    .or_default()
                    .insert(font.clone());
            }
        }
        for (form, fonts) in &forms {
            for (name, font) in fonts {
                if by_name.get(name).is_some_and(|f| f.len() > 1) {
                    let mut new = name.clone();
                    match font {
                        FontRef::Object(id) => new.extend(format!("_J{}_{}", id.0, id.1).bytes()),
                        FontRef::Inline(..) => {
                            new.extend(format!("_J{}_{}", form.0, form.1).bytes())
                        }
                    }
                    renames.entry(*form).or_default().insert(name.clone(), new);
                }
            }
        }
    }
    for (form, names) in renames {
        rename_form_fonts(doc, form, &names);
    }
}

/// Gives a form's fonts the new names (beside the old ones) and rewrites its `Tf`s.
fn rename_form_fonts(doc: &mut Document, form: ObjectId, names: &BTreeMap<Vec<u8>, Vec<u8>>) {
    let Some(Object::Stream(stream)) = doc.objects.get(&form) else {
        return;
    };
    let data = stream_data(stream);
    let Some(Ok(content)) = super::pdf::quietly(|| Content::decode(&data)).ok() else {
        return;
    };
    let Some(mut resources) = stream
        .dict
        .get(b"Resources")
        .ok()
        .and_then(|r| deref(doc, r))
        .and_then(|r| r.as_dict().ok())
        .cloned()
    else {
        return;
    };
    let Some(mut fonts) = font_dict(doc, &resources).cloned() else {
        return;
    };
    for (old, new) in names {
        if fonts.has(new) {
            // Already given (the form was reached from another page).
            continue;
        }
        let Ok(font) = fonts.get(old).cloned() else {
            continue;
        };
        fonts.set(new.clone(), font);
    }
    let mut ops = content.operations;
    let mut renamed = false;
    for op in &mut ops {
        if op.operator != "Tf" {
            continue;
        }
        if let Some(Object::Name(n)) = op.operands.first_mut() {
            if let Some(new) = names.get(n.as_slice()) {
                *n = new.clone();
                renamed = true;
            }
        }
    }
    if !renamed {
        return;
    }
    let Ok(bytes) = (Content { operations: ops }).encode() else {
        return;
    };
    resources.set("Font", Object::Dictionary(fonts));
    if let Some(Object::Stream(s)) = doc.objects.get_mut(&form) {
        s.dict.set("Resources", Object::Dictionary(resources));
        s.dict.remove(b"Filter");
        s.dict.remove(b"DecodeParms");
        s.set_content(bytes);
    }
}
