import AtlasModel

/// The attribute fields of a units layer as GIS files name them: SPEC §5's names, a Shapefile's
/// 10-character cut of them ("parent_cod") or the Vietnamese the Department of Natural Resources
/// writes ("Mã ĐVHC", "Tên xã").
enum UnitColumns {
    static let aliases: [String: String] = {
        let spelled: [(field: String, names: [String])] = [
            ("code", ["code", "ma", "ma don vi", "ma dvhc", "ma xa", "ma huyen", "ma tinh"]),
            ("name", ["name", "ten", "ten don vi", "ten dvhc", "ten xa", "ten huyen", "ten tinh"]),
            ("kind", ["kind", "cap", "cap hanh chinh"]),
            ("type", ["type", "loai", "loai don vi", "loai dvhc"]),
            ("parent_code", ["parent code", "ma cap tren", "ma don vi cap tren"]),
            ("area_km2", ["area km2", "dien tich", "dien tich km2"]),
            ("valid_from", ["valid from"]),
            ("valid_to", ["valid to"]),
        ]
        return ColumnAliases.table(spelled)
    }()

    /// The SPEC field a header names, or nil (then the header is kept as written, and warned of).
    static func field(forHeader header: String) -> String? { aliases[WorkColumns.key(header)] }

    /// The administrative level in Vietnamese ("Tỉnh", "Huyện", "Xã") as SPEC §5 names it.
    static func kind(_ text: String) -> String {
        switch WorkColumns.key(text) {
        case "tinh": UnitKind.province.rawValue
        case "huyen": UnitKind.district.rawValue
        case "xa": UnitKind.commune.rawValue
        default: text
        }
    }
}
