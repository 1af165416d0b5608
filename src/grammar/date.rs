//! Dates, times and periods as Swedish records write them.
//!
//! Dates: "2022-03-02", "20191202", "2020 06 01", "8 februari 2021", "den 6/9 2019", "6/9"
//! (the year from context). Times: "kl. 09.00-10.45", "kl 10:00 – 12.00", "kl. 12.00".
//! Periods (column headers and prose): "aug 2021", "Utfall ack. aug 2020", "Budget 2022",
//! "2023-2025", "helår", "UB 2020", "IB 2021", "per 2021-08-31". EBNF in grammars/README.md.

use crate::grammar::vocab::Vocabulary;
use chrono::{NaiveDate, NaiveTime};
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while1, take_while_m_n};
use nom::character::complete::{char as nom_char, satisfy, space0, space1};
use nom::combinator::{not, opt, peek};
use nom::sequence::{preceded, terminated};
use nom::{IResult, Parser};
use serde::{Deserialize, Serialize};
use std::ops::Range;

type Res<'a, T> = IResult<&'a str, T>;

fn fail<T>(i: &str) -> Res<'_, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Verify,
    )))
}

fn digits(min: usize, max: usize) -> impl FnMut(&str) -> Res<'_, u32> {
    move |i| {
        let (rest, d) = terminated(
            take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
            not(peek(satisfy(|c: char| c.is_ascii_digit()))),
        )
        .parse(i)?;
        match d.parse() {
            Ok(n) => Ok((rest, n)),
            Err(_) => fail(i),
        }
    }
}

/// A plausible year of a municipal record.
fn year(i: &str) -> Res<'_, i32> {
    let (rest, y) = digits(4, 4)(i)?;
    if (1900..=2100).contains(&y) {
        Ok((rest, y as i32))
    } else {
        fail(i)
    }
}

fn dash(i: &str) -> Res<'_, char> {
    satisfy(|c| matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—')).parse(i)
}

fn ymd(i: &str, y: i32, m: u32, d: u32) -> Res<'_, NaiveDate> {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => Ok((i, date)),
        None => fail(i),
    }
}

/// "2022-03-02" (also with 1-digit month/day).
fn iso_date(i: &str) -> Res<'_, NaiveDate> {
    let (r, (y, _, m, _, d)) = (
        year,
        nom_char('-'),
        digits(1, 2),
        nom_char('-'),
        digits(1, 2),
    )
        .parse(i)?;
    ymd(r, y, m, d)
}

/// "20191202".
fn compact_date(i: &str) -> Res<'_, NaiveDate> {
    let (r, s) = terminated(
        take_while_m_n(8, 8, |c: char| c.is_ascii_digit()),
        not(peek(satisfy(|c: char| c.is_ascii_digit()))),
    )
    .parse(i)?;
    let (Ok(y), Ok(m), Ok(d)) = (s[..4].parse::<i32>(), s[4..6].parse(), s[6..].parse()) else {
        return fail(i);
    };
    if !(1900..=2100).contains(&y) {
        return fail(i);
    }
    ymd(r, y, m, d)
}

/// "2020 06 01".
fn spaced_date(i: &str) -> Res<'_, NaiveDate> {
    let (r, (y, _, m, _, d)) = (
        year,
        nom_char(' '),
        digits(2, 2),
        nom_char(' '),
        digits(2, 2),
    )
        .parse(i)?;
    ymd(r, y, m, d)
}

fn month_name<'i>(i: &'i str, vocab: &Vocabulary) -> Res<'i, u32> {
    let (r, w) = take_while1(|c: char| c.is_alphabetic() || c == '.').parse(i)?;
    match vocab.month(w) {
        Some(m) => Ok((r, m)),
        None => fail(i),
    }
}

/// "8 februari 2021", "8 feb. 2021", "8 februari" (year from context).
fn textual_date(
    default_year: Option<i32>,
    vocab: &Vocabulary,
) -> impl FnMut(&str) -> Res<'_, NaiveDate> + '_ {
    move |i| {
        // "8 februari", "8. februari", "18:e november", "1:a april".
        let ordinal = opt(alt((nom_char('.'), |i| {
            (nom_char(':'), satisfy(|c| c == 'a' || c == 'e'))
                .parse(i)
                .map(|(r, _)| (r, ':'))
        })));
        let (r, (d, _, _, m)) =
            (digits(1, 2), ordinal, space1, |i| month_name(i, vocab)).parse(i)?;
        let (r, y) = opt(preceded(space1, year)).parse(r)?;
        match y.or(default_year) {
            Some(y) => ymd(r, y, m, d),
            None => fail(i),
        }
    }
}

/// "6/9 2019", "6/9-2019", "6/9" (year from context).
fn slash_date(default_year: Option<i32>) -> impl FnMut(&str) -> Res<'_, (NaiveDate, bool)> {
    move |i| {
        let (r, (d, _, m)) = (digits(1, 2), nom_char('/'), digits(1, 2)).parse(i)?;
        let (r, y) = opt(preceded(alt((space1, tag("-"))), year)).parse(r)?;
        let has_year = y.is_some();
        match y.or(default_year) {
            Some(y) => ymd(r, y, m, d).map(|(r, date)| (r, (date, has_year))),
            None => fail(i),
        }
    }
}

fn any_date(
    default_year: Option<i32>,
    vocab: &Vocabulary,
) -> impl FnMut(&str) -> Res<'_, NaiveDate> + '_ {
    move |i| {
        let (i, _) = opt((tag_no_case("den"), space1)).parse(i)?;
        alt((
            iso_date,
            compact_date,
            spaced_date,
            textual_date(default_year, vocab),
            |i| slash_date(default_year)(i).map(|(r, (d, _))| (r, d)),
        ))
        .parse(i)
    }
}

/// The whole text as one date; `default_year` fills in "6/9" and "8 februari".
pub fn parse_date(text: &str, default_year: Option<i32>, vocab: &Vocabulary) -> Option<NaiveDate> {
    match any_date(default_year, vocab)(text.trim()) {
        Ok(("", d)) => Some(d),
        _ => None,
    }
}

/// Characters that glue a number to the one before ("2021-08" inside "2021-08-31"). A "/"
/// does not: "§ 3/2022-03-02" holds a date.
fn glued(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '.' | ',' | ':' | '‐' | '–')
}

/// Runs `p` at each word start of `text` and keeps matches that end at a word boundary.
fn scan<'t, T>(
    text: &'t str,
    mut p: impl FnMut(&'t str, bool) -> Option<(&'t str, T)>,
) -> Vec<(Range<usize>, T)> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut skip_to = 0;
    for (at, c) in text.char_indices() {
        if at >= skip_to && !prev.is_some_and(glued) && c.is_alphanumeric() {
            // Only the last four characters matter (lower-casing the whole prefix at
            // every word made long lines quadratic).
            let tail = text[..at].char_indices().rev().nth(3).map_or(0, |(i, _)| i);
            let after_den = text[tail..at].to_lowercase() == "den ";
            if let Some((rest, v)) = p(&text[at..], after_den) {
                let end = text.len() - rest.len();
                let clean = match rest.chars().next() {
                    None => true,
                    Some(n) if n.is_alphanumeric() => false,
                    Some(n) if matches!(n, '/' | '.' | ',' | ':' | '-') => {
                        !rest[n.len_utf8()..].starts_with(|d: char| d.is_ascii_digit())
                    }
                    Some(_) => true,
                };
                if clean && end > at {
                    out.push((at..end, v));
                    skip_to = end;
                }
            }
        }
        prev = Some(c);
    }
    out
}

/// Every date in a line. Day/month dates without a year ("6/9") count only after "den"
/// ("den 6/9"), so fractions like "50/50" stay out.
pub fn find_dates(
    text: &str,
    default_year: Option<i32>,
    vocab: &Vocabulary,
) -> Vec<(Range<usize>, NaiveDate)> {
    scan(text, |s, after_den| {
        let r = alt((
            iso_date,
            compact_date,
            spaced_date,
            textual_date(default_year, vocab),
        ))
        .parse(s);
        if let Ok((rest, d)) = r {
            return Some((rest, d));
        }
        match slash_date(default_year)(s) {
            Ok((rest, (d, has_year))) if has_year || after_den => Some((rest, d)),
            _ => None,
        }
    })
}

// ---------------------------------------------------------------------------------
// Times

/// A meeting time: "kl. 09.00-10.45" → 09:00–10:45; "kl. 12.00" has no end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeRange {
    pub start: NaiveTime,
    pub end: Option<NaiveTime>,
}

fn clock(require_minutes: bool) -> impl FnMut(&str) -> Res<'_, NaiveTime> {
    move |i| {
        let (r, h) = digits(1, 2)(i)?;
        let (r, m) = opt(preceded(satisfy(|c| c == '.' || c == ':'), digits(2, 2))).parse(r)?;
        if require_minutes && m.is_none() {
            return fail(i);
        }
        match NaiveTime::from_hms_opt(h, m.unwrap_or(0), 0) {
            Some(t) => Ok((r, t)),
            None => fail(i),
        }
    }
}

fn kl(i: &str) -> Res<'_, &str> {
    terminated(
        alt((tag_no_case("klockan"), tag_no_case("kl"))),
        (opt(nom_char('.')), space0),
    )
    .parse(i)
}

/// `["kl" ["."]] time [ - time ]`; without "kl" both times need minutes ("09.00-10.45").
fn time_range(i: &str) -> Res<'_, TimeRange> {
    let (r, has_kl) = opt(kl).parse(i)?;
    let has_kl = has_kl.is_some();
    let (r, start) = clock(!has_kl)(r)?;
    let (r, end) = opt(preceded((space0, dash, space0), clock(!has_kl))).parse(r)?;
    if !has_kl && end.is_none() {
        return fail(i);
    }
    Ok((r, TimeRange { start, end }))
}

/// The whole text as one time or time range.
pub fn parse_time_range(text: &str) -> Option<TimeRange> {
    match time_range(text.trim()) {
        Ok(("", t)) => Some(t),
        _ => None,
    }
}

/// Every time or time range in a line ("Plats och tid … kl. 09.00-10.45.").
pub fn find_time_ranges(text: &str) -> Vec<(Range<usize>, TimeRange)> {
    scan(text, |s, _| time_range(s).ok())
}

// ---------------------------------------------------------------------------------
// Periods

/// The time a figure covers, as a column header or a sentence names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum PeriodSpan {
    Year {
        year: i32,
    },
    Years {
        from: i32,
        to: i32,
    },
    Month {
        year: i32,
        month: u32,
    },
    /// "jan-aug 2021": from the first month to the end of the last.
    Months {
        year: i32,
        from: u32,
        to: u32,
    },
    Date {
        date: NaiveDate,
    },
}

/// "Utfall ack. aug 2020" → measure "utfall", accumulated, August 2020.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// The column-header key from grammars/columns.vocab ("utfall", "budget", "ub" …).
    pub measure: Option<String>,
    /// "ack.": accumulated from the start of the year to the span's end.
    pub accumulated: bool,
    /// "helår": the whole year.
    pub full_year: bool,
    /// "per 2021-08-31": a balance at a date.
    pub as_of: bool,
    pub span: Option<PeriodSpan>,
}

fn year_range(i: &str) -> Res<'_, PeriodSpan> {
    let (r, (from, _, to)) = (year, (space0, dash, space0), year).parse(i)?;
    if to < from {
        return fail(i);
    }
    Ok((r, PeriodSpan::Years { from, to }))
}

fn month_year(
    default_year: Option<i32>,
    vocab: &Vocabulary,
) -> impl FnMut(&str) -> Res<'_, PeriodSpan> + '_ {
    move |i| {
        let (r, month) = month_name(i, vocab)?;
        let (r, to) = opt(preceded((space0, dash, space0), |i| month_name(i, vocab))).parse(r)?;
        let (r, y) = opt(preceded(space1, year)).parse(r)?;
        let Some(year) = y.or(default_year) else {
            return fail(i);
        };
        match to {
            Some(to) if to > month => Ok((
                r,
                PeriodSpan::Months {
                    year,
                    from: month,
                    to,
                },
            )),
            Some(_) => fail(i),
            None => Ok((r, PeriodSpan::Month { year, month })),
        }
    }
}

fn span(
    default_year: Option<i32>,
    vocab: &Vocabulary,
) -> impl FnMut(&str) -> Res<'_, PeriodSpan> + '_ {
    move |i| {
        alt((
            |i| iso_date(i).map(|(r, date)| (r, PeriodSpan::Date { date })),
            |i| compact_date(i).map(|(r, date)| (r, PeriodSpan::Date { date })),
            year_range,
            |i| year(i).map(|(r, year)| (r, PeriodSpan::Year { year })),
            |i| short_date(i).map(|(r, date)| (r, PeriodSpan::Date { date })),
            month_year(default_year, vocab),
        ))
        .parse(i)
    }
}

/// Reads a header or phrase as a period. Lenient: words it does not know ("och", "vs.")
/// are passed over; the first measure word and the first span count. `None` when
/// nothing period-like is there. `default_year` dates a bare month ("aug").
pub fn parse_period(text: &str, default_year: Option<i32>, vocab: &Vocabulary) -> Option<Period> {
    let cleaned = text
        .replace("**", " ")
        .replace("<b>", " ")
        .replace("</b>", " ");
    let mut rest = cleaned.trim();
    let mut p = Period::default();
    while !rest.is_empty() {
        if let Ok((r, s)) = terminated(span(default_year, vocab), word_boundary).parse(rest) {
            p.span = p.span.or(Some(s));
            rest = r.trim_start();
            continue;
        }
        let word_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = rest[..word_len].to_lowercase();
        let mut consumed = word_len;
        match word.trim_end_matches([':', ',']) {
            "ack" | "ack." | "ackumulerat" | "ackumulerad" | "ackum." => p.accumulated = true,
            "helår" | "helåret" | "helårs" | "helårsprognos" => {
                p.full_year = true;
                if word.starts_with("helårsprognos") && p.measure.is_none() {
                    p.measure = Some("prognos".into());
                }
            }
            "per" => p.as_of = true,
            _ if p.measure.is_none() => {
                if let Some((key, n)) = vocab.lookup_prefix("columns", rest) {
                    p.measure = Some(key.to_string());
                    consumed = nth_word_end(rest, n);
                }
            }
            _ => {}
        }
        rest = rest[consumed..].trim_start();
    }
    (p.measure.is_some() || p.span.is_some() || p.full_year).then_some(p)
}

/// The end of a span: no letter or digit next, and no "/", "-", "." or ":" joining it to
/// another number ("ITSAM 2021/72" holds no year).
fn word_boundary(i: &str) -> Res<'_, ()> {
    let mut chars = i.chars();
    match chars.next() {
        Some(c) if c.is_alphanumeric() => fail(i),
        Some('/' | '-' | '.' | ':' | ',') if chars.next().is_some_and(|d| d.is_ascii_digit()) => {
            fail(i)
        }
        _ => Ok((i, ())),
    }
}

/// "181231": a six-digit date as population and balance headers write it ("Antal
/// invånare 181231"); only in period headers, where a bare six-digit number is rare.
fn short_date(i: &str) -> Res<'_, NaiveDate> {
    let (r, s) = terminated(
        take_while_m_n(6, 6, |c: char| c.is_ascii_digit()),
        not(peek(satisfy(|c: char| c.is_ascii_digit()))),
    )
    .parse(i)?;
    let (Ok(y), Ok(m), Ok(d)) = (s[..2].parse::<i32>(), s[2..4].parse(), s[4..].parse()) else {
        return fail(i);
    };
    ymd(r, 2000 + y, m, d)
}

/// Byte offset just after the `n`th whitespace-separated word of `s`.
fn nth_word_end(s: &str, n: usize) -> usize {
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == n {
                    return i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    s.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    // The functions under test, with the built-in vocabulary.
    fn parse_date(s: &str, y: Option<i32>) -> Option<NaiveDate> {
        super::parse_date(s, y, Vocabulary::builtin_shared())
    }
    fn find_dates(s: &str, y: Option<i32>) -> Vec<(Range<usize>, NaiveDate)> {
        super::find_dates(s, y, Vocabulary::builtin_shared())
    }
    fn parse_period(s: &str, y: Option<i32>) -> Option<Period> {
        super::parse_period(s, y, Vocabulary::builtin_shared())
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_else(|| panic!("bad test date"))
    }
    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap_or_else(|| panic!("bad test time"))
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2022-03-02", None), Some(d(2022, 3, 2)));
        assert_eq!(parse_date("20191202", None), Some(d(2019, 12, 2)));
        assert_eq!(parse_date("2020 06 01", None), Some(d(2020, 6, 1)));
        assert_eq!(parse_date("8 februari 2021", None), Some(d(2021, 2, 8)));
        assert_eq!(parse_date("den 6/9 2019", None), Some(d(2019, 9, 6)));
        assert_eq!(parse_date("6/9", Some(2021)), Some(d(2021, 9, 6)));
        assert_eq!(parse_date("6/9", None), None);
        assert_eq!(parse_date("8 februari", Some(2021)), Some(d(2021, 2, 8)));
        assert_eq!(
            parse_date("den 18:e november 2021", None),
            Some(d(2021, 11, 18))
        );
        assert_eq!(parse_date("1:a april 2020", None), Some(d(2020, 4, 1)));
        assert_eq!(parse_date("2022-02-30", None), None);
        assert_eq!(parse_date("20191302", None), None);
        assert_eq!(parse_date("2022-03-02 x", None), None);
    }

    #[test]
    fn dates_in_lines() {
        let found = |s: &str, y| {
            find_dates(s, y)
                .into_iter()
                .map(|(r, date)| (s[r].to_string(), date))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found(
                "Justeringens plats och tid Kommunhuset, Vårgårda kommun, 2022-03-02, kl. 12.00",
                None
            ),
            vec![("2022-03-02".into(), d(2022, 3, 2))]
        );
        assert_eq!(
            found("**Tid:** Måndag 8 februari 2021, kl. 08:30**Plats:**", None),
            vec![("8 februari 2021".into(), d(2021, 2, 8))]
        );
        assert_eq!(
            found("2019 09 06 – 2020 05 30", None),
            vec![
                ("2019 09 06".into(), d(2019, 9, 6)),
                ("2020 05 30".into(), d(2020, 5, 30))
            ]
        );
        assert_eq!(
            found("Lanserat den 1/4 inför HT-20", Some(2020)),
            vec![("1/4".into(), d(2020, 4, 1))]
        );
        // References and fractions are not dates.
        assert!(found("Dnr 2021/8, DNR ITVT 6/2022, 50/50", Some(2021)).is_empty());
        assert_eq!(
            found("ITVT § 3/2022-03-02", None),
            vec![("2022-03-02".into(), d(2022, 3, 2))]
        );
    }

    #[test]
    fn times() {
        let both = |a, b| {
            Some(TimeRange {
                start: a,
                end: Some(b),
            })
        };
        assert_eq!(
            parse_time_range("kl. 09.00-10.45"),
            both(t(9, 0), t(10, 45))
        );
        assert_eq!(
            parse_time_range("kl 10:00 – 12.00"),
            both(t(10, 0), t(12, 0))
        );
        assert_eq!(parse_time_range("09.00–12.00"), both(t(9, 0), t(12, 0)));
        assert_eq!(
            parse_time_range("kl. 12.00"),
            Some(TimeRange {
                start: t(12, 0),
                end: None
            })
        );
        assert_eq!(parse_time_range("kl. 25.00"), None);
        assert_eq!(parse_time_range("12.00"), None);
        let line = "Plats och tid Vårgårda kommun, kommunhuset, Stora Ljungås kl. 09.00-10.45.";
        let found = find_time_ranges(line);
        assert_eq!(found.len(), 1);
        assert_eq!(&line[found[0].0.clone()], "kl. 09.00-10.45");
    }

    #[test]
    fn periods() {
        let p = |s: &str| parse_period(s, Some(2021)).unwrap_or_else(|| panic!("{s}"));
        let month = |year, month| Some(PeriodSpan::Month { year, month });
        assert_eq!(p("aug 2021").span, month(2021, 8));
        let u = p("Utfall ack. aug 2020");
        assert_eq!(
            (u.measure.as_deref(), u.accumulated, u.span),
            (Some("utfall"), true, month(2020, 8))
        );
        let b = p("Budget 2022");
        assert_eq!(
            (b.measure.as_deref(), b.span),
            (Some("budget"), Some(PeriodSpan::Year { year: 2022 }))
        );
        assert_eq!(
            p("2023-2025").span,
            Some(PeriodSpan::Years {
                from: 2023,
                to: 2025
            })
        );
        assert!(p("helår").full_year);
        assert_eq!(p("UB 2020").measure.as_deref(), Some("ub"));
        assert_eq!(p("IB 2021").span, Some(PeriodSpan::Year { year: 2021 }));
        let per = p("per 2021-08-31");
        assert!(per.as_of);
        assert_eq!(
            per.span,
            Some(PeriodSpan::Date {
                date: d(2021, 8, 31)
            })
        );
        let dev = p("Avvikelse budget vs. prognos helår");
        assert_eq!(
            (dev.measure.as_deref(), dev.full_year),
            (Some("avvikelse"), true)
        );
        assert_eq!(p("Utfall ack aug").span, month(2021, 8));
        assert_eq!(
            p("Utfall jan-aug 2021").span,
            Some(PeriodSpan::Months {
                year: 2021,
                from: 1,
                to: 8
            })
        );
        assert_eq!(parse_period("Personalkostnader", None), None);
        assert_eq!(parse_period("ITSAM 2021/72", None), None);
        let pop = p("Antal invånare 181231");
        assert_eq!(pop.measure.as_deref(), Some("invanare"));
        assert_eq!(
            pop.span,
            Some(PeriodSpan::Date {
                date: d(2018, 12, 31)
            })
        );
    }
}
