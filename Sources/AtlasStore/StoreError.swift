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
    /// One work's maintenance costs whose sum does not fit in Int64 (nil: the work is not known,
    /// as when SQLite's grouped sum() stops).
    case maintenanceOverflow(workId: String?)

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
        case .maintenanceOverflow(let workId):
            "the maintenance costs of \(workId.map { "work \($0)" } ?? "a work") sum to more than \(Int64.max) đồng; look for maintenance events whose costs are wrong (each may be at most \(Money.ceilingVND) đồng)"
        }
    }
}
