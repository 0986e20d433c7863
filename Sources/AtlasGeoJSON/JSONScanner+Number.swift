extension JSONScanner {
    /// A number as scanned: its value as a double (possibly infinite when the text overflows) and,
    /// when written without fraction or exponent and within range, as an `Int64`.
    struct ScannedNumber {
        var double: Double
        var integer: Int64?
    }

    /// Exact powers of ten that a double holds without rounding.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    @inline(__always) private static func isDigit(_ b: UInt8) -> Bool {
        b &- UInt8(ascii: "0") < 10
    }

    /// Scans an RFC 8259 number at the current offset. The result is correctly rounded: a fast
    /// exact path (Clinger) covers up to 15–16 significant digits with small exponents,
    /// ``ExactDecimal`` up to 19 digits with up to 19 decimals, anything else goes through the
    /// standard library's correctly rounded conversion.
    mutating func scanNumber() throws(JSONParseError) -> ScannedNumber {
        let start = offset
        var i = offset
        let count = bytes.count
        var negative = false
        if bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
            if i < count && (bytes[i] == UInt8(ascii: "I") || bytes[i] == UInt8(ascii: "N")) {
                throw nonFiniteLiteralError(at: start)
            }
        }
        guard i < count, Self.isDigit(bytes[i]) else { throw expected("a digit", at: i) }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var truncated = false
        var isInteger = true
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < count && Self.isDigit(bytes[i]) {
                throw error(.invalidNumber("leading zeros are not allowed"), at: start)
            }
        } else {
            while i < count {
                let d = bytes[i] &- UInt8(ascii: "0")
                guard d < 10 else { break }
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    digits += 1
                } else {
                    exponent += 1
                    truncated = true
                }
                i += 1
            }
        }
        if i < count && bytes[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            guard i < count, Self.isDigit(bytes[i]) else { throw expected("a digit after '.'", at: i) }
            while i < count {
                let d = bytes[i] &- UInt8(ascii: "0")
                guard d < 10 else { break }
                if digits < 19 {
                    if mantissa != 0 || d != 0 {
                        mantissa = mantissa &* 10 &+ UInt64(d)
                        digits += 1
                    }
                    exponent -= 1
                } else if d != 0 {
                    truncated = true
                }
                i += 1
            }
        }
        if i < count && (bytes[i] | 0x20) == UInt8(ascii: "e") {
            isInteger = false
            i += 1
            var exponentNegative = false
            if i < count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) {
                exponentNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            guard i < count, Self.isDigit(bytes[i]) else { throw expected("a digit in the exponent", at: i) }
            var explicit = 0
            while i < count {
                let d = bytes[i] &- UInt8(ascii: "0")
                guard d < 10 else { break }
                if explicit < 100_000 { explicit = explicit * 10 + Int(d) }
                i += 1
            }
            exponent += exponentNegative ? -explicit : explicit
        }
        offset = i

        if isInteger && !truncated {
            if negative {
                if mantissa <= UInt64(Int64.max) + 1 {
                    let value = mantissa == UInt64(Int64.max) + 1 ? Int64.min : -Int64(mantissa)
                    return ScannedNumber(double: Double(value), integer: value)
                }
            } else if mantissa <= UInt64(Int64.max) {
                return ScannedNumber(double: Double(mantissa), integer: Int64(mantissa))
            }
        }
        var value: Double
        if mantissa == 0 && !truncated {
            value = 0
        } else if !truncated && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            value = Double(mantissa)
            if exponent < 0 {
                value /= Self.exactPowersOfTen[-exponent]
            } else {
                value *= Self.exactPowersOfTen[exponent]
            }
        } else if !truncated && exponent < 0 && exponent >= -19,
            let quotient = ExactDecimal.quotient(mantissa, dividedByPowerOfTen: -exponent)
        {
            value = quotient  // 16–19 significant digits, e.g. coordinates with 15 decimals
        } else {
            // Slow but correctly rounded; the text has already been checked against the grammar.
            let slice = UnsafeBufferPointer(rebasing: bytes[(negative ? start + 1 : start)..<i])
            guard let parsed = Double(String(decoding: slice, as: UTF8.self)) else {
                throw error(.invalidNumber(text(start..<i)), at: start)
            }
            value = parsed
        }
        return ScannedNumber(double: negative ? -value : value, integer: nil)
    }
}
