/// Writes numbers with at most `precision` decimals, rounded half away from zero on the exact
/// value of the double, without trailing zeros and without exponent: `106.5`, `22.123457`,
/// `-0.000001`, `0` (never `-0`).
///
/// The value is first rounded to an integer count of 10^-precision units (exactly: the rounding
/// error of `value × 10^precision` is recovered with a fused multiply-add, so a product that
/// merely *looks* like a tie in binary floating point is rounded the way its true value says),
/// then the integer and fractional digits are printed.
public struct CoordinateFormatter: Hashable, Sendable {
    /// Number of decimals, 0…9.
    public let precision: Int
    private let scale: Double
    private let unitsPerOne: UInt64
    /// Magnitudes at or above this cannot be rounded exactly (`value × 10^precision ≥ 2^53`).
    public let limit: Double

    public init(precision: Int) {
        precondition((0...9).contains(precision), "precision \(precision) is outside 0...9")
        self.precision = precision
        var units: UInt64 = 1
        for _ in 0..<precision { units *= 10 }
        unitsPerOne = units
        scale = Double(units)
        limit = 9_007_199_254_740_992 / Double(units)
    }

    /// `value` rounded to a signed count of 10^-precision units; nil when it is not finite or its
    /// magnitude is at or above ``limit``.
    @inline(__always)
    public func units(_ value: Double) -> Int64? {
        let magnitude = value.magnitude
        guard magnitude < limit else { return nil }  // also false for NaN and infinities
        let product = magnitude * scale
        let error = (-product).addingProduct(magnitude, scale)  // exact: magnitude × scale − product
        let floor = product.rounded(.down)
        let aboveHalf = (product - floor) - 0.5  // exact for the cases that matter
        var n = Int64(floor)
        if aboveHalf >= -error { n += 1 }  // exact fraction ≥ 0.5: away from zero
        return value.sign == .minus ? -n : n
    }

    /// Appends the decimal text of a count of units (as returned by ``units(_:)``).
    public func append(units: Int64, to out: inout [UInt8]) {
        if units < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = units.magnitude
        let integerPart = magnitude / unitsPerOne
        var fraction = magnitude % unitsPerOne
        JSONTextEncoding.appendUnsigned(integerPart, to: &out)
        guard fraction != 0 else { return }
        var digits = precision
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        out.append(UInt8(ascii: "."))
        for _ in 0..<digits { out.append(UInt8(ascii: "0")) }
        var i = out.count - 1
        while fraction != 0 {
            out[i] = UInt8(ascii: "0") + UInt8(fraction % 10)
            fraction /= 10
            i -= 1
        }
    }

    /// The text of `value` rounded to ``precision`` decimals; nil when not finite or too large.
    public func string(_ value: Double) -> String? {
        guard let units = units(value) else { return nil }
        var out: [UInt8] = []
        append(units: units, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
