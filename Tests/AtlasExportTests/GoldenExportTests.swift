import AtlasCoverage
import AtlasExport
import AtlasImport
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// The commune map and the works layer of the small world, byte for byte as committed in
/// `Golden/`: any change to what planners open in QGIS shows in review. GDAL's ogrinfo (an
/// independent reader) must read the golden files. Regenerate, when a change is meant, with
/// `WORKSATLAS_UPDATE_GOLDEN=1 swift test --filter GoldenExportTests`.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable)) struct GoldenExportTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let update = ProcessInfo.processInfo.environment["WORKSATLAS_UPDATE_GOLDEN"] == "1"

    static func world(works: Bool = true) throws -> (AppDatabase, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "atlas-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let database = try AppDatabase(path: directory.appendingPathComponent("atlas.sqlite").path)
        let importer = Importer(database: database)
        _ = try importer.importUnits(from: SmallWorld.url("units.geojson"))
        _ = try importer.importVillages(from: SmallWorld.url("villages.csv"))
        _ = try importer.importStatistics(from: SmallWorld.url("stats.csv"))
        _ = try importer.importClassifications(from: SmallWorld.url("classifications.csv"))
        if works { _ = try importer.importWorks(from: SmallWorld.url("works.geojson")) }
        return (database, directory)
    }

    func compare(_ written: URL, with name: String, features: Int) throws {
        let golden = Self.golden.appendingPathComponent(name)
        if Self.update { try FileManager.default.copyItem(at: written, to: golden) }
        let expected = try Data(contentsOf: golden)
        let actual = try Data(contentsOf: written)
        #expect(actual == expected, "\(name) differs from its golden file:\n\(String(decoding: actual, as: UTF8.self))")
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/ogrinfo") {
            let info = try Self.ogrinfo(golden.path)
            #expect(info.contains("Feature Count: \(features)"), "\(info)")
        }
    }

    @Test func communeMapAndWorksLayerMatchTheirGoldenFiles() throws {
        let (database, directory) = try Self.world()
        defer { try? FileManager.default.removeItem(at: directory) }
        if Self.update {
            try? FileManager.default.removeItem(at: Self.golden);
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
        }
        var communes = CommuneMapExport(year: 2018)
        communes.addCoverage(try CoverageEngine().run(on: database, statsYear: 2018))
        let exporter = GeoJSONExporter(database: database)
        let communesFile = directory.appendingPathComponent("communes.geojson")
        #expect(try exporter.writeCommunes(communes, to: communesFile.path) == 2)
        try compare(communesFile, with: "communes.geojson", features: 2)
        let worksFile = directory.appendingPathComponent("works.geojson")
        #expect(try exporter.writeWorks(to: worksFile.path) == 3)
        try compare(worksFile, with: "works.geojson", features: 3)
    }

    static func ogrinfo(_ path: String) throws -> String {
        try Tool.run("/usr/bin/ogrinfo", ["-so", "-al", path])
    }
}
