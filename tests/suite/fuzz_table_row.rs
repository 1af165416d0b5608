//! The fuzz target's entry point (`justera::table::fuzz_table_row`, the body of
//! `fuzz/fuzz_targets/table_row.rs`) run on the stable toolchain: a few thousand inputs,
//! deterministic (fixed seed), made by mutating the real table lines of the seed texts
//! (byte flips, inserted digits, spaces, signs, tabs and form feeds, splices, cuts) and
//! by generating noise of figures and words. No input may panic. `fuzz/run.sh` runs the
//! same entry point under libFuzzer for coverage-guided exploration.

use justera::table::fuzz_table_row;
use std::path::Path;

/// xorshift64*: a small deterministic generator, so a failure always reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Lines of the seed texts that hold figures: the starting points for mutation.
fn seed_lines() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .expect("corpus/seeds");
    files.sort();
    let mut lines = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        lines.extend(
            text.lines()
                .filter(|l| l.chars().any(|c| c.is_ascii_digit()))
                .map(|l| l.as_bytes().to_vec()),
        );
    }
    assert!(lines.len() > 100, "seed lines read: {}", lines.len());
    lines
}

/// Pieces the mutator inserts: the characters table rows are made of, and a few that
/// make trouble (multi-byte minus and spaces, invalid UTF-8, form feed).
const PIECES: &[&[u8]] = &[
    b" ",
    b"   ",
    b"\t",
    b"\n",
    b"\x0c",
    b"-",
    "\u{2212}".as_bytes(),
    "\u{2013}".as_bytes(),
    "\u{a0}".as_bytes(),
    "\u{202f}".as_bytes(),
    b"0",
    b"7",
    b"000",
    b"999 999 999",
    b"1 278",
    b",5",
    b"%",
    b" tkr",
    b" kr",
    b" mnkr",
    b"Summa",
    b"Totalt",
    b"S:a",
    b"Utfall aug 2020",
    b"2021",
    b"|",
    b"**",
    b"<b>",
    b"\xff\xfe",
    b"\xc3",
];

fn mutate(rng: &mut Rng, base: &[u8], lines: &[Vec<u8>]) -> Vec<u8> {
    let mut out = base.to_vec();
    for _ in 0..1 + rng.below(6) {
        let at = rng.below(out.len() + 1);
        match rng.below(6) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 => {
                let piece = rng.pick(PIECES);
                out.splice(at..at, piece.iter().copied());
            }
            2 if !out.is_empty() => {
                let end = (at + rng.below(8)).min(out.len());
                out.drain(at.min(end)..end);
            }
            3 => {
                let other = rng.pick(lines);
                let from = rng.below(other.len() + 1);
                out.splice(at..at, other[from..].iter().copied());
            }
            4 => {
                out.insert(at.min(out.len()), b'\n');
                let other = rng.pick(lines);
                out.splice(at..at, other.iter().copied());
            }
            _ => {
                let n = rng.below(12);
                let digits: Vec<u8> = (0..n).map(|_| b'0' + rng.below(10) as u8).collect();
                out.splice(at..at, digits);
            }
        }
    }
    out
}

/// Noise of figures, words and separators, several lines of it.
fn generate(rng: &mut Rng) -> Vec<u8> {
    let mut out = Vec::new();
    for _ in 0..rng.below(12) {
        for _ in 0..rng.below(10) {
            out.extend_from_slice(rng.pick::<&[u8]>(PIECES));
        }
        out.push(b'\n');
    }
    out
}

#[test]
fn fuzz_entry_point_survives_thousands_of_inputs() {
    let lines = seed_lines();
    let mut rng = Rng(0x6a75_7374_6572_6121);
    let mut runs = 0;
    let mut with_tables = 0;
    for i in 0..4000 {
        let mut input = vec![rng.next() as u8];
        if i % 4 == 3 {
            input.extend(generate(&mut rng));
        } else {
            // One to five neighbouring seed lines, as a table's rows come, then mutated.
            let start = rng.below(lines.len());
            let mut base = Vec::new();
            for l in lines.iter().skip(start).take(1 + rng.below(5)) {
                base.extend_from_slice(l);
                base.push(b'\n');
            }
            input.extend(mutate(&mut rng, &base, &lines));
        }
        if fuzz_table_row(&input) > 0 {
            with_tables += 1;
        }
        runs += 1;
    }
    println!("{with_tables} of 4000 inputs gave tables");
    // The inputs reach the table readers, not only their early exits.
    assert!(with_tables > 1000, "{with_tables} inputs gave tables");
    // The edge cases a fuzzer finds first.
    for input in [
        &b""[..],
        b"\x00",
        b"\x05",
        b"\x0f\t\t\t",
        b"\x03\x0c\x0c",
        b"\x02- - -",
        b"\x04Summa\t-\t\t1 2 3 4 5 6 7 8 9",
    ] {
        let _ = fuzz_table_row(input);
        runs += 1;
    }
    assert_eq!(runs, 4007);
}
