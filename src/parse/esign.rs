//! E-signature pages: a signing service (Netpublicator, Assently, Scrive, Visma Sign …)
//! adds a page that says who signed and when ("Signed by: ERIK PROVARE-LUND" /
//! "Date: 2024-05-02 10:24:52"). For a protocol signed that way, the last signature is
//! the justering.

use super::lines::{collapse_ws, Ln};
use crate::document::ESignature;
use crate::grammar::re::Re;
use chrono::NaiveDate;
use std::sync::Arc;

/// "Signed by: NAME", "Signerat av: NAME", "Undertecknat av NAME": a signer.
pub(super) static SIGNER: Re = Re::new(
    r"(?i)^(?:signed\s+by|signerat\s+av|signerad\s+av|undertecknat\s+av|undertecknad\s+av|underskriven\s+av)\s*:?\s*(.+)$",
);

/// A date with a time of day ("2024-05-02 10:24:52", "2024-05-02 kl. 10:24 UTC"): a
/// signing time, not a date in the text.
pub(super) static STAMP: Re =
    Re::new(r"\b(\d{4})-(\d{2})-(\d{2})[ T]+(?:kl\.?\s*)?(\d{2}[:.]\d{2}(?:[:.]\d{2})?)");

pub(super) static SIGNED: Re = Re::new(
    r"(?i)\b(?:elektroniskt\s+signerat|elektroniskt\s+undertecknat|electronically\s+signed|digitalt\s+signerat)\b",
);

/// Pages that are an e-signing service's signature page: one of the first lines of the
/// page says the document is electronically signed, or a line names a signer, and no §
/// starts on it. Their text belongs to no §.
pub fn signature_pages(lines: &[Ln]) -> Vec<u32> {
    let mut pages: Vec<u32> = Vec::new();
    // A page that opens a § is the record's, whatever else it says.
    let with_paragraph: Vec<u32> = lines
        .iter()
        .filter(|l| super::paragraph::paragraph_start(l).is_some())
        .map(|l| l.page)
        .collect();
    let mut seen_on_page = 0;
    let mut page = 0;
    for l in lines.iter().filter(|l| !l.is_blank()) {
        if l.page != page {
            page = l.page;
            seen_on_page = 0;
        }
        seen_on_page += 1;
        let t = l.plain();
        let opens = seen_on_page <= 3 && SIGNED.is_match(&t);
        let signer = l.cells().iter().any(|c| SIGNER.is_match(c));
        if (opens || signer) && pages.last() != Some(&page) && !with_paragraph.contains(&page) {
            pages.push(page);
        }
    }
    pages
}

/// How many lines after a signer its time may stand.
const REACH: usize = 6;

/// The signatures of e-signature blocks in `lines`, in the order written. A signer's time
/// is the first time stamp in the same column (cell position) within a few lines after
/// its name; a signer with no time stamp is left out (an unsigned field says nothing).
pub fn signatures(lines: &[Ln], file: &Arc<str>) -> Vec<ESignature> {
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let cells = l.cells();
        for (col, cell) in cells.iter().enumerate() {
            let cell = collapse_ws(cell);
            let Some(c) = SIGNER.captures(&cell) else {
                continue;
            };
            let name = c.get(1).map_or("", |m| m.as_str()).trim().to_string();
            if name.is_empty() || !name.chars().any(char::is_alphabetic) {
                continue;
            }
            // The stamp may share the signer's cell ("Signerat av X 2024-05-02 10:24").
            let same = STAMP.captures(&name);
            let (name, stamp) = match same {
                Some(s) => {
                    let at = s.get(0).map_or(name.len(), |m| m.start());
                    (name.get(..at).unwrap_or("").trim().to_string(), Some(s))
                }
                None => (name.clone(), None),
            };
            let stamp = stamp.map(|s| stamp_of(&s)).or_else(|| {
                lines
                    .iter()
                    .skip(i + 1)
                    .take(REACH)
                    .find_map(|next| stamp_in_column(next, col, cells.len()))
            });
            let Some((date, time)) = stamp.flatten() else {
                continue;
            };
            out.push(ESignature {
                name: tidy_name(&name),
                date,
                time: Some(time),
                provenance: Some(l.provenance(file)),
            });
        }
    }
    out
}

/// The stamp in the cell at `col` of a line with as many cells as the signer line, or the
/// only stamp of a single-column line.
fn stamp_in_column(l: &Ln, col: usize, columns: usize) -> Option<Option<(NaiveDate, String)>> {
    let cells = l.cells();
    let cell = if cells.len() == columns {
        cells.get(col)?
    } else if columns == 1 {
        cells.first()?
    } else {
        return None;
    };
    STAMP.captures(cell).map(|s| stamp_of(&s))
}

fn stamp_of(c: &regex::Captures<'_>) -> Option<(NaiveDate, String)> {
    let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let date = NaiveDate::from_ymd_opt(i32::try_from(n(1)?).ok()?, n(2)?, n(3)?)?;
    let time = c.get(4)?.as_str().replace('.', ":");
    Some((date, time))
}

/// "ERIK PROVARE-LUND" as "Erik Provare-Lund": services print names in capitals.
fn tidy_name(name: &str) -> String {
    let name = collapse_ws(name);
    if name.chars().any(char::is_lowercase) {
        return name;
    }
    name.split(' ')
        .map(|w| {
            w.split('-')
                .map(|part| {
                    let mut cs = part.chars();
                    cs.next()
                        .map(|f| f.to_uppercase().chain(cs.flat_map(char::to_lowercase)))
                        .map(Iterator::collect::<String>)
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The justering date an e-signed protocol gives: the day of its last signature.
pub fn justering_date(signatures: &[ESignature]) -> Option<NaiveDate> {
    signatures.iter().map(|s| s.date).max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ln(i: u32, text: &str) -> Ln {
        Ln {
            text: text.to_string(),
            page: 44,
            line: i,
            marked: false,
            level: 0,
            furniture: false,
        }
    }

    #[test]
    fn two_signers_side_by_side() {
        let lines = [
            ln(
                1,
                "Detta dokument är elektroniskt signerat enligt EU:s förordning eIDAS",
            ),
            ln(2, "Signed by: ERIK PROVARE-LUND\tSigned by: ÅSA TESTSSON"),
            ln(3, "Date: 2024-05-02 10:24:52\tDate: 2024-05-03 08:02:11"),
            ln(4, "BankID refno: 3fdb\tBankID refno: ca9e"),
        ];
        let file: Arc<str> = Arc::from("x.pdf");
        let s = signatures(&lines, &file);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].name, "Erik Provare-Lund");
        assert_eq!(s[0].date.to_string(), "2024-05-02");
        assert_eq!(s[0].time.as_deref(), Some("10:24:52"));
        assert_eq!(s[1].name, "Åsa Testsson");
        assert_eq!(
            justering_date(&s).map(|d| d.to_string()).as_deref(),
            Some("2024-05-03")
        );
    }

    #[test]
    fn one_column_and_stamp_in_the_cell() {
        let lines = [
            ln(1, "Signerat av: Anna Berg"),
            ln(2, "BankID"),
            ln(3, "2023-11-20 kl. 14.05"),
            ln(4, "Undertecknat av Per Ek 2023-11-21 09:00"),
        ];
        let file: Arc<str> = Arc::from("x.pdf");
        let s = signatures(&lines, &file);
        let got: Vec<(String, String)> = s
            .iter()
            .map(|x| (x.name.clone(), x.date.to_string()))
            .collect();
        assert_eq!(
            got,
            [
                ("Anna Berg".to_string(), "2023-11-20".to_string()),
                ("Per Ek".to_string(), "2023-11-21".to_string())
            ]
        );
    }

    #[test]
    fn a_signer_without_a_time_is_no_signature() {
        let lines = [ln(1, "Signed by: Anna Berg"), ln(2, "Datum: 2023-11-20")];
        let file: Arc<str> = Arc::from("x.pdf");
        assert!(signatures(&lines, &file).is_empty());
    }
}
