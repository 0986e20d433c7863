/// Why a whole GeoJSON document was refused. Problems with single features are not errors: they
/// are reported on the feature (``GeoJSONFeature/geometryError``, ``GeoJSONFeature/featureError``).
public enum GeoJSONReadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text is not valid JSON (or breaks a strictness rule); carries line and column.
    case malformedJSON(JSONParseError)
    /// Valid JSON, but not a FeatureCollection or Feature.
    case notGeoJSON(reason: String, line: Int, column: Int)
    /// A legacy `crs` member names a CRS other than WGS84 longitude/latitude.
    case unsupportedCRS(name: String, line: Int, column: Int)
    /// The file could not be read.
    case unreadableFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .malformedJSON(let error):
            "malformed JSON at \(error)"
        case .notGeoJSON(let reason, let line, let column):
            "line \(line), column \(column): not GeoJSON: \(reason)"
        case .unsupportedCRS(let name, let line, let column):
            "line \(line), column \(column): the crs member names \"\(name)\", but GeoJSON is read as WGS84 "
                + "longitude/latitude (RFC 7946 §4); remove the crs member and give the source CRS with "
                + (LegacyCRS.epsgCode(in: name).map { "--srid \($0)" } ?? "--srid <EPSG code>")
        case .unreadableFile(let path, let reason):
            "cannot read \(path): \(reason)"
        }
    }
}
