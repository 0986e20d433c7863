import AtlasImport
import AtlasModel
import AtlasReports
import AtlasStore
import AtlasTestSupport
import Foundation

/// The map world imported into a fresh database in a temporary folder, where the maps go too.
struct MapFixture {
    let directory: URL
    let database: AppDatabase

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-map-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try AppDatabase(path: directory.appendingPathComponent("atlas.sqlite").path)
        let importer = Importer(database: database)
        _ = try importer.importUnits(from: MapWorld.url("units.geojson"))
        _ = try importer.importVillages(from: MapWorld.url("villages.csv"))
        _ = try importer.importStatistics(from: MapWorld.url("stats.csv"))
        _ = try importer.importWorks(from: MapWorld.url("works.geojson"))
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    func renderer(
        _ indicator: MapIndicator = .povertyRate, year: Int = 2020, works: [WorkCategory] = [], paper: MapPaper = .a4
    ) throws -> MapRenderer {
        MapRenderer(
            map: try PrintMap.load(from: database, indicator: indicator, year: year, categories: works), paper: paper)
    }
}

/// The readers of the tests: poppler's pdfinfo and pdftotext (Debian poppler-utils).
enum Poppler {
    static let isAvailable =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo")

    static func text(_ pdf: String) throws -> String { try Tool.run("/usr/bin/pdftotext", ["-enc", "UTF-8", pdf, "-"]) }

    /// pdfinfo's "Page size: 595 x 842 pts (A4)" as (595, 842).
    static func pageSize(_ pdf: String) throws -> (Double, Double)? {
        let info = try Tool.run("/usr/bin/pdfinfo", [pdf])
        guard let line = info.split(separator: "\n").first(where: { $0.hasPrefix("Page size:") }) else { return nil }
        let numbers = line.split(separator: " ").compactMap { Double($0) }
        return numbers.count >= 2 ? (numbers[0], numbers[1]) : nil
    }
}

extension String {
    /// Without any whitespace: pdftotext's spacing of a line is not the text's.
    var squeezed: String { filter { !$0.isWhitespace } }
}

extension String {
    func leftPadded(to length: Int) -> String { String(repeating: "0", count: Swift.max(0, length - count)) + self }
}
