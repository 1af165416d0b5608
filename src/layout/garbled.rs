//! Pages whose text comes out garbled: two text layers drawn into each other (an
//! inserted page in CID fonts: "Sammanträde2s0d2a5t-u0m4:-07"), or words broken into
//! letter fragments because most glyphs have no Unicode mapping ("Signat  re referen
//! e:  f  aa"). The reader repairs what it can; what is left is reported per page, never
//! parsed silently as if it were the record's text.

use super::Page;

/// Interleaved tokens on a page before it counts as garbled.
const INTERLEAVED_MIN: usize = 2;
/// Letter fragments (cells of one or two characters with a letter) on a page, and their
/// share of the page's cells with letters, before it counts as garbled.
const FRAGMENTS_MIN: usize = 12;
const FRAGMENT_SHARE: f64 = 0.3;

/// Why a page's text is garbled, or `None` when it reads as text.
pub fn garbled(page: &Page) -> Option<&'static str> {
    let lines = page.lines.iter().filter(|l| !l.furniture);
    let mut interleaved = 0;
    let mut fragments = 0;
    let mut lettered = 0;
    for l in lines {
        for cell in l.text.split('\t').map(str::trim).filter(|c| !c.is_empty()) {
            if cell.chars().any(char::is_alphabetic) {
                lettered += 1;
                // A lower-case fragment: a one-letter code column ("P", "N") is no sign.
                if cell.chars().count() <= 2
                    && cell.chars().any(char::is_lowercase)
                    && !matches!(cell, "kr" | "st" | "nr" | "år" | "i" | "på" | "av" | "om")
                {
                    fragments += 1;
                }
            }
            interleaved += cell
                .split_whitespace()
                .filter(|w| is_interleaved(w))
                .count();
        }
    }
    if interleaved >= INTERLEAVED_MIN {
        return Some("letters and digits of two texts interleaved");
    }
    let share = if lettered == 0 {
        0.0
    } else {
        f64::from(u32::try_from(fragments).unwrap_or(u32::MAX))
            / f64::from(u32::try_from(lettered).unwrap_or(u32::MAX))
    };
    if fragments >= FRAGMENTS_MIN && share >= FRAGMENT_SHARE {
        return Some("words broken into letter fragments");
    }
    None
}

/// "Sammanträde2s0d2a5t-u0m4:-07": letters and digits alternating again and again inside
/// one word. Identifiers are not words: hexadecimal ids ("6fccaa09-7c7e"), codes that
/// alternate once or twice ("KS2024/12", "A1B2").
fn is_interleaved(w: &str) -> bool {
    if w.chars().count() < 10 {
        return false;
    }
    if w.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
        return false;
    }
    let mut switches = 0;
    let mut last: Option<bool> = None;
    let mut letters = 0;
    // Only lower-case letters count: labels such as "1#10#12#2O#3#4O" alternate
    // digits with capitals by design.
    for c in w.chars().filter(|c| c.is_ascii_digit() || c.is_lowercase()) {
        let digit = c.is_ascii_digit();
        if !digit {
            letters += 1;
        }
        if last.is_some_and(|d| d != digit) {
            switches += 1;
        }
        last = Some(digit);
    }
    switches >= 6 && letters >= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interleaved_words() {
        assert!(is_interleaved("Sammanträde2s0d2a5t-u0m4:-07"));
        assert!(!is_interleaved("6fccaa09-7c7e-4751-9c9a-8b2b5325ac5e"));
        assert!(!is_interleaved("KS2024/123"));
        assert!(!is_interleaved("2024-04-25"));
        assert!(!is_interleaved("1#10#12#2O#3#4O#6O#8O"));
        assert!(!is_interleaved("Samhällsplaneringsnämnden"));
    }
}
