//! The sanitizer reads content streams on their bytes and decodes them only when they need
//! a fix (`justera::ingest::operands`). That is safe only if the byte reading never calls a
//! stream well formed where lopdf's decoding would disagree. Checked here on every page
//! and form stream of the corpus PDFs, the real PDFs and the robustness corpus, and on
//! seeded mutations of each.

use crate::common;
use justera::ingest::operands::{operands_ok, well_formed, without_paths};
use pdf_extract::content::Content;
use pdf_extract::{Document, Object};
use std::path::{Path, PathBuf};

/// What decoding concludes: the Tf font names when every operation has its shape.
fn by_decoding(data: &[u8]) -> Option<Vec<Vec<u8>>> {
    let content = Content::decode(data).ok()?;
    if !content.operations.iter().all(operands_ok) {
        return None;
    }
    Some(
        content
            .operations
            .iter()
            .filter(|op| op.operator == "Tf")
            .filter_map(|op| op.operands.first()?.as_name().ok().map(<[u8]>::to_vec))
            .collect(),
    )
}

/// The content streams of a PDF: each page's (concatenated) and each form's.
fn streams(path: &Path) -> Vec<Vec<u8>> {
    let Ok(bytes) = std::fs::read(path) else {
        return Vec::new();
    };
    let loaded = std::panic::catch_unwind(|| Document::load_mem(&bytes).ok());
    let Ok(Some(doc)) = loaded else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (_, page) in doc.get_pages() {
        let doc = std::panic::AssertUnwindSafe(&doc);
        if let Ok(Ok(data)) = std::panic::catch_unwind(|| doc.get_page_content(page)) {
            out.push(data);
        }
    }
    for o in doc.objects.values() {
        if let Object::Stream(s) = o {
            let form = s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Form");
            if form {
                let data = s
                    .decompressed_content()
                    .unwrap_or_else(|_| s.content.clone());
                out.push(data);
            }
        }
    }
    out
}

/// Path construction, painting and clipping operators, and those pdf-extract ignores
/// (device colours, line style, marked content), which `without_paths` leaves out.
const PATH_OPS: [&str; 35] = [
    "m", "l", "c", "v", "y", "h", "re", "S", "s", "F", "f", "f*", "B", "B*", "b", "b*", "n", "W",
    "W*", "G", "g", "RG", "rg", "K", "k", "w", "J", "j", "M", "d", "ri", "i", "BMC", "BDC", "EMC",
];

/// The operations lopdf decodes other than path operations, written out.
fn non_path_ops(data: &[u8]) -> Vec<String> {
    Content::decode(data)
        .map(|c| c.operations)
        .unwrap_or_default()
        .iter()
        .filter(|op| !PATH_OPS.contains(&op.operator.as_str()))
        .map(|op| format!("{op:?}"))
        .collect()
}

/// Where `without_paths` gives a stream, it decodes to the operations of the original
/// other than path operations, and the original decodes with every operand in shape.
fn paths_left_out_exactly(data: &[u8], what: &str) -> bool {
    let Some(kept) = without_paths(data) else {
        return false;
    };
    assert!(by_decoding(data).is_some(), "{what}");
    assert_eq!(non_path_ops(&kept), non_path_ops(data), "{what}");
    true
}

fn pdfs_in(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")));
    v.sort();
    v
}

struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % below.max(1) as u64) as usize
    }
}

#[test]
fn byte_reading_never_disagrees_with_decoding_on_real_streams() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared");
    let sets = [
        ("corpus", root.join("corpus/pdf")),
        ("realpdf", shared.join("realpdf/files")),
        ("robustness", shared.join("pdf-robustness/files")),
    ];
    let mut rng = Lcg(11);
    let alphabet: &[u8] = b" \n\x0c\x00()<>[]{}/%#\\-.09RTfn*'";
    for (set, dir) in &sets {
        let files = pdfs_in(dir);
        if files.is_empty() {
            common::missing_input(&format!("{} (no PDFs)", dir.display()));
            continue;
        }
        let (mut total, mut read_on_bytes, mut decodable, mut stripped) = (0, 0, 0, 0usize);
        for file in &files {
            for data in streams(file) {
                total += 1;
                let fast = well_formed(&data);
                let slow = by_decoding(&data);
                decodable += usize::from(slow.is_some());
                let what = format!("{}: a stream", file.display());
                stripped += usize::from(paths_left_out_exactly(&data, &what));
                if let Some(fonts) = fast {
                    read_on_bytes += 1;
                    assert_eq!(slow, Some(fonts), "{}: a stream", file.display());
                }
                // Seeded mutations near where the stream begins (streams can be long).
                for _ in 0..8 {
                    if data.is_empty() {
                        break;
                    }
                    let mut m = data[..data.len().min(4096)].to_vec();
                    let at = rng.next(m.len());
                    m[at] = alphabet[rng.next(alphabet.len())];
                    paths_left_out_exactly(&m, &format!("{}: a mutation", file.display()));
                    if let Some(fonts) = well_formed(&m) {
                        assert_eq!(
                            by_decoding(&m),
                            Some(fonts),
                            "{}: a mutation",
                            file.display()
                        );
                    }
                }
            }
        }
        eprintln!(
            "{set}: {} files, {total} streams, {decodable} pass when decoded, {read_on_bytes} read on their bytes, {stripped} without paths",
            files.len()
        );
        // The point of the byte reading: real producers' streams take the fast path.
        if *set != "robustness" {
            assert!(
                read_on_bytes * 10 >= decodable * 9,
                "{set}: only {read_on_bytes} of {decodable} well-formed streams read on their bytes"
            );
        }
    }
}
