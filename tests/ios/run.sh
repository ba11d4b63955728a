#!/usr/bin/env bash
# The iOS suite: the view models of the iOS shell (ios/, Swift package OneDayApp) on Linux:
#   1. installs the Debian trixie root with Swift 6.0 into the cache when missing (tests/toolchain/install.sh),
#   2. builds liboneday_ffi.so on the host and generates the Swift bindings (tests/swift/bindings-package.sh),
#   3. assembles the package (ios/Package.swift, Sources, Tests + the generated bindings under Generated/)
#      in <target>/oneday-bindings/ios/pkg,
#   4. runs `swift test` (XCTest, Swift 6 language mode, -warnings-as-errors) in the chroot against the
#      real core library. The Apple-only glue (OneDayShell) builds as an empty module here: its files sit
#      behind #if canImport(SwiftUI) and friends, so Linux only parses them; the app and widget entry
#      points (ios/App, ios/Widget) are parsed with `swiftc -parse` as well.
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

# The app and widget entry points belong to Xcode targets, not to the package: on Linux they are only
# parsed (syntax, inactive #if blocks included), which catches typos but checks no Apple API.
(cd ios && find App Widget -name '*.swift' | sort) > "$FFI_OUT/ios/entry-points"
mapfile -t entry < "$FFI_OUT/ios/entry-points"
[ "${#entry[@]}" -gt 0 ] || { echo "ios: no app or widget sources" >&2; exit 1; }
"$IN_TRIXIE" -C "$TRIXIE_REPO_MOUNT/ios" swiftc -parse "${entry[@]}" || { echo "ios: app or widget sources do not parse" >&2; exit 1; }

swift_test_in_trixie "$pkg" "$FFI_OUT/ios/test.log"
