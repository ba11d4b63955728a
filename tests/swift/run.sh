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
build_ffi

pkg="$FFI_OUT/swift/pkg"
# Sources and tests are replaced on every run; .build is kept so SwiftPM rebuilds only what changed.
rm -rf "$pkg/Sources" "$pkg/Tests" "$pkg/Package.swift"
mkdir -p "$pkg/Sources/OneDayFFI" "$pkg/Sources/OneDay"
cp tests/swift/Package.swift "$pkg/"
cp -R tests/swift/Tests "$pkg/"
"$BINDGEN_SWIFT" --headers --modulemap --module-name OneDayFFI --modulemap-filename module.modulemap \
    "$FFI_LIB" "$pkg/Sources/OneDayFFI"
"$BINDGEN_SWIFT" --swift-sources "$FFI_LIB" "$pkg/Sources/OneDay"
for f in Sources/OneDayFFI/OneDayFFI.h Sources/OneDayFFI/module.modulemap Sources/OneDay/OneDay.swift; do
    [ -f "$pkg/$f" ] || { echo "swift: $f was not generated" >&2; exit 1; }
done

# Inside the chroot the cargo target dir is at $TRIXIE_TARGET_MOUNT.
inside_target="$TRIXIE_TARGET_MOUNT"
inside_pkg="$inside_target/${pkg#"$ONEDAY_TARGET"/}"
log="$FFI_OUT/swift/test.log"
set +e
# ONEDAY_REPO: where the tests find the clone's own fixtures (core/tests/fixtures) inside the chroot.
"$IN_TRIXIE" -C "$inside_pkg" -e "ONEDAY_REPO=$TRIXIE_REPO_MOUNT" swift test --disable-swift-testing \
    -Xlinker "-L$inside_target/debug" -Xlinker -rpath -Xlinker "$inside_target/debug" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
[ "$rc" -eq 0 ] || { echo "swift: swift test failed (exit $rc)"; exit 1; }
# XCTest's closing line, e.g. "Executed 27 tests, with 0 failures (0 unexpected) in ..."
grep -Eq 'Executed [1-9][0-9]* tests?, with 0 failures' "$log" || { echo "swift: no passing XCTest summary"; exit 1; }
