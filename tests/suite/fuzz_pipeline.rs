//! The whole-pipeline fuzz targets' entry points (`justera::pipeline::fuzz_text` and
//! `fuzz_docx`, the bodies of `fuzz/fuzz_targets/pipeline_{text,docx}.rs`) on the stable
//! toolchain: a few hundred deterministic mutations of the seed texts and the .docx
//! fixtures (byte flips, cut-offs, splices, inserted digits and form feeds). No input may
//! panic. `fuzz/run.sh` explores further under libFuzzer.

use std::path::{Path, PathBuf};

/// xorshift64*: deterministic, so a failure always reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn files(dir: &str, ext: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no .{ext} in {}", dir.display());
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

fn mutate(rng: &mut Rng, base: &[u8], other: &[u8]) -> Vec<u8> {
    let mut v = base.to_vec();
    for _ in 0..=rng.below(4) {
        if v.is_empty() {
            break;
        }
        let at = rng.below(v.len());
        match rng.below(6) {
            0 => v[at] ^= 1 << rng.below(8),
            1 => v.truncate(at),
            2 => {
                let from = rng.below(other.len());
                let len = rng.below(256).min(other.len() - from);
                v.splice(at..at, other[from..from + len].iter().copied());
            }
            3 => v.insert(at, b"0123456789"[rng.below(10)]),
            4 => v.insert(at, 0x0c),
            _ => v.insert(at, b"\t -,%"[rng.below(5)]),
        }
    }
    v
}

#[test]
fn the_whole_pipeline_survives_mutated_text() {
    let seeds: Vec<Vec<u8>> = files("corpus/seeds", "txt")
        .into_iter()
        .map(|s| s[..s.len().min(6000)].to_vec())
        .collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..150 {
        let a = &seeds[rng.below(seeds.len())];
        let b = &seeds[rng.below(seeds.len())];
        justera::pipeline::fuzz_text(&mutate(&mut rng, a, b));
    }
}

#[test]
fn the_whole_pipeline_survives_mutated_docx() {
    let docs = files("tests/fixtures", "docx");
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for _ in 0..60 {
        let a = &docs[rng.below(docs.len())];
        let b = &docs[rng.below(docs.len())];
        justera::pipeline::fuzz_docx(&mutate(&mut rng, a, b));
    }
    for d in &docs {
        justera::pipeline::fuzz_docx(d);
    }
}
