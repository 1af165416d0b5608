//! rustc-style diagnostics:
//!
//! ```text
//! error[SUM001]: "S:a investeringar egna" is not the sum of the rows above it in column "Avvikelse helår"
//!   --> delarsrapport.pdf:page 4:line 12
//!    |
//! 12 | S:a investeringar egna 1 469 1 484 1 400 1 484 -86
//!    |                                                ^^^ expected -84, found -86
//!    |
//!    = expected: -84
//!    = found: -86
//!    = tolerance: ±1.5 (what rounding of the figures can explain)
//! ```

use crate::check::finding::{Finding, Severity, Stats};
use std::fmt::Write as _;
use unicode_width::UnicodeWidthStr;

/// ANSI styles for a terminal, or none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.color && !text.is_empty() {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// The severity label in rustc's colours (error red, warning yellow, note cyan).
    pub fn severity(self, s: Severity) -> String {
        let code = match s {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        self.paint(code, s.as_str())
    }

    fn gutter(self, text: &str) -> String {
        self.paint("1;34", text)
    }

    fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }
}

/// Renders one finding without colour; `source` is the text of the line it points at,
/// when known.
pub fn render(f: &Finding, source: Option<&str>) -> String {
    render_styled(f, source, Style::default())
}

/// Renders one finding, coloured as `style` says.
pub fn render_styled(f: &Finding, source: Option<&str>, style: Style) -> String {
    render_placed(f, source, &|_| None, style)
}

/// [`render_styled`] with the places named by `place_of` where it names them (a Word
/// draft's "§ 67 › Beslut, paragraph 2") instead of page and line; the source line is
/// then shown without a line number, which would mean nothing in the document.
pub fn render_placed(
    f: &Finding,
    source: Option<&str>,
    place_of: &dyn Fn(&crate::Provenance) -> Option<String>,
    style: Style,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}{}",
        style.severity(f.severity),
        style.bold(&format!("[{}]: {}", f.rule, f.message))
    );
    let unit = f
        .unit
        .as_deref()
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    let place = place_of(&f.provenance);
    let line_no = match place {
        Some(_) => " ".to_string(),
        None => f.provenance.line.to_string(),
    };
    let pad = " ".repeat(line_no.len());
    let bar = style.gutter("|");
    let at = match &place {
        Some(p) => format!("{}: {p}", f.provenance.file),
        None => f.provenance.to_string(),
    };
    let _ = writeln!(out, "{pad}{} {at}", style.gutter("-->"));
    if let Some(src) = source.map(|s| s.replace('\t', "    ")) {
        let src = src.trim_end();
        let _ = writeln!(out, "{pad} {bar}");
        let _ = writeln!(out, "{} {bar} {src}", style.gutter(&line_no));
        if let Some((start, len)) = f.figure.as_deref().and_then(|fig| locate(src, fig)) {
            let lead = src[..start].width();
            let label = match (f.expected, f.found) {
                (Some(e), Some(x)) => {
                    format!(
                        " expected {}{unit}, found {}{unit}",
                        e.normalize(),
                        x.normalize()
                    )
                }
                _ => String::new(),
            };
            let code = match f.severity {
                Severity::Error => "1;31",
                Severity::Warning => "1;33",
                Severity::Info => "1;36",
            };
            let _ = writeln!(
                out,
                "{pad} {bar} {}{}",
                " ".repeat(lead),
                style.paint(code, &format!("{}{label}", "^".repeat(len.max(1))))
            );
        }
        let _ = writeln!(out, "{pad} {bar}");
    }
    let mut notes = Vec::new();
    if let Some(e) = f.expected {
        notes.push(format!("expected: {}{unit}", e.normalize()));
    }
    if let Some(x) = f.found {
        notes.push(format!("found: {}{unit}", x.normalize()));
    }
    if let Some(t) = f.tolerance {
        notes.push(format!(
            "tolerance: ±{} (what rounding of the figures can explain)",
            t.normalize()
        ));
    }
    let mut place = Vec::new();
    if let Some(d) = &f.document {
        place.push(format!("document \"{}\"", d.trim()));
    }
    if let Some(p) = f.paragraph {
        place.push(format!("§ {p}"));
    }
    if let Some(r) = &f.row {
        place.push(format!("row \"{r}\""));
    }
    if let Some(c) = &f.column {
        place.push(format!("column \"{c}\""));
    }
    if !place.is_empty() {
        notes.push(format!("in: {}", place.join(", ")));
    }
    if let Some(r) = &f.related {
        match place_of(r) {
            Some(p) => notes.push(format!("see also: {}: {p}", r.file)),
            None => notes.push(format!("see also: {r}")),
        }
    }
    let eq = style.gutter("=");
    for n in notes {
        let _ = writeln!(out, "{pad} {eq} {n}");
    }
    if crate::check::registry::lookup(&f.rule).is_some() {
        let _ = writeln!(
            out,
            "{pad} {eq} {}: run `justera explain {}` for what the rule checks and why",
            style.bold("help"),
            f.rule
        );
    }
    out
}

/// The place of line `line` of page `page` of a Word draft in the draft's own terms: the
/// § and heading it stands under and its paragraph there ("§ 67 › Direktionens beslut,
/// paragraph 2"), from the draft's text as read (`pages`, headings as `#` lines, §§ as
/// lines of their own) and each line's body block (`blocks`, see
/// `ingest::docx::text_with_blocks`). The page is named only when the draft has page
/// breaks.
pub fn docx_place(
    pages: &[Vec<String>],
    blocks: &[Vec<u32>],
    page: u32,
    line: u32,
    vocab: &crate::grammar::vocab::Vocabulary,
) -> Option<String> {
    let p = usize::try_from(page).ok()?.checked_sub(1)?;
    let l = usize::try_from(line).ok()?.checked_sub(1)?;
    if l >= pages.get(p)?.len().min(blocks.get(p)?.len()) {
        return None;
    }
    // The draft as one run of lines (a § or heading may stand pages above).
    let lines: Vec<(&str, u32)> = pages
        .iter()
        .zip(blocks)
        .flat_map(|(ls, bs)| ls.iter().map(String::as_str).zip(bs.iter().copied()))
        .collect();
    let idx = pages[..p].iter().map(Vec::len).sum::<usize>() + l;
    let plain = |l: &str| l.trim().replace("**", "").trim().to_string();
    // A § line: "§ 67", "**§ 67**", "ITVT § 10" (an organ's short prefix), a heading.
    let paragraph_no = |l: &str| -> Option<String> {
        let t = plain(l);
        let t = t.trim_start_matches('#').trim();
        let (prefix, rest) = t.split_once('§')?;
        if prefix.chars().count() > 12 || prefix.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let rest = rest.trim_start();
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        (!digits.is_empty() && !l.contains('\t') && t.chars().count() <= 120)
            .then(|| format!("§ {digits}"))
    };
    // A heading: a Word heading style (`#`), or a line of its own that the heading
    // vocabulary knows ("Direktionens beslut", "Sammanfattning av ärendet").
    let heading = |l: &str| -> Option<String> {
        let t = l.trim_start();
        if t.starts_with('#') {
            return Some(plain(t.trim_start_matches('#'))).filter(|h| !h.is_empty());
        }
        let p = plain(t);
        (!p.is_empty()
            && !l.contains('\t')
            && p.chars().count() <= 80
            && vocab.heading_kind(&p).is_some())
        .then_some(p)
    };
    // The nearest § and the nearest heading at or above the line.
    let mut section: Option<(usize, String)> = None;
    let mut head: Option<(usize, String)> = None;
    for i in (0..=idx).rev() {
        if let Some(n) = paragraph_no(lines[i].0) {
            section = Some((i, n));
            break;
        }
        if head.is_none() {
            head = heading(lines[i].0).map(|h| (i, h));
        }
    }
    let mut names: Vec<String> = Vec::new();
    if let Some((_, n)) = &section {
        names.push(n.clone());
    }
    if let Some((_, h)) = &head {
        names.push(format!("“{h}”"));
    }
    let anchor = head.as_ref().or(section.as_ref()).map(|(i, _)| *i);
    // On a § or heading line that stands more than once, which one.
    let mut which = String::new();
    if anchor == Some(idx) {
        let text = plain(lines[idx].0);
        let nth = 1 + lines[..idx]
            .iter()
            .filter(|(l, _)| plain(l) == text)
            .count();
        if nth > 1 {
            which = format!(" (its {} occurrence)", ordinal(nth));
        }
    }
    // The paragraph's number under its § or heading: body blocks with text, counted
    // from the one after the anchor (on the anchor's own line: the heading itself).
    let mut seen: Vec<u32> = Vec::new();
    if anchor != Some(idx) {
        for &(text, block) in &lines[anchor.map_or(0, |a| a + 1)..=idx] {
            if !text.trim().is_empty() && !seen.contains(&block) {
                seen.push(block);
            }
        }
    }
    let mut place = if names.is_empty() {
        "the start of the document".to_string()
    } else {
        names.join(" › ") + &which
    };
    if !seen.is_empty() {
        place.push_str(&format!(", paragraph {}", seen.len()));
    }
    if pages.len() > 1 {
        place = format!("page {page}, {place}");
    }
    Some(place)
}

/// "2nd", "3rd", "11th".
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Where the figure stands in the line: the tab-separated field that is exactly the
/// figure when the line has columns, else the first occurrence not inside a longer number.
fn locate(line: &str, figure: &str) -> Option<(usize, usize)> {
    let fig = figure.trim();
    if fig.is_empty() {
        return None;
    }
    let width = fig.width();
    let bytes = line.as_bytes();
    let mut from = 0;
    while let Some(i) = line[from..].find(fig) {
        let s = from + i;
        let e = s + fig.len();
        let before = s.checked_sub(1).map(|b| bytes[b]);
        let after = bytes.get(e).copied();
        let digitish = |c: Option<u8>| c.is_some_and(|c| c.is_ascii_digit() || c == b',');
        if !digitish(before) && before != Some(b'-') && !digitish(after) {
            return Some((s, width));
        }
        from = s + fig.len().max(1);
        while from < line.len() && !line.is_char_boundary(from) {
            from += 1;
        }
        if from >= line.len() {
            break;
        }
    }
    None
}

/// The closing line: counts by severity and what was checked, so that no findings can
/// be told apart from nothing read.
pub fn summary(findings: &[Finding], stats: &Stats, unreadable: usize) -> String {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let plural = |n: usize, w: &str| {
        if n == 1 {
            format!("{n} {w}")
        } else {
            format!("{n} {w}s")
        }
    };
    let mut s = format!(
        "{}, {}, {} in {} ({} documents, {} paragraphs, {} tables, {} cells, {} relations checked, {} failed, {} tables not fully parsed)",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Info), "note"),
        plural(stats.files as usize, "file"),
        stats.documents,
        stats.paragraphs,
        stats.tables,
        stats.cells,
        stats.relations_checked,
        stats.relations_failed,
        stats.tables_unparsed,
    );
    if unreadable > 0 {
        let _ = write!(s, "; {} could not be read", plural(unreadable, "file"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Provenance;
    use rust_decimal::Decimal;
    use std::sync::Arc;

    #[test]
    fn renders_like_rustc_with_the_figure_underlined() {
        let file: Arc<str> = Arc::from("rapport.pdf");
        let f = Finding {
            rule: crate::check::registry::RuleCode::SUM001,
            severity: Severity::Error,
            message: "\"S:a investeringar egna\" is not the sum of the rows above it".into(),
            provenance: Provenance::new(&file, 4, 12),
            document: Some("Delårsrapport".into()),
            paragraph: None,
            table: Some(3),
            row: Some("S:a investeringar egna".into()),
            column: Some("Avvikelse helår".into()),
            expected: Some(Decimal::from(-84)),
            found: Some(Decimal::from(-86)),
            tolerance: Some(Decimal::new(15, 1)),
            related: None,
            figure: Some("-86".into()),
            unit: None,
            absence: false,
        };
        let text = render(
            &f,
            Some("S:a investeringar egna 1 469 1 484 1 400 1 484 -86"),
        );
        let expected =
            "error[SUM001]: \"S:a investeringar egna\" is not the sum of the rows above it
  --> rapport.pdf:page 4:line 12
   |
12 | S:a investeringar egna 1 469 1 484 1 400 1 484 -86
   |                                                ^^^ expected -84, found -86
   |
   = expected: -84
   = found: -86
   = tolerance: ±1.5 (what rounding of the figures can explain)
   = in: document \"Delårsrapport\", row \"S:a investeringar egna\", column \"Avvikelse helår\"
   = help: run `justera explain SUM001` for what the rule checks and why
";
        assert_eq!(text, expected);
    }

    #[test]
    fn a_figure_inside_a_longer_number_is_not_underlined() {
        assert_eq!(locate("1 484 -84 84", "84"), Some((10, 2)));
        assert_eq!(locate("abc", "84"), None);
    }
}
