//! `uniffi-bindgen`: generates the Kotlin (and Swift) bindings of `oneday-ffi` from the built library.
//!
//! Pinned to the same exact UniFFI version as `oneday-ffi`; see `bindings/README.md` for the commands.

fn main() {
    uniffi::uniffi_bindgen_main()
}
