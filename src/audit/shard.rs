//! `--shard K/N`: a deterministic subset of the archive for one of N machines, chosen by
//! a stable hash of each file's path relative to the input root it was found under, so
//! every machine agrees on the split without talking to the others.

use sha2::{Digest, Sha256};
use std::fmt;
use std::path::Path;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// 1-based.
    pub index: u32,
    pub count: u32,
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (k, n) = s
            .split_once('/')
            .ok_or_else(|| format!("shard must be K/N (e.g. 2/8), got {s:?}"))?;
        let index: u32 = k
            .trim()
            .parse()
            .map_err(|_| format!("bad shard index {k:?}"))?;
        let count: u32 = n
            .trim()
            .parse()
            .map_err(|_| format!("bad shard count {n:?}"))?;
        if count == 0 || index == 0 || index > count {
            return Err(format!("shard index must be 1..={count}, got {index}"));
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl Shard {
    /// Whether this shard owns the file at `relative` (path under its input root, with
    /// '/' separators).
    pub fn owns(&self, relative: &str) -> bool {
        let digest = Sha256::digest(relative.as_bytes());
        let mut first = [0u8; 8];
        first.copy_from_slice(&digest[..8]);
        (u64::from_be_bytes(first) % u64::from(self.count)) as u32 == self.index - 1
    }
}

/// The path of `file` relative to `root` as the shard hash sees it; a file given
/// directly on the command line is its own root and hashes by its name.
pub fn relative_key(root: &Path, file: &Path) -> String {
    let rel = if root == file {
        file.file_name().map(Path::new).unwrap_or(file)
    } else {
        file.strip_prefix(root).unwrap_or(file)
    };
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        assert_eq!("2/3".parse::<Shard>(), Ok(Shard { index: 2, count: 3 }));
        assert!("0/3".parse::<Shard>().is_err());
        assert!("4/3".parse::<Shard>().is_err());
        assert!("3".parse::<Shard>().is_err());
    }

    #[test]
    fn every_path_has_exactly_one_owner() {
        let shards: Vec<Shard> = (1..=3).map(|k| Shard { index: k, count: 3 }).collect();
        let mut counts = [0; 3];
        for i in 0..300 {
            let p = format!("dir/file-{i}.pdf");
            let owners: Vec<_> = shards.iter().filter(|s| s.owns(&p)).collect();
            assert_eq!(owners.len(), 1);
            counts[owners[0].index as usize - 1] += 1;
        }
        // A hash, not a round-robin: each shard gets a fair share.
        assert!(counts.iter().all(|&c| c > 60), "{counts:?}");
    }

    #[test]
    fn relative_to_root_not_to_where_the_command_ran() {
        assert_eq!(
            relative_key(
                Path::new("/data/archive"),
                Path::new("/data/archive/2021/a.pdf")
            ),
            "2021/a.pdf"
        );
        assert_eq!(
            relative_key(Path::new("archive"), Path::new("archive/2021/a.pdf")),
            "2021/a.pdf"
        );
        assert_eq!(
            relative_key(Path::new("x/a.pdf"), Path::new("x/a.pdf")),
            "a.pdf"
        );
    }
}
