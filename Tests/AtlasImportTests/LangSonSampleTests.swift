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
        #expect(try importer.importVillages(from: sample.appendingPathComponent("villages.csv")).rowCount == 2651)
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
        // Then it holds 1 province, 11 districts, 226 communes, 2651 villages and 400 works
        #expect(try database.unitCounts() == [.province: 1, .district: 11, .commune: 226])
        #expect(try database.units(kind: .province).map(\.code) == ["20"])
        #expect(try database.villageCount() == 2651)
        #expect(try database.workCount() == 400)
        #expect(try database.communeSummaries(year: 2018).count == 226)
        // And 2016-2020 carries the official count of Programme 135 communes (QĐ 900/QĐ-TTg: 133)
        #expect(try database.communeSummaries(year: 2018).filter { $0.flags.contains(.difficult135) }.count == 133)
        // And every work lies in a commune
        #expect(try database.works().allSatisfy { $0.communeCode != nil })
    }

    @Test func sampleWorksWhoseDeclaredCommuneDisagreesAreFlagged() throws {
        // Given the loaded sample
        let (database, directory) = try load()
        defer { try? FileManager.default.removeItem(at: directory) }
        // When LS-0297 and LS-0307 are read
        let a = try #require(try database.work(id: "LS-0297"))
        let b = try #require(try database.work(id: "LS-0307"))
        // Then each keeps its declared commune beside the one its point lies in
        #expect(a.work.declaredCommuneCode == "06118" && a.communeCode == "06328" && a.communeDisagrees)
        #expect(b.work.declaredCommuneCode == "06634" && b.communeCode == "06631" && b.communeDisagrees)
        // And they are the only two such works
        #expect(try database.works().filter(\.communeDisagrees).map(\.work.id) == ["LS-0297", "LS-0307"])
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

    /// A database of `units` (a Data/lang-son file) with the sample statistics (and classifications) given.
    private func loadLater(units: String, stats: String, classifications: String?) throws -> (AppDatabase, URL) {
        let root = Fixtures.repositoryRoot()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("worksatlas-ls-\(UUID().uuidString)")
        let database = try AppDatabase(path: directory.appendingPathComponent("atlas.sqlite").path)
        let importer = Importer(database: database)
        _ = try importer.importUnits(from: root.appendingPathComponent("Data/lang-son/\(units)"))
        _ = try importer.importStatistics(from: root.appendingPathComponent("Data/sample/\(stats)"))
        if let classifications {
            _ = try importer.importClassifications(from: root.appendingPathComponent("Data/sample/\(classifications)"))
        }
        return (database, directory)
    }

    /// Poor and all households of the province in `year`.
    private func provinceTotals(_ database: AppDatabase, _ year: Int) throws -> (poor: Int, households: Int) {
        let stats = try database.communeSummaries(year: year).compactMap(\.stats)
        return (stats.reduce(0) { $0 + $1.poorHouseholds }, stats.reduce(0) { $0 + $1.households })
    }

    @Test func laterSampleStatisticsSitOnTheUnitsInForceAndFollowTheProvinceFacts() throws {
        // Given the 2020 communes with the 2021-2023 statistics and the 2021-2025 classifications
        let (db2020, dir2020) = try loadLater(
            units: "units_2020.geojson", stats: "stats_2021-2023.csv", classifications: "classifications_2021-2025.csv")
        defer { try? FileManager.default.removeItem(at: dir2020) }
        // Then 2021 has the province's real rate of 12.2 % (province_facts.csv) on all 200 communes
        #expect(try db2020.communeSummaries(year: 2021).compactMap(\.stats).count == 200)
        let y2021 = try provinceTotals(db2020, 2021)
        #expect(y2021.poor == 27413 && y2021.households == 224689)
        #expect(abs(Double(y2021.poor) / Double(y2021.households) - 0.122) < 0.0005)
        // And the real classifications: Bình Gia and Văn Quan poor (36 communes), the 4 ATK communes,
        // and 88 sample difficult_135 communes (the region III count of QĐ 861/QĐ-TTg)
        let summaries = try db2020.communeSummaries(year: 2022)
        #expect(summaries.filter { $0.flags.contains(.poor30a) }.count == 36)
        #expect(Set(summaries.filter { $0.flags.contains(.safeZone) }.map(\.code)) == ["06325", "06328", "06358", "06364"])
        #expect(summaries.filter { $0.flags.contains(.difficult135) }.count == 88)
        // Given the 65 communes of 2025 with the 2024 statistics
        let (db2025, dir2025) = try loadLater(units: "units_2025-07.geojson", stats: "stats_2024.csv", classifications: nil)
        defer { try? FileManager.default.removeItem(at: dir2025) }
        // Then 2024 has the province's real rate of 3.36 %
        let y2024 = try provinceTotals(db2025, 2024)
        #expect(y2024.poor == 7779 && y2024.households == 231493)
        #expect(abs(Double(y2024.poor) / Double(y2024.households) - 0.0336) < 0.0005)
    }
}
