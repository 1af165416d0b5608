//! Swedish figures: "1 278", "-3 445", "18,41 %", "940 000kr", "3,8 mnkr".
//!
//! INTERIM: a minimal hand parser so the table stage can start; the grammar work
//! replaces the body with nom and keeps these types and signatures.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The unit a figure is written in. Money units know their scale to kronor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// No unit written (the table or document default applies).
    #[default]
    None,
    Kr,
    Tkr,
    Mnkr,
    Percent,
    Hours,
}

impl Unit {
    /// How many kronor one of this unit is, for money units.
    pub fn kronor_scale(self) -> Option<Decimal> {
        match self {
            Unit::Kr => Some(Decimal::ONE),
            Unit::Tkr => Some(Decimal::from(1_000)),
            Unit::Mnkr => Some(Decimal::from(1_000_000)),
            _ => None,
        }
    }
}

/// A figure as written: its value, unit, and how many decimals the writer used (the
/// precision that sets the rounding tolerance).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    pub value: Decimal,
    pub unit: Unit,
    pub decimals: u32,
    pub raw: String,
}

impl Figure {
    /// Half of the last written digit, in the figure's own unit: "1 278" → 0.5,
    /// "18,41" → 0.005.
    pub fn half_unit(&self) -> Decimal {
        Decimal::new(5, self.decimals + 1)
    }
}

/// Parses a whole cell or token as one figure; `None` when it is not exactly one.
pub fn parse_figure(text: &str) -> Option<Figure> {
    let t = text.trim();
    let (body, unit) = strip_unit(t);
    let mut s = String::new();
    for c in body.chars() {
        match c {
            '0'..='9' => s.push(c),
            '-' | '−' | '‐' | '–' if s.is_empty() => s.push('-'),
            ',' => s.push('.'),
            ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' => {}
            _ => return None,
        }
    }
    if !s.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let decimals = s.split_once('.').map_or(0, |(_, d)| d.len() as u32);
    let value: Decimal = s.parse().ok()?;
    Some(Figure {
        value,
        unit,
        decimals,
        raw: text.to_string(),
    })
}

fn strip_unit(t: &str) -> (&str, Unit) {
    for (suffix, unit) in [
        ("mnkr", Unit::Mnkr),
        ("tkr", Unit::Tkr),
        ("kr", Unit::Kr),
        ("%", Unit::Percent),
        ("h", Unit::Hours),
    ] {
        if let Some(body) = t.strip_suffix(suffix) {
            return (body.trim_end(), unit);
        }
    }
    (t, Unit::None)
}
