/// Correctly rounded `m / 10^k` for mantissas beyond 2^53 (16–19 significant digits), without
/// going through text: an estimate is checked against the exact midpoints to its neighbours
/// with 128-bit integer arithmetic and moved by one ulp when needed (round half to even).
enum ExactDecimal {
    private static let powersOfTen: [UInt64] = (0...19).map { k in (0..<k).reduce(1) { r, _ in r * 10 } }

    /// `m / 10^k` correctly rounded, for m > 0 and 1 ≤ k ≤ 19; nil when the check cannot be made.
    static func quotient(_ m: UInt64, dividedByPowerOfTen k: Int) -> Double? {
        guard m > 0, k >= 1, k <= 19 else { return nil }
        let p = powersOfTen[k]
        var d = Double(m) / Double(p)  // within one or two ulps
        for _ in 0..<4 {
            guard let above = compare(m, p, withMidpointAbove: d) else { return nil }
            if above > 0 {
                d = d.nextUp
                continue
            }
            if above == 0 { return evenOf(d, d.nextUp) }
            guard let below = compare(m, p, withMidpointAbove: d.nextDown) else { return nil }
            if below < 0 {
                d = d.nextDown
                continue
            }
            if below == 0 { return evenOf(d.nextDown, d) }
            return d
        }
        return nil
    }

    private static func evenOf(_ a: Double, _ b: Double) -> Double {
        a.significandBitPattern & 1 == 0 ? a : b
    }

    /// The sign of `m / p − midpoint(d, d.nextUp)` for a positive normal double `d`.
    private static func compare(_ m: UInt64, _ p: UInt64, withMidpointAbove d: Double) -> Int? {
        guard d.isNormal && d > 0 else { return nil }
        // d = M · 2^E, the midpoint above is (2M + 1) · 2^(E − 1).
        let significand = (UInt64(1) << 52) | d.significandBitPattern
        let e = Int(d.exponentBitPattern) - 1075
        // Compare m · 2^(1 − E) with (2M + 1) · p (moving the power of two to the side it helps).
        let product = (2 * significand + 1).multipliedFullWidth(by: p)
        guard let left = UInt128Parts(high: 0, low: m).shiftedLeft(max(0, 1 - e)),
            let right = UInt128Parts(high: product.high, low: product.low).shiftedLeft(max(0, e - 1))
        else { return nil }
        return left < right ? -1 : (left == right ? 0 : 1)
    }
}

/// A 128-bit unsigned integer as two halves (kept simple so older Apple targets need no UInt128).
private struct UInt128Parts: Comparable {
    var high: UInt64
    var low: UInt64

    /// Shifted left by `n` bits, or nil if bits would be lost.
    func shiftedLeft(_ n: Int) -> UInt128Parts? {
        if n == 0 { return self }
        guard n < 128 else { return nil }
        if n >= 64 {
            guard high == 0, low >> (128 - n) == 0 else { return nil }  // (>> 64 gives 0)
            return UInt128Parts(high: low << (n - 64), low: 0)
        }
        guard high >> (64 - n) == 0 else { return nil }
        return UInt128Parts(high: high << n | low >> (64 - n), low: low << n)
    }

    static func < (a: UInt128Parts, b: UInt128Parts) -> Bool {
        a.high != b.high ? a.high < b.high : a.low < b.low
    }
}
