import AtlasModel

/// One [Feature](https://datatracker.ietf.org/doc/html/rfc7946#section-3.2) as read, together with
/// what was wrong with it, so an importer can report the problem and go on to the next feature.
public struct GeoJSONFeature: Hashable, Sendable {
    /// 0-based position in the collection's `features` array (0 for a lone Feature).
    public var index: Int
    /// 1-based line on which the feature starts in the input.
    public var line: Int
    /// The feature's `id` (RFC 7946 §3.2): a string as is, a number as its JSON text (`7`, `1.5`).
    public var id: String?
    /// The `properties` members in document order; empty when `properties` is `null`.
    public var properties: JSONObject
    /// The geometry, or nil when it is `null`, missing, or refused (then ``geometryError`` says why).
    public var geometry: Geometry?
    /// Why the geometry was refused: unknown type, GeometryCollection, bad positions, too few
    /// positions, an unclosed ring, too many vertices…
    public var geometryError: String?
    /// Problems with the feature other than its geometry: not an object, `type` not "Feature",
    /// an `id` that is neither string nor number, `properties` that is not an object.
    public var featureError: String?

    public init(
        index: Int, line: Int = 1, id: String? = nil, properties: JSONObject = [:], geometry: Geometry? = nil,
        geometryError: String? = nil, featureError: String? = nil
    ) {
        self.index = index
        self.line = line
        self.id = id
        self.properties = properties
        self.geometry = geometry
        self.geometryError = geometryError
        self.featureError = featureError
    }

    /// True when neither the feature nor its geometry had a problem.
    public var isValid: Bool { geometryError == nil && featureError == nil }

    /// The problems, feature-level first (empty when valid).
    public var problems: [String] {
        [featureError, geometryError].compactMap { $0 }
    }

    /// How to name this feature in a message: `feature 3 (id "W-7", line 12)`.
    public var reference: String {
        if let id { "feature \(index) (id \"\(id)\", line \(line))" } else { "feature \(index) (line \(line))" }
    }
}
