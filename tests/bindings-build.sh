# shellcheck shell=bash
# Source this file (do not run it): `build_ffi` builds the FFI library and the binding generators, the
# same way for the Kotlin and Swift suites and the FFI benchmark, and sets:
#   FFI_LIB        the freshly built liboneday_ffi.so (the library the bindings are generated from and
#                  the tests load: always the same file)
#   BINDGEN        uniffi-bindgen (Kotlin; `generate LIB --language kotlin`)
#   BINDGEN_SWIFT  uniffi-bindgen-swift (Swift sources, header and module.modulemap for SwiftPM)
#   FFI_OUT        where generated and compiled binding files go: <target>/oneday-bindings (not committed)
# Honours CARGO_TARGET_DIR (default <repo>/target).

ONEDAY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ONEDAY_TARGET="${CARGO_TARGET_DIR:-$ONEDAY_ROOT/target}"

build_ffi() {
    if ! command -v cargo >/dev/null 2>&1; then
        echo "cargo is not installed: install Rust with rustup (https://rustup.rs)" >&2
        return 1
    fi
    # Each crate on its own (-p): a build of both at once (or of the whole workspace) turns on uniffi's
    # `cli` feature for the library too. The library is built last, so target/debug holds the one the
    # bindings are generated from.
    (cd "$ONEDAY_ROOT" && cargo build --locked -p uniffi-bindgen && cargo build --locked -p oneday-ffi) || return 1
    FFI_LIB="$ONEDAY_TARGET/debug/liboneday_ffi.so"
    BINDGEN="$ONEDAY_TARGET/debug/uniffi-bindgen"
    BINDGEN_SWIFT="$ONEDAY_TARGET/debug/uniffi-bindgen-swift"
    FFI_OUT="$ONEDAY_TARGET/oneday-bindings"
    export FFI_LIB BINDGEN BINDGEN_SWIFT FFI_OUT
    [ -f "$FFI_LIB" ] || { echo "build_ffi: $FFI_LIB was not built" >&2; return 1; }
}
