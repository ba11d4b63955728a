//! `uniffi-bindgen-swift`: generates the Swift sources, the C header and the module map of
//! `oneday-ffi` separately, as a SwiftPM package (or an Xcode project) wants them.

fn main() {
    uniffi::uniffi_bindgen_swift()
}
