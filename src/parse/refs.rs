//! What the structure parsers look for inside free text: dates, clock times, dnr and §
//! ranges through `crate::grammar` (the one grammar for them), plus person names.

use crate::document::ParagraphRange;
use crate::grammar::re::Re;
use crate::grammar::vocab::Vocabulary;
use crate::grammar::{date, reference};
use chrono::NaiveDate;

pub(super) static BARE_RANGE: Re = Re::new(r"^\s*(\d{1,4})\s*(?:-{1,2}|[–—])\s*(\d{1,4})\s*$");
pub(super) static PARTY: Re = Re::new(r"\s*\(([A-ZÅÄÖa-zåäö]{1,6})\)");

/// Every full date in the text, in order ("2022-03-02", "8 februari 2021").
pub fn dates(s: &str, vocab: &Vocabulary) -> Vec<NaiveDate> {
    date::find_dates(s, None, vocab)
        .into_iter()
        .map(|(_, d)| d)
        .collect()
}

pub fn first_date(s: &str, vocab: &Vocabulary) -> Option<NaiveDate> {
    dates(s, vocab).into_iter().next()
}

/// "kl. 09.00-10.45" → "09:00–10:45"; a lone "kl. 12.00" → "12:00".
pub fn time_range(s: &str) -> Option<String> {
    let (_, t) = date::find_time_ranges(s).into_iter().next()?;
    let start = t.start.format("%H:%M");
    Some(match t.end {
        Some(end) => format!("{start}–{}", end.format("%H:%M")),
        None => start.to_string(),
    })
}

/// Where the time (with its "kl.") starts, to cut a place from "Plats och tid".
pub fn time_start(s: &str) -> Option<usize> {
    date::find_time_ranges(s).first().map(|(r, _)| r.start)
}

fn dnr_refs(s: &str) -> impl Iterator<Item = reference::Dnr> + '_ {
    reference::find_references(s)
        .into_iter()
        .filter_map(|(_, r)| match r {
            reference::Reference::Dnr(d) => Some(d),
            reference::Reference::Paragraph(_) => None,
        })
}

/// Dnr written after "Dnr"/"DNR", as written without that word: "DNR ITVT 6/2022" →
/// "ITVT 6/2022", "Dnr 2021/8" → "2021/8". Archive codes after it ("12/2017 106") are not
/// part of it.
pub fn dnrs(s: &str) -> Vec<String> {
    dnr_refs(s)
        .filter_map(|d| {
            let lower = d.raw.to_lowercase();
            ["diarienummer", "dnr"].iter().find_map(|w| {
                lower.starts_with(w).then(|| {
                    d.raw
                        .get(w.len()..)
                        .unwrap_or("")
                        .trim_start_matches(['.', ':', ' '])
                        .to_string()
                })
            })
        })
        .collect()
}

/// A case reference with or without the "Dnr" word ("ITSAM 2021/8", "ITVT 1/2021").
pub fn case_ref(s: &str) -> Option<String> {
    dnr_refs(s).next().map(|d| {
        let raw = d.raw.as_str();
        let lower = raw.to_lowercase();
        match lower.strip_prefix("dnr") {
            Some(rest) => raw
                .get(raw.len() - rest.len()..)
                .unwrap_or(raw)
                .trim_start_matches(['.', ':', ' '])
                .to_string(),
            None => raw.to_string(),
        }
    })
}

fn paragraph_ref(s: &str) -> Option<(usize, ParagraphRange)> {
    reference::find_references(s)
        .into_iter()
        .find_map(|(r, x)| match x {
            reference::Reference::Paragraph(p) => Some((
                r.start,
                ParagraphRange {
                    from: p.from,
                    to: p.to,
                },
            )),
            reference::Reference::Dnr(_) => None,
        })
}

/// "§§ 59-62" → 59..62, "§ 59" → 59..59.
pub fn paragraph_range(s: &str) -> Option<ParagraphRange> {
    paragraph_ref(s).map(|(_, r)| r)
}

/// Where a § reference starts in the text.
pub fn paragraph_range_start(s: &str) -> Option<usize> {
    paragraph_ref(s).map(|(i, _)| i)
}

/// "1-10" (as after "Paragrafer") → 1..10.
pub fn bare_range(s: &str) -> Option<ParagraphRange> {
    let c = BARE_RANGE.captures(s)?;
    Some(ParagraphRange {
        from: c.get(1)?.as_str().parse().ok()?,
        to: c.get(2)?.as_str().parse().ok()?,
    })
}

/// Splits "Nils Exempelsson (M)" into ("Nils Exempelsson", Some("M")).
pub fn split_party(s: &str) -> (String, Option<String>) {
    match PARTY.captures(s) {
        Some(c) => {
            let party = c.get(1).map(|m| m.as_str().to_string());
            let name = PARTY.replace_all(s, "");
            (super::lines::collapse_ws(name.trim()), party)
        }
        None => (super::lines::collapse_ws(s.trim()), None),
    }
}

/// A person's name as it stands in a signature or "Utses att justera" line: the party
/// suffix and any title after a comma removed.
pub fn person_name(s: &str) -> Option<String> {
    let first = s.split(',').next().unwrap_or("");
    let (name, _) = split_party(first);
    let name = name
        .trim_matches(|c: char| c == '.' || c == ':' || c == '_' || c.is_whitespace())
        .to_string();
    if name.is_empty() || !name.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    if !name.chars().any(char::is_alphabetic) {
        return None;
    }
    Some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_text() {
        let d = dates(
            "Datum för anslags uppsättande 2022-03-03 Datum för anslags nedtagande 2022-03-25",
            Vocabulary::builtin_shared(),
        );
        assert_eq!(
            d,
            vec![
                NaiveDate::from_ymd_opt(2022, 3, 3).unwrap(),
                NaiveDate::from_ymd_opt(2022, 3, 25).unwrap()
            ]
        );
        assert_eq!(
            first_date(
                "Måndag 8 februari 2021, kl. 08:30",
                Vocabulary::builtin_shared()
            ),
            NaiveDate::from_ymd_opt(2021, 2, 8)
        );
        assert_eq!(first_date("2022-13-40", Vocabulary::builtin_shared()), None);
    }

    #[test]
    fn times() {
        assert_eq!(
            time_range("Vårgårda kommun, kommunhuset, Stora Ljungås kl. 09.00-10.45.").as_deref(),
            Some("09:00–10:45")
        );
        assert_eq!(
            time_range("Zoom, kl. 10:00 – 12.00").as_deref(),
            Some("10:00–12:00")
        );
        assert_eq!(
            time_range("2022-03-02, kl. 12.00").as_deref(),
            Some("12:00")
        );
    }

    #[test]
    fn dnr_forms() {
        assert_eq!(dnrs("DNR ITVT 6/2022"), vec!["ITVT 6/2022"]);
        assert_eq!(dnrs("Dnr 2021/8"), vec!["2021/8"]);
        assert_eq!(dnrs("DNR ITVT 12/2017 106  "), vec!["ITVT 12/2017"]);
        assert_eq!(
            case_ref("§ 59\tGoogle Workspace\tITSAM 2021/8\t3 - 4").as_deref(),
            Some("ITSAM 2021/8")
        );
    }

    #[test]
    fn ranges_and_names() {
        assert_eq!(
            paragraph_range("Kinda kommun §§ 59-62"),
            Some(ParagraphRange { from: 59, to: 62 })
        );
        assert_eq!(bare_range("1-10"), Some(ParagraphRange { from: 1, to: 10 }));
        assert_eq!(
            split_party("Nils Exempelsson (M)"),
            ("Nils Exempelsson".to_string(), Some("M".to_string()))
        );
        assert_eq!(
            person_name("Olof Provsson (C)").as_deref(),
            Some("Olof Provsson")
        );
        assert_eq!(person_name("_____"), None);
    }
}
