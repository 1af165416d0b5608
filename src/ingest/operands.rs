//! Operand shapes of a content stream, checked on its bytes.
//!
//! The sanitizer leaves out operators whose operands pdf-extract cannot take (see
//! [`shapes_ok`]) and gives fonts a page names but lacks a stand-in. Decoding every page
//! into lopdf objects to look was a quarter of the CPU of reading a real PDF, and on
//! almost every page there is nothing to fix. [`well_formed`] reads the bytes the way
//! lopdf's content parser does, for the token forms real content streams use, without
//! building objects: when it reads the whole stream and every operation passes, the
//! decoded stream would pass too and need no edit. Anything it does not follow exactly
//! (comments, inline images, references, a token lopdf would stop at) gives `None`, and
//! the caller decodes the stream as before.

use pdf_extract::content::Operation;
use pdf_extract::Object;

/// What an operand is, as far as the shape rules care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Number,
    Name,
    String,
    Array,
    /// A dictionary, boolean or null.
    Other,
}

fn kind_of(o: &Object) -> Kind {
    match o {
        Object::Integer(_) | Object::Real(_) => Kind::Number,
        Object::Name(_) => Kind::Name,
        Object::String(..) => Kind::String,
        Object::Array(_) => Kind::Array,
        _ => Kind::Other,
    }
}

/// Operand shapes pdf-extract relies on, by operator: N numbers, or a specific form.
pub fn shapes_ok(operator: &[u8], kinds: &[Kind]) -> bool {
    let nums = |n: usize| kinds.len() >= n && kinds[..n].iter().all(|k| *k == Kind::Number);
    let first = kinds.first().copied();
    match operator {
        b"cm" | b"Tm" | b"c" | b"d1" => nums(6),
        b"d0" => nums(2),
        b"v" | b"y" | b"re" => nums(4),
        b"m" | b"l" | b"Td" | b"TD" => nums(2),
        b"Tc" | b"Tw" | b"Tz" | b"TL" | b"Ts" | b"w" | b"Tr" => nums(1),
        b"Tf" => kinds.len() >= 2 && first == Some(Kind::Name) && kinds[1] == Kind::Number,
        b"Tj" | b"'" => first == Some(Kind::String),
        b"\"" => nums(2) && kinds.get(2) == Some(&Kind::String),
        b"TJ" => first == Some(Kind::Array),
        b"CS" | b"cs" | b"gs" | b"Do" => first == Some(Kind::Name),
        b"G" | b"g" => nums(1),
        b"RG" | b"rg" => nums(3),
        b"K" | b"k" => nums(4),
        b"SC" | b"sc" => kinds.iter().all(|k| *k == Kind::Number),
        _ => true,
    }
}

/// [`shapes_ok`] of a decoded operation.
pub fn operands_ok(op: &Operation) -> bool {
    let kinds: Vec<Kind> = op.operands.iter().map(kind_of).collect();
    shapes_ok(op.operator.as_bytes(), &kinds)
}

/// The font names of the `Tf` operators of `data`, in order, when the stream reads to its
/// end as lopdf would read it and every operation's operands have the right shapes;
/// `None` when it does not, or when the reading is not certain to be lopdf's.
pub fn well_formed(data: &[u8]) -> Option<Vec<Vec<u8>>> {
    let mut r = Reader { data, pos: 0 };
    let mut fonts = Vec::new();
    let mut kinds: Vec<Kind> = Vec::new();
    r.content_space();
    while r.pos < data.len() {
        // An operation: operands, then an operator. Comments and inline images are
        // left to lopdf.
        if r.peek() == Some(b'%') || data[r.pos..].starts_with(b"BI") {
            return None;
        }
        kinds.clear();
        let mut font: Option<Vec<u8>> = None;
        while let Some((kind, name)) = r.operand()? {
            if kinds.is_empty() {
                font = name;
            }
            kinds.push(kind);
            r.content_space();
        }
        let start = r.pos;
        while r
            .peek()
            .is_some_and(|c| c.is_ascii_alphabetic() || b"*'\"".contains(&c))
        {
            r.pos += 1;
        }
        let operator = &data[start..r.pos];
        // No operator (operands at the end, or a byte lopdf stops at): lopdf would end
        // the stream here, which is not "every operation read".
        if operator.is_empty() || !shapes_ok(operator, &kinds) {
            return None;
        }
        if operator == b"Tf" {
            fonts.push(font.take()?);
        }
        r.content_space();
    }
    Some(fonts)
}

/// Where pdf-extract's path stands after an operation: the last path piece decides
/// whether `v` (which starts at the current point) can be drawn or would panic.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PathEnd {
    Empty,
    /// Ends at a point (`m`, `l`, `c`, `v`, `y`).
    Point,
    /// Ends in a close or a rectangle (`h`, `re`).
    Other,
}

/// `data` without its path construction, painting and clipping operations and the
/// operations pdf-extract reads and does nothing with, when it reads as lopdf reads it
/// to its end and every operation's operands have the right shapes (as
/// [`well_formed`]); `None` otherwise, and where pdf-extract would panic on a path
/// operation (`v` with no current point).
///
/// pdf-extract builds paths only to hand them to `OutputDev::stroke`/`fill`, and its
/// paths live within one content stream: they change no text state, so the glyphs it
/// gives for the stream are the same without them. A scanned page drawn as vector
/// strokes is almost nothing but such operations, which pdf-extract decoded into lopdf
/// objects one by one. Device colours (`g`, `rg`, `k` and their stroking forms), line
/// style (`w`, `J`, `j`, `M`, `d`, `ri`, `i`) and marked content (`BMC`, `BDC`, `EMC`)
/// it decodes and then ignores (0.12.1: a log line, a line width nothing reads, a stack
/// nothing reads); a word processor sets a colour before every string. The operations
/// kept are copied as written, one per line.
pub fn without_paths(data: &[u8]) -> Option<Vec<u8>> {
    let mut r = Reader { data, pos: 0 };
    let mut out = Vec::with_capacity(data.len() / 2);
    let mut kinds: Vec<Kind> = Vec::new();
    let mut path = PathEnd::Empty;
    r.content_space();
    while r.pos < data.len() {
        if r.peek() == Some(b'%') || data[r.pos..].starts_with(b"BI") {
            return None;
        }
        kinds.clear();
        let start = r.pos;
        while let Some((kind, _)) = r.operand()? {
            kinds.push(kind);
            r.content_space();
        }
        let operator_start = r.pos;
        while r
            .peek()
            .is_some_and(|c| c.is_ascii_alphabetic() || b"*'\"".contains(&c))
        {
            r.pos += 1;
        }
        let operator = &data[operator_start..r.pos];
        if operator.is_empty() || !shapes_ok(operator, &kinds) {
            return None;
        }
        let keep = match operator {
            b"m" | b"l" | b"c" | b"y" => {
                path = PathEnd::Point;
                false
            }
            b"v" if path != PathEnd::Point => return None,
            b"v" => false,
            b"h" | b"re" => {
                path = PathEnd::Other;
                false
            }
            b"S" | b"F" | b"f" | b"n" => {
                path = PathEnd::Empty;
                false
            }
            b"s" | b"f*" | b"B" | b"B*" | b"b" | b"b*" | b"W" | b"W*" => false,
            // What pdf-extract does nothing with, whatever the operands (their shapes are
            // checked above all the same): device colours, line style, marked content.
            b"G" | b"g" | b"RG" | b"rg" | b"K" | b"k" => false,
            b"w" | b"J" | b"j" | b"M" | b"d" | b"ri" | b"i" => false,
            b"BMC" | b"BDC" | b"EMC" => false,
            _ => true,
        };
        if keep {
            out.extend_from_slice(&data[start..r.pos]);
            out.push(b'\n');
        }
        r.content_space();
    }
    Some(out)
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

/// Deeper nesting than this is left to lopdf (its limit is 100).
const MAX_DEPTH: usize = 32;

fn is_whitespace(c: u8) -> bool {
    b" \t\n\r\0\x0C".contains(&c)
}

fn is_regular(c: u8) -> bool {
    !is_whitespace(c) && !b"()<>[]{}/%".contains(&c)
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn rest(&self) -> &[u8] {
        &self.data[self.pos..]
    }

    /// Between operands and operators lopdf skips only space, tab, CR and LF.
    fn content_space(&mut self) {
        while self.peek().is_some_and(|c| b" \t\r\n".contains(&c)) {
            self.pos += 1;
        }
    }

    /// Inside arrays and dictionaries any PDF whitespace; a comment is left to lopdf.
    fn space(&mut self) -> Option<()> {
        while let Some(c) = self.peek() {
            if c == b'%' {
                return None;
            }
            if !is_whitespace(c) {
                break;
            }
            self.pos += 1;
        }
        Some(())
    }

    /// One operand of an operation: `Some(None)` where an operator starts, `None` where
    /// the reading is not certain. The name is given for a name operand (the `Tf` font).
    #[allow(clippy::type_complexity)]
    fn operand(&mut self) -> Option<Option<(Kind, Option<Vec<u8>>)>> {
        let Some(c) = self.peek() else {
            return Some(None);
        };
        if let Some(kind) = self.keyword_object() {
            return Some(Some((kind, None)));
        }
        if c.is_ascii_alphabetic() || b"*'\"".contains(&c) {
            return Some(None);
        }
        if c == b'/' {
            let name = self.name()?;
            return Some(Some((Kind::Name, Some(name))));
        }
        self.object(MAX_DEPTH).map(|k| Some((k, None)))
    }

    /// `null`, `true` and `false`, which lopdf tries before anything else (as prefixes).
    fn keyword_object(&mut self) -> Option<Kind> {
        for word in [&b"null"[..], b"true", b"false"] {
            if self.rest().starts_with(word) {
                self.pos += word.len();
                return Some(Kind::Other);
            }
        }
        None
    }

    /// A number, string, array or dictionary (names and keywords are read by the
    /// callers, which treat them differently).
    fn object(&mut self, depth: usize) -> Option<Kind> {
        match self.peek()? {
            b'0'..=b'9' | b'+' | b'-' | b'.' => self.number(),
            b'(' => self.literal_string(),
            b'<' if self.rest().starts_with(b"<<") => self.dictionary(depth),
            b'<' => self.hex_string(),
            b'[' => self.array(depth),
            _ => None,
        }
    }

    /// lopdf's real (`[+-]? (digits "." digits? | "." digits)`), else its integer
    /// (`[+-]? digits`, as i64: more than 18 digits is left to lopdf).
    fn number(&mut self) -> Option<Kind> {
        let start = self.pos;
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.pos += 1;
        }
        let digits = |r: &mut Self| {
            let s = r.pos;
            while r.peek().is_some_and(|c| c.is_ascii_digit()) {
                r.pos += 1;
            }
            r.pos - s
        };
        let whole = digits(self);
        if self.peek() == Some(b'.') {
            self.pos += 1;
            let fraction = digits(self);
            if whole == 0 && fraction == 0 {
                self.pos = start;
                return None;
            }
            return Some(Kind::Number);
        }
        if whole == 0 || whole > 18 {
            self.pos = start;
            return None;
        }
        Some(Kind::Number)
    }

    /// `/Name` with `#xx` escapes decoded; a `#` without two hex digits is left to lopdf.
    fn name(&mut self) -> Option<Vec<u8>> {
        self.pos += 1;
        let mut out = Vec::new();
        while let Some(c) = self.peek() {
            if c == b'#' {
                let hex = self.data.get(self.pos + 1..self.pos + 3)?;
                let s = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(s, 16).ok()?);
                self.pos += 3;
            } else if is_regular(c) {
                out.push(c);
                self.pos += 1;
            } else {
                break;
            }
        }
        Some(out)
    }

    /// `( … )` with balanced parentheses and backslash escapes.
    fn literal_string(&mut self) -> Option<Kind> {
        let mut depth = 0usize;
        loop {
            match self.peek()? {
                b'\\' => {
                    self.data.get(self.pos + 1)?;
                    self.pos += 2;
                    continue;
                }
                b'(' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return None;
                    }
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        self.pos += 1;
                        return Some(Kind::String);
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
    }

    /// `< hex digits and whitespace >`.
    fn hex_string(&mut self) -> Option<Kind> {
        self.pos += 1;
        loop {
            let c = self.peek()?;
            if c == b'>' {
                self.pos += 1;
                return Some(Kind::String);
            }
            if !(c.is_ascii_hexdigit() || is_whitespace(c)) {
                return None;
            }
            self.pos += 1;
        }
    }

    /// An element of an array or a dictionary value: an object followed by whitespace.
    fn element(&mut self, depth: usize) -> Option<()> {
        if self.keyword_object().is_none() {
            match self.peek()? {
                b'/' => {
                    self.name()?;
                }
                _ => {
                    self.object(depth)?;
                }
            }
        }
        // What follows must start another element or close: anything regular here
        // (e.g. the `R` of a reference) is left to lopdf.
        self.space()?;
        match self.peek()? {
            c if is_regular(c) && !(c.is_ascii_digit() || b"+-.ntf".contains(&c)) => None,
            _ => Some(()),
        }
    }

    fn array(&mut self, depth: usize) -> Option<Kind> {
        let depth = depth.checked_sub(1)?;
        self.pos += 1;
        self.space()?;
        while self.peek()? != b']' {
            self.element(depth)?;
        }
        self.pos += 1;
        Some(Kind::Array)
    }

    fn dictionary(&mut self, depth: usize) -> Option<Kind> {
        let depth = depth.checked_sub(1)?;
        self.pos += 2;
        self.space()?;
        while !self.rest().starts_with(b">>") {
            if self.peek()? != b'/' {
                return None;
            }
            self.name()?;
            self.space()?;
            self.element(depth)?;
        }
        self.pos += 2;
        Some(Kind::Other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pdf_extract::content::Content;

    /// What the decoding path concludes: `Some(Tf names)` when lopdf reads operations
    /// that all have the right shapes, `None` otherwise.
    fn by_decoding(data: &[u8]) -> Option<Vec<Vec<u8>>> {
        let content = Content::decode(data).ok()?;
        if !content.operations.iter().all(operands_ok) {
            return None;
        }
        Some(
            content
                .operations
                .iter()
                .filter(|op| op.operator == "Tf")
                .filter_map(|op| op.operands.first()?.as_name().ok().map(<[u8]>::to_vec))
                .collect(),
        )
    }

    /// Whenever the byte reading says "well formed", decoding says the same with the same
    /// fonts; it may decline (None) where decoding would pass, never the reverse.
    fn agrees(data: &[u8]) {
        if let Some(kept) = without_paths(data) {
            assert_eq!(
                by_decoding(&kept).map(|_| non_path_ops(&kept)),
                by_decoding(data).map(|_| non_path_ops(data)),
                "{:?}",
                String::from_utf8_lossy(data)
            );
        }
        if let Some(fonts) = well_formed(data) {
            assert_eq!(
                by_decoding(data),
                Some(fonts),
                "{:?}",
                String::from_utf8_lossy(data)
            );
        }
    }

    /// Path operations and the operations pdf-extract ignores.
    const PATH_OPS: [&str; 35] = [
        "m", "l", "c", "v", "y", "h", "re", "S", "s", "F", "f", "f*", "B", "B*", "b", "b*", "n",
        "W", "W*", "G", "g", "RG", "rg", "K", "k", "w", "J", "j", "M", "d", "ri", "i", "BMC",
        "BDC", "EMC",
    ];

    /// The operations lopdf decodes, path operations left out.
    fn non_path_ops(data: &[u8]) -> Vec<String> {
        Content::decode(data)
            .map(|c| c.operations)
            .unwrap_or_default()
            .iter()
            .filter(|op| !PATH_OPS.contains(&op.operator.as_str()))
            .map(|op| format!("{op:?}"))
            .collect()
    }

    #[test]
    fn path_operations_are_left_out_and_the_rest_kept_as_decoded() {
        let data = b"q 0.5 g 0 0 10 10 re f 1 0 0 RG .5 -.25 m 3. 4 l 1 2 3 4 v S\nBT /F1 12 Tf(x)Tj ET W n Q";
        let kept = without_paths(data).expect("reads with certainty");
        assert_eq!(
            String::from_utf8_lossy(&kept),
            "q\nBT\n/F1 12 Tf\n(x)Tj\nET\nQ\n"
        );
        let data = b"/Span<</ActualText(a)>>BDC 2 w 1 J 0 j [3 1] 0 d BT /F1 12 Tf 0 0 0 rg [<0041> -2 (b)]TJ ET EMC /P BMC 0.2 0 0 0.1 k EMC";
        let kept = without_paths(data).expect("reads with certainty");
        assert_eq!(
            String::from_utf8_lossy(&kept),
            "BT\n/F1 12 Tf\n[<0041> -2 (b)]TJ\nET\n"
        );
        assert_eq!(non_path_ops(&kept), non_path_ops(data));
        // Shapes are checked on the operations left out too.
        assert_eq!(without_paths(b"/a rg BT ET"), None);
        assert_eq!(non_path_ops(&kept), non_path_ops(data));
        // `v` with no current point makes pdf-extract panic: left as it is.
        assert_eq!(without_paths(b"1 2 3 4 v S"), None);
        assert_eq!(without_paths(b"0 0 5 5 re 1 2 3 4 v S"), None);
        assert_eq!(without_paths(b"(x) Tj % c\n"), None);
    }

    #[test]
    fn common_streams_are_read_without_decoding() {
        let cases: &[&[u8]] = &[
            b"BT /F1 12 Tf 72 712 Td (Hello) Tj ET",
            b"q 1 0 0 1 0 0 cm /Im1 Do Q",
            b"BT /F2 9.5 Tf [(A) -120 (B) 3.5 <0041>] TJ T* (x) ' 1 2 (y) \" ET",
            b"/P <</MCID 0 /Lang (sv-SE)>> BDC BT /T1_0 1 Tf ET EMC",
            b"0.5 g 0 0 10 10 re f 1 0 0 RG .5 -.25 m 3. 4 l S",
            b"/CS0 cs 0.1 0.2 0.3 sc /GS1 gs /F#20x 8 Tf",
        ];
        for data in cases {
            assert!(
                well_formed(data).is_some(),
                "{}",
                String::from_utf8_lossy(data)
            );
            agrees(data);
        }
        assert_eq!(
            well_formed(b"BT /F1 12 Tf /F#41 8 Tf ET"),
            Some(vec![b"F1".to_vec(), b"FA".to_vec()])
        );
    }

    #[test]
    fn what_needs_a_fix_or_is_uncertain_is_left_to_decoding() {
        let cases: &[&[u8]] = &[
            b"BT /F1 Tf (x) Tj ET",        // Tf without a size
            b"BT 12 /F1 Tf ET",            // operands swapped
            b"1 0 0 cm",                   // too few numbers
            b"(x) Tj % a comment\n(y) Tj", // comments stop lopdf
            b"BI /W 1 /H 1 ID \x00 EI",    // inline image
            b"[1 0 R] TJ",                 // a reference in an array
            b"1 2 \x0c 3 4 re",            // form feed between operands
            b"(unbalanced Tj",             // string to the end
            b"1 2",                        // operands without an operator
            b"99999999999999999999 w",     // integer beyond i64
            b"- 5 w",                      // a lone sign
            b"/F#4 8 Tf",                  // a broken name escape
        ];
        for data in cases {
            assert_eq!(well_formed(data), None, "{}", String::from_utf8_lossy(data));
        }
    }

    /// Every stream made by cutting and splicing the common ones at every byte: the byte
    /// reading never says "well formed" where decoding would not agree.
    #[test]
    fn byte_reading_agrees_with_decoding_on_mutated_streams() {
        let base: &[u8] = b"q BT /F1 12 Tf 72 712 Td [(A\\)b) -120 <00 41>] TJ (x) ' 0.5 g /P <</MCID 0>> BDC 1 2 3 4 re f EMC ET Q";
        let alphabet: &[u8] = b" \t\r\n\x0c\x00()<>[]{}/%#\\+-.0123456789aAfFnRTtjdmul*'\"";
        for i in 0..base.len() {
            agrees(&base[..i]);
            agrees(&base[i..]);
            for &c in alphabet {
                let mut m = base.to_vec();
                m[i] = c;
                agrees(&m);
                let mut ins = base.to_vec();
                ins.insert(i, c);
                agrees(&ins);
            }
        }
    }
}
