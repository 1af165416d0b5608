//! The lines the structure parsers read: furniture left out, markdown-like markup
//! (`#` headings, `**bold**`, `<b>`, `<i>`, escapes) removed but remembered as a
//! heading hint, and every line keeping its page and line number.

use crate::layout::LaidOutFile;
use crate::Provenance;
use std::sync::Arc;

/// One line as the structure parsers see it.
#[derive(Clone, Debug, PartialEq)]
pub struct Ln {
    /// Markup removed, surrounding whitespace trimmed; tabs (column gaps) kept.
    pub text: String,
    pub page: u32,
    pub line: u32,
    /// The source marked the line as a heading (`#`) or set all of it in bold.
    pub marked: bool,
    /// Markdown heading level (number of `#`), 0 when none.
    pub level: u8,
    /// A running header or footer: kept only for segmentation (its "Sid 1 av 2" and
    /// "Ärende 4" say where documents begin), never parsed as content.
    pub furniture: bool,
}

impl Ln {
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    pub fn provenance(&self, file: &Arc<str>) -> Provenance {
        Provenance::new(file, self.page, self.line)
    }

    /// The text with column gaps (tabs) turned into single spaces.
    pub fn plain(&self) -> String {
        collapse_ws(&self.text)
    }

    /// The cells of a line split at column gaps, empty cells dropped.
    pub fn cells(&self) -> Vec<&str> {
        self.text
            .split('\t')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect()
    }

    /// (page, line): orders lines and compares them with table positions.
    pub fn pos(&self) -> (u32, u32) {
        (self.page, self.line)
    }
}

/// Every content line of the file, cleaned. A markdown line that glues a bold title to a
/// bold heading ("**IT-chefen informerar****Sammanfattning**") becomes two lines with the
/// same position, so titles and headings are told apart as the writer meant.
pub fn content_lines(file: &LaidOutFile) -> Vec<Ln> {
    let mut out = Vec::new();
    let lines = file
        .pages
        .iter()
        .flat_map(|p| p.lines.iter().map(move |l| (p, l)));
    for (page, line) in lines {
        let t = line.text.trim_start();
        let hashes = t.len() - t.trim_start_matches('#').len();
        let level = if hashes > 0 && t[hashes..].starts_with(' ') {
            hashes.min(9) as u8
        } else {
            0
        };
        for (text, marked) in split_glued_bold(&line.text) {
            out.push(Ln {
                text,
                page: page.number,
                line: line.number,
                marked,
                level,
                furniture: line.furniture,
            });
        }
    }
    out
}

fn split_glued_bold(raw: &str) -> Vec<(String, bool)> {
    let trimmed = raw.trim();
    let (heading, body) = strip_heading_marks(trimmed);
    // "**A****B**" and "**A**text**B**" (markdown from Word where runs are bold).
    if body.contains("****") {
        return body
            .split("****")
            .map(|part| {
                let (t, bold) = clean_markup(part);
                (t, heading || bold || !part.trim().is_empty())
            })
            .filter(|(t, _)| !t.is_empty())
            .collect();
    }
    let (text, bold) = clean_markup(body);
    vec![(text, heading || bold)]
}

/// Removes leading `#`s; says whether there were any.
fn strip_heading_marks(s: &str) -> (bool, &str) {
    let rest = s.trim_start_matches('#');
    if rest.len() != s.len() && (rest.is_empty() || rest.starts_with(' ')) {
        (true, rest.trim())
    } else {
        (false, s)
    }
}

/// Removes bold/italic markers and HTML-ish cell tags; `true` when the whole line was
/// bold (a heading hint).
pub fn clean_markup(s: &str) -> (String, bool) {
    let t = s.trim();
    let all_bold = (t.starts_with("**") && t.ends_with("**") && t.len() > 4)
        || (t.starts_with("<b>") && t.ends_with("</b>") && !t.contains('\t'));
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while !rest.is_empty() {
        if let Some(r) = ["<b>", "</b>", "<i>", "</i>", "<u>", "</u>", "<br>"]
            .iter()
            .find_map(|tag| rest.strip_prefix(tag))
        {
            rest = r;
            continue;
        }
        if let Some(r) = rest.strip_prefix('\\') {
            // Markdown escape: keep the escaped character.
            let mut chars = r.chars();
            if let Some(c) = chars.next() {
                out.push(c);
            }
            rest = chars.as_str();
            continue;
        }
        if let Some(r) = rest.strip_prefix("**") {
            rest = r;
            continue;
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            // Lone `*` around words is emphasis; keep `*` inside figures/words alone.
            // A `*` between spaces, after a figure or unit and before a figure, is a
            // multiplication ("15,13 öre/kWh * 2756 kWh"): emphasis opens right before
            // a word and closes right after one, never spaced from both.
            if c == '*' && !is_times(&out, chars.as_str()) {
                rest = chars.as_str();
                continue;
            }
            out.push(c);
        }
        rest = chars.as_str();
    }
    let text = out.trim().to_string();
    (text, all_bold)
}

/// Whether a lone `*` between `before` (the text kept so far) and `after` is a
/// multiplication sign: one space on each side (not a tab, not a column gap), a figure
/// after it and a figure or a unit before it ("15,13 öre/kWh * 2756 kWh", "5 * 784").
/// A mark after a word ("Nätverk *   0") stays a footnote mark and goes.
fn is_times(before: &str, after: &str) -> bool {
    let space = |c: char| c == ' ' || c == '\u{a0}';
    let Some(b) = before.strip_suffix(space) else {
        return false;
    };
    let Some(a) = after.strip_prefix(space) else {
        return false;
    };
    if !a.starts_with(|c: char| c.is_ascii_digit()) || b.ends_with(space) {
        return false;
    }
    let word = b.rsplit(char::is_whitespace).next().unwrap_or(b);
    b.ends_with(|c: char| c.is_ascii_digit()) || crate::grammar::product::is_unit(word)
}

/// Appends a wrapped line's text: with a space, except after a range dash that follows a
/// digit ("2023–" / "2025" was one token before the PDF wrapped it).
pub fn push_wrapped(prev: &mut String, next: &str) {
    let mut rev = prev.chars().rev();
    let last = rev.next();
    let before = rev.next();
    let dash_after_digit =
        matches!(last, Some('–' | '-')) && before.is_some_and(|c| c.is_ascii_digit());
    // A word hyphenated at the break ("infor-" / "mationspunkt") is one word again. After
    // a capital the hyphen belongs to a compound and stays ("VA-" / "kollektivets");
    // before "och"/"eller"/"samt" it stands for a shared word part ("drift-" / "och
    // underhåll") and is followed by a space.
    let conjunction = ["och ", "eller ", "samt "]
        .iter()
        .any(|w| next.starts_with(w));
    if last == Some('-')
        && before.is_some_and(char::is_alphabetic)
        && next.starts_with(char::is_lowercase)
        && !conjunction
    {
        if before.is_some_and(char::is_lowercase) {
            prev.pop();
        }
        prev.push_str(next);
        return;
    }
    if !(dash_after_digit && next.starts_with(|c: char| c.is_ascii_digit())) {
        prev.push(' ');
    }
    prev.push_str(next);
}

/// Runs of whitespace (column tabs included) as one space, ends trimmed.
pub fn collapse_ws(s: &str) -> String {
    if is_collapsed(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Whether `collapse_ws` would leave the text as it is: no whitespace at either end, no
/// run of it, and none but single ASCII spaces (most lines; one pass over the bytes).
fn is_collapsed(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut space = false;
    let mut ascii = true;
    for &c in b {
        match c {
            b' ' if space => return false,
            b' ' => space = true,
            b'\t'..=b'\r' => return false,
            _ => {
                space = false;
                ascii &= c.is_ascii();
            }
        }
    }
    ascii || !s.chars().any(|c| !c.is_ascii() && c.is_whitespace())
}

/// Lines made only of rules and underscores ("\_\_\_\_\_", "---"): separators.
pub fn is_rule(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty()
        && t.chars()
            .all(|c| matches!(c, '_' | '-' | '—' | '–' | '*' | '='))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_bold_title_and_heading_split() {
        let parts = split_glued_bold("**IT-chefen informerar****Sammanfattning**");
        assert_eq!(
            parts,
            vec![
                ("IT-chefen informerar".to_string(), true),
                ("Sammanfattning".to_string(), true)
            ]
        );
    }

    #[test]
    fn collapse_fast_path_agrees_with_the_general_one() {
        fn reference(s: &str) -> String {
            s.split_whitespace().collect::<Vec<_>>().join(" ")
        }
        let mut cases: Vec<String> = [
            "",
            " ",
            "a",
            "a b",
            "a  b",
            " a",
            "a ",
            "a\tb",
            "a\u{a0}b",
            "å ä ö",
            "åäö  x",
            "x\u{2009}y",
            "x\u{3000}",
            "\u{85}x",
            "a\rb",
            "a\u{b}b",
            "a\u{c}b",
            "a\u{1c}b",
            "Summa\t1 278",
            "1 278 kr",
            "§ 12 Budget 2021",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for seed in std::fs::read_dir("corpus/seeds").expect("corpus/seeds") {
            let text = std::fs::read_to_string(seed.expect("seed").path()).unwrap_or_default();
            cases.extend(text.lines().map(str::to_string));
        }
        for c in &cases {
            assert_eq!(collapse_ws(c), reference(c), "{c:?}");
        }
    }

    #[test]
    fn markup_removed() {
        assert_eq!(
            clean_markup("<b>TOTALT UB</b>\t<b>6 809</b>").0,
            "TOTALT UB\t6 809"
        );
        assert_eq!(clean_markup("\\_\\_\\_").0, "___");
        // A multiplication sign between figures stays; emphasis and bullets go.
        assert_eq!(
            clean_markup("• Avgift: 15,13 öre/kWh * 2756 kWh = 417 kr").0,
            "• Avgift: 15,13 öre/kWh * 2756 kWh = 417 kr"
        );
        assert_eq!(
            clean_markup("4730:-5 * 784:-500 kbm* 37,79").0,
            "4730:-5 * 784:-500 kbm 37,79"
        );
        assert_eq!(
            clean_markup("2300 Nätverk *\t0\t1 500").0,
            "2300 Nätverk \t0\t1 500"
        );
        assert_eq!(
            clean_markup("2300 Nätverk *   0 1 500").0,
            "2300 Nätverk    0 1 500"
        );
        assert_eq!(clean_markup("Nätverk * 0").0, "Nätverk  0");
        assert_eq!(
            clean_markup("* Budget *2022* 15 (M) * Håkan").0,
            "Budget 2022 15 (M)  Håkan"
        );
        assert_eq!(
            split_glued_bold("## **Ändring av dagordning**"),
            vec![("Ändring av dagordning".to_string(), true)]
        );
    }
}
