/// The pre-RFC 7946 `crs` member (GeoJSON 2008 §3), read leniently: names of WGS84
/// longitude/latitude are accepted, anything else is refused (RFC 7946 §4 removed `crs`).
enum LegacyCRS {
    /// Spellings of CRS84 / EPSG:4326, lower-cased.
    private static let wgs84Names: Set<String> = [
        "urn:ogc:def:crs:ogc:1.3:crs84", "urn:ogc:def:crs:ogc::crs84", "urn:ogc:def:crs:ogc:2:84",
        "crs84", "ogc:crs84", "urn:ogc:def:crs:epsg::4326", "epsg:4326", "4326",
        "http://www.opengis.net/def/crs/ogc/1.3/crs84", "https://www.opengis.net/def/crs/ogc/1.3/crs84",
        "http://www.opengis.net/def/crs/epsg/0/4326", "https://www.opengis.net/def/crs/epsg/0/4326",
    ]

    /// The CRS name a `crs` value gives ("EPSG:3405", an URN, a link href…), nil for `null`.
    static func name(of value: JSONValue) -> String? {
        guard case .object(let crs) = value else { return value.isNull ? nil : value.jsonText }
        let properties = crs["properties"]?.objectValue
        switch crs["type"]?.stringValue {
        case "name":
            if let name = properties?["name"]?.stringValue { return name }
        case "EPSG":
            if let code = properties?["code"] { return "EPSG:\(code.stringValue ?? code.jsonText)" }
        case "link":
            if let href = properties?["href"]?.stringValue { return href }
        default:
            break
        }
        return value.jsonText
    }

    /// True when `name` denotes WGS84 longitude/latitude (CRS84, EPSG:4326 with any version).
    static func isWGS84(_ name: String) -> Bool {
        let lower = name.lowercased()
        if wgs84Names.contains(lower) { return true }
        // urn:ogc:def:crs:EPSG:<version>:4326
        return lower.hasPrefix("urn:ogc:def:crs:epsg:") && lower.hasSuffix(":4326")
    }

    /// The EPSG code at the end of an EPSG name ("urn:ogc:def:crs:EPSG::3405" → 3405).
    static func epsgCode(in name: String) -> Int? {
        guard name.lowercased().contains("epsg") else { return nil }
        let digits = name.reversed().prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : Int(String(digits.reversed()))
    }
}
