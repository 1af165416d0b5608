//! References to paragraphs and case numbers: "§ 7", "§§ 59-62", "§§ 130 - 143",
//! "ITVT § 3/2022-03-02", "KF § 154/2021-11-23", "Dnr 2021/8", "DNR ITVT 6/2022",
//! "ITSAM 2021/72", "KS 2019/492", "GSN 2020/30". EBNF in grammars/README.md.

use chrono::NaiveDate;
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while_m_n};
use nom::character::complete::{char as nom_char, satisfy, space0, space1};
use nom::combinator::{not, opt, peek, recognize};
use nom::sequence::{pair, preceded, terminated};
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

/// A paragraph or a run of paragraphs, optionally of a named organ and meeting:
/// "ITVT § 3/2022-03-02" → prefix ITVT, 3..=3, 2022-03-02.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParagraphRef {
    /// The organ's code ("ITVT", "KF", "KS"), when written.
    pub prefix: Option<String>,
    pub from: u32,
    /// Equal to `from` for a single paragraph.
    pub to: u32,
    /// The meeting date after "/", when written.
    pub date: Option<NaiveDate>,
}

/// A diarienummer: "KS 2019/492", "DNR ITVT 6/2022" (number before year).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dnr {
    /// The registry's code ("KS", "ITVT", "GSN"), when written.
    pub prefix: Option<String>,
    pub year: i32,
    pub number: u32,
    /// The text as written.
    pub raw: String,
}

impl Dnr {
    /// One spelling for comparing case numbers written differently: "KS 2019/492".
    pub fn canonical(&self) -> String {
        match &self.prefix {
            Some(p) => format!("{p} {}/{}", self.year, self.number),
            None => format!("{}/{}", self.year, self.number),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Reference {
    Paragraph(ParagraphRef),
    Dnr(Dnr),
}

fn number(i: &str) -> Res<'_, u32> {
    let (r, d) = terminated(
        take_while_m_n(1, 6, |c: char| c.is_ascii_digit()),
        not(peek(satisfy(|c: char| c.is_ascii_digit()))),
    )
    .parse(i)?;
    match d.parse() {
        Ok(n) => Ok((r, n)),
        Err(_) => fail(i),
    }
}

fn plausible_year(n: u32) -> bool {
    (1900..=2100).contains(&n)
}

fn dash(i: &str) -> Res<'_, char> {
    satisfy(|c| matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—')).parse(i)
}

/// An organ or registry code: "ITVT", "KF", "GSN", "ITSAM", "BUN2" — capitals (and
/// digits after the first), 2–10 long, a whole word; or a short mixed-case one ("Ks",
/// "Kf", "Sbn"), so that words like "Protokoll § 5" are no codes.
fn code(i: &str) -> Res<'_, &str> {
    code_of(i, true)
}

/// A registry code before a case number: capitals only ("KS 2019/492"), so "Den 2021/22"
/// is no case number.
fn upper_code(i: &str) -> Res<'_, &str> {
    code_of(i, false)
}

fn code_of(i: &str, mixed_case: bool) -> Res<'_, &str> {
    let (r, c) = alt((
        recognize(pair(
            satisfy(|c: char| c.is_uppercase()),
            take_while_m_n(1, 9, |c: char| c.is_uppercase() || c.is_ascii_digit()),
        )),
        recognize(pair(
            satisfy(move |c: char| mixed_case && c.is_uppercase()),
            take_while_m_n(1, 2, |c: char| c.is_lowercase()),
        )),
    ))
    .parse(i)?;
    if r.starts_with(|c: char| c.is_alphanumeric()) || c.eq_ignore_ascii_case("dnr") {
        return fail(i);
    }
    Ok((r, c))
}

fn iso_date(i: &str) -> Res<'_, NaiveDate> {
    let (r, (y, _, m, _, d)) = (number, nom_char('-'), number, nom_char('-'), number).parse(i)?;
    match i32::try_from(y)
        .ok()
        .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
    {
        Some(date) => Ok((r, date)),
        None => fail(i),
    }
}

/// `[code] "§"["§"] [code] number [dash number] ["/" date]`.
fn paragraph_ref(i: &str) -> Res<'_, ParagraphRef> {
    let (r, before) = opt(terminated(code, space1)).parse(i)?;
    let (r, _) = alt((tag("§§"), tag("§"))).parse(r)?;
    let (r, _) = space0(r)?;
    let (r, after) = opt(terminated(code, space1)).parse(r)?;
    let (r, from) = number(r)?;
    let (r, to) = opt(preceded((space0, dash, space0), number)).parse(r)?;
    let (r, date) = opt(preceded(nom_char('/'), iso_date)).parse(r)?;
    let to = to.unwrap_or(from);
    if to < from {
        return fail(i);
    }
    Ok((
        r,
        ParagraphRef {
            prefix: before.or(after).map(str::to_string),
            from,
            to,
            date,
        },
    ))
}

fn dnr_keyword(i: &str) -> Res<'_, &str> {
    terminated(
        alt((
            tag_no_case("diarienummer"),
            tag_no_case("diarienr"),
            tag_no_case("dnr"),
        )),
        (opt(satisfy(|c| c == ':' || c == '.')), space0),
    )
    .parse(i)
}

/// `["Dnr" [":"]] [code] (year "/" number | number "/" year)`; without the keyword a code is
/// required, so "1/4" and "50/50" stay out.
fn dnr(i: &str) -> Res<'_, Dnr> {
    let (r, keyword) = opt(dnr_keyword).parse(i)?;
    // "KS 2019/492", "KS/2019:492", "KU.2017.3".
    let (r, prefix) = opt(terminated(
        upper_code,
        alt((space1, tag("/"), tag("."), space0)),
    ))
    .parse(r)?;
    if keyword.is_none() && prefix.is_none() {
        return fail(i);
    }
    let (r, (a, _, b)) = (number, satisfy(|c| matches!(c, '/' | '.' | ':')), number).parse(r)?;
    let (year, number) = match (plausible_year(a), plausible_year(b)) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        // "2021/2022": read as year/number like most registries write it.
        (true, true) => (a, b),
        (false, false) => return fail(i),
    };
    let consumed = i.len() - r.len();
    Ok((
        r,
        Dnr {
            prefix: prefix.map(str::to_string),
            year: year as i32,
            number,
            raw: i[..consumed].to_string(),
        },
    ))
}

/// The whole text as one paragraph reference.
pub fn parse_paragraph_ref(text: &str) -> Option<ParagraphRef> {
    match paragraph_ref(text.trim()) {
        Ok(("", p)) => Some(p),
        _ => None,
    }
}

/// The whole text as one diarienummer.
pub fn parse_dnr(text: &str) -> Option<Dnr> {
    match dnr(text.trim()) {
        Ok(("", d)) => Some(d),
        _ => None,
    }
}

/// Every § reference and diarienummer in a line, in order.
pub fn find_references(text: &str) -> Vec<(Range<usize>, Reference)> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut skip_to = 0;
    for (at, c) in text.char_indices() {
        let word_start = !prev.is_some_and(|p| p.is_alphanumeric() || p == '/' || p == '-');
        prev = Some(c);
        if at < skip_to || !word_start {
            continue;
        }
        let s = &text[at..];
        let found = match paragraph_ref(s) {
            Ok((r, p)) => Some((r, Reference::Paragraph(p))),
            Err(_) => dnr(s).ok().map(|(r, d)| (r, Reference::Dnr(d))),
        };
        if let Some((rest, reference)) = found {
            let clean = !rest.starts_with(|n: char| n.is_alphanumeric() || n == '/');
            if clean {
                let end = text.len() - rest.len();
                out.push((at..end, reference));
                skip_to = end;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(prefix: Option<&str>, from: u32, to: u32, date: Option<(i32, u32, u32)>) -> ParagraphRef {
        ParagraphRef {
            prefix: prefix.map(str::to_string),
            from,
            to,
            date: date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        }
    }

    #[test]
    fn paragraph_refs() {
        assert_eq!(parse_paragraph_ref("§ 7"), Some(p(None, 7, 7, None)));
        assert_eq!(parse_paragraph_ref("§7"), Some(p(None, 7, 7, None)));
        assert_eq!(parse_paragraph_ref("§§ 59-62"), Some(p(None, 59, 62, None)));
        assert_eq!(
            parse_paragraph_ref("§§ 130 - 143"),
            Some(p(None, 130, 143, None))
        );
        assert_eq!(parse_paragraph_ref("§§ 1 – 7"), Some(p(None, 1, 7, None)));
        assert_eq!(
            parse_paragraph_ref("ITVT § 3/2022-03-02"),
            Some(p(Some("ITVT"), 3, 3, Some((2022, 3, 2))))
        );
        assert_eq!(
            parse_paragraph_ref("KF § 154/2021-11-23"),
            Some(p(Some("KF"), 154, 154, Some((2021, 11, 23))))
        );
        assert_eq!(
            parse_paragraph_ref("§ ITVT 7"),
            Some(p(Some("ITVT"), 7, 7, None))
        );
        assert_eq!(
            parse_paragraph_ref("Kf § 12"),
            Some(p(Some("Kf"), 12, 12, None))
        );
        assert_eq!(parse_paragraph_ref("Protokoll § 5"), None);
        assert_eq!(parse_paragraph_ref("§§ 62-59"), None);
        assert_eq!(parse_paragraph_ref("§"), None);
    }

    fn dn(s: &str) -> Option<(Option<String>, i32, u32)> {
        parse_dnr(s).map(|d| (d.prefix, d.year, d.number))
    }

    #[test]
    fn dnrs() {
        assert_eq!(dn("Dnr 2021/8"), Some((None, 2021, 8)));
        assert_eq!(dn("DNR ITVT 6/2022"), Some((Some("ITVT".into()), 2022, 6)));
        assert_eq!(dn("ITSAM 2021/72"), Some((Some("ITSAM".into()), 2021, 72)));
        assert_eq!(dn("KS 2019/492"), Some((Some("KS".into()), 2019, 492)));
        assert_eq!(dn("GSN 2020/30"), Some((Some("GSN".into()), 2020, 30)));
        assert_eq!(
            dn("Diarienummer KS 2019/492"),
            Some((Some("KS".into()), 2019, 492))
        );
        assert_eq!(dn("Dnr: 2021/13"), Some((None, 2021, 13)));
        assert_eq!(dn("KS/2019:492"), Some((Some("KS".into()), 2019, 492)));
        assert_eq!(
            dn("Dnr SBN 2020.123"),
            Some((Some("SBN".into()), 2020, 123))
        );
        assert_eq!(dn("DNR: KU.2017.3"), Some((Some("KU".into()), 2017, 3)));
        assert_eq!(dn("Den 2021/22"), None);
        assert_eq!(dn("1/4"), None);
        assert_eq!(dn("Dnr 1/4"), None);
        assert_eq!(dn("2021/8"), None);
        assert_eq!(
            parse_dnr("DNR ITVT 6/2022").map(|d| d.canonical()),
            Some("ITVT 2022/6".into())
        );
    }

    #[test]
    fn references_in_lines() {
        let found = |s: &str| {
            find_references(s)
                .into_iter()
                .map(|(r, _)| s[r].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found("1. Månadsrapport per 2022-02-28 godkänns (bilaga 1, ITVT § 5/2022-03-02)."),
            vec!["ITVT § 5/2022-03-02"]
        );
        assert_eq!(
            found("Paragrafer §§ 59-67 Dnr 2021/72"),
            vec!["§§ 59-67", "Dnr 2021/72"]
        );
        assert_eq!(
            found("enligt beslut KS 2019/492 och GSN 2020/30."),
            vec!["KS 2019/492", "GSN 2020/30"]
        );
        assert!(found("den 6/9 2019, tom 31/12, 24/7, Rev 1.1").is_empty());
    }
}
