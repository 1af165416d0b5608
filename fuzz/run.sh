#!/usr/bin/env bash
# Short fuzz run of the table-row parser: `fuzz/run.sh [SECONDS]` (default 60).
# Uses cargo-fuzz when installed; otherwise builds the libFuzzer target directly with
# coverage instrumentation (the -C flags below are stable, so the stable toolchain does
# when there is no nightly). Without any fuzzer, `cargo test --test fuzz_table_row` runs
# the same entry point (justera::table::fuzz_table_row) on 4000 seeded inputs; the
# property tests in tests/tables_props.rs assert the same "no panic" property.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
corpus=fuzz/corpus/table_row
mkdir -p "$corpus"
# Seed the corpus with the real lines of the seed texts that hold figures.
grep -hE '[0-9]' corpus/seeds/*.txt | head -2000 | split -l 20 - "$corpus/seed-"
# An explicit target keeps the instrumentation off build scripts (as cargo-fuzz does).
host="$(rustc -vV | sed -n 's/^host: //p')"
toolchain=""
if cargo +nightly --version >/dev/null 2>&1; then
    toolchain="+nightly"
fi
if command -v cargo-fuzz >/dev/null 2>&1; then
    cargo +nightly fuzz run table_row "$corpus" -- -max_total_time="$seconds"
else
    RUSTFLAGS="--cfg fuzzing -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares -Cdebug-assertions -Coverflow-checks" \
        cargo $toolchain build --release --manifest-path fuzz/Cargo.toml --bin table_row \
        --target-dir fuzz/target --target "$host"
    "fuzz/target/$host/release/table_row" "$corpus" -max_total_time="$seconds"
fi
