import AtlasImport
import AtlasModel
@testable import AtlasStore
import AtlasTestSupport
import Foundation
import GRDB
import Testing

/// A large import into an empty works table loads the rows first and builds the R*Tree and the
/// secondary indexes afterwards; what it stores must be what the row-by-row path stores.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable))
struct BulkImportTests {
    /// Comfortably above `BulkWorkLoader.minimumRows`, so a single file takes the bulk path.
    static let workCount = 3 * BulkWorkLoader.minimumRows / 2

    /// Points, lines and polygons spread over both fixture communes, with villages served and
    /// funding per source on some.
    static func features(count: Int, badAt bad: Int? = nil) -> [String] {
        var random = SplitMix64(seed: 7)
        func coordinate(_ lo: Double, _ hi: Double) -> Double {
            lo + (hi - lo) * Double(random.next() % 1_000_000) / 1_000_000
        }
        return (0..<count).map { i in
            let id = String(format: "B-%05d", (i * 7919) % count)
            let lon = coordinate(106.01, 106.19)
            let lat = coordinate(21.01, 21.14)
            let geometry: String
            switch i % 3 {
            case 0: geometry = #"{"type":"Point","coordinates":[\#(lon),\#(lat)]}"#
            case 1: geometry = #"{"type":"LineString","coordinates":[[\#(lon),\#(lat)],[\#(lon + 0.005),\#(lat + 0.003)]]}"#
            default:
                geometry =
                    #"{"type":"Polygon","coordinates":[[[\#(lon),\#(lat)],[\#(lon + 0.002),\#(lat)],[\#(lon + 0.002),\#(lat + 0.002)],[\#(lon),\#(lat)]]]}"#
            }
            let villages = i % 4 == 0 ? (lon < 106.1 ? #"["00001002","00001001"]"# : #"["00002001"]"#) : "[]"
            let funding =
                i % 5 == 0
                ? #""planned_central_vnd":\#(1_000 * i),"disbursed_central_vnd":\#(500 * i),"labour_days":\#(i % 90)"#
                : #""planned_vnd":\#(2_000 * i)"#
            let category = i == bad ? "bridge" : "water"
            return
                #"{"type":"Feature","properties":{"id":"\#(id)","name":"Công trình \#(id)","programme":"135","category":"\#(category)","status":"approved","approved_on":"2017-01-01","villages_served":\#(villages),\#(funding)},"geometry":\#(geometry)}"#
        }
    }

    /// Everything a works import writes, read back in a fixed order.
    static func contents(of database: AppDatabase) throws -> [String] {
        try database.dbWriter.read { db in
            var lines: [String] = []
            for sql in [
                "SELECT id, name, communeCode, lengthM, hex(geometry), hex(metricGeometry), plannedVND, registeredOn FROM work ORDER BY id",
                "SELECT workId, villageCode FROM workVillage ORDER BY workId, villageCode",
                "SELECT workId, source, plannedVND, disbursedVND, labourDays FROM fundingLine ORDER BY workId, id",
                "SELECT w.id, r.xmin, r.xmax, r.ymin, r.ymax FROM idx_work_geometry r JOIN work w ON w.rowid = r.pkid ORDER BY w.id",
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('work', 'workVillage', 'fundingLine') ORDER BY name",
            ] {
                for row in try Row.fetchAll(db, sql: sql) { lines.append(row.description) }
            }
            return lines
        }
    }

    /// The ids an R*Tree window query finds.
    static func idsInWindow(_ database: AppDatabase, minX: Double, maxX: Double, minY: Double, maxY: Double) throws
        -> [String]
    {
        try database.dbWriter.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT w.id FROM work w JOIN idx_work_geometry r ON r.pkid = w.rowid
                    WHERE r.xmax >= ? AND r.xmin <= ? AND r.ymax >= ? AND r.ymin <= ? ORDER BY w.id
                    """, arguments: [minX, maxX, minY, maxY])
        }
    }

    static func spatialIndexCheck(_ database: AppDatabase) throws -> Int? {
        try database.dbWriter.write { try Int.fetchOne($0, sql: "SELECT CheckSpatialIndex('work', 'geometry')") }
    }

    @Test func bulkImportOfAFreshFileStoresWhatTheRowByRowPathStores() throws {
        // Given the same works, once as one file (bulk path) and once as files below the bulk
        // threshold (row by row)
        let features = Self.features(count: Self.workCount)
        let bulk = try FixtureWorld.make()
        defer { bulk.remove() }
        let incremental = try FixtureWorld.make()
        defer { incremental.remove() }
        // When each is imported
        _ = try bulk.importer.importWorks(
            from: try bulk.write("works.geojson", Fixtures.featureCollection(features)))
        let part = BulkWorkLoader.minimumRows - 1
        for (n, start) in stride(from: 0, to: features.count, by: part).enumerated() {
            let slice = Array(features[start..<min(start + part, features.count)])
            _ = try incremental.importer.importWorks(
                from: try incremental.write("works-\(n).geojson", Fixtures.featureCollection(slice)))
        }
        // Then both hold the same rows, villages, funding lines, index boxes and indexes
        #expect(try bulk.database.workCount() == Self.workCount)
        let bulkContents = try Self.contents(of: bulk.database)
        let incrementalContents = try Self.contents(of: incremental.database)
        #expect(bulkContents.count == incrementalContents.count)
        #expect(bulkContents == incrementalContents)
        // And SpatiaLite finds both spatial indexes consistent with the geometries
        #expect(try Self.spatialIndexCheck(bulk.database) == 1)
        #expect(try Self.spatialIndexCheck(incremental.database) == 1)
        // And window queries through the R*Tree find the same works
        for (minX, maxX, minY, maxY) in [
            (106.0, 106.2, 21.0, 21.2), (106.05, 106.06, 21.05, 21.07), (106.099, 106.101, 21.0, 21.2),
            (106.15, 106.19, 21.1, 21.15),
        ] {
            let found = try Self.idsInWindow(bulk.database, minX: minX, maxX: maxX, minY: minY, maxY: maxY)
            #expect(!found.isEmpty)
            #expect(
                found == (try Self.idsInWindow(incremental.database, minX: minX, maxX: maxX, minY: minY, maxY: maxY)))
        }
        // And the stored works read back the same through the store
        let bulkWorks = try bulk.database.works().map { "\($0.work) \($0.communeCode ?? "-")" }
        #expect(bulkWorks == (try incremental.database.works().map { "\($0.work) \($0.communeCode ?? "-")" }))
    }

    @Test func aBadRowInTheMiddleOfALargeFileWritesNothing() throws {
        // Given a file large enough for the bulk path whose middle row has an unknown category
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let bad = Self.workCount / 2
        let file = try world.write(
            "works.geojson", Fixtures.featureCollection(Self.features(count: Self.workCount, badAt: bad)))
        // When it is imported
        let failure = try #require(throws: ImportFailure.self) { try world.importer.importWorks(from: file) }
        // Then exactly that row is reported and nothing is stored: no work, index box or source
        #expect(failure.problems.count == 1)
        #expect(failure.problems.first?.location.hasPrefix("feature \(bad) ") == true)
        #expect(failure.problems.first?.field == "category")
        #expect(try world.database.workCount() == 0)
        let leftovers = try world.database.dbWriter.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT (SELECT count(*) FROM idx_work_geometry) + (SELECT count(*) FROM workVillage)
                        + (SELECT count(*) FROM fundingLine) + (SELECT count(*) FROM dataSource WHERE kind = 'works')
                    """)
        }
        #expect(leftovers == 0)
        // And a later good import of the same works still takes the bulk path and succeeds
        _ = try world.importer.importWorks(
            from: try world.write("good.geojson", Fixtures.featureCollection(Self.features(count: Self.workCount))))
        #expect(try world.database.workCount() == Self.workCount)
        #expect(try Self.spatialIndexCheck(world.database) == 1)
    }

    @Test func aFailureWhileWritingRollsTheBulkLoadBack() throws {
        // Given an empty works table and rows whose last one breaks a constraint of the store
        // (a funding line above the per-line ceiling, which only the database checks here)
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let good = Self.features(count: Self.workCount)
        _ = try world.importer.importWorks(
            from: try world.write("works.geojson", Fixtures.featureCollection(good)))
        let rows = try world.database.works().map { stored in
            WorkRow(work: stored.work, metricGeometry: stored.work.geometry, communeCode: nil, lengthM: nil)
        }
        let fresh = try FixtureWorld.make()
        defer { fresh.remove() }
        var broken = rows
        broken[broken.count - 1].work.id = broken[0].work.id
        // When the store is asked to save them
        #expect(throws: (any Error).self) {
            try fresh.database.saveWorks(
                broken, source: DataSource(kind: "works", file: "broken"), recordedOn: Fixtures.date("2020-01-01"))
        }
        // Then nothing of the load remains, and the dropped indexes are back
        #expect(try fresh.database.workCount() == 0)
        let indexes = try fresh.database.dbWriter.read { db in
            try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('work_commune', 'fundingLine_work')")
        }
        #expect(indexes.sorted() == ["fundingLine_work", "work_commune"])
        #expect(try Self.spatialIndexCheck(fresh.database) == 1)
    }
}
