/// Failures of the store, each saying what to do about it.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case spatiaLiteUnavailable(code: Int32)
    case projection(String)
    case notFound(kind: String, id: String)
    case refused(String)

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
        }
    }
}
