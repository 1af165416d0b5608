//! Arrays nested deeper than lopdf parses: lopdf gives up on an object (or a content
//! stream) holding an array nested 100 deep, which loses the page that holds it, while
//! pdftotext skips the junk value and reads the page. Real PDFs nest arrays a few levels
//! deep; a run of `RUN` opening brackets is junk (or an attack on the parser's stack).
//!
//! The cheap test is a substring search for that run; only a file or stream that has one
//! is copied, with each such array blanked to an empty array of the same byte length (so
//! cross-reference offsets and stream lengths stay right).

use memchr::memmem;

/// Opening brackets in a row that mark an array as too deep to be anything but junk.
const RUN: usize = 32;

/// How far past the run its closing bracket is looked for.
const MAX_SPAN: usize = 1 << 20;

/// `bytes` with every array that opens with a run of `RUN` brackets blanked to `[ … ]`
/// (spaces inside), and how many were blanked; `None` when there is none.
pub(crate) fn blank_deep_arrays(bytes: &[u8]) -> Option<(Vec<u8>, usize)> {
    let run = [b'['; RUN];
    let finder = memmem::Finder::new(&run);
    let mut at = finder.find(bytes)?;
    let mut out = bytes.to_vec();
    let mut blanked = 0;
    loop {
        let end = closing(&bytes[at..bytes.len().min(at + MAX_SPAN)]).map(|e| at + e);
        let next_from = match end {
            Some(end) => {
                out[at + 1..end].fill(b' ');
                blanked += 1;
                end + 1
            }
            // Never closed: left as it is (the parser reports it as before).
            None => at + RUN,
        };
        match finder.find(&bytes[next_from.min(bytes.len())..]) {
            Some(i) => at = next_from + i,
            None => break,
        }
    }
    (blanked > 0).then_some((out, blanked))
}

/// Index of the bracket closing the array that opens at `data[0]`.
fn closing(data: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    for (i, &b) in data.iter().enumerate() {
        match b {
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_array_is_blanked_in_place() {
        let deep = format!("a {}{} b", "[".repeat(100), "]".repeat(100));
        let (out, n) = blank_deep_arrays(deep.as_bytes()).expect("blanked");
        assert_eq!(n, 1);
        assert_eq!(out.len(), deep.len());
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("a [ "));
        assert!(text.ends_with(" ] b"));
        assert_eq!(text.matches('[').count(), 1);
    }

    #[test]
    fn shallow_arrays_are_left_alone() {
        assert!(blank_deep_arrays(b"[[[1 2] 3]] [4]").is_none());
    }

    #[test]
    fn unclosed_run_is_left_alone() {
        let open = "[".repeat(40);
        assert!(blank_deep_arrays(open.as_bytes()).is_none());
    }
}
