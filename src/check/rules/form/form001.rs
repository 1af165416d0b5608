//! FORM001: § numbers that are not continuous or do not match the header's "Paragrafer".

use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::Sink;

pub const RULE: Rule = Rule {
    code: RuleCode::FORM001,
    name: "paragraph-numbering",
    family: Family::Form,
    severity: Severity::Error,
    summary: "§ numbers skip, repeat, or do not match the header's \"Paragrafer\"",
    explanation: "A protocol's paragraphs are numbered without gaps or repeats, and the \
header's \"Paragrafer 59-67\" names the first and last of them: a protocol is a public \
record and a missing or doubled § makes a decision impossible to cite. justera reports a § \
that does not follow the one before it, and a header range that differs from the §§ in the \
body. A repeated § is one finding, at its second occurrence, naming the first; when a gap of \
one § lies next to the repeat (§ 63, § 65, § 65, § 66) the two are one misnumbered §, reported \
once with the missing number. Where three or more §§ are read and at most one has any text \
under its title, they are a list of items (a föredragningslista read where the body would \
stand, the body not in the document): what their numbers show is a note, not decided.",
    checks: &[Check::Protocol(check)],
};

pub fn check(sink: &mut Sink) {
    let doc = sink.document;
    let numbers: Vec<(u32, crate::Provenance)> = doc
        .paragraphs
        .iter()
        .map(|p| (p.number, p.provenance.clone()))
        .collect();
    for w in numbers.windows(2) {
        sink.checked(w[1].0 == w[0].0 + 1);
    }
    // §§ that are only a list of items (the body not in the document) number the list,
    // not the protocol: what they show is a note, not a defect of the record.
    let listed = super::paragraphs_only_listed(doc);
    let (severity, listed_note) = if listed {
        (
            Severity::Info,
            "not decided: the §§ read carry no text under their titles, a list of items rather than the protocol's body: ",
        )
    } else {
        (RULE.severity, "")
    };
    for defect in numbering_defects(&numbers) {
        let (n, at) = &numbers[defect.at];
        let message = format!("{listed_note}{}", defect.message);
        let f = sink.report(&RULE, severity, message, at.clone());
        f.paragraph = Some(*n);
        f.expected = defect.expected.map(Into::into);
        f.found = defect.expected.map(|_| (*n).into());
        f.related = defect.first.map(|j| numbers[j].1.clone());
        // A gap or a repeat may be a § not read (on a page read by OCR).
        f.absence = true;
    }
    let Some(range) = doc.header.as_ref().and_then(|h| h.paragraphs.clone()) else {
        return;
    };
    let (Some(first), Some(last)) = (numbers.first(), numbers.last()) else {
        return;
    };
    let at = doc
        .header
        .as_ref()
        .and_then(|h| h.provenance.clone())
        .unwrap_or_else(|| doc.provenance.clone());
    for (said, body, what) in [(range.from, first.0, "first"), (range.to, last.0, "last")] {
        sink.checked(said == body);
        if said != body {
            let f = sink.report(
                &RULE,
                severity,
                format!(
                    "{listed_note}the header says Paragrafer {}-{} but the {what} § in the body is § {body}",
                    range.from, range.to
                ),
                at.clone(),
            );
            f.expected = Some(body.into());
            f.found = Some(said.into());
            f.absence = true;
        }
    }
}

/// One numbering defect: where it is reported, what it says, the § number expected there
/// (when one can be told) and the first occurrence of a repeated §.
struct Defect {
    at: usize,
    message: String,
    expected: Option<u32>,
    first: Option<usize>,
}

/// The numbering defects, one finding per defect: a repeated § is reported once, at its
/// second occurrence naming the first; when the repeat and a gap next to it are one
/// misnumbered § ("§ 63, § 65, § 65, § 66": § 64 written as § 65), the gap is part of
/// that finding, not a second one.
fn numbering_defects(numbers: &[(u32, crate::Provenance)]) -> Vec<Defect> {
    let mut first_at: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    let mut seen: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    // Gaps (index of the § that does not follow) and repeats (index, first index).
    let mut gaps: Vec<usize> = Vec::new();
    let mut repeats: Vec<(usize, usize)> = Vec::new();
    let mut times: Vec<usize> = Vec::with_capacity(numbers.len());
    for (i, (n, _)) in numbers.iter().enumerate() {
        let k = seen.entry(*n).or_default();
        *k += 1;
        times.push(*k);
        match first_at.get(n) {
            Some(&j) => repeats.push((i, j)),
            None => {
                first_at.insert(*n, i);
                if i > 0 && *n != numbers[i - 1].0 + 1 {
                    gaps.push(i);
                }
            }
        }
    }
    let mut out = Vec::new();
    for &(i, j) in &repeats {
        let n = numbers[i].0;
        // A gap of one § just before the first occurrence or just after the second.
        let before = gaps
            .iter()
            .position(|&g| g == j && j > 0 && n == numbers[j - 1].0 + 2);
        let after = gaps
            .iter()
            .position(|&g| g == i + 1 && numbers[g].0 == n + 2);
        let (missing, gap) = match (before, after) {
            (Some(g), _) => (Some(n - 1), Some(g)),
            (None, Some(g)) => (Some(n + 1), Some(g)),
            (None, None) => (None, None),
        };
        if let Some(g) = gap {
            gaps.remove(g);
        }
        let count = match times[i] {
            2 => "twice".to_string(),
            k => format!("{k} times"),
        };
        // The first occurrence is the finding's related place.
        let message = match missing {
            Some(m) => {
                format!("§ {n} appears {count} and § {m} is missing: one of them is probably § {m}")
            }
            None => format!("§ {n} appears {count}"),
        };
        out.push(Defect {
            at: i,
            message,
            expected: missing,
            first: Some(j),
        });
    }
    for g in gaps {
        let (n, prev) = (numbers[g].0, numbers[g - 1].0);
        out.push(Defect {
            at: g,
            message: format!("§ {n} follows § {prev}"),
            expected: Some(prev + 1),
            first: None,
        });
    }
    out.sort_by_key(|d| d.at);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defects(ns: &[u32]) -> Vec<(usize, String, Option<u32>, Option<usize>)> {
        let file: std::sync::Arc<str> = std::sync::Arc::from("p.txt");
        let numbers: Vec<(u32, crate::Provenance)> = ns
            .iter()
            .enumerate()
            .map(|(i, &n)| (n, crate::Provenance::new(&file, 1, 10 * (i as u32 + 1))))
            .collect();
        numbering_defects(&numbers)
            .into_iter()
            .map(|d| (d.at, d.message, d.expected, d.first))
            .collect()
    }

    #[test]
    fn a_repeated_paragraph_is_one_finding_at_its_second_occurrence() {
        assert_eq!(
            defects(&[63, 64, 64, 65]),
            [(2, "§ 64 appears twice".into(), None, Some(1))]
        );
    }

    #[test]
    fn a_misnumbered_paragraph_is_one_finding_with_the_missing_number() {
        // § 64 written as § 65: the gap before the first 65 is the same defect.
        assert_eq!(
            defects(&[63, 65, 65, 66]),
            [(
                2,
                "§ 65 appears twice and § 64 is missing: one of them is probably § 64".into(),
                Some(64),
                Some(1)
            )]
        );
        // § 66 written as § 65: the gap after the second 65 is the same defect.
        assert_eq!(
            defects(&[64, 65, 65, 67]),
            [(
                2,
                "§ 65 appears twice and § 66 is missing: one of them is probably § 66".into(),
                Some(66),
                Some(1)
            )]
        );
    }

    #[test]
    fn gaps_and_third_occurrences_are_reported_as_such() {
        assert_eq!(
            defects(&[1, 2, 5]),
            [(2, "§ 5 follows § 2".into(), Some(3), None)]
        );
        let d = defects(&[1, 2, 2, 2, 3]);
        assert_eq!(d.len(), 2);
        assert_eq!(d[1].1, "§ 2 appears 3 times");
        assert!(defects(&[7, 8, 9]).is_empty());
    }
}
