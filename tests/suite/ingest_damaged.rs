//! Damaged and odd PDFs that lopdf or pdf-extract 0.12.1 read nothing from, where
//! pdftotext reads the text (issue 15 item 13): built by the test to show each case, and
//! the files of ../shared/pdf-robustness that have it, compared word for word with what
//! `pdftotext -layout` gives.

use crate::common;
use crate::common::built_pdf::{font_descriptor, glyphs_of, one_page};
use pdf_extract::{dictionary, Document, Object, Stream};
use std::path::Path;
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

/// A Type0 font over a CID font without an embedded program, with `encoding` and,
/// when given, a ToUnicode CMap; the CID font's /W gives `widths`.
fn type0_page(
    content: &[u8],
    encoding: impl FnOnce(&mut Document) -> Object,
    to_unicode: Option<&[u8]>,
    widths: Vec<Object>,
) -> Vec<u8> {
    one_page(content, |doc: &mut Document| {
        let encoding = encoding(doc);
        let descendant = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "CIDFontType2",
            "BaseFont" => "Test",
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("Japan1"),
                "Supplement" => 2,
            },
            "FontDescriptor" => font_descriptor(),
            "DW" => 1000,
            "W" => widths,
        });
        let mut font = dictionary! {
            "Type" => "Font",
            "Subtype" => "Type0",
            "BaseFont" => "Test",
            "Encoding" => encoding,
            "DescendantFonts" => vec![descendant.into()],
        };
        if let Some(cmap) = to_unicode {
            let id = doc.add_object(Stream::new(dictionary! {}, cmap.to_vec()));
            font.set("ToUnicode", id);
        }
        let font = doc.add_object(font);
        dictionary! { "Font" => dictionary! { "F1" => font } }.into()
    })
}

#[test]
fn legacy_cjk_encodings_without_to_unicode_are_read_by_their_character_set() {
    // Shift-JIS codes through 90ms-RKSJ-H (pdf-extract panicked on the name): あいうえお,
    // then one-byte roman.
    let pdf = type0_page(
        b"BT /F1 24 Tf 72 770 Td <82A082A282A482A682A8> Tj 0 -30 Td (Kommun 2) Tj ET",
        |_| Object::Name(b"90ms-RKSJ-H".to_vec()),
        None,
        vec![],
    );
    assert_eq!(words_of_built(&pdf), ["あいうえお", "Kommun", "2"]);
    // GBK through GBK-EUC-H.
    let pdf = type0_page(
        b"BT /F1 20 Tf 28 793 Td <CED2C3C7> Tj ET",
        |_| Object::Name(b"GBK-EUC-H".to_vec()),
        None,
        vec![],
    );
    assert_eq!(words_of_built(&pdf), ["我们"]);
}

#[test]
fn embedded_encoding_cmap_maps_codes_to_cids_and_widths() {
    // One-byte codes: "a" (0x61) is CID 3, "b" CID 4, " " (0x20) CID 1; pdf-extract read
    // no code at all through such a CMap (nor the ToUnicode map, keyed by code).
    const ENCODING: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap \
        /CMapName /Test def 1 begincodespacerange <20> <7E> endcodespacerange \
        1 begincidchar <20> 1 endcidchar \
        1 begincidrange <61> <62> 3 endcidrange \
        endcmap CMapName currentdict /CMap defineresource pop end end";
    const TO_UNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap \
        1 begincodespacerange <20> <7E> endcodespacerange \
        1 beginbfchar <20> <0020> endbfchar 1 beginbfrange <61> <62> <0061> endbfrange \
        endcmap CMapName currentdict /CMap defineresource pop end end";
    let pdf = type0_page(
        b"BT /F1 10 Tf 100 700 Td (ab ba) Tj ET",
        |doc| {
            doc.add_object(Stream::new(dictionary! {}, ENCODING.to_vec()))
                .into()
        },
        Some(TO_UNICODE),
        // CID 1 (space) 250 wide, CIDs 3 and 4 500.
        vec![
            1.into(),
            vec![250.into()].into(),
            3.into(),
            vec![500.into(), 500.into()].into(),
        ],
    );
    assert_eq!(words_of_built(&pdf), ["ab", "ba"]);
    let (glyphs, warnings) = glyphs_of(&pdf);
    let xs: Vec<(String, f64)> = glyphs
        .iter()
        .map(|g| (g.text.clone(), (g.x * 100.0).round() / 100.0))
        .collect();
    let at = |t: &str, x: f64| (t.to_string(), x);
    assert_eq!(
        xs,
        [
            at("a", 100.0),
            at("b", 105.0),
            at(" ", 110.0),
            at("b", 112.5),
            at("a", 117.5)
        ],
        "{warnings:?}"
    );
}

#[test]
fn text_field_values_without_an_appearance_are_read() {
    // A filled-in field (/FT /Tx, /V) with no /AP, as form fillers leave it with
    // /NeedAppearances true: viewers and pdftotext show the value.
    let mut pdf = None;
    let built = one_page(
        b"BT /F1 10 Tf 50 800 Td (Beslut) Tj ET",
        |doc: &mut Document| {
            let font = doc.add_object(dictionary! {
                "Type" => "Font",
                "Subtype" => "Type1",
                "BaseFont" => "Helvetica",
                "Encoding" => "WinAnsiEncoding",
            });
            let field = doc.add_object(dictionary! {
                "Type" => "Annot",
                "Subtype" => "Widget",
                "FT" => "Tx",
                "F" => 4,
                "DA" => Object::string_literal("/Helv 12 Tf 0 g"),
                "V" => Object::string_literal(b"Justerare: Anna \xc5berg".to_vec()),
                "Rect" => vec![50.into(), 700.into(), 300.into(), 720.into()],
            });
            pdf = Some(field);
            dictionary! { "Font" => dictionary! { "F1" => font } }.into()
        },
    );
    // The page gets its /Annots afterwards: one_page builds the page itself.
    let mut doc = Document::load_mem(&built).expect("built PDF loads");
    let page = *doc.get_pages().get(&1).expect("page 1");
    let field = pdf.expect("field made");
    doc.get_dictionary_mut(page)
        .expect("page")
        .set("Annots", vec![Object::Reference(field)]);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("save");
    assert_eq!(
        words_of_built(&bytes),
        ["Beslut", "Justerare:", "Anna", "Åberg"]
    );
}

#[test]
fn a_font_with_a_space_in_its_name_is_not_lost() {
    // `/BaseFont /Test Regular`: a bare word stands where a key should; lopdf dropped the
    // whole font object (a stand-in Helvetica read the two-byte codes as garbage).
    const TO_UNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap \
        1 begincodespacerange <0000> <FFFF> endcodespacerange \
        1 beginbfrange <0001> <0002> <0061> endbfrange \
        endcmap CMapName currentdict /CMap defineresource pop end end";
    let built = type0_page(
        b"BT /F1 10 Tf 50 800 Td <000100020001> Tj ET",
        |_| Object::Name(b"Identity-H".to_vec()),
        Some(TO_UNICODE),
        vec![],
    );
    assert_eq!(words_of_built(&built), ["aba"]);
    // The Type0 font's name, written with a space (same length, so the cross-reference
    // offsets stay right).
    let marked = b"/BaseFont/Test/";
    let at = built
        .windows(marked.len())
        .position(|w| w == marked)
        .expect("font in the built file");
    let mut bytes = built.clone();
    bytes[at..at + marked.len()].copy_from_slice(b"/BaseFont/T st/");
    assert_eq!(words_of_built(&bytes), ["aba"]);
}

#[test]
fn a_cid_width_given_by_reference_is_read() {
    // `/W [1 [500 7 0 R]]`: pdf-extract panicked ("not a number") and lost the page.
    const TO_UNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap \
        1 begincodespacerange <0000> <FFFF> endcodespacerange \
        1 beginbfrange <0001> <0002> <0061> endbfrange \
        endcmap CMapName currentdict /CMap defineresource pop end end";
    let mut width = None;
    let pdf = type0_page(
        b"BT /F1 10 Tf 50 800 Td <000100020001> Tj ET",
        |doc| {
            width = Some(doc.add_object(Object::Integer(250)));
            Object::Name(b"Identity-H".to_vec())
        },
        Some(TO_UNICODE),
        vec![],
    );
    // The width array is set afterwards: the reference is known only inside the closure.
    let mut doc = Document::load_mem(&pdf).expect("built PDF loads");
    let width = width.expect("width object");
    for (_, o) in doc.objects.iter_mut() {
        if let Object::Dictionary(d) = o {
            if d.get(b"Subtype").ok().and_then(|s| s.as_name().ok()) == Some(b"CIDFontType2") {
                d.set(
                    "W",
                    vec![1.into(), vec![500.into(), Object::Reference(width)].into()],
                );
            }
        }
    }
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("save");
    assert_eq!(words_of_built(&bytes), ["aba"]);
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
    let cases: &[(&str, &str)] = &[
        (
            "pdfjs-operator-in-TJ-array.pdf",
            "Grandes Clientèles, Financements et Marchés",
        ),
        ("pdfjs-noembed-sjis.pdf", "あいうえお"),
        ("pdfjs-90ms_rksj_h_sample.pdf", "Hello ASCII 日本語テスト"),
        ("pdfjs-issue3521.pdf", "我们都是黑体字"),
        ("pdfjs-issue2931.pdf", "Lorem ipsum"),
        ("pdfjs-annotation-tx.pdf", "tx annotation"),
        ("pdfjs-issue11549_reduced.pdf", "Flags and paving"),
        (
            "pdfjs-issue7855.pdf",
            "\u{AD} Berlin, den 28.11.2016 \u{AD}",
        ),
    ];
    for (name, expected) in cases {
        let Some(path) = common::robustness_file(name) else {
            continue;
        };
        let words = words_without_ocr(&path);
        let expected: Vec<&str> = expected.split_whitespace().collect();
        assert_eq!(words, expected, "{name}");
    }
}
