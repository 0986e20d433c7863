/// One problem in the data found by `worksatlas check`.
public struct Finding: Hashable, Sendable, Comparable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning, info

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .info: 2
            }
        }

        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    /// "work", "village", "statistics" …
    public var subject: String
    public var id: String
    /// A short stable name of the rule, e.g. `ineligible_30a`.
    public var rule: String
    public var reason: String

    public init(severity: Severity, subject: String, id: String, rule: String, reason: String) {
        self.severity = severity
        self.subject = subject
        self.id = id
        self.rule = rule
        self.reason = reason
    }

    public static func < (a: Finding, b: Finding) -> Bool {
        (a.severity, a.subject, a.id, a.rule) < (b.severity, b.subject, b.id, b.rule)
    }
}
