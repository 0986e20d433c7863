/// Why ``GeoJSONWriter`` refused to write: it never writes text that is not strict RFC 7946.
public enum GeoJSONWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A coordinate precision outside ``GeoJSONWriteOptions/precisionRange``.
    case invalidPrecision(Int)
    /// A coordinate is NaN or infinite (RFC 7946 positions are finite numbers).
    case nonFiniteCoordinate(featureID: String?)
    /// A coordinate is too large to be written with the chosen precision.
    case coordinateOutOfRange(Double, featureID: String?)
    /// A top-level foreign member uses a name GeoJSON defines (`type`, `features`, `bbox`…).
    case reservedMemberName(String)
    /// Calls out of order (`writeFeature` before `begin`, or after `end`…).
    case outOfOrder(String)
    /// The sink could not write.
    case io(String)

    public var description: String {
        switch self {
        case .invalidPrecision(let p):
            "coordinate precision \(p) is outside \(GeoJSONWriteOptions.precisionRange.lowerBound)…"
                + "\(GeoJSONWriteOptions.precisionRange.upperBound)"
        case .nonFiniteCoordinate(let id):
            "feature \(id.map { "\"\($0)\"" } ?? "without id") has a coordinate that is NaN or infinite"
        case .coordinateOutOfRange(let value, let id):
            "feature \(id.map { "\"\($0)\"" } ?? "without id") has coordinate \(value), too large to write"
        case .reservedMemberName(let name):
            "\"\(name)\" is a GeoJSON member name and cannot be written as a foreign member"
        case .outOfOrder(let what):
            what
        case .io(let reason):
            "cannot write GeoJSON: \(reason)"
        }
    }
}
