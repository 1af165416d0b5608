//! Fuzzes the flat table-row parser (label + digit groups → cells) and the whole table
//! reader on the same bytes: neither may panic, and a reading has exactly the asked
//! number of cells.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&columns, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let columns = usize::from(columns % 16);
    for line in text.lines() {
        if let Some((_, cells)) = justera::table::parse_flat_row(line, columns) {
            assert_eq!(cells.len(), columns);
        }
    }
    let _ = justera::table::extract_text(&text);
});
