import Foundation
import Testing

@testable import AtlasImport

/// The expected bytes are iconv's own: `echo "Lạng Sơn" | iconv -f UTF-8 -t TCVN5712-1 | xxd`
/// gives 4c b9 6e 67 20 53 ac 6e ("L¹ng S¬n" when read as Latin-1).
@Suite struct TCVN3TextTests {
    @Test func decodesTCVN3BytesToNFC() {
        #expect(TCVN3Text.decode([0x4C, 0xB9, 0x6E, 0x67, 0x20, 0x53, 0xAC, 0x6E]) == "Lạng Sơn")
        // "đường" = ® ­ ê n g ; "Đ" = §
        #expect(TCVN3Text.decode([0xAE, 0xAD, 0xEA, 0x6E, 0x67, 0x20, 0xA7]) == "đường Đ")
        let decoded = TCVN3Text.decode([0x54, 0x72, 0xB5, 0x6E, 0x67, 0x20, 0xA7, 0xDE, 0x6E, 0x68])
        #expect(decoded == "Tràng Định")
        #expect(decoded == decoded?.precomposedStringWithCanonicalMapping)
        #expect(TCVN3Text.decode(Array("Na Sam".utf8)) == "Na Sam")
    }

    /// What a spreadsheet or GDAL shows for a TCVN3 file read as Latin-1 / Windows-1252.
    @Test func repairsTextMisreadAsLatin1() {
        #expect(TCVN3Text.repair("L\u{B9}ng S\u{AC}n") == "Lạng Sơn")
        #expect(TCVN3Text.repair("X\u{B7} Qu\u{E8}c Kh\u{B8}nh") == "Xã Quốc Khánh")
        // Text with a letter no single-byte reading gives (ố) is Unicode already: left alone.
        #expect(TCVN3Text.repair("Xã Quốc Khánh") == "Xã Quốc Khánh")
    }

    /// Every byte iconv makes of a Vietnamese sentence comes back as the sentence.
    @Test func roundTripsThroughIconv() throws {
        let sentence = "Đường giao thông liên xã Quốc Khánh - Tri Phương, huyện Tràng Định, tỉnh Lạng Sơn"
        let bytes = try #require(OfficeFiles.iconvTCVN3(sentence))
        #expect(TCVN3Text.decode(bytes) == sentence)
    }
}
