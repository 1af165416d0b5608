//! Renders a synthetic archive of PDFs from the corpus seeds for the audit benchmark:
//! `cargo run --example gen_archive -- OUT_DIR [COUNT]` (see `scripts/gen-archive`).
//! Each PDF is a slice of a seed with its years shifted and its figures varied, laid out
//! as a Word-like page (Helvetica 10 pt, tab-separated cells at column positions, a
//! running header naming the owner, a running footer), so the archive exercises ingest,
//! layout, tables and checks.
//!
//! The archive holds several owners: each block of files is issued by another pair of
//! municipalities (a joint nämnd) or another kommunalförbund, whose names replace the
//! seeds' own in the text and stand in the running header. Every owner has documents of
//! several years (the year shift runs within a block), and different owners share row
//! labels and periods, as real archives do.

use pdf_extract::content::{Content, Operation};
use pdf_extract::{Dictionary, Document, Object, Stream};
use std::path::{Path, PathBuf};

const LINES_PER_PAGE: usize = 52;
const PAGE_W: f64 = 595.0;
const PAGE_H: f64 = 842.0;

/// Windows-1252 for the standard fonts' WinAnsiEncoding.
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            ' '..='~' => c as u8,
            '–' => 0x96,
            '—' => 0x97,
            '”' | '“' => b'"',
            '’' => b'\'',
            '•' => 0x95,
            '€' => 0x80,
            c if (c as u32) >= 0xA0 && (c as u32) <= 0xFF => c as u32 as u8,
            _ => b'?',
        })
        .collect()
}

/// A small deterministic generator (no dependency needed for a benchmark fixture).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// Shifts every year 2010–2029 by `shift` and changes the last digit of some figures.
fn vary(line: &str, shift: i32, rng: &mut Lcg) -> String {
    let mut out = String::with_capacity(line.len());
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let run: String = chars[start..i].iter().collect();
            let n: i64 = run.parse().unwrap_or(0);
            if run.len() == 4 && (2010..=2029).contains(&n) {
                out.push_str(&(n + i64::from(shift)).to_string());
            } else if run.len() >= 3 && rng.next() % 4 == 0 {
                let last = (rng.next() % 10).to_string();
                out.push_str(&run[..run.len() - 1]);
                out.push_str(&last);
            } else {
                out.push_str(&run);
            }
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// The owners of the archive's blocks: two municipalities sharing a nämnd, and the
/// kommunalförbund that stands in for the seeds' förbund.
const OWNERS: &[(&str, &str, &str)] = &[
    ("Lekeberg", "Gislaved", "Bergsam"),
    ("Lerum", "Hallsberg", "Dalsam"),
    ("Tibro", "Mullsjö", "Vättersam"),
    ("Orust", "Tjörn", "Kustsam"),
    ("Ale", "Essunga", "Slättsam"),
];

/// The seeds' own owner names, replaced by a block's.
fn rename(line: &str, owner: (&str, &str, &str)) -> String {
    line.replace("Herrljunga", owner.0)
        .replace("HERRLJUNGA", &owner.0.to_uppercase())
        .replace("Vårgårda", owner.1)
        .replace("VÅRGÅRDA", &owner.1.to_uppercase())
        .replace("Itsam", owner.2)
        .replace("ITSAM", &owner.2.to_uppercase())
}

fn page_content(
    lines: &[String],
    page: usize,
    pages: usize,
    header: &str,
    footer: &str,
) -> Vec<u8> {
    // The running header, then the page's lines.
    let mut ops = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 8.into()]),
        Operation::new("Td", vec![50.into(), (PAGE_H - 36.0).into()]),
        Operation::new("Tj", vec![Object::string_literal(win_ansi(header))]),
        Operation::new("ET", vec![]),
    ];
    let mut y = PAGE_H - 60.0;
    for line in lines {
        let line = line
            .replace("<b>", "")
            .replace("</b>", "")
            .replace("**", "");
        for (i, cell) in line.split('\t').enumerate() {
            if cell.trim().is_empty() {
                continue;
            }
            let x = if i == 0 {
                50.0
            } else {
                230.0 + 75.0 * (i as f64 - 1.0)
            };
            ops.push(Operation::new("BT", vec![]));
            ops.push(Operation::new("Tf", vec!["F1".into(), 10.into()]));
            ops.push(Operation::new("Td", vec![x.into(), y.into()]));
            let text: String = cell.chars().take(if i == 0 { 95 } else { 14 }).collect();
            ops.push(Operation::new(
                "Tj",
                vec![Object::string_literal(win_ansi(&text))],
            ));
            ops.push(Operation::new("ET", vec![]));
        }
        y -= 14.0;
    }
    let foot = format!("{footer}    Sida {page} ({pages})");
    ops.push(Operation::new("BT", vec![]));
    ops.push(Operation::new("Tf", vec!["F1".into(), 8.into()]));
    ops.push(Operation::new("Td", vec![50.into(), 30.into()]));
    ops.push(Operation::new(
        "Tj",
        vec![Object::string_literal(win_ansi(&foot))],
    ));
    ops.push(Operation::new("ET", vec![]));
    Content { operations: ops }.encode().unwrap_or_default()
}

fn render(lines: &[String], header: &str, footer: &str, path: &Path) -> std::io::Result<()> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type1".to_vec()));
    font.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
    font.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
    let font_id = doc.add_object(font);
    let mut fonts = Dictionary::new();
    fonts.set("F1", Object::Reference(font_id));
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(fonts));
    let resources_id = doc.add_object(resources);
    let chunks: Vec<&[String]> = lines.chunks(LINES_PER_PAGE).collect();
    let mut kids = Vec::new();
    for (i, chunk) in chunks.iter().enumerate() {
        let content = page_content(chunk, i + 1, chunks.len(), header, footer);
        let content_id = doc.add_object(Stream::new(Dictionary::new(), content));
        let mut page = Dictionary::new();
        page.set("Type", Object::Name(b"Page".to_vec()));
        page.set("Parent", Object::Reference(pages_id));
        page.set("Contents", Object::Reference(content_id));
        page.set("Resources", Object::Reference(resources_id));
        page.set(
            "MediaBox",
            Object::Array(vec![0.into(), 0.into(), PAGE_W.into(), PAGE_H.into()]),
        );
        kids.push(Object::Reference(doc.add_object(page)));
    }
    let mut pages = Dictionary::new();
    pages.set("Type", Object::Name(b"Pages".to_vec()));
    pages.set("Count", Object::Integer(kids.len() as i64));
    pages.set("Kids", Object::Array(kids));
    doc.objects.insert(pages_id, Object::Dictionary(pages));
    let mut catalog = Dictionary::new();
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Pages", Object::Reference(pages_id));
    let catalog_id = doc.add_object(catalog);
    doc.trailer.set("Root", Object::Reference(catalog_id));
    doc.compress();
    doc.save(path).map(|_| ())
}

/// Writes `count` PDFs into `out` from the seeds under `seeds`; returns their paths.
pub fn generate(seeds: &Path, out: &Path, count: usize) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(out)?;
    let mut sources = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(seeds)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    for p in &names {
        let text = std::fs::read_to_string(p)?;
        let lines: Vec<String> = text
            .lines()
            .map(|l| l.trim_start_matches('#').trim_end().to_string())
            .collect();
        sources.push((
            p.file_stem().map(|s| s.to_string_lossy().into_owned()),
            lines,
        ));
    }
    let mut rng = Lcg(0x006a_7573_7465_7261);
    let mut written = Vec::new();
    for i in 0..count {
        let (stem, lines) = &sources[i % sources.len()];
        let stem = stem.clone().unwrap_or_default();
        // A slice of 2–6 pages, starting anywhere in the seed.
        let len = (LINES_PER_PAGE * (2 + (rng.next() % 5) as usize)).min(lines.len());
        let start = (rng.next() as usize) % (lines.len() - len + 1);
        let shift = (i / sources.len()) as i32 % 7 - 3;
        // A block of seven years of every seed per owner.
        let owner = OWNERS[(i / (sources.len() * 7)) % OWNERS.len()];
        let slice: Vec<String> = lines[start..start + len]
            .iter()
            .map(|l| vary(&rename(l, owner), shift, &mut rng))
            .collect();
        let forbund = lines.iter().any(|l| l.contains("Itsam"));
        let header = if forbund {
            format!("Kommunalförbundet {}", owner.2)
        } else {
            format!("{} kommun och {} kommun", owner.0, owner.1)
        };
        let path = out.join(format!("{i:05}-{stem}.pdf"));
        render(&slice, &header, "Justerandes sign", &path)?;
        written.push(path);
    }
    Ok(written)
}

#[allow(dead_code)] // the benchmark includes this file for `generate` only
fn main() {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().unwrap_or_else(|| "target/archive".into()));
    let count: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(400);
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/seeds");
    match generate(&seeds, &out, count) {
        Ok(files) => println!("{} PDFs written to {}", files.len(), out.display()),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
