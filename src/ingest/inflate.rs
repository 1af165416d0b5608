//! A second inflater for damaged Flate streams.
//!
//! lopdf inflates through flate2, whose backend is chosen for the whole build (a crate
//! that asks for zlib-rs switches every user to it). On a corrupt stream zlib-rs gives up
//! with less of the text than miniz_oxide recovers before the damage. When a file's
//! pages fail or come out empty, every FlateDecode stream is inflated again with
//! miniz_oxide and kept where that recovers more; the pages are then read again.

use pdf_extract::{Document, Object};

/// Replaces each plain FlateDecode stream (one filter, no predictor) whose inflation by
/// miniz_oxide yields more bytes than lopdf's with that plain content. Returns how many
/// streams were replaced.
pub(super) fn recover_flate_streams(doc: &mut Document) -> usize {
    let mut replaced = 0;
    for object in doc.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let plain_flate = matches!(stream.filters(), Ok(f) if f == [b"FlateDecode".as_slice()])
            && stream.dict.get(b"DecodeParms").is_err();
        if !plain_flate || stream.content.is_empty() {
            continue;
        }
        let recovered = match miniz_oxide::inflate::decompress_to_vec_zlib(&stream.content) {
            Ok(out) => out,
            Err(partial) => partial.output,
        };
        let current = stream.decompressed_content().map_or(0, |c| c.len());
        if recovered.len() > current {
            stream.set_plain_content(recovered);
            replaced += 1;
        }
    }
    replaced
}
