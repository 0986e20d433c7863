import AtlasModel

extension PlanarPolygon {
    /// Length of the part of `line` inside the closed polygon (edges included): a piece running
    /// along the boundary counts, so a road on a shared border counts for both neighbours.
    public func lengthInside(_ line: [Position], scratch: inout SpatialScratch) -> Double {
        var coverage = LineCoverage()
        return lengthInside(line, scratch: &scratch, coverage: &coverage)
    }

    /// ``lengthInside(_:scratch:)`` that also notes whether some piece lay outside or on the boundary;
    /// `startHint` is the state around the first vertex when known (it must not be on the boundary).
    func lengthInside(
        _ line: [Position], startHint: PieceState? = nil, scratch: inout SpatialScratch, coverage: inout LineCoverage
    ) -> Double {
        guard line.count >= 2 else { return 0 }
        guard boundingBox.intersects(Self.box(of: line)) else {
            coverage.sawOutside = true
            return 0
        }
        var total = 0.0
        var hint = startHint
        for k in 1..<line.count {
            let p = line[k - 1], q = line[k]
            let length = ((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)).squareRoot()
            hint = forEachPiece(p.x, p.y, q.x, q.y, startHint: hint, scratch: &scratch) { t0, t1, state in
                switch state {
                case .inside: total += (t1 - t0) * length
                case .outside: coverage.sawOutside = true
                case .boundary, .boundaryReversed:
                    total += (t1 - t0) * length
                    coverage.sawBoundary = true
                }
            }
        }
        return total
    }

    static func box(of line: [Position]) -> BoundingBox {
        var box = BoundingBox.empty
        for p in line { box.extend(p) }
        return box
    }

    /// ``lengthInside(_:scratch:)`` with a temporary scratch.
    public func lengthInside(_ line: [Position]) -> Double {
        var scratch = SpatialScratch()
        return lengthInside(line, scratch: &scratch)
    }

    /// Exact area of the intersection with `other`, by Green's theorem over the boundary of the
    /// intersection: the pieces of this polygon's edges inside `other` plus the pieces of
    /// `other`'s edges strictly inside this one. A shared edge counts once when both run the same
    /// way (overlapping interiors) and not at all when they run opposite ways (neighbours).
    /// Works for any valid polygons, convex or not, with holes; cost O((n + m) · edges per slab).
    public func intersectionArea(with other: PlanarPolygon, scratch: inout SpatialScratch) -> Double {
        guard boundingBox.intersects(other.boundingBox) else { return 0 }
        let ox = boundingBox.minX, oy = boundingBox.minY
        let fromSelf = boundarySum(clippedBy: other, originX: ox, originY: oy, keepBoundary: true, &scratch)
        let fromOther = other.boundarySum(clippedBy: self, originX: ox, originY: oy, keepBoundary: false, &scratch)
        return Swift.max(0, (fromSelf + fromOther) / 2)
    }

    /// ``intersectionArea(with:scratch:)`` with a temporary scratch.
    public func intersectionArea(with other: PlanarPolygon) -> Double {
        var scratch = SpatialScratch()
        return intersectionArea(with: other, scratch: &scratch)
    }

    /// Σ cross(P(t₀), P(t₁)) over the pieces of this polygon's edges that lie in `clip`.
    private func boundarySum(
        clippedBy clip: PlanarPolygon, originX ox: Double, originY oy: Double, keepBoundary: Bool,
        _ scratch: inout SpatialScratch
    ) -> Double {
        var sum = 0.0
        for r in 0..<ringCount where ringStarts[r + 1] - ringStarts[r] >= 2 {
            for i in ringStarts[r]..<(ringStarts[r + 1] - 1) {
                let px = coords[2 * i] - ox, py = coords[2 * i + 1] - oy
                let qx = coords[2 * i + 2] - ox, qy = coords[2 * i + 3] - oy
                let dx = qx - px, dy = qy - py
                clip.forEachPiece(
                    coords[2 * i], coords[2 * i + 1], coords[2 * i + 2], coords[2 * i + 3],
                    scratch: &scratch
                ) { t0, t1, state in
                    guard state == .inside || (keepBoundary && state == .boundary) else { return }
                    let x0 = px + t0 * dx, y0 = py + t0 * dy
                    let x1 = px + t1 * dx, y1 = py + t1 * dy
                    sum += x0 * y1 - x1 * y0
                }
            }
        }
        return sum
    }
}
