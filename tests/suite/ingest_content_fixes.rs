//! PDFs built by the test with the constructs pdf-extract 0.12.1 mishandles: text shown
//! with the `'` operator (dropped), a form XObject with a /Matrix (text misplaced) that
//! also draws itself (stack overflow), and a page whose reading panics part-way.

use crate::common::built_pdf::{glyphs_of, one_page};
use justera::ingest::Glyph;
use pdf_extract::{dictionary, Document, Object, Stream};

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
    one_page(content, |doc| {
        let font_id = font(doc);
        let xobjects = xobjects(doc, font_id);
        doc.add_object(dictionary! {
            "Font" => dictionary! { "F1" => font_id },
            "XObject" => xobjects,
        })
        .into()
    })
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

/// A form XObject with the font `font` as /F1 drawing `content`.
fn form(doc: &mut Document, font: pdf_extract::ObjectId, content: &[u8]) -> pdf_extract::ObjectId {
    doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        },
        content.to_vec(),
    ))
}

#[test]
fn form_text_is_placed_where_the_callers_cm_puts_it() {
    // pdf-extract starts every form with the identity, forgetting the `cm` in force at the
    // `Do`; the same form drawn at two places lands at both (e-signature stamps).
    let pdf = one_page_pdf(
        b"BT /F1 12 Tf 72 700 Td (Page) Tj ET \
          q 1 0 0 1 85 651 cm /Fm1 Do Q \
          q 1 0 0 1 85 641 cm /Fm1 Do Q \
          q 2 0 0 2 300 200 cm /Fm2 Do Q \
          BT /F1 12 Tf 72 100 Td (After) Tj ET",
        |doc, font_id| {
            let stamp = form(doc, font_id, b"BT /F1 7 Tf 0 1.5 Td (Signed) Tj ET");
            // A form under a /Matrix calling another: the inner one is placed under the
            // caller's cm, the outer form's matrix and its own cm.
            let inner = form(doc, font_id, b"BT /F1 7 Tf 1 1 Td (Inner) Tj ET");
            let outer = doc.add_object(Stream::new(
                dictionary! {
                    "Type" => "XObject",
                    "Subtype" => "Form",
                    "BBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
                    "Matrix" => vec![1.into(), 0.into(), 0.into(), 1.into(), 10.into(), 0.into()],
                    "Resources" => dictionary! {
                        "Font" => dictionary! { "F1" => font_id },
                        "XObject" => dictionary! { "In" => inner },
                    },
                },
                b"BT /F1 7 Tf 0 0 Td (Outer) Tj ET q 1 0 0 1 0 5 cm /In Do Q".to_vec(),
            ));
            dictionary! { "Fm1" => stamp, "Fm2" => outer }
        },
    );
    let (glyphs, _) = glyphs_of(&pdf);
    let text: String = glyphs.iter().map(|g| g.text.as_str()).collect();
    let at = |word: &str, nth: usize| -> Option<(f64, f64)> {
        let start = text.match_indices(word).nth(nth)?.0;
        let g = glyphs.get(text[..start].chars().count())?;
        Some(((g.x * 100.0).round() / 100.0, (g.y * 100.0).round() / 100.0))
    };
    assert_eq!(at("Page", 0), Some((72.0, 700.0)));
    assert_eq!(at("Signed", 0), Some((85.0, 652.5)), "{text}");
    assert_eq!(at("Signed", 1), Some((85.0, 642.5)), "{text}");
    // (0,0) in the outer form: matrix (10,0), then cm ×2 at (300,200).
    assert_eq!(at("Outer", 0), Some((320.0, 200.0)), "{text}");
    // (1,1) in the inner form, moved (0,5) in the outer one: (11,6) → (322,212).
    assert_eq!(at("Inner", 0), Some((322.0, 212.0)), "{text}");
    assert_eq!(at("After", 0), Some((72.0, 100.0)));
}

#[test]
fn a_form_font_named_like_a_page_font_is_read_with_its_own_encoding() {
    // pdf-extract keeps one font per resource name for the whole page: the form's /F1
    // (codes A, B, C drawing x, y, z) was read with the page's /F1 (WinAnsi).
    let pdf = one_page_pdf(
        b"BT /F1 12 Tf 72 700 Td (Page) Tj ET q 1 0 0 1 72 600 cm /Fm1 Do Q",
        |doc, _| {
            let own = doc.add_object(dictionary! {
                "Type" => "Font",
                "Subtype" => "Type1",
                "BaseFont" => "Helvetica",
                "Encoding" => dictionary! {
                    "Type" => "Encoding",
                    "BaseEncoding" => "WinAnsiEncoding",
                    "Differences" => vec![65.into(), "x".into(), "y".into(), "z".into()],
                },
            });
            let stamp = form(doc, own, b"BT /F1 12 Tf 0 0 Td (ABC) Tj ET");
            dictionary! { "Fm1" => stamp }
        },
    );
    let (glyphs, _) = glyphs_of(&pdf);
    let text: String = glyphs.iter().map(|g| g.text.as_str()).collect();
    assert!(text.contains("Page"), "{text}");
    assert!(text.contains("xyz"), "{text}");
    assert!(!text.contains("ABC"), "{text}");
}

#[test]
fn a_page_whose_contents_refer_to_an_array_is_rewritten() {
    // /Contents 5 0 R where object 5 is an array of streams: the `'` fix must still
    // reach the page (lopdf's change_page_content leaves such a page alone).
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = font(&mut doc);
    let a = doc.add_object(Stream::new(
        dictionary! {},
        b"BT /F1 12 Tf 14 TL 72 700 Td (First) Tj".to_vec(),
    ));
    let b = doc.add_object(Stream::new(dictionary! {}, b"(Second) ' ET".to_vec()));
    let contents = doc.add_object(Object::Array(vec![a.into(), b.into()]));
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => contents,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut pdf = Vec::new();
    doc.save_to(&mut pdf).unwrap_or_else(|e| panic!("{e}"));
    let (glyphs, _) = glyphs_of(&pdf);
    assert_eq!(word_at(&glyphs, "First"), Some((72.0, 700.0)));
    assert_eq!(word_at(&glyphs, "Second"), Some((72.0, 686.0)));
}

#[test]
fn text_after_a_comment_in_the_content_is_read() {
    // lopdf's content parser stopped at a comment followed by an indented line and
    // returned what came before it as if it were all.
    let pdf = one_page_pdf(
        b"% written by hand\nBT /F1 12 Tf 2 Tr % fill then stroke\n  72 700 Td (Kept) Tj ET\n\
          BT /F1 12 Tf 72 600 Td (it's (50%) here) Tj ET",
        |_, _| dictionary! {},
    );
    let (glyphs, _) = glyphs_of(&pdf);
    assert_eq!(word_at(&glyphs, "Kept"), Some((72.0, 700.0)));
    // A % inside a string is no comment.
    let text: String = glyphs.iter().map(|g| g.text.as_str()).collect();
    assert!(text.contains("it's (50%) here"), "{text}");
}

#[test]
fn an_xobject_without_its_stream_does_not_lose_the_page() {
    // An image written as a dictionary (its data gone): pdf-extract panicked on its Do.
    let pdf = one_page_pdf(
        b"q 100 0 0 100 0 0 cm /Im1 Do Q BT /F1 12 Tf 72 700 Td (Kept) Tj ET",
        |doc, _| {
            let image = doc.add_object(dictionary! {
                "Type" => "XObject",
                "Subtype" => "Image",
                "Width" => 10,
                "Height" => 10,
                "ColorSpace" => "DeviceRGB",
                "BitsPerComponent" => 8,
                "Filter" => "DCTDecode",
                "Length" => 0,
            });
            dictionary! { "Im1" => image }
        },
    );
    let (glyphs, warnings) = glyphs_of(&pdf);
    assert_eq!(
        word_at(&glyphs, "Kept"),
        Some((72.0, 700.0)),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("XObjects without their stream")),
        "{warnings:?}"
    );
}
