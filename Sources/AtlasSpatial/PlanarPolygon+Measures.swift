import AtlasModel

extension PlanarPolygon {
    /// Signed area of stored ring `index`: positive for exteriors, negative for holes.
    public func signedArea(ofRing index: Int) -> Double {
        let start = ringStarts[index]
        guard ringStarts[index + 1] > start else { return 0 }
        let (sum, _, _) = ringMoments(index, originX: coords[2 * start], originY: coords[2 * start + 1])
        return sum / 2
    }

    /// Area, holes subtracted (the sum of the normalised signed ring areas).
    public var area: Double {
        (0..<ringCount).reduce(0.0) { $0 + signedArea(ofRing: $1) }
    }

    /// Area centroid: Σ over rings of the shoelace moments, holes subtracting, over 6·area; for a
    /// MultiPolygon this is the area-weighted mean of the parts' centroids. Nil when the area is 0.
    public var centroid: Position? {
        guard coords.count >= 2 else { return nil }
        let ox = boundingBox.minX, oy = boundingBox.minY
        var twiceArea = 0.0, mx = 0.0, my = 0.0
        for r in 0..<ringCount {
            let (a, x, y) = ringMoments(r, originX: ox, originY: oy)
            twiceArea += a
            mx += x
            my += y
        }
        guard twiceArea != 0 else { return nil }
        return Position(x: ox + mx / (3 * twiceArea), y: oy + my / (3 * twiceArea))
    }

    /// (Σ cross, Σ (x₀+x₁)·cross, Σ (y₀+y₁)·cross) over the ring's edges, relative to an origin.
    private func ringMoments(_ r: Int, originX ox: Double, originY oy: Double) -> (Double, Double, Double) {
        var a = 0.0, mx = 0.0, my = 0.0
        let start = ringStarts[r], end = ringStarts[r + 1]
        guard end - start >= 2 else { return (0, 0, 0) }
        for i in start..<(end - 1) {
            let x0 = coords[2 * i] - ox, y0 = coords[2 * i + 1] - oy
            let x1 = coords[2 * i + 2] - ox, y1 = coords[2 * i + 3] - oy
            let cross = x0 * y1 - x1 * y0
            a += cross
            mx += (x0 + x1) * cross
            my += (y0 + y1) * cross
        }
        return (a, mx, my)
    }
}
