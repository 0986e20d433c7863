import Foundation

/// How a CSV file was saved: Excel in Vietnam writes `;` with decimal commas ("CSV"), UTF-8 with
/// a BOM ("CSV UTF-8"), or UTF-16 LE with tabs ("Unicode Text"); the rest write RFC 4180.
struct CSVDialect: Equatable {
    enum Encoding: String { case utf8 = "UTF-8", utf8BOM = "UTF-8 with BOM", utf16LE = "UTF-16 LE", utf16BE = "UTF-16 BE" }

    let encoding: Encoding
    let separator: UInt8

    /// Plain RFC 4180: what the strict CSV path reads.
    var isPlain: Bool { separator == 0x2C && encoding != .utf16LE && encoding != .utf16BE }

    /// Decimal commas go with `;` separators (the comma is the decimal mark there).
    var hasDecimalCommas: Bool { separator == 0x3B }

    var description: String {
        let name = separator == 0x09 ? "tab" : separator == 0x3B ? "\";\"" : "\",\""
        return "CSV read as \(encoding.rawValue), \(name)-separated"
            + (hasDecimalCommas ? ", decimal commas" : "")
    }

    /// The dialect of `bytes` and the bytes as UTF-8 (UTF-16 is converted; invalid UTF-16 is nil).
    static func detect(_ bytes: [UInt8]) -> (CSVDialect, [UInt8])? {
        var encoding = Encoding.utf8
        var utf8 = bytes
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            encoding = little ? .utf16LE : .utf16BE
            guard bytes.count % 2 == 0 else { return nil }
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            for i in stride(from: 2, to: bytes.count, by: 2) {
                units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            }
            guard let text = String(validating: units, as: UTF16.self) else { return nil }
            utf8 = Array(text.utf8)
        } else if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            encoding = .utf8BOM
        }
        return (CSVDialect(encoding: encoding, separator: separator(of: utf8)), utf8)
    }

    /// The separator of the header line: the most frequent of `,` `;` tab outside quotes.
    static func separator(of bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var inQuotes = false
        for byte in bytes {
            if byte == 0x22 { inQuotes.toggle() }
            if inQuotes { continue }
            if byte == 0x0A || byte == 0x0D { break }
            if counts[byte] != nil { counts[byte]! += 1 }
        }
        // A tie (a one-column file) stays with the comma.
        var best: UInt8 = 0x2C
        for candidate: UInt8 in [0x3B, 0x09] where counts[candidate]! > counts[best]! { best = candidate }
        return best
    }
}
