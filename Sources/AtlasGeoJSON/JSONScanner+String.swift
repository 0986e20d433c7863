extension JSONScanner {
    /// Parses a string starting at `"`: all RFC 8259 escapes, `\uXXXX` surrogate pairs, strict
    /// UTF-8 (no overlong forms, no encoded surrogates, nothing above U+10FFFF).
    mutating func parseString() throws(JSONParseError) -> String {
        offset += 1  // opening quote
        let start = offset
        var i = start
        // Fast path: no escapes, so the string is a slice of the input.
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                offset = i + 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw error(.controlCharacterInString(b), at: i) }
            if b >= 0x80 {
                i = try validateUTF8Sequence(at: i)
            } else {
                i += 1
            }
        }
        guard i < bytes.count else { throw error(.unexpectedEnd, at: i) }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                offset = i + 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") {
                i = try appendEscape(at: i)
            } else if b < 0x20 {
                throw error(.controlCharacterInString(b), at: i)
            } else if b >= 0x80 {
                let next = try validateUTF8Sequence(at: i)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<next]))
                i = next
            } else {
                scratch.append(b)
                i += 1
            }
        }
        throw error(.unexpectedEnd, at: i)
    }

    /// Checks the multi-byte UTF-8 sequence starting at `i`; returns the index after it.
    @inline(__always)
    func validateUTF8Sequence(at i: Int) throws(JSONParseError) -> Int {
        let b0 = bytes[i]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: throw error(.invalidUTF8, at: i)
        }
        guard i + length <= bytes.count else { throw error(.invalidUTF8, at: i) }
        let b1 = bytes[i + 1]
        guard b1 >= low && b1 <= high else { throw error(.invalidUTF8, at: i) }
        for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 {
            throw error(.invalidUTF8, at: i)
        }
        return i + length
    }

    /// Decodes the escape at `i` (a backslash) into `scratch`; returns the index after it.
    private mutating func appendEscape(at i: Int) throws(JSONParseError) -> Int {
        guard i + 1 < bytes.count else { throw error(.unexpectedEnd, at: i + 1) }
        let c = bytes[i + 1]
        let simple: UInt8
        switch c {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            var scalar = try hex4(at: i + 2)
            var next = i + 6
            if scalar >= 0xD800 && scalar <= 0xDBFF {
                guard next + 1 < bytes.count, bytes[next] == UInt8(ascii: "\\"), bytes[next + 1] == UInt8(ascii: "u")
                else {
                    throw error(
                        .invalidUnicodeEscape(
                            "high surrogate \\u\(hexText(scalar)) is not followed by a low surrogate"), at: i)
                }
                let low = try hex4(at: next + 2)
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    let why =
                        "high surrogate \\u\(hexText(scalar)) is followed by \\u\(hexText(low)), not a low surrogate"
                    throw error(.invalidUnicodeEscape(why), at: i)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                next += 6
            } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                throw error(.invalidUnicodeEscape("unpaired low surrogate \\u\(hexText(scalar))"), at: i)
            }
            appendUTF8(scalar)
            return next
        default:
            throw error(.invalidEscape, at: i)
        }
        scratch.append(simple)
        return i + 2
    }

    private func hex4(at i: Int) throws(JSONParseError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw error(.unexpectedEnd, at: bytes.count) }
        var value: UInt32 = 0
        for k in 0..<4 {
            let b = bytes[i + k]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default:
                throw error(
                    .invalidUnicodeEscape("'\(text(i..<min(i + 4, bytes.count)))' is not 4 hex digits"), at: i - 2)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private func hexText(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
