//! Tables from PDF geometry: lines whose spans (runs of text without a column gap) line
//! up across consecutive rows.
//!
//! First version: each span is a cell, the same cut the tab-separated reader makes, so
//! PDF tables come out as soon as layout yields spans; column assignment by x-position
//! (headers wrapped over several lines, right-aligned figures, empty cells) follows.

use super::{delimited, Table, TableSource};
use crate::layout::Line;
use std::sync::Arc;

pub(crate) fn extract_page(file: &Arc<str>, page: u32, lines: &[&Line]) -> Vec<Table> {
    let (mut tables, _) = delimited::extract_page(file, page, lines);
    for t in &mut tables {
        t.source = TableSource::Geometry;
    }
    tables
}
