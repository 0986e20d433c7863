extension PlanarPolygon {
    /// Splits segment P→Q at every point where it meets the boundary and reports each piece
    /// `(t₀, t₁, state)` in order along the segment (t ∈ [0, 1]).
    ///
    /// Crossings are found with exact orientation signs; pieces running along an edge are known
    /// from the collinear overlaps, the others are classified by ``locate(x:y:)`` at their midpoint,
    /// except that a segment meeting no edge at all, not even at P, takes `startHint` when given.
    /// - Returns: the last piece's state when Q is off the boundary (so it is also the state
    ///   just after Q and can be the next segment's `startHint`), else nil.
    @discardableResult
    func forEachPiece(
        _ px: Double, _ py: Double, _ qx: Double, _ qy: Double,
        startHint: PieceState? = nil,
        scratch: inout SpatialScratch,
        _ body: (Double, Double, PieceState) -> Void
    ) -> PieceState? {
        if px == qx && py == qy { return nil }  // no pieces, and P may be on the boundary
        let box = boundingBox
        let sMinX = Swift.min(px, qx), sMaxX = Swift.max(px, qx)
        let sMinY = Swift.min(py, qy), sMaxY = Swift.max(py, qy)
        if sMaxX < box.minX || sMinX > box.maxX || sMaxY < box.minY || sMinY > box.maxY {
            body(0, 1, .outside)
            return .outside
        }
        scratch.parameters.removeAll(keepingCapacity: true)
        scratch.overlaps.removeAll(keepingCapacity: true)
        scratch.touchesStart = false
        scratch.touchesEnd = false
        collectCrossings(px, py, qx, qy, sMinX, sMaxX, sMinY, sMaxY, &scratch)
        if scratch.parameters.isEmpty && scratch.overlaps.isEmpty && !scratch.touchesStart, let hint = startHint {
            body(0, 1, hint)
            return scratch.touchesEnd ? nil : hint
        }
        sortAscending(&scratch.parameters)
        let dx = qx - px, dy = qy - py
        var t0 = 0.0
        var state = PieceState.outside
        for k in 0...scratch.parameters.count {
            let t1 = k < scratch.parameters.count ? scratch.parameters[k] : 1.0
            guard t1 > t0 else { continue }
            state = pieceState(t0, t1, px, py, dx, dy, scratch)
            body(t0, t1, state)
            t0 = t1
        }
        return scratch.touchesEnd ? nil : state
    }

    /// A piece inside a collinear overlap is boundary (with the overlap's direction); any other
    /// is classified at its midpoint.
    private func pieceState(
        _ t0: Double, _ t1: Double, _ px: Double, _ py: Double, _ dx: Double, _ dy: Double,
        _ scratch: SpatialScratch
    ) -> PieceState {
        var o = 0
        while o < scratch.overlaps.count {
            if scratch.overlaps[o] <= t0 && t1 <= scratch.overlaps[o + 1] {
                return scratch.overlaps[o + 2] > 0 ? .boundary : .boundaryReversed
            }
            o += 3
        }
        let tm = 0.5 * (t0 + t1)
        switch locate(x: px + tm * dx, y: py + tm * dy) {
        case .inside: return .inside
        case .boundary: return .boundary
        case .outside: return .outside
        }
    }

    /// Appends to `scratch` the crossing parameters and collinear overlaps of P→Q with the edges.
    private func collectCrossings(
        _ px: Double, _ py: Double, _ qx: Double, _ qy: Double,
        _ sMinX: Double, _ sMaxX: Double, _ sMinY: Double, _ sMaxY: Double,
        _ scratch: inout SpatialScratch
    ) {
        let dx = qx - px, dy = qy - py
        let firstBand = bands.band(of: Swift.max(sMinY, boundingBox.minY))
        let lastBand = bands.band(of: Swift.min(sMaxY, boundingBox.maxY))
        coords.withUnsafeBufferPointer { c in
            bands.edges.withUnsafeBufferPointer { edges in
                for band in firstBand...lastBand {
                    for k in Int(bands.starts[band])..<Int(bands.starts[band + 1]) {
                        let i = 2 * Int(edges[k])
                        let ax = c[i], ay = c[i + 1], bx = c[i + 2], by = c[i + 3]
                        let eMinY = Swift.min(ay, by)
                        if eMinY > sMaxY || Swift.max(ay, by) < sMinY { continue }
                        if Swift.min(ax, bx) > sMaxX || Swift.max(ax, bx) < sMinX { continue }
                        // An edge spanning several slabs is handled once: in the first slab both share.
                        if Swift.max(bands.band(of: eMinY), firstBand) != band { continue }
                        addCrossing(px, py, qx, qy, dx, dy, ax, ay, bx, by, &scratch)
                    }
                }
            }
        }
    }

    @inline(__always)
    private func addCrossing(
        _ px: Double, _ py: Double, _ qx: Double, _ qy: Double, _ dx: Double, _ dy: Double,
        _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double,
        _ scratch: inout SpatialScratch
    ) {
        let sideA = RobustPredicates.orientation(px, py, qx, qy, ax, ay)
        let sideB = RobustPredicates.orientation(px, py, qx, qy, bx, by)
        if sideA == sideB && sideA != 0 { return }
        let sideP = RobustPredicates.orientation(ax, ay, bx, by, px, py)
        let sideQ = RobustPredicates.orientation(ax, ay, bx, by, qx, qy)
        if sideP == sideQ && sideP != 0 { return }
        let length2 = dx * dx + dy * dy
        guard length2 > 0 else { return }
        if sideA == 0 && sideB == 0 {
            let tA = ((ax - px) * dx + (ay - py) * dy) / length2
            let tB = ((bx - px) * dx + (by - py) * dy) / length2
            let low = Swift.max(0, Swift.min(tA, tB)), high = Swift.min(1, Swift.max(tA, tB))
            // Whether P or Q is on this edge, decided generously: a false "yes" only costs a locate.
            let slack = 1e-9
            if Swift.min(tA, tB) <= slack && Swift.max(tA, tB) >= -slack { scratch.touchesStart = true }
            if Swift.min(tA, tB) <= 1 + slack && Swift.max(tA, tB) >= 1 - slack { scratch.touchesEnd = true }
            if low < high {
                scratch.overlaps.append(low)
                scratch.overlaps.append(high)
                scratch.overlaps.append(tB > tA ? 1 : -1)
            }
            if low > 0 && low < 1 { scratch.parameters.append(low) }
            if high > 0 && high < 1 && high != low { scratch.parameters.append(high) }
            return
        }
        if sideP == 0 || sideQ == 0 {  // P or Q lies on the edge: already piece ends
            if sideP == 0 { scratch.touchesStart = true }
            if sideQ == 0 { scratch.touchesEnd = true }
            return
        }
        let t: Double
        if sideA == 0 {
            t = ((ax - px) * dx + (ay - py) * dy) / length2
        } else if sideB == 0 {
            t = ((bx - px) * dx + (by - py) * dy) / length2
        } else {
            let ex = bx - ax, ey = by - ay
            t = ((ax - px) * ey - (ay - py) * ex) / (dx * ey - dy * ex)
        }
        if t > 0 && t < 1 { scratch.parameters.append(t) }
    }

    /// Insertion sort: the list is almost always 0–4 long.
    private func sortAscending(_ values: inout [Double]) {
        guard values.count > 1 else { return }
        for i in 1..<values.count {
            let v = values[i]
            var j = i - 1
            while j >= 0 && values[j] > v {
                values[j + 1] = values[j]
                j -= 1
            }
            values[j + 1] = v
        }
    }
}
