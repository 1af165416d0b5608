//! A figure printed with the wrong sign: where a relation the checks read fails in one
//! column, the one figure whose sign, flipped, makes it hold — when the same row has the
//! other sign in the columns where the relation holds. Shared by the SUM rules, which name
//! the sign in their message.

use crate::arith::Interval;
use crate::check::view::TableView;
use rust_decimal::Decimal;

/// The likely misprint of a failing relation in column `c`: `target` = Σ ± `parts` (a
/// part subtracted when its flag is set), failing in `c` and holding in `holding` (the
/// other columns of the same kind where it is compared).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignMisprint {
    pub row: usize,
    /// The figure with the other sign.
    pub expected: Decimal,
    /// In how many columns where the relation holds the row has the other sign.
    pub columns: usize,
}

impl SignMisprint {
    /// The reason in the finding's words.
    pub fn why(&self, view: &TableView) -> String {
        let side = if self.expected.is_sign_negative() {
            "negative"
        } else {
            "positive"
        };
        format!(
            "expected {} on \"{}\" (printed {}): the same row is {side} in the {} other columns where the relation holds, and with {} it holds here too, so the sign is the likely misprint",
            self.expected.normalize(),
            view.label(self.row).trim(),
            (-self.expected).normalize(),
            self.columns,
            self.expected.normalize()
        )
    }
}

/// The single figure whose sign, flipped, makes the relation hold in column `c`, when the
/// same row is written with the other sign in at least two of the `holding` columns and
/// with this sign in none of them. `None` when no figure, or more than one, would do.
pub fn misprinted_sign(
    view: &TableView,
    target: usize,
    parts: &[(usize, bool)],
    c: usize,
    holding: &[usize],
) -> Option<SignMisprint> {
    let signed = |r: usize, neg: bool, col: usize| {
        view.part(r, col).map(|v| if neg { v.negated() } else { v })
    };
    let values: Vec<Interval> = parts
        .iter()
        .map(|&(r, neg)| signed(r, neg, c))
        .collect::<Option<_>>()?;
    let sum = Interval::sum(values.iter().copied());
    let found = view.figure(target, c)?;
    if sum.meets(&found) {
        return None;
    }
    let mut fits = Vec::new();
    if sum.meets(&found.negated()) {
        fits.push((target, found.nominal));
    }
    for (i, &(r, _)) in parts.iter().enumerate() {
        let flipped = sum.minus(values[i]).plus(values[i].negated());
        if flipped.meets(&found) {
            fits.push((r, view.figure(r, c)?.nominal));
        }
    }
    let [(row, printed)] = fits[..] else {
        return None;
    };
    if printed.is_zero() {
        return None;
    }
    // The row's sign where the relation holds: the other sign in two columns at least,
    // and this one in none.
    let mut other = 0;
    for &h in holding {
        let Some(v) = view.figure(row, h) else {
            continue;
        };
        if v.nominal.is_zero() {
            continue;
        }
        if v.nominal.is_sign_negative() == printed.is_sign_negative() {
            return None;
        }
        other += 1;
    }
    (other >= 2).then_some(SignMisprint {
        row,
        expected: -printed,
        columns: other,
    })
}
