//! PDFs built by the test with the constructs pdf-extract 0.12.1 mishandles: text shown
//! with the `'` operator (dropped), a form XObject with a /Matrix (text misplaced) that
//! also draws itself (stack overflow), and a page whose reading panics part-way.

use justera::ingest::{read_bytes, Glyph, IngestOptions, RawContent};
use pdf_extract::{dictionary, Document, Object, Stream};
use std::path::Path;

fn font(doc: &mut Document) -> pdf_extract::ObjectId {
    doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    })
}

/// One page with `content`, the font as /F1 and the given XObjects.
fn one_page_pdf(
    content: &[u8],
    xobjects: impl FnOnce(&mut Document, pdf_extract::ObjectId) -> pdf_extract::Dictionary,
) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = font(&mut doc);
    let xobjects = xobjects(&mut doc, font_id);
    let resources = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
        "XObject" => xobjects,
    });
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content_id,
        "Resources" => resources,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page.into()],
            "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap_or_else(|e| panic!("{e}"));
    out
}

fn glyphs_of(bytes: &[u8]) -> (Vec<Glyph>, Vec<String>) {
    let opts = IngestOptions {
        isolate: false,
        ..IngestOptions::default()
    };
    let file = read_bytes(Path::new("built.pdf"), bytes, &opts).unwrap_or_else(|e| panic!("{e}"));
    let glyphs = match &file.pages[0].content {
        RawContent::Glyphs(g) => g.clone(),
        RawContent::Text(_) => panic!("expected glyphs"),
    };
    (glyphs, file.report.warnings)
}

fn word_at(glyphs: &[Glyph], word: &str) -> Option<(f64, f64)> {
    let text: String = glyphs.iter().map(|g| g.text.as_str()).collect();
    let start = text.find(word)?;
    let index = text[..start].chars().count();
    glyphs.get(index).map(|g| (g.x, g.y))
}

#[test]
fn text_shown_with_the_quote_operator_is_read_on_the_next_line() {
    let pdf = one_page_pdf(
        b"BT /F1 12 Tf 14 TL 72 700 Td (First) Tj (Second) ' ET",
        |_, _| dictionary! {},
    );
    let (glyphs, _) = glyphs_of(&pdf);
    let first = word_at(&glyphs, "First").unwrap_or_else(|| panic!("First missing"));
    let second = word_at(&glyphs, "Second").unwrap_or_else(|| panic!("Second missing"));
    assert_eq!(first, (72.0, 700.0));
    assert_eq!(second, (72.0, 686.0));
}

#[test]
fn form_text_is_placed_by_its_matrix_and_a_self_drawing_form_ends() {
    let pdf = one_page_pdf(
        b"BT /F1 12 Tf 72 700 Td (Page) Tj ET /Fm1 Do BT /F1 12 Tf 72 100 Td (After) Tj ET",
        |doc, font_id| {
            let form_id = doc.new_object_id();
            let form = Stream::new(
                dictionary! {
                    "Type" => "XObject",
                    "Subtype" => "Form",
                    "BBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
                    "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 100.into(), 300.into()],
                    "Resources" => dictionary! {
                        "Font" => dictionary! { "F1" => font_id },
                        "XObject" => dictionary! { "Fm1" => form_id },
                    },
                },
                b"BT /F1 12 Tf 10 20 Td (Inside) Tj ET /Fm1 Do".to_vec(),
            );
            doc.objects.insert(form_id, Object::Stream(form));
            dictionary! { "Fm1" => form_id }
        },
    );
    let (glyphs, warnings) = glyphs_of(&pdf);
    assert_eq!(word_at(&glyphs, "Inside"), Some((110.0, 320.0)));
    // The form's matrix does not leak into the page's later text.
    assert_eq!(word_at(&glyphs, "After"), Some((72.0, 100.0)));
    assert!(
        warnings.iter().any(|w| w.contains("draw themselves")),
        "{warnings:?}"
    );
}

#[test]
fn a_page_that_panics_part_way_keeps_the_text_before() {
    // Drawing an XObject the resources do not hold makes pdf-extract panic after "Kept"
    // is drawn. (A `cm` with a wrong operand count or a font missing from the resources
    // no longer does: the loader's fallbacks repair those.)
    let pdf = one_page_pdf(
        b"BT /F1 12 Tf 72 700 Td (Kept) Tj ET /Missing Do BT /F1 12 Tf 72 600 Td (Lost) Tj ET",
        |_, _| dictionary! {},
    );
    let (glyphs, warnings) = glyphs_of(&pdf);
    assert!(word_at(&glyphs, "Kept").is_some());
    assert!(word_at(&glyphs, "Lost").is_none());
    assert!(
        warnings.iter().any(|w| w.contains("read only in part")),
        "{warnings:?}"
    );
}
