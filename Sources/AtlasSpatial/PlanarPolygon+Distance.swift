import AtlasModel

extension PlanarPolygon {
    /// Distance from `point` to the nearest edge (of any ring), looking only within `limit`;
    /// nil when every edge is farther. Inside or outside does not matter (see ``locate(_:)``).
    public func distanceToBoundary(_ point: Position, within limit: Double) -> Double? {
        let px = point.x, py = point.y
        let box = boundingBox
        guard limit >= 0, px >= box.minX - limit, px <= box.maxX + limit, py >= box.minY - limit,
            py <= box.maxY + limit
        else { return nil }
        var best = limit * limit
        var found = false
        coords.withUnsafeBufferPointer { c in
            bands.edges.withUnsafeBufferPointer { edges in
                for band in bands.band(of: py - limit)...bands.band(of: py + limit) {
                    for k in Int(bands.starts[band])..<Int(bands.starts[band + 1]) {
                        let i = 2 * Int(edges[k])
                        let d2 = PlanarDistance.squaredDistance(px, py, toSegment: c[i], c[i + 1], c[i + 2], c[i + 3])
                        if d2 <= best {
                            best = d2
                            found = true
                        }
                    }
                }
            }
        }
        return found ? best.squareRoot() : nil
    }
}
