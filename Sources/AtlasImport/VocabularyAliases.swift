import AtlasModel

/// Vocabulary words as office files write them: the code ("road"), or the word's Vietnamese or
/// English label from `VocabularyLabels` in any case, with or without diacritics ("Giao thông",
/// "giao thong", "Roads"), or one of the few short forms below that clerks use.
enum VocabularyAliases {
    /// The code a value stands for, or the value unchanged when it stands for none.
    static func code(_ value: String, field: String) -> String {
        guard let words = table[field] else { return value }
        return words[WorkColumns.key(value)] ?? value
    }

    /// Short forms the labels do not spell out ("Thủy lợi" for "Thủy lợi nhỏ").
    private static let shortForms: [String: [String: String]] = [
        "category": [
            "thuy loi": "irrigation", "van hoa": "culture", "nha van hoa": "culture", "tram y te": "health",
            "giao duc": "school", "truong": "school", "nuoc": "water", "duong": "road", "road": "road",
        ],
        "programme": ["ct 135": "135", "ct 30a": "30a", "30a": "30a", "135": "135", "ntm": "ntm"],
        "status": ["da huy": "cancelled", "huy": "cancelled", "dang trien khai": "under_construction"],
        "surface": ["be tong xi mang": "concrete", "duong dat": "earth", "soi": "gravel"],
        "investor": ["ubnd tinh": "province", "ubnd huyen": "district", "ubnd xa": "commune"],
    ]

    private static let table: [String: [String: String]] = {
        var table: [String: [String: String]] = [:]
        func add<T: LabeledVocabulary>(_ field: String, _: T.Type) {
            var words: [String: String] = [:]
            for word in T.allCases {
                for spelling in [word.rawValue, word.label.vi, word.label.en] {
                    words[WorkColumns.key(spelling)] = word.rawValue
                }
            }
            for (spelling, code) in shortForms[field] ?? [:] { words[spelling] = code }
            table[field] = words
        }
        add("category", WorkCategory.self)
        add("status", WorkStatus.self)
        add("programme", Programme.self)
        add("surface", RoadSurface.self)
        add("road_class", RoadClass.self)
        add("exactness", Exactness.self)
        add("investor", Investor.self)
        return table
    }()
}
