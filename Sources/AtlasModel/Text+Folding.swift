import Foundation

extension String {
    /// Lower-cased, without diacritics, "đ" as "d": "Bình Gia" → "binh gia".
    public var foldedForSearch: String {
        let lowered = self.precomposedStringWithCanonicalMapping.lowercased()
            .replacingOccurrences(of: "đ", with: "d")
        return lowered.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }
}
