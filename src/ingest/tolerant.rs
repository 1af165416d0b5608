//! Content streams that lopdf's parser stops in, made readable the way poppler reads them.
//!
//! lopdf reads a content stream operation by operation and silently ends it at the first
//! token it cannot take, so everything drawn after that point is lost without a word.
//! One such token is an operator written inside an array, e.g. `[(Grandes) 0.0 Tc -250
//! (Clientèles)] TJ`: poppler's parser keeps the operator as an element of the array and
//! its `TJ` skips every element that is neither a string nor a number ("Element of
//! show/space array must be number or string"), so the text is shown and the operator has
//! no effect. [`drop_operators_in_arrays`] gives lopdf the same stream without those
//! elements.

/// PDF whitespace.
fn is_white(c: u8) -> bool {
    b" \t\n\r\0\x0C".contains(&c)
}

fn is_delimiter(c: u8) -> bool {
    b"()<>[]{}/%".contains(&c)
}

/// The stream with every keyword inside an array (other than `true`, `false` and
/// `null`) replaced by spaces; `None` when there is none, or when the stream holds
/// something this scan does not follow with certainty (an inline image, an unbalanced
/// string or array).
pub(super) fn drop_operators_in_arrays(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = data.to_vec();
    let mut depth = 0usize;
    let mut changed = false;
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        match c {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'(' => i = literal_string_end(data, i)?,
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                i += memchr::memchr(b'>', &data[i..])? + 1;
            }
            b'[' => {
                depth += 1;
                i += 1;
            }
            b']' => {
                depth = depth.checked_sub(1)?;
                i += 1;
            }
            b'/' => {
                i += 1;
                while i < data.len() && !is_white(data[i]) && !is_delimiter(data[i]) {
                    i += 1;
                }
            }
            c if is_white(c) || is_delimiter(c) => i += 1,
            _ => {
                let start = i;
                while i < data.len() && !is_white(data[i]) && !is_delimiter(data[i]) {
                    i += 1;
                }
                let token = &data[start..i];
                let keyword = token[0].is_ascii_alphabetic() || b"*'\"".contains(&token[0]);
                if keyword && matches!(token, b"BI" | b"ID" | b"EI") {
                    return None;
                }
                if depth > 0 && keyword && !matches!(token, b"true" | b"false" | b"null") {
                    out[start..i].fill(b' ');
                    changed = true;
                }
            }
        }
    }
    (changed && depth == 0).then_some(out)
}

/// Where the literal string opening at `data[start]` (a `(`) ends: the index after its
/// closing `)`, parentheses balanced and backslash escapes skipped; `None` when the data
/// ends first.
pub(super) fn literal_string_end(data: &[u8], start: usize) -> Option<usize> {
    let mut level = 0usize;
    let mut i = start;
    loop {
        match *data.get(i)? {
            b'\\' => i += 1,
            b'(' => level += 1,
            b')' => {
                level -= 1;
                if level == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_inside_a_tj_array_are_left_out() {
        let data = b"BT /F1 10 Tf [(Grandes) 0.0 Tc\n-250.0 (Client\\350les) 0 Tc] TJ ET";
        let fixed = drop_operators_in_arrays(data).expect("fixed");
        assert_eq!(
            fixed,
            b"BT /F1 10 Tf [(Grandes) 0.0   \n-250.0 (Client\\350les) 0   ] TJ ET".to_vec()
        );
    }

    #[test]
    fn strings_names_and_plain_streams_are_kept() {
        assert_eq!(drop_operators_in_arrays(b"BT [(a Tc) -5 (b)] TJ ET"), None);
        assert_eq!(drop_operators_in_arrays(b"[/Tc true null] 0 d"), None);
        assert_eq!(drop_operators_in_arrays(b"[(a) Tc"), None);
        assert_eq!(drop_operators_in_arrays(b"BI /W 1 ID [x] EI"), None);
    }
}
