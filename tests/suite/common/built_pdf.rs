//! One-page PDFs built by a test (with lopdf, as pdf-extract re-exports it) and the glyphs
//! justera reads from them, for the ingest tests of constructs pdf-extract mishandles.

use justera::ingest::{read_bytes, Glyph, IngestOptions, RawContent};
use pdf_extract::{dictionary, Document, Object, Stream};
use std::path::Path;

/// A PDF of one A4 page drawing `content`, with the resources `resources` makes.
pub fn one_page(content: &[u8], resources: impl FnOnce(&mut Document) -> Object) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let resources = resources(&mut doc);
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

/// The first page's glyphs as justera reads them in process, and the read's warnings.
pub fn glyphs_of(bytes: &[u8]) -> (Vec<Glyph>, Vec<String>) {
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

/// The descriptor of the test fonts: a 1000-unit box, no embedded program.
pub fn font_descriptor() -> Object {
    Object::Dictionary(dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => "Test",
        "Flags" => 32,
        "FontBBox" => vec![0.into(), 0.into(), 1000.into(), 1000.into()],
        "ItalicAngle" => 0,
        "Ascent" => 800,
        "Descent" => -200,
        "CapHeight" => 700,
        "StemV" => 80,
    })
}
