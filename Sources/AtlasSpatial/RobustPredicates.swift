/// Exact geometric predicates. The orientation test decides "on the edge or not", so it must never
/// be a rounding accident: Shewchuk's `orient2d` filter answers almost every call in a few flops,
/// and the rare undecided call is evaluated exactly with FMA products and an expansion sum.
public enum RobustPredicates {
    /// `(3 + 16ε)ε` with `ε = 2⁻⁵³`: Shewchuk's bound on the filter's error, relative to |detLeft| + |detRight|.
    @usableFromInline static let orientationErrorBound = (3.0 + 16.0 * 0x1p-53) * 0x1p-53

    /// Sign of the determinant `|a−c  b−c|`: +1 when a, b, c turn counter-clockwise, −1 when
    /// clockwise, 0 when exactly collinear (exact for all finite inputs without underflow).
    @inlinable
    public static func orientation(
        _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ cx: Double, _ cy: Double
    ) -> Int {
        let detLeft = (ax - cx) * (by - cy)
        let detRight = (ay - cy) * (bx - cx)
        let det = detLeft - detRight
        let detSum: Double
        if detLeft > 0 {
            if detRight <= 0 { return signum(det) }
            detSum = detLeft + detRight
        } else if detLeft < 0 {
            if detRight >= 0 { return signum(det) }
            detSum = -detLeft - detRight
        } else {
            return signum(det)
        }
        let bound = orientationErrorBound * detSum
        if det >= bound || -det >= bound { return signum(det) }
        return exactOrientation(ax, ay, bx, by, cx, cy)
    }

    @inlinable
    static func signum(_ value: Double) -> Int {
        value > 0 ? 1 : (value < 0 ? -1 : 0)
    }

    /// The determinant expanded into six products, each split exactly by FMA, summed as an expansion.
    @usableFromInline
    static func exactOrientation(
        _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ cx: Double, _ cy: Double
    ) -> Int {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 13) { buffer in
            var expansion = Expansion(buffer)
            expansion.addProduct(ax, by)
            expansion.addProduct(-ax, cy)
            expansion.addProduct(-ay, bx)
            expansion.addProduct(ay, cx)
            expansion.addProduct(bx, cy)
            expansion.addProduct(-by, cx)
            return expansion.sign
        }
    }
}
