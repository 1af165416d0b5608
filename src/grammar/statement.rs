//! Lines of the financial statements (resultaträkning, balansräkning,
//! kassaflödesanalys) by their labels: the words are `grammars/statements.vocab`; this
//! module cleans a label for it (a leading dash or numbering, "S:a", commas) and names
//! the part the line plays. Used by the table stage (choosing among readings of flat
//! rows) and by the statement checks.

use super::vocab::Vocabulary;

const LIST: &str = "statements";

/// A label cleaned for the vocabulary: a leading dash, bullet or numbering ("– ",
/// "1. ") gone, "S:a" spelled "Summa", commas and parentheses as spaces.
pub fn clean(label: &str) -> String {
    let l = label.trim();
    let l = l.trim_start_matches(|c: char| {
        matches!(c, '-' | '–' | '−' | '—' | '•' | '*' | '.' | ')')
            || c.is_ascii_digit()
            || c.is_whitespace()
    });
    let lower = l.to_lowercase();
    let lower = match lower.strip_prefix("s:a ") {
        Some(rest) => format!("summa {rest}"),
        None => lower,
    };
    lower
        .replace([',', '(', ')', ';'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The part a label plays, when it names a statement line.
pub fn role(v: &Vocabulary, label: &str) -> Option<&'static str> {
    let c = clean(label);
    if c.is_empty() {
        return None;
    }
    // "Årsbidrag (€./inv.)", "Årsbidrag i % av avskrivningar", "Årets resultat per
    // invånare": a key figure derived from the line, in a measure of its own, not the line.
    if names_own_measure(&c) {
        return None;
    }
    let (key, _) = v.lookup_prefix(LIST, &c)?;
    // "Årets resultat efter balanskravsjusteringar", "Årets resultat efter
    // balanskravsutredning …": lines of the balanskravsutredning (BAL003), not the
    // resultaträkning's result.
    if key == "rr_year_result"
        && v.lookup_prefix("balanskrav", &c)
            .is_some_and(|(k, _)| k == "bk_adjusted" || k == "bk_result")
    {
        return None;
    }
    const ROLES: &[&str] = &[
        "rr_net_cost",
        "rr_operating_result",
        "rr_financial_result",
        "rr_year_result",
        "br_assets_total",
        "br_claims_total",
        "br_claims_heading",
        "kf_before_changes",
        "kf_section",
        "kf_year",
        "kf_cash_start",
        "kf_cash_end",
    ];
    ROLES.iter().copied().find(|r| *r == key)
}

/// Whether a label opens or closes eget kapital ("Ingående eget kapital", "Summa
/// utgående eget kapital"): the line of a note on the change of eget kapital.
pub fn is_equity_line(v: &Vocabulary, label: &str) -> bool {
    let c = clean(label);
    !c.is_empty()
        && v.lookup_prefix(LIST, &c)
            .is_some_and(|(k, _)| k == "eq_opening_closing")
}

/// Whether a label is the heading that divides a group's result among its owners
/// ("Hänförligt till", "Årets resultat hänförligt till:"), matched as the whole label.
pub fn is_attribution_heading(v: &Vocabulary, label: &str) -> bool {
    let c = clean(label.trim().trim_end_matches(':'));
    !c.is_empty()
        && v.lookup_prefix(LIST, &c)
            .is_some_and(|(k, n)| k == "attribution_heading" && n == c.split_whitespace().count())
}

/// Whether a cleaned label names a measure of its own beside the line's words: a
/// percentage ("i % av", "%-andel") or an amount per inhabitant ("€./inv.", "per
/// invånare", "/asukas").
fn names_own_measure(clean: &str) -> bool {
    const PER_HEAD: &[&str] = &[
        "/inv",
        "per invånare",
        "per inv.",
        "/asukas",
        "per asukas",
        "euroa/asukas",
        "per innbygger",
        "pr. innbygger",
        "per indbygger",
        "pr. indbygger",
        "per capita",
    ];
    clean
        .split_whitespace()
        .any(|w| w.starts_with('%') || w.ends_with('%'))
        || PER_HEAD.iter().any(|p| clean.contains(p))
}

/// "varav …", "– därav …": a row that breaks out part of the row above it.
pub fn is_part_of(v: &Vocabulary, label: &str) -> bool {
    clean(label)
        .split_whitespace()
        .next()
        .is_some_and(|w| v.lookup(LIST, w) == Some("part_of"))
}

/// A label that says its figures are costs ("Verksamhetens kostnader", "Avskrivningar").
/// A label that names both ("Finansiella intäkter och kostnader", "Rahoitustuotot ja
/// kulut") is a net, not a cost.
pub fn is_cost(v: &Vocabulary, label: &str) -> bool {
    let c = clean(label);
    // "Rahoitustuotot- ja kulut": a word cut short before "ja" is still the word.
    let has = |k: &str| {
        c.split_whitespace()
            .any(|w| v.lookup(LIST, w.trim_end_matches('-')) == Some(k))
    };
    has("rr_cost_word") && !has("rr_income_word")
}

pub fn is_note_column(v: &Vocabulary, header: &str) -> bool {
    let h = clean(header);
    !h.is_empty() && v.lookup(LIST, &h) == Some("note_column")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_cleaned_for_the_vocabulary() {
        assert_eq!(
            clean("1. MEDEL FRÅN DEN LÖPANDE VERKSAMHETEN"),
            "medel från den löpande verksamheten"
        );
        assert_eq!(clean(" – varav årets resultat"), "varav årets resultat");
        assert_eq!(clean("S:a tillgångar"), "summa tillgångar");
        assert_eq!(
            clean("Summa eget kapital, avsättningar och skulder"),
            "summa eget kapital avsättningar och skulder"
        );
    }

    #[test]
    fn roles_from_the_vocabulary() {
        let v = Vocabulary::builtin_shared();
        assert_eq!(role(v, "VERKSAMHETENS NETTOKOSTNADER"), Some("rr_net_cost"));
        assert_eq!(role(v, "Generella statsbidrag och utjämning Not"), None);
        assert_eq!(role(v, "ÅRETS RESULTAT"), Some("rr_year_result"));
        assert_eq!(role(v, "SUMMA TILLGÅNGAR"), Some("br_assets_total"));
        assert_eq!(
            role(v, "Summa eget kapital, avsättningar och skulder"),
            Some("br_claims_total")
        );
        assert_eq!(
            role(v, "Likvida medel vid årets slut 17"),
            Some("kf_cash_end")
        );
        assert!(is_part_of(v, "– varav årets resultat"));
        assert!(is_cost(v, "Verksamhetens kostnader"));
        assert!(!is_cost(v, "Verksamhetens intäkter"));
        assert!(!is_cost(v, "Finansiella intäkter och kostnader"));
        assert!(!is_cost(v, "Rahoitustuotot- ja kulut"));
        assert!(is_cost(v, "Korkokulut"));
        assert!(is_cost(v, "Poistot ja arvonalentumiset"));
        assert_eq!(role(v, "TOIMINTAKATE"), Some("rr_net_cost"));
        assert_eq!(role(v, "Vuosikate (+/-)"), Some("rr_financial_result"));
        assert_eq!(role(v, "Årsbidrag"), Some("rr_financial_result"));
        // Key figures derived from a line are not the line.
        assert_eq!(role(v, "Årsbidrag (€./inv.)"), None);
        assert_eq!(role(v, "Årsbidrag i % av avskrivningar"), None);
        assert_eq!(role(v, "Vuosikate, euroa/asukas"), None);
        assert_eq!(
            role(v, "Tilikauden ylijäämä (alijäämä)"),
            Some("rr_year_result")
        );
        assert_eq!(
            role(v, "Räkenskapsperiodens överskott (underskott)"),
            Some("rr_year_result")
        );
        assert!(is_note_column(v, "Not"));
        assert!(is_equity_line(v, "Summa utgående eget kapital"));
        assert!(is_equity_line(v, "Ingående eget kapital"));
        assert!(!is_equity_line(v, "Summa eget kapital"));
        assert!(!is_equity_line(v, "Årets resultat"));
        assert!(is_attribution_heading(v, "Hänförligt till:"));
        assert!(is_attribution_heading(v, "Årets resultat hänförligt till"));
        assert!(!is_attribution_heading(
            v,
            "Hänförligt till moderbolagets aktieägare"
        ));
    }
}
