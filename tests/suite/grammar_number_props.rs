//! Property: any Decimal written the Swedish way (each thousands separator, each minus
//! style, decimal comma or point) parses back to itself with the writer's precision.

use justera::grammar::number::{format_decimal, Figure, Style, Unit, MAX_INTEGER_DIGITS};
use justera::grammar::vocab::Vocabulary;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn parse_figure(text: &str) -> Option<Figure> {
    justera::grammar::number::parse_figure(text, Vocabulary::builtin_shared())
}

const GROUPS: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];
const MINUSES: [&str; 6] = ["-", "−", "‐", "–", "- ", "– "];

fn any_decimal() -> impl Strategy<Value = Decimal> {
    // Mantissa up to 2^96 - 1 and any scale Decimal allows, within the figures justera
    // reads: at most MAX_INTEGER_DIGITS digits before the decimal comma.
    (any::<i128>(), 0u32..=28).prop_filter_map("a figure", |(m, s)| {
        let m = m % (1i128 << 96);
        Decimal::try_from_i128_with_scale(m, s)
            .ok()
            .filter(|d| integer_digits(*d) <= MAX_INTEGER_DIGITS)
    })
}

fn integer_digits(d: Decimal) -> usize {
    d.trunc().abs().to_string().trim_start_matches('0').len()
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

    /// "(1 234)" and "( 1 234 )" are the negative of the figure inside; a footnote mark
    /// glued after a figure ("1 234¹", "1 234*") leaves its value alone and is kept.
    #[test]
    fn parentheses_negate_and_marks_stay_apart(
        value in any_decimal(),
        group in 0usize..GROUPS.len(),
        spaced in any::<bool>(),
        mark in prop::sample::select(vec!["¹", "²", "³", "*", "**", "¹²"]),
    ) {
        let style = Style { group: GROUPS[group], minus: "-", decimal: ',' };
        let abs = format_decimal(value.abs(), style);
        let pad = if spaced { " " } else { "" };
        let text = format!("({pad}{abs}{pad})");
        let fig = parse_figure(&text);
        prop_assert!(fig.is_some(), "{text:?} did not parse");
        let fig = fig.unwrap_or_else(|| unreachable!());
        prop_assert_eq!(fig.value, -value.abs(), "{:?}", text);
        prop_assert_eq!(fig.decimals, value.scale());
        let marked = format!("{}{mark}", format_decimal(value, style));
        let fig = parse_figure(&marked);
        prop_assert!(fig.is_some(), "{marked:?} did not parse");
        let fig = fig.unwrap_or_else(|| unreachable!());
        prop_assert_eq!(fig.value, value, "{:?}", marked);
        prop_assert_eq!(fig.mark.as_deref(), Some(mark));
    }

    #[test]
    fn longer_digit_runs_are_no_figures(digits in MAX_INTEGER_DIGITS + 1..=28usize, group in 0usize..GROUPS.len()) {
        let value: Decimal = format!("1{}", "0".repeat(digits - 1)).parse().unwrap_or_default();
        let style = Style { group: GROUPS[group], minus: "-", decimal: ',' };
        let text = format_decimal(value, style);
        prop_assert!(parse_figure(&text).is_none(), "{text:?}");
    }

    #[test]
    fn parse_figure_never_panics(s in "\\PC{0,40}") {
        let _ = parse_figure(&s);
        let _ = justera::grammar::number::find_figures(&s, Vocabulary::builtin_shared());
    }
}

mod flat_rows {
    use super::*;
    use justera::grammar::number::{number_tokens, numeric_tail, segmentations};

    proptest! {
        /// A flat row of integers written with one space as both column gap and thousands
        /// separator: the true reading is always among the segmentations with that many
        /// cells, and every reading covers the whole row.
        #[test]
        fn true_reading_is_among_the_segmentations(
            values in prop::collection::vec(-9_999_999i64..=9_999_999, 1..7),
            label in "[A-ZÅÄÖ][a-zåäö]{2,12}",
        ) {
            let cells: Vec<String> = values
                .iter()
                .map(|v| format_decimal(Decimal::from(*v), Style::default()))
                .collect();
            let line = format!("{label} {}", cells.join(" "));
            let tokens = number_tokens(&line, Vocabulary::builtin_shared());
            let tail = numeric_tail(&tokens);
            let readings = segmentations(
                &line,
                &tokens[tail..],
                Some(values.len()),
                10_000,
                Vocabulary::builtin_shared(),
            );
            let truth: Vec<Decimal> = values.iter().map(|v| Decimal::from(*v)).collect();
            let found = readings.iter().any(|r| {
                r.iter().map(|s| s.figure.as_ref().map(|f| f.value)).collect::<Vec<_>>()
                    == truth.iter().copied().map(Some).collect::<Vec<_>>()
            });
            prop_assert!(found, "{line:?}: {} readings, none is {truth:?}", readings.len());
            for r in &readings {
                prop_assert_eq!(r.first().map(|s| s.range.start), Some(tokens[tail].range.start));
                prop_assert_eq!(r.last().map(|s| s.range.end), Some(line.len()));
            }
        }
    }
}

mod dates {
    use chrono::{Datelike, NaiveDate};
    use proptest::prelude::*;

    fn parse_date(text: &str, year: Option<i32>) -> Option<NaiveDate> {
        justera::grammar::date::parse_date(
            text,
            year,
            justera::grammar::vocab::Vocabulary::builtin_shared(),
        )
    }

    const MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];

    proptest! {
        /// Any date written in each Swedish style parses back to itself.
        #[test]
        fn every_style_round_trips(days in 0i64..73_000) {
            let base = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default();
            let d = base + chrono::Duration::days(days);
            prop_assume!(d.year() <= 2100);
            let (y, m, day) = (d.year(), d.month(), d.day());
            for text in [
                format!("{y}-{m:02}-{day:02}"),
                format!("{y}{m:02}{day:02}"),
                format!("{y} {m:02} {day:02}"),
                format!("{day} {} {y}", MONTHS[(m - 1) as usize]),
                format!("den {day}/{m} {y}"),
            ] {
                prop_assert_eq!(parse_date(&text, None), Some(d), "{}", text);
            }
            prop_assert_eq!(parse_date(&format!("{day}/{m}"), Some(y)), Some(d));
        }
    }
}
