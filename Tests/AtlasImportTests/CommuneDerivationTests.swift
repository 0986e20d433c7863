import AtlasGeoJSON
import AtlasImport
import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// The commune of a work is derived from its geometry (SPEC §1): containing commune for a point
/// (lowest code on a shared boundary), largest length for a line, largest area for a polygon.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable))
struct CommuneDerivationTests {
    private func register(
        _ id: String, _ geometry: Geometry, category: String = "water", declared: String? = nil, in world: FixtureWorld
    ) throws -> StoredWork {
        var fields: [String: JSONValue] = [
            "id": .string(id), "name": .string("Công trình \(id)"), "programme": "135",
            "category": .string(category), "status": "approved",
        ]
        if let declared { fields["commune_code"] = .string(declared) }
        return try world.importer.addWork(fields: fields, geometry: geometry)
    }

    private func p(_ x: Double, _ y: Double) -> Position { Position(x: x, y: y) }

    @Test func pointInsideACommuneGoesToIt() throws {
        // Given the fixture world
        let world = try FixtureWorld.make()
        defer { world.remove() }
        // When points well inside each commune are registered
        let east = try register("P-2", .point(p(106.15, 21.05)), in: world)
        let west = try register("P-1", .point(p(106.05, 21.15)), in: world)
        // Then each goes to the commune holding it, with the district above it
        #expect(east.communeCode == "00002")
        #expect(west.communeCode == "00001")
        #expect(east.districtCode == "178")
    }

    @Test func pointOnTheSharedEdgeGoesToTheLowestCode() throws {
        // Given the fixture world, whose communes share the vertex (106.1, 21.1)
        let world = try FixtureWorld.make()
        defer { world.remove() }
        // When a point is registered exactly there, and one at the shared corner (106.1, 21.0)
        let edge = try register("E-1", .point(p(106.1, 21.1)), in: world)
        let corner = try register("E-2", .point(p(106.1, 21.0)), in: world)
        // Then both belong to 00001 and 00002, so go to the lower code 00001
        #expect(edge.communeCode == "00001")
        #expect(corner.communeCode == "00001")
    }

    @Test func pointOnTheSharedEdgeBetweenVerticesGoesToTheLowestCode() throws {
        // Given a point on the shared edge lon 106.1, halfway between its vertices at lat 21.0 and 21.1
        let world = try FixtureWorld.make()
        defer { world.remove() }
        // When it is registered
        let stored = try register("E-3", .point(p(106.1, 21.05)), in: world)
        // Then SPEC §1 puts it in the lowest code, 00001
        // (points are located in WGS84, where the GeoJSON edge is straight: in EPSG:3405 the point
        // would sit 0.043 m east of the projected chord, inside 00002)
        #expect(stored.communeCode == "00001")
    }

    @Test func lineGoesToTheCommuneHoldingMostOfItsLength() throws {
        // Given the fixture world
        let world = try FixtureWorld.make()
        defer { world.remove() }
        // When a road from lon 106.07 to 106.17 at lat 21.1 is registered (0.03° = 30 % west of
        // the edge lon 106.1, 0.07° = 70 % east of it) and its mirror 106.03 → 106.13 (70 % / 30 %)
        let eastward = try register(
            "R-1", .lineString([p(106.07, 21.1), p(106.17, 21.1)]), category: "road", in: world)
        let westward = try register(
            "R-2", .lineString([p(106.03, 21.1), p(106.13, 21.1)]), category: "road", in: world)
        // Then each goes to the commune with 70 % of it
        #expect(eastward.communeCode == "00002")
        #expect(westward.communeCode == "00001")
        // And its length is the EPSG:3405 chord of its ends (see Fixtures.roadLengthM)
        #expect(abs((eastward.lengthM ?? 0) - Fixtures.roadLengthM) < 0.05)
    }

    @Test func multiLineStringSumsItsPieces() throws {
        // Given two pieces: 0.02° in 00001 and 2 × 0.015° = 0.03° in 00002
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let roads = Geometry.multiLineString([
            [p(106.02, 21.05), p(106.04, 21.05)],
            [p(106.12, 21.05), p(106.135, 21.05)], [p(106.15, 21.05), p(106.165, 21.05)],
        ])
        // When registered, then 00002 holds the larger total
        #expect(try register("M-1", roads, category: "road", in: world).communeCode == "00002")
    }

    @Test func polygonGoesToTheCommuneHoldingMostOfItsArea() throws {
        // Given a pond over lon 106.08–106.11, lat 21.09–21.11: 2/3 of it in 00001, 1/3 in 00002
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let pond = Geometry.polygon([
            [p(106.08, 21.09), p(106.11, 21.09), p(106.11, 21.11), p(106.08, 21.11), p(106.08, 21.09)]
        ])
        // When it is registered, then it goes to 00001
        let stored = try register("A-1", pond, category: "irrigation", in: world)
        #expect(stored.communeCode == "00001")
        #expect(stored.lengthM == nil)
    }

    @Test func declaredCommuneThatDisagreesIsKeptAndFlagged() throws {
        // Given a point inside 00002 declared to be in 00001
        let world = try FixtureWorld.make()
        defer { world.remove() }
        // When it is registered
        let stored = try register("D-1", .point(p(106.15, 21.05)), declared: "00001", in: world)
        // Then the declared code is stored as given, the derived one kept beside it, and flagged
        #expect(stored.work.declaredCommuneCode == "00001")
        #expect(stored.communeCode == "00002")
        #expect(stored.communeDisagrees)
        // And a declared code that agrees is not flagged
        let agreeing = try register("D-2", .point(p(106.15, 21.06)), declared: "00002", in: world)
        #expect(!agreeing.communeDisagrees)
        // And both read back the same through the list
        let listed = try world.database.works(matching: WorkFilter(communeCode: "00002"))
        #expect(listed.map(\.work.id) == ["D-1", "D-2"])
        #expect(listed.map(\.communeDisagrees) == [true, false])
    }

    @Test func declaredCommuneThatDoesNotExistIsRefused() throws {
        let world = try FixtureWorld.make()
        defer { world.remove() }
        let failure = try #require(throws: ImportFailure.self) {
            try register("D-3", .point(p(106.15, 21.05)), declared: "09999", in: world)
        }
        #expect(failure.problems.first?.field == "commune_code")
        #expect(failure.problems.first?.reason == "no commune with this code is loaded")
    }
}
