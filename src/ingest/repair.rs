//! Cross-reference repair: when a PDF's xref table or trailer is unusable, find the objects
//! by scanning the bytes for `N G obj … endobj` (as poppler and qpdf do) and write a fresh,
//! well-formed file around them: a clean header, every object once (the last definition
//! wins, as with incremental updates), stream lengths measured, a new classic xref table
//! and a trailer rebuilt from the old trailers (or from the catalog object when none
//! survived). lopdf then loads the rebuilt bytes as usual, decryption included.
//!
//! Everything here works on untrusted bytes: no indexing without bounds, no recursion
//! without a depth limit.

use memchr::memmem;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Nesting limit for dictionaries and arrays in the small tokenizer below.
const MAX_DEPTH: usize = 64;

/// One object found by the scan.
#[derive(Clone, Debug)]
struct ScannedObject {
    num: u32,
    gen: u16,
    /// Bytes after the `obj` keyword up to (not including) `endobj`, or up to the
    /// stream dictionary's closing `>>` for streams.
    body: (usize, usize),
    /// For streams: the data bytes.
    stream: Option<(usize, usize)>,
    /// `/Type` of a dictionary object, when direct.
    kind: Option<Vec<u8>>,
    /// Where its dictionary starts (for XRef streams: the trailer keys live there).
    dict_start: Option<usize>,
    /// A stream with /N and /First but another /Type: an object stream mislabelled.
    mislabelled_objstm: bool,
}

/// The result of a rebuild: the new bytes and what was found.
pub struct Rebuilt {
    pub bytes: Vec<u8>,
    pub objects: usize,
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'\0')
}

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(b: u8) -> bool {
    !is_white(b) && !is_delim(b)
}

/// Skips whitespace and comments.
fn skip_space(bytes: &[u8], mut pos: usize) -> usize {
    while let Some(&b) = bytes.get(pos) {
        if is_white(b) {
            pos += 1;
        } else if b == b'%' {
            while let Some(&c) = bytes.get(pos) {
                if c == b'\n' || c == b'\r' {
                    break;
                }
                pos += 1;
            }
        } else {
            break;
        }
    }
    pos
}

fn regular_token(bytes: &[u8], pos: usize) -> (usize, &[u8]) {
    let mut end = pos;
    while bytes.get(end).is_some_and(|&b| is_regular(b)) {
        end += 1;
    }
    (end, bytes.get(pos..end).unwrap_or_default())
}

fn is_uint(tok: &[u8]) -> bool {
    !tok.is_empty() && tok.iter().all(u8::is_ascii_digit)
}

/// Returns the end of the PDF value starting at `pos` (after leading space), with
/// `N G R` references read as one value.
fn value_end(bytes: &[u8], pos: usize, depth: usize) -> Option<usize> {
    if depth > MAX_DEPTH {
        return None;
    }
    let pos = skip_space(bytes, pos);
    let b = *bytes.get(pos)?;
    match b {
        b'<' if bytes.get(pos + 1) == Some(&b'<') => {
            dict_entries(bytes, pos, depth + 1).map(|d| d.1)
        }
        b'<' => memchr::memchr(b'>', bytes.get(pos..)?).map(|i| pos + i + 1),
        b'(' => literal_string_end(bytes, pos),
        b'[' => {
            let mut p = pos + 1;
            loop {
                p = skip_space(bytes, p);
                match *bytes.get(p)? {
                    b']' => return Some(p + 1),
                    _ => p = value_end(bytes, p, depth + 1)?,
                }
            }
        }
        b'/' => Some(regular_token(bytes, pos + 1).0),
        _ if is_regular(b) => {
            let (end, tok) = regular_token(bytes, pos);
            if is_uint(tok) {
                // Maybe `N G R`.
                let p2 = skip_space(bytes, end);
                let (e2, t2) = regular_token(bytes, p2);
                if is_uint(t2) {
                    let p3 = skip_space(bytes, e2);
                    let (e3, t3) = regular_token(bytes, p3);
                    if t3 == b"R" {
                        return Some(e3);
                    }
                }
            }
            Some(end)
        }
        // A stray closing delimiter: not a value.
        _ => None,
    }
}

fn literal_string_end(bytes: &[u8], pos: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut p = pos;
    while let Some(&b) = bytes.get(p) {
        match b {
            b'\\' => p += 1,
            b'(' => depth += 1,
            b')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(p + 1);
                }
            }
            _ => {}
        }
        p += 1;
    }
    None
}

type Entries = Vec<(Vec<u8>, (usize, usize))>;

/// Reads the dictionary starting at `pos` (`<<`): its top-level keys with the byte span
/// of each value, and the position after the closing `>>`.
fn dict_entries(bytes: &[u8], pos: usize, depth: usize) -> Option<(Entries, usize)> {
    if depth > MAX_DEPTH || bytes.get(pos..pos + 2)? != b"<<" {
        return None;
    }
    let mut entries = Vec::new();
    let mut p = pos + 2;
    loop {
        p = skip_space(bytes, p);
        match *bytes.get(p)? {
            b'>' if bytes.get(p + 1) == Some(&b'>') => return Some((entries, p + 2)),
            b'/' => {
                let (key_end, key) = regular_token(bytes, p + 1);
                let vstart = skip_space(bytes, key_end);
                let vend = value_end(bytes, vstart, depth)?;
                entries.push((key.to_vec(), (vstart, vend)));
                p = vend;
            }
            // Junk inside a dictionary: give up on it rather than guess.
            _ => return None,
        }
    }
}

fn entry<'a>(bytes: &'a [u8], entries: &Entries, key: &[u8]) -> Option<&'a [u8]> {
    entries
        .iter()
        .rev()
        .find(|(k, _)| k == key)
        .and_then(|(_, (s, e))| bytes.get(*s..*e))
}

fn parse_uint(tok: &[u8]) -> Option<u64> {
    std::str::from_utf8(tok).ok()?.trim().parse().ok()
}

/// `N G R` → (N, G).
fn parse_ref(value: &[u8]) -> Option<(u32, u16)> {
    let mut parts = value.split(|&b| is_white(b)).filter(|p| !p.is_empty());
    let n = parse_uint(parts.next()?)?;
    let g = parse_uint(parts.next()?)?;
    (parts.next()? == b"R").then_some(())?;
    Some((u32::try_from(n).ok()?, u16::try_from(g).ok()?))
}

/// An object header `N G obj` whose `obj` keyword starts at `kw`: returns (N, G, start).
fn header_before(bytes: &[u8], kw: usize) -> Option<(u32, u16, usize)> {
    // `obj` must end at a delimiter.
    if bytes.get(kw + 3).is_some_and(|&b| is_regular(b)) {
        return None;
    }
    let mut p = kw;
    let ws_end = p;
    while p > 0 && is_white(*bytes.get(p - 1)?) {
        p -= 1;
    }
    if p == ws_end {
        return None;
    }
    let gen_end = p;
    while p > 0 && bytes.get(p - 1)?.is_ascii_digit() {
        p -= 1;
    }
    if p == gen_end {
        return None;
    }
    let gen = parse_uint(bytes.get(p..gen_end)?)?;
    let ws_end = p;
    while p > 0 && is_white(*bytes.get(p - 1)?) {
        p -= 1;
    }
    if p == ws_end {
        return None;
    }
    let num_end = p;
    while p > 0 && bytes.get(p - 1)?.is_ascii_digit() {
        p -= 1;
    }
    if p == num_end || (p > 0 && is_regular(*bytes.get(p - 1)?)) {
        return None;
    }
    let num = parse_uint(bytes.get(p..num_end)?)?;
    Some((u32::try_from(num).ok()?, u16::try_from(gen).ok()?, p))
}

/// Position of the `stream` keyword (not the tail of `endstream`) in `bytes[from..to]`.
fn find_stream_keyword(bytes: &[u8], from: usize, to: usize) -> Option<usize> {
    let hay = bytes.get(from..to)?;
    memmem::find_iter(hay, b"stream")
        .map(|i| from + i)
        .find(|&k| k < 3 || bytes.get(k - 3..k) != Some(b"end"))
}

fn eol_len(bytes: &[u8], pos: usize) -> usize {
    match (bytes.get(pos), bytes.get(pos + 1)) {
        (Some(b'\r'), Some(b'\n')) => 2,
        (Some(b'\r' | b'\n'), _) => 1,
        _ => 0,
    }
}

/// Finds every object by scanning. Stream data is skipped over (using its /Length when
/// that is right, else up to `endstream`), so object-like text inside a stream is not
/// taken for an object.
fn scan_objects(bytes: &[u8]) -> Vec<ScannedObject> {
    let headers: Vec<(u32, u16, usize, usize)> = memmem::find_iter(bytes, b"obj")
        .filter_map(|kw| header_before(bytes, kw).map(|(n, g, s)| (n, g, s, kw + 3)))
        .collect();
    // Direct integer objects, for indirect /Length values.
    let mut ints: BTreeMap<(u32, u16), u64> = BTreeMap::new();
    for &(n, g, _, body) in &headers {
        let p = skip_space(bytes, body);
        let (e, tok) = regular_token(bytes, p);
        if is_uint(tok) {
            let after = skip_space(bytes, e);
            if bytes.get(after..after + 6) == Some(b"endobj") {
                if let Some(v) = parse_uint(tok) {
                    ints.insert((n, g), v);
                }
            }
        }
    }
    let endobj = memmem::Finder::new(b"endobj");
    let endstream = memmem::Finder::new(b"endstream");
    let mut out = Vec::new();
    let mut pos = 0usize;
    for (i, &(num, gen, start, body_start)) in headers.iter().enumerate() {
        if start < pos {
            continue; // inside the previous object's stream data
        }
        let next_header = headers
            .get(i + 1..)
            .and_then(|rest| rest.iter().find(|h| h.2 >= body_start))
            .map_or(bytes.len(), |h| h.2);
        let rest = bytes.get(body_start..).unwrap_or_default();
        let endobj_at = endobj
            .find(rest)
            .map(|i| body_start + i)
            .filter(|&e| e < next_header);
        let limit = endobj_at.unwrap_or(next_header);
        let dict_start = {
            let p = skip_space(bytes, body_start);
            (bytes.get(p..p + 2) == Some(b"<<")).then_some(p)
        };
        let dict = dict_start.and_then(|p| dict_entries(bytes, p, 0));
        let kind = dict.as_ref().and_then(|(entries, _)| {
            entry(bytes, entries, b"Type").map(|v| v.strip_prefix(b"/").unwrap_or(v).to_vec())
        });
        // A stream: the keyword right after the dictionary (or, when the dictionary did
        // not parse, anywhere before the end of the object).
        let stream_kw = match &dict {
            Some((_, dict_end)) => {
                let p = skip_space(bytes, *dict_end);
                (bytes.get(p..p + 6) == Some(b"stream")).then_some(p)
            }
            None => find_stream_keyword(bytes, body_start, limit),
        };
        let Some(kw) = stream_kw else {
            let end = endobj_at.unwrap_or(next_header);
            out.push(ScannedObject {
                num,
                gen,
                body: (body_start, end),
                stream: None,
                kind,
                dict_start,
                mislabelled_objstm: false,
            });
            pos = endobj_at.map_or(next_header, |e| e + 6);
            continue;
        };
        let dict_close = match &dict {
            Some((_, dict_end)) => dict_end.saturating_sub(2),
            None => match bytes
                .get(body_start..kw)
                .and_then(|s| memmem::rfind(s, b">>"))
            {
                Some(i) => body_start + i,
                None => {
                    pos = limit;
                    continue;
                }
            },
        };
        let data_start = kw + 6 + eol_len(bytes, kw + 6);
        let declared = dict.as_ref().and_then(|(entries, _)| {
            let v = entry(bytes, entries, b"Length")?;
            parse_uint(v).or_else(|| parse_ref(v).and_then(|id| ints.get(&id).copied()))
        });
        let declared_end = declared
            .and_then(|len| usize::try_from(len).ok())
            .and_then(|len| data_start.checked_add(len))
            .filter(|&end| {
                let p = skip_space(bytes, end);
                bytes.get(p..p + 9) == Some(b"endstream")
            });
        let data_end = match declared_end {
            Some(end) => end,
            None => {
                let rest = bytes.get(data_start..).unwrap_or_default();
                let found = endstream.find(rest).map(|i| data_start + i);
                // Without `endstream` the data runs to `endobj` or the next object.
                let mut end = found.unwrap_or_else(|| {
                    let rest = bytes.get(data_start..).unwrap_or_default();
                    endobj
                        .find(rest)
                        .map(|i| data_start + i)
                        .filter(|&e| e < next_header.max(data_start))
                        .unwrap_or(next_header.max(data_start))
                });
                // The end-of-line before `endstream` is not data.
                if end > data_start && bytes.get(end - 1) == Some(&b'\n') {
                    end -= 1;
                    if end > data_start && bytes.get(end - 1) == Some(&b'\r') {
                        end -= 1;
                    }
                } else if end > data_start && bytes.get(end - 1) == Some(&b'\r') {
                    end -= 1;
                }
                end
            }
        };
        let after = bytes.get(data_end..).unwrap_or_default();
        pos = endobj
            .find(after)
            .map(|i| data_end + i + 6)
            .filter(|&e| {
                // `endobj` must belong to this object, not to a later one.
                let later = headers
                    .iter()
                    .skip(i + 1)
                    .find(|h| h.2 >= data_end)
                    .map_or(usize::MAX, |h| h.2);
                e <= later
            })
            .unwrap_or(data_end);
        out.push(ScannedObject {
            num,
            gen,
            body: (body_start, dict_close),
            stream: Some((data_start, data_end)),
            mislabelled_objstm: dict.as_ref().is_some_and(|(entries, _)| {
                entry(bytes, entries, b"N").is_some() && entry(bytes, entries, b"First").is_some()
            }) && !matches!(kind.as_deref(), Some(b"ObjStm" | b"XRef")),
            kind,
            dict_start,
        });
    }
    out
}

/// Values of the trailer keys found in old `trailer` dictionaries and XRef-stream
/// dictionaries, later ones winning.
fn old_trailer_keys(bytes: &[u8], objects: &[ScannedObject]) -> BTreeMap<&'static [u8], Vec<u8>> {
    const KEYS: [&[u8]; 4] = [b"Root", b"Encrypt", b"Info", b"ID"];
    let mut dicts: Vec<(usize, usize)> = Vec::new(); // (position, dict start)
    for kw in memmem::find_iter(bytes, b"trailer") {
        let p = skip_space(bytes, kw + 7);
        if bytes.get(p..p + 2) == Some(b"<<") {
            dicts.push((kw, p));
        }
    }
    for o in objects {
        if o.kind.as_deref() == Some(b"XRef") {
            if let Some(d) = o.dict_start {
                dicts.push((d, d));
            }
        }
    }
    dicts.sort_unstable();
    let mut found = BTreeMap::new();
    for (_, start) in dicts {
        let Some((entries, _)) = dict_entries(bytes, start, 0) else {
            continue;
        };
        for key in KEYS {
            if let Some(v) = entry(bytes, &entries, key) {
                found.insert(key, v.to_vec());
            }
        }
    }
    found
}

/// Scans `bytes` for objects and writes a fresh PDF holding them with a new xref table
/// and trailer. None when no objects are found.
pub fn rebuild(bytes: &[u8]) -> Option<Rebuilt> {
    let scanned = scan_objects(bytes);
    if scanned.is_empty() {
        return None;
    }
    let mut trailer = old_trailer_keys(bytes, &scanned);
    // Last definition of each object wins; XRef streams are replaced by our table.
    let mut latest: BTreeMap<u32, &ScannedObject> = BTreeMap::new();
    for o in &scanned {
        if o.kind.as_deref() != Some(b"XRef") {
            latest.insert(o.num, o);
        }
    }
    let root_ok = trailer
        .get(b"Root".as_slice())
        .and_then(|v| parse_ref(v))
        .is_some_and(|(n, _)| latest.contains_key(&n) || !has_objstm(&latest).is_empty());
    if !root_ok {
        // No usable trailer: the catalog is the object whose /Type is /Catalog.
        if let Some(cat) = latest
            .values()
            .rev()
            .find(|o| o.kind.as_deref() == Some(b"Catalog"))
        {
            trailer.insert(b"Root", format!("{} {} R", cat.num, cat.gen).into_bytes());
        }
    }

    let mut out: Vec<u8> = Vec::with_capacity(bytes.len() + latest.len() * 40 + 256);
    out.extend_from_slice(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
    let mut offsets: BTreeMap<u32, (usize, u16)> = BTreeMap::new();
    let encrypt_num = trailer
        .get(b"Encrypt".as_slice())
        .and_then(|v| parse_ref(v))
        .map(|(n, _)| n);
    for (&num, o) in &latest {
        offsets.insert(num, (out.len(), o.gen));
        out.extend_from_slice(format!("{} {} obj\n", num, o.gen).as_bytes());
        let inlined = (Some(num) == encrypt_num)
            .then(|| o.dict_start.and_then(|d| inline_dict(bytes, d, &latest, 2)))
            .flatten();
        match inlined {
            Some(dict) => out.extend_from_slice(&dict),
            None => out.extend_from_slice(bytes.get(o.body.0..o.body.1).unwrap_or_default()),
        }
        match o.stream {
            Some((s, e)) => {
                let data = bytes.get(s..e).unwrap_or_default();
                // A later /Length overrides the stale one in lopdf's dictionary.
                if o.mislabelled_objstm {
                    out.extend_from_slice(b" /Type /ObjStm");
                }
                out.extend_from_slice(format!(" /Length {}>>\nstream\n", data.len()).as_bytes());
                out.extend_from_slice(data);
                out.extend_from_slice(b"\nendstream\nendobj\n");
            }
            None => out.extend_from_slice(b"\nendobj\n"),
        }
    }
    let xref_at = out.len();
    let size = latest
        .keys()
        .next_back()
        .map_or(1, |&n| n.saturating_add(1));
    let mut xref = String::from("xref\n0 1\n0000000000 65535 f \n");
    // Subsections of consecutive numbers keep the table small for sparse numbering.
    let nums: Vec<u32> = offsets.keys().copied().filter(|&n| n > 0).collect();
    let mut i = 0;
    while i < nums.len() {
        let mut j = i;
        while j + 1 < nums.len() && nums[j].checked_add(1) == Some(nums[j + 1]) {
            j += 1;
        }
        let _ = writeln!(xref, "{} {}", nums[i], j - i + 1);
        for n in &nums[i..=j] {
            if let Some((off, gen)) = offsets.get(n) {
                let _ = write!(xref, "{off:010} {gen:05} n\r\n");
            }
        }
        i = j + 1;
    }
    out.extend_from_slice(xref.as_bytes());
    out.extend_from_slice(format!("trailer\n<< /Size {size}").as_bytes());
    for (key, value) in &trailer {
        out.push(b' ');
        out.push(b'/');
        out.extend_from_slice(key);
        out.push(b' ');
        out.extend_from_slice(value);
    }
    out.extend_from_slice(format!(" >>\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
    Some(Rebuilt {
        bytes: out,
        objects: latest.len(),
    })
}

/// The dictionary at `start` with references to non-stream objects replaced by those
/// objects, `depth` levels deep. lopdf reads the /Encrypt dictionary's crypt filters
/// only when they are direct (`/CF 7 0 R` makes it decrypt with the wrong method).
fn inline_dict(
    bytes: &[u8],
    start: usize,
    objects: &BTreeMap<u32, &ScannedObject>,
    depth: usize,
) -> Option<Vec<u8>> {
    let (entries, _) = dict_entries(bytes, start, 0)?;
    let mut out = b"<<".to_vec();
    for (key, (vs, ve)) in entries {
        out.extend_from_slice(b" /");
        out.extend_from_slice(&key);
        out.push(b' ');
        let value = bytes.get(vs..ve)?;
        let target = parse_ref(value)
            .and_then(|(n, g)| objects.get(&n).filter(|o| o.gen == g && o.stream.is_none()));
        let replaced = match target {
            Some(o) if depth > 0 => match o.dict_start {
                Some(d) => inline_dict(bytes, d, objects, depth - 1),
                None => bytes.get(o.body.0..o.body.1).map(<[u8]>::to_vec),
            },
            _ => None,
        };
        match replaced {
            Some(r) => out.extend_from_slice(&r),
            None => {
                // A direct dictionary may itself hold references (/CF << /StdCF 8 0 R >>).
                let p = skip_space(bytes, vs);
                let nested = (depth > 0 && bytes.get(p..p + 2) == Some(b"<<"))
                    .then(|| inline_dict(bytes, p, objects, depth - 1))
                    .flatten();
                out.extend_from_slice(nested.as_deref().unwrap_or(value));
            }
        }
    }
    out.extend_from_slice(b" >>");
    Some(out)
}

fn has_objstm<'a>(latest: &BTreeMap<u32, &'a ScannedObject>) -> Vec<&'a ScannedObject> {
    latest
        .values()
        .filter(|o| o.kind.as_deref() == Some(b"ObjStm"))
        .copied()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal_pdf() -> Vec<u8> {
        let content = b"BT /F1 12 Tf 72 712 Td (Hello) Tj ET";
        let mut s = Vec::new();
        s.extend_from_slice(b"%PDF-1.4\n");
        s.extend_from_slice(b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        s.extend_from_slice(b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        s.extend_from_slice(b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>\nendobj\n");
        // Wrong /Length on purpose: the scan measures the data instead.
        s.extend_from_slice(b"4 0 obj\n<< /Length 999 >>\nstream\n");
        s.extend_from_slice(content);
        s.extend_from_slice(b"\nendstream\nendobj\n");
        s.extend_from_slice(
            b"xref\n0 5\nGARBAGE\ntrailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n12345\n%%EOF\n",
        );
        s
    }

    #[test]
    fn rebuilds_objects_and_trailer() {
        let rebuilt = rebuild(&minimal_pdf()).expect("objects found");
        assert_eq!(rebuilt.objects, 4);
        let doc = pdf_extract::Document::load_mem(&rebuilt.bytes).expect("rebuilt file loads");
        assert_eq!(doc.get_pages().len(), 1);
        let page = doc.get_pages()[&1];
        let content = doc.get_page_content(page).expect("content");
        assert_eq!(
            content.trim_ascii(),
            b"BT /F1 12 Tf 72 712 Td (Hello) Tj ET"
        );
    }

    #[test]
    fn finds_catalog_without_any_trailer() {
        let mut bytes = minimal_pdf();
        let cut = memmem::find(&bytes, b"xref").expect("xref");
        bytes.truncate(cut);
        let rebuilt = rebuild(&bytes).expect("objects found");
        let doc = pdf_extract::Document::load_mem(&rebuilt.bytes).expect("rebuilt file loads");
        assert_eq!(doc.get_pages().len(), 1);
    }

    #[test]
    fn object_text_inside_stream_is_not_an_object() {
        let mut s = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n".to_vec();
        s.extend_from_slice(
            b"2 0 obj\n<< /Length 20 >>\nstream\n9 0 obj (fake) endobj\nendstream\nendobj\n",
        );
        let scanned = scan_objects(&s);
        let nums: Vec<u32> = scanned.iter().map(|o| o.num).collect();
        assert_eq!(nums, vec![1, 2]);
    }

    #[test]
    fn tokenizer_survives_junk() {
        for junk in [
            &b"<<"[..],
            b"<< /A [[[[",
            b"<< /A (unterminated",
            b"<< /A >> >>",
            b"1 0 obj",
            b"obj",
        ] {
            let _ = rebuild(junk);
            let _ = dict_entries(junk, 0, 0);
        }
        let deep = [b'['; 10_000];
        assert!(value_end(&deep, 0, 0).is_none());
    }
}
