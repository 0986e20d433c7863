import AtlasModel

extension PlanarPolygon {
    /// Where `point` lies: exactly `.boundary` on any edge or vertex (exact orientation test),
    /// else `.inside` or `.outside` by the even-odd crossing rule with half-open edges.
    public func locate(_ point: Position) -> PointLocation {
        locate(x: point.x, y: point.y)
    }

    /// ``locate(_:)`` without building a `Position`.
    public func locate(x px: Double, y py: Double) -> PointLocation {
        let box = boundingBox
        guard px >= box.minX, px <= box.maxX, py >= box.minY, py <= box.maxY else { return .outside }
        let band = bands.band(of: py)
        let first = Int(bands.starts[band]), last = Int(bands.starts[band + 1])
        return coords.withUnsafeBufferPointer { c in
            bands.edges.withUnsafeBufferPointer { edges in
                var inside = false
                for k in first..<last {
                    let i = 2 * Int(edges[k])
                    let ax = c[i], ay = c[i + 1], bx = c[i + 2], by = c[i + 3]
                    if (ay > py) == (by > py) {
                        // No crossing; p can still be a vertex or on a horizontal edge at its height.
                        if ay == py && by == py {
                            if px >= Swift.min(ax, bx) && px <= Swift.max(ax, bx) { return .boundary }
                        } else if (ax == px && ay == py) || (bx == px && by == py) {
                            return .boundary
                        }
                        continue
                    }
                    if px > ax && px > bx { continue }  // crossing left of p, p not on the edge
                    if px < ax && px < bx {  // crossing right of p, p not on the edge
                        inside.toggle()
                        continue
                    }
                    let turn = RobustPredicates.orientation(ax, ay, bx, by, px, py)
                    if turn == 0 { return .boundary }
                    // Upward edge: crossing is right of p when p is left of it; downward: the reverse.
                    if (turn > 0) == (by > ay) { inside.toggle() }
                }
                return inside ? .inside : .outside
            }
        }
    }
}
