//! Content-stream fixes applied before pdf-extract reads a page, for text it would
//! otherwise lose (measured on pdf-extract 0.12.1):
//! - the `'` and `"` text operators are ignored: rewritten as `T*` + `Tj` (with `Tw`,
//!   `Tc` for `"`), which it does read;
//! - a form XObject's `/Matrix` is ignored, so its text lands in the wrong place: the
//!   matrix is prepended to the form's content as a `cm` and the `Do` wrapped in `q … Q`
//!   so the matrix does not leak into the rest of the page;
//! - a form that draws itself (directly or through other forms) overflows the stack:
//!   such `Do`s are dropped;
//! - a form is drawn with the identity as its transformation, whatever `cm` was in force
//!   at its `Do`: a form called under another transformation is drawn as a copy whose
//!   content starts with it (one copy per form and transformation);
//! - lopdf's content parser stops at a comment followed by an indented line, so the
//!   rest of the page was lost: comments are blanked out.
//!
//! A cheap byte scan decides whether a stream needs any of this; only those streams are
//! decoded and re-encoded.

use pdf_extract::content::{Content, Operation};
use pdf_extract::{Dictionary, Document, Object, ObjectId};
use std::collections::{HashMap, HashSet};

/// What was changed, for the read report.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Fixes {
    /// Pages whose `'`/`"` operators were rewritten.
    pub quote_pages: Vec<u32>,
    /// Form XObjects whose matrix was applied.
    pub forms_positioned: usize,
    /// `Do` operators dropped because the form would draw itself.
    pub cycles_cut: usize,
}

/// The regular-character tokens of a content stream, skipping strings, comments and
/// inline image data, each given to `hit` (the scan stops at the first for which it says
/// `true`), and where each comment starts and ends, given to `comment`.
fn scan(
    data: &[u8],
    mut hit: impl FnMut(&[u8]) -> bool,
    mut comment: impl FnMut(usize, usize),
) -> bool {
    let is_white = |b: u8| matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | 0);
    let is_delim = |b: u8| {
        matches!(
            b,
            b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
        )
    };
    let mut i = 0;
    let n = data.len();
    while i < n {
        let b = data[i];
        if is_white(b) {
            i += 1;
        } else if b == b'%' {
            let start = i;
            while i < n && data[i] != b'\n' && data[i] != b'\r' {
                i += 1;
            }
            comment(start, i);
        } else if b == b'(' {
            let mut depth = 0usize;
            while i < n {
                match data[i] {
                    b'\\' => i += 1,
                    b'(' => depth += 1,
                    b')' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            i += 1;
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        } else if b == b'<' && data.get(i + 1) != Some(&b'<') {
            while i < n && data[i] != b'>' {
                i += 1;
            }
            i += 1;
        } else if b == b'/' {
            // A name: its characters are not an operator.
            i += 1;
            while i < n && !is_white(data[i]) && !is_delim(data[i]) {
                i += 1;
            }
        } else if is_delim(b) {
            i += 1;
        } else {
            let start = i;
            while i < n && !is_white(data[i]) && !is_delim(data[i]) {
                i += 1;
            }
            let token = &data[start..i];
            if token == b"ID" {
                // Inline image data: binary up to whitespace + "EI".
                while i + 2 < n && !(is_white(data[i]) && &data[i + 1..i + 3] == b"EI") {
                    i += 1;
                }
                i += 3;
                continue;
            }
            if hit(token) {
                return true;
            }
        }
    }
    false
}

/// What one pass over a content stream finds: its comments and whether it uses the
/// quote operators or `Do`. The stream used to be scanned three times (comments, then
/// quotes and `Do` on the stream with its comments blanked out); blanking a comment
/// turns it into whitespace, which the scanner skips the way it skips the comment, so
/// the tokens and the answers are the same.
#[derive(Debug, Default)]
struct Survey {
    comments: Vec<(usize, usize)>,
    quotes: bool,
    calls: bool,
}

fn survey(data: &[u8]) -> Survey {
    let mut found = Survey::default();
    let (mut quotes, mut calls) = (false, false);
    scan(
        data,
        |t| {
            if t == b"Do" {
                calls = true;
            } else if t == b"'" || t == b"\"" {
                quotes = true;
            }
            false
        },
        |a, b| found.comments.push((a, b)),
    );
    found.quotes = quotes;
    found.calls = calls;
    found
}

/// The content with its comments blanked out (lopdf's content parser stops at a comment,
/// "2 Tr % fill then stroke", and returns the operations before it as if they were all:
/// what follows would be lost).
fn blank(mut data: Vec<u8>, comments: &[(usize, usize)]) -> Vec<u8> {
    for &(a, b) in comments {
        data[a..b].fill(b' ');
    }
    data
}

/// A content stream surveyed once and its comments blanked: what the fixes need.
struct Surveyed {
    data: Vec<u8>,
    quotes: bool,
    calls: bool,
    commented: bool,
}

fn surveyed(data: Vec<u8>) -> Surveyed {
    let Survey {
        comments,
        quotes,
        calls,
    } = survey(&data);
    Surveyed {
        commented: !comments.is_empty(),
        data: blank(data, &comments),
        quotes,
        calls,
    }
}

fn op(name: &str, operands: Vec<Object>) -> Operation {
    Operation::new(name, operands)
}

/// `'` and `"` as the operators pdf-extract reads.
fn rewrite_quotes(ops: Vec<Operation>) -> Vec<Operation> {
    let mut out = Vec::with_capacity(ops.len());
    for o in ops {
        match (o.operator.as_str(), o.operands.as_slice()) {
            ("'", [s]) => {
                out.push(op("T*", vec![]));
                out.push(op("Tj", vec![s.clone()]));
            }
            ("\"", [aw, ac, s]) => {
                out.push(op("Tw", vec![aw.clone()]));
                out.push(op("Tc", vec![ac.clone()]));
                out.push(op("T*", vec![]));
                out.push(op("Tj", vec![s.clone()]));
            }
            _ => out.push(o),
        }
    }
    out
}

/// Follows a reference to the object it names.
fn resolve<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    match o {
        Object::Reference(id) => doc.get_object(*id).ok(),
        o => Some(o),
    }
}

/// The form XObjects a resource dictionary names: name → object id.
fn forms_of(doc: &Document, resources: Option<&Dictionary>) -> HashMap<Vec<u8>, ObjectId> {
    let mut out = HashMap::new();
    let Some(xobjects) = resources
        .and_then(|r| r.get(b"XObject").ok())
        .and_then(|o| resolve(doc, o))
        .and_then(|o| o.as_dict().ok())
    else {
        return out;
    };
    for (name, obj) in xobjects.iter() {
        let Object::Reference(id) = obj else { continue };
        let is_form = doc
            .get_object(*id)
            .and_then(Object::as_stream)
            .is_ok_and(|s| {
                s.dict
                    .get(b"Subtype")
                    .and_then(Object::as_name)
                    .is_ok_and(|n| n == b"Form")
            });
        if is_form {
            out.insert(name.clone(), *id);
        }
    }
    out
}

/// Resources a page uses, following /Parent a bounded number of times.
fn page_resources(doc: &Document, page: ObjectId) -> Option<&Dictionary> {
    let mut dict = doc.get_dictionary(page).ok();
    for _ in 0..32 {
        let d = dict?;
        if let Some(r) = d.get(b"Resources").ok().and_then(|o| resolve(doc, o)) {
            return r.as_dict().ok();
        }
        dict = d
            .get(b"Parent")
            .and_then(Object::as_reference)
            .and_then(|id| doc.get_dictionary(id))
            .ok();
    }
    None
}

/// A transformation matrix `[a b c d e f]` as `cm` writes it.
type Matrix = [f64; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` concatenated to `ctm` as `m cm` does: m × ctm.
fn concat(m: &Matrix, ctm: &Matrix) -> Matrix {
    [
        m[0] * ctm[0] + m[1] * ctm[2],
        m[0] * ctm[1] + m[1] * ctm[3],
        m[2] * ctm[0] + m[3] * ctm[2],
        m[2] * ctm[1] + m[3] * ctm[3],
        m[4] * ctm[0] + m[5] * ctm[2] + ctm[4],
        m[4] * ctm[1] + m[5] * ctm[3] + ctm[5],
    ]
}

/// The six numbers of a `cm` (or a /Matrix), when they are six finite numbers.
fn matrix_of(operands: &[Object]) -> Option<Matrix> {
    if operands.len() != 6 {
        return None;
    }
    let mut m = [0.0; 6];
    for (v, o) in m.iter_mut().zip(operands) {
        *v = match o {
            Object::Integer(i) => *i as f64,
            Object::Real(r) => f64::from(*r),
            _ => return None,
        };
    }
    m.iter().all(|v| v.is_finite()).then_some(m)
}

fn matrix_operands(m: &Matrix) -> Vec<Object> {
    m.iter().map(|v| Object::Real(*v as f32)).collect()
}

/// A form drawn under a transformation that is not the identity, to be drawn as a copy
/// whose content starts with that transformation.
struct Placement {
    /// Index of the `Do` in the operations.
    at: usize,
    form: ObjectId,
    ctm: Matrix,
}

/// Wraps each form `Do` in `q … Q`, dropping those that would recurse into a form on
/// `stack`. Returns the new operations, how many were dropped, the forms called under
/// the identity and the calls made under another transformation (the matrix the
/// content's `cm`s set up at that `Do`, which pdf-extract forgets inside the form).
fn wrap_form_calls(
    ops: Vec<Operation>,
    forms: &HashMap<Vec<u8>, ObjectId>,
    stack: &[ObjectId],
) -> (Vec<Operation>, usize, Vec<ObjectId>, Vec<Placement>) {
    let mut out = Vec::with_capacity(ops.len() + 4);
    let mut cut = 0;
    let mut called = Vec::new();
    let mut placed = Vec::new();
    let mut ctm = IDENTITY;
    let mut saved: Vec<Matrix> = Vec::new();
    for o in ops {
        match o.operator.as_str() {
            "q" => saved.push(ctm),
            "Q" => ctm = saved.pop().unwrap_or(ctm),
            "cm" => {
                if let Some(m) = matrix_of(&o.operands) {
                    ctm = concat(&m, &ctm);
                }
            }
            _ => {}
        }
        let target = (o.operator == "Do")
            .then(|| o.operands.first().and_then(|n| n.as_name().ok()))
            .flatten()
            .and_then(|name| forms.get(name).copied());
        match target {
            Some(id) if stack.contains(&id) => cut += 1,
            Some(id) => {
                out.push(op("q", vec![]));
                if ctm == IDENTITY || !ctm.iter().all(|v| v.is_finite()) {
                    called.push(id);
                } else {
                    placed.push(Placement {
                        at: out.len(),
                        form: id,
                        ctm,
                    });
                }
                out.push(o);
                out.push(op("Q", vec![]));
            }
            None => out.push(o),
        }
    }
    (out, cut, called, placed)
}

/// Copies of forms made for one document, and how many more it may get.
struct Copies {
    made: HashMap<(ObjectId, [u32; 6]), (Vec<u8>, ObjectId)>,
    /// Bytes of content still allowed in copies: a document that draws large forms at
    /// thousands of places keeps the old behaviour beyond it.
    budget: usize,
}

impl Default for Copies {
    fn default() -> Self {
        Copies {
            made: HashMap::new(),
            budget: 64 << 20,
        }
    }
}

/// The copy of `form` drawn under `ctm`: its content starts with `ctm` (then its own
/// /Matrix), as pdf-extract starts every form's content with the identity. Returns the
/// name to call it by and its id; `None` when the form cannot be copied.
fn placed_copy(
    doc: &mut Document,
    form: ObjectId,
    ctm: &Matrix,
    copies: &mut Copies,
) -> Option<(Vec<u8>, ObjectId)> {
    let key = (form, ctm.map(|v| (v as f32).to_bits()));
    if let Some(made) = copies.made.get(&key) {
        return Some(made.clone());
    }
    let stream = doc.get_object(form).and_then(Object::as_stream).ok()?;
    let data = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    if data.len() > copies.budget {
        return None;
    }
    copies.budget -= data.len();
    let mut dict = stream.dict.clone();
    let matrix = dict
        .get(b"Matrix")
        .and_then(Object::as_array)
        .ok()
        .and_then(|m| matrix_of(m));
    dict.remove(b"Matrix");
    dict.remove(b"Filter");
    dict.remove(b"DecodeParms");
    dict.remove(b"Length");
    let mut prefix = vec![op("cm", matrix_operands(ctm))];
    if let Some(m) = matrix.filter(|m| *m != IDENTITY) {
        prefix.push(op("cm", matrix_operands(&m)));
    }
    let mut bytes = (Content { operations: prefix }).encode().ok()?;
    bytes.push(b'\n');
    bytes.extend_from_slice(&data);
    let id = doc.add_object(Object::Stream(pdf_extract::Stream::new(dict, bytes)));
    let name = format!("JusteraPlaced{}_{}", id.0, id.1).into_bytes();
    copies.made.insert(key, (name.clone(), id));
    Some((name, id))
}

/// Resolves the calls made under a transformation: each `Do` is pointed at a copy of its
/// form that starts with the transformation, and the copies' names are returned for the
/// caller's resources. Calls whose form cannot be copied stay as they are.
fn place_calls(
    doc: &mut Document,
    ops: &mut [Operation],
    placed: Vec<Placement>,
    called: &mut Vec<ObjectId>,
    copies: &mut Copies,
) -> Vec<(Vec<u8>, ObjectId)> {
    let mut names = Vec::new();
    for p in placed {
        match placed_copy(doc, p.form, &p.ctm, copies) {
            Some((name, id)) => {
                if let Some(o) = ops.get_mut(p.at) {
                    o.operands = vec![Object::Name(name.clone())];
                }
                called.push(id);
                names.push((name, id));
            }
            None => called.push(p.form),
        }
    }
    names
}

/// Adds XObject names to the resources `holder` (a page or a form) draws with, writing
/// them into the holder itself (a copy of inherited or shared resources, so no other
/// page or form changes).
fn add_xobjects(
    doc: &mut Document,
    holder: ObjectId,
    is_page: bool,
    names: &[(Vec<u8>, ObjectId)],
) {
    if names.is_empty() {
        return;
    }
    let own = match doc.get_object(holder) {
        Ok(Object::Stream(s)) => s.dict.get(b"Resources").ok(),
        Ok(Object::Dictionary(d)) => d.get(b"Resources").ok(),
        _ => None,
    }
    .and_then(|r| resolve(doc, r))
    .and_then(|r| r.as_dict().ok());
    let resources = if is_page {
        page_resources(doc, holder)
    } else {
        own
    };
    let mut resources = resources.cloned().unwrap_or_default();
    let mut xobjects = resources
        .get(b"XObject")
        .ok()
        .and_then(|o| resolve(doc, o))
        .and_then(|o| o.as_dict().ok())
        .cloned()
        .unwrap_or_default();
    for (name, id) in names {
        xobjects.set(name.clone(), Object::Reference(*id));
    }
    resources.set("XObject", Object::Dictionary(xobjects));
    match doc.get_object_mut(holder) {
        Ok(Object::Stream(s)) => s.dict.set("Resources", Object::Dictionary(resources)),
        Ok(Object::Dictionary(d)) => d.set("Resources", Object::Dictionary(resources)),
        _ => {}
    }
}

/// Replaces a page's content by one new stream. (lopdf's `change_page_content` leaves a
/// page alone whose /Contents refers to an array of streams.)
fn set_page_content(doc: &mut Document, page: ObjectId, bytes: Vec<u8>) -> bool {
    if doc.get_dictionary(page).is_err() {
        return false;
    }
    let id = doc.add_object(Object::Stream(pdf_extract::Stream::new(
        Dictionary::new(),
        bytes,
    )));
    match doc.get_object_mut(page) {
        Ok(Object::Dictionary(d)) => {
            d.set("Contents", Object::Reference(id));
            true
        }
        _ => false,
    }
}

/// Applies the fixes to every page before extraction. Never fails: a stream that
/// cannot be decoded is left as it is (pdf-extract will report it on that page).
pub fn prepare(doc: &mut Document) -> Fixes {
    let mut fixes = Fixes::default();
    let pages: Vec<(u32, ObjectId)> = doc.get_pages().into_iter().collect();
    let mut done_forms: HashSet<ObjectId> = HashSet::new();
    let mut copies = Copies::default();
    for (number, page_id) in pages {
        let Ok(data) = doc.get_page_content(page_id) else {
            continue;
        };
        let Surveyed {
            data,
            quotes,
            calls,
            commented,
        } = surveyed(data);
        if !quotes && !calls && !commented {
            continue;
        }
        let forms = forms_of(doc, page_resources(doc, page_id));
        if !quotes && !commented && forms.is_empty() {
            continue;
        }
        let Ok(content) = Content::decode(&data) else {
            continue;
        };
        let mut ops = content.operations;
        if quotes {
            ops = rewrite_quotes(ops);
            fixes.quote_pages.push(number);
        }
        let (mut ops, cut, mut called, placed) = wrap_form_calls(ops, &forms, &[]);
        fixes.cycles_cut += cut;
        let names = place_calls(doc, &mut ops, placed, &mut called, &mut copies);
        if let Ok(bytes) = (Content { operations: ops }).encode() {
            if set_page_content(doc, page_id, bytes) {
                add_xobjects(doc, page_id, true, &names);
            }
        }
        let mut forms = forms;
        forms.extend(names);
        for form in called {
            fix_form(
                doc,
                form,
                &forms,
                &mut vec![],
                &mut done_forms,
                &mut copies,
                &mut fixes,
            );
        }
    }
    fixes
}

/// Positions a form's content by its /Matrix and fixes the forms it calls in turn;
/// `stack` holds the forms being drawn, so a call back into one of them is cut.
fn fix_form(
    doc: &mut Document,
    id: ObjectId,
    inherited: &HashMap<Vec<u8>, ObjectId>,
    stack: &mut Vec<ObjectId>,
    done: &mut HashSet<ObjectId>,
    copies: &mut Copies,
    fixes: &mut Fixes,
) {
    if stack.len() > 16 || !done.insert(id) {
        return;
    }
    let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
        return;
    };
    let data = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    let Surveyed {
        data,
        quotes,
        calls,
        commented,
    } = surveyed(data);
    let matrix: Option<Vec<Object>> = stream
        .dict
        .get(b"Matrix")
        .and_then(Object::as_array)
        .ok()
        .filter(|m| m.len() == 6)
        .cloned();
    let identity = matrix.as_ref().is_none_or(|m| {
        let v: Vec<f32> = m.iter().filter_map(|o| o.as_float().ok()).collect();
        v == [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    });
    let own_resources = stream
        .dict
        .get(b"Resources")
        .ok()
        .and_then(|o| resolve(doc, o))
        .and_then(|o| o.as_dict().ok());
    // A form without resources of its own draws with its caller's.
    let mut forms = match own_resources {
        Some(r) => forms_of(doc, Some(r)),
        None => inherited.clone(),
    };
    let calls = !forms.is_empty() && calls;
    if identity && !quotes && !calls && !commented {
        return;
    }
    let Ok(content) = Content::decode(&data) else {
        return;
    };
    let mut ops = content.operations;
    if quotes {
        ops = rewrite_quotes(ops);
    }
    // The form's own /Matrix first, so the forms it calls are placed under it too.
    if let (false, Some(m)) = (identity, matrix) {
        ops.insert(0, op("cm", m));
        fixes.forms_positioned += 1;
    }
    stack.push(id);
    let (mut ops, cut, mut called, mut placed) = wrap_form_calls(ops, &forms, stack);
    fixes.cycles_cut += cut;
    if own_resources.is_none() {
        // Its names are its caller's: no copy can be named here.
        called.extend(placed.drain(..).map(|p| p.form));
    }
    let names = place_calls(doc, &mut ops, placed, &mut called, copies);
    if let Ok(bytes) = (Content { operations: ops }).encode() {
        if let Ok(Object::Stream(s)) = doc.get_object_mut(id) {
            s.set_plain_content(bytes);
        }
        add_xobjects(doc, id, false, &names);
    }
    forms.extend(names);
    for form in called {
        fix_form(doc, form, &forms, stack, done, copies, fixes);
    }
    stack.pop();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_quote_operators_but_not_quotes_in_strings() {
        let quotes = |data: &[u8]| survey(data).quotes;
        assert!(quotes(b"BT /F1 12 Tf (Hello) ' ET"));
        assert!(quotes(b"BT 1 2 (x)\" ET"));
        assert!(!quotes(b"BT (it's \"quoted\") Tj ET"));
        assert!(!quotes(b"% it's a comment\nBT (a) Tj ET"));
        assert!(!quotes(b"BI /W 1 ID ' \" EI Q"));
    }

    #[test]
    fn one_survey_finds_what_the_separate_scans_found() {
        let data = b"q 1 0 0 1 0 0 cm % a comment with ' and Do\n/Im1 Do%x\nBT (a%b) Tj ' ET";
        let s = survey(data);
        assert_eq!(s.comments.len(), 2);
        assert!(s.quotes && s.calls);
        let blanked = blank(data.to_vec(), &s.comments);
        let again = survey(&blanked);
        assert!(again.comments.is_empty());
        assert_eq!((again.quotes, again.calls), (true, true));
        assert_eq!(blanked.len(), data.len());
        assert!(!survey(b"% Do '\nBT (Do ') Tj ET").calls);
    }

    #[test]
    fn quote_operators_become_next_line_and_show() {
        let ops = vec![op("'", vec![Object::string_literal("a")])];
        let names: Vec<String> = rewrite_quotes(ops)
            .into_iter()
            .map(|o| o.operator)
            .collect();
        assert_eq!(names, ["T*", "Tj"]);
    }
}
