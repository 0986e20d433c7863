/// The columns of a villages sheet or layer as communes write them: SPEC §5's names, a
/// Shapefile's 10-character cut ("commune_co") or Vietnamese ("Mã thôn", "Số hộ").
enum VillageColumns {
    static let aliases: [String: String] = {
        let spelled: [(field: String, names: [String])] = [
            ("code", ["code", "ma thon", "ma thon ban", "ma thon xom", "ma ban"]),
            ("commune_code", ["commune code", "ma xa", "ma xa phuong"]),
            ("name", ["name", "ten thon", "ten thon ban", "ten thon xom", "ten ban", "ten"]),
            ("lon", ["lon", "longitude", "kinh do"]),
            ("lat", ["lat", "latitude", "vi do"]),
            ("households", ["households", "so ho", "tong so ho", "so ho dan"]),
        ]
        return ColumnAliases.table(spelled)
    }()

    /// The SPEC field a header names, or nil.
    static func field(forHeader header: String) -> String? { aliases[WorkColumns.key(header)] }
}
