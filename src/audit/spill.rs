//! An external sort: items are kept in memory up to a limit, then written as sorted runs
//! of JSON lines and merged when read back. The audit sorts the archive's facts (to
//! check one organisation at a time) and its cross-document relations and findings (to
//! report them in a stable order) through it, so its memory does not grow with the
//! archive.

/// The name every spill folder starts with.
pub const SPILL_PREFIX: &str = ".justera-spill-";

use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Items held in memory before a sorted run goes to disk.
pub const DEFAULT_RUN_LEN: usize = 4096;

pub type Compare<T> = fn(&T, &T) -> Ordering;

/// Where runs are written: a temporary directory removed when the last user drops it.
#[derive(Clone)]
pub struct SpillDir(Arc<tempfile::TempDir>);

impl SpillDir {
    /// A fresh directory inside `parent` (next to the reports, not in a RAM-backed /tmp).
    pub fn new_in(parent: &Path) -> io::Result<SpillDir> {
        std::fs::create_dir_all(parent)?;
        let dir = tempfile::Builder::new()
            .prefix(SPILL_PREFIX)
            .tempdir_in(parent)?;
        Ok(SpillDir(Arc::new(dir)))
    }

    pub(crate) fn path(&self) -> &Path {
        self.0.path()
    }

    pub(crate) fn file(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }
}

/// Collects items and hands them back sorted by `cmp`.
pub struct ExternalSort<T> {
    name: &'static str,
    dir: SpillDir,
    cmp: Compare<T>,
    run_len: usize,
    buffer: Vec<T>,
    runs: Vec<PathBuf>,
    len: u64,
}

impl<T: Serialize + DeserializeOwned> ExternalSort<T> {
    pub fn new(name: &'static str, dir: SpillDir, cmp: Compare<T>) -> Self {
        Self::with_run_len(name, dir, cmp, DEFAULT_RUN_LEN)
    }

    pub fn with_run_len(
        name: &'static str,
        dir: SpillDir,
        cmp: Compare<T>,
        run_len: usize,
    ) -> Self {
        ExternalSort {
            name,
            dir,
            cmp,
            run_len: run_len.max(1),
            buffer: Vec::new(),
            runs: Vec::new(),
            len: 0,
        }
    }

    pub fn push(&mut self, item: T) -> io::Result<()> {
        self.buffer.push(item);
        self.len += 1;
        if self.buffer.len() >= self.run_len {
            self.write_run()?;
        }
        Ok(())
    }

    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn write_run(&mut self) -> io::Result<()> {
        let cmp = self.cmp;
        self.buffer.sort_by(cmp);
        let path = self
            .dir
            .file(&format!("{}-run-{:06}.jsonl", self.name, self.runs.len()));
        write_lines(&path, self.buffer.drain(..))?;
        self.runs.push(path);
        Ok(())
    }

    /// The items in order. Everything fitted in memory: they stay there. Otherwise the
    /// runs are merged into one file that can be read as often as the reports need.
    pub fn finish(mut self) -> io::Result<Sorted<T>> {
        let cmp = self.cmp;
        if self.runs.is_empty() {
            self.buffer.sort_by(cmp);
            return Ok(Sorted::Memory(self.buffer));
        }
        if !self.buffer.is_empty() {
            self.write_run()?;
        }
        let path = self.dir.file(&format!("{}-sorted.jsonl", self.name));
        let readers = self
            .runs
            .iter()
            .map(|p| Lines::<T>::open(p))
            .collect::<io::Result<Vec<_>>>()?;
        write_lines_fallible(&path, Merge::new(readers, cmp)?)?;
        for run in &self.runs {
            let _ = std::fs::remove_file(run);
        }
        Ok(Sorted::File {
            path,
            len: self.len,
            _dir: self.dir,
        })
    }
}

/// Sorted items, in memory or in one file of JSON lines.
pub enum Sorted<T> {
    Memory(Vec<T>),
    File {
        path: PathBuf,
        len: u64,
        _dir: SpillDir,
    },
}

impl<T> Default for Sorted<T> {
    fn default() -> Self {
        Sorted::Memory(Vec::new())
    }
}

impl<T: Clone + DeserializeOwned + 'static> Sorted<T> {
    pub fn len(&self) -> u64 {
        match self {
            Sorted::Memory(v) => v.len() as u64,
            Sorted::File { len, .. } => *len,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Reads the items in order; each call starts again at the first.
    pub fn iter(&self) -> Box<dyn Iterator<Item = io::Result<T>> + '_> {
        match self {
            Sorted::Memory(v) => Box::new(v.iter().cloned().map(Ok)),
            Sorted::File { path, .. } => match Lines::<T>::open(path) {
                Ok(lines) => Box::new(lines),
                Err(e) => Box::new(std::iter::once(Err(e))),
            },
        }
    }
}

fn write_lines<T: Serialize>(path: &Path, items: impl Iterator<Item = T>) -> io::Result<()> {
    write_lines_fallible(path, items.map(Ok))
}

fn write_lines_fallible<T: Serialize>(
    path: &Path,
    items: impl Iterator<Item = io::Result<T>>,
) -> io::Result<()> {
    let mut out = BufWriter::new(File::create(path)?);
    for item in items {
        serde_json::to_writer(&mut out, &item?)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// One item per line of a file of JSON lines.
struct Lines<T> {
    reader: BufReader<File>,
    path: PathBuf,
    line: String,
    _item: std::marker::PhantomData<T>,
}

impl<T: DeserializeOwned> Lines<T> {
    fn open(path: &Path) -> io::Result<Self> {
        Ok(Lines {
            reader: BufReader::new(File::open(path)?),
            path: path.to_path_buf(),
            line: String::new(),
            _item: std::marker::PhantomData,
        })
    }
}

impl<T: DeserializeOwned> Iterator for Lines<T> {
    type Item = io::Result<T>;

    fn next(&mut self) -> Option<io::Result<T>> {
        self.line.clear();
        match self.reader.read_line(&mut self.line) {
            Ok(0) => None,
            Ok(_) => Some(serde_json::from_str(&self.line).map_err(|e| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{}: {e}", self.path.display()),
                )
            })),
            Err(e) => Some(Err(e)),
        }
    }
}

/// The head of one run in the merge heap; ordered so the smallest item (then the
/// earliest run, keeping equal items in run order) comes out first.
struct Head<T> {
    item: T,
    run: usize,
    cmp: Compare<T>,
}

impl<T> PartialEq for Head<T> {
    fn eq(&self, other: &Self) -> bool {
        Ord::cmp(self, other) == Ordering::Equal
    }
}

impl<T> Eq for Head<T> {}

impl<T> PartialOrd for Head<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(Ord::cmp(self, other))
    }
}

impl<T> Ord for Head<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        // BinaryHeap is a max-heap: reverse.
        (self.cmp)(&other.item, &self.item).then_with(|| other.run.cmp(&self.run))
    }
}

struct Merge<T> {
    runs: Vec<Lines<T>>,
    heap: BinaryHeap<Head<T>>,
    cmp: Compare<T>,
    failed: bool,
}

impl<T: DeserializeOwned> Merge<T> {
    fn new(mut runs: Vec<Lines<T>>, cmp: Compare<T>) -> io::Result<Self> {
        let mut heap = BinaryHeap::with_capacity(runs.len());
        for (run, lines) in runs.iter_mut().enumerate() {
            if let Some(item) = lines.next() {
                heap.push(Head {
                    item: item?,
                    run,
                    cmp,
                });
            }
        }
        Ok(Merge {
            runs,
            heap,
            cmp,
            failed: false,
        })
    }
}

impl<T: DeserializeOwned> Iterator for Merge<T> {
    type Item = io::Result<T>;

    fn next(&mut self) -> Option<io::Result<T>> {
        if self.failed {
            return None;
        }
        let head = self.heap.pop()?;
        match self.runs[head.run].next() {
            Some(Ok(item)) => self.heap.push(Head {
                item,
                run: head.run,
                cmp: self.cmp,
            }),
            Some(Err(e)) => {
                self.failed = true;
                return Some(Err(e));
            }
            None => {}
        }
        Some(Ok(head.item))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_value(a: &(u32, u32), b: &(u32, u32)) -> Ordering {
        a.0.cmp(&b.0)
    }

    #[test]
    fn runs_on_disk_merge_to_the_same_order_as_a_sort_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let spill = SpillDir::new_in(dir.path()).unwrap();
        // (value, insertion index): equal values must keep insertion order (stable).
        let items: Vec<(u32, u32)> = (0..1000u32).map(|i| ((i * 7919) % 97, i)).collect();
        let mut sorter = ExternalSort::with_run_len("t", spill.clone(), by_value, 64);
        for &i in &items {
            sorter.push(i).unwrap();
        }
        let sorted = sorter.finish().unwrap();
        assert!(matches!(sorted, Sorted::File { .. }), "spilled to disk");
        let got: Vec<(u32, u32)> = sorted.iter().map(Result::unwrap).collect();
        let mut expected = items.clone();
        expected.sort_by(by_value);
        assert_eq!(got, expected);
        // Read twice: the reports read the same result more than once.
        assert_eq!(sorted.iter().count(), 1000);
        assert_eq!(sorted.len(), 1000);
    }

    #[test]
    fn small_inputs_stay_in_memory_and_the_directory_is_removed_after_use() {
        let dir = tempfile::tempdir().unwrap();
        let spill = SpillDir::new_in(dir.path()).unwrap();
        let mut sorter = ExternalSort::new("t", spill.clone(), by_value);
        sorter.push((2, 0)).unwrap();
        sorter.push((1, 1)).unwrap();
        let sorted = sorter.finish().unwrap();
        assert!(matches!(sorted, Sorted::Memory(_)));
        let got: Vec<_> = sorted.iter().map(Result::unwrap).collect();
        assert_eq!(got, vec![(1, 1), (2, 0)]);
        drop(sorted);
        drop(spill);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
