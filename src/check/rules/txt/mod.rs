//! TXT: figures quoted in prose against the tables of the same document.

mod approx;
mod composition;
mod contrast;
mod onechange;
mod parts;
mod popgrowth;
pub mod prose;
mod ratio;
mod restated;
pub mod txt001;
pub mod txt002;
pub mod txt003;
pub mod txt004;
pub mod txt005;
pub mod txt006;
pub mod txt007;
pub mod txt008;
pub mod txt009;
pub mod txt010;

/// One rule run on a page of text lines ([`Document::of_text_lines`]): the findings of
/// `code` as (severity, found, message), and the relations checked and found failing —
/// what the TXT rules' unit tests assert on.
#[cfg(test)]
pub(crate) fn run_on_text(
    text: &str,
    check: fn(&mut crate::check::Sink),
    code: crate::check::registry::RuleCode,
) -> (
    Vec<(crate::check::finding::Severity, String, String)>,
    u64,
    u64,
) {
    run_on_doc(&crate::document::Document::of_text_lines(text), check, code)
}

/// [`run_on_text`] on a document the test has built (tables added to its lines).
#[cfg(test)]
pub(crate) fn run_on_doc(
    doc: &crate::document::Document,
    check: fn(&mut crate::check::Sink),
    code: crate::check::registry::RuleCode,
) -> (
    Vec<(crate::check::finding::Severity, String, String)>,
    u64,
    u64,
) {
    let mut sink =
        crate::check::Sink::new(doc, crate::grammar::vocab::Vocabulary::builtin_shared());
    check(&mut sink);
    (
        sink.findings
            .into_iter()
            .filter(|f| f.rule == code)
            .map(|f| {
                (
                    f.severity,
                    f.found.map(|d| d.to_string()).unwrap_or_default(),
                    f.message,
                )
            })
            .collect(),
        sink.stats.relations_checked,
        sink.stats.relations_failed,
    )
}
