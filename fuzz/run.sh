#!/usr/bin/env bash
# Short fuzz runs: `fuzz/run.sh [SECONDS] [TARGET...]` (default 60 s each of table_row,
# pipeline_text and pipeline_docx).
#   table_row      the flat table-row parser and the table readers
#   pipeline_text  the whole pipeline (read, lay out, tables, parse, checks) on a .txt
#   pipeline_docx  the whole pipeline on a .docx
# Uses cargo-fuzz when installed; otherwise builds the libFuzzer targets directly with
# coverage instrumentation (the -C flags below are stable, so the stable toolchain does
# when there is no nightly). Without any fuzzer, `cargo test --test suite fuzz_table_row::` runs
# the table_row entry point (justera::table::fuzz_table_row) on 4000 seeded inputs; the
# property tests in tests/suite/tables_props.rs assert the same "no panic" property.
# Corpora are seeded from files the repository ships (corpus/seeds, tests/fixtures).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(table_row pipeline_text pipeline_docx)
fi
seed_corpus() {
    local corpus="fuzz/corpus/$1"
    mkdir -p "$corpus"
    case "$1" in
        # The real lines of the seed texts that hold figures.
        table_row) grep -hE '[0-9]' corpus/seeds/*.txt | head -2000 | split -l 20 - "$corpus/seed-" ;;
        # Whole seed texts, and their first 4 KiB (small inputs mutate faster).
        pipeline_text)
            for f in corpus/seeds/*.txt; do
                cp "$f" "$corpus/"
                head -c 4096 "$f" > "$corpus/head-$(basename "$f")"
            done ;;
        pipeline_docx) cp tests/fixtures/*.docx "$corpus/" ;;
    esac
}
host="$(rustc -vV | sed -n 's/^host: //p')"
toolchain=""
if cargo +nightly --version >/dev/null 2>&1; then
    toolchain="+nightly"
fi
for target in "${targets[@]}"; do
    seed_corpus "$target"
    corpus="fuzz/corpus/$target"
    if command -v cargo-fuzz >/dev/null 2>&1; then
        cargo +nightly fuzz run "$target" "$corpus" -- -max_total_time="$seconds" -timeout=20
    else
        RUSTFLAGS="--cfg fuzzing -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares -Cdebug-assertions -Coverflow-checks" \
            cargo $toolchain build --release --manifest-path fuzz/Cargo.toml --bin "$target" \
            --target-dir fuzz/target --target "$host"
        "fuzz/target/$host/release/$target" "$corpus" -max_total_time="$seconds" -timeout=20 \
            -rss_limit_mb=4096
    fi
done
