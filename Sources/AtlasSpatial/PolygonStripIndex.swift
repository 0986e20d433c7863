import AtlasModel

/// Point-in-polygon for one large (multi)polygon, such as a province boundary, in O(edges per
/// strip): edges are bucketed into horizontal strips, and the crossing-number test only visits
/// the strip of the query point. Used to check every imported vertex against the province.
public struct PolygonStripIndex: Sendable {
    public enum Location: Sendable { case inside, boundary, outside }

    private let x0: [Double], y0: [Double], x1: [Double], y1: [Double]
    private let strips: [[Int32]]
    private let minY: Double
    private let stripHeight: Double
    public let bounds: BoundingBox

    /// - Parameter polygons: rings of every polygon (exterior and holes, any winding).
    public init(polygons: [[[Position]]]) {
        var ax0: [Double] = [], ay0: [Double] = [], ax1: [Double] = [], ay1: [Double] = []
        var box = BoundingBox.empty
        for ring in polygons.joined() where ring.count >= 2 {
            for i in 0..<(ring.count - 1) {
                ax0.append(ring[i].x)
                ay0.append(ring[i].y)
                ax1.append(ring[i + 1].x)
                ay1.append(ring[i + 1].y)
                box.extend(ring[i])
            }
        }
        x0 = ax0
        y0 = ay0
        x1 = ax1
        y1 = ay1
        bounds = box
        let count = max(1, min(4096, ax0.count / 4))
        minY = box.minY
        let height = box.isEmpty ? 1 : max((box.maxY - box.minY) / Double(count), 1e-9)
        stripHeight = height
        var buckets = [[Int32]](repeating: [], count: count)
        for e in 0..<ax0.count {
            let lo = max(0, min(count - 1, Int((Swift.min(ay0[e], ay1[e]) - box.minY) / height)))
            let hi = max(0, min(count - 1, Int((Swift.max(ay0[e], ay1[e]) - box.minY) / height)))
            for s in lo...hi { buckets[s].append(Int32(e)) }
        }
        strips = buckets
    }

    public func locate(_ p: Position) -> Location {
        guard !strips.isEmpty, bounds.contains(p) else { return .outside }
        let s = max(0, min(strips.count - 1, Int((p.y - minY) / stripHeight)))
        var inside = false
        for e32 in strips[s] {
            let e = Int(e32)
            let ax = x0[e], ay = y0[e], bx = x1[e], by = y1[e]
            // On the edge: collinear and within its box.
            let cross = (bx - ax) * (p.y - ay) - (by - ay) * (p.x - ax)
            if cross == 0, p.x >= Swift.min(ax, bx), p.x <= Swift.max(ax, bx), p.y >= Swift.min(ay, by),
                p.y <= Swift.max(ay, by)
            {
                return .boundary
            }
            // Half-open rule: an edge counts when it straddles the horizontal line through p.
            if (ay > p.y) != (by > p.y) {
                let xCross = ax + (p.y - ay) * (bx - ax) / (by - ay)
                if p.x < xCross { inside.toggle() }
            }
        }
        return inside ? .inside : .outside
    }

    /// Distance from `p` to the nearest edge, looking only within `limit`; nil when farther.
    public func distanceToBoundary(_ p: Position, within limit: Double) -> Double? {
        guard !strips.isEmpty, bounds.expanded(by: limit).contains(p) else { return nil }
        let lo = max(0, min(strips.count - 1, Int((p.y - limit - minY) / stripHeight)))
        let hi = max(0, min(strips.count - 1, Int((p.y + limit - minY) / stripHeight)))
        var best = limit * limit
        var found = false
        for s in lo...hi {
            for e32 in strips[s] {
                let e = Int(e32)
                let dx = x1[e] - x0[e], dy = y1[e] - y0[e]
                let len2 = dx * dx + dy * dy
                var t = len2 > 0 ? ((p.x - x0[e]) * dx + (p.y - y0[e]) * dy) / len2 : 0
                t = Swift.max(0, Swift.min(1, t))
                let qx = x0[e] + t * dx - p.x, qy = y0[e] + t * dy - p.y
                let d2 = qx * qx + qy * qy
                if d2 <= best {
                    best = d2
                    found = true
                }
            }
        }
        return found ? best.squareRoot() : nil
    }
}
