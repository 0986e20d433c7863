/// Why a value was refused by the domain.
public enum ModelError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownValue(field: String, value: String, allowed: String)
    case illegalTransition(from: WorkStatus, to: WorkStatus)
    case invalid(field: String, value: String, reason: String)

    public var description: String {
        switch self {
        case .unknownValue(_, let value, let allowed):
            "unknown value \"\(value)\" (allowed: \(allowed))"
        case .illegalTransition(let from, let to):
            if from.successors.isEmpty {
                "status cannot change from \(from.rawValue) to \(to.rawValue): \(from.rawValue) is final"
            } else {
                "status cannot change from \(from.rawValue) to \(to.rawValue) (allowed next: \(from.successors.map(\.rawValue).joined(separator: ", ")))"
            }
        case .invalid(_, _, let reason):
            reason
        }
    }

    public var field: String {
        switch self {
        case .unknownValue(let field, _, _), .invalid(let field, _, _): field
        case .illegalTransition: "status"
        }
    }

    public var value: String {
        switch self {
        case .unknownValue(_, let value, _), .invalid(_, let value, _): value
        case .illegalTransition(_, let to): to.rawValue
        }
    }
}
