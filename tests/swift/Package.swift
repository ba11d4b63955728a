// swift-tools-version:6.0
// The Swift suite of the UniFFI bindings (Swift 6 language mode). tests/swift/run.sh copies this package
// to <target>/oneday-bindings/swift/pkg and adds the generated sources there:
//   Sources/OneDayFFI/OneDayFFI.h, module.modulemap   (uniffi-bindgen-swift --headers --modulemap)
//   Sources/OneDay/OneDay.swift                       (uniffi-bindgen-swift --swift-sources)
// and links the host-built liboneday_ffi.so (-Xlinker -L/-rpath on the command line).
import PackageDescription

let strict: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

let package = Package(
    name: "OneDay",
    targets: [
        .systemLibrary(name: "OneDayFFI", path: "Sources/OneDayFFI"),
        .target(
            name: "OneDay",
            dependencies: ["OneDayFFI"],
            swiftSettings: strict,
            // The generated module map has no `link` line.
            linkerSettings: [.linkedLibrary("oneday_ffi")]
        ),
        .testTarget(name: "OneDayTests", dependencies: ["OneDay"], swiftSettings: strict),
    ]
)
