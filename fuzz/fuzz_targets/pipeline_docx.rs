//! Fuzzes the whole pipeline (read, lay out, tables, parse, checks) on bytes read as a
//! .docx file: nothing may panic. The body is `justera::pipeline::fuzz_docx`;
//! `fuzz/run.sh` seeds its corpus and runs it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    justera::pipeline::fuzz_docx(data);
});
