import AtlasModel

/// Failures of the store, each saying what to do about it.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case spatiaLiteUnavailable(code: Int32)
    case projection(String)
    case notFound(kind: String, id: String)
    case refused(String)
    /// Stored amounts whose sum does not fit in Int64 (only a hand-edited file, or thousands of
    /// ceiling-sized works in one place, gets here).
    case moneyOverflow(scope: String)

    public var description: String {
        switch self {
        case .spatiaLiteUnavailable(let code):
            "SpatiaLite could not be initialised (SQLite code \(code)); install it with `apt-get install libspatialite-dev` (or run Scripts/setup)"
        case .projection(let why):
            "coordinate transformation failed: \(why)"
        case .notFound(let kind, let id):
            "no \(kind) with id \(id)"
        case .refused(let why):
            why
        case .moneyOverflow(let scope):
            "the funding of \(scope) sums to more than \(Int64.max) đồng; look for works whose planned or disbursed amounts are wrong (each line may be at most \(Money.ceilingVND) đồng)"
        }
    }
}
