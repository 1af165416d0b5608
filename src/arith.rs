//! Rounding-aware arithmetic (the XBRL Calculations 1.1 idea): a figure written to unit
//! u stands for every value in [v − u/2, v + u/2]; a relation between figures fails only
//! when the interval the parts allow and the interval the stated figure allows cannot
//! meet. Never looser than that: a total of −86 over parts 5 and −89 is wrong, since the
//! parts allow [−85, −83] and the total [−86.5, −85.5].
//!
//! The one interval type of the crate: the table stage uses it to read tables (realign
//! shifted totals, choose among flat-row readings), the checks to decide relations.

use rust_decimal::Decimal;

/// Sum that saturates at `Decimal`'s range instead of panicking: figures are capped far
/// below it (`grammar::number::MAX_INTEGER_DIGITS`), but a relation over thousands of
/// them, or a product, must not bring a whole run down.
pub(crate) fn add(a: Decimal, b: Decimal) -> Decimal {
    a.checked_add(b).unwrap_or(if b.is_sign_negative() {
        Decimal::MIN
    } else {
        Decimal::MAX
    })
}

fn mul(a: Decimal, b: Decimal) -> Decimal {
    a.checked_mul(b)
        .unwrap_or(if a.is_sign_negative() != b.is_sign_negative() {
            Decimal::MIN
        } else {
            Decimal::MAX
        })
}

/// A written figure as the set of values it may stand for, plus the value as written
/// (the nominal value that expected/found are reported in).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    pub nominal: Decimal,
    pub lo: Decimal,
    pub hi: Decimal,
}

impl Interval {
    /// An exact value (a count of equal parts, a constant 100 %).
    pub fn exact(v: Decimal) -> Self {
        Interval {
            nominal: v,
            lo: v,
            hi: v,
        }
    }

    /// A figure written with `decimals` decimals: ± half of its last digit.
    pub fn written(v: Decimal, decimals: u32) -> Self {
        Self::around(v, half_unit(decimals))
    }

    pub fn around(v: Decimal, half: Decimal) -> Self {
        Interval {
            nominal: v,
            lo: add(v, -half),
            hi: add(v, half),
        }
    }

    /// Half the width: the rounding slack this interval carries.
    pub fn slack(&self) -> Decimal {
        add(self.hi, -self.lo) / Decimal::TWO
    }

    pub fn negated(self) -> Self {
        Interval {
            nominal: -self.nominal,
            lo: -self.hi,
            hi: -self.lo,
        }
    }

    pub fn plus(self, o: Self) -> Self {
        Interval {
            nominal: add(self.nominal, o.nominal),
            lo: add(self.lo, o.lo),
            hi: add(self.hi, o.hi),
        }
    }

    pub fn minus(self, o: Self) -> Self {
        self.plus(o.negated())
    }

    /// Multiplication by an exact factor (a share written as a constant, a unit scale).
    pub fn scale(self, k: Decimal) -> Self {
        let (a, b) = (mul(self.lo, k), mul(self.hi, k));
        Interval {
            nominal: mul(self.nominal, k),
            lo: a.min(b),
            hi: a.max(b),
        }
    }

    /// Interval product (both factors uncertain).
    pub fn times(self, o: Self) -> Self {
        let c = [
            mul(self.lo, o.lo),
            mul(self.lo, o.hi),
            mul(self.hi, o.lo),
            mul(self.hi, o.hi),
        ];
        let lo = c.iter().copied().fold(c[0], Decimal::min);
        let hi = c.iter().copied().fold(c[0], Decimal::max);
        Interval {
            nominal: mul(self.nominal, o.nominal),
            lo,
            hi,
        }
    }

    /// Interval quotient; `None` when the divisor's interval holds zero (the ratio is
    /// then unbounded and nothing can be concluded).
    pub fn divided_by(self, o: Self) -> Option<Self> {
        if o.lo <= Decimal::ZERO && o.hi >= Decimal::ZERO {
            return None;
        }
        let c = [
            self.lo.checked_div(o.lo)?,
            self.lo.checked_div(o.hi)?,
            self.hi.checked_div(o.lo)?,
            self.hi.checked_div(o.hi)?,
        ];
        let lo = c.iter().copied().fold(c[0], Decimal::min);
        let hi = c.iter().copied().fold(c[0], Decimal::max);
        Some(Interval {
            nominal: self.nominal.checked_div(o.nominal)?,
            lo,
            hi,
        })
    }

    pub fn sum<I: IntoIterator<Item = Interval>>(parts: I) -> Self {
        parts
            .into_iter()
            .fold(Interval::exact(Decimal::ZERO), Interval::plus)
    }

    /// Whether some value is allowed by both intervals.
    pub fn meets(&self, o: &Self) -> bool {
        self.lo <= o.hi && o.lo <= self.hi
    }
}

/// Half of the last written digit: 0 decimals → 0.5, 2 decimals → 0.005.
pub fn half_unit(decimals: u32) -> Decimal {
    Decimal::new(5, decimals.min(27) + 1)
}

/// The outcome of comparing what the parts allow with the figure the record states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub expected: Decimal,
    pub found: Decimal,
    /// The largest gap between expected and found that rounding can explain.
    pub tolerance: Decimal,
    pub holds: bool,
}

/// Compares the interval computed from the parts (`expected`) with the stated figure.
pub fn compare(expected: Interval, found: Interval) -> Comparison {
    Comparison {
        expected: expected.nominal.round_dp(4).normalize(),
        found: found.nominal.normalize(),
        tolerance: add(expected.slack(), found.slack()).round_dp(4).normalize(),
        holds: expected.meets(&found),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Figures as the documents write them ("-86", "18,41").
    fn d(s: &str) -> Decimal {
        s.replace(',', ".").parse().unwrap_or_default()
    }

    fn w(s: &str) -> Interval {
        let decimals = s.split_once(',').map_or(0, |(_, f)| f.len() as u32);
        Interval::written(d(s), decimals)
    }

    #[test]
    fn brief_example_total_minus_86_over_5_and_minus_89_fails() {
        let parts = Interval::sum([w("5"), w("-89")]);
        let c = compare(parts, w("-86"));
        assert!(!c.holds);
        assert_eq!(c.expected, d("-84"));
        assert_eq!(c.found, d("-86"));
        assert_eq!(c.tolerance, d("1,5"));
    }

    #[test]
    fn off_by_one_over_five_parts_is_rounding() {
        // R1: 6 875 vs parts 6 874.
        let parts = Interval::sum([w("1000"), w("2000"), w("3000"), w("800"), w("74")]);
        assert!(compare(parts, w("6875")).holds);
    }

    #[test]
    fn two_part_difference_of_one_is_rounding_but_two_is_not() {
        // R2: 9 312 − 13 013 = −3 701 stated as −3 700.
        assert!(compare(w("9312").minus(w("13013")), w("-3700")).holds);
        assert!(!compare(w("9312").minus(w("13013")), w("-3699")).holds);
    }

    #[test]
    fn decimals_set_the_slack() {
        // R9: parts 11,75 shown as 11,8.
        let parts = Interval::sum([w("0,50"), w("1,25"), w("10,00")]);
        assert!(compare(parts, w("11,8")).holds);
        assert!(!compare(parts, w("11,9")).holds);
        // R10: 16,51 − 13,45 = 3,06 shown as 3,07.
        assert!(compare(w("16,51").minus(w("13,45")), w("3,07")).holds);
        assert!(!compare(w("16,51").minus(w("13,45")), w("3,09")).holds);
    }

    #[test]
    fn division_brackets_the_true_share() {
        // 127 users of 6 835 shown as 1,86 %.
        let share = w("127")
            .divided_by(w("6835"))
            .map(|i| i.scale(Decimal::ONE_HUNDRED));
        assert!(share.is_some_and(|s| s.meets(&w("1,86"))));
        assert!(share.is_some_and(|s| !s.meets(&w("1,96"))));
        assert!(w("5").divided_by(w("0")).is_none());
    }

    #[test]
    fn arithmetic_saturates_instead_of_panicking() {
        let big = Interval::exact(Decimal::MAX);
        let sum = Interval::sum([big, big, Interval::written(d("1"), 0)]);
        assert_eq!(sum.hi, Decimal::MAX);
        let product = big.times(Interval::exact(d("-2")));
        assert_eq!(product.lo, Decimal::MIN);
        assert!(big.minus(Interval::exact(Decimal::MIN)).meets(&big));
    }

    #[test]
    fn half_unit_by_decimals() {
        assert_eq!(half_unit(0), d("0,5"));
        assert_eq!(half_unit(2), d("0,005"));
    }
}
