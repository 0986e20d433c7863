import AtlasModel
import AtlasSpatial

/// Small polygons used by several suites.
enum Fixtures {
    static func p(_ x: Double, _ y: Double) -> Position { Position(x: x, y: y) }

    /// Axis-aligned rectangle, counter-clockwise, closed.
    static func rectangle(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> [Position] {
        [p(minX, minY), p(maxX, minY), p(maxX, maxY), p(minX, maxY), p(minX, minY)]
    }

    static let unitSquare = PlanarPolygon(rings: [rectangle(0, 0, 1, 1)])

    /// L-shape: the 2×2 square without its top-right quarter.
    static let lShape = PlanarPolygon(rings: [[p(0, 0), p(2, 0), p(2, 1), p(1, 1), p(1, 2), p(0, 2)]])
}
