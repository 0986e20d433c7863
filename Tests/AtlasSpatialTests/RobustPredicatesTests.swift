import AtlasSpatial
import AtlasTestSupport
import Testing

@Suite struct RobustPredicatesTests {
    @Test func signsOfSimpleTurns() {
        // Given a → b → c turning left, right, and straight
        // Then the signs are +1, −1 and 0
        #expect(RobustPredicates.orientation(0, 0, 1, 0, 0, 1) == 1)
        #expect(RobustPredicates.orientation(0, 0, 0, 1, 1, 0) == -1)
        #expect(RobustPredicates.orientation(0, 0, 1, 1, 3, 3) == 0)
    }

    @Test func collinearAtUTMScale() {
        // Given an edge with UTM-sized coordinates (multiples of 0.25, so exactly representable)
        // and its exact midpoint
        let ax = 500_000.25, ay = 2_400_000.75, bx = 500_010.25, by = 2_400_010.75
        // Then the midpoint is collinear, and one ulp away in y it is not
        #expect(RobustPredicates.orientation(ax, ay, bx, by, 500_005.25, 2_400_005.75) == 0)
        #expect(RobustPredicates.orientation(ax, ay, bx, by, 500_005.25, 2_400_005.75.nextUp) == 1)
        #expect(RobustPredicates.orientation(ax, ay, bx, by, 500_005.25, 2_400_005.75.nextDown) == -1)
    }

    /// Near-degenerate triples around y = x, checked against exact 128-bit integer arithmetic:
    /// every coordinate is in [0.5, 32), so x·2⁵³ is an integer below 2⁵⁸ and the determinant
    /// fits in Int128.
    @available(macOS 15.0, *)
    @Test func agreesWithExactIntegerArithmetic() {
        var rng = SplitMix64(seed: 2017)
        var naiveWrong = 0
        for _ in 0..<20_000 {
            func jitter(_ v: Double) -> Double {
                var w = v
                for _ in 0..<Int.random(in: 0...3, using: &rng) {
                    w = Bool.random(using: &rng) ? w.nextUp : w.nextDown
                }
                return w
            }
            let t = [rng.uniform(0.5, 2), rng.uniform(8, 16), rng.uniform(16, 24)].shuffled(using: &rng)
            let pts = t.map { (jitter($0), jitter($0)) }
            let (a, b, c) = (pts[0], pts[1], pts[2])
            let exact = Self.exactSign(a, b, c)
            #expect(RobustPredicates.orientation(a.0, a.1, b.0, b.1, c.0, c.1) == exact)
            let naive = (a.0 - c.0) * (b.1 - c.1) - (a.1 - c.1) * (b.0 - c.0)
            if (naive > 0 ? 1 : (naive < 0 ? -1 : 0)) != exact { naiveWrong += 1 }
        }
        // The naive formula does get some of these wrong, so the test exercises the exact path.
        #expect(naiveWrong > 0)
    }

    @available(macOS 15.0, *)
    static func exactSign(_ a: (Double, Double), _ b: (Double, Double), _ c: (Double, Double)) -> Int {
        func int(_ v: Double) -> Int128 { Int128(Int64(v * 0x1p53)) }
        let det = (int(a.0) - int(c.0)) * (int(b.1) - int(c.1)) - (int(a.1) - int(c.1)) * (int(b.0) - int(c.0))
        return det > 0 ? 1 : (det < 0 ? -1 : 0)
    }
}
