#!/usr/bin/env bash
# Short fuzz run of the table-row parser: `fuzz/run.sh [SECONDS]` (default 60).
# Needs cargo-fuzz and a nightly toolchain (`cargo install cargo-fuzz`); CI instead runs
# the property tests in tests/tables_props.rs, which assert the same "no panic" property.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
mkdir -p fuzz/corpus/table_row
# Seed the corpus with the real table rows of the seed texts.
grep -hE '[0-9]' corpus/seeds/*.txt | head -2000 | split -l 20 - fuzz/corpus/table_row/seed-
cargo +nightly fuzz run table_row fuzz/corpus/table_row -- -max_total_time="$seconds"
