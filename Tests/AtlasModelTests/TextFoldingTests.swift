import AtlasModel
import Foundation
import Testing

@Suite struct TextFoldingTests {
    @Test(arguments: [
        ("Bình Gia", "binh gia"),
        ("Đình Lập", "dinh lap"),
        ("LẠNG SƠN", "lang son"),
        ("Hữu Lũng", "huu lung"),
        ("Tràng Định", "trang dinh"),
        ("Văn Quan", "van quan"),
        ("Chi Lăng", "chi lang"),
        ("Lộc Bình", "loc binh"),
        ("xa 06100", "xa 06100"),
    ])
    func vietnameseNamesFoldToPlainLowercase(name: String, folded: String) {
        // Given a unit name as written; Then search compares it without case, tones or đ
        #expect(name.foldedForSearch == folded)
    }

    @Test func decomposedInputFoldsLikeComposed() {
        // Given the same names typed in NFD (base letters + combining marks), as some keyboards do
        let decomposed = "Đình Lập".decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > "Đình Lập".unicodeScalars.count)
        // Then they fold to the same text
        #expect(decomposed.foldedForSearch == "dinh lap")
        #expect("Bình Gia".decomposedStringWithCanonicalMapping.foldedForSearch == "binh gia")
    }
}
