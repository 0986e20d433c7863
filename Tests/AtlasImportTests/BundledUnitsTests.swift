import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

@testable import AtlasImport

/// The bundled unit lists of every reorganisation agree with each other and with the real 2025
/// boundaries (Data/lang-son/SOURCES.md): 226 → 200 → 194 → 65 communes.
@Suite struct BundledUnitsTests {
    static let folder = Fixtures.repositoryRoot().appendingPathComponent("Data/lang-son")

    static func table(_ name: String) throws -> CSVTable {
        try CSVTable(bytes: Array(try Data(contentsOf: folder.appendingPathComponent(name))))
    }

    static func column(_ table: CSVTable, _ name: String, where filter: (CSVTable.Record) -> Bool = { _ in true }) -> [String] {
        let c = table.column(name)
        return table.records.filter(filter).compactMap { table.value($0, c) }
    }

    static func communeCodes(_ name: String) throws -> Set<String> {
        let t = try table(name)
        guard let level = t.column("level") else { return Set(column(t, "code")) }
        return Set(column(t, "code") { t.value($0, level) == "commune" })
    }

    @Test func eachVintageHasItsOfficialCount() throws {
        #expect(try Self.communeCodes("admin_units_2017.csv").count == 226)
        #expect(try Self.communeCodes("admin_units_2020.csv").count == 200)
        #expect(try Self.communeCodes("admin_units_2025-03.csv").count == 194)
        #expect(try Self.communeCodes("admin_units_2025-07.csv").count == 65)
    }

    @Test func the2025SuccessionsTakeEvery2025_03CommuneIntoOneOfThe65() throws {
        let successions = try Self.table("successions_2025_nq1672.csv")
        let old = Set(Self.column(successions, "legacy_code"))
        let new = Set(Self.column(successions, "new_code"))
        #expect(old == (try Self.communeCodes("admin_units_2025-03.csv")))
        #expect(new == (try Self.communeCodes("admin_units_2025-07.csv")))
    }

    @Test(.enabled(if: SpatiaLiteProbe.isAvailable))
    func realBoundariesOf2025ImportWithTheirAttribution() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ls-2025-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try AppDatabase(path: directory.appendingPathComponent("atlas.sqlite").path)
        let report = try Importer(database: database).importUnits(
            from: Self.folder.appendingPathComponent("units_2025-07.geojson"))
        #expect(report.rowCount == 66)
        let communes = try database.units(kind: .commune)
        #expect(Set(communes.map(\.code)) == (try Self.communeCodes("admin_units_2025-07.csv")))
        // No districts in 2025: every commune's parent is the province.
        #expect(communes.allSatisfy { $0.parentCode == "20" })
        let source = try #require(try database.dataSources().map(\.source).first { $0.file.hasSuffix("units_2025-07.geojson") })
        #expect(source.attribution?.contains("sapnhap.bando.com.vn") == true)
        #expect(source.notice?.contains("Official commune boundaries") == true)
    }
}
