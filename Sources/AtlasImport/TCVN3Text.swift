#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation

/// Text typed with the TCVN3 ("ABC", .VnTime) fonts, still common in provincial files, made
/// Unicode NFC. The bytes are decoded by the C library's iconv (`TCVN5712-1`, whose lower half and
/// lowercase letters are TCVN3's), not by a table of our own. Capitals typed with the ".VnTimeH"
/// fonts share the lowercase codes, so they come out lowercase: no converter can tell them apart.
public enum TCVN3Text {
    /// Text that was read as Windows-1252 or Latin-1 ("L¹ng S¬n") back to the bytes it was, then
    /// decoded. Only for text the user says is TCVN3 (`--encoding tcvn3`): "ì" of real Unicode
    /// would be read as the TCVN3 byte 0xEC too.
    public static func repair(_ misread: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(misread.utf8.count)
        for scalar in misread.unicodeScalars {
            if scalar.value < 0x100 {
                bytes.append(UInt8(scalar.value))
            } else if let byte = windows1252Byte[scalar.value] {
                bytes.append(byte)
            } else {
                return misread  // a letter no single-byte reading gives: already Unicode
            }
        }
        return decode(bytes) ?? misread
    }

    /// TCVN3 bytes as Unicode NFC; nil when iconv cannot decode them.
    public static func decode(_ bytes: [UInt8]) -> String? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        let converter = iconv_open("UTF-8", "TCVN5712-1")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        // Each TCVN3 byte is at most 3 UTF-8 bytes (+ a combining mark kept pending by iconv).
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 8)
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var inLeft = inBuffer.count, outLeft = outBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1,
                    iconv(converter, nil, nil, &outPointer, &outLeft) != -1
                else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let written else { return nil }
        let text = String(decoding: output[..<written].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.precomposedStringWithCanonicalMapping
    }

    /// Windows-1252's letters in 0x80–0x9F, as GDAL or a spreadsheet decodes those bytes.
    private static let windows1252Byte: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
}
