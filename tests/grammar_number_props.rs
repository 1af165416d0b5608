//! Property: any Decimal written the Swedish way (each thousands separator, each minus
//! style, decimal comma or point) parses back to itself with the writer's precision.

use justera::grammar::number::{format_decimal, parse_figure, Style, Unit};
use proptest::prelude::*;
use rust_decimal::Decimal;

const GROUPS: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];
const MINUSES: [&str; 6] = ["-", "−", "‐", "–", "- ", "– "];

fn any_decimal() -> impl Strategy<Value = Decimal> {
    // Mantissa up to 2^96 - 1 and any scale Decimal allows.
    (any::<i128>(), 0u32..=28).prop_filter_map("in range", |(m, s)| {
        let m = m % (1i128 << 96);
        Decimal::try_from_i128_with_scale(m, s).ok()
    })
}

proptest! {
    #[test]
    fn swedish_formatting_round_trips(
        value in any_decimal(),
        group in 0usize..GROUPS.len(),
        minus in 0usize..MINUSES.len(),
        point in any::<bool>(),
        unit in prop::sample::select(vec![("", Unit::None), (" tkr", Unit::Tkr), ("kr", Unit::Kr), (" %", Unit::Percent), (" mnkr", Unit::Mnkr), ("h", Unit::Hours)]),
    ) {
        let style = Style { group: GROUPS[group], minus: MINUSES[minus], decimal: if point { '.' } else { ',' } };
        let text = format!("{}{}", format_decimal(value, style), unit.0);
        let fig = parse_figure(&text);
        prop_assert!(fig.is_some(), "{text:?} did not parse");
        let fig = fig.unwrap_or_else(|| unreachable!());
        prop_assert_eq!(fig.value, value, "{:?}", text);
        prop_assert_eq!(fig.decimals, value.scale());
        prop_assert_eq!(fig.unit, unit.1);
    }

    #[test]
    fn parse_figure_never_panics(s in "\\PC{0,40}") {
        let _ = parse_figure(&s);
        let _ = justera::grammar::number::find_figures(&s);
    }
}
