import AtlasImport
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// Invalid geometry and unsafe JSON are refused with the reason and the feature (SPEC §6).
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable))
struct GeometryValidationTests {
    private func feature(_ id: String, _ geometry: String) -> String {
        #"{"type":"Feature","id":"\#(id)","properties":{"id":"\#(id)","name":"Công trình \#(id)","programme":"135","category":"irrigation","status":"proposed"},"geometry":\#(geometry)}"#
    }

    @Test func invalidGeometriesAreRefusedWithReasonAndFeature() throws {
        // Given one good feature and four bad ones (feature i on line i + 2)
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let text = Fixtures.featureCollection([
            feature("V-0", #"{"type":"Point","coordinates":[106.05,21.05]}"#),
            // a bow-tie: the edges (106.02,21.02)-(106.08,21.08) and (106.08,21.02)-(106.02,21.08) cross at (106.05,21.05)
            feature(
                "V-1",
                #"{"type":"Polygon","coordinates":[[[106.02,21.02],[106.08,21.08],[106.08,21.02],[106.02,21.08],[106.02,21.02]]]}"#
            ),
            feature(
                "V-2",
                #"{"type":"Polygon","coordinates":[[[106.02,21.02],[106.04,21.02],[106.04,21.04],[106.02,21.04]]]}"#),
            feature("V-3", #"{"type":"LineString","coordinates":[[106.05,21.05]]}"#),
            feature("V-4", #"{"type":"Point","coordinates":[1e400,21.05]}"#),
        ])
        // When the file is imported
        let failure = try #require(throws: ImportFailure.self) {
            try world.importer.importWorks(from: try world.write("bad.geojson", text))
        }
        // Then each bad feature has one problem on its geometry, naming it by index, id and line
        let byLocation = Dictionary(grouping: failure.problems, by: \.location)
        #expect(failure.problems.count == 4)
        #expect(failure.problems.allSatisfy { $0.field == "geometry" })
        let bowTie = try #require(byLocation["feature 1 (id \"V-1\", line 3)"]?.first)
        #expect(bowTie.reason.hasPrefix("invalid geometry: Self-intersection"))
        #expect(bowTie.value == "Polygon")
        let unclosed = try #require(byLocation["feature 2 (id \"V-2\", line 4)"]?.first)
        #expect(unclosed.reason == "ring 0 is not closed: first [106.02, 21.02] last [106.02, 21.04]")
        let onePosition = try #require(byLocation["feature 3 (id \"V-3\", line 5)"]?.first)
        #expect(onePosition.reason == "LineString has 1 position; it needs at least 2")
        let infinite = try #require(byLocation["feature 4 (id \"V-4\", line 6)"]?.first)
        #expect(infinite.reason == "coordinates[0]: 1e400 is not a finite number")
        // And nothing was stored, not even V-0
        #expect(try world.database.workCount() == 0)
    }

    @Test func bowTieGivenAsWKTIsRefusedToo() throws {
        // Given the bow-tie as WKT in a CSV
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let csv = """
            id,name,programme,category,status,wkt
            V-1,Ao,135,irrigation,proposed,"POLYGON((106.02 21.02, 106.08 21.08, 106.08 21.02, 106.02 21.08, 106.02 21.02))"

            """
        // When it is imported, then GEOS's reason is given for line 2
        let failure = try #require(throws: ImportFailure.self) {
            try world.importer.importWorks(from: try world.write("bad.csv", csv))
        }
        #expect(failure.problems.count == 1)
        #expect(failure.problems.first?.location == "line 2")
        #expect(failure.problems.first?.reason.hasPrefix("invalid geometry: Self-intersection") == true)
    }

    @Test func duplicateKeysInPropertiesAreRefusedNamingTheKey() throws {
        // Given a feature on line 3 whose properties give "name" twice
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let duplicate =
            #"{"type":"Feature","id":"K-1","properties":{"id":"K-1","name":"A","programme":"135","category":"water","status":"proposed","name":"B"},"geometry":{"type":"Point","coordinates":[106.05,21.05]}}"#
        let text = Fixtures.featureCollection([
            feature("K-0", #"{"type":"Point","coordinates":[106.04,21.04]}"#), duplicate,
        ])
        // When the file is imported
        let failure = try #require(throws: ImportFailure.self) {
            try world.importer.importWorks(from: try world.write("dup.geojson", text))
        }
        // Then the whole file is refused with a message naming the key and its line
        #expect(failure.problems.count == 1)
        let reason = try #require(failure.problems.first?.reason)
        #expect(reason.contains("duplicate key \"name\""))
        #expect(reason.contains("line 3"))
        #expect(try world.database.workCount() == 0)
    }

    @Test func nanLiteralIsRefused() throws {
        // Given a coordinate written NaN (not JSON)
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let text = Fixtures.featureCollection([feature("N-1", #"{"type":"Point","coordinates":[NaN,21.05]}"#)])
        // When imported, then the file is refused saying NaN is not a number
        let failure = try #require(throws: ImportFailure.self) {
            try world.importer.importWorks(from: try world.write("nan.geojson", text))
        }
        #expect(failure.problems.first?.reason.contains("NaN") == true)
        #expect(try world.database.workCount() == 0)
    }

    @Test func invalidUnitBoundaryIsRefused() throws {
        // Given a units file whose commune is a bow-tie
        let world = try FixtureWorld.make(villages: false)
        defer { world.remove() }
        let text = Fixtures.featureCollection([
            #"{"type":"Feature","properties":{"code":"00003","name":"Xã Nơ","kind":"commune","parent_code":"178"},"geometry":{"type":"Polygon","coordinates":[[[106.02,21.02],[106.08,21.08],[106.08,21.02],[106.02,21.08],[106.02,21.02]]]}}"#
        ])
        // When imported, then GEOS's reason names feature 0 and the commune is not stored
        let failure = try #require(throws: ImportFailure.self) {
            try world.importer.importUnits(from: try world.write("bad-units.geojson", text))
        }
        #expect(failure.problems.first?.location == "feature 0 (line 2)")
        #expect(failure.problems.first?.reason.hasPrefix("invalid geometry: Self-intersection") == true)
        #expect(try world.database.units(kind: .commune).map(\.code) == ["00001", "00002"])
    }
}
