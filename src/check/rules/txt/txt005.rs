//! TXT005: the parts of a whole the text names in words ("så här används en hundralapp",
//! "av din skattekrona går", "så fördelas pengarna" over a list of shares) against that
//! whole, when the list has no total row of its own.

use crate::arith::{compare, half_unit, Interval};
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;
use crate::document::SourceLine;
use crate::grammar::re::Re;
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: RuleCode::TXT005,
    name: "parts-of-a-whole-in-words",
    family: Family::Txt,
    severity: Severity::Error,
    summary: "A list dividing a whole the text names (en hundralapp, varje skattekrona, \
a division in percent) whose parts do not make that whole",
    explanation: "Municipalities show how the tax is spent as a list of parts of a whole \
that the sentence or heading before the list names, often with no total row:\n\n  Så här \
används en kommunal hundralapp:\n  26,4 kr (29,0) Äldreomsorg\n  17,7 kr (17,4) Grundskola\n  \
…\n\nWhat is read. A list of at least three lines, one below the other (at most one blank \
line between), each holding exactly one figure with its unit (kr, kronor, kroner, öre, øre, \
%, procent, prosent) and a label, and no other digit; a signed figure (a change) or a total \
row is no part. A figure in parentheses right after it (\"26,4 kr (29,0)\", the comparison \
year) is a second column, read when every line has one. Every line must use the same unit. \
The line before the list (or the one before a column-head line without digits, such as \
\"Kronor Område\") must name the whole and say that it is divided: \"hundralapp\", \
\"100 kronor\", \"hundra kronor\", \"100 kroner\", \"hundrelapp\" are 100 kr; \
\"skattekrona\", \"varje krona\" are 1 krona, 100 öre; with a word of division (används, \
fördelas, fördelning, går, brukes, bruges, fordeles). A list of shares is read when that \
line says what money is divided and that it is divided (\"Fördelning av intäkter:\", \"Så \
fördelas pengarna\"): its whole is 100 %. A list flattened onto its lead's line, as transcripts \
of a page's diagram write it (\"Så här fördelas pengarna Förskolan 9,0 % Grundskolan 18,4 % \
…\"), is read when the lead names the divided whole and has no digit (a page number before it \
aside), then four parts or more follow, each a label of letters and one figure, to the line's \
end.\n\nWhat is checked. The sum of the parts, each \
with the precision it is written in, against the whole. A figure written to the unit u \
stands for ± u/2, so n parts rounded to one unit may miss the whole by (n + 1)/2 units (the \
whole is taken as a rounded figure of the same kind): 17 parts to 0,1 kr may make 99,1 to \
100,9 kr of a hundralapp, no more. Each column is checked separately and counts as one \
relation. Parts that make more than the whole cannot all belong to it: an error.\n\nWhen \
it is only information. Parts short of the whole are \"not decided\": a part may simply be \
left out of the list. So is a sum more than 10 % away from the whole (the list may run two \
lists together or be in another unit), and a miss where the sentence or a line calls the \
figures approximate (cirka, ungefär, drygt, omtrentlige). A list is not read at all when the \
sentence says it is not the whole division (bland annat, till exempel, exempel på, varav, \
de största, blant annet, blandt andet, f.eks.), when a line of it starts with varav or \
därav, or when a total row stands right before or after it (the list's own total is then \
checked by TXT002 or SUM001).\n\nExample: Olofström's \"kommunal hundralapp\" lists 17 \
parts whose figures in parentheses make 29,0 + 17,4 + 14,9 + 9,5 + 8,2 + 4,9 + 4,4 + 3,7 + \
3,0 + 1,8 + 1,4 + 1,4 + 1,1 + 1,0 + 1,0 + 1,0 + 0,4 = 104,1 kr, where rounding allows 99,1 \
to 100,9: an error. Its first column makes 100,0 kr and holds.\n\nA whole divided in prose. A sentence saying what a whole consists of (består \
av, består af, utgörs av, utgøres af, sammansätts av) and listing its parts, at least two \
figures after those words, all percent or all money of one unit, none approximate, is read \
against the whole the text states: a figure before the words in the same sentence, or the \
sentence before when this one refers back to it (Denna, Detta, Dessa skattesats …), or the \
sentence after when it sums up (Detta ger, Sammanlagt, Totalt); the sentence with the whole \
names it a total (total, totala, sammanlagd, samlede) and has no other figure. Only one \
sentence may stand between the parts and a whole after them, and only when it adds a part \
(tillkommer) that the whole then leaves out by name (\"exklusive kyrkoavgiften\"). A whole \
that leaves out one of the listed parts, or words saying the list is not the whole division \
(bland annat, varav, inklusive, cirka), are not read. Parts that make more than the whole \
are an error; short of it, not decided. Example: \"I Västervik kommun är den totala \
kommunalskatten 33.02% exklusive kyrkoavgiften. Denna skattesats består av en \
kommunalskatt på 21.16%, en landstingsskatt på 11.86% och en begravningsavgift på 0.28%.\": \
the parts make 33,30 %, more than 33,02 %: an error.",
    checks: &[Check::Document(check)],
};

/// The unit of a part: money in kronor (kroner), in öre (øre), or a share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Kronor,
    Ore,
    Percent,
}

impl Unit {
    fn of(word: &str) -> Option<Unit> {
        let w = word.to_lowercase();
        let w = w.trim_end_matches('.');
        match w {
            "kr" | "kronor" | "kroner" => Some(Unit::Kronor),
            "öre" | "øre" => Some(Unit::Ore),
            "%" | "procent" | "prosent" => Some(Unit::Percent),
            _ => None,
        }
    }

    fn symbol(self) -> &'static str {
        match self {
            Unit::Kronor => "kr",
            Unit::Ore => "öre",
            Unit::Percent => "%",
        }
    }
}

/// One figure as written: its value and the number of decimals written.
#[derive(Clone, Debug)]
struct Figure {
    value: Decimal,
    decimals: u32,
    text: String,
}

impl Figure {
    fn written(&self) -> Interval {
        Interval::written(self.value, self.decimals)
    }
}

/// One line of the list: a figure with its unit, perhaps a second figure in parentheses.
#[derive(Clone, Debug)]
struct Part {
    unit: Unit,
    first: Figure,
    second: Option<Figure>,
    /// Whether the label opens with varav / därav (a sub-part, not a part).
    sub_part: bool,
    /// Whether a word before the figure makes it approximate ("cirka 30 %").
    approximate: bool,
}

/// A figure with its unit: space-grouped thousands, decimal comma.
const FIGURE: &str = r"(?i)(?:^|[^\d,.\p{L}])(\d{1,3}(?:[ \u{a0}\u{202f}]\d{3})+|\d+)(,\d+)?[ \u{a0}]?(kronor|kroner|kr\.?|öre|øre|procent|prosent|%)";

/// The figure in parentheses right after the first: "(29,0)", "(28,5 %)", "(14,9" left open.
const SECOND: &str = r"^[ \u{a0}]*\([ \u{a0}]*(\d{1,3}(?:[ \u{a0}\u{202f}]\d{3})+|\d+)(,\d+)?[ \u{a0}]?(kronor|kroner|kr\.?|öre|øre|procent|prosent|%)?[ \u{a0}]*(\)|[ \u{a0}]+\p{L})";

/// A word naming a whole of 100 kronor.
const HUNDRED: &str = r"(?i)(?:^|[^\p{L}\d])(hundralapp\p{L}*|hundrakronor\p{L}*|hundra kronor|100 kronor|100 kr\b|100-lapp\p{L}*|100-kronor\p{L}*|hundrelapp\p{L}*|hundrekron\p{L}*|100 kroner|100-kroner\p{L}*|hundredkron\p{L}*|100 kr\.)";

/// A word naming a whole of one krona (100 öre).
const KRONA: &str = r"(?i)(?:^|[^\p{L}])(skattekron[aeo]\p{L}*|varje krona|hver krone|en krona|skattekrone\p{L}*)(?:[^\p{L}]|$)";

/// A word saying the whole is divided (for a list of shares, without the bare "går").
const DIVIDED: &str = r"(?i)(?:^|[^\p{L}])(fördela\p{L}*|fördelning\p{L}*|fördelad\p{L}*|används|användes|använder|användning|går till|gick till|fordel\p{L}*|brukes|brukt|bruges|brugt|går til|gikk til|gik til)(?:[^\p{L}]|$)";

/// A noun naming what a list of shares divides (the money, the tax, the costs).
const WHOLE_NOUN: &str = r"(?i)(?:^|[^\p{L}])(pengar\p{L}*|skatt\p{L}*|budget\p{L}*|intäkt\p{L}*|kostnad\p{L}*|utgift\p{L}*|nettokostnad\p{L}*|kronor|kommunalskatt\p{L}*|skattekron\p{L}*|penge\p{L}*|inntekt\p{L}*|indtægt\p{L}*|udgift\p{L}*|utgift\p{L}*|kostnad\p{L}*|skattekrone\p{L}*|kroner|budsjett\p{L}*|midl\p{L}*|medel|medlen)(?:[^\p{L}]|$)";

/// "går" / "gick" alone: enough beside a named whole of money ("Av din skattekrona går:").
const GOES: &str = r"(?i)(?:^|[^\p{L}])(går|gick|går|gikk|gik)(?:[^\p{L}]|$)";

/// Words saying the list is not the whole division.
const NOT_WHOLE: &str = r"(?i)(?:^|[^\p{L}])(bland annat|bl\.\s?a\.?|bl a|till exempel|t\.\s?ex\.?|t ex|exempel\p{L}*|exempelvis|varav|därav|de största|största|några|urval|blant annet|for eksempel|f\.\s?eks\.?|blandt andet|bl\.a|herav|hvoraf|heraf|de største|nogle|noen|bland övriga|övriga poster)(?:[^\p{L}]|$)";

/// Words saying the figures are approximate.
const ABOUT: &str = r"(?i)(?:^|[^\p{L}])(ungefär|cirka|ca|omkring|runt|drygt|knappt|nästan|avrundade|avrundat|omtrent|omtrentlige|omkring|cirka|ca\.|rundt|afrundede|afrundet|avrundet)(?:[^\p{L}]|$)";

/// A word that opens a sub-part line.
const SUB_PART: &str =
    r"(?i)^[\s\-–—•·*]*(varav|därav|herav|hvoraf|heraf|av detta|af dette)(?:[^\p{L}]|$)";

static FIGURE_RE: Re = Re::new(FIGURE);
static SECOND_RE: Re = Re::new(SECOND);
static SUB_RE: Re = Re::new(SUB_PART);
static ABOUT_RE: Re = Re::new(ABOUT);
static HUNDRED_RE: Re = Re::new(HUNDRED);
static KRONA_RE: Re = Re::new(KRONA);
static DIVIDED_RE: Re = Re::new(DIVIDED);
static GOES_RE: Re = Re::new(GOES);
static NOUN_RE: Re = Re::new(WHOLE_NOUN);
static NOT_WHOLE_RE: Re = Re::new(NOT_WHOLE);

/// The patterns above, compiled in the background warm-up (`pipeline::warm_regexes`)
/// so that the first document with a list does not wait for them.
pub(crate) fn regexes() -> Vec<&'static Re> {
    vec![
        &FIGURE_RE,
        &SECOND_RE,
        &SUB_RE,
        &ABOUT_RE,
        &HUNDRED_RE,
        &KRONA_RE,
        &DIVIDED_RE,
        &GOES_RE,
        &NOUN_RE,
        &NOT_WHOLE_RE,
    ]
    .into_iter()
    .chain(super::composition::regexes())
    .collect()
}

/// Whether a line names one of the wholes this rule reads (a hundralapp, a skattekrona):
/// TXT002 leaves such lists to it.
pub(super) fn names_a_whole(text: &str) -> bool {
    HUNDRED_RE.is_match(text) || KRONA_RE.is_match(text)
}

/// Whether a line says its list gives only some of the parts ("bland annat", "t.ex.",
/// "varav", "de största").
pub(super) fn only_some_parts(text: &str) -> bool {
    NOT_WHOLE_RE.is_match(text)
}

fn parse_figure(int: &str, frac: Option<&str>) -> Option<Figure> {
    let digits: String = int.chars().filter(char::is_ascii_digit).collect();
    let frac = frac.unwrap_or("");
    let value = format!("{digits}{}", frac.replace(',', "."))
        .parse::<Decimal>()
        .ok()?;
    Some(Figure {
        value,
        decimals: frac.len().saturating_sub(1) as u32,
        text: format!("{int}{frac}"),
    })
}

/// The part a line states, if it is one: exactly one figure with a unit (outside
/// parentheses), perhaps a second figure in parentheses right after it, a label of
/// letters, and no other digit.
fn part(text: &str) -> Option<Part> {
    let mut found = None;
    for cap in FIGURE_RE.captures_iter(text) {
        let (Some(int), Some(unit)) = (cap.get(1), cap.get(3)) else {
            continue;
        };
        // Depth at the figure's start: a figure inside parentheses is no part.
        let depth = text[..int.start()].chars().fold(0isize, |d, c| match c {
            '(' => d + 1,
            ')' => d - 1,
            _ => d,
        });
        if depth > 0 {
            continue;
        }
        // A unit word must end where its word ends ("kr" not "kronologi").
        if unit.as_str() != "%"
            && !unit.as_str().ends_with('.')
            && text[unit.end()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        if found.is_some() {
            return None;
        }
        // A signed figure is a change, not a part of a whole.
        if text[..int.start()]
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c, '-' | '+' | '−' | '–' | '±'))
        {
            return None;
        }
        found = Some((int.start(), unit.end(), cap));
    }
    let (start, end, cap) = found?;
    // A total row is no part: the list's own total is left to TXT002 and SUM001.
    if super::txt002::total_word_re().is_match(text) {
        return None;
    }
    let unit = Unit::of(cap.get(3)?.as_str())?;
    let first = parse_figure(cap.get(1)?.as_str(), cap.get(2).map(|m| m.as_str()))?;
    let after = &text[end..];
    let rest = after.trim_start().to_lowercase();
    // A rate or an amount per something is no part of a whole.
    if rest.starts_with('/')
        || rest.starts_with("per ")
        || rest.starts_with("pr.")
        || rest.starts_with("pr ")
        || rest.starts_with("à ")
    {
        return None;
    }
    let mut remainder = format!("{}{}", &text[..start], after);
    let mut second = None;
    if let Some(c) = SECOND_RE.captures(after) {
        let same_unit = c.get(3).is_none_or(|u| Unit::of(u.as_str()) == Some(unit));
        if !same_unit {
            return None;
        }
        second = parse_figure(c.get(1)?.as_str(), c.get(2).map(|m| m.as_str()));
        let close = c.get(4)?;
        // A parenthesis left open ("(14,9 Funktionsstöd") only when none closes later:
        // "(1 370 mkr)" is another quantity, not a second column.
        if close.as_str() != ")" && after[close.start()..].contains(')') {
            return None;
        }
        // An unclosed parenthesis: keep the letter that ended the match in the label.
        let cut = if close.as_str() == ")" {
            close.end()
        } else {
            close.start()
        };
        remainder = format!("{}{}", &text[..start], &after[cut..]);
    }
    if remainder.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    if remainder.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    let before = &text[..start];
    let approximate = ABOUT_RE
        .find_iter(before)
        .last()
        .is_some_and(|m| before[m.end()..].trim().is_empty());
    Some(Part {
        unit,
        first,
        second,
        sub_part: SUB_RE.is_match(&remainder),
        approximate,
    })
}

/// Whether `b` follows `a` closely on the same page (at most one blank line between).
fn near(a: &SourceLine, b: &SourceLine) -> bool {
    within(a, b, 2)
}

/// Whether `b` follows `a` on the same page at most `gap` lines below it.
fn within(a: &SourceLine, b: &SourceLine, gap: u32) -> bool {
    let (p, q) = (&a.provenance, &b.provenance);
    p.file == q.file && p.page == q.page && q.line > p.line && q.line - p.line <= gap
}

/// Whether a line opens a list rather than being a part of one: it ends in a colon or
/// names a whole of money.
fn opens_a_list(text: &str) -> bool {
    text.trim_end().ends_with(':') || HUNDRED_RE.is_match(text) || KRONA_RE.is_match(text)
}

/// The whole a lead line names, in the parts' unit, and the words naming it.
struct Whole {
    value: Decimal,
    /// Byte range of the words naming the whole (or the division) in the lead line.
    start: usize,
    end: usize,
    approximate: bool,
}

/// The whole the lead names for parts in `unit`, if the lead names one and says it is
/// divided; `None` when it names none, both, or says the list is not the whole.
fn whole_of(lead: &str, unit: Unit) -> Option<Whole> {
    let approximate = ABOUT_RE.is_match(lead);
    let divided = DIVIDED_RE.captures(lead).and_then(|c| c.get(1));
    match unit {
        Unit::Percent => {
            let d = divided?;
            if !NOUN_RE.is_match(lead) {
                return None;
            }
            Some(Whole {
                value: Decimal::ONE_HUNDRED,
                start: d.start(),
                end: d.end(),
                approximate,
            })
        }
        Unit::Kronor | Unit::Ore => {
            if divided.is_none() && !GOES_RE.is_match(lead) {
                return None;
            }
            let hundred = HUNDRED_RE.captures(lead).and_then(|c| c.get(1));
            let krona = KRONA_RE.captures(lead).and_then(|c| c.get(1));
            let (kronor, m) = match (hundred, krona) {
                (Some(m), None) => (Decimal::ONE_HUNDRED, m),
                (None, Some(m)) => (Decimal::ONE, m),
                _ => return None,
            };
            let value = match unit {
                Unit::Ore => kronor * Decimal::ONE_HUNDRED,
                _ => kronor,
            };
            Some(Whole {
                value,
                start: m.start(),
                end: m.end(),
                approximate,
            })
        }
    }
}

pub fn check(sink: &mut Sink) {
    let lines = super::prose::text_lines(sink.document);
    // A line naming a whole of money, or ending in a colon, opens a list: no part of one
    // ("100 kronor i skatt fördelas enligt följande:").
    let parts: Vec<Option<Part>> = lines
        .iter()
        .map(|l| part(&l.text).filter(|_| !opens_a_list(&l.text)))
        .collect();
    let mut i = 0;
    while i < lines.len() {
        let Some(unit) = parts[i].as_ref().map(|p| p.unit) else {
            i += 1;
            continue;
        };
        let mut j = i;
        while j + 1 < lines.len()
            && near(lines[j], lines[j + 1])
            && parts[j + 1].as_ref().is_some_and(|p| p.unit == unit)
        {
            j += 1;
        }
        if j - i + 1 >= 3 {
            list(sink, &lines, &parts, i, j);
        }
        i = j + 1;
    }
    // A list flattened onto its lead's line, as transcripts of a page's diagram write it
    // ("Så här fördelas pengarna Förskolan 9,0 % Grundskolan 18,4 % …").
    for (k, line) in lines.iter().enumerate() {
        if parts[k].is_none() {
            flattened_list(sink, line);
        }
    }
    // A whole the prose says consists of parts it lists ("Denna skattesats består av …").
    super::composition::check(sink);
}

/// A list flattened onto its lead's line, read by [`flattened_parts`], against its whole.
fn flattened_list(sink: &mut Sink, line: &SourceLine) {
    let Some((parts, whole)) = flattened_parts(&line.text) else {
        return;
    };
    let list: Vec<&Part> = parts.iter().collect();
    column(
        sink,
        &list,
        line,
        &whole,
        list[0].unit,
        |p| Some(&p.first),
        false,
    );
}

/// A lead naming a divided whole, then nothing but parts to the line's end: four or
/// more, each a label of letters and one figure with the unit of all the others.
fn flattened_parts(text: &str) -> Option<(Vec<Part>, Whole)> {
    let text = text.trim_end().trim_end_matches('.');
    let figures: Vec<(usize, usize)> = FIGURE_RE
        .captures_iter(text)
        .filter_map(|c| Some((c.get(1)?.start(), c.get(3)?.end())))
        .collect();
    if figures.len() < 4 || !text[figures[figures.len() - 1].1..].trim().is_empty() {
        return None;
    }
    // The lead ends where the first part's label starts: the last capitalised word
    // before the first figure.
    let head = &text[..figures[0].0];
    let label_start = head
        .char_indices()
        .rev()
        .find(|&(i, c)| c.is_uppercase() && (i == 0 || head[..i].ends_with(' ')))
        .map(|(i, _)| i)?;
    let lead = &text[..label_start];
    // A page number may open a transcript's line; the lead has no other digit.
    let lead_words = lead
        .trim_start()
        .trim_start_matches(|c: char| c.is_ascii_digit());
    if lead_words.chars().any(|c| c.is_ascii_digit()) || NOT_WHOLE_RE.is_match(lead) {
        return None;
    }
    let mut starts = vec![label_start];
    starts.extend(figures.iter().take(figures.len() - 1).map(|&(_, end)| end));
    let parts: Vec<Part> = starts
        .iter()
        .zip(&figures)
        .map(|(&from, &(_, to))| part(&text[from..to]).filter(|p| !p.sub_part))
        .collect::<Option<Vec<Part>>>()?;
    let unit = parts[0].unit;
    if parts.iter().any(|p| p.unit != unit || p.second.is_some()) {
        return None;
    }
    let mut whole = whole_of(lead, unit)?;
    whole.approximate |= parts.iter().any(|p| p.approximate);
    Some((parts, whole))
}

/// One list, `lines[first..=last]`: its lead, its whole, the comparison of each column.
fn list(sink: &mut Sink, lines: &[&SourceLine], parts: &[Option<Part>], first: usize, last: usize) {
    let list: Vec<&Part> = parts[first..=last].iter().flatten().collect();
    if list.iter().any(|p| p.sub_part) {
        return;
    }
    // A total row after the list: the list's own total, left to TXT002 and SUM001.
    if let Some(next) = lines.get(last + 1).filter(|l| near(lines[last], l)) {
        if super::txt002::total_word_re().is_match(&next.text) {
            return;
        }
    }
    // A total row just before it (a table's "Totalt 23,61 kronor" above its rows): the
    // list divides that total, not the whole the sentence names.
    if let Some(prev) = first.checked_sub(1).map(|p| lines[p]) {
        if within(prev, lines[first], 3) && super::txt002::total_word_re().is_match(&prev.text) {
            return;
        }
    }
    // The lead: the line before the list, or the one before column heads without digits.
    let mut k = first;
    let mut lead = None;
    for _ in 0..3 {
        let Some(prev) = k.checked_sub(1) else { break };
        // Flattened web pages leave up to two blank lines under a heading.
        if !within(lines[prev], lines[k], 3) {
            break;
        }
        k = prev;
        let text = &lines[k].text;
        if NOT_WHOLE_RE.is_match(text) {
            return;
        }
        if let Some(w) = whole_of(text, list[0].unit) {
            lead = Some((lines[k], w));
            break;
        }
        if text.chars().any(|c| c.is_ascii_digit()) || text.trim().chars().count() > 60 {
            break;
        }
    }
    let Some((at, mut whole)) = lead else { return };
    whole.approximate |= list.iter().any(|p| p.approximate);
    let unit = list[0].unit;
    column(sink, &list, at, &whole, unit, |p| Some(&p.first), false);
    if list.iter().all(|p| p.second.is_some()) {
        column(sink, &list, at, &whole, unit, |p| p.second.as_ref(), true);
    }
}

/// One column of the list against the whole.
fn column(
    sink: &mut Sink,
    list: &[&Part],
    at: &SourceLine,
    whole: &Whole,
    unit: Unit,
    figure: impl Fn(&Part) -> Option<&Figure>,
    second: bool,
) {
    let figures: Vec<&Figure> = list.iter().filter_map(|p| figure(p)).collect();
    if figures.len() != list.len() {
        return;
    }
    let sum = Interval::sum(figures.iter().map(|f| f.written()));
    // The whole is a figure of the same kind as the parts: rounding to the coarsest unit.
    let coarsest = figures.iter().map(|f| f.decimals).min().unwrap_or(0);
    let stated = Interval::around(whole.value, half_unit(coarsest));
    let c = compare(sum, stated);
    sink.checked(c.holds);
    if c.holds {
        return;
    }
    let terms = figures
        .iter()
        .map(|f| f.text.as_str())
        .collect::<Vec<_>>()
        .join(" + ");
    let named = at.text[whole.start..whole.end].trim().to_string();
    let symbol = unit.symbol();
    let n = figures.len();
    let sum = c.expected;
    let whole_value = whole.value;
    let which = if second {
        " in the figures in parentheses, the list's second column"
    } else {
        ""
    };
    let gap = (c.expected - c.found).abs();
    let far = gap * Decimal::TEN > whole.value;
    // Parts short of the whole may be a part left out (the list need not be the whole
    // division); parts beyond it cannot all belong to it.
    let short = c.expected < c.found;
    let decided = !far && !short && !whole.approximate;
    let stated = format!(
        "the {n} parts of the whole the text names (\"{named}\": {whole_value} {symbol}) add up to {sum} {symbol}{which} ({terms})"
    );
    let message = if decided {
        format!("{stated}, not {whole_value} {symbol}")
    } else if whole.approximate {
        format!("not decided: {stated}, and the text calls its figures approximate")
    } else if short && !far {
        format!(
            "not decided: {stated}, short of {whole_value} {symbol}: the list may leave a part out"
        )
    } else {
        format!(
            "not decided: {stated}, more than 10 % from the whole: the list may leave parts out, run two lists together or be in another unit"
        )
    };
    super::prose::report_stated(
        sink,
        &RULE,
        decided,
        message,
        at,
        (whole.start, whole.end),
        &c,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    #[test]
    fn a_part_is_one_figure_with_its_unit_and_a_label() {
        let p = part("26,4 kr (29,0) Äldreomsorg").expect("a part");
        assert_eq!(p.unit, Unit::Kronor);
        assert_eq!(p.first.value, d("26.4"));
        assert_eq!(p.second.expect("second").value, d("29.0"));
        // The parenthesis left open still gives the second column.
        let p = part("14,0 kr (14,9 Funktionsstöd").expect("a part");
        assert_eq!(p.second.expect("second").value, d("14.9"));
        let p = part(" • Grundskola: 12,18 kronor").expect("a part");
        assert_eq!((p.first.value, p.first.decimals), (d("12.18"), 2));
        let p = part("44,2 öre: Pensioner, sjukpenning, barnbidrag.").expect("a part");
        assert_eq!(p.unit, Unit::Ore);
        let p = part("Äldre- och handikappomsorg 30,4%").expect("a part");
        assert_eq!(p.unit, Unit::Percent);
        // Two figures, a figure without a label, a rate, a bare number: no part.
        assert!(part("Kommunalskatt 22 procent och 11 procent").is_none());
        assert!(part("5,99 kronor").is_none());
        assert!(part("Förbrukning 19,19 kr/m³").is_none());
        assert!(part("Omsorg om äldre och funktionsnedsatta 35").is_none());
        assert!(part("Äldreomsorg 1 370 mkr (30,34%)").is_none());
        assert!(part("- varav lokaler 3 kr").expect("a part").sub_part);
        // A change, a total row, another quantity in parentheses: no part.
        assert!(part("Skola -2,1 %").is_none());
        assert!(part("Summa 105 kr").is_none());
        assert!(part("Äldreomsorg 26,4 kr (1 370 mkr)").is_none());
        assert!(part("Skola cirka 40 %").expect("a part").approximate);
    }

    #[test]
    fn the_lead_names_the_whole_and_says_it_is_divided() {
        let w = whole_of("Så här används en kommunal hundralapp:", Unit::Kronor).expect("whole");
        assert_eq!(w.value, d("100"));
        let w = whole_of("Av Din skattekrona går:", Unit::Ore).expect("whole");
        assert_eq!(w.value, d("100"));
        let w = whole_of(
            "Fördelning av intäkter (se också diagram nedan):",
            Unit::Percent,
        )
        .expect("whole");
        assert_eq!(w.value, d("100"));
        // A whole without a word of division, a division without a whole of money.
        assert!(whole_of("En hundralapp", Unit::Kronor).is_none());
        assert!(whole_of("Så fördelas kostnaderna:", Unit::Kronor).is_none());
        assert!(whole_of("Kostnad per invånare:", Unit::Percent).is_none());
    }

    /// A list flattened onto its lead's line: the lead, then parts to the line's end.
    #[test]
    fn reads_a_list_flattened_onto_its_lead() {
        let sum = |text: &str| {
            flattened_parts(text).map(|(parts, whole)| {
                (
                    parts.iter().map(|p| p.first.value).sum::<Decimal>(),
                    whole.value,
                )
            })
        };
        assert_eq!(
            sum("2 Så här fördelas pengarna Förskolan 9,0 % Grundskolan 18,4 % Äldreomsorg 32,4 % Kultur 40,9 %"),
            Some((d("100.7"), d("100")))
        );
        // Something after the last part, a lead without a divided whole, a digit in the
        // lead: not read.
        assert!(sum("Så här fördelas pengarna Förskolan 9,0 % Grundskolan 18,4 % Äldreomsorg 32,4 % Kultur 40,9 % i år").is_none());
        assert!(
            sum("Andelar Förskolan 9,0 % Grundskolan 18,4 % Äldreomsorg 32,4 % Kultur 40,9 %")
                .is_none()
        );
        assert!(sum("Så här fördelas pengarna 2024 Förskolan 9,0 % Grundskolan 18,4 % Äldreomsorg 32,4 % Kultur 40,9 %").is_none());
    }
}
