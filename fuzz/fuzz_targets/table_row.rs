//! Fuzzes the flat table-row parser (label + digit groups → cells) and the whole table
//! readers (text and geometry) on the same bytes: none may panic, and a reading has
//! exactly the asked number of cells. The body is `justera::table::fuzz_table_row`, which
//! `tests/suite/fuzz_table_row.rs` also runs on the stable toolchain.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = justera::table::fuzz_table_row(data);
});
