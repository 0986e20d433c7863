/// Why a printed map could not be made.
public enum MapError: Error, Sendable, CustomStringConvertible {
    /// The data cannot make this map (no statistics for the year, no communes).
    case noData(String)
    /// cairo could not write the file.
    case cairo(path: String, status: String)
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .noData(let why): why
        case .cairo(let path, let status): "\(path): cairo could not write the map: \(status)"
        case .io(let path, let reason): "\(path): \(reason)"
        }
    }
}
