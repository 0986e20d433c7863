/// Numbers as people write them in files and URLs: plain decimals only. Swift's `Double(_:)`
/// also takes `0x6A` (106), `nan`, `inf` and `1_0`, and `Int64(_:)` takes `+5`; none of those
/// is a coordinate or a count anyone meant. The shape is checked by a byte scan: a Swift `Regex`
/// literal here is compiled on every call and took 68 % of a 98,000-village import (perf).
public enum NumberText {
    /// `-106.5`, `21`, `.5`, `1e-3` → the finite value; anything else → nil.
    public static func decimal(_ text: String) -> Double? {
        guard isDecimal(text.utf8), let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// Digits with an optional minus sign → the value when it fits in Int64.
    public static func integer(_ text: String) -> Int64? {
        let bytes = text.utf8
        let digits = bytes.first == UInt8(ascii: "-") ? bytes.dropFirst() : bytes[...]
        guard (1...19).contains(digits.count), digits.allSatisfy(isDigit) else { return nil }
        return Int64(text)
    }

    /// `-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?`
    static func isDecimal(_ bytes: String.UTF8View) -> Bool {
        var i = bytes.startIndex
        func digits() -> Int {
            var n = 0
            while i != bytes.endIndex, isDigit(bytes[i]) {
                n += 1
                i = bytes.index(after: i)
            }
            return n
        }
        if i != bytes.endIndex, bytes[i] == UInt8(ascii: "-") { i = bytes.index(after: i) }
        var mantissa = digits()
        if i != bytes.endIndex, bytes[i] == UInt8(ascii: ".") {
            i = bytes.index(after: i)
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if i != bytes.endIndex, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i = bytes.index(after: i)
            if i != bytes.endIndex, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
                i = bytes.index(after: i)
            }
            guard (1...3).contains(digits()) else { return false }
        }
        return i == bytes.endIndex
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
