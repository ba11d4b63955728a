# shellcheck shell=bash
# Source this file (do not run it) after `build_ffi` (tests/bindings-build.sh). It is shared by the Swift
# suite of the bindings (tests/swift/run.sh) and the iOS view-model suite (tests/ios/run.sh).
#
#   swift_bindings_into DIR   generates the bindings of $FFI_LIB as two SwiftPM module folders:
#                               DIR/OneDayFFI/OneDayFFI.h, DIR/OneDayFFI/module.modulemap  (C side)
#                               DIR/OneDay/OneDay.swift                                    (Swift side)
#                             and fails when a file is missing.
#   swift_test_in_trixie PKG LOG
#                             runs `swift test` (XCTest only) for the package folder PKG (under the cargo
#                             target dir) in the trixie chroot, against the host-built liboneday_ffi.so,
#                             writing the output to LOG too; fails when a test fails or none ran.

swift_bindings_into() {
    local dir="$1"
    mkdir -p "$dir/OneDayFFI" "$dir/OneDay"
    "$BINDGEN_SWIFT" --headers --modulemap --module-name OneDayFFI --modulemap-filename module.modulemap \
        "$FFI_LIB" "$dir/OneDayFFI" || return 1
    "$BINDGEN_SWIFT" --swift-sources "$FFI_LIB" "$dir/OneDay" || return 1
    local f
    for f in OneDayFFI/OneDayFFI.h OneDayFFI/module.modulemap OneDay/OneDay.swift; do
        [ -f "$dir/$f" ] || { echo "swift: $f was not generated" >&2; return 1; }
    done
}

swift_test_in_trixie() {
    local pkg="$1" log="$2"
    # Inside the chroot the cargo target dir is at $TRIXIE_TARGET_MOUNT.
    local inside_target="$TRIXIE_TARGET_MOUNT"
    local inside_pkg="$inside_target/${pkg#"$ONEDAY_TARGET"/}"
    local rc
    set +e
    # ONEDAY_REPO: where the tests find the clone's own fixtures (core/tests/fixtures) inside the chroot.
    "$IN_TRIXIE" -C "$inside_pkg" -e "ONEDAY_REPO=$TRIXIE_REPO_MOUNT" swift test --disable-swift-testing \
        -Xlinker "-L$inside_target/debug" -Xlinker -rpath -Xlinker "$inside_target/debug" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    set -e
    [ "$rc" -eq 0 ] || { echo "swift: swift test failed (exit $rc)"; return 1; }
    # XCTest's closing line, e.g. "Executed 27 tests, with 0 failures (0 unexpected) in ..."
    grep -Eq 'Executed [1-9][0-9]* tests?, with 0 failures' "$log" || { echo "swift: no passing XCTest summary"; return 1; }
}
