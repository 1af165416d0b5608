//! Property tests for the table readers: no input makes them panic, and a row of figures
//! written the Swedish way ("1 278", "-3 445") always has its true reading among the
//! readings the flat reader keeps.

use justera::ingest::{ReadReport, SourceKind};
use justera::layout::{LaidOutFile, Line, Page, Span};
use justera::table::{extract, parse_flat_row, FlatLine};
use proptest::prelude::*;
use std::sync::Arc;

/// A figure written with space thousands groups and an ASCII or typographic minus.
fn swedish(v: i64, minus: &str) -> String {
    let digits = v.unsigned_abs().to_string();
    let mut groups = Vec::new();
    let mut end = digits.len();
    while end > 3 {
        groups.push(&digits[end - 3..end]);
        end -= 3;
    }
    groups.push(&digits[..end]);
    groups.reverse();
    let body = groups.join(" ");
    if v < 0 {
        format!("{minus}{body}")
    } else {
        body
    }
}

fn text_file(lines: Vec<String>) -> LaidOutFile {
    let lines = lines
        .into_iter()
        .enumerate()
        .map(|(i, text)| Line {
            number: i as u32 + 1,
            y: i as f64,
            spans: text
                .split('\t')
                .map(|s| Span {
                    text: s.to_string(),
                    x0: 0.0,
                    x1: 0.0,
                    font_size: 0.0,
                    ocr: None,
                })
                .collect(),
            text,
            furniture: false,
        })
        .collect();
    LaidOutFile {
        path: Arc::from("prop.txt"),
        kind: SourceKind::Text,
        pages: vec![Page {
            number: 1,
            width: 0.0,
            height: 0.0,
            lines,
        }],
        report: ReadReport::default(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn flat_row_parser_never_panics(text in "\\PC{0,80}", columns in 0usize..14) {
        if let Some((_, cells)) = parse_flat_row(&text, columns, justera::grammar::vocab::Vocabulary::builtin_shared()) {
            prop_assert_eq!(cells.len(), columns);
        }
    }

    #[test]
    fn numeric_noise_never_panics(text in "[0-9 ,%\\-−‐–]{0,60}", columns in 1usize..10) {
        let _ = parse_flat_row(&format!("Rad {text}"), columns, justera::grammar::vocab::Vocabulary::builtin_shared());
    }

    #[test]
    fn true_reading_is_kept(
        values in prop::collection::vec(-9_999_999i64..9_999_999, 1..7),
        minus in prop::sample::select(vec!["-", "−", "‐", "–"]),
    ) {
        let written: Vec<String> = values.iter().map(|&v| swedish(v, minus)).collect();
        let line = format!("Personalkostnader {}", written.join(" "));
        let flat = FlatLine::parse(&line, justera::grammar::vocab::Vocabulary::builtin_shared()).expect("a row");
        let readings = flat.readings(values.len());
        let expected: Vec<Option<String>> = written.iter().cloned().map(Some).collect();
        prop_assert!(readings.contains(&expected), "{line}: {readings:?}");
    }

    /// Thin, narrow no-break or no-break spaces say where a figure's groups end: the row
    /// has exactly one reading, the true one, whatever the minus ("−", "–", "– ").
    #[test]
    fn joining_spaces_give_the_one_true_reading(
        values in prop::collection::vec(-9_999_999i64..9_999_999, 1..7),
        minus in prop::sample::select(vec!["-", "−", "–", "– "]),
        group in prop::sample::select(vec!['\u{2009}', '\u{202f}', '\u{a0}']),
    ) {
        let written: Vec<String> = values
            .iter()
            .map(|&v| swedish(v, minus).replace(' ', &group.to_string()).replacen(&minus.replace(' ', &group.to_string()), minus, 1))
            .collect();
        let line = format!("Personalkostnader {}", written.join(" "));
        let flat = FlatLine::parse(&line, justera::grammar::vocab::Vocabulary::builtin_shared()).expect("a row");
        let readings = flat.readings(values.len());
        let expected: Vec<Option<String>> = written.iter().cloned().map(Some).collect();
        prop_assert_eq!(readings, vec![expected], "{}", line);
    }

    #[test]
    fn extract_never_panics(lines in prop::collection::vec("[A-Za-zåäö0-9 \\t|,%\\-<>b/*.:]{0,40}", 0..30)) {
        let tables = extract(&text_file(lines), justera::grammar::vocab::Vocabulary::builtin_shared());
        for t in tables {
            for r in &t.rows {
                prop_assert_eq!(r.cells.len(), t.columns.len());
            }
        }
    }
}
