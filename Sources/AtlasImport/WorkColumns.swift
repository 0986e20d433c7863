import AtlasModel

/// What a column of an office or field file holds: a work field (SPEC §5 name), a part of the
/// location, or nothing the import needs.
enum WorkColumn: Hashable, Sendable {
    case field(String)
    /// `lon`, `lat` (or easting/northing with --srid), `x`, `y`, `wkt`, a Kobo/ODK geopoint,
    /// geotrace or geoshape ("lat lon alt acc;…").
    case lon, lat, x, y, wkt, geopoint
    /// Metadata the file's format or tool writes (Kobo's `_uuid`, a row number): skipped quietly.
    case ignored

    var name: String {
        switch self {
        case .field(let f): f
        case .lon: "lon"
        case .lat: "lat"
        case .x: "x"
        case .y: "y"
        case .wkt: "wkt"
        case .geopoint: "geopoint"
        case .ignored: "(ignored)"
        }
    }
}

/// Header names as people write them: English (SPEC §5) or Vietnamese, in any case, with or
/// without diacritics, a unit in brackets ("Kế hoạch vốn (đồng)") or a Kobo group path.
enum WorkColumns {
    /// "Kế hoạch vốn (đồng)" → "ke hoach von": folded, bracketed units dropped, punctuation as spaces.
    static func key(_ header: String) -> String {
        var text = header.foldedForSearch
        while let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
            text.removeSubrange(open...close)
        }
        let words = text.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        return words.joined(separator: " ")
    }

    /// Vietnamese and other spellings of each column, as keys.
    static let aliases: [String: WorkColumn] = {
        var table: [String: WorkColumn] = [:]
        for field in WorkFieldParser.knownFields { table[key(field)] = .field(field) }
        let spelled: [(WorkColumn, [String])] = [
            (.field("id"), ["ma cong trinh", "ma ct", "ma so cong trinh"]),
            (.field("name"), ["ten cong trinh", "ten ct", "ten", "name"]),
            (.field("programme"), ["chuong trinh", "program", "programme"]),
            (.field("category"), ["loai cong trinh", "loai ct", "loai", "linh vuc"]),
            (.field("status"), ["tinh trang", "trang thai"]),
            (.field("surface"), ["mat duong", "ket cau mat duong", "loai mat duong"]),
            (.field("road_class"), ["cap duong", "loai duong"]),
            (.field("commune_code"), ["ma xa"]),
            (.field("villages_served"), ["thon huong loi", "ma thon huong loi", "ma thon"]),
            (.field("exactness"), ["muc do chinh xac"]),
            (.field("accuracy_m"), ["sai so", "sai so vi tri", "accuracy", "precision"]),
            (.field("approved_on"), ["ngay phe duyet"]),
            (.field("started_on"), ["ngay khoi cong"]),
            (.field("completed_on"), ["ngay hoan thanh"]),
            (.field("investor"), ["chu dau tu"]),
            (.field("planned_vnd"), ["ke hoach von", "tong von", "von ke hoach", "tong muc dau tu"]),
            (.field("disbursed_vnd"), ["giai ngan", "da giai ngan", "von da giai ngan"]),
            (.field("labour_days"), ["ngay cong", "so ngay cong"]),
            (.lon, ["lon", "kinh do", "longitude", "lng"]),
            (.lat, ["lat", "vi do", "latitude"]),
            (.x, ["x", "toa do x"]),
            (.y, ["y", "toa do y"]),
            (.wkt, ["wkt"]),
            (.geopoint, ["geopoint", "geotrace", "geoshape", "gps", "vi tri", "toa do", "location"]),
            (.ignored, ["stt", "tt", "so tt"]),
        ]
        for (column, names) in spelled { for name in names { table[key(name)] = column } }
        return table
    }()

    /// Kobo/ODK's own columns: submission metadata and its notes about a form.
    static let koboMetadata: Set<String> = [
        "start", "end", "today", "deviceid", "subscriberid", "simserial", "phonenumber", "username", "audit",
        "instanceid", "__version__",
    ]

    /// The column a header names, or nil when it names nothing known (a warning). `mapped` is
    /// the user's `--columns` file (keys as `key(_:)` makes them), tried first.
    static func column(forHeader header: String, mapped: [String: WorkColumn] = [:]) -> WorkColumn? {
        let whole = key(header)
        if let column = mapped[whole] { return column }
        let lower = header.lowercased()
        if lower.hasPrefix("meta/") || lower.hasPrefix("formhub/") { return .ignored }
        // Kobo's split geopoint: `_location_latitude`, `_location_longitude`, …
        if lower.hasPrefix("_") {
            if lower.hasSuffix("_latitude") { return .lat }
            if lower.hasSuffix("_longitude") { return .lon }
            if lower.hasSuffix("_precision") { return .field("accuracy_m") }
            return .ignored
        }
        if let column = aliases[whole] { return column }
        if koboMetadata.contains(lower) { return .ignored }
        // A Kobo group path ("thong_tin/ma_cong_trinh"): the question's own name.
        if let slash = header.lastIndex(of: "/") {
            return column(forHeader: String(header[header.index(after: slash)...]), mapped: mapped)
        }
        // A Shapefile cuts field names to 10 characters ("planned_vn"): one field it can be.
        if header.count == 10 {
            let candidates = WorkFieldParser.knownFields.filter { $0.hasPrefix(lower) }
            if candidates.count == 1 { return .field(candidates[0]) }
        }
        return nil
    }
}
