//! Filled-in text fields without an appearance stream.
//!
//! A form's text field (`/FT /Tx`) holds its value in `/V`; viewers draw it from the
//! field's appearance stream, and where the file has none (`/NeedAppearances true`, as
//! written by many form fillers) they build one from `/V` and the default appearance
//! `/DA`, as poppler does. pdf-extract draws neither, so such a value was lost. Each such
//! widget gets a plain appearance (the value in Helvetica at the field's font size,
//! one line per line of the value), which the sanitizer then draws like any other.

use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream};

fn deref<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    match o {
        Object::Reference(id) => doc.objects.get(id),
        o => Some(o),
    }
}

/// A field attribute, inherited through /Parent (bounded: a cycle must not loop).
fn field_attr<'a>(doc: &'a Document, a: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = a;
    for _ in 0..32 {
        if let Ok(v) = node.get(key) {
            return deref(doc, v);
        }
        node = deref(doc, node.get(b"Parent").ok()?)?.as_dict().ok()?;
    }
    None
}

/// A PDF text string: UTF-16BE with its byte order mark, else PDFDocEncoding (read as
/// Latin-1, which it equals for letters and digits; other bytes make it unreadable).
fn text_string(bytes: &[u8]) -> Option<String> {
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16(&units).ok();
    }
    bytes
        .iter()
        .all(|&b| (0x20..0x7F).contains(&b) || b >= 0xA0 || matches!(b, b'\r' | b'\n' | b'\t'))
        .then(|| bytes.iter().map(|&b| char::from(b)).collect())
}

/// The value's lines as WinAnsi bytes; `None` when a character has no WinAnsi code.
fn winansi_lines(value: &str) -> Option<Vec<Vec<u8>>> {
    value
        .split(['\r', '\n'])
        .map(|line| {
            let (bytes, _, bad) = encoding_rs::WINDOWS_1252.encode(line);
            (!bad).then(|| bytes.into_owned())
        })
        .collect()
}

/// The font size of a default appearance string (`/Helv 12 Tf 0 g`); 0 means auto.
fn da_size(da: &[u8]) -> Option<f64> {
    let text = std::str::from_utf8(da).ok()?;
    let words: Vec<&str> = text.split_whitespace().collect();
    let at = words.iter().position(|w| *w == "Tf")?;
    words.get(at.checked_sub(1)?)?.parse().ok()
}

fn literal(bytes: &[u8]) -> Vec<u8> {
    let mut out = vec![b'('];
    for &b in bytes {
        if matches!(b, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(b);
    }
    out.push(b')');
    out
}

/// The appearance stream of a text field `w` × `h` showing `lines`.
fn appearance(lines: &[Vec<u8>], size: f64, w: f64, h: f64) -> Stream {
    let leading = size * 1.15;
    let mut content = b"/Tx BMC q BT /JusteraTx ".to_vec();
    content.extend_from_slice(format!("{size:.2} Tf {leading:.2} TL ").as_bytes());
    // One line: centred vertically; several: from the top.
    let first = if lines.len() == 1 {
        ((h - size) / 2.0 + size * 0.22).max(1.0)
    } else {
        h - 2.0 - size
    };
    content.extend_from_slice(format!("2 {first:.2} Td ").as_bytes());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            content.extend_from_slice(b"T* ");
        }
        content.extend_from_slice(&literal(line));
        content.extend_from_slice(b" Tj ");
    }
    content.extend_from_slice(b"ET Q EMC\n");
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type1".to_vec()));
    font.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
    font.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
    let mut fonts = Dictionary::new();
    fonts.set("JusteraTx", Object::Dictionary(font));
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(fonts));
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"XObject".to_vec()));
    dict.set("Subtype", Object::Name(b"Form".to_vec()));
    dict.set(
        "BBox",
        Object::Array(vec![
            Object::Integer(0),
            Object::Integer(0),
            Object::Real(w as f32),
            Object::Real(h as f32),
        ]),
    );
    dict.set("Resources", Object::Dictionary(resources));
    Stream::new(dict, content)
}

fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// Gives every text-field widget that has a value but no normal appearance one built
/// from its value; returns how many.
pub(super) fn give_text_fields_appearances(doc: &mut Document) -> usize {
    let mut made: Vec<(ObjectId, Stream)> = Vec::new();
    let acroform_da = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"AcroForm").ok())
        .and_then(|f| deref(doc, f))
        .and_then(|f| f.as_dict().ok())
        .and_then(|f| f.get(b"DA").ok())
        .and_then(|d| d.as_str().ok())
        .map(<[u8]>::to_vec);
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
        for annot in annots {
            let Ok(id) = annot.as_reference() else {
                continue;
            };
            let Some(a) = doc.objects.get(&id).and_then(|a| a.as_dict().ok()) else {
                continue;
            };
            let flags = a.get(b"F").ok().and_then(|f| f.as_i64().ok()).unwrap_or(0);
            if a.get(b"Subtype").ok().and_then(|s| s.as_name().ok()) != Some(b"Widget")
                || flags & (2 | 32) != 0
                || a.get(b"AP").is_ok()
                || field_attr(doc, a, b"FT").and_then(|t| t.as_name().ok()) != Some(b"Tx")
            {
                continue;
            }
            let Some(value) = field_attr(doc, a, b"V")
                .and_then(|v| v.as_str().ok())
                .and_then(text_string)
                .filter(|v| !v.trim().is_empty())
            else {
                continue;
            };
            let Some(lines) = winansi_lines(&value) else {
                continue;
            };
            let Some([x1, y1, x2, y2]) = a
                .get(b"Rect")
                .ok()
                .and_then(|r| deref(doc, r))
                .and_then(|r| r.as_array().ok())
                .and_then(|r| r.iter().map(number).collect::<Option<Vec<f64>>>())
                .and_then(|r| <[f64; 4]>::try_from(r).ok())
            else {
                continue;
            };
            let (w, h) = ((x2 - x1).abs(), (y2 - y1).abs());
            if !(w > 0.0 && h > 0.0 && w.is_finite() && h.is_finite()) {
                continue;
            }
            let da = field_attr(doc, a, b"DA")
                .and_then(|d| d.as_str().ok())
                .map(<[u8]>::to_vec)
                .or_else(|| acroform_da.clone())
                .unwrap_or_default();
            let size = da_size(&da)
                .filter(|s| *s > 0.0 && s.is_finite())
                .unwrap_or_else(|| (h * 0.7).clamp(4.0, 12.0));
            made.push((id, appearance(&lines, size, w, h)));
        }
    }
    let n = made.len();
    for (id, stream) in made {
        let form = doc.add_object(Object::Stream(stream));
        if let Some(Object::Dictionary(a)) = doc.objects.get_mut(&id) {
            let mut ap = Dictionary::new();
            ap.set("N", Object::Reference(form));
            a.set("AP", Object::Dictionary(ap));
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_sizes() {
        assert_eq!(
            text_string(b"tx annotation").as_deref(),
            Some("tx annotation")
        );
        assert_eq!(text_string(b"\xFE\xFF\x00K\x00r").as_deref(), Some("Kr"));
        assert_eq!(da_size(b"/Helv 12 Tf 0 g"), Some(12.0));
        assert_eq!(da_size(b"0 g"), None);
        assert_eq!(winansi_lines("Å\nb"), Some(vec![vec![0xC5], b"b".to_vec()]));
        assert_eq!(winansi_lines("日"), None);
        assert_eq!(literal(b"a(b)"), b"(a\\(b\\))".to_vec());
    }
}
