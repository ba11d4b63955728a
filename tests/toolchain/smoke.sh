#!/usr/bin/env bash
# Smoke proof of the cached toolchains (runs install.sh first, which reuses what is there):
#   kotlin-jvm   kotlinc compiles a small Kotlin file (calling libc through JNA) and a JUnit 5 test
#                against the cached jars; the JUnit console launcher runs it on the JVM.
#   swift-linux  in the trixie chroot, a throwaway SwiftPM package with one XCTest test: `swift test`.
# Prints PASS/FAIL per part and a closing "N passed, N failed" line; exits non-zero if any part fails.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=tests/toolchain/env.sh
source "$HERE/env.sh"

if ! bash "$HERE/install.sh"; then
    echo "smoke: install.sh FAILED: no part can run"
    echo "smoke: 0 passed, 2 failed"
    exit 1
fi

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

work="$(mktemp -d "${TMPDIR:-/tmp}/oneday-smoke.XXXXXX")"
swiftdir=""
cleanup() { rm -rf "$work"; [ -z "$swiftdir" ] || rm -rf "$swiftdir"; }
trap cleanup EXIT

passed=0
failed=0
result() { # name ok? t0
    if [ "$2" -eq 0 ]; then
        echo "smoke: $1 PASS ($(since "$3")s)"
        passed=$((passed + 1))
    else
        echo "smoke: $1 FAIL ($(since "$3")s)"
        failed=$((failed + 1))
    fi
}

# ---- (a) Kotlin on the JVM ----------------------------------------------------------------------------
kotlin_part() {
    mkdir -p "$work/kt/src" "$work/kt/out"
    cat >"$work/kt/src/Greeter.kt" <<'EOF'
package smoke
fun greet(name: String): String = "Hello, $name"
interface CLib : com.sun.jna.Library { fun getpid(): Int }
fun pid(): Int = com.sun.jna.Native.load("c", CLib::class.java).getpid()
EOF
    cat >"$work/kt/src/GreeterTest.kt" <<'EOF'
package smoke

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class GreeterTest {
    @Test
    fun greets() = assertEquals("Hello, JVM", greet("JVM"))

    @Test
    fun callsLibcThroughJna() = assertTrue(pid() > 0)
}
EOF
    "$KOTLINC" -Werror -cp "$JNA_JAR:$JUNIT_CP" -d "$work/kt/out" \
        "$work/kt/src/Greeter.kt" "$work/kt/src/GreeterTest.kt" || { echo "smoke: kotlinc failed"; return 1; }
    java -cp "$work/kt/out:$KOTLIN_STDLIB_JAR:$JNA_JAR:$JUNIT_CP" \
        org.junit.platform.console.ConsoleLauncher execute \
        --disable-banner --disable-ansi-colors --fail-if-no-tests --details=tree \
        --select-class smoke.GreeterTest >"$work/kt/junit.log" 2>&1
    local rc=$?
    cat "$work/kt/junit.log"
    [ "$rc" -eq 0 ] || return 1
    grep -q '2 tests successful' "$work/kt/junit.log" || { echo "smoke: expected 2 successful tests"; return 1; }
}

# ---- (b) Swift in the trixie chroot -------------------------------------------------------------------
swift_part() {
    swiftdir="$(mktemp -d "$TRIXIE_ROOT/tmp/oneday-smoke.XXXXXX")" || return 1
    local inside="/tmp/${swiftdir##*/}"
    mkdir -p "$swiftdir/Sources/Smoke" "$swiftdir/Tests/SmokeTests"
    cat >"$swiftdir/Package.swift" <<'EOF'
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Smoke",
    targets: [
        .target(name: "Smoke"),
        .testTarget(name: "SmokeTests", dependencies: ["Smoke"]),
    ]
)
EOF
    cat >"$swiftdir/Sources/Smoke/Smoke.swift" <<'EOF'
public func greet(_ name: String) -> String { "Hello, \(name)" }
EOF
    cat >"$swiftdir/Tests/SmokeTests/SmokeTests.swift" <<'EOF'
import XCTest
@testable import Smoke

final class SmokeTests: XCTestCase {
    func testGreets() { XCTAssertEqual(greet("Linux"), "Hello, Linux") }
}
EOF
    "$IN_TRIXIE" -C "$inside" swift test --disable-swift-testing >"$work/swift.log" 2>&1
    local rc=$?
    cat "$work/swift.log"
    [ "$rc" -eq 0 ] || return 1
    grep -q 'Executed 1 test, with 0 failures' "$work/swift.log" || { echo "smoke: expected 1 passing XCTest"; return 1; }
}

t0="$(now)"; kotlin_part; result kotlin-jvm $? "$t0"
t0="$(now)"; swift_part; result swift-linux $? "$t0"
echo "smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
