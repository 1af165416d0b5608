//! PCT005: a fee capped at a percentage of the income ceiling the page states ("3 % av
//! inkomsten, dock högst 1 645 kr" under "Inkomsttaket är 54 830 kronor"), whose cap is
//! not that percentage of the ceiling.

use super::pct004::{scan, Fig};
use crate::arith::half_unit;
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;
use crate::document::SourceLine;
use crate::grammar::vocab::Vocabulary;
use crate::LineSpan;
use rust_decimal::Decimal;

pub const RULE: Rule = Rule {
    code: RuleCode::PCT005,
    name: "income-cap-mismatch",
    family: Family::Pct,
    severity: Severity::Error,
    summary: "A fee of a percentage of the household's income \"dock högst\" an amount, where the \
amount is not that percentage of the income ceiling the page states",
    explanation: "Swedish maxtaxa pages (förskola, fritidshem, pedagogisk omsorg) state an \
income ceiling — \"Inkomsttaket är 54 830 kronor per månad\" — and for each child a fee of a \
percentage of the household's income with a highest amount: \"Barn 1: 3 % av inkomsten, dock \
högst 1 645 kr/mån\", \"2% (max 1 097 kronor/månad)\", a table whose header names the cap \
(\"Procent av hushållets inkomst | Maxavgift\"). The highest amount is by definition the \
percentage of the ceiling, rounded to the krona: 3 % of 54 830 is 1 644,9, printed 1 645. \
justera reads the ceilings of the page (a figure of 10 000 or more on a line naming the \
income ceiling, grammars/fee_caps.vocab: \"inkomsttak\", or \"maxtaxa\" with \"inkomst\") and \
every line holding exactly one percentage (in figures or as a word: \"tre procent\") and, after \
a cap word (högst, max, maxavgift), a money figure (kr, kronor, \":-\"). The cap holds when it \
is the percentage of one of the page's ceilings within one krona (rounded to nearest, down or \
up) plus what the ceiling's own rounding allows; a page that states several ceilings (one per \
year) is read against each. A cap that fails is an error only when it is certain that it \
states the percentage of the ceiling: its line names the income (\"av inkomsten\") or sits \
under a header that does, and another cap of the page holds against the same ceilings, which \
shows that the ceiling and the relation were read right. Otherwise it is not decided (info). \
Not read: a line with two percentages or none, a cap without a money mark, a line that states \
the ceiling itself.",
    checks: &[Check::Document(check)],
};

/// A percentage written as a word before "procent" ("tre procent").
const PERCENT_WORDS: [(&str, u32); 7] = [
    ("en", 1),
    ("ett", 1),
    ("två", 2),
    ("tre", 3),
    ("fyra", 4),
    ("fem", 5),
    ("sex", 6),
];

/// Lower-case words of a line with the byte offset where each ends.
fn words_with_ends(s: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            out.push((s[st..i].to_lowercase(), i));
        }
    }
    if let Some(st) = start {
        out.push((s[st..].to_lowercase(), s.len()));
    }
    out
}

fn in_list(vocab: &Vocabulary, key: &str, word: &str) -> bool {
    vocab
        .words("fee_caps", key)
        .iter()
        .any(|ph| match ph.strip_suffix('*') {
            Some(stem) => word.starts_with(stem),
            None => word == ph,
        })
}

/// A ceiling the page states.
struct Ceiling<'a> {
    value: Decimal,
    decimals: u32,
    line: &'a SourceLine,
}

/// A fee line: a percentage of the income, and its highest amount.
struct Cap<'a> {
    line: &'a SourceLine,
    percent: Decimal,
    amount: Fig,
    /// The line or its table header names the income the percentage is of.
    names_income: bool,
}

/// Whether a money figure is marked as such: kr, kronor, ":-", or a currency word after.
fn is_money(line: &str, f: &Fig) -> bool {
    if f.money {
        return true;
    }
    let rest = line[f.end..].trim_start().to_lowercase();
    rest.starts_with(":-")
        || ["kr", "kronor", "sek", "euro", "€"]
            .iter()
            .any(|w| rest.starts_with(w) && !rest[w.len()..].starts_with(char::is_alphabetic))
}

/// The one percentage of a line: a figure with "%" or "procent", or a number word before
/// "procent". `None` when there are none or several.
fn one_percentage(line: &str, figs: &[Fig]) -> Option<(Decimal, usize)> {
    let mut found: Vec<(Decimal, usize)> = figs
        .iter()
        .filter(|f| f.percent)
        .map(|f| (f.value, f.start))
        .collect();
    let ws = words_with_ends(line);
    for pair in ws.windows(2) {
        let (w, end) = (&pair[0].0, pair[0].1);
        if matches!(pair[1].0.as_str(), "procent" | "prosent") {
            if let Some((_, n)) = PERCENT_WORDS.iter().find(|(word, _)| word == w) {
                found.push((Decimal::from(*n), end - w.len()));
            }
        }
    }
    (found.len() == 1).then(|| found[0])
}

/// The header line of the pipe table a line belongs to: the nearest line above, over
/// consecutive table lines, that holds no figure.
fn pipe_header(lines: &[SourceLine], at: usize) -> Option<&SourceLine> {
    if !lines[at].text.contains('|') {
        return None;
    }
    let mut i = at;
    while i > 0 {
        i -= 1;
        let l = &lines[i];
        if !l.text.contains('|') {
            return None;
        }
        // A Markdown rule under the header ("---|---|") is no header.
        if l.text
            .chars()
            .all(|c| matches!(c, '-' | '|' | ':' | ' ' | '\t'))
        {
            continue;
        }
        if scan(&l.text).is_empty() {
            return Some(l);
        }
    }
    None
}

pub fn check(sink: &mut Sink) {
    let vocab = sink.vocab;
    let lines = &sink.document.lines;
    // Cheap gate: no percentage, no relation.
    if !lines
        .iter()
        .any(|l| l.text.contains('%') || l.text.contains("procent"))
    {
        return;
    }
    let mut ceilings: Vec<Ceiling> = Vec::new();
    let mut ceiling_lines = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let ws = words_with_ends(&l.text);
        let lower = l.text.to_lowercase();
        let has = |key: &str| {
            ws.iter().any(|(w, _)| in_list(vocab, key, w))
                || vocab
                    .words("fee_caps", key)
                    .iter()
                    .any(|ph| ph.contains(' ') && lower.contains(ph.as_str()))
        };
        if !(has("ceiling") || (has("tariff") && has("income"))) {
            continue;
        }
        let before = ceilings.len();
        for f in scan(&l.text) {
            if !f.percent && f.value >= Decimal::from(10_000) && is_money(&l.text, &f) {
                ceilings.push(Ceiling {
                    value: f.value,
                    decimals: f.decimals,
                    line: l,
                });
            }
        }
        if ceilings.len() > before {
            ceiling_lines.push(i);
        }
    }
    if ceilings.is_empty() {
        return;
    }
    let mut caps: Vec<Cap> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if ceiling_lines.contains(&i) {
            continue;
        }
        let figs = scan(&l.text);
        let Some((percent, _)) = one_percentage(&l.text, &figs) else {
            continue;
        };
        if percent <= Decimal::ZERO || percent > Decimal::TEN {
            continue;
        }
        let ws = words_with_ends(&l.text);
        let header = pipe_header(lines, i);
        // Where the cap amount may begin: after the line's cap word, or anywhere in a row
        // of a table whose header names the cap.
        let from = match ws.iter().find(|(w, _)| in_list(vocab, "cap", w)) {
            Some((_, end)) => *end,
            None => match header {
                Some(h)
                    if words_with_ends(&h.text)
                        .iter()
                        .any(|(w, _)| in_list(vocab, "cap", w)) =>
                {
                    0
                }
                _ => continue,
            },
        };
        let Some(amount) = figs
            .iter()
            .find(|f| f.start >= from && !f.percent && is_money(&l.text, f))
        else {
            continue;
        };
        let income = |t: &str| {
            words_with_ends(t)
                .iter()
                .any(|(w, _)| in_list(vocab, "income", w))
        };
        caps.push(Cap {
            line: l,
            percent,
            amount: amount.clone(),
            names_income: income(&l.text) || header.is_some_and(|h| income(&h.text)),
        });
    }
    if caps.is_empty() {
        return;
    }
    // The difference between a cap and the percentage of a ceiling, and what rounding
    // allows: one unit of the cap's last digit (rounded to nearest, down or up) and the
    // ceiling's own rounding scaled by the percentage.
    let gap = |cap: &Cap, c: &Ceiling| {
        let share = cap.percent / Decimal::ONE_HUNDRED;
        let expected = c.value * share;
        let unit = half_unit(cap.amount.decimals) * Decimal::TWO;
        let allowed = unit + half_unit(c.decimals) * share;
        (expected, (cap.amount.value - expected).abs(), allowed)
    };
    let holds = |cap: &Cap| {
        ceilings.iter().any(|c| {
            let (_, off, allowed) = gap(cap, c);
            off < allowed
        })
    };
    let holding = caps.iter().filter(|c| holds(c)).count();
    for cap in &caps {
        if holds(cap) {
            sink.checked(true);
            continue;
        }
        let paragraph = sink.paragraph_at(&cap.line.provenance);
        let Some((ceiling, (expected, _, allowed))) = ceilings
            .iter()
            .map(|c| (c, gap(cap, c)))
            .min_by_key(|(_, (_, off, _))| *off)
        else {
            continue;
        };
        let written = cap.line.text[cap.amount.start..cap.amount.end].trim();
        let p = fmt(cap.percent);
        let ceil_written = fmt_grouped(ceiling.value);
        if holding == 0 || !cap.names_income {
            let why = if holding == 0 {
                "no other cap of the page is its percentage of the ceiling, so the ceiling or \
                 the relation may be read wrong"
            } else {
                "the line does not name the income its percentage is of"
            };
            let f = sink.report(
                &RULE,
                Severity::Info,
                format!(
                    "not decided: the cap {written} is not {p} % of the income ceiling \
                     {ceil_written} (line {}), which is {}; but {why}",
                    ceiling.line.provenance.line,
                    fmt_grouped(expected)
                ),
                cap.line.provenance.clone(),
            );
            f.paragraph = paragraph;
            continue;
        }
        sink.checked(false);
        let span = LineSpan::in_line(&cap.line.text, cap.amount.start, cap.amount.end);
        let message = format!(
            "the cap {written} is not {p} % of the page's income ceiling {ceil_written} (line \
             {}): {p} % of it is {}; {holding} other cap{} of the page {} {} percentage of the \
             ceiling",
            ceiling.line.provenance.line,
            fmt_grouped(expected),
            if holding == 1 { "" } else { "s" },
            if holding == 1 { "is" } else { "are" },
            if holding == 1 { "its" } else { "their" },
        );
        let f = sink.report(
            &RULE,
            RULE.severity,
            message,
            cap.line.provenance.clone().with_span(span),
        );
        f.paragraph = paragraph;
        f.expected = Some(expected.round_dp(4).normalize());
        f.found = Some(cap.amount.value.normalize());
        f.tolerance = Some(allowed.round_dp(4).normalize());
        f.figure = Some(written.to_string());
    }
}

fn fmt(v: Decimal) -> String {
    v.round_dp(4).normalize().to_string().replace('.', ",")
}

/// A whole figure with space-grouped thousands, as the pages write it ("45 390").
fn fmt_grouped(v: Decimal) -> String {
    let s = fmt(v);
    let (int, frac) = match s.split_once(',') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{grouped},{f}"),
        None => grouped,
    }
}

#[cfg(test)]
mod tests {
    use crate::check::registry::RuleCode;
    use crate::check::Sink;
    use crate::document::Document;
    use crate::grammar::vocab::Vocabulary;

    /// The rule run on a page of text lines: its findings (severity and message), and
    /// the relations it checked and found failing.
    fn findings(text: &str) -> (Vec<(RuleCode, String)>, u64, u64) {
        let doc = Document::of_text_lines(text);
        let mut sink = Sink::new(&doc, Vocabulary::builtin_shared());
        super::check(&mut sink);
        (
            sink.findings
                .into_iter()
                .filter(|f| f.rule == RuleCode::PCT005)
                .map(|f| (f.rule, format!("{:?} {}", f.severity, f.message)))
                .collect(),
            sink.stats.relations_checked,
            sink.stats.relations_failed,
        )
    }

    const PAGE: &str = "Barnomsorgstaxa\n\nDet nya inkomsttaket är 45 390 kronor/månad\n\n \
• Barn nr 1   3% av inkomsten, dock högst 1 362:-/mån\n \
• Barn nr 2   2% av inkomsten, dock högst 908:-/mån\n \
• Barn nr 3   1% av inkomsten, dock högst 454:-/mån\n\n\
Avgiften för fritidsklubb är 0,5% av inkomsten dock högst 219:- i månaden.\n";

    #[test]
    fn a_cap_that_is_not_its_percentage_of_the_ceiling_is_an_error_when_others_hold() {
        let (f, checked, failed) = findings(PAGE);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].1.starts_with("Error the cap 219 is not 0,5 %"),
            "{f:?}"
        );
        assert!(f[0].1.contains("226,95"), "{f:?}");
        assert!(checked >= 4 && failed >= 1, "{checked} {failed}");
    }

    #[test]
    fn caps_rounded_to_the_krona_hold() {
        let page = "Inkomsttaket är 54 830 kr per månad.\n\
Barn 1: tre procent av inkomsten, dock högst 1645 kronor/månad\n\
Barn 2: två procent av inkomsten, dock högst 1097 kronor/månad\n\
Barn 3: en procent av inkomsten, dock högst 548 kronor/månad\n";
        let (f, checked, failed) = findings(page);
        assert!(f.is_empty(), "{f:?}");
        assert_eq!((checked, failed), (3, 0));
    }

    #[test]
    fn a_table_whose_header_names_the_cap_is_read_against_each_ceiling_of_the_page() {
        let page = "Inkomsttak för maxtaxa 54 830 kr.\n\
Barn i förskola | Procent av hushållets inkomst | Maxavgift |\n\
Yngsta barnet | 3 % | 1645 kr/mån |\n\
Näst yngsta barnet | 2 % | 1097 kr/mån |\n\
Inkomsttak för maxtaxa 52 410 kr.\n\
Barn i förskola | Procent av hushållets inkomst | Maxavgift |\n\
Yngsta barnet | 3 % | 1572 kr/mån |\n\
Näst yngsta barnet | 2 % | 1058 kr/mån |\n";
        let (f, _, _) = findings(page);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].1.contains("the cap 1058 is not 2 %"), "{f:?}");
    }

    #[test]
    fn a_lone_failing_cap_or_one_not_naming_the_income_is_not_decided() {
        let lone =
            "Inkomsttaket är 45 390 kronor.\nBarn 1: 3 % av inkomsten, dock högst 1 400 kr\n";
        let (f, _, failed) = findings(lone);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].1.starts_with("Info not decided"), "{f:?}");
        assert_eq!(failed, 0);
        let unnamed = "Inkomsttaket är 45 390 kronor.\n\
Barn 1: 3 % av inkomsten, dock högst 1 362 kr\n\
Avgiften höjs med 2 % till högst 1 500 kr\n";
        let (f, _, _) = findings(unnamed);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].1.starts_with("Info not decided"), "{f:?}");
    }

    #[test]
    fn a_page_without_a_ceiling_is_not_read() {
        let page = "Barn 1: 3 % av inkomsten, dock högst 1 400 kr\n\
Barn 2: 2 % av inkomsten, dock högst 908 kr\n";
        let (f, checked, _) = findings(page);
        assert!(f.is_empty(), "{f:?}");
        assert_eq!(checked, 0);
    }
}
