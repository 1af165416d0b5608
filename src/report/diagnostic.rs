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
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}{}",
        style.severity(f.severity),
        style.bold(&format!("[{}]: {}", f.rule, f.message))
    );
    let line_no = f.provenance.line.to_string();
    let pad = " ".repeat(line_no.len());
    let bar = style.gutter("|");
    let _ = writeln!(out, "{pad}{} {}", style.gutter("-->"), f.provenance);
    if let Some(src) = source.map(|s| s.replace('\t', "    ")) {
        let src = src.trim_end();
        let _ = writeln!(out, "{pad} {bar}");
        let _ = writeln!(out, "{} {bar} {src}", style.gutter(&line_no));
        if let Some((start, len)) = f.figure.as_deref().and_then(|fig| locate(src, fig)) {
            let lead = src[..start].width();
            let label = match (f.expected, f.found) {
                (Some(e), Some(x)) => {
                    format!(" expected {}, found {}", e.normalize(), x.normalize())
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
        notes.push(format!("expected: {}", e.normalize()));
    }
    if let Some(x) = f.found {
        notes.push(format!("found: {}", x.normalize()));
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
        notes.push(format!("see also: {r}"));
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
