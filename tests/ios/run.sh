#!/usr/bin/env bash
# The iOS suite: the view models of the iOS shell (ios/, Swift package OneDayApp) on Linux:
#   1. installs the Debian trixie root with Swift 6.0 into the cache when missing (tests/toolchain/install.sh),
#   2. builds liboneday_ffi.so on the host and generates the Swift bindings (tests/swift/bindings-package.sh),
#   3. assembles the package (ios/Package.swift, Sources, Tests + the generated bindings under Generated/)
#      in <target>/oneday-bindings/ios/pkg,
#   4. runs `swift test` (XCTest, Swift 6 language mode, -warnings-as-errors) in the chroot against the
#      real core library. The Apple-only glue (OneDayShell) builds as an empty module here: its files sit
#      behind #if canImport(SwiftUI) and friends, so Linux only parses them.
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

pkg="$FFI_OUT/ios/pkg"
# Everything but .build is replaced on every run, so SwiftPM rebuilds only what changed.
rm -rf "$pkg/Sources" "$pkg/Tests" "$pkg/Generated" "$pkg/Package.swift"
mkdir -p "$pkg"
cp ios/Package.swift "$pkg/"
cp -R ios/Sources ios/Tests "$pkg/"
swift_bindings_into "$pkg/Generated"

swift_test_in_trixie "$pkg" "$FFI_OUT/ios/test.log"
