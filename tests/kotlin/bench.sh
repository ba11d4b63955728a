#!/usr/bin/env bash
# FFI benchmark (not a test suite): the same calls from Kotlin (through the generated bindings, JNA) and
# from Rust (bindings/examples/ffi_bench.rs, the oneday_ffi functions called directly), in one run, on
# the release build. Prints both medians and the Kotlin/Rust ratio: the cost of crossing the FFI.
# Results are written down by hand in docs/benchmarks.md ("FFI (Kotlin → Rust)").
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
bash tests/toolchain/install.sh
# shellcheck source=tests/toolchain/env.sh
source tests/toolchain/env.sh
target="${CARGO_TARGET_DIR:-$root/target}"

cargo build --release --locked -p uniffi-bindgen
cargo build --release --locked -p oneday-ffi --example ffi_bench
cargo build --release --locked -p oneday-ffi
lib="$target/release/liboneday_ffi.so"
out="$target/oneday-bindings/bench"
rm -rf "$out"
mkdir -p "$out"
"$target/release/uniffi-bindgen" generate "$lib" --language kotlin --no-format --out-dir "$out/gen"
"$KOTLINC" -Werror -cp "$JNA_JAR" -d "$out/classes" "$out/gen/org/oneday/ffi/oneday.kt" tests/kotlin/bench/Bench.kt

echo "rust:"
"$target/release/examples/ffi_bench" | tee "$out/rust.txt"
echo "kotlin:"
java -Duniffi.component.oneday.libraryOverride="$lib" -cp "$out/classes:$KOTLIN_STDLIB_JAR:$JNA_JAR" \
    oneday.bench.BenchKt | tee "$out/kotlin.txt"

echo
printf '%-20s %14s %14s %8s\n' "call" "rust (µs)" "kotlin (µs)" "ratio"
join <(sort "$out/rust.txt") <(sort "$out/kotlin.txt") |
    awk '{ printf "%-20s %14.1f %14.1f %7.1fx\n", $1, $2 / 1000, $3 / 1000, $3 / $2 }'
