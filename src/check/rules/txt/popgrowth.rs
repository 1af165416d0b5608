//! TXT010's second reading: a population's growth over a period told beside its components —
//! "Befolkningen ökade med 300 personer. Födelseöverskottet var 120 och flyttnettot 180." —
//! growth = the natural change (födelseöverskott, or births − deaths) + the net of moves
//! (flyttnetto, or moved in − moved out; immigrated − emigrated) + a correction when one is
//! printed.
//!
//! Statistics offices' growth holds corrections (SCB's justeringar, Tilastokeskus'
//! korjaustermi, late registrations) that pages rarely print, so a growth that misses its
//! components is "not decided" unless the correction is printed and counted.

use super::txt006::{Paragraph, Sent};
use super::txt010::{
    count_like, intervals_of, is_year, own_clause, role, tokens, years, Family, Role, Words, BACK,
    NEAR_LEFT, NEAR_RIGHT, RULE,
};
use crate::arith::{compare, Interval};
use crate::check::Sink;

/// How many sentences after the growth its components may stand in.
const FORWARD: usize = 6;

/// A figure worded as the population's growth over a period: `Some(Some(sign))` when it is
/// this period's growth (+1 growth, −1 decline), `Some(None)` when it is worded so but is a
/// part's, another period's or a comparison (it makes a window ambiguous), `None` otherwise.
fn growth(w: &Words, s: &Sent, k: usize) -> Option<Option<i8>> {
    let f = &s.figs[k];
    if !count_like(&s.text, f) || is_year(&s.text, f) {
        return None;
    }
    // A figure read as one of the components is no growth.
    if matches!(
        role(w, s, k),
        Some(Role::Plus(_) | Role::Minus(_) | Role::Net(..))
    ) {
        return None;
    }
    let (left, right, _) = own_clause(s, k);
    let near_left = &left[left.len().saturating_sub(NEAR_LEFT)..];
    let near_right = &right[..right.len().min(NEAR_RIGHT)];
    let sign_of = |up: &str, down: &str, toks: &[String]| -> Option<i8> {
        match (w.has(up, toks), w.has(down, toks)) {
            (true, false) => Some(1),
            (false, true) => Some(-1),
            _ => None,
        }
    };
    // "Befolkningen ökade med 300", "Landsmönnum fjölgaði um 1.550", "Väkiluku kasvoi 1350
    // ihmisellä": a verb of the population's change, its subject in the clause; or
    // "folkökningen var 300", "en befolkningstilvækst på 369 borgere".
    let by = w.ends("by", near_left) || w.starts("people_by", near_right).is_some();
    let last4 = &left[left.len().saturating_sub(4)..];
    let sign = if by && w.has("population", &left) {
        sign_of("grow_up", "grow_down", near_left)
    } else {
        None
    }
    .or_else(|| sign_of("growth_up", "growth_down", last4))?;
    // A part of the population (an age, a sex, the foreign-born), a change over several
    // years ("sedan 2012"), another period's ("året innan") or a comparison ("600 fler än i
    // fjol") is not the period's growth.
    let excluded = w.has("subgroup", &left)
        || w.has("subgroup", near_right)
        || w.has("since", &tokens(&s.text))
        || w.has("previous", &left)
        || w.has("previous", &right)
        || w.has("comparison", near_left)
        || near_right
            .first()
            .is_some_and(|t| w.has("comparison", std::slice::from_ref(t)));
    Some(if excluded { None } else { Some(sign) })
}

/// One growth read with its components: each term a figure and the sign it enters with.
struct Read {
    growth: (usize, usize),
    sign: i8,
    terms: Vec<((usize, usize), i8)>,
    /// Whether a printed correction is one of the terms.
    corrected: bool,
    from: usize,
    to: usize,
}

/// The components found in a window of sentences.
#[derive(Default)]
struct Found {
    net: [Vec<((usize, usize), i8)>; 3],
    plus: [Vec<(usize, usize)>; 3],
    minus: [Vec<(usize, usize)>; 3],
    corrections: Vec<(usize, usize)>,
    growths: usize,
    /// Nets of moves with one place only ("flyttningsöverskottet i förhållande till
    /// Finland"): a part of the net, so which figure is the whole net is not certain.
    partial_nets: usize,
}

fn family_index(f: Family) -> usize {
    match f {
        Family::Natural => 0,
        Family::Moves => 1,
        Family::Migration => 2,
    }
}

impl Found {
    /// Whether some kind of figure stands more than once: which one is meant is not certain.
    fn ambiguous(&self) -> bool {
        self.growths > 0
            || self.partial_nets > 0
            || self.corrections.len() > 1
            || (0..3)
                .any(|i| self.net[i].len() > 1 || self.plus[i].len() > 1 || self.minus[i].len() > 1)
    }

    /// A family's change: its net, or its two terms; `Err` when only one term stands.
    #[allow(clippy::type_complexity)]
    fn family(&self, i: usize) -> Result<Option<Vec<((usize, usize), i8)>>, ()> {
        if let Some(&n) = self.net[i].first() {
            return Ok(Some(vec![n]));
        }
        match (self.plus[i].first(), self.minus[i].first()) {
            (Some(&p), Some(&m)) => Ok(Some(vec![(p, 1), (m, -1)])),
            (None, None) => Ok(None),
            _ => Err(()),
        }
    }
}

/// Whether a figure is a correction term ("justeringar 16", "korjaustermi -3").
fn correction(w: &Words, s: &Sent, k: usize) -> bool {
    if !count_like(&s.text, &s.figs[k]) {
        return false;
    }
    let (left, right, _) = own_clause(s, k);
    let near_left = &left[left.len().saturating_sub(3)..];
    let near_right = &right[..right.len().min(2)];
    w.has("correction", near_left) || w.has("correction", near_right)
}

/// Whether a net of moves is told against one place only ("i förhållande till Finland",
/// "gentemot Sverige", "suhteessa Ruotsiin"): grammars/population.vocab `partial_net`.
fn partial_net(w: &Words, s: &Sent, k: usize) -> bool {
    let (left, right, _) = own_clause(s, k);
    w.has("partial_net", &left) || w.has("partial_net", &right[..right.len().min(4)])
}

/// The components of the sentences `a..=b` but the growth at `g`.
fn collect(
    w: &Words,
    sents: &[Sent],
    roles: &[Vec<Option<Role>>],
    growths: &[Vec<Option<Option<i8>>>],
    corrections: &[Vec<bool>],
    (a, b): (usize, usize),
    g: (usize, usize),
) -> Found {
    let mut found = Found::default();
    for j in a..=b {
        for m in 0..sents[j].figs.len() {
            if (j, m) == g {
                continue;
            }
            if growths[j][m].is_some() {
                found.growths += 1;
            }
            if corrections[j][m] {
                found.corrections.push((j, m));
                continue;
            }
            match roles[j][m] {
                Some(Role::Net(f, _)) if f != Family::Natural && partial_net(w, &sents[j], m) => {
                    found.partial_nets += 1;
                }
                Some(Role::Net(f, s)) => found.net[family_index(f)].push(((j, m), s)),
                Some(Role::Plus(f)) => found.plus[family_index(f)].push((j, m)),
                Some(Role::Minus(f)) => found.minus[family_index(f)].push((j, m)),
                _ => {}
            }
        }
    }
    found
}

/// The read extended over the sentences after it while every family stays whole and
/// unambiguous and no other year is named.
fn widen(
    w: &Words,
    sents: &[Sent],
    roles: &[Vec<Option<Role>>],
    growths: &[Vec<Option<Option<i8>>>],
    corrections: &[Vec<bool>],
    read: Read,
    last: usize,
) -> Read {
    let mut best = read;
    let years_of = |a: usize, b: usize| -> Vec<u32> {
        let mut ys: Vec<u32> = (a..=b).flat_map(|j| years(w, &sents[j])).collect();
        ys.sort_unstable();
        ys.dedup();
        ys
    };
    let base_years = years_of(best.from, best.to);
    for b in best.to + 1..=last.min(sents.len().saturating_sub(1)) {
        let found = collect(
            w,
            sents,
            roles,
            growths,
            corrections,
            (best.from, b),
            best.growth,
        );
        if found.ambiguous() || years_of(best.from, b).len() > base_years.len().max(1) {
            break;
        }
        let (Ok(Some(natural)), Ok(moves), Ok(migration)) =
            (found.family(0), found.family(1), found.family(2))
        else {
            continue;
        };
        let mut terms = natural;
        terms.extend(moves.into_iter().flatten());
        terms.extend(migration.into_iter().flatten());
        terms.extend(found.corrections.iter().map(|&c| (c, 1)));
        if terms.len() > best.terms.len() {
            best = Read {
                terms,
                corrected: !found.corrections.is_empty(),
                to: b,
                ..best
            };
        }
    }
    best
}

fn reads(w: &Words, sents: &[Sent]) -> Vec<Read> {
    let roles: Vec<Vec<Option<Role>>> = sents
        .iter()
        .map(|s| (0..s.figs.len()).map(|k| role(w, s, k)).collect())
        .collect();
    let growths: Vec<Vec<Option<Option<i8>>>> = sents
        .iter()
        .map(|s| (0..s.figs.len()).map(|k| growth(w, s, k)).collect())
        .collect();
    let corrections: Vec<Vec<bool>> = sents
        .iter()
        .map(|s| (0..s.figs.len()).map(|k| correction(w, s, k)).collect())
        .collect();
    let mut out = Vec::new();
    for (k, gs) in growths.iter().enumerate() {
        for (i, g) in gs.iter().enumerate() {
            let Some(Some(sign)) = *g else {
                continue;
            };
            // The components follow the growth (a list of them, one a sentence) or stand
            // before it.
            let mut windows = vec![(k, k)];
            for b in 1..=FORWARD {
                windows.push((k, k + b));
                if b <= BACK {
                    windows.push((k.saturating_sub(b), k));
                }
            }
            windows.dedup();
            for (a, b) in windows {
                if b >= sents.len() {
                    continue;
                }
                let found = collect(w, sents, &roles, &growths, &corrections, (a, b), (k, i));
                if found.ambiguous() {
                    break;
                }
                let (Ok(natural), Ok(moves), Ok(migration)) =
                    (found.family(0), found.family(1), found.family(2))
                else {
                    continue;
                };
                let Some(natural) = natural else {
                    continue;
                };
                if moves.is_none() && migration.is_none() {
                    continue;
                }
                // Sentences naming different years, or one naming two, are about different
                // periods.
                let named: Vec<Vec<u32>> = (a..=b).map(|j| years(w, &sents[j])).collect();
                let two = |ys: &Vec<u32>| ys.iter().any(|y| *y != ys[0]);
                let clash = named.iter().any(two)
                    || named.iter().enumerate().any(|(x, ys)| {
                        named[x + 1..].iter().any(|zs| {
                            !ys.is_empty() && !zs.is_empty() && !ys.iter().any(|y| zs.contains(y))
                        })
                    });
                if clash {
                    break;
                }
                let mut terms = natural;
                terms.extend(moves.into_iter().flatten());
                terms.extend(migration.into_iter().flatten());
                let corrected = !found.corrections.is_empty();
                terms.extend(found.corrections.iter().map(|&c| (c, 1)));
                let read = Read {
                    growth: (k, i),
                    sign,
                    terms,
                    corrected,
                    from: a,
                    to: b,
                };
                // A list of components runs on (the moves within the country, then those
                // abroad; a correction last): the widest window that stays unambiguous.
                out.push(widen(
                    w,
                    sents,
                    &roles,
                    &growths,
                    &corrections,
                    read,
                    k + FORWARD,
                ));
                break;
            }
        }
    }
    out
}

/// Whether the words right before a figure make it negative ("ett födelsenetto på minus 12").
fn written_negative(w: &Words, s: &Sent, k: usize) -> bool {
    let f = &s.figs[k];
    let before = tokens(&s.text[..f.start]);
    w.has("negative", &before[before.len().saturating_sub(2)..])
}

pub(super) fn check(sink: &mut Sink, w: &Words, pars: &[Paragraph], sents: &[Sent]) {
    for r in reads(w, sents) {
        let mut figs = vec![r.growth];
        figs.extend(r.terms.iter().map(|t| t.0));
        let values = intervals_of(w, sents, &figs);
        let mut made = Interval::exact(rust_decimal::Decimal::ZERO);
        for (t, v) in r.terms.iter().zip(&values[1..]) {
            let (j, m) = t.0;
            let neg = written_negative(w, &sents[j], m);
            made = if (t.1 < 0) != neg {
                made.minus(*v)
            } else {
                made.plus(*v)
            };
        }
        let said = if r.sign < 0 {
            values[0].negated()
        } else {
            values[0]
        };
        if made.meets(&said) {
            sink.checked(true);
        } else {
            report(sink, w, pars, sents, &r, made, said);
        }
    }
}

fn report(
    sink: &mut Sink,
    w: &Words,
    pars: &[Paragraph],
    sents: &[Sent],
    r: &Read,
    made: Interval,
    said: Interval,
) {
    let fig = |(j, m): (usize, usize)| &sents[j].figs[m];
    let raw = |x: (usize, usize)| {
        let f = fig(x);
        sents[x.0].text[f.start..f.num_end].to_string()
    };
    let bound = std::iter::once(r.growth)
        .chain(r.terms.iter().map(|t| t.0))
        .any(|x| fig(x).approx);
    let doubt = if bound {
        Some("a figure is a bound (drygt, nästan, nær), not a value")
    } else if !r.corrected {
        Some(
            "a population's growth may hold corrections (justeringar, late registrations) the \
             text does not print",
        )
    } else {
        None
    };
    let decided = doubt.is_none();
    if decided {
        sink.checked(false);
    }
    let terms: Vec<String> = r
        .terms
        .iter()
        .enumerate()
        .map(|(n, &(x, sign))| {
            let (j, m) = x;
            let neg = (sign < 0) != written_negative(w, &sents[j], m);
            match (n, neg) {
                (0, true) => format!("−{}", raw(x)),
                (0, false) => raw(x),
                (_, true) => format!(" − {}", raw(x)),
                (_, false) => format!(" + {}", raw(x)),
            }
        })
        .collect();
    let passage: Vec<&str> = (r.from..=r.to).map(|j| sents[j].text.trim()).collect();
    let reading = format!(
        "its components make {} = {}, not the {} of {}",
        terms.concat(),
        made.nominal.normalize(),
        if r.sign < 0 { "decline" } else { "growth" },
        raw(r.growth)
    );
    let message = match doubt {
        None => format!(
            "the text says \"{}\", but {reading} (each count exact as written, or ± half the round unit all share)",
            passage.join(" ")
        ),
        Some(why) => format!(
            "not decided: the text says \"{}\", {reading}, but {why}",
            passage.join(" ")
        ),
    };
    let (k, i) = r.growth;
    let s = &sents[k];
    let par = &pars[s.par];
    let f = &s.figs[i];
    let (line, span) = par.span(s.from + f.start, s.from + f.num_end);
    let cmp = compare(made, said);
    super::prose::report_stated(
        sink,
        &RULE,
        decided,
        message,
        line,
        span,
        &super::prose::to_two_places(cmp),
    );
}

#[cfg(test)]
mod tests {
    use super::super::run_on_text;
    use crate::check::finding::Severity;
    use crate::check::registry::RuleCode;

    fn run(text: &str) -> (Vec<(Severity, String, String)>, u64, u64) {
        run_on_text(text, super::super::txt010::check, RuleCode::TXT010)
    }

    #[test]
    fn growth_is_the_natural_change_and_the_net_moves() {
        // Invented: 244 − 96 + 1 274 − 1 026 + 37 − 15 = 418.
        let (f, checked, failed) = run(
            "Kunnan väestö lisääntyi vuoden 2004 aikana 418 ihmisellä. Asukkaita oli vuoden \
             lopussa 17891. Vauvoja syntyi 244. Poisnukkuneita oli 96. Tulomuuttoa kuntaan oli \
             1274 ja lähtömuuttoa 1026. Maahanmuuttoluku oli 37 ja maastamuutto 15.",
        );
        assert!(f.is_empty(), "{f:?}");
        assert_eq!((checked, failed), (1, 0));
    }

    #[test]
    fn a_growth_missing_its_components_is_not_decided_without_a_printed_correction() {
        let (f, checked, failed) = run(
            "Befolkningen ökade med 300 personer under året. Födelseöverskottet var 120 personer. \
             Flyttningsöverskottet uppgick till 200 personer.",
        );
        assert_eq!((checked, failed), (0, 0));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Severity::Info);
        // With the correction printed, the relation is decided.
        let (f, checked, failed) = run(
            "Befolkningen ökade med 300 personer under året. Födelseöverskottet var 120 personer. \
             Flyttningsöverskottet uppgick till 200 personer. Justeringar 5 personer.",
        );
        assert_eq!((checked, failed), (1, 1));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Severity::Error);
    }

    #[test]
    fn subgroups_several_years_and_two_growths_are_not_read() {
        for text in [
            "Antalet utrikes födda ökade med 300 personer. Födelseöverskottet var 120 och \
             flyttningsöverskottet 200.",
            "Befolkningen har ökat med 300 personer sedan 2012. Födelseöverskottet var 120 och \
             flyttningsöverskottet 200.",
            "Befolkningen ökade med 300 personer. Folkökningen var 290 året innan. \
             Födelseöverskottet var 120 och flyttningsöverskottet 200.",
            // A net of moves with one country only is a part of the whole net.
            "Befolkningen ökade med 150 personer. Födelseöverskottet var 60. \
             Flyttningsöverskottet i förhållande till Sverige blev 35 personer.",
        ] {
            let (f, checked, _) = run(text);
            assert!(f.is_empty(), "{text}: {f:?}");
            assert_eq!(checked, 0, "{text}");
        }
    }
}
