// swift-tools-version:6.0
// One Day for iOS: everything that is not UI, as a Swift package (Swift 6 language mode).
//
//   OneDayFFI         the C side of the UniFFI bindings of the Rust core (liboneday_ffi)
//   OneDay            the generated Swift bindings (uniffi-bindgen-swift), in Generated/OneDay
//   OneDayViewModels  the presentation layer: every number and rule from core, worded for the screens
//   OneDayShell       the Apple-only glue and SwiftUI screens, each file behind #if canImport(...)
//
// Generated/ is not committed: ios/README.md says how to make it (and the XCFramework) for Xcode;
// tests/ios/run.sh makes it for the Linux suite.
import PackageDescription

let strict: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

#if os(Linux)
// Linux (the test suite): the header and module map, linking the host-built liboneday_ffi.so.
let ffi: Target = .systemLibrary(name: "OneDayFFI", path: "Generated/OneDayFFI")
let ffiLink: [LinkerSetting] = [.linkedLibrary("oneday_ffi")]
#else
// Apple: the XCFramework of static libraries (device and simulator), headers and module map inside.
let ffi: Target = .binaryTarget(name: "OneDayFFI", path: "Generated/OneDayFFI.xcframework")
let ffiLink: [LinkerSetting] = []
#endif

let package = Package(
    name: "OneDayApp",
    platforms: [.iOS(.v17), .macOS(.v14)],
    products: [
        .library(name: "OneDayViewModels", targets: ["OneDayViewModels"]),
        .library(name: "OneDayShell", targets: ["OneDayShell"]),
    ],
    targets: [
        ffi,
        .target(name: "OneDay", dependencies: ["OneDayFFI"], path: "Generated/OneDay", linkerSettings: ffiLink),
        .target(name: "OneDayViewModels", dependencies: ["OneDay"], swiftSettings: strict),
        .target(name: "OneDayShell", dependencies: ["OneDay", "OneDayViewModels"], swiftSettings: strict),
        .testTarget(name: "OneDayViewModelsTests", dependencies: ["OneDayViewModels", "OneDay"], swiftSettings: strict),
    ]
)
