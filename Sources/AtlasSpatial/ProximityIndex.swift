import AtlasModel

/// Answers "is there an item within D of p?" for many points p: the items (the serving works of
/// one category) are points, polylines or polygons in metric coordinates, stored flat and indexed
/// by a ``GridIndex`` over their boxes. Distances are to the nearest point of the item (0 inside
/// a polygon), and "within" is inclusive: d ≤ D.
public struct ProximityIndex: Sendable {
    public let count: Int
    /// Interleaved x, y of every part's vertices.
    let coords: [Double]
    /// Vertex index where each part starts, plus one final end index.
    let partStarts: [Int32]
    /// Part index where each item starts, plus one final end index.
    let itemParts: [Int32]
    /// Per item, its slot in `polygons`, or −1; empty when no item is polygonal.
    let polygonSlots: [Int32]
    let polygons: [PlanarPolygon]
    let grid: GridIndex
    /// The box of every item together (empty when there is none).
    let bounds: BoundingBox

    /// Indexes `geometries`; item numbers are positions in the sequence. Pick `cellSize` near
    /// the service distance D that will be asked for.
    public init<S: Sequence>(_ geometries: S, cellSize: Double) where S.Element == Geometry {
        var coords: [Double] = []
        var partStarts: [Int32] = []
        var itemParts: [Int32] = []
        var slots: [Int32] = []
        var polygons: [PlanarPolygon] = []
        var boxes: [BoundingBox] = []
        var bounds = BoundingBox.empty
        for geometry in geometries {
            itemParts.append(Int32(partStarts.count))
            var box = BoundingBox.empty
            let parts: [[Position]]
            switch geometry {
            case .point(let p): parts = [[p]]
            case .multiPoint(let points): parts = points.map { [$0] }
            case .lineString, .multiLineString: parts = geometry.lines
            case .polygon, .multiPolygon: parts = geometry.polygons.flatMap { $0 }
            }
            for part in parts where !part.isEmpty {
                partStarts.append(Int32(coords.count / 2))
                for p in part {
                    coords.append(p.x)
                    coords.append(p.y)
                    box.extend(p)
                }
            }
            if geometry.isPolygonal {
                if slots.isEmpty { slots = [Int32](repeating: -1, count: boxes.count) }
                slots.append(Int32(polygons.count))
                polygons.append(PlanarPolygon(polygons: geometry.polygons))
            } else if !slots.isEmpty {
                slots.append(-1)
            }
            boxes.append(box)
            bounds.extend(box)
        }
        self.bounds = bounds
        partStarts.append(Int32(coords.count / 2))
        itemParts.append(Int32(partStarts.count - 1))
        count = boxes.count
        self.coords = coords
        self.partStarts = partStarts
        self.itemParts = itemParts
        polygonSlots = slots
        self.polygons = polygons
        grid = GridIndex(boxes: boxes, cellSize: cellSize)
    }

    /// True when some item lies within `distance` of `point` (inclusive); stops at the first one.
    public func hasItem(within distance: Double, of point: Position) -> Bool {
        let limit = distance * distance
        var found = false
        grid.forEach(intersecting: Self.box(around: point, distance)) { item in
            found = squaredDistance(item: item, point.x, point.y, stopAt: limit) <= limit
            return !found
        }
        return found
    }

    /// The nearest item within `distance` of `point` (inclusive) and its distance; ties go to the
    /// lowest item number. Nil when there is none.
    public func nearest(to point: Position, within distance: Double) -> (item: Int, distance: Double)? {
        var bestItem = -1
        var best = distance * distance
        grid.forEach(intersecting: Self.box(around: point, distance)) { item in
            let d2 = squaredDistance(item: item, point.x, point.y, stopAt: 0)
            if d2 < best || (d2 == best && (bestItem < 0 || item < bestItem)) {
                best = d2
                bestItem = item
            }
            return true
        }
        return bestItem < 0 ? nil : (bestItem, best.squareRoot())
    }

    /// The nearest item at any distance; nil only when no item has a vertex. The search box
    /// starts at one grid cell and doubles, so a point near the items reads few cells; once
    /// the box holds every item's box, the answer found is the nearest of all.
    public func nearest(to point: Position) -> (item: Int, distance: Double)? {
        guard !bounds.isEmpty, point.x.isFinite, point.y.isFinite else { return nil }
        let dx = Swift.max(abs(point.x - bounds.minX), abs(point.x - bounds.maxX))
        let dy = Swift.max(abs(point.y - bounds.minY), abs(point.y - bounds.maxY))
        // Every point of every item lies within this distance of `point`.
        let farthest = (dx * dx + dy * dy).squareRoot()
        var radius = grid.cellSize
        while true {
            let reach = Swift.min(radius, farthest)
            if let found = nearest(to: point, within: reach) { return found }
            if reach >= farthest { return nil }
            radius *= 2
        }
    }

    /// Distance from `point` to item number `item`.
    public func distance(fromItem item: Int, to point: Position) -> Double {
        squaredDistance(item: item, point.x, point.y, stopAt: 0).squareRoot()
    }

    private static func box(around p: Position, _ d: Double) -> BoundingBox {
        BoundingBox(minX: p.x - d, minY: p.y - d, maxX: p.x + d, maxY: p.y + d)
    }

    /// Squared distance to the item; returns early once a value ≤ `stopAt` is seen.
    private func squaredDistance(item: Int, _ px: Double, _ py: Double, stopAt: Double) -> Double {
        if !polygonSlots.isEmpty, polygonSlots[item] >= 0,
            polygons[Int(polygonSlots[item])].locate(x: px, y: py) != .outside
        {
            return 0
        }
        var best = Double.infinity
        coords.withUnsafeBufferPointer { c in
            for part in Int(itemParts[item])..<Int(itemParts[item + 1]) {
                let start = Int(partStarts[part]), end = Int(partStarts[part + 1])
                if end - start == 1 {
                    let dx = px - c[2 * start], dy = py - c[2 * start + 1]
                    best = Swift.min(best, dx * dx + dy * dy)
                } else {
                    for v in start..<(end - 1) {
                        let d2 = PlanarDistance.squaredDistance(
                            px, py, toSegment: c[2 * v], c[2 * v + 1], c[2 * v + 2], c[2 * v + 3])
                        if d2 < best {
                            best = d2
                            if best <= stopAt { return }
                        }
                    }
                }
                if best <= stopAt { return }
            }
        }
        return best
    }
}
