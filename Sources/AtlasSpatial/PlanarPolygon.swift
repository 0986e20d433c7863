import AtlasModel

/// A Polygon or MultiPolygon in a planar metric space (e.g. EPSG:3405 metres), stored flat for
/// fast repeated queries.
///
/// Rings are closed and normalised at init: exterior rings counter-clockwise, holes clockwise,
/// so signed ring areas add up to the area and Green's-theorem sums (``intersectionArea(with:scratch:)``)
/// need no orientation checks. Parts of a MultiPolygon are assumed not to overlap (valid geometry);
/// ``locate(x:y:)`` uses the even-odd rule over all rings.
///
/// A final class: the hot loops pick polygons out of arrays, and one reference costs one
/// retain where a struct of seven arrays would cost seven.
public final class PlanarPolygon: Sendable {
    /// Interleaved x, y of every ring; each ring repeats its first vertex at its end.
    let coords: [Double]
    /// Vertex index where each ring starts, plus one final end index.
    let ringStarts: [Int]
    /// Ring index where each part (polygon of a MultiPolygon) starts, plus one final end index.
    let partStarts: [Int]
    let bands: EdgeBands
    public let boundingBox: BoundingBox

    /// A MultiPolygon: each element is a polygon given as rings, exterior first, then holes.
    /// Rings may be open or closed and of either winding.
    public init(polygons: [[[Position]]]) {
        var coords: [Double] = []
        var ringStarts: [Int] = []
        var partStarts: [Int] = []
        var box = BoundingBox.empty
        for polygon in polygons {
            partStarts.append(ringStarts.count)
            for (r, ring) in polygon.enumerated() {
                var vertices = ring
                if let first = vertices.first, first != vertices.last { vertices.append(first) }
                guard !vertices.isEmpty else { continue }
                let area = Self.signedArea(of: vertices)
                if area != 0 && (area > 0) != (r == 0) { vertices.reverse() }
                ringStarts.append(coords.count / 2)
                for p in vertices {
                    coords.append(p.x)
                    coords.append(p.y)
                    box.extend(p)
                }
            }
        }
        ringStarts.append(coords.count / 2)
        partStarts.append(ringStarts.count - 1)
        var edgeStarts: [Int32] = []
        for r in 0..<(ringStarts.count - 1) where ringStarts[r + 1] - ringStarts[r] >= 2 {
            for i in ringStarts[r]..<(ringStarts[r + 1] - 1) { edgeStarts.append(Int32(i)) }
        }
        self.coords = coords
        self.ringStarts = ringStarts
        self.partStarts = partStarts
        boundingBox = box
        bands = EdgeBands(coords: coords, edgeStarts: edgeStarts, minY: box.minY, maxY: box.maxY)
    }

    /// A Polygon: exterior ring first, then holes.
    public convenience init(rings: [[Position]]) {
        self.init(polygons: [rings])
    }

    /// The polygonal geometry, or nil for any other kind.
    public convenience init?(_ geometry: Geometry) {
        guard geometry.isPolygonal else { return nil }
        self.init(polygons: geometry.polygons)
    }

    public var ringCount: Int { ringStarts.count - 1 }
    public var partCount: Int { partStarts.count - 1 }

    /// Ring `index` (closed, normalised winding), in storage order: part by part, exterior first.
    public func ring(_ index: Int) -> [Position] {
        (ringStarts[index]..<ringStarts[index + 1]).map { Position(x: coords[2 * $0], y: coords[2 * $0 + 1]) }
    }

    /// The shoelace signed area of a ring (positive when counter-clockwise), open or closed.
    /// Coordinates are taken relative to the first vertex so UTM-sized values lose no digits.
    public static func signedArea(of ring: [Position]) -> Double {
        guard ring.count >= 3 else { return 0 }
        let ox = ring[0].x, oy = ring[0].y
        var sum = 0.0
        var px = 0.0, py = 0.0
        for k in 1..<ring.count {
            let x = ring[k].x - ox, y = ring[k].y - oy
            sum += px * y - x * py
            px = x
            py = y
        }
        return sum / 2
    }
}
