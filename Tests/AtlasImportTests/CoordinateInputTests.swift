import AtlasGeoJSON
import AtlasImport
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// Input coordinate systems, swapped latitude/longitude and positions outside the province.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable))
struct CoordinateInputTests {
    // `printf "385500 2328900\n375200 2340000\n" | cs2cs -f %.9f EPSG:9215 EPSG:4326` →
    //   21.050136941  106.150172182   (inside commune 00002)
    //   21.149709298  106.050277348   (inside commune 00001)
    static let tm3 = [
        (e: 385500.0, n: 2328900.0, lon: 106.150172182, lat: 21.050136941, commune: "00002"),
        (e: 375200.0, n: 2340000.0, lon: 106.050277348, lat: 21.149709298, commune: "00001"),
    ]

    private func pointFields(_ id: String) -> [String: JSONValue] {
        ["id": .string(id), "name": "Điểm thử", "programme": "135", "category": "water", "status": "proposed"]
    }

    @Test func vn2000TM3PointsLandWhereCs2csPutsThem() throws {
        // Given two works surveyed in VN-2000 / TM-3 107°15′ (EPSG:9215), as GeoJSON and as CSV
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let geojson = Fixtures.featureCollection([
            #"{"type":"Feature","id":"T-1","properties":{"id":"T-1","name":"Giếng","programme":"135","category":"water","status":"proposed"},"geometry":{"type":"Point","coordinates":[385500,2328900]}}"#
        ])
        let csv = "id,name,programme,category,status,lon,lat\nT-2,Giếng 2,135,water,proposed,375200,2340000\n"
        // When they are imported with --srid 9215
        _ = try world.importer.importWorks(from: try world.write("tm3.geojson", geojson), srid: 9215)
        _ = try world.importer.importWorks(from: try world.write("tm3.csv", csv), srid: 9215)
        // Then each is stored in WGS84 within 1e-6° of cs2cs, in the commune that holds it
        for (id, expected) in zip(["T-1", "T-2"], Self.tm3) {
            let stored = try #require(try world.database.work(id: id))
            guard case .point(let p) = stored.work.geometry else {
                Issue.record("\(id) is not a point")
                continue
            }
            #expect(abs(p.longitude - expected.lon) < 1e-6)
            #expect(abs(p.latitude - expected.lat) < 1e-6)
            #expect(stored.communeCode == expected.commune)
        }
    }

    @Test func vn2000TM3VillageIsAccepted() throws {
        // Given a village whose lon/lat columns hold TM-3 easting/northing
        let world = try FixtureWorld.make(villages: false)
        defer { world.remove() }
        let csv = "code,commune_code,name,lon,lat,households\n00002001,00002,Khối 1,385500,2328900,200\n"
        // When imported with srid 9215 it is taken; the same numbers read as lon/lat are refused
        #expect(try world.importer.importVillages(from: try world.write("v.csv", csv), srid: 9215).rowCount == 1)
        let fresh = try FixtureWorld.make(villages: false)
        defer { fresh.remove() }
        let failure = try #require(throws: ImportFailure.self) {
            try fresh.importer.importVillages(from: try fresh.write("v.csv", csv))
        }
        #expect(failure.problems.first?.field == "lon,lat")
        #expect(failure.problems.first?.reason.contains("not a valid longitude, latitude") == true)
    }

    @Test func swappedLatitudeAndLongitudeAreRefusedWithAHint() throws {
        // Given a work whose point is written (lat, lon) = (21.05, 106.05)
        let world = try FixtureWorld.make()
        defer { world.remove() }
        // When it is registered
        let failure = try #require(throws: ImportFailure.self) {
            try world.importer.addWork(fields: pointFields("S-1"), geometry: .point(Position(x: 21.05, y: 106.05)))
        }
        // Then it is refused and the reason says the axes look swapped
        #expect(failure.problems.count == 1)
        #expect(failure.problems.first?.field == "geometry")
        #expect(
            failure.problems.first?.reason
                == "(21.050000, 106.050000) is not a valid longitude, latitude; latitude and longitude look swapped (longitude comes first)"
        )
        #expect(try world.database.workCount() == 0)
    }

    @Test func swappedVertexOfALineIsNamed() throws {
        // Given a CSV line whose second vertex is swapped
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let csv =
            "id,name,programme,category,status,wkt\nS-2,Đường,135,road,proposed,\"LINESTRING(106.05 21.05, 21.06 106.06)\"\n"
        // When it is imported
        let failure = try #require(throws: ImportFailure.self) {
            try world.importer.importWorks(from: try world.write("s.csv", csv))
        }
        // Then the problem names line 2 and vertex 2 of 2, with the swap hint
        #expect(failure.problems.first?.location == "line 2")
        #expect(failure.problems.first?.reason.hasPrefix("vertex 2 of 2: ") == true)
        #expect(failure.problems.first?.reason.contains("swapped") == true)
    }

    @Test func farAwayPointIsRefusedAsOutsideTheProvinceWithoutSwapHint() throws {
        // Given a point at lon 105.0, lat 21.1: the province's west edge is lon 106.0, and
        // `printf "21.1 105.0\n21.1 106.0\n" | cs2cs -f %.3f EPSG:4326 EPSG:3405` puts the two
        // 103.86 km apart (499804.180 → 603667.071 east, 326 m north)
        let world = try FixtureWorld.make()
        defer { world.remove() }
        // When it is registered
        let failure = try #require(throws: ImportFailure.self) {
            try world.importer.addWork(fields: pointFields("F-1"), geometry: .point(Position(x: 105.0, y: 21.1)))
        }
        // Then it is refused as outside the province, about 104 km away, with no swap hint
        let reason = try #require(failure.problems.first?.reason)
        #expect(reason == "lon 105.000000, lat 21.100000 lies about 104 km outside the province boundary")
        #expect(!reason.contains("swapped"))
        #expect(try world.database.workCount() == 0)
    }

    @Test func pointJustOutsideTheBoundaryIsWithinTheBuffer() throws {
        // Given a point 0.005° (about 520 m) west of the province edge, inside the 1000 m buffer,
        // and one 0.02° (about 2.1 km) west of it
        let world = try FixtureWorld.make()
        defer { world.remove() }
        // When both are registered
        let near = try world.importer.addWork(
            fields: pointFields("B-1"), geometry: .point(Position(x: 105.995, y: 21.1)))
        let failure = try #require(throws: ImportFailure.self) {
            try world.importer.addWork(fields: pointFields("B-2"), geometry: .point(Position(x: 105.98, y: 21.1)))
        }
        // Then the near one is kept (in no commune) and the far one is refused as 2 km outside
        #expect(near.communeCode == nil)
        #expect(failure.problems.first?.reason.contains("about 2 km outside the province boundary") == true)
    }

    @Test func unsupportedSRIDIsRefused() throws {
        // Given the fixture world
        let world = try FixtureWorld.make()
        defer { world.remove() }
        // When a file is read with --srid 3857 (web mercator, not a Vietnamese survey system)
        let file = try world.write("w.csv", "id,name,programme,category,status,lon,lat\n")
        // Then the import is refused before reading any row
        #expect(throws: (any Error).self) { try world.importer.importWorks(from: file, srid: 3857) }
    }
}
