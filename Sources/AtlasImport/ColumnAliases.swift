/// Header keys (``WorkColumns/key(_:)``) for each field's spellings, and for a Shapefile's cut of
/// each to 10 characters ("ma_cap_tren" → "ma_cap_tre") where no full spelling has that key.
enum ColumnAliases {
    static func table(_ spelled: [(field: String, names: [String])]) -> [String: String] {
        var table: [String: String] = [:]
        for (field, names) in spelled { for name in names { table[WorkColumns.key(name)] = field } }
        for (field, names) in spelled {
            for name in names {
                let cut = WorkColumns.key(String(name.replacingOccurrences(of: " ", with: "_").prefix(10)))
                if table[cut] == nil { table[cut] = field }
            }
        }
        return table
    }
}
