//! Dictionary keys that are not names, left out as poppler leaves them out.
//!
//! A name with a space in it (`/BaseFont /AASGAA+Arial,Unicode MS`) leaves a bare word
//! where the next key should be. lopdf then fails the whole object — a font, and with it
//! every glyph drawn in it — while poppler reports "Dictionary key must be a name
//! object", skips the token and reads on. [`blank_bad_keys`] overwrites such tokens with
//! spaces in the objects that failed to load; the file keeps its length, so its
//! cross-reference offsets stay right and it can be loaded again as it is.

fn is_white(c: u8) -> bool {
    b" \t\n\r\0\x0C".contains(&c)
}

fn is_delimiter(c: u8) -> bool {
    b"()<>[]{}/%".contains(&c)
}

/// What the scan expects next inside a dictionary.
#[derive(Clone, Copy, PartialEq)]
enum Slot {
    Key,
    Value,
}

/// One object's bytes from `start` (its `N G obj` line) to its `endobj` or `stream`:
/// bare words in a key position are blanked in `out`. Returns how many.
fn blank_object(data: &[u8], start: usize, out: &mut [u8]) -> usize {
    // Containers open at this point: Some(slot) for a dictionary, None for an array.
    let mut stack: Vec<Option<Slot>> = Vec::new();
    let mut blanked = 0;
    let mut i = start;
    // Numbers seen in a value position, to recognise `n g R` as one value.
    let mut pending_numbers = 0usize;
    let value_done = |stack: &mut Vec<Option<Slot>>| {
        if let Some(Some(slot)) = stack.last_mut() {
            *slot = Slot::Key;
        }
    };
    while i < data.len() {
        let c = data[i];
        let at_key = matches!(stack.last(), Some(Some(Slot::Key)));
        match c {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            c if is_white(c) => i += 1,
            b'<' if data.get(i + 1) == Some(&b'<') => {
                if let Some(Some(slot)) = stack.last_mut() {
                    *slot = Slot::Value;
                }
                stack.push(Some(Slot::Key));
                pending_numbers = 0;
                i += 2;
            }
            b'>' if data.get(i + 1) == Some(&b'>') => {
                stack.pop();
                value_done(&mut stack);
                pending_numbers = 0;
                i += 2;
            }
            b'[' => {
                stack.push(None);
                pending_numbers = 0;
                i += 1;
            }
            b']' => {
                stack.pop();
                value_done(&mut stack);
                pending_numbers = 0;
                i += 1;
            }
            b'(' => {
                // An unterminated string runs to the end of the data.
                i = super::tolerant::literal_string_end(data, i).unwrap_or(data.len());
                value_done(&mut stack);
                pending_numbers = 0;
            }
            b'<' => {
                i += memchr::memchr(b'>', &data[i..]).map_or(data.len() - i, |n| n + 1);
                value_done(&mut stack);
                pending_numbers = 0;
            }
            b'/' => {
                i += 1;
                while i < data.len() && !is_white(data[i]) && !is_delimiter(data[i]) {
                    i += 1;
                }
                match stack.last_mut() {
                    Some(Some(slot @ Slot::Key)) => *slot = Slot::Value,
                    _ => value_done(&mut stack),
                }
                pending_numbers = 0;
            }
            _ => {
                let begin = i;
                while i < data.len() && !is_white(data[i]) && !is_delimiter(data[i]) {
                    i += 1;
                }
                if begin == i {
                    // A stray delimiter (`)`, `{`, `}`, lone `>`): not followed here.
                    return blanked;
                }
                let token = &data[begin..i];
                if stack.is_empty() {
                    if token == b"endobj" || token == b"stream" {
                        return blanked;
                    }
                    continue;
                }
                let number = token
                    .iter()
                    .all(|b| b.is_ascii_digit() || b"+-.".contains(b));
                // `n g R` is one value: the first number takes the value slot, the
                // generation and `R` after it belong to it.
                if number && pending_numbers == 1 {
                    pending_numbers = 2;
                } else if token == b"R" && pending_numbers == 2 {
                    pending_numbers = 0;
                } else if at_key {
                    // A name was expected: poppler skips whatever else stands here.
                    out[begin..i].fill(b' ');
                    blanked += 1;
                    pending_numbers = 0;
                } else if number {
                    pending_numbers = 1;
                    value_done(&mut stack);
                } else {
                    if token == b"endobj" || token == b"stream" {
                        return blanked;
                    }
                    pending_numbers = 0;
                    value_done(&mut stack);
                }
            }
        }
    }
    blanked
}

/// `data` with the non-name keys of the objects at `offsets` blanked, and how many;
/// `None` when there were none.
pub(super) fn blank_bad_keys(data: &[u8], offsets: &[usize]) -> Option<(Vec<u8>, usize)> {
    let mut out = data.to_vec();
    let mut total = 0;
    for &at in offsets {
        if at < data.len() {
            total += blank_object(data, at, &mut out);
        }
    }
    (total > 0).then_some((out, total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_after_a_name_with_a_space_is_blanked() {
        let obj = b"70 0 obj\n<< /BaseFont /Arial,Unicode MS\n/DescendantFonts [ 56 0 R ]\n\
            /Encoding /Identity-H /W [1 [500]] /ToUnicode 37 0 R /Type /Font >>\nendobj\n";
        let (fixed, n) = blank_bad_keys(obj, &[0]).expect("one blanked");
        assert_eq!(n, 1);
        let text = String::from_utf8(fixed).expect("ascii");
        assert!(
            text.contains("/Arial,Unicode   \n/DescendantFonts"),
            "{text}"
        );
        assert_eq!(text.len(), obj.len());
    }

    #[test]
    fn well_formed_objects_are_left_alone() {
        let obj = b"5 0 obj << /A 1 0 R /B [1 2 (x)] /C << /D true >> /E <00ff> >> endobj";
        assert_eq!(blank_bad_keys(obj, &[0]), None);
    }
}
