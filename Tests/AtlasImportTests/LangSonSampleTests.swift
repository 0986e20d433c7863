import AtlasExport
import AtlasImport
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// The bundled Lạng Sơn units and sample data load completely (Data/README.md).
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable))
struct LangSonSampleTests {
    static let sampleNotice = "Sample data for illustration, not official figures"
    static let schematicNotice = "Commune boundaries are schematic, not official"

    /// A temporary database holding the units, and, unless told otherwise, all the sample files.
    /// With `samples` the units are imported as Scripts/demo does, naming the schematic notice.
    private func load(samples: Bool = true) throws -> (database: AppDatabase, directory: URL) {
        let root = Fixtures.repositoryRoot()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "worksatlas-ls-\(UUID().uuidString)")
        let database = try AppDatabase(path: directory.appendingPathComponent("atlas.sqlite").path)
        let importer = Importer(database: database)
        let schematic = "Ranh giới xã: sơ đồ minh họa, không phải ranh giới chính thức / \(Self.schematicNotice)"
        let provenance = samples ? ImportProvenance(notice: schematic) : ImportProvenance()
        let units = try importer.importUnits(
            from: root.appendingPathComponent("Data/lang-son/units_2017.geojson"), provenance: provenance)
        #expect(units.rowCount == 238)
        guard samples else { return (database, directory) }
        let sample = root.appendingPathComponent("Data/sample")
        #expect(try importer.importVillages(from: sample.appendingPathComponent("villages.csv")).rowCount == 2617)
        _ = try importer.importStatistics(from: sample.appendingPathComponent("stats.csv"))
        _ = try importer.importClassifications(from: sample.appendingPathComponent("classifications.csv"))
        #expect(try importer.importWorks(from: sample.appendingPathComponent("works.geojson")).rowCount == 400)
        return (database, directory)
    }

    @Test func bundledDataLoadsWithTheRightCounts() throws {
        // Given the repository's Data folder (found from this file's path)
        // When the units and every sample file are imported
        let (database, directory) = try load()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Then it holds 1 province, 11 districts, 226 communes, 2617 villages and 400 works
        #expect(try database.unitCounts() == [.province: 1, .district: 11, .commune: 226])
        #expect(try database.units(kind: .province).map(\.code) == ["20"])
        #expect(try database.villageCount() == 2617)
        #expect(try database.workCount() == 400)
        #expect(try database.communeSummaries(year: 2018).count == 226)
        // And every work lies in a commune
        #expect(try database.works().allSatisfy { $0.communeCode != nil })
    }

    @Test func sampleWorksWhoseDeclaredCommuneDisagreesAreFlagged() throws {
        // Given the loaded sample
        let (database, directory) = try load()
        defer { try? FileManager.default.removeItem(at: directory) }
        // When LS-0235 and LS-0354 are read
        let a = try #require(try database.work(id: "LS-0235"))
        let b = try #require(try database.work(id: "LS-0354"))
        // Then each keeps its declared commune beside the one its point lies in
        #expect(a.work.declaredCommuneCode == "06055" && a.communeCode == "06076" && a.communeDisagrees)
        #expect(b.work.declaredCommuneCode == "06172" && b.communeCode == "06118" && b.communeDisagrees)
        // And they are the only two such works
        #expect(try database.works().filter(\.communeDisagrees).map(\.work.id) == ["LS-0235", "LS-0354"])
    }

    @Test func exportsCarryTheSampleDataNotice() throws {
        // Given the loaded sample
        let (database, directory) = try load()
        defer { try? FileManager.default.removeItem(at: directory) }
        // When the works layer and the commune map are exported
        let works = directory.appendingPathComponent("works.geojson").path
        let communes = directory.appendingPathComponent("communes.geojson").path
        #expect(try GeoJSONExporter(database: database).writeWorks(to: works) == 400)
        #expect(
            try GeoJSONExporter(database: database).writeCommunes(CommuneMapExport(year: 2018), to: communes) == 226)
        // Then both carry the sample-data notice (from the files) and the schematic-boundary one
        // (given with the units), and are strict RFC 7946
        for (path, idProperty) in [(works, "id"), (communes, "code")] {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            let notice = try #require(object["notice"] as? String)
            #expect(notice.contains(Self.sampleNotice))
            #expect(notice.contains(Self.schematicNotice))
            #expect(RFC7946Check.problems(in: text, idProperty: idProperty) == [])
        }
        if let (status, output) = try ogrinfoSummary(of: communes) {
            #expect(status == 0)
            #expect(output.contains("Feature Count: 226"))
        }
    }

    @Test func communeMapOfTheUnitsAloneCarriesTheSchematicNotice() throws {
        // Given only the units, whose commune polygons are schematic (Data/README.md: show the
        // notice on every map made from them)
        let (database, directory) = try load(samples: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        // When the commune map is exported
        let path = directory.appendingPathComponent("communes.geojson").path
        try GeoJSONExporter(database: database).writeCommunes(CommuneMapExport(year: 2018), to: path)
        // Then it says the boundaries are schematic
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // (from Data/lang-son/sources.json, read by the import)
        #expect(text.contains(Self.schematicNotice))
    }
}
