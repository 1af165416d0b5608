//! Type0 fonts whose /Encoding is not Identity-H/V, rewritten into the one form
//! pdf-extract 0.12.1 reads right.
//!
//! pdf-extract panics on a predefined CMap name other than Identity-H/V (`90ms-RKSJ-H`,
//! `GBKp-EUC-H`, `UniJIS-UCS2-H`, …), and reads an embedded encoding CMap wrongly: a
//! codespace range of n bytes is taken as n/2 bytes wide (so one-byte codes never
//! match and two-byte codes are read one byte at a time), only the first `cidrange` is
//! kept, a code's CID is computed as `code + first CID` and the ToUnicode map (keyed by
//! code, as the PDF specification has it) is looked up with that CID, as is /W.
//!
//! What it does read right is a code-identity mapping: each code is its own CID. So
//! such a font gets an embedded encoding CMap with the codespace written the way it is
//! read and one identity `cidrange`, its /W keyed by code (the CID each code stands for
//! looked up in the original /W), and — for a legacy multi-byte encoding without a
//! ToUnicode map — a ToUnicode map decoded by that encoding's character set (Shift-JIS,
//! EUC-JP, GBK, Big5, EUC-KR, UCS-2), as poppler reads these fonts through the CMap
//! and the character collection's Unicode table.

use pdf_extract::{Dictionary, Document, Object, Stream};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A codespace range: code length in bytes and the lowest and highest code.
type Range = (usize, u32, u32);

fn deref<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    match o {
        Object::Reference(id) => doc.objects.get(id),
        o => Some(o),
    }
}

/// A legacy character set a predefined CMap name stands for, with its codespace.
struct Legacy {
    charset: Option<&'static encoding_rs::Encoding>,
    ranges: &'static [Range],
}

/// The predefined CMaps of the Adobe character collections whose codes are a legacy
/// multi-byte character set (or UCS-2, `charset` None), by name without -H/-V.
fn legacy(name: &[u8]) -> Option<Legacy> {
    let base = name
        .strip_suffix(b"-H")
        .or_else(|| name.strip_suffix(b"-V"))?;
    const SJIS: &[Range] = &[
        (1, 0x00, 0x80),
        (1, 0xA0, 0xDF),
        (1, 0xFD, 0xFF),
        (2, 0x8140, 0x9FFC),
        (2, 0xE040, 0xFCFC),
    ];
    const EUC_JP: &[Range] = &[(1, 0x00, 0x80), (2, 0x8EA0, 0x8EDF), (2, 0xA1A1, 0xFEFE)];
    const DBCS: &[Range] = &[(1, 0x00, 0x80), (2, 0x8140, 0xFEFE)];
    const UCS2: &[Range] = &[(2, 0x0000, 0xFFFF)];
    let (charset, ranges) = match base {
        b"83pv-RKSJ" | b"90ms-RKSJ" | b"90msp-RKSJ" | b"90pv-RKSJ" | b"Add-RKSJ" | b"Ext-RKSJ"
        | b"RKSJ" => (Some(encoding_rs::SHIFT_JIS), SJIS),
        b"EUC" => (Some(encoding_rs::EUC_JP), EUC_JP),
        b"GB-EUC" | b"GBpc-EUC" | b"GBK-EUC" | b"GBKp-EUC" => (Some(encoding_rs::GBK), DBCS),
        b"B5pc" | b"ETen-B5" | b"ETenms-B5" | b"HKscs-B5" | b"B5" => {
            (Some(encoding_rs::BIG5), DBCS)
        }
        b"KSC-EUC" | b"KSCpc-EUC" | b"KSCms-UHC" | b"KSCms-UHC-HW" => {
            (Some(encoding_rs::EUC_KR), DBCS)
        }
        b"UniGB-UCS2" | b"UniCNS-UCS2" | b"UniJIS-UCS2" | b"UniJIS-UCS2-HW" | b"UniKS-UCS2"
        | b"UniGB-UTF16" | b"UniCNS-UTF16" | b"UniJIS-UTF16" | b"UniKS-UTF16" => (None, UCS2),
        _ => return None,
    };
    Some(Legacy { charset, ranges })
}

/// The Unicode text of one code of a legacy encoding: one character, not a control.
fn legacy_text(legacy: &Legacy, len: usize, code: u32) -> Option<char> {
    let bytes = &code.to_be_bytes()[4 - len..];
    let c = match legacy.charset {
        Some(charset) => {
            let text = charset.decode_without_bom_handling_and_without_replacement(bytes)?;
            let mut chars = text.chars();
            let c = chars.next()?;
            if chars.next().is_some() {
                return None;
            }
            c
        }
        None => char::from_u32(code)?,
    };
    (!c.is_control() && c != '\u{FFFD}').then_some(c)
}

/// Hex digits of a code `len` bytes long.
fn hex(len: usize, code: u32) -> String {
    format!("{code:0width$X}", width = len * 2)
}

/// The embedded encoding CMap pdf-extract reads as code = CID: each range written twice
/// as long as its codes (pdf-extract takes half the written length as the code length),
/// one identity `cidrange`.
fn identity_cmap(ranges: &[Range]) -> Vec<u8> {
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         /CMapName /Justera-Code-Identity def\n",
    );
    let _ = writeln!(s, "{} begincodespacerange", ranges.len());
    for &(len, lo, hi) in ranges {
        let _ = writeln!(s, "<{}> <{}>", hex(len * 2, lo), hex(len * 2, hi));
    }
    s.push_str("endcodespacerange\n1 begincidrange\n<00000000> <FFFFFFFF> 0\nendcidrange\n");
    s.push_str("endcmap CMapName currentdict /CMap defineresource pop end end\n");
    s.into_bytes()
}

/// A ToUnicode CMap with one `bfchar` per code.
fn to_unicode_cmap(ranges: &[Range], entries: &[(usize, u32, char)]) -> Vec<u8> {
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         /CMapName /Justera-UCS def\n",
    );
    let _ = writeln!(s, "{} begincodespacerange", ranges.len());
    for &(len, lo, hi) in ranges {
        let _ = writeln!(s, "<{}> <{}>", hex(len, lo), hex(len, hi));
    }
    s.push_str("endcodespacerange\n");
    for chunk in entries.chunks(100) {
        let _ = writeln!(s, "{} beginbfchar", chunk.len());
        for &(len, code, c) in chunk {
            let mut units = [0u16; 2];
            let utf16: String = c
                .encode_utf16(&mut units)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            let _ = writeln!(s, "<{}> <{utf16}>", hex(len, code));
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap CMapName currentdict /CMap defineresource pop end end\n");
    s.into_bytes()
}

/// The tokens of an embedded CMap that matter here.
#[derive(Debug, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Int(i64),
    Word(Vec<u8>),
}

fn tokens(data: &[u8]) -> Option<Vec<Token>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        match c {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'(' => i = super::tolerant::literal_string_end(data, i)?,
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'<' => {
                let end = i + memchr::memchr(b'>', &data[i..])?;
                let digits: Vec<u8> = data[i + 1..end]
                    .iter()
                    .copied()
                    .filter(|b| !b.is_ascii_whitespace())
                    .collect();
                if digits.len() % 2 != 0 || !digits.iter().all(u8::is_ascii_hexdigit) {
                    return None;
                }
                let bytes = digits
                    .chunks(2)
                    .map(|p| u8::from_str_radix(std::str::from_utf8(p).ok()?, 16).ok())
                    .collect::<Option<Vec<u8>>>()?;
                out.push(Token::Hex(bytes));
                i = end + 1;
            }
            c if c.is_ascii_whitespace() || b">[]{}".contains(&c) => i += 1,
            _ => {
                let start = i;
                i += 1;
                while i < data.len()
                    && !data[i].is_ascii_whitespace()
                    && !b"()<>[]{}/%".contains(&data[i])
                {
                    i += 1;
                }
                let word = &data[start..i];
                match std::str::from_utf8(word).ok().and_then(|w| w.parse().ok()) {
                    Some(n) => out.push(Token::Int(n)),
                    None => out.push(Token::Word(word.to_vec())),
                }
            }
        }
    }
    Some(out)
}

fn code_of(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0, |c, b| (c << 8) | u32::from(*b))
}

/// An embedded encoding CMap: its codespace and the CID of every code it maps. `None`
/// when it is not one this reads with certainty (codes longer than two bytes, a
/// `usecmap`, a malformed entry, too many codes).
fn embedded(data: &[u8]) -> Option<(Vec<Range>, BTreeMap<u32, u32>)> {
    let toks = tokens(data)?;
    let mut ranges = Vec::new();
    let mut cids = BTreeMap::new();
    let mut i = 0;
    while i < toks.len() {
        let Token::Word(w) = &toks[i] else {
            i += 1;
            continue;
        };
        i += 1;
        match w.as_slice() {
            b"usecmap" => return None,
            b"begincodespacerange" => {
                while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) =
                    (toks.get(i), toks.get(i + 1))
                {
                    if lo.len() != hi.len() || lo.is_empty() || lo.len() > 2 {
                        return None;
                    }
                    ranges.push((lo.len(), code_of(lo), code_of(hi)));
                    i += 2;
                }
            }
            b"begincidchar" => {
                while let (Some(Token::Hex(code)), Some(Token::Int(cid))) =
                    (toks.get(i), toks.get(i + 1))
                {
                    cids.insert(code_of(code), u32::try_from(*cid).ok()?);
                    i += 2;
                }
            }
            b"begincidrange" => {
                while let (Some(Token::Hex(lo)), Some(Token::Hex(hi)), Some(Token::Int(cid))) =
                    (toks.get(i), toks.get(i + 1), toks.get(i + 2))
                {
                    let (lo, hi, cid) = (code_of(lo), code_of(hi), u32::try_from(*cid).ok()?);
                    if hi < lo || hi - lo > 0xFFFF || cids.len() > 0x2_0000 {
                        return None;
                    }
                    for code in lo..=hi {
                        cids.insert(code, cid + (code - lo));
                    }
                    i += 3;
                }
            }
            b"endcodespacerange" | b"endcidchar" | b"endcidrange" => {}
            _ => {}
        }
    }
    (!ranges.is_empty()).then_some((ranges, cids))
}

/// The widths of a CID font's /W by CID.
fn cid_widths(doc: &Document, w: &[Object]) -> BTreeMap<u32, Object> {
    let num = |o: &Object| match deref(doc, o)? {
        o @ (Object::Integer(_) | Object::Real(_)) => Some(o.clone()),
        _ => None,
    };
    let int = |o: &Object| match deref(doc, o)? {
        Object::Integer(i) => u32::try_from(*i).ok(),
        _ => None,
    };
    let mut out = BTreeMap::new();
    let mut i = 0;
    while i + 1 < w.len() {
        let Some(first) = int(&w[i]) else { break };
        match deref(doc, &w[i + 1]) {
            Some(Object::Array(ws)) => {
                for (k, o) in ws.iter().enumerate() {
                    if let Some(n) = num(o) {
                        out.insert(first.saturating_add(k as u32), n);
                    }
                }
                i += 2;
            }
            _ => {
                let (Some(last), Some(width)) = (int(&w[i + 1]), w.get(i + 2).and_then(num)) else {
                    break;
                };
                if last < first || last - first > 0xFFFF {
                    break;
                }
                for cid in first..=last {
                    out.insert(cid, width.clone());
                }
                i += 3;
            }
        }
    }
    out
}

/// Widths by code written as pdf-extract reads /W: `code [w …]` runs.
fn widths_array(by_code: &BTreeMap<u32, Object>) -> Vec<Object> {
    let mut out: Vec<Object> = Vec::new();
    let mut run: Vec<Object> = Vec::new();
    let mut start = 0u32;
    let mut next = None;
    for (&code, w) in by_code {
        if next != Some(code) && !run.is_empty() {
            out.push(Object::Integer(i64::from(start)));
            out.push(Object::Array(std::mem::take(&mut run)));
        }
        if run.is_empty() {
            start = code;
        }
        run.push(w.clone());
        next = code.checked_add(1);
    }
    if !run.is_empty() {
        out.push(Object::Integer(i64::from(start)));
        out.push(Object::Array(run));
    }
    out
}

/// Rewrites a Type0 font whose /Encoding is a legacy predefined CMap or an embedded
/// CMap into the code-identity form (module docs). Returns what was done, or `None`
/// when the font is left as it is.
pub(super) fn fix_type0_encoding(doc: &Document, font: &mut Dictionary) -> Option<&'static str> {
    let encoding = font.get(b"Encoding").ok().and_then(|e| deref(doc, e))?;
    let descendant = font
        .get(b"DescendantFonts")
        .ok()
        .and_then(|d| deref(doc, d))
        .and_then(|d| d.as_array().ok())
        .and_then(|a| a.first())
        .and_then(|d| deref(doc, d))
        .and_then(|d| d.as_dict().ok())?;
    let mut descendant = descendant.clone();
    let has_to_unicode = font
        .get(b"ToUnicode")
        .ok()
        .and_then(|t| deref(doc, t))
        .is_some_and(|t| matches!(t, Object::Stream(_)));
    let old_widths = descendant
        .get(b"W")
        .ok()
        .and_then(|w| deref(doc, w))
        .and_then(|w| w.as_array().ok())
        .map(|w| cid_widths(doc, w))
        .unwrap_or_default();
    let default_width = descendant
        .get(b"DW")
        .ok()
        .and_then(|w| deref(doc, w))
        .cloned()
        .unwrap_or(Object::Integer(1000));
    let mut by_code: BTreeMap<u32, Object> = BTreeMap::new();
    let (ranges, what) = match encoding {
        Object::Name(name) if name != b"Identity-H" && name != b"Identity-V" => {
            let legacy = legacy(name)?;
            if !has_to_unicode && legacy.charset.is_none() {
                // UCS-2 codes are their own Unicode: one range.
                let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
                    1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
                    1 beginbfrange <0000> <FFFF> <0000> endbfrange\n\
                    endcmap CMapName currentdict /CMap defineresource pop end end\n";
                font.set(
                    "ToUnicode",
                    Object::Stream(Stream::new(Dictionary::new(), cmap.to_vec())),
                );
            } else if !has_to_unicode {
                let mut entries = Vec::new();
                for &(len, lo, hi) in legacy.ranges {
                    for code in lo..=hi {
                        if let Some(c) = legacy_text(&legacy, len, code) {
                            entries.push((len, code, c));
                        }
                    }
                }
                let cmap = to_unicode_cmap(legacy.ranges, &entries);
                font.set(
                    "ToUnicode",
                    Object::Stream(Stream::new(Dictionary::new(), cmap)),
                );
            }
            // The CIDs the codes stand for are in Adobe's CMap files, which are not at
            // hand: one-byte codes (roman, half-width kana) are half an em wide, the
            // others the font's default width.
            for &(len, lo, hi) in legacy.ranges {
                if len == 1 {
                    for code in lo..=hi {
                        by_code.insert(code, Object::Integer(500));
                    }
                }
            }
            (
                legacy.ranges.to_vec(),
                "Type0 fonts with a legacy CJK encoding read by its character set",
            )
        }
        Object::Stream(s) if has_to_unicode => {
            let data = s
                .decompressed_content()
                .unwrap_or_else(|_| s.content.clone());
            let (ranges, cids) = embedded(&data)?;
            for (code, cid) in cids {
                if let Some(w) = old_widths.get(&cid) {
                    if *w != default_width {
                        by_code.insert(code, w.clone());
                    }
                }
            }
            (
                ranges,
                "Type0 fonts with an embedded encoding CMap read code by code",
            )
        }
        _ => return None,
    };
    font.set(
        "Encoding",
        Object::Stream(Stream::new(Dictionary::new(), identity_cmap(&ranges))),
    );
    descendant.set("W", Object::Array(widths_array(&by_code)));
    if descendant
        .get(b"FontDescriptor")
        .ok()
        .and_then(|d| deref(doc, d))
        .is_none_or(|d| d.as_dict().is_err())
    {
        // pdf-extract requires one (a font that is not embedded may have none); poppler
        // needs none to read the text.
        let mut descriptor = Dictionary::new();
        descriptor.set("Type", Object::Name(b"FontDescriptor".to_vec()));
        descriptor.set("FontName", Object::Name(b"Unknown".to_vec()));
        descriptor.set("Flags", Object::Integer(4));
        descendant.set("FontDescriptor", Object::Dictionary(descriptor));
    }
    font.set(
        "DescendantFonts",
        Object::Array(vec![Object::Dictionary(descendant)]),
    );
    Some(what)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_cmap_codes_and_cids() {
        let data = b"1 begincodespacerange <20> <76> endcodespacerange\n\
            2 begincidchar <20> 1 <2C> 2 endcidchar\n\
            2 begincidrange <43> <44> 6 <61> <62> 17 endcidrange";
        let (ranges, cids) = embedded(data).expect("parsed");
        assert_eq!(ranges, vec![(1, 0x20, 0x76)]);
        let got: Vec<(u32, u32)> = cids.into_iter().collect();
        assert_eq!(
            got,
            vec![
                (0x20, 1),
                (0x2C, 2),
                (0x43, 6),
                (0x44, 7),
                (0x61, 17),
                (0x62, 18)
            ]
        );
        assert!(
            embedded(b"/X usecmap 1 begincodespacerange <00> <FF> endcodespacerange").is_none()
        );
    }

    #[test]
    fn legacy_encodings_decode_by_character_set() {
        let sjis = legacy(b"90ms-RKSJ-H").expect("known");
        assert_eq!(legacy_text(&sjis, 2, 0x82A0), Some('あ'));
        assert_eq!(legacy_text(&sjis, 1, 0x41), Some('A'));
        let gbk = legacy(b"GBKp-EUC-H").expect("known");
        assert_eq!(legacy_text(&gbk, 2, 0xCED2), Some('我'));
        let ucs2 = legacy(b"UniJIS-UCS2-V").expect("known");
        assert_eq!(legacy_text(&ucs2, 2, 0x65E5), Some('日'));
        assert!(legacy(b"Identity-H").is_none());
        assert!(legacy(b"90ms-RKSJ").is_none());
    }

    #[test]
    fn widths_are_written_in_runs() {
        let mut w = BTreeMap::new();
        for (c, n) in [(1u32, 10i64), (2, 20), (5, 50)] {
            w.insert(c, Object::Integer(n));
        }
        let arr = widths_array(&w);
        assert_eq!(arr.len(), 4);
        assert_eq!(arr[0], Object::Integer(1));
        assert_eq!(arr[2], Object::Integer(5));
    }
}
