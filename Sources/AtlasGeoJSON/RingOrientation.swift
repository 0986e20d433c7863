import AtlasModel

/// Winding of linear rings (RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise).
public enum RingOrientation {
    /// Twice the signed area of a closed ring by the shoelace formula: positive when the ring
    /// turns counter-clockwise (x east, y north), negative clockwise, 0 when degenerate.
    public static func signedArea(_ ring: [Position]) -> Double {
        guard let origin = ring.first, ring.count > 2 else { return 0 }
        var sum = 0.0
        for i in 0..<(ring.count - 1) {
            let a = ring[i]
            let b = ring[i + 1]
            sum += (a.x - origin.x) * (b.y - origin.y) - (b.x - origin.x) * (a.y - origin.y)
        }
        return sum
    }

    /// The same for a ring in integer units (coordinates as written).
    static func signedArea(_ ring: [(x: Int64, y: Int64)]) -> Double {
        guard let origin = ring.first, ring.count > 2 else { return 0 }
        var sum = 0.0
        for i in 0..<(ring.count - 1) {
            let ax = Double(ring[i].x - origin.x)
            let ay = Double(ring[i].y - origin.y)
            let bx = Double(ring[i + 1].x - origin.x)
            let by = Double(ring[i + 1].y - origin.y)
            sum += ax * by - bx * ay
        }
        return sum
    }

    /// True when the closed ring turns counter-clockwise.
    public static func isCounterClockwise(_ ring: [Position]) -> Bool {
        signedArea(ring) > 0
    }
}
