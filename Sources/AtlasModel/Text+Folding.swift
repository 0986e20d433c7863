import Foundation

extension String {
    /// Lower-cased, without diacritics, "đ" as "d": "Bình Gia" → "binh gia".
    public var foldedForSearch: String {
        var out = String.UnicodeScalarView()
        for scalar in self.precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII {
                out.append(Unicode.Scalar(UInt8(ascii: scalar) | (scalar.properties.isUppercase ? 0x20 : 0)))
            } else {
                out.append(contentsOf: FoldingTable.shared.fold(scalar))
            }
        }
        return String(out)
    }

    /// The string without leading and trailing ASCII spaces and tabs (cheap: no Foundation).
    public var trimmedASCIISpaces: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last,
            first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
        else { return self }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, utf8[start] == 0x20 || utf8[start] == 0x09 { start = utf8.index(after: start) }
        while end > start, utf8[utf8.index(before: end)] == 0x20 || utf8[utf8.index(before: end)] == 0x09 {
            end = utf8.index(before: end)
        }
        return String(self[start..<end])
    }
}

extension UInt8 {
    fileprivate init(ascii scalar: Unicode.Scalar) { self = UInt8(truncatingIfNeeded: scalar.value) }
}

/// Folds each distinct non-ASCII scalar once with Foundation and remembers it: names repeat
/// the same few dozen Vietnamese letters, so searches and imports stay cheap.
private final class FoldingTable: @unchecked Sendable {
    static let shared = FoldingTable()
    private let lock = NSLock()
    private var table: [Unicode.Scalar: String.UnicodeScalarView] = [:]

    func fold(_ scalar: Unicode.Scalar) -> String.UnicodeScalarView {
        lock.lock()
        defer { lock.unlock() }
        if let known = table[scalar] { return known }
        let folded = String(Character(scalar)).lowercased().replacingOccurrences(of: "đ", with: "d")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).unicodeScalars
        table[scalar] = folded
        return folded
    }
}
