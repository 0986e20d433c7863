import AtlasImport
import AtlasStore
import AtlasTestSupport
import Foundation

/// `GapsWorld` imported through the real `Importer` into a fresh in-memory store.
enum GapsFixture {
    static func makeWorld() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gaps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func file(_ name: String, _ text: String) throws -> URL {
            let url = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url
        }
        let importer = Importer(database: database)
        _ = try importer.importUnits(from: file("units.geojson", GapsWorld.units), srid: 3405)
        _ = try importer.importVillages(from: file("villages.csv", GapsWorld.villages), srid: 3405)
        _ = try importer.importStatistics(from: file("stats.csv", GapsWorld.stats))
        _ = try importer.importClassifications(from: file("classifications.csv", GapsWorld.classifications))
        _ = try importer.importWorks(from: file("works.csv", GapsWorld.works), srid: 3405)
        return database
    }
}
