//! TXT003: a comparison in words ("… 57,2 miljarder kronor. Det är 3,5 miljarder kronor
//! högre än …") that the table row it restates contradicts.

use super::prose::{amounts, prose_lines, Amount};
use crate::arith::{compare, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;
use crate::grammar::number::Unit;
use crate::grammar::re::Re;
use crate::LineSpan;
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: RuleCode::TXT003,
    name: "comparison-in-words",
    family: Family::Txt,
    severity: Severity::Error,
    summary: "The text says an amount is higher (lower) than another, the table it restates shows it lower (higher)",
    explanation: "Reports restate a table's row in words and say which way it moved: \"Intäkterna \
blev 42,0 mnkr, vilket är 1,5 mnkr lägre än föregående år\". justera reads the amount, the \
difference, and its direction (högre, lägre, större, mindre, mer; høyere, lavere, højere), joined \
by \"vilket är\", \"det är\", \"som är\" (in the same sentence or opening the next one), or the \
change named before the difference (\"1 200,8 miljarder kronor, en ökning med 106,6 miljoner\", \
ökning, minskning, höjning, sänkning), the difference converted to the amount's unit. It then looks for the first amount as written among the document's \
table rows (a row the reader could not place in columns counts when each of its figures is \
certain): it must stand in exactly one row. The comparison holds when another positive figure \
of that row differs from the amount by the difference, in the direction the words give (42,0 and \
43,5: 1,5 lower). It is contradicted only when no figure of the row gives the words' direction, \
one gives the opposite, and the row itself prints that difference with its sign (a change or \
deviation column: 42,0, 40,5 and +1,5 say 1,5 higher, not lower). Without such a column the gap \
is information, \"not decided\"; an amount the tables do not hold, or hold in two rows, is not \
read. Every comparison that holds counts as a relation checked.",
    checks: &[Check::Document(check)],
};

/// What joins the amount and the difference: "vilket är", ". Det är", ", som är".
const JOIN: &str = r"(?i)^\s*[,.;]?\s*(?:vilket|det|detta|som|hvilket|hvad|dette|hvilket)\s+(?:är|var|blev|er|var|ble|blev|blir)\s*$";

/// The direction after the difference: "högre än", "lavere enn".
const DIRECTION: &str = r"(?i)^\s*(högre|lägre|större|mindre|mer|mera|høyere|lavere|højere|større|mere)\s+(?:än|enn|end)(?:[^\p{L}]|$)";

/// The change named between the amount and the difference: ", en ökning med",
/// ", vilket är en minskning med".
const CHANGE: &str = r"(?i)^\s*[,;]?\s*(?:(?:vilket|det|detta|som|hvilket|dette)\s+(?:är|var|blev|innebär|innebar|er|var|ble|betyder)\s+)?(?:en|ei|et)\s+(ökning|minskning|höjning|sänkning|økning|nedgang|reduksjon|stigning|stigende|fald|forøgelse)\s+(?:med|på)\s*$";

/// +1 when the words say the amount is above what it is compared with, -1 below.
fn sign_of(word: &str) -> i32 {
    match word.to_lowercase().as_str() {
        "lägre" | "mindre" | "lavere" | "minskning" | "sänkning" | "nedgang" | "reduksjon"
        | "fald" => -1,
        _ => 1,
    }
}

/// A figure of a table row (value as written, column).
struct Figure<'t> {
    /// The column's header, when the row was read into columns.
    header: Option<&'t str>,
    value: Decimal,
    decimals: u32,
    raw: &'t str,
}

impl Figure<'_> {
    fn written(&self) -> Interval {
        Interval::written(self.value, self.decimals)
    }
}

pub fn check(sink: &mut Sink) {
    static JOIN_RE: Re = Re::new(JOIN);
    static DIRECTION_RE: Re = Re::new(DIRECTION);
    static CHANGE_RE: Re = Re::new(CHANGE);
    let doc = sink.document;
    if doc.tables.is_empty() {
        return;
    }
    for line in prose_lines(doc) {
        let text = &line.text;
        let found = amounts(text);
        for (bi, b) in found.iter().enumerate().skip(1) {
            let a = &found[bi - 1];
            if a.value <= Decimal::ZERO || b.value <= Decimal::ZERO {
                continue;
            }
            let between = &text[a.end..b.start];
            // "A, vilket är B högre än …", or "A, en ökning med B …".
            let (sign, phrase) = if let Some(m) = CHANGE_RE.captures(between).and_then(|c| c.get(1))
            {
                (sign_of(m.as_str()), a.end + m.start()..b.end)
            } else {
                let Some(dir) = DIRECTION_RE.captures(&text[b.end..]) else {
                    continue;
                };
                let (Some(word), Some(whole)) = (dir.get(1), dir.get(0)) else {
                    continue;
                };
                if !JOIN_RE.is_match(between) {
                    continue;
                }
                (sign_of(word.as_str()), b.start..b.end + whole.end())
            };
            let Some(RowFigures {
                table: ti,
                label,
                figures,
            }) = row_of(sink, a)
            else {
                continue;
            };
            let Some(at) = figures
                .iter()
                .position(|f| f.value == a.value && f.decimals == a.decimals)
            else {
                continue;
            };
            // The difference in the amount's unit ("1 200,8 miljarder kronor, en ökning med
            // 106,6 miljoner").
            let b_in_a = b.kronor().scale(Decimal::ONE / a.scale);
            let said = if sign > 0 { b_in_a } else { b_in_a.negated() };
            // A - C for every other positive figure C of the row.
            let gaps: Vec<(usize, Interval)> = figures
                .iter()
                .enumerate()
                .filter(|&(k, c)| k != at && c.value > Decimal::ZERO)
                .map(|(k, c)| (k, a.written().minus(c.written())))
                .collect();
            if gaps.iter().any(|(_, g)| g.meets(&said)) {
                sink.checked(true);
                continue;
            }
            let Some(&(ci, gap)) = gaps.iter().find(|(_, g)| g.meets(&said.negated())) else {
                continue;
            };
            // The row's own statement of that difference, with its sign.
            let printed = figures.iter().enumerate().find(|&(k, d)| {
                k != at
                    && k != ci
                    && (d.value < Decimal::ZERO) == (sign > 0)
                    && !d.value.is_zero()
                    && d.written().meets(&gap)
            });
            let c = compare(gap, said);
            let (aw, cw) = (figures[at].raw.trim(), figures[ci].raw.trim());
            let phrase_span = phrase.clone();
            let phrase = text[phrase].trim_end();
            let phrase = phrase.trim_end_matches(|ch: char| !ch.is_alphanumeric());
            let (severity, message) = match printed {
                Some((_, d)) => {
                    sink.checked(false);
                    let printed = match d.header.filter(|h| !h.trim().is_empty()) {
                        Some(h) => format!("{h}: {}", d.raw.trim()),
                        None => format!("the row prints {}", d.raw.trim()),
                    };
                    (
                        RULE.severity,
                        format!(
                            "the text says \"{phrase}\", but the row \"{label}\" has {aw} against {cw}, a difference of {} ({printed})",
                            c.expected,
                        ),
                    )
                }
                None => (
                    Severity::Info,
                    format!(
                        "not decided: the text says \"{phrase}\", the row \"{label}\" has {aw} against {cw}, a difference of {}, but prints no difference of its own",
                        c.expected
                    ),
                ),
            };
            let paragraph = sink.paragraph_at(&line.provenance);
            let span = LineSpan::in_line(text, phrase_span.start, phrase_span.end);
            let f = sink.report(
                &RULE,
                severity,
                message,
                line.provenance.clone().with_span(span),
            );
            f.paragraph = paragraph;
            f.table = Some(ti);
            f.row = Some(label.to_string());
            f.expected = Some(c.expected);
            f.found = Some(c.found);
            f.tolerance = Some(c.tolerance);
            f.figure = Some(text[b.start..b.end].trim().to_string());
        }
    }
}

/// A table row: its label and figures (a row the reader read into cells, or one it
/// could not place in columns but whose figures are each certain).
struct RowFigures<'t> {
    table: usize,
    label: &'t str,
    figures: Vec<Figure<'t>>,
}

/// The one table row holding the amount as written (same figure, same decimals, and the
/// same unit where the table names one), with the row's figures; `None` when no row or
/// more than one holds it.
fn row_of<'d>(sink: &Sink<'d>, a: &Amount) -> Option<RowFigures<'d>> {
    let mut hit = None;
    for (ti, table) in sink.document.tables.iter().enumerate() {
        let same_unit =
            super::prose::cell_scale(Unit::None, table.unit).is_none_or(|s| s == a.scale);
        let read = table.rows.iter().map(|row| RowFigures {
            table: ti,
            label: row.label.as_str(),
            figures: row
                .cells
                .iter()
                .enumerate()
                .filter(|(_, c)| !c.reference && c.unread.is_none())
                .filter(|(_, c)| !matches!(c.unit, Unit::Percent | Unit::Hours))
                .filter(|(_, c)| c.unit.kronor_scale().is_none_or(|s| s == a.scale))
                .filter_map(|(col, c)| {
                    Some(Figure {
                        header: table.columns.get(col).map(String::as_str),
                        value: c.value?,
                        decimals: c.decimals,
                        raw: c.raw.as_str(),
                    })
                })
                .collect(),
        });
        let unread = table
            .unread_rows
            .iter()
            .filter_map(|u| unread_figures(sink, ti, u));
        for row in read.chain(unread) {
            let holds = row
                .figures
                .iter()
                .any(|f| f.value == a.value && f.decimals == a.decimals);
            if !holds || !same_unit {
                continue;
            }
            if hit.is_some() {
                return None;
            }
            hit = Some(row);
        }
    }
    hit
}

/// The figures of a row the reader could not place in columns, when each is certain:
/// every token after the label one figure, no token of three digits after one of one to
/// three digits (a space-grouped thousand or two figures: "1 084").
fn unread_figures<'d>(
    sink: &Sink<'d>,
    table: usize,
    row: &'d crate::table::UnreadRow,
) -> Option<RowFigures<'d>> {
    let rest = row.text.trim_start().strip_prefix(row.label.as_str())?;
    let mut figures = Vec::new();
    let mut last_short = false;
    for token in rest.split_whitespace() {
        if matches!(token, "-" | "–" | "—") {
            last_short = false;
            continue;
        }
        let f = crate::grammar::number::parse_figure(token, sink.vocab)?;
        let digits = token.trim_start_matches(['-', '−', '–']);
        let whole = digits.split(',').next().unwrap_or("");
        if last_short && whole.len() == 3 && whole.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        last_short = (1..=3).contains(&whole.len()) && !digits.contains(',');
        if matches!(f.unit, Unit::Percent | Unit::Hours) {
            continue;
        }
        figures.push(Figure {
            header: None,
            value: f.value,
            decimals: f.decimals,
            raw: token,
        });
    }
    Some(RowFigures {
        table,
        label: row.label.as_str(),
        figures,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_join_and_the_direction() {
        static JOIN_RE: Re = Re::new(JOIN);
        static DIRECTION_RE: Re = Re::new(DIRECTION);
        assert!(JOIN_RE.is_match(". Det är "));
        assert!(JOIN_RE.is_match(", vilket är "));
        assert!(!JOIN_RE.is_match(" och "));
        assert!(!JOIN_RE.is_match(", vilket är 3 % av "));
        let d = DIRECTION_RE
            .captures(" högre än i augusti")
            .expect("a direction");
        assert_eq!(sign_of(d.get(1).map_or("", |m| m.as_str())), 1);
        assert_eq!(sign_of("lavere"), -1);
        assert!(DIRECTION_RE.captures(" högre kostnader").is_none());
        static CHANGE_RE: Re = Re::new(CHANGE);
        let c = CHANGE_RE
            .captures(", vilket är en minskning med ")
            .expect("a change");
        assert_eq!(sign_of(c.get(1).map_or("", |m| m.as_str())), -1);
        assert!(CHANGE_RE.is_match(", en ökning med "));
        assert!(!CHANGE_RE.is_match(", en ökning med 3 % och "));
    }
}
