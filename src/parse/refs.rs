//! Small finders the structure parsers need inside free text: dates, clock times,
//! dnr, § ranges and person names.
//!
//! Local until `crate::grammar` has its date and reference grammars on main; then these
//! delegate to it (one grammar, not two).

use crate::document::ParagraphRange;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b((?:19|20)\d\d)[-‐–](\d\d)[-‐–](\d\d)\b").unwrap_or_else(|_| unreachable!())
});
static LONG_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})\s+(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\s+((?:19|20)\d\d)\b")
        .unwrap_or_else(|_| unreachable!())
});
static TIME_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:kl\.?\s*)?(\d{1,2})[.:](\d\d)\s*(?:[-–—]|till)\s*(?:kl\.?\s*)?(\d{1,2})[.:](\d\d)")
        .unwrap_or_else(|_| unreachable!())
});
static TIME_SINGLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bkl\.?\s*(\d{1,2})[.:](\d\d)\b").unwrap_or_else(|_| unreachable!())
});
static DNR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bdnr\.?:?\s*((?:[A-ZÅÄÖ]{2,}[\s-]+)?\d{1,4}\s*/\s*\d{1,4}(?:[:.]\d+)?)")
        .unwrap_or_else(|_| unreachable!())
});
static CASE_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b([A-ZÅÄÖ]{2,}\s+\d{1,4}/\d{1,4})\b").unwrap_or_else(|_| unreachable!())
});
static PARA_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"§§?\s*(\d{1,4})(?:\s*[-–—]\s*(\d{1,4}))?").unwrap_or_else(|_| unreachable!())
});
static BARE_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(\d{1,4})\s*[-–—]\s*(\d{1,4})\s*$").unwrap_or_else(|_| unreachable!())
});
static PARTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*\(([A-ZÅÄÖa-zåäö]{1,6})\)").unwrap_or_else(|_| unreachable!())
});

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// Every full date in the text, in order ("2022-03-02", "8 februari 2021").
pub fn dates(s: &str) -> Vec<NaiveDate> {
    let mut found: Vec<(usize, NaiveDate)> = Vec::new();
    for c in ISO_DATE.captures_iter(s) {
        let (Some(all), Some(y), Some(m), Some(d)) = (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        if let (Ok(y), Ok(m), Ok(d)) = (y.as_str().parse(), m.as_str().parse(), d.as_str().parse())
        {
            if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                found.push((all.start(), date));
            }
        }
    }
    for c in LONG_DATE.captures_iter(s) {
        let (Some(all), Some(d), Some(m), Some(y)) = (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        let month = MONTHS
            .iter()
            .position(|n| n.eq_ignore_ascii_case(m.as_str()))
            .map(|i| i as u32 + 1);
        if let (Ok(y), Some(m), Ok(d)) = (y.as_str().parse(), month, d.as_str().parse()) {
            if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                found.push((all.start(), date));
            }
        }
    }
    found.sort_by_key(|(pos, _)| *pos);
    found.into_iter().map(|(_, d)| d).collect()
}

pub fn first_date(s: &str) -> Option<NaiveDate> {
    dates(s).into_iter().next()
}

/// "kl. 09.00-10.45" → "09:00–10:45"; a lone "kl. 12.00" → "12:00".
pub fn time_range(s: &str) -> Option<String> {
    if let Some(c) = TIME_RANGE.captures(s) {
        let g = |i| c.get(i).map_or("", |m: regex::Match| m.as_str());
        return Some(format!("{:0>2}:{}–{:0>2}:{}", g(1), g(2), g(3), g(4)));
    }
    TIME_SINGLE.captures(s).map(|c| {
        let g = |i| c.get(i).map_or("", |m: regex::Match| m.as_str());
        format!("{:0>2}:{}", g(1), g(2))
    })
}

/// Where the time (with its "kl.") starts, to cut a place from "Plats och tid".
pub fn time_start(s: &str) -> Option<usize> {
    let kl = Regex::new(r"(?i)\bkl\b").ok()?;
    kl.find(s)
        .map(|m| m.start())
        .or_else(|| TIME_RANGE.find(s).map(|m| m.start()))
}

/// Dnr written after "Dnr"/"DNR": "DNR ITVT 6/2022" → "ITVT 6/2022", "Dnr 2021/8" →
/// "2021/8". Archive codes after the number ("12/2017 106") are not part of it.
pub fn dnrs(s: &str) -> Vec<String> {
    DNR.captures_iter(s)
        .filter_map(|c| c.get(1))
        .map(|m| collapse(m.as_str()))
        .collect()
}

/// A case reference without the "Dnr" word ("ITSAM 2021/8", "ITVT 1/2021").
pub fn case_ref(s: &str) -> Option<String> {
    CASE_REF
        .captures(s)
        .and_then(|c| c.get(1))
        .map(|m| collapse(m.as_str()))
}

fn collapse(s: &str) -> String {
    super::lines::collapse_ws(s)
        .replace(" /", "/")
        .replace("/ ", "/")
}

/// "§§ 59-62" → 59..62, "§ 59" → 59..59.
pub fn paragraph_range(s: &str) -> Option<ParagraphRange> {
    let c = PARA_RANGE.captures(s)?;
    let from: u32 = c.get(1)?.as_str().parse().ok()?;
    let to: u32 = match c.get(2) {
        Some(m) => m.as_str().parse().ok()?,
        None => from,
    };
    Some(ParagraphRange { from, to })
}

/// Where a § reference starts in the text.
pub fn paragraph_range_start(s: &str) -> Option<usize> {
    PARA_RANGE.find(s).map(|m| m.start())
}

/// "1-10" (as after "Paragrafer") → 1..10.
pub fn bare_range(s: &str) -> Option<ParagraphRange> {
    let c = BARE_RANGE.captures(s)?;
    Some(ParagraphRange {
        from: c.get(1)?.as_str().parse().ok()?,
        to: c.get(2)?.as_str().parse().ok()?,
    })
}

/// Splits "Gunnar Andersson (M)" into ("Gunnar Andersson", Some("M")).
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
        );
        assert_eq!(
            d,
            vec![
                NaiveDate::from_ymd_opt(2022, 3, 3).unwrap(),
                NaiveDate::from_ymd_opt(2022, 3, 25).unwrap()
            ]
        );
        assert_eq!(
            first_date("Måndag 8 februari 2021, kl. 08:30"),
            NaiveDate::from_ymd_opt(2021, 2, 8)
        );
        assert_eq!(first_date("2022-13-40"), None);
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
            split_party("Gunnar Andersson (M)"),
            ("Gunnar Andersson".to_string(), Some("M".to_string()))
        );
        assert_eq!(
            person_name("Bengt Hilmersson (C)").as_deref(),
            Some("Bengt Hilmersson")
        );
        assert_eq!(person_name("_____"), None);
    }
}
