import AtlasModel

/// Distances and lengths in the plane. Squared distances let loops compare against D² without
/// a square root; the perpendicular case uses cross²/|AB|², which keeps its digits when the foot
/// is far from A.
public enum PlanarDistance {
    /// Squared distance from P to the segment AB (to A when A == B).
    @inlinable
    public static func squaredDistance(
        _ px: Double, _ py: Double, toSegment ax: Double, _ ay: Double, _ bx: Double, _ by: Double
    ) -> Double {
        let dx = bx - ax, dy = by - ay
        let wx = px - ax, wy = py - ay
        let dot = wx * dx + wy * dy
        if dot <= 0 { return wx * wx + wy * wy }
        let length2 = dx * dx + dy * dy
        if dot >= length2 {
            let ex = px - bx, ey = py - by
            return ex * ex + ey * ey
        }
        let cross = wx * dy - wy * dx
        return cross * cross / length2
    }

    /// Squared distance from `p` to the segment `a`–`b`.
    @inlinable
    public static func squaredDistance(from p: Position, toSegment a: Position, _ b: Position) -> Double {
        squaredDistance(p.x, p.y, toSegment: a.x, a.y, b.x, b.y)
    }

    /// Squared distance from `p` to the nearest point of a polyline (a single vertex is a point);
    /// `.infinity` for an empty line.
    public static func squaredDistance(from p: Position, toPolyline line: [Position]) -> Double {
        guard let first = line.first else { return .infinity }
        if line.count == 1 {
            let dx = p.x - first.x, dy = p.y - first.y
            return dx * dx + dy * dy
        }
        var best = Double.infinity
        for k in 1..<line.count {
            let d2 = squaredDistance(p.x, p.y, toSegment: line[k - 1].x, line[k - 1].y, line[k].x, line[k].y)
            if d2 < best { best = d2 }
        }
        return best
    }

    /// Length of a polyline (sum of its segment lengths).
    public static func length(of line: [Position]) -> Double {
        guard line.count >= 2 else { return 0 }
        var total = 0.0
        for k in 1..<line.count {
            let dx = line[k].x - line[k - 1].x, dy = line[k].y - line[k - 1].y
            total += (dx * dx + dy * dy).squareRoot()
        }
        return total
    }
}
