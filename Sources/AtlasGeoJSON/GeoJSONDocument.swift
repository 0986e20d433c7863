/// What a read found besides the features: top-level
/// [foreign members](https://datatracker.ietf.org/doc/html/rfc7946#section-6.1) and the legacy `crs`.
public struct GeoJSONReadSummary: Hashable, Sendable {
    /// Whether the document was a FeatureCollection (false: a lone Feature).
    public var isFeatureCollection: Bool
    /// Number of features delivered.
    public var featureCount: Int
    /// Top-level members other than `type`, `features`, `bbox` and `crs` (for a lone Feature, also
    /// other than `id`, `properties` and `geometry`), in document order: "name", "attribution",
    /// "notice"…
    public var foreignMembers: JSONObject
    /// The name in a legacy `crs` member (accepted only for CRS84/EPSG:4326 unless
    /// ``GeoJSONReadOptions/acceptsAnyCRS``), or nil when there is none.
    public var crsName: String?

    public init(isFeatureCollection: Bool, featureCount: Int, foreignMembers: JSONObject, crsName: String?) {
        self.isFeatureCollection = isFeatureCollection
        self.featureCount = featureCount
        self.foreignMembers = foreignMembers
        self.crsName = crsName
    }
}

/// A whole GeoJSON document read into memory.
public struct GeoJSONDocument: Hashable, Sendable {
    public var features: [GeoJSONFeature]
    public var summary: GeoJSONReadSummary

    public init(features: [GeoJSONFeature], summary: GeoJSONReadSummary) {
        self.features = features
        self.summary = summary
    }

    /// Top-level foreign members (see ``GeoJSONReadSummary/foreignMembers``).
    public var foreignMembers: JSONObject { summary.foreignMembers }
}
