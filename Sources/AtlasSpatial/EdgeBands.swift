/// Horizontal slabs over a polygon's bounding box, each listing the edges whose y-range meets it.
///
/// A horizontal ray from a point only meets edges in the point's slab, and a short segment only
/// meets edges in the few slabs it spans, so a 200-edge commune is searched ~10 edges at a time.
/// Slab numbers come from a monotone formula, so an edge is in every slab between those of its
/// two endpoints and never misses a query.
struct EdgeBands: Sendable {
    let minY: Double
    let inverseHeight: Double
    let count: Int
    /// `starts[b]..<starts[b + 1]` indexes `edges` for slab `b`.
    let starts: [Int32]
    /// Vertex index `i` of each listed edge `i → i + 1`.
    let edges: [Int32]

    /// Builds slabs for the edges `i → i + 1`, `i` in `edgeStarts`, of the interleaved `coords`.
    init(coords: [Double], edgeStarts: [Int32], minY: Double, maxY: Double) {
        let height = maxY - minY
        let wanted = Swift.max(1, Swift.min(edgeStarts.count / 2, 1024))
        count = height > 0 && height.isFinite ? wanted : 1
        self.minY = minY
        inverseHeight = count > 1 ? Double(count) / height : 0

        var counts = [Int32](repeating: 0, count: count + 1)
        for i in edgeStarts {
            let (low, high) = Self.range(coords, Int(i), minY, inverseHeight, count)
            for b in low...high { counts[b + 1] += 1 }
        }
        for b in 0..<count { counts[b + 1] += counts[b] }
        var fill = counts
        var edges = [Int32](repeating: 0, count: Int(counts[count]))
        for i in edgeStarts {
            let (low, high) = Self.range(coords, Int(i), minY, inverseHeight, count)
            for b in low...high {
                edges[Int(fill[b])] = i
                fill[b] += 1
            }
        }
        starts = counts
        self.edges = edges
    }

    /// The slab holding `y`, clamped to the box (NaN goes to slab 0).
    @inline(__always)
    func band(of y: Double) -> Int {
        Self.band(y, minY, inverseHeight, count)
    }

    @inline(__always)
    private static func band(_ y: Double, _ minY: Double, _ inverse: Double, _ count: Int) -> Int {
        let v = (y - minY) * inverse
        guard v >= 0 else { return 0 }
        return v < Double(count) ? Swift.min(Int(v), count - 1) : count - 1
    }

    private static func range(
        _ coords: [Double], _ i: Int, _ minY: Double, _ inverse: Double, _ count: Int
    ) -> (Int, Int) {
        let y0 = coords[2 * i + 1]
        let y1 = coords[2 * i + 3]
        return (band(Swift.min(y0, y1), minY, inverse, count), band(Swift.max(y0, y1), minY, inverse, count))
    }
}
