#!/usr/bin/env bash
# The Swift (Linux) suite of the UniFFI bindings:
#   1. installs the Debian trixie root with Swift 6.0 into the cache when missing (tests/toolchain/install.sh),
#   2. builds liboneday_ffi.so on the host and generates the Swift sources, header and module.modulemap,
#   3. assembles the SwiftPM package (tests/swift + generated files) in <target>/oneday-bindings/swift/pkg,
#   4. runs `swift test` (XCTest, Swift 6 language mode) in the chroot against the host-built library.
# Exits non-zero when anything fails or no test ran.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
bash tests/toolchain/install.sh
# shellcheck source=tests/toolchain/env.sh
source tests/toolchain/env.sh
# shellcheck source=tests/bindings-build.sh
source tests/bindings-build.sh
# shellcheck source=tests/swift/bindings-package.sh
source tests/swift/bindings-package.sh
build_ffi

pkg="$FFI_OUT/swift/pkg"
# Sources and tests are replaced on every run; .build is kept so SwiftPM rebuilds only what changed.
rm -rf "$pkg/Sources" "$pkg/Tests" "$pkg/Package.swift"
mkdir -p "$pkg"
cp tests/swift/Package.swift "$pkg/"
cp -R tests/swift/Tests "$pkg/"
swift_bindings_into "$pkg/Sources"

swift_test_in_trixie "$pkg" "$FFI_OUT/swift/test.log"
