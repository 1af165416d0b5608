//! PROD: products written out in the text ("150 m3 x 19,70 kr = 2 955 kr") or in a row's
//! label ("Tomtyteavgift (800 m² x 44,50 kr) 40 800 kr").

pub mod prod001;
pub mod prod002;
pub mod prod003;
pub mod prod004;
pub mod prod005;
pub mod prod006;
pub mod prod007;

use crate::check::finding::Severity;
use crate::check::registry::Rule;
use crate::check::Sink;
use crate::document::SourceLine;
use crate::grammar::product::Term;
use crate::LineSpan;
use rust_decimal::Decimal;

/// How a failing product or expression is reported: the reading closest to the written
/// result.
struct Miss {
    expected: Decimal,
    tolerance: Decimal,
    /// The value as written ("4413") and, when the units change it, converted and
    /// expressed in the result's unit ("44.13").
    plain: Decimal,
    converted: Option<Decimal>,
}

/// Reports `message` on the written result `c` of line `at`, with what was expected,
/// what was found and the tolerance of `miss`.
fn report_miss(
    sink: &mut Sink,
    rule: &'static Rule,
    severity: Severity,
    message: String,
    (at, c): (&SourceLine, &Term),
    miss: &Miss,
    written: String,
) {
    let paragraph = sink.paragraph_at(&at.provenance);
    let span = LineSpan::in_line(&at.text, c.span.start, c.span.end);
    let f = sink.report(
        rule,
        severity,
        message,
        at.provenance.clone().with_span(span),
    );
    f.paragraph = paragraph;
    f.expected = Some(miss.expected);
    f.found = Some(c.value.normalize());
    f.tolerance = Some(miss.tolerance);
    f.figure = Some(written);
}
