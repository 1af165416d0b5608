//! Financial statements — resultaträkning (RR), balansräkning (BR), kassaflödesanalys
//! (KF): which rows play which part (from `grammars/statements.vocab`), the relations the
//! statement states between them, and each relation evaluated column by column. Shared
//! by REL004 (RR), REL005 (BR), REL006 (KF sections) and BAL002 (KF cash).
//!
//! Every column is checked on its own (kommun / koncern, Budget / Utfall, two years side
//! by side). A failure is reported as an error only when the reading is confirmed by the
//! table's own arithmetic: the same relation holds in another column, or at least two
//! other relations of the statement hold in this column. Otherwise it is counted and
//! reported as "not decided" (info) with the reason.

use crate::arith::{compare, Comparison, Interval};
use crate::check::finding::Severity;
use crate::check::registry::Rule;
use crate::check::view::{CellRef, ColumnKind, TableView};
use crate::check::Relation;
use crate::grammar::statement::{is_cost, is_note_column, is_part_of, role};
use crate::grammar::vocab::Vocabulary;
use crate::table::{parse_cell, Row, RowKind, Table};
use std::collections::BTreeSet;

/// Which statement relation a step is; each rule reports its own kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// RR: a result line is the result line before it plus the rows between.
    Income,
    /// BR: a section total is its subtotals and loose rows; assets = claims.
    Balance,
    /// KF: a section total is its rows; the year's cash flow is the sections.
    CashSections,
    /// KF: cash at the end = cash at the start + the year's cash flow.
    Cash,
}

/// One relation the statement states: `target` = Σ sign · part.
#[derive(Clone, Debug)]
pub struct Step {
    pub kind: Kind,
    pub target: usize,
    /// Rows added (`false`) or subtracted (`true`).
    pub parts: Vec<(usize, bool)>,
    /// The target row is itself written as a cost (subtract its figure to compare).
    pub target_negated: bool,
    /// The relation in words, for the message ("\"Verksamhetens nettokostnader\" plus
    /// the rows between").
    pub what: String,
    /// Per column: the comparison and, when not certain, why.
    pub columns: Vec<StepColumn>,
}

#[derive(Clone, Debug)]
pub struct StepColumn {
    pub col: usize,
    pub comparison: Comparison,
    /// Why the trusted reading is trusted ("the same relation holds in 3 other columns").
    pub trusted: String,
    pub undecided: Option<String>,
    /// Decided under every reading of an ambiguous row ([`fails_row_wise`]): the
    /// comparison is that of one reading, not of the cells as the view holds them.
    pub row_wise: bool,
}

/// The statement read from one table: its steps and the rows they claim (so the SUM
/// rules do not read the same rows as plain totals).
#[derive(Clone, Debug, Default)]
pub struct Statement {
    pub steps: Vec<Step>,
    pub claimed: Vec<usize>,
    /// (target row, column, cost row): a positive cost read as written against the signs
    /// of its row and column (see `against_the_columns_signs`).
    pub sign_breaks: Vec<(usize, usize, usize)>,
}

pub fn analyse(view: &TableView) -> Statement {
    let v = view.vocab;
    let n = view.rows();
    let mut roles: Vec<Option<&'static str>> = (0..n).map(|r| role(v, &view.label(r))).collect();
    sides_by_place(view, &mut roles);
    let part_of: Vec<bool> = (0..n).map(|r| is_part_of(v, &view.label(r))).collect();
    let has = |p: &str| roles.iter().flatten().any(|r| r.starts_with(p));
    let mut steps = Vec::new();
    // Rows that may enter a sum: not a "varav" breakdown, not a label-only heading.
    let plain = |r: usize| !part_of[r] && !view.headings[r];
    if has("kf_") {
        cash_flow(view, &roles, &plain, &mut steps);
    } else if has("br_") {
        balance(view, &roles, &plain, &mut steps);
    } else {
        income(view, &roles, &plain, &mut steps);
    }
    let mut claimed: Vec<usize> = steps.iter().map(|s| s.target).collect();
    // The result lines of a balanskravsutredning are BAL003's.
    claimed.extend(crate::check::rules::bal::bal003::claimed(view));
    let mut st = Statement {
        steps,
        claimed,
        sign_breaks: Vec::new(),
    };
    evaluate(view, &mut st);
    // A relation that holds in no column between rows of different measures (a
    // key-figure list: "Årets resultat mnkr" under "Soliditet %" and "Antal anställda")
    // is not one the record states: it is not checked. Its rows stay claimed, so no
    // other rule reads them as totals either.
    st.steps.retain(|s| {
        let fails = !s.columns.is_empty() && s.columns.iter().all(|c| !c.comparison.holds);
        let parts: Vec<usize> = s.parts.iter().map(|p| p.0).collect();
        !(fails && view.key_figure_list(s.target, &parts).is_some())
    });
    st
}

impl Statement {
    /// The rows a line of the statement adds and follows from in every column where it is
    /// compared (two or more), each with that line: parts the table's own arithmetic
    /// confirms as read.
    pub fn confirmed_parts(&self) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = self
            .steps
            .iter()
            .filter(|s| s.columns.len() >= 2 && s.columns.iter().all(|c| c.comparison.holds))
            .flat_map(|s| s.parts.iter().map(|p| (p.0, s.target)))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Whether the row has a figure in a figure column.
fn has_figures(view: &TableView, r: usize) -> bool {
    (0..view.cols()).any(|c| view.numeric(c) && view.figure(r, c).is_some())
}

/// A balansräkning's two totals named by the sides' names alone ("TILLGÅNGAR" …
/// "SKULDER, AVSÄTTNINGAR OCH EGET KAPITAL", `statements.vocab` `br_assets_side`,
/// `br_claims_side`), read as totals only where their place says so: the claims side's
/// name on the table's last row with figures, the assets side's name on an earlier row
/// with figures, with at least two rows of figures before it and two between them. A
/// table that names either total as such ("Summa tillgångar") or is a kassaflödesanalys
/// is left as it is.
fn sides_by_place(view: &TableView, roles: &mut [Option<&'static str>]) {
    let known =
        |k: &&str| k.starts_with("kf_") || *k == "br_assets_total" || *k == "br_claims_total";
    if roles.iter().flatten().any(known) {
        return;
    }
    let v = view.vocab;
    let side = |r: usize| {
        v.lookup(
            "statements",
            &crate::grammar::statement::clean(&view.label(r)),
        )
    };
    let n = roles.len();
    let Some(last) = (0..n).rev().find(|&r| has_figures(view, r)) else {
        return;
    };
    if !matches!(side(last), Some("br_claims_side" | "br_claims_heading")) {
        return;
    }
    let Some(a) = (0..last).find(|&r| has_figures(view, r) && side(r) == Some("br_assets_side"))
    else {
        return;
    };
    let before = (0..a).filter(|&r| has_figures(view, r)).count();
    let between = (a + 1..last).filter(|&r| has_figures(view, r)).count();
    if before >= 2 && between >= 2 {
        roles[a] = Some("br_assets_total");
        roles[last] = Some("br_claims_total");
    }
}

fn label_of(view: &TableView, r: usize) -> String {
    let l = view.label(r);
    l.trim().trim_end_matches(':').to_string()
}

fn income(
    view: &TableView,
    roles: &[Option<&'static str>],
    plain: &dyn Fn(usize) -> bool,
    steps: &mut Vec<Step>,
) {
    let v = view.vocab;
    let mut at: Vec<usize> = (0..roles.len())
        .filter(|&r| roles[r].is_some_and(|k| k.starts_with("rr_")))
        .collect();
    if at.is_empty() {
        return;
    }
    // A label used twice ("Verksamhetens externa nettokostnad" before and after
    // "Avskrivningar"): the later row, with rows of figures between, is the earlier one
    // plus the rows between — a result line of its own.
    let same = |a: usize, b: usize| {
        crate::grammar::statement::clean(&view.label(a))
            == crate::grammar::statement::clean(&view.label(b))
    };
    let mut repeat_of: Vec<Option<usize>> = vec![None; roles.len()];
    for t in 0..roles.len() {
        if roles[t].is_some() || !plain(t) || !has_figures(view, t) || view.label(t).is_empty() {
            continue;
        }
        let earlier = (0..t)
            .rev()
            .find(|&p| same(p, t) && plain(p) && has_figures(view, p));
        // Rows of figures between, and no other result line or heading (the same label
        // under another heading is the same line of another group: "Kommunkoncernen" …
        // "Staden").
        let between = |p: usize| {
            (p + 1..t).any(|r| plain(r) && has_figures(view, r))
                && (p + 1..t).all(|r| roles[r].is_none() && !view.headings[r])
        };
        if let Some(p) = earlier.filter(|&p| between(p)) {
            repeat_of[t] = Some(p);
            at.push(t);
        }
    }
    at.sort_unstable();
    if at.len() < 2 {
        return;
    }
    // A result line of an earlier stage than the line before it (Toimintakate after
    // Vuosikate), or the same line again (Verksamhetsbidrag after Verksamhetsbidrag: one
    // block per verksamhet, or kommun and koncern one under the other), begins a
    // statement of its own: it is the rows since that line, not that line plus them.
    let stage = |r: usize| match roles[r] {
        Some("rr_net_cost") => 0,
        Some("rr_operating_result") => 1,
        Some("rr_financial_result") => 2,
        _ => 3,
    };
    let restarts = |p: usize, t: usize| {
        roles[p].is_some()
            && roles[t].is_some()
            && (stage(t) < stage(p)
                || crate::grammar::statement::clean(&view.label(p))
                    == crate::grammar::statement::clean(&view.label(t)))
    };
    // Group totals written above their rows ("Toimintakulut" over "Henkilöstökulut" over
    // "Palkat ja palkkiot" …, the Finnish form's breakdown): between two result lines
    // with no subtotal of their own, the rows a group head stands for are not added
    // again. Each group read is a relation of its own (it holds in every column where
    // its head is written, or it would not have been read).
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut heads_of: Vec<Option<Vec<usize>>> = vec![None; roles.len()];
    for (i, &t) in at.iter().enumerate() {
        if repeat_of[t].is_some() {
            continue;
        }
        let from = i.checked_sub(1).map_or(0, |j| at[j] + 1);
        if (from..t).any(|r| view.totals[r]) {
            continue;
        }
        if let Some((items, found)) = nested(view, from, t, plain, 2, false) {
            let found: Vec<(usize, Vec<usize>)> =
                found.into_iter().filter(|g| g.1.len() >= 2).collect();
            if !found.is_empty() {
                groups.extend(found);
                heads_of[t] = Some(items);
            }
        }
    }
    groups.sort_by_key(|g| g.0);
    // The sign convention: costs written with a minus (added), or as positive amounts
    // whose label says they are costs (subtracted). Both readings are built; `evaluate`
    // keeps the one the table's own arithmetic confirms. In the second a cost's figure
    // written with a minus is signed already ("Toimintakulut -20 445 725" above
    // "Korkokulut 152 398", a budget column with minus signs beside an outcome without):
    // it is added as written (see `deducted`), and a result line written with a minus in
    // every column is compared as written.
    let signed_row = |r: usize| {
        let figs: Vec<Interval> = figure_columns(view)
            .into_iter()
            .filter_map(|c| view.figure(r, c))
            .collect();
        !figs.is_empty()
            && figs
                .iter()
                .all(|f| f.nominal.is_sign_negative() && !f.nominal.is_zero())
    };
    for flipped in [false, true] {
        let neg = |r: usize| flipped && is_cost(v, &view.label(r));
        let neg_target = |r: usize| neg(r) && !signed_row(r);
        for (i, &t) in at.iter().enumerate() {
            let before = i.checked_sub(1).map(|j| at[j]);
            let prev = repeat_of[t].or_else(|| before.filter(|&p| !restarts(p, t)));
            let from = prev.or(before).map_or(0, |p| p + 1);
            let head: Vec<(usize, bool)> = prev.map(|p| (p, neg(p))).into_iter().collect();
            let (rows, alt) = match &heads_of[t] {
                Some(items) => (items.clone(), None),
                _ => chain_rows(view, from, t, plain),
            };
            let with = |rows: Vec<usize>| {
                let mut parts = head.clone();
                parts.extend(rows.into_iter().map(|r| (r, neg(r))));
                parts
            };
            let mut parts = with(rows);
            // A first result line over a single row is no sum the statement states: the
            // rows before it were read into another table ("Resultat före skatt" under
            // "Summa bokslutsdispositioner" alone).
            // (Decided on the rows alone: the same in both sign conventions, whose steps
            // `evaluate` pairs by their order.)
            if prev.is_none() && parts.len() < 2 {
                continue;
            }
            // A net ending the rows read the other way (see `chain_rows`) when, so read,
            // the line holds in every column where it is compared (two or more) and, read
            // as a row of its own, in none.
            if let Some(alt) = alt.filter(|_| prev.is_some()) {
                let probe = |parts: Vec<(usize, bool)>| {
                    let step = Step {
                        kind: Kind::Income,
                        target: t,
                        parts,
                        target_negated: neg_target(t),
                        what: String::new(),
                        columns: Vec::new(),
                    };
                    let cmp: Vec<bool> = figure_columns(view)
                        .into_iter()
                        .filter_map(|c| compare_in(view, &step, c))
                        .map(|c| c.holds)
                        .collect();
                    (cmp.iter().filter(|h| **h).count(), cmp.len())
                };
                let other = with(alt);
                let (held, _) = probe(parts.clone());
                let (held_other, compared) = probe(other.clone());
                if held == 0 && compared >= 2 && held_other == compared {
                    parts = other;
                }
            }
            let what = match prev {
                Some(p) => format!("\"{}\" plus the rows between", label_of(view, p)),
                None => "the rows above it".to_string(),
            };
            steps.push(Step {
                kind: Kind::Income,
                target: t,
                parts,
                target_negated: neg_target(t),
                what: if flipped {
                    format!("{what} (costs written without a minus subtracted)")
                } else {
                    what
                },
                columns: Vec::new(),
            });
        }
        // The groups, the same in both readings (so `evaluate` pairs the steps of the two
        // by their order).
        for (head, parts) in &groups {
            steps.push(Step {
                kind: Kind::Income,
                target: *head,
                parts: parts.iter().map(|&r| (r, false)).collect(),
                target_negated: false,
                what: "the rows under it".into(),
                columns: Vec::new(),
            });
        }
    }
}

/// Whether `r`'s label names a group's subtotal in a resultaträkning without "Summa"
/// (`statements.vocab` `rr_subtotal`: "Resultat från finansiella poster", "Finansnetto").
/// The phrase may be followed by a unit ("Finansnetto, mnkr") or a note reference
/// ("not 6"), nothing else.
fn names_subtotal(view: &TableView, r: usize) -> bool {
    let label = crate::grammar::statement::clean(&view.label(r));
    let Some(("rr_subtotal", n)) = view.vocab.lookup_prefix("statements", &label) else {
        return false;
    };
    label.split_whitespace().skip(n).all(|w| {
        w == "not"
            || w.chars().all(|ch| ch.is_ascii_digit())
            || view.vocab.unit_words().iter().any(|(u, _)| u == w)
    })
}

/// The rows between two result lines of a resultaträkning, `from` to `to` (exclusive), as
/// the later line adds them: a group's subtotal stands for the group's rows (never both),
/// and rows no subtotal closes stay loose. A subtotal is a total row labelled as a sum
/// ("Summa rörelsens intäkter", "S:a", `totals.vocab`), a total row with no label (the
/// sum printed under its rows) or, under a heading with rows of its own, a row whose
/// label names a group's net ("Resultat från finansiella poster", "Finansnetto":
/// `statements.vocab` `rr_subtotal`). Its group is the rows since the heading above it
/// ("Rörelsens kostnader"), whether or not they add up to it (that is the SUM rules' to
/// check), or, with no heading since the last subtotal or result line, the last rows that
/// add up to it in the most columns (all of them when none do). Any other row the table
/// reads as a total ("Resultat från andelar i koncernföretag"), or a net's label with no
/// heading above ("Finansnetto" after "Skattenetto" in a kommun's statement: a row of its
/// own), stands for the rows before it only when two or more add up to it in every column
/// where it is written.
///
/// The second list, when there is one, is the other reading of a net named `rr_subtotal`
/// that ends the rows without a heading above it and whose rows do not add up to it:
/// standing for the rows since the last subtotal or result line (Gavlegårdarna's
/// "Finansnetto" under "Räntekostnader", ränteintäkter not listed) instead of being a row
/// of its own ("Finansnetto" after "Skattenetto"). The table's arithmetic chooses
/// (see `income`).
fn chain_rows(
    view: &TableView,
    from: usize,
    to: usize,
    plain: &dyn Fn(usize) -> bool,
) -> (Vec<usize>, Option<Vec<usize>>) {
    let cols = figure_columns(view);
    // In how many of the columns where `r` is written `group` adds up to it, and in how
    // many it is written.
    let adds = |group: &[usize], r: usize| {
        let written: Vec<usize> = cols
            .iter()
            .copied()
            .filter(|&c| view.figure(r, c).is_some())
            .collect();
        let n = written
            .iter()
            .filter(|&&c| {
                let parts: Option<Vec<Interval>> =
                    group.iter().map(|&o| view.part(o, c)).collect();
                matches!((parts, view.figure(r, c)), (Some(p), Some(t)) if Interval::sum(p.iter().copied()).meets(&t))
            })
            .count();
        (n, written.len())
    };
    let mut out = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut headed = false;
    let mut alt = None;
    let last = (from..to).rev().find(|&r| plain(r));
    // The last subtotal read: rows after it are loose.
    let mut since: Option<usize> = None;
    for r in from..to {
        // A group begins under a heading the table reads as one ("Rörelsens kostnader");
        // a row without figures inside a group ("Förändring av periodiseringsfonder" with
        // its cells empty) begins none.
        if view.table.rows[r].kind == RowKind::Heading {
            out.append(&mut open);
            headed = true;
            continue;
        }
        if !plain(r) {
            continue;
        }
        let label = view.label(r);
        let summa = (view.totals[r]
            && (label.trim().is_empty() || view.vocab.is_sum_label(&label)))
            || (headed && !open.is_empty() && names_subtotal(view, r));
        if summa {
            let keep = if headed || open.is_empty() {
                0
            } else {
                // The longest run of the last rows that adds up in the most columns.
                let mut best = (0, 0);
                for k in 1..=open.len() {
                    let (n, _) = adds(&open[open.len() - k..], r);
                    if n > 0 && n >= best.0 {
                        best = (n, k);
                    }
                }
                if best.0 == 0 {
                    0
                } else {
                    open.len() - best.1
                }
            };
            out.extend(open.drain(..).take(keep));
            out.push(r);
            since = Some(r);
            headed = false;
            continue;
        }
        let named = (view.totals[r] || names_subtotal(view, r)) && open.len() >= 2 && {
            let (n, w) = adds(&open, r);
            w > 0 && n == w
        };
        if named {
            open.clear();
            out.push(r);
            since = Some(r);
            headed = false;
        } else {
            // The rows since the last subtotal or result line, whether a heading came
            // between them or not.
            let loose: Vec<usize> = out
                .iter()
                .chain(&open)
                .copied()
                .filter(|&q| since.is_none_or(|x| q > x))
                .collect();
            if Some(r) == last && !loose.is_empty() && names_subtotal(view, r) {
                let mut other: Vec<usize> =
                    out.iter().copied().filter(|q| !loose.contains(q)).collect();
                other.push(r);
                other.sort_unstable();
                alt = Some(other);
            }
            open.push(r);
        }
    }
    out.append(&mut open);
    out.sort_unstable();
    (out, alt)
}

/// The rows between `from` and `to` (exclusive) as a section total adds them: every total
/// row, and every plain row not closed by a total (a total closes the rows since the
/// previous total or heading when they add up to it in some column).
fn top_level(
    view: &TableView,
    from: usize,
    to: usize,
    plain: &dyn Fn(usize) -> bool,
) -> Vec<usize> {
    let mut out = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for r in from..to {
        if view.totals[r] {
            // The open rows are the total's own when they add up to it in some column;
            // otherwise (a condensed statement) they stay loose.
            let closes = !open.is_empty()
                && (0..view.cols()).any(|c| {
                    let parts: Option<Vec<Interval>> =
                        open.iter().map(|&o| view.part(o, c)).collect();
                    matches!((parts, view.figure(r, c)), (Some(p), Some(t)) if Interval::sum(p.iter().copied()).meets(&t))
                });
            if !closes {
                out.append(&mut open);
            }
            open.clear();
            out.push(r);
        } else if view.headings[r] {
            out.append(&mut open);
        } else if plain(r) {
            open.push(r);
        }
    }
    // Rows after the last heading that no total closed stay loose; rows a later total
    // closed were dropped with `open.clear()`.
    out.append(&mut open);
    out.sort_unstable();
    out
}

/// The columns a statement's arithmetic reads: amount columns, not note references and
/// not percentages (a "% avvikelse" column beside the amounts is a ratio per row; ratios
/// do not add).
pub(crate) fn figure_columns(view: &TableView) -> Vec<usize> {
    (0..view.cols())
        .filter(|&c| {
            view.numeric(c)
                && view.kinds[c] != ColumnKind::Percent
                && !is_note_column(view.vocab, &view.header(c))
        })
        .collect()
}

/// A side read through its nested groups: its top-level rows, and each group found (its
/// head and the rows it adds).
type Nesting = (Vec<usize>, Vec<(usize, Vec<usize>)>);

/// Group totals written above their rows without "Summa", nested ("ANLÄGGNINGSTILLGÅNGAR
/// 384 554" over "Materiella anläggningstillgångar 372 416" over its own rows): the rows
/// from `from` to `to` (exclusive) as the side's total adds them, each group's head in
/// place of its rows. A row heads the rows under it when they (their own groups read the
/// same way, at most `depth` levels down) add up to it in every column where it has a
/// figure, at least two of them non-zero (the longest such run) — or, for a single row
/// under it, when that row repeats its label and figures ("Immateriella
/// anläggningstillgångar" / "Immateriella anläggningstillgångar 8"). A row closes the
/// items of its level just above it when two or more of them add up to it in every column
/// where it has a figure, at least two of them non-zero (a total below its rows without
/// "Summa": "EGET KAPITAL vid årets slut" under "vid årets början" and "Årets resultat");
/// it may head rows under it as well. `None` when no group is found.
fn nested(
    view: &TableView,
    from: usize,
    to: usize,
    plain: &dyn Fn(usize) -> bool,
    depth: usize,
    close: bool,
) -> Option<Nesting> {
    const MAX_GROUP: usize = 24;
    let cols = figure_columns(view);
    let same = |a: usize, b: usize| {
        crate::grammar::statement::clean(&view.label(a))
            .trim_end_matches(|ch: char| ch.is_ascii_digit() || ch == ' ')
            == crate::grammar::statement::clean(&view.label(b))
                .trim_end_matches(|ch: char| ch.is_ascii_digit() || ch == ' ')
    };
    let mut items = Vec::new();
    let mut groups = Vec::new();
    let mut r = from;
    while r < to {
        if !plain(r) || view.totals[r] || !has_figures(view, r) {
            r += 1;
            continue;
        }
        let written: Vec<usize> = cols
            .iter()
            .copied()
            .filter(|&c| view.figure(r, c).is_some())
            .collect();
        let nonzero = written
            .iter()
            .filter(|&&c| view.figure(r, c).is_some_and(|f| !f.nominal.is_zero()))
            .count();
        // A total written below its rows without "Summa" ("EGET KAPITAL vid årets slut"
        // under "vid årets början" and "Årets resultat"): the last items of this level,
        // two or more, add up to it in every column where it has a figure (the longest
        // such run). Its own rows may still follow it (the dash rows breaking it down).
        if close && nonzero >= 2 {
            let mut closes = None;
            for k in 2..=MAX_GROUP.min(items.len()) {
                let parts = &items[items.len() - k..];
                let adds = written.iter().all(|&c| {
                    let sum: Option<Vec<Interval>> =
                        parts.iter().map(|&q| view.part(q, c)).collect();
                    matches!((sum, view.figure(r, c)), (Some(p), Some(t)) if Interval::sum(p.iter().copied()).meets(&t))
                });
                if adds {
                    closes = Some(k);
                }
            }
            if let Some(k) = closes {
                let parts = items.split_off(items.len() - k);
                groups.push((r, parts));
            }
        }
        let mut best: Option<(usize, Nesting)> = None;
        if depth > 0 && nonzero >= 2 {
            for k in 1..=MAX_GROUP.min(to - r - 1) {
                let under = r + 1..r + 1 + k;
                let (parts, inner) = nested(view, under.start, under.end, plain, depth - 1, close)
                    .unwrap_or_else(|| {
                        let flat = under
                            .clone()
                            .filter(|&q| plain(q) && !view.totals[q] && has_figures(view, q))
                            .collect();
                        (flat, Vec::new())
                    });
                let single = parts.len() == 1 && same(parts[0], r);
                if parts.is_empty() || (parts.len() < 2 && !single) {
                    continue;
                }
                let adds = written.iter().all(|&c| {
                    let sum: Option<Vec<Interval>> =
                        parts.iter().map(|&q| view.part(q, c)).collect();
                    matches!((sum, view.figure(r, c)), (Some(p), Some(t)) if Interval::sum(p.iter().copied()).meets(&t))
                });
                // The longest run that adds up: a shorter one may end before the rows of
                // its last group ("Finansiella anläggningstillgångar" without its rows).
                if adds {
                    best = Some((under.end, (parts, inner)));
                }
            }
        }
        items.push(r);
        match best {
            Some((end, (parts, inner))) => {
                groups.extend(inner);
                groups.push((r, parts));
                r = end;
            }
            None => r += 1,
        }
    }
    (!groups.is_empty()).then_some((items, groups))
}

fn balance(
    view: &TableView,
    roles: &[Option<&'static str>],
    plain: &dyn Fn(usize) -> bool,
    steps: &mut Vec<Step>,
) {
    let find = |k: &str| (0..roles.len()).find(|&r| roles[r] == Some(k));
    let assets = find("br_assets_total");
    let claims = find("br_claims_total");
    // A side's rows are its subtotals and the rows no subtotal closes; a side written
    // without subtotals or headings (a flat list of its groups: "Materiella
    // anläggningstillgångar" … "Omsättningstillgångar") is its rows.
    let flat = |from: usize, to: usize| (from..to).all(|r| !view.totals[r] && !view.headings[r]);
    // A side without subtotals whose rows nest under group totals written above them.
    // Each group read is a relation of its own (it holds in every column, or it would
    // not have been read): checked, and evidence for the side's total in each column.
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut side = |from: usize, to: usize| {
        let no_totals = (from..to).all(|r| !view.totals[r]);
        match no_totals
            .then(|| nested(view, from, to, plain, 2, true))
            .flatten()
        {
            Some((items, found)) => {
                groups.extend(found.into_iter().filter(|g| g.1.len() >= 2));
                (items, true)
            }
            None => (top_level(view, from, to, plain), false),
        }
    };
    if let Some(a) = assets {
        let (parts, grouped) = side(0, a);
        if parts.len() >= 2 && (grouped || parts.iter().any(|&r| view.totals[r]) || flat(0, a)) {
            steps.push(Step {
                kind: Kind::Balance,
                target: a,
                parts: parts.into_iter().map(|r| (r, false)).collect(),
                target_negated: false,
                what: "its subtotals and the rows no subtotal closes".into(),
                columns: Vec::new(),
            });
        }
    }
    if let Some(c) = claims {
        let from = assets.filter(|&a| a < c).map_or(0, |a| a + 1);
        let (parts, grouped) = side(from, c);
        if parts.len() >= 2 && (grouped || parts.iter().any(|&r| view.totals[r]) || flat(from, c)) {
            steps.push(Step {
                kind: Kind::Balance,
                target: c,
                parts: parts.into_iter().map(|r| (r, false)).collect(),
                target_negated: false,
                what: "its subtotals and the rows no subtotal closes".into(),
                columns: Vec::new(),
            });
        }
        if let Some(a) = assets.filter(|&a| a < c) {
            steps.push(Step {
                kind: Kind::Balance,
                target: c,
                parts: vec![(a, false)],
                target_negated: false,
                what: format!("\"{}\"", label_of(view, a)),
                columns: Vec::new(),
            });
        }
    }
    groups.sort_by_key(|g| g.0);
    for (head, parts) in groups {
        let what = if parts.first().is_some_and(|&p| p < head) {
            "the rows above it"
        } else {
            "the rows under it"
        };
        steps.push(Step {
            kind: Kind::Balance,
            target: head,
            parts: parts.into_iter().map(|r| (r, false)).collect(),
            target_negated: false,
            what: what.into(),
            columns: Vec::new(),
        });
    }
}

fn cash_flow(
    view: &TableView,
    roles: &[Option<&'static str>],
    plain: &dyn Fn(usize) -> bool,
    steps: &mut Vec<Step>,
) {
    let n = roles.len();
    let is = |r: usize, k: &str| roles[r] == Some(k);
    let sections: Vec<usize> = (0..n).filter(|&r| is(r, "kf_section")).collect();
    // A line that restates the section total just above it, figure for figure (a
    // "kontroll … från not" line), is a check of that total, not a row of the next
    // section.
    let restates = |r: usize| {
        r > 0 && is(r - 1, "kf_section") && {
            let both: Vec<(Option<_>, Option<_>)> = (0..view.cols())
                .map(|c| (view.figure(r, c), view.figure(r - 1, c)))
                .filter(|(a, b)| a.is_some() || b.is_some())
                .collect();
            both.len() >= 2
                && both.iter().all(|(a, b)| match (a, b) {
                    (Some(a), Some(b)) => a.nominal == b.nominal,
                    _ => false,
                })
        }
    };
    // A row that plays a part of its own (a section, the year, cash) never enters a
    // section's rows.
    let loose =
        |r: usize| plain(r) && roles[r].is_none_or(|k| k == "rr_year_result") && !restates(r);
    let mut start = 0;
    for &s in &sections {
        // A "Medel från verksamheten före förändring av rörelsekapital" written as a
        // heading without figures states no subtotal: the section is then its rows.
        let before = (start..s).find(|&r| is(r, "kf_before_changes") && !view.headings[r]);
        if let Some(b) = before {
            let parts: Vec<usize> = (start..b).filter(|&r| loose(r)).collect();
            if parts.len() >= 2 {
                steps.push(Step {
                    kind: Kind::CashSections,
                    target: b,
                    parts: parts.into_iter().map(|r| (r, false)).collect(),
                    target_negated: false,
                    what: "the rows of its section above it".into(),
                    columns: Vec::new(),
                });
            }
        }
        let from = before.map_or(start, |b| b + 1);
        let mut parts: Vec<usize> = before.into_iter().collect();
        parts.extend((from..s).filter(|&r| loose(r)));
        if !parts.is_empty() {
            steps.push(Step {
                kind: Kind::CashSections,
                target: s,
                parts: parts.into_iter().map(|r| (r, false)).collect(),
                target_negated: false,
                what: match before {
                    Some(b) => format!("\"{}\" plus the rows after it", label_of(view, b)),
                    None => "the rows of its section".into(),
                },
                columns: Vec::new(),
            });
        }
        start = s + 1;
    }
    let year = (0..n).find(|&r| is(r, "kf_year"));
    if let Some(y) = year {
        let secs: Vec<usize> = sections.iter().copied().filter(|&s| s < y).collect();
        if let Some(&last) = secs.last() {
            let mut parts = secs.clone();
            parts.extend((last + 1..y).filter(|&r| loose(r)));
            if parts.len() >= 2 {
                steps.push(Step {
                    kind: Kind::CashSections,
                    target: y,
                    parts: parts.into_iter().map(|r| (r, false)).collect(),
                    target_negated: false,
                    what: "the cash flows of the sections".into(),
                    columns: Vec::new(),
                });
            }
        }
    }
    let start_row = (0..n).find(|&r| is(r, "kf_cash_start"));
    let end_row = (0..n).find(|&r| is(r, "kf_cash_end"));
    if let (Some(i), Some(y), Some(e)) = (start_row, year, end_row) {
        if i < e && y < e {
            let lo = i.min(y);
            let mut parts = vec![i, y];
            parts.extend((lo + 1..e).filter(|&r| r != i && r != y && loose(r)));
            parts.sort_unstable();
            steps.push(Step {
                kind: Kind::Cash,
                target: e,
                parts: parts.into_iter().map(|r| (r, false)).collect(),
                target_negated: false,
                what: format!("\"{}\" plus \"{}\"", label_of(view, i), label_of(view, y)),
                columns: Vec::new(),
            });
        }
    }
}

/// A part of a sum: subtracted (`neg`) is a cost written without a minus; a figure
/// written with one is signed already and added as written.
fn deducted(iv: Interval, neg: bool) -> Interval {
    if neg && iv.nominal.is_sign_positive() && !iv.nominal.is_zero() {
        iv.negated()
    } else {
        iv
    }
}

fn signed(iv: Interval, neg: bool) -> Interval {
    if neg {
        iv.negated()
    } else {
        iv
    }
}

/// The step's comparison in column `c`, when every part is a figure or blank and the
/// target and at least one part are written.
fn compare_in(view: &TableView, step: &Step, c: usize) -> Option<Comparison> {
    let found = view.figure(step.target, c)?;
    if !step.parts.iter().any(|&(r, _)| view.figure(r, c).is_some()) {
        return None;
    }
    Some(compare(expected_in(view, step, c)?, found))
}

/// What `step`'s parts give for its target, each part's value taken from `cell`.
fn sum_of(step: &Step, cell: impl Fn(usize) -> Option<Interval>) -> Option<Interval> {
    let parts = step
        .parts
        .iter()
        .map(|&(r, neg)| Some(deducted(cell(r)?, neg)))
        .collect::<Option<Vec<_>>>()?;
    Some(signed(Interval::sum(parts), step.target_negated))
}

/// What `step`'s parts give for its target in column `c`.
fn expected_in(view: &TableView, step: &Step, c: usize) -> Option<Interval> {
    sum_of(step, |r| view.part(r, c))
}

/// Whether `step` holds in column `c` once row `row`'s figure is taken as `value`.
fn holds_with(view: &TableView, step: &Step, c: usize, row: usize, value: Interval) -> bool {
    let cell = |r: usize| {
        if r == row {
            Some(value)
        } else {
            view.part(r, c)
        }
    };
    let found = if step.target == row {
        Some(value)
    } else {
        view.figure(step.target, c)
    };
    match (found, sum_of(step, cell)) {
        (Some(found), Some(expected)) => compare(expected, found).holds,
        _ => false,
    }
}

/// Another relation of the statement that fails in column `j` too, shares no row with
/// step `i` but its target, and holds once that target is given the value step `i`'s
/// parts give: two independent sums agree on the figure, and the printed one is neither.
fn corroborated_by(
    view: &TableView,
    st: &Statement,
    all: &[Vec<Option<Comparison>>],
    (i, j, c): (usize, usize, usize),
    among: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let step = &st.steps[i];
    let t = step.target;
    let value = expected_in(view, step, c)?;
    let rows = |s: &Step| -> Vec<usize> {
        std::iter::once(s.target)
            .chain(s.parts.iter().map(|p| p.0))
            .collect()
    };
    let own = rows(step);
    (0..st.steps.len()).find(|&k| {
        let other = &st.steps[k];
        let theirs = rows(other);
        k != i
            && among(k)
            && other.parts.len() >= 2
            && theirs.contains(&t)
            && theirs.iter().all(|r| *r == t || !own.contains(r))
            && all[k][j].is_some_and(|x| !x.holds)
            && holds_with(view, other, c, t, value)
    })
}

/// The cell read another way: its first digit group alone as a separate number (a note
/// reference or a neighbouring cell glued on in flat text: "28 115 458" as 28 and
/// 115 458). `None` when the figure has a single group or the first has three digits.
fn without_leading_group(view: &TableView, r: usize, c: usize) -> Option<Interval> {
    let raw = view.raw(r, c)?.trim();
    let (sign, body) = match raw.strip_prefix(['-', '–', '−']) {
        Some(rest) => ("-", rest.trim_start()),
        None => ("", raw),
    };
    let (first, rest) = body.split_once(' ')?;
    if first.is_empty() || first.len() > 2 || !first.chars().all(|ch| ch.is_ascii_digit()) {
        return None;
    }
    let cell = parse_cell(&format!("{sign}{rest}"), view.vocab);
    cell.value.map(|v| Interval::written(v, cell.decimals))
}

/// A failing relation that holds when one of its figures is read another way (see
/// [`without_leading_group`]): the label of that row and its figure as written.
fn holds_read_otherwise(view: &TableView, step: &Step, c: usize) -> Option<(usize, String)> {
    let rows: Vec<usize> = std::iter::once(step.target)
        .chain(step.parts.iter().map(|p| p.0))
        .collect();
    for &alt in &rows {
        let Some(other) = without_leading_group(view, alt, c) else {
            continue;
        };
        let value = |r: usize| {
            if r == alt {
                Some(other)
            } else {
                view.part(r, c)
            }
        };
        let Some(found) = value(step.target) else {
            continue;
        };
        let parts: Option<Vec<Interval>> = step
            .parts
            .iter()
            .map(|&(r, neg)| value(r).map(|v| deducted(v, neg)))
            .collect();
        let Some(parts) = parts else { continue };
        let expected = signed(Interval::sum(parts), step.target_negated);
        if expected.meets(&found) {
            return Some((alt, view.raw(alt, c).unwrap_or_default().trim().to_string()));
        }
    }
    None
}

/// Whether the rows from the table's first row are known to be the statement's first
/// rows: the table names its columns, or its first row is a heading. A table cut out of
/// a longer one (its first rows read into another table) gives no such certainty.
fn starts_whole(view: &TableView) -> bool {
    (0..view.cols()).any(|c| !view.header(c).is_empty())
        || view
            .table
            .title
            .as_deref()
            .is_some_and(|t| !t.trim().is_empty())
        || view.headings.first().copied().unwrap_or(false)
}

fn evaluate(view: &TableView, st: &mut Statement) {
    let cols = figure_columns(view);
    let mut all: Vec<Vec<Option<Comparison>>> = st
        .steps
        .iter()
        .map(|s| cols.iter().map(|&c| compare_in(view, s, c)).collect())
        .collect();
    // RR: keep the sign convention the table's arithmetic confirms.
    let income: Vec<usize> = (0..st.steps.len())
        .filter(|&i| st.steps[i].kind == Kind::Income)
        .collect();
    let mut convention_unknown = false;
    if !income.is_empty() {
        let half = income.len() / 2;
        let holds = |ix: &[usize]| {
            ix.iter()
                .flat_map(|&i| all[i].iter())
                .filter(|c| c.is_some_and(|c| c.holds))
                .count()
        };
        let (plain_ix, flipped_ix) = income.split_at(half);
        let (h_plain, h_flipped) = (holds(plain_ix), holds(flipped_ix));
        // No line holding in either convention, the one where a failing line's parts give
        // a value another line of the same convention then holds with (two sums agreeing,
        // the printed line neither of them) is the statement's, when the other has none.
        let corroborated = |ix: &[usize]| {
            let among = |k: usize| ix.contains(&k);
            ix.iter()
                .flat_map(|&i| (0..cols.len()).map(move |j| (i, j)))
                .filter(|&(i, j)| {
                    all[i][j].is_some_and(|x| !x.holds)
                        && corroborated_by(view, st, &all, (i, j, cols[j]), &among).is_some()
                })
                .count()
        };
        let (c_plain, c_flipped) = if h_plain == 0 && h_flipped == 0 {
            (corroborated(plain_ix), corroborated(flipped_ix))
        } else {
            (0, 0)
        };
        let flip = h_flipped > h_plain || (h_flipped == h_plain && c_flipped > 0 && c_plain == 0);
        let drop: Vec<usize> = if flip {
            plain_ix.to_vec()
        } else {
            convention_unknown = h_plain == 0 && !(c_plain > 0 && c_flipped == 0);
            flipped_ix.to_vec()
        };
        let mut k = 0;
        st.steps.retain(|_| {
            k += 1;
            !drop.contains(&(k - 1))
        });
        let mut k = 0;
        all.retain(|_| {
            k += 1;
            !drop.contains(&(k - 1))
        });
        if h_flipped > h_plain {
            st.sign_breaks = against_the_columns_signs(view, st, &cols, &mut all);
        }
    }
    let whole = starts_whole(view);
    // A line whose own relation holds in no column is not read as written (cells
    // shifted, thousands split): nothing that reads it is decided.
    let suspect: Vec<usize> = (0..st.steps.len())
        .filter(|&i| {
            all[i].iter().flatten().next().is_some() && !all[i].iter().flatten().any(|c| c.holds)
        })
        .map(|i| st.steps[i].target)
        .collect();
    let single = cols.len() == 1;
    let ambiguous: Vec<usize> = view.table.ambiguities.iter().map(|a| a.row).collect();
    for i in 0..st.steps.len() {
        let mut out = Vec::new();
        for (j, &c) in cols.iter().enumerate() {
            let Some(comparison) = all[i][j] else {
                continue;
            };
            let elsewhere = (0..cols.len())
                .filter(|&k| k != j && all[i][k].is_some_and(|x| x.holds))
                .count();
            // A line that restates a single other line (Årets resultat = Resultat efter
            // finansiella poster when nothing stands between) holds however the columns
            // were read: it is no evidence for this column.
            let support = (0..st.steps.len())
                .filter(|&k| {
                    k != i && st.steps[k].parts.len() >= 2 && all[k][j].is_some_and(|x| x.holds)
                })
                .count();
            // Other relations of the statement that fail in this column: a column where the
            // statement's arithmetic fails throughout (a percent change beside the amounts)
            // is no column of amounts.
            let failing_others = (0..st.steps.len())
                .filter(|&k| k != i && all[k][j].is_some_and(|x| !x.holds))
                .count();
            // Failing in every column, the relation is decided only when another sum of
            // the statement, sharing no row but this line, holds with the value this one
            // gives (and the statement holds elsewhere in the column).
            // (In a single column the statement's other sums may all go through this line:
            // the agreement of the two sums alone, exact, is then the evidence.)
            let corroboration = (!comparison.holds && elsewhere == 0 && (support >= 2 || single))
                .then(|| corroborated_by(view, st, &all, (i, j, c), &|_| true))
                .flatten();
            let step = &st.steps[i];
            let touches_ambiguous = std::iter::once(step.target)
                .chain(step.parts.iter().map(|p| p.0))
                .find(|r| ambiguous.contains(r));
            let plural = |n: usize, one: &str, many: &str| {
                if n == 1 {
                    format!("1 {one}")
                } else {
                    format!("{n} {many}")
                }
            };
            let trusted = format!(
                "the same relation holds in {}, and {} of the statement in this column",
                plural(elsewhere, "other column", "other columns"),
                plural(support, "other relation holds", "other relations hold")
            )
            .replace(" hold of the statement", " of the statement hold")
            .replace(" holds of the statement", " of the statement holds")
                + &corroboration
                    .map(|k| {
                        format!(
                            "; \"{}\" is not {} either, and holds once this line has the value its parts give",
                            label_of(view, st.steps[k].target),
                            st.steps[k].what
                        )
                    })
                    .unwrap_or_default();
            // Trusted without another relation of the statement in this column: say why.
            let complete =
                elsewhere >= 2 && failing_others == 0 && rows_complete(view, step, &cols);
            let trusted = if complete && support == 0 && corroboration.is_none() {
                trusted + "; every row of it has a figure in every column, so none can have moved"
            } else {
                trusted
            };
            // Parts that begin at the table's first row, with no line of the statement
            // or heading above them in the table.
            let from_top = step.parts.first().is_some_and(|p| {
                (0..p.0).all(|r| !view.headings[r]) && !st.claimed.iter().any(|&c| c < p.0)
            });
            let row_wise = touches_ambiguous
                .and_then(|r| fails_row_wise(view, st, &all, i, r, &cols, &ambiguous))
                .filter(|d| d.col == c);
            let undecided = if row_wise.is_some() {
                None
            } else if let Some(r) = touches_ambiguous {
                Some(format!(
                    "not decided: the row \"{}\" could not be read unambiguously (TAB001)",
                    label_of(view, r)
                ))
            } else if let Some(prev) = (!comparison.holds)
                .then(|| skips_financial_items(view, step))
                .flatten()
            {
                Some(format!(
                    "not decided: \"{}\" follows \"{}\" with no financial line between, so the table leaves out items the result after financial items includes",
                    label_of(view, step.target),
                    label_of(view, prev)
                ))
            } else if convention_unknown && step.kind == Kind::Income {
                Some("not decided: no result line of the statement adds up in any column, so whether costs are written with a minus is not known".to_string())
            } else if let Some((r, raw)) = (!comparison.holds)
                .then(|| holds_read_otherwise(view, step, c))
                .flatten()
            {
                Some(format!(
                    "not decided: the relation holds if \"{raw}\" on the row \"{}\" is read as a note reference or another cell followed by a figure, so the figures may not have been read as written",
                    label_of(view, r)
                ))
            } else if from_top && !whole && corroboration.is_none() {
                Some("not decided: the rows begin at the table's first row and the table has no column header, so its first rows may have been read into another table".to_string())
            } else if let Some(r) = step
                .parts
                .iter()
                .map(|p| p.0)
                .find(|r| suspect.contains(r) && !comparison.holds)
            {
                Some(format!(
                    "not decided: \"{}\" adds up in no column, so its figures may not have been read as written",
                    label_of(view, r)
                ))
            } else if !((elsewhere >= 1 && support >= 1)
                || (single && support >= 2)
                || complete
                || corroboration.is_some())
            {
                Some("not decided: too few other relations of the statement hold in this column or this relation in other columns, so the columns may not have been read as written".to_string())
            } else {
                None
            };
            let decided_row_wise = row_wise.is_some();
            let (comparison, trusted) = match row_wise {
                Some(d) => (d.comparison, d.why),
                None => (comparison, trusted),
            };
            out.push(StepColumn {
                col: c,
                comparison,
                trusted,
                undecided,
                row_wise: decided_row_wise,
            });
        }
        st.steps[i].columns = out;
    }
}

/// A relation through a row whose digit groups make its figures more than one way
/// (TAB001), failing under every reading of that row: decided row-wise.
struct RowWise {
    /// The column reported.
    col: usize,
    /// The comparison there, with the figure the groups make written whole.
    comparison: Comparison,
    /// Why the failure is trusted, in the finding's words.
    why: String,
}

/// The figures a run of digit groups can make: every run `i..=j` that is one figure
/// (a minus only first, a first group of one to three digits, the others of three), with
/// its text. `None` when a group is not plain digits (a decimal, a unit, a letter).
fn group_figures(groups: &[&str]) -> Option<Vec<(usize, usize, String)>> {
    let body = |g: &str| g.strip_prefix(['-', '–', '−']).unwrap_or(g).to_string();
    if groups
        .iter()
        .any(|g| body(g).is_empty() || !body(g).chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let mut out = Vec::new();
    for i in 0..groups.len() {
        let first = body(groups[i]);
        if first.len() > 3 || (first.len() > 1 && first.starts_with('0')) {
            continue;
        }
        let mut text = groups[i].to_string();
        out.push((i, i, text.clone()));
        for (j, g) in groups.iter().enumerate().skip(i + 1) {
            if g.len() != 3 || !g.chars().all(|c| c.is_ascii_digit()) || first == "0" {
                break;
            }
            text = format!("{text} {g}");
            out.push((i, j, text.clone()));
        }
    }
    Some(out)
}

/// Step `i`, whose target `r` is a row whose digit groups make figures more than one way
/// (TAB001), decided row-wise: one of the row's digit groups makes, with whatever
/// neighbours it may be read with, no figure that any figure column's value meets (what
/// the step's parts, all read one way, give there) — so whichever reading the record
/// means, the figure holding that group fails in its column, whichever column that is.
/// Trusted as the statement is elsewhere: the relation holds in another column, and
/// another relation of the statement, through no ambiguous row, holds in the column
/// reported. `None` when a column has no value to meet (a figure placed there would be
/// compared with nothing), when a part is ambiguous too, or when some figure the group
/// makes meets some column's value.
fn fails_row_wise(
    view: &TableView,
    st: &Statement,
    all: &[Vec<Option<Comparison>>],
    i: usize,
    r: usize,
    cols: &[usize],
    ambiguous: &[usize],
) -> Option<RowWise> {
    let step = &st.steps[i];
    // Every column a figure column, so wherever a figure stands it is compared.
    if step.target != r
        || step.parts.iter().any(|p| ambiguous.contains(&p.0))
        || cols.len() != view.cols()
    {
        return None;
    }
    let expected: Vec<Interval> = cols
        .iter()
        .map(|&c| {
            step.parts
                .iter()
                .any(|&(p, _)| view.figure(p, c).is_some())
                .then(|| expected_in(view, step, c))
                .flatten()
        })
        .collect::<Option<_>>()?;
    let row = view.table.rows.get(r)?;
    let groups: Vec<&str> = cols
        .iter()
        .filter_map(|&c| row.cells.get(c))
        .flat_map(|cell| cell.raw.split_whitespace())
        .collect();
    let figures = group_figures(&groups)?;
    let meets_any = |text: &str| {
        let cell = crate::table::parse_cell(text, view.vocab);
        let Some(v) = cell.value else {
            return true;
        };
        let found = Interval::written(v, cell.decimals);
        expected.iter().any(|e| compare(*e, found).holds)
    };
    // The group that fails wherever it stands, and the widest figure it makes.
    let (g, widest) = (0..groups.len()).find_map(|g| {
        let with: Vec<&(usize, usize, String)> =
            figures.iter().filter(|f| f.0 <= g && g <= f.1).collect();
        if with.is_empty() || with.iter().any(|f| meets_any(&f.2)) {
            return None;
        }
        let widest = with.iter().max_by_key(|f| (f.1 - f.0, usize::MAX - f.0))?;
        Some((g, widest.2.clone()))
    })?;
    // Trusted: the relation holds in another column, another relation of the statement
    // (through no ambiguous row) holds in the column reported.
    let support = |j: usize| {
        (0..st.steps.len()).any(|k| {
            let s = &st.steps[k];
            k != i
                && s.parts.len() >= 2
                && !std::iter::once(s.target)
                    .chain(s.parts.iter().map(|p| p.0))
                    .any(|x| ambiguous.contains(&x))
                && all[k][j].is_some_and(|x| x.holds)
        })
    };
    if !all[i].iter().flatten().any(|x| x.holds) {
        return None;
    }
    // Reported where a listed reading puts the widest figure (the leftmost such column),
    // else where the cells as read hold the group.
    let texts = view
        .table
        .ambiguities
        .iter()
        .find(|a| a.row == r)
        .map(|a| a.readings.clone())
        .unwrap_or_default();
    let listed = (0..cols.len()).find(|&j| {
        texts
            .iter()
            .any(|t| t.get(cols[j]).is_some_and(|x| x.trim() == widest))
    });
    let held = || {
        let mut seen = 0;
        (0..cols.len()).find(|&j| {
            let n = row
                .cells
                .get(cols[j])
                .map_or(0, |c| c.raw.split_whitespace().count());
            seen += n;
            seen > g
        })
    };
    let j = listed.or_else(held)?;
    if !support(j) || all[i][j].is_none() {
        return None;
    }
    let cell = crate::table::parse_cell(&widest, view.vocab);
    let found = Interval::written(cell.value?, cell.decimals);
    let fmt = |d: rust_decimal::Decimal| {
        crate::grammar::number::format_decimal(
            d.normalize(),
            crate::grammar::number::Style::default(),
        )
    };
    let values = cols
        .iter()
        .zip(&expected)
        .map(|(&c, e)| {
            let h = view.column_name(c);
            let name = if h.is_empty() {
                format!("column {}", c + 1)
            } else {
                format!("\"{h}\"")
            };
            format!("{} in {name}", fmt(e.nominal))
        })
        .collect::<Vec<_>>()
        .join(", ");
    Some(RowWise {
        col: cols[j],
        comparison: compare(expected[j], found),
        why: format!(
            "it fails whichever way the row \"{}\" is read, whose digit groups make figures more than one way (TAB001): no figure the group \"{}\" makes, alone or with its neighbours (at most \"{widest}\"), is the value its parts give in any column ({values}), so the figure holding it fails wherever it stands; the same relation holds in another column, and another relation of the statement holds in this column",
            label_of(view, r),
            groups[g]
        ),
    })
}

/// Costs written as positive amounts are subtracted (the flipped convention), and a cost
/// written with a minus is added as written: a budget column may write its costs without
/// the minus its outcome columns print. A positive cost in a column whose other costs carry
/// a minus, on a row written with a minus in at least two other columns where the same
/// line holds, breaks both the row's and the column's own way of writing ("Verksamhets-
/// kostnader −61,1 −60,7 −61,4 −62,1 61,5" above "Avskrivningar … −3,0"): it is read as
/// written, added, and the line's comparison in that column is the one it then gives, so
/// a failure names the sign as the likely misprint.
fn against_the_columns_signs(
    view: &TableView,
    st: &Statement,
    cols: &[usize],
    all: &mut [Vec<Option<Comparison>>],
) -> Vec<(usize, usize, usize)> {
    let mut breaks = Vec::new();
    // The statement's costs, and the table's other rows whose label says they are costs
    // ("Avskrivningar" under the result lines).
    let costs: BTreeSet<usize> = st
        .steps
        .iter()
        .filter(|s| s.kind == Kind::Income)
        .flat_map(|s| s.parts.iter().filter(|p| p.1).map(|p| p.0))
        .chain((0..view.rows()).filter(|&r| is_cost(view.vocab, &view.label(r))))
        .collect();
    let negative = |r: usize, c: usize| {
        view.figure(r, c)
            .is_some_and(|v| v.nominal.is_sign_negative() && !v.nominal.is_zero())
    };
    let positive = |r: usize, c: usize| {
        view.figure(r, c)
            .is_some_and(|v| v.nominal.is_sign_positive() && !v.nominal.is_zero())
    };
    for (i, step) in st.steps.iter().enumerate() {
        if step.kind != Kind::Income {
            continue;
        }
        for (j, &c) in cols.iter().enumerate() {
            if !all[i][j].is_some_and(|x| x.holds) {
                continue;
            }
            for &(r, _) in step.parts.iter().filter(|p| p.1) {
                let signed_elsewhere = (0..cols.len())
                    .filter(|&k| {
                        k != j && negative(r, cols[k]) && all[i][k].is_some_and(|x| x.holds)
                    })
                    .count();
                let column_signs = costs.iter().any(|&o| o != r && negative(o, c));
                if !positive(r, c) || signed_elsewhere < 2 || !column_signs {
                    continue;
                }
                let Some(found) = view.figure(step.target, c) else {
                    continue;
                };
                let as_written = step
                    .parts
                    .iter()
                    .map(|&(p, neg)| {
                        let v = view.part(p, c)?;
                        Some(if p == r { v } else { deducted(v, neg) })
                    })
                    .collect::<Option<Vec<_>>>()
                    .map(|parts| signed(Interval::sum(parts), step.target_negated));
                if let Some(expected) = as_written {
                    let cmp = compare(expected, found);
                    if !cmp.holds {
                        breaks.push((step.target, c, r));
                    }
                    all[i][j] = Some(cmp);
                }
            }
        }
    }
    breaks
}

/// A result after financial items ("Resultat efter finansiella poster", "Vuosikate")
/// stepped from a result before them ("Verksamhetens resultat", "Toimintakate") with no
/// financial line among the rows between: a summary that leaves the financial items out
/// (Leppävirta's tuloslaskelma: Toimintakate, Verotulot, Valtionosuudet, Vuosikate). The
/// line before the step, when it is.
fn skips_financial_items(view: &TableView, step: &Step) -> Option<usize> {
    const FINANCIAL: &[&str] = &[
        "finans",
        "ränt",
        "rahoitus",
        "korko",
        "rente",
        "financ",
        "utdelning",
        "osinko",
    ];
    if step.kind != Kind::Income
        || role(view.vocab, &view.label(step.target)) != Some("rr_financial_result")
    {
        return None;
    }
    let &(prev, _) = step.parts.first()?;
    let before = role(view.vocab, &view.label(prev));
    if !matches!(before, Some("rr_operating_result" | "rr_net_cost")) {
        return None;
    }
    let financial = step.parts.iter().skip(1).any(|&(r, _)| {
        let l = view.label(r).to_lowercase();
        FINANCIAL.iter().any(|w| l.contains(w))
    });
    (!financial).then_some(prev)
}

/// The steps of `kind` as relations of `rule`.
pub fn relations(
    view: &TableView,
    st: &Statement,
    kind: Kind,
    rule: &'static Rule,
    out: &mut Vec<Relation>,
) {
    for step in st.steps.iter().filter(|s| s.kind == kind) {
        for c in &step.columns {
            let inputs = step
                .parts
                .iter()
                .map(|&(row, _)| CellRef { row, col: c.col })
                .collect();
            let header = view.column_name(c.col);
            let column = if header.is_empty() {
                format!("column {}", c.col + 1)
            } else {
                format!("column \"{header}\"")
            };
            // A decided failure one figure's sign explains names it.
            let holding: Vec<usize> = step
                .columns
                .iter()
                .filter(|x| x.col != c.col && x.comparison.holds)
                .map(|x| x.col)
                .collect();
            let sign = (!c.comparison.holds
                && c.undecided.is_none()
                && !step.target_negated
                && !c.row_wise)
                .then(|| {
                    crate::check::rules::sum::sign::misprinted_sign(
                        view,
                        step.target,
                        &step.parts,
                        c.col,
                        &holding,
                    )
                })
                .flatten()
                .map(|m| format!("; {}", m.why(view)))
                .or_else(|| {
                    if c.row_wise {
                        return None;
                    }
                    let (_, _, r) = st
                        .sign_breaks
                        .iter()
                        .find(|&&(t, col, _)| t == step.target && col == c.col && !c.comparison.holds)?;
                    let printed = view.figure(*r, c.col)?.nominal;
                    Some(format!(
                        "; expected {} on \"{}\" (printed {}): the row is negative in the other columns where the relation holds, and the column's other costs carry a minus, so the sign is the likely misprint",
                        (-printed).normalize(),
                        label_of(view, *r),
                        printed.normalize()
                    ))
                })
                .unwrap_or_default();
            let message = format!(
                "\"{}\" is not {} in {column}{sign}; {}",
                label_of(view, step.target),
                step.what,
                c.trusted
            );
            let mut rel = Relation::new(
                rule,
                CellRef {
                    row: step.target,
                    col: c.col,
                },
                inputs,
                c.comparison,
                message,
            );
            if let Some(why) = &c.undecided {
                rel.severity = Severity::Info;
                rel.message = format!("{why} ({})", rel.message);
            }
            out.push(rel);
        }
    }
}

/// Every relation of the statement, each under its rule.
pub fn all_relations(view: &TableView, st: &Statement, out: &mut Vec<Relation>) {
    use crate::check::rules::{bal, rel};
    relations(view, st, Kind::Income, &rel::rel004::RULE, out);
    relations(view, st, Kind::Balance, &rel::rel005::RULE, out);
    relations(view, st, Kind::CashSections, &rel::rel006::RULE, out);
    relations(view, st, Kind::Cash, &bal::bal002::RULE, out);
    bal::bal002::carried(view, st, out);
}

/// Consecutive tables of one page joined into one: a statement the reader split at its
/// group headings ("Avsättningar", "INVESTERINGSVERKSAMHETEN"). Each later table's title
/// comes back as a heading row.
pub struct Group {
    pub tables: Vec<usize>,
    pub table: Table,
    /// Per row of the joined table: (table index, row index) it came from.
    pub rows: Vec<(usize, usize)>,
}

impl Group {
    pub fn first(&self) -> usize {
        self.tables[0]
    }
}

fn width(t: &Table) -> usize {
    t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0)
}

fn last_line(t: &Table) -> u32 {
    t.rows
        .last()
        .map_or(t.provenance.line, |r| r.provenance.line)
}

/// Runs of two or more adjacent tables (same page, same width, each starting within a
/// few lines of the previous one's last row, the later ones without column headers of
/// their own).
pub fn groups(tables: &[Table], vocab: &Vocabulary) -> Vec<Group> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tables.len() {
        let mut j = i + 1;
        while j < tables.len()
            && tables[j].provenance.page == tables[j - 1].provenance.page
            && width(&tables[j]) == width(&tables[i])
            && tables[j].provenance.line <= last_line(&tables[j - 1]) + 4
            && tables[j].provenance.line >= last_line(&tables[j - 1])
            // A table with column headers of its own starts anew (a BR after an RR).
            && tables[j].columns.iter().all(|c| c.trim().is_empty())
        {
            j += 1;
        }
        if j - i >= 2 {
            out.push(join(tables, i, j, vocab));
        }
        i = j;
    }
    out
}

fn join(tables: &[Table], from: usize, to: usize, vocab: &Vocabulary) -> Group {
    let first = &tables[from];
    let mut table = first.clone();
    table.rows.clear();
    table.ambiguities.clear();
    table.fixed.clear();
    table.realigned.clear();
    if table.columns.iter().all(|c| c.trim().is_empty()) {
        if let Some(t) = tables[from..to]
            .iter()
            .find(|t| t.columns.iter().any(|c| !c.trim().is_empty()))
        {
            table.columns = t.columns.clone();
        }
    }
    let mut rows = Vec::new();
    for (k, t) in tables.iter().enumerate().take(to).skip(from) {
        if k > from {
            if let Some(title) = t.title.as_deref().filter(|s| !s.trim().is_empty()) {
                table.rows.push(Row {
                    label: title.to_string(),
                    kind: RowKind::Heading,
                    cells: vec![parse_cell("", vocab); width(t)],
                    bold: false,
                    provenance: t.provenance.clone(),
                });
                rows.push((k, usize::MAX));
            }
        }
        let offset = table.rows.len();
        for a in &t.ambiguities {
            let mut a = a.clone();
            a.row += offset;
            table.ambiguities.push(a);
        }
        for f in &t.fixed {
            let mut f = f.clone();
            f.row += offset;
            f.by.iter_mut().for_each(|b| *b += offset);
            table.fixed.push(f);
        }
        for (r, row) in t.rows.iter().enumerate() {
            table.rows.push(row.clone());
            rows.push((k, r));
        }
    }
    Group {
        tables: (from..to).collect(),
        table,
        rows,
    }
}

/// Whether every row of the step has a figure in every column checked: no cell is blank,
/// so no figure can have been shifted into another column, and a relation holding in two
/// other columns (no other relation of the statement failing in this one) then shows the
/// columns were read as written.
fn rows_complete(view: &TableView, step: &Step, cols: &[usize]) -> bool {
    std::iter::once(step.target)
        .chain(step.parts.iter().map(|p| p.0))
        .all(|r| cols.iter().all(|&c| view.figure(r, c).is_some()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::TableCx;

    /// Per step and column: target row, kind, holds, why not decided.
    type Seen = (usize, Kind, bool, Option<String>);

    fn statement_of(text: &str) -> (Table, Vec<Seen>) {
        let table = crate::table::extract_text(text, Vocabulary::builtin_shared())
            .into_iter()
            .next()
            .expect("a table");
        let cx = TableCx::new(0, &table, Vocabulary::builtin_shared());
        let out = cx
            .statement()
            .steps
            .iter()
            .flat_map(|s| {
                s.columns
                    .iter()
                    .map(|c| (s.target, s.kind, c.comparison.holds, c.undecided.clone()))
                    .collect::<Vec<_>>()
            })
            .collect();
        (table, out)
    }

    #[test]
    fn verksamhetens_nettoresultat_is_the_net_cost_line() {
        // A region's resultatbudget names the net cost line "Verksamhetens
        // nettoresultat": the result lines below it are read from it, so a misprinted
        // Resultat efter finansiella poster is decided where the lines above it hold.
        let text = "Resultatbudget\tBudget 2023
Verksamhetens intäkter\t1 079,5
Verksamhetens kostnader\t-7 141,0
Avskrivningar\t-258,8
Verksamhetens nettoresultat\t-6 320,2
Skatteintäkter\t4 543,7
Statsbidrag\t1 799,8
Verksamhetens resultat\t23,3
Finansiella intäkter\t40,0
Finansiella kostnader\t-276,2
Resultat efter finansiella poster\t-236,2
";
        let (table, steps) = statement_of(text);
        let row = |label: &str| {
            table
                .rows
                .iter()
                .position(|r| r.label == label)
                .expect("the row")
        };
        let at = |r: usize| steps.iter().find(|s| s.0 == r).cloned();
        let net = at(row("Verksamhetens nettoresultat")).expect("a step");
        assert!(net.2, "{steps:?}");
        let operating = at(row("Verksamhetens resultat")).expect("a step");
        assert!(operating.2, "{steps:?}");
        let financial = at(row("Resultat efter finansiella poster")).expect("a step");
        assert!(!financial.2 && financial.3.is_none(), "{steps:?}");
    }

    #[test]
    fn a_net_standing_for_financial_items_not_all_listed_is_read_so_when_it_holds() {
        // "Finansnetto" under "Räntekostnader" (ränteintäkter not listed): Resultat efter
        // finansiella poster is Rörelseresultat plus Finansnetto in every column, and
        // plus both rows in none.
        let text = "Femårsöversikt\t2022\t2021\t2020
Nettoomsättning, mnkr\t1 251,1\t1 270,3\t1 122,6
Rörelseresultat, mnkr\t168,3\t156,5\t209,7
Räntekostnader, mnkr\t-40,3\t-28,6\t-76,4
Finansnetto, mnkr\t-39,6\t-28,0\t-75,5
Resultat efter finansiella poster\t128,7\t128,5\t134,2
";
        let (table, steps) = statement_of(text);
        let target = table
            .rows
            .iter()
            .position(|r| r.label == "Resultat efter finansiella poster")
            .expect("the row");
        let on: Vec<_> = steps.iter().filter(|s| s.0 == target).collect();
        assert_eq!(on.len(), 3, "{steps:?}");
        assert!(on.iter().all(|s| s.2), "{steps:?}");
        // One column misprinted: the net's reading no longer holds everywhere, so the
        // rows are read as written, fail in every column, and nothing is decided.
        let (_, steps) = statement_of(&text.replace("128,5", "182,5"));
        let on: Vec<_> = steps.iter().filter(|s| s.0 == target).collect();
        assert_eq!(on.len(), 3, "{steps:?}");
        assert!(on.iter().all(|s| !s.2 && s.3.is_some()), "{steps:?}");
    }

    #[test]
    fn a_kommuns_net_rows_are_rows_of_their_own() {
        // "Finansnetto" after "Skattenetto", no heading above it: a row of the statement,
        // not a subtotal standing for the rows before it.
        let text = "Resultaträkning, mnkr\tUtfall 2009\tUtfall 2010
Externa intäkter\t239,2\t248,6
Verksamhetens kostnader\t-1 344,7\t-1 422,7
Verksamhetens nettokostnader\t-1 105,5\t-1 174,1
Avskrivningar\t-47,7\t-51,3
Verksamhetens nettokostnader efter avskrivningar\t-1 153,2\t-1 225,4
Skattenetto\t1 180,7\t1 296,9
Finansnetto\t-5,9\t-0,7
Resultat före extraordinära poster\t21,6\t70,8
";
        let (_, steps) = statement_of(text);
        assert_eq!(steps.len(), 6, "{steps:?}");
        assert!(steps.iter().all(|s| s.2), "{steps:?}");
    }

    const POSITIVE_COSTS: &str = "Resultaträkning, tkr\tBudget 2024\tUtfall 2024
Verksamhetens intäkter\t52 000\t53 100
Verksamhetens kostnader\t410 500\t408 900
Avskrivningar\t12 000\t11 800
Verksamhetens nettokostnader\t370 500\t367 600
Skatteintäkter\t300 000\t301 200
Generella statsbidrag och utjämning\t75 000\t75 400
Verksamhetens resultat\t4 500\t9 000
Finansiella intäkter\t1 000\t1 200
Finansiella kostnader\t2 000\t1 900
Resultat efter finansiella poster\t3 500\tRFP
";

    #[test]
    fn costs_written_without_a_minus_are_subtracted() {
        let (_, steps) = statement_of(POSITIVE_COSTS.replace("RFP", "8 300").as_str());
        assert_eq!(steps.len(), 6, "{steps:?}");
        assert!(steps.iter().all(|s| s.2), "{steps:?}");
        // A wrong figure under that convention is decided: the same step holds in the
        // Budget column and the other steps hold in this one.
        let (_, steps) = statement_of(POSITIVE_COSTS.replace("RFP", "8 030").as_str());
        let failing: Vec<_> = steps.iter().filter(|s| !s.2).collect();
        assert_eq!(failing.len(), 1, "{steps:?}");
        assert_eq!(failing[0].3, None, "{steps:?}");
    }

    /// A cost written positive in one column, where its row carries a minus in every
    /// other column and the column's other costs carry one too, is read as written: the
    /// line fails there (its sign the likely misprint), where subtracting it would have
    /// hidden the defect.
    #[test]
    fn a_cost_without_the_minus_of_its_row_and_column_is_read_as_written() {
        let text = "Resultaträkning\t2014\t2015\t2016\t2017
Verksamhetsintäkter\t9,0\t9,3\t9,7\t9,3
Verksamhetskostnader\t-60,7\t-61,4\t-62,1\tKOST
Verksamhetsbidrag\t-51,8\t-52,1\t-52,4\t-52,1
Skatteinkomster\t29,9\t30,9\t30,9\t31,8
Statsandelar\t24,1\t23,5\t27,8\t28,3
Årsbidrag\t2,2\t2,3\t6,3\t8,0
Avskrivningar\t-2,7\t-2,6\t-2,7\t-3,0
Resultat\t-0,5\t-0,3\t3,6\t5,0
";
        let failing = |kost: &str| -> Vec<(String, usize, bool, Severity)> {
            relations_of(&text.replace("KOST", kost))
                .into_iter()
                .filter(|r| r.0 == "REL004" && !r.2)
                .collect()
        };
        assert!(failing("-61,5").is_empty(), "{:?}", failing("-61,5"));
        let f = failing("61,5");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].1, f[0].3), (2, Severity::Error), "{f:?}");
    }

    #[test]
    fn a_note_column_never_takes_part() {
        let text = "Resultaträkning (mnkr)\tNot\t2023\t2022
Verksamhetens intäkter\t1\t1 268\t1 136
Verksamhetens kostnader\t2\t-5 455\t-5 200
Verksamhetens nettokostnader\t\t-4 187\t-4 064
Skatteintäkter\t4\t3 998\t3 950
Verksamhetens resultat\t\t-189\t-114
";
        let (table, steps) = statement_of(text);
        let note = (0..table.columns.len())
            .find(|&c| table.columns[c].trim() == "Not")
            .expect("a Not column");
        let cx = TableCx::new(0, &table, Vocabulary::builtin_shared());
        assert!(cx
            .statement()
            .steps
            .iter()
            .all(|s| s.columns.iter().all(|c| c.col != note)));
        assert!(steps.iter().all(|s| s.2), "{steps:?}");
    }

    #[test]
    fn a_lone_column_failing_everywhere_is_not_decided() {
        // Nothing holds: the reading (or the sign convention) is not certain.
        let text = "Resultaträkning\t2023\t2022
Verksamhetens intäkter\t100\t90
Verksamhetens kostnader\t-300\t-280
Verksamhetens nettokostnader\t-150\t-150
Skatteintäkter\t200\t200
Verksamhetens resultat\t10\t10
";
        let (_, steps) = statement_of(text);
        assert!(!steps.is_empty());
        assert!(steps.iter().all(|s| !s.2 && s.3.is_some()), "{steps:?}");
    }

    /// Every relation of the table's rules: (rule code, target row, holds, severity).
    fn relations_of(text: &str) -> Vec<(String, usize, bool, Severity)> {
        let table = crate::table::extract_text(text, Vocabulary::builtin_shared())
            .into_iter()
            .next()
            .expect("a table");
        crate::check::relations_for_table(&table, Vocabulary::builtin_shared())
            .into_iter()
            .map(|r| {
                (
                    format!("{:?}", r.rule.code),
                    r.target.row,
                    r.comparison.holds,
                    r.severity,
                )
            })
            .collect()
    }

    /// Simon kunta's key figures: "Käyttökate" in Tp 2015 written "-731 450" with one
    /// space both thousands separator and column gap. Read as -731 | 450, as
    /// | -731 450 or as -731 450 |, the figure holding "450" is no column's value.
    const SIMO: &str = "   Tp 2012  Tp 2013  Tp 2014  Tp 2015  Ta 2016
 Toimintatuotot     1 790 120     1 859 173     2 092 888     2 150 428    1 892 100
 Toimintakulut  -20 445 725  -21 649 591  -22 323 486  -22 107 534 -22 304 440
 Toimintakate  -18 655 605  -19 790 418  -20 230 598  -19 957 106 -20 412 340
 Verotulot    10 536 987   11 006 585   11 106 253   11 837 280   11 750 000
 Valtionosuudet     9 101 479     9 110 782     9 142 407     8 782 144    9 000 000
 Käyttökate        982 861        362 949         18 062       -731 450      
";

    #[test]
    fn a_row_failing_under_every_reading_is_decided_row_wise() {
        let rels = relations_of(SIMO);
        let row = 5;
        assert!(
            rels.iter()
                .any(|r| r.0 == "REL004" && r.1 == row && !r.2 && r.3 == Severity::Error),
            "{rels:?}"
        );
        // Once in the row: the other column stays not decided.
        assert_eq!(
            rels.iter()
                .filter(|r| r.0 == "REL004" && r.1 == row && r.3 == Severity::Error)
                .count(),
            1,
            "{rels:?}"
        );
    }

    #[test]
    fn a_row_whose_groups_may_make_a_columns_value_is_not_decided() {
        // Ta 2016's parts give -731 450: read as | -731 450 the row holds there (and is
        // blank in Tp 2015), so no group fails wherever it stands.
        let text = SIMO.replace("9 000 000", "7 930 890");
        let table = crate::table::extract_text(&text, Vocabulary::builtin_shared())
            .into_iter()
            .next()
            .expect("a table");
        let rels = crate::check::relations_for_table(&table, Vocabulary::builtin_shared());
        assert!(
            !rels
                .iter()
                .any(|r| r.message.contains("it fails whichever way")),
            "{:?}",
            rels.iter().map(|r| &r.message).collect::<Vec<_>>()
        );
    }

    #[test]
    fn digit_groups_make_figures_a_minus_only_first() {
        // A leading zero group ("062") begins no figure.
        let figures: Vec<String> = group_figures(&["18", "062", "-731", "450"])
            .unwrap()
            .into_iter()
            .map(|f| f.2)
            .collect();
        assert_eq!(figures, ["18", "18 062", "-731", "-731 450", "450"]);
        assert!(group_figures(&["12,5", "300"]).is_none());
    }

    /// A fíggjarætlan's main figures (Faroese), costs without a minus: RLÚ misprinted,
    /// the next line holding with the value RLÚ's parts give.
    #[test]
    fn a_single_column_line_two_sums_agree_against_is_decided() {
        let text = "Inntøkur | 118.216.000 kr. |
Rakstrarútreiðslur | 93.551.000 kr. |
Løgur | 57.085.000 kr. |
Rentuútreiðslur | 1.045.000 kr. |
Útreiðslur til rentustuðul | 1.300.000 kr. |
RLÚ | -37.765.000 kr. |
Avdráttir | 4.360.000 kr. |
Úrslit eftir rentir og avdráttir | -39.125.000 kr. |
";
        let rels = relations_of(text);
        assert!(
            rels.iter()
                .any(|r| r.0 == "REL004" && r.1 == 5 && !r.2 && r.3 == Severity::Error),
            "{rels:?}"
        );
        // The line after, failing only through the misprint, is not decided.
        assert!(
            !rels.iter().any(|r| r.1 == 7 && r.3 == Severity::Error),
            "{rels:?}"
        );
        // The next line agreeing with neither: nothing is decided.
        let rels = relations_of(&text.replace("-39.125.000", "-39.725.000"));
        assert!(!rels.iter().any(|r| r.3 == Severity::Error), "{rels:?}");
    }

    const KEY_FIGURES: &str = "Nyckeltal\t2022\t2023
Verksamhetens intäkter mnkr\t120\t130
Verksamhetens kostnader mnkr\t-115\t-121
Årets resultat mnkr\t2\t3
Soliditet %\t45\t47
Antal anställda\t1 200\t1 250
Investeringar mnkr\t30\t35
Årets resultat enligt balanskravet mnkr\t3\t6
";

    #[test]
    fn a_key_figure_list_states_no_relation_over_rows_of_other_measures() {
        // "Årets resultat enligt balanskravet mnkr" over "Soliditet %" and "Antal
        // anställda": not a relation the record states, so not checked at all.
        let rels = relations_of(KEY_FIGURES);
        assert!(rels.iter().all(|r| r.1 != 6), "{rels:?}");
        // "Årets resultat mnkr" over two mnkr rows is an RR's line failing everywhere:
        // still checked, and not decided.
        let first: Vec<_> = rels.iter().filter(|r| r.1 == 2).collect();
        assert_eq!(first.len(), 2, "{rels:?}");
        assert!(
            first.iter().all(|r| !r.2 && r.3 == Severity::Info),
            "{rels:?}"
        );
        // Rows of other measures that do add up are read as written.
        let holding = KEY_FIGURES.replace("\t3\t6", "\t1 277\t1 335");
        let rels = relations_of(&holding);
        assert!(rels.iter().any(|r| r.1 == 6 && r.2), "{rels:?}");
    }

    #[test]
    fn a_total_over_parts_of_different_precisions_failing_everywhere_is_no_total() {
        let text = "Skattesats, kr\t2022\t2023
Kommunen\t20,50\t20,60
Regionen\t11,55\t11,55
Begravningsavgift\t0,065\t0,065
Total skattesats, kr\t32,20\t32,28
";
        assert!(relations_of(text).is_empty(), "{:?}", relations_of(text));
        // The same rows written to one precision: a total that fails everywhere is
        // checked and not decided.
        let same = text.replace("0,065", "0,07");
        let rels = relations_of(&same);
        assert_eq!(rels.len(), 2, "{rels:?}");
        assert!(
            rels.iter().all(|r| !r.2 && r.3 == Severity::Info),
            "{rels:?}"
        );
    }

    const SIDES: &str = "Balansräkning, mnkr\t2015\t2016
Immateriella anläggningstillgångar\t712\t795
Materiella anläggningstillgångar\t414 332\t443 767
Omsättningstillgångar\t210 917\t224 091
TILLGÅNGAR\t625 961\t668 653
Eget kapital\t400 379\t421 962
Avsättningar\t49 865\t52 808
Kortfristiga skulder\t175 717\tCLAIMS
SKULDER, AVSÄTTNINGAR OCH EGET KAPITAL\t625 961\t668 653
";

    #[test]
    fn a_balance_sheets_totals_are_known_by_their_place() {
        let (_, steps) = statement_of(&SIDES.replace("CLAIMS", "193 883"));
        // Assets side, claims side, assets = claims; in both columns.
        assert_eq!(steps.len(), 6, "{steps:?}");
        assert!(
            steps.iter().all(|s| s.1 == Kind::Balance && s.2),
            "{steps:?}"
        );
        // One misprint in one column is decided: the same relations hold elsewhere.
        let (_, steps) = statement_of(&SIDES.replace("CLAIMS", "193 983"));
        let failing: Vec<_> = steps.iter().filter(|s| !s.2).collect();
        assert_eq!(failing.len(), 1, "{steps:?}");
        assert_eq!(failing[0].3, None, "{steps:?}");
    }

    #[test]
    fn a_side_name_elsewhere_is_no_total() {
        // "Tillgångar" as a heading, or a claims name that does not end the table.
        let heading = SIDES
            .replace("CLAIMS", "193 883")
            .replace("TILLGÅNGAR\t625 961\t668 653\n", "")
            .replace(
                "Balansräkning, mnkr\t2015\t2016\n",
                "Balansräkning, mnkr\t2015\t2016\nTillgångar\n",
            );
        let (_, steps) = statement_of(&heading);
        assert!(steps.is_empty(), "{steps:?}");
        let not_last = format!("{}Övrigt\t1\t2\n", SIDES.replace("CLAIMS", "193 883"));
        let (_, steps) = statement_of(&not_last);
        assert!(steps.is_empty(), "{steps:?}");
    }

    const TWICE: &str = "Resultatbudget, mnkr\tBudget 2022\tPlan 2023
Verksamhetens externa nettokostnad\t-7 796\t-8 206
Avskrivningar\t-221\t-222
Verksamhetens externa nettokostnad\t-8 017\t-8 428
Skatteintäkter\t6 036\t6 133
Generella statsbidrag och utjämning\t2 196\t2 319
Verksamhetens resultat\t215\t24
Finansiella intäkter\t88\t87
Finansiella kostnader\t-81\t-52
Resultat efter finansiella poster\t222\t59
";

    #[test]
    fn a_label_used_twice_is_the_first_plus_the_rows_between() {
        let (_, steps) = statement_of(TWICE);
        // The repeat (rows 0 + 1), Verksamhetens resultat (2 + 3 + 4), the financial
        // result (5 + 6 + 7): three relations in two columns, all holding.
        assert_eq!(steps.len(), 6, "{steps:?}");
        assert!(steps.iter().all(|s| s.2), "{steps:?}");
        assert!(steps.iter().any(|s| s.0 == 2), "{steps:?}");
    }

    #[test]
    fn a_label_repeated_under_another_heading_is_another_groups_line() {
        let text = "Nyckeltal, mnkr\t2022\t2023
Kommunkoncernen
Årets förändring av eget kapital\t3 288\t3 155
Investeringar\t19 171\t20 104
Staden
Årets förändring av eget kapital\t3 176\t2 728
Årets resultat\t2 613\t1 006
";
        let (_, steps) = statement_of(text);
        assert!(steps.iter().all(|s| s.0 != 5), "{steps:?}");
    }

    const NESTED: &str = "Belopp i tkr\tNot\t2020\t2019\t2018
ANLÄGGNINGSTILLGÅNGAR\t\t384 554\t315 298\t295 970
Immateriella anläggningstillgångar\t\t2 158\t446\t461
Immateriella anläggningstillgångar\t8\t2 158\t446\t461
Materiella anläggningstillgångar\t\t372 416\t304 872\t283 229
Mark, byggnader och tekniska anläggningar\t9\t359 745\t294 144\t272 681
Maskiner och inventarier\t10\t12 671\t10 728\t10 548
Finansiella anläggningstillgångar\t\t9 980\t9 980\t12 280
Aktier och andelar\t11\t9 980\t8 880\t11 180
Långfristiga fordringar\t12\t0\t1 100\t1 100
Bidrag till statlig infrastruktur\t13\t5 040\t5 320\t5 600
OMSÄTTNINGSTILLGÅNGAR\t\t88 300\t85 745\t96 768
Förråd och exploateringstillgångar\t\t0\t0\t0
Fordringar\t14\t39 331\t34 153\t32 399
Kassa och bank\t15\t48 969\t51 592\t64 369
SUMMA TILLGÅNGAR\t\tASSETS\t406 363\t398 338
EGET KAPITAL\t\t211 913\t184 788\t172 745
AVSÄTTNINGAR\t\t14 153\t16 169\t14 916
Pensioner och liknande förpliktelser\t20\t7 094\t7 015\t6 258
Andra avsättningar\t21\t7 059\t9 154\t8 658
SKULDER\t\t251 828\t205 406\t210 677
Långfristiga skulder\t22\t151 284\t122 876\t126 098
Kortfristiga skulder\t23\t100 544\t82 530\t84 579
SUMMA EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER\t\t477 894\t406 363\t398 338
";

    #[test]
    fn nested_group_totals_above_their_rows_are_read_when_every_column_confirms_them() {
        let (table, steps) = statement_of(&NESTED.replace("ASSETS", "477 894"));
        let assets = table
            .rows
            .iter()
            .position(|r| r.label == "SUMMA TILLGÅNGAR")
            .expect("the assets total");
        // Assets side (ANLÄGGNINGSTILLGÅNGAR + Bidrag + OMSÄTTNINGSTILLGÅNGAR), claims side
        // (EGET KAPITAL + AVSÄTTNINGAR + SKULDER), assets = claims, and the six groups of
        // two rows or more (ANLÄGGNINGSTILLGÅNGAR, Materiella, Finansiella,
        // OMSÄTTNINGSTILLGÅNGAR, AVSÄTTNINGAR, SKULDER): in three columns.
        assert_eq!(steps.len(), 27, "{steps:?}");
        assert!(steps.iter().all(|s| s.2), "{steps:?}");
        assert!(steps.iter().any(|s| s.0 == assets), "{steps:?}");
        // The modified copy: one figure changed, found and decided.
        let (_, steps) = statement_of(&NESTED.replace("ASSETS", "477 984"));
        let failing: Vec<_> = steps.iter().filter(|s| !s.2).collect();
        assert_eq!(failing.len(), 2, "{steps:?}");
        assert!(failing.iter().all(|s| s.3.is_none()), "{steps:?}");
    }

    #[test]
    fn a_nesting_one_column_denies_is_not_read() {
        // "Materiella anläggningstillgångar" 2019 no longer its rows' sum: the group is not
        // confirmed in every column, so the side is not read through it.
        let text = NESTED
            .replace("ASSETS", "477 894")
            .replace("\t304 872\t", "\t304 873\t");
        let (table, steps) = statement_of(&text);
        let assets = table
            .rows
            .iter()
            .position(|r| r.label == "SUMMA TILLGÅNGAR")
            .expect("the assets total");
        assert!(
            steps.iter().all(|s| s.0 != assets || s.3.is_some() || s.2),
            "{steps:?}"
        );
    }

    /// An invented balansräkning whose claims side writes eget kapital as "vid årets
    /// början" + "Årets resultat" = "vid årets slut" (a total below its rows, no
    /// "Summa"), broken down by dash rows under it, then groups above their rows.
    const BELOW: &str = "Belopp i tkr\tNot\t2020\t2019\t2018
ANLÄGGNINGSTILLGÅNGAR\t\t200 000\t190 000\t180 000
Materiella anläggningstillgångar\t8\t180 000\t172 000\t163 000
Finansiella anläggningstillgångar\t9\t20 000\t18 000\t17 000
OMSÄTTNINGSTILLGÅNGAR\t\t90 000\t81 000\t74 000
Fordringar\t10\t50 000\t45 000\t40 000
Kassa och bank\t11\t40 000\t36 000\t34 000
SUMMA TILLGÅNGAR\t\t290 000\t271 000\t254 000
EGET KAPITAL, vid årets början\t16\t120 400\t110 250\t104 900
Årets resultat\t17\t9 350\t10 150\t5 350
EGET KAPITAL, vid årets slut\t18\t129 750\t120 400\t110 250
– resultatutjämningsreserv\t19\t8 000\t8 000\t7 000
– övrigt eget kapital\t\t121 750\t112 400\t103 250
AVSÄTTNINGAR\t\t9 300\t9 900\t10 100
Pensioner och liknande förpliktelser\t20\t5 100\t5 400\t5 600
Andra avsättningar\t21\t4 200\t4 500\t4 500
SKULDER\t\t150 950\t140 700\t133 650
Långfristiga skulder\t22\t90 000\t85 000\t80 000
Kortfristiga skulder\t23\t60 950\t55 700\t53 650
SUMMA EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER\t\tCLAIMS\t271 000\t254 000
";

    fn flat_text(tabbed: &str) -> String {
        tabbed
            .lines()
            .map(|l| {
                l.split('\t')
                    .filter(|c| !c.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_total_below_its_rows_is_read_when_every_column_confirms_it() {
        let (table, steps) = statement_of(&BELOW.replace("CLAIMS", "290 000"));
        let at = |label: &str| {
            table
                .rows
                .iter()
                .position(|r| r.label == label)
                .expect(label)
        };
        let end = at("EGET KAPITAL, vid årets slut");
        let claims = at("SUMMA EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER");
        assert!(steps.iter().all(|s| s.2), "{steps:?}");
        // "vid årets slut" is its two rows above (3 columns) and its dash rows (3), and
        // the claims side is read through it (3 more).
        assert_eq!(steps.iter().filter(|s| s.0 == end).count(), 6, "{steps:?}");
        assert_eq!(
            steps.iter().filter(|s| s.0 == claims).count(),
            6,
            "{steps:?}"
        );
        // Changed in one column, the claims total is found and decided.
        let (_, steps) = statement_of(&BELOW.replace("CLAIMS", "290 900"));
        let failing: Vec<_> = steps.iter().filter(|s| !s.2).collect();
        assert_eq!(failing.len(), 2, "{steps:?}");
        assert!(failing.iter().all(|s| s.3.is_none()), "{steps:?}");
    }

    #[test]
    fn a_total_below_its_rows_is_not_read_when_one_column_denies_it() {
        // "Årets resultat" 2019 changed: "vid årets slut" is no longer its rows' sum in
        // every column, so no total below is read and the claims side is not decided.
        let text = BELOW
            .replace("CLAIMS", "290 000")
            .replace("\t10 150\t", "\t10 510\t");
        let (table, steps) = statement_of(&text);
        let end = table
            .rows
            .iter()
            .position(|r| r.label == "EGET KAPITAL, vid årets slut")
            .expect("the row");
        assert!(
            steps.iter().all(|s| s.0 != end || s.2 || s.3.is_some()),
            "{steps:?}"
        );
        assert!(steps.iter().all(|s| s.2 || s.3.is_some()), "{steps:?}");
    }

    #[test]
    fn a_total_below_its_rows_chooses_the_reading_of_flat_rows() {
        let (table, steps) = statement_of(&flat_text(&BELOW.replace("CLAIMS", "290 900")));
        assert!(table.ambiguities.is_empty(), "{:?}", table.ambiguities);
        let claims = table
            .rows
            .iter()
            .position(|r| r.label == "SUMMA EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER")
            .expect("the claims total");
        let decided: Vec<_> = steps
            .iter()
            .filter(|s| s.0 == claims && !s.2 && s.3.is_none())
            .collect();
        assert_eq!(decided.len(), 2, "{steps:?}");
    }

    #[test]
    fn nested_groups_choose_the_reading_of_flat_rows() {
        // The same statement as flat text, one space both the thousands separator and the
        // column gap: the groups' arithmetic tells the readings apart, so the changed
        // figure is found and decided.
        let flat: String = NESTED
            .replace("ASSETS", "477 984")
            .lines()
            .map(|l| {
                l.split('\t')
                    .filter(|c| !c.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join("\n");
        let (table, steps) = statement_of(&flat);
        let assets = table
            .rows
            .iter()
            .position(|r| r.label == "SUMMA TILLGÅNGAR")
            .expect("the assets total");
        let decided: Vec<_> = steps
            .iter()
            .filter(|s| s.0 == assets && !s.2 && s.3.is_none())
            .collect();
        assert_eq!(decided.len(), 1, "{steps:?} {:?}", table.ambiguities);
    }
}
