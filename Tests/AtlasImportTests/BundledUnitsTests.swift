import AtlasModel
import AtlasSpatial
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

    /// The schematic vintages, each with its number of communes and the date its units ended.
    static let vintages: [(file: String, communes: Int)] = [
        ("units_2017.geojson", 226), ("units_2020.geojson", 200), ("units_2024-12.geojson", 194),
    ]

    /// A fresh database holding only `file`'s units.
    static func database(with file: String) throws -> (database: AppDatabase, directory: URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ls-units-\(UUID().uuidString)")
        let database = try AppDatabase(path: directory.appendingPathComponent("atlas.sqlite").path)
        _ = try Importer(database: database).importUnits(from: folder.appendingPathComponent(file))
        return (database, directory)
    }

    /// Metric polygons of one kind, by code.
    static func polygons(_ database: AppDatabase, _ kind: UnitKind) throws -> [String: PlanarPolygon] {
        var result: [String: PlanarPolygon] = [:]
        for unit in try database.metricUnits(kind: kind) { result[unit.code] = PlanarPolygon(unit.geometry) }
        return result
    }

    /// The largest overlap between two polygons of `polygons`, in m².
    static func largestOverlap(_ polygons: [String: PlanarPolygon]) -> Double {
        let codes = polygons.keys.sorted()
        var largest = 0.0
        for (i, a) in codes.enumerated() {
            for b in codes[(i + 1)...] {
                guard let pa = polygons[a], let pb = polygons[b], pa.boundingBox.intersects(pb.boundingBox) else { continue }
                largest = max(largest, pa.intersectionArea(with: pb))
            }
        }
        return largest
    }

    @Test(.enabled(if: SpatiaLiteProbe.isAvailable), arguments: vintages.map(\.file))
    func eachSchematicVintageImportsIntoItsOwnDatabase(file: String) throws {
        let communes = try #require(Self.vintages.first { $0.file == file }).communes
        let (database, directory) = try Self.database(with: file)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try database.unitCounts() == [.province: 1, .district: 11, .commune: communes])
        let districts = Set(try database.units(kind: .district).map(\.code))
        #expect(try database.units(kind: .commune).allSatisfy { districts.contains($0.parentCode ?? "") })
        let source = try #require(try database.dataSources().map(\.source).first { $0.file.hasSuffix(file) })
        #expect(source.notice?.contains("Commune boundaries are schematic, not official") == true)
        #expect(source.attribution?.contains("sapnhap.bando.com.vn") == true)
        // The cells cover the province once: no overlaps, and their areas add up to the province's.
        let cells = try Self.polygons(database, .commune)
        let province = try #require(try Self.polygons(database, .province)["20"])
        let total = cells.values.reduce(0) { $0 + $1.area }
        #expect(abs(total - province.area) / province.area < 0.001)
        #expect(Self.largestOverlap(cells) < 1)
    }

    /// The 2025 communes each unit of `date`'s predecessor list ends up in, following
    /// successions.csv (a code not listed on a date carries on unchanged).
    static func targets2025(from date: String, codes: Set<String>) throws -> [String: Set<String>] {
        let table = try table("successions.csv")
        let (oldC, newC, dateC) = (table.column("old_code"), table.column("new_code"), table.column("effective_on"))
        var next: [String: [String: [String]]] = [:]  // date → old → new
        for record in table.records {
            guard let old = table.value(record, oldC), let new = table.value(record, newC),
                let on = table.value(record, dateC)
            else { continue }
            next[on, default: [:]][old, default: []].append(new)
        }
        let dates = ["2020-01-01", "2024-12-01", "2025-07-01"].drop { $0 < date }
        let lists = [
            "2020-01-01": try communeCodes("admin_units_2020.csv"), "2024-12-01": try communeCodes("admin_units_2025-03.csv"),
            "2025-07-01": try communeCodes("admin_units_2025-07.csv"),
        ]
        var result: [String: Set<String>] = [:]
        for code in codes {
            var current: Set<String> = [code]
            for d in dates {
                current = Set(current.flatMap { c in next[d]?[c] ?? ((lists[d] ?? []).contains(c) ? [c] : []) })
            }
            result[code] = current
        }
        return result
    }

    @Test(.enabled(if: SpatiaLiteProbe.isAvailable), arguments: [
        ("units_2017.geojson", "2020-01-01"), ("units_2020.geojson", "2024-12-01"), ("units_2024-12.geojson", "2025-07-01"),
    ])
    func everyCellLiesInThe2025CommunesItsSuccessionsName(file: String, firstChange: String) throws {
        let (real, realDirectory) = try Self.database(with: "units_2025-07.geojson")
        defer { try? FileManager.default.removeItem(at: realDirectory) }
        let (schematic, directory) = try Self.database(with: file)
        defer { try? FileManager.default.removeItem(at: directory) }
        let communes2025 = try Self.polygons(real, .commune)
        let cells = try Self.polygons(schematic, .commune)
        let targets = try Self.targets2025(from: firstChange, codes: Set(cells.keys))
        let unresolved = try Self.table("successions_unresolved.csv")
        let unknown = Set(Self.column(unresolved, "old_code"))
        for (code, cell) in cells.sorted(by: { $0.key < $1.key }) {
            let named = targets[code] ?? []
            if named.isEmpty {
                // Only a unit listed as unresolved may have no known 2025 commune.
                #expect(unknown.contains(code), "\(code) has no successor and is not listed as unresolved")
                continue
            }
            let inside = named.reduce(0) { $0 + (communes2025[$1]?.intersectionArea(with: cell) ?? 0) }
            #expect(inside >= 0.999 * cell.area, "\(code) lies outside \(named.sorted())")
        }
        // The unresolved units without any known target are exactly the removed ones of 2020.
        if file == "units_2017.geojson" {
            let noTarget = Set(cells.keys.filter { (targets[$0] ?? []).isEmpty })
            #expect(noTarget.count == 13)
            #expect(noTarget.isSubset(of: unknown))
        }
    }

    @Test(.enabled(if: SpatiaLiteProbe.isAvailable))
    func the65CommunesOf2025CoverTheProvinceOnce() throws {
        let (database, directory) = try Self.database(with: "units_2025-07.geojson")
        defer { try? FileManager.default.removeItem(at: directory) }
        let communes = try Self.polygons(database, .commune)
        let province = try #require(try Self.polygons(database, .province)["20"])
        let total = communes.values.reduce(0) { $0 + $1.area }
        #expect(communes.count == 65)
        #expect(abs(total - province.area) / province.area < 0.001)
        // The source's neighbours overlap by slivers (≈ 9,000 m² at most, SOURCES.md), never more.
        #expect(Self.largestOverlap(communes) < 10_000)
    }

    @Test func successionsFollowTheReaderRules() throws {
        let units: [String: Set<String>] = [
            "2017": try Self.communeCodes("admin_units_2017.csv"), "2020": try Self.communeCodes("admin_units_2020.csv"),
            "2024": try Self.communeCodes("admin_units_2025-03.csv"), "2025": try Self.communeCodes("admin_units_2025-07.csv"),
        ]
        func vintage(on date: CalendarDate) -> String {
            let d = date.description
            return d < "2020-01-01" ? "2017" : d < "2024-12-01" ? "2020" : d < "2025-07-01" ? "2024" : "2025"
        }
        let read = try SuccessionReader.read(
            Self.folder.appendingPathComponent("successions.csv"),
            unitsInForce: { units[vintage(on: $0)] ?? [] })
        #expect(read.count == 231)
        #expect(Set(read.map(\.effectiveOn.description)) == ["2020-01-01", "2024-12-01", "2025-07-01"])
        // Bắc Ái's two parts carry the population shares of NQ 818 (397 and 702 people).
        #expect(abs(read.filter { $0.oldCode == "06052" }.compactMap(\.share).reduce(0, +) - 1) < 1e-9)
    }
}
