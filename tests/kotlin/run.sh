#!/usr/bin/env bash
# The Kotlin (JVM) suite of the UniFFI bindings:
#   1. installs kotlinc, JNA and JUnit into the cache when missing (tests/toolchain/install.sh),
#   2. builds liboneday_ffi.so and generates the Kotlin bindings from it (into <target>/oneday-bindings),
#   3. compiles the bindings, then the tests in tests/kotlin/src with -Werror,
#   4. runs JUnit 5 on the JVM against that same freshly built library.
# Exits non-zero when anything fails or no test ran.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
bash tests/toolchain/install.sh
# shellcheck source=tests/toolchain/env.sh
source tests/toolchain/env.sh
# shellcheck source=tests/bindings-build.sh
source tests/bindings-build.sh
build_ffi

out="$FFI_OUT/kotlin"
rm -rf "$out/gen" "$out/tests"
mkdir -p "$out/gen" "$out/tests"
"$BINDGEN" generate "$FFI_LIB" --language kotlin --no-format --out-dir "$out/gen"
generated="$out/gen/org/oneday/ffi/oneday.kt"
[ -f "$generated" ] || { echo "kotlin: $generated was not generated" >&2; exit 1; }

# The generated file takes ~15 s to compile; reuse the classes when it (and kotlinc) did not change.
stamp="$(cat "$generated" "$KOTLIN_HOME/.oneday-ready" | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$out/bindings.stamp" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$out/bindings" "$out/bindings.stamp"
    echo "kotlin: compiling the generated bindings"
    "$KOTLINC" -Werror -cp "$JNA_JAR" -d "$out/bindings" "$generated"
    echo "$stamp" >"$out/bindings.stamp"
else
    echo "kotlin: generated bindings unchanged, reusing their classes"
fi

echo "kotlin: compiling the tests"
"$KOTLINC" -Werror -cp "$out/bindings:$JNA_JAR:$JUNIT_CP:$KOTLIN_TEST_CP" -d "$out/tests" tests/kotlin/src/*.kt

# libraryOverride names the exact file, so no other liboneday_ffi on the system can be picked up.
java -Duniffi.component.oneday.libraryOverride="$FFI_LIB" \
    -cp "$out/tests:$out/bindings:$KOTLIN_STDLIB_JAR:$JNA_JAR:$KOTLIN_TEST_CP:$JUNIT_CP" \
    org.junit.platform.console.ConsoleLauncher execute \
    --disable-banner --disable-ansi-colors --fail-if-no-tests --details=tree \
    --select-package oneday.tests
