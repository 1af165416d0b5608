//! XREF002: Årets resultat in the balansräkning's eget kapital differs from Årets
//! resultat in the resultaträkning of the same document.

use crate::arith::compare;
use crate::check::finding::Severity;
use crate::check::registry::{Check, Family, Rule, RuleCode};
use crate::check::rules::rel::statement::groups;
use crate::check::view::{normalise, TableView};
use crate::check::Sink;
use crate::grammar::statement::{clean, is_part_of, role};
use crate::grammar::vocab::Vocabulary;

pub const RULE: Rule = Rule {
    code: RuleCode::XREF002,
    name: "year-result-not-carried",
    family: Family::Xref,
    severity: Severity::Error,
    summary: "Årets resultat under eget kapital in the balansräkning differs from Årets resultat in the resultaträkning",
    explanation: "The year's result is stated twice in an årsredovisning or delårsrapport: as \
the last line of the resultaträkning (RR) and under eget kapital in the balansräkning (BR), \
often as \"varav årets resultat\". Both must be the same figure in every column that names the \
same year and unit (kommun, koncern). justera finds the lines by their labels \
(grammars/statements.vocab), pairs the columns by their headers, and reports a column that \
differs when another column of the same two lines agrees (so the lines are the same \
quantities); with a single shared column a difference is \"not decided\". Example: RR Årets \
resultat 2023 1 792, BR varav årets resultat 2023 1 729: reported (expected 1 792).",
    checks: &[Check::Document(check)],
};

/// The role of a label that may be a breakdown ("– varav årets resultat").
fn role_past_breakdown(v: &Vocabulary, label: &str) -> Option<&'static str> {
    let c = clean(label);
    if is_part_of(v, &c) {
        let rest = c.split_once(' ').map_or("", |x| x.1);
        role(v, rest)
    } else {
        role(v, &c)
    }
}

fn roles(v: &Vocabulary, view: &TableView) -> Vec<Option<&'static str>> {
    (0..view.rows())
        .map(|r| role_past_breakdown(v, &view.label(r)))
        .collect()
}

/// Column headers that name one column each, normalised.
fn headers(view: &TableView) -> Vec<Option<String>> {
    let hs: Vec<String> = (0..view.cols())
        .map(|c| normalise(&view.header(c)))
        .collect();
    hs.iter()
        .map(|h| (!h.is_empty() && hs.iter().filter(|x| *x == h).count() == 1).then(|| h.clone()))
        .collect()
}

pub fn check(sink: &mut Sink) {
    let (doc, v) = (sink.document, sink.vocab);
    let views: Vec<TableView> = doc.tables.iter().map(|t| TableView::new(t, v)).collect();
    let roles: Vec<Vec<Option<&'static str>>> = views.iter().map(|x| roles(v, x)).collect();
    let has = |t: usize, p: &str| roles[t].iter().flatten().any(|k| k.starts_with(p));
    // Tables read apart that belong together (a BR split at its group headings).
    let mut group_of: Vec<usize> = (0..views.len()).collect();
    for g in groups(&doc.tables, v) {
        for &t in &g.tables {
            group_of[t] = g.first();
        }
    }
    let in_br = |t: usize| {
        (0..views.len()).any(|u| group_of[u] == group_of[t] && has(u, "br_")) && !has(t, "kf_")
    };
    // The RR's last line: a table with result lines, no BR or KF line.
    let rr: Vec<(usize, usize)> = (0..views.len())
        .filter(|&t| {
            !has(t, "br_")
                && !has(t, "kf_")
                && roles[t]
                    .iter()
                    .flatten()
                    .filter(|k| k.starts_with("rr_"))
                    .count()
                    >= 2
        })
        .filter_map(|t| {
            let r = (0..views[t].rows()).rfind(|&r| roles[t][r] == Some("rr_year_result"))?;
            Some((t, r))
        })
        .collect();
    let br: Vec<(usize, usize)> = (0..views.len())
        .filter(|&t| in_br(t))
        .flat_map(|t| {
            (0..views[t].rows())
                .filter(|&r| roles[t][r] == Some("rr_year_result"))
                .map(move |r| (t, r))
                .collect::<Vec<_>>()
        })
        .collect();
    for &(ta, ra) in &rr {
        let (a, ha) = (&views[ta], headers(&views[ta]));
        for &(tb, rb) in &br {
            let b = &views[tb];
            // The same label in both tables is XREF001's pair.
            if normalise(&a.label(ra)) == normalise(&b.label(rb)) {
                continue;
            }
            let hb = headers(b);
            let hb = if hb.iter().all(Option::is_none) {
                headers(&TableView::new(&doc.tables[group_of[tb]], v))
            } else {
                hb
            };
            let pairs: Vec<(usize, usize)> = ha
                .iter()
                .enumerate()
                .filter_map(|(ca, h)| {
                    let h = h.as_ref()?;
                    let cb = hb.iter().position(|x| x.as_ref() == Some(h))?;
                    (a.figure(ra, ca).is_some() && b.figure(rb, cb).is_some()).then_some((ca, cb))
                })
                .collect();
            let meets = |&(ca, cb): &(usize, usize)| matches!((a.figure(ra, ca), b.figure(rb, cb)), (Some(x), Some(y)) if x.meets(&y));
            for &(ca, cb) in &pairs {
                let (Some(x), Some(y)) = (a.figure(ra, ca), b.figure(rb, cb)) else {
                    continue;
                };
                let cmp = compare(x, y);
                sink.checked(cmp.holds);
                if cmp.holds {
                    continue;
                }
                let others = pairs.iter().filter(|p| p.0 != ca && meets(p)).count();
                let related = a.table.rows[ra].provenance.clone();
                let mut message = format!(
                    "\"{}\" in column \"{}\" is {} in the balansräkning but \"{}\" is {} in the resultaträkning ({}); the two lines agree in {} other column{}",
                    b.label(rb),
                    b.header(cb),
                    cmp.found,
                    a.label(ra),
                    cmp.expected,
                    related,
                    others,
                    if others == 1 { "" } else { "s" }
                );
                let severity = if others == 0 {
                    message = format!("not decided: no other column of the two lines agrees, so they may not be the same quantity ({message})");
                    Severity::Info
                } else {
                    RULE.severity
                };
                let paragraph = sink.paragraph_of_table(tb);
                let f = sink.report(
                    &RULE,
                    severity,
                    message,
                    b.table.rows[rb].provenance.clone(),
                );
                f.table = Some(tb);
                f.paragraph = paragraph;
                f.row = Some(b.label(rb));
                f.column = Some(b.header(cb));
                f.expected = Some(cmp.expected);
                f.found = Some(cmp.found);
                f.tolerance = Some(cmp.tolerance);
                f.related = Some(related);
                f.figure = b.raw(rb, cb).map(str::to_string);
            }
        }
    }
}
