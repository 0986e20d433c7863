import AtlasModel
import AtlasStore
import AtlasTestSupport
import Foundation
import Testing

/// The per-commune road network and investment split of SPEC §2, on the report world: R-1
/// (asphalt, completed) crosses the boundary at 106.1° E, R-2 (earth, handed over) lies in
/// 00002, R-3 (concrete, still under construction) is not on the ground yet.
@Suite(.enabled(if: SpatiaLiteProbe.isAvailable && SQLiteShell.isAvailable)) struct CommuneFiguresTests {
    static let west = "POLYGON((106 21, 106.1 21, 106.1 21.1, 106.1 21.2, 106 21.2, 106 21))"
    static let east =
        "POLYGON((106.1 21, 106.1 21.1, 106.1 21.2, 106.2 21.2, 106.2 21, 106.1 21), (106.15 21.15, 106.17 21.15, 106.17 21.17, 106.15 21.17, 106.15 21.15))"

    /// SpatiaLite's (GEOS) length in metres of `line` inside `polygon`, both taken to UTM 48N as
    /// the metric copies are: an independent cut at the boundary.
    static func spatiaLiteLength(_ line: String, inside polygon: String) throws -> Double {
        let sql = """
            SELECT ST_Length(ST_Intersection(ST_Transform(GeomFromText('\(line)', 4326), 3405),
                                             ST_Transform(GeomFromText('\(polygon)', 4326), 3405)));
            """
        let out = try Tool.run("/usr/bin/sqlite3", [":memory:", ".load mod_spatialite", "SELECT InitSpatialMetaData(1);", sql])
        return try #require(Double(out.split(separator: "\n").last.map(String.init) ?? ""))
    }

    @Test func roadLengthIsCutAtTheBoundaryAndOnlyBuiltRoadsCount() throws {
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        let communes = Dictionary(uniqueKeysWithValues: try fixture.database.communeSummaries(year: 2018).map { ($0.code, $0) })
        let r1 = "LINESTRING(106.04 21.05, 106.15 21.05)", r2 = "LINESTRING(106.12 21.02, 106.12 21.08)"
        let westAsphalt = try Self.spatiaLiteLength(r1, inside: Self.west)
        let eastAsphalt = try Self.spatiaLiteLength(r1, inside: Self.east)
        let eastEarth = try Self.spatiaLiteLength(r2, inside: Self.east)
        let w = try #require(communes["00001"]).roads, e = try #require(communes["00002"]).roads
        #expect(abs((w.bySurface[.asphalt] ?? 0) - westAsphalt) < 0.01)
        #expect(w.bySurface[.concrete] == nil)  // R-3 is under construction
        #expect(w.hardenedShare == 1)
        #expect(abs((e.bySurface[.asphalt] ?? 0) - eastAsphalt) < 0.01)
        #expect(abs((e.bySurface[.earth] ?? 0) - eastEarth) < 0.01)
        let share = try #require(e.hardenedShare)
        #expect(abs(share - eastAsphalt / (eastAsphalt + eastEarth)) < 1e-6)
        // 0.06° and 0.05° of longitude at 21.05° N, and 0.06° of latitude: about 6.2, 5.2 and 6.6 km.
        #expect(westAsphalt > 6_000 && westAsphalt < 6_400 && eastAsphalt > 5_000 && eastEarth > 6_500)
    }

    @Test func investmentIsSplitByProgrammeAndByEachLinesSource() throws {
        let fixture = try ReportFixture()
        defer { fixture.remove() }
        let communes = Dictionary(uniqueKeysWithValues: try fixture.database.communeSummaries(year: 2018).map { ($0.code, $0) })
        let west = try #require(communes["00001"]).investment, east = try #require(communes["00002"]).investment
        // 00001: R-1 (1.2 bn planned, 1.0 bn disbursed), H-1 (0.3 bn) and R-3 (0.7 bn), all programme 135.
        #expect(west.byProgramme[.p135] == PlannedAndDisbursed(planned: 2_200_000_000, disbursed: 1_000_000_000))
        #expect(west.bySource[.central] == PlannedAndDisbursed(planned: 1_000_000_000, disbursed: 900_000_000))
        #expect(west.bySource[.commune] == PlannedAndDisbursed(planned: 200_000_000, disbursed: 100_000_000))
        #expect(west.bySource[nil] == PlannedAndDisbursed(planned: 1_000_000_000, disbursed: 0))
        // 00002: R-2 (30a) and S-1 (ntm), neither with a source.
        #expect(east.byProgramme[.p30a] == PlannedAndDisbursed(planned: 500_000_000, disbursed: 500_000_000))
        #expect(east.byProgramme[.ntm] == PlannedAndDisbursed(planned: 100_000_000, disbursed: 0))
        #expect(east.bySource[nil] == PlannedAndDisbursed(planned: 600_000_000, disbursed: 500_000_000))
    }
}
