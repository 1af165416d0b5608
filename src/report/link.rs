//! Links from a report to the files it names: relative to the report's folder, so the
//! report set and the archive can be moved together, and to the page for PDFs
//! (`../archive/protokoll.pdf#page=3`, which browsers' PDF viewers open at that page).

use std::path::{Component, Path, PathBuf};

/// The current directory, asked once: justera never changes it, and the reports link
/// thousands of findings (asked per link, it was 4 139 system calls in the audit of the
/// bench's 400 files).
fn current_dir() -> &'static Path {
    static CWD: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    CWD.get_or_init(|| std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/")))
}

/// The absolute, lexically normalised form of `path` (`..` resolved where it can be),
/// without touching the file system beyond the current directory.
fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        current_dir().join(path)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// `file` as a path relative to `from_dir`.
pub fn relative_path(from_dir: &Path, file: &Path) -> PathBuf {
    let from = absolute(from_dir);
    let to = absolute(file);
    let common = from
        .components()
        .zip(to.components())
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = PathBuf::new();
    for _ in from.components().skip(common) {
        out.push("..");
    }
    for c in to.components().skip(common) {
        out.push(c.as_os_str());
    }
    out
}

/// Percent-encodes what a URL path cannot hold as written (space, `#`, `?`, `%`,
/// quotes, non-ASCII stays: browsers and spreadsheet programs accept UTF-8 paths).
fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            '%' => out.push_str("%25"),
            '"' => out.push_str("%22"),
            '\\' => out.push('/'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The link from a report in `report_dir` to `file` at `page`: `#page=N` for PDFs.
pub fn file_link(report_dir: &Path, file: &str, page: Option<u32>) -> String {
    let rel = relative_path(report_dir, Path::new(file));
    let mut link = encode(&rel.to_string_lossy());
    // "javascript:x.pdf" beside the report would read as a URL scheme: make it a path.
    if link
        .split('/')
        .next()
        .is_some_and(|first| first.contains(':'))
    {
        link.insert_str(0, "./");
    }
    let is_pdf = file.to_ascii_lowercase().ends_with(".pdf");
    if let (true, Some(p)) = (is_pdf, page.filter(|&p| p > 0)) {
        link.push_str(&format!("#page={p}"));
    }
    link
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_relative_to_the_report_and_point_at_the_page() {
        assert_eq!(
            file_link(
                Path::new("/r/reports/corpus"),
                "/r/corpus/pdf/a b.pdf",
                Some(3)
            ),
            "../../corpus/pdf/a%20b.pdf#page=3"
        );
        assert_eq!(
            file_link(Path::new("/r/out"), "/r/out/../seeds/000.txt", Some(2)),
            "../seeds/000.txt"
        );
        assert_eq!(file_link(Path::new("/r"), "/r/x#1.PDF", None), "x%231.PDF");
        assert_eq!(
            file_link(Path::new("/r"), "/r/javascript:alert(1).pdf", Some(1)),
            "./javascript:alert(1).pdf#page=1"
        );
    }
}
