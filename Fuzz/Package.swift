// swift-tools-version:6.0
// libFuzzer targets for the parsers of WorksAtlas. A separate package so that the sanitizer
// flags and the fuzzers' entry points stay out of the main build; run them with Scripts/fuzz.
import PackageDescription

let package = Package(
    name: "WorksAtlasFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "WorksAtlas", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "FuzzGeoJSON",
            dependencies: [.product(name: "AtlasLibraries", package: "WorksAtlas")]
        ),
        .executableTarget(
            name: "FuzzCSV",
            dependencies: [.product(name: "AtlasLibraries", package: "WorksAtlas")]
        ),
        .executableTarget(
            name: "FuzzWKT",
            dependencies: [.product(name: "AtlasLibraries", package: "WorksAtlas")]
        ),
        .executableTarget(
            name: "FuzzQuery",
            dependencies: [.product(name: "AtlasLibraries", package: "WorksAtlas")]
        ),
    ]
)
