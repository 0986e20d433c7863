// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "WorksAtlas",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "worksatlas", targets: ["AtlasCLI"]),
        // For the fuzz targets in Fuzz/ (a separate package, built with sanitizers by Scripts/fuzz).
        .library(name: "AtlasLibraries", targets: ["AtlasGeoJSON", "AtlasStore", "AtlasImport", "AtlasHTTP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Writes the report workbooks (XLSX is a ZIP of XML parts).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CSpatiaLite",
            pkgConfig: "spatialite",
            providers: [.apt(["libspatialite-dev"])]
        ),
        .systemLibrary(
            name: "CProj",
            pkgConfig: "proj",
            providers: [.apt(["libproj-dev"])]
        ),
        .systemLibrary(
            name: "CGDAL",
            pkgConfig: "gdal",
            providers: [.apt(["libgdal-dev"])]
        ),
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        .target(name: "AtlasModel"),
        .target(name: "AtlasSpatial", dependencies: ["AtlasModel"]),
        .target(name: "AtlasGeoJSON", dependencies: ["AtlasModel"]),
        // The field's file formats (XLSX, ODS, Shapefile, GeoPackage, KML, GPX, FlatGeobuf) through GDAL's C API.
        .target(name: "AtlasGDAL", dependencies: ["AtlasModel", "CGDAL"]),
        .target(
            name: "AtlasStore",
            dependencies: [
                "AtlasModel", "AtlasSpatial", "CSpatiaLite", "CProj",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                // PBKDF2 for passwords (BoringSSL underneath, as Crypto's hashes).
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(name: "AtlasImport", dependencies: ["AtlasModel", "AtlasGeoJSON", "AtlasSpatial", "AtlasStore", "AtlasGDAL"]),
        .target(name: "AtlasCoverage", dependencies: ["AtlasModel", "AtlasSpatial", "AtlasStore"]),
        .target(name: "AtlasExport", dependencies: ["AtlasModel", "AtlasGeoJSON", "AtlasStore", "AtlasCoverage", "AtlasGDAL"]),
        // Printable maps drawn with cairo (PDF, PNG, SVG from one drawing).
        .target(
            name: "AtlasReports",
            dependencies: [
                "AtlasModel", "AtlasSpatial", "AtlasStore", "AtlasCoverage", "AtlasExport", "CCairo",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .target(
            name: "AtlasHTTP",
            dependencies: [
                "AtlasModel", "AtlasGeoJSON", "AtlasStore", "AtlasImport", "AtlasCoverage", "AtlasExport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "AtlasCLI",
            dependencies: [
                "AtlasModel", "AtlasGeoJSON", "AtlasStore", "AtlasImport", "AtlasCoverage", "AtlasExport", "AtlasHTTP",
                "AtlasReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What several test targets share: the seeded generator, the sqlite3 shell, the SpatiaLite probe.
        .target(name: "AtlasTestSupport", dependencies: ["AtlasStore"], path: "Tests/AtlasTestSupport"),
        .testTarget(name: "AtlasModelTests", dependencies: ["AtlasModel"]),
        .testTarget(name: "AtlasGeoJSONTests", dependencies: ["AtlasTestSupport", "AtlasGeoJSON"]),
        .testTarget(name: "AtlasSpatialTests", dependencies: ["AtlasTestSupport", "AtlasSpatial"]),
        .testTarget(name: "AtlasStoreTests", dependencies: ["AtlasTestSupport", "AtlasStore"]),
        .testTarget(
            name: "AtlasImportTests",
            dependencies: [
                "AtlasImport", "AtlasStore", "AtlasExport", "AtlasCoverage", "AtlasGeoJSON", "AtlasSpatial",
                "AtlasGDAL", "AtlasTestSupport",
            ],
            // make_workbook.py writes the .xlsx files the office-file tests read.
            exclude: ["Scripts"]
        ),
        .testTarget(
            name: "AtlasCoverageTests",
            dependencies: ["AtlasTestSupport", "AtlasCoverage", "AtlasImport", "AtlasStore"]),
        .testTarget(
            name: "AtlasExportTests",
            dependencies: ["AtlasExport", "AtlasGDAL", "AtlasImport", "AtlasCoverage", "AtlasStore", "AtlasTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "AtlasReportsTests",
            dependencies: ["AtlasReports", "AtlasExport", "AtlasImport", "AtlasStore", "AtlasModel", "AtlasTestSupport", "CCairo"]),
        .testTarget(name: "AtlasCLITests", dependencies: ["AtlasTestSupport", "AtlasCLI", "AtlasModel"], exclude: ["Help"]),
        .testTarget(
            name: "AtlasHTTPTests",
            dependencies: [
                "AtlasHTTP", "AtlasStore", "AtlasImport", "AtlasTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
