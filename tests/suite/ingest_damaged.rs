//! Damaged and odd PDFs that lopdf or pdf-extract 0.12.1 read nothing from, where
//! pdftotext reads the text (issue 15 item 13): built by the test to show each case, and
//! the files of ../shared/pdf-robustness that have it, compared word for word with what
//! `pdftotext -layout` gives.

use crate::common;
use crate::common::built_pdf::{glyphs_of, one_page};
use pdf_extract::{dictionary, Document};
use std::path::{Path, PathBuf};
use std::process::Command;

const JUSTERA: &str = env!("CARGO_BIN_EXE_justera");

fn helvetica_page(content: &[u8]) -> Vec<u8> {
    one_page(content, |doc: &mut Document| {
        let font = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => "Times-Bold",
            "Encoding" => "WinAnsiEncoding",
        });
        dictionary! { "Font" => dictionary! { "F1" => font } }.into()
    })
}

#[test]
fn operators_inside_a_tj_array_are_skipped_as_poppler_does() {
    // lopdf stops the whole stream at the `Tc` inside the array: nothing was read.
    let pdf = helvetica_page(
        b"BT /F1 10 Tf 0 Tc 1 0 0 1 22 732 Tm [(Grandes) 0.0 Tc -250.0 (Client\\350les,) \
          0.0 Tc -250.0 (March\\351s) ] TJ 0 Tc ET BT /F1 10 Tf 22 700 Td (Efter) Tj ET",
    );
    assert_eq!(
        words_of_built(&pdf),
        ["Grandes", "Clientèles,", "Marchés", "Efter"]
    );
    let (_, warnings) = glyphs_of(&pdf);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("operators inside arrays")),
        "{warnings:?}"
    );
}

/// A file of ../shared/pdf-robustness/files, or None (a missing input fails unless
/// JUSTERA_ALLOW_SKIP=1).
fn shared_file(name: &str) -> Option<PathBuf> {
    let found = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .skip(1)
        .take(2)
        .map(|a| a.join("shared/pdf-robustness/files").join(name))
        .find(|p| p.is_file());
    if found.is_none() {
        common::missing_input(&format!("../shared/pdf-robustness/files/{name} not found"));
    }
    found
}

/// The words `justera text --ocr never` prints for a file.
fn words_without_ocr(path: &Path) -> Vec<String> {
    let out = Command::new(JUSTERA)
        .args(["text", "--ocr", "never"])
        .arg(path)
        .output()
        .expect("run justera text");
    assert!(
        out.status.success(),
        "{}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// The words of a PDF built by the test.
fn words_of_built(pdf: &[u8]) -> Vec<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("built.pdf");
    std::fs::write(&path, pdf).expect("write");
    words_without_ocr(&path)
}

#[test]
fn robustness_files_give_the_words_pdftotext_gives() {
    // File, and the words `pdftotext -layout` prints for it.
    let cases: &[(&str, &str)] = &[(
        "pdfjs-operator-in-TJ-array.pdf",
        "Grandes Clientèles, Financements et Marchés",
    )];
    for (name, expected) in cases {
        let Some(path) = shared_file(name) else {
            continue;
        };
        let words = words_without_ocr(&path);
        let expected: Vec<&str> = expected.split_whitespace().collect();
        assert_eq!(words, expected, "{name}");
    }
}
