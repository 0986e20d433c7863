import AtlasModel
import AtlasSpatial
import Foundation
import GRDB
import Testing

@testable import AtlasStore

/// Our planar distances (PROJ EPSG:4326 → EPSG:3405 per vertex, then plane geometry) against
/// SpatiaLite's `ST_Distance` (GEOS) on `Transform(…, 3405)`, for a few village–work pairs
/// around Lạng Sơn (WORKLOAD "Reference semantics" 1 and 4).
///
/// Observed (PROJ through SpatiaLite on this machine): distances 561.5594397247629,
/// 2348.094974333455, 1501.9756000373914, 3031.177856372458 and 75.27802727340864 m on both
/// sides, Δ = 0 — the same PROJ operation, the same doubles. The bound is 1e-6 m.
@Suite(.enabled(if: SpatiaLiteAvailability.isAvailable))
struct SpatiaLiteDistanceTests {
    struct Pair: Sendable, CustomTestStringConvertible {
        var village: Position
        var work: [Position]
        var testDescription: String {
            "\(work.count == 1 ? "point" : "line of \(work.count)") near \(village.x), \(village.y)"
        }

        var wkt: String {
            let coords = work.map { "\($0.x) \($0.y)" }
            return work.count == 1 ? "POINT(\(coords[0]))" : "LINESTRING(\(coords.joined(separator: ", ")))"
        }
    }

    static func ll(_ lon: Double, _ lat: Double) -> Position { Position(longitude: lon, latitude: lat) }

    static let pairs: [Pair] = [
        // Lạng Sơn city: a three-vertex road, the village ~1 km off its middle
        Pair(village: ll(106.7612, 21.8537), work: [ll(106.75, 21.84), ll(106.78, 21.86), ll(106.80, 21.85)]),
        // A clinic 2.3 km away (point work)
        Pair(village: ll(106.50, 21.60), work: [ll(106.52, 21.61)]),
        // A 30 km diagonal line; the perpendicular foot lies inside it
        Pair(village: ll(107.10, 22.12), work: [ll(107.0, 22.0), ll(107.2, 22.2)]),
        // Nearest point is an end of the segment
        Pair(village: ll(106.90, 21.70), work: [ll(106.92, 21.72), ll(106.99, 21.80)]),
        // Western edge of the province (far from the zone's central meridian 105°)
        Pair(village: ll(106.25, 21.45), work: [ll(106.2487, 21.4498), ll(106.2502, 21.4511)]),
    ]

    /// Our metric distance, the way the engine measures it.
    static func ours(_ pair: Pair) throws -> Double {
        let toMetric = try CoordinateTransformer(from: 4326, to: 3405)
        let village = toMetric.transform(pair.village)
        var line = pair.work
        toMetric.transform(&line)
        let geometry: Geometry = line.count == 1 ? .point(line[0]) : .lineString(line)
        let viaIndex = ProximityIndex([geometry], cellSize: 1000).distance(fromItem: 0, to: village)
        let plain = PlanarDistance.squaredDistance(from: village, toPolyline: line).squareRoot()
        #expect(viaIndex == plain)
        return plain
    }

    @Test(arguments: pairs)
    func transformedDistanceAgreesWithSpatiaLite(pair: Pair) throws {
        // Given a village and a work in lon/lat
        let database = try AppDatabase.inMemory()
        // When both sides transform to EPSG:3405 and measure
        let mine = try Self.ours(pair)
        let theirs = try database.dbWriter.read { db in
            try Double.fetchOne(
                db,
                sql:
                    "SELECT ST_Distance(Transform(MakePoint(?, ?, 4326), 3405), Transform(GeomFromText(?, 4326), 3405))",
                arguments: [pair.village.x, pair.village.y, pair.wkt])
        }
        // Then the distances agree to a micrometre: SpatiaLite's Transform goes through the same
        // PROJ operation, so the results are in fact bit-identical
        let spatiaLite = try #require(theirs)
        #expect(abs(mine - spatiaLite) < 1e-6)
    }

    @Test(arguments: pairs)
    func planarDistanceAgreesWithGEOSOnTheSameCoordinates(pair: Pair) throws {
        // Given the metric coordinates we computed, written as EPSG:3405 WKT
        let database = try AppDatabase.inMemory()
        let toMetric = try CoordinateTransformer(from: 4326, to: 3405)
        let village = toMetric.transform(pair.village)
        var line = pair.work
        toMetric.transform(&line)
        let metricPair = Pair(village: village, work: line)
        // When GEOS measures the same planar geometries
        let mine = try Self.ours(pair)
        let geos = try #require(
            try database.dbWriter.read { db in
                try Double.fetchOne(
                    db, sql: "SELECT ST_Distance(MakePoint(?, ?, 3405), GeomFromText(?, 3405))",
                    arguments: [village.x, village.y, metricPair.wkt])
            })
        // Then only rounding separates the two: well under a micrometre
        #expect(abs(mine - geos) < 1e-6)
    }

    @Test(arguments: pairs)
    func transformedCoordinatesAgreeWithSpatiaLite(pair: Pair) throws {
        // Given the village point; When PROJ (ours) and SpatiaLite's Transform project it
        let database = try AppDatabase.inMemory()
        let mine = try CoordinateTransformer(from: 4326, to: 3405).transform(pair.village)
        let row = try #require(
            try database.dbWriter.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT X(g), Y(g) FROM (SELECT Transform(MakePoint(?, ?, 4326), 3405) AS g)",
                    arguments: [pair.village.x, pair.village.y])
            })
        let (x, y): (Double, Double) = (row[0], row[1])
        // Then they land on the same spot (bit-identical in practice)
        #expect(abs(mine.x - x) < 1e-6 && abs(mine.y - y) < 1e-6)
    }
}
