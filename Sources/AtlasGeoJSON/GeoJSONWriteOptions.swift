/// How ``GeoJSONWriter`` writes (GDAL's GeoJSON write options, reduced to what RFC 7946 allows).
public struct GeoJSONWriteOptions: Hashable, Sendable {
    /// The precisions accepted for coordinates: 0…7 decimals (6 is about 0.1 m, 7 about 1 cm).
    public static let precisionRange = 0...7

    /// Decimals written for coordinates (RFC 7946 §11.2 recommends 6). Default 6.
    public private(set) var coordinatePrecision: Int
    /// Write a [bbox](https://datatracker.ietf.org/doc/html/rfc7946#section-5) on each feature
    /// with a geometry, and on the collection. Default false.
    public var writeBBox: Bool
    /// Write a [GeoJSON text sequence](https://datatracker.ietf.org/doc/html/rfc8142): each
    /// Feature as RS (0x1E), the feature, LF, with no enclosing FeatureCollection. Default false.
    public var textSequence: Bool

    /// Options with the default precision (6 decimals).
    public init(writeBBox: Bool = false, textSequence: Bool = false) {
        coordinatePrecision = 6
        self.writeBBox = writeBBox
        self.textSequence = textSequence
    }

    /// Options with an explicit precision; throws unless it is within ``precisionRange``.
    public init(coordinatePrecision: Int, writeBBox: Bool = false, textSequence: Bool = false) throws(GeoJSONWriteError)
    {
        guard Self.precisionRange.contains(coordinatePrecision) else {
            throw .invalidPrecision(coordinatePrecision)
        }
        self.coordinatePrecision = coordinatePrecision
        self.writeBBox = writeBBox
        self.textSequence = textSequence
    }
}
