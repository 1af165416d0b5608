//! PDFs built by the test with fonts pdf-extract 0.12.1 reads wrongly unless the loader
//! rewrites them: a CID font whose /W gives widths as ranges (`first last width`).

use crate::common::built_pdf::{font_descriptor, glyphs_of, one_page};
use justera::ingest::Glyph;
use pdf_extract::{dictionary, Document, Object, Stream};

/// One page drawing `content` with `fonts` as its /Font resources.
fn one_page_pdf(
    content: &[u8],
    fonts: impl FnOnce(&mut Document) -> pdf_extract::Dictionary,
) -> Vec<u8> {
    one_page(content, |doc| dictionary! { "Font" => fonts(doc) }.into())
}

/// A ToUnicode CMap mapping CIDs 1–3 to "a", "b", "c" and CID 4 to " ".
const TO_UNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap \
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def \
/CMapName /Test-UCS def /CMapType 2 def \
1 begincodespacerange <0000> <FFFF> endcodespacerange \
2 beginbfrange <0001> <0003> <0061> <0004> <0004> <0020> endbfrange \
endcmap CMapName currentdict /CMap defineresource pop end end";

fn cid_font(doc: &mut Document, widths: Vec<Object>) -> pdf_extract::ObjectId {
    let to_unicode = doc.add_object(Stream::new(dictionary! {}, TO_UNICODE.to_vec()));
    let descendant = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => "Test",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"),
            "Supplement" => 0,
        },
        "FontDescriptor" => font_descriptor(),
        "DW" => 1000,
        "W" => widths,
    });
    doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "Test",
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![descendant.into()],
        "ToUnicode" => to_unicode,
    })
}

fn xs(glyphs: &[Glyph]) -> Vec<(String, f64)> {
    glyphs
        .iter()
        .map(|g| (g.text.clone(), (g.x * 100.0).round() / 100.0))
        .collect()
}

#[test]
fn cid_widths_given_as_ranges_place_the_glyphs() {
    // "ab c" at 10 pt from x = 100: a, b, c 500 units wide, the space 250 — given as
    // `1 3 500 4 4 250` ranges, which pdf-extract reads as the default width 1000.
    let content = b"BT /F1 10 Tf 100 700 Td <0001000200040003> Tj ET";
    let ranges = one_page_pdf(content, |doc| {
        let f = cid_font(
            doc,
            vec![
                1.into(),
                3.into(),
                500.into(),
                4.into(),
                4.into(),
                250.into(),
            ],
        );
        dictionary! { "F1" => f }
    });
    let (glyphs, _) = glyphs_of(&ranges);
    let want = [("a", 100.0), ("b", 105.0), (" ", 110.0), ("c", 112.5)];
    let want: Vec<(String, f64)> = want.iter().map(|(t, x)| (t.to_string(), *x)).collect();
    assert_eq!(xs(&glyphs), want);
    // The same widths as arrays (the form pdf-extract reads) give the same positions.
    let arrays = one_page_pdf(content, |doc| {
        let f = cid_font(
            doc,
            vec![
                1.into(),
                vec![500.into(), 500.into(), 500.into()].into(),
                4.into(),
                vec![250.into()].into(),
            ],
        );
        dictionary! { "F1" => f }
    });
    assert_eq!(xs(&glyphs_of(&arrays).0), want);
}

#[test]
fn malformed_cid_widths_do_not_lose_the_page() {
    // A range cut short and a width that is a name: pdf-extract would index past the end
    // or panic; the well-formed entries are kept.
    let pdf = one_page_pdf(b"BT /F1 10 Tf 100 700 Td <00010002> Tj ET", |doc| {
        let f = cid_font(
            doc,
            vec![
                1.into(),
                1.into(),
                500.into(),
                2.into(),
                "x".into(),
                7.into(),
            ],
        );
        dictionary! { "F1" => f }
    });
    let (glyphs, _) = glyphs_of(&pdf);
    let text: String = glyphs.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(text, "ab");
    assert_eq!(xs(&glyphs)[1].1, 105.0);
}

/// A Type3 font drawing codes 97 and 98 ("a", "b" through /Differences), its widths in
/// glyph units of `matrix` (an empty glyph procedure each).
fn type3_font(doc: &mut Document, matrix: f32, widths: Vec<Object>) -> pdf_extract::ObjectId {
    let proc_a = doc.add_object(Stream::new(dictionary! {}, b"0 0 d0".to_vec()));
    let proc_b = doc.add_object(Stream::new(dictionary! {}, b"0 0 d0".to_vec()));
    doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type3",
        "FontBBox" => vec![0.into(), 0.into(), 1.into(), 1.into()],
        "FontMatrix" => vec![matrix.into(), 0.into(), 0.into(), matrix.into(), 0.into(), 0.into()],
        "CharProcs" => dictionary! { "a" => proc_a, "b" => proc_b },
        "Encoding" => dictionary! {
            "Type" => "Encoding",
            "Differences" => vec![97.into(), "a".into(), "b".into()],
        },
        "FirstChar" => 97,
        "LastChar" => 98,
        "Widths" => widths,
    })
}

#[test]
fn type3_text_with_codes_outside_its_widths_is_read() {
    // A space (code 32) outside FirstChar…LastChar made pdf-extract panic ("missing
    // width"): the page was lost. Widths in a 1/10 glyph space (FontMatrix 0.1): "a" is
    // 6 units = 0.6 of the text size.
    let pdf = one_page_pdf(b"BT /T3 10 Tf 100 700 Td (ab ba) Tj ET", |doc| {
        let f = type3_font(doc, 0.1, vec![6.into(), 4.into()]);
        dictionary! { "T3" => f }
    });
    let (glyphs, _) = glyphs_of(&pdf);
    let text: String = glyphs.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(text, "ab ba");
    // a at 100, b after 6 (0.6 × 10), the space (no width given: 0) after 4 more.
    let x: Vec<f64> = xs(&glyphs).into_iter().map(|(_, x)| x).collect();
    assert_eq!(x, [100.0, 106.0, 110.0, 110.0, 114.0]);
}
