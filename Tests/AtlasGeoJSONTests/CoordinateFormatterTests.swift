import AtlasTestSupport
import Testing

@testable import AtlasGeoJSON

@Suite struct CoordinateFormatterTests {
    /// (value, precision, expected text). The near-tie cases were worked out from the exact binary
    /// value of each double (Python: `decimal.Decimal(106.1234585)` is 106.12345849999999813…).
    static let cases: [(Double, Int, String)] = [
        (106.12345649, 6, "106.123456"),
        (106.12345651, 6, "106.123457"),
        (106.5, 6, "106.5"),
        (22.123457, 6, "22.123457"),
        (-0.000001, 6, "-0.000001"),
        (0, 6, "0"),
        (-0.0, 6, "0"),
        (-0.0000004, 6, "0"),
        (1e-7, 7, "0.0000001"),
        (1e-7, 6, "0"),
        (106.999_999_6, 6, "107"),
        (-106.999_999_6, 6, "-107"),
        (2.5, 0, "3"),  // exact tie: away from zero
        (-2.5, 0, "-3"),
        (0.125, 2, "0.13"),
        (-0.125, 2, "-0.13"),
        // 106.1234565 is stored as 106.12345650000000318…: above the tie.
        (106.1234565, 6, "106.123457"),
        // 22.1234565 is stored as 22.12345649999999963…: below the tie, although 22.1234565 * 1e6
        // evaluates to exactly 22123456.5 in floating point.
        (22.1234565, 6, "22.123456"),
        // 106.1234585 is stored as 106.12345849999999813…, its product also looks like a tie.
        (106.1234585, 6, "106.123458"),
        // 0.0000005 is stored as 4.99999999999999977…e-7.
        (0.0000005, 6, "0"),
        (123_456_789.123_456_7, 7, "123456789.1234567"),
        (107.25, 7, "107.25"),
    ]

    @Test(arguments: cases)
    func roundsHalfAwayFromZeroOnTheExactValue(value: Double, precision: Int, expected: String) {
        #expect(CoordinateFormatter(precision: precision).string(value) == expected)
    }

    @Test func refusesNonFiniteAndHugeValues() {
        let formatter = CoordinateFormatter(precision: 7)
        #expect(formatter.string(.nan) == nil)
        #expect(formatter.string(.infinity) == nil)
        #expect(formatter.string(-.infinity) == nil)
        #expect(formatter.string(1e12) == nil)
        #expect(formatter.string(9e8) == "900000000")
    }

    @Test func agreesWithDecimalRoundingOnManyValues() {
        // For values whose product is far from a tie, the result must equal naive rounding.
        var generator = SplitMix64(seed: 7)
        let formatter = CoordinateFormatter(precision: 6)
        for _ in 0..<20000 {
            let value = Double(generator.next() % 360_000_000_000) / 1_000_000_000 - 180
            let product = value * 1e6
            let fraction = (product - product.rounded(.towardZero)).magnitude
            guard (fraction - 0.5).magnitude > 1e-6 else { continue }
            let expected = Int64(product.rounded(.toNearestOrAwayFromZero))
            #expect(formatter.units(value) == expected, "\(value)")
        }
    }
}
