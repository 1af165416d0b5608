//! The structure stage never panics, whatever lines it is given: arbitrary text, and
//! real seed lines shuffled, cut and glued together.

use justera::ingest::{ReadReport, SourceKind};
use justera::layout::{LaidOutFile, Line, Page};
use proptest::prelude::*;
use std::sync::Arc;

fn file(pages: Vec<Vec<String>>) -> LaidOutFile {
    let pages = pages
        .into_iter()
        .enumerate()
        .map(|(p, lines)| Page {
            number: p as u32 + 1,
            width: 595.0,
            height: 842.0,
            lines: lines
                .into_iter()
                .enumerate()
                .map(|(i, text)| Line {
                    number: i as u32 + 1,
                    y: i as f64,
                    spans: Vec::new(),
                    furniture: i == 0 && text.starts_with("Sid"),
                    text,
                })
                .collect(),
        })
        .collect();
    LaidOutFile {
        path: Arc::from("fuzz.txt"),
        kind: SourceKind::Text,
        pages,
        report: ReadReport::default(),
    }
}

fn seed_lines() -> Vec<String> {
    let mut out = Vec::new();
    for f in [
        "corpus/seeds/000_a72e3e401d4a911d.txt",
        "corpus/seeds/003_3f4b3a03317974c7.txt",
        "corpus/seeds/002_61e6c64d2e77feba.txt",
        // The bundles: signatures, Bilagor lists, title pages, slide decks.
        "corpus/seeds/001_31bc0d7bae5a7ba2.txt",
        "corpus/seeds/004_56e90bca9d4a187d.txt",
    ] {
        out.extend(
            std::fs::read_to_string(f)
                .unwrap()
                .lines()
                .map(str::to_string),
        );
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_text_does_not_panic(pages in prop::collection::vec(prop::collection::vec(".{0,120}", 0..40), 0..4)) {
        let docs = justera::parse::parse_file(&file(pages), Vec::new(), justera::grammar::vocab::Vocabulary::builtin_shared());
        prop_assert!(docs.len() <= 200);
    }

    #[test]
    fn bundle_stretches_over_random_pages_do_not_panic(start in 0usize..7000, len in 1usize..400, breaks in prop::collection::vec(1usize..60, 0..8)) {
        // A contiguous stretch keeps the bundles' order (signature, closing lists, the
        // next document), cut into pages at random.
        let lines = seed_lines();
        let from = start % lines.len();
        let mut rest: Vec<String> = lines.iter().skip(from).take(len).cloned().collect();
        let mut pages = Vec::new();
        for b in breaks {
            let at = b.min(rest.len());
            pages.push(rest.drain(..at).collect::<Vec<_>>());
        }
        pages.push(rest);
        let docs = justera::parse::parse_file(&file(pages), Vec::new(), justera::grammar::vocab::Vocabulary::builtin_shared());
        for d in &docs {
            prop_assert!(d.pages.0 <= d.pages.1);
        }
    }

    #[test]
    fn recombined_seed_lines_do_not_panic(picks in prop::collection::vec((0usize..7000, 0usize..200, any::<bool>()), 1..150)) {
        let lines = seed_lines();
        let mut out: Vec<String> = Vec::new();
        for (i, cut, glue) in picks {
            let l = &lines[i % lines.len()];
            let cut = l.char_indices().nth(cut % (l.chars().count() + 1)).map_or(l.len(), |(b, _)| b);
            let piece = l[..cut].to_string();
            match out.last_mut() {
                Some(prev) if glue => prev.push_str(&piece),
                _ => out.push(piece),
            }
        }
        let docs = justera::parse::parse_file(&file(vec![out]), Vec::new(), justera::grammar::vocab::Vocabulary::builtin_shared());
        for d in &docs {
            for p in &d.paragraphs {
                prop_assert!(p.tables.iter().all(|&t| t < d.tables.len()));
            }
        }
    }
}
